/* desk-policy-store.c
 *
 * The deadline policy's revisions in the database (policy_revisions,
 * policy_rules): seeding revision 1 from the default rules, loading a
 * revision, checking and saving a policy as the next one, and listing them.
 * Revisions are cached per connection by desk-deadline-store.c; the rules
 * and their engine are desk-policy.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-policy-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-policy-store.h"

#define RULE_COLUMNS \
  "rule_id, name, starts, action, role, limit_value, unit, working_time, repeats, kinds," \
  " categories, except_categories, min_severity, site, within_days, hours, needs_callbacks," \
  " min_repeat, first_counts, escalate, escalate_to, notify, fine_yuan, fine_target, calendar"

static char *
join_codes (char **codes)
{
  return codes != NULL && codes[0] != NULL ? g_strjoinv (",", codes) : NULL;
}

static char **
split_codes (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strsplit (text, ",", -1) : NULL;
}

/* A rule the engine can use: the message names the rule and the field. */
static gboolean
check_rule (const DeskRule  *rule,
            GError         **error)
{
  const char *what = rule->id ? rule->id : "?";

  if (rule->id == NULL || *rule->id == '\0')
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("A rule has no id"));
      return FALSE;
    }
  if (rule->limit < 0 || (rule->limit == 0 && rule->action != DESK_ACTION_RECORD))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Rule “%s”: the limit must be more than 0"), what);
      return FALSE;
    }
  if ((guint)rule->unit > DESK_LIMIT_DAYS || (guint)rule->starts > DESK_CLOCK_CLOSED ||
      (guint)rule->action > DESK_ACTION_RECORD || (guint)rule->site > DESK_SITE_COMPLETED ||
      (guint)rule->hours > DESK_HOURS_AFTER || (guint)rule->fine_target > DESK_FINE_PERSON)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Rule “%s”: a value is out of range"), what);
      return FALSE;
    }
  if (rule->fine_yuan < 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("Rule “%s”: the fine cannot be negative"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_rules (DeskDatabase      *db,
              int                revision,
              const DeskPolicy  *policy,
              GError           **error)
{
  for (guint i = 0; i < policy->rules->len; i++)
    {
      const DeskRule *r = g_ptr_array_index (policy->rules, i);
      g_autofree char *categories = join_codes (r->categories);
      g_autofree char *except = join_codes (r->except_categories);
      sqlite3_stmt *stmt;
      int c = 1;

      if (!check_rule (r, error))
        return FALSE;

      stmt = _desk_database_prepare (db,
                                     "INSERT INTO policy_rules (revision, position, " RULE_COLUMNS ")"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                     " ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int (stmt, c++, revision);
      sqlite3_bind_int (stmt, c++, i);
      sqlite3_bind_text (stmt, c++, r->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, c++, r->name ? r->name : r->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, c++, r->starts);
      sqlite3_bind_int (stmt, c++, r->action);
      sqlite3_bind_text (stmt, c++, desk_role_to_nick (r->role), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, c++, r->limit);
      sqlite3_bind_int (stmt, c++, r->unit);
      sqlite3_bind_int (stmt, c++, r->working_time);
      sqlite3_bind_int (stmt, c++, r->repeats);
      sqlite3_bind_int64 (stmt, c++, r->kinds);
      _desk_bind_text_or_null (stmt, c++, categories);
      _desk_bind_text_or_null (stmt, c++, except);
      sqlite3_bind_int (stmt, c++, r->min_severity);
      sqlite3_bind_int (stmt, c++, r->site);
      sqlite3_bind_int (stmt, c++, r->within_days_of_handover);
      sqlite3_bind_int (stmt, c++, r->hours);
      sqlite3_bind_int (stmt, c++, r->needs_callbacks);
      sqlite3_bind_int (stmt, c++, r->min_repeat);
      sqlite3_bind_int (stmt, c++, r->first_counts);
      sqlite3_bind_int (stmt, c++, r->escalate);
      if (r->escalate_to != 0)
        sqlite3_bind_text (stmt, c++, desk_role_to_nick (r->escalate_to), -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, c++);
      sqlite3_bind_int (stmt, c++, r->notify);
      sqlite3_bind_int (stmt, c++, r->fine_yuan);
      sqlite3_bind_int (stmt, c++, r->fine_target);
      _desk_bind_text_or_null (stmt, c++, r->calendar);

      if (!_desk_database_step_done (db, stmt, _("Could not save the policy"), error))
        return FALSE;
    }

  return TRUE;
}

static int
insert_revision (DeskDatabase      *db,
                 int                revision,
                 const DeskPolicy  *policy,
                 gint64             actor_id,
                 const char        *note,
                 GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO policy_revisions (revision, created_at, staff_id, note)"
                                 " VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, revision);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (actor_id > 0)
    sqlite3_bind_int64 (stmt, 3, actor_id);
  _desk_bind_text_or_null (stmt, 4, note);
  if (!_desk_database_step_done (db, stmt, _("Could not save the policy"), error) ||
      !insert_rules (db, revision, policy, error))
    return 0;

  return revision;
}

static int
max_revision (DeskDatabase  *db,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int revision = -1;

  stmt = _desk_database_prepare (db, "SELECT coalesce(max(revision), 0) FROM policy_revisions", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    revision = sqlite3_column_int (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not read the policy"));
  sqlite3_reset (stmt);

  return revision;
}

int
desk_policy_store_get_active_revision (DeskDatabase  *db,
                                       GError       **error)
{
  g_autoptr(DeskPolicy) defaults = NULL;
  int revision;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);

  revision = max_revision (db, error);
  if (revision != 0)
    return MAX (revision, 0);

  /* None yet: the default rules become revision 1, which tickets
   * received before policies were stored are measured against. */
  if (!desk_database_begin (db, error))
    return 0;
  revision = max_revision (db, error);
  if (revision == 0)
    {
      defaults = desk_policy_new_default ();
      revision = insert_revision (db, 1, defaults, 0, NULL, error);
    }
  if (revision <= 0)
    {
      desk_database_rollback (db);
      return 0;
    }
  if (!desk_database_commit (db, error))
    return 0;

  return revision;
}

DeskPolicy *
desk_policy_store_load (DeskDatabase  *db,
                        int            revision,
                        GError       **error)
{
  g_autoptr(DeskPolicy) policy = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  /* Revision 1 exists once anything asked for the active one. */
  if (desk_policy_store_get_active_revision (db, error) == 0)
    return NULL;

  stmt = _desk_database_prepare (db,
                                 "SELECT " RULE_COLUMNS " FROM policy_rules"
                                 " WHERE revision = ?1 ORDER BY position",
                                 error);
  if (stmt == NULL)
    return NULL;

  policy = desk_policy_new (revision);
  sqlite3_bind_int (stmt, 1, revision);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskRule *r = g_new0 (DeskRule, 1);
      DeskRole role = DESK_ROLE_CLERK;
      int c = 0;

      r->id = _desk_column_dup (stmt, c++);
      r->name = _desk_column_dup (stmt, c++);
      r->starts = sqlite3_column_int (stmt, c++);
      r->action = sqlite3_column_int (stmt, c++);
      desk_role_from_nick ((const char *)sqlite3_column_text (stmt, c++), &role);
      r->role = role;
      r->limit = sqlite3_column_int (stmt, c++);
      r->unit = sqlite3_column_int (stmt, c++);
      r->working_time = sqlite3_column_int (stmt, c++);
      r->repeats = sqlite3_column_int (stmt, c++);
      r->kinds = sqlite3_column_int64 (stmt, c++);
      r->categories = split_codes (stmt, c++);
      r->except_categories = split_codes (stmt, c++);
      r->min_severity = sqlite3_column_int (stmt, c++);
      r->site = sqlite3_column_int (stmt, c++);
      r->within_days_of_handover = sqlite3_column_int (stmt, c++);
      r->hours = sqlite3_column_int (stmt, c++);
      r->needs_callbacks = sqlite3_column_int (stmt, c++);
      r->min_repeat = sqlite3_column_int (stmt, c++);
      r->first_counts = sqlite3_column_int (stmt, c++);
      r->escalate = sqlite3_column_int (stmt, c++);
      role = 0;
      if (sqlite3_column_type (stmt, c) != SQLITE_NULL)
        desk_role_from_nick ((const char *)sqlite3_column_text (stmt, c), &role);
      c++;
      r->escalate_to = role;
      r->notify = sqlite3_column_int (stmt, c++);
      r->fine_yuan = sqlite3_column_int (stmt, c++);
      r->fine_target = sqlite3_column_int (stmt, c++);
      r->calendar = _desk_column_dup (stmt, c++);
      g_ptr_array_add (policy->rules, r);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the policy"));
      return NULL;
    }

  if (policy->rules->len == 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("Policy revision %d does not exist"), revision);
      return NULL;
    }

  return g_steal_pointer (&policy);
}

int
desk_policy_store_save (DeskDatabase      *db,
                        const DeskPolicy  *policy,
                        gint64             actor_id,
                        const char        *note,
                        GError           **error)
{
  int revision;

  g_return_val_if_fail (DESK_IS_DATABASE (db), 0);
  g_return_val_if_fail (policy != NULL, 0);

  if (policy->rules->len == 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                   _("A policy needs at least one rule"));
      return 0;
    }

  if (desk_policy_store_get_active_revision (db, error) == 0 ||
      !desk_database_begin (db, error))
    return 0;

  revision = max_revision (db, error);
  if (revision < 0 ||
      insert_revision (db, revision + 1, policy, actor_id, note, error) == 0)
    {
      desk_database_rollback (db);
      return 0;
    }

  if (!desk_database_commit (db, error))
    return 0;

  _desk_database_notify (db, "policy_revisions", revision + 1);
  return revision + 1;
}

GArray *
desk_policy_store_list_revisions (DeskDatabase  *db,
                                  GError       **error)
{
  g_autoptr(GArray) revisions = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;
  int rc;

  if (desk_policy_store_get_active_revision (db, error) == 0)
    return NULL;

  stmt = _desk_database_prepare (db, "SELECT revision FROM policy_revisions ORDER BY revision", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int revision = sqlite3_column_int (stmt, 0);
      g_array_append_val (revisions, revision);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the policy"));
      return NULL;
    }

  return g_steal_pointer (&revisions);
}
