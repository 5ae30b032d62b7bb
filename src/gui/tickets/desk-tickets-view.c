/* desk-tickets-view.c
 *
 * The Tickets view itself: the type and its template, the table (which
 * tickets it holds, selection, scrolling, growth after the first frame),
 * sorting by column, search, the office and the public functions.  The
 * sidebar's queues, the table's cells and the view's actions are in
 * desk-tickets-view-sidebar.c, -cells.c and -actions.c, which share the
 * instance struct through desk-tickets-view-private.h.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

#include "desk-gui-private.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-rows.h"
#include "desk-tickets-view-private.h"
#include "desk-tickets-view.h"

#define SEARCH_DELAY_MS 150
/* The table's rows are at least this tall (style.css). */
#define MIN_ROW_HEIGHT 30
/* The table's rows until its first frame when the window's height is not
 * known: as many as a tall screen shows. */
#define FIRST_FRAME_ROWS 60

G_DEFINE_FINAL_TYPE (DeskTicketsView, desk_tickets_view, ADW_TYPE_BIN)

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
  _desk_tickets_view_refresh_counts (self);

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

/* A search of a phone number, or of a good part of one: the clerk is
 * finding a caller, whose every ticket matters, closed ones included. */
static gboolean
looks_like_phone (const char *search)
{
  guint digits = 0;

  if (search == NULL)
    return FALSE;
  for (const char *p = search; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ' ' && *p != '-' && *p != '+')
        return FALSE;
    }
  return digits >= 7;
}

/* The query the table shows: the sidebar's, except that a phone search
 * from All Open looks among all tickets. */
static void
shown_query (DeskTicketsView *self,
             DeskTicketQuery *query)
{
  *query = self->query;
  if (query->queue == DESK_QUEUE_OPEN && looks_like_phone (query->search))
    query->queue = DESK_QUEUE_ALL;
}

/* Selects @id in the table if the query holds it; TRUE when it does. */
static gboolean
select_in_table (DeskTicketsView *self,
                 gint64           id)
{
  g_autoptr(GError) error = NULL;
  DeskTicketQuery query;
  gint64 position;

  shown_query (self, &query);
  position = desk_ticket_query_position (self->database, &query, id, &error);
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

void
_desk_tickets_view_apply_query (DeskTicketsView *self)
{
  /* The table's rows stay and show the new query's tickets (see
   * desk-ticket-rows.h): GTK neither fetches every item of the new list
   * nor rebuilds its row widgets. */
  DeskTicketQuery query;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  limit_growth (self);
  shown_query (self, &query);
  desk_ticket_list_model_set_query (self->model, &query);
  update_empty_state (self);
  /* A new list starts at its first column: the sideways scroll of the
   * last one would hide the number and summary of the new one. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->table_scroller), 0);

  /* The ticket shown stays shown when the new list holds it. */
  if (self->selected_id != 0 && !select_in_table (self, self->selected_id))
    {
      self->selected_id = 0;
      desk_ticket_detail_set_ticket (self->detail, NULL);
    }
  if (self->selected_id == 0)
    scroll_to_position (self, 0);
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
    _desk_tickets_view_apply_query (self);
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
    _desk_tickets_view_apply_query (self);

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
current_user_changed_cb (DeskTicketsView *self,
                         const char      *key,
                         GSettings       *settings)
{
  _desk_tickets_view_build_queues (self);
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

  /* The sidebar's: the table's model follows the office on its own. */
  self->changed_id = g_signal_connect_swapped (database, "changed",
                                               G_CALLBACK (_desk_tickets_view_database_changed_cb),
                                               self);

  _desk_tickets_view_build_queues (self);
  desk_ticket_detail_set_office (self->detail, database, self->current_user_id);
  update_empty_state (self);

  self->counts_timeout_id = g_timeout_add_seconds (60, _desk_tickets_view_refresh_counts_timeout_cb,
                                                   self);
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

  row = _desk_tickets_view_find_queue_row (self, queue, queue_arg);
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
    _desk_tickets_view_apply_query (self);
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

static void
desk_tickets_view_class_init (DeskTicketsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _desk_tickets_view_class_cells_init (klass);

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
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, summary_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, category_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, department_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, owner_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, deadline_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, age_column);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsView, repeat_column);

  /* Defined in desk-tickets-view-sidebar.c; the template names it so. */
  gtk_widget_class_bind_template_callback_full (widget_class, "desk_tickets_view_queue_selected_cb",
                                                G_CALLBACK (_desk_tickets_view_queue_selected_cb));
  gtk_widget_class_bind_template_callback (widget_class, desk_tickets_view_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_tickets_view_stop_search_cb);

  _desk_tickets_view_class_actions_init (klass);
}

static void
desk_tickets_view_init (DeskTicketsView *self)
{
  self->cancellable = g_cancellable_new ();
  self->query.queue = DESK_QUEUE_OPEN;
  self->query.sort = DESK_SORT_RECEIVED;
  self->query.descending = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  _desk_tickets_view_cells_init (self);

  _desk_tickets_view_sidebar_init (self);
  setup_sorters (self);
  gtk_column_view_sort_by_column (self->column_view, self->age_column, GTK_SORT_ASCENDING);
}
