/* desk-notice-store.c
 *
 * The notices in the database (notices, notice_numbers, notice_search):
 * the number pattern in the office settings, checking a draft, issuing or
 * correcting a notice in one transaction (its number, the ticket's
 * timeline, its deadlines), reading them, the issued -> rectified ->
 * verified steps, the filtered and searched lists, and the recipients.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notice-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-database-private.h"
#include "desk-deadline-store.h"
#include "desk-field-rules.h"
#include "desk-notice-store.h"
#include "desk-office-store.h"
#include "desk-search-text.h"
#include "desk-text.h"
#include "desk-ticket-private.h"

G_DEFINE_QUARK (desk-notice-store-error-quark, desk_notice_store_error)

/* The one SELECT that reads notices; notice_from_row() reads its columns.
 * A notice is replaced when a later one names it in replaces_id. */
#define NOTICE_SELECT \
  "SELECT n.id, n.number, n.ticket_id, n.ticket_number, n.version, n.replaces_id, r.number," \
  " (SELECT x.number FROM notices x WHERE x.replaces_id = n.id ORDER BY x.id DESC LIMIT 1)," \
  " n.recipient, n.recipient_department_id, n.organisation, n.customer_name, n.customer_phone," \
  " n.site, n.problem, n.rectification, n.due_date, n.issued_at, n.issued_by, n.state," \
  " n.rectified_at, n.rectified_by, n.verified_at, n.verified_by" \
  " FROM notices n LEFT JOIN notices r ON r.id = n.replaces_id"

#define NOT_REPLACED "NOT EXISTS (SELECT 1 FROM notices x WHERE x.replaces_id = n.id)"

static DeskNotice *
notice_from_row (sqlite3_stmt *stmt)
{
  DeskNoticeData d = { 0 };
  int i = 0;

  d.id = sqlite3_column_int64 (stmt, i++);
  d.number = _desk_column_dup (stmt, i++);
  d.ticket_id = sqlite3_column_int64 (stmt, i++);
  d.ticket_number = _desk_column_dup (stmt, i++);
  d.version = sqlite3_column_int (stmt, i++);
  d.replaces_id = sqlite3_column_int64 (stmt, i++);
  d.replaces_number = _desk_column_dup (stmt, i++);
  d.replaced_by_number = _desk_column_dup (stmt, i++);
  d.recipient = _desk_column_dup (stmt, i++);
  d.recipient_department_id = sqlite3_column_int64 (stmt, i++);
  d.organisation = _desk_column_dup (stmt, i++);
  d.customer_name = _desk_column_dup (stmt, i++);
  d.customer_phone = _desk_column_dup (stmt, i++);
  d.site = _desk_column_dup (stmt, i++);
  d.problem = _desk_column_dup (stmt, i++);
  d.rectification = _desk_column_dup (stmt, i++);
  d.due_date = _desk_column_dup (stmt, i++);
  d.issued_at = sqlite3_column_int64 (stmt, i++);
  d.issued_by = _desk_column_dup (stmt, i++);
  d.state = sqlite3_column_int (stmt, i++);
  d.rectified_at = sqlite3_column_int64 (stmt, i++);
  d.rectified_by = _desk_column_dup (stmt, i++);
  d.verified_at = sqlite3_column_int64 (stmt, i++);
  d.verified_by = _desk_column_dup (stmt, i++);

  return desk_notice_new_take (&d);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
local_date (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);
  return g_date_time_format (dt, "%Y-%m-%d");
}

char *
desk_notice_format_number (const char  *pattern,
                           int          year,
                           int          month,
                           gint64       sequence,
                           GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean has_year = FALSE;
  gboolean has_count = FALSE;

  g_return_val_if_fail (pattern != NULL, NULL);

  for (const char *p = pattern; *p != '\0';)
    {
      if (g_str_has_prefix (p, "YYYY"))
        {
          g_string_append_printf (out, "%04d", year);
          has_year = TRUE;
          p += 4;
        }
      else if (g_str_has_prefix (p, "YY"))
        {
          g_string_append_printf (out, "%02d", year % 100);
          has_year = TRUE;
          p += 2;
        }
      else if (g_str_has_prefix (p, "MM"))
        {
          g_string_append_printf (out, "%02d", month);
          p += 2;
        }
      else if (*p == 'N')
        {
          int width = 0;

          while (p[width] == 'N')
            width++;
          g_string_append_printf (out, "%0*" G_GINT64_FORMAT, width, sequence);
          has_count = TRUE;
          p += width;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  /* Without the year, next year's numbers would repeat this year's. */
  if (!has_year || !has_count)
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_PATTERN,
                   _("Notice number pattern “%s”: it needs the year (YYYY or YY) and the count (NNNN)"),
                   pattern);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
desk_notice_store_get_pattern (DeskDatabase *db)
{
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  pattern = desk_office_store_get_setting (db, DESK_SETTING_NOTICE_NUMBER_PATTERN);
  if (desk_text_is_blank (pattern))
    return g_strdup (DESK_NOTICE_DEFAULT_PATTERN);
  return g_steal_pointer (&pattern);
}

gboolean
desk_notice_store_set_pattern (DeskDatabase  *db,
                               const char    *pattern,
                               GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (pattern ? pattern : ""));
  g_autofree char *sample = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  if (*trimmed != '\0' && !(sample = desk_notice_format_number (trimmed, 2026, 1, 1, error)))
    return FALSE;

  return desk_office_store_set_setting (db, DESK_SETTING_NOTICE_NUMBER_PATTERN, trimmed, error);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Whoever must rectify has a name with at least one letter (Chinese
 * characters are letters): "2026-11-31" or "123" in the recipient field
 * is a slip of the keyboard, not a party. */
static gboolean
has_letter (const char *text)
{
  /* Text that is not UTF-8 is refused by desk_field_check_text(), which
   * says so. */
  if (!g_utf8_validate (text, -1, NULL))
    return TRUE;
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
desk_notice_store_check_draft (const DeskNoticeDraft  *draft,
                               gint64                  issued_at,
                               GError                **error)
{
  g_autofree char *today = local_date (issued_at > 0 ? issued_at : now_seconds ());
  GDate due, issued;

  g_return_val_if_fail (draft != NULL, FALSE);

  if (desk_text_is_blank (draft->recipient))
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_RECIPIENT,
                   _("Recipient: say who must rectify (a department, project manager or subcontractor)"));
      return FALSE;
    }
  if (!has_letter (draft->recipient))
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_RECIPIENT,
                   _("Recipient: “%s” is not a name (a department, project manager or subcontractor)"),
                   draft->recipient);
      return FALSE;
    }
  if (desk_text_is_blank (draft->problem))
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_PROBLEM,
                   _("Problem: describe what is wrong"));
      return FALSE;
    }
  if (desk_text_is_blank (draft->rectification))
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_RECTIFICATION,
                   _("Required rectification: say what must be done"));
      return FALSE;
    }
  if (!parse_date (draft->due_date, &due))
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_DUE_DATE,
                   _("Deadline: “%s” is not a date like 2026-03-31"),
                   draft->due_date ? draft->due_date : "");
      return FALSE;
    }
  parse_date (today, &issued);
  if (g_date_compare (&due, &issued) < 0)
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_DUE_DATE,
                   _("Deadline: %s is before the day of issue (%s)"), draft->due_date, today);
      return FALSE;
    }
  /* A rectification is a matter of days or weeks; a year is already far
   * beyond any rule of the manuals, and 9999 is a typing slip. */
  if (g_date_days_between (&issued, &due) > 366)
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_DUE_DATE,
                   _("Deadline: %s is more than a year after the day of issue (%s)"),
                   draft->due_date, today);
      return FALSE;
    }

  if (!desk_field_check_text (draft->recipient, _("Recipient"), DESK_FIELD_NAME_MAX,
                              DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_RECIPIENT, error) ||
      !desk_field_check_text (draft->problem, _("Problem"), DESK_FIELD_TEXT_MAX,
                              DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_PROBLEM, error) ||
      !desk_field_check_text (draft->rectification, _("Required rectification"), DESK_FIELD_TEXT_MAX,
                              DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_RECTIFICATION, error))
    return FALSE;

  return TRUE;
}

static DeskNotice *
get_notice (DeskDatabase  *db,
            const char    *where,
            gint64         id,
            const char    *text,
            GError       **error)
{
  g_autofree char *sql = g_strconcat (NOTICE_SELECT, " WHERE ", where, NULL);
  g_autofree char *missing = text != NULL ? g_strdup_printf (_("There is no notice %s"), text)
                                          : g_strdup (_("The notice no longer exists"));

  return _desk_database_get_one (db, sql, id, text, (gpointer (*) (sqlite3_stmt *))notice_from_row,
                                 missing, _("Could not read the notice"), error);
}

DeskNotice *
desk_notice_store_get (DeskDatabase  *db,
                       gint64         id,
                       GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  return get_notice (db, "n.id = ?1", id, NULL, error);
}

DeskNotice *
desk_notice_store_find_number (DeskDatabase  *db,
                               const char    *number,
                               GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  return get_notice (db, "n.number = upper(trim(?1))", 0, number, error);
}

/* The counter row is bumped inside the issuing transaction (BEGIN
 * IMMEDIATE), so two people issuing at once get consecutive numbers and a
 * notice that fails to save leaves no gap. */
static char *
next_number (DeskDatabase  *db,
             gint64         issued_at,
             int           *year_out,
             gint64        *sequence_out,
             GError       **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (issued_at);
  g_autofree char *pattern = desk_notice_store_get_pattern (db);
  int year = g_date_time_get_year (when);
  sqlite3_stmt *stmt;
  gint64 last = 0;

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO notice_numbers (year, last) VALUES (?1, 1)"
                                 " ON CONFLICT (year) DO UPDATE SET last = last + 1"
                                 " RETURNING last",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  else
    _desk_database_set_error (db, error, _("Could not number the notice"));
  sqlite3_reset (stmt);

  if (last == 0)
    return NULL;

  *year_out = year;
  *sequence_out = last;
  return desk_notice_format_number (pattern, year, g_date_time_get_month (when), last, error);
}

/* What the notice copies from the ticket, as it is at the moment of issue. */
typedef struct
{
  gint64  ticket_id;
  char   *ticket_number;
  char   *customer_name;
  char   *customer_phone;
  char   *site;
} TicketFacts;

static void
ticket_facts_clear (TicketFacts *f)
{
  g_free (f->ticket_number);
  g_free (f->customer_name);
  g_free (f->customer_phone);
  g_free (f->site);
}

static gboolean
read_ticket_facts (DeskDatabase  *db,
                   gint64         ticket_id,
                   TicketFacts   *f,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _desk_database_prepare (db,
                                 "SELECT t.number, c.name, c.phone, a.label, NULL, c.address"
                                 " FROM tickets t JOIN customers c ON c.id = t.customer_id"
                                 " LEFT JOIN assets a ON a.id = t.asset_id WHERE t.id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) site = g_ptr_array_new ();
      const char *label = (const char *)sqlite3_column_text (stmt, 3);
      const char *address = (const char *)sqlite3_column_text (stmt, 5);

      f->ticket_number = _desk_column_dup (stmt, 0);
      f->customer_name = _desk_column_dup (stmt, 1);
      f->customer_phone = _desk_column_dup (stmt, 2);

      /* The site is the asset (a flat, a plate) and the customer's
       * address, once: addresses often end with the flat already. */
      f->ticket_id = ticket_id;
      if (!desk_text_is_blank (label) &&
          (desk_text_is_blank (address) || strstr (address, label) == NULL))
        g_ptr_array_add (site, (gpointer)label);
      if (!desk_text_is_blank (address))
        g_ptr_array_add (site, (gpointer)address);
      g_ptr_array_add (site, NULL);
      f->site = g_strjoinv ("，", (char **)site->pdata);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                 _("The ticket of the notice no longer exists"));
  else
    _desk_database_set_error (db, error, _("Could not read the ticket"));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

static char *
staff_name (DeskDatabase *db,
            gint64        id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (id <= 0)
    return NULL;

  stmt = _desk_database_prepare (db, "SELECT name FROM staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = _desk_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return name;
}

static gboolean
index_notice (DeskDatabase  *db,
              gint64         id,
              const char    *number,
              const DeskNoticeDraft *draft,
              const TicketFacts *facts,
              GError       **error)
{
  const char *fields[] = {
    number, facts->ticket_number, draft->recipient, facts->customer_name,
    facts->customer_phone, facts->site, draft->problem, draft->rectification,
  };
  g_autofree char *text = desk_search_text_prepare (fields, G_N_ELEMENTS (fields));
  sqlite3_stmt *stmt;

  stmt = _desk_database_prepare (db, "INSERT INTO notice_search (id, text) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);

  return _desk_database_step_done (db, stmt, _("Could not index the notice"), error);
}

DeskNotice *
desk_notice_store_issue (DeskDatabase           *db,
                         const DeskNoticeDraft  *draft,
                         gint64                  actor_id,
                         GError                **error)
{
  g_autoptr(DeskNotice) replaced = NULL;
  g_autofree char *number = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *issued_by = NULL;
  g_autofree char *recipient = NULL;
  TicketFacts facts = { 0 };
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();
  gint64 issued_at;
  gint64 ticket_id = draft->ticket_id;
  gint64 sequence = 0;
  gint64 id;
  int year = 0;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  issued_at = draft->issued_at > 0 ? draft->issued_at : now;
  if (!desk_notice_store_check_draft (draft, issued_at, error))
    return NULL;

  if (!desk_database_begin (db, error))
    return NULL;

  if (draft->replaces_id > 0)
    {
      replaced = desk_notice_store_get (db, draft->replaces_id, error);
      if (replaced == NULL)
        goto failed;
      if (desk_notice_get_data (replaced)->replaced_by_number != NULL)
        {
          g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_REPLACED,
                       _("Notice %s was already corrected by %s: correct the latest version"),
                       desk_notice_get_number (replaced),
                       desk_notice_get_data (replaced)->replaced_by_number);
          goto failed;
        }
      ticket_id = desk_notice_get_data (replaced)->ticket_id;
    }

  if (!read_ticket_facts (db, ticket_id, &facts, error))
    goto failed;

  number = next_number (db, issued_at, &year, &sequence, error);
  if (number == NULL)
    goto failed;

  organisation = desk_office_store_get_setting (db, DESK_SETTING_ORGANISATION_NAME);
  issued_by = staff_name (db, actor_id);
  recipient = g_strstrip (g_strdup (draft->recipient));

  stmt = _desk_database_prepare (db,
                                 "INSERT INTO notices (number, year, sequence, ticket_id, version,"
                                 " replaces_id, recipient, recipient_department_id, organisation,"
                                 " ticket_number, customer_name, customer_phone, site, problem,"
                                 " rectification, due_date, issued_at, issued_by_id, issued_by)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 " trim(?14), trim(?15), ?16, ?17, ?18, ?19)",
                                 error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, sequence);
  sqlite3_bind_int64 (stmt, 4, ticket_id);
  sqlite3_bind_int (stmt, 5, replaced ? desk_notice_get_data (replaced)->version + 1 : 1);
  if (replaced != NULL)
    sqlite3_bind_int64 (stmt, 6, desk_notice_get_id (replaced));
  sqlite3_bind_text (stmt, 7, recipient, -1, SQLITE_STATIC);
  if (draft->recipient_department_id > 0)
    sqlite3_bind_int64 (stmt, 8, draft->recipient_department_id);
  sqlite3_bind_text (stmt, 9, organisation ? organisation : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, facts.ticket_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, facts.customer_name, -1, SQLITE_STATIC);
  _desk_bind_text_or_null (stmt, 12, facts.customer_phone);
  _desk_bind_text_or_null (stmt, 13, facts.site);
  sqlite3_bind_text (stmt, 14, draft->problem, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, draft->rectification, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, draft->due_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 17, issued_at);
  if (actor_id > 0)
    sqlite3_bind_int64 (stmt, 18, actor_id);
  _desk_bind_text_or_null (stmt, 19, issued_by);

  if (!_desk_database_step_done (db, stmt, _("Could not save the notice"), error))
    goto failed;

  id = sqlite3_last_insert_rowid (_desk_database_get_handle (db));

  if (!index_notice (db, id, number, draft, &facts, error) ||
      !_desk_ticket_store_add_event (db, ticket_id, issued_at, actor_id, "notice", NULL,
                                     replaced ? desk_notice_get_number (replaced) : NULL,
                                     number, recipient, error) ||
      !desk_deadline_store_refresh (db, ticket_id, now, error))
    goto failed;

  if (!desk_database_commit (db, error))
    goto failed_committed;

  ticket_facts_clear (&facts);
  _desk_database_notify (db, "notices", id);
  _desk_database_notify (db, "tickets", ticket_id);
  return desk_notice_store_get (db, id, error);

failed:
  desk_database_rollback (db);
failed_committed:
  ticket_facts_clear (&facts);
  return NULL;
}

GPtrArray *
desk_notice_store_for_ticket (DeskDatabase  *db,
                              gint64         ticket_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db, NOTICE_SELECT " WHERE n.ticket_id = ?1 ORDER BY n.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notices, notice_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not read the ticket’s notices"));
      return NULL;
    }

  return g_steal_pointer (&notices);
}

static gboolean
advance (DeskDatabase    *db,
         gint64           id,
         DeskNoticeState  to,
         gint64           at,
         const char      *person,
         gint64           actor_id,
         GError         **error)
{
  g_autoptr(DeskNotice) notice = NULL;
  g_autofree char *who = NULL;
  const DeskNoticeData *d;
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  if (at <= 0)
    at = now;
  if (!desk_database_begin (db, error))
    return FALSE;

  notice = desk_notice_store_get (db, id, error);
  if (notice == NULL)
    goto failed;
  d = desk_notice_get_data (notice);

  /* Who rectified is the recipient (the department or subcontractor the
   * notice went to) unless the clerk names a person; who verified is the
   * inspector recording it.  The clerk who clicks is the event's actor
   * either way, not the one who rectified. */
  if (!desk_text_is_blank (person))
    who = g_strstrip (g_strdup (person));
  else if (to == DESK_NOTICE_RECTIFIED)
    who = g_strdup (d->recipient);
  else
    who = staff_name (db, actor_id);

  if (d->state != to - 1)
    {
      if (to == DESK_NOTICE_RECTIFIED)
        g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_STATE,
                     _("Notice %s is already marked rectified"), d->number);
      else
        g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_STATE,
                     d->state == DESK_NOTICE_ISSUED
                     ? _("Notice %s is not rectified yet: it cannot be verified")
                     : _("Notice %s is already verified"), d->number);
      goto failed;
    }
  if (d->replaced_by_number != NULL)
    {
      g_set_error (error, DESK_NOTICE_STORE_ERROR, DESK_NOTICE_STORE_ERROR_REPLACED,
                   _("Notice %s was replaced by %s: record it on the correction"),
                   d->number, d->replaced_by_number);
      goto failed;
    }

  stmt = _desk_database_prepare (db,
                                 to == DESK_NOTICE_RECTIFIED
                                 ? "UPDATE notices SET state = 1, rectified_at = ?2, rectified_by = ?3 WHERE id = ?1"
                                 : "UPDATE notices SET state = 2, verified_at = ?2, verified_by = ?3 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, at);
  _desk_bind_text_or_null (stmt, 3, who);

  if (!_desk_database_step_done (db, stmt, _("Could not save the notice"), error) ||
      !_desk_ticket_store_add_event (db, d->ticket_id, at, actor_id,
                                     to == DESK_NOTICE_RECTIFIED ? "notice-rectified" : "notice-verified",
                                     NULL, NULL, d->number, who, error) ||
      !desk_deadline_store_refresh (db, d->ticket_id, now, error))
    goto failed;

  if (!desk_database_commit (db, error))
    return FALSE;

  _desk_database_notify (db, "notices", id);
  _desk_database_notify (db, "tickets", d->ticket_id);
  return TRUE;

failed:
  desk_database_rollback (db);
  return FALSE;
}

gboolean
desk_notice_store_set_rectified (DeskDatabase  *db,
                                 gint64         id,
                                 gint64         at,
                                 const char    *person,
                                 gint64         actor_id,
                                 GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  return advance (db, id, DESK_NOTICE_RECTIFIED, at, person, actor_id, error);
}

gboolean
desk_notice_store_set_verified (DeskDatabase  *db,
                                gint64         id,
                                gint64         at,
                                const char    *person,
                                gint64         actor_id,
                                GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);
  return advance (db, id, DESK_NOTICE_VERIFIED, at, person, actor_id, error);
}

GPtrArray *
desk_notice_store_list (DeskDatabase           *db,
                        const DeskNoticeQuery  *query,
                        GError                **error)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new (NOTICE_SELECT " WHERE 1");
  g_autofree char *match = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* Every variant is a fixed string, so the database's statement cache
   * keeps one statement per variant. */
  /* Open until verified: a rectified notice still waits for the
   * inspector's check.  Overdue is for the rectification only: once the
   * recipient rectified, the deadline is met. */
  if (query->filter == DESK_NOTICE_FILTER_OPEN)
    g_string_append (sql, " AND n.state IN (0, 1) AND " NOT_REPLACED);
  if (query->filter == DESK_NOTICE_FILTER_OVERDUE)
    g_string_append (sql, " AND n.state = 0 AND " NOT_REPLACED " AND n.due_date < ?1");
  if (query->recipient != NULL)
    g_string_append (sql, " AND n.recipient = ?2");
  if (!desk_text_is_blank (query->search))
    {
      match = desk_search_text_build_match (query->search);
      if (match == NULL)
        return g_steal_pointer (&notices); /* nothing searchable: nothing found */
      g_string_append (sql, " AND n.id IN (SELECT rowid FROM notice_fts WHERE notice_fts MATCH ?3)");
    }
  g_string_append (sql, " ORDER BY n.issued_at DESC, n.id DESC LIMIT ?4");

  stmt = _desk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  today = query->today ? g_strdup (query->today) : local_date (now_seconds ());
  if (query->filter == DESK_NOTICE_FILTER_OVERDUE)
    sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  if (query->recipient != NULL)
    sqlite3_bind_text (stmt, 2, query->recipient, -1, SQLITE_STATIC);
  if (match != NULL)
    sqlite3_bind_text (stmt, 3, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, query->limit > 0 ? (gint64)query->limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notices, notice_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not list the notices"));
      return NULL;
    }

  return g_steal_pointer (&notices);
}

GStrv
desk_notice_store_recipients (DeskDatabase  *db,
                              GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (db), NULL);

  stmt = _desk_database_prepare (db, "SELECT DISTINCT recipient FROM notices ORDER BY recipient", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _desk_database_set_error (db, error, _("Could not list the notices’ recipients"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}
