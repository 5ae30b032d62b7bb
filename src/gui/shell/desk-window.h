/* desk-window.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

/* @database may be %NULL when the office could not be opened: the window
 * then shows its areas insensitive.  @settings (schema APPLICATION_ID) may
 * be %NULL: nothing is remembered then. */
DeskWindow   *desk_window_new               (GtkApplication *application,
                                             DeskDatabase   *database,
                                             GSettings      *settings);
DeskDatabase *desk_window_get_database      (DeskWindow     *self);
GSettings    *desk_window_get_settings      (DeskWindow     *self);
/* The visible area: "tickets", "callbacks", "procedures" or "reports"
 * (the nicks of DeskArea). */
const char   *desk_window_get_visible_area  (DeskWindow     *self);
void          desk_window_set_visible_area  (DeskWindow     *self,
                                             const char     *area);
/* Reads the organisation name and the current user again, after the
 * preferences changed them. */
void          desk_window_reload_office     (DeskWindow     *self);
void          desk_window_add_toast         (DeskWindow     *self,
                                             AdwToast       *toast);
/* Shows the Tickets area with @ticket_id selected and in the detail pane
 * (a deadline notification's click); FALSE when there is no such ticket. */
gboolean      desk_window_show_ticket       (DeskWindow     *self,
                                             gint64          ticket_id);
/* Shows the Tickets area on the Overdue queue. */
void          desk_window_show_overdue      (DeskWindow     *self);
/* Opens the import view of a .txt/.docx/.odt manual (what dropping it on
 * the window does); FALSE, with a toast saying why, when it cannot. */
gboolean      desk_window_import_manual     (DeskWindow     *self,
                                             GFile          *file);

G_END_DECLS
