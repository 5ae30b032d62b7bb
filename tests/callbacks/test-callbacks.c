/* test-callbacks.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <string.h>

#include <libical/ical.h>

#include "desk-callback-ical.h"
#include "desk-callback-script.h"
#include "desk-callback-store.h"
#include "desk-callback-store-private.h"
#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

typedef struct
{
  char         *dir;
  DeskDatabase *db;
  gint64        li;        /* a customer who takes calls */
  gint64        wang;      /* asked for no callbacks */
  gint64        clerk;
  gint64        dept;      /* where the complaints are forwarded */
  gint64        category;
  gint64        now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCategory) category = NULL;
  g_autoptr(DeskStaff) clerk = NULL;
  g_autoptr(DeskDepartment) dept = NULL;
  DeskCustomerFields li = { .name = "李建华", .phone = "13902651234", .address = "翠湖花园 3栋1202室" };
  DeskCustomerFields wang = { .name = "王志强", .phone = "13600125588", .no_callbacks = TRUE };

  f->dir = desk_test_make_dir ("desk-callbacks");
  f->db = desk_test_open_office (f->dir, NULL);
  f->now = g_get_real_time () / G_USEC_PER_SEC;

  dept = desk_office_store_add_department (f->db, "D001", "客服部", &error);
  g_assert_no_error (error);
  clerk = desk_office_store_add_staff (f->db, "S001", "王丽", DESK_ROLE_CLERK,
                                       desk_department_get_id (dept), NULL, &error);
  g_assert_no_error (error);
  f->dept = desk_department_get_id (dept);
  f->clerk = desk_staff_get_id (clerk);
  f->li = desk_customer_store_add (f->db, &li, &error);
  g_assert_no_error (error);
  f->wang = desk_customer_store_add (f->db, &wang, &error);
  g_assert_no_error (error);
  category = desk_category_store_find (f->db, "construction-quality", &error);
  g_assert_no_error (error);
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

/* A complaint received two days ago, so follow-ups start today. */
static DeskTicket *
complaint (Fixture        *f,
           gint64          customer,
           DeskTicketKind  kind)
{
  g_autoptr(GError) error = NULL;
  DeskTicketDraft draft = {
    .kind = kind,
    .severity = DESK_SEVERITY_NORMAL,
    .customer_id = customer,
    .category_id = f->category,
    .department_id = f->dept,
    .summary = "卫生间漏水",
    .received_at = f->now - 2 * 24 * 3600,
  };
  DeskTicket *ticket = desk_ticket_store_create (f->db, &draft, 0, &error);

  g_assert_no_error (error);
  return ticket;
}

static GPtrArray *
callbacks_of (Fixture *f,
              gint64   ticket_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = desk_callback_store_list (f->db, 0, G_MAXINT64, NULL, 0, &error);
  GPtrArray *mine = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_callback_free);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      DeskCallback *b = all->pdata[i];
      if (b->ticket_id == ticket_id)
        g_ptr_array_add (mine, g_steal_pointer (&all->pdata[i]));
    }
  return mine;
}

static guint
count_state (GPtrArray          *list,
             DeskCallbackReason  reason,
             DeskCallbackState   state)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    {
      DeskCallback *b = list->pdata[i];
      n += b->reason == reason && b->state == state;
    }
  return n;
}

static gboolean
in_call_window (gint64 when)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) dt = g_date_time_to_timezone (utc, desk_work_calendar_get_timezone (calendar));
  int minute = g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt);
  guint n;
  const DeskCallWindow *windows = desk_callback_default_windows (&n);

  if (!desk_work_calendar_is_open (calendar, when))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (minute >= windows[i].start_minute && minute < windows[i].end_minute)
      return TRUE;
  return FALSE;
}

static gint64
shanghai (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static void
test_suggest_time (void)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (NULL);

  /* Friday 13 March 2026: before, inside, between and after the windows. */
  g_assert_cmpint (desk_callback_suggest_time (calendar, shanghai (2026, 3, 13, 9, 0)), ==,
                   shanghai (2026, 3, 13, 11, 0));
  g_assert_cmpint (desk_callback_suggest_time (calendar, shanghai (2026, 3, 13, 11, 20)), ==,
                   shanghai (2026, 3, 13, 11, 20));
  g_assert_cmpint (desk_callback_suggest_time (calendar, shanghai (2026, 3, 13, 12, 30)), ==,
                   shanghai (2026, 3, 13, 16, 0));
  /* After the office closes: Monday's first window. */
  g_assert_cmpint (desk_callback_suggest_time (calendar, shanghai (2026, 3, 13, 17, 40)), ==,
                   shanghai (2026, 3, 16, 11, 0));
  /* The work calendar: the Spring Festival holiday is skipped; the
   * make-up Saturday 14 February 2026 is worked. */
  g_assert_cmpint (desk_callback_suggest_time (calendar, shanghai (2026, 2, 13, 17, 40)), ==,
                   shanghai (2026, 2, 14, 11, 0));
  g_assert_cmpint (desk_callback_suggest_time (calendar, shanghai (2026, 2, 14, 17, 40)), >,
                   shanghai (2026, 2, 22, 0, 0));
}

static void
test_daily_follow_ups (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) open = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(DeskTicket) opted_out = complaint (f, f->wang, DESK_TICKET_COMPLAINT);
  g_autoptr(DeskTicket) repair = complaint (f, f->li, DESK_TICKET_REPAIR);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) repairs = NULL;
  guint64 n = 0;

  { gboolean ok = desk_callback_store_plan (f->db, f->now, 3, &n, &error); g_assert_no_error (error); g_assert_true (ok); }
  g_assert_cmpuint (n, ==, 3);

  /* One a working day, in a call window, by the clerk; none for the
   * customer who opted out, none for repair orders while open. */
  mine = callbacks_of (f, desk_ticket_get_id (open));
  g_assert_cmpuint (mine->len, ==, 3);
  for (guint i = 0; i < mine->len; i++)
    {
      DeskCallback *b = mine->pdata[i];

      g_assert_cmpint (b->reason, ==, DESK_CALLBACK_DAILY_FOLLOW_UP);
      g_assert_cmpint (b->state, ==, DESK_CALLBACK_PLANNED);
      g_assert_true (in_call_window (b->planned_at));
      g_assert_cmpint (b->assignee_id, ==, f->clerk);
      if (i > 0)
        g_assert_cmpstr (b->plan_day, >, ((DeskCallback *)mine->pdata[i - 1])->plan_day);
    }
  none = callbacks_of (f, desk_ticket_get_id (opted_out));
  g_assert_cmpuint (none->len, ==, 0);
  repairs = callbacks_of (f, desk_ticket_get_id (repair));
  g_assert_cmpuint (repairs->len, ==, 0);

  /* Idempotent: the same window again plans nothing. */
  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  /* A longer window adds only the new days. */
  g_assert_true (desk_callback_store_plan (f->db, f->now, 5, &n, &error));
  g_assert_cmpuint (n, ==, 2);

  /* A complaint registered after the run (by another program: nothing
   * watched it) is caught up on the days planned already. */
  {
    g_autoptr(DeskTicket) late = complaint (f, f->li, DESK_TICKET_COMPLAINT);
    g_autoptr(GPtrArray) caught_up = NULL;

    g_assert_true (desk_callback_store_plan (f->db, f->now, 5, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 5);
    caught_up = callbacks_of (f, desk_ticket_get_id (late));
    g_assert_cmpuint (caught_up->len, ==, 5);
  }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* The automatic callbacks as text, a line each, in a fixed order. */
static char *
automatic_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = desk_callback_store_list (f->db, 0, G_MAXINT64, NULL, 0, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      DeskCallback *b = all->pdata[i];

      g_ptr_array_add (lines, g_strdup_printf ("%" G_GINT64_FORMAT " %d %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                               b->ticket_id, b->reason, b->plan_day, b->planned_at, b->assignee_id));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **)lines->pdata);
}

/* A whole day planned in parts, each in a transaction of its own (so
 * that other connections can write in between), plans exactly what one
 * transaction plans. */
static void
test_whole_day_in_parts (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in_parts = NULL;
  g_autofree char *at_once = NULL;
  guint64 n_parts = 0, n_once = 0;

  for (guint i = 0; i < 23; i++)
    {
      g_autoptr(DeskTicket) ticket = complaint (f, i % 3 ? f->li : f->wang,
                                                i % 4 ? DESK_TICKET_COMPLAINT : DESK_TICKET_REPAIR);
    }

  /* Parts of 4 ticket ids: six or more parts a day. */
  _desk_callback_store_set_planning_parts (4, 0);
  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, &n_parts, &error));
  g_assert_no_error (error);
  _desk_callback_store_set_planning_parts (0, 0);
  in_parts = automatic_plan (f);
  /* 23 tickets: 17 complaints, of which the customer who opted out has 6. */
  g_assert_cmpuint (n_parts, ==, 11 * 3);

  /* The same office planned again inside one transaction, from nothing. */
  g_assert_true (_desk_database_exec (f->db, "DELETE FROM callbacks;"
                                     " DELETE FROM office_settings WHERE key = 'callback-planning-state'", &error));
  g_assert_no_error (error);
  g_assert_true (desk_database_begin (f->db, &error));
  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, &n_once, &error));
  g_assert_true (desk_database_commit (f->db, &error));
  g_assert_no_error (error);
  at_once = automatic_plan (f);

  g_assert_cmpuint (n_once, ==, n_parts);
  g_assert_cmpstr (in_parts, ==, at_once);
}

/* A customer who opts back in gets their open complaints' follow-ups at
 * once, on the days planned already, and opting out again cancels them
 * (as the window does it: with the store watching the office). */
static void
test_opt_back_in (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) out_again = NULL;
  guint64 n = 0;

  desk_callback_store_watch (f->db);
  ticket = complaint (f, f->wang, DESK_TICKET_COMPLAINT);
  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, &n, &error));
  g_assert_no_error (error);
  before = callbacks_of (f, desk_ticket_get_id (ticket));
  g_assert_cmpuint (before->len, ==, 0);

  g_assert_true (desk_customer_store_set_no_callbacks (f->db, f->wang, FALSE, &error));
  g_assert_no_error (error);
  back = callbacks_of (f, desk_ticket_get_id (ticket));
  g_assert_cmpuint (count_state (back, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_PLANNED), ==, 3);

  g_assert_true (desk_customer_store_set_no_callbacks (f->db, f->wang, TRUE, &error));
  g_assert_no_error (error);
  out_again = callbacks_of (f, desk_ticket_get_id (ticket));
  g_assert_cmpuint (count_state (out_again, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_PLANNED), ==, 0);
}

static void
test_closing_stops_follow_ups (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(GPtrArray) after = NULL;
  gint64 id = desk_ticket_get_id (ticket);
  DeskTicketStatus path[] = { DESK_STATUS_FORWARDED, DESK_STATUS_CONTACTED, DESK_STATUS_CLOSED };

  desk_callback_store_watch (f->db);
  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autoptr(DeskTicket) current = desk_ticket_store_get (f->db, id, &error);

      g_assert_true (desk_ticket_store_set_status (f->db, id, desk_ticket_get_data (current)->revision,
                                                   path[i], 0, NULL, &error));
      g_assert_no_error (error);
    }

  /* The moment it closed: no follow-up left planned, a satisfaction call
   * planned in a call window after the closing. */
  after = callbacks_of (f, id);
  g_assert_cmpuint (count_state (after, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_PLANNED), ==, 0);
  g_assert_cmpuint (count_state (after, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_CANCELLED), ==, 3);
  g_assert_cmpuint (count_state (after, DESK_CALLBACK_SATISFACTION, DESK_CALLBACK_PLANNED), ==, 1);
  for (guint i = 0; i < after->len; i++)
    {
      DeskCallback *b = after->pdata[i];
      if (b->reason == DESK_CALLBACK_SATISFACTION)
        {
          g_assert_true (in_call_window (b->planned_at));
          g_assert_cmpint (b->planned_at, >, f->now);
        }
    }

  /* Planning again changes nothing. */
  {
    guint64 n = 99;
    g_assert_true (desk_callback_store_plan (f->db, f->now, 3, &n, &error));
    g_assert_cmpuint (n, ==, 0);
  }
}

static void
test_opt_out_and_missed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = complaint (f, f->wang, DESK_TICKET_COMPLAINT);
  g_autoptr(DeskCallback) old = NULL;
  g_autoptr(DeskCallback) planned = NULL;
  gint64 by_hand, yesterday;

  /* A call by hand to a customer who opted out is the clerk's choice and
   * stays; one planned for two days ago and never made was missed. */
  yesterday = f->now - 2 * 24 * 3600;
  by_hand = desk_callback_store_add (f->db, f->wang, desk_ticket_get_id (ticket), DESK_CALLBACK_MANUAL,
                                     yesterday, 0, "客户要求", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_hand, >, 0);
  g_assert_true (desk_callback_store_plan (f->db, f->now, 2, NULL, &error));
  old = desk_callback_store_get (f->db, by_hand, &error);
  g_assert_cmpint (old->state, ==, DESK_CALLBACK_MISSED);
  g_assert_cmpstr (old->note, ==, "客户要求");

  /* Rescheduling a missed call plans it again. */
  g_assert_true (desk_callback_store_reschedule (f->db, by_hand, f->now + 3600, &error));
  g_assert_no_error (error);
  planned = desk_callback_store_get (f->db, by_hand, &error);
  g_assert_cmpint (planned->state, ==, DESK_CALLBACK_PLANNED);
  g_assert_cmpint (planned->planned_at, ==, f->now + 3600);

  g_assert_cmpint (desk_callback_store_add (f->db, 0, 0, DESK_CALLBACK_MANUAL, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID);
}

static gint64
first_planned (Fixture *f,
               gint64   ticket_id)
{
  g_autoptr(GPtrArray) list = callbacks_of (f, ticket_id);

  for (guint i = 0; i < list->len; i++)
    {
      DeskCallback *b = list->pdata[i];
      if (b->state == DESK_CALLBACK_PLANNED)
        return b->id;
    }
  g_assert_not_reached ();
}

static gboolean
timeline_has (Fixture    *f,
              gint64      ticket_id,
              const char *kind,
              const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = desk_ticket_store_timeline (f->db, ticket_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      DeskTicketEvent *e = events->pdata[i];
      if (g_strcmp0 (e->kind, kind) == 0 && (fragment == NULL || (e->note && strstr (e->note, fragment))))
        return TRUE;
    }
  return FALSE;
}

static void
test_outcome_convenient (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(DeskTicket) after = NULL;
  g_autoptr(DeskCallback) made = NULL;
  g_autoptr(GArray) answers = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  gint64 id, ticket_id = desk_ticket_get_id (ticket);
  DeskCallbackAnswer given[] = {
    { "attitude", DESK_RATING_SATISFIED, NULL },
    { "quality", DESK_RATING_UNSATISFIED, "还在漏水" },
  };
  DeskCallbackOutcome outcome = {
    .result = DESK_CALL_CONVENIENT, .answers = given, .n_answers = G_N_ELEMENTS (given),
    .new_phone = "13902650000", .new_address = "翠湖花园 3栋1203室",
    .visit_agreed = TRUE,
  };
  DeskCustomerMatch *match;
  g_autoptr(GPtrArray) found = NULL;
  GDateTime *local;
  DeskCallbackFigures *total;

  g_assert_true (desk_callback_store_plan (f->db, f->now, 1, NULL, &error));
  id = first_planned (f, ticket_id);

  g_assert_true (desk_callback_store_record_outcome (f->db, id, &outcome, f->clerk, f->now, NULL, &error));
  g_assert_no_error (error);

  made = desk_callback_store_get (f->db, id, &error);
  g_assert_cmpint (made->state, ==, DESK_CALLBACK_REACHED);
  g_assert_cmpint (made->done_at, ==, f->now);
  answers = desk_callback_store_answers (f->db, id, &error);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpint (g_array_index (answers, DeskCallbackAnswer, 1).rating, ==, DESK_RATING_UNSATISFIED);
  g_assert_cmpstr (g_array_index (answers, DeskCallbackAnswer, 1).text, ==, "还在漏水");
  desk_callback_answers_free (g_steal_pointer (&answers));

  /* The timeline has the call; the unsatisfied answer escalated the open
   * complaint; the deadline facts know the callback. */
  g_assert_true (timeline_has (f, ticket_id, "callback", "还在漏水"));
  g_assert_true (timeline_has (f, ticket_id, "escalate", NULL));
  after = desk_ticket_store_get (f->db, ticket_id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->escalation_level, ==, 1);
  {
    DeskTicketFacts facts;
    g_autofree char *category = NULL;
    g_assert_true (desk_deadline_store_get_facts (f->db, ticket_id, &facts, &category, &error));
    g_assert_cmpint (facts.last_callback_at, ==, f->now);
    /* The visit agreed on the call is a fact the rules read. */
    g_assert_cmpint (facts.visit_agreed_at, ==, f->now);
    g_assert_true (timeline_has (f, ticket_id, "visit-agreed", NULL));
  }

  /* The corrections reached the customer. */
  found = desk_customer_store_lookup (f->db, "13902650000", 5, &error);
  g_assert_cmpuint (found->len, ==, 1);
  match = found->pdata[0];
  g_assert_cmpint (match->customer_id, ==, f->li);
  g_assert_cmpstr (match->address, ==, "翠湖花园 3栋1203室");

  /* Made once: a second outcome is refused. */
  g_assert_false (desk_callback_store_record_outcome (f->db, id, &outcome, f->clerk, f->now, NULL, &error));
  g_assert_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_DONE);
  g_clear_error (&error);

  /* The month's figures count it for the clerk. */
  local = g_date_time_new_from_unix_local (made->planned_at);
  figures = desk_callback_store_month_figures (f->db, g_date_time_get_year (local),
                                               g_date_time_get_month (local), &error);
  g_date_time_unref (local);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->len, ==, 2);
  g_assert_cmpint (((DeskCallbackFigures *)figures->pdata[0])->assignee_id, ==, f->clerk);
  total = figures->pdata[1];
  g_assert_cmpint (total->assignee_id, ==, -1);
  g_assert_cmpuint (total->made, ==, 1);
  g_assert_cmpuint (total->reached, ==, 1);
  g_assert_cmpuint (total->satisfied, ==, 1);
  g_assert_cmpuint (total->unsatisfied, ==, 1);
  g_assert_cmpuint (total->average, ==, 0);
}

/* A customer who rated the work on a follow-up before the ticket closed
 * is not called again to ask the same (issue 24: the office called twice
 * and the customer complained about the calls). */
static void
test_answered_before_closing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(GPtrArray) after = NULL;
  gint64 ticket_id = desk_ticket_get_id (ticket);
  DeskCallbackAnswer given[] = {
    { "attitude", DESK_RATING_SATISFIED, NULL },
    { "speed", DESK_RATING_SATISFIED, NULL },
    { "quality", DESK_RATING_SATISFIED, NULL },
    { "overall", DESK_RATING_SATISFIED, NULL },
  };
  DeskCallbackOutcome outcome = {
    .result = DESK_CALL_CONVENIENT, .answers = given, .n_answers = G_N_ELEMENTS (given),
  };
  DeskTicketStatus path[] = { DESK_STATUS_FORWARDED, DESK_STATUS_CONTACTED, DESK_STATUS_CLOSED };

  g_assert_true (desk_callback_store_plan (f->db, f->now, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (desk_callback_store_record_outcome (f->db, first_planned (f, ticket_id), &outcome,
                                                     f->clerk, f->now, NULL, &error));
  g_assert_no_error (error);

  desk_callback_store_watch (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autoptr(DeskTicket) current = desk_ticket_store_get (f->db, ticket_id, &error);

      g_assert_true (desk_ticket_store_set_status (f->db, ticket_id, desk_ticket_get_data (current)->revision,
                                                   path[i], 0, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, NULL, &error));
  g_assert_no_error (error);

  after = callbacks_of (f, ticket_id);
  g_assert_cmpuint (count_state (after, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_REACHED), ==, 1);
  g_assert_cmpuint (count_state (after, DESK_CALLBACK_SATISFACTION, DESK_CALLBACK_PLANNED), ==, 0);
}

static void
test_outcome_unsatisfied_reopens (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(DeskTicket) after = NULL;
  gint64 id, ticket_id = desk_ticket_get_id (ticket);
  DeskTicketStatus path[] = { DESK_STATUS_FORWARDED, DESK_STATUS_CONTACTED, DESK_STATUS_CLOSED };
  DeskCallbackAnswer given[] = { { "overall", DESK_RATING_UNSATISFIED, NULL } };
  DeskCallbackOutcome outcome = { .result = DESK_CALL_CONVENIENT, .answers = given, .n_answers = 1 };
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autoptr(DeskTicket) current = desk_ticket_store_get (f->db, ticket_id, &error);
      g_assert_true (desk_ticket_store_set_status (f->db, ticket_id, desk_ticket_get_data (current)->revision,
                                                   path[i], 0, NULL, &error));
    }
  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, NULL, &error));
  g_assert_no_error (error);
  list = callbacks_of (f, ticket_id);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((DeskCallback *)list->pdata[0])->reason, ==, DESK_CALLBACK_SATISFACTION);
  id = ((DeskCallback *)list->pdata[0])->id;

  desk_callback_store_watch (f->db);
  g_assert_true (desk_callback_store_record_outcome (f->db, id, &outcome, f->clerk, f->now, NULL, &error));
  g_assert_no_error (error);
  after = desk_ticket_store_get (f->db, ticket_id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->status, ==, DESK_STATUS_IN_PROGRESS);
  g_assert_true (timeline_has (f, ticket_id, "reopen", NULL));

  /* Reopened: the daily follow-ups start again. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = callbacks_of (f, ticket_id);
  g_assert_cmpuint (count_state (list, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_PLANNED), >=, 1);
}

static void
test_outcome_not_convenient_and_no_answer (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(DeskCallback) first = NULL;
  g_autoptr(DeskCallback) moved = NULL;
  g_autoptr(DeskCallback) retried = NULL;
  g_autoptr(DeskCallback) retry = NULL;
  g_autoptr(DeskTicket) after = NULL;
  gint64 id, next = 0, again, ticket_id = desk_ticket_get_id (ticket);
  DeskCallbackOutcome later = { .result = DESK_CALL_NOT_CONVENIENT };
  DeskCallbackOutcome no_answer = { .result = DESK_CALL_NO_ANSWER };

  g_assert_true (desk_callback_store_plan (f->db, f->now, 1, NULL, &error));
  id = first_planned (f, ticket_id);

  /* Not convenient needs a time after now. */
  g_assert_false (desk_callback_store_record_outcome (f->db, id, &later, f->clerk, f->now, &next, &error));
  g_assert_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  again = desk_callback_suggest_time (desk_calendar_store_get_office_calendar (f->db), f->now + 3 * 24 * 3600);
  later.call_again_at = again;
  g_assert_true (desk_callback_store_record_outcome (f->db, id, &later, f->clerk, f->now, &next, &error));
  g_assert_no_error (error);
  first = desk_callback_store_get (f->db, id, &error);
  g_assert_cmpint (first->state, ==, DESK_CALLBACK_RESCHEDULED);
  g_assert_cmpint (first->call_again_at, ==, again);
  moved = desk_callback_store_get (f->db, next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->planned_at, ==, again);
  g_assert_cmpint (moved->state, ==, DESK_CALLBACK_PLANNED);
  g_assert_cmpint (moved->reason, ==, DESK_CALLBACK_DAILY_FOLLOW_UP);
  g_assert_true (timeline_has (f, ticket_id, "callback", NULL));

  /* No answer: a retry in a call window, later today or on a following
   * working day; only an attempt on the timeline (the customer was not
   * reached, so the daily callback rule is not met by it). */
  g_assert_true (desk_callback_store_record_outcome (f->db, next, &no_answer, f->clerk, f->now, &next, &error));
  g_assert_no_error (error);
  retried = desk_callback_store_get (f->db, moved->id, &error);
  g_assert_cmpint (retried->state, ==, DESK_CALLBACK_NOT_REACHED);
  retry = desk_callback_store_get (f->db, next, &error);
  g_assert_cmpint (retry->state, ==, DESK_CALLBACK_PLANNED);
  g_assert_true (in_call_window (retry->planned_at));
  g_assert_cmpint (retry->planned_at, >=, f->now + 2 * 3600 - 60);
  g_assert_true (timeline_has (f, ticket_id, "callback-attempt", NULL));
  after = desk_ticket_store_get (f->db, ticket_id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->escalation_level, ==, 0);
}

static void
test_campaign (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  DeskCampaign by_site = { .name = "翠湖花园 回访", .site = "翠湖花园", .minutes_each = 15 };
  DeskCampaign nothing = { .name = "空" };
  gint64 n;

  n = desk_callback_store_add_campaign (f->db, &by_site, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  all = desk_callback_store_list (f->db, 0, G_MAXINT64, NULL, 0, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (((DeskCallback *)all->pdata[0])->customer_id, ==, f->li);
  g_assert_cmpstr (((DeskCallback *)all->pdata[0])->campaign, ==, "翠湖花园 回访");
  g_assert_true (in_call_window (((DeskCallback *)all->pdata[0])->planned_at));

  g_assert_cmpint (desk_callback_store_add_campaign (f->db, &nothing, f->now, &error), ==, -1);
  g_assert_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID);
}

static void
test_ical_export (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(GPtrArray) planned = NULL;
  g_autofree char *path = g_build_filename (f->dir, "callbacks.ics", NULL);
  g_autofree char *text = NULL;
  icalcomponent *calendar, *event;
  guint n = 0, parsed = 0;

  g_assert_true (desk_callback_store_plan (f->db, f->now, 3, NULL, &error));
  planned = desk_callback_store_list (f->db, 0, G_MAXINT64, NULL, 0, &error);
  g_assert_cmpuint (planned->len, ==, 3);

  g_assert_true (desk_callback_ical_export (f->db, 0, G_MAXINT64, "王丽", path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));

  /* Read back with libical: one event a callback, at its time, with the
   * customer in the summary and the Chinese text intact. */
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      DeskCallback *b = planned->pdata[parsed];
      g_autofree char *uid = g_strdup_printf ("callback-%" G_GINT64_FORMAT "@service-desk", b->id);
      struct icaltimetype start = icalcomponent_get_dtstart (event);

      g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
      g_assert_cmpint (icaltime_as_timet (start), ==, b->planned_at);
      g_assert_nonnull (strstr (icalcomponent_get_summary (event), "李建华"));
      g_assert_nonnull (strstr (icalcomponent_get_description (event), "卫生间漏水"));
      parsed++;
    }
  g_assert_cmpuint (parsed, ==, 3);
  icalcomponent_free (calendar);

  /* Someone else's calls: none. */
  g_assert_true (desk_callback_ical_export (f->db, 0, G_MAXINT64, "陈静", path, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_script (void)
{
  const DeskCallbackScript *script = desk_callback_script_get_default ();
  gboolean has_branch = FALSE;

  g_assert_cmpuint (script->n_steps, >=, 4);
  g_assert_cmpuint (script->n_questions, >=, 2);
  for (guint i = 0; i < script->n_steps; i++)
    if (script->steps[i].kind == DESK_SCRIPT_CONVENIENT)
      has_branch = script->steps[i].line_if_not != NULL;
  g_assert_true (has_branch);
  g_assert_cmpstr (desk_callback_question_get_label ("attitude"), ==, script->questions[0].topic);
  g_assert_cmpstr (desk_callback_question_get_label ("unknown"), ==, "unknown");

  /* The lines name the office and the customer where the script says. */
  {
    g_autofree char *filled = desk_callback_script_fill ("我是{organisation}客服专员，请问您是{customer}吗？",
                                                         "华润物业", "李建华");
    g_autofree char *unknown = desk_callback_script_fill ("{organisation} / {customer}", NULL, "");

    g_assert_cmpstr (filled, ==, "我是华润物业客服专员，请问您是李建华吗？");
    g_assert_nonnull (strstr (unknown, "…"));
    g_assert_null (strstr (unknown, "{organisation}"));
  }
}

/* Callback planning settings (Preferences → Office → Callbacks). */

static void
test_settings_defaults_and_save (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  DeskCallbackSettings settings, read;

  /* Never saved: the defaults. */
  desk_callback_store_get_settings (f->db, &settings);
  g_assert_cmpuint (settings.satisfaction_delay_days, ==, 1);
  g_assert_cmpuint (settings.repair_follow_up_days, ==, 3);
  g_assert_cmpuint (settings.planning_days, ==, 3);
  desk_callback_settings_init_defaults (&read);
  g_assert_cmpmem (&read, sizeof read, &settings, sizeof settings);

  settings = (DeskCallbackSettings) { 0, 40, 14 };
  g_assert_true (desk_callback_store_save_settings (f->db, &settings, f->now, &error));
  g_assert_no_error (error);
  desk_callback_store_get_settings (f->db, &read);
  g_assert_cmpmem (&read, sizeof read, &settings, sizeof settings);
  stored = desk_office_store_get_setting (f->db, DESK_SETTING_PLANNING_DAYS);
  g_assert_cmpstr (stored, ==, "14");

  /* Written by hand with SQL: brought into range, or the default. */
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_PLANNING_DAYS, "99", &error));
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_SATISFACTION_DELAY, "两天", &error));
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_REPAIR_FOLLOW_UP, " 0 ", &error));
  desk_callback_store_get_settings (f->db, &read);
  g_assert_cmpuint (read.planning_days, ==, 14);
  g_assert_cmpuint (read.satisfaction_delay_days, ==, 1);
  g_assert_cmpuint (read.repair_follow_up_days, ==, 1);
}

static void
test_settings_refused (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    DeskCallbackSettings settings;
    const char          *field;
  } bad[] = {
    { { 31, 3, 3 }, "Satisfaction call delay:" },
    { { 1, 0, 3 },  "Follow-up after repair:" },
    { { 1, 41, 3 }, "Follow-up after repair:" },
    { { 1, 3, 0 },  "Planning window:" },
    { { 2, 5, 15 }, "Planning window:" },
  };
  DeskCallbackSettings saved = { 2, 4, 5 };
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_callback_store_save_settings (f->db, &saved, f->now, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      DeskCallbackSettings read;

      g_assert_false (desk_callback_store_save_settings (f->db, &bad[i].settings, f->now, &error));
      g_assert_error (error, DESK_CALLBACK_STORE_ERROR, DESK_CALLBACK_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, bad[i].field));
      g_clear_error (&error);

      /* Nothing half-saved: the good values beside the bad one neither. */
      desk_callback_store_get_settings (f->db, &read);
      g_assert_cmpmem (&read, sizeof read, &saved, sizeof saved);
    }

  g_assert_true (desk_callback_setting_check (DESK_CALLBACK_SETTING_SATISFACTION_DELAY, 0, NULL));
  g_assert_false (desk_callback_setting_check (DESK_CALLBACK_SETTING_SATISFACTION_DELAY, -1, NULL));
}

/* Tickets closed at @closed_at for a customer of their own, as a batch
 * import would store them (the store sets closing times only to now). */
static gint64
closed_ticket (Fixture        *f,
               DeskTicketKind  kind,
               const char     *name,
               const char     *phone,
               gint64          closed_at)
{
  g_autoptr(GError) error = NULL;
  DeskCustomerFields fields = { .name = name, .phone = phone };
  gint64 customer = desk_customer_store_add (f->db, &fields, &error);
  DeskTicketDraft draft = {
    .kind = kind,
    .severity = DESK_SEVERITY_NORMAL,
    .customer_id = customer,
    .category_id = f->category,
    .summary = "厨房水管更换",
    .received_at = closed_at - 3 * 24 * 3600,
  };
  DeskTicketStatus status = DESK_STATUS_CLOSED;
  int repeat_count = 1;

  g_assert_no_error (error);
  g_assert_true (desk_database_begin (f->db, &error));
  g_assert_true (desk_ticket_store_insert_bulk (f->db, &draft, &status, &closed_at, &repeat_count, 1, &error));
  g_assert_no_error (error);
  g_assert_true (desk_database_commit (f->db, &error));
  return customer;
}

/* The planned call of @reason to @customer (asserts there is one). */
static DeskCallback *
planned_call (Fixture            *f,
              gint64              customer,
              DeskCallbackReason  reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = desk_callback_store_list (f->db, 0, G_MAXINT64, NULL, 0, &error);
  DeskCallback *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      DeskCallback *b = all->pdata[i];

      if (b->customer_id == customer && b->reason == reason && b->state == DESK_CALLBACK_PLANNED)
        {
          g_assert_null (found);
          found = g_steal_pointer (&all->pdata[i]);
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
save (Fixture *f,
      guint    satisfaction,
      guint    repair,
      guint    days,
      gint64   now)
{
  g_autoptr(GError) error = NULL;
  DeskCallbackSettings settings = { satisfaction, repair, days };

  g_assert_true (desk_callback_store_save_settings (f->db, &settings, now, &error));
  g_assert_no_error (error);
}

/* A ticket closed on Friday 13 March 2026 at 15:00: with a delay of one
 * working day its satisfaction call is on Monday, with three on
 * Wednesday (16:00, the afternoon window at or after the closing time).
 * Saving a new delay moves the call the old one placed; a call a clerk
 * moved by hand stays where the clerk put it. */
static void
test_settings_move_planned_calls (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 friday_evening = shanghai (2026, 3, 13, 17, 45);
  gint64 closed = shanghai (2026, 3, 13, 15, 0);
  gint64 zhao = closed_ticket (f, DESK_TICKET_COMPLAINT, "赵敏", "13811112222", closed);
  gint64 qian = closed_ticket (f, DESK_TICKET_COMPLAINT, "钱伟", "13811113333", closed);
  gint64 sun = closed_ticket (f, DESK_TICKET_REPAIR, "孙丽", "13811114444", closed);
  g_autoptr(GError) error = NULL;

  /* Planned with the defaults and a week's window. */
  save (f, 1, 3, 5, friday_evening);
  {
    g_autoptr(DeskCallback) call = planned_call (f, zhao, DESK_CALLBACK_SATISFACTION);
    g_autoptr(DeskCallback) repair = planned_call (f, sun, DESK_CALLBACK_AFTER_REPAIR);

    g_assert_cmpint (call->planned_at, ==, shanghai (2026, 3, 16, 16, 0));
    g_assert_cmpstr (call->plan_day, ==, "2026-03-16");
    g_assert_cmpint (repair->planned_at, ==, shanghai (2026, 3, 18, 16, 0));
  }

  /* A clerk moves 钱伟's call to Tuesday morning. */
  {
    g_autoptr(DeskCallback) call = planned_call (f, qian, DESK_CALLBACK_SATISFACTION);

    g_assert_true (desk_callback_store_reschedule (f->db, call->id, shanghai (2026, 3, 17, 11, 30), &error));
    g_assert_no_error (error);
  }

  /* Three working days, and the repair follow-up a day later. */
  save (f, 3, 4, 5, friday_evening);
  {
    g_autoptr(DeskCallback) call = planned_call (f, zhao, DESK_CALLBACK_SATISFACTION);
    g_autoptr(DeskCallback) moved_by_hand = planned_call (f, qian, DESK_CALLBACK_SATISFACTION);
    g_autoptr(DeskCallback) repair = planned_call (f, sun, DESK_CALLBACK_AFTER_REPAIR);

    g_assert_cmpint (call->planned_at, ==, shanghai (2026, 3, 18, 16, 0));
    g_assert_cmpstr (call->plan_day, ==, "2026-03-18");
    g_assert_true (in_call_window (call->planned_at));
    g_assert_cmpint (moved_by_hand->planned_at, ==, shanghai (2026, 3, 17, 11, 30));
    g_assert_cmpint (repair->planned_at, ==, shanghai (2026, 3, 19, 16, 0));
  }

  /* Back to one day: the same call comes back to Monday, still one. */
  save (f, 1, 4, 5, friday_evening);
  {
    g_autoptr(DeskCallback) call = planned_call (f, zhao, DESK_CALLBACK_SATISFACTION);

    g_assert_cmpint (call->planned_at, ==, shanghai (2026, 3, 16, 16, 0));
  }

  /* A call already due is not moved: on Monday at 16:30 Monday's call
   * stays (it is on today's agenda, or missed tomorrow). */
  save (f, 2, 4, 5, shanghai (2026, 3, 16, 16, 30));
  {
    g_autoptr(DeskCallback) call = planned_call (f, zhao, DESK_CALLBACK_SATISFACTION);

    g_assert_cmpint (call->planned_at, ==, shanghai (2026, 3, 16, 16, 0));
  }
}

/* Newly planned calls follow the new settings: the same Friday closing
 * planned first with a delay of three days lands on Wednesday; a call
 * beyond the window is planned when its day comes into it. */
static void
test_settings_new_plans_follow (Fixture       *f,
                                gconstpointer  data)
{
  gint64 friday_evening = shanghai (2026, 3, 13, 17, 45);
  gint64 closed = shanghai (2026, 3, 13, 15, 0);
  gint64 zhou, wu;

  /* Today and two working days (Friday, Monday, Tuesday): Wednesday's
   * call is not planned yet. */
  save (f, 3, 3, 3, friday_evening);
  zhou = closed_ticket (f, DESK_TICKET_COMPLAINT, "周强", "13811115555", closed);
  wu = closed_ticket (f, DESK_TICKET_COMPLAINT, "吴芳", "13811116666", closed);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) all = NULL;

    g_assert_true (desk_callback_store_plan (f->db, friday_evening, 0, NULL, &error));
    g_assert_no_error (error);
    all = desk_callback_store_list (f->db, 0, G_MAXINT64, NULL, 0, &error);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpint (((DeskCallback *)all->pdata[i])->customer_id, !=, zhou);
  }

  /* A longer window, saved: Wednesday comes into it and is planned at
   * once with the delay in force. */
  save (f, 3, 3, 4, friday_evening);
  {
    g_autoptr(DeskCallback) call = planned_call (f, zhou, DESK_CALLBACK_SATISFACTION);
    g_autoptr(DeskCallback) other = planned_call (f, wu, DESK_CALLBACK_SATISFACTION);

    g_assert_cmpint (call->planned_at, ==, shanghai (2026, 3, 18, 16, 0));
    g_assert_cmpint (other->planned_at, ==, shanghai (2026, 3, 18, 16, 0));
  }
}

/* A shorter window keeps what was planned beyond it. */
static void
test_settings_shorter_window (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DeskTicket) open = complaint (f, f->li, DESK_TICKET_COMPLAINT);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  save (f, 1, 3, 6, f->now);
  before = callbacks_of (f, desk_ticket_get_id (open));
  g_assert_cmpuint (count_state (before, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_PLANNED), ==, 6);

  save (f, 1, 3, 2, f->now);
  after = callbacks_of (f, desk_ticket_get_id (open));
  g_assert_cmpuint (count_state (after, DESK_CALLBACK_DAILY_FOLLOW_UP, DESK_CALLBACK_PLANNED), ==, 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/desk/callbacks/suggest-time", test_suggest_time);
  g_test_add_func ("/desk/callbacks/script", test_script);
  ADD ("/desk/callbacks/daily-follow-ups", test_daily_follow_ups);
  ADD ("/desk/callbacks/closing-stops-follow-ups", test_closing_stops_follow_ups);
  ADD ("/desk/callbacks/whole-day-in-parts", test_whole_day_in_parts);
  ADD ("/desk/callbacks/opt-back-in", test_opt_back_in);
  ADD ("/desk/callbacks/opt-out-and-missed", test_opt_out_and_missed);
  ADD ("/desk/callbacks/outcome-convenient", test_outcome_convenient);
  ADD ("/desk/callbacks/answered-before-closing", test_answered_before_closing);
  ADD ("/desk/callbacks/outcome-unsatisfied-reopens", test_outcome_unsatisfied_reopens);
  ADD ("/desk/callbacks/outcome-not-convenient-and-no-answer", test_outcome_not_convenient_and_no_answer);
  ADD ("/desk/callbacks/campaign", test_campaign);
  ADD ("/desk/callbacks/ical-export", test_ical_export);
  ADD ("/desk/callbacks/settings/defaults-and-save", test_settings_defaults_and_save);
  ADD ("/desk/callbacks/settings/refused", test_settings_refused);
  ADD ("/desk/callbacks/settings/move-planned-calls", test_settings_move_planned_calls);
  ADD ("/desk/callbacks/settings/new-plans-follow", test_settings_new_plans_follow);
  ADD ("/desk/callbacks/settings/shorter-window", test_settings_shorter_window);

  return g_test_run ();
}
