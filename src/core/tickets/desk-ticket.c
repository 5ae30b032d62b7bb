/* desk-ticket.c
 *
 * DeskTicket, the immutable snapshot of one ticket as read from the office
 * (DeskTicketData), with read-only properties for the strings that list
 * rows bind.  A change makes a new snapshot; nothing here touches the
 * database.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket"

#include "config.h"

#include <string.h>

#include "desk-ticket.h"

/* Plain data, with read-only properties for the strings that list rows
 * bind in .ui files. */
struct _DeskTicket
{
  GObject        parent_instance;
  DeskTicketData data;
};

G_DEFINE_FINAL_TYPE (DeskTicket, desk_ticket, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_SUMMARY,
  PROP_CUSTOMER_NAME,
  PROP_CATEGORY_NAME,
  PROP_DEPARTMENT_NAME,
  PROP_OWNER_NAME,
  PROP_REPEAT_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
desk_ticket_data_clear (DeskTicketData *data)
{
  g_clear_pointer (&data->number, g_free);
  g_clear_pointer (&data->customer_name, g_free);
  g_clear_pointer (&data->customer_phone, g_free);
  g_clear_pointer (&data->asset_label, g_free);
  g_clear_pointer (&data->category_name, g_free);
  g_clear_pointer (&data->department_name, g_free);
  g_clear_pointer (&data->owner_name, g_free);
  g_clear_pointer (&data->summary, g_free);
  g_clear_pointer (&data->description, g_free);
}

static void
desk_ticket_finalize (GObject *object)
{
  DeskTicket *self = (DeskTicket *)object;

  desk_ticket_data_clear (&self->data);

  G_OBJECT_CLASS (desk_ticket_parent_class)->finalize (object);
}

static void
desk_ticket_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskTicket *self = DESK_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->data.id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->data.number);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->data.summary);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->data.customer_name);
      break;
    case PROP_CATEGORY_NAME:
      g_value_set_string (value, self->data.category_name);
      break;
    case PROP_DEPARTMENT_NAME:
      g_value_set_string (value, self->data.department_name);
      break;
    case PROP_OWNER_NAME:
      g_value_set_string (value, self->data.owner_name);
      break;
    case PROP_REPEAT_COUNT:
      g_value_set_int (value, self->data.repeat_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_ticket_class_init (DeskTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_ticket_finalize;
  object_class->get_property = desk_ticket_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  STRING_PROP (PROP_NUMBER, "number");
  STRING_PROP (PROP_SUMMARY, "summary");
  STRING_PROP (PROP_CUSTOMER_NAME, "customer-name");
  STRING_PROP (PROP_CATEGORY_NAME, "category-name");
  STRING_PROP (PROP_DEPARTMENT_NAME, "department-name");
  STRING_PROP (PROP_OWNER_NAME, "owner-name");
  properties[PROP_REPEAT_COUNT] = g_param_spec_int ("repeat-count", NULL, NULL, 0, G_MAXINT, 1,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
#undef STRING_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_ticket_init (DeskTicket *self)
{
}

DeskTicket *
desk_ticket_new_take (DeskTicketData *data)
{
  DeskTicket *self = g_object_new (DESK_TYPE_TICKET, NULL);

  self->data = *data;
  memset (data, 0, sizeof *data);
  return self;
}

const DeskTicketData *
desk_ticket_get_data (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);
  return &self->data;
}

gint64
desk_ticket_get_id (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), 0);
  return self->data.id;
}

const char *
desk_ticket_get_number (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);
  return self->data.number;
}

gboolean
desk_ticket_is_open (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), FALSE);
  return self->data.status != DESK_STATUS_CLOSED;
}
