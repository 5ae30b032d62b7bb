/* desk-cli-deadlines.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

/* Deadline commands: deadlines, overdue. */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-cli-private.h"
#include "desk-deadline-store.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

static const char *
deadline_state_label (DeskDeadlineState state)
{
  switch (state)
    {
    case DESK_DEADLINE_PENDING:
      return _("due");
    case DESK_DEADLINE_DUE_SOON:
      return _("due soon");
    case DESK_DEADLINE_BREACHED:
      return _("overdue");
    case DESK_DEADLINE_MET:
      return _("met");
    case DESK_DEADLINE_MET_LATE:
      return _("met late");
    default:
      return "";
    }
}

int
desk_cli_deadlines (DeskCli  *cli,
               int       argc,
               char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GArray) deadlines = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!desk_cli_parse_options (cli, entries, _("NUMBER"), &argc, &argv))
    return 2;

  if (argc != 2)
    {
      desk_cli_print_error (cli, _("give a ticket number, e.g. deadlines TS-2026-000123"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(ticket = desk_ticket_store_find_number (db, argv[1], &error)) ||
      !(deadlines = desk_deadline_store_evaluate (db, desk_ticket_get_id (ticket), now, &error)))
    return desk_cli_fail (cli, error);

  /* rule, who, due, state, and when it was met or how late it is */
  for (guint i = 0; i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);
      g_autofree char *due = desk_cli_format_local (d->due_at);
      g_autofree char *detail = NULL;

      if (d->met_at != 0)
        {
          g_autofree char *met = desk_cli_format_local (d->met_at);
          detail = g_strdup_printf (_("met %s"), met);
        }
      else if (d->state == DESK_DEADLINE_BREACHED)
        {
          g_autofree char *late = desk_cli_format_span (now - d->due_at);
          detail = g_strdup_printf (_("overdue by %s"), late);
        }
      else
        {
          g_autofree char *left = desk_cli_format_span (d->due_at - now);
          detail = g_strdup_printf (_("in %s"), left);
        }

      g_print ("%s\t%s\t%s\t%s\t%s\n", desk_rule_get_label (d->rule), desk_role_get_label (d->rule->role),
               due, deadline_state_label (d->state), detail);
    }

  return 0;
}

int
desk_cli_overdue (DeskCli  *cli,
             int       argc,
             char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_auto(DeskTicketKey) key = { 0 };
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DeskTicketQuery query = { .queue = DESK_QUEUE_OVERDUE, .sort = DESK_SORT_DEADLINE, .now = now };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    return desk_cli_fail (cli, error);

  /* Longest overdue first, each breached rule a line. */
  while (TRUE)
    {
      g_autoptr(GPtrArray) page = desk_ticket_query_page (db, &query, &key, 0, 500, &error);

      if (page == NULL)
        return desk_cli_fail (cli, error);
      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        {
          DeskTicket *ticket = page->pdata[i];
          g_autoptr(GArray) deadlines = desk_deadline_store_evaluate (db, desk_ticket_get_id (ticket), now, &error);

          if (deadlines == NULL)
            return desk_cli_fail (cli, error);

          for (guint j = 0; j < deadlines->len; j++)
            {
              const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, j);
              g_autofree char *late = NULL;

              if (d->state != DESK_DEADLINE_BREACHED)
                continue;
              late = desk_cli_format_span (now - d->due_at);
              g_print ("%s\t%s\t%s\n", desk_ticket_get_number (ticket), desk_rule_get_label (d->rule), late);
            }
        }
      desk_ticket_key_from_ticket (&key, query.sort, page->pdata[page->len - 1]);
    }

  return 0;
}
