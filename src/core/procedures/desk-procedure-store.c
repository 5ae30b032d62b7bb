/* desk-procedure-store.c
 *
 * The office's procedures in the database (procedures,
 * procedure_revisions, procedure_search): adding a procedure as a new
 * revision stored in our canonical format, importing a file, loading a
 * revision or its document, the list (searched through procedure_fts), the
 * recently used ones and the revisions.  Manuals are imported through
 * desk-manual-store.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-procedure-io.h"
#include "desk-procedure-store.h"
#include "desk-search-text.h"

void
desk_procedure_info_free (DeskProcedureInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->title);
  g_free (info->category);
  g_free (info);
}

void
desk_procedure_revision_free (DeskProcedureRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->title);
  g_free (revision->edition);
  g_free (revision->revised);
  g_free (revision->source);
  g_free (revision);
}

static gboolean
store_in_transaction (DeskDatabase         *db,
                      const DeskProcedure  *p,
                      GBytes               *document,
                      const char           *source,
                      gint64                now,
                      int                  *revision,
                      GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  g_autofree char *text = NULL;
  g_autofree char *search = NULL;
  const char *fields[1];

  stmt = _desk_database_prepare (db, "SELECT id, revision FROM procedures WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, p->code, -1, SQLITE_TRANSIENT);
  *revision = 1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *revision = sqlite3_column_int (stmt, 1) + 1;
    }
  sqlite3_reset (stmt);

  if (id == 0)
    {
      stmt = _desk_database_prepare (db,
                                     "INSERT INTO procedures (code, title, category, revision)"
                                     " VALUES (?1, ?2, ?3, 1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, p->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, p->title, -1, SQLITE_TRANSIENT);
      _desk_bind_text_or_null (stmt, 3, p->category);
      if (!_desk_database_step_done (db, stmt, _("Could not store the procedure"), error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_desk_database_get_handle (db));
    }
  else
    {
      stmt = _desk_database_prepare (db,
                                     "UPDATE procedures SET title = ?2, category = ?3, revision = ?4"
                                     " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, p->title, -1, SQLITE_TRANSIENT);
      _desk_bind_text_or_null (stmt, 3, p->category);
      sqlite3_bind_int (stmt, 4, *revision);
      if (!_desk_database_step_done (db, stmt, _("Could not store the procedure"), error))
        return FALSE;
    }

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO procedure_revisions"
                                 " (procedure_id, revision, title, edition, revised, imported_at, source, document)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, *revision);
  sqlite3_bind_text (stmt, 3, p->title, -1, SQLITE_TRANSIENT);
  _desk_bind_text_or_null (stmt, 4, p->edition);
  _desk_bind_text_or_null (stmt, 5, p->revised);
  sqlite3_bind_int64 (stmt, 6, now);
  _desk_bind_text_or_null (stmt, 7, source);
  sqlite3_bind_text (stmt, 8, g_bytes_get_data (document, NULL), g_bytes_get_size (document), SQLITE_STATIC);
  if (!_desk_database_step_done (db, stmt, _("Could not store the procedure’s revision"), error))
    return FALSE;

  text = desk_procedure_collect_text (p);
  fields[0] = text;
  search = desk_search_text_prepare (fields, 1);
  stmt = _desk_database_prepare (db,
                                 "INSERT INTO procedure_search (id, text) VALUES (?1, ?2)"
                                 " ON CONFLICT (id) DO UPDATE SET text = excluded.text", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, search, -1, SQLITE_STATIC);
  if (!_desk_database_step_done (db, stmt, _("Could not index the procedure"), error))
    return FALSE;

  return TRUE;
}

int
desk_procedure_store_add (DeskDatabase         *db,
                          const DeskProcedure  *procedure,
                          const char           *source,
                          gint64                now,
                          GError              **error)
{
  g_autoptr(GBytes) document = NULL;
  int revision = 0;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);
  g_return_val_if_fail (procedure != NULL && procedure->code != NULL && procedure->title != NULL, 0);

  /* What is stored is what export writes. */
  document = desk_procedure_to_xml (procedure, DESK_PROCEDURE_FORMAT_NATIVE);

  if (!desk_database_begin (db, error))
    return 0;
  if (!store_in_transaction (db, procedure, document, source, now, &revision, error))
    {
      desk_database_rollback (db);
      return 0;
    }
  if (!desk_database_commit (db, error))
    return 0;

  _desk_database_notify (db, "procedures", 0);
  return revision;
}

int
desk_procedure_store_import_file (DeskDatabase  *db,
                                  const char    *path,
                                  char         **code,
                                  GError       **error)
{
  g_autoptr(DeskProcedure) p = desk_procedure_load_file (path, NULL, error);
  g_autofree char *source = NULL;
  int revision;

  if (p == NULL)
    return 0;
  source = g_path_get_basename (path);
  revision = desk_procedure_store_add (db, p, source, g_get_real_time () / G_USEC_PER_SEC, error);
  if (revision > 0 && code != NULL)
    *code = g_strdup (p->code);
  return revision;
}

GBytes *
desk_procedure_store_get_document (DeskDatabase  *db,
                                   const char    *code,
                                   int            revision,
                                   GError       **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes;

  stmt = _desk_database_prepare (db,
                                 "SELECT r.document FROM procedure_revisions r"
                                 " JOIN procedures p ON p.id = r.procedure_id"
                                 " WHERE p.code = ?1 AND r.revision = CASE ?2 WHEN 0 THEN p.revision ELSE ?2 END",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, revision);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (revision > 0)
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                     _("There is no revision %d of procedure %s"), revision, code);
      else
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                     _("There is no procedure %s"), code);
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  return bytes;
}

DeskProcedure *
desk_procedure_store_load (DeskDatabase  *db,
                           const char    *code,
                           int            revision,
                           int           *loaded_revision,
                           GError       **error)
{
  g_autoptr(GBytes) document = desk_procedure_store_get_document (db, code, revision, error);
  g_autofree char *name = NULL;
  DeskProcedure *p;

  if (document == NULL)
    return NULL;
  name = g_strdup_printf ("%s (revision %d)", code, revision);
  p = desk_procedure_load_data (g_bytes_get_data (document, NULL), g_bytes_get_size (document),
                                name, NULL, error);
  if (p != NULL && loaded_revision != NULL)
    {
      if (revision > 0)
        *loaded_revision = revision;
      else
        {
          sqlite3_stmt *stmt = _desk_database_prepare (db, "SELECT revision FROM procedures WHERE code = ?1", NULL);

          *loaded_revision = 0;
          if (stmt)
            {
              sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                *loaded_revision = sqlite3_column_int (stmt, 0);
              sqlite3_reset (stmt);
            }
        }
    }
  return p;
}

static GPtrArray *
read_infos (DeskDatabase  *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_procedure_info_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskProcedureInfo *info = g_new0 (DeskProcedureInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = _desk_column_dup (stmt, 1);
      info->title = _desk_column_dup (stmt, 2);
      info->category = _desk_column_dup (stmt, 3);
      info->revision = sqlite3_column_int (stmt, 4);
      info->used_at = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, info);
    }
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not list the procedures"));
      sqlite3_reset (stmt);
      g_ptr_array_unref (list);
      return NULL;
    }
  sqlite3_reset (stmt);
  return list;
}

#define INFO_COLUMNS "p.id, p.code, p.title, p.category, p.revision, p.used_at"

GPtrArray *
desk_procedure_store_list (DeskDatabase  *db,
                           const char    *search,
                           GError       **error)
{
  g_autofree char *match = search ? desk_search_text_build_match (search) : NULL;
  sqlite3_stmt *stmt;

  if (match != NULL)
    {
      stmt = _desk_database_prepare (db,
                                     "SELECT " INFO_COLUMNS " FROM procedures p"
                                     " WHERE p.id IN (SELECT rowid FROM procedure_fts WHERE procedure_fts MATCH ?1)"
                                     " ORDER BY p.code", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = _desk_database_prepare (db, "SELECT " INFO_COLUMNS " FROM procedures p ORDER BY p.code", error);
      if (stmt == NULL)
        return NULL;
    }
  return read_infos (db, stmt, error);
}

GPtrArray *
desk_procedure_store_recent (DeskDatabase  *db,
                             guint          limit,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "SELECT " INFO_COLUMNS " FROM procedures p WHERE p.used_at IS NOT NULL"
                                 " ORDER BY p.used_at DESC, p.code LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, limit);
  return read_infos (db, stmt, error);
}

gboolean
desk_procedure_store_mark_used (DeskDatabase  *db,
                                const char    *code,
                                gint64         now,
                                GError       **error)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db, "UPDATE procedures SET used_at = ?2 WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  return _desk_database_step_done (db, stmt, _("Could not note the procedure as used"), error);
}

GPtrArray *
desk_procedure_store_revisions (DeskDatabase  *db,
                                const char    *code,
                                GError       **error)
{
  GPtrArray *list;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_database_prepare (db,
                                 "SELECT r.revision, r.title, r.edition, r.revised, r.source, r.imported_at"
                                 " FROM procedure_revisions r JOIN procedures p ON p.id = r.procedure_id"
                                 " WHERE p.code = ?1 ORDER BY r.revision", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_procedure_revision_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskProcedureRevision *r = g_new0 (DeskProcedureRevision, 1);

      r->revision = sqlite3_column_int (stmt, 0);
      r->title = _desk_column_dup (stmt, 1);
      r->edition = _desk_column_dup (stmt, 2);
      r->revised = _desk_column_dup (stmt, 3);
      r->source = _desk_column_dup (stmt, 4);
      r->imported_at = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not list the revisions"));
      g_ptr_array_unref (list);
      return NULL;
    }
  return list;
}
