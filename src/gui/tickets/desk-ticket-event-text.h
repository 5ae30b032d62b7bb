/* desk-ticket-event-text.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-ticket-store.h"

G_BEGIN_DECLS

/* What the timeline entry @e says, in one line, in the reader's language.
 * @db (may be NULL) lets it name categories and tell a call from the call
 * itself. */
char *desk_ticket_event_describe (DeskDatabase          *db,
                                  const DeskTicketEvent *e);

G_END_DECLS
