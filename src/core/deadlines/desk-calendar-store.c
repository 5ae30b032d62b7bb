/* desk-calendar-store.c
 *
 * The office's work calendars in its database (work_calendars,
 * work_calendar_days): seeding "office" and "emergency" the first time,
 * listing, loading, importing a holiday file and setting opening hours,
 * and the per-connection cache that calendar_revision invalidates when
 * another connection changes them.  The arithmetic is desk-work-calendar.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-calendar-store"

#include "config.h"

#include <stdio.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "desk-calendar-store.h"
#include "desk-database-private.h"
#include "desk-deadlines-private.h"

/* The calendars this connection has read, kept until they change (here
 * or, as the calendars' revision tells, on another connection). */
static void check_calendar_revision (DeskDatabase *db);

static DeskWorkCalendar *
default_calendar (void)
{
  static DeskWorkCalendar *calendar;

  if (g_once_init_enter (&calendar))
    g_once_init_leave (&calendar, desk_work_calendar_new_default ());

  return calendar;
}

/* Calendars by name, read once per open database (until forgotten). */
DeskWorkCalendar *
desk_calendar_store_get_cached (DeskDatabase  *db,
                                const char    *name,
                                GError       **error)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (db), "desk-calendar-cache");
  DeskWorkCalendar *calendar;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)desk_work_calendar_unref);
      g_object_set_data_full (G_OBJECT (db), "desk-calendar-cache", cache,
                              (GDestroyNotify)g_hash_table_unref);
    }

  calendar = g_hash_table_lookup (cache, name);
  if (calendar == NULL)
    {
      calendar = desk_calendar_store_load (db, name, error);
      if (calendar == NULL)
        return NULL;
      g_hash_table_insert (cache, g_strdup (name), calendar);
    }

  return calendar;
}

DeskWorkCalendar *
desk_calendar_store_get_office_calendar (DeskDatabase *db)
{
  g_autoptr(GError) error = NULL;
  DeskWorkCalendar *calendar;

  if (db == NULL)
    return default_calendar ();

  check_calendar_revision (db);
  calendar = desk_calendar_store_get_cached (db, DESK_CALENDAR_OFFICE, &error);
  if (calendar != NULL)
    return calendar;

  g_warning ("Using the bundled work calendar: %s", error->message);
  return default_calendar ();
}

/* Forgotten caches are kept until the database closes, not freed: a
 * caller may still hold a calendar or policy it read before (a few
 * kilobytes each time the calendars change). */
static void
retire (DeskDatabase *db,
        const char   *key)
{
  GPtrArray *retired = g_object_get_data (G_OBJECT (db), "desk-retired-caches");
  gpointer cache = g_object_steal_data (G_OBJECT (db), key);

  if (cache == NULL)
    return;
  if (retired == NULL)
    {
      retired = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
      g_object_set_data_full (G_OBJECT (db), "desk-retired-caches", retired,
                              (GDestroyNotify)g_ptr_array_unref);
    }
  g_ptr_array_add (retired, cache);
}

void
desk_calendar_store_forget (DeskDatabase *db)
{
  /* The policies hold calendars of their own rules: they go too. */
  retire (db, "desk-calendar-cache");
  retire (db, DESK_POLICY_CACHE_KEY);
}

/* The calendars' revision (migration 9) as this connection last read
 * them; when another connection changed them since, what it keeps is
 * forgotten.  One row of one table: a couple of microseconds. */
static void
check_calendar_revision (DeskDatabase *db)
{
  gint64 *seen = g_object_get_data (G_OBJECT (db), "desk-calendar-revision");
  sqlite3_stmt *stmt = _desk_database_prepare (db, "SELECT n FROM calendar_revision", NULL);
  gint64 now;

  if (stmt == NULL)
    return;
  now = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);

  if (seen == NULL)
    {
      seen = g_new (gint64, 1);
      *seen = now;
      g_object_set_data_full (G_OBJECT (db), "desk-calendar-revision", seen, g_free);
      return;
    }
  if (*seen != now)
    {
      *seen = now;
      desk_calendar_store_forget (db);
    }
}

void
desk_calendar_info_free (DeskCalendarInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->timezone);
  g_free (info->hours);
  g_free (info->first_date);
  g_free (info->last_date);
  g_free (info);
}

static char *
format_hours (DeskWorkCalendar *calendar)
{
  GString *hours = g_string_new (NULL);

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    {
      int open, close;

      desk_work_calendar_get_hours (calendar, d, &open, &close);
      if (hours->len > 0)
        g_string_append_c (hours, ',');
      if (open < close)
        g_string_append_printf (hours, "%02d:%02d-%02d:%02d", open / 60, open % 60, close / 60, close % 60);
      else
        g_string_append_c (hours, '-');
    }

  return g_string_free (hours, FALSE);
}

static void
parse_hours (DeskWorkCalendar *calendar,
             const char       *text)
{
  g_auto(GStrv) days = g_strsplit (text ? text : "", ",", 7);

  for (guint i = 0; days[i] != NULL && i < 7; i++)
    {
      int oh, om, ch, cm;

      if (sscanf (days[i], "%d:%d-%d:%d", &oh, &om, &ch, &cm) == 4 &&
          oh * 60 + om <= ch * 60 + cm && ch * 60 + cm <= 24 * 60 && oh >= 0 && om >= 0)
        desk_work_calendar_set_hours (calendar, G_DATE_MONDAY + i, oh * 60 + om, ch * 60 + cm);
    }
}

static char *
date_text (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
write_days (DeskDatabase      *db,
            gint64             calendar_id,
            DeskWorkCalendar  *from,
            guint             *n_days,
            GError           **error)
{
  g_autoptr(GArray) days = desk_work_calendar_list_days (from);

  for (guint i = 0; i < days->len; i++)
    {
      const DeskWorkCalendarDay *day = &g_array_index (days, DeskWorkCalendarDay, i);
      g_autofree char *date = date_text (day->julian);
      sqlite3_stmt *stmt;

      stmt = _desk_database_prepare (db,
                                     "INSERT OR REPLACE INTO work_calendar_days (calendar_id, date, workday, name)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, calendar_id);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, day->workday);
      _desk_bind_text_or_null (stmt, 4, day->name);
      if (!_desk_database_step_done (db, stmt, _("Could not save the work calendar"), error))
        return FALSE;
    }

  if (n_days != NULL)
    *n_days = days->len;
  return TRUE;
}

static gint64
insert_calendar (DeskDatabase      *db,
                 const char        *name,
                 DeskWorkCalendar  *calendar,
                 GError           **error)
{
  g_autofree char *hours = format_hours (calendar);
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db, "INSERT INTO work_calendars (name, timezone, hours) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g_time_zone_get_identifier (desk_work_calendar_get_timezone (calendar)), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hours, -1, SQLITE_STATIC);
  if (!_desk_database_step_done (db, stmt, _("Could not save the work calendar"), error))
    return 0;

  return sqlite3_last_insert_rowid (_desk_database_get_handle (db));
}

/* The first time: the office from the bundled files, and a 24-hour crew. */
static gboolean
ensure_seeded (DeskDatabase  *db,
               GError       **error)
{
  g_autoptr(DeskWorkCalendar) office = NULL;
  g_autoptr(DeskWorkCalendar) emergency = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int count = -1;

  stmt = _desk_database_prepare (db, "SELECT count(*) FROM work_calendars", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (count != 0)
    return count > 0 || (_desk_database_set_error (db, error, _("Could not read the work calendars")), FALSE);

  office = desk_work_calendar_new_default ();
  tz = g_time_zone_new_identifier ("Asia/Shanghai");
  emergency = desk_work_calendar_new (tz);
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    desk_work_calendar_set_hours (emergency, d, 0, 24 * 60);

  if (!desk_database_begin (db, error))
    return FALSE;
  if (!(id = insert_calendar (db, DESK_CALENDAR_OFFICE, office, error)) ||
      !write_days (db, id, office, NULL, error) ||
      !insert_calendar (db, DESK_CALENDAR_EMERGENCY, emergency, error))
    {
      desk_database_rollback (db);
      return FALSE;
    }
  return desk_database_commit (db, error);
}

GPtrArray *
desk_calendar_store_list (DeskDatabase  *db,
                          GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_calendar_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  if (!ensure_seeded (db, error))
    return NULL;

  stmt = _desk_database_prepare (db,
                                 "SELECT c.id, c.name, c.timezone, c.hours,"
                                 " count(d.date) FILTER (WHERE NOT d.workday),"
                                 " count(d.date) FILTER (WHERE d.workday), min(d.date), max(d.date)"
                                 " FROM work_calendars c LEFT JOIN work_calendar_days d ON d.calendar_id = c.id"
                                 " GROUP BY c.id ORDER BY c.name",
                                 error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskCalendarInfo *info = g_new0 (DeskCalendarInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = _desk_column_dup (stmt, 1);
      info->timezone = _desk_column_dup (stmt, 2);
      info->hours = _desk_column_dup (stmt, 3);
      info->n_holidays = sqlite3_column_int (stmt, 4);
      info->n_workdays = sqlite3_column_int (stmt, 5);
      info->first_date = _desk_column_dup (stmt, 6);
      info->last_date = _desk_column_dup (stmt, 7);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the work calendars"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

static char *
calendar_names (DeskDatabase *db)
{
  g_autoptr(GPtrArray) list = desk_calendar_store_list (db, NULL);
  GString *names = g_string_new (NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", ((DeskCalendarInfo *)list->pdata[i])->name);
  return g_string_free (names, FALSE);
}

static gint64
find_calendar (DeskDatabase  *db,
               const char    *name,
               char         **timezone,
               char         **hours,
               GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (!ensure_seeded (db, error))
    return 0;

  stmt = _desk_database_prepare (db, "SELECT id, timezone, hours FROM work_calendars WHERE name = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (timezone != NULL)
        *timezone = _desk_column_dup (stmt, 1);
      if (hours != NULL)
        *hours = _desk_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_autofree char *names = calendar_names (db);
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("There is no work calendar “%s”; there are: %s"), name, names);
    }
  else if (rc != SQLITE_ROW)
    _desk_database_set_error (db, error, _("Could not read the work calendars"));

  return id;
}

DeskWorkCalendar *
desk_calendar_store_load (DeskDatabase  *db,
                          const char    *name,
                          GError       **error)
{
  g_autoptr(DeskWorkCalendar) calendar = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *timezone = NULL;
  g_autofree char *hours = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  id = find_calendar (db, name, &timezone, &hours, error);
  if (id == 0)
    return NULL;

  tz = g_time_zone_new_identifier (timezone);
  if (tz == NULL)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Work calendar “%s”: unknown time zone “%s”"), name, timezone);
      return NULL;
    }
  calendar = desk_work_calendar_new (tz);
  parse_hours (calendar, hours);

  stmt = _desk_database_prepare (db, "SELECT date, workday, name FROM work_calendar_days WHERE calendar_id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int y, m, d;
      GDate date;

      if (sscanf ((const char *)sqlite3_column_text (stmt, 0), "%d-%d-%d", &y, &m, &d) != 3 ||
          !g_date_valid_dmy (d, m, y))
        continue;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, d, m, y);
      desk_work_calendar_add_day (calendar, &date, sqlite3_column_int (stmt, 1),
                                  (const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the work calendars"));
      return NULL;
    }

  return g_steal_pointer (&calendar);
}

gboolean
desk_calendar_store_import_file (DeskDatabase  *db,
                                 const char    *name,
                                 GFile         *file,
                                 guint         *n_days,
                                 guint         *n_skipped,
                                 GError       **error)
{
  g_autoptr(DeskWorkCalendar) parsed = desk_work_calendar_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *file_name = g_file_get_parse_name (file);
  gsize length;
  gint64 id;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  if (n_skipped != NULL)
    *n_skipped = 0;
  if (g_str_has_suffix (file_name, ".ini")
      ? !desk_work_calendar_load_holidays (parsed, contents, length, file_name, error)
      : !desk_work_calendar_load_ical (parsed, contents, length, file_name, NULL, n_skipped, error))
    return FALSE;

  if (!desk_database_begin (db, error))
    return FALSE;
  if (!(id = find_calendar (db, name, NULL, NULL, error)) ||
      !write_days (db, id, parsed, n_days, error))
    {
      desk_database_rollback (db);
      return FALSE;
    }
  if (!desk_database_commit (db, error))
    return FALSE;

  desk_calendar_store_forget (db);
  _desk_database_notify (db, "work_calendars", id);
  return TRUE;
}

gboolean
desk_calendar_store_set_hours (DeskDatabase  *db,
                               const char    *name,
                               GDateWeekday   weekday,
                               int            open_minute,
                               int            close_minute,
                               GError       **error)
{
  g_autoptr(DeskWorkCalendar) calendar = NULL;
  g_autofree char *hours = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (g_date_valid_weekday (weekday), FALSE);

  if (open_minute < 0 || close_minute > 24 * 60 || open_minute > close_minute)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Opening hours: the office must open before it closes, within the day"));
      return FALSE;
    }

  calendar = desk_calendar_store_load (db, name, error);
  if (calendar == NULL)
    return FALSE;
  desk_work_calendar_set_hours (calendar, weekday, open_minute, close_minute);
  hours = format_hours (calendar);

  stmt = _desk_database_prepare (db, "UPDATE work_calendars SET hours = ?2 WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hours, -1, SQLITE_STATIC);
  if (!_desk_database_step_done (db, stmt, _("Could not save the work calendar"), error))
    return FALSE;

  desk_calendar_store_forget (db);
  return TRUE;
}
