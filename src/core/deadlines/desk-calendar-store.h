/* desk-calendar-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-work-calendar.h"

G_BEGIN_DECLS

/* The office's work calendars, kept in its database: "office" (the
 * office's hours and the public holidays; every rule counts on it unless
 * it names another) and "emergency" (a 24-hour crew: open every hour of
 * every day).  Both are created the first time calendars are read, the
 * office's from the bundled holiday files (data/holidays/CN-*.ini); a
 * later year's schedule is imported into it (an iCalendar file, or an
 * .ini file of the bundled shape). */

#define DESK_CALENDAR_OFFICE    "office"
#define DESK_CALENDAR_EMERGENCY "emergency"

typedef struct
{
  gint64  id;
  char   *name;
  char   *timezone;
  char   *hours;        /* Monday first: "08:30-17:30" or "-" (closed), comma-separated */
  guint   n_holidays;
  guint   n_workdays;
  char   *first_date;   /* of a holiday or make-up day; NULL: none */
  char   *last_date;
} DeskCalendarInfo;

void              desk_calendar_info_free      (DeskCalendarInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCalendarInfo, desk_calendar_info_free)

/* By name.  Element type DeskCalendarInfo. */
GPtrArray        *desk_calendar_store_list     (DeskDatabase      *db,
                                                GError           **error);
/* A calendar to count on; NOT_FOUND names the calendars there are. */
DeskWorkCalendar *desk_calendar_store_load     (DeskDatabase      *db,
                                                const char        *name,
                                                GError           **error);
/* Adds the holidays and make-up days of @file (iCalendar, or the bundled
 * .ini shape when it ends in .ini) to calendar @name, replacing what those
 * dates were; all or nothing.  Errors name the file and line. */
gboolean          desk_calendar_store_import_file (DeskDatabase   *db,
                                                   const char     *name,
                                                   GFile          *file,
                                                   guint          *n_days,
                                                   guint          *n_skipped,
                                                   GError        **error);
/* Opening hours of one weekday (@open == @close: closed). */
gboolean          desk_calendar_store_set_hours (DeskDatabase     *db,
                                                 const char       *name,
                                                 GDateWeekday      weekday,
                                                 int               open_minute,
                                                 int               close_minute,
                                                 GError          **error);

/* The office's work calendar, read once per connection and kept until
 * the calendars change (the bundled one where the office's cannot be
 * read); owned by the connection. */
DeskWorkCalendar *desk_calendar_store_get_office_calendar (DeskDatabase  *db);
/* The calendar @name, kept the same way; %NULL with @error set. */
DeskWorkCalendar *desk_calendar_store_get_cached          (DeskDatabase  *db,
                                                           const char    *name,
                                                           GError       **error);
/* Drops what this connection keeps of the calendars (and the policies,
 * which hold calendars); kept alive until the connection closes. */
void              desk_calendar_store_forget              (DeskDatabase  *db);

G_END_DECLS
