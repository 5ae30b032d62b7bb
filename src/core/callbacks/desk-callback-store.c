/* desk-callback-store.c
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
#include "desk-callback-store.h"
#include "desk-callback-store-private.h"
#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-office-store.h"
#include "desk-text.h"

G_DEFINE_QUARK (desk-callback-store-error-quark, desk_callback_store_error)

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

static const char * const reason_nicks[] = {
  "daily-follow-up", "satisfaction", "after-repair", "manual", "campaign",
};
static const char * const state_nicks[] = {
  "planned", "reached", "not-reached", "missed", "rescheduled", "cancelled",
};
static const char * const rating_nicks[] = { NULL, "satisfied", "average", "unsatisfied" };

static const DeskCallWindow default_windows[] = {
  { 11 * 60, 12 * 60 },
  { 16 * 60, 17 * 60 + 30 },
};

const char *
desk_callback_reason_to_nick (DeskCallbackReason reason)
{
  g_return_val_if_fail (reason < G_N_ELEMENTS (reason_nicks), NULL);
  return reason_nicks[reason];
}

const char *
desk_callback_reason_get_label (DeskCallbackReason reason)
{
  switch (reason)
    {
    case DESK_CALLBACK_DAILY_FOLLOW_UP: return _("Daily follow-up");
    case DESK_CALLBACK_SATISFACTION:    return _("Satisfaction");
    case DESK_CALLBACK_AFTER_REPAIR:    return _("After repair");
    case DESK_CALLBACK_MANUAL:          return _("By hand");
    case DESK_CALLBACK_CAMPAIGN:        return _("Campaign");
    default:                            return "";
    }
}

const char *
desk_callback_state_to_nick (DeskCallbackState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_nicks), NULL);
  return state_nicks[state];
}

const char *
desk_callback_state_get_label (DeskCallbackState state)
{
  switch (state)
    {
    case DESK_CALLBACK_PLANNED:     return _("Planned");
    case DESK_CALLBACK_REACHED:     return _("Reached");
    case DESK_CALLBACK_NOT_REACHED: return _("No answer");
    case DESK_CALLBACK_MISSED:      return _("Missed");
    case DESK_CALLBACK_RESCHEDULED: return _("Rescheduled");
    case DESK_CALLBACK_CANCELLED:   return _("Cancelled");
    default:                        return "";
    }
}

const char *
desk_rating_to_nick (DeskRating rating)
{
  g_return_val_if_fail (rating < G_N_ELEMENTS (rating_nicks), NULL);
  return rating_nicks[rating];
}

const char *
desk_rating_get_label (DeskRating rating)
{
  switch (rating)
    {
    case DESK_RATING_SATISFIED:   return _("Satisfied");
    case DESK_RATING_AVERAGE:     return _("Average");
    case DESK_RATING_UNSATISFIED: return _("Unsatisfied");
    default:                      return _("Not asked");
    }
}

static int
index_of (const char * const *nicks,
          guint               n,
          const char         *nick)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      return i;
  return 0;
}

DeskRating
_desk_rating_from_nick (const char *nick)
{
  return index_of (rating_nicks, G_N_ELEMENTS (rating_nicks), nick);
}

void
desk_callback_free (DeskCallback *callback)
{
  if (callback == NULL)
    return;

  g_free (callback->ticket_number);
  g_free (callback->ticket_summary);
  g_free (callback->customer_name);
  g_free (callback->customer_phone);
  g_free (callback->customer_address);
  g_free (callback->customer_notes);
  g_free (callback->plan_day);
  g_free (callback->assignee_name);
  g_free (callback->campaign);
  g_free (callback->note);
  g_free (callback);
}

const DeskCallWindow *
desk_callback_default_windows (guint *n_windows)
{
  if (n_windows != NULL)
    *n_windows = G_N_ELEMENTS (default_windows);
  return default_windows;
}

/* Times and days in the office's time zone. */

GDateTime *
_desk_callback_local_time (DeskWorkCalendar *calendar,
                           gint64            when)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  return g_date_time_to_timezone (utc, desk_work_calendar_get_timezone (calendar));
}

static gint64
day_minute (DeskWorkCalendar *calendar,
            const GDate      *day,
            int               minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (desk_work_calendar_get_timezone (calendar),
                                             g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), minute / 60, minute % 60, 0);
  return g_date_time_to_unix (dt);
}

static void
date_of (DeskWorkCalendar *calendar,
         gint64            when,
         GDate            *day)
{
  g_autoptr(GDateTime) dt = _desk_callback_local_time (calendar, when);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static void
format_day (const GDate *day,
            char         out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day));
}

void
_desk_callback_plan_day_of (DeskWorkCalendar *calendar,
                            gint64            when,
                            char              out[11])
{
  GDate day;

  date_of (calendar, when, &day);
  format_day (&day, out);
}

gint64
desk_callback_suggest_time (DeskWorkCalendar *calendar,
                            gint64            after)
{
  GDate day;

  g_return_val_if_fail (calendar != NULL, after);

  /* Round up to the minute, so suggested times read well. */
  after = (after + 59) / 60 * 60;
  date_of (calendar, after, &day);

  for (int i = 0; i < 120; i++, g_date_add_days (&day, 1))
    {
      if (!desk_work_calendar_is_working_day (calendar, &day))
        continue;

      for (guint w = 0; w < G_N_ELEMENTS (default_windows); w++)
        {
          gint64 start = day_minute (calendar, &day, default_windows[w].start_minute);
          gint64 end = day_minute (calendar, &day, default_windows[w].end_minute);
          gint64 at = MAX (start, after);

          if (at < end && desk_work_calendar_is_open (calendar, at))
            return at;
        }
    }

  return after;
}

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
  char plan_day[11];
  sqlite3_stmt *stmt;

  for (guint w = 0; w < 2; w++)
    {
      gint64 start = day_minute (calendar, day, default_windows[w].start_minute);

      if (desk_work_calendar_is_open (calendar, start))
        {
          starts[w] = start;
          lengths[w] = default_windows[w].end_minute - default_windows[w].start_minute;
        }
    }
  if (starts[0] == 0 && starts[1] == 0)
    return TRUE;
  if (starts[0] == 0)
    starts[0] = starts[1], lengths[0] = lengths[1];
  if (starts[1] == 0)
    starts[1] = starts[0], lengths[1] = lengths[0];

  format_day (day, plan_day);
  if (ticket_id > 0)
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("", "AND t.id = ?7"), error);
  else if (since > 0)
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("INDEXED BY tickets_open_by_updated",
                                                       "AND t.updated_at >= ?8"), error);
  else if (id_to > 0)
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("", "AND t.id >= ?10 AND t.id < ?11"), error);
  else
    stmt = _desk_database_prepare (db, FOLLOW_UPS_SQL ("", ""), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, day_minute (calendar, day, 0));
  sqlite3_bind_text (stmt, 2, plan_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, starts[0]);
  sqlite3_bind_int (stmt, 4, lengths[0]);
  sqlite3_bind_int64 (stmt, 5, starts[1]);
  sqlite3_bind_int (stmt, 6, lengths[1]);
  if (ticket_id > 0)
    sqlite3_bind_int64 (stmt, 7, ticket_id);
  else if (since > 0)
    sqlite3_bind_int64 (stmt, 8, since);
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

gboolean
_desk_callback_store_insert (DeskDatabase       *db,
                             DeskWorkCalendar   *calendar,
                             gint64              ticket_id,
                             gint64              customer_id,
                             DeskCallbackReason  reason,
                             gint64              planned_at,
                             gint64              assignee_id,
                             const char         *campaign,
                             const char         *note,
                             gboolean            or_ignore,
                             gint64             *new_id,
                             GError            **error)
{
  char plan_day[11];
  sqlite3_stmt *stmt;

  _desk_callback_plan_day_of (calendar, planned_at, plan_day);
  stmt = _desk_database_prepare (db,
                                 or_ignore
                                 ? "INSERT OR IGNORE INTO callbacks (ticket_id, customer_id, reason,"
                                   " planned_at, plan_day, assignee_id, campaign, note)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                 : "INSERT INTO callbacks (ticket_id, customer_id, reason,"
                                   " planned_at, plan_day, assignee_id, campaign, note)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (ticket_id > 0)
    sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  sqlite3_bind_text (stmt, 3, reason_nicks[reason], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, planned_at);
  sqlite3_bind_text (stmt, 5, plan_day, -1, SQLITE_TRANSIENT);
  if (assignee_id > 0)
    sqlite3_bind_int64 (stmt, 6, assignee_id);
  _desk_bind_text_or_null (stmt, 7, campaign);
  _desk_bind_text_or_null (stmt, 8, note);
  if (!_desk_database_step_done (db, stmt, _("Could not plan the callback"), error))
    return FALSE;

  if (new_id != NULL)
    *new_id = sqlite3_changes (_desk_database_get_handle (db)) > 0
              ? sqlite3_last_insert_rowid (_desk_database_get_handle (db)) : 0;
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
                    guint64             *n_planned,
                    GError             **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Closed));
  g_autoptr(GArray) clerks = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

#define CLOSED_SQL(indexed, filter) \
  "SELECT t.id, t.customer_id, t.closed_at" \
  " FROM tickets t " indexed " JOIN customers c ON c.id = t.customer_id" \
  " WHERE " filter " t.status = 7 AND t.closed_at >= ?1 AND t.closed_at < ?5 AND t.merged_into IS NULL" \
  " AND c.no_callbacks = 0 AND (?3 = 0 OR t.kind = 1)" \
  " AND NOT EXISTS (SELECT 1 FROM callbacks b WHERE b.ticket_id = t.id" \
  "   AND b.reason = ?2 AND b.planned_at >= t.closed_at)"
  stmt = _desk_database_prepare (db, ticket_id > 0 ? CLOSED_SQL ("", "t.id = ?4 AND")
                                               : CLOSED_SQL ("INDEXED BY tickets_closed_at", ""), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_text (stmt, 2, reason_nicks[reason], -1, SQLITE_STATIC);
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

      if (!_desk_callback_store_insert (db, calendar, c->ticket_id, c->customer_id, reason, at, assignee,
                                        NULL, NULL, TRUE, &new_id, error))
        return FALSE;
      if (new_id > 0)
        (*n_planned)++;
    }

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
  desk_bulk_parts_init (&parts, 2000, (guint)MIN (200, plan_chunk_ids), (guint)plan_chunk_ids);
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

  date_of (calendar, now, &today);
  today_start = day_minute (calendar, &today, 0);

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
      format_day (&day, last_day);
      if (ticket_id == 0 && last_run > 0 && strcmp (last_day, through) <= 0)
        changed_since = last_run;
      if (in_parts && changed_since == 0)
        {
          /* What is planned so far is kept: see plan_whole_day_in_parts(). */
          if (!desk_database_commit (db, error))
            return FALSE;
          if (!plan_whole_day_in_parts (db, calendar, &day, n_clerks, &planned, error) ||
              !desk_database_begin (db, error))
            return FALSE;
        }
      else if (!plan_follow_ups_on (db, calendar, &day, ticket_id, changed_since, 0, 0,
                                    n_clerks, &planned, error))
        goto failed;
    }
  window_end = day_minute (calendar, &day, 0);
  g_debug ("planning: follow-ups after %.1f ms", (g_get_monotonic_time () - clock) / 1000.0);

  since = today_start - (gint64)(MAX (satisfaction_delay, repair_delay) * 2 + LOOKBACK_DAYS) * 24 * 3600;
  if (!plan_after_closing (db, calendar, DESK_CALLBACK_SATISFACTION, satisfaction_delay,
                           since, now, window_end, ticket_id, n_clerks, &planned, error) ||
      !plan_after_closing (db, calendar, DESK_CALLBACK_AFTER_REPAIR, repair_delay,
                           since, now, window_end, ticket_id, n_clerks, &planned, error))
    goto failed;

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

gint64
desk_callback_store_add (DeskDatabase       *db,
                         gint64              customer_id,
                         gint64              ticket_id,
                         DeskCallbackReason  reason,
                         gint64              planned_at,
                         gint64              assignee_id,
                         const char         *note,
                         GError            **error)
{
  DeskWorkCalendar *calendar;
  gint64 id = 0;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);

  if (customer_id <= 0)
    {
      g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                   _("Customer: choose whom to call"));
      return 0;
    }

  calendar = desk_calendar_store_get_office_calendar (db);
  if (planned_at <= 0)
    planned_at = desk_callback_suggest_time (calendar, g_get_real_time () / G_USEC_PER_SEC);

  if (!_desk_callback_store_insert (db, calendar, ticket_id, customer_id, reason, planned_at, assignee_id,
                                    NULL, desk_text_is_blank (note) ? NULL : note, FALSE, &id, error))
    {
      if (error != NULL && g_error_matches (*error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                       _("Callback: the customer, ticket or person does not exist, or that call is already planned"));
        }
      return 0;
    }

  _desk_database_notify (db, "callbacks", id);
  return id;
}

typedef struct
{
  gint64 customer_id;
  gint64 ticket_id;
} Callee;

static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

gint64
desk_callback_store_add_campaign (DeskDatabase       *db,
                                  const DeskCampaign *campaign,
                                  gint64              now,
                                  GError            **error)
{
  g_autoptr(GArray) callees = g_array_new (FALSE, FALSE, sizeof (Callee));
  g_autofree char *site = NULL;
  DeskWorkCalendar *calendar;
  gboolean by_tickets;
  sqlite3_stmt *stmt;
  gint64 at;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), -1);
  g_return_val_if_fail (campaign != NULL, -1);

  if (desk_text_is_blank (campaign->name))
    {
      g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                   _("Campaign: give it a name"));
      return -1;
    }

  by_tickets = campaign->closed_from > 0 || campaign->closed_to > 0 || campaign->sample > 0;
  if (!by_tickets && desk_text_is_blank (campaign->site))
    {
      g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                   _("Campaign: choose a site or a period of closed tickets to call"));
      return -1;
    }
  if (!desk_text_is_blank (campaign->site))
    site = like_pattern (campaign->site);

  if (by_tickets)
    stmt = _desk_database_prepare (db,
                                   "SELECT t.customer_id, t.id FROM tickets t"
                                   " JOIN customers c ON c.id = t.customer_id"
                                   " WHERE t.status = 7 AND t.closed_at >= ?1 AND t.closed_at < ?2"
                                   " AND t.merged_into IS NULL AND c.no_callbacks = 0"
                                   " AND (?3 IS NULL OR c.address LIKE ?3 ESCAPE '\\'"
                                   "  OR EXISTS (SELECT 1 FROM assets a WHERE a.customer_id = c.id"
                                   "   AND a.label LIKE ?3 ESCAPE '\\'))"
                                   " ORDER BY t.id",
                                   error);
  else
    stmt = _desk_database_prepare (db,
                                   "SELECT c.id, 0 FROM customers c"
                                   " WHERE c.no_callbacks = 0"
                                   " AND (c.address LIKE ?3 ESCAPE '\\'"
                                   "  OR EXISTS (SELECT 1 FROM assets a WHERE a.customer_id = c.id"
                                   "   AND a.label LIKE ?3 ESCAPE '\\'))"
                                   " ORDER BY c.id",
                                   error);
  if (stmt == NULL)
    return -1;

  if (by_tickets)
    {
      sqlite3_bind_int64 (stmt, 1, campaign->closed_from);
      sqlite3_bind_int64 (stmt, 2, campaign->closed_to > 0 ? campaign->closed_to : G_MAXINT64);
    }
  _desk_bind_text_or_null (stmt, 3, site);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Callee c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (callees, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not find the customers of the campaign"));
      return -1;
    }

  /* A random sample: a partial Fisher–Yates shuffle, reproducible by seed. */
  if (campaign->sample > 0 && campaign->sample < callees->len)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (campaign->seed);

      for (guint i = 0; i < campaign->sample; i++)
        {
          guint j = g_rand_int_range (rand, i, callees->len);
          Callee tmp = g_array_index (callees, Callee, i);

          g_array_index (callees, Callee, i) = g_array_index (callees, Callee, j);
          g_array_index (callees, Callee, j) = tmp;
        }
      g_array_set_size (callees, campaign->sample);
    }

  calendar = desk_calendar_store_get_office_calendar (db);
  at = desk_callback_suggest_time (calendar, MAX (campaign->start, now));

  if (!desk_database_begin (db, error))
    return -1;

  for (guint i = 0; i < callees->len; i++)
    {
      const Callee *c = &g_array_index (callees, Callee, i);

      if (!_desk_callback_store_insert (db, calendar, c->ticket_id, c->customer_id, DESK_CALLBACK_CAMPAIGN,
                                        at, campaign->assignee_id, campaign->name, NULL, FALSE, NULL, error))
        {
          desk_database_rollback (db);
          return -1;
        }
      at = desk_callback_suggest_time (calendar,
                                       at + 60 * (campaign->minutes_each > 0 ? campaign->minutes_each : 10));
    }

  if (!desk_database_commit (db, error))
    return -1;

  _desk_database_notify (db, "callbacks", 0);
  return callees->len;
}

DeskCallback *
_desk_callback_from_row (sqlite3_stmt *stmt)
{
  DeskCallback *b = g_new0 (DeskCallback, 1);
  int i = 0;

  b->id = sqlite3_column_int64 (stmt, i++);
  b->ticket_id = sqlite3_column_int64 (stmt, i++);
  b->ticket_number = _desk_column_dup (stmt, i++);
  b->ticket_summary = _desk_column_dup (stmt, i++);
  b->customer_id = sqlite3_column_int64 (stmt, i++);
  b->customer_name = _desk_column_dup (stmt, i++);
  b->customer_phone = _desk_column_dup (stmt, i++);
  b->reason = index_of (reason_nicks, G_N_ELEMENTS (reason_nicks),
                        (const char *)sqlite3_column_text (stmt, i++));
  b->state = index_of (state_nicks, G_N_ELEMENTS (state_nicks),
                       (const char *)sqlite3_column_text (stmt, i++));
  b->planned_at = sqlite3_column_int64 (stmt, i++);
  b->plan_day = _desk_column_dup (stmt, i++);
  b->assignee_id = sqlite3_column_int64 (stmt, i++);
  b->assignee_name = _desk_column_dup (stmt, i++);
  b->done_at = sqlite3_column_int64 (stmt, i++);
  b->call_again_at = sqlite3_column_int64 (stmt, i++);
  b->campaign = _desk_column_dup (stmt, i++);
  b->note = _desk_column_dup (stmt, i++);
  b->customer_address = _desk_column_dup (stmt, i++);
  b->customer_notes = _desk_column_dup (stmt, i++);

  return b;
}

DeskCallback *
desk_callback_store_get (DeskDatabase  *db,
                         gint64         id,
                         GError       **error)
{
  g_autofree char *missing = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  missing = g_strdup_printf (_("Callback %lld does not exist"), (long long)id);
  return _desk_database_get_one (db, DESK_CALLBACK_SELECT " WHERE b.id = ?1", id, NULL,
                                 (gpointer (*) (sqlite3_stmt *))_desk_callback_from_row,
                                 missing, _("Could not read the callback"), error);
}

gboolean
_desk_callback_check_open (DeskCallback  *b,
                           GError       **error)
{
  if (b->state == DESK_CALLBACK_PLANNED || b->state == DESK_CALLBACK_MISSED)
    return TRUE;

  g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_DONE,
               _("The callback to %s was already %s"), b->customer_name,
               desk_callback_state_get_label (b->state));
  return FALSE;
}

/* Moving a daily follow-up onto a day that has one already moves that
 * one instead: a ticket keeps one follow-up a day. */
static gboolean
move_callback (DeskDatabase  *db,
               DeskCallback  *b,
               gint64         planned_at,
               GError       **error)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  char plan_day[11];
  sqlite3_stmt *stmt;

  _desk_callback_plan_day_of (calendar, planned_at, plan_day);
  stmt = _desk_database_prepare (db,
                                 "UPDATE OR IGNORE callbacks SET planned_at = ?2, plan_day = ?3, state = 'planned'"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, b->id);
  sqlite3_bind_int64 (stmt, 2, planned_at);
  sqlite3_bind_text (stmt, 3, plan_day, -1, SQLITE_TRANSIENT);
  if (!_desk_database_step_done (db, stmt, _("Could not move the callback"), error))
    return FALSE;

  if (sqlite3_changes (_desk_database_get_handle (db)) == 0)
    {
      g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                   _("Planned time: %s already has a %s call on %s"), b->ticket_number,
                   desk_callback_reason_get_label (b->reason), plan_day);
      return FALSE;
    }
  return TRUE;
}

gboolean
desk_callback_store_reschedule (DeskDatabase  *db,
                                gint64         id,
                                gint64         planned_at,
                                GError       **error)
{
  g_autoptr(DeskCallback) b = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (!(b = desk_callback_store_get (db, id, error)) ||
      !_desk_callback_check_open (b, error) ||
      !move_callback (db, b, planned_at, error))
    return FALSE;

  _desk_database_notify (db, "callbacks", id);
  return TRUE;
}

gboolean
desk_callback_store_cancel (DeskDatabase  *db,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(DeskCallback) b = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (!(b = desk_callback_store_get (db, id, error)) || !_desk_callback_check_open (b, error))
    return FALSE;

  stmt = _desk_database_prepare (db, "UPDATE callbacks SET state = 'cancelled' WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_desk_database_step_done (db, stmt, _("Could not cancel the callback"), error))
    return FALSE;

  _desk_database_notify (db, "callbacks", id);
  return TRUE;
}

gboolean
desk_callback_store_reassign (DeskDatabase  *db,
                              gint64         id,
                              gint64         assignee_id,
                              GError       **error)
{
  g_autoptr(DeskCallback) b = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (!(b = desk_callback_store_get (db, id, error)) || !_desk_callback_check_open (b, error))
    return FALSE;

  stmt = _desk_database_prepare (db, "UPDATE callbacks SET assignee_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (assignee_id > 0)
    sqlite3_bind_int64 (stmt, 2, assignee_id);
  if (!_desk_database_step_done (db, stmt, _("Could not reassign the callback"), error))
    return FALSE;

  _desk_database_notify (db, "callbacks", id);
  return TRUE;
}
