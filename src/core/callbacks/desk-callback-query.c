/* desk-callback-query.c
 *
 * The callbacks' lists and counts: a period's calls (the agenda, the
 * command line, iCalendar export), the Overdue list, the pages and counts
 * of a range that the agenda's lazy lists read, the month grid's day
 * counts and the month's figures for the report.  Its own file because
 * these are the reads of many calls at once, each shaped to an index, and
 * change for other reasons (a new list, a slow page) than writing one
 * call does (desk-callback-store.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-callback-store.h"
#include "desk-callback-store-private.h"
#include "desk-database-private.h"

static GPtrArray *
collect (DeskDatabase  *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_callback_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, _desk_callback_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not list the callbacks"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
desk_callback_store_list (DeskDatabase  *db,
                          gint64         from,
                          gint64         to,
                          const char    *assignee,
                          guint          limit,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 DESK_CALLBACK_SELECT
                                 " WHERE b.planned_at >= ?1 AND b.planned_at < ?2"
                                 " AND (?3 IS NULL OR s.name = ?3 OR s.code = ?3)"
                                 " ORDER BY b.planned_at, b.id LIMIT ?4",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  _desk_bind_text_or_null (stmt, 3, assignee);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64)limit : -1);

  return collect (db, stmt, error);
}

GPtrArray *
desk_callback_store_list_overdue (DeskDatabase  *db,
                                  gint64         now,
                                  guint          limit,
                                  GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 DESK_CALLBACK_SELECT
                                 " WHERE b.state IN ('planned', 'missed') AND b.planned_at < ?1"
                                 " ORDER BY b.planned_at, b.id LIMIT ?2",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);

  return collect (db, stmt, error);
}

/* A person's calls, and those anyone may make (see DeskCallbackRange). */
#define MINE " AND (?6 = 0 OR assignee_id = ?6 OR assignee_id IS NULL)"

/* The planned and missed calls by state then time (callbacks_by_state), or
 * every call by time (callbacks_by_time, which ends in the id): either
 * way an index gives the order, and a page is read from it. */
static void
bind_range (sqlite3_stmt            *stmt,
            const DeskCallbackRange *range)
{
  sqlite3_bind_int64 (stmt, 1, range->from);
  sqlite3_bind_int64 (stmt, 2, range->to);
  sqlite3_bind_int (stmt, 3, range->open_only ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, range->assignee_id);
}

gint64
desk_callback_store_count_range (DeskDatabase             *db,
                                 const DeskCallbackRange  *range,
                                 GError                  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (DESK_IS_DATABASE (db), -1);
  g_return_val_if_fail (range != NULL, -1);

  /* Two statements rather than one with ORs: each reads its own index. */
  stmt = _desk_database_prepare (db, range->open_only
                                     ? "SELECT count(*) FROM callbacks"
                                       " WHERE state IN ('planned', 'missed') AND planned_at < ?2"
                                       " AND ?1 = ?1 AND ?3 = ?3" MINE
                                     : "SELECT count(*) FROM callbacks"
                                       " WHERE planned_at >= ?1 AND planned_at < ?2 AND ?3 = ?3" MINE,
                                 error);
  if (stmt == NULL)
    return -1;
  bind_range (stmt, range);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not count the callbacks"));
  sqlite3_reset (stmt);
  return n;
}

GPtrArray *
desk_callback_store_list_range (DeskDatabase             *db,
                                const DeskCallbackRange  *range,
                                guint                     offset,
                                guint                     limit,
                                GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (range != NULL, NULL);

  stmt = _desk_database_prepare (db, range->open_only
                                     /* The page's ids from the open calls' own index, in its
                                      * order (an offset deep in the list steps over index
                                      * entries, not joined rows), then their rows. */
                                     ? DESK_CALLBACK_SELECT
                                       " WHERE b.id IN (SELECT id FROM callbacks INDEXED BY callbacks_open_by_time"
                                       "   WHERE state IN ('planned', 'missed') AND planned_at < ?2"
                                       "   AND ?1 = ?1 AND ?3 = ?3" MINE
                                       "   ORDER BY planned_at, id LIMIT ?4 OFFSET ?5)"
                                       " ORDER BY b.planned_at, b.id"
                                     : DESK_CALLBACK_SELECT
                                       " WHERE b.planned_at >= ?1 AND b.planned_at < ?2 AND ?3 = ?3"
                                       " AND (?6 = 0 OR b.assignee_id = ?6 OR b.assignee_id IS NULL)"
                                       " ORDER BY b.planned_at, b.id LIMIT ?4 OFFSET ?5",
                                 error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, range);
  sqlite3_bind_int64 (stmt, 4, limit);
  sqlite3_bind_int64 (stmt, 5, offset);

  return collect (db, stmt, error);
}

GArray *
desk_callback_store_day_counts (DeskDatabase  *db,
                                const char    *first,
                                const char    *last,
                                GError       **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (DeskCallbackDayCount));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  /* One count per day and state, read off the index (plan_day, state) in
   * its order; summing expressions over the month's rows instead took
   * twice as long on a month of 200,000 calls. */
  stmt = _desk_database_prepare (db,
                                 "SELECT plan_day, state, count(*) FROM callbacks"
                                 " WHERE plan_day BETWEEN ?1 AND ?2"
                                 " GROUP BY plan_day, state ORDER BY plan_day, state",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *)sqlite3_column_text (stmt, 0);
      const char *state = (const char *)sqlite3_column_text (stmt, 1);
      int n = sqlite3_column_int (stmt, 2);
      DeskCallbackDayCount *c;

      if (counts->len == 0 || strcmp (g_array_index (counts, DeskCallbackDayCount, counts->len - 1).day, day) != 0)
        {
          DeskCallbackDayCount fresh = { 0 };

          g_strlcpy (fresh.day, day, sizeof fresh.day);
          g_array_append_val (counts, fresh);
        }
      c = &g_array_index (counts, DeskCallbackDayCount, counts->len - 1);
      if (strcmp (state, "planned") == 0)
        c->due += n;
      else if (strcmp (state, "missed") == 0)
        c->missed += n;
      else if (strcmp (state, "reached") == 0 || strcmp (state, "not-reached") == 0 ||
               strcmp (state, "rescheduled") == 0)
        c->done += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not count the callbacks"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}

static void
figures_free (DeskCallbackFigures *f)
{
  g_free (f->assignee_name);
  g_free (f);
}

static DeskCallbackFigures *
figures_for (GPtrArray *rows,
             gint64     assignee_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      DeskCallbackFigures *f = rows->pdata[i];
      if (f->assignee_id == assignee_id)
        return f;
    }
  return NULL;
}

GPtrArray *
desk_callback_store_month_figures (DeskDatabase  *db,
                                   int            year,
                                   int            month,
                                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)figures_free);
  DeskCallbackFigures *total;
  char first[11], next[11];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  g_snprintf (first, sizeof first, "%04d-%02d-01", year, month);
  g_snprintf (next, sizeof next, "%04d-%02d-01", month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);

  stmt = _desk_database_prepare (db,
                                 "SELECT coalesce(b.assignee_id, 0), s.name,"
                                 " sum(b.state <> 'cancelled'),"
                                 " sum(b.state IN ('reached', 'not-reached', 'rescheduled')),"
                                 " sum(b.state = 'reached'), sum(b.state = 'missed')"
                                 " FROM callbacks b LEFT JOIN staff s ON s.id = b.assignee_id"
                                 " WHERE b.plan_day >= ?1 AND b.plan_day < ?2"
                                 " GROUP BY 1 ORDER BY s.code",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, next, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskCallbackFigures *f = g_new0 (DeskCallbackFigures, 1);

      f->assignee_id = sqlite3_column_int64 (stmt, 0);
      f->assignee_name = _desk_column_dup (stmt, 1);
      f->planned = sqlite3_column_int (stmt, 2);
      f->made = sqlite3_column_int (stmt, 3);
      f->reached = sqlite3_column_int (stmt, 4);
      f->missed = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (rows, f);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not count the month’s callbacks"));
      return NULL;
    }

  stmt = _desk_database_prepare (db,
                                 "SELECT coalesce(b.assignee_id, 0), a.rating, count(*)"
                                 " FROM callbacks b JOIN callback_answers a ON a.callback_id = b.id"
                                 " WHERE b.plan_day >= ?1 AND b.plan_day < ?2 AND a.rating IS NOT NULL"
                                 " GROUP BY 1, 2",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, next, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskCallbackFigures *f = figures_for (rows, sqlite3_column_int64 (stmt, 0));
      DeskRating rating = _desk_rating_from_nick ((const char *)sqlite3_column_text (stmt, 1));
      guint n = sqlite3_column_int (stmt, 2);

      if (f == NULL)
        continue;
      if (rating == DESK_RATING_SATISFIED)
        f->satisfied += n;
      else if (rating == DESK_RATING_AVERAGE)
        f->average += n;
      else if (rating == DESK_RATING_UNSATISFIED)
        f->unsatisfied += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not count the month’s answers"));
      return NULL;
    }

  total = g_new0 (DeskCallbackFigures, 1);
  total->assignee_id = -1;
  for (guint i = 0; i < rows->len; i++)
    {
      DeskCallbackFigures *f = rows->pdata[i];

      total->planned += f->planned;
      total->made += f->made;
      total->reached += f->reached;
      total->missed += f->missed;
      total->satisfied += f->satisfied;
      total->average += f->average;
      total->unsatisfied += f->unsatisfied;
    }
  g_ptr_array_add (rows, total);

  return g_steal_pointer (&rows);
}
