/* bench-procedures.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing procedures beside "xmllint --noout --relaxng" on the same
 * files in the same run: 1,000 ordinary procedure files, and one 10 MB
 * procedure.  Prints medians of several runs and the ratio; asserts
 * nothing about time.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "desk-core-test.h"
#include "desk-procedure-io.h"
#include "desk-procedure-store.h"

#define N_FILES 1000
#define RUNS 3

static const char *words[] = {
  "客户", "投诉", "维修", "回访", "整改", "通知", "工程部", "质检", "现场", "记录",
  "安全", "检查", "电源", "水阀", "确认", "登记", "转交", "部门经理", "协调员", "时限",
};

static void
append_sentence (GString *s,
                 GRand   *rand,
                 int      n)
{
  for (int i = 0; i < n; i++)
    g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append (s, "。");
}

/* A procedure of @clauses clauses, each with a paragraph, and a flow of
 * steps every few clauses, with a hazard and a route now and then. */
static char *
make_procedure (GRand *rand,
                int    number,
                int    clauses)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<procedure xmlns=\"urn:service-desk:procedure:1\" version=\"1\" code=\"BENCH-%05d\" xml:lang=\"zh-CN\">\n"
                          "  <title>基准规程 %d</title>\n  <edition>正式版</edition>\n  <revised>2026-01-01</revised>\n"
                          "  <signoff role=\"written-by\" name=\"王丽\"/>\n  <purpose>\n    <p>", number, number);
  append_sentence (s, rand, 12);
  g_string_append (s, "</p>\n  </purpose>\n  <roles>\n    <role id=\"clerk\" kind=\"clerk\" name=\"客服专员\">\n      <duty>");
  append_sentence (s, rand, 8);
  g_string_append (s, "</duty>\n    </role>\n  </roles>\n  <body>\n");
  for (int c = 0; c < clauses; c++)
    {
      g_string_append_printf (s, "    <clause label=\"%d、\" title=\"第%d条\">\n      <p>", c + 1, c + 1);
      append_sentence (s, rand, 20);
      g_string_append (s, "</p>\n");
      if (c % 4 == 0)
        {
          g_string_append (s, "      <flow title=\"流程\" role=\"clerk\">\n");
          for (int k = 0; k < 4; k++)
            {
              g_string_append_printf (s, "        <step label=\"%d\" role=\"clerk\" limit=\"30\" unit=\"minutes\">\n          <text>", k + 1);
              append_sentence (s, rand, 6);
              g_string_append (s, "</text>\n        </step>\n");
            }
          g_string_append (s, "      </flow>\n");
        }
      if (c % 7 == 3)
        {
          g_string_append (s, "      <hazard level=\"warning\" type=\"触电\">\n        <check>");
          append_sentence (s, rand, 5);
          g_string_append (s, "</check>\n        <route who=\"作业人员\">\n          <waypoint>配电间</waypoint>\n"
                              "          <waypoint>楼梯</waypoint>\n          <waypoint>地面</waypoint>\n        </route>\n      </hazard>\n");
        }
      g_string_append (s, "    </clause>\n");
    }
  g_string_append (s, "  </body>\n</procedure>\n");
  return g_string_free (s, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), (int (*)(const void *, const void *))compare_doubles);
  return values[n / 2];
}

static double
run_xmllint (const char *schema,
             GPtrArray  *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  int status = 0;

  g_ptr_array_add (argv, (char *)"xmllint");
  g_ptr_array_add (argv, (char *)"--noout");
  g_ptr_array_add (argv, (char *)"--relaxng");
  g_ptr_array_add (argv, (char *)schema);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);

  g_timer_start (timer);
  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      g_printerr ("xmllint: %s\n", error->message);
      return -1;
    }
  g_timer_stop (timer);
  if (!g_spawn_check_wait_status (status, NULL))
    g_printerr ("xmllint reported invalid files\n");
  return g_timer_elapsed (timer, NULL);
}

/* Parse, validate and store each file, one transaction each, into a new
 * office. */
static double
run_import (const char *dir,
            int         run,
            GPtrArray  *files)
{
  g_autofree char *sub = g_strdup_printf ("%s/office-%d", dir, run);
  g_autofree char *path = NULL;
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GTimer) timer = NULL;

  g_mkdir (sub, 0755);
  db = desk_test_open_office (sub, &path);
  timer = g_timer_new ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (desk_procedure_store_import_file (db, g_ptr_array_index (files, i), NULL, &error) == 0)
        g_error ("%s", error->message);
    }
  g_timer_stop (timer);
  return g_timer_elapsed (timer, NULL);
}

/* The same in one outer transaction, each file still its own savepoint
 * (stored whole or not at all): what a batch costs without a commit per
 * file. */
static double
run_import_batch (const char *dir,
                  int         run,
                  GPtrArray  *files)
{
  g_autofree char *sub = g_strdup_printf ("%s/batch-%d", dir, run);
  g_autofree char *path = NULL;
  g_autoptr(DeskDatabase) db = NULL;
  g_autoptr(GTimer) timer = NULL;

  g_mkdir (sub, 0755);
  db = desk_test_open_office (sub, &path);
  timer = g_timer_new ();
  g_assert (desk_database_begin (db, NULL));
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (desk_procedure_store_import_file (db, g_ptr_array_index (files, i), NULL, &error) == 0)
        g_error ("%s", error->message);
    }
  g_assert (desk_database_commit (db, NULL));
  g_timer_stop (timer);
  return g_timer_elapsed (timer, NULL);
}

/* Parse and validate only, storing nothing: what xmllint does. */
static double
run_validate (GPtrArray *files)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProcedure) p = desk_procedure_load_file (g_ptr_array_index (files, i), NULL, &error);

      if (p == NULL)
        g_error ("%s", error->message);
    }
  g_timer_stop (timer);
  return g_timer_elapsed (timer, NULL);
}

static void
compare (const char *name,
         const char *dir,
         const char *schema,
         GPtrArray  *files,
         int         first_run)
{
  double lint[RUNS], import[RUNS], validate[RUNS], batch[RUNS];
  double m_lint, m_import, m_validate, m_batch;

  for (int r = 0; r < RUNS; r++)
    {
      lint[r] = run_xmllint (schema, files);
      validate[r] = run_validate (files);
      import[r] = run_import (dir, first_run + r, files);
      batch[r] = run_import_batch (dir, first_run + r, files);
    }
  m_lint = median (lint, RUNS);
  m_import = median (import, RUNS);
  m_validate = median (validate, RUNS);
  m_batch = median (batch, RUNS);

  printf ("%s (medians of %d runs)\n", name, RUNS);
  printf ("  xmllint --noout --relaxng:       %8.1f ms\n", m_lint * 1000);
  printf ("  parse + validate, no storing:    %8.1f ms   %.2f× xmllint\n", m_validate * 1000, m_validate / m_lint);
  printf ("  import, a transaction per file:  %8.1f ms   %.2f× xmllint\n", m_import * 1000, m_import / m_lint);
  printf ("  import, one batch transaction:   %8.1f ms   %.2f× xmllint\n", m_batch * 1000, m_batch / m_lint);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = desk_test_make_dir ("bench-procedures");
  g_autofree char *schema = g_build_filename (dir, "procedure.rng", NULL);
  g_autofree char *big = g_build_filename (dir, "big.xml", NULL);
  g_autoptr(GBytes) rng = desk_procedure_get_schema ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) big_files = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autofree char *big_xml = NULL;
  gsize total = 0;

  if (!g_find_program_in_path ("xmllint"))
    {
      printf ("xmllint is not installed (libxml2-utils): nothing to compare with\n");
      return 0;
    }

  g_file_set_contents (schema, g_bytes_get_data (rng, NULL), g_bytes_get_size (rng), NULL);
  for (int i = 0; i < N_FILES; i++)
    {
      g_autofree char *xml = make_procedure (rand, i, 8 + g_rand_int_range (rand, 0, 16));
      char *path = g_strdup_printf ("%s/p%04d.xml", dir, i);

      g_file_set_contents (path, xml, -1, NULL);
      total += strlen (xml);
      g_ptr_array_add (files, path);
    }
  printf ("%d procedure files, %.1f MB in all\n", N_FILES, total / 1e6);
  compare ("1,000 files", dir, schema, files, 0);

  big_xml = make_procedure (rand, 99999, 24000);
  g_file_set_contents (big, big_xml, -1, NULL);
  printf ("one procedure of %.1f MB\n", strlen (big_xml) / 1e6);
  g_ptr_array_add (big_files, big);
  compare ("10 MB procedure", dir, schema, big_files, 100);

  desk_test_remove_dir (dir);
  return 0;
}
