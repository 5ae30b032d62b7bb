/* desk-procedure-viewer.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedure-viewer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "desk-procedure-print.h"
#include "desk-procedure-viewer.h"
#include "desk-types.h"

/* The document is built from widgets each time the procedure or the zoom
 * changes: procedures are a few hundred blocks, and rebuilding keeps the
 * code one simple walk over the model.  Every label is remembered with
 * its text, for find-in-document and zoom (a Pango scale attribute). */

#define MIN_ZOOM 0.5
#define MAX_ZOOM 2.5
/* Widgets for a whole manual are cheap; for a 10 MB procedure they are
 * not: past this many labels the rest is left out, and said so. */
#define MAX_LABELS 3000

struct _DeskProcedureViewer
{
  AdwBin               parent_instance;

  DeskProcedure       *procedure;
  int                  revision;
  int                  latest;
  GtkWidget           *bar;
  double               zoom;

  GtkWidget           *find_entry;
  GtkWidget           *find_status;
  GtkWidget           *zoom_label;
  GtkWidget           *scroller;
  GtkWidget           *page;
  GtkWidget           *empty;
  GtkWidget           *stack;

  GPtrArray           *labels;      /* GtkLabel, not owned; in document order */
  GHashTable          *anchors;     /* script line id -> GtkWidget */
  GArray              *matches;     /* Match */
  guint                current;
  char                *query;
  gboolean             in_alternatives; /* while drawing steps of which one is done */
  gboolean             truncated;
};

typedef struct
{
  GtkLabel *label;
  guint     start;                   /* bytes */
  guint     end;
} Match;

G_DEFINE_FINAL_TYPE (DeskProcedureViewer, desk_procedure_viewer, ADW_TYPE_BIN)

static void build (DeskProcedureViewer *self);
static void find_changed_cb (GtkSearchEntry *entry, DeskProcedureViewer *self);
static void add_blocks (DeskProcedureViewer *self, GtkWidget *box, GPtrArray *list, int depth);

/* Labels */

static void
apply_attributes (DeskProcedureViewer *self,
                  GtkLabel            *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (self->zoom));
  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    {
      Match *m = &g_array_index (self->matches, Match, i);
      PangoAttribute *a;

      if (m->label != label)
        continue;
      /* Black on yellow reads in the light and the dark style alike. */
      a = pango_attr_background_new (i == self->current ? 0xffff : 0xf800,
                                     i == self->current ? 0x9000 : 0xe000,
                                     i == self->current ? 0x0000 : 0x4000);
      a->start_index = m->start;
      a->end_index = m->end;
      pango_attr_list_insert (attrs, a);
      a = pango_attr_foreground_new (0, 0, 0);
      a->start_index = m->start;
      a->end_index = m->end;
      pango_attr_list_insert (attrs, a);
      if (i == self->current)
        {
          a = pango_attr_underline_new (PANGO_UNDERLINE_DOUBLE);
          a->start_index = m->start;
          a->end_index = m->end;
          pango_attr_list_insert (attrs, a);
        }
    }
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static GtkWidget *
add_label (DeskProcedureViewer *self,
           GtkWidget           *box,
           const char          *text,
           const char          *css_class)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return NULL;
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class)
    {
      g_auto(GStrv) classes = g_strsplit (css_class, " ", -1);
      for (guint i = 0; classes[i]; i++)
        gtk_widget_add_css_class (label, classes[i]);
    }
  apply_attributes (self, GTK_LABEL (label));
  g_ptr_array_add (self->labels, label);
  if (box)
    gtk_box_append (GTK_BOX (box), label);
  return label;
}

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
  GtkWidget *label = add_label (self, box, text, extra_class ? extra_class : "desk-chip");

  if (label)
    {
      gtk_widget_add_css_class (label, "desk-chip");
      gtk_widget_set_hexpand (label, FALSE);
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
    }
  return label;
}

static GtkWidget *
heading (DeskProcedureViewer *self,
         GtkWidget           *box,
         const char          *text,
         const char          *level)
{
  GtkWidget *label = add_label (self, box, text, level);

  if (label)
    gtk_widget_add_css_class (label, "desk-section-heading");
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

static char *
limit_text (int           limit,
            DeskLimitUnit unit)
{
  switch (unit)
    {
    case DESK_LIMIT_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d hour", "within %d hours", limit), limit);
    case DESK_LIMIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d working day", "within %d working days", limit), limit);
    case DESK_LIMIT_MINUTES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %d minute", "within %d minutes", limit), limit);
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
  label = add_label (self, head, word, "desk-hazard-level");
  gtk_widget_set_hexpand (label, FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  add_label (self, head, title, "heading");
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
  add_label (self, box, title, "heading");
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
          add_label (self, box, text, NULL);
          break;
        case DESK_PROC_AVOID:
          text = g_strdup_printf (_("How to avoid it: %s"), c->text ? c->text : "");
          add_label (self, box, text, NULL);
          break;
        case DESK_PROC_CHECK:
          /* Translators: a safety check to tick off; ☐ is an empty box */
          text = g_strdup_printf (_("☐ Check: %s"), c->text ? c->text : "");
          add_label (self, box, text, NULL);
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

  add_label (self, box, n->text, NULL);
  gtk_box_append (GTK_BOX (parent), box);
}

static void
add_foreign (DeskProcedureViewer *self,
             GtkWidget           *parent,
             DeskProcNode        *n)
{
  g_autofree char *title = g_strdup_printf (_("Kept from the original file (%s)"), n->variant ? n->variant : "XML");
  GtkWidget *expander = gtk_expander_new (title);
  GtkWidget *label = add_label (self, NULL, n->text, "monospace");

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
          heading (self, parent, c->text, "title-4");
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

  add_label (self, body, n->text, NULL);

  if (n->role)
    {
      chip (self, chips, desk_procedure_role_name (self->procedure, n->role), NULL);
      has_chips = TRUE;
    }
  if (n->limit > 0)
    {
      g_autofree char *limit = limit_text (n->limit, n->unit);
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
          add_label (self, body, c->text, "dim-label");
          break;
        case DESK_PROC_RESULT:
          text = g_strdup_printf (_("Result: %s"), c->text ? c->text : "");
          add_label (self, body, text, NULL);
          break;
        case DESK_PROC_CHOICES:
          {
            GtkWidget *grid = gtk_grid_new ();
            int row_index = 0;

            gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
            gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
            if (c->title || c->text)
              {
                GtkWidget *a = add_label (self, NULL, c->title, "heading");
                GtkWidget *b = add_label (self, NULL, c->text, "heading");

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
                GtkWidget *a = add_label (self, NULL, bullet, o->title ? "heading" : NULL);
                GtkWidget *b = add_label (self, NULL, o->text, NULL);

                gtk_widget_set_hexpand (a, FALSE);
                gtk_grid_attach (GTK_GRID (grid), a, 0, row_index, 1, 1);
                if (b)
                  gtk_grid_attach (GTK_GRID (grid), b, 1, row_index, 1, 1);
                row_index++;
              }
            add_label (self, body, _("Choose one:"), "caption-heading");
            gtk_box_append (GTK_BOX (body), grid);
          }
          break;
        case DESK_PROC_ALTERNATIVES:
          {
            GtkWidget *alt = vbox (4);

            add_label (self, body, _("Do one of these:"), "caption-heading");
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
          add_foreign (self, body, c);
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
  heading (self, parent, title, "title-3");
  if (n->role)
    {
      g_autofree char *who = g_strdup_printf (_("Carried out by %s"), desk_procedure_role_name (self->procedure, n->role));
      add_label (self, parent, who, "dim-label");
    }

  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_PART && g_strcmp0 (c->variant, "result") != 0 && g_strcmp0 (c->variant, "postreq") != 0)
        {
          heading (self, parent, part_title (c->variant), "heading");
          add_blocks (self, parent, c->children, depth + 1);
        }
      else if (c->kind == DESK_PROC_NOTE)
        add_note (self, parent, c);
      else if (c->kind == DESK_PROC_HAZARD)
        add_hazard (self, parent, c);
      else if (c->kind == DESK_PROC_FOREIGN)
        add_foreign (self, parent, c);
    }

  gtk_widget_set_margin_top (box, 6);
  add_steps (self, box, n->children, NULL);
  gtk_box_append (GTK_BOX (parent), box);

  for (guint i = 0; i < n->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (n->children, i);

      if (c->kind == DESK_PROC_PART && (g_strcmp0 (c->variant, "result") == 0 || g_strcmp0 (c->variant, "postreq") == 0))
        {
          heading (self, parent, part_title (c->variant), "heading");
          add_blocks (self, parent, c->children, depth + 1);
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
  heading (self, parent, title, "title-3");

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
      add_label (self, card, who, "caption-heading");
      add_label (self, card, line->text, NULL);

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
          add_label (self, bcard, answer, "desk-branch-answer");
          add_label (self, bcard, b->text, NULL);
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

static void
add_blocks (DeskProcedureViewer *self,
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

              add_label (self, note, _("This procedure is too long to show whole here. Print it or export it "
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
                GtkWidget *label = add_label (self, head, n->label, "desk-clause-label");

                if (label)
                  gtk_widget_set_hexpand (label, FALSE);
                add_label (self, head, ((DeskProcNode *)g_ptr_array_index (n->children, 0))->text, NULL);
                gtk_box_append (GTK_BOX (box), head);
                break;
              }
            if (n->label)
              {
                g_autofree char *css = g_strconcat ("desk-clause-label ", level, NULL);
                GtkWidget *label = add_label (self, head, n->label, css);

                gtk_widget_set_hexpand (label, FALSE);
              }
            add_label (self, head, n->title, level);
            gtk_widget_add_css_class (head, "desk-section-heading");
            gtk_box_append (GTK_BOX (clause), head);
            gtk_widget_set_margin_start (clause, depth > 0 ? 12 : 0);
            add_blocks (self, clause, n->children, depth + 1);
            gtk_box_append (GTK_BOX (box), clause);
          }
          break;
        case DESK_PROC_PARAGRAPH:
          add_label (self, box, n->text, NULL);
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
          add_foreign (self, box, n);
          break;
        default:
          add_label (self, box, n->text, NULL);
          break;
        }
    }
}

static const char *
signoff_label (const char *role)
{
  if (g_strcmp0 (role, "written-by") == 0)
    return _("Written by");
  if (g_strcmp0 (role, "checked-by") == 0)
    return _("Checked by");
  if (g_strcmp0 (role, "approved-by") == 0)
    return _("Approved by");
  if (g_strcmp0 (role, "issued-by") == 0)
    return _("Issued by");
  return role;
}

static GtkWidget *
table (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "desk-role-table");
  return grid;
}

static void
cell (DeskProcedureViewer *self,
      GtkWidget           *grid,
      const char          *text,
      int                  column,
      int                  row,
      const char          *css)
{
  GtkWidget *label = add_label (self, NULL, text ? text : "", css);

  if (label == NULL)
    label = gtk_label_new ("");
  gtk_widget_set_hexpand (label, column > 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
}

static void
build (DeskProcedureViewer *self)
{
  DeskProcedure *p = self->procedure;
  GtkWidget *page = vbox (8);
  g_autoptr(GString) meta = g_string_new (NULL);

  g_ptr_array_set_size (self->labels, 0);
  g_hash_table_remove_all (self->anchors);
  self->truncated = FALSE;
  if (self->matches)
    g_array_set_size (self->matches, 0);

  gtk_widget_add_css_class (page, "desk-procedure-page");
  self->page = page;
  if (p == NULL)
    {
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), NULL);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty);
      return;
    }

  add_label (self, page, p->title, "title-1");
  g_string_append (meta, p->code);
  if (self->revision > 0)
    {
      g_string_append (meta, " · ");
      /* Translators: the revision number of a stored procedure */
      g_string_append_printf (meta, _("revision %d"), self->revision);
    }
  if (self->revision > 0 && self->latest > self->revision)
    {
      g_string_append (meta, " · ");
      /* Translators: said of an older revision of a procedure */
      g_string_append_printf (meta, _("not the latest (revision %d is)"), self->latest);
    }
  if (p->edition)
    g_string_append_printf (meta, " · %s", p->edition);
  if (p->revised)
    g_string_append_printf (meta, " · %s", p->revised);
  if (p->category)
    g_string_append_printf (meta, " · %s", p->category);
  add_label (self, page, meta->str, "desk-procedure-meta");
  if (p->signoffs->len > 0)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < p->signoffs->len; i++)
        {
          DeskProcSignoff *so = g_ptr_array_index (p->signoffs, i);

          g_string_append_printf (s, "%s%s: %s%s%s", s->len ? "   " : "", signoff_label (so->role),
                                  so->name ? so->name : "________", so->date ? " " : "", so->date ? so->date : "");
        }
      add_label (self, page, s->str, "desk-procedure-meta caption");
    }
  add_label (self, page, p->summary, NULL);

  if (p->purpose->len > 0)
    {
      heading (self, page, _("Purpose"), "title-2");
      add_blocks (self, page, p->purpose, 1);
    }
  if (p->scope->len > 0)
    {
      heading (self, page, _("Scope"), "title-2");
      add_blocks (self, page, p->scope, 1);
    }
  if (p->terms->len > 0)
    {
      GtkWidget *grid = table ();

      heading (self, page, _("Terms and definitions"), "title-2");
      for (guint i = 0; i < p->terms->len; i++)
        {
          DeskProcTerm *t = g_ptr_array_index (p->terms, i);

          cell (self, grid, t->term, 0, i, "heading");
          cell (self, grid, t->definition, 1, i, NULL);
        }
      gtk_box_append (GTK_BOX (page), grid);
    }
  if (p->roles->len > 0)
    {
      GtkWidget *grid = table ();
      int row = 1;

      heading (self, page, _("Responsibilities"), "title-2");
      cell (self, grid, _("Role"), 0, 0, "desk-table-head");
      cell (self, grid, _("Responsible for"), 1, 0, "desk-table-head");
      for (guint i = 0; i < p->roles->len; i++)
        {
          DeskProcRole *r = g_ptr_array_index (p->roles, i);
          g_autoptr(GString) duties = g_string_new (NULL);

          for (guint j = 0; j < r->duties->len; j++)
            g_string_append_printf (duties, "%s• %s", j ? "\n" : "", (char *)g_ptr_array_index (r->duties, j));
          cell (self, grid, r->name, 0, row, "heading");
          cell (self, grid, duties->str, 1, row, NULL);
          row++;
        }
      gtk_box_append (GTK_BOX (page), grid);
    }

  add_blocks (self, page, p->body, 0);

  if (p->forms->len > 0)
    {
      GtkWidget *grid = table ();

      heading (self, page, _("Forms"), "title-2");
      for (guint i = 0; i < p->forms->len; i++)
        {
          DeskProcForm *f = g_ptr_array_index (p->forms, i);
          g_autofree char *name = g_strdup_printf ("《%s》", f->name ? f->name : "");

          cell (self, grid, name, 0, i, "heading");
          cell (self, grid, f->description, 1, i, NULL);
        }
      gtk_box_append (GTK_BOX (page), grid);
    }
  if (p->rules->len > 0)
    {
      GtkWidget *grid = table ();

      heading (self, page, _("Time limits"), "title-2");
      cell (self, grid, _("Rule"), 0, 0, "desk-table-head");
      cell (self, grid, _("Who"), 1, 0, "desk-table-head");
      cell (self, grid, _("Limit"), 2, 0, "desk-table-head");
      cell (self, grid, _("Fine"), 3, 0, "desk-table-head");
      for (guint i = 0; i < p->rules->len; i++)
        {
          DeskProcRule *r = g_ptr_array_index (p->rules, i);
          g_autofree char *limit = limit_text (r->rule.limit, r->rule.unit);
          g_autofree char *fine = r->fine > 0 ? g_strdup_printf (_("¥%d %s"), r->fine, r->fine_note ? r->fine_note : "")
                                              : g_strdup ("—");

          cell (self, grid, r->rule.name, 0, i + 1, NULL);
          cell (self, grid, desk_role_get_label (r->rule.role), 1, i + 1, NULL);
          cell (self, grid, limit, 2, i + 1, NULL);
          cell (self, grid, fine, 3, i + 1, NULL);
        }
      gtk_box_append (GTK_BOX (page), grid);
    }
  for (guint i = 0; i < p->foreign->len; i++)
    add_foreign (self, page, g_ptr_array_index (p->foreign, i));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), page);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->scroller);
}

/* Find */

static void
update_find_status (DeskProcedureViewer *self)
{
  g_autofree char *status = NULL;

  if (self->query == NULL || *self->query == '\0')
    status = g_strdup ("");
  else if (self->matches->len == 0)
    status = g_strdup (_("Not found"));
  else
    /* Translators: the current match and how many there are */
    status = g_strdup_printf (_("%u of %u"), self->current + 1, self->matches->len);
  gtk_label_set_text (GTK_LABEL (self->find_status), status);
}

static void
scroll_to_current (DeskProcedureViewer *self)
{
  Match *m;
  graphene_point_t point;

  if (self->matches->len == 0)
    return;
  m = &g_array_index (self->matches, Match, self->current);
  if (gtk_widget_compute_point (GTK_WIDGET (m->label), self->page, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
      double page = gtk_adjustment_get_page_size (adj);

      gtk_adjustment_set_value (adj, point.y - page / 3);
    }
}

static void
refresh_labels (DeskProcedureViewer *self)
{
  for (guint i = 0; i < self->labels->len; i++)
    apply_attributes (self, g_ptr_array_index (self->labels, i));
}

guint
desk_procedure_viewer_find (DeskProcedureViewer *self,
                            const char          *text)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (DESK_IS_PROCEDURE_VIEWER (self), 0);

  /* @text may be self->query itself (a new procedure, searched again). */
  text = g_strdup (text);
  g_free (self->query);
  self->query = (char *)text;
  g_array_set_size (self->matches, 0);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)), text ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (self->find_entry, find_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->find_entry, find_changed_cb, self);
    }
  self->current = 0;

  if (text != NULL && *text != '\0')
    {
      /* Case-folding keeps byte offsets for Chinese and most Latin text;
       * where it would not, the label is compared as it is. */
      needle = g_utf8_casefold (text, -1);
      for (guint i = 0; i < self->labels->len; i++)
        {
          GtkLabel *label = g_ptr_array_index (self->labels, i);
          const char *hay = gtk_label_get_text (label);
          g_autofree char *folded = g_utf8_casefold (hay, -1);
          const char *base = strlen (folded) == strlen (hay) ? folded : hay;
          const char *found = base;

          while ((found = strstr (found, needle)) != NULL)
            {
              Match m = { label, found - base, found - base + strlen (needle) };

              g_array_append_val (self->matches, m);
              found += strlen (needle);
            }
        }
    }

  refresh_labels (self);
  update_find_status (self);
  scroll_to_current (self);
  return self->matches->len;
}

void
desk_procedure_viewer_find_next (DeskProcedureViewer *self,
                                 gboolean             backwards)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));

  if (self->matches->len == 0)
    return;
  self->current = (self->current + (backwards ? self->matches->len - 1 : 1)) % self->matches->len;
  refresh_labels (self);
  update_find_status (self);
  scroll_to_current (self);
}

static void
find_changed_cb (GtkSearchEntry      *entry,
                 DeskProcedureViewer *self)
{
  desk_procedure_viewer_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
find_next_cb (GtkWidget           *widget,
              DeskProcedureViewer *self)
{
  desk_procedure_viewer_find_next (self, FALSE);
}

static void
find_previous_cb (GtkWidget           *widget,
                  DeskProcedureViewer *self)
{
  desk_procedure_viewer_find_next (self, TRUE);
}

/* Zoom */

void
desk_procedure_viewer_set_zoom (DeskProcedureViewer *self,
                                double               zoom)
{
  g_autofree char *percent = NULL;

  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));

  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  percent = g_strdup_printf ("%d %%", (int)(self->zoom * 100 + 0.5));
  gtk_label_set_text (GTK_LABEL (self->zoom_label), percent);
  refresh_labels (self);
}

double
desk_procedure_viewer_get_zoom (DeskProcedureViewer *self)
{
  g_return_val_if_fail (DESK_IS_PROCEDURE_VIEWER (self), 1.0);
  return self->zoom;
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (widget);

  if (g_str_equal (action_name, "viewer.zoom-in"))
    desk_procedure_viewer_set_zoom (self, self->zoom * 1.2);
  else if (g_str_equal (action_name, "viewer.zoom-out"))
    desk_procedure_viewer_set_zoom (self, self->zoom / 1.2);
  else
    desk_procedure_viewer_set_zoom (self, 1.0);
}

/* Printing: the same cairo + pango renderer as PDF export. */
static void
begin_print_cb (GtkPrintOperation   *operation,
                GtkPrintContext     *context,
                DeskProcedurePrint  *print)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  int pages = desk_procedure_print_paginate (print, pango, gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, pages);
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              DeskProcedurePrint *print)
{
  desk_procedure_print_draw_page (print, gtk_print_context_get_cairo_context (context), page);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  DeskProcedurePrint *print;

  if (self->procedure == NULL)
    return;
  print = desk_procedure_print_new (self->procedure, self->revision);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, self->procedure->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), print);
  g_object_set_data_full (G_OBJECT (operation), "print", print, (GDestroyNotify)desk_procedure_print_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print %s: %s", self->procedure->code, error->message);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  desk_procedure_viewer_focus_find (DESK_PROCEDURE_VIEWER (widget));
}

void
desk_procedure_viewer_focus_find (DeskProcedureViewer *self)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));
  gtk_widget_grab_focus (self->find_entry);
}

void
desk_procedure_viewer_add_tool (DeskProcedureViewer *self,
                                GtkWidget           *widget)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));
  gtk_box_append (GTK_BOX (self->bar), widget);
}

void
desk_procedure_viewer_set_procedure (DeskProcedureViewer *self,
                                     DeskProcedure       *procedure,
                                     int                  revision,
                                     int                  latest)
{
  g_return_if_fail (DESK_IS_PROCEDURE_VIEWER (self));

  if (self->procedure != procedure)
    g_clear_pointer (&self->procedure, desk_procedure_free);
  self->procedure = procedure;
  self->revision = revision;
  self->latest = latest;
  build (self);
  if (self->query && *self->query)
    desk_procedure_viewer_find (self, self->query);
  else
    update_find_status (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

static void
load_css_once (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/org/servicedesk/ServiceDesk/desk-procedures.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&once, 1);
    }
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  if (action)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
desk_procedure_viewer_init (DeskProcedureViewer *self)
{
  GtkWidget *outer = vbox (0);
  GtkWidget *bar = hbox (4);
  GtkWidget *prev, *next;

  load_css_once ();
  self->zoom = 1.0;
  self->labels = g_ptr_array_new ();
  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));

  self->bar = bar;
  gtk_widget_add_css_class (bar, "toolbar");
  self->find_entry = gtk_search_entry_new ();
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->find_entry), NULL);
  g_object_set (self->find_entry, "placeholder-text", _("Find in procedure"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in procedure"), -1);
  gtk_widget_set_size_request (self->find_entry, 220, -1);
  g_signal_connect (self->find_entry, "search-changed", G_CALLBACK (find_changed_cb), self);
  g_signal_connect (self->find_entry, "activate", G_CALLBACK (find_next_cb), self);
  g_signal_connect (self->find_entry, "next-match", G_CALLBACK (find_next_cb), self);
  g_signal_connect (self->find_entry, "previous-match", G_CALLBACK (find_previous_cb), self);
  prev = icon_button ("go-up-symbolic", _("Previous match"), NULL);
  next = icon_button ("go-down-symbolic", _("Next match"), NULL);
  g_signal_connect (prev, "clicked", G_CALLBACK (find_previous_cb), self);
  g_signal_connect (next, "clicked", G_CALLBACK (find_next_cb), self);
  self->find_status = gtk_label_new ("");
  gtk_widget_add_css_class (self->find_status, "dim-label");
  gtk_widget_set_hexpand (self->find_status, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->find_status), 0);
  self->zoom_label = gtk_label_new ("100 %");
  gtk_widget_add_css_class (self->zoom_label, "numeric");

  gtk_box_append (GTK_BOX (bar), self->find_entry);
  gtk_box_append (GTK_BOX (bar), prev);
  gtk_box_append (GTK_BOX (bar), next);
  gtk_box_append (GTK_BOX (bar), self->find_status);
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-out-symbolic", _("Smaller text"), "viewer.zoom-out"));
  gtk_box_append (GTK_BOX (bar), self->zoom_label);
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-in-symbolic", _("Larger text"), "viewer.zoom-in"));
  gtk_box_append (GTK_BOX (bar), icon_button ("zoom-original-symbolic", _("Normal size"), "viewer.zoom-reset"));
  gtk_box_append (GTK_BOX (bar), icon_button ("printer-symbolic", _("Print or export to PDF"), "viewer.print"));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "accessories-dictionary-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Procedure Open"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("Choose a procedure from the list, or import one with “service-desk import FILE”."));
  self->stack = gtk_stack_new ();
  gtk_stack_add_child (GTK_STACK (self->stack), self->empty);
  gtk_stack_add_child (GTK_STACK (self->stack), self->scroller);
  gtk_widget_set_vexpand (self->stack, TRUE);

  gtk_box_append (GTK_BOX (outer), bar);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (outer), self->stack);
  adw_bin_set_child (ADW_BIN (self), outer);
  build (self);
}

static void
desk_procedure_viewer_dispose (GObject *object)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (object);

  g_clear_pointer (&self->procedure, desk_procedure_free);
  G_OBJECT_CLASS (desk_procedure_viewer_parent_class)->dispose (object);
}

static void
desk_procedure_viewer_finalize (GObject *object)
{
  DeskProcedureViewer *self = DESK_PROCEDURE_VIEWER (object);

  g_ptr_array_unref (self->labels);
  g_hash_table_unref (self->anchors);
  g_array_unref (self->matches);
  g_free (self->query);
  G_OBJECT_CLASS (desk_procedure_viewer_parent_class)->finalize (object);
}

static void
desk_procedure_viewer_class_init (DeskProcedureViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_procedure_viewer_dispose;
  object_class->finalize = desk_procedure_viewer_finalize;

  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-reset", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "viewer.print", NULL, print_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "viewer.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

GtkWidget *
desk_procedure_viewer_new (void)
{
  return g_object_new (DESK_TYPE_PROCEDURE_VIEWER, NULL);
}

