/* desk-ticket-workflow.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_WORKFLOW_ERROR (desk_ticket_workflow_error_quark ())

typedef enum
{
  DESK_WORKFLOW_ERROR_ILLEGAL, /* the move is not one the procedure allows */
} DeskWorkflowError;

GQuark   desk_ticket_workflow_error_quark (void);

/* The moves a ticket of @kind may make from @from, in the usual order
 * (the first is the next step of a ticket going well).  Closed tickets can
 * be reopened. */
const DeskTicketStatus *desk_ticket_workflow_next_statuses (DeskTicketKind    kind,
                                                            DeskTicketStatus  from,
                                                            guint            *n_statuses);
gboolean desk_ticket_workflow_allows  (DeskTicketKind    kind,
                                       DeskTicketStatus  from,
                                       DeskTicketStatus  to);
/* FALSE with a message that names the move and what is allowed instead. */
gboolean desk_ticket_workflow_check   (DeskTicketKind    kind,
                                       DeskTicketStatus  from,
                                       DeskTicketStatus  to,
                                       GError          **error);
/* The shortest way from @from to @to along the allowed moves, written to
 * @path (the statuses after @from, @to last); returns the number of
 * steps, 0 when @to cannot be reached.  Closed is reached only from a
 * status that may close, and from Closed only reopening is a way: closing
 * and reopening are decisions of their own, never steps on the way. */
guint    desk_ticket_workflow_path    (DeskTicketKind    kind,
                                       DeskTicketStatus  from,
                                       DeskTicketStatus  to,
                                       DeskTicketStatus  path[DESK_N_STATUSES]);
/* Every status reachable from @from, nearest first (the next steps, then
 * those two steps away …), written to @reachable; returns how many. */
guint    desk_ticket_workflow_reachable (DeskTicketKind    kind,
                                         DeskTicketStatus  from,
                                         DeskTicketStatus  reachable[DESK_N_STATUSES]);
/* Statuses a kind ever uses, in order. */
gboolean desk_ticket_workflow_uses    (DeskTicketKind    kind,
                                       DeskTicketStatus  status);

G_END_DECLS
