/* desk-text.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for NULL, "" and text of white space only (any Unicode space,
 * including the ideographic space U+3000 that Chinese input produces). */
gboolean desk_text_is_blank (const char *text);

G_END_DECLS
