/* desk-checklist-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-procedure.h"

G_BEGIN_DECLS

/* A procedure's flow followed as a checklist on a ticket.  The ticket
 * keeps the revision it followed (a later import does not change its
 * steps); each tick and untick is kept with who and when, and is an
 * entry on the ticket's timeline ("checklist" when attached,
 * "checklist-tick" / "checklist-untick": field the step's position,
 * old_value the procedure's code, new_value the step's text). */

typedef struct
{
  char    *step;          /* its position: "2", "4.1" */
  char    *text;
  char    *role;          /* as the procedure names it, or NULL */
  gboolean optional;
  int      depth;         /* 0 for a step of the flow, 1 for its substeps… */
  gboolean done;
  char    *staff_name;    /* who ticked or unticked it last; NULL: nobody */
  gint64   at;            /* when; 0: never */
} DeskChecklistItem;

typedef struct
{
  gint64     id;
  gint64     ticket_id;
  char      *code;
  int        revision;
  char      *title;       /* the procedure's */
  char      *flow_title;
  GPtrArray *items;       /* DeskChecklistItem in order */
} DeskChecklist;

void        desk_checklist_free                (DeskChecklist *checklist);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskChecklist, desk_checklist_free)

/* The flows of @procedure in document order (not owned). */
GPtrArray  *desk_procedure_get_flows           (const DeskProcedure *procedure);

/* Attaches flow @flow (its index among the procedure's flows) of revision
 * @revision (0: the latest) of @code to ticket @ticket_id.  Returns the
 * checklist's id (the existing one if attached already), 0 on error. */
gint64      desk_checklist_store_attach        (DeskDatabase  *db,
                                                gint64         ticket_id,
                                                const char    *code,
                                                int            revision,
                                                guint          flow,
                                                gint64         staff_id,
                                                gint64         now,
                                                GError       **error);
/* Ticks (or unticks) @step; refuses a step the flow does not have. */
gboolean    desk_checklist_store_tick          (DeskDatabase  *db,
                                                gint64         checklist_id,
                                                const char    *step,
                                                gboolean       done,
                                                gint64         staff_id,
                                                gint64         now,
                                                GError       **error);
/* The ticket's checklists with each step's state, in attaching order. */
GPtrArray  *desk_checklist_store_for_ticket    (DeskDatabase  *db,
                                                gint64         ticket_id,
                                                GError       **error);
DeskChecklist *desk_checklist_store_get        (DeskDatabase  *db,
                                                gint64         checklist_id,
                                                GError       **error);

G_END_DECLS
