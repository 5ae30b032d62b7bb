/* desk-cli-deadlines.c
 *
 * The deadline commands: deadlines (one ticket's), overdue, policy (the
 * rules in force), check-deadlines (what the window does every minute:
 * warn, escalate, fine), acknowledge and ledger.  The work is done by the
 * deadline, policy, alert and ledger stores.
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

#include "desk-alert-store.h"
#include "desk-cli-private.h"
#include "desk-deadline-store.h"
#include "desk-ledger-store.h"
#include "desk-office-store.h"
#include "desk-policy-store.h"
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

/* The active policy (or an older revision), a readable line per rule. */
int
desk_cli_policy (DeskCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  GError *error = NULL;
  int revision = 0;
  GOptionEntry entries[] = {
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision, N_("An older revision of the policy"), N_("N") },
    { NULL }
  };
  const DeskPolicy *policy;

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      (revision == 0 && !(revision = desk_policy_store_get_active_revision (db, &error))) ||
      !(policy = desk_deadline_store_get_policy_revision (db, revision, &error)))
    return desk_cli_fail (cli, error);

  g_print (_("Policy revision %d\n"), policy->revision);
  for (guint i = 0; i < policy->rules->len; i++)
    {
      const DeskRule *rule = g_ptr_array_index (policy->rules, i);
      g_autofree char *text = desk_rule_describe (rule);

      g_print ("%s\t%s\n", rule->id, text);
    }

  return 0;
}

/* What the app does at start and every minute: notice new warnings and
 * breaches since the last check, escalate, fine. */
int
desk_cli_check_deadlines (DeskCli  *cli,
                          int       argc,
                          char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *at = NULL;
  GError *error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("Check as at this time instead of now"), N_("\"YYYY-MM-DD HH:MM\"") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (at != NULL && !desk_cli_parse_local_time (at, &now))
    {
      g_autofree char *message = g_strdup_printf (_("--at: “%s” is not a time like 2026-03-31 14:05"), at);
      desk_cli_print_error (cli, message);
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(alerts = desk_alert_store_catch_up (db, now, &error)))
    return desk_cli_fail (cli, error);

  /* number, rule, warning or overdue, due, and where it was escalated */
  for (guint i = 0; i < alerts->len; i++)
    {
      const DeskDeadlineAlert *alert = alerts->pdata[i];
      g_autofree char *due = desk_cli_format_local (alert->due_at);
      g_autofree char *escalated = NULL;

      if (alert->escalated)
        escalated = g_strdup_printf (_("escalated to %s"), desk_role_get_label (alert->escalated_to));
      g_print ("%s\t%s\t%s\t%s\t%s\n", alert->number, alert->rule_label,
               alert->kind == DESK_ALERT_BREACH ? _("overdue") : _("due soon"), due,
               escalated ? escalated : "");
    }

  return 0;
}

int
desk_cli_acknowledge (DeskCli  *cli,
                      int       argc,
                      char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(DeskStaff) staff = NULL;
  g_autofree char *code = NULL;
  GError *error = NULL;
  guint n = 0;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &code, N_("Who acknowledges: their staff number"), N_("CODE") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("NUMBER"), &argc, &argv))
    return 2;

  if (argc != 2 || code == NULL)
    {
      desk_cli_print_error (cli, _("give a ticket number and who acknowledges, e.g. acknowledge TS-2026-000123 --staff S003"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(ticket = desk_ticket_store_find_number (db, argv[1], &error)) ||
      !(staff = desk_office_store_find_staff (db, code, &error)) ||
      !desk_alert_store_acknowledge (db, desk_ticket_get_id (ticket), desk_staff_get_id (staff),
                                     g_get_real_time () / G_USEC_PER_SEC, &n, &error))
    return desk_cli_fail (cli, error);

  if (n == 0)
    g_print (_("%s: no escalation waits for acknowledgement\n"), argv[1]);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u escalation acknowledged\n",
                          "%s: %u escalations acknowledged\n", n), argv[1], n);
  return 0;
}

static void
print_totals (const char *heading,
              GPtrArray  *totals,
              const char *nobody)
{
  g_print ("%s\n", heading);
  for (guint i = 0; i < totals->len; i++)
    {
      const DeskLedgerTotal *t = totals->pdata[i];

      /* name, complaints, repeats, counted, fines */
      g_print ("%s\t%u\t%u\t%u\t%" G_GINT64_FORMAT "\n", t->name ? t->name : nobody,
               t->complaints, t->repeats, t->counted, t->fines_yuan);
    }
}

/* The month's fines and repeat counts, per department and per person. */
int
desk_cli_ledger (DeskCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) people = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };
  int year, month;
  gint64 from, to;
  char tail;

  if (!desk_cli_parse_options (cli, entries, _("YYYY-MM"), &argc, &argv))
    return 2;

  if (argc != 2 || sscanf (argv[1], "%d-%d%c", &year, &month, &tail) != 2 || month < 1 || month > 12)
    {
      desk_cli_print_error (cli, _("give a month, e.g. ledger 2026-03"));
      return 2;
    }

  {
    g_autoptr(GDateTime) first = g_date_time_new (desk_cli_office_timezone (), year, month, 1, 0, 0, 0);
    g_autoptr(GDateTime) next = first ? g_date_time_add_months (first, 1) : NULL;

    from = first ? g_date_time_to_unix (first) : 0;
    to = next ? g_date_time_to_unix (next) : 0;
  }

  /* Tickets added in bulk (generate) were never recorded: the month is
   * brought up to date first, which changes nothing when it was. */
  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !desk_deadline_store_record_ledger (db, from, to, g_get_real_time () / G_USEC_PER_SEC, NULL, &error) ||
      !(departments = desk_ledger_store_month_by_department (db, year, month, &error)) ||
      !(people = desk_ledger_store_month_by_person (db, year, month, &error)))
    return desk_cli_fail (cli, error);

  print_totals (_("Department\tcomplaints\trepeats\tcounted\tfines (yuan)"), departments, _("(not forwarded)"));
  print_totals (_("Person\tcomplaints\trepeats\tcounted\tfines (yuan)"), people, _("(nobody assigned)"));
  return 0;
}
