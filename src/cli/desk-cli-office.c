/* desk-cli-office.c
 *
 * The commands that look after the office as a whole: demo (fill it with
 * the demo office, or replace it with --force), check (schema version and
 * integrity) and backup (a consistent copy while it is in use).  The work
 * is in desk-demo.c and desk-database-upkeep.c.
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

#include "desk-cli-private.h"
#include "desk-customer-store.h"
#include "desk-demo.h"
#include "desk-office-store.h"
#include "desk-ticket-query.h"

int
desk_cli_demo (DeskCli  *cli,
          int       argc,
          char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  DeskTicketQuery all = { .queue = DESK_QUEUE_ALL };
  GError *error = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an office that already holds data"), NULL },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      desk_cli_print_error (cli, _("demo takes no arguments"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, TRUE, &error)) ||
      !desk_demo_populate (db, force, &error))
    return desk_cli_fail (cli, error);

  departments = desk_office_store_list_departments (db, NULL);
  staff = desk_office_store_list_staff (db, NULL);

  g_print (_("Created the demo office in %s: %u departments, %u staff, %lld customers, %lld tickets\n"),
           desk_database_get_path (db),
           departments ? departments->len : 0,
           staff ? staff->len : 0,
           (long long)desk_customer_store_count (db, NULL),
           (long long)desk_ticket_query_count (db, &all, NULL));

  return 0;
}

int
desk_cli_check (DeskCli  *cli,
           int       argc,
           char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *report = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gboolean sound;

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    return desk_cli_fail (cli, error);

  g_print (_("Office: %s\n"), desk_database_get_path (db));
  g_print (_("Schema version: %d (this Service Desk: %d)\n"),
           desk_database_get_version (db), desk_database_get_latest_version ());

  sound = desk_database_check (db, &report, &error);
  if (error != NULL)
    return desk_cli_fail (cli, error);

  if (sound)
    {
      g_print (_("Integrity: ok\n"));
      return 0;
    }

  g_print (_("Integrity: problems found\n%s"), report);
  desk_cli_print_error (cli, _("the office database has problems; restore it from a backup"));
  return 1;
}

int
desk_cli_backup (DeskCli  *cli,
            int       argc,
            char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!desk_cli_parse_options (cli, entries, _("FILE"), &argc, &argv))
    return 2;

  if (argc != 2)
    {
      desk_cli_print_error (cli, _("give the file to write the backup to, e.g. backup office-2026-11-28.db"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !desk_database_backup (db, argv[1], &error))
    return desk_cli_fail (cli, error);

  g_print (_("Backed up %s to %s\n"), desk_database_get_path (db), argv[1]);
  return 0;
}
