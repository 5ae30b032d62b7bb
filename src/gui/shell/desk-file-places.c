/* desk-file-places.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a file chooser opens and where Print to File writes.  A window
 * started from a menu has the program's folder as its working folder, so
 * GTK's defaults opened the choosers there and printed to "output.pdf"
 * beside the program.  A clerk's files belong in their Documents folder
 * (home, where there is none); after one choice, the folder last used.
 */

#define G_LOG_DOMAIN "desk-file-places"

#include "config.h"

#include "desk-gui-private.h"

/* The folder of the last file chosen in this run of the program. */
static GFile *last_folder;

GFile *
_desk_documents_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last_folder != NULL)
    return g_object_ref (last_folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

void
_desk_remember_chosen_file (GFile *file)
{
  g_return_if_fail (G_IS_FILE (file));

  g_clear_object (&last_folder);
  last_folder = g_file_get_parent (file);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    _desk_remember_chosen_file (file);
}

void
_desk_file_chooser_start_in_documents (GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = _desk_documents_folder ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  if (GTK_IS_NATIVE_DIALOG (chooser))
    g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), NULL);
}

void
_desk_print_operation_print_to_documents (GtkPrintOperation *operation,
                                          const char        *name)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GFile) folder = _desk_documents_folder ();
  g_autofree char *basename = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (name != NULL);

  /* A name is a notice number or a procedure code: keep it a file name. */
  basename = g_strdelimit (g_strconcat (name, ".pdf", NULL), "/\\", '-');
  file = g_file_get_child (folder, basename);
  uri = g_file_get_uri (file);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_operation_set_print_settings (operation, settings);
}
