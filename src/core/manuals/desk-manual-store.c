/* desk-manual-store.c
 *
 * Storing an imported manual: desk_manual_store_import_file() imports a
 * .txt/.docx/.odt file and stores its procedure through
 * desk_procedure_store_add().  Apart from the importer so that the
 * recogniser needs no database.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Storing an imported manual: as a new procedure, or as a new revision
 * of the procedure with its code, in one transaction
 * (desk_procedure_store_add); nothing is stored when the file is refused. */

#include "desk-manual-store.h"
#include "desk-procedure-io.h"
#include "desk-procedure-store.h"

int
desk_manual_store_import_file (DeskDatabase      *db,
                               const char        *path,
                               DeskManualImport **import_out,
                               GError           **error)
{
  g_autoptr(DeskManualImport) import = desk_manual_import_file (path, error);
  g_autofree char *source = NULL;
  int revision;

  if (import == NULL)
    return 0;
  source = g_path_get_basename (path);
  revision = desk_procedure_store_add (db, import->procedure, source,
                                       g_get_real_time () / G_USEC_PER_SEC, error);
  if (revision > 0 && import_out != NULL)
    *import_out = g_steal_pointer (&import);
  return revision;
}
