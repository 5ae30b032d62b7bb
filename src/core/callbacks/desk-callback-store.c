/* desk-callback-store.c
 *
 * The callback store itself: the names of reasons, states and ratings,
 * times in the office's time zone and the suggested time of a call, and
 * one call at a time: added by hand or in a campaign, read, moved,
 * cancelled or reassigned.  The automatic planning is in
 * desk-callback-planning.c, a call's outcome in desk-callback-outcome.c,
 * the lists and counts in desk-callback-query.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-callback-store.h"
#include "desk-callback-store-private.h"
#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-text.h"

G_DEFINE_QUARK (desk-callback-store-error-quark, desk_callback_store_error)

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

gint64
_desk_callback_day_minute (DeskWorkCalendar *calendar,
                           const GDate      *day,
                           int               minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (desk_work_calendar_get_timezone (calendar),
                                             g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), minute / 60, minute % 60, 0);
  return g_date_time_to_unix (dt);
}

void
_desk_callback_date_of (DeskWorkCalendar *calendar,
                        gint64            when,
                        GDate            *day)
{
  g_autoptr(GDateTime) dt = _desk_callback_local_time (calendar, when);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

void
_desk_callback_format_day (const GDate *day,
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

  _desk_callback_date_of (calendar, when, &day);
  _desk_callback_format_day (&day, out);
}

gint64
desk_callback_suggest_time (DeskWorkCalendar *calendar,
                            gint64            after)
{
  GDate day;

  g_return_val_if_fail (calendar != NULL, after);

  /* Round up to the minute, so suggested times read well. */
  after = (after + 59) / 60 * 60;
  _desk_callback_date_of (calendar, after, &day);

  for (int i = 0; i < 120; i++, g_date_add_days (&day, 1))
    {
      if (!desk_work_calendar_is_working_day (calendar, &day))
        continue;

      for (guint w = 0; w < G_N_ELEMENTS (default_windows); w++)
        {
          gint64 start = _desk_callback_day_minute (calendar, &day, default_windows[w].start_minute);
          gint64 end = _desk_callback_day_minute (calendar, &day, default_windows[w].end_minute);
          gint64 at = MAX (start, after);

          if (at < end && desk_work_calendar_is_open (calendar, at))
            return at;
        }
    }

  return after;
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
