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
gint64   desk_customer_store_count      (DeskDatabase              *db,
                                         GError                   **error);

G_END_DECLS
