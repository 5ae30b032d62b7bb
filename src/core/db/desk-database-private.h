/* desk-database-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "desk-database.h"

G_BEGIN_DECLS

/* For the store files only: SQL lives in src/core/<area>/desk-*-store.c and in
 * the migrations, nowhere else. */

/* A prepared statement owned by the database's cache, reset and with its
 * bindings cleared, ready to bind.  Do not finalize it. */
sqlite3_stmt *_desk_database_prepare      (DeskDatabase  *self,
                                           const char    *sql,
                                           GError       **error);
sqlite3      *_desk_database_get_handle   (DeskDatabase  *self);

/* Turns the last SQLite error into a GError that says what was being done. */
/* @rc's error in the domain of desk-database.h, naming @path. */
DeskDatabaseError _desk_database_error_code_from_sqlite (int rc);
void          _desk_database_set_error_from_rc (GError     **error,
                                                int          rc,
                                                const char  *path,
                                                const char  *message);
void          _desk_database_set_error    (DeskDatabase  *self,
                                           GError       **error,
                                           const char    *what);
gboolean      _desk_database_exec         (DeskDatabase  *self,
                                           const char    *sql,
                                           GError       **error);

/* Runs a statement that returns no rows (INSERT, UPDATE, DELETE) and
 * resets it. */
gboolean      _desk_database_step_done    (DeskDatabase  *self,
                                           sqlite3_stmt  *stmt,
                                           const char    *what,
                                           GError       **error);

/* The one row @sql returns for its single parameter ?1 (@key_text, or
 * @key_id when that is NULL), made by @from_row; NULL with @error set to
 * DESK_DATABASE_ERROR_NOT_FOUND and @missing when there is none, or to
 * the SQLite error and @what when reading fails. */
gpointer      _desk_database_get_one      (DeskDatabase  *self,
                                           const char    *sql,
                                           gint64         key_id,
                                           const char    *key_text,
                                           gpointer     (*from_row) (sqlite3_stmt *stmt),
                                           const char    *missing,
                                           const char    *what,
                                           GError       **error);

/* Emits DeskDatabase::changed for @table's row @id (in this process). */
void          _desk_database_notify       (DeskDatabase  *self,
                                           const char    *table,
                                           gint64         id);

/* Binds a UTF-8 string, or NULL for NULL/empty. */
void          _desk_bind_text_or_null     (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
char         *_desk_column_dup            (sqlite3_stmt  *stmt,
                                           int            index);

G_END_DECLS
