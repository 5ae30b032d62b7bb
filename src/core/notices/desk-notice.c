/* desk-notice.c
 *
 * DeskNotice: one issued rectification notice (整改通知书) as a GObject
 * holding its DeskNoticeData, with properties for list bindings, whether it
 * is open, and the names of its states.  Reading and writing notices is
 * desk-notice-store.c, their printed form desk-notice-render.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-notice.h"

/* A notice as a GObject, so that lists can hold it; the fields are read
 * through desk_notice_get_data(), the properties serve list bindings. */
struct _DeskNotice
{
  GObject        parent_instance;
  DeskNoticeData data;
};

G_DEFINE_FINAL_TYPE (DeskNotice, desk_notice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TICKET_NUMBER,
  PROP_RECIPIENT,
  PROP_PROBLEM,
  PROP_DUE_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
desk_notice_data_clear (DeskNoticeData *data)
{
  g_clear_pointer (&data->number, g_free);
  g_clear_pointer (&data->ticket_number, g_free);
  g_clear_pointer (&data->replaces_number, g_free);
  g_clear_pointer (&data->replaced_by_number, g_free);
  g_clear_pointer (&data->recipient, g_free);
  g_clear_pointer (&data->organisation, g_free);
  g_clear_pointer (&data->customer_name, g_free);
  g_clear_pointer (&data->customer_phone, g_free);
  g_clear_pointer (&data->site, g_free);
  g_clear_pointer (&data->problem, g_free);
  g_clear_pointer (&data->rectification, g_free);
  g_clear_pointer (&data->due_date, g_free);
  g_clear_pointer (&data->issued_by, g_free);
  g_clear_pointer (&data->rectified_by, g_free);
  g_clear_pointer (&data->verified_by, g_free);
}

static void
desk_notice_finalize (GObject *object)
{
  DeskNotice *self = (DeskNotice *)object;

  desk_notice_data_clear (&self->data);

  G_OBJECT_CLASS (desk_notice_parent_class)->finalize (object);
}

static void
desk_notice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskNotice *self = DESK_NOTICE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->data.number);
      break;
    case PROP_TICKET_NUMBER:
      g_value_set_string (value, self->data.ticket_number);
      break;
    case PROP_RECIPIENT:
      g_value_set_string (value, self->data.recipient);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->data.problem);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->data.due_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_notice_class_init (DeskNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_notice_finalize;
  object_class->get_property = desk_notice_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  STRING_PROP (PROP_NUMBER, "number");
  STRING_PROP (PROP_TICKET_NUMBER, "ticket-number");
  STRING_PROP (PROP_RECIPIENT, "recipient");
  STRING_PROP (PROP_PROBLEM, "problem");
  STRING_PROP (PROP_DUE_DATE, "due-date");
#undef STRING_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_notice_init (DeskNotice *self)
{
}

DeskNotice *
desk_notice_new_take (DeskNoticeData *data)
{
  DeskNotice *self = g_object_new (DESK_TYPE_NOTICE, NULL);

  self->data = *data;
  memset (data, 0, sizeof *data);
  return self;
}

const DeskNoticeData *
desk_notice_get_data (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return &self->data;
}

gint64
desk_notice_get_id (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), 0);
  return self->data.id;
}

const char *
desk_notice_get_number (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->data.number;
}

gboolean
desk_notice_is_open (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), FALSE);
  return self->data.state == DESK_NOTICE_ISSUED && self->data.replaced_by_number == NULL;
}

const char *
desk_notice_state_to_string (DeskNoticeState state)
{
  switch (state)
    {
    case DESK_NOTICE_ISSUED:
      return _("Issued");
    case DESK_NOTICE_RECTIFIED:
      return _("Rectified");
    case DESK_NOTICE_VERIFIED:
      return _("Verified");
    default:
      g_return_val_if_reached (NULL);
    }
}
