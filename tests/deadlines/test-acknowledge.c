/* test-acknowledge.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-acknowledge"

#include "config.h"

#include "desk-alert-store.h"
#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-gui-test.h"
#include "desk-office-store.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-store.h"

/* A missed agreed visit escalates a ticket to the general manager; the
 * ticket pane offers "Acknowledge" until someone does. */

typedef DeskGuiFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-acknowledge");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static void
acknowledge (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCategory) category = desk_category_store_find (f->db, "construction-quality", &error);
  g_autoptr(GPtrArray) staff = desk_office_store_list_staff (f->db, &error);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  DeskCustomerFields customer = { .name = "刘洋", .phone = "13911112222" };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .category_id = category->id,
    .summary = "约好上门却没人来", .received_at = now - 3 * 24 * 3600,
  };
  GtkWidget *window = gtk_window_new ();
  DeskTicketDetail *detail = g_object_new (DESK_TYPE_TICKET_DETAIL, NULL);
  GtkWidget *button = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  draft.customer_id = desk_customer_store_add (f->db, &customer, &error);
  ticket = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);
  g_assert_true (desk_ticket_store_record (f->db, desk_ticket_get_id (ticket), 0, "visit-agreed",
                                           now - 2 * 24 * 3600 - 3600, NULL, &error));
  alerts = desk_alert_store_catch_up (f->db, now, &error);
  g_assert_no_error (error);
  g_assert_true (desk_alert_store_awaits_acknowledgement (f->db, desk_ticket_get_id (ticket), NULL));

  desk_ticket_detail_set_office (detail, f->db, desk_staff_get_id (staff->pdata[0]));
  {
    /* As it is now: escalated to the general manager. */
    gint64 id = desk_ticket_get_id (ticket);

    g_clear_object (&ticket);
    ticket = desk_ticket_store_get (f->db, id, &error);
    g_assert_cmpint (desk_ticket_get_data (ticket)->escalation_level, ==, 2);
  }
  desk_ticket_detail_set_ticket (detail, ticket);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 760);
  desk_test_show_and_wait (GTK_WINDOW (window));

  buttons = desk_test_find_widgets (GTK_WIDGET (detail), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "detail.acknowledge") == 0)
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  desk_test_save_and_check_picture (window, "ticket-escalated-en.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.acknowledge", NULL));
  g_assert_false (desk_alert_store_awaits_acknowledgement (f->db, desk_ticket_get_id (ticket), NULL));
  g_assert_false (gtk_widget_get_visible (button));
  desk_test_show_and_wait (GTK_WINDOW (window));
  desk_test_save_and_check_picture (window, "ticket-acknowledged-en.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_acknowledge (Fixture       *f,
                  gconstpointer  data)
{
  desk_gui_fixture_run (f, acknowledge, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add ("/desk/acknowledge/detail", Fixture, NULL, fixture_set_up, test_acknowledge, fixture_tear_down);

  return g_test_run ();
}
