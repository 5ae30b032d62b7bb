/* test-deadlines.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <glib/gstdio.h>

#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-deadline-store.h"
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

  /* Forwarded (now, long after): met late; the contact clock starts. */
  g_assert_true (desk_ticket_store_set_status (f->db, desk_ticket_get_id (ticket),
                                               desk_ticket_get_data (ticket)->revision,
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/desk/deadlines/stored", Fixture, NULL, fixture_set_up, test_stored, fixture_tear_down);
  g_test_add ("/desk/deadlines/refresh-all", Fixture, NULL, fixture_set_up, test_refresh_all, fixture_tear_down);

  return g_test_run ();
}
