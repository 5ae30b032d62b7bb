/* test-window.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window, the preferences and the "who am I" dialog on a demo
 * office, in English and in Simplified Chinese.  Every test runs inside
 * g_application_run() of a DeskApplication, and the pictures of what it
 * showed go to <builddir>/tests/screenshots/.
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-gui-private.h"
#include "desk-gui-test.h"
#include "desk-database.h"
#include "desk-demo.h"
#include "desk-department-row.h"
#include "desk-office-store.h"
#include "desk-preferences-window.h"
#include "desk-staff-row.h"
#include "desk-ticket-list-model.h"
#include "desk-ticket-store.h"
#include "desk-tickets-view.h"
#include "desk-who-am-i-dialog.h"
#include "desk-widget-snapshot.h"
#include "desk-window.h"

/* The size of the documentation's screenshots. */
#define WINDOW_WIDTH 1180
#define WINDOW_HEIGHT 760

typedef DeskGuiFixture Fixture;

/* Helpers */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-window");
}

static void
run_in_application (Fixture  *f,
                    void    (*body) (Fixture *f),
                    gboolean  activate)
{
  desk_gui_fixture_run (f, body, activate);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static GtkWidget *
find_button_with_icon (GtkWidget  *root,
                       const char *icon_name)
{
  g_autoptr(GPtrArray) buttons = desk_test_find_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), icon_name) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  g_autoptr(GPtrArray) buttons = desk_test_find_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  g_autoptr(GPtrArray) rows = desk_test_find_widgets (root, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static guint
count_departments (DeskDatabase *db)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;

  departments = desk_office_store_list_departments (db, &error);
  g_assert_no_error (error);

  return departments->len;
}

static guint
count_staff (DeskDatabase *db)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = desk_office_store_list_staff (db, &error);
  g_assert_no_error (error);

  return staff->len;
}

static DeskWindow *
create_window (Fixture *f)
{
  DeskWindow *window;

  window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);

  return window;
}

static void
assert_page_titles (DeskWindow         *window,
                    const char * const *titles)
{
  static const char * const names[] = { "tickets", "callbacks", "procedures", "reports" };
  AdwViewStack *stack = ADW_VIEW_STACK (desk_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_autoptr(GtkSelectionModel) pages = NULL;

  g_assert_nonnull (stack);
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, names[i]);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
    }
}

/* Tests */

static void
check_main_window (Fixture            *f,
                   const char * const *titles,
                   const char         *picture)
{
  DeskWindow *window = create_window (f);
  g_autofree char *organisation = NULL;
  AdwViewSwitcherTitle *switcher_title;

  desk_test_show_and_wait (GTK_WINDOW (window));

  /* The size asked for is the size remembered: it must not creep. */
  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, WINDOW_WIDTH);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-height"), ==, WINDOW_HEIGHT);
  g_assert_cmpstr (desk_window_get_visible_area (window), ==, "tickets");
  assert_page_titles (window, titles);

  /* The subtitle names the office. */
  organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  g_assert_nonnull (organisation);
  switcher_title = ADW_VIEW_SWITCHER_TITLE (desk_test_find_widget (GTK_WIDGET (window),
                                                         ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (switcher_title);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (switcher_title), ==, organisation);

  desk_test_save_and_check_picture (GTK_WIDGET (window), picture);
}

static void
main_window_en (Fixture *f)
{
  static const char * const titles[] = { "Tickets", "Callbacks", "Procedures", "Reports" };

  check_main_window (f, titles, "main-window-en.png");
}

static void
test_main_window_en (Fixture       *f,
                     gconstpointer  data)
{
  run_in_application (f, main_window_en, FALSE);
}

static void
main_window_zh_cn (Fixture *f)
{
  static const char * const titles[] = { "工单", "回访", "规程", "报表" };

  check_main_window (f, titles, "main-window-zh_CN.png");
}

static void
test_main_window_zh_cn (Fixture       *f,
                        gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;
  run_in_application (f, main_window_zh_cn, FALSE);
}

static void
shortcuts (Fixture *f)
{
  DeskWindow *window = create_window (f);
  GtkShortcutsWindow *overlay;

  desk_test_show_and_wait (GTK_WINDOW (window));

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  desk_test_show_and_wait (GTK_WINDOW (overlay));
  desk_test_save_and_check_picture (GTK_WIDGET (overlay), "shortcuts-en.png");
}

static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  run_in_application (f, shortcuts, FALSE);
}

static void
show_area (Fixture *f)
{
  DeskWindow *window = create_window (f);
  g_autofree char *last_area = NULL;

  g_assert_cmpstr (desk_window_get_visible_area (window), ==, "tickets");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "callbacks"));
  g_assert_cmpstr (desk_window_get_visible_area (window), ==, "callbacks");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "reports"));
  g_assert_cmpstr (desk_window_get_visible_area (window), ==, "reports");

  /* Remembered for the next start. */
  last_area = g_settings_get_string (f->settings, "last-area");
  g_assert_cmpstr (last_area, ==, "reports");
}

static void
test_show_area (Fixture       *f,
                gconstpointer  data)
{
  run_in_application (f, show_area, FALSE);
}

static void
restore_area (Fixture *f)
{
  DeskWindow *window;
  g_autofree char *last_area = NULL;

  g_settings_set_string (f->settings, "last-area", "procedures");
  window = create_window (f);
  g_assert_cmpstr (desk_window_get_visible_area (window), ==, "procedures");

  /* Taking the window apart must not overwrite the user's choice. */
  desk_test_destroy_all_windows ();
  last_area = g_settings_get_string (f->settings, "last-area");
  g_assert_cmpstr (last_area, ==, "procedures");
}

static void
test_restore_area (Fixture       *f,
                   gconstpointer  data)
{
  run_in_application (f, restore_area, FALSE);
}

static void
current_user_subtitle (Fixture *f)
{
  DeskWindow *window = create_window (f);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *expected = NULL;
  AdwViewSwitcherTitle *switcher_title;
  DeskStaff *person;

  staff = desk_office_store_list_staff (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, >, 0);
  person = g_ptr_array_index (staff, 0);

  g_settings_set_string (f->settings, "current-user", desk_staff_get_code (person));

  organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  expected = g_strdup_printf ("%s · %s", organisation, desk_staff_get_name (person));
  switcher_title = ADW_VIEW_SWITCHER_TITLE (desk_test_find_widget (GTK_WIDGET (window),
                                                         ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (switcher_title), ==, expected);
}

static void
test_current_user_subtitle (Fixture       *f,
                            gconstpointer  data)
{
  run_in_application (f, current_user_subtitle, FALSE);
}

static void
without_database (Fixture *f)
{
  DeskWindow *window;
  AdwViewStack *stack;

  window = desk_window_new (GTK_APPLICATION (f->app), NULL, f->settings);
  stack = ADW_VIEW_STACK (desk_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (stack)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "callbacks"));
  desk_test_show_and_wait (GTK_WINDOW (window));
}

static void
test_without_database (Fixture       *f,
                       gconstpointer  data)
{
  run_in_application (f, without_database, FALSE);
}

static void
bad_office (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found_window = FALSE;
  gboolean found_dialog = FALSE;

  g_assert_null (desk_application_get_database (f->app));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "preferences"));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DESK_IS_WINDOW (window))
        found_window = TRUE;
      else if (ADW_IS_MESSAGE_DIALOG (window))
        {
          found_dialog = TRUE;
          g_assert_true (DESK_IS_WINDOW (gtk_window_get_transient_for (window)));
          g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)),
                                    "not-an-office.db"));
          desk_test_show_and_wait (window);
          desk_test_save_and_check_picture (GTK_WIDGET (window), "open-error-en.png");
        }
    }
  g_assert_true (found_window);
  g_assert_true (found_dialog);
}

static void
test_application_bad_office (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* Not an SQLite file: the window still comes up, with the error. */
  path = g_build_filename (f->dir, "not-an-office.db", NULL);
  g_assert_true (g_file_set_contents (path, "这不是数据库 — not a database\n", -1, &error));
  g_assert_no_error (error);

  g_clear_object (&f->app);
  f->app = desk_application_new (path);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  run_in_application (f, bad_office, TRUE);
}

static void
count_toplevels (guint *n_windows,
                 guint *n_dialogs)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  *n_windows = *n_dialogs = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DESK_IS_WINDOW (window))
        (*n_windows)++;
      else if (DESK_IS_WHO_AM_I_DIALOG (window))
        (*n_dialogs)++;
    }
}

static void
asks_who_am_i (Fixture *f)
{
  guint n_windows, n_dialogs;

  g_assert_nonnull (desk_application_get_database (f->app));
  g_assert_true (DESK_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app))));
  count_toplevels (&n_windows, &n_dialogs);
  g_assert_cmpuint (n_windows, ==, 1);
  g_assert_cmpuint (n_dialogs, ==, 1);

  /* A second activation opens neither a second office nor a second
   * window nor a second question. */
  g_application_activate (G_APPLICATION (f->app));
  count_toplevels (&n_windows, &n_dialogs);
  g_assert_cmpuint (n_windows, ==, 1);
  g_assert_cmpuint (n_dialogs, ==, 1);
}

static void
test_application_asks_who_am_i (Fixture       *f,
                                gconstpointer  data)
{
  run_in_application (f, asks_who_am_i, TRUE);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

static void
application_actions (Fixture *f)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  GtkWindow *preferences;
  GtkWindow *about;

  g_assert_true (DESK_IS_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  preferences = find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == window);

  /* Asking again shows the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  g_assert_true (find_toplevel (DESK_TYPE_PREFERENCES_WINDOW) == preferences);
  gtk_window_destroy (preferences);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  desk_test_show_and_wait (about);
  desk_test_save_and_check_picture (GTK_WIDGET (about), "about-en.png");
}

/* A deadline notification's click: its ticket in the Tickets area, from
 * whatever area was showing; the one that sums up many: the Overdue
 * queue; a ticket gone since: a toast, and nothing else changes. */
static void
notification_actions (Fixture *f)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  DeskTicketsView *view;
  DeskTicketQuery closed = { .queue = DESK_QUEUE_CLOSED, .sort = DESK_SORT_NUMBER };
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  DeskTicket *shown;
  gint64 id;

  g_assert_true (DESK_IS_WINDOW (window));
  desk_test_show_and_wait (window);
  view = DESK_TICKETS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_TICKETS_VIEW));

  page = desk_ticket_query_page (f->db, &closed, NULL, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  id = desk_ticket_get_id (g_ptr_array_index (page, 0));

  desk_window_set_visible_area (DESK_WINDOW (window), "reports");
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-ticket", g_variant_new_int64 (id));
  desk_test_spin (100);
  g_assert_cmpstr (desk_window_get_visible_area (DESK_WINDOW (window)), ==, "tickets");
  shown = desk_tickets_view_get_shown_ticket (view);
  g_assert_nonnull (shown);
  g_assert_cmpint (desk_ticket_get_id (shown), ==, id);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-ticket", g_variant_new_int64 (G_MAXINT32));
  desk_test_spin (100);
  g_assert_cmpint (desk_ticket_get_id (desk_tickets_view_get_shown_ticket (view)), ==, id);

  desk_window_set_visible_area (DESK_WINDOW (window), "callbacks");
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-overdue", NULL);
  desk_test_spin (100);
  g_assert_cmpstr (desk_window_get_visible_area (DESK_WINDOW (window)), ==, "tickets");
  g_assert_cmpint (desk_ticket_list_model_get_query (desk_tickets_view_get_model (view))->queue, ==, DESK_QUEUE_OVERDUE);
}

static void
test_notification_actions (Fixture       *f,
                           gconstpointer  data)
{
  run_in_application (f, notification_actions, TRUE);
}

static void
test_application_actions (Fixture       *f,
                          gconstpointer  data)
{
  run_in_application (f, application_actions, TRUE);
}

static void
who_am_i (Fixture *f)
{
  DeskWindow *window = create_window (f);
  GtkWindow *dialog;
  GtkListBox *list;
  GtkListBoxRow *row;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current_user = NULL;

  desk_test_show_and_wait (GTK_WINDOW (window));

  dialog = desk_who_am_i_dialog_new (f->db, f->settings);
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  desk_test_show_and_wait (dialog);
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), "who-am-i-en.png");

  staff = desk_office_store_list_staff (f->db, &error);
  g_assert_no_error (error);

  list = GTK_LIST_BOX (desk_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, staff->len));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   desk_staff_get_name (g_ptr_array_index (staff, 1)));

  g_signal_emit_by_name (list, "row-activated", row);
  current_user = g_settings_get_string (f->settings, "current-user");
  g_assert_cmpstr (current_user, ==, desk_staff_get_code (g_ptr_array_index (staff, 1)));

  while (dialog != NULL && g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (dialog);
}

static void
test_who_am_i (Fixture       *f,
               gconstpointer  data)
{
  run_in_application (f, who_am_i, FALSE);
}

static void
check_preferences (Fixture    *f,
                   const char *language)
{
  DeskWindow *window = create_window (f);
  GtkWindow *preferences;
  g_autofree char *organisation = NULL;
  g_autofree char *picture = NULL;
  AdwEntryRow *organisation_row;
  AdwExpanderRow *staff_row;
  GtkWidget *page;

  desk_test_show_and_wait (GTK_WINDOW (window));

  preferences = desk_preferences_window_new (f->db, f->settings);
  gtk_window_set_transient_for (preferences, GTK_WINDOW (window));
  desk_test_show_and_wait (preferences);

  /* The first entry row is the organisation's name. */
  organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  organisation_row = ADW_ENTRY_ROW (desk_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (organisation_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organisation_row)), ==, organisation);

  picture = g_strdup_printf ("preferences-%s.png", language);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), picture);
  g_clear_pointer (&picture, g_free);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "departments");
  desk_test_show_and_wait (preferences);
  picture = g_strdup_printf ("preferences-departments-%s.png", language);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), picture);
  g_clear_pointer (&picture, g_free);

  /* The staff page, with the first person opened. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "staff");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  staff_row = ADW_EXPANDER_ROW (desk_test_find_widget (page, ADW_TYPE_EXPANDER_ROW));
  g_assert_nonnull (staff_row);
  adw_expander_row_set_expanded (staff_row, TRUE);
  desk_test_show_and_wait (preferences);
  picture = g_strdup_printf ("preferences-staff-%s.png", language);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), picture);
}

static void
preferences_en (Fixture *f)
{
  check_preferences (f, "en");
}

static void
test_preferences_en (Fixture       *f,
                     gconstpointer  data)
{
  run_in_application (f, preferences_en, FALSE);
}

static void
preferences_zh_cn (Fixture *f)
{
  check_preferences (f, "zh_CN");
}

static void
test_preferences_zh_cn (Fixture       *f,
                        gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;
  run_in_application (f, preferences_zh_cn, FALSE);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
preferences_organisation (Fixture *f)
{
  GtkWindow *preferences;
  AdwEntryRow *organisation_row;
  g_autofree char *organisation = NULL;
  guint n_changed = 0;

  preferences = desk_preferences_window_new (f->db, f->settings);
  g_signal_connect_swapped (preferences, "office-changed",
                            G_CALLBACK (count_cb), &n_changed);

  organisation_row = ADW_ENTRY_ROW (desk_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (GTK_EDITABLE (organisation_row), "  东方汽车服务站  ");
  g_signal_emit_by_name (organisation_row, "apply");

  organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  g_assert_cmpstr (organisation, ==, "东方汽车服务站");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organisation_row)), ==, "东方汽车服务站");
  g_assert_cmpuint (n_changed, ==, 1);
}

static void
preferences_who_am_i (Fixture *f)
{
  GtkWindow *preferences;
  AdwComboRow *who_am_i_row;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current_user = NULL;
  g_autofree char *after_load = NULL;

  staff = desk_office_store_list_staff (f->db, &error);
  g_assert_no_error (error);

  /* Opening the preferences chooses nobody by itself. */
  preferences = desk_preferences_window_new (f->db, f->settings);
  after_load = g_settings_get_string (f->settings, "current-user");
  g_assert_cmpstr (after_load, ==, "");

  who_am_i_row = ADW_COMBO_ROW (desk_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (who_am_i_row);
  adw_combo_row_set_selected (who_am_i_row, 2);
  current_user = g_settings_get_string (f->settings, "current-user");
  g_assert_cmpstr (current_user, ==, desk_staff_get_code (g_ptr_array_index (staff, 2)));

  /* And follows a choice made elsewhere. */
  g_settings_set_string (f->settings, "current-user",
                         desk_staff_get_code (g_ptr_array_index (staff, 4)));
  g_assert_cmpuint (adw_combo_row_get_selected (who_am_i_row), ==, 4);
}

static void
test_preferences_who_am_i (Fixture       *f,
                           gconstpointer  data)
{
  run_in_application (f, preferences_who_am_i, FALSE);
}

static void
test_preferences_organisation (Fixture       *f,
                               gconstpointer  data)
{
  run_in_application (f, preferences_organisation, FALSE);
}

static void
preferences_departments (Fixture *f)
{
  DeskWindow *window = create_window (f);
  GtkWindow *preferences;
  GtkWidget *page;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  AdwEntryRow *add_row;
  GtkWidget *remove_button;
  guint n_departments = count_departments (f->db);
  guint n_changed = 0;

  desk_test_show_and_wait (GTK_WINDOW (window));
  preferences = desk_preferences_window_new (f->db, f->settings);
  gtk_window_set_transient_for (preferences, GTK_WINDOW (window));
  g_signal_connect_swapped (preferences, "office-changed",
                            G_CALLBACK (count_cb), &n_changed);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "departments");
  desk_test_show_and_wait (preferences);
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));

  rows = desk_test_find_widgets (page, DESK_TYPE_DEPARTMENT_ROW);
  g_assert_cmpuint (rows->len, ==, n_departments);

  /* The demo's first department has staff: the store refuses, the row
   * stays and a toast says why. */
  remove_button = find_button_with_icon (g_ptr_array_index (rows, 0), "user-trash-symbolic");
  g_assert_nonnull (remove_button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (remove_button));
  g_signal_emit_by_name (remove_button, "clicked");
  g_assert_cmpuint (count_departments (f->db), ==, n_departments);
  g_assert_cmpuint (n_changed, ==, 0);
  desk_test_show_and_wait (preferences);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), "preferences-remove-refused-en.png");

  /* A new department gets a row of its own ... */
  add_row = find_entry_row (page, "Add Department");
  g_assert_nonnull (add_row);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "售后服务部");
  g_signal_emit_by_name (add_row, "apply");
  g_assert_cmpuint (count_departments (f->db), ==, n_departments + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_cmpuint (n_changed, ==, 1);

  rows_after = desk_test_find_widgets (page, DESK_TYPE_DEPARTMENT_ROW);
  g_assert_cmpuint (rows_after->len, ==, n_departments + 1);

  /* ... and, with nobody in it, can be removed again. */
  for (guint i = 0; i < rows_after->len; i++)
    {
      DeskDepartmentRow *row = g_ptr_array_index (rows_after, i);

      if (g_strcmp0 (desk_department_get_name (desk_department_row_get_department (row)), "售后服务部") == 0)
        {
          g_signal_emit_by_name (find_button_with_icon (GTK_WIDGET (row), "user-trash-symbolic"),
                                 "clicked");
          break;
        }
    }
  g_assert_cmpuint (count_departments (f->db), ==, n_departments);
  g_assert_cmpuint (n_changed, ==, 2);
  g_clear_pointer (&rows_after, g_ptr_array_unref);
  rows_after = desk_test_find_widgets (page, DESK_TYPE_DEPARTMENT_ROW);
  g_assert_cmpuint (rows_after->len, ==, n_departments);
}

static void
test_preferences_departments (Fixture       *f,
                              gconstpointer  data)
{
  run_in_application (f, preferences_departments, FALSE);
}

static DeskStaffRow *
find_staff_row (GtkWidget  *root,
                const char *name)
{
  g_autoptr(GPtrArray) rows = desk_test_find_widgets (root, DESK_TYPE_STAFF_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (desk_staff_get_name (desk_staff_row_get_staff (g_ptr_array_index (rows, i))), name) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static void
preferences_staff (Fixture *f)
{
  GtkWindow *preferences;
  GtkWidget *page;
  AdwEntryRow *add_row;
  DeskStaffRow *row;
  g_autoptr(GPtrArray) combos = NULL;
  g_autoptr(DeskStaff) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwEnumListModel *roles;
  AdwMessageDialog *dialog;
  GtkWidget *retire_button;
  g_autofree char *code = NULL;
  guint n_staff = count_staff (f->db);

  preferences = desk_preferences_window_new (f->db, f->settings);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "staff");
  desk_test_show_and_wait (preferences);
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));

  /* Add a person ... */
  add_row = find_entry_row (page, "Add Person");
  g_assert_nonnull (add_row);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "欧阳小明");
  g_signal_emit_by_name (add_row, "apply");
  g_assert_cmpuint (count_staff (f->db), ==, n_staff + 1);

  row = find_staff_row (page, "欧阳小明");
  g_assert_nonnull (row);
  code = g_strdup (desk_staff_get_code (desk_staff_row_get_staff (row)));
  g_assert_cmpint (desk_staff_get_role (desk_staff_row_get_staff (row)), ==, DESK_ROLE_CLERK);

  /* ... make them an engineer: saved at once ... */
  combos = desk_test_find_widgets (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (combos->len, ==, 2);
  roles = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (g_ptr_array_index (combos, 0)));
  adw_combo_row_set_selected (g_ptr_array_index (combos, 0),
                              adw_enum_list_model_find_position (roles, DESK_ROLE_ENGINEER));
  stored = desk_office_store_find_staff (f->db, code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_staff_get_role (stored), ==, DESK_ROLE_ENGINEER);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            desk_role_get_label (DESK_ROLE_ENGINEER)));

  /* ... and let them retire, after confirming. */
  retire_button = find_button_with_label (GTK_WIDGET (row), "_Retire");
  g_assert_nonnull (retire_button);
  g_signal_emit_by_name (retire_button, "clicked");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "retire");
  g_assert_cmpuint (count_staff (f->db), ==, n_staff);
  g_assert_null (find_staff_row (page, "欧阳小明"));
}

static void
test_preferences_staff (Fixture       *f,
                        gconstpointer  data)
{
  run_in_application (f, preferences_staff, FALSE);
}

/* A toast wraps at words: a ticket number is never split across lines,
 * in English or Chinese text. */
static void
test_toast_keeps_numbers_whole (void)
{
  const char *messages[] = {
    "TS-2026-000123 was changed by someone else after you opened it; your change was not saved.",
    "部门：请先选择 TS-2026-000123 转交给哪个部门，再标记为“已转交”",
  };

  for (guint m = 0; m < G_N_ELEMENTS (messages); m++)
    for (int width = 60; width <= 400; width += 7)
      {
        GtkWidget *label = g_object_ref_sink (_desk_toast_label_new (messages[m]));
        PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
        const char *text = pango_layout_get_text (layout);
        const char *number = strstr (text, "TS-2026-000123");
        int start = number - text, end = start + strlen ("TS-2026-000123");
        int line_start, line_end;

        pango_layout_set_width (layout, width * PANGO_SCALE);
        pango_layout_index_to_line_x (layout, start, FALSE, &line_start, NULL);
        pango_layout_index_to_line_x (layout, end - 1, FALSE, &line_end, NULL);
        g_assert_cmpint (line_start, ==, line_end);
        g_object_unref (label);
      }
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add_func ("/desk/window/toast-keeps-numbers-whole", test_toast_keeps_numbers_whole);
  g_test_add ("/desk/window/main-window/en", Fixture, NULL,
              fixture_set_up, test_main_window_en, fixture_tear_down);
  g_test_add ("/desk/window/main-window/zh_CN", Fixture, NULL,
              fixture_set_up, test_main_window_zh_cn, fixture_tear_down);
  g_test_add ("/desk/window/shortcuts", Fixture, NULL,
              fixture_set_up, test_shortcuts, fixture_tear_down);
  g_test_add ("/desk/window/show-area", Fixture, NULL,
              fixture_set_up, test_show_area, fixture_tear_down);
  g_test_add ("/desk/window/restore-area", Fixture, NULL,
              fixture_set_up, test_restore_area, fixture_tear_down);
  g_test_add ("/desk/window/current-user-subtitle", Fixture, NULL,
              fixture_set_up, test_current_user_subtitle, fixture_tear_down);
  g_test_add ("/desk/window/without-database", Fixture, NULL,
              fixture_set_up, test_without_database, fixture_tear_down);
  g_test_add ("/desk/window/application/bad-office", Fixture, NULL,
              fixture_set_up, test_application_bad_office, fixture_tear_down);
  g_test_add ("/desk/window/application/asks-who-am-i", Fixture, NULL,
              fixture_set_up, test_application_asks_who_am_i, fixture_tear_down);
  g_test_add ("/desk/window/application/actions", Fixture, NULL,
              fixture_set_up, test_application_actions, fixture_tear_down);
  g_test_add ("/desk/window/application/notification-actions", Fixture, NULL,
              fixture_set_up, test_notification_actions, fixture_tear_down);
  g_test_add ("/desk/window/who-am-i", Fixture, NULL,
              fixture_set_up, test_who_am_i, fixture_tear_down);
  g_test_add ("/desk/window/preferences/en", Fixture, NULL,
              fixture_set_up, test_preferences_en, fixture_tear_down);
  g_test_add ("/desk/window/preferences/zh_CN", Fixture, NULL,
              fixture_set_up, test_preferences_zh_cn, fixture_tear_down);
  g_test_add ("/desk/window/preferences/organisation", Fixture, NULL,
              fixture_set_up, test_preferences_organisation, fixture_tear_down);
  g_test_add ("/desk/window/preferences/who-am-i", Fixture, NULL,
              fixture_set_up, test_preferences_who_am_i, fixture_tear_down);
  g_test_add ("/desk/window/preferences/departments", Fixture, NULL,
              fixture_set_up, test_preferences_departments, fixture_tear_down);
  g_test_add ("/desk/window/preferences/staff", Fixture, NULL,
              fixture_set_up, test_preferences_staff, fixture_tear_down);

  return g_test_run ();
}
