/* desk-procedure.c
 *
 * DeskProcedure in memory: making and freeing a procedure and its nodes,
 * roles and rules, the nicks and labels of levels and limit units, walking
 * the node tree, the text for the search index, and a procedure's rules as
 * a policy for the deadline engine.  Reading and writing the formats are
 * in desk-procedure-read*.c and desk-procedure-write*.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-procedure.h"
#include "desk-types.h"

static void
signoff_free (DeskProcSignoff *s)
{
  g_free (s->role);
  g_free (s->name);
  g_free (s->date);
  g_free (s);
}

static void
term_free (DeskProcTerm *t)
{
  g_free (t->term);
  g_free (t->definition);
  g_free (t);
}

static void
role_free (DeskProcRole *r)
{
  g_free (r->id);
  g_free (r->name);
  g_free (r->kind);
  g_ptr_array_unref (r->duties);
  g_free (r);
}

static void
form_free (DeskProcForm *f)
{
  g_free (f->id);
  g_free (f->name);
  g_free (f->description);
  g_free (f);
}

static void
proc_rule_free (DeskProcRule *r)
{
  g_free (r->rule.id);
  g_free (r->rule.name);
  g_strfreev (r->rule.categories);
  g_strfreev (r->rule.except_categories);
  g_free (r->fine_note);
  g_free (r);
}

GPtrArray *
desk_proc_node_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)desk_proc_node_free);
}

DeskProcNode *
desk_proc_node_new (DeskProcKind kind)
{
  DeskProcNode *node = g_new0 (DeskProcNode, 1);

  node->kind = kind;
  node->unit = DESK_LIMIT_MINUTES;
  node->children = desk_proc_node_list_new ();
  return node;
}

void
desk_proc_node_free (DeskProcNode *node)
{
  if (node == NULL)
    return;

  g_free (node->id);
  g_free (node->label);
  g_free (node->title);
  g_free (node->text);
  g_free (node->role);
  g_free (node->target);
  g_free (node->variant);
  g_ptr_array_unref (node->children);
  g_free (node);
}

DeskProcNode *
desk_proc_node_append (GPtrArray    *list,
                       DeskProcKind  kind)
{
  DeskProcNode *node = desk_proc_node_new (kind);

  g_ptr_array_add (list, node);
  return node;
}

DeskProcedure *
desk_procedure_new (void)
{
  DeskProcedure *p = g_new0 (DeskProcedure, 1);

  p->signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify)signoff_free);
  p->purpose = desk_proc_node_list_new ();
  p->scope = desk_proc_node_list_new ();
  p->terms = g_ptr_array_new_with_free_func ((GDestroyNotify)term_free);
  p->roles = g_ptr_array_new_with_free_func ((GDestroyNotify)role_free);
  p->body = desk_proc_node_list_new ();
  p->forms = g_ptr_array_new_with_free_func ((GDestroyNotify)form_free);
  p->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)proc_rule_free);
  p->foreign = desk_proc_node_list_new ();
  return p;
}

void
desk_procedure_free (DeskProcedure *p)
{
  if (p == NULL)
    return;

  g_free (p->code);
  g_free (p->title);
  g_free (p->edition);
  g_free (p->revised);
  g_free (p->language);
  g_free (p->category);
  g_free (p->summary);
  g_ptr_array_unref (p->signoffs);
  g_ptr_array_unref (p->purpose);
  g_ptr_array_unref (p->scope);
  g_ptr_array_unref (p->terms);
  g_ptr_array_unref (p->roles);
  g_ptr_array_unref (p->body);
  g_ptr_array_unref (p->forms);
  g_ptr_array_unref (p->rules);
  g_ptr_array_unref (p->foreign);
  g_free (p);
}

DeskProcRole *
desk_procedure_add_role (DeskProcedure *procedure,
                         const char    *id,
                         const char    *name)
{
  DeskProcRole *r = g_new0 (DeskProcRole, 1);

  r->id = g_strdup (id);
  r->name = g_strdup (name);
  r->duties = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (procedure->roles, r);
  return r;
}

DeskProcRule *
desk_procedure_add_rule (DeskProcedure *procedure)
{
  DeskProcRule *r = g_new0 (DeskProcRule, 1);

  r->rule.min_severity = DESK_SEVERITY_LOW;
  r->rule.unit = DESK_LIMIT_MINUTES;
  g_ptr_array_add (procedure->rules, r);
  return r;
}

static const char *level_nicks[] = {
  "none", "note", "tip", "important", "notice", "caution", "warning", "danger",
};

const char *
desk_proc_level_to_nick (DeskProcLevel level)
{
  g_return_val_if_fail (level < G_N_ELEMENTS (level_nicks), "none");
  return level_nicks[level];
}

gboolean
desk_proc_level_from_nick (const char    *nick,
                           DeskProcLevel *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_nicks); i++)
    if (g_strcmp0 (nick, level_nicks[i]) == 0)
      {
        *level = i;
        return TRUE;
      }
  return FALSE;
}

const char *
desk_proc_level_get_label (DeskProcLevel level)
{
  switch (level)
    {
    case DESK_PROC_LEVEL_NOTE:
      return C_("hazard level", "Note");
    case DESK_PROC_LEVEL_TIP:
      return C_("hazard level", "Tip");
    case DESK_PROC_LEVEL_IMPORTANT:
      return C_("hazard level", "Important");
    case DESK_PROC_LEVEL_NOTICE:
      return C_("hazard level", "Notice");
    case DESK_PROC_LEVEL_CAUTION:
      return C_("hazard level", "Caution");
    case DESK_PROC_LEVEL_WARNING:
      return C_("hazard level", "Warning");
    case DESK_PROC_LEVEL_DANGER:
      return C_("hazard level", "Danger");
    case DESK_PROC_LEVEL_NONE:
    default:
      return "";
    }
}

static const char *unit_nicks[] = { "minutes", "hours", "days" };

const char *
desk_limit_unit_to_nick (DeskLimitUnit unit)
{
  g_return_val_if_fail (unit < G_N_ELEMENTS (unit_nicks), "minutes");
  return unit_nicks[unit];
}

gboolean
desk_limit_unit_from_nick (const char    *nick,
                           DeskLimitUnit *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_nicks); i++)
    if (g_strcmp0 (nick, unit_nicks[i]) == 0)
      {
        *unit = i;
        return TRUE;
      }
  return FALSE;
}

const char *
desk_procedure_role_name (const DeskProcedure *procedure,
                          const char          *role)
{
  DeskRole kind;

  if (role == NULL)
    return NULL;

  for (guint i = 0; i < procedure->roles->len; i++)
    {
      DeskProcRole *r = g_ptr_array_index (procedure->roles, i);

      if (g_strcmp0 (r->id, role) == 0)
        return r->name;
    }

  if (desk_role_from_nick (role, &kind))
    return desk_role_get_label (kind);

  return role;
}

static void
append_text (GString    *s,
             const char *text)
{
  if (text != NULL && *text != '\0')
    {
      g_string_append (s, text);
      g_string_append_c (s, '\n');
    }
}

static void
collect_node_cb (DeskProcNode *node,
                 gpointer      user_data)
{
  GString *s = user_data;

  if (node->kind == DESK_PROC_FOREIGN)
    return;
  append_text (s, node->label);
  append_text (s, node->title);
  append_text (s, node->text);
}

void
desk_proc_node_list_walk (GPtrArray  *list,
                          void      (*func) (DeskProcNode *node,
                                             gpointer      user_data),
                          gpointer    user_data)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *node = g_ptr_array_index (list, i);

      func (node, user_data);
      desk_proc_node_list_walk (node->children, func, user_data);
    }
}

char *
desk_procedure_collect_text (const DeskProcedure *p)
{
  GString *s = g_string_new (NULL);

  append_text (s, p->code);
  append_text (s, p->title);
  append_text (s, p->summary);
  append_text (s, p->category);
  for (guint i = 0; i < p->signoffs->len; i++)
    append_text (s, ((DeskProcSignoff *)g_ptr_array_index (p->signoffs, i))->name);
  desk_proc_node_list_walk (p->purpose, collect_node_cb, s);
  desk_proc_node_list_walk (p->scope, collect_node_cb, s);
  for (guint i = 0; i < p->terms->len; i++)
    {
      DeskProcTerm *t = g_ptr_array_index (p->terms, i);
      append_text (s, t->term);
      append_text (s, t->definition);
    }
  for (guint i = 0; i < p->roles->len; i++)
    {
      DeskProcRole *r = g_ptr_array_index (p->roles, i);
      append_text (s, r->name);
      for (guint j = 0; j < r->duties->len; j++)
        append_text (s, g_ptr_array_index (r->duties, j));
    }
  desk_proc_node_list_walk (p->body, collect_node_cb, s);
  for (guint i = 0; i < p->forms->len; i++)
    {
      DeskProcForm *f = g_ptr_array_index (p->forms, i);
      append_text (s, f->name);
      append_text (s, f->description);
    }
  for (guint i = 0; i < p->rules->len; i++)
    append_text (s, ((DeskProcRule *)g_ptr_array_index (p->rules, i))->rule.name);

  return g_string_free (s, FALSE);
}

DeskPolicy *
desk_procedure_make_policy (const DeskProcedure *procedure,
                            int                  revision)
{
  DeskPolicy *policy;

  g_return_val_if_fail (procedure != NULL, NULL);

  if (procedure->rules->len == 0)
    return NULL;

  policy = g_new0 (DeskPolicy, 1);
  policy->revision = revision;
  policy->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_rule_free);
  for (guint i = 0; i < procedure->rules->len; i++)
    {
      const DeskRule *from = &((DeskProcRule *)g_ptr_array_index (procedure->rules, i))->rule;
      DeskRule *rule = g_new (DeskRule, 1);

      *rule = *from;
      rule->id = g_strdup (from->id);
      rule->name = g_strdup (from->name);
      rule->categories = g_strdupv (from->categories);
      rule->except_categories = g_strdupv (from->except_categories);
      g_ptr_array_add (policy->rules, rule);
    }
  return policy;
}
