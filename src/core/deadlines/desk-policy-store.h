/* desk-policy-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-policy.h"

G_BEGIN_DECLS

/* The office's deadline policy, kept in its database as revisions: a
 * change never edits a revision but saves the whole policy as the next
 * one, so that a ticket keeps being measured against the rules it was
 * received under.  The first revision is seeded from the default rules
 * (desk_policy_new_default) the first time the policy is read. */

/* The newest revision's number (seeding revision 1 if there is none). */
int         desk_policy_store_get_active_revision (DeskDatabase      *db,
                                                   GError           **error);
/* A new policy read from revision @revision; NOT_FOUND if there is none. */
DeskPolicy *desk_policy_store_load                (DeskDatabase      *db,
                                                   int                revision,
                                                   GError           **error);
/* Saves @policy's rules as the next revision, by @actor_id (0: the
 * system); returns its number (0 on error).  Rules are checked first: the
 * message names the rule and the field. */
int         desk_policy_store_save                (DeskDatabase      *db,
                                                   const DeskPolicy  *policy,
                                                   gint64             actor_id,
                                                   const char        *note,
                                                   GError           **error);
/* The numbers of every revision, oldest first.  Element type int. */
GArray     *desk_policy_store_list_revisions      (DeskDatabase      *db,
                                                   GError           **error);

G_END_DECLS
