/* desk-calendar-page.c
 *
 * The Calendar page of Preferences: a choice of work calendar (the office,
 * the 24-hour emergency crew, ...), its working hours for each weekday and
 * its holidays and make-up working days, runs of like days shown as one
 * row.  The hours and days are only shown here; Import… adds dates from an
 * iCalendar file to the calendar chosen.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-calendar-store.h"

#include "desk-calendar-page.h"
#include "desk-gui-private.h"

struct _DeskCalendarPage
{
  AdwPreferencesPage   parent_instance;

  DeskDatabase        *database;
  GtkStringList       *names;
  GPtrArray           *rows;        /* added to hours_group and days_group */
  gboolean             loading;

  /* Template widgets */
  AdwComboRow         *calendar_row;
  AdwPreferencesGroup *hours_group;
  AdwPreferencesGroup *days_group;
};

G_DEFINE_FINAL_TYPE (DeskCalendarPage, desk_calendar_page, ADW_TYPE_PREFERENCES_PAGE)

GtkWidget *
desk_calendar_page_new (DeskDatabase *database)
{
  DeskCalendarPage *self = g_object_new (DESK_TYPE_CALENDAR_PAGE, NULL);

  self->database = g_object_ref (database);
  desk_calendar_page_reload (self);
  return GTK_WIDGET (self);
}

static const char *
calendar_label (const char *name)
{
  if (g_strcmp0 (name, DESK_CALENDAR_OFFICE) == 0)
    return _("The office");
  if (g_strcmp0 (name, DESK_CALENDAR_EMERGENCY) == 0)
    return _("24-hour emergency crew");
  return name;
}

static void
add_row (DeskCalendarPage    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
format_date (const GDate *date)
{
  char text[64];

  /* Translators: a date, as strftime() formats it */
  g_date_strftime (text, sizeof text, C_("calendar day", "%a %-d %b %Y"), date);
  return g_strdup (text);
}

/* Runs of days with the same name and kind become one row. */
static void
show_days (DeskCalendarPage *self,
           DeskWorkCalendar *calendar)
{
  g_autoptr(GArray) days = desk_work_calendar_list_days (calendar);
  guint i = 0;

  if (days->len == 0)
    add_row (self, self->days_group, _("None"), _("Open on every day its hours say"));

  while (i < days->len)
    {
      const DeskWorkCalendarDay *first = &g_array_index (days, DeskWorkCalendarDay, i);
      const DeskWorkCalendarDay *last = first;
      g_autofree char *from = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GDate a, b;
      guint n = 1;

      while (i + n < days->len)
        {
          const DeskWorkCalendarDay *next = &g_array_index (days, DeskWorkCalendarDay, i + n);

          if (next->julian != last->julian + 1 || next->workday != first->workday ||
              g_strcmp0 (next->name, first->name) != 0)
            break;
          last = next;
          n++;
        }

      g_date_clear (&a, 1);
      g_date_set_julian (&a, first->julian);
      g_date_clear (&b, 1);
      g_date_set_julian (&b, last->julian);
      from = format_date (&a);
      if (n > 1)
        {
          g_autofree char *to = format_date (&b);
          /* Translators: a range of dates */
          subtitle = g_strdup_printf (C_("calendar days", "%s – %s"), from, to);
        }
      else
        subtitle = g_steal_pointer (&from);

      title = g_strdup (first->name && *first->name ? first->name
                        : first->workday ? _("Make-up working day")
                        : g_dngettext (GETTEXT_PACKAGE, "Holiday", "Holidays", n));
      {
        g_autofree char *dates = g_steal_pointer (&subtitle);
        const char *kind = first->workday ? _("Make-up working day")
                                          : g_dngettext (GETTEXT_PACKAGE, "Holiday", "Holidays", n);

        /* Translators: what kind of day(s), then their dates */
        subtitle = g_strdup_printf (C_("calendar days", "%s · %s"), kind, dates);
      }
      add_row (self, self->days_group, title, subtitle);
      i += n;
    }
}

static void
show_calendar (DeskCalendarPage *self,
               const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskWorkCalendar) calendar = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);

  calendar = desk_calendar_store_load (self->database, name, &error);
  if (calendar == NULL)
    {
      add_row (self, self->hours_group, _("Could not read the calendar"), error->message);
      return;
    }

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    {
      static const char *weekdays[] = {
        NULL, NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
        NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
        NC_("weekday", "Sunday"),
      };
      g_autofree char *hours = NULL;
      const char *weekday = g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[d]);
      int open, close;

      desk_work_calendar_get_hours (calendar, d, &open, &close);
      if (open >= close)
        hours = g_strdup (C_("opening hours", "Closed"));
      else if (open == 0 && close == 24 * 60)
        hours = g_strdup (_("Around the clock"));
      else
        /* Translators: opening hours */
        hours = g_strdup_printf (C_("opening hours", "%02d:%02d – %02d:%02d"), open / 60, open % 60,
                                 close / 60, close % 60);
      add_row (self, self->hours_group, weekday, hours);
    }

  show_days (self, calendar);
}

static char *
selected_name (DeskCalendarPage *self)
{
  guint selected = adw_combo_row_get_selected (self->calendar_row);
  const char *name = gtk_string_list_get_string (self->names, selected);

  return g_strdup (name ? g_object_get_data (G_OBJECT (self->names), name) : DESK_CALENDAR_OFFICE);
}

void
desk_calendar_page_reload (DeskCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autofree char *current = NULL;
  guint selected = 0;

  g_return_if_fail (DESK_IS_CALENDAR_PAGE (self));

  current = gtk_string_list_get_string (self->names, 0) ? selected_name (self) : g_strdup (DESK_CALENDAR_OFFICE);

  self->loading = TRUE;
  calendars = desk_calendar_store_list (self->database, &error);
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)), NULL);
  for (guint i = 0; calendars != NULL && i < calendars->len; i++)
    {
      const DeskCalendarInfo *info = calendars->pdata[i];
      const char *label = calendar_label (info->name);

      /* Labels are what people see; the store knows calendars by name. */
      gtk_string_list_append (self->names, label);
      g_object_set_data_full (G_OBJECT (self->names), label, g_strdup (info->name), g_free);
      if (g_strcmp0 (info->name, current) == 0)
        selected = i;
    }
  adw_combo_row_set_selected (self->calendar_row, selected);
  self->loading = FALSE;

  show_calendar (self, current);
}

static void
desk_calendar_page_calendar_selected_cb (DeskCalendarPage *self)
{
  g_autofree char *name = NULL;

  if (self->loading || self->database == NULL)
    return;

  name = selected_name (self);
  show_calendar (self, name);
}

gboolean
desk_calendar_page_import (DeskCalendarPage *self,
                           GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = selected_name (self);
  guint n_days = 0, n_skipped = 0;

  if (!desk_calendar_store_import_file (self->database, name, file, &n_days, &n_skipped, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("Could not import the calendar"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  desk_calendar_page_reload (self);
  _desk_widget_add_toast (GTK_WIDGET (self),
                          g_dngettext (GETTEXT_PACKAGE, "%u date imported", "%u dates imported", n_days),
                          n_days);
  return TRUE;
}

static void
file_chosen_cb (GtkNativeDialog  *chooser,
                int               response,
                DeskCalendarPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      desk_calendar_page_import (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
desk_calendar_page_import_cb (DeskCalendarPage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Holidays"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  _desk_file_chooser_start_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_pattern (filter, "*.ini");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
desk_calendar_page_dispose (GObject *object)
{
  DeskCalendarPage *self = DESK_CALENDAR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CALENDAR_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (desk_calendar_page_parent_class)->dispose (object);
}

static void
desk_calendar_page_class_init (DeskCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_calendar_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/servicedesk/ServiceDesk/desk-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, hours_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCalendarPage, days_group);
  gtk_widget_class_bind_template_callback (widget_class, desk_calendar_page_calendar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_calendar_page_import_cb);
}

static void
desk_calendar_page_init (DeskCalendarPage *self)
{
  self->rows = g_ptr_array_new ();
  self->names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->calendar_row, G_LIST_MODEL (self->names));
}
