/* desk-ticket-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "desk-database.h"
#include "desk-ticket.h"
#include "desk-ticket-store.h"

G_BEGIN_DECLS

/* The one SELECT that reads tickets, for desk-ticket-store.c and
 * desk-ticket-query.c; _desk_ticket_from_row() reads its columns. */
#define DESK_TICKET_COLUMNS \
  "t.id, t.number, t.kind, t.on_site, t.status, t.severity, t.major, t.channel," \
  " t.customer_id, t.customer_name, c.phone, t.asset_id, a.label," \
  " t.category_id, cat.name_en, cat.name_zh, t.department_id, d.name, t.owner_id, s.name," \
  " t.summary, t.description, t.escalation_level, t.repeat_of, t.repeat_count, t.merged_into," \
  " t.received_at, t.updated_at, t.closed_at, t.next_deadline, t.revision"

/* LEFT JOINs throughout: they can never drop a ticket, so SQLite need not
 * run them for rows it skips. */
#define DESK_TICKET_JOINS \
  " LEFT JOIN customers c ON c.id = t.customer_id" \
  " LEFT JOIN assets a ON a.id = t.asset_id" \
  " LEFT JOIN categories cat ON cat.id = t.category_id" \
  " LEFT JOIN departments d ON d.id = t.department_id" \
  " LEFT JOIN staff s ON s.id = t.owner_id"

#define DESK_TICKET_SELECT "SELECT " DESK_TICKET_COLUMNS " FROM tickets t" DESK_TICKET_JOINS

DeskTicket *_desk_ticket_from_row (sqlite3_stmt *stmt);

/* For other stores whose changes belong on a ticket's timeline (notices):
 * appends the entry and records the fact the deadline rules read, inside
 * the caller's transaction.  The caller refreshes the deadlines. */
gboolean    _desk_ticket_store_add_event (DeskDatabase  *db,
                                          gint64         ticket_id,
                                          gint64         at,
                                          gint64         actor_id,
                                          const char    *kind,
                                          const char    *field,
                                          const char    *old_value,
                                          const char    *new_value,
                                          const char    *note,
                                          GError       **error);

/* The ticket store's own, shared by its files (desk-ticket-store.c,
 * -routing.c, -timeline.c, -bulk.c). */
static inline gint64
_desk_ticket_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The next number for a ticket of @kind received at @received_at,
 * TS-2026-000123, counted inside the caller's transaction. */
char       *_desk_ticket_store_next_number         (DeskDatabase    *db,
                                                    DeskTicketKind   kind,
                                                    gint64           received_at,
                                                    GError         **error);

/* Rewrites the text the search index holds for the ticket. */
gboolean    _desk_ticket_store_refresh_search_text (DeskDatabase  *db,
                                                    gint64         ticket_id,
                                                    GError       **error);

/* Links @a and @b (kind "related", "repeat" or "merged"), once. */
gboolean    _desk_ticket_store_insert_link         (DeskDatabase  *db,
                                                    gint64         a,
                                                    gint64         b,
                                                    const char    *kind,
                                                    GError       **error);

typedef gboolean (*DeskTicketChangeFunc) (DeskDatabase *db,
                                          DeskTicket   *before,
                                          gint64        now,
                                          gpointer      user_data,
                                          GError      **error);

/* The frame every change of a ticket's own fields runs in: one
 * transaction, the revision check (a stale @revision fails with
 * DESK_TICKET_STORE_ERROR_STALE and says who won), @func, the search
 * text, the deadlines, and a notification. */
gboolean    _desk_ticket_store_change              (DeskDatabase          *db,
                                                    gint64                 id,
                                                    gint64                 revision,
                                                    DeskTicketChangeFunc   func,
                                                    gpointer               user_data,
                                                    GError               **error);

G_END_DECLS
