/* desk-manual-tree.c
 *
 * Pass 4 of the manual recogniser: _desk_manual_build_tree() makes the
 * items a tree of clauses once trailing headings are split off and heading
 * lists dropped; then the tree is tidied (leaf titles demoted; purpose,
 * scope and terms placed), and _desk_manual_recount() counts it again.
 * Run by desk-manual-parse.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Pass 4: the items become a tree of clauses.  Each style of mark takes
 * the level where it first appears, and seen again closes everything
 * opened after it; a short heading ending with a colon opens a group;
 * numbered headings listed before the same style starts again at one are
 * a table of contents.  Then the tree is tidied: a lone short title among
 * items of text is text, and purpose, scope and terms go where the viewer
 * shows them.  Recounting after a correction of the import view walks
 * the same tree, so it is here too. */

#include <string.h>

#include "desk-manual-parse-private.h"
#include "desk-manual-private.h"

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
void
_desk_manual_split_trailing_headings (GPtrArray *items)
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
void
_desk_manual_drop_heading_lists (Parser    *parser,
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

void
_desk_manual_build_tree (Parser    *parser,
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
void
_desk_manual_place_purpose_and_scope (Parser *parser)
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
void
_desk_manual_demote_leaf_titles (GPtrArray *list)
{
  gboolean siblings_with_text = FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if (n->kind == DESK_PROC_CLAUSE && n->title == NULL && n->children->len > 0 &&
          ((DeskProcNode *) g_ptr_array_index (n->children, 0))->kind == DESK_PROC_PARAGRAPH)
        siblings_with_text = TRUE;
      _desk_manual_demote_leaf_titles (n->children);
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

/* ---- corrections made in the import view ------------------------------ */

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
