/* desk-manual-edit.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-manual-import.h"

G_BEGIN_DECLS

/* Corrections to what the heuristics recognised, made in the import view
 * before saving: each acts on one node of the imported procedure. */

typedef enum
{
  DESK_MANUAL_EDIT_MERGE,        /* into the block before: text joined, or moved into the clause before */
  DESK_MANUAL_EDIT_SPLIT,        /* a paragraph into its sentences; a flow back into a paragraph */
  DESK_MANUAL_EDIT_INDENT,       /* one level down: into the clause before */
  DESK_MANUAL_EDIT_OUTDENT,      /* one level up: after its parent */
  DESK_MANUAL_EDIT_FLOW,         /* a paragraph becomes a flow */
  DESK_MANUAL_EDIT_ROUTE,        /* a paragraph becomes an evacuation route */
  DESK_MANUAL_EDIT_RULE,         /* the time limits in its text become rules */
  DESK_MANUAL_EDIT_BOILERPLATE,  /* dropped, and listed as boilerplate */
} DeskManualEdit;

#define DESK_MANUAL_N_EDITS (DESK_MANUAL_EDIT_BOILERPLATE + 1)

/* Applies @edit to @node; FALSE with @error saying why when it does not
 * apply (nothing is changed then).  @node may be freed: use the tree. */
gboolean desk_manual_edit_apply (DeskManualImport  *import,
                                 DeskProcNode      *node,
                                 DeskManualEdit     edit,
                                 GError           **error);

/* The list holding @node and its parent (NULL at the top), or FALSE. */
gboolean desk_manual_find_node  (DeskManualImport  *import,
                                 DeskProcNode      *node,
                                 GPtrArray        **list,
                                 DeskProcNode     **parent);

/* All text of @node and its descendants, joined. */
char    *desk_manual_node_text  (DeskProcNode      *node);

G_END_DECLS
