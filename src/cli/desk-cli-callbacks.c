/* desk-cli-callbacks.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

/* Callback commands: callbacks, plan-callbacks, export-callbacks,
 * callback-figures. */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-callback-ical.h"
#include "desk-callback-store.h"
#include "desk-cli-private.h"

#define DAY_SECONDS (24 * 60 * 60)

/* The start of the day @text ("YYYY-MM-DD"), or of today when NULL. */
static gboolean
parse_day (DeskCli    *cli,
           const char *option,
           const char *text,
           gint64     *day_start)
{
  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (desk_cli_office_timezone ());
      g_autoptr(GDateTime) start = g_date_time_new (desk_cli_office_timezone (),
                                                    g_date_time_get_year (now),
                                                    g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);
      *day_start = g_date_time_to_unix (start);
      return TRUE;
    }

  if (strlen (text) != 10 || !desk_cli_parse_local_time (text, day_start))
    {
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a date like 2026-03-31"), option, text);
      desk_cli_print_error (cli, message);
      return FALSE;
    }
  return TRUE;
}

int
desk_cli_callbacks (DeskCli  *cli,
                    int       argc,
                    char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *date = NULL;
  g_autofree char *person = NULL;
  GError *error = NULL;
  gint64 start;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day to list (default: today)"), N_("YYYY-MM-DD") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Only this person’s calls (name or staff number)"), N_("NAME") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;
  if (!parse_day (cli, "--date", date, &start))
    return 2;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(list = desk_callback_store_list (db, start, start + DAY_SECONDS, person, 0, &error)))
    return desk_cli_fail (cli, error);

  /* time, state, reason, customer, phone, ticket, caller: a line each */
  for (guint i = 0; i < list->len; i++)
    {
      DeskCallback *b = list->pdata[i];
      g_autofree char *at = desk_cli_format_local (b->planned_at);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", at + 11, desk_callback_state_get_label (b->state),
               desk_callback_reason_get_label (b->reason), b->customer_name,
               b->customer_phone ? b->customer_phone : "", b->ticket_number ? b->ticket_number : "",
               b->assignee_name ? b->assignee_name : "");
    }

  return 0;
}

int
desk_cli_plan_callbacks (DeskCli  *cli,
                         int       argc,
                         char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  GError *error = NULL;
  int days = 0;
  guint64 n = 0;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Working days to plan ahead (default: the office setting, 3)"), "N" },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;
  if (days < 0 || days > 60)
    {
      desk_cli_print_error (cli, _("--days: give a number of working days from 1 to 60"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !desk_callback_store_plan (db, g_get_real_time () / G_USEC_PER_SEC, days, &n, &error))
    return desk_cli_fail (cli, error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Planned %llu callback\n", "Planned %llu callbacks\n", n),
           (unsigned long long)n);
  return 0;
}

int
desk_cli_export_callbacks (DeskCli  *cli,
                           int       argc,
                           char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *person = NULL;
  GError *error = NULL;
  gint64 from, to;
  guint n = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the calendar to FILE"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (default: today)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day (default: 30 days after the first)"), N_("YYYY-MM-DD") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Only this person’s calls (name or staff number)"), N_("NAME") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;
  if (output == NULL)
    {
      desk_cli_print_error (cli, _("give the file to write, e.g. export-callbacks -o callbacks.ics"));
      return 2;
    }
  if (!parse_day (cli, "--from", from_text, &from))
    return 2;
  if (to_text == NULL)
    to = from + 31 * DAY_SECONDS;
  else if (!parse_day (cli, "--to", to_text, &to))
    return 2;
  else
    to += DAY_SECONDS;
  if (to <= from)
    {
      desk_cli_print_error (cli, _("--to: the last day comes before the first"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !desk_callback_ical_export (db, from, to, person, output, &n, &error))
    return desk_cli_fail (cli, error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u callback to %s\n", "Wrote %u callbacks to %s\n", n),
           n, output);
  return 0;
}

int
desk_cli_callback_figures (DeskCli  *cli,
                           int       argc,
                           char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *month = NULL;
  GError *error = NULL;
  int year, mon;
  char tail;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month (default: this month)"), N_("YYYY-MM") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (month == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (desk_cli_office_timezone ());
      year = g_date_time_get_year (now);
      mon = g_date_time_get_month (now);
    }
  else if (sscanf (month, "%d-%d%c", &year, &mon, &tail) != 2 || mon < 1 || mon > 12)
    {
      g_autofree char *message = g_strdup_printf (_("--month: “%s” is not a month like 2026-03"), month);
      desk_cli_print_error (cli, message);
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(rows = desk_callback_store_month_figures (db, year, mon, &error)))
    return desk_cli_fail (cli, error);

  g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("Person"), _("Planned"), _("Made"), _("Reached"),
           _("Missed"), _("Satisfied"), _("Average"), _("Unsatisfied"));
  for (guint i = 0; i < rows->len; i++)
    {
      DeskCallbackFigures *f = rows->pdata[i];
      const char *name = f->assignee_id < 0 ? _("Total") : f->assignee_name ? f->assignee_name : _("Nobody");

      g_print ("%s\t%u\t%u\t%u\t%u\t%u\t%u\t%u\n", name, f->planned, f->made, f->reached, f->missed,
               f->satisfied, f->average, f->unsatisfied);
    }

  return 0;
}
