/* desk-tickets-view-actions.c
 *
 * What the Tickets view lets the user do: register a new ticket through
 * the new-ticket dialog (and show it once saved) and find a ticket
 * (tickets.new-ticket, tickets.find).  Its own file so that what the
 * view does stays apart from how it shows tickets, as gnome-text-editor
 * keeps its window's actions in editor-window-actions.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-gui-private.h"
#include "desk-new-ticket-dialog.h"
#include "desk-tickets-view-private.h"

static void
new_ticket_created_cb (DeskTicketsView *self,
                       DeskTicket      *ticket)
{
  g_autofree char *message = NULL;

  desk_tickets_view_select_ticket (self, desk_ticket_get_id (ticket));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  /* Translators: a toast after saving a new ticket; %s is its number */
  message = g_strdup_printf (_("%s registered"), desk_ticket_get_number (ticket));
  _desk_widget_add_toast (GTK_WIDGET (self), "%s", message);
}

GtkWindow *
desk_tickets_view_new_ticket (DeskTicketsView *self)
{
  GtkWindow *dialog;
  GtkRoot *root;

  g_return_val_if_fail (DESK_IS_TICKETS_VIEW (self), NULL);

  if (self->database == NULL)
    return NULL;

  dialog = desk_new_ticket_dialog_new (self->database, self->current_user_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_signal_connect_object (dialog, "created",
                           G_CALLBACK (new_ticket_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);

  return dialog;
}

static void
new_ticket_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  desk_tickets_view_new_ticket (DESK_TICKETS_VIEW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  desk_tickets_view_focus_search (DESK_TICKETS_VIEW (widget));
}

void
_desk_tickets_view_class_actions_init (DeskTicketsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "tickets.new-ticket", NULL, new_ticket_action);
  gtk_widget_class_install_action (widget_class, "tickets.find", NULL, find_action);
}
