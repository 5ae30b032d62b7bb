/* test-office-store.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <glib/gstdio.h>

#include "desk-customer-store.h"
#include "desk-database.h"
#include "desk-demo.h"
#include "desk-office-store.h"
#include "desk-text.h"
#include "desk-ticket-query.h"

typedef struct
{
  char         *dir;
  char         *path;
  DeskDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = desk_test_make_dir ("desk-store");
  f->db = desk_test_open_office (f->dir, &f->path);
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

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *name = NULL;

  missing = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  g_assert_null (missing);

  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_ORGANISATION_NAME,
                                                "华安装饰 客服中心", &error));
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_ORGANISATION_NAME,
                                                "华安装饰工程有限公司", &error));
  g_assert_no_error (error);
  name = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  g_assert_cmpstr (name, ==, "华安装饰工程有限公司");
}

static void
test_departments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDepartment) service = NULL;
  g_autoptr(DeskDepartment) repair = NULL;
  g_autoptr(DeskDepartment) twice = NULL;
  g_autoptr(DeskStaff) person = NULL;
  g_autoptr(GPtrArray) list = NULL;

  service = desk_office_store_add_department (f->db, NULL, " 客服部 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_department_get_code (service), ==, "D001");
  g_assert_cmpstr (desk_department_get_name (service), ==, "客服部");

  repair = desk_office_store_add_department (f->db, NULL, "维修部", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_department_get_code (repair), ==, "D002");

  /* Errors name the field, so the form can point at it. */
  twice = desk_office_store_add_department (f->db, NULL, "客服部", &error);
  g_assert_null (twice);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "Department name"));
  g_clear_error (&error);

  g_assert_null (desk_office_store_add_department (f->db, NULL, "\u3000 ", &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (desk_office_store_rename_department (f->db, desk_department_get_id (repair),
                                                       "客服部", &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (desk_office_store_rename_department (f->db, desk_department_get_id (repair),
                                                     "售后维修部", &error));
  g_assert_no_error (error);
  g_assert_false (desk_office_store_rename_department (f->db, 9999, "无", &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A department with people in it stays until they move or retire. */
  person = desk_office_store_add_staff (f->db, NULL, "王丽", DESK_ROLE_CLERK,
                                        desk_department_get_id (service), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (desk_office_store_remove_department (f->db, desk_department_get_id (service), &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (desk_office_store_retire_staff (f->db, desk_staff_get_id (person), &error));
  g_assert_true (desk_office_store_remove_department (f->db, desk_department_get_id (service), &error));
  g_assert_no_error (error);

  list = desk_office_store_list_departments (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (desk_department_get_name (g_ptr_array_index (list, 0)), ==, "售后维修部");
}

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDepartment) qa = NULL;
  g_autoptr(DeskStaff) inspector = NULL;
  g_autoptr(DeskStaff) boss = NULL;
  g_autoptr(DeskStaff) found = NULL;
  g_autoptr(DeskStaff) clash = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *display = NULL;

  qa = desk_office_store_add_department (f->db, NULL, "质检部", &error);
  inspector = desk_office_store_add_staff (f->db, NULL, "孙敏", DESK_ROLE_QA_INSPECTOR,
                                           desk_department_get_id (qa), "0755-1234", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_staff_get_code (inspector), ==, "S001");
  g_assert_cmpint (desk_staff_get_role (inspector), ==, DESK_ROLE_QA_INSPECTOR);
  g_assert_cmpint (desk_staff_get_department_id (inspector), ==, desk_department_get_id (qa));

  boss = desk_office_store_add_staff (f->db, NULL, "林志远", DESK_ROLE_GENERAL_MANAGER, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_staff_get_code (boss), ==, "S002");
  g_assert_cmpint (desk_staff_get_department_id (boss), ==, 0);

  clash = desk_office_store_add_staff (f->db, "S001", "别人", DESK_ROLE_CLERK, 0, NULL, &error);
  g_assert_null (clash);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "Staff number"));
  g_clear_error (&error);

  g_assert_null (desk_office_store_add_staff (f->db, NULL, "", DESK_ROLE_CLERK, 0, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Name"));
  g_clear_error (&error);

  g_assert_null (desk_office_store_add_staff (f->db, NULL, "无部门", DESK_ROLE_CLERK, 777, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Department"));
  g_clear_error (&error);

  /* Promotion: saved and read back. */
  desk_staff_set_role (inspector, DESK_ROLE_DEPARTMENT_MANAGER);
  desk_staff_set_phone (inspector, NULL);
  g_assert_true (desk_office_store_update_staff (f->db, inspector, &error));
  g_assert_no_error (error);
  found = desk_office_store_find_staff (f->db, "S001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_staff_get_role (found), ==, DESK_ROLE_DEPARTMENT_MANAGER);
  g_assert_null (desk_staff_get_phone (found));
  display = desk_staff_dup_display_name (found);
  g_assert_cmpstr (display, ==, "孙敏 · Department manager");

  g_assert_true (desk_office_store_retire_staff (f->db, desk_staff_get_id (boss), &error));
  list = desk_office_store_list_staff (f->db, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (desk_office_store_find_staff (f->db, "S002", &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Numbers of retired people are never handed out again. */
  g_clear_object (&clash);
  clash = desk_office_store_add_staff (f->db, NULL, "新人", DESK_ROLE_CLERK, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_staff_get_code (clash), ==, "S003");
}

static void
test_customers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskCustomerFields fields = { .name = "李建华", .phone = "13902651234" };
  DeskCustomerFields nameless = { .phone = "13902651234" };
  gint64 id;

  id = desk_customer_store_add (f->db, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_cmpint (desk_customer_store_add (f->db, &nameless, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Customer name"));
  g_clear_error (&error);

  g_assert_cmpint (desk_customer_store_add_asset (f->db, id, DESK_ASSET_SITE, "翠湖花园 3栋1202室",
                                                  NULL, "2026-09-18", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (desk_customer_store_add_asset (f->db, id, DESK_ASSET_SITE, "翠湖花园",
                                                  NULL, "18/09/2026", &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Handover date"));
  g_clear_error (&error);

  g_assert_cmpint (desk_customer_store_count (f->db, &error), ==, 1);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autofree char *organisation = NULL;
  gboolean roles[DESK_N_ROLES] = { FALSE };

  g_assert_true (desk_office_store_is_empty (f->db, &error));
  g_assert_true (desk_demo_populate (f->db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (desk_office_store_is_empty (f->db, &error));

  /* Every role of DOMAIN.md is staffed. */
  staff = desk_office_store_list_staff (f->db, &error);
  for (guint i = 0; i < staff->len; i++)
    roles[desk_staff_get_role (g_ptr_array_index (staff, i))] = TRUE;
  for (guint r = 0; r < DESK_N_ROLES; r++)
    g_assert_true (roles[r]);

  departments = desk_office_store_list_departments (f->db, &error);
  g_assert_cmpuint (departments->len, >=, 4);
  g_assert_cmpint (desk_customer_store_count (f->db, &error), >=, 20);
  organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  g_assert_false (desk_text_is_blank (organisation));

  /* A few hundred tickets, in every state, some repeats, some overdue. */
  {
    DeskTicketQuery all = { .queue = DESK_QUEUE_ALL };
    DeskTicketQuery overdue = { .queue = DESK_QUEUE_OVERDUE };
    DeskTicketQuery major = { .queue = DESK_QUEUE_MAJOR };
    g_autoptr(GPtrArray) tickets = NULL;
    gboolean seen[DESK_N_STATUSES] = { FALSE };
    gboolean repeat = FALSE;

    g_assert_cmpint (desk_ticket_query_count (f->db, &all, &error), >=, 300);
    g_assert_cmpint (desk_ticket_query_count (f->db, &overdue, &error), >, 0);
    g_assert_cmpint (desk_ticket_query_count (f->db, &major, &error), >=, 0);
    tickets = desk_ticket_query_page (f->db, &all, NULL, 0, 1000, &error);
    for (guint i = 0; i < tickets->len; i++)
      {
        const DeskTicketData *d = desk_ticket_get_data (tickets->pdata[i]);

        seen[d->status] = TRUE;
        repeat |= d->repeat_count > 1 && d->repeat_of > 0;
      }
    for (guint s = 0; s < DESK_N_STATUSES; s++)
      g_assert_true (seen[s]);
    g_assert_true (repeat);
  }

  /* A second run refuses and changes nothing. */
  g_assert_true (desk_office_store_set_setting (f->db, DESK_SETTING_ORGANISATION_NAME, "我们的公司", &error));
  g_assert_false (desk_demo_populate (f->db, FALSE, &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "--force"));
  g_clear_error (&error);
  g_clear_pointer (&organisation, g_free);
  organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  g_assert_cmpstr (organisation, ==, "我们的公司");

  /* Replacing gives the same demo office, not a doubled one. */
  g_assert_true (desk_demo_populate (f->db, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = desk_office_store_list_staff (f->db, &error);
  g_assert_cmpuint (staff->len, ==, 15);
  g_clear_pointer (&organisation, g_free);
  organisation = desk_office_store_get_setting (f->db, DESK_SETTING_ORGANISATION_NAME);
  g_assert_cmpstr (organisation, !=, "我们的公司");
}

static void
test_text_blank (void)
{
  g_assert_true (desk_text_is_blank (NULL));
  g_assert_true (desk_text_is_blank (""));
  g_assert_true (desk_text_is_blank (" \t\n"));
  g_assert_true (desk_text_is_blank ("\u3000\u3000"));
  g_assert_false (desk_text_is_blank (" 客 "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/office-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("settings", test_settings);
  ADD ("departments", test_departments);
  ADD ("staff", test_staff);
  ADD ("customers", test_customers);
  ADD ("demo", test_demo);
  g_test_add_func ("/desk/text/blank", test_text_blank);

#undef ADD

  return g_test_run ();
}
