/* desk-report-draw.c
 *
 * A report table's chart drawn with cairo and pango: bars for both months,
 * or the days of the month as a solid line over a dashed one, and the
 * height it takes.  Its own file because the window
 * (src/gui/reports/desk-report-chart.c) and the PDF (desk-report-render.c)
 * draw the same chart.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report-draw"

#include "config.h"

#include "desk-print.h"
#include "desk-report-draw.h"

#define BAR_ROW_HEIGHT 26.0
#define LABEL_WIDTH    140.0
#define VALUE_WIDTH    56.0
#define LINE_HEIGHT    180.0
#define PADDING        6.0

double
desk_report_chart_get_height (const DeskReportTable *table)
{
  if (table->chart == DESK_REPORT_CHART_LINE)
    return LINE_HEIGHT;

  return table->rows->len * BAR_ROW_HEIGHT + 2 * PADDING;
}

static PangoLayout *
layout_for (const DeskReportInk *ink,
            const char          *text,
            double               width)
{
  PangoLayout *layout;

  if (ink->families != NULL)
    layout = desk_print_layout (ink->context, ink->families, ink->font_size, FALSE, 0, text);
  else
    {
      layout = pango_layout_new (ink->context);
      pango_layout_set_text (layout, text, -1);
    }
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

/* @y is the text's middle; @right aligns its end to @x. */
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

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4],
          double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static double
max_value (const DeskReportTable *table)
{
  double max = 0;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const DeskReportRow *row = g_ptr_array_index (table->rows, i);

      max = MAX (max, MAX (row->current, row->previous));
    }

  return max;
}

static void
draw_bars (cairo_t               *cr,
           const DeskReportTable *table,
           double                 width,
           const DeskReportInk   *ink)
{
  double bar_width = MAX (10, width - LABEL_WIDTH - VALUE_WIDTH - 2 * PADDING);
  double max = max_value (table);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const DeskReportRow *row = g_ptr_array_index (table->rows, i);
      double y = i * BAR_ROW_HEIGHT + PADDING;
      double x0 = LABEL_WIDTH + PADDING;
      g_autoptr(PangoLayout) label = layout_for (ink, row->label, LABEL_WIDTH - 8);
      g_autofree char *value = desk_report_format_value (table, row->current);
      g_autoptr(PangoLayout) value_layout = layout_for (ink, value, VALUE_WIDTH);

      set_rgba (cr, ink->fg, 1);
      draw_text (cr, label, PADDING, y + BAR_ROW_HEIGHT / 2.0, FALSE);
      draw_text (cr, value_layout, width - PADDING, y + BAR_ROW_HEIGHT / 2.0, TRUE);

      if (max <= 0)
        continue;

      set_rgba (cr, ink->accent, 1);
      cairo_rectangle (cr, x0, y + 4, bar_width * row->current / max, 8);
      cairo_fill (cr);

      if (row->previous > 0)
        {
          set_rgba (cr, ink->fg, 0.55);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, x0 + 0.5, y + 14.5, MAX (1, bar_width * row->previous / max - 1), 6);
          cairo_stroke (cr);
        }
    }
}

static void
draw_line (cairo_t               *cr,
           const DeskReportTable *table,
           double                 width,
           const DeskReportInk   *ink)
{
  double left = 36, bottom = LINE_HEIGHT - 22, top = PADDING + 4, right = width - PADDING;
  double max = max_value (table);
  guint n = table->rows->len;

  if (n < 2 || max <= 0)
    return;

  /* Axes, the top figure and a mark every week. */
  set_rgba (cr, ink->fg, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, bottom + 0.5);
  cairo_line_to (cr, right, bottom + 0.5);
  cairo_stroke (cr);

  set_rgba (cr, ink->fg, 1);
  {
    g_autofree char *max_text = g_strdup_printf ("%.0f", max);
    g_autoptr(PangoLayout) max_layout = layout_for (ink, max_text, left - 4);

    draw_text (cr, max_layout, left - 4, top, TRUE);
  }
  for (guint d = 0; d < n; d += 7)
    {
      g_autofree char *day = g_strdup_printf ("%u", d + 1);
      g_autoptr(PangoLayout) day_layout = layout_for (ink, day, 30);

      draw_text (cr, day_layout, left + (right - left) * d / (n - 1), bottom + 11, FALSE);
    }

  for (int previous = 1; previous >= 0; previous--)
    {
      if (previous)
        {
          static const double dash[] = { 4, 3 };

          set_rgba (cr, ink->fg, 0.55);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_set_line_width (cr, 1.5);
        }
      else
        {
          set_rgba (cr, ink->accent, 1);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_width (cr, 2.5);
        }

      for (guint i = 0; i < n; i++)
        {
          const DeskReportRow *row = g_ptr_array_index (table->rows, i);
          double x = left + (right - left) * i / (n - 1);
          double y = bottom - (bottom - top) * (previous ? row->previous : row->current) / max;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

void
desk_report_draw_chart (cairo_t               *cr,
                        const DeskReportTable *table,
                        double                 width,
                        const DeskReportInk   *ink)
{
  g_return_if_fail (cr != NULL && table != NULL && ink != NULL);

  cairo_save (cr);
  if (table->chart == DESK_REPORT_CHART_LINE)
    draw_line (cr, table, width, ink);
  else if (table->chart == DESK_REPORT_CHART_BARS)
    draw_bars (cr, table, width, ink);
  cairo_restore (cr);
}
