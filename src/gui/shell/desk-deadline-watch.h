/* desk-deadline-watch.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-database.h"

G_BEGIN_DECLS

/* Runs the deadline check (desk_alert_store_catch_up) while the app runs:
 * once soon after start, catching up on what was breached while it was
 * closed, then every minute; each new breach and warning becomes a
 * desktop notification (many at once: one that counts them). */
typedef struct _DeskDeadlineWatch DeskDeadlineWatch;

DeskDeadlineWatch *desk_deadline_watch_new   (GApplication      *app,
                                              DeskDatabase      *db);
void               desk_deadline_watch_free  (DeskDeadlineWatch *watch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskDeadlineWatch, desk_deadline_watch_free)

/* What the timer does: a check (now) in a worker thread on a connection
 * of its own; FALSE when one is still running.  When it is done the
 * window's connection hears of escalated tickets and notifications go out. */
gboolean           desk_deadline_watch_start_check (DeskDeadlineWatch *watch);
gboolean           desk_deadline_watch_is_checking (DeskDeadlineWatch *watch);

/* One check at @now, here and now; returns the notifications it sent. */
guint              desk_deadline_watch_check (DeskDeadlineWatch *watch,
                                              gint64             now);

/* The notifications for @alerts (element type DeskDeadlineAlert), with
 * their ids in @ids; for tests and the watch. */
GPtrArray         *desk_deadline_watch_build (GPtrArray         *alerts,
                                              GPtrArray        **ids);

G_END_DECLS
