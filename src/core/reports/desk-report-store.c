/* desk-report-store.c
 *
 * Computing the monthly report in SQL, in one read transaction: tickets
 * received, closed and open by kind, category, department and severity,
 * escalations, notices, deadlines met and missed, callbacks, fines, the
 * daily intake and the top customers and sites, each beside the previous
 * month.  The deadline, ledger and callback stores give their figures.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report-store"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "desk-callback-store.h"
#include "desk-category-store.h"
#include "desk-deadline-store.h"
#include "desk-ledger-store.h"
#include "desk-database-private.h"
#include "desk-report-store.h"
#include "desk-policy.h"
#include "desk-types.h"

static gint64
count (DeskDatabase  *db,
       const char    *sql,
       gint64         start,
       gint64         end,
       GError       **error)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db, sql, error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not compute the report"));
  sqlite3_reset (stmt);

  return n;
}

static void
set_value (DeskReportRow *row,
           gboolean       previous,
           double         value)
{
  if (previous)
    row->previous = value;
  else
    row->current = value;
}

typedef const char *(*LabelFunc) (int value);

static const char *
kind_label (int value)
{
  return desk_ticket_kind_get_label (value);
}

static const char *
severity_label (int value)
{
  return desk_severity_get_label (value);
}

/* Every kind and severity has a row, also at zero: a report that leaves
 * out "urgent: 0" makes the reader wonder. */
static void
add_enum_rows (DeskReportTable *table,
               int              n,
               LabelFunc        label_func)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%d", i);

      desk_report_table_add_row (table, key, label_func (i));
    }
}

/* Rows for every category and department, named as the office names them. */
static gboolean
add_named_rows (DeskDatabase     *db,
                DeskReportTable  *table,
                const char       *sql,
                GError          **error)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    desk_report_table_add_row (table, (const char *)sqlite3_column_text (stmt, 0),
                               desk_category_pick_name ((const char *)sqlite3_column_text (stmt, 1),
                                                        (const char *)sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not compute the report"));
      return FALSE;
    }

  return TRUE;
}

static void
add_to (DeskReportTable *table,
        const char      *key,
        gboolean         previous,
        gint64           n)
{
  DeskReportRow *row = desk_report_table_find_row (table, key);

  /* A department removed since: still counted, under its number. */
  if (row == NULL)
    row = desk_report_table_add_row (table, key, key);

  if (previous)
    row->previous += n;
  else
    row->current += n;
}

/* One pass over the tickets in the order of the report's cube index,
 * counting the month's by kind, severity, category and department at once
 * (a few hundred groups, found in index order without sorting); each
 * table is a sum over that cube. */
static gboolean
compute_month (DeskDatabase  *db,
               DeskReport    *report,
               gboolean       previous,
               GError       **error)
{
  gint64 start = previous ? report->previous_start : report->start;
  gint64 end = previous ? report->start : report->end;
  DeskReportTable *summary = desk_report_find_table (report, "summary");
  DeskReportTable *by_kind = desk_report_find_table (report, "by-kind");
  DeskReportTable *by_category = desk_report_find_table (report, "by-category");
  DeskReportTable *by_department = desk_report_find_table (report, "by-department");
  DeskReportTable *by_severity = desk_report_find_table (report, "by-severity");
  gint64 received = 0, complaints = 0, repeats = 0, major = 0, closed, open, escalations;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_database_prepare (db,
                                 "SELECT kind, severity, category_id, coalesce(department_id, 0),"
                                 " count(*), sum(major), sum(kind = 0 AND repeat_count > 1)"
                                 " FROM tickets INDEXED BY tickets_report_cube"
                                 " WHERE received_at >= ?1 AND received_at < ?2"
                                 " GROUP BY kind, severity, category_id, department_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 0);
      int severity = sqlite3_column_int (stmt, 1);
      gint64 category = sqlite3_column_int64 (stmt, 2);
      gint64 department = sqlite3_column_int64 (stmt, 3);
      gint64 n = sqlite3_column_int64 (stmt, 4);
      char key[24];

      received += n;
      major += sqlite3_column_int64 (stmt, 5);
      repeats += sqlite3_column_int64 (stmt, 6);
      if (kind == DESK_TICKET_COMPLAINT)
        complaints += n;

      g_snprintf (key, sizeof key, "%d", kind);
      add_to (by_kind, key, previous, n);
      g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, category);
      add_to (by_category, key, previous, n);
      if (department > 0)
        g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, department);
      else
        key[0] = '\0';
      add_to (by_department, key, previous, n);
      g_snprintf (key, sizeof key, "%d", severity);
      add_to (by_severity, key, previous, n);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not compute the report"));
      return FALSE;
    }

  if ((closed = count (db, "SELECT count(*) FROM tickets INDEXED BY tickets_by_closed"
                           " WHERE closed_at >= ?1 AND closed_at < ?2", start, end, error)) < 0 ||
      /* Open when the month ended: received before its end, not closed
       * by then.  Received before the end is every ticket (kept count
       * by triggers) less those received since: few, for recent months. */
      (open = count (db, "SELECT (SELECT sum(n) FROM ticket_counts)"
                         " - (SELECT count(*) FROM tickets INDEXED BY tickets_by_received WHERE received_at >= ?2)"
                         " - (SELECT count(*) FROM tickets INDEXED BY tickets_by_closed"
                         "    WHERE closed_at < ?2 AND ?1 <= ?2)", start, end, error)) < 0 ||
      (escalations = count (db, "SELECT count(*) FROM ticket_events INDEXED BY ticket_events_escalations"
                                " WHERE kind = 'escalate' AND at >= ?1 AND at < ?2", start, end, error)) < 0)
    return FALSE;

  set_value (desk_report_table_find_row (summary, "received"), previous, received);
  set_value (desk_report_table_find_row (summary, "closed"), previous, closed);
  set_value (desk_report_table_find_row (summary, "open"), previous, open);
  set_value (desk_report_table_find_row (summary, "complaints"), previous, complaints);
  set_value (desk_report_table_find_row (summary, "repeat-complaints"), previous, repeats);
  set_value (desk_report_table_find_row (summary, "major"), previous, major);
  set_value (desk_report_table_find_row (summary, "escalations"), previous, escalations);
  set_value (desk_report_table_find_row (desk_report_find_table (report, "repeat-rate"), "repeat-rate"),
             previous, complaints > 0 ? 100.0 * repeats / complaints : 0);

  return TRUE;
}

static const char *
role_label (int value)
{
  return desk_role_get_label (value);
}

typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         gboolean      previous,
                         gpointer      user_data);

/* Runs @sql, whose ?1 and ?2 are a month's start and end, for the month
 * and for the previous one, and hands every row to @func. */
static gboolean
for_both_months (DeskDatabase  *db,
                 DeskReport    *report,
                 const char    *sql,
                 RowFunc        func,
                 gpointer       user_data,
                 GError       **error)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  for (int previous = 0; previous <= 1; previous++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, previous ? report->previous_start : report->start);
      sqlite3_bind_int64 (stmt, 2, previous ? report->start : report->end);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        func (stmt, previous, user_data);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _desk_database_set_error (db, error, _("Could not compute the report"));
          return FALSE;
        }
    }

  return TRUE;
}

static void
escalation_row (sqlite3_stmt *stmt,
                gboolean      previous,
                gpointer      table)
{
  const char *nick = (const char *)sqlite3_column_text (stmt, 0);

  add_to (table, nick ? nick : "", previous, sqlite3_column_int64 (stmt, 1));
}

/* Escalations by the role the ticket went to: department manager, branch
 * general manager, general manager. */
static gboolean
compute_escalations (DeskDatabase  *db,
                     DeskReport    *report,
                     GError       **error)
{
  DeskReportTable *table = desk_report_find_table (report, "escalations-by-level");

  for (int role = DESK_ROLE_DEPARTMENT_MANAGER; role <= DESK_ROLE_GENERAL_MANAGER; role++)
    desk_report_table_add_row (table, desk_role_to_nick (role), role_label (role));

  return for_both_months (db, report,
                          "SELECT new_value, count(*) FROM ticket_events INDEXED BY ticket_events_escalations"
                          " WHERE kind = 'escalate' AND at >= ?1 AND at < ?2 GROUP BY new_value",
                          escalation_row, table, error);
}

/* Rectification notices: issued, rectified (and of those, after their
 * deadline) and verified in the month, and those still waiting for
 * rectification past their deadline when the month ended (a notice
 * replaced by a correction counts through its correction). */
static gboolean
compute_notices (DeskDatabase  *db,
                 DeskReport    *report,
                 gboolean       previous,
                 GError       **error)
{
  DeskReportTable *table = desk_report_find_table (report, "notices");
  gint64 start = previous ? report->previous_start : report->start;
  gint64 end = previous ? report->start : report->end;
  g_autofree char *month_after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  /* The first day after the month, as the notices' due dates are written. */
  {
    int year = report->year, month = report->month + (previous ? 0 : 1);

    if (month > 12)
      {
        month = 1;
        year++;
      }
    month_after = g_strdup_printf ("%04d-%02d-01", year, month);
  }

  stmt = _desk_database_prepare (db,
                                 "SELECT"
                                 " count(*) FILTER (WHERE issued_at >= ?1 AND issued_at < ?2),"
                                 " count(*) FILTER (WHERE rectified_at >= ?1 AND rectified_at < ?2),"
                                 " count(*) FILTER (WHERE rectified_at >= ?1 AND rectified_at < ?2"
                                 "   AND date (rectified_at, 'unixepoch', ?4) > due_date),"
                                 " count(*) FILTER (WHERE verified_at >= ?1 AND verified_at < ?2),"
                                 " count(*) FILTER (WHERE issued_at < ?2 AND due_date < ?3"
                                 "   AND (rectified_at IS NULL OR rectified_at >= ?2)"
                                 "   AND NOT EXISTS (SELECT 1 FROM notices c WHERE c.replaces_id = n.id AND c.issued_at < ?2))"
                                 " FROM notices n",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_text (stmt, 3, month_after, -1, SQLITE_TRANSIENT);
  {
    /* The office's offset from UTC, as SQLite's date() modifier. */
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, report->zone);
    gint64 offset = g_date_time_get_utc_offset (local) / G_USEC_PER_SEC;
    g_autofree char *modifier = g_strdup_printf ("%+" G_GINT64_FORMAT " seconds", offset);

    sqlite3_bind_text (stmt, 4, modifier, -1, SQLITE_TRANSIENT);
  }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      static const char * const keys[] = { "issued", "rectified", "rectified-late", "verified", "overdue" };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        set_value (desk_report_table_find_row (table, keys[i]), previous, sqlite3_column_int64 (stmt, i));
      ok = TRUE;
    }
  else
    _desk_database_set_error (db, error, _("Could not compute the report"));
  sqlite3_reset (stmt);

  return ok;
}

/* How each deadline rule fared for the tickets received in the month, as
 * they stand now: kept (met in time), missed (met late, or due and not
 * met), and the time taken to meet it, median and 90th percentile.  The
 * engine (desk-deadline-store.c) measures each ticket against the policy
 * revision it was received under, in working time where the rule says
 * so; that arithmetic is not SQL, so the month's tickets are evaluated one
 * by one. */
typedef struct
{
  char   *label;
  gint64  kept;
  gint64  missed;
  GArray *hours;   /* double, time taken to meet it */
} RuleTally;

static void
rule_tally_free (RuleTally *tally)
{
  g_free (tally->label);
  g_array_unref (tally->hours);
  g_free (tally);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The @share quantile (0.5: median) by the nearest-rank method. */
static double
quantile (GArray *values,
          double  share)
{
  guint rank;

  if (values->len == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  rank = (guint)ceil (share * values->len);
  return g_array_index (values, double, MAX (rank, 1) - 1);
}

/* The tallies of one month: rule id -> RuleTally, and the rules in the
 * order first met. */
typedef struct
{
  GHashTable *tallies;
  GPtrArray  *order;
} Compliance;

static void
compliance_init (Compliance *c)
{
  c->tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)rule_tally_free);
  c->order = g_ptr_array_new_with_free_func (g_free);
}

static void
compliance_clear (Compliance *c)
{
  g_clear_pointer (&c->tallies, g_hash_table_unref);
  g_clear_pointer (&c->order, g_ptr_array_unref);
}

/* Both months in one pass: [0] this one, [1] the one before. */
typedef struct
{
  gint64     month_start;
  Compliance months[2];
} BothMonths;

static gboolean
tally_deadlines_cb (gint64                 ticket_id,
                    const DeskTicketFacts *facts,
                    GArray                *deadlines,
                    gpointer               user_data)
{
  BothMonths *both = user_data;
  Compliance *c = &both->months[facts->received_at < both->month_start];

  for (guint d = 0; d < deadlines->len; d++)
    {
      const DeskDeadline *deadline = &g_array_index (deadlines, DeskDeadline, d);
      RuleTally *tally = g_hash_table_lookup (c->tallies, deadline->rule->id);

      if (tally == NULL)
        {
          tally = g_new0 (RuleTally, 1);
          tally->label = g_strdup (desk_rule_get_label (deadline->rule));
          tally->hours = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (c->tallies, g_strdup (deadline->rule->id), tally);
          g_ptr_array_add (c->order, g_strdup (deadline->rule->id));
        }

      if (deadline->state == DESK_DEADLINE_MET)
        tally->kept++;
      else if (deadline->state == DESK_DEADLINE_MET_LATE || deadline->state == DESK_DEADLINE_BREACHED)
        tally->missed++;

      if (deadline->met_at > 0)
        {
          double hours = (deadline->met_at - deadline->starts_at) / 3600.0;

          g_array_append_val (tally->hours, hours);
        }
    }
  return TRUE;
}

static void
set_compliance (DeskReport *report,
                Compliance *c,
                gboolean    previous)
{
  const char *table_ids[] = { "deadlines-kept", "deadlines-missed", "deadlines-median", "deadlines-p90" };

  for (guint r = 0; r < c->order->len; r++)
    {
      const char *rule_id = g_ptr_array_index (c->order, r);
      RuleTally *tally = g_hash_table_lookup (c->tallies, rule_id);
      double values[4];

      values[0] = tally->kept + tally->missed > 0 ? 100.0 * tally->kept / (tally->kept + tally->missed) : 0;
      values[1] = tally->missed;
      values[2] = quantile (tally->hours, 0.5);
      values[3] = quantile (tally->hours, 0.9);

      for (guint k = 0; k < G_N_ELEMENTS (table_ids); k++)
        {
          DeskReportTable *table = desk_report_find_table (report, table_ids[k]);
          DeskReportRow *row = desk_report_table_find_row (table, rule_id);

          /* No share where nothing was decided yet, no time where nothing
           * was met: a 0 there would read as a figure. */
          if ((k < 2 && tally->kept + tally->missed == 0) || (k >= 2 && tally->hours->len == 0))
            continue;

          if (row == NULL)
            row = desk_report_table_add_row (table, rule_id, tally->label);
          set_value (row, previous, values[k]);
        }
    }
}

static gboolean
compute_compliance (DeskDatabase  *db,
                    DeskReport    *report,
                    gint64         now,
                    GError       **error)
{
  BothMonths both = { report->start };
  gboolean ok;

  compliance_init (&both.months[0]);
  compliance_init (&both.months[1]);

  ok = desk_deadline_store_evaluate_received (db, report->previous_start, report->end, now,
                                              tally_deadlines_cb, &both, error);
  if (ok)
    {
      /* This month's rules first, as in every table. */
      set_compliance (report, &both.months[0], FALSE);
      set_compliance (report, &both.months[1], TRUE);
    }

  compliance_clear (&both.months[0]);
  compliance_clear (&both.months[1]);
  return ok;
}

/* Callbacks planned, made and reached, and how satisfied the customers
 * said they were (desk-callback-store.c counts them). */
static gboolean
compute_callbacks (DeskDatabase  *db,
                   DeskReport    *report,
                   gboolean       previous,
                   GError       **error)
{
  int year = report->year, month = report->month;
  g_autoptr(GPtrArray) figures = NULL;
  DeskReportTable *callbacks = desk_report_find_table (report, "callbacks");
  DeskReportTable *satisfaction = desk_report_find_table (report, "satisfaction");
  DeskReportTable *people = desk_report_find_table (report, "callbacks-by-person");

  if (previous && --month == 0)
    {
      month = 12;
      year--;
    }

  figures = desk_callback_store_month_figures (db, year, month, error);
  if (figures == NULL)
    return FALSE;

  for (guint i = 0; i < figures->len; i++)
    {
      const DeskCallbackFigures *f = g_ptr_array_index (figures, i);

      if (f->assignee_id == -1)
        {
          set_value (desk_report_table_find_row (callbacks, "planned"), previous, f->planned);
          set_value (desk_report_table_find_row (callbacks, "made"), previous, f->made);
          set_value (desk_report_table_find_row (callbacks, "reached"), previous, f->reached);
          set_value (desk_report_table_find_row (callbacks, "missed"), previous, f->missed);
          set_value (desk_report_table_find_row (satisfaction, "satisfied"), previous, f->satisfied);
          set_value (desk_report_table_find_row (satisfaction, "average"), previous, f->average);
          set_value (desk_report_table_find_row (satisfaction, "unsatisfied"), previous, f->unsatisfied);
        }
      else
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, f->assignee_id);

          if (desk_report_table_find_row (people, key) == NULL)
            desk_report_table_add_row (people, key, f->assignee_name ? f->assignee_name : _("Nobody assigned"));
          set_value (desk_report_table_find_row (people, key), previous, f->made);
        }
    }

  return TRUE;
}

/* Fines recorded in the ledger (desk-ledger-store.c), by department and
 * by person, in yuan. */
static gboolean
compute_fines (DeskDatabase  *db,
               DeskReport    *report,
               gboolean       previous,
               GError       **error)
{
  int year = report->year, month = report->month;

  if (previous && --month == 0)
    {
      month = 12;
      year--;
    }

  for (int by_person = 0; by_person <= 1; by_person++)
    {
      DeskReportTable *table = desk_report_find_table (report, by_person ? "fines-by-person" : "fines-by-department");
      g_autoptr(GPtrArray) totals = by_person ? desk_ledger_store_month_by_person (db, year, month, error)
                                              : desk_ledger_store_month_by_department (db, year, month, error);

      if (totals == NULL)
        return FALSE;

      for (guint i = 0; i < totals->len; i++)
        {
          const DeskLedgerTotal *total = g_ptr_array_index (totals, i);
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, total->id);

          if (total->fines_yuan == 0)
            continue;
          if (desk_report_table_find_row (table, key) == NULL)
            desk_report_table_add_row (table, key, total->name ? total->name : _("Not yet assigned"));
          set_value (desk_report_table_find_row (table, key), previous, total->fines_yuan);
        }
    }

  return TRUE;
}

static void
day_row (sqlite3_stmt *stmt,
         gboolean      previous,
         gpointer      user_data)
{
  DeskReportTable *daily = user_data;
  int day = sqlite3_column_int (stmt, 0);

  if (day >= 1 && day <= (int)daily->rows->len)
    set_value (g_ptr_array_index (daily->rows, day - 1), previous, sqlite3_column_int64 (stmt, 1));
}

/* The days of the month, and the same day of the previous month beside
 * each.  Days are counted from the month's first midnight in the office's
 * zone; mainland China keeps no daylight saving time. */
static gboolean
compute_daily (DeskDatabase  *db,
               DeskReport    *report,
               GError       **error)
{
  DeskReportTable *daily = desk_report_find_table (report, "daily-intake");
  int days = (int)((report->end - report->start + 43200) / 86400);

  for (int d = 1; d <= days; d++)
    {
      g_autofree char *key = g_strdup_printf ("%d", d);
      g_autofree char *label = g_strdup_printf ("%d-%02d-%02d", report->year, report->month, d);

      desk_report_table_add_row (daily, key, label);
    }

  /* A count of each day's range on the narrowest index by receipt, not
   * a GROUP BY: that would sort the month's 270,000 tickets (three times
   * slower here) to find the days they are in order already. */
  return for_both_months (db, report,
                          "WITH RECURSIVE days (d) AS"
                          " (SELECT 0 UNION ALL SELECT d + 1 FROM days WHERE ?1 + (d + 1) * 86400 < ?2)"
                          " SELECT d + 1, (SELECT count(*) FROM tickets INDEXED BY tickets_by_received"
                          "   WHERE received_at >= ?1 + d * 86400 AND received_at < min (?1 + (d + 1) * 86400, ?2))"
                          " FROM days",
                          day_row, daily, error);
}

/* The ten customers (or sites) with the most complaints this month, and
 * how many each had the month before. */
static gboolean
compute_top (DeskDatabase  *db,
             DeskReport    *report,
             const char    *table_id,
             const char    *top_sql,
             const char    *previous_sql,
             GError       **error)
{
  DeskReportTable *table = desk_report_find_table (report, table_id);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_database_prepare (db, top_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report->start);
  sqlite3_bind_int64 (stmt, 2, report->end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskReportRow *row = desk_report_table_add_row (table, (const char *)sqlite3_column_text (stmt, 0),
                                                      (const char *)sqlite3_column_text (stmt, 1));
      row->current = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not compute the report"));
      return FALSE;
    }

  stmt = _desk_database_prepare (db, previous_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < table->rows->len; i++)
    {
      DeskReportRow *row = g_ptr_array_index (table->rows, i);

      sqlite3_bind_int64 (stmt, 1, report->previous_start);
      sqlite3_bind_int64 (stmt, 2, report->start);
      sqlite3_bind_int64 (stmt, 3, g_ascii_strtoll (row->key, NULL, 10));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        row->previous = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  return TRUE;
}

DeskReport *
desk_report_store_compute (DeskDatabase  *db,
                           int            year,
                           int            month,
                           GTimeZone     *zone,
                           GError       **error)
{
  g_autoptr(DeskReport) report = NULL;
  DeskReportTable *table;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  if (month < 1 || month > 12 || year < 2000 || year > 2999)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%04d-%02d is not a month; give it as YYYY-MM, e.g. 2026-11"), year, month);
      return NULL;
    }

  report = desk_report_new (year, month, zone);
  report->computed_at = now;

  table = desk_report_add_table (report, "summary", _("Tickets"), DESK_REPORT_CHART_NONE);
  desk_report_table_add_row (table, "received", _("Received"));
  desk_report_table_add_row (table, "closed", _("Closed"));
  desk_report_table_add_row (table, "open", _("Open at the end of the month"));
  desk_report_table_add_row (table, "complaints", _("Complaints received"));
  desk_report_table_add_row (table, "repeat-complaints", _("Repeat complaints"));
  desk_report_table_add_row (table, "major", _("Major complaints"));
  desk_report_table_add_row (table, "escalations", _("Escalations"));
  table = desk_report_add_table (report, "repeat-rate", _("Repeat Complaint Rate"), DESK_REPORT_CHART_NONE);
  table->percent = TRUE;
  desk_report_table_add_row (table, "repeat-rate", _("Repeat complaints among complaints"));

  table = desk_report_add_table (report, "by-kind", _("Received by Kind"), DESK_REPORT_CHART_BARS);
  add_enum_rows (table, DESK_TICKET_MAINTENANCE + 1, kind_label);

  table = desk_report_add_table (report, "by-category", _("Received by Category"), DESK_REPORT_CHART_BARS);
  if (!add_named_rows (db, table, "SELECT id, name_en, name_zh FROM categories ORDER BY position, id", error))
    return NULL;

  table = desk_report_add_table (report, "by-department", _("Received by Department"), DESK_REPORT_CHART_BARS);
  if (!add_named_rows (db, table, "SELECT id, name, name FROM departments ORDER BY code", error))
    return NULL;
  desk_report_table_add_row (table, "", _("Not forwarded yet"));
  table = desk_report_add_table (report, "by-severity", _("Received by Severity"), DESK_REPORT_CHART_BARS);
  add_enum_rows (table, DESK_SEVERITY_URGENT + 1, severity_label);
  desk_report_add_table (report, "escalations-by-level", _("Escalations by Level"), DESK_REPORT_CHART_NONE);
  table = desk_report_add_table (report, "notices", _("Rectification Notices"), DESK_REPORT_CHART_NONE);
  desk_report_table_add_row (table, "issued", _("Issued"));
  desk_report_table_add_row (table, "rectified", _("Rectified"));
  desk_report_table_add_row (table, "rectified-late", _("Rectified after their deadline"));
  desk_report_table_add_row (table, "verified", _("Verified"));
  desk_report_table_add_row (table, "overdue", _("Overdue for rectification at the end of the month"));
  table = desk_report_add_table (report, "deadlines-kept", _("Deadlines Met in Time"), DESK_REPORT_CHART_NONE);
  table->percent = TRUE;
  desk_report_add_table (report, "deadlines-missed", _("Deadlines Missed"), DESK_REPORT_CHART_BARS);
  table = desk_report_add_table (report, "deadlines-median", _("Hours to Meet a Deadline, Median"), DESK_REPORT_CHART_NONE);
  table->decimals = 1;
  table = desk_report_add_table (report, "deadlines-p90", _("Hours to Meet a Deadline, 90th Percentile"), DESK_REPORT_CHART_NONE);
  table->decimals = 1;
  table = desk_report_add_table (report, "callbacks", _("Callbacks"), DESK_REPORT_CHART_NONE);
  desk_report_table_add_row (table, "planned", _("Planned"));
  desk_report_table_add_row (table, "made", _("Made"));
  desk_report_table_add_row (table, "reached", _("Reached the customer"));
  desk_report_table_add_row (table, "missed", _("Missed"));
  table = desk_report_add_table (report, "satisfaction", _("Customer Satisfaction"), DESK_REPORT_CHART_BARS);
  desk_report_table_add_row (table, "satisfied", _("Satisfied"));
  desk_report_table_add_row (table, "average", _("Average"));
  desk_report_table_add_row (table, "unsatisfied", _("Unsatisfied"));
  desk_report_add_table (report, "callbacks-by-person", _("Callbacks Made by Person"), DESK_REPORT_CHART_NONE);
  desk_report_add_table (report, "fines-by-department", _("Fines by Department (Yuan)"), DESK_REPORT_CHART_BARS);
  desk_report_add_table (report, "fines-by-person", _("Fines by Person (Yuan)"), DESK_REPORT_CHART_NONE);
  desk_report_add_table (report, "daily-intake", _("Daily Intake"), DESK_REPORT_CHART_LINE);
  desk_report_add_table (report, "top-customers", _("Customers with the Most Complaints"), DESK_REPORT_CHART_NONE);
  desk_report_add_table (report, "top-sites", _("Sites with the Most Complaints"), DESK_REPORT_CHART_NONE);

  /* One read transaction (deferred: writers go on meanwhile): the
   * figures agree with each other even while the office works. */
  /* The deadline engine seeds the stored policy and calendars the first
   * time it reads them, which writes: before the read transaction. */
  desk_deadline_store_get_policy (db);
  desk_calendar_store_get_office_calendar (db);

  /* The figures group a month's 270,000 tickets a few ways: SQLite's
   * sorter merges them twice as fast through temporary files (in the
   * system's file cache) as through its in-memory ones (desk-database.c
   * sets MEMORY for the window's small sorts).  Only outside a
   * transaction may it change. */
  own_transaction = sqlite3_get_autocommit (_desk_database_get_handle (db));
  if (own_transaction)
    _desk_database_exec (db, "PRAGMA temp_store = FILE", NULL);
  if (own_transaction && !_desk_database_exec (db, "BEGIN DEFERRED", error))
    {
      _desk_database_exec (db, "PRAGMA temp_store = MEMORY", NULL);
      return NULL;
    }

  ok = compute_month (db, report, FALSE, error) &&
       compute_month (db, report, TRUE, error) &&
       compute_escalations (db, report, error) &&
       compute_notices (db, report, FALSE, error) &&
       compute_notices (db, report, TRUE, error) &&
       compute_compliance (db, report, now, error) &&
       compute_callbacks (db, report, FALSE, error) &&
       compute_callbacks (db, report, TRUE, error) &&
       compute_fines (db, report, FALSE, error) &&
       compute_fines (db, report, TRUE, error) &&
       compute_daily (db, report, error) &&
       compute_top (db, report, "top-customers",
                    "SELECT g.customer_id, c.name, g.n FROM"
                    " (SELECT customer_id, count(*) AS n FROM tickets INDEXED BY tickets_by_customer"
                    "  WHERE received_at >= ?1 AND received_at < ?2 AND kind = 0"
                    "  GROUP BY customer_id ORDER BY 2 DESC, 1 LIMIT 10) g"
                    " JOIN customers c ON c.id = g.customer_id ORDER BY g.n DESC, g.customer_id",
                    "SELECT count(*) FROM tickets INDEXED BY tickets_by_customer"
                    " WHERE customer_id = ?3 AND received_at >= ?1 AND received_at < ?2 AND kind = 0",
                    error) &&
       compute_top (db, report, "top-sites",
                    "SELECT g.asset_id, a.label, g.n FROM"
                    " (SELECT asset_id, count(*) AS n FROM tickets INDEXED BY tickets_by_asset"
                    "  WHERE received_at >= ?1 AND received_at < ?2 AND kind = 0 AND asset_id IS NOT NULL"
                    "  GROUP BY asset_id) g"
                    " JOIN assets a ON a.id = g.asset_id AND a.kind = 'site'"
                    " ORDER BY g.n DESC, g.asset_id LIMIT 10",
                    "SELECT count(*) FROM tickets INDEXED BY tickets_by_asset"
                    " WHERE asset_id = ?3 AND received_at >= ?1 AND received_at < ?2 AND kind = 0",
                    error);

  if (own_transaction)
    {
      _desk_database_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);
      _desk_database_exec (db, "PRAGMA temp_store = MEMORY", NULL);
    }

  return ok ? g_steal_pointer (&report) : NULL;
}
