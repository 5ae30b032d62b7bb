/* desk-cli-reports.c
 *
 * The report command, report YYYY-MM [-o FILE.pdf|FILE.csv]: a month's
 * service report beside the previous month's, computed by
 * desk-report-store.c, printed as tab-separated tables or written with -o
 * as a PDF or CSV file.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "desk-cli-private.h"
#include "desk-office-store.h"
#include "desk-report-render.h"
#include "desk-report-store.h"

static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  char tail;

  return sscanf (text, "%d-%d%c", year, month, &tail) == 2 &&
         *month >= 1 && *month <= 12 && *year >= 2000 && *year <= 2999;
}

/* Without -o: the tables on stdout, tab-separated, for a quick look. */
static void
print_report (const DeskReport *report)
{
  g_autofree char *current = desk_report_month_label (report, FALSE);
  g_autofree char *previous = desk_report_month_label (report, TRUE);

  for (guint t = 0; t < report->tables->len; t++)
    {
      const DeskReportTable *table = g_ptr_array_index (report->tables, t);

      g_print ("%s\t%s\t%s\n", table->title, current, previous);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const DeskReportRow *row = g_ptr_array_index (table->rows, r);
          g_autofree char *a = desk_report_format_value (table, row->current);
          g_autofree char *b = desk_report_format_value (table, row->previous);

          g_print ("  %s\t%s\t%s\n", row->label, a, b);
        }
      g_print ("\n");
    }
}

int
desk_cli_report (DeskCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autofree char *output = NULL;
  GError *error = NULL;
  gboolean pdf = FALSE;
  int year, month;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the report to FILE: .pdf or .csv"), N_("FILE") },
    { NULL }
  };

  if (!desk_cli_parse_options (cli, entries, _("YYYY-MM"), &argc, &argv))
    return 2;

  if (argc != 2 || !parse_month (argv[1], &year, &month))
    {
      desk_cli_print_error (cli, _("give the month as YYYY-MM, e.g. report 2026-11 -o 2026-11.csv"));
      return 2;
    }

  if (output != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      pdf = g_str_has_suffix (lower, ".pdf");
      if (!pdf && !g_str_has_suffix (lower, ".csv"))
        {
          g_autofree char *message = g_strdup_printf (_("%s: the report is written as .pdf or .csv"), output);
          desk_cli_print_error (cli, message);
          return 2;
        }
    }

  if (!(db = desk_cli_open_office (cli, FALSE, &error)) ||
      !(report = desk_report_store_compute (db, year, month, desk_cli_office_timezone (), &error)))
    return desk_cli_fail (cli, error);

  if (output == NULL)
    {
      print_report (report);
      return 0;
    }

  if (pdf)
    {
      g_autofree char *organisation = desk_office_store_get_setting (db, DESK_SETTING_ORGANISATION_NAME);

      if (!desk_report_render_pdf (report, organisation, output, &error))
        return desk_cli_fail (cli, error);
    }
  else if (!desk_report_write_csv (report, output, &error))
    return desk_cli_fail (cli, error);

  g_print (_("Wrote the report for %04d-%02d to %s\n"), year, month, output);
  return 0;
}
