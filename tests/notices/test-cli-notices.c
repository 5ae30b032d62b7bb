/* test-cli-notices.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE 1
#include "config.h"

#include "desk-core-test.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

/* The notice commands through the real executable, without a display:
 * issue-notice, notice -o (by number and by ticket), notices, and two
 * processes issuing at the same moment. */

typedef struct
{
  char *dir;
  char *path;
  char *ticket;
} Fixture;

static GSubprocess *
start (Fixture     *f,
       const char  *first,
       ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *arg;
  va_list ap;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);

  g_ptr_array_add (args, (char *)TEST_SERVICE_DESK);
  g_ptr_array_add (args, (char *)"--database");
  g_ptr_array_add (args, f->path);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/* Waits for @process; returns its exit code, @out its output. */
static int
finish (GSubprocess  *process,
        char        **out,
        char        **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int status;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  status = g_subprocess_get_exit_status (process);
  g_object_unref (process);
  return status;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;

  f->dir = desk_test_make_dir ("desk-cli-notices");
  f->path = g_build_filename (f->dir, "office.db", NULL);

  g_assert_cmpint (finish (start (f, "demo", NULL), NULL, NULL), ==, 0);
  g_assert_cmpint (finish (start (f, "add-ticket", "--kind", "complaint", "--customer", "李建华",
                                  "--phone", "13902651234", "--category", "施工质量",
                                  "--summary", "卫生间漏水", NULL), &out, NULL), ==, 0);
  f->ticket = g_strstrip (g_steal_pointer (&out));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->ticket);
}

static char *
due_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 7);
  return g_date_time_format (later, "%Y-%m-%d");
}

static GSubprocess *
start_issue (Fixture    *f,
             const char *recipient)
{
  g_autofree char *due = due_date ();

  return start (f, "issue-notice", f->ticket, "--to", recipient,
                "--problem", "卫生间防水层施工不合格，楼下住户天花板渗水。",
                "--rectification", "拆除并重做防水层，做闭水试验。",
                "--due", due, "--by", "S007", NULL);
}

/* The highest count of this year's notices so far (the demo office
 * already issued some). */
static int
last_sequence (Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *prefix = g_strdup_printf ("ZG-%d-", g_date_time_get_year (now));
  g_autofree char *listed = NULL;
  g_auto(GStrv) lines = NULL;
  int last = 0;

  g_assert_cmpint (finish (start (f, "notices", NULL), &listed, NULL), ==, 0);
  lines = g_strsplit (listed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      last = MAX (last, atoi (lines[i] + strlen (prefix)));
  return last;
}

static void
test_issue_and_export (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *number = NULL;
  g_autofree char *second = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *by_number = g_build_filename (f->dir, "by-number.pdf", NULL);
  g_autofree char *by_ticket = g_build_filename (f->dir, "by-ticket.pdf", NULL);
  g_autofree char *first_pdf = NULL, *latest_pdf = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_strdup_printf ("ZG-%d-%04d", g_date_time_get_year (now), last_sequence (f) + 1);
  gsize first_len, latest_len;

  g_assert_cmpint (finish (start_issue (f, "工程部"), &number, NULL), ==, 0);
  g_strstrip (number);
  g_assert_cmpstr (number, ==, expected);
  g_assert_cmpint (finish (start_issue (f, "宏达水电（分包）"), &second, NULL), ==, 0);
  g_strstrip (second);

  g_assert_cmpint (finish (start (f, "notice", number, "-o", by_number, NULL), NULL, NULL), ==, 0);
  g_assert_cmpint (finish (start (f, "notice", "--ticket", f->ticket, "-o", by_ticket, NULL), NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (by_number, &first_pdf, &first_len, NULL));
  g_assert_true (g_file_get_contents (by_ticket, &latest_pdf, &latest_len, NULL));
  g_assert_true (g_str_has_prefix (first_pdf, "%PDF-"));
  g_assert_true (g_str_has_prefix (latest_pdf, "%PDF-"));
  /* --ticket takes the latest notice, which is another document. */
  g_assert_nonnull (memmem (latest_pdf, latest_len, second, strlen (second)));
  g_assert_nonnull (memmem (first_pdf, first_len, number, strlen (number)));

  g_assert_cmpint (finish (start (f, "notices", "--to", "宏达水电（分包）", NULL), &listed, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (listed, second));
  g_assert_true (strchr (listed, '\n') == listed + strlen (listed) - 1); /* one line */

  /* Errors are one line on stderr and name what was wrong. */
  g_assert_cmpint (finish (start (f, "issue-notice", f->ticket, "--to", "工程部", "--problem", "x",
                                  "--rectification", "y", "--due", "2026-13-01", NULL), NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "Deadline"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (finish (start (f, "issue-notice", f->ticket, "--problem", "x", NULL), NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--to"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (finish (start (f, "notice", "ZG-1999-0001", "-o", by_number, NULL), NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "ZG-1999-0001"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (finish (start (f, "notice", number, NULL), NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
}

/* Two processes issue at the same moment, ten times over: the numbers
 * are unique and have no gaps. */
static void
test_concurrent_processes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *listed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  int first = last_sequence (f) + 1;
  guint before;

  g_assert_cmpint (finish (start (f, "notices", NULL), &listed, NULL), ==, 0);
  before = g_strv_length (lines = g_strsplit (g_strstrip (listed), "\n", -1));
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&listed, g_free);

  for (int round = 0; round < 10; round++)
    {
      GSubprocess *a = start_issue (f, "工程部");
      GSubprocess *b = start_issue (f, "维修部");
      char *out_a = NULL, *out_b = NULL;

      g_assert_cmpint (finish (a, &out_a, NULL), ==, 0);
      g_assert_cmpint (finish (b, &out_b, NULL), ==, 0);
      g_ptr_array_add (numbers, g_strstrip (out_a));
      g_ptr_array_add (numbers, g_strstrip (out_b));
    }

  /* Each of the next twenty numbers exactly once. */
  for (int i = first; i < first + 20; i++)
    {
      g_autofree char *expected = g_strdup_printf ("ZG-%d-%04d", g_date_time_get_year (now), i);
      guint seen = 0;

      for (guint j = 0; j < numbers->len; j++)
        seen += g_str_equal (numbers->pdata[j], expected);
      g_assert_cmpuint (seen, ==, 1);
    }

  g_assert_cmpint (finish (start (f, "notices", NULL), &listed, NULL), ==, 0);
  lines = g_strsplit (g_strstrip (listed), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, before + 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/cli-notices/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("issue-and-export", test_issue_and_export);
  ADD ("concurrent-processes", test_concurrent_processes);
#undef ADD

  return g_test_run ();
}
