/* desk-staff.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_STAFF (desk_staff_get_type ())

G_DECLARE_FINAL_TYPE (DeskStaff, desk_staff, DESK, STAFF, GObject)

/* A member of staff.  @code is the staff number (工号), unique in the
 * office; the GSettings key "current-user" remembers it.  @department_id
 * is 0 for people above the departments (general managers). */
DeskStaff  *desk_staff_new               (gint64      id,
                                          const char *code,
                                          const char *name,
                                          DeskRole    role,
                                          gint64      department_id,
                                          const char *phone);
gint64      desk_staff_get_id            (DeskStaff  *self);
const char *desk_staff_get_code          (DeskStaff  *self);
const char *desk_staff_get_name          (DeskStaff  *self);
void        desk_staff_set_name          (DeskStaff  *self,
                                          const char *name);
DeskRole    desk_staff_get_role          (DeskStaff  *self);
void        desk_staff_set_role          (DeskStaff  *self,
                                          DeskRole    role);
gint64      desk_staff_get_department_id (DeskStaff  *self);
void        desk_staff_set_department_id (DeskStaff  *self,
                                          gint64      department_id);
const char *desk_staff_get_phone         (DeskStaff  *self);
void        desk_staff_set_phone         (DeskStaff  *self,
                                          const char *phone);
/* "张伟 · 部门经理": for lists and the "who am I" chooser. */
char       *desk_staff_dup_display_name  (DeskStaff  *self);

G_END_DECLS
