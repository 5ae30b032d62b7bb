/* desk-manual-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-manual-import.h"

G_BEGIN_DECLS

/* Shared by the recogniser (desk-manual-parse.c and the files of its
 * passes) and the corrections the import view makes (desk-manual-edit.c).
 * Each is defined beside the pass whose code it reuses. */

/* A flow, or with @route a hazard holding an evacuation route, made of
 * @text ("a→b→c", "a——b——c", or sentences); not attached anywhere.
 * In desk-manual-blocks.c. */
DeskProcNode *_desk_manual_make_flow  (DeskManualImport *import,
                                       const char       *text,
                                       int               line,
                                       gboolean          route);
/* Proposes rules for the time limits in @text; returns how many.
 * In desk-manual-extract.c. */
guint         _desk_manual_find_rules (DeskManualImport *import,
                                       const char       *text);
/* Counts clauses, flows and routes again after a change.  In
 * desk-manual-tree.c. */
void          _desk_manual_recount    (DeskManualImport *import);

G_END_DECLS
