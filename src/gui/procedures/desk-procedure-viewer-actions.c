/* desk-procedure-viewer-actions.c
 *
 * What can be done with the procedure the viewer shows: find in it
 * (Ctrl+F, Enter for the next match), zoom (Ctrl+plus, Ctrl+minus,
 * Ctrl+0) and print or export to PDF (Ctrl+P), the viewer.* actions and
 * the toolbar that offers them.  Its own file so that what the viewer
 * does stays apart from how it draws a procedure, as gnome-text-editor
 * keeps its window's actions in editor-window-actions.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure-viewer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-gui-private.h"
#include "desk-procedure-print.h"

#include "desk-procedure-viewer-private.h"

#define MIN_ZOOM 0.5
#define MAX_ZOOM 2.5

static void find_changed_cb (GtkSearchEntry *entry, DeskProcedureViewer *self);

/* Find */

void
_desk_procedure_viewer_update_find_status (DeskProcedureViewer *self)
{
  g_autofree char *status = NULL;

  if (self->query == NULL || *self->query == '\0')
    status = g_strdup ("");
  else if (self->matches->len == 0)
    status = g_strdup (_("Not found"));
  else
    /* Translators: the current match and how many there are */
    status = g_strdup_printf (_("%u of %u"), self->current + 1, self->matches->len);
  gtk_label_set_text (GTK_LABEL (self->find_status), status);
}

static void
scroll_to_current (DeskProcedureViewer *self)
{
  Match *m;
  graphene_point_t point;

  if (self->matches->len == 0)
    return;
  m = &g_array_index (self->matches, Match, self->current);
  if (gtk_widget_compute_point (GTK_WIDGET (m->label), self->page, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
      double page = gtk_adjustment_get_page_size (adj);

      gtk_adjustment_set_value (adj, point.y - page / 3);
    }
}

guint
desk_procedure_viewer_find (DeskProcedureViewer *self,
                            const char          *text)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (DESK_IS_PROCEDURE_VIEWER (self), 0);

  /* @text may be self->query itself (a new procedure, searched again). */
  text = g_strdup (text);
  g_free (self->query);
  self->query = (char *)text;
  g_array_set_size (self->matches, 0);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)), text ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (self->find_entry, find_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->find_entry, find_changed_cb, self);
    }
  self->current = 0;

  if (text != NULL && *text != '\0')
    {
      /* Case-folding keeps byte offsets for Chinese and most Latin text;
       * where it would not, the label is compared as it is. */
      needle = g_utf8_casefold (text, -1);
      for (guint i = 0; i < self->labels->len; i++)
        {
          GtkLabel *label = g_ptr_array_index (self->labels, i);
          const char *hay = gtk_label_get_text (label);
          g_autofree char *folded = g_utf8_casefold (hay, -1);
          const char *base = strlen (folded) == strlen (hay) ? folded : hay;
          const char *found = base;

          while ((found = strstr (found, needle)) != NULL)
            {
              Match m = { label, found - base, found - base + strlen (needle) };

              g_array_append_val (self->matches, m);
              found += strlen (needle);
            }
        }
    }

  _desk_procedure_viewer_refresh_labels (self);
  _desk_procedure_viewer_update_find_status (self);
  scroll_to_current (self);
  return self->matches->len;
}

void
desk_procedure_viewer_find_next (DeskProcedureViewer *self,
                                 gboolean             backwards)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));

  if (self->matches->len == 0)
    return;
  self->current = (self->current + (backwards ? self->matches->len - 1 : 1)) % self->matches->len;
  _desk_procedure_viewer_refresh_labels (self);
  _desk_procedure_viewer_update_find_status (self);
  scroll_to_current (self);
}

static void
find_changed_cb (GtkSearchEntry      *entry,
                 DeskProcedureViewer *self)
{
  desk_procedure_viewer_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
find_next_cb (GtkWidget           *widget,
              DeskProcedureViewer *self)
{
  desk_procedure_viewer_find_next (self, FALSE);
}

static void
find_previous_cb (GtkWidget           *widget,
                  DeskProcedureViewer *self)
{
  desk_procedure_viewer_find_next (self, TRUE);
}

/* Zoom */

void
desk_procedure_viewer_set_zoom (DeskProcedureViewer *self,
                                double               zoom)
{
  g_autofree char *percent = NULL;

  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));

  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  percent = g_strdup_printf ("%d %%", (int)(self->zoom * 100 + 0.5));
  gtk_label_set_text (GTK_LABEL (self->zoom_label), percent);
  _desk_procedure_viewer_refresh_labels (self);
}

double
desk_procedure_viewer_get_zoom (DeskProcedureViewer *self)
{
  g_return_val_if_fail (DESK_IS_PROCEDURE_VIEWER (self), 1.0);
  return self->zoom;
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (widget);

  if (g_str_equal (action_name, "viewer.zoom-in"))
    desk_procedure_viewer_set_zoom (self, self->zoom * 1.2);
  else if (g_str_equal (action_name, "viewer.zoom-out"))
    desk_procedure_viewer_set_zoom (self, self->zoom / 1.2);
  else
    desk_procedure_viewer_set_zoom (self, 1.0);
}

/* Printing: the same cairo + pango renderer as PDF export. */
static void
begin_print_cb (GtkPrintOperation   *operation,
                GtkPrintContext     *context,
                DeskProcedurePrint  *print)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  int pages = desk_procedure_print_paginate (print, pango, gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, pages);
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              DeskProcedurePrint *print)
{
  desk_procedure_print_draw_page (print, gtk_print_context_get_cairo_context (context), page);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  DeskProcedurePrint *print;

  if (self->procedure == NULL)
    return;
  print = desk_procedure_print_new (self->procedure, self->revision);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, self->procedure->title);
  _desk_print_operation_print_to_documents (operation, self->procedure->code);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), print);
  g_object_set_data_full (G_OBJECT (operation), "print", print, (GDestroyNotify)desk_procedure_print_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print %s: %s", self->procedure->code, error->message);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  desk_procedure_viewer_focus_find (DESK_PROCEDURE_VIEWER (widget));
}

void
desk_procedure_viewer_focus_find (DeskProcedureViewer *self)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));
  gtk_widget_grab_focus (self->find_entry);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  if (action)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

void
_desk_procedure_viewer_init_toolbar (DeskProcedureViewer *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *prev, *next;

  self->bar = bar;
  gtk_widget_add_css_class (bar, "toolbar");
  self->find_entry = gtk_search_entry_new ();
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->find_entry), NULL);
  g_object_set (self->find_entry, "placeholder-text", _("Find in procedure"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in procedure"), -1);
  gtk_widget_set_size_request (self->find_entry, 220, -1);
  g_signal_connect (self->find_entry, "search-changed", G_CALLBACK (find_changed_cb), self);
  g_signal_connect (self->find_entry, "activate", G_CALLBACK (find_next_cb), self);
  g_signal_connect (self->find_entry, "next-match", G_CALLBACK (find_next_cb), self);
  g_signal_connect (self->find_entry, "previous-match", G_CALLBACK (find_previous_cb), self);
  prev = icon_button ("go-up-symbolic", _("Previous match"), NULL);
  next = icon_button ("go-down-symbolic", _("Next match"), NULL);
  g_signal_connect (prev, "clicked", G_CALLBACK (find_previous_cb), self);
  g_signal_connect (next, "clicked", G_CALLBACK (find_next_cb), self);
  self->find_status = gtk_label_new ("");
  gtk_widget_add_css_class (self->find_status, "dim-label");
  gtk_widget_set_hexpand (self->find_status, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->find_status), 0);
  self->zoom_label = gtk_label_new ("100 %");
  gtk_widget_add_css_class (self->zoom_label, "numeric");

  gtk_box_append (GTK_BOX (bar), self->find_entry);
  gtk_box_append (GTK_BOX (bar), prev);
  gtk_box_append (GTK_BOX (bar), next);
  gtk_box_append (GTK_BOX (bar), self->find_status);
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-out-symbolic", _("Smaller text"), "viewer.zoom-out"));
  gtk_box_append (GTK_BOX (bar), self->zoom_label);
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-in-symbolic", _("Larger text"), "viewer.zoom-in"));
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-original-symbolic", _("Normal size"), "viewer.zoom-reset"));
  gtk_box_append (GTK_BOX (bar), icon_button ("printer-symbolic", _("Print or export to PDF"), "viewer.print"));
}

void
_desk_procedure_viewer_class_actions_init (DeskProcedureViewerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-reset", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.print", NULL, print_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "viewer.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
}
