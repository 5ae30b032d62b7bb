/* desk-ticket-format.c
 *
 * The short texts the GUI writes about tickets: a deadline ("in 3 h",
 * "overdue 2 d"), a ticket's age, a repeat complaint's ordinal and a date
 * and time in the office's zone, all translatable.  Its own file because
 * the table's cells, the detail pane, the new-ticket dialog, the notices
 * and the call panel all write them and must write them alike.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-format"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-ticket-format.h"
#include "desk-gui-private.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

char *
_desk_format_deadline (gint64 deadline,
                       gint64 now)
{
  gint64 left;

  if (deadline <= 0)
    return g_strdup ("");

  left = deadline - now;
  if (left >= 0)
    {
      if (left < HOUR)
        /* Translators: a deadline still ahead, in minutes */
        return g_strdup_printf (C_("deadline", "in %d min"), (int)MAX (1, left / MINUTE));
      if (left < 2 * DAY)
        /* Translators: a deadline still ahead, in hours */
        return g_strdup_printf (C_("deadline", "in %d h"), (int)(left / HOUR));
      /* Translators: a deadline still ahead, in days */
      return g_strdup_printf (C_("deadline", "in %d d"), (int)(left / DAY));
    }

  left = -left;
  if (left < HOUR)
    /* Translators: a deadline passed this many minutes ago */
    return g_strdup_printf (C_("deadline", "overdue %d min"), (int)MAX (1, left / MINUTE));
  if (left < 2 * DAY)
    /* Translators: a deadline passed this many hours ago */
    return g_strdup_printf (C_("deadline", "overdue %d h"), (int)(left / HOUR));
  /* Translators: a deadline passed this many days ago */
  return g_strdup_printf (C_("deadline", "overdue %d d"), (int)(left / DAY));
}

char *
_desk_format_age (gint64 then,
                  gint64 now)
{
  gint64 age = MAX (0, now - then);

  if (then <= 0)
    return g_strdup ("");
  if (age < HOUR)
    /* Translators: how long ago a ticket was received, in minutes */
    return g_strdup_printf (C_("age", "%d min"), (int)(age / MINUTE));
  if (age < 2 * DAY)
    /* Translators: how long ago a ticket was received, in hours */
    return g_strdup_printf (C_("age", "%d h"), (int)(age / HOUR));
  /* Translators: how long ago a ticket was received, in days */
  return g_strdup_printf (C_("age", "%d d"), (int)(age / DAY));
}

char *
_desk_format_repeat (int repeat_count)
{
  if (repeat_count <= 1)
    return g_strdup ("");

  /* English ordinals; other languages translate all four the same way
   * (Chinese: "第%d次"). */
  if (repeat_count % 100 >= 11 && repeat_count % 100 <= 13)
    return g_strdup_printf (C_("repeat complaint", "%dth"), repeat_count);
  switch (repeat_count % 10)
    {
    case 1:
      return g_strdup_printf (C_("repeat complaint", "%dst"), repeat_count);
    case 2:
      return g_strdup_printf (C_("repeat complaint", "%dnd"), repeat_count);
    case 3:
      return g_strdup_printf (C_("repeat complaint", "%drd"), repeat_count);
    default:
      return g_strdup_printf (C_("repeat complaint", "%dth"), repeat_count);
    }
}

char *
_desk_format_time (gint64 at)
{
  g_autoptr(GDateTime) time = NULL;

  if (at <= 0)
    return g_strdup ("");

  time = _desk_office_time (at);
  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (time, C_("date and time", "%Y-%m-%d %H:%M"));
}
