/* desk-database.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office's SQLite connection: opening a file (refusing another
 * program's database, reading its header through SQLite so that a
 * command beside the window keeps the window's WAL), migrating it, the
 * busy wait every connection shares, the statement cache, nested
 * transactions as savepoints, and the errors every store reports.  The
 * upkeep commands (clear, check, backup) are in desk-database-upkeep.c.
 */

#define G_LOG_DOMAIN "desk-database"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-database-private.h"
#include "desk-migrations-private.h"

/* "SDSK": marks a file as a Service Desk office, so that another program's
 * SQLite database is refused instead of being migrated into ours. */
#define DESK_APPLICATION_ID 0x5344534b

#define BUSY_TIMEOUT_MS 10000
#define BUSY_SLEEP_MS 2

struct _DeskDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements; /* SQL text -> sqlite3_stmt, owned */
  int         version;
  guint       depth;      /* nesting of desk_database_begin() */
  gint64      busy_since; /* monotonic µs: when the current wait began */
};

G_DEFINE_FINAL_TYPE (DeskDatabase, desk_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk-database-error-quark, desk_database_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
desk_database_finalize (GObject *object)
{
  DeskDatabase *self = (DeskDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (desk_database_parent_class)->finalize (object);
}

static void
desk_database_class_init (DeskDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_database_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

void
_desk_database_notify (DeskDatabase *self,
                       const char   *table,
                       gint64        id)
{
  g_signal_emit (self, signals[CHANGED], 0, table, id);
}

static void
desk_database_init (DeskDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
}

DeskDatabaseError
_desk_database_error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    /* check_existing_file() saw the SQLite header already, so SQLite not
     * recognising the rest means the file is damaged. */
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return DESK_DATABASE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return DESK_DATABASE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DESK_DATABASE_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return DESK_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
      return DESK_DATABASE_ERROR_OPEN;
    default:
      return DESK_DATABASE_ERROR_FAILED;
    }
}

void
_desk_database_set_error_from_rc (GError     **error,
                                  int          rc,
                                  const char  *path,
                                  const char  *message)
{
  DeskDatabaseError code = _desk_database_error_code_from_sqlite (rc);

  switch (code)
    {
    case DESK_DATABASE_ERROR_CORRUPT:
      g_set_error (error, DESK_DATABASE_ERROR, code,
                   _("%s is damaged (%s); restore it from a backup"),
                   path, message);
      break;
    case DESK_DATABASE_ERROR_READ_ONLY:
      g_set_error (error, DESK_DATABASE_ERROR, code,
                   _("%s is read-only; Service Desk needs to write to the office database"),
                   path);
      break;
    default:
      g_set_error (error, DESK_DATABASE_ERROR, code, "%s: %s", path, message);
      break;
    }
}

void
_desk_database_set_error (DeskDatabase  *self,
                          GError       **error,
                          const char    *what)
{
  int rc = sqlite3_extended_errcode (self->handle);
  DeskDatabaseError code = _desk_database_error_code_from_sqlite (rc);

  if (code == DESK_DATABASE_ERROR_CONSTRAINT || code == DESK_DATABASE_ERROR_FAILED
      || code == DESK_DATABASE_ERROR_BUSY)
    g_set_error (error, DESK_DATABASE_ERROR, code, "%s: %s",
                 what, sqlite3_errmsg (self->handle));
  else
    _desk_database_set_error_from_rc (error, rc, self->path, sqlite3_errmsg (self->handle));
}

sqlite3 *
_desk_database_get_handle (DeskDatabase *self)
{
  return self->handle;
}

gboolean
_desk_database_exec (DeskDatabase  *self,
                     const char    *sql,
                     GError       **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      _desk_database_set_error_from_rc (error, rc, self->path, message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_desk_database_prepare (DeskDatabase  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      /* A programming error in our SQL, or a damaged schema. */
      _desk_database_set_error (self, error, _("Could not prepare a query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gpointer
_desk_database_get_one (DeskDatabase  *self,
                        const char    *sql,
                        gint64         key_id,
                        const char    *key_text,
                        gpointer     (*from_row) (sqlite3_stmt *stmt),
                        const char    *missing,
                        const char    *what,
                        GError       **error)
{
  sqlite3_stmt *stmt = _desk_database_prepare (self, sql, error);
  gpointer found = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (key_text != NULL)
    sqlite3_bind_text (stmt, 1, key_text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, key_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND, missing);
  else
    _desk_database_set_error (self, error, what);
  sqlite3_reset (stmt);

  return found;
}

gboolean
_desk_database_step_done (DeskDatabase  *self,
                          sqlite3_stmt  *stmt,
                          const char    *what,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _desk_database_set_error (self, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

void
_desk_bind_text_or_null (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_desk_column_dup (sqlite3_stmt *stmt,
                  int           index)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, index));
}

static gboolean
query_int (DeskDatabase  *self,
           const char    *sql,
           int           *value,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _desk_database_set_error_from_rc (error, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
                         self->path, sqlite3_errmsg (self->handle));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

GQuark desk_database_error_quark (void);

char *
desk_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "service-desk", "office.db", NULL);
}

int
desk_database_get_latest_version (void)
{
  return _desk_migrations_get_count ();
}

/* Reads the first @size bytes of @path (fewer if the file is shorter)
 * through SQLite's own file layer, never with a descriptor of ours.
 *
 * Why: a POSIX advisory lock belongs to the process, and any close() of
 * any descriptor of a file drops every lock the process holds on it.  In
 * WAL mode each open connection keeps a shared lock on the database file
 * for as long as it is open; that lock is how a closing connection of
 * another process learns it is not the last user.  A close() of our own
 * while this process has the office open (the window opens several
 * connections, one after the other) dropped those locks, and the next
 * command to exit beside the window checkpointed and deleted the window's
 * -wal and -shm files under it: every later save went into a deleted
 * file.  SQLite's unix layer knows the locks its connections hold and
 * keeps such a descriptor open until they are released. */
static int
read_header_through_sqlite (const char *path,
                            char       *header,
                            gsize       size,
                            gsize      *n_read)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *full = NULL;
  g_autofree sqlite3_file *file = NULL;
  sqlite3_int64 file_size = 0;
  int out_flags = 0;
  int rc;

  *n_read = 0;
  errno = 0;
  if (vfs == NULL)
    return SQLITE_ERROR;

  full = g_malloc0 (vfs->mxPathname + 1);
  rc = vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full);
  if (rc != SQLITE_OK)
    return rc;

  file = g_malloc0 (vfs->szOsFile);
  rc = vfs->xOpen (vfs, full, file, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY, &out_flags);
  if (rc != SQLITE_OK)
    {
      /* A failed xOpen may still have set pMethods; xClose is then due. */
      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      return rc;
    }

  rc = file->pMethods->xFileSize (file, &file_size);
  if (rc == SQLITE_OK && file_size > 0)
    {
      gsize n = MIN ((sqlite3_int64)size, file_size);

      rc = file->pMethods->xRead (file, header, (int)n, 0);
      if (rc == SQLITE_OK)
        *n_read = n;
    }

  file->pMethods->xClose (file);
  return rc;
}

/* Looks at the file before SQLite opens it as a database, so that a
 * stranger's file gets a clear message and its bytes are never touched. */
static gboolean
check_existing_file (const char  *path,
                     gboolean    *exists,
                     GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *dir = g_path_get_dirname (path);
  char header[16];
  GStatBuf st;
  gsize n;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                       _("Could not open %s: %s"), path, g_strerror (saved));
          return FALSE;
        }

      *exists = FALSE;
      return TRUE;
    }

  *exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE,
                   _("%s is not a Service Desk office database (it is not a regular file)"),
                   path);
      return FALSE;
    }

  rc = read_header_through_sqlite (path, header, sizeof header, &n);
  if (rc != SQLITE_OK)
    {
      int saved = errno;

      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                   _("Could not open %s: %s"), path,
                   saved != 0 ? g_strerror (saved) : sqlite3_errstr (rc));
      return FALSE;
    }

  /* An empty file is a new database as far as SQLite is concerned. */
  if (n != 0 && (n != sizeof header || memcmp (header, magic, sizeof magic) != 0))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE,
                   _("%s is not a Service Desk office database (it is not an SQLite file)"),
                   path);
      return FALSE;
    }

  /* WAL needs the -wal and -shm files beside the database. */
  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_READ_ONLY,
                   _("%s is read-only; Service Desk needs to write to the office database"),
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (DeskDatabase  *self,
         GError       **error)
{
  int latest = _desk_migrations_get_count ();

  while (self->version < latest)
    {
      g_autofree char *bump = NULL;
      int current;

      if (!_desk_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock. */
      if (!query_int (self, "PRAGMA user_version", &current, error))
        goto failed;

      if (current > self->version)
        {
          self->version = current;
          if (!_desk_database_exec (self, "COMMIT", error))
            goto failed;
          continue;
        }

      if (!_desk_database_exec (self, _desk_migrations_get (current + 1), error))
        {
          g_prefix_error (error, _("Could not upgrade the office to schema %d: "), current + 1);
          goto failed;
        }

      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d",
                              current + 1, DESK_APPLICATION_ID);
      if (!_desk_database_exec (self, bump, error) ||
          !_desk_database_exec (self, "COMMIT", error))
        goto failed;

      self->version = current + 1;
    }

  return TRUE;

failed:
  sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Waits for another connection's write, up to BUSY_TIMEOUT_MS, trying
 * again every BUSY_SLEEP_MS.  SQLite's own busy timeout sleeps longer and
 * longer (up to 100 ms a try): a clerk's save then slept through the short
 * gap a bulk job leaves between its parts, and waited for the next part
 * and the next (0.9 s median, 5.5 s at worst beside `generate`).  A lock
 * attempt is cheap; even short sleeps catch the gap. */
static int
busy_cb (void *data,
         int   count)
{
  DeskDatabase *self = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    self->busy_since = now;
  else if (now - self->busy_since >= (gint64)BUSY_TIMEOUT_MS * 1000)
    return 0;

  sqlite3_sleep (BUSY_SLEEP_MS);
  return 1;
}

/* DESK_DEBUG_SQL=1: every statement and how long it took, on stderr, to
 * find what a slow view waits for. */
static int
trace_profile_cb (unsigned int  type,
                  void         *context,
                  void         *p,
                  void         *x)
{
  sqlite3_stmt *stmt = p;
  sqlite3_int64 ns = *(sqlite3_int64 *)x;
  char *sql = sqlite3_expanded_sql (stmt);

  g_printerr ("[sql %8.2f ms] %s\n", ns / 1e6, sql ? sql : sqlite3_sql (stmt));
  sqlite3_free (sql);

  return 0;
}

/* After each commit, the checkpoint SQLite does by itself (wal_autocheckpoint
 * is this hook's first half); and once the log holds more than a bulk part
 * or two (WAL_RESTART_FRAMES), one that also rewinds it if no reader is in
 * it at that moment.  A passive checkpoint never rewinds: beside a desk
 * that reads and writes every few milliseconds it fell behind a bulk job
 * for good, and emptying a million tickets grew the WAL file to 32 GB.
 * The rewind is tried, never waited for (no busy handler meanwhile): any
 * connection may be the one that commits here, the window's among them,
 * and its main loop must not wait on another desk's readers. */
#define WAL_CHECKPOINT_FRAMES 1000
#define WAL_RESTART_FRAMES    8192

static int
wal_hook_cb (void       *user_data,
             sqlite3    *handle,
             const char *name,
             int         n_frames)
{
  if (n_frames >= WAL_RESTART_FRAMES)
    {
      sqlite3_busy_handler (handle, NULL, NULL);
      sqlite3_wal_checkpoint_v2 (handle, name, SQLITE_CHECKPOINT_RESTART, NULL, NULL);
      sqlite3_busy_handler (handle, busy_cb, user_data);
    }
  else if (n_frames >= WAL_CHECKPOINT_FRAMES)
    sqlite3_wal_checkpoint_v2 (handle, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return SQLITE_OK;
}

DeskDatabase *
desk_database_open (const char             *path,
                    DeskDatabaseOpenFlags   flags,
                    GError                **error)
{
  g_autoptr(DeskDatabase) self = NULL;
  gboolean exists = FALSE;
  int app_id = 0;
  int tables = 0;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_existing_file (path, &exists, error))
    return NULL;

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!(flags & DESK_DATABASE_OPEN_CREATE))
        {
          g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                       _("%s does not exist"), path);
          return NULL;
        }

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                       _("Could not create the folder %s: %s"), dir, g_strerror (saved));
          return NULL;
        }
    }

  self = g_object_new (DESK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (flags & DESK_DATABASE_OPEN_CREATE)
    open_flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _desk_database_set_error_from_rc (error, rc, path,
                         self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_handler (self->handle, busy_cb, self);
  if (g_getenv ("DESK_DEBUG_SQL") != NULL)
    sqlite3_trace_v2 (self->handle, SQLITE_TRACE_PROFILE, trace_profile_cb, NULL);

  if (sqlite3_db_readonly (self->handle, "main") == 1)
    {
      _desk_database_set_error_from_rc (error, SQLITE_READONLY, path, NULL);
      return NULL;
    }

  /* Read-only questions first: nothing is written until we know the file
   * is ours (or new) and not from a newer version.  Counting the schema
   * makes SQLite parse it, which finds a damaged file. */
  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &self->version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &tables, error))
    return NULL;

  if (app_id != DESK_APPLICATION_ID && (app_id != 0 || self->version != 0 || tables != 0))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE,
                   _("%s is a database of another program, not a Service Desk office"),
                   path);
      return NULL;
    }

  if (self->version > _desk_migrations_get_count ())
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_TOO_NEW,
                   _("%s was written by a newer Service Desk (schema %d; this version knows up to %d). "
                     "It was not changed; update Service Desk to open it."),
                   path, self->version, _desk_migrations_get_count ());
      return NULL;
    }

  /* WAL lets the window read while a command writes; NORMAL is safe in WAL
   * (a power cut may lose the last commit, never corrupt the file). */
  if (!_desk_database_exec (self,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = NORMAL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA temp_store = MEMORY;"
                            /* No memory map (mmap_size): every page of the
                             * file it touched would count against the
                             * window's resident size, which we keep under
                             * 200 MB on a million tickets; queues read
                             * through covering indexes instead.  SQLite's
                             * own 2 MB page cache: a larger one made a
                             * queue's first query 3-4x slower here, each
                             * fresh page of it a page fault, while the
                             * system's file cache serves repeats. */
                            "PRAGMA cache_size = -2000;"
                            /* A WAL file rewound after a long bulk job
                             * shrinks back to this. */
                            "PRAGMA journal_size_limit = 67108864;",
                            error))
    return NULL;
  sqlite3_wal_hook (self->handle, wal_hook_cb, self);

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
desk_database_get_path (DeskDatabase *self)
{
  g_return_val_if_fail (DESK_IS_DATABASE (self), NULL);
  return self->path;
}

int
desk_database_get_version (DeskDatabase *self)
{
  g_return_val_if_fail (DESK_IS_DATABASE (self), 0);
  return self->version;
}

gboolean
desk_database_begin (DeskDatabase  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);

  /* Nested calls become savepoints so that store functions compose. */
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT desk_%u", self->depth);

  if (!_desk_database_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
desk_database_commit (DeskDatabase  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE desk_%u", self->depth - 1);

  if (!_desk_database_exec (self, sql, error))
    {
      desk_database_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
desk_database_rollback (DeskDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (DESK_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO desk_%u; RELEASE desk_%u",
                           self->depth - 1, self->depth - 1);
  sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  self->depth--;
}
