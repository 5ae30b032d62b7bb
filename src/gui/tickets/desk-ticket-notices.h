/* desk-ticket-notices.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-notice.h"
#include "desk-ticket.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKET_NOTICES (desk_ticket_notices_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketNotices, desk_ticket_notices, DESK, TICKET_NOTICES, AdwBin)

/* The ticket detail's section of rectification notices: "Issue Notice…"
 * and, for each of the ticket's notices (newest first), its state,
 * Print…, Export PDF… and the next step (rectified, verified).
 *
 * Actions: ticket-notices.issue. */
void desk_ticket_notices_set_office (DeskTicketNotices *self,
                                     DeskDatabase      *database,
                                     gint64             actor_id);
void desk_ticket_notices_set_ticket (DeskTicketNotices *self,
                                     DeskTicket        *ticket);

/* A notice's row: number, recipient, deadline and state, with buttons
 * that activate notice-row.print, notice-row.export, notice-row.correct,
 * notice-row.rectified
 * and notice-row.verified (parameter: the notice's id).  Shared with the
 * notices view, which installs the same actions. */
GtkWidget *_desk_notice_row_new     (DeskNotice        *notice,
                                     gboolean           show_ticket);
/* What those actions do, for the widget that installed them. */
void       _desk_notice_row_action  (GtkWidget         *widget,
                                     DeskDatabase      *database,
                                     gint64             actor_id,
                                     const char        *action_name,
                                     GVariant          *parameter);

G_END_DECLS
