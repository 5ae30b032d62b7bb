/* desk-cli-tickets.c
 *
 * The ticket commands: add-ticket (a ticket from the command line, with
 * the same checks as the form), categories, search (the queue's search,
 * Chinese words of one or two characters included) and generate (a large
 * office for the benchmarks).  They parse and print; the tickets' rules
 * are the ticket store's.
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

#include "desk-category-store.h"
#include "desk-cli-private.h"
#include "desk-customer-store.h"
#include "desk-enums.h"
#include "desk-demo.h"
#include "desk-generator.h"
#include "desk-office-store.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

int
desk_cli_add_ticket (DeskCli  *cli,
                     int       argc,
                     char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskCategory) category = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *category_name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *received = NULL;
  gboolean force = FALSE;
  GError *error = NULL;
  DeskTicketDraft draft = { .severity = DESK_SEVERITY_NORMAL, .channel = DESK_CHANNEL_PHONE };
  int kind_value = 0;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("complaint, repair or maintenance"), N_("KIND") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s name"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The customer’s phone number"), N_("PHONE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category_name, N_("Category: its code, English or Chinese name"), N_("CATEGORY") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What the customer reports, in a few words"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("The details"), N_("TEXT") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, N_("When the call was taken, for calls entered later"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Take a received time in the future or long before the office’s first ticket"), NULL },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  /* Say which field is missing, as the form does. */
#define REQUIRE(value, option) \
  if (value == NULL || *value == '\0') \
    { \
      g_autofree char *message = g_strdup_printf (_("missing %s"), option); \
      desk_cli_print_error (cli, message); \
      return 2; \
    }
  REQUIRE (kind, "--kind");
  REQUIRE (customer, "--customer");
  REQUIRE (phone, "--phone");
  REQUIRE (category_name, "--category");
  REQUIRE (summary, "--summary");
#undef REQUIRE

  if (!desk_enum_from_nick (DESK_TYPE_TICKET_KIND, kind, &kind_value))
    {
      g_autofree char *message = g_strdup_printf (_("--kind: “%s” is not complaint, repair or maintenance"), kind);
      desk_cli_print_error (cli, message);
      return 2;
    }
  draft.kind = kind_value;

  if (received != NULL && !desk_cli_parse_local_time (received, &draft.received_at))
    {
      g_autofree char *message = g_strdup_printf (_("--received: “%s” is not a time like \"2026-03-31 14:05\""), received);
      desk_cli_print_error (cli, message);
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, TRUE, &error)) ||
      !(category = desk_category_store_find (db, category_name, &error)) ||
      !desk_database_begin (db, &error))
    return desk_cli_fail (cli, error);

  /* A time in the future or from before the office kept tickets is
   * mostly a typing slip: asked about, as the window would. */
  if (draft.received_at != 0 && !force)
    {
      g_autofree char *unusual = desk_ticket_store_unusual_received (db, draft.received_at, &error);

      if (error != NULL)
        {
          desk_database_rollback (db);
          return desk_cli_fail (cli, error);
        }
      if (unusual != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("%s; give --force if that is what you mean"), unusual);

          desk_database_rollback (db);
          desk_cli_print_error (cli, message);
          return 1;
        }
    }

  /* A caller we know by phone and name is the same customer; anyone else
   * becomes a new customer. */
  draft.customer_id = desk_customer_store_find_by_phone (db, phone, customer, &error);
  if (draft.customer_id == 0 && error == NULL)
    {
      DeskCustomerFields fields = { .name = customer, .phone = phone };
      draft.customer_id = desk_customer_store_add (db, &fields, &error);
    }
  draft.category_id = category->id;
  draft.summary = summary;
  draft.description = description;

  if (error != NULL ||
      !(ticket = desk_ticket_store_create (db, &draft, 0, &error)) ||
      !desk_database_commit (db, &error))
    {
      desk_database_rollback (db);
      return desk_cli_fail (cli, error);
    }

  g_print ("%s\n", desk_ticket_get_number (ticket));
  return 0;
}

int
desk_cli_categories (DeskCli  *cli,
                int       argc,
                char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = desk_cli_open_office (cli, TRUE, &error)) ||
      !(categories = desk_category_store_list (db, &error)))
    return desk_cli_fail (cli, error);

  for (guint i = 0; i < categories->len; i++)
    {
      DeskCategory *c = g_ptr_array_index (categories, i);
      g_print ("%s\t%s\t%s\n", c->code, c->name_en, c->name_zh);
    }

  return 0;
}

/* Tabs and line breaks inside a field would break the one-line format. */
static char *
flatten (const char *text)
{
  return g_strdelimit (g_strdup (text ? text : ""), "\t\r\n", ' ');
}

int
desk_cli_search (DeskCli  *cli,
            int       argc,
            char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *query_text = NULL;
  g_auto(DeskTicketKey) key = { 0 };
  GError *error = NULL;
  int limit = G_MININT; /* not given: every match */
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N tickets"), N_("N") },
    { NULL }
  };
  DeskTicketQuery query = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_RECEIVED, .descending = TRUE };
  guint printed = 0;

  if (!desk_cli_parse_options (cli, entries, _("QUERY"), &argc, &argv))
    return 2;

  if (argc < 2)
    {
      desk_cli_print_error (cli, _("give the words to search for, e.g. search 漏水"));
      return 2;
    }

  if (limit != G_MININT && limit < 1)
    {
      g_autofree char *message = g_strdup_printf (_("--limit: %d is not a number of tickets (1 or more)"), limit);
      desk_cli_print_error (cli, message);
      return 2;
    }
  if (limit == G_MININT)
    limit = 0;

  query_text = g_strjoinv (" ", argv + 1);
  query.search = query_text;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    return desk_cli_fail (cli, error);

  /* Newest first, a page at a time. */
  while (limit <= 0 || printed < (guint)limit)
    {
      g_autoptr(GPtrArray) page = desk_ticket_query_page (db, &query, &key, 0, 500, &error);

      if (page == NULL)
        return desk_cli_fail (cli, error);
      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len && (limit <= 0 || printed < (guint)limit); i++, printed++)
        {
          const DeskTicketData *d = desk_ticket_get_data (page->pdata[i]);
          g_autofree char *customer = flatten (d->customer_name);
          g_autofree char *summary = flatten (d->summary);

          g_print ("%s\t%s\t%s\t%s\n", d->number, desk_ticket_status_get_label (d->status),
                   customer, summary);
        }
      desk_ticket_key_from_ticket (&key, query.sort, page->pdata[page->len - 1]);
    }

  return 0;
}

static void
generate_progress_cb (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  if (done % 100000 == 0 || done == total)
    g_printerr (_("%llu of %llu tickets\n"), (unsigned long long)done, (unsigned long long)total);
}

int
desk_cli_generate (DeskCli  *cli,
              int       argc,
              char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  GError *error = NULL;
  int seed = 1;
  guint64 n;
  char *end = NULL;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The same seed gives the same tickets"), N_("SEED") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, "N", &argc, &argv))
    return 2;

  if (argc != 2 || (n = g_ascii_strtoull (argv[1], &end, 10)) == 0 || *end != '\0')
    {
      desk_cli_print_error (cli, _("give the number of tickets to add, e.g. generate 1000"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, TRUE, &error)))
    return desk_cli_fail (cli, error);

  /* An empty office gets the demo's departments and staff first. */
  if (desk_office_store_is_empty (db, NULL) && !desk_demo_populate (db, FALSE, &error))
    return desk_cli_fail (cli, error);

  if (!desk_generator_add_tickets (db, n, (guint32)seed, g_get_real_time () / G_USEC_PER_SEC,
                                   n >= 100000 ? generate_progress_cb : NULL, NULL, &error))
    return desk_cli_fail (cli, error);

  g_print (_("Added %llu tickets to %s\n"), (unsigned long long)n, desk_database_get_path (db));
  return 0;
}
