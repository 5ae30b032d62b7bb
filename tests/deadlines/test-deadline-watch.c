/* test-deadline-watch.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include "desk-alert-store.h"
#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-deadline-watch.h"
#include "desk-ticket-store.h"

/* The app's deadline check: what it notifies about, once. */

static DeskDeadlineAlert *
alert_new (const char    *number,
           DeskAlertKind  kind)
{
  DeskDeadlineAlert *alert = g_new0 (DeskDeadlineAlert, 1);

  alert->number = g_strdup (number);
  alert->rule_label = g_strdup ("Forward to the responsible department");
  alert->kind = kind;
  return alert;
}

static void
test_build (void)
{
  g_autoptr(GPtrArray) few = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_deadline_alert_free);
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_deadline_alert_free);
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_ptr_array_add (few, alert_new ("TS-2026-000001", DESK_ALERT_BREACH));
  g_ptr_array_add (few, alert_new ("TS-2026-000002", DESK_ALERT_WARNING));
  notifications = desk_deadline_watch_build (few, &ids);
  g_assert_cmpuint (notifications->len, ==, 2);
  g_assert_cmpstr (ids->pdata[0], ==, "deadline-TS-2026-000001-missed");
  g_assert_cmpstr (ids->pdata[1], ==, "deadline-TS-2026-000002-soon");
  g_clear_pointer (&notifications, g_ptr_array_unref);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* After a long weekend: one notification that counts them. */
  for (int i = 0; i < 12; i++)
    g_ptr_array_add (many, alert_new ("TS-2026-000003", i % 3 ? DESK_ALERT_BREACH : DESK_ALERT_WARNING));
  notifications = desk_deadline_watch_build (many, &ids);
  g_assert_cmpuint (notifications->len, ==, 1);
  g_assert_cmpstr (ids->pdata[0], ==, "deadlines");
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = desk_test_make_dir ("desk-deadline-watch");
  g_autoptr(DeskDatabase) db = desk_test_open_office (dir, NULL);
  g_autoptr(GApplication) app = g_application_new ("org.servicedesk.Test", G_APPLICATION_NON_UNIQUE);
  g_autoptr(DeskCategory) category = desk_category_store_find (db, "price", &error);
  DeskCustomerFields customer = { .name = "王志强", .phone = "13600125588" };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .category_id = category->id,
    .summary = "报价与合同不符", .received_at = now,
  };
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(DeskDeadlineWatch) watch = NULL;

  draft.customer_id = desk_customer_store_add (db, &customer, &error);
  ticket = desk_ticket_store_create (db, &draft, 0, &error);
  g_assert_no_error (error);

  /* Started now: nothing to say; three days later: the missed forwarding
   * (and more), once. */
  watch = desk_deadline_watch_new (app, db);
  g_assert_cmpuint (desk_deadline_watch_check (watch, now + 1), ==, 0);
  g_assert_cmpuint (desk_deadline_watch_check (watch, now + 3 * 24 * 3600), >=, 1);
  g_assert_cmpuint (desk_deadline_watch_check (watch, now + 3 * 24 * 3600 + 60), ==, 0);
  g_assert_cmpint (desk_alert_store_get_last_check (db), ==, now + 3 * 24 * 3600 + 60);

  g_clear_pointer (&watch, desk_deadline_watch_free);
  g_clear_object (&db);
  desk_test_remove_dir (dir);
}

static void
changed_cb (DeskDatabase *db,
            const char   *table,
            gint64        id,
            GArray       *ids)
{
  if (g_strcmp0 (table, "tickets") == 0)
    g_array_append_val (ids, id);
}

/* The timer's check runs in a thread on its own connection; the window's
 * connection then hears of the escalated ticket. */
static void
test_in_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = desk_test_make_dir ("desk-deadline-watch");
  g_autoptr(DeskDatabase) db = desk_test_open_office (dir, NULL);
  g_autoptr(GApplication) app = g_application_new ("org.servicedesk.Test", G_APPLICATION_NON_UNIQUE);
  g_autoptr(DeskCategory) category = desk_category_store_find (db, "price", &error);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  DeskCustomerFields customer = { .name = "王志强", .phone = "13600125588" };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .category_id = category->id,
    .summary = "约好上门却没人来", .received_at = now - 3 * 24 * 3600,
  };
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(DeskTicket) after = NULL;
  g_autoptr(DeskDeadlineWatch) watch = NULL;

  draft.customer_id = desk_customer_store_add (db, &customer, &error);
  ticket = desk_ticket_store_create (db, &draft, 0, &error);
  g_assert_no_error (error);
  g_assert_true (desk_ticket_store_record (db, desk_ticket_get_id (ticket), 0, "visit-agreed",
                                           now - 2 * 24 * 3600 - 3600, NULL, &error));
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), changed);

  watch = desk_deadline_watch_new (app, db);
  g_assert_true (desk_deadline_watch_start_check (watch));
  g_assert_false (desk_deadline_watch_start_check (watch));  /* one at a time */
  while (desk_deadline_watch_is_checking (watch))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, desk_ticket_get_id (ticket));
  after = desk_ticket_store_get (db, desk_ticket_get_id (ticket), &error);
  g_assert_cmpint (desk_ticket_get_data (after)->escalation_level, ==, 2);
  g_assert_true (desk_alert_store_awaits_acknowledgement (db, desk_ticket_get_id (ticket), NULL));

  g_signal_handlers_disconnect_by_func (db, changed_cb, changed);
  g_clear_pointer (&watch, desk_deadline_watch_free);
  g_clear_object (&db);
  desk_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/deadline-watch/build", test_build);
  g_test_add_func ("/desk/deadline-watch/check", test_check);
  g_test_add_func ("/desk/deadline-watch/in-thread", test_in_thread);

  return g_test_run ();
}
