/* test-tickets.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-database.h"
#include "desk-search-text.h"
#include "desk-office-store.h"
#include "desk-ticket-list-model.h"
#include "desk-ticket-query.h"
#include "desk-ticket-store.h"
#include "desk-ticket-workflow.h"

typedef struct
{
  char         *dir;
  char         *path;
  DeskDatabase *db;
  gint64        li;      /* 李建华, a site */
  gint64        li_site;
  gint64        chen;    /* 陈美玲 */
  gint64        quality; /* category ids */
  gint64        plumbing;
} Fixture;

static gint64
category (DeskDatabase *db,
          const char   *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCategory) c = desk_category_store_find (db, code, &error);

  g_assert_no_error (error);
  return c->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskCustomerFields li = { .name = "李建华", .phone = "139-0265-1234", .address = "深圳市南山区 翠湖花园 3栋1202室" };
  DeskCustomerFields chen = { .name = "陈美玲", .phone = "13510887766", .address = "香榭里 6栋302室" };

  f->dir = desk_test_make_dir ("desk-tickets");
  f->db = desk_test_open_office (f->dir, &f->path);

  f->li = desk_customer_store_add (f->db, &li, &error);
  f->li_site = desk_customer_store_add_asset (f->db, f->li, DESK_ASSET_SITE, "翠湖花园 3栋1202室",
                                              NULL, "2026-09-18", &error);
  f->chen = desk_customer_store_add (f->db, &chen, &error);
  g_assert_no_error (error);
  f->quality = category (f->db, "construction-quality");
  f->plumbing = category (f->db, "水电");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static DeskTicket *
add (Fixture        *f,
     DeskTicketKind  kind,
     gint64          customer,
     gint64          cat,
     const char     *summary,
     const char     *description)
{
  g_autoptr(GError) error = NULL;
  DeskTicketDraft draft = {
    .kind = kind,
    .severity = DESK_SEVERITY_NORMAL,
    .customer_id = customer,
    .asset_id = customer == f->li ? f->li_site : 0,
    .category_id = cat,
    .summary = summary,
    .description = description,
  };
  DeskTicket *ticket = desk_ticket_store_create (f->db, &draft, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ticket);
  return ticket;
}

static void
test_workflow (void)
{
  g_autoptr(GError) error = NULL;
  const DeskTicketStatus *next;
  guint n;

  g_assert_true (desk_ticket_workflow_allows (DESK_TICKET_COMPLAINT, DESK_STATUS_RECEIVED, DESK_STATUS_FORWARDED));
  g_assert_true (desk_ticket_workflow_allows (DESK_TICKET_COMPLAINT, DESK_STATUS_VERIFYING, DESK_STATUS_RECTIFYING));
  g_assert_true (desk_ticket_workflow_allows (DESK_TICKET_COMPLAINT, DESK_STATUS_CLOSED, DESK_STATUS_IN_PROGRESS));
  g_assert_false (desk_ticket_workflow_allows (DESK_TICKET_COMPLAINT, DESK_STATUS_RECEIVED, DESK_STATUS_CLOSED));
  g_assert_false (desk_ticket_workflow_allows (DESK_TICKET_COMPLAINT, DESK_STATUS_RECEIVED, DESK_STATUS_DISPATCHED));
  g_assert_true (desk_ticket_workflow_allows (DESK_TICKET_REPAIR, DESK_STATUS_RECEIVED, DESK_STATUS_DISPATCHED));
  g_assert_false (desk_ticket_workflow_allows (DESK_TICKET_MAINTENANCE, DESK_STATUS_RECEIVED, DESK_STATUS_FORWARDED));
  g_assert_false (desk_ticket_workflow_allows (DESK_TICKET_REPAIR, DESK_STATUS_IN_PROGRESS, DESK_STATUS_RECTIFYING));

  next = desk_ticket_workflow_next_statuses (DESK_TICKET_COMPLAINT, DESK_STATUS_CONTACTED, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (next[0], ==, DESK_STATUS_IN_PROGRESS);

  g_assert_false (desk_ticket_workflow_check (DESK_TICKET_COMPLAINT, DESK_STATUS_RECEIVED,
                                              DESK_STATUS_CLOSED, &error));
  g_assert_error (error, DESK_WORKFLOW_ERROR, DESK_WORKFLOW_ERROR_ILLEGAL);
  g_assert_cmpstr (error->message, ==, "Complaint cannot go from Received to Closed; it can go to: Forwarded");

  /* Every status a kind reaches can be left (nothing is a dead end). */
  for (int kind = 0; kind <= DESK_TICKET_MAINTENANCE; kind++)
    for (int s = 0; s < DESK_N_STATUSES; s++)
      if (desk_ticket_workflow_uses (kind, s))
        for (int t = 0; t < DESK_N_STATUSES; t++)
          if (desk_ticket_workflow_allows (kind, s, t))
            g_assert_true (desk_ticket_workflow_uses (kind, t));
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) t = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "卫生间墙砖空鼓", NULL);
  g_autoptr(DeskTicket) latest = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  const DeskTicketStatus path[] = {
    DESK_STATUS_FORWARDED, DESK_STATUS_CONTACTED, DESK_STATUS_IN_PROGRESS,
    DESK_STATUS_RECTIFYING, DESK_STATUS_VERIFYING, DESK_STATUS_CLOSED,
  };
  gint64 revision = desk_ticket_get_data (t)->revision;

  g_assert_cmpint (desk_ticket_get_data (t)->status, ==, DESK_STATUS_RECEIVED);
  g_assert_cmpstr (desk_ticket_get_data (t)->customer_name, ==, "李建华");
  g_assert_cmpstr (desk_ticket_get_data (t)->asset_label, ==, "翠湖花园 3栋1202室");

  /* An illegal move is refused and changes nothing. */
  g_assert_false (desk_ticket_store_set_status (f->db, desk_ticket_get_id (t), revision,
                                                DESK_STATUS_CLOSED, 0, NULL, &error));
  g_assert_error (error, DESK_WORKFLOW_ERROR, DESK_WORKFLOW_ERROR_ILLEGAL);
  g_clear_error (&error);
  latest = desk_ticket_store_get (f->db, desk_ticket_get_id (t), &error);
  g_assert_cmpint (desk_ticket_get_data (latest)->revision, ==, revision);
  g_clear_object (&latest);

  /* Forwarded is to a department: with none chosen it is refused, and
   * the message says what to do; assigned, it goes. */
  g_assert_false (desk_ticket_store_set_status (f->db, desk_ticket_get_id (t), revision,
                                                DESK_STATUS_FORWARDED, 0, NULL, &error));
  g_assert_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_NO_DEPARTMENT);
  g_assert_nonnull (strstr (error->message, desk_ticket_get_number (t)));
  g_clear_error (&error);
  {
    g_autoptr(DeskDepartment) dept = desk_office_store_add_department (f->db, "D01", "工程部", &error);

    g_assert_no_error (error);
    g_assert_true (desk_ticket_store_assign (f->db, desk_ticket_get_id (t), revision,
                                             desk_department_get_id (dept), 0, 0, &error));
    g_assert_no_error (error);
    revision++;
  }

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_assert_true (desk_ticket_store_set_status (f->db, desk_ticket_get_id (t), revision + i,
                                                   path[i], 0, i == 2 ? "约好周六上门" : NULL, &error));
      g_assert_no_error (error);
    }

  latest = desk_ticket_store_get (f->db, desk_ticket_get_id (t), &error);
  g_assert_cmpint (desk_ticket_get_data (latest)->status, ==, DESK_STATUS_CLOSED);
  g_assert_cmpint (desk_ticket_get_data (latest)->closed_at, >, 0);

  /* Reopen. */
  g_assert_true (desk_ticket_store_set_status (f->db, desk_ticket_get_id (t),
                                               desk_ticket_get_data (latest)->revision,
                                               DESK_STATUS_IN_PROGRESS, 0, "客户来电说又裂了", &error));
  g_clear_object (&latest);
  latest = desk_ticket_store_get (f->db, desk_ticket_get_id (t), &error);
  g_assert_cmpint (desk_ticket_get_data (latest)->closed_at, ==, 0);

  timeline = desk_ticket_store_timeline (f->db, desk_ticket_get_id (t), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 1 + 1 + G_N_ELEMENTS (path) + 1);
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[0])->kind, ==, "created");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[1])->kind, ==, "assign");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[2])->old_value, ==, "received");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[2])->new_value, ==, "forwarded");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[4])->note, ==, "约好周六上门");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[8])->kind, ==, "reopen");
}

/* A status further along goes the shortest way there in one change, each
 * step on the timeline; closing and reopening are never steps on the way. */
static void
test_several_steps (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) t = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "入户门变形", NULL);
  g_autoptr(DeskDepartment) dept = desk_office_store_add_department (f->db, "D01", "工程部", &error);
  g_autoptr(DeskTicket) latest = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  DeskTicketStatus path[DESK_N_STATUSES];
  DeskTicketStatus reachable[DESK_N_STATUSES];
  gint64 id = desk_ticket_get_id (t);
  guint n;

  g_assert_cmpuint (desk_ticket_workflow_path (DESK_TICKET_COMPLAINT, DESK_STATUS_FORWARDED,
                                               DESK_STATUS_VERIFYING, path), ==, 3);
  g_assert_cmpint (path[0], ==, DESK_STATUS_CONTACTED);
  g_assert_cmpint (path[1], ==, DESK_STATUS_IN_PROGRESS);
  g_assert_cmpint (path[2], ==, DESK_STATUS_VERIFYING);
  g_assert_cmpuint (desk_ticket_workflow_path (DESK_TICKET_COMPLAINT, DESK_STATUS_RECEIVED,
                                               DESK_STATUS_CLOSED, path), ==, 0);
  g_assert_cmpuint (desk_ticket_workflow_path (DESK_TICKET_COMPLAINT, DESK_STATUS_CLOSED,
                                               DESK_STATUS_VERIFYING, path), ==, 0);
  n = desk_ticket_workflow_reachable (DESK_TICKET_COMPLAINT, DESK_STATUS_FORWARDED, reachable);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (reachable[0], ==, DESK_STATUS_CONTACTED);
  n = desk_ticket_workflow_reachable (DESK_TICKET_COMPLAINT, DESK_STATUS_CLOSED, reachable);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (reachable[0], ==, DESK_STATUS_IN_PROGRESS);

  /* With no department, a way through Forwarded is refused whole. */
  g_assert_false (desk_ticket_store_set_status (f->db, id, desk_ticket_get_data (t)->revision,
                                                DESK_STATUS_CONTACTED, 0, NULL, &error));
  g_assert_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_NO_DEPARTMENT);
  g_clear_error (&error);

  g_assert_true (desk_ticket_store_assign (f->db, id, desk_ticket_get_data (t)->revision,
                                           desk_department_get_id (dept), 0, 0, &error));
  g_assert_true (desk_ticket_store_set_status (f->db, id, desk_ticket_get_data (t)->revision + 1,
                                               DESK_STATUS_VERIFYING, 0, "一次到位", &error));
  g_assert_no_error (error);
  latest = desk_ticket_store_get (f->db, id, &error);
  g_assert_cmpint (desk_ticket_get_data (latest)->status, ==, DESK_STATUS_VERIFYING);
  g_assert_cmpint (desk_ticket_get_data (latest)->revision, ==, desk_ticket_get_data (t)->revision + 2);

  /* created, assign, then forwarded, contacted, in progress, verifying. */
  timeline = desk_ticket_store_timeline (f->db, id, &error);
  g_assert_cmpuint (timeline->len, ==, 6);
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[2])->new_value, ==, "forwarded");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[3])->old_value, ==, "forwarded");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[3])->new_value, ==, "contacted");
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[5])->new_value, ==, "verifying");
  g_assert_null (((DeskTicketEvent *)timeline->pdata[4])->note);
  g_assert_cmpstr (((DeskTicketEvent *)timeline->pdata[5])->note, ==, "一次到位");
}

static void
test_numbering (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) a = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "一", NULL);
  g_autoptr(DeskTicket) b = add (f, DESK_TICKET_COMPLAINT, f->chen, f->quality, "二", NULL);
  g_autoptr(DeskTicket) r = add (f, DESK_TICKET_REPAIR, f->chen, f->plumbing, "三", NULL);
  g_autoptr(DeskTicket) last_year = NULL;
  g_autoptr(DeskTicket) blank = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_new_local (2025, 12, 31, 23, 50, 0);
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));
  g_autofree char *first = g_strdup_printf ("TS-%s-000001", year);
  g_autofree char *second = g_strdup_printf ("TS-%s-000002", year);
  g_autofree char *repair = g_strdup_printf ("WX-%s-000001", year);
  g_autofree char *third = NULL;
  DeskTicketDraft draft = { .customer_id = f->li, .category_id = f->quality, .summary = "  " };

  g_assert_cmpstr (desk_ticket_get_number (a), ==, first);
  g_assert_cmpstr (desk_ticket_get_number (b), ==, second);
  g_assert_cmpstr (desk_ticket_get_number (r), ==, repair);

  /* A call taken on New Year's Eve and entered later keeps its year. */
  draft.summary = "年前的电话";
  draft.received_at = g_date_time_to_unix (earlier);
  last_year = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_ticket_get_number (last_year), ==, "TS-2025-000001");

  /* A refused ticket uses no number. */
  draft.summary = "  ";
  draft.received_at = 0;
  blank = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_null (blank);
  g_assert_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Summary"));
  g_clear_error (&error);

  g_clear_object (&blank);
  blank = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "四", NULL);
  third = g_strdup_printf ("TS-%s-000003", year);
  g_assert_cmpstr (desk_ticket_get_number (blank), ==, third);

  g_assert_null (desk_ticket_store_find_number (f->db, "TS-1999-000001", &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&blank);
  blank = desk_ticket_store_find_number (f->db, first, &error);
  g_assert_cmpint (desk_ticket_get_id (blank), ==, desk_ticket_get_id (a));
}

typedef struct
{
  const char *path;
  gint64      customer;
  gint64      category;
  GPtrArray  *numbers;
  GError     *error;
} Clerk;

static gpointer
clerk_thread (gpointer data)
{
  Clerk *c = data;
  g_autoptr(DeskDatabase) db = desk_database_open (c->path, DESK_DATABASE_OPEN_DEFAULT, &c->error);

  for (int i = 0; db != NULL && i < 100; i++)
    {
      DeskTicketDraft draft = { .customer_id = c->customer, .category_id = c->category, .summary = "并发登记" };
      g_autoptr(DeskTicket) t = desk_ticket_store_create (db, &draft, 0, &c->error);

      if (t == NULL)
        break;
      g_ptr_array_add (c->numbers, g_strdup (desk_ticket_get_number (t)));
    }

  return NULL;
}

static void
test_numbering_concurrent (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Clerk clerks[2] = {
    { f->path, f->li, f->quality, g_ptr_array_new_with_free_func (g_free), NULL },
    { f->path, f->chen, f->quality, g_ptr_array_new_with_free_func (g_free), NULL },
  };
  GThread *threads[2];
  guint max = 0;

  for (int i = 0; i < 2; i++)
    threads[i] = g_thread_new ("clerk", clerk_thread, &clerks[i]);
  for (int i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  /* 200 distinct numbers, 1..200 with no gap. */
  for (int i = 0; i < 2; i++)
    {
      g_assert_no_error (clerks[i].error);
      g_assert_cmpuint (clerks[i].numbers->len, ==, 100);
      for (guint j = 0; j < clerks[i].numbers->len; j++)
        {
          const char *number = g_ptr_array_index (clerks[i].numbers, j);
          guint n = g_ascii_strtoull (strrchr (number, '-') + 1, NULL, 10);

          g_assert_false (g_hash_table_contains (seen, number));
          g_hash_table_add (seen, (gpointer)number);
          max = MAX (max, n);
        }
    }
  g_assert_cmpuint (max, ==, 200);

  for (int i = 0; i < 2; i++)
    g_ptr_array_unref (clerks[i].numbers);
}

static void
test_repeats (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) first = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "墙面开裂", NULL);
  g_autoptr(DeskTicket) other = add (f, DESK_TICKET_COMPLAINT, f->li, f->plumbing, "插座不通电", NULL);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(DeskTicket) second = NULL;
  g_autoptr(DeskTicket) third = NULL;
  g_autoptr(GArray) links = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DeskTicketDraft draft = {
    .kind = DESK_TICKET_COMPLAINT, .customer_id = f->li, .category_id = f->quality,
    .summary = "墙面又开裂了",
  };

  candidates = desk_ticket_store_repeat_candidates (f->db, f->li, f->li_site, f->quality, 60, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpint (desk_ticket_get_id (candidates->pdata[0]), ==, desk_ticket_get_id (first));

  /* Another customer's complaint, or long ago: not a repeat. */
  none = desk_ticket_store_repeat_candidates (f->db, f->chen, 0, f->quality, 60, now, &error);
  g_assert_cmpuint (none->len, ==, 0);

  draft.repeat_of = desk_ticket_get_id (first);
  second = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_data (second)->repeat_count, ==, 2);
  g_assert_cmpint (desk_ticket_get_data (second)->repeat_of, ==, desk_ticket_get_id (first));

  draft.repeat_of = desk_ticket_get_id (second);
  third = desk_ticket_store_create (f->db, &draft, 0, &error);
  g_assert_cmpint (desk_ticket_get_data (third)->repeat_count, ==, 3);

  links = desk_ticket_store_links (f->db, desk_ticket_get_id (second), &error);
  g_assert_cmpuint (links->len, ==, 2);

  /* Merge: the duplicate closes, both timelines say so. */
  g_assert_true (desk_ticket_store_merge (f->db, desk_ticket_get_id (other), desk_ticket_get_id (first), 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DeskTicket) merged = desk_ticket_store_get (f->db, desk_ticket_get_id (other), &error);
    g_autoptr(GPtrArray) a = desk_ticket_store_timeline (f->db, desk_ticket_get_id (other), &error);
    g_autoptr(GPtrArray) b = desk_ticket_store_timeline (f->db, desk_ticket_get_id (first), &error);
    DeskTicketEvent *last_a = a->pdata[a->len - 1];
    DeskTicketEvent *last_b = b->pdata[b->len - 1];

    g_assert_cmpint (desk_ticket_get_data (merged)->status, ==, DESK_STATUS_CLOSED);
    g_assert_cmpint (desk_ticket_get_data (merged)->merged_into, ==, desk_ticket_get_id (first));
    g_assert_cmpstr (last_a->kind, ==, "merge");
    g_assert_cmpstr (last_a->new_value, ==, desk_ticket_get_number (first));
    g_assert_cmpstr (last_b->kind, ==, "merge");
    g_assert_cmpstr (last_b->old_value, ==, desk_ticket_get_number (other));
  }
}

static void
test_stale_save (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) t = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "门把手松动", NULL);
  g_autoptr(DeskDatabase) other = desk_database_open (f->path, DESK_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(DeskTicket) mine = NULL;
  g_autoptr(DeskTicket) theirs = NULL;
  g_autoptr(DeskTicket) latest = NULL;
  DeskTicketData edit;

  /* Two windows (here: two connections, as two processes) open it. */
  mine = desk_ticket_store_get (f->db, desk_ticket_get_id (t), &error);
  theirs = desk_ticket_store_get (other, desk_ticket_get_id (t), &error);

  edit = *desk_ticket_get_data (theirs);
  edit.summary = (char *)"门把手松动，已更换";
  edit.severity = DESK_SEVERITY_HIGH;
  g_assert_true (desk_ticket_store_update (other, &edit, 0, &error));
  g_assert_no_error (error);

  edit = *desk_ticket_get_data (mine);
  edit.summary = (char *)"门把手松动（我的修改）";
  g_assert_false (desk_ticket_store_update (f->db, &edit, 0, &error));
  g_assert_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, desk_ticket_get_number (t)));
  g_clear_error (&error);

  g_assert_false (desk_ticket_store_set_status (f->db, desk_ticket_get_id (t), desk_ticket_get_data (mine)->revision,
                                                DESK_STATUS_FORWARDED, 0, NULL, &error));
  g_assert_error (error, DESK_TICKET_STORE_ERROR, DESK_TICKET_STORE_ERROR_STALE);
  g_clear_error (&error);

  latest = desk_ticket_store_get (f->db, desk_ticket_get_id (t), &error);
  g_assert_cmpstr (desk_ticket_get_data (latest)->summary, ==, "门把手松动，已更换");
  g_assert_cmpint (desk_ticket_get_data (latest)->severity, ==, DESK_SEVERITY_HIGH);

  /* With the latest revision the save goes through. */
  edit = *desk_ticket_get_data (latest);
  edit.summary = (char *)"门把手松动（我的修改）";
  g_assert_true (desk_ticket_store_update (f->db, &edit, 0, &error));
  g_assert_no_error (error);
}

static char **
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  DeskTicketQuery q = { .queue = DESK_QUEUE_ALL, .search = text, .sort = DESK_SORT_NUMBER };
  g_autoptr(GPtrArray) page = desk_ticket_query_page (f->db, &q, NULL, 0, 100, &error);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_query_count (f->db, &q, &error), ==, page->len);
  for (guint i = 0; i < page->len; i++)
    g_strv_builder_add (out, desk_ticket_get_data (page->pdata[i])->summary);

  return g_strv_builder_end (out);
}

static void
assert_found (Fixture            *f,
              const char         *query,
              const char * const *expected)
{
  g_auto(GStrv) found = search (f, query);

  if (!g_strv_equal ((const char * const *)found, expected))
    {
      g_autofree char *got = g_strjoinv (" | ", found);

      /* Raw bytes: g_error() would turn Chinese into "?" in the C locale. */
      fprintf (stderr, "search “%s” found: %s\n", query, got);
      g_assert_not_reached ();
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) a = add (f, DESK_TICKET_COMPLAINT, f->li, f->plumbing, "卫生间漏水", "楼下邻居投诉天花板渗水");
  g_autoptr(DeskTicket) b = add (f, DESK_TICKET_REPAIR, f->chen, f->quality, "空调 KFR-35GW 不制冷", NULL);
  g_autoptr(DeskTicket) c = add (f, DESK_TICKET_COMPLAINT, f->chen, f->quality, "客户投诉工期延误", NULL);

  /* One and two Chinese characters (a trigram index finds nothing here). */
  assert_found (f, "漏", (const char *[]) { "卫生间漏水", NULL });
  assert_found (f, "漏水", (const char *[]) { "卫生间漏水", NULL });
  assert_found (f, "投诉", (const char *[]) { "卫生间漏水", "客户投诉工期延误", NULL });
  assert_found (f, "水漏", (const char *[]) { NULL });
  assert_found (f, "工期延误", (const char *[]) { "客户投诉工期延误", NULL });
  /* Customer, address and asset are searched too. */
  /* (by number: TS- complaints before WX- repair orders) */
  assert_found (f, "美玲", (const char *[]) { "客户投诉工期延误", "空调 KFR-35GW 不制冷", NULL });
  assert_found (f, "翠湖", (const char *[]) { "卫生间漏水", NULL });
  /* Mixed Chinese and Latin, any case, full-width letters. */
  assert_found (f, "kfr 制冷", (const char *[]) { "空调 KFR-35GW 不制冷", NULL });
  assert_found (f, "ＫＦＲ", (const char *[]) { "空调 KFR-35GW 不制冷", NULL });
  assert_found (f, "35gw", (const char *[]) { "空调 KFR-35GW 不制冷", NULL });
  /* Fragments of phone numbers, from anywhere, with or without dashes. */
  assert_found (f, "0265", (const char *[]) { "卫生间漏水", NULL });
  assert_found (f, "02651234", (const char *[]) { "卫生间漏水", NULL });
  assert_found (f, "0265-1234", (const char *[]) { "卫生间漏水", NULL });
  assert_found (f, "887766", (const char *[]) { "客户投诉工期延误", "空调 KFR-35GW 不制冷", NULL });
  /* The number. */
  assert_found (f, desk_ticket_get_number (b), (const char *[]) { "空调 KFR-35GW 不制冷", NULL });

  /* Notes are found once written. */
  assert_found (f, "邻居", (const char *[]) { "卫生间漏水", NULL });
  g_assert_true (desk_ticket_store_add_note (f->db, desk_ticket_get_id (c), 0, "客户要求赔偿误工费", &error));
  assert_found (f, "赔偿", (const char *[]) { "客户投诉工期延误", NULL });

  /* Punctuation only searches nothing, and is no FTS5 syntax error. */
  {
    g_autofree char *m = desk_search_text_build_match ("\"*()-");
    g_assert_null (m);
  }
  assert_found (f, "漏\"水", (const char *[]) { "卫生间漏水", NULL });
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  guint entry[3] = { position, removed, added };
  g_array_append_vals (log, entry, 3);
}

static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(DeskTicketListModel) model = NULL;
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func (g_object_unref);
  DeskTicketQuery q = { .queue = DESK_QUEUE_OPEN, .sort = DESK_SORT_NUMBER };
  g_autoptr(DeskTicket) first_item = NULL;
  g_autoptr(DeskTicket) again = NULL;
  g_autoptr(DeskTicket) changed = NULL;
  g_autoptr(DeskTicket) added = NULL;

  for (int i = 0; i < 250; i++)
    {
      g_autofree char *summary = g_strdup_printf ("第%d号投诉", i);
      g_ptr_array_add (tickets, add (f, DESK_TICKET_COMPLAINT, i % 2 ? f->li : f->chen, f->quality, summary, NULL));
    }

  model = desk_ticket_list_model_new (f->db, &q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  g_assert_cmpuint (desk_ticket_list_model_get_fetches (model), ==, 0);

  /* Pages come on demand; the same ticket is the same object. */
  first_item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (first_item == again);
  g_assert_cmpuint (desk_ticket_list_model_get_fetches (model), ==, 1);
  for (guint i = 0; i < 250; i++)
    {
      g_autoptr(DeskTicket) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpint (desk_ticket_get_id (item), ==, desk_ticket_get_id (tickets->pdata[i]));
    }
  g_assert_cmpuint (desk_ticket_list_model_get_fetches (model), ==, 3);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 250));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);

  /* A change under the open view: exactly its row. */
  {
    DeskTicketData edit = *desk_ticket_get_data (tickets->pdata[120]);
    edit.summary = (char *)"第120号投诉（已补充）";
    g_assert_true (desk_ticket_store_update (f->db, &edit, 0, &error));
  }
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 120);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 1);
  changed = g_list_model_get_item (G_LIST_MODEL (model), 120);
  g_assert_cmpstr (desk_ticket_get_data (changed)->summary, ==, "第120号投诉（已补充）");

  /* A new ticket: inserted where it lands (the end, by number). */
  g_array_set_size (log, 0);
  added = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "新来电", NULL);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 250);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 251);

  /* Closing one takes it out of the open queue. */
  g_array_set_size (log, 0);
  {
    g_autoptr(DeskTicket) t = desk_ticket_store_get (f->db, desk_ticket_get_id (tickets->pdata[3]), &error);
    gint64 rev = desk_ticket_get_data (t)->revision;
    const DeskTicketStatus path[] = { DESK_STATUS_FORWARDED, DESK_STATUS_CONTACTED, DESK_STATUS_CLOSED };
    g_autoptr(DeskDepartment) dept = NULL;

    /* Load the page so the model knows where it was. */
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 3));
    dept = desk_office_store_add_department (f->db, "D01", "工程部", &error);
    g_assert_true (desk_ticket_store_assign (f->db, desk_ticket_get_id (t), rev++,
                                             desk_department_get_id (dept), 0, 0, &error));
    for (guint i = 0; i < G_N_ELEMENTS (path); i++)
      g_assert_true (desk_ticket_store_set_status (f->db, desk_ticket_get_id (t), rev + i, path[i], 0, NULL, &error));
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  g_assert_cmpuint (g_array_index (log, guint, log->len - 3), ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, log->len - 2), ==, 1);
  g_assert_cmpuint (g_array_index (log, guint, log->len - 1), ==, 0);

  /* A search, a re-sort and a reload keep the count right. */
  {
    DeskTicketQuery searched = { .queue = DESK_QUEUE_OPEN, .sort = DESK_SORT_NUMBER, .search = "第12" };
    DeskTicketQuery resorted = searched;

    desk_ticket_list_model_set_query (model, &searched);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                      desk_ticket_query_count (f->db, &searched, &error));
    resorted.sort = DESK_SORT_CUSTOMER;
    resorted.descending = TRUE;
    desk_ticket_list_model_set_query (model, &resorted);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                      desk_ticket_query_count (f->db, &searched, &error));
    desk_ticket_list_model_reload (model);
    g_assert_cmpstr (desk_ticket_list_model_get_query (model)->search, ==, "第12");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                      desk_ticket_query_count (f->db, &searched, &error));
  }
}

static void
test_sorting_and_paging (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 230; i++)
    {
      g_autofree char *summary = g_strdup_printf ("排序%d", i);
      g_autoptr(DeskTicket) t = add (f, i % 3 ? DESK_TICKET_COMPLAINT : DESK_TICKET_REPAIR,
                                     i % 2 ? f->li : f->chen, i % 5 ? f->quality : f->plumbing, summary, NULL);
    }

  /* Keyset paging gives the same rows as OFFSET, in every order. */
  for (int sort = 0; sort < DESK_N_SORTS; sort++)
    for (int desc = 0; desc < 2; desc++)
      {
        DeskTicketQuery q = { .queue = DESK_QUEUE_ALL, .sort = sort, .descending = desc };
        g_autoptr(GPtrArray) all = desk_ticket_query_page (f->db, &q, NULL, 0, 1000, &error);
        g_auto(DeskTicketKey) key = { 0 };
        guint seen = 0;

        g_assert_no_error (error);
        g_assert_cmpuint (all->len, ==, 230);
        while (seen < all->len)
          {
            g_autoptr(GPtrArray) page = desk_ticket_query_page (f->db, &q, &key, 0, 37, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (page->len, >, 0);
            for (guint i = 0; i < page->len; i++)
              g_assert_cmpint (desk_ticket_get_id (page->pdata[i]), ==, desk_ticket_get_id (all->pdata[seen + i]));
            seen += page->len;
            desk_ticket_key_from_ticket (&key, sort, page->pdata[page->len - 1]);
          }

        /* Small queues take their partial index, large ones walk the sort
         * order: both find the same rows, for every queue. */
        for (int queue = DESK_QUEUE_ALL; queue <= DESK_QUEUE_CLOSED; queue++)
          {
            DeskTicketQuery walk = { .queue = queue, .sort = sort, .descending = desc, .queue_arg = 1,
                                     .now = g_get_real_time () / G_USEC_PER_SEC + 3600 };
            DeskTicketQuery small = walk;
            g_autoptr(GPtrArray) a = NULL;
            g_autoptr(GPtrArray) b = NULL;

            small.count_hint = 10;
            a = desk_ticket_query_page (f->db, &walk, NULL, 0, 1000, &error);
            g_assert_no_error (error);
            b = desk_ticket_query_page (f->db, &small, NULL, 0, 1000, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (a->len, ==, b->len);
            g_assert_cmpint (a->len, ==, desk_ticket_query_count (f->db, &walk, &error));
            for (guint i = 0; i < a->len; i++)
              g_assert_cmpint (desk_ticket_get_id (a->pdata[i]), ==, desk_ticket_get_id (b->pdata[i]));
          }

        /* And positions agree with the order. */
        g_assert_cmpint (desk_ticket_query_position (f->db, &q, desk_ticket_get_id (all->pdata[77]), &error), ==, 77);
      }
}

static gint64
count_queue (Fixture   *f,
             DeskQueue  queue)
{
  g_autoptr(GError) error = NULL;
  DeskTicketQuery q = { .queue = queue, .sort = DESK_SORT_NUMBER };
  g_autoptr(GPtrArray) page = desk_ticket_query_page (f->db, &q, NULL, 0, 1000, &error);
  gint64 n = desk_ticket_query_count (f->db, &q, &error);

  g_assert_no_error (error);
  g_assert_cmpint (n, ==, page->len);
  return n;
}

/* A customer who asks not to be called back leaves the Waiting for
 * callback queue with all their open complaints, and so do complaints
 * registered afterwards; changing their mind brings them back.  Closed
 * tickets and repair orders are never in it. */
static void
test_waiting_for_callback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) a = add (f, DESK_TICKET_COMPLAINT, f->li, f->quality, "地砖空鼓", NULL);
  g_autoptr(DeskTicket) b = add (f, DESK_TICKET_COMPLAINT, f->chen, f->plumbing, "卫生间漏水", NULL);
  g_autoptr(DeskTicket) c = add (f, DESK_TICKET_REPAIR, f->chen, f->plumbing, "水龙头更换", NULL);
  g_autoptr(DeskTicket) later = NULL;

  g_assert_cmpint (count_queue (f, DESK_QUEUE_WAITING_CALLBACK), ==, 2);

  g_assert_true (desk_customer_store_set_no_callbacks (f->db, f->chen, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_queue (f, DESK_QUEUE_WAITING_CALLBACK), ==, 1);

  later = add (f, DESK_TICKET_COMPLAINT, f->chen, f->quality, "墙面开裂", NULL);
  g_assert_cmpint (count_queue (f, DESK_QUEUE_WAITING_CALLBACK), ==, 1);
  g_assert_cmpint (count_queue (f, DESK_QUEUE_OPEN), ==, 4);

  g_assert_true (desk_customer_store_set_no_callbacks (f->db, f->chen, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_queue (f, DESK_QUEUE_WAITING_CALLBACK), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/tickets/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/desk/tickets/workflow", test_workflow);
  ADD ("lifecycle", test_lifecycle);
  ADD ("several-steps", test_several_steps);
  ADD ("numbering", test_numbering);
  ADD ("numbering-concurrent", test_numbering_concurrent);
  ADD ("repeats", test_repeats);
  ADD ("stale-save", test_stale_save);
  ADD ("search", test_search);
  ADD ("list-model", test_list_model);
  ADD ("sorting-and-paging", test_sorting_and_paging);
  ADD ("waiting-for-callback", test_waiting_for_callback);

#undef ADD

  return g_test_run ();
}
