/* desk-report-chart.c
 *
 * The chart of one report table on screen: a widget that draws the table's
 * bars or lines for the month and the month before with desk-report-draw.c,
 * as the PDF report does, in the style's colours so that it follows light
 * and dark.  The figures themselves are in the text table beside it
 * (desk-reports-view.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-report-draw.h"

#include "desk-report-chart.h"

struct _DeskReportChart
{
  GtkWidget        parent_instance;
  DeskReportTable *table;  /* a copy: the report may go before the widget */
};

G_DEFINE_FINAL_TYPE (DeskReportChart, desk_report_chart, GTK_TYPE_WIDGET)

static void
to_rgba (const GdkRGBA *colour,
         double         rgba[4])
{
  rgba[0] = colour->red;
  rgba[1] = colour->green;
  rgba[2] = colour->blue;
  rgba[3] = colour->alpha;
}

static void
desk_report_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DeskReportChart *self = DESK_REPORT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  DeskReportInk ink = { .context = gtk_widget_get_pango_context (widget) };
  GdkRGBA foreground, accent;
  GtkStyleContext *style;
  cairo_t *cr;

  /* The style's colours, so that the chart follows light and dark.
   * gtk_widget_get_color() is GTK 4.10: on 4.8 the style context tells. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, &foreground);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = foreground;
  G_GNUC_END_IGNORE_DEPRECATIONS
  to_rgba (&foreground, ink.fg);
  to_rgba (&accent, ink.accent);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  desk_report_draw_chart (cr, self->table, width, &ink);
  cairo_destroy (cr);
}

static void
desk_report_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DeskReportChart *self = DESK_REPORT_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 520;
    }
  else
    *minimum = *natural = (int)desk_report_chart_get_height (self->table);
}

static void
desk_report_chart_finalize (GObject *object)
{
  DeskReportChart *self = DESK_REPORT_CHART (object);

  g_clear_pointer (&self->table, desk_report_table_free);

  G_OBJECT_CLASS (desk_report_chart_parent_class)->finalize (object);
}

static void
desk_report_chart_class_init (DeskReportChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = desk_report_chart_finalize;
  widget_class->snapshot = desk_report_chart_snapshot;
  widget_class->measure = desk_report_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "desk-report-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_report_chart_init (DeskReportChart *self)
{
}

GtkWidget *
desk_report_chart_new (const DeskReportTable *table)
{
  DeskReportChart *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (DESK_TYPE_REPORT_CHART, NULL);
  self->table = desk_report_table_copy (table);

  /* The figures themselves are in the table beside the chart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, table->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("A chart of the figures in the table that follows"),
                                  -1);

  return GTK_WIDGET (self);
}
