/* desk-customer-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-types.h"

G_BEGIN_DECLS

/* Customers and their assets (the car, the site, the device). */

typedef struct
{
  const char *name;         /* required */
  const char *phone;
  const char *phone2;
  const char *address;
  const char *notes;
  gboolean    no_callbacks; /* the customer asked not to be called back */
} DeskCustomerFields;

/* Returns the new customer's id, or 0 with @error set (naming the field). */
gint64   desk_customer_store_add        (DeskDatabase              *db,
                                         const DeskCustomerFields  *fields,
                                         GError                   **error);
/* @handover_date: "YYYY-MM-DD" when the completion acceptance was signed,
 * or NULL while a site is under construction. */
gint64   desk_customer_store_add_asset  (DeskDatabase              *db,
                                         gint64                     customer_id,
                                         DeskAssetKind              kind,
                                         const char                *label,
                                         const char                *detail,
                                         const char                *handover_date,
                                         GError                   **error);
/* The customer with this phone number, however it was typed (digits are
 * compared) and, when @name is given, this name; 0 when there is none. */
gint64   desk_customer_store_find_by_phone (DeskDatabase          *db,
                                            const char            *phone,
                                            const char            *name,
                                            GError               **error);
/* Every customer's id and the id of their first asset (0: none), in
 * two arrays of gint64, for generating tickets for existing customers. */
gboolean desk_customer_store_list_ids       (DeskDatabase          *db,
                                            GArray                *customer_ids,
                                            GArray                *asset_ids,
                                            GError               **error);
gint64   desk_customer_store_count      (DeskDatabase              *db,
                                         GError                   **error);
/* The customer asked not to be called back (or changed their mind): their
 * open complaints leave (or join) the Waiting for callback queue. */
gboolean desk_customer_store_set_no_callbacks (DeskDatabase        *db,
                                               gint64               customer_id,
                                               gboolean             no_callbacks,
                                               GError             **error);

/* One customer found while a call is on, with one of their assets (the
 * one whose label matched, or each of them in turn). */
typedef struct
{
  gint64         customer_id;
  char          *name;
  char          *phone;
  char          *address;
  gboolean       no_callbacks;
  gint64         asset_id;    /* 0: the customer has no asset */
  DeskAssetKind  asset_kind;
  char          *asset_label;
} DeskCustomerMatch;

void       desk_customer_match_free     (DeskCustomerMatch         *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCustomerMatch, desk_customer_match_free)

/* Customers for what the clerk typed: a fragment of a phone number (three
 * digits or more, however the number was written), part of a name, or
 * part of an asset's label (plates compare without "·", spaces and case).
 * One element per customer and asset, exact names first, at most @limit.
 * Element type DeskCustomerMatch; empty for blank @text. */
GPtrArray *desk_customer_store_lookup   (DeskDatabase              *db,
                                         const char                *text,
                                         guint                      limit,
                                         GError                   **error);

G_END_DECLS
