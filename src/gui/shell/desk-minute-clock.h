/* desk-minute-clock.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Emits "tick" at the start of every wall-clock minute, so that texts such
 * as "due in 5 min" or "2 h old" stay true while they are on screen.  One
 * timer for the whole application, running only while someone listens. */
#define DESK_TYPE_MINUTE_CLOCK (desk_minute_clock_get_type ())

G_DECLARE_FINAL_TYPE (DeskMinuteClock, desk_minute_clock, DESK, MINUTE_CLOCK, GObject)

DeskMinuteClock *desk_minute_clock_get_default (void);

/* Connects @callback (void (*)(DeskMinuteClock *, gpointer)) for as long as
 * @object lives, like g_signal_connect_object(); returns the handler id. */
gulong           desk_minute_clock_connect     (GObject   *object,
                                                GCallback  callback);
void             desk_minute_clock_disconnect  (gulong     handler_id);

G_END_DECLS
