/* desk-procedure-viewer.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-procedure.h"

G_BEGIN_DECLS

#define DESK_TYPE_PROCEDURE_VIEWER (desk_procedure_viewer_get_type ())

G_DECLARE_FINAL_TYPE (DeskProcedureViewer, desk_procedure_viewer, DESK, PROCEDURE_VIEWER, AdwBin)

/* A procedure drawn with GTK widgets: headings and numbered clauses,
 * flows as a chain of steps, hazards by level (colour, icon and word),
 * evacuation routes, call scripts as branching cards, the role table,
 * forms and time limits; with find-in-document and zoom. */
GtkWidget  *desk_procedure_viewer_new          (void);
/* Shows @procedure (the viewer keeps it; NULL clears), which is
 * @revision of a procedure whose latest revision is @latest (0: not
 * stored). */
void        desk_procedure_viewer_set_procedure (DeskProcedureViewer *self,
                                                 DeskProcedure       *procedure,
                                                 int                  revision,
                                                 int                  latest);
/* Adds @widget to the viewer's toolbar, at its end. */
void        desk_procedure_viewer_add_tool     (DeskProcedureViewer *self,
                                                GtkWidget           *widget);
/* Highlights every match of @text and scrolls to the first; returns the
 * number of matches. */
guint       desk_procedure_viewer_find         (DeskProcedureViewer *self,
                                                const char          *text);
void        desk_procedure_viewer_find_next    (DeskProcedureViewer *self,
                                                gboolean             backwards);
void        desk_procedure_viewer_set_zoom     (DeskProcedureViewer *self,
                                                double               zoom);
double      desk_procedure_viewer_get_zoom     (DeskProcedureViewer *self);
void        desk_procedure_viewer_focus_find   (DeskProcedureViewer *self);

G_END_DECLS
