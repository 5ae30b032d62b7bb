/* desk-procedures-view.c
 *
 * The Procedures area: a browser beside the procedure viewer, with search,
 * the recently used and all procedures under category headings, and the
 * revision history popover put in the viewer's toolbar.  Opening a
 * procedure marks it used; how it is shown is the viewer's business
 * (desk-procedure-viewer.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-procedures-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-procedure-store.h"
#include "desk-procedures-view.h"
#include "desk-gui-private.h"

#define N_RECENT 5

struct _DeskProceduresView
{
  AdwBin               parent_instance;

  DeskDatabase        *database;

  GtkSearchEntry      *search_entry;
  GtkWidget           *recent_heading;
  GtkListBox          *recent_list;
  GtkWidget           *all_heading;
  GtkListBox          *list;
  DeskProcedureViewer *viewer;
  GtkWidget           *history_button;
  GtkListBox          *history_list;
  guint                n_shown;
  char                *shown_code;
};

G_DEFINE_FINAL_TYPE (DeskProceduresView, desk_procedures_view, ADW_TYPE_BIN)

static GtkWidget *
make_row (DeskProcedureInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: a procedure's code and revision in the list, e.g. "CS-SOP-001 · revision 2" */
  subtitle = g_strdup_printf (_("%s · revision %d"), info->code, info->revision);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (info->code), g_free);
  g_object_set_data_full (G_OBJECT (row), "category", g_strdup (info->category), g_free);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A heading above the first procedure of each category. */
static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  const char *category = g_object_get_data (G_OBJECT (row), "category");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "category") : NULL;
  GtkWidget *label;

  if (before != NULL && g_strcmp0 (category, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (category ? category : _("Other"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static int
by_category (gconstpointer a,
             gconstpointer b)
{
  const DeskProcedureInfo *x = *(DeskProcedureInfo **)a;
  const DeskProcedureInfo *y = *(DeskProcedureInfo **)b;
  int c;

  /* Uncategorised last. */
  if ((x->category == NULL) != (y->category == NULL))
    return x->category == NULL ? 1 : -1;
  c = g_strcmp0 (x->category, y->category);
  return c != 0 ? c : g_strcmp0 (x->code, y->code);
}

static void
reload (DeskProceduresView *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  clear_list (self->list);
  clear_list (self->recent_list);
  self->n_shown = 0;
  if (self->database == NULL)
    return;

  list = desk_procedure_store_list (self->database, *search ? search : NULL, &error);
  if (list == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_ptr_array_sort (list, by_category);
  for (guint i = 0; i < list->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (list, i)));
  self->n_shown = list->len;

  /* The recently used are a way in when nothing is searched for. */
  recent = *search ? NULL : desk_procedure_store_recent (self->database, N_RECENT, NULL);
  for (guint i = 0; recent && i < recent->len; i++)
    gtk_list_box_append (self->recent_list, make_row (g_ptr_array_index (recent, i)));
  gtk_widget_set_visible (self->recent_heading, recent && recent->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), recent && recent->len > 0);
  gtk_label_set_text (GTK_LABEL (self->all_heading), *search ? _("Found") : _("All Procedures"));
}

static gboolean
reload_recent_cb (gpointer data)
{
  DeskProceduresView *self = data;
  g_autoptr(GPtrArray) recent = NULL;

  if (self->database == NULL || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)))
    return G_SOURCE_REMOVE;
  recent = desk_procedure_store_recent (self->database, N_RECENT, NULL);
  clear_list (self->recent_list);
  for (guint i = 0; recent && i < recent->len; i++)
    gtk_list_box_append (self->recent_list, make_row (g_ptr_array_index (recent, i)));
  gtk_widget_set_visible (self->recent_heading, recent && recent->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), recent && recent->len > 0);
  return G_SOURCE_REMOVE;
}

static char *
format_time (gint64 when)
{
  g_autoptr(GDateTime) t = _desk_office_time (when);

  return t ? g_date_time_format (t, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/* The history popover: every revision, newest first; the one shown is
 * marked. */
static void
fill_history (DeskProceduresView *self,
              GPtrArray          *revisions,
              int                 shown)
{
  clear_list (self->history_list);
  for (guint i = revisions->len; i > 0; i--)
    {
      DeskProcedureRevision *r = g_ptr_array_index (revisions, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Revision %d"), r->revision);
      g_autofree char *imported = format_time (r->imported_at);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", imported, r->title,
                                                   r->source ? " · " : "", r->source ? r->source : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (r->revision == shown)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
      g_object_set_data (G_OBJECT (row), "revision", GINT_TO_POINTER (r->revision));
      gtk_list_box_append (self->history_list, row);
    }
}

gboolean
desk_procedures_view_open (DeskProceduresView *self,
                           const char         *code,
                           int                 revision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autofree char *code_copy = g_strdup (code);
  DeskProcedure *p;
  int loaded = 0;
  int latest;

  g_return_val_if_fail (DESK_IS_PROCEDURES_VIEW (self), FALSE);

  if (self->database == NULL)
    return FALSE;
  p = desk_procedure_store_load (self->database, code, revision, &loaded, &error);
  if (p == NULL)
    {
      g_debug ("%s", error->message);
      return FALSE;
    }
  revisions = desk_procedure_store_revisions (self->database, code, NULL);
  latest = revisions && revisions->len > 0
           ? ((DeskProcedureRevision *)g_ptr_array_index (revisions, revisions->len - 1))->revision : loaded;
  desk_procedure_viewer_set_procedure (self->viewer, p, loaded, latest);
  g_free (self->shown_code);
  self->shown_code = g_steal_pointer (&code_copy);
  if (revisions)
    fill_history (self, revisions, loaded);
  gtk_widget_set_sensitive (self->history_button, TRUE);
  if (!desk_procedure_store_mark_used (self->database, code, g_get_real_time () / G_USEC_PER_SEC, &error))
    g_warning ("%s", error->message);
  /* Rebuilt once the caller (a row's signal, perhaps) is done. */
  g_idle_add_full (G_PRIORITY_DEFAULT, reload_recent_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static void
history_activated_cb (GtkListBox         *list,
                      GtkListBoxRow      *row,
                      DeskProceduresView *self)
{
  int revision = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "revision"));
  g_autofree char *code = g_strdup (self->shown_code);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->history_button));
  if (code != NULL)
    desk_procedures_view_open (self, code, revision);
}

static void
row_activated_cb (GtkListBox         *list,
                  GtkListBoxRow      *row,
                  DeskProceduresView *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  if (code != NULL)
    desk_procedures_view_open (self, code, 0);
}

static void
search_changed_cb (GtkSearchEntry     *entry,
                   DeskProceduresView *self)
{
  reload (self);
}

void
desk_procedures_view_search (DeskProceduresView *self,
                             const char         *text)
{
  g_return_if_fail (DESK_IS_PROCEDURES_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  reload (self);
}

guint
desk_procedures_view_get_n_shown (DeskProceduresView *self)
{
  g_return_val_if_fail (DESK_IS_PROCEDURES_VIEW (self), 0);
  return self->n_shown;
}

DeskProcedureViewer *
desk_procedures_view_get_viewer (DeskProceduresView *self)
{
  g_return_val_if_fail (DESK_IS_PROCEDURES_VIEW (self), NULL);
  return self->viewer;
}

static void
database_changed_cb (DeskDatabase       *database,
                     const char         *table,
                     gint64              id,
                     DeskProceduresView *self)
{
  if (g_strcmp0 (table, "procedures") == 0)
    reload (self);
}

void
desk_procedures_view_set_office (DeskProceduresView *self,
                                 DeskDatabase       *database)
{
  g_return_if_fail (DESK_IS_PROCEDURES_VIEW (self));

  if (self->database)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, 0);
  reload (self);
}

static void
desk_procedures_view_dispose (GObject *object)
{
  DeskProceduresView *self = DESK_PROCEDURES_VIEW (object);

  if (self->database)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  g_clear_pointer (&self->shown_code, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PROCEDURES_VIEW);
  G_OBJECT_CLASS (desk_procedures_view_parent_class)->dispose (object);
}

static void
desk_procedures_view_class_init (DeskProceduresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_procedures_view_dispose;

  g_type_ensure (DESK_TYPE_PROCEDURE_VIEWER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/servicedesk/ServiceDesk/desk-procedures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskProceduresView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskProceduresView, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, DeskProceduresView, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DeskProceduresView, all_heading);
  gtk_widget_class_bind_template_child (widget_class, DeskProceduresView, list);
  gtk_widget_class_bind_template_child (widget_class, DeskProceduresView, viewer);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
desk_procedures_view_init (DeskProceduresView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_cb, NULL, NULL);

  /* Revision history, in the viewer's toolbar. */
  self->history_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->history_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history_list), "boxed-list");
  g_signal_connect (self->history_list, "row-activated", G_CALLBACK (history_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->history_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
  gtk_widget_set_size_request (scroller, 360, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  self->history_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->history_button), "document-open-recent-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->history_button), popover);
  gtk_widget_set_tooltip_text (self->history_button, _("Revision history"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Revision history"), -1);
  gtk_widget_add_css_class (self->history_button, "flat");
  gtk_widget_set_sensitive (self->history_button, FALSE);
  desk_procedure_viewer_add_tool (self->viewer, self->history_button);
}
