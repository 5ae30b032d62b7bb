/* desk-deadline-store.c
 *
 * A ticket's deadlines from the database: the cached policy revisions, a
 * ticket's facts (tickets, categories, customers, assets), evaluating and
 * storing tickets.next_deadline and next_check for one ticket or every open
 * one in parts, the scan the alerts run, and recording a period's tickets
 * in the ledger.  The rules are judged in desk-policy.c; the report's pass
 * over a period's tickets is desk-deadline-received.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-deadline-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-bulk-parts.h"
#include "desk-calendar-store.h"
#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-deadlines-private.h"
#include "desk-ledger-store.h"
#include "desk-policy-store.h"

#define WARN_PERCENT DESK_DEADLINE_WARN_PERCENT


/* Revisions never change once saved, so each is read once per open
 * database and kept for as long as it is open. */
static GHashTable *
policy_cache (DeskDatabase *db)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (db), DESK_POLICY_CACHE_KEY);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)desk_policy_free);
      g_object_set_data_full (G_OBJECT (db), DESK_POLICY_CACHE_KEY, cache,
                              (GDestroyNotify)g_hash_table_unref);
    }

  return cache;
}

const DeskPolicy *
desk_deadline_store_get_policy_revision (DeskDatabase  *db,
                                         int            revision,
                                         GError       **error)
{
  GHashTable *cache;
  DeskPolicy *policy;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  cache = policy_cache (db);
  policy = g_hash_table_lookup (cache, GINT_TO_POINTER (revision));
  if (policy == NULL)
    {
      policy = desk_policy_store_load (db, revision, error);
      if (policy == NULL)
        return NULL;

      /* Rules that count on a calendar of their own (a 24-hour crew). */
      for (guint i = 0; i < policy->rules->len; i++)
        {
          DeskRule *rule = g_ptr_array_index (policy->rules, i);
          g_autoptr(GError) local_error = NULL;
          DeskWorkCalendar *calendar;

          if (rule->calendar == NULL || g_str_equal (rule->calendar, DESK_CALENDAR_OFFICE))
            continue;
          calendar = desk_calendar_store_get_cached (db, rule->calendar, &local_error);
          if (calendar != NULL)
            rule->work_calendar = desk_work_calendar_ref (calendar);
          else
            g_warning ("Rule %s counts on the office calendar: %s", rule->id, local_error->message);
        }

      g_hash_table_insert (cache, GINT_TO_POINTER (revision), policy);
    }

  return policy;
}

const DeskPolicy *
desk_deadline_store_get_policy (DeskDatabase *db)
{
  static DeskPolicy *fallback;
  g_autoptr(GError) error = NULL;
  const DeskPolicy *policy = NULL;
  int revision;

  revision = desk_policy_store_get_active_revision (db, &error);
  if (revision > 0)
    policy = desk_deadline_store_get_policy_revision (db, revision, &error);
  if (policy != NULL)
    return policy;

  /* A database we cannot read the policy from (read-only, damaged): the
   * defaults still give every ticket deadlines. */
  g_warning ("Using the default deadline policy: %s", error ? error->message : "?");
  if (g_once_init_enter (&fallback))
    g_once_init_leave (&fallback, desk_policy_new_default ());
  return fallback;
}

/* The facts of one ticket, or of every open one: one row each. */
#define FACTS_SELECT \
  "SELECT t.id, t.kind, cat.code, t.severity, t.received_at, coalesce(t.closed_at, 0)," \
  " c.no_callbacks, a.kind = 'site', a.handover_date," \
  " coalesce(t.forwarded_at, 0), coalesce(t.contacted_at, 0), coalesce(t.visit_agreed_at, 0)," \
  " coalesce(t.visited_at, 0), coalesce(t.notice_at, 0), coalesce(t.rectified_at, 0)," \
  " coalesce(t.last_callback_at, 0), coalesce(t.next_deadline, 0), t.policy_revision," \
  " t.repeat_count, t.next_check" \
  " FROM tickets t" \
  " JOIN categories cat ON cat.id = t.category_id" \
  " JOIN customers c ON c.id = t.customer_id" \
  " LEFT JOIN assets a ON a.id = t.asset_id"

/* The start of @date in the office's zone, with @memo (date text ->
 * start) for passes over many tickets whose sites were handed over on a
 * few hundred dates. */
static gint64
memo_day_start (DeskWorkCalendar *calendar,
                GHashTable       *memo,
                const char       *date)
{
  gpointer found;
  gint64 *start;

  if (memo == NULL || date == NULL)
    return desk_work_calendar_day_start (calendar, date);

  found = g_hash_table_lookup (memo, date);
  if (found != NULL)
    return *(gint64 *)found;

  start = g_new (gint64, 1);
  *start = desk_work_calendar_day_start (calendar, date);
  g_hash_table_insert (memo, g_strdup (date), start);
  return *start;
}

static GHashTable *
day_start_memo_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
facts_from_row_memo (sqlite3_stmt     *stmt,
                     DeskWorkCalendar *calendar,
                     GHashTable       *memo,
                     DeskTicketFacts  *f,
                     char            **category)
{
  memset (f, 0, sizeof *f);
  f->kind = sqlite3_column_int (stmt, 1);
  *category = _desk_column_dup (stmt, 2);
  f->category = *category;
  f->severity = sqlite3_column_int (stmt, 3);
  f->received_at = sqlite3_column_int64 (stmt, 4);
  f->closed_at = sqlite3_column_int64 (stmt, 5);
  f->no_callbacks = sqlite3_column_int (stmt, 6);
  f->is_site = sqlite3_column_int (stmt, 7);
  f->handover_at = memo_day_start (calendar, memo, (const char *)sqlite3_column_text (stmt, 8));
  f->forwarded_at = sqlite3_column_int64 (stmt, 9);
  f->contacted_at = sqlite3_column_int64 (stmt, 10);
  f->visit_agreed_at = sqlite3_column_int64 (stmt, 11);
  f->visited_at = sqlite3_column_int64 (stmt, 12);
  f->notice_issued_at = sqlite3_column_int64 (stmt, 13);
  f->rectified_at = sqlite3_column_int64 (stmt, 14);
  f->last_callback_at = sqlite3_column_int64 (stmt, 15);
  f->policy_revision = sqlite3_column_int (stmt, 17);
  f->repeat_count = sqlite3_column_int (stmt, 18);
}

static void
facts_from_row (sqlite3_stmt     *stmt,
                DeskWorkCalendar *calendar,
                DeskTicketFacts  *f,
                char            **category)
{
  facts_from_row_memo (stmt, calendar, NULL, f, category);
}

static gint64
stored_next_check (sqlite3_stmt *stmt)
{
  return sqlite3_column_type (stmt, 19) == SQLITE_NULL ? G_MAXINT64 : sqlite3_column_int64 (stmt, 19);
}

static gboolean
read_facts (DeskDatabase     *db,
            gint64            ticket_id,
            DeskTicketFacts  *facts,
            char            **category,
            gint64           *next_check,
            GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  stmt = _desk_database_prepare (db, FACTS_SELECT " WHERE t.id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      facts_from_row (stmt, desk_calendar_store_get_office_calendar (db), facts, category);
      *next_check = stored_next_check (stmt);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                 _("The ticket no longer exists"));
  else
    _desk_database_set_error (db, error, _("Could not read the ticket’s deadlines"));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

gboolean
desk_deadline_store_get_facts (DeskDatabase     *db,
                               gint64            ticket_id,
                               DeskTicketFacts  *facts,
                               char            **category,
                               GError          **error)
{
  gint64 next_check;

  return read_facts (db, ticket_id, facts, category, &next_check, error);
}

GArray *
desk_deadline_store_evaluate (DeskDatabase  *db,
                              gint64         ticket_id,
                              gint64         now,
                              GError       **error)
{
  g_autofree char *category = NULL;
  const DeskPolicy *policy;
  DeskTicketFacts facts;

  if (!desk_deadline_store_get_facts (db, ticket_id, &facts, &category, error) ||
      !(policy = desk_deadline_store_get_policy_revision (db, facts.policy_revision, error)))
    return NULL;

  return desk_policy_evaluate (policy, desk_calendar_store_get_office_calendar (db),
                               &facts, now, WARN_PERCENT);
}

/* @next_check: 0 to look at once, G_MAXINT64 for nothing ahead (NULL). */
static gboolean
store_next (DeskDatabase  *db,
            gint64         ticket_id,
            gint64         next,
            gint64         next_check,
            GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db, "UPDATE tickets SET next_deadline = ?2, next_check = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (next > 0)
    sqlite3_bind_int64 (stmt, 2, next);
  else
    sqlite3_bind_null (stmt, 2);
  if (next_check != G_MAXINT64)
    sqlite3_bind_int64 (stmt, 3, next_check);
  else
    sqlite3_bind_null (stmt, 3);

  return _desk_database_step_done (db, stmt, _("Could not save the ticket’s deadline"), error);
}

/* A change at @now: a moment the deadline check has not reached yet
 * (at or before @now) stays, since what happened then is still to be
 * noticed; otherwise the next change ahead. */
static gint64
next_check_after_change (gint64  stored,
                         GArray *deadlines,
                         gint64  now)
{
  gint64 ahead;

  if (stored <= now)
    return stored;
  ahead = desk_deadlines_next_change (deadlines);
  return ahead > 0 ? ahead : G_MAXINT64;
}

/* Evaluates one ticket's deadlines at @now and records its fines and
 * repeat counts in the ledger, after storing its next deadline and check
 * when @store_next_deadline (a refresh; recording the ledger for a past
 * period leaves them alone). */
static gboolean
evaluate_one (DeskDatabase  *db,
              gint64         ticket_id,
              gint64         now,
              gboolean       store_next_deadline,
              GError       **error)
{
  g_autofree char *category = NULL;
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  const DeskPolicy *policy;
  DeskTicketFacts facts;
  gint64 next_check;

  if (!read_facts (db, ticket_id, &facts, &category, &next_check, error) ||
      !(policy = desk_deadline_store_get_policy_revision (db, facts.policy_revision, error)))
    return FALSE;

  deadlines = desk_policy_evaluate (policy, calendar, &facts, now, WARN_PERCENT);
  occurrences = desk_policy_occurrences (policy, calendar, &facts);

  if (store_next_deadline &&
      !store_next (db, ticket_id, desk_deadlines_next_due (deadlines),
                   next_check_after_change (next_check, deadlines, now), error))
    return FALSE;

  /* Fines and repeat counts follow the ticket: recording them again on
   * the next change changes nothing but a missing department. */
  return desk_ledger_store_record_ticket (db, ticket_id, &facts, occurrences, deadlines, error);
}

gboolean
desk_deadline_store_refresh (DeskDatabase  *db,
                             gint64         ticket_id,
                             gint64         now,
                             GError       **error)
{
  return evaluate_one (db, ticket_id, now, TRUE, error);
}

/* Steps @stmt (FACTS_SELECT rows) to its end, evaluating each ticket's
 * deadlines at @now and handing them to @func, which returns FALSE to
 * stop.  Tickets of one policy revision come in long runs and sites
 * were handed over on a few hundred dates, so both are looked up on
 * change only: a pass over many tickets costs the arithmetic, not the
 * lookups.  Resets @stmt. */
typedef gboolean (*RowFunc) (sqlite3_stmt          *stmt,
                             gint64                 ticket_id,
                             const DeskTicketFacts *facts,
                             GArray                *deadlines,
                             gpointer               user_data);

static gboolean
evaluate_rows (DeskDatabase  *db,
               sqlite3_stmt  *stmt,
               gint64         now,
               RowFunc        func,
               gpointer       user_data,
               GError       **error)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  g_autoptr(GHashTable) memo = day_start_memo_new ();
  const DeskPolicy *policy = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *category = NULL;
      g_autoptr(GArray) deadlines = NULL;
      DeskTicketFacts facts;

      facts_from_row_memo (stmt, calendar, memo, &facts, &category);
      if (policy == NULL || policy->revision != facts.policy_revision)
        {
          policy = desk_deadline_store_get_policy_revision (db, facts.policy_revision, error);
          if (policy == NULL)
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
      deadlines = desk_policy_evaluate (policy, calendar, &facts, now, WARN_PERCENT);
      if (!func (stmt, sqlite3_column_int64 (stmt, 0), &facts, deadlines, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return FALSE;
    }
  return TRUE;
}

static gboolean refresh_all (DeskDatabase  *db,
                             gint64         now,
                             guint64       *n_tickets,
                             GError       **error);

gboolean
desk_deadline_store_refresh_all (DeskDatabase  *db,
                                 gint64         now,
                                 guint64       *n_tickets,
                                 GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  /* A pass over every open ticket that rewrites many of them: a page
   * cache of its own size for the while (the connection's usual 2 MB is
   * for the window's short queries; see desk-database.c). */
  _desk_database_exec (db, "PRAGMA cache_size = -65536", NULL);
  ok = refresh_all (db, now, n_tickets, error);
  _desk_database_exec (db, "PRAGMA cache_size = -2000", NULL);

  return ok;
}

/* What a refresh of all open tickets will write: only what changed. */
typedef struct
{
  gint64   now;
  guint64  n_open;
  GArray  *ids;
  GArray  *nexts;
  GArray  *checks;
  gint64   last_id;  /* the highest id read so far: where the next part starts */
} RefreshAll;

static gboolean
note_change_cb (sqlite3_stmt          *stmt,
                gint64                 ticket_id,
                const DeskTicketFacts *facts,
                GArray                *deadlines,
                gpointer               user_data)
{
  RefreshAll *r = user_data;
  gint64 next = desk_deadlines_next_due (deadlines);
  gint64 stored_check = stored_next_check (stmt);
  gint64 check = next_check_after_change (stored_check, deadlines, r->now);

  r->n_open++;
  r->last_id = ticket_id;
  if (next != sqlite3_column_int64 (stmt, 16) || check != stored_check)
    {
      g_array_append_val (r->ids, ticket_id);
      g_array_append_val (r->nexts, next);
      g_array_append_val (r->checks, check);
    }
  return TRUE;
}

/* Every open ticket, in parts of ascending ids, each read, evaluated and
 * written in a transaction of its own (so what a part writes is what it
 * read), sized by desk_bulk_parts so that the desks working meanwhile
 * save between them.  Inside a caller's transaction, in one part: a pause
 * there would only hold the lock longer. */
static gboolean
refresh_all (DeskDatabase  *db,
             gint64         now,
             guint64       *n_tickets,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) nexts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (gint64));
  RefreshAll r = { now, 0, ids, nexts, checks, 0 };
  gboolean in_parts = sqlite3_get_autocommit (_desk_database_get_handle (db));
  DeskBulkParts parts;
  guint64 n_before;
  sqlite3_stmt *stmt;

  desk_bulk_parts_init (&parts, 2000, 200, in_parts ? 100000 : G_MAXINT);

  do
    {
      g_array_set_size (ids, 0);
      g_array_set_size (nexts, 0);
      g_array_set_size (checks, 0);
      n_before = r.n_open;

      desk_bulk_parts_begin (&parts);
      if (!desk_database_begin (db, error))
        return FALSE;

      stmt = _desk_database_prepare (db, FACTS_SELECT " WHERE t.status <> 7 AND t.id > ?1"
                                         " ORDER BY t.id LIMIT ?2", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, r.last_id);
      sqlite3_bind_int64 (stmt, 2, parts.size);
      if (!evaluate_rows (db, stmt, now, note_change_cb, &r, error))
        goto failed;

      for (guint i = 0; i < ids->len; i++)
        if (!store_next (db, g_array_index (ids, gint64, i), g_array_index (nexts, gint64, i),
                         g_array_index (checks, gint64, i), error))
          goto failed;

      if (!desk_database_commit (db, error))
        return FALSE;

      if (r.n_open - n_before < parts.size)
        break;
      desk_bulk_parts_end (&parts, (guint)(r.n_open - n_before));
    }
  while (TRUE);

  if (n_tickets != NULL)
    *n_tickets = r.n_open;
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

static gboolean
store_next_check (DeskDatabase  *db,
                  gint64         ticket_id,
                  gint64         next_check,
                  GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db, "UPDATE tickets SET next_check = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (next_check > 0)
    sqlite3_bind_int64 (stmt, 2, next_check);
  else
    sqlite3_bind_null (stmt, 2);
  return _desk_database_step_done (db, stmt, _("Could not save the ticket’s deadline"), error);
}

typedef struct
{
  DeskDeadlineScanFunc  func;
  gpointer              user_data;
  GArray               *ids;
  GArray               *checks;
} Scan;

static gboolean
scan_row_cb (sqlite3_stmt          *stmt,
             gint64                 ticket_id,
             const DeskTicketFacts *facts,
             GArray                *deadlines,
             gpointer               user_data)
{
  Scan *scan = user_data;
  gint64 check = desk_deadlines_next_change (deadlines);

  g_array_append_val (scan->ids, ticket_id);
  g_array_append_val (scan->checks, check);
  return scan->func (ticket_id, facts, deadlines, scan->user_data);
}

gboolean
desk_deadline_store_scan (DeskDatabase          *db,
                          gint64                 now,
                          DeskDeadlineScanFunc   func,
                          gpointer               user_data,
                          GError               **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (gint64));
  Scan scan = { func, user_data, ids, checks };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  /* On the partial index of open tickets by next check. */
  stmt = _desk_database_prepare (db,
                                 FACTS_SELECT " WHERE t.status <> 7 AND t.next_check <= ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  if (!evaluate_rows (db, stmt, now, scan_row_cb, &scan, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!store_next_check (db, g_array_index (ids, gint64, i), g_array_index (checks, gint64, i), error))
      return FALSE;

  return TRUE;
}

gboolean
desk_deadline_store_record_ledger (DeskDatabase  *db,
                                   gint64         from,
                                   gint64         to,
                                   gint64         now,
                                   guint64       *n_tickets,
                                   GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DeskBulkParts parts;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  /* On the index by receipt; the entries themselves are written after
   * the read, by the same code a change runs. */
  stmt = _desk_database_prepare (db, "SELECT id FROM tickets WHERE received_at >= ?1 AND received_at < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return FALSE;
    }

  /* In parts, each its own transaction, so that the desks save between
   * them (recording twice changes nothing, so a part that a later change
   * already recorded is harmless); in one part inside a caller's
   * transaction. */
  desk_bulk_parts_init (&parts, 500, 50,
                        sqlite3_get_autocommit (_desk_database_get_handle (db)) ? 20000 : G_MAXINT);
  for (guint done = 0; done < ids->len; )
    {
      guint n = MIN (ids->len - done, parts.size);

      desk_bulk_parts_begin (&parts);
      if (!desk_database_begin (db, error))
        return FALSE;
      for (guint i = done; i < done + n; i++)
        if (!evaluate_one (db, g_array_index (ids, gint64, i), now, FALSE, error))
          {
            desk_database_rollback (db);
            return FALSE;
          }
      if (!desk_database_commit (db, error))
        return FALSE;
      done += n;
      if (done < ids->len)
        desk_bulk_parts_end (&parts, n);
    }

  if (n_tickets != NULL)
    *n_tickets = ids->len;
  return TRUE;
}
