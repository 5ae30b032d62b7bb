/* desk-manual-text.c
 *
 * Where a manual import starts: desk_manual_import_file() and
 * desk_manual_import_data() check the size, send a .docx or .odt to
 * desk-manual-docx.c, decode anything else as text (UTF-8 or GB18030/GBK,
 * detected) and hand the text to desk_manual_parse_text().  Also which
 * file names are manuals, and the import's error domain.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Reading a manual's bytes into UTF-8 text: the encoding is detected, not
 * assumed, and files that are not text are refused with their name. */

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-manual-import.h"

G_DEFINE_QUARK (desk-manual-error-quark, desk_manual_error)

gboolean
desk_manual_is_manual_file (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text") ||
         g_str_has_suffix (lower, ".docx") || g_str_has_suffix (lower, ".odt");
}

/* Text has no NUL bytes and few control characters besides tab, line
 * breaks and form feed; an image or an executable has many. */
static gboolean
looks_binary (const char *text,
              gsize       length)
{
  gsize controls = 0;

  if (memchr (text, '\0', length) != NULL)
    return TRUE;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        controls++;
    }
  return controls > 8 && controls * 100 > length;
}

/* Chinese text in GBK or GB18030 is almost all GB2312 characters: two
 * bytes, both from 0xA1 up.  Western text in Latin-1 (a French or German
 * manual, a copy gone through the wrong editor) can also decode as GBK,
 * into rare characters: an accented letter and the ASCII letter after it
 * make a pair whose second byte is below 0xA1.  Most pairs outside
 * GB2312: not Chinese, whatever GB18030 makes of it. */
static gboolean
looks_like_chinese_gb (const char *text,
                       gsize       length)
{
  gsize pairs = 0, common = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar lead = text[i];

      if (lead < 0x81)
        continue;
      if (i + 1 >= length)
        break;
      pairs++;
      if (lead >= 0xA1 && (guchar)text[i + 1] >= 0xA1)
        common++;
      /* Four-byte GB18030 sequences: a digit second byte. */
      if ((guchar)text[i + 1] >= '0' && (guchar)text[i + 1] <= '9')
        i += 2;
      i++;
    }

  return pairs == 0 || common * 2 >= pairs;
}

char *
_desk_manual_decode_text (const char  *data,
                          gsize        length,
                          const char  *name,
                          const char **encoding,
                          GError     **error)
{
  g_autofree char *converted = NULL;
  GString *out;
  const char *text = data;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  if (looks_binary (text, length))
    {
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_BINARY,
                   _("%s: not a text file or Word document (binary data)"), name);
      return NULL;
    }
  if (g_utf8_validate (text, length, NULL))
    *encoding = "UTF-8";
  else
    {
      gsize written = 0;

      /* GB18030 decodes every GBK and GB2312 file too. */
      converted = g_convert (text, length, "UTF-8", "GB18030", NULL, &written, NULL);
      if (converted == NULL || !g_utf8_validate (converted, written, NULL) ||
          !looks_like_chinese_gb (text, length))
        {
          g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_ENCODING,
                       _("%s: the text is neither UTF-8 nor GB18030/GBK"), name);
          return NULL;
        }
      *encoding = "GB18030";
      text = converted;
      length = written;
    }

  /* One kind of line break: \r\n and lone \r (old Mac copies) become \n. */
  out = g_string_sized_new (length + 1);
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else if (text[i] == '\f')
        g_string_append_c (out, '\n');
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

DeskManualImport *
desk_manual_import_data (const char  *data,
                         gsize        length,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  DeskManualImport *import;

  if (length > DESK_MANUAL_MAX_SIZE)
    {
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_TOO_BIG,
                   _("%s: too big for a manual (%u MB; at most %u MB)"),
                   name, (guint) (length / (1024 * 1024)), (guint) (DESK_MANUAL_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    text = _desk_manual_read_zip (data, length, name, &encoding, error);
  else
    text = _desk_manual_decode_text (data, length, name, &encoding, error);
  if (text == NULL)
    return NULL;
  if (is_blank (text))
    {
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_EMPTY,
                   _("%s: the manual is empty"), name);
      return NULL;
    }

  import = desk_manual_parse_text (text, name);
  import->encoding = encoding;
  return import;
}

DeskManualImport *
desk_manual_import_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  GStatBuf st;

  /* Refused before it is read: a 50 MB "manual" is not mapped at all. */
  if (g_stat (path, &st) == 0 && (gsize) st.st_size > DESK_MANUAL_MAX_SIZE)
    {
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_TOO_BIG,
                   _("%s: too big for a manual (%u MB; at most %u MB)"),
                   path, (guint) (st.st_size / (1024 * 1024)), (guint) (DESK_MANUAL_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (!(file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_READ,
                   _("Could not read %s: %s"), path, local_error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (file) == 0)
    {
      g_set_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_EMPTY,
                   _("%s: the manual is empty"), path);
      return NULL;
    }
  return desk_manual_import_data (g_mapped_file_get_contents (file),
                                  g_mapped_file_get_length (file), path, error);
}

