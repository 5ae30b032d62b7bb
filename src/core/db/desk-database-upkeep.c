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

#include "desk-bulk-parts.h"
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

/* Emptying a big office in parts (demo --force on a million tickets):
 * one DELETE of everything held the write lock for most of a minute.  The
 * tables are emptied children first (a table only once no other table
 * still to be emptied refers to it), each a part of its rows at a time,
 * by primary key; desk_database_clear() then removes what other desks
 * wrote meanwhile, and whatever a cycle of references left, in one short
 * transaction.  Stopped half way, the office holds whole parts only. */

typedef struct
{
  char      *name;
  char      *key;        /* "rowid", or the primary key's columns: "(a, b)" */
  char      *columns;    /* the same for a SELECT: "rowid", "a, b" */
  GPtrArray *parents;    /* names of the tables it refers to (not itself) */
  GPtrArray *self_refs;  /* its columns that refer to its own rows */
  gboolean   stuck;      /* such a column may not be NULL: left to the clear */
  gboolean   done;
} Table;

static void
table_free (gpointer data)
{
  Table *t = data;

  g_free (t->name);
  g_free (t->key);
  g_free (t->columns);
  g_ptr_array_unref (t->parents);
  g_ptr_array_unref (t->self_refs);
  g_free (t);
}

static GPtrArray *
read_tables (DeskDatabase  *self,
             GError       **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (table_free);
  sqlite3 *handle = _desk_database_get_handle (self);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name, wr FROM pragma_table_list"
                           " WHERE schema = 'main' AND type = 'table'"
                           " AND name NOT LIKE 'sqlite_%' AND name <> 'categories'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Table *t = g_new0 (Table, 1);

      t->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      t->key = sqlite3_column_int (stmt, 1) ? NULL : g_strdup ("rowid");
      t->parents = g_ptr_array_new_with_free_func (g_free);
      t->self_refs = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (tables, t);
      rc = SQLITE_OK;   /* on to the next row */
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error_from_rc (error, rc, desk_database_get_path (self), sqlite3_errmsg (handle));
      return NULL;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      Table *t = tables->pdata[i];
      g_autoptr(GString) key = g_string_new (NULL);

      rc = sqlite3_prepare_v2 (handle,
                               "SELECT k.\"table\", k.\"from\", i.\"notnull\""
                               " FROM pragma_foreign_key_list (?1) k"
                               " LEFT JOIN pragma_table_info (?1) i ON i.name = k.\"from\"",
                               -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, t->name, -1, SQLITE_STATIC);
      while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *parent = (const char *)sqlite3_column_text (stmt, 0);

          if (!g_str_equal (parent, t->name))
            g_ptr_array_add (t->parents, g_strdup (parent));
          else if (sqlite3_column_int (stmt, 2))
            t->stuck = TRUE;
          else
            g_ptr_array_add (t->self_refs, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
        }
      sqlite3_finalize (stmt);
      rc = SQLITE_OK;

      /* A WITHOUT ROWID table is deleted by its primary key. */
      if (t->key == NULL)
        {
          rc = sqlite3_prepare_v2 (handle, "SELECT name FROM pragma_table_info (?1) WHERE pk > 0 ORDER BY pk",
                                   -1, &stmt, NULL);
          sqlite3_bind_text (stmt, 1, t->name, -1, SQLITE_STATIC);
          while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
            g_string_append_printf (key, "%s\"%s\"", key->len > 0 ? ", " : "",
                                    (const char *)sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          t->key = g_strdup_printf ("(%s)", key->str);
          t->columns = g_string_free (g_steal_pointer (&key), FALSE);
        }
      else
        t->columns = g_strdup (t->key);
    }

  return g_steal_pointer (&tables);
}

/* No table still to be emptied refers to @t. */
static gboolean
nothing_refers_to (GPtrArray   *tables,
                   const Table *t)
{
  for (guint i = 0; i < tables->len; i++)
    {
      const Table *other = tables->pdata[i];

      if (!other->done && other != t && g_ptr_array_find_with_equal_func (other->parents, t->name,
                                                                           g_str_equal, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
empty_table_in_parts (DeskDatabase  *self,
                      const Table   *t,
                      GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE %s IN (SELECT %s FROM \"%s\" LIMIT ?1)",
                                          t->name, t->key, t->columns, t->name);
  DeskBulkParts parts;

  /* Rows that refer to rows of their own table (a merged ticket, a call
   * moved to another) let go of them first. */
  for (guint i = 0; i < t->self_refs->len; i++)
    {
      const char *column = t->self_refs->pdata[i];
      g_autofree char *unlink = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = NULL WHERE %s IN"
                                                 " (SELECT %s FROM \"%s\" WHERE \"%s\" IS NOT NULL LIMIT 5000)",
                                                 t->name, column, t->key, t->columns, t->name, column);

      do
        {
          if (!_desk_database_exec (self, unlink, error))
            return FALSE;
          g_usleep (DESK_BULK_PAUSE_MS * 1000);
        }
      while (sqlite3_changes (_desk_database_get_handle (self)) > 0);
    }

  desk_bulk_parts_init (&parts, 100, 100, 200000);
  for (gint64 began = g_get_monotonic_time (), longest = 0, deleted = 0;;)
    {
      sqlite3_stmt *stmt;
      gint64 part_began = g_get_monotonic_time ();
      int n;

      desk_bulk_parts_begin (&parts);
      if (!desk_database_begin (self, error))
        return FALSE;
      stmt = _desk_database_prepare (self, sql, error);
      if (stmt == NULL)
        {
          desk_database_rollback (self);
          return FALSE;
        }
      sqlite3_bind_int (stmt, 1, (int)parts.size);
      if (!_desk_database_step_done (self, stmt, _("Could not empty the office"), error))
        {
          desk_database_rollback (self);
          return FALSE;
        }
      n = sqlite3_changes (_desk_database_get_handle (self));
      if (!desk_database_commit (self, error))
        return FALSE;
      longest = MAX (longest, g_get_monotonic_time () - part_began);
      deleted += n;
      if (n == 0)
        {
          g_debug ("emptied %s: %" G_GINT64_FORMAT " rows in %.1f s, longest part %.1f ms", t->name, deleted,
                   (g_get_monotonic_time () - began) / 1e6, longest / 1000.0);
          return TRUE;
        }
      desk_bulk_parts_end (&parts, (guint)n);
    }
}

gboolean
desk_database_clear_in_parts (DeskDatabase  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  gboolean progress = TRUE;

  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);

  /* Inside someone's transaction parts would be no parts at all. */
  if (!sqlite3_get_autocommit (_desk_database_get_handle (self)))
    return desk_database_clear (self, error);

  tables = read_tables (self, error);
  if (tables == NULL)
    return FALSE;

  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < tables->len; i++)
        {
          Table *t = tables->pdata[i];

          if (t->done || !nothing_refers_to (tables, t))
            continue;
          /* A table whose rows must refer to each other is left to the
           * clear, which defers the foreign keys to its commit. */
          if (!t->stuck && !empty_table_in_parts (self, t, error))
            return FALSE;
          t->done = TRUE;
          progress = TRUE;
        }
    }

  return desk_database_clear (self, error);
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
