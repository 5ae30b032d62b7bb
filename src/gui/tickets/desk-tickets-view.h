/* desk-tickets-view.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-ticket-list-model.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKETS_VIEW (desk_tickets_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketsView, desk_tickets_view, DESK, TICKETS_VIEW, AdwBin)

/* The Tickets area: queues with counts, the ticket table, search, the
 * selected ticket's detail pane and the new-ticket dialog.  Shows nothing
 * until it has an office.  @settings (may be NULL) gives "current-user". */
void                 desk_tickets_view_set_office     (DeskTicketsView *self,
                                                       DeskDatabase    *database,
                                                       GSettings       *settings);
/* The table's model: never wrapped in a sort or filter model. */
DeskTicketListModel *desk_tickets_view_get_model      (DeskTicketsView *self);
/* Shows a queue (selecting its sidebar row); FALSE when the sidebar has
 * no such queue. */
gboolean             desk_tickets_view_show_queue     (DeskTicketsView *self,
                                                       DeskQueue        queue,
                                                       gint64           queue_arg);
void                 desk_tickets_view_focus_search   (DeskTicketsView *self);
/* Selects ticket @id, showing all open (or closed) tickets without a
 * search when the current queue does not hold it. */
gboolean             desk_tickets_view_select_ticket  (DeskTicketsView *self,
                                                       gint64           id);
/* The ticket whose detail is shown, or NULL. */
DeskTicket          *desk_tickets_view_get_shown_ticket (DeskTicketsView *self);
/* Opens the new-ticket dialog and returns it. */
GtkWindow           *desk_tickets_view_new_ticket     (DeskTicketsView *self);

G_END_DECLS
