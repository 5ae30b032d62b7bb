/* desk-report-chart.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-report.h"

G_BEGIN_DECLS

/* A report table drawn with cairo: bars for each row, this month beside
 * the previous one, or a line over the days of the month.  Colours come
 * from the style (accent and foreground), so that it reads in light and
 * dark; the months also differ by fill (solid and outlined), and the
 * figures are in the table beside it for screen readers and copying. */
#define DESK_TYPE_REPORT_CHART (desk_report_chart_get_type ())

G_DECLARE_FINAL_TYPE (DeskReportChart, desk_report_chart, DESK, REPORT_CHART, GtkWidget)

GtkWidget *desk_report_chart_new (const DeskReportTable *table);

G_END_DECLS
