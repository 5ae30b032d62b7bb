/* test-notices.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-deadline-store.h"
#include "desk-notice-render.h"
#include "desk-notice-store.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

/* Rectification notices: the store (numbers, states, corrections, lists)
 * and the renderer (PDF and pictures). */

#define PROBLEM "卫生间防水层施工不合格，楼下住户天花板渗水。"
#define RECTIFICATION "拆除并重做防水层，做闭水试验四十八小时，修复楼下天花板。"

typedef struct
{
  char         *dir;
  char         *path;
  DeskDatabase *db;
  gint64        ticket;
  gint64        inspector;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCategory) category = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(DeskStaff) inspector = NULL;
  DeskCustomerFields li = { .name = "李建华", .phone = "139-0265-1234", .address = "深圳市南山区 翠湖花园 3栋1202室" };
  DeskTicketDraft draft = { .kind = DESK_TICKET_COMPLAINT, .severity = DESK_SEVERITY_NORMAL };

  f->dir = desk_test_make_dir ("desk-notices");
  f->db = desk_test_open_office (f->dir, &f->path);

  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_ORGANISATION_NAME,
                                                "华安装饰工程有限公司 客户服务中心", &error));
  inspector = desk_office_store_add_staff (f->db, NULL, "孙敏", DESK_ROLE_QA_INSPECTOR, 0, NULL, &error);
  g_assert_no_error (error);
  f->inspector = desk_staff_get_id (inspector);

  draft.customer_id = desk_customer_store_add (f->db, &li, &error);
  draft.asset_id = desk_customer_store_add_asset (f->db, draft.customer_id, DESK_ASSET_SITE, "翠湖花园 3栋1202室",
                                                  NULL, NULL, &error);
  category = desk_category_store_find (f->db, "construction-quality", &error);
  g_assert_no_error (error);
  draft.category_id = category->id;
  draft.summary = "卫生间漏水";
  ticket = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);
  f->ticket = desk_ticket_get_id (ticket);
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

static char *
next_year_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);

  return g_date_time_format (later, "%Y-%m-%d");
}

static DeskNotice *
issue (Fixture    *f,
       const char *recipient,
       const char *problem,
       const char *rectification)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = next_year_date ();
  DeskNoticeDraft draft = {
    .ticket_id = f->ticket,
    .recipient = recipient,
    .problem = problem,
    .rectification = rectification,
    .due_date = due,
  };
  DeskNotice *notice = desk_notice_store_issue (f->db, &draft, f->inspector, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

static char *
expected_number (int sequence)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_strdup_printf ("ZG-%d-%04d", g_date_time_get_year (now), sequence);
}

static void
test_number_pattern (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = desk_notice_format_number (DESK_NOTICE_DEFAULT_PATTERN, 2026, 3, 7, &error);
  g_autofree char *b = desk_notice_format_number ("质检整改YY-MM-NNNNNN号", 2026, 3, 12345, &error);
  g_autofree char *c = desk_notice_format_number ("ZG-NNN", 2026, 3, 12345, NULL);
  g_autofree char *d = desk_notice_format_number ("ZG-YYYY-NN", 2026, 3, 123, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "ZG-2026-0007");
  g_assert_cmpstr (b, ==, "质检整改26-03-012345号");
  g_assert_cmpstr (d, ==, "ZG-2026-123"); /* grows past its width, never wraps */
  g_assert_null (c);

  g_assert_null (desk_notice_format_number ("ZG-YYYY", 2026, 3, 1, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_PATTERN);
}

static void
test_pattern_setting (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *initial = desk_notice_store_get_pattern (f->db);
  g_autofree char *changed = NULL;
  g_autofree char *back = NULL;
  g_autoptr(DeskNotice) notice = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = NULL;

  g_assert_cmpstr (initial, ==, "ZG-YYYY-NNNN");

  /* A pattern that would repeat numbers is refused and nothing changes. */
  g_assert_false (desk_notice_store_set_pattern (f->db, "ZG-NNNN", &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_PATTERN);
  g_clear_error (&error);

  g_assert_true (desk_notice_store_set_pattern (f->db, " 质检YY-NNN ", &error));
  changed = desk_notice_store_get_pattern (f->db);
  g_assert_cmpstr (changed, ==, "质检YY-NNN");
  notice = issue (f, "工程部", PROBLEM, RECTIFICATION);
  expected = g_strdup_printf ("质检%02d-001", g_date_time_get_year (now) % 100);
  g_assert_cmpstr (desk_notice_get_number (notice), ==, expected);

  g_assert_true (desk_notice_store_set_pattern (f->db, "", &error));
  back = desk_notice_store_get_pattern (f->db);
  g_assert_cmpstr (back, ==, DESK_NOTICE_DEFAULT_PATTERN);
}

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) notice = issue (f, "工程部", PROBLEM, RECTIFICATION);
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GArray) deadlines = NULL;
  g_autofree char *number = expected_number (1);
  const DeskNoticeData *d = desk_notice_get_data (notice);
  g_autofree char *category = NULL;
  DeskTicketFacts facts = { 0 };
  gboolean on_timeline = FALSE;
  gboolean rule_met = FALSE;

  g_assert_cmpstr (d->number, ==, number);
  g_assert_cmpstr (d->recipient, ==, "工程部");
  g_assert_cmpstr (d->organisation, ==, "华安装饰工程有限公司 客户服务中心");
  g_assert_cmpstr (d->customer_name, ==, "李建华");
  g_assert_cmpstr (d->customer_phone, ==, "139-0265-1234");
  /* The address ends with the flat already: it is not said twice. */
  g_assert_cmpstr (d->site, ==, "深圳市南山区 翠湖花园 3栋1202室");
  g_assert_cmpstr (d->issued_by, ==, "孙敏");
  g_assert_cmpint (d->state, ==, DESK_NOTICE_ISSUED);
  g_assert_cmpint (d->version, ==, 1);
  g_assert_true (desk_notice_is_open (notice));

  /* On the ticket's timeline, and the "notice within one working day"
   * rule is met by it. */
  timeline = desk_ticket_store_timeline (f->db, f->ticket, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      DeskTicketEvent *e = timeline->pdata[i];
      if (g_strcmp0 (e->kind, "notice") == 0 && g_strcmp0 (e->new_value, number) == 0)
        on_timeline = TRUE;
    }
  g_assert_true (on_timeline);

  g_assert_true (desk_deadline_store_get_facts (f->db, f->ticket, &facts, &category, &error));
  g_assert_cmpint (facts.notice_issued_at, ==, d->issued_at);
  deadlines = desk_deadline_store_evaluate (f->db, f->ticket, d->issued_at, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    {
      DeskDeadline *dl = &g_array_index (deadlines, DeskDeadline, i);
      if (dl->rule->action == DESK_ACTION_ISSUE_NOTICE)
        {
          g_assert_cmpint (dl->state, ==, DESK_DEADLINE_MET);
          rule_met = TRUE;
        }
    }
  g_assert_true (rule_met);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) first = NULL;
  g_autofree char *due = next_year_date ();
  g_autofree char *number = expected_number (1);
  DeskNoticeDraft draft = {
    .ticket_id = f->ticket, .recipient = "  ", .problem = PROBLEM,
    .rectification = RECTIFICATION, .due_date = due,
  };

  g_assert_null (desk_notice_store_issue (f->db, &draft, 0, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_RECIPIENT);
  g_assert_true (g_str_has_prefix (error->message, "Recipient"));
  g_clear_error (&error);

  draft.recipient = "工程部";
  draft.due_date = "2026-02-30";
  g_assert_null (desk_notice_store_issue (f->db, &draft, 0, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_DUE_DATE);
  g_clear_error (&error);

  draft.due_date = "2001-01-01";
  g_assert_null (desk_notice_store_issue (f->db, &draft, 0, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_DUE_DATE);
  g_clear_error (&error);

  draft.due_date = due;
  draft.rectification = "";
  g_assert_null (desk_notice_store_issue (f->db, &draft, 0, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_RECTIFICATION);
  g_clear_error (&error);

  /* An unusable pattern refuses the notice and uses up no number. */
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_NOTICE_NUMBER_PATTERN, "ZG-NNNN", &error));
  draft.rectification = RECTIFICATION;
  g_assert_null (desk_notice_store_issue (f->db, &draft, 0, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_PATTERN);
  g_clear_error (&error);
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_NOTICE_NUMBER_PATTERN, "", &error));

  /* Nothing refused left a trace: the first notice is number 1. */
  first = desk_notice_store_issue (f->db, &draft, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_notice_get_number (first), ==, number);
}

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) notice = issue (f, "工程部", PROBLEM, RECTIFICATION);
  g_autoptr(DeskNotice) after = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  gint64 id = desk_notice_get_id (notice);
  guint rectified = 0, verified = 0;

  g_assert_false (desk_notice_store_set_verified (f->db, id, 0, NULL, f->inspector, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (desk_notice_store_set_rectified (f->db, id, 0, "陈志强（分包项目经理）", f->inspector, &error));
  g_assert_no_error (error);
  g_assert_false (desk_notice_store_set_rectified (f->db, id, 0, NULL, f->inspector, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (desk_notice_store_set_verified (f->db, id, 0, NULL, f->inspector, &error));
  g_assert_no_error (error);

  /* Marked rectified by a clerk without naming anyone: the recipient
   * rectified, not the clerk. */
  {
    g_autoptr(DeskNotice) second = issue (f, "宏达水电（分包）", "插座无电。", "重新接线。");
    g_autoptr(DeskNotice) marked = NULL;

    g_assert_true (desk_notice_store_set_rectified (f->db, desk_notice_get_id (second), 0, NULL, f->inspector,
                                                    &error));
    g_assert_no_error (error);
    marked = desk_notice_store_get (f->db, desk_notice_get_id (second), &error);
    g_assert_cmpstr (desk_notice_get_data (marked)->rectified_by, ==, "宏达水电（分包）");
  }

  after = desk_notice_store_get (f->db, id, &error);
  g_assert_cmpint (desk_notice_get_data (after)->state, ==, DESK_NOTICE_VERIFIED);
  g_assert_cmpstr (desk_notice_get_data (after)->rectified_by, ==, "陈志强（分包项目经理）");
  g_assert_cmpstr (desk_notice_get_data (after)->verified_by, ==, "孙敏");
  g_assert_cmpint (desk_notice_get_data (after)->rectified_at, >, 0);
  g_assert_cmpint (desk_notice_get_data (after)->verified_at, >, 0);
  g_assert_false (desk_notice_is_open (after));

  timeline = desk_ticket_store_timeline (f->db, f->ticket, &error);
  for (guint i = 0; i < timeline->len; i++)
    {
      DeskTicketEvent *e = timeline->pdata[i];
      rectified += g_strcmp0 (e->kind, "notice-rectified") == 0;
      verified += g_strcmp0 (e->kind, "notice-verified") == 0;
    }
  g_assert_cmpuint (rectified, ==, 2);   /* both notices */
  g_assert_cmpuint (verified, ==, 1);
}

static void
test_correction (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) original = issue (f, "工程部", PROBLEM, RECTIFICATION);
  g_autoptr(DeskNotice) before = NULL;
  g_autoptr(DeskNotice) correction = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) of_ticket = NULL;
  g_autofree char *due = next_year_date ();
  DeskNoticeDraft draft = {
    .recipient = "维修部", .problem = PROBLEM, .rectification = RECTIFICATION,
    .due_date = due, .replaces_id = desk_notice_get_id (original),
  };
  DeskNoticeQuery query = { .filter = DESK_NOTICE_FILTER_OPEN };

  correction = desk_notice_store_issue (f->db, &draft, f->inspector, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_notice_get_data (correction)->version, ==, 2);
  g_assert_cmpint (desk_notice_get_data (correction)->ticket_id, ==, f->ticket);
  g_assert_cmpstr (desk_notice_get_data (correction)->replaces_number, ==, desk_notice_get_number (original));

  before = desk_notice_store_get (f->db, desk_notice_get_id (original), &error);
  g_assert_cmpstr (desk_notice_get_data (before)->replaced_by_number, ==, desk_notice_get_number (correction));
  g_assert_false (desk_notice_is_open (before));

  open = desk_notice_store_list (f->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (desk_notice_get_number (open->pdata[0]), ==, desk_notice_get_number (correction));

  /* Only the latest version can be corrected. */
  g_assert_null (desk_notice_store_issue (f->db, &draft, f->inspector, &error));
  g_assert_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_REPLACED);
  g_clear_error (&error);

  of_ticket = desk_notice_store_for_ticket (f->db, f->ticket, &error);
  g_assert_cmpuint (of_ticket->len, ==, 2);
  g_assert_cmpstr (desk_notice_get_number (of_ticket->pdata[0]), ==, desk_notice_get_number (correction));
}

static guint
count (Fixture          *f,
       DeskNoticeFilter  filter,
       const char       *recipient,
       const char       *search,
       const char       *today)
{
  g_autoptr(GError) error = NULL;
  DeskNoticeQuery query = { filter, recipient, search, today, 0 };
  g_autoptr(GPtrArray) found = desk_notice_store_list (f->db, &query, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) a = issue (f, "工程部", PROBLEM, RECTIFICATION);
  g_autoptr(DeskNotice) b = issue (f, "宏达水电（分包）", "插座无电，线路接错。", "重新接线并测试。");
  g_autoptr(DeskNotice) c = issue (f, "工程部", "墙面开裂。", "修补墙面。");
  g_auto(GStrv) recipients = NULL;

  g_assert_true (desk_notice_store_set_rectified (f->db, desk_notice_get_id (c), 0, NULL, 0, &error));

  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, NULL, NULL), ==, 3);
  /* Rectified, not verified: still open, no longer overdue. */
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_OPEN, NULL, NULL, NULL), ==, 3);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_OVERDUE, NULL, NULL, NULL), ==, 0);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_OVERDUE, NULL, NULL, "2999-01-01"), ==, 2);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, "工程部", NULL, NULL), ==, 2);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_OPEN, "工程部", NULL, NULL), ==, 2);

  /* Verified: closed. */
  g_assert_true (desk_notice_store_set_verified (f->db, desk_notice_get_id (c), 0, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_OPEN, NULL, NULL, NULL), ==, 2);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_OPEN, "工程部", NULL, NULL), ==, 1);

  /* Chinese words of one and two characters, numbers and customers. */
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, "防水", NULL), ==, 1);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, "渗", NULL), ==, 1);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, "接线", NULL), ==, 1);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, "李建华", NULL), ==, 3);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, desk_notice_get_number (b), NULL), ==, 1);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, "分包", NULL), ==, 1);
  g_assert_cmpuint (count (f, DESK_NOTICE_FILTER_ALL, NULL, "屋顶", NULL), ==, 0);

  recipients = desk_notice_store_recipients (f->db, &error);
  g_assert_cmpuint (g_strv_length (recipients), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *)recipients, "宏达水电（分包）"));
}

/* Two connections (as two users would have) issue at the same time. */
typedef struct
{
  const char *path;
  gint64      ticket;
  GPtrArray  *numbers;
  GMutex     *lock;
} Issuer;

static gpointer
issue_many (gpointer data)
{
  Issuer *issuer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = desk_database_open (issuer->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_autofree char *due = next_year_date ();
  DeskNoticeDraft draft = {
    .ticket_id = issuer->ticket, .recipient = "工程部", .problem = PROBLEM,
    .rectification = RECTIFICATION, .due_date = due,
  };

  g_assert_no_error (error);
  for (int i = 0; i < 25; i++)
    {
      g_autoptr(DeskNotice) notice = desk_notice_store_issue (db, &draft, 0, &error);

      g_assert_no_error (error);
      g_mutex_lock (issuer->lock);
      g_ptr_array_add (issuer->numbers, g_strdup (desk_notice_get_number (notice)));
      g_mutex_unlock (issuer->lock);
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static void
test_concurrent_numbers (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  GMutex lock;
  Issuer issuer = { f->path, f->ticket, numbers, &lock };
  GThread *threads[2];

  g_mutex_init (&lock);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("issuer", issue_many, &issuer);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&lock);

  /* Unique and gapless: sorted, they are exactly 1 … 50. */
  g_ptr_array_sort (numbers, compare_strings);
  g_assert_cmpuint (numbers->len, ==, 50);
  for (guint i = 0; i < numbers->len; i++)
    {
      g_autofree char *expected = expected_number (i + 1);
      g_assert_cmpstr (numbers->pdata[i], ==, expected);
    }
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { tool, arg1, arg2, NULL };
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf, NULL);
  const char *pages;

  g_assert_nonnull (info);
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + 6 + strspn (pages + 6, " "), NULL, 10);
}

/* pdftotext breaks lines where the layout does: compare without them. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *text = run_tool ("pdftotext", pdf, "-");
  g_autoptr(GString) flat = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (*p != '\n' && *p != ' ' && *p != '\f')
      g_string_append_c (flat, *p);
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(DeskNotice) short_notice = issue (f, "宏达水电项目经理", PROBLEM, RECTIFICATION);
  g_autoptr(DeskNotice) long_notice = NULL;
  g_autofree char *short_pdf = g_build_filename (f->dir, "short.pdf", NULL);
  g_autofree char *long_pdf = g_build_filename (f->dir, "long.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *long_flat = NULL;
  guint pages;

  if (g_find_program_in_path ("pdfinfo") == NULL || g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  g_assert_true (desk_notice_render_pdf (short_notice, short_pdf, &error));
  g_assert_no_error (error);

  info = run_tool ("pdfinfo", short_pdf, NULL);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_cmpuint (pdf_pages (short_pdf), ==, 1);

  text = pdf_text (short_pdf);
  g_assert_nonnull (strstr (text, desk_notice_get_number (short_notice)));
  g_assert_nonnull (strstr (text, "宏达水电项目经理"));
  g_assert_nonnull (strstr (text, PROBLEM));
  g_assert_nonnull (strstr (text, "整改通知书"));
  g_assert_nonnull (strstr (text, "第1页/共1页"));

  /* Forty clauses of problem and of rectification take several pages,
   * each numbered and with the header again. */
  for (int i = 1; i <= 40; i++)
    g_string_append_printf (long_text, "第%d处：墙面瓷砖空鼓开裂，阳台推拉门密封条老化导致雨水渗入。", i);
  long_notice = issue (f, "工程部", long_text->str, long_text->str);
  g_assert_true (desk_notice_render_pdf (long_notice, long_pdf, &error));
  g_assert_no_error (error);
  pages = pdf_pages (long_pdf);
  g_assert_cmpuint (pages, >=, 3);
  g_assert_cmpuint (pages, <=, 6);

  long_flat = pdf_text (long_pdf);
  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *footer = g_strdup_printf ("第%u页/共%u页", page, pages);
      g_assert_nonnull (strstr (long_flat, footer));
    }
  g_assert_nonnull (strstr (long_flat, "（续）"));
  g_assert_nonnull (strstr (long_flat, "第40处"));
  /* The title once per page. */
  {
    guint titles = 0;
    for (const char *p = long_flat; (p = strstr (p, "整改通知书")) != NULL; p++)
      titles++;
    g_assert_cmpuint (titles, ==, pages);
  }
}

static void
test_pdf_fonts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) notice = issue (f, "工程部", PROBLEM, RECTIFICATION);
  g_autofree char *pdf = g_build_filename (f->dir, "fonts.pdf", NULL);
  g_autofree char *fonts = NULL;

  if (g_find_program_in_path ("pdffonts") == NULL)
    {
      g_test_skip ("pdffonts (poppler-utils) is not installed");
      return;
    }

  g_assert_true (desk_notice_render_pdf (notice, pdf, &error));
  fonts = run_tool ("pdffonts", pdf, NULL);
  /* Every font is embedded (the "emb" column says yes on every row). */
  g_assert_null (strstr (fonts, " no  "));
  g_assert_nonnull (strstr (fonts, "yes"));
  if (strstr (fonts, "NotoSerifCJK") == NULL)
    g_test_message ("Noto Serif CJK SC is not installed; the notice used: %s", fonts);
}

/* A reprint after the ticket and the office changed is the same file. */
static void
test_reprint (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) notice = issue (f, "工程部", PROBLEM, RECTIFICATION);
  g_autoptr(DeskNotice) again = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first.pdf", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.pdf", NULL);
  g_autofree char *a = NULL, *b = NULL;
  gsize a_len, b_len;
  DeskTicketData edited = { 0 };

  g_assert_true (desk_notice_render_pdf (notice, first, &error));

  ticket = desk_ticket_store_get (f->db, f->ticket, &error);
  edited = *desk_ticket_get_data (ticket);
  edited.summary = (char *)"卫生间和厨房漏水";
  edited.description = (char *)"客户再次来电，厨房也漏水。";
  g_assert_true (desk_ticket_store_update (f->db, &edited, 0, &error));
  g_assert_no_error (error);
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_ORGANISATION_NAME, "另一家公司", &error));

  again = desk_notice_store_find_number (f->db, desk_notice_get_number (notice), &error);
  g_assert_no_error (error);
  g_assert_true (desk_notice_render_pdf (again, second, &error));

  g_assert_true (g_file_get_contents (first, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (second, &b, &b_len, NULL));
  g_assert_cmpmem (a, a_len, b, b_len);
}

/* How much of a rectangle (in points) of the page picture is ink. */
static double
ink (cairo_surface_t *page,
     double           scale,
     double           x0,
     double           y0,
     double           x1,
     double           y1)
{
  int stride = cairo_image_surface_get_stride (page);
  const guchar *data = cairo_image_surface_get_data (page);
  guint dark = 0, all = 0;

  for (int y = (int)(y0 * scale); y < (int)(y1 * scale); y++)
    for (int x = (int)(x0 * scale); x < (int)(x1 * scale); x++)
      {
        guint32 pixel = *(const guint32 *)(data + y * stride + x * 4);
        guint sum = ((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff);

        dark += sum < 3 * 160;
        all++;
      }
  return all ? (double)dark / all : 0;
}

/* A row (in points) with a rule across the whole table. */
static gboolean
has_rule (cairo_surface_t *page,
          double           scale,
          double           y0,
          double           y1)
{
  for (double y = y0; y < y1; y += 1 / scale)
    if (ink (page, scale, 80, y, DESK_NOTICE_PAGE_WIDTH - 80, y + 1 / scale) > 0.9)
      return TRUE;
  return FALSE;
}

static void
test_png_layout (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) notice = issue (f, "工程部", PROBLEM, RECTIFICATION);
  g_autofree char *png = g_build_filename (f->dir, "page.png", NULL);
  const char *keep = g_getenv ("DESK_TEST_KEEP_PNG");
  double scale = 100.0 / 72;
  cairo_surface_t *page;

  g_assert_true (desk_notice_render_png (notice, 0, 100, png, &error));
  g_assert_no_error (error);
  if (keep != NULL)
    desk_notice_render_png (notice, 0, 100, keep, NULL);

  page = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (page), ==, 827);  /* 210 mm at 100 dpi */
  g_assert_cmpint (cairo_image_surface_get_height (page), ==, 1169);

  /* The margins are blank. */
  g_assert_cmpfloat (ink (page, scale, 0, 0, 60, DESK_NOTICE_PAGE_HEIGHT), ==, 0);
  g_assert_cmpfloat (ink (page, scale, DESK_NOTICE_PAGE_WIDTH - 60, 0, DESK_NOTICE_PAGE_WIDTH, DESK_NOTICE_PAGE_HEIGHT), ==, 0);
  g_assert_cmpfloat (ink (page, scale, 0, 0, DESK_NOTICE_PAGE_WIDTH, 50), ==, 0);
  /* The organisation and its rule, then the title, centred. */
  g_assert_cmpfloat (ink (page, scale, 150, 55, 445, 80), >, 0.05);
  g_assert_true (has_rule (page, scale, 75, 95));
  g_assert_cmpfloat (ink (page, scale, 200, 100, 395, 140), >, 0.05);
  g_assert_cmpfloat (ink (page, scale, 70, 100, 190, 140), ==, 0);
  /* The form's rules in the upper half, the signature table's in the
   * lower half, and the page number at the foot. */
  g_assert_true (has_rule (page, scale, 160, 200));
  g_assert_true (has_rule (page, scale, 500, 720));
  g_assert_cmpfloat (ink (page, scale, 250, DESK_NOTICE_PAGE_HEIGHT - 46, 345, DESK_NOTICE_PAGE_HEIGHT - 30), >, 0.02);
  g_assert_cmpfloat (ink (page, scale, 0, DESK_NOTICE_PAGE_HEIGHT - 28, DESK_NOTICE_PAGE_WIDTH, DESK_NOTICE_PAGE_HEIGHT), ==, 0);

  cairo_surface_destroy (page);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/notices/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/desk/notices/number-pattern", test_number_pattern);
  ADD ("pattern-setting", test_pattern_setting);
  ADD ("issue", test_issue);
  ADD ("invalid", test_invalid);
  ADD ("states", test_states);
  ADD ("correction", test_correction);
  ADD ("list", test_list);
  ADD ("concurrent-numbers", test_concurrent_numbers);
  ADD ("pdf", test_pdf);
  ADD ("pdf-fonts", test_pdf_fonts);
  ADD ("reprint", test_reprint);
  ADD ("png-layout", test_png_layout);
#undef ADD

  return g_test_run ();
}
