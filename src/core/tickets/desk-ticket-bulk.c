/* desk-ticket-bulk.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Many tickets at once, for the demo office and the benchmarks: one
 * prepared INSERT per table, run inside the caller's transaction. */

#define G_LOG_DOMAIN "desk-ticket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-enums.h"
#include "desk-policy-store.h"
#include "desk-search-text.h"
#include "desk-ticket-private.h"
#include "desk-ticket-store.h"
#include "desk-ticket-workflow.h"

gboolean
desk_ticket_store_insert_bulk (DeskDatabase           *db,
                               const DeskTicketDraft  *drafts,
                               const DeskTicketStatus *statuses,
                               const gint64           *closed_at,
                               const int              *repeat_counts,
                               guint                   n,
                               GError                **error)
{
  sqlite3_stmt *customer;
  sqlite3_stmt *insert;
  sqlite3_stmt *search;
  int policy_revision;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  policy_revision = desk_policy_store_get_active_revision (db, error);
  if (policy_revision == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const DeskTicketDraft *d = &drafts[i];
      g_autofree char *number = _desk_ticket_store_next_number (db, d->kind, d->received_at, error);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      const char *fields[8];
      gint64 repeat_of;
      int repeat_count;
      gint64 id;

      if (number == NULL)
        return FALSE;

      customer = _desk_database_prepare (db,
                                         "SELECT c.name, c.phone, c.phone2, c.address, a.label"
                                         " FROM customers c LEFT JOIN assets a ON a.id = ?2"
                                         " WHERE c.id = ?1",
                                         error);
      if (customer == NULL)
        return FALSE;
      sqlite3_bind_int64 (customer, 1, d->customer_id);
      sqlite3_bind_int64 (customer, 2, d->asset_id);
      if (sqlite3_step (customer) != SQLITE_ROW)
        {
          sqlite3_reset (customer);
          g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                       _("Customer: choose the customer or enter a new one"));
          return FALSE;
        }
      name = _desk_column_dup (customer, 0);
      fields[0] = number;
      for (int f = 0; f < 5; f++)
        fields[f + 1] = (const char *)sqlite3_column_text (customer, f);
      fields[6] = d->summary;
      fields[7] = d->description;
      text = desk_search_text_prepare (fields, G_N_ELEMENTS (fields));
      sqlite3_reset (customer);

      /* A repeat needs an earlier complaint of the same customer and
       * category to repeat; without one it is a first complaint. */
      repeat_of = d->repeat_of;
      repeat_count = repeat_counts[i];
      if (repeat_count > 1 && repeat_of == 0)
        {
          sqlite3_stmt *earlier;

          earlier = _desk_database_prepare (db,
                                            "SELECT id, repeat_count FROM tickets"
                                            " WHERE customer_id = ?1 AND kind = 0 AND category_id = ?2"
                                            " AND received_at < ?3 ORDER BY received_at DESC LIMIT 1",
                                            error);
          if (earlier == NULL)
            return FALSE;
          sqlite3_bind_int64 (earlier, 1, d->customer_id);
          sqlite3_bind_int64 (earlier, 2, d->category_id);
          sqlite3_bind_int64 (earlier, 3, d->received_at);
          repeat_count = 1;
          if (sqlite3_step (earlier) == SQLITE_ROW)
            {
              repeat_of = sqlite3_column_int64 (earlier, 0);
              repeat_count = sqlite3_column_int (earlier, 1) + 1;
            }
          sqlite3_reset (earlier);
        }

      insert = _desk_database_prepare (db,
                                       "INSERT INTO tickets (number, kind, on_site, status, severity, major,"
                                       " channel, customer_id, customer_name, asset_id, category_id,"
                                       " department_id, owner_id, summary, description, repeat_of,"
                                       " repeat_count, received_at, updated_at, closed_at, policy_revision)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                       " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                                       error);
      if (insert == NULL)
        return FALSE;

      sqlite3_bind_text (insert, 1, number, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 2, d->kind);
      sqlite3_bind_int (insert, 3, d->on_site);
      sqlite3_bind_int (insert, 4, statuses[i]);
      sqlite3_bind_int (insert, 5, d->severity);
      sqlite3_bind_int (insert, 6, d->major);
      sqlite3_bind_int (insert, 7, d->channel);
      sqlite3_bind_int64 (insert, 8, d->customer_id);
      sqlite3_bind_text (insert, 9, name, -1, SQLITE_STATIC);
      if (d->asset_id > 0)
        sqlite3_bind_int64 (insert, 10, d->asset_id);
      sqlite3_bind_int64 (insert, 11, d->category_id);
      if (d->department_id > 0)
        sqlite3_bind_int64 (insert, 12, d->department_id);
      if (d->owner_id > 0)
        sqlite3_bind_int64 (insert, 13, d->owner_id);
      sqlite3_bind_text (insert, 14, d->summary, -1, SQLITE_STATIC);
      _desk_bind_text_or_null (insert, 15, d->description);
      if (repeat_of > 0)
        sqlite3_bind_int64 (insert, 16, repeat_of);
      sqlite3_bind_int (insert, 17, repeat_count);
      sqlite3_bind_int64 (insert, 18, d->received_at);
      sqlite3_bind_int64 (insert, 19, closed_at[i] > 0 ? closed_at[i] : d->received_at);
      if (closed_at[i] > 0)
        sqlite3_bind_int64 (insert, 20, closed_at[i]);
      sqlite3_bind_int (insert, 21, policy_revision);

      if (!_desk_database_step_done (db, insert, _("Could not save the ticket"), error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_desk_database_get_handle (db));

      search = _desk_database_prepare (db, "INSERT INTO ticket_search (id, text) VALUES (?1, ?2)", error);
      if (search == NULL)
        return FALSE;
      sqlite3_bind_int64 (search, 1, id);
      sqlite3_bind_text (search, 2, text, -1, SQLITE_STATIC);
      if (!_desk_database_step_done (db, search, _("Could not index the ticket"), error))
        return FALSE;

      if (!_desk_ticket_store_add_event (db, id, d->received_at, 0, "created", NULL, NULL, number, NULL, error))
        return FALSE;

      if (statuses[i] == DESK_STATUS_CLOSED)
        {
          if (!_desk_ticket_store_add_event (db, id, closed_at[i], d->owner_id, "status", "status",
                                             desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, DESK_STATUS_RECEIVED),
                                             desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, statuses[i]), NULL, error))
            return FALSE;
        }
      else
        {
          /* An open ticket's deadlines follow from its steps: record each
           * step of the usual path to where it is now, 20 minutes apart. */
          DeskTicketStatus from = DESK_STATUS_RECEIVED;

          for (int step = 1; from != statuses[i] && step < DESK_N_STATUSES; step++)
            {
              guint n_next;
              const DeskTicketStatus *next = desk_ticket_workflow_next_statuses (d->kind, from, &n_next);

              if (n_next == 0)
                break;
              if (!_desk_ticket_store_add_event (db, id, d->received_at + step * 20 * 60, d->owner_id, "status", "status",
                                                 desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, from),
                                                 desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, next[0]), NULL, error))
                return FALSE;
              from = next[0];
            }
        }

      if (repeat_of > 0 && !_desk_ticket_store_insert_link (db, id, repeat_of, "repeat", error))
        return FALSE;
    }

  return TRUE;
}
