/* bench-callbacks.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Callback planning and the Callbacks area's queries on a large office:
 * the first planning of the day (the rolling window), planning again
 * (idempotent: the baseline every later start pays), planning one ticket
 * after it changed, the month grid's counts, a day's agenda, the overdue
 * list and the month's figures.  Medians of several runs; the ratio of
 * each to the idempotent re-planning run in the same process.
 *
 *   DESK_BENCH_CALLBACKS_DB  the office to copy (default
 *                            /work/bench/office-1m.db); skipped when absent
 *   DESK_BENCH_RUNS          runs per figure (default 5)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "desk-callback-store.h"
#include "desk-core-test.h"

static int runs = 5;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

typedef gboolean (*BenchFunc) (DeskDatabase *db, gint64 now, GError **error);

static double
time_ms (BenchFunc     func,
         DeskDatabase *db,
         gint64        now)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!func (db, now, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  return median (times);
}

static gboolean
replan (DeskDatabase *db, gint64 now, GError **error)
{
  return desk_callback_store_plan (db, now, 3, NULL, error);
}

static gint64 some_ticket;

static gboolean
plan_one (DeskDatabase *db, gint64 now, GError **error)
{
  return desk_callback_store_plan_ticket (db, some_ticket, now, error);
}

static gboolean
month_counts (DeskDatabase *db, gint64 now, GError **error)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) first = g_date_time_add_days (dt, -31);
  g_autoptr(GDateTime) last = g_date_time_add_days (dt, 11);
  g_autofree char *a = g_date_time_format (first, "%Y-%m-%d");
  g_autofree char *b = g_date_time_format (last, "%Y-%m-%d");
  g_autoptr(GArray) counts = desk_callback_store_day_counts (db, a, b, error);

  return counts != NULL;
}

static gint64 busy_day; /* the start of a working day in the window */

static gboolean
agenda (DeskDatabase *db, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) list = desk_callback_store_list (db, busy_day, busy_day + 24 * 3600, NULL, 500, error);
  return list != NULL;
}

static gboolean
overdue (DeskDatabase *db, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) list = desk_callback_store_list_overdue (db, now, 200, error);
  return list != NULL;
}

static gboolean
figures (DeskDatabase *db, gint64 now, GError **error)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (now);
  g_autoptr(GPtrArray) rows = desk_callback_store_month_figures (db, g_date_time_get_year (dt),
                                                                 g_date_time_get_month (dt), error);
  return rows != NULL;
}

int
main (int    argc,
      char **argv)
{
  const char *source = g_getenv ("DESK_BENCH_CALLBACKS_DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) today = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start;
  guint64 planned = 0;
  double open_ms, first_ms, baseline;

  if (source == NULL)
    source = "/work/bench/office-1m.db";
  if (g_getenv ("DESK_BENCH_RUNS"))
    runs = MAX (1, atoi (g_getenv ("DESK_BENCH_RUNS")));
  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      printf ("bench-callbacks: %s does not exist; skipped\n", source);
      return 0;
    }

  /* A copy: the benchmark office is read-only for everyone. */
  dir = desk_test_make_dir ("bench-callbacks");
  path = g_build_filename (dir, "office.db", NULL);
  from = g_file_new_for_path (source);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("Could not copy %s: %s", source, error->message);

  start = g_get_monotonic_time ();
  db = desk_database_open (path, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  open_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  if (!desk_callback_store_plan (db, now, 3, &planned, &error))
    g_error ("%s", error->message);
  first_ms = (g_get_monotonic_time () - start) / 1000.0;

  today = desk_callback_store_list (db, now, G_MAXINT64, NULL, 1, &error);
  some_ticket = today->len > 0 ? ((DeskCallback *)today->pdata[0])->ticket_id : 1;
  busy_day = today->len > 0 ? ((DeskCallback *)today->pdata[0])->planned_at - 11 * 3600 : now;

  printf ("bench-callbacks on a copy of %s (%d runs a figure, medians)\n", source, runs);
  printf ("  open and migrate (once):                   %9.1f ms\n", open_ms);
  printf ("  first planning, 3 working days (once):     %9.1f ms  (%" G_GUINT64_FORMAT " callbacks planned)\n",
          first_ms, planned);
  baseline = time_ms (replan, db, now);
  printf ("  planning again, nothing new (baseline):    %9.1f ms  1.00x\n", baseline);
#define FIGURE(label, func) \
  G_STMT_START { \
    double ms = time_ms (func, db, now); \
    printf ("  %-42s %9.2f ms  %.3fx\n", label, ms, ms / baseline); \
  } G_STMT_END
  FIGURE ("planning one ticket after a change:", plan_one);
  FIGURE ("month grid counts (6 weeks):", month_counts);
  FIGURE ("a working day's agenda (first 500):", agenda);
  FIGURE ("overdue list (first 200):", overdue);
  FIGURE ("month figures per person:", figures);
#undef FIGURE

  g_clear_object (&db);
  desk_test_remove_dir (dir);
  return 0;
}
