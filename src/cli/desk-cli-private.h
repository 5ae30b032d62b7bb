/* desk-cli-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-database.h"

G_BEGIN_DECLS

/* Every command has the same shape: it parses its own options, opens the
 * office it needs and prints errors as one line on stderr.  Each group of
 * commands lives in its own desk-cli-GROUP.c; desk-cli.c lists them. */
typedef struct
{
  const char *database_path; /* from --database, or the default */
  const char *command;
} DeskCli;

typedef int (*DeskCliCommandFunc) (DeskCli  *cli,
                                   int       argc,
                                   char    **argv);

/* desk-cli-common.c: what every command shares. */
void          desk_cli_print_error      (DeskCli        *cli,
                                         const char     *message);
int           desk_cli_fail             (DeskCli        *cli,
                                         GError         *error);
gboolean      desk_cli_parse_options    (DeskCli        *cli,
                                         GOptionEntry   *entries,
                                         const char     *parameter,
                                         int            *argc,
                                         char         ***argv);
DeskDatabase *desk_cli_open_office      (DeskCli        *cli,
                                         gboolean        create,
                                         GError        **error);
GTimeZone    *desk_cli_office_timezone  (void);
gboolean      desk_cli_parse_local_time (const char     *text,
                                         gint64         *unix_time);
char         *desk_cli_format_local     (gint64          when);
char         *desk_cli_format_span      (gint64          seconds);

/* desk-cli-office.c */
int desk_cli_demo       (DeskCli *cli, int argc, char **argv);
int desk_cli_check      (DeskCli *cli, int argc, char **argv);
int desk_cli_backup     (DeskCli *cli, int argc, char **argv);

/* desk-cli-tickets.c */
int desk_cli_add_ticket (DeskCli *cli, int argc, char **argv);
int desk_cli_categories (DeskCli *cli, int argc, char **argv);
int desk_cli_search     (DeskCli *cli, int argc, char **argv);
int desk_cli_generate   (DeskCli *cli, int argc, char **argv);

/* desk-cli-deadlines.c */
int desk_cli_deadlines  (DeskCli *cli, int argc, char **argv);
int desk_cli_overdue    (DeskCli *cli, int argc, char **argv);
int desk_cli_policy     (DeskCli *cli, int argc, char **argv);
int desk_cli_check_deadlines (DeskCli *cli, int argc, char **argv);
int desk_cli_acknowledge (DeskCli *cli, int argc, char **argv);
int desk_cli_ledger     (DeskCli *cli, int argc, char **argv);

/* desk-cli-calendars.c */
int desk_cli_calendars  (DeskCli *cli, int argc, char **argv);
int desk_cli_import_calendar (DeskCli *cli, int argc, char **argv);

/* desk-cli-reports.c */
int desk_cli_report     (DeskCli *cli, int argc, char **argv);
/* desk-cli-notices.c */
int desk_cli_issue_notice (DeskCli *cli, int argc, char **argv);
int desk_cli_notice       (DeskCli *cli, int argc, char **argv);
int desk_cli_notices      (DeskCli *cli, int argc, char **argv);
int desk_cli_notice_state (DeskCli *cli, int argc, char **argv);
/* desk-cli-procedures.c */
int desk_cli_import           (DeskCli *cli, int argc, char **argv);
int desk_cli_validate         (DeskCli *cli, int argc, char **argv);
int desk_cli_procedures       (DeskCli *cli, int argc, char **argv);
int desk_cli_export_procedure (DeskCli *cli, int argc, char **argv);
int desk_cli_activate_procedure (DeskCli *cli, int argc, char **argv);

/* desk-cli-callbacks.c */
int desk_cli_callbacks        (DeskCli *cli, int argc, char **argv);
int desk_cli_plan_callbacks   (DeskCli *cli, int argc, char **argv);
int desk_cli_export_callbacks (DeskCli *cli, int argc, char **argv);
int desk_cli_callback_figures (DeskCli *cli, int argc, char **argv);
int desk_cli_add_callback     (DeskCli *cli, int argc, char **argv);
int desk_cli_callback_campaign (DeskCli *cli, int argc, char **argv);
int desk_cli_callback_settings (DeskCli *cli, int argc, char **argv);

G_END_DECLS
