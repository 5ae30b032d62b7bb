/* desk-gui-test.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-application.h"
#include "desk-core-test.h"

G_BEGIN_DECLS

/* The fixture of the GUI tests: a demo office in a folder of its own,
 * clean settings, and an application (not unique: xvfb-run starts no
 * session bus) that runs each test inside g_application_run(), since only
 * a run application takes itself apart when done. */
typedef struct _DeskGuiFixture DeskGuiFixture;

struct _DeskGuiFixture
{
  char            *dir;
  char            *path;
  DeskDatabase    *db;
  GSettings       *settings;
  DeskApplication *app;

  /* The test, run inside the application's g_application_run(). */
  void           (*body) (DeskGuiFixture *f);
};

/* What every window test's main() does first: GTK without an
 * accessibility bus, fatal warnings except the expected one (see
 * desk_test_log_fatal_cb()), no animations (pictures of finished states,
 * not of transitions half-way), and the application's icons as they will
 * be installed. */
void desk_gui_test_init         (int             *argc,
                                 char          ***argv);

void desk_gui_fixture_set_up    (DeskGuiFixture  *f,
                                 const char      *name);
void desk_gui_fixture_tear_down (DeskGuiFixture  *f);
/* Runs @body instead of the application's own activation (window, "who
 * am I" dialog), or with @activate after it. */
void desk_gui_fixture_run       (DeskGuiFixture  *f,
                                 void           (*body) (DeskGuiFixture *f),
                                 gboolean         activate);

/* What the GUI tests and the GUI benchmark share: clean settings and
 * folders, showing a window and waiting for it to draw, finding widgets,
 * and saving a checked picture of one. */

void       desk_test_reset_settings         (GSettings  *settings);
void       desk_test_destroy_all_windows    (void);
/* Presents @window and spins the main loop until it is mapped and has
 * drawn a few frames (asserts both). */
void       desk_test_show_and_wait          (GtkWindow  *window);
/* Spins the main loop for @ms milliseconds. */
void       desk_test_spin                   (guint       ms);
/* Spins the main loop until @model holds @n_items, or @max_ms have gone
 * by: work done at idle priority takes longer under the sanitizers, so a
 * test waits for what it expects rather than for a fixed time. */
void       desk_test_spin_until_n_items     (GListModel *model,
                                             guint       n_items,
                                             guint       max_ms);
GtkWidget *desk_test_find_widget            (GtkWidget  *root,
                                             GType       type);
/* All widgets of @type under @root, depth first. */
GPtrArray *desk_test_find_widgets           (GtkWidget  *root,
                                             GType       type);
/* Whether a label under @root reads exactly @text. */
gboolean   desk_test_has_label              (GtkWidget  *root,
                                             const char *text);
/* Writes <builddir>/screenshots/@name and asserts that it has content. */
void       desk_test_save_and_check_picture (GtkWidget  *widget,
                                             const char *name);
/* For g_test_log_set_fatal_handler(): xvfb-run starts no session bus,
 * and GtkApplication warns that it cannot reach one; nothing needs it. */
gboolean   desk_test_log_fatal_cb           (const char     *log_domain,
                                             GLogLevelFlags  log_level,
                                             const char     *message,
                                             gpointer        user_data);

/* For a test that pictures something in Simplified Chinese: in the test
 * process, runs the test again in a subprocess started with
 * LANGUAGE=zh_CN (so that Pango picks Simplified Chinese glyphs for Han
 * text from the start), asserts that it passed and returns FALSE; in that
 * subprocess, binds the translations and returns TRUE: go on. */
gboolean   desk_test_rerun_in_chinese       (void);

G_END_DECLS
