/* desk-report-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-report.h"

G_BEGIN_DECLS

/* The figures of @year-@month (in @zone, the office's) beside the previous
 * month's, computed in SQL: tickets received, closed and open by kind,
 * category, department and severity, repeat complaints, escalations by
 * level, the daily intake, and the customers and sites with the most
 * complaints. */
DeskReport *desk_report_store_compute (DeskDatabase  *db,
                                       int            year,
                                       int            month,
                                       GTimeZone     *zone,
                                       GError       **error);

G_END_DECLS
