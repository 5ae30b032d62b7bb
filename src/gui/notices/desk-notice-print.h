/* desk-notice-print.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-notice.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTICE_PRINT_OPERATION (desk_notice_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (DeskNoticePrintOperation, desk_notice_print_operation,
                      DESK, NOTICE_PRINT_OPERATION, GtkPrintOperation)

/* Prints @notice on A4 with the same renderer as the PDF export, so the
 * preview, the paper and the PDF are the same document. */
DeskNoticePrintOperation *desk_notice_print_operation_new (DeskNotice *notice);

/* Runs the system print dialog (with its preview) for @notice. */
void desk_notice_print      (GtkWidget  *parent,
                             DeskNotice *notice);
/* Asks where to save and writes @notice as PDF there. */
void desk_notice_export_pdf (GtkWidget  *parent,
                             DeskNotice *notice);

G_END_DECLS
