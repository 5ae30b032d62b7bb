/* desk-manual-chars.c
 *
 * What every pass of the manual recogniser uses: the pattern cache,
 * characters and numerals, trimming and counting, and _desk_manual_drop()
 * with the tests for boilerplate and tables of contents.  Declared in
 * desk-manual-parse-private.h.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* The tools every pass of the manual recogniser uses: the cache of
 * compiled patterns, characters (Han, white space of every kind, Arabic
 * and Chinese numerals), trimming and counting, and dropping what is not
 * content (template and download-site boilerplate, tables of contents)
 * with its reason.  Apart from the passes so that they read as rules
 * about manuals, not about UTF-8. */

#include <string.h>

#include "desk-manual-parse-private.h"

/* Patterns are compiled once and kept: a manual is matched line by line
 * against the same few dozen. */
GRegex *
_desk_manual_cached (const char         *pattern,
                     GRegexCompileFlags  flags)
{
  static GHashTable *regexes;
  G_LOCK_DEFINE_STATIC (regexes);
  GRegex *regex;

  G_LOCK (regexes);
  if (regexes == NULL)
    regexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_regex_unref);
  regex = g_hash_table_lookup (regexes, pattern);
  if (regex == NULL)
    {
      regex = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_hash_table_insert (regexes, g_strdup (pattern), regex);
    }
  G_UNLOCK (regexes);
  return regex;
}

gboolean
_desk_manual_matches (const char         *pattern,
                      const char         *text,
                      GRegexCompileFlags  flags)
{
  return g_regex_match (_desk_manual_cached (pattern, flags), text, 0, NULL);
}

char **
_desk_manual_split_by (const char *pattern,
                       const char *text)
{
  return g_regex_split (_desk_manual_cached (pattern, 0), text, 0);
}

/* ---- characters ---------------------------------------------------- */

gboolean
_desk_manual_is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

gboolean
_desk_manual_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0xA0;
}

int
_desk_manual_cn_digit (gunichar c)
{
  static const gunichar digits[] = { 0x96F6 /* 零 */, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                     0x516D, 0x4E03, 0x516B, 0x4E5D };
  for (int i = 0; i < 10; i++)
    if (c == digits[i])
      return i;
  if (c == 0x3007) /* 〇 */
    return 0;
  if (c == 0x4E24) /* 两 */
    return 2;
  return -1;
}

/* Reads a Chinese numeral of up to 99 (十, 十二, 二十, 二十四…) at
 * @s[@i]; returns its value and sets @end, or -1. */
int
_desk_manual_read_cn_number (const gunichar *s,
                             glong           len,
                             glong           i,
                             glong          *end)
{
  int value = 0, digit = -1;
  gboolean ten = FALSE;
  glong j = i;

  while (j < len)
    {
      int d = _desk_manual_cn_digit (s[j]);

      if (d >= 0 && digit < 0)
        digit = d;
      else if (s[j] == 0x5341 /* 十 */ && !ten)
        {
          value = (digit < 0 ? 1 : digit) * 10;
          digit = -1;
          ten = TRUE;
        }
      else
        break;
      j++;
    }
  if (j == i)
    return -1;
  if (digit >= 0)
    value += digit;
  *end = j;
  return value;
}

int
_desk_manual_digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

int
_desk_manual_read_arabic (const gunichar *s,
                          glong           len,
                          glong           i,
                          glong          *end)
{
  int value = 0;
  glong j = i;

  /* ASCII digits, and the full-width ones of Chinese word processors. */
  while (j < len && j - i < 4 && _desk_manual_digit_value (s[j]) >= 0)
    value = value * 10 + _desk_manual_digit_value (s[j++]);
  if (j == i || (j < len && _desk_manual_digit_value (s[j]) >= 0))
    return -1;
  *end = j;
  return value;
}

char *
_desk_manual_ucs4_to_utf8 (const gunichar *s,
                           glong           from,
                           glong           to)
{
  char *text = g_ucs4_to_utf8 (s + from, MAX (to - from, 0), NULL, NULL, NULL);

  return text ? text : g_strdup ("");
}

/* Trims white space of every kind, the ideographic space too. */
char *
_desk_manual_trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start && _desk_manual_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!_desk_manual_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

char *
_desk_manual_trim_n (const char *text,
                     gsize       length)
{
  g_autofree char *part = g_strndup (text, length);

  return _desk_manual_trim (part);
}

glong
_desk_manual_char_count (const char *text)
{
  return g_utf8_strlen (text, -1);
}

guint
_desk_manual_content_chars (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!_desk_manual_is_space (g_utf8_get_char (p)))
      n++;
  return n;
}

gboolean
_desk_manual_has_any (const char *text,
                      const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
_desk_manual_ends_with_any (const char *text,
                            const char *const *ends)
{
  for (guint i = 0; ends[i]; i++)
    if (g_str_has_suffix (text, ends[i]))
      return TRUE;
  return FALSE;
}

const char *const _desk_manual_sentence_ends[] = { "。", "；", ";", "！", "!", "？", "?", NULL };
const char *const _desk_manual_colons[] = { ":", "：", NULL };

/* ---- dropping ------------------------------------------------------ */

void
_desk_manual_drop (Parser     *parser,
                   const char *reason,
                   const char *text,
                   int         line)
{
  DeskManualDropped *dropped;

  if (text == NULL || _desk_manual_content_chars (text) == 0)
    return;
  dropped = g_new0 (DeskManualDropped, 1);
  dropped->reason = g_strdup (reason);
  dropped->text = g_strdup (text);
  dropped->line = line;
  g_ptr_array_add (parser->import->dropped, dropped);
  if (strcmp (reason, "boilerplate") == 0)
    parser->import->dropped_chars += _desk_manual_content_chars (text);
}

/* Template and document-sharing-site text: usage notes, placeholders,
 * "editable Word document" banners, page footers. */
gboolean
_desk_manual_is_boilerplate (const char *text,
                             gboolean    chinese)
{
  /* Phrases templates and sharing sites put in, and that a procedure's
   * own text does not use; kept narrow, since what matches is dropped. */
  static const char *const phrases[] = {
    "请在该处输入", "请在此处输入", "在此处输入", "在此处键入", "单击此处", "点击此处输入",
    "内容可编辑", "可编辑版", "可以编辑", "套用时", "仅供参考", "A4打印", "word文档", "Word文档",
    "WORD文档", "文档下载", "精品文档", "Page ", "第 ", NULL
  };
  guint latin = 0, han = 0, words = 0;
  gboolean in_word = FALSE;

  for (guint i = 0; phrases[i]; i++)
    if (strstr (text, phrases[i]) != NULL)
      {
        /* "第 1 页 共 5 页" is a footer; "第 3 条" is not. */
        if (strcmp (phrases[i], "第 ") == 0)
          return _desk_manual_matches ("^第\\s*\\d+\\s*页\\s*(共\\s*\\d+\\s*页)?$", text, 0);
        if (strcmp (phrases[i], "Page ") == 0)
          return _desk_manual_matches ("^Page\\s+\\d+(\\s+of\\s+\\d+)?$", text, G_REGEX_CASELESS);
        return TRUE;
      }
  if (_desk_manual_matches ("^[-—\\s]*\\d+[-—\\s]*$", text, 0))
    return TRUE; /* a page number alone */
  /* A usage note of a template: "使用说明:本管理制度资料适用于…". */
  if (_desk_manual_matches ("^(使用说明|下载说明|文档说明|温馨提示)\\s*[:：]", text, 0))
    return TRUE;

  /* English filler in a Chinese manual: a line of Latin words and no
   * Chinese at all. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_desk_manual_is_han (c))
        han++;
      if (g_unichar_isalpha (c) && c < 0x250)
        {
          latin++;
          if (!in_word)
            words++;
          in_word = TRUE;
        }
      else
        in_word = FALSE;
    }
  return chinese && han == 0 && words >= 3 && latin * 2 > _desk_manual_content_chars (text);
}

/* "第一章 总则 ........ 1", "1.1 目的…………3": a table of contents. */
gboolean
_desk_manual_is_dotted_toc (const char *text)
{
  return _desk_manual_matches ("(\\.{3,}|…{2,}|·{3,}|．{3,}|-{4,}|_{4,})\\s*\\d+\\s*$", text, 0) ||
         _desk_manual_matches ("^目\\s*录$|^contents$", text, G_REGEX_CASELESS);
}
