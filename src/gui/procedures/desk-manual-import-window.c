/* desk-manual-import-window.c
 *
 * The Import Manual window, opened by the main window for a manual (.txt,
 * .docx or .odt) dropped on it or chosen to import: checking and correcting
 * the structure desk-manual-import.c found, then saving it as a procedure
 * or a new revision of one.  The edits themselves are desk-manual-edit.c's;
 * how the two panes follow each other is told below.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual-import-window"

#include "config.h"

/* The import view: the manual's text on the left, the structure the
 * importer recognised on the right, linked both ways (selecting a part
 * marks its line in the text; moving the cursor in the text selects the
 * part that line belongs to).  The user corrects what the heuristics got
 * wrong (merge, split, change level, mark as flow, route, rule or
 * boilerplate) and saves: a new procedure, or a new revision of its code.
 * Lines left out of the content (boilerplate, repeated titles, tables of
 * contents) are struck through in the text. */

#include <glib/gi18n.h>

#include "desk-manual-edit.h"
#include "desk-manual-import-window.h"
#include "desk-procedure-store.h"

struct _DeskManualImportWindow
{
  AdwWindow         parent_instance;

  DeskDatabase     *database;
  DeskManualImport *import;
  char             *source;

  AdwToastOverlay  *toasts;
  GtkTextView      *text_view;
  GtkTextBuffer    *buffer;
  GtkListBox       *parts;
  GtkLabel         *status;
  gboolean          syncing;
};

G_DEFINE_FINAL_TYPE (DeskManualImportWindow, desk_manual_import_window, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  const char     *action;
  const char     *label;
  const char     *tooltip;
  DeskManualEdit  edit;
} EditButton;

static const EditButton edit_buttons[] = {
  { "import.merge", NC_("import action", "Merge"), N_("Merge with the part before (Ctrl+M)"), DESK_MANUAL_EDIT_MERGE },
  { "import.split", NC_("import action", "Split"), N_("Split into sentences, or a flow back into text (Ctrl+K)"), DESK_MANUAL_EDIT_SPLIT },
  { "import.outdent", NC_("import action", "Level Up"), N_("One level up (Alt+Left)"), DESK_MANUAL_EDIT_OUTDENT },
  { "import.indent", NC_("import action", "Level Down"), N_("One level down, into the clause before (Alt+Right)"), DESK_MANUAL_EDIT_INDENT },
  { "import.flow", NC_("import action", "Flow"), N_("Mark as a flow of steps (Ctrl+Shift+F)"), DESK_MANUAL_EDIT_FLOW },
  { "import.route", NC_("import action", "Route"), N_("Mark as an evacuation route (Ctrl+Shift+R)"), DESK_MANUAL_EDIT_ROUTE },
  { "import.rule", NC_("import action", "Rule"), N_("Propose the time limits in it as rules (Ctrl+Shift+L)"), DESK_MANUAL_EDIT_RULE },
  { "import.boilerplate", NC_("import action", "Boilerplate"), N_("Drop as boilerplate (Delete)"), DESK_MANUAL_EDIT_BOILERPLATE },
};

static const char *
kind_label (DeskProcKind kind)
{
  switch (kind)
    {
    case DESK_PROC_CLAUSE: return C_("manual part", "Clause");
    case DESK_PROC_PARAGRAPH: return C_("manual part", "Text");
    case DESK_PROC_FLOW: return C_("manual part", "Flow");
    case DESK_PROC_STEP: return C_("manual part", "Step");
    case DESK_PROC_HAZARD: return C_("manual part", "Hazard");
    case DESK_PROC_ROUTE: return C_("manual part", "Route");
    case DESK_PROC_WAYPOINT: return C_("manual part", "Waypoint");
    case DESK_PROC_SCRIPT: return C_("manual part", "Script");
    case DESK_PROC_LINE: return C_("manual part", "Question");
    case DESK_PROC_BRANCH: return C_("manual part", "Answer");
    default: return C_("manual part", "Other");
    }
}

static char *
part_text (DeskProcNode *n)
{
  GString *out = g_string_new (NULL);

  if (n->label)
    g_string_append_printf (out, "%s ", n->label);
  if (n->kind == DESK_PROC_FLOW && n->title == NULL)
    g_string_append_printf (out, ngettext ("%u step", "%u steps", n->children->len), n->children->len);
  if (n->title)
    g_string_append (out, n->title);
  if (n->title && n->text)
    g_string_append (out, n->kind == DESK_PROC_BRANCH ? ": " : " ");
  if (n->text)
    g_string_append (out, n->text);
  return g_string_free (out, FALSE);
}

static void
add_rows (DeskManualImportWindow *self,
          GPtrArray              *list,
          int                     depth)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);
      g_autofree char *text = part_text (n);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *kind = gtk_label_new (kind_label (n->kind));
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_margin_start (box, 12 + depth * 20);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_label_set_width_chars (GTK_LABEL (kind), 8);
      gtk_label_set_xalign (GTK_LABEL (kind), 0);
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      if (n->kind == DESK_PROC_CLAUSE)
        gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), kind);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, text);
      g_object_set_data (G_OBJECT (row), "node", n);
      gtk_list_box_append (self->parts, row);

      /* Steps and waypoints are shown in their flow's or route's row. */
      if (n->kind != DESK_PROC_FLOW && n->kind != DESK_PROC_ROUTE && n->kind != DESK_PROC_LINE)
        add_rows (self, n->children, depth + 1);
      else
        for (guint k = 0; k < n->children->len; k++)
          {
            DeskProcNode *c = g_ptr_array_index (n->children, k);
            g_autofree char *step = part_text (c);
            GtkWidget *step_row = gtk_list_box_row_new ();
            GtkWidget *step_label = gtk_label_new (NULL);
            g_autofree char *numbered = g_strdup_printf ("%u. %s", k + 1, step);

            gtk_label_set_text (GTK_LABEL (step_label), numbered);
            gtk_label_set_xalign (GTK_LABEL (step_label), 0);
            gtk_label_set_ellipsize (GTK_LABEL (step_label), PANGO_ELLIPSIZE_END);
            gtk_widget_set_margin_start (step_label, 12 + (depth + 1) * 20 + 8 * 8);
            gtk_widget_set_margin_top (step_label, 2);
            gtk_widget_set_margin_bottom (step_label, 2);
            gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (step_row), step_label);
            g_object_set_data (G_OBJECT (step_row), "node", c);
            gtk_list_box_append (self->parts, step_row);
          }
    }
}

static void
update_status (DeskManualImportWindow *self)
{
  DeskManualImport *m = self->import;
  g_autofree char *text =
    g_strdup_printf (_("Clauses %u · flows %u · routes %u · rules %u · forms %u · "
                       "characters dropped as boilerplate %u"),
                     m->n_clauses, m->n_flows, m->n_routes, m->procedure->rules->len,
                     m->procedure->forms->len, m->dropped_chars);

  gtk_label_set_text (self->status, text);
}

static void
rebuild (DeskManualImportWindow *self)
{
  GtkWidget *row;

  self->syncing = TRUE;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->parts))) != NULL)
    gtk_list_box_remove (self->parts, row);
  add_rows (self, self->import->procedure->purpose, 0);
  add_rows (self, self->import->procedure->scope, 0);
  add_rows (self, self->import->procedure->body, 0);
  self->syncing = FALSE;
  update_status (self);
}

/* Strikes through the source lines that were left out of the content. */
static void
mark_dropped_lines (DeskManualImportWindow *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "dropped", &start, &end);
  for (guint i = 0; i < self->import->dropped->len; i++)
    {
      DeskManualDropped *d = g_ptr_array_index (self->import->dropped, i);
      GtkTextIter line_end;

      if (d->line <= 0)
        continue;
      gtk_text_buffer_get_iter_at_line (self->buffer, &start, d->line - 1);
      line_end = start;
      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      /* Only whole lines: a dropped piece of a line stays readable. */
      {
        g_autofree char *line = gtk_text_buffer_get_text (self->buffer, &start, &line_end, FALSE);

        if (g_strcmp0 (g_strstrip (line), d->text) == 0)
          gtk_text_buffer_apply_tag_by_name (self->buffer, "dropped", &start, &line_end);
      }
    }
}

static void
highlight_line (DeskManualImportWindow *self,
                int                     line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "linked", &start, &end);
  if (line <= 0)
    return;
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line - 1);
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag_by_name (self->buffer, "linked", &start, &end);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, FALSE, 0, 0);
  g_object_set_data (G_OBJECT (self->buffer), "linked-line", GINT_TO_POINTER (line));
}

static void
row_selected_cb (DeskManualImportWindow *self,
                 GtkListBoxRow          *row)
{
  DeskProcNode *n = row ? g_object_get_data (G_OBJECT (row), "node") : NULL;

  if (self->syncing || n == NULL)
    return;
  self->syncing = TRUE;
  highlight_line (self, n->line);
  self->syncing = FALSE;
}

/* The part a source line belongs to: the last one starting at or before
 * it. */
static void
cursor_moved_cb (DeskManualImportWindow *self)
{
  GtkTextIter iter;
  GtkListBoxRow *best = NULL;
  int line, best_line = 0;

  if (self->syncing)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&iter) + 1;
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->parts)); w; w = gtk_widget_get_next_sibling (w))
    {
      DeskProcNode *n = g_object_get_data (G_OBJECT (w), "node");

      if (n && n->line > 0 && n->line <= line && n->line >= best_line)
        {
          /* The first part of the line wins over its steps. */
          if (n->line == best_line && best != NULL)
            continue;
          best = GTK_LIST_BOX_ROW (w);
          best_line = n->line;
        }
    }
  self->syncing = TRUE;
  if (best)
    gtk_list_box_select_row (self->parts, best);
  highlight_line (self, line);
  self->syncing = FALSE;
}

DeskProcNode *
desk_manual_import_window_get_selected (DeskManualImportWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->parts);

  return row ? g_object_get_data (G_OBJECT (row), "node") : NULL;
}

gboolean
desk_manual_import_window_select_node (DeskManualImportWindow *self,
                                       DeskProcNode           *node)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->parts)); w; w = gtk_widget_get_next_sibling (w))
    if (g_object_get_data (G_OBJECT (w), "node") == node)
      {
        gtk_list_box_select_row (self->parts, GTK_LIST_BOX_ROW (w));
        return TRUE;
      }
  return FALSE;
}

void
desk_manual_import_window_place_cursor (DeskManualImportWindow *self,
                                        int                     line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line - 1);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

int
desk_manual_import_window_get_linked_line (DeskManualImportWindow *self)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->buffer), "linked-line"));
}

DeskManualImport *
desk_manual_import_window_get_import (DeskManualImportWindow *self)
{
  return self->import;
}

gboolean
desk_manual_import_window_apply (DeskManualImportWindow *self,
                                 DeskManualEdit          edit)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->parts);
  DeskProcNode *n = row ? g_object_get_data (G_OBJECT (row), "node") : NULL;
  g_autoptr(GError) error = NULL;
  int index = row ? gtk_list_box_row_get_index (row) : 0;
  GtkListBoxRow *again;

  if (n == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Select a part of the structure first")));
      return FALSE;
    }
  if (!desk_manual_edit_apply (self->import, n, edit, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return FALSE;
    }
  rebuild (self);
  mark_dropped_lines (self);
  /* Keep the place: the row now where the changed one was. */
  again = gtk_list_box_get_row_at_index (self->parts, index);
  if (again == NULL && index > 0)
    again = gtk_list_box_get_row_at_index (self->parts, index - 1);
  if (again)
    gtk_list_box_select_row (self->parts, again);
  return TRUE;
}

int
desk_manual_import_window_save (DeskManualImportWindow  *self,
                                GError                 **error)
{
  int revision = desk_procedure_store_add (self->database, self->import->procedure, self->source,
                                           g_get_real_time () / G_USEC_PER_SEC, error);

  if (revision > 0)
    g_signal_emit (self, signals[SAVED], 0, self->import->procedure->code);
  return revision;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_buttons); i++)
    if (g_str_equal (edit_buttons[i].action, action_name))
      desk_manual_import_window_apply (DESK_MANUAL_IMPORT_WINDOW (widget), edit_buttons[i].edit);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskManualImportWindow *self = DESK_MANUAL_IMPORT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (desk_manual_import_window_save (self, &error) > 0)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
desk_manual_import_window_dispose (GObject *object)
{
  DeskManualImportWindow *self = DESK_MANUAL_IMPORT_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->import, desk_manual_import_free);
  g_clear_pointer (&self->source, g_free);
  G_OBJECT_CLASS (desk_manual_import_window_parent_class)->dispose (object);
}

static void
desk_manual_import_window_class_init (DeskManualImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { const char *action; guint key; GdkModifierType mods; } keys[] = {
    { "import.merge", GDK_KEY_m, GDK_CONTROL_MASK },
    { "import.split", GDK_KEY_k, GDK_CONTROL_MASK },
    { "import.outdent", GDK_KEY_Left, GDK_ALT_MASK },
    { "import.indent", GDK_KEY_Right, GDK_ALT_MASK },
    { "import.flow", GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "import.route", GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "import.rule", GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "import.boilerplate", GDK_KEY_Delete, 0 },
    { "import.save", GDK_KEY_s, GDK_CONTROL_MASK },
    { "window.close", GDK_KEY_Escape, 0 },
  };

  object_class->dispose = desk_manual_import_window_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  for (guint i = 0; i < G_N_ELEMENTS (edit_buttons); i++)
    gtk_widget_class_install_action (widget_class, edit_buttons[i].action, NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "import.save", NULL, save_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
}

static void
desk_manual_import_window_init (DeskManualImportWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *text_scroller = gtk_scrolled_window_new ();
  GtkWidget *parts_scroller = gtk_scrolled_window_new ();
  GtkWidget *status = gtk_label_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Import Manual"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "import.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save as a procedure, or as a new revision of its code (Ctrl+S)"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_add_css_class (toolbar, "toolbar");
  for (guint i = 0; i < G_N_ELEMENTS (edit_buttons); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (g_dpgettext2 (NULL, "import action", edit_buttons[i].label));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), edit_buttons[i].action);
      gtk_widget_set_tooltip_text (button, _(edit_buttons[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _(edit_buttons[i].tooltip), -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (GTK_BOX (toolbar), button);
    }
  gtk_box_append (GTK_BOX (content), toolbar);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The manual’s text"), -1);
  gtk_text_buffer_create_tag (self->buffer, "linked", "paragraph-background", "rgba(53,132,228,0.18)", NULL);
  gtk_text_buffer_create_tag (self->buffer, "dropped", "strikethrough", TRUE, "foreground", "#9a9996", NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_size_request (text_scroller, 320, -1);

  self->parts = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->parts, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->parts), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->parts), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The structure found"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (parts_scroller), GTK_WIDGET (self->parts));
  gtk_widget_set_size_request (parts_scroller, 320, -1);

  gtk_paned_set_start_child (GTK_PANED (paned), text_scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), parts_scroller);
  gtk_paned_set_position (GTK_PANED (paned), 500);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (content), paned);

  self->status = GTK_LABEL (status);
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_set_margin_start (status, 12);
  gtk_widget_set_margin_end (status, 12);
  gtk_widget_set_margin_top (status, 6);
  gtk_widget_set_margin_bottom (status, 6);
  gtk_box_append (GTK_BOX (content), status);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  g_signal_connect_swapped (self->parts, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->buffer, "notify::cursor-position", G_CALLBACK (cursor_moved_cb), self);
}

DeskManualImportWindow *
desk_manual_import_window_new (DeskDatabase     *database,
                               DeskManualImport *import,
                               const char       *source)
{
  DeskManualImportWindow *self = g_object_new (DESK_TYPE_MANUAL_IMPORT_WINDOW, NULL);
  GtkWidget *title = adw_window_title_new (_("Import Manual"), source);
  GtkWidget *header = gtk_widget_get_first_child (adw_toast_overlay_get_child (self->toasts));

  self->database = g_object_ref (database);
  self->import = import;
  self->source = g_strdup (source);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  self->syncing = TRUE;
  gtk_text_buffer_set_text (self->buffer, import->text, -1);
  self->syncing = FALSE;
  mark_dropped_lines (self);
  rebuild (self);
  return self;
}
