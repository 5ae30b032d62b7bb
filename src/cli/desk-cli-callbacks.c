/* desk-cli-callbacks.c
 *
 * The callback commands: callbacks (a day's calls), plan-callbacks,
 * export-callbacks (iCalendar), callback-figures, add-callback,
 * callback-campaign and callback-settings.  They parse and print; the
 * planning and the writing are desk-callback-store's and
 * desk-callback-ical's.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-callback-ical.h"
#include "desk-callback-store.h"
#include "desk-cli-private.h"
#include "desk-customer-store.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

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

/* A staff member by number or name; 0 with an error printed. */
static gint64
find_person (DeskCli      *cli,
             DeskDatabase *db,
             const char   *person)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = desk_office_store_list_staff (db, &error);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      DeskStaff *s = staff->pdata[i];

      if (g_strcmp0 (desk_staff_get_code (s), person) == 0 || g_strcmp0 (desk_staff_get_name (s), person) == 0)
        return desk_staff_get_id (s);
    }

  {
    g_autofree char *message = g_strdup_printf (_("--person: nobody on the staff is called “%s”"), person);
    desk_cli_print_error (cli, message);
  }
  return 0;
}

int
desk_cli_add_callback (DeskCli  *cli,
                       int       argc,
                       char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *number = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *person = NULL;
  g_autofree char *note = NULL;
  g_autofree char *when = NULL;
  GError *error = NULL;
  gint64 customer = 0, ticket_id = 0, assignee = 0, at = 0, id;
  GOptionEntry entries[] = {
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The customer’s phone number"), N_("PHONE") },
    { "ticket", 0, 0, G_OPTION_ARG_STRING, &number, N_("The ticket the call is about"), N_("NUMBER") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("When to call (default: the next call window)"), N_("“YYYY-MM-DD HH:MM”") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Who calls (name or staff number)"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the call is for"), N_("TEXT") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;
  if (phone == NULL && number == NULL)
    {
      desk_cli_print_error (cli, _("give --phone or --ticket: whom to call"));
      return 2;
    }
  if (at_text != NULL && !desk_cli_parse_local_time (at_text, &at))
    {
      g_autofree char *message = g_strdup_printf (_("--at: “%s” is not a time like 2026-03-31 16:30"), at_text);
      desk_cli_print_error (cli, message);
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    return desk_cli_fail (cli, error);

  if (number != NULL)
    {
      if (!(ticket = desk_ticket_store_find_number (db, number, &error)))
        return desk_cli_fail (cli, error);
      ticket_id = desk_ticket_get_id (ticket);
      customer = desk_ticket_get_data (ticket)->customer_id;
    }
  else
    {
      customer = desk_customer_store_find_by_phone (db, phone, NULL, &error);
      if (error != NULL)
        return desk_cli_fail (cli, error);
      if (customer == 0)
        {
          g_autofree char *message = g_strdup_printf (_("--phone: no customer has the number %s"), phone);
          desk_cli_print_error (cli, message);
          return 1;
        }
    }
  if (person != NULL && (assignee = find_person (cli, db, person)) == 0)
    return 1;

  id = desk_callback_store_add (db, customer, ticket_id, DESK_CALLBACK_MANUAL, at, assignee, note, &error);
  if (id == 0)
    return desk_cli_fail (cli, error);

  {
    g_autoptr(DeskCallback) b = desk_callback_store_get (db, id, &error);

    if (b == NULL)
      return desk_cli_fail (cli, error);
    when = desk_cli_format_local (b->planned_at);
    g_print (_("Callback %lld to %s planned for %s\n"), (long long)id, b->customer_name, when);
  }
  return 0;
}

int
desk_cli_callback_campaign (DeskCli  *cli,
                            int       argc,
                            char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *name = NULL;
  g_autofree char *site = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *person = NULL;
  GError *error = NULL;
  int sample = 0, seed = 1;
  gint64 n;
  DeskCampaign campaign = { 0 };
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The campaign’s name"), N_("NAME") },
    { "site", 0, 0, G_OPTION_ARG_STRING, &site, N_("Customers whose address or asset contains TEXT"), N_("TEXT") },
    { "closed-from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Customers of tickets closed from this day"), N_("YYYY-MM-DD") },
    { "closed-to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("… up to this day"), N_("YYYY-MM-DD") },
    { "sample", 0, 0, G_OPTION_ARG_INT, &sample, N_("A random sample of N of those tickets"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The sample’s random seed (default 1)"), "N" },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Who calls (name or staff number)"), N_("NAME") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;
  if (sample < 0)
    {
      desk_cli_print_error (cli, _("--sample: give a number of tickets"));
      return 2;
    }
  if ((from_text != NULL && !parse_day (cli, "--closed-from", from_text, &campaign.closed_from)) ||
      (to_text != NULL && !parse_day (cli, "--closed-to", to_text, &campaign.closed_to)))
    return 2;
  if (campaign.closed_to > 0)
    campaign.closed_to += DAY_SECONDS;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    return desk_cli_fail (cli, error);
  if (person != NULL && (campaign.assignee_id = find_person (cli, db, person)) == 0)
    return 1;

  campaign.name = name;
  campaign.site = site;
  campaign.sample = sample;
  campaign.seed = seed;
  n = desk_callback_store_add_campaign (db, &campaign, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (n < 0)
    return desk_cli_fail (cli, error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Planned %lld call for %s\n", "Planned %lld calls for %s\n", n),
           (long long)n, name);
  return 0;
}

/* The options of callback-settings, in the order of DeskCallbackSetting. */
static const char * const setting_options[] = {
  "satisfaction-delay", "repair-follow-up", "planning-days",
};

G_STATIC_ASSERT (G_N_ELEMENTS (setting_options) == DESK_N_CALLBACK_SETTINGS);

int
desk_cli_callback_settings (DeskCli  *cli,
                            int       argc,
                            char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  char *texts[DESK_N_CALLBACK_SETTINGS] = { NULL, };
  gint64 values[DESK_N_CALLBACK_SETTINGS];
  gboolean changing = FALSE;
  DeskCallbackSettings settings;
  GError *error = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { setting_options[0], 0, 0, G_OPTION_ARG_STRING, &texts[0],
      N_("Working days after a ticket is closed before the satisfaction call"), "N" },
    { setting_options[1], 0, 0, G_OPTION_ARG_STRING, &texts[1],
      N_("Working days after a repair order is closed before its follow-up call"), "N" },
    { setting_options[2], 0, 0, G_OPTION_ARG_STRING, &texts[2],
      N_("Working days of calls planned ahead, today included"), "N" },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    {
      status = 2;
      goto out;
    }

  /* Every option is checked before anything is opened or saved. */
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    {
      guint minimum, maximum;
      guint64 parsed;

      if (texts[i] == NULL)
        continue;
      desk_callback_setting_get_range (i, &minimum, &maximum, NULL);
      if (!g_ascii_string_to_unsigned (texts[i], 10, minimum, maximum, &parsed, NULL))
        {
          g_autofree char *option = g_strconcat ("--", setting_options[i], NULL);
          /* The store's message, with the option for the field. */
          g_autofree char *message =
            g_strdup_printf (_("%s: give a whole number of working days from %u to %u, not “%s”"),
                             option, minimum, maximum, texts[i]);
          desk_cli_print_error (cli, message);
          status = 2;
          goto out;
        }
      values[i] = parsed;
      changing = TRUE;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    {
      status = desk_cli_fail (cli, error);
      goto out;
    }

  desk_callback_store_get_settings (db, &settings);
  if (changing)
    {
      for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
        if (texts[i] != NULL)
          desk_callback_settings_set (&settings, i, values[i]);
      /* Saving also moves the untouched calls and plans the window again. */
      if (!desk_callback_store_save_settings (db, &settings, g_get_real_time () / G_USEC_PER_SEC, &error))
        {
          status = desk_cli_fail (cli, error);
          goto out;
        }
      desk_callback_store_get_settings (db, &settings);
    }

  /* option, value, what it is: a line each */
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    g_print ("%s\t%u\t%s\n", setting_options[i], desk_callback_settings_get (&settings, i),
             desk_callback_setting_get_label (i));

out:
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    g_free (texts[i]);
  return status;
}
