/* desk-manual-edit.c
 *
 * The corrections the import view makes before saving
 * (desk_manual_edit_apply()): merge, split, indent, outdent, mark as flow,
 * route, rule or boilerplate; and finding a node and its text in the
 * imported tree.  The flows, rules and recount it needs are the
 * recogniser's (desk-manual-private.h).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* The import view's corrections: merge, split, change level, mark as
 * flow, route, rule or boilerplate.  Each either applies whole or leaves
 * the procedure as it was and says why. */

#include <string.h>

#include <glib/gi18n.h>

#include "desk-manual-edit.h"
#include "desk-manual-private.h"

static gboolean
find_in (GPtrArray     *list,
         DeskProcNode  *parent,
         DeskProcNode  *node,
         GPtrArray    **found_list,
         DeskProcNode **found_parent)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if (n == node)
        {
          *found_list = list;
          *found_parent = parent;
          return TRUE;
        }
      if (find_in (n->children, n, node, found_list, found_parent))
        return TRUE;
    }
  return FALSE;
}

gboolean
desk_manual_find_node (DeskManualImport  *import,
                       DeskProcNode      *node,
                       GPtrArray        **list,
                       DeskProcNode     **parent)
{
  DeskProcedure *p = import->procedure;

  return find_in (p->purpose, NULL, node, list, parent) || find_in (p->scope, NULL, node, list, parent) ||
         find_in (p->body, NULL, node, list, parent);
}

static void
append_text (DeskProcNode *node,
             gpointer      user_data)
{
  GString *out = user_data;
  const char *parts[] = { node->label, node->title, node->text };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] && parts[i][0])
      {
        if (out->len)
          g_string_append_c (out, ' ');
        g_string_append (out, parts[i]);
      }
}

char *
desk_manual_node_text (DeskProcNode *node)
{
  GString *out = g_string_new (NULL);
  GPtrArray *one = g_ptr_array_new ();

  g_ptr_array_add (one, node);
  desk_proc_node_list_walk (one, append_text, out);
  g_ptr_array_unref (one);
  return g_string_free (out, FALSE);
}

static guint
index_of (GPtrArray    *list,
          DeskProcNode *node)
{
  guint index = 0;

  g_ptr_array_find (list, node, &index);
  return index;
}

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED, message);
  return FALSE;
}

static guint
content_chars (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
      n++;
  return n;
}

/* Cut after each sentence end, the end kept with its sentence. */
static char **
split_sentences (const char *text)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *start = text;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_strchr ("。；;！!？?", -1, g_utf8_get_char (p)))
      {
        const char *end = g_utf8_next_char (p);

        g_ptr_array_add (parts, g_strndup (start, end - start));
        start = end;
      }
  if (*start)
    g_ptr_array_add (parts, g_strdup (start));
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

gboolean
desk_manual_edit_apply (DeskManualImport  *import,
                        DeskProcNode      *node,
                        DeskManualEdit     edit,
                        GError           **error)
{
  GPtrArray *list = NULL;
  DeskProcNode *parent = NULL;
  DeskProcNode *prev;
  guint index;

  if (!desk_manual_find_node (import, node, &list, &parent))
    return refuse (error, _("This part is no longer in the procedure"));
  index = index_of (list, node);
  prev = index > 0 ? g_ptr_array_index (list, index - 1) : NULL;

  switch (edit)
    {
    case DESK_MANUAL_EDIT_MERGE:
      if (prev == NULL)
        return refuse (error, _("There is nothing before this part to merge it with"));
      if (prev->kind == DESK_PROC_PARAGRAPH && node->kind == DESK_PROC_PARAGRAPH)
        {
          char *joined = g_strconcat (prev->text, node->text, NULL);

          g_free (prev->text);
          prev->text = joined;
          g_ptr_array_remove_index (list, index);
        }
      else if (prev->kind == DESK_PROC_CLAUSE)
        g_ptr_array_add (prev->children, g_ptr_array_steal_index (list, index));
      else
        return refuse (error, _("Only a paragraph can be merged with the paragraph before it"));
      break;

    case DESK_MANUAL_EDIT_SPLIT:
      if (node->kind == DESK_PROC_PARAGRAPH)
        {
          g_auto(GStrv) parts = split_sentences (node->text);
          guint n = 0;

          for (guint i = 0; parts[i]; i++)
            n += parts[i][0] != '\0';
          if (n < 2)
            return refuse (error, _("This paragraph is a single sentence"));
          for (guint i = 0, at = index; parts[i]; i++)
            if (parts[i][0])
              {
                DeskProcNode *para = desk_proc_node_new (DESK_PROC_PARAGRAPH);

                para->text = g_strdup (parts[i]);
                para->line = node->line;
                g_ptr_array_insert (list, at++, para);
              }
          g_ptr_array_remove (list, node);
        }
      else if (node->kind == DESK_PROC_FLOW || node->kind == DESK_PROC_HAZARD)
        {
          DeskProcNode *para = desk_proc_node_new (DESK_PROC_PARAGRAPH);
          GString *steps = g_string_new (NULL);
          DeskProcNode *holder = node->kind == DESK_PROC_HAZARD && node->children->len
                                 ? g_ptr_array_index (node->children, 0) : node;

          if (holder->title)
            g_string_append_printf (steps, "%s:", holder->title);
          for (guint i = 0; i < holder->children->len; i++)
            {
              DeskProcNode *s = g_ptr_array_index (holder->children, i);

              g_string_append_printf (steps, "%s%s", i ? "→" : "", s->text ? s->text : "");
            }
          para->text = g_string_free (steps, FALSE);
          para->line = node->line;
          g_ptr_array_insert (list, index, para);
          g_ptr_array_remove (list, node);
        }
      else
        return refuse (error, _("Only a paragraph, a flow or a route can be split"));
      break;

    case DESK_MANUAL_EDIT_INDENT:
      if (prev == NULL || prev->kind != DESK_PROC_CLAUSE)
        return refuse (error, _("Only a part after a clause can go one level down"));
      g_ptr_array_add (prev->children, g_ptr_array_steal_index (list, index));
      break;

    case DESK_MANUAL_EDIT_OUTDENT:
      {
        GPtrArray *outer = NULL;
        DeskProcNode *grand = NULL;

        if (parent == NULL || parent->kind != DESK_PROC_CLAUSE ||
            !desk_manual_find_node (import, parent, &outer, &grand))
          return refuse (error, _("This part is at the top level already"));
        g_ptr_array_insert (outer, index_of (outer, parent) + 1, g_ptr_array_steal_index (list, index));
      }
      break;

    case DESK_MANUAL_EDIT_FLOW:
    case DESK_MANUAL_EDIT_ROUTE:
      {
        DeskProcNode *made;

        if (node->kind != DESK_PROC_PARAGRAPH)
          return refuse (error, _("Only a paragraph can become a flow or a route"));
        made = _desk_manual_make_flow (import, node->text, node->line, edit == DESK_MANUAL_EDIT_ROUTE);
        if (made == NULL)
          return refuse (error, _("No steps were found in this paragraph"));
        g_ptr_array_insert (list, index, made);
        g_ptr_array_remove (list, node);
      }
      break;

    case DESK_MANUAL_EDIT_RULE:
      {
        g_autofree char *text = desk_manual_node_text (node);

        if (_desk_manual_find_rules (import, text) == 0)
          return refuse (error, _("No time limit such as “2小时内” was found in this part"));
      }
      break;

    case DESK_MANUAL_EDIT_BOILERPLATE:
      {
        DeskManualDropped *dropped = g_new0 (DeskManualDropped, 1);

        dropped->reason = g_strdup ("boilerplate");
        dropped->text = desk_manual_node_text (node);
        dropped->line = node->line;
        import->dropped_chars += content_chars (dropped->text);
        g_ptr_array_add (import->dropped, dropped);
        g_ptr_array_remove_index (list, index);
      }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  _desk_manual_recount (import);
  return TRUE;
}
