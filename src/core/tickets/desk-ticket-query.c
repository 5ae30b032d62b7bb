/* desk-ticket-query.c
 *
 * The ticket queues, sorting and search as SQL: a DeskTicketQuery made into
 * count, page (keyset or offset) and position queries on the tickets
 * table's indexes, ticket_counts and ticket_fts, and into literal SQL for
 * the benchmark and EXPLAIN.  Single tickets are desk-ticket-store.c's.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-query"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-field-rules.h"
#include "desk-search-text.h"
#include "desk-ticket-private.h"
#include "desk-ticket-query.h"

/* Queues, sorting and search are SQL on indexes: a list view over a million
 * tickets never loads more than the rows on screen.  The SQL text depends
 * only on the query's shape, so the database's statement cache keeps one
 * prepared statement per shape. */

#define DUE_SOON_SECONDS (24 * 3600)

typedef struct
{
  const char *column;
  gboolean    nullable;
  gboolean    text;
} SortColumn;

static const SortColumn sort_columns[DESK_N_SORTS] = {
  [DESK_SORT_NUMBER]     = { "t.number",        FALSE, TRUE },
  [DESK_SORT_STATUS]     = { "t.status",        FALSE, FALSE },
  [DESK_SORT_SEVERITY]   = { "t.severity",      FALSE, FALSE },
  [DESK_SORT_KIND]       = { "t.kind",          FALSE, FALSE },
  [DESK_SORT_CUSTOMER]   = { "t.customer_name", FALSE, TRUE },
  [DESK_SORT_CATEGORY]   = { "t.category_id",   FALSE, FALSE },
  [DESK_SORT_DEPARTMENT] = { "t.department_id", TRUE,  FALSE },
  [DESK_SORT_OWNER]      = { "t.owner_id",      TRUE,  FALSE },
  [DESK_SORT_DEADLINE]   = { "t.next_deadline", TRUE,  FALSE },
  [DESK_SORT_RECEIVED]   = { "t.received_at",   FALSE, FALSE },
  [DESK_SORT_REPEAT]     = { "t.repeat_count",  FALSE, FALSE },
};

void
desk_ticket_key_clear (DeskTicketKey *key)
{
  g_clear_pointer (&key->text_value, g_free);
  memset (key, 0, sizeof *key);
}

void
desk_ticket_key_from_ticket (DeskTicketKey  *key,
                             DeskTicketSort  sort,
                             DeskTicket     *ticket)
{
  const DeskTicketData *d = desk_ticket_get_data (ticket);

  desk_ticket_key_clear (key);
  key->valid = TRUE;
  key->id = d->id;

  switch (sort)
    {
    case DESK_SORT_NUMBER:
      key->text_value = g_strdup (d->number);
      break;
    case DESK_SORT_CUSTOMER:
      key->text_value = g_strdup (d->customer_name);
      break;
    case DESK_SORT_STATUS:
      key->int_value = d->status;
      break;
    case DESK_SORT_SEVERITY:
      key->int_value = d->severity;
      break;
    case DESK_SORT_KIND:
      key->int_value = d->kind;
      break;
    case DESK_SORT_CATEGORY:
      key->int_value = d->category_id;
      break;
    case DESK_SORT_DEPARTMENT:
      key->int_value = d->department_id;
      key->is_null = d->department_id == 0;
      break;
    case DESK_SORT_OWNER:
      key->int_value = d->owner_id;
      key->is_null = d->owner_id == 0;
      break;
    case DESK_SORT_DEADLINE:
      key->int_value = d->next_deadline;
      key->is_null = d->next_deadline == 0;
      break;
    case DESK_SORT_RECEIVED:
      key->int_value = d->received_at;
      break;
    case DESK_SORT_REPEAT:
      key->int_value = d->repeat_count;
      break;
    default:
      g_return_if_reached ();
    }
}

/* Named parameters: :arg the queue's argument, :now, :match the search,
 * :kv and :kid the key, :limit, :offset.  A statement binds those it has. */
/* Below this many matches a page is found through the filter's index and
 * sorted; above it, by walking the sort order's index and testing rows
 * until a page is full (SQLite would otherwise sort every match). */
#define SMALL_QUEUE 20000

static const char * const queue_indexes[] = {
  [DESK_QUEUE_ALL] = NULL,
  [DESK_QUEUE_OPEN] = "tickets_open",
  [DESK_QUEUE_MINE] = "tickets_open_by_owner",
  [DESK_QUEUE_UNASSIGNED] = "tickets_open_by_owner",
  [DESK_QUEUE_DUE_SOON] = "tickets_open_by_deadline",
  [DESK_QUEUE_OVERDUE] = "tickets_open_by_deadline",
  [DESK_QUEUE_MAJOR] = "tickets_major",
  [DESK_QUEUE_WAITING_CALLBACK] = "tickets_waiting_callback",
  [DESK_QUEUE_DEPARTMENT] = "tickets_open_by_department",
  [DESK_QUEUE_CLOSED] = "tickets_by_status",
};

/* @walk: write the filter so that no term can choose an index (a unary
 * "+"), except the open-status term when sorting by deadline, whose
 * partial index of open tickets also gives the order. */
static void
append_filter (GString               *sql,
               const DeskTicketQuery *query,
               gboolean               searching,
               gboolean               walk)
{
  const char *p = walk ? "+" : "";
  /* Open tickets: statuses below closed (7).  Walking the status order,
   * written as a range that the walk starts from; a walk descending from
   * "closed" would first step over every closed ticket. */
  const char *open = walk && query->sort == DESK_SORT_STATUS ? "t.status < 7"
                     : walk && query->sort != DESK_SORT_DEADLINE ? "+t.status <> 7"
                     : "t.status <> 7";

  switch (query->queue)
    {
    case DESK_QUEUE_ALL:
      g_string_append (sql, " WHERE 1");
      break;
    case DESK_QUEUE_OPEN:
      g_string_append_printf (sql, " WHERE %s", open);
      break;
    case DESK_QUEUE_MINE:
      g_string_append_printf (sql, " WHERE %st.owner_id = :arg AND %s", p, open);
      break;
    case DESK_QUEUE_UNASSIGNED:
      g_string_append_printf (sql, " WHERE %st.owner_id IS NULL AND %s", p, open);
      break;
    case DESK_QUEUE_DUE_SOON:
      g_string_append_printf (sql, " WHERE %s AND %st.next_deadline >= :now"
                                   " AND %st.next_deadline < :now + %d", open, p, p, DUE_SOON_SECONDS);
      break;
    case DESK_QUEUE_OVERDUE:
      g_string_append_printf (sql, " WHERE %s AND %st.next_deadline < :now", open, p);
      break;
    case DESK_QUEUE_MAJOR:
      g_string_append_printf (sql, " WHERE %st.major AND %s", p, open);
      break;
    case DESK_QUEUE_WAITING_CALLBACK:
      /* Open complaints the desk calls back every day, unless the customer
       * said no (DOMAIN.md, callbacks); migration 3 copies that onto the
       * tickets. */
      g_string_append_printf (sql, " WHERE %st.kind = 0 AND %s AND %st.no_callbacks = 0", p, open, p);
      break;
    case DESK_QUEUE_DEPARTMENT:
      g_string_append_printf (sql, " WHERE %st.department_id = :arg AND %s", p, open);
      break;
    case DESK_QUEUE_CLOSED:
      g_string_append_printf (sql, " WHERE %st.status = 7", p);
      break;
    default:
      g_return_if_reached ();
    }

  if (searching)
    g_string_append_printf (sql, " AND %st.id IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :match)", p);
}

static void
append_keyset (GString               *sql,
               const DeskTicketQuery *query,
               const DeskTicketKey   *after)
{
  const SortColumn *c = &sort_columns[query->sort];

  /* SQLite sorts NULL first ascending and last descending. */
  if (!query->descending)
    {
      if (after->is_null)
        g_string_append_printf (sql, " AND ((%s IS NULL AND t.id > :kid) OR %s IS NOT NULL)",
                                c->column, c->column);
      else
        g_string_append_printf (sql, " AND (%s, t.id) > (:kv, :kid)", c->column);
    }
  else
    {
      if (after->is_null)
        g_string_append_printf (sql, " AND %s IS NULL AND t.id < :kid", c->column);
      else if (c->nullable)
        g_string_append_printf (sql, " AND ((%s, t.id) < (:kv, :kid) OR %s IS NULL)",
                                c->column, c->column);
      else
        g_string_append_printf (sql, " AND (%s, t.id) < (:kv, :kid)", c->column);
    }
}

static void
append_order (GString               *sql,
              const DeskTicketQuery *query)
{
  const char *dir = query->descending ? "DESC" : "ASC";

  g_string_append_printf (sql, " ORDER BY %s %s, t.id %s", sort_columns[query->sort].column, dir, dir);
}

static int
param (sqlite3_stmt *stmt,
       const char   *name)
{
  return sqlite3_bind_parameter_index (stmt, name);
}

static void
bind_common (sqlite3_stmt           *stmt,
             const DeskTicketQuery  *query,
             const char             *match)
{
  sqlite3_bind_int64 (stmt, param (stmt, ":arg"), query->queue_arg);
  sqlite3_bind_int64 (stmt, param (stmt, ":now"),
                      query->now > 0 ? query->now : g_get_real_time () / G_USEC_PER_SEC);
  if (match != NULL)
    sqlite3_bind_text (stmt, param (stmt, ":match"), match, -1, SQLITE_TRANSIENT);
}

static void
bind_key (sqlite3_stmt        *stmt,
          DeskTicketSort       sort,
          const DeskTicketKey *key)
{
  int kv = param (stmt, ":kv");

  if (key->is_null)
    sqlite3_bind_null (stmt, kv);
  else if (sort_columns[sort].text)
    sqlite3_bind_text (stmt, kv, key->text_value ? key->text_value : "", -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, kv, key->int_value);
  sqlite3_bind_int64 (stmt, param (stmt, ":kid"), key->id);
}

static GString *
build_count_sql (const DeskTicketQuery *query,
                 const char            *match)
{
  GString *sql = g_string_new (NULL);

  /* A search across everything counts the index alone. */
  if (match != NULL && query->queue == DESK_QUEUE_ALL)
    g_string_append (sql, "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH :match");
  /* Whole statuses are counted by triggers (migration 3). */
  else if (match == NULL && query->queue == DESK_QUEUE_ALL)
    g_string_append (sql, "SELECT coalesce(sum(n), 0) FROM ticket_counts");
  else if (match == NULL && query->queue == DESK_QUEUE_OPEN)
    g_string_append (sql, "SELECT coalesce(sum(n), 0) FROM ticket_counts WHERE status <> 7");
  else if (match == NULL && query->queue == DESK_QUEUE_CLOSED)
    g_string_append (sql, "SELECT coalesce(sum(n), 0) FROM ticket_counts WHERE status = 7");
  else
    {
      g_string_append (sql, "SELECT count(*) FROM tickets t");
      /* A queue's own partial index holds just its tickets; without
       * statistics SQLite would rather walk a covering index of all. */
      if (match == NULL && queue_indexes[query->queue] != NULL)
        g_string_append_printf (sql, " INDEXED BY %s", queue_indexes[query->queue]);
      append_filter (sql, query, match != NULL, FALSE);
    }

  return sql;
}

/* The page's ids come from the tickets table alone, on its indexes (an
 * OFFSET then skips index entries, not joined rows); the columns and
 * joins are added for those 100 rows only. */
static GString *
build_page_sql (const DeskTicketQuery *query,
                const char            *match,
                const DeskTicketKey   *after)
{
  GString *sql = g_string_new ("SELECT " DESK_TICKET_COLUMNS " FROM (SELECT t.id FROM tickets t");
  gboolean walk = query->count_hint == 0 || query->count_hint > SMALL_QUEUE;

  /* A small queue: its own partial index, named, because SQLite's guess
   * without statistics is to walk the sort order instead. */
  if (!walk && match == NULL && queue_indexes[query->queue] != NULL)
    g_string_append_printf (sql, " INDEXED BY %s", queue_indexes[query->queue]);

  append_filter (sql, query, match != NULL, walk);
  if (after != NULL && after->valid)
    append_keyset (sql, query, after);
  append_order (sql, query);
  g_string_append (sql, " LIMIT :limit OFFSET :offset) p JOIN tickets t ON t.id = p.id" DESK_TICKET_JOINS);
  append_order (sql, query);

  return sql;
}

/* What a search box or `search` may be asked: text of a sensible length
 * (a pasted page is no query), valid UTF-8. */
static gboolean
check_search (const DeskTicketQuery  *query,
              GError                **error)
{
  return desk_field_check_text (query->search, _("Search"), DESK_FIELD_QUERY_MAX,
                                DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT, error);
}

gint64
desk_ticket_query_count (DeskDatabase           *db,
                         const DeskTicketQuery  *query,
                         GError                **error)
{
  g_autofree char *match = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (DESK_IS_DATABASE (db), -1);
  g_return_val_if_fail (query != NULL, -1);

  if (!check_search (query, error))
    return -1;
  match = desk_search_text_build_match (query->search);
  sql = build_count_sql (query, match);

  stmt = _desk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_common (stmt, query, match);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not count the tickets"));
  sqlite3_reset (stmt);

  return count;
}

GPtrArray *
desk_ticket_query_page (DeskDatabase           *db,
                        const DeskTicketQuery  *query,
                        const DeskTicketKey    *after,
                        guint                   offset,
                        guint                   limit,
                        GError                **error)
{
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  g_autoptr(GString) sql = NULL;
  gboolean keyset = after != NULL && after->valid;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail ((guint)query->sort < DESK_N_SORTS, NULL);

  if (!check_search (query, error))
    return NULL;
  match = desk_search_text_build_match (query->search);
  sql = build_page_sql (query, match, after);

  stmt = _desk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_common (stmt, query, match);

  if (keyset)
    bind_key (stmt, query->sort, after);
  sqlite3_bind_int (stmt, param (stmt, ":limit"), limit);
  sqlite3_bind_int (stmt, param (stmt, ":offset"), keyset ? 0 : offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tickets, _desk_ticket_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return NULL;
    }

  return g_steal_pointer (&tickets);
}

gint64
desk_ticket_query_position (DeskDatabase           *db,
                            const DeskTicketQuery  *query,
                            gint64                  id,
                            GError                **error)
{
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(DeskTicketKey) key = { 0 };
  DeskTicketQuery reversed;
  sqlite3_stmt *stmt;
  gint64 position = -1;

  g_return_val_if_fail (DESK_IS_DATABASE (db), -1);

  /* Is it in the query at all? */
  if (!check_search (query, error))
    return -1;
  match = desk_search_text_build_match (query->search);
  g_string_append (sql, DESK_TICKET_SELECT);
  append_filter (sql, query, match != NULL, FALSE);
  g_string_append (sql, " AND t.id = :id");

  stmt = _desk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_common (stmt, query, match);
  sqlite3_bind_int64 (stmt, param (stmt, ":id"), id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ticket = _desk_ticket_from_row (stmt);
  sqlite3_reset (stmt);

  if (ticket == NULL)
    return -1;

  /* Count the rows before it: the rows "after" it in the reversed order. */
  desk_ticket_key_from_ticket (&key, query->sort, ticket);
  reversed = *query;
  reversed.descending = !query->descending;

  g_string_assign (sql, "SELECT count(*) FROM tickets t");
  append_filter (sql, query, match != NULL, FALSE);
  append_keyset (sql, &reversed, &key);

  stmt = _desk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_common (stmt, query, match);
  bind_key (stmt, query->sort, &key);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not find the ticket in the list"));
  sqlite3_reset (stmt);

  return position;
}

static void
replace_param (GString    *sql,
               const char *name,
               const char *literal)
{
  gsize len = strlen (name);
  char *at;

  while ((at = strstr (sql->str, name)) != NULL)
    {
      gsize pos = at - sql->str;

      g_string_erase (sql, pos, len);
      g_string_insert (sql, pos, literal);
    }
}

char *
desk_ticket_query_to_sql (const DeskTicketQuery *query,
                          gboolean               count,
                          const DeskTicketKey   *after,
                          guint                  offset,
                          guint                  limit)
{
  g_autofree char *match = desk_search_text_build_match (query->search);
  g_autoptr(GString) sql = count ? build_count_sql (query, match) : build_page_sql (query, match, after);
  g_autofree char *arg = g_strdup_printf ("%" G_GINT64_FORMAT, query->queue_arg);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          query->now > 0 ? query->now : g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *lim = g_strdup_printf ("%u", limit);
  g_autofree char *off = g_strdup_printf ("%u", after && after->valid ? 0 : offset);
  char *quoted;

  if (match != NULL)
    {
      quoted = sqlite3_mprintf ("%Q", match);
      replace_param (sql, ":match", quoted);
      sqlite3_free (quoted);
    }

  if (after != NULL && after->valid)
    {
      g_autofree char *kid = g_strdup_printf ("%" G_GINT64_FORMAT, after->id);

      if (after->is_null)
        replace_param (sql, ":kv", "NULL");
      else if (sort_columns[query->sort].text)
        {
          quoted = sqlite3_mprintf ("%Q", after->text_value ? after->text_value : "");
          replace_param (sql, ":kv", quoted);
          sqlite3_free (quoted);
        }
      else
        {
          g_autofree char *kv = g_strdup_printf ("%" G_GINT64_FORMAT, after->int_value);
          replace_param (sql, ":kv", kv);
        }
      replace_param (sql, ":kid", kid);
    }

  replace_param (sql, ":arg", arg);
  replace_param (sql, ":now", now);
  replace_param (sql, ":limit", lim);
  replace_param (sql, ":offset", off);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}
