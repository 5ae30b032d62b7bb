/* desk-procedure-write-native.c
 *
 * Writes our format canonically: elements and attributes always in the
 * schema's order, defaults and empty values left out, two-space indent.
 * So a procedure always gives the same bytes and export -> import ->
 * export is byte-identical.  A file of its own, as its reader is
 * (desk-procedure-read-native.c): it follows data/procedure.rng element
 * by element and changes only with it.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

#include "desk-procedure-private.h"
#include "desk-types.h"

#define X(s) ((const xmlChar *)(s))

static void write_blocks (Writer *w, GPtrArray *list);
static void write_step (Writer *w, DeskProcNode *n);

static void
write_note (Writer       *w,
            DeskProcNode *n)
{
  _desk_write_start (w, "note");
  _desk_write_attr (w, "level", desk_proc_level_to_nick (n->level ? n->level : DESK_PROC_LEVEL_NOTE));
  _desk_write_attr (w, "title", n->title);
  _desk_write_text (w, n->text);
  _desk_write_end (w);
}

static void
write_foreign (Writer       *w,
               DeskProcNode *n)
{
  _desk_write_start (w, "foreign");
  _desk_write_attr (w, "origin", n->variant ? n->variant : "unknown");
  _desk_write_text (w, n->text);
  _desk_write_end (w);
}

static void
write_hazard (Writer       *w,
              DeskProcNode *n)
{
  DeskProcLevel level = n->level;

  /* Hazards have the four levels of ANSI Z535 / DITA. */
  if (level < DESK_PROC_LEVEL_NOTICE)
    level = DESK_PROC_LEVEL_NOTICE;
  _desk_write_start (w, "hazard");
  _desk_write_attr (w, "id", n->id);
  _desk_write_attr (w, "level", desk_proc_level_to_nick (level));
  _desk_write_attr (w, "type", n->title);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      switch (c->kind)
        {
        case DESK_PROC_CONSEQUENCE:
          _desk_write_element (w, "consequence", c->text);
          break;
        case DESK_PROC_AVOID:
          _desk_write_element (w, "avoid", c->text);
          break;
        case DESK_PROC_CHECK:
          _desk_write_element (w, "check", c->text);
          break;
        case DESK_PROC_ROUTE:
          if (c->children->len == 0)
            break;
          _desk_write_start (w, "route");
          _desk_write_attr (w, "who", c->title);
          for (guint j = 0; j < c->children->len; j++)
            _desk_write_element (w, "waypoint", ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
          _desk_write_end (w);
          break;
        default:
          break;
        }
    }
  _desk_write_end (w);
}

static void
write_step_child (Writer       *w,
                  DeskProcNode *c)
{
  switch (c->kind)
    {
    case DESK_PROC_INFO:
      _desk_write_element (w, "info", c->text);
      break;
    case DESK_PROC_RESULT:
      _desk_write_element (w, "result", c->text);
      break;
    case DESK_PROC_CHOICES:
      if (c->children->len == 0)
        break;
      _desk_write_start (w, "choices");
      if (g_strcmp0 (c->variant, "table") == 0)
        _desk_write_attr (w, "layout", "table");
      _desk_write_attr (w, "option-header", c->title);
      _desk_write_attr (w, "description-header", c->text);
      for (guint i = 0; i < c->children->len; i++)
        {
          DeskProcNode *o = g_ptr_array_index (c->children, i);

          _desk_write_start (w, "choice");
          _desk_write_attr (w, "option", o->title);
          _desk_write_text (w, o->text);
          _desk_write_end (w);
        }
      _desk_write_end (w);
      break;
    case DESK_PROC_ALTERNATIVES:
      if (c->children->len == 0)
        break;
      _desk_write_start (w, "alternatives");
      for (guint i = 0; i < c->children->len; i++)
        write_step (w, g_ptr_array_index (c->children, i));
      _desk_write_end (w);
      break;
    case DESK_PROC_STEP:
      write_step (w, c);
      break;
    case DESK_PROC_NOTE:
      write_note (w, c);
      break;
    case DESK_PROC_HAZARD:
      write_hazard (w, c);
      break;
    case DESK_PROC_FOREIGN:
      write_foreign (w, c);
      break;
    default:
      break;
    }
}

static void
write_step (Writer       *w,
            DeskProcNode *n)
{
  _desk_write_start (w, "step");
  _desk_write_attr (w, "label", n->label);
  _desk_write_attr (w, "role", n->role);
  _desk_write_attr_bool (w, "optional", n->optional);
  if (n->limit > 0)
    {
      _desk_write_attr_int (w, "limit", n->limit);
      _desk_write_attr (w, "unit", desk_limit_unit_to_nick (n->unit));
    }
  _desk_write_attr (w, "form", n->target);
  _desk_write_element (w, "text", n->text);
  for (guint i = 0; i < n->children->len; i++)
    write_step_child (w, g_ptr_array_index (n->children, i));
  _desk_write_end (w);
}

static void
write_flow (Writer       *w,
            DeskProcNode *n)
{
  _desk_write_start (w, "flow");
  _desk_write_attr (w, "id", n->id);
  _desk_write_attr (w, "title", n->title);
  _desk_write_attr (w, "role", n->role);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      switch (c->kind)
        {
        case DESK_PROC_PART:
          _desk_write_start (w, "part");
          _desk_write_attr (w, "name", c->variant ? c->variant : "context");
          write_blocks (w, c->children);
          _desk_write_end (w);
          break;
        case DESK_PROC_STEP_SECTION:
          _desk_write_element (w, "stepsection", c->text);
          break;
        default:
          write_step_child (w, c);
          break;
        }
    }
  _desk_write_end (w);
}

static void
write_script (Writer       *w,
              DeskProcNode *n)
{
  if (n->children->len == 0)
    return;
  _desk_write_start (w, "script");
  _desk_write_attr (w, "id", n->id);
  _desk_write_attr (w, "title", n->title);
  _desk_write_attr (w, "role", n->role);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *line = g_ptr_array_index (n->children, i);

      _desk_write_start (w, "line");
      _desk_write_attr (w, "id", line->id);
      _desk_write_attr (w, "speaker", line->role);
      _desk_write_element (w, "say", line->text);
      for (guint j = 0; j < line->children->len; j++)
        {
          DeskProcNode *b = g_ptr_array_index (line->children, j);

          _desk_write_start (w, "branch");
          xmlTextWriterWriteAttribute (w->w, X ("answer"), X (b->title ? b->title : ""));
          _desk_write_attr (w, "goto", b->target);
          _desk_write_text (w, b->text);
          _desk_write_end (w);
        }
      _desk_write_end (w);
    }
  _desk_write_end (w);
}

static void
write_blocks (Writer    *w,
              GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      switch (n->kind)
        {
        case DESK_PROC_CLAUSE:
          _desk_write_start (w, "clause");
          _desk_write_attr (w, "label", n->label);
          _desk_write_attr (w, "title", n->title);
          write_blocks (w, n->children);
          _desk_write_end (w);
          break;
        case DESK_PROC_PARAGRAPH:
          _desk_write_element (w, "p", n->text);
          break;
        case DESK_PROC_NOTE:
          write_note (w, n);
          break;
        case DESK_PROC_FLOW:
          write_flow (w, n);
          break;
        case DESK_PROC_HAZARD:
          write_hazard (w, n);
          break;
        case DESK_PROC_SCRIPT:
          write_script (w, n);
          break;
        case DESK_PROC_FOREIGN:
          write_foreign (w, n);
          break;
        default:
          /* Step-level content outside a flow has no place in the
           * schema: keep its words as a paragraph. */
          if (n->text)
            _desk_write_element (w, "p", n->text);
          break;
        }
    }
}

static char *
join_list (char **items)
{
  return items != NULL && items[0] != NULL ? g_strjoinv (" ", items) : NULL;
}

static void
write_rule (Writer       *w,
            DeskProcRule *pr)
{
  const DeskRule *r = &pr->rule;
  g_autofree char *categories = join_list (r->categories);
  g_autofree char *except = join_list (r->except_categories);
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (int k = 0; _desk_kind_nicks[k]; k++)
    if (r->kinds & (1u << k))
      g_string_append_printf (kinds, "%s%s", kinds->len ? " " : "", _desk_kind_nicks[k]);

  _desk_write_start (w, "rule");
  _desk_write_attr (w, "id", r->id);
  xmlTextWriterWriteAttribute (w->w, X ("name"), X (r->name ? r->name : ""));
  _desk_write_attr (w, "starts", _desk_clock_nicks[r->starts]);
  _desk_write_attr (w, "action", _desk_action_nicks[r->action]);
  _desk_write_attr (w, "role", desk_role_to_nick (r->role));
  xmlTextWriterWriteFormatAttribute (w->w, X ("limit"), "%d", MAX (r->limit, 1));
  _desk_write_attr (w, "unit", desk_limit_unit_to_nick (r->unit));
  _desk_write_attr_bool (w, "working-time", r->working_time);
  _desk_write_attr_bool (w, "repeats", r->repeats);
  _desk_write_attr (w, "kinds", kinds->str);
  _desk_write_attr (w, "categories", categories);
  _desk_write_attr (w, "except-categories", except);
  if (r->min_severity != DESK_SEVERITY_LOW)
    _desk_write_attr (w, "min-severity", _desk_severity_nicks[r->min_severity]);
  if (r->site != DESK_SITE_ANY)
    _desk_write_attr (w, "site", _desk_site_nicks[r->site]);
  _desk_write_attr_int (w, "within-days-of-handover", r->within_days_of_handover);
  if (r->hours != DESK_HOURS_ANY)
    _desk_write_attr (w, "hours", _desk_hours_nicks[r->hours]);
  _desk_write_attr_bool (w, "needs-callbacks", r->needs_callbacks);
  _desk_write_attr_bool (w, "escalate", r->escalate);
  if (r->escalate && r->escalate_to != 0)
    _desk_write_attr (w, "escalate-to", desk_role_to_nick (r->escalate_to));
  _desk_write_attr_bool (w, "notify", r->notify);
  if (pr->fine > 0)
    {
      _desk_write_start (w, "fine");
      _desk_write_attr_int (w, "yuan", pr->fine);
      _desk_write_text (w, pr->fine_note);
      _desk_write_end (w);
    }
  _desk_write_end (w);
}

void
_desk_procedure_write_native (Writer *w)
{
  const DeskProcedure *p = w->p;

  _desk_write_start (w, "procedure");
  _desk_write_attr (w, "xmlns", DESK_PROCEDURE_NAMESPACE);
  _desk_write_attr (w, "version", DESK_PROCEDURE_FORMAT_VERSION);
  _desk_write_attr (w, "code", p->code);
  if (p->language)
    xmlTextWriterWriteAttribute (w->w, X ("xml:lang"), X (p->language));
  _desk_write_element (w, "title", p->title);
  _desk_write_element_if (w, "edition", p->edition);
  _desk_write_element_if (w, "revised", p->revised);
  _desk_write_element_if (w, "category", p->category);
  _desk_write_element_if (w, "summary", p->summary);
  for (guint i = 0; i < p->signoffs->len; i++)
    {
      DeskProcSignoff *s = g_ptr_array_index (p->signoffs, i);

      _desk_write_start (w, "signoff");
      _desk_write_attr (w, "role", s->role ? s->role : "signed-by");
      _desk_write_attr (w, "name", s->name);
      _desk_write_attr (w, "date", s->date);
      _desk_write_end (w);
    }
  if (p->purpose->len > 0)
    {
      _desk_write_start (w, "purpose");
      write_blocks (w, p->purpose);
      _desk_write_end (w);
    }
  if (p->scope->len > 0)
    {
      _desk_write_start (w, "scope");
      write_blocks (w, p->scope);
      _desk_write_end (w);
    }
  if (p->terms->len > 0)
    {
      _desk_write_start (w, "terms");
      for (guint i = 0; i < p->terms->len; i++)
        {
          DeskProcTerm *t = g_ptr_array_index (p->terms, i);

          _desk_write_start (w, "term");
          xmlTextWriterWriteAttribute (w->w, X ("name"), X (t->term ? t->term : ""));
          _desk_write_text (w, t->definition);
          _desk_write_end (w);
        }
      _desk_write_end (w);
    }
  if (p->roles->len > 0)
    {
      _desk_write_start (w, "roles");
      for (guint i = 0; i < p->roles->len; i++)
        {
          DeskProcRole *r = g_ptr_array_index (p->roles, i);

          _desk_write_start (w, "role");
          _desk_write_attr (w, "id", r->id);
          _desk_write_attr (w, "kind", r->kind);
          xmlTextWriterWriteAttribute (w->w, X ("name"), X (r->name ? r->name : ""));
          for (guint j = 0; j < r->duties->len; j++)
            _desk_write_element (w, "duty", g_ptr_array_index (r->duties, j));
          _desk_write_end (w);
        }
      _desk_write_end (w);
    }
  if (p->body->len > 0)
    {
      _desk_write_start (w, "body");
      write_blocks (w, p->body);
      _desk_write_end (w);
    }
  if (p->forms->len > 0)
    {
      _desk_write_start (w, "forms");
      for (guint i = 0; i < p->forms->len; i++)
        {
          DeskProcForm *f = g_ptr_array_index (p->forms, i);

          _desk_write_start (w, "form");
          _desk_write_attr (w, "id", f->id);
          xmlTextWriterWriteAttribute (w->w, X ("name"), X (f->name ? f->name : ""));
          _desk_write_text (w, f->description);
          _desk_write_end (w);
        }
      _desk_write_end (w);
    }
  if (p->rules->len > 0)
    {
      _desk_write_start (w, "rules");
      for (guint i = 0; i < p->rules->len; i++)
        write_rule (w, g_ptr_array_index (p->rules, i));
      _desk_write_end (w);
    }
  for (guint i = 0; i < p->foreign->len; i++)
    write_foreign (w, g_ptr_array_index (p->foreign, i));
  _desk_write_end (w);
}
