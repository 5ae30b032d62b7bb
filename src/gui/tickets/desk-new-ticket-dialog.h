/* desk-new-ticket-dialog.h
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

#define DESK_TYPE_NEW_TICKET_DIALOG (desk_new_ticket_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskNewTicketDialog, desk_new_ticket_dialog, DESK, NEW_TICKET_DIALOG, AdwWindow)

/* The intake form, made to be used while the phone is ringing: the caller
 * is found by phone, name or plate (or entered as a new customer), their
 * tickets are shown, and a complaint that repeats an earlier one can be
 * linked to it.
 *
 * Signals: created (DeskTicket *ticket): the ticket was saved; the
 * dialog closes itself afterwards.
 * Actions: new-ticket.save (Ctrl+Enter). */
GtkWindow *desk_new_ticket_dialog_new (DeskDatabase *database,
                                       gint64        actor_id);

G_END_DECLS
