/* bench-notices.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 5's benchmark: exporting rectification notices as PDF, beside
 * LibreOffice converting a comparable one-page document in the same run.
 *
 *  - one notice: "service-desk notice NUMBER -o FILE.pdf" as a process of
 *    its own (what a batch job pays), process time (user + system) and
 *    wall time, median of RUNS;
 *  - 1,000 notices in one process (desk_notice_render_pdf in a loop);
 *  - "soffice --headless --convert-to pdf" on an HTML page holding the
 *    same text, median of LO_RUNS after one warm-up run (which creates
 *    its profile); skipped when soffice is not installed.
 *
 * It prints figures and asserts nothing about time. */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "desk-core-test.h"
#include "desk-demo.h"
#include "desk-notice-render.h"
#include "desk-notice-store.h"

#define RUNS 9
#define LO_RUNS 3
#define MANY 1000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Runs @argv to the end; adds its process time and wall time (ms). */
static gboolean
run_timed (const char * const *argv,
           GArray             *cpu,
           GArray             *wall)
{
  g_autoptr(GError) error = NULL;
  double cpu_before = cpu_ms (RUSAGE_CHILDREN);
  gint64 start = g_get_monotonic_time ();
  double c, w;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  w = (g_get_monotonic_time () - start) / 1000.0;
  c = cpu_ms (RUSAGE_CHILDREN) - cpu_before;
  g_array_append_val (cpu, c);
  g_array_append_val (wall, w);
  return TRUE;
}

static char *
html_of (DeskNotice *notice)
{
  const DeskNoticeData *d = desk_notice_get_data (notice);
  g_autofree char *problem = g_markup_escape_text (d->problem, -1);
  g_autofree char *rectification = g_markup_escape_text (d->rectification, -1);
  g_autofree char *recipient = g_markup_escape_text (d->recipient, -1);

  /* The same content and a similar ruled form, one A4 page. */
  return g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                          "<style>@page{size:A4;margin:2cm}body{font-family:'Noto Serif CJK SC'}"
                          "td{border:1px solid #000;padding:6px}</style></head><body>"
                          "<p style=\"color:#c00;text-align:center;font-size:18pt\"><b>%s</b></p><hr>"
                          "<h1 style=\"text-align:center\">整改通知书</h1>"
                          "<p>编号：%s</p><table style=\"width:100%%;border-collapse:collapse\">"
                          "<tr><td>受文单位</td><td>%s</td><td>关联单号</td><td>%s</td></tr>"
                          "<tr><td>客户姓名</td><td>%s</td><td>联系电话</td><td>%s</td></tr>"
                          "<tr><td>工程地址</td><td colspan=\"3\">%s</td></tr>"
                          "<tr><td>存在问题</td><td colspan=\"3\" style=\"height:80pt\">%s</td></tr>"
                          "<tr><td>整改要求</td><td colspan=\"3\" style=\"height:80pt\">%s</td></tr>"
                          "<tr><td>整改期限</td><td colspan=\"3\">%s</td></tr></table>"
                          "<table style=\"width:100%%;border-collapse:collapse;margin-top:16pt\">"
                          "<tr><td>编写</td><td>审批</td><td>签收</td></tr>"
                          "<tr style=\"height:60pt\"><td>日期：</td><td>日期：</td><td>日期：</td></tr></table>"
                          "<p style=\"text-align:right;margin-top:40pt\">%s</p></body></html>",
                          d->organisation, d->number, recipient, d->ticket_number, d->customer_name,
                          d->customer_phone ? d->customer_phone : "", d->site ? d->site : "",
                          problem, rectification, d->due_date, d->organisation);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = desk_test_make_dir ("bench-notices");
  g_autofree char *path = NULL;
  g_autofree char *pdf = g_build_filename (dir, "one.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "notice.html", NULL);
  g_autofree char *profile = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(DeskDatabase) db = desk_test_open_office (dir, &path);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lo_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lo_wall = g_array_new (FALSE, FALSE, sizeof (double));
  DeskNoticeQuery all = { .filter = DESK_NOTICE_FILTER_ALL };
  double one_cpu, one_wall, many_cpu, many_wall, before_cpu;
  gint64 start;

  if (!desk_demo_populate (db, FALSE, &error) ||
      !(notices = desk_notice_store_list (db, &all, &error)) || notices->len == 0)
    {
      g_printerr ("bench-notices: no demo office: %s\n", error ? error->message : "no notices");
      return 1;
    }

  /* One notice, as a process of its own. */
  for (int i = 0; i < RUNS; i++)
    {
      const char *args[] = { TEST_SERVICE_DESK, "--database", path, "notice",
                             desk_notice_get_number (notices->pdata[0]), "-o", pdf, NULL };
      if (!run_timed (args, cpu, wall))
        return 1;
    }
  one_cpu = median (cpu);
  one_wall = median (wall);
  printf ("one notice, own process (service-desk notice -o): %.1f ms process time, %.1f ms wall (median of %d)\n",
          one_cpu, one_wall, RUNS);

  /* A thousand notices in one process, cycling through the demo's. */
  before_cpu = cpu_ms (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  for (int i = 0; i < MANY; i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/many-%d.pdf", dir, i % 10);

      if (!desk_notice_render_pdf (notices->pdata[i % notices->len], out, &error))
        {
          g_printerr ("bench-notices: %s\n", error->message);
          return 1;
        }
    }
  many_cpu = cpu_ms (RUSAGE_SELF) - before_cpu;
  many_wall = (g_get_monotonic_time () - start) / 1000.0;
  printf ("%d notices in one process: %.0f ms process time (%.1f ms each), %.0f ms wall (%.1f ms each)\n",
          MANY, many_cpu, many_cpu / MANY, many_wall, many_wall / MANY);

  if (soffice == NULL)
    {
      printf ("LibreOffice (soffice) is not installed: no comparison\n");
      desk_test_remove_dir (dir);
      return 0;
    }

  /* LibreOffice converting the same notice as an HTML page. */
  {
    g_autofree char *text = html_of (notices->pdata[0]);
    g_autofree char *outdir = g_build_filename (dir, "lo", NULL);
    const char *args[] = { soffice, NULL, "--headless", "--norestore", "--convert-to", "pdf",
                           "--outdir", outdir, html, NULL };

    g_file_set_contents (html, text, -1, NULL);
    profile = g_build_filename (dir, "lo-profile", NULL);
    profile_arg = g_strdup_printf ("-env:UserInstallation=file://%s", profile);
    args[1] = profile_arg;

    /* The first run creates the profile: not counted. */
    if (!run_timed (args, lo_cpu, lo_wall))
      return 1;
    g_array_set_size (lo_cpu, 0);
    g_array_set_size (lo_wall, 0);
    for (int i = 0; i < LO_RUNS; i++)
      if (!run_timed (args, lo_cpu, lo_wall))
        return 1;
  }
  printf ("LibreOffice soffice --headless --convert-to pdf (one-page HTML): %.0f ms process time, %.0f ms wall (median of %d, warm profile)\n",
          median (lo_cpu), median (lo_wall), LO_RUNS);
  printf ("ratio LibreOffice / one notice process: %.1fx process time, %.1fx wall\n",
          median (lo_cpu) / one_cpu, median (lo_wall) / one_wall);
  printf ("ratio LibreOffice / one notice within a batch: %.0fx process time\n",
          median (lo_cpu) / (many_cpu / MANY));

  desk_test_remove_dir (dir);
  return 0;
}
