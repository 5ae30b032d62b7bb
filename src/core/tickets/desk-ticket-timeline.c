/* desk-ticket-timeline.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What is added to a ticket's timeline without changing the ticket itself
 * (notes, visits, callbacks), links and merges between tickets, and
 * reading a timeline and a ticket's links back. */

#define G_LOG_DOMAIN "desk-ticket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-field-rules.h"
#include "desk-text.h"
#include "desk-ticket-private.h"
#include "desk-ticket-store.h"

/* Entries that only add to the timeline (notes, visits, callbacks): no
 * revision is claimed, so two people may write at once.  They can move
 * deadlines and what search finds. */
static gboolean
append_entry_with (DeskDatabase  *db,
                   gint64         id,
                   gint64         actor_id,
                   const char    *kind,
                   gint64         at,
                   const char    *field,
                   const char    *value,
                   const char    *note,
                   GError       **error)
{
  g_autoptr(DeskTicket) ticket = NULL;
  gint64 now = _desk_ticket_now ();

  if (!desk_database_begin (db, error))
    return FALSE;

  if (!(ticket = desk_ticket_store_get (db, id, error)) ||
      !_desk_ticket_store_add_event (db, id, at > 0 ? at : now, actor_id, kind, field, NULL, value,
                                     desk_text_is_blank (note) ? NULL : note, error) ||
      (note != NULL && !_desk_ticket_store_refresh_search_text (db, id, error)) ||
      !desk_deadline_store_refresh (db, id, now, error))
    {
      desk_database_rollback (db);
      return FALSE;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "tickets", id);
  return TRUE;
}

static gboolean
append_entry (DeskDatabase  *db,
              gint64         id,
              gint64         actor_id,
              const char    *kind,
              gint64         at,
              const char    *note,
              GError       **error)
{
  return append_entry_with (db, id, actor_id, kind, at, NULL, NULL, note, error);
}

gboolean
desk_ticket_store_add_note (DeskDatabase  *db,
                            gint64         id,
                            gint64         actor_id,
                            const char    *text,
                            GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (desk_text_is_blank (text))
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Note: write something first"));
      return FALSE;
    }
  if (!desk_field_check_text (text, _("Note"), DESK_FIELD_TEXT_MAX,
                              DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error))
    return FALSE;

  return append_entry (db, id, actor_id, "note", 0, text, error);
}

gboolean
_desk_ticket_store_insert_link (DeskDatabase  *db,
                                gint64         a,
                                gint64         b,
                                const char    *kind,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO ticket_links (ticket_id, other_id, kind) VALUES (?1, ?2, ?3)"
                                 " ON CONFLICT DO NOTHING",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, MIN (a, b));
  sqlite3_bind_int64 (stmt, 2, MAX (a, b));
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);

  return _desk_database_step_done (db, stmt, _("Could not link the tickets"), error);
}

gboolean
desk_ticket_store_link (DeskDatabase  *db,
                        gint64         id,
                        gint64         other_id,
                        gint64         actor_id,
                        GError       **error)
{
  g_autoptr(DeskTicket) a = NULL;
  g_autoptr(DeskTicket) b = NULL;
  gint64 now = _desk_ticket_now ();

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (id == other_id)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Link: a ticket cannot be linked to itself"));
      return FALSE;
    }

  if (!desk_database_begin (db, error))
    return FALSE;

  if (!(a = desk_ticket_store_get (db, id, error)) ||
      !(b = desk_ticket_store_get (db, other_id, error)) ||
      !_desk_ticket_store_insert_link (db, id, other_id,
                                       desk_ticket_get_data (a)->repeat_of == other_id ? "repeat" : "related",
                                       error) ||
      !_desk_ticket_store_add_event (db, id, now, actor_id, "link", NULL, NULL,
                                     desk_ticket_get_number (b), NULL, error) ||
      !_desk_ticket_store_add_event (db, other_id, now, actor_id, "link", NULL, NULL,
                                     desk_ticket_get_number (a), NULL, error))
    {
      desk_database_rollback (db);
      return FALSE;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "tickets", id);
  _desk_database_notify (db, "tickets", other_id);
  return TRUE;
}

gboolean
desk_ticket_store_merge (DeskDatabase  *db,
                         gint64         from_id,
                         gint64         into_id,
                         gint64         actor_id,
                         GError       **error)
{
  g_autoptr(DeskTicket) from = NULL;
  g_autoptr(DeskTicket) into = NULL;
  sqlite3_stmt *stmt;
  gint64 now = _desk_ticket_now ();

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (from_id == into_id)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Merge: a ticket cannot be merged into itself"));
      return FALSE;
    }

  if (!desk_database_begin (db, error))
    return FALSE;

  if (!(from = desk_ticket_store_get (db, from_id, error)) ||
      !(into = desk_ticket_store_get (db, into_id, error)))
    goto failed;

  if (desk_ticket_get_data (into)->merged_into != 0)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Merge: %s was itself merged into another ticket"), desk_ticket_get_number (into));
      goto failed;
    }

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET merged_into = ?2, status = 7, closed_at = ?3,"
                                 " revision = revision + 1, updated_at = ?3 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, into_id);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!_desk_database_step_done (db, stmt, _("Could not merge the tickets"), error))
    goto failed;

  /* Both timelines stay; each says where the other went. */
  if (!_desk_ticket_store_insert_link (db, from_id, into_id, "merged", error) ||
      !_desk_ticket_store_add_event (db, from_id, now, actor_id, "merge", NULL, NULL, desk_ticket_get_number (into),
                                     NULL, error) ||
      !_desk_ticket_store_add_event (db, into_id, now, actor_id, "merge", NULL, desk_ticket_get_number (from), NULL,
                                     NULL, error) ||
      !_desk_ticket_store_refresh_search_text (db, into_id, error))
    goto failed;

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "tickets", from_id);
  _desk_database_notify (db, "tickets", into_id);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

GPtrArray *
desk_ticket_store_timeline (DeskDatabase  *db,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_ticket_event_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT e.id, e.at, e.staff_id, s.name, e.kind, e.field, e.old_value,"
                                 " e.new_value, e.note FROM ticket_events e"
                                 " LEFT JOIN staff s ON s.id = e.staff_id"
                                 " WHERE e.ticket_id = ?1 ORDER BY e.at, e.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskTicketEvent *event = g_new0 (DeskTicketEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->at = sqlite3_column_int64 (stmt, 1);
      event->staff_id = sqlite3_column_int64 (stmt, 2);
      event->staff_name = _desk_column_dup (stmt, 3);
      event->kind = _desk_column_dup (stmt, 4);
      event->field = _desk_column_dup (stmt, 5);
      event->old_value = _desk_column_dup (stmt, 6);
      event->new_value = _desk_column_dup (stmt, 7);
      event->note = _desk_column_dup (stmt, 8);
      g_ptr_array_add (events, event);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the timeline"));
      return NULL;
    }

  return g_steal_pointer (&events);
}

GArray *
desk_ticket_store_links (DeskDatabase  *db,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT other_id FROM ticket_links WHERE ticket_id = ?1"
                                 " UNION SELECT ticket_id FROM ticket_links WHERE other_id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, other);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the links"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}


gboolean
desk_ticket_store_record (DeskDatabase  *db,
                          gint64         id,
                          gint64         actor_id,
                          const char    *what,
                          gint64         at,
                          const char    *note,
                          GError       **error)
{
  static const char * const kinds[] = { "visit-agreed", "visited", "callback", "acknowledged", NULL };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_strv_contains (kinds, what), FALSE);

  return append_entry (db, id, actor_id, what, at, note, error);
}

gboolean
desk_ticket_store_record_call (DeskDatabase  *db,
                               gint64         id,
                               gint64         actor_id,
                               gint64         at,
                               gint64         callback_id,
                               gboolean       talked,
                               const char    *note,
                               GError       **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, callback_id);

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (callback_id > 0, FALSE);

  return append_entry_with (db, id, actor_id, talked ? "callback" : "callback-attempt", at,
                            NULL, value, note, error);
}

gboolean
desk_ticket_store_record_customer_change (DeskDatabase  *db,
                                          gint64         id,
                                          gint64         actor_id,
                                          const char    *field,
                                          const char    *new_value,
                                          GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_strcmp0 (field, "phone") == 0 || g_strcmp0 (field, "address") == 0, FALSE);

  return append_entry_with (db, id, actor_id, "customer", 0, field, new_value, NULL, error);
}
