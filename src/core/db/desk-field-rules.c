/* desk-field-rules.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks of desk-field-rules.h: lengths in characters, phone numbers
 * by their shape, and received times by what an office can mean.
 */

#define G_LOG_DOMAIN "desk-field-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-field-rules.h"

gboolean
desk_field_check_text (const char  *text,
                       const char  *field,
                       guint        max_chars,
                       GQuark       domain,
                       int          code,
                       GError     **error)
{
  glong n;

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, domain, code, _("%s: the text is not valid UTF-8"), field);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\t' && c != '\r' && g_unichar_iscntrl (c))
        {
          g_set_error (error, domain, code,
                       _("%s: the text holds a control character (U+%04X) at character %ld"),
                       field, c, g_utf8_pointer_to_offset (text, p) + 1);
          return FALSE;
        }
    }

  n = g_utf8_strlen (text, -1);
  if (n > (glong)max_chars)
    {
      g_set_error (error, domain, code,
                   _("%s: %ld characters is too long (at most %u)"), field, n, max_chars);
      return FALSE;
    }

  return TRUE;
}

/* Counts the digits of @phone, or returns -1 at a character that has no
 * place in a phone number.  Full-width digits count: an input method may
 * type them. */
static int
count_phone_digits (const char *phone)
{
  gboolean extension = FALSE;
  int digits = 0;

  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) && g_unichar_digit_value (c) >= 0)
        digits++;
      else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 ||
               c == 0x2014 || c == 0xFF0D)
        continue;
      else if (c == '+' && p == phone)
        continue;
      else if (!extension && digits > 0 && c == 0x8F6C) /* 转 */
        extension = TRUE;
      else if (!extension && digits > 0 && (c == 'x' || c == 'X'))
        extension = TRUE;
      else if (!extension && digits > 0 && g_ascii_strncasecmp (p, "ext", 3) == 0)
        {
          extension = TRUE;
          p += 2;
        }
      else
        return -1;
    }

  return digits;
}

gboolean
desk_field_check_phone (const char  *phone,
                        const char  *field,
                        GQuark       domain,
                        int          code,
                        GError     **error)
{
  int digits;

  if (phone == NULL || *phone == '\0')
    return TRUE;

  if (!desk_field_check_text (phone, field, 40, domain, code, error))
    return FALSE;

  digits = count_phone_digits (phone);
  if (digits < DESK_FIELD_PHONE_DIGITS_MIN || digits > DESK_FIELD_PHONE_DIGITS_MAX)
    {
      g_set_error (error, domain, code,
                   _("%s: “%s” is not a phone number (%d to %d digits, with spaces, +, - or "
                     "parentheses between them and an extension after 转)"),
                   field, phone, DESK_FIELD_PHONE_DIGITS_MIN, DESK_FIELD_PHONE_DIGITS_MAX);
      return FALSE;
    }

  return TRUE;
}

static char *
format_date (gint64     when,
             GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) dt = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

gboolean
desk_field_check_received (gint64      received_at,
                           gint64      now,
                           GTimeZone  *zone,
                           GQuark      domain,
                           int      code,
                           GError **error)
{
  if (received_at < DESK_FIELD_EARLIEST_TIME || received_at > now + 5 * 366 * 24 * 3600)
    {
      g_autofree char *when = format_date (received_at, zone);

      g_set_error (error, domain, code,
                   _("Received: %s is not a time a call can have been taken "
                     "(from the year 2000 to five years from now)"), when);
      return FALSE;
    }

  return TRUE;
}

char *
desk_field_unusual_received (gint64     received_at,
                             gint64     now,
                             gint64     office_since,
                             GTimeZone *zone)
{
  g_autofree char *when = format_date (received_at, zone);

  if (received_at > now + 10 * 60)
    return g_strdup_printf (_("Received: %s is in the future"), when);

  if (office_since > 0 && received_at < office_since - 31 * 24 * 3600)
    {
      g_autofree char *since = format_date (office_since, zone);

      return g_strdup_printf (_("Received: %s is long before the office’s first ticket (%s)"),
                              when, since);
    }

  return NULL;
}
