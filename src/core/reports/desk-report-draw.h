/* desk-report-draw.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "desk-report.h"

G_BEGIN_DECLS

/* A report table's chart, drawn with cairo for the window and for paper
 * alike: bars for each row (this month solid in the accent colour above
 * the previous month outlined in the text colour), or the days of the
 * month as a solid line over a dashed one.  Colour is never the only
 * sign: solid against outlined, solid against dashed. */
typedef struct
{
  PangoContext *context;
  const char   *families;   /* NULL: the context's font */
  double        font_size;  /* points, with @families */
  double        fg[4];      /* RGBA */
  double        accent[4];
} DeskReportInk;

double desk_report_chart_get_height (const DeskReportTable *table);
void   desk_report_draw_chart       (cairo_t               *cr,
                                     const DeskReportTable *table,
                                     double                 width,
                                     const DeskReportInk   *ink);

G_END_DECLS
