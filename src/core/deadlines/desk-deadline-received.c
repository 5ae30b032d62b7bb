/* desk-deadline-received.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The deadlines of every ticket received in a span of time, for the
 * monthly report: 455,000 tickets for two busy months of a 1 M-ticket
 * office.  Two things make it fast enough to be asked for in a second:
 *
 * - Every fact the deadline engine reads comes from one covering index
 *   (tickets_for_report, migration 8), in order of receipt; the few facts
 *   kept elsewhere (a category's code, a site's handover date) are read
 *   into memory first instead of joined row by row.
 * - Reading and judging overlap: this thread steps SQLite and hands the
 *   facts over in batches to a worker that does the working-time
 *   arithmetic.  The connection stays in this thread, inside the
 *   caller's read transaction, so the figures agree with the rest of the
 *   report.
 */

#define G_LOG_DOMAIN "desk-deadline-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-deadline-store.h"

#define BATCH_SIZE 2048

/* What a batch carries: the tickets' facts and the revision of the policy
 * each was received under (cached by the store for as long as the
 * database is open, so safe to read from the worker). */
typedef struct
{
  guint             len;
  gint64            ids[BATCH_SIZE];
  DeskTicketFacts   facts[BATCH_SIZE];
  const DeskPolicy *policies[BATCH_SIZE];
} Batch;

typedef struct
{
  DeskWorkCalendar     *calendar;
  gint64                now;
  DeskDeadlineScanFunc  func;
  gpointer              user_data;
  GAsyncQueue          *full;     /* Batch *, an empty one to end */
  GAsyncQueue          *empty;    /* Batch *, to be filled again */
  gint                  stopped;  /* atomic: @func asked to stop */
} Pass;

static gpointer
judge_batches (gpointer data)
{
  Pass *pass = data;
  Batch *batch;

  while ((batch = g_async_queue_pop (pass->full))->len > 0)
    {
      for (guint i = 0; i < batch->len && !g_atomic_int_get (&pass->stopped); i++)
        {
          g_autoptr(GArray) deadlines = desk_policy_evaluate (batch->policies[i], pass->calendar,
                                                              &batch->facts[i], pass->now,
                                                              DESK_DEADLINE_WARN_PERCENT);

          if (!pass->func (batch->ids[i], &batch->facts[i], deadlines, pass->user_data))
            g_atomic_int_set (&pass->stopped, TRUE);
        }
      g_async_queue_push (pass->empty, batch);
    }
  g_free (batch);

  return NULL;
}

/* The sites, indexed by asset id (rowids are dense): the start of the day
 * each was handed over, 0 for one under construction, -1 for an asset
 * that is no site. */
static GArray *
read_sites (DeskDatabase      *db,
            DeskWorkCalendar  *calendar,
            GError           **error)
{
  g_autoptr(GHashTable) starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_database_prepare (db, "SELECT id, handover_date FROM assets WHERE kind = 'site'", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *date = (const char *)sqlite3_column_text (stmt, 1);
      gint64 *start = NULL;

      if (id < 0 || id > G_MAXUINT32)
        continue;
      if (sites->len <= (guint64)id)
        {
          guint from = sites->len;

          g_array_set_size (sites, MAX (id + 1, 2 * from));
          for (guint i = from; i < sites->len; i++)
            g_array_index (sites, gint64, i) = -1;
        }

      /* Sites are handed over on a few hundred dates. */
      if (date != NULL && !(start = g_hash_table_lookup (starts, date)))
        {
          start = g_new (gint64, 1);
          *start = desk_work_calendar_day_start (calendar, date);
          g_hash_table_insert (starts, g_strdup (date), start);
        }
      g_array_index (sites, gint64, id) = start ? *start : 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return NULL;
    }
  return g_steal_pointer (&sites);
}

/* The categories' codes, indexed by id. */
static GPtrArray *
read_categories (DeskDatabase  *db,
                 GError       **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_database_prepare (db, "SELECT id, code FROM categories", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id < 0 || id > G_MAXUINT16)
        continue;
      if (codes->len <= id)
        g_ptr_array_set_size (codes, id + 1);
      g_ptr_array_index (codes, id) = _desk_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return NULL;
    }
  return g_steal_pointer (&codes);
}

static void
facts_from_row (sqlite3_stmt    *stmt,
                GArray          *sites,
                GPtrArray       *categories,
                DeskTicketFacts *f)
{
  gint64 category_id = sqlite3_column_int64 (stmt, 2);
  gint64 asset_id = sqlite3_column_int64 (stmt, 7);
  gint64 handover_at = asset_id >= 0 && (guint64)asset_id < sites->len
                       ? g_array_index (sites, gint64, asset_id) : -1;

  memset (f, 0, sizeof *f);
  f->kind = sqlite3_column_int (stmt, 1);
  f->category = category_id >= 0 && (guint64)category_id < categories->len
                ? g_ptr_array_index (categories, category_id) : NULL;
  f->severity = sqlite3_column_int (stmt, 3);
  f->received_at = sqlite3_column_int64 (stmt, 4);
  f->closed_at = sqlite3_column_int64 (stmt, 5);
  f->no_callbacks = sqlite3_column_int (stmt, 6);
  f->is_site = handover_at >= 0;
  f->handover_at = MAX (handover_at, 0);
  f->forwarded_at = sqlite3_column_int64 (stmt, 8);
  f->contacted_at = sqlite3_column_int64 (stmt, 9);
  f->visit_agreed_at = sqlite3_column_int64 (stmt, 10);
  f->visited_at = sqlite3_column_int64 (stmt, 11);
  f->notice_issued_at = sqlite3_column_int64 (stmt, 12);
  f->rectified_at = sqlite3_column_int64 (stmt, 13);
  f->last_callback_at = sqlite3_column_int64 (stmt, 14);
  f->policy_revision = sqlite3_column_int (stmt, 15);
  f->repeat_count = sqlite3_column_int (stmt, 16);
}

/* Steps @stmt, handing full batches to the worker; FALSE on an error. */
static gboolean
read_batches (DeskDatabase  *db,
              sqlite3_stmt  *stmt,
              GArray        *sites,
              GPtrArray     *categories,
              Pass          *pass,
              GError       **error)
{
  const DeskPolicy *policy = NULL;
  Batch *batch = g_async_queue_pop (pass->empty);
  int rc = SQLITE_DONE;

  while (!g_atomic_int_get (&pass->stopped) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskTicketFacts *f = &batch->facts[batch->len];

      facts_from_row (stmt, sites, categories, f);
      /* Tickets of one revision come in long runs. */
      if (policy == NULL || policy->revision != f->policy_revision)
        {
          policy = desk_deadline_store_get_policy_revision (db, f->policy_revision, error);
          if (policy == NULL)
            break;
        }
      batch->ids[batch->len] = sqlite3_column_int64 (stmt, 0);
      batch->policies[batch->len] = policy;
      if (++batch->len == BATCH_SIZE)
        {
          g_async_queue_push (pass->full, batch);
          batch = g_async_queue_pop (pass->empty);
          batch->len = 0;
        }
    }
  sqlite3_reset (stmt);

  if (batch->len > 0)
    {
      g_async_queue_push (pass->full, batch);
      batch = g_async_queue_pop (pass->empty);
    }
  /* The empty batch ends the worker's loop. */
  batch->len = 0;
  g_async_queue_push (pass->full, batch);

  if (policy == NULL && rc == SQLITE_ROW)
    return FALSE;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return FALSE;
    }
  return TRUE;
}

gboolean
desk_deadline_store_evaluate_received (DeskDatabase          *db,
                                       gint64                 from,
                                       gint64                 to,
                                       gint64                 now,
                                       DeskDeadlineScanFunc   func,
                                       gpointer               user_data,
                                       GError               **error)
{
  g_autoptr(GArray) sites = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GThread) worker = NULL;
  Pass pass = { NULL, now, func, user_data, NULL, NULL, FALSE };
  sqlite3_stmt *stmt;
  gboolean ok;
  Batch *batch;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  pass.calendar = desk_calendar_store_get_office_calendar (db);
  stmt = _desk_database_prepare (db,
                                 "SELECT id, kind, category_id, severity, received_at,"
                                 " coalesce(closed_at, 0), no_callbacks, asset_id,"
                                 " coalesce(forwarded_at, 0), coalesce(contacted_at, 0),"
                                 " coalesce(visit_agreed_at, 0), coalesce(visited_at, 0),"
                                 " coalesce(notice_at, 0), coalesce(rectified_at, 0),"
                                 " coalesce(last_callback_at, 0), policy_revision, repeat_count"
                                 " FROM tickets INDEXED BY tickets_for_report"
                                 " WHERE received_at >= ?1 AND received_at < ?2",
                                 error);
  if (stmt == NULL ||
      !(sites = read_sites (db, pass.calendar, error)) ||
      !(categories = read_categories (db, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  /* Three batches: one being read, one being judged, one between. */
  pass.full = g_async_queue_new ();
  pass.empty = g_async_queue_new ();
  for (int i = 0; i < 3; i++)
    g_async_queue_push (pass.empty, g_new0 (Batch, 1));

  worker = g_thread_new ("desk-deadlines", judge_batches, &pass);
  ok = read_batches (db, stmt, sites, categories, &pass, error);
  g_thread_join (g_steal_pointer (&worker));

  while ((batch = g_async_queue_try_pop (pass.empty)) != NULL)
    g_free (batch);
  g_async_queue_unref (pass.full);
  g_async_queue_unref (pass.empty);

  return ok;
}
