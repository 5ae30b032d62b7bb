/* main.c
 *
 * The program's main(): binds the translations, runs a command given on the
 * command line through desk_cli_main() without initialising GTK, and only
 * when there is none starts DeskApplication, the window.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "service-desk"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeskApplication) app = NULL;
  g_autofree char *database_path = NULL;
  char *gui_argv[] = { argv[0], NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands run headless: GTK is only initialised for the window. */
  status = desk_cli_main (argc, argv, &database_path);
  if (status != DESK_CLI_RUN_GUI)
    return status;

  app = desk_application_new (database_path);
  return g_application_run (G_APPLICATION (app), 1, gui_argv);
}
