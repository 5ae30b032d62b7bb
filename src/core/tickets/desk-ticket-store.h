/* desk-ticket-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-ticket.h"

G_BEGIN_DECLS

#define DESK_TICKET_STORE_ERROR (desk_ticket_store_error_quark ())

typedef enum
{
  DESK_TICKET_STORE_ERROR_STALE,   /* someone else saved the ticket first */
  DESK_TICKET_STORE_ERROR_INVALID, /* a field is missing or wrong; the message names it */
  DESK_TICKET_STORE_ERROR_NO_DEPARTMENT, /* forwarded or dispatched with no department: assign first */
} DeskTicketStoreError;

GQuark desk_ticket_store_error_quark (void);

/* What the intake form collects. */
typedef struct
{
  DeskTicketKind  kind;
  gboolean        on_site;
  DeskSeverity    severity;
  gboolean        major;
  DeskChannel     channel;
  gint64          customer_id;   /* required */
  gint64          asset_id;      /* 0: none */
  gint64          category_id;   /* required */
  gint64          department_id; /* 0: not yet forwarded */
  gint64          owner_id;      /* 0: unassigned */
  const char     *summary;       /* required */
  const char     *description;
  gint64          received_at;   /* 0: now; a call taken earlier counts from then */
  gint64          repeat_of;     /* 0: first; else the ticket this repeats */
} DeskTicketDraft;

/* One entry of a ticket's timeline. */
typedef struct
{
  gint64  id;
  gint64  at;
  gint64  staff_id;   /* 0: the system */
  char   *staff_name;
  char   *kind;       /* created, status, assign, escalate, field, note, link, merge */
  char   *field;
  char   *old_value;
  char   *new_value;
  char   *note;
} DeskTicketEvent;

void desk_ticket_event_free (DeskTicketEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskTicketEvent, desk_ticket_event_free)

/* Creates the ticket, its number (unique, never reused, in the same
 * transaction), its first timeline entry, and its repeat link. */
DeskTicket *desk_ticket_store_create        (DeskDatabase           *db,
                                             const DeskTicketDraft  *draft,
                                             gint64                  actor_id,
                                             GError                **error);
/* A received time a person should confirm before it is stored (in the
 * future, or long before the office's first ticket): the reason, or %NULL
 * with @error unset when it is ordinary. */
char       *desk_ticket_store_unusual_received (DeskDatabase        *db,
                                                gint64               received_at,
                                                GError             **error);
DeskTicket *desk_ticket_store_get           (DeskDatabase           *db,
                                             gint64                  id,
                                             GError                **error);
DeskTicket *desk_ticket_store_find_number   (DeskDatabase           *db,
                                             const char             *number,
                                             GError                **error);

/* Every change below names the revision the user saw; a ticket changed
 * since is refused with DESK_TICKET_STORE_ERROR_STALE. */
gboolean    desk_ticket_store_set_status    (DeskDatabase           *db,
                                             gint64                  id,
                                             gint64                  revision,
                                             DeskTicketStatus        status,
                                             gint64                  actor_id,
                                             const char             *note,
                                             GError                **error);
gboolean    desk_ticket_store_assign        (DeskDatabase           *db,
                                             gint64                  id,
                                             gint64                  revision,
                                             gint64                  department_id,
                                             gint64                  owner_id,
                                             gint64                  actor_id,
                                             GError                **error);
/* Department manager -> branch general manager -> general manager. */
gboolean    desk_ticket_store_escalate      (DeskDatabase           *db,
                                             gint64                  id,
                                             gint64                  revision,
                                             gint64                  actor_id,
                                             const char             *reason,
                                             GError                **error);
/* What a breached deadline does: raises the ticket to @role in that
 * chain (a role outside it: the next level) unless it is already there or
 * above, as the system (@actor_id 0) or a person; no revision check.
 * @reached receives the role it is with afterwards. */
gboolean    desk_ticket_store_escalate_to   (DeskDatabase           *db,
                                             gint64                  id,
                                             DeskRole                role,
                                             gint64                  actor_id,
                                             const char             *reason,
                                             DeskRole               *reached,
                                             GError                **error);
/* Saves the editable fields of @edited (summary, description, severity,
 * major, category, channel), one timeline entry per changed field. */
gboolean    desk_ticket_store_update        (DeskDatabase           *db,
                                             const DeskTicketData   *edited,
                                             gint64                  actor_id,
                                             GError                **error);
gboolean    desk_ticket_store_add_note      (DeskDatabase           *db,
                                             gint64                  id,
                                             gint64                  actor_id,
                                             const char             *text,
                                             GError                **error);
gboolean    desk_ticket_store_link          (DeskDatabase           *db,
                                             gint64                  id,
                                             gint64                  other_id,
                                             gint64                  actor_id,
                                             GError                **error);
/* Closes @from as merged into @into; both timelines are kept and each
 * records the merge. */
gboolean    desk_ticket_store_merge         (DeskDatabase           *db,
                                             gint64                  from_id,
                                             gint64                  into_id,
                                             gint64                  actor_id,
                                             GError                **error);

/* Records on the timeline that a visit was agreed ("visit-agreed"), that
 * someone came ("visited"), that the customer was called back
 * ("callback"), or that an escalation was acknowledged ("acknowledged";
 * see desk_alert_store_acknowledge), at @at (0: now); deadlines follow. */
gboolean    desk_ticket_store_record        (DeskDatabase           *db,
                                             gint64                  id,
                                             gint64                  actor_id,
                                             const char             *what,
                                             gint64                  at,
                                             const char             *note,
                                             GError                **error);

/* Records a call to the customer about the ticket: "callback" when they
 * talked (a fact the deadline rules read) or "callback-attempt" when
 * nobody answered.  The entry holds the call's id, so the window tells
 * what came of it from the call itself, in the reader's language; @note
 * is what people said or typed (answers' remarks, the caller's note). */
gboolean    desk_ticket_store_record_call   (DeskDatabase           *db,
                                             gint64                  id,
                                             gint64                  actor_id,
                                             gint64                  at,
                                             gint64                  callback_id,
                                             gboolean                talked,
                                             const char             *note,
                                             GError                **error);
/* Records that the customer's "phone" or "address" is now @new_value, as
 * learnt on a call about the ticket. */
gboolean    desk_ticket_store_record_customer_change (DeskDatabase  *db,
                                                      gint64         id,
                                                      gint64         actor_id,
                                                      const char    *field,
                                                      const char    *new_value,
                                                      GError       **error);

/* Oldest first.  Element type DeskTicketEvent. */
GPtrArray  *desk_ticket_store_timeline      (DeskDatabase           *db,
                                             gint64                  id,
                                             GError                **error);
/* Ids of the tickets linked to @id (related, repeats, merged). */
GArray     *desk_ticket_store_links         (DeskDatabase           *db,
                                             gint64                  id,
                                             GError                **error);

/* Complaints that a new complaint of @category_id by this customer (or
 * about this asset) repeats: open ones, and ones closed within
 * @window_days before @now.  Newest first.  Element type DeskTicket. */
GPtrArray  *desk_ticket_store_repeat_candidates (DeskDatabase       *db,
                                                 gint64              customer_id,
                                                 gint64              asset_id,
                                                 gint64              category_id,
                                                 int                 window_days,
                                                 gint64              now,
                                                 GError            **error);
/* A customer's tickets, newest first (for the intake form). */
GPtrArray  *desk_ticket_store_for_customer  (DeskDatabase           *db,
                                             gint64                  customer_id,
                                             guint                   limit,
                                             GError                **error);

/* For generating test and benchmark offices: inserts finished tickets
 * (any status, history already decided) with their numbers, a "created"
 * and, if not received, a status entry on the timeline, and their search
 * text; many per transaction, without the per-ticket checks of create.
 * @drafts[i].received_at must be set; @statuses[i] is the final status and
 * @closed_at[i] its closing time (0 when open); deadlines are left to
 * desk_deadline_store_refresh_all(); @repeat_counts[i] > 1 makes it a repeat of the
 * customer's latest earlier complaint of the same category, when there is
 * one.  The caller runs the transaction. */
gboolean    desk_ticket_store_insert_bulk   (DeskDatabase           *db,
                                             const DeskTicketDraft  *drafts,
                                             const DeskTicketStatus *statuses,
                                             const gint64           *closed_at,
                                             const int              *repeat_counts,
                                             guint                   n,
                                             GError                **error);

G_END_DECLS
