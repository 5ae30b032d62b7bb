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
 *   LANGUAGE=zh_CN   the window in Chinese, as its clerks see it (the
 *                    translations from the build folder)
 *   DESK_BENCH_FIRST_FRAME_PNG
 *                    where to save a picture of the window as its first
 *                    frame showed it (to see that the queue is in it)
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "desk-application.h"
#include "desk-callback-month.h"
#include "desk-callbacks-view.h"
#include "desk-gui-test.h"
#include "desk-ticket-list-model.h"
#include "desk-tickets-view.h"
#include "desk-window.h"

static gint64 process_start;
/* The window's first painted frame: when, and how many rows of the
 * table were on screen in it (cells with text over the column count). */
static gint64 first_paint;
static guint first_paint_rows;
static guint first_paint_items;
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

/* Like measure(), for a step after which the table shows a window's
 * height of rows first and takes the rest of them after that frame: the
 * time to the first frame, and to the frame with all the rows. */
static void
measure_growing (GtkWidget       *window,
                 DeskTicketsView *view,
                 GtkColumnView   *table,
                 const char      *what,
                 Action           reset,
                 Action           action)
{
  GListModel *rows = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)));
  GListModel *tickets = G_LIST_MODEL (desk_tickets_view_get_model (view));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));

  for (int r = 0; r < runs; r++)
    {
      gint64 start;
      double ms;

      reset (view, table, NULL);
      wait_for_frame (window);
      start = g_get_monotonic_time ();
      action (view, table, NULL);
      wait_for_frame (window);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (first, ms);
      while (g_list_model_get_n_items (rows) < g_list_model_get_n_items (tickets))
        g_main_context_iteration (NULL, TRUE);
      wait_for_frame (window);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (all, ms);
    }

  printf ("%-48s %9.1f\n", what, median (first));
  printf ("%-48s %9.1f\n", "  then to the frame with all its rows", median (all));
  fflush (stdout);
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

/* A search that finds nothing: the table gives way to the empty page. */
static void
search_nothing (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  GtkEditable *entry = GTK_EDITABLE (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
  DeskTicketListModel *model = desk_tickets_view_get_model (view);

  gtk_editable_set_text (entry, "无此工单 qqqzzz");
  while (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* A search for one ticket's number: a list of one, and the table gives
 * up the widgets of its other rows (GTK 4.8 keeps ~200 rows' widgets for
 * a long list and destroys those of the rows a list loses). */
static void
search_one (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  GtkEditable *entry = GTK_EDITABLE (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  g_autoptr(DeskTicket) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

  gtk_editable_set_text (entry, desk_ticket_get_number (first));
  while (g_list_model_get_n_items (G_LIST_MODEL (model)) > 1)
    g_main_context_iteration (NULL, TRUE);
}

/* Escape in the search field: the whole queue again. */
static void
stop_search (DeskTicketsView *view, GtkColumnView *table, gpointer data)
{
  g_signal_emit_by_name (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY), "stop-search");
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
  measure (GTK_WIDGET (window), view, table, "open again after a search that found nothing",
           search_nothing, stop_search, NULL);
  measure_growing (GTK_WIDGET (window), view, table, "open again after a search that found one ticket",
                   search_one, stop_search);
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

/* The table's rows on screen: the rows of its cells that are mapped and
 * show a text (some cells of a row may be empty: no owner yet). */
static guint
count_rows_shown (GtkColumnView *table)
{
  g_autoptr(GPtrArray) cells = desk_test_find_widgets (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION);
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));
      graphene_point_t at;

      if (gtk_widget_get_mapped (cell) && text != NULL && text[0] != '\0' &&
          gtk_widget_compute_point (cell, GTK_WIDGET (table), &GRAPHENE_POINT_INIT (0, 0), &at))
        g_hash_table_add (rows, GINT_TO_POINTER ((int)at.y));
    }

  return g_hash_table_size (rows);
}

static void
save_window_picture (GtkWidget  *window,
                     const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
}

static gboolean first_frame_cb (gpointer user_data);

/* The first frame the window paints, timed as it ends. */
static void
first_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  DeskTicketsView *view = DESK_TICKETS_VIEW (desk_test_find_widget (window, DESK_TYPE_TICKETS_VIEW));
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));

  first_paint = g_get_monotonic_time ();
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, window);
  first_paint_rows = count_rows_shown (table);
  first_paint_items = g_list_model_get_n_items (G_LIST_MODEL (desk_tickets_view_get_model (view)));
  if (g_getenv ("DESK_BENCH_FIRST_FRAME_PNG"))
    save_window_picture (window, g_getenv ("DESK_BENCH_FIRST_FRAME_PNG"));
  /* The rest runs outside the frame's painting. */
  g_idle_add (first_frame_cb, gtk_window_get_application (GTK_WINDOW (window)));
}

static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (first_paint_cb), window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (DESK_IS_WINDOW (window) && first_paint == 0)
    g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
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

  view = DESK_TICKETS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_TICKETS_VIEW));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  /* The first frame shows the queue's first rows; after it the table
   * takes the rest of the queue's rows (a scroll range of them all) and
   * the sidebar starts its counts: the next frame shows that. */
  printf ("%-48s %9.1f\n", "process start to the first frame showing the queue",
          (first_paint - process_start) / 1000.0);
  printf ("  (%u rows of the queue's %u on screen in it)\n", first_paint_rows, first_paint_items);
  wait_for_frame (GTK_WIDGET (window));
  printf ("%-48s %9.1f\n", "  then to the frame with the whole queue's rows",
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

  /* The start's planning, then the Callbacks area: its time to the
   * frame, and the process's peak memory with the planning in it. */
  if (g_getenv ("DESK_BENCH_WAIT_PLANNING"))
    {
      DeskCallbacksView *callbacks = DESK_CALLBACKS_VIEW (desk_test_find_widget (GTK_WIDGET (window),
                                                                               DESK_TYPE_CALLBACKS_VIEW));
      gint64 until = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
      gint64 start;

      desk_test_spin (100);
      while (desk_callbacks_view_is_planning (callbacks) && g_get_monotonic_time () < until)
        desk_test_spin (50);
      printf ("%-48s %9.1f\n", "  planning done (ms after process start)",
              (g_get_monotonic_time () - process_start) / 1000.0);
      /* A clerk's pause before the switch (DESK_BENCH_SWITCH_PAUSE ms,
       * default 1500), in which the hidden area gets ready; 0 switches
       * the moment planning is done. */
      desk_test_spin (g_getenv ("DESK_BENCH_SWITCH_PAUSE") ? atoi (g_getenv ("DESK_BENCH_SWITCH_PAUSE")) : 1500);
      start = g_get_monotonic_time ();
      desk_window_set_visible_area (DESK_WINDOW (window), "callbacks");
      wait_for_frame (GTK_WIDGET (window));
      printf ("%-48s %9.1f\n", "switch to the Callbacks area, to its frame",
              (g_get_monotonic_time () - start) / 1000.0);
      printf ("  (%u calls today, %u overdue)\n",
              desk_callback_list_model_get_total (desk_callbacks_view_get_model (callbacks, "today")),
              desk_callback_list_model_get_total (desk_callbacks_view_get_model (callbacks, "overdue")));

      /* The next day's agenda, then the Overdue tab with all its calls. */
      {
        DeskCallbackMonth *month = desk_callbacks_view_get_month (callbacks);
        GDate day;

        desk_callback_month_get_selected (month, &day);
        g_date_add_days (&day, 1);
        start = g_get_monotonic_time ();
        desk_callback_month_select_day (month, &day);
        wait_for_frame (GTK_WIDGET (window));
        printf ("%-48s %9.1f\n", "change the day, to its frame", (g_get_monotonic_time () - start) / 1000.0);

        start = g_get_monotonic_time ();
        gtk_stack_set_visible_child_name (GTK_STACK (desk_test_find_widget (GTK_WIDGET (callbacks), GTK_TYPE_STACK)),
                                          "overdue");
        wait_for_frame (GTK_WIDGET (window));
        printf ("%-48s %9.1f\n", "show the Overdue tab, to its frame", (g_get_monotonic_time () - start) / 1000.0);
      }
    }

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

  /* As main() does, with the build folder's translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

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
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
