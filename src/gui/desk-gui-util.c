/* desk-gui-util.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-gui-util"

#include "config.h"

#include "desk-gui-private.h"
#include "desk-window.h"

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

  window = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);
  if (window == NULL)
    window = gtk_widget_get_ancestor (widget, DESK_TYPE_WINDOW);
  /* Other windows (the notices window) have an overlay of their own. */
  if (window == NULL)
    window = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (window == NULL)
    {
      g_message ("%s", message);
      return;
    }

  /* The reason comes last in these messages: wrap rather than let the
   * toast cut it off. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", message,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "max-width-chars", 50,
                        "xalign", 0.0f,
                        NULL);
  toast = adw_toast_new (message);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 10);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else if (ADW_IS_TOAST_OVERLAY (window))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (window), toast);
  else
    desk_window_add_toast (DESK_WINDOW (window), toast);
}
