/* desk-ticket-detail-actions.c
 *
 * What can be done with the ticket the detail pane shows: its status,
 * assigning it, escalating and acknowledging, notes, linking and merging
 * (the detail.* actions), and the one function that decides which of them
 * the ticket allows.  Its own file so that what the pane does stays apart
 * from how it shows a ticket (desk-ticket-detail.c), as gnome-text-editor
 * keeps its window's actions in editor-window-actions.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-alert-store.h"
#include "desk-notice-store.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"
#include "desk-ticket-workflow.h"

#include "desk-gui-private.h"
#include "desk-ticket-detail-private.h"

void
_desk_ticket_detail_update_actions (DeskTicketDetail *self)
{
  const DeskTicketData *d = self->ticket ? desk_ticket_get_data (self->ticket) : NULL;
  gboolean open = d != NULL && d->closed_at == 0 && d->status != DESK_STATUS_CLOSED;
  gboolean waiting;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.set-status", d != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.assign", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.escalate", open && d->escalation_level < 2);
  /* A missed deadline escalated the ticket: whoever sees it says so. */
  waiting = d != NULL && desk_alert_store_awaits_acknowledgement (self->database, d->id, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.acknowledge", waiting);
  gtk_widget_set_visible (GTK_WIDGET (self->acknowledge_button), waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-note", d != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.link", d != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.merge", open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_button), open);
}

/* Changes */

/* After a change: the toast for a refusal, and the latest values in any
 * case (someone else's save is what made ours stale). */
static void
finish_change (DeskTicketDetail *self,
               gboolean          ok,
               GError           *error)
{
  if (!ok)
    _desk_widget_add_toast (GTK_WIDGET (self), "%s", error->message);

  desk_ticket_detail_reload (self);
}

static void
set_status (DeskTicketDetail *self,
            DeskTicketStatus  status)
{
  const DeskTicketData *d = desk_ticket_get_data (self->ticket);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = desk_ticket_store_set_status (self->database, d->id, d->revision, status,
                                     self->actor_id, NULL, &error);
  finish_change (self, ok, error);
}

/* The first of the ticket's notices not yet verified, or NULL. */
static DeskNotice *
unverified_notice (DeskTicketDetail *self)
{
  g_autoptr(GPtrArray) notices = desk_notice_store_for_ticket (self->database,
                                                               desk_ticket_get_id (self->ticket), NULL);

  for (guint i = 0; notices != NULL && i < notices->len; i++)
    if (desk_notice_get_data (notices->pdata[i])->state != DESK_NOTICE_VERIFIED)
      return g_object_ref (notices->pdata[i]);

  return NULL;
}

static void
close_anyway_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          DeskTicketDetail *self)
{
  if (g_str_equal (response, "close") && self->ticket != NULL)
    set_status (self, DESK_STATUS_CLOSED);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);
  DeskTicketStatus status = g_variant_get_int32 (parameter);
  const DeskTicketData *d;
  g_autoptr(DeskNotice) notice = NULL;
  g_autoptr(DeskTicket) latest = NULL;

  if (self->ticket == NULL)
    return;

  d = desk_ticket_get_data (self->ticket);
  self->pending_status = -1;

  /* Changed elsewhere since it was shown: the store refuses the stale
   * change and the pane shows the latest, before anything is asked. */
  latest = desk_ticket_store_get (self->database, d->id, NULL);
  if (latest == NULL || desk_ticket_get_data (latest)->revision != d->revision)
    {
      set_status (self, status);
      return;
    }

  /* Forwarding is to a department: with none yet, ask for it first and
   * go on once it is chosen, in one go. */
  if (d->department_id <= 0)
    {
      DeskTicketStatus path[DESK_N_STATUSES];
      guint n = desk_ticket_workflow_path (d->kind, d->status, status, path);

      for (guint i = 0; i < n; i++)
        if (path[i] == DESK_STATUS_FORWARDED || path[i] == DESK_STATUS_DISPATCHED)
          {
            self->pending_status = status;
            gtk_menu_button_popup (self->assign_button);
            return;
          }
    }

  /* A notice whose rectification nobody has verified is the usual reason
   * a complaint comes back: closing over it is a decision, so ask. */
  if (status == DESK_STATUS_CLOSED && (notice = unverified_notice (self)) != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  _("Close With an Unverified Notice?"), NULL);
      const DeskNoticeData *n = desk_notice_get_data (notice);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      n->state == DESK_NOTICE_RECTIFIED
                                      /* Translators: notice number, then ticket number */
                                      ? _("Rectification notice %s is marked rectified, but nobody has verified the work. Close %s anyway?")
                                      /* Translators: notice number, then ticket number */
                                      : _("Rectification notice %s is not rectified yet. Close %s anyway?"),
                                      desk_notice_get_number (notice), d->number);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "close", _("C_lose Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_anyway_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  set_status (self, status);
}

static void
escalate_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DeskTicketDetail *self)
{
  GtkEditable *reason_entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (reason_entry)));
  g_autoptr(GError) error = NULL;
  const DeskTicketData *d;
  gboolean ok;

  if (!g_str_equal (response, "escalate") || self->ticket == NULL)
    return;

  d = desk_ticket_get_data (self->ticket);
  ok = desk_ticket_store_escalate (self->database, d->id, d->revision, self->actor_id,
                                   reason[0] != '\0' ? reason : NULL, &error);
  finish_change (self, ok, error);
}

/* Escalating hands the ticket to a manager: ask why, so that the manager
 * reads the reason on the timeline instead of calling back to ask. */
static void
escalate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->ticket == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Escalate Ticket?"), NULL);
  /* Translators: %s is a ticket number */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s goes to the next manager in the chain. The reason is kept on its timeline."),
                                  desk_ticket_get_number (self->ticket));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for escalating"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "escalate", _("_Escalate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "escalate",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "escalate");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (escalate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
acknowledge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->ticket == NULL)
    return;

  ok = desk_alert_store_acknowledge (self->database, desk_ticket_get_id (self->ticket), self->actor_id,
                                     g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  finish_change (self, ok, error);
}

static void
load_office_lists (DeskTicketDetail *self)
{
  g_autoptr(GtkStringList) department_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) staff_names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);

  self->departments = desk_office_store_list_departments (self->database, &error);
  if (self->departments == NULL)
    {
      g_warning ("Could not list the departments: %s", error->message);
      self->departments = g_ptr_array_new ();
      g_clear_error (&error);
    }
  self->staff = desk_office_store_list_staff (self->database, &error);
  if (self->staff == NULL)
    {
      g_warning ("Could not list the staff: %s", error->message);
      self->staff = g_ptr_array_new ();
    }

  gtk_string_list_append (department_names, _("Not forwarded"));
  for (guint i = 0; i < self->departments->len; i++)
    gtk_string_list_append (department_names,
                            desk_department_get_name (g_ptr_array_index (self->departments, i)));

  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (department_names));
}

static gint64
chosen_department_id (DeskTicketDetail *self)
{
  guint department = gtk_drop_down_get_selected (self->department_dropdown);

  if (self->departments == NULL || department == GTK_INVALID_LIST_POSITION || department == 0 ||
      department > self->departments->len)
    return 0;
  return desk_department_get_id (g_ptr_array_index (self->departments, department - 1));
}

static gint64 owner_order_department;

static int
compare_owner_order (gconstpointer a,
                     gconstpointer b)
{
  gboolean a_in = desk_staff_get_department_id (*(DeskStaff **)a) == owner_order_department;
  gboolean b_in = desk_staff_get_department_id (*(DeskStaff **)b) == owner_order_department;

  return b_in - a_in;
}

/* The owner list: the chosen department's people first (the ones a
 * ticket forwarded there goes to), then everyone else, each part in the
 * office's order; the owner chosen stays chosen. */
static void
fill_owner_list (DeskTicketDetail *self,
                 gint64            keep_owner_id)
{
  g_autoptr(GtkStringList) staff_names = gtk_string_list_new (NULL);
  guint selected = 0;

  owner_order_department = chosen_department_id (self);
  if (owner_order_department > 0)
    g_ptr_array_sort (self->staff, compare_owner_order);  /* stable: a merge sort */

  gtk_string_list_append (staff_names, _("Unassigned"));
  for (guint i = 0; i < self->staff->len; i++)
    {
      DeskStaff *person = g_ptr_array_index (self->staff, i);
      g_autofree char *name = desk_staff_dup_display_name (person);

      gtk_string_list_append (staff_names, name);
      if (desk_staff_get_id (person) == keep_owner_id)
        selected = i + 1;
    }

  self->filling_owners = TRUE;
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (staff_names));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  self->filling_owners = FALSE;
}

static gint64
chosen_owner_id (DeskTicketDetail *self)
{
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);

  if (self->staff == NULL || owner == GTK_INVALID_LIST_POSITION || owner == 0 || owner > self->staff->len)
    return 0;
  return desk_staff_get_id (g_ptr_array_index (self->staff, owner - 1));
}

void
_desk_ticket_detail_department_chosen_cb (DeskTicketDetail *self)
{
  if (self->staff == NULL || self->filling_owners)
    return;
  fill_owner_list (self, chosen_owner_id (self));
}

void
_desk_ticket_detail_assign_popover_show_cb (DeskTicketDetail *self,
                                            GtkPopover       *popover)
{
  const DeskTicketData *d;

  if (self->ticket == NULL || self->database == NULL)
    return;

  /* People and departments change in Preferences: read them each time. */
  load_office_lists (self);

  d = desk_ticket_get_data (self->ticket);
  self->filling_owners = TRUE;
  gtk_drop_down_set_selected (self->department_dropdown, 0);
  for (guint i = 0; i < self->departments->len; i++)
    if (desk_department_get_id (g_ptr_array_index (self->departments, i)) == d->department_id)
      gtk_drop_down_set_selected (self->department_dropdown, i + 1);
  self->filling_owners = FALSE;

  fill_owner_list (self, d->owner_id);

  /* Opened by choosing Forwarded: the button says it does both. */
  if (self->pending_status == DESK_STATUS_FORWARDED)
    gtk_button_set_label (self->assign_confirm_button, _("Assign and _Forward"));
  else if (self->pending_status == DESK_STATUS_DISPATCHED)
    gtk_button_set_label (self->assign_confirm_button, _("Assign and _Dispatch"));
  else if (self->pending_status >= 0)
    {
      /* Translators: on the assign button when a status further along was chosen, e.g. "Assign and Mark Contacted" */
      g_autofree char *label = g_strdup_printf (_("Assign and Mark %s"),
                                                desk_ticket_status_get_label (self->pending_status));

      gtk_button_set_label (self->assign_confirm_button, label);
    }
  else
    gtk_button_set_label (self->assign_confirm_button, _("_Assign"));
}

/* Dismissed without assigning: a Forwarded chosen before is dropped. */
void
_desk_ticket_detail_assign_popover_closed_cb (DeskTicketDetail *self,
                                              GtkPopover       *popover)
{
  self->pending_status = -1;
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);
  const DeskTicketData *d;
  g_autoptr(GError) error = NULL;
  gint64 department_id;
  gint64 owner_id;
  int pending;
  gboolean ok;

  if (self->ticket == NULL || self->departments == NULL)
    return;

  department_id = chosen_department_id (self);
  owner_id = chosen_owner_id (self);
  pending = self->pending_status;

  gtk_popover_popdown (self->assign_popover);

  d = desk_ticket_get_data (self->ticket);
  ok = desk_ticket_store_assign (self->database, d->id, d->revision, department_id, owner_id,
                                 self->actor_id, &error);
  finish_change (self, ok, error);

  /* Chosen Forwarded before there was a department: now it goes. */
  if (ok && pending >= 0 && department_id > 0 && self->ticket != NULL)
    set_status (self, pending);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->ticket == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  if (!desk_ticket_store_add_note (self->database, desk_ticket_get_id (self->ticket),
                                   self->actor_id, text, &error))
    {
      _desk_widget_add_toast (GTK_WIDGET (self), "%s", error->message);
      return;
    }

  _desk_entry_row_set_text (self->note_row, "");
  desk_ticket_detail_reload (self);
}

void
_desk_ticket_detail_note_apply_cb (DeskTicketDetail *self,
                                   AdwEntryRow      *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "detail.add-note", NULL);
}

/* The ticket named in the link popover, or NULL with a toast. */
static DeskTicket *
find_other (DeskTicketDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->other_entry))));
  DeskTicket *other;

  if (number[0] == '\0')
    {
      _desk_widget_add_toast (GTK_WIDGET (self), "%s",
                              _("Other ticket: enter the number of the ticket"));
      return NULL;
    }

  other = desk_ticket_store_find_number (self->database, number, &error);
  if (other == NULL)
    _desk_widget_add_toast (GTK_WIDGET (self), "%s", error->message);

  return other;
}

typedef gboolean (*LinkFunc) (DeskDatabase  *db,
                              gint64         id,
                              gint64         other_id,
                              gint64         actor_id,
                              GError       **error);

/* Link and merge differ only in what the store does with the pair. */
static void
link_with_other (DeskTicketDetail *self,
                 LinkFunc          func)
{
  g_autoptr(DeskTicket) other = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->ticket == NULL || (other = find_other (self)) == NULL)
    return;

  gtk_popover_popdown (self->link_popover);
  ok = func (self->database, desk_ticket_get_id (self->ticket),
             desk_ticket_get_id (other), self->actor_id, &error);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (self->other_entry), "");
  finish_change (self, ok, error);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  link_with_other (DESK_TICKET_DETAIL (widget), desk_ticket_store_link);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   DeskTicketDetail *self)
{
  if (g_str_equal (response, "merge"))
    link_with_other (self, desk_ticket_store_merge);
}

/* A merge closes this ticket for good: say which two tickets and ask. */
static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);
  g_autoptr(DeskTicket) other = NULL;
  GtkWidget *dialog;

  if (self->ticket == NULL || (other = find_other (self)) == NULL)
    return;

  gtk_popover_popdown (self->link_popover);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Merge Tickets?"), NULL);
  /* Translators: both %s are ticket numbers */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s is closed as merged into %s. Both timelines are kept; the merge cannot be undone."),
                                  desk_ticket_get_number (self->ticket),
                                  desk_ticket_get_number (other));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_desk_ticket_detail_class_actions_init (DeskTicketDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "detail.set-status", "i", set_status_action);
  gtk_widget_class_install_action (widget_class, "detail.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "detail.escalate", NULL, escalate_action);
  gtk_widget_class_install_action (widget_class, "detail.acknowledge", NULL, acknowledge_action);
  gtk_widget_class_install_action (widget_class, "detail.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "detail.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "detail.merge", NULL, merge_action);
}
