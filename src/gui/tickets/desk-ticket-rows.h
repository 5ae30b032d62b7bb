/* desk-ticket-rows.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-ticket.h"

G_BEGIN_DECLS

/* One row of the ticket table: which ticket it shows changes, the row
 * object does not; its watchers are told when to redraw. */
#define DESK_TYPE_TICKET_ROW (desk_ticket_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketRow, desk_ticket_row, DESK, TICKET_ROW, GObject)

typedef void (*DeskTicketRowWatch) (DeskTicketRow *row,
                                    gpointer       data);

DeskTicket *desk_ticket_row_get_ticket (DeskTicketRow      *self);
/* @func(@data) is called when the row shows another ticket, until
 * unwatched; it must not watch or unwatch rows itself.  A plain list, not
 * a signal: each of a table's ~2,200 cells watches its row and stops as
 * the table scrolls, and signal handlers cost several times as much. */
void        desk_ticket_row_watch      (DeskTicketRow      *self,
                                        DeskTicketRowWatch  func,
                                        gpointer            data);
void        desk_ticket_row_unwatch    (DeskTicketRow      *self,
                                        DeskTicketRowWatch  func,
                                        gpointer            data);

/* A list model of DeskTicketRow over a list model of DeskTicket that keeps
 * its row objects when the list is replaced wholesale (a new queue, sort
 * or search): the rows in place are given their new tickets instead.
 *
 * Why: GTK 4.8's list views drop every row widget whose item goes away
 * and build new ones, about 200 rows of eleven cells each, for every
 * query; with stable items they only refresh their text.
 *
 * A list replaced by an empty one keeps its rows (and their tickets) until
 * the next tickets come: whoever shows the rows shows something else for
 * an empty list (the Tickets area, its empty page), and the rows are
 * there again for the next list. */
#define DESK_TYPE_TICKET_ROWS (desk_ticket_rows_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketRows, desk_ticket_rows, DESK, TICKET_ROWS, GObject)

DeskTicketRows *desk_ticket_rows_new        (GListModel     *tickets);
GListModel     *desk_ticket_rows_get_source (DeskTicketRows *self);
/* Shows at most @limit rows (0: all).  GTK 4.8's table builds the widgets
 * of about 200 rows whatever fits on screen, which on a window's first
 * frame costs more than everything else, and again when a list shorter
 * than that grows long; a limit of what one screen can show, lifted after
 * the next frame, lets the rows on screen appear first. */
void            desk_ticket_rows_set_limit  (DeskTicketRows *self,
                                             guint           limit);

G_END_DECLS
