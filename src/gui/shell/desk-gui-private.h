/* desk-gui-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Puts @text into @row without showing its apply button: AdwEntryRow
 * takes every change of its text, even one made by the program, for an
 * edit to be applied. */
void _desk_entry_row_set_text (AdwEntryRow *row,
                               const char  *text);

/* The label a toast shows @message in: wrapped at words, so that a
 * ticket number is never split across lines. */
GtkWidget *_desk_toast_label_new (const char *message);
/* Shows a toast in the preferences window or the main window that holds
 * @widget, wrapped rather than cut off; logs the message when there is
 * neither. */
void _desk_widget_add_toast   (GtkWidget   *widget,
                               const char  *format,
                               ...) G_GNUC_PRINTF (2, 3);

/* Ctrl+Enter (and the keypad's) activates @action_name on @widget, even
 * while the focus is in a multi-line text inside it. */
void _desk_widget_add_ctrl_enter (GtkWidget   *widget,
                                  const char  *action_name);

/* Calls @func (@widget) once @widget's window has shown its first frame
 * (at once, in an idle, when it is showing already or there is none);
 * not when @widget is gone by then.  For work a window's start-up need not
 * wait for. */
void _desk_widget_after_first_frame (GtkWidget   *widget,
                                     GSourceFunc  func);

/* The mouse wheel over a spin button scrolls the page around it, unless
 * the user has put the focus in the spin button: values change only when
 * the user means it (desk-wheel-guard.c).  The second guards every spin
 * button under @widget at the time of the call. */
void _desk_spin_button_guard_wheel  (GtkSpinButton *spin);
void _desk_widget_guard_spin_wheels (GtkWidget     *widget);

/* Where a clerk's files go (desk-file-places.c): the folder last chosen
 * in this run, else Documents, else home.  A chooser starts there and
 * remembers what was chosen; Print to File writes @name.pdf there. */
GFile *_desk_documents_folder                   (void);
void   _desk_file_chooser_start_in_documents    (GtkFileChooser    *chooser);
void   _desk_remember_chosen_file               (GFile             *file);
void   _desk_print_operation_print_to_documents (GtkPrintOperation *operation,
                                                 const char        *name);

/* Every time the window shows is the office's time (its work calendar's
 * zone, as the command line and the printouts use), not the computer's:
 * a desk whose clock is set to another zone must not show a deadline
 * before opening hours. */
GTimeZone *_desk_office_timezone      (void);
GDateTime *_desk_office_time          (gint64       unix_time);
GDateTime *_desk_office_now           (void);

G_END_DECLS
