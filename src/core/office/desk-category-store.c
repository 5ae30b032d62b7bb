/* desk-category-store.c
 *
 * Reading the ticket categories (the categories table): the active ones in
 * the office's order, one by code or by English or Chinese name, and which
 * of the two names to show in the user's language.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-category-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-category-store.h"
#include "desk-database-private.h"

void
desk_category_free (DeskCategory *category)
{
  if (category == NULL)
    return;

  g_free (category->code);
  g_free (category->name_en);
  g_free (category->name_zh);
  g_free (category);
}

const char *
desk_category_pick_name (const char *name_en,
                         const char *name_zh)
{
  /* Translators: write "zh" here so that ticket categories, which the
   * office keeps in English and Chinese, show their Chinese names.
   * (Looked up each time, not kept: a lookup is cheap, and a value kept
   * from before the translations were bound would stay English.) */
  const char *language = C_("category names", "en");

  if (g_str_equal (language, "zh") && name_zh != NULL && *name_zh)
    return name_zh;

  return name_en;
}

static DeskCategory *
category_from_row (sqlite3_stmt *stmt)
{
  DeskCategory *category = g_new0 (DeskCategory, 1);

  category->id = sqlite3_column_int64 (stmt, 0);
  category->code = _desk_column_dup (stmt, 1);
  category->name_en = _desk_column_dup (stmt, 2);
  category->name_zh = _desk_column_dup (stmt, 3);
  return category;
}

GPtrArray *
desk_category_store_list (DeskDatabase  *db,
                          GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_category_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT id, code, name_en, name_zh FROM categories"
                                 " WHERE active ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, category_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the categories"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

DeskCategory *
desk_category_store_find (DeskDatabase  *db,
                          const char    *code_or_name,
                          GError       **error)
{
  g_autofree char *missing = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code_or_name != NULL, NULL);

  missing = g_strdup_printf (_("Category: there is no category “%s” (see the categories command)"),
                             code_or_name);
  return _desk_database_get_one (db,
                                 "SELECT id, code, name_en, name_zh FROM categories"
                                 " WHERE code = ?1 OR name_en = ?1 COLLATE NOCASE OR name_zh = ?1"
                                 " ORDER BY active DESC LIMIT 1",
                                 0, code_or_name, (gpointer (*) (sqlite3_stmt *))category_from_row,
                                 missing, _("Could not read the categories"), error);
}
