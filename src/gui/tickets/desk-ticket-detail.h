/* desk-ticket-detail.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-ticket.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKET_DETAIL (desk_ticket_detail_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketDetail, desk_ticket_detail, DESK, TICKET_DETAIL, AdwBin)

/* The pane beside the ticket table: one ticket's fields, its timeline and
 * what can be done with it.  Every change names the revision shown; a
 * ticket saved by someone else meanwhile is refused, said in a toast, and
 * shown again as it is now.
 *
 * Actions: detail.set-status (i), detail.assign, detail.escalate,
 * detail.acknowledge (an escalation by a missed deadline; shown only
 * then), detail.add-note, detail.link, detail.merge. */
void        desk_ticket_detail_set_office (DeskTicketDetail *self,
                                           DeskDatabase     *database,
                                           gint64            actor_id);
/* The staff id recorded as doing the changes (0: unknown). */
void        desk_ticket_detail_set_actor  (DeskTicketDetail *self,
                                           gint64            actor_id);
/* @ticket: (nullable): NULL shows "no ticket selected". */
void        desk_ticket_detail_set_ticket (DeskTicketDetail *self,
                                           DeskTicket       *ticket);
DeskTicket *desk_ticket_detail_get_ticket (DeskTicketDetail *self);
/* Reads the ticket again from the office. */
void        desk_ticket_detail_reload     (DeskTicketDetail *self);

G_END_DECLS
