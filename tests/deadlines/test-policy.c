/* test-policy.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-major-complaint.h"
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

/* Nights and weekends: working time stops when the office closes. */
static void
test_nights_and_weekends (void)
{
  DeskTicketFacts evening = complaint (t (2026, 3, 10, 17, 20), "price");
  DeskTicketFacts friday = complaint (t (2026, 3, 6, 17, 20), "price");
  g_autoptr(GArray) a = desk_policy_evaluate (policy, calendar, &evening, t (2026, 3, 10, 17, 21), 80);
  g_autoptr(GArray) b = desk_policy_evaluate (policy, calendar, &friday, t (2026, 3, 6, 17, 21), 80);
  g_autoptr(GArray) saturday = NULL;

  /* Ten minutes today, twenty tomorrow morning. */
  g_assert_cmpint (find (a, "forward")->due_at, ==, t (2026, 3, 11, 8, 50));
  /* Friday evening: Monday morning. */
  g_assert_cmpint (find (b, "forward")->due_at, ==, t (2026, 3, 9, 8, 50));
  g_assert_cmpint (find (b, "notice")->due_at, ==, t (2026, 3, 9, 17, 20));

  /* The warning counts working time too: Saturday is not "due soon". */
  saturday = desk_policy_evaluate (policy, calendar, &friday, t (2026, 3, 7, 12, 0), 80);
  g_assert_cmpint (find (saturday, "forward")->state, ==, DESK_DEADLINE_PENDING);
  g_assert_cmpint (find (saturday, "forward")->warn_at, ==, t (2026, 3, 9, 8, 44));
  g_assert_cmpint (desk_deadlines_next_change (saturday), ==, t (2026, 3, 9, 8, 44));
}

/* Holidays and make-up days, and limits of several working days. */
static void
test_holidays_and_several_days (void)
{
  DeskTicketFacts before_festival = complaint (t (2026, 2, 14, 17, 0), "price");
  DeskTicketFacts before_labour_day = complaint (t (2026, 4, 30, 10, 0), "price");
  g_autoptr(DeskPolicy) three_days = desk_policy_copy (policy);
  g_autoptr(GArray) festival = NULL;
  g_autoptr(GArray) labour = NULL;
  g_autoptr(GArray) after_make_up = NULL;

  /* Received on the make-up Saturday before the Spring Festival (15-23
   * Feb off): the notice is due when the office is back, Tue 24 Feb. */
  festival = desk_policy_evaluate (policy, calendar, &before_festival, t (2026, 2, 14, 17, 1), 80);
  g_assert_cmpint (find (festival, "notice")->due_at, ==, t (2026, 2, 24, 17, 0));
  g_assert_cmpint (find (festival, "forward")->due_at, ==, t (2026, 2, 14, 17, 30));

  /* Three working days from Thu 30 Apr: Labour Day (1-5 May) does not
   * count; Wed 6, Thu 7, Fri 8 May do. */
  desk_policy_find_rule (three_days, "notice")->limit = 3;
  labour = desk_policy_evaluate (three_days, calendar, &before_labour_day, t (2026, 4, 30, 10, 1), 80);
  g_assert_cmpint (find (labour, "notice")->due_at, ==, t (2026, 5, 8, 10, 0));

  /* ...and from Fri 8 May one working day is the make-up Saturday 9 May. */
  before_labour_day.received_at = t (2026, 5, 8, 10, 0);
  after_make_up = desk_policy_evaluate (policy, calendar, &before_labour_day, t (2026, 5, 8, 10, 1), 80);
  g_assert_cmpint (find (after_make_up, "notice")->due_at, ==, t (2026, 5, 9, 10, 0));
}

/* An office in a zone with daylight saving: working time follows the
 * local clock, clock-time limits run in real hours. */
static void
test_daylight_saving_office (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(DeskWorkCalendar) office = desk_work_calendar_new (berlin);
  g_autoptr(GDateTime) received = g_date_time_new (berlin, 2026, 3, 27, 17, 20, 0);
  g_autoptr(GDateTime) monday = g_date_time_new (berlin, 2026, 3, 30, 8, 50, 0);
  g_autoptr(GDateTime) site_received = g_date_time_new (berlin, 2026, 3, 28, 10, 0, 0);
  g_autoptr(GDateTime) site_due = g_date_time_new (berlin, 2026, 3, 29, 11, 0, 0);
  g_autoptr(GArray) d = NULL;
  g_autoptr(GArray) visit = NULL;
  DeskTicketFacts f = complaint (g_date_time_to_unix (received), "price");
  DeskTicketFacts site = complaint (g_date_time_to_unix (site_received), "construction-quality");

  for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_FRIDAY; w++)
    desk_work_calendar_set_hours (office, w, 8 * 60 + 30, 17 * 60 + 30);

  /* Clocks go forward on Sunday 29 March: Monday 08:50 local still. */
  d = desk_policy_evaluate (policy, office, &f, f.received_at + 60, 80);
  g_assert_cmpint (find (d, "forward")->due_at, ==, g_date_time_to_unix (monday));

  /* 24 real hours over the change: 11:00 on the local clock. */
  site.is_site = TRUE;
  site.handover_at = site.received_at - 10 * 24 * 3600;
  visit = desk_policy_evaluate (policy, office, &site, site.received_at + 60, 80);
  g_assert_cmpint (find (visit, "visit-other")->due_at, ==, g_date_time_to_unix (site_due));
}

/* Repeat complaints: recorded, not deadlines; fined by cause from the
 * second on. */
static void
test_repeat_complaints (void)
{
  DeskTicketFacts designer = complaint (t (2026, 3, 10, 10, 0), "designer-service");
  DeskTicketFacts material = complaint (t (2026, 3, 10, 10, 0), "material-quality");
  DeskTicketFacts price = complaint (t (2026, 3, 10, 10, 0), "price");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GPtrArray) fourth = NULL;
  g_autoptr(GArray) deadlines = NULL;
  const DeskRule *rule;

  designer.repeat_count = 1;
  first = desk_policy_occurrences (policy, calendar, &designer);
  g_assert_cmpuint (first->len, ==, 1);
  rule = first->pdata[0];
  g_assert_cmpstr (rule->id, ==, "repeat-designer");
  g_assert_false (desk_rule_counts (rule, &designer));     /* the first does not count */

  designer.repeat_count = 2;
  second = desk_policy_occurrences (policy, calendar, &designer);
  g_assert_true (desk_rule_counts (second->pdata[0], &designer));
  g_assert_cmpint (((DeskRule *)second->pdata[0])->fine_yuan, ==, 200);

  material.repeat_count = 3;
  third = desk_policy_occurrences (policy, calendar, &material);
  g_assert_cmpstr (((DeskRule *)third->pdata[0])->id, ==, "repeat-material");
  g_assert_cmpint (((DeskRule *)third->pdata[0])->fine_yuan, ==, 300);

  price.repeat_count = 2;
  fourth = desk_policy_occurrences (policy, calendar, &price);
  g_assert_cmpuint (fourth->len, ==, 1);
  g_assert_cmpstr (((DeskRule *)fourth->pdata[0])->id, ==, "repeat");
  g_assert_cmpint (((DeskRule *)fourth->pdata[0])->fine_yuan, ==, 100);
  g_assert_cmpint (((DeskRule *)fourth->pdata[0])->fine_target, ==, DESK_FINE_DEPARTMENT);

  /* They never show as deadlines. */
  deadlines = desk_policy_evaluate (policy, calendar, &price, t (2026, 3, 10, 10, 5), 80);
  g_assert_null (find (deadlines, "repeat"));
}

/* Every rule reads as a sentence naming its limit. */
static void
test_describe (void)
{
  for (guint i = 0; i < policy->rules->len; i++)
    {
      const DeskRule *rule = g_ptr_array_index (policy->rules, i);
      g_autofree char *text = desk_rule_describe (rule);

      g_assert_true (g_str_has_prefix (text, desk_rule_get_label (rule)));
      if (rule->action != DESK_ACTION_RECORD)
        g_assert_nonnull (strstr (text, "within"));
    }

  {
    g_autofree char *forward = desk_rule_describe (desk_policy_find_rule (policy, "forward"));
    g_autofree char *visit = desk_rule_describe (desk_policy_find_rule (policy, "agreed-visit"));

    g_assert_nonnull (strstr (forward, "within 30 working minutes after it is received"));
    g_assert_nonnull (strstr (visit, "within 2 days after a visit is agreed"));
    g_assert_nonnull (strstr (visit, "straight to the General manager"));
  }
}

static gboolean
meets (GPtrArray  *met,
       const char *id)
{
  for (guint i = 0; i < met->len; i++)
    if (g_str_equal (((const DeskMajorCriterion *)met->pdata[i])->id, id))
      return TRUE;
  return FALSE;
}

/* DOMAIN.md's major-complaint criteria, as data. */
static void
test_major_complaints (void)
{
  g_autoptr(GPtrArray) plain = desk_major_criteria_match ("墙面开裂，希望尽快处理", DESK_CHANNEL_PHONE, 1);
  g_autoptr(GPtrArray) lawyer = desk_major_criteria_match ("客户要求赔偿三万元，已找律师", DESK_CHANNEL_PHONE, 1);
  g_autoptr(GPtrArray) gas = desk_major_criteria_match ("Strong smell from a GAS LEAK in the kitchen", DESK_CHANNEL_EMAIL, 1);
  g_autoptr(GPtrArray) media = desk_major_criteria_match ("漏水", DESK_CHANNEL_MEDIA, 1);
  g_autoptr(GPtrArray) again = desk_major_criteria_match ("漏水", DESK_CHANNEL_PHONE, 3);
  g_autoptr(GPtrArray) hotline = desk_major_criteria_match ("打了12345市长热线", DESK_CHANNEL_PHONE, 1);
  guint n;

  desk_major_criteria_get_default (&n);
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpuint (plain->len, ==, 0);
  g_assert_true (meets (lawyer, "compensation"));
  g_assert_true (meets (lawyer, "lawyer"));
  g_assert_true (meets (lawyer, "large-sum"));            /* 三万元 */
  g_assert_true (meets (gas, "safety"));
  g_assert_true (meets (media, "media"));
  g_assert_true (meets (again, "repeated-repairs"));
  g_assert_false (meets (plain, "repeated-repairs"));
  g_assert_true (meets (hotline, "government"));
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
  g_test_add_func ("/desk/policy/nights-and-weekends", test_nights_and_weekends);
  g_test_add_func ("/desk/policy/holidays-and-several-days", test_holidays_and_several_days);
  g_test_add_func ("/desk/policy/daylight-saving-office", test_daylight_saving_office);
  g_test_add_func ("/desk/policy/repeat-complaints", test_repeat_complaints);
  g_test_add_func ("/desk/policy/describe", test_describe);
  g_test_add_func ("/desk/policy/major-complaints", test_major_complaints);

  return g_test_run ();
}
