/* desk-manual-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-manual-import.h"

G_BEGIN_DECLS

/* Shared by the recogniser (desk-manual-parse.c) and the corrections the
 * import view makes (desk-manual-edit.c). */

/* A flow, or with @route a hazard holding an evacuation route, made of
 * @text ("a→b→c", "a——b——c", or sentences); not attached anywhere. */
DeskProcNode *_desk_manual_make_flow  (DeskManualImport *import,
                                       const char       *text,
                                       int               line,
                                       gboolean          route);
/* Proposes rules for the time limits in @text; returns how many. */
guint         _desk_manual_find_rules (DeskManualImport *import,
                                       const char       *text);
/* Counts clauses, flows and routes again after a change. */
void          _desk_manual_recount    (DeskManualImport *import);

G_END_DECLS
