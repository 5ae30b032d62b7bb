/* desk-callback-settings-store.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-settings-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-callback-settings-store.h"
#include "desk-callback-store.h"
#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-office-store.h"

/* How far back the planner looks for recently closed tickets, beyond
 * twice the delay (desk-callback-store.c's LOOKBACK_DAYS): the calls the
 * old delays placed are among the ones it planned. */
#define LOOKBACK_DAYS 7

typedef struct
{
  const char *key;
  const char *label;    /* N_() */
  guint       minimum;
  guint       maximum;
  guint       fallback;
} SettingInfo;

/* The ranges and defaults, in working days on the office calendar.  The
 * manuals (../shared/manuals, DOMAIN.md "Rules") set the rhythm:
 *
 * - Satisfaction call, default 1, 0–30: the customer service desk calls
 *   back every day until a complaint is closed (02 complaint principles,
 *   3: 客服部必须每天回访跟进,直至投诉结束), so the satisfaction call is
 *   the next working day's call; 0 makes it the same day's next call
 *   window.  Beyond six weeks a customer no longer remembers the service
 *   asked about.
 * - Follow-up after a repair, default 3, 1–40: repairs after handover are
 *   QA's to follow for two months (02, 8: 签完竣工验收单后两个月内的修补工作
 *   由质检部跟进完成); two months are about 40 working days, so a later
 *   follow-up would fall outside the period it checks.  At least a day:
 *   a repair is judged after it has been used.
 * - Planning window, default 3 (today and the next two working days),
 *   1–14: every open complaint needs its call each working day, so at
 *   least today is planned; two weeks ahead is as far as a clerk's agenda
 *   is read, and every day more is a day of follow-ups stored ahead. */
static const SettingInfo infos[] = {
  [DESK_CALLBACK_SETTING_SATISFACTION_DELAY] = {
    DESK_SETTING_SATISFACTION_DELAY, N_("Satisfaction call delay"), 0, 30, 1,
  },
  [DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP] = {
    DESK_SETTING_REPAIR_FOLLOW_UP, N_("Follow-up after repair"), 1, 40, 3,
  },
  [DESK_CALLBACK_SETTING_PLANNING_DAYS] = {
    DESK_SETTING_PLANNING_DAYS, N_("Planning window"), 1, 14, 3,
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (infos) == DESK_N_CALLBACK_SETTINGS);

const char *
desk_callback_setting_get_key (DeskCallbackSetting setting)
{
  g_return_val_if_fail (setting < DESK_N_CALLBACK_SETTINGS, NULL);

  return infos[setting].key;
}

const char *
desk_callback_setting_get_label (DeskCallbackSetting setting)
{
  g_return_val_if_fail (setting < DESK_N_CALLBACK_SETTINGS, NULL);

  return _(infos[setting].label);
}

void
desk_callback_setting_get_range (DeskCallbackSetting  setting,
                                 guint               *minimum,
                                 guint               *maximum,
                                 guint               *fallback)
{
  g_return_if_fail (setting < DESK_N_CALLBACK_SETTINGS);

  if (minimum != NULL)
    *minimum = infos[setting].minimum;
  if (maximum != NULL)
    *maximum = infos[setting].maximum;
  if (fallback != NULL)
    *fallback = infos[setting].fallback;
}

gboolean
desk_callback_setting_check (DeskCallbackSetting   setting,
                             gint64                value,
                             GError              **error)
{
  g_return_val_if_fail (setting < DESK_N_CALLBACK_SETTINGS, FALSE);

  if (value < infos[setting].minimum || value > infos[setting].maximum)
    {
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      /* Translators: the first %s is the field ("Satisfaction call delay")
       * or the command-line option, the last one the value given. */
      g_set_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID,
                   _("%s: give a whole number of working days from %u to %u, not “%s”"),
                   _(infos[setting].label), infos[setting].minimum, infos[setting].maximum, given);
      return FALSE;
    }
  return TRUE;
}

guint
desk_callback_settings_get (const DeskCallbackSettings *settings,
                            DeskCallbackSetting         setting)
{
  g_return_val_if_fail (settings != NULL, 0);

  switch (setting)
    {
    case DESK_CALLBACK_SETTING_SATISFACTION_DELAY: return settings->satisfaction_delay_days;
    case DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP:   return settings->repair_follow_up_days;
    case DESK_CALLBACK_SETTING_PLANNING_DAYS:      return settings->planning_days;
    default: g_return_val_if_reached (0);
    }
}

void
desk_callback_settings_set (DeskCallbackSettings *settings,
                            DeskCallbackSetting   setting,
                            guint                 value)
{
  g_return_if_fail (settings != NULL);

  switch (setting)
    {
    case DESK_CALLBACK_SETTING_SATISFACTION_DELAY: settings->satisfaction_delay_days = value; break;
    case DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP:   settings->repair_follow_up_days = value; break;
    case DESK_CALLBACK_SETTING_PLANNING_DAYS:      settings->planning_days = value; break;
    default: g_return_if_reached ();
    }
}

void
desk_callback_settings_init_defaults (DeskCallbackSettings *settings)
{
  g_return_if_fail (settings != NULL);

  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    desk_callback_settings_set (settings, i, infos[i].fallback);
}

void
desk_callback_store_get_settings (DeskDatabase         *db,
                                  DeskCallbackSettings *settings)
{
  g_return_if_fail (DESK_IS_DATABASE (db));
  g_return_if_fail (settings != NULL);

  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    {
      g_autofree char *text = desk_office_store_get_setting (db, infos[i].key);
      guint64 value;

      if (text == NULL || !g_ascii_string_to_unsigned (g_strstrip (text), 10, 0, G_MAXUINT, &value, NULL))
        value = infos[i].fallback;
      desk_callback_settings_set (settings, i, CLAMP (value, infos[i].minimum, infos[i].maximum));
    }
}

static void
plan_day_of (DeskWorkCalendar *calendar,
             gint64            when,
             char              out[11])
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, desk_work_calendar_get_timezone (calendar));

  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
}

typedef struct
{
  gint64 id;
  gint64 planned_at;
  gint64 closed_at;
} Planned;

/* Moves the planned @reason calls of recently closed tickets that sit
 * exactly where @old_delay put them (the planner's time: the first call
 * window @old_delay working days after closing) to where @new_delay puts
 * them, never before @now.  A call at any other time was moved by a
 * clerk, is a retry (two hours after the unanswered call, or the
 * customer's own time) or was planned late when the office caught up: it
 * stays.  Only calls still ahead are moved. */
static gboolean
move_planned_calls (DeskDatabase  *db,
                    const char    *reason,
                    guint          old_delay,
                    guint          new_delay,
                    gint64         now,
                    GError       **error)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Planned));
  gint64 since = now - (gint64)(old_delay * 2 + LOOKBACK_DAYS) * 24 * 3600;
  sqlite3_stmt *stmt;
  int rc;

  if (old_delay == new_delay)
    return TRUE;

  stmt = _desk_database_prepare (db,
                                 "SELECT b.id, b.planned_at, t.closed_at"
                                 " FROM tickets t INDEXED BY tickets_closed_at"
                                 " JOIN callbacks b INDEXED BY callbacks_by_ticket"
                                 "   ON b.ticket_id = t.id AND b.reason = ?2 AND b.planned_at >= t.closed_at"
                                 " WHERE t.status = 7 AND t.closed_at >= ?1"
                                 " AND b.state = 'planned' AND b.planned_at > ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Planned p = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                    sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (found, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not find the planned callbacks"));
      return FALSE;
    }

  for (guint i = 0; i < found->len; i++)
    {
      const Planned *p = &g_array_index (found, Planned, i);
      gint64 old_at = desk_callback_suggest_time (calendar,
                                                  desk_work_calendar_add_days (calendar, p->closed_at, old_delay));
      gint64 new_at = desk_callback_suggest_time (calendar,
                                                  MAX (desk_work_calendar_add_days (calendar, p->closed_at, new_delay),
                                                       now));
      char plan_day[11];

      if (p->planned_at != old_at || new_at == old_at)
        continue;

      plan_day_of (calendar, new_at, plan_day);
      /* OR IGNORE: the ticket already has a call of this reason that day
       * (closed, reopened and closed again); this one stays then. */
      stmt = _desk_database_prepare (db,
                                     "UPDATE OR IGNORE callbacks SET planned_at = ?2, plan_day = ?3"
                                     " WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int64 (stmt, 2, new_at);
      sqlite3_bind_text (stmt, 3, plan_day, -1, SQLITE_TRANSIENT);
      if (!_desk_database_step_done (db, stmt, _("Could not move the planned callback"), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
desk_callback_store_save_settings (DeskDatabase                *db,
                                   const DeskCallbackSettings  *settings,
                                   gint64                       now,
                                   GError                     **error)
{
  DeskCallbackSettings old;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    if (!desk_callback_setting_check (i, desk_callback_settings_get (settings, i), error))
      return FALSE;

  if (!desk_database_begin (db, error))
    return FALSE;

  desk_callback_store_get_settings (db, &old);
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", desk_callback_settings_get (settings, i));

      if (!desk_office_store_set_setting (db, infos[i].key, text, error))
        goto failed;
    }

  if (!move_planned_calls (db, "satisfaction", old.satisfaction_delay_days,
                           settings->satisfaction_delay_days, now, error) ||
      !move_planned_calls (db, "after-repair", old.repair_follow_up_days,
                           settings->repair_follow_up_days, now, error) ||
      !desk_callback_store_plan (db, now, 0, NULL, error))
    goto failed;

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "callbacks", 0);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}
