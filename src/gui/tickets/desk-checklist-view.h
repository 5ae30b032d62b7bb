/* desk-checklist-view.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHECKLIST_VIEW (desk_checklist_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskChecklistView, desk_checklist_view, DESK, CHECKLIST_VIEW, AdwBin)

/* A ticket's procedure checklists: each flow's steps as check rows that
 * say who ticked them and when, and a chooser to follow another flow.
 * Meant for the ticket detail pane. */
GtkWidget *desk_checklist_view_new        (void);
/* Shows ticket @ticket_id's checklists; ticks are made as @staff_id
 * (0: nobody known). */
void       desk_checklist_view_set_ticket (DeskChecklistView *self,
                                           DeskDatabase      *database,
                                           gint64             ticket_id,
                                           gint64             staff_id);
/* Follows flow @flow of the latest revision of @code on the ticket. */
gboolean   desk_checklist_view_attach     (DeskChecklistView *self,
                                           const char        *code,
                                           guint              flow);
/* Ticks or unticks @step of the checklist shown @index-th. */
gboolean   desk_checklist_view_tick       (DeskChecklistView *self,
                                           guint              index,
                                           const char        *step,
                                           gboolean           done);

G_END_DECLS
