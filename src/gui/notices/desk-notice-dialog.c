/* desk-notice-dialog.c
 *
 * The Issue Notice form for a ticket, or for the correction of an earlier
 * notice: the recipient (a department or an earlier recipient from a menu;
 * a new name is issued only on a second press), the deadline, the problem
 * (filled in from the ticket) and the rectification required.  A field the
 * store refuses is marked and focused.  Opened from the ticket's notices
 * section (desk-ticket-notices.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notice-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-notice-store.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

#include "desk-notice-dialog.h"
#include "desk-gui-private.h"

struct _DeskNoticeDialog
{
  AdwWindow     parent_instance;

  DeskDatabase *database;
  DeskTicket   *ticket;
  DeskNotice   *replaced;    /* NULL: a new notice, else the one corrected */
  gint64        actor_id;
  GPtrArray    *departments;
  GStrv         earlier_recipients;  /* of earlier notices, by name */
  /* A recipient neither a department nor an earlier one is issued to
   * when Issue is pressed a second time for the same name: typed
   * deliberately, not by a slip. */
  char         *confirmed_recipient;

  /* Template widgets */
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwPreferencesGroup *ticket_group;
  AdwEntryRow        *recipient_row;
  GtkMenuButton      *recipient_menu_button;
  AdwEntryRow        *due_row;
  GtkFrame           *problem_frame;
  GtkTextView        *problem_view;
  GtkFrame           *rectification_frame;
  GtkTextView        *rectification_view;
};

G_DEFINE_FINAL_TYPE (DeskNoticeDialog, desk_notice_dialog, ADW_TYPE_WINDOW)

enum {
  ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
clear_marks (DeskNoticeDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->recipient_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->recipient_row), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_frame), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->rectification_frame), "error");
}

static void
show_error (DeskNoticeDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
desk_notice_dialog_field_changed_cb (DeskNoticeDialog *self)
{
  clear_marks (self);
  show_error (self, NULL);
}

/* The field the store named: marked, focused, and the message shown. */
static void
point_at (DeskNoticeDialog *self,
          const GError     *error)
{
  GtkWidget *field = NULL;

  if (error->domain == DESK_NOTICE_STORE_ERROR)
    switch (error->code)
      {
      case DESK_NOTICE_STORE_ERROR_RECIPIENT:
        field = GTK_WIDGET (self->recipient_row);
        break;
      case DESK_NOTICE_STORE_ERROR_DUE_DATE:
        field = GTK_WIDGET (self->due_row);
        break;
      case DESK_NOTICE_STORE_ERROR_PROBLEM:
        field = GTK_WIDGET (self->problem_frame);
        break;
      case DESK_NOTICE_STORE_ERROR_RECTIFICATION:
        field = GTK_WIDGET (self->rectification_frame);
        break;
      default:
        break;
      }

  show_error (self, error->message);
  if (field == NULL)
    return;

  gtk_widget_add_css_class (field, "error");
  if (GTK_IS_FRAME (field))
    gtk_widget_grab_focus (gtk_frame_get_child (GTK_FRAME (field)));
  else
    gtk_widget_grab_focus (field);
}

static gint64
department_id_named (DeskNoticeDialog *self,
                     const char       *name)
{
  for (guint i = 0; self->departments && i < self->departments->len; i++)
    if (g_strcmp0 (desk_department_get_name (self->departments->pdata[i]), name) == 0)
      return desk_department_get_id (self->departments->pdata[i]);
  return 0;
}

typedef enum
{
  RECIPIENT_NONE,
  RECIPIENT_DEPARTMENT,
  RECIPIENT_EARLIER,
  RECIPIENT_NEW,
} RecipientKind;

static RecipientKind
recipient_kind (DeskNoticeDialog *self,
                const char       *name)
{
  if (name == NULL || *name == '\0')
    return RECIPIENT_NONE;
  if (department_id_named (self, name) > 0)
    return RECIPIENT_DEPARTMENT;
  if (self->earlier_recipients != NULL && g_strv_contains ((const char * const *)self->earlier_recipients, name))
    return RECIPIENT_EARLIER;
  return RECIPIENT_NEW;
}

static char *
recipient_text (DeskNoticeDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->recipient_row))));
}

/* Under the form's title: what the notice will print as its recipient,
 * and whether that is a department, an earlier recipient or a new one. */
static void
describe_recipient (DeskNoticeDialog *self)
{
  g_autofree char *name = recipient_text (self);
  g_autofree char *description = NULL;

  switch (recipient_kind (self, name))
    {
    case RECIPIENT_DEPARTMENT:
      /* Translators: %s is the recipient as the notice prints it */
      description = g_strdup_printf (_("Prints “%s” as the recipient: a department of the office"), name);
      break;
    case RECIPIENT_EARLIER:
      description = g_strdup_printf (_("Prints “%s” as the recipient: an earlier notice’s recipient"), name);
      break;
    case RECIPIENT_NEW:
      description = g_strdup_printf (_("Prints “%s” as the recipient: a new name, check how it is written"), name);
      break;
    case RECIPIENT_NONE:
    default:
      description = g_strdup (_("Choose who must rectify, or type their name"));
      break;
    }
  adw_preferences_group_set_description (self->ticket_group, description);
}

static void
desk_notice_dialog_recipient_changed_cb (DeskNoticeDialog *self)
{
  /* Any edit of the name is asked about again. */
  g_clear_pointer (&self->confirmed_recipient, g_free);
  desk_notice_dialog_field_changed_cb (self);
  describe_recipient (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DeskNoticeDialog *self = DESK_NOTICE_DIALOG (widget);
  g_autoptr(DeskNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recipient = recipient_text (self);
  g_autofree char *due = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_row))));
  g_autofree char *problem = text_of (self->problem_view);
  g_autofree char *rectification = text_of (self->rectification_view);
  DeskNoticeDraft draft = {
    .ticket_id = desk_ticket_get_id (self->ticket),
    .recipient = recipient,
    .recipient_department_id = department_id_named (self, recipient),
    .problem = problem,
    .rectification = rectification,
    .due_date = due,
    .replaces_id = self->replaced ? desk_notice_get_id (self->replaced) : 0,
  };

  clear_marks (self);

  /* The store's checks first (a blank or nonsense recipient, a bad
   * date), then a new name once more to be sure of it. */
  if (!desk_notice_store_check_draft (&draft, 0, &error))
    {
      point_at (self, error);
      return;
    }
  if (recipient_kind (self, recipient) == RECIPIENT_NEW && g_strcmp0 (self->confirmed_recipient, recipient) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is neither a department nor an earlier recipient. Press Issue again to issue "
                           "the notice to “%s” as written."), recipient, recipient);

      g_free (self->confirmed_recipient);
      self->confirmed_recipient = g_strdup (recipient);
      gtk_widget_add_css_class (GTK_WIDGET (self->recipient_row), "warning");
      show_error (self, message);
      return;
    }

  notice = desk_notice_store_issue (self->database, &draft, self->actor_id, &error);
  if (notice == NULL)
    {
      point_at (self, error);
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[ISSUED], 0, notice);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pick_recipient_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskNoticeDialog *self = DESK_NOTICE_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
}

/* A deadline three working days ahead, the usual time given. */
static char *
default_due_date (void)
{
  g_autoptr(GDateTime) day = _desk_office_now ();
  int working = 0;

  while (working < 3)
    {
      GDateTime *next = g_date_time_add_days (day, 1);

      g_date_time_unref (day);
      day = next;
      if (g_date_time_get_day_of_week (day) <= 5)
        working++;
    }
  return g_date_time_format (day, "%Y-%m-%d");
}

static void
fill_from_ticket (DeskNoticeDialog *self)
{
  const DeskTicketData *d = desk_ticket_get_data (self->ticket);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) departments = g_menu_new ();
  g_autoptr(GMenu) earlier = g_menu_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = default_due_date ();
  g_autofree char *problem = NULL;

  /* Translators: under the notice form's title: ticket number · customer */
  subtitle = g_strdup_printf (_("For %s · %s"), d->number, d->customer_name);
  adw_preferences_group_set_title (self->ticket_group, subtitle);

  self->departments = desk_office_store_list_departments (self->database, &error);
  if (self->departments == NULL)
    g_warning ("Could not list the departments: %s", error->message);
  for (guint i = 0; self->departments && i < self->departments->len; i++)
    {
      const char *name = desk_department_get_name (self->departments->pdata[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "notice.pick-recipient", g_variant_new_string (name));
      g_menu_append_item (departments, item);
    }
  g_menu_append_section (menu, _("Departments"), G_MENU_MODEL (departments));

  /* Project managers and subcontractors earlier notices went to. */
  self->earlier_recipients = desk_notice_store_recipients (self->database, &error);
  if (self->earlier_recipients == NULL)
    {
      g_warning ("Could not list the earlier recipients: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; self->earlier_recipients && self->earlier_recipients[i] != NULL; i++)
    {
      const char *name = self->earlier_recipients[i];
      g_autoptr(GMenuItem) item = NULL;

      if (department_id_named (self, name) > 0)
        continue;
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "notice.pick-recipient", g_variant_new_string (name));
      g_menu_append_item (earlier, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (earlier)) > 0)
    g_menu_append_section (menu, _("Earlier Recipients"), G_MENU_MODEL (earlier));
  gtk_menu_button_set_menu_model (self->recipient_menu_button, G_MENU_MODEL (menu));

  if (d->department_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), d->department_name);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  describe_recipient (self);

  if (d->description != NULL && *d->description != '\0')
    problem = g_strdup_printf ("%s。%s", d->summary, d->description);
  else
    problem = g_strdup (d->summary);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->problem_view), problem, -1);

  /* Edits clear a mark, as the entry rows do. */
  g_signal_connect_object (gtk_text_view_get_buffer (self->problem_view), "changed",
                           G_CALLBACK (desk_notice_dialog_field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->rectification_view), "changed",
                           G_CALLBACK (desk_notice_dialog_field_changed_cb), self, G_CONNECT_SWAPPED);
  clear_marks (self);
}

GtkWindow *
desk_notice_dialog_new (DeskDatabase *database,
                        DeskTicket   *ticket,
                        gint64        actor_id)
{
  DeskNoticeDialog *self;

  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (DESK_IS_TICKET (ticket), NULL);

  self = g_object_new (DESK_TYPE_NOTICE_DIALOG, NULL);
  self->database = g_object_ref (database);
  self->ticket = g_object_ref (ticket);
  self->actor_id = actor_id;
  fill_from_ticket (self);

  /* The recipient is usually right already; the rectification is what
   * the inspector has to write. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->rectification_view));

  return GTK_WINDOW (self);
}

GtkWindow *
desk_notice_dialog_new_correction (DeskDatabase *database,
                                   DeskNotice   *replaced,
                                   gint64        actor_id)
{
  const DeskNoticeData *d;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DeskNoticeDialog *self;

  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (DESK_IS_NOTICE (replaced), NULL);

  d = desk_notice_get_data (replaced);
  ticket = desk_ticket_store_get (database, d->ticket_id, &error);
  if (ticket == NULL)
    {
      g_warning ("Could not read the notice’s ticket: %s", error->message);
      return NULL;
    }

  self = DESK_NOTICE_DIALOG (desk_notice_dialog_new (database, ticket, actor_id));
  self->replaced = g_object_ref (replaced);
  /* Translators: the title of the form that corrects notice %s */
  title = g_strdup_printf (_("Correct Notice %s"), d->number);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), d->recipient);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), d->due_date);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->problem_view), d->problem, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rectification_view), d->rectification, -1);
  clear_marks (self);
  return GTK_WINDOW (self);
}

static void
desk_notice_dialog_finalize (GObject *object)
{
  DeskNoticeDialog *self = (DeskNoticeDialog *)object;

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->earlier_recipients, g_strfreev);
  g_clear_pointer (&self->confirmed_recipient, g_free);
  g_clear_object (&self->replaced);
  g_clear_object (&self->ticket);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (desk_notice_dialog_parent_class)->finalize (object);
}

static void
desk_notice_dialog_class_init (DeskNoticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = desk_notice_dialog_finalize;

  signals[ISSUED] =
    g_signal_new ("issued",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DESK_TYPE_NOTICE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-notice-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, ticket_group);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, recipient_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, problem_frame);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, problem_view);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, rectification_frame);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeDialog, rectification_view);
  gtk_widget_class_bind_template_callback (widget_class, desk_notice_dialog_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_notice_dialog_recipient_changed_cb);

  gtk_widget_class_install_action (widget_class, "notice.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "notice.pick-recipient", "s", pick_recipient_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_notice_dialog_init (DeskNoticeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _desk_widget_add_ctrl_enter (GTK_WIDGET (self), "notice.issue");
}
