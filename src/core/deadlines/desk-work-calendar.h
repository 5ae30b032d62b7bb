/* desk-work-calendar.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When the office works: opening hours per weekday, public holidays, and
 * make-up working days (调休: a weekend day that is worked, with a normal
 * weekday's hours).  Deadlines "in working time" are counted on it.  Plain
 * data and pure functions: no database, no clock of its own. */
typedef struct _DeskWorkCalendar DeskWorkCalendar;

#define DESK_WORK_CALENDAR_ERROR (desk_work_calendar_error_quark ())

typedef enum
{
  DESK_WORK_CALENDAR_ERROR_PARSE, /* the message names the line or key */
} DeskWorkCalendarError;

GQuark            desk_work_calendar_error_quark      (void);

/* Closed every day until hours are set. */
DeskWorkCalendar *desk_work_calendar_new              (GTimeZone        *tz);
/* Asia/Shanghai, Monday to Friday 08:30–17:30, with the bundled mainland
 * China holidays (data/holidays/CN-*.ini). */
DeskWorkCalendar *desk_work_calendar_new_default      (void);
DeskWorkCalendar *desk_work_calendar_ref              (DeskWorkCalendar *self);
void              desk_work_calendar_unref            (DeskWorkCalendar *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskWorkCalendar, desk_work_calendar_unref)

GTimeZone        *desk_work_calendar_get_timezone     (DeskWorkCalendar *self);
/* The start of @date ("2026-09-18") in the calendar's time zone; 0 when
 * @date is NULL or no date. */
gint64            desk_work_calendar_day_start        (DeskWorkCalendar *self,
                                                       const char       *date);
/* Minutes after midnight; @open == @close closes the day. */
void              desk_work_calendar_set_hours        (DeskWorkCalendar *self,
                                                       GDateWeekday      weekday,
                                                       int               open_minute,
                                                       int               close_minute);
void              desk_work_calendar_get_hours        (DeskWorkCalendar *self,
                                                       GDateWeekday      weekday,
                                                       int              *open_minute,
                                                       int              *close_minute);
/* A public holiday (@workday FALSE) or a make-up working day, named
 * (e.g. "春节"; NULL: unnamed); replaces what the date was before. */
void              desk_work_calendar_add_day          (DeskWorkCalendar *self,
                                                       const GDate      *date,
                                                       gboolean          workday,
                                                       const char       *name);
void              desk_work_calendar_add_holiday      (DeskWorkCalendar *self,
                                                       const GDate      *date);
/* A make-up working day (调休), worked with Monday's hours. */
void              desk_work_calendar_add_workday      (DeskWorkCalendar *self,
                                                       const GDate      *date);
typedef struct
{
  guint32     julian;   /* g_date_get_julian() */
  gboolean    workday;  /* FALSE: a holiday */
  const char *name;     /* owned by the calendar; "" when unnamed */
} DeskWorkCalendarDay;

/* Holidays and make-up days by date.  Element type DeskWorkCalendarDay. */
GArray           *desk_work_calendar_list_days        (DeskWorkCalendar *self);
/* Reads a holiday file in the format of data/holidays/CN-2026.ini. */
gboolean          desk_work_calendar_load_holidays    (DeskWorkCalendar *self,
                                                       const char       *data,
                                                       gsize             length,
                                                       const char       *file_name,
                                                       GError          **error);

/* Reads holidays and make-up working days from an iCalendar file
 * (convention: desk-work-calendar-ical.c); @n_days receives how many
 * dates were set, @n_skipped how many events were left out.  Errors name
 * @file_name and the line.  On error @self may hold part of the file: load
 * into a new calendar and copy from it. */
gboolean          desk_work_calendar_load_ical        (DeskWorkCalendar *self,
                                                       const char       *data,
                                                       gsize             length,
                                                       const char       *file_name,
                                                       guint            *n_days,
                                                       guint            *n_skipped,
                                                       GError          **error);

gboolean          desk_work_calendar_is_working_day   (DeskWorkCalendar *self,
                                                       const GDate      *date);
/* Whether the office is open at @when (Unix seconds). */
gboolean          desk_work_calendar_is_open          (DeskWorkCalendar *self,
                                                       gint64            when);
/* The moment @minutes of working time after @start have passed. */
gint64            desk_work_calendar_add_minutes      (DeskWorkCalendar *self,
                                                       gint64            start,
                                                       int               minutes);
/* The same time of day @days working days after @start (a start outside
 * office hours counts from the next opening; a result at an opening is
 * given as the previous working day's close): a one-working-day limit
 * from Friday 13 Feb 2026 17:30 ends on the make-up Saturday 14 Feb. */
gint64            desk_work_calendar_add_days         (DeskWorkCalendar *self,
                                                       gint64            start,
                                                       int               days);
/* Working minutes between @from and @to (0 when @to <= @from). */
gint64            desk_work_calendar_minutes_between  (DeskWorkCalendar *self,
                                                       gint64            from,
                                                       gint64            to);

G_END_DECLS
