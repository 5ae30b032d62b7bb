/* desk-customer-store.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-customer-store.h"
#include "desk-database-private.h"
#include "desk-text.h"

gint64
desk_customer_store_add (DeskDatabase              *db,
                         const DeskCustomerFields  *fields,
                         GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (desk_text_is_blank (fields->name))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Customer name: enter the customer’s name"));
      return 0;
    }

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO customers (name, phone, phone2, address, notes, no_callbacks)"
                                 " VALUES (trim(?1), ?2, ?3, ?4, ?5, ?6)",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, fields->name, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 2, fields->phone);
  _desk_bind_text_or_null (stmt, 3, fields->phone2);
  _desk_bind_text_or_null (stmt, 4, fields->address);
  _desk_bind_text_or_null (stmt, 5, fields->notes);
  sqlite3_bind_int (stmt, 6, fields->no_callbacks ? 1 : 0);

  if (!_desk_database_step_done (db, stmt, _("Could not add the customer"), error))
    return 0;

  return sqlite3_last_insert_rowid (_desk_database_get_handle (db));
}

gint64
desk_customer_store_add_asset (DeskDatabase   *db,
                               gint64          customer_id,
                               DeskAssetKind   kind,
                               const char     *label,
                               const char     *detail,
                               const char     *handover_date,
                               GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);

  if (desk_text_is_blank (label))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Asset: enter the plate, site or device"));
      return 0;
    }

  if (handover_date != NULL)
    {
      g_autoptr(GDateTime) parsed = NULL;
      g_autofree char *iso = g_strconcat (handover_date, "T00:00:00Z", NULL);

      parsed = g_date_time_new_from_iso8601 (iso, NULL);
      if (parsed == NULL)
        {
          g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                       _("Handover date: “%s” is not a date like 2026-03-31"), handover_date);
          return 0;
        }
    }

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO assets (customer_id, kind, label, detail, handover_date)"
                                 " VALUES (?1, ?2, trim(?3), ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, desk_asset_kind_to_nick (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 4, detail);
  _desk_bind_text_or_null (stmt, 5, handover_date);

  if (!_desk_database_step_done (db, stmt, _("Could not add the asset"), error))
    return 0;

  return sqlite3_last_insert_rowid (_desk_database_get_handle (db));
}

gint64
desk_customer_store_count (DeskDatabase  *db,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (DESK_IS_DATABASE (db), -1);

  stmt = _desk_database_prepare (db, "SELECT count(*) FROM customers", error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not count the customers"));
  sqlite3_reset (stmt);

  return count;
}

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

gint64
desk_customer_store_find_by_phone (DeskDatabase  *db,
                                   const char    *phone,
                                   const char    *name,
                                   GError       **error)
{
  g_autofree char *digits = digits_of (phone);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);

  if (*digits == '\0')
    return 0;

  /* Numbers are kept as typed ("0755-8620 1101"); compare their digits. */
  stmt = _desk_database_prepare (db,
                                 "SELECT id FROM customers"
                                 " WHERE (replace(replace(replace(phone, '-', ''), ' ', ''), '+86', '') = ?1"
                                 "     OR replace(replace(replace(phone2, '-', ''), ' ', ''), '+86', '') = ?1)"
                                 " AND (?2 IS NULL OR name = trim(?2))"
                                 " ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, digits, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 2, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _desk_database_set_error (db, error, _("Could not look up the customer"));
  sqlite3_reset (stmt);

  return id;
}
