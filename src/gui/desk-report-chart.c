/* desk-report-chart.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "desk-report-chart.h"

#define BAR_ROW_HEIGHT 26
#define LABEL_WIDTH    140
#define VALUE_WIDTH    56
#define LINE_HEIGHT    180
#define PADDING        6

struct _DeskReportChart
{
  GtkWidget        parent_instance;
  DeskReportChartKind kind;
  GPtrArray       *labels;     /* char * */
  GArray          *current;    /* double */
  GArray          *previous;   /* double */
  double           max;
};

G_DEFINE_FINAL_TYPE (DeskReportChart, desk_report_chart, GTK_TYPE_WIDGET)

static void
get_colours (GtkWidget *widget,
             GdkRGBA   *foreground,
             GdkRGBA   *accent)
{
  GtkStyleContext *style;

  /* gtk_widget_get_color() is GTK 4.10: on 4.8 the style context tells. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, foreground);
  if (!gtk_style_context_lookup_color (style, "accent_color", accent))
    *accent = *foreground;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static PangoLayout *
layout_for (GtkWidget  *widget,
            const char *text,
            int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           gboolean     right)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, right ? x - w : x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* Two thin bars a row: this month solid in the accent colour, the
 * previous month outlined in the text colour. */
static void
draw_bars (DeskReportChart *self,
           cairo_t         *cr,
           int              width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent;
  double bar_width = MAX (10, width - LABEL_WIDTH - VALUE_WIDTH - 2 * PADDING);

  get_colours (widget, &fg, &accent);

  for (guint i = 0; i < self->labels->len; i++)
    {
      double y = i * BAR_ROW_HEIGHT + PADDING;
      double cur = g_array_index (self->current, double, i);
      double prev = g_array_index (self->previous, double, i);
      double x0 = LABEL_WIDTH + PADDING;
      g_autoptr(PangoLayout) label = layout_for (widget, g_ptr_array_index (self->labels, i), LABEL_WIDTH - 8);
      g_autofree char *value = g_strdup_printf ("%.0f", cur);
      g_autoptr(PangoLayout) value_layout = layout_for (widget, value, VALUE_WIDTH);

      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (cr, label, PADDING, y + BAR_ROW_HEIGHT / 2.0, FALSE);

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, x0, y + 4, self->max > 0 ? bar_width * cur / self->max : 0, 8);
      cairo_fill (cr);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      cairo_set_line_width (cr, 1);
      if (prev > 0)
        {
          cairo_rectangle (cr, x0 + 0.5, y + 14.5, MAX (1, bar_width * prev / self->max - 1), 6);
          cairo_stroke (cr);
        }

      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (cr, value_layout, width - PADDING, y + BAR_ROW_HEIGHT / 2.0, TRUE);
    }
}

/* The days of the month as a line: this month solid, the previous month
 * dashed. */
static void
draw_line (DeskReportChart *self,
           cairo_t         *cr,
           int              width,
           int              height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double left = 36, bottom = height - 22, top = PADDING + 4, right = width - PADDING;
  guint n = self->labels->len;
  GdkRGBA fg, accent;

  get_colours (widget, &fg, &accent);
  if (n < 2 || self->max <= 0)
    return;

  /* Axes and a few day marks. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, bottom + 0.5);
  cairo_line_to (cr, right, bottom + 0.5);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &fg);
  {
    g_autofree char *max_text = g_strdup_printf ("%.0f", self->max);
    g_autoptr(PangoLayout) max_layout = layout_for (widget, max_text, (int)left - 4);

    draw_text (cr, max_layout, left - 4, top, TRUE);
  }
  for (guint d = 0; d < n; d += 7)
    {
      g_autofree char *day = g_strdup_printf ("%u", d + 1);
      g_autoptr(PangoLayout) day_layout = layout_for (widget, day, 30);

      draw_text (cr, day_layout, left + (right - left) * d / (n - 1), bottom + 11, FALSE);
    }

  for (int series = 1; series >= 0; series--)
    {
      GArray *values = series ? self->previous : self->current;

      if (series)
        {
          static const double dash[] = { 4, 3 };

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_set_line_width (cr, 1.5);
        }
      else
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_width (cr, 2.5);
        }

      for (guint i = 0; i < n; i++)
        {
          double x = left + (right - left) * i / (n - 1);
          double y = bottom - (bottom - top) * g_array_index (values, double, i) / self->max;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }
}

static void
desk_report_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DeskReportChart *self = DESK_REPORT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->kind == DESK_REPORT_CHART_LINE)
    draw_line (self, cr, width, height);
  else
    draw_bars (self, cr, width);

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
      *minimum = LABEL_WIDTH + VALUE_WIDTH + 80;
      *natural = 520;
    }
  else
    *minimum = *natural = self->kind == DESK_REPORT_CHART_LINE
                          ? LINE_HEIGHT
                          : (int)self->labels->len * BAR_ROW_HEIGHT + 2 * PADDING;
}

static void
desk_report_chart_finalize (GObject *object)
{
  DeskReportChart *self = DESK_REPORT_CHART (object);

  g_ptr_array_unref (self->labels);
  g_array_unref (self->current);
  g_array_unref (self->previous);

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
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->current = g_array_new (FALSE, TRUE, sizeof (double));
  self->previous = g_array_new (FALSE, TRUE, sizeof (double));
}

GtkWidget *
desk_report_chart_new (const DeskReportTable *table)
{
  DeskReportChart *self = g_object_new (DESK_TYPE_REPORT_CHART, NULL);

  g_return_val_if_fail (table != NULL, NULL);

  self->kind = table->chart;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const DeskReportRow *row = g_ptr_array_index (table->rows, i);

      g_ptr_array_add (self->labels, g_strdup (row->label));
      g_array_append_val (self->current, row->current);
      g_array_append_val (self->previous, row->previous);
      self->max = MAX (self->max, MAX (row->current, row->previous));
    }

  /* The figures themselves are in the table beside the chart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, table->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("A chart of the figures in the table that follows"),
                                  -1);

  return GTK_WIDGET (self);
}
