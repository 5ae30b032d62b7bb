/* desk-callback-planning.c
 *
 * The planning of the automatic calls: the rolling window of working days
 * (daily follow-ups of open complaints, satisfaction and after-repair
 * calls after closing, cancelling and marking missed), a new day planned
 * in parts so that other connections can write meanwhile, the planning
 * state that makes a run add only what changed, the watch that replans a
 * ticket when it changes, and saving the settings that tune all this
 * (which moves the calls the old delays placed and plans again).  Its own
 * file because it is the store's batch work, measured on a million
 * tickets, with reasons of its own to change; single calls are in
 * desk-callback-store.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-bulk-parts.h"
#include "desk-calendar-store.h"
#include "desk-callback-store.h"
#include "desk-callback-store-private.h"
#include "desk-database-private.h"
#include "desk-office-store.h"

/* How far back recently closed tickets are looked at for satisfaction
 * calls, beyond the configured delay: a week in which nobody opened the
 * office still gets its calls. */
#define LOOKBACK_DAYS 7
/* A whole day's follow-ups on a large office are planned at most this many
 * ticket ids at a time (fewer, sized by their time: desk-bulk-parts.h), each in a transaction of its own, with a pause after
 * each: the day's planning takes the office's write lock for some 70 ms at
 * a time instead of seconds (on a million tickets, 6.8 s for one day's
 * ~100,000 calls, during which a clerk's save waited, and after the busy
 * timeout failed). */
#define PLAN_CHUNK_IDS 10000
#define PLAN_CHUNK_PAUSE_US 20000

/* A statement's one number (0 if it fails: the callers' numbers are
 * counts and sizes, where 0 means "none"). */
static gint64
query_number (DeskDatabase *db,
              const char   *sql)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The round-robin of automatic calls among the office's clerks: clerks
 * make the calls (DOMAIN.md, People). */
static gint64
count_clerks (DeskDatabase *db)
{
  return query_number (db, "SELECT count(*) FROM staff WHERE role = 'clerk' AND active");
}

/* One day's follow-ups for every open complaint received before that day:
 * all of them (@since 0), only those changed since @since (the day was
 * planned before; new and reopened tickets are the ones that can be
 * missing), or just @ticket_id.  Even tickets in the morning window, odd
 * ones in the afternoon, spread over the window a minute apart; the
 * clerks take them in turn. */
#define FOLLOW_UPS_SQL(indexed, filter) \
  "WITH clerks AS (SELECT id, row_number () OVER (ORDER BY id) - 1 AS k" \
  "  FROM staff WHERE role = 'clerk' AND active)" \
  " INSERT OR IGNORE INTO callbacks" \
  " (ticket_id, customer_id, reason, planned_at, plan_day, assignee_id)" \
  " SELECT t.id, t.customer_id, 'daily-follow-up'," \
  "  CASE WHEN t.id % 2 = 0 THEN ?3 + ((t.id / 2) % ?4) * 60" \
  "       ELSE ?5 + ((t.id / 2) % ?6) * 60 END," \
  "  ?2, k.id" \
  " FROM tickets t " indexed " JOIN customers c ON c.id = t.customer_id" \
  " LEFT JOIN clerks k ON k.k = t.id % max (1, ?9)" \
  " WHERE t.kind = 0 AND t.status <> 7 AND t.merged_into IS NULL" \
  " AND c.no_callbacks = 0 AND t.received_at < ?1 " filter

/* @id_from, @id_to: only tickets with ids in [@id_from, @id_to) (a whole
 * day's planning in parts, see PLAN_CHUNK_IDS); @id_to 0: all. */
static gboolean
plan_follow_ups_on (DeskDatabase      *db,
                    DeskWorkCalendar  *calendar,
                    const GDate       *day,
                    gint64             ticket_id,
                    gint64             since,
                    gint64             id_from,
                    gint64             id_to,
                    gint64             n_clerks,
                    guint64           *n_planned,
                    GError           **error)
{
  gint64 starts[2] = { 0, 0 };
  int lengths[2] = { 1, 1 };
  const DeskCallWindow *windows = desk_callback_default_windows (NULL);
  char plan_day[11];
  sqlite3_stmt *stmt;

  for (guint w = 0; w < 2; w++)
    {
      gint64 start = _desk_callback_day_minute (calendar, day, windows[w].start_minute);

      if (desk_work_calendar_is_open (calendar, start))
        {
          starts[w] = start;
          lengths[w] = windows[w].end_minute - windows[w].start_minute;
        }
    }
  if (starts[0] == 0 && starts[1] == 0)
    return TRUE;
  if (starts[0] == 0)
    starts[0] = starts[1], lengths[0] = lengths[1];
  if (starts[1] == 0)
    starts[1] = starts[0], lengths[1] = lengths[0];

  _desk_callback_format_day (day, plan_day);
  if (ticket_id > 0)
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("", "AND t.id = ?7"), error);
  else if (since > 0)
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("INDEXED BY tickets_open_by_updated",
                                                       "AND t.updated_at >= ?8 AND t.updated_at < ?12"), error);
  else if (id_to > 0)
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("", "AND t.id >= ?10 AND t.id < ?11"), error);
  else
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("", ""), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, _desk_callback_day_minute (calendar, day, 0));
  sqlite3_bind_text (stmt, 2, plan_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, starts[0]);
  sqlite3_bind_int (stmt, 4, lengths[0]);
  sqlite3_bind_int64 (stmt, 5, starts[1]);
  sqlite3_bind_int (stmt, 6, lengths[1]);
  if (ticket_id > 0)
    sqlite3_bind_int64 (stmt, 7, ticket_id);
  else if (since > 0)
    {
      sqlite3_bind_int64 (stmt, 8, since);
      sqlite3_bind_int64 (stmt, 12, id_to > 0 ? id_to : G_MAXINT64);
    }
  else if (id_to > 0)
    {
      sqlite3_bind_int64 (stmt, 10, id_from);
      sqlite3_bind_int64 (stmt, 11, id_to);
    }
  sqlite3_bind_int64 (stmt, 9, n_clerks);
  if (!_desk_database_step_done (db, stmt, _("Could not plan the daily follow-up calls"), error))
    return FALSE;

  *n_planned += sqlite3_changes (_desk_database_get_handle (db));
  return TRUE;
}

typedef struct
{
  gint64 ticket_id;
  gint64 customer_id;
  gint64 closed_at;
} Closed;

/* Satisfaction calls (every kind) and after-repair follow-ups (repair
 * orders) for tickets closed since @since that do not have one since they
 * closed, @delay_days working days after closing, never before @now. */
static gboolean
plan_after_closing (DeskDatabase        *db,
                    DeskWorkCalendar    *calendar,
                    DeskCallbackReason   reason,
                    guint                delay_days,
                    gint64               since,
                    gint64               now,
                    gint64               window_end,
                    gint64               ticket_id,
                    gint64               n_clerks,
                    gboolean             in_parts,
                    guint64             *n_planned,
                    GError             **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Closed));
  DeskBulkParts parts;
  guint in_part = 0;
  g_autoptr(GArray) clerks = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  desk_bulk_parts_init (&parts, 50, 20, 20000);

#define CLOSED_SQL(indexed, filter) \
  "SELECT t.id, t.customer_id, t.closed_at" \
  " FROM tickets t " indexed " JOIN customers c ON c.id = t.customer_id" \
  " WHERE " filter " t.status = 7 AND t.closed_at >= ?1 AND t.closed_at < ?5 AND t.merged_into IS NULL" \
  " AND c.no_callbacks = 0 AND (?3 = 0 OR t.kind = 1)" \
  " AND NOT EXISTS (SELECT 1 FROM callbacks b WHERE b.ticket_id = t.id" \
  "   AND b.reason = ?2 AND b.planned_at >= t.closed_at)" \
  /* A customer who already told us how satisfied they are with this \
   * ticket (on whatever call, before it closed too) is not asked again. */ \
  " AND (?2 <> 'satisfaction' OR NOT EXISTS (SELECT 1 FROM callbacks a" \
  "   JOIN callback_answers q ON q.callback_id = a.id" \
  "   WHERE a.ticket_id = t.id AND a.state = 'reached' AND q.rating IS NOT NULL))"
  stmt = _desk_database_prepare (db, ticket_id > 0 ? CLOSED_SQL ("", "t.id = ?4 AND")
                                               : CLOSED_SQL ("INDEXED BY tickets_closed_at", ""), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_text (stmt, 2, desk_callback_reason_to_nick (reason), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, reason == DESK_CALLBACK_AFTER_REPAIR);
  sqlite3_bind_int64 (stmt, 4, ticket_id);
  /* Closed after the window's end: not due in it. */
  sqlite3_bind_int64 (stmt, 5, window_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Closed c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                   sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (found, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not find the recently closed tickets"));
      return FALSE;
    }

  if (found->len > 0 && n_clerks > 0)
    {
      stmt = _desk_database_prepare (db, "SELECT id FROM staff WHERE role = 'clerk' AND active ORDER BY id",
                                     error);
      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (clerks, id);
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < found->len; i++)
    {
      const Closed *c = &g_array_index (found, Closed, i);
      gint64 due = desk_work_calendar_add_days (calendar, c->closed_at, delay_days);
      gint64 at = desk_callback_suggest_time (calendar, MAX (due, now));
      gint64 assignee = clerks->len > 0 ? g_array_index (clerks, gint64, c->ticket_id % clerks->len) : 0;
      gint64 new_id = 0;

      if (at >= window_end)
        continue; /* planned when its day comes into the window */

      /* A whole office's run inserts in parts (a week of closings on a
       * big office is some 150,000 calls: 6 s of the write lock at once),
       * each its own transaction; what a part planned is kept. */
      if (in_parts && in_part == 0)
        {
          desk_bulk_parts_begin (&parts);
          if (!desk_database_begin (db, error))
            return FALSE;
        }
      if (!_desk_callback_store_insert (db, calendar, c->ticket_id, c->customer_id, reason, at, assignee,
                                        NULL, NULL, TRUE, &new_id, error))
        {
          if (in_parts)
            desk_database_rollback (db);
          return FALSE;
        }
      if (new_id > 0)
        (*n_planned)++;
      if (in_parts && ++in_part >= parts.size)
        {
          if (!desk_database_commit (db, error))
            return FALSE;
          desk_bulk_parts_end (&parts, in_part);
          in_part = 0;
        }
    }

  if (in_parts && in_part > 0)
    return desk_database_commit (db, error);
  return TRUE;
}

/* Runs @sql with ?1 = @a and ?2 = @b (when it has them). */
static gboolean
run (DeskDatabase  *db,
     const char    *sql,
     gint64         a,
     gint64         b,
     const char    *what,
     GError       **error)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return _desk_database_step_done (db, stmt, what, error);
}

#define AUTOMATIC "('daily-follow-up', 'satisfaction', 'after-repair')"

/* Follow-ups of closed tickets stop; a customer who opted out gets no
 * automatic calls; a planned call whose day has passed was missed.  For
 * the whole office after a run at @since, only tickets closed since then
 * are looked at (0: every planned call). */
static gboolean
cancel_and_mark (DeskDatabase  *db,
                 gint64         today_start,
                 gint64         ticket_id,
                 gint64         since,
                 GError       **error)
{
  const char *cancelling = _("Could not cancel the follow-up calls");
  const char *marking = _("Could not mark the missed calls");

  if (ticket_id > 0)
    return run (db,
                /* Without statistics SQLite would walk every planned call. */
                "UPDATE callbacks INDEXED BY callbacks_by_ticket SET state = 'cancelled'"
                " WHERE ticket_id = ?1 AND state = 'planned'"
                " AND ((reason = 'daily-follow-up' AND (SELECT status FROM tickets WHERE id = ?1) = 7)"
                "   OR (reason IN " AUTOMATIC
                "       AND (SELECT no_callbacks FROM customers c WHERE c.id = callbacks.customer_id)))",
                ticket_id, 0, cancelling, error) &&
           run (db,
                "UPDATE callbacks INDEXED BY callbacks_by_ticket SET state = 'missed'"
                " WHERE ticket_id = ?1 AND state = 'planned' AND planned_at < ?2",
                ticket_id, today_start, marking, error);

  return run (db,
              since > 0
              ? "UPDATE callbacks INDEXED BY callbacks_by_ticket SET state = 'cancelled'"
                " WHERE state = 'planned' AND reason = 'daily-follow-up'"
                " AND ticket_id IN (SELECT id FROM tickets INDEXED BY tickets_closed_at"
                "                   WHERE status = 7 AND closed_at >= ?1)"
              : "UPDATE callbacks SET state = 'cancelled'"
                " WHERE state = 'planned' AND reason = 'daily-follow-up'"
                " AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = callbacks.ticket_id AND t.status = 7)",
              since, 0, cancelling, error) &&
         run (db,
              "UPDATE callbacks INDEXED BY callbacks_by_customer SET state = 'cancelled'"
              " WHERE state = 'planned' AND reason IN " AUTOMATIC
              " AND customer_id IN (SELECT id FROM customers INDEXED BY customers_no_callbacks"
              "                     WHERE no_callbacks)",
              0, 0, cancelling, error) &&
         run (db,
              "UPDATE callbacks SET state = 'missed' WHERE state = 'planned' AND planned_at < ?1",
              today_start, 0, marking, error);
}

/* What the last whole-office run planned: its days up to @through and
 * its (wall-clock) start, so the next run adds only what changed. */
#define PLANNING_STATE "callback-planning-state"

static void
read_planning_state (DeskDatabase *db,
                     char          through[11],
                     gint64       *run_at)
{
  g_autofree char *value = desk_office_store_get_setting (db, PLANNING_STATE);
  long long at = 0;

  through[0] = '\0';
  *run_at = 0;
  if (value != NULL && sscanf (value, "%10s %lld", through, &at) == 2)
    *run_at = at;
  else
    through[0] = '\0';
}

static gint64 plan_chunk_ids = PLAN_CHUNK_IDS;
static gulong plan_chunk_pause_us = PLAN_CHUNK_PAUSE_US;
static gboolean plan_chunk_fixed = FALSE;

void
_desk_callback_store_set_planning_parts (gint64 ids,
                                         gulong pause_us)
{
  plan_chunk_ids = ids > 0 ? ids : PLAN_CHUNK_IDS;
  plan_chunk_pause_us = pause_us;
  plan_chunk_fixed = ids > 0;
}

static gint64
max_ticket_id (DeskDatabase *db)
{
  return query_number (db, "SELECT coalesce(max(id), 0) FROM tickets");
}

/* A whole day's follow-ups, outside any transaction: in parts of
 * PLAN_CHUNK_IDS ticket ids, each committed on its own, so that the
 * office's other connections can write in between.  A run stopped half way
 * leaves the day partly planned and the planning state where it was: the
 * next run plans the day again, adding what is missing. */
static gboolean
plan_whole_day_in_parts (DeskDatabase      *db,
                         DeskWorkCalendar  *calendar,
                         const GDate       *day,
                         gint64             n_clerks,
                         guint64           *n_planned,
                         GError           **error)
{
  gint64 max_id = max_ticket_id (db);
  DeskBulkParts parts;
  gint64 step;

  /* Sized by the time a part takes (see desk-bulk-parts.h), unless a test
   * asked for parts of a fixed size. */
  desk_bulk_parts_init (&parts, (guint)MIN (200, plan_chunk_ids), (guint)MIN (200, plan_chunk_ids), (guint)plan_chunk_ids);
  for (gint64 from = 1; from <= max_id; from += step)
    {
      step = plan_chunk_fixed ? plan_chunk_ids : parts.size;
      if (from > 1 && plan_chunk_fixed && plan_chunk_pause_us > 0)
        g_usleep (plan_chunk_pause_us);
      desk_bulk_parts_begin (&parts);
      if (!desk_database_begin (db, error))
        return FALSE;
      if (!plan_follow_ups_on (db, calendar, day, 0, 0, from, from + step,
                               n_clerks, n_planned, error))
        {
          desk_database_rollback (db);
          return FALSE;
        }
      if (!desk_database_commit (db, error))
        return FALSE;
      if (!plan_chunk_fixed)
        desk_bulk_parts_end (&parts, (guint)step);
    }

  return TRUE;
}

/* A day planned before, for the tickets changed since @since, in parts
 * of the seconds they changed in (after a bulk job some 20,000 of them
 * changed: 0.5 s of the write lock at once).  Here @id_to of
 * plan_follow_ups_on() is the end of the part's seconds. */
static gboolean
plan_changed_in_parts (DeskDatabase      *db,
                       DeskWorkCalendar  *calendar,
                       const GDate       *day,
                       gint64             since,
                       gint64             until,
                       gint64             n_clerks,
                       guint64           *n_planned,
                       GError           **error)
{
  DeskBulkParts parts;

  desk_bulk_parts_init (&parts, 1, 1, 24 * 3600);
  for (gint64 from = since, step; from <= until; from += step)
    {
      step = parts.size;
      desk_bulk_parts_begin (&parts);
      if (!desk_database_begin (db, error))
        return FALSE;
      if (!plan_follow_ups_on (db, calendar, day, 0, from, 0, from + step, n_clerks, n_planned, error))
        {
          desk_database_rollback (db);
          return FALSE;
        }
      if (!desk_database_commit (db, error))
        return FALSE;
      desk_bulk_parts_end (&parts, (guint)step);
    }

  return TRUE;
}

static gboolean
plan (DeskDatabase  *db,
      gint64         now,
      guint          n_days,
      gint64         ticket_id,
      guint64       *n_planned,
      GError       **error)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  DeskCallbackSettings settings;
  guint satisfaction_delay, repair_delay;
  gint64 n_clerks = count_clerks (db);
  gint64 run_started = g_get_real_time () / G_USEC_PER_SEC;
  gint64 clock = g_get_monotonic_time ();
  guint64 planned = 0;
  GDate today, day;
  gint64 today_start, window_end, since, last_run = 0;
  char through[11] = "", last_day[11] = "";
  guint working = 0;
  gboolean in_parts;

  /* Clamped into their ranges: an office that set one by hand with SQL
   * still plans sensibly. */
  desk_callback_store_get_settings (db, &settings);
  satisfaction_delay = settings.satisfaction_delay_days;
  repair_delay = settings.repair_follow_up_days;
  if (n_days == 0)
    n_days = settings.planning_days;

  _desk_callback_date_of (calendar, now, &today);
  today_start = _desk_callback_day_minute (calendar, &today, 0);

  /* A whole office's run, not inside someone's transaction, plans new
   * days in parts (see PLAN_CHUNK_IDS); inside one, all at once. */
  in_parts = ticket_id == 0 && sqlite3_get_autocommit (_desk_database_get_handle (db));

  if (!desk_database_begin (db, error))
    return FALSE;

  /* A minute's slack: a ticket saved while the last run started. */
  if (ticket_id == 0)
    {
      read_planning_state (db, through, &last_run);
      if (last_run > 0)
        last_run -= 60;
    }

  if (!cancel_and_mark (db, today_start, ticket_id, last_run, error))
    goto failed;
  g_debug ("planning: cancelled and marked after %.1f ms", (g_get_monotonic_time () - clock) / 1000.0);

  /* The rolling window: today and the next working days, nothing more,
   * so an office with a hundred thousand open complaints plans days of
   * calls, not years.  A day a whole-office run planned before only gets
   * the tickets changed since. */
  day = today;
  for (int i = 0; working < n_days && i < 60; i++, g_date_add_days (&day, 1))
    {
      gint64 changed_since = 0;

      if (!desk_work_calendar_is_working_day (calendar, &day))
        continue;
      working++;
      _desk_callback_format_day (&day, last_day);
      if (ticket_id == 0 && last_run > 0 && strcmp (last_day, through) <= 0)
        changed_since = last_run;
      if (in_parts)
        {
          /* What is planned so far is kept: see plan_whole_day_in_parts(). */
          if (!desk_database_commit (db, error))
            return FALSE;
          if ((changed_since == 0
               ? !plan_whole_day_in_parts (db, calendar, &day, n_clerks, &planned, error)
               : !plan_changed_in_parts (db, calendar, &day, changed_since, run_started, n_clerks,
                                         &planned, error)) ||
              !desk_database_begin (db, error))
            return FALSE;
        }
      else if (!plan_follow_ups_on (db, calendar, &day, ticket_id, changed_since, 0, 0,
                                    n_clerks, &planned, error))
        goto failed;
    }
  window_end = _desk_callback_day_minute (calendar, &day, 0);
  g_debug ("planning: follow-ups after %.1f ms", (g_get_monotonic_time () - clock) / 1000.0);

  since = today_start - (gint64)(MAX (satisfaction_delay, repair_delay) * 2 + LOOKBACK_DAYS) * 24 * 3600;
  /* The calls after closing: in parts too, outside the transaction. */
  if (in_parts && !desk_database_commit (db, error))
    return FALSE;
  if (!plan_after_closing (db, calendar, DESK_CALLBACK_SATISFACTION, satisfaction_delay,
                           since, now, window_end, ticket_id, n_clerks, in_parts, &planned, error) ||
      !plan_after_closing (db, calendar, DESK_CALLBACK_AFTER_REPAIR, repair_delay,
                           since, now, window_end, ticket_id, n_clerks, in_parts, &planned, error))
    {
      if (in_parts)
        return FALSE;
      goto failed;
    }
  if (in_parts && !desk_database_begin (db, error))
    return FALSE;

  g_debug ("planning: after closing after %.1f ms", (g_get_monotonic_time () - clock) / 1000.0);
  if (ticket_id == 0)
    {
      g_autofree char *state = g_strdup_printf ("%s %lld", strcmp (last_day, through) > 0 ? last_day : through,
                                                (long long)run_started);

      if (!desk_office_store_set_setting (db, PLANNING_STATE, state, error))
        goto failed;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  if (n_planned != NULL)
    *n_planned = planned;
  _desk_database_notify (db, "callbacks", 0);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

gboolean
desk_callback_store_plan (DeskDatabase  *db,
                          gint64         now,
                          guint          n_days,
                          guint64       *n_planned,
                          GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  return plan (db, now, n_days, 0, n_planned, error);
}

gboolean
desk_callback_store_plan_ticket (DeskDatabase  *db,
                                 gint64         ticket_id,
                                 gint64         now,
                                 GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ticket_id > 0, FALSE);

  return plan (db, now, 0, ticket_id, NULL, error);
}

/* The open tickets of @customer_id, to plan again when the customer
 * changed their mind about callbacks. */
static GArray *
open_tickets_of (DeskDatabase  *db,
                 gint64         customer_id,
                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_database_prepare (db, "SELECT id FROM tickets WHERE customer_id = ?1 AND status <> 7", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not plan the callbacks"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
ticket_changed_cb (DeskDatabase *db,
                   const char   *table,
                   gint64        id,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tickets = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (id <= 0)
    return;

  if (g_strcmp0 (table, "tickets") == 0)
    {
      if (!desk_callback_store_plan_ticket (db, id, now, &error))
        g_warning ("Could not plan the callbacks of ticket %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  /* A customer who asks to be left alone, or to be called again: their
   * open tickets' follow-ups stop, or start on the days planned already. */
  if (g_strcmp0 (table, "customers") != 0)
    return;
  if (!(tickets = open_tickets_of (db, id, &error)))
    {
      g_warning ("Could not plan the callbacks of customer %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  for (guint i = 0; i < tickets->len; i++)
    if (!desk_callback_store_plan_ticket (db, g_array_index (tickets, gint64, i), now, &error))
      {
        g_warning ("Could not plan the callbacks of customer %" G_GINT64_FORMAT ": %s", id, error->message);
        return;
      }
}

void
desk_callback_store_watch (DeskDatabase *db)
{
  g_return_if_fail (DESK_IS_DATABASE (db));

  if (g_object_get_data (G_OBJECT (db), "desk-callback-watch") != NULL)
    return;
  g_object_set_data (G_OBJECT (db), "desk-callback-watch", GINT_TO_POINTER (1));
  g_signal_connect (db, "changed", G_CALLBACK (ticket_changed_cb), NULL);
}

/* Saving the settings: they tune the planning, so a change moves the
 * calls the old values placed and plans the window again. */

typedef struct
{
  gint64 id;
  gint64 planned_at;
  gint64 closed_at;
} Planned;

/* Moves the planned @reason calls of recently closed tickets that sit
 * exactly where @old_delay put them (the planner's time: the first call
 * window @old_delay working days after closing) to where @new_delay puts
 * them, never before @now.  A call at any other time was moved by a
 * clerk, is a retry (two hours after the unanswered call, or the
 * customer's own time) or was planned late when the office caught up: it
 * stays.  Only calls still ahead are moved.  It looks back as far as the
 * planner (LOOKBACK_DAYS beyond twice the delay): the calls the old delays
 * placed are among the ones it planned. */
static gboolean
move_planned_calls (DeskDatabase  *db,
                    const char    *reason,
                    guint          old_delay,
                    guint          new_delay,
                    gint64         now,
                    GError       **error)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Planned));
  gint64 since = now - (gint64)(old_delay * 2 + LOOKBACK_DAYS) * 24 * 3600;
  sqlite3_stmt *stmt;
  int rc;

  if (old_delay == new_delay)
    return TRUE;

  stmt = _desk_database_prepare (db,
                                 "SELECT b.id, b.planned_at, t.closed_at"
                                 " FROM tickets t INDEXED BY tickets_closed_at"
                                 " JOIN callbacks b INDEXED BY callbacks_by_ticket"
                                 "   ON b.ticket_id = t.id AND b.reason = ?2 AND b.planned_at >= t.closed_at"
                                 " WHERE t.status = 7 AND t.closed_at >= ?1"
                                 " AND b.state = 'planned' AND b.planned_at > ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Planned p = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                    sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (found, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not find the planned callbacks"));
      return FALSE;
    }

  for (guint i = 0; i < found->len; i++)
    {
      const Planned *p = &g_array_index (found, Planned, i);
      gint64 old_at = desk_callback_suggest_time (calendar,
                                                  desk_work_calendar_add_days (calendar, p->closed_at, old_delay));
      gint64 new_at = desk_callback_suggest_time (calendar,
                                                  MAX (desk_work_calendar_add_days (calendar, p->closed_at, new_delay),
                                                       now));
      char plan_day[11];

      if (p->planned_at != old_at || new_at == old_at)
        continue;

      _desk_callback_plan_day_of (calendar, new_at, plan_day);
      /* OR IGNORE: the ticket already has a call of this reason that day
       * (closed, reopened and closed again); this one stays then. */
      stmt = _desk_database_prepare (db,
                                     "UPDATE OR IGNORE callbacks SET planned_at = ?2, plan_day = ?3"
                                     " WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int64 (stmt, 2, new_at);
      sqlite3_bind_text (stmt, 3, plan_day, -1, SQLITE_TRANSIENT);
      if (!_desk_database_step_done (db, stmt, _("Could not move the planned callback"), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
desk_callback_store_save_settings (DeskDatabase                *db,
                                   const DeskCallbackSettings  *settings,
                                   gint64                       now,
                                   GError                     **error)
{
  DeskCallbackSettings old;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    if (!desk_callback_setting_check (i, desk_callback_settings_get (settings, i), error))
      return FALSE;

  if (!desk_database_begin (db, error))
    return FALSE;

  desk_callback_store_get_settings (db, &old);
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", desk_callback_settings_get (settings, i));

      if (!desk_office_store_set_setting (db, desk_callback_setting_get_key (i), text, error))
        goto failed;
    }

  if (!move_planned_calls (db, "satisfaction", old.satisfaction_delay_days,
                           settings->satisfaction_delay_days, now, error) ||
      !move_planned_calls (db, "after-repair", old.repair_follow_up_days,
                           settings->repair_follow_up_days, now, error) ||
      !desk_callback_store_plan (db, now, 0, NULL, error))
    goto failed;

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "callbacks", 0);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}
