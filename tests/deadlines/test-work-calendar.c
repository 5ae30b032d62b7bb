/* test-work-calendar.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-work-calendar.h"

static GTimeZone *shanghai;

static gint64
t (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new (shanghai, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static char *
show (gint64 when)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, shanghai);
  return g_date_time_format (local, "%Y-%m-%d %H:%M %a");
}

#define assert_time(got, expected) \
  G_STMT_START { \
    g_autofree char *g_ = show (got); \
    g_autofree char *e_ = show (expected); \
    g_assert_cmpstr (g_, ==, e_); \
  } G_STMT_END

static void
test_china_2026 (void)
{
  g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new_default ();
  static const struct { int m, d; gboolean working; } days[] = {
    { 1, 1, FALSE }, { 1, 2, FALSE }, { 1, 3, FALSE }, { 1, 4, TRUE },   /* New Year; Sun 4 Jan worked */
    { 1, 5, TRUE }, { 1, 10, FALSE },
    { 2, 13, TRUE }, { 2, 14, TRUE }, { 2, 15, FALSE }, { 2, 23, FALSE }, { 2, 24, TRUE }, { 2, 28, TRUE },
    { 4, 3, TRUE }, { 4, 4, FALSE }, { 4, 6, FALSE }, { 4, 7, TRUE },
    { 5, 1, FALSE }, { 5, 5, FALSE }, { 5, 6, TRUE }, { 5, 9, TRUE }, { 5, 10, FALSE },
    { 6, 19, FALSE }, { 6, 21, FALSE }, { 6, 22, TRUE },
    { 9, 20, TRUE }, { 9, 25, FALSE }, { 9, 27, FALSE }, { 9, 28, TRUE },
    { 10, 1, FALSE }, { 10, 7, FALSE }, { 10, 8, TRUE }, { 10, 10, TRUE }, { 10, 11, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, days[i].d, days[i].m, 2026);
      if (desk_work_calendar_is_working_day (cal, &date) != days[i].working)
        g_error ("2026-%02d-%02d should %sbe a working day", days[i].m, days[i].d,
                 days[i].working ? "" : "not ");
    }
}

static void
test_one_working_day (void)
{
  g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new_default ();

  /* The case: Friday 13 Feb 17:30, before the make-up Saturday. */
  assert_time (desk_work_calendar_add_days (cal, t (2026, 2, 13, 17, 30), 1), t (2026, 2, 14, 17, 30));
  /* From that Saturday, the next working day is after Spring Festival. */
  assert_time (desk_work_calendar_add_days (cal, t (2026, 2, 14, 10, 0), 1), t (2026, 2, 24, 10, 0));
  /* After hours on Friday: the clock starts at the next opening, and a
   * whole working day from an opening ends at that day's close. */
  assert_time (desk_work_calendar_add_days (cal, t (2026, 2, 13, 20, 0), 1), t (2026, 2, 14, 17, 30));
  /* Sunday: by the end of Monday. */
  assert_time (desk_work_calendar_add_days (cal, t (2026, 3, 8, 10, 0), 1), t (2026, 3, 9, 17, 30));
  /* Before opening on a weekday. */
  assert_time (desk_work_calendar_add_days (cal, t (2026, 3, 10, 7, 0), 1), t (2026, 3, 10, 17, 30));
  /* Several days across the National Day week. */
  assert_time (desk_work_calendar_add_days (cal, t (2026, 9, 30, 11, 0), 3), t (2026, 10, 10, 11, 0));
  /* Zero days: now, or the next opening. */
  assert_time (desk_work_calendar_add_days (cal, t (2026, 3, 10, 11, 0), 0), t (2026, 3, 10, 11, 0));
}

static void
test_working_minutes (void)
{
  g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new_default ();

  /* 30 minutes inside hours. */
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 3, 10, 9, 0), 30), t (2026, 3, 10, 9, 30));
  /* Across the evening: 17:20 + 30 min = 10 min today, 20 tomorrow. */
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 3, 10, 17, 20), 30), t (2026, 3, 11, 8, 50));
  /* Across a weekend. */
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 3, 13, 17, 0), 60), t (2026, 3, 16, 9, 0));
  /* Received at night: from the next opening. */
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 3, 10, 22, 0), 10), t (2026, 3, 11, 8, 40));
  /* 4 hours from Friday 30 Apr (a Thursday in 2026? no: Thursday) across Labour Day to the make-up Saturday. */
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 4, 30, 16, 0), 240), t (2026, 5, 6, 11, 0));
  /* A limit of several days of working time. */
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 3, 10, 9, 0), 3 * 9 * 60), t (2026, 3, 13, 9, 0));

  g_assert_cmpint (desk_work_calendar_minutes_between (cal, t (2026, 3, 13, 17, 0), t (2026, 3, 16, 9, 0)), ==, 60);
  g_assert_cmpint (desk_work_calendar_minutes_between (cal, t (2026, 2, 13, 8, 30), t (2026, 2, 24, 8, 30)), ==, 2 * 9 * 60);
  g_assert_cmpint (desk_work_calendar_minutes_between (cal, t (2026, 3, 16, 9, 0), t (2026, 3, 13, 17, 0)), ==, 0);

  g_assert_true (desk_work_calendar_is_open (cal, t (2026, 2, 14, 9, 0)));
  g_assert_false (desk_work_calendar_is_open (cal, t (2026, 2, 15, 9, 0)));
  g_assert_false (desk_work_calendar_is_open (cal, t (2026, 3, 10, 17, 30)));
}

static void
test_daylight_saving (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new (berlin);
  g_autoptr(GDateTime) fri = g_date_time_new (berlin, 2026, 3, 27, 16, 0, 0);
  g_autoptr(GDateTime) mon = g_date_time_new (berlin, 2026, 3, 30, 10, 0, 0);
  g_autoptr(GDateTime) sat = g_date_time_new (berlin, 2026, 3, 28, 20, 0, 0);
  g_autoptr(GDateTime) sun_after = g_date_time_new (berlin, 2026, 3, 29, 20, 0, 0);

  g_assert_nonnull (berlin);
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_FRIDAY; d++)
    desk_work_calendar_set_hours (cal, d, 9 * 60, 17 * 60);

  /* Clocks go forward on Sunday 29 March: office hours stay 9 to 17 local. */
  g_assert_cmpint (desk_work_calendar_add_minutes (cal, g_date_time_to_unix (fri), 120), ==,
                   g_date_time_to_unix (mon));
  g_assert_cmpint (desk_work_calendar_add_days (cal, g_date_time_to_unix (fri), 1), ==,
                   g_date_time_to_unix (fri) + 3 * 24 * 3600 - 3600);
  /* A 24-hour crew counts clock time: 24 hours of a weekend that has only 23. */
  {
    g_autoptr(DeskWorkCalendar) crew = desk_work_calendar_new (berlin);

    for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
      desk_work_calendar_set_hours (crew, d, 0, 24 * 60);
    g_assert_cmpint (desk_work_calendar_add_minutes (crew, g_date_time_to_unix (sat), 24 * 60), ==,
                     g_date_time_to_unix (sun_after) + 3600);
  }
}

static void
test_bad_holiday_file (void)
{
  g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new (NULL);
  g_autoptr(GError) error = NULL;
  static const char bad[] = "[holidays]\n春节=2027-02-05..2027-02-31\n";
  static const char not_ini[] = "BEGIN:VCALENDAR\n";

  g_assert_false (desk_work_calendar_load_holidays (cal, bad, sizeof bad - 1, "CN-2027.ini", &error));
  g_assert_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "CN-2027.ini: [holidays] "));
  g_clear_error (&error);

  g_assert_false (desk_work_calendar_load_holidays (cal, not_ini, sizeof not_ini - 1, "x.ini", &error));
  g_assert_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE);
}

static gboolean
working (DeskWorkCalendar *cal,
         int               y,
         int               m,
         int               d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return desk_work_calendar_is_working_day (cal, &date);
}

/* A later year's schedule from an iCalendar file: all-day events are
 * holidays (DTEND exclusive), make-up days by their marker. */
static void
test_ical (void)
{
  g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//test//CN//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:1\r\n"
    "DTSTART;VALUE=DATE:20270101\r\n"
    "DTEND;VALUE=DATE:20270104\r\n"
    "SUMMARY:元旦\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:2\r\n"
    "DTSTART;VALUE=DATE:20270206\r\n"
    "SUMMARY:春节补班\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:3\r\n"
    "DTSTART;VALUE=DATE:20270220\r\n"
    "SUMMARY:Spring Festival (make-up\r\n"
    "  working day)\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:4\r\n"
    "DTSTART;VALUE=DATE:20270424\r\n"
    "SUMMARY:劳动节\r\n"
    "X-SERVICE-DESK-DAY:WORKDAY\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:5\r\n"
    "DTSTART:20270926T090000\r\n"
    "SUMMARY:国庆 上班\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:6\r\n"
    "DTSTART:20270310T090000\r\n"
    "DTEND:20270310T100000\r\n"
    "SUMMARY:staff meeting\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:7\r\n"
    "DTSTART;VALUE=DATE:20270101\r\n"
    "RRULE:FREQ=YEARLY\r\n"
    "SUMMARY:New Year every year\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  guint n_days = 0, n_skipped = 0;

  g_assert_true (working (cal, 2027, 1, 1));         /* a Friday, before the import */
  g_assert_true (desk_work_calendar_load_ical (cal, ics, sizeof ics - 1, "CN-2027.ics", &n_days, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_days, ==, 3 + 1 + 1 + 1 + 1);
  g_assert_cmpuint (n_skipped, ==, 2);               /* the meeting, the recurring event */

  g_assert_false (working (cal, 2027, 1, 1));
  g_assert_false (working (cal, 2027, 1, 3));
  g_assert_true (working (cal, 2027, 1, 4));         /* DTEND is not included */
  g_assert_true (working (cal, 2027, 2, 6));         /* Saturday, 补班 */
  g_assert_true (working (cal, 2027, 2, 20));        /* Saturday, folded English summary */
  g_assert_true (working (cal, 2027, 4, 24));        /* Saturday, X-SERVICE-DESK-DAY */
  g_assert_true (working (cal, 2027, 9, 26));        /* Sunday, timed 上班 */
  g_assert_true (working (cal, 2027, 3, 10));        /* the meeting changed nothing */
  g_assert_false (working (cal, 2026, 2, 16));       /* 2026 is still there */

  days = desk_work_calendar_list_days (cal);
  for (guint i = 0; i < days->len; i++)
    {
      const DeskWorkCalendarDay *day = &g_array_index (days, DeskWorkCalendarDay, i);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day->julian);
      if (g_date_get_year (&date) == 2027 && g_date_get_month (&date) == 1 && g_date_get_day (&date) == 2)
        g_assert_cmpstr (day->name, ==, "元旦");
    }
}

static void
test_bad_ical (void)
{
  static const struct { const char *text; const char *prefix; } cases[] = {
    { "hello\n", "x.ics:1: " },
    { "\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n", "x.ics:3: " },
    { "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE:2027013\nEND:VEVENT\n", "x.ics:4: " },
    { "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\n", "x.ics:3: " },
    { "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20290101\nEND:VEVENT\n", "x.ics:3: " },
    { "", "x.ics: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new (NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (desk_work_calendar_load_ical (cal, cases[i].text, strlen (cases[i].text), "x.ics",
                                                    NULL, NULL, &error));
      g_assert_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].prefix);
    }
}

/* A 24-hour crew: working time is clock time, nights, weekends and
 * holidays included. */
static void
test_around_the_clock (void)
{
  g_autoptr(DeskWorkCalendar) cal = desk_work_calendar_new (shanghai);

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    desk_work_calendar_set_hours (cal, d, 0, 24 * 60);

  g_assert_true (desk_work_calendar_is_open (cal, t (2026, 2, 15, 3, 0)));
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 2, 14, 23, 30), 60), t (2026, 2, 15, 0, 30));
  assert_time (desk_work_calendar_add_minutes (cal, t (2026, 2, 13, 22, 0), 4 * 60), t (2026, 2, 14, 2, 0));
  g_assert_cmpint (desk_work_calendar_minutes_between (cal, t (2026, 2, 13, 12, 0), t (2026, 2, 16, 12, 0)), ==, 3 * 24 * 60);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shanghai = g_time_zone_new_identifier ("Asia/Shanghai");

  g_test_add_func ("/desk/work-calendar/china-2026", test_china_2026);
  g_test_add_func ("/desk/work-calendar/one-working-day", test_one_working_day);
  g_test_add_func ("/desk/work-calendar/working-minutes", test_working_minutes);
  g_test_add_func ("/desk/work-calendar/daylight-saving", test_daylight_saving);
  g_test_add_func ("/desk/work-calendar/bad-holiday-file", test_bad_holiday_file);
  g_test_add_func ("/desk/work-calendar/ical", test_ical);
  g_test_add_func ("/desk/work-calendar/bad-ical", test_bad_ical);
  g_test_add_func ("/desk/work-calendar/around-the-clock", test_around_the_clock);

  return g_test_run ();
}
