/* desk-gui-util.c
 *
 * Small helpers the GUI's widgets share, declared in desk-gui-private.h:
 * setting an entry row's text without offering to apply it, toasts found by
 * type in whichever window holds a widget, Ctrl+Enter from inside a text
 * view, work put off until a window's first frame, and the office's time
 * zone.  The wheel guard and the file places have files of their own.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-gui-util"

#include "config.h"

#include "desk-deadline-store.h"
#include "desk-gui-private.h"

void
_desk_entry_row_set_text (AdwEntryRow *row,
                          const char  *text)
{
  gboolean show_apply;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  /* Turning the apply button on again forgets that the text changed. */
  show_apply = adw_entry_row_get_show_apply_button (row);
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, show_apply);
}

/* The first toast overlay under @root, depth first. */
static GtkWidget *
find_toast_overlay (GtkWidget *root)
{
  if (root == NULL)
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
_desk_toast_label_new (const char *message)
{
  /* The reason comes last in these messages: wrap rather than let the
   * toast cut it off.  At words, not characters: a ticket or notice
   * number (TS-2026-000123) stays on one line, and Chinese still wraps
   * between any two characters. */
  return g_object_new (GTK_TYPE_LABEL,
                       "label", message,
                       "wrap", TRUE,
                       "wrap-mode", PANGO_WRAP_WORD,
                       "max-width-chars", 50,
                       "xalign", 0.0f,
                       NULL);
}

void
_desk_widget_add_toast (GtkWidget  *widget,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  GtkWidget *window;
  GtkWidget *label;
  AdwToast *toast;
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* The preferences window's own toasts, else the overlay the widget is
   * in, else the one of its window (a header bar's widget is not inside
   * it): found by type, so that these helpers need no window of ours. */
  window = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);
  if (window == NULL)
    window = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (window == NULL)
    window = find_toast_overlay (GTK_WIDGET (gtk_widget_get_root (widget)));
  if (window == NULL)
    {
      g_message ("%s", message);
      return;
    }

  label = _desk_toast_label_new (message);
  toast = adw_toast_new (message);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 10);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (window), toast);
}

/* Work that a window's start-up need not wait for (the sidebar's counts,
 * the day's callback planning) starts once the window has shown its first
 * frame, in an idle after it rather than inside its painting.  Each stage
 * (the window's map, its next painted frame, the idle) holds a reference
 * on the request, so a window destroyed before any of them frees it. */
typedef struct
{
  GWeakRef     widget;
  GSourceFunc  func;
} AfterFirstFrame;

static void
after_first_frame_clear (AfterFirstFrame *after)
{
  g_weak_ref_clear (&after->widget);
}

static void
after_first_frame_release (gpointer  data,
                           GClosure *closure)
{
  g_rc_box_release_full (data, (GDestroyNotify)after_first_frame_clear);
}

static void
after_first_frame_unref (gpointer data)
{
  after_first_frame_release (data, NULL);
}

static gboolean
after_first_frame_idle_cb (gpointer user_data)
{
  AfterFirstFrame *after = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&after->widget);

  if (widget != NULL)
    after->func (widget);

  return G_SOURCE_REMOVE;
}

static void
run_after_first_frame (AfterFirstFrame *after)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, after_first_frame_idle_cb,
                   g_rc_box_acquire (after), after_first_frame_unref);
}

static void
first_frame_painted_cb (GdkFrameClock   *clock,
                        AfterFirstFrame *after)
{
  run_after_first_frame (after);
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, after);
}

static void
root_mapped_cb (GtkWidget       *root,
                AfterFirstFrame *after)
{
  g_signal_connect_data (gtk_widget_get_frame_clock (root), "after-paint",
                         G_CALLBACK (first_frame_painted_cb), g_rc_box_acquire (after),
                         after_first_frame_release, 0);
  g_signal_handlers_disconnect_by_func (root, root_mapped_cb, after);
}

void
_desk_widget_after_first_frame (GtkWidget   *widget,
                                GSourceFunc  func)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AfterFirstFrame *after = g_rc_box_new0 (AfterFirstFrame);

  g_weak_ref_init (&after->widget, widget);
  after->func = func;

  /* Not in a window, or one already showing: at once (in an idle). */
  if (root == NULL || gtk_widget_get_mapped (GTK_WIDGET (root)))
    run_after_first_frame (after);
  else
    g_signal_connect_data (root, "map", G_CALLBACK (root_mapped_cb), g_rc_box_acquire (after),
                           after_first_frame_release, 0);

  after_first_frame_unref (after);
}

GTimeZone *
_desk_office_timezone (void)
{
  return desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (NULL));
}

GDateTime *
_desk_office_time (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return utc != NULL ? g_date_time_to_timezone (utc, _desk_office_timezone ()) : NULL;
}

GDateTime *
_desk_office_now (void)
{
  return g_date_time_new_now (_desk_office_timezone ());
}

/* Ctrl+Enter saves a form "as elsewhere" even from inside a multi-line
 * text: a class key binding runs after the focused GtkTextView, which
 * takes every Enter for a new line, so the shortcut is caught on the way
 * down (capture) instead. */
void
_desk_widget_add_ctrl_enter (GtkWidget  *widget,
                             const char *action_name)
{
  GtkEventController *controller;
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (action_name != NULL);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "desk-ctrl-enter");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK),
                                                            gtk_named_action_new (action_name)));
  gtk_widget_add_controller (widget, controller);
}
