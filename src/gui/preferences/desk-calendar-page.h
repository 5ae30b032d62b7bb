/* desk-calendar-page.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_CALENDAR_PAGE (desk_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskCalendarPage, desk_calendar_page, DESK, CALENDAR_PAGE, AdwPreferencesPage)

/* The Preferences page of the work calendars: each calendar's hours, its
 * holidays and make-up working days, and importing more from an
 * iCalendar file. */
GtkWidget *desk_calendar_page_new     (DeskDatabase     *database);
void       desk_calendar_page_reload  (DeskCalendarPage *self);
/* What the Import button does once a file is chosen. */
gboolean   desk_calendar_page_import  (DeskCalendarPage *self,
                                       GFile            *file);

G_END_DECLS
