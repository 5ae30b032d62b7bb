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
/* Statuses a kind ever uses, in order. */
gboolean desk_ticket_workflow_uses    (DeskTicketKind    kind,
                                       DeskTicketStatus  status);

G_END_DECLS
