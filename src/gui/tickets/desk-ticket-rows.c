/* desk-ticket-rows.c
 *
 * The rows of the Tickets view's table: DeskTicketRow, a row object that
 * stays while the ticket it shows changes, and DeskTicketRows, the list
 * model of them, which hands the rows in place their new tickets when the
 * list is replaced and can hold back all but a screenful.  Its own file
 * because it is what spares GTK 4.8's table from rebuilding its row widgets
 * on every query (see desk-ticket-rows.h).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-rows"

#include "config.h"

#include "desk-ticket-rows.h"

/* Rows no longer held by anyone but us are let go past this many. */
#define MAX_IDLE_ROWS 1000

typedef struct
{
  DeskTicketRowWatch func;
  gpointer           data;
} Watcher;

struct _DeskTicketRow
{
  GObject     parent_instance;
  DeskTicket *ticket;
  GArray     *watchers;  /* of Watcher; NULL until watched */
};

G_DEFINE_FINAL_TYPE (DeskTicketRow, desk_ticket_row, G_TYPE_OBJECT)

static void
desk_ticket_row_finalize (GObject *object)
{
  DeskTicketRow *self = DESK_TICKET_ROW (object);

  g_clear_object (&self->ticket);
  g_clear_pointer (&self->watchers, g_array_unref);

  G_OBJECT_CLASS (desk_ticket_row_parent_class)->finalize (object);
}

static void
desk_ticket_row_class_init (DeskTicketRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_ticket_row_finalize;
}

static void
desk_ticket_row_init (DeskTicketRow *self)
{
}

DeskTicket *
desk_ticket_row_get_ticket (DeskTicketRow *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_ROW (self), NULL);
  return self->ticket;
}

void
desk_ticket_row_watch (DeskTicketRow      *self,
                       DeskTicketRowWatch  func,
                       gpointer            data)
{
  Watcher watcher = { func, data };

  g_return_if_fail (DESK_IS_TICKET_ROW (self));

  if (self->watchers == NULL)
    self->watchers = g_array_sized_new (FALSE, FALSE, sizeof (Watcher), 11);
  g_array_append_val (self->watchers, watcher);
}

void
desk_ticket_row_unwatch (DeskTicketRow      *self,
                         DeskTicketRowWatch  func,
                         gpointer            data)
{
  g_return_if_fail (DESK_IS_TICKET_ROW (self));

  for (guint i = 0; self->watchers != NULL && i < self->watchers->len; i++)
    {
      Watcher *watcher = &g_array_index (self->watchers, Watcher, i);

      if (watcher->func == func && watcher->data == data)
        {
          g_array_remove_index_fast (self->watchers, i);
          return;
        }
    }
}

/* Takes @ticket. */
static void
row_set_ticket (DeskTicketRow *self,
                DeskTicket    *ticket)
{
  if (self->ticket == ticket)
    {
      g_clear_object (&ticket);
      return;
    }

  g_clear_object (&self->ticket);
  self->ticket = ticket;
  for (guint i = 0; self->watchers != NULL && i < self->watchers->len; i++)
    {
      Watcher *watcher = &g_array_index (self->watchers, Watcher, i);

      watcher->func (self, watcher->data);
    }
}

struct _DeskTicketRows
{
  GObject     parent_instance;
  GListModel *source;
  GHashTable *rows;     /* position -> DeskTicketRow, owned */
  guint       n_items;  /* the source's, or the rows kept over an empty list */
  guint       limit;    /* 0: none; see desk_ticket_rows_set_limit() */
  /* The source is empty and the rows of the list before it are kept:
   * see source_items_changed_cb(). */
  gboolean    keeping;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskTicketRows, desk_ticket_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
desk_ticket_rows_get_item_type (GListModel *model)
{
  return DESK_TYPE_TICKET_ROW;
}

/* How many rows the view sees. */
static guint
shown (DeskTicketRows *self)
{
  return self->limit > 0 ? MIN (self->n_items, self->limit) : self->n_items;
}

static guint
desk_ticket_rows_get_n_items (GListModel *model)
{
  return shown (DESK_TICKET_ROWS (model));
}

static void
forget_idle_rows (DeskTicketRows *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (G_OBJECT (row)->ref_count == 1)
      g_hash_table_iter_remove (&iter);
}

static gpointer
desk_ticket_rows_get_item (GListModel *model,
                           guint       position)
{
  DeskTicketRows *self = DESK_TICKET_ROWS (model);
  DeskTicketRow *row;

  if (position >= shown (self))
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row == NULL)
    {
      if (g_hash_table_size (self->rows) > MAX_IDLE_ROWS)
        forget_idle_rows (self);

      row = g_object_new (DESK_TYPE_TICKET_ROW, NULL);
      row->ticket = g_list_model_get_item (self->source, position);
      g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
    }

  return g_object_ref (row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_ticket_rows_get_item_type;
  iface->get_n_items = desk_ticket_rows_get_n_items;
  iface->get_item = desk_ticket_rows_get_item;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gpointer *)a), y = GPOINTER_TO_UINT (*(gpointer *)b);

  return (x > y) - (x < y);
}

/* Gives the rows in [@from, @to) their tickets anew; with @forget_after,
 * rows at or past @to (which are going away) are forgotten.  Top to
 * bottom: the model reads each page on from the one before it (a page
 * read first would be found by OFFSET, several times slower). */
static void
refresh_rows (DeskTicketRows *self,
              guint           from,
              guint           to,
              gboolean        forget_after)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position >= to && forget_after)
        g_hash_table_iter_remove (&iter);
      else if (position >= from && position < to)
        g_ptr_array_add (stale, key);
    }

  g_ptr_array_sort (stale, compare_positions);
  for (guint i = 0; i < stale->len; i++)
    {
      guint position = GPOINTER_TO_UINT (g_ptr_array_index (stale, i));
      DeskTicketRow *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));

      row_set_ticket (row, g_list_model_get_item (self->source, position));
    }
}

/* Rows after a real insertion or removal move with their tickets. */
static void
shift_rows (DeskTicketRows *self,
            guint           position,
            guint           removed,
            guint           added)
{
  GHashTable *shifted = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint p = GPOINTER_TO_UINT (key);

      if (p >= position && p < position + removed)
        continue;
      g_hash_table_insert (shifted,
                           GUINT_TO_POINTER (p < position ? p : p - removed + added),
                           g_object_ref (value));
    }

  g_hash_table_unref (self->rows);
  self->rows = shifted;
}

/* The rows shown show the source's tickets from the top, now @new_n of
 * them: only the difference in the number shown is a change of items. */
static void
take_new_list (DeskTicketRows *self,
               guint           new_n)
{
  guint old_shown = shown (self);
  guint new_shown, keep;

  self->keeping = FALSE;
  self->n_items = new_n;
  new_shown = shown (self);
  keep = MIN (old_shown, new_shown);
  refresh_rows (self, 0, keep, TRUE);
  if (old_shown != new_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), keep, old_shown - keep, new_shown - keep);
}

static void
source_items_changed_cb (DeskTicketRows *self,
                         guint           position,
                         guint           removed,
                         guint           added,
                         GListModel     *source)
{
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (source);

  /* Limited (for a frame: see desk_ticket_rows_set_limit()): any change
   * is read as a new list. */
  if (self->limit > 0)
    take_new_list (self, new_n);
  /* The first tickets after an empty list: the rows kept show them;
   * until then, still empty. */
  else if (self->keeping)
    {
      if (added > 0)
        take_new_list (self, new_n);
    }
  else if (position == 0 && removed == old_n && old_n > 0 && new_n == 0)
    {
      /* An empty list (a queue with nothing in it, a search that finds
       * nothing), which the view shows with a page of its own instead of
       * the table: the rows stay as they are, with their tickets, for the
       * next list.  Told of no rows, GTK 4.8 would destroy every row's
       * widgets, and build them again for the next list: some 150 ms
       * each way on a large office. */
      self->keeping = TRUE;
    }
  /* A new list: the rows in place show the new tickets. */
  else if (position == 0 && removed == old_n && old_n > 0 && added > 0)
    take_new_list (self, new_n);
  else if (removed == added)
    {
      /* Tickets changed where they are. */
      refresh_rows (self, position, position + added, FALSE);
    }
  else
    {
      shift_rows (self, position, removed, added);
      self->n_items = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
    }
}

static void
desk_ticket_rows_finalize (GObject *object)
{
  DeskTicketRows *self = DESK_TICKET_ROWS (object);

  g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (desk_ticket_rows_parent_class)->finalize (object);
}

static void
desk_ticket_rows_class_init (DeskTicketRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_ticket_rows_finalize;
}

static void
desk_ticket_rows_init (DeskTicketRows *self)
{
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

DeskTicketRows *
desk_ticket_rows_new (GListModel *tickets)
{
  DeskTicketRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (tickets), NULL);

  self = g_object_new (DESK_TYPE_TICKET_ROWS, NULL);
  self->source = g_object_ref (tickets);
  self->n_items = g_list_model_get_n_items (tickets);
  g_signal_connect_swapped (tickets, "items-changed", G_CALLBACK (source_items_changed_cb), self);
  return self;
}

void
desk_ticket_rows_set_limit (DeskTicketRows *self,
                            guint           limit)
{
  guint old_shown;

  g_return_if_fail (DESK_IS_TICKET_ROWS (self));

  old_shown = shown (self);
  self->limit = limit;
  if (shown (self) > old_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), old_shown, 0, shown (self) - old_shown);
  else if (shown (self) < old_shown)
    {
      refresh_rows (self, shown (self), shown (self), TRUE);
      g_list_model_items_changed (G_LIST_MODEL (self), shown (self), old_shown - shown (self), 0);
    }
}

GListModel *
desk_ticket_rows_get_source (DeskTicketRows *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_ROWS (self), NULL);
  return self->source;
}
