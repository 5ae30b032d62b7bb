/* test-reports-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Reports area: the month's tables on screen with the figures the
 * report store computed, month navigation, and its pictures in English
 * and Chinese. */

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-gui-test.h"
#include "desk-generator.h"
#include "desk-report-chart.h"
#include "desk-reports-view.h"
#include "desk-window.h"

typedef DeskGuiFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  desk_gui_fixture_set_up (f, "desk-reports-view");
  g_assert_true (desk_generator_add_tickets (f->db, 600, 20261128, g_get_real_time () / G_USEC_PER_SEC,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static DeskReportsView *
show_reports (Fixture    *f,
              DeskWindow **window_out)
{
  DeskWindow *window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);
  AdwViewStack *stack;
  DeskReportsView *view;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  stack = ADW_VIEW_STACK (desk_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "reports");
  desk_test_show_and_wait (GTK_WINDOW (window));
  view = DESK_REPORTS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_REPORTS_VIEW));
  g_assert_nonnull (view);

  /* The report is computed in a thread. */
  while (desk_reports_view_get_report (view) == NULL && g_get_monotonic_time () < deadline)
    desk_test_spin (20);
  g_assert_nonnull (desk_reports_view_get_report (view));
  desk_test_spin (100);

  *window_out = window;
  return view;
}

/* Every figure of the report is on screen as text. */
static void
figures (Fixture *f)
{
  DeskWindow *window;
  DeskReportsView *view = show_reports (f, &window);
  const DeskReport *report = desk_reports_view_get_report (view);
  g_autoptr(GPtrArray) charts = desk_test_find_widgets (GTK_WIDGET (view), DESK_TYPE_REPORT_CHART);
  guint with_chart = 0;
  int year = report->year, month = report->month;

  for (guint i = 0; i < report->tables->len; i++)
    {
      const DeskReportTable *table = g_ptr_array_index (report->tables, i);

      g_assert_true (desk_test_has_label (GTK_WIDGET (view), table->title));
      if (table->chart != DESK_REPORT_CHART_NONE && table->rows->len > 0)
        with_chart++;
      for (guint r = 0; r < table->rows->len; r++)
        {
          const DeskReportRow *row = g_ptr_array_index (table->rows, r);
          g_autofree char *value = desk_report_format_value (table, row->current);

          g_assert_true (desk_test_has_label (GTK_WIDGET (view), row->label));
          g_assert_true (desk_test_has_label (GTK_WIDGET (view), value));
        }
    }
  g_assert_cmpuint (charts->len, ==, with_chart);
  g_assert_cmpuint (charts->len, >=, 4);

  /* The previous month, by its action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reports.previous-month", NULL));
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (desk_reports_view_get_report (view) == NULL && g_get_monotonic_time () < deadline)
      desk_test_spin (20);
  }
  report = desk_reports_view_get_report (view);
  g_assert_nonnull (report);
  g_assert_cmpint (report->year * 12 + report->month, ==, year * 12 + month - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  desk_gui_fixture_run (f, figures, FALSE);
}

static void
pictures (Fixture    *f,
          const char *name)
{
  DeskWindow *window;
  DeskReportsView *view = show_reports (f, &window);

  g_assert_nonnull (view);
  desk_test_save_and_check_picture (GTK_WIDGET (window), name);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
pictures_en (Fixture *f)
{
  pictures (f, "reports-en.png");
}

static void
pictures_zh_cn (Fixture *f)
{
  pictures (f, "reports-zh_CN.png");
}

static void
test_pictures_en (Fixture       *f,
                  gconstpointer  data)
{
  desk_gui_fixture_run (f, pictures_en, FALSE);
}

static void
test_pictures_zh_cn (Fixture       *f,
                     gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  desk_gui_fixture_run (f, pictures_zh_cn, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add ("/desk/reports-view/figures", Fixture, NULL,
              fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/desk/reports-view/pictures/en", Fixture, NULL,
              fixture_set_up, test_pictures_en, fixture_tear_down);
  g_test_add ("/desk/reports-view/pictures/zh_CN", Fixture, NULL,
              fixture_set_up, test_pictures_zh_cn, fixture_tear_down);

  return g_test_run ();
}
