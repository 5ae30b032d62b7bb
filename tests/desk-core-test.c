/* desk-core-test.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "desk-core-test.h"

char *
desk_test_make_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (name, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

DeskDatabase *
desk_test_open_office (const char  *dir,
                       char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (dir, "office.db", NULL);
  DeskDatabase *db = desk_database_open (file, DESK_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return db;
}

void
desk_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}
