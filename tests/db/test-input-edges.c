/* test-input-edges.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input at the edges: the field rules the stores apply (lengths, phone
 * numbers, received times nobody means, deadlines beyond any rule), the
 * same refusals on the command line, and bulk work that leaves whole
 * parts when it is killed half way.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "desk-category-store.h"
#include "desk-core-test.h"
#include "desk-customer-store.h"
#include "desk-database.h"
#include "desk-demo.h"
#include "desk-field-rules.h"
#include "desk-notice-store.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

#define DAY (24 * 3600)

typedef struct
{
  char         *dir;
  char         *path;
  DeskDatabase *db;
  gint64        customer;
  gint64        category;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  DeskCustomerFields fields = { .name = "测试客户", .phone = "13800138000" };

  f->dir = desk_test_make_dir ("desk-edges");
  f->db = desk_test_open_office (f->dir, &f->path);
  categories = desk_category_store_list (f->db, &error);
  g_assert_no_error (error);
  f->category = ((DeskCategory *)categories->pdata[0])->id;
  f->customer = desk_customer_store_add (f->db, &fields, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
test_text_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = NULL;
  GString *chinese = g_string_new (NULL);

  g_assert_true (desk_field_check_text (NULL, "Summary", 10, G_IO_ERROR, G_IO_ERROR_FAILED, &error));
  g_assert_true (desk_field_check_text ("卫生间漏水\n第二行\t制表", "Summary", 20, G_IO_ERROR, 0, &error));

  /* Length in characters, not bytes: ten Chinese characters fit ten. */
  for (int i = 0; i < 10; i++)
    g_string_append (chinese, "漏");
  g_assert_true (desk_field_check_text (chinese->str, "Summary", 10, G_IO_ERROR, 0, &error));
  g_string_append (chinese, "水");
  g_assert_false (desk_field_check_text (chinese->str, "Summary", 10, G_IO_ERROR, 0, &error));
  g_assert_nonnull (strstr (error->message, "Summary"));
  g_assert_nonnull (strstr (error->message, "11"));
  g_clear_error (&error);
  g_string_free (chinese, TRUE);

  g_assert_false (desk_field_check_text ("ab\xff" "cd", "Customer name", 10, G_IO_ERROR, 0, &error));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  g_assert_false (desk_field_check_text ("ab\x01" "cd", "Customer name", 10, G_IO_ERROR, 0, &error));
  g_assert_nonnull (strstr (error->message, "U+0001"));
  g_clear_error (&error);

  long_name = g_strnfill (DESK_FIELD_NAME_MAX + 1, 'a');
  g_assert_false (desk_field_check_text (long_name, "Customer name", DESK_FIELD_NAME_MAX, G_IO_ERROR, 0, &error));
  g_clear_error (&error);
}

static void
test_phone_rules (void)
{
  const char *good[] = {
    "13800138000", "+86 138 0013 8000", "0755-88886666", "(0755) 8888-6666", "0755-8888 6666转123",
    "010-6666 8888 ext 21", "１３８００１３８０００", "110", "（0755）88886666",
  };
  const char *bad[] = {
    "abc-def!", "12", "1380013800a", "!!!", "138 0013 8000 0000 0000 123", "转123", "+", "13800138000 王",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("good: %s", good[i]);
      g_assert_true (desk_field_check_phone (good[i], "Phone", G_IO_ERROR, 0, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad: %s", bad[i]);
      g_assert_false (desk_field_check_phone (bad[i], "Phone", G_IO_ERROR, 0, &error));
      g_assert_nonnull (strstr (error->message, "Phone"));
    }

  g_assert_true (desk_field_check_phone (NULL, "Phone", G_IO_ERROR, 0, NULL));
  g_assert_true (desk_field_check_phone ("", "Phone", G_IO_ERROR, 0, NULL));
}

static void
test_received_rules (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  gint64 now = 1796000000; /* 2026-11-30 08:53 in Shanghai */
  g_autoptr(GError) error = NULL;
  g_autofree char *future = NULL;
  g_autofree char *old = NULL;

  g_assert_true (desk_field_check_received (now - 30 * DAY, now, zone, G_IO_ERROR, 0, &error));
  g_assert_false (desk_field_check_received (-62135596800, now, zone, G_IO_ERROR, 0, &error)); /* year 1 */
  g_assert_nonnull (strstr (error->message, "Received"));
  g_clear_error (&error);
  g_assert_false (desk_field_check_received (-2208988800, now, zone, G_IO_ERROR, 0, &error)); /* 1900 */
  g_clear_error (&error);
  g_assert_false (desk_field_check_received (253370764800, now, zone, G_IO_ERROR, 0, &error)); /* 9999 */
  g_clear_error (&error);
  g_assert_false (desk_field_check_received (now + 5 * 367 * DAY, now, zone, G_IO_ERROR, 0, &error));
  g_clear_error (&error);

  /* Ordinary: a call taken an hour ago, or a week before the first ticket. */
  g_assert_null (desk_field_unusual_received (now - 3600, now, now - 100 * DAY, zone));
  g_assert_null (desk_field_unusual_received (now - 107 * DAY, now, now - 100 * DAY, zone));
  g_assert_null (desk_field_unusual_received (now + 5 * 60, now, now, zone));

  future = desk_field_unusual_received (now + DAY, now, now - 100 * DAY, zone);
  g_assert_nonnull (future);
  g_assert_nonnull (strstr (future, "future"));
  /* In the office’s time, not the computer’s. */
  g_assert_nonnull (strstr (future, "2026-12-01 08:53"));

  old = desk_field_unusual_received (now - 300 * DAY, now, now - 100 * DAY, zone);
  g_assert_nonnull (old);
}

static void
test_stores_refuse (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *summary = g_strnfill (DESK_FIELD_SUMMARY_MAX + 1, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *unusual = NULL;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .customer_id = f->customer, .category_id = f->category,
    .summary = summary,
  };
  DeskCustomerFields letters = { .name = "王芳", .phone = "call me" };
  DeskTicketQuery query = { .queue = DESK_QUEUE_ALL, .search = "漏\xff" };
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 count;

  /* A summary too long, named. */
  g_assert_null (desk_ticket_store_create (f->db, &draft, 0, &error));
  g_assert_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Summary"));
  g_clear_error (&error);

  /* A received time nobody means: refused even by the store. */
  draft.summary = "漏水";
  draft.received_at = -2208988800;
  g_assert_null (desk_ticket_store_create (f->db, &draft, 0, &error));
  g_assert_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Received"));
  g_clear_error (&error);

  /* A time in the future is a question, not a refusal of the store. */
  unusual = desk_ticket_store_unusual_received (f->db, now_seconds () + 2 * DAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (unusual);
  g_clear_pointer (&unusual, g_free);
  unusual = desk_ticket_store_unusual_received (f->db, now_seconds () - 3600, &error);
  g_assert_no_error (error);
  g_assert_null (unusual);

  draft.received_at = 0;
  ticket = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);

  /* A phone number of letters. */
  g_assert_cmpint (desk_customer_store_add (f->db, &letters, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Phone"));
  g_clear_error (&error);

  /* A note of a 128 KiB paste. */
  {
    g_autofree char *note = g_strnfill (128 * 1024, 'n');

    g_assert_false (desk_ticket_store_add_note (f->db, desk_ticket_get_id (ticket), 0, note, &error));
    g_assert_true (g_str_has_prefix (error->message, "Note"));
    g_clear_error (&error);
  }

  /* A notice due in 9999, and one due in a month. */
  today = g_date_time_format (now, "%Y-%m-%d");
  {
    DeskNoticeDraft notice = {
      .ticket_id = desk_ticket_get_id (ticket), .recipient = "工程部", .problem = "卫生间漏水",
      .rectification = "更换防水层", .due_date = "9999-12-31",
    };
    g_autoptr(GDateTime) month = g_date_time_add_days (now, 30);
    g_autofree char *due = g_date_time_format (month, "%Y-%m-%d");

    g_assert_false (desk_notice_store_check_draft (&notice, 0, &error));
    g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_DUE_DATE);
    g_assert_nonnull (strstr (error->message, "9999-12-31"));
    g_clear_error (&error);

    notice.due_date = due;
    g_assert_true (desk_notice_store_check_draft (&notice, 0, &error));
    g_assert_no_error (error);
  }

  /* Search text of invalid UTF-8. */
  count = desk_ticket_query_count (f->db, &query, &error);
  g_assert_cmpint (count, ==, -1);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run (Fixture    *f,
     Run        *r,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *)TEST_SERVICE_DESK);
  g_ptr_array_add (argv, (char *)"--database");
  g_ptr_array_add (argv, f->path);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &r->status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (r->status) ? WEXITSTATUS (r->status) : -1;
}

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

#define ADD_TICKET "add-ticket", "--kind", "complaint", "--customer", "王芳", \
                   "--phone", "13800138000", "--category", "construction-quality", "--summary", "漏水"

static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  Run r = { 0 };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d %H:%M");

  run (f, &r, ADD_TICKET, "--received", "1900-01-01 10:00", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "Received: 1900-01-01 10:00"));
  run_clear (&r);

  run (f, &r, ADD_TICKET, "--received", "9999-01-01 10:00", "--force", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);

  /* Tomorrow: asked about, then taken with --force. */
  run (f, &r, ADD_TICKET, "--received", future, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--force"));
  run_clear (&r);
  run (f, &r, ADD_TICKET, "--received", future, "--force", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "TS-"));
  run_clear (&r);

  run (f, &r, "add-ticket", "--kind", "complaint", "--customer", "王芳", "--phone", "!!!",
       "--category", "construction-quality", "--summary", "漏水", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "Phone: “!!!”"));
  run_clear (&r);

  run (f, &r, "search", "--limit", "-1", "漏水", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--limit"));
  run_clear (&r);

  run (f, &r, "search", "\xff\xfe", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "UTF-8"));
  run_clear (&r);

  run (f, &r, "search", "--limit", "1", "漏水", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (strlen (r.out), >, 0);
  run_clear (&r);
}

/* `generate` killed half way: what it committed is whole parts (every
 * ticket with its timeline entry and search text, numbers gapless), and
 * the office checks clean. */
static void
test_bulk_killed_half_way (Fixture       *f,
                           gconstpointer  data)
{
  const char *argv[] = { TEST_SERVICE_DESK, "--database", f->path, "generate", "200000", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) again = NULL;
  DeskTicketQuery all = { .queue = DESK_QUEUE_ALL };
  GPid pid;
  int status;
  gint64 n, n_before;
  Run r = { 0 };

  g_assert_true (desk_demo_populate (f->db, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&f->db);

  g_spawn_async (NULL, (char **)argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* Killed once it has committed a few parts, wherever it is then. */
  again = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  n_before = desk_ticket_query_count (again, &all, &error);
  for (gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
       g_get_monotonic_time () < until && desk_ticket_query_count (again, &all, NULL) < n_before + 1000; )
    g_usleep (20 * 1000);
  g_usleep (g_random_int_range (0, 200) * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  g_clear_object (&again);
  again = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  n = desk_ticket_query_count (again, &all, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " tickets when killed", n);
  /* It got somewhere, and not to the end. */
  g_assert_cmpint (n, >=, n_before + 1000);
  g_assert_cmpint (n, <, n_before + 200000);

  run (f, &r, "check", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  /* Each ticket whole: its "created" entry and its search row. */
  {
    g_autoptr(GPtrArray) page = NULL;
    g_auto(DeskTicketKey) key = { 0 };
    DeskTicketQuery newest = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_NUMBER, .descending = TRUE };

    page = desk_ticket_query_page (again, &newest, &key, 0, 50, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < page->len; i++)
      {
        g_autoptr(GPtrArray) events = desk_ticket_store_timeline (again, desk_ticket_get_id (page->pdata[i]), &error);

        g_assert_no_error (error);
        g_assert_cmpuint (events->len, >=, 1);
        g_assert_cmpstr (((DeskTicketEvent *)events->pdata[0])->kind, ==, "created");
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/input-edges/text", test_text_rules);
  g_test_add_func ("/desk/input-edges/phone", test_phone_rules);
  g_test_add_func ("/desk/input-edges/received", test_received_rules);
  g_test_add ("/desk/input-edges/stores-refuse", Fixture, NULL,
              fixture_set_up, test_stores_refuse, fixture_tear_down);
  g_test_add ("/desk/input-edges/command-line", Fixture, NULL,
              fixture_set_up, test_command_line, fixture_tear_down);
  g_test_add ("/desk/input-edges/bulk-killed-half-way", Fixture, NULL,
              fixture_set_up, test_bulk_killed_half_way, fixture_tear_down);

  return g_test_run ();
}
