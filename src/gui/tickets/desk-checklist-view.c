/* desk-checklist-view.c
 *
 * The Procedure Checklists section of the ticket detail pane: each
 * procedure flow the ticket follows as a group of check rows (substeps
 * indented, who ticked each and when, how many are done), and a chooser
 * with Follow to take on another flow.  The ticks and the checklists are
 * kept by desk-checklist-store.c; this file only shows and sets them.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-checklist-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist-store.h"
#include "desk-checklist-view.h"
#include "desk-procedure-store.h"
#include "desk-gui-private.h"

struct _DeskChecklistView
{
  AdwBin        parent_instance;

  DeskDatabase *database;
  gint64        ticket_id;
  gint64        staff_id;

  GtkWidget    *box;
  GtkWidget    *lists;
  GtkWidget    *chooser;        /* GtkDropDown of "CODE · flow" */
  GtkStringList *choices;
  GPtrArray    *choice_codes;   /* char *, parallel to @choices */
  GArray       *choice_flows;   /* guint */
  GArray       *shown_ids;      /* gint64: the checklists in order */
  gboolean      choices_stale;  /* the procedures changed since the chooser was filled */
};

G_DEFINE_FINAL_TYPE (DeskChecklistView, desk_checklist_view, ADW_TYPE_BIN)

static void reload (DeskChecklistView *self);

static gboolean
reload_idle_cb (gpointer data)
{
  reload (data);
  return G_SOURCE_REMOVE;
}

static char *
format_tick (DeskChecklistItem *item)
{
  g_autoptr(GDateTime) t = NULL;
  g_autofree char *when = NULL;

  if (item->at == 0)
    return item->role ? g_strdup (item->role) : NULL;
  t = _desk_office_time (item->at);
  when = g_date_time_format (t, "%Y-%m-%d %H:%M");
  /* Translators: who ticked (or unticked) a checklist step, and when */
  return g_strdup_printf (item->done ? _("ticked by %s, %s") : _("unticked by %s, %s"),
                          item->staff_name ? item->staff_name : _("someone"), when);
}

static void
toggled_cb (GtkCheckButton    *button,
            DeskChecklistView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "list"));
  const char *step = g_object_get_data (G_OBJECT (button), "step");

  desk_checklist_view_tick (self, index, step, gtk_check_button_get_active (button));
}

static GtkWidget *
make_group (DeskChecklistView *self,
            DeskChecklist     *c,
            guint              index)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s", c->title, c->flow_title ? c->flow_title : "");
  /* Translators: a checklist's procedure code and the revision the ticket follows */
  g_autofree char *description = g_strdup_printf (_("%s, revision %d"), c->code, c->revision);
  guint done = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; i < c->items->len; i++)
    {
      DeskChecklistItem *item = g_ptr_array_index (c->items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *row_title = g_strdup_printf ("%s  %s%s", item->step, item->text ? item->text : "",
                                                    item->optional ? _(" (optional)") : "");
      g_autofree char *subtitle = format_tick (item);

      done += item->done;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (subtitle)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->done);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, row_title, -1);
      g_object_set_data (G_OBJECT (check), "list", GUINT_TO_POINTER (index));
      g_object_set_data_full (G_OBJECT (check), "step", g_strdup (item->step), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* Substeps stand in under their step. */
      gtk_widget_set_margin_start (check, 24 * item->depth);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  {
    g_autofree char *full = g_strdup_printf (_("%s · %u of %u done"), description, done, c->items->len);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), full);
  }
  return group;
}

static void
fill_chooser (DeskChecklistView *self)
{
  g_autoptr(GPtrArray) list = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  gtk_string_list_splice (self->choices, 0, n, NULL);
  g_ptr_array_set_size (self->choice_codes, 0);
  g_array_set_size (self->choice_flows, 0);
  if (self->database == NULL)
    return;
  list = desk_procedure_store_list (self->database, NULL, NULL);
  for (guint i = 0; list && i < list->len; i++)
    {
      DeskProcedureInfo *info = g_ptr_array_index (list, i);
      g_autoptr(DeskProcedure) p = desk_procedure_store_load (self->database, info->code, 0, NULL, NULL);
      g_autoptr(GPtrArray) flows = p ? desk_procedure_get_flows (p) : NULL;

      for (guint f = 0; flows && f < flows->len; f++)
        {
          DeskProcNode *flow = g_ptr_array_index (flows, f);
          g_autofree char *label = g_strdup_printf ("%s · %s", info->title, flow->title ? flow->title : info->code);

          gtk_string_list_append (self->choices, label);
          g_ptr_array_add (self->choice_codes, g_strdup (info->code));
          g_array_append_val (self->choice_flows, f);
        }
    }
}

static void
reload (DeskChecklistView *self)
{
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->lists)) != NULL)
    gtk_box_remove (GTK_BOX (self->lists), child);
  g_array_set_size (self->shown_ids, 0);
  if (self->database == NULL || self->ticket_id == 0)
    return;

  checklists = desk_checklist_store_for_ticket (self->database, self->ticket_id, &error);
  if (checklists == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  for (guint i = 0; i < checklists->len; i++)
    {
      DeskChecklist *c = g_ptr_array_index (checklists, i);

      g_array_append_val (self->shown_ids, c->id);
      gtk_box_append (GTK_BOX (self->lists), make_group (self, c, i));
    }
}

static void
database_changed_cb (DeskDatabase      *database,
                     const char        *table,
                     gint64             id,
                     DeskChecklistView *self)
{
  if (g_strcmp0 (table, "procedures") == 0)
    self->choices_stale = TRUE;
}

void
desk_checklist_view_set_ticket (DeskChecklistView *self,
                                DeskDatabase      *database,
                                gint64             ticket_id,
                                gint64             staff_id)
{
  g_return_if_fail (DESK_IS_CHECKLIST_VIEW (self));

  /* The chooser reads every procedure: only again when they changed,
   * not for every ticket shown. */
  if (self->database != database)
    {
      if (self->database)
        g_signal_handlers_disconnect_by_data (self->database, self);
      g_set_object (&self->database, database);
      if (database)
        g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, 0);
      self->choices_stale = TRUE;
    }
  self->ticket_id = ticket_id;
  self->staff_id = staff_id;
  if (self->choices_stale)
    {
      fill_chooser (self);
      self->choices_stale = FALSE;
    }
  reload (self);
}

gboolean
desk_checklist_view_attach (DeskChecklistView *self,
                            const char        *code,
                            guint              flow)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DESK_IS_CHECKLIST_VIEW (self), FALSE);

  if (self->database == NULL ||
      desk_checklist_store_attach (self->database, self->ticket_id, code, 0, flow, self->staff_id,
                                   g_get_real_time () / G_USEC_PER_SEC, &error) == 0)
    {
      if (error)
        g_debug ("%s", error->message);
      return FALSE;
    }
  reload (self);
  return TRUE;
}

gboolean
desk_checklist_view_tick (DeskChecklistView *self,
                          guint              index,
                          const char        *step,
                          gboolean           done)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DESK_IS_CHECKLIST_VIEW (self), FALSE);

  if (self->database == NULL || index >= self->shown_ids->len ||
      !desk_checklist_store_tick (self->database, g_array_index (self->shown_ids, gint64, index), step, done,
                                  self->staff_id, g_get_real_time () / G_USEC_PER_SEC, &error))
    {
      if (error)
        g_debug ("%s", error->message);
      return FALSE;
    }
  /* After the check button's signal: the rows are rebuilt. */
  g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static void
attach_clicked_cb (GtkButton         *button,
                   DeskChecklistView *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->chooser));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->choice_codes->len)
    return;
  desk_checklist_view_attach (self, g_ptr_array_index (self->choice_codes, selected),
                              g_array_index (self->choice_flows, guint, selected));
}

static void
desk_checklist_view_init (DeskChecklistView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Follow"));
  GtkWidget *heading = gtk_label_new (_("Procedure Checklists"));

  self->choice_codes = g_ptr_array_new_with_free_func (g_free);
  self->choice_flows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->shown_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->choices = gtk_string_list_new (NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->chooser = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->choices)), NULL);
  gtk_widget_set_hexpand (self->chooser, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Procedure flow to follow"), -1);
  gtk_widget_set_tooltip_text (button, _("Follow this flow as a checklist on the ticket"));
  g_signal_connect (button, "clicked", G_CALLBACK (attach_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->chooser);
  gtk_box_append (GTK_BOX (bar), button);
  self->lists = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_box_append (GTK_BOX (self->box), heading);
  gtk_box_append (GTK_BOX (self->box), bar);
  gtk_box_append (GTK_BOX (self->box), self->lists);
  adw_bin_set_child (ADW_BIN (self), self->box);
}

static void
desk_checklist_view_dispose (GObject *object)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (object);

  if (self->database)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (desk_checklist_view_parent_class)->dispose (object);
}

static void
desk_checklist_view_finalize (GObject *object)
{
  DeskChecklistView *self = DESK_CHECKLIST_VIEW (object);

  g_ptr_array_unref (self->choice_codes);
  g_array_unref (self->choice_flows);
  g_array_unref (self->shown_ids);
  g_object_unref (self->choices);
  G_OBJECT_CLASS (desk_checklist_view_parent_class)->finalize (object);
}

static void
desk_checklist_view_class_init (DeskChecklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_checklist_view_dispose;
  object_class->finalize = desk_checklist_view_finalize;
}

GtkWidget *
desk_checklist_view_new (void)
{
  return g_object_new (DESK_TYPE_CHECKLIST_VIEW, NULL);
}
