/* desk-tickets-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-enums.h"
#include "desk-office-store.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

#include "desk-gui-private.h"
#include "desk-minute-clock.h"
#include "desk-new-ticket-dialog.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-format.h"
#include "desk-ticket-rows.h"
#include "desk-tickets-view.h"

#define SEARCH_DELAY_MS 150
/* The table's rows are at least this tall (style.css). */
#define MIN_ROW_HEIGHT 30
/* The table's rows until its first frame when the window's height is not
 * known: as many as a tall screen shows. */
#define FIRST_FRAME_ROWS 60

/* The sorter of one column: which DeskTicketSort it stands for. */
typedef struct
{
  DeskTicketsView *view;
  DeskTicketSort   sort;
} SortSlot;

struct _DeskTicketsView
{
  AdwBin               parent_instance;

  DeskDatabase        *database;
  GSettings           *settings;
  gint64               current_user_id;  /* 0: nobody chosen */

  DeskTicketQuery      query;
  char                *search;           /* owned copy of query.search */
  DeskTicketListModel *model;
  GtkSingleSelection  *selection;
  gint64               selected_id;      /* the ticket the user chose */

  SortSlot             slots[DESK_N_SORTS];
  int                  probed_sort;      /* set by the column sorters */
  DeskTicket          *probe_a;
  DeskTicket          *probe_b;

  guint                counts_idle_id;
  guint                counts_timeout_id;
  guint                search_timeout_id;
  guint                reselect_idle_id;
  gulong               changed_id;
  gulong               sorter_changed_id;
  GCancellable        *cancellable;
  gboolean             counting;
  gboolean             counts_started; /* after the first frame */
  DeskTicketRows      *rows;           /* the table's, over the model */
  gboolean             awaiting_first_frame;
  gulong               lift_limit_handler; /* see limit_growth() */
  gboolean             counts_dirty;
  guint                queues_generation;  /* the sidebar's rows, rebuilt */
  guint                scroll_tick_id;
  guint                scroll_target;
  guint                scroll_frames;

  /* Template widgets */
  GtkListBox          *queue_list;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkScrolledWindow   *table_scroller;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  DeskTicketDetail    *detail;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *severity_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *department_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *deadline_column;
  GtkColumnViewColumn *age_column;
  GtkColumnViewColumn *repeat_column;
};

G_DEFINE_FINAL_TYPE (DeskTicketsView, desk_tickets_view, ADW_TYPE_BIN)

/* Cell texts: closures of the column factories in the template */

static const DeskTicketData *
data_of (gpointer item)
{
  return DESK_IS_TICKET (item) ? desk_ticket_get_data (item) : NULL;
}

static char *
desk_tickets_view_number_cb (gpointer    unused,
                             DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? d->number : "");
}

static char *
desk_tickets_view_status_cb (gpointer    unused,
                             DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? desk_ticket_status_get_label (d->status) : "");
}

static GStrv
classes_of (const char *base,
            const char *variant)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, base);
  if (variant != NULL)
    g_strv_builder_add (builder, variant);

  return g_strv_builder_end (builder);
}

static GStrv
desk_tickets_view_status_classes_cb (gpointer    unused,
                                     DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);
  g_autofree char *variant = NULL;

  if (d != NULL)
    variant = g_strconcat ("desk-status-",
                           desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, d->status), NULL);

  return classes_of ("desk-status", variant);
}

static char *
desk_tickets_view_severity_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? desk_severity_get_label (d->severity) : "");
}

static GStrv
desk_tickets_view_severity_classes_cb (gpointer    unused,
                                       DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);
  g_autofree char *variant = NULL;

  if (d != NULL)
    variant = g_strconcat ("desk-severity-",
                           desk_enum_to_nick (DESK_TYPE_SEVERITY, d->severity), NULL);

  return classes_of ("desk-severity", variant);
}

static char *
desk_tickets_view_kind_cb (gpointer    unused,
                           DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? desk_ticket_kind_get_label (d->kind) : "");
}

static char *
desk_tickets_view_customer_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->customer_name ? d->customer_name : "");
}

static char *
desk_tickets_view_category_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->category_name ? d->category_name : "");
}

static char *
desk_tickets_view_department_cb (gpointer    unused,
                                 DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->department_name ? d->department_name : "");
}

static char *
desk_tickets_view_owner_cb (gpointer    unused,
                            DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->owner_name ? d->owner_name : "");
}

static char *
desk_tickets_view_deadline_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  if (d == NULL || d->closed_at > 0)
    return g_strdup ("");

  return _desk_format_deadline (d->next_deadline, g_get_real_time () / G_USEC_PER_SEC);
}

static GStrv
desk_tickets_view_deadline_classes_cb (gpointer    unused,
                                       DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *variant = NULL;

  /* The text says "overdue" too: the colour only repeats it. */
  if (d != NULL && d->closed_at == 0 && d->next_deadline > 0)
    {
      if (d->next_deadline < now)
        variant = "desk-overdue";
      else if (d->next_deadline - now < 4 * 3600)
        variant = "desk-due-soon";
    }

  return classes_of ("numeric", variant);
}

static char *
desk_tickets_view_age_cb (gpointer    unused,
                          DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  if (d == NULL)
    return g_strdup ("");

  return _desk_format_age (d->received_at, g_get_real_time () / G_USEC_PER_SEC);
}

static char *
desk_tickets_view_repeat_cb (gpointer    unused,
                             DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return d ? _desk_format_repeat (d->repeat_count) : g_strdup ("");
}

static GStrv
desk_tickets_view_repeat_classes_cb (gpointer    unused,
                                     DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return classes_of ("desk-repeat", d && d->repeat_count > 1 ? "desk-repeated" : NULL);
}

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

static void refresh_counts (DeskTicketsView *self);

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
    refresh_counts (self);
}

static void
refresh_counts (DeskTicketsView *self)
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
  g_task_set_source_tag (task, refresh_counts);
  g_task_set_task_data (task, job, (GDestroyNotify)count_job_free);
  g_task_run_in_thread (task, count_thread);
}

static gboolean
refresh_counts_idle_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;

  self->counts_idle_id = 0;
  refresh_counts (self);

  return G_SOURCE_REMOVE;
}

/* Due soon and overdue move with the clock. */
static gboolean
refresh_counts_timeout_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;

  refresh_counts (self);

  return G_SOURCE_CONTINUE;
}

/* After the window's first frame: the table gets all its rows (see
 * desk_ticket_rows_set_limit()), and the sidebar's counts start (on a
 * large office they take a second of a core).  The queue the user came
 * for comes first. */
static gboolean
after_first_frame_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;

  self->counts_started = TRUE;
  if (self->rows != NULL)
    desk_ticket_rows_set_limit (self->rows, 0);
  refresh_counts (self);

  return G_SOURCE_REMOVE;
}

/* As many rows as the window can show: its height, or the tallest
 * monitor's for a maximized window, over the least row height.  Each row
 * the table holds before a frame is a row of cells made and measured
 * before that frame: see after_first_frame_cb() and limit_growth(). */
static guint
window_rows (DeskTicketsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *monitors;
  int width = 0, height = 0;

  if (!GTK_IS_WINDOW (root))
    return FIRST_FRAME_ROWS;

  if (!gtk_window_is_maximized (GTK_WINDOW (root)) && !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height > 0)
    return height / MIN_ROW_HEIGHT + 1;

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height > 0 ? (guint)(height / MIN_ROW_HEIGHT + 1) : FIRST_FRAME_ROWS;
}

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

static GtkListBoxRow *
find_queue_row (DeskTicketsView *self,
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
static void
build_queues (DeskTicketsView *self)
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

  /* Before the first frame the counts wait: see after_first_frame_cb(). */
  refresh_counts (self);

  row = find_queue_row (self, self->query.queue, self->query.queue_arg);
  if (row == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (row)))
    row = find_queue_row (self, DESK_QUEUE_OPEN, 0);
  gtk_list_box_select_row (self->queue_list, row);
}

/* The table */

static void
update_empty_state (DeskTicketsView *self)
{
  gboolean empty = self->model == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  if (!empty)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (self->query.search != NULL && self->query.search[0] != '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("No ticket in this queue matches the search. Try fewer characters, part of a phone number, or another queue."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Tickets"));
      adw_status_page_set_description (self->empty_page,
                                       _("This queue is empty."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* Moves the table so that row @position is in view: GTK 4.8 has no
 * scroll_to, but rows are of fixed height.  Done a frame later, once the
 * table has laid out its new rows; before that the list refuses to
 * scroll. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  DeskTicketsView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->table_scroller);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double row_height;
  double y;

  if (self->scroll_frames++ < 1)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;

  if (n == 0 || upper <= page)
    return G_SOURCE_REMOVE;

  /* The header row takes part of upper; close enough for a row. */
  row_height = upper / (n + 1);
  y = row_height * self->scroll_target;
  if (y < gtk_adjustment_get_value (adjustment) ||
      y + 2 * row_height > gtk_adjustment_get_value (adjustment) + page)
    gtk_adjustment_set_value (adjustment, MAX (0, y - page / 3));

  return G_SOURCE_REMOVE;
}

static void
scroll_to_position (DeskTicketsView *self,
                    guint            position)
{
  self->scroll_target = position;
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                         scroll_tick_cb, self, NULL);
}

/* Selects @id in the table if the query holds it; TRUE when it does. */
static gboolean
select_in_table (DeskTicketsView *self,
                 gint64           id)
{
  g_autoptr(GError) error = NULL;
  gint64 position;

  position = desk_ticket_query_position (self->database, &self->query, id, &error);
  if (position < 0)
    {
      if (error != NULL)
        g_warning ("Could not find the ticket in the queue: %s", error->message);
      return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, (guint)position);
  scroll_to_position (self, (guint)position);

  return TRUE;
}

static gboolean
reselect_idle_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;

  self->reselect_idle_id = 0;

  if (self->selected_id != 0 &&
      gtk_single_selection_get_selected_item (self->selection) == NULL)
    select_in_table (self, self->selected_id);

  return G_SOURCE_REMOVE;
}

static void
selected_item_changed_cb (DeskTicketsView    *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  DeskTicketRow *row = gtk_single_selection_get_selected_item (selection);
  DeskTicket *ticket = row ? desk_ticket_row_get_ticket (row) : NULL;

  if (ticket != NULL)
    {
      self->selected_id = desk_ticket_get_id (ticket);
      desk_ticket_detail_set_ticket (self->detail, ticket);
      return;
    }

  /* A changed ticket is a new object, which the selection lets go of:
   * choose it again once the model has settled.  Meanwhile the pane
   * keeps showing it. */
  if (self->selected_id != 0 && self->reselect_idle_id == 0)
    self->reselect_idle_id = g_idle_add (reselect_idle_cb, self);
}

/* Runs before the selection hears of the change.  GtkSingleSelection
 * looks for its item among all the rows added in place of it, fetching
 * every one: on a list of 100,000 tickets that changed wholesale that is
 * every page of the query.  Let go of the selection instead; it is chosen
 * again by id, with one query. */
static void
model_items_changed_cb (DeskTicketsView *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  guint selected;


  if (self->selection != NULL && added > 1)
    {
      selected = gtk_single_selection_get_selected (self->selection);
      if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected < position + removed)
        gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }

  update_empty_state (self);
}

static gboolean
lift_limit_idle_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;

  if (self->rows != NULL)
    desk_ticket_rows_set_limit (self->rows, 0);

  return G_SOURCE_REMOVE;
}

/* After the frame, not inside its painting. */
static void
lift_limit_cb (GdkFrameClock   *clock,
               DeskTicketsView *self)
{
  g_clear_signal_handler (&self->lift_limit_handler, clock);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, lift_limit_idle_cb, g_object_ref (self), g_object_unref);
}

/* GTK 4.8's table keeps widgets for about 200 rows of a long list and
 * destroys those of rows a list loses: a list shorter than a screen (a
 * search for a phone number) growing long again builds up to 200 rows'
 * widgets, some 100 ms here.  As for the window's first frame, the table
 * takes a window's height of rows for the next frame and the rest after
 * it.  Not for a table out of sight, nor with a ticket kept selected
 * (it may be anywhere in the new list). */
static void
limit_growth (DeskTicketsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  guint rows = window_rows (self);

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || self->lift_limit_handler != 0 ||
      !self->counts_started || self->selected_id != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > rows)
    return;

  desk_ticket_rows_set_limit (self->rows, rows);
  self->lift_limit_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (lift_limit_cb),
                                                      self, G_CONNECT_AFTER);
}

static void
apply_query (DeskTicketsView *self)
{
  /* The table's rows stay and show the new query's tickets (see
   * desk-ticket-rows.h): GTK neither fetches every item of the new list
   * nor rebuilds its row widgets. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  limit_growth (self);
  desk_ticket_list_model_set_query (self->model, &self->query);
  update_empty_state (self);

  /* The ticket shown stays shown when the new list holds it. */
  if (self->selected_id != 0 && !select_in_table (self, self->selected_id))
    {
      self->selected_id = 0;
      desk_ticket_detail_set_ticket (self->detail, NULL);
    }
  if (self->selected_id == 0)
    scroll_to_position (self, 0);
}

static void
desk_tickets_view_queue_selected_cb (DeskTicketsView *self,
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
  apply_query (self);
}

/* Sorting.  GTK 4.8 cannot say which column the user sorted by: every
 * column's sorter notes its column when asked, and asking the view's
 * sorter to compare two tickets tells the primary column and, from the
 * sign, the direction.  The database sorts; the sorters never do. */

static int
column_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SortSlot *slot = user_data;

  slot->view->probed_sort = slot->sort;

  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (DeskTicketsView *self,
                        GtkSorterChange  change,
                        GtkSorter       *sorter)
{
  GtkOrdering order;

  self->probed_sort = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);

  if (self->probed_sort < 0)
    {
      /* No column: newest first. */
      self->query.sort = DESK_SORT_RECEIVED;
      self->query.descending = TRUE;
    }
  else
    {
      self->query.sort = self->probed_sort;
      self->query.descending = order == GTK_ORDERING_LARGER;
      /* The Age column shows time since received: young first is the
       * newest first. */
      if (self->query.sort == DESK_SORT_RECEIVED)
        self->query.descending = !self->query.descending;
    }

  if (self->model != NULL)
    apply_query (self);
}

static void
setup_sorters (DeskTicketsView *self)
{
  GtkColumnViewColumn *columns[DESK_N_SORTS] = {
    [DESK_SORT_NUMBER] = self->number_column,
    [DESK_SORT_STATUS] = self->status_column,
    [DESK_SORT_SEVERITY] = self->severity_column,
    [DESK_SORT_KIND] = self->kind_column,
    [DESK_SORT_CUSTOMER] = self->customer_column,
    [DESK_SORT_CATEGORY] = self->category_column,
    [DESK_SORT_DEPARTMENT] = self->department_column,
    [DESK_SORT_OWNER] = self->owner_column,
    [DESK_SORT_DEADLINE] = self->deadline_column,
    [DESK_SORT_RECEIVED] = self->age_column,
    [DESK_SORT_REPEAT] = self->repeat_column,
  };
  DeskTicketData empty = { 0 };

  for (guint i = 0; i < DESK_N_SORTS; i++)
    {
      g_autoptr(GtkSorter) sorter = NULL;

      self->slots[i].view = self;
      self->slots[i].sort = i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare_cb, &self->slots[i], NULL));
      gtk_column_view_column_set_sorter (columns[i], sorter);
    }

  self->probe_a = desk_ticket_new_take (&empty);
  memset (&empty, 0, sizeof empty);
  self->probe_b = desk_ticket_new_take (&empty);

  self->sorter_changed_id =
    g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                             G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Search */

static gboolean
search_timeout_cb (gpointer user_data)
{
  DeskTicketsView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  self->search_timeout_id = 0;

  if (g_strcmp0 (stripped, self->search ? self->search : "") == 0)
    return G_SOURCE_REMOVE;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  self->query.search = self->search;
  if (self->model != NULL)
    apply_query (self);

  return G_SOURCE_REMOVE;
}

static void
desk_tickets_view_search_changed_cb (DeskTicketsView *self,
                                     GtkSearchEntry  *entry)
{
  /* GtkSearchEntry waits a little already; this keeps fast typists from
   * querying for every character. */
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  self->search_timeout_id = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
desk_tickets_view_stop_search_cb (DeskTicketsView *self,
                                  GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  search_timeout_cb (self);
}

/* The office */

static void
database_changed_cb (DeskTicketsView *self,
                     const char      *table,
                     gint64           id,
                     DeskDatabase    *database)
{
  if (g_strcmp0 (table, "departments") == 0 || g_strcmp0 (table, "staff") == 0)
    {
      build_queues (self);
      return;
    }

  /* Many changes in a row count once. */
  if (self->counts_idle_id == 0)
    self->counts_idle_id = g_idle_add (refresh_counts_idle_cb, self);
}

static void
current_user_changed_cb (DeskTicketsView *self,
                         const char      *key,
                         GSettings       *settings)
{
  build_queues (self);
  desk_ticket_detail_set_actor (self->detail, self->current_user_id);
}

void
desk_tickets_view_set_office (DeskTicketsView *self,
                              DeskDatabase    *database,
                              GSettings       *settings)
{
  GtkSingleSelection *selection;

  g_return_if_fail (DESK_IS_TICKETS_VIEW (self));
  g_return_if_fail (DESK_IS_DATABASE (database));
  g_return_if_fail (!settings || G_IS_SETTINGS (settings));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::current-user",
                               G_CALLBACK (current_user_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->model = desk_ticket_list_model_new (database, &self->query);
  /* Before the selection connects: see model_items_changed_cb(). */
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  /* The table shows stable rows over the model: see desk-ticket-rows.h. */
  self->rows = desk_ticket_rows_new (G_LIST_MODEL (self->model));
  /* Until the first frame: see after_first_frame_cb(). */
  if (!self->counts_started)
    desk_ticket_rows_set_limit (self->rows, window_rows (self));
  if (!self->counts_started && !self->awaiting_first_frame)
    {
      self->awaiting_first_frame = TRUE;
      _desk_widget_after_first_frame (GTK_WIDGET (self), after_first_frame_cb);
    }
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  /* Autoselect chose the first row already: start with none. */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  self->selection = selection;
  g_signal_connect_object (selection, "notify::selected-item",
                           G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  self->changed_id = g_signal_connect_swapped (database, "changed",
                                               G_CALLBACK (database_changed_cb), self);

  build_queues (self);
  desk_ticket_detail_set_office (self->detail, database, self->current_user_id);
  update_empty_state (self);

  self->counts_timeout_id = g_timeout_add_seconds (60, refresh_counts_timeout_cb, self);
}

DeskTicketListModel *
desk_tickets_view_get_model (DeskTicketsView *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_VIEW (self), NULL);

  return self->model;
}

gboolean
desk_tickets_view_show_queue (DeskTicketsView *self,
                              DeskQueue        queue,
                              gint64           queue_arg)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DESK_IS_TICKETS_VIEW (self), FALSE);

  row = find_queue_row (self, queue, queue_arg);
  if (row == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (row)))
    return FALSE;

  gtk_list_box_select_row (self->queue_list, row);

  return TRUE;
}

void
desk_tickets_view_focus_search (DeskTicketsView *self)
{
  g_return_if_fail (DESK_IS_TICKETS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
desk_tickets_view_select_ticket (DeskTicketsView *self,
                                 gint64           id)
{
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DESK_IS_TICKETS_VIEW (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  if (select_in_table (self, id))
    return TRUE;

  /* Not in this queue or search: show it among all of its kind. */
  ticket = desk_ticket_store_get (self->database, id, &error);
  if (ticket == NULL)
    {
      /* Gone is an answer (the caller says so); anything else is not. */
      if (!g_error_matches (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND))
        g_warning ("Could not read ticket %" G_GINT64_FORMAT ": %s", id, error->message);
      return FALSE;
    }

  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_clear_pointer (&self->search, g_free);
  self->query.search = NULL;
  self->selected_id = id;
  if (self->query.queue == (desk_ticket_is_open (ticket) ? DESK_QUEUE_OPEN : DESK_QUEUE_CLOSED))
    apply_query (self);
  else
    /* Selecting the row applies the query. */
    desk_tickets_view_show_queue (self,
                                  desk_ticket_is_open (ticket) ? DESK_QUEUE_OPEN : DESK_QUEUE_CLOSED,
                                  0);

  return self->selected_id == id;
}

DeskTicket *
desk_tickets_view_get_shown_ticket (DeskTicketsView *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_VIEW (self), NULL);

  return desk_ticket_detail_get_ticket (self->detail);
}

static void
new_ticket_created_cb (DeskTicketsView *self,
                       DeskTicket      *ticket)
{
  g_autofree char *message = NULL;

  desk_tickets_view_select_ticket (self, desk_ticket_get_id (ticket));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  /* Translators: a toast after saving a new ticket; %s is its number */
  message = g_strdup_printf (_("%s registered"), desk_ticket_get_number (ticket));
  _desk_widget_add_toast (GTK_WIDGET (self), "%s", message);
}

GtkWindow *
desk_tickets_view_new_ticket (DeskTicketsView *self)
{
  GtkWindow *dialog;
  GtkRoot *root;

  g_return_val_if_fail (DESK_IS_TICKETS_VIEW (self), NULL);

  if (self->database == NULL)
    return NULL;

  dialog = desk_new_ticket_dialog_new (self->database, self->current_user_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_signal_connect_object (dialog, "created",
                           G_CALLBACK (new_ticket_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);

  return dialog;
}

static void
new_ticket_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  desk_tickets_view_new_ticket (DESK_TICKETS_VIEW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  desk_tickets_view_focus_search (DESK_TICKETS_VIEW (widget));
}

/* GObject */

static void
desk_tickets_view_dispose (GObject *object)
{
  DeskTicketsView *self = (DeskTicketsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  g_clear_handle_id (&self->counts_timeout_id, g_source_remove);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reselect_idle_id, g_source_remove);
  if (self->scroll_tick_id != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);

  /* Taking the columns apart changes the sorter: nothing to sort then. */
  if (self->column_view != NULL)
    {
      g_clear_signal_handler (&self->sorter_changed_id,
                              gtk_column_view_get_sorter (self->column_view));
      gtk_column_view_set_model (self->column_view, NULL);
    }

  G_OBJECT_CLASS (desk_tickets_view_parent_class)->dispose (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->rows);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
}

static void
desk_tickets_view_finalize (GObject *object)
{
  DeskTicketsView *self = (DeskTicketsView *)object;

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (desk_tickets_view_parent_class)->finalize (object);
}

/* The table's cells.  Signal factories, not GtkBuilderListItemFactory:
 * GTK 4.8 parses a builder factory's XML for every cell it makes, and a
 * queue switch makes every visible cell anew (see apply_query()), which
 * cost some 300 ms a switch with eleven columns. */
typedef char *(*CellTextFunc)    (gpointer    unused,
                                  DeskTicket *ticket);
typedef GStrv (*CellClassesFunc) (gpointer    unused,
                                  DeskTicket *ticket);

typedef struct
{
  CellTextFunc     text;
  CellClassesFunc  classes;  /* NULL: the fixed @style */
  const char      *style;
  float            xalign;
  gboolean         ticks;    /* relative to now: redone every minute */
} CellSpec;

static const CellSpec number_cell = { desk_tickets_view_number_cb, NULL, "numeric", 0 };
static const CellSpec status_cell = { desk_tickets_view_status_cb, desk_tickets_view_status_classes_cb, NULL, 0 };
static const CellSpec severity_cell = { desk_tickets_view_severity_cb, desk_tickets_view_severity_classes_cb, NULL, 0 };
static const CellSpec kind_cell = { desk_tickets_view_kind_cb, NULL, NULL, 0 };
static const CellSpec customer_cell = { desk_tickets_view_customer_cb, NULL, NULL, 0 };
static const CellSpec category_cell = { desk_tickets_view_category_cb, NULL, NULL, 0 };
static const CellSpec department_cell = { desk_tickets_view_department_cb, NULL, NULL, 0 };
static const CellSpec owner_cell = { desk_tickets_view_owner_cb, NULL, NULL, 0 };
static const CellSpec deadline_cell = { desk_tickets_view_deadline_cb, desk_tickets_view_deadline_classes_cb, NULL, 0, TRUE };
static const CellSpec age_cell = { desk_tickets_view_age_cb, NULL, "numeric", 1, TRUE };
static const CellSpec repeat_cell = { desk_tickets_view_repeat_cb, desk_tickets_view_repeat_classes_cb, NULL, 0 };

/* Where a cell keeps its spec (set once) and the row it shows (while
 * bound): quarks, as a scroll binds some 2,200 cells. */
static GQuark cell_spec_quark;
static GQuark cell_row_quark;
static GQuark cell_classes_quark;

/* The cells on screen whose text is relative to now ("due in 5 min"),
 * redone every minute through one connection for all of them. */
static GHashTable *ticking_cells;
static gulong ticking_handler;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const CellSpec           *spec)
{
  /* GtkInscription, not GtkLabel: the columns have fixed widths, and an
   * inscription does not measure its text to negotiate a size, which for
   * the ~200 rows x 11 cells a GTK 4.8 table builds is most of the cost. */
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), spec->xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (label), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (label), 1);
  /* GTK 4.8 wraps a long text before it ellipsizes the line shown, and
   * centres all the lines: from the top, the line shown sits where a short
   * text's does. */
  gtk_inscription_set_yalign (GTK_INSCRIPTION (label), 0);
  if (spec->style != NULL)
    gtk_widget_add_css_class (label, spec->style);
  g_object_set_qdata (G_OBJECT (label), cell_spec_quark, (gpointer)spec);
  gtk_list_item_set_child (item, label);
}

static void
cell_update (GtkWidget      *label,
             DeskTicketRow  *row)
{
  const CellSpec *spec = g_object_get_qdata (G_OBJECT (label), cell_spec_quark);
  DeskTicket *ticket = desk_ticket_row_get_ticket (row);
  g_autofree char *text = spec->text (NULL, ticket);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  if (spec->classes != NULL)
    {
      GStrv classes = spec->classes (NULL, ticket);
      const char * const *shown = g_object_get_qdata (G_OBJECT (label), cell_classes_quark);

      /* Most rows of a queue look alike (all closed, most of normal
       * severity): unchanged classes cost GTK no restyling. */
      if (shown != NULL && g_strv_equal (shown, (const char * const *)classes))
        g_strfreev (classes);
      else
        {
          gtk_widget_set_css_classes (label, (const char **)classes);
          g_object_set_qdata_full (G_OBJECT (label), cell_classes_quark, classes, (GDestroyNotify)g_strfreev);
        }
    }
}

static void
cell_row_changed_cb (DeskTicketRow *row,
                     gpointer       label)
{
  cell_update (label, row);
}

/* "due in 5 min" becomes "due in 4 min" without the ticket changing. */
static void
ticking_cells_tick_cb (gpointer unused)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, ticking_cells);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    cell_update (label, g_object_get_qdata (label, cell_row_quark));
}

static void
start_ticking (GtkWidget *label)
{
  if (ticking_cells == NULL)
    ticking_cells = g_hash_table_new (NULL, NULL);
  if (g_hash_table_size (ticking_cells) == 0)
    ticking_handler = desk_minute_clock_connect (G_OBJECT (desk_minute_clock_get_default ()),
                                                 G_CALLBACK (ticking_cells_tick_cb));
  g_hash_table_add (ticking_cells, label);
}

static void
stop_ticking (GtkWidget *label)
{
  if (ticking_cells != NULL && g_hash_table_remove (ticking_cells, label) &&
      g_hash_table_size (ticking_cells) == 0)
    {
      desk_minute_clock_disconnect (ticking_handler);
      ticking_handler = 0;
    }
}

/* A row shows another ticket after a new query: its cells follow. */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CellSpec           *spec)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DeskTicketRow *row = gtk_list_item_get_item (item);

  g_object_set_qdata (G_OBJECT (label), cell_row_quark, row);
  cell_update (label, row);
  desk_ticket_row_watch (row, cell_row_changed_cb, label);

  /* Only the cells on screen tick: a few hundred, whatever the queue's size. */
  if (spec->ticks)
    start_ticking (label);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const CellSpec           *spec)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DeskTicketRow *row = g_object_steal_qdata (G_OBJECT (label), cell_row_quark);

  if (row != NULL)
    desk_ticket_row_unwatch (row, cell_row_changed_cb, label);
  if (spec->ticks)
    stop_ticking (label);
}

/* A cell taken apart while bound (GTK unbinds first, but a cell in a
 * ticking list or a row's watchers must never outlive its widget). */
static void
cell_teardown_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const CellSpec           *spec)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  if (label != NULL && g_object_get_qdata (G_OBJECT (label), cell_row_quark) != NULL)
    cell_unbind_cb (factory, item, spec);
}

static void
set_cell (GtkColumnViewColumn *column,
          const CellSpec      *spec)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer)spec);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer)spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), (gpointer)spec);
  g_signal_connect (factory, "teardown", G_CALLBACK (cell_teardown_cb), (gpointer)spec);
  gtk_column_view_column_set_factory (column, factory);
}

static void
set_up_cells (DeskTicketsView *self)
{
  set_cell (self->number_column, &number_cell);
  set_cell (self->status_column, &status_cell);
  set_cell (self->severity_column, &severity_cell);
  set_cell (self->kind_column, &kind_cell);
  set_cell (self->customer_column, &customer_cell);
  set_cell (self->category_column, &category_cell);
  set_cell (self->department_column, &department_cell);
  set_cell (self->owner_column, &owner_cell);
  set_cell (self->deadline_column, &deadline_cell);
  set_cell (self->age_column, &age_cell);
  set_cell (self->repeat_column, &repeat_cell);
}

static void
desk_tickets_view_class_init (DeskTicketsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  cell_spec_quark = g_quark_from_static_string ("desk-cell-spec");
  cell_row_quark = g_quark_from_static_string ("desk-cell-row");
  cell_classes_quark = g_quark_from_static_string ("desk-cell-classes");

  object_class->dispose = desk_tickets_view_dispose;
  object_class->finalize = desk_tickets_view_finalize;

  g_type_ensure (DESK_TYPE_TICKET_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-tickets-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, queue_list);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, detail);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, number_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, status_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, severity_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, customer_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, category_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, department_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, owner_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, deadline_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, age_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, repeat_column);

  gtk_widget_class_bind_template_callback (widget_class, desk_tickets_view_queue_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_tickets_view_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_tickets_view_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "tickets.new-ticket", NULL, new_ticket_action);
  gtk_widget_class_install_action (widget_class, "tickets.find", NULL, find_action);
}

static void
desk_tickets_view_init (DeskTicketsView *self)
{
  self->cancellable = g_cancellable_new ();
  self->query.queue = DESK_QUEUE_OPEN;
  self->query.sort = DESK_SORT_RECEIVED;
  self->query.descending = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_cells (self);

  gtk_list_box_set_header_func (self->queue_list, queue_header_cb, NULL, NULL);
  setup_sorters (self);
  gtk_column_view_sort_by_column (self->column_view, self->age_column, GTK_SORT_ASCENDING);
}
