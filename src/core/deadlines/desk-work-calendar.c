/* desk-work-calendar.c
 *
 * The work calendar: opening hours per weekday, public holidays and make-up
 * working days (调休), the working-time arithmetic deadlines count on
 * (adding minutes or working days, minutes between two times), the .ini
 * holiday files and the bundled mainland China calendar.  Plain data, no
 * database (desk-calendar-store.c stores it); reading iCalendar is
 * desk-work-calendar-ical.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-work-calendar"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "desk-core-resources.h"
#include "desk-work-calendar.h"

#define DAY_SECONDS (24 * 3600)
/* A limit never needs more than a few years of calendar; this bounds the
 * walk for a calendar that is closed every day. */
#define MAX_DAYS_WALKED (5 * 366)

struct _DeskWorkCalendar
{
  gatomicrefcount  ref_count;
  GTimeZone       *tz;
  int              open[8];   /* by GDateWeekday, minutes after midnight */
  int              close[8];
  GHashTable      *holidays;  /* julian day -> its name (or "") */
  GHashTable      *workdays;
};

G_DEFINE_QUARK (desk-work-calendar-error-quark, desk_work_calendar_error)

DeskWorkCalendar *
desk_work_calendar_new (GTimeZone *tz)
{
  DeskWorkCalendar *self = g_new0 (DeskWorkCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->tz = tz ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->workdays = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  return self;
}

DeskWorkCalendar *
desk_work_calendar_ref (DeskWorkCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
desk_work_calendar_unref (DeskWorkCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_time_zone_unref (self->tz);
  g_hash_table_unref (self->holidays);
  g_hash_table_unref (self->workdays);
  g_free (self);
}

GTimeZone *
desk_work_calendar_get_timezone (DeskWorkCalendar *self)
{
  return self->tz;
}

void
desk_work_calendar_set_hours (DeskWorkCalendar *self,
                              GDateWeekday      weekday,
                              int               open_minute,
                              int               close_minute)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_weekday (weekday));
  g_return_if_fail (open_minute >= 0 && close_minute <= 24 * 60 && open_minute <= close_minute);

  self->open[weekday] = open_minute;
  self->close[weekday] = close_minute;
}

void
desk_work_calendar_get_hours (DeskWorkCalendar *self,
                              GDateWeekday      weekday,
                              int              *open_minute,
                              int              *close_minute)
{
  g_return_if_fail (g_date_valid_weekday (weekday));

  *open_minute = self->open[weekday];
  *close_minute = self->close[weekday];
}

void
desk_work_calendar_add_day (DeskWorkCalendar *self,
                            const GDate      *date,
                            gboolean          workday,
                            const char       *name)
{
  gpointer julian = GUINT_TO_POINTER (g_date_get_julian (date));

  /* A date is one or the other: the last word counts. */
  g_hash_table_remove (workday ? self->holidays : self->workdays, julian);
  g_hash_table_insert (workday ? self->workdays : self->holidays, julian, g_strdup (name ? name : ""));
}

void
desk_work_calendar_add_holiday (DeskWorkCalendar *self,
                                const GDate      *date)
{
  desk_work_calendar_add_day (self, date, FALSE, NULL);
}

void
desk_work_calendar_add_workday (DeskWorkCalendar *self,
                                const GDate      *date)
{
  desk_work_calendar_add_day (self, date, TRUE, NULL);
}

static int
by_julian (gconstpointer a,
           gconstpointer b)
{
  const DeskWorkCalendarDay *x = a, *y = b;

  return x->julian < y->julian ? -1 : x->julian > y->julian;
}

GArray *
desk_work_calendar_list_days (DeskWorkCalendar *self)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (DeskWorkCalendarDay));
  GHashTableIter iter;
  gpointer key, value;

  for (int workday = 0; workday <= 1; workday++)
    {
      g_hash_table_iter_init (&iter, workday ? self->workdays : self->holidays);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          DeskWorkCalendarDay day = { GPOINTER_TO_UINT (key), workday, value };
          g_array_append_val (days, day);
        }
    }

  g_array_sort (days, by_julian);
  return days;
}

/* Opening hours of one date, in minutes; FALSE when closed. */
static gboolean
hours_of (DeskWorkCalendar *self,
          const GDate      *date,
          int              *open,
          int              *close)
{
  gpointer julian = GUINT_TO_POINTER (g_date_get_julian (date));
  GDateWeekday weekday = g_date_get_weekday (date);

  if (g_hash_table_contains (self->holidays, julian))
    return FALSE;

  if (g_hash_table_contains (self->workdays, julian))
    weekday = G_DATE_MONDAY;

  *open = self->open[weekday];
  *close = self->close[weekday];
  return *open < *close;
}

gboolean
desk_work_calendar_is_working_day (DeskWorkCalendar *self,
                                   const GDate      *date)
{
  int open, close;

  return hours_of (self, date, &open, &close);
}

/* GDate's Julian day number of 1970-01-01. */
#define UNIX_EPOCH_JULIAN 719163

/* The local date (and second of the day) of @when.  Plain arithmetic on
 * the zone's offset at that instant, as GDateTime computes it, without
 * allocating two GDateTimes: the report judges 450,000 tickets' deadlines
 * with a handful of these each. */
static void
local_date (DeskWorkCalendar *self,
            gint64            when,
            GDate            *date,
            int              *second_of_day)
{
  int interval = g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, when);
  gint64 local = when + g_time_zone_get_offset (self->tz, interval);
  gint64 days = local >= 0 ? local / DAY_SECONDS : -((-local + DAY_SECONDS - 1) / DAY_SECONDS);

  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32)(UNIX_EPOCH_JULIAN + days));
  if (second_of_day != NULL)
    *second_of_day = (int)(local - days * DAY_SECONDS);
}

/* Unix time of @second_of_day (which may run past midnight) on @date, in
 * the calendar's time zone.  A local time that a daylight-saving change
 * skips or repeats is resolved as g_date_time_new() resolves it. */
static gint64
at (DeskWorkCalendar *self,
    const GDate      *date,
    int               second_of_day)
{
  gint64 local = ((gint64)g_date_get_julian (date) - UNIX_EPOCH_JULIAN) * DAY_SECONDS + second_of_day;
  int interval = g_time_zone_adjust_time (self->tz, G_TIME_TYPE_STANDARD, &local);

  return local - g_time_zone_get_offset (self->tz, interval);
}

gboolean
desk_work_calendar_is_open (DeskWorkCalendar *self,
                            gint64            when)
{
  int open, close, second;
  GDate date;

  local_date (self, when, &date, &second);
  return hours_of (self, &date, &open, &close) && second >= open * 60 && second < close * 60;
}

gint64
desk_work_calendar_add_minutes (DeskWorkCalendar *self,
                                gint64            start,
                                int               minutes)
{
  gint64 remaining = (gint64)minutes * 60;
  gint64 cursor = start;
  GDate date;

  g_return_val_if_fail (self != NULL, start);

  if (minutes <= 0)
    return start;

  local_date (self, start, &date, NULL);

  for (int walked = 0; walked < MAX_DAYS_WALKED; walked++, g_date_add_days (&date, 1))
    {
      int open, close;
      gint64 day_open, day_close;

      if (!hours_of (self, &date, &open, &close))
        continue;

      day_open = at (self, &date, open * 60);
      day_close = at (self, &date, close * 60);
      if (cursor < day_open)
        cursor = day_open;
      if (cursor >= day_close)
        continue;

      if (remaining <= day_close - cursor)
        return cursor + remaining;
      remaining -= day_close - cursor;
    }

  return G_MAXINT64; /* never open: never due */
}

/* Moves @date forward (or back, @step -1) to the nearest working day,
 * itself included; FALSE when there is none within reach. */
static gboolean
find_working_day (DeskWorkCalendar *self,
                  GDate            *date,
                  int               step,
                  int              *open,
                  int              *close)
{
  for (int walked = 0; walked < MAX_DAYS_WALKED; walked++)
    {
      if (hours_of (self, date, open, close))
        return TRUE;
      if (step > 0)
        g_date_add_days (date, 1);
      else
        g_date_subtract_days (date, 1);
    }

  return FALSE;
}

gint64
desk_work_calendar_add_days (DeskWorkCalendar *self,
                             gint64            start,
                             int               days)
{
  int open, close, second;
  GDate date;

  g_return_val_if_fail (self != NULL, start);

  local_date (self, start, &date, &second);

  /* A start outside office hours counts from the next opening. */
  if (!hours_of (self, &date, &open, &close) || second > close * 60)
    {
      g_date_add_days (&date, 1);
      if (!find_working_day (self, &date, 1, &open, &close))
        return G_MAXINT64;
      second = open * 60;
    }
  else if (second < open * 60)
    second = open * 60;

  for (int counted = 0; counted < days; counted++)
    {
      g_date_add_days (&date, 1);
      if (!find_working_day (self, &date, 1, &open, &close))
        return G_MAXINT64;
    }

  second = CLAMP (second, open * 60, close * 60);

  /* The opening of a day is the same working moment as the close of the
   * working day before it; the close reads better ("by the end of
   * Monday", not "Tuesday 08:30"). */
  if (days > 0 && second == open * 60)
    {
      g_date_subtract_days (&date, 1);
      if (find_working_day (self, &date, -1, &open, &close))
        second = close * 60;
    }

  return at (self, &date, second);
}

gint64
desk_work_calendar_minutes_between (DeskWorkCalendar *self,
                                    gint64            from,
                                    gint64            to)
{
  gint64 total = 0;
  GDate date;

  g_return_val_if_fail (self != NULL, 0);

  if (to <= from)
    return 0;

  local_date (self, from, &date, NULL);

  for (int walked = 0; walked < MAX_DAYS_WALKED; walked++, g_date_add_days (&date, 1))
    {
      int open, close;
      gint64 a, b;

      if (at (self, &date, 0) >= to)
        break;
      if (!hours_of (self, &date, &open, &close))
        continue;

      a = MAX (from, at (self, &date, open * 60));
      b = MIN (to, at (self, &date, close * 60));
      if (b > a)
        total += b - a;
    }

  return total / 60;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;
  char tail;

  if (sscanf (text, "%d-%d-%d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

gint64
desk_work_calendar_day_start (DeskWorkCalendar *self,
                              const char       *date)
{
  GDate day;

  g_return_val_if_fail (self != NULL, 0);

  if (date == NULL || !parse_date (date, &day))
    return 0;

  return at (self, &day, 0);
}

static gboolean
load_group (DeskWorkCalendar  *self,
            GKeyFile          *keys,
            const char        *group,
            gboolean           holidays,
            const char        *file_name,
            GError           **error)
{
  g_auto(GStrv) names = g_key_file_get_keys (keys, group, NULL, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_string (keys, group, names[i], NULL);
      g_auto(GStrv) items = g_strsplit (value ? value : "", ";", -1);

      for (guint j = 0; items[j] != NULL; j++)
        {
          g_auto(GStrv) range = g_strsplit (g_strstrip (items[j]), "..", 2);
          GDate first, last;

          if (*items[j] == '\0')
            continue;

          if (!parse_date (range[0], &first) ||
              (range[1] != NULL ? !parse_date (range[1], &last) : (last = first, FALSE)) ||
              g_date_compare (&first, &last) > 0)
            {
              g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                           _("%s: [%s] %s: “%s” is not a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)"),
                           file_name, group, names[i], items[j]);
              return FALSE;
            }

          for (GDate d = first; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
            {
              desk_work_calendar_add_day (self, &d, !holidays, names[i]);
            }
        }
    }

  return TRUE;
}

gboolean
desk_work_calendar_load_holidays (DeskWorkCalendar  *self,
                                  const char        *data,
                                  gsize              length,
                                  const char        *file_name,
                                  GError           **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_key_file_load_from_data (keys, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   "%s: %s", file_name, local_error->message);
      return FALSE;
    }

  return load_group (self, keys, "holidays", TRUE, file_name, error) &&
         load_group (self, keys, "workdays", FALSE, file_name, error);
}

DeskWorkCalendar *
desk_work_calendar_new_default (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  DeskWorkCalendar *self = desk_work_calendar_new (tz ? tz : NULL);
  GResource *resource = desk_core_get_resource ();
  g_auto(GStrv) files = NULL;

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_FRIDAY; d++)
    desk_work_calendar_set_hours (self, d, 8 * 60 + 30, 17 * 60 + 30);

  files = g_resource_enumerate_children (resource, "/org/servicedesk/ServiceDesk/holidays/",
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/org/servicedesk/ServiceDesk/holidays/", files[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;

      if (bytes == NULL ||
          !desk_work_calendar_load_holidays (self, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), files[i], &error))
        g_critical ("Bundled holidays %s: %s", files[i], error ? error->message : "missing");
    }

  return self;
}
