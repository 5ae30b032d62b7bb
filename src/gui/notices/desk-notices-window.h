/* desk-notices-window.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-notices-view.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTICES_WINDOW (desk_notices_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskNoticesWindow, desk_notices_window, DESK, NOTICES_WINDOW, AdwWindow)

/* The office's rectification notices in a window of their own, beside
 * the main window (win.show-notices, Ctrl+Shift+N). */
GtkWindow       *desk_notices_window_new      (GtkWindow        *parent,
                                               DeskDatabase     *database,
                                               gint64            actor_id);
DeskNoticesView *desk_notices_window_get_view (DeskNoticesWindow *self);

G_END_DECLS
