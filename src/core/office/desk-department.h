/* desk-department.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DESK_TYPE_DEPARTMENT (desk_department_get_type ())

G_DECLARE_FINAL_TYPE (DeskDepartment, desk_department, DESK, DEPARTMENT, GObject)

DeskDepartment *desk_department_new      (gint64          id,
                                          const char     *code,
                                          const char     *name);
gint64          desk_department_get_id   (DeskDepartment *self);
const char     *desk_department_get_code (DeskDepartment *self);
const char     *desk_department_get_name (DeskDepartment *self);
void            desk_department_set_name (DeskDepartment *self,
                                          const char     *name);

G_END_DECLS
