/* test-window-sharing.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window open on an office while a command runs beside it, as a
 * clerk runs `check` from a terminal or cron runs `backup`: a note added
 * before the command and one added after are both there when the office
 * is opened again.  Before the fix the command's exit deleted the
 * window's write-ahead log, and the second note went into a deleted file.
 */

#define G_LOG_DOMAIN "test-window-sharing"

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-gui-test.h"
#include "desk-database.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-store.h"
#include "desk-tickets-view.h"
#include "desk-window.h"

typedef DeskGuiFixture Fixture;

static const char * const NOTE_BEFORE = "命令运行前的备注";
static const char * const NOTE_AFTER = "命令运行后的备注";

static gint64 noted_ticket;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-window-sharing");
  /* A returning clerk: no "who am I" dialog over the window. */
  g_settings_set_string (f->settings, "current-user", "S001");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static void
run_command (Fixture    *f,
             const char *command,
             const char *arg)
{
  const char *argv[] = { TEST_SERVICE_DESK, "--database", f->path, command, arg, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("%s: %s", command, err);
  g_assert_no_error (error);
}

static void
add_note_in_window (DeskTicketDetail *detail,
                    const char       *text)
{
  GtkWidget *row = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-note", NULL));
  rows = desk_test_find_widgets (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Add Note") == 0)
      row = rows->pdata[i];
  g_assert_nonnull (row);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-note", NULL));
  /* The form empties only once the note is saved. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
}

static void
notes_across_a_command (Fixture *f)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  DeskTicketsView *view;
  DeskTicketDetail *detail;
  GtkColumnView *table;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "nightly.db", NULL);
  GStatBuf before, after;

  g_assert_true (DESK_IS_WINDOW (window));
  desk_test_show_and_wait (window);
  view = DESK_TICKETS_VIEW (desk_test_find_widget (GTK_WIDGET (window), DESK_TYPE_TICKETS_VIEW));
  detail = DESK_TICKET_DETAIL (desk_test_find_widget (GTK_WIDGET (view), DESK_TYPE_TICKET_DETAIL));
  table = GTK_COLUMN_VIEW (desk_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));

  g_assert_true (desk_tickets_view_show_queue (view, DESK_QUEUE_OPEN, 0));
  gtk_selection_model_select_item (gtk_column_view_get_model (table), 0, TRUE);
  g_assert_nonnull (desk_ticket_detail_get_ticket (detail));
  noted_ticket = desk_ticket_get_id (desk_ticket_detail_get_ticket (detail));

  add_note_in_window (detail, NOTE_BEFORE);
  g_assert_cmpint (g_stat (wal, &before), ==, 0);

  /* Let the window's background work (counts, planning) open its own
   * connections, as it does in a clerk's day. */
  desk_test_spin (300);

  run_command (f, "check", NULL);
  run_command (f, "backup", backup);

  g_assert_cmpint (g_stat (wal, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);

  add_note_in_window (detail, NOTE_AFTER);
  g_unlink (backup);
}

static guint
count_note (DeskDatabase *db,
            gint64        ticket,
            const char   *text)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  events = desk_ticket_store_timeline (db, ticket, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (((DeskTicketEvent *)events->pdata[i])->note, text) == 0)
      n++;
  return n;
}

static void
test_notes_survive_a_command (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DeskDatabase) again = NULL;
  g_autoptr(GError) error = NULL;

  desk_gui_fixture_run (f, notes_across_a_command, TRUE);

  /* Quit: the application and every connection of this process go. */
  g_clear_object (&f->app);
  g_clear_object (&f->db);

  again = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_note (again, noted_ticket, NOTE_BEFORE), ==, 1);
  g_assert_cmpuint (count_note (again, noted_ticket, NOTE_AFTER), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add ("/desk/window-sharing/notes-survive-a-command", Fixture, NULL,
              fixture_set_up, test_notes_survive_a_command, fixture_tear_down);

  return g_test_run ();
}
