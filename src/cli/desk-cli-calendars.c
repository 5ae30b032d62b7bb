/* desk-cli-calendars.c
 *
 * The work calendar commands: calendars lists each calendar's hours,
 * holidays and make-up working days; import-calendar adds dates from an
 * iCalendar or .ini holiday file.  Both are thin layers over
 * desk-calendar-store.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-calendar-store.h"
#include "desk-cli-private.h"

int
desk_cli_calendars (DeskCli  *cli,
                    int       argc,
                    char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(calendars = desk_calendar_store_list (db, &error)))
    return desk_cli_fail (cli, error);

  /* name, time zone, hours Monday to Sunday, holidays, make-up days, span */
  for (guint i = 0; i < calendars->len; i++)
    {
      const DeskCalendarInfo *info = calendars->pdata[i];
      g_autofree char *holidays = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u holiday", "%u holidays",
                                                                info->n_holidays), info->n_holidays);
      g_autofree char *workdays = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u make-up working day",
                                                                "%u make-up working days", info->n_workdays),
                                                   info->n_workdays);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s..%s\n", info->name, info->timezone, info->hours, holidays, workdays,
               info->first_date ? info->first_date : "", info->last_date ? info->last_date : "");
    }

  return 0;
}

int
desk_cli_import_calendar (DeskCli  *cli,
                          int       argc,
                          char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  guint n_days = 0, n_skipped = 0;
  GOptionEntry entries[] = {
    { "calendar", 0, 0, G_OPTION_ARG_STRING, &name, N_("The calendar to add to (default: office)"), N_("NAME") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("FILE"), &argc, &argv))
    return 2;

  if (argc != 2)
    {
      desk_cli_print_error (cli, _("give an iCalendar (.ics) or holiday (.ini) file, e.g. import-calendar CN-2027.ics"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !desk_calendar_store_import_file (db, name ? name : DESK_CALENDAR_OFFICE, file, &n_days, &n_skipped, &error))
    return desk_cli_fail (cli, error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u date set", "%s: %u dates set", n_days),
           name ? name : DESK_CALENDAR_OFFICE, n_days);
  if (n_skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, " (%u event skipped: timed, recurring or cancelled)",
                          " (%u events skipped: timed, recurring or cancelled)", n_skipped), n_skipped);
  g_print ("\n");
  return 0;
}
