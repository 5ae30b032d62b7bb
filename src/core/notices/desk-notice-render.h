/* desk-notice-render.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "desk-notice.h"

G_BEGIN_DECLS

/* One renderer for every way a notice leaves the program: PDF export
 * (headless), printing and print preview (the GUI's print operation draws
 * on the cairo context GTK gives it) and pictures for tests.  Pages are
 * A4 in points, origin at the top-left corner of the sheet. */

#define DESK_NOTICE_PAGE_WIDTH  595.276 /* 210 mm */
#define DESK_NOTICE_PAGE_HEIGHT 841.890 /* 297 mm */

/* The fonts asked for, best first; pango takes the first one installed
 * (fonts-noto-cjk gives the first).  One family in two weights: every
 * face used is embedded in each PDF, and a CJK face costs time to subset
 * (cairo reads its whole CFF table), so the notice uses no more than two. */
#define DESK_NOTICE_FONTS "Noto Serif CJK SC, Source Han Serif SC, Noto Sans CJK SC, WenQuanYi Micro Hei, Droid Sans Fallback, serif"

typedef struct _DeskNoticeRenderer DeskNoticeRenderer;

DeskNoticeRenderer *desk_notice_renderer_new        (DeskNotice          *notice);
void                desk_notice_renderer_free       (DeskNoticeRenderer  *self);

/* Lays the notice out for pages drawn on contexts like @cr (user units are
 * points) and returns how many pages it takes. */
guint               desk_notice_renderer_paginate   (DeskNoticeRenderer  *self,
                                                     cairo_t             *cr);
guint               desk_notice_renderer_get_n_pages (DeskNoticeRenderer *self);
/* Draws page @page (from 0) of the paginated notice. */
void                desk_notice_renderer_draw_page  (DeskNoticeRenderer  *self,
                                                     cairo_t             *cr,
                                                     guint                page);

/* Writes the notice as an A4 PDF with its fonts embedded, atomically.
 * The same notice always gives the same bytes (the PDF's dates are the
 * day of issue). */
gboolean            desk_notice_render_pdf          (DeskNotice          *notice,
                                                     const char          *path,
                                                     GError             **error);
/* Writes page @page as a PNG at @dpi, for tests and thumbnails. */
gboolean            desk_notice_render_png          (DeskNotice          *notice,
                                                     guint                page,
                                                     double               dpi,
                                                     const char          *path,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskNoticeRenderer, desk_notice_renderer_free)

G_END_DECLS
