/* desk-rules-page.c
 *
 * The Rules page of Preferences: the deadline policy's rules in force, a
 * row each with its summary, opening onto the rule in full and editors for
 * its limit and unit, working or clock time, work calendar, conditions,
 * escalation and fine.  Edits go to a copy of the policy; Save as New
 * Revision stores it as a new revision through desk-policy-store.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-rules-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-calendar-store.h"
#include "desk-deadline-store.h"
#include "desk-policy-store.h"

#include "desk-gui-private.h"
#include "desk-rules-page.h"

struct _DeskRulesPage
{
  AdwPreferencesPage   parent_instance;

  DeskDatabase        *database;
  /* The active policy, copied: edits go here until saved. */
  DeskPolicy          *draft;
  GPtrArray           *rows;       /* the expander rows added to rules_group */
  GPtrArray           *calendar_names;  /* of the work calendars, "office" first */
  GPtrArray           *calendar_labels;
  gboolean             loading;

  /* Template widgets */
  AdwPreferencesGroup *rules_group;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (DeskRulesPage, desk_rules_page, ADW_TYPE_PREFERENCES_PAGE)

GtkWidget *
desk_rules_page_new (DeskDatabase *database)
{
  DeskRulesPage *self = g_object_new (DESK_TYPE_RULES_PAGE, NULL);

  self->database = g_object_ref (database);
  desk_rules_page_reload (self);
  return GTK_WIDGET (self);
}

static char *
summary_of (const DeskRule *rule)
{
  const char *role;

  if (rule->action == DESK_ACTION_RECORD)
    return rule->fine_yuan > 0
           ? g_strdup_printf (_("Recorded · fine %d yuan"), rule->fine_yuan)
           : g_strdup (_("Recorded"));

  /* e.g. "30 min · Customer service clerk" */
  role = desk_role_get_label (rule->role);
  switch (rule->unit)
    {
    case DESK_LIMIT_MINUTES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min · %s", "%d min · %s", rule->limit),
                              rule->limit, role);
    case DESK_LIMIT_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h · %s", "%d h · %s", rule->limit),
                              rule->limit, role);
    case DESK_LIMIT_DAYS:
    default:
      if (rule->working_time)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day · %s", "%d working days · %s",
                                             rule->limit), rule->limit, role);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day · %s", "%d days · %s", rule->limit),
                              rule->limit, role);
    }
}

static void
changed (DeskRulesPage *self,
         DeskRule      *rule,
         AdwExpanderRow *row)
{
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  GtkWidget *description_row;

  if (self->loading)
    return;

  summary = summary_of (rule);
  adw_expander_row_set_subtitle (row, summary);
  description = desk_rule_describe (rule);
  description_row = g_object_get_data (G_OBJECT (row), "description-row");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (description_row), description);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
}

typedef enum
{
  FIELD_LIMIT,
  FIELD_UNIT,
  FIELD_WORKING_TIME,
  FIELD_SEVERITY,
  FIELD_HOURS,
  FIELD_ESCALATE,
  FIELD_FINE,
  FIELD_FINE_TARGET,
  FIELD_FIRST_COUNTS,
  FIELD_CALENDAR,
} Field;

/* Every editor writes its value into the draft rule it was made for. */
static void
apply_value (GObject       *editor,
             DeskRulesPage *self)
{
  DeskRule *rule = g_object_get_data (editor, "rule");
  AdwExpanderRow *row = g_object_get_data (editor, "rule-row");
  Field field = GPOINTER_TO_INT (g_object_get_data (editor, "field"));
  int value = 0;

  if (GTK_IS_SPIN_BUTTON (editor))
    value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (editor));
  else if (GTK_IS_DROP_DOWN (editor))
    value = gtk_drop_down_get_selected (GTK_DROP_DOWN (editor));
  else if (GTK_IS_SWITCH (editor))
    value = gtk_switch_get_active (GTK_SWITCH (editor));

  switch (field)
    {
    case FIELD_LIMIT:
      rule->limit = value;
      break;
    case FIELD_UNIT:
      rule->unit = value;
      break;
    case FIELD_WORKING_TIME:
      rule->working_time = value == 0;
      break;
    case FIELD_SEVERITY:
      rule->min_severity = value;
      break;
    case FIELD_HOURS:
      rule->hours = value;
      break;
    case FIELD_ESCALATE:
      rule->escalate = value;
      break;
    case FIELD_FINE:
      rule->fine_yuan = value;
      break;
    case FIELD_FINE_TARGET:
      rule->fine_target = value;
      break;
    case FIELD_FIRST_COUNTS:
      rule->first_counts = value;
      break;
    case FIELD_CALENDAR:
      {
        const char *name = g_ptr_array_index (self->calendar_names, value);

        g_free (rule->calendar);
        rule->calendar = g_strcmp0 (name, DESK_CALENDAR_OFFICE) == 0 ? NULL : g_strdup (name);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  changed (self, rule, row);
}

static void
apply_notified (GObject       *editor,
                GParamSpec    *pspec,
                DeskRulesPage *self)
{
  apply_value (editor, self);
}

static void
tie (DeskRulesPage  *self,
     GtkWidget      *editor,
     DeskRule       *rule,
     AdwExpanderRow *row,
     Field           field,
     const char     *signal)
{
  g_object_set_data (G_OBJECT (editor), "rule", rule);
  g_object_set_data (G_OBJECT (editor), "rule-row", row);
  g_object_set_data (G_OBJECT (editor), "field", GINT_TO_POINTER (field));
  g_signal_connect (editor, signal,
                    g_str_has_prefix (signal, "notify::") ? G_CALLBACK (apply_notified) : G_CALLBACK (apply_value),
                    self);
  gtk_widget_set_valign (editor, GTK_ALIGN_CENTER);
}

static AdwActionRow *
add_setting_row (AdwExpanderRow *row,
                 const char     *title)
{
  GtkWidget *setting = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (setting), title);
  adw_expander_row_add_row (row, setting);
  return ADW_ACTION_ROW (setting);
}

static GtkWidget *
spin (int value,
      int max,
      const char *accessible)
{
  GtkWidget *button = gtk_spin_button_new_with_range (0, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (button), value);
  _desk_spin_button_guard_wheel (GTK_SPIN_BUTTON (button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static GtkWidget *
choice (const char * const *labels,
        guint               selected,
        const char         *accessible)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (labels);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return drop_down;
}

static GtkWidget *
toggle (gboolean    active,
        const char *accessible)
{
  GtkWidget *button = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (button), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static GtkWidget *
rule_row (DeskRulesPage *self,
          DeskRule      *rule)
{
  const char *units[] = { _("Minutes"), _("Hours"), _("Days"), NULL };
  const char *clocks[] = { _("Working time"), _("Clock time"), NULL };
  const char *severities[] = {
    desk_severity_get_label (DESK_SEVERITY_LOW), desk_severity_get_label (DESK_SEVERITY_NORMAL),
    desk_severity_get_label (DESK_SEVERITY_HIGH), desk_severity_get_label (DESK_SEVERITY_URGENT), NULL,
  };
  const char *hours[] = { _("Any time"), _("In office hours"), _("Outside office hours"), NULL };
  const char *targets[] = { _("Department"), _("Person"), NULL };
  g_autofree char *summary = summary_of (rule);
  g_autofree char *description = desk_rule_describe (rule);
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  AdwActionRow *setting;
  GtkWidget *editor;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk_rule_get_label (rule));
  adw_expander_row_set_subtitle (row, summary);

  setting = add_setting_row (row, _("In Full"));
  adw_action_row_set_subtitle (setting, description);
  g_object_set_data (G_OBJECT (row), "description-row", setting);

  if (rule->action != DESK_ACTION_RECORD)
    {
      setting = add_setting_row (row, _("Limit"));
      editor = spin (rule->limit, 100000, _("Limit"));
      tie (self, editor, rule, row, FIELD_LIMIT, "value-changed");
      adw_action_row_add_suffix (setting, editor);
      editor = choice (units, rule->unit, _("Unit"));
      tie (self, editor, rule, row, FIELD_UNIT, "notify::selected");
      adw_action_row_add_suffix (setting, editor);
      editor = choice (clocks, rule->working_time ? 0 : 1, _("Counted in"));
      tie (self, editor, rule, row, FIELD_WORKING_TIME, "notify::selected");
      adw_action_row_add_suffix (setting, editor);

      if (self->calendar_names->len > 1)
        {
          guint selected = 0;

          for (guint i = 0; i < self->calendar_names->len; i++)
            if (g_strcmp0 (self->calendar_names->pdata[i], rule->calendar) == 0)
              selected = i;
          setting = add_setting_row (row, _("Work Calendar"));
          editor = choice ((const char * const *)self->calendar_labels->pdata, selected, _("Work Calendar"));
          tie (self, editor, rule, row, FIELD_CALENDAR, "notify::selected");
          adw_action_row_add_suffix (setting, editor);
        }

      setting = add_setting_row (row, _("Lowest Severity"));
      editor = choice (severities, rule->min_severity, _("Lowest Severity"));
      tie (self, editor, rule, row, FIELD_SEVERITY, "notify::selected");
      adw_action_row_add_suffix (setting, editor);

      setting = add_setting_row (row, C_("rule condition", "Received"));
      editor = choice (hours, rule->hours, C_("rule condition", "Received"));
      tie (self, editor, rule, row, FIELD_HOURS, "notify::selected");
      adw_action_row_add_suffix (setting, editor);

      setting = add_setting_row (row, _("Escalate When Missed"));
      editor = toggle (rule->escalate, _("Escalate When Missed"));
      tie (self, editor, rule, row, FIELD_ESCALATE, "notify::active");
      adw_action_row_add_suffix (setting, editor);
      adw_action_row_set_activatable_widget (setting, editor);
    }

  setting = add_setting_row (row, _("Fine (Yuan)"));
  editor = spin (rule->fine_yuan, 1000000, _("Fine (Yuan)"));
  tie (self, editor, rule, row, FIELD_FINE, "value-changed");
  adw_action_row_add_suffix (setting, editor);
  editor = choice (targets, rule->fine_target, _("Fined"));
  tie (self, editor, rule, row, FIELD_FINE_TARGET, "notify::selected");
  adw_action_row_add_suffix (setting, editor);

  if (rule->action == DESK_ACTION_RECORD)
    {
      setting = add_setting_row (row, _("A First Complaint Counts"));
      editor = toggle (rule->first_counts, _("A First Complaint Counts"));
      tie (self, editor, rule, row, FIELD_FIRST_COUNTS, "notify::active");
      adw_action_row_add_suffix (setting, editor);
      adw_action_row_set_activatable_widget (setting, editor);
    }

  return GTK_WIDGET (row);
}

/* The calendars a rule may count on: the office's first. */
static void
load_calendars (DeskRulesPage *self)
{
  g_autoptr(GPtrArray) calendars = desk_calendar_store_list (self->database, NULL);

  g_ptr_array_set_size (self->calendar_names, 0);
  g_ptr_array_set_size (self->calendar_labels, 0);
  g_ptr_array_add (self->calendar_names, g_strdup (DESK_CALENDAR_OFFICE));
  g_ptr_array_add (self->calendar_labels, g_strdup (_("The office")));
  for (guint i = 0; calendars != NULL && i < calendars->len; i++)
    {
      const DeskCalendarInfo *info = calendars->pdata[i];

      if (g_str_equal (info->name, DESK_CALENDAR_OFFICE))
        continue;
      g_ptr_array_add (self->calendar_names, g_strdup (info->name));
      g_ptr_array_add (self->calendar_labels,
                       g_strdup (g_str_equal (info->name, DESK_CALENDAR_EMERGENCY) ? _("24-hour emergency crew")
                                                                                 : info->name));
    }
  /* gtk_drop_down_new_from_strings() wants a NULL-terminated list. */
  g_ptr_array_add (self->calendar_labels, NULL);
}

void
desk_rules_page_reload (DeskRulesPage *self)
{
  g_autofree char *description = NULL;
  const DeskPolicy *active;

  g_return_if_fail (DESK_IS_RULES_PAGE (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->rules_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  self->loading = TRUE;
  load_calendars (self);
  active = desk_deadline_store_get_policy (self->database);
  g_clear_pointer (&self->draft, desk_policy_free);
  self->draft = desk_policy_copy (active);

  description = g_strdup_printf (_("Revision %d. Every ticket is measured against the revision in force when it "
                                   "was received; a change makes a new revision."), active->revision);
  adw_preferences_group_set_description (self->rules_group, description);

  for (guint i = 0; i < self->draft->rules->len; i++)
    {
      GtkWidget *row = rule_row (self, g_ptr_array_index (self->draft->rules, i));

      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  self->loading = FALSE;
}

gboolean
desk_rules_page_has_unsaved_changes (DeskRulesPage *self)
{
  g_return_val_if_fail (DESK_IS_RULES_PAGE (self), FALSE);

  /* The save button is what tells the user there is something to save. */
  return gtk_widget_get_sensitive (GTK_WIDGET (self->save_button));
}

gboolean
desk_rules_page_save (DeskRulesPage *self)
{
  g_autoptr(GError) error = NULL;
  int revision;

  g_return_val_if_fail (DESK_IS_RULES_PAGE (self), FALSE);

  revision = desk_policy_store_save (self->database, self->draft, 0, NULL, &error);
  if (revision == 0)
    {
      _desk_widget_add_toast (GTK_WIDGET (self), "%s", error->message);
      return FALSE;
    }

  desk_rules_page_reload (self);
  _desk_widget_add_toast (GTK_WIDGET (self), _("Saved as revision %d"), revision);
  return TRUE;
}

static void
desk_rules_page_save_cb (DeskRulesPage *self)
{
  desk_rules_page_save (self);
}

static void
desk_rules_page_dispose (GObject *object)
{
  DeskRulesPage *self = DESK_RULES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_RULES_PAGE);
  g_clear_pointer (&self->draft, desk_policy_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->calendar_names, g_ptr_array_unref);
  g_clear_pointer (&self->calendar_labels, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (desk_rules_page_parent_class)->dispose (object);
}

static void
desk_rules_page_class_init (DeskRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_rules_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/servicedesk/ServiceDesk/desk-rules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskRulesPage, rules_group);
  gtk_widget_class_bind_template_child (widget_class, DeskRulesPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, desk_rules_page_save_cb);
}

static void
desk_rules_page_init (DeskRulesPage *self)
{
  self->rows = g_ptr_array_new ();
  self->calendar_names = g_ptr_array_new_with_free_func (g_free);
  self->calendar_labels = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
