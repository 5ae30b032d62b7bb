/* desk-tickets-view-sidebar.c
 *
 * The Tickets view's sidebar: the queues (the fixed ones, a row per
 * department, Closed) with their counts, counted in a thread on a
 * connection of its own.  Its own file because it is a list of its own
 * with its own work (the counting) and its own reasons to be rebuilt
 * (departments, staff, the current user); the table is in
 * desk-tickets-view.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-office-store.h"
#include "desk-ticket-query.h"

#include "desk-tickets-view-private.h"

/* Queues */

typedef struct
{
  DeskQueue  queue;
  gint64     arg;
  GtkLabel  *count_label;
} QueueRow;

static QueueRow *
queue_row_of (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "desk-queue") : NULL;
}

static GtkListBoxRow *
add_queue_row (DeskTicketsView *self,
               DeskQueue        queue,
               gint64           arg,
               const char      *icon_name,
               const char      *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);
  QueueRow *data = g_new0 (QueueRow, 1);

  data->queue = queue;
  data->arg = arg;
  data->count_label = GTK_LABEL (count);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "desk-queue-count");
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, title);

  g_object_set_data_full (G_OBJECT (row), "desk-queue", data, g_free);
  gtk_list_box_append (self->queue_list, row);

  return GTK_LIST_BOX_ROW (row);
}

static void
queue_header_cb (GtkListBoxRow *row,
                 GtkListBoxRow *before,
                 gpointer       user_data)
{
  QueueRow *data = queue_row_of (row);
  QueueRow *previous = queue_row_of (before);
  GtkWidget *header = NULL;

  if (data == NULL || previous == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (data->queue == DESK_QUEUE_DEPARTMENT && previous->queue != DESK_QUEUE_DEPARTMENT)
    {
      header = gtk_label_new (_("Departments"));
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_add_css_class (header, "desk-queue-heading");
    }
  else if (data->queue == DESK_QUEUE_CLOSED)
    header = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

  gtk_list_box_row_set_header (row, header);
}

/* Counting runs in a thread on a connection of its own: a dozen counts
 * over 200,000 tickets take a second, which the window must not wait
 * for after every change. */
typedef struct
{
  DeskQueue queue;
  gint64    arg;
} QueueSpec;

typedef struct
{
  char   *path;
  GArray *specs;
  guint   generation;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->path);
  g_array_unref (job->specs);
  g_free (job);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GArray) counts = NULL;
  GError *error = NULL;

  db = desk_database_open (job->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  counts = g_array_sized_new (FALSE, TRUE, sizeof (gint64), job->specs->len);
  for (guint i = 0; i < job->specs->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      QueueSpec *spec = &g_array_index (job->specs, QueueSpec, i);
      DeskTicketQuery query = { .queue = spec->queue, .queue_arg = spec->arg };
      gint64 n = -1;

      /* Nobody chosen: "mine" has no owner to count. */
      if (spec->queue != DESK_QUEUE_MINE || spec->arg != 0)
        {
          n = desk_ticket_query_count (db, &query, &error);
          if (n < 0)
            {
              g_task_return_error (task, error);
              return;
            }
        }
      g_array_append_val (counts, n);
    }

  g_task_return_pointer (task, g_steal_pointer (&counts), (GDestroyNotify)g_array_unref);
}

static void
counts_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DeskTicketsView *self = DESK_TICKETS_VIEW (object);
  CountJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;

  counts = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->database == NULL)
    return;

  self->counting = FALSE;
  /* The counts are a convenience: the office may have gone away under
   * them (a replaced or removed file); the list itself says so. */
  if (counts == NULL)
    g_message ("Could not count the queues: %s", error->message);
  else if (job->generation == self->queues_generation)
    {
      for (guint i = 0; i < counts->len; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->queue_list, i);
          QueueRow *data = queue_row_of (row);
          gint64 n = g_array_index (counts, gint64, i);
          g_autofree char *text = n < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, n);

          if (data != NULL)
            gtk_label_set_label (data->count_label, text);
        }
    }

  /* Changes came in while counting. */
  if (self->counts_dirty)
    _desk_tickets_view_refresh_counts (self);
}

void
_desk_tickets_view_refresh_counts (DeskTicketsView *self)
{
  g_autoptr(GTask) task = NULL;
  CountJob *job;
  GtkListBoxRow *row;

  if (self->database == NULL || !self->counts_started)
    return;

  if (self->counting)
    {
      self->counts_dirty = TRUE;
      return;
    }

  job = g_new0 (CountJob, 1);
  job->path = g_strdup (desk_database_get_path (self->database));
  job->specs = g_array_new (FALSE, FALSE, sizeof (QueueSpec));
  job->generation = self->queues_generation;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->queue_list, i)) != NULL; i++)
    {
      QueueRow *data = queue_row_of (row);
      QueueSpec spec = { data->queue, data->arg };

      g_array_append_val (job->specs, spec);
    }

  self->counting = TRUE;
  self->counts_dirty = FALSE;
  task = g_task_new (self, self->cancellable, counts_done_cb, NULL);
  g_task_set_source_tag (task, _desk_tickets_view_refresh_counts);
  g_task_set_task_data (task, job, (GDestroyNotify)count_job_free);
  g_task_run_in_thread (task, count_thread);
}

static gboolean
refresh_counts_idle_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;

  self->counts_idle_id = 0;
  _desk_tickets_view_refresh_counts (self);

  return G_SOURCE_REMOVE;
}

/* Due soon and overdue move with the clock. */
gboolean
_desk_tickets_view_refresh_counts_timeout_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;

  _desk_tickets_view_refresh_counts (self);

  return G_SOURCE_CONTINUE;
}

/* Building the list */

static void
find_current_user (DeskTicketsView *self)
{
  g_autofree char *code = NULL;
  g_autoptr(DeskStaff) staff = NULL;
  g_autoptr(GError) error = NULL;

  self->current_user_id = 0;
  if (self->settings == NULL || self->database == NULL)
    return;

  code = g_settings_get_string (self->settings, "current-user");
  if (code[0] == '\0')
    return;

  staff = desk_office_store_find_staff (self->database, code, &error);
  if (staff != NULL)
    self->current_user_id = desk_staff_get_id (staff);
  else if (error != NULL)
    g_message ("Could not look up the current user %s: %s", code, error->message);
}

GtkListBoxRow *
_desk_tickets_view_find_queue_row (DeskTicketsView *self,
                                   DeskQueue        queue,
                                   gint64           arg)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->queue_list, i)) != NULL; i++)
    {
      QueueRow *data = queue_row_of (row);

      if (data != NULL && data->queue == queue &&
          (queue != DESK_QUEUE_DEPARTMENT || data->arg == arg))
        return row;
    }

  return NULL;
}

/* (Re)builds the sidebar: the departments and the current user may have
 * changed.  Keeps the queue shown. */
void
_desk_tickets_view_build_queues (DeskTicketsView *self)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *mine;
  GtkListBoxRow *row;

  self->queues_generation++;

  /* Row by row: the headers are children of the list too. */
  while ((row = gtk_list_box_get_row_at_index (self->queue_list, 0)) != NULL)
    gtk_list_box_remove (self->queue_list, GTK_WIDGET (row));

  find_current_user (self);

  add_queue_row (self, DESK_QUEUE_OPEN, 0, "mail-unread-symbolic",
                 /* Translators: a queue: every ticket not closed yet */
                 _("All Open"));
  mine = add_queue_row (self, DESK_QUEUE_MINE, self->current_user_id, "avatar-default-symbolic",
                        _("My Tickets"));
  if (self->current_user_id == 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (mine), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (mine),
                                   _("Choose who you are in Preferences to see your tickets"));
    }
  add_queue_row (self, DESK_QUEUE_UNASSIGNED, 0, "dialog-question-symbolic", _("Unassigned"));
  add_queue_row (self, DESK_QUEUE_DUE_SOON, 0, "alarm-symbolic", _("Due Soon"));
  add_queue_row (self, DESK_QUEUE_OVERDUE, 0, "dialog-warning-symbolic", _("Overdue"));
  /* Translators: a queue: major complaints (重大投诉) */
  add_queue_row (self, DESK_QUEUE_MAJOR, 0, "emblem-important-symbolic", _("Major"));
  add_queue_row (self, DESK_QUEUE_WAITING_CALLBACK, 0, "call-start-symbolic",
                 _("Waiting for Callback"));

  departments = desk_office_store_list_departments (self->database, &error);
  if (departments == NULL)
    g_warning ("Could not list the departments: %s", error->message);
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      DeskDepartment *department = g_ptr_array_index (departments, i);

      add_queue_row (self, DESK_QUEUE_DEPARTMENT, desk_department_get_id (department),
                     "system-users-symbolic", desk_department_get_name (department));
    }

  add_queue_row (self, DESK_QUEUE_CLOSED, 0, "emblem-ok-symbolic",
                 /* Translators: a queue: closed tickets */
                 _("Closed"));

  /* Before the first frame the counts wait: see after_first_frame_cb()
   * in desk-tickets-view.c. */
  _desk_tickets_view_refresh_counts (self);

  row = _desk_tickets_view_find_queue_row (self, self->query.queue, self->query.queue_arg);
  if (row == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (row)))
    row = _desk_tickets_view_find_queue_row (self, DESK_QUEUE_OPEN, 0);
  gtk_list_box_select_row (self->queue_list, row);
}

/* Choosing a queue */

void
_desk_tickets_view_queue_selected_cb (DeskTicketsView *self,
                                      GtkListBoxRow   *row,
                                      GtkListBox      *list)
{
  QueueRow *data = queue_row_of (row);

  if (data == NULL || self->model == NULL)
    return;
  if (data->queue == self->query.queue && data->arg == self->query.queue_arg)
    return;

  self->query.queue = data->queue;
  self->query.queue_arg = data->arg;
  _desk_tickets_view_apply_query (self);
}

void
_desk_tickets_view_database_changed_cb (DeskTicketsView *self,
                                        const char      *table,
                                        gint64           id,
                                        DeskDatabase    *database)
{
  if (g_strcmp0 (table, "departments") == 0 || g_strcmp0 (table, "staff") == 0)
    {
      _desk_tickets_view_build_queues (self);
      return;
    }

  /* Many changes in a row count once. */
  if (self->counts_idle_id == 0)
    self->counts_idle_id = g_idle_add (refresh_counts_idle_cb, self);
}

void
_desk_tickets_view_sidebar_init (DeskTicketsView *self)
{
  gtk_list_box_set_header_func (self->queue_list, queue_header_cb, NULL, NULL);
}
