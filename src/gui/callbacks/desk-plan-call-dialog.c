/* desk-plan-call-dialog.c
 *
 * The Plan Calls dialog: one call by hand (to a ticket's customer or a
 * phone number, at a suggested time in the next call window) or a campaign
 * (a site's customers, or a sample of the customers of tickets closed in a
 * period); a wrong field is named in the dialog.  Opened by the
 * callbacks.plan action of the Callbacks view.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-plan-call-dialog"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "desk-callback-store.h"
#include "desk-customer-store.h"
#include "desk-deadline-store.h"
#include "desk-gui-private.h"
#include "desk-plan-call-dialog.h"
#include "desk-text.h"
#include "desk-ticket-store.h"

struct _DeskPlanCallDialog
{
  AdwWindow     parent_instance;

  DeskDatabase *db;
  gint64        assignee_id;

  /* Template widgets */
  GtkLabel     *error_label;
  GtkStack     *mode_stack;
  AdwEntryRow  *ticket_row;
  AdwEntryRow  *phone_row;
  AdwEntryRow  *when_row;
  AdwEntryRow  *note_row;
  AdwEntryRow  *name_row;
  AdwEntryRow  *site_row;
  AdwEntryRow  *from_row;
  AdwEntryRow  *to_row;
  AdwEntryRow  *sample_row;
};

G_DEFINE_FINAL_TYPE (DeskPlanCallDialog, desk_plan_call_dialog, ADW_TYPE_WINDOW)

static GTimeZone *
office_timezone (void)
{
  return desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (NULL));
}

static const char *
text_of (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  return desk_text_is_blank (text) ? NULL : text;
}

static void
show_error (DeskPlanCallDialog *self,
            const char         *message,
            AdwEntryRow        *row)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" in office time; 0 when empty. */
static gboolean
parse_time (AdwEntryRow *row,
            gboolean     with_time,
            gint64      *when)
{
  const char *text = text_of (row);
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0;
  char tail;

  *when = 0;
  if (text == NULL)
    return TRUE;
  if (with_time ? sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &tail) != 5
                : sscanf (text, "%d-%d-%d%c", &y, &mo, &d, &tail) != 3)
    return FALSE;
  dt = g_date_time_new (office_timezone (), y, mo, d, h, mi, 0);
  if (dt == NULL)
    return FALSE;
  *when = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
plan_one (DeskPlanCallDialog  *self,
          GError             **error)
{
  g_autoptr(DeskTicket) ticket = NULL;
  gint64 customer = 0, ticket_id = 0, at = 0;

  if (!parse_time (self->when_row, TRUE, &at))
    {
      show_error (self, _("When: write a time like 2026-03-31 16:30, or leave it empty for the next call window"),
                  self->when_row);
      return FALSE;
    }

  if (text_of (self->ticket_row) != NULL)
    {
      g_autofree char *number = g_strstrip (g_strdup (text_of (self->ticket_row)));

      ticket = desk_ticket_store_find_number (self->db, number, error);
      if (ticket == NULL)
        return FALSE;
      ticket_id = desk_ticket_get_id (ticket);
      customer = desk_ticket_get_data (ticket)->customer_id;
    }
  else if (text_of (self->phone_row) != NULL)
    {
      customer = desk_customer_store_find_by_phone (self->db, text_of (self->phone_row), NULL, error);
      if (customer == 0)
        {
          if (error != NULL && *error == NULL)
            show_error (self, _("Customer’s phone: no customer has this number"), self->phone_row);
          return FALSE;
        }
    }
  else
    {
      show_error (self, _("Ticket number or customer’s phone: say whom to call"), self->ticket_row);
      return FALSE;
    }

  return desk_callback_store_add (self->db, customer, ticket_id, DESK_CALLBACK_MANUAL, at, self->assignee_id,
                                  text_of (self->note_row), error) > 0;
}

static gboolean
plan_campaign (DeskPlanCallDialog  *self,
               GError             **error)
{
  DeskCampaign campaign = { 0 };
  guint64 sample = 0;

  if (!parse_time (self->from_row, FALSE, &campaign.closed_from))
    {
      show_error (self, _("Tickets closed from: write a day like 2026-03-01"), self->from_row);
      return FALSE;
    }
  if (!parse_time (self->to_row, FALSE, &campaign.closed_to))
    {
      show_error (self, _("… up to: write a day like 2026-03-31"), self->to_row);
      return FALSE;
    }
  if (campaign.closed_to > 0)
    campaign.closed_to += 24 * 60 * 60;
  if (text_of (self->sample_row) != NULL &&
      !g_ascii_string_to_unsigned (text_of (self->sample_row), 10, 1, 100000, &sample, NULL))
    {
      show_error (self, _("Random sample: write a number of tickets, or leave it empty"), self->sample_row);
      return FALSE;
    }

  campaign.name = text_of (self->name_row);
  campaign.site = text_of (self->site_row);
  campaign.sample = sample;
  campaign.seed = g_random_int ();
  campaign.assignee_id = self->assignee_id;

  return desk_callback_store_add_campaign (self->db, &campaign, g_get_real_time () / G_USEC_PER_SEC, error) >= 0;
}

static void
desk_plan_call_dialog_save (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DeskPlanCallDialog *self = DESK_PLAN_CALL_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gboolean campaign = g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "campaign") == 0;
  gboolean planned;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  planned = campaign ? plan_campaign (self, &error) : plan_one (self, &error);
  if (!planned)
    {
      if (error != NULL)
        show_error (self, error->message, NULL);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

DeskPlanCallDialog *
desk_plan_call_dialog_new (GtkWindow    *parent,
                           DeskDatabase *db,
                           gint64        assignee_id)
{
  DeskPlanCallDialog *self;
  DeskWorkCalendar *calendar;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *suggested = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  self = g_object_new (DESK_TYPE_PLAN_CALL_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->assignee_id = assignee_id;

  calendar = desk_calendar_store_get_office_calendar (db);
  utc = g_date_time_new_from_unix_utc (desk_callback_suggest_time (calendar, g_get_real_time () / G_USEC_PER_SEC));
  local = g_date_time_to_timezone (utc, office_timezone ());
  suggested = g_date_time_format (local, "%Y-%m-%d %H:%M");
  _desk_entry_row_set_text (self->when_row, suggested);

  return self;
}

static void
desk_plan_call_dialog_dispose (GObject *object)
{
  DeskPlanCallDialog *self = (DeskPlanCallDialog *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (desk_plan_call_dialog_parent_class)->dispose (object);
}

static void
desk_plan_call_dialog_class_init (DeskPlanCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_plan_call_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-plan-call-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, ticket_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPlanCallDialog, sample_row);

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, desk_plan_call_dialog_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_plan_call_dialog_init (DeskPlanCallDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _desk_widget_add_ctrl_enter (GTK_WIDGET (self), "plan.save");
}
