/* desk-call-panel.c
 *
 * The call panel, the window a clerk keeps open during a callback: the
 * customer (phone and address can be corrected), the ticket and its last
 * entries, the script built step by step from desk-callback-script.c with
 * its three branches (convenient, not convenient, no answer), and saving
 * the outcome to the store.  The Callbacks view opens it.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-call-panel"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "desk-call-panel.h"
#include "desk-callback-rows.h"
#include "desk-callback-script.h"
#include "desk-callback-store.h"
#include "desk-deadline-store.h"
#include "desk-gui-private.h"
#include "desk-office-store.h"
#include "desk-ticket-event-text.h"
#include "desk-ticket-format.h"
#include "desk-ticket-store.h"
#include "desk-enums.h"
#include "desk-types.h"

/* How many timeline entries the panel shows, newest first. */
#define HISTORY_ENTRIES 15

typedef struct
{
  const char *key;
  GtkWidget  *ratings[3]; /* satisfied, average, unsatisfied */
  GtkWidget  *text;       /* AdwEntryRow */
} Question;

struct _DeskCallPanel
{
  AdwWindow             parent_instance;

  DeskDatabase         *db;
  DeskCallback         *callback;
  gint64                actor_id;
  gint64                retry_at;
  GArray               *questions; /* Question */
  const DeskCallbackScript *script;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwActionRow         *customer_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *address_row;
  AdwPreferencesGroup  *ticket_group;
  AdwActionRow         *ticket_row;
  AdwExpanderRow       *history_row;
  AdwPreferencesGroup  *script_group;
  GtkToggleButton      *convenient_button;
  GtkToggleButton      *not_convenient_button;
  GtkToggleButton      *no_answer_button;
  GtkWidget            *convenient_page;
  GtkWidget            *retry_group;
  AdwPreferencesGroup  *questions_group;
  GtkLabel             *closing_label;
  GtkWidget            *visit_group;
  GtkSwitch            *visit_agreed_switch;
  GtkSwitch            *visited_switch;
  AdwPreferencesGroup  *later_group;
  AdwEntryRow          *call_again_row;
  GtkLabel             *retry_label;
  AdwEntryRow          *note_row;
};

G_DEFINE_FINAL_TYPE (DeskCallPanel, desk_call_panel, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GTimeZone *
office_timezone (void)
{
  return desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (NULL));
}

static char *
format_local (gint64 when)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, office_timezone ());

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
show_error (DeskCallPanel *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The closing line follows the answers: any average or unsatisfied
 * answer takes the manual's 【不满意/一般】 line. */
/* A line of the script as the clerk reads it out: translated, with the
 * office's and the customer's names in it. */
static char *
script_line (DeskCallPanel *self,
             const char    *msgid)
{
  g_autofree char *organisation = desk_office_store_get_setting (self->db, DESK_SETTING_ORGANISATION_NAME);

  return desk_callback_script_fill (desk_callback_script_text (msgid), organisation,
                                    self->callback != NULL ? self->callback->customer_name : NULL);
}

static void
update_closing (DeskCallPanel *self)
{
  gboolean less_than_satisfied = FALSE;

  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = &g_array_index (self->questions, Question, i);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (q->ratings[1])) ||
          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (q->ratings[2])))
        less_than_satisfied = TRUE;
    }

  for (guint i = 0; i < self->script->n_steps; i++)
    {
      const DeskScriptStep *step = &self->script->steps[i];

      if (step->kind == DESK_SCRIPT_CLOSING)
        {
          g_autofree char *line = script_line (self, less_than_satisfied ? step->line_if_not : step->line);

          gtk_label_set_text (self->closing_label, line);
        }
    }
}

static void
rating_toggled_cb (GtkToggleButton *button,
                   DeskCallPanel   *self)
{
  update_closing (self);
}

static void
result_toggled_cb (GtkToggleButton *button,
                   DeskCallPanel   *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  /* One branch of the script at a time. */
  gtk_widget_set_visible (self->convenient_page, button == self->convenient_button);
  gtk_widget_set_visible (GTK_WIDGET (self->later_group), button == self->not_convenient_button);
  gtk_widget_set_visible (self->retry_group, button == self->no_answer_button);
  show_error (self, NULL);
}

static GtkWidget *
step_row (guint       number,
          const char *title,
          const char *line)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *numbered = g_strdup_printf ("%u. %s", number, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), numbered);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
build_script (DeskCallPanel *self)
{
  guint number = 1;

  for (guint i = 0; i < self->script->n_steps; i++)
    {
      const DeskScriptStep *step = &self->script->steps[i];

      switch (step->kind)
        {
        case DESK_SCRIPT_SAY:
        case DESK_SCRIPT_CONVENIENT:
          {
            g_autofree char *line = script_line (self, step->line);

            adw_preferences_group_add (self->script_group,
                                       step_row (number++, desk_callback_script_text (step->title), line));
            if (step->kind == DESK_SCRIPT_CONVENIENT && step->line_if_not != NULL)
              {
                g_autofree char *if_not = script_line (self, step->line_if_not);

                adw_preferences_group_set_description (self->later_group, if_not);
              }
          }
          break;
        case DESK_SCRIPT_QUESTIONS:
          adw_preferences_group_set_description (self->questions_group,
                                                 desk_callback_script_text (step->line));
          break;
        case DESK_SCRIPT_CLOSING:
        default:
          break;
        }
    }

  for (guint i = 0; i < self->script->n_questions; i++)
    {
      const DeskScriptQuestion *sq = &self->script->questions[i];
      const char *question = desk_callback_script_text (sq->text);
      Question q = { sq->key };
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      DeskRating ratings[] = { DESK_RATING_SATISFIED, DESK_RATING_AVERAGE, DESK_RATING_UNSATISFIED };

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (guint r = 0; r < G_N_ELEMENTS (ratings); r++)
        {
          g_autofree char *accessible = g_strdup_printf ("%s: %s", question, desk_rating_get_label (ratings[r]));

          q.ratings[r] = gtk_toggle_button_new_with_label (desk_rating_get_label (ratings[r]));
          gtk_accessible_update_property (GTK_ACCESSIBLE (q.ratings[r]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          if (r > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (q.ratings[r]), GTK_TOGGLE_BUTTON (q.ratings[0]));
          g_signal_connect (q.ratings[r], "toggled", G_CALLBACK (rating_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), q.ratings[r]);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->questions_group, row);

      q.text = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q.text), _("What the customer said"));
      adw_preferences_group_add (self->questions_group, q.text);
      g_array_append_val (self->questions, q);
    }

  update_closing (self);
}

static void
fill_ticket (DeskCallPanel *self)
{
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const DeskTicketData *d;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->callback->ticket_id <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_group), FALSE);
      gtk_widget_set_visible (self->visit_group, FALSE);
      return;
    }

  ticket = desk_ticket_store_get (self->db, self->callback->ticket_id, &error);
  if (ticket == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ticket_row), error->message);
      return;
    }
  d = desk_ticket_get_data (ticket);
  title = g_strdup_printf ("%s · %s", d->number, d->summary);
  subtitle = g_strdup_printf ("%s · %s · %s", desk_ticket_kind_get_label (d->kind),
                              desk_ticket_status_get_label (d->status),
                              d->owner_name ? d->owner_name : _("Unassigned"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->ticket_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ticket_row), title);
  adw_action_row_set_subtitle (self->ticket_row, subtitle);

  events = desk_ticket_store_timeline (self->db, d->id, &error);
  if (events == NULL)
    return;
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                                           events->len), events->len);
    adw_expander_row_set_subtitle (self->history_row, count);
  }
  for (guint i = events->len, shown = 0; i > 0 && shown < HISTORY_ENTRIES; i--, shown++)
    {
      DeskTicketEvent *e = events->pdata[i - 1];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = _desk_format_time (e->at);
      g_autofree char *what = desk_ticket_event_describe (self->db, e);
      g_autofree char *head = g_strdup_printf ("%s · %s%s%s", when, what,
                                               e->staff_name ? " · " : "", e->staff_name ? e->staff_name : "");
      const char *body = e->note;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), head);
      if (body != NULL)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), body);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
        }
      adw_expander_row_add_row (self->history_row, row);
    }
}

static void
fill (DeskCallPanel *self)
{
  DeskCallback *b = self->callback;
  g_autofree char *title = g_strdup_printf (_("Call %s"), b->customer_name);
  g_autofree char *when = format_local (b->planned_at);
  g_autofree char *reason = _desk_callback_describe_reason (b);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", reason, when,
                                               b->assignee_name ? " · " : "",
                                               b->assignee_name ? b->assignee_name : "");
  g_autofree char *retry = NULL;
  g_autofree char *retry_text = NULL;
  g_autofree char *later = NULL;
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (self->db);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->customer_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row), b->customer_name);
  if (b->customer_notes != NULL)
    adw_action_row_set_subtitle (self->customer_row, b->customer_notes);
  _desk_entry_row_set_text (self->phone_row, b->customer_phone);
  _desk_entry_row_set_text (self->address_row, b->customer_address);

  fill_ticket (self);
  build_script (self);

  /* Suggestions: the retry after no answer, and a time to call again. */
  self->retry_at = desk_callback_suggest_time (calendar, now + 2 * 60 * 60);
  retry = format_local (self->retry_at);
  retry_text = g_strdup_printf (_("The call will be tried again at %s, in the next call window (11:00–12:00 or after 16:00)."),
                                retry);
  gtk_label_set_text (self->retry_label, retry_text);
  later = format_local (desk_callback_suggest_time (calendar, now + 24 * 60 * 60));
  _desk_entry_row_set_text (self->call_again_row, later);
}

static gboolean
parse_local (const char *text,
             gint64     *when)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi;
  char tail;

  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &tail) != 5)
    return FALSE;
  dt = g_date_time_new (office_timezone (), y, mo, d, h, mi, 0);
  if (dt == NULL)
    return FALSE;
  *when = g_date_time_to_unix (dt);
  return TRUE;
}

static char *
changed_text (AdwEntryRow *row,
              const char  *original)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0' || g_strcmp0 (text, original) == 0)
    return NULL;
  return g_steal_pointer (&text);
}

static void
desk_call_panel_save (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskCallPanel *self = DESK_CALL_PANEL (widget);
  g_autoptr(GArray) answers = g_array_new (FALSE, TRUE, sizeof (DeskCallbackAnswer));
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = changed_text (self->phone_row, self->callback->customer_phone);
  g_autofree char *address = changed_text (self->address_row, self->callback->customer_address);
  DeskCallbackOutcome outcome = { 0 };

  outcome.note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  outcome.new_phone = phone;
  outcome.new_address = address;

  if (gtk_toggle_button_get_active (self->convenient_button))
    {
      outcome.result = DESK_CALL_CONVENIENT;
      for (guint i = 0; i < self->questions->len; i++)
        {
          Question *q = &g_array_index (self->questions, Question, i);
          DeskCallbackAnswer a = { q->key, DESK_RATING_NONE, gtk_editable_get_text (GTK_EDITABLE (q->text)) };

          for (guint r = 0; r < 3; r++)
            if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (q->ratings[r])))
              a.rating = DESK_RATING_SATISFIED + r;
          g_array_append_val (answers, a);
        }
      outcome.answers = (const DeskCallbackAnswer *)answers->data;
      outcome.n_answers = answers->len;
      outcome.visit_agreed = gtk_switch_get_active (self->visit_agreed_switch);
      outcome.visited = gtk_switch_get_active (self->visited_switch);
    }
  else if (gtk_toggle_button_get_active (self->not_convenient_button))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->call_again_row));

      outcome.result = DESK_CALL_NOT_CONVENIENT;
      if (!parse_local (text, &outcome.call_again_at))
        {
          g_autofree char *message = g_strdup_printf (_("Call again at: “%s” is not a time like 2026-03-31 16:30"),
                                                      text);
          show_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->call_again_row));
          return;
        }
    }
  else
    {
      outcome.result = DESK_CALL_NO_ANSWER;
      outcome.call_again_at = self->retry_at;
    }

  if (!desk_callback_store_record_outcome (self->db, self->callback->id, &outcome, self->actor_id,
                                           g_get_real_time () / G_USEC_PER_SEC, NULL, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

DeskCallPanel *
desk_call_panel_new (GtkWindow     *parent,
                     DeskDatabase  *db,
                     gint64         callback_id,
                     gint64         actor_id,
                     GError       **error)
{
  DeskCallPanel *self;
  DeskCallback *callback;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  callback = desk_callback_store_get (db, callback_id, error);
  if (callback == NULL)
    return NULL;

  self = g_object_new (DESK_TYPE_CALL_PANEL, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->callback = callback;
  self->actor_id = actor_id;
  fill (self);

  return self;
}

gint64
desk_call_panel_get_callback_id (DeskCallPanel *self)
{
  g_return_val_if_fail (DESK_IS_CALL_PANEL (self), 0);

  return self->callback->id;
}

static void
desk_call_panel_dispose (GObject *object)
{
  DeskCallPanel *self = (DeskCallPanel *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->callback, desk_callback_free);
  g_clear_pointer (&self->questions, g_array_unref);

  G_OBJECT_CLASS (desk_call_panel_parent_class)->dispose (object);
}

static void
desk_call_panel_class_init (DeskCallPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_call_panel_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-call-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, customer_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, phone_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, address_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, ticket_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, ticket_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, history_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, script_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, convenient_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, not_convenient_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, no_answer_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, convenient_page);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, retry_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, questions_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, closing_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, visit_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, visit_agreed_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, visited_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, later_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, call_again_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, retry_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCallPanel, note_row);
  gtk_widget_class_bind_template_callback (widget_class, result_toggled_cb);

  gtk_widget_class_install_action (widget_class, "call.save", NULL, desk_call_panel_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_call_panel_init (DeskCallPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _desk_widget_add_ctrl_enter (GTK_WIDGET (self), "call.save");

  self->script = desk_callback_script_get_default ();
  self->questions = g_array_new (FALSE, TRUE, sizeof (Question));
}
