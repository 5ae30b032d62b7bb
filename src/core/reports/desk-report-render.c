/* desk-report-render.c
 *
 * The monthly report as an A4 PDF: its items (headings, charts, legends,
 * column heads, rows) paginated so that a table goes on over the page with
 * its column heads again, the head and the "第 1 页 / 共 3 页" foot of
 * every page, and the page count.  Written through desk_print_write_pdf().
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report-render"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-print.h"
#include "desk-report-draw.h"
#include "desk-report-render.h"

#define MARGIN        56.0
#define CONTENT_WIDTH (DESK_PRINT_A4_WIDTH - 2 * MARGIN)
#define HEAD_HEIGHT   64.0   /* organisation, title and rule */
#define BODY_TOP      (MARGIN + HEAD_HEIGHT)
#define BODY_BOTTOM   (DESK_PRINT_A4_HEIGHT - 60.0)
#define FOOTER_Y      (DESK_PRINT_A4_HEIGHT - 40.0)
#define TEXT_SIZE     9.5
#define ROW_HEIGHT    15.0
#define VALUE_WIDTH   64.0

/* The report flows as items, each drawn whole on one page. */
typedef enum
{
  ITEM_HEADING,
  ITEM_CHART,
  ITEM_LEGEND,
  ITEM_COLUMN_HEADS,
  ITEM_ROW,
  ITEM_NONE,        /* "None this month" */
} ItemKind;

typedef struct
{
  ItemKind               kind;
  const DeskReportTable *table;
  const DeskReportRow   *row;
  double                 height;
  guint                  page;
  double                 y;
} Item;

typedef struct
{
  const DeskReport *report;
  const char       *organisation;
  PangoContext     *context;
  GArray           *items;   /* Item */
  guint             n_pages;
} Layout;

static const double black[4] = { 0, 0, 0, 1 };
static const double accent[4] = { 0.11, 0.35, 0.75, 1 };

static PangoLayout *
text (Layout     *self,
      double      size,
      gboolean    bold,
      double      width,
      const char *string)
{
  return desk_print_layout (self->context, DESK_PRINT_SANS, size, bold, width, string);
}

static double
item_height (Layout   *self,
             ItemKind  kind,
             const DeskReportTable *table)
{
  switch (kind)
    {
    case ITEM_HEADING:
      return 30;
    case ITEM_CHART:
      return desk_report_chart_get_height (table) + 4;
    case ITEM_LEGEND:
      return 18;
    case ITEM_COLUMN_HEADS:
    case ITEM_ROW:
    case ITEM_NONE:
    default:
      return ROW_HEIGHT;
    }
}

static void
add_item (Layout                *self,
          ItemKind               kind,
          const DeskReportTable *table,
          const DeskReportRow   *row)
{
  Item item = { kind, table, row, item_height (self, kind, table), 0, 0 };

  g_array_append_val (self->items, item);
}

/* Places every item: a heading never ends a page alone, and a table that
 * goes on over the page gets its column heads again. */
static void
paginate (Layout *self)
{
  double y = BODY_TOP;
  guint page = 0;

  for (guint t = 0; t < self->report->tables->len; t++)
    {
      const DeskReportTable *table = g_ptr_array_index (self->report->tables, t);

      add_item (self, ITEM_HEADING, table, NULL);
      if (table->chart != DESK_REPORT_CHART_NONE && table->rows->len > 0)
        {
          add_item (self, ITEM_CHART, table, NULL);
          add_item (self, ITEM_LEGEND, table, NULL);
        }
      if (table->rows->len == 0)
        add_item (self, ITEM_NONE, table, NULL);
      else
        add_item (self, ITEM_COLUMN_HEADS, table, NULL);
      for (guint r = 0; r < table->rows->len; r++)
        add_item (self, ITEM_ROW, table, g_ptr_array_index (table->rows, r));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double needed = item->height;

      if (item->kind == ITEM_HEADING && i + 1 < self->items->len)
        needed += g_array_index (self->items, Item, i + 1).height;

      if (y + needed > BODY_BOTTOM && y > BODY_TOP)
        {
          page++;
          y = BODY_TOP;
          /* Rows going on over the page: their heads again. */
          if (item->kind == ITEM_ROW)
            {
              Item heads = { ITEM_COLUMN_HEADS, item->table, NULL, ROW_HEIGHT, page, y };

              g_array_insert_val (self->items, i, heads);
              y += ROW_HEIGHT;
              continue;
            }
        }

      item->page = page;
      item->y = y;
      y += item->height;
    }

  self->n_pages = page + 1;
}

static void
layout_init (Layout           *self,
             const DeskReport *report,
             const char       *organisation,
             cairo_t          *cr)
{
  self->report = report;
  self->organisation = organisation;
  self->context = desk_print_context_new (cr);
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  paginate (self);
}

static void
layout_clear (Layout *self)
{
  g_clear_object (&self->context);
  g_clear_pointer (&self->items, g_array_unref);
}

static void
draw_head (Layout  *self,
           cairo_t *cr)
{
  g_autofree char *month = desk_report_month_label (self->report, FALSE);
  /* Translators: the title of the printed monthly report; %s is the month, e.g. 2026-11 */
  g_autofree char *title = g_strdup_printf (_("Monthly Service Report %s"), month);
  g_autoptr(PangoLayout) organisation = text (self, 10, FALSE, CONTENT_WIDTH, self->organisation);
  g_autoptr(PangoLayout) heading = text (self, 17, TRUE, CONTENT_WIDTH, title);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  desk_print_show_layout (cr, organisation, MARGIN, MARGIN);
  cairo_set_source_rgb (cr, 0, 0, 0);
  desk_print_show_layout (cr, heading, MARGIN, MARGIN + 16);

  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN, MARGIN + HEAD_HEIGHT - 14);
  cairo_line_to (cr, MARGIN + CONTENT_WIDTH, MARGIN + HEAD_HEIGHT - 14);
  cairo_stroke (cr);
}

static void
draw_footer (Layout  *self,
             cairo_t *cr,
             guint    page)
{
  /* Translators: a printed page's number, e.g. "第 1 页 / 共 3 页" */
  g_autofree char *label = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) footer = text (self, 9, FALSE, 0, label);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  desk_print_show_layout (cr, footer, MARGIN + (CONTENT_WIDTH - desk_print_layout_width (footer)) / 2, FOOTER_Y);
}

static void
draw_cells (Layout     *self,
            cairo_t    *cr,
            double      y,
            const char *label,
            const char *a,
            const char *b,
            const char *c,
            gboolean    dim)
{
  const char *values[] = { a, b, c };
  g_autoptr(PangoLayout) first = text (self, TEXT_SIZE, FALSE, CONTENT_WIDTH - 3 * VALUE_WIDTH - 8, label);

  pango_layout_set_ellipsize (first, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (cr, dim ? 0.4 : 0, dim ? 0.4 : 0, dim ? 0.4 : 0);
  desk_print_show_layout (cr, first, MARGIN, y);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(PangoLayout) value = text (self, TEXT_SIZE, FALSE, 0, values[i]);
      double right = MARGIN + CONTENT_WIDTH - (2 - i) * VALUE_WIDTH;

      desk_print_show_layout (cr, value, right - desk_print_layout_width (value), y);
    }
}

static void
draw_item (Layout     *self,
           cairo_t    *cr,
           const Item *item)
{
  const DeskReportTable *table = item->table;

  switch (item->kind)
    {
    case ITEM_HEADING:
      {
        g_autoptr(PangoLayout) heading = text (self, 12.5, TRUE, CONTENT_WIDTH, table->title);

        cairo_set_source_rgb (cr, 0, 0, 0);
        desk_print_show_layout (cr, heading, MARGIN, item->y + 8);
      }
      break;

    case ITEM_CHART:
      {
        DeskReportInk ink = { self->context, DESK_PRINT_SANS, TEXT_SIZE,
                              { black[0], black[1], black[2], black[3] },
                              { accent[0], accent[1], accent[2], accent[3] } };

        cairo_save (cr);
        cairo_translate (cr, MARGIN, item->y);
        desk_report_draw_chart (cr, table, CONTENT_WIDTH, &ink);
        cairo_restore (cr);
      }
      break;

    case ITEM_LEGEND:
      {
        g_autofree char *current = desk_report_month_label (self->report, FALSE);
        g_autofree char *previous = desk_report_month_label (self->report, TRUE);
        g_autofree char *legend = table->chart == DESK_REPORT_CHART_LINE
          ? g_strdup_printf (_("Solid line: %s · dashed line: %s"), current, previous)
          : g_strdup_printf (_("Upper, solid bars: %s · lower, outlined bars: %s"), current, previous);
        g_autoptr(PangoLayout) layout = text (self, 8.5, FALSE, CONTENT_WIDTH, legend);

        cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
        desk_print_show_layout (cr, layout, MARGIN, item->y);
      }
      break;

    case ITEM_COLUMN_HEADS:
      {
        g_autofree char *current = desk_report_month_label (self->report, FALSE);
        g_autofree char *previous = desk_report_month_label (self->report, TRUE);

        draw_cells (self, cr, item->y, _("Item"), current, previous, _("Change"), TRUE);
        cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
        cairo_set_line_width (cr, 0.5);
        cairo_move_to (cr, MARGIN, item->y + ROW_HEIGHT - 1.5);
        cairo_line_to (cr, MARGIN + CONTENT_WIDTH, item->y + ROW_HEIGHT - 1.5);
        cairo_stroke (cr);
      }
      break;

    case ITEM_ROW:
      {
        const DeskReportRow *row = item->row;
        g_autofree char *a = desk_report_format_value (table, row->current);
        g_autofree char *b = desk_report_format_value (table, row->previous);
        double change = row->current - row->previous;
        g_autofree char *c = change == 0 ? g_strdup ("")
                             : table->percent ? g_strdup_printf ("%+.1f", change)
                             : g_strdup_printf ("%+.0f", change);

        draw_cells (self, cr, item->y, row->label, a, b, c, FALSE);
      }
      break;

    case ITEM_NONE:
      {
        g_autoptr(PangoLayout) none = text (self, TEXT_SIZE, FALSE, CONTENT_WIDTH, _("None this month"));

        cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
        desk_print_show_layout (cr, none, MARGIN, item->y);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_page_cb (cairo_t  *cr,
              guint     page,
              gpointer  user_data)
{
  Layout *self = user_data;

  draw_head (self, cr);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->page == page)
        draw_item (self, cr, item);
    }
  draw_footer (self, cr, page);
}

/* Lays out on a scratch surface: the metrics are the PDF's (no hinting). */
static cairo_t *
scratch_cr (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

guint
desk_report_count_pages (const DeskReport *report,
                         const char       *organisation)
{
  cairo_t *cr = scratch_cr ();
  Layout self = { 0 };
  guint n;

  layout_init (&self, report, organisation, cr);
  n = self.n_pages;
  layout_clear (&self);
  cairo_destroy (cr);

  return n;
}

gboolean
desk_report_render_pdf (const DeskReport  *report,
                        const char        *organisation,
                        const char        *path,
                        GError           **error)
{
  g_autofree char *month = desk_report_month_label (report, FALSE);
  g_autofree char *title = g_strdup_printf (_("Monthly Service Report %s"), month);
  g_autofree char *date = g_strdup_printf ("%s-01T00:00:00+08:00", month);
  cairo_t *cr = scratch_cr ();
  Layout self = { 0 };
  gboolean ok;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout_init (&self, report, organisation ? organisation : "", cr);
  ok = desk_print_write_pdf (path, title, date, self.n_pages, draw_page_cb, &self, error);
  layout_clear (&self);
  cairo_destroy (cr);

  return ok;
}
