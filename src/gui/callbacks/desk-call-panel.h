/* desk-call-panel.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_CALL_PANEL (desk_call_panel_get_type ())

G_DECLARE_FINAL_TYPE (DeskCallPanel, desk_call_panel, DESK, CALL_PANEL, AdwWindow)

/* The panel a clerk keeps open during a callback: the customer (phone and
 * address can be corrected), the ticket and its history, the script step
 * by step with its branches (convenient: the questions and the closing
 * line for the answers; not convenient: when to call again; no answer:
 * the retry), and saving the outcome.
 *
 * Signals:
 *   saved (): the outcome was recorded; the panel closes itself. */

/* NULL with @error set when the callback cannot be read. */
DeskCallPanel *desk_call_panel_new       (GtkWindow     *parent,
                                          DeskDatabase  *db,
                                          gint64         callback_id,
                                          gint64         actor_id,
                                          GError       **error);
gint64         desk_call_panel_get_callback_id (DeskCallPanel *self);

G_END_DECLS
