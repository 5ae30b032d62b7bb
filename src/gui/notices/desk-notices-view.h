/* desk-notices-view.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-notice-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTICES_VIEW (desk_notices_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskNoticesView, desk_notices_view, DESK, NOTICES_VIEW, AdwBin)

/* The notices window's content (desk-notices-window.c): the office's
 * rectification notices, open, overdue for rectification or all, by recipient, with search; each with
 * Print…, Export PDF… and its next step. */
void  desk_notices_view_set_office (DeskNoticesView  *self,
                                    DeskDatabase     *database,
                                    gint64            actor_id);
void  desk_notices_view_set_query  (DeskNoticesView  *self,
                                    DeskNoticeFilter  filter,
                                    const char       *recipient,
                                    const char       *search);
guint desk_notices_view_get_n_shown (DeskNoticesView *self);

G_END_DECLS
