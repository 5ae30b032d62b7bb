/* desk-reports-view.c
 *
 * The Reports area: a month's figures beside the previous month's, a card
 * per table with its chart, legend and text table, the month moved with
 * Alt+Page Up and Alt+Page Down, and the export to PDF or CSV.  The report
 * is computed in a thread on a connection of its own, and only while the
 * area is shown.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-deadline-store.h"
#include "desk-office-store.h"
#include "desk-report-render.h"
#include "desk-report-store.h"
#include "desk-work-calendar.h"

#include "desk-gui-private.h"
#include "desk-report-chart.h"
#include "desk-reports-view.h"

struct _DeskReportsView
{
  AdwBin        parent_instance;

  GtkLabel     *month_label;
  GtkLabel     *status_label;
  GtkBox       *content;

  DeskDatabase *database;
  GCancellable *cancellable;
  DeskReport   *report;
  int           year;
  int           month;
  gboolean      stale;  /* to compute when next shown */
};

G_DEFINE_FINAL_TYPE (DeskReportsView, desk_reports_view, ADW_TYPE_BIN)

static GTimeZone *
office_timezone (void)
{
  return desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (NULL));
}

/* Showing */

static GtkWidget *
cell (const char *text,
      float       xalign,
      const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* "+12", "−3", "" for no change. */
static char *
format_change (const DeskReportTable *table,
               const DeskReportRow   *row)
{
  double change = row->current - row->previous;

  if (change == 0)
    return g_strdup ("");
  if (table->percent)
    return g_strdup_printf ("%+.1f", change);
  return g_strdup_printf ("%+.0f", change);
}

/* The figures as text: what screen readers read and people copy. */
static GtkWidget *
table_grid (const DeskReport      *report,
            const DeskReportTable *table)
{
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *current = desk_report_month_label (report, FALSE);
  g_autofree char *previous = desk_report_month_label (report, TRUE);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_add_css_class (grid, "desk-report-table");

  gtk_grid_attach (GTK_GRID (grid), cell (_("Item"), 0, "dim-label"), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (current, 1, "dim-label"), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (previous, 1, "dim-label"), 2, 0, 1, 1);
  /* Translators: a column of the report: this month's figure minus the previous month's */
  gtk_grid_attach (GTK_GRID (grid), cell (_("Change"), 1, "dim-label"), 3, 0, 1, 1);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const DeskReportRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *a = desk_report_format_value (table, row->current);
      g_autofree char *b = desk_report_format_value (table, row->previous);
      g_autofree char *c = format_change (table, row);
      GtkWidget *label = cell (row->label, 0, NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (a, 1, "numeric"), 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (b, 1, "numeric"), 2, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (c, 1, "numeric"), 3, i + 1, 1, 1);
    }

  return grid;
}

/* Which month is which in a chart: solid and outlined (or dashed), with
 * the months written out, so that colour is never the only sign. */
static GtkWidget *
legend (const DeskReport      *report,
        const DeskReportTable *table)
{
  g_autofree char *current = desk_report_month_label (report, FALSE);
  g_autofree char *previous = desk_report_month_label (report, TRUE);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (table->chart == DESK_REPORT_CHART_LINE)
    /* Translators: a chart's legend; %s are months, e.g. 2026-11 */
    text = g_strdup_printf (_("Solid line: %s · dashed line: %s"), current, previous);
  else
    /* Translators: a chart's legend; %s are months, e.g. 2026-11 */
    text = g_strdup_printf (_("Upper, solid bars: %s · lower, outlined bars: %s"), current, previous);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static GtkWidget *
table_card (const DeskReport      *report,
            const DeskReportTable *table)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (table->title);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "desk-report-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), title);

  if (table->chart != DESK_REPORT_CHART_NONE && table->rows->len > 0)
    {
      gtk_box_append (GTK_BOX (box), desk_report_chart_new (table));
      gtk_box_append (GTK_BOX (box), legend (report, table));
    }

  if (table->rows->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("None this month"));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  else
    gtk_box_append (GTK_BOX (box), table_grid (report, table));

  return box;
}

static void
clear_content (DeskReportsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
show_report (DeskReportsView *self)
{
  clear_content (self);
  for (guint i = 0; i < self->report->tables->len; i++)
    gtk_box_append (self->content, table_card (self->report, g_ptr_array_index (self->report->tables, i)));
}

/* Computing: in a thread, on a connection of its own, since a month of a
 * large office takes most of a second. */

typedef struct
{
  char *path;
  int   year;
  int   month;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(DeskDatabase) db = NULL;
  GError *error = NULL;
  DeskReport *report;

  if (!(db = desk_database_open (job->path, DESK_DATABASE_OPEN_DEFAULT, &error)) ||
      !(report = desk_report_store_compute (db, job->year, job->month, office_timezone (), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, report, (GDestroyNotify)desk_report_free);
}

static void
compute_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DeskReportsView *self;
  DeskReport *report;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DESK_REPORTS_VIEW (object);
  if (report == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
      return;
    }

  g_clear_pointer (&self->report, desk_report_free);
  self->report = report;
  gtk_label_set_label (self->status_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", TRUE);
  show_report (self);
}

static void
recompute (DeskReportsView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *month = g_strdup_printf ("%04d-%02d", self->year, self->month);
  ComputeJob *job;

  gtk_label_set_label (self->month_label, month);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", FALSE);
  g_clear_pointer (&self->report, desk_report_free);
  clear_content (self);

  /* Only while shown: a large office's month takes most of a second of a
   * core, which the window's start needs more.  See map(). */
  self->stale = TRUE;
  if (self->database == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->stale = FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_label_set_label (self->status_label, _("Computing…"));
  job = g_new0 (ComputeJob, 1);
  job->path = g_strdup (desk_database_get_path (self->database));
  job->year = self->year;
  job->month = self->month;
  task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
  g_task_set_source_tag (task, recompute);
  g_task_set_task_data (task, job, (GDestroyNotify)compute_job_free);
  g_task_run_in_thread (task, compute_thread);
}

/* Actions */

static void
move_month (DeskReportsView *self,
            int              delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  desk_reports_view_set_month (self, index / 12, index % 12 + 1);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_month (DESK_REPORTS_VIEW (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_month (DESK_REPORTS_VIEW (widget), +1);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    DeskReportsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);
      gboolean ok;

      if (g_str_has_suffix (lower, ".csv"))
        ok = desk_report_write_csv (self->report, path, &error);
      else
        {
          g_autofree char *organisation = desk_office_store_get_setting (self->database,
                                                                        DESK_SETTING_ORGANISATION_NAME);

          ok = desk_report_render_pdf (self->report, organisation, path, &error);
        }

      if (ok)
        /* Translators: %s is a file name */
        _desk_widget_add_toast (GTK_WIDGET (self), _("Saved the report as %s"), path);
      else
        _desk_widget_add_toast (GTK_WIDGET (self), "%s", error->message);
    }

  g_object_unref (dialog);
}

/* PDF to print and hand round, or CSV for a spreadsheet: the name's
 * extension chooses. */
static void
export_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskReportsView *self = DESK_REPORTS_VIEW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Report"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  _desk_file_chooser_start_in_documents (GTK_FILE_CHOOSER (dialog));
  /* Translators: the file name a report is saved under; %04d-%02d is its month */
  name = g_strdup_printf (_("service-report-%04d-%02d.pdf"), self->year, self->month);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_filter_set_name (csv, _("CSV spreadsheet"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Public */

void
desk_reports_view_set_office (DeskReportsView *self,
                              DeskDatabase    *database)
{
  g_return_if_fail (DESK_IS_REPORTS_VIEW (self));

  g_set_object (&self->database, database);
  recompute (self);
}

void
desk_reports_view_set_month (DeskReportsView *self,
                             int              year,
                             int              month)
{
  g_return_if_fail (DESK_IS_REPORTS_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  recompute (self);
}

const DeskReport *
desk_reports_view_get_report (DeskReportsView *self)
{
  g_return_val_if_fail (DESK_IS_REPORTS_VIEW (self), NULL);

  return self->report;
}

static void
desk_reports_view_map (GtkWidget *widget)
{
  DeskReportsView *self = DESK_REPORTS_VIEW (widget);

  GTK_WIDGET_CLASS (desk_reports_view_parent_class)->map (widget);

  if (self->stale)
    recompute (self);
}

/* GObject */

static void
desk_reports_view_dispose (GObject *object)
{
  DeskReportsView *self = (DeskReportsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->report, desk_report_free);

  G_OBJECT_CLASS (desk_reports_view_parent_class)->dispose (object);
}

static void
desk_reports_view_class_init (DeskReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_reports_view_dispose;
  widget_class->map = desk_reports_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskReportsView, month_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskReportsView, content);

  gtk_widget_class_install_action (widget_class, "reports.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "reports.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "reports.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "reports.next-month", NULL);
}

static void
desk_reports_view_init (DeskReportsView *self)
{
  g_autoptr(GDateTime) now = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  now = g_date_time_new_now (office_timezone ());
  self->year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
  recompute (self);
}
