/* desk-callback-list-model.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The callbacks agenda as a lazy GListModel: it counts a day's (or the
 * overdue) calls with one query and reads pages of them only when a list
 * view asks for the rows it shows, as the ticket table does.
 */

#pragma once

#include <gio/gio.h>

#include "desk-callback-store.h"
#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_CALLBACK_ITEM (desk_callback_item_get_type ())
G_DECLARE_FINAL_TYPE (DeskCallbackItem, desk_callback_item, DESK, CALLBACK_ITEM, GObject)

/* The call of a row; %NULL for a row whose call went away since the list
 * was counted (it disappears at the next refresh). */
const DeskCallback *desk_callback_item_get_callback (DeskCallbackItem *self);

#define DESK_TYPE_CALLBACK_LIST_MODEL (desk_callback_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DeskCallbackListModel, desk_callback_list_model, DESK, CALLBACK_LIST_MODEL, GObject)

DeskCallbackListModel *desk_callback_list_model_new       (DeskDatabase            *db);
/* Counts @range's calls and tells the views (one items-changed); no row
 * is read until a view asks for it. */
gboolean               desk_callback_list_model_set_range (DeskCallbackListModel   *self,
                                                           const DeskCallbackRange *range,
                                                           GError                 **error);
/* How many calls the range holds.  The model itself first tells its
 * views of a window's height of them and of the rest at low priority,
 * once the main loop is idle (after the frame that shows the first). */
guint                  desk_callback_list_model_get_total (DeskCallbackListModel   *self);
/* Tells of a window's height of them again, and of the rest once idle:
 * for a view about to show the model. */
void                   desk_callback_list_model_show_first (DeskCallbackListModel  *self);
/* Tells of all of them now (for a caller that looks far down the list). */
void                   desk_callback_list_model_show_all  (DeskCallbackListModel   *self);
/* The same range again, after the office changed. */
gboolean               desk_callback_list_model_refresh   (DeskCallbackListModel   *self,
                                                           GError                 **error);
/* How many pages of rows were read from the office (for tests and the
 * benchmark: a list of 100,000 calls reads only what is on screen). */
guint                  desk_callback_list_model_get_pages_read (DeskCallbackListModel *self);

G_END_DECLS
