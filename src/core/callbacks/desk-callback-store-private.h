/* desk-callback-store-private.h
 *
 * What the files of the callback store share: the store is split by what
 * a reader looks for, desk-callback-store.c (the names, office time, one
 * call added, read, moved or cancelled, campaigns),
 * desk-callback-planning.c (the automatic planning, the watch, saving the
 * settings), desk-callback-outcome.c (a call's outcome and answers) and
 * desk-callback-query.c (the lists and counts).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "desk-callback-store.h"

G_BEGIN_DECLS

/* For tests: a whole day's follow-ups are planned @ids ticket ids at a
 * time with @pause_us between the parts (0 ids: the default). */
void _desk_callback_store_set_planning_parts (gint64 ids,
                                              gulong pause_us);

/* The one SELECT that reads callbacks with the names the lists show, for
 * desk-callback-store.c (one call) and desk-callback-query.c (the lists);
 * _desk_callback_from_row() reads its columns. */
#define DESK_CALLBACK_SELECT \
  "SELECT b.id, coalesce(b.ticket_id, 0), t.number, t.summary, b.customer_id, c.name, c.phone," \
  " b.reason, b.state, b.planned_at, b.plan_day, coalesce(b.assignee_id, 0), s.name," \
  " coalesce(b.done_at, 0), coalesce(b.call_again_at, 0), b.campaign, b.note, c.address, c.notes" \
  " FROM callbacks b JOIN customers c ON c.id = b.customer_id" \
  " LEFT JOIN tickets t ON t.id = b.ticket_id" \
  " LEFT JOIN staff s ON s.id = b.assignee_id"

DeskCallback *_desk_callback_from_row  (sqlite3_stmt *stmt);

/* A rating as stored (NULL or unknown: DESK_RATING_NONE). */
DeskRating    _desk_rating_from_nick   (const char   *nick);

/* Times and days in the office's time zone. */
GDateTime    *_desk_callback_local_time  (DeskWorkCalendar *calendar,
                                          gint64            when);
/* @minute after midnight of @day. */
gint64        _desk_callback_day_minute  (DeskWorkCalendar *calendar,
                                          const GDate      *day,
                                          int               minute);
void          _desk_callback_date_of     (DeskWorkCalendar *calendar,
                                          gint64            when,
                                          GDate            *day);
/* YYYY-MM-DD. */
void          _desk_callback_format_day  (const GDate      *day,
                                          char              out[11]);
/* @when's day as plan_day holds it, YYYY-MM-DD. */
void          _desk_callback_plan_day_of (DeskWorkCalendar *calendar,
                                          gint64            when,
                                          char              out[11]);

/* Adds one call at @planned_at (its plan_day from @calendar); @ticket_id
 * and @assignee_id 0: none.  @or_ignore: a call the unique index already
 * has (one automatic call per ticket, reason and day) is no error, and
 * @new_id receives 0. */
gboolean      _desk_callback_store_insert (DeskDatabase        *db,
                                           DeskWorkCalendar    *calendar,
                                           gint64               ticket_id,
                                           gint64               customer_id,
                                           DeskCallbackReason   reason,
                                           gint64               planned_at,
                                           gint64               assignee_id,
                                           const char          *campaign,
                                           const char          *note,
                                           gboolean             or_ignore,
                                           gint64              *new_id,
                                           GError             **error);

/* Refuses, with DESK_CALLBACK_STORE_ERROR_DONE, a call that was already
 * made or cancelled. */
gboolean      _desk_callback_check_open   (DeskCallback        *b,
                                           GError             **error);

G_END_DECLS
