/* test-customer-lookup.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding the caller while the phone rings: by a fragment of the number,
 * part of the name or the plate, on the demo office.
 */

#include "config.h"

#include "desk-core-test.h"

#include <glib/gstdio.h>

#include "desk-customer-store.h"
#include "desk-database.h"
#include "desk-demo.h"

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

  f->dir = desk_test_make_dir ("desk-lookup");
  f->db = desk_test_open_office (f->dir, &f->path);
  g_assert_true (desk_demo_populate (f->db, FALSE, &error));
  g_assert_no_error (error);
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

static GPtrArray *
lookup (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches;

  matches = desk_customer_store_lookup (f->db, text, 20, &error);
  g_assert_no_error (error);
  g_assert_nonnull (matches);

  return matches;
}

static gboolean
has_customer (GPtrArray  *matches,
              const char *name)
{
  for (guint i = 0; i < matches->len; i++)
    if (g_strcmp0 (((DeskCustomerMatch *)g_ptr_array_index (matches, i))->name, name) == 0)
      return TRUE;

  return FALSE;
}

static void
test_phone_fragment (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) middle = lookup (f, "0265123");
  g_autoptr(GPtrArray) spaced = lookup (f, "139 0265 1234");
  g_autoptr(GPtrArray) two = lookup (f, "39");
  g_autoptr(GError) error = NULL;
  DeskCustomerFields fields = { .name = "欧阳明", .phone = "0755-2233 4455" };
  g_autoptr(GPtrArray) written = NULL;
  gint64 id;

  /* 李建华 13902651234 */
  g_assert_true (has_customer (middle, "李建华"));
  g_assert_cmpuint (spaced->len, >=, 1);
  g_assert_cmpstr (((DeskCustomerMatch *)g_ptr_array_index (spaced, 0))->name, ==, "李建华");
  g_assert_cmpstr (((DeskCustomerMatch *)g_ptr_array_index (spaced, 0))->asset_label, ==,
                   "翠湖花园 3栋1202室");

  /* Two digits are not a phone fragment. */
  g_assert_false (has_customer (two, "李建华"));

  /* A number written with a dash and spaces is found by its digits. */
  id = desk_customer_store_add (f->db, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  written = lookup (f, "2233 4455");
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_cmpint (((DeskCustomerMatch *)g_ptr_array_index (written, 0))->customer_id, ==, id);
  g_assert_cmpint (((DeskCustomerMatch *)g_ptr_array_index (written, 0))->asset_id, ==, 0);
}

static void
test_name (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) full = lookup (f, "李建华");
  g_autoptr(GPtrArray) one = lookup (f, "丽");
  g_autoptr(GPtrArray) padded = lookup (f, "  王志强 ");

  g_assert_cmpuint (full->len, >=, 1);
  g_assert_cmpstr (((DeskCustomerMatch *)g_ptr_array_index (full, 0))->name, ==, "李建华");
  g_assert_cmpstr (((DeskCustomerMatch *)g_ptr_array_index (full, 0))->phone, ==, "13902651234");
  g_assert_nonnull (((DeskCustomerMatch *)g_ptr_array_index (full, 0))->address);

  /* One Chinese character is enough. */
  g_assert_true (has_customer (one, "黄丽娟"));
  g_assert_true (has_customer (one, "孙丽华"));
  g_assert_false (has_customer (one, "李建华"));

  g_assert_cmpuint (padded->len, >=, 1);
  g_assert_cmpstr (((DeskCustomerMatch *)g_ptr_array_index (padded, 0))->name, ==, "王志强");
  g_assert_true (((DeskCustomerMatch *)g_ptr_array_index (padded, 0))->no_callbacks);
}

static void
test_plate (Fixture       *f,
            gconstpointer  data)
{
  const char *typed[] = { "7K26M", "7k26", "粤B·7K26M", "粤b 7k26m", "B7K2" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) matches = lookup (f, typed[i]);
      DeskCustomerMatch *match;

      g_test_message ("plate typed as %s", typed[i]);
      g_assert_cmpuint (matches->len, ==, 1);
      match = g_ptr_array_index (matches, 0);
      g_assert_cmpstr (match->name, ==, "吴海燕");
      g_assert_cmpstr (match->asset_label, ==, "粤B·7K26M");
      g_assert_cmpint (match->asset_kind, ==, DESK_ASSET_VEHICLE);
      g_assert_cmpint (match->asset_id, >, 0);
    }
}

static void
test_nothing (Fixture       *f,
              gconstpointer  data)
{
  const char *typed[] = { "", "   ", "%", "_", "\\", "不存在的客户" };
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) matches = lookup (f, typed[i]);

      g_test_message ("typed “%s”", typed[i]);
      g_assert_cmpuint (matches->len, ==, 0);
    }

  /* The limit holds. */
  limited = desk_customer_store_lookup (f->db, "深圳", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limited->len, <=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/desk/customer-lookup/phone-fragment", Fixture, NULL,
              fixture_set_up, test_phone_fragment, fixture_tear_down);
  g_test_add ("/desk/customer-lookup/name", Fixture, NULL,
              fixture_set_up, test_name, fixture_tear_down);
  g_test_add ("/desk/customer-lookup/plate", Fixture, NULL,
              fixture_set_up, test_plate, fixture_tear_down);
  g_test_add ("/desk/customer-lookup/nothing", Fixture, NULL,
              fixture_set_up, test_nothing, fixture_tear_down);

  return g_test_run ();
}
