/* desk-callbacks-view.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-call-panel.h"
#include "desk-callback-month.h"
#include "desk-callback-list-model.h"
#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_CALLBACKS_VIEW (desk_callbacks_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskCallbacksView, desk_callbacks_view, DESK, CALLBACKS_VIEW, GtkWidget)

/* The Callbacks area: the month grid, the selected day's agenda, today's
 * calls and the overdue ones; a call panel opens from any of them.
 * Planning runs once the office is set (in a thread, on its own
 * connection), and again for a ticket whenever it changes. */

void           desk_callbacks_view_set_office  (DeskCallbacksView *self,
                                                DeskDatabase      *db,
                                                GSettings         *settings);
/* Runs the planning now, in this thread (for tests). */
gboolean       desk_callbacks_view_plan_now    (DeskCallbacksView *self,
                                                GError           **error);
void           desk_callbacks_view_reload      (DeskCallbacksView *self);
DeskCallbackMonth *desk_callbacks_view_get_month (DeskCallbacksView *self);
/* Ids in the selected day's agenda, in order. */
GArray        *desk_callbacks_view_get_day_ids (DeskCallbacksView *self);
/* Selects the call in the list on screen (for keyboard moves and tests). */
gboolean       desk_callbacks_view_select_call (DeskCallbacksView *self,
                                                gint64             callback_id);
/* Whether the window's background planning is still running. */
gboolean       desk_callbacks_view_is_planning (DeskCallbacksView *self);
/* The lazy model behind "day", "today" or "overdue". */
DeskCallbackListModel *desk_callbacks_view_get_model (DeskCallbacksView *self,
                                                      const char        *list);
DeskCallPanel *desk_callbacks_view_open_call   (DeskCallbacksView *self,
                                                gint64             callback_id);

G_END_DECLS
