/* desk-procedures-view.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-procedure-viewer.h"

G_BEGIN_DECLS

#define DESK_TYPE_PROCEDURES_VIEW (desk_procedures_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskProceduresView, desk_procedures_view, DESK, PROCEDURES_VIEW, AdwBin)

/* The Procedures area: a browser (search, the recently used, all by
 * category) beside the viewer. */
void                 desk_procedures_view_set_office (DeskProceduresView *self,
                                                      DeskDatabase       *database);
/* Opens revision @revision (0: the latest) of @code, and lists its
 * revisions in the history popover; FALSE if there is none. */
gboolean             desk_procedures_view_open       (DeskProceduresView *self,
                                                      const char         *code,
                                                      int                 revision);
void                 desk_procedures_view_search     (DeskProceduresView *self,
                                                      const char         *text);
DeskProcedureViewer *desk_procedures_view_get_viewer (DeskProceduresView *self);
/* How many procedures the list shows now. */
guint                desk_procedures_view_get_n_shown (DeskProceduresView *self);

G_END_DECLS
