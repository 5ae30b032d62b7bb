/* desk-deadlines-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the deadlines area's stores share and no other area uses.
 */

#pragma once

/* The connection's cache of loaded deadline policies (desk-deadline-store.c),
 * which desk_calendar_store_forget() drops with the calendars: a policy
 * holds the calendars of its rules. */
#define DESK_POLICY_CACHE_KEY "desk-policy-cache"
