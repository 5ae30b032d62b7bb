/* desk-ticket-list-model.c
 *
 * DeskTicketListModel, the GListModel behind the ticket list: pages of
 * tickets read through desk-ticket-query.c as they are shown, a bounded
 * cache of them, the count, and DeskDatabase::changed turned into the
 * smallest items-changed.  In the core because it needs no display; the
 * view is desk-tickets-view.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-list-model"

#include "config.h"

#include "desk-ticket.h"
#include "desk-ticket-list-model.h"
#include "desk-ticket-store.h"

#define PAGE_SIZE 100
#define MAX_PAGES 64 /* ~6,400 tickets kept: a few screens either way */

struct _DeskTicketListModel
{
  GObject          parent_instance;

  DeskDatabase    *db;
  DeskTicketQuery  query;
  char            *search;      /* owned copy of query.search */
  guint            n_items;
  GHashTable      *pages;       /* page index -> GPtrArray of DeskTicket */
  GQueue           lru;         /* page indexes, most recent first */
  gulong           changed_id;
  guint            fetches;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskTicketListModel, desk_ticket_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
drop_pages (DeskTicketListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

static guint
count (DeskTicketListModel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = desk_ticket_query_count (self->db, &self->query, &error);

  if (n < 0)
    {
      g_warning ("Could not count the tickets: %s", error->message);
      return 0;
    }

  /* Tells the page queries how to find their rows. */
  self->query.count_hint = n;
  return (guint)MIN (n, G_MAXUINT);
}

static void
touch_page (DeskTicketListModel *self,
            guint                page)
{
  g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
}

static GPtrArray *
fetch_page (DeskTicketListModel *self,
            guint                page)
{
  g_autoptr(GError) error = NULL;
  g_auto(DeskTicketKey) key = { 0 };
  GPtrArray *previous;
  GPtrArray *tickets;

  tickets = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (tickets != NULL)
    {
      touch_page (self, page);
      return tickets;
    }

  /* Continue from the previous page's last row when we have it: scrolling
   * then costs the same anywhere in the list.  A jump falls back to OFFSET
   * once, and the pages after it continue by key. */
  previous = page > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1)) : NULL;
  if (previous != NULL && previous->len == PAGE_SIZE)
    desk_ticket_key_from_ticket (&key, self->query.sort,
                                 g_ptr_array_index (previous, previous->len - 1));

  tickets = desk_ticket_query_page (self->db, &self->query, &key,
                                    page * PAGE_SIZE, PAGE_SIZE, &error);
  self->fetches++;
  if (tickets == NULL)
    {
      g_warning ("Could not read the tickets: %s", error->message);
      tickets = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), tickets);
  touch_page (self, page);
  return tickets;
}

static GType
desk_ticket_list_model_get_item_type (GListModel *model)
{
  return DESK_TYPE_TICKET;
}

static guint
desk_ticket_list_model_get_n_items (GListModel *model)
{
  return DESK_TICKET_LIST_MODEL (model)->n_items;
}

static gpointer
desk_ticket_list_model_get_item (GListModel *model,
                                 guint       position)
{
  DeskTicketListModel *self = DESK_TICKET_LIST_MODEL (model);
  GPtrArray *tickets;
  guint index = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;

  tickets = fetch_page (self, position / PAGE_SIZE);
  if (index >= tickets->len)
    return NULL; /* the office changed under us; a reload is on its way */

  return g_object_ref (g_ptr_array_index (tickets, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_ticket_list_model_get_item_type;
  iface->get_n_items = desk_ticket_list_model_get_n_items;
  iface->get_item = desk_ticket_list_model_get_item;
}

static gboolean
find_cached (DeskTicketListModel *self,
             gint64               id,
             guint               *position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *tickets = value;

      for (guint i = 0; i < tickets->len; i++)
        if (desk_ticket_get_id (g_ptr_array_index (tickets, i)) == id)
          {
            *position = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
            return TRUE;
          }
    }

  return FALSE;
}

static void
database_changed_cb (DeskTicketListModel *self,
                     const char          *table,
                     gint64               id,
                     DeskDatabase        *db)
{
  g_autoptr(GError) error = NULL;
  guint old_n = self->n_items;
  guint old_position = 0;
  gboolean was_cached;
  gint64 new_position;

  if (g_strcmp0 (table, "tickets") != 0)
    return;

  was_cached = find_cached (self, id, &old_position);
  self->n_items = count (self);
  new_position = desk_ticket_query_position (self->db, &self->query, id, &error);

  /* Changed in place: swap the one object, keep every page. */
  if (was_cached && new_position == old_position && self->n_items == old_n)
    {
      GPtrArray *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (old_position / PAGE_SIZE));
      DeskTicket *fresh = desk_ticket_store_get (self->db, id, &error);

      if (fresh != NULL)
        {
          g_object_unref (g_ptr_array_index (page, old_position % PAGE_SIZE));
          g_ptr_array_index (page, old_position % PAGE_SIZE) = fresh;
          g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
          return;
        }
    }

  /* Anything else shifts rows: the pages no longer line up. */
  drop_pages (self);

  if (was_cached && new_position == old_position && self->n_items == old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
  else if (was_cached && new_position < 0 && self->n_items + 1 == old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  else if (!was_cached && new_position >= 0 && self->n_items == old_n + 1)
    g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
  else if (was_cached && new_position >= 0 && self->n_items == old_n)
    {
      /* It moved (a new status while sorted by status): say so exactly,
       * so that views touch two rows, not every row. */
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
  else if (self->n_items != old_n || was_cached || new_position >= 0)
    /* The list changed in ways one ticket does not explain. */
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

static void
desk_ticket_list_model_finalize (GObject *object)
{
  DeskTicketListModel *self = (DeskTicketListModel *)object;

  g_clear_signal_handler (&self->changed_id, self->db);
  g_clear_object (&self->db);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->lru);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (desk_ticket_list_model_parent_class)->finalize (object);
}

static void
desk_ticket_list_model_class_init (DeskTicketListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_ticket_list_model_finalize;
}

static void
desk_ticket_list_model_init (DeskTicketListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->lru);
}

static void
copy_query (DeskTicketListModel   *self,
            const DeskTicketQuery *query)
{
  /* @query may be our own (a reload): copy before freeing. */
  char *search = g_strdup (query->search);

  g_free (self->search);
  self->search = search;
  self->query = *query;
  self->query.search = self->search;
}

DeskTicketListModel *
desk_ticket_list_model_new (DeskDatabase          *db,
                            const DeskTicketQuery *query)
{
  DeskTicketListModel *self;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (DESK_TYPE_TICKET_LIST_MODEL, NULL);
  self->db = g_object_ref (db);
  copy_query (self, query);
  self->n_items = count (self);
  self->changed_id = g_signal_connect_swapped (db, "changed",
                                               G_CALLBACK (database_changed_cb), self);
  return self;
}

const DeskTicketQuery *
desk_ticket_list_model_get_query (DeskTicketListModel *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_LIST_MODEL (self), NULL);
  return &self->query;
}

/* Only the order differs: the same tickets, so the same count. */
static gboolean
same_tickets (const DeskTicketQuery *a,
              const DeskTicketQuery *b)
{
  return a->queue == b->queue && a->queue_arg == b->queue_arg && a->now == b->now &&
         g_strcmp0 (a->search ? a->search : "", b->search ? b->search : "") == 0;
}

static void
replace_query (DeskTicketListModel   *self,
               const DeskTicketQuery *query,
               gboolean               recount)
{
  guint old_n = self->n_items;
  gint64 hint = self->query.count_hint;

  recount |= !same_tickets (&self->query, query);
  copy_query (self, query);
  drop_pages (self);
  if (recount)
    self->n_items = count (self);
  else
    self->query.count_hint = hint; /* a re-sort costs no count */

  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

void
desk_ticket_list_model_set_query (DeskTicketListModel   *self,
                                  const DeskTicketQuery *query)
{
  g_return_if_fail (DESK_IS_TICKET_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  replace_query (self, query, FALSE);
}

void
desk_ticket_list_model_reload (DeskTicketListModel *self)
{
  DeskTicketQuery query;

  g_return_if_fail (DESK_IS_TICKET_LIST_MODEL (self));

  query = self->query;
  replace_query (self, &query, TRUE);
}

guint
desk_ticket_list_model_get_fetches (DeskTicketListModel *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_LIST_MODEL (self), 0);
  return self->fetches;
}
