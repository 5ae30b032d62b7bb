/* test-cli-procedures.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <string.h>

#include <glib/gstdio.h>

/* The procedure commands, run as the real executable without a display. */

typedef struct
{
  char *dir;
  char *db;
  char *in;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_command (Run        *run,
             Fixture    *f,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list ap;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", "", TRUE);

  g_ptr_array_add (args, (char *)TEST_SERVICE_DESK);
  g_ptr_array_add (args, (char *)"--database");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static int
exit_code (Run *run)
{
  g_assert_true (WIFEXITED (run->status));
  return WEXITSTATUS (run->status);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = desk_test_make_dir ("desk-cli-procedures");
  f->db = g_build_filename (f->dir, "office.db", NULL);
  f->in = g_build_filename (f->dir, "in", NULL);
  g_mkdir (f->in, 0755);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->in);
}

static void
copy_fixture (Fixture    *f,
              const char *name)
{
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *to = g_build_filename (f->in, name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_true (g_file_set_contents (to, data, length, NULL));
}

static void
test_import_batch (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) list = { 0 };
  g_autofree char *bad = g_build_filename (f->in, "b-bad.xml", NULL);
  g_autofree char *expected = NULL;

  copy_fixture (f, "dita-task.dita");
  copy_fixture (f, "docbook-procedure.xml");
  copy_fixture (f, "gb18030.xml");
  g_assert_true (g_file_set_contents (bad, "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='BAD'>\n"
                                      "<title>t</title>\n<bogus/>\n</procedure>\n", -1, NULL));

  /* The bad file is reported with its position and the rest go on. */
  run_command (&run, f, "import", f->in, NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_cmpuint (count_lines (run.out), ==, 3);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  expected = g_strdup_printf ("%s:3:", bad);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_nonnull (strstr (run.out, "imported as WT-DITA-01 revision 1"));

  run_command (&list, f, "procedures", NULL);
  g_assert_cmpint (exit_code (&list), ==, 0);
  g_assert_cmpstr (list.out, ==,
                   "DB-PROC-01\t1\t配电箱检修\n"
                   "GB-18030-01\t1\t国标编码的规程\n"
                   "WT-DITA-01\t1\tReplacing a leaking tap washer\n");
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *a = g_build_filename (f->dir, "a.xml", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.xml", NULL);
  g_autofree char *dita = g_build_filename (f->dir, "a.dita", NULL);
  g_autofree char *all = g_build_filename (f->dir, "all", NULL);
  g_autofree char *one = g_build_filename (all, "WT-DITA-01.xml", NULL);
  g_autofree char *a_data = NULL;
  g_autofree char *b_data = NULL;
  g_autofree char *dita_data = NULL;

  copy_fixture (f, "dita-task.dita");
  run_command (&run, f, "import", f->in, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);

  /* export -> import -> export, byte for byte */
  run_command (&run, f, "export-procedure", "WT-DITA-01", "-o", a, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);
  run_command (&run, f, "import", a, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "imported as WT-DITA-01 revision 2"));
  run_clear (&run);
  run_command (&run, f, "export-procedure", "WT-DITA-01", "-o", b, "--revision", "2", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (a, &a_data, NULL, NULL));
  g_assert_true (g_file_get_contents (b, &b_data, NULL, NULL));
  g_assert_cmpstr (a_data, ==, b_data);

  run_command (&run, f, "export-procedure", "WT-DITA-01", "-o", dita, "--format", "dita", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (dita, &dita_data, NULL, NULL));
  g_assert_nonnull (strstr (dita_data, "<task id=\"WT-DITA-01\""));

  /* Printed: a PDF whose text holds the title (pdftotext, when there). */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "a.pdf", NULL);
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    run_command (&run, f, "export-procedure", "WT-DITA-01", "-o", pdf, "--format", "pdf", NULL);
    g_assert_cmpint (exit_code (&run), ==, 0);
    run_clear (&run);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    if (pdftotext)
      {
        g_autofree char *text = NULL;
        const char *argv[] = { pdftotext, pdf, "-", NULL };

        g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     &text, NULL, NULL, NULL));
        g_assert_nonnull (strstr (text, "Replacing a leaking tap washer"));
        g_assert_nonnull (strstr (text, "Close the stop valve under the sink."));
      }
  }

  run_command (&run, f, "export-procedure", "--all", "-o", all, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_true (g_file_test (one, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* Errors: one line, non-zero. */
  run_command (&run, f, "export-procedure", "NO-SUCH", "-o", a, NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  run_clear (&run);
  run_command (&run, f, "export-procedure", "WT-DITA-01", "-o", a, "--revision", "9", NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "revision 9"));
  run_clear (&run);
  run_command (&run, f, "export-procedure", "WT-DITA-01", "-o", a, "--format", "html", NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
}

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) list = { 0 };
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "gbk.xml", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);

  g_assert_true (g_file_set_contents (bad, "<procedure>", -1, NULL));
  run_command (&run, f, "validate", good, bad, NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.out, "GBK-01"));
  g_assert_nonnull (strstr (run.err, bad));
  /* Nothing was stored: there is not even an office. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* A procedure's rules become the deadline policy: a new revision with
 * its rules; a procedure without rules is refused, the policy kept. */
static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) activate = { 0 };
  g_auto(Run) policy = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) after = { 0 };

  run_command (&demo, f, "demo", NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);

  run_command (&activate, f, "activate-procedure", "RP-SOP-002", NULL);
  g_assert_cmpint (exit_code (&activate), ==, 0);
  g_assert_true (g_str_has_prefix (activate.out, "Policy revision 2: the 2 rules of RP-SOP-002 revision 1"));

  run_command (&policy, f, "policy", NULL);
  g_assert_cmpint (exit_code (&policy), ==, 0);
  g_assert_true (g_str_has_prefix (policy.out, "Policy revision 2\n"));
  g_assert_cmpuint (count_lines (policy.out), ==, 3);
  g_assert_nonnull (strstr (policy.out, "4 hours"));

  run_command (&none, f, "activate-procedure", "CB-SOP-003", NULL);
  g_assert_cmpint (exit_code (&none), ==, 1);
  g_assert_nonnull (strstr (none.err, "CB-SOP-003 revision 1 has no rules"));
  run_command (&after, f, "policy", NULL);
  g_assert_true (g_str_has_prefix (after.out, "Policy revision 2\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/desk/cli/procedures/import", Fixture, NULL, fixture_set_up, test_import_batch, fixture_tear_down);
  g_test_add ("/desk/cli/procedures/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/desk/cli/procedures/validate", Fixture, NULL, fixture_set_up, test_validate, fixture_tear_down);
  g_test_add ("/desk/cli/procedures/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);

  return g_test_run ();
}
