/* desk-application.c
 *
 * The application: it opens the office database once, on the first
 * activation, and keeps it, the settings and the deadline watch; it makes
 * the main window and, on a first run, asks who sits at this computer.  The
 * app.* actions are here (Preferences, About, Quit, and the ticket or the
 * Overdue queue a deadline notification shows); what the window shows is
 * desk-window.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-office-store.h"

#include "desk-application.h"
#include "desk-deadline-watch.h"
#include "desk-preferences-window.h"
#include "desk-who-am-i-dialog.h"
#include "desk-window.h"

struct _DeskApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  DeskDatabase   *database;
  GSettings      *settings;
  DeskDeadlineWatch *deadline_watch;  /* while the office is open */

  /* Why the office could not be opened, kept to tell the user once. */
  GError         *open_error;

  /* Weak: the one preferences window, while it is open. */
  GtkWindow      *preferences;

  guint           tried_open : 1;
  guint           open_error_shown : 1;
  guint           asked_who_am_i : 1;
  guint           no_deadline_watch : 1;
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether desk_application_new() told GTK not to probe OpenGL. */
static gboolean opengl_probe_skipped;

/* With the cairo renderer chosen (GSK_RENDERER=cairo: software drawing,
 * as under Xvfb, in a virtual machine or on a remote desktop) nothing in
 * the window draws with OpenGL, yet GTK 4.8's X11 backend loads and probes
 * the OpenGL driver as it opens the display, to choose the window's visual
 * by it: with Mesa's software driver, some 85 ms of a 590 ms start here.
 * Told that OpenGL is off, GTK chooses the visual without it.  GTK reads
 * the variable once, when it opens the display; called before any thread
 * starts, and taken back in startup so programs we start do not inherit it. */
static void
skip_unused_opengl_probe (void)
{
  if (gtk_is_initialized () || g_getenv ("GDK_DEBUG") != NULL ||
      g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    return;

  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  opengl_probe_skipped = TRUE;
}

DeskApplication *
desk_application_new (const char *database_path)
{
  skip_unused_opengl_probe ();

  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "database-path", database_path,
                       NULL);
}

const char *
desk_application_get_database_path (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);

  return self->database_path;
}

DeskDatabase *
desk_application_get_database (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);

  return self->database;
}

GSettings *
desk_application_get_settings (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
desk_application_set_watch_deadlines (DeskApplication *self,
                                      gboolean         watch)
{
  g_return_if_fail (DESK_IS_APPLICATION (self));

  self->no_deadline_watch = !watch;
  if (!watch)
    g_clear_pointer (&self->deadline_watch, desk_deadline_watch_free);
}

/* Opens the office on the first activation only: a second activation
 * (launching the program again) must not open a second connection. */
static void
desk_application_ensure_database (DeskApplication *self)
{
  g_autofree char *default_path = NULL;
  const char *path = self->database_path;

  if (self->tried_open)
    return;
  self->tried_open = TRUE;

  if (path == NULL)
    path = default_path = desk_database_get_default_path ();

  self->database = desk_database_open (path, DESK_DATABASE_OPEN_CREATE,
                                       &self->open_error);
  if (self->database == NULL)
    g_message ("Could not open the office %s: %s", path,
               self->open_error->message);
  else if (!self->no_deadline_watch)
    self->deadline_watch = desk_deadline_watch_new (G_APPLICATION (self), self->database);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  /* Without an office there is nothing to configure. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               self->database != NULL);
}

static void
desk_application_show_open_error (DeskApplication *self,
                                  GtkWindow       *parent)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent,
                                   _("Could not open the office"),
                                   self->open_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog),
                                   "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));

  self->open_error_shown = TRUE;
}

/* First run: nobody has said who sits at this computer yet. */
static void
desk_application_maybe_ask_who_am_i (DeskApplication *self,
                                     GtkWindow       *parent)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current_user = NULL;
  GtkWindow *dialog;

  if (self->asked_who_am_i || self->database == NULL || self->settings == NULL)
    return;
  self->asked_who_am_i = TRUE;

  current_user = g_settings_get_string (self->settings, "current-user");
  if (current_user[0] != '\0')
    return;

  staff = desk_office_store_list_staff (self->database, &error);
  if (staff == NULL)
    {
      g_message ("Could not list the staff: %s", error->message);
      return;
    }
  if (staff->len == 0)
    return;

  dialog = desk_who_am_i_dialog_new (self->database, self->settings);
  gtk_window_set_transient_for (dialog, parent);
  gtk_window_present (dialog);
}

static void
desk_application_activate (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);
  GtkWindow *window;

  desk_application_ensure_database (self);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (desk_window_new (GTK_APPLICATION (self), self->database, self->settings));

  gtk_window_present (window);

  if (self->open_error != NULL && !self->open_error_shown)
    desk_application_show_open_error (self, window);
  else
    desk_application_maybe_ask_who_am_i (self, window);
}

static void
desk_application_office_changed_cb (DeskApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
       l != NULL;
       l = l->next)
    {
      if (DESK_IS_WINDOW (l->data))
        desk_window_reload_office (DESK_WINDOW (l->data));
    }
}

static void
desk_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  DeskApplication *self = user_data;
  GtkWindow *preferences;

  if (self->database == NULL)
    return;

  if (self->preferences != NULL)
    {
      gtk_window_present (self->preferences);
      return;
    }

  preferences = desk_preferences_window_new (self->database, self->settings);
  gtk_window_set_transient_for (preferences,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  g_signal_connect_object (preferences, "office-changed",
                           G_CALLBACK (desk_application_office_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->preferences = preferences;
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &self->preferences);
  gtk_window_present (preferences);
}

static void
desk_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  DeskApplication *self = user_data;
  const char *developers[] = { "The Service Desk authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Service Desk"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Service Desk authors"),
                        "developers", developers,
                        "copyright", _("© 2026 The Service Desk authors"),
                        "comments", _("Register complaints and repair requests, chase deadlines and call customers back"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://example.org/service-desk",
                        /* Translators: put your names here, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
desk_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The window a notification's click should act in: the active one,
 * made (and the office opened) when the application was started by the
 * click itself. */
static DeskWindow *
desk_application_ensure_window (DeskApplication *self)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return DESK_IS_WINDOW (window) ? DESK_WINDOW (window) : NULL;
}

/* A deadline notification was clicked: its ticket, in the Tickets area. */
static void
desk_application_show_ticket_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  DeskWindow *window = desk_application_ensure_window (user_data);
  gint64 ticket_id = g_variant_get_int64 (parameter);

  if (window != NULL && !desk_window_show_ticket (window, ticket_id))
    {
      /* Translators: a toast when a notification's ticket cannot be shown */
      AdwToast *toast = adw_toast_new (_("That ticket no longer exists"));

      desk_window_add_toast (window, toast);
    }
}

/* The notification that sums up many deadlines: the Overdue queue. */
static void
desk_application_show_overdue_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  DeskWindow *window = desk_application_ensure_window (user_data);

  if (window != NULL)
    desk_window_show_overdue (window);
}

static const GActionEntry app_actions[] = {
  { "quit", desk_application_quit_action },
  { "show-ticket", desk_application_show_ticket_action, "x" },
  { "show-overdue", desk_application_show_overdue_action },
  { "preferences", desk_application_preferences_action },
  { "about", desk_application_about_action },
};

/* The schema may be missing when the program runs from a build tree
 * without GSETTINGS_SCHEMA_DIR: run without remembering anything rather
 * than abort as g_settings_new() would. */
static GSettings *
desk_application_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; "
                 "window size and the current user will not be remembered",
                 APPLICATION_ID);
      return NULL;
    }

  return g_settings_new (APPLICATION_ID);
}

static void
desk_application_startup (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (desk_application_parent_class)->startup (app);

  /* GTK has read it: see skip_unused_opengl_probe(). */
  if (opengl_probe_skipped)
    {
      g_unsetenv ("GDK_DEBUG");
      opengl_probe_skipped = FALSE;
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                         "app.preferences", preferences_accels);

  /* Dialogs and windows without their own icon show the application's. */
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = desk_application_create_settings ();
}

static void
desk_application_shutdown (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);

  G_APPLICATION_CLASS (desk_application_parent_class)->shutdown (app);

  g_clear_pointer (&self->deadline_watch, desk_deadline_watch_free);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
}

static void
desk_application_finalize (GObject *object)
{
  DeskApplication *self = (DeskApplication *)object;

  if (self->preferences != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preferences),
                                  (gpointer *) &self->preferences);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (desk_application_parent_class)->finalize (object);
}

static void
desk_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskApplication *self = DESK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_application_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskApplication *self = DESK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = desk_application_finalize;
  object_class->get_property = desk_application_get_property;
  object_class->set_property = desk_application_set_property;

  app_class->startup = desk_application_startup;
  app_class->activate = desk_application_activate;
  app_class->shutdown = desk_application_shutdown;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DESK_TYPE_DATABASE,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_application_init (DeskApplication *self)
{
}
