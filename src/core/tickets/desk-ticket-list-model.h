/* desk-ticket-list-model.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-database.h"
#include "desk-ticket-query.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKET_LIST_MODEL (desk_ticket_list_model_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketListModel, desk_ticket_list_model, DESK, TICKET_LIST_MODEL, GObject)

/* A GListModel of DeskTicket over a query, fetched a page at a time on
 * demand (keyset paging from the neighbouring page when there is one),
 * with a cached count.  The same ticket keeps the same object while its
 * page is cached.  It follows DeskDatabase::changed: a changed ticket
 * emits items-changed at its position, a new one where it lands. */
DeskTicketListModel *desk_ticket_list_model_new       (DeskDatabase          *db,
                                                       const DeskTicketQuery *query);
/* Replaces the query (queue, search, sort): one items-changed for all. */
void                 desk_ticket_list_model_set_query (DeskTicketListModel   *self,
                                                       const DeskTicketQuery *query);
const DeskTicketQuery *desk_ticket_list_model_get_query (DeskTicketListModel *self);
/* Drops every cached page and counts again (after changes made by another
 * process). */
void                 desk_ticket_list_model_reload    (DeskTicketListModel   *self);
/* How many pages were read from the database, for tests and benchmarks. */
guint                desk_ticket_list_model_get_fetches (DeskTicketListModel *self);

G_END_DECLS
