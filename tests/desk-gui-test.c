/* desk-gui-test.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "desk-core-test.h"
#include "desk-demo.h"
#include "desk-gui-test.h"
#include "desk-widget-snapshot.h"

void
desk_test_reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

void
desk_test_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;

  return G_SOURCE_CONTINUE;
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Presents @window and spins the main loop until it has been mapped and
 * has drawn a few frames. */
void
desk_test_show_and_wait (GtkWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n_frames = 0;
  guint tick_id;
  guint wake_id;

  gtk_window_present (window);

  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb,
                                          &n_frames, NULL);
  wake_id = g_timeout_add (10, wake_up_cb, NULL);

  while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) || n_frames < 5) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  g_source_remove (wake_id);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (n_frames, >=, 5);
}

void
desk_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint wake_id = g_timeout_add (10, wake_up_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
}

void
desk_test_spin_until_n_items (GListModel *model,
                              guint       n_items,
                              guint       max_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) max_ms * 1000;
  guint wake_id = g_timeout_add (10, wake_up_cb, NULL);

  while (g_list_model_get_n_items (model) != n_items && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
}

GtkWidget *
desk_test_find_widget (GtkWidget *root,
                       GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = desk_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* All widgets of @type under @root, depth first. */
GPtrArray *
desk_test_find_widgets (GtkWidget *root,
                        GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, found);

  return found;
}

gboolean
desk_test_has_label (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) labels = desk_test_find_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Spins until @widget's surface has painted a frame, or two seconds. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  guint wake_id;
  gulong handler;

  if (clock == NULL)
    return;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  wake_id = g_timeout_add (10, wake_up_cb, NULL);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);

  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
  g_signal_handler_disconnect (clock, handler);
}

/* GTK draws nothing for a widget whose size is queued to be
 * recomputed (a label that changed, a list still filling in). On a slow
 * machine, or under AddressSanitizer, a picture can be asked for in
 * that moment: wait for the next painted frame and ask again. */
static GdkTexture *
render_when_laid_out (GtkWidget *widget)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) error = NULL;
      GdkTexture *texture;

      wait_for_paint (widget);
      texture = desk_widget_render_texture (widget, &error);
      if (texture != NULL)
        return texture;

      if (attempt == 20 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED))
        {
          g_assert_no_error (error);
          return NULL;
        }
      g_test_message ("%s: %s; waiting for another frame", G_OBJECT_TYPE_NAME (widget), error->message);
    }
}

void
desk_test_save_and_check_picture (GtkWidget  *widget,
                                  const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  double ink;
  guint colours;
  gboolean saved;

  path = g_test_build_filename (G_TEST_BUILT, "screenshots", name, NULL);
  texture = render_when_laid_out (widget);
  /* The error first, so that a failure says why. */
  saved = desk_texture_save_png (texture, path, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  g_test_message ("Wrote %s", path);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (widget));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (widget));

  /* A blank window is one colour; a drawn one has text, icons and a
   * header bar. */
  ink = desk_texture_get_ink_fraction (texture);
  colours = desk_texture_count_colours (texture, 1000);
  g_test_message ("%s: %.1f %% ink, %u colours", name, ink * 100, colours);
  g_assert_cmpfloat (ink, >, 0.02);
  g_assert_cmpuint (colours, >=, 16);
}

void
desk_gui_test_init (int    *argc,
                    char ***argv)
{
  g_autofree char *icons = NULL;

  g_setenv ("GTK_A11Y", "none", FALSE);

  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (desk_test_log_fatal_cb, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
}

/* Without a session bus (xvfb-run starts none) GtkApplication warns that
 * it cannot reach one; the tests need none. */
gboolean
desk_test_log_fatal_cb (const char     *log_domain,
                        GLogLevelFlags  log_level,
                        const char     *message,
                        gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "Gtk") == 0 &&
      g_str_has_prefix (message, "Unable to acquire session bus"))
    return FALSE;

  return TRUE;
}


void
desk_gui_fixture_set_up (DeskGuiFixture *f,
                         const char     *name)
{
  g_autoptr(GError) error = NULL;

  f->dir = desk_test_make_dir (name);
  f->db = desk_test_open_office (f->dir, &f->path);
  g_assert_true (desk_demo_populate (f->db, FALSE, &error));
  g_assert_no_error (error);

  /* The memory backend lives as long as the process: start clean. */
  f->settings = g_settings_new (APPLICATION_ID);
  desk_test_reset_settings (f->settings);

  f->app = desk_application_new (f->path);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  /* Nothing escalates behind a test's back. */
  desk_application_set_watch_deadlines (f->app, FALSE);
}

void
desk_gui_fixture_tear_down (DeskGuiFixture *f)
{
  desk_test_destroy_all_windows ();

  g_clear_object (&f->app);
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  desk_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

static void
run_body_instead_of_activate_cb (GApplication   *app,
                                 DeskGuiFixture *f)
{
  g_signal_stop_emission_by_name (app, "activate");
  g_signal_handlers_disconnect_by_func (app, run_body_instead_of_activate_cb, f);
  f->body (f);
  desk_test_destroy_all_windows ();
}

static void
run_body_after_activate_cb (GApplication   *app,
                            DeskGuiFixture *f)
{
  /* The test may activate the application again. */
  g_signal_handlers_disconnect_by_func (app, run_body_after_activate_cb, f);
  f->body (f);
  desk_test_destroy_all_windows ();
}

void
desk_gui_fixture_run (DeskGuiFixture  *f,
                      void           (*body) (DeskGuiFixture *f),
                      gboolean         activate)
{
  f->body = body;

  if (activate)
    g_signal_connect_after (f->app, "activate", G_CALLBACK (run_body_after_activate_cb), f);
  else
    g_signal_connect (f->app, "activate", G_CALLBACK (run_body_instead_of_activate_cb), f);

  g_assert_cmpint (g_application_run (G_APPLICATION (f->app), 0, NULL), ==, 0);
}

gboolean
desk_test_rerun_in_chinese (void)
{
  if (!g_test_subprocess ())
    {
      g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                              G_TEST_SUBPROCESS_INHERIT_STDOUT |
                              G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (old_language != NULL)
        g_setenv ("LANGUAGE", old_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      g_test_trap_assert_passed ();
      return FALSE;
    }

  /* gtk_test_init() set the locale to "C", in which gettext ignores
   * LANGUAGE. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}
