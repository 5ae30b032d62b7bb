/* desk-procedure-write-dita.c
 *
 * Writes a procedure as a DITA 1.3 task, for offices whose tools read
 * DITA.  A file of its own because it is a mapping, not a serialisation:
 * what our format says that DITA cannot is folded into what DITA has,
 * with its own rules, apart from the canonical writer of our format.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

/* DITA 1.3 task.  Our format says more than a task can: a procedure's
 * flows become one <steps> divided by <stepsection>s; clauses, hazards,
 * routes and scripts go into <context> as paragraphs, hazard statements
 * and lists.  XML kept from a DITA import is written back in place. */

#include "desk-procedure-private.h"

#define X(s) ((const xmlChar *)(s))

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
      _desk_write_start (w, "foreign");
      _desk_write_attr (w, "outputclass", n->variant);
      raw (w, n->text);
      _desk_write_end (w);
    }
}

static void
dita_hazard (Writer       *w,
             DeskProcNode *n)
{
  _desk_write_start (w, "hazardstatement");
  _desk_write_attr (w, "type", desk_proc_level_to_nick (n->level >= DESK_PROC_LEVEL_NOTICE ? n->level : DESK_PROC_LEVEL_NOTICE));
  _desk_write_start (w, "messagepanel");
  _desk_write_element (w, "typeofhazard", n->title ? n->title : desk_proc_level_get_label (n->level));
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_CONSEQUENCE)
        _desk_write_element (w, "consequence", c->text);
    }
  _desk_write_start (w, "howtoavoid");
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_AVOID || c->kind == DESK_PROC_CHECK)
        _desk_write_element (w, "p", c->text);
      else if (c->kind == DESK_PROC_ROUTE)
        {
          g_autoptr(GString) s = g_string_new (c->title ? c->title : "");

          if (s->len > 0)
            g_string_append (s, ": ");
          for (guint j = 0; j < c->children->len; j++)
            g_string_append_printf (s, "%s%s", j ? " → " : "",
                                    ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
          _desk_write_element (w, "p", s->str);
        }
    }
  _desk_write_end (w);
  _desk_write_end (w);
  _desk_write_end (w);
}

static void
dita_note (Writer       *w,
           DeskProcNode *n)
{
  static const char *types[] = { "note", "note", "tip", "important", "notice", "caution", "warning", "danger" };

  _desk_write_start (w, "note");
  _desk_write_attr (w, "type", types[n->level]);
  _desk_write_text (w, n->text);
  _desk_write_end (w);
}

static void dita_step (Writer *w, DeskProcNode *n, int depth);

static void
dita_step (Writer       *w,
           DeskProcNode *n,
           int           depth)
{
  gboolean has_substeps = FALSE;
  DeskProcNode *result = NULL;

  _desk_write_start (w, depth == 0 ? "step" : "substep");
  if (n->optional)
    _desk_write_attr (w, "importance", "optional");
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_NOTE)
        dita_note (w, c);
      else if (c->kind == DESK_PROC_HAZARD)
        dita_hazard (w, c);
    }
  _desk_write_element (w, "cmd", n->text);
  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (has_substeps && c->kind != DESK_PROC_STEP)
        {
          _desk_write_end (w);
          has_substeps = FALSE;
        }
      switch (c->kind)
        {
        case DESK_PROC_INFO:
          _desk_write_start (w, "info");
          _desk_write_text (w, c->text);
          _desk_write_end (w);
          break;
        case DESK_PROC_RESULT:
          result = c;
          break;
        case DESK_PROC_CHOICES:
          if (g_strcmp0 (c->variant, "table") == 0)
            {
              _desk_write_start (w, "choicetable");
              if (c->title || c->text)
                {
                  _desk_write_start (w, "chhead");
                  _desk_write_element (w, "choptionhd", c->title);
                  _desk_write_element (w, "chdeschd", c->text);
                  _desk_write_end (w);
                }
              for (guint j = 0; j < c->children->len; j++)
                {
                  DeskProcNode *o = g_ptr_array_index (c->children, j);

                  _desk_write_start (w, "chrow");
                  _desk_write_element (w, "choption", o->title);
                  _desk_write_element (w, "chdesc", o->text);
                  _desk_write_end (w);
                }
              _desk_write_end (w);
            }
          else
            {
              _desk_write_start (w, "choices");
              for (guint j = 0; j < c->children->len; j++)
                _desk_write_element (w, "choice", ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
              _desk_write_end (w);
            }
          break;
        case DESK_PROC_ALTERNATIVES:
          _desk_write_start (w, "choices");
          for (guint j = 0; j < c->children->len; j++)
            _desk_write_element (w, "choice", ((DeskProcNode *)g_ptr_array_index (c->children, j))->text);
          _desk_write_end (w);
          break;
        case DESK_PROC_STEP:
          if (depth == 0)
            {
              if (!has_substeps)
                _desk_write_start (w, "substeps");
              has_substeps = TRUE;
              dita_step (w, c, 1);
              continue;
            }
          /* DITA substeps do not nest: deeper steps become a list. */
          _desk_write_start (w, "info");
          _desk_write_start (w, "ol");
          _desk_write_element (w, "li", c->text);
          _desk_write_end (w);
          _desk_write_end (w);
          break;
        case DESK_PROC_FOREIGN:
          dita_foreign (w, c);
          break;
        default:
          break;
        }
    }
  if (has_substeps)
    _desk_write_end (w);
  if (result)
    _desk_write_element (w, "stepresult", result->text);
  _desk_write_end (w);
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
              _desk_write_start (w, "p");
              _desk_write_attr (w, "outputclass", "clause-heading");
              _desk_write_text (w, heading);
              _desk_write_end (w);
            }
          dita_blocks (w, n->children, in_context);
          break;
        case DESK_PROC_PARAGRAPH:
          _desk_write_element (w, "p", n->text);
          break;
        case DESK_PROC_NOTE:
          dita_note (w, n);
          break;
        case DESK_PROC_HAZARD:
          dita_hazard (w, n);
          break;
        case DESK_PROC_SCRIPT:
          _desk_write_start (w, "ol");
          for (guint j = 0; j < n->children->len; j++)
            {
              DeskProcNode *line = g_ptr_array_index (n->children, j);

              _desk_write_start (w, "li");
              _desk_write_text (w, line->text);
              if (line->children->len > 0)
                {
                  _desk_write_start (w, "ul");
                  for (guint k = 0; k < line->children->len; k++)
                    {
                      DeskProcNode *b = g_ptr_array_index (line->children, k);
                      g_autofree char *s = g_strdup_printf ("%s: %s", b->title ? b->title : "", b->text ? b->text : "");

                      _desk_write_element (w, "li", s);
                    }
                  _desk_write_end (w);
                }
              _desk_write_end (w);
            }
          _desk_write_end (w);
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
            _desk_write_start (w, element_name);
          open = TRUE;
          dita_blocks (w, c->children, TRUE);
        }
    }
  if (open && element_name != NULL)
    _desk_write_end (w);
}

void
_desk_procedure_write_dita (Writer *w)
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
  _desk_write_start (w, "task");
  _desk_write_attr (w, "id", id);
  if (p->language)
    xmlTextWriterWriteAttribute (w->w, X ("xml:lang"), X (p->language));
  _desk_write_element (w, "title", p->title);
  _desk_write_element_if (w, "shortdesc", p->summary);

  _desk_write_start (w, "prolog");
  for (guint i = 0; i < p->signoffs->len; i++)
    {
      DeskProcSignoff *s = g_ptr_array_index (p->signoffs, i);

      if (s->name)
        {
          _desk_write_start (w, "author");
          _desk_write_attr (w, "type", s->role);
          _desk_write_text (w, s->name);
          _desk_write_end (w);
        }
    }
  if (p->revised)
    {
      _desk_write_start (w, "critdates");
      _desk_write_start (w, "revised");
      _desk_write_attr (w, "modified", p->revised);
      _desk_write_end (w);
      _desk_write_end (w);
    }
  _desk_write_start (w, "metadata");
  _desk_write_start (w, "othermeta");
  _desk_write_attr (w, "name", "code");
  _desk_write_attr (w, "content", p->code);
  _desk_write_end (w);
  if (p->edition)
    {
      _desk_write_start (w, "othermeta");
      _desk_write_attr (w, "name", "edition");
      _desk_write_attr (w, "content", p->edition);
      _desk_write_end (w);
    }
  _desk_write_end (w);
  _desk_write_end (w);

  _desk_write_start (w, "taskbody");
  dita_parts (w, flows, "prereq", "prereq");
  _desk_write_start (w, "context");
  dita_blocks (w, p->purpose, TRUE);
  dita_blocks (w, p->scope, TRUE);
  if (p->terms->len > 0)
    {
      _desk_write_start (w, "dl");
      for (guint i = 0; i < p->terms->len; i++)
        {
          DeskProcTerm *t = g_ptr_array_index (p->terms, i);

          _desk_write_start (w, "dlentry");
          _desk_write_element (w, "dt", t->term);
          _desk_write_element (w, "dd", t->definition);
          _desk_write_end (w);
        }
      _desk_write_end (w);
    }
  if (p->roles->len > 0)
    {
      _desk_write_start (w, "dl");
      for (guint i = 0; i < p->roles->len; i++)
        {
          DeskProcRole *r = g_ptr_array_index (p->roles, i);

          _desk_write_start (w, "dlentry");
          _desk_write_element (w, "dt", r->name);
          for (guint j = 0; j < r->duties->len; j++)
            _desk_write_element (w, "dd", g_ptr_array_index (r->duties, j));
          if (r->duties->len == 0)
            _desk_write_element (w, "dd", r->name);
          _desk_write_end (w);
        }
      _desk_write_end (w);
    }
  dita_blocks (w, p->body, TRUE);
  dita_parts (w, flows, "context", NULL);
  _desk_write_end (w);

  {
    gboolean any = FALSE;

    for (guint i = 0; i < flows->len; i++)
      any |= ((DeskProcNode *)g_ptr_array_index (flows, i))->children->len > 0;
    if (any)
      {
        _desk_write_start (w, "steps");
        for (guint i = 0; i < flows->len; i++)
          {
            DeskProcNode *f = g_ptr_array_index (flows, i);

            if (flows->len > 1 && f->title)
              _desk_write_element (w, "stepsection", f->title);
            for (guint j = 0; j < f->children->len; j++)
              {
                DeskProcNode *c = g_ptr_array_index (f->children, j);

                if (c->kind == DESK_PROC_STEP)
                  dita_step (w, c, 0);
                else if (c->kind == DESK_PROC_STEP_SECTION)
                  _desk_write_element (w, "stepsection", c->text);
                else if (c->kind == DESK_PROC_FOREIGN)
                  dita_foreign (w, c);
              }
          }
        _desk_write_end (w);
      }
  }
  dita_parts (w, flows, "result", "result");
  dita_parts (w, flows, "example", "example");
  dita_parts (w, flows, "postreq", "postreq");
  for (guint i = 0; i < p->foreign->len; i++)
    dita_foreign (w, g_ptr_array_index (p->foreign, i));
  _desk_write_end (w);
  _desk_write_end (w);
}
