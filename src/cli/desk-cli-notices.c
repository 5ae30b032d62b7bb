/* desk-cli-notices.c
 *
 * The rectification notice commands: issue-notice, notice (one as an A4
 * PDF), notices (the list) and notice-state.  The PDF is drawn by
 * desk-notice-render.c in the core, so no display is needed; notice tunes
 * the heap first, as cairo copies a CJK font's CFF table again and again.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <malloc.h>
#include <sys/mman.h>

#include <glib/gi18n.h>

#include "desk-cli-private.h"
#include "desk-notice-render.h"
#include "desk-notice-store.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

/* --by STAFF-CODE: who does it; 0 when not given. */
static gboolean
find_actor (DeskDatabase  *db,
            const char    *code,
            gint64        *actor_id,
            GError       **error)
{
  g_autoptr(DeskStaff) staff = NULL;

  *actor_id = 0;
  if (code == NULL)
    return TRUE;

  staff = desk_office_store_find_staff (db, code, error);
  if (staff == NULL)
    return FALSE;
  *actor_id = desk_staff_get_id (staff);
  return TRUE;
}

/* A recipient that is one of the office's departments is linked to it. */
static gint64
department_named (DeskDatabase *db,
                  const char   *name)
{
  g_autoptr(GPtrArray) departments = desk_office_store_list_departments (db, NULL);

  for (guint i = 0; departments != NULL && i < departments->len; i++)
    if (g_strcmp0 (desk_department_get_name (departments->pdata[i]), name) == 0 ||
        g_strcmp0 (desk_department_get_code (departments->pdata[i]), name) == 0)
      return desk_department_get_id (departments->pdata[i]);
  return 0;
}

int
desk_cli_issue_notice (DeskCli  *cli,
                       int       argc,
                       char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(DeskNotice) replaced = NULL;
  g_autoptr(DeskNotice) notice = NULL;
  g_autofree char *to = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *rectification = NULL;
  g_autofree char *due = NULL;
  g_autofree char *by = NULL;
  g_autofree char *replaces = NULL;
  GError *error = NULL;
  DeskNoticeDraft draft = { 0 };
  gint64 actor_id = 0;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Who must rectify: a department, project manager or subcontractor"), N_("RECIPIENT") },
    { "problem", 0, 0, G_OPTION_ARG_STRING, &problem, N_("What is wrong"), N_("TEXT") },
    { "rectification", 0, 0, G_OPTION_ARG_STRING, &rectification, N_("What must be done"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("The rectification deadline"), N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who issues it (staff number)"), N_("STAFF") },
    { "replaces", 0, 0, G_OPTION_ARG_STRING, &replaces, N_("Issue a correction of this notice"), N_("NUMBER") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("TICKET-NUMBER"), &argc, &argv))
    return 2;

  if (argc < 2 && replaces == NULL)
    {
      desk_cli_print_error (cli, _("give the ticket’s number, e.g. issue-notice TS-2026-000123"));
      return 2;
    }

#define REQUIRE(value, option) \
  if (value == NULL || *value == '\0') \
    { \
      g_autofree char *message = g_strdup_printf (_("missing %s"), option); \
      desk_cli_print_error (cli, message); \
      return 2; \
    }
  REQUIRE (to, "--to");
  REQUIRE (problem, "--problem");
  REQUIRE (rectification, "--rectification");
  REQUIRE (due, "--due");
#undef REQUIRE

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !find_actor (db, by, &actor_id, &error))
    return desk_cli_fail (cli, error);

  if (replaces != NULL)
    {
      if (!(replaced = desk_notice_store_find_number (db, replaces, &error)))
        return desk_cli_fail (cli, error);
      draft.replaces_id = desk_notice_get_id (replaced);
    }
  if (argc >= 2)
    {
      if (!(ticket = desk_ticket_store_find_number (db, argv[1], &error)))
        return desk_cli_fail (cli, error);
      draft.ticket_id = desk_ticket_get_id (ticket);
      if (replaced != NULL && desk_notice_get_data (replaced)->ticket_id != draft.ticket_id)
        {
          g_autofree char *message = g_strdup_printf (_("--replaces: notice %s belongs to ticket %s, not %s"),
                                                      replaces, desk_notice_get_data (replaced)->ticket_number,
                                                      desk_ticket_get_number (ticket));
          desk_cli_print_error (cli, message);
          return 2;
        }
    }

  draft.recipient = to;
  draft.recipient_department_id = department_named (db, g_strstrip (to));
  draft.problem = problem;
  draft.rectification = rectification;
  draft.due_date = due;

  if (!(notice = desk_notice_store_issue (db, &draft, actor_id, &error)))
    return desk_cli_fail (cli, error);

  g_print ("%s\n", desk_notice_get_number (notice));
  return 0;
}


/* The heap those copies come from, grown and paged in beforehand in
 * 2 MB pages (transparent huge pages, where the kernel offers them on
 * request): a few dozen page faults instead of thousands, each of them
 * dear on a virtual machine.  What glibc's malloc.hugetlb tunable does,
 * for the one command that needs it. */
static void
prefault_heap (void)
{
#ifdef MADV_HUGEPAGE
  enum { CHUNK = 30 * 1024 * 1024, N_CHUNKS = 4, HUGE_PAGE = 2 * 1024 * 1024 };
  char *chunks[N_CHUNKS];

  for (int i = 0; i < N_CHUNKS; i++)
    {
      guintptr first, last;

      chunks[i] = g_malloc (CHUNK);
      /* Only whole huge pages inside the block, which is ours to write. */
      first = ((guintptr)chunks[i] + HUGE_PAGE - 1) & ~(guintptr)(HUGE_PAGE - 1);
      last = ((guintptr)chunks[i] + CHUNK) & ~(guintptr)(HUGE_PAGE - 1);
      if (last > first && madvise ((void *)first, last - first, MADV_HUGEPAGE) == 0)
        for (guintptr page = first; page < last; page += HUGE_PAGE)
          *(volatile char *)page = 0;
    }

  for (int i = N_CHUNKS - 1; i >= 0; i--)
    g_free (chunks[i]);
#endif
}

int
desk_cli_notice (DeskCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskNotice) notice = NULL;
  g_autofree char *ticket_number = NULL;
  g_autofree char *output = NULL;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "ticket", 0, 0, G_OPTION_ARG_STRING, &ticket_number, N_("The latest notice of this ticket"), N_("TICKET-NUMBER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the notice as PDF to FILE"), N_("FILE") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("NUMBER"), &argc, &argv))
    return 2;

  if ((argc < 2) == (ticket_number == NULL))
    {
      desk_cli_print_error (cli, _("give a notice number or --ticket TICKET-NUMBER, e.g. notice ZG-2026-0001 -o notice.pdf"));
      return 2;
    }
  if (output == NULL)
    {
      desk_cli_print_error (cli, _("missing -o FILE.pdf"));
      return 2;
    }

  /* cairo copies a CJK font's whole CFF table (about 26 MB for Noto
   * Serif CJK) into a fresh buffer each time it looks at a face, twice
   * per face.  Served from the heap and kept there, the later copies
   * reuse memory already paged in; on these machines that saves about a
   * third of the command's time.  The process ends right after. */
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  prefault_heap ();

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    return desk_cli_fail (cli, error);

  if (ticket_number != NULL)
    {
      g_autoptr(DeskTicket) ticket = desk_ticket_store_find_number (db, ticket_number, &error);
      g_autoptr(GPtrArray) notices = NULL;

      if (ticket == NULL ||
          !(notices = desk_notice_store_for_ticket (db, desk_ticket_get_id (ticket), &error)))
        return desk_cli_fail (cli, error);
      if (notices->len == 0)
        {
          g_autofree char *message = g_strdup_printf (_("ticket %s has no notice yet"), desk_ticket_get_number (ticket));
          desk_cli_print_error (cli, message);
          return 1;
        }
      notice = g_object_ref (notices->pdata[0]);
    }
  else if (!(notice = desk_notice_store_find_number (db, argv[1], &error)))
    return desk_cli_fail (cli, error);

  if (!desk_notice_render_pdf (notice, output, &error))
    return desk_cli_fail (cli, error);

  return 0;
}

int
desk_cli_notices (DeskCli  *cli,
                  int       argc,
                  char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *search = NULL;
  g_autofree char *to = NULL;
  gboolean open = FALSE;
  gboolean overdue = FALSE;
  GError *error = NULL;
  DeskNoticeQuery query = { 0 };
  GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("Only notices not yet verified (rectified or not)"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only notices not rectified by their deadline"), NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only notices to this recipient"), N_("RECIPIENT") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("[QUERY]"), &argc, &argv))
    return 2;

  if (argc > 1)
    search = g_strjoinv (" ", argv + 1);
  query.filter = overdue ? DESK_NOTICE_FILTER_OVERDUE : open ? DESK_NOTICE_FILTER_OPEN : DESK_NOTICE_FILTER_ALL;
  query.recipient = to;
  query.search = search;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(notices = desk_notice_store_list (db, &query, &error)))
    return desk_cli_fail (cli, error);

  for (guint i = 0; i < notices->len; i++)
    {
      const DeskNoticeData *d = desk_notice_get_data (notices->pdata[i]);

      g_print ("%s\t%s\t%s\t%s\t%s\n", d->number, d->ticket_number,
               d->replaced_by_number ? _("Replaced") : desk_notice_state_to_string (d->state),
               d->due_date, d->recipient);
    }

  return 0;
}

int
desk_cli_notice_state (DeskCli  *cli,
                       int       argc,
                       char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskNotice) notice = NULL;
  g_autofree char *by = NULL;
  g_autofree char *person = NULL;
  GError *error = NULL;
  gint64 actor_id = 0;
  gboolean ok;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who records it (staff number)"), N_("STAFF") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Who rectified or verified, if not the staff member"), N_("NAME") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("NUMBER rectified|verified"), &argc, &argv))
    return 2;

  if (argc != 3 || (!g_str_equal (argv[2], "rectified") && !g_str_equal (argv[2], "verified")))
    {
      desk_cli_print_error (cli, _("give the notice number and rectified or verified, e.g. notice-state ZG-2026-0001 rectified"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !find_actor (db, by, &actor_id, &error) ||
      !(notice = desk_notice_store_find_number (db, argv[1], &error)))
    return desk_cli_fail (cli, error);

  if (g_str_equal (argv[2], "rectified"))
    ok = desk_notice_store_set_rectified (db, desk_notice_get_id (notice), 0, person, actor_id, &error);
  else
    ok = desk_notice_store_set_verified (db, desk_notice_get_id (notice), 0, person, actor_id, &error);

  return ok ? 0 : desk_cli_fail (cli, error);
}
