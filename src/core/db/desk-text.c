/* desk-text.c
 *
 * desk_text_is_blank(): whether a text is empty or white space only, the
 * ideographic space included.  Its own file because stores and dialogs
 * alike check required fields with it, and it needs nothing but GLib.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-text"

#include "config.h"

#include "desk-text.h"

gboolean
desk_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}
