/* desk-department.c
 *
 * DeskDepartment, a department of the office as plain data (id, code, name)
 * with properties that list widgets bind.  Departments are read and saved
 * by desk-office-store.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-department"

#include "config.h"

#include "desk-department.h"

/* A department of the office as stored: plain data, saved through
 * desk-office-store.  Properties exist so that list widgets can bind. */
struct _DeskDepartment
{
  GObject parent_instance;

  gint64  id;
  char   *code;
  char   *name;
};

G_DEFINE_FINAL_TYPE (DeskDepartment, desk_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_department_finalize (GObject *object)
{
  DeskDepartment *self = (DeskDepartment *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (desk_department_parent_class)->finalize (object);
}

static void
desk_department_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskDepartment *self = DESK_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_department_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeskDepartment *self = DESK_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CODE:
      g_free (self->code);
      self->code = g_value_dup_string (value);
      break;
    case PROP_NAME:
      desk_department_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_department_class_init (DeskDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_department_finalize;
  object_class->get_property = desk_department_get_property;
  object_class->set_property = desk_department_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_department_init (DeskDepartment *self)
{
}

DeskDepartment *
desk_department_new (gint64      id,
                     const char *code,
                     const char *name)
{
  return g_object_new (DESK_TYPE_DEPARTMENT,
                       "id", id,
                       "code", code,
                       "name", name,
                       NULL);
}

gint64
desk_department_get_id (DeskDepartment *self)
{
  g_return_val_if_fail (DESK_IS_DEPARTMENT (self), 0);
  return self->id;
}

const char *
desk_department_get_code (DeskDepartment *self)
{
  g_return_val_if_fail (DESK_IS_DEPARTMENT (self), NULL);
  return self->code;
}

const char *
desk_department_get_name (DeskDepartment *self)
{
  g_return_val_if_fail (DESK_IS_DEPARTMENT (self), NULL);
  return self->name;
}

void
desk_department_set_name (DeskDepartment *self,
                          const char     *name)
{
  g_return_if_fail (DESK_IS_DEPARTMENT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
