/* desk-alert-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-policy.h"

G_BEGIN_DECLS

/* What happens when deadlines pass: the deadline check notices each
 * warning (a deadline past its warning share) and each breach once,
 * escalates the ticket for rules that say so (to the rule's role, or the
 * next in the chain department manager -> branch general manager ->
 * general manager, on the ticket's timeline), records fines in the
 * ledger, and remembers when it last ran, so that a check after the
 * program was closed catches up on everything in between. */

typedef enum
{
  DESK_ALERT_WARNING,
  DESK_ALERT_BREACH,
} DeskAlertKind;

typedef struct
{
  gint64         ticket_id;
  char          *number;
  char          *rule_label;
  DeskAlertKind  kind;
  gint64         due_at;
  gboolean       escalated;
  DeskRole       escalated_to;     /* with @escalated */
} DeskDeadlineAlert;

void       desk_deadline_alert_free       (DeskDeadlineAlert *alert);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskDeadlineAlert, desk_deadline_alert_free)

/* When the last check ran (0: never), stored in the office database. */
gint64     desk_alert_store_get_last_check (DeskDatabase  *db);

/* Every breach that fell due after the last check (the first check ever:
 * within the day before @now) up to @now, and every deadline now due
 * soon, not noticed before; each is processed once, so running it twice
 * finds nothing new.  Returns the new alerts, oldest due first.  Element
 * type DeskDeadlineAlert. */
GPtrArray *desk_alert_store_catch_up      (DeskDatabase  *db,
                                           gint64         now,
                                           GError       **error);

/* Records that @staff_id (0: unknown) saw the ticket's escalations that
 * nobody acknowledged yet, and says so on its timeline; @n_acknowledged
 * receives how many (0: nothing was waiting, nothing is changed). */
gboolean   desk_alert_store_acknowledge   (DeskDatabase  *db,
                                           gint64         ticket_id,
                                           gint64         staff_id,
                                           gint64         now,
                                           guint         *n_acknowledged,
                                           GError       **error);

/* Whether an escalation of the ticket waits for acknowledgement; @role
 * receives the role it went to. */
gboolean   desk_alert_store_awaits_acknowledgement (DeskDatabase  *db,
                                                    gint64         ticket_id,
                                                    DeskRole      *role);

G_END_DECLS
