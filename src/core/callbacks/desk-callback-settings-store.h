/* desk-callback-settings-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-callback-store-error.h"
#include "desk-database.h"

G_BEGIN_DECLS

/* The office settings (office_settings table, shared by everyone who
 * opens the office) that tune the automatic callback planning, read with
 * their defaults and saved checked.  The planner reads them through
 * desk_callback_store_get_settings() too: there is one copy of the
 * defaults and ranges, here. */

#define DESK_SETTING_SATISFACTION_DELAY  "callback-satisfaction-delay-days" /* working days, default 1 */
#define DESK_SETTING_REPAIR_FOLLOW_UP    "callback-repair-follow-up-days"   /* working days, default 3 */
#define DESK_SETTING_PLANNING_DAYS       "callback-planning-days"           /* working days, default 3 */

typedef enum
{
  DESK_CALLBACK_SETTING_SATISFACTION_DELAY, /* working days after closing to the satisfaction call */
  DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP,   /* working days after a repair to its follow-up call */
  DESK_CALLBACK_SETTING_PLANNING_DAYS,      /* working days planned ahead, today included */
} DeskCallbackSetting;

#define DESK_N_CALLBACK_SETTINGS (DESK_CALLBACK_SETTING_PLANNING_DAYS + 1)

typedef struct
{
  guint satisfaction_delay_days;
  guint repair_follow_up_days;
  guint planning_days;
} DeskCallbackSettings;

/* The office_settings key. */
const char *desk_callback_setting_get_key   (DeskCallbackSetting         setting);
/* The field's name as a form shows it ("Satisfaction call delay"),
 * translated; error messages start with it. */
const char *desk_callback_setting_get_label (DeskCallbackSetting         setting);
/* The whole numbers allowed, and the default. */
void        desk_callback_setting_get_range (DeskCallbackSetting         setting,
                                             guint                      *minimum,
                                             guint                      *maximum,
                                             guint                      *fallback);
/* Refuses a value outside the range with DESK_CALLBACK_STORE_ERROR_INVALID
 * and a message that names the field. */
gboolean    desk_callback_setting_check     (DeskCallbackSetting         setting,
                                             gint64                      value,
                                             GError                    **error);

guint       desk_callback_settings_get      (const DeskCallbackSettings *settings,
                                             DeskCallbackSetting         setting);
void        desk_callback_settings_set      (DeskCallbackSettings       *settings,
                                             DeskCallbackSetting         setting,
                                             guint                       value);
void        desk_callback_settings_init_defaults (DeskCallbackSettings  *settings);

/* The office's values; a setting never saved is its default, one stored
 * out of range (written by hand with SQL) is brought into the range, and
 * one that is no whole number is its default. */
void        desk_callback_store_get_settings  (DeskDatabase               *db,
                                               DeskCallbackSettings       *settings);

/* Checks all three (the first bad one is refused, its field named, and
 * nothing is saved), then in one transaction saves them, moves the
 * satisfaction and after-repair calls that the old delays placed and
 * nobody has touched since to where the new delays place them (calls a
 * clerk moved by hand, retries, made calls and calls already due stay as
 * they are), and plans the window again from @now with the new values, so
 * that the agendas follow the new settings at once.  A shorter window
 * keeps the calls planned on the days beyond it.  It is the planner's work
 * and lives with it, in desk-callback-planning.c. */
gboolean    desk_callback_store_save_settings (DeskDatabase               *db,
                                               const DeskCallbackSettings *settings,
                                               gint64                      now,
                                               GError                    **error);

G_END_DECLS
