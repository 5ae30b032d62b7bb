/* desk-procedure-viewer.c
 *
 * The procedure viewer: the widget (a toolbar above the page, or the
 * empty state) and showing a procedure in it.  Drawing the procedure is in
 * desk-procedure-viewer-render.c and desk-procedure-viewer-blocks.c,
 * find, zoom and print in desk-procedure-viewer-actions.c; the instance
 * struct they share is in desk-procedure-viewer-private.h.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-procedure-viewer-private.h"

G_DEFINE_FINAL_TYPE (DeskProcedureViewer, desk_procedure_viewer, ADW_TYPE_BIN)

void
desk_procedure_viewer_add_tool (DeskProcedureViewer *self,
                                GtkWidget           *widget)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));
  gtk_box_append (GTK_BOX (self->bar), widget);
}

void
desk_procedure_viewer_set_procedure (DeskProcedureViewer *self,
                                     DeskProcedure       *procedure,
                                     int                  revision,
                                     int                  latest)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));

  if (self->procedure != procedure)
    g_clear_pointer (&self->procedure, desk_procedure_free);
  self->procedure = procedure;
  self->revision = revision;
  self->latest = latest;
  _desk_procedure_viewer_build (self);
  if (self->query && *self->query)
    desk_procedure_viewer_find (self, self->query);
  else
    _desk_procedure_viewer_update_find_status (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

static void
load_css_once (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/org/servicedesk/ServiceDesk/desk-procedures.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&once, 1);
    }
}

static void
desk_procedure_viewer_init (DeskProcedureViewer *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *import_button;

  load_css_once ();
  self->zoom = 1.0;
  self->labels = g_ptr_array_new ();
  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));

  _desk_procedure_viewer_init_toolbar (self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "accessories-dictionary-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Procedure Open"));
  /* What a clerk can do from here, in the window: not a command line. */
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("Choose a procedure from the list, or import a manual (Ctrl+I)."));
  import_button = gtk_button_new_with_mnemonic (_("_Import Manual…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import_button), "win.import-manual");
  gtk_widget_set_halign (import_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (import_button, "pill");
  gtk_widget_add_css_class (import_button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (self->empty), import_button);
  self->stack = gtk_stack_new ();
  gtk_stack_add_child (GTK_STACK (self->stack), self->empty);
  gtk_stack_add_child (GTK_STACK (self->stack), self->scroller);
  gtk_widget_set_vexpand (self->stack, TRUE);

  gtk_box_append (GTK_BOX (outer), self->bar);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (outer), self->stack);
  adw_bin_set_child (ADW_BIN (self), outer);
  _desk_procedure_viewer_build (self);
}

static void
desk_procedure_viewer_dispose (GObject *object)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (object);

  g_clear_pointer (&self->procedure, desk_procedure_free);
  G_OBJECT_CLASS (desk_procedure_viewer_parent_class)->dispose (object);
}

static void
desk_procedure_viewer_finalize (GObject *object)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (object);

  g_ptr_array_unref (self->labels);
  g_hash_table_unref (self->anchors);
  g_array_unref (self->matches);
  g_free (self->query);
  G_OBJECT_CLASS (desk_procedure_viewer_parent_class)->finalize (object);
}

static void
desk_procedure_viewer_class_init (DeskProcedureViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_procedure_viewer_dispose;
  object_class->finalize = desk_procedure_viewer_finalize;

  _desk_procedure_viewer_class_actions_init (klass);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

GtkWidget *
desk_procedure_viewer_new (void)
{
  return g_object_new (DESK_TYPE_PROCEDURE_VIEWER, NULL);
}
