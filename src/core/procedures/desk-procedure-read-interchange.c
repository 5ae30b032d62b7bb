/* desk-procedure-read-interchange.c
 *
 * Reading the interchange formats: DITA 1.3 task and troubleshooting
 * topics (_desk_procedure_read_dita()) and DocBook 5 procedures
 * (_desk_procedure_read_docbook()).  Apart from our own format's reader
 * because these are mappings by element name, with what has no place in
 * our model kept as foreign XML.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure"

#include "config.h"

/* DITA 1.3 task and troubleshooting topics and DocBook 5 procedures,
 * matched on element names (their DTDs and schemas are never loaded).
 * Inline markup keeps its words; an element with no place in our model
 * is kept whole as foreign XML and written back on DITA export. */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-procedure-private.h"

typedef struct
{
  const char *origin;       /* "dita" or "docbook" */
  const char *name;
} Reader;

static gboolean
is_any (xmlNode    *node,
        const char *const *names)
{
  for (guint i = 0; names[i]; i++)
    if (_desk_xml_is (node, names[i]))
      return TRUE;
  return FALSE;
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
keep_foreign (Reader    *r,
              xmlNode   *node,
              GPtrArray *list)
{
  DeskProcNode *n = add (list, DESK_PROC_FOREIGN, node);

  n->variant = g_strdup (r->origin);
  n->text = _desk_xml_dump (node);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (_desk_xml_is (c, name))
      return c;
  return NULL;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *c = child (node, name);

  return c ? _desk_xml_flat_text (c) : NULL;
}

static DeskProcLevel
level_of (const char *type)
{
  DeskProcLevel level = DESK_PROC_LEVEL_NOTE;

  if (g_strcmp0 (type, "attention") == 0 || g_strcmp0 (type, "remember") == 0)
    return DESK_PROC_LEVEL_IMPORTANT;
  if (type && desk_proc_level_from_nick (type, &level) && level != DESK_PROC_LEVEL_NONE)
    return level;
  return DESK_PROC_LEVEL_NOTE;
}

static void read_blocks (Reader *r, xmlNode *parent, GPtrArray *list);

/* DITA <hazardstatement>: one hazard per message panel's type of hazard. */
static void
read_hazardstatement (Reader    *r,
                      xmlNode   *node,
                      GPtrArray *list)
{
  g_autofree char *type = _desk_xml_attr (node, "type");
  DeskProcNode *h = add (list, DESK_PROC_HAZARD, node);

  h->level = level_of (type);
  if (h->level < DESK_PROC_LEVEL_NOTICE)
    h->level = DESK_PROC_LEVEL_NOTICE;
  for (xmlNode *panel = node->children; panel; panel = panel->next)
    {
      if (!_desk_xml_is (panel, "messagepanel"))
        {
          if (panel->type == XML_ELEMENT_NODE)
            keep_foreign (r, panel, h->children);
          continue;
        }
      for (xmlNode *c = panel->children; c; c = c->next)
        {
          if (c->type != XML_ELEMENT_NODE)
            continue;
          if (_desk_xml_is (c, "typeofhazard"))
            {
              if (h->title == NULL)
                h->title = _desk_xml_flat_text (c);
            }
          else if (_desk_xml_is (c, "consequence"))
            add (h->children, DESK_PROC_CONSEQUENCE, c)->text = _desk_xml_flat_text (c);
          else if (_desk_xml_is (c, "howtoavoid"))
            add (h->children, DESK_PROC_AVOID, c)->text = _desk_xml_flat_text (c);
        }
    }
  /* Foreign children are not part of a hazard in our model. */
  for (guint i = h->children->len; i > 0; i--)
    if (((DeskProcNode *)g_ptr_array_index (h->children, i - 1))->kind == DESK_PROC_FOREIGN)
      g_ptr_array_add (list, g_ptr_array_steal_index (h->children, i - 1));
}

static const char *const admonitions[] = { "note", "caution", "important", "tip", "warning", "danger", NULL };

static void
read_admonition (Reader    *r,
                 xmlNode   *node,
                 GPtrArray *list)
{
  DeskProcNode *n = add (list, DESK_PROC_NOTE, node);

  if (strcmp (r->origin, "dita") == 0)
    {
      g_autofree char *type = _desk_xml_attr (node, "type");
      n->level = level_of (type);
    }
  else
    n->level = level_of ((const char *)node->name);
  n->title = child_text (node, "title");
  if (n->title)
    {
      /* The title is not part of the text; nothing reads the node again. */
      xmlNode *title = child (node, "title");

      xmlUnlinkNode (title);
      xmlFreeNode (title);
    }
  n->text = _desk_xml_flat_text (node);
}

static void
read_list (Reader    *r,
           xmlNode   *node,
           GPtrArray *list,
           gboolean   ordered)
{
  int number = 0;

  for (xmlNode *c = node->children; c; c = c->next)
    {
      DeskProcNode *item;

      if (!_desk_xml_is (c, "li") && !_desk_xml_is (c, "listitem"))
        continue;
      item = add (list, DESK_PROC_CLAUSE, c);
      item->label = ordered ? g_strdup_printf ("%d.", ++number) : g_strdup ("•");
      add (item->children, DESK_PROC_PARAGRAPH, c)->text = _desk_xml_flat_text (c);
    }
}

static void
read_block (Reader    *r,
            xmlNode   *c,
            GPtrArray *list)
{
  static const char *const paragraphs[] = { "p", "para", "simpara", "shortdesc", "abstract", "lq", NULL };

  if (is_any (c, paragraphs))
    add (list, DESK_PROC_PARAGRAPH, c)->text = _desk_xml_flat_text (c);
  else if (_desk_xml_is (c, "hazardstatement"))
    read_hazardstatement (r, c, list);
  else if (is_any (c, admonitions))
    read_admonition (r, c, list);
  else if (_desk_xml_is (c, "ol") || _desk_xml_is (c, "orderedlist"))
    read_list (r, c, list, TRUE);
  else if (_desk_xml_is (c, "ul") || _desk_xml_is (c, "itemizedlist"))
    read_list (r, c, list, FALSE);
  else if (_desk_xml_is (c, "section") || _desk_xml_is (c, "sect1") || _desk_xml_is (c, "sect2"))
    {
      DeskProcNode *clause = add (list, DESK_PROC_CLAUSE, c);

      clause->title = child_text (c, "title");
      read_blocks (r, c, clause->children);
    }
  else if (_desk_xml_is (c, "title") || _desk_xml_is (c, "info"))
    ; /* read by the parent */
  else if (c->type == XML_ELEMENT_NODE)
    keep_foreign (r, c, list);
}

static void
read_blocks (Reader    *r,
             xmlNode   *parent,
             GPtrArray *list)
{
  /* Text directly in a DITA section or context is a paragraph of its own. */
  g_autofree char *loose = NULL;

  for (xmlNode *c = parent->children; c; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content)
        {
          g_autofree char *s = g_strstrip (g_strdup ((const char *)c->content));

          if (*s)
            add (list, DESK_PROC_PARAGRAPH, parent)->text = g_steal_pointer (&s);
          continue;
        }
      read_block (r, c, list);
    }
}

static void read_dita_step (Reader *r, xmlNode *node, GPtrArray *list);

static void
read_dita_step (Reader    *r,
                xmlNode   *node,
                GPtrArray *list)
{
  DeskProcNode *s = add (list, DESK_PROC_STEP, node);
  g_autofree char *importance = _desk_xml_attr (node, "importance");

  s->optional = g_strcmp0 (importance, "optional") == 0;
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "cmd"))
        s->text = _desk_xml_flat_text (c);
      else if (_desk_xml_is (c, "info"))
        add (s->children, DESK_PROC_INFO, c)->text = _desk_xml_flat_text (c);
      else if (_desk_xml_is (c, "stepresult"))
        add (s->children, DESK_PROC_RESULT, c)->text = _desk_xml_flat_text (c);
      else if (_desk_xml_is (c, "note"))
        read_admonition (r, c, s->children);
      else if (_desk_xml_is (c, "hazardstatement"))
        read_hazardstatement (r, c, s->children);
      else if (_desk_xml_is (c, "substeps"))
        {
          for (xmlNode *sub = c->children; sub; sub = sub->next)
            if (_desk_xml_is (sub, "substep"))
              read_dita_step (r, sub, s->children);
        }
      else if (_desk_xml_is (c, "choices"))
        {
          DeskProcNode *n = add (s->children, DESK_PROC_CHOICES, c);

          n->variant = g_strdup ("list");
          for (xmlNode *o = c->children; o; o = o->next)
            if (_desk_xml_is (o, "choice"))
              add (n->children, DESK_PROC_CHOICE, o)->text = _desk_xml_flat_text (o);
        }
      else if (_desk_xml_is (c, "choicetable"))
        {
          DeskProcNode *n = add (s->children, DESK_PROC_CHOICES, c);
          xmlNode *head = child (c, "chhead");

          n->variant = g_strdup ("table");
          if (head)
            {
              n->title = child_text (head, "choptionhd");
              n->text = child_text (head, "chdeschd");
            }
          for (xmlNode *row = c->children; row; row = row->next)
            if (_desk_xml_is (row, "chrow"))
              {
                DeskProcNode *choice = add (n->children, DESK_PROC_CHOICE, row);

                choice->title = child_text (row, "choption");
                choice->text = child_text (row, "chdesc");
              }
        }
      else
        keep_foreign (r, c, s->children);
    }
}

static void
read_dita_steps (Reader    *r,
                 xmlNode   *steps,
                 GPtrArray *flow)
{
  for (xmlNode *c = steps->children; c; c = c->next)
    {
      if (_desk_xml_is (c, "step"))
        read_dita_step (r, c, flow);
      else if (_desk_xml_is (c, "stepsection"))
        add (flow, DESK_PROC_STEP_SECTION, c)->text = _desk_xml_flat_text (c);
      else if (c->type == XML_ELEMENT_NODE)
        keep_foreign (r, c, flow);
    }
}

static DeskProcNode *
add_part (GPtrArray  *flow,
          const char *name,
          xmlNode    *node)
{
  DeskProcNode *part = add (flow, DESK_PROC_PART, node);

  part->variant = g_strdup (name);
  return part;
}

static void
read_dita_prolog (DeskProcedure *p,
                  xmlNode       *prolog)
{
  for (xmlNode *c = prolog->children; c; c = c->next)
    {
      if (_desk_xml_is (c, "author"))
        {
          DeskProcSignoff *s = g_new0 (DeskProcSignoff, 1);

          s->role = _desk_xml_attr (c, "type");
          if (s->role == NULL)
            s->role = g_strdup ("author");
          s->name = _desk_xml_flat_text (c);
          g_ptr_array_add (p->signoffs, s);
        }
      else if (_desk_xml_is (c, "critdates"))
        {
          for (xmlNode *d = c->children; d; d = d->next)
            if (_desk_xml_is (d, "revised"))
              {
                g_free (p->revised);
                p->revised = _desk_xml_attr (d, "modified");
              }
        }
      else if (_desk_xml_is (c, "metadata"))
        {
          for (xmlNode *m = c->children; m; m = m->next)
            if (_desk_xml_is (m, "othermeta"))
              {
                g_autofree char *name = _desk_xml_attr (m, "name");
                char *content = _desk_xml_attr (m, "content");

                if (g_strcmp0 (name, "code") == 0)
                  g_free (p->code), p->code = content;
                else if (g_strcmp0 (name, "edition") == 0)
                  g_free (p->edition), p->edition = content;
                else
                  g_free (content);
              }
        }
    }
}

static void
read_lang (DeskProcedure *p,
           xmlNode       *root)
{
  xmlChar *lang = xmlNodeGetLang (root);

  p->language = lang ? g_strdup ((const char *)lang) : NULL;
  xmlFree (lang);
}

static gboolean
finish (DeskProcedure  *p,
        xmlNode        *root,
        const char     *name,
        GError        **error)
{
  if (p->title == NULL)
    {
      _desk_xml_set_error (error, DESK_PROCEDURE_ERROR_INVALID, name, root, _("the procedure has no title"));
      return FALSE;
    }
  if (p->code == NULL)
    {
      _desk_xml_set_error (error, DESK_PROCEDURE_ERROR_INVALID, name, root,
                           _("the procedure has no code (an id attribute)"));
      return FALSE;
    }
  return TRUE;
}

DeskProcedure *
_desk_procedure_read_dita (xmlDoc      *doc,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(DeskProcedure) p = desk_procedure_new ();
  xmlNode *root = xmlDocGetRootElement (doc);
  Reader r = { "dita", name };
  DeskProcNode *flow;
  gboolean troubleshooting = _desk_xml_is (root, "troubleshooting");

  p->code = _desk_xml_attr (root, "id");
  read_lang (p, root);
  p->category = g_strdup (troubleshooting ? "troubleshooting" : NULL);

  flow = desk_proc_node_new (DESK_PROC_FLOW);
  flow->line = xmlGetLineNo (root);
  for (xmlNode *c = root->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "title"))
        p->title = _desk_xml_flat_text (c);
      else if (_desk_xml_is (c, "shortdesc"))
        p->summary = _desk_xml_flat_text (c);
      else if (_desk_xml_is (c, "prolog"))
        read_dita_prolog (p, c);
      else if (_desk_xml_is (c, "taskbody"))
        {
          for (xmlNode *b = c->children; b; b = b->next)
            {
              if (b->type != XML_ELEMENT_NODE)
                continue;
              if (_desk_xml_is (b, "prereq") || _desk_xml_is (b, "context") || _desk_xml_is (b, "result") ||
                  _desk_xml_is (b, "postreq") || _desk_xml_is (b, "example"))
                read_blocks (&r, b, add_part (flow->children, (const char *)b->name, b)->children);
              else if (_desk_xml_is (b, "steps") || _desk_xml_is (b, "steps-unordered"))
                read_dita_steps (&r, b, flow->children);
              else
                keep_foreign (&r, b, flow->children);
            }
        }
      else if (_desk_xml_is (c, "troublebody"))
        {
          for (xmlNode *b = c->children; b; b = b->next)
            {
              if (b->type != XML_ELEMENT_NODE)
                continue;
              if (_desk_xml_is (b, "condition"))
                {
                  DeskProcNode *clause = add (p->body, DESK_PROC_CLAUSE, b);

                  clause->title = child_text (b, "title");
                  read_blocks (&r, b, clause->children);
                }
              else if (_desk_xml_is (b, "troubleSolution"))
                {
                  /* Each solution is a flow: its cause is the context,
                   * its remedy's steps are the steps. */
                  DeskProcNode *solution = add (p->body, DESK_PROC_FLOW, b);

                  for (xmlNode *s = b->children; s; s = s->next)
                    {
                      if (_desk_xml_is (s, "cause"))
                        {
                          solution->title = child_text (s, "title");
                          read_blocks (&r, s, add_part (solution->children, "context", s)->children);
                        }
                      else if (_desk_xml_is (s, "remedy"))
                        {
                          if (solution->title == NULL)
                            solution->title = child_text (s, "title");
                          for (xmlNode *m = s->children; m; m = m->next)
                            {
                              if (_desk_xml_is (m, "responsibleParty"))
                                solution->role = _desk_xml_flat_text (m);
                              else if (_desk_xml_is (m, "steps") || _desk_xml_is (m, "steps-unordered"))
                                read_dita_steps (&r, m, solution->children);
                              else if (!_desk_xml_is (m, "title") && m->type == XML_ELEMENT_NODE)
                                read_block (&r, m, solution->children);
                            }
                        }
                      else if (s->type == XML_ELEMENT_NODE)
                        keep_foreign (&r, s, solution->children);
                    }
                }
              else
                read_block (&r, b, p->body);
            }
        }
      else
        keep_foreign (&r, c, p->foreign);
    }

  if (flow->children->len > 0)
    {
      flow->title = g_strdup (p->title);
      g_ptr_array_add (p->body, flow);
    }
  else
    desk_proc_node_free (flow);

  if (!finish (p, root, name, error))
    return NULL;
  return g_steal_pointer (&p);
}

/* DocBook 5 */

static void read_docbook_step (Reader *r, xmlNode *node, GPtrArray *list);

static void
read_docbook_steps (Reader    *r,
                    xmlNode   *parent,
                    GPtrArray *list)
{
  for (xmlNode *c = parent->children; c; c = c->next)
    if (_desk_xml_is (c, "step"))
      read_docbook_step (r, c, list);
    else if (c->type == XML_ELEMENT_NODE)
      keep_foreign (r, c, list);
}

static void
read_docbook_step (Reader    *r,
                   xmlNode   *node,
                   GPtrArray *list)
{
  DeskProcNode *s = add (list, DESK_PROC_STEP, node);
  g_autofree char *performance = _desk_xml_attr (node, "performance");

  s->optional = g_strcmp0 (performance, "optional") == 0;
  for (xmlNode *c = node->children; c; c = c->next)
    {
      static const char *const paragraphs[] = { "para", "simpara", NULL };

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (_desk_xml_is (c, "title"))
        s->label = _desk_xml_flat_text (c);
      else if (is_any (c, paragraphs))
        {
          /* The first paragraph says what to do; the rest explain. */
          if (s->text == NULL)
            s->text = _desk_xml_flat_text (c);
          else
            add (s->children, DESK_PROC_INFO, c)->text = _desk_xml_flat_text (c);
        }
      else if (_desk_xml_is (c, "substeps"))
        read_docbook_steps (r, c, s->children);
      else if (_desk_xml_is (c, "stepalternatives"))
        read_docbook_steps (r, c, add (s->children, DESK_PROC_ALTERNATIVES, c)->children);
      else if (is_any (c, admonitions))
        read_admonition (r, c, s->children);
      else
        keep_foreign (r, c, s->children);
    }
  if (s->text == NULL && s->label != NULL)
    s->text = g_steal_pointer (&s->label);
}

static void
read_docbook_procedure (Reader    *r,
                        xmlNode   *node,
                        GPtrArray *list)
{
  DeskProcNode *flow = add (list, DESK_PROC_FLOW, node);
  DeskProcNode *context = NULL;
  xmlNode *info = child (node, "info");

  flow->id = _desk_xml_attr (node, "id");
  flow->title = child_text (node, "title");
  if (flow->title == NULL && info)
    flow->title = child_text (info, "title");
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || _desk_xml_is (c, "title") || _desk_xml_is (c, "info"))
        continue;
      if (_desk_xml_is (c, "step"))
        {
          read_docbook_step (r, c, flow->children);
          context = NULL;
        }
      else if (_desk_xml_is (c, "result"))
        read_blocks (r, c, add_part (flow->children, "result", c)->children);
      else
        {
          /* Blocks before the steps introduce the procedure. */
          if (context == NULL)
            context = add_part (flow->children, "context", c);
          read_block (r, c, context->children);
        }
    }
}

static void
read_docbook_container (Reader        *r,
                        xmlNode       *node,
                        GPtrArray     *list)
{
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || _desk_xml_is (c, "title") || _desk_xml_is (c, "info"))
        continue;
      if (_desk_xml_is (c, "procedure"))
        read_docbook_procedure (r, c, list);
      else if (_desk_xml_is (c, "section") || _desk_xml_is (c, "chapter") || _desk_xml_is (c, "sect1"))
        {
          DeskProcNode *clause = add (list, DESK_PROC_CLAUSE, c);
          xmlNode *info = child (c, "info");

          clause->title = child_text (c, "title");
          if (clause->title == NULL && info)
            clause->title = child_text (info, "title");
          read_docbook_container (r, c, clause->children);
        }
      else
        read_block (r, c, list);
    }
}

DeskProcedure *
_desk_procedure_read_docbook (xmlDoc      *doc,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(DeskProcedure) p = desk_procedure_new ();
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *info = child (root, "info");
  Reader r = { "docbook", name };
  xmlChar *id = xmlGetNsProp (root, (const xmlChar *)"id", XML_XML_NAMESPACE);

  read_lang (p, root);
  if (id && *id)
    p->code = g_strdup ((const char *)id);
  xmlFree (id);
  p->title = child_text (root, "title");
  if (info)
    {
      if (p->title == NULL)
        p->title = child_text (info, "title");
      if (p->code == NULL)
        p->code = child_text (info, "biblioid");
      p->edition = child_text (info, "edition");
      p->revised = child_text (info, "date");
      p->summary = child_text (info, "abstract");
    }
  if (p->code == NULL)
    {
      /* No id: the file's own name is the best code there is. */
      g_autofree char *base = g_path_get_basename (name);
      char *dot = strrchr (base, '.');

      if (dot)
        *dot = '\0';
      p->code = g_strdup (base);
    }

  if (_desk_xml_is (root, "procedure"))
    read_docbook_procedure (&r, root, p->body);
  else
    read_docbook_container (&r, root, p->body);

  if (!finish (p, root, name, error))
    return NULL;
  return g_steal_pointer (&p);
}
