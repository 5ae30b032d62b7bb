/* desk-who-am-i-dialog.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_WHO_AM_I_DIALOG (desk_who_am_i_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskWhoAmIDialog, desk_who_am_i_dialog, DESK, WHO_AM_I_DIALOG, AdwWindow)

/* Lists the active staff of @database; choosing one writes their code to
 * the "current-user" key of @settings and closes the dialog.  Escape or
 * the Later button close it without choosing. */
GtkWindow *desk_who_am_i_dialog_new (DeskDatabase *database,
                                     GSettings    *settings);

G_END_DECLS
