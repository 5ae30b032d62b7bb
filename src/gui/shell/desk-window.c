/* desk-window.c
 *
 * The main window: a view switcher over the four areas (Tickets, Callbacks,
 * Procedures, Reports; Alt+1 to Alt+4), the organisation and current user
 * in its subtitle, its size and last area remembered, and the win.* actions
 * (new ticket, find, the notices window, importing a manual, also by
 * dropping it on the window).  Each area is a view of its own; the window
 * only gives them the office.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-office-store.h"

#include "desk-reports-view.h"
#include "desk-notices-window.h"
#include "desk-procedures-view.h"
#include "desk-callbacks-view.h"
#include "desk-gui-private.h"
#include "desk-manual-import-window.h"
#include "desk-tickets-view.h"
#include "desk-window.h"

struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  DeskDatabase         *database;
  GSettings            *settings;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
  DeskTicketsView      *tickets_view;
  DeskReportsView      *reports_view;
  DeskProceduresView   *procedures_view;
  DeskCallbacksView    *callbacks_view;
};

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The page names are the nicks of DeskArea, so that the GSettings key
 * "last-area" can be bound to the stack directly. */
static const char * const areas[] = {
  "tickets", "callbacks", "procedures", "reports",
};

DeskWindow *
desk_window_new (GtkApplication *application,
                 DeskDatabase   *database,
                 GSettings      *settings)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!database || DESK_IS_DATABASE (database), NULL);
  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  return g_object_new (DESK_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       "settings", settings,
                       NULL);
}

DeskDatabase *
desk_window_get_database (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return self->database;
}

GSettings *
desk_window_get_settings (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return self->settings;
}

const char *
desk_window_get_visible_area (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

static gboolean
desk_window_is_area (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i], name) == 0)
      return TRUE;

  return FALSE;
}

void
desk_window_set_visible_area (DeskWindow *self,
                              const char *area)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (!desk_window_is_area (area))
    {
      g_warning ("No area called “%s” in the window", area);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, area);
}

gboolean
desk_window_show_ticket (DeskWindow *self,
                         gint64      ticket_id)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), FALSE);

  desk_window_set_visible_area (self, "tickets");
  return desk_tickets_view_select_ticket (self->tickets_view, ticket_id);
}

void
desk_window_show_overdue (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  desk_window_set_visible_area (self, "tickets");
  desk_tickets_view_show_queue (self->tickets_view, DESK_QUEUE_OVERDUE, 0);
}

void
desk_window_add_toast (DeskWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The name of the person at this computer, or NULL when unknown. */
static char *
desk_window_dup_current_user_name (DeskWindow *self)
{
  g_autofree char *code = NULL;
  g_autoptr(DeskStaff) staff = NULL;
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL || self->database == NULL)
    return NULL;

  code = g_settings_get_string (self->settings, "current-user");
  if (code[0] == '\0')
    return NULL;

  staff = desk_office_store_find_staff (self->database, code, &error);
  if (staff == NULL)
    {
      if (error != NULL)
        g_message ("Could not look up the current user %s: %s", code, error->message);
      return NULL;
    }

  return g_strdup (desk_staff_get_name (staff));
}

void
desk_window_reload_office (DeskWindow *self)
{
  g_autofree char *organisation = NULL;
  g_autofree char *user = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->database == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title,
                                            _("No office open"));
      return;
    }

  organisation = desk_office_store_get_setting (self->database,
                                                DESK_SETTING_ORGANISATION_NAME);
  if (organisation != NULL && organisation[0] == '\0')
    g_clear_pointer (&organisation, g_free);
  user = desk_window_dup_current_user_name (self);

  if (organisation != NULL && user != NULL)
    /* Translators: the window subtitle: the organisation's name, then the
     * name of the person using the program, e.g. "华东装饰客服部 · 张伟". */
    subtitle = g_strdup_printf (C_("window subtitle", "%s · %s"), organisation, user);
  else if (organisation != NULL)
    subtitle = g_steal_pointer (&organisation);
  else if (user != NULL)
    subtitle = g_steal_pointer (&user);

  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

static void
desk_window_show_area_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  desk_window_set_visible_area (DESK_WINDOW (widget),
                                g_variant_get_string (parameter, NULL));
}

static void
desk_window_new_ticket_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  desk_window_set_visible_area (self, "tickets");
  desk_tickets_view_new_ticket (self->tickets_view);
}

/* The notices open in a window of their own, so that a list of them can
 * stay open beside the tickets. */
static void
desk_window_show_notices_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(DeskStaff) user = NULL;
  g_autofree char *code = NULL;

  if (self->database == NULL)
    return;

  if (self->settings != NULL)
    code = g_settings_get_string (self->settings, "current-user");
  if (code != NULL && *code != '\0')
    user = desk_office_store_find_staff (self->database, code, NULL);
  gtk_window_present (desk_notices_window_new (GTK_WINDOW (self), self->database,
                                               user ? desk_staff_get_id (user) : 0));
}

static void
desk_window_find_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);

  /* Only the Tickets area has a search yet. */
  desk_window_set_visible_area (self, "tickets");
  desk_tickets_view_focus_search (self->tickets_view);
}

static void
desk_window_current_user_changed_cb (DeskWindow *self,
                                     const char *key,
                                     GSettings  *settings)
{
  desk_window_reload_office (self);
}

static void
desk_window_bind_settings (DeskWindow *self)
{
  g_settings_bind (self->settings, "window-width",
                   self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height",
                   self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized",
                   self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  /* "last-area" is an enum key: GSettings reads and writes it as its
   * nick, which is the page name. */
  g_settings_bind (self->settings, "last-area",
                   self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::current-user",
                           G_CALLBACK (desk_window_current_user_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
manual_saved_cb (DeskWindow *self,
                 const char *code)
{
  desk_window_set_visible_area (self, "procedures");
  desk_procedures_view_open (self->procedures_view, code, 0);
}

/* A manual dropped on the window (or opened otherwise): its import view,
 * or a message saying why the file cannot be read. */
gboolean
desk_window_import_manual (DeskWindow *self,
                           GFile      *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  DeskManualImport *import;
  DeskManualImportWindow *window;

  if (self->database == NULL)
    return FALSE;
  if (path == NULL || !desk_manual_is_manual_file (path))
    {
      g_autofree char *message = g_strdup_printf (_("%s: only .txt, .docx and .odt manuals can be imported here"),
                                                  name);

      desk_window_add_toast (self, adw_toast_new (message));
      return FALSE;
    }
  if (!(import = desk_manual_import_file (path, &error)))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      return FALSE;
    }
  window = desk_manual_import_window_new (self->database, import, name);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  g_signal_connect_object (window, "saved", G_CALLBACK (manual_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static gboolean
desk_window_drop_cb (DeskWindow   *self,
                     const GValue *value)
{
  GSList *files = g_value_get_boxed (value);

  return files != NULL && desk_window_import_manual (self, files->data);
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            DeskWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        desk_window_import_manual (self, file);
    }
  g_object_unref (chooser);
}

/* The keyboard's way to what dropping a file does. */
static void
desk_window_import_manual_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Manual"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  _desk_file_chooser_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_filter_set_name (filter, _("Manuals (.txt, .docx, .odt)"));
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
desk_window_constructed (GObject *object)
{
  DeskWindow *self = (DeskWindow *)object;

  G_OBJECT_CLASS (desk_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    desk_window_bind_settings (self);

  /* Without an office the areas have nothing to show or edit. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-ticket", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-manual", self->database != NULL);
  if (self->database != NULL)
    {
      desk_tickets_view_set_office (self->tickets_view, self->database, self->settings);
      desk_procedures_view_set_office (self->procedures_view, self->database);
      desk_reports_view_set_office (self->reports_view, self->database);
      desk_callbacks_view_set_office (self->callbacks_view, self->database, self->settings);
    }

  desk_window_reload_office (self);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = (DeskWindow *)object;

  /* Unbind before the stack goes away, so that taking it apart can never
   * be saved as the user's choice of area. */
  if (self->settings != NULL)
    {
      g_settings_unbind (self->stack, "visible-child-name");
      g_settings_unbind (self, "default-width");
      g_settings_unbind (self, "default-height");
      g_settings_unbind (self, "maximized");
    }

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
}

static void
desk_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskWindow *self = DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskWindow *self = DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_window_constructed;
  object_class->dispose = desk_window_dispose;
  object_class->get_property = desk_window_get_property;
  object_class->set_property = desk_window_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DESK_TYPE_DATABASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_TICKETS_VIEW);
  g_type_ensure (DESK_TYPE_REPORTS_VIEW);
  g_type_ensure (DESK_TYPE_PROCEDURES_VIEW);
  g_type_ensure (DESK_TYPE_CALLBACKS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, tickets_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, reports_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, procedures_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, callbacks_view);

  gtk_widget_class_install_action (widget_class, "win.show-area", "s",
                                   desk_window_show_area_action);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-area", "s", areas[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  gtk_widget_class_install_action (widget_class, "win.new-ticket", NULL,
                                   desk_window_new_ticket_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL,
                                   desk_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.import-manual", NULL,
                                   desk_window_import_manual_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import-manual", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-ticket", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-notices", NULL,
                                   desk_window_show_notices_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-notices", NULL);
}

static void
desk_window_init (DeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Dropping a manual on the window starts its import. */
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_swapped (drop, "drop", G_CALLBACK (desk_window_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
}
