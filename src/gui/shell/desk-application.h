/* desk-application.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_APPLICATION (desk_application_get_type ())

G_DECLARE_FINAL_TYPE (DeskApplication, desk_application, DESK, APPLICATION, AdwApplication)

/* @database_path: the office database to open on activation, or %NULL for
 * desk_database_get_default_path(). */
DeskApplication *desk_application_new              (const char      *database_path);
const char      *desk_application_get_database_path (DeskApplication *self);
/* The open office, or %NULL before activation or when it failed to open. */
DeskDatabase    *desk_application_get_database     (DeskApplication *self);
/* The application's settings, or %NULL when the schema is not installed. */
GSettings       *desk_application_get_settings     (DeskApplication *self);
/* Whether the deadline check runs (at start, then every minute, with
 * notifications); on by default.  Set before activation: screenshot
 * tests turn it off so that no escalation changes what they look at. */
void             desk_application_set_watch_deadlines (DeskApplication *self,
                                                       gboolean         watch);

G_END_DECLS
