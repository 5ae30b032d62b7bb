/* desk-callback-month.c
 *
 * The month grid of the Callbacks area: six weeks of day buttons, Monday
 * first, each with its counts of due, done and missed calls in words, today
 * and the selected day marked, keyboard moves and callbacks dropped on a
 * day.  It only shows what it is given; the counts are read and the drops
 * carried out by desk-callbacks-view.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-month"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-callback-month.h"
#include "desk-callback-store.h"
#include "desk-gui-private.h"

#define N_CELLS 42

typedef struct
{
  GtkWidget *button;
  GtkWidget *number;
  GtkWidget *due;
  GtkWidget *done;
  GtkWidget *missed;
  GDate      date;
} Cell;

struct _DeskCallbackMonth
{
  GtkWidget   parent_instance;

  GtkWidget  *grid;
  Cell        cells[N_CELLS];
  GDate       first_shown;   /* the Monday on or before the 1st */
  GDate       selected;
  GDate       today;
  GHashTable *counts;        /* "YYYY-MM-DD" -> DeskCallbackDayCount */
};

G_DEFINE_FINAL_TYPE (DeskCallbackMonth, desk_callback_month, GTK_TYPE_WIDGET)

enum {
  DAY_SELECTED,
  MONTH_CHANGED,
  CALLBACK_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const weekday_names[] = {
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
  NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
};

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static void
format_day (const GDate *day,
            char         out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day));
}

char *
desk_callback_month_dup_title (DeskCallbackMonth *self)
{
  g_return_val_if_fail (DESK_IS_CALLBACK_MONTH (self), NULL);

  /* Translators: the month grid's title: month name, year ("November 2026") */
  return g_strdup_printf (C_("month title", "%1$s %2$d"),
                          _(month_names[g_date_get_month (&self->selected) - 1]),
                          g_date_get_year (&self->selected));
}

static void
set_count_label (GtkWidget  *label,
                 guint       n,
                 const char *text)
{
  gtk_widget_set_visible (label, n > 0);
  if (n > 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
update_cells (DeskCallbackMonth *self)
{
  GDateMonth month = g_date_get_month (&self->selected);

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      char key[11], number[4];
      const DeskCallbackDayCount *count;
      g_autofree char *due = NULL;
      g_autofree char *done = NULL;
      g_autofree char *missed = NULL;
      g_autofree char *accessible = NULL;
      g_autoptr(GString) parts = g_string_new (NULL);
      gboolean is_today, is_selected;

      cell->date = self->first_shown;
      g_date_add_days (&cell->date, i);
      format_day (&cell->date, key);
      count = self->counts ? g_hash_table_lookup (self->counts, key) : NULL;
      is_today = g_date_valid (&self->today) && g_date_compare (&cell->date, &self->today) == 0;
      is_selected = g_date_compare (&cell->date, &self->selected) == 0;

      g_snprintf (number, sizeof number, "%d", g_date_get_day (&cell->date));
      gtk_label_set_text (GTK_LABEL (cell->number), number);

      due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due", "%u due", count ? count->due : 0),
                             count ? count->due : 0);
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", count ? count->done : 0),
                              count ? count->done : 0);
      missed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missed", "%u missed", count ? count->missed : 0),
                                count ? count->missed : 0);
      set_count_label (cell->due, count ? count->due : 0, due);
      set_count_label (cell->done, count ? count->done : 0, done);
      set_count_label (cell->missed, count ? count->missed : 0, missed);

      if (is_today)
        gtk_widget_add_css_class (cell->button, "desk-today");
      else
        gtk_widget_remove_css_class (cell->button, "desk-today");
      if (is_selected)
        gtk_widget_add_css_class (cell->button, "desk-selected-day");
      else
        gtk_widget_remove_css_class (cell->button, "desk-selected-day");
      if (g_date_get_month (&cell->date) != month)
        gtk_widget_add_css_class (cell->button, "desk-other-month");
      else
        gtk_widget_remove_css_class (cell->button, "desk-other-month");

      /* What a screen reader says: the date, "today", and the counts. */
      {
        g_autofree char *date = g_strdup_printf (C_("accessible day", "%1$d %2$s"),
                                                 g_date_get_day (&cell->date),
                                                 _(month_names[g_date_get_month (&cell->date) - 1]));
        g_string_append (parts, date);
      }
      if (is_today)
        g_string_append_printf (parts, ", %s", _("today"));
      if (count && count->due)
        g_string_append_printf (parts, ", %s", due);
      if (count && count->done)
        g_string_append_printf (parts, ", %s", done);
      if (count && count->missed)
        g_string_append_printf (parts, ", %s", missed);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, parts->str, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->button),
                                   GTK_ACCESSIBLE_STATE_SELECTED, is_selected, -1);
    }
}

static void
show_month_of_selected (DeskCallbackMonth *self)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&self->selected), g_date_get_year (&self->selected));
  /* Monday first, as Chinese calendars and ISO 8601 have it. */
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
  self->first_shown = first;
}

static void
select_day (DeskCallbackMonth *self,
            const GDate       *day,
            gboolean           focus)
{
  gboolean month_changed;

  g_return_if_fail (g_date_valid (day));

  month_changed = !g_date_valid (&self->selected) ||
                  g_date_get_month (day) != g_date_get_month (&self->selected) ||
                  g_date_get_year (day) != g_date_get_year (&self->selected);
  self->selected = *day;
  if (month_changed)
    {
      show_month_of_selected (self);
      g_clear_pointer (&self->counts, g_hash_table_unref);
    }
  update_cells (self);

  if (focus)
    {
      int index = g_date_days_between (&self->first_shown, &self->selected);

      if (index >= 0 && index < N_CELLS)
        gtk_widget_grab_focus (self->cells[index].button);
    }

  if (month_changed)
    g_signal_emit (self, signals[MONTH_CHANGED], 0);
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

void
desk_callback_month_select_day (DeskCallbackMonth *self,
                                const GDate       *day)
{
  g_return_if_fail (DESK_IS_CALLBACK_MONTH (self));

  select_day (self, day, FALSE);
}

void
desk_callback_month_get_selected (DeskCallbackMonth *self,
                                  GDate             *day)
{
  g_return_if_fail (DESK_IS_CALLBACK_MONTH (self));

  *day = self->selected;
}

void
desk_callback_month_get_range (DeskCallbackMonth *self,
                               char              *first,
                               char              *last)
{
  GDate end;

  g_return_if_fail (DESK_IS_CALLBACK_MONTH (self));

  end = self->first_shown;
  g_date_add_days (&end, N_CELLS - 1);
  format_day (&self->first_shown, first);
  format_day (&end, last);
}

void
desk_callback_month_set_today (DeskCallbackMonth *self,
                               const GDate       *today)
{
  g_return_if_fail (DESK_IS_CALLBACK_MONTH (self));

  self->today = *today;
  update_cells (self);
}

void
desk_callback_month_set_counts (DeskCallbackMonth *self,
                                GArray            *counts)
{
  g_return_if_fail (DESK_IS_CALLBACK_MONTH (self));

  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      DeskCallbackDayCount *copy = g_memdup2 (&g_array_index (counts, DeskCallbackDayCount, i),
                                              sizeof (DeskCallbackDayCount));
      g_hash_table_replace (self->counts, copy->day, copy);
    }
  update_cells (self);
}

void
desk_callback_month_move (DeskCallbackMonth *self,
                          int                days,
                          int                months)
{
  GDate day;
  gboolean focus;

  g_return_if_fail (DESK_IS_CALLBACK_MONTH (self));

  day = self->selected;
  if (days > 0)
    g_date_add_days (&day, days);
  else if (days < 0)
    g_date_subtract_days (&day, -days);
  if (months > 0)
    g_date_add_months (&day, months);
  else if (months < 0)
    g_date_subtract_months (&day, -months);

  focus = gtk_widget_has_focus (GTK_WIDGET (self)) ||
          gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
  select_day (self, &day, focus);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DeskCallbackMonth     *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      desk_callback_month_move (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      desk_callback_month_move (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      desk_callback_month_move (self, -7, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      desk_callback_month_move (self, 7, 0);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      desk_callback_month_move (self, 0, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      desk_callback_month_move (self, 0, 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (g_date_valid (&self->today))
        select_day (self, &self->today, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
cell_clicked_cb (GtkButton         *button,
                 DeskCallbackMonth *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    if (self->cells[i].button == GTK_WIDGET (button))
      {
        GDate day = self->cells[i].date;
        select_day (self, &day, TRUE);
        return;
      }
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         DeskCallbackMonth *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  for (guint i = 0; i < N_CELLS; i++)
    if (self->cells[i].button == button)
      {
        char day[11];

        format_day (&self->cells[i].date, day);
        g_signal_emit (self, signals[CALLBACK_DROPPED], 0, g_value_get_int64 (value), day);
        return TRUE;
      }
  return FALSE;
}

static GtkWidget *
count_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "desk-day-count");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
build_cells (DeskCallbackMonth *self)
{
  for (guint d = 0; d < G_N_ELEMENTS (weekday_names); d++)
    {
      GtkWidget *label = gtk_label_new (g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekday_names[d]));

      gtk_widget_add_css_class (label, "desk-weekday");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->grid), label, d, 0, 1, 1);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

      cell->button = gtk_button_new ();
      gtk_widget_add_css_class (cell->button, "desk-day");
      gtk_widget_add_css_class (cell->button, "flat");
      gtk_widget_set_hexpand (cell->button, TRUE);
      gtk_widget_set_vexpand (cell->button, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button),
                                      GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION, _("day"), -1);

      cell->number = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell->number), 0);
      gtk_widget_set_halign (cell->number, GTK_ALIGN_START);
      gtk_widget_add_css_class (cell->number, "desk-day-number");
      cell->due = count_label ("desk-count-due");
      cell->done = count_label ("desk-count-done");
      cell->missed = count_label ("desk-count-missed");

      gtk_widget_set_valign (box, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), cell->number);
      gtk_box_append (GTK_BOX (box), cell->due);
      gtk_box_append (GTK_BOX (box), cell->done);
      gtk_box_append (GTK_BOX (box), cell->missed);
      gtk_button_set_child (GTK_BUTTON (cell->button), box);

      g_signal_connect (cell->button, "clicked", G_CALLBACK (cell_clicked_cb), self);
      g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (cell->button, GTK_EVENT_CONTROLLER (drop));

      gtk_grid_attach (GTK_GRID (self->grid), cell->button, i % 7, 1 + i / 7, 1, 1);
    }
}

GtkWidget *
desk_callback_month_new (void)
{
  return g_object_new (DESK_TYPE_CALLBACK_MONTH, NULL);
}

static void
desk_callback_month_dispose (GObject *object)
{
  DeskCallbackMonth *self = (DeskCallbackMonth *)object;

  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (desk_callback_month_parent_class)->dispose (object);
}

static void
desk_callback_month_class_init (DeskCallbackMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_callback_month_dispose;

  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MONTH_CHANGED] = g_signal_new ("month-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CALLBACK_DROPPED] = g_signal_new ("callback-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "deskcallbackmonth");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
desk_callback_month_init (DeskCallbackMonth *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GDateTime) now = _desk_office_now ();

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), FALSE);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  build_cells (self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_date_clear (&self->today, 1);
  g_date_clear (&self->selected, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->selected = self->today;
  show_month_of_selected (self);
  update_cells (self);
}
