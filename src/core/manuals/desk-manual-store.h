/* desk-manual-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-manual-import.h"

G_BEGIN_DECLS

/* Imports a .txt/.docx/.odt manual and stores it (a new procedure, or a
 * new revision of its code).  Returns the revision, 0 on error; with
 * @import_out, what was recognised (for the summary). */
int desk_manual_store_import_file (DeskDatabase      *db,
                                   const char        *path,
                                   DeskManualImport **import_out,
                                   GError           **error);

G_END_DECLS
