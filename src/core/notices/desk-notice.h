/* desk-notice.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a rectification notice (整改通知书) stands. */
typedef enum
{
  DESK_NOTICE_ISSUED,    /*< nick=issued >*/
  DESK_NOTICE_RECTIFIED, /*< nick=rectified >*/
  DESK_NOTICE_VERIFIED,  /*< nick=verified >*/
} DeskNoticeState;

/* One issued notice.  Everything from @number to @issued_by is the
 * document as issued and never changes; the state fields follow it. */
typedef struct
{
  gint64           id;
  char            *number;          /* ZG-2026-0001 */
  gint64           ticket_id;
  char            *ticket_number;
  int              version;         /* 1, or one more than the notice it replaces */
  gint64           replaces_id;     /* 0: an original */
  char            *replaces_number;
  char            *replaced_by_number; /* NULL: still in force */
  char            *recipient;
  gint64           recipient_department_id; /* 0: not a department of ours */
  char            *organisation;    /* the issuing office */
  char            *customer_name;
  char            *customer_phone;
  char            *site;
  char            *problem;
  char            *rectification;
  char            *due_date;        /* YYYY-MM-DD */
  gint64           issued_at;       /* Unix seconds */
  char            *issued_by;
  DeskNoticeState  state;
  gint64           rectified_at;    /* 0: not yet */
  char            *rectified_by;
  gint64           verified_at;
  char            *verified_by;
} DeskNoticeData;

void desk_notice_data_clear (DeskNoticeData *data);

#define DESK_TYPE_NOTICE (desk_notice_get_type ())

G_DECLARE_FINAL_TYPE (DeskNotice, desk_notice, DESK, NOTICE, GObject)

DeskNotice           *desk_notice_new_take   (DeskNoticeData *data);
const DeskNoticeData *desk_notice_get_data   (DeskNotice     *self);
gint64                desk_notice_get_id     (DeskNotice     *self);
const char           *desk_notice_get_number (DeskNotice     *self);
/* Waiting for the rectification: issued, not yet rectified, and not
 * replaced by a correction.  (The notices' Open list also holds those
 * rectified and waiting for the check.) */
gboolean              desk_notice_is_open    (DeskNotice     *self);
const char           *desk_notice_state_to_string (DeskNoticeState state);

G_END_DECLS
