/* desk-generator.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"

G_BEGIN_DECLS

typedef void (*DeskGeneratorProgress) (guint64  done,
                                       guint64  total,
                                       gpointer user_data);

/* Adds @n synthetic tickets to the office (and a customer with an asset
 * for every few of them): invented Chinese names, addresses and
 * complaints, all kinds, statuses, severities and categories, received
 * over the year before @now, the older ones mostly closed, some repeats,
 * some overdue.  Runs in transactions of a few thousand tickets.  The same
 * @seed gives the same office.  The office needs departments and staff
 * (desk_demo_populate() gives them). */
gboolean desk_generator_add_tickets (DeskDatabase           *db,
                                     guint64                 n,
                                     guint32                 seed,
                                     gint64                  now,
                                     DeskGeneratorProgress   progress,
                                     gpointer                user_data,
                                     GError                **error);

G_END_DECLS
