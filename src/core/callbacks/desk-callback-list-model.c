/* desk-callback-list-model.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day of a million-ticket office holds a hundred thousand follow-ups:
 * the model knows their number, and keeps in memory only the pages of 50
 * rows that were asked for since the last refresh.
 */

#define G_LOG_DOMAIN "desk-callback-list-model"

#include "config.h"

#include "desk-callback-list-model.h"

#define PAGE_SIZE 50

struct _DeskCallbackItem
{
  GObject       parent_instance;
  DeskCallback *callback;
};

G_DEFINE_FINAL_TYPE (DeskCallbackItem, desk_callback_item, G_TYPE_OBJECT)

static void
desk_callback_item_finalize (GObject *object)
{
  DeskCallbackItem *self = DESK_CALLBACK_ITEM (object);

  g_clear_pointer (&self->callback, desk_callback_free);
  G_OBJECT_CLASS (desk_callback_item_parent_class)->finalize (object);
}

static void
desk_callback_item_class_init (DeskCallbackItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_callback_item_finalize;
}

static void
desk_callback_item_init (DeskCallbackItem *self)
{
}

static DeskCallbackItem *
item_new (DeskCallback *callback)
{
  DeskCallbackItem *self = g_object_new (DESK_TYPE_CALLBACK_ITEM, NULL);

  self->callback = callback;
  return self;
}

const DeskCallback *
desk_callback_item_get_callback (DeskCallbackItem *self)
{
  g_return_val_if_fail (DESK_IS_CALLBACK_ITEM (self), NULL);
  return self->callback;
}

struct _DeskCallbackListModel
{
  GObject            parent_instance;

  DeskDatabase      *db;
  DeskCallbackRange  range;
  guint              n_items;    /* what the views are told of so far */
  guint              total;      /* the calls in the range */
  guint              grow_id;
  GHashTable        *pages;      /* page number -> GPtrArray of DeskCallbackItem */
  guint              pages_read;
};

/* A list is first a window's height of rows, then all of them (see
 * desk_callback_list_model_set_range). */
#define FIRST_ROWS 24

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskCallbackListModel, desk_callback_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return DESK_TYPE_CALLBACK_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return DESK_CALLBACK_LIST_MODEL (model)->n_items;
}

static GPtrArray *
load_page (DeskCallbackListModel *self,
           guint                  page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  calls = desk_callback_store_list_range (self->db, &self->range, page * PAGE_SIZE, PAGE_SIZE, &error);
  if (calls == NULL)
    g_warning ("Could not read the callbacks: %s", error->message);

  for (guint i = 0; calls != NULL && i < calls->len; i++)
    g_ptr_array_add (items, item_new (g_steal_pointer (&calls->pdata[i])));

  self->pages_read++;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  return items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DeskCallbackListModel *self = DESK_CALLBACK_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items || self->db == NULL)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);

  /* The office lost calls since the count: an empty row until the
   * refresh that the change brings. */
  if (position % PAGE_SIZE >= items->len)
    return item_new (NULL);

  return g_object_ref (items->pdata[position % PAGE_SIZE]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
desk_callback_list_model_finalize (GObject *object)
{
  DeskCallbackListModel *self = DESK_CALLBACK_LIST_MODEL (object);

  g_clear_handle_id (&self->grow_id, g_source_remove);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (desk_callback_list_model_parent_class)->finalize (object);
}

static void
desk_callback_list_model_class_init (DeskCallbackListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_callback_list_model_finalize;
}

static void
desk_callback_list_model_init (DeskCallbackListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
}

DeskCallbackListModel *
desk_callback_list_model_new (DeskDatabase *db)
{
  DeskCallbackListModel *self;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  self = g_object_new (DESK_TYPE_CALLBACK_LIST_MODEL, NULL);
  self->db = g_object_ref (db);
  return self;
}

static gboolean
grow_cb (gpointer user_data)
{
  DeskCallbackListModel *self = user_data;

  self->grow_id = 0;
  desk_callback_list_model_show_all (self);
  return G_SOURCE_REMOVE;
}

void
desk_callback_list_model_show_all (DeskCallbackListModel *self)
{
  guint old_n;

  g_return_if_fail (DESK_IS_CALLBACK_LIST_MODEL (self));

  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (self->n_items >= self->total)
    return;
  old_n = self->n_items;
  self->n_items = self->total;
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->total - old_n);
}

void
desk_callback_list_model_show_first (DeskCallbackListModel *self)
{
  guint old_n;

  g_return_if_fail (DESK_IS_CALLBACK_LIST_MODEL (self));

  if (self->n_items > FIRST_ROWS)
    {
      old_n = self->n_items;
      self->n_items = FIRST_ROWS;
      g_list_model_items_changed (G_LIST_MODEL (self), FIRST_ROWS, old_n - FIRST_ROWS, 0);
    }
  if (self->total > self->n_items && self->grow_id == 0)
    self->grow_id = g_idle_add_full (G_PRIORITY_LOW, grow_cb, self, NULL);
}

guint
desk_callback_list_model_get_total (DeskCallbackListModel *self)
{
  g_return_val_if_fail (DESK_IS_CALLBACK_LIST_MODEL (self), 0);
  return self->total;
}

gboolean
desk_callback_list_model_set_range (DeskCallbackListModel   *self,
                                    const DeskCallbackRange *range,
                                    GError                 **error)
{
  guint old_n;
  gint64 n;

  g_return_val_if_fail (DESK_IS_CALLBACK_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  n = desk_callback_store_count_range (self->db, range, error);
  if (n < 0)
    return FALSE;

  old_n = self->n_items;
  self->range = *range;
  g_hash_table_remove_all (self->pages);

  /* All rows go, then the new ones come, in two changes rather than one
   * that replaces them: a GTK 4.8 list view whose focused row is among the
   * rows replaced looks for its item in every row added, which read every
   * page of a list of 90,000 calls (seconds on the main thread).  The view
   * keeps its row widgets either way and rebinds the rows it shows. */
  if (old_n > 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
    }
  /* A window's height of rows first, the rest once the frame showing
   * them is drawn: a GTK 4.8 list view builds some 200 rows of a long list
   * at once (a new day's agenda of 28,000 calls took 180-340 ms to show;
   * the rows of what is on screen take a fraction of that). */
  g_clear_handle_id (&self->grow_id, g_source_remove);
  self->total = (guint)MIN (n, G_MAXUINT);
  self->n_items = MIN (self->total, FIRST_ROWS);
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
  if (self->total > self->n_items)
    self->grow_id = g_idle_add_full (G_PRIORITY_LOW, grow_cb, self, NULL);
  return TRUE;
}

gboolean
desk_callback_list_model_refresh (DeskCallbackListModel  *self,
                                  GError                **error)
{
  DeskCallbackRange range;

  g_return_val_if_fail (DESK_IS_CALLBACK_LIST_MODEL (self), FALSE);

  range = self->range;
  return desk_callback_list_model_set_range (self, &range, error);
}

guint
desk_callback_list_model_get_pages_read (DeskCallbackListModel *self)
{
  g_return_val_if_fail (DESK_IS_CALLBACK_LIST_MODEL (self), 0);
  return self->pages_read;
}
