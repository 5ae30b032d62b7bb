/* desk-cli.c
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
#include "desk-cli.h"
#include "desk-customer-store.h"
#include "desk-database.h"
#include "desk-deadline-store.h"
#include "desk-demo.h"
#include "desk-enums.h"
#include "desk-generator.h"
#include "desk-office-store.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

/* Every command has the same shape: it parses its own options, opens the
 * office it needs and prints errors as one line on stderr. */
typedef struct
{
  const char *database_path; /* from --database, or the default */
  const char *command;
} DeskCli;

typedef int (*DeskCliCommandFunc) (DeskCli  *cli,
                                   int       argc,
                                   char    **argv);

typedef struct
{
  const char         *name;
  const char         *args;    /* shown in --help */
  const char         *summary; /* translatable */
  DeskCliCommandFunc  func;
} DeskCliCommand;

static void
print_error (DeskCli    *cli,
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

static int
fail (DeskCli *cli,
      GError  *error)
{
  print_error (cli, error->message);
  g_error_free (error);
  return 1;
}

static gboolean
parse_options (DeskCli       *cli,
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
      print_error (cli, error->message);
      return FALSE;
    }

  return TRUE;
}

static DeskDatabase *
open_office (DeskCli  *cli,
             gboolean  create,
             GError  **error)
{
  return desk_database_open (cli->database_path,
                             create ? DESK_DATABASE_OPEN_CREATE : DESK_DATABASE_OPEN_DEFAULT,
                             error);
}

static int
cmd_demo (DeskCli  *cli,
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

  if (!parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      print_error (cli, _("demo takes no arguments"));
      return 2;
    }

  if (!(db = open_office (cli, TRUE, &error)) ||
      !desk_demo_populate (db, force, &error))
    return fail (cli, error);

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

static int
cmd_check (DeskCli  *cli,
           int       argc,
           char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *report = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gboolean sound;

  if (!parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = open_office (cli, FALSE, &error)))
    return fail (cli, error);

  g_print (_("Office: %s\n"), desk_database_get_path (db));
  g_print (_("Schema version: %d (this Service Desk: %d)\n"),
           desk_database_get_version (db), desk_database_get_latest_version ());

  sound = desk_database_check (db, &report, &error);
  if (error != NULL)
    return fail (cli, error);

  if (sound)
    {
      g_print (_("Integrity: ok\n"));
      return 0;
    }

  g_print (_("Integrity: problems found\n%s"), report);
  print_error (cli, _("the office database has problems; restore it from a backup"));
  return 1;
}

static int
cmd_backup (DeskCli  *cli,
            int       argc,
            char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!parse_options (cli, entries, _("FILE"), &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_error (cli, _("give the file to write the backup to, e.g. backup office-2026-11-28.db"));
      return 2;
    }

  if (!(db = open_office (cli, FALSE, &error)) ||
      !desk_database_backup (db, argv[1], &error))
    return fail (cli, error);

  g_print (_("Backed up %s to %s\n"), desk_database_get_path (db), argv[1]);
  return 0;
}

/* The office's time zone (its work calendar's), not the machine's: a
 * call taken at 14:05 in Shenzhen is 14:05 wherever the batch job runs. */
static GTimeZone *
office_timezone (void)
{
  return desk_work_calendar_get_timezone (desk_deadline_store_get_calendar (NULL));
}

/* "2026-03-31 14:05" in the office's time zone. */
static gboolean
parse_local_time (const char *text,
                  gint64     *unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0;
  char tail;

  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &tail) != 5 &&
      sscanf (text, "%d-%d-%d%c", &y, &mo, &d, &tail) != 3)
    return FALSE;

  dt = g_date_time_new (office_timezone (), y, mo, d, h, mi, 0);
  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

static int
cmd_add_ticket (DeskCli  *cli,
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
    { NULL }
  };

  if (!parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  /* Say which field is missing, as the form does. */
#define REQUIRE(value, option) \
  if (value == NULL || *value == '\0') \
    { \
      g_autofree char *message = g_strdup_printf (_("missing %s"), option); \
      print_error (cli, message); \
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
      print_error (cli, message);
      return 2;
    }
  draft.kind = kind_value;

  if (received != NULL && !parse_local_time (received, &draft.received_at))
    {
      g_autofree char *message = g_strdup_printf (_("--received: “%s” is not a time like \"2026-03-31 14:05\""), received);
      print_error (cli, message);
      return 2;
    }

  if (!(db = open_office (cli, TRUE, &error)) ||
      !(category = desk_category_store_find (db, category_name, &error)) ||
      !desk_database_begin (db, &error))
    return fail (cli, error);

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
      return fail (cli, error);
    }

  g_print ("%s\n", desk_ticket_get_number (ticket));
  return 0;
}

static int
cmd_categories (DeskCli  *cli,
                int       argc,
                char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = open_office (cli, TRUE, &error)) ||
      !(categories = desk_category_store_list (db, &error)))
    return fail (cli, error);

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

static int
cmd_search (DeskCli  *cli,
            int       argc,
            char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *query_text = NULL;
  g_auto(DeskTicketKey) key = { 0 };
  GError *error = NULL;
  int limit = 0;
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N tickets"), N_("N") },
    { NULL }
  };
  DeskTicketQuery query = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_RECEIVED, .descending = TRUE };
  guint printed = 0;

  if (!parse_options (cli, entries, _("QUERY"), &argc, &argv))
    return 2;

  if (argc < 2)
    {
      print_error (cli, _("give the words to search for, e.g. search 漏水"));
      return 2;
    }

  query_text = g_strjoinv (" ", argv + 1);
  query.search = query_text;

  if (!(db = open_office (cli, FALSE, &error)))
    return fail (cli, error);

  /* Newest first, a page at a time. */
  while (limit <= 0 || printed < (guint)limit)
    {
      g_autoptr(GPtrArray) page = desk_ticket_query_page (db, &query, &key, 0, 500, &error);

      if (page == NULL)
        return fail (cli, error);
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

static int
cmd_generate (DeskCli  *cli,
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

  if (!parse_options (cli, entries, "N", &argc, &argv))
    return 2;

  if (argc != 2 || (n = g_ascii_strtoull (argv[1], &end, 10)) == 0 || *end != '\0')
    {
      print_error (cli, _("give the number of tickets to add, e.g. generate 1000"));
      return 2;
    }

  if (!(db = open_office (cli, TRUE, &error)))
    return fail (cli, error);

  /* An empty office gets the demo's departments and staff first. */
  if (desk_office_store_is_empty (db, NULL) && !desk_demo_populate (db, FALSE, &error))
    return fail (cli, error);

  if (!desk_generator_add_tickets (db, n, (guint32)seed, g_get_real_time () / G_USEC_PER_SEC,
                                   n >= 100000 ? generate_progress_cb : NULL, NULL, &error))
    return fail (cli, error);

  g_print (_("Added %llu tickets to %s\n"), (unsigned long long)n, desk_database_get_path (db));
  return 0;
}

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

static char *
format_local (gint64 when)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) dt = g_date_time_to_timezone (utc, office_timezone ());
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

/* "2 d 3 h", "45 min": how long, for people. */
static char *
format_span (gint64 seconds)
{
  gint64 minutes = ABS (seconds) / 60;

  if (minutes >= 24 * 60)
    return g_strdup_printf (_("%lld d %lld h"), (long long)(minutes / (24 * 60)), (long long)(minutes % (24 * 60) / 60));
  if (minutes >= 60)
    return g_strdup_printf (_("%lld h %lld min"), (long long)(minutes / 60), (long long)(minutes % 60));
  return g_strdup_printf (_("%lld min"), (long long)minutes);
}

static int
cmd_deadlines (DeskCli  *cli,
               int       argc,
               char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GArray) deadlines = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!parse_options (cli, entries, _("NUMBER"), &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_error (cli, _("give a ticket number, e.g. deadlines TS-2026-000123"));
      return 2;
    }

  if (!(db = open_office (cli, FALSE, &error)) ||
      !(ticket = desk_ticket_store_find_number (db, argv[1], &error)) ||
      !(deadlines = desk_deadline_store_evaluate (db, desk_ticket_get_id (ticket), now, &error)))
    return fail (cli, error);

  /* rule, who, due, state, and when it was met or how late it is */
  for (guint i = 0; i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);
      g_autofree char *due = format_local (d->due_at);
      g_autofree char *detail = NULL;

      if (d->met_at != 0)
        {
          g_autofree char *met = format_local (d->met_at);
          detail = g_strdup_printf (_("met %s"), met);
        }
      else if (d->state == DESK_DEADLINE_BREACHED)
        {
          g_autofree char *late = format_span (now - d->due_at);
          detail = g_strdup_printf (_("overdue by %s"), late);
        }
      else
        {
          g_autofree char *left = format_span (d->due_at - now);
          detail = g_strdup_printf (_("in %s"), left);
        }

      g_print ("%s\t%s\t%s\t%s\t%s\n", d->rule->name, desk_role_get_label (d->rule->role),
               due, deadline_state_label (d->state), detail);
    }

  return 0;
}

static int
cmd_overdue (DeskCli  *cli,
             int       argc,
             char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_auto(DeskTicketKey) key = { 0 };
  GError *error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DeskTicketQuery query = { .queue = DESK_QUEUE_OVERDUE, .sort = DESK_SORT_DEADLINE, .now = now };

  if (!parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = open_office (cli, FALSE, &error)))
    return fail (cli, error);

  /* Longest overdue first, each breached rule a line. */
  while (TRUE)
    {
      g_autoptr(GPtrArray) page = desk_ticket_query_page (db, &query, &key, 0, 500, &error);

      if (page == NULL)
        return fail (cli, error);
      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        {
          DeskTicket *ticket = page->pdata[i];
          g_autoptr(GArray) deadlines = desk_deadline_store_evaluate (db, desk_ticket_get_id (ticket), now, &error);

          if (deadlines == NULL)
            return fail (cli, error);

          for (guint j = 0; j < deadlines->len; j++)
            {
              const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, j);
              g_autofree char *late = NULL;

              if (d->state != DESK_DEADLINE_BREACHED)
                continue;
              late = format_span (now - d->due_at);
              g_print ("%s\t%s\t%s\n", desk_ticket_get_number (ticket), d->rule->name, late);
            }
        }
      desk_ticket_key_from_ticket (&key, query.sort, page->pdata[page->len - 1]);
    }

  return 0;
}

static const DeskCliCommand commands[] = {
  { "demo",   "[--force]", N_("Create a demo office with departments, staff and customers"), cmd_demo },
  { "check",  "",          N_("Check the office database’s integrity and schema version"), cmd_check },
  { "backup", N_("FILE"),  N_("Copy the office to FILE, safely while it is in use"), cmd_backup },
  { "add-ticket", N_("--kind KIND --customer NAME --phone PHONE --category CATEGORY --summary TEXT"),
    N_("Register a complaint, repair or maintenance order; prints its number"), cmd_add_ticket },
  { "categories", "", N_("List the ticket categories: code, English and Chinese name"), cmd_categories },
  { "search", N_("QUERY"), N_("Find tickets: number, status, customer and summary, a line each"), cmd_search },
  { "generate", "N", N_("Add N synthetic tickets (for trying and benchmarking)"), cmd_generate },
  { "deadlines", N_("NUMBER"), N_("A ticket’s deadlines: rule, who, when due, and their state"), cmd_deadlines },
  { "overdue", "", N_("Every overdue ticket with the rule it breaches and by how much"), cmd_overdue },
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
              print_error (&cli, _("--database needs a file name"));
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
          print_error (&cli, message);
          return 2;
        }
      else
        break;
    }

  if (i >= argc)
    return DESK_CLI_RUN_GUI;

  if (*database_path != NULL && **database_path == '\0')
    {
      print_error (&cli, _("--database needs a file name"));
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
    print_error (&cli, message);
  }

  return 2;
}
