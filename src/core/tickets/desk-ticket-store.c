/* desk-ticket-store.c
 *
 * The ticket store's core: creating a ticket (number, repeat links, search
 * text, deadlines), reading one by id or number, editing its fields, the
 * frame every change runs in, appending to the timeline with the facts the
 * deadline rules read, and repeat candidates.  Routing, notes and links,
 * and bulk inserts are in desk-ticket-routing.c, -timeline.c and -bulk.c.
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

/* Numbers are TS-2026-000123 (complaint), WX- (repair order), BY-
 * (maintenance order), counted per kind and year of receipt.  The counter
 * row is updated inside the caller's transaction, so two clerks saving at
 * once get consecutive numbers and a rolled-back ticket uses none. */
char *
_desk_ticket_store_next_number (DeskDatabase    *db,
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
gboolean
_desk_ticket_store_refresh_search_text (DeskDatabase  *db,
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
       !desk_field_check_received (draft->received_at, _desk_ticket_now (), office_zone (db),
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
  gint64 now = _desk_ticket_now ();
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

  number = _desk_ticket_store_next_number (db, draft->kind, received_at, error);
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

  if (!_desk_ticket_store_add_event (db, id, received_at, actor_id, "created", NULL, NULL, number, NULL, error))
    goto failed;

  if (repeated != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%d", desk_ticket_get_data (repeated)->repeat_count + 1);

      if (!desk_ticket_store_link (db, id, desk_ticket_get_id (repeated), actor_id, error) ||
          !_desk_ticket_store_add_event (db, id, now, actor_id, "repeat", NULL, desk_ticket_get_number (repeated),
                                         count, NULL, error) ||
          !_desk_ticket_store_add_event (db, desk_ticket_get_id (repeated), now, actor_id, "repeat", NULL, NULL,
                                         number, NULL, error))
        goto failed;
    }

  if (!_desk_ticket_store_refresh_search_text (db, id, error) ||
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


/* The frame every change runs in: one transaction, the revision check,
 * the change itself, the search text, and a notification. */
gboolean
_desk_ticket_store_change (DeskDatabase          *db,
                           gint64                 id,
                           gint64                 revision,
                           DeskTicketChangeFunc   func,
                           gpointer               user_data,
                           GError               **error)
{
  g_autoptr(DeskTicket) before = NULL;
  gint64 now = _desk_ticket_now ();

  if (!desk_database_begin (db, error))
    return FALSE;

  before = desk_ticket_store_get (db, id, error);
  if (before == NULL ||
      !claim_revision (db, id, revision, now, error) ||
      !func (db, before, now, user_data, error) ||
      !_desk_ticket_store_refresh_search_text (db, id, error) ||
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

  return _desk_ticket_store_add_event (db, id, now, actor_id, "field", field, old_value, new_value, NULL, error);
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

  return _desk_ticket_store_change (db, edited->id, edited->revision, apply_edit, &edit, error);
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

char *
desk_ticket_store_unusual_received (DeskDatabase  *db,
                                    gint64         received_at,
                                    GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 first = 0;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  if (!desk_field_check_received (received_at, _desk_ticket_now (), office_zone (db),
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
  return desk_field_unusual_received (received_at, _desk_ticket_now (),
                                      first > 0 ? first : _desk_ticket_now (), office_zone (db));
}
