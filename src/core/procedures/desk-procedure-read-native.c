/* desk-procedure-read-native.c
 *
 * Reading our own format: the embedded RELAX NG schema and the built-in
 * procedure files from the core's resource, validation against the schema,
 * and _desk_procedure_read_native(), which maps the elements to a
 * DeskProcedure.  A file of its own, as its writer is
 * (desk-procedure-write-native.c): it follows data/procedure.rng.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

/* Our own format: validated against the embedded RELAX NG schema
 * (data/procedure.rng), then read into a DeskProcedure.  The schema has
 * already checked every element and value, so the reader only maps. */

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>

#include "desk-core-resources.h"
#include "desk-procedure-private.h"
#include "desk-types.h"

GBytes *
desk_procedure_get_builtin (const char *name)
{
  g_autofree char *path = g_strconcat ("/org/servicedesk/ServiceDesk/procedures/", name, NULL);

  /* From the core's own resource: a static library's constructor that
   * would register it is not always linked in. */
  return g_resource_lookup_data (desk_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

GBytes *
desk_procedure_get_schema (void)
{
  return desk_procedure_get_builtin ("procedure.rng");
}

/* Compiled once; libxml2 allows one compiled schema to validate in
 * several threads, each with its own validation context. */
static xmlRelaxNGPtr
get_schema (void)
{
  static gsize once = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = desk_procedure_get_schema ();
      xmlRelaxNGParserCtxtPtr parser;

      g_assert (bytes != NULL);
      parser = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert (schema != NULL);
      g_once_init_leave (&once, 1);
    }

  return schema;
}

typedef struct
{
  const char *name;
  GString    *messages;
  int         count;
} ValidState;

static void
valid_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  ValidState *state = user_data;
  g_autofree char *message = g_strstrip (g_strdup (error->message ? error->message : ""));
  int column = error->node != NULL ? _desk_xml_column (error->node) : 1;

  if (error->level < XML_ERR_ERROR)
    return;
  if (state->count++ >= 5)
    return;
  if (state->messages->len > 0)
    g_string_append (state->messages, "; ");
  g_string_append_printf (state->messages, "%s:%d:%d: %s", state->name,
                          error->node ? (int)xmlGetLineNo (error->node) : error->line,
                          column, message);
}

static gboolean
validate (xmlDoc      *doc,
          const char  *name,
          GError     **error)
{
  ValidState state = { name, g_string_new (NULL), 0 };
  xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt (get_schema ());
  int result;

  xmlRelaxNGSetValidStructuredErrors (valid, valid_error_cb, &state);
  result = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);

  if (result != 0 && state.count == 0)
    g_string_append_printf (state.messages, _("%s:1:1: the procedure does not follow its schema"), name);
  if (result != 0)
    g_set_error_literal (error, DESK_PROCEDURE_ERROR, DESK_PROCEDURE_ERROR_INVALID, state.messages->str);
  g_string_free (state.messages, TRUE);
  return result == 0;
}

typedef struct
{
  const char    *name;
  DeskProcedure *procedure;
} Reader;

static void read_blocks (Reader *r, xmlNode *parent, GPtrArray *list);
static void read_step (Reader *r, xmlNode *node, GPtrArray *list);

static int
attr_int (xmlNode    *node,
          const char *name)
{
  g_autofree char *value = _desk_xml_attr (node, name);

  return value ? atoi (value) : 0;
}

static gboolean
attr_bool (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = _desk_xml_attr (node, name);

  return g_strcmp0 (value, "true") == 0;
}

static DeskProcNode *
add (GPtrArray    *list,
     DeskProcKind  kind,
     xmlNode      *node)
{
  DeskProcNode *n = desk_proc_node_append (list, kind);

  n->line = xmlGetLineNo (node);
  return n;
}

static void
read_level (xmlNode      *node,
            DeskProcNode *n)
{
  g_autofree char *level = _desk_xml_attr (node, "level");

  desk_proc_level_from_nick (level, &n->level);
}

static void
read_hazard (Reader    *r,
             xmlNode   *node,
             GPtrArray *list)
{
  DeskProcNode *h = add (list, DESK_PROC_HAZARD, node);

  h->id = _desk_xml_attr (node, "id");
  h->title = _desk_xml_attr (node, "type");
  read_level (node, h);
  for (xmlNode *c = node->children; c; c = c->next)
    {
      DeskProcNode *n;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "route"))
        {
          n = add (h->children, DESK_PROC_ROUTE, c);
          n->title = _desk_xml_attr (c, "who");
          for (xmlNode *w = c->children; w; w = w->next)
            if (_desk_xml_is (w, "waypoint"))
              add (n->children, DESK_PROC_WAYPOINT, w)->text = _desk_xml_text (w);
          continue;
        }
      n = add (h->children,
               _desk_xml_is (c, "consequence") ? DESK_PROC_CONSEQUENCE :
               _desk_xml_is (c, "avoid") ? DESK_PROC_AVOID : DESK_PROC_CHECK, c);
      n->text = _desk_xml_text (c);
    }
}

static void
read_note (xmlNode   *node,
           GPtrArray *list)
{
  DeskProcNode *n = add (list, DESK_PROC_NOTE, node);

  read_level (node, n);
  n->title = _desk_xml_attr (node, "title");
  n->text = _desk_xml_text (node);
}

static void
read_foreign (xmlNode   *node,
              GPtrArray *list)
{
  DeskProcNode *n = add (list, DESK_PROC_FOREIGN, node);

  n->variant = _desk_xml_attr (node, "origin");
  n->text = _desk_xml_text (node);
}

static void
read_step (Reader    *r,
           xmlNode   *node,
           GPtrArray *list)
{
  DeskProcNode *s = add (list, DESK_PROC_STEP, node);
  g_autofree char *unit = _desk_xml_attr (node, "unit");

  s->label = _desk_xml_attr (node, "label");
  s->role = _desk_xml_attr (node, "role");
  s->optional = attr_bool (node, "optional");
  s->limit = attr_int (node, "limit");
  desk_limit_unit_from_nick (unit, &s->unit);
  s->target = _desk_xml_attr (node, "form");

  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "text"))
        s->text = _desk_xml_text (c);
      else if (_desk_xml_is (c, "info"))
        add (s->children, DESK_PROC_INFO, c)->text = _desk_xml_text (c);
      else if (_desk_xml_is (c, "result"))
        add (s->children, DESK_PROC_RESULT, c)->text = _desk_xml_text (c);
      else if (_desk_xml_is (c, "choices"))
        {
          DeskProcNode *n = add (s->children, DESK_PROC_CHOICES, c);

          n->variant = _desk_xml_attr (c, "layout");
          n->title = _desk_xml_attr (c, "option-header");
          n->text = _desk_xml_attr (c, "description-header");
          for (xmlNode *o = c->children; o; o = o->next)
            if (_desk_xml_is (o, "choice"))
              {
                DeskProcNode *choice = add (n->children, DESK_PROC_CHOICE, o);

                choice->title = _desk_xml_attr (o, "option");
                choice->text = _desk_xml_text (o);
              }
        }
      else if (_desk_xml_is (c, "alternatives"))
        {
          DeskProcNode *n = add (s->children, DESK_PROC_ALTERNATIVES, c);

          for (xmlNode *o = c->children; o; o = o->next)
            if (_desk_xml_is (o, "step"))
              read_step (r, o, n->children);
        }
      else if (_desk_xml_is (c, "step"))
        read_step (r, c, s->children);
      else if (_desk_xml_is (c, "note"))
        read_note (c, s->children);
      else if (_desk_xml_is (c, "hazard"))
        read_hazard (r, c, s->children);
      else if (_desk_xml_is (c, "foreign"))
        read_foreign (c, s->children);
    }
}

static void
read_flow (Reader    *r,
           xmlNode   *node,
           GPtrArray *list)
{
  DeskProcNode *f = add (list, DESK_PROC_FLOW, node);

  f->id = _desk_xml_attr (node, "id");
  f->title = _desk_xml_attr (node, "title");
  f->role = _desk_xml_attr (node, "role");
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "part"))
        {
          DeskProcNode *n = add (f->children, DESK_PROC_PART, c);

          n->variant = _desk_xml_attr (c, "name");
          read_blocks (r, c, n->children);
        }
      else if (_desk_xml_is (c, "step"))
        read_step (r, c, f->children);
      else if (_desk_xml_is (c, "stepsection"))
        add (f->children, DESK_PROC_STEP_SECTION, c)->text = _desk_xml_text (c);
      else if (_desk_xml_is (c, "note"))
        read_note (c, f->children);
      else if (_desk_xml_is (c, "hazard"))
        read_hazard (r, c, f->children);
      else if (_desk_xml_is (c, "foreign"))
        read_foreign (c, f->children);
    }
}

static void
read_script (Reader    *r,
             xmlNode   *node,
             GPtrArray *list)
{
  DeskProcNode *s = add (list, DESK_PROC_SCRIPT, node);

  s->id = _desk_xml_attr (node, "id");
  s->title = _desk_xml_attr (node, "title");
  s->role = _desk_xml_attr (node, "role");
  for (xmlNode *c = node->children; c; c = c->next)
    {
      DeskProcNode *line;

      if (!_desk_xml_is (c, "line"))
        continue;
      line = add (s->children, DESK_PROC_LINE, c);
      line->id = _desk_xml_attr (c, "id");
      line->role = _desk_xml_attr (c, "speaker");
      for (xmlNode *b = c->children; b; b = b->next)
        {
          if (_desk_xml_is (b, "say"))
            line->text = _desk_xml_text (b);
          else if (_desk_xml_is (b, "branch"))
            {
              DeskProcNode *branch = add (line->children, DESK_PROC_BRANCH, b);

              branch->title = _desk_xml_attr (b, "answer");
              branch->target = _desk_xml_attr (b, "goto");
              branch->text = _desk_xml_text (b);
            }
        }
    }
}

static void
read_blocks (Reader    *r,
             xmlNode   *parent,
             GPtrArray *list)
{
  for (xmlNode *c = parent->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "clause"))
        {
          DeskProcNode *n = add (list, DESK_PROC_CLAUSE, c);

          n->label = _desk_xml_attr (c, "label");
          n->title = _desk_xml_attr (c, "title");
          read_blocks (r, c, n->children);
        }
      else if (_desk_xml_is (c, "p"))
        add (list, DESK_PROC_PARAGRAPH, c)->text = _desk_xml_text (c);
      else if (_desk_xml_is (c, "note"))
        read_note (c, list);
      else if (_desk_xml_is (c, "flow"))
        read_flow (r, c, list);
      else if (_desk_xml_is (c, "hazard"))
        read_hazard (r, c, list);
      else if (_desk_xml_is (c, "script"))
        read_script (r, c, list);
      else if (_desk_xml_is (c, "foreign"))
        read_foreign (c, list);
    }
}

static char **
attr_list (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = _desk_xml_attr (node, name);
  g_auto(GStrv) parts = NULL;
  GPtrArray *out;

  if (value == NULL)
    return NULL;
  parts = g_strsplit_set (value, " \t\r\n", -1);
  out = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_ptr_array_add (out, g_strdup (parts[i]));
  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_free (out, FALSE);
}

static int
attr_nick (xmlNode           *node,
           const char        *name,
           const char *const *nicks,
           int                fallback)
{
  g_autofree char *value = _desk_xml_attr (node, name);
  int index = _desk_nick_index (nicks, value);

  return index >= 0 ? index : fallback;
}

static void
read_rule (xmlNode       *node,
           DeskProcedure *p)
{
  DeskProcRule *pr = desk_procedure_add_rule (p);
  DeskRule *rule = &pr->rule;
  g_autofree char *role = _desk_xml_attr (node, "role");
  g_autofree char *escalate_to = _desk_xml_attr (node, "escalate-to");
  g_autofree char *unit = _desk_xml_attr (node, "unit");
  g_auto(GStrv) kinds = attr_list (node, "kinds");

  rule->id = _desk_xml_attr (node, "id");
  rule->name = _desk_xml_attr (node, "name");
  rule->starts = attr_nick (node, "starts", _desk_clock_nicks, 0);
  rule->action = attr_nick (node, "action", _desk_action_nicks, 0);
  desk_role_from_nick (role, &rule->role);
  rule->limit = attr_int (node, "limit");
  desk_limit_unit_from_nick (unit, &rule->unit);
  rule->working_time = attr_bool (node, "working-time");
  rule->repeats = attr_bool (node, "repeats");
  for (guint i = 0; kinds && kinds[i]; i++)
    rule->kinds |= 1u << _desk_nick_index (_desk_kind_nicks, kinds[i]);
  rule->categories = attr_list (node, "categories");
  rule->except_categories = attr_list (node, "except-categories");
  rule->min_severity = attr_nick (node, "min-severity", _desk_severity_nicks, 0);
  rule->site = attr_nick (node, "site", _desk_site_nicks, 0);
  rule->within_days_of_handover = attr_int (node, "within-days-of-handover");
  rule->hours = attr_nick (node, "hours", _desk_hours_nicks, 0);
  rule->needs_callbacks = attr_bool (node, "needs-callbacks");
  rule->escalate = attr_bool (node, "escalate");
  if (escalate_to)
    desk_role_from_nick (escalate_to, &rule->escalate_to);
  rule->notify = attr_bool (node, "notify");
  for (xmlNode *c = node->children; c; c = c->next)
    if (_desk_xml_is (c, "fine"))
      {
        pr->fine = attr_int (c, "yuan");
        pr->fine_note = _desk_xml_text (c);
      }
}

DeskProcedure *
_desk_procedure_read_native (xmlDoc      *doc,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(DeskProcedure) p = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);
  Reader r;

  if (!validate (doc, name, error))
    return NULL;

  p = desk_procedure_new ();
  r.name = name;
  r.procedure = p;
  p->code = _desk_xml_attr (root, "code");
  {
    xmlChar *lang = xmlNodeGetLang (root);
    p->language = lang ? g_strdup ((const char *)lang) : NULL;
    xmlFree (lang);
  }

  for (xmlNode *c = root->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "title"))
        p->title = _desk_xml_text (c);
      else if (_desk_xml_is (c, "edition"))
        p->edition = _desk_xml_text (c);
      else if (_desk_xml_is (c, "revised"))
        p->revised = _desk_xml_text (c);
      else if (_desk_xml_is (c, "category"))
        p->category = _desk_xml_text (c);
      else if (_desk_xml_is (c, "summary"))
        p->summary = _desk_xml_text (c);
      else if (_desk_xml_is (c, "signoff"))
        {
          DeskProcSignoff *s = g_new0 (DeskProcSignoff, 1);

          s->role = _desk_xml_attr (c, "role");
          s->name = _desk_xml_attr (c, "name");
          s->date = _desk_xml_attr (c, "date");
          g_ptr_array_add (p->signoffs, s);
        }
      else if (_desk_xml_is (c, "purpose"))
        read_blocks (&r, c, p->purpose);
      else if (_desk_xml_is (c, "scope"))
        read_blocks (&r, c, p->scope);
      else if (_desk_xml_is (c, "terms"))
        {
          for (xmlNode *t = c->children; t; t = t->next)
            if (_desk_xml_is (t, "term"))
              {
                DeskProcTerm *term = g_new0 (DeskProcTerm, 1);

                term->term = _desk_xml_attr (t, "name");
                term->definition = _desk_xml_text (t);
                g_ptr_array_add (p->terms, term);
              }
        }
      else if (_desk_xml_is (c, "roles"))
        {
          for (xmlNode *t = c->children; t; t = t->next)
            if (_desk_xml_is (t, "role"))
              {
                g_autofree char *id = _desk_xml_attr (t, "id");
                g_autofree char *role_name = _desk_xml_attr (t, "name");
                DeskProcRole *role = desk_procedure_add_role (p, id, role_name);

                role->kind = _desk_xml_attr (t, "kind");
                for (xmlNode *d = t->children; d; d = d->next)
                  if (_desk_xml_is (d, "duty"))
                    g_ptr_array_add (role->duties, _desk_xml_text (d));
              }
        }
      else if (_desk_xml_is (c, "body"))
        read_blocks (&r, c, p->body);
      else if (_desk_xml_is (c, "forms"))
        {
          for (xmlNode *t = c->children; t; t = t->next)
            if (_desk_xml_is (t, "form"))
              {
                DeskProcForm *form = g_new0 (DeskProcForm, 1);

                form->id = _desk_xml_attr (t, "id");
                form->name = _desk_xml_attr (t, "name");
                form->description = _desk_xml_text (t);
                g_ptr_array_add (p->forms, form);
              }
        }
      else if (_desk_xml_is (c, "rules"))
        {
          for (xmlNode *t = c->children; t; t = t->next)
            if (_desk_xml_is (t, "rule"))
              read_rule (t, p);
        }
      else if (_desk_xml_is (c, "foreign"))
        read_foreign (c, p->foreign);
    }

  if (p->title == NULL)
    {
      _desk_xml_set_error (error, DESK_PROCEDURE_ERROR_INVALID, name, root, _("the procedure has no title"));
      return NULL;
    }

  return g_steal_pointer (&p);
}
