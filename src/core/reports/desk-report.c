/* desk-report.c
 *
 * The monthly report's data: DeskReport, its tables and rows, making and
 * finding them, month labels, values as the report shows them, and the CSV
 * export.  Filled by desk-report-store.c; the charts are drawn by
 * desk-report-draw.c and the PDF by desk-report-render.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-report.h"

static void
row_free (DeskReportRow *row)
{
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

void
desk_report_table_free (DeskReportTable *table)
{
  g_free (table->id);
  g_free (table->title);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

DeskReportTable *
desk_report_table_copy (const DeskReportTable *table)
{
  DeskReportTable *copy = g_new0 (DeskReportTable, 1);

  copy->id = g_strdup (table->id);
  copy->title = g_strdup (table->title);
  copy->percent = table->percent;
  copy->decimals = table->decimals;
  copy->chart = table->chart;
  copy->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const DeskReportRow *row = g_ptr_array_index (table->rows, i);
      DeskReportRow *row_copy = desk_report_table_add_row (copy, row->key, row->label);

      row_copy->current = row->current;
      row_copy->previous = row->previous;
    }

  return copy;
}

static gint64
month_start (GTimeZone *zone,
             int        year,
             int        month)
{
  g_autoptr(GDateTime) dt = g_date_time_new (zone, year, month, 1, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

DeskReport *
desk_report_new (int        year,
                 int        month,
                 GTimeZone *zone)
{
  DeskReport *report;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  report = g_new0 (DeskReport, 1);
  report->year = year;
  report->month = month;
  report->start = month_start (zone, year, month);
  report->end = month == 12 ? month_start (zone, year + 1, 1) : month_start (zone, year, month + 1);
  report->previous_start = month == 1 ? month_start (zone, year - 1, 12) : month_start (zone, year, month - 1);
  report->zone = g_time_zone_ref (zone);
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_report_table_free);

  return report;
}

void
desk_report_free (DeskReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->tables);
  g_time_zone_unref (report->zone);
  g_free (report);
}

DeskReportTable *
desk_report_add_table (DeskReport      *report,
                       const char      *id,
                       const char      *title,
                       DeskReportChartKind chart)
{
  DeskReportTable *table = g_new0 (DeskReportTable, 1);

  table->id = g_strdup (id);
  table->title = g_strdup (title);
  table->chart = chart;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  g_ptr_array_add (report->tables, table);

  return table;
}

DeskReportRow *
desk_report_table_add_row (DeskReportTable *table,
                           const char      *key,
                           const char      *label)
{
  DeskReportRow *row = g_new0 (DeskReportRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (label);
  g_ptr_array_add (table->rows, row);

  return row;
}

DeskReportRow *
desk_report_table_find_row (DeskReportTable *table,
                            const char      *key)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      DeskReportRow *row = g_ptr_array_index (table->rows, i);

      if (g_str_equal (row->key, key))
        return row;
    }

  return NULL;
}

DeskReportTable *
desk_report_find_table (DeskReport *report,
                        const char *id)
{
  for (guint i = 0; i < report->tables->len; i++)
    {
      DeskReportTable *table = g_ptr_array_index (report->tables, i);

      if (g_str_equal (table->id, id))
        return table;
    }

  return NULL;
}

char *
desk_report_month_label (const DeskReport *report,
                         gboolean          previous)
{
  int year = report->year, month = report->month;

  if (previous && --month == 0)
    {
      month = 12;
      year--;
    }

  return g_strdup_printf ("%04d-%02d", year, month);
}

char *
desk_report_format_value (const DeskReportTable *table,
                          double                 value)
{
  if (table->percent)
    /* Translators: a percentage in a report, e.g. "12.5 %" */
    return g_strdup_printf (_("%.1f %%"), value);

  return g_strdup_printf ("%.*f", table->decimals, value);
}

/* RFC 4180: quote a field that holds a comma, quote or line break. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_number (GString                *out,
                   const DeskReportTable  *table,
                   double                  value)
{
  /* Plain numbers, a dot for decimals whatever the locale: spreadsheets
   * read them as numbers. */
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (table->percent)
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
  else if (table->decimals > 0)
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
}

gboolean
desk_report_write_csv (const DeskReport  *report,
                       const char        *path,
                       GError           **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *current = desk_report_month_label (report, FALSE);
  g_autofree char *previous = desk_report_month_label (report, TRUE);
  g_autoptr(GError) local_error = NULL;

  /* One table of tables: a spreadsheet filters it by section. */
  append_csv_field (out, _("Section"));
  g_string_append_c (out, ',');
  append_csv_field (out, _("Item"));
  g_string_append_printf (out, ",%s,%s\r\n", current, previous);

  for (guint t = 0; t < report->tables->len; t++)
    {
      const DeskReportTable *table = g_ptr_array_index (report->tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        {
          const DeskReportRow *row = g_ptr_array_index (table->rows, r);

          append_csv_field (out, table->title);
          g_string_append_c (out, ',');
          append_csv_field (out, row->label);
          g_string_append_c (out, ',');
          append_csv_number (out, table, row->current);
          g_string_append_c (out, ',');
          append_csv_number (out, table, row->previous);
          g_string_append (out, "\r\n");
        }
    }

  /* g_file_set_contents() writes a temporary file and renames it. */
  if (!g_file_set_contents (path, out->str, out->len, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Could not write the report to %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
