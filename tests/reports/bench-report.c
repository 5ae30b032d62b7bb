/* bench-report.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The monthly report on a large office (issue 9's benchmark): computing
 * the busiest month's figures, writing its CSV and its PDF, medians of
 * several runs.  Beside the computation it times the sqlite3 tool
 * counting the same month's tickets on the same index (the least any
 * report must read), in the same run, and prints the ratio.
 *
 *   DESK_BENCH_DB    the office (default: bench-office.db in the build
 *                    folder; bench-tickets makes it)
 *   DESK_BENCH_RUNS  runs per figure (default 5)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "desk-database.h"
#include "desk-deadline-store.h"
#include "desk-report-render.h"
#include "desk-report-store.h"
#include "desk-work-calendar.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* The sqlite3 tool reading the month's rows of the report's index. */
static double
sqlite3_tool_ms (const char *path,
                 gint64      start,
                 gint64      end)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*), sum(kind), sum(severity) FROM tickets"
                                          " INDEXED BY tickets_for_report"
                                          " WHERE received_at >= %" G_GINT64_FORMAT
                                          " AND received_at < %" G_GINT64_FORMAT ";", start, end);
  const char *argv[] = { "sqlite3", path, sql, NULL };
  gint64 t0 = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, NULL, NULL))
    return -1;

  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) compute = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tool = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) csv = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pdf = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *pdf_path = NULL;
  GTimeZone *zone = desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (NULL));
  int runs = g_getenv ("DESK_BENCH_RUNS") ? MAX (1, atoi (g_getenv ("DESK_BENCH_RUNS"))) : 5;
  const char *path;
  int year = 0, month = 0;
  gint64 busiest = -1;

  default_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                   "bench-office.db", NULL);
  path = g_getenv ("DESK_BENCH_DB") ? g_getenv ("DESK_BENCH_DB") : default_path;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s does not exist: run bench-tickets first, or set DESK_BENCH_DB\n", path);
      return 1;
    }

  db = desk_database_open (path, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* The busiest of the last twelve months. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now (zone);

    for (int back = 0; back < 12; back++)
      {
        g_autoptr(GDateTime) then = g_date_time_add_months (now, -back);
        g_autoptr(DeskReport) report = desk_report_store_compute (db, g_date_time_get_year (then),
                                                                  g_date_time_get_month (then), zone, NULL);
        gint64 received = report ? (gint64)((DeskReportRow *)g_ptr_array_index (
                                     ((DeskReportTable *)g_ptr_array_index (report->tables, 0))->rows, 0))->current : 0;

        if (received > busiest)
          {
            busiest = received;
            year = g_date_time_get_year (then);
            month = g_date_time_get_month (then);
          }
      }
  }

  dir = g_dir_make_tmp ("desk-bench-report-XXXXXX", NULL);
  csv_path = g_build_filename (dir, "report.csv", NULL);
  pdf_path = g_build_filename (dir, "report.pdf", NULL);

  printf ("Service Desk monthly report benchmark on %s: %04d-%02d, %" G_GINT64_FORMAT
          " tickets received, median of %d runs\n", path, year, month, busiest, runs);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(DeskReport) report = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      report = desk_report_store_compute (db, year, month, zone, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (compute, ms);

      ms = sqlite3_tool_ms (path, report->start, report->end);
      g_array_append_val (tool, ms);

      t0 = g_get_monotonic_time ();
      g_assert_true (desk_report_write_csv (report, csv_path, &error));
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (csv, ms);

      t0 = g_get_monotonic_time ();
      g_assert_true (desk_report_render_pdf (report, "华安装饰工程有限公司", pdf_path, &error));
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (pdf, ms);
    }

  printf ("%-52s %9s %9s %7s\n", "operation (ms)", "ours", "sqlite3", "ratio");
  printf ("%-52s %9.1f %9.1f %7.2f\n", "compute the month's figures (both months)",
          median (compute), median (tool), median (compute) / median (tool));
  printf ("%-52s %9.1f %9s %7s\n", "write the CSV", median (csv), "-", "-");
  printf ("%-52s %9.1f %9s %7s\n", "write the PDF (charts, Chinese text)", median (pdf), "-", "-");
  printf ("%-52s %9.1f %9s %7s\n", "the whole report: figures and PDF",
          median (compute) + median (pdf), "-", "-");

  g_remove (csv_path);
  g_remove (pdf_path);
  g_rmdir (dir);

  return 0;
}
