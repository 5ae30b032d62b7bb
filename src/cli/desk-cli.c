/* desk-cli.c
 *
 * The command line's entry point: desk_cli_main() reads the global options
 * (--database, --help, --version), finds the command in the table that also
 * makes --help, and runs it.  The commands live a group to a file,
 * desk-cli-GROUP.c; what they share is in desk-cli-common.c.
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

#include "desk-cli.h"
#include "desk-cli-private.h"
#include "desk-database.h"

typedef struct
{
  const char         *name;
  const char         *args;    /* shown in --help */
  const char         *summary; /* translatable */
  DeskCliCommandFunc  func;
} DeskCliCommand;

static const DeskCliCommand commands[] = {
  { "demo",   "[--force]", N_("Create a demo office with departments, staff and customers"), desk_cli_demo },
  { "check",  "",          N_("Check the office database’s integrity and schema version"), desk_cli_check },
  { "backup", N_("FILE"),  N_("Copy the office to FILE, safely while it is in use"), desk_cli_backup },
  { "add-ticket", N_("--kind KIND --customer NAME --phone PHONE --category CATEGORY --summary TEXT"),
    N_("Register a complaint, repair or maintenance order; prints its number"), desk_cli_add_ticket },
  { "categories", "", N_("List the ticket categories: code, English and Chinese name"), desk_cli_categories },
  { "search", N_("QUERY"), N_("Find tickets: number, status, customer and summary, a line each"), desk_cli_search },
  { "generate", "N", N_("Add N synthetic tickets (for trying and benchmarking)"), desk_cli_generate },
  { "deadlines", N_("NUMBER"), N_("A ticket’s deadlines: rule, who, when due, and their state"), desk_cli_deadlines },
  { "overdue", "", N_("Every overdue ticket with the rule it breaches and by how much"), desk_cli_overdue },
  { "report", N_("YYYY-MM [-o FILE.pdf|FILE.csv]"), N_("The monthly service report: figures beside the previous month’s"), desk_cli_report },
  { "issue-notice", N_("TICKET-NUMBER --to RECIPIENT --problem TEXT --rectification TEXT --due YYYY-MM-DD"),
    N_("Issue a rectification notice for a ticket; prints its number"), desk_cli_issue_notice },
  { "notice", N_("NUMBER | --ticket TICKET-NUMBER -o FILE.pdf"), N_("Export a rectification notice as an A4 PDF"), desk_cli_notice },
  { "notices", N_("[--open] [--overdue] [--to RECIPIENT] [QUERY]"), N_("List rectification notices: number, ticket, state, deadline, recipient"), desk_cli_notices },
  { "notice-state", N_("NUMBER rectified|verified"), N_("Record that a notice was rectified or verified"), desk_cli_notice_state },
  { "import", N_("FILE|DIR…"), N_("Import procedures (our XML, DITA, DocBook): a line per file"), desk_cli_import },
  { "validate", N_("FILE…"), N_("Check procedure files without storing them"), desk_cli_validate },
  { "procedures", "", N_("List the procedures: code, revision and title"), desk_cli_procedures },
  { "export-procedure", N_("CODE -o FILE [--format native|dita|pdf] [--revision N] | --all -o DIR"),
    N_("Write a procedure, or all of them, to XML or PDF"), desk_cli_export_procedure },
  { "activate-procedure", N_("CODE [--revision N]"),
    N_("Make a procedure's rules the deadline policy (a new policy revision)"), desk_cli_activate_procedure },
  { "policy", "[--revision N]", N_("The deadline rules in force, a readable line each"), desk_cli_policy },
  { "check-deadlines", "[--at TIME]", N_("Notice warnings and breaches since the last check; escalate and fine"), desk_cli_check_deadlines },
  { "acknowledge", N_("NUMBER --staff CODE"), N_("Acknowledge a ticket’s escalation"), desk_cli_acknowledge },
  { "ledger", N_("YYYY-MM"), N_("A month’s fines and repeat counts per department and person"), desk_cli_ledger },
  { "calendars", "", N_("The work calendars: hours, holidays and make-up working days"), desk_cli_calendars },
  { "import-calendar", N_("FILE [--calendar NAME]"), N_("Add holidays and make-up working days from an iCalendar file"), desk_cli_import_calendar },
  { "callbacks", N_("[--date YYYY-MM-DD] [--person NAME]"), N_("A day’s callbacks: time, state, reason, customer, phone, ticket, caller"), desk_cli_callbacks },
  { "plan-callbacks", N_("[--days N]"), N_("Plan the automatic callbacks of the next working days"), desk_cli_plan_callbacks },
  { "export-callbacks", N_("-o FILE.ics [--from DATE] [--to DATE] [--person NAME]"), N_("Write the callback schedule as an iCalendar file"), desk_cli_export_callbacks },
  { "callback-figures", N_("[--month YYYY-MM]"), N_("A month’s callback figures per person: planned, made, reached, satisfaction"), desk_cli_callback_figures },
  { "add-callback", N_("--phone PHONE | --ticket NUMBER [--at TIME] [--person NAME]"),
    N_("Plan one callback by hand"), desk_cli_add_callback },
  { "callback-campaign", N_("--name NAME [--site TEXT] [--closed-from DATE --closed-to DATE [--sample N]]"),
    N_("Plan a campaign of calls to a site’s customers or a sample of closed tickets"), desk_cli_callback_campaign },
  { "callback-settings", N_("[--satisfaction-delay N] [--repair-follow-up N] [--planning-days N]"),
    N_("Print or change when the automatic callbacks are planned (working days)"), desk_cli_callback_settings },
};

static void
print_help (void)
{
  g_print (_("Usage: service-desk [--database PATH] [COMMAND [ARGS…]]\n"
             "\n"
             "Without a command, opens the Service Desk window.\n"
             "\n"
             "Options:\n"
             "  --database PATH  Use the office database at PATH\n"
             "                   (default: %s)\n"
             "  -h, --help       Show this help\n"
             "  --version        Show the version\n"
             "\n"
             "Commands (run “service-desk COMMAND --help” for a command’s options):\n"),
           desk_database_get_default_path ());

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name,
                                               commands[i].args[0] ? _(commands[i].args) : "");

      g_print ("  %-20s %s\n", commands[i].name, _(commands[i].summary));
      if (commands[i].args[0])
        g_print ("  %-20s   %s\n", "", head);
    }
}

int
desk_cli_main (int    argc,
               char **argv,
               char **database_path)
{
  g_autofree char *default_path = NULL;
  DeskCli cli = { 0 };
  int i;

  g_return_val_if_fail (database_path != NULL, 1);

  *database_path = NULL;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          return 0;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("service-desk %s\n", PACKAGE_VERSION);
          return 0;
        }
      else if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc)
            {
              desk_cli_print_error (&cli, _("--database needs a file name"));
              return 2;
            }
          g_free (*database_path);
          *database_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          g_free (*database_path);
          *database_path = g_strdup (arg + strlen ("--database="));
        }
      else if (arg[0] == '-')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option %s (see --help)"), arg);
          desk_cli_print_error (&cli, message);
          return 2;
        }
      else
        break;
    }

  if (i >= argc)
    return DESK_CLI_RUN_GUI;

  if (*database_path != NULL && **database_path == '\0')
    {
      desk_cli_print_error (&cli, _("--database needs a file name"));
      return 2;
    }

  cli.database_path = *database_path;
  if (cli.database_path == NULL)
    cli.database_path = default_path = desk_database_get_default_path ();

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (g_str_equal (argv[i], commands[c].name))
        {
          cli.command = commands[c].name;
          return commands[c].func (&cli, argc - i, argv + i);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s” (see --help)"), argv[i]);
    desk_cli_print_error (&cli, message);
  }

  return 2;
}
