/* desk-office-store.c
 *
 * The office itself: its settings (office_settings, shared by everyone who
 * opens the file), its departments (removed only when no active staff
 * belong to them), its staff (retired, never deleted), the next free codes,
 * and whether the office is still empty.  Customers and categories have
 * stores of their own.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-office-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-text.h"
#include "desk-office-store.h"

char *
desk_office_store_get_setting (DeskDatabase *db,
                               const char   *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _desk_database_prepare (db, "SELECT value FROM office_settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _desk_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

gboolean
desk_office_store_set_setting (DeskDatabase  *db,
                               const char    *key,
                               const char    *value,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = _desk_database_prepare (db, "DELETE FROM office_settings WHERE key = ?1", error);
  else
    stmt = _desk_database_prepare (db,
                                   "INSERT INTO office_settings (key, value) VALUES (?1, ?2)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return _desk_database_step_done (db, stmt, _("Could not save the setting"), error);
}

GPtrArray *
desk_office_store_list_departments (DeskDatabase  *db,
                                    GError       **error)
{
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db, "SELECT id, code, name FROM departments ORDER BY code", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (departments,
                     desk_department_new (sqlite3_column_int64 (stmt, 0),
                                          (const char *)sqlite3_column_text (stmt, 1),
                                          (const char *)sqlite3_column_text (stmt, 2)));

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the departments"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&departments);
}

DeskDepartment *
desk_office_store_add_department (DeskDatabase  *db,
                                  const char    *code,
                                  const char    *name,
                                  GError       **error)
{
  g_autofree char *generated = NULL;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  if (desk_text_is_blank (name))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Department name: enter a name"));
      return NULL;
    }

  if (code == NULL)
    code = generated = desk_office_store_next_department_code (db);

  trimmed = g_strstrip (g_strdup (name));

  stmt = _desk_database_prepare (db, "INSERT INTO departments (code, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (_desk_database_get_handle (db)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                     _("Department name: “%s” already exists"), trimmed);
      else
        _desk_database_set_error (db, error, _("Could not add the department"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return desk_department_new (sqlite3_last_insert_rowid (_desk_database_get_handle (db)),
                              code, trimmed);
}

gboolean
desk_office_store_rename_department (DeskDatabase  *db,
                                     gint64         id,
                                     const char    *name,
                                     GError       **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (desk_text_is_blank (name))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Department name: enter a name"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (name));

  stmt = _desk_database_prepare (db, "UPDATE departments SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (_desk_database_get_handle (db)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                     _("Department name: “%s” already exists"), trimmed);
      else
        _desk_database_set_error (db, error, _("Could not rename the department"));
      return FALSE;
    }

  if (sqlite3_changes (_desk_database_get_handle (db)) == 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("The department no longer exists"));
      return FALSE;
    }

  return TRUE;
}

gboolean
desk_office_store_remove_department (DeskDatabase  *db,
                                     gint64         id,
                                     GError       **error)
{
  sqlite3_stmt *stmt;
  int members = 0;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (!desk_database_begin (db, error))
    return FALSE;

  stmt = _desk_database_prepare (db,
                                 "SELECT count(*) FROM staff WHERE department_id = ?1 AND active",
                                 error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    members = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (members > 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The department still has %d member of staff; move or retire them first",
                                "The department still has %d members of staff; move or retire them first",
                                members),
                   members);
      goto failed;
    }

  /* Retired staff keep their history but leave the department. */
  stmt = _desk_database_prepare (db, "UPDATE staff SET department_id = NULL WHERE department_id = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_desk_database_step_done (db, stmt, _("Could not remove the department"), error))
    goto failed;

  stmt = _desk_database_prepare (db, "DELETE FROM departments WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_desk_database_step_done (db, stmt, _("Could not remove the department"), error))
    goto failed;

  return desk_database_commit (db, error);

failed:
  desk_database_rollback (db);
  return FALSE;
}

static DeskStaff *
staff_from_row (sqlite3_stmt *stmt)
{
  DeskRole role = DESK_ROLE_CLERK;

  desk_role_from_nick ((const char *)sqlite3_column_text (stmt, 3), &role);

  return desk_staff_new (sqlite3_column_int64 (stmt, 0),
                         (const char *)sqlite3_column_text (stmt, 1),
                         (const char *)sqlite3_column_text (stmt, 2),
                         role,
                         sqlite3_column_int64 (stmt, 4),
                         (const char *)sqlite3_column_text (stmt, 5));
}

#define STAFF_COLUMNS "id, code, name, role, department_id, phone"

GPtrArray *
desk_office_store_list_staff (DeskDatabase  *db,
                              GError       **error)
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT " STAFF_COLUMNS " FROM staff WHERE active"
                                 " ORDER BY code",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (staff, staff_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the staff"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&staff);
}

DeskStaff *
desk_office_store_find_staff (DeskDatabase  *db,
                              const char    *code,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  DeskStaff *staff = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT " STAFF_COLUMNS " FROM staff WHERE code = ?1 AND active",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    staff = staff_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                 _("There is no member of staff with the number %s"), code);
  else
    _desk_database_set_error (db, error, _("Could not read the staff"));
  sqlite3_reset (stmt);

  return staff;
}

static gboolean
bind_staff (sqlite3_stmt  *stmt,
            const char    *name,
            DeskRole       role,
            gint64         department_id,
            const char    *phone,
            GError       **error)
{
  if (desk_text_is_blank (name))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Name: enter the person’s name"));
      return FALSE;
    }

  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, desk_role_to_nick (role), -1, SQLITE_STATIC);
  if (department_id > 0)
    sqlite3_bind_int64 (stmt, 4, department_id);
  else
    sqlite3_bind_null (stmt, 4);
  _desk_bind_text_or_null (stmt, 5, phone);

  return TRUE;
}

DeskStaff *
desk_office_store_add_staff (DeskDatabase  *db,
                             const char    *code,
                             const char    *name,
                             DeskRole       role,
                             gint64         department_id,
                             const char    *phone,
                             GError       **error)
{
  g_autofree char *generated = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  if (code == NULL)
    code = generated = desk_office_store_next_staff_code (db);

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO staff (code, name, role, department_id, phone)"
                                 " VALUES (?1, trim(?2), ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (!bind_staff (stmt, name, role, department_id, phone, error))
    return NULL;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_extended_errcode (_desk_database_get_handle (db));

      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                     _("Staff number: %s is already taken"), code);
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                     _("Department: the department no longer exists"));
      else
        _desk_database_set_error (db, error, _("Could not add the member of staff"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return desk_office_store_find_staff (db, code, error);
}

gboolean
desk_office_store_update_staff (DeskDatabase  *db,
                                DeskStaff     *staff,
                                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DESK_IS_STAFF (staff), FALSE);

  stmt = _desk_database_prepare (db,
                                 "UPDATE staff SET name = trim(?2), role = ?3, department_id = ?4,"
                                 " phone = ?5 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, desk_staff_get_id (staff));
  if (!bind_staff (stmt, desk_staff_get_name (staff), desk_staff_get_role (staff),
                   desk_staff_get_department_id (staff), desk_staff_get_phone (staff), error))
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_desk_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                     _("Department: the department no longer exists"));
      else
        _desk_database_set_error (db, error, _("Could not save the member of staff"));
      return FALSE;
    }

  if (sqlite3_changes (_desk_database_get_handle (db)) == 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("The member of staff no longer exists"));
      return FALSE;
    }

  return TRUE;
}

gboolean
desk_office_store_retire_staff (DeskDatabase  *db,
                                gint64         id,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  stmt = _desk_database_prepare (db, "UPDATE staff SET active = 0 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _desk_database_step_done (db, stmt, _("Could not retire the member of staff"), error);
}

gboolean
desk_office_store_is_empty (DeskDatabase  *db,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  stmt = _desk_database_prepare (db,
                                 "SELECT NOT EXISTS (SELECT 1 FROM departments)"
                                 " AND NOT EXISTS (SELECT 1 FROM staff)"
                                 " AND NOT EXISTS (SELECT 1 FROM customers)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not read the office"));
  sqlite3_reset (stmt);

  return empty;
}

static char *
next_code (DeskDatabase *db,
           const char   *sql,
           const char   *prefix)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  stmt = _desk_database_prepare (db, sql, NULL);
  if (stmt == NULL)
    return g_strdup_printf ("%s%03d", prefix, 1);

  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return g_strdup_printf ("%s%03" G_GINT64_FORMAT, prefix, n + 1);
}

char *
desk_office_store_next_staff_code (DeskDatabase *db)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  return next_code (db,
                    "SELECT coalesce(max(CAST(substr(code, length(?1) + 1) AS INTEGER)), 0)"
                    " FROM staff WHERE code GLOB ?1 || '[0-9]*'",
                    "S");
}

char *
desk_office_store_next_department_code (DeskDatabase *db)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  return next_code (db,
                    "SELECT coalesce(max(CAST(substr(code, length(?1) + 1) AS INTEGER)), 0)"
                    " FROM departments WHERE code GLOB ?1 || '[0-9]*'",
                    "D");
}
