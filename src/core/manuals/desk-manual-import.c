/* desk-manual-import.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a manual import gives: the procedure read from a manual and what
 * was dropped or found beside it.  Below both the reading of files
 * (desk-manual-text.c) and the parser (desk-manual-parse.c), which fill it.
 */

#define G_LOG_DOMAIN "desk-manual-import"

#include "config.h"

#include "desk-manual-import.h"

static void
dropped_free (gpointer data)
{
  DeskManualDropped *dropped = data;

  g_free (dropped->reason);
  g_free (dropped->text);
  g_free (dropped);
}

DeskManualImport *
_desk_manual_import_new (void)
{
  DeskManualImport *import = g_new0 (DeskManualImport, 1);

  import->procedure = desk_procedure_new ();
  import->dropped = g_ptr_array_new_with_free_func (dropped_free);
  import->fines = g_ptr_array_new_with_free_func (g_free);
  import->escalations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return import;
}

void
desk_manual_import_free (DeskManualImport *import)
{
  if (import == NULL)
    return;
  desk_procedure_free (import->procedure);
  g_free (import->text);
  g_ptr_array_unref (import->dropped);
  g_ptr_array_unref (import->fines);
  g_ptr_array_unref (import->escalations);
  g_free (import);
}
