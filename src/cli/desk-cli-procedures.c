/* desk-cli-procedures.c
 *
 * The procedure commands: import (our XML, DITA, DocBook, and manuals as
 * text or Word; files or whole folders), validate, procedures,
 * export-procedure (XML, DITA or PDF) and activate-procedure, which makes a
 * procedure's rules the deadline policy.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-cli-private.h"
#include "desk-manual-store.h"
#include "desk-procedure-io.h"
#include "desk-procedure-print.h"
#include "desk-policy-store.h"
#include "desk-procedure-store.h"

static gboolean
is_procedure_file (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".dita") ||
         g_str_has_suffix (name, ".dbk") || g_str_has_suffix (name, ".docbook") ||
         desk_manual_is_manual_file (name);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* The files named, with folders replaced by the procedure files in them
 * (and their subfolders), in name order. */
static void
collect_files (const char *path,
               GPtrArray  *files,
               gboolean    named)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (named || is_procedure_file (path))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }
  if (!(dir = g_dir_open (path, 0, NULL)))
    {
      g_ptr_array_add (files, g_strdup (path)); /* reported when read */
      return;
    }
  entries = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (entries, g_build_filename (path, name, NULL));
  g_ptr_array_sort (entries, compare_strings);
  for (guint i = 0; i < entries->len; i++)
    collect_files (g_ptr_array_index (entries, i), files, FALSE);
}

int
desk_cli_import (DeskCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  gboolean show_dropped = FALSE;
  GOptionEntry entries[] = {
    { "dropped", 'd', 0, G_OPTION_ARG_NONE, &show_dropped,
      N_("For manuals, list what was left out of the content, a line each"), NULL },
    { NULL }
  };
  int refused = 0;

  if (!desk_cli_parse_options (cli, entries, _("FILE|DIR…"), &argc, &argv))
    return 2;
  if (argc < 2)
    {
      desk_cli_print_error (cli, _("give one or more procedure files or folders"));
      return 2;
    }
  if (!(db = desk_cli_open_office (cli, TRUE, &error)))
    return desk_cli_fail (cli, error);

  for (int i = 1; i < argc; i++)
    collect_files (argv[i], files, TRUE);

  /* Each file is stored whole or not at all; a bad one does not stop
   * the batch. */
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *code = NULL;
      int revision;

      if (desk_manual_is_manual_file (path))
        {
          /* A manual as offices keep it: text or Word. */
          g_autoptr(DeskManualImport) manual = NULL;

          revision = desk_manual_store_import_file (db, path, &manual, &error);
          if (revision == 0)
            {
              desk_cli_print_error (cli, error->message);
              g_clear_error (&error);
              refused++;
              continue;
            }
          /* Translators: FILE: imported as CODE revision N: counts of what was recognised */
          g_print (_("%s: imported as %s revision %d: clauses %u, flows %u, routes %u, rules %u, "
                     "characters dropped as boilerplate %u\n"),
                   path, manual->procedure->code, revision, manual->n_clauses, manual->n_flows,
                   manual->n_routes, manual->procedure->rules->len, manual->dropped_chars);
          for (guint k = 0; show_dropped && k < manual->dropped->len; k++)
            {
              DeskManualDropped *d = g_ptr_array_index (manual->dropped, k);

              /* Translators: LINE, why (boilerplate, repeated title…), the text as it was */
              g_print (_("  dropped line %d (%s): %s\n"), d->line, d->reason, d->text);
            }
          continue;
        }
      revision = desk_procedure_store_import_file (db, path, &code, &error);

      if (revision == 0)
        {
          desk_cli_print_error (cli, error->message);
          g_clear_error (&error);
          refused++;
          continue;
        }
      /* Translators: FILE: imported as CODE revision N */
      g_print (_("%s: imported as %s revision %d\n"), path, code, revision);
    }

  return refused > 0 ? 1 : 0;
}

int
desk_cli_validate (DeskCli  *cli,
                   int       argc,
                   char    **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  GOptionEntry entries[] = { { NULL } };
  int refused = 0;

  if (!desk_cli_parse_options (cli, entries, _("FILE…"), &argc, &argv))
    return 2;
  if (argc < 2)
    {
      desk_cli_print_error (cli, _("give one or more procedure files"));
      return 2;
    }

  for (int i = 1; i < argc; i++)
    collect_files (argv[i], files, TRUE);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProcedure) p = desk_procedure_load_file (path, NULL, &error);

      if (p == NULL)
        {
          desk_cli_print_error (cli, error->message);
          refused++;
          continue;
        }
      g_print (_("%s: valid procedure %s\n"), path, p->code);
    }

  return refused > 0 ? 1 : 0;
}

int
desk_cli_procedures (DeskCli  *cli,
                     int       argc,
                     char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GError *error = NULL;
  char *search = NULL;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Only those whose text holds these words"), N_("WORDS") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, NULL, &argc, &argv))
    return 2;

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(list = desk_procedure_store_list (db, search, &error)))
    {
      g_free (search);
      return desk_cli_fail (cli, error);
    }
  g_free (search);

  for (guint i = 0; i < list->len; i++)
    {
      DeskProcedureInfo *info = g_ptr_array_index (list, i);

      g_print ("%s\t%d\t%s\n", info->code, info->revision, info->title);
    }
  return 0;
}

/* --format pdf: not an XML format, printed by the same renderer as the
 * window's Print. */
#define FORMAT_PDF ((DeskProcedureFormat)100)

static gboolean
export_one (DeskDatabase         *db,
            const char           *code,
            int                   revision,
            DeskProcedureFormat   format,
            const char           *path,
            GError              **error)
{
  if (format == FORMAT_PDF)
    {
      int loaded = 0;
      g_autoptr(DeskProcedure) p = desk_procedure_store_load (db, code, revision, &loaded, error);

      return p != NULL && desk_procedure_write_pdf (p, loaded, path, error);
    }
  if (format == DESK_PROCEDURE_FORMAT_NATIVE)
    {
      /* The stored document is our canonical format already. */
      g_autoptr(GBytes) document = desk_procedure_store_get_document (db, code, revision, error);
      g_autoptr(GError) local_error = NULL;

      if (document == NULL)
        return FALSE;
      if (!g_file_set_contents (path, g_bytes_get_data (document, NULL), g_bytes_get_size (document), &local_error))
        {
          g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_WRITE,
                       _("Could not write %s: %s"), path, local_error->message);
          return FALSE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(DeskProcedure) p = desk_procedure_store_load (db, code, revision, NULL, error);

      return p != NULL && desk_procedure_save (p, format, path, error);
    }
}

int
desk_cli_export_procedure (DeskCli  *cli,
                           int       argc,
                           char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  GError *error = NULL;
  gboolean all = FALSE;
  int revision = 0;
  DeskProcedureFormat format = DESK_PROCEDURE_FORMAT_NATIVE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (a folder with --all)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("native (default), dita or pdf"), N_("FORMAT") },
    { "revision", 'r', 0, G_OPTION_ARG_INT, &revision, N_("This revision instead of the latest"), "N" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Every procedure, a file each, into the folder"), NULL },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("CODE -o FILE"), &argc, &argv))
    return 2;
  if (output == NULL || (all ? argc != 1 : argc != 2))
    {
      desk_cli_print_error (cli, _("give a procedure code and -o FILE, or --all -o FOLDER"));
      return 2;
    }
  if (g_strcmp0 (format_name, "pdf") == 0)
    format = FORMAT_PDF;
  else if (format_name != NULL &&
           (!desk_procedure_format_from_nick (format_name, &format) || format == DESK_PROCEDURE_FORMAT_DOCBOOK))
    {
      desk_cli_print_error (cli, _("--format must be native, dita or pdf"));
      return 2;
    }
  if (revision < 0)
    {
      desk_cli_print_error (cli, _("--revision must be 1 or more"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)))
    return desk_cli_fail (cli, error);

  if (!all)
    return export_one (db, argv[1], revision, format, output, &error) ? 0 : desk_cli_fail (cli, error);

  {
    g_autoptr(GPtrArray) list = desk_procedure_store_list (db, NULL, &error);

    if (list == NULL)
      return desk_cli_fail (cli, error);
    if (g_mkdir_with_parents (output, 0755) != 0)
      {
        g_autofree char *message = g_strdup_printf (_("Could not create the folder %s"), output);
        desk_cli_print_error (cli, message);
        return 1;
      }
    for (guint i = 0; i < list->len; i++)
      {
        DeskProcedureInfo *info = g_ptr_array_index (list, i);
        g_autofree char *safe = g_strdup (info->code);
        g_autofree char *name = NULL;
        g_autofree char *path = NULL;

        g_strdelimit (safe, "/\\:", '_');
        name = g_strconcat (safe, format == DESK_PROCEDURE_FORMAT_DITA ? ".dita" : format == FORMAT_PDF ? ".pdf" : ".xml", NULL);
        path = g_build_filename (output, name, NULL);
        if (!export_one (db, info->code, 0, format, path, &error))
          return desk_cli_fail (cli, error);
        g_print ("%s\n", path);
      }
  }
  return 0;
}

/* A procedure that carries rules (time limits, roles, conditions) becomes
 * the office's deadline policy: its rules are saved as a new policy
 * revision, which tickets received from then on are measured against. */
int
desk_cli_activate_procedure (DeskCli  *cli,
                             int       argc,
                             char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskProcedure) procedure = NULL;
  g_autofree char *note = NULL;
  DeskPolicy *policy = NULL;
  GError *error = NULL;
  int revision = 0, loaded = 0, saved;
  GOptionEntry entries[] = {
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision,
      N_("The procedure's revision N (default: the latest)"), "N" },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("CODE"), &argc, &argv))
    return 2;

  if (argc != 2)
    {
      desk_cli_print_error (cli, _("give the code of the procedure whose rules become the policy"));
      return 2;
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(procedure = desk_procedure_store_load (db, argv[1], revision, &loaded, &error)))
    return desk_cli_fail (cli, error);

  policy = desk_procedure_make_policy (procedure, 0);
  if (policy == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s revision %d has no rules to make a policy of"),
                                                  argv[1], loaded);
      desk_cli_print_error (cli, message);
      return 1;
    }

  /* Translators: the note kept with a policy revision; %s is a procedure's code */
  note = g_strdup_printf (_("From procedure %s revision %d"), argv[1], loaded);
  saved = desk_policy_store_save (db, policy, 0, note, &error);
  if (saved <= 0)
    {
      desk_policy_free (policy);
      return desk_cli_fail (cli, error);
    }

  g_print (ngettext ("Policy revision %d: the %u rule of %s revision %d\n",
                     "Policy revision %d: the %u rules of %s revision %d\n", policy->rules->len),
           saved, policy->rules->len, argv[1], loaded);
  desk_policy_free (policy);
  return 0;
}
