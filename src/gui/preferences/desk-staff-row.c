/* desk-staff-row.c
 *
 * A person's row on the Staff page of Preferences: an expander row headed
 * by name, role and department, opening onto their name, role, department
 * and phone, each saved as soon as it is changed (the old value comes back
 * if the store refuses), and Retire, asked about first.  The window adds
 * the rows and reloads when a person is retired.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-staff-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-enums.h"
#include "desk-office-store.h"

#include "desk-gui-private.h"
#include "desk-staff-row.h"

struct _DeskStaffRow
{
  AdwExpanderRow  parent_instance;

  DeskDatabase   *database;
  DeskStaff      *staff;
  GListModel     *departments;

  /* Set while the rows are filled from @staff, so that filling them is
   * not taken for the user's changes. */
  gboolean        loading;

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwComboRow    *role_row;
  AdwComboRow    *department_row;
  AdwEntryRow    *phone_row;
};

G_DEFINE_FINAL_TYPE (DeskStaffRow, desk_staff_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_STAFF,
  PROP_DEPARTMENTS,
  N_PROPS
};

enum {
  CHANGED,
  RETIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
desk_staff_row_new (DeskDatabase *database,
                    DeskStaff    *staff,
                    GListModel   *departments)
{
  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (DESK_IS_STAFF (staff), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (departments), NULL);

  return g_object_new (DESK_TYPE_STAFF_ROW,
                       "database", database,
                       "staff", staff,
                       "departments", departments,
                       NULL);
}

DeskStaff *
desk_staff_row_get_staff (DeskStaffRow *self)
{
  g_return_val_if_fail (DESK_IS_STAFF_ROW (self), NULL);

  return self->staff;
}

static char *
desk_staff_row_role_label_cb (gpointer item,
                              int      role)
{
  return g_strdup (desk_role_get_label (role));
}

static guint
desk_staff_row_find_department (DeskStaffRow *self,
                                gint64        department_id)
{
  guint n_items = g_list_model_get_n_items (self->departments);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskDepartment) department = g_list_model_get_item (self->departments, i);

      if (desk_department_get_id (department) == department_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The collapsed row says who the person is: name, role and department. */
static void
desk_staff_row_update_heading (DeskStaffRow *self)
{
  const char *role = desk_role_get_label (desk_staff_get_role (self->staff));
  DeskDepartment *department = adw_combo_row_get_selected_item (self->department_row);
  g_autofree char *subtitle = NULL;

  if (department != NULL && desk_department_get_id (department) != 0)
    /* Translators: a person's role, then their department, e.g. "工程师 · 工程部". */
    subtitle = g_strdup_printf (C_("role and department", "%s · %s"),
                                role, desk_department_get_name (department));
  else
    subtitle = g_strdup (role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), desk_staff_get_name (self->staff));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
desk_staff_row_load (DeskStaffRow *self)
{
  AdwEnumListModel *roles = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (self->role_row));

  self->loading = TRUE;

  _desk_entry_row_set_text (self->name_row, desk_staff_get_name (self->staff));
  _desk_entry_row_set_text (self->phone_row, desk_staff_get_phone (self->staff));
  adw_combo_row_set_selected (self->role_row,
                              adw_enum_list_model_find_position (roles, desk_staff_get_role (self->staff)));
  adw_combo_row_set_selected (self->department_row,
                              desk_staff_row_find_department (self, desk_staff_get_department_id (self->staff)));

  self->loading = FALSE;

  desk_staff_row_update_heading (self);
}

/* Saves @self->staff after one field was changed in it; the caller puts
 * the old value back when this fails. */
static gboolean
desk_staff_row_save (DeskStaffRow  *self,
                     GError       **error)
{
  if (!desk_office_store_update_staff (self->database, self->staff, error))
    return FALSE;

  desk_staff_row_update_heading (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

static void
desk_staff_row_name_apply_cb (DeskStaffRow *self)
{
  g_autofree char *old_name = g_strdup (desk_staff_get_name (self->staff));
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autoptr(GError) error = NULL;

  g_strstrip (name);
  if (name[0] == '\0')
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("The name of %s cannot be empty"),
                              old_name);
      _desk_entry_row_set_text (self->name_row, old_name);
      return;
    }

  if (g_strcmp0 (name, old_name) == 0)
    return;

  desk_staff_set_name (self->staff, name);
  if (!desk_staff_row_save (self, &error))
    {
      desk_staff_set_name (self->staff, old_name);
      _desk_entry_row_set_text (self->name_row, old_name);
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not save the name of %s: %s"),
                              old_name, error->message);
    }
}

static void
desk_staff_row_phone_apply_cb (DeskStaffRow *self)
{
  g_autofree char *old_phone = g_strdup (desk_staff_get_phone (self->staff));
  g_autofree char *phone = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  g_autoptr(GError) error = NULL;

  g_strstrip (phone);
  desk_staff_set_phone (self->staff, phone);
  if (!desk_staff_row_save (self, &error))
    {
      desk_staff_set_phone (self->staff, old_phone);
      _desk_entry_row_set_text (self->phone_row, old_phone);
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not save the phone number of %s: %s"),
                              desk_staff_get_name (self->staff), error->message);
    }
}

static void
desk_staff_row_role_selected_cb (DeskStaffRow *self)
{
  AdwEnumListItem *item;
  DeskRole old_role;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  item = adw_combo_row_get_selected_item (self->role_row);
  old_role = desk_staff_get_role (self->staff);
  if (item == NULL || (DeskRole) adw_enum_list_item_get_value (item) == old_role)
    return;

  desk_staff_set_role (self->staff, adw_enum_list_item_get_value (item));
  if (!desk_staff_row_save (self, &error))
    {
      desk_staff_set_role (self->staff, old_role);
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not save the role of %s: %s"),
                              desk_staff_get_name (self->staff), error->message);
      desk_staff_row_load (self);
    }
}

static void
desk_staff_row_department_selected_cb (DeskStaffRow *self)
{
  DeskDepartment *department;
  gint64 old_id;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  department = adw_combo_row_get_selected_item (self->department_row);
  old_id = desk_staff_get_department_id (self->staff);
  if (department == NULL || desk_department_get_id (department) == old_id)
    return;

  desk_staff_set_department_id (self->staff, desk_department_get_id (department));
  if (!desk_staff_row_save (self, &error))
    {
      desk_staff_set_department_id (self->staff, old_id);
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not save the department of %s: %s"),
                              desk_staff_get_name (self->staff), error->message);
      desk_staff_row_load (self);
    }
}

static void
desk_staff_row_retire_response_cb (DeskStaffRow *self,
                                   const char   *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "retire") != 0)
    return;

  if (!desk_office_store_retire_staff (self->database,
                                       desk_staff_get_id (self->staff),
                                       &error))
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not retire %s: %s"),
                              desk_staff_get_name (self->staff), error->message);
      return;
    }

  /* The handler may remove this row from its list. */
  g_signal_emit (self, signals[RETIRED], 0);
}

static void
desk_staff_row_retire_clicked_cb (DeskStaffRow *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (_("Retire %s?"), desk_staff_get_name (self->staff));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading,
                                   _("They will no longer be listed or given new tickets. "
                                     "Their past tickets keep their name."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "retire", _("_Retire"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "retire", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (desk_staff_row_retire_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
desk_staff_row_constructed (GObject *object)
{
  DeskStaffRow *self = (DeskStaffRow *)object;

  G_OBJECT_CLASS (desk_staff_row_parent_class)->constructed (object);

  self->loading = TRUE;
  adw_combo_row_set_model (self->department_row, self->departments);
  self->loading = FALSE;

  desk_staff_row_load (self);
}

static void
desk_staff_row_dispose (GObject *object)
{
  DeskStaffRow *self = (DeskStaffRow *)object;

  /* Taking the combo rows apart must not save anything. */
  self->loading = TRUE;

  G_OBJECT_CLASS (desk_staff_row_parent_class)->dispose (object);

  g_clear_object (&self->database);
  g_clear_object (&self->staff);
  g_clear_object (&self->departments);
}

static void
desk_staff_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskStaffRow *self = DESK_STAFF_ROW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_DEPARTMENTS:
      g_value_set_object (value, self->departments);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_staff_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskStaffRow *self = DESK_STAFF_ROW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_STAFF:
      self->staff = g_value_dup_object (value);
      break;

    case PROP_DEPARTMENTS:
      self->departments = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_staff_row_class_init (DeskStaffRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_staff_row_constructed;
  object_class->dispose = desk_staff_row_dispose;
  object_class->get_property = desk_staff_row_get_property;
  object_class->set_property = desk_staff_row_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DESK_TYPE_DATABASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL,
                         DESK_TYPE_STAFF,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DEPARTMENTS] =
    g_param_spec_object ("departments", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[RETIRED] =
    g_signal_new ("retired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The template names these types before anything else would. */
  g_type_ensure (DESK_TYPE_ROLE);
  g_type_ensure (DESK_TYPE_DEPARTMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-staff-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskStaffRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskStaffRow, role_row);
  gtk_widget_class_bind_template_child (widget_class, DeskStaffRow, department_row);
  gtk_widget_class_bind_template_child (widget_class, DeskStaffRow, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, desk_staff_row_role_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_staff_row_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_staff_row_phone_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_staff_row_role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_staff_row_department_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_staff_row_retire_clicked_cb);
}

static void
desk_staff_row_init (DeskStaffRow *self)
{
  /* Nothing is saved until desk_staff_row_load() filled the rows. */
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}
