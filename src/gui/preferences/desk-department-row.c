/* desk-department-row.c
 *
 * A department's row on the Departments page of Preferences: an entry row
 * with its code in the title and its name, renamed in the store on apply (a
 * blank name is refused), and a button that removes the department.  The
 * window adds the rows and reloads on "removed"; the staff rows' department
 * combos follow a rename.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-department-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-office-store.h"

#include "desk-department-row.h"
#include "desk-gui-private.h"

struct _DeskDepartmentRow
{
  AdwEntryRow     parent_instance;

  DeskDatabase   *database;
  DeskDepartment *department;

  /* Template widgets */
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (DeskDepartmentRow, desk_department_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DEPARTMENT,
  N_PROPS
};

enum {
  RENAMED,
  REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
desk_department_row_new (DeskDatabase   *database,
                         DeskDepartment *department)
{
  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (DESK_IS_DEPARTMENT (department), NULL);

  return g_object_new (DESK_TYPE_DEPARTMENT_ROW,
                       "database", database,
                       "department", department,
                       NULL);
}

DeskDepartment *
desk_department_row_get_department (DeskDepartmentRow *self)
{
  g_return_val_if_fail (DESK_IS_DEPARTMENT_ROW (self), NULL);

  return self->department;
}

static void
desk_department_row_update (DeskDepartmentRow *self)
{
  const char *name = desk_department_get_name (self->department);
  g_autofree char *title = NULL;
  g_autofree char *remove_label = NULL;

  /* Translators: the title of a department's name field; %s is the
   * department's code, e.g. "Department D02". */
  title = g_strdup_printf (_("Department %s"), desk_department_get_code (self->department));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  _desk_entry_row_set_text (ADW_ENTRY_ROW (self), name);

  remove_label = g_strdup_printf (_("Remove the department “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
desk_department_row_apply_cb (DeskDepartmentRow *self)
{
  const char *old_name = desk_department_get_name (self->department);
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));
  g_autoptr(GError) error = NULL;

  g_strstrip (name);
  if (name[0] == '\0')
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("The department “%s” needs a name"),
                              old_name);
      desk_department_row_update (self);
      return;
    }

  if (g_strcmp0 (name, old_name) == 0)
    return;

  if (!desk_office_store_rename_department (self->database,
                                            desk_department_get_id (self->department),
                                            name, &error))
    {
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not rename the department “%s”: %s"),
                              old_name, error->message);
      desk_department_row_update (self);
      return;
    }

  /* Whoever shows this department (the staff rows' combos) follows. */
  desk_department_set_name (self->department, name);
  desk_department_row_update (self);
  g_signal_emit (self, signals[RENAMED], 0);
}

static void
desk_department_row_remove_clicked_cb (DeskDepartmentRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!desk_office_store_remove_department (self->database,
                                            desk_department_get_id (self->department),
                                            &error))
    {
      /* The store says why, e.g. that people still work there. */
      _desk_widget_add_toast (GTK_WIDGET (self), _("Could not remove the department “%s”: %s"),
                              desk_department_get_name (self->department),
                              error->message);
      return;
    }

  /* The handler may take this row away. */
  g_signal_emit (self, signals[REMOVED], 0);
}

static void
desk_department_row_constructed (GObject *object)
{
  DeskDepartmentRow *self = (DeskDepartmentRow *)object;

  G_OBJECT_CLASS (desk_department_row_parent_class)->constructed (object);

  desk_department_row_update (self);
}

static void
desk_department_row_dispose (GObject *object)
{
  DeskDepartmentRow *self = (DeskDepartmentRow *)object;

  G_OBJECT_CLASS (desk_department_row_parent_class)->dispose (object);

  g_clear_object (&self->database);
  g_clear_object (&self->department);
}

static void
desk_department_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskDepartmentRow *self = DESK_DEPARTMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_DEPARTMENT:
      g_value_set_object (value, self->department);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_department_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskDepartmentRow *self = DESK_DEPARTMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_DEPARTMENT:
      self->department = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_department_row_class_init (DeskDepartmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_department_row_constructed;
  object_class->dispose = desk_department_row_dispose;
  object_class->get_property = desk_department_row_get_property;
  object_class->set_property = desk_department_row_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DESK_TYPE_DATABASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DEPARTMENT] =
    g_param_spec_object ("department", NULL, NULL,
                         DESK_TYPE_DEPARTMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RENAMED] =
    g_signal_new ("renamed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[REMOVED] =
    g_signal_new ("removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-department-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskDepartmentRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, desk_department_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_department_row_remove_clicked_cb);
}

static void
desk_department_row_init (DeskDepartmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
