/* desk-cli.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returned by desk_cli_main() when no command was given: open the window. */
#define DESK_CLI_RUN_GUI (-1)

/* Parses the global options (--database, --help, --version) and runs a
 * headless command, never touching GTK.  Returns the process exit status,
 * or DESK_CLI_RUN_GUI with *database_path set to the office to open (NULL
 * for the default one). */
int desk_cli_main (int    argc,
                   char **argv,
                   char **database_path);

G_END_DECLS
