/* desk-ticket-workflow.c
 *
 * The legal moves between statuses, one table for complaints and one for
 * repair and maintenance orders, and the error that names an illegal move
 * and the allowed ones.  No database: desk-ticket-routing.c checks every
 * status change against it and the detail pane offers its next statuses.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-ticket-workflow.h"

G_DEFINE_QUARK (desk-workflow-error-quark, desk_ticket_workflow_error)

/* From the complaint manuals: the clerk receives and forwards it (within
 * 30 minutes) to the responsible department, whose manager contacts the
 * customer; the work is done, a rectification notice is issued and the
 * fault rectified, QA verifies, and the complaint is closed.  A customer
 * can be satisfied on the first call (contacted -> closed); a failed
 * verification goes back to rectifying; a closed complaint can be
 * reopened when the customer calls again about the same matter. */
static const DeskTicketStatus complaint_received[] = { DESK_STATUS_FORWARDED };
static const DeskTicketStatus complaint_forwarded[] = { DESK_STATUS_CONTACTED };
static const DeskTicketStatus complaint_contacted[] = { DESK_STATUS_IN_PROGRESS, DESK_STATUS_RECTIFYING, DESK_STATUS_CLOSED };
static const DeskTicketStatus complaint_in_progress[] = { DESK_STATUS_RECTIFYING, DESK_STATUS_VERIFYING, DESK_STATUS_CLOSED };
static const DeskTicketStatus complaint_rectifying[] = { DESK_STATUS_VERIFYING };
static const DeskTicketStatus complaint_verifying[] = { DESK_STATUS_CLOSED, DESK_STATUS_RECTIFYING };
static const DeskTicketStatus reopen[] = { DESK_STATUS_IN_PROGRESS };

/* Repair and maintenance orders: received, dispatched by the coordinator
 * to an engineer (send-in or on-site), worked on, checked, closed. */
static const DeskTicketStatus order_received[] = { DESK_STATUS_DISPATCHED };
static const DeskTicketStatus order_dispatched[] = { DESK_STATUS_IN_PROGRESS };
static const DeskTicketStatus order_in_progress[] = { DESK_STATUS_VERIFYING };
static const DeskTicketStatus order_verifying[] = { DESK_STATUS_CLOSED, DESK_STATUS_IN_PROGRESS };

typedef struct
{
  const DeskTicketStatus *to;
  guint                   n;
} Moves;

#define MOVES(array) { array, G_N_ELEMENTS (array) }

static const Moves complaint_moves[DESK_N_STATUSES] = {
  [DESK_STATUS_RECEIVED] = MOVES (complaint_received),
  [DESK_STATUS_FORWARDED] = MOVES (complaint_forwarded),
  [DESK_STATUS_CONTACTED] = MOVES (complaint_contacted),
  [DESK_STATUS_IN_PROGRESS] = MOVES (complaint_in_progress),
  [DESK_STATUS_RECTIFYING] = MOVES (complaint_rectifying),
  [DESK_STATUS_VERIFYING] = MOVES (complaint_verifying),
  [DESK_STATUS_CLOSED] = MOVES (reopen),
};

static const Moves order_moves[DESK_N_STATUSES] = {
  [DESK_STATUS_RECEIVED] = MOVES (order_received),
  [DESK_STATUS_DISPATCHED] = MOVES (order_dispatched),
  [DESK_STATUS_IN_PROGRESS] = MOVES (order_in_progress),
  [DESK_STATUS_VERIFYING] = MOVES (order_verifying),
  [DESK_STATUS_CLOSED] = MOVES (reopen),
};

static const Moves *
moves_for (DeskTicketKind   kind,
           DeskTicketStatus from)
{
  if ((guint)from >= DESK_N_STATUSES)
    return NULL;

  return kind == DESK_TICKET_COMPLAINT ? &complaint_moves[from] : &order_moves[from];
}

const DeskTicketStatus *
desk_ticket_workflow_next_statuses (DeskTicketKind    kind,
                                    DeskTicketStatus  from,
                                    guint            *n_statuses)
{
  const Moves *moves = moves_for (kind, from);

  *n_statuses = moves ? moves->n : 0;
  return moves ? moves->to : NULL;
}

gboolean
desk_ticket_workflow_allows (DeskTicketKind    kind,
                             DeskTicketStatus  from,
                             DeskTicketStatus  to)
{
  const Moves *moves = moves_for (kind, from);

  for (guint i = 0; moves != NULL && i < moves->n; i++)
    if (moves->to[i] == to)
      return TRUE;

  return FALSE;
}

/* Breadth first over the moves, so the first way found is the shortest;
 * @previous[s] is the status a way reaches s from (-1: not reached). */
static void
walk (DeskTicketKind    kind,
      DeskTicketStatus  from,
      int               previous[DESK_N_STATUSES],
      DeskTicketStatus  order[DESK_N_STATUSES],
      guint            *n_order)
{
  guint head = 0;

  for (guint i = 0; i < DESK_N_STATUSES; i++)
    previous[i] = -1;
  *n_order = 0;
  previous[from] = from;
  order[(*n_order)++] = from;

  while (head < *n_order)
    {
      DeskTicketStatus at = order[head++];
      const Moves *moves = moves_for (kind, at);

      /* Closing is never a step on the way: only a status that may close
       * reaches Closed.  From Closed only its own moves (reopening). */
      for (guint i = 0; moves != NULL && i < moves->n; i++)
        if (previous[moves->to[i]] < 0 && (moves->to[i] != DESK_STATUS_CLOSED || at == from))
          {
            previous[moves->to[i]] = at;
            order[(*n_order)++] = moves->to[i];
          }
      if (from == DESK_STATUS_CLOSED)
        break;
    }
}

guint
desk_ticket_workflow_path (DeskTicketKind    kind,
                           DeskTicketStatus  from,
                           DeskTicketStatus  to,
                           DeskTicketStatus  path[DESK_N_STATUSES])
{
  int previous[DESK_N_STATUSES];
  DeskTicketStatus order[DESK_N_STATUSES];
  guint n_order, n = 0;

  if ((guint)from >= DESK_N_STATUSES || (guint)to >= DESK_N_STATUSES || from == to)
    return 0;

  walk (kind, from, previous, order, &n_order);
  if (previous[to] < 0)
    return 0;

  for (int s = to; s != (int)from; s = previous[s])
    n++;
  for (int s = to, i = n - 1; s != (int)from; s = previous[s], i--)
    path[i] = s;
  return n;
}

guint
desk_ticket_workflow_reachable (DeskTicketKind    kind,
                                DeskTicketStatus  from,
                                DeskTicketStatus  reachable[DESK_N_STATUSES])
{
  int previous[DESK_N_STATUSES];
  DeskTicketStatus order[DESK_N_STATUSES];
  guint n_order;

  if ((guint)from >= DESK_N_STATUSES)
    return 0;

  walk (kind, from, previous, order, &n_order);
  for (guint i = 1; i < n_order; i++)
    reachable[i - 1] = order[i];
  return n_order - 1;
}

gboolean
desk_ticket_workflow_uses (DeskTicketKind   kind,
                           DeskTicketStatus status)
{
  const Moves *moves = moves_for (kind, status);

  return moves != NULL && moves->n > 0;
}

gboolean
desk_ticket_workflow_check (DeskTicketKind    kind,
                            DeskTicketStatus  from,
                            DeskTicketStatus  to,
                            GError          **error)
{
  g_autoptr(GString) allowed = NULL;
  const Moves *moves;

  if (desk_ticket_workflow_allows (kind, from, to))
    return TRUE;

  moves = moves_for (kind, from);
  allowed = g_string_new (NULL);
  for (guint i = 0; moves != NULL && i < moves->n; i++)
    {
      if (i > 0)
        /* Translators: separates the statuses in a list */
        g_string_append (allowed, _(", "));
      g_string_append (allowed, desk_ticket_status_get_label (moves->to[i]));
    }

  g_set_error (error, DESK_WORKFLOW_ERROR, DESK_WORKFLOW_ERROR_ILLEGAL,
               /* Translators: "A complaint cannot go from Received to Closed; it can go to: Forwarded" */
               _("%s cannot go from %s to %s; it can go to: %s"),
               desk_ticket_kind_get_label (kind),
               desk_ticket_status_get_label (from),
               desk_ticket_status_get_label (to),
               allowed->len > 0 ? allowed->str : _("nothing"));
  return FALSE;
}
