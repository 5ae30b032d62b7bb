/* desk-ticket-store.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-category-store.h"
#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-policy-store.h"
#include "desk-enums.h"
#include "desk-search-text.h"
#include "desk-text.h"
#include "desk-ticket-private.h"
#include "desk-field-rules.h"
#include "desk-ticket-store.h"
#include "desk-ticket-workflow.h"

G_DEFINE_QUARK (desk-ticket-store-error-quark, desk_ticket_store_error)

void
desk_ticket_event_free (DeskTicketEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->staff_name);
  g_free (event->kind);
  g_free (event->field);
  g_free (event->old_value);
  g_free (event->new_value);
  g_free (event->note);
  g_free (event);
}

DeskTicket *
_desk_ticket_from_row (sqlite3_stmt *stmt)
{
  DeskTicketData d = { 0 };
  int i = 0;

  d.id = sqlite3_column_int64 (stmt, i++);
  d.number = _desk_column_dup (stmt, i++);
  d.kind = sqlite3_column_int (stmt, i++);
  d.on_site = sqlite3_column_int (stmt, i++);
  d.status = sqlite3_column_int (stmt, i++);
  d.severity = sqlite3_column_int (stmt, i++);
  d.major = sqlite3_column_int (stmt, i++);
  d.channel = sqlite3_column_int (stmt, i++);
  d.customer_id = sqlite3_column_int64 (stmt, i++);
  d.customer_name = _desk_column_dup (stmt, i++);
  d.customer_phone = _desk_column_dup (stmt, i++);
  d.asset_id = sqlite3_column_int64 (stmt, i++);
  d.asset_label = _desk_column_dup (stmt, i++);
  d.category_id = sqlite3_column_int64 (stmt, i++);
  d.category_name = g_strdup (desk_category_pick_name ((const char *)sqlite3_column_text (stmt, i),
                                                       (const char *)sqlite3_column_text (stmt, i + 1)));
  i += 2;
  d.department_id = sqlite3_column_int64 (stmt, i++);
  d.department_name = _desk_column_dup (stmt, i++);
  d.owner_id = sqlite3_column_int64 (stmt, i++);
  d.owner_name = _desk_column_dup (stmt, i++);
  d.summary = _desk_column_dup (stmt, i++);
  d.description = _desk_column_dup (stmt, i++);
  d.escalation_level = sqlite3_column_int (stmt, i++);
  d.repeat_of = sqlite3_column_int64 (stmt, i++);
  d.repeat_count = sqlite3_column_int (stmt, i++);
  d.merged_into = sqlite3_column_int64 (stmt, i++);
  d.received_at = sqlite3_column_int64 (stmt, i++);
  d.updated_at = sqlite3_column_int64 (stmt, i++);
  d.closed_at = sqlite3_column_int64 (stmt, i++);
  d.next_deadline = sqlite3_column_int64 (stmt, i++);
  d.revision = sqlite3_column_int64 (stmt, i++);

  return desk_ticket_new_take (&d);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The office's time zone, for the times messages name. */
static GTimeZone *
office_zone (DeskDatabase *db)
{
  return desk_work_calendar_get_timezone (desk_calendar_store_get_office_calendar (db));
}

static DeskTicket *
get_ticket (DeskDatabase  *db,
            const char    *where,
            gint64         id,
            const char    *number,
            GError       **error)
{
  g_autofree char *sql = g_strconcat (DESK_TICKET_SELECT, " WHERE ", where, NULL);
  g_autofree char *missing = number != NULL ? g_strdup_printf (_("There is no ticket %s"), number)
                                            : g_strdup (_("The ticket no longer exists"));

  return _desk_database_get_one (db, sql, id, number, (gpointer (*) (sqlite3_stmt *))_desk_ticket_from_row,
                                 missing, _("Could not read the ticket"), error);
}

DeskTicket *
desk_ticket_store_get (DeskDatabase  *db,
                       gint64         id,
                       GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  return get_ticket (db, "t.id = ?1", id, NULL, error);
}

DeskTicket *
desk_ticket_store_find_number (DeskDatabase  *db,
                               const char    *number,
                               GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  return get_ticket (db, "t.number = upper(trim(?1))", 0, number, error);
}

/* The moments the deadline rules ask about are kept on the ticket as
 * well as on its timeline, so that recomputing every open ticket's
 * deadlines reads one row per ticket.  The first time counts, except for
 * callbacks, where the last one does.  Issuing a notice
 * (desk-notice-store.c) and its rectification count; so do the statuses
 * "rectifying" and "verifying" for offices that track them by status. */
static gboolean
record_fact (DeskDatabase  *db,
             gint64         ticket_id,
             gint64         at,
             const char    *kind,
             const char    *new_value,
             GError       **error)
{
  static const struct {
    const char *kind;
    const char *status;
    const char *sql;
  } facts[] = {
    { "status", "forwarded", "UPDATE tickets SET forwarded_at = coalesce(forwarded_at, ?2) WHERE id = ?1" },
    { "status", "contacted", "UPDATE tickets SET contacted_at = coalesce(contacted_at, ?2) WHERE id = ?1" },
    { "status", "rectifying", "UPDATE tickets SET notice_at = coalesce(notice_at, ?2) WHERE id = ?1" },
    { "status", "verifying", "UPDATE tickets SET rectified_at = coalesce(rectified_at, ?2) WHERE id = ?1" },
    { "visit-agreed", NULL, "UPDATE tickets SET visit_agreed_at = coalesce(visit_agreed_at, ?2) WHERE id = ?1" },
    { "visited", NULL, "UPDATE tickets SET visited_at = coalesce(visited_at, ?2) WHERE id = ?1" },
    { "notice", NULL, "UPDATE tickets SET notice_at = coalesce(notice_at, ?2) WHERE id = ?1" },
    { "notice-rectified", NULL, "UPDATE tickets SET rectified_at = coalesce(rectified_at, ?2) WHERE id = ?1" },
    { "callback", NULL, "UPDATE tickets SET last_callback_at = max(coalesce(last_callback_at, 0), ?2) WHERE id = ?1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      sqlite3_stmt *stmt;

      if (!g_str_equal (kind, facts[i].kind) ||
          (facts[i].status != NULL && g_strcmp0 (new_value, facts[i].status) != 0))
        continue;

      stmt = _desk_database_prepare (db, facts[i].sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ticket_id);
      sqlite3_bind_int64 (stmt, 2, at);
      return _desk_database_step_done (db, stmt, _("Could not record the change on the timeline"), error);
    }

  return TRUE;
}

static gboolean
add_event (DeskDatabase  *db,
           gint64         ticket_id,
           gint64         at,
           gint64         actor_id,
           const char    *kind,
           const char    *field,
           const char    *old_value,
           const char    *new_value,
           const char    *note,
           GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO ticket_events (ticket_id, at, staff_id, kind, field,"
                                 " old_value, new_value, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int64 (stmt, 2, at);
  if (actor_id > 0)
    sqlite3_bind_int64 (stmt, 3, actor_id);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 5, field);
  _desk_bind_text_or_null (stmt, 6, old_value);
  _desk_bind_text_or_null (stmt, 7, new_value);
  _desk_bind_text_or_null (stmt, 8, note);

  if (!_desk_database_step_done (db, stmt, _("Could not record the change on the timeline"), error))
    return FALSE;

  return record_fact (db, ticket_id, at, kind, new_value, error);
}

gboolean
_desk_ticket_store_add_event (DeskDatabase  *db,
                              gint64         ticket_id,
                              gint64         at,
                              gint64         actor_id,
                              const char    *kind,
                              const char    *field,
                              const char    *old_value,
                              const char    *new_value,
                              const char    *note,
                              GError       **error)
{
  return add_event (db, ticket_id, at, actor_id, kind, field, old_value, new_value, note, error);
}

/* Numbers are TS-2026-000123 (complaint), WX- (repair order), BY-
 * (maintenance order), counted per kind and year of receipt.  The counter
 * row is updated inside the caller's transaction, so two clerks saving at
 * once get consecutive numbers and a rolled-back ticket uses none. */
static char *
next_number (DeskDatabase    *db,
             DeskTicketKind   kind,
             gint64           received_at,
             GError         **error)
{
  static const char *prefixes[] = { "TS", "WX", "BY" };
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (received_at);
  int year = g_date_time_get_year (when);
  sqlite3_stmt *stmt;
  gint64 last = 0;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO ticket_numbers (prefix, year, last) VALUES (?1, ?2, 1)"
                                 " ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1"
                                 " RETURNING last",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, prefixes[kind], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not number the ticket"));
  sqlite3_reset (stmt);

  if (last == 0)
    return NULL;

  return g_strdup_printf ("%s-%d-%06" G_GINT64_FORMAT, prefixes[kind], year, last);
}

/* The text the search index holds for a ticket: its own fields, its
 * customer's and asset's, and every note on its timeline. */
static gboolean
refresh_search_text (DeskDatabase  *db,
                     gint64         ticket_id,
                     GError       **error)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  const char *fields[9];
  int rc;

  stmt = _desk_database_prepare (db,
                                 "SELECT note FROM ticket_events WHERE ticket_id = ?1 AND note IS NOT NULL",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (notes, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  stmt = _desk_database_prepare (db,
                                 "SELECT t.number, c.name, c.phone, c.phone2, c.address, a.label,"
                                 " t.summary, t.description"
                                 " FROM tickets t JOIN customers c ON c.id = t.customer_id"
                                 " LEFT JOIN assets a ON a.id = t.asset_id WHERE t.id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _desk_database_set_error (db, error, _("Could not index the ticket"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  for (int i = 0; i < 8; i++)
    fields[i] = (const char *)sqlite3_column_text (stmt, i);
  fields[8] = notes->str;
  text = desk_search_text_prepare (fields, G_N_ELEMENTS (fields));
  sqlite3_reset (stmt);

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO ticket_search (id, text) VALUES (?1, ?2)"
                                 " ON CONFLICT (id) DO UPDATE SET text = excluded.text",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);

  return _desk_database_step_done (db, stmt, _("Could not index the ticket"), error);
}

static gboolean
check_draft (DeskDatabase           *db,
             const DeskTicketDraft  *draft,
             char                  **customer_name,
             GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((guint)draft->kind > DESK_TICKET_MAINTENANCE)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Kind: choose complaint, repair order or maintenance order"));
      return FALSE;
    }

  if (desk_text_is_blank (draft->summary))
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Summary: say in a few words what the customer reports"));
      return FALSE;
    }

  if (!desk_field_check_text (draft->summary, _("Summary"), DESK_FIELD_SUMMARY_MAX,
                              DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error) ||
      !desk_field_check_text (draft->description, _("Description"), DESK_FIELD_TEXT_MAX,
                              DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error) ||
      (draft->received_at != 0 &&
       !desk_field_check_received (draft->received_at, now_seconds (), office_zone (db),
                                   DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error)))
    return FALSE;

  if (draft->category_id <= 0)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Category: choose a category"));
      return FALSE;
    }

  stmt = _desk_database_prepare (db, "SELECT name FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, draft->customer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *customer_name = _desk_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Customer: choose the customer or enter a new one"));
      return FALSE;
    }

  return TRUE;
}

DeskTicket *
desk_ticket_store_create (DeskDatabase           *db,
                          const DeskTicketDraft  *draft,
                          gint64                  actor_id,
                          GError                **error)
{
  g_autofree char *customer_name = NULL;
  g_autofree char *number = NULL;
  g_autoptr(DeskTicket) repeated = NULL;
  sqlite3_stmt *stmt;
  gint64 received_at;
  gint64 now = now_seconds ();
  gint64 id;
  int policy_revision;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  received_at = draft->received_at > 0 ? draft->received_at : now;

  if (!desk_database_begin (db, error))
    return NULL;

  if (!check_draft (db, draft, &customer_name, error))
    goto failed;

  policy_revision = desk_policy_store_get_active_revision (db, error);
  if (policy_revision == 0)
    goto failed;

  if (draft->repeat_of > 0)
    {
      repeated = desk_ticket_store_get (db, draft->repeat_of, error);
      if (repeated == NULL)
        goto failed;
    }

  number = next_number (db, draft->kind, received_at, error);
  if (number == NULL)
    goto failed;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO tickets (number, kind, on_site, status, severity, major,"
                                 " channel, customer_id, customer_name, asset_id, category_id,"
                                 " department_id, owner_id, summary, description, repeat_of,"
                                 " repeat_count, received_at, updated_at, policy_revision)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 " trim(?14), ?15, ?16, ?17, ?18, ?19, ?20)",
                                 error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, draft->kind);
  sqlite3_bind_int (stmt, 3, draft->on_site);
  sqlite3_bind_int (stmt, 4, DESK_STATUS_RECEIVED);
  sqlite3_bind_int (stmt, 5, draft->severity);
  sqlite3_bind_int (stmt, 6, draft->major);
  sqlite3_bind_int (stmt, 7, draft->channel);
  sqlite3_bind_int64 (stmt, 8, draft->customer_id);
  sqlite3_bind_text (stmt, 9, customer_name, -1, SQLITE_STATIC);
  if (draft->asset_id > 0)
    sqlite3_bind_int64 (stmt, 10, draft->asset_id);
  sqlite3_bind_int64 (stmt, 11, draft->category_id);
  if (draft->department_id > 0)
    sqlite3_bind_int64 (stmt, 12, draft->department_id);
  if (draft->owner_id > 0)
    sqlite3_bind_int64 (stmt, 13, draft->owner_id);
  sqlite3_bind_text (stmt, 14, draft->summary, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 15, draft->description);
  if (repeated != NULL)
    sqlite3_bind_int64 (stmt, 16, desk_ticket_get_id (repeated));
  sqlite3_bind_int (stmt, 17, repeated ? desk_ticket_get_data (repeated)->repeat_count + 1 : 1);
  sqlite3_bind_int64 (stmt, 18, received_at);
  sqlite3_bind_int64 (stmt, 19, now);
  /* Measured against the rules in force when it was received, even if
   * they change while it is open. */
  sqlite3_bind_int (stmt, 20, policy_revision);

  if (!_desk_database_step_done (db, stmt, _("Could not save the ticket"), error))
    goto failed;

  id = sqlite3_last_insert_rowid (_desk_database_get_handle (db));

  if (!add_event (db, id, received_at, actor_id, "created", NULL, NULL, number, NULL, error))
    goto failed;

  if (repeated != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%d", desk_ticket_get_data (repeated)->repeat_count + 1);

      if (!desk_ticket_store_link (db, id, desk_ticket_get_id (repeated), actor_id, error) ||
          !add_event (db, id, now, actor_id, "repeat", NULL, desk_ticket_get_number (repeated),
                      count, NULL, error) ||
          !add_event (db, desk_ticket_get_id (repeated), now, actor_id, "repeat", NULL, NULL,
                      number, NULL, error))
        goto failed;
    }

  if (!refresh_search_text (db, id, error) ||
      !desk_deadline_store_refresh (db, id, now, error))
    goto failed;

  if (!desk_database_commit (db, error))
    return NULL;

  _desk_database_notify (db, "tickets", id);
  return desk_ticket_store_get (db, id, error);

failed:
  desk_database_rollback (db);
  return NULL;
}

/* Bumps the revision if the caller saw the latest one; otherwise says who
 * won, so the window can show the latest values. */
static gboolean
claim_revision (DeskDatabase  *db,
                gint64         id,
                gint64         revision,
                gint64         now,
                GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET revision = revision + 1, updated_at = ?3"
                                 " WHERE id = ?1 AND revision = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, revision);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!_desk_database_step_done (db, stmt, _("Could not save the ticket"), error))
    return FALSE;

  if (sqlite3_changes (_desk_database_get_handle (db)) == 0)
    {
      g_autoptr(DeskTicket) latest = desk_ticket_store_get (db, id, error);

      if (latest != NULL)
        g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_STALE,
                     _("%s was changed by someone else after you opened it; your change was not "
                       "saved. The latest values are shown: check them and try again."),
                     desk_ticket_get_number (latest));
      return FALSE;
    }

  return TRUE;
}

typedef gboolean (*ChangeFunc) (DeskDatabase *db,
                                DeskTicket   *before,
                                gint64        now,
                                gpointer      user_data,
                                GError      **error);

/* The frame every change runs in: one transaction, the revision check,
 * the change itself, the search text, and a notification. */
static gboolean
change_ticket (DeskDatabase  *db,
               gint64         id,
               gint64         revision,
               ChangeFunc     func,
               gpointer       user_data,
               GError       **error)
{
  g_autoptr(DeskTicket) before = NULL;
  gint64 now = now_seconds ();

  if (!desk_database_begin (db, error))
    return FALSE;

  before = desk_ticket_store_get (db, id, error);
  if (before == NULL ||
      !claim_revision (db, id, revision, now, error) ||
      !func (db, before, now, user_data, error) ||
      !refresh_search_text (db, id, error) ||
      !desk_deadline_store_refresh (db, id, now, error))
    {
      desk_database_rollback (db);
      return FALSE;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "tickets", id);
  return TRUE;
}

typedef struct
{
  DeskTicketStatus  status;
  gint64            actor_id;
  const char       *note;
} StatusChange;

static gboolean
apply_status (DeskDatabase *db,
              DeskTicket   *before,
              gint64        now,
              gpointer      user_data,
              GError      **error)
{
  const DeskTicketData *d = desk_ticket_get_data (before);
  StatusChange *change = user_data;
  sqlite3_stmt *stmt;

  if (!desk_ticket_workflow_check (d->kind, d->status, change->status, error))
    return FALSE;

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET status = ?2,"
                                 " closed_at = CASE WHEN ?2 = 7 THEN ?3 ELSE NULL END"
                                 " WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_int (stmt, 2, change->status);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!_desk_database_step_done (db, stmt, _("Could not change the status"), error))
    return FALSE;

  return add_event (db, d->id, now, change->actor_id,
                    d->status == DESK_STATUS_CLOSED ? "reopen" : "status", "status",
                    desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, d->status),
                    desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, change->status),
                    change->note, error);
}

gboolean
desk_ticket_store_set_status (DeskDatabase      *db,
                              gint64             id,
                              gint64             revision,
                              DeskTicketStatus   status,
                              gint64             actor_id,
                              const char        *note,
                              GError           **error)
{
  StatusChange change = { status, actor_id, desk_text_is_blank (note) ? NULL : note };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  return change_ticket (db, id, revision, apply_status, &change, error);
}

typedef struct
{
  gint64 department_id;
  gint64 owner_id;
  gint64 actor_id;
} Assignment;

static char *
name_of (DeskDatabase *db,
         const char   *sql,
         gint64        id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (id <= 0)
    return NULL;

  stmt = _desk_database_prepare (db, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = _desk_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return name;
}

static gboolean
apply_assignment (DeskDatabase *db,
                  DeskTicket   *before,
                  gint64        now,
                  gpointer      user_data,
                  GError      **error)
{
  const DeskTicketData *d = desk_ticket_get_data (before);
  Assignment *a = user_data;
  sqlite3_stmt *stmt;

  if (a->owner_id > 0 && a->department_id <= 0)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Department: choose the department before the owner"));
      return FALSE;
    }

  stmt = _desk_database_prepare (db, "UPDATE tickets SET department_id = ?2, owner_id = ?3 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  if (a->department_id > 0)
    sqlite3_bind_int64 (stmt, 2, a->department_id);
  if (a->owner_id > 0)
    sqlite3_bind_int64 (stmt, 3, a->owner_id);
  if (!_desk_database_step_done (db, stmt, _("Could not assign the ticket"), error))
    {
      if (g_error_matches (*error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                       _("Owner: the department or person no longer exists"));
        }
      return FALSE;
    }

  if (a->department_id != d->department_id)
    {
      g_autofree char *dept = name_of (db, "SELECT name FROM departments WHERE id = ?1", a->department_id);

      if (!add_event (db, d->id, now, a->actor_id, "assign", "department",
                      d->department_name, dept, NULL, error))
        return FALSE;
    }

  if (a->owner_id != d->owner_id)
    {
      g_autofree char *owner = name_of (db, "SELECT name FROM staff WHERE id = ?1", a->owner_id);

      if (!add_event (db, d->id, now, a->actor_id, "assign", "owner",
                      d->owner_name, owner, NULL, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
desk_ticket_store_assign (DeskDatabase  *db,
                          gint64         id,
                          gint64         revision,
                          gint64         department_id,
                          gint64         owner_id,
                          gint64         actor_id,
                          GError       **error)
{
  Assignment a = { department_id, owner_id, actor_id };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  return change_ticket (db, id, revision, apply_assignment, &a, error);
}

typedef struct
{
  gint64      actor_id;
  const char *reason;
  int         level;   /* 0: the next one */
} Escalation;

static const DeskRole escalation_chain[] = {
  DESK_ROLE_DEPARTMENT_MANAGER,
  DESK_ROLE_BRANCH_GENERAL_MANAGER,
  DESK_ROLE_GENERAL_MANAGER,
};

/* Level 0: the department manager owns it; 1: branch general manager;
 * 2: general manager, the last level. */
static gboolean
apply_escalation (DeskDatabase *db,
                  DeskTicket   *before,
                  gint64        now,
                  gpointer      user_data,
                  GError      **error)
{
  const DeskRole *chain = escalation_chain;
  const DeskTicketData *d = desk_ticket_get_data (before);
  Escalation *e = user_data;
  sqlite3_stmt *stmt;
  gint64 owner = 0;
  int level = e->level > 0 ? e->level : d->escalation_level + 1;
  g_autofree char *owner_name = NULL;

  if (d->status == DESK_STATUS_CLOSED)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("%s is closed; reopen it before escalating"), d->number);
      return FALSE;
    }

  if (level >= (int)G_N_ELEMENTS (escalation_chain))
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("%s is already with the general manager, the last level"), d->number);
      return FALSE;
    }

  /* The next role's holder becomes the owner: the office's one (branch)
   * general manager; the ticket stays in its department. */
  stmt = _desk_database_prepare (db,
                                 "SELECT id, name FROM staff WHERE role = ?1 AND active ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, desk_role_to_nick (chain[level]), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      owner = sqlite3_column_int64 (stmt, 0);
      owner_name = _desk_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET escalation_level = ?2,"
                                 " owner_id = coalesce(?3, owner_id) WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_int (stmt, 2, level);
  if (owner > 0)
    sqlite3_bind_int64 (stmt, 3, owner);
  if (!_desk_database_step_done (db, stmt, _("Could not escalate the ticket"), error))
    return FALSE;

  return add_event (db, d->id, now, e->actor_id, "escalate", "role",
                    desk_role_to_nick (chain[d->escalation_level]), desk_role_to_nick (chain[level]),
                    e->reason, error) &&
         (owner == 0 || owner == d->owner_id ||
          add_event (db, d->id, now, e->actor_id, "assign", "owner", d->owner_name, owner_name,
                     NULL, error));
}

gboolean
desk_ticket_store_escalate (DeskDatabase  *db,
                            gint64         id,
                            gint64         revision,
                            gint64         actor_id,
                            const char    *reason,
                            GError       **error)
{
  Escalation e = { actor_id, desk_text_is_blank (reason) ? NULL : reason, 0 };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  return change_ticket (db, id, revision, apply_escalation, &e, error);
}

gboolean
desk_ticket_store_escalate_to (DeskDatabase  *db,
                               gint64         id,
                               DeskRole       role,
                               gint64         actor_id,
                               const char    *reason,
                               DeskRole      *reached,
                               GError       **error)
{
  g_autoptr(DeskTicket) ticket = NULL;
  Escalation e = { actor_id, desk_text_is_blank (reason) ? NULL : reason, 0 };
  int current;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  ticket = desk_ticket_store_get (db, id, error);
  if (ticket == NULL)
    return FALSE;

  current = CLAMP (desk_ticket_get_data (ticket)->escalation_level, 0, (int)G_N_ELEMENTS (escalation_chain) - 1);
  e.level = current + 1;
  for (guint i = 0; i < G_N_ELEMENTS (escalation_chain); i++)
    if (escalation_chain[i] == role)
      e.level = i;

  /* Already there, or above: nothing to do, so a repeated check is harmless. */
  if (e.level <= current || e.level >= (int)G_N_ELEMENTS (escalation_chain))
    {
      if (reached != NULL)
        *reached = escalation_chain[current];
      return TRUE;
    }

  if (!change_ticket (db, id, desk_ticket_get_data (ticket)->revision, apply_escalation, &e, error))
    return FALSE;

  if (reached != NULL)
    *reached = escalation_chain[e.level];
  return TRUE;
}

typedef struct
{
  const DeskTicketData *edited;
  gint64                actor_id;
} Edit;

static gboolean
record_field (DeskDatabase *db,
              gint64        id,
              gint64        now,
              gint64        actor_id,
              const char   *field,
              const char   *old_value,
              const char   *new_value,
              GError      **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  return add_event (db, id, now, actor_id, "field", field, old_value, new_value, NULL, error);
}

static gboolean
apply_edit (DeskDatabase *db,
            DeskTicket   *before,
            gint64        now,
            gpointer      user_data,
            GError      **error)
{
  const DeskTicketData *d = desk_ticket_get_data (before);
  Edit *edit = user_data;
  const DeskTicketData *e = edit->edited;
  g_autofree char *old_category = g_strdup_printf ("%" G_GINT64_FORMAT, d->category_id);
  g_autofree char *new_category = g_strdup_printf ("%" G_GINT64_FORMAT, e->category_id);
  sqlite3_stmt *stmt;

  if (desk_text_is_blank (e->summary))
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Summary: say in a few words what the customer reports"));
      return FALSE;
    }

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET summary = trim(?2), description = ?3, severity = ?4,"
                                 " major = ?5, category_id = ?6, channel = ?7 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_text (stmt, 2, e->summary, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 3, e->description);
  sqlite3_bind_int (stmt, 4, e->severity);
  sqlite3_bind_int (stmt, 5, e->major ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, e->category_id);
  sqlite3_bind_int (stmt, 7, e->channel);
  if (!_desk_database_step_done (db, stmt, _("Could not save the ticket"), error))
    return FALSE;

  return record_field (db, d->id, now, edit->actor_id, "summary", d->summary, e->summary, error) &&
         record_field (db, d->id, now, edit->actor_id, "description", d->description,
                       desk_text_is_blank (e->description) ? NULL : e->description, error) &&
         record_field (db, d->id, now, edit->actor_id, "severity",
                       desk_enum_to_nick (DESK_TYPE_SEVERITY, d->severity),
                       desk_enum_to_nick (DESK_TYPE_SEVERITY, e->severity), error) &&
         record_field (db, d->id, now, edit->actor_id, "major",
                       d->major ? "yes" : "no", e->major ? "yes" : "no", error) &&
         record_field (db, d->id, now, edit->actor_id, "category", old_category, new_category, error) &&
         record_field (db, d->id, now, edit->actor_id, "channel",
                       desk_enum_to_nick (DESK_TYPE_CHANNEL, d->channel),
                       desk_enum_to_nick (DESK_TYPE_CHANNEL, e->channel), error);
}

gboolean
desk_ticket_store_update (DeskDatabase          *db,
                          const DeskTicketData  *edited,
                          gint64                 actor_id,
                          GError               **error)
{
  Edit edit = { edited, actor_id };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (edited != NULL, FALSE);

  if (!desk_field_check_text (edited->summary, _("Summary"), DESK_FIELD_SUMMARY_MAX,
                              DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error) ||
      !desk_field_check_text (edited->description, _("Description"), DESK_FIELD_TEXT_MAX,
                              DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error))
    return FALSE;

  return change_ticket (db, edited->id, edited->revision, apply_edit, &edit, error);
}

/* Entries that only add to the timeline (notes, visits, callbacks): no
 * revision is claimed, so two people may write at once.  They can move
 * deadlines and what search finds. */
static gboolean
append_entry (DeskDatabase  *db,
              gint64         id,
              gint64         actor_id,
              const char    *kind,
              gint64         at,
              const char    *note,
              GError       **error)
{
  g_autoptr(DeskTicket) ticket = NULL;
  gint64 now = now_seconds ();

  if (!desk_database_begin (db, error))
    return FALSE;

  if (!(ticket = desk_ticket_store_get (db, id, error)) ||
      !add_event (db, id, at > 0 ? at : now, actor_id, kind, NULL, NULL, NULL,
                  desk_text_is_blank (note) ? NULL : note, error) ||
      (note != NULL && !refresh_search_text (db, id, error)) ||
      !desk_deadline_store_refresh (db, id, now, error))
    {
      desk_database_rollback (db);
      return FALSE;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "tickets", id);
  return TRUE;
}

gboolean
desk_ticket_store_add_note (DeskDatabase  *db,
                            gint64         id,
                            gint64         actor_id,
                            const char    *text,
                            GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (desk_text_is_blank (text))
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Note: write something first"));
      return FALSE;
    }
  if (!desk_field_check_text (text, _("Note"), DESK_FIELD_TEXT_MAX,
                              DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error))
    return FALSE;

  return append_entry (db, id, actor_id, "note", 0, text, error);
}

static gboolean
insert_link (DeskDatabase  *db,
             gint64         a,
             gint64         b,
             const char    *kind,
             GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO ticket_links (ticket_id, other_id, kind) VALUES (?1, ?2, ?3)"
                                 " ON CONFLICT DO NOTHING",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, MIN (a, b));
  sqlite3_bind_int64 (stmt, 2, MAX (a, b));
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);

  return _desk_database_step_done (db, stmt, _("Could not link the tickets"), error);
}

gboolean
desk_ticket_store_link (DeskDatabase  *db,
                        gint64         id,
                        gint64         other_id,
                        gint64         actor_id,
                        GError       **error)
{
  g_autoptr(DeskTicket) a = NULL;
  g_autoptr(DeskTicket) b = NULL;
  gint64 now = now_seconds ();

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (id == other_id)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Link: a ticket cannot be linked to itself"));
      return FALSE;
    }

  if (!desk_database_begin (db, error))
    return FALSE;

  if (!(a = desk_ticket_store_get (db, id, error)) ||
      !(b = desk_ticket_store_get (db, other_id, error)) ||
      !insert_link (db, id, other_id, desk_ticket_get_data (a)->repeat_of == other_id ? "repeat" : "related",
                    error) ||
      !add_event (db, id, now, actor_id, "link", NULL, NULL, desk_ticket_get_number (b), NULL, error) ||
      !add_event (db, other_id, now, actor_id, "link", NULL, NULL, desk_ticket_get_number (a), NULL, error))
    {
      desk_database_rollback (db);
      return FALSE;
    }

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "tickets", id);
  _desk_database_notify (db, "tickets", other_id);
  return TRUE;
}

gboolean
desk_ticket_store_merge (DeskDatabase  *db,
                         gint64         from_id,
                         gint64         into_id,
                         gint64         actor_id,
                         GError       **error)
{
  g_autoptr(DeskTicket) from = NULL;
  g_autoptr(DeskTicket) into = NULL;
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (from_id == into_id)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Merge: a ticket cannot be merged into itself"));
      return FALSE;
    }

  if (!desk_database_begin (db, error))
    return FALSE;

  if (!(from = desk_ticket_store_get (db, from_id, error)) ||
      !(into = desk_ticket_store_get (db, into_id, error)))
    goto failed;

  if (desk_ticket_get_data (into)->merged_into != 0)
    {
      g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                   _("Merge: %s was itself merged into another ticket"), desk_ticket_get_number (into));
      goto failed;
    }

  stmt = _desk_database_prepare (db,
                                 "UPDATE tickets SET merged_into = ?2, status = 7, closed_at = ?3,"
                                 " revision = revision + 1, updated_at = ?3 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, into_id);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!_desk_database_step_done (db, stmt, _("Could not merge the tickets"), error))
    goto failed;

  /* Both timelines stay; each says where the other went. */
  if (!insert_link (db, from_id, into_id, "merged", error) ||
      !add_event (db, from_id, now, actor_id, "merge", NULL, NULL, desk_ticket_get_number (into),
                  NULL, error) ||
      !add_event (db, into_id, now, actor_id, "merge", NULL, desk_ticket_get_number (from), NULL,
                  NULL, error) ||
      !refresh_search_text (db, into_id, error))
    goto failed;

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "tickets", from_id);
  _desk_database_notify (db, "tickets", into_id);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

GPtrArray *
desk_ticket_store_timeline (DeskDatabase  *db,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_ticket_event_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT e.id, e.at, e.staff_id, s.name, e.kind, e.field, e.old_value,"
                                 " e.new_value, e.note FROM ticket_events e"
                                 " LEFT JOIN staff s ON s.id = e.staff_id"
                                 " WHERE e.ticket_id = ?1 ORDER BY e.at, e.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskTicketEvent *event = g_new0 (DeskTicketEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->at = sqlite3_column_int64 (stmt, 1);
      event->staff_id = sqlite3_column_int64 (stmt, 2);
      event->staff_name = _desk_column_dup (stmt, 3);
      event->kind = _desk_column_dup (stmt, 4);
      event->field = _desk_column_dup (stmt, 5);
      event->old_value = _desk_column_dup (stmt, 6);
      event->new_value = _desk_column_dup (stmt, 7);
      event->note = _desk_column_dup (stmt, 8);
      g_ptr_array_add (events, event);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the timeline"));
      return NULL;
    }

  return g_steal_pointer (&events);
}

GArray *
desk_ticket_store_links (DeskDatabase  *db,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 "SELECT other_id FROM ticket_links WHERE ticket_id = ?1"
                                 " UNION SELECT ticket_id FROM ticket_links WHERE other_id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, other);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the links"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static GPtrArray *
collect_tickets (DeskDatabase  *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tickets, _desk_ticket_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return NULL;
    }

  return g_steal_pointer (&tickets);
}

GPtrArray *
desk_ticket_store_repeat_candidates (DeskDatabase  *db,
                                     gint64         customer_id,
                                     gint64         asset_id,
                                     gint64         category_id,
                                     int            window_days,
                                     gint64         now,
                                     GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  /* Same customer or same asset (a site changes hands, a car is brought
   * in by someone else), same category, a complaint, not merged away. */
  stmt = _desk_database_prepare (db,
                                 DESK_TICKET_SELECT
                                 " WHERE t.id IN ("
                                 "   SELECT id FROM tickets WHERE customer_id = ?1"
                                 "   UNION SELECT id FROM tickets WHERE asset_id = ?2)"
                                 " AND t.kind = 0 AND t.category_id = ?3 AND t.merged_into IS NULL"
                                 " AND (t.status <> 7 OR t.closed_at >= ?4)"
                                 " ORDER BY t.received_at DESC, t.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (asset_id > 0)
    sqlite3_bind_int64 (stmt, 2, asset_id);
  sqlite3_bind_int64 (stmt, 3, category_id);
  sqlite3_bind_int64 (stmt, 4, now - (gint64)window_days * 24 * 3600);

  return collect_tickets (db, stmt, error);
}

GPtrArray *
desk_ticket_store_for_customer (DeskDatabase  *db,
                                gint64         customer_id,
                                guint          limit,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db,
                                 DESK_TICKET_SELECT
                                 " WHERE t.customer_id = ?1"
                                 " ORDER BY (t.status = 7), t.received_at DESC LIMIT ?2",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, limit);

  return collect_tickets (db, stmt, error);
}

gboolean
desk_ticket_store_insert_bulk (DeskDatabase           *db,
                               const DeskTicketDraft  *drafts,
                               const DeskTicketStatus *statuses,
                               const gint64           *closed_at,
                               const int              *repeat_counts,
                               guint                   n,
                               GError                **error)
{
  sqlite3_stmt *customer;
  sqlite3_stmt *insert;
  sqlite3_stmt *search;
  int policy_revision;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  policy_revision = desk_policy_store_get_active_revision (db, error);
  if (policy_revision == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const DeskTicketDraft *d = &drafts[i];
      g_autofree char *number = next_number (db, d->kind, d->received_at, error);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      const char *fields[8];
      gint64 repeat_of;
      int repeat_count;
      gint64 id;

      if (number == NULL)
        return FALSE;

      customer = _desk_database_prepare (db,
                                         "SELECT c.name, c.phone, c.phone2, c.address, a.label"
                                         " FROM customers c LEFT JOIN assets a ON a.id = ?2"
                                         " WHERE c.id = ?1",
                                         error);
      if (customer == NULL)
        return FALSE;
      sqlite3_bind_int64 (customer, 1, d->customer_id);
      sqlite3_bind_int64 (customer, 2, d->asset_id);
      if (sqlite3_step (customer) != SQLITE_ROW)
        {
          sqlite3_reset (customer);
          g_set_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID,
                       _("Customer: choose the customer or enter a new one"));
          return FALSE;
        }
      name = _desk_column_dup (customer, 0);
      fields[0] = number;
      for (int f = 0; f < 5; f++)
        fields[f + 1] = (const char *)sqlite3_column_text (customer, f);
      fields[6] = d->summary;
      fields[7] = d->description;
      text = desk_search_text_prepare (fields, G_N_ELEMENTS (fields));
      sqlite3_reset (customer);

      /* A repeat needs an earlier complaint of the same customer and
       * category to repeat; without one it is a first complaint. */
      repeat_of = d->repeat_of;
      repeat_count = repeat_counts[i];
      if (repeat_count > 1 && repeat_of == 0)
        {
          sqlite3_stmt *earlier;

          earlier = _desk_database_prepare (db,
                                            "SELECT id, repeat_count FROM tickets"
                                            " WHERE customer_id = ?1 AND kind = 0 AND category_id = ?2"
                                            " AND received_at < ?3 ORDER BY received_at DESC LIMIT 1",
                                            error);
          if (earlier == NULL)
            return FALSE;
          sqlite3_bind_int64 (earlier, 1, d->customer_id);
          sqlite3_bind_int64 (earlier, 2, d->category_id);
          sqlite3_bind_int64 (earlier, 3, d->received_at);
          repeat_count = 1;
          if (sqlite3_step (earlier) == SQLITE_ROW)
            {
              repeat_of = sqlite3_column_int64 (earlier, 0);
              repeat_count = sqlite3_column_int (earlier, 1) + 1;
            }
          sqlite3_reset (earlier);
        }

      insert = _desk_database_prepare (db,
                                       "INSERT INTO tickets (number, kind, on_site, status, severity, major,"
                                       " channel, customer_id, customer_name, asset_id, category_id,"
                                       " department_id, owner_id, summary, description, repeat_of,"
                                       " repeat_count, received_at, updated_at, closed_at, policy_revision)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                       " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                                       error);
      if (insert == NULL)
        return FALSE;

      sqlite3_bind_text (insert, 1, number, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 2, d->kind);
      sqlite3_bind_int (insert, 3, d->on_site);
      sqlite3_bind_int (insert, 4, statuses[i]);
      sqlite3_bind_int (insert, 5, d->severity);
      sqlite3_bind_int (insert, 6, d->major);
      sqlite3_bind_int (insert, 7, d->channel);
      sqlite3_bind_int64 (insert, 8, d->customer_id);
      sqlite3_bind_text (insert, 9, name, -1, SQLITE_STATIC);
      if (d->asset_id > 0)
        sqlite3_bind_int64 (insert, 10, d->asset_id);
      sqlite3_bind_int64 (insert, 11, d->category_id);
      if (d->department_id > 0)
        sqlite3_bind_int64 (insert, 12, d->department_id);
      if (d->owner_id > 0)
        sqlite3_bind_int64 (insert, 13, d->owner_id);
      sqlite3_bind_text (insert, 14, d->summary, -1, SQLITE_STATIC);
      _desk_bind_text_or_null (insert, 15, d->description);
      if (repeat_of > 0)
        sqlite3_bind_int64 (insert, 16, repeat_of);
      sqlite3_bind_int (insert, 17, repeat_count);
      sqlite3_bind_int64 (insert, 18, d->received_at);
      sqlite3_bind_int64 (insert, 19, closed_at[i] > 0 ? closed_at[i] : d->received_at);
      if (closed_at[i] > 0)
        sqlite3_bind_int64 (insert, 20, closed_at[i]);
      sqlite3_bind_int (insert, 21, policy_revision);

      if (!_desk_database_step_done (db, insert, _("Could not save the ticket"), error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_desk_database_get_handle (db));

      search = _desk_database_prepare (db, "INSERT INTO ticket_search (id, text) VALUES (?1, ?2)", error);
      if (search == NULL)
        return FALSE;
      sqlite3_bind_int64 (search, 1, id);
      sqlite3_bind_text (search, 2, text, -1, SQLITE_STATIC);
      if (!_desk_database_step_done (db, search, _("Could not index the ticket"), error))
        return FALSE;

      if (!add_event (db, id, d->received_at, 0, "created", NULL, NULL, number, NULL, error))
        return FALSE;

      if (statuses[i] == DESK_STATUS_CLOSED)
        {
          if (!add_event (db, id, closed_at[i], d->owner_id, "status", "status",
                          desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, DESK_STATUS_RECEIVED),
                          desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, statuses[i]), NULL, error))
            return FALSE;
        }
      else
        {
          /* An open ticket's deadlines follow from its steps: record each
           * step of the usual path to where it is now, 20 minutes apart. */
          DeskTicketStatus from = DESK_STATUS_RECEIVED;

          for (int step = 1; from != statuses[i] && step < DESK_N_STATUSES; step++)
            {
              guint n_next;
              const DeskTicketStatus *next = desk_ticket_workflow_next_statuses (d->kind, from, &n_next);

              if (n_next == 0)
                break;
              if (!add_event (db, id, d->received_at + step * 20 * 60, d->owner_id, "status", "status",
                              desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, from),
                              desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, next[0]), NULL, error))
                return FALSE;
              from = next[0];
            }
        }

      if (repeat_of > 0 && !insert_link (db, id, repeat_of, "repeat", error))
        return FALSE;
    }

  return TRUE;
}

gboolean
desk_ticket_store_record (DeskDatabase  *db,
                          gint64         id,
                          gint64         actor_id,
                          const char    *what,
                          gint64         at,
                          const char    *note,
                          GError       **error)
{
  static const char * const kinds[] = { "visit-agreed", "visited", "callback", "acknowledged", NULL };

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_strv_contains (kinds, what), FALSE);

  return append_entry (db, id, actor_id, what, at, note, error);
}

char *
desk_ticket_store_unusual_received (DeskDatabase  *db,
                                    gint64         received_at,
                                    GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 first = 0;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  if (!desk_field_check_received (received_at, now_seconds (), office_zone (db),
                                  DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID, error))
    return NULL;

  /* On the index by receipt: its first entry. */
  stmt = _desk_database_prepare (db, "SELECT min(received_at) FROM tickets", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    first = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _desk_database_set_error (db, error, _("Could not read the tickets"));
      return NULL;
    }

  /* An office without tickets began today, as far as we know. */
  return desk_field_unusual_received (received_at, now_seconds (),
                                      first > 0 ? first : now_seconds (), office_zone (db));
}
