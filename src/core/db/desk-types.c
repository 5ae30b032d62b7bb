/* desk-types.c
 *
 * The nicks, by way of the generated enum types (desk-enums), and the
 * translated labels of the enums of desk-types.h: roles, asset kinds,
 * ticket kinds, statuses, severities and channels.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-enums.h"
#include "desk-types.h"

/* Nicks are what the database stores; they come from the generated enum
 * types so that C, SQL and GSettings all spell them the same way. */
const char *
desk_enum_to_nick (GType type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : NULL;
}

gboolean
desk_enum_from_nick (GType       type,
                     const char *nick,
                     int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
desk_role_to_nick (DeskRole role)
{
  return desk_enum_to_nick (DESK_TYPE_ROLE, role);
}

gboolean
desk_role_from_nick (const char *nick,
                     DeskRole   *role)
{
  int value;

  if (!desk_enum_from_nick (DESK_TYPE_ROLE, nick, &value))
    return FALSE;

  *role = value;
  return TRUE;
}

const char *
desk_role_get_label (DeskRole role)
{
  switch (role)
    {
    case DESK_ROLE_CLERK:
      return _("Customer service clerk");
    case DESK_ROLE_COORDINATOR:
      return _("Coordinator");
    case DESK_ROLE_ENGINEER:
      return _("Engineer");
    case DESK_ROLE_QA_INSPECTOR:
      return _("QA inspector");
    case DESK_ROLE_DEPARTMENT_MANAGER:
      return _("Department manager");
    case DESK_ROLE_BRANCH_GENERAL_MANAGER:
      return _("Branch general manager");
    case DESK_ROLE_GENERAL_MANAGER:
      return _("General manager");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
desk_asset_kind_to_nick (DeskAssetKind kind)
{
  return desk_enum_to_nick (DESK_TYPE_ASSET_KIND, kind);
}

gboolean
desk_asset_kind_from_nick (const char    *nick,
                           DeskAssetKind *kind)
{
  int value;

  if (!desk_enum_from_nick (DESK_TYPE_ASSET_KIND, nick, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

const char *
desk_asset_kind_get_label (DeskAssetKind kind)
{
  switch (kind)
    {
    case DESK_ASSET_VEHICLE:
      return _("Vehicle");
    case DESK_ASSET_SITE:
      return _("Site");
    case DESK_ASSET_DEVICE:
      return _("Device");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
desk_ticket_kind_get_label (DeskTicketKind kind)
{
  switch (kind)
    {
    case DESK_TICKET_COMPLAINT:
      return _("Complaint");
    case DESK_TICKET_REPAIR:
      return _("Repair order");
    case DESK_TICKET_MAINTENANCE:
      return _("Maintenance order");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
desk_ticket_status_get_label (DeskTicketStatus status)
{
  switch (status)
    {
    case DESK_STATUS_RECEIVED:
      return _("Received");
    case DESK_STATUS_FORWARDED:
      return _("Forwarded");
    case DESK_STATUS_DISPATCHED:
      return _("Dispatched");
    case DESK_STATUS_CONTACTED:
      return _("Customer contacted");
    case DESK_STATUS_IN_PROGRESS:
      return _("In progress");
    case DESK_STATUS_RECTIFYING:
      return _("Rectifying");
    case DESK_STATUS_VERIFYING:
      return _("Verifying");
    case DESK_STATUS_CLOSED:
      return _("Closed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
desk_severity_get_label (DeskSeverity severity)
{
  switch (severity)
    {
    case DESK_SEVERITY_LOW:
      return _("Low");
    case DESK_SEVERITY_NORMAL:
      return _("Normal");
    case DESK_SEVERITY_HIGH:
      return _("High");
    case DESK_SEVERITY_URGENT:
      return _("Urgent");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
desk_channel_get_label (DeskChannel channel)
{
  switch (channel)
    {
    case DESK_CHANNEL_PHONE:
      return _("Phone");
    case DESK_CHANNEL_WALK_IN:
      return _("Walk-in");
    case DESK_CHANNEL_DEALER:
      return _("Dealer");
    case DESK_CHANNEL_EMAIL:
      return _("E-mail");
    case DESK_CHANNEL_REGULATOR:
      return _("Regulator");
    case DESK_CHANNEL_MEDIA:
      return _("Media");
    default:
      g_return_val_if_reached (NULL);
    }
}
