/* desk-migrations-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Schema versions are numbered from 1; version N is reached by running
 * migration N on a database at version N - 1, in one transaction. */
int         _desk_migrations_get_count (void);
const char *_desk_migrations_get       (int version);

G_END_DECLS
