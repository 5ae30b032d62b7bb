/* desk-deadline-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-calendar-store.h"
#include "desk-database.h"
#include "desk-policy.h"

G_BEGIN_DECLS

/* A deadline is "due soon" once this share of its time has passed. */
#define DESK_DEADLINE_WARN_PERCENT 80

/* Where a ticket's deadlines come from: its facts are read from the
 * ticket, its customer's asset and its timeline; the policy and the work
 * calendar turn them into deadlines (desk-policy.c).  The earliest
 * unmet one is kept in tickets.next_deadline for the queues. */

/* The office's active policy (its newest revision, desk-policy-store.h)
 * and work calendar ("office", desk-calendar-store.h; with a NULL @db the
 * bundled mainland China calendar).  Policies
 * are owned by @db and cached for as long as it is open. */
const DeskPolicy *desk_deadline_store_get_policy   (DeskDatabase     *db);
/* The policy of @revision, which tickets received under it are measured
 * against. */
const DeskPolicy *desk_deadline_store_get_policy_revision (DeskDatabase  *db,
                                                          int            revision,
                                                          GError       **error);

/* Drops the cached policies and calendars (after a calendar changed). */

/* A ticket's facts; @category receives the category code (free it). */
gboolean  desk_deadline_store_get_facts     (DeskDatabase     *db,
                                             gint64            ticket_id,
                                             DeskTicketFacts  *facts,
                                             char            **category,
                                             GError          **error);
/* The ticket's deadlines now.  Element type DeskDeadline. */
GArray   *desk_deadline_store_evaluate      (DeskDatabase     *db,
                                             gint64            ticket_id,
                                             gint64            now,
                                             GError          **error);
/* Recomputes and stores the ticket's next deadline (inside the caller's
 * transaction when there is one). */
gboolean  desk_deadline_store_refresh       (DeskDatabase     *db,
                                             gint64            ticket_id,
                                             gint64            now,
                                             GError          **error);
/* Every open ticket's next deadline, in one transaction; @n_tickets
 * receives how many were computed. */
gboolean  desk_deadline_store_refresh_all   (DeskDatabase     *db,
                                             gint64            now,
                                             guint64          *n_tickets,
                                             GError          **error);

/* Records in the ledger what the tickets received in [@from, @to) owe
 * (repeat complaints, fined breaches as at @now), as their changes do;
 * for tickets that were added in bulk, and before a monthly report.
 * Recording twice changes nothing. */
gboolean  desk_deadline_store_record_ledger (DeskDatabase     *db,
                                             gint64            from,
                                             gint64            to,
                                             gint64            now,
                                             guint64          *n_tickets,
                                             GError          **error);

/* Calls @func with the deadlines at @now of every open ticket whose next
 * check (a deadline becoming due soon or breached, kept with its next
 * deadline) has come, then moves their next check past @now; inside the
 * caller's transaction.  @func must not write to the database; it returns
 * FALSE to stop. */
typedef gboolean (*DeskDeadlineScanFunc) (gint64                 ticket_id,
                                          const DeskTicketFacts *facts,
                                          GArray                *deadlines,
                                          gpointer               user_data);
gboolean  desk_deadline_store_scan          (DeskDatabase         *db,
                                             gint64                now,
                                             DeskDeadlineScanFunc  func,
                                             gpointer              user_data,
                                             GError              **error);

/* Calls @func with the deadlines at @now of every ticket received from
 * @from up to (not including) @to, open or closed, in one pass; writes
 * nothing.  @func is called in the order of receipt but from a worker
 * thread (desk-deadline-received.c), and returns FALSE to stop. */
gboolean  desk_deadline_store_evaluate_received (DeskDatabase         *db,
                                                 gint64                from,
                                                 gint64                to,
                                                 gint64                now,
                                                 DeskDeadlineScanFunc  func,
                                                 gpointer              user_data,
                                                 GError              **error);

G_END_DECLS
