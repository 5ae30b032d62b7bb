/* desk-preferences-window.c
 *
 * The Preferences window: the Office page (organisation name, notice number
 * pattern, the callback settings saved in a thread, who sits at this
 * computer), the Departments and Staff pages with their Add rows, and the
 * question on closing with unsaved edits.  The rows are
 * desk-department-row.c and desk-staff-row.c; the Rules and Calendar pages
 * are pages of their own, added here.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-callback-store.h"
#include "desk-notice-store.h"
#include "desk-office-store.h"

#include "desk-calendar-page.h"
#include "desk-department-row.h"
#include "desk-gui-private.h"
#include "desk-preferences-window.h"
#include "desk-rules-page.h"
#include "desk-staff-row.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  DeskDatabase         *database;
  GSettings            *settings;

  /* "No department" and the departments, for the staff rows' combos. */
  GListStore           *department_choices;
  /* The active staff, for the "who am I" combo. */
  GListStore           *staff;
  /* The rows this window added to departments_group and staff_group. */
  GPtrArray            *department_rows;
  GPtrArray            *staff_rows;

  /* Set while reloading, so that refilling the combos is not taken for
   * the user's choice. */
  gboolean              loading;

  /* The callback settings are saved in a thread (see below): one save at
   * a time, and whether the spin buttons changed again meanwhile.  A save
   * begun is finished (the task holds the window); a closed window starts
   * no other. */
  gboolean              saving_callback_settings;
  gboolean              callback_settings_pending;

  /* The Rules page, asked on closing whether it has unsaved edits; and
   * set once the user answered, so that the close goes through. */
  DeskRulesPage        *rules_page;
  gboolean              close_answered;

  /* Template widgets */
  AdwEntryRow          *organisation_row;
  AdwEntryRow          *notice_pattern_row;
  /* In the order of DeskCallbackSetting. */
  AdwActionRow         *callback_rows[DESK_N_CALLBACK_SETTINGS];
  GtkSpinButton        *callback_spins[DESK_N_CALLBACK_SETTINGS];
  AdwPreferencesGroup  *who_am_i_group;
  AdwComboRow          *who_am_i_row;
  AdwPreferencesGroup  *departments_group;
  AdwEntryRow          *add_department_row;
  AdwPreferencesGroup  *staff_group;
  AdwEntryRow          *add_staff_row;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  OFFICE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void desk_preferences_window_load_callback_settings (DeskPreferencesWindow *self);

GtkWindow *
desk_preferences_window_new (DeskDatabase *database,
                             GSettings    *settings)
{
  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  return g_object_new (DESK_TYPE_PREFERENCES_WINDOW,
                       "database", database,
                       "settings", settings,
                       NULL);
}

static void
desk_preferences_window_office_changed (DeskPreferencesWindow *self)
{
  g_signal_emit (self, signals[OFFICE_CHANGED], 0);
}

/* Office page */

static void
desk_preferences_window_organisation_apply_cb (DeskPreferencesWindow *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)));
  g_autoptr(GError) error = NULL;

  g_strstrip (name);
  if (!desk_office_store_set_setting (self->database,
                                      DESK_SETTING_ORGANISATION_NAME,
                                      name, &error))
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not save the organisation name: %s"),
                              error->message);
      return;
    }

  _desk_entry_row_set_text (self->organisation_row, name);
  desk_preferences_window_office_changed (self);
}

/* Checked before it is saved: a pattern without the year or the count
 * would repeat numbers. */
static void
desk_preferences_window_notice_pattern_apply_cb (DeskPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;

  if (!desk_notice_store_set_pattern (self->database,
                                      gtk_editable_get_text (GTK_EDITABLE (self->notice_pattern_row)),
                                      &error))
    {
      _desk_widget_add_toast (GTK_WIDGET (self), "%s", error->message);
      return;
    }

  pattern = desk_notice_store_get_pattern (self->database);
  _desk_entry_row_set_text (self->notice_pattern_row, pattern);
}

/* A callback planning setting is saved as soon as it changes, like the
 * staff rows.  Saving moves the calls the old delay placed and plans the
 * window again (0.2–0.35 s on an office of 100,000 tickets, 2 s for a
 * window grown by eleven days; more on bigger offices), so it runs in a
 * thread on a connection of its own, one save at a time,
 * the latest values of the three spin buttons each time.  A refusal
 * names the field and puts the stored values back. */

typedef struct
{
  DeskDatabase         *window_db; /* the window's connection, told when done */
  char                 *path;
  DeskCallbackSettings  settings;
  gint64                now;
} SaveCallbackSettings;

static void
save_callback_settings_free (gpointer data)
{
  SaveCallbackSettings *save = data;

  g_clear_object (&save->window_db);
  g_free (save->path);
  g_free (save);
}

static void
save_callback_settings_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  SaveCallbackSettings *save = task_data;
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = desk_database_open (save->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL || !desk_callback_store_save_settings (db, &save->settings, save->now, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void desk_preferences_window_save_callback_settings (DeskPreferencesWindow *self);

static void
save_callback_settings_done_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (source);
  SaveCallbackSettings *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  self->saving_callback_settings = FALSE;

  /* The calls changed through another connection: the window's one tells
   * its listeners (the Callbacks area), even if this window has closed
   * meanwhile. */
  if (saved)
    g_signal_emit_by_name (save->window_db, "changed", "callbacks", (gint64) 0);

  if (self->database == NULL)
    {
      if (!saved)
        g_warning ("Could not save the callback settings: %s", error->message);
      return;
    }

  if (!saved)
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not save the callback settings: %s"),
                              error->message);
      self->callback_settings_pending = FALSE;
      desk_preferences_window_load_callback_settings (self);
      return;
    }

  desk_preferences_window_office_changed (self);

  if (self->callback_settings_pending)
    desk_preferences_window_save_callback_settings (self);
}

static void
desk_preferences_window_save_callback_settings (DeskPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  SaveCallbackSettings *save;

  if (self->saving_callback_settings)
    {
      self->callback_settings_pending = TRUE;
      return;
    }

  save = g_new0 (SaveCallbackSettings, 1);
  save->window_db = g_object_ref (self->database);
  save->path = g_strdup (desk_database_get_path (self->database));
  save->now = g_get_real_time () / G_USEC_PER_SEC;
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    desk_callback_settings_set (&save->settings, i,
                                gtk_spin_button_get_value_as_int (self->callback_spins[i]));

  self->saving_callback_settings = TRUE;
  self->callback_settings_pending = FALSE;
  task = g_task_new (self, NULL, save_callback_settings_done_cb, NULL);
  g_task_set_source_tag (task, desk_preferences_window_save_callback_settings);
  g_task_set_task_data (task, save, save_callback_settings_free);
  g_task_run_in_thread (task, save_callback_settings_thread);
}

static void
desk_preferences_window_callback_setting_changed_cb (DeskPreferencesWindow *self,
                                                     GtkSpinButton         *spin)
{
  if (self->loading)
    return;

  desk_preferences_window_save_callback_settings (self);
}

gboolean
desk_preferences_window_is_saving (DeskPreferencesWindow *self)
{
  g_return_val_if_fail (DESK_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->saving_callback_settings;
}

static void
desk_preferences_window_who_am_i_selected_cb (DeskPreferencesWindow *self)
{
  DeskStaff *staff;

  if (self->loading || self->settings == NULL)
    return;

  staff = adw_combo_row_get_selected_item (self->who_am_i_row);
  if (staff != NULL)
    g_settings_set_string (self->settings, "current-user", desk_staff_get_code (staff));
}

static void
desk_preferences_window_select_current_user (DeskPreferencesWindow *self)
{
  g_autofree char *code = NULL;
  guint n_items;

  if (self->settings == NULL)
    return;

  code = g_settings_get_string (self->settings, "current-user");
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->staff));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      if (g_strcmp0 (desk_staff_get_code (staff), code) == 0)
        {
          adw_combo_row_set_selected (self->who_am_i_row, i);
          return;
        }
    }

  adw_combo_row_set_selected (self->who_am_i_row, GTK_INVALID_LIST_POSITION);
}

/* Departments page */

static void
desk_preferences_window_department_removed_cb (DeskPreferencesWindow *self)
{
  desk_preferences_window_reload (self);
  desk_preferences_window_office_changed (self);
}

static void
desk_preferences_window_add_department_cb (DeskPreferencesWindow *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_department_row)));
  g_autofree char *code = NULL;
  g_autoptr(DeskDepartment) department = NULL;
  g_autoptr(GError) error = NULL;

  g_strstrip (name);
  if (name[0] == '\0')
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Type the name of the new department first"));
      return;
    }

  code = desk_office_store_next_department_code (self->database);
  department = desk_office_store_add_department (self->database, code, name, &error);
  if (department == NULL)
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not add the department “%s”: %s"),
                              name, error->message);
      return;
    }

  _desk_entry_row_set_text (self->add_department_row, "");
  desk_preferences_window_reload (self);
  desk_preferences_window_office_changed (self);
}

/* Staff page */

static void
desk_preferences_window_staff_retired_cb (DeskPreferencesWindow *self,
                                          DeskStaffRow          *row)
{
  DeskStaff *staff = desk_staff_row_get_staff (row);

  /* Whoever left no longer sits at this computer. */
  if (self->settings != NULL)
    {
      g_autofree char *current_user = g_settings_get_string (self->settings, "current-user");

      if (g_strcmp0 (current_user, desk_staff_get_code (staff)) == 0)
        g_settings_reset (self->settings, "current-user");
    }

  desk_preferences_window_reload (self);
  desk_preferences_window_office_changed (self);
}

static void
desk_preferences_window_add_staff_cb (DeskPreferencesWindow *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_staff_row)));
  g_autofree char *code = NULL;
  g_autoptr(DeskStaff) staff = NULL;
  g_autoptr(GError) error = NULL;

  g_strstrip (name);
  if (name[0] == '\0')
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Type the name of the new person first"));
      return;
    }

  code = desk_office_store_next_staff_code (self->database);
  staff = desk_office_store_add_staff (self->database, code, name,
                                       DESK_ROLE_CLERK, 0, NULL, &error);
  if (staff == NULL)
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not add %s to the staff: %s"),
                              name, error->message);
      return;
    }

  _desk_entry_row_set_text (self->add_staff_row, "");
  desk_preferences_window_reload (self);
  desk_preferences_window_office_changed (self);
  _desk_widget_add_toast (GTK_WIDGET (self),
                          _("%s was added as a customer service clerk. "
                            "Open their row to change the role and department."),
                          name);
}

/* Loading */

static void
desk_preferences_window_load_callback_settings (DeskPreferencesWindow *self)
{
  gboolean was_loading = self->loading;
  DeskCallbackSettings settings;

  desk_callback_store_get_settings (self->database, &settings);
  self->loading = TRUE;
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    gtk_spin_button_set_value (self->callback_spins[i], desk_callback_settings_get (&settings, i));
  self->loading = was_loading;
}

/* The spin buttons take their ranges from the store (one copy of them),
 * and are named after their rows for screen readers. */
static void
desk_preferences_window_set_up_callback_settings (DeskPreferencesWindow *self)
{
  for (guint i = 0; i < DESK_N_CALLBACK_SETTINGS; i++)
    {
      GtkAccessible *spin = GTK_ACCESSIBLE (self->callback_spins[i]);
      guint minimum, maximum;

      desk_callback_setting_get_range (i, &minimum, &maximum, NULL);
      gtk_spin_button_set_range (self->callback_spins[i], minimum, maximum);
      _desk_spin_button_guard_wheel (self->callback_spins[i]);
      gtk_accessible_update_property (spin,
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->callback_rows[i])),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      adw_action_row_get_subtitle (self->callback_rows[i]),
                                      -1);
    }
}

static void
desk_preferences_window_clear_rows (AdwPreferencesGroup *group,
                                    GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
desk_preferences_window_load_departments (DeskPreferencesWindow *self)
{
  g_autoptr(DeskDepartment) none = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;

  /* Id 0 is how the store says "above the departments". */
  none = desk_department_new (0, "", _("No department"));
  g_list_store_append (self->department_choices, none);

  departments = desk_office_store_list_departments (self->database, &error);
  if (departments == NULL)
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not read the departments: %s"),
                              error->message);
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    {
      DeskDepartment *department = g_ptr_array_index (departments, i);
      GtkWidget *row = desk_department_row_new (self->database, department);

      g_signal_connect_object (row, "renamed",
                               G_CALLBACK (desk_preferences_window_office_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "removed",
                               G_CALLBACK (desk_preferences_window_department_removed_cb),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->departments_group, row);
      g_ptr_array_add (self->department_rows, row);
      g_list_store_append (self->department_choices, department);
    }
}

static void
desk_preferences_window_load_staff (DeskPreferencesWindow *self)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = desk_office_store_list_staff (self->database, &error);
  if (staff == NULL)
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not read the staff: %s"),
                              error->message);
      return;
    }

  for (guint i = 0; i < staff->len; i++)
    {
      GtkWidget *row = desk_staff_row_new (self->database,
                                           g_ptr_array_index (staff, i),
                                           G_LIST_MODEL (self->department_choices));

      g_signal_connect_object (row, "changed",
                               G_CALLBACK (desk_preferences_window_office_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "retired",
                               G_CALLBACK (desk_preferences_window_staff_retired_cb),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }

  g_list_store_splice (self->staff, 0, 0, staff->pdata, staff->len);
}

void
desk_preferences_window_reload (DeskPreferencesWindow *self)
{
  g_autofree char *organisation = NULL;
  g_autofree char *pattern = NULL;

  g_return_if_fail (DESK_IS_PREFERENCES_WINDOW (self));

  self->loading = TRUE;

  /* The staff rows go first: their department combos must not take the
   * departments going away for a change of department. */
  desk_preferences_window_clear_rows (self->staff_group, self->staff_rows);
  desk_preferences_window_clear_rows (self->departments_group, self->department_rows);
  g_list_store_remove_all (self->staff);
  g_list_store_remove_all (self->department_choices);

  organisation = desk_office_store_get_setting (self->database,
                                                DESK_SETTING_ORGANISATION_NAME);
  _desk_entry_row_set_text (self->organisation_row, organisation);
  pattern = desk_notice_store_get_pattern (self->database);
  _desk_entry_row_set_text (self->notice_pattern_row, pattern);
  desk_preferences_window_load_callback_settings (self);

  desk_preferences_window_load_departments (self);
  desk_preferences_window_load_staff (self);
  desk_preferences_window_select_current_user (self);

  self->loading = FALSE;
}

/* The "who am I" dialog may have answered while this window is open. */
static void
desk_preferences_window_current_user_changed_cb (DeskPreferencesWindow *self,
                                                 const char            *key,
                                                 GSettings             *settings)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  desk_preferences_window_select_current_user (self);
  self->loading = was_loading;
}

static void
desk_preferences_window_constructed (GObject *object)
{
  DeskPreferencesWindow *self = (DeskPreferencesWindow *)object;

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->constructed (object);

  gtk_widget_set_visible (GTK_WIDGET (self->who_am_i_group), self->settings != NULL);
  adw_combo_row_set_model (self->who_am_i_row, G_LIST_MODEL (self->staff));
  desk_preferences_window_set_up_callback_settings (self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::current-user",
                             G_CALLBACK (desk_preferences_window_current_user_changed_cb),
                             self, G_CONNECT_SWAPPED);

  desk_preferences_window_reload (self);

  /* The deadline rules and the work calendars: pages of their own. */
  if (self->database != NULL)
    {
      self->rules_page = DESK_RULES_PAGE (desk_rules_page_new (self->database));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->rules_page));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (desk_calendar_page_new (self->database)));
    }
}

/* Closing */

/* A text typed into the organisation or notice number row but not applied
 * differs from what the office holds. */
static gboolean
entry_differs (AdwEntryRow *row,
               const char  *stored)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return g_strcmp0 (text, stored != NULL ? stored : "") != 0;
}

static gboolean
desk_preferences_window_organisation_unsaved (DeskPreferencesWindow *self)
{
  g_autofree char *stored = desk_office_store_get_setting (self->database, DESK_SETTING_ORGANISATION_NAME);

  return entry_differs (self->organisation_row, stored);
}

static gboolean
desk_preferences_window_pattern_unsaved (DeskPreferencesWindow *self)
{
  g_autofree char *stored = desk_notice_store_get_pattern (self->database);

  return entry_differs (self->notice_pattern_row, stored);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
desk_preferences_window_close_response_cb (AdwMessageDialog      *dialog,
                                           const char            *response,
                                           DeskPreferencesWindow *self)
{
  if (g_str_equal (response, "cancel"))
    return;

  if (g_str_equal (response, "save"))
    {
      /* Each save says in a toast why it failed; the window then stays. */
      if (desk_preferences_window_organisation_unsaved (self))
        desk_preferences_window_organisation_apply_cb (self);
      if (desk_preferences_window_pattern_unsaved (self))
        desk_preferences_window_notice_pattern_apply_cb (self);
      if (self->rules_page != NULL && desk_rules_page_has_unsaved_changes (self->rules_page))
        desk_rules_page_save (self->rules_page);
      if (desk_preferences_window_has_unsaved_changes (self))
        return;
    }

  /* Closed once the dialog has finished answering: the dialog is
   * transient for this window and must not outlive it mid-signal. */
  self->close_answered = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

gboolean
desk_preferences_window_has_unsaved_changes (DeskPreferencesWindow *self)
{
  g_return_val_if_fail (DESK_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->database == NULL)
    return FALSE;
  return (self->rules_page != NULL && desk_rules_page_has_unsaved_changes (self->rules_page)) ||
         desk_preferences_window_organisation_unsaved (self) ||
         desk_preferences_window_pattern_unsaved (self);
}

/* Edits not yet saved are saved or thrown away as the user says, never
 * lost without a word. */
static gboolean
desk_preferences_window_close_request (GtkWindow *window)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (window);
  GtkWidget *dialog;

  if (self->close_answered || !desk_preferences_window_has_unsaved_changes (self))
    return GTK_WINDOW_CLASS (desk_preferences_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("Some preferences were changed but not saved. Saved rules make a new "
                                     "revision of the deadline policy."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (desk_preferences_window_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
desk_preferences_window_dispose (GObject *object)
{
  DeskPreferencesWindow *self = (DeskPreferencesWindow *)object;

  self->loading = TRUE;

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->dispose (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->department_choices);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->department_rows, g_ptr_array_unref);
  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
}

static void
desk_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = desk_preferences_window_constructed;
  object_class->dispose = desk_preferences_window_dispose;
  object_class->get_property = desk_preferences_window_get_property;
  object_class->set_property = desk_preferences_window_set_property;

  window_class->close_request = desk_preferences_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DESK_TYPE_DATABASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OFFICE_CHANGED] =
    g_signal_new ("office-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The template's expression names this type. */
  g_type_ensure (DESK_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, notice_pattern_row);
  gtk_widget_class_bind_template_child_full (widget_class, "satisfaction_delay_row", FALSE,
                                             G_STRUCT_OFFSET (DeskPreferencesWindow,
                                                              callback_rows[DESK_CALLBACK_SETTING_SATISFACTION_DELAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "repair_follow_up_row", FALSE,
                                             G_STRUCT_OFFSET (DeskPreferencesWindow,
                                                              callback_rows[DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP]));
  gtk_widget_class_bind_template_child_full (widget_class, "planning_days_row", FALSE,
                                             G_STRUCT_OFFSET (DeskPreferencesWindow,
                                                              callback_rows[DESK_CALLBACK_SETTING_PLANNING_DAYS]));
  gtk_widget_class_bind_template_child_full (widget_class, "satisfaction_delay_spin", FALSE,
                                             G_STRUCT_OFFSET (DeskPreferencesWindow,
                                                              callback_spins[DESK_CALLBACK_SETTING_SATISFACTION_DELAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "repair_follow_up_spin", FALSE,
                                             G_STRUCT_OFFSET (DeskPreferencesWindow,
                                                              callback_spins[DESK_CALLBACK_SETTING_REPAIR_FOLLOW_UP]));
  gtk_widget_class_bind_template_child_full (widget_class, "planning_days_spin", FALSE,
                                             G_STRUCT_OFFSET (DeskPreferencesWindow,
                                                              callback_spins[DESK_CALLBACK_SETTING_PLANNING_DAYS]));
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, who_am_i_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, who_am_i_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, departments_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, add_department_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, add_staff_row);
  gtk_widget_class_bind_template_callback (widget_class, desk_preferences_window_organisation_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_preferences_window_notice_pattern_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_preferences_window_callback_setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_preferences_window_who_am_i_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_preferences_window_add_department_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_preferences_window_add_staff_cb);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  self->department_choices = g_list_store_new (DESK_TYPE_DEPARTMENT);
  self->staff = g_list_store_new (DESK_TYPE_STAFF);
  self->department_rows = g_ptr_array_new ();
  self->staff_rows = g_ptr_array_new ();
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}
