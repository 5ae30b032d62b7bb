/* test-ticket-rows.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The ticket table's stable rows (desk-ticket-rows.h) over a plain list
 * of tickets: a new list keeps the row objects and gives them its
 * tickets, telling their watchers; insertions and removals move rows with
 * their tickets; an empty list keeps the rows for the next one. */

#define G_LOG_DOMAIN "test-ticket-rows"

#include "config.h"

#include <gio/gio.h>

#include "desk-ticket-rows.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static void
assert_change (const Change *change,
               guint         position,
               guint         removed,
               guint         added)
{
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static DeskTicket *
ticket (gint64 id)
{
  DeskTicketData data = { 0 };

  data.id = id;
  data.number = g_strdup_printf ("TS-2026-%06" G_GINT64_FORMAT, id);

  return desk_ticket_new_take (&data);
}

/* Replaces everything in @store with tickets @first .. @first + @n - 1,
 * in one change, as a new query does. */
static void
replace (GListStore *store,
         gint64      first,
         guint       n)
{
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (tickets, ticket (first + i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       tickets->pdata, tickets->len);
}

/* Rows over @store holding tickets @first .. @first + @n - 1, their
 * changes noted in @change. */
static DeskTicketRows *
rows_over (GListStore *store,
           gint64      first,
           guint       n,
           Change     *change)
{
  DeskTicketRows *rows;

  replace (store, first, n);
  rows = desk_ticket_rows_new (G_LIST_MODEL (store));
  g_signal_connect (rows, "items-changed", G_CALLBACK (items_changed_cb), change);

  return rows;
}

static gint64
id_at (GListModel *rows,
       guint       position)
{
  g_autoptr(DeskTicketRow) row = g_list_model_get_item (rows, position);
  DeskTicket *shown = desk_ticket_row_get_ticket (row);

  return shown != NULL ? desk_ticket_get_id (shown) : 0;
}

static void
count_cb (DeskTicketRow *row,
          gpointer       data)
{
  (*(guint *)data)++;
}

static void
test_new_list_keeps_rows (void)
{
  g_autoptr(GListStore) store = g_list_store_new (DESK_TYPE_TICKET);
  g_autoptr(DeskTicketRows) rows = NULL;
  g_autoptr(DeskTicketRow) first = NULL;
  g_autoptr(DeskTicketRow) again = NULL;
  Change change = { 0 };
  guint told = 0;

  rows = rows_over (store, 1, 5, &change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  desk_ticket_row_watch (first, count_cb, &told);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 1);

  /* A shorter list: the same row object shows the new first ticket, its
   * watcher is told, and only the two rows past the end go. */
  replace (store, 101, 3);
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again == first);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 101);
  g_assert_cmpuint (told, ==, 1);
  g_assert_cmpuint (change.count, ==, 1);
  assert_change (&change, 3, 2, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 3);

  /* Unwatched, the row changes without telling. */
  desk_ticket_row_unwatch (first, count_cb, &told);
  replace (store, 201, 3);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 201);
  g_assert_cmpuint (told, ==, 1);
  /* Same length: no change of items at all. */
  g_assert_cmpuint (change.count, ==, 1);
}

static void
test_insert_and_remove_move_rows (void)
{
  g_autoptr(GListStore) store = g_list_store_new (DESK_TYPE_TICKET);
  g_autoptr(DeskTicketRows) rows = NULL;
  g_autoptr(DeskTicketRow) third = NULL;
  g_autoptr(DeskTicketRow) moved = NULL;
  g_autoptr(DeskTicket) inserted = ticket (50);
  Change change = { 0 };

  rows = rows_over (store, 1, 4, &change);
  third = g_list_model_get_item (G_LIST_MODEL (rows), 2);

  /* A ticket comes in at the top: the third row moves down with its
   * ticket. */
  g_list_store_insert (store, 0, inserted);
  assert_change (&change, 0, 0, 1);
  moved = g_list_model_get_item (G_LIST_MODEL (rows), 3);
  g_assert_true (moved == third);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 3), ==, 3);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 50);

  g_list_store_remove (store, 0);
  assert_change (&change, 0, 1, 0);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 2), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 4);
}

static void
test_empty_list_keeps_rows (void)
{
  g_autoptr(GListStore) store = g_list_store_new (DESK_TYPE_TICKET);
  g_autoptr(DeskTicketRows) rows = NULL;
  g_autoptr(DeskTicketRow) first = NULL;
  g_autoptr(DeskTicketRow) again = NULL;
  Change change = { 0 };

  rows = rows_over (store, 1, 6, &change);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);

  /* Nothing found: the rows stay, showing what they showed. */
  replace (store, 0, 0);
  g_assert_cmpuint (change.count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 6);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 1);

  /* Still nothing: nothing happens. */
  replace (store, 0, 0);
  g_assert_cmpuint (change.count, ==, 0);

  /* The next list, shorter: the same rows show it, and the rows past its
   * end go. */
  replace (store, 301, 4);
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again == first);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 301);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 3), ==, 304);
  g_assert_cmpuint (change.count, ==, 1);
  assert_change (&change, 4, 2, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 4);

  /* Emptied and then a longer list: the rows gain the difference. */
  replace (store, 0, 0);
  replace (store, 401, 9);
  g_assert_cmpuint (change.count, ==, 2);
  assert_change (&change, 4, 0, 5);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 8), ==, 409);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 401);

  /* One ticket coming into an empty queue is its next list too. */
  replace (store, 0, 0);
  {
    g_autoptr(DeskTicket) arrived = ticket (777);

    g_list_store_append (store, arrived);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 1);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 777);
  assert_change (&change, 1, 8, 0);
}

/* A limit (a window's height of rows for a frame) shows the first rows
 * of a new list, in the same row objects, and lifting it adds the rest. */
static void
test_limit (void)
{
  g_autoptr(GListStore) store = g_list_store_new (DESK_TYPE_TICKET);
  g_autoptr(DeskTicketRows) rows = NULL;
  g_autoptr(DeskTicketRow) first = NULL;
  g_autoptr(DeskTicketRow) again = NULL;
  Change change = { 0 };

  rows = rows_over (store, 1, 1, &change);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);

  /* A list of one grows to ten under a limit of three. */
  desk_ticket_rows_set_limit (rows, 3);
  g_assert_cmpuint (change.count, ==, 0);
  replace (store, 11, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 3);
  g_assert_cmpuint (change.count, ==, 1);
  assert_change (&change, 1, 0, 2);
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again == first);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 0), ==, 11);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 2), ==, 13);

  /* Lifted: the rest come. */
  desk_ticket_rows_set_limit (rows, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 10);
  assert_change (&change, 3, 0, 7);
  g_assert_cmpint (id_at (G_LIST_MODEL (rows), 9), ==, 20);

  /* A lower limit takes away only the rows past it. */
  desk_ticket_rows_set_limit (rows, 4);
  assert_change (&change, 4, 6, 0);
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again == first);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/ticket-rows/new-list-keeps-rows", test_new_list_keeps_rows);
  g_test_add_func ("/desk/ticket-rows/insert-and-remove-move-rows", test_insert_and_remove_move_rows);
  g_test_add_func ("/desk/ticket-rows/empty-list-keeps-rows", test_empty_list_keeps_rows);
  g_test_add_func ("/desk/ticket-rows/limit", test_limit);

  return g_test_run ();
}
