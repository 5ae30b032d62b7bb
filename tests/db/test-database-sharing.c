/* test-database-sharing.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An office open in one process while commands open and close it in
 * others: what the window does while a clerk, cron or a colleague runs
 * `check`, `backup`, `plan-callbacks`… beside it.  A command that exits
 * must never take the open office's write-ahead log away (it did: our own
 * close() of the database file dropped the process's SQLite locks, and the
 * exiting command thought it was the last user), and every write made
 * after it must be there when the office is opened again.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "desk-core-test.h"
#include "desk-database.h"
#include "desk-demo.h"
#include "desk-ticket-store.h"

typedef struct
{
  char *dir;
  char *path;
  char *wal;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = desk_test_make_dir ("desk-sharing");
  db = desk_test_open_office (f->dir, &f->path);
  desk_demo_populate (db, FALSE, &error);
  g_assert_no_error (error);
  f->wal = g_strconcat (f->path, "-wal", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);

  g_unlink (backup);
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->wal);
}

static DeskDatabase *
open_office (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DeskDatabase *db = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

/* What a background job of the window does: a connection of its own,
 * opened while the others hold their locks, and closed again. */
static void
open_and_close (Fixture *f)
{
  DeskDatabase *db = open_office (f);

  g_object_unref (db);
}

static ino_t
wal_inode (Fixture *f)
{
  GStatBuf st;

  /* Gone means deleted under the connections that still write into it. */
  g_assert_cmpint (g_stat (f->wal, &st), ==, 0);
  return st.st_ino;
}

/* Runs the program's command line on the office in a process of its own
 * and returns its exit status; its output goes to the test log. */
static int
run_command (Fixture           *f,
             const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *)TEST_SERVICE_DESK);
  g_ptr_array_add (argv, (char *)"--database");
  g_ptr_array_add (argv, f->path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s %s failed:\n%s%s", args[0], args[1] ? args[1] : "", out, err);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static gint64
first_ticket (DeskDatabase *db)
{
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;

  ticket = desk_ticket_store_get (db, 1, &error);
  g_assert_no_error (error);
  return desk_ticket_get_id (ticket);
}

static void
add_note (DeskDatabase *db,
          gint64        ticket,
          const char   *text)
{
  g_autoptr(GError) error = NULL;

  desk_ticket_store_add_note (db, ticket, 0, text, &error);
  g_assert_no_error (error);
}

/* How many notes on @ticket's timeline start with @prefix. */
static guint
count_notes (DeskDatabase *db,
             gint64        ticket,
             const char   *prefix)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  events = desk_ticket_store_timeline (db, ticket, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      DeskTicketEvent *event = g_ptr_array_index (events, i);

      if (event->note != NULL && g_str_has_prefix (event->note, prefix))
        n++;
    }
  return n;
}

static void
assert_office_checks_clean (Fixture *f)
{
  static const char * const check[] = { "check", NULL };

  g_assert_cmpint (run_command (f, check), ==, 0);
}

/* Each command that opens the office, run while this process holds
 * connections opened the way the window opens them: the application's
 * own, the deadline watch's worker, and a background job's, opened after
 * the others and closed again. */
static void
test_commands_beside_open_office (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *procedure = g_test_build_filename (G_TEST_DIST, "..", "data", "procedures",
                                                      "CS-SOP-001.xml", NULL);
  const char * const *commands[] = {
    (const char * const[]) { "check", NULL },
    (const char * const[]) { "backup", backup, NULL },
    (const char * const[]) { "plan-callbacks", NULL },
    (const char * const[]) { "search", "漏水", NULL },
    (const char * const[]) { "import", procedure, NULL },
    (const char * const[]) { "report", "2026-11", NULL },
    (const char * const[]) { "callbacks", NULL },
    (const char * const[]) { "overdue", NULL },
    (const char * const[]) { "check-deadlines", NULL },
    (const char * const[]) { "add-ticket", "--kind", "complaint", "--customer", "王芳",
                             "--phone", "13800138000", "--category", "construction-quality",
                             "--summary", "卫生间漏水", NULL },
  };
  g_autoptr(DeskDatabase) app = open_office (f);
  g_autoptr(DeskDatabase) watch = open_office (f);
  gint64 ticket = first_ticket (app);
  ino_t inode;

  add_note (app, ticket, "before any command");
  inode = wal_inode (f);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *note = g_strdup_printf ("after %s", commands[i][0]);

      open_and_close (f);

      g_test_message ("running %s", commands[i][0]);
      g_assert_cmpint (run_command (f, commands[i]), ==, 0);
      g_assert_cmpuint (wal_inode (f), ==, inode);

      add_note (i % 2 ? watch : app, ticket, note);
    }

  g_clear_object (&watch);
  g_clear_object (&app);

  {
    g_autoptr(DeskDatabase) again = open_office (f);

    g_assert_cmpuint (count_notes (again, ticket, "before any command"), ==, 1);
    g_assert_cmpuint (count_notes (again, ticket, "after "), ==, G_N_ELEMENTS (commands));
  }
  assert_office_checks_clean (f);
}

/* A backup never replaces the office it copies, nor an office that is open
 * (its write-ahead log beside it). */
static void
test_backup_refuses_open_office (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *same = g_build_filename (f->dir, "same-office.db", NULL);
  g_autofree char *other_dir = desk_test_make_dir ("desk-sharing-other");
  g_autofree char *other_path = NULL;
  g_autoptr(DeskDatabase) app = open_office (f);
  g_autoptr(DeskDatabase) other = desk_test_open_office (other_dir, &other_path);
  g_autoptr(GError) error = NULL;
  ino_t inode = wal_inode (f);

  g_assert_cmpint (link (f->path, same), ==, 0);
  g_assert_false (desk_database_backup (app, same, &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_unlink (same);

  /* The other office is open here: its -wal is beside it. */
  g_assert_false (desk_database_backup (app, other_path, &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, other_path));
  g_clear_object (&other);

  g_assert_cmpuint (wal_inode (f), ==, inode);
  desk_test_remove_dir (other_dir);
}

typedef struct
{
  char          *path;
  gint64         ticket;
  volatile gint  stop;
  guint          written;
  GError        *error;
} Writer;

/* The window's side: notes saved one after another through its own
 * connection while the commands come and go. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(DeskDatabase) db = desk_database_open (w->path, DESK_DATABASE_OPEN_DEFAULT, &w->error);

  while (db != NULL && !g_atomic_int_get (&w->stop))
    {
      g_autofree char *note = g_strdup_printf ("stress %u", w->written);

      if (!desk_ticket_store_add_note (db, w->ticket, 0, note, &w->error))
        break;
      w->written++;
      g_usleep (2000);
    }

  return NULL;
}

/* Two to four processes at a time open and close the office in random
 * order while one connection writes: nothing written is lost and the
 * office checks clean.  DESK_STRESS_ROUNDS sets the rounds (the note of
 * the fix reports a run of 500). */
static void
test_stress_open_close (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const choices[][3] = {
    { "check", NULL, NULL },
    { "search", "空调", NULL },
    { "callbacks", NULL, NULL },
    { "plan-callbacks", NULL, NULL },
    { "overdue", NULL, NULL },
    { "procedures", NULL, NULL },
  };
  const char *env = g_getenv ("DESK_STRESS_ROUNDS");
  guint rounds = env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : 25;
  g_autoptr(DeskDatabase) app = open_office (f);
  Writer w = { f->path, first_ticket (app), 0, 0, NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  GThread *thread;
  guint spawned = 0;
  ino_t inode = wal_inode (f);

  thread = g_thread_new ("writer", writer_thread, &w);

  for (guint round = 0; round < rounds; round++)
    {
      guint n = g_rand_int_range (rand, 2, 5);
      GPid pids[4];

      for (guint i = 0; i < n; i++)
        {
          const char * const *choice = choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (choices))];
          const char *argv[] = { TEST_SERVICE_DESK, "--database", f->path,
                                 choice[0], choice[1], NULL };
          g_autoptr(GError) error = NULL;

          g_spawn_async (NULL, (char **)argv, NULL,
                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, &pids[i], &error);
          g_assert_no_error (error);
          spawned++;

          /* This process's own jobs open and close connections too. */
          if (g_rand_boolean (rand))
            open_and_close (f);
        }

      for (guint i = 0; i < n; i++)
        {
          int status;

          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_spawn_close_pid (pids[i]);
        }

      g_assert_cmpuint (wal_inode (f), ==, inode);
    }

  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_assert_no_error (w.error);
  g_assert_cmpuint (w.written, >, 0);
  g_test_message ("%u rounds, %u commands, %u notes written", rounds, spawned, w.written);
  g_clear_object (&app);

  {
    g_autoptr(DeskDatabase) again = open_office (f);

    g_assert_cmpuint (count_notes (again, w.ticket, "stress "), ==, w.written);
  }
  assert_office_checks_clean (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/desk/database-sharing/commands", Fixture, NULL,
              fixture_set_up, test_commands_beside_open_office, fixture_tear_down);
  g_test_add ("/desk/database-sharing/backup-refuses-open-office", Fixture, NULL,
              fixture_set_up, test_backup_refuses_open_office, fixture_tear_down);
  g_test_add ("/desk/database-sharing/stress", Fixture, NULL,
              fixture_set_up, test_stress_open_close, fixture_tear_down);

  return g_test_run ();
}
