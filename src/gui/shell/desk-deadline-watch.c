/* desk-deadline-watch.c
 *
 * The deadline watch the application keeps while the office is open: every
 * minute it catches up on the deadlines (desk-alert-store.c) in a thread on
 * a connection of its own, tells the window's connection which tickets were
 * escalated and sends desktop notifications, one per ticket or one that
 * counts them all.  What a click on one does is in desk-application.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-deadline-watch"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-alert-store.h"
#include "desk-deadline-watch.h"

#define CHECK_INTERVAL_SECONDS 60
/* More new alerts than this at once (after a long weekend): one
 * notification that counts them, not a flood. */
#define MAX_SINGLE_NOTIFICATIONS 5
/* Each changed ticket costs the open lists a query or two. */
#define MAX_SINGLE_CHANGES 20

struct _DeskDeadlineWatch
{
  GApplication *app;      /* unowned: the app owns the watch */
  DeskDatabase *db;       /* the window's connection */
  /* A connection of the check's own, used by one worker thread at a time,
   * so that catching up on a large office never stalls the window. */
  DeskDatabase *worker_db;
  GCancellable *cancellable;
  gboolean      running;
  guint         start_id;
  guint         timer_id;
};

static GNotification *
notification_for (const DeskDeadlineAlert *alert)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;

  if (alert->kind == DESK_ALERT_BREACH)
    {
      /* Translators: %s is a ticket number */
      title = g_strdup_printf (_("%s: deadline missed"), alert->number);
      if (alert->escalated)
        /* Translators: a rule's name, then a role */
        body = g_strdup_printf (_("%s — escalated to the %s"), alert->rule_label,
                                desk_role_get_label (alert->escalated_to));
      else
        body = g_strdup (alert->rule_label);
    }
  else
    {
      title = g_strdup_printf (_("%s: deadline soon"), alert->number);
      body = g_strdup (alert->rule_label);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  /* A click shows the ticket (desk-application.c). */
  g_notification_set_default_action_and_target (notification, "app.show-ticket", "x", alert->ticket_id);
  g_notification_set_priority (notification, alert->kind == DESK_ALERT_BREACH && alert->escalated
                                             ? G_NOTIFICATION_PRIORITY_HIGH
                                             : G_NOTIFICATION_PRIORITY_NORMAL);
  return notification;
}

GPtrArray *
desk_deadline_watch_build (GPtrArray  *alerts,
                           GPtrArray **ids)
{
  GPtrArray *notifications = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_breaches = 0;

  *ids = g_ptr_array_new_with_free_func (g_free);

  if (alerts->len <= MAX_SINGLE_NOTIFICATIONS)
    {
      for (guint i = 0; i < alerts->len; i++)
        {
          const DeskDeadlineAlert *alert = alerts->pdata[i];

          g_ptr_array_add (notifications, notification_for (alert));
          /* One per ticket and kind: a later one replaces an earlier. */
          g_ptr_array_add (*ids, g_strdup_printf ("deadline-%s-%s", alert->number,
                                                  alert->kind == DESK_ALERT_BREACH ? "missed" : "soon"));
        }
      return notifications;
    }

  for (guint i = 0; i < alerts->len; i++)
    if (((DeskDeadlineAlert *)alerts->pdata[i])->kind == DESK_ALERT_BREACH)
      n_breaches++;

  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline missed",
                                                           "%u deadlines missed", n_breaches),
                                              n_breaches);
    g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u due soon",
                                                          "and %u due soon", alerts->len - n_breaches),
                                             alerts->len - n_breaches);
    GNotification *notification = g_notification_new (title);

    g_notification_set_body (notification, body);
    g_notification_set_default_action (notification, "app.show-overdue");
    g_ptr_array_add (notifications, notification);
    g_ptr_array_add (*ids, g_strdup ("deadlines"));
  }

  return notifications;
}

static void send (DeskDeadlineWatch *watch,
                  GPtrArray         *alerts);

guint
desk_deadline_watch_check (DeskDeadlineWatch *watch,
                           gint64             now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  alerts = desk_alert_store_catch_up (watch->db, now, &error);
  if (alerts == NULL)
    {
      /* Another writer held the office too long, say: the next check
       * catches up, since the last check time did not move. */
      g_message ("Could not check the deadlines: %s", error->message);
      return 0;
    }

  notifications = desk_deadline_watch_build (alerts, &ids);
  send (watch, alerts);
  return notifications->len;
}

static void
send (DeskDeadlineWatch *watch,
      GPtrArray         *alerts)
{
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  notifications = desk_deadline_watch_build (alerts, &ids);
  /* Desktop notifications travel over the session bus; without one (a
   * bare X server, a test) GLib's backend has nowhere to send them and
   * only complains. */
  if (g_application_get_is_registered (watch->app) &&
      g_application_get_dbus_connection (watch->app) != NULL)
    for (guint i = 0; i < notifications->len; i++)
      g_application_send_notification (watch->app, ids->pdata[i], notifications->pdata[i]);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DeskDatabase *db = task_data;
  GError *error = NULL;
  GPtrArray *alerts = desk_alert_store_catch_up (db, g_get_real_time () / G_USEC_PER_SEC, &error);

  if (alerts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, alerts, (GDestroyNotify)g_ptr_array_unref);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DeskDeadlineWatch *watch = user_data;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  guint n_escalated = 0;

  alerts = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* the watch is gone */

  watch->running = FALSE;
  if (alerts == NULL)
    {
      g_message ("Could not check the deadlines: %s", error->message);
      return;
    }

  /* Escalated tickets changed under the window's connection: tell it, as
   * its own stores would have, ticket by ticket; after a long closure, once
   * for all (id 0: the lists read their rows again when next shown). */
  for (guint i = 0; i < alerts->len; i++)
    if (((DeskDeadlineAlert *)alerts->pdata[i])->escalated)
      n_escalated++;
  for (guint i = 0; n_escalated <= MAX_SINGLE_CHANGES && i < alerts->len; i++)
    {
      const DeskDeadlineAlert *alert = alerts->pdata[i];

      if (alert->escalated)
        g_signal_emit_by_name (watch->db, "changed", "tickets", alert->ticket_id);
    }
  if (n_escalated > MAX_SINGLE_CHANGES)
    g_signal_emit_by_name (watch->db, "changed", "tickets", (gint64)0);
  send (watch, alerts);
}

static gboolean
check_cb (gpointer user_data)
{
  DeskDeadlineWatch *watch = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (watch->running)
    return G_SOURCE_CONTINUE;

  if (watch->worker_db == NULL)
    {
      watch->worker_db = desk_database_open (desk_database_get_path (watch->db), DESK_DATABASE_OPEN_DEFAULT, &error);
      if (watch->worker_db == NULL)
        {
          g_message ("Could not open the office to check deadlines: %s", error->message);
          return G_SOURCE_CONTINUE;
        }
    }

  watch->running = TRUE;
  task = g_task_new (NULL, watch->cancellable, checked_cb, watch);
  g_task_set_task_data (task, g_object_ref (watch->worker_db), g_object_unref);
  g_task_run_in_thread (task, check_in_thread);
  return G_SOURCE_CONTINUE;
}

gboolean
desk_deadline_watch_start_check (DeskDeadlineWatch *watch)
{
  gboolean was_running = watch->running;

  check_cb (watch);
  return !was_running && watch->running;
}

gboolean
desk_deadline_watch_is_checking (DeskDeadlineWatch *watch)
{
  return watch->running;
}

static gboolean
start_cb (gpointer user_data)
{
  DeskDeadlineWatch *watch = user_data;

  watch->start_id = 0;
  check_cb (watch);
  watch->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_cb, watch);
  return G_SOURCE_REMOVE;
}

DeskDeadlineWatch *
desk_deadline_watch_new (GApplication *app,
                         DeskDatabase *db)
{
  DeskDeadlineWatch *watch = g_new0 (DeskDeadlineWatch, 1);

  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  watch->app = app;
  watch->db = g_object_ref (db);
  watch->cancellable = g_cancellable_new ();
  /* After the window is up: catching up may take a moment. */
  watch->start_id = g_timeout_add_seconds (2, start_cb, watch);
  return watch;
}

void
desk_deadline_watch_free (DeskDeadlineWatch *watch)
{
  if (watch == NULL)
    return;

  g_clear_handle_id (&watch->start_id, g_source_remove);
  g_clear_handle_id (&watch->timer_id, g_source_remove);
  /* A check still running finishes in its thread (holding its own
   * reference to its connection); its result is dropped. */
  g_cancellable_cancel (watch->cancellable);
  g_clear_object (&watch->cancellable);
  g_clear_object (&watch->worker_db);
  g_clear_object (&watch->db);
  g_free (watch);
}
