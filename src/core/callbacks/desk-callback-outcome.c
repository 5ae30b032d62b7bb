/* desk-callback-outcome.c
 *
 * What happened on a call: recording its outcome (the state, the answers,
 * corrections to the customer, the next call, the ticket's timeline, and
 * what an unsatisfied answer sets off) and reading a made call's answers
 * back.  Its own file because an outcome is the one write that reaches
 * beyond the callbacks (customers, tickets, escalation) and the only one
 * that reads and writes callback_answers; adding, moving and cancelling
 * single calls are in desk-callback-store.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-calendar-store.h"
#include "desk-callback-script.h"
#include "desk-callback-store.h"
#include "desk-callback-store-private.h"
#include "desk-database-private.h"
#include "desk-text.h"
#include "desk-ticket-store.h"

/* No answer: try again this much later (the next call window if that is
 * outside one). */
#define RETRY_SECONDS (2 * 60 * 60)

static const char * const result_nicks[] = { "convenient", "not-convenient", "no-answer" };

/* The next call after "not convenient" or "no answer": same ticket,
 * reason and person.  A follow-up already planned that day is moved to
 * the new time instead of doubling it. */
static gboolean
plan_next (DeskDatabase  *db,
           DeskCallback  *b,
           gint64         at,
           gint64        *next_id,
           GError       **error)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  char plan_day[11];
  sqlite3_stmt *stmt;

  if (!_desk_callback_store_insert (db, calendar, b->ticket_id, b->customer_id, b->reason, at,
                                    b->assignee_id, b->campaign, NULL, TRUE, next_id, error))
    return FALSE;
  if (*next_id > 0)
    return TRUE;

  _desk_callback_plan_day_of (calendar, at, plan_day);
  stmt = _desk_database_prepare (db,
                                 "UPDATE callbacks SET planned_at = ?4, state = 'planned'"
                                 " WHERE ticket_id = ?1 AND reason = ?2 AND plan_day = ?3"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, b->ticket_id);
  sqlite3_bind_text (stmt, 2, desk_callback_reason_to_nick (b->reason), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plan_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, at);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *next_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
save_answers (DeskDatabase               *db,
              gint64                      id,
              const DeskCallbackOutcome  *outcome,
              GError                    **error)
{
  for (guint i = 0; i < outcome->n_answers; i++)
    {
      const DeskCallbackAnswer *a = &outcome->answers[i];
      sqlite3_stmt *stmt;

      if (a->rating == DESK_RATING_NONE && desk_text_is_blank (a->text))
        continue;

      stmt = _desk_database_prepare (db,
                                     "INSERT OR REPLACE INTO callback_answers (callback_id, question, rating, text, position)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, a->question, -1, SQLITE_STATIC);
      if (a->rating != DESK_RATING_NONE)
        sqlite3_bind_text (stmt, 3, desk_rating_to_nick (a->rating), -1, SQLITE_STATIC);
      _desk_bind_text_or_null (stmt, 4, desk_text_is_blank (a->text) ? NULL : a->text);
      sqlite3_bind_int (stmt, 5, i);
      if (!_desk_database_step_done (db, stmt, _("Could not save the answers"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_corrections (DeskDatabase               *db,
                  gint64                      customer_id,
                  const DeskCallbackOutcome  *outcome,
                  GError                    **error)
{
  sqlite3_stmt *stmt;
  gboolean phone = !desk_text_is_blank (outcome->new_phone);
  gboolean address = !desk_text_is_blank (outcome->new_address);

  if (!phone && !address)
    return TRUE;

  stmt = _desk_database_prepare (db,
                                 "UPDATE customers SET phone = coalesce(trim(?2), phone),"
                                 " address = coalesce(trim(?3), address) WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  _desk_bind_text_or_null (stmt, 2, phone ? outcome->new_phone : NULL);
  _desk_bind_text_or_null (stmt, 3, address ? outcome->new_address : NULL);
  if (!_desk_database_step_done (db, stmt, _("Could not save the customer’s new phone or address"), error))
    return FALSE;

  _desk_database_notify (db, "customers", customer_id);
  return TRUE;
}

/* An unsatisfied customer: a closed ticket is reopened, an open one goes
 * up a level.  A ticket already at the top level stays where it is. */
static gboolean
act_on_unsatisfied (DeskDatabase  *db,
                    gint64         ticket_id,
                    gint64         actor_id,
                    const char    *reason,
                    GError       **error)
{
  g_autoptr(DeskTicket) ticket = desk_ticket_store_get (db, ticket_id, error);
  const DeskTicketData *d;
  g_autoptr(GError) local_error = NULL;

  if (ticket == NULL)
    return FALSE;
  d = desk_ticket_get_data (ticket);

  if (d->status == DESK_STATUS_CLOSED)
    {
      if (d->merged_into > 0)
        return TRUE;
      return desk_ticket_store_set_status (db, d->id, d->revision, DESK_STATUS_IN_PROGRESS,
                                           actor_id, reason, error);
    }

  if (!desk_ticket_store_escalate (db, d->id, d->revision, actor_id, reason, &local_error))
    {
      if (g_error_matches (local_error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID))
        return TRUE; /* already with the general manager */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
desk_callback_store_record_outcome (DeskDatabase               *db,
                                    gint64                      id,
                                    const DeskCallbackOutcome  *outcome,
                                    gint64                      actor_id,
                                    gint64                      now,
                                    gint64                     *follow_up_id,
                                    GError                    **error)
{
  DeskWorkCalendar *calendar;
  g_autoptr(DeskCallback) b = NULL;
  /* What people said or typed, for the timeline; what came of the call
   * is read from the call itself when the timeline is shown. */
  g_autoptr(GString) remarks = g_string_new (NULL);
  /* The customer's own words where they were unsatisfied: the reason the
   * ticket is escalated or reopened with. */
  g_autoptr(GString) complaint = g_string_new (NULL);
  DeskCallbackState state = DESK_CALLBACK_PLANNED;
  gboolean unsatisfied = FALSE;
  gint64 next_id = 0, call_again_at = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  calendar = desk_calendar_store_get_office_calendar (db);
  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  if (!desk_database_begin (db, error))
    return FALSE;

  if (!(b = desk_callback_store_get (db, id, error)) || !_desk_callback_check_open (b, error))
    goto failed;

  switch (outcome->result)
    {
    case DESK_CALL_CONVENIENT:
      state = DESK_CALLBACK_REACHED;
      for (guint i = 0; i < outcome->n_answers; i++)
        {
          const DeskCallbackAnswer *a = &outcome->answers[i];

          if (!desk_text_is_blank (a->text))
            g_string_append_printf (remarks, "%s%s", remarks->len > 0 ? "\n" : "", a->text);
          if (a->rating == DESK_RATING_UNSATISFIED)
            {
              unsatisfied = TRUE;
              if (!desk_text_is_blank (a->text))
                g_string_append_printf (complaint, "%s%s", complaint->len > 0 ? "\n" : "", a->text);
            }
        }
      if (!save_answers (db, id, outcome, error))
        goto failed;
      break;

    case DESK_CALL_NOT_CONVENIENT:
      if (outcome->call_again_at <= now)
        {
          g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                       _("Call again at: give a time after now when the customer can talk"));
          goto failed;
        }
      state = DESK_CALLBACK_RESCHEDULED;
      call_again_at = outcome->call_again_at;
      break;

    case DESK_CALL_NO_ANSWER:
      state = DESK_CALLBACK_NOT_REACHED;
      call_again_at = outcome->call_again_at > now
                      ? outcome->call_again_at
                      : desk_callback_suggest_time (calendar, now + RETRY_SECONDS);
      break;

    default:
      g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                   _("Outcome: %d is not a call result"), (int)outcome->result);
      goto failed;
    }

  if (call_again_at > 0 && !plan_next (db, b, call_again_at, &next_id, error))
    goto failed;

  if (!save_corrections (db, b->customer_id, outcome, error))
    goto failed;
  if (!desk_text_is_blank (outcome->note))
    g_string_append_printf (remarks, "%s%s", remarks->len > 0 ? "\n" : "", outcome->note);

  stmt = _desk_database_prepare (db,
                                 "UPDATE callbacks SET state = ?2, outcome = ?3, done_at = ?4, done_by = ?5,"
                                 " call_again_at = ?6, next_id = ?7, note = coalesce(?8, note)"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, desk_callback_state_to_nick (state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, result_nicks[outcome->result], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  if (actor_id > 0)
    sqlite3_bind_int64 (stmt, 5, actor_id);
  if (call_again_at > 0)
    sqlite3_bind_int64 (stmt, 6, call_again_at);
  if (next_id > 0)
    sqlite3_bind_int64 (stmt, 7, next_id);
  _desk_bind_text_or_null (stmt, 8, desk_text_is_blank (outcome->note) ? NULL : outcome->note);
  if (!_desk_database_step_done (db, stmt, _("Could not save the callback’s outcome"), error))
    goto failed;

  /* The timeline: a call that reached the customer (or that they asked
   * to move) is a callback for the deadline rules; an unanswered one is
   * only a note, so that it does not meet the daily callback rule. */
  if (b->ticket_id > 0)
    {
      gboolean ok;

      ok = desk_ticket_store_record_call (db, b->ticket_id, actor_id, now, id,
                                          outcome->result != DESK_CALL_NO_ANSWER,
                                          remarks->len > 0 ? remarks->str : NULL, error);
      if (!ok ||
          (!desk_text_is_blank (outcome->new_phone) &&
           !desk_ticket_store_record_customer_change (db, b->ticket_id, actor_id, "phone",
                                                      outcome->new_phone, error)))
        goto failed;
      if (!desk_text_is_blank (outcome->new_address) &&
          !desk_ticket_store_record_customer_change (db, b->ticket_id, actor_id, "address",
                                                     outcome->new_address, error))
        goto failed;

      if (outcome->result == DESK_CALL_CONVENIENT &&
          ((outcome->visit_agreed &&
            !desk_ticket_store_record (db, b->ticket_id, actor_id, "visit-agreed", now, NULL, error)) ||
           (outcome->visited &&
            !desk_ticket_store_record (db, b->ticket_id, actor_id, "visited", now, NULL, error))))
        goto failed;

      if (unsatisfied &&
          !act_on_unsatisfied (db, b->ticket_id, actor_id, complaint->len > 0 ? complaint->str : NULL,
                               error))
        goto failed;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  if (follow_up_id != NULL)
    *follow_up_id = next_id;
  _desk_database_notify (db, "callbacks", id);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

void
desk_callback_answers_free (GArray *answers)
{
  if (answers == NULL)
    return;

  for (guint i = 0; i < answers->len; i++)
    {
      DeskCallbackAnswer *a = &g_array_index (answers, DeskCallbackAnswer, i);
      g_free ((char *)a->question);
      g_free ((char *)a->text);
    }
  g_array_unref (answers);
}

GArray *
desk_callback_store_answers (DeskDatabase  *db,
                             gint64         id,
                             GError       **error)
{
  GArray *answers = g_array_new (FALSE, TRUE, sizeof (DeskCallbackAnswer));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT question, rating, text FROM callback_answers WHERE callback_id = ?1"
                                 " ORDER BY position",
                                 error);
  if (stmt == NULL)
    {
      g_array_unref (answers);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskCallbackAnswer a = {
        _desk_column_dup (stmt, 0),
        _desk_rating_from_nick ((const char *)sqlite3_column_text (stmt, 1)),
        _desk_column_dup (stmt, 2),
      };
      g_array_append_val (answers, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the answers"));
      desk_callback_answers_free (answers);
      return NULL;
    }

  return answers;
}
