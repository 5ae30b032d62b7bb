/* desk-customer-store.c
 *
 * The customers and assets tables: adding customers and their assets,
 * finding a caller by phone number however it was typed, the lookup while a
 * call is on (phone fragments, names, plates), the count, every id for the
 * generator, and the no-callbacks wish, which a trigger copies onto the
 * customer's tickets.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-customer-store.h"
#include "desk-field-rules.h"
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

#define CHECK_TEXT(value, label, max) \
  desk_field_check_text (value, label, max, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT, error)
  if (!CHECK_TEXT (fields->name, _("Customer name"), DESK_FIELD_NAME_MAX) ||
      !desk_field_check_phone (fields->phone, _("Phone"), DESK_DATABASE_ERROR,
                               DESK_DATABASE_ERROR_CONSTRAINT, error) ||
      !desk_field_check_phone (fields->phone2, _("Second phone"), DESK_DATABASE_ERROR,
                               DESK_DATABASE_ERROR_CONSTRAINT, error) ||
      !CHECK_TEXT (fields->address, _("Address"), DESK_FIELD_ADDRESS_MAX) ||
      !CHECK_TEXT (fields->notes, _("Customer notes"), DESK_FIELD_TEXT_MAX))
    return 0;
#undef CHECK_TEXT

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
  if (!desk_field_check_text (label, _("Asset"), DESK_FIELD_NAME_MAX, DESK_DATABASE_ERROR,
                              DESK_DATABASE_ERROR_CONSTRAINT, error) ||
      !desk_field_check_text (detail, _("Asset details"), DESK_FIELD_ADDRESS_MAX, DESK_DATABASE_ERROR,
                              DESK_DATABASE_ERROR_CONSTRAINT, error))
    return 0;

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

gboolean
desk_customer_store_set_no_callbacks (DeskDatabase  *db,
                                      gint64         customer_id,
                                      gboolean       no_callbacks,
                                      GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (!desk_database_begin (db, error))
    return FALSE;

  /* A trigger (migration 3) copies the wish onto the customer's tickets. */
  stmt = _desk_database_prepare (db, "UPDATE customers SET no_callbacks = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    {
      desk_database_rollback (db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, no_callbacks ? 1 : 0);
  if (!_desk_database_step_done (db, stmt, _("Could not save the customer"), error))
    {
      desk_database_rollback (db);
      return FALSE;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "customers", customer_id);
  return TRUE;
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

void
desk_customer_match_free (DeskCustomerMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->name);
  g_free (match->phone);
  g_free (match->address);
  g_free (match->asset_label);
  g_free (match);
}

/* "%text%" for LIKE, with LIKE's own characters taken literally. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* Plates are written "粤B·7K26M", "粤b 7k26m" or "7K26M": compare them
 * without separators, in upper case. */
static char *
plate_key (const char *text)
{
  g_autofree char *upper = g_ascii_strup (text, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = upper; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00B7 /* · */ || c == 0x30FB /* ・ */ || c == '-' || g_unichar_isspace (c))
        continue;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

#define DIGITS_OF(column) \
  "replace(replace(replace(replace(" column ", '-', ''), ' ', ''), '+86', ''), '(', '')"

GPtrArray *
desk_customer_store_lookup (DeskDatabase  *db,
                            const char    *text,
                            guint          limit,
                            GError       **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *name_pattern = NULL;
  g_autofree char *phone_pattern = NULL;
  g_autofree char *plate = NULL;
  g_autofree char *plate_pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_customer_match_free);
  if (desk_text_is_blank (text) || limit == 0)
    return g_steal_pointer (&matches);

  trimmed = g_strstrip (g_strdup (text));
  digits = digits_of (trimmed);
  name_pattern = like_pattern (trimmed);
  /* Two digits match half the office: a fragment needs three, and
   * nothing but digits and the signs numbers are written with (the
   * digits of a plate are no phone number). */
  if (strlen (digits) >= 3 && strspn (trimmed, "0123456789 -+()") == strlen (trimmed))
    phone_pattern = like_pattern (digits);
  plate = plate_key (trimmed);
  plate_pattern = like_pattern (plate);

  stmt = _desk_database_prepare (db,
                                 "SELECT c.id, c.name, c.phone, c.address, c.no_callbacks,"
                                 "       a.id, a.kind, a.label"
                                 " FROM customers c LEFT JOIN assets a ON a.customer_id = c.id"
                                 " WHERE c.name LIKE ?1 ESCAPE '\\'"
                                 "    OR (?2 IS NOT NULL AND (" DIGITS_OF ("c.phone") " LIKE ?2 ESCAPE '\\'"
                                 "                         OR " DIGITS_OF ("c.phone2") " LIKE ?2 ESCAPE '\\'))"
                                 "    OR (?3 <> '' AND replace(replace(replace(upper(a.label), '·', ''), ' ', ''), '-', '')"
                                 "                     LIKE ?3 ESCAPE '\\')"
                                 " ORDER BY c.name = ?4 DESC, c.name, c.id, a.id"
                                 " LIMIT ?5",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name_pattern, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 2, phone_pattern);
  sqlite3_bind_text (stmt, 3, plate[0] != '\0' ? plate_pattern : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskCustomerMatch *match = g_new0 (DeskCustomerMatch, 1);
      DeskAssetKind kind = DESK_ASSET_SITE;

      match->customer_id = sqlite3_column_int64 (stmt, 0);
      match->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      match->phone = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      match->address = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      match->no_callbacks = sqlite3_column_int (stmt, 4) != 0;
      match->asset_id = sqlite3_column_int64 (stmt, 5);
      if (match->asset_id != 0)
        desk_asset_kind_from_nick ((const char *)sqlite3_column_text (stmt, 6), &kind);
      match->asset_kind = kind;
      match->asset_label = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      g_ptr_array_add (matches, match);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not look up the customer"));
      return NULL;
    }

  return g_steal_pointer (&matches);
}

gboolean
desk_customer_store_list_ids (DeskDatabase  *db,
                              GArray        *customer_ids,
                              GArray        *asset_ids,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  stmt = _desk_database_prepare (db,
                                 "SELECT c.id, coalesce((SELECT min(a.id) FROM assets a"
                                 " WHERE a.customer_id = c.id), 0) FROM customers c ORDER BY c.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer = sqlite3_column_int64 (stmt, 0);
      gint64 asset = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (customer_ids, customer);
      g_array_append_val (asset_ids, asset);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the customers"));
      return FALSE;
    }

  return TRUE;
}
