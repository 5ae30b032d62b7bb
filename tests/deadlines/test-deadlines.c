/* test-deadlines.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <glib/gstdio.h>
#include <string.h>

#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-alert-store.h"
#include "desk-calendar-store.h"
#include "desk-deadline-store.h"
#include "desk-ledger-store.h"
#include "desk-office-store.h"
#include "desk-policy-store.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

/* The deadline engine on stored tickets: their facts come from the
 * timeline, and next_deadline follows every change. */

typedef struct
{
  char         *dir;
  DeskDatabase *db;
  gint64        customer;
  gint64        category;
} Fixture;

static gint64
t (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCategory) category = NULL;
  DeskCustomerFields customer = { .name = "王志强", .phone = "13600125588" };

  f->dir = desk_test_make_dir ("desk-deadlines");
  f->db = desk_test_open_office (f->dir, NULL);
  f->customer = desk_customer_store_add (f->db, &customer, &error);
  category = desk_category_store_find (f->db, "price", &error);
  f->category = category->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
}

static const DeskDeadline *
find (GArray     *deadlines,
      const char *id)
{
  for (guint i = 0; i < deadlines->len; i++)
    if (g_str_equal (g_array_index (deadlines, DeskDeadline, i).rule->id, id))
      return &g_array_index (deadlines, DeskDeadline, i);
  return NULL;
}

static void
test_stored (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(DeskTicket) forwarded = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) called = NULL;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .customer_id = f->customer, .category_id = f->category,
    .summary = "报价与合同不符", .received_at = t (2026, 3, 10, 10, 0),
  };
  DeskTicketQuery overdue = { .queue = DESK_QUEUE_OVERDUE };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  ticket = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);

  /* Received Tuesday 10:00: forward by 10:30; the queue knows. */
  g_assert_cmpint (desk_ticket_get_data (ticket)->next_deadline, ==, t (2026, 3, 10, 10, 30));
  g_assert_cmpint (desk_ticket_query_count (f->db, &overdue, &error), ==, 1);

  before = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (ticket), now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find (before, "forward")->state, ==, DESK_DEADLINE_BREACHED);
  g_assert_cmpint (find (before, "notice")->due_at, ==, t (2026, 3, 11, 10, 0));
  g_assert_nonnull (find (before, "daily-callback"));
  g_assert_null (find (before, "contact"));

  /* Forwarded (now, long after) to a department: met late; the contact
   * clock starts. */
  {
    g_autoptr(DeskDepartment) dept = desk_office_store_add_department (f->db, "D02", "工程部", &error);

    g_assert_true (desk_ticket_store_assign (f->db, desk_ticket_get_id (ticket),
                                             desk_ticket_get_data (ticket)->revision,
                                             desk_department_get_id (dept), 0, 0, &error));
    g_assert_no_error (error);
  }
  g_assert_true (desk_ticket_store_set_status (f->db, desk_ticket_get_id (ticket),
                                               desk_ticket_get_data (ticket)->revision + 1,
                                               DESK_STATUS_FORWARDED, 0, NULL, &error));
  g_assert_no_error (error);
  after = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (ticket), now + 60, &error);
  g_assert_cmpint (find (after, "forward")->state, ==, DESK_DEADLINE_MET_LATE);
  g_assert_nonnull (find (after, "contact"));
  g_assert_cmpint (find (after, "contact")->starts_at, >=, now);

  /* A callback recorded: the next one is due a working day later. */
  g_assert_true (desk_ticket_store_record (f->db, desk_ticket_get_id (ticket), 0, "callback",
                                           t (2026, 3, 11, 11, 0), "客户说下周再谈", &error));
  g_assert_no_error (error);
  called = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (ticket), now, &error);
  g_assert_cmpint (find (called, "daily-callback")->due_at, ==, t (2026, 3, 12, 11, 0));

  /* The stored next deadline is the earliest unmet one. */
  forwarded = desk_ticket_store_get (f->db, desk_ticket_get_id (ticket), &error);
  g_assert_cmpint (desk_ticket_get_data (forwarded)->next_deadline, ==, desk_deadlines_next_due (called));
}

static void
test_refresh_all (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  for (int i = 0; i < 20; i++)
    {
      DeskTicketDraft draft = {
        .kind = i % 3 ? DESK_TICKET_COMPLAINT : DESK_TICKET_REPAIR, .customer_id = f->customer,
        .category_id = f->category, .summary = "批量", .received_at = t (2026, 3, 2 + i % 5, 9 + i % 8, 0),
      };
      g_autoptr(DeskTicket) ticket = desk_ticket_store_create (f->db, &draft, 0, &error);
      g_assert_no_error (error);
    }

  g_assert_true (desk_deadline_store_refresh_all (f->db, g_get_real_time () / G_USEC_PER_SEC, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 20);
}

static DeskTicket *
complaint_at (Fixture    *f,
              gint64      received,
              const char *category_code,
              gint64      repeat_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCategory) category = desk_category_store_find (f->db, category_code, &error);
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .customer_id = f->customer, .category_id = category->id,
    .summary = "又漏水了", .received_at = received, .repeat_of = repeat_of,
  };
  DeskTicket *ticket = desk_ticket_store_create (f->db, &draft, 0, &error);

  g_assert_no_error (error);
  return ticket;
}

/* The policy lives in the database: seeded from the defaults, every change
 * a new revision, and a ticket measured against the revision it was
 * received under -- a policy change while a ticket is open leaves it be. */
static void
test_revisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPolicy) defaults = desk_policy_new_default ();
  g_autoptr(DeskPolicy) first = NULL;
  g_autoptr(DeskPolicy) stricter = NULL;
  g_autoptr(DeskPolicy) reloaded = NULL;
  g_autoptr(DeskTicket) before = NULL;
  g_autoptr(DeskTicket) after = NULL;
  g_autoptr(DeskTicket) before_again = NULL;
  g_autoptr(GArray) revisions = NULL;
  g_autoptr(GArray) old_deadlines = NULL;
  g_autoptr(GArray) new_deadlines = NULL;
  gint64 now = t (2026, 3, 10, 10, 1);
  guint64 n = 0;
  int revision;

  g_assert_cmpint (desk_policy_store_get_active_revision (f->db, &error), ==, 1);
  first = desk_policy_store_load (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->rules->len, ==, defaults->rules->len);
  for (guint i = 0; i < defaults->rules->len; i++)
    {
      const DeskRule *a = g_ptr_array_index (defaults->rules, i);
      const DeskRule *b = g_ptr_array_index (first->rules, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpint (a->limit, ==, b->limit);
      g_assert_cmpint (a->unit, ==, b->unit);
      g_assert_cmpint (a->working_time, ==, b->working_time);
      g_assert_cmpint (a->kinds, ==, b->kinds);
      g_assert_cmpint (a->role, ==, b->role);
      g_assert_cmpint (a->escalate_to, ==, b->escalate_to);
      g_assert_cmpint (a->fine_yuan, ==, b->fine_yuan);
      g_assert_cmpint (a->first_counts, ==, b->first_counts);
      g_assert_cmpint (g_strv_length (a->categories ? a->categories : (char *[]){ NULL }), ==,
                       g_strv_length (b->categories ? b->categories : (char *[]){ NULL }));
    }

  before = complaint_at (f, t (2026, 3, 10, 10, 0), "price", 0);
  g_assert_cmpint (desk_ticket_get_data (before)->next_deadline, ==, t (2026, 3, 10, 10, 30));

  /* The office tightens forwarding to 15 minutes. */
  stricter = desk_policy_copy (first);
  desk_policy_find_rule (stricter, "forward")->limit = 15;
  revision = desk_policy_store_save (f->db, stricter, 0, "forward faster", &error);
  g_assert_no_error (error);
  g_assert_cmpint (revision, ==, 2);
  g_assert_cmpint (desk_deadline_store_get_policy (f->db)->revision, ==, 2);
  revisions = desk_policy_store_list_revisions (f->db, &error);
  g_assert_cmpuint (revisions->len, ==, 2);

  /* The old revision is kept as it was. */
  reloaded = desk_policy_store_load (f->db, 1, &error);
  g_assert_cmpint (desk_policy_find_rule (reloaded, "forward")->limit, ==, 30);

  after = complaint_at (f, t (2026, 3, 10, 10, 0), "price", 0);
  g_assert_cmpint (desk_ticket_get_data (after)->next_deadline, ==, t (2026, 3, 10, 10, 15));

  /* Evaluating and recomputing everything keeps each on its revision. */
  old_deadlines = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (before), now, &error);
  new_deadlines = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (after), now, &error);
  g_assert_cmpint (find (old_deadlines, "forward")->due_at, ==, t (2026, 3, 10, 10, 30));
  g_assert_cmpint (find (new_deadlines, "forward")->due_at, ==, t (2026, 3, 10, 10, 15));
  g_assert_true (desk_deadline_store_refresh_all (f->db, now, &n, &error));
  g_assert_no_error (error);
  before_again = desk_ticket_store_get (f->db, desk_ticket_get_id (before), &error);
  g_assert_cmpint (desk_ticket_get_data (before_again)->next_deadline, ==, t (2026, 3, 10, 10, 30));

  /* A rule that makes no sense is refused with its name. */
  desk_policy_find_rule (stricter, "notice")->limit = 0;
  g_assert_cmpint (desk_policy_store_save (f->db, stricter, 0, NULL, &error), ==, 0);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "notice"));
  g_assert_cmpint (desk_policy_store_get_active_revision (f->db, NULL), ==, 2);
}

static const DeskLedgerTotal *
total_named (GPtrArray  *totals,
             const char *name)
{
  for (guint i = 0; i < totals->len; i++)
    {
      const DeskLedgerTotal *total = totals->pdata[i];

      if (g_strcmp0 (total->name, name) == 0)
        return total;
    }
  return NULL;
}

/* Repeat complaints by cause: 100 / 200 / 300 yuan against the department,
 * the first complaint recorded but not counted; recording again (every
 * refresh) changes nothing. */
static void
test_ledger (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDepartment) design = desk_office_store_add_department (f->db, "D01", "设计部", &error);
  g_autoptr(DeskStaff) designer = desk_office_store_add_staff (f->db, NULL, "李工", DESK_ROLE_ENGINEER,
                                                               desk_department_get_id (design), NULL, &error);
  g_autoptr(DeskTicket) first = complaint_at (f, t (2026, 3, 2, 9, 0), "designer-service", 0);
  g_autoptr(DeskTicket) second = NULL;
  g_autoptr(DeskTicket) third = NULL;
  g_autoptr(DeskTicket) material_first = NULL;
  g_autoptr(DeskTicket) material = NULL;
  g_autoptr(DeskTicket) price_first = NULL;
  g_autoptr(DeskTicket) price = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) april = NULL;
  const DeskLedgerTotal *total;

  g_assert_no_error (error);
  second = complaint_at (f, t (2026, 3, 9, 9, 0), "designer-service", desk_ticket_get_id (first));
  third = complaint_at (f, t (2026, 3, 16, 9, 0), "designer-service", desk_ticket_get_id (second));
  material_first = complaint_at (f, t (2026, 3, 17, 9, 0), "material-quality", 0);
  material = complaint_at (f, t (2026, 3, 18, 9, 0), "material-quality", desk_ticket_get_id (material_first));
  price_first = complaint_at (f, t (2026, 3, 19, 9, 0), "price", 0);
  price = complaint_at (f, t (2026, 3, 20, 9, 0), "price", desk_ticket_get_id (price_first));

  /* The repeats are forwarded to the design department, to the designer. */
  for (gint64 id = desk_ticket_get_id (second); id <= desk_ticket_get_id (third); id++)
    {
      g_autoptr(DeskTicket) ticket = desk_ticket_store_get (f->db, id, &error);
      g_assert_true (desk_ticket_store_assign (f->db, id, desk_ticket_get_data (ticket)->revision,
                                               desk_department_get_id (design),
                                               desk_staff_get_id (designer), 0, &error));
      g_assert_no_error (error);
    }

  /* Refreshing again and again records nothing twice. */
  for (int round = 0; round < 3; round++)
    for (gint64 id = desk_ticket_get_id (first); id <= desk_ticket_get_id (price); id++)
      g_assert_true (desk_deadline_store_refresh (f->db, id, t (2026, 3, 25, 9, 0), &error));

  departments = desk_ledger_store_month_by_department (f->db, 2026, 3, &error);
  g_assert_no_error (error);
  total = total_named (departments, "设计部");
  g_assert_nonnull (total);
  g_assert_cmpuint (total->complaints, ==, 2);     /* the two repeats it was given */
  g_assert_cmpuint (total->repeats, ==, 2);
  g_assert_cmpuint (total->counted, ==, 2);
  g_assert_cmpint (total->fines_yuan, ==, 400);    /* 200 each: poor designer service */

  /* Not yet forwarded: the first complaint (not counted, no fine), the
   * material-quality repeat (300), the price repeat (100) and the two
   * first complaints of those. */
  total = total_named (departments, NULL);
  g_assert_nonnull (total);
  g_assert_cmpuint (total->complaints, ==, 5);
  g_assert_cmpuint (total->repeats, ==, 2);
  g_assert_cmpuint (total->counted, ==, 2);
  g_assert_cmpint (total->fines_yuan, ==, 400);    /* 300 + 100 */

  /* Per person: counted against the designer; the fines went to the
   * department. */
  people = desk_ledger_store_month_by_person (f->db, 2026, 3, &error);
  total = total_named (people, "李工");
  g_assert_nonnull (total);
  g_assert_cmpuint (total->counted, ==, 2);
  g_assert_cmpint (total->fines_yuan, ==, 0);

  april = desk_ledger_store_month_by_department (f->db, 2026, 4, &error);
  g_assert_cmpuint (april->len, ==, 0);
}

/* Tickets added in bulk skip the per-change recording: a month is brought
 * up to date on demand, once. */
static void
test_ledger_for_bulk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCategory) material = desk_category_store_find (f->db, "material-quality", &error);
  DeskTicketDraft drafts[3];
  DeskTicketStatus statuses[3] = { DESK_STATUS_RECEIVED, DESK_STATUS_RECEIVED, DESK_STATUS_RECEIVED };
  gint64 closed_at[3] = { 0, 0, 0 };
  int repeat_counts[3] = { 1, 2, 3 };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint64 n = 0;

  for (int i = 0; i < 3; i++)
    drafts[i] = (DeskTicketDraft) {
      .kind = DESK_TICKET_COMPLAINT, .customer_id = f->customer, .category_id = material->id,
      .summary = "瓷砖空鼓", .received_at = t (2026, 3, 2 + 7 * i, 10, 0),
    };
  g_assert_true (desk_database_begin (f->db, &error));
  g_assert_true (desk_ticket_store_insert_bulk (f->db, drafts, statuses, closed_at, repeat_counts, 3, &error));
  g_assert_true (desk_database_commit (f->db, &error));
  g_assert_no_error (error);

  before = desk_ledger_store_month_by_department (f->db, 2026, 3, &error);
  g_assert_cmpuint (before->len, ==, 0);

  for (int round = 0; round < 2; round++)
    g_assert_true (desk_deadline_store_record_ledger (f->db, t (2026, 3, 1, 0, 0), t (2026, 4, 1, 0, 0),
                                                      t (2026, 3, 25, 9, 0), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  after = desk_ledger_store_month_by_department (f->db, 2026, 3, &error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (((DeskLedgerTotal *)after->pdata[0])->complaints, ==, 3);
  g_assert_cmpuint (((DeskLedgerTotal *)after->pdata[0])->repeats, ==, 2);
  g_assert_cmpint (((DeskLedgerTotal *)after->pdata[0])->fines_yuan, ==, 600);  /* 300 each repeat */
}

/* A rule with a fine: a breached deadline is fined once, against the
 * person when the rule says so. */
static void
test_breach_fine (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskPolicy) policy = desk_policy_copy (desk_deadline_store_get_policy (f->db));
  g_autoptr(DeskStaff) clerk = desk_office_store_add_staff (f->db, NULL, "张敏", DESK_ROLE_CLERK, 0, NULL, &error);
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GPtrArray) people = NULL;
  DeskRule *forward = desk_policy_find_rule (policy, "forward");
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .customer_id = f->customer, .category_id = f->category,
    .summary = "没人转交", .owner_id = desk_staff_get_id (clerk), /* received now */
  };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  forward->fine_yuan = 50;
  forward->fine_target = DESK_FINE_PERSON;
  g_assert_cmpint (desk_policy_store_save (f->db, policy, 0, NULL, &error), ==, 2);
  ticket = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);

  /* Not due yet when it was saved: nothing.  Once overdue: 50 yuan,
   * however often refreshed (it lands in the month it fell due). */
  g_assert_cmpint (desk_ticket_get_data (ticket)->next_deadline, >, now);
  for (int round = 0; round < 3; round++)
    g_assert_true (desk_deadline_store_refresh (f->db, desk_ticket_get_id (ticket), now + 40 * 24 * 3600 + round,
                                                &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) deadlines = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (ticket), now, &error);
    g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (find (deadlines, "forward")->due_at);

    people = desk_ledger_store_month_by_person (f->db, g_date_time_get_year (due), g_date_time_get_month (due),
                                                &error);
  }
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((DeskLedgerTotal *)people->pdata[0])->name, ==, "张敏");
  g_assert_cmpint (((DeskLedgerTotal *)people->pdata[0])->fines_yuan, ==, 50);
}

static guint
count_events (DeskDatabase *db,
              gint64        id,
              const char   *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = desk_ticket_store_timeline (db, id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    if (g_str_equal (((DeskTicketEvent *)timeline->pdata[i])->kind, kind))
      n++;
  return n;
}

static const DeskDeadlineAlert *
find_alert (GPtrArray  *alerts,
            gint64      ticket_id,
            const char *label)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const DeskDeadlineAlert *alert = alerts->pdata[i];

      if (alert->ticket_id == ticket_id && g_str_equal (alert->rule_label, label))
        return alert;
    }
  return NULL;
}

/* The escalation chain: department manager -> branch general manager ->
 * general manager, never down, never past the last. */
static void
test_escalation_chain (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStaff) branch = desk_office_store_add_staff (f->db, NULL, "赵总", DESK_ROLE_BRANCH_GENERAL_MANAGER, 0, NULL, &error);
  g_autoptr(DeskStaff) general = desk_office_store_add_staff (f->db, NULL, "钱总", DESK_ROLE_GENERAL_MANAGER, 0, NULL, &error);
  g_autoptr(DeskTicket) ticket = complaint_at (f, t (2026, 3, 10, 10, 0), "price", 0);
  g_autoptr(DeskTicket) after = NULL;
  gint64 id = desk_ticket_get_id (ticket);
  DeskRole reached = 0;

  g_assert_true (desk_ticket_store_escalate_to (f->db, id, DESK_ROLE_DEPARTMENT_MANAGER, 0, NULL, &reached, &error));
  g_assert_cmpint (reached, ==, DESK_ROLE_DEPARTMENT_MANAGER);
  g_assert_cmpuint (count_events (f->db, id, "escalate"), ==, 0);

  g_assert_true (desk_ticket_store_escalate_to (f->db, id, DESK_ROLE_CLERK, 0, "late", &reached, &error));
  g_assert_cmpint (reached, ==, DESK_ROLE_BRANCH_GENERAL_MANAGER);
  after = desk_ticket_store_get (f->db, id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->owner_id, ==, desk_staff_get_id (branch));
  g_clear_object (&after);

  g_assert_true (desk_ticket_store_escalate_to (f->db, id, DESK_ROLE_CLERK, 0, "later", &reached, &error));
  g_assert_cmpint (reached, ==, DESK_ROLE_GENERAL_MANAGER);
  g_assert_true (desk_ticket_store_escalate_to (f->db, id, DESK_ROLE_CLERK, 0, "again", &reached, &error));
  g_assert_true (desk_ticket_store_escalate_to (f->db, id, DESK_ROLE_BRANCH_GENERAL_MANAGER, 0, NULL, &reached, &error));
  g_assert_cmpint (reached, ==, DESK_ROLE_GENERAL_MANAGER);
  g_assert_no_error (error);
  after = desk_ticket_store_get (f->db, id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->escalation_level, ==, 2);
  g_assert_cmpint (desk_ticket_get_data (after)->owner_id, ==, desk_staff_get_id (general));
  g_assert_cmpuint (count_events (f->db, id, "escalate"), ==, 2);
}

/* The app was closed from Tuesday to Monday: the first check catches up on
 * every breach in between, escalates as the rules say, once; then someone
 * acknowledges. */
static void
test_catch_up (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStaff) branch = desk_office_store_add_staff (f->db, NULL, "赵总", DESK_ROLE_BRANCH_GENERAL_MANAGER, 0, NULL, &error);
  g_autoptr(DeskStaff) general = desk_office_store_add_staff (f->db, NULL, "钱总", DESK_ROLE_GENERAL_MANAGER, 0, NULL, &error);
  g_autoptr(DeskTicket) weekday = complaint_at (f, t (2026, 3, 10, 10, 0), "price", 0);
  g_autoptr(DeskTicket) urgent = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GPtrArray) opening = NULL;
  g_autoptr(GPtrArray) monday = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) backwards = NULL;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .severity = DESK_SEVERITY_URGENT, .customer_id = f->customer,
    .category_id = f->category, .summary = "燃气味很重", .received_at = t (2026, 3, 14, 22, 0),
  };
  const DeskDeadlineAlert *alert;
  DeskRole role = 0;
  guint n = 99;

  urgent = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);
  /* A visit agreed on Wednesday 10:00; nobody comes for two days. */
  g_assert_true (desk_ticket_store_record (f->db, desk_ticket_get_id (weekday), 0, "visit-agreed",
                                           t (2026, 3, 11, 10, 0), NULL, &error));

  /* Tuesday 09:00, the first check ever: nothing is due yet. */
  g_assert_cmpint (desk_alert_store_get_last_check (f->db), ==, 0);
  opening = desk_alert_store_catch_up (f->db, t (2026, 3, 10, 9, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opening->len, ==, 0);
  g_assert_cmpint (desk_alert_store_get_last_check (f->db), ==, t (2026, 3, 10, 9, 0));

  /* Monday 09:00: everything since. */
  monday = desk_alert_store_catch_up (f->db, t (2026, 3, 16, 9, 0), &error);
  g_assert_no_error (error);

  alert = find_alert (monday, desk_ticket_get_id (weekday), "Forward to the responsible department");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->kind, ==, DESK_ALERT_BREACH);
  g_assert_cmpint (alert->due_at, ==, t (2026, 3, 10, 10, 30));
  g_assert_false (alert->escalated);
  g_assert_cmpstr (alert->number, ==, desk_ticket_get_number (weekday));
  g_assert_nonnull (find_alert (monday, desk_ticket_get_id (weekday), "Issue a rectification notice"));

  /* The agreed visit: straight to the general manager. */
  alert = find_alert (monday, desk_ticket_get_id (weekday), "Come for the agreed visit");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->due_at, ==, t (2026, 3, 13, 10, 0));
  g_assert_true (alert->escalated);
  g_assert_cmpint (alert->escalated_to, ==, DESK_ROLE_GENERAL_MANAGER);
  ticket = desk_ticket_store_get (f->db, desk_ticket_get_id (weekday), &error);
  g_assert_cmpint (desk_ticket_get_data (ticket)->escalation_level, ==, 2);
  g_assert_cmpint (desk_ticket_get_data (ticket)->owner_id, ==, desk_staff_get_id (general));
  g_assert_cmpuint (count_events (f->db, desk_ticket_get_id (weekday), "escalate"), ==, 1);
  g_clear_object (&ticket);

  /* The urgent Saturday-night complaint nobody phoned about: to the next
   * level, the branch general manager.  Its forwarding was due at Monday's
   * opening plus 30 minutes (09:00): breached just now. */
  alert = find_alert (monday, desk_ticket_get_id (urgent), "Phone a manager about an urgent complaint");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->due_at, ==, t (2026, 3, 14, 22, 15));
  g_assert_cmpint (alert->escalated_to, ==, DESK_ROLE_BRANCH_GENERAL_MANAGER);
  ticket = desk_ticket_store_get (f->db, desk_ticket_get_id (urgent), &error);
  g_assert_cmpint (desk_ticket_get_data (ticket)->escalation_level, ==, 1);
  g_assert_cmpint (desk_ticket_get_data (ticket)->owner_id, ==, desk_staff_get_id (branch));
  alert = find_alert (monday, desk_ticket_get_id (urgent), "Forward to the responsible department");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->due_at, ==, t (2026, 3, 16, 9, 0));

  /* A minute later nothing is new, and nothing escalates twice. */
  again = desk_alert_store_catch_up (f->db, t (2026, 3, 16, 9, 1), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (((DeskDeadlineAlert *)again->pdata[i])->kind, ==, DESK_ALERT_WARNING);
  g_assert_cmpuint (count_events (f->db, desk_ticket_get_id (weekday), "escalate"), ==, 1);
  backwards = desk_alert_store_catch_up (f->db, t (2026, 3, 15, 9, 0), &error);
  g_assert_cmpuint (backwards->len, ==, 0);

  /* The general manager acknowledges, once. */
  g_assert_true (desk_alert_store_awaits_acknowledgement (f->db, desk_ticket_get_id (weekday), &role));
  g_assert_cmpint (role, ==, DESK_ROLE_GENERAL_MANAGER);
  g_assert_true (desk_alert_store_acknowledge (f->db, desk_ticket_get_id (weekday), desk_staff_get_id (general),
                                               t (2026, 3, 16, 9, 30), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (desk_alert_store_awaits_acknowledgement (f->db, desk_ticket_get_id (weekday), NULL));
  g_assert_cmpuint (count_events (f->db, desk_ticket_get_id (weekday), "acknowledged"), ==, 1);
  g_assert_true (desk_alert_store_acknowledge (f->db, desk_ticket_get_id (weekday), desk_staff_get_id (general),
                                               t (2026, 3, 16, 9, 31), &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (count_events (f->db, desk_ticket_get_id (weekday), "acknowledged"), ==, 1);
  g_assert_true (desk_alert_store_awaits_acknowledgement (f->db, desk_ticket_get_id (urgent), NULL));
}

/* Spring Festival 2027 and its make-up Sunday, as an office gets it. */
static const char spring_festival_2027[] =
  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270208\nDTEND;VALUE=DATE:20270215\n"
  "SUMMARY:春节\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270207\nSUMMARY:春节补班\n"
  "END:VEVENT\nEND:VCALENDAR\n";

/* Calendars in the database: the office's and a 24-hour crew's; a rule
 * may count on the latter; a later year's holidays come from a file. */
static void
test_calendars (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = desk_calendar_store_list (f->db, &error);
  g_autoptr(DeskPolicy) policy = NULL;
  g_autoptr(DeskTicket) urgent = NULL;
  g_autoptr(DeskTicket) after = NULL;
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GArray) notice = NULL;
  g_autofree char *ics_path = g_build_filename (f->dir, "CN-2027.ics", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.ics", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  guint n_days = 0, n_skipped = 0;
  const DeskCalendarInfo *office;

  g_assert_no_error (error);
  g_assert_cmpuint (calendars->len, ==, 2);
  office = calendars->pdata[1];
  g_assert_cmpstr (((DeskCalendarInfo *)calendars->pdata[0])->name, ==, DESK_CALENDAR_EMERGENCY);
  g_assert_cmpstr (office->name, ==, DESK_CALENDAR_OFFICE);
  g_assert_cmpstr (office->hours, ==, "08:30-17:30,08:30-17:30,08:30-17:30,08:30-17:30,08:30-17:30,-,-");
  g_assert_cmpuint (office->n_holidays, ==, 33);
  g_assert_cmpuint (office->n_workdays, ==, 6);

  /* Notices counted on the emergency crew's calendar: one day is 24
   * hours, over the weekend. */
  policy = desk_policy_copy (desk_deadline_store_get_policy (f->db));
  desk_policy_find_rule (policy, "notice")->calendar = g_strdup (DESK_CALENDAR_EMERGENCY);
  g_assert_cmpint (desk_policy_store_save (f->db, policy, 0, NULL, &error), ==, 2);
  urgent = complaint_at (f, t (2026, 3, 13, 16, 0), "price", 0);
  deadlines = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (urgent), t (2026, 3, 13, 16, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (find (deadlines, "notice")->due_at, ==, t (2026, 3, 14, 16, 0));
  g_assert_cmpint (find (deadlines, "forward")->due_at, ==, t (2026, 3, 13, 16, 30));

  /* 2027: Spring Festival from a file. */
  g_assert_true (g_file_set_contents (ics_path, spring_festival_2027, -1, &error));
  g_assert_true (desk_calendar_store_import_file (f->db, DESK_CALENDAR_OFFICE, ics, &n_days, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_days, ==, 8);
  g_assert_cmpuint (n_skipped, ==, 0);

  /* The office calendar counts on the imported days (the forwarding rule:
   * a Friday 17:20 receipt is forwarded by Sunday's make-up day 08:50). */
  after = complaint_at (f, t (2027, 2, 5, 17, 20), "price", 0);
  notice = desk_deadline_store_evaluate (f->db, desk_ticket_get_id (after), t (2027, 2, 5, 17, 20), &error);
  g_assert_cmpint (find (notice, "forward")->due_at, ==, t (2027, 2, 7, 8, 50));

  /* A bad file changes nothing and says where. */
  g_assert_true (g_file_set_contents (bad_path, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", -1, &error));
  g_assert_false (desk_calendar_store_import_file (f->db, DESK_CALENDAR_OFFICE, bad, NULL, NULL, &error));
  g_assert_error (error, DESK_WORK_CALENDAR_ERROR, DESK_WORK_CALENDAR_ERROR_PARSE);
  g_assert_true (g_str_has_suffix (bad_path, "bad.ics"));
  g_assert_nonnull (strstr (error->message, "bad.ics:2:"));
  g_clear_error (&error);
  g_assert_false (desk_calendar_store_import_file (f->db, "night-shift", ics, NULL, NULL, &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND);
}

/* Holidays imported through one connection (a command, Preferences) are
 * counted on by every other open one (the deadline watch's) from its
 * next look, not from its next start. */
static void
test_calendar_seen_elsewhere (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) watch = desk_database_open (desk_database_get_path (f->db),
                                                      DESK_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(DeskTicket) ticket = complaint_at (f, t (2027, 2, 5, 17, 20), "price", 0);
  g_autofree char *ics_path = g_build_filename (f->dir, "CN-2027.ics", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;

  g_assert_no_error (error);
  before = desk_deadline_store_evaluate (watch, desk_ticket_get_id (ticket), t (2027, 2, 5, 17, 20), &error);
  g_assert_no_error (error);
  /* Not known yet: forwarded by Monday 08:50. */
  g_assert_cmpint (find (before, "forward")->due_at, ==, t (2027, 2, 8, 8, 50));

  g_assert_true (g_file_set_contents (ics_path, spring_festival_2027, -1, &error));
  g_assert_true (desk_calendar_store_import_file (f->db, DESK_CALENDAR_OFFICE, ics, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The make-up Sunday counts. */
  after = desk_deadline_store_evaluate (watch, desk_ticket_get_id (ticket), t (2027, 2, 5, 17, 20), &error);
  g_assert_no_error (error);
  g_assert_cmpint (find (after, "forward")->due_at, ==, t (2027, 2, 7, 8, 50));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/desk/deadlines/stored", Fixture, NULL, fixture_set_up, test_stored, fixture_tear_down);
  g_test_add ("/desk/deadlines/refresh-all", Fixture, NULL, fixture_set_up, test_refresh_all, fixture_tear_down);

  g_test_add ("/desk/deadlines/revisions", Fixture, NULL, fixture_set_up, test_revisions, fixture_tear_down);
  g_test_add ("/desk/deadlines/ledger", Fixture, NULL, fixture_set_up, test_ledger, fixture_tear_down);
  g_test_add ("/desk/deadlines/ledger-for-bulk", Fixture, NULL, fixture_set_up, test_ledger_for_bulk, fixture_tear_down);
  g_test_add ("/desk/deadlines/breach-fine", Fixture, NULL, fixture_set_up, test_breach_fine, fixture_tear_down);

  g_test_add ("/desk/deadlines/escalation-chain", Fixture, NULL, fixture_set_up, test_escalation_chain, fixture_tear_down);
  g_test_add ("/desk/deadlines/catch-up", Fixture, NULL, fixture_set_up, test_catch_up, fixture_tear_down);

  g_test_add ("/desk/deadlines/calendars", Fixture, NULL, fixture_set_up, test_calendars, fixture_tear_down);
  g_test_add ("/desk/deadlines/calendar-seen-elsewhere", Fixture, NULL, fixture_set_up,
              test_calendar_seen_elsewhere, fixture_tear_down);

  return g_test_run ();
}
