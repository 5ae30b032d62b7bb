/* desk-report.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The monthly service report: tables of figures for a month beside the
 * previous month's, computed by desk-report-store.c and shown, drawn and
 * written out by whoever needs them (window, PDF, CSV). */

typedef enum
{
  DESK_REPORT_CHART_NONE,
  DESK_REPORT_CHART_BARS,   /* one bar per row, both months */
  DESK_REPORT_CHART_LINE,   /* rows are days in order */
} DeskReportChartKind;

typedef struct
{
  char   *key;              /* stable: a code, nick or id */
  char   *label;            /* for people */
  double  current;
  double  previous;
} DeskReportRow;

typedef struct
{
  char            *id;      /* stable, e.g. "by-category"; the CSV's section */
  char            *title;   /* for people */
  gboolean         percent; /* values are percentages */
  int              decimals; /* digits after the point (percentages: 1) */
  DeskReportChartKind chart;
  GPtrArray       *rows;    /* DeskReportRow, in the order to show */
} DeskReportTable;

typedef struct
{
  int        year;
  int        month;         /* 1-12 */
  gint64     start;         /* the month, [start, end), in the office's zone */
  gint64     end;
  gint64     previous_start;
  GTimeZone *zone;          /* the office's */
  gint64     computed_at;   /* "now" for the deadlines' standing */
  GPtrArray *tables;        /* DeskReportTable */
} DeskReport;

DeskReport      *desk_report_new          (int               year,
                                           int               month,
                                           GTimeZone        *zone);
void             desk_report_free         (DeskReport       *report);
DeskReportTable *desk_report_add_table    (DeskReport       *report,
                                           const char       *id,
                                           const char       *title,
                                           DeskReportChartKind chart);
DeskReportTable *desk_report_table_copy   (const DeskReportTable *table);
void             desk_report_table_free   (DeskReportTable  *table);
DeskReportRow   *desk_report_table_add_row (DeskReportTable *table,
                                           const char       *key,
                                           const char       *label);
DeskReportRow   *desk_report_table_find_row (DeskReportTable *table,
                                           const char       *key);
DeskReportTable *desk_report_find_table   (DeskReport       *report,
                                           const char       *id);
/* "2026-11" and its previous month, for column heads. */
char            *desk_report_month_label  (const DeskReport *report,
                                           gboolean          previous);
/* A value as the report shows it: "1234", "12.5 %". */
char            *desk_report_format_value (const DeskReportTable *table,
                                           double            value);

/* Every table as CSV, UTF-8 with a byte-order mark (so that spreadsheet
 * programs read Chinese correctly), written atomically. */
gboolean         desk_report_write_csv    (const DeskReport *report,
                                           const char       *path,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReport, desk_report_free)

G_END_DECLS
