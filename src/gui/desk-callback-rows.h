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
/* The call at @position (owned by the model's page), or %NULL. */
const DeskCallback *_desk_callback_rows_get             (GtkListView            *list,
                                                         guint                   position);
gint64              _desk_callback_rows_get_selected_id (GtkListView            *list);

G_END_DECLS
