/* desk-notices-view.c
 *
 * The office's list of rectification notices: open, overdue or all, by
 * recipient and with search, a row each (newest first, at most 500).  The
 * rows and what their notice-row.* buttons do are shared with the ticket
 * detail's section in desk-ticket-notices.c; the window that holds the view
 * is desk-notices-window.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notices-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-notice-store.h"

#include "desk-notices-view.h"
#include "desk-ticket-notices.h"

/* An office has a few notices a day, so a list of rows (at most LIMIT,
 * newest first) is enough; the store filters and searches in SQL. */
#define LIMIT 500

struct _DeskNoticesView
{
  AdwBin        parent_instance;

  DeskDatabase *database;
  gint64        actor_id;
  gulong        changed_id;
  GStrv         recipients;  /* behind the recipient drop-down, after "everyone" */
  gboolean      filling;
  guint         n_shown;

  /* Template widgets */
  GtkDropDown    *filter_dropdown;
  GtkDropDown    *recipient_dropdown;
  GtkSearchEntry *search_entry;
  GtkStack       *list_stack;
  GtkLabel       *count_label;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (DeskNoticesView, desk_notices_view, ADW_TYPE_BIN)

/* The drop-down's order. */
static const DeskNoticeFilter filters[] = {
  DESK_NOTICE_FILTER_OPEN, DESK_NOTICE_FILTER_OVERDUE, DESK_NOTICE_FILTER_ALL,
};

static void
reload (DeskNoticesView *self)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  guint selected_filter = gtk_drop_down_get_selected (self->filter_dropdown);
  guint selected_recipient = gtk_drop_down_get_selected (self->recipient_dropdown);
  DeskNoticeQuery query = { .limit = LIMIT };
  GtkWidget *child;

  if (self->database == NULL || self->filling)
    return;

  query.filter = filters[MIN (selected_filter, G_N_ELEMENTS (filters) - 1)];
  if (self->recipients != NULL && selected_recipient > 0 &&
      selected_recipient <= g_strv_length (self->recipients))
    query.recipient = self->recipients[selected_recipient - 1];
  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  notices = desk_notice_store_list (self->database, &query, &error);
  if (notices == NULL)
    {
      g_warning ("Could not list the notices: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < notices->len; i++)
    gtk_list_box_append (self->list, _desk_notice_row_new (notices->pdata[i], TRUE));

  self->n_shown = notices->len;
  if (notices->len >= LIMIT)
    {
      g_autofree char *text = g_strdup_printf (_("The newest %u notices; search to find older ones"), LIMIT);
      gtk_label_set_label (self->count_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u notice", "%u notices", notices->len), notices->len);
      gtk_label_set_label (self->count_label, text);
    }
  gtk_stack_set_visible_child_name (self->list_stack, notices->len > 0 ? "list" : "empty");
}

/* The recipient drop-down: everyone, then each recipient by name; the
 * choice is kept across reloads when the recipient is still there. */
static void
fill_recipients (DeskNoticesView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->recipient_dropdown);
  guint keep = 0;
  GStrv recipients;

  if (self->recipients != NULL && selected > 0 && selected <= g_strv_length (self->recipients))
    chosen = g_strdup (self->recipients[selected - 1]);

  recipients = desk_notice_store_recipients (self->database, &error);
  if (recipients == NULL)
    {
      g_warning ("Could not list the notices’ recipients: %s", error->message);
      recipients = g_new0 (char *, 1);
    }
  g_strfreev (self->recipients);
  self->recipients = recipients;

  /* Translators: the first entry of the notices' recipient drop-down */
  gtk_string_list_append (names, _("All Recipients"));
  for (guint i = 0; self->recipients[i] != NULL; i++)
    {
      gtk_string_list_append (names, self->recipients[i]);
      if (g_strcmp0 (chosen, self->recipients[i]) == 0)
        keep = i + 1;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->recipient_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->recipient_dropdown, keep);
  self->filling = FALSE;
}

static void
desk_notices_view_query_changed_cb (DeskNoticesView *self)
{
  reload (self);
}

static void
database_changed_cb (DeskNoticesView *self,
                     const char      *table,
                     gint64           id,
                     DeskDatabase    *database)
{
  if (g_strcmp0 (table, "notices") != 0)
    return;

  fill_recipients (self);
  reload (self);
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DeskNoticesView *self = DESK_NOTICES_VIEW (widget);

  _desk_notice_row_action (widget, self->database, self->actor_id, action_name, parameter);
}

void
desk_notices_view_set_office (DeskNoticesView *self,
                              DeskDatabase    *database,
                              gint64           actor_id)
{
  g_return_if_fail (DESK_IS_NOTICES_VIEW (self));
  g_return_if_fail (DESK_IS_DATABASE (database));

  if (self->database != database)
    {
      if (self->database != NULL)
        g_clear_signal_handler (&self->changed_id, self->database);
      g_set_object (&self->database, database);
      self->changed_id = g_signal_connect_swapped (database, "changed",
                                                   G_CALLBACK (database_changed_cb), self);
    }
  self->actor_id = actor_id;

  fill_recipients (self);
  reload (self);
}

void
desk_notices_view_set_query (DeskNoticesView  *self,
                             DeskNoticeFilter  filter,
                             const char       *recipient,
                             const char       *search)
{
  guint recipient_index = 0;

  g_return_if_fail (DESK_IS_NOTICES_VIEW (self));

  for (guint i = 0; recipient && self->recipients && self->recipients[i]; i++)
    if (g_str_equal (self->recipients[i], recipient))
      recipient_index = i + 1;

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (filters[i] == filter)
      gtk_drop_down_set_selected (self->filter_dropdown, i);
  gtk_drop_down_set_selected (self->recipient_dropdown, recipient_index);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");
  self->filling = FALSE;
  reload (self);
}

guint
desk_notices_view_get_n_shown (DeskNoticesView *self)
{
  g_return_val_if_fail (DESK_IS_NOTICES_VIEW (self), 0);
  return self->n_shown;
}

static void
desk_notices_view_dispose (GObject *object)
{
  DeskNoticesView *self = (DeskNoticesView *)object;

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->database);
  g_clear_pointer (&self->recipients, g_strfreev);

  G_OBJECT_CLASS (desk_notices_view_parent_class)->dispose (object);
}

static void
desk_notices_view_class_init (DeskNoticesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_notices_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-notices-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNoticesView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticesView, recipient_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticesView, list);
  gtk_widget_class_bind_template_callback (widget_class, desk_notices_view_query_changed_cb);

  gtk_widget_class_install_action (widget_class, "notice-row.print", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.export", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.correct", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.rectified", "x", row_action);
  gtk_widget_class_install_action (widget_class, "notice-row.verified", "x", row_action);
}

static void
desk_notices_view_init (DeskNoticesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
