/* desk-callback-settings-store.c
 *
 * The office settings that tune the automatic callback planning (the
 * satisfaction delay, the follow-up after a repair, the planning window):
 * their keys, labels, ranges and defaults, checking a value, and reading
 * them from office_settings.  Saving them moves calls and plans again, so
 * that is the planner's, in desk-callback-planning.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-settings-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-callback-settings-store.h"
#include "desk-office-store.h"

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
