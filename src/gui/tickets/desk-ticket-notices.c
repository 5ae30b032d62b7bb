/* desk-ticket-notices.c
 *
 * The Rectification Notices section of the ticket detail pane: Issue
 * Notice… and the ticket's notices, newest first.  It also holds the notice
 * row (number, recipient, deadline, state, and buttons to print, export,
 * correct and mark it rectified or verified) and what those notice-row.*
 * buttons do, shared with the notices view (desk-notices-view.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-notices"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-notice-store.h"

#include "desk-gui-private.h"
#include "desk-notice-dialog.h"
#include "desk-notice-print.h"
#include "desk-ticket-format.h"
#include "desk-ticket-notices.h"

struct _DeskTicketNotices
{
  AdwBin        parent_instance;

  DeskDatabase *database;
  gint64        actor_id;
  DeskTicket   *ticket;

  GtkListBox   *list;
  GtkWidget    *empty_label;
};

G_DEFINE_FINAL_TYPE (DeskTicketNotices, desk_ticket_notices, ADW_TYPE_BIN)

/* Rows, shared with the notices view */

static GtkWidget *
row_button (const char *icon_name,
            const char *label,
            const char *tooltip,
            const char *action_name,
            gint64      id)
{
  GtkWidget *button;

  if (icon_name != NULL)
    {
      button = gtk_button_new_from_icon_name (icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    button = gtk_button_new_with_mnemonic (label);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

GtkWidget *
_desk_notice_row_new (DeskNotice *notice,
                      gboolean    show_ticket)
{
  const DeskNoticeData *d = desk_notice_get_data (notice);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *issued = _desk_format_time (d->issued_at);
  g_autoptr(GDateTime) now = _desk_office_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *state;
  GtkWidget *badge;

  if (d->replaced_by_number != NULL)
    /* Translators: a notice's state: a correction replaced it */
    state = _("Replaced");
  else if (desk_notice_is_open (notice) && g_strcmp0 (d->due_date, today) < 0)
    /* Translators: a notice's state: not rectified by its deadline */
    state = _("Overdue");
  else
    state = desk_notice_state_to_string (d->state);

  /* Translators: a notice row's title: notice number · recipient */
  title = g_strdup_printf (C_("notice row", "%s · %s"), d->number, d->recipient);
  if (show_ticket)
    /* Translators: a notice row: ticket number · customer · deadline · issued at */
    subtitle = g_strdup_printf (_("%s · %s · rectify by %s · issued %s"), d->ticket_number,
                                d->customer_name, d->due_date, issued);
  else
    /* Translators: a notice row: deadline · issued at */
    subtitle = g_strdup_printf (_("Rectify by %s · issued %s"), d->due_date, issued);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  badge = gtk_label_new (state);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "desk-badge");
  gtk_widget_add_css_class (badge, "caption");
  if (desk_notice_is_open (notice) && g_strcmp0 (d->due_date, today) < 0)
    gtk_widget_add_css_class (badge, "error");
  else if (desk_notice_is_open (notice))
    gtk_widget_add_css_class (badge, "accent");
  else
    gtk_widget_add_css_class (badge, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  if (d->replaced_by_number == NULL && d->state == DESK_NOTICE_ISSUED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button (NULL, _("Mark _Rectified"), _("Record that the recipient rectified it"),
                                           "notice-row.rectified", d->id));
  else if (d->replaced_by_number == NULL && d->state == DESK_NOTICE_RECTIFIED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button (NULL, _("Mark _Verified"), _("Record that QA checked the rectification"),
                                           "notice-row.verified", d->id));
  if (d->replaced_by_number == NULL && d->state != DESK_NOTICE_VERIFIED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("document-edit-symbolic", _("Correct…"),
                                           _("Issue a corrected version that replaces this notice"),
                                           "notice-row.correct", d->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("printer-symbolic", _("Print…"), _("Print the notice, with a preview"),
                                         "notice-row.print", d->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-save-as-symbolic", _("Export PDF…"), _("Save the notice as a PDF file"),
                                         "notice-row.export", d->id));
  return row;
}

void
_desk_notice_row_action (GtkWidget    *widget,
                         DeskDatabase *database,
                         gint64        actor_id,
                         const char   *action_name,
                         GVariant     *parameter)
{
  g_autoptr(DeskNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  gboolean ok = TRUE;

  if (database == NULL)
    return;

  notice = desk_notice_store_get (database, id, &error);
  if (notice == NULL)
    {
      _desk_widget_add_toast (widget, "%s", error->message);
      return;
    }

  if (g_str_equal (action_name, "notice-row.print"))
    desk_notice_print (widget, notice);
  else if (g_str_equal (action_name, "notice-row.export"))
    desk_notice_export_pdf (widget, notice);
  else if (g_str_equal (action_name, "notice-row.correct"))
    {
      GtkWindow *dialog = desk_notice_dialog_new_correction (database, notice, actor_id);
      GtkRoot *root = gtk_widget_get_root (widget);

      if (dialog == NULL)
        return;
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
      gtk_window_present (dialog);
    }
  else if (g_str_equal (action_name, "notice-row.rectified"))
    ok = desk_notice_store_set_rectified (database, id, 0, NULL, actor_id, &error);
  else if (g_str_equal (action_name, "notice-row.verified"))
    ok = desk_notice_store_set_verified (database, id, 0, NULL, actor_id, &error);

  if (!ok)
    _desk_widget_add_toast (widget, "%s", error->message);
}

/* The section */

static void
show_notices (DeskTicketNotices *self)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket-notices.issue",
                                 self->ticket != NULL && self->database != NULL);
  if (self->ticket == NULL || self->database == NULL)
    return;

  notices = desk_notice_store_for_ticket (self->database, desk_ticket_get_id (self->ticket), &error);
  if (notices == NULL)
    {
      g_warning ("Could not read the ticket’s notices: %s", error->message);
      return;
    }

  for (guint i = 0; i < notices->len; i++)
    gtk_list_box_append (self->list, _desk_notice_row_new (notices->pdata[i], FALSE));
  gtk_widget_set_visible (GTK_WIDGET (self->list), notices->len > 0);
  gtk_widget_set_visible (self->empty_label, notices->len == 0);
}

static void
issued_cb (DeskTicketNotices *self,
           DeskNotice        *notice)
{
  /* Translators: %s is the new notice's number */
  _desk_widget_add_toast (GTK_WIDGET (self), _("Issued notice %s"), desk_notice_get_number (notice));
  show_notices (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskTicketNotices *self = DESK_TICKET_NOTICES (widget);
  GtkWindow *dialog;
  GtkRoot *root;

  if (self->ticket == NULL || self->database == NULL)
    return;

  dialog = desk_notice_dialog_new (self->database, self->ticket, self->actor_id);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_signal_connect_object (dialog, "issued", G_CALLBACK (issued_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DeskTicketNotices *self = DESK_TICKET_NOTICES (widget);

  _desk_notice_row_action (widget, self->database, self->actor_id, action_name, parameter);
  show_notices (self);
}

void
desk_ticket_notices_set_office (DeskTicketNotices *self,
                                DeskDatabase      *database,
                                gint64             actor_id)
{
  g_return_if_fail (DESK_IS_TICKET_NOTICES (self));

  g_set_object (&self->database, database);
  self->actor_id = actor_id;
  show_notices (self);
}

void
desk_ticket_notices_set_ticket (DeskTicketNotices *self,
                                DeskTicket        *ticket)
{
  g_return_if_fail (DESK_IS_TICKET_NOTICES (self));

  g_set_object (&self->ticket, ticket);
  show_notices (self);
}

static void
desk_ticket_notices_dispose (GObject *object)
{
  DeskTicketNotices *self = (DeskTicketNotices *)object;

  g_clear_object (&self->ticket);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (desk_ticket_notices_parent_class)->dispose (object);
}

static void
desk_ticket_notices_class_init (DeskTicketNoticesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_ticket_notices_dispose;

  gtk_widget_class_install_action (widget_class, "ticket-notices.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "notice-row.print", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.export", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.correct", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.rectified", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.verified", "x", row_action);
}

static void
desk_ticket_notices_init (DeskTicketNotices *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (_("Rectification Notices"));
  GtkWidget *issue = gtk_button_new_with_mnemonic (_("Issue _Notice…"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (issue), "ticket-notices.issue");
  gtk_widget_set_tooltip_text (issue, _("Issue a numbered rectification notice (整改通知书) for this ticket"));
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), issue);
  gtk_box_append (GTK_BOX (box), header);

  self->empty_label = gtk_label_new (_("No notice issued yet."));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty_label);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rectification Notices"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  adw_bin_set_child (ADW_BIN (self), box);
  show_notices (self);
}
