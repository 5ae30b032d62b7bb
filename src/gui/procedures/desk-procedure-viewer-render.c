/* desk-procedure-viewer-render.c
 *
 * Drawing a procedure as widgets: the page (title, revision, sign-off,
 * the tables of terms, roles, forms and time limits around the body) and
 * the labels everything on it is made of, each remembered for find and
 * zoom.  Its own file so that what the page shows stays apart from the
 * widget that holds it (desk-procedure-viewer.c) and from what it does
 * (desk-procedure-viewer-actions.c); the blocks of the body are drawn in
 * desk-procedure-viewer-blocks.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-types.h"

#include "desk-procedure-viewer-private.h"

/* The document is built from widgets each time the procedure or the zoom
 * changes: procedures are a few hundred blocks, and rebuilding keeps the
 * code one simple walk over the model.  Every label is remembered with
 * its text, for find-in-document and zoom (a Pango scale attribute). */

/* Labels */

static void
apply_attributes (DeskProcedureViewer *self,
                  GtkLabel            *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (self->zoom));
  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    {
      Match *m = &g_array_index (self->matches, Match, i);
      PangoAttribute *a;

      if (m->label != label)
        continue;
      /* Black on yellow reads in the light and the dark style alike. */
      a = pango_attr_background_new (i == self->current ? 0xffff : 0xf800,
                                     i == self->current ? 0x9000 : 0xe000,
                                     i == self->current ? 0x0000 : 0x4000);
      a->start_index = m->start;
      a->end_index = m->end;
      pango_attr_list_insert (attrs, a);
      a = pango_attr_foreground_new (0, 0, 0);
      a->start_index = m->start;
      a->end_index = m->end;
      pango_attr_list_insert (attrs, a);
      if (i == self->current)
        {
          a = pango_attr_underline_new (PANGO_UNDERLINE_DOUBLE);
          a->start_index = m->start;
          a->end_index = m->end;
          pango_attr_list_insert (attrs, a);
        }
    }
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

GtkWidget *
_desk_procedure_viewer_add_label (DeskProcedureViewer *self,
                                  GtkWidget           *box,
                                  const char          *text,
                                  const char          *css_class)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return NULL;
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class)
    {
      g_auto(GStrv) classes = g_strsplit (css_class, " ", -1);
      for (guint i = 0; classes[i]; i++)
        gtk_widget_add_css_class (label, classes[i]);
    }
  apply_attributes (self, GTK_LABEL (label));
  g_ptr_array_add (self->labels, label);
  if (box)
    gtk_box_append (GTK_BOX (box), label);
  return label;
}

GtkWidget *
_desk_procedure_viewer_heading (DeskProcedureViewer *self,
                                GtkWidget           *box,
                                const char          *text,
                                const char          *level)
{
  GtkWidget *label = _desk_procedure_viewer_add_label (self, box, text, level);

  if (label)
    gtk_widget_add_css_class (label, "desk-section-heading");
  return label;
}

char *
_desk_procedure_viewer_limit_text (int           limit,
                                   DeskLimitUnit unit)
{
  switch (unit)
    {
    case DESK_LIMIT_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d hour", "within %d hours", limit), limit);
    case DESK_LIMIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d working day", "within %d working days", limit), limit);
    case DESK_LIMIT_MINUTES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d minute", "within %d minutes", limit), limit);
    }
}

static const char *
signoff_label (const char *role)
{
  if (g_strcmp0 (role, "written-by") == 0)
    return _("Written by");
  if (g_strcmp0 (role, "checked-by") == 0)
    return _("Checked by");
  if (g_strcmp0 (role, "approved-by") == 0)
    return _("Approved by");
  if (g_strcmp0 (role, "issued-by") == 0)
    return _("Issued by");
  return role;
}

static GtkWidget *
table (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "desk-role-table");
  return grid;
}

static void
cell (DeskProcedureViewer *self,
      GtkWidget           *grid,
      const char          *text,
      int                  column,
      int                  row,
      const char          *css)
{
  GtkWidget *label = _desk_procedure_viewer_add_label (self, NULL, text ? text : "", css);

  if (label == NULL)
    label = gtk_label_new ("");
  gtk_widget_set_hexpand (label, column > 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
}

void
_desk_procedure_viewer_build (DeskProcedureViewer *self)
{
  DeskProcedure *p = self->procedure;
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autoptr(GString) meta = g_string_new (NULL);

  g_ptr_array_set_size (self->labels, 0);
  g_hash_table_remove_all (self->anchors);
  self->truncated = FALSE;
  if (self->matches)
    g_array_set_size (self->matches, 0);

  gtk_widget_add_css_class (page, "desk-procedure-page");
  self->page = page;
  if (p == NULL)
    {
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), NULL);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty);
      return;
    }

  _desk_procedure_viewer_add_label (self, page, p->title, "title-1");
  g_string_append (meta, p->code);
  if (self->revision > 0)
    {
      g_string_append (meta, " · ");
      /* Translators: the revision number of a stored procedure */
      g_string_append_printf (meta, _("revision %d"), self->revision);
    }
  if (self->revision > 0 && self->latest > self->revision)
    {
      g_string_append (meta, " · ");
      /* Translators: said of an older revision of a procedure */
      g_string_append_printf (meta, _("not the latest (revision %d is)"), self->latest);
    }
  if (p->edition)
    g_string_append_printf (meta, " · %s", p->edition);
  if (p->revised)
    g_string_append_printf (meta, " · %s", p->revised);
  if (p->category)
    g_string_append_printf (meta, " · %s", p->category);
  _desk_procedure_viewer_add_label (self, page, meta->str, "desk-procedure-meta");
  if (p->signoffs->len > 0)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < p->signoffs->len; i++)
        {
          DeskProcSignoff *so = g_ptr_array_index (p->signoffs, i);

          g_string_append_printf (s, "%s%s: %s%s%s", s->len ? "   " : "", signoff_label (so->role),
                                  so->name ? so->name : "________", so->date ? " " : "", so->date ? so->date : "");
        }
      _desk_procedure_viewer_add_label (self, page, s->str, "desk-procedure-meta caption");
    }
  _desk_procedure_viewer_add_label (self, page, p->summary, NULL);

  if (p->purpose->len > 0)
    {
      _desk_procedure_viewer_heading (self, page, _("Purpose"), "title-2");
      _desk_procedure_viewer_add_blocks (self, page, p->purpose, 1);
    }
  if (p->scope->len > 0)
    {
      _desk_procedure_viewer_heading (self, page, _("Scope"), "title-2");
      _desk_procedure_viewer_add_blocks (self, page, p->scope, 1);
    }
  if (p->terms->len > 0)
    {
      GtkWidget *grid = table ();

      _desk_procedure_viewer_heading (self, page, _("Terms and definitions"), "title-2");
      for (guint i = 0; i < p->terms->len; i++)
        {
          DeskProcTerm *t = g_ptr_array_index (p->terms, i);

          cell (self, grid, t->term, 0, i, "heading");
          cell (self, grid, t->definition, 1, i, NULL);
        }
      gtk_box_append (GTK_BOX (page), grid);
    }
  if (p->roles->len > 0)
    {
      GtkWidget *grid = table ();
      int row = 1;

      _desk_procedure_viewer_heading (self, page, _("Responsibilities"), "title-2");
      cell (self, grid, _("Role"), 0, 0, "desk-table-head");
      cell (self, grid, _("Responsible for"), 1, 0, "desk-table-head");
      for (guint i = 0; i < p->roles->len; i++)
        {
          DeskProcRole *r = g_ptr_array_index (p->roles, i);
          g_autoptr(GString) duties = g_string_new (NULL);

          for (guint j = 0; j < r->duties->len; j++)
            g_string_append_printf (duties, "%s• %s", j ? "\n" : "", (char *)g_ptr_array_index (r->duties, j));
          cell (self, grid, r->name, 0, row, "heading");
          cell (self, grid, duties->str, 1, row, NULL);
          row++;
        }
      gtk_box_append (GTK_BOX (page), grid);
    }

  _desk_procedure_viewer_add_blocks (self, page, p->body, 0);

  if (p->forms->len > 0)
    {
      GtkWidget *grid = table ();

      _desk_procedure_viewer_heading (self, page, _("Forms"), "title-2");
      for (guint i = 0; i < p->forms->len; i++)
        {
          DeskProcForm *f = g_ptr_array_index (p->forms, i);
          g_autofree char *name = g_strdup_printf ("《%s》", f->name ? f->name : "");

          cell (self, grid, name, 0, i, "heading");
          cell (self, grid, f->description, 1, i, NULL);
        }
      gtk_box_append (GTK_BOX (page), grid);
    }
  if (p->rules->len > 0)
    {
      GtkWidget *grid = table ();

      _desk_procedure_viewer_heading (self, page, _("Time limits"), "title-2");
      cell (self, grid, _("Rule"), 0, 0, "desk-table-head");
      cell (self, grid, _("Who"), 1, 0, "desk-table-head");
      cell (self, grid, _("Limit"), 2, 0, "desk-table-head");
      cell (self, grid, _("Fine"), 3, 0, "desk-table-head");
      for (guint i = 0; i < p->rules->len; i++)
        {
          DeskProcRule *r = g_ptr_array_index (p->rules, i);
          g_autofree char *limit = _desk_procedure_viewer_limit_text (r->rule.limit, r->rule.unit);
          g_autofree char *fine = r->fine > 0 ? g_strdup_printf (_("¥%d %s"), r->fine, r->fine_note ? r->fine_note : "")
                                              : g_strdup ("—");

          cell (self, grid, r->rule.name, 0, i + 1, NULL);
          cell (self, grid, desk_role_get_label (r->rule.role), 1, i + 1, NULL);
          cell (self, grid, limit, 2, i + 1, NULL);
          cell (self, grid, fine, 3, i + 1, NULL);
        }
      gtk_box_append (GTK_BOX (page), grid);
    }
  for (guint i = 0; i < p->foreign->len; i++)
    _desk_procedure_viewer_add_foreign (self, page, g_ptr_array_index (p->foreign, i));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), page);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->scroller);
}

void
_desk_procedure_viewer_refresh_labels (DeskProcedureViewer *self)
{
  for (guint i = 0; i < self->labels->len; i++)
    apply_attributes (self, g_ptr_array_index (self->labels, i));
}
