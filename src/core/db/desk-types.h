/* desk-types.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The roles of a service office (DOMAIN.md, People).  The order is the
 * escalation order for the managers: department manager -> branch general
 * manager -> general manager.  Stored in the database by nick. */
typedef enum
{
  DESK_ROLE_CLERK,                  /*< nick=clerk >*/
  DESK_ROLE_COORDINATOR,            /*< nick=coordinator >*/
  DESK_ROLE_ENGINEER,               /*< nick=engineer >*/
  DESK_ROLE_QA_INSPECTOR,           /*< nick=qa-inspector >*/
  DESK_ROLE_DEPARTMENT_MANAGER,     /*< nick=department-manager >*/
  DESK_ROLE_BRANCH_GENERAL_MANAGER, /*< nick=branch-general-manager >*/
  DESK_ROLE_GENERAL_MANAGER,        /*< nick=general-manager >*/
} DeskRole;

#define DESK_N_ROLES (DESK_ROLE_GENERAL_MANAGER + 1)

/* What a customer's asset is: the car, the renovated flat or building site,
 * or the machine that gets repaired. */
typedef enum
{
  DESK_ASSET_VEHICLE, /*< nick=vehicle >*/
  DESK_ASSET_SITE,    /*< nick=site >*/
  DESK_ASSET_DEVICE,  /*< nick=device >*/
} DeskAssetKind;

/* The areas of the main window; the GSettings key "last-area" uses the
 * nicks, generated into the schema's enum from this header. */
typedef enum
{
  DESK_AREA_TICKETS,    /*< nick=tickets >*/
  DESK_AREA_CALLBACKS,  /*< nick=callbacks >*/
  DESK_AREA_PROCEDURES, /*< nick=procedures >*/
  DESK_AREA_REPORTS,    /*< nick=reports >*/
} DeskArea;

/* The three kinds of ticket that share the queues (DOMAIN.md, Tickets). */
typedef enum
{
  DESK_TICKET_COMPLAINT,   /*< nick=complaint >*/
  DESK_TICKET_REPAIR,      /*< nick=repair >*/
  DESK_TICKET_MAINTENANCE, /*< nick=maintenance >*/
} DeskTicketKind;

/* One list of states for all kinds; desk-ticket-workflow says which kind
 * may use which, and which moves are legal.  The order is the usual order
 * of a ticket's life, used when sorting by status. */
typedef enum
{
  DESK_STATUS_RECEIVED,    /*< nick=received >*/
  DESK_STATUS_FORWARDED,   /*< nick=forwarded >*/
  DESK_STATUS_DISPATCHED,  /*< nick=dispatched >*/
  DESK_STATUS_CONTACTED,   /*< nick=contacted >*/
  DESK_STATUS_IN_PROGRESS, /*< nick=in-progress >*/
  DESK_STATUS_RECTIFYING,  /*< nick=rectifying >*/
  DESK_STATUS_VERIFYING,   /*< nick=verifying >*/
  DESK_STATUS_CLOSED,      /*< nick=closed >*/
} DeskTicketStatus;

#define DESK_N_STATUSES (DESK_STATUS_CLOSED + 1)

typedef enum
{
  DESK_SEVERITY_LOW,    /*< nick=low >*/
  DESK_SEVERITY_NORMAL, /*< nick=normal >*/
  DESK_SEVERITY_HIGH,   /*< nick=high >*/
  DESK_SEVERITY_URGENT, /*< nick=urgent >*/
} DeskSeverity;

/* How the complaint or request reached the office. */
typedef enum
{
  DESK_CHANNEL_PHONE,     /*< nick=phone >*/
  DESK_CHANNEL_WALK_IN,   /*< nick=walk-in >*/
  DESK_CHANNEL_DEALER,    /*< nick=dealer >*/
  DESK_CHANNEL_EMAIL,     /*< nick=email >*/
  DESK_CHANNEL_REGULATOR, /*< nick=regulator >*/
  DESK_CHANNEL_MEDIA,     /*< nick=media >*/
} DeskChannel;

const char *desk_role_to_nick      (DeskRole      role);
gboolean    desk_role_from_nick    (const char   *nick,
                                    DeskRole     *role);
const char *desk_role_get_label    (DeskRole      role);
const char *desk_asset_kind_to_nick   (DeskAssetKind kind);
gboolean    desk_asset_kind_from_nick (const char   *nick,
                                       DeskAssetKind *kind);
const char *desk_asset_kind_get_label (DeskAssetKind kind);

/* Generic nick <-> value for every enum of this header, by GType. */
const char *desk_enum_to_nick         (GType          type,
                                       int            value);
gboolean    desk_enum_from_nick       (GType          type,
                                       const char    *nick,
                                       int           *value);
const char *desk_ticket_kind_get_label   (DeskTicketKind   kind);
const char *desk_ticket_status_get_label (DeskTicketStatus status);
const char *desk_severity_get_label      (DeskSeverity     severity);
const char *desk_channel_get_label       (DeskChannel      channel);

G_END_DECLS
