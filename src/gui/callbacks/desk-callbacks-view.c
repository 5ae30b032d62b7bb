/* desk-callbacks-view.c
 *
 * The Callbacks area: the month grid, the selected day's agenda and the
 * Today and Overdue lists (lazy models, reloaded when the office changes),
 * the callbacks.* actions (call, move a working day, cancel, reassign,
 * export to iCalendar, plan calls) and the planning of the calls ahead, in
 * a thread once the window is drawn.  The grid itself is
 * desk-callback-month.c, the lists' rows desk-callback-rows.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callbacks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-callback-ical.h"
#include "desk-callback-list-model.h"
#include "desk-callback-rows.h"
#include "desk-callback-store.h"
#include "desk-callbacks-view.h"
#include "desk-deadline-store.h"
#include "desk-gui-private.h"
#include "desk-office-store.h"
#include "desk-plan-call-dialog.h"

/* A day of a big office can hold a hundred thousand follow-ups: the lists
 * are list views over lazy models (desk-callback-list-model.c), which read
 * only the rows on screen. */
#define DAY_SECONDS (24 * 60 * 60)

struct _DeskCallbacksView
{
  GtkWidget          parent_instance;

  DeskDatabase      *db;
  GSettings         *settings;
  GCancellable      *planning;
  guint              reload_id;
  guint              ready_id;
  /* What the lists show is older than the office: reload when shown.  The
   * area does no work before the window's first frame (on a million
   * tickets its lists had kept it waiting for minutes); after it, out of
   * sight, it gets ready now and then at low priority (see queue_reload). */
  gboolean           stale;
  gboolean           window_drawn;
  gboolean           planning_running;

  /* Template widgets */
  GtkLabel          *month_label;
  DeskCallbackMonth *month;
  GtkStack          *lists_stack;
  GtkLabel          *day_label;
  GtkListView       *day_list;
  GtkListView       *today_list;
  GtkToggleButton   *mine_button;
  GtkListView       *overdue_list;
  GtkLabel          *day_empty;
  GtkLabel          *today_empty;
  GtkLabel          *overdue_empty;
  GtkStackPage      *today_page;
  GtkStackPage      *overdue_page;

  DeskCallbackListModel *day_model;
  DeskCallbackListModel *today_model;
  DeskCallbackListModel *overdue_model;
  GPtrArray         *staff;     /* DeskStaff, for the rows' "Assign To" menus */
};

G_DEFINE_FINAL_TYPE (DeskCallbacksView, desk_callbacks_view, GTK_TYPE_WIDGET)

static GTimeZone *
office_timezone (void)
{
  return desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (NULL));
}

static gint64
day_start (const GDate *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (office_timezone (), g_date_get_year (day),
                                             g_date_get_month (day), g_date_get_day (day), 0, 0, 0);
  return g_date_time_to_unix (dt);
}

static void
today (GDate *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (office_timezone ());

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static char *
format_time (gint64      when,
             const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, office_timezone ());

  return g_date_time_format (local, format);
}

static gint64
current_user_id (DeskCallbacksView *self)
{
  g_autofree char *code = NULL;
  g_autoptr(DeskStaff) staff = NULL;

  if (self->settings == NULL)
    return 0;
  code = g_settings_get_string (self->settings, "current-user");
  if (code[0] == '\0')
    return 0;
  staff = desk_office_store_find_staff (self->db, code, NULL);
  return staff != NULL ? desk_staff_get_id (staff) : 0;
}

/* With Mine pressed the lists hold the current user's calls and those
 * for anyone; else everyone's. */
static gint64
shown_assignee (DeskCallbacksView *self)
{
  return gtk_toggle_button_get_active (self->mine_button) ? current_user_id (self) : 0;
}

static guint
show_range (DeskCallbacksView       *self,
            GtkListView             *list,
            DeskCallbackListModel   *model,
            const DeskCallbackRange *range,
            GtkLabel                *empty,
            const char              *empty_text)
{
  g_autoptr(GError) error = NULL;
  guint n;

  if (!_desk_callback_rows_set_range (list, range, &error))
    g_warning ("Could not count the callbacks: %s", error->message);
  n = desk_callback_list_model_get_total (model);
  gtk_label_set_text (empty, empty_text);
  gtk_widget_set_visible (GTK_WIDGET (empty), n == 0);
  return n;
}

static void
reload_day (DeskCallbacksView *self)
{
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  DeskCallbackRange range = { 0 };
  GDate day;
  guint n;

  if (self->db == NULL)
    return;

  desk_callback_month_get_selected (self->month, &day);
  range.from = day_start (&day);
  range.to = range.from + DAY_SECONDS;
  range.assignee_id = shown_assignee (self);
  n = show_range (self, self->day_list, self->day_model, &range, self->day_empty, _("No callbacks on this day"));

  date = format_time (range.from, "%Y-%m-%d");
  /* Translators: the day's agenda: a date · how many calls */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u call", "%s · %u calls", n), date, n);
  gtk_label_set_text (self->day_label, title);
}

static void
reload_counts (DeskCallbacksView *self)
{
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = desk_callback_month_dup_title (self->month);
  char first[11], last[11];

  gtk_label_set_text (self->month_label, title);
  if (self->db == NULL)
    return;

  desk_callback_month_get_range (self->month, first, last);
  counts = desk_callback_store_day_counts (self->db, first, last, &error);
  if (counts == NULL)
    g_warning ("Could not count the callbacks: %s", error->message);
  desk_callback_month_set_counts (self->month, counts);
}

static void
desk_callbacks_view_mine_toggled_cb (DeskCallbacksView *self)
{
  if (self->db != NULL)
    desk_callbacks_view_reload (self);
}

void
desk_callbacks_view_reload (DeskCallbacksView *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *today_title = NULL;
  g_autofree char *overdue_title = NULL;
  DeskCallbackRange range = { 0 };
  GDate day;
  guint n;

  g_return_if_fail (DESK_IS_CALLBACKS_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->ready_id, g_source_remove);
  self->stale = FALSE;
  today (&day);
  desk_callback_month_set_today (self->month, &day);
  reload_counts (self);
  if (self->db == NULL)
    return;

  g_clear_pointer (&self->staff, g_ptr_array_unref);
  self->staff = desk_office_store_list_staff (self->db, NULL);

  reload_day (self);

  range.from = day_start (&day);
  range.to = range.from + DAY_SECONDS;
  range.assignee_id = shown_assignee (self);
  n = show_range (self, self->today_list, self->today_model, &range, self->today_empty, _("No callbacks today"));
  /* Translators: the title of the Today list, with how many calls it holds */
  today_title = g_strdup_printf (_("Today · %u"), n);
  gtk_stack_page_set_title (self->today_page, today_title);

  range = (DeskCallbackRange) { .from = 0, .to = now, .open_only = TRUE, .assignee_id = shown_assignee (self) };
  n = show_range (self, self->overdue_list, self->overdue_model, &range, self->overdue_empty, _("Nothing overdue"));
  /* Translators: the title of the Overdue list, with how many calls it holds */
  overdue_title = g_strdup_printf (_("Overdue · %u"), n);
  gtk_stack_page_set_title (self->overdue_page, overdue_title);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  DeskCallbacksView *self = user_data;

  self->reload_id = 0;
  desk_callbacks_view_reload (self);
  return G_SOURCE_REMOVE;
}

static gboolean
ready_cb (gpointer user_data)
{
  DeskCallbacksView *self = user_data;

  self->ready_id = 0;
  if (self->stale)
    desk_callbacks_view_reload (self);
  return G_SOURCE_REMOVE;
}

/* The office changed: reload soon if the area is on screen.  Out of sight,
 * once the window has drawn its first frame, a second later at low
 * priority (a burst of changes is one reload): the queries of a million
 * tickets' agenda take some 60 ms, which switching to the area would
 * otherwise wait for on top of drawing it. */
static void
queue_reload (DeskCallbacksView *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (self->reload_id == 0)
        self->reload_id = g_idle_add (reload_idle_cb, self);
    }
  else if (self->window_drawn && self->ready_id == 0)
    self->ready_id = g_timeout_add_full (G_PRIORITY_LOW, 1000, ready_cb, self, NULL);
}

static void
desk_callbacks_view_map (GtkWidget *widget)
{
  DeskCallbacksView *self = DESK_CALLBACKS_VIEW (widget);

  GTK_WIDGET_CLASS (desk_callbacks_view_parent_class)->map (widget);

  if (self->stale)
    desk_callbacks_view_reload (self);
}

static void
database_changed_cb (DeskDatabase      *db,
                     const char        *table,
                     gint64             id,
                     DeskCallbacksView *self)
{
  if (g_strcmp0 (table, "callbacks") != 0 && g_strcmp0 (table, "tickets") != 0)
    return;
  queue_reload (self);
}

static void
day_selected_cb (DeskCallbacksView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      gtk_stack_set_visible_child_name (self->lists_stack, "day");
      return;
    }
  reload_day (self);
  gtk_stack_set_visible_child_name (self->lists_stack, "day");
}

static void
month_changed_cb (DeskCallbacksView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  reload_counts (self);
}

static void
show_error (DeskCallbacksView *self,
            GError            *error)
{
  _desk_widget_add_toast (GTK_WIDGET (self), "%s", error->message);
}

static void
callback_dropped_cb (DeskCallbacksView *self,
                     gint64             id,
                     const char        *day)
{
  g_autoptr(DeskCallback) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *time = NULL;
  gint64 planned;
  int y, m, d, hh, mm;

  if (self->db == NULL || !(b = desk_callback_store_get (self->db, id, &error)))
    return;

  /* Same time of day, on the day it was dropped on. */
  time = format_time (b->planned_at, "%H %M");
  if (sscanf (day, "%d-%d-%d", &y, &m, &d) != 3 || sscanf (time, "%d %d", &hh, &mm) != 2)
    return;
  {
    g_autoptr(GDateTime) dt = g_date_time_new (office_timezone (), y, m, d, hh, mm, 0);
    planned = g_date_time_to_unix (dt);
  }
  if (!desk_callback_store_reschedule (self->db, id, planned, &error))
    show_error (self, error);
}

static void
move_by_working_day (DeskCallbacksView *self,
                     gint64             id,
                     int                direction)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (self->db);
  g_autoptr(DeskCallback) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) at = NULL;

  if (!(b = desk_callback_store_get (self->db, id, &error)))
    {
      show_error (self, error);
      return;
    }

  utc = g_date_time_new_from_unix_utc (b->planned_at);
  at = g_date_time_to_timezone (utc, office_timezone ());
  for (int i = 0; i < 60; i++)
    {
      GDateTime *next = g_date_time_add_days (at, direction);
      GDate day;

      g_date_time_unref (at);
      at = next;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (at), g_date_time_get_month (at),
                      g_date_time_get_year (at));
      if (desk_work_calendar_is_working_day (calendar, &day))
        break;
    }

  if (!desk_callback_store_reschedule (self->db, id, g_date_time_to_unix (at), &error))
    show_error (self, error);
}

DeskCallPanel *
desk_callbacks_view_open_call (DeskCallbacksView *self,
                               gint64             callback_id)
{
  g_autoptr(GError) error = NULL;
  DeskCallPanel *panel;
  GtkRoot *root;

  g_return_val_if_fail (DESK_IS_CALLBACKS_VIEW (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  panel = desk_call_panel_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db, callback_id,
                               current_user_id (self), &error);
  if (panel == NULL)
    {
      show_error (self, error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (panel));
  return panel;
}

static void
list_activated_cb (DeskCallbacksView *self,
                   guint              position,
                   GtkListView       *list)
{
  const DeskCallback *b = _desk_callback_rows_get (list, position);

  if (b != NULL)
    desk_callbacks_view_open_call (self, b->id);
}

static GtkListView *
visible_list (DeskCallbacksView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->lists_stack);

  if (g_strcmp0 (name, "today") == 0)
    return self->today_list;
  if (g_strcmp0 (name, "overdue") == 0)
    return self->overdue_list;
  return self->day_list;
}

/* Only the shown tab's list has its calls (see _desk_callback_rows_attach). */
static void
attach_visible_list (DeskCallbacksView *self)
{
  GtkListView *shown = visible_list (self);

  if (self->day_model == NULL)
    return;
  _desk_callback_rows_attach (self->day_list, shown == self->day_list);
  _desk_callback_rows_attach (self->today_list, shown == self->today_list);
  _desk_callback_rows_attach (self->overdue_list, shown == self->overdue_list);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DeskCallbacksView     *self)
{
  gint64 id;

  if (!(state & GDK_CONTROL_MASK) || (keyval != GDK_KEY_Page_Down && keyval != GDK_KEY_Page_Up))
    return FALSE;

  id = _desk_callback_rows_get_selected_id (visible_list (self));
  if (id <= 0)
    return FALSE;
  move_by_working_day (self, id, keyval == GDK_KEY_Page_Down ? 1 : -1);
  return TRUE;
}

static void
call_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  desk_callbacks_view_open_call (DESK_CALLBACKS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
later_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move_by_working_day (DESK_CALLBACKS_VIEW (widget), g_variant_get_int64 (parameter),
                       g_str_equal (action_name, "callbacks.later") ? 1 : -1);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskCallbacksView *self = DESK_CALLBACKS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!desk_callback_store_cancel (self->db, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
reassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskCallbacksView *self = DESK_CALLBACKS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id, staff_id;

  g_variant_get (parameter, "(xx)", &id, &staff_id);
  if (!desk_callback_store_reassign (self->db, id, staff_id, &error))
    show_error (self, error);
}

static void
month_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskCallbacksView *self = DESK_CALLBACKS_VIEW (widget);

  if (g_str_equal (action_name, "callbacks.today"))
    {
      GDate day;

      today (&day);
      desk_callback_month_select_day (self->month, &day);
    }
  else
    desk_callback_month_move (self->month, 0, g_str_equal (action_name, "callbacks.next-month") ? 1 : -1);
}

static void
export_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    DeskCallbacksView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char first[11], last[11];
  GDate a, b;
  guint n = 0;

  if (response != GTK_RESPONSE_ACCEPT)
    goto done;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  desk_callback_month_get_range (self->month, first, last);
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, first);
  g_date_set_parse (&b, last);
  if (path == NULL ||
      !desk_callback_ical_export (self->db, day_start (&a), day_start (&b) + DAY_SECONDS, NULL, path, &n, &error))
    {
      if (error != NULL)
        show_error (self, error);
      goto done;
    }
  _desk_widget_add_toast (GTK_WIDGET (self),
                          g_dngettext (GETTEXT_PACKAGE, "Saved %u callback to %s", "Saved %u callbacks to %s", n),
                          n, path);

done:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskCallbacksView *self = DESK_CALLBACKS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Callbacks"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  _desk_file_chooser_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "callbacks.ics");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskCallbacksView *self = DESK_CALLBACKS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->db == NULL)
    return;
  gtk_window_present (GTK_WINDOW (desk_plan_call_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->db, current_user_id (self))));
}

/* Planning in a thread, on its own connection: on a big office the
 * first run of the day plans tens of thousands of calls. */
static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = desk_database_open (task_data, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL ||
      !desk_callback_store_plan (db, g_get_real_time () / G_USEC_PER_SEC, 0, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
plan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  DESK_CALLBACKS_VIEW (source)->planning_running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not plan the callbacks: %s", error->message);
      return;
    }
  queue_reload (DESK_CALLBACKS_VIEW (source));
}

gboolean
desk_callbacks_view_plan_now (DeskCallbacksView  *self,
                              GError            **error)
{
  g_return_val_if_fail (DESK_IS_CALLBACKS_VIEW (self), FALSE);

  if (!desk_callback_store_plan (self->db, g_get_real_time () / G_USEC_PER_SEC, 0, NULL, error))
    return FALSE;
  desk_callbacks_view_reload (self);
  return TRUE;
}

static void
start_planning (DeskCallbacksView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->db == NULL)
    return;

  g_cancellable_cancel (self->planning);
  g_clear_object (&self->planning);
  self->planning = g_cancellable_new ();
  task = g_task_new (self, self->planning, plan_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (desk_database_get_path (self->db)), g_free);
  self->planning_running = TRUE;
  g_task_run_in_thread (task, plan_thread);
}

static gboolean
plan_after_first_frame_cb (gpointer user_data)
{
  DeskCallbacksView *self = user_data;

  self->window_drawn = TRUE;
  start_planning (self);
  if (self->stale)
    queue_reload (self);
  return G_SOURCE_REMOVE;
}

void
desk_callbacks_view_set_office (DeskCallbacksView *self,
                                DeskDatabase      *db,
                                GSettings         *settings)
{
  g_return_if_fail (DESK_IS_CALLBACKS_VIEW (self));
  g_return_if_fail (DESK_IS_DATABASE (db));

  g_set_object (&self->settings, settings);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_set_object (&self->db, db);

  g_clear_object (&self->day_model);
  g_clear_object (&self->today_model);
  g_clear_object (&self->overdue_model);
  self->day_model = desk_callback_list_model_new (db);
  self->today_model = desk_callback_list_model_new (db);
  self->overdue_model = desk_callback_list_model_new (db);
  _desk_callback_rows_set_up (self->day_list, self->day_model, FALSE, &self->staff);
  _desk_callback_rows_set_up (self->today_list, self->today_model, FALSE, &self->staff);
  _desk_callback_rows_set_up (self->overdue_list, self->overdue_model, TRUE, &self->staff);
  attach_visible_list (self);

  /* Closing a ticket anywhere stops its follow-ups at once. */
  desk_callback_store_watch (db);
  g_signal_connect (db, "changed", G_CALLBACK (database_changed_cb), self);
  queue_reload (self);
  /* Planning reads every open complaint and writes the days ahead: on a
   * large office a core's work for a while (it made the window's first
   * frame 0.4 s later on a million tickets), so a window being opened
   * gets its first frame drawn first. */
  _desk_widget_after_first_frame (GTK_WIDGET (self), plan_after_first_frame_cb);
}

DeskCallbackMonth *
desk_callbacks_view_get_month (DeskCallbacksView *self)
{
  g_return_val_if_fail (DESK_IS_CALLBACKS_VIEW (self), NULL);

  return self->month;
}

GArray *
desk_callbacks_view_get_day_ids (DeskCallbacksView *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  g_return_val_if_fail (DESK_IS_CALLBACKS_VIEW (self), ids);

  if (self->day_model != NULL)
    desk_callback_list_model_show_all (self->day_model);
  n = self->day_model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->day_model)) : 0;
  for (guint i = 0; i < n; i++)
    {
      const DeskCallback *b = _desk_callback_rows_get (self->day_list, i);

      if (b != NULL)
        g_array_append_val (ids, b->id);
    }
  return ids;
}

gboolean
desk_callbacks_view_select_call (DeskCallbacksView *self,
                                 gint64             callback_id)
{
  GtkListView *list;
  guint n;

  g_return_val_if_fail (DESK_IS_CALLBACKS_VIEW (self), FALSE);

  list = visible_list (self);
  desk_callback_list_model_show_all (g_object_get_data (G_OBJECT (list), "desk-calls"));
  n = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
  for (guint i = 0; i < n; i++)
    {
      const DeskCallback *b = _desk_callback_rows_get (list, i);

      if (b != NULL && b->id == callback_id)
        {
          gtk_selection_model_select_item (gtk_list_view_get_model (list), i, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
desk_callbacks_view_is_planning (DeskCallbacksView *self)
{
  g_return_val_if_fail (DESK_IS_CALLBACKS_VIEW (self), FALSE);
  return self->planning_running;
}

DeskCallbackListModel *
desk_callbacks_view_get_model (DeskCallbacksView *self,
                               const char        *list)
{
  g_return_val_if_fail (DESK_IS_CALLBACKS_VIEW (self), NULL);

  if (g_strcmp0 (list, "today") == 0)
    return self->today_model;
  if (g_strcmp0 (list, "overdue") == 0)
    return self->overdue_model;
  return self->day_model;
}

static void
desk_callbacks_view_dispose (GObject *object)
{
  DeskCallbacksView *self = (DeskCallbacksView *)object;

  g_cancellable_cancel (self->planning);
  g_clear_object (&self->planning);
  g_clear_handle_id (&self->ready_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CALLBACKS_VIEW);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->day_model);
  g_clear_object (&self->today_model);
  g_clear_object (&self->overdue_model);

  G_OBJECT_CLASS (desk_callbacks_view_parent_class)->dispose (object);
}

static void
desk_callbacks_view_class_init (DeskCallbacksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_callbacks_view_dispose;
  widget_class->map = desk_callbacks_view_map;

  g_type_ensure (DESK_TYPE_CALLBACK_MONTH);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-callbacks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, month_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, month);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, lists_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, day_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, day_list);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, today_list);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, day_empty);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, today_empty);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, overdue_empty);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, today_page);
  gtk_widget_class_bind_template_child (widget_class, DeskCallbacksView, overdue_page);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_callbacks_view_mine_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, callback_dropped_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);

  gtk_widget_class_install_action (widget_class, "callbacks.call", "x", call_action);
  gtk_widget_class_install_action (widget_class, "callbacks.later", "x", later_action);
  gtk_widget_class_install_action (widget_class, "callbacks.earlier", "x", later_action);
  gtk_widget_class_install_action (widget_class, "callbacks.cancel", "x", cancel_action);
  gtk_widget_class_install_action (widget_class, "callbacks.reassign", "(xx)", reassign_action);
  gtk_widget_class_install_action (widget_class, "callbacks.previous-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "callbacks.next-month", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "callbacks.today", NULL, month_action);
  gtk_widget_class_install_action (widget_class, "callbacks.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "callbacks.plan", NULL, plan_action);
}

static void
desk_callbacks_view_init (DeskCallbacksView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (self->lists_stack, "notify::visible-child",
                            G_CALLBACK (attach_visible_list), self);
  reload_counts (self);
}
