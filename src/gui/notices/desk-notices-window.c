/* desk-notices-window.c
 *
 * The Rectification Notices window (win.show-notices): a header bar and a
 * toast overlay around the notices view, beside the main window and closed
 * with Escape or Ctrl+W.  All that the user sees in it is in
 * desk-notices-view.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notices-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-notices-window.h"

struct _DeskNoticesWindow
{
  AdwWindow        parent_instance;

  DeskNoticesView *view;
};

G_DEFINE_FINAL_TYPE (DeskNoticesWindow, desk_notices_window, ADW_TYPE_WINDOW)

GtkWindow *
desk_notices_window_new (GtkWindow    *parent,
                         DeskDatabase *database,
                         gint64        actor_id)
{
  DeskNoticesWindow *self;

  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);

  self = g_object_new (DESK_TYPE_NOTICES_WINDOW, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  desk_notices_view_set_office (self->view, database, actor_id);
  return GTK_WINDOW (self);
}

DeskNoticesView *
desk_notices_window_get_view (DeskNoticesWindow *self)
{
  g_return_val_if_fail (DESK_IS_NOTICES_WINDOW (self), NULL);
  return self->view;
}

static void
desk_notices_window_class_init (DeskNoticesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
desk_notices_window_init (DeskNoticesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Rectification Notices"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);

  self->view = g_object_new (DESK_TYPE_NOTICES_VIEW, NULL);
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (self->view));

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), overlay);
  adw_window_set_content (ADW_WINDOW (self), box);
}
