/* desk-print.c
 *
 * The printing helpers of desk-print.h: Pango layouts in absolute point
 * sizes, a Pango context whose metrics do not depend on the screen, and A4
 * pages written to a PDF with fixed metadata, never half-written.  The
 * monthly report and the rectification notice draw their pages with them.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "desk-print.h"

PangoLayout *
desk_print_layout (PangoContext *context,
                   const char   *families,
                   double        size,
                   gboolean      bold,
                   double        width,
                   const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (families);

  /* Absolute sizes: points on paper whatever the surface's resolution. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);

  return layout;
}

double
desk_print_layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double)h / PANGO_SCALE;
}

double
desk_print_layout_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double)w / PANGO_SCALE;
}

void
desk_print_show_layout (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

PangoContext *
desk_print_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
desk_print_write_pdf (const char         *path,
                      const char         *title,
                      const char         *date,
                      guint               n_pages,
                      DeskPrintDrawPage   draw_page,
                      gpointer            user_data,
                      GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes,
                                                 DESK_PRINT_A4_WIDTH, DESK_PRINT_A4_HEIGHT);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Service Desk");
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      draw_page (cr, i, user_data);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  /* Written beside the target and renamed: never a half-written file. */
  if (!g_file_set_contents (path, (const char *)bytes->data, bytes->len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
