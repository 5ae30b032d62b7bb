/* desk-office-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-department.h"
#include "desk-staff.h"

G_BEGIN_DECLS

/* The office itself: its settings (shared by everyone who opens the same
 * office database, unlike GSettings, which are per user), its departments
 * and its staff. */

#define DESK_SETTING_ORGANISATION_NAME "organisation-name"

char      *desk_office_store_get_setting       (DeskDatabase    *db,
                                                const char      *key);
gboolean   desk_office_store_set_setting       (DeskDatabase    *db,
                                                const char      *key,
                                                const char      *value,
                                                GError         **error);

/* Departments in the order they were set up (by code).  Element type DeskDepartment. */
GPtrArray *desk_office_store_list_departments  (DeskDatabase    *db,
                                                GError         **error);
DeskDepartment *desk_office_store_add_department (DeskDatabase  *db,
                                                const char      *code,
                                                const char      *name,
                                                GError         **error);
gboolean   desk_office_store_rename_department (DeskDatabase    *db,
                                                gint64           id,
                                                const char      *name,
                                                GError         **error);
/* Refused while active staff still belong to it. */
gboolean   desk_office_store_remove_department (DeskDatabase    *db,
                                                gint64           id,
                                                GError         **error);

/* Active staff, by staff number.  Element type DeskStaff. */
GPtrArray *desk_office_store_list_staff        (DeskDatabase    *db,
                                                GError         **error);
DeskStaff *desk_office_store_find_staff        (DeskDatabase    *db,
                                                const char      *code,
                                                GError         **error);
/* Inserts a person (@code NULL: the next free number) and returns the stored copy. */
DeskStaff *desk_office_store_add_staff         (DeskDatabase    *db,
                                                const char      *code,
                                                const char      *name,
                                                DeskRole         role,
                                                gint64           department_id,
                                                const char      *phone,
                                                GError         **error);
/* Saves name, role, department and phone of @staff. */
gboolean   desk_office_store_update_staff      (DeskDatabase    *db,
                                                DeskStaff       *staff,
                                                GError         **error);
/* Staff are never deleted (tickets keep their owners); they leave. */
gboolean   desk_office_store_retire_staff      (DeskDatabase    *db,
                                                gint64           id,
                                                GError         **error);

/* TRUE when the office has no departments, staff or customers yet. */
gboolean   desk_office_store_is_empty          (DeskDatabase    *db,
                                                GError         **error);
/* Next free staff number ("S001" style), for the Preferences' Add button. */
char      *desk_office_store_next_staff_code   (DeskDatabase    *db);
char      *desk_office_store_next_department_code (DeskDatabase *db);

G_END_DECLS
