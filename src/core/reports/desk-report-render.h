/* desk-report-render.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-report.h"

G_BEGIN_DECLS

/* The monthly report on A4: the organisation and month at the head of
 * every page, each table with its chart, "第 1 页 / 共 3 页" at the foot;
 * a table that does not fit goes on over the page with its column heads
 * again. */
gboolean desk_report_render_pdf (const DeskReport  *report,
                                 const char        *organisation,
                                 const char        *path,
                                 GError           **error);

/* The number of pages the report takes. */
guint    desk_report_count_pages (const DeskReport *report,
                                  const char       *organisation);

G_END_DECLS
