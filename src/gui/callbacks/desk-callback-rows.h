/* desk-callback-rows.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Callbacks area's list rows (internal to the area).
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-callback-list-model.h"

G_BEGIN_DECLS

/* Gives @list its row factory and a single selection over @model; the
 * rows' "Assign To" menus list *@staff, which the view keeps current. */
void                _desk_callback_rows_set_up          (GtkListView            *list,
                                                         DeskCallbackListModel  *model,
                                                         gboolean                with_date,
                                                         GPtrArray             **staff);
/* Counts @range into @list's calls, keeping the selected call selected
 * where it still is. */
gboolean            _desk_callback_rows_set_range       (GtkListView             *list,
                                                         const DeskCallbackRange *range,
                                                         GError                 **error);
/* Whether @list shows its calls: a list on a tab that is not shown has
 * none, so that it builds no rows (a list view builds some 200 rows of
 * its model whether it is shown or not). */
void                _desk_callback_rows_attach          (GtkListView            *list,
                                                         gboolean                attached);
/* The call at @position (owned by the model's page), or %NULL. */
/* Why the call is made, as the lists and the call panel say it: the
 * reason, and for a call planned by hand or in a campaign what it is for
 * ("By hand: 确认上门时间"). */
char               *_desk_callback_describe_reason      (const DeskCallback      *callback);
const DeskCallback *_desk_callback_rows_get             (GtkListView            *list,
                                                         guint                   position);
gint64              _desk_callback_rows_get_selected_id (GtkListView            *list);

G_END_DECLS
