/* test-cli.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

/* Runs the real service-desk executable, as a batch job would: without a
 * display, so any command that touched GTK would fail here. */

typedef struct
{
  char *dir;
  char *path;
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

static void
assert_one_line_error (Run *run)
{
  g_assert_cmpint (exit_code (run), !=, 0);
  g_assert_true (g_str_has_prefix (run->err, "service-desk"));
  /* Exactly one line. */
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = desk_test_make_dir ("desk-cli");
  f->path = g_build_filename (f->dir, "office.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_help_and_version (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad_option = { 0 };

  run_command (&help, "--help", NULL);
  g_assert_cmpint (exit_code (&help), ==, 0);
  g_assert_nonnull (strstr (help.out, "--database PATH"));
  for (const char * const *c = (const char * const[]) { "demo", "check", "backup", NULL }; *c; c++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", *c);
      g_assert_nonnull (strstr (help.out, line));
    }

  run_command (&version, "--version", NULL);
  g_assert_cmpint (exit_code (&version), ==, 0);
  g_assert_cmpstr (version.out, ==, "service-desk " PACKAGE_VERSION "\n");

  run_command (&unknown, "--database", f->path, "frobnicate", NULL);
  assert_one_line_error (&unknown);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  run_command (&bad_option, "--databse", f->path, "check", NULL);
  assert_one_line_error (&bad_option);
}

static void
test_demo_check_backup (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) force = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) backup = { 0 };
  g_auto(Run) check_copy = { 0 };
  g_auto(Run) no_file = { 0 };

  run_command (&demo, "--database", f->path, "demo", NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);
  g_assert_nonnull (strstr (demo.out, "15 staff"));

  run_command (&again, "--database", f->path, "demo", NULL);
  assert_one_line_error (&again);
  g_assert_nonnull (strstr (again.err, "--force"));

  run_command (&force, "--database", f->path, "demo", "--force", NULL);
  g_assert_cmpint (exit_code (&force), ==, 0);

  run_command (&check, "--database", f->path, "check", NULL);
  g_assert_cmpint (exit_code (&check), ==, 0);
  g_assert_nonnull (strstr (check.out, "Integrity: ok"));

  run_command (&backup, "--database", f->path, "backup", copy, NULL);
  g_assert_cmpint (exit_code (&backup), ==, 0);

  run_command (&check_copy, "--database", copy, "check", NULL);
  g_assert_cmpint (exit_code (&check_copy), ==, 0);

  run_command (&no_file, "--database", f->path, "backup", NULL);
  assert_one_line_error (&no_file);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  static const char text[] = "这不是数据库\n";
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) not_db = { 0 };
  g_auto(Run) absent = { 0 };
  g_auto(Run) demo = { 0 };

  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  run_command (&not_db, "--database", f->path, "check", NULL);
  assert_one_line_error (&not_db);
  g_assert_nonnull (strstr (not_db.err, f->path));

  run_command (&demo, "--database", f->path, "demo", "--force", NULL);
  assert_one_line_error (&demo);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  /* check never creates an office. */
  run_command (&absent, "--database", missing, "check", NULL);
  assert_one_line_error (&absent);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* The deadline and calendar commands on a demo office. */
static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (f->dir, "CN-2027.ics", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.ics", NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) policy = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) monday = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) bad_time = { 0 };
  g_auto(Run) acknowledge = { 0 };
  g_auto(Run) acknowledge_nobody = { 0 };
  g_auto(Run) ledger = { 0 };
  g_auto(Run) bad_month = { 0 };
  g_auto(Run) calendars = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) import_bad = { 0 };
  g_auto(Run) import_nowhere = { 0 };
  g_autofree char *number = NULL;

  run_command (&demo, "--database", f->path, "demo", NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);

  run_command (&policy, "--database", f->path, "policy", NULL);
  g_assert_cmpint (exit_code (&policy), ==, 0);
  g_assert_true (g_str_has_prefix (policy.out, "Policy revision 1\n"));
  g_assert_nonnull (strstr (policy.out, "\nforward\tForward to the responsible department: "));
  g_assert_nonnull (strstr (policy.out, "fine 200 yuan against the department"));

  run_command (&add, "--database", f->path, "add-ticket", "--kind", "complaint", "--customer", "王志强",
               "--phone", "13600125588", "--category", "price", "--summary", "报价与合同不符",
               "--received", "2030-03-12 10:00", "--force", NULL);
  g_assert_cmpint (exit_code (&add), ==, 0);
  number = g_strstrip (g_strdup (add.out));

  /* The first check, then Monday's: the ticket's missed forwarding, once. */
  run_command (&first, "--database", f->path, "check-deadlines", "--at", "2030-03-12 09:00", NULL);
  g_assert_cmpint (exit_code (&first), ==, 0);
  g_assert_null (strstr (first.out, number));
  run_command (&monday, "--database", f->path, "check-deadlines", "--at", "2030-03-18 09:00", NULL);
  g_assert_cmpint (exit_code (&monday), ==, 0);
  {
    g_autofree char *line = g_strdup_printf ("%s\tForward to the responsible department\toverdue\t2030-03-12 10:30",
                                             number);
    g_assert_nonnull (strstr (monday.out, line));
  }
  run_command (&again, "--database", f->path, "check-deadlines", "--at", "2030-03-18 09:01", NULL);
  g_assert_null (strstr (again.out, "overdue"));

  run_command (&bad_time, "--database", f->path, "check-deadlines", "--at", "yesterday", NULL);
  assert_one_line_error (&bad_time);

  run_command (&acknowledge, "--database", f->path, "acknowledge", number, "--staff", "S001", NULL);
  g_assert_cmpint (exit_code (&acknowledge), ==, 0);
  g_assert_nonnull (strstr (acknowledge.out, "no escalation waits"));
  run_command (&acknowledge_nobody, "--database", f->path, "acknowledge", number, NULL);
  assert_one_line_error (&acknowledge_nobody);

  run_command (&ledger, "--database", f->path, "ledger", "2030-03", NULL);
  g_assert_cmpint (exit_code (&ledger), ==, 0);
  g_assert_true (g_str_has_prefix (ledger.out, "Department\t"));
  run_command (&bad_month, "--database", f->path, "ledger", "March", NULL);
  assert_one_line_error (&bad_month);

  run_command (&calendars, "--database", f->path, "calendars", NULL);
  g_assert_cmpint (exit_code (&calendars), ==, 0);
  g_assert_true (g_str_has_prefix (calendars.out, "emergency\tAsia/Shanghai\t00:00-24:00,"));
  g_assert_nonnull (strstr (calendars.out, "\noffice\tAsia/Shanghai\t08:30-17:30,"));

  g_assert_true (g_file_set_contents (ics, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20300101\n"
                                           "SUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR\n", -1, NULL));
  run_command (&import, "--database", f->path, "import-calendar", ics, NULL);
  g_assert_cmpint (exit_code (&import), ==, 0);
  g_assert_cmpstr (import.out, ==, "office: 1 date set\n");

  g_assert_true (g_file_set_contents (bad, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", -1, NULL));
  run_command (&import_bad, "--database", f->path, "import-calendar", bad, NULL);
  assert_one_line_error (&import_bad);
  g_assert_nonnull (strstr (import_bad.err, "bad.ics:2:"));
  run_command (&import_nowhere, "--database", f->path, "import-calendar", ics, "--calendar", "night", NULL);
  assert_one_line_error (&import_nowhere);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_callbacks (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) plan = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) figures = { 0 };
  g_autofree char *ics = g_build_filename (f->dir, "callbacks.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint written = 0, listed = 0;

  run_command (&demo, "--database", f->path, "demo", NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);

  /* The demo planned the coming days already: planning again adds none. */
  run_command (&plan, "--database", f->path, "plan-callbacks", NULL);
  g_assert_cmpint (exit_code (&plan), ==, 0);
  g_assert_cmpstr (plan.out, ==, "Planned 0 callbacks\n");

  run_command (&export, "--database", f->path, "export-callbacks", "-o", ics, NULL);
  g_assert_cmpint (exit_code (&export), ==, 0);
  g_assert_cmpint (sscanf (export.out, "Wrote %u callbacks", &written), ==, 1);
  g_assert_cmpuint (written, >, 0);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  g_assert_cmpuint (count_occurrences (text, "BEGIN:VEVENT"), ==, written);

  /* The past week's agendas: calls made, tab-separated, seven columns. */
  for (int back = 1; back <= 7; back++)
    {
      g_auto(Run) day = { 0 };
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -back);
      g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");
      g_auto(GStrv) lines = NULL;

      run_command (&day, "--database", f->path, "callbacks", "--date", date, NULL);
      g_assert_cmpint (exit_code (&day), ==, 0);
      lines = g_strsplit (day.out, "\n", -1);
      for (guint i = 0; lines[i] && *lines[i]; i++, listed++)
        g_assert_cmpuint (count_occurrences (lines[i], "\t"), ==, 6);
    }
  g_assert_cmpuint (listed, >, 0);

  run_command (&figures, "--database", f->path, "callback-figures", NULL);
  g_assert_cmpint (exit_code (&figures), ==, 0);
  g_assert_nonnull (strstr (figures.out, "Total\t"));

  /* By hand: one call, and a campaign over a site's customers. */
  {
    g_auto(Run) one = { 0 };
    g_auto(Run) campaign = { 0 };
    g_auto(Run) nobody = { 0 };

    run_command (&one, "--database", f->path, "add-callback", "--phone", "13902651234",
                 "--at", "2031-03-03 16:30", "--person", "王丽", NULL);
    g_assert_cmpint (exit_code (&one), ==, 0);
    g_assert_nonnull (strstr (one.out, "李建华"));
    g_assert_nonnull (strstr (one.out, "2031-03-03 16:30"));
    run_command (&campaign, "--database", f->path, "callback-campaign", "--name", "翠湖花园 回访",
                 "--site", "翠湖花园", NULL);
    g_assert_cmpint (exit_code (&campaign), ==, 0);
    g_assert_true (g_str_has_prefix (campaign.out, "Planned "));
    run_command (&nobody, "--database", f->path, "add-callback", "--phone", "000", NULL);
    assert_one_line_error (&nobody);
  }
  {
    g_auto(Run) day = { 0 };

    run_command (&day, "--database", f->path, "callbacks", "--date", "2031-03-03", NULL);
    g_assert_cmpint (exit_code (&day), ==, 0);
    g_assert_nonnull (strstr (day.out, "16:30\tPlanned\tBy hand\t李建华"));
  }

  run_command (&no_output, "--database", f->path, "export-callbacks", NULL);
  assert_one_line_error (&no_output);
  run_command (&bad_date, "--database", f->path, "callbacks", "--date", "2026-02-30", NULL);
  assert_one_line_error (&bad_date);
  g_assert_nonnull (strstr (bad_date.err, "2026-02-30"));
}

/* callback-settings: prints the three values, sets any of them (the rest
 * kept), and refuses a bad value naming the option, saving nothing. */
static void
test_callback_settings (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) defaults = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) too_big = { 0 };
  g_auto(Run) not_a_number = { 0 };
  g_auto(Run) after = { 0 };

  run_command (&demo, "--database", f->path, "demo", NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);

  run_command (&defaults, "--database", f->path, "callback-settings", NULL);
  g_assert_cmpint (exit_code (&defaults), ==, 0);
  g_assert_cmpstr (defaults.out, ==,
                   "satisfaction-delay\t1\tSatisfaction call delay\n"
                   "repair-follow-up\t3\tFollow-up after repair\n"
                   "planning-days\t3\tPlanning window\n");

  run_command (&set, "--database", f->path, "callback-settings",
               "--satisfaction-delay", "2", "--planning-days", "5", NULL);
  g_assert_cmpint (exit_code (&set), ==, 0);
  g_assert_nonnull (strstr (set.out, "satisfaction-delay\t2\t"));
  g_assert_nonnull (strstr (set.out, "repair-follow-up\t3\t"));
  g_assert_nonnull (strstr (set.out, "planning-days\t5\t"));

  run_command (&again, "--database", f->path, "callback-settings", NULL);
  g_assert_cmpstr (again.out, ==, set.out);

  /* A good value beside a bad one is not saved either. */
  run_command (&too_big, "--database", f->path, "callback-settings",
               "--satisfaction-delay", "4", "--repair-follow-up", "41", NULL);
  assert_one_line_error (&too_big);
  g_assert_nonnull (strstr (too_big.err, "--repair-follow-up"));
  g_assert_nonnull (strstr (too_big.err, "41"));
  run_command (&not_a_number, "--database", f->path, "callback-settings", "--planning-days", "两天", NULL);
  assert_one_line_error (&not_a_number);
  g_assert_nonnull (strstr (not_a_number.err, "--planning-days"));

  run_command (&after, "--database", f->path, "callback-settings", NULL);
  g_assert_cmpstr (after.out, ==, set.out);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("help-and-version", test_help_and_version);
  ADD ("demo-check-backup", test_demo_check_backup);
  ADD ("bad-files", test_bad_files);
  ADD ("callbacks", test_callbacks);
  ADD ("callback-settings", test_callback_settings);
  ADD ("rules", test_rules);

#undef ADD

  return g_test_run ();
}
