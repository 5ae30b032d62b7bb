/* desk-staff.c
 *
 * DeskStaff, a member of staff as plain data (staff number, name, role,
 * department, phone) with properties that lists and combo rows bind, and
 * the "name · role" display name.  Staff are read and saved by
 * desk-office-store.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-enums.h"
#include "desk-staff.h"

/* A member of staff as stored: plain data, saved through desk-office-store.
 * Properties exist so that list widgets and combo rows can bind. */
struct _DeskStaff
{
  GObject   parent_instance;

  gint64    id;
  char     *code;
  char     *name;
  DeskRole  role;
  gint64    department_id;
  char     *phone;
};

G_DEFINE_FINAL_TYPE (DeskStaff, desk_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_ROLE,
  PROP_DEPARTMENT_ID,
  PROP_PHONE,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_staff_finalize (GObject *object)
{
  DeskStaff *self = (DeskStaff *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (desk_staff_parent_class)->finalize (object);
}

static void
desk_staff_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DeskStaff *self = DESK_STAFF (object);

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
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, self->department_id);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, desk_staff_dup_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_staff_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DeskStaff *self = DESK_STAFF (object);

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
      desk_staff_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      desk_staff_set_role (self, g_value_get_enum (value));
      break;
    case PROP_DEPARTMENT_ID:
      desk_staff_set_department_id (self, g_value_get_int64 (value));
      break;
    case PROP_PHONE:
      desk_staff_set_phone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_staff_class_init (DeskStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_staff_finalize;
  object_class->get_property = desk_staff_get_property;
  object_class->set_property = desk_staff_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, DESK_TYPE_ROLE, DESK_ROLE_CLERK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_staff_init (DeskStaff *self)
{
}

DeskStaff *
desk_staff_new (gint64      id,
                const char *code,
                const char *name,
                DeskRole    role,
                gint64      department_id,
                const char *phone)
{
  return g_object_new (DESK_TYPE_STAFF,
                       "id", id,
                       "code", code,
                       "name", name,
                       "role", role,
                       "department-id", department_id,
                       "phone", phone,
                       NULL);
}

gint64
desk_staff_get_id (DeskStaff *self)
{
  g_return_val_if_fail (DESK_IS_STAFF (self), 0);
  return self->id;
}

const char *
desk_staff_get_code (DeskStaff *self)
{
  g_return_val_if_fail (DESK_IS_STAFF (self), NULL);
  return self->code;
}

const char *
desk_staff_get_name (DeskStaff *self)
{
  g_return_val_if_fail (DESK_IS_STAFF (self), NULL);
  return self->name;
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
desk_staff_set_name (DeskStaff  *self,
                     const char *name)
{
  g_return_if_fail (DESK_IS_STAFF (self));

  if (replace_string (&self->name, name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

DeskRole
desk_staff_get_role (DeskStaff *self)
{
  g_return_val_if_fail (DESK_IS_STAFF (self), DESK_ROLE_CLERK);
  return self->role;
}

void
desk_staff_set_role (DeskStaff *self,
                     DeskRole   role)
{
  g_return_if_fail (DESK_IS_STAFF (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

gint64
desk_staff_get_department_id (DeskStaff *self)
{
  g_return_val_if_fail (DESK_IS_STAFF (self), 0);
  return self->department_id;
}

void
desk_staff_set_department_id (DeskStaff *self,
                              gint64     department_id)
{
  g_return_if_fail (DESK_IS_STAFF (self));

  if (self->department_id == department_id)
    return;

  self->department_id = department_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_ID]);
}

const char *
desk_staff_get_phone (DeskStaff *self)
{
  g_return_val_if_fail (DESK_IS_STAFF (self), NULL);
  return self->phone;
}

void
desk_staff_set_phone (DeskStaff  *self,
                      const char *phone)
{
  g_return_if_fail (DESK_IS_STAFF (self));

  if (replace_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

char *
desk_staff_dup_display_name (DeskStaff *self)
{
  g_return_val_if_fail (DESK_IS_STAFF (self), NULL);

  /* Translators: a person's name and role, e.g. "张伟 · Department manager" */
  return g_strdup_printf (_("%s · %s"), self->name ? self->name : "",
                          desk_role_get_label (self->role));
}
