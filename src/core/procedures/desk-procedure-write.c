/* desk-procedure-write.c
 *
 * Writing a procedure: to bytes or atomically to a file, in our format
 * (desk-procedure-write-native.c) or as a DITA task
 * (desk-procedure-write-dita.c), and the calls on libxml2's text writer
 * that both make.  The calls are here, apart from either format, so that
 * both leave out empty values (0, FALSE) the same way: half of what keeps
 * our format canonical.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-procedure-private.h"

#define X(s) ((const xmlChar *)(s))

void
_desk_write_start (Writer     *w,
                   const char *name)
{
  xmlTextWriterStartElement (w->w, X (name));
}

void
_desk_write_end (Writer *w)
{
  xmlTextWriterEndElement (w->w);
}

void
_desk_write_attr (Writer     *w,
                  const char *name,
                  const char *value)
{
  if (value != NULL && *value != '\0')
    xmlTextWriterWriteAttribute (w->w, X (name), X (value));
}

void
_desk_write_attr_int (Writer     *w,
                      const char *name,
                      int         value)
{
  if (value != 0)
    xmlTextWriterWriteFormatAttribute (w->w, X (name), "%d", value);
}

void
_desk_write_attr_bool (Writer     *w,
                       const char *name,
                       gboolean    value)
{
  if (value)
    xmlTextWriterWriteAttribute (w->w, X (name), X ("true"));
}

void
_desk_write_text (Writer     *w,
                  const char *value)
{
  if (value != NULL && *value != '\0')
    xmlTextWriterWriteString (w->w, X (value));
}

void
_desk_write_element (Writer     *w,
                     const char *name,
                     const char *value)
{
  _desk_write_start (w, name);
  _desk_write_text (w, value);
  _desk_write_end (w);
}

void
_desk_write_element_if (Writer     *w,
                        const char *name,
                        const char *value)
{
  if (value != NULL && *value != '\0')
    _desk_write_element (w, name, value);
}

GBytes *
desk_procedure_to_xml (const DeskProcedure *procedure,
                       DeskProcedureFormat  format)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  Writer w = { xmlNewTextWriterMemory (buffer, 0), procedure };
  GBytes *bytes;

  xmlTextWriterSetIndent (w.w, 1);
  xmlTextWriterSetIndentString (w.w, X ("  "));
  xmlTextWriterStartDocument (w.w, "1.0", "UTF-8", NULL);
  if (format == DESK_PROCEDURE_FORMAT_DITA)
    _desk_procedure_write_dita (&w);
  else
    _desk_procedure_write_native (&w);
  xmlTextWriterEndDocument (w.w);
  xmlFreeTextWriter (w.w);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

gboolean
desk_procedure_save (const DeskProcedure  *procedure,
                     DeskProcedureFormat   format,
                     const char           *path,
                     GError              **error)
{
  g_autoptr(GBytes) bytes = desk_procedure_to_xml (procedure, format);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_WRITE,
                   _("Could not write %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
