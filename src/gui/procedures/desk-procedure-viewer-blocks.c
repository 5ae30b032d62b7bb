/* desk-procedure-viewer-blocks.c
 *
 * The blocks of a procedure's text as widgets, in document order:
 * numbered clauses and paragraphs, notes and hazards by level with their
 * evacuation routes, flows as a chain of step cards, call scripts as
 * cards whose branches jump to the line they go on with, and XML kept
 * from the original file.  Its own file because it is the one walk over
 * the model's tree of nodes, apart from the page around it
 * (desk-procedure-viewer-render.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-procedure-viewer-private.h"

/* Widgets for a whole manual are cheap; for a 10 MB procedure they are
 * not: past this many labels the rest is left out, and said so. */
#define MAX_LABELS 3000

static GtkWidget *
vbox (int spacing)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
}

static GtkWidget *
hbox (int spacing)
{
  return gtk_box_new (GTK_ORIENTATION_HORIZONTAL, spacing);
}

static GtkWidget *
chip (DeskProcedureViewer *self,
      GtkWidget           *box,
      const char          *text,
      const char          *extra_class)
{
  GtkWidget *label = _desk_procedure_viewer_add_label (self, box, text, extra_class ? extra_class : "desk-chip");

  if (label)
    {
      gtk_widget_add_css_class (label, "desk-chip");
      gtk_widget_set_hexpand (label, FALSE);
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
    }
  return label;
}

static const char *
level_icon (DeskProcLevel level)
{
  switch (level)
    {
    case DESK_PROC_LEVEL_DANGER:
      return "dialog-error-symbolic";
    case DESK_PROC_LEVEL_WARNING:
    case DESK_PROC_LEVEL_CAUTION:
      return "dialog-warning-symbolic";
    case DESK_PROC_LEVEL_NONE:
    case DESK_PROC_LEVEL_NOTE:
    case DESK_PROC_LEVEL_TIP:
    case DESK_PROC_LEVEL_IMPORTANT:
    case DESK_PROC_LEVEL_NOTICE:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
form_name (DeskProcedureViewer *self,
           const char          *id)
{
  for (guint i = 0; id && i < self->procedure->forms->len; i++)
    {
      DeskProcForm *f = g_ptr_array_index (self->procedure->forms, i);

      if (g_strcmp0 (f->id, id) == 0)
        return f->name;
    }
  return id;
}

/* Hazards */

static GtkWidget *
level_box (DeskProcedureViewer *self,
           DeskProcLevel        level,
           const char          *title)
{
  GtkWidget *box = vbox (6);
  GtkWidget *head = hbox (8);
  GtkWidget *icon = gtk_image_new_from_icon_name (level_icon (level));
  g_autofree char *css = g_strconcat ("desk-hazard-", desk_proc_level_to_nick (level), NULL);
  g_autofree char *word = g_utf8_strup (desk_proc_level_get_label (level), -1);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "desk-hazard");
  gtk_widget_add_css_class (box, css);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (head), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  desk_proc_level_get_label (level), -1);
  label = _desk_procedure_viewer_add_label (self, head, word, "desk-hazard-level");
  gtk_widget_set_hexpand (label, FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  _desk_procedure_viewer_add_label (self, head, title, "heading");
  return box;
}

static void
add_route (DeskProcedureViewer *self,
           GtkWidget           *box,
           DeskProcNode        *route)
{
  GtkWidget *flow = gtk_flow_box_new ();
  g_autofree char *title = NULL;

  /* Translators: the heading of an evacuation route; %s says who takes it */
  title = route->title ? g_strdup_printf (_("Evacuation route — %s"), route->title) : g_strdup (_("Evacuation route"));
  _desk_procedure_viewer_add_label (self, box, title, "heading");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 40);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 2);
  gtk_widget_set_hexpand (flow, TRUE);
  for (guint i = 0; i < route->children->len; i++)
    {
      DeskProcNode *w = g_ptr_array_index (route->children, i);
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, w->text ? w->text : "");
      GtkWidget *label = chip (self, NULL, text, "desk-waypoint");

      gtk_widget_remove_css_class (label, "desk-chip");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), label);
      if (i + 1 < route->children->len)
        gtk_flow_box_append (GTK_FLOW_BOX (flow), gtk_label_new ("→"));
    }
  gtk_box_append (GTK_BOX (box), flow);
}

static void
add_hazard (DeskProcedureViewer *self,
            GtkWidget           *parent,
            DeskProcNode        *n)
{
  GtkWidget *box = level_box (self, n->level ? n->level : DESK_PROC_LEVEL_NOTICE, n->title);

  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);
      g_autofree char *text = NULL;

      switch (c->kind)
        {
        case DESK_PROC_CONSEQUENCE:
          text = g_strdup_printf (_("Consequence: %s"), c->text ? c->text : "");
          _desk_procedure_viewer_add_label (self, box, text, NULL);
          break;
        case DESK_PROC_AVOID:
          text = g_strdup_printf (_("How to avoid it: %s"), c->text ? c->text : "");
          _desk_procedure_viewer_add_label (self, box, text, NULL);
          break;
        case DESK_PROC_CHECK:
          /* Translators: a safety check to tick off; ☐ is an empty box */
          text = g_strdup_printf (_("☐ Check: %s"), c->text ? c->text : "");
          _desk_procedure_viewer_add_label (self, box, text, NULL);
          break;
        case DESK_PROC_ROUTE:
          add_route (self, box, c);
          break;
        default:
          break;
        }
    }
  gtk_box_append (GTK_BOX (parent), box);
}

static void
add_note (DeskProcedureViewer *self,
          GtkWidget           *parent,
          DeskProcNode        *n)
{
  GtkWidget *box = level_box (self, n->level ? n->level : DESK_PROC_LEVEL_NOTE, n->title);

  _desk_procedure_viewer_add_label (self, box, n->text, NULL);
  gtk_box_append (GTK_BOX (parent), box);
}

void
_desk_procedure_viewer_add_foreign (DeskProcedureViewer *self,
                                    GtkWidget           *parent,
                                    DeskProcNode        *n)
{
  g_autofree char *title = g_strdup_printf (_("Kept from the original file (%s)"), n->variant ? n->variant : "XML");
  GtkWidget *expander = gtk_expander_new (title);
  GtkWidget *label = _desk_procedure_viewer_add_label (self, NULL, n->text, "monospace");

  gtk_expander_set_child (GTK_EXPANDER (expander), label);
  gtk_box_append (GTK_BOX (parent), expander);
}

/* Flows: a chain of steps, each a card with its number, what to do, who,
 * within what time, whether it may be skipped, and what it leads to. */

static void add_step (DeskProcedureViewer *self, GtkWidget *parent, DeskProcNode *n, const char *number);

static void
add_steps (DeskProcedureViewer *self,
           GtkWidget           *parent,
           GPtrArray           *children,
           const char          *prefix)
{
  guint number = 0;
  gboolean first = TRUE;

  for (guint i = 0; i < children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (children, i);

      if (c->kind == DESK_PROC_STEP)
        {
          g_autofree char *num = NULL;

          number++;
          num = c->label ? g_strdup (c->label)
                         : prefix ? g_strdup_printf ("%s.%u", prefix, number) : g_strdup_printf ("%u", number);
          if (!first)
            {
              GtkWidget *connector = vbox (0);

              gtk_widget_add_css_class (connector, "desk-step-connector");
              gtk_widget_set_halign (connector, GTK_ALIGN_START);
              gtk_box_append (GTK_BOX (parent), connector);
            }
          add_step (self, parent, c, num);
          first = FALSE;
        }
      else if (c->kind == DESK_PROC_STEP_SECTION)
        {
          _desk_procedure_viewer_heading (self, parent, c->text, "title-4");
          first = TRUE;
        }
    }
}

static void
add_step (DeskProcedureViewer *self,
          GtkWidget           *parent,
          DeskProcNode        *n,
          const char          *number)
{
  GtkWidget *row = hbox (10);
  GtkWidget *badge;
  GtkWidget *body = vbox (4);
  GtkWidget *chips = hbox (6);
  gboolean has_chips = FALSE;

  gtk_widget_add_css_class (row, "card");
  gtk_widget_add_css_class (row, "desk-step");
  if (n->optional)
    gtk_widget_add_css_class (row, "desk-step-optional");
  gtk_widget_set_margin_start (body, 0);
  g_object_set (row, "margin-top", 0, NULL);
  gtk_widget_set_margin_end (body, 10);
  gtk_widget_set_margin_top (body, 8);
  gtk_widget_set_margin_bottom (body, 8);

  badge = gtk_label_new (number);
  gtk_widget_add_css_class (badge, "desk-step-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_margin_start (badge, 8);
  gtk_widget_set_margin_top (badge, 8);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (row), body);

  _desk_procedure_viewer_add_label (self, body, n->text, NULL);

  if (n->role)
    {
      chip (self, chips, desk_procedure_role_name (self->procedure, n->role), NULL);
      has_chips = TRUE;
    }
  if (n->limit > 0)
    {
      g_autofree char *limit = _desk_procedure_viewer_limit_text (n->limit, n->unit);
      chip (self, chips, limit, "desk-chip-limit");
      has_chips = TRUE;
    }
  /* Said in words as well as by the lighter number; of alternatives,
   * none is required on its own. */
  if (n->optional || !self->in_alternatives)
    chip (self, chips, n->optional ? _("optional") : _("required"), NULL);
  if (n->target)
    {
      g_autofree char *form = g_strdup_printf (_("form 《%s》"), form_name (self, n->target));
      chip (self, chips, form, NULL);
    }
  (void)has_chips;
  gtk_box_append (GTK_BOX (body), chips);

  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);
      g_autofree char *text = NULL;

      switch (c->kind)
        {
        case DESK_PROC_INFO:
          _desk_procedure_viewer_add_label (self, body, c->text, "dim-label");
          break;
        case DESK_PROC_RESULT:
          text = g_strdup_printf (_("Result: %s"), c->text ? c->text : "");
          _desk_procedure_viewer_add_label (self, body, text, NULL);
          break;
        case DESK_PROC_CHOICES:
          {
            GtkWidget *grid = gtk_grid_new ();
            int row_index = 0;

            gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
            gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
            if (c->title || c->text)
              {
                GtkWidget *a = _desk_procedure_viewer_add_label (self, NULL, c->title, "heading");
                GtkWidget *b = _desk_procedure_viewer_add_label (self, NULL, c->text, "heading");

                if (a)
                  gtk_grid_attach (GTK_GRID (grid), a, 0, row_index, 1, 1);
                if (b)
                  gtk_grid_attach (GTK_GRID (grid), b, 1, row_index, 1, 1);
                row_index++;
              }
            for (guint j = 0; j < c->children->len; j++)
              {
                DeskProcNode *o = g_ptr_array_index (c->children, j);
                g_autofree char *bullet = o->title ? g_strdup (o->title) : g_strdup ("•");
                GtkWidget *a = _desk_procedure_viewer_add_label (self, NULL, bullet, o->title ? "heading" : NULL);
                GtkWidget *b = _desk_procedure_viewer_add_label (self, NULL, o->text, NULL);

                gtk_widget_set_hexpand (a, FALSE);
                gtk_grid_attach (GTK_GRID (grid), a, 0, row_index, 1, 1);
                if (b)
                  gtk_grid_attach (GTK_GRID (grid), b, 1, row_index, 1, 1);
                row_index++;
              }
            _desk_procedure_viewer_add_label (self, body, _("Choose one:"), "caption-heading");
            gtk_box_append (GTK_BOX (body), grid);
          }
          break;
        case DESK_PROC_ALTERNATIVES:
          {
            GtkWidget *alt = vbox (4);

            _desk_procedure_viewer_add_label (self, body, _("Do one of these:"), "caption-heading");
            gtk_widget_set_margin_start (alt, 12);
            self->in_alternatives = TRUE;
            add_steps (self, alt, c->children, number);
            self->in_alternatives = FALSE;
            gtk_box_append (GTK_BOX (body), alt);
          }
          break;
        case DESK_PROC_NOTE:
          add_note (self, body, c);
          break;
        case DESK_PROC_HAZARD:
          add_hazard (self, body, c);
          break;
        case DESK_PROC_FOREIGN:
          _desk_procedure_viewer_add_foreign (self, body, c);
          break;
        default:
          break;
        }
    }

  /* Substeps: a chain of their own inside the step. */
  {
    gboolean any = FALSE;

    for (guint i = 0; i < n->children->len; i++)
      any |= ((DeskProcNode *)g_ptr_array_index (n->children, i))->kind == DESK_PROC_STEP;
    if (any)
      {
        GtkWidget *sub = vbox (0);

        gtk_widget_set_margin_top (sub, 4);
        add_steps (self, sub, n->children, number);
        gtk_box_append (GTK_BOX (body), sub);
      }
  }

  gtk_box_append (GTK_BOX (parent), row);
}

static const char *
part_title (const char *variant)
{
  if (g_strcmp0 (variant, "prereq") == 0)
    return _("Before you start");
  if (g_strcmp0 (variant, "result") == 0)
    return _("Result");
  if (g_strcmp0 (variant, "postreq") == 0)
    return _("Afterwards");
  if (g_strcmp0 (variant, "example") == 0)
    return _("Example");
  return NULL;
}

static void
add_flow (DeskProcedureViewer *self,
          GtkWidget           *parent,
          DeskProcNode        *n,
          int                  depth)
{
  GtkWidget *box = vbox (0);
  g_autofree char *title = NULL;

  /* Translators: the heading of an operation flow (作业流程) */
  title = g_strdup_printf (_("Flow: %s"), n->title ? n->title : _("steps"));
  _desk_procedure_viewer_heading (self, parent, title, "title-3");
  if (n->role)
    {
      g_autofree char *who = g_strdup_printf (_("Carried out by %s"), desk_procedure_role_name (self->procedure, n->role));
      _desk_procedure_viewer_add_label (self, parent, who, "dim-label");
    }

  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_PART && g_strcmp0 (c->variant, "result") != 0 && g_strcmp0 (c->variant, "postreq") != 0)
        {
          _desk_procedure_viewer_heading (self, parent, part_title (c->variant), "heading");
          _desk_procedure_viewer_add_blocks (self, parent, c->children, depth + 1);
        }
      else if (c->kind == DESK_PROC_NOTE)
        add_note (self, parent, c);
      else if (c->kind == DESK_PROC_HAZARD)
        add_hazard (self, parent, c);
      else if (c->kind == DESK_PROC_FOREIGN)
        _desk_procedure_viewer_add_foreign (self, parent, c);
    }

  gtk_widget_set_margin_top (box, 6);
  add_steps (self, box, n->children, NULL);
  gtk_box_append (GTK_BOX (parent), box);

  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_PART && (g_strcmp0 (c->variant, "result") == 0 || g_strcmp0 (c->variant, "postreq") == 0))
        {
          _desk_procedure_viewer_heading (self, parent, part_title (c->variant), "heading");
          _desk_procedure_viewer_add_blocks (self, parent, c->children, depth + 1);
        }
    }
}

/* Scripts: each line a card; its branches are cards beside it, each with
 * a button to the line the call goes on with. */

static void
go_to_line_cb (GtkButton           *button,
               DeskProcedureViewer *self)
{
  GtkWidget *target = g_hash_table_lookup (self->anchors, g_object_get_data (G_OBJECT (button), "target"));
  graphene_point_t point;

  if (target && gtk_widget_compute_point (target, self->page, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

      gtk_adjustment_set_value (adj, point.y - 24);
      gtk_widget_grab_focus (target);
    }
}

static void
add_script (DeskProcedureViewer *self,
            GtkWidget           *parent,
            DeskProcNode        *n)
{
  g_autofree char *title = NULL;
  GtkWidget *box = vbox (8);

  /* Translators: the heading of a call script (话术) */
  title = g_strdup_printf (_("Call script: %s"), n->title ? n->title : "");
  _desk_procedure_viewer_heading (self, parent, title, "title-3");

  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *line = g_ptr_array_index (n->children, i);
      GtkWidget *card = vbox (6);
      GtkWidget *branches;
      const char *speaker = line->role ? line->role : n->role;
      g_autofree char *who = NULL;

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "desk-script-line");
      gtk_widget_set_focusable (card, TRUE);
      if (line->id)
        g_hash_table_insert (self->anchors, g_strdup (line->id), card);
      who = g_strdup_printf ("%u · %s", i + 1, speaker ? desk_procedure_role_name (self->procedure, speaker) : _("Speaker"));
      _desk_procedure_viewer_add_label (self, card, who, "caption-heading");
      _desk_procedure_viewer_add_label (self, card, line->text, NULL);

      branches = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (branches), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (branches), 3);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (branches), TRUE);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (branches), 8);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (branches), 8);
      for (guint j = 0; j < line->children->len; j++)
        {
          DeskProcNode *b = g_ptr_array_index (line->children, j);
          GtkWidget *bcard = vbox (4);
          g_autofree char *answer = g_strdup_printf (_("If: %s"), b->title ? b->title : "");

          gtk_widget_add_css_class (bcard, "desk-branch");
          gtk_widget_set_valign (bcard, GTK_ALIGN_START);
          _desk_procedure_viewer_add_label (self, bcard, answer, "desk-branch-answer");
          _desk_procedure_viewer_add_label (self, bcard, b->text, NULL);
          if (b->target)
            {
              g_autofree char *go = NULL;
              GtkWidget *button;
              guint k;

              for (k = 0; k < n->children->len; k++)
                if (g_strcmp0 (((DeskProcNode *)g_ptr_array_index (n->children, k))->id, b->target) == 0)
                  break;
              /* Translators: a button that scrolls to another line of the call script */
              go = k < n->children->len ? g_strdup_printf (_("→ Go on with line %u"), k + 1)
                                        : g_strdup_printf (_("→ Go on with “%s”"), b->target);
              button = gtk_button_new_with_label (go);
              gtk_widget_add_css_class (button, "flat");
              gtk_widget_set_halign (button, GTK_ALIGN_START);
              g_object_set_data_full (G_OBJECT (button), "target", g_strdup (b->target), g_free);
              g_signal_connect (button, "clicked", G_CALLBACK (go_to_line_cb), self);
              gtk_box_append (GTK_BOX (bcard), button);
            }
          gtk_flow_box_append (GTK_FLOW_BOX (branches), bcard);
        }
      if (line->children->len > 0)
        gtk_box_append (GTK_BOX (card), branches);
      else
        g_object_ref_sink (branches), g_object_unref (branches);
      gtk_box_append (GTK_BOX (box), card);
    }
  gtk_box_append (GTK_BOX (parent), box);
}

void
_desk_procedure_viewer_add_blocks (DeskProcedureViewer *self,
                                   GtkWidget           *box,
                                   GPtrArray           *list,
                                   int                  depth)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);

      if (self->labels->len >= MAX_LABELS)
        {
          if (!self->truncated)
            {
              GtkWidget *note = level_box (self, DESK_PROC_LEVEL_NOTICE, _("The procedure goes on"));

              _desk_procedure_viewer_add_label (self, note, _("This procedure is too long to show whole here. Print it or export it "
                                                              "to PDF to read the rest; search still finds all of it."), NULL);
              gtk_box_append (GTK_BOX (box), note);
              self->truncated = TRUE;
            }
          return;
        }

      switch (n->kind)
        {
        case DESK_PROC_CLAUSE:
          {
            GtkWidget *clause = vbox (6);
            GtkWidget *head = hbox (8);
            static const char *levels[] = { "title-2", "title-3", "title-4", "heading" };
            const char *level = levels[MIN (depth, 3)];

            /* Numbered items without a title read as a list: label and
             * text on one line. */
            if (n->title == NULL && n->children->len == 1 &&
                ((DeskProcNode *)g_ptr_array_index (n->children, 0))->kind == DESK_PROC_PARAGRAPH)
              {
                GtkWidget *label = _desk_procedure_viewer_add_label (self, head, n->label, "desk-clause-label");

                if (label)
                  gtk_widget_set_hexpand (label, FALSE);
                _desk_procedure_viewer_add_label (self, head, ((DeskProcNode *)g_ptr_array_index (n->children, 0))->text, NULL);
                gtk_box_append (GTK_BOX (box), head);
                break;
              }
            if (n->label)
              {
                g_autofree char *css = g_strconcat ("desk-clause-label ", level, NULL);
                GtkWidget *label = _desk_procedure_viewer_add_label (self, head, n->label, css);

                gtk_widget_set_hexpand (label, FALSE);
              }
            _desk_procedure_viewer_add_label (self, head, n->title, level);
            gtk_widget_add_css_class (head, "desk-section-heading");
            gtk_box_append (GTK_BOX (clause), head);
            gtk_widget_set_margin_start (clause, depth > 0 ? 12 : 0);
            _desk_procedure_viewer_add_blocks (self, clause, n->children, depth + 1);
            gtk_box_append (GTK_BOX (box), clause);
          }
          break;
        case DESK_PROC_PARAGRAPH:
          _desk_procedure_viewer_add_label (self, box, n->text, NULL);
          break;
        case DESK_PROC_NOTE:
          add_note (self, box, n);
          break;
        case DESK_PROC_FLOW:
          add_flow (self, box, n, depth);
          break;
        case DESK_PROC_HAZARD:
          add_hazard (self, box, n);
          break;
        case DESK_PROC_SCRIPT:
          add_script (self, box, n);
          break;
        case DESK_PROC_FOREIGN:
          _desk_procedure_viewer_add_foreign (self, box, n);
          break;
        default:
          _desk_procedure_viewer_add_label (self, box, n->text, NULL);
          break;
        }
    }
}
