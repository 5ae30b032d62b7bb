/* desk-department-row.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-department.h"

G_BEGIN_DECLS

#define DESK_TYPE_DEPARTMENT_ROW (desk_department_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskDepartmentRow, desk_department_row, DESK, DEPARTMENT_ROW, AdwEntryRow)

/* One department in the Preferences' Departments page: its name, renamed
 * on apply, and a button that removes it.  Errors are shown as toasts of
 * the window the row is in.  Emits "renamed" after a rename was saved and
 * "removed" after the department was removed. */
GtkWidget      *desk_department_row_new            (DeskDatabase      *database,
                                                    DeskDepartment    *department);
DeskDepartment *desk_department_row_get_department (DeskDepartmentRow *self);

G_END_DECLS
