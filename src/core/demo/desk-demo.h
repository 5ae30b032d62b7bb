/* desk-demo.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"

G_BEGIN_DECLS

/* Fills an empty office with a demo office: departments, staff in every
 * role, customers with their assets, and a few hundred tickets.  Refused (DESK_DATABASE_ERROR_CONSTRAINT)
 * when the office already holds data; @replace first removes everything, in
 * the same transaction, so a failure leaves the old office as it was. */
gboolean desk_demo_populate (DeskDatabase  *db,
                             gboolean       replace,
                             GError       **error);

G_END_DECLS
