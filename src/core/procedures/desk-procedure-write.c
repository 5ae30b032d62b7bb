/* desk-procedure-write.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

/* Writes our format canonically: elements and attributes always in the
 * schema's order, defaults and empty values left out, two-space indent.
 * So a procedure always gives the same bytes and export -> import ->
 * export is byte-identical.  Also writes a DITA 1.3 task. */

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "desk-procedure-private.h"
#include "desk-types.h"

#define X(s) ((const xmlChar *)(s))

typedef struct
{
  xmlTextWriterPtr w;
  const DeskProcedure *p;
} Writer;

static void
start (Writer     *w,
       const char *name)
{
  xmlTextWriterStartElement (w->w, X (name));
}

static void
end (Writer *w)
{
  xmlTextWriterEndElement (w->w);
}

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  if (value != NULL && *value != '\0')
    xmlTextWriterWriteAttribute (w->w, X (name), X (value));
}

static void
attr_int (Writer     *w,
          const char *name,
          int         value)
{
  if (value != 0)
    xmlTextWriterWriteFormatAttribute (w->w, X (name), "%d", value);
}

static void
attr_bool (Writer     *w,
           const char *name,
           gboolean    value)
{
  if (value)
    xmlTextWriterWriteAttribute (w->w, X (name), X ("true"));
}

static void
text (Writer     *w,
      const char *value)
{
  if (value != NULL && *value != '\0')
    xmlTextWriterWriteString (w->w, X (value));
}

static void
element (Writer     *w,
         const char *name,
         const char *value)
{
  start (w, name);
  text (w, value);
  end (w);
}

static void
element_if (Writer     *w,
            const char *name,
            const char *value)
{
  if (value != NULL && *value != '\0')
    element (w, name, value);
}

/* Our format. */

static void write_blocks (Writer *w, GPtrArray *list);
static void write_step (Writer *w, DeskProcNode *n);

static void
write_note (Writer       *w,
            DeskProcNode *n)
{
  start (w, "note");
  attr (w, "level", desk_proc_level_to_nick (n->level ? n->level : DESK_PROC_LEVEL_NOTE));
  attr (w, "title", n->title);
  text (w, n->text);
  end (w);
}

static void
write_foreign (Writer       *w,
               DeskProcNode *n)
{
  start (w, "foreign");
  attr (w, "origin", n->variant ? n->variant : "unknown");
  text (w, n->text);
  end (w);
}

static void
write_hazard (Writer       *w,
              DeskProcNode *n)
{
  DeskProcLevel level = n->level;

  /* Hazards have the four levels of ANSI Z535 / DITA. */
  if (level < DESK_PROC_LEVEL_NOTICE)
    level = DESK_PROC_LEVEL_NOTICE;
  start (w, "hazard");
  attr (w, "id", n->id);
  attr (w, "level", desk_proc_level_to_nick (level));
  attr (w, "type", n->title);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      switch (c->kind)
        {
        case DESK_PROC_CONSEQUENCE:
          element (w, "consequence", c->text);
          break;
        case DESK_PROC_AVOID:
          element (w, "avoid", c->text);
          break;
        case DESK_PROC_CHECK:
          element (w, "check", c->text);
          break;
        case DESK_PROC_ROUTE:
          if (c->children->len == 0)
            break;
          start (w, "route");
          attr (w, "who", c->title);
          for (guint j = 0; j < c->children->len; j++)
            element (w, "waypoint", ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
          end (w);
          break;
        default:
          break;
        }
    }
  end (w);
}

static void
write_step_child (Writer       *w,
                  DeskProcNode *c)
{
  switch (c->kind)
    {
    case DESK_PROC_INFO:
      element (w, "info", c->text);
      break;
    case DESK_PROC_RESULT:
      element (w, "result", c->text);
      break;
    case DESK_PROC_CHOICES:
      if (c->children->len == 0)
        break;
      start (w, "choices");
      if (g_strcmp0 (c->variant, "table") == 0)
        attr (w, "layout", "table");
      attr (w, "option-header", c->title);
      attr (w, "description-header", c->text);
      for (guint i = 0; i < c->children->len; i++)
        {
          DeskProcNode *o = g_ptr_array_index (c->children, i);

          start (w, "choice");
          attr (w, "option", o->title);
          text (w, o->text);
          end (w);
        }
      end (w);
      break;
    case DESK_PROC_ALTERNATIVES:
      if (c->children->len == 0)
        break;
      start (w, "alternatives");
      for (guint i = 0; i < c->children->len; i++)
        write_step (w, g_ptr_array_index (c->children, i));
      end (w);
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
  start (w, "step");
  attr (w, "label", n->label);
  attr (w, "role", n->role);
  attr_bool (w, "optional", n->optional);
  if (n->limit > 0)
    {
      attr_int (w, "limit", n->limit);
      attr (w, "unit", desk_limit_unit_to_nick (n->unit));
    }
  attr (w, "form", n->target);
  element (w, "text", n->text);
  for (guint i = 0; i < n->children->len; i++)
    write_step_child (w, g_ptr_array_index (n->children, i));
  end (w);
}

static void
write_flow (Writer       *w,
            DeskProcNode *n)
{
  start (w, "flow");
  attr (w, "id", n->id);
  attr (w, "title", n->title);
  attr (w, "role", n->role);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      switch (c->kind)
        {
        case DESK_PROC_PART:
          start (w, "part");
          attr (w, "name", c->variant ? c->variant : "context");
          write_blocks (w, c->children);
          end (w);
          break;
        case DESK_PROC_STEP_SECTION:
          element (w, "stepsection", c->text);
          break;
        default:
          write_step_child (w, c);
          break;
        }
    }
  end (w);
}

static void
write_script (Writer       *w,
              DeskProcNode *n)
{
  if (n->children->len == 0)
    return;
  start (w, "script");
  attr (w, "id", n->id);
  attr (w, "title", n->title);
  attr (w, "role", n->role);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *line = g_ptr_array_index (n->children, i);

      start (w, "line");
      attr (w, "id", line->id);
      attr (w, "speaker", line->role);
      element (w, "say", line->text);
      for (guint j = 0; j < line->children->len; j++)
        {
          DeskProcNode *b = g_ptr_array_index (line->children, j);

          start (w, "branch");
          xmlTextWriterWriteAttribute (w->w, X ("answer"), X (b->title ? b->title : ""));
          attr (w, "goto", b->target);
          text (w, b->text);
          end (w);
        }
      end (w);
    }
  end (w);
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
          start (w, "clause");
          attr (w, "label", n->label);
          attr (w, "title", n->title);
          write_blocks (w, n->children);
          end (w);
          break;
        case DESK_PROC_PARAGRAPH:
          element (w, "p", n->text);
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
            element (w, "p", n->text);
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

  start (w, "rule");
  attr (w, "id", r->id);
  xmlTextWriterWriteAttribute (w->w, X ("name"), X (r->name ? r->name : ""));
  attr (w, "starts", _desk_clock_nicks[r->starts]);
  attr (w, "action", _desk_action_nicks[r->action]);
  attr (w, "role", desk_role_to_nick (r->role));
  xmlTextWriterWriteFormatAttribute (w->w, X ("limit"), "%d", MAX (r->limit, 1));
  attr (w, "unit", desk_limit_unit_to_nick (r->unit));
  attr_bool (w, "working-time", r->working_time);
  attr_bool (w, "repeats", r->repeats);
  attr (w, "kinds", kinds->str);
  attr (w, "categories", categories);
  attr (w, "except-categories", except);
  if (r->min_severity != DESK_SEVERITY_LOW)
    attr (w, "min-severity", _desk_severity_nicks[r->min_severity]);
  if (r->site != DESK_SITE_ANY)
    attr (w, "site", _desk_site_nicks[r->site]);
  attr_int (w, "within-days-of-handover", r->within_days_of_handover);
  if (r->hours != DESK_HOURS_ANY)
    attr (w, "hours", _desk_hours_nicks[r->hours]);
  attr_bool (w, "needs-callbacks", r->needs_callbacks);
  attr_bool (w, "escalate", r->escalate);
  if (r->escalate && r->escalate_to != 0)
    attr (w, "escalate-to", desk_role_to_nick (r->escalate_to));
  attr_bool (w, "notify", r->notify);
  if (pr->fine > 0)
    {
      start (w, "fine");
      attr_int (w, "yuan", pr->fine);
      text (w, pr->fine_note);
      end (w);
    }
  end (w);
}

static void
write_native (Writer *w)
{
  const DeskProcedure *p = w->p;

  start (w, "procedure");
  attr (w, "xmlns", DESK_PROCEDURE_NAMESPACE);
  attr (w, "version", DESK_PROCEDURE_FORMAT_VERSION);
  attr (w, "code", p->code);
  if (p->language)
    xmlTextWriterWriteAttribute (w->w, X ("xml:lang"), X (p->language));
  element (w, "title", p->title);
  element_if (w, "edition", p->edition);
  element_if (w, "revised", p->revised);
  element_if (w, "category", p->category);
  element_if (w, "summary", p->summary);
  for (guint i = 0; i < p->signoffs->len; i++)
    {
      DeskProcSignoff *s = g_ptr_array_index (p->signoffs, i);

      start (w, "signoff");
      attr (w, "role", s->role ? s->role : "signed-by");
      attr (w, "name", s->name);
      attr (w, "date", s->date);
      end (w);
    }
  if (p->purpose->len > 0)
    {
      start (w, "purpose");
      write_blocks (w, p->purpose);
      end (w);
    }
  if (p->scope->len > 0)
    {
      start (w, "scope");
      write_blocks (w, p->scope);
      end (w);
    }
  if (p->terms->len > 0)
    {
      start (w, "terms");
      for (guint i = 0; i < p->terms->len; i++)
        {
          DeskProcTerm *t = g_ptr_array_index (p->terms, i);

          start (w, "term");
          xmlTextWriterWriteAttribute (w->w, X ("name"), X (t->term ? t->term : ""));
          text (w, t->definition);
          end (w);
        }
      end (w);
    }
  if (p->roles->len > 0)
    {
      start (w, "roles");
      for (guint i = 0; i < p->roles->len; i++)
        {
          DeskProcRole *r = g_ptr_array_index (p->roles, i);

          start (w, "role");
          attr (w, "id", r->id);
          attr (w, "kind", r->kind);
          xmlTextWriterWriteAttribute (w->w, X ("name"), X (r->name ? r->name : ""));
          for (guint j = 0; j < r->duties->len; j++)
            element (w, "duty", g_ptr_array_index (r->duties, j));
          end (w);
        }
      end (w);
    }
  if (p->body->len > 0)
    {
      start (w, "body");
      write_blocks (w, p->body);
      end (w);
    }
  if (p->forms->len > 0)
    {
      start (w, "forms");
      for (guint i = 0; i < p->forms->len; i++)
        {
          DeskProcForm *f = g_ptr_array_index (p->forms, i);

          start (w, "form");
          attr (w, "id", f->id);
          xmlTextWriterWriteAttribute (w->w, X ("name"), X (f->name ? f->name : ""));
          text (w, f->description);
          end (w);
        }
      end (w);
    }
  if (p->rules->len > 0)
    {
      start (w, "rules");
      for (guint i = 0; i < p->rules->len; i++)
        write_rule (w, g_ptr_array_index (p->rules, i));
      end (w);
    }
  for (guint i = 0; i < p->foreign->len; i++)
    write_foreign (w, g_ptr_array_index (p->foreign, i));
  end (w);
}

/* DITA 1.3 task.  Our format says more than a task can: a procedure's
 * flows become one <steps> divided by <stepsection>s; clauses, hazards,
 * routes and scripts go into <context> as paragraphs, hazard statements
 * and lists.  XML kept from a DITA import is written back in place. */

static void dita_blocks (Writer *w, GPtrArray *list, gboolean in_context);

static void
raw (Writer     *w,
     const char *xml)
{
  if (xml != NULL)
    xmlTextWriterWriteRaw (w->w, X (xml));
}

static void
dita_foreign (Writer       *w,
              DeskProcNode *n)
{
  /* XML that came from DITA goes back unchanged; from elsewhere, inside
   * DITA's own <foreign> element, so that it is not lost either. */
  if (g_strcmp0 (n->variant, "dita") == 0)
    raw (w, n->text);
  else
    {
      start (w, "foreign");
      attr (w, "outputclass", n->variant);
      raw (w, n->text);
      end (w);
    }
}

static void
dita_hazard (Writer       *w,
             DeskProcNode *n)
{
  start (w, "hazardstatement");
  attr (w, "type", desk_proc_level_to_nick (n->level >= DESK_PROC_LEVEL_NOTICE ? n->level : DESK_PROC_LEVEL_NOTICE));
  start (w, "messagepanel");
  element (w, "typeofhazard", n->title ? n->title : desk_proc_level_get_label (n->level));
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_CONSEQUENCE)
        element (w, "consequence", c->text);
    }
  start (w, "howtoavoid");
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_AVOID || c->kind == DESK_PROC_CHECK)
        element (w, "p", c->text);
      else if (c->kind == DESK_PROC_ROUTE)
        {
          g_autoptr(GString) s = g_string_new (c->title ? c->title : "");

          if (s->len > 0)
            g_string_append (s, ": ");
          for (guint j = 0; j < c->children->len; j++)
            g_string_append_printf (s, "%s%s", j ? " → " : "",
                                    ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
          element (w, "p", s->str);
        }
    }
  end (w);
  end (w);
  end (w);
}

static void
dita_note (Writer       *w,
           DeskProcNode *n)
{
  static const char *types[] = { "note", "note", "tip", "important", "notice", "caution", "warning", "danger" };

  start (w, "note");
  attr (w, "type", types[n->level]);
  text (w, n->text);
  end (w);
}

static void dita_step (Writer *w, DeskProcNode *n, int depth);

static void
dita_step (Writer       *w,
           DeskProcNode *n,
           int           depth)
{
  gboolean has_substeps = FALSE;
  DeskProcNode *result = NULL;

  start (w, depth == 0 ? "step" : "substep");
  if (n->optional)
    attr (w, "importance", "optional");
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_NOTE)
        dita_note (w, c);
      else if (c->kind == DESK_PROC_HAZARD)
        dita_hazard (w, c);
    }
  element (w, "cmd", n->text);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (has_substeps && c->kind != DESK_PROC_STEP)
        {
          end (w);
          has_substeps = FALSE;
        }
      switch (c->kind)
        {
        case DESK_PROC_INFO:
          start (w, "info");
          text (w, c->text);
          end (w);
          break;
        case DESK_PROC_RESULT:
          result = c;
          break;
        case DESK_PROC_CHOICES:
          if (g_strcmp0 (c->variant, "table") == 0)
            {
              start (w, "choicetable");
              if (c->title || c->text)
                {
                  start (w, "chhead");
                  element (w, "choptionhd", c->title);
                  element (w, "chdeschd", c->text);
                  end (w);
                }
              for (guint j = 0; j < c->children->len; j++)
                {
                  DeskProcNode *o = g_ptr_array_index (c->children, j);

                  start (w, "chrow");
                  element (w, "choption", o->title);
                  element (w, "chdesc", o->text);
                  end (w);
                }
              end (w);
            }
          else
            {
              start (w, "choices");
              for (guint j = 0; j < c->children->len; j++)
                element (w, "choice", ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
              end (w);
            }
          break;
        case DESK_PROC_ALTERNATIVES:
          start (w, "choices");
          for (guint j = 0; j < c->children->len; j++)
            element (w, "choice", ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
          end (w);
          break;
        case DESK_PROC_STEP:
          if (depth == 0)
            {
              if (!has_substeps)
                start (w, "substeps");
              has_substeps = TRUE;
              dita_step (w, c, 1);
              continue;
            }
          /* DITA substeps do not nest: deeper steps become a list. */
          start (w, "info");
          start (w, "ol");
          element (w, "li", c->text);
          end (w);
          end (w);
          break;
        case DESK_PROC_FOREIGN:
          dita_foreign (w, c);
          break;
        default:
          break;
        }
    }
  if (has_substeps)
    end (w);
  if (result)
    element (w, "stepresult", result->text);
  end (w);
}

static void
dita_blocks (Writer    *w,
             GPtrArray *list,
             gboolean   in_context)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      switch (n->kind)
        {
        case DESK_PROC_CLAUSE:
          if (n->label || n->title)
            {
              g_autofree char *heading = g_strconcat (n->label ? n->label : "", n->title ? n->title : "", NULL);

              /* A <b> inside <p> would be indented by the writer, adding
               * spaces to the text; a class marks the heading instead. */
              start (w, "p");
              attr (w, "outputclass", "clause-heading");
              text (w, heading);
              end (w);
            }
          dita_blocks (w, n->children, in_context);
          break;
        case DESK_PROC_PARAGRAPH:
          element (w, "p", n->text);
          break;
        case DESK_PROC_NOTE:
          dita_note (w, n);
          break;
        case DESK_PROC_HAZARD:
          dita_hazard (w, n);
          break;
        case DESK_PROC_SCRIPT:
          start (w, "ol");
          for (guint j = 0; j < n->children->len; j++)
            {
              DeskProcNode *line = g_ptr_array_index (n->children, j);

              start (w, "li");
              text (w, line->text);
              if (line->children->len > 0)
                {
                  start (w, "ul");
                  for (guint k = 0; k < line->children->len; k++)
                    {
                      DeskProcNode *b = g_ptr_array_index (line->children, k);
                      g_autofree char *s = g_strdup_printf ("%s: %s", b->title ? b->title : "", b->text ? b->text : "");

                      element (w, "li", s);
                    }
                  end (w);
                }
              end (w);
            }
          end (w);
          break;
        case DESK_PROC_FOREIGN:
          dita_foreign (w, n);
          break;
        default:
          break;
        }
    }
}

static void
collect_flows (GPtrArray *list,
               GPtrArray *flows)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if (n->kind == DESK_PROC_FLOW)
        g_ptr_array_add (flows, n);
      else if (n->kind == DESK_PROC_CLAUSE)
        collect_flows (n->children, flows);
    }
}

static void
dita_parts (Writer     *w,
            GPtrArray  *flows,
            const char *part,
            const char *element_name)
{
  gboolean open = FALSE;

  for (guint i = 0; i < flows->len; i++)
    {
      DeskProcNode *f = g_ptr_array_index (flows, i);

      for (guint j = 0; j < f->children->len; j++)
        {
          DeskProcNode *c = g_ptr_array_index (f->children, j);

          if (c->kind != DESK_PROC_PART || g_strcmp0 (c->variant, part) != 0)
            continue;
          if (!open && element_name != NULL)
            start (w, element_name);
          open = TRUE;
          dita_blocks (w, c->children, TRUE);
        }
    }
  if (open && element_name != NULL)
    end (w);
}

static void
write_dita (Writer *w)
{
  const DeskProcedure *p = w->p;
  g_autoptr(GPtrArray) flows = g_ptr_array_new ();
  g_autofree char *id = g_strdup (p->code ? p->code : "procedure");

  collect_flows (p->body, flows);
  g_strcanon (id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.", '_');
  if (g_ascii_isdigit (id[0]) || id[0] == '-' || id[0] == '.')
    {
      char *prefixed = g_strconcat ("p", id, NULL);
      g_free (id);
      id = prefixed;
    }

  xmlTextWriterStartDTD (w->w, X ("task"), X ("-//OASIS//DTD DITA Task//EN"), X ("task.dtd"));
  xmlTextWriterEndDTD (w->w);
  start (w, "task");
  attr (w, "id", id);
  if (p->language)
    xmlTextWriterWriteAttribute (w->w, X ("xml:lang"), X (p->language));
  element (w, "title", p->title);
  element_if (w, "shortdesc", p->summary);

  start (w, "prolog");
  for (guint i = 0; i < p->signoffs->len; i++)
    {
      DeskProcSignoff *s = g_ptr_array_index (p->signoffs, i);

      if (s->name)
        {
          start (w, "author");
          attr (w, "type", s->role);
          text (w, s->name);
          end (w);
        }
    }
  if (p->revised)
    {
      start (w, "critdates");
      start (w, "revised");
      attr (w, "modified", p->revised);
      end (w);
      end (w);
    }
  start (w, "metadata");
  start (w, "othermeta");
  attr (w, "name", "code");
  attr (w, "content", p->code);
  end (w);
  if (p->edition)
    {
      start (w, "othermeta");
      attr (w, "name", "edition");
      attr (w, "content", p->edition);
      end (w);
    }
  end (w);
  end (w);

  start (w, "taskbody");
  dita_parts (w, flows, "prereq", "prereq");
  start (w, "context");
  dita_blocks (w, p->purpose, TRUE);
  dita_blocks (w, p->scope, TRUE);
  if (p->terms->len > 0)
    {
      start (w, "dl");
      for (guint i = 0; i < p->terms->len; i++)
        {
          DeskProcTerm *t = g_ptr_array_index (p->terms, i);

          start (w, "dlentry");
          element (w, "dt", t->term);
          element (w, "dd", t->definition);
          end (w);
        }
      end (w);
    }
  if (p->roles->len > 0)
    {
      start (w, "dl");
      for (guint i = 0; i < p->roles->len; i++)
        {
          DeskProcRole *r = g_ptr_array_index (p->roles, i);

          start (w, "dlentry");
          element (w, "dt", r->name);
          for (guint j = 0; j < r->duties->len; j++)
            element (w, "dd", g_ptr_array_index (r->duties, j));
          if (r->duties->len == 0)
            element (w, "dd", r->name);
          end (w);
        }
      end (w);
    }
  dita_blocks (w, p->body, TRUE);
  dita_parts (w, flows, "context", NULL);
  end (w);

  {
    gboolean any = FALSE;

    for (guint i = 0; i < flows->len; i++)
      any |= ((DeskProcNode *)g_ptr_array_index (flows, i))->children->len > 0;
    if (any)
      {
        start (w, "steps");
        for (guint i = 0; i < flows->len; i++)
          {
            DeskProcNode *f = g_ptr_array_index (flows, i);

            if (flows->len > 1 && f->title)
              element (w, "stepsection", f->title);
            for (guint j = 0; j < f->children->len; j++)
              {
                DeskProcNode *c = g_ptr_array_index (f->children, j);

                if (c->kind == DESK_PROC_STEP)
                  dita_step (w, c, 0);
                else if (c->kind == DESK_PROC_STEP_SECTION)
                  element (w, "stepsection", c->text);
                else if (c->kind == DESK_PROC_FOREIGN)
                  dita_foreign (w, c);
              }
          }
        end (w);
      }
  }
  dita_parts (w, flows, "result", "result");
  dita_parts (w, flows, "example", "example");
  dita_parts (w, flows, "postreq", "postreq");
  for (guint i = 0; i < p->foreign->len; i++)
    dita_foreign (w, g_ptr_array_index (p->foreign, i));
  end (w);
  end (w);
}

GBytes *
desk_procedure_to_xml (const DeskProcedure *procedure,
                       DeskProcedureFormat  format)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  Writer w = { xmlNewTextWriterMemory (buffer, 0), procedure };
  GBytes *bytes;

  xmlTextWriterSetIndent (w.w, 1);
  xmlTextWriterSetIndentString (w.w, X ("  "));
  xmlTextWriterStartDocument (w.w, "1.0", "UTF-8", NULL);
  if (format == DESK_PROCEDURE_FORMAT_DITA)
    write_dita (&w);
  else
    write_native (&w);
  xmlTextWriterEndDocument (w.w);
  xmlFreeTextWriter (w.w);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

gboolean
desk_procedure_save (const DeskProcedure  *procedure,
                     DeskProcedureFormat   format,
                     const char           *path,
                     GError              **error)
{
  g_autoptr(GBytes) bytes = desk_procedure_to_xml (procedure, format);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_WRITE,
                   _("Could not write %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
