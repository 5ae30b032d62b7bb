/* desk-notice-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-notice.h"

G_BEGIN_DECLS

#define DESK_NOTICE_STORE_ERROR (desk_notice_store_error_quark ())

/* The code says which field of the form was wrong, so that the dialog can
 * point at it; the message names it too. */
typedef enum
{
  DESK_NOTICE_STORE_ERROR_RECIPIENT,
  DESK_NOTICE_STORE_ERROR_PROBLEM,
  DESK_NOTICE_STORE_ERROR_RECTIFICATION,
  DESK_NOTICE_STORE_ERROR_DUE_DATE,
  DESK_NOTICE_STORE_ERROR_PATTERN,  /* the office's number pattern is unusable */
  DESK_NOTICE_STORE_ERROR_STATE,    /* e.g. verifying a notice not yet rectified */
  DESK_NOTICE_STORE_ERROR_REPLACED, /* correcting a notice already corrected */
} DeskNoticeStoreError;

GQuark desk_notice_store_error_quark (void);

/* The office setting that holds the numbering pattern: YYYY (or YY) is the
 * year of issue, MM its month, a run of N the count within the year,
 * zero-padded to the run's length; anything else is copied. */
#define DESK_SETTING_NOTICE_NUMBER_PATTERN "notice-number-pattern"
#define DESK_NOTICE_DEFAULT_PATTERN        "ZG-YYYY-NNNN"

/* NULL (and @error set) when @pattern lacks the year or the count. */
char *desk_notice_format_number (const char  *pattern,
                                 int          year,
                                 int          month,
                                 gint64       sequence,
                                 GError     **error);

/* The office's pattern (the default when none is set), and saving a new
 * one after checking it; a blank @pattern goes back to the default. */
char *desk_notice_store_get_pattern (DeskDatabase  *db);
gboolean desk_notice_store_set_pattern (DeskDatabase  *db,
                                        const char    *pattern,
                                        GError       **error);

/* What the Issue Notice form collects. */
typedef struct
{
  gint64      ticket_id;               /* required, unless @replaces_id is set */
  const char *recipient;               /* required: department, project manager, subcontractor */
  gint64      recipient_department_id; /* 0: none */
  const char *problem;                 /* required */
  const char *rectification;           /* required */
  const char *due_date;                /* required, YYYY-MM-DD, not before the day of issue */
  gint64      replaces_id;             /* 0: an original; else the notice this corrects */
  gint64      issued_at;               /* 0: now */
} DeskNoticeDraft;

/* Checks @draft as issuing would (without writing anything). */
gboolean    desk_notice_store_check_draft    (const DeskNoticeDraft  *draft,
                                              gint64                  issued_at,
                                              GError                **error);

/* Issues the notice: takes the next number, copies the ticket's customer
 * and site and the office's name into it, records it on the ticket's
 * timeline and counts it as the ticket's notice for the deadline rules,
 * all in one transaction. */
DeskNotice *desk_notice_store_issue          (DeskDatabase           *db,
                                              const DeskNoticeDraft  *draft,
                                              gint64                  actor_id,
                                              GError                **error);
DeskNotice *desk_notice_store_get            (DeskDatabase           *db,
                                              gint64                  id,
                                              GError                **error);
DeskNotice *desk_notice_store_find_number    (DeskDatabase           *db,
                                              const char             *number,
                                              GError                **error);
/* The ticket's notices, newest first.  Element type DeskNotice. */
GPtrArray  *desk_notice_store_for_ticket     (DeskDatabase           *db,
                                              gint64                  ticket_id,
                                              GError                **error);

/* issued -> rectified -> verified, each with when (@at 0: now) and who
 * (@person: free text, e.g. the subcontractor's foreman; NULL: the
 * actor's name), on the ticket's timeline. */
gboolean    desk_notice_store_set_rectified  (DeskDatabase           *db,
                                              gint64                  id,
                                              gint64                  at,
                                              const char             *person,
                                              gint64                  actor_id,
                                              GError                **error);
gboolean    desk_notice_store_set_verified   (DeskDatabase           *db,
                                              gint64                  id,
                                              gint64                  at,
                                              const char             *person,
                                              gint64                  actor_id,
                                              GError                **error);

typedef enum
{
  DESK_NOTICE_FILTER_ALL,
  DESK_NOTICE_FILTER_OPEN,     /* not verified yet (issued or rectified), not replaced */
  DESK_NOTICE_FILTER_OVERDUE,  /* not rectified, not replaced, past the rectification deadline */
} DeskNoticeFilter;

typedef struct
{
  DeskNoticeFilter  filter;
  const char       *recipient; /* NULL: anyone */
  const char       *search;    /* NULL: no search; Chinese words of 1-2 characters work */
  const char       *today;     /* YYYY-MM-DD for "overdue"; NULL: today */
  guint             limit;     /* 0: no limit */
} DeskNoticeQuery;

/* Newest first.  Element type DeskNotice. */
GPtrArray  *desk_notice_store_list           (DeskDatabase           *db,
                                              const DeskNoticeQuery  *query,
                                              GError                **error);
/* Everyone notices were addressed to, by name. */
GStrv       desk_notice_store_recipients     (DeskDatabase           *db,
                                              GError                **error);

G_END_DECLS
