/* bench-tickets.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The ticket queue on a large office (issue 3's benchmark, the parts that
 * need no display): switching queue, sorting by each column, searching,
 * and jumping to the middle, each through the same lazy list model the
 * window uses; beside each, the same SQL run by the sqlite3 tool in the
 * same run, and the ratio.  Medians of several runs.
 *
 *   DESK_BENCH_DB       the office (default: bench-office.db in the build
 *                       folder); generated when it has no tickets
 *   DESK_BENCH_TICKETS  how many to generate (default 1000000)
 *   DESK_BENCH_RUNS     runs per figure (default 7)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "desk-alert-store.h"
#include "desk-deadline-store.h"
#include "desk-demo.h"
#include "desk-generator.h"
#include "desk-office-store.h"
#include "desk-ticket-list-model.h"
#include "desk-ticket-query.h"
#include "desk-ticket.h"

static const char *db_path;
static int runs = 7;

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

/* The sqlite3 tool's own timer for the statements, in ms (fresh process:
 * it opens the file each time, as a person at the prompt would). */
static double
sqlite3_tool_ms (const char * const *statements)
{
  g_autoptr(GString) script = g_string_new (".timer on\n.output /dev/null\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  double total = 0;

  for (const char * const *s = statements; *s; s++)
    g_string_append_printf (script, "%s;\n", *s);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           &error, "sqlite3", db_path, NULL);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, script->str, NULL, &out, NULL, &error))
    g_error ("sqlite3: %s", error->message);

  for (const char *p = out; (p = strstr (p, "Run Time: real ")) != NULL; p++)
    total += g_ascii_strtod (p + strlen ("Run Time: real "), NULL) * 1000.0;

  return total;
}

static void
report (const char *what,
        GArray     *ours,
        GArray     *tool)
{
  double a = median (ours);

  if (tool != NULL)
    {
      double b = median (tool);
      printf ("%-44s %9.2f %11.2f %8.2f\n", what, a, b, b > 0 ? a / b : 0.0);
    }
  else
    printf ("%-44s %9.2f %11s %8s\n", what, a, "-", "-");
  fflush (stdout);
}

/* What the window does when the user picks a queue, sort or search: the
 * model counts, and the view fetches the rows it shows (the first 40). */
static void
measure_query (DeskDatabase          *db,
               DeskTicketListModel   *model,
               const DeskTicketQuery *query_in,
               const char            *what)
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tool = g_array_new (FALSE, FALSE, sizeof (double));
  DeskTicketQuery query_with_count = *query_in;
  const DeskTicketQuery *query = query_in;
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  const char *statements[3];

  /* The model counts first and pages with that count in hand: give the
   * sqlite3 tool the very statements the model runs. */
  query_with_count.count_hint = desk_ticket_query_count (db, query_in, NULL);
  count_sql = desk_ticket_query_to_sql (query_in, TRUE, NULL, 0, 0);
  page_sql = desk_ticket_query_to_sql (&query_with_count, FALSE, NULL, 0, 100);
  statements[0] = count_sql;
  statements[1] = page_sql;
  statements[2] = NULL;

  for (int r = 0; r < runs; r++)
    {
      DeskTicketQuery reset = { .queue = DESK_QUEUE_CLOSED, .sort = DESK_SORT_NUMBER };
      gint64 start;
      double ms, t;
      guint n;

      /* Start from another query each time, as a user switching would. */
      desk_ticket_list_model_set_query (model, &reset);

      start = g_get_monotonic_time ();
      desk_ticket_list_model_set_query (model, query);
      n = MIN (40, g_list_model_get_n_items (G_LIST_MODEL (model)));
      for (guint i = 0; i < n; i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ours, ms);

      t = sqlite3_tool_ms (statements);
      g_array_append_val (tool, t);
    }

  report (what, ours, tool);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  if (done % 100000 == 0 || done == total)
    fprintf (stderr, "generated %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT "\n", done, total);
}

static char *
phone_fragment (DeskDatabase *db)
{
  DeskTicketQuery q = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_RECEIVED };
  g_autoptr(GPtrArray) page = desk_ticket_query_page (db, &q, NULL, 12345, 1, NULL);
  const char *phone;

  g_assert (page != NULL && page->len == 1);
  phone = desk_ticket_get_data (page->pdata[0])->customer_phone;
  /* Seven digits from the middle of an eleven-digit number. */
  return g_strndup (phone + 3, 7);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskTicketListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *fragment = NULL;
  DeskTicketQuery open = { .queue = DESK_QUEUE_OPEN, .sort = DESK_SORT_NUMBER };
  DeskTicketQuery all = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_NUMBER };
  struct rusage usage;
  gint64 total;
  gint64 start;

  static const struct { DeskQueue queue; const char *name; } queues[] = {
    { DESK_QUEUE_OPEN, "open" },
    { DESK_QUEUE_UNASSIGNED, "unassigned" },
    { DESK_QUEUE_DUE_SOON, "due soon" },
    { DESK_QUEUE_OVERDUE, "overdue" },
    { DESK_QUEUE_MAJOR, "major" },
    { DESK_QUEUE_WAITING_CALLBACK, "waiting for callback" },
    { DESK_QUEUE_DEPARTMENT, "department 3" },
    { DESK_QUEUE_MINE, "mine (staff 5)" },
    { DESK_QUEUE_CLOSED, "closed" },
  };
  static const char *sorts[DESK_N_SORTS] = {
    "number", "status", "severity", "kind", "customer", "category",
    "department", "owner", "next deadline", "received (age)", "repeat count",
  };

  if (g_getenv ("DESK_BENCH_RUNS"))
    runs = MAX (1, atoi (g_getenv ("DESK_BENCH_RUNS")));

  default_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                   "bench-office.db", NULL);
  db_path = g_getenv ("DESK_BENCH_DB") ? g_getenv ("DESK_BENCH_DB") : default_path;

  db = desk_database_open (db_path, DESK_DATABASE_OPEN_CREATE, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  total = desk_ticket_query_count (db, &all, &error);
  if (total == 0)
    {
      guint64 n = g_getenv ("DESK_BENCH_TICKETS") ? g_ascii_strtoull (g_getenv ("DESK_BENCH_TICKETS"), NULL, 10)
                                                  : 1000000;

      fprintf (stderr, "generating %" G_GUINT64_FORMAT " tickets in %s\n", n, db_path);
      if ((desk_office_store_is_empty (db, NULL) && !desk_demo_populate (db, FALSE, &error)) ||
          !desk_generator_add_tickets (db, n, 1, g_get_real_time () / G_USEC_PER_SEC,
                                       progress_cb, NULL, &error))
        g_error ("%s", error->message);
      total = desk_ticket_query_count (db, &all, &error);
    }

  printf ("Service Desk ticket queue benchmark: %" G_GINT64_FORMAT " tickets in %s, median of %d runs\n",
          total, db_path, runs);
  printf ("%-44s %9s %11s %8s\n", "operation (ms)", "ours", "sqlite3", "ratio");

  start = g_get_monotonic_time ();
  model = desk_ticket_list_model_new (db, &open);
  for (guint i = 0; i < 40; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  printf ("%-44s %9.2f %11s %8s\n", "open the queue (cold model, first 40 rows)",
          (g_get_monotonic_time () - start) / 1000.0, "-", "-");

  for (guint q = 0; q < G_N_ELEMENTS (queues); q++)
    {
      /* Newest first, as the window shows a queue it switches to. */
      DeskTicketQuery query = { .queue = queues[q].queue, .sort = DESK_SORT_RECEIVED, .descending = TRUE,
                                .queue_arg = queues[q].queue == DESK_QUEUE_MINE ? 5 : 3 };
      g_autofree char *what = g_strdup_printf ("queue: %s", queues[q].name);

      measure_query (db, model, &query, what);
    }

  for (int s = 0; s < DESK_N_SORTS; s++)
    for (int desc = 0; desc < 2; desc++)
      {
        DeskTicketQuery query = { .queue = DESK_QUEUE_OPEN, .sort = s, .descending = desc };
        g_autofree char *what = g_strdup_printf ("sort open by %s %s", sorts[s], desc ? "desc" : "asc");

        measure_query (db, model, &query, what);
      }

  fragment = phone_fragment (db);
  {
    const struct { const char *text; const char *what; } searches[] = {
      { "漏水", "search: 2-character word 漏水" },
      { "墙面开裂", "search: 4-character phrase 墙面开裂" },
      { fragment, NULL },
      { "空调", "search: 2-character word 空调" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        DeskTicketQuery query = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_RECEIVED,
                                  .descending = TRUE, .search = searches[i].text };
        g_autofree char *what = searches[i].what ? g_strdup (searches[i].what)
                                                 : g_strdup_printf ("search: phone fragment %s", fragment);

        measure_query (db, model, &query, what);
      }
  }

  /* Jump-scroll to the middle: the page there by OFFSET, then the next
   * page continues by key. */
  {
    g_autoptr(GArray) jump = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) tool = g_array_new (FALSE, FALSE, sizeof (double));
    DeskTicketQuery query = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_RECEIVED };
    guint middle;

    desk_ticket_list_model_set_query (model, &query);
    middle = g_list_model_get_n_items (G_LIST_MODEL (model)) / 2;
    for (int r = 0; r < runs; r++)
      {
        g_autofree char *sql = NULL;
        const char *statements[2] = { NULL, NULL };
        gint64 t0;
        double ms;

        query.count_hint = g_list_model_get_n_items (G_LIST_MODEL (model));
        sql = desk_ticket_query_to_sql (&query, FALSE, NULL, middle / 100 * 100, 100);
        statements[0] = sql;

        desk_ticket_list_model_reload (model);
        t0 = g_get_monotonic_time ();
        for (guint i = middle; i < middle + 40; i++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (jump, ms);

        t0 = g_get_monotonic_time ();
        for (guint i = middle + 100; i < middle + 140; i++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (next, ms);

        ms = sqlite3_tool_ms (statements);
        g_array_append_val (tool, ms);
      }
    report ("jump to the middle (OFFSET page)", jump, tool);
    report ("scroll on from there (keyset page)", next, NULL);
  }

  /* Issue 4: recompute every open ticket's deadlines from the rules. */
  {
    g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
    guint64 n = 0;

    for (int r = 0; r < MIN (runs, 3); r++)
      {
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        if (!desk_deadline_store_refresh_all (db, g_get_real_time () / G_USEC_PER_SEC, &n, &error))
          g_error ("%s", error->message);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (ours, ms);
      }
    {
      g_autofree char *what = g_strdup_printf ("recompute deadlines (%" G_GUINT64_FORMAT " open)", n);
      report (what, ours, NULL);
    }
  }

  /* Issue 4: the deadline check the app runs at start (catching up since
   * its last run) and then every minute (finding nothing new, mostly).
   * The list model is let go first: it answers every escalated ticket's
   * change notification with a position query, which is its cost, not the
   * check's. */
  g_clear_object (&model);
  {
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;
    g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));
    guint n_alerts = 0;

    for (int r = 0; r < MIN (runs, 3); r++)
      {
        g_autoptr(GPtrArray) alerts = NULL;
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        alerts = desk_alert_store_catch_up (db, now + r * 60, &error);
        if (alerts == NULL)
          g_error ("%s", error->message);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        if (r == 0)
          {
            n_alerts = alerts->len;
            g_array_append_val (first, ms);
          }
        else
          g_array_append_val (again, ms);
      }
    {
      g_autofree char *what = g_strdup_printf ("deadline check, catch-up (%u new alerts)", n_alerts);
      report (what, first, NULL);
      report ("deadline check, a minute later", again, NULL);
    }
  }

  getrusage (RUSAGE_SELF, &usage);
  printf ("%-44s %9.1f\n", "peak RSS (MB)", usage.ru_maxrss / 1024.0);

  return 0;
}
