/* desk-ledger-store.c
 *
 * The ledger of fines and repeat complaints (the ledger table): recording a
 * ticket's RECORD rules and fined breaches once each, filling in a
 * department or person unknown at first, and a month's totals by
 * department and by person for the report.  Called by the deadline refresh
 * (desk-deadline-store.c), which knows what a ticket owes.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-calendar-store.h"
#include "desk-database-private.h"
#include "desk-ledger-store.h"

void
desk_ledger_total_free (DeskLedgerTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->name);
  g_free (total);
}

static char *
month_of (DeskDatabase *db,
          gint64        at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = NULL;

  local = g_date_time_to_timezone (utc, desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (db)));
  return g_date_time_format (local, "%Y-%m");
}

static gboolean
upsert (DeskDatabase    *db,
        gint64           ticket_id,
        const DeskRule  *rule,
        gint64           due_at,
        gint64           at,
        gint64           department_id,
        gint64           staff_id,
        int              repeat_number,
        gboolean         counted,
        GError         **error)
{
  g_autofree char *month = month_of (db, at);
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO ledger (ticket_id, rule_id, due_at, at, month, department_id,"
                                 " staff_id, target, repeat_number, counted, fine_yuan)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                                 " ON CONFLICT (ticket_id, rule_id, due_at) DO UPDATE SET"
                                 " department_id = coalesce(department_id, excluded.department_id),"
                                 " staff_id = coalesce(staff_id, excluded.staff_id)"
                                 " WHERE department_id IS NULL OR staff_id IS NULL",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_text (stmt, 2, rule->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, due_at);
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_text (stmt, 5, month, -1, SQLITE_STATIC);
  if (department_id > 0)
    sqlite3_bind_int64 (stmt, 6, department_id);
  if (staff_id > 0)
    sqlite3_bind_int64 (stmt, 7, staff_id);
  sqlite3_bind_text (stmt, 8, rule->fine_target == DESK_FINE_PERSON ? "person" : "department", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, MAX (repeat_number, 1));
  sqlite3_bind_int (stmt, 10, counted);
  sqlite3_bind_int (stmt, 11, counted ? rule->fine_yuan : 0);

  return _desk_database_step_done (db, stmt, _("Could not record the fine in the ledger"), error);
}

gboolean
desk_ledger_store_record_ticket (DeskDatabase          *db,
                                 gint64                 ticket_id,
                                 const DeskTicketFacts *facts,
                                 GPtrArray             *occurrences,
                                 GArray                *deadlines,
                                 GError               **error)
{
  gint64 department_id = 0, staff_id = 0;
  gboolean any = occurrences != NULL && occurrences->len > 0;
  sqlite3_stmt *stmt;

  for (guint i = 0; !any && deadlines != NULL && i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);

      any = d->rule->fine_yuan > 0 &&
            (d->state == DESK_DEADLINE_BREACHED || d->state == DESK_DEADLINE_MET_LATE);
    }
  if (!any)
    return TRUE;

  /* Who answers for it: the department it was forwarded to and its owner
   * (either may come later; the entry is then completed). */
  stmt = _desk_database_prepare (db, "SELECT department_id, owner_id FROM tickets WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      department_id = sqlite3_column_int64 (stmt, 0);
      staff_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      const DeskRule *rule = g_ptr_array_index (occurrences, i);

      if (!upsert (db, ticket_id, rule, 0, facts->received_at, department_id, staff_id,
                   facts->repeat_count, desk_rule_counts (rule, facts), error))
        return FALSE;
    }

  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);

      if (d->rule->fine_yuan <= 0 ||
          (d->state != DESK_DEADLINE_BREACHED && d->state != DESK_DEADLINE_MET_LATE))
        continue;
      if (!upsert (db, ticket_id, d->rule, d->due_at, d->due_at, department_id, staff_id,
                   facts->repeat_count, TRUE, error))
        return FALSE;
    }

  return TRUE;
}

static GPtrArray *
month_totals (DeskDatabase  *db,
              const char    *sql,
              int            year,
              int            month,
              GError       **error)
{
  g_autoptr(GPtrArray) totals = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_ledger_total_free);
  g_autofree char *key = g_strdup_printf ("%04d-%02d", year, month);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskLedgerTotal *total = g_new0 (DeskLedgerTotal, 1);

      total->id = sqlite3_column_int64 (stmt, 0);
      total->name = _desk_column_dup (stmt, 1);
      total->complaints = sqlite3_column_int (stmt, 2);
      total->repeats = sqlite3_column_int (stmt, 3);
      total->counted = sqlite3_column_int (stmt, 4);
      total->fines_yuan = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (totals, total);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the ledger"));
      return NULL;
    }

  return g_steal_pointer (&totals);
}

#define TOTALS(id_column, target, join) \
  "SELECT coalesce(l." id_column ", 0), x.name," \
  " count(*) FILTER (WHERE l.due_at = 0)," \
  " count(*) FILTER (WHERE l.due_at = 0 AND l.repeat_number > 1)," \
  " sum(l.counted)," \
  " sum(CASE WHEN l.target = '" target "' THEN l.fine_yuan ELSE 0 END)" \
  " FROM ledger l LEFT JOIN " join " x ON x.id = l." id_column \
  " WHERE l.month = ?1 GROUP BY l." id_column \
  " ORDER BY 6 DESC, 5 DESC, x.name"

GPtrArray *
desk_ledger_store_month_by_department (DeskDatabase  *db,
                                       int            year,
                                       int            month,
                                       GError       **error)
{
  return month_totals (db, TOTALS ("department_id", "department", "departments"), year, month, error);
}

GPtrArray *
desk_ledger_store_month_by_person (DeskDatabase  *db,
                                   int            year,
                                   int            month,
                                   GError       **error)
{
  return month_totals (db, TOTALS ("staff_id", "person", "staff"), year, month, error);
}
