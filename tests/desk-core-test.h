/* desk-core-test.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"

G_BEGIN_DECLS

/* What every test's fixture needs: a folder of its own and an office in
 * it, removed again afterwards. */

/* A new folder under the temporary folder, named after @name-XXXXXX. */
char         *desk_test_make_dir    (const char  *name);
/* Creates the office "office.db" in @dir; @path receives its path. */
DeskDatabase *desk_test_open_office (const char  *dir,
                                     char       **path);
/* Removes @path and the files in it. */
void          desk_test_remove_dir  (const char  *path);

G_END_DECLS
