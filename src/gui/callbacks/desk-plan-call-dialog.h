/* desk-plan-call-dialog.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_PLAN_CALL_DIALOG (desk_plan_call_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskPlanCallDialog, desk_plan_call_dialog, DESK, PLAN_CALL_DIALOG, AdwWindow)

/* Plans calls by hand: one call (to a ticket's customer or a phone
 * number) or a campaign (a site's customers, or a sample of the customers
 * of tickets closed in a period).  Closes itself once planned; a wrong
 * field is named in the dialog. */
DeskPlanCallDialog *desk_plan_call_dialog_new (GtkWindow    *parent,
                                               DeskDatabase *db,
                                               gint64        assignee_id);

G_END_DECLS
