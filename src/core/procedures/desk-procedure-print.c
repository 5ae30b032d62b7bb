/* desk-procedure-print.c
 *
 * A procedure laid out on pages with pango and drawn with cairo: blocks
 * cut between lines at page breaks, steps with a box to tick, hazards
 * framed.  For the PDF of desk_procedure_write_pdf() and the GUI's
 * GtkPrintOperation alike, so it needs no GTK.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "desk-procedure-io.h"
#include "desk-procedure-print.h"

/* Lay-out: the procedure becomes a list of blocks (a Pango layout with
 * an indent and a decoration); pagination cuts blocks between lines, so a
 * long clause runs on over the page. */

#define MARGIN 48.0
#define FOOTER 24.0
#define FONT "Noto Sans CJK SC"

typedef enum
{
  DECO_NONE,
  DECO_FRAME,       /* hazards and notes: a frame, thicker the higher the level */
  DECO_CHECKBOX,    /* a step: a box to tick */
  DECO_RULE,        /* a heading: a line under it */
} Deco;

typedef struct
{
  char        *markup;
  double       size;       /* points */
  double       indent;
  double       space_before;
  Deco         deco;
  int          weight;     /* frame line width */
  PangoLayout *layout;
} Block;

typedef struct
{
  guint  block;
  int    first_line;
  int    n_lines;
  double y;
} Piece;

struct _DeskProcedurePrint
{
  const DeskProcedure *procedure;
  int                  revision;
  GPtrArray           *blocks;    /* Block */
  GArray              *pieces;    /* Piece */
  GArray              *page_starts; /* guint: first piece of each page */
  double               width, height;
  char                *footer;
  PangoContext        *context;
};

static void
block_free (Block *b)
{
  g_free (b->markup);
  g_clear_object (&b->layout);
  g_free (b);
}

static void
add (DeskProcedurePrint *print,
     double              size,
     double              indent,
     double              space_before,
     Deco                deco,
     int                 weight,
     const char         *format,
     ...) G_GNUC_PRINTF (7, 8);

static void
add (DeskProcedurePrint *print,
     double              size,
     double              indent,
     double              space_before,
     Deco                deco,
     int                 weight,
     const char         *format,
     ...)
{
  Block *b = g_new0 (Block, 1);
  va_list args;

  va_start (args, format);
  b->markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  b->size = size;
  b->indent = indent;
  b->space_before = space_before;
  b->deco = deco;
  b->weight = weight;
  g_ptr_array_add (print->blocks, b);
}

static const char *
s (const char *text)
{
  return text ? text : "";
}

static void add_blocks (DeskProcedurePrint *print, GPtrArray *list, int depth);

static void
add_hazard (DeskProcedurePrint *print,
            DeskProcNode       *n,
            double              indent)
{
  g_autofree char *word = g_utf8_strup (desk_proc_level_get_label (n->level ? n->level : DESK_PROC_LEVEL_NOTICE), -1);
  int weight = n->level >= DESK_PROC_LEVEL_DANGER ? 3 : n->level >= DESK_PROC_LEVEL_WARNING ? 2 : 1;

  add (print, 10.5, indent, 8, DECO_FRAME, weight, "<b>%s</b>  <b>%s</b>", word, s (n->title));
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_CONSEQUENCE)
        add (print, 10, indent, 0, DECO_FRAME, weight, _("Consequence: %s"), s (c->text));
      else if (c->kind == DESK_PROC_AVOID)
        add (print, 10, indent, 0, DECO_FRAME, weight, _("How to avoid it: %s"), s (c->text));
      else if (c->kind == DESK_PROC_CHECK)
        add (print, 10, indent, 0, DECO_FRAME, weight, _("☐ Check: %s"), s (c->text));
      else if (c->kind == DESK_PROC_ROUTE)
        {
          g_autoptr(GString) route = g_string_new (NULL);
          g_autofree char *escaped = NULL;

          for (guint j = 0; j < c->children->len; j++)
            g_string_append_printf (route, "%s%u. %s", j ? " → " : "", j + 1,
                                    s (((DeskProcNode *)g_ptr_array_index (c->children, j))->text));
          add (print, 10, indent, 0, DECO_FRAME, weight, c->title ? _("Evacuation route — %s") : "%s",
               c->title ? c->title : _("Evacuation route"));
          add (print, 10, indent, 0, DECO_FRAME, weight, "%s", route->str);
        }
    }
}

static void
add_steps (DeskProcedurePrint *print,
           GPtrArray          *children,
           const char         *prefix,
           int                 depth)
{
  guint number = 0;

  for (guint i = 0; i < children->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (children, i);
      g_autofree char *label = NULL;
      g_autoptr(GString) tags = g_string_new (NULL);
      double indent = 18.0 * (depth + 1);

      if (n->kind == DESK_PROC_STEP_SECTION)
        {
          add (print, 11, 0, 8, DECO_NONE, 0, "<b>%s</b>", s (n->text));
          continue;
        }
      if (n->kind == DESK_PROC_ALTERNATIVES)
        {
          add (print, 9.5, indent, 2, DECO_NONE, 0, "<i>%s</i>", _("Do one of these:"));
          add_steps (print, n->children, prefix, depth);
          continue;
        }
      if (n->kind != DESK_PROC_STEP)
        continue;
      number++;
      label = n->label ? g_strdup (n->label) : prefix ? g_strdup_printf ("%s.%u", prefix, number) : g_strdup_printf ("%u", number);
      if (n->role)
        g_string_append_printf (tags, " · %s", desk_procedure_role_name (print->procedure, n->role));
      if (n->limit > 0)
        {
          const char *unit = n->unit == DESK_LIMIT_HOURS ? "h" : n->unit == DESK_LIMIT_DAYS ? _("working days") : "min";
          g_string_append_printf (tags, " · ≤ %d %s", n->limit, unit);
        }
      if (n->optional)
        g_string_append_printf (tags, " · %s", _("optional"));
      add (print, 10.5, indent, 4, DECO_CHECKBOX, 0, "<b>%s</b>  %s<span size=\"smaller\" foreground=\"#555555\">%s</span>",
           label, s (n->text), tags->str);
      for (guint j = 0; j < n->children->len; j++)
        {
          DeskProcNode *c = g_ptr_array_index (n->children, j);

          if (c->kind == DESK_PROC_INFO)
            add (print, 9.5, indent + 14, 0, DECO_NONE, 0, "%s", s (c->text));
          else if (c->kind == DESK_PROC_RESULT)
            add (print, 9.5, indent + 14, 0, DECO_NONE, 0, _("Result: %s"), s (c->text));
          else if (c->kind == DESK_PROC_CHOICES)
            for (guint k = 0; k < c->children->len; k++)
              {
                DeskProcNode *o = g_ptr_array_index (c->children, k);

                add (print, 9.5, indent + 14, 0, DECO_NONE, 0, "• %s%s%s", s (o->title), o->title ? ": " : "", s (o->text));
              }
          else if (c->kind == DESK_PROC_NOTE)
            add (print, 9.5, indent + 14, 2, DECO_FRAME, 1, "<b>%s</b>  %s", desk_proc_level_get_label (c->level), s (c->text));
          else if (c->kind == DESK_PROC_HAZARD)
            add_hazard (print, c, indent + 14);
        }
      add_steps (print, n->children, label, depth + 1);
    }
}

static void
add_blocks (DeskProcedurePrint *print,
            GPtrArray          *list,
            int                 depth)
{
  static const double heading_sizes[] = { 14, 12.5, 11.5, 11 };

  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      switch (n->kind)
        {
        case DESK_PROC_CLAUSE:
          if (n->title)
            add (print, heading_sizes[MIN (depth, 3)], 0, 10, DECO_NONE, 0, "<b>%s %s</b>", s (n->label), n->title);
          else if (n->label)
            add (print, 10.5, 0, 2, DECO_NONE, 0, "<b>%s</b>", n->label);
          add_blocks (print, n->children, depth + 1);
          break;
        case DESK_PROC_PARAGRAPH:
          add (print, 10.5, 0, 3, DECO_NONE, 0, "%s", s (n->text));
          break;
        case DESK_PROC_NOTE:
          add (print, 10, 0, 6, DECO_FRAME, 1, "<b>%s</b>  %s", desk_proc_level_get_label (n->level), s (n->text));
          break;
        case DESK_PROC_HAZARD:
          add_hazard (print, n, 0);
          break;
        case DESK_PROC_FLOW:
          {
            g_autofree char *heading = g_strdup_printf (_("Flow: %s"), s (n->title));
            add (print, 12, 0, 10, DECO_RULE, 0, "<b>%s</b>", heading);
          }
          /* Before the steps what comes before them; after them the rest. */
          for (int after = 0; after < 2; after++)
            {
              if (after)
                add_steps (print, n->children, NULL, 0);
              for (guint j = 0; j < n->children->len; j++)
                {
                  DeskProcNode *c = g_ptr_array_index (n->children, j);
                  gboolean late = g_strcmp0 (c->variant, "result") == 0 || g_strcmp0 (c->variant, "postreq") == 0;

                  if (c->kind != DESK_PROC_PART || late != after)
                    continue;
                  if (g_strcmp0 (c->variant, "prereq") == 0)
                    add (print, 10.5, 0, 4, DECO_NONE, 0, "<b>%s</b>", _("Before you start"));
                  else if (g_strcmp0 (c->variant, "result") == 0)
                    add (print, 10.5, 0, 4, DECO_NONE, 0, "<b>%s</b>", _("Result"));
                  else if (g_strcmp0 (c->variant, "postreq") == 0)
                    add (print, 10.5, 0, 4, DECO_NONE, 0, "<b>%s</b>", _("Afterwards"));
                  add_blocks (print, c->children, depth + 1);
                }
            }
          break;
        case DESK_PROC_SCRIPT:
          {
            g_autofree char *heading = g_strdup_printf (_("Call script: %s"), s (n->title));
            add (print, 12, 0, 10, DECO_RULE, 0, "<b>%s</b>", heading);
          }
          for (guint j = 0; j < n->children->len; j++)
            {
              DeskProcNode *line = g_ptr_array_index (n->children, j);
              const char *speaker = desk_procedure_role_name (print->procedure, line->role ? line->role : n->role);

              add (print, 10.5, 0, 4, DECO_NONE, 0, "<b>%u · %s</b>  %s", j + 1, s (speaker), s (line->text));
              for (guint k = 0; k < line->children->len; k++)
                {
                  DeskProcNode *b = g_ptr_array_index (line->children, k);
                  g_autofree char *go = NULL;

                  for (guint m = 0; b->target && m < n->children->len; m++)
                    if (g_strcmp0 (((DeskProcNode *)g_ptr_array_index (n->children, m))->id, b->target) == 0)
                      go = g_strdup_printf (_("→ Go on with line %u"), m + 1);
                  add (print, 10, 24, 0, DECO_NONE, 0, _("If: %s"), s (b->title));
                  if (b->text || go)
                    add (print, 10, 40, 0, DECO_NONE, 0, "%s %s", s (b->text), s (go));
                }
            }
          break;
        case DESK_PROC_FOREIGN:
        default:
          break;
        }
    }
}

static void
build (DeskProcedurePrint *print)
{
  const DeskProcedure *p = print->procedure;

  add (print, 18, 0, 0, DECO_NONE, 0, "<b>%s</b>", s (p->title));
  add (print, 9, 0, 2, DECO_NONE, 0, "%s%s%s%s%s", s (p->code), p->edition ? " · " : "", s (p->edition),
       p->revised ? " · " : "", s (p->revised));
  for (guint i = 0; i < p->signoffs->len; i++)
    {
      DeskProcSignoff *so = g_ptr_array_index (p->signoffs, i);

      add (print, 9, 0, 0, DECO_NONE, 0, "%s: %s %s", s (so->role), so->name ? so->name : "________", s (so->date));
    }
  if (p->summary)
    add (print, 10.5, 0, 6, DECO_NONE, 0, "%s", p->summary);
  if (p->purpose->len)
    {
      add (print, 14, 0, 12, DECO_RULE, 0, "<b>%s</b>", _("Purpose"));
      add_blocks (print, p->purpose, 1);
    }
  if (p->scope->len)
    {
      add (print, 14, 0, 12, DECO_RULE, 0, "<b>%s</b>", _("Scope"));
      add_blocks (print, p->scope, 1);
    }
  if (p->terms->len)
    {
      add (print, 14, 0, 12, DECO_RULE, 0, "<b>%s</b>", _("Terms and definitions"));
      for (guint i = 0; i < p->terms->len; i++)
        {
          DeskProcTerm *t = g_ptr_array_index (p->terms, i);
          add (print, 10.5, 0, 2, DECO_NONE, 0, "<b>%s</b>  %s", s (t->term), s (t->definition));
        }
    }
  if (p->roles->len)
    {
      add (print, 14, 0, 12, DECO_RULE, 0, "<b>%s</b>", _("Responsibilities"));
      for (guint i = 0; i < p->roles->len; i++)
        {
          DeskProcRole *r = g_ptr_array_index (p->roles, i);

          add (print, 10.5, 0, 3, DECO_NONE, 0, "<b>%s</b>", s (r->name));
          for (guint j = 0; j < r->duties->len; j++)
            add (print, 10.5, 14, 0, DECO_NONE, 0, "• %s", (char *)g_ptr_array_index (r->duties, j));
        }
    }
  add_blocks (print, p->body, 0);
  if (p->forms->len)
    {
      add (print, 14, 0, 12, DECO_RULE, 0, "<b>%s</b>", _("Forms"));
      for (guint i = 0; i < p->forms->len; i++)
        {
          DeskProcForm *f = g_ptr_array_index (p->forms, i);
          add (print, 10.5, 0, 2, DECO_NONE, 0, "<b>《%s》</b>  %s", s (f->name), s (f->description));
        }
    }
  if (p->rules->len)
    {
      add (print, 14, 0, 12, DECO_RULE, 0, "<b>%s</b>", _("Time limits"));
      for (guint i = 0; i < p->rules->len; i++)
        {
          DeskProcRule *r = g_ptr_array_index (p->rules, i);
          const char *unit = r->rule.unit == DESK_LIMIT_HOURS ? "h" : r->rule.unit == DESK_LIMIT_DAYS ? _("working days") : "min";

          add (print, 10.5, 0, 2, DECO_NONE, 0, "%s · ≤ %d %s", s (r->rule.name), r->rule.limit, unit);
          if (r->fine > 0)
            add (print, 10, 14, 0, DECO_NONE, 0, "¥%d %s", r->fine, s (r->fine_note));
        }
    }
}

DeskProcedurePrint *
desk_procedure_print_new (const DeskProcedure *procedure,
                          int                  revision)
{
  DeskProcedurePrint *print = g_new0 (DeskProcedurePrint, 1);

  print->procedure = procedure;
  print->revision = revision;
  print->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  print->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  print->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  build (print);
  return print;
}

void
desk_procedure_print_free (DeskProcedurePrint *print)
{
  if (print == NULL)
    return;
  g_ptr_array_unref (print->blocks);
  g_array_unref (print->pieces);
  g_array_unref (print->page_starts);
  g_clear_object (&print->context);
  g_free (print->footer);
  g_free (print);
}

static double
line_height (PangoLayout *layout,
             int          line)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, line), NULL, &logical);
  return logical.height / (double)PANGO_SCALE + pango_layout_get_spacing (layout) / (double)PANGO_SCALE;
}

int
desk_procedure_print_paginate (DeskProcedurePrint *print,
                               PangoContext       *context,
                               double              width,
                               double              height)
{
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  guint start = 0;

  g_set_object (&print->context, context);
  print->width = width;
  print->height = height;
  g_array_set_size (print->pieces, 0);
  g_array_set_size (print->page_starts, 0);
  g_array_append_val (print->page_starts, start);

  for (guint i = 0; i < print->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (print->blocks, i);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);
      double text_width = width - 2 * MARGIN - b->indent - (b->deco == DECO_CHECKBOX ? 16 : 0) - (b->deco == DECO_FRAME ? 16 : 0);
      int n_lines, line = 0;

      g_clear_object (&b->layout);
      b->layout = pango_layout_new (context);
      pango_font_description_set_size (font, b->size * PANGO_SCALE);
      pango_layout_set_font_description (b->layout, font);
      pango_layout_set_width (b->layout, MAX (text_width, 40) * PANGO_SCALE);
      pango_layout_set_wrap (b->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (b->layout, b->markup, -1);
      n_lines = pango_layout_get_line_count (b->layout);

      y += b->space_before;
      /* Keep a heading with what follows it. */
      if (b->deco == DECO_RULE && y + 4 * line_height (b->layout, 0) > bottom && y > MARGIN)
        y = bottom + 1;
      while (line < n_lines)
        {
          Piece piece = { i, line, 0, y };

          while (line < n_lines && (y + line_height (b->layout, line) <= bottom || (piece.n_lines == 0 && y <= MARGIN)))
            {
              y += line_height (b->layout, line);
              line++;
              piece.n_lines++;
            }
          if (piece.n_lines > 0)
            g_array_append_val (print->pieces, piece);
          if (line < n_lines)
            {
              guint next = print->pieces->len;

              g_array_append_val (print->page_starts, next);
              y = MARGIN;
            }
        }
    }

  g_free (print->footer);
  /* Translators: the footer of a printed procedure: code and revision */
  print->footer = print->revision > 0 ? g_strdup_printf (_("%s · revision %d"), print->procedure->code, print->revision)
                                      : g_strdup (print->procedure->code);
  return print->page_starts->len;
}

static void
draw_checkbox (cairo_t *cr,
               double   x,
               double   y,
               double   size)
{
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y + 2, size, size);
  cairo_stroke (cr);
}

void
desk_procedure_print_draw_page (DeskProcedurePrint *print,
                                cairo_t            *cr,
                                int                 page)
{
  guint first, last;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT " 8");
  g_autofree char *footer_text = NULL;

  g_return_if_fail (page >= 0 && (guint)page < print->page_starts->len);

  first = g_array_index (print->page_starts, guint, page);
  last = (guint)page + 1 < print->page_starts->len ? g_array_index (print->page_starts, guint, page + 1)
                                                    : print->pieces->len;
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (print->pieces, Piece, i);
      Block *b = g_ptr_array_index (print->blocks, piece->block);
      double x = MARGIN + b->indent + (b->deco == DECO_CHECKBOX ? 16 : 0) + (b->deco == DECO_FRAME ? 8 : 0);
      double y = piece->y;
      double top = y;

      for (int l = piece->first_line; l < piece->first_line + piece->n_lines; l++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (b->layout, l);
          PangoRectangle logical;

          pango_layout_line_get_extents (line, NULL, &logical);
          cairo_move_to (cr, x, y - logical.y / (double)PANGO_SCALE);
          pango_cairo_show_layout_line (cr, line);
          y += line_height (b->layout, l);
        }
      if (b->deco == DECO_CHECKBOX && piece->first_line == 0)
        draw_checkbox (cr, MARGIN + b->indent, top, 9);
      else if (b->deco == DECO_RULE)
        {
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, MARGIN, y + 1);
          cairo_line_to (cr, print->width - MARGIN, y + 1);
          cairo_stroke (cr);
        }
      else if (b->deco == DECO_FRAME)
        {
          /* A bar down the left side, heavier for higher levels. */
          cairo_set_line_width (cr, b->weight * 1.5);
          cairo_move_to (cr, MARGIN + b->indent + 2, top);
          cairo_line_to (cr, MARGIN + b->indent + 2, y);
          cairo_stroke (cr);
        }
    }

  footer_text = g_strdup_printf (_("%s · page %d of %d"), print->footer, page + 1, (int)print->page_starts->len);
  footer = pango_layout_new (print->context);
  pango_layout_set_font_description (footer, font);
  pango_layout_set_text (footer, footer_text, -1);
  cairo_move_to (cr, MARGIN, print->height - MARGIN);
  pango_cairo_show_layout (cr, footer);
}

gboolean
desk_procedure_write_pdf (const DeskProcedure  *procedure,
                          int                   revision,
                          const char           *path,
                          GError              **error)
{
  g_autoptr(DeskProcedurePrint) print = desk_procedure_print_new (procedure, revision);
  g_autofree char *tmp = g_strconcat (path, ".tmp-XXXXXX", NULL);
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  int fd, pages;
  const double width = 595.276, height = 841.89; /* A4 in points */

  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_WRITE,
                   _("Could not write %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp, width, height);
  cr = cairo_create (surface);
  context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (context, 72);
  if (procedure->language)
    {
      PangoLanguage *language = pango_language_from_string (procedure->language);
      /* Chinese forms of Han characters, not Japanese ones. */
      pango_context_set_language (context, language);
    }
  pango_cairo_update_context (cr, context);
  pages = desk_procedure_print_paginate (print, context, width, height);
  for (int i = 0; i < pages; i++)
    {
      desk_procedure_print_draw_page (print, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  g_object_unref (context);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp, path) != 0)
    {
      g_unlink (tmp);
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_WRITE,
                   _("Could not write %s: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
