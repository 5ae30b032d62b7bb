/* desk-callback-rows.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of the Callbacks area's lists: a factory that builds a row once
 * (time, customer, state, what and who, its menu and drag source) and
 * gives it a call each time the list view recycles it.
 */

#define G_LOG_DOMAIN "desk-callback-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-callback-rows.h"
#include "desk-gui-private.h"
#include "desk-office-store.h"

static GMenuModel *
row_menu (GPtrArray          *staff,
          const DeskCallback *b,
          gboolean            open)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenuItem) call = g_menu_item_new (_("_Call…"), NULL);

  g_menu_item_set_action_and_target_value (call, "callbacks.call", g_variant_new_int64 (b->id));
  g_menu_append_item (menu, call);
  if (open)
    {
      g_autoptr(GMenuItem) later = g_menu_item_new (_("A Working Day _Later"), NULL);
      g_autoptr(GMenuItem) earlier = g_menu_item_new (_("A Working Day _Earlier"), NULL);
      g_autoptr(GMenuItem) cancel = g_menu_item_new (_("Ca_ncel the Call"), NULL);
      g_autoptr(GMenu) people = g_menu_new ();
      g_autoptr(GMenuItem) assign = NULL;

      g_menu_item_set_action_and_target_value (later, "callbacks.later", g_variant_new_int64 (b->id));
      g_menu_item_set_action_and_target_value (earlier, "callbacks.earlier", g_variant_new_int64 (b->id));
      g_menu_item_set_action_and_target_value (cancel, "callbacks.cancel", g_variant_new_int64 (b->id));
      g_menu_append_item (moves, later);
      g_menu_append_item (moves, earlier);
      g_menu_append_item (moves, cancel);

      for (guint i = 0; staff != NULL && i < staff->len; i++)
        {
          DeskStaff *person = staff->pdata[i];
          g_autoptr(GMenuItem) entry = g_menu_item_new (desk_staff_get_name (person), NULL);

          g_menu_item_set_action_and_target_value (entry, "callbacks.reassign",
                                                   g_variant_new ("(xx)", b->id, desk_staff_get_id (person)));
          g_menu_append_item (people, entry);
        }
      assign = g_menu_item_new_submenu (_("_Assign To"), G_MENU_MODEL (people));
      g_menu_append_item (moves, assign);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
    }

  return G_MENU_MODEL (menu);
}

/* The row's menu, for the call it shows when the menu opens; the staff
 * list is the factory's (the view keeps it current). */
static void
open_menu_cb (GtkMenuButton *button,
              gpointer       user_data)
{
  GtkListItem *item = user_data;
  DeskCallbackItem *row = gtk_list_item_get_item (item);
  const DeskCallback *b = row != NULL ? desk_callback_item_get_callback (row) : NULL;
  GPtrArray **staff = g_object_get_data (G_OBJECT (button), "staff");
  g_autoptr(GMenuModel) menu = NULL;

  if (b == NULL)
    return;
  menu = row_menu (staff != NULL ? *staff : NULL, b,
                   b->state == DESK_CALLBACK_PLANNED || b->state == DESK_CALLBACK_MISSED);
  gtk_menu_button_set_menu_model (button, menu);
}

/* One row of a list, built once and given calls as the list scrolls. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line1 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *time, *name, *state, *detail, *menu_button;
  GtkDragSource *drag;

  time = gtk_label_new (NULL);
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (time, "heading");
  name = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  state = gtk_label_new (NULL);
  gtk_widget_add_css_class (state, "desk-badge");
  gtk_box_append (GTK_BOX (line1), time);
  gtk_box_append (GTK_BOX (line1), name);
  gtk_box_append (GTK_BOX (line1), state);

  detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (text), line1);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_widget_set_hexpand (text, TRUE);

  /* Everything the row can do, also from the keyboard. */
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("Call, Move or Assign"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Call, Move or Assign"), -1);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  /* Drag a planned call onto a day of the month to move it there. */
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));

  g_object_set_data (G_OBJECT (box), "time", time);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "state", state);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "menu", menu_button);
  g_object_set_data (G_OBJECT (box), "drag", drag);
  /* Its menu is built when it opens (see open_menu_cb), not at each bind:
   * a popover per bound row made a list of 200 rows take seconds. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), open_menu_cb, item, NULL);
  gtk_list_item_set_child (item, box);
}

char *
_desk_callback_describe_reason (const DeskCallback *b)
{
  if ((b->reason == DESK_CALLBACK_MANUAL || b->reason == DESK_CALLBACK_CAMPAIGN) &&
      b->note != NULL && *b->note != '\0')
    /* Translators: why a call is made: its reason, then what the clerk typed it is for */
    return g_strdup_printf (_("%s: %s"), desk_callback_reason_get_label (b->reason), b->note);

  return g_strdup (desk_callback_reason_get_label (b->reason));
}

static void
bind_row_cb (GtkSignalListItemFactory  *factory,
             GtkListItem               *item,
             GPtrArray                **staff)
{
  DeskCallbackItem *row = gtk_list_item_get_item (item);
  const DeskCallback *b = row != NULL ? desk_callback_item_get_callback (row) : NULL;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *state = g_object_get_data (G_OBJECT (box), "state");
  GtkEventController *drag = g_object_get_data (G_OBJECT (box), "drag");
  gboolean with_date = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "with-date"));
  const char *old_class = g_object_get_data (G_OBJECT (state), "state-class");
  g_autofree char *when = NULL;
  g_autofree char *details = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *accessible = NULL;
  GValue value = G_VALUE_INIT;
  gboolean open;

  if (old_class != NULL)
    gtk_widget_remove_css_class (state, old_class);

  if (b == NULL)
    {
      /* Gone since the list was counted: the next refresh drops it. */
      gtk_widget_set_visible (box, FALSE);
      return;
    }
  gtk_widget_set_visible (box, TRUE);

  open = b->state == DESK_CALLBACK_PLANNED || b->state == DESK_CALLBACK_MISSED;
  {
    g_autoptr(GDateTime) at = _desk_office_time (b->planned_at);

    when = g_date_time_format (at, with_date ? "%m-%d %H:%M" : "%H:%M");
  }
  reason = _desk_callback_describe_reason (b);
  details = g_strdup_printf ("%s%s%s · %s%s%s",
                             reason,
                             b->ticket_number ? " · " : "", b->ticket_number ? b->ticket_number : "",
                             b->customer_phone ? b->customer_phone : "",
                             b->assignee_name ? " · " : "", b->assignee_name ? b->assignee_name : "");

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "time"), when);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), b->customer_name);
  gtk_label_set_text (GTK_LABEL (state), desk_callback_state_get_label (b->state));
  g_object_set_data_full (G_OBJECT (state), "state-class",
                          g_strconcat ("desk-callback-", desk_callback_state_to_nick (b->state), NULL),
                          g_free);
  gtk_widget_add_css_class (state, g_object_get_data (G_OBJECT (state), "state-class"));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "detail"), details);

  g_object_set_data (g_object_get_data (G_OBJECT (box), "menu"), "staff", staff);

  accessible = g_strdup_printf ("%s %s, %s, %s", when, b->customer_name,
                                desk_callback_state_get_label (b->state), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (open)
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, b->id);
      gtk_drag_source_set_content (GTK_DRAG_SOURCE (drag), gdk_content_provider_new_for_value (&value));
      g_value_unset (&value);
    }
  gtk_event_controller_set_propagation_phase (drag, open ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  /* The menu names the call: no stale menu on a recycled row. */
  gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (box), "menu"), NULL);
  gtk_drag_source_set_content (g_object_get_data (G_OBJECT (box), "drag"), NULL);
}

void
_desk_callback_rows_set_up (GtkListView            *list,
                            DeskCallbackListModel  *model,
                            gboolean                with_date,
                            GPtrArray             **staff)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_object_set_data (G_OBJECT (factory), "with-date", GINT_TO_POINTER (with_date));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), staff);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (list, factory);
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));
  g_object_set_data_full (G_OBJECT (list), "desk-calls", g_object_ref (model), g_object_unref);
  g_object_unref (factory);
  g_object_unref (selection);
}

gboolean
_desk_callback_rows_set_range (GtkListView              *list,
                               const DeskCallbackRange  *range,
                               GError                  **error)
{
  DeskCallbackListModel *calls = g_object_get_data (G_OBJECT (list), "desk-calls");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  guint position = gtk_single_selection_get_selected (selection);
  gint64 selected_id = _desk_callback_rows_get_selected_id (list);
  const DeskCallback *b;
  gboolean ok;

  DeskCallbackRange *shown = g_object_get_data (G_OBJECT (list), "desk-range");
  gboolean same = shown != NULL && shown->from == range->from && shown->to == range->to &&
                  shown->open_only == range->open_only;
  GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  double scrolled = scroll != NULL && same ? gtk_adjustment_get_value (scroll) : 0;

  /* Nothing selected while the rows change: a single selection looks for
   * its selected item among all the rows added, which would read every
   * page of a list of 90,000 calls.  The call is selected again where it
   * was if it is still there, and a list refreshed (the same range) stays
   * scrolled where it was. */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  ok = desk_callback_list_model_set_range (calls, range, error);
  g_object_set_data_full (G_OBJECT (list), "desk-range", g_memdup2 (range, sizeof *range), g_free);
  if (scroll != NULL && scrolled > 0)
    gtk_adjustment_set_value (scroll, scrolled);
  if (selected_id != 0 && position >= g_list_model_get_n_items (G_LIST_MODEL (calls)) &&
      position < desk_callback_list_model_get_total (calls))
    desk_callback_list_model_show_all (calls);
  if (selected_id != 0 && gtk_single_selection_get_model (selection) != NULL &&
      position < g_list_model_get_n_items (G_LIST_MODEL (calls)) &&
      (b = _desk_callback_rows_get (list, position)) != NULL && b->id == selected_id)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), position, TRUE);
  return ok;
}

void
_desk_callback_rows_attach (GtkListView *list,
                            gboolean     attached)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  GListModel *calls = g_object_get_data (G_OBJECT (list), "desk-calls");
  GListModel *now = gtk_single_selection_get_model (selection);

  /* Shown again, a long list starts with the rows on screen (see
   * desk_callback_list_model_set_range): its tab opens at once. */
  if (attached && now != calls)
    {
      desk_callback_list_model_show_first (DESK_CALLBACK_LIST_MODEL (calls));
      gtk_single_selection_set_model (selection, calls);
    }
  else if (!attached && now != NULL)
    gtk_single_selection_set_model (selection, NULL);
}

const DeskCallback *
_desk_callback_rows_get (GtkListView *list,
             guint        position)
{
  /* The list's calls, also while its tab is not shown. */
  GListModel *model = g_object_get_data (G_OBJECT (list), "desk-calls");
  g_autoptr(DeskCallbackItem) item = model != NULL ? g_list_model_get_item (model, position) : NULL;

  /* The model keeps its pages: the call outlives this reference. */
  return item != NULL ? desk_callback_item_get_callback (item) : NULL;
}

gint64
_desk_callback_rows_get_selected_id (GtkListView *list)
{
  GtkSelectionModel *model = gtk_list_view_get_model (list);
  guint position;
  const DeskCallback *b;

  if (model == NULL)
    return 0;
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  if (position == GTK_INVALID_LIST_POSITION)
    return 0;
  b = _desk_callback_rows_get (list, position);
  return b != NULL ? b->id : 0;
}

/* Counts @range into @model, and says how many there are or that there
 * are none. */
