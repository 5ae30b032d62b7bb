/* desk-ledger-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-policy.h"

G_BEGIN_DECLS

/* Fines and repeat counts per department and person (DOMAIN.md, Rules):
 * a complaint matching a RECORD rule (repeat complaints) is entered once,
 * counted and fined unless it is a first complaint the rule does not
 * count; a breached deadline of a rule with a fine is entered once per
 * deadline.  Recording again changes nothing, except that a department
 * or person unknown at first is filled in later.  The monthly report
 * reads the totals. */

typedef struct
{
  gint64  id;          /* department or staff id; 0: not yet assigned */
  char   *name;
  guint   complaints;  /* complaints recorded (first ones included) */
  guint   repeats;     /* of which repeats (second or later) */
  guint   counted;     /* entries that count against them */
  gint64  fines_yuan;  /* fines recorded against them */
} DeskLedgerTotal;

void       desk_ledger_total_free          (DeskLedgerTotal *total);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskLedgerTotal, desk_ledger_total_free)

/* Called by desk_deadline_store_refresh inside its transaction. */
gboolean   desk_ledger_store_record_ticket (DeskDatabase          *db,
                                            gint64                 ticket_id,
                                            const DeskTicketFacts *facts,
                                            GPtrArray             *occurrences,
                                            GArray                *deadlines,
                                            GError               **error);

/* Totals for a month (in office time), highest fines first.  A fine
 * against a department appears in its department's total, one against a
 * person in that person's.  Element type DeskLedgerTotal. */
GPtrArray *desk_ledger_store_month_by_department (DeskDatabase  *db,
                                                  int            year,
                                                  int            month,
                                                  GError       **error);
GPtrArray *desk_ledger_store_month_by_person     (DeskDatabase  *db,
                                                  int            year,
                                                  int            month,
                                                  GError       **error);

G_END_DECLS
