/* test-procedures-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Procedures area on the demo office: browsing, search, the recently
 * used, find-in-document and zoom in the viewer, and pictures of the
 * viewer in English and Chinese (<builddir>/tests/screenshots/).
 */

#define G_LOG_DOMAIN "test-procedures-view"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-checklist-store.h"
#include "desk-checklist-view.h"
#include "desk-gui-test.h"
#include "desk-office-store.h"
#include "desk-procedure-store.h"
#include "desk-procedures-view.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-store.h"
#include "desk-window.h"

typedef DeskGuiFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-procedures-view");
  g_settings_set_string (f->settings, "current-user", "S001");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static DeskWindow *
create_window (Fixture *f,
               int      height)
{
  DeskWindow *window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, height);
  desk_window_set_visible_area (window, "procedures");
  desk_test_show_and_wait (GTK_WINDOW (window));
  return window;
}

static DeskProceduresView *
get_view (DeskWindow *window)
{
  GtkWidget *view = desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_PROCEDURES_VIEW);

  g_assert_nonnull (view);
  return DESK_PROCEDURES_VIEW (view);
}

static void
browse (Fixture *f)
{
  DeskWindow *window = create_window (f, 760);
  DeskProceduresView *view = get_view (window);
  DeskProcedureViewer *viewer = desk_procedures_view_get_viewer (view);
  g_autoptr(GPtrArray) recent = NULL;
  guint found;

  g_assert_cmpuint (desk_procedures_view_get_n_shown (view), ==, 3);

  /* Nothing open yet: the empty page offers the window's Import Manual…,
   * not a command to type. */
  {
    GtkWidget *empty = desk_test_find_widget (GTK_WIDGET (viewer), ADW_TYPE_STATUS_PAGE);
    GtkWidget *button;

    g_assert_nonnull (empty);
    g_assert_null (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (empty)), "service-desk"));
    button = desk_test_find_widget (empty, GTK_TYPE_BUTTON);
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import-manual");
  }

  /* A two-character Chinese word that only the safety procedure has. */
  desk_procedures_view_search (view, "触电");
  g_assert_cmpuint (desk_procedures_view_get_n_shown (view), ==, 1);
  desk_procedures_view_search (view, "");
  g_assert_cmpuint (desk_procedures_view_get_n_shown (view), ==, 3);

  g_assert_true (desk_procedures_view_open (view, "RP-SOP-002", 0));
  recent = desk_procedure_store_recent (f->db, 5, NULL);
  g_assert_cmpuint (recent->len, ==, 1);

  desk_test_spin (50);
  found = desk_procedure_viewer_find (viewer, "触电");
  g_assert_cmpuint (found, >=, 3);
  desk_procedure_viewer_find_next (viewer, FALSE);
  g_assert_cmpuint (desk_procedure_viewer_find (viewer, "没有这个词"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL);
  g_assert_cmpfloat (desk_procedure_viewer_get_zoom (viewer), >, 1.1);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-reset", NULL);
  g_assert_cmpfloat (desk_procedure_viewer_get_zoom (viewer), ==, 1.0);

  g_assert_false (desk_procedures_view_open (view, "NO-SUCH", 0));

  /* A very long procedure is shown in part, and says so. */
  {
    DeskProcedure *p = desk_procedure_new ();
    g_autoptr(GTimer) timer = g_timer_new ();

    p->code = g_strdup ("LONG-1");
    p->title = g_strdup ("Long");
    for (int i = 0; i < 20000; i++)
      {
        DeskProcNode *clause = desk_proc_node_append (p->body, DESK_PROC_CLAUSE);

        clause->label = g_strdup_printf ("%d.", i + 1);
        clause->title = g_strdup ("条款");
        desk_proc_node_append (clause->children, DESK_PROC_PARAGRAPH)->text = g_strdup ("检查电源。");
      }
    desk_procedure_viewer_set_procedure (viewer, p, 0, 0);
    g_test_message ("20,000 clauses shown (in part) in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
    g_assert_cmpuint (desk_procedure_viewer_find (viewer, "too long to show whole"), ==, 1);
    g_assert_cmpuint (desk_procedure_viewer_find (viewer, ""), ==, 0);
  }

  /* A second revision; the first can still be opened, and the history
   * lists both. */
  {
    g_autoptr(DeskProcedure) p = desk_procedure_store_load (f->db, "CB-SOP-003", 0, NULL, NULL);
    g_autoptr(GPtrArray) rows = NULL;
    g_autoptr(GError) error = NULL;
    guint n_revision_rows = 0;

    g_free (p->title);
    p->title = g_strdup ("客户回访规程（修订）");
    g_assert_cmpint (desk_procedure_store_add (f->db, p, "edited.xml", 2000000000, &error), ==, 2);
    g_assert_true (desk_procedures_view_open (view, "CB-SOP-003", 1));
    rows = desk_test_find_widgets (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

        n_revision_rows += g_str_equal (title, "Revision 1") || g_str_equal (title, "Revision 2");
      }
    g_assert_cmpuint (n_revision_rows, ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_browse (Fixture       *f,
             gconstpointer  data)
{
  desk_gui_fixture_run (f, browse, FALSE);
}

static void
take_pictures (Fixture    *f,
               const char *suffix)
{
  DeskWindow *window = create_window (f, 1000);
  DeskProceduresView *view = get_view (window);
  DeskProcedureViewer *viewer = desk_procedures_view_get_viewer (view);
  const char *codes[] = { "CS-SOP-001", "RP-SOP-002", "CB-SOP-003" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *name = g_strdup_printf ("procedure-%s-%s.png", codes[i], suffix);

      g_assert_true (desk_procedures_view_open (view, codes[i], 0));
      desk_test_show_and_wait (GTK_WINDOW (window));
      desk_test_spin (150);
      desk_test_save_and_check_picture (GTK_WIDGET (window), name);
    }

  /* Further down: the flow of the complaint procedure, with a match. */
  g_assert_true (desk_procedures_view_open (view, "CS-SOP-001", 0));
  desk_test_spin (100);
  g_assert_cmpuint (desk_procedure_viewer_find (viewer, "附上现场照片"), ==, 1);
  desk_test_show_and_wait (GTK_WINDOW (window));
  desk_test_spin (150);
  {
    g_autofree char *name = g_strdup_printf ("procedure-find-%s.png", suffix);
    desk_test_save_and_check_picture (GTK_WIDGET (window), name);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A ticket's checklist: follow a flow, tick steps, see who and when. */
static void
checklist_picture (Fixture    *f,
                   const char *suffix)
{
  g_autoptr(DeskStaff) engineer = desk_office_store_find_staff (f->db, "S004", NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = desk_checklist_view_new ();
  g_autoptr(GPtrArray) lists = NULL;
  g_autofree char *name = g_strdup_printf ("checklist-%s.png", suffix);
  DeskChecklist *c;

  gtk_widget_set_margin_start (view, 18);
  gtk_widget_set_margin_end (view, 18);
  gtk_widget_set_margin_top (view, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 820);
  desk_checklist_view_set_ticket (DESK_CHECKLIST_VIEW (view), f->db, 1, desk_staff_get_id (engineer));
  g_assert_true (desk_checklist_view_attach (DESK_CHECKLIST_VIEW (view), "CS-SOP-001", 0));
  g_assert_false (desk_checklist_view_attach (DESK_CHECKLIST_VIEW (view), "CS-SOP-001", 7));
  g_assert_true (desk_checklist_view_tick (DESK_CHECKLIST_VIEW (view), 0, "1", TRUE));
  g_assert_true (desk_checklist_view_tick (DESK_CHECKLIST_VIEW (view), 0, "2", TRUE));
  g_assert_true (desk_checklist_view_tick (DESK_CHECKLIST_VIEW (view), 0, "3.2", TRUE));
  g_assert_false (desk_checklist_view_tick (DESK_CHECKLIST_VIEW (view), 0, "42", TRUE));
  desk_test_show_and_wait (GTK_WINDOW (window));
  desk_test_spin (150);

  lists = desk_checklist_store_for_ticket (f->db, 1, NULL);
  g_assert_cmpuint (lists->len, ==, 1);
  c = g_ptr_array_index (lists, 0);
  g_assert_true (((DeskChecklistItem *)g_ptr_array_index (c->items, 0))->done);
  g_assert_cmpstr (((DeskChecklistItem *)g_ptr_array_index (c->items, 0))->staff_name, ==, "张强");

  desk_test_save_and_check_picture (window, name);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Following a checklist from the ticket's detail pane: attaching it and
 * each tick appear on the ticket's timeline at once, with the step. */
static void
checklist_on_timeline (Fixture    *f,
                       const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = desk_ticket_store_get (f->db, 1, &error);
  GtkWidget *window = gtk_window_new ();
  DeskTicketDetail *detail = g_object_new (DESK_TYPE_TICKET_DETAIL, NULL);
  DeskChecklistView *checklist;
  g_autofree char *following = g_strdup_printf (_("Following %s: %s"), "CS-SOP-001", "投诉处理流程");
  g_autofree char *done = g_strdup_printf (_("%s step %s done: %s"), "CS-SOP-001", "1", "");
  g_autofree char *picture = g_strdup_printf ("ticket-checklist-timeline-%s.png", suffix);

  g_assert_no_error (error);
  desk_ticket_detail_set_office (detail, f->db, 0);
  desk_ticket_detail_set_ticket (detail, ticket);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 900);
  desk_test_show_and_wait (GTK_WINDOW (window));

  g_assert_false (desk_test_has_label (window, following));
  checklist = DESK_CHECKLIST_VIEW (desk_test_find_widget (window, DESK_TYPE_CHECKLIST_VIEW));
  g_assert_nonnull (checklist);
  g_assert_true (desk_checklist_view_attach (checklist, "CS-SOP-001", 0));
  desk_test_spin (100);
  g_assert_true (desk_checklist_view_tick (checklist, 0, "1", TRUE));
  desk_test_spin (100);

  g_assert_true (desk_test_has_label (window, following));
  {
    g_autoptr(GPtrArray) labels = desk_test_find_widgets (window, GTK_TYPE_LABEL);
    guint ticks = 0;

    for (guint i = 0; i < labels->len; i++)
      ticks += g_str_has_prefix (gtk_label_get_label (labels->pdata[i]), done);
    g_assert_cmpuint (ticks, ==, 1);
  }

  /* The timeline is at the foot of the pane. */
  {
    g_autoptr(GPtrArray) scrollers = desk_test_find_widgets (window, GTK_TYPE_SCROLLED_WINDOW);

    desk_test_spin (200);
    for (guint i = 0; i < scrollers->len; i++)
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrollers->pdata[i]);

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      }
    desk_test_spin (200);
    desk_test_save_and_check_picture (window, picture);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
checklist_on_timeline_en (Fixture *f)
{
  checklist_on_timeline (f, "en");
}

static void
test_checklist_on_timeline_en (Fixture       *f,
                               gconstpointer  data)
{
  desk_gui_fixture_run (f, checklist_on_timeline_en, FALSE);
}

static void
checklist_on_timeline_zh_cn (Fixture *f)
{
  checklist_on_timeline (f, "zh_CN");
}

static void
test_checklist_on_timeline_zh_cn (Fixture       *f,
                                  gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  desk_gui_fixture_run (f, checklist_on_timeline_zh_cn, FALSE);
}

static void
pictures_en (Fixture *f)
{
  take_pictures (f, "en");
  checklist_picture (f, "en");
}

static void
test_pictures_en (Fixture       *f,
                  gconstpointer  data)
{
  desk_gui_fixture_run (f, pictures_en, FALSE);
}

static void
pictures_zh_cn (Fixture *f)
{
  take_pictures (f, "zh_CN");
  checklist_picture (f, "zh_CN");
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

  g_test_add ("/desk/procedures-view/browse", Fixture, NULL, fixture_set_up, test_browse, fixture_tear_down);
  g_test_add ("/desk/procedures-view/checklist-on-timeline/en", Fixture, NULL, fixture_set_up,
              test_checklist_on_timeline_en, fixture_tear_down);
  g_test_add ("/desk/procedures-view/checklist-on-timeline/zh_CN", Fixture, NULL, fixture_set_up,
              test_checklist_on_timeline_zh_cn, fixture_tear_down);
  g_test_add ("/desk/procedures-view/pictures/en", Fixture, NULL, fixture_set_up, test_pictures_en, fixture_tear_down);
  g_test_add ("/desk/procedures-view/pictures/zh_CN", Fixture, NULL, fixture_set_up, test_pictures_zh_cn,
              fixture_tear_down);

  return g_test_run ();
}
