/* desk-manual-parse.c
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

/* The passes are moving to files of their own; this one holds
 * desk_manual_parse_text(), which runs them in order, the line by
 * line recognisers of passes 1 and 2 (header fields, arrows), and
 * for now the passes not yet moved.
 *
 *  - desk-manual-chars.c: characters, numerals, trimming, the pattern
 *    cache, and dropping what is not content (boilerplate, tables of
 *    contents);
 *  - desk-manual-numbering.c: 3, the items at their numbering marks;
 *  - desk-manual-blocks.c: 5, the blocks inside a clause;
 *  - desk-manual-extract.c: 6, forms, roles, escalations, rules.
 *
 * The import view's corrections (desk-manual-private.h) live beside the
 * pass whose code they reuse. */

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-manual-parse-private.h"
#include "desk-manual-private.h"

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

/* ---- the clause tree ------------------------------------------------- */

typedef struct
{
  const char   *style;
  DeskProcNode *node;
} Level;

static GPtrArray *
children_of (Parser       *parser,
             GArray       *stack)
{
  if (stack->len == 0)
    return parser->p->body;
  return g_array_index (stack, Level, stack->len - 1).node->children;
}

/* Titles of the open clauses, for what a flow is about. */
static char *
stack_context (GArray *stack)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < stack->len; i++)
    {
      DeskProcNode *n = g_array_index (stack, Level, i).node;

      if (n->title)
        g_string_append (out, n->title);
      g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* A heading ending with a colon at the end of an item, before a run of
 * numbered items ("… 客诉处理流程:" then "1、…"), opens a group. */
static void
split_trailing_headings (GPtrArray *items)
{
  for (guint i = 0; i + 1 < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      Item *next = g_ptr_array_index (items, i + 1);
      const char *space = NULL;
      g_autofree char *tail = NULL;

      if (next->style == NULL || next->number != 1 || item->text == NULL)
        continue;
      for (const char *p = item->text; *p; p = g_utf8_next_char (p))
        if (_desk_manual_is_space (g_utf8_get_char (p)))
          space = p;
      tail = _desk_manual_trim (space ? space : item->text);
      if (!_desk_manual_ends_with_any (tail, _desk_manual_colons) || _desk_manual_char_count (tail) > 21)
        continue;
      {
        g_autofree char *head = g_strdup (tail);

        _desk_manual_strip_colon (head);
        if (!_desk_manual_is_title_like (head))
          continue;
      }
      if (space == NULL && item->style != NULL)
        continue; /* "二、客户回访工作流程:" is the clause's own title */
      {
        Item *heading = g_new0 (Item, 1);

        heading->style = "heading";
        heading->text = g_steal_pointer (&tail);
        heading->line = item->line;
        if (space)
          {
            char *kept = g_strndup (item->text, space - item->text);

            g_free (item->text);
            item->text = kept;
            g_strstrip (item->text);
            g_ptr_array_insert (items, i + 1, heading);
          }
        else
          {
            /* The whole unnumbered item is the heading. */
            g_ptr_array_index (items, i) = heading;
            _desk_manual_item_free (item);
          }
      }
    }
}

/* A run of three or more numbered headings with no text, followed by the
 * same style starting again at one, is a table of contents without page
 * numbers. */
static void
drop_heading_lists (Parser    *parser,
                    GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *first = g_ptr_array_index (items, i);
      guint j = i;

      if (first->style == NULL || first->number != 1)
        continue;
      while (j < items->len)
        {
          Item *it = g_ptr_array_index (items, j);

          if (it->style != first->style || !_desk_manual_is_title_like (it->text) || (j > i && it->number == 1))
            break;
          j++;
        }
      if (j - i >= 3 && j < items->len)
        {
          Item *after = g_ptr_array_index (items, j);

          if (after->style == first->style && after->number == 1)
            {
              for (guint k = i; k < j; k++)
                {
                  Item *it = g_ptr_array_index (items, k);
                  g_autofree char *whole = g_strconcat (it->label, it->text, NULL);

                  it->dropped = TRUE;
                  _desk_manual_drop (parser, "table of contents", whole, it->line);
                }
              i = j - 1;
            }
        }
    }
}

static void
build_tree (Parser    *parser,
            GPtrArray *items)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Level));

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autofree char *context = NULL;
      DeskProcNode *clause;
      Level level;
      int found = -1;

      if (item->dropped)
        continue;
      if (item->style == NULL)
        {
          DeskProcNode *top = stack->len ? g_array_index (stack, Level, stack->len - 1).node : NULL;

          context = stack_context (stack);
          _desk_manual_fill_clause (parser, top, item->text, context, item->line);
          continue;
        }

      /* "二、二、": a mark written twice is one mark. */
      if (item->text[0] == '\0' && i + 1 < items->len)
        {
          Item *next = g_ptr_array_index (items, i + 1);

          if (next->style == item->style && next->number == item->number)
            {
              char *label = g_strconcat (item->label, next->label, NULL);

              g_free (next->label);
              next->label = label;
              continue;
            }
        }

      for (int k = stack->len - 1; k >= 0; k--)
        if (g_array_index (stack, Level, k).style == item->style)
          {
            found = k;
            break;
          }
      if (found >= 0)
        g_array_set_size (stack, found);

      clause = desk_proc_node_append (children_of (parser, stack), DESK_PROC_CLAUSE);
      clause->label = g_strdup (item->label);
      clause->line = item->line;
      parser->import->n_clauses++;
      level.style = item->style;
      level.node = clause;
      g_array_append_val (stack, level);

      if (item->style == (const char *) "heading")
        {
          clause->title = g_strdup (item->text);
          _desk_manual_strip_colon (clause->title);
          continue;
        }
      context = stack_context (stack);
      _desk_manual_fill_clause (parser, clause, item->text, context, item->line);
    }
}


/* "3.1 设备房:安装…的房间" (a clause: its title and text) or a
 * paragraph "设备房——…" / "设备房是指…". */
static void
add_terms (Parser    *parser,
           GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);
      DeskProcTerm *term = NULL;

      if (n->kind == DESK_PROC_CLAUSE && n->title && n->children->len > 0 &&
          ((DeskProcNode *) g_ptr_array_index (n->children, 0))->kind == DESK_PROC_PARAGRAPH)
        {
          term = g_new0 (DeskProcTerm, 1);
          term->term = g_strdup (n->title);
          term->definition = g_strdup (((DeskProcNode *) g_ptr_array_index (n->children, 0))->text);
        }
      else if (n->kind == DESK_PROC_CLAUSE)
        add_terms (parser, n->children);
      else if (n->kind == DESK_PROC_PARAGRAPH)
        {
          g_auto(GStrv) pair = _desk_manual_split_by ("[:：]|——|是指|指的是", n->text);

          if (g_strv_length (pair) >= 2 && _desk_manual_char_count (pair[0]) <= 16 && pair[0][0])
            {
              g_autofree char *rest = g_strjoinv ("", pair + 1);

              term = g_new0 (DeskProcTerm, 1);
              term->term = _desk_manual_trim (pair[0]);
              term->definition = _desk_manual_trim (rest);
            }
        }
      if (term)
        g_ptr_array_add (parser->p->terms, term);
    }
}

/* "1 目的", "适用范围": the procedure's purpose and scope, where the
 * viewer shows them; "术语和定义" gives terms (the clause stays). */
static void
place_purpose_and_scope (Parser *parser)
{
  for (guint i = 0; i < parser->p->body->len;)
    {
      DeskProcNode *n = g_ptr_array_index (parser->p->body, i);
      GPtrArray *to = NULL;

      if (n->kind == DESK_PROC_CLAUSE && n->title)
        {
          if (_desk_manual_matches ("^(编制|制定)?目的$", n->title, 0))
            to = parser->p->purpose;
          else if (_desk_manual_matches ("^(适用)?范围$", n->title, 0))
            to = parser->p->scope;
          else if (_desk_manual_matches ("^(术语|定义|术语和定义|术语与定义|名词解释)$", n->title, 0))
            add_terms (parser, n->children);
        }
      if (to != NULL && to->len == 0)
        {
          g_ptr_array_add (to, g_ptr_array_steal_index (parser->p->body, i));
          continue;
        }
      i++;
    }
}

/* A clause with only a short title among siblings that carry text is an
 * item of text too: "4、所有客户投诉必须出整改通知书" beside "5、客户投诉
 * 必须在一个工作日内出整改通知单,给到客服部". */
static void
demote_leaf_titles (GPtrArray *list)
{
  gboolean siblings_with_text = FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if (n->kind == DESK_PROC_CLAUSE && n->title == NULL && n->children->len > 0 &&
          ((DeskProcNode *) g_ptr_array_index (n->children, 0))->kind == DESK_PROC_PARAGRAPH)
        siblings_with_text = TRUE;
      demote_leaf_titles (n->children);
    }
  if (!siblings_with_text)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if (n->kind == DESK_PROC_CLAUSE && n->title && n->children->len == 0)
        {
          DeskProcNode *para = desk_proc_node_append (n->children, DESK_PROC_PARAGRAPH);

          para->text = g_steal_pointer (&n->title);
          para->line = n->line;
        }
    }
}

static void
recount (GPtrArray        *list,
         DeskManualImport *import)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      import->n_clauses += n->kind == DESK_PROC_CLAUSE;
      import->n_flows += n->kind == DESK_PROC_FLOW;
      import->n_routes += n->kind == DESK_PROC_ROUTE;
      import->n_scripts += n->kind == DESK_PROC_SCRIPT;
      recount (n->children, import);
    }
}

void
_desk_manual_recount (DeskManualImport *import)
{
  import->n_clauses = import->n_flows = import->n_routes = import->n_scripts = 0;
  recount (import->procedure->purpose, import);
  recount (import->procedure->scope, import);
  recount (import->procedure->body, import);
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
  split_trailing_headings (items);
  drop_heading_lists (&parser, items);

  /* 4, 5. The clause tree and its blocks. */
  build_tree (&parser, items);
  demote_leaf_titles (parser.p->body);

  /* 6. Forms, roles, rules. */
  all.parser = &parser;
  all.text = g_string_new (NULL);
  desk_proc_node_list_walk (parser.p->body, _desk_manual_collect_node_text, &all);
  _desk_manual_find_forms (&parser, all.text->str);
  g_string_free (all.text, TRUE);
  desk_proc_node_list_walk (parser.p->body, _desk_manual_extract_from_node, &parser);
  place_purpose_and_scope (&parser);

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
