/* test-callback-preferences.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-callback-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-callback-store.h"
#include "desk-gui-test.h"
#include "desk-preferences-window.h"

/* Preferences → Office → Callbacks on a demo office: the rows show the
 * stored settings, a changed spin button is saved at once (and the
 * window's office-changed signal says so); pictures in English and
 * Chinese. */

typedef DeskGuiFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-callback-preferences");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static GtkWindow *
open_office_page (Fixture *f)
{
  GtkWindow *preferences = desk_preferences_window_new (f->db, f->settings);

  gtk_window_set_default_size (preferences, 720, 900);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "office");
  desk_test_show_and_wait (preferences);
  return preferences;
}

/* The Office page's spin buttons: the Callbacks group's three, in the
 * order of DeskCallbackSetting. */
static GPtrArray *
find_spins (GtkWindow *preferences)
{
  GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  GPtrArray *spins = desk_test_find_widgets (page, GTK_TYPE_SPIN_BUTTON);

  g_assert_cmpuint (spins->len, ==, DESK_N_CALLBACK_SETTINGS);
  return spins;
}

static void
check_page (Fixture    *f,
            const char *language)
{
  GtkWindow *preferences = NULL;
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *picture = NULL;
  DeskCallbackSettings settings = { 2, 5, 4 };
  guint titled = 0;

  g_assert_true (desk_callback_store_save_settings (f->db, &settings, g_get_real_time () / G_USEC_PER_SEC,
                                                    &error));
  g_assert_no_error (error);

  preferences = open_office_page (f);
  spins = find_spins (preferences);
  for (guint i = 0; i < spins->len; i++)
    {
      guint minimum, maximum;
      double lower, upper;

      g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[i]), ==,
                       desk_callback_settings_get (&settings, i));
      desk_callback_setting_get_range (i, &minimum, &maximum, NULL);
      gtk_spin_button_get_range (spins->pdata[i], &lower, &upper);
      g_assert_cmpfloat (lower, ==, minimum);
      g_assert_cmpfloat (upper, ==, maximum);
    }

  /* Each spin button sits in a row with a title and an explanation. */
  rows = desk_test_find_widgets (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *activatable = adw_action_row_get_activatable_widget (rows->pdata[i]);

      if (activatable == NULL || !GTK_IS_SPIN_BUTTON (activatable))
        continue;
      g_assert_true (gtk_widget_is_ancestor (activatable, rows->pdata[i]));
      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), !=, "");
      g_assert_nonnull (adw_action_row_get_subtitle (rows->pdata[i]));
      titled++;
    }
  g_assert_cmpuint (titled, ==, DESK_N_CALLBACK_SETTINGS);

  picture = g_strdup_printf ("preferences-callbacks-%s.png", language);
  desk_test_save_and_check_picture (GTK_WIDGET (preferences), picture);
  gtk_window_destroy (preferences);
}

static void
page_en (Fixture *f)
{
  check_page (f, "en");
}

static void
test_page_en (Fixture       *f,
              gconstpointer  data)
{
  desk_gui_fixture_run (f, page_en, FALSE);
}

static void
page_zh_cn (Fixture *f)
{
  check_page (f, "zh_CN");
}

static void
test_page_zh_cn (Fixture       *f,
                 gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  desk_gui_fixture_run (f, page_zh_cn, FALSE);
}

/* The save runs in a thread: spins the main loop until it is done. */
static void
wait_for_save (GtkWindow *preferences)
{
  for (guint waited = 0; desk_preferences_window_is_saving (DESK_PREFERENCES_WINDOW (preferences)); waited += 10)
    {
      g_assert_cmpuint (waited, <, 10000);
      desk_test_spin (10);
    }
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
callbacks_changed_cb (DeskDatabase *db,
                      const char   *table,
                      gint64        id,
                      guint        *n)
{
  if (g_strcmp0 (table, "callbacks") == 0)
    (*n)++;
}

/* A supervisor moves the satisfaction call to three working days after
 * closing and plans a week ahead: each change is stored as it is made. */
static void
change_settings (Fixture *f)
{
  GtkWindow *preferences = open_office_page (f);
  g_autoptr(GPtrArray) spins = find_spins (preferences);
  DeskCallbackSettings stored;
  guint changes = 0, calls_changed = 0;
  gulong handler;

  g_signal_connect_swapped (preferences, "office-changed", G_CALLBACK (count_cb), &changes);
  /* The Callbacks area listens to this to show the calls planned anew. */
  handler = g_signal_connect (f->db, "changed", G_CALLBACK (callbacks_changed_cb), &calls_changed);

  desk_callback_store_get_settings (f->db, &stored);
  g_assert_cmpuint (stored.satisfaction_delay_days, ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[DESK_CALLBACK_SETTING_SATISFACTION_DELAY]), ==, 1);

  gtk_spin_button_set_value (spins->pdata[DESK_CALLBACK_SETTING_SATISFACTION_DELAY], 3);
  wait_for_save (preferences);
  desk_callback_store_get_settings (f->db, &stored);
  g_assert_cmpuint (stored.satisfaction_delay_days, ==, 3);
  g_assert_cmpuint (stored.repair_follow_up_days, ==, 3);
  g_assert_cmpuint (stored.planning_days, ==, 3);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (calls_changed, ==, 1);

  /* Two steps up in quick succession, as a user clicks: the second
   * waits for the first save and is saved after it. */
  gtk_spin_button_spin (spins->pdata[DESK_CALLBACK_SETTING_PLANNING_DAYS], GTK_SPIN_STEP_FORWARD, 1);
  gtk_spin_button_spin (spins->pdata[DESK_CALLBACK_SETTING_PLANNING_DAYS], GTK_SPIN_STEP_FORWARD, 1);
  wait_for_save (preferences);
  desk_callback_store_get_settings (f->db, &stored);
  g_assert_cmpuint (stored.planning_days, ==, 5);
  g_assert_cmpuint (stored.satisfaction_delay_days, ==, 3);
  g_assert_cmpuint (changes, ==, 3);

  /* The range is the store's: a typed 99 becomes the largest allowed. */
  gtk_spin_button_set_value (spins->pdata[DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP], 99);
  wait_for_save (preferences);
  desk_callback_store_get_settings (f->db, &stored);
  g_assert_cmpuint (stored.repair_follow_up_days, ==, 40);

  /* Opened again, the window shows what was stored. */
  g_signal_handler_disconnect (f->db, handler);
  gtk_window_destroy (preferences);
  preferences = open_office_page (f);
  g_clear_pointer (&spins, g_ptr_array_unref);
  spins = find_spins (preferences);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[DESK_CALLBACK_SETTING_SATISFACTION_DELAY]), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP]), ==, 40);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[DESK_CALLBACK_SETTING_PLANNING_DAYS]), ==, 5);
  gtk_window_destroy (preferences);
}

static void
test_change_settings (Fixture       *f,
                      gconstpointer  data)
{
  desk_gui_fixture_run (f, change_settings, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add ("/desk/callback-preferences/page/en", Fixture, NULL, fixture_set_up, test_page_en, fixture_tear_down);
  g_test_add ("/desk/callback-preferences/page/zh_CN", Fixture, NULL, fixture_set_up, test_page_zh_cn, fixture_tear_down);
  g_test_add ("/desk/callback-preferences/change", Fixture, NULL, fixture_set_up, test_change_settings, fixture_tear_down);

  return g_test_run ();
}
