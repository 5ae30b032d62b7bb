/* desk-procedure-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "desk-procedure-io.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Shared by the readers of each format (desk-procedure-read*.c). */

/* The column where @node's start tag ended, as the safe parser noted it. */
int       _desk_xml_column          (xmlNode      *node);
/* Sets @error to "NAME:LINE:COLUMN: message" for @node. */
void      _desk_xml_set_error       (GError      **error,
                                     int           code,
                                     const char   *name,
                                     xmlNode      *node,
                                     const char   *format,
                                     ...) G_GNUC_PRINTF (5, 6);
/* The text of @node's text and CDATA children, as is; NULL when empty. */
char     *_desk_xml_text            (xmlNode      *node);
/* The same, with runs of white space made one space and the ends trimmed,
 * for formats that indent their text (DITA, DocBook). */
char     *_desk_xml_flat_text       (xmlNode      *node);
char     *_desk_xml_attr            (xmlNode      *node,
                                     const char   *name);
gboolean  _desk_xml_is              (xmlNode      *node,
                                     const char   *name);
/* @node as XML text, to keep what a format's reader cannot map. */
char     *_desk_xml_dump            (xmlNode      *node);

DeskProcedure *_desk_procedure_read_native  (xmlDoc      *doc,
                                             const char  *name,
                                             GError     **error);
DeskProcedure *_desk_procedure_read_dita    (xmlDoc      *doc,
                                             const char  *name,
                                             GError     **error);
DeskProcedure *_desk_procedure_read_docbook (xmlDoc      *doc,
                                             const char  *name,
                                             GError     **error);

/* Shared by the writers of each format (desk-procedure-write*.c). */

typedef struct
{
  xmlTextWriterPtr w;
  const DeskProcedure *p;
} Writer;

void      _desk_write_start         (Writer      *w,
                                     const char  *name);
void      _desk_write_end           (Writer      *w);
/* Attributes and text are left out when empty (NULL, "", 0, FALSE): a
 * default is never written. */
void      _desk_write_attr          (Writer      *w,
                                     const char  *name,
                                     const char  *value);
void      _desk_write_attr_int      (Writer      *w,
                                     const char  *name,
                                     int          value);
void      _desk_write_attr_bool     (Writer      *w,
                                     const char  *name,
                                     gboolean     value);
void      _desk_write_text          (Writer      *w,
                                     const char  *value);
/* <name>value</name>, written even when @value is empty ... */
void      _desk_write_element       (Writer      *w,
                                     const char  *name,
                                     const char  *value);
/* ... or left out then. */
void      _desk_write_element_if    (Writer      *w,
                                     const char  *name,
                                     const char  *value);

/* The procedure element, w->p in our format (desk-procedure-write-native.c). */
void      _desk_procedure_write_native (Writer *w);
/* The DOCTYPE and task element, w->p as a DITA task (desk-procedure-write-dita.c). */
void      _desk_procedure_write_dita   (Writer *w);

/* Rule attribute nicks, shared by the reader and writer. */
extern const char *const _desk_clock_nicks[];
extern const char *const _desk_action_nicks[];
extern const char *const _desk_site_nicks[];
extern const char *const _desk_hours_nicks[];
extern const char *const _desk_kind_nicks[];
extern const char *const _desk_severity_nicks[];
int       _desk_nick_index          (const char *const *nicks,
                                     const char        *nick);

G_END_DECLS
