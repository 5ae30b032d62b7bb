/* desk-ticket-detail.c
 *
 * The ticket detail pane itself: the type and its template, showing a
 * ticket (its badges, fields and timeline, kept true by the minute
 * clock) and the public functions.  What can be done with the ticket is
 * in desk-ticket-detail-actions.c; the two share the instance struct
 * through desk-ticket-detail-private.h.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-deadline-store.h"
#include "desk-enums.h"
#include "desk-ticket-store.h"
#include "desk-ticket-workflow.h"

#include "desk-gui-private.h"
#include "desk-minute-clock.h"
#include "desk-checklist-view.h"
#include "desk-ticket-detail-private.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-event-text.h"
#include "desk-ticket-format.h"
#include "desk-ticket-notices.h"

G_DEFINE_FINAL_TYPE (DeskTicketDetail, desk_ticket_detail, ADW_TYPE_BIN)

/* Showing a ticket */

static void
add_field (DeskTicketDetail *self,
           int               row,
           const char       *name,
           const char       *value)
{
  GtkWidget *key = gtk_label_new (name);
  GtkWidget *text = gtk_label_new (value && *value ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_label_set_yalign (GTK_LABEL (key), 0);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_grid_attach (self->field_grid, key, 0, row, 1, 1);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (self->field_grid, text, 1, row, 1, 1);
}

static char *
number_of (DeskTicketDetail *self,
           gint64            id)
{
  g_autoptr(DeskTicket) other = NULL;

  if (id == 0)
    return NULL;

  other = desk_ticket_store_get (self->database, id, NULL);

  return other ? g_strdup (desk_ticket_get_number (other)) : NULL;
}

static void
show_fields (DeskTicketDetail     *self,
             const DeskTicketData *d)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *kind = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *received = NULL;
  g_autofree char *received_time = NULL;
  g_autofree char *age = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *repeat = NULL;
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->field_grid))) != NULL)
    gtk_grid_remove (self->field_grid, child);

  if (d->kind == DESK_TICKET_REPAIR)
    /* Translators: a repair order's kind and how it is done, e.g. "Repair order · on site" */
    kind = g_strdup_printf (C_("ticket kind", "%s · %s"), desk_ticket_kind_get_label (d->kind),
                            d->on_site ? _("on site") : _("sent in"));
  else
    kind = g_strdup (desk_ticket_kind_get_label (d->kind));
  add_field (self, row++, _("Kind"), kind);

  if (d->customer_phone != NULL && d->customer_phone[0] != '\0')
    /* Translators: a customer's name and phone number */
    customer = g_strdup_printf (C_("customer", "%s · %s"), d->customer_name, d->customer_phone);
  else
    customer = g_strdup (d->customer_name);
  add_field (self, row++, _("Customer"), customer);
  add_field (self, row++, _("Asset"), d->asset_label);
  add_field (self, row++, _("Category"), d->category_name);
  add_field (self, row++, _("Channel"), desk_channel_get_label (d->channel));
  add_field (self, row++, _("Department"),
             d->department_name ? d->department_name : _("Not forwarded yet"));
  add_field (self, row++, _("Owner"), d->owner_name ? d->owner_name : _("Unassigned"));

  received_time = _desk_format_time (d->received_at);
  age = _desk_format_age (d->received_at, now);
  /* Translators: when a ticket was received, then how long ago, e.g. "2026-03-12 14:05 (3 h)" */
  received = g_strdup_printf (C_("received", "%s (%s)"), received_time, age);
  add_field (self, row++, _("Received"), received);

  if (d->closed_at > 0)
    {
      g_autofree char *closed = _desk_format_time (d->closed_at);

      add_field (self, row++, _("Closed"), closed);
    }
  else if (d->next_deadline > 0)
    {
      g_autofree char *when = _desk_format_time (d->next_deadline);
      g_autofree char *left = _desk_format_deadline (d->next_deadline, now);
      g_autoptr(GArray) deadlines = desk_deadline_store_evaluate (self->database, d->id, now, NULL);
      const DeskDeadline *next = NULL;

      /* The clerk needs what is due and who must do it, not only when:
       * "Contact the customer · Department manager · 14:25". */
      for (guint i = 0; deadlines != NULL && i < deadlines->len && next == NULL; i++)
        {
          const DeskDeadline *dl = &g_array_index (deadlines, DeskDeadline, i);

          if (dl->due_at == d->next_deadline && dl->met_at == 0)
            next = dl;
        }
      if (next != NULL)
        /* Translators: the next deadline: what is due, who must act, when, how long is left */
        deadline = g_strdup_printf (_("%s · %s · %s (%s)"), desk_rule_get_label (next->rule),
                                    desk_role_get_label (next->rule->role), when, left);
      else
        deadline = g_strdup_printf (C_("received", "%s (%s)"), when, left);
      add_field (self, row++, _("Next Deadline"), deadline);
    }

  if (d->escalation_level > 0)
    {
      /* The escalation chain starts at the department manager. */
      static const DeskRole chain[] = {
        DESK_ROLE_DEPARTMENT_MANAGER,
        DESK_ROLE_BRANCH_GENERAL_MANAGER,
        DESK_ROLE_GENERAL_MANAGER,
      };
      int level = CLAMP (d->escalation_level, 0, (int)G_N_ELEMENTS (chain) - 1);

      add_field (self, row++, _("Escalated To"), desk_role_get_label (chain[level]));
    }

  if (d->repeat_count > 1)
    {
      g_autofree char *ordinal = _desk_format_repeat (d->repeat_count);
      g_autofree char *of = number_of (self, d->repeat_of);

      if (of != NULL)
        /* Translators: e.g. "2nd complaint, repeats TS-2026-000123" */
        repeat = g_strdup_printf (_("%s complaint, repeats %s"), ordinal, of);
      else
        repeat = g_strdup_printf (_("%s complaint"), ordinal);
      add_field (self, row++, _("Repeat"), repeat);
    }

  if (d->merged_into != 0)
    {
      g_autofree char *into = number_of (self, d->merged_into);

      add_field (self, row++, _("Merged Into"), into);
    }
}

static GtkWidget *
event_row_new (DeskDatabase          *db,
               const DeskTicketEvent *e)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *when = _desk_format_time (e->at);
  g_autofree char *what = desk_ticket_event_describe (db, e);
  g_autofree char *meta = NULL;
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Translators: who did something and when, e.g. "王丽 · 2026-03-12 14:05" */
  meta = g_strdup_printf (C_("timeline", "%s · %s"),
                          e->staff_name && *e->staff_name ? e->staff_name : _("System"), when);
  label = gtk_label_new (meta);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (what);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), label);

  /* A notice's entries name the recipient or person in their text already. */
  if (e->note != NULL && e->note[0] != '\0' && !g_str_has_prefix (e->kind, "notice"))
    {
      label = gtk_label_new (e->note);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "desk-note");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
show_timeline (DeskTicketDetail *self,
               gint64            id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);

  events = desk_ticket_store_timeline (self->database, id, &error);
  if (events == NULL)
    {
      g_warning ("Could not read the timeline: %s", error->message);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->timeline_list, event_row_new (self->database, g_ptr_array_index (events, i)));
}

static void
show_status_menu (DeskTicketDetail     *self,
                  const DeskTicketData *d)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) next_steps = g_menu_new ();
  g_autoptr(GMenu) further = g_menu_new ();
  DeskTicketStatus reachable[DESK_N_STATUSES];
  guint n;

  /* The next steps first; below them the statuses further along, which
   * go there step by step in one change. */
  n = desk_ticket_workflow_reachable (d->kind, d->status, reachable);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (desk_ticket_status_get_label (reachable[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "detail.set-status",
                                               g_variant_new_int32 (reachable[i]));
      g_menu_append_item (desk_ticket_workflow_allows (d->kind, d->status, reachable[i]) ? next_steps : further,
                          item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (next_steps));
  if (g_menu_model_get_n_items (G_MENU_MODEL (further)) > 0)
    g_menu_append_section (menu, _("Further Along"), G_MENU_MODEL (further));

  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), n > 0);
}

static void
set_badge (GtkLabel   *badge,
           const char *text,
           const char *kind,
           const char *nick)
{
  g_autofree char *variant = g_strconcat ("desk-", kind, "-", nick, NULL);
  g_autofree char *base = g_strconcat ("desk-", kind, NULL);
  const char *classes[] = { "desk-badge", base, variant, NULL };

  gtk_label_set_label (badge, text);
  gtk_widget_set_css_classes (GTK_WIDGET (badge), classes);
}

static void
show_ticket (DeskTicketDetail *self)
{
  const DeskTicketData *d;

  _desk_ticket_detail_update_actions (self);

  if (self->ticket == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  d = desk_ticket_get_data (self->ticket);
  gtk_label_set_label (self->number_label, d->number);
  gtk_label_set_label (self->summary_label, d->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->major_badge), d->major);
  set_badge (self->severity_badge, desk_severity_get_label (d->severity), "severity",
             desk_enum_to_nick (DESK_TYPE_SEVERITY, d->severity));
  set_badge (self->status_badge, desk_ticket_status_get_label (d->status), "status",
             desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, d->status));

  show_fields (self, d);
  gtk_label_set_label (self->description_label, d->description ? d->description : "");
  gtk_widget_set_visible (self->description_box, d->description != NULL && d->description[0] != '\0');
  desk_ticket_notices_set_ticket (self->notices_section, self->ticket);
  show_timeline (self, d->id);
  show_status_menu (self, d);

  gtk_stack_set_visible_child_name (self->stack, "ticket");
}

/* "due in 5 min" stays true while the ticket is shown. */
static void
minute_tick_cb (DeskTicketDetail *self)
{
  if (self->ticket != NULL)
    show_fields (self, desk_ticket_get_data (self->ticket));
}

/* Public */

static void
database_changed_cb (DeskTicketDetail *self,
                     const char       *table,
                     gint64            id,
                     DeskDatabase     *database)
{
  if (self->ticket != NULL && g_strcmp0 (table, "tickets") == 0 &&
      id == desk_ticket_get_id (self->ticket))
    desk_ticket_detail_reload (self);
}

void
desk_ticket_detail_set_office (DeskTicketDetail *self,
                               DeskDatabase     *database,
                               gint64            actor_id)
{
  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));
  g_return_if_fail (DESK_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  self->actor_id = actor_id;
  self->changed_id = g_signal_connect_swapped (database, "changed",
                                               G_CALLBACK (database_changed_cb), self);
  desk_ticket_notices_set_office (self->notices_section, database, actor_id);
}

void
desk_ticket_detail_set_actor (DeskTicketDetail *self,
                              gint64            actor_id)
{
  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));

  self->actor_id = actor_id;
  if (self->database != NULL)
    desk_ticket_notices_set_office (self->notices_section, self->database, actor_id);
}

void
desk_ticket_detail_set_ticket (DeskTicketDetail *self,
                               DeskTicket       *ticket)
{
  gboolean same_ticket;

  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));
  g_return_if_fail (!ticket || DESK_IS_TICKET (ticket));

  if (ticket == self->ticket)
    return;

  /* The same ticket at the same revision: nothing to redraw (and the
   * note being typed stays). */
  if (ticket != NULL && self->ticket != NULL &&
      desk_ticket_get_id (ticket) == desk_ticket_get_id (self->ticket) &&
      desk_ticket_get_data (ticket)->revision <= desk_ticket_get_data (self->ticket)->revision)
    return;

  same_ticket = ticket != NULL && self->ticket != NULL &&
                desk_ticket_get_id (ticket) == desk_ticket_get_id (self->ticket);

  g_set_object (&self->ticket, ticket);
  if (!same_ticket)
    {
      _desk_entry_row_set_text (self->note_row, "");
      gtk_editable_set_text (GTK_EDITABLE (self->other_entry), "");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  show_ticket (self);
  if (!same_ticket && self->database != NULL)
    desk_checklist_view_set_ticket (self->checklist_view, self->database,
                                    ticket ? desk_ticket_get_id (ticket) : 0, self->actor_id);
}

DeskTicket *
desk_ticket_detail_get_ticket (DeskTicketDetail *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DETAIL (self), NULL);

  return self->ticket;
}

void
desk_ticket_detail_reload (DeskTicketDetail *self)
{
  g_autoptr(DeskTicket) latest = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));

  if (self->ticket == NULL || self->database == NULL)
    return;

  latest = desk_ticket_store_get (self->database, desk_ticket_get_id (self->ticket), &error);
  if (latest == NULL)
    {
      g_warning ("Could not read the ticket again: %s", error->message);
      return;
    }

  g_set_object (&self->ticket, latest);
  show_ticket (self);
}

/* GObject */

static void
desk_ticket_detail_dispose (GObject *object)
{
  DeskTicketDetail *self = (DeskTicketDetail *)object;

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  desk_minute_clock_disconnect (self->tick_id);
  self->tick_id = 0;

  G_OBJECT_CLASS (desk_ticket_detail_parent_class)->dispose (object);

  g_clear_object (&self->ticket);
  g_clear_object (&self->database);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
}

static void
desk_ticket_detail_class_init (DeskTicketDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_ticket_detail_dispose;

  g_type_ensure (DESK_TYPE_TICKET_NOTICES);
  g_type_ensure (DESK_TYPE_CHECKLIST_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-ticket-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, number_label);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, major_badge);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, severity_badge);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, status_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, assign_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, assign_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, assign_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, escalate_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, acknowledge_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, link_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, link_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, other_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, field_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, description_box);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, description_label);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, notices_section);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, checklist_view);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, note_row);
  /* Defined in desk-ticket-detail-actions.c; the template names them so. */
  gtk_widget_class_bind_template_callback_full (widget_class, "desk_ticket_detail_assign_popover_show_cb",
                                                G_CALLBACK (_desk_ticket_detail_assign_popover_show_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "desk_ticket_detail_assign_popover_closed_cb",
                                                G_CALLBACK (_desk_ticket_detail_assign_popover_closed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "desk_ticket_detail_department_chosen_cb",
                                                G_CALLBACK (_desk_ticket_detail_department_chosen_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "desk_ticket_detail_note_apply_cb",
                                                G_CALLBACK (_desk_ticket_detail_note_apply_cb));

  _desk_ticket_detail_class_actions_init (klass);
}

static void
desk_ticket_detail_init (DeskTicketDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending_status = -1;
  _desk_ticket_detail_update_actions (self);
  self->tick_id = desk_minute_clock_connect (G_OBJECT (self), G_CALLBACK (minute_tick_cb));
}
