/* desk-ticket.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "desk-types.h"

G_BEGIN_DECLS

/* One ticket as read from the office: an immutable snapshot.  A change
 * makes a new snapshot (with a higher revision); lists replace the item. */
typedef struct
{
  gint64            id;
  char             *number;          /* TS-2026-000123 */
  DeskTicketKind    kind;
  gboolean          on_site;         /* repair orders: on-site, else send-in */
  DeskTicketStatus  status;
  DeskSeverity      severity;
  gboolean          major;           /* 重大投诉 */
  DeskChannel       channel;
  gint64            customer_id;
  char             *customer_name;
  char             *customer_phone;
  gint64            asset_id;        /* 0: none */
  char             *asset_label;
  gint64            category_id;
  char             *category_name;   /* in the user's language */
  gint64            department_id;   /* 0: not yet forwarded */
  char             *department_name;
  gint64            owner_id;        /* 0: unassigned */
  char             *owner_name;
  char             *summary;
  char             *description;
  int               escalation_level;
  gint64            repeat_of;       /* 0: a first complaint */
  int               repeat_count;    /* 1 first, 2 second … */
  gint64            merged_into;     /* 0: not merged */
  gint64            received_at;     /* Unix seconds */
  gint64            updated_at;
  gint64            closed_at;       /* 0: open */
  gint64            next_deadline;   /* 0: none */
  gint64            revision;        /* for refusing stale saves */
} DeskTicketData;

void desk_ticket_data_clear (DeskTicketData *data);

#define DESK_TYPE_TICKET (desk_ticket_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicket, desk_ticket, DESK, TICKET, GObject)

/* Takes the contents of @data (which is zeroed). */
DeskTicket           *desk_ticket_new_take   (DeskTicketData *data);
const DeskTicketData *desk_ticket_get_data   (DeskTicket     *self);
gint64                desk_ticket_get_id     (DeskTicket     *self);
const char           *desk_ticket_get_number (DeskTicket     *self);
gboolean              desk_ticket_is_open    (DeskTicket     *self);

G_END_DECLS
