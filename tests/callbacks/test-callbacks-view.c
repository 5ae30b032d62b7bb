/* test-callbacks-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Callbacks area (month grid, agenda) and the call panel on the demo
 * office, in English and Simplified Chinese; pictures go to
 * <builddir>/tests/screenshots/.
 */

#define G_LOG_DOMAIN "test-callbacks-view"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-callback-rows.h"
#include "desk-callback-script.h"
#include "desk-callback-store.h"
#include "desk-callbacks-view.h"
#include "desk-gui-test.h"
#include "desk-office-store.h"
#include "desk-plan-call-dialog.h"
#include "desk-category-store.h"
#include "desk-ticket-store.h"
#include "desk-window.h"

#define WINDOW_WIDTH 1180
#define WINDOW_HEIGHT 760

typedef DeskGuiFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-callbacks-view");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static DeskCallbacksView *
show_callbacks (Fixture     *f,
                DeskWindow **window_out)
{
  DeskWindow *window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);
  DeskCallbacksView *view;
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  desk_window_set_visible_area (window, "callbacks");
  desk_test_show_and_wait (GTK_WINDOW (window));
  view = DESK_CALLBACKS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_CALLBACKS_VIEW));
  g_assert_nonnull (view);
  g_assert_true (desk_callbacks_view_plan_now (view, &error));
  g_assert_no_error (error);
  desk_test_spin (100);

  if (window_out != NULL)
    *window_out = window;
  return view;
}

static gboolean
press_with (GtkWidget       *widget,
            guint            keyval,
            GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  return press_with (widget, keyval, 0);
}

/* Visible count labels of the grid with @css_class. */
static guint
count_labels (GtkWidget  *month,
              const char *css_class)
{
  g_autoptr(GPtrArray) labels = desk_test_find_widgets (month, GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], css_class) && gtk_widget_get_visible (labels->pdata[i]))
      n++;
  return n;
}

static void
check_month (Fixture    *f,
             const char *picture,
             const char *done_word)
{
  DeskCallbacksView *view = show_callbacks (f, NULL);
  DeskCallbackMonth *month = desk_callbacks_view_get_month (view);
  g_autoptr(GPtrArray) buttons = desk_test_find_widgets (GTK_WIDGET (month), GTK_TYPE_BUTTON);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate selected, before;
  guint today_cells = 0;
  gboolean found_word = FALSE;

  /* Today is marked once; the demo's past two weeks show calls done and
   * missed, in words. */
  for (guint i = 0; i < buttons->len; i++)
    today_cells += gtk_widget_has_css_class (buttons->pdata[i], "desk-today");
  g_assert_cmpuint (today_cells, ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (month), "desk-count-done"), >, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (month), "desk-count-missed"), >, 0);
  {
    g_autoptr(GPtrArray) labels = desk_test_find_widgets (GTK_WIDGET (month), GTK_TYPE_LABEL);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "desk-count-done") &&
          strstr (gtk_label_get_text (labels->pdata[i]), done_word) != NULL)
        found_word = TRUE;
  }
  g_assert_true (found_word);

  /* The picture shows the agenda of the last day with calls. */
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(GArray) ids = desk_callbacks_view_get_day_ids (view);

      if (ids->len > 0)
        break;
      desk_callback_month_move (month, -1, 0);
    }
  {
    g_autoptr(GArray) ids = desk_callbacks_view_get_day_ids (view);
    g_assert_cmpuint (ids->len, >, 0);
  }
  desk_test_spin (50);
  desk_test_save_and_check_picture (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_WINDOW), picture);
  {
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
    desk_callback_month_select_day (month, &today);
  }

  /* Keyboard: arrows move by a day and a week, Page Down by a month,
   * Home back to today. */
  desk_callback_month_get_selected (month, &before);
  g_assert_cmpint (g_date_get_day (&before), ==, g_date_time_get_day_of_month (now));
  g_assert_true (press (GTK_WIDGET (month), GDK_KEY_Right));
  desk_callback_month_get_selected (month, &selected);
  g_assert_cmpint (g_date_days_between (&before, &selected), ==, 1);
  g_assert_true (press (GTK_WIDGET (month), GDK_KEY_Up));
  desk_callback_month_get_selected (month, &selected);
  g_assert_cmpint (g_date_days_between (&before, &selected), ==, -6);
  g_assert_true (press (GTK_WIDGET (month), GDK_KEY_Page_Down));
  desk_callback_month_get_selected (month, &selected);
  {
    GDate expected = before;

    g_date_subtract_days (&expected, 6);
    g_date_add_months (&expected, 1);
    g_assert_cmpint (g_date_compare (&selected, &expected), ==, 0);
  }
  g_assert_true (press (GTK_WIDGET (month), GDK_KEY_Home));
  desk_callback_month_get_selected (month, &selected);
  g_assert_cmpint (g_date_compare (&selected, &before), ==, 0);

  /* The same in the dark style: the counts' colours are named colours. */
  if (g_str_has_suffix (picture, "-en.png"))
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      desk_test_spin (100);
      desk_test_save_and_check_picture (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_WINDOW),
                                        "callbacks-dark-en.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }
}

static void
month_en (Fixture *f)
{
  check_month (f, "callbacks-en.png", "done");
}

static void
test_month_en (Fixture       *f,
               gconstpointer  data)
{
  desk_gui_fixture_run (f, month_en, FALSE);
}

static void
month_zh_cn (Fixture *f)
{
  check_month (f, "callbacks-zh_CN.png", "已完成");
}

static void
test_month_zh_cn (Fixture       *f,
                  gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;
  desk_gui_fixture_run (f, month_zh_cn, FALSE);
}

/* The first call still to make in the coming two weeks that is about a
 * ticket. */
static gint64
planned_call (Fixture            *f,
              DeskCallbackReason  reason)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GPtrArray) list = desk_callback_store_list (f->db, now, now + 14 * 24 * 3600, NULL, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DeskCallback *b = list->pdata[i];
      if (b->state == DESK_CALLBACK_PLANNED && b->reason == reason &&
          (b->ticket_id > 0 || reason == DESK_CALLBACK_CAMPAIGN))
        return b->id;
    }
  g_assert_not_reached ();
}

static GtkToggleButton *
find_toggle (GtkWidget  *root,
             const char *label,
             guint       nth)
{
  g_autoptr(GPtrArray) toggles = desk_test_find_widgets (root, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), label) == 0 && nth-- == 0)
      return toggles->pdata[i];
  g_assert_not_reached ();
}

static void
check_call_panel (Fixture    *f,
                  const char *picture)
{
  DeskCallbacksView *view = show_callbacks (f, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCallback) after = NULL;
  gint64 id = planned_call (f, DESK_CALLBACK_DAILY_FOLLOW_UP);
  gint64 moved = planned_call (f, DESK_CALLBACK_CAMPAIGN);
  DeskCallPanel *panel;
  GtkWidget *closing;
  gint64 before_at;

  /* Rescheduling by keyboard (the row's menu actions and Ctrl+Page Down)
   * and by dropping it on a day; reassigning from the menu. */
  {
    g_autoptr(DeskCallback) b = desk_callback_store_get (f->db, moved, &error);
    g_autoptr(DeskCallback) later = NULL;
    g_autoptr(DeskCallback) dropped = NULL;
    g_autoptr(DeskCallback) back = NULL;
    g_autoptr(DeskStaff) clerk = desk_office_store_find_staff (f->db, "S002", &error);
    g_autoptr(GDateTime) utc = NULL;
    g_autoptr(GDateTime) local = NULL;
    g_autoptr(GDateTime) next_day = NULL;
    g_autofree char *day = NULL;

    before_at = b->planned_at;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "callbacks.later", "x", moved));
    later = desk_callback_store_get (f->db, moved, &error);
    g_assert_cmpint (later->planned_at, >, before_at);
    g_assert_cmpint ((later->planned_at - before_at) % (24 * 3600), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "callbacks.earlier", "x", moved));
    back = desk_callback_store_get (f->db, moved, &error);
    g_assert_cmpint (back->planned_at, ==, before_at);

    utc = g_date_time_new_from_unix_utc (before_at);
    local = g_date_time_to_local (utc);
    next_day = g_date_time_add_days (local, 1);
    day = g_date_time_format (next_day, "%Y-%m-%d");
    g_signal_emit_by_name (desk_callbacks_view_get_month (view), "callback-dropped", moved, day);
    dropped = desk_callback_store_get (f->db, moved, &error);
    g_assert_cmpint (dropped->planned_at, ==, before_at + 24 * 3600);
    g_assert_cmpstr (dropped->plan_day, ==, day);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "callbacks.reassign", "(xx)", moved,
                                               desk_staff_get_id (clerk)));
    g_clear_pointer (&dropped, desk_callback_free);
    dropped = desk_callback_store_get (f->db, moved, &error);
    g_assert_cmpint (dropped->assignee_id, ==, desk_staff_get_id (clerk));
    g_assert_true (desk_callback_store_reschedule (f->db, moved, before_at, &error));

    /* Ctrl+Page Down on the selected row of the day's agenda. */
    {
      g_autoptr(GDateTime) planned_local = g_date_time_to_local (utc);
      g_autoptr(DeskCallback) keyed = NULL;
      GDate planned_day;
      gboolean selected = FALSE;

      g_date_clear (&planned_day, 1);
      g_date_set_dmy (&planned_day, g_date_time_get_day_of_month (planned_local),
                      g_date_time_get_month (planned_local), g_date_time_get_year (planned_local));
      desk_callback_month_select_day (desk_callbacks_view_get_month (view), &planned_day);
      desk_test_spin (50);
      /* The day's agenda is a list view: select the row as a click would. */
      gtk_stack_set_visible_child_name (GTK_STACK (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_STACK)), "day");
      selected = desk_callbacks_view_select_call (view, moved);
      g_assert_true (selected);
      g_assert_true (press_with (GTK_WIDGET (view), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
      keyed = desk_callback_store_get (f->db, moved, &error);
      g_assert_cmpint (keyed->planned_at, >, before_at);
      g_assert_true (desk_callback_store_reschedule (f->db, moved, before_at, &error));
    }
  }

  panel = desk_callbacks_view_open_call (view, id);

  g_assert_nonnull (panel);
  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *)&panel);
  desk_test_show_and_wait (GTK_WINDOW (panel));

  /* Satisfied everywhere but one "average": the closing line is the
   * manual's 【不满意/一般】 one. */
  for (guint q = 0; q < 4; q++)
    gtk_toggle_button_set_active (find_toggle (GTK_WIDGET (panel), _("Satisfied"), q), TRUE);
  gtk_toggle_button_set_active (find_toggle (GTK_WIDGET (panel), _("Average"), 2), TRUE);
  desk_test_spin (50);
  desk_test_save_and_check_picture (GTK_WIDGET (panel), picture);
  if (g_str_has_suffix (picture, "-en.png"))
    {
      AdwExpanderRow *history = ADW_EXPANDER_ROW (desk_test_find_widget (GTK_WIDGET (panel), ADW_TYPE_EXPANDER_ROW));

      adw_expander_row_set_expanded (history, TRUE);
      desk_test_spin (100);
      desk_test_save_and_check_picture (GTK_WIDGET (panel), "call-panel-history-en.png");
      adw_expander_row_set_expanded (history, FALSE);
    }

  closing = NULL;
  {
    g_autoptr(GPtrArray) labels = desk_test_find_widgets (GTK_WIDGET (panel), GTK_TYPE_LABEL);
    for (guint i = 0; i < labels->len && closing == NULL; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "desk-note") && gtk_widget_get_mapped (labels->pdata[i]))
        closing = labels->pdata[i];
  }
  g_assert_nonnull (closing);
  {
    const DeskCallbackScript *script = desk_callback_script_get_default ();
    const char *expected = NULL;

    for (guint i = 0; i < script->n_steps; i++)
      if (script->steps[i].kind == DESK_SCRIPT_CLOSING)
        expected = desk_callback_script_text (script->steps[i].line_if_not);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (closing)), ==, expected);
  }

  /* The greeting names the office and the customer, not "xx" and "XX". */
  {
    g_autoptr(DeskCallback) b = desk_callback_store_get (f->db, id, &error);
    g_autofree char *organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
    g_autoptr(GPtrArray) labels = desk_test_find_widgets (GTK_WIDGET (panel), GTK_TYPE_LABEL);
    gboolean greeted = FALSE;

    for (guint i = 0; i < labels->len && !greeted; i++)
      {
        const char *text = gtk_label_get_text (labels->pdata[i]);

        greeted = strstr (text, b->customer_name) != NULL &&
                  strstr (text, organisation != NULL && *organisation ? organisation : _("our company")) != NULL;
      }
    g_assert_true (greeted);
    for (guint i = 0; i < labels->len; i++)
      g_assert_null (strstr (gtk_label_get_text (labels->pdata[i]), "{customer}"));
  }

  /* Not convenient with a time that is no time: refused, nothing saved. */
  gtk_toggle_button_set_active (find_toggle (GTK_WIDGET (panel), _("_Not convenient"), 0), TRUE);
  {
    g_autoptr(GPtrArray) rows = desk_test_find_widgets (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW);
    for (guint i = 0; i < rows->len; i++)
      if (g_str_has_prefix (adw_preferences_row_get_title (rows->pdata[i]), _("Call again at (YYYY-MM-DD HH:MM)")))
        gtk_editable_set_text (rows->pdata[i], "tomorrow");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.save", NULL));
  g_assert_nonnull (panel);
  after = desk_callback_store_get (f->db, id, &error);
  g_assert_cmpint (after->state, ==, DESK_CALLBACK_PLANNED);
  g_clear_pointer (&after, desk_callback_free);

  /* Convenient: saved, the panel closes, the call is made. */
  gtk_toggle_button_set_active (find_toggle (GTK_WIDGET (panel), _("C_onvenient"), 0), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.save", NULL));
  desk_test_spin (50);
  g_assert_null (panel);
  after = desk_callback_store_get (f->db, id, &error);
  g_assert_cmpint (after->state, ==, DESK_CALLBACK_REACHED);
}

static void
call_panel_en (Fixture *f)
{
  check_call_panel (f, "call-panel-en.png");
}

static void
test_call_panel_en (Fixture       *f,
                    gconstpointer  data)
{
  desk_gui_fixture_run (f, call_panel_en, FALSE);
}

static void
call_panel_zh_cn (Fixture *f)
{
  check_call_panel (f, "call-panel-zh_CN.png");
}

static void
test_call_panel_zh_cn (Fixture       *f,
                       gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;
  desk_gui_fixture_run (f, call_panel_zh_cn, FALSE);
}

static DeskPlanCallDialog *
find_plan_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DESK_IS_PLAN_CALL_DIALOG (window))
        return DESK_PLAN_CALL_DIALOG (window);
    }
  return NULL;
}

static void
set_row (GtkWidget  *root,
         const char *title,
         const char *text)
{
  g_autoptr(GPtrArray) rows = desk_test_find_widgets (root, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      {
        gtk_editable_set_text (rows->pdata[i], text);
        return;
      }
  g_assert_not_reached ();
}

static guint
count_manual (Fixture            *f,
              DeskCallbackReason  reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = desk_callback_store_list (f->db, 0, G_MAXINT64, NULL, 0, &error);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += ((DeskCallback *)all->pdata[i])->reason == reason;
  return n;
}

static void
plan_calls (Fixture *f)
{
  DeskCallbacksView *view = show_callbacks (f, NULL);
  DeskPlanCallDialog *dialog;
  GtkLabel *error_label = NULL;
  guint manual = count_manual (f, DESK_CALLBACK_MANUAL);
  guint campaign = count_manual (f, DESK_CALLBACK_CAMPAIGN);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "callbacks.plan", NULL));
  dialog = find_plan_dialog ();
  g_assert_nonnull (dialog);
  desk_test_show_and_wait (GTK_WINDOW (dialog));
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), "plan-calls-en.png");

  /* Nobody to call: refused, said in the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.save", NULL));
  g_assert_true (find_plan_dialog () == dialog);
  {
    g_autoptr(GPtrArray) labels = desk_test_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_LABEL);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "desk-form-error"))
        error_label = labels->pdata[i];
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "whom to call"));

  /* One call about a ticket. */
  set_row (GTK_WIDGET (dialog), "Ticket number", "TS-2026-000002");
  set_row (GTK_WIDGET (dialog), "When (YYYY-MM-DD HH:MM)", "2031-03-03 16:30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.save", NULL));
  desk_test_spin (50);
  g_assert_null (find_plan_dialog ());
  g_assert_cmpuint (count_manual (f, DESK_CALLBACK_MANUAL), ==, manual + 1);

  /* A campaign over a site's customers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "callbacks.plan", NULL));
  dialog = find_plan_dialog ();
  desk_test_show_and_wait (GTK_WINDOW (dialog));
  gtk_stack_set_visible_child_name (GTK_STACK (desk_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK)),
                                    "campaign");
  set_row (GTK_WIDGET (dialog), "Campaign name", "翠湖花园 回访");
  set_row (GTK_WIDGET (dialog), "Site or address contains", "翠湖花园");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.save", NULL));
  desk_test_spin (50);
  g_assert_null (find_plan_dialog ());
  g_assert_cmpuint (count_manual (f, DESK_CALLBACK_CAMPAIGN), >, campaign);
}

static void
test_plan_calls (Fixture       *f,
                 gconstpointer  data)
{
  desk_gui_fixture_run (f, plan_calls, FALSE);
}

static guint
planned_for (Fixture *f,
             gint64   ticket_id,
             gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) planned = desk_callback_store_list (f->db, now - 24 * 3600, now + 30 * 24 * 3600,
                                                           NULL, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < planned->len; i++)
    n += ((DeskCallback *)g_ptr_array_index (planned, i))->ticket_id == ticket_id;

  return n;
}

/* Opening the window plans the days' callbacks, after its first frame
 * (not before: on a large office planning would delay it): a complaint
 * registered while no window watched gets its follow-ups then. */
static void
plans_after_first_frame (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) earlier = desk_ticket_store_get (f->db, 1, &error);
  g_autoptr(GPtrArray) categories = desk_category_store_list (f->db, &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT,
    .severity = DESK_SEVERITY_NORMAL,
    .customer_id = desk_ticket_get_data (earlier)->customer_id,
    .category_id = ((DeskCategory *)g_ptr_array_index (categories, 0))->id,
    .summary = "阳台漏水，楼下邻居投诉",
    .received_at = now - 3600,
  };
  g_autoptr(DeskTicket) ticket = desk_ticket_store_create (f->db, &draft, 0, &error);
  gint64 id;
  DeskWindow *window;

  g_assert_no_error (error);
  id = desk_ticket_get_id (ticket);
  g_assert_cmpuint (planned_for (f, id, now), ==, 0);

  window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);
  desk_test_spin (100);
  g_assert_cmpuint (planned_for (f, id, now), ==, 0);

  desk_test_show_and_wait (GTK_WINDOW (window));
  for (int i = 0; i < 200 && planned_for (f, id, now) == 0; i++)
    desk_test_spin (50);
  g_assert_cmpuint (planned_for (f, id, now), >, 0);
}

static void
test_plans_after_first_frame (Fixture       *f,
                              gconstpointer  data)
{
  desk_gui_fixture_run (f, plans_after_first_frame, FALSE);
}

/* The Callbacks area out of sight does no work: its lists count nothing
 * and read no row until it is shown; then they hold every call of the day
 * (counted in SQL) and read only the pages of the rows on screen. */
static void
lazy_until_shown (Fixture *f)
{
  DeskWindow *window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);
  g_autoptr(GError) error = NULL;
  DeskCallbacksView *view;
  DeskCallbackListModel *today_model;
  DeskCallbackRange range = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now (g_time_zone_new_identifier ("Asia/Shanghai"));
  g_autoptr(GDateTime) midnight = NULL;
  guint64 planned = 0;
  gint64 expected;

  /* Plenty of calls today: every open complaint's follow-up. */
  g_assert_true (desk_callback_store_plan (f->db, g_get_real_time () / G_USEC_PER_SEC, 0, &planned, &error));
  g_assert_no_error (error);
  /* And more than a screen's pages of them by hand: 400 from 08:00. */
  midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  g_assert_true (desk_database_begin (f->db, &error));
  for (int i = 0; i < 400; i++)
    {
      g_assert_cmpint (desk_callback_store_add (f->db, 1, 0, DESK_CALLBACK_MANUAL,
                                                g_date_time_to_unix (midnight) + 8 * 3600 + i * 60, 0,
                                                NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (desk_database_commit (f->db, &error));

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  desk_window_set_visible_area (window, "tickets");
  view = DESK_CALLBACKS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_CALLBACKS_VIEW));
  today_model = desk_callbacks_view_get_model (view, "today");
  /* Built, not yet drawn: the hidden area has counted and read nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (today_model)), ==, 0);
  g_assert_cmpuint (desk_callback_list_model_get_pages_read (today_model), ==, 0);
  desk_test_show_and_wait (GTK_WINDOW (window));
  g_assert_cmpuint (desk_callback_list_model_get_pages_read (today_model), ==, 0);

  /* After the first frame, out of sight, it gets ready at low priority:
   * counted, but a list whose tab is not shown reads no rows. */
  desk_test_spin (1500);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (today_model)), >, 0);
  g_assert_cmpuint (desk_callback_list_model_get_pages_read (today_model), ==, 0);

  desk_window_set_visible_area (window, "callbacks");
  gtk_stack_set_visible_child_name (GTK_STACK (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_STACK)), "today");
  desk_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  range.from = g_date_time_to_unix (midnight);
  range.to = range.from + 24 * 3600;
  expected = desk_callback_store_count_range (f->db, &range, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expected, >, 0);
  desk_test_spin_until_n_items (G_LIST_MODEL (today_model), (guint)expected, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (today_model)), ==, (guint)expected);
  /* The rows a list view builds (GTK 4.8 keeps some 200 around what is on
   * screen): a few pages of 50, not the day's 400 and more. */
  g_assert_cmpuint (expected, >=, 400);
  g_assert_cmpuint (desk_callback_list_model_get_pages_read (today_model), >=, 1);
  g_assert_cmpuint (desk_callback_list_model_get_pages_read (today_model), <=, 5);

  /* A selected call stays selected through a reload, and the reload reads
   * the rows on screen, not the day's (a single selection once looked for
   * its item in every row added). */
  {
    const DeskCallback *b = NULL;
    g_autoptr(DeskCallbackItem) item = g_list_model_get_item (G_LIST_MODEL (today_model), 0);
    guint before;

    b = desk_callback_item_get_callback (item);
    g_assert_true (desk_callbacks_view_select_call (view, b->id));
    before = desk_callback_list_model_get_pages_read (today_model);
    desk_callbacks_view_reload (view);
    /* A window's height of rows first, all of them once idle. */
    g_assert_cmpuint (desk_callback_list_model_get_total (today_model), ==, (guint)expected);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (today_model)), <, (guint)expected);
    desk_test_spin_until_n_items (G_LIST_MODEL (today_model), (guint)expected, 10000);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (today_model)), ==, (guint)expected);
    g_assert_cmpuint (desk_callback_list_model_get_pages_read (today_model) - before, <=, 5);
    {
      g_autoptr(GPtrArray) lists = desk_test_find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);
      GtkSingleSelection *shown = NULL;

      for (guint i = 0; i < lists->len; i++)
        {
          GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (lists->pdata[i]));

          if (gtk_single_selection_get_model (selection) == G_LIST_MODEL (today_model))
            shown = selection;
        }
      g_assert_nonnull (shown);
      g_assert_cmpuint (gtk_single_selection_get_selected (shown), ==, 0);
    }
  }
}

static void
test_lazy_until_shown (Fixture       *f,
                       gconstpointer  data)
{
  desk_gui_fixture_run (f, lazy_until_shown, FALSE);
}

/* Mine: the current user's calls and those for anyone, in every list;
 * pressed again, everyone's. */
static void
my_calls (Fixture *f)
{
  DeskCallbacksView *view;
  DeskCallbackListModel *today_model;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStaff) me = NULL;
  g_autoptr(DeskStaff) other = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  GtkToggleButton *mine = NULL;
  DeskCallbackRange range = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now (g_time_zone_new_identifier ("Asia/Shanghai"));
  g_autoptr(GDateTime) midnight = NULL;
  guint all, mine_n = 0;

  g_settings_set_string (f->settings, "current-user", "S001");
  me = desk_office_store_find_staff (f->db, "S001", &error);
  other = desk_office_store_find_staff (f->db, "S002", &error);
  g_assert_no_error (error);
  view = show_callbacks (f, NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_STACK)), "today");
  desk_test_spin (100);

  /* Today's calls: half to someone else, the rest to me. */
  midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  range.from = g_date_time_to_unix (midnight);
  range.to = range.from + 24 * 3600;
  calls = desk_callback_store_list_range (f->db, &range, 0, 10000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, >=, 2);
  for (guint i = 0; i < calls->len; i++)
    {
      DeskCallback *b = calls->pdata[i];

      g_assert_true (desk_callback_store_reassign (f->db, b->id,
                                                   desk_staff_get_id (i % 2 ? other : me), &error));
      mine_n += i % 2 == 0;
    }
  desk_callbacks_view_reload (view);
  today_model = desk_callbacks_view_get_model (view, "today");
  all = desk_callback_list_model_get_total (today_model);
  g_assert_cmpuint (all, ==, calls->len);

  {
    g_autoptr(GPtrArray) toggles = desk_test_find_widgets (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON);

    for (guint i = 0; i < toggles->len; i++)
      if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), _("_Mine")) == 0)
        mine = toggles->pdata[i];
  }
  g_assert_nonnull (mine);
  gtk_toggle_button_set_active (mine, TRUE);
  g_assert_cmpuint (desk_callback_list_model_get_total (today_model), ==, mine_n);
  gtk_toggle_button_set_active (mine, FALSE);
  g_assert_cmpuint (desk_callback_list_model_get_total (today_model), ==, all);
}

static void
test_my_calls (Fixture       *f,
               gconstpointer  data)
{
  desk_gui_fixture_run (f, my_calls, FALSE);
}

/* What a call planned by hand is for shows beside its reason, in the
 * lists and the call panel, instead of "By hand" alone. */
static void
test_reason_says_purpose (void)
{
  DeskCallback manual = { .reason = DESK_CALLBACK_MANUAL, .note = (char *)"确认上门时间" };
  DeskCallback bare = { .reason = DESK_CALLBACK_MANUAL };
  DeskCallback follow_up = { .reason = DESK_CALLBACK_DAILY_FOLLOW_UP, .note = (char *)"客户在开会" };
  g_autofree char *with_purpose = _desk_callback_describe_reason (&manual);
  g_autofree char *without = _desk_callback_describe_reason (&bare);
  g_autofree char *automatic = _desk_callback_describe_reason (&follow_up);

  g_assert_nonnull (strstr (with_purpose, desk_callback_reason_get_label (DESK_CALLBACK_MANUAL)));
  g_assert_nonnull (strstr (with_purpose, "确认上门时间"));
  g_assert_cmpstr (without, ==, desk_callback_reason_get_label (DESK_CALLBACK_MANUAL));
  /* An automatic call's note is the caller's, not its purpose. */
  g_assert_cmpstr (automatic, ==, desk_callback_reason_get_label (DESK_CALLBACK_DAILY_FOLLOW_UP));
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add_func ("/desk/callbacks-view/reason-says-purpose", test_reason_says_purpose);
  g_test_add ("/desk/callbacks-view/my-calls", Fixture, NULL, fixture_set_up, test_my_calls, fixture_tear_down);
  g_test_add ("/desk/callbacks-view/month/en", Fixture, NULL, fixture_set_up, test_month_en, fixture_tear_down);
  g_test_add ("/desk/callbacks-view/month/zh_CN", Fixture, NULL, fixture_set_up, test_month_zh_cn, fixture_tear_down);
  g_test_add ("/desk/callbacks-view/call-panel/en", Fixture, NULL, fixture_set_up, test_call_panel_en, fixture_tear_down);
  g_test_add ("/desk/callbacks-view/lazy-until-shown", Fixture, NULL, fixture_set_up, test_lazy_until_shown,
              fixture_tear_down);
  g_test_add ("/desk/callbacks-view/plan-calls", Fixture, NULL, fixture_set_up, test_plan_calls, fixture_tear_down);
  g_test_add ("/desk/callbacks-view/plans-after-first-frame", Fixture, NULL, fixture_set_up,
              test_plans_after_first_frame, fixture_tear_down);
  g_test_add ("/desk/callbacks-view/call-panel/zh_CN", Fixture, NULL, fixture_set_up, test_call_panel_zh_cn, fixture_tear_down);

  return g_test_run ();
}
