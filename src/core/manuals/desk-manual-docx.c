/* desk-manual-docx.c
 *
 * Reading Word .docx and OpenDocument .odt manuals into lines of text
 * (_desk_manual_read_zip()) with libarchive and libxml2.  Its own file as
 * the one reader of a container format; desk-manual-text.c calls it for a
 * zip file and decodes plain text itself.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Word (.docx) and OpenDocument (.odt) manuals: the zip container is
 * opened with libarchive, the one XML part that holds the text is parsed
 * with libxml2's safe options (no network, no entities, no DTD), and its
 * paragraphs become lines; a table row becomes one line of its cells
 * separated by tabs. */

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "desk-manual-import.h"

/* A zip bomb is stopped here: the text part of a manual is small. */
#define MAX_PART_SIZE (32 * 1024 * 1024)

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

/* The text inside one Word paragraph, runs joined. */
static void
docx_inline (xmlNode *node,
             GString *out)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (is (n, W_NS, "t"))
        {
          g_autofree xmlChar *content = xmlNodeGetContent (n);

          g_string_append (out, (const char *) content);
        }
      else if (is (n, W_NS, "tab"))
        g_string_append_c (out, '\t');
      else if (is (n, W_NS, "br") || is (n, W_NS, "cr"))
        g_string_append_c (out, '\n');
      else if (is (n, W_NS, "delText") || is (n, W_NS, "instrText") || is (n, W_NS, "del"))
        continue; /* deleted revisions and field codes are not text */
      else
        docx_inline (n, out);
    }
}


/* Word's automatic numbering is not in the text: a paragraph with
 * w:numPr gets the number Word would show, in a style per level
 * (1. / (1) / 1) / ①), so that the recogniser sees the list. */
typedef struct
{
  int numbers[9];
} Numbering;

static void docx_blocks (xmlNode *node, GString *out, Numbering *numbering);

static void
docx_number (xmlNode   *paragraph,
             GString   *out,
             Numbering *numbering)
{
  xmlNode *ppr = NULL, *numpr = NULL;
  int level = 0;

  for (xmlNode *n = paragraph->children; n; n = n->next)
    if (is (n, W_NS, "pPr"))
      ppr = n;
  for (xmlNode *n = ppr ? ppr->children : NULL; n; n = n->next)
    if (is (n, W_NS, "numPr"))
      numpr = n;
  if (numpr == NULL)
    return;
  for (xmlNode *n = numpr->children; n; n = n->next)
    if (is (n, W_NS, "ilvl"))
      {
        g_autofree xmlChar *val = xmlGetNsProp (n, (const xmlChar *) "val", (const xmlChar *) W_NS);

        level = val ? CLAMP (atoi ((const char *) val), 0, 8) : 0;
      }
  numbering->numbers[level]++;
  for (int deeper = level + 1; deeper < 9; deeper++)
    numbering->numbers[deeper] = 0;
  if (level == 0)
    g_string_append_printf (out, "%d.", numbering->numbers[level]);
  else if (level == 1)
    g_string_append_printf (out, "(%d)", numbering->numbers[level]);
  else if (level == 2)
    g_string_append_printf (out, "%d)", numbering->numbers[level]);
  else
    g_string_append_unichar (out, 0x2460 + MIN (numbering->numbers[level], 20) - 1);
}

static void
docx_table (xmlNode   *table,
            GString   *out,
            Numbering *numbering)
{
  for (xmlNode *row = table->children; row; row = row->next)
    {
      gboolean first = TRUE;

      if (!is (row, W_NS, "tr"))
        continue;
      for (xmlNode *cell = row->children; cell; cell = cell->next)
        {
          g_autoptr(GString) text = NULL;

          if (!is (cell, W_NS, "tc"))
            continue;
          text = g_string_new (NULL);
          docx_blocks (cell, text, numbering);
          /* A cell's paragraphs stay in the cell: spaces, not lines. */
          g_strdelimit (text->str, "\n", ' ');
          g_strstrip (text->str);
          if (!first)
            g_string_append_c (out, '\t');
          g_string_append (out, text->str);
          first = FALSE;
        }
      g_string_append_c (out, '\n');
    }
}

static void
docx_blocks (xmlNode   *node,
             GString   *out,
             Numbering *numbering)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (is (n, W_NS, "p"))
        {
          docx_number (n, out, numbering);
          docx_inline (n, out);
          g_string_append_c (out, '\n');
        }
      else if (is (n, W_NS, "tbl"))
        docx_table (n, out, numbering);
      else if (n->type == XML_ELEMENT_NODE && !is (n, W_NS, "sectPr"))
        docx_blocks (n, out, numbering); /* w:sdt, w:customXml… wrap paragraphs */
    }
}

/* OpenDocument: text:p and text:h, with text:s (spaces), text:tab and
 * text:line-break inside; tables as rows of cells. */
static void
odt_inline (xmlNode *node,
            GString *out)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) n->content);
      else if (is (n, TEXT_NS, "tab"))
        g_string_append_c (out, '\t');
      else if (is (n, TEXT_NS, "line-break"))
        g_string_append_c (out, '\n');
      else if (is (n, TEXT_NS, "s"))
        {
          g_autofree xmlChar *c = xmlGetNsProp (n, (const xmlChar *) "c", (const xmlChar *) TEXT_NS);
          int count = c ? CLAMP (atoi ((const char *) c), 1, 1000) : 1;

          for (int i = 0; i < count; i++)
            g_string_append_c (out, ' ');
        }
      else if (is (n, TEXT_NS, "note"))
        continue;
      else if (n->type == XML_ELEMENT_NODE)
        odt_inline (n, out);
    }
}

static void
odt_blocks (xmlNode *node,
            GString *out)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (is (n, TEXT_NS, "p") || is (n, TEXT_NS, "h"))
        {
          odt_inline (n, out);
          g_string_append_c (out, '\n');
        }
      else if (is (n, TABLE_NS, "table-row"))
        {
          gboolean first = TRUE;

          for (xmlNode *cell = n->children; cell; cell = cell->next)
            {
              g_autoptr(GString) text = NULL;

              if (!is (cell, TABLE_NS, "table-cell"))
                continue;
              text = g_string_new (NULL);
              odt_blocks (cell, text);
              g_strdelimit (text->str, "\n", ' ');
              g_strstrip (text->str);
              if (!first)
                g_string_append_c (out, '\t');
              g_string_append (out, text->str);
              first = FALSE;
            }
          g_string_append_c (out, '\n');
        }
      else if (n->type == XML_ELEMENT_NODE)
        odt_blocks (n, out);
    }
}

static GBytes *
read_part (struct archive *archive,
           const char     *name,
           const char     *part,
           GError        **error)
{
  struct archive_entry *entry;
  int status;

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname (entry);
      g_autoptr(GByteArray) bytes = NULL;
      char buffer[16384];
      la_ssize_t n;

      if (path == NULL || strcmp (path, part) != 0)
        continue;
      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (bytes->len + n > MAX_PART_SIZE)
            {
              g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_TOO_BIG,
                           _("%s: %s is too big for a manual"), name, part);
              return NULL;
            }
          g_byte_array_append (bytes, (const guint8 *) buffer, n);
        }
      if (n < 0)
        {
          g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED,
                       _("%s: %s cannot be unpacked: %s"), name, part, archive_error_string (archive));
          return NULL;
        }
      return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
    }
  if (status != ARCHIVE_EOF)
    g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED,
                 _("%s: a damaged zip archive: %s"), name, archive_error_string (archive));
  else
    g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_NOT_DOCUMENT,
                 _("%s: a zip archive but not a Word or OpenDocument text (no word/document.xml or content.xml)"), name);
  return NULL;
}

/* Which part holds the text: the first of word/document.xml or
 * content.xml in the archive's directory. */
static const char *
find_text_part (const char *data,
                gsize       length)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  const char *found = NULL;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, length) == ARCHIVE_OK)
    while (found == NULL && archive_read_next_header (archive, &entry) == ARCHIVE_OK)
      {
        const char *path = archive_entry_pathname (entry);

        if (g_strcmp0 (path, "word/document.xml") == 0)
          found = "word/document.xml";
        else if (g_strcmp0 (path, "content.xml") == 0)
          found = "content.xml";
      }
  archive_read_free (archive);
  return found;
}

char *
_desk_manual_read_zip (const char  *data,
                       gsize        length,
                       const char  *name,
                       const char **encoding,
                       GError     **error)
{
  struct archive *archive;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GString) out = NULL;
  const char *part = find_text_part (data, length);
  xmlDoc *doc;
  xmlNode *root;
  gboolean docx;

  if (part == NULL)
    part = "word/document.xml"; /* for the message read_part gives */
  docx = strcmp (part, "word/document.xml") == 0;

  archive = archive_read_new ();
  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED,
                   _("%s: a damaged zip archive: %s"), name, archive_error_string (archive));
      archive_read_free (archive);
      return NULL;
    }
  xml = read_part (archive, name, part, error);
  archive_read_free (archive);
  if (xml == NULL)
    return NULL;

  doc = xmlReadMemory (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), part, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL)
    {
      const xmlError *e = xmlGetLastError ();

      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED,
                   _("%s: %s:%d:%d: not well-formed XML"), name, part,
                   e ? e->line : 0, e ? e->int2 : 0);
      return NULL;
    }
  if (doc->intSubset != NULL)
    {
      /* Office documents never declare a DTD; one that does is hostile. */
      xmlFreeDoc (doc);
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED,
                   _("%s: %s declares a DTD, which documents never do"), name, part);
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  out = g_string_new (NULL);
  if (docx)
    {
      Numbering counters = { { 0 } };

      for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
        if (is (n, W_NS, "body"))
          docx_blocks (n, out, &counters);
      *encoding = "docx";
    }
  else
    {
      if (root)
        odt_blocks (root, out);
      *encoding = "odt";
    }
  xmlFreeDoc (doc);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
