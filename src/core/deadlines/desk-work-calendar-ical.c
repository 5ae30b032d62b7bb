/* desk-work-calendar-ical.c
 *
 * Reading holidays and make-up working days into a work calendar from an
 * iCalendar file (desk_work_calendar_load_ical()), with libical, errors
 * naming the line.  Its own file for the convention described below and
 * to keep libical apart from the calendar arithmetic of
 * desk-work-calendar.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-work-calendar"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "desk-work-calendar.h"

/* Holidays and make-up working days from an iCalendar file (RFC 5545),
 * such as the published China holiday calendars.  The convention:
 *
 * - an all-day VEVENT (DTSTART;VALUE=DATE) is a public holiday on every
 *   date from DTSTART up to, not including, DTEND (one day without DTEND);
 * - it is a make-up working day instead when it carries
 *   X-SERVICE-DESK-DAY:WORKDAY, or when its SUMMARY says so: it contains
 *   补班 or 上班, or "make-up" (or "makeup") together with "work"
 *   (any case); X-SERVICE-DESK-DAY:HOLIDAY forces a holiday;
 * - a make-up working day may also be a timed event: its start date
 *   counts; other timed events, recurring events (RRULE) and cancelled
 *   ones are skipped and counted, never guessed at.
 *
 * libical says little about where a problem is, so the file is cut into
 * its VEVENTs here, line by line, and each is parsed on its own: errors
 * name the file and the line of the event (or of its DTSTART). */

typedef struct
{
  GString    *text;
  int         begin_line;
  int         dtstart_line;
  GHashTable *lines;        /* property name -> its first line */
} EventBlock;

/* The line of the property a libical message is about, if it names one. */
static int
line_of_problem (EventBlock *block,
                 const char *message)
{
  GHashTableIter iter;
  gpointer name, line;

  g_hash_table_iter_init (&iter, block->lines);
  while (g_hash_table_iter_next (&iter, &name, &line))
    if (strstr (message, name) != NULL)
      return GPOINTER_TO_INT (line);

  return block->begin_line;
}

static gboolean
summary_says_workday (const char *summary)
{
  g_autofree char *folded = NULL;

  if (summary == NULL)
    return FALSE;
  if (strstr (summary, "补班") != NULL || strstr (summary, "上班") != NULL)
    return TRUE;

  folded = g_utf8_strdown (summary, -1);
  return (strstr (folded, "make-up") != NULL || strstr (folded, "makeup") != NULL) &&
         strstr (folded, "work") != NULL;
}

/* TRUE with @workday set when the event says what kind of day it is. */
static gboolean
marked_kind (icalcomponent *event,
             gboolean      *workday)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (p);
      const char *value = icalproperty_get_x (p);

      if (name == NULL || g_ascii_strcasecmp (name, "X-SERVICE-DESK-DAY") != 0 || value == NULL)
        continue;
      if (g_ascii_strcasecmp (value, "WORKDAY") == 0)
        *workday = TRUE;
      else if (g_ascii_strcasecmp (value, "HOLIDAY") == 0)
        *workday = FALSE;
      else
        continue;
      return TRUE;
    }

  return FALSE;
}

static gboolean
add_event (DeskWorkCalendar  *self,
           EventBlock        *block,
           const char        *file_name,
           guint             *n_days,
           guint             *n_skipped,
           GError           **error)
{
  icalcomponent *event = icalcomponent_new_from_string (block->text->str);
  icalproperty *problem;
  struct icaltimetype start, end;
  const char *summary;
  gboolean workday = FALSE;
  gboolean marked;
  GDate first, last;
  int line = block->dtstart_line > 0 ? block->dtstart_line : block->begin_line;

  if (event == NULL || icalcomponent_isa (event) != ICAL_VEVENT_COMPONENT)
    {
      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   _("%s:%d: this event cannot be read"), file_name, block->begin_line);
      g_clear_pointer (&event, icalcomponent_free);
      return FALSE;
    }

  problem = icalcomponent_get_first_property (event, ICAL_XLICERROR_PROPERTY);
  if (problem != NULL)
    {
      const char *message = icalproperty_get_xlicerror (problem);

      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   _("%s:%d: %s"), file_name, line_of_problem (block, message ? message : ""),
                   message ? message : "?");
      icalcomponent_free (event);
      return FALSE;
    }

  summary = icalcomponent_get_summary (event);
  marked = marked_kind (event, &workday);
  if (!marked)
    workday = summary_says_workday (summary);

  start = icalcomponent_get_dtstart (event);
  if (icaltime_is_null_time (start) || !icaltime_is_valid_time (start))
    {
      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   _("%s:%d: the event has no valid start (DTSTART)"), file_name, line);
      icalcomponent_free (event);
      return FALSE;
    }

  if (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL ||
      icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED ||
      (!icaltime_is_date (start) && !workday))
    {
      (*n_skipped)++;
      icalcomponent_free (event);
      return TRUE;
    }

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, start.day, start.month, start.year);
  last = first;

  if (icaltime_is_date (start))
    {
      end = icalcomponent_get_dtend (event);
      if (!icaltime_is_null_time (end) && icaltime_is_valid_time (end))
        {
          GDate until;

          g_date_clear (&until, 1);
          g_date_set_dmy (&until, end.day, end.month, end.year);
          g_date_subtract_days (&until, 1); /* DTEND is the day after */
          if (g_date_compare (&until, &first) > 0)
            last = until;
        }
    }

  if (g_date_days_between (&first, &last) > 366)
    {
      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   _("%s:%d: the event lasts more than a year; is its end (DTEND) right?"),
                   file_name, line);
      icalcomponent_free (event);
      return FALSE;
    }

  for (GDate d = first; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
    {
      desk_work_calendar_add_day (self, &d, workday, summary);
      (*n_days)++;
    }

  icalcomponent_free (event);
  return TRUE;
}

gboolean
desk_work_calendar_load_ical (DeskWorkCalendar  *self,
                              const char        *data,
                              gsize              length,
                              const char        *file_name,
                              guint             *n_days,
                              guint             *n_skipped,
                              GError           **error)
{
  g_autofree char *text = g_strndup (data, length);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) property_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EventBlock block = { NULL, 0, 0, property_lines };
  gboolean seen_calendar = FALSE;
  guint days = 0, skipped = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   _("%s: not UTF-8 text"), file_name);
      return FALSE;
    }

  lines = g_strsplit (text, "\n", -1);
  for (int i = 0; ok && lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      int number = i + 1;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (!seen_calendar)
        {
          if (len == 0)
            continue;
          if (g_ascii_strcasecmp (line, "BEGIN:VCALENDAR") != 0)
            {
              g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                           _("%s:%d: not an iCalendar file (it must start with BEGIN:VCALENDAR)"),
                           file_name, number);
              return FALSE;
            }
          seen_calendar = TRUE;
          continue;
        }

      if (block.text == NULL)
        {
          if (g_ascii_strcasecmp (line, "BEGIN:VEVENT") == 0)
            {
              block.text = g_string_new ("BEGIN:VEVENT\r\n");
              block.begin_line = number;
              block.dtstart_line = 0;
              g_hash_table_remove_all (block.lines);
            }
          continue;
        }

      /* Folded lines go with their property: keep them as they are. */
      g_string_append (block.text, line);
      g_string_append (block.text, "\r\n");
      if (g_ascii_strncasecmp (line, "DTSTART", 7) == 0 && block.dtstart_line == 0)
        block.dtstart_line = number;
      if (line[0] != ' ' && line[0] != '\t')
        {
          gsize name_length = strcspn (line, ":;");
          char *name = g_ascii_strup (line, name_length);

          if (name_length > 0 && !g_hash_table_contains (block.lines, name) &&
              !g_str_equal (name, "BEGIN") && !g_str_equal (name, "END"))
            g_hash_table_insert (block.lines, name, GINT_TO_POINTER (number));
          else
            g_free (name);
        }

      if (g_ascii_strcasecmp (line, "END:VEVENT") == 0)
        {
          ok = add_event (self, &block, file_name, &days, &skipped, error);
          g_string_free (block.text, TRUE);
          block.text = NULL;
        }
    }

  if (!ok)
    return FALSE;

  if (block.text != NULL)
    {
      g_string_free (block.text, TRUE);
      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   _("%s:%d: this event never ends (no END:VEVENT)"), file_name, block.begin_line);
      return FALSE;
    }

  if (!seen_calendar)
    {
      g_set_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE,
                   _("%s: the file is empty"), file_name);
      return FALSE;
    }

  if (n_days != NULL)
    *n_days = days;
  if (n_skipped != NULL)
    *n_skipped = skipped;
  return TRUE;
}
