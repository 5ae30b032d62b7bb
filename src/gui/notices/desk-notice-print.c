/* desk-notice-print.c
 *
 * Printing a rectification notice and exporting it as PDF: a
 * GtkPrintOperation on A4 that draws with the same renderer as the PDF
 * (desk-notice-render.c), and the file chooser and thread of the export.
 * Its own file so that the notice rows of the ticket detail and the notices
 * view share one way to put a notice on paper.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notice-print"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-notice-render.h"

#include "desk-gui-private.h"
#include "desk-notice-print.h"

struct _DeskNoticePrintOperation
{
  GtkPrintOperation   parent_instance;

  DeskNotice         *notice;
  DeskNoticeRenderer *renderer;
};

G_DEFINE_FINAL_TYPE (DeskNoticePrintOperation, desk_notice_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The layout is made for the printer's own cairo context, in points from
 * the corner of the sheet (full page, unit points), as on the PDF. */
static void
desk_notice_print_operation_begin_print (GtkPrintOperation *operation,
                                         GtkPrintContext   *context)
{
  DeskNoticePrintOperation *self = DESK_NOTICE_PRINT_OPERATION (operation);
  guint n_pages;

  g_clear_pointer (&self->renderer, desk_notice_renderer_free);
  self->renderer = desk_notice_renderer_new (self->notice);
  n_pages = desk_notice_renderer_paginate (self->renderer, gtk_print_context_get_cairo_context (context));
  gtk_print_operation_set_n_pages (operation, (int)n_pages);
}

static void
desk_notice_print_operation_draw_page (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page_nr)
{
  DeskNoticePrintOperation *self = DESK_NOTICE_PRINT_OPERATION (operation);

  desk_notice_renderer_draw_page (self->renderer, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
desk_notice_print_operation_end_print (GtkPrintOperation *operation,
                                       GtkPrintContext   *context)
{
  DeskNoticePrintOperation *self = DESK_NOTICE_PRINT_OPERATION (operation);

  g_clear_pointer (&self->renderer, desk_notice_renderer_free);
}

static void
desk_notice_print_operation_finalize (GObject *object)
{
  DeskNoticePrintOperation *self = (DeskNoticePrintOperation *)object;

  g_clear_pointer (&self->renderer, desk_notice_renderer_free);
  g_clear_object (&self->notice);

  G_OBJECT_CLASS (desk_notice_print_operation_parent_class)->finalize (object);
}

static void
desk_notice_print_operation_class_init (DeskNoticePrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = desk_notice_print_operation_finalize;
  operation_class->begin_print = desk_notice_print_operation_begin_print;
  operation_class->draw_page = desk_notice_print_operation_draw_page;
  operation_class->end_print = desk_notice_print_operation_end_print;
}

static void
desk_notice_print_operation_init (DeskNoticePrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
}

DeskNoticePrintOperation *
desk_notice_print_operation_new (DeskNotice *notice)
{
  DeskNoticePrintOperation *self;

  g_return_val_if_fail (DESK_IS_NOTICE (notice), NULL);

  self = g_object_new (DESK_TYPE_NOTICE_PRINT_OPERATION, NULL);
  self->notice = g_object_ref (notice);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), desk_notice_get_number (notice));
  return self;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _desk_widget_add_toast (parent, _("Could not print: %s"), error ? error->message : "");
    }
  g_object_unref (parent);
}

void
desk_notice_print (GtkWidget  *parent,
                   DeskNotice *notice)
{
  g_autoptr(DeskNoticePrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (DESK_IS_NOTICE (notice));

  operation = desk_notice_print_operation_new (notice);
  _desk_print_operation_print_to_documents (GTK_PRINT_OPERATION (operation), desk_notice_get_number (notice));
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (parent));
  root = gtk_widget_get_root (parent);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL)
      != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* Ran synchronously: "done" was emitted already. */
    }
}

typedef struct
{
  GtkWidget  *parent;
  DeskNotice *notice;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->parent);
  g_clear_object (&export->notice);
  g_free (export);
}

/* Drawing a notice takes a few hundred milliseconds with CJK fonts, so
 * it runs in a thread; the renderer uses only its own cairo and pango
 * objects. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (desk_notice_render_pdf (export->notice, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  const char *path = g_object_get_data (G_OBJECT (result), "path");
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _desk_widget_add_toast (export->parent, _("Could not export the notice: %s"), error->message);
  else
    /* Translators: %s is a file name */
    _desk_widget_add_toast (export->parent, _("Saved %s"), name);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Export          *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GTask) task = g_task_new (NULL, NULL, export_done_cb, NULL);

      g_object_set_data_full (G_OBJECT (task), "path", g_file_get_path (file), g_free);
      g_task_set_task_data (task, export, (GDestroyNotify)export_free);
      g_task_run_in_thread (task, export_thread);
    }
  else
    export_free (export);

  g_object_unref (chooser);
}

void
desk_notice_export_pdf (GtkWidget  *parent,
                        DeskNotice *notice)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  Export *export;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (DESK_IS_NOTICE (notice));

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (_("Export Notice as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  _desk_file_chooser_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file type in the export dialog */
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s.pdf", desk_notice_get_number (notice));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  export = g_new0 (Export, 1);
  export->parent = g_object_ref (parent);
  export->notice = g_object_ref (notice);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
