/* desk-procedure-io.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-procedure.h"

G_BEGIN_DECLS

/* Reading procedure files safely, and writing them.
 *
 * Files come from other offices and are not trusted: they are parsed with
 * libxml2's safe options only (no network, no DTD loading, no entity
 * substitution, no XInclude, never XML_PARSE_HUGE), entity declarations
 * are refused outright, nothing outside the file is ever read, and the
 * input is pushed to the parser in chunks so that a hostile file is
 * stopped at its first fault instead of being read whole.  Every message
 * names the file, line and column. */

#define DESK_PROCEDURE_ERROR (desk_procedure_error_quark ())

typedef enum
{
  DESK_PROCEDURE_ERROR_READ,        /* the file could not be read */
  DESK_PROCEDURE_ERROR_MALFORMED,   /* not well-formed XML */
  DESK_PROCEDURE_ERROR_HOSTILE,     /* entity declarations, DOCTYPE in our format, too big */
  DESK_PROCEDURE_ERROR_INVALID,     /* breaks the schema or the format's rules */
  DESK_PROCEDURE_ERROR_UNSUPPORTED, /* XML, but not a procedure format we know */
  DESK_PROCEDURE_ERROR_WRITE,
} DeskProcedureError;

typedef enum
{
  DESK_PROCEDURE_FORMAT_NATIVE,     /*< nick=native >*/
  DESK_PROCEDURE_FORMAT_DITA,       /*< nick=dita >*/
  DESK_PROCEDURE_FORMAT_DOCBOOK,    /*< nick=docbook >*/
} DeskProcedureFormat;

/* Files above this size are refused before they are read. */
#define DESK_PROCEDURE_MAX_FILE_SIZE (64 * 1024 * 1024)

GQuark         desk_procedure_error_quark (void);

/* Reads a procedure in our format, DITA (task, troubleshooting) or
 * DocBook 5 (procedure), whichever the root element says.  @format
 * (optional) receives which it was. */
DeskProcedure *desk_procedure_load_file   (const char          *path,
                                           DeskProcedureFormat *format,
                                           GError             **error);
DeskProcedure *desk_procedure_load_data   (const char          *data,
                                           gsize                length,
                                           const char          *name,
                                           DeskProcedureFormat *format,
                                           GError             **error);

/* The embedded RELAX NG schema of our format, as text. */
GBytes        *desk_procedure_get_schema  (void);
/* A file the program carries (data/procedures/): the demo procedures. */
GBytes        *desk_procedure_get_builtin (const char          *name);

/* Our format (canonical: the same procedure always gives the same bytes)
 * or a DITA 1.3 task. */
GBytes        *desk_procedure_to_xml      (const DeskProcedure *procedure,
                                           DeskProcedureFormat  format);
/* Writes atomically: a temporary file renamed over @path. */
gboolean       desk_procedure_save        (const DeskProcedure *procedure,
                                           DeskProcedureFormat  format,
                                           const char          *path,
                                           GError             **error);

gboolean       desk_procedure_format_from_nick (const char          *nick,
                                                DeskProcedureFormat *format);

G_END_DECLS
