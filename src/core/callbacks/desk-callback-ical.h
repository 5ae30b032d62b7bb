/* desk-callback-ical.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"

G_BEGIN_DECLS

/* The callback schedule as iCalendar (RFC 5545), written with libical:
 * one VEVENT a callback, times in UTC, so any calendar program shows
 * them in its own time zone. */

/* @callbacks: element type DeskCallback.  Returns the calendar's text. */
char     *desk_callback_ical_from_list (GPtrArray     *callbacks);

/* Writes the callbacks planned in [@from, @to) of @person (NULL: everyone;
 * a staff name or code) to @path, atomically.  @n_written receives how
 * many were written. */
gboolean  desk_callback_ical_export    (DeskDatabase  *db,
                                        gint64         from,
                                        gint64         to,
                                        const char    *person,
                                        const char    *path,
                                        guint         *n_written,
                                        GError       **error);

G_END_DECLS
