/* desk-ticket-routing.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where a ticket stands and who has it: status changes along the workflow,
 * assignment to a department and owner, escalation up the chain of
 * managers.  Each runs in the frame _desk_ticket_store_change() gives. */

#define G_LOG_DOMAIN "desk-ticket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-enums.h"
#include "desk-text.h"
#include "desk-ticket-private.h"
#include "desk-ticket-store.h"
#include "desk-ticket-workflow.h"

typedef struct
{
  DeskTicketStatus  status;
  gint64            actor_id;
  const char       *note;
} StatusChange;

/* One step along the workflow, on the timeline. */
static gboolean
check_step (const DeskTicketData  *d,
            DeskTicketStatus       to,
            GError               **error)
{
  /* Forwarding is to a department: a ticket marked Forwarded whose
   * Department still says "Not forwarded yet" is with nobody. */
  if ((to == DESK_STATUS_FORWARDED || to == DESK_STATUS_DISPATCHED) && d->department_id <= 0)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_NO_DEPARTMENT,
                   /* Translators: "Department: choose where TS-2026-000123 goes before marking it Forwarded" */
                   _("Department: choose where %s goes before marking it %s"),
                   d->number, desk_ticket_status_get_label (to));
      return FALSE;
    }

  return TRUE;
}

/* A status further along than the next step goes the shortest way there,
 * each step on the timeline as if taken one by one (Forwarded to
 * Verifying once took a clerk four trips to the menu), all in the one
 * change; the note goes with the last step. */
static gboolean
apply_status (DeskDatabase *db,
              DeskTicket   *before,
              gint64        now,
              gpointer      user_data,
              GError      **error)
{
  const DeskTicketData *d = desk_ticket_get_data (before);
  StatusChange *change = user_data;
  DeskTicketStatus path[DESK_N_STATUSES];
  DeskTicketStatus from = d->status;
  sqlite3_stmt *stmt;
  guint n;

  if (desk_ticket_workflow_allows (d->kind, d->status, change->status))
    {
      path[0] = change->status;
      n = 1;
    }
  else if ((n = desk_ticket_workflow_path (d->kind, d->status, change->status, path)) == 0)
    {
      desk_ticket_workflow_check (d->kind, d->status, change->status, error);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    if (!check_step (d, path[i], error))
      return FALSE;

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET status = ?2,"
                                 " closed_at = CASE WHEN ?2 = 7 THEN ?3 ELSE NULL END"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_int (stmt, 2, change->status);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!_desk_database_step_done (db, stmt, _("Could not change the status"), error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!_desk_ticket_store_add_event (db, d->id, now, change->actor_id,
                                         from == DESK_STATUS_CLOSED ? "reopen" : "status", "status",
                                         desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, from),
                                         desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, path[i]),
                                         i == n - 1 ? change->note : NULL, error))
        return FALSE;
      from = path[i];
    }

  return TRUE;
}

gboolean
desk_ticket_store_set_status (DeskDatabase      *db,
                              gint64             id,
                              gint64             revision,
                              DeskTicketStatus   status,
                              gint64             actor_id,
                              const char        *note,
                              GError           **error)
{
  StatusChange change = { status, actor_id, desk_text_is_blank (note) ? NULL : note };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  return _desk_ticket_store_change (db, id, revision, apply_status, &change, error);
}

typedef struct
{
  gint64 department_id;
  gint64 owner_id;
  gint64 actor_id;
} Assignment;

static char *
name_of (DeskDatabase *db,
         const char   *sql,
         gint64        id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (id <= 0)
    return NULL;

  stmt = _desk_database_prepare (db, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = _desk_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return name;
}

static gboolean
apply_assignment (DeskDatabase *db,
                  DeskTicket   *before,
                  gint64        now,
                  gpointer      user_data,
                  GError      **error)
{
  const DeskTicketData *d = desk_ticket_get_data (before);
  Assignment *a = user_data;
  sqlite3_stmt *stmt;

  if (a->owner_id > 0 && a->department_id <= 0)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Department: choose the department before the owner"));
      return FALSE;
    }

  stmt = _desk_database_prepare (db, "UPDATE tickets SET department_id = ?2, owner_id = ?3 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  if (a->department_id > 0)
    sqlite3_bind_int64 (stmt, 2, a->department_id);
  if (a->owner_id > 0)
    sqlite3_bind_int64 (stmt, 3, a->owner_id);
  if (!_desk_database_step_done (db, stmt, _("Could not assign the ticket"), error))
    {
      if (g_error_matches (*error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                       _("Owner: the department or person no longer exists"));
        }
      return FALSE;
    }

  if (a->department_id != d->department_id)
    {
      g_autofree char *dept = name_of (db, "SELECT name FROM departments WHERE id = ?1", a->department_id);

      if (!_desk_ticket_store_add_event (db, d->id, now, a->actor_id, "assign", "department",
                                         d->department_name, dept, NULL, error))
        return FALSE;
    }

  if (a->owner_id != d->owner_id)
    {
      g_autofree char *owner = name_of (db, "SELECT name FROM staff WHERE id = ?1", a->owner_id);

      if (!_desk_ticket_store_add_event (db, d->id, now, a->actor_id, "assign", "owner",
                                         d->owner_name, owner, NULL, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
desk_ticket_store_assign (DeskDatabase  *db,
                          gint64         id,
                          gint64         revision,
                          gint64         department_id,
                          gint64         owner_id,
                          gint64         actor_id,
                          GError       **error)
{
  Assignment a = { department_id, owner_id, actor_id };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  return _desk_ticket_store_change (db, id, revision, apply_assignment, &a, error);
}

typedef struct
{
  gint64      actor_id;
  const char *reason;
  int         level;   /* 0: the next one */
} Escalation;

static const DeskRole escalation_chain[] = {
  DESK_ROLE_DEPARTMENT_MANAGER,
  DESK_ROLE_BRANCH_GENERAL_MANAGER,
  DESK_ROLE_GENERAL_MANAGER,
};

/* Level 0: the department manager owns it; 1: branch general manager;
 * 2: general manager, the last level. */
static gboolean
apply_escalation (DeskDatabase *db,
                  DeskTicket   *before,
                  gint64        now,
                  gpointer      user_data,
                  GError      **error)
{
  const DeskRole *chain = escalation_chain;
  const DeskTicketData *d = desk_ticket_get_data (before);
  Escalation *e = user_data;
  sqlite3_stmt *stmt;
  gint64 owner = 0;
  int level = e->level > 0 ? e->level : d->escalation_level + 1;
  g_autofree char *owner_name = NULL;

  if (d->status == DESK_STATUS_CLOSED)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("%s is closed; reopen it before escalating"), d->number);
      return FALSE;
    }

  if (level >= (int)G_N_ELEMENTS (escalation_chain))
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("%s is already with the general manager, the last level"), d->number);
      return FALSE;
    }

  /* The next role's holder becomes the owner: the office's one (branch)
   * general manager; the ticket stays in its department. */
  stmt = _desk_database_prepare (db,
                                 "SELECT id, name FROM staff WHERE role = ?1 AND active ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, desk_role_to_nick (chain[level]), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      owner = sqlite3_column_int64 (stmt, 0);
      owner_name = _desk_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET escalation_level = ?2,"
                                 " owner_id = coalesce(?3, owner_id) WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_int (stmt, 2, level);
  if (owner > 0)
    sqlite3_bind_int64 (stmt, 3, owner);
  if (!_desk_database_step_done (db, stmt, _("Could not escalate the ticket"), error))
    return FALSE;

  return _desk_ticket_store_add_event (db, d->id, now, e->actor_id, "escalate", "role",
                                       desk_role_to_nick (chain[d->escalation_level]), desk_role_to_nick (chain[level]),
                                       e->reason, error) &&
         (owner == 0 || owner == d->owner_id ||
          _desk_ticket_store_add_event (db, d->id, now, e->actor_id, "assign", "owner", d->owner_name, owner_name,
                                        NULL, error));
}

gboolean
desk_ticket_store_escalate (DeskDatabase  *db,
                            gint64         id,
                            gint64         revision,
                            gint64         actor_id,
                            const char    *reason,
                            GError       **error)
{
  Escalation e = { actor_id, desk_text_is_blank (reason) ? NULL : reason, 0 };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  return _desk_ticket_store_change (db, id, revision, apply_escalation, &e, error);
}

gboolean
desk_ticket_store_escalate_to (DeskDatabase  *db,
                               gint64         id,
                               DeskRole       role,
                               gint64         actor_id,
                               const char    *reason,
                               DeskRole      *reached,
                               GError       **error)
{
  g_autoptr(DeskTicket) ticket = NULL;
  Escalation e = { actor_id, desk_text_is_blank (reason) ? NULL : reason, 0 };
  int current;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  ticket = desk_ticket_store_get (db, id, error);
  if (ticket == NULL)
    return FALSE;

  current = CLAMP (desk_ticket_get_data (ticket)->escalation_level, 0, (int)G_N_ELEMENTS (escalation_chain) - 1);
  e.level = current + 1;
  for (guint i = 0; i < G_N_ELEMENTS (escalation_chain); i++)
    if (escalation_chain[i] == role)
      e.level = i;

  /* Already there, or above: nothing to do, so a repeated check is harmless. */
  if (e.level <= current || e.level >= (int)G_N_ELEMENTS (escalation_chain))
    {
      if (reached != NULL)
        *reached = escalation_chain[current];
      return TRUE;
    }

  if (!_desk_ticket_store_change (db, id, desk_ticket_get_data (ticket)->revision, apply_escalation, &e, error))
    return FALSE;

  if (reached != NULL)
    *reached = escalation_chain[e.level];
  return TRUE;
}
