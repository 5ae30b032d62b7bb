/* desk-checklist-store.c
 *
 * A procedure's flow followed as a checklist on a ticket
 * (ticket_checklists, checklist_ticks): finding a procedure's flows,
 * attaching one at a stored revision, ticking and unticking its steps
 * with who and when on the ticket's timeline, and reading a checklist's
 * steps back from the revision's stored document.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-checklist-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-checklist-store.h"
#include "desk-database-private.h"
#include "desk-procedure-io.h"
#include "desk-procedure-store.h"
#include "desk-ticket-private.h"

static void
item_free (DeskChecklistItem *item)
{
  g_free (item->step);
  g_free (item->text);
  g_free (item->role);
  g_free (item->staff_name);
  g_free (item);
}

void
desk_checklist_free (DeskChecklist *checklist)
{
  if (checklist == NULL)
    return;
  g_free (checklist->code);
  g_free (checklist->title);
  g_free (checklist->flow_title);
  g_ptr_array_unref (checklist->items);
  g_free (checklist);
}

static void
collect_flows (GPtrArray *list,
               GPtrArray *flows)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if (n->kind == DESK_PROC_FLOW)
        g_ptr_array_add (flows, n);
      else if (n->kind == DESK_PROC_CLAUSE || n->kind == DESK_PROC_PART)
        collect_flows (n->children, flows);
    }
}

GPtrArray *
desk_procedure_get_flows (const DeskProcedure *procedure)
{
  GPtrArray *flows = g_ptr_array_new ();

  collect_flows (procedure->purpose, flows);
  collect_flows (procedure->scope, flows);
  collect_flows (procedure->body, flows);
  return flows;
}

/* Steps by position: the flow's steps 1, 2, 3…; a step's substeps and
 * alternatives 2.1, 2.2… */
static void
collect_steps (const DeskProcedure *p,
               GPtrArray           *children,
               const char          *prefix,
               int                  depth,
               GPtrArray           *items)
{
  guint number = 0;

  for (guint i = 0; i < children->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (children, i);
      DeskChecklistItem *item;

      if (n->kind == DESK_PROC_ALTERNATIVES)
        {
          collect_steps (p, n->children, prefix, depth, items);
          continue;
        }
      if (n->kind != DESK_PROC_STEP)
        continue;
      number++;
      item = g_new0 (DeskChecklistItem, 1);
      item->step = prefix ? g_strdup_printf ("%s.%u", prefix, number) : g_strdup_printf ("%u", number);
      item->text = g_strdup (n->text);
      item->role = g_strdup (desk_procedure_role_name (p, n->role));
      item->optional = n->optional;
      item->depth = depth;
      g_ptr_array_add (items, item);
      collect_steps (p, n->children, item->step, depth + 1, items);
    }
}

static gboolean
find_revision (DeskDatabase  *db,
               const char    *code,
               int            revision,
               gint64        *revision_id,
               GError       **error)
{
  sqlite3_stmt *stmt = _desk_database_prepare (db,
                                               "SELECT r.id FROM procedure_revisions r"
                                               " JOIN procedures p ON p.id = r.procedure_id"
                                               " WHERE p.code = ?1 AND r.revision = CASE ?2 WHEN 0 THEN p.revision ELSE ?2 END",
                                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, revision);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("There is no procedure %s"), code);
      return FALSE;
    }
  *revision_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The checklist's procedure revision, read from the stored document. */
static DeskChecklist *
load_checklist (DeskDatabase  *db,
                gint64         checklist_id,
                GError       **error)
{
  g_autoptr(DeskChecklist) c = g_new0 (DeskChecklist, 1);
  g_autoptr(DeskProcedure) p = NULL;
  g_autoptr(GPtrArray) flows = NULL;
  sqlite3_stmt *stmt;
  guint flow;
  DeskProcNode *node;

  stmt = _desk_database_prepare (db,
                                 "SELECT p.code, r.revision, r.document, c.flow, c.ticket_id FROM ticket_checklists c"
                                 " JOIN procedure_revisions r ON r.id = c.revision_id"
                                 " JOIN procedures p ON p.id = r.procedure_id WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, checklist_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("There is no checklist %d"), (int)checklist_id);
      return NULL;
    }
  c->id = checklist_id;
  c->ticket_id = sqlite3_column_int64 (stmt, 4);
  c->code = _desk_column_dup (stmt, 0);
  c->revision = sqlite3_column_int (stmt, 1);
  flow = sqlite3_column_int (stmt, 3);
  p = desk_procedure_load_data ((const char *)sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2),
                                c->code, NULL, error);
  sqlite3_reset (stmt);
  if (p == NULL)
    return NULL;

  flows = desk_procedure_get_flows (p);
  if (flow >= flows->len)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("Procedure %s has no flow %u"), c->code, flow + 1);
      return NULL;
    }
  node = g_ptr_array_index (flows, flow);
  c->title = g_strdup (p->title);
  c->flow_title = g_strdup (node->title);
  c->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  collect_steps (p, node->children, NULL, 0, c->items);

  /* Each step's last tick. */
  stmt = _desk_database_prepare (db,
                                 "SELECT t.step, t.done, t.at, s.name FROM checklist_ticks t"
                                 " LEFT JOIN staff s ON s.id = t.staff_id"
                                 " WHERE t.checklist_id = ?1 ORDER BY t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, checklist_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *step = (const char *)sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < c->items->len; i++)
        {
          DeskChecklistItem *item = g_ptr_array_index (c->items, i);

          if (g_strcmp0 (item->step, step) == 0)
            {
              item->done = sqlite3_column_int (stmt, 1);
              item->at = sqlite3_column_int64 (stmt, 2);
              g_free (item->staff_name);
              item->staff_name = _desk_column_dup (stmt, 3);
            }
        }
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&c);
}

gint64
desk_checklist_store_attach (DeskDatabase  *db,
                             gint64         ticket_id,
                             const char    *code,
                             int            revision,
                             guint          flow,
                             gint64         staff_id,
                             gint64         now,
                             GError       **error)
{
  g_autoptr(DeskProcedure) p = NULL;
  g_autoptr(GPtrArray) flows = NULL;
  sqlite3_stmt *stmt;
  gint64 revision_id = 0;
  gint64 id = 0;
  gboolean attached_before = FALSE;
  int loaded = 0;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);

  if (!(p = desk_procedure_store_load (db, code, revision, &loaded, error)))
    return 0;
  flows = desk_procedure_get_flows (p);
  if (flow >= flows->len)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("Procedure %s has no flow %u"), code, flow + 1);
      return 0;
    }

  if (!desk_database_begin (db, error))
    return 0;
  if (!find_revision (db, code, loaded, &revision_id, error))
    goto failed;
  stmt = _desk_database_prepare (db,
                                 "INSERT INTO ticket_checklists (ticket_id, revision_id, flow, staff_id, attached_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)"
                                 " ON CONFLICT (ticket_id, revision_id, flow) DO UPDATE SET flow = excluded.flow"
                                 " RETURNING id, attached_at", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int64 (stmt, 2, revision_id);
  sqlite3_bind_int (stmt, 3, flow);
  if (staff_id > 0)
    sqlite3_bind_int64 (stmt, 4, staff_id);
  sqlite3_bind_int64 (stmt, 5, now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      /* Attached before: the same checklist, no new timeline entry. */
      attached_before = sqlite3_column_int64 (stmt, 1) != now;
    }
  if (id == 0 || sqlite3_step (stmt) != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not attach the checklist"));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  if (!attached_before &&
      !_desk_ticket_store_add_event (db, ticket_id, now, staff_id, "checklist",
                                     ((DeskProcNode *)g_ptr_array_index (flows, flow))->title,
                                     NULL, code, NULL, error))
    goto failed;
  if (!desk_database_commit (db, error))
    return 0;
  _desk_database_notify (db, "ticket_checklists", id);
  _desk_database_notify (db, "tickets", ticket_id);
  return id;

failed:
  desk_database_rollback (db);
  return 0;
}

gboolean
desk_checklist_store_tick (DeskDatabase  *db,
                           gint64         checklist_id,
                           const char    *step,
                           gboolean       done,
                           gint64         staff_id,
                           gint64         now,
                           GError       **error)
{
  g_autoptr(DeskChecklist) c = load_checklist (db, checklist_id, error);
  const DeskChecklistItem *item = NULL;
  sqlite3_stmt *stmt;

  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->items->len && item == NULL; i++)
    if (g_strcmp0 (((DeskChecklistItem *)g_ptr_array_index (c->items, i))->step, step) == 0)
      item = g_ptr_array_index (c->items, i);
  if (item == NULL)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("The checklist of %s has no step %s"), c->code, step);
      return FALSE;
    }

  /* The tick and its timeline entry together, or neither. */
  if (!desk_database_begin (db, error))
    return FALSE;
  stmt = _desk_database_prepare (db,
                                 "INSERT INTO checklist_ticks (checklist_id, step, done, staff_id, at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, checklist_id);
  sqlite3_bind_text (stmt, 2, step, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, done ? 1 : 0);
  if (staff_id > 0)
    sqlite3_bind_int64 (stmt, 4, staff_id);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!_desk_database_step_done (db, stmt, _("Could not tick the step"), error) ||
      !_desk_ticket_store_add_event (db, c->ticket_id, now, staff_id,
                                     done ? "checklist-tick" : "checklist-untick",
                                     step, c->code, item->text, NULL, error))
    goto failed;
  if (!desk_database_commit (db, error))
    return FALSE;
  _desk_database_notify (db, "ticket_checklists", checklist_id);
  _desk_database_notify (db, "tickets", c->ticket_id);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

DeskChecklist *
desk_checklist_store_get (DeskDatabase  *db,
                          gint64         checklist_id,
                          GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  return load_checklist (db, checklist_id, error);
}

GPtrArray *
desk_checklist_store_for_ticket (DeskDatabase  *db,
                                 gint64         ticket_id,
                                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_checklist_free);
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db, "SELECT id FROM ticket_checklists WHERE ticket_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      DeskChecklist *c = load_checklist (db, g_array_index (ids, gint64, i), error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&list);
}
