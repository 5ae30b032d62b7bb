/* test-notices-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-notices-view"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-gui-private.h"
#include "desk-gui-test.h"
#include "desk-notice-dialog.h"
#include "desk-notice-print.h"
#include "desk-notice-store.h"
#include "desk-notices-window.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-notices.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"

/* The Issue Notice dialog, the ticket detail's notices and the notices
 * window, against the demo office (which has issued notices already). */

typedef DeskGuiFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-notices-view");
  g_settings_set_string (f->settings, "current-user", "S007");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

/* A complaint of the demo office that has no notice yet. */
static DeskTicket *
complaint_without_notice (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DeskTicketQuery query = { .queue = DESK_QUEUE_OPEN, .sort = DESK_SORT_RECEIVED, .descending = TRUE };
  g_autoptr(GPtrArray) tickets = desk_ticket_query_page (f->db, &query, NULL, 0, 200, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < tickets->len; i++)
    {
      const DeskTicketData *d = desk_ticket_get_data (tickets->pdata[i]);
      g_autoptr(GPtrArray) notices = desk_notice_store_for_ticket (f->db, d->id, &error);

      if (d->kind == DESK_TICKET_COMPLAINT && notices->len == 0 && d->department_name != NULL)
        return g_object_ref (tickets->pdata[i]);
    }
  g_assert_not_reached ();
}

static void
set_text_view (GtkWidget  *root,
               guint       index,
               const char *text)
{
  g_autoptr(GPtrArray) views = desk_test_find_widgets (root, GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, >, index);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[index]), text, -1);
}

static void
issued_cb (DeskNoticeDialog  *dialog,
           DeskNotice        *notice,
           DeskNotice       **out)
{
  *out = g_object_ref (notice);
}

/* The form's line on what the notice prints as its recipient. */
static void
describes (GtkWidget  *recipient,
           const char *format,
           const char *name)
{
  g_autofree char *expected = NULL;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (recipient,
                                                                               ADW_TYPE_PREFERENCES_GROUP));

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  expected = g_strdup_printf (format, name);
#pragma GCC diagnostic pop
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==, expected);
}

/* Files go to the clerk's Documents folder (or home), not the program's
 * folder; a folder chosen once is where the next chooser starts; Print to
 * File writes the notice's number there. */
static void
files_body (Fixture *f)
{
  g_autoptr(GFile) start = _desk_documents_folder ();
  g_autoptr(GFile) here = g_file_new_for_path (g_get_current_dir ());
  g_autoptr(GFile) chosen = g_file_new_build_filename (f->dir, "ZG-2026-0001.pdf", NULL);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GtkFileChooserNative) first = NULL;
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *expected = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_assert_false (g_file_equal (start, here));
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    g_assert_cmpstr (g_file_peek_path (start), ==, documents);
  else
    g_assert_cmpstr (g_file_peek_path (start), ==, g_get_home_dir ());

  /* A chooser starts there. */
  first = gtk_file_chooser_native_new ("first", NULL, GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  _desk_file_chooser_start_in_documents (GTK_FILE_CHOOSER (first));
  g_assert_true (g_signal_has_handler_pending (first, g_signal_lookup ("response", GTK_TYPE_NATIVE_DIALOG), 0, FALSE));

  /* The clerk saved into the fixture's folder: it is where the next
   * chooser, and Print to File, start. */
  _desk_remember_chosen_file (chosen);
  folder = _desk_documents_folder ();
  g_assert_cmpstr (g_file_peek_path (folder), ==, f->dir);

  _desk_print_operation_print_to_documents (operation, "ZG-2026-0186");
  expected = g_filename_to_uri (f->dir, NULL, NULL);
  g_assert_true (g_str_has_prefix (gtk_print_settings_get (gtk_print_operation_get_print_settings (operation),
                                                           GTK_PRINT_SETTINGS_OUTPUT_URI), expected));
  g_assert_true (g_str_has_suffix (gtk_print_settings_get (gtk_print_operation_get_print_settings (operation),
                                                           GTK_PRINT_SETTINGS_OUTPUT_URI), "/ZG-2026-0186.pdf"));
}

static void
test_files (Fixture       *f,
            gconstpointer  data)
{
  desk_gui_fixture_run (f, files_body, FALSE);
}

static void
dialog_body (Fixture    *f,
             const char *picture)
{
  g_autoptr(DeskTicket) ticket = complaint_without_notice (f);
  g_autoptr(DeskNotice) issued = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *picture_error = g_strconcat ("error-", picture, NULL);
  graphene_point_t before, after;
  g_autofree char *picture_new = g_strconcat ("new-recipient-", picture, NULL);
  GtkWindow *dialog = desk_notice_dialog_new (f->db, ticket, 0);
  GtkWidget *recipient;
  GtkWidget *focus;
  GtkLabel *message;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "issued", G_CALLBACK (issued_cb), &issued);
  gtk_window_set_default_size (dialog, 600, 720);
  desk_test_show_and_wait (dialog);

  /* Filled in from the ticket: the recipient is its department. */
  rows = desk_test_find_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  recipient = rows->pdata[0];
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (recipient)), ==,
                   desk_ticket_get_data (ticket)->department_name);
  set_text_view (GTK_WIDGET (dialog), 1, "拆除并重做防水层，完成后做闭水试验，报质检部验收。");
  desk_test_spin (50);
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), picture);

  /* No recipient: refused, the field is marked and focused, and the
   * message names it, below the form: the fields stay where the pointer
   * left them. */
  g_assert_true (gtk_widget_compute_point (recipient, GTK_WIDGET (dialog), &GRAPHENE_POINT_INIT (0, 0), &before));
  gtk_editable_set_text (GTK_EDITABLE (recipient), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.issue", NULL));
  desk_test_spin (300);
  g_assert_true (gtk_widget_compute_point (recipient, GTK_WIDGET (dialog), &GRAPHENE_POINT_INIT (0, 0), &after));
  g_assert_cmpfloat (after.y, ==, before.y);
  g_assert_nonnull (dialog);
  g_assert_null (issued);
  g_assert_true (gtk_widget_has_css_class (recipient, "error"));
  focus = gtk_window_get_focus (dialog);
  g_assert_true (focus != NULL && (focus == recipient || gtk_widget_is_ancestor (focus, recipient)));
  message = GTK_LABEL (desk_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL));
  g_assert_nonnull (message);
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), picture_error);

  /* A date typed where the recipient goes: not a name, refused. */
  gtk_editable_set_text (GTK_EDITABLE (recipient), "2026-11-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.issue", NULL));
  desk_test_spin (50);
  g_assert_null (issued);
  g_assert_true (gtk_widget_has_css_class (recipient, "error"));
  {
    g_autofree char *refusal = g_strdup_printf (_("Recipient: “%s” is not a name (a department, project manager or "
                                                  "subcontractor)"), "2026-11-31");

    g_assert_true (desk_test_has_label (GTK_WIDGET (dialog), refusal));
  }

  /* A new name: the form says what it prints, and issues it only when
   * Issue is pressed again for the same name. */
  gtk_editable_set_text (GTK_EDITABLE (recipient), "宏达水电");
  describes (recipient, _("Prints “%s” as the recipient: a new name, check how it is written"), "宏达水电");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.issue", NULL));
  desk_test_spin (50);
  g_assert_nonnull (dialog);
  g_assert_null (issued);
  g_assert_true (gtk_widget_has_css_class (recipient, "warning"));
  desk_test_save_and_check_picture (GTK_WIDGET (dialog), picture_new);
  /* Another name is asked about again. */
  gtk_editable_set_text (GTK_EDITABLE (recipient), "宏达水电公司");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.issue", NULL));
  desk_test_spin (50);
  g_assert_null (issued);

  /* A department from the menu is known: nothing to ask. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.pick-recipient", "s", "工程部"));
  g_assert_false (gtk_widget_has_css_class (recipient, "error"));
  g_assert_false (gtk_widget_has_css_class (recipient, "warning"));
  describes (recipient, _("Prints “%s” as the recipient: a department of the office"), "工程部");

  /* The new name again, asked about, then issued as written (Ctrl+Enter's
   * action). */
  gtk_editable_set_text (GTK_EDITABLE (recipient), "宏达水电公司");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.issue", NULL));
  desk_test_spin (50);
  g_assert_null (issued);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.issue", NULL));
  desk_test_spin (50);
  g_assert_null (dialog);
  g_assert_nonnull (issued);
  g_assert_cmpstr (desk_notice_get_data (issued)->recipient, ==, "宏达水电公司");

  notices = desk_notice_store_for_ticket (f->db, desk_ticket_get_id (ticket), &error);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (desk_notice_get_number (notices->pdata[0]), ==, desk_notice_get_number (issued));
}

static void
dialog_en (Fixture *f)
{
  dialog_body (f, "notice-dialog-en.png");
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  desk_gui_fixture_run (f, dialog_en, FALSE);
}

/* The detail pane lists the ticket's notices with Print and Export. */
static void
detail_body (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskNotice) notice = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *window = gtk_window_new ();
  DeskTicketDetail *detail = g_object_new (DESK_TYPE_TICKET_DETAIL, NULL);
  DeskNoticeQuery query = { .filter = DESK_NOTICE_FILTER_OPEN, .limit = 1 };
  g_autoptr(GPtrArray) open = desk_notice_store_list (f->db, &query, &error);
  guint print = 0, export = 0;

  g_assert_cmpuint (open->len, ==, 1);
  notice = g_object_ref (open->pdata[0]);
  ticket = desk_ticket_store_get (f->db, desk_notice_get_data (notice)->ticket_id, &error);

  desk_ticket_detail_set_office (detail, f->db, 0);
  desk_ticket_detail_set_ticket (detail, ticket);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 900);
  desk_test_show_and_wait (GTK_WINDOW (window));

  buttons = desk_test_find_widgets (window, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (buttons->pdata[i]));
      print += g_strcmp0 (name, "notice-row.print") == 0;
      export += g_strcmp0 (name, "notice-row.export") == 0;
    }
  g_assert_cmpuint (print, >=, 1);
  g_assert_cmpuint (export, >=, 1);

  /* Marked rectified from its row. */
  g_assert_true (gtk_widget_activate_action (desk_test_find_widget (window, DESK_TYPE_TICKET_NOTICES),
                                             "notice-row.rectified", "x", desk_notice_get_id (notice)));
  g_clear_object (&notice);
  notice = desk_notice_store_get (f->db, desk_notice_get_id (open->pdata[0]), &error);
  g_assert_cmpint (desk_notice_get_data (notice)->state, ==, DESK_NOTICE_RECTIFIED);

  desk_test_spin (100);
  desk_test_save_and_check_picture (window, "ticket-notices-en.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_detail (Fixture       *f,
             gconstpointer  data)
{
  desk_gui_fixture_run (f, detail_body, FALSE);
}

/* A correction: the form filled in from the notice, issued as version 2
 * that replaces it. */
static void
correction_body (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DeskNoticeQuery query = { .filter = DESK_NOTICE_FILTER_OPEN, .limit = 1 };
  g_autoptr(GPtrArray) open = desk_notice_store_list (f->db, &query, &error);
  g_autoptr(DeskNotice) issued = NULL;
  g_autoptr(DeskNotice) before = NULL;
  DeskNotice *original;
  GtkWindow *dialog;

  g_assert_cmpuint (open->len, ==, 1);
  original = open->pdata[0];
  dialog = desk_notice_dialog_new_correction (f->db, original, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "issued", G_CALLBACK (issued_cb), &issued);
  desk_test_show_and_wait (dialog);
  g_assert_nonnull (strstr (gtk_window_get_title (dialog), desk_notice_get_number (original)));

  set_text_view (GTK_WIDGET (dialog), 1, "更正：拆除重做，并由质检部现场验收。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.issue", NULL));
  desk_test_spin (50);
  g_assert_null (dialog);
  g_assert_nonnull (issued);
  g_assert_cmpint (desk_notice_get_data (issued)->version, ==, desk_notice_get_data (original)->version + 1);
  g_assert_cmpstr (desk_notice_get_data (issued)->replaces_number, ==, desk_notice_get_number (original));
  g_assert_cmpstr (desk_notice_get_data (issued)->problem, ==, desk_notice_get_data (original)->problem);

  before = desk_notice_store_get (f->db, desk_notice_get_id (original), &error);
  g_assert_cmpstr (desk_notice_get_data (before)->replaced_by_number, ==, desk_notice_get_number (issued));
}

static void
test_correction (Fixture       *f,
                 gconstpointer  data)
{
  desk_gui_fixture_run (f, correction_body, FALSE);
}

/* The print operation lays the notice out the same way as the PDF. */
static void
print_body (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DeskNoticeQuery query = { .filter = DESK_NOTICE_FILTER_ALL, .limit = 1 };
  g_autoptr(GPtrArray) notices = desk_notice_store_list (f->db, &query, &error);
  g_autoptr(DeskNoticePrintOperation) operation = desk_notice_print_operation_new (notices->pdata[0]);
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  GtkPrintOperationResult result;
  g_autofree char *contents = NULL;
  gsize length;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (GTK_PRINT_OPERATION (operation)), ==, 1);
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  desk_gui_fixture_run (f, print_body, FALSE);
}

static guint
store_count (Fixture          *f,
             DeskNoticeFilter  filter,
             const char       *recipient,
             const char       *search)
{
  g_autoptr(GError) error = NULL;
  DeskNoticeQuery query = { filter, recipient, search, NULL, 500 };
  g_autoptr(GPtrArray) found = desk_notice_store_list (f->db, &query, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
list_body (Fixture    *f,
           const char *picture)
{
  GtkWindow *window = desk_notices_window_new (NULL, f->db, 0);
  DeskNoticesView *view = desk_notices_window_get_view (DESK_NOTICES_WINDOW (window));

  gtk_window_set_default_size (window, 980, 640);
  desk_test_show_and_wait (window);

  /* Open notices first; the demo has some, a few overdue. */
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), ==, store_count (f, DESK_NOTICE_FILTER_OPEN, NULL, NULL));
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), >, 0);
  desk_test_save_and_check_picture (GTK_WIDGET (window), picture);

  desk_notices_view_set_query (view, DESK_NOTICE_FILTER_OVERDUE, NULL, NULL);
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), ==, store_count (f, DESK_NOTICE_FILTER_OVERDUE, NULL, NULL));
  desk_notices_view_set_query (view, DESK_NOTICE_FILTER_ALL, "工程部", NULL);
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), ==, store_count (f, DESK_NOTICE_FILTER_ALL, "工程部", NULL));
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), >, 0);
  desk_notices_view_set_query (view, DESK_NOTICE_FILTER_ALL, NULL, "漏水");
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), ==, store_count (f, DESK_NOTICE_FILTER_ALL, NULL, "漏水"));
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), >, 0);
  desk_notices_view_set_query (view, DESK_NOTICE_FILTER_ALL, NULL, "不存在的内容");
  g_assert_cmpuint (desk_notices_view_get_n_shown (view), ==, 0);
  g_assert_true (gtk_widget_get_mapped (desk_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE)));

  gtk_window_destroy (window);
}

static void
list_en (Fixture *f)
{
  list_body (f, "notices-en.png");
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  desk_gui_fixture_run (f, list_en, FALSE);
}

static void
pictures_zh_cn (Fixture *f)
{
  list_body (f, "notices-zh_CN.png");
  dialog_body (f, "notice-dialog-zh_CN.png");
}

static void
test_pictures_zh_cn (Fixture       *f,
                     gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  desk_gui_fixture_run (f, pictures_zh_cn, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/desk/notices-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("dialog", test_dialog);
  ADD ("detail", test_detail);
  ADD ("correction", test_correction);
  ADD ("print", test_print);
  ADD ("list", test_list);
  ADD ("files-go-to-documents", test_files);
  ADD ("pictures/zh_CN", test_pictures_zh_cn);
#undef ADD

  return g_test_run ();
}
