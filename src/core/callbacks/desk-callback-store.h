/* desk-callback-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-callback-settings-store.h"
#include "desk-callback-store-error.h"
#include "desk-database.h"
#include "desk-work-calendar.h"

G_BEGIN_DECLS

/* Callbacks (回访): calls the office makes to customers.  Planned
 * automatically (a daily follow-up for every open complaint, a
 * satisfaction call after closing, a follow-up after a repair) over a
 * rolling window of days, or by hand (one call, or a campaign).  Each
 * call's outcome is recorded, acted on, and written to the ticket's
 * timeline. */

/* The office settings that tune the planning (delays, window) are read
 * and saved through desk-callback-settings-store.h. */

typedef enum
{
  DESK_CALLBACK_DAILY_FOLLOW_UP, /* every working day while a complaint is open */
  DESK_CALLBACK_SATISFACTION,    /* after a ticket closed */
  DESK_CALLBACK_AFTER_REPAIR,    /* some days after a repair */
  DESK_CALLBACK_MANUAL,
  DESK_CALLBACK_CAMPAIGN,
} DeskCallbackReason;

typedef enum
{
  DESK_CALLBACK_PLANNED,
  DESK_CALLBACK_REACHED,     /* made: the customer answered and talked */
  DESK_CALLBACK_NOT_REACHED, /* made: nobody answered; a retry is planned */
  DESK_CALLBACK_MISSED,      /* its day passed without a call */
  DESK_CALLBACK_RESCHEDULED, /* made: not convenient; a new call is planned */
  DESK_CALLBACK_CANCELLED,   /* its reason ended (the ticket closed, opt-out) */
} DeskCallbackState;

#define DESK_N_CALLBACK_STATES (DESK_CALLBACK_CANCELLED + 1)

typedef enum
{
  DESK_RATING_NONE,
  DESK_RATING_SATISFIED,
  DESK_RATING_AVERAGE,
  DESK_RATING_UNSATISFIED,
} DeskRating;

const char *desk_callback_reason_to_nick  (DeskCallbackReason reason);
const char *desk_callback_reason_get_label (DeskCallbackReason reason);
const char *desk_callback_state_to_nick   (DeskCallbackState  state);
const char *desk_callback_state_get_label (DeskCallbackState  state);
const char *desk_rating_to_nick           (DeskRating         rating);
const char *desk_rating_get_label         (DeskRating         rating);

/* One callback as read, with the names the lists show. */
typedef struct
{
  gint64              id;
  gint64              ticket_id;      /* 0: a call about no ticket */
  char               *ticket_number;
  char               *ticket_summary;
  gint64              customer_id;
  char               *customer_name;
  char               *customer_phone;
  char               *customer_address;
  char               *customer_notes;
  DeskCallbackReason  reason;
  DeskCallbackState   state;
  gint64              planned_at;
  char               *plan_day;       /* YYYY-MM-DD in the office's time zone */
  gint64              assignee_id;    /* 0: anyone */
  char               *assignee_name;
  gint64              done_at;        /* 0: not made */
  gint64              call_again_at;  /* the retry or the customer's time */
  char               *campaign;
  char               *note;
} DeskCallback;

void          desk_callback_free         (DeskCallback *callback);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCallback, desk_callback_free)

/* The preferred call windows (callback manual: 11:00–12:00 and after
 * 16:00), minutes after midnight, inside office hours. */
typedef struct
{
  int start_minute;
  int end_minute;
} DeskCallWindow;

const DeskCallWindow *desk_callback_default_windows (guint *n_windows);

/* The first moment at or after @after that lies in a call window of a
 * working day on @calendar, the office open. */
gint64        desk_callback_suggest_time (DeskWorkCalendar     *calendar,
                                          gint64                after);

/* Plans the automatic callbacks of the @n_days working days from @now's
 * day: follow-ups for open complaints, satisfaction and after-repair
 * calls for recently closed tickets; cancels planned follow-ups of closed
 * tickets and of customers who opted out; marks calls whose day passed as
 * missed.  Idempotent: running it again adds nothing.  @n_days 0: the
 * office setting (DESK_CALLBACK_SETTING_PLANNING_DAYS); the delays are
 * always the office settings'.  @n_planned receives how many were added. */
gboolean      desk_callback_store_plan   (DeskDatabase         *db,
                                          gint64                now,
                                          guint                 n_days,
                                          guint64              *n_planned,
                                          GError              **error);
/* The same for one ticket, after it changed. */
gboolean      desk_callback_store_plan_ticket (DeskDatabase    *db,
                                               gint64           ticket_id,
                                               gint64           now,
                                               GError         **error);
/* Keeps a ticket's callbacks in step with it from now on: plans or
 * cancels whenever a store of this process changes a ticket. */
void          desk_callback_store_watch  (DeskDatabase         *db);

/* One callback by hand.  @planned_at 0: the next suggested time after
 * @now; @assignee_id 0: anyone.  Returns the new id, or 0. */
gint64        desk_callback_store_add    (DeskDatabase         *db,
                                          gint64                customer_id,
                                          gint64                ticket_id,
                                          DeskCallbackReason    reason,
                                          gint64                planned_at,
                                          gint64                assignee_id,
                                          const char           *note,
                                          GError              **error);

/* Who a campaign calls: customers whose address or asset contains
 * @site, and/or the customers of a random sample of @sample tickets
 * closed between @closed_from and @closed_to (0: any). */
typedef struct
{
  const char *name;          /* required: names the campaign */
  const char *site;
  gint64      closed_from;
  gint64      closed_to;
  guint       sample;        /* 0: every closed ticket of the period */
  guint32     seed;          /* for the sample */
  gint64      start;         /* first call not before; 0: now */
  int         minutes_each;  /* spacing of the calls, default 10 */
  gint64      assignee_id;
} DeskCampaign;

/* Returns how many calls were planned (customers who opted out are
 * skipped), or -1 with @error set. */
gint64        desk_callback_store_add_campaign (DeskDatabase      *db,
                                                const DeskCampaign *campaign,
                                                gint64             now,
                                                GError           **error);

DeskCallback *desk_callback_store_get    (DeskDatabase         *db,
                                          gint64                id,
                                          GError              **error);
/* Callbacks planned in [@from, @to) (Unix seconds), by time; @assignee
 * NULL: everyone, else a staff name or code; at most @limit (0: all).
 * Element type DeskCallback. */
GPtrArray    *desk_callback_store_list   (DeskDatabase         *db,
                                          gint64                from,
                                          gint64                to,
                                          const char           *assignee,
                                          guint                 limit,
                                          GError              **error);
/* Planned calls whose time has passed (missed ones too), oldest first. */
GPtrArray    *desk_callback_store_list_overdue (DeskDatabase   *db,
                                                gint64          now,
                                                guint           limit,
                                                GError        **error);

/* What an agenda list shows: the calls planned in [@from, @to), or with
 * @open_only the planned and missed ones before @to (overdue). */
typedef struct
{
  gint64   from;
  gint64   to;
  gboolean open_only;
  gint64   assignee_id; /* 0: everyone's; else this person's and those for anyone */
} DeskCallbackRange;

/* How many calls @range holds, and a page of them in time order: for the
 * agenda's lazy lists, which read only the rows on screen. */
gint64        desk_callback_store_count_range (DeskDatabase             *db,
                                               const DeskCallbackRange  *range,
                                               GError                  **error);
GPtrArray    *desk_callback_store_list_range  (DeskDatabase             *db,
                                               const DeskCallbackRange  *range,
                                               guint                     offset,
                                               guint                     limit,
                                               GError                  **error);

/* Per day: how many are due (planned), done (made), missed. */
typedef struct
{
  char    day[11];   /* YYYY-MM-DD */
  guint   due;
  guint   done;
  guint   missed;
} DeskCallbackDayCount;

/* From day @first to @last inclusive ("YYYY-MM-DD"); element type
 * DeskCallbackDayCount, only days that have callbacks. */
GArray       *desk_callback_store_day_counts (DeskDatabase     *db,
                                              const char       *first,
                                              const char       *last,
                                              GError          **error);

/* Moves a planned call; refused for made ones. */
gboolean      desk_callback_store_reschedule (DeskDatabase     *db,
                                              gint64            id,
                                              gint64            planned_at,
                                              GError          **error);
/* Nobody will make this call (it is kept, as cancelled). */
gboolean      desk_callback_store_cancel     (DeskDatabase     *db,
                                              gint64            id,
                                              GError          **error);
gboolean      desk_callback_store_reassign   (DeskDatabase     *db,
                                              gint64            id,
                                              gint64            assignee_id,
                                              GError          **error);

/* What happened on the call. */
typedef enum
{
  DESK_CALL_CONVENIENT,     /* the questions were asked */
  DESK_CALL_NOT_CONVENIENT, /* the customer gave a time to call again */
  DESK_CALL_NO_ANSWER,      /* retried later today or the next working day */
} DeskCallResult;

typedef struct
{
  const char *question;  /* key from the script */
  DeskRating  rating;
  const char *text;      /* free text, may be NULL */
} DeskCallbackAnswer;

typedef struct
{
  DeskCallResult            result;
  const DeskCallbackAnswer *answers;     /* convenient */
  guint                     n_answers;
  gint64                    call_again_at; /* not convenient: required; no answer: 0 = suggest */
  const char               *new_phone;   /* corrections saved to the customer; NULL: none */
  const char               *new_address;
  const char               *note;
  /* Convenient: the customer agreed a visit on the call, or says someone
   * came; recorded on the timeline as "visit-agreed" / "visited", which
   * the deadline rules (a visit agreed but nobody came) read. */
  gboolean                  visit_agreed;
  gboolean                  visited;
} DeskCallbackOutcome;

/* Records the outcome at @now by @actor_id: sets the state, stores the
 * answers and corrections, plans the retry or the new time, writes the
 * ticket's timeline, and on an unsatisfied answer reopens a closed
 * ticket or escalates an open one.  One transaction.  @follow_up_id, if
 * given, receives the id of the call planned next (0: none). */
gboolean      desk_callback_store_record_outcome (DeskDatabase              *db,
                                                  gint64                     id,
                                                  const DeskCallbackOutcome *outcome,
                                                  gint64                     actor_id,
                                                  gint64                     now,
                                                  gint64                    *follow_up_id,
                                                  GError                   **error);

/* A made call's answers.  Element type DeskCallbackAnswer with owned
 * strings (free with desk_callback_answers_free). */
GArray       *desk_callback_store_answers (DeskDatabase        *db,
                                           gint64               id,
                                           GError             **error);
void          desk_callback_answers_free  (GArray              *answers);

/* Monthly figures for the report: one row per person (assignee_id 0 and
 * name NULL: nobody assigned) and, last, the total (assignee_id -1). */
typedef struct
{
  gint64  assignee_id;
  char   *assignee_name;
  guint   planned;     /* every callback of the month but cancelled */
  guint   made;        /* reached, not reached, rescheduled */
  guint   reached;
  guint   missed;
  guint   satisfied;   /* answers given */
  guint   average;
  guint   unsatisfied;
} DeskCallbackFigures;

/* Element type DeskCallbackFigures; free with g_ptr_array_unref. */
GPtrArray    *desk_callback_store_month_figures (DeskDatabase  *db,
                                                 int            year,
                                                 int            month,
                                                 GError       **error);

G_END_DECLS
