/* desk-new-ticket-dialog.c
 *
 * The new-ticket dialog, the intake form used while the phone rings: the
 * caller looked up by phone, name or plate (or entered as a new customer)
 * with their recent tickets, the ticket's kind, category, severity and
 * channel, the switch for a major complaint suggested as the clerk types,
 * and earlier complaints it may repeat.  The Tickets view opens it
 * (desk-tickets-view-actions.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-new-ticket-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-major-complaint.h"
#include "desk-ticket-store.h"

#include "desk-gui-private.h"
#include "desk-new-ticket-dialog.h"
#include "desk-ticket-format.h"

#define LOOKUP_DELAY_MS 150
#define MAX_MATCHES 8
#define MAX_HISTORY 6
#define MAX_REPEATS 3
/* A complaint within this many days of an earlier one may repeat it. */
#define REPEAT_WINDOW_DAYS 60

static const DeskTicketKind kinds[] = {
  DESK_TICKET_COMPLAINT, DESK_TICKET_REPAIR, DESK_TICKET_MAINTENANCE,
};
static const DeskSeverity severities[] = {
  DESK_SEVERITY_LOW, DESK_SEVERITY_NORMAL, DESK_SEVERITY_HIGH, DESK_SEVERITY_URGENT,
};
static const DeskChannel channels[] = {
  DESK_CHANNEL_PHONE, DESK_CHANNEL_WALK_IN, DESK_CHANNEL_DEALER,
  DESK_CHANNEL_EMAIL, DESK_CHANNEL_REGULATOR, DESK_CHANNEL_MEDIA,
};

struct _DeskNewTicketDialog
{
  AdwWindow     parent_instance;

  DeskDatabase *database;
  gint64        actor_id;

  GPtrArray    *categories;   /* DeskCategory, after the "choose" entry */
  GPtrArray    *matches;      /* DeskCustomerMatch, one per result row */
  GPtrArray    *history_rows;
  GPtrArray    *repeats;      /* DeskTicket, one per repeat row */
  GPtrArray    *repeat_rows;
  GtkCheckButton *not_repeat_check;
  GPtrArray    *repeat_checks;

  char         *major_hint;   /* the Major row's subtitle without a suggestion */
  gboolean      major_decided; /* the clerk set the switch: it stays */
  gboolean      suggesting_major;

  gint64        customer_id;  /* the chosen customer, 0: none */
  gint64        asset_id;
  guint         lookup_timeout_id;

  /* Template widgets */
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  AdwEntryRow  *lookup_row;
  AdwExpanderRow *new_customer_row;
  AdwEntryRow  *customer_name_row;
  AdwEntryRow  *customer_phone_row;
  AdwEntryRow  *customer_address_row;
  GtkListBox   *results_list;
  AdwPreferencesGroup *history_group;
  AdwComboRow  *kind_row;
  AdwComboRow  *category_row;
  AdwComboRow  *severity_row;
  AdwComboRow  *channel_row;
  AdwActionRow *on_site_row;
  GtkSwitch    *on_site_switch;
  AdwActionRow *major_row;
  GtkSwitch    *major_switch;
  AdwEntryRow  *summary_row;
  GtkTextView  *description_view;
  AdwPreferencesGroup *repeat_group;
};

G_DEFINE_FINAL_TYPE (DeskNewTicketDialog, desk_new_ticket_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (DeskNewTicketDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static DeskTicketKind
selected_kind (DeskNewTicketDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < G_N_ELEMENTS (kinds) ? kinds[i] : DESK_TICKET_COMPLAINT;
}

static gint64
selected_category (DeskNewTicketDialog *self)
{
  guint i = adw_combo_row_get_selected (self->category_row);

  /* Row 0 asks to choose one. */
  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->categories->len)
    return 0;

  return ((DeskCategory *)g_ptr_array_index (self->categories, i - 1))->id;
}

/* Possible repeats */

static void
clear_group_rows (AdwPreferencesGroup *group,
                  GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void update_major_suggestion (DeskNewTicketDialog *self);

static void
update_repeats (DeskNewTicketDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 category_id = selected_category (self);
  GtkWidget *row;

  clear_group_rows (self->repeat_group, self->repeat_rows);
  g_ptr_array_set_size (self->repeats, 0);
  g_ptr_array_set_size (self->repeat_checks, 0);
  self->not_repeat_check = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), FALSE);

  if (selected_kind (self) != DESK_TICKET_COMPLAINT || self->customer_id == 0 || category_id == 0)
    return;

  g_clear_pointer (&self->repeats, g_ptr_array_unref);
  self->repeats = desk_ticket_store_repeat_candidates (self->database, self->customer_id,
                                                       self->asset_id, category_id,
                                                       REPEAT_WINDOW_DAYS,
                                                       g_get_real_time () / G_USEC_PER_SEC,
                                                       &error);
  if (self->repeats == NULL)
    {
      g_warning ("Could not look for earlier complaints: %s", error->message);
      self->repeats = g_ptr_array_new_with_free_func (g_object_unref);
      return;
    }
  if (self->repeats->len == 0)
    return;
  if (self->repeats->len > MAX_REPEATS)
    g_ptr_array_set_size (self->repeats, MAX_REPEATS);

  /* "Not a repeat" first and chosen: linking is the clerk's decision. */
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not a repeat"));
  self->not_repeat_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_active (self->not_repeat_check, TRUE);
  /* A repeat's number can make the complaint major. */
  g_signal_connect_swapped (self->not_repeat_check, "toggled", G_CALLBACK (update_major_suggestion), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->not_repeat_check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->not_repeat_check));
  adw_preferences_group_add (self->repeat_group, row);
  g_ptr_array_add (self->repeat_rows, row);

  for (guint i = 0; i < self->repeats->len; i++)
    {
      DeskTicket *earlier = g_ptr_array_index (self->repeats, i);
      const DeskTicketData *d = desk_ticket_get_data (earlier);
      g_autofree char *title = NULL;
      g_autofree char *when = _desk_format_time (d->received_at);
      g_autofree char *subtitle = NULL;
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: %s is the number of an earlier complaint */
      title = g_strdup_printf (_("This looks like a repeat of %s"), d->number);
      /* Translators: an earlier complaint: summary · status · when received */
      subtitle = g_strdup_printf (C_("repeat candidate", "%s · %s · %s"), d->summary,
                                  desk_ticket_status_get_label (d->status), when);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->not_repeat_check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_major_suggestion), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->repeat_group, row);
      g_ptr_array_add (self->repeat_rows, row);
      g_ptr_array_add (self->repeat_checks, check);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), TRUE);
}

static gint64
chosen_repeat_of (DeskNewTicketDialog *self)
{
  for (guint i = 0; i < self->repeat_checks->len && i < self->repeats->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->repeat_checks, i)))
      return desk_ticket_get_id (g_ptr_array_index (self->repeats, i));

  return 0;
}

/* What makes a complaint major (desk-major-complaint.c) checked against
 * its words, channel and repeat number as the clerk types: the row says
 * which criteria it meets, and the switch follows until the clerk sets it
 * (then it is their decision and stays). */
static void
update_major_suggestion (DeskNewTicketDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) met = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  GtkTextIter start, end;
  gint64 repeat_of;
  int repeat_number = 1;
  guint i;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  text = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (self->summary_row)), "\n", description, NULL);
  repeat_of = self->repeats != NULL ? chosen_repeat_of (self) : 0;
  for (i = 0; repeat_of != 0 && i < self->repeats->len; i++)
    if (desk_ticket_get_id (g_ptr_array_index (self->repeats, i)) == repeat_of)
      repeat_number = desk_ticket_get_data (g_ptr_array_index (self->repeats, i))->repeat_count + 1;
  i = adw_combo_row_get_selected (self->channel_row);

  met = desk_major_criteria_match (text, i < G_N_ELEMENTS (channels) ? channels[i] : DESK_CHANNEL_PHONE,
                                   repeat_number);
  for (i = 0; i < met->len; i++)
    {
      if (i > 0)
        /* Translators: between the criteria a complaint meets, e.g. "Media, Police" */
        g_string_append (names, C_("list", ", "));
      g_string_append (names, desk_major_criterion_get_label (g_ptr_array_index (met, i)));
    }

  if (met->len > 0)
    {
      /* Translators: the criteria of a major complaint that the text meets */
      g_autofree char *suggestion = g_strdup_printf (_("Looks major: %s"), names->str);

      adw_action_row_set_subtitle (self->major_row, suggestion);
    }
  else
    adw_action_row_set_subtitle (self->major_row, self->major_hint);

  if (!self->major_decided)
    {
      self->suggesting_major = TRUE;
      gtk_switch_set_active (self->major_switch, met->len > 0);
      self->suggesting_major = FALSE;
    }
}

static void
major_switch_changed_cb (DeskNewTicketDialog *self)
{
  if (!self->suggesting_major)
    self->major_decided = TRUE;
}

static void
desk_new_ticket_dialog_repeat_inputs_changed_cb (DeskNewTicketDialog *self)
{
  if (self->database != NULL)
    update_repeats (self);
  update_major_suggestion (self);
}

static void
desk_new_ticket_dialog_kind_changed_cb (DeskNewTicketDialog *self)
{
  DeskTicketKind kind = selected_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->on_site_row), kind == DESK_TICKET_REPAIR);
  gtk_widget_set_visible (GTK_WIDGET (self->major_row), kind == DESK_TICKET_COMPLAINT);
  desk_new_ticket_dialog_repeat_inputs_changed_cb (self);
}

/* The caller */

static void
show_history (DeskNewTicketDialog *self)
{
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  clear_group_rows (self->history_group, self->history_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);

  if (self->customer_id == 0)
    return;

  tickets = desk_ticket_store_for_customer (self->database, self->customer_id, 20, &error);
  if (tickets == NULL)
    {
      g_warning ("Could not read the customer's tickets: %s", error->message);
      return;
    }

  /* Open ones first, then the most recent closed ones. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < tickets->len && shown < MAX_HISTORY; i++)
      {
        DeskTicket *ticket = g_ptr_array_index (tickets, i);
        const DeskTicketData *d = desk_ticket_get_data (ticket);
        g_autofree char *title = NULL;
        g_autofree char *subtitle = NULL;
        g_autofree char *when = NULL;
        GtkWidget *row;

        if (desk_ticket_is_open (ticket) != (pass == 0))
          continue;

        when = _desk_format_time (d->received_at);
        /* Translators: a customer's earlier ticket: number · summary */
        title = g_strdup_printf (C_("customer ticket", "%s · %s"), d->number, d->summary);
        /* Translators: kind · status · when received */
        subtitle = g_strdup_printf (C_("customer ticket", "%s · %s · %s"),
                                    desk_ticket_kind_get_label (d->kind),
                                    desk_ticket_status_get_label (d->status), when);
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        if (desk_ticket_is_open (ticket))
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("mail-unread-symbolic"));
        else
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
        adw_preferences_group_add (self->history_group, row);
        g_ptr_array_add (self->history_rows, row);
        shown++;
      }

  if (shown == 0)
    adw_preferences_group_set_description (self->history_group, _("No earlier tickets."));
  else
    adw_preferences_group_set_description (self->history_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), TRUE);
}

static void
mark_chosen_row (DeskNewTicketDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      DeskCustomerMatch *match = g_object_get_data (G_OBJECT (row), "desk-match");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "desk-check");

      if (match != NULL && check != NULL)
        gtk_widget_set_visible (check, match->customer_id == self->customer_id &&
                                       match->asset_id == self->asset_id);
    }
}

static void
choose_match (DeskNewTicketDialog *self,
              DeskCustomerMatch   *match)
{
  self->customer_id = match ? match->customer_id : 0;
  self->asset_id = match ? match->asset_id : 0;

  if (match != NULL)
    adw_expander_row_set_enable_expansion (self->new_customer_row, FALSE);

  mark_chosen_row (self);
  show_history (self);
  update_repeats (self);
  show_error (self, NULL);
}

static void
fill_results (DeskNewTicketDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->lookup_row));
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = desk_customer_store_lookup (self->database, text, MAX_MATCHES, &error);
  if (self->matches == NULL)
    {
      g_warning ("Could not look up customers: %s", error->message);
      self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_customer_match_free);
    }

  for (guint i = 0; i < self->matches->len; i++)
    {
      DeskCustomerMatch *match = g_ptr_array_index (self->matches, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      if (match->phone != NULL)
        g_string_append (subtitle, match->phone);
      if (match->asset_label != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", match->asset_label);
      if (match->no_callbacks)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                                _("no callbacks"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("avatar-default-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "desk-match", match);
      g_object_set_data (G_OBJECT (row), "desk-check", check);
      gtk_list_box_append (self->results_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), self->matches->len > 0);
  mark_chosen_row (self);
}

static gboolean
lookup_timeout_cb (gpointer user_data)
{
  DeskNewTicketDialog *self = user_data;

  self->lookup_timeout_id = 0;
  fill_results (self);

  return G_SOURCE_REMOVE;
}

static void
desk_new_ticket_dialog_lookup_changed_cb (DeskNewTicketDialog *self)
{
  g_clear_handle_id (&self->lookup_timeout_id, g_source_remove);
  self->lookup_timeout_id = g_timeout_add (LOOKUP_DELAY_MS, lookup_timeout_cb, self);
}

/* Enter takes the first customer found and goes on to the summary. */
static void
desk_new_ticket_dialog_lookup_activated_cb (DeskNewTicketDialog *self)
{
  if (self->lookup_timeout_id != 0)
    {
      g_clear_handle_id (&self->lookup_timeout_id, g_source_remove);
      fill_results (self);
    }

  if (self->matches != NULL && self->matches->len > 0)
    {
      choose_match (self, g_ptr_array_index (self->matches, 0));
      gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
    }
  else
    {
      adw_expander_row_set_enable_expansion (self->new_customer_row, TRUE);
      adw_expander_row_set_expanded (self->new_customer_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->customer_name_row));
    }
}

static void
desk_new_ticket_dialog_result_activated_cb (DeskNewTicketDialog *self,
                                            GtkListBoxRow       *row)
{
  choose_match (self, g_object_get_data (G_OBJECT (row), "desk-match"));
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" -+()", *p))
        return FALSE;
    }

  return digits >= 3;
}

static void
desk_new_ticket_dialog_new_customer_toggled_cb (DeskNewTicketDialog *self)
{
  const char *typed;

  if (!adw_expander_row_get_enable_expansion (self->new_customer_row))
    return;

  /* A new caller: no customer chosen, and what was typed is a start. */
  self->customer_id = 0;
  self->asset_id = 0;
  mark_chosen_row (self);
  show_history (self);
  update_repeats (self);

  typed = gtk_editable_get_text (GTK_EDITABLE (self->lookup_row));
  if (looks_like_phone (typed))
    {
      if (*gtk_editable_get_text (GTK_EDITABLE (self->customer_phone_row)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->customer_phone_row), typed);
    }
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->customer_name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->customer_name_row), typed);
}

/* Saving */

static gint64
add_new_customer (DeskNewTicketDialog  *self,
                  GError              **error)
{
  DeskCustomerFields fields = { 0 };

  fields.name = gtk_editable_get_text (GTK_EDITABLE (self->customer_name_row));
  fields.phone = gtk_editable_get_text (GTK_EDITABLE (self->customer_phone_row));
  fields.address = gtk_editable_get_text (GTK_EDITABLE (self->customer_address_row));
  if (*fields.phone == '\0')
    fields.phone = NULL;
  if (*fields.address == '\0')
    fields.address = NULL;

  return desk_customer_store_add (self->database, &fields, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskNewTicketDialog *self = DESK_NEW_TICKET_DIALOG (widget);
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean new_customer = adw_expander_row_get_enable_expansion (self->new_customer_row);
  DeskTicketDraft draft = { 0 };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  guint i;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  draft.kind = selected_kind (self);
  draft.on_site = draft.kind == DESK_TICKET_REPAIR && gtk_switch_get_active (self->on_site_switch);
  i = adw_combo_row_get_selected (self->severity_row);
  draft.severity = i < G_N_ELEMENTS (severities) ? severities[i] : DESK_SEVERITY_NORMAL;
  draft.major = draft.kind == DESK_TICKET_COMPLAINT && gtk_switch_get_active (self->major_switch);
  i = adw_combo_row_get_selected (self->channel_row);
  draft.channel = i < G_N_ELEMENTS (channels) ? channels[i] : DESK_CHANNEL_PHONE;
  draft.customer_id = new_customer ? 0 : self->customer_id;
  draft.asset_id = new_customer ? 0 : self->asset_id;
  draft.category_id = selected_category (self);
  draft.summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
  draft.description = description[0] != '\0' ? description : NULL;
  draft.repeat_of = draft.kind == DESK_TICKET_COMPLAINT && !new_customer ? chosen_repeat_of (self) : 0;

  /* The new customer and the ticket are saved together or not at all. */
  if (!desk_database_begin (self->database, &error))
    goto failed;

  if (new_customer)
    {
      draft.customer_id = add_new_customer (self, &error);
      if (draft.customer_id == 0)
        {
          desk_database_rollback (self->database);
          goto failed;
        }
    }

  ticket = desk_ticket_store_create (self->database, &draft, self->actor_id, &error);
  if (ticket == NULL)
    {
      desk_database_rollback (self->database);
      goto failed;
    }

  if (!desk_database_commit (self->database, &error))
    {
      desk_database_rollback (self->database);
      g_clear_object (&ticket);
      goto failed;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[CREATED], 0, ticket);
  gtk_window_destroy (GTK_WINDOW (self));
  return;

failed:
  show_error (self, error->message);
}

/* GObject */

static void
fill_combo (AdwComboRow *row,
            GtkStringList *labels)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static void
load_choices (DeskNewTicketDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkStringList *labels;

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, desk_ticket_kind_get_label (kinds[i]));
  fill_combo (self->kind_row, labels);

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    gtk_string_list_append (labels, desk_severity_get_label (severities[i]));
  fill_combo (self->severity_row, labels);
  adw_combo_row_set_selected (self->severity_row, 1);

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (labels, desk_channel_get_label (channels[i]));
  fill_combo (self->channel_row, labels);

  self->categories = desk_category_store_list (self->database, &error);
  if (self->categories == NULL)
    {
      g_warning ("Could not list the categories: %s", error->message);
      self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_category_free);
    }
  labels = gtk_string_list_new (NULL);
  /* Translators: the first entry of the category list, before one is chosen */
  gtk_string_list_append (labels, _("Choose a category…"));
  for (guint i = 0; i < self->categories->len; i++)
    {
      DeskCategory *category = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (labels, desk_category_pick_name (category->name_en, category->name_zh));
    }
  fill_combo (self->category_row, labels);
}

GtkWindow *
desk_new_ticket_dialog_new (DeskDatabase *database,
                            gint64        actor_id)
{
  DeskNewTicketDialog *self;

  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);

  self = g_object_new (DESK_TYPE_NEW_TICKET_DIALOG, NULL);
  self->database = g_object_ref (database);
  self->actor_id = actor_id;
  load_choices (self);
  desk_new_ticket_dialog_kind_changed_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->lookup_row));

  return GTK_WINDOW (self);
}

static void
desk_new_ticket_dialog_dispose (GObject *object)
{
  DeskNewTicketDialog *self = (DeskNewTicketDialog *)object;

  g_clear_handle_id (&self->lookup_timeout_id, g_source_remove);

  G_OBJECT_CLASS (desk_new_ticket_dialog_parent_class)->dispose (object);
}

static void
desk_new_ticket_dialog_finalize (GObject *object)
{
  DeskNewTicketDialog *self = (DeskNewTicketDialog *)object;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->repeats, g_ptr_array_unref);
  g_clear_pointer (&self->repeat_rows, g_ptr_array_unref);
  g_clear_pointer (&self->repeat_checks, g_ptr_array_unref);
  g_clear_pointer (&self->major_hint, g_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (desk_new_ticket_dialog_parent_class)->finalize (object);
}

static void
desk_new_ticket_dialog_class_init (DeskNewTicketDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_new_ticket_dialog_dispose;
  object_class->finalize = desk_new_ticket_dialog_finalize;

  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DESK_TYPE_TICKET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-new-ticket-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, lookup_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, new_customer_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, customer_name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, customer_phone_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, customer_address_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, on_site_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, on_site_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, major_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, major_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, DeskNewTicketDialog, repeat_group);
  gtk_widget_class_bind_template_callback (widget_class, desk_new_ticket_dialog_lookup_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_new_ticket_dialog_lookup_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_new_ticket_dialog_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_new_ticket_dialog_new_customer_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_new_ticket_dialog_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_new_ticket_dialog_repeat_inputs_changed_cb);

  gtk_widget_class_install_action (widget_class, "new-ticket.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_new_ticket_dialog_init (DeskNewTicketDialog *self)
{
  self->history_rows = g_ptr_array_new ();
  self->repeat_rows = g_ptr_array_new ();
  self->repeat_checks = g_ptr_array_new ();
  self->repeats = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  _desk_widget_add_ctrl_enter (GTK_WIDGET (self), "new-ticket.save");

  self->major_hint = g_strdup (adw_action_row_get_subtitle (self->major_row));
  g_signal_connect_swapped (self->major_switch, "notify::active", G_CALLBACK (major_switch_changed_cb), self);
  g_signal_connect_swapped (self->summary_row, "changed", G_CALLBACK (update_major_suggestion), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (update_major_suggestion), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (update_major_suggestion), self);
}
