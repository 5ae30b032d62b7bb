/* desk-manual-import-window.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-manual-edit.h"

G_BEGIN_DECLS

#define DESK_TYPE_MANUAL_IMPORT_WINDOW (desk_manual_import_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskManualImportWindow, desk_manual_import_window, DESK, MANUAL_IMPORT_WINDOW, AdwWindow)

/* Takes @import; @source is the file's name, kept with the revision.
 * Emits "saved" (the procedure's code) when stored. */
DeskManualImportWindow *desk_manual_import_window_new          (DeskDatabase           *database,
                                                                DeskManualImport       *import,
                                                                const char             *source);
DeskManualImport       *desk_manual_import_window_get_import   (DeskManualImportWindow *self);
DeskProcNode           *desk_manual_import_window_get_selected (DeskManualImportWindow *self);
gboolean                desk_manual_import_window_select_node  (DeskManualImportWindow *self,
                                                                DeskProcNode           *node);
/* Puts the text cursor on source line @line (1-based), as a click does. */
void                    desk_manual_import_window_place_cursor (DeskManualImportWindow *self,
                                                                int                     line);
/* The source line marked as the selected part's, 0: none. */
int                     desk_manual_import_window_get_linked_line (DeskManualImportWindow *self);
/* Applies @edit to the selected part, as its button does. */
gboolean                desk_manual_import_window_apply        (DeskManualImportWindow *self,
                                                                DeskManualEdit          edit);
/* Stores the procedure; returns the revision, 0 on error. */
int                     desk_manual_import_window_save         (DeskManualImportWindow *self,
                                                                GError                **error);

G_END_DECLS
