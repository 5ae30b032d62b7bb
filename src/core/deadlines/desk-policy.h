/* desk-policy.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-types.h"
#include "desk-work-calendar.h"

G_BEGIN_DECLS

/* The office's time limits as data (DOMAIN.md, Rules): each rule says
 * which event starts its clock, what must then happen, by whom, within
 * what limit, for which tickets, and what a breach does.  The engine
 * (desk_policy_evaluate) is a pure function of a ticket's facts, the
 * policy, the work calendar and "now": it reads no clock and no database. */

/* What starts a rule's clock. */
typedef enum
{
  DESK_CLOCK_RECEIVED,      /*< nick=received >*/
  DESK_CLOCK_FORWARDED,     /*< nick=forwarded >*/
  DESK_CLOCK_VISIT_AGREED,  /*< nick=visit-agreed >*/
  DESK_CLOCK_NOTICE_ISSUED, /*< nick=notice-issued >*/
  DESK_CLOCK_CLOSED,        /*< nick=closed >*/
} DeskClockEvent;

/* What must happen; the matching fact of the ticket meets the rule. */
typedef enum
{
  DESK_ACTION_FORWARD,      /*< nick=forward >*/
  DESK_ACTION_CONTACT,      /*< nick=contact >*/
  DESK_ACTION_ISSUE_NOTICE, /*< nick=issue-notice >*/
  DESK_ACTION_VISIT,        /*< nick=visit >*/
  DESK_ACTION_CALL_BACK,    /*< nick=call-back >*/
  DESK_ACTION_RECTIFY,      /*< nick=rectify >*/
  /* No deadline: a ticket the rule applies to is itself the event to
   * record (a repeat complaint's fine); it lands in the ledger. */
  DESK_ACTION_RECORD,       /*< nick=record >*/
} DeskRuleAction;

typedef enum
{
  DESK_LIMIT_MINUTES,       /*< nick=minutes >*/
  DESK_LIMIT_HOURS,         /*< nick=hours >*/
  DESK_LIMIT_DAYS,          /*< nick=days >*/ /* working days in working time */
} DeskLimitUnit;

/* Which sites a rule is for: construction sites become "completed" when
 * the completion-acceptance form is signed (the asset's handover date). */
typedef enum
{
  DESK_SITE_ANY,            /*< nick=any >*/
  DESK_SITE_UNDER_CONSTRUCTION, /*< nick=under-construction >*/
  DESK_SITE_COMPLETED,      /*< nick=completed >*/
} DeskSiteCondition;

typedef enum
{
  DESK_HOURS_ANY,           /*< nick=any >*/
  DESK_HOURS_OFFICE,        /*< nick=office >*/  /* received while the office is open */
  DESK_HOURS_AFTER,         /*< nick=after >*/   /* received while it is closed */
} DeskHoursCondition;

/* Whom a fine is recorded against. */
typedef enum
{
  DESK_FINE_DEPARTMENT,     /*< nick=department >*/
  DESK_FINE_PERSON,         /*< nick=person >*/
} DeskFineTarget;

/* The values of these enums are stored in the office database
 * (policy_rules): append only. */

typedef struct
{
  char              *id;              /* stable, e.g. "forward-30min" */
  char              *name;            /* as written (English for the defaults); see desk_rule_get_label() */
  DeskClockEvent     starts;
  DeskRuleAction     action;
  DeskRole           role;            /* who must act */
  int                limit;
  DeskLimitUnit      unit;
  gboolean           working_time;    /* FALSE: clock time */
  gboolean           repeats;         /* again every limit until closed (daily callbacks) */
  /* Conditions: a ticket must meet all of them. */
  guint              kinds;           /* bit per DeskTicketKind; 0: all */
  char             **categories;      /* category codes; NULL: any */
  char             **except_categories;
  DeskSeverity       min_severity;
  DeskSiteCondition  site;
  int                within_days_of_handover; /* with DESK_SITE_COMPLETED; 0: any time */
  DeskHoursCondition hours;
  gboolean           needs_callbacks; /* not for customers who said no */
  int                min_repeat;      /* repeat number (1: first complaint); 0: any */
  gboolean           first_counts;    /* FALSE: a first complaint is recorded but not counted or fined */
  /* A breach. */
  gboolean           escalate;
  DeskRole           escalate_to;     /* straight to this role (0, the clerk: next in the chain) */
  gboolean           notify;
  int                fine_yuan;       /* 0: no fine */
  DeskFineTarget     fine_target;
  /* Working time counted on this calendar (e.g. "emergency", a 24-hour
   * crew); NULL: the office's.  The store resolves the name into
   * @work_calendar (a reference); office hours conditions stay the
   * office's. */
  char              *calendar;
  DeskWorkCalendar  *work_calendar;
} DeskRule;

typedef struct
{
  int        revision;
  GPtrArray *rules;                   /* DeskRule, owned */
} DeskPolicy;

/* What the engine needs to know of a ticket.  Times are Unix seconds,
 * 0 when it has not happened. */
typedef struct
{
  DeskTicketKind   kind;
  const char      *category;          /* code */
  DeskSeverity     severity;
  gint64           received_at;
  gint64           forwarded_at;
  gint64           contacted_at;
  gint64           visit_agreed_at;
  gint64           visited_at;
  gint64           notice_issued_at;
  gint64           rectified_at;
  gint64           closed_at;
  gint64           last_callback_at;
  gint64           handover_at;       /* completion acceptance; 0: under construction or not a site */
  gboolean         is_site;
  gboolean         no_callbacks;
  int              repeat_count;      /* 1: first complaint about the matter */
  int              policy_revision;   /* the revision it is measured against (stores' business) */
} DeskTicketFacts;

typedef enum
{
  DESK_DEADLINE_PENDING,              /* due later */
  DESK_DEADLINE_DUE_SOON,             /* past the warning share of its time */
  DESK_DEADLINE_BREACHED,             /* due and not met */
  DESK_DEADLINE_MET,                  /* met in time */
  DESK_DEADLINE_MET_LATE,             /* met, after it was due */
} DeskDeadlineState;

typedef struct
{
  const DeskRule   *rule;             /* owned by the policy */
  gint64            starts_at;
  gint64            due_at;
  gint64            met_at;           /* 0: not met */
  gint64            warn_at;          /* when it becomes due soon (0 once met or breached) */
  DeskDeadlineState state;
} DeskDeadline;

DeskPolicy *desk_policy_new_default  (void);
DeskPolicy *desk_policy_new          (int         revision);
DeskPolicy *desk_policy_copy         (const DeskPolicy *policy);
void        desk_policy_free         (DeskPolicy *policy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPolicy, desk_policy_free)
DeskRule   *desk_policy_find_rule    (const DeskPolicy *policy,
                                      const char       *id);
DeskRule   *desk_rule_copy           (const DeskRule   *rule);
void        desk_rule_free           (DeskRule   *rule);
/* The rule's name for people: the default rules' names are translated. */
const char *desk_rule_get_label      (const DeskRule   *rule);
/* The rule as a sentence for people, in the user's language: who does
 * what within which limit, for which tickets, and what a breach does. */
char       *desk_rule_describe       (const DeskRule   *rule);
/* Whether the rule is kept in the ledger for this ticket (counts against
 * its department), and the fine it then carries. */
gboolean    desk_rule_counts         (const DeskRule        *rule,
                                      const DeskTicketFacts *facts);

/* The ticket's deadlines under @policy at @now, in rule order; rules that
 * do not apply or whose clock has not started are left out.  A warning
 * ("due soon") starts when @warn_percent of the time has gone. */
GArray     *desk_policy_evaluate     (const DeskPolicy      *policy,
                                      DeskWorkCalendar      *calendar,
                                      const DeskTicketFacts *facts,
                                      gint64                 now,
                                      int                    warn_percent);
/* The RECORD rules (no deadline) that apply to the ticket, in rule
 * order.  Element type: const DeskRule *. */
GPtrArray  *desk_policy_occurrences  (const DeskPolicy      *policy,
                                      DeskWorkCalendar      *calendar,
                                      const DeskTicketFacts *facts);
/* The earliest due time among @deadlines that are not met (0: none). */
gint64      desk_deadlines_next_due  (GArray                *deadlines);
/* The next moment after the evaluation's "now" at which one of
 * @deadlines becomes due soon or is breached (0: none ahead). */
gint64      desk_deadlines_next_change (GArray              *deadlines);

G_END_DECLS
