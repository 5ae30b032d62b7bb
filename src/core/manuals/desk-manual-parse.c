/* desk-manual-parse.c
 *
 * The manual recogniser's driver: desk_manual_parse_text() runs the six
 * passes in order and holds the first two itself (lines and their header
 * fields: title, code, edition, sign-off; logical lines joined across
 * arrows and wrapped sentences).  The other passes have files of their
 * own, listed below.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Recognising the structure of a manual from its text, by general rules
 * that hold for the manuals offices write and copy, not for a few files:
 *
 *  1. Lines: the first is the title; header fields (code, edition,
 *     sign-off), template and download-site boilerplate, repeated titles
 *     and dotted tables of contents are recognised line by line.
 *  2. Logical lines: a flow broken across lines (an arrow ending one line
 *     or leading the next) and a long line wrapped in the middle of a
 *     sentence are joined again.
 *  3. Items: every numbering mark starts an item, wherever it stands on a
 *     line: 一、 一. (一) 1、 1) 1)、 (1) 1. 1.1 1.1.1 第一章 第一节 第一条
 *     A. and "1 目的".  A mark inside a sentence counts only when it
 *     continues its style's sequence, so "统一、" is not a clause.
 *  4. Levels: each style takes the level where it first appears; a style
 *     seen again closes everything opened after it (the usual rule of
 *     nested numbering).  A short heading ending with a colon ("客诉处理
 *     流程:") opens a group of the numbered items after it.
 *  5. Blocks: a clause's text becomes a title (short, no sentence), then
 *     paragraphs, flows (→ or ——), evacuation routes (a flow whose lead
 *     or clause speaks of 路线/撤离/疏散…), script branches (【满意】…).
 *  6. Extracted lists: forms in 《》, roles and their duties, time limits
 *     and fines proposed as rules for the deadline engine. */

/* Each pass but the first two has a file of its own; this one holds
 * desk_manual_parse_text(), which runs them in order, and the line by
 * line recognisers of passes 1 and 2 (header fields, arrows).
 *
 *  - desk-manual-chars.c: characters, numerals, trimming, the pattern
 *    cache, and dropping what is not content (boilerplate, tables of
 *    contents);
 *  - desk-manual-numbering.c: 3, the items at their numbering marks;
 *  - desk-manual-tree.c: 4, the clause tree and its tidying;
 *  - desk-manual-blocks.c: 5, the blocks inside a clause;
 *  - desk-manual-extract.c: 6, forms, roles, escalations, rules.
 *
 * The import view's corrections (desk-manual-private.h) live beside the
 * pass whose code they reuse. */

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-manual-parse-private.h"

typedef struct
{
  char *text;      /* trimmed */
  int   line;      /* 1-based in the source */
} Line;

/* ---- header fields ------------------------------------------------- */

static gboolean
read_code (Parser     *parser,
           const char *text,
           int         line)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(\\p{Han}{0,8}?(?:编号|编码|代码|发布号|文件号))\\s*[:：]\\s*([^\\s_]\\S{0,39})\\s*$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  if (parser->p->code == NULL)
    {
      g_autofree char *label = g_match_info_fetch (match, 1);

      parser->p->code = g_match_info_fetch (match, 2);
      _desk_manual_drop (parser, "label", label, line);
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_edition (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:正式版|试行版|试用版|修订版|完整版|通用版|标准版|第\\S{1,4}版|[Vv]\\d+(?:\\.\\d+)*|[A-Z]/\\d+版?|(?:版本|版次|版本号)\\s*[:：]\\s*\\S+)$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (regex, text, 0, NULL);
}

static gboolean
read_edition (Parser     *parser,
              const char *text,
              int         line)
{
  if (!is_edition (text))
    return FALSE;
  if (parser->p->edition == NULL)
    parser->p->edition = g_strdup (text);
  else
    _desk_manual_drop (parser, "repeated edition", text, line);
  return TRUE;
}

/* "编写:____ 审批:____", "时间:____年__月__日", "修订日期:2019年3月5日". */
static gboolean
read_signoff (Parser     *parser,
              const char *text)
{
  static GRegex *regex;
  g_auto(GStrv) parts = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(编写|编制|起草|拟制|拟稿|校对|审核|审批|审定|批准|核准|签发|会签|发布|实施|时间|日期|修订日期|发布日期|实施日期|生效日期|编写日期)\\s*[:：]",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, text, 0, NULL))
    return FALSE;

  /* Several fields may share the line. */
  parts = _desk_manual_split_by ("\\s+(?=\\S{2,4}\\s*[:：])", text);
  for (guint i = 0; parts[i]; i++)
    {
      DeskProcSignoff *s;
      g_autofree char *value = NULL;
      const char *colon = strstr (parts[i], ":");
      const char *wide = strstr (parts[i], "：");
      gboolean date;

      if (wide && (!colon || wide < colon))
        colon = wide;
      if (colon == NULL)
        return FALSE;
      s = g_new0 (DeskProcSignoff, 1);
      s->role = g_strndup (parts[i], colon - parts[i]);
      g_strstrip (s->role);
      value = _desk_manual_trim (g_utf8_next_char (colon));
      date = strstr (s->role, "时间") || strstr (s->role, "日期");
      /* A blank of the form (underscores) is no name. */
      if (value[0] && strspn (value, "_") != strlen (value))
        {
          if (date)
            s->date = g_strdup (value);
          else
            s->name = g_strdup (value);
        }
      if (date && s->date && parser->p->revised == NULL)
        {
          g_autoptr(GMatchInfo) m = NULL;

          static GRegex *date_regex;

          if (g_once_init_enter (&date_regex))
            g_once_init_leave (&date_regex, g_regex_new ("^(\\d{4})\\s*[-年./]\\s*(\\d{1,2})\\s*[-月./]\\s*(\\d{1,2})", 0, 0, NULL));
          if (g_regex_match (date_regex, s->date, 0, &m))
            {
              g_autofree char *y = g_match_info_fetch (m, 1);
              g_autofree char *mo = g_match_info_fetch (m, 2);
              g_autofree char *d = g_match_info_fetch (m, 3);

              parser->p->revised = g_strdup_printf ("%s-%02d-%02d", y, atoi (mo), atoi (d));
            }
        }
      g_ptr_array_add (parser->p->signoffs, s);
    }
  return TRUE;
}

/* ---- logical lines --------------------------------------------------- */

static gboolean
starts_with_arrow (const char *text)
{
  return g_str_has_prefix (text, "→") || g_str_has_prefix (text, "->") || g_str_has_prefix (text, "⇒");
}

static gboolean
ends_with_arrow (const char *text)
{
  return g_str_has_suffix (text, "→") || g_str_has_suffix (text, "->") || g_str_has_suffix (text, "⇒");
}

/* ---- the whole ------------------------------------------------------- */

static gboolean
mostly_chinese (const char *text)
{
  guint han = 0, latin = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_desk_manual_is_han (c))
        han++;
      else if (g_ascii_isalpha (c))
        latin++;
    }
  return han > latin;
}

/* Lines of the text, trimmed, the empty ones left out. */
static GArray *
read_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);

  for (guint i = 0; raw[i]; i++)
    {
      Line l = { _desk_manual_trim (raw[i]), (int) i + 1 };

      if (l.text[0])
        g_array_append_val (lines, l);
      else
        g_free (l.text);
    }
  return lines;
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!_desk_manual_is_space (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

DeskManualImport *
desk_manual_parse_text (const char *text,
                        const char *name)
{
  Parser parser = { 0 };
  g_autoptr(GArray) lines = read_lines (text);
  g_autoptr(GPtrArray) logical = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) logical_lines = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (_desk_manual_item_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  g_autofree char *title_key = NULL;
  gboolean chinese = mostly_chinese (text);
  gboolean in_body = FALSE;
  gboolean title_prefix_checked = FALSE;
  Collect all;

  parser.import = _desk_manual_import_new ();
  parser.import->text = g_strdup (text);
  parser.p = parser.import->procedure;
  parser.last_number = numbers;
  parser.p->language = g_strdup (chinese ? "zh-CN" : "en");

  /* 1. Lines: title, header fields, boilerplate, tables of contents. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      g_autofree char *key = without_spaces (l->text);

      /* "XX物业服务有限公司" over the title is who issued it. */
      if (parser.p->title == NULL && i + 1 < lines->len && _desk_manual_char_count (l->text) <= 30 &&
          _desk_manual_matches ("(公司|集团|中心|管理处|办事处|委员会)$", l->text, 0) &&
          _desk_manual_is_title_like (g_array_index (lines, Line, i + 1).text))
        {
          _desk_manual_drop (&parser, "organisation", l->text, l->line);
          continue;
        }
      if (parser.p->title == NULL && _desk_manual_char_count (l->text) <= 80 && !_desk_manual_is_boilerplate (l->text, chinese))
        {
          parser.p->title = g_strdup (l->text);
          title_key = g_strdup (key);
          continue;
        }
      /* Download sites name the file "标题正式版"; the document itself
       * then gives "标题" and "正式版" on lines of their own. */
      if (!in_body && title_key && g_str_has_prefix (title_key, key) && strlen (key) < strlen (title_key) &&
          is_edition (title_key + strlen (key)))
        {
          DeskManualDropped *first = g_new0 (DeskManualDropped, 1);

          first->reason = g_strdup ("repeated title");
          first->text = g_steal_pointer (&parser.p->title);
          first->line = g_array_index (lines, Line, 0).line;
          g_ptr_array_insert (parser.import->dropped, 0, first);
          parser.p->title = g_strdup (l->text);
          g_free (title_key);
          title_key = g_strdup (key);
          continue;
        }
      if (title_key && (strcmp (key, title_key) == 0 ||
                        (g_str_has_prefix (key, title_key) && is_edition (key + strlen (title_key)))))
        {
          _desk_manual_drop (&parser, "repeated title", l->text, l->line);
          continue;
        }
      if (_desk_manual_is_boilerplate (l->text, chinese))
        {
          _desk_manual_drop (&parser, "boilerplate", l->text, l->line);
          continue;
        }
      if (_desk_manual_is_dotted_toc (l->text))
        {
          _desk_manual_drop (&parser, "table of contents", l->text, l->line);
          continue;
        }
      if (read_code (&parser, l->text, l->line) || read_signoff (&parser, l->text) ||
          (!in_body && read_edition (&parser, l->text, l->line)))
        continue;

      /* 2. Logical lines: flows and wrapped sentences joined again. */
      if (logical->len > 0)
        {
          char *prev = g_ptr_array_index (logical, logical->len - 1);
          gboolean join = ends_with_arrow (prev) || starts_with_arrow (l->text);

          if (join)
            {
              g_ptr_array_index (logical, logical->len - 1) = g_strconcat (prev, l->text, NULL);
              g_free (prev);
              continue;
            }
        }

      /* The title repeated at the start of the first line of the body
       * ("客户回访操作流程和规范 一、…"). */
      if (!title_prefix_checked && title_key)
        {
          const char *found = strstr (l->text, parser.p->title);

          title_prefix_checked = TRUE;
          if (found && g_utf8_pointer_to_offset (l->text, found) <= 8)
            {
              const char *end = found + strlen (parser.p->title);
              g_autofree char *head = g_strndup (l->text, end - l->text);
              char *rest = _desk_manual_trim (end);

              _desk_manual_drop (&parser, "repeated title", head, l->line);
              if (!rest[0])
                {
                  g_free (rest);
                  continue;
                }
              g_ptr_array_add (logical, rest);
              g_array_append_val (logical_lines, l->line);
              in_body = TRUE;
              continue;
            }
        }
      in_body = TRUE;
      g_ptr_array_add (logical, g_strdup (l->text));
      g_array_append_val (logical_lines, l->line);
    }
  if (parser.p->title == NULL)
    parser.p->title = g_path_get_basename (name);

  /* 3. Items at their numbering marks. */
  for (guint i = 0; i < logical->len; i++)
    _desk_manual_split_items (&parser, g_ptr_array_index (logical, i), g_array_index (logical_lines, int, i), items);
  _desk_manual_split_trailing_headings (items);
  _desk_manual_drop_heading_lists (&parser, items);

  /* 4, 5. The clause tree and its blocks. */
  _desk_manual_build_tree (&parser, items);
  _desk_manual_demote_leaf_titles (parser.p->body);

  /* 6. Forms, roles, rules. */
  all.parser = &parser;
  all.text = g_string_new (NULL);
  desk_proc_node_list_walk (parser.p->body, _desk_manual_collect_node_text, &all);
  _desk_manual_find_forms (&parser, all.text->str);
  g_string_free (all.text, TRUE);
  desk_proc_node_list_walk (parser.p->body, _desk_manual_extract_from_node, &parser);
  _desk_manual_place_purpose_and_scope (&parser);

  if (parser.p->code == NULL)
    {
      /* No code in the text: the file's name, so that importing it again
       * adds a revision. */
      g_autofree char *base = g_path_get_basename (name);
      char *dot = strrchr (base, '.');

      if (dot && dot != base)
        *dot = '\0';
      parser.p->code = g_strdup (base);
      parser.import->code_from_name = TRUE;
    }

  for (guint i = 0; i < lines->len; i++)
    g_free (g_array_index (lines, Line, i).text);
  return parser.import;
}
