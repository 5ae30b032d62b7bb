/* desk-preferences-window.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_PREFERENCES_WINDOW (desk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, DESK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The office's settings, departments and staff (saved in @database, for
 * everyone) and who sits at this computer (@settings, may be %NULL).
 * Emits "office-changed" after every change it saved in @database. */
GtkWindow *desk_preferences_window_new    (DeskDatabase          *database,
                                           GSettings             *settings);
/* Reads everything from the database again. */
void       desk_preferences_window_reload (DeskPreferencesWindow *self);
/* TRUE while changed callback settings are being saved (in a thread). */
gboolean   desk_preferences_window_is_saving (DeskPreferencesWindow *self);
/* TRUE while an edit (a rule, the organisation's name, the notice number
 * pattern) is not saved; closing the window then asks what to do. */
gboolean   desk_preferences_window_has_unsaved_changes (DeskPreferencesWindow *self);

G_END_DECLS
