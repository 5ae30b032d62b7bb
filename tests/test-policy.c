/* test-policy.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-policy.h"

static GTimeZone *shanghai;
static DeskWorkCalendar *calendar;
static DeskPolicy *policy;

static gint64
t (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new (shanghai, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static const DeskDeadline *
find (GArray     *deadlines,
      const char *id)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);

      if (g_str_equal (d->rule->id, id))
        return d;
    }

  return NULL;
}

static DeskTicketFacts
complaint (gint64      received,
           const char *category)
{
  DeskTicketFacts f = {
    .kind = DESK_TICKET_COMPLAINT,
    .category = category,
    .severity = DESK_SEVERITY_NORMAL,
    .received_at = received,
  };
  return f;
}

static void
test_forward (void)
{
  DeskTicketFacts f = complaint (t (2026, 3, 10, 10, 0), "construction-quality");
  g_autoptr(GArray) early = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 10, 10), 80);
  g_autoptr(GArray) warn = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 10, 25), 80);
  g_autoptr(GArray) late = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 10, 40), 80);
  g_autoptr(GArray) met = NULL;

  g_assert_cmpint (find (early, "forward")->due_at, ==, t (2026, 3, 10, 10, 30));
  g_assert_cmpint (find (early, "forward")->state, ==, DESK_DEADLINE_PENDING);
  g_assert_cmpint (find (warn, "forward")->state, ==, DESK_DEADLINE_DUE_SOON);
  g_assert_cmpint (find (late, "forward")->state, ==, DESK_DEADLINE_BREACHED);

  f.forwarded_at = t (2026, 3, 10, 10, 20);
  met = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 10, 40), 80);
  g_assert_cmpint (find (met, "forward")->state, ==, DESK_DEADLINE_MET);
  /* Not forwarded before: no contact clock yet; now it runs. */
  g_assert_null (find (late, "contact"));
  g_assert_cmpint (find (met, "contact")->due_at, ==, t (2026, 3, 10, 10, 30));
  g_assert_cmpint (find (met, "contact")->state, ==, DESK_DEADLINE_BREACHED);
  g_assert_true (find (met, "contact")->rule->escalate);
}

static void
test_after_hours (void)
{
  DeskTicketFacts f = complaint (t (2026, 3, 10, 22, 0), "service-attitude");
  g_autoptr(GArray) normal = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 22, 5), 80);
  g_autoptr(GArray) urgent = NULL;

  /* The paperwork waits for the next working morning. */
  g_assert_cmpint (find (normal, "forward")->due_at, ==, t (2026, 3, 11, 9, 0));
  g_assert_null (find (normal, "urgent-after-hours"));

  /* An urgent one: a manager is phoned at once, in clock time. */
  f.severity = DESK_SEVERITY_URGENT;
  urgent = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 22, 20), 80);
  g_assert_cmpint (find (urgent, "urgent-after-hours")->due_at, ==, t (2026, 3, 10, 22, 15));
  g_assert_cmpint (find (urgent, "urgent-after-hours")->state, ==, DESK_DEADLINE_BREACHED);
  g_assert_cmpint (find (urgent, "forward")->due_at, ==, t (2026, 3, 11, 9, 0));

  /* During office hours an urgent complaint takes the normal path. */
  {
    DeskTicketFacts day = complaint (t (2026, 3, 10, 11, 0), "service-attitude");
    g_autoptr(GArray) d = NULL;

    day.severity = DESK_SEVERITY_URGENT;
    d = desk_policy_evaluate (policy, calendar, &day, t (2026, 3, 10, 11, 1), 80);
    g_assert_null (find (d, "urgent-after-hours"));
  }
}

static void
test_notice_one_working_day (void)
{
  /* The case. */
  DeskTicketFacts f = complaint (t (2026, 2, 13, 17, 30), "material-quality");
  g_autoptr(GArray) d = desk_policy_evaluate (policy, calendar, &f, t (2026, 2, 13, 17, 31), 80);
  g_autoptr(GArray) later = NULL;

  g_assert_cmpint (find (d, "notice")->due_at, ==, t (2026, 2, 14, 17, 30));

  /* Issued on the make-up Saturday: in time. */
  f.notice_issued_at = t (2026, 2, 14, 16, 0);
  later = desk_policy_evaluate (policy, calendar, &f, t (2026, 2, 20, 9, 0), 80);
  g_assert_cmpint (find (later, "notice")->state, ==, DESK_DEADLINE_MET);
}

static void
test_site_visits (void)
{
  DeskTicketFacts f = complaint (t (2026, 10, 10, 10, 0), "plumbing-electrical");
  g_autoptr(GArray) plumbing = NULL;
  g_autoptr(GArray) other = NULL;
  g_autoptr(GArray) old = NULL;
  g_autoptr(GArray) building = NULL;

  f.is_site = TRUE;
  f.handover_at = t (2026, 9, 18, 0, 0);
  plumbing = desk_policy_evaluate (policy, calendar, &f, t (2026, 10, 10, 10, 5), 80);
  g_assert_cmpint (find (plumbing, "visit-plumbing-electrical")->due_at, ==, t (2026, 10, 10, 14, 0));
  g_assert_null (find (plumbing, "visit-other"));

  f.category = "construction-quality";
  other = desk_policy_evaluate (policy, calendar, &f, t (2026, 10, 10, 10, 5), 80);
  g_assert_cmpint (find (other, "visit-other")->due_at, ==, t (2026, 10, 11, 10, 0));

  /* More than two months after handover: QA no longer follows it. */
  f.received_at = t (2026, 12, 20, 10, 0);
  old = desk_policy_evaluate (policy, calendar, &f, t (2026, 12, 20, 10, 5), 80);
  g_assert_null (find (old, "visit-other"));

  /* Still under construction: not these rules. */
  f.received_at = t (2026, 10, 10, 10, 0);
  f.handover_at = 0;
  building = desk_policy_evaluate (policy, calendar, &f, t (2026, 10, 10, 10, 5), 80);
  g_assert_null (find (building, "visit-other"));
  g_assert_null (find (building, "visit-plumbing-electrical"));
}

static void
test_daily_callbacks (void)
{
  DeskTicketFacts f = complaint (t (2026, 3, 9, 10, 0), "price");
  g_autoptr(GArray) first = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 9, 11, 0), 80);
  g_autoptr(GArray) next = NULL;
  g_autoptr(GArray) opted_out = NULL;
  g_autoptr(GArray) closed = NULL;

  g_assert_cmpint (find (first, "daily-callback")->due_at, ==, t (2026, 3, 10, 10, 0));

  /* Called on Tuesday at 11: the next is due Wednesday at 11. */
  f.last_callback_at = t (2026, 3, 10, 11, 0);
  next = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 12, 0), 80);
  g_assert_cmpint (find (next, "daily-callback")->due_at, ==, t (2026, 3, 11, 11, 0));
  g_assert_cmpint (find (next, "daily-callback")->state, ==, DESK_DEADLINE_PENDING);

  f.no_callbacks = TRUE;
  opted_out = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 12, 0), 80);
  g_assert_null (find (opted_out, "daily-callback"));

  /* Closing stops them. */
  f.no_callbacks = FALSE;
  f.closed_at = t (2026, 3, 10, 15, 0);
  closed = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 12, 12, 0), 80);
  g_assert_null (find (closed, "daily-callback"));
}

static void
test_agreed_visit (void)
{
  DeskTicketFacts f = complaint (t (2026, 3, 9, 10, 0), "construction-quality");
  g_autoptr(GArray) d = NULL;
  const DeskDeadline *visit;

  f.forwarded_at = t (2026, 3, 9, 10, 10);
  f.contacted_at = t (2026, 3, 9, 10, 15);
  f.visit_agreed_at = t (2026, 3, 9, 10, 15);
  d = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 11, 11, 0), 80);
  visit = find (d, "agreed-visit");
  g_assert_cmpint (visit->due_at, ==, t (2026, 3, 11, 10, 15));
  g_assert_cmpint (visit->state, ==, DESK_DEADLINE_BREACHED);
  g_assert_cmpint (visit->rule->escalate_to, ==, DESK_ROLE_GENERAL_MANAGER);
  g_assert_cmpint (find (d, "contact")->state, ==, DESK_DEADLINE_MET);
}

static void
test_closed_and_next (void)
{
  DeskTicketFacts f = complaint (t (2026, 3, 10, 9, 0), "price");
  g_autoptr(GArray) open = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 9, 5), 80);
  g_autoptr(GArray) closed = NULL;

  g_assert_cmpint (desk_deadlines_next_due (open), ==, t (2026, 3, 10, 9, 30));

  /* Closed on the first call, before the notice fell due: nothing left. */
  f.forwarded_at = t (2026, 3, 10, 9, 10);
  f.contacted_at = t (2026, 3, 10, 9, 12);
  f.closed_at = t (2026, 3, 10, 9, 20);
  closed = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 12, 9, 0), 80);
  g_assert_null (find (closed, "notice"));
  g_assert_cmpint (desk_deadlines_next_due (closed), ==, 0);
}

static void
test_policy_change (void)
{
  g_autoptr(DeskPolicy) stricter = desk_policy_new_default ();
  DeskTicketFacts f = complaint (t (2026, 3, 10, 10, 0), "price");
  g_autoptr(GArray) before = desk_policy_evaluate (policy, calendar, &f, t (2026, 3, 10, 10, 5), 80);
  g_autoptr(GArray) after = NULL;
  DeskRule *forward = g_ptr_array_index (stricter->rules, 0);

  /* The office tightens forwarding to 15 minutes: an open ticket measured
   * against the new revision gets the new limit. */
  g_assert_cmpstr (forward->id, ==, "forward");
  forward->limit = 15;
  stricter->revision = 2;
  after = desk_policy_evaluate (stricter, calendar, &f, t (2026, 3, 10, 10, 5), 80);
  g_assert_cmpint (find (before, "forward")->due_at, ==, t (2026, 3, 10, 10, 30));
  g_assert_cmpint (find (after, "forward")->due_at, ==, t (2026, 3, 10, 10, 15));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  calendar = desk_work_calendar_new_default ();
  policy = desk_policy_new_default ();

  g_test_add_func ("/desk/policy/forward", test_forward);
  g_test_add_func ("/desk/policy/after-hours", test_after_hours);
  g_test_add_func ("/desk/policy/notice-one-working-day", test_notice_one_working_day);
  g_test_add_func ("/desk/policy/site-visits", test_site_visits);
  g_test_add_func ("/desk/policy/daily-callbacks", test_daily_callbacks);
  g_test_add_func ("/desk/policy/agreed-visit", test_agreed_visit);
  g_test_add_func ("/desk/policy/closed-and-next", test_closed_and_next);
  g_test_add_func ("/desk/policy/policy-change", test_policy_change);

  return g_test_run ();
}
