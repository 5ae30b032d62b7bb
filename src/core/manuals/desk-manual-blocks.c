/* desk-manual-blocks.c
 *
 * Pass 5 of the manual recogniser: _desk_manual_fill_clause() turns a
 * clause's text into its blocks (title, paragraphs, flows, routes, script
 * branches), and _desk_manual_make_flow() builds a flow or a route, for the
 * import view's corrections too.  Run by desk-manual-parse.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Pass 5: what a clause's text is made of: a title when it starts with
 * one, then paragraphs, flows (a→b→c, a——b——c), evacuation routes (a
 * flow whose lead or clause speaks of 路线/撤离/疏散…, kept as a hazard
 * with its waypoints) and script branches (【满意】…).  The import view's
 * Flow and Route corrections reuse the same code, so they are here too. */

#include <string.h>

#include "desk-manual-parse-private.h"
#include "desk-manual-private.h"

gboolean
_desk_manual_is_title_like (const char *text)
{
  glong n = _desk_manual_char_count (text);

  if (n == 0 || n > 30)
    return FALSE;
  if (_desk_manual_has_any (text, _desk_manual_sentence_ends))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (_desk_manual_is_space (g_utf8_get_char (p)))
      return FALSE;
  if ((strstr (text, "，") || strstr (text, ",")) && n > 20)
    return FALSE;
  return TRUE;
}

static char **flow_steps (const char *text);

static guint
flow_steps_count (const char *text)
{
  g_auto(GStrv) steps = flow_steps (text);

  return steps ? g_strv_length (steps) : 0;
}

/* Splits at spaces that end a sentence, a heading or a colon; spaces in
 * the middle of a sentence (a wrapped line) stay. */
static GPtrArray *
split_pieces (const char *text)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  glong len = 0;
  g_autofree gunichar *s = g_utf8_to_ucs4 (text, -1, NULL, &len, NULL);
  glong start = 0;

  for (glong i = 0; s && i <= len; i++)
    {
      gboolean cut = FALSE;

      if (i < len && _desk_manual_is_space (s[i]) && i > start)
        {
          gunichar before = s[i - 1];
          glong next = i;

          while (next < len && _desk_manual_is_space (s[next]))
            next++;
          if (next < len)
            {
              gunichar after = s[next];

              g_autofree char *so_far = _desk_manual_ucs4_to_utf8 (s, start, i);

              cut = (g_utf8_strchr ("。；;！!？?：:", -1, before) != NULL && (after > 0x2000 || before > 0x2000)) ||
                    after == 0x3010 /* 【 */ ||
                    /* a flow ends where its last step does */
                    (_desk_manual_is_han (after) && flow_steps_count (so_far) >= 2);
            }
        }
      if (i == len || cut)
        {
          char *piece = _desk_manual_ucs4_to_utf8 (s, start, i);
          char *trimmed = _desk_manual_trim (piece);

          g_free (piece);
          if (trimmed[0])
            g_ptr_array_add (pieces, trimmed);
          else
            g_free (trimmed);
          start = i + 1;
        }
    }
  return pieces;
}

static const char *const arrows[] = { "→", "->", "⇒", "⟶", "➔", NULL };

/* The steps of a flow "a→b→c" or "a——b——c" (dashes only between short
 * steps, at least three of them), or NULL. */
static char **
flow_steps (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (_desk_manual_has_any (text, arrows))
    {
      parts = _desk_manual_split_by ("→|->|⇒|⟶|➔", text);
      n = g_strv_length (parts);
      if (n >= 2)
        {
          guint kept = 0;

          for (guint i = 0; i < n; i++)
            if (_desk_manual_content_chars (parts[i]) > 0)
              kept++;
          if (kept >= 2)
            return g_steal_pointer (&parts);
        }
      return NULL;
    }
  if (strstr (text, "——") || strstr (text, "――") || strstr (text, "—"))
    {
      parts = _desk_manual_split_by ("——|――|—", text);
      n = g_strv_length (parts);
      if (n < 3)
        return NULL;
      for (guint i = 0; i < n; i++)
        if (_desk_manual_char_count (parts[i]) > 16 || _desk_manual_content_chars (parts[i]) == 0 || _desk_manual_has_any (parts[i], _desk_manual_sentence_ends))
          return NULL;
      return g_steal_pointer (&parts);
    }
  return NULL;
}

static const char *const route_words[] = { "路线", "撤离", "撤退", "逃生", "避灾", "疏散", "避险", "撤出", NULL };

static DeskProcNode *
last_block (GPtrArray *blocks)
{
  return blocks->len ? g_ptr_array_index (blocks, blocks->len - 1) : NULL;
}

/* Takes the last sentence of the paragraph before when it ends with a
 * colon: it is the lead of what follows ("沿以下路线撤离:"). */
static char *
take_lead (GPtrArray *blocks)
{
  DeskProcNode *prev = last_block (blocks);
  glong len = 0, cut = 0;
  g_autofree gunichar *s = NULL;
  char *lead;

  if (prev == NULL || prev->kind != DESK_PROC_PARAGRAPH || !_desk_manual_ends_with_any (prev->text, _desk_manual_colons))
    return NULL;
  s = g_utf8_to_ucs4 (prev->text, -1, NULL, &len, NULL);
  for (glong i = len - 1; i > 0; i--)
    if (g_utf8_strchr ("。；;！!？?", -1, s[i - 1]))
      {
        cut = i;
        break;
      }
  lead = _desk_manual_ucs4_to_utf8 (s, cut, len);
  if (cut == 0)
    g_ptr_array_remove (blocks, prev);
  else
    {
      char *kept = _desk_manual_ucs4_to_utf8 (s, 0, cut);

      g_free (prev->text);
      prev->text = kept;
    }
  return lead;
}

/* "出现瓦斯、煤尘、火灾事故时" → "瓦斯、煤尘、火灾事故". */
static char *
hazard_type (const char *text)
{
  GRegex *regex = _desk_manual_cached ("(?:出现|发生|遇到|遇有)(.{1,16}?)(?:时|后|的情况)", 0);
  g_autoptr(GMatchInfo) match = NULL;

  if (text && g_regex_match (regex, text, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

char *
_desk_manual_strip_colon (char *text)
{
  for (guint i = 0; _desk_manual_colons[i]; i++)
    if (g_str_has_suffix (text, _desk_manual_colons[i]))
      {
        text[strlen (text) - strlen (_desk_manual_colons[i])] = '\0';
        break;
      }
  return text;
}

static gboolean
id_in_use (GPtrArray          *list,
           const char         *id,
           const DeskProcNode *except)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if ((n != except && g_strcmp0 (n->id, id) == 0) || id_in_use (n->children, id, except))
        return TRUE;
    }
  return FALSE;
}

/* Splits "…按以下路线撤离:a→b→c" at the last colon before the first
 * arrow: the lead, and the chain of steps. */
static void
split_lead (const char  *piece,
            char       **lead,
            char       **chain)
{
  const char *first_arrow = NULL;
  const char *colon = NULL;

  for (guint a = 0; arrows[a]; a++)
    {
      const char *x = strstr (piece, arrows[a]);

      if (x && (!first_arrow || x < first_arrow))
        first_arrow = x;
    }
  for (guint i = 0; _desk_manual_colons[i]; i++)
    for (const char *c = strstr (piece, _desk_manual_colons[i]); c && (!first_arrow || c < first_arrow); c = strstr (c + 1, _desk_manual_colons[i]))
      if (!colon || c > colon)
        colon = c;
  if (colon == NULL)
    {
      *lead = NULL;
      *chain = g_strdup (piece);
      return;
    }
  *lead = _desk_manual_trim_n (piece, colon - piece);
  *chain = _desk_manual_trim (g_utf8_next_char (colon));
}

static void
add_flow (Parser     *parser,
          GPtrArray  *blocks,
          const char *piece,
          const char *context,
          int         line)
{
  g_autofree char *lead = NULL;
  g_autofree char *chain = NULL;
  g_auto(GStrv) steps = NULL;
  gboolean route;
  DeskProcNode *node;
  GPtrArray *list;
  DeskProcKind kind;

  split_lead (piece, &lead, &chain);
  if (lead == NULL || !lead[0])
    {
      g_free (lead);
      lead = take_lead (blocks);
      if (lead)
        {
          char *t = _desk_manual_trim (_desk_manual_strip_colon (lead));

          g_free (lead);
          lead = t;
        }
    }
  steps = flow_steps (chain);
  if (steps == NULL)
    steps = g_strsplit (chain, "\x01", -1);

  route = (lead && _desk_manual_has_any (lead, route_words)) || (context && _desk_manual_has_any (context, route_words));
  if (route)
    {
      DeskProcNode *hazard;
      DeskProcNode *prev = last_block (blocks);

      hazard = desk_proc_node_append (blocks, DESK_PROC_HAZARD);
      hazard->level = DESK_PROC_LEVEL_DANGER;
      hazard->title = hazard_type (lead);
      if (hazard->title == NULL && prev && prev->kind == DESK_PROC_PARAGRAPH)
        hazard->title = hazard_type (prev->text);
      if (hazard->title == NULL)
        hazard->title = hazard_type (context);
      hazard->line = line;
      node = desk_proc_node_append (hazard->children, DESK_PROC_ROUTE);
      node->title = g_strdup (lead);
      kind = DESK_PROC_WAYPOINT;
      parser->import->n_routes++;
    }
  else
    {
      node = desk_proc_node_append (blocks, DESK_PROC_FLOW);
      node->id = g_strdup_printf ("flow-%u", ++parser->import->n_flows);
      while (id_in_use (parser->p->body, node->id, node) || id_in_use (parser->p->purpose, node->id, node) ||
             id_in_use (parser->p->scope, node->id, node))
        {
          g_free (node->id);
          node->id = g_strdup_printf ("flow-%u", ++parser->import->n_flows);
        }
      node->title = g_strdup (lead);
      kind = DESK_PROC_STEP;
    }
  node->line = line;
  list = node->children;
  for (guint i = 0; steps[i]; i++)
    {
      g_autofree char *t = _desk_manual_trim (steps[i]);
      DeskProcNode *step;

      if (!t[0])
        continue;
      /* The full stop after the last step ends the sentence, not the step. */
      if (steps[i + 1] == NULL && g_str_has_suffix (t, "。"))
        t[strlen (t) - strlen ("。")] = '\0';
      step = desk_proc_node_append (list, kind);
      step->text = g_strdup (t);
      step->line = line;
    }
}

/* 【满意】:好的… → a branch of the script line before. */
static gboolean
add_branch (Parser     *parser,
            GPtrArray  *blocks,
            const char *piece,
            int         line)
{
  const char *close;
  DeskProcNode *script = last_block (blocks);
  DeskProcNode *line_node;
  DeskProcNode *branch;
  g_autofree char *rest = NULL;

  if (!g_str_has_prefix (piece, "【") || !(close = strstr (piece, "】")) || _desk_manual_char_count (piece) < 3 ||
      g_utf8_strlen (piece, close - piece) > 12)
    return FALSE;

  if (script == NULL || script->kind != DESK_PROC_SCRIPT)
    {
      DeskProcNode *prev = last_block (blocks);
      char *say = NULL;

      if (prev && prev->kind == DESK_PROC_PARAGRAPH &&
          (g_str_has_suffix (prev->text, "?") || g_str_has_suffix (prev->text, "？") ||
           g_str_has_suffix (prev->text, "吗") || _desk_manual_ends_with_any (prev->text, _desk_manual_colons)))
        {
          say = g_steal_pointer (&prev->text);
          g_ptr_array_remove (blocks, prev);
        }
      script = desk_proc_node_append (blocks, DESK_PROC_SCRIPT);
      script->id = g_strdup_printf ("script-%u", ++parser->import->n_scripts);
      script->line = line;
      line_node = desk_proc_node_append (script->children, DESK_PROC_LINE);
      line_node->text = say ? say : g_strdup ("");
      line_node->line = line;
    }
  line_node = g_ptr_array_index (script->children, script->children->len - 1);
  branch = desk_proc_node_append (line_node->children, DESK_PROC_BRANCH);
  branch->title = g_strndup (piece + strlen ("【"), close - piece - strlen ("【"));
  rest = _desk_manual_trim (close + strlen ("】"));
  if (g_str_has_prefix (rest, ":") || g_str_has_prefix (rest, "："))
    {
      char *t = _desk_manual_trim (g_utf8_next_char (rest));

      g_free (rest);
      rest = t;
    }
  branch->text = g_steal_pointer (&rest);
  branch->line = line;
  return TRUE;
}

static void
add_piece (Parser     *parser,
           GPtrArray  *blocks,
           const char *piece,
           const char *context,
           int         line)
{
  g_auto(GStrv) steps = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *chain = NULL;
  DeskProcNode *node;

  if (add_branch (parser, blocks, piece, line))
    return;
  split_lead (piece, &lead, &chain);
  if ((steps = flow_steps (chain)) != NULL)
    {
      add_flow (parser, blocks, piece, context, line);
      return;
    }
  node = desk_proc_node_append (blocks, DESK_PROC_PARAGRAPH);
  node->text = g_strdup (piece);
  node->line = line;
}

/* A clause's own text: a title when it starts with one, then blocks. */
void
_desk_manual_fill_clause (Parser       *parser,
                          DeskProcNode *clause,
                          const char   *text,
                          const char   *context,
                          int           line)
{
  g_autoptr(GPtrArray) pieces = NULL;
  g_autofree char *rest = NULL;
  glong n = _desk_manual_char_count (text);

  if (clause != NULL && clause->title == NULL && clause->children->len == 0 && n > 0)
    {
      const char *colon = NULL;
      glong at = -1;

      for (guint i = 0; _desk_manual_colons[i]; i++)
        {
          const char *c = strstr (text, _desk_manual_colons[i]);

          if (c && (!colon || c < colon))
            colon = c;
        }
      if (colon)
        at = g_utf8_pointer_to_offset (text, colon);
      if (colon && at > 0 && at <= 20)
        {
          g_autofree char *head = g_strndup (text, colon - text);

          if (_desk_manual_is_title_like (head) && !_desk_manual_has_any (head, arrows))
            {
              clause->title = g_steal_pointer (&head);
              rest = _desk_manual_trim (g_utf8_next_char (colon));
            }
        }
      if (clause->title == NULL)
        {
          const char *space = NULL;

          for (const char *p = text; *p; p = g_utf8_next_char (p))
            if (_desk_manual_is_space (g_utf8_get_char (p)))
              {
                space = p;
                break;
              }
          if (space && g_utf8_pointer_to_offset (text, space) <= 30)
            {
              g_autofree char *head = g_strndup (text, space - text);

              /* "Page 设置" is one title: a space after a Latin word is
               * a space in the text, not the end of a heading. */
              gunichar last = head[0] ? g_utf8_get_char (g_utf8_prev_char (head + strlen (head))) : 0;

              if (_desk_manual_is_title_like (head) && !_desk_manual_has_any (head, arrows) && !g_str_has_prefix (head, "【") &&
                  last >= 0x80)
                {
                  clause->title = g_steal_pointer (&head);
                  rest = _desk_manual_trim (space);
                }
            }
          else if (space == NULL && _desk_manual_is_title_like (text) && !_desk_manual_has_any (text, arrows) && !g_str_has_prefix (text, "【"))
            {
              clause->title = g_strdup (text);
              rest = g_strdup ("");
            }
        }
    }
  if (rest == NULL)
    rest = g_strdup (text);

  pieces = split_pieces (rest);
  for (guint i = 0; i < pieces->len; i++)
    add_piece (parser, clause ? clause->children : parser->p->body,
               g_ptr_array_index (pieces, i), context, line);
}

/* ---- corrections made in the import view ------------------------------ */

DeskProcNode *
_desk_manual_make_flow (DeskManualImport *import,
                        const char       *text,
                        int               line,
                        gboolean          route)
{
  Parser parser = { 0 };
  g_autoptr(GPtrArray) blocks = desk_proc_node_list_new ();
  g_autofree char *chain = NULL;
  g_auto(GStrv) steps = flow_steps (text);
  guint n_flows = import->n_flows, n_routes = import->n_routes;

  parser.import = import;
  parser.p = import->procedure;
  /* Sentences become steps when no arrow or dash says where they end. */
  if (steps == NULL)
    {
      g_autoptr(GRegex) ends = g_regex_new ("[。；;！!？?，,]+", 0, 0, NULL);
      g_autofree char *joined = g_regex_replace_literal (ends, text, -1, 0, "→", 0, NULL);

      chain = g_steal_pointer (&joined);
    }
  else
    chain = g_strdup (text);
  add_flow (&parser, blocks, chain, route ? "路线" : NULL, line);
  import->n_flows = n_flows;
  import->n_routes = n_routes;
  if (blocks->len == 0)
    return NULL;
  return g_ptr_array_steal_index (blocks, blocks->len - 1);
}
