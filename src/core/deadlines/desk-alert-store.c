/* desk-alert-store.c
 *
 * What happens when deadlines pass: desk_alert_store_catch_up() notices
 * each warning and breach once (deadline_alerts), escalates the tickets
 * whose rules say so and remembers in office_settings when it last ran;
 * and the acknowledgement of escalations.  The deadlines come from
 * desk-deadline-store.c, and fines reach the ledger with its refresh.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-alert-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-alert-store.h"
#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

#define LAST_CHECK_KEY "deadlines-checked-at"

void
desk_deadline_alert_free (DeskDeadlineAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->number);
  g_free (alert->rule_label);
  g_free (alert);
}

gint64
desk_alert_store_get_last_check (DeskDatabase *db)
{
  g_autofree char *value = desk_office_store_get_setting (db, LAST_CHECK_KEY);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

typedef struct
{
  gint64          ticket_id;
  const DeskRule *rule;
  gint64          due_at;
  DeskAlertKind   kind;
} Candidate;

typedef struct
{
  gint64  since;
  gint64  now;
  GArray *candidates;
} Scan;

static gboolean
collect (gint64                 ticket_id,
         const DeskTicketFacts *facts,
         GArray                *deadlines,
         gpointer               user_data)
{
  Scan *scan = user_data;

  for (guint i = 0; i < deadlines->len; i++)
    {
      const DeskDeadline *d = &g_array_index (deadlines, DeskDeadline, i);
      Candidate c = { ticket_id, d->rule, d->due_at, DESK_ALERT_WARNING };

      if (d->state == DESK_DEADLINE_BREACHED && d->due_at > scan->since && d->due_at <= scan->now)
        c.kind = DESK_ALERT_BREACH;
      else if (d->state != DESK_DEADLINE_DUE_SOON)
        continue;
      g_array_append_val (scan->candidates, c);
    }

  return TRUE;
}

static int
by_due (gconstpointer a,
        gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->due_at < y->due_at ? -1 : x->due_at > y->due_at ? 1
       : x->ticket_id < y->ticket_id ? -1 : x->ticket_id > y->ticket_id;
}

/* TRUE in @is_new when this is the first time it is noticed. */
static gboolean
insert_alert (DeskDatabase     *db,
              const Candidate  *c,
              gint64            now,
              gboolean         *is_new,
              GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "INSERT OR IGNORE INTO deadline_alerts (ticket_id, rule_id, due_at, kind, noticed_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->ticket_id);
  sqlite3_bind_text (stmt, 2, c->rule->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, c->due_at);
  sqlite3_bind_text (stmt, 4, c->kind == DESK_ALERT_BREACH ? "breach" : "warning", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!_desk_database_step_done (db, stmt, _("Could not record the deadline alert"), error))
    return FALSE;

  *is_new = sqlite3_changes (_desk_database_get_handle (db)) > 0;
  return TRUE;
}

static gboolean
set_escalated (DeskDatabase     *db,
               const Candidate  *c,
               DeskRole          role,
               GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "UPDATE deadline_alerts SET escalated_to = ?5"
                                 " WHERE ticket_id = ?1 AND rule_id = ?2 AND due_at = ?3 AND kind = ?4",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->ticket_id);
  sqlite3_bind_text (stmt, 2, c->rule->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, c->due_at);
  sqlite3_bind_text (stmt, 4, "breach", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, desk_role_to_nick (role), -1, SQLITE_STATIC);
  return _desk_database_step_done (db, stmt, _("Could not record the escalation"), error);
}

static char *
number_of (DeskDatabase *db,
           gint64        ticket_id)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db, "SELECT number FROM tickets WHERE id = ?1", NULL);
  char *number = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = _desk_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return number;
}

static gboolean
process (DeskDatabase     *db,
         const Candidate  *c,
         gint64            now,
         GPtrArray        *alerts,
         GError          **error)
{
  g_autoptr(DeskDeadlineAlert) alert = NULL;
  gboolean is_new = FALSE;

  if (!insert_alert (db, c, now, &is_new, error))
    return FALSE;
  if (!is_new)
    return TRUE;

  alert = g_new0 (DeskDeadlineAlert, 1);
  alert->ticket_id = c->ticket_id;
  alert->number = number_of (db, c->ticket_id);
  alert->rule_label = g_strdup (desk_rule_get_label (c->rule));
  alert->kind = c->kind;
  alert->due_at = c->due_at;

  if (c->kind == DESK_ALERT_BREACH)
    {
      /* The breach's fine, if any, lands in the ledger with the refresh. */
      if (c->rule->escalate)
        {
          g_autofree char *reason = g_strdup_printf (_("Deadline missed: %s"), alert->rule_label);
          DeskRole reached = DESK_ROLE_DEPARTMENT_MANAGER;

          if (!desk_ticket_store_escalate_to (db, c->ticket_id, c->rule->escalate_to, 0, reason,
                                              &reached, error) ||
              !set_escalated (db, c, reached, error))
            return FALSE;
          alert->escalated = TRUE;
          alert->escalated_to = reached;
        }
      if (!desk_deadline_store_refresh (db, c->ticket_id, now, error))
        return FALSE;
    }

  g_ptr_array_add (alerts, g_steal_pointer (&alert));
  return TRUE;
}

GPtrArray *
desk_alert_store_catch_up (DeskDatabase  *db,
                           gint64         now,
                           GError       **error)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_deadline_alert_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *checked = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  Scan scan = { 0, now, candidates };

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  scan.since = desk_alert_store_get_last_check (db);
  if (scan.since == 0)
    scan.since = now - 24 * 3600;
  if (scan.since >= now)
    return g_steal_pointer (&alerts); /* the clock went back: nothing new */

  if (!desk_database_begin (db, error))
    return NULL;

  /* Read first, then act: escalating writes to the tickets being read. */
  if (!desk_deadline_store_scan (db, now, collect, &scan, error))
    goto failed;

  g_array_sort (candidates, by_due);
  for (guint i = 0; i < candidates->len; i++)
    if (!process (db, &g_array_index (candidates, Candidate, i), now, alerts, error))
      goto failed;

  if (!desk_office_store_set_setting (db, LAST_CHECK_KEY, checked, error) ||
      !desk_database_commit (db, error))
    goto failed;

  for (guint i = 0; i < alerts->len; i++)
    if (((DeskDeadlineAlert *)alerts->pdata[i])->kind == DESK_ALERT_BREACH)
      _desk_database_notify (db, "tickets", ((DeskDeadlineAlert *)alerts->pdata[i])->ticket_id);

  return g_steal_pointer (&alerts);

failed:
  desk_database_rollback (db);
  return NULL;
}

gboolean
desk_alert_store_acknowledge (DeskDatabase  *db,
                              gint64         ticket_id,
                              gint64         staff_id,
                              gint64         now,
                              guint         *n_acknowledged,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (!desk_database_begin (db, error))
    return FALSE;

  stmt = _desk_database_prepare (db,
                                 "UPDATE deadline_alerts SET acknowledged_by = ?2, acknowledged_at = ?3"
                                 " WHERE ticket_id = ?1 AND escalated_to IS NOT NULL AND acknowledged_at IS NULL",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (staff_id > 0)
    sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!_desk_database_step_done (db, stmt, _("Could not record the acknowledgement"), error))
    goto failed;

  n = sqlite3_changes (_desk_database_get_handle (db));
  if (n > 0 && !desk_ticket_store_record (db, ticket_id, staff_id, "acknowledged", now, NULL, error))
    goto failed;

  if (!desk_database_commit (db, error))
    return FALSE;

  if (n_acknowledged != NULL)
    *n_acknowledged = n;
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

gboolean
desk_alert_store_awaits_acknowledgement (DeskDatabase *db,
                                         gint64        ticket_id,
                                         DeskRole     *role)
{
  sqlite3_stmt *stmt;
  gboolean waiting = FALSE;

  stmt = _desk_database_prepare (db,
                                 "SELECT escalated_to FROM deadline_alerts WHERE ticket_id = ?1"
                                 " AND escalated_to IS NOT NULL AND acknowledged_at IS NULL"
                                 " ORDER BY due_at DESC LIMIT 1",
                                 NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DeskRole found = DESK_ROLE_DEPARTMENT_MANAGER;

      desk_role_from_nick ((const char *)sqlite3_column_text (stmt, 0), &found);
      if (role != NULL)
        *role = found;
      waiting = TRUE;
    }
  sqlite3_reset (stmt);
  return waiting;
}
