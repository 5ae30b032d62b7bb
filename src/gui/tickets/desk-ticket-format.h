/* desk-ticket-format.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Short texts of the Tickets area, shared by the table, the detail pane
 * and the new-ticket dialog. */

/* "in 3 h" / "overdue 2 d"; "" for no deadline. */
char *_desk_format_deadline (gint64 deadline,
                             gint64 now);
/* How long ago: "5 min", "3 h", "12 d". */
char *_desk_format_age      (gint64 then,
                             gint64 now);
/* "2nd", "3rd" … for a repeat count above 1; "" otherwise. */
char *_desk_format_repeat   (int    repeat_count);
/* "2026-03-12 14:05" in the office's time zone; "" for 0. */
char *_desk_format_time     (gint64 at);

G_END_DECLS
