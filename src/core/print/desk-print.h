/* desk-print.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* What every printed document shares: A4 in points, the fonts (real
 * Chinese glyphs where fonts-noto-cjk is installed, the next best CJK font
 * otherwise), text layouts in absolute sizes, and writing a PDF
 * atomically with fixed metadata (so the same document makes the same
 * file). */

#define DESK_PRINT_A4_WIDTH  595.276 /* 210 mm */
#define DESK_PRINT_A4_HEIGHT 841.890 /* 297 mm */
#define DESK_PRINT_SANS  "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Droid Sans Fallback, sans-serif"
#define DESK_PRINT_SERIF "Noto Serif CJK SC, Source Han Serif SC, Noto Sans CJK SC, WenQuanYi Micro Hei, Droid Sans Fallback, serif"

/* A layout of @text in @families at @size points, wrapped at @width
 * points (0: not wrapped). */
PangoLayout *desk_print_layout        (PangoContext *context,
                                       const char   *families,
                                       double        size,
                                       gboolean      bold,
                                       double        width,
                                       const char   *text);
double       desk_print_layout_height (PangoLayout  *layout);
double       desk_print_layout_width  (PangoLayout  *layout);
void         desk_print_show_layout   (cairo_t      *cr,
                                       PangoLayout  *layout,
                                       double        x,
                                       double        y);
/* A Pango context for @cr with metrics that do not depend on the screen:
 * the same line breaks on paper, in a PDF and in a picture. */
PangoContext *desk_print_context_new  (cairo_t      *cr);

typedef void (*DeskPrintDrawPage) (cairo_t  *cr,
                                   guint     page,
                                   gpointer  user_data);

/* Draws @n_pages A4 pages into a PDF at @path, written beside it and
 * renamed.  @date (ISO 8601) is the document's, not the moment of writing. */
gboolean     desk_print_write_pdf     (const char        *path,
                                       const char        *title,
                                       const char        *date,
                                       guint              n_pages,
                                       DeskPrintDrawPage  draw_page,
                                       gpointer           user_data,
                                       GError           **error);

G_END_DECLS
