/* desk-staff-row.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-staff.h"

G_BEGIN_DECLS

#define DESK_TYPE_STAFF_ROW (desk_staff_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskStaffRow, desk_staff_row, DESK, STAFF_ROW, AdwExpanderRow)

/* One person in the Preferences' Staff page: name, role, department and
 * phone, each saved as soon as it is changed.  @departments holds
 * DeskDepartment items to choose from; the one with id 0 stands for "no
 * department".  Errors are shown as toasts of the preferences window the
 * row is in.  Emits "changed" after a saved change and "retired" after
 * the person was retired. */
GtkWidget *desk_staff_row_new       (DeskDatabase *database,
                                     DeskStaff    *staff,
                                     GListModel   *departments);
DeskStaff *desk_staff_row_get_staff (DeskStaffRow *self);

G_END_DECLS
