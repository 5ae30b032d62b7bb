/* desk-callback-ical.c
 *
 * The callback schedule as iCalendar (RFC 5545), written with libical: one
 * VEVENT a call, in UTC, with the customer, ticket, caller and state in its
 * text, and the export of a period's calls to a file.  Its own file to keep
 * libical out of the callback store; the calls are read with
 * desk_callback_store_list() (desk-callback-query.c).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-ical"

#include "config.h"

#include <libical/ical.h>

#include <glib/gi18n-lib.h>

#include "desk-callback-ical.h"
#include "desk-callback-store.h"

/* How long a call is shown in a calendar. */
#define CALL_MINUTES 10

static icalcomponent *
event_for (const DeskCallback *b,
           gint64              stamp)
{
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = g_strdup_printf ("callback-%" G_GINT64_FORMAT "@service-desk", b->id);
  g_autofree char *summary = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (b->ticket_number != NULL)
    summary = g_strdup_printf (_("Call %s (%s) about %s"), b->customer_name,
                               desk_callback_reason_get_label (b->reason), b->ticket_number);
  else
    summary = g_strdup_printf (_("Call %s (%s)"), b->customer_name,
                               desk_callback_reason_get_label (b->reason));

  if (b->customer_phone != NULL)
    g_string_append_printf (description, _("Phone: %s\n"), b->customer_phone);
  if (b->ticket_summary != NULL)
    g_string_append_printf (description, _("Ticket: %s %s\n"), b->ticket_number, b->ticket_summary);
  if (b->assignee_name != NULL)
    g_string_append_printf (description, _("Caller: %s\n"), b->assignee_name);
  if (b->campaign != NULL)
    g_string_append_printf (description, _("Campaign: %s\n"), b->campaign);
  g_string_append_printf (description, _("State: %s"), desk_callback_state_get_label (b->state));
  if (b->note != NULL)
    g_string_append_printf (description, "\n%s", b->note);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (icaltime_from_timet_with_zone (stamp, 0, utc)));
  icalcomponent_add_property (event, icalproperty_new_dtstart (icaltime_from_timet_with_zone (b->planned_at, 0, utc)));
  icalcomponent_add_property (event, icalproperty_new_dtend (icaltime_from_timet_with_zone (b->planned_at + CALL_MINUTES * 60, 0, utc)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description->str));
  icalcomponent_add_property (event, icalproperty_new_categories (desk_callback_reason_to_nick (b->reason)));
  icalcomponent_add_property (event, icalproperty_new_status (b->state == DESK_CALLBACK_CANCELLED
                                                              ? ICAL_STATUS_CANCELLED
                                                              : ICAL_STATUS_CONFIRMED));
  {
    icalproperty *state = icalproperty_new_x (desk_callback_state_to_nick (b->state));
    icalproperty_set_x_name (state, "X-SERVICE-DESK-STATE");
    icalcomponent_add_property (event, state);
  }

  return event;
}

char *
desk_callback_ical_from_list (GPtrArray *callbacks)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  gint64 stamp = g_get_real_time () / G_USEC_PER_SEC;
  char *text, *copy;

  g_return_val_if_fail (callbacks != NULL, NULL);

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Service Desk//Callbacks//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  for (guint i = 0; i < callbacks->len; i++)
    icalcomponent_add_component (calendar, event_for (callbacks->pdata[i], stamp));

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  /* libical's memory goes back through free (); hand out GLib memory. */
  copy = g_strdup (text);
  free (text);
  return copy;
}

gboolean
desk_callback_ical_export (DeskDatabase  *db,
                           gint64         from,
                           gint64         to,
                           const char    *person,
                           const char    *path,
                           guint         *n_written,
                           GError       **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  list = desk_callback_store_list (db, from, to, person, 0, error);
  if (list == NULL)
    return FALSE;

  text = desk_callback_ical_from_list (list);
  /* g_file_set_contents writes a temporary file and renames it. */
  if (!g_file_set_contents (path, text, -1, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = list->len;
  return TRUE;
}
