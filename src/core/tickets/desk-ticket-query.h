/* desk-ticket-query.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-ticket.h"

G_BEGIN_DECLS

/* The queues of the Tickets area's sidebar. */
typedef enum
{
  DESK_QUEUE_ALL,              /*< nick=all >*/
  DESK_QUEUE_OPEN,             /*< nick=open >*/
  DESK_QUEUE_MINE,             /*< nick=mine >*/       /* arg: staff id */
  DESK_QUEUE_UNASSIGNED,       /*< nick=unassigned >*/
  DESK_QUEUE_DUE_SOON,         /*< nick=due-soon >*/   /* next deadline within a day */
  DESK_QUEUE_OVERDUE,          /*< nick=overdue >*/
  DESK_QUEUE_MAJOR,            /*< nick=major >*/
  DESK_QUEUE_WAITING_CALLBACK, /*< nick=waiting-callback >*/
  DESK_QUEUE_DEPARTMENT,       /*< nick=department >*/ /* arg: department id */
  DESK_QUEUE_CLOSED,           /*< nick=closed >*/
} DeskQueue;

/* Sort orders; each runs on an index of tickets (column, id). */
typedef enum
{
  DESK_SORT_NUMBER,     /*< nick=number >*/
  DESK_SORT_STATUS,     /*< nick=status >*/
  DESK_SORT_SEVERITY,   /*< nick=severity >*/
  DESK_SORT_KIND,       /*< nick=kind >*/
  DESK_SORT_CUSTOMER,   /*< nick=customer >*/
  DESK_SORT_CATEGORY,   /*< nick=category >*/
  DESK_SORT_DEPARTMENT, /*< nick=department >*/
  DESK_SORT_OWNER,      /*< nick=owner >*/
  DESK_SORT_DEADLINE,   /*< nick=deadline >*/
  DESK_SORT_RECEIVED,   /*< nick=received >*/
  DESK_SORT_REPEAT,     /*< nick=repeat >*/
} DeskTicketSort;

#define DESK_N_SORTS (DESK_SORT_REPEAT + 1)

typedef struct
{
  DeskQueue       queue;
  gint64          queue_arg;  /* staff or department id, for MINE and DEPARTMENT */
  const char     *search;     /* what the user typed; NULL or "" for none */
  DeskTicketSort  sort;
  gboolean        descending;
  gint64          now;        /* for due soon / overdue; 0: the real time */
  gint64          count_hint; /* the count if known (0: not): few matches are
                               * found through the filter's index and sorted,
                               * many by walking the sort order's index */
} DeskTicketQuery;

/* Where a page ends: the sort value and id of its last row.  Paging by
 * key costs the same at row 900,000 as at row 0; OFFSET does not. */
typedef struct
{
  gboolean  valid;
  gboolean  is_null;
  gint64    int_value;
  char     *text_value;
  gint64    id;
} DeskTicketKey;

void        desk_ticket_key_clear      (DeskTicketKey          *key);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeskTicketKey, desk_ticket_key_clear)
void        desk_ticket_key_from_ticket (DeskTicketKey         *key,
                                         DeskTicketSort          sort,
                                         DeskTicket             *ticket);

/* -1 with @error set on failure. */
gint64      desk_ticket_query_count    (DeskDatabase           *db,
                                        const DeskTicketQuery  *query,
                                        GError                **error);
/* @limit tickets after @after (keyset), or from @offset when @after is
 * NULL or not valid.  Element type DeskTicket. */
GPtrArray  *desk_ticket_query_page     (DeskDatabase           *db,
                                        const DeskTicketQuery  *query,
                                        const DeskTicketKey    *after,
                                        guint                   offset,
                                        guint                   limit,
                                        GError                **error);
/* The position of ticket @id in the query's order, or -1 when the query
 * does not hold it. */
gint64      desk_ticket_query_position (DeskDatabase           *db,
                                        const DeskTicketQuery  *query,
                                        gint64                  id,
                                        GError                **error);

/* The SQL that count (@count) or page would run, with every parameter
 * written in as a literal: for comparing with the sqlite3 tool in the
 * benchmark, and for EXPLAIN QUERY PLAN when a query is slow. */
char       *desk_ticket_query_to_sql   (const DeskTicketQuery  *query,
                                        gboolean                count,
                                        const DeskTicketKey    *after,
                                        guint                   offset,
                                        guint                   limit);

G_END_DECLS
