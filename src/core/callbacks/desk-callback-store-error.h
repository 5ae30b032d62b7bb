/* desk-callback-store-error.h
 *
 * The callbacks' error domain.  A header of its own so that the settings
 * store, which refuses a bad value with it, need not include
 * desk-callback-store.h, which includes the settings store's header: both
 * include this one instead.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_CALLBACK_STORE_ERROR (desk_callback_store_error_quark ())

typedef enum
{
  DESK_CALLBACK_STORE_ERROR_INVALID, /* the message names the field */
  DESK_CALLBACK_STORE_ERROR_DONE,    /* the callback was already made or cancelled */
} DeskCallbackStoreError;

GQuark desk_callback_store_error_quark (void);

G_END_DECLS
