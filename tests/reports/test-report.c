/* test-report.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The monthly report's figures, computed in SQL, against the same figures
 * counted here by walking every ticket of a generated office.  November
 * 2026 is reported beside October, the month of the National Day holidays
 * and their make-up working days. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "desk-core-test.h"
#include "desk-deadline-store.h"
#include "desk-demo.h"
#include "desk-generator.h"
#include "desk-notice-store.h"
#include "desk-report-render.h"
#include "desk-report-store.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"
#include "desk-types.h"

typedef struct
{
  gint64      received, closed, open, complaints, repeats, major, escalations;
  GHashTable *by_kind, *by_category, *by_department, *by_severity, *customers, *escalated_to;
  GHashTable *kept, *missed;  /* rule id -> count */
  gint64      now;            /* the report's */
  gint64      daily[32];
} Expected;

static void
expected_init (Expected *e)
{
  memset (e, 0, sizeof *e);
  e->by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->by_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->by_department = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->by_severity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->escalated_to = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->missed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
expected_clear (Expected *e)
{
  g_hash_table_unref (e->by_kind);
  g_hash_table_unref (e->by_category);
  g_hash_table_unref (e->by_department);
  g_hash_table_unref (e->by_severity);
  g_hash_table_unref (e->customers);
  g_hash_table_unref (e->escalated_to);
  g_hash_table_unref (e->kept);
  g_hash_table_unref (e->missed);
}

static void
bump (GHashTable *table,
      char       *key)
{
  gint64 n = GPOINTER_TO_SIZE (g_hash_table_lookup (table, key));

  g_hash_table_replace (table, key, GSIZE_TO_POINTER (n + 1));
}

static gint64
lookup (GHashTable *table,
        const char *key)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (table, key));
}

static void
count_ticket (Expected             *e,
              DeskDatabase         *db,
              const DeskTicketData *d,
              gint64                start,
              gint64                end,
              GTimeZone            *zone)
{
  g_autoptr(GPtrArray) events = desk_ticket_store_timeline (db, d->id, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      DeskTicketEvent *event = g_ptr_array_index (events, i);

      if (g_str_equal (event->kind, "escalate") && event->at >= start && event->at < end)
        {
          e->escalations++;
          bump (e->escalated_to, g_strdup (event->new_value));
        }
    }

  if (d->closed_at >= start && d->closed_at < end)
    e->closed++;
  if (d->received_at < end && (d->closed_at == 0 || d->closed_at >= end))
    e->open++;

  if (d->received_at < start || d->received_at >= end)
    return;

  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (d->received_at);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

    e->daily[g_date_time_get_day_of_month (local)]++;
  }

  e->received++;
  e->major += d->major;

  /* Each deadline rule: kept or missed, as the engine judges it now. */
  {
    g_autoptr(GArray) deadlines = desk_deadline_store_evaluate (db, d->id, e->now, NULL);

    g_assert_nonnull (deadlines);
    for (guint i = 0; i < deadlines->len; i++)
      {
        const DeskDeadline *deadline = &g_array_index (deadlines, DeskDeadline, i);

        if (deadline->state == DESK_DEADLINE_MET)
          bump (e->kept, g_strdup (deadline->rule->id));
        else if (deadline->state == DESK_DEADLINE_MET_LATE || deadline->state == DESK_DEADLINE_BREACHED)
          bump (e->missed, g_strdup (deadline->rule->id));
      }
  }
  if (d->kind == DESK_TICKET_COMPLAINT)
    {
      e->complaints++;
      if (d->repeat_count > 1)
        e->repeats++;
      bump (e->customers, g_strdup_printf ("%" G_GINT64_FORMAT, d->customer_id));
    }
  bump (e->by_kind, g_strdup_printf ("%d", d->kind));
  bump (e->by_category, g_strdup_printf ("%" G_GINT64_FORMAT, d->category_id));
  bump (e->by_department, d->department_id ? g_strdup_printf ("%" G_GINT64_FORMAT, d->department_id) : g_strdup (""));
  bump (e->by_severity, g_strdup_printf ("%d", d->severity));
}

static int
compare_counts_desc (gconstpointer a,
                     gconstpointer b)
{
  gsize x = GPOINTER_TO_SIZE (a), y = GPOINTER_TO_SIZE (b);

  return x < y ? 1 : x > y ? -1 : 0;
}

static guint
count_rows (DeskReport *report)
{
  guint n = 0;

  for (guint i = 0; i < report->tables->len; i++)
    n += ((DeskReportTable *)g_ptr_array_index (report->tables, i))->rows->len;

  return n;
}

static double
value_of (DeskReport *report,
          const char *table_id,
          const char *key,
          gboolean    previous)
{
  DeskReportTable *table = desk_report_find_table (report, table_id);
  DeskReportRow *row;

  g_assert_nonnull (table);
  row = desk_report_table_find_row (table, key);
  if (row == NULL)
    return 0;

  return previous ? row->previous : row->current;
}

/* The notices' figures of the month [start, end), counted by walking
 * every notice; @month_after is the first day after it (YYYY-MM-DD). */
static void
assert_notices (DeskReport   *report,
                GPtrArray    *notices,
                gint64        start,
                gint64        end,
                const char   *month_after,
                gboolean      previous,
                GTimeZone    *zone)
{
  gint64 issued = 0, rectified = 0, late = 0, verified = 0, overdue = 0;

  for (guint i = 0; i < notices->len; i++)
    {
      const DeskNoticeData *n = desk_notice_get_data (notices->pdata[i]);
      gboolean replaced = FALSE;

      for (guint j = 0; j < notices->len; j++)
        {
          const DeskNoticeData *c = desk_notice_get_data (notices->pdata[j]);

          if (c->replaces_id == n->id && c->issued_at < end)
            replaced = TRUE;
        }

      if (n->issued_at >= start && n->issued_at < end)
        issued++;
      if (n->rectified_at >= start && n->rectified_at < end)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (n->rectified_at);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
          g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

          rectified++;
          if (strcmp (day, n->due_date) > 0)
            late++;
        }
      if (n->verified_at >= start && n->verified_at < end)
        verified++;
      if (n->issued_at < end && strcmp (n->due_date, month_after) < 0 &&
          (n->rectified_at == 0 || n->rectified_at >= end) && !replaced)
        overdue++;
    }

  g_assert_cmpint (issued, >, 0);
  g_assert_cmpfloat (value_of (report, "notices", "issued", previous), ==, issued);
  g_assert_cmpfloat (value_of (report, "notices", "rectified", previous), ==, rectified);
  g_assert_cmpfloat (value_of (report, "notices", "rectified-late", previous), ==, late);
  g_assert_cmpfloat (value_of (report, "notices", "verified", previous), ==, verified);
  g_assert_cmpfloat (value_of (report, "notices", "overdue", previous), ==, overdue);
}

static void
assert_breakdown (DeskReport *report,
                  const char *table_id,
                  GHashTable *expected,
                  gboolean    previous)
{
  DeskReportTable *table = desk_report_find_table (report, table_id);
  GHashTableIter iter;
  gpointer key, value;
  double total = 0;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpfloat (value_of (report, table_id, key, previous), ==, GPOINTER_TO_SIZE (value));

  /* And nothing more than those. */
  for (guint i = 0; i < table->rows->len; i++)
    {
      DeskReportRow *row = g_ptr_array_index (table->rows, i);

      total += previous ? row->previous : row->current;
      if ((previous ? row->previous : row->current) > 0)
        g_assert_true (g_hash_table_contains (expected, row->key));
    }
  g_assert_cmpfloat (total, ==, value_of (report, "summary", "received", previous));
}

static void
assert_month (DeskReport *report,
              Expected   *e,
              gboolean    previous)
{
  g_assert_cmpint (e->received, >, 50);
  g_assert_cmpfloat (value_of (report, "summary", "received", previous), ==, e->received);
  g_assert_cmpfloat (value_of (report, "summary", "closed", previous), ==, e->closed);
  g_assert_cmpfloat (value_of (report, "summary", "open", previous), ==, e->open);
  g_assert_cmpfloat (value_of (report, "summary", "complaints", previous), ==, e->complaints);
  g_assert_cmpfloat (value_of (report, "summary", "repeat-complaints", previous), ==, e->repeats);
  g_assert_cmpfloat (value_of (report, "summary", "major", previous), ==, e->major);
  g_assert_cmpfloat (value_of (report, "summary", "escalations", previous), ==, e->escalations);
  g_assert_cmpfloat (value_of (report, "repeat-rate", "repeat-rate", previous), ==,
                     e->complaints ? 100.0 * e->repeats / e->complaints : 0);
  assert_breakdown (report, "by-kind", e->by_kind, previous);
  assert_breakdown (report, "by-category", e->by_category, previous);
  assert_breakdown (report, "by-department", e->by_department, previous);
  assert_breakdown (report, "by-severity", e->by_severity, previous);

  /* Deadlines: every rule with a decided deadline, its misses and share. */
  {
    GHashTableIter iter;
    gpointer key, value;
    guint rules = 0;

    g_hash_table_iter_init (&iter, e->missed);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        gint64 kept = lookup (e->kept, key);

        g_assert_cmpfloat (value_of (report, "deadlines-missed", key, previous), ==, GPOINTER_TO_SIZE (value));
        g_assert_cmpfloat (fabs (value_of (report, "deadlines-kept", key, previous) -
                                 100.0 * kept / (kept + GPOINTER_TO_SIZE (value))), <, 1e-9);
        rules++;
      }
    g_assert_cmpuint (rules, >, 0);
  }

  {
    GHashTableIter iter;
    gpointer key, value;
    DeskReportTable *levels = desk_report_find_table (report, "escalations-by-level");
    double total = 0;

    g_hash_table_iter_init (&iter, e->escalated_to);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpfloat (value_of (report, "escalations-by-level", key, previous), ==, GPOINTER_TO_SIZE (value));
    for (guint i = 0; i < levels->rows->len; i++)
      total += previous ? ((DeskReportRow *)levels->rows->pdata[i])->previous
                        : ((DeskReportRow *)levels->rows->pdata[i])->current;
    g_assert_cmpfloat (total, ==, e->escalations);
  }
}

static void
test_month (void)
{
  g_autofree char *dir = desk_test_make_dir ("desk-report");
  g_autoptr(DeskDatabase) db = desk_test_open_office (dir, NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 11, 28, 12, 0, 0);
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DeskTicketQuery all = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_NUMBER };
  DeskTicketQuery open = { .queue = DESK_QUEUE_OPEN, .sort = DESK_SORT_NUMBER };
  g_autoptr(GPtrArray) to_escalate = NULL;
  g_auto(DeskTicketKey) key = { 0 };
  Expected november, october;
  gint64 top_previous = G_MAXINT64;

  g_assert_nonnull (zone);
  g_assert_true (desk_demo_populate (db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (desk_generator_add_tickets (db, 3000, 20261128, g_date_time_to_unix (now), NULL, NULL, &error));
  g_assert_no_error (error);

  /* A few escalations, so that the count is not only zeros. */
  to_escalate = desk_ticket_query_page (db, &open, NULL, 0, 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < to_escalate->len; i++)
    {
      const DeskTicketData *d = desk_ticket_get_data (to_escalate->pdata[i]);

      g_assert_true (desk_ticket_store_escalate (db, d->id, d->revision, 0, "测试", &error));
      g_assert_no_error (error);
    }

  report = desk_report_store_compute (db, 2026, 11, zone, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  /* Walk every ticket, a page at a time. */
  expected_init (&november);
  expected_init (&october);
  november.now = october.now = report->computed_at;
  for (;;)
    {
      g_autoptr(GPtrArray) page = desk_ticket_query_page (db, &all, &key, 0, 500, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          const DeskTicketData *d = desk_ticket_get_data (page->pdata[i]);

          count_ticket (&november, db, d, report->start, report->end, zone);
          count_ticket (&october, db, d, report->previous_start, report->start, zone);
        }
      desk_ticket_key_from_ticket (&key, all.sort, page->pdata[page->len - 1]);
    }

  assert_month (report, &november, FALSE);
  assert_month (report, &october, TRUE);

  /* The demo office's notices, walked one by one. */
  {
    DeskNoticeQuery all_notices = { .filter = DESK_NOTICE_FILTER_ALL };
    g_autoptr(GPtrArray) notices = desk_notice_store_list (db, &all_notices, &error);

    g_assert_no_error (error);
    assert_notices (report, notices, report->start, report->end, "2026-12-01", FALSE, zone);
    assert_notices (report, notices, report->previous_start, report->start, "2026-11-01", TRUE, zone);
  }

  /* The daily intake, day by day. */
  {
    DeskReportTable *daily = desk_report_find_table (report, "daily-intake");

    g_assert_cmpuint (daily->rows->len, ==, 30);
    for (guint d = 1; d <= 30; d++)
      g_assert_cmpfloat (((DeskReportRow *)g_ptr_array_index (daily->rows, d - 1))->current, ==, november.daily[d]);
  }

  /* The top customers are the ones with the most complaints, in order. */
  {
    DeskReportTable *top = desk_report_find_table (report, "top-customers");
    g_autoptr(GList) counts = g_list_sort (g_hash_table_get_values (november.customers),
                                           compare_counts_desc);
    GList *l = counts;

    g_assert_cmpuint (top->rows->len, ==, MIN (10, g_hash_table_size (november.customers)));
    for (guint i = 0; i < top->rows->len; i++, l = l->next)
      {
        DeskReportRow *row = g_ptr_array_index (top->rows, i);

        g_assert_cmpfloat (row->current, ==, lookup (november.customers, row->key));
        g_assert_cmpfloat (row->current, ==, GPOINTER_TO_SIZE (l->data));
        g_assert_cmpfloat (row->current, <=, top_previous);
        g_assert_cmpfloat (row->previous, ==, lookup (october.customers, row->key));
        top_previous = row->current;
      }
  }

  expected_clear (&november);
  expected_clear (&october);
  g_clear_object (&db);
  desk_test_remove_dir (dir);
}

static void
test_csv (void)
{
  g_autofree char *dir = desk_test_make_dir ("desk-report-csv");
  g_autoptr(DeskDatabase) db = desk_test_open_office (dir, NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (desk_demo_populate (db, FALSE, &error));
  report = desk_report_store_compute (db, 2026, 11, zone, &error);
  g_assert_no_error (error);
  g_assert_true (desk_report_write_csv (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));

  /* A byte-order mark, CRLF lines, the two months in the head, and a
   * department's Chinese name intact. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",2026-11,2026-10"));
  g_assert_nonnull (strstr (contents, "客服部"));
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, count_rows (report) + 1);

  /* A refused write leaves no file behind. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "report.csv", NULL);

    g_assert_false (desk_report_write_csv (report, bad, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, bad));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&db);
  desk_test_remove_dir (dir);
}

/* The PDF: A4, the pages the layout counted, and its text (extracted by
 * pdftotext from poppler-utils) holds the title, the tables and Chinese
 * names as characters, not pictures. */
static void
test_pdf (void)
{
  g_autofree char *dir = desk_test_make_dir ("desk-report-pdf");
  g_autoptr(DeskDatabase) db = desk_test_open_office (dir, NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status;

  g_assert_true (desk_demo_populate (db, FALSE, &error));
  report = desk_report_store_compute (db, 2026, 11, zone, &error);
  g_assert_no_error (error);
  g_assert_true (desk_report_render_pdf (report, "华安装饰工程有限公司", path, &error));
  g_assert_no_error (error);

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      desk_test_remove_dir (dir);
      return;
    }

  {
    const char *argv[] = { "pdfinfo", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &info, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (info, "(A4)"));
  pages = g_strdup_printf ("Pages:           %u\n", desk_report_count_pages (report, "华安装饰工程有限公司"));
  g_assert_nonnull (strstr (info, pages));
  g_assert_cmpuint (desk_report_count_pages (report, "华安装饰工程有限公司"), >=, 2);

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (text, "华安装饰工程有限公司"));
  g_assert_nonnull (strstr (text, "Monthly Service Report 2026-11"));
  g_assert_nonnull (strstr (text, "Received by Department"));
  g_assert_nonnull (strstr (text, "客服部"));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  g_clear_object (&db);
  desk_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/report/month", test_month);
  g_test_add_func ("/desk/report/csv", test_csv);
  g_test_add_func ("/desk/report/pdf", test_pdf);

  return g_test_run ();
}
