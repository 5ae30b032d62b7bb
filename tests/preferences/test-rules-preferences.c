/* test-rules-preferences.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-rules-preferences"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-calendar-page.h"
#include "desk-calendar-store.h"
#include "desk-deadline-store.h"
#include "desk-gui-test.h"
#include "desk-policy-store.h"
#include "desk-preferences-window.h"
#include "desk-rules-page.h"

/* Preferences' Rules and Calendar pages on a demo office: the policy as
 * readable rules, a change saved as a new revision, the calendars, and an
 * imported iCalendar file; pictures in English and Chinese. */

typedef DeskGuiFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-rules-preferences");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static GtkWindow *
open_preferences (Fixture    *f,
                  const char *page)
{
  GtkWindow *preferences = desk_preferences_window_new (f->db, f->settings);

  gtk_window_set_default_size (preferences, 720, 900);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  desk_test_show_and_wait (preferences);
  return preferences;
}

static void
check_pages (Fixture    *f,
             const char *language)
{
  GtkWindow *preferences = open_preferences (f, "rules");
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *picture = NULL;

  g_assert_true (DESK_IS_RULES_PAGE (page));
  rules = desk_test_find_widgets (page, ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (rules->len, ==, desk_deadline_store_get_policy (f->db)->rules->len);

  /* The first rule opened onto its settings. */
  adw_expander_row_set_expanded (rules->pdata[0], TRUE);
  desk_test_show_and_wait (preferences);
  picture = g_strdup_printf ("preferences-rules-%s.png", language);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), picture);
  g_clear_pointer (&picture, g_free);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "calendar");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_assert_true (DESK_IS_CALENDAR_PAGE (page));
  desk_test_show_and_wait (preferences);
  picture = g_strdup_printf ("preferences-calendar-%s.png", language);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), picture);

  gtk_window_destroy (preferences);
}

static void
pages_en (Fixture *f)
{
  check_pages (f, "en");
}

static void
test_pages_en (Fixture       *f,
               gconstpointer  data)
{
  desk_gui_fixture_run (f, pages_en, FALSE);
}

static void
pages_zh_cn (Fixture *f)
{
  check_pages (f, "zh_CN");
}

static void
test_pages_zh_cn (Fixture       *f,
                  gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  desk_gui_fixture_run (f, pages_zh_cn, FALSE);
}

/* A manager tightens forwarding to 15 minutes: a new revision. */
static void
edit_rule (Fixture *f)
{
  GtkWindow *preferences = open_preferences (f, "rules");
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_autoptr(GPtrArray) rules = desk_test_find_widgets (page, ADW_TYPE_EXPANDER_ROW);
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) drop_downs = NULL;
  g_autoptr(GPtrArray) switches = NULL;
  GtkSwitch *escalate = NULL;
  GtkDropDown *calendar = NULL;
  GtkWidget *save = NULL;

  g_assert_cmpint (desk_policy_store_get_active_revision (f->db, NULL), ==, 1);
  adw_expander_row_set_expanded (rules->pdata[0], TRUE);
  desk_test_show_and_wait (preferences);

  spins = desk_test_find_widgets (rules->pdata[0], GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, >=, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[0]), ==, 30);

  buttons = desk_test_find_widgets (page, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (buttons->pdata[i], "suggested-action"))
      save = buttons->pdata[i];
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));

  gtk_spin_button_set_value (spins->pdata[0], 15);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* ...and counts it on the 24-hour crew's calendar. */
  drop_downs = desk_test_find_widgets (rules->pdata[0], GTK_TYPE_DROP_DOWN);
  for (guint i = 0; i < drop_downs->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (drop_downs->pdata[i]);

      if (g_list_model_get_n_items (model) == 2 &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "The office") == 0)
        calendar = drop_downs->pdata[i];
    }
  g_assert_nonnull (calendar);
  gtk_drop_down_set_selected (calendar, 1);

  /* ...and escalates when it is missed. */
  switches = desk_test_find_widgets (rules->pdata[0], GTK_TYPE_SWITCH);
  for (guint i = 0; i < switches->len; i++)
    if (gtk_widget_get_visible (switches->pdata[i]))   /* not the expander row's own */
      escalate = switches->pdata[i];
  g_assert_nonnull (escalate);
  g_assert_false (gtk_switch_get_active (escalate));
  gtk_switch_set_active (escalate, TRUE);
  g_signal_emit_by_name (save, "clicked");

  g_assert_cmpint (desk_policy_store_get_active_revision (f->db, NULL), ==, 2);
  g_assert_cmpint (desk_policy_find_rule (desk_deadline_store_get_policy (f->db), "forward")->limit, ==, 15);
  g_assert_cmpstr (desk_policy_find_rule (desk_deadline_store_get_policy (f->db), "forward")->calendar, ==,
                   DESK_CALENDAR_EMERGENCY);
  g_assert_nonnull (desk_policy_find_rule (desk_deadline_store_get_policy (f->db), "forward")->work_calendar);
  g_assert_null (desk_policy_find_rule (desk_deadline_store_get_policy (f->db), "notice")->calendar);
  g_assert_true (desk_policy_find_rule (desk_deadline_store_get_policy (f->db), "forward")->escalate);
  g_assert_cmpint (desk_policy_find_rule (desk_deadline_store_get_policy (f->db), "notice")->limit, ==, 1);
  desk_test_show_and_wait (preferences);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), "preferences-rules-saved-en.png");
  gtk_window_destroy (preferences);
}

static void
test_edit_rule (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_run (f, edit_rule, FALSE);
}

/* The wheel over a limit scrolls the page and leaves the limit alone,
 * until the user puts the focus in it. */
static GtkEventController *
wheel_guard_of (GtkWidget *spin)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (spin);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "desk-wheel-guard") == 0)
        return controller;
    }
  return NULL;
}

static void
wheel_over_limit (Fixture *f)
{
  GtkWindow *preferences = open_preferences (f, "rules");
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_autoptr(GPtrArray) rules = desk_test_find_widgets (page, ADW_TYPE_EXPANDER_ROW);
  g_autoptr(GPtrArray) spins = NULL;
  GtkEventController *guard;
  GtkAdjustment *adjustment;
  gboolean handled = FALSE;
  double before;

  /* A short window, so that the page scrolls. */
  gtk_window_set_default_size (preferences, 720, 400);
  for (guint i = 0; i < rules->len; i++)
    adw_expander_row_set_expanded (rules->pdata[i], TRUE);
  desk_test_show_and_wait (preferences);

  spins = desk_test_find_widgets (rules->pdata[0], GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, >=, 1);
  guard = wheel_guard_of (spins->pdata[0]);
  g_assert_nonnull (guard);
  /* Before the spin button's own scroll controller, which would take it. */
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (guard), ==, GTK_PHASE_CAPTURE);

  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (spins->pdata[0], GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  before = gtk_adjustment_get_value (adjustment);
  g_signal_emit_by_name (guard, "scroll", 0.0, 3.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[0]), ==, 30);

  /* Focused, the spin button takes the wheel itself. */
  gtk_widget_grab_focus (spins->pdata[0]);
  desk_test_show_and_wait (preferences);
  handled = TRUE;
  g_signal_emit_by_name (guard, "scroll", 0.0, 1.0, &handled);
  g_assert_false (handled);

  /* The callback settings' spin buttons too. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "office");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_clear_pointer (&spins, g_ptr_array_unref);
  spins = desk_test_find_widgets (page, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, ==, 3);
  for (guint i = 0; i < spins->len; i++)
    g_assert_nonnull (wheel_guard_of (spins->pdata[i]));

  gtk_window_destroy (preferences);
}

static void
test_wheel_over_limit (Fixture       *f,
                       gconstpointer  data)
{
  desk_gui_fixture_run (f, wheel_over_limit, FALSE);
}

static AdwMessageDialog *
dialog_over (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Up to 10 s for the window to go: the close comes in an idle after the
 * answer, on a loaded machine seconds later. */
static void
wait_gone (GtkWindow **window)
{
  for (guint i = 0; *window != NULL && i < 200; i++)
    desk_test_spin (50);
}

/* A rule edited and not saved: closing asks; Cancel keeps the window,
 * Discard throws the edit away, Save makes the new revision. */
static void
close_with_unsaved_rule (Fixture    *f,
                         const char *answer)
{
  GtkWindow *preferences = open_preferences (f, "rules");
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_autoptr(GPtrArray) rules = desk_test_find_widgets (page, ADW_TYPE_EXPANDER_ROW);
  g_autoptr(GPtrArray) spins = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *closed = preferences;

  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *)&closed);
  g_assert_false (desk_preferences_window_has_unsaved_changes (DESK_PREFERENCES_WINDOW (preferences)));
  adw_expander_row_set_expanded (rules->pdata[0], TRUE);
  spins = desk_test_find_widgets (rules->pdata[0], GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (spins->pdata[0], 15);
  g_assert_true (desk_preferences_window_has_unsaved_changes (DESK_PREFERENCES_WINDOW (preferences)));

  gtk_window_close (preferences);
  desk_test_show_and_wait (preferences);
  g_assert_nonnull (closed);
  dialog = dialog_over (preferences);
  g_assert_nonnull (dialog);
  if (g_str_equal (answer, "en"))
    desk_test_save_and_check_picture (GTK_WIDGET (dialog), "preferences-unsaved-en.png");

  adw_message_dialog_response (dialog, "cancel");
  desk_test_spin (50);
  g_assert_nonnull (closed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preferences)));
  g_assert_cmpint (desk_policy_store_get_active_revision (f->db, NULL), ==, 1);

  gtk_window_close (preferences);
  desk_test_show_and_wait (preferences);
  dialog = dialog_over (preferences);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, g_str_equal (answer, "discard") ? "discard" : "save");
  wait_gone (&closed);
  g_assert_null (closed);

  if (g_str_equal (answer, "discard"))
    g_assert_cmpint (desk_policy_store_get_active_revision (f->db, NULL), ==, 1);
  else
    {
      g_assert_cmpint (desk_policy_store_get_active_revision (f->db, NULL), ==, 2);
      g_assert_cmpint (desk_policy_find_rule (desk_deadline_store_get_policy (f->db), "forward")->limit, ==, 15);
    }
}

static void
close_and_save (Fixture *f)
{
  close_with_unsaved_rule (f, "en");
}

static void
test_close_and_save (Fixture       *f,
                     gconstpointer  data)
{
  desk_gui_fixture_run (f, close_and_save, FALSE);
}

static void
close_and_discard (Fixture *f)
{
  close_with_unsaved_rule (f, "discard");
}

static void
test_close_and_discard (Fixture       *f,
                        gconstpointer  data)
{
  desk_gui_fixture_run (f, close_and_discard, FALSE);
}

/* Closing with nothing changed asks nothing. */
static void
close_unchanged (Fixture *f)
{
  GtkWindow *preferences = open_preferences (f, "rules");
  GtkWindow *closed = preferences;

  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *)&closed);
  gtk_window_close (preferences);
  wait_gone (&closed);
  g_assert_null (closed);
}

static void
test_close_unchanged (Fixture       *f,
                      gconstpointer  data)
{
  desk_gui_fixture_run (f, close_unchanged, FALSE);
}

static void
import_calendar (Fixture *f)
{
  GtkWindow *preferences = open_preferences (f, "calendar");
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_autofree char *path = g_build_filename (f->dir, "CN-2027.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) before = desk_test_find_widgets (page, ADW_TYPE_ACTION_ROW);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GError) error = NULL;
  static const char text[] =
    "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270206\nDTEND;VALUE=DATE:20270214\n"
    "SUMMARY:春节\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270214\nSUMMARY:春节补班\n"
    "END:VEVENT\nEND:VCALENDAR\n";

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (desk_calendar_page_import (DESK_CALENDAR_PAGE (page), file));
  after = desk_test_find_widgets (page, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (after->len, ==, before->len + 2);

  calendars = desk_calendar_store_list (f->db, &error);
  g_assert_cmpuint (((DeskCalendarInfo *)calendars->pdata[1])->n_holidays, ==, 33 + 8);
  desk_test_show_and_wait (preferences);
  gtk_window_destroy (preferences);
}

static void
test_import_calendar (Fixture       *f,
                      gconstpointer  data)
{
  desk_gui_fixture_run (f, import_calendar, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add ("/desk/rules-preferences/pages/en", Fixture, NULL, fixture_set_up, test_pages_en, fixture_tear_down);
  g_test_add ("/desk/rules-preferences/pages/zh_CN", Fixture, NULL, fixture_set_up, test_pages_zh_cn, fixture_tear_down);
  g_test_add ("/desk/rules-preferences/edit-rule", Fixture, NULL, fixture_set_up, test_edit_rule, fixture_tear_down);
  g_test_add ("/desk/rules-preferences/wheel-over-limit", Fixture, NULL, fixture_set_up, test_wheel_over_limit, fixture_tear_down);
  g_test_add ("/desk/rules-preferences/close-and-save", Fixture, NULL, fixture_set_up, test_close_and_save, fixture_tear_down);
  g_test_add ("/desk/rules-preferences/close-and-discard", Fixture, NULL, fixture_set_up, test_close_and_discard, fixture_tear_down);
  g_test_add ("/desk/rules-preferences/close-unchanged", Fixture, NULL, fixture_set_up, test_close_unchanged, fixture_tear_down);
  g_test_add ("/desk/rules-preferences/import-calendar", Fixture, NULL, fixture_set_up, test_import_calendar, fixture_tear_down);

  return g_test_run ();
}
