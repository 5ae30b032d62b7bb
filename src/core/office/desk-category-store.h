/* desk-category-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"

G_BEGIN_DECLS

/* Ticket categories (施工质量, 材料质量 …): editable per office, each with
 * an English and a Chinese name. */
typedef struct
{
  gint64  id;
  char   *code;
  char   *name_en;
  char   *name_zh;
} DeskCategory;

void          desk_category_free            (DeskCategory *category);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCategory, desk_category_free)

/* The name in the language the user reads (Chinese under a zh locale). */
const char   *desk_category_pick_name       (const char   *name_en,
                                             const char   *name_zh);

/* Active categories in the office's order.  Element type DeskCategory. */
GPtrArray    *desk_category_store_list      (DeskDatabase *db,
                                             GError      **error);
/* By code, English or Chinese name (case-insensitive for English). */
DeskCategory *desk_category_store_find      (DeskDatabase *db,
                                             const char   *code_or_name,
                                             GError      **error);

G_END_DECLS
