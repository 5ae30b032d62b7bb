/* desk-who-am-i-dialog.c
 *
 * The "who am I" dialog the application shows on a first run: the active
 * staff, a row each with their role and department; choosing one writes
 * their code to the "current-user" setting and closes the dialog, and Later
 * or Escape close it without choosing.  Preferences offers the same choice
 * later.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-who-am-i-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-office-store.h"

#include "desk-who-am-i-dialog.h"

struct _DeskWhoAmIDialog
{
  AdwWindow     parent_instance;

  DeskDatabase *database;
  GSettings    *settings;
  GListStore   *staff;
  /* Department id -> name, for the rows' subtitles. */
  GHashTable   *department_names;

  /* Template widgets */
  GtkListBox   *staff_list;
};

G_DEFINE_FINAL_TYPE (DeskWhoAmIDialog, desk_who_am_i_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWindow *
desk_who_am_i_dialog_new (DeskDatabase *database,
                          GSettings    *settings)
{
  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DESK_TYPE_WHO_AM_I_DIALOG,
                       "database", database,
                       "settings", settings,
                       NULL);
}

static GtkWidget *
desk_who_am_i_dialog_create_row (gpointer item,
                                 gpointer user_data)
{
  DeskWhoAmIDialog *self = user_data;
  DeskStaff *staff = item;
  const char *department;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  department = g_hash_table_lookup (self->department_names,
                                    GINT_TO_POINTER (desk_staff_get_department_id (staff)));
  if (department != NULL)
    /* Translators: the subtitle of a person in the "who am I" list:
     * their role, then their department, e.g. "工程师 · 工程部". */
    subtitle = g_strdup_printf (C_("role and department", "%s · %s"),
                                desk_role_get_label (desk_staff_get_role (staff)),
                                department);
  else
    subtitle = g_strdup (desk_role_get_label (desk_staff_get_role (staff)));

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", desk_staff_get_name (staff),
                      "subtitle", subtitle,
                      "activatable", TRUE,
                      NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
desk_who_am_i_dialog_row_activated_cb (DeskWhoAmIDialog *self,
                                       GtkListBoxRow    *row)
{
  g_autoptr(DeskStaff) staff = NULL;

  staff = g_list_model_get_item (G_LIST_MODEL (self->staff),
                                 gtk_list_box_row_get_index (row));
  if (staff == NULL)
    return;

  g_settings_set_string (self->settings, "current-user", desk_staff_get_code (staff));
  gtk_window_close (GTK_WINDOW (self));
}

static void
desk_who_am_i_dialog_load (DeskWhoAmIDialog *self)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  departments = desk_office_store_list_departments (self->database, &error);
  if (departments == NULL)
    {
      g_message ("Could not list the departments: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      for (guint i = 0; i < departments->len; i++)
        {
          DeskDepartment *department = g_ptr_array_index (departments, i);

          /* Ids are small row ids: they fit a pointer on every platform
           * that runs GTK 4. */
          g_hash_table_insert (self->department_names,
                               GINT_TO_POINTER (desk_department_get_id (department)),
                               g_strdup (desk_department_get_name (department)));
        }
    }

  staff = desk_office_store_list_staff (self->database, &error);
  if (staff == NULL)
    {
      g_message ("Could not list the staff: %s", error->message);
      return;
    }

  g_list_store_splice (self->staff, 0, 0, staff->pdata, staff->len);
}

static void
desk_who_am_i_dialog_constructed (GObject *object)
{
  DeskWhoAmIDialog *self = (DeskWhoAmIDialog *)object;

  G_OBJECT_CLASS (desk_who_am_i_dialog_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->staff_list, G_LIST_MODEL (self->staff),
                           desk_who_am_i_dialog_create_row, self, NULL);
  desk_who_am_i_dialog_load (self);
}

static void
desk_who_am_i_dialog_dispose (GObject *object)
{
  DeskWhoAmIDialog *self = (DeskWhoAmIDialog *)object;

  G_OBJECT_CLASS (desk_who_am_i_dialog_parent_class)->dispose (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->department_names, g_hash_table_unref);
}

static void
desk_who_am_i_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DeskWhoAmIDialog *self = DESK_WHO_AM_I_DIALOG (object);

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
desk_who_am_i_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DeskWhoAmIDialog *self = DESK_WHO_AM_I_DIALOG (object);

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
desk_who_am_i_dialog_class_init (DeskWhoAmIDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_who_am_i_dialog_constructed;
  object_class->dispose = desk_who_am_i_dialog_dispose;
  object_class->get_property = desk_who_am_i_dialog_get_property;
  object_class->set_property = desk_who_am_i_dialog_set_property;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-who-am-i-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWhoAmIDialog, staff_list);
  gtk_widget_class_bind_template_callback (widget_class, desk_who_am_i_dialog_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
desk_who_am_i_dialog_init (DeskWhoAmIDialog *self)
{
  self->staff = g_list_store_new (DESK_TYPE_STAFF);
  self->department_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}
