/* test-tickets-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Tickets area on a demo office with a few hundred generated tickets:
 * registering a ticket through the new-ticket dialog, queues, sorting by
 * column, search, a stale save, and pictures in English and Chinese.
 * Every test runs inside g_application_run() of a DeskApplication; the
 * pictures go to <builddir>/tests/screenshots/.
 */

#define G_LOG_DOMAIN "test-tickets-view"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-gui-test.h"
#include "desk-office-store.h"
#include "desk-database.h"
#include "desk-deadline-store.h"
#include "desk-demo.h"
#include "desk-generator.h"
#include "desk-callback-store.h"
#include "desk-category-store.h"
#include "desk-minute-clock.h"
#include "desk-notice-store.h"
#include "desk-new-ticket-dialog.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-event-text.h"
#include "desk-ticket-rows.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"
#include "desk-ticket-workflow.h"
#include "desk-tickets-view.h"
#include "desk-widget-snapshot.h"
#include "desk-window.h"

#define WINDOW_WIDTH 1180
#define WINDOW_HEIGHT 760
#define N_TICKETS 300
/* A word of the new ticket's summary that no generated ticket uses. */
#define SUMMARY "阳台玻璃门滑轨变形，推拉困难"
#define SUMMARY_WORD "滑轨"

typedef DeskGuiFixture Fixture;

/* Helpers */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  desk_gui_fixture_set_up (f, "desk-tickets-view");
  g_assert_true (desk_generator_add_tickets (f->db, N_TICKETS, 20260312, now, NULL, NULL, &error));
  g_assert_no_error (error);
  /* 王丽, a clerk of the demo office, is at this computer. */
  g_settings_set_string (f->settings, "current-user", "S001");
}

static void
run_in_application (Fixture  *f,
                    void    (*body) (Fixture *f))
{
  desk_gui_fixture_run (f, body, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = desk_test_find_widgets (root, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  g_autoptr(GPtrArray) widgets = desk_test_find_widgets (root, type);

  for (guint i = 0; i < widgets->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (widgets, i), css_class))
      return g_ptr_array_index (widgets, i);

  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

static DeskWindow *
create_window (Fixture *f)
{
  DeskWindow *window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  desk_test_show_and_wait (GTK_WINDOW (window));

  return window;
}

static DeskTicketsView *
get_view (DeskWindow *window)
{
  GtkWidget *view = desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_TICKETS_VIEW);

  g_assert_nonnull (view);

  return DESK_TICKETS_VIEW (view);
}

static gboolean
model_holds (GListModel *model,
             gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (model, i);

      if (desk_ticket_get_id (ticket) == id)
        return TRUE;
    }

  return FALSE;
}

static void
search_for (DeskTicketsView *view,
            const char      *text)
{
  GtkWidget *entry = desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);

  /* The search is debounced. */
  while (g_strcmp0 (desk_ticket_list_model_get_query (model)->search ?
                    desk_ticket_list_model_get_query (model)->search : "", text) != 0 &&
         g_get_monotonic_time () < deadline)
    desk_test_spin (20);

  g_assert_cmpstr (desk_ticket_list_model_get_query (model)->search ?
                   desk_ticket_list_model_get_query (model)->search : "", ==, text);
}

/* Types the caller's phone into the dialog and picks the customer found. */
static void
choose_caller (GtkWindow  *dialog,
               const char *typed,
               const char *name)
{
  GtkWidget *lookup = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Phone, Name or Plate");
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *found = NULL;

  g_assert_nonnull (lookup);
  gtk_editable_set_text (GTK_EDITABLE (lookup), typed);

  while (found == NULL && g_get_monotonic_time () < deadline)
    {
      desk_test_spin (20);
      found = find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, name);
    }

  g_assert_nonnull (found);
  g_assert_true (GTK_IS_LIST_BOX (gtk_widget_get_parent (found)));
  g_signal_emit_by_name (gtk_widget_get_parent (found), "row-activated", found);
}

/* Tests */

static void
new_ticket (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  GtkWindow *dialog;
  GtkWidget *error_label;
  GtkWidget *description;
  DeskTicket *shown;
  const DeskTicketData *d;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-ticket", NULL));
  dialog = find_toplevel (DESK_TYPE_NEW_TICKET_DIALOG);
  g_assert_nonnull (dialog);
  desk_test_show_and_wait (dialog);

  /* Saving an empty form names the first missing field and keeps the
   * dialog open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-ticket.save", NULL));
  g_assert_true (find_toplevel (DESK_TYPE_NEW_TICKET_DIALOG) == dialog);
  error_label = find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "desk-form-error");
  g_assert_nonnull (error_label);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (error_label)), "Summary"));

  /* 李建华 calls from 139 0265 1234. */
  choose_caller (dialog, "0265 1234", "李建华");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Summary")),
                         SUMMARY);
  /* Without a category the message names it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-ticket.save", NULL));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (error_label)), "Category"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Category")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Severity")), 2);
  description = desk_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (description);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)),
                            "客户来电：交房两个月，阳台推拉门滑轨变形，门推不动，要求尽快上门维修。", -1);
  desk_test_show_and_wait (dialog);
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), "new-ticket-en.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-ticket.save", NULL));
  desk_test_spin (50);
  g_assert_null (find_toplevel (DESK_TYPE_NEW_TICKET_DIALOG));

  /* The new ticket is selected in the queue and shown. */
  shown = desk_tickets_view_get_shown_ticket (view);
  g_assert_nonnull (shown);
  d = desk_ticket_get_data (shown);
  id = d->id;
  g_assert_cmpstr (d->summary, ==, SUMMARY);
  g_assert_cmpstr (d->customer_name, ==, "李建华");
  g_assert_cmpint (d->severity, ==, DESK_SEVERITY_HIGH);
  g_assert_cmpint (d->status, ==, DESK_STATUS_RECEIVED);
  g_assert_true (model_holds (G_LIST_MODEL (model), id));

  /* Two Chinese characters of its summary find it. */
  search_for (view, SUMMARY_WORD);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  g_assert_true (model_holds (G_LIST_MODEL (model), id));
  /* ... and so does a fragment of the caller's phone number. */
  search_for (view, "02651234");
  g_assert_true (model_holds (G_LIST_MODEL (model), id));

  /* A search that finds nothing shows the empty state. */
  search_for (view, "不存在的内容");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (gtk_widget_get_mapped (desk_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE)));
  search_for (view, "");
}

static void
test_new_ticket (Fixture       *f,
                 gconstpointer  data)
{
  run_in_application (f, new_ticket);
}

static void
new_customer (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  GtkWindow *dialog;
  AdwExpanderRow *expander;
  DeskTicket *shown;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-ticket", NULL));
  dialog = find_toplevel (DESK_TYPE_NEW_TICKET_DIALOG);
  g_assert_nonnull (dialog);

  /* An unknown number: the caller becomes a new customer, the number
   * typed is their phone. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Phone, Name or Plate")), "177 0000 1234");
  expander = ADW_EXPANDER_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "New Customer"));
  g_assert_nonnull (expander);
  adw_expander_row_set_enable_expansion (expander, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                                  "Phone"))), ==, "177 0000 1234");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Customer Name")),
                         "欧阳明");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Summary")),
                         "热水器打不着火");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Kind")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Category")), 7);

  /* Ctrl+Enter typed in the description saves, as in every form: the
   * shortcut is caught before the text view would take it for a line. */
  {
    GtkWidget *description = desk_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
    g_autoptr(GtkShortcut) shortcut = NULL;
    g_autoptr(GtkShortcutTrigger) ctrl_return = gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK);
    GtkEventController *ctrl_enter = NULL;

    gtk_widget_grab_focus (description);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (g_strcmp0 (gtk_event_controller_get_name (controller), "desk-ctrl-enter") == 0)
          ctrl_enter = controller;
      }
    g_assert_nonnull (ctrl_enter);
    g_assert_cmpint (gtk_event_controller_get_propagation_phase (ctrl_enter), ==, GTK_PHASE_CAPTURE);
    shortcut = g_list_model_get_item (G_LIST_MODEL (ctrl_enter), 0);
    g_assert_true (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_return));
    g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (dialog), NULL));
  }
  desk_test_spin (50);
  g_assert_null (find_toplevel (DESK_TYPE_NEW_TICKET_DIALOG));

  shown = desk_tickets_view_get_shown_ticket (view);
  g_assert_nonnull (shown);
  g_assert_cmpstr (desk_ticket_get_data (shown)->customer_name, ==, "欧阳明");
  g_assert_cmpstr (desk_ticket_get_data (shown)->customer_phone, ==, "177 0000 1234");
  g_assert_cmpint (desk_ticket_get_data (shown)->kind, ==, DESK_TICKET_REPAIR);
}

static void
test_new_customer (Fixture       *f,
                   gconstpointer  data)
{
  run_in_application (f, new_customer);
}

static void
queues (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  GtkWidget *sidebar = find_with_class (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, "navigation-sidebar");
  GHashTable *counts = g_hash_table_new (NULL, NULL);
  guint n_queues = 0;

  g_assert_nonnull (sidebar);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i);
      const DeskTicketQuery *query;
      g_autoptr(GError) error = NULL;
      gint64 expected;

      if (row == NULL)
        break;
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));

      gtk_list_box_select_row (GTK_LIST_BOX (sidebar), row);
      query = desk_ticket_list_model_get_query (model);
      expected = desk_ticket_query_count (f->db, query, &error);
      g_assert_no_error (error);
      g_test_message ("queue %d (arg %" G_GINT64_FORMAT "): %" G_GINT64_FORMAT " tickets",
                      query->queue, query->queue_arg, expected);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
      g_hash_table_add (counts, GINT_TO_POINTER ((int)expected));
      n_queues++;
    }

  /* All open, mine, unassigned, due soon, overdue, major, callbacks,
   * each department and closed, with different contents. */
  g_assert_cmpuint (n_queues, >=, 10);
  g_assert_cmpuint (g_hash_table_size (counts), >=, 4);
  g_hash_table_unref (counts);

  g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_CLOSED, 0));
  g_assert_cmpint (desk_ticket_list_model_get_query (model)->queue, ==, DESK_QUEUE_CLOSED);
  g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_OVERDUE, 0));
  g_assert_cmpint (desk_ticket_list_model_get_query (model)->queue, ==, DESK_QUEUE_OVERDUE);

  /* A phone number searched from All Open finds the caller's closed
   * tickets too (the clerk is finding a caller), from the first column. */
  {
    DeskTicketQuery closed = { .queue = DESK_QUEUE_CLOSED, .sort = DESK_SORT_NUMBER };
    g_autoptr(GPtrArray) page = desk_ticket_query_page (f->db, &closed, NULL, 0, 1, NULL);
    const DeskTicketData *c = desk_ticket_get_data (page->pdata[0]);
    GtkWidget *table = desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
    GtkAdjustment *sideways = gtk_scrolled_window_get_hadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW)));
    gboolean found = FALSE;

    g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_OPEN, 0));
    gtk_window_set_default_size (GTK_WINDOW (window), 900, WINDOW_HEIGHT);
    desk_test_show_and_wait (GTK_WINDOW (window));
    gtk_adjustment_set_value (sideways, gtk_adjustment_get_upper (sideways));
    g_assert_cmpfloat (gtk_adjustment_get_value (sideways), >, 0);
    search_for (view, c->customer_phone);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)) && !found; i++)
      {
        g_autoptr(DeskTicket) t = g_list_model_get_item (G_LIST_MODEL (model), i);

        found = desk_ticket_get_id (t) == c->id;
      }
    g_assert_true (found);
    g_assert_cmpfloat (gtk_adjustment_get_value (sideways), ==, 0);

    /* A word is searched in the queue chosen. */
    search_for (view, "漏水");
    g_assert_cmpint (desk_ticket_list_model_get_query (model)->queue, ==, DESK_QUEUE_OPEN);
  }
}

static void
test_queues (Fixture       *f,
             gconstpointer  data)
{
  run_in_application (f, queues);
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static void
sorting (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  const DeskTicketQuery *query = desk_ticket_list_model_get_query (model);
  g_autoptr(DeskTicket) first = NULL;
  g_autoptr(DeskTicket) second = NULL;
  struct {
    const char     *title;
    DeskTicketSort  sort;
  } columns[] = {
    { "Number", DESK_SORT_NUMBER },
    { "Status", DESK_SORT_STATUS },
    { "Severity", DESK_SORT_SEVERITY },
    { "Kind", DESK_SORT_KIND },
    { "Customer", DESK_SORT_CUSTOMER },
    { "Category", DESK_SORT_CATEGORY },
    { "Department", DESK_SORT_DEPARTMENT },
    { "Owner", DESK_SORT_OWNER },
    { "Next Deadline", DESK_SORT_DEADLINE },
    { "Repeat", DESK_SORT_REPEAT },
  };

  g_assert_nonnull (table);
  /* The table shows the model itself (through stable rows), never a
   * sorted copy of it. */
  g_assert_true (desk_ticket_rows_get_source (DESK_TICKET_ROWS (gtk_single_selection_get_model (
                   GTK_SINGLE_SELECTION (gtk_column_view_get_model (table))))) == G_LIST_MODEL (model));

  /* Newest first to begin with: the Age column, youngest first. */
  g_assert_cmpint (query->sort, ==, DESK_SORT_RECEIVED);
  g_assert_true (query->descending);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkColumnViewColumn *column = column_titled (table, columns[i].title);

      g_assert_nonnull (column);
      gtk_column_view_sort_by_column (table, column, GTK_SORT_ASCENDING);
      query = desk_ticket_list_model_get_query (model);
      g_assert_cmpint (query->sort, ==, columns[i].sort);
      g_assert_false (query->descending);
      gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
      query = desk_ticket_list_model_get_query (model);
      g_assert_cmpint (query->sort, ==, columns[i].sort);
      g_assert_true (query->descending);
    }

  /* The rows follow: by number, ascending. */
  gtk_column_view_sort_by_column (table, column_titled (table, "Number"), GTK_SORT_ASCENDING);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (desk_ticket_get_number (first), <, desk_ticket_get_number (second));

  /* Age ascending is the newest first. */
  gtk_column_view_sort_by_column (table, column_titled (table, "Age"), GTK_SORT_ASCENDING);
  query = desk_ticket_list_model_get_query (model);
  g_assert_cmpint (query->sort, ==, DESK_SORT_RECEIVED);
  g_assert_true (query->descending);

  /* No sort column: newest first. */
  gtk_column_view_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
  query = desk_ticket_list_model_get_query (model);
  g_assert_cmpint (query->sort, ==, DESK_SORT_RECEIVED);
  g_assert_true (query->descending);

  desk_test_show_and_wait (GTK_WINDOW (window));
}

/* The texts of the table's row on screen that shows @number, or NULL. */
static GStrv
row_texts (GtkColumnView *table,
           const char    *number)
{
  g_autoptr(GPtrArray) cells = desk_test_find_widgets (GTK_WIDGET (table), GTK_TYPE_INSCRIPTION);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  graphene_point_t at;
  float row_y = -1;

  for (guint i = 0; i < cells->len && row_y < 0; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (cells, i)) &&
        g_strcmp0 (gtk_inscription_get_text (g_ptr_array_index (cells, i)), number) == 0 &&
        gtk_widget_compute_point (g_ptr_array_index (cells, i), GTK_WIDGET (table),
                                  &GRAPHENE_POINT_INIT (0, 0), &at))
      row_y = at.y;
  if (row_y < 0)
    return NULL;

  for (guint i = 0; i < cells->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (cells, i)) &&
        gtk_widget_compute_point (g_ptr_array_index (cells, i), GTK_WIDGET (table),
                                  &GRAPHENE_POINT_INIT (0, 0), &at) &&
        at.y == row_y)
      g_strv_builder_add (builder, gtk_inscription_get_text (g_ptr_array_index (cells, i)) ?: "");

  return g_strv_builder_end (builder);
}

/* The cells on screen follow their ticket when it changes, and those that
 * tick with the clock stop with their window. */
static void
cells_follow (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GError) error = NULL;
  const DeskTicketStatus *next;
  DeskTicketStatus status = DESK_STATUS_CLOSED;
  g_autofree char *number = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  gint64 id, revision;
  guint n_next;

  gtk_column_view_sort_by_column (table, column_titled (table, "Number"), GTK_SORT_ASCENDING);
  desk_test_show_and_wait (GTK_WINDOW (window));
  {
    g_autoptr(DeskTicket) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    const DeskTicketData *d = desk_ticket_get_data (first);

    number = g_strdup (d->number);
    id = d->id;
    revision = d->revision;
    next = desk_ticket_workflow_next_statuses (d->kind, d->status, &n_next);
    for (guint i = 0; i < n_next && status == DESK_STATUS_CLOSED; i++)
      if (next[i] != DESK_STATUS_CLOSED && next[i] != d->status)
        status = next[i];
    g_assert_cmpint (status, !=, DESK_STATUS_CLOSED);

    before = row_texts (table, number);
    g_assert_nonnull (before);
    g_assert_true (g_strv_contains ((const char * const *)before, desk_ticket_status_get_label (d->status)));
    g_assert_false (g_strv_contains ((const char * const *)before, desk_ticket_status_get_label (status)));
  }

  g_assert_true (desk_ticket_store_set_status (f->db, id, revision, status, 0, NULL, &error));
  g_assert_no_error (error);
  desk_test_show_and_wait (GTK_WINDOW (window));
  after = row_texts (table, number);
  g_assert_nonnull (after);
  g_assert_true (g_strv_contains ((const char * const *)after, desk_ticket_status_get_label (status)));

  /* The minute's tick redoes the cells relative to now, and nothing after
   * their window is gone (a cell left in the clock's list would be freed
   * memory by then). */
  g_signal_emit_by_name (desk_minute_clock_get_default (), "tick");
  g_clear_pointer (&after, g_strfreev);
  after = row_texts (table, number);
  g_assert_nonnull (after);
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_spin (50);
  g_signal_emit_by_name (desk_minute_clock_get_default (), "tick");
}

/* From a list of one back to the open queue: the table takes a window's
 * height of rows for the first frame and all of them after it. */
static void
short_list_grows (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)));
  g_autoptr(DeskTicket) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_autofree char *number = g_strdup (desk_ticket_get_number (first));
  guint n_open = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_auto(GStrv) texts = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_open);
  g_assert_cmpuint (n_open, >, 40);

  search_for (view, number);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  desk_test_show_and_wait (GTK_WINDOW (window));

  g_signal_emit_by_name (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY), "stop-search");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_open);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_open);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, WINDOW_HEIGHT / 30);

  desk_test_show_and_wait (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_open);
  texts = row_texts (table, number);
  g_assert_nonnull (texts);
}

static void
test_short_list_grows (Fixture       *f,
                       gconstpointer  data)
{
  run_in_application (f, short_list_grows);
}

static void
test_cells_follow (Fixture       *f,
                   gconstpointer  data)
{
  run_in_application (f, cells_follow);
}

static void
test_sorting (Fixture       *f,
              gconstpointer  data)
{
  run_in_application (f, sorting);
}

static void
stale_save (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketDetail *detail = DESK_TICKET_DETAIL (desk_test_find_widget (GTK_WIDGET (view), DESK_TYPE_TICKET_DETAIL));
  g_autoptr(DeskDatabase) other = NULL;
  g_autoptr(DeskTicket) latest = NULL;
  g_autoptr(GError) error = NULL;
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  const DeskTicketData *d;
  const DeskTicketStatus *next;
  guint n_next;
  gint64 id;
  gint64 revision;

  g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_UNASSIGNED, 0));
  gtk_selection_model_select_item (gtk_column_view_get_model (table), 0, TRUE);
  g_assert_true (desk_ticket_detail_get_ticket (detail) == desk_tickets_view_get_shown_ticket (view));
  d = desk_ticket_get_data (desk_ticket_detail_get_ticket (detail));
  id = d->id;
  revision = d->revision;
  next = desk_ticket_workflow_next_statuses (d->kind, d->status, &n_next);
  g_assert_cmpuint (n_next, >=, 1);

  /* Someone else, on another connection (no signal here), adds a step. */
  other = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (d->department_id <= 0)
    {
      g_autoptr(GPtrArray) departments = desk_office_store_list_departments (other, &error);

      g_assert_true (desk_ticket_store_assign (other, id, revision++,
                                               desk_department_get_id (departments->pdata[0]), 0, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (desk_ticket_store_set_status (other, id, revision, next[0], 0, "另一位同事处理", &error));
  g_assert_no_error (error);

  /* Our change names the old revision: refused, and the pane shows the
   * latest. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.set-status", "i", next[0]));
  latest = desk_ticket_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_data (latest)->revision, ==, revision + 1);
  g_assert_cmpint (desk_ticket_get_data (desk_ticket_detail_get_ticket (detail))->revision, ==, revision + 1);
  g_assert_cmpint (desk_ticket_get_data (desk_ticket_detail_get_ticket (detail))->status, ==, next[0]);

  /* A note goes on the timeline. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-note", NULL));
  {
    AdwEntryRow *note = ADW_ENTRY_ROW (find_row (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW, "Add Note"));
    g_autoptr(GPtrArray) events = NULL;

    g_assert_nonnull (note);
    gtk_editable_set_text (GTK_EDITABLE (note), "已电话联系客户，约明天上午上门");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-note", NULL));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");
    events = desk_ticket_store_timeline (f->db, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((DeskTicketEvent *)g_ptr_array_index (events, events->len - 1))->note, ==,
                     "已电话联系客户，约明天上午上门");
  }
}

/* Assigning: the owner list puts the chosen department's people first,
 * and follows when another department is chosen. */
static guint
count_in (GPtrArray *staff,
          gint64     department_id)
{
  guint n = 0;

  for (guint i = 0; i < staff->len; i++)
    n += desk_staff_get_department_id (staff->pdata[i]) == department_id;
  return n;
}

static const char *
owner_name_at (GtkDropDown *owners,
               guint        position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (owners)), position);
}

static gboolean
is_in (GPtrArray  *staff,
       const char *name,
       gint64      department_id)
{
  for (guint i = 0; i < staff->len; i++)
    {
      g_autofree char *shown = desk_staff_dup_display_name (staff->pdata[i]);

      if (g_strcmp0 (shown, name) == 0)
        return desk_staff_get_department_id (staff->pdata[i]) == department_id;
    }
  return FALSE;
}

/* The Assign button: the menu button whose popover holds drop-downs. */
static GtkMenuButton *
find_assign_button (DeskTicketDetail *detail)
{
  g_autoptr(GPtrArray) buttons = desk_test_find_widgets (GTK_WIDGET (detail), GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkPopover *popover = gtk_menu_button_get_popover (buttons->pdata[i]);

      if (popover != NULL && desk_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN) != NULL)
        return buttons->pdata[i];
    }
  g_assert_not_reached ();
}

static void
assign_owners (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketDetail *detail = DESK_TICKET_DETAIL (desk_test_find_widget (GTK_WIDGET (view), DESK_TYPE_TICKET_DETAIL));
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GPtrArray) staff = desk_office_store_list_staff (f->db, NULL);
  g_autoptr(GPtrArray) departments = desk_office_store_list_departments (f->db, NULL);
  g_autoptr(GPtrArray) dropdowns = NULL;
  GtkMenuButton *assign = NULL;
  GtkDropDown *department, *owners;
  const DeskTicketData *d;
  gint64 other_department = 0;
  guint other_position = 0;
  guint n;

  g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_OPEN, 0));
  for (guint i = 0; ; i++)
    {
      gtk_selection_model_select_item (gtk_column_view_get_model (table), i, TRUE);
      d = desk_ticket_get_data (desk_ticket_detail_get_ticket (detail));
      if (d->department_id > 0)
        break;
    }

  assign = find_assign_button (detail);
  gtk_menu_button_popup (assign);
  desk_test_spin (50);

  dropdowns = desk_test_find_widgets (GTK_WIDGET (gtk_menu_button_get_popover (assign)), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (dropdowns->len, ==, 2);
  department = dropdowns->pdata[0];
  owners = dropdowns->pdata[1];

  /* The ticket's department's people come right after "Unassigned". */
  n = count_in (staff, d->department_id);
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 1; i <= n; i++)
    g_assert_true (is_in (staff, owner_name_at (owners, i), d->department_id));
  g_assert_false (is_in (staff, owner_name_at (owners, n + 1), d->department_id));

  /* Another department chosen: its people first; the owner kept. */
  for (guint i = 0; i < departments->len; i++)
    if (desk_department_get_id (departments->pdata[i]) != d->department_id &&
        count_in (staff, desk_department_get_id (departments->pdata[i])) > 0)
      {
        other_department = desk_department_get_id (departments->pdata[i]);
        other_position = i + 1;
        break;
      }
  g_assert_cmpint (other_department, >, 0);
  gtk_drop_down_set_selected (owners, 0);
  gtk_drop_down_set_selected (department, other_position);
  n = count_in (staff, other_department);
  for (guint i = 1; i <= n; i++)
    g_assert_true (is_in (staff, owner_name_at (owners, i), other_department));
  g_assert_cmpuint (gtk_drop_down_get_selected (owners), ==, 0);
  gtk_popover_popdown (gtk_menu_button_get_popover (assign));
}

static void
test_assign_owners (Fixture       *f,
                    gconstpointer  data)
{
  run_in_application (f, assign_owners);
}

static void
test_stale_save (Fixture       *f,
                 gconstpointer  data)
{
  run_in_application (f, stale_save);
}

/* Whether a label under @root shows text containing @part. */
static gboolean
shows_text (GtkWidget  *root,
            const char *part)
{
  g_autoptr(GPtrArray) labels = desk_test_find_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), part) != NULL)
      return TRUE;
  return FALSE;
}

/* Forwarded with no department asks for the department and forwards in
 * one go; closing over a notice nobody verified asks first. */
static void
forward_and_close (Fixture    *f,
                   const char *language)
{
  g_autofree char *asks_picture = g_strdup_printf ("forward-asks-department-%s.png", language);
  g_autofree char *dialog_picture = g_strdup_printf ("close-unverified-dialog-%s.png", language);
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketDetail *detail = DESK_TICKET_DETAIL (desk_test_find_widget (GTK_WIDGET (view), DESK_TYPE_TICKET_DETAIL));
  g_autoptr(GPtrArray) departments = desk_office_store_list_departments (f->db, NULL);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) dropdowns = NULL;
  g_autoptr(DeskTicket) created = NULL;
  g_autoptr(DeskTicket) after = NULL;
  g_autoptr(DeskNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  GtkMenuButton *assign = NULL;
  AdwMessageDialog *dialog;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *due = g_date_time_format (today, "%Y-%m-%d");
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT,
    .severity = DESK_SEVERITY_NORMAL,
    .summary = "阳台推拉门关不严",
  };
  DeskNoticeDraft notice_draft = {
    .recipient = "工程部",
    .problem = "阳台推拉门关不严",
    .rectification = "调整门轨",
    .due_date = due,
  };
  gint64 id;

  g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_OPEN, 0));
  {
    g_autoptr(DeskTicket) first = g_list_model_get_item (G_LIST_MODEL (desk_tickets_view_get_model (view)), 0);

    draft.customer_id = desk_ticket_get_data (first)->customer_id;
    draft.category_id = desk_ticket_get_data (first)->category_id;
  }
  created = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);
  id = desk_ticket_get_id (created);
  desk_test_show_and_wait (GTK_WINDOW (window));
  g_assert_true (desk_tickets_view_select_ticket (view, id));
  g_assert_cmpint (desk_ticket_get_id (desk_ticket_detail_get_ticket (detail)), ==, id);

  /* Its next deadline says what is due and who must act. */
  {
    g_autoptr(GArray) deadlines = desk_deadline_store_evaluate (f->db, id, g_get_real_time () / G_USEC_PER_SEC, &error);
    const DeskDeadline *first = NULL;
    g_autofree char *what = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < deadlines->len; i++)
      {
        const DeskDeadline *dl = &g_array_index (deadlines, DeskDeadline, i);

        if (dl->met_at == 0 && (first == NULL || dl->due_at < first->due_at))
          first = dl;
      }
    g_assert_nonnull (first);
    what = g_strdup_printf ("%s · %s · ", desk_rule_get_label (first->rule), desk_role_get_label (first->rule->role));
    g_assert_true (shows_text (GTK_WIDGET (detail), what));
  }

  buttons = desk_test_find_widgets (GTK_WIDGET (detail), GTK_TYPE_MENU_BUTTON);
  assign = find_assign_button (detail);

  /* Forwarded, no department: the assign popover opens, nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.set-status", "i", DESK_STATUS_FORWARDED));
  desk_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (assign))));
  desk_test_save_and_check_picture (GTK_WIDGET (gtk_menu_button_get_popover (assign)), asks_picture);
  after = desk_ticket_store_get (f->db, id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->status, ==, DESK_STATUS_RECEIVED);
  g_clear_object (&after);

  /* A department chosen and assigned: assigned and forwarded at once. */
  dropdowns = desk_test_find_widgets (GTK_WIDGET (gtk_menu_button_get_popover (assign)), GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (dropdowns->pdata[0], 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.assign", NULL));
  after = desk_ticket_store_get (f->db, id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->department_id, ==, desk_department_get_id (departments->pdata[0]));
  g_assert_cmpint (desk_ticket_get_data (after)->status, ==, DESK_STATUS_FORWARDED);
  g_clear_object (&after);

  /* The status menu: the next step, then the statuses further along. */
  {
    GtkMenuButton *status_button = NULL;
    GMenuModel *menu, *next_steps, *further;
    g_autofree char *further_label = NULL;
    g_autofree char *menu_picture = g_strdup_printf ("status-menu-%s.png", language);

    for (guint i = 0; i < buttons->len; i++)
      if (gtk_menu_button_get_menu_model (buttons->pdata[i]) != NULL &&
          g_menu_model_get_n_items (gtk_menu_button_get_menu_model (buttons->pdata[i])) <= 2 &&
          g_menu_model_get_item_link (gtk_menu_button_get_menu_model (buttons->pdata[i]), 0, G_MENU_LINK_SECTION))
        status_button = buttons->pdata[i];
    g_assert_nonnull (status_button);
    menu = gtk_menu_button_get_menu_model (status_button);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    next_steps = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    further = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (next_steps), ==, 1);
    g_assert_cmpint (g_menu_model_get_n_items (further), ==, 3);
    g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &further_label));
    g_assert_cmpstr (further_label, ==, _("Further Along"));
    g_object_unref (next_steps);
    g_object_unref (further);
    gtk_menu_button_popup (status_button);
    desk_test_spin (50);
    desk_test_save_and_check_picture (GTK_WIDGET (gtk_menu_button_get_popover (status_button)), menu_picture);
    gtk_menu_button_popdown (status_button);
  }

  g_assert_true (desk_ticket_store_set_status (f->db, id, desk_ticket_get_data (desk_ticket_detail_get_ticket (detail))->revision,
                                               DESK_STATUS_CONTACTED, 0, NULL, &error));
  g_assert_no_error (error);
  desk_ticket_detail_reload (detail);

  /* Closing while its notice is rectified but not verified: asked. */
  notice_draft.ticket_id = id;
  notice = desk_notice_store_issue (f->db, &notice_draft, 0, &error);
  g_assert_no_error (error);
  g_assert_true (desk_notice_store_set_rectified (f->db, desk_notice_get_id (notice), 0, NULL, 0, &error));
  g_assert_no_error (error);
  desk_ticket_detail_reload (detail);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.set-status", "i", DESK_STATUS_CLOSED));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), desk_notice_get_number (notice)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  desk_test_show_and_wait (GTK_WINDOW (dialog));
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), dialog_picture);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = desk_ticket_store_get (f->db, id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->status, ==, DESK_STATUS_CONTACTED);
  g_clear_object (&after);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.set-status", "i", DESK_STATUS_CLOSED));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = desk_ticket_store_get (f->db, id, &error);
  g_assert_cmpint (desk_ticket_get_data (after)->status, ==, DESK_STATUS_CLOSED);
}

static void
forward_and_close_en (Fixture *f)
{
  forward_and_close (f, "en");
}

static void
test_forward_and_close_en (Fixture       *f,
                           gconstpointer  data)
{
  run_in_application (f, forward_and_close_en);
}

static void
forward_and_close_zh_cn (Fixture *f)
{
  forward_and_close (f, "zh_CN");
}

static void
test_forward_and_close_zh_cn (Fixture       *f,
                              gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  run_in_application (f, forward_and_close_zh_cn);
}

/* The timeline holds data, not sentences: a call, a field changed and a
 * customer's new phone read in the reader's language, whoever wrote them
 * (the demo office was once made by an English command line). */
static void
timeline_language (Fixture    *f,
                   gboolean    chinese)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) categories = desk_category_store_list (f->db, NULL);
  DeskTicketQuery open = { .queue = DESK_QUEUE_OPEN, .sort = DESK_SORT_NUMBER };
  g_autoptr(GPtrArray) page = desk_ticket_query_page (f->db, &open, NULL, 0, 1, &error);
  DeskCallbackAnswer given[] = {
    { "attitude", DESK_RATING_SATISFIED, NULL },
    { "quality", DESK_RATING_UNSATISFIED, "还在漏水" },
  };
  DeskCallbackOutcome outcome = {
    .result = DESK_CALL_CONVENIENT, .answers = given, .n_answers = G_N_ELEMENTS (given),
    .new_phone = "13902650000",
  };
  DeskTicketData edit;
  DeskCategory *other = NULL;
  gboolean saw_call = FALSE, saw_category = FALSE, saw_phone = FALSE;
  gint64 call;

  g_assert_no_error (error);
  ticket = g_object_ref (page->pdata[0]);
  call = desk_callback_store_add (f->db, desk_ticket_get_data (ticket)->customer_id, desk_ticket_get_id (ticket),
                                  DESK_CALLBACK_MANUAL, g_get_real_time () / G_USEC_PER_SEC, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (desk_callback_store_record_outcome (f->db, call, &outcome, 0, 0, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&ticket);
  ticket = desk_ticket_store_get (f->db, desk_ticket_get_id (page->pdata[0]), &error);
  for (guint i = 0; i < categories->len && other == NULL; i++)
    if (((DeskCategory *)categories->pdata[i])->id != desk_ticket_get_data (ticket)->category_id)
      other = categories->pdata[i];
  edit = *desk_ticket_get_data (ticket);
  edit.category_id = other->id;
  g_assert_true (desk_ticket_store_update (f->db, &edit, 0, &error));
  g_assert_no_error (error);

  events = desk_ticket_store_timeline (f->db, desk_ticket_get_id (ticket), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      DeskTicketEvent *e = events->pdata[i];
      g_autofree char *text = desk_ticket_event_describe (f->db, e);

      g_assert_null (strstr (text, e->kind)); /* never the internal word */
      if (g_str_equal (e->kind, "callback"))
        {
          saw_call = TRUE;
          g_assert_nonnull (strstr (text, desk_callback_reason_get_label (DESK_CALLBACK_MANUAL)));
          g_assert_nonnull (strstr (text, desk_rating_get_label (DESK_RATING_UNSATISFIED)));
          g_assert_nonnull (strstr (text, chinese ? "回访" : "Callback"));
          g_assert_cmpstr (e->note, ==, "还在漏水");
        }
      if (g_str_equal (e->kind, "field") && g_str_equal (e->field, "category"))
        {
          saw_category = TRUE;
          g_assert_nonnull (strstr (text, desk_category_pick_name (other->name_en, other->name_zh)));
        }
      if (g_str_equal (e->kind, "customer"))
        {
          saw_phone = TRUE;
          g_assert_nonnull (strstr (text, "13902650000"));
          g_assert_nonnull (strstr (text, chinese ? "电话" : "Phone"));
        }
      if (chinese)
        g_assert_null (strstr (text, "reached"));
    }
  g_assert_true (saw_call && saw_category && saw_phone);
}

static void
test_timeline_language_en (Fixture       *f,
                           gconstpointer  data)
{
  timeline_language (f, FALSE);
}

static void
test_timeline_language_zh_cn (Fixture       *f,
                              gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  timeline_language (f, TRUE);
}

/* The latest event of @kind on a ticket's timeline, or NULL. */
static DeskTicketEvent *
last_event (DeskDatabase *db,
            gint64        id,
            const char   *kind)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = desk_ticket_store_timeline (db, id, &error);
  g_assert_no_error (error);
  for (guint i = events->len; i > 0; i--)
    if (g_str_equal (((DeskTicketEvent *)g_ptr_array_index (events, i - 1))->kind, kind))
      return g_ptr_array_steal_index (events, i - 1);

  return NULL;
}

/* Escalating asks for a reason, merging asks for confirmation: both are
 * hard to undo, and the timeline should say why. */
static void
escalate_and_merge (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketDetail *detail = DESK_TICKET_DETAIL (desk_test_find_widget (GTK_WIDGET (view), DESK_TYPE_TICKET_DETAIL));
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  GtkEditable *other_entry = GTK_EDITABLE (desk_test_find_widget (GTK_WIDGET (detail), GTK_TYPE_ENTRY));
  g_autoptr(DeskTicketEvent) escalated = NULL;
  g_autoptr(DeskTicketEvent) unmerged = NULL;
  g_autoptr(DeskTicketEvent) merged = NULL;
  g_autoptr(DeskTicket) other = NULL;
  g_autoptr(DeskTicket) after = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  g_assert_nonnull (other_entry);
  g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_OPEN, 0));
  gtk_selection_model_select_item (gtk_column_view_get_model (table), 0, TRUE);
  id = desk_ticket_get_id (desk_ticket_detail_get_ticket (detail));
  other = g_list_model_get_item (G_LIST_MODEL (desk_tickets_view_get_model (view)), 1);

  /* Escalate: a dialog with a reason, which lands on the timeline. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.escalate", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "客户第三次来电，情绪激动");
  desk_test_show_and_wait (GTK_WINDOW (dialog));
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), "escalate-dialog.png");
  adw_message_dialog_response (dialog, "escalate");
  gtk_window_destroy (GTK_WINDOW (dialog));
  escalated = last_event (f->db, id, "escalate");
  g_assert_nonnull (escalated);
  g_assert_cmpstr (escalated->note, ==, "客户第三次来电，情绪激动");

  /* Merge, cancelled: nothing happens. */
  gtk_editable_set_text (other_entry, desk_ticket_get_number (other));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.merge", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  unmerged = last_event (f->db, id, "merge");
  g_assert_null (unmerged);

  /* Merge, confirmed: closed as merged into the other one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.merge", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "merge");
  gtk_window_destroy (GTK_WINDOW (dialog));
  merged = last_event (f->db, id, "merge");
  g_assert_nonnull (merged);
  g_assert_cmpstr (merged->new_value, ==, desk_ticket_get_number (other));
  after = desk_ticket_store_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_data (after)->closed_at, >, 0);
}

static void
test_escalate_and_merge (Fixture       *f,
                         gconstpointer  data)
{
  run_in_application (f, escalate_and_merge);
}

/* The picture: a ticket with a history selected, detail pane open. */
static void
check_pictures (Fixture    *f,
                const char *picture)
{
  DeskWindow *window = create_window (f);
  DeskTicketsView *view = get_view (window);
  DeskTicketListModel *model = desk_tickets_view_get_model (view);
  GtkColumnView *table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  guint chosen = 0;

  /* A repeat complaint, assigned, if the office has one near the top. */
  for (guint i = 0; i < MIN (40, g_list_model_get_n_items (G_LIST_MODEL (model))); i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (G_LIST_MODEL (model), i);
      const DeskTicketData *d = desk_ticket_get_data (ticket);

      if (d->owner_id != 0 && d->description != NULL)
        {
          chosen = i;
          if (d->repeat_count > 1)
            break;
        }
    }

  gtk_selection_model_select_item (gtk_column_view_get_model (table), chosen, TRUE);
  g_assert_nonnull (desk_tickets_view_get_shown_ticket (view));
  desk_test_show_and_wait (GTK_WINDOW (window));
  desk_test_spin (100);
  desk_test_save_and_check_picture (GTK_WIDGET (window), picture);
}

/* A complaint's words suggest it is major (lawyers, media, compensation
 * …): the switch follows the suggestion, the row says which criteria,
 * and once the clerk sets the switch it is theirs. */
static void
major_suggestion (Fixture    *f,
                  const char *suffix)
{
  GtkWindow *dialog = desk_new_ticket_dialog_new (f->db, 0);
  GtkWidget *major_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, _("Major Complaint"));
  GtkWidget *description = desk_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (description));
  GtkSwitch *major;
  const char *hint;
  g_autofree char *picture = g_strdup_printf ("new-ticket-major-%s.png", suffix);

  g_assert_nonnull (major_row);
  major = GTK_SWITCH (desk_test_find_widget (major_row, GTK_TYPE_SWITCH));
  hint = _("Compensation, safety, media, lawyers, police or a government office involved");
  desk_test_show_and_wait (dialog);
  g_assert_false (gtk_switch_get_active (major));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (major_row)), ==, hint);

  gtk_text_buffer_set_text (buffer, "业主说再不解决就找记者曝光。", -1);
  g_assert_true (gtk_switch_get_active (major));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (major_row)),
                            g_dpgettext2 (NULL, "major complaint", "Media")));
  desk_test_spin (50);
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), picture);

  /* Words taken back: so is the suggestion. */
  gtk_text_buffer_set_text (buffer, "阳台推拉门滑轨变形。", -1);
  g_assert_false (gtk_switch_get_active (major));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (major_row)), ==, hint);

  /* The clerk decides: not major, whatever is typed afterwards. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Summary"))),
                         "要求赔偿");
  g_assert_true (gtk_switch_get_active (major));
  gtk_switch_set_active (major, FALSE);
  gtk_text_buffer_set_text (buffer, "已经请了律师。", -1);
  g_assert_false (gtk_switch_get_active (major));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (major_row)),
                            g_dpgettext2 (NULL, "major complaint", "Lawyers or the courts")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (major_row)),
                            g_dpgettext2 (NULL, "major complaint", "Compensation demanded")));

  gtk_window_destroy (dialog);
}

static void
major_suggestion_en (Fixture *f)
{
  major_suggestion (f, "en");
}

static void
test_major_suggestion_en (Fixture       *f,
                          gconstpointer  data)
{
  run_in_application (f, major_suggestion_en);
}

static void
major_suggestion_zh_cn (Fixture *f)
{
  major_suggestion (f, "zh_CN");
}

static void
test_major_suggestion_zh_cn (Fixture       *f,
                             gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  run_in_application (f, major_suggestion_zh_cn);
}

static void
pictures_en (Fixture *f)
{
  check_pictures (f, "tickets-en.png");
}

static void
test_pictures_en (Fixture       *f,
                  gconstpointer  data)
{
  run_in_application (f, pictures_en);
}

static void
pictures_zh_cn (Fixture *f)
{
  check_pictures (f, "tickets-zh_CN.png");
}

static void
test_pictures_zh_cn (Fixture       *f,
                     gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  run_in_application (f, pictures_zh_cn);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add ("/desk/tickets-view/assign-owners", Fixture, NULL, fixture_set_up, test_assign_owners,
              fixture_tear_down);
  g_test_add ("/desk/tickets-view/new-ticket", Fixture, NULL,
              fixture_set_up, test_new_ticket, fixture_tear_down);
  g_test_add ("/desk/tickets-view/new-customer", Fixture, NULL,
              fixture_set_up, test_new_customer, fixture_tear_down);
  g_test_add ("/desk/tickets-view/queues", Fixture, NULL,
              fixture_set_up, test_queues, fixture_tear_down);
  g_test_add ("/desk/tickets-view/sorting", Fixture, NULL,
              fixture_set_up, test_sorting, fixture_tear_down);
  g_test_add ("/desk/tickets-view/short-list-grows", Fixture, NULL,
              fixture_set_up, test_short_list_grows, fixture_tear_down);
  g_test_add ("/desk/tickets-view/cells-follow", Fixture, NULL,
              fixture_set_up, test_cells_follow, fixture_tear_down);
  g_test_add ("/desk/tickets-view/stale-save", Fixture, NULL,
              fixture_set_up, test_stale_save, fixture_tear_down);
  g_test_add ("/desk/tickets-view/forward-and-close/en", Fixture, NULL,
              fixture_set_up, test_forward_and_close_en, fixture_tear_down);
  g_test_add ("/desk/tickets-view/forward-and-close/zh_CN", Fixture, NULL,
              fixture_set_up, test_forward_and_close_zh_cn, fixture_tear_down);
  g_test_add ("/desk/tickets-view/timeline-language/en", Fixture, NULL,
              fixture_set_up, test_timeline_language_en, fixture_tear_down);
  g_test_add ("/desk/tickets-view/timeline-language/zh_CN", Fixture, NULL,
              fixture_set_up, test_timeline_language_zh_cn, fixture_tear_down);
  g_test_add ("/desk/tickets-view/escalate-and-merge", Fixture, NULL,
              fixture_set_up, test_escalate_and_merge, fixture_tear_down);
  g_test_add ("/desk/tickets-view/major-suggestion/en", Fixture, NULL,
              fixture_set_up, test_major_suggestion_en, fixture_tear_down);
  g_test_add ("/desk/tickets-view/major-suggestion/zh_CN", Fixture, NULL,
              fixture_set_up, test_major_suggestion_zh_cn, fixture_tear_down);
  g_test_add ("/desk/tickets-view/pictures/en", Fixture, NULL,
              fixture_set_up, test_pictures_en, fixture_tear_down);
  g_test_add ("/desk/tickets-view/pictures/zh_CN", Fixture, NULL,
              fixture_set_up, test_pictures_zh_cn, fixture_tear_down);

  return g_test_run ();
}
