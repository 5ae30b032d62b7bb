/* desk-reports-view.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-report.h"

G_BEGIN_DECLS

/* The Reports area: a month's figures beside the previous month's, as
 * charts and tables, and the CSV export. */
#define DESK_TYPE_REPORTS_VIEW (desk_reports_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskReportsView, desk_reports_view, DESK, REPORTS_VIEW, AdwBin)

void              desk_reports_view_set_office (DeskReportsView *self,
                                                DeskDatabase    *database);
void              desk_reports_view_set_month  (DeskReportsView *self,
                                                int              year,
                                                int              month);
/* The report shown, or NULL while it is being computed. */
const DeskReport *desk_reports_view_get_report (DeskReportsView *self);

G_END_DECLS
