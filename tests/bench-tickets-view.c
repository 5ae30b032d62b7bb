/* bench-tickets-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Tickets area on a large office, as a person sees it (issue 3's
 * benchmark, the parts that need a display): from process start to the
 * first frame showing the queue, switching queue, sorting by each column,
 * searching, and a jump-scroll to the middle, each timed to the next
 * painted frame; and the peak RSS.  The real application is started on the
 * office, as "service-desk --database PATH" would.  Medians of several
 * runs.  Run it under Xvfb with GSK_RENDERER=cairo, like the tests.
 *
 *   DESK_BENCH_DB    the office (default: bench-office.db in the build
 *                    folder; bench-tickets makes it)
 *   DESK_BENCH_RUNS  runs per figure (default 5; 0: the first frame only,
 *                    for profiling start-up)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <gtk/gtk.h>

#include "desk-application.h"
#include "desk-gui-test.h"
#include "desk-ticket-list-model.h"
#include "desk-tickets-view.h"
#include "desk-window.h"

static gint64 process_start;
static int runs = 5;
static gboolean painted;
/* The last frame's work: from its start (before-paint) to its end. */
static gint64 frame_start;
static gint64 frame_end;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  if (!painted && frame_start == 0)
    frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  frame_end = g_get_monotonic_time ();
  painted = TRUE;
}

/* Runs the main loop until the window has painted a new frame. */
static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  frame_start = 0;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

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

/* The time to the painted frame, and the work in it: the step itself
 * and the frame's drawing, without the wait for the frame clock's next
 * tick (at 60 Hz a frame starts up to 16.7 ms after it is asked for). */
static void
report (const char *what,
        GArray     *values,
        GArray     *work)
{
  double until = median (values);

  printf ("%-48s %9.1f %9.1f\n", what, until, median (work));
  fflush (stdout);
}

typedef void (*Action) (DeskTicketsView *view, GtkColumnView *table, gpointer data);

/* Times @action until the next painted frame, @runs times, after @reset. */
static void
measure (GtkWidget       *window,
         DeskTicketsView *view,
         GtkColumnView   *table,
         const char      *what,
         Action           reset,
         Action           action,
         gpointer         data)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));

  for (int r = 0; r < runs; r++)
    {
      gint64 start, step_end;
      double ms, busy;

      if (reset != NULL)
        {
          reset (view, table, data);
          wait_for_frame (window);
        }
      start = g_get_monotonic_time ();
      action (view, table, data);
      step_end = g_get_monotonic_time ();
      wait_for_frame (window);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      busy = ((step_end - start) + (frame_end - MAX (frame_start, step_end))) / 1000.0;
      g_array_append_val (values, ms);
      g_array_append_val (work, busy);
    }

  report (what, values, work);
}

static void
nothing (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
}

static void
show_closed (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  desk_tickets_view_show_queue (view, DESK_QUEUE_CLOSED, 0);
}

static void
show_queue (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  desk_tickets_view_show_queue (view, GPOINTER_TO_INT (data), 3);
}

static void
show_open (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  desk_tickets_view_show_queue (view, DESK_QUEUE_OPEN, 0);
}

static void
sort_column (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  guint spec = GPOINTER_TO_UINT (data);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), spec / 2);

  gtk_column_view_sort_by_column (table, column, spec % 2 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
unsort (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  gtk_column_view_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
}

static void
scroll_top (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table)), 0);
}

static void
scroll_middle (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));

  gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) / 2);
}

static void
run_benchmark (GtkWindow *window)
{
  DeskTicketsView *view = DESK_TICKETS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_TICKETS_VIEW));
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  static const struct { DeskQueue queue; const char *name; } queues[] = {
    { DESK_QUEUE_OPEN, "open" }, { DESK_QUEUE_UNASSIGNED, "unassigned" }, { DESK_QUEUE_DUE_SOON, "due soon" },
    { DESK_QUEUE_OVERDUE, "overdue" }, { DESK_QUEUE_MAJOR, "major" },
    { DESK_QUEUE_WAITING_CALLBACK, "waiting for callback" }, { DESK_QUEUE_DEPARTMENT, "department 3" },
    { DESK_QUEUE_CLOSED, "closed" },
  };
  struct rusage usage;
  guint n_columns;

  printf ("%u tickets in the first queue\n", g_list_model_get_n_items (G_LIST_MODEL (model)));
  printf ("%-48s %9s %9s\n", "operation (ms, medians)", "to frame", "work");

  /* The cost of a frame by itself, for reading the figures below. */
  measure (GTK_WIDGET (window), view, table, "repaint, nothing changed (baseline)", NULL, nothing, NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queues); q++)
    {
      g_autofree char *what = g_strdup_printf ("switch to queue: %s", queues[q].name);

      measure (GTK_WIDGET (window), view, table, what,
               queues[q].queue == DESK_QUEUE_CLOSED ? show_open : show_closed,
               show_queue, GINT_TO_POINTER (queues[q].queue));
    }

  desk_tickets_view_show_queue (view, DESK_QUEUE_OPEN, 0);
  wait_for_frame (GTK_WIDGET (window));
  n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (table));
  for (guint c = 0; c < n_columns; c++)
    for (guint desc = 0; desc < 2; desc++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), c);
        g_autofree char *what = NULL;

        if (gtk_column_view_column_get_sorter (column) == NULL)
          continue;
        what = g_strdup_printf ("sort open by %s %s", gtk_column_view_column_get_title (column),
                                desc ? "desc" : "asc");
        measure (GTK_WIDGET (window), view, table, what, unsort, sort_column, GUINT_TO_POINTER (c * 2 + desc));
      }

  gtk_column_view_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
  desk_tickets_view_show_queue (view, DESK_QUEUE_CLOSED, 0);
  wait_for_frame (GTK_WIDGET (window));
  printf ("%u tickets in the closed queue\n", g_list_model_get_n_items (G_LIST_MODEL (model)));
  measure (GTK_WIDGET (window), view, table, "jump-scroll to the middle (frame)", scroll_top, scroll_middle, NULL);

  getrusage (RUSAGE_SELF, &usage);
  printf ("%-48s %9.1f\n", "peak RSS (MB)", usage.ru_maxrss / 1024.0);
}

/* Where start-up time goes, printed with DESK_BENCH_RUNS=0. */
static void
phase_cb (GApplication *app,
          const char   *phase)
{
  if (runs == 0)
    printf ("  %-46s %9.1f\n", phase, (g_get_monotonic_time () - process_start) / 1000.0);
}

static gboolean
first_frame_cb (gpointer user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);
  DeskTicketsView *view;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  view = DESK_TICKETS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_TICKETS_VIEW));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  wait_for_frame (GTK_WIDGET (window));
  printf ("%-48s %9.1f\n", "process start to the first frame showing the queue",
          (g_get_monotonic_time () - process_start) / 1000.0);
  {
    struct rusage cpu;

    /* The CPU it took, which a busy machine inflates less than the wall
     * clock (the X server's work is not in it). */
    getrusage (RUSAGE_SELF, &cpu);
    printf ("%-48s %9.1f\n", "  of which this process's CPU time (user + sys)",
            (cpu.ru_utime.tv_sec + cpu.ru_stime.tv_sec) * 1000.0 +
            (cpu.ru_utime.tv_usec + cpu.ru_stime.tv_usec) / 1000.0);
  }
  printf ("(%u tickets shown in the queue)\n",
          g_list_model_get_n_items (G_LIST_MODEL (desk_tickets_view_get_model (view))));

  if (runs > 0)
    run_benchmark (window);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeskApplication) app = NULL;
  g_autofree char *default_path = NULL;
  const char *path;
  char *app_argv[] = { argv[0], NULL };

  process_start = g_get_monotonic_time ();

  if (g_getenv ("DESK_BENCH_RUNS"))
    runs = MAX (0, atoi (g_getenv ("DESK_BENCH_RUNS")));
  default_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                   "bench-office.db", NULL);
  path = g_getenv ("DESK_BENCH_DB") ? g_getenv ("DESK_BENCH_DB") : default_path;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s does not exist: run bench-tickets first, or set DESK_BENCH_DB\n", path);
      return 1;
    }

  printf ("Service Desk Tickets area benchmark on %s, median of %d runs\n", path, runs);
  /* A returning clerk, as on every start but an office's first: the
   * window opens on the queue, not on the Who Are You? dialog. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

    if (schema != NULL)
      {
        g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

        g_settings_set_string (settings, "current-user", "S001");
      }
  }
  app = desk_application_new (path);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "startup", G_CALLBACK (phase_cb), (gpointer)"application started up (display open)");
  g_signal_connect_after (app, "activate", G_CALLBACK (phase_cb), (gpointer)"window built and presented");
  g_idle_add (first_frame_cb, app);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
