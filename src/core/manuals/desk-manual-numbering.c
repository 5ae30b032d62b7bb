/* desk-manual-numbering.c
 *
 * Pass 3 of the manual recogniser: _desk_manual_split_items() cuts the
 * logical lines into items at their numbering marks, and
 * _desk_manual_item_free() frees them.  Run by desk-manual-parse.c; the
 * tree of those items is desk-manual-tree.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Pass 3: cutting the logical lines into items at their numbering marks,
 * wherever a mark stands on a line: 一、 一. (一) 1、 1) 1)、 (1) 1. 1.1
 * 1.1.1 第一章 第一节 第一条 ① Ⅰ、 A. and "1 目的".  The many styles of
 * mark are most of the recogniser's detail, and none of it is needed to
 * read how the items become a tree (desk-manual-tree.c). */

#include <string.h>

#include "desk-manual-parse-private.h"

static gboolean
is_boundary (const gunichar *s,
             glong           i)
{
  gunichar c;

  if (i == 0)
    return TRUE;
  c = s[i - 1];
  return _desk_manual_is_space (c) || g_utf8_strchr ("。；;！!？?：:）)】」”\"、", -1, c) != NULL;
}

typedef struct
{
  const char *style;
  int         number;
  glong       end;      /* after the mark and the spaces after it */
  gboolean    needs_boundary;
} Mark;

/* Does a numbering mark start at @s[@i]?  Boundaries and sequences are
 * the caller's to check. */
static gboolean
match_mark (const gunichar *s,
            glong           len,
            glong           i,
            gboolean        line_start,
            Mark           *m)
{
  glong j;
  int n;

  m->needs_boundary = TRUE;

  /* 第一章 第二节 第三条 */
  if (s[i] == 0x7B2C /* 第 */ && i + 2 < len)
    {
      n = _desk_manual_read_cn_number (s, len, i + 1, &j);
      if (n < 0)
        n = _desk_manual_read_arabic (s, len, i + 1, &j);
      if (n > 0 && j < len)
        {
          if (s[j] == 0x7AE0) m->style = "chapter";
          else if (s[j] == 0x8282) m->style = "section";
          else if (s[j] == 0x6761) m->style = "article";
          else return FALSE;
          m->number = n;
          m->end = j + 1;
          return TRUE;
        }
      return FALSE;
    }

  /* (一) （一） (1) （1）, and the same followed by 、 */
  if (s[i] == '(' || s[i] == 0xFF08)
    {
      gboolean cn = TRUE;

      n = _desk_manual_read_cn_number (s, len, i + 1, &j);
      if (n < 0)
        {
          n = _desk_manual_read_arabic (s, len, i + 1, &j);
          cn = FALSE;
        }
      if (n <= 0 || j >= len || (s[j] != ')' && s[j] != 0xFF09))
        return FALSE;
      m->style = cn ? "(cn)" : "(N)";
      /* A parenthesised Chinese numeral is only ever a mark. */
      m->needs_boundary = !cn;
      m->number = n;
      m->end = j + 1;
      if (m->end < len && s[m->end] == 0x3001)
        m->end++;
      return TRUE;
    }

  /* ① ⑴ Ⅰ、: numbers that are only ever marks */
  if (s[i] >= 0x2460 && s[i] <= 0x2487)
    {
      gboolean circled = s[i] <= 0x2473;

      m->style = circled ? "circled" : "(N)";
      m->number = circled ? (int) (s[i] - 0x2460 + 1) : (int) (s[i] - 0x2474 + 1);
      m->needs_boundary = FALSE;
      m->end = i + 1;
      if (m->end < len && (s[m->end] == 0x3001 || s[m->end] == '.' || s[m->end] == 0xFF0E))
        m->end++;
      return TRUE;
    }
  if (s[i] >= 0x2160 && s[i] <= 0x216B && i + 1 < len &&
      (s[i + 1] == 0x3001 || s[i + 1] == '.' || s[i + 1] == 0xFF0E || _desk_manual_is_space (s[i + 1])))
    {
      m->style = "roman";
      m->number = s[i] - 0x2160 + 1;
      m->end = i + 1 + !_desk_manual_is_space (s[i + 1]);
      return TRUE;
    }

  /* 一、 一. 一． 一） */
  n = _desk_manual_read_cn_number (s, len, i, &j);
  if (n > 0 && j < len)
    {
      if (i > 0 && (s[i - 1] == 0x7B2C || _desk_manual_cn_digit (s[i - 1]) >= 0))
        return FALSE;
      if (s[j] == 0x3001)
        m->style = "cn、";
      else if (s[j] == ')' || s[j] == 0xFF09)
        m->style = "cn)";
      else if ((s[j] == '.' || s[j] == 0xFF0E) && j + 1 < len && !g_unichar_isdigit (s[j + 1]))
        m->style = "cn.";
      else
        return FALSE;
      m->number = n;
      m->end = j + 1;
      return TRUE;
    }

  /* 1、 1 、 1) 1)、 1） 1. 1.1 1.1.1 "1 目的" */
  n = _desk_manual_read_arabic (s, len, i, &j);
  if (n >= 0)
    {
      glong k = j;

      if (i > 0 && (g_unichar_isalnum (s[i - 1]) && !_desk_manual_is_han (s[i - 1]) ? TRUE : s[i - 1] == '.' || s[i - 1] == '-'))
        return FALSE;
      while (k < len && s[k] == ' ')
        k++;
      if (k < len && s[k] == 0x3001)
        {
          m->style = "N、";
          m->number = n;
          m->end = k + 1;
          return n > 0;
        }
      if (k < len && (s[k] == ')' || s[k] == 0xFF09) && k == j)
        {
          m->style = "N)";
          m->number = n;
          m->end = k + 1;
          if (m->end < len && s[m->end] == 0x3001)
            m->end++;
          return n > 0;
        }
      if (j < len && (s[j] == '.' || s[j] == 0xFF0E) && j + 1 < len)
        {
          int depth = 1;
          glong e = j;

          /* 1.1 / 1.1.1 / 2.2.5 */
          while (e < len && (s[e] == '.' || s[e] == 0xFF0E) && e + 1 < len && g_unichar_isdigit (s[e + 1]))
            {
              glong after;
              int part = _desk_manual_read_arabic (s, len, e + 1, &after);

              if (part < 0)
                break;
              n = part;
              e = after;
              depth++;
            }
          if (depth > 1)
            {
              if (e < len && !_desk_manual_is_space (s[e]) && !_desk_manual_is_han (s[e]))
                return FALSE;
              if (!line_start && (e >= len || !_desk_manual_is_space (s[e])))
                return FALSE;
              m->style = depth == 2 ? "dec2" : depth == 3 ? "dec3" : "dec4";
              m->number = n;
              m->end = e;
              return TRUE;
            }
          if (g_unichar_isdigit (s[j + 1]))
            return FALSE;
          if (!_desk_manual_is_space (s[j + 1]) && !_desk_manual_is_han (s[j + 1]) && s[j + 1] < 0x3000)
            return FALSE;
          m->style = "N.";
          m->number = n;
          m->end = j + 1;
          return n > 0;
        }
      /* "1 目的": a heading at the start of a line. */
      if (line_start && k > j && k < len && _desk_manual_is_han (s[k]) && n > 0)
        {
          glong e = k;

          while (e < len && !_desk_manual_is_space (s[e]))
            e++;
          if (e - k <= 12 && !g_utf8_strchr ("个小时分钟天年月日元号楼层次人名米", -1, s[k]))
            {
              m->style = "N␠";
              m->number = n;
              m->end = j;
              return TRUE;
            }
        }
      return FALSE;
    }

  /* A. B、 */
  if (s[i] >= 'A' && s[i] <= 'Z' && i + 2 < len && (s[i + 1] == '.' || s[i + 1] == 0x3001 || s[i + 1] == 0xFF0E) &&
      (_desk_manual_is_space (s[i + 2]) || _desk_manual_is_han (s[i + 2])) && (i == 0 || !g_unichar_isalpha (s[i - 1]) || _desk_manual_is_han (s[i - 1])))
    {
      m->style = "A.";
      m->number = s[i] - 'A' + 1;
      m->end = i + 2;
      return TRUE;
    }
  return FALSE;
}

void
_desk_manual_item_free (gpointer data)
{
  Item *item = data;

  g_free (item->label);
  g_free (item->text);
  g_free (item);
}

static void
add_item (GPtrArray  *items,
          const char *style,
          int         number,
          char       *label,
          char       *text,
          int         line)
{
  Item *item = g_new0 (Item, 1);

  item->style = style;
  item->number = number;
  item->label = label;
  item->text = text;
  item->line = line;
  g_ptr_array_add (items, item);
}

/* Cuts a logical line into items at its numbering marks. */
void
_desk_manual_split_items (Parser     *parser,
                          const char *text,
                          int         line,
                          GPtrArray  *items)
{
  glong len = 0;
  g_autofree gunichar *s = g_utf8_to_ucs4 (text, -1, NULL, &len, NULL);
  glong start = 0;          /* of the current item's text */
  glong label_start = -1;
  Mark current = { NULL, 0, 0, FALSE };

  if (s == NULL)
    return;
  for (glong i = 0; i <= len; i++)
    {
      Mark m = { NULL, 0, 0, FALSE };
      gboolean found = FALSE;

      if (i < len && match_mark (s, len, i, i == 0, &m))
        {
          gboolean boundary = is_boundary (s, i);
          int last = GPOINTER_TO_INT (g_hash_table_lookup (parser->last_number, m.style));

          /* Inside a sentence a mark must continue its sequence. */
          found = (boundary || !m.needs_boundary) ? TRUE : (last > 0 && m.number == last + 1);
          /* A restart at a number other than one is a reference, not a mark. */
          if (found && last == 0 && m.number > 2 && !boundary)
            found = FALSE;
        }
      if (!found && i < len)
        continue;

      /* Close the item before. */
      if (label_start >= 0 || i > start)
        {
          char *body = _desk_manual_ucs4_to_utf8 (s, start, i);
          char *trimmed = _desk_manual_trim (body);

          g_free (body);
          if (label_start >= 0)
            {
              char *label = _desk_manual_ucs4_to_utf8 (s, label_start, start);

              g_strstrip (label);
              add_item (items, current.style, current.number, label, trimmed, line);
            }
          else if (trimmed[0])
            add_item (items, NULL, 0, NULL, trimmed, line);
          else
            g_free (trimmed);
        }
      if (i == len)
        break;
      g_hash_table_insert (parser->last_number, (gpointer) m.style, GINT_TO_POINTER (m.number));
      current = m;
      label_start = i;
      start = m.end;
      while (start < len && _desk_manual_is_space (s[start]))
        start++;
      i = start - 1;
    }
}
