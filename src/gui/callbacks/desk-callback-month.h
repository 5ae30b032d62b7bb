/* desk-callback-month.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_CALLBACK_MONTH (desk_callback_month_get_type ())

G_DECLARE_FINAL_TYPE (DeskCallbackMonth, desk_callback_month, DESK, CALLBACK_MONTH, GtkWidget)

/* A month of callbacks in the spirit of GNOME Calendar's month view: six
 * weeks of days, Monday first, each with how many calls are due, done
 * and missed (in words; colour only repeats them), today marked.  Arrow
 * keys move the selected day, Page Up/Down the month, Home goes to
 * today.  A callback dragged onto a day (its id as a gint64) is offered
 * with ::callback-dropped.
 *
 * Signals:
 *   day-selected (): the selected day changed.
 *   month-changed (): another month is shown; set its counts.
 *   callback-dropped (gint64 id, const char *day): move it to @day. */

GtkWidget  *desk_callback_month_new           (void);
/* Shows the month of @day ("YYYY-MM-DD") and selects it. */
void        desk_callback_month_select_day    (DeskCallbackMonth *self,
                                               const GDate       *day);
void        desk_callback_month_get_selected  (DeskCallbackMonth *self,
                                               GDate             *day);
/* The first and last day shown ("YYYY-MM-DD", 11 bytes each). */
void        desk_callback_month_get_range     (DeskCallbackMonth *self,
                                               char              *first,
                                               char              *last);
/* "November 2026", in the user's language. */
char       *desk_callback_month_dup_title     (DeskCallbackMonth *self);
void        desk_callback_month_set_today     (DeskCallbackMonth *self,
                                               const GDate       *today);
/* @counts: element type DeskCallbackDayCount (desk-callback-store.h). */
void        desk_callback_month_set_counts    (DeskCallbackMonth *self,
                                               GArray            *counts);
void        desk_callback_month_move          (DeskCallbackMonth *self,
                                               int                days,
                                               int                months);

G_END_DECLS
