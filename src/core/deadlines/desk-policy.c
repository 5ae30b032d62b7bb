/* desk-policy.c
 *
 * The deadline rules as data and the engine that judges them: DeskRule and
 * DeskPolicy, the default rules of the manuals, rules described as
 * sentences, and desk_policy_evaluate(), a pure function of a ticket's
 * facts, the policy, the work calendar and "now".  No database: the stores
 * (desk-policy-store.c, desk-deadline-store.c) feed it.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-policy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-policy.h"

#define KIND(k) (1u << (k))

void
desk_rule_free (DeskRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->id);
  g_free (rule->name);
  g_strfreev (rule->categories);
  g_strfreev (rule->except_categories);
  g_free (rule->calendar);
  g_clear_pointer (&rule->work_calendar, desk_work_calendar_unref);
  g_free (rule);
}

DeskRule *
desk_rule_copy (const DeskRule *rule)
{
  DeskRule *copy = g_memdup2 (rule, sizeof *rule);

  copy->id = g_strdup (rule->id);
  copy->name = g_strdup (rule->name);
  copy->categories = g_strdupv (rule->categories);
  copy->except_categories = g_strdupv (rule->except_categories);
  copy->calendar = g_strdup (rule->calendar);
  if (rule->work_calendar != NULL)
    copy->work_calendar = desk_work_calendar_ref (rule->work_calendar);
  return copy;
}

const char *
desk_rule_get_label (const DeskRule *rule)
{
  /* Stored names are the English of the default rules, or what a manager
   * typed; only the former have a translation. */
  return rule->name != NULL && *rule->name != '\0'
         ? g_dgettext (GETTEXT_PACKAGE, rule->name) : rule->id;
}

static const char *
clock_phrase (DeskClockEvent starts)
{
  switch (starts)
    {
    case DESK_CLOCK_RECEIVED:
      return _("after it is received");
    case DESK_CLOCK_FORWARDED:
      return _("after it is forwarded");
    case DESK_CLOCK_VISIT_AGREED:
      return _("after a visit is agreed");
    case DESK_CLOCK_NOTICE_ISSUED:
      return _("after the notice is issued");
    case DESK_CLOCK_CLOSED:
      return _("after it is closed");
    default:
      return "";
    }
}

static char *
limit_phrase (const DeskRule *rule)
{
  switch (rule->unit)
    {
    case DESK_LIMIT_MINUTES:
      return g_strdup_printf (rule->working_time
                              ? g_dngettext (GETTEXT_PACKAGE, "within %d working minute", "within %d working minutes", rule->limit)
                              : g_dngettext (GETTEXT_PACKAGE, "within %d minute", "within %d minutes", rule->limit),
                              rule->limit);
    case DESK_LIMIT_HOURS:
      return g_strdup_printf (rule->working_time
                              ? g_dngettext (GETTEXT_PACKAGE, "within %d working hour", "within %d working hours", rule->limit)
                              : g_dngettext (GETTEXT_PACKAGE, "within %d hour", "within %d hours", rule->limit),
                              rule->limit);
    case DESK_LIMIT_DAYS:
    default:
      return g_strdup_printf (rule->working_time
                              ? g_dngettext (GETTEXT_PACKAGE, "within %d working day", "within %d working days", rule->limit)
                              : g_dngettext (GETTEXT_PACKAGE, "within %d day", "within %d days", rule->limit),
                              rule->limit);
    }
}

char *
desk_rule_describe (const DeskRule *rule)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) kinds = g_string_new (NULL);
  const char *separator = C_("list of a rule's clauses", "; ");

  for (int k = DESK_TICKET_COMPLAINT; k <= DESK_TICKET_MAINTENANCE; k++)
    if (rule->kinds & KIND (k))
      g_string_append_printf (kinds, "%s%s", kinds->len ? C_("list of ticket kinds", ", ") : "",
                              desk_ticket_kind_get_label (k));

  if (rule->action == DESK_ACTION_RECORD)
    g_ptr_array_add (parts, g_strdup_printf (_("%s: recorded in the ledger"), desk_rule_get_label (rule)));
  else
    {
      g_autofree char *limit = limit_phrase (rule);

      /* e.g. "Forward to the responsible department: Clerk, within 30
       * working minutes after it is received" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s: %s, %s %s"), desk_rule_get_label (rule),
                                               desk_role_get_label (rule->role), limit,
                                               clock_phrase (rule->starts)));
    }

  if (rule->calendar != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("counted on the “%s” work calendar"), rule->calendar));
  if (rule->repeats)
    g_ptr_array_add (parts, g_strdup (_("again and again until it is closed")));
  if (kinds->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("for: %s"), kinds->str));
  if (rule->categories != NULL)
    {
      g_autofree char *list = g_strjoinv (C_("list of ticket kinds", ", "), rule->categories);
      g_ptr_array_add (parts, g_strdup_printf (_("categories: %s"), list));
    }
  if (rule->except_categories != NULL)
    {
      g_autofree char *list = g_strjoinv (C_("list of ticket kinds", ", "), rule->except_categories);
      g_ptr_array_add (parts, g_strdup_printf (_("except categories: %s"), list));
    }
  if (rule->min_severity > DESK_SEVERITY_LOW)
    g_ptr_array_add (parts, g_strdup_printf (_("severity %s or higher"), desk_severity_get_label (rule->min_severity)));
  if (rule->site == DESK_SITE_UNDER_CONSTRUCTION)
    g_ptr_array_add (parts, g_strdup (_("sites under construction")));
  else if (rule->site == DESK_SITE_COMPLETED && rule->within_days_of_handover > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "completed sites, within %d day of handover",
                                                          "completed sites, within %d days of handover",
                                                          rule->within_days_of_handover),
                                             rule->within_days_of_handover));
  else if (rule->site == DESK_SITE_COMPLETED)
    g_ptr_array_add (parts, g_strdup (_("completed sites")));
  if (rule->hours == DESK_HOURS_AFTER)
    g_ptr_array_add (parts, g_strdup (_("received outside office hours")));
  else if (rule->hours == DESK_HOURS_OFFICE)
    g_ptr_array_add (parts, g_strdup (_("received in office hours")));
  if (rule->needs_callbacks)
    g_ptr_array_add (parts, g_strdup (_("unless the customer wants no callbacks")));
  if (rule->min_repeat > 1)
    g_ptr_array_add (parts, g_strdup_printf (_("repeat number %d or later"), rule->min_repeat));
  if (rule->escalate && rule->escalate_to != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("when missed: straight to the %s"), desk_role_get_label (rule->escalate_to)));
  else if (rule->escalate)
    g_ptr_array_add (parts, g_strdup (_("when missed: escalate to the next level")));
  if (rule->notify)
    g_ptr_array_add (parts, g_strdup (_("when missed: notify")));
  if (rule->fine_yuan > 0)
    g_ptr_array_add (parts, g_strdup_printf (rule->fine_target == DESK_FINE_PERSON
                                             ? _("fine %d yuan against the person")
                                             : _("fine %d yuan against the department"),
                                             rule->fine_yuan));
  if (!rule->first_counts && (rule->fine_yuan > 0 || rule->action == DESK_ACTION_RECORD))
    g_ptr_array_add (parts, g_strdup (_("a first complaint does not count")));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (separator, (char **)parts->pdata);
}

gboolean
desk_rule_counts (const DeskRule        *rule,
                  const DeskTicketFacts *facts)
{
  return rule->first_counts || facts->repeat_count > 1;
}

DeskPolicy *
desk_policy_new (int revision)
{
  DeskPolicy *policy = g_new0 (DeskPolicy, 1);

  policy->revision = revision;
  policy->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_rule_free);
  return policy;
}

DeskPolicy *
desk_policy_copy (const DeskPolicy *policy)
{
  DeskPolicy *copy = desk_policy_new (policy->revision);

  for (guint i = 0; i < policy->rules->len; i++)
    g_ptr_array_add (copy->rules, desk_rule_copy (g_ptr_array_index (policy->rules, i)));
  return copy;
}

DeskRule *
desk_policy_find_rule (const DeskPolicy *policy,
                       const char       *id)
{
  for (guint i = 0; i < policy->rules->len; i++)
    {
      DeskRule *rule = g_ptr_array_index (policy->rules, i);

      if (g_strcmp0 (rule->id, id) == 0)
        return rule;
    }

  return NULL;
}

void
desk_policy_free (DeskPolicy *policy)
{
  if (policy == NULL)
    return;

  g_ptr_array_unref (policy->rules);
  g_free (policy);
}

static DeskRule *
add_rule (DeskPolicy     *policy,
          const char     *id,
          const char     *name,
          DeskClockEvent  starts,
          DeskRuleAction  action,
          DeskRole        role,
          int             limit,
          DeskLimitUnit   unit,
          gboolean        working_time)
{
  DeskRule *rule = g_new0 (DeskRule, 1);

  rule->id = g_strdup (id);
  rule->name = g_strdup (name);
  rule->starts = starts;
  rule->action = action;
  rule->role = role;
  rule->limit = limit;
  rule->unit = unit;
  rule->working_time = working_time;
  rule->kinds = KIND (DESK_TICKET_COMPLAINT);
  rule->min_severity = DESK_SEVERITY_LOW;
  g_ptr_array_add (policy->rules, rule);
  return rule;
}

/* DOMAIN.md's rules, as the manuals state them; offices change the
 * numbers in Preferences. */
DeskPolicy *
desk_policy_new_default (void)
{
  DeskPolicy *policy = desk_policy_new (1);
  DeskRule *r;

  /* Forwarded to the responsible department within 30 minutes; outside
   * office hours the paperwork follows on the next working day, which
   * working time gives by itself. */
  r = add_rule (policy, "forward", N_("Forward to the responsible department"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_FORWARD, DESK_ROLE_CLERK, 30, DESK_LIMIT_MINUTES, TRUE);
  r->notify = TRUE;

  /* ...but an urgent one received after hours goes to a manager by phone
   * at once. */
  r = add_rule (policy, "urgent-after-hours", N_("Phone a manager about an urgent complaint"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_CONTACT, DESK_ROLE_DEPARTMENT_MANAGER, 15,
                DESK_LIMIT_MINUTES, FALSE);
  r->min_severity = DESK_SEVERITY_URGENT;
  r->hours = DESK_HOURS_AFTER;
  r->escalate = TRUE;

  /* A department manager or above contacts the customer within 10 minutes. */
  r = add_rule (policy, "contact", N_("Contact the customer"),
                DESK_CLOCK_FORWARDED, DESK_ACTION_CONTACT, DESK_ROLE_DEPARTMENT_MANAGER, 10,
                DESK_LIMIT_MINUTES, TRUE);
  r->escalate = TRUE;

  /* Every complaint yields a rectification notice within one working day. */
  r = add_rule (policy, "notice", N_("Issue a rectification notice"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_ISSUE_NOTICE, DESK_ROLE_QA_INSPECTOR, 1,
                DESK_LIMIT_DAYS, TRUE);
  r->notify = TRUE;

  /* Repairs on completed sites within two months of handover: QA on site
   * within 4 hours for plumbing and electrical, 24 hours for anything else. */
  r = add_rule (policy, "visit-plumbing-electrical", N_("Visit the site (plumbing and electrical)"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_VISIT, DESK_ROLE_QA_INSPECTOR, 4, DESK_LIMIT_HOURS, FALSE);
  r->kinds = KIND (DESK_TICKET_COMPLAINT) | KIND (DESK_TICKET_REPAIR);
  r->categories = g_strsplit ("plumbing-electrical", ",", -1);
  r->site = DESK_SITE_COMPLETED;
  r->within_days_of_handover = 61;
  r->escalate = TRUE;

  r = add_rule (policy, "visit-other", N_("Visit the site"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_VISIT, DESK_ROLE_QA_INSPECTOR, 24, DESK_LIMIT_HOURS, FALSE);
  r->kinds = KIND (DESK_TICKET_COMPLAINT) | KIND (DESK_TICKET_REPAIR);
  r->except_categories = g_strsplit ("plumbing-electrical", ",", -1);
  r->site = DESK_SITE_COMPLETED;
  r->within_days_of_handover = 61;
  r->escalate = TRUE;

  /* The service desk calls back every day until the complaint is closed,
   * unless the customer said they want no callbacks. */
  r = add_rule (policy, "daily-callback", N_("Call the customer back"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_CALL_BACK, DESK_ROLE_CLERK, 1, DESK_LIMIT_DAYS, TRUE);
  r->repeats = TRUE;
  r->needs_callbacks = TRUE;
  r->notify = TRUE;

  /* A visit was agreed and nobody came for two days running: straight to
   * the general manager. */
  r = add_rule (policy, "agreed-visit", N_("Come for the agreed visit"),
                DESK_CLOCK_VISIT_AGREED, DESK_ACTION_VISIT, DESK_ROLE_DEPARTMENT_MANAGER, 2,
                DESK_LIMIT_DAYS, FALSE);
  r->escalate = TRUE;
  r->escalate_to = DESK_ROLE_GENERAL_MANAGER;

  /* A repeat complaint (second or later about the same matter) counts
   * against the department that let it happen, with a fine by cause; the
   * first complaint is recorded but does not count against QA. */
  r = add_rule (policy, "repeat-designer", N_("Repeat complaint: poor designer service"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_RECORD, DESK_ROLE_QA_INSPECTOR, 0, DESK_LIMIT_MINUTES, FALSE);
  r->categories = g_strsplit ("designer-service", ",", -1);
  r->fine_yuan = 200;

  r = add_rule (policy, "repeat-material", N_("Repeat complaint: unresolved material quality"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_RECORD, DESK_ROLE_QA_INSPECTOR, 0, DESK_LIMIT_MINUTES, FALSE);
  r->categories = g_strsplit ("material-quality", ",", -1);
  r->fine_yuan = 300;

  r = add_rule (policy, "repeat", N_("Repeat complaint"),
                DESK_CLOCK_RECEIVED, DESK_ACTION_RECORD, DESK_ROLE_QA_INSPECTOR, 0, DESK_LIMIT_MINUTES, FALSE);
  r->except_categories = g_strsplit ("designer-service,material-quality", ",", -1);
  r->fine_yuan = 100;

  return policy;
}

static gboolean
in_list (char       **list,
         const char  *code)
{
  return list != NULL && code != NULL && g_strv_contains ((const char * const *)list, code);
}

static gboolean
applies (const DeskRule        *rule,
         DeskWorkCalendar      *calendar,
         const DeskTicketFacts *f)
{
  if (rule->kinds != 0 && !(rule->kinds & KIND (f->kind)))
    return FALSE;
  if (rule->categories != NULL && !in_list (rule->categories, f->category))
    return FALSE;
  if (in_list (rule->except_categories, f->category))
    return FALSE;
  if (f->severity < rule->min_severity)
    return FALSE;
  if (rule->needs_callbacks && f->no_callbacks)
    return FALSE;
  if (rule->min_repeat > 0 && f->repeat_count < rule->min_repeat)
    return FALSE;

  switch (rule->site)
    {
    case DESK_SITE_ANY:
      break;
    case DESK_SITE_UNDER_CONSTRUCTION:
      if (!f->is_site || (f->handover_at != 0 && f->handover_at <= f->received_at))
        return FALSE;
      break;
    case DESK_SITE_COMPLETED:
      if (!f->is_site || f->handover_at == 0 || f->handover_at > f->received_at)
        return FALSE;
      if (rule->within_days_of_handover > 0 &&
          f->received_at - f->handover_at > (gint64)rule->within_days_of_handover * 24 * 3600)
        return FALSE;
      break;
    default:
      return FALSE;
    }

  switch (rule->hours)
    {
    case DESK_HOURS_ANY:
      return TRUE;
    case DESK_HOURS_OFFICE:
      return desk_work_calendar_is_open (calendar, f->received_at);
    case DESK_HOURS_AFTER:
      return !desk_work_calendar_is_open (calendar, f->received_at);
    default:
      return FALSE;
    }
}

static gint64
start_of (const DeskRule        *rule,
          const DeskTicketFacts *f)
{
  switch (rule->starts)
    {
    case DESK_CLOCK_RECEIVED:
      return f->received_at;
    case DESK_CLOCK_FORWARDED:
      return f->forwarded_at;
    case DESK_CLOCK_VISIT_AGREED:
      return f->visit_agreed_at;
    case DESK_CLOCK_NOTICE_ISSUED:
      return f->notice_issued_at;
    case DESK_CLOCK_CLOSED:
      return f->closed_at;
    default:
      return 0;
    }
}

static gint64
met_of (const DeskRule        *rule,
        const DeskTicketFacts *f)
{
  switch (rule->action)
    {
    case DESK_ACTION_FORWARD:
      return f->forwarded_at;
    case DESK_ACTION_CONTACT:
      return f->contacted_at;
    case DESK_ACTION_ISSUE_NOTICE:
      return f->notice_issued_at;
    case DESK_ACTION_VISIT:
      return f->visited_at;
    case DESK_ACTION_CALL_BACK:
      return f->last_callback_at;
    case DESK_ACTION_RECTIFY:
      return f->rectified_at;
    default:
      return 0;
    }
}

static gint64
due_from (const DeskRule   *rule,
          DeskWorkCalendar *calendar,
          gint64            start)
{
  gint64 minutes;

  if (rule->working_time)
    {
      switch (rule->unit)
        {
        case DESK_LIMIT_MINUTES:
          return desk_work_calendar_add_minutes (calendar, start, rule->limit);
        case DESK_LIMIT_HOURS:
          return desk_work_calendar_add_minutes (calendar, start, rule->limit * 60);
        case DESK_LIMIT_DAYS:
          return desk_work_calendar_add_days (calendar, start, rule->limit);
        default:
          return start;
        }
    }

  minutes = rule->unit == DESK_LIMIT_MINUTES ? rule->limit
          : rule->unit == DESK_LIMIT_HOURS ? rule->limit * 60
          : (gint64)rule->limit * 24 * 60;
  return start + minutes * 60;
}

/* When @warn_percent of the rule's time has gone: in working time for
 * working-time rules, so that a night does not use up the warning. */
static gint64
warn_time (const DeskRule   *rule,
           DeskWorkCalendar *calendar,
           gint64            start,
           gint64            due,
           int               warn_percent)
{
  gint64 total;

  if (rule->working_time)
    {
      total = desk_work_calendar_minutes_between (calendar, start, due);
      return desk_work_calendar_add_minutes (calendar, start, (int)(total * warn_percent / 100));
    }

  return start + (due - start) * warn_percent / 100;
}

GArray *
desk_policy_evaluate (const DeskPolicy      *policy,
                      DeskWorkCalendar      *calendar,
                      const DeskTicketFacts *f,
                      gint64                 now,
                      int                    warn_percent)
{
  GArray *deadlines = g_array_new (FALSE, TRUE, sizeof (DeskDeadline));

  g_return_val_if_fail (policy != NULL, deadlines);
  g_return_val_if_fail (f != NULL, deadlines);

  for (guint i = 0; i < policy->rules->len; i++)
    {
      const DeskRule *rule = g_ptr_array_index (policy->rules, i);
      DeskWorkCalendar *counting = rule->work_calendar ? rule->work_calendar : calendar;
      DeskDeadline d = { rule, 0, 0, 0, 0, DESK_DEADLINE_PENDING };
      gint64 met;

      if (rule->action == DESK_ACTION_RECORD)
        continue;
      d.starts_at = start_of (rule, f);
      if (d.starts_at == 0 || !applies (rule, calendar, f))
        continue;

      met = met_of (rule, f);

      if (rule->repeats)
        {
          /* Callbacks end when the ticket closes; the next is due a
           * period after the last one (or after the clock started). */
          if (f->closed_at != 0)
            continue;
          if (met > d.starts_at)
            d.starts_at = met;
          met = 0;
        }

      d.due_at = due_from (rule, counting, d.starts_at);
      d.met_at = met;

      if (d.met_at != 0)
        d.state = d.met_at <= d.due_at ? DESK_DEADLINE_MET : DESK_DEADLINE_MET_LATE;
      else if (f->closed_at != 0 && f->closed_at < d.due_at)
        continue; /* closed before it fell due: nothing left to do */
      else if ((f->closed_at != 0 ? f->closed_at : now) >= d.due_at)
        d.state = DESK_DEADLINE_BREACHED;
      else if (now >= (d.warn_at = warn_time (rule, counting, d.starts_at, d.due_at, warn_percent)))
        d.state = DESK_DEADLINE_DUE_SOON;

      g_array_append_val (deadlines, d);
    }

  return deadlines;
}

GPtrArray *
desk_policy_occurrences (const DeskPolicy      *policy,
                         DeskWorkCalendar      *calendar,
                         const DeskTicketFacts *f)
{
  GPtrArray *rules = g_ptr_array_new ();

  for (guint i = 0; i < policy->rules->len; i++)
    {
      const DeskRule *rule = g_ptr_array_index (policy->rules, i);

      if (rule->action == DESK_ACTION_RECORD && start_of (rule, f) != 0 && applies (rule, calendar, f))
        g_ptr_array_add (rules, (gpointer)rule);
    }

  return rules;
}

gint64
desk_deadlines_next_due (GArray *deadlines)
{
  gint64 next = 0;

  for (guint i = 0; i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);

      if (d->met_at == 0 && (next == 0 || d->due_at < next))
        next = d->due_at;
    }

  return next;
}

gint64
desk_deadlines_next_change (GArray *deadlines)
{
  gint64 next = 0;

  for (guint i = 0; i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);
      gint64 at;

      if (d->state == DESK_DEADLINE_PENDING)
        at = d->warn_at;
      else if (d->state == DESK_DEADLINE_DUE_SOON)
        at = d->due_at;
      else
        continue;
      if (next == 0 || at < next)
        next = at;
    }

  return next;
}
