/* desk-notice-dialog.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-notice.h"
#include "desk-ticket.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTICE_DIALOG (desk_notice_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskNoticeDialog, desk_notice_dialog, DESK, NOTICE_DIALOG, AdwWindow)

/* The Issue Notice form for @ticket: recipient (a department can be
 * picked), deadline, problem (filled in from the ticket) and required
 * rectification.  A field the store refuses is marked and focused, and the
 * message names it.
 *
 * Signals: issued (DeskNotice *notice): the notice was issued; the dialog
 * closes itself afterwards.
 * Actions: notice.issue (Ctrl+Enter), notice.pick-recipient (s). */
GtkWindow *desk_notice_dialog_new (DeskDatabase *database,
                                   DeskTicket   *ticket,
                                   gint64        actor_id);
/* The same form for a correction of @replaced: filled in from it, and the
 * new notice says it replaces @replaced. */
GtkWindow *desk_notice_dialog_new_correction (DeskDatabase *database,
                                              DeskNotice   *replaced,
                                              gint64        actor_id);

G_END_DECLS
