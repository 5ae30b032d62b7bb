/* desk-field-rules.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a field of the office may hold: its length, its shape (a phone
 * number is a phone number) and the times a ticket may carry.  The stores
 * call these, so that the window, the command line and every import
 * refuse the same input in the same words, naming the field.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters (not bytes): Chinese text is three bytes a character. */
#define DESK_FIELD_NAME_MAX     100    /* a person's, company's or department's name */
#define DESK_FIELD_SUMMARY_MAX  200
#define DESK_FIELD_ADDRESS_MAX  300
#define DESK_FIELD_TEXT_MAX     20000  /* a description, a note, a notice's problem */
#define DESK_FIELD_PHONE_DIGITS_MIN 3  /* 110, 95598 */
#define DESK_FIELD_PHONE_DIGITS_MAX 20 /* an international number with an extension */
#define DESK_FIELD_QUERY_MAX    200

/* Received times before this are not dates anyone means (year 1, 1900). */
#define DESK_FIELD_EARLIEST_TIME G_GINT64_CONSTANT (946684800) /* 2000-01-01 UTC */

/* @text (may be %NULL when @required is FALSE) is valid UTF-8, holds no
 * control characters but line breaks and tabs, and is at most @max_chars
 * characters long.  The error (@domain, @code) names @field. */
gboolean desk_field_check_text     (const char  *text,
                                    const char  *field,
                                    guint        max_chars,
                                    GQuark       domain,
                                    int          code,
                                    GError     **error);
/* @phone (may be %NULL or empty: no number) is digits with spaces, "-",
 * "(", ")", a leading "+" and an extension after "转", "ext" or "x". */
gboolean desk_field_check_phone    (const char  *phone,
                                    const char  *field,
                                    GQuark       domain,
                                    int          code,
                                    GError     **error);
/* A ticket's received time: never before DESK_FIELD_EARLIEST_TIME nor more
 * than five years after @now (a clerk may mean next year's date, confirmed;
 * nobody means year 9999).  Times in messages are in @zone (the office's). */
gboolean desk_field_check_received (gint64       received_at,
                                    gint64       now,
                                    GTimeZone   *zone,
                                    GQuark       domain,
                                    int          code,
                                    GError     **error);
/* A received time a person should confirm: more than ten minutes after
 * @now, or more than a month before @office_since (when the office began
 * keeping tickets).  Returns the reason, or %NULL when it is ordinary. */
char    *desk_field_unusual_received (gint64     received_at,
                                      gint64     now,
                                      gint64     office_since,
                                      GTimeZone *zone);

G_END_DECLS
