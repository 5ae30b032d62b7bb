/* desk-procedure-read.c
 *
 * Reading procedure files: the safe libxml2 parse every file goes through
 * (desk_procedure_load_data(), desk_procedure_load_file()), the choice of
 * reader by the root element, and the XML helpers and rule nicks the
 * readers share.  Each format's reader has a file of its own
 * (desk-procedure-read-native.c, desk-procedure-read-interchange.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

/* The safe XML parser every procedure file goes through, and the choice
 * of reader by the document's root element. */

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>

#include "desk-procedure-private.h"

#define CHUNK_SIZE (64 * 1024)
#define MAX_MESSAGES 5

/* libxml2 2.9.14's own limits (without XML_PARSE_HUGE) stop deep nesting
 * at 256 levels and text nodes at 10,000,000 bytes; entity declarations
 * we refuse ourselves, so no entity is ever expanded or fetched. */
#define SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

G_DEFINE_QUARK (desk-procedure-error-quark, desk_procedure_error)

typedef struct
{
  const char *name;
  GString    *messages;
  int         count;
  int         code;
  startElementNsSAX2Func start_element;
  internalSubsetSAXFunc  internal_subset;
} ParseState;

static void
add_message (ParseState *state,
             int         code,
             int         line,
             int         column,
             const char *message)
{
  g_autofree char *flat = g_strstrip (g_strdup (message));

  if (state->count == 0)
    state->code = code;
  state->count++;
  if (state->count > MAX_MESSAGES)
    return;
  g_strdelimit (flat, "\r\n", ' ');
  if (state->messages->len > 0)
    g_string_append (state->messages, "; ");
  g_string_append_printf (state->messages, "%s:%d:%d: %s", state->name, line, column, flat);
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (error->level < XML_ERR_ERROR)
    return;
  add_message (state,
               error->code == XML_ERR_ENTITY_LOOP || error->code == XML_ERR_NO_MEMORY
                 ? DESK_PROCEDURE_ERROR_HOSTILE : DESK_PROCEDURE_ERROR_MALFORMED,
               error->line, error->int2, error->message ? error->message : "");
}

/* A declared entity is how every expansion bomb and every external-entity
 * attack starts; no procedure format needs one. */
static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = user_data;
  g_autofree char *message = g_strdup_printf (_("entity declarations are not allowed (“%s”)"), (const char *)name);

  add_message (ctxt->_private, DESK_PROCEDURE_ERROR_HOSTILE,
               xmlSAX2GetLineNumber (ctxt), xmlSAX2GetColumnNumber (ctxt), message);
  xmlStopParser (ctxt);
}

/* Elements keep the column where their start tag ended, for messages:
 * libxml2 2.9 nodes have a line but no column. */
static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->start_element (user_data, localname, prefix, uri, nb_namespaces, namespaces,
                        nb_attributes, nb_defaulted, attributes);
  if (ctxt->node != NULL)
    ctxt->node->_private = GINT_TO_POINTER (xmlSAX2GetColumnNumber (ctxt));
}

/* The DOCTYPE's line, kept on the document: a DTD node has none. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->internal_subset (user_data, name, external_id, system_id);
  if (ctxt->myDoc != NULL)
    ctxt->myDoc->_private = GINT_TO_POINTER (xmlSAX2GetLineNumber (ctxt));
}

/* Nothing outside the file is ever read, whatever a document asks for. */
static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
init_libxml_once (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&once, 1);
    }
}

static xmlDoc *
parse_safely (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  ParseState state = { name, g_string_new (NULL), 0, 0, NULL, NULL };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc = NULL;
  gsize offset;
  gsize first = MIN (length, 4);

  init_libxml_once ();

  ctxt = xmlCreatePushParserCtxt (NULL, NULL, data, first, name);
  if (ctxt == NULL)
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_READ,
                   _("%s: could not start the XML parser"), name);
      g_string_free (state.messages, TRUE);
      return NULL;
    }
  xmlCtxtUseOptions (ctxt, SAFE_OPTIONS);
  ctxt->_private = &state;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  state.start_element = ctxt->sax->startElementNs;
  ctxt->sax->startElementNs = start_element_cb;
  state.internal_subset = ctxt->sax->internalSubset;
  ctxt->sax->internalSubset = internal_subset_cb;

  /* Stop at the first fault: a hostile file is not read to its end. */
  for (offset = first; offset < length && state.count == 0 && !ctxt->disableSAX; offset += CHUNK_SIZE)
    xmlParseChunk (ctxt, data + offset, MIN (CHUNK_SIZE, length - offset), 0);
  if (state.count == 0 && !ctxt->disableSAX)
    xmlParseChunk (ctxt, NULL, 0, 1);

  if (state.count == 0 && ctxt->wellFormed && ctxt->myDoc != NULL)
    doc = g_steal_pointer (&ctxt->myDoc);
  else if (state.count == 0)
    add_message (&state, DESK_PROCEDURE_ERROR_MALFORMED, 1, 1, _("not well-formed XML"));

  if (doc == NULL)
    {
      if (state.count > MAX_MESSAGES)
        g_string_append_printf (state.messages, _(" (and %d more)"), state.count - MAX_MESSAGES);
      g_set_error_literal (error, DESK_PROCEDURE_ERROR, state.code, state.messages->str);
    }

  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  ctxt->myDoc = NULL;
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  g_string_free (state.messages, TRUE);
  return doc;
}

DeskProcedure *
desk_procedure_load_data (const char           *data,
                          gsize                 length,
                          const char           *name,
                          DeskProcedureFormat  *format,
                          GError              **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  const char *ns;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > DESK_PROCEDURE_MAX_FILE_SIZE)
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_HOSTILE,
                   _("%s:1:1: the file is larger than %d MB"), name,
                   DESK_PROCEDURE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_MALFORMED,
                   _("%s:1:1: the file is empty"), name);
      return NULL;
    }

  if (!(doc = parse_safely (data, length, name, error)))
    return NULL;

  root = xmlDocGetRootElement (doc);
  ns = root->ns != NULL ? (const char *)root->ns->href : NULL;

  if (g_strcmp0 (ns, DESK_PROCEDURE_NAMESPACE) == 0)
    {
      /* Our format never needs a DOCTYPE; one here is at best noise and
       * at worst an attempt to make some other tool fetch a file. */
      if (doc->intSubset != NULL)
        {
          g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_HOSTILE, "%s:%d:1: %s", name,
                       MAX (GPOINTER_TO_INT (doc->_private), 1), _("a procedure must not declare a DOCTYPE"));
          return NULL;
        }
      if (format)
        *format = DESK_PROCEDURE_FORMAT_NATIVE;
      return _desk_procedure_read_native (doc, name, error);
    }
  if (g_strcmp0 (ns, "http://docbook.org/ns/docbook") == 0)
    {
      if (format)
        *format = DESK_PROCEDURE_FORMAT_DOCBOOK;
      return _desk_procedure_read_docbook (doc, name, error);
    }
  if (ns == NULL && (_desk_xml_is (root, "task") || _desk_xml_is (root, "troubleshooting")))
    {
      if (format)
        *format = DESK_PROCEDURE_FORMAT_DITA;
      return _desk_procedure_read_dita (doc, name, error);
    }

  _desk_xml_set_error (error, DESK_PROCEDURE_ERROR_UNSUPPORTED, name, root,
                       _("“%s”%s%s is not a procedure format Service Desk reads"),
                       (const char *)root->name, ns ? " in " : "", ns ? ns : "");
  return NULL;
}

DeskProcedure *
desk_procedure_load_file (const char           *path,
                          DeskProcedureFormat  *format,
                          GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  /* Refuse an oversized file before reading a byte of it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_READ,
                   "%s:1:1: %s", path, local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > DESK_PROCEDURE_MAX_FILE_SIZE)
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_HOSTILE,
                   _("%s:1:1: the file is larger than %d MB"), path,
                   DESK_PROCEDURE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_READ,
                   "%s:1:1: %s", path, local_error->message);
      return NULL;
    }

  return desk_procedure_load_data (data, length, path, format, error);
}

gboolean
desk_procedure_format_from_nick (const char          *nick,
                                 DeskProcedureFormat *format)
{
  if (g_strcmp0 (nick, "native") == 0)
    *format = DESK_PROCEDURE_FORMAT_NATIVE;
  else if (g_strcmp0 (nick, "dita") == 0)
    *format = DESK_PROCEDURE_FORMAT_DITA;
  else if (g_strcmp0 (nick, "docbook") == 0)
    *format = DESK_PROCEDURE_FORMAT_DOCBOOK;
  else
    return FALSE;
  return TRUE;
}

/* Helpers for the readers. */

int
_desk_xml_column (xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE && node->_private != NULL)
    return GPOINTER_TO_INT (node->_private);
  return 1;
}

void
_desk_xml_set_error (GError     **error,
                     int          code,
                     const char  *name,
                     xmlNode     *node,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DESK_PROCEDURE_ERROR, code, "%s:%ld:%d: %s", name,
               node != NULL ? xmlGetLineNo (node) : 1L,
               node != NULL ? _desk_xml_column (node) : 1, message);
}

char *
_desk_xml_text (xmlNode *node)
{
  GString *s = NULL;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
      {
        if (s == NULL)
          s = g_string_new (NULL);
        g_string_append (s, (const char *)c->content);
      }

  if (s == NULL || s->len == 0)
    {
      if (s)
        g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static void
append_flat (GString *s,
             xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
        g_string_append (s, (const char *)c->content);
      else if (c->type == XML_ELEMENT_NODE)
        append_flat (s, c); /* inline markup: keep its words */
    }
}

char *
_desk_xml_flat_text (xmlNode *node)
{
  g_autoptr(GString) s = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  append_flat (s, node);
  for (const char *p = s->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) && c != 0x3000)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
_desk_xml_attr (xmlNode    *node,
                const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = *value ? g_strdup ((const char *)value) : NULL;
  xmlFree (value);
  return copy;
}

gboolean
_desk_xml_is (xmlNode    *node,
              const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *)node->name, name) == 0;
}

char *
_desk_xml_dump (xmlNode *node)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  char *text;

  xmlNodeDump (buffer, node->doc, node, 0, 0);
  text = g_strdup ((const char *)xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  return text;
}

/* Rule nicks: the same words as the policy engine's enums. */
const char *const _desk_clock_nicks[] = { "received", "forwarded", "visit-agreed", "notice-issued", "closed", NULL };
const char *const _desk_action_nicks[] = { "forward", "contact", "issue-notice", "visit", "call-back", "rectify", NULL };
const char *const _desk_site_nicks[] = { "any", "under-construction", "completed", NULL };
const char *const _desk_hours_nicks[] = { "any", "office", "after", NULL };
const char *const _desk_kind_nicks[] = { "complaint", "repair", "maintenance", NULL };
const char *const _desk_severity_nicks[] = { "low", "normal", "high", "urgent", NULL };

int
_desk_nick_index (const char *const *nicks,
                  const char        *nick)
{
  for (int i = 0; nicks[i] != NULL; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      return i;
  return -1;
}
