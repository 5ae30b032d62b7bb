/* desk-callback-store-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For tests: a whole day's follow-ups are planned @ids ticket ids at a
 * time with @pause_us between the parts (0 ids: the default). */
void _desk_callback_store_set_planning_parts (gint64 ids,
                                              gulong pause_us);

G_END_DECLS
