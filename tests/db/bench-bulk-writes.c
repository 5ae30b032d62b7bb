/* bench-bulk-writes.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A desk's small writes while bulk work runs beside it (issue 25): on a
 * copy of the large office, each bulk job runs as the command line in a
 * process of its own while this process registers a ticket every 50 ms,
 * as a clerk's add-ticket would.  Prints, per job, how long each write
 * waited (median, 95th and 99th percentile, worst), how many failed, and
 * the job's own time; beside them the same writes with no job running,
 * and the sqlite3 tool's time for one small write transaction on the same
 * file.  Asserts nothing about time.
 *
 *   DESK_BENCH_DB       the office to copy (default: bench-office.db in the
 *                       build folder, made by bench-tickets)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-database.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

#define WRITE_EVERY_MS 50

static char *copy_path;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint i;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  i = (guint)MIN (values->len - 1, p * values->len);
  return g_array_index (values, double, i);
}

typedef struct
{
  DeskDatabase *db;
  gint64        customer;
  gint64        category;
  guint         n;
  /* While the office is emptied (demo --force) its customer goes too: a
   * setting is then the small write, as a Preferences change would be. */
  gboolean      setting_only;
} Writer;

/* One registration, as add-ticket does it: its own transaction. */
static gboolean
write_once (Writer  *w,
            double  *ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *summary = g_strdup_printf ("基准写入 %u", w->n++);
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .customer_id = w->customer, .category_id = w->category,
    .summary = summary, .channel = DESK_CHANNEL_PHONE,
  };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  if (w->setting_only)
    {
      g_autofree char *value = g_strdup_printf ("%u", w->n);

      ok = desk_office_store_set_setting (w->db, "bench-write", value, &error);
      *ms = (g_get_monotonic_time () - start) / 1000.0;
      if (!ok)
        g_printerr ("write failed: %s\n", error ? error->message : "?");
      return ok;
    }

  ok = desk_database_begin (w->db, &error);
  if (ok && (ticket = desk_ticket_store_create (w->db, &draft, 0, &error)) == NULL)
    {
      desk_database_rollback (w->db);
      ok = FALSE;
    }
  else if (ok)
    ok = desk_database_commit (w->db, &error);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  if (!ok)
    g_printerr ("write failed: %s\n", error ? error->message : "?");
  return ok;
}

static void
print_row (const char *what,
           GArray     *waits,
           guint       failed,
           double      job_s)
{
  char job[32] = "-";

  if (job_s > 0)
    g_snprintf (job, sizeof job, "%.1f", job_s);
  printf ("%-38s %6u %8.1f %8.1f %8.1f %8.1f %6u %8s\n", what, waits->len,
          percentile (waits, 0.5), percentile (waits, 0.95), percentile (waits, 0.99),
          percentile (waits, 1.0), failed, job);
  fflush (stdout);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *)user_data = TRUE;
}

/* Runs @argv (a command on the copy) and writes meanwhile; no argv: the
 * baseline, 60 writes. */
static void
measure (Writer      *w,
         const char  *what,
         const char **argv)
{
  g_autoptr(GArray) waits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GSubprocess) job = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint failed = 0;
  double job_s = 0;
  gboolean done = FALSE;

  if (argv != NULL)
    {
      job = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
      if (job == NULL)
        g_error ("%s: %s", argv[0], error->message);
    }

  if (job != NULL)
    g_subprocess_wait_async (job, NULL, job_done_cb, &done);

  for (guint i = 0; job != NULL ? !done : i < 60; i++)
    {
      gint64 next = g_get_monotonic_time () + WRITE_EVERY_MS * 1000;
      double ms;

      if (!write_once (w, &ms))
        failed++;
      g_array_append_val (waits, ms);

      while (g_get_monotonic_time () < next)
        {
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_usleep (1000);
        }
    }

  if (job != NULL)
    {
      job_s = (g_get_monotonic_time () - start) / 1e6;
      if (!g_subprocess_get_successful (job))
        printf ("  (%s exited with status %d)\n", argv[3], g_subprocess_get_exit_status (job));
    }

  print_row (what, waits, failed, job_s);
}

static double
sqlite3_tool_write_ms (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *script = ".timer on\n"
                       "BEGIN IMMEDIATE;\n"
                       "INSERT INTO office_settings (key, value) VALUES ('bench-bulk-writes', 'x')"
                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n"
                       "COMMIT;\n";
  const char *p;
  double total = 0;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           &error, "sqlite3", copy_path, NULL);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, script, NULL, &out, NULL, &error))
    g_error ("sqlite3: %s", error->message);
  for (p = out; (p = strstr (p, "Run Time: real ")) != NULL; p++)
    total += g_ascii_strtod (p + strlen ("Run Time: real "), NULL) * 1000.0;
  return total;
}

/* A folder of @n procedure files, each its own code, made from the bundled
 * complaint procedure. */
static char *
make_procedures (guint n)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "procedures",
                                                   "CS-SOP-001.xml", NULL);
  g_autofree char *xml = NULL;
  char *dir = g_dir_make_tmp ("desk-bench-procedures-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (source, &xml, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("code=\"BENCH-%04u\"", i);
      g_auto(GStrv) parts = g_strsplit (xml, "code=\"CS-SOP-001\"", 2);
      g_autofree char *text = g_strjoin (code, parts[0], parts[1], NULL);
      g_autofree char *name = g_strdup_printf ("BENCH-%04u.xml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_set_contents (path, text, -1, &error))
        g_error ("%s", error->message);
    }

  return dir;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *default_path = NULL;
  g_autofree char *procedures = NULL;
  g_autofree char *month = NULL;
  g_autoptr(DeskDatabase) source = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *db_path;
  const char *exe = TEST_SERVICE_DESK;
  Writer w = { 0 };
  DeskCustomerFields customer = { .name = "基准客户", .phone = "13900000000" };
  gint64 start;

  g_test_init (&argc, &argv, NULL);

  default_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                   "bench-office.db", NULL);
  db_path = g_getenv ("DESK_BENCH_DB") ? g_getenv ("DESK_BENCH_DB") : default_path;
  copy_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                "bench-bulk-office.db", NULL);

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      printf ("SKIP: no office at %s (run bench-tickets first, or set DESK_BENCH_DB)\n", db_path);
      return 0;
    }

  /* A copy, so that the jobs change nothing the other benchmarks read. */
  start = g_get_monotonic_time ();
  {
    g_autofree char *wal = g_strconcat (copy_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy_path, "-shm", NULL);

    g_unlink (copy_path);
    g_unlink (wal);
    g_unlink (shm);
  }
  source = desk_database_open (db_path, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (source == NULL || !desk_database_backup (source, copy_path, &error))
    g_error ("%s", error->message);
  g_clear_object (&source);
  fprintf (stderr, "copied %s to %s in %.1f s\n", db_path, copy_path,
           (g_get_monotonic_time () - start) / 1e6);

  w.db = desk_database_open (copy_path, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (w.db == NULL)
    g_error ("%s", error->message);
  categories = desk_category_store_list (w.db, &error);
  w.category = ((DeskCategory *)categories->pdata[0])->id;
  w.customer = desk_customer_store_add (w.db, &customer, &error);
  if (w.customer == 0)
    g_error ("%s", error->message);

  procedures = make_procedures (300);
  month = g_date_time_format (now, "%Y-%m");

  printf ("Service Desk: a desk's writes (a ticket registered every %d ms) while bulk work runs, on a copy of %s\n",
          WRITE_EVERY_MS, db_path);
  printf ("%-38s %6s %8s %8s %8s %8s %6s %8s\n", "beside (wait per write, ms)", "writes", "p50", "p95", "p99",
          "max", "failed", "job s");

  measure (&w, "nothing (baseline)", NULL);
  {
    const char *job[] = { exe, "--database", copy_path, "generate", "20000", "--seed", "25", NULL };
    measure (&w, "generate 20000 (+ every deadline)", job);
  }
  {
    const char *job[] = { exe, "--database", copy_path, "ledger", month, NULL };
    measure (&w, "ledger (records the month)", job);
  }
  {
    const char *job[] = { exe, "--database", copy_path, "import", procedures, NULL };
    measure (&w, "import a folder of 300 procedures", job);
  }
  {
    const char *job[] = { exe, "--database", copy_path, "plan-callbacks", "--days", "5", NULL };
    measure (&w, "plan-callbacks --days 5", job);
  }
  {
    /* Last: it empties the copy. */
    const char *job[] = { exe, "--database", copy_path, "demo", "--force", NULL };

    w.setting_only = TRUE;
    measure (&w, "demo --force (empties the office)", job);
  }
  printf ("%-38s %6s %8.1f\n", "sqlite3 tool: one small write", "1", sqlite3_tool_write_ms ());

  g_clear_object (&w.db);
  {
    g_autoptr(GDir) dir = g_dir_open (procedures, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (procedures, name, NULL);
        g_unlink (path);
      }
    g_rmdir (procedures);
  }
  return 0;
}
