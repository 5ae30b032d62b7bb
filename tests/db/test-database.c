/* test-database.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "desk-database.h"
#include "desk-demo.h"
#include "desk-office-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("desk-db-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "office.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  g_chmod (path, 0755);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static int
sqlite_int (const char *path,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_migrate_from_empty (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* A missing file is only created when asked to. */
  db = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN);
  g_assert_null (db);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (desk_database_get_version (db), ==, desk_database_get_latest_version ());
  g_assert_cmpint (desk_database_get_latest_version (), >=, 1);
  g_clear_object (&db);

  g_assert_cmpint (sqlite_int (f->path, "PRAGMA user_version"), ==,
                   desk_database_get_latest_version ());
  g_assert_cmpint (sqlite_int (f->path, "SELECT count(*) FROM sqlite_master WHERE name = 'staff'"), ==, 1);

  /* Opening again migrates nothing and keeps the data. */
  db = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_office_store_set_setting (db, "organisation-name", "测试公司", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = desk_office_store_get_setting (db, "organisation-name");
    g_assert_cmpstr (name, ==, "测试公司");
  }

  /* A zero-length file is a new database too (SQLite's own view). */
  g_clear_object (&db);
  {
    g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);

    write_file (empty, "", 0);
    db = desk_database_open (empty, DESK_DATABASE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpint (desk_database_get_version (db), ==, desk_database_get_latest_version ());
  }
}

static void
test_newer_schema_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *raw;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Pretend a future Service Desk wrote it, in rollback mode so that the
   * whole file is one set of bytes to compare. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         desk_database_get_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  before = read_bytes (f->path);
  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_TOO_NEW);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "newer"));
  after = read_bytes (f->path);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS) &&
                  g_file_test ("office.db-wal", G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  static const char text[] = "客户投诉登记表\n姓名,电话\n李建华,13902651234\n";
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  sqlite3 *raw;

  write_file (f->path, text, sizeof text - 1);
  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, f->path));
  after = read_bytes (f->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text, sizeof text - 1);
  g_clear_error (&error);

  /* Another program's SQLite database is not adopted either. */
  g_assert_cmpint (sqlite3_open (other, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE songs (title TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = desk_database_open (other, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE);
  g_assert_null (db);
  g_assert_cmpint (sqlite_int (other, "SELECT count(*) FROM sqlite_master"), ==, 1);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize len;
  sqlite3 *raw;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (db, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  /* Scribble over the schema table's b-tree page header (page 1, after
   * the 100-byte file header), as a failing disk would. */
  before = read_bytes (f->path);
  len = g_bytes_get_size (before);
  bytes = g_memdup2 (g_bytes_get_data (before, NULL), len);
  g_assert_cmpuint (len, >, 4096);
  memset (bytes + 100, 0xa5, 400);
  write_file (f->path, bytes, len);
  g_clear_pointer (&before, g_bytes_unref);
  before = read_bytes (f->path);

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_read_only_subprocess (void)
{
  const char *path = g_getenv ("DESK_TEST_READ_ONLY_PATH");
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* root writes anywhere; test as a user who is refused, as in an office. */
  if (geteuid () == 0)
    g_assert_cmpint (setuid (65534), ==, 0);

  db = desk_database_open (path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_print ("%s\n", error->message);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (db, FALSE, &error));
  g_clear_object (&db);

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  before = read_bytes (f->path);

  g_setenv ("DESK_TEST_READ_ONLY_PATH", f->path, TRUE);
  g_test_trap_subprocess ("/desk/database/read-only/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*read-only*");

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

/* Every row another row of its own table refers to is looked up by an
 * index when it is deleted: without one, deleting a row reads the whole
 * table (emptying a million tickets would take days; a desk waiting on
 * it would give up). */
static void
test_self_references_indexed (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_nonnull (db);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT m.name, k.\"from\","
                                       " (SELECT count(*) FROM pragma_index_list (m.name) l,"
                                       "  pragma_index_info (l.name) i WHERE i.seqno = 0 AND i.name = k.\"from\")"
                                       " FROM sqlite_master m, pragma_foreign_key_list (m.name) k"
                                       " WHERE m.type = 'table' AND k.\"table\" = m.name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_test_message ("%s.%s refers to its own table", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
      g_assert_cmpint (sqlite3_column_int (stmt, 2), >, 0);
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  /* tickets.merged_into, tickets.repeat_of, callbacks.next_id at least. */
  g_assert_cmpuint (n, >=, 3);
}

/* demo --force on a big office empties it in parts: afterwards every
 * table is empty but the seeded categories, the schema stays, and the
 * foreign keys hold (merged tickets and moved calls, which refer to rows
 * of their own table, included). */
static void
test_clear_in_parts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gint64 categories;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (db, FALSE, &error));
  categories = count_rows (f->path, "SELECT count(*) FROM categories");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM tickets"), >, 0);
  /* A merged ticket and a moved call. */
  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "UPDATE tickets SET merged_into = (SELECT min(id) FROM tickets)"
                                   " WHERE id = (SELECT max(id) FROM tickets);"
                                   "UPDATE callbacks SET next_id = (SELECT max(id) FROM callbacks)"
                                   " WHERE id = (SELECT min(id) FROM callbacks);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
  }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM callback_answers"), >, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM tickets WHERE merged_into IS NOT NULL"), >, 0);

  g_assert_true (desk_database_clear_in_parts (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM tickets"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM callbacks"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM callback_answers"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM customers"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM categories"), ==, categories);
  g_assert_true (desk_database_check (db, &report, &error));
  g_assert_no_error (error);

  /* And the demo goes in again over it. */
  g_assert_true (desk_demo_populate (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM tickets"), >, 0);
}

typedef struct
{
  const char *path;
  int         writer;
  int         rows;
  GError     *error;
} WriterData;

static gpointer
writer_thread (gpointer user_data)
{
  WriterData *w = user_data;
  g_autoptr(DeskDatabase) db = NULL;

  db = desk_database_open (w->path, DESK_DATABASE_OPEN_DEFAULT, &w->error);
  if (db == NULL)
    return NULL;

  /* Each transaction adds a pair of departments: a consistent copy always
   * holds an even number of them. */
  for (int i = 0; i < w->rows; i++)
    {
      g_autofree char *code_a = g_strdup_printf ("W%d-%04d-A", w->writer, i);
      g_autofree char *code_b = g_strdup_printf ("W%d-%04d-B", w->writer, i);
      g_autofree char *name_a = g_strdup_printf ("写入%d部门%d甲", w->writer, i);
      g_autofree char *name_b = g_strdup_printf ("写入%d部门%d乙", w->writer, i);
      g_autoptr(DeskDepartment) a = NULL;
      g_autoptr(DeskDepartment) b = NULL;

      if (!desk_database_begin (db, &w->error))
        return NULL;
      a = desk_office_store_add_department (db, code_a, name_a, &w->error);
      b = a ? desk_office_store_add_department (db, code_b, name_b, &w->error) : NULL;
      if (b == NULL)
        {
          desk_database_rollback (db);
          return NULL;
        }
      if (!desk_database_commit (db, &w->error))
        return NULL;
    }

  return NULL;
}

static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  WriterData w[2] = {
    { f->path, 1, 200, NULL },
    { f->path, 2, 200, NULL },
  };
  GThread *threads[2];

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 2; i++)
    threads[i] = g_thread_new ("writer", writer_thread, &w[i]);
  for (int i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  g_assert_no_error (w[0].error);
  g_assert_no_error (w[1].error);

  departments = desk_office_store_list_departments (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (departments->len, ==, 2 * 2 * 200);
}

static void
test_nested_rollback (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(DeskDepartment) outer = NULL;
  g_autoptr(DeskDepartment) inner = NULL;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_assert_true (desk_database_begin (db, &error));
  outer = desk_office_store_add_department (db, "D1", "客服部", &error);
  g_assert_nonnull (outer);
  g_assert_true (desk_database_begin (db, &error));
  inner = desk_office_store_add_department (db, "D2", "工程部", &error);
  g_assert_nonnull (inner);
  desk_database_rollback (db);
  g_assert_true (desk_database_commit (db, &error));
  g_assert_no_error (error);

  departments = desk_office_store_list_departments (db, &error);
  g_assert_cmpuint (departments->len, ==, 1);
  g_assert_cmpstr (desk_department_get_name (g_ptr_array_index (departments, 0)), ==, "客服部");
}

static void
test_backup_while_writing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(DeskDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *report = NULL;
  WriterData w = { f->path, 1, 400, NULL };
  GThread *thread;
  guint seen = 0;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (db, FALSE, &error));

  thread = g_thread_new ("writer", writer_thread, &w);
  /* Let the writer get going, then copy in the middle of its work. */
  while (TRUE)
    {
      g_autoptr(GPtrArray) now = desk_office_store_list_departments (db, &error);
      g_assert_no_error (error);
      seen = now->len;
      if (seen > 6 + 40)
        break;
      g_usleep (1000);
    }
  g_assert_true (desk_database_backup (db, backup, &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_no_error (w.error);

  copy = desk_database_open (backup, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (desk_database_check (copy, &report, &error));
  g_assert_cmpstr (report, ==, "ok");

  /* Six demo departments plus whole pairs from the writer: at least what
   * was committed before the copy began, never half a transaction. */
  departments = desk_office_store_list_departments (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (departments->len, >=, seen);
  g_assert_cmpuint ((departments->len - 6) % 2, ==, 0);

  /* No half-written file is left beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)))
      g_assert_null (strstr (name, ".part-"));
  }

  /* Backing up onto the office itself is refused. */
  g_assert_false (desk_database_backup (db, f->path, &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_FAILED);
}

static void
test_check_finds_damage (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  sqlite3 *raw;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (db, FALSE, &error));
  g_assert_true (desk_database_check (db, &report, &error));
  g_clear_pointer (&report, g_free);
  g_clear_object (&db);

  /* A row pointing at a department that is gone (written around the
   * foreign keys, as an old tool might have done). */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE staff SET department_id = 999 WHERE code = 'S001'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (desk_database_check (db, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "staff"));
}

/* Tickets carry a copy of their customer's "no callbacks" wish (for the
 * callback queue's index and the report's): the triggers keep it true
 * when the customer changes their mind and when a ticket is put under
 * another customer. */
static void
test_no_callbacks_copy (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ticket, willing, unwilling;
  g_autofree char *sql = NULL;
  sqlite3 *raw;

  db = desk_database_open (f->path, DESK_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (desk_demo_populate (db, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  ticket = sqlite_int (f->path, "SELECT min(id) FROM tickets");
  willing = sqlite_int (f->path, "SELECT customer_id FROM tickets WHERE id = (SELECT min(id) FROM tickets)");
  unwilling = sqlite_int (f->path, "SELECT max(id) FROM customers");
  g_assert_cmpint (willing, !=, unwilling);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE customers SET no_callbacks = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE customers SET no_callbacks = 1 WHERE id = %" G_GINT64_FORMAT, unwilling);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (sql);
  g_assert_cmpint (sqlite_int (f->path, "SELECT count(*) FROM tickets t JOIN customers c ON c.id = t.customer_id"
                                        " WHERE t.no_callbacks IS NOT c.no_callbacks"), ==, 0);

  sql = g_strdup_printf ("UPDATE tickets SET customer_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         unwilling, ticket);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (sql);
  sql = g_strdup_printf ("SELECT no_callbacks FROM tickets WHERE id = %" G_GINT64_FORMAT, ticket);
  g_assert_cmpint (sqlite_int (f->path, sql), ==, 1);
  g_assert_cmpint (sqlite_int (f->path, "SELECT count(*) FROM tickets t JOIN customers c ON c.id = t.customer_id"
                                        " WHERE t.no_callbacks IS NOT c.no_callbacks"), ==, 0);
  sqlite3_close (raw);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/database/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("migrate-from-empty", test_migrate_from_empty);
  ADD ("newer-schema-refused", test_newer_schema_refused);
  ADD ("not-sqlite", test_not_sqlite);
  ADD ("corrupt", test_corrupt);
  ADD ("read-only", test_read_only);
  g_test_add_func ("/desk/database/read-only/subprocess", test_read_only_subprocess);
  ADD ("two-writers", test_two_writers);
  ADD ("clear-in-parts", test_clear_in_parts);
  ADD ("self-references-indexed", test_self_references_indexed);
  ADD ("nested-rollback", test_nested_rollback);
  ADD ("backup-while-writing", test_backup_while_writing);
  ADD ("check-finds-damage", test_check_finds_damage);
  ADD ("no-callbacks-copy", test_no_callbacks_copy);

#undef ADD

  return g_test_run ();
}
