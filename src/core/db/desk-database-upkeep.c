/* desk-database-upkeep.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office's upkeep, apart from opening it and running statements
 * (desk-database.c): emptying it for a demo, checking its integrity, and
 * writing a consistent copy with SQLite's backup API.  Each is run now
 * and then by a command, never on a desk's every save.
 */

#define G_LOG_DOMAIN "desk-database"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-database-private.h"

gboolean
desk_database_clear (DeskDatabase  *self,
                     GError       **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);

  if (!desk_database_begin (self, error))
    return FALSE;

  /* Foreign keys are checked at commit, so the order of deletion does not
   * matter and the office is never seen half empty. */
  if (!_desk_database_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    goto failed;

  rc = sqlite3_prepare_v2 (_desk_database_get_handle (self),
                           /* Shadow tables of full-text indexes are kept up to
                            * date by triggers, never emptied by hand; the
                            * categories the migrations seeded stay. */
                           "SELECT name FROM pragma_table_list"
                           " WHERE schema = 'main' AND type = 'table'"
                           " AND name NOT LIKE 'sqlite_%' AND name <> 'categories'",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error_from_rc (error, rc, desk_database_get_path (self),
                                        sqlite3_errmsg (_desk_database_get_handle (self)));
      goto failed;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"",
                                              (const char *)g_ptr_array_index (tables, i));

      if (!_desk_database_exec (self, sql, error))
        goto failed;
    }

  return desk_database_commit (self, error);

failed:
  desk_database_rollback (self);
  return FALSE;
}

gboolean
desk_database_check (DeskDatabase  *self,
                     char         **report,
                     GError       **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);

  rc = sqlite3_prepare_v2 (_desk_database_get_handle (self), "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *line = (const char *)sqlite3_column_text (stmt, 0);

        if (g_strcmp0 (line, "ok") != 0)
          g_string_append_printf (problems, "%s\n", line);
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error_from_rc (error, rc, desk_database_get_path (self),
                                        sqlite3_errmsg (_desk_database_get_handle (self)));
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (_desk_database_get_handle (self), "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_string_append_printf (problems,
                              _("row %lld of %s refers to a missing row of %s\n"),
                              (long long)sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error_from_rc (error, rc, desk_database_get_path (self),
                                        sqlite3_errmsg (_desk_database_get_handle (self)));
      return FALSE;
    }

  if (report != NULL)
    *report = problems->len > 0 ? g_strdup (problems->str) : g_strdup ("ok");

  return problems->len == 0;
}

gboolean
desk_database_backup (DeskDatabase  *self,
                      const char    *dest_path,
                      GError       **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *tmp_journal = NULL;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  {
    g_autofree char *a = g_canonicalize_filename (dest_path, NULL);
    g_autofree char *b = g_canonicalize_filename (desk_database_get_path (self), NULL);

    GStatBuf dest_st, self_st;

    if (g_strcmp0 (a, b) == 0 ||
        (g_stat (dest_path, &dest_st) == 0 && g_stat (desk_database_get_path (self), &self_st) == 0 &&
         dest_st.st_dev == self_st.st_dev && dest_st.st_ino == self_st.st_ino))
      {
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_FAILED,
                     _("Cannot back up %s onto itself"), desk_database_get_path (self));
        return FALSE;
      }
  }

  /* An office in use, or one not closed cleanly, has its write-ahead log
   * beside it: a backup renamed over it would be read with that log and
   * come out damaged, and a desk that has it open would go on writing
   * into a file nobody can see any more. */
  {
    g_autofree char *dest_wal = g_strconcat (dest_path, "-wal", NULL);
    g_autofree char *dest_shm = g_strconcat (dest_path, "-shm", NULL);

    if (g_file_test (dest_wal, G_FILE_TEST_EXISTS) || g_file_test (dest_shm, G_FILE_TEST_EXISTS))
      {
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_BUSY,
                     _("Cannot back up onto %s: it is an office that is open or was not closed "
                       "cleanly (%s is beside it); choose another file"),
                     dest_path, dest_wal);
        return FALSE;
      }
  }

  tmp_path = g_strdup_printf ("%s.part-%d", dest_path, (int)getpid ());
  tmp_journal = g_strconcat (tmp_path, "-journal", NULL);
  g_unlink (tmp_path);

  rc = sqlite3_open_v2 (tmp_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                   _("Could not write the backup %s: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      goto failed;
    }

  /* One step copies every page inside one read transaction: a consistent
   * snapshot, while WAL lets other connections go on writing. */
  backup = sqlite3_backup_init (dest, "main", _desk_database_get_handle (self), "main");
  if (backup == NULL)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_FAILED,
                   _("Could not write the backup %s: %s"), dest_path, sqlite3_errmsg (dest));
      goto failed;
    }

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, DESK_DATABASE_ERROR, _desk_database_error_code_from_sqlite (rc),
                   _("Could not write the backup %s: %s"), dest_path, sqlite3_errstr (rc));
      goto failed;
    }

  if (sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_FAILED,
                   _("Could not write the backup %s: %s"), dest_path, sqlite3_errmsg (dest));
      goto failed;
    }
  dest = NULL;

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write the backup %s: %s"), dest_path, g_strerror (saved));
      goto failed;
    }

  return TRUE;

failed:
  if (dest != NULL)
    sqlite3_close (dest);
  g_unlink (tmp_path);
  g_unlink (tmp_journal);
  return FALSE;
}
