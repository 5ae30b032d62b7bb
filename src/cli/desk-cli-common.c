/* desk-cli-common.c
 *
 * What every command shares (desk-cli-private.h): errors as one line on
 * stderr, option parsing, opening the office named by --database, and
 * reading and writing times in the office's time zone, not the machine's.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "desk-cli-private.h"
#include "desk-deadline-store.h"


void
desk_cli_print_error (DeskCli    *cli,
             const char *message)
{
  /* One line, so that batch jobs can log and grep it. */
  g_autofree char *flat = g_strdup (message);

  g_strdelimit (flat, "\r\n", ' ');
  if (cli->command != NULL)
    g_printerr ("service-desk %s: %s\n", cli->command, flat);
  else
    g_printerr ("service-desk: %s\n", flat);
}

int
desk_cli_fail (DeskCli *cli,
      GError  *error)
{
  desk_cli_print_error (cli, error->message);
  g_error_free (error);
  return 1;
}

gboolean
desk_cli_parse_options (DeskCli       *cli,
               GOptionEntry  *entries,
               const char    *parameter,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = g_strdup_printf ("%s %s", cli->command, parameter ? parameter : "");

  context = g_option_context_new (usage);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      desk_cli_print_error (cli, error->message);
      return FALSE;
    }

  return TRUE;
}

DeskDatabase *
desk_cli_open_office (DeskCli  *cli,
             gboolean  create,
             GError  **error)
{
  return desk_database_open (cli->database_path,
                             create ? DESK_DATABASE_OPEN_CREATE : DESK_DATABASE_OPEN_DEFAULT,
                             error);
}

/* The office's time zone (its work calendar's), not the machine's: a
 * call taken at 14:05 in Shenzhen is 14:05 wherever the batch job runs. */
GTimeZone *
desk_cli_office_timezone (void)
{
  return desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (NULL));
}

/* "2026-03-31 14:05" in the office's time zone. */
gboolean
desk_cli_parse_local_time (const char *text,
                  gint64     *unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0;
  char tail;

  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &tail) != 5 &&
      sscanf (text, "%d-%d-%d%c", &y, &mo, &d, &tail) != 3)
    return FALSE;

  dt = g_date_time_new (desk_cli_office_timezone (), y, mo, d, h, mi, 0);
  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

char *
desk_cli_format_local (gint64 when)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) dt = g_date_time_to_timezone (utc, desk_cli_office_timezone ());
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

/* "2 d 3 h", "45 min": how long, for people. */
char *
desk_cli_format_span (gint64 seconds)
{
  gint64 minutes = ABS (seconds) / 60;

  if (minutes >= 24 * 60)
    return g_strdup_printf (_("%lld d %lld h"), (long long)(minutes / (24 * 60)), (long long)(minutes % (24 * 60) / 60));
  if (minutes >= 60)
    return g_strdup_printf (_("%lld h %lld min"), (long long)(minutes / 60), (long long)(minutes % 60));
  return g_strdup_printf (_("%lld min"), (long long)minutes);
}
