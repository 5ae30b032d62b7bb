/* desk-rules-page.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_RULES_PAGE (desk_rules_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskRulesPage, desk_rules_page, DESK, RULES_PAGE, AdwPreferencesPage)

/* The Preferences page of the deadline policy: the active revision's
 * rules as sentences, each opening onto its limit, unit, conditions and
 * fine; saving makes a new revision. */
GtkWidget *desk_rules_page_new    (DeskDatabase  *database);
void       desk_rules_page_reload (DeskRulesPage *self);
/* Whether a rule was edited and not saved; saving says why it could not
 * in a toast and returns FALSE. */
gboolean   desk_rules_page_has_unsaved_changes (DeskRulesPage *self);
gboolean   desk_rules_page_save                (DeskRulesPage *self);

G_END_DECLS
