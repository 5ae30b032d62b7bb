/* desk-manual-import.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-procedure.h"

G_BEGIN_DECLS

/* Importing procedure manuals as offices keep them: plain text (UTF-8 or
 * GB18030/GBK, detected), Word .docx and OpenDocument .odt.  The text is
 * read into lines (desk-manual-text.c, desk-manual-docx.c), then general
 * rules recognise the structure (desk-manual-parse.c): title, code,
 * edition, sign-off, numbered clauses of every usual style, flows,
 * routes, scripts, forms, roles, time limits and fines.
 *
 * Nothing is lost: every character of the source is either in the
 * procedure or in the dropped list (template and download-site
 * boilerplate, repeated titles, tables of contents), apart from the
 * arrows and dashes between the steps of a flow and the blanks of a
 * sign-off form. */

#define DESK_MANUAL_ERROR (desk_manual_error_quark ())

typedef enum
{
  DESK_MANUAL_ERROR_READ,
  DESK_MANUAL_ERROR_EMPTY,
  DESK_MANUAL_ERROR_TOO_BIG,
  DESK_MANUAL_ERROR_BINARY,
  DESK_MANUAL_ERROR_ENCODING,
  DESK_MANUAL_ERROR_NOT_DOCUMENT,
  DESK_MANUAL_ERROR_MALFORMED,
} DeskManualError;

/* Manuals are a few pages; anything above this is not one. */
#define DESK_MANUAL_MAX_SIZE (8 * 1024 * 1024)

typedef struct
{
  char *reason;         /* why: "boilerplate", "repeated title", "table of contents" */
  char *text;           /* as it was in the source */
  int   line;
} DeskManualDropped;

typedef struct
{
  DeskProcedure *procedure;
  char          *text;          /* the source as UTF-8 lines, as it was read */
  const char    *encoding;      /* "UTF-8", "GB18030", "docx", "odt" */
  GPtrArray     *dropped;       /* DeskManualDropped */
  GPtrArray     *fines;         /* char *: fines with no time limit to hang on */
  GPtrArray     *escalations;   /* GStrv: who takes a case over, in order */
  guint          n_clauses;
  guint          n_flows;
  guint          n_routes;
  guint          n_scripts;
  guint          dropped_chars; /* characters, not bytes, white space left out */
  gboolean       code_from_name; /* no code in the text: the file name is used */
} DeskManualImport;

GQuark            desk_manual_error_quark   (void);

/* TRUE for the names this importer reads: .txt, .text, .docx, .odt. */
gboolean          desk_manual_is_manual_file (const char *path);

DeskManualImport *desk_manual_import_file   (const char  *path,
                                             GError     **error);
/* @name is what messages call the file. */
DeskManualImport *desk_manual_import_data   (const char  *data,
                                             gsize        length,
                                             const char  *name,
                                             GError     **error);
void              desk_manual_import_free   (DeskManualImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskManualImport, desk_manual_import_free)

/* The structure recogniser alone, on UTF-8 text already decoded. */
DeskManualImport *desk_manual_parse_text    (const char  *text,
                                             const char  *name);

/* Internal: the readers of each input. */
DeskManualImport *_desk_manual_import_new   (void);
char             *_desk_manual_decode_text  (const char  *data,
                                             gsize        length,
                                             const char  *name,
                                             const char **encoding,
                                             GError     **error);
char             *_desk_manual_read_zip     (const char  *data,
                                             gsize        length,
                                             const char  *name,
                                             const char **encoding,
                                             GError     **error);

G_END_DECLS
