/* bench-window-starts.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's first frame on the large office in the three states a desk
 * meets it in (issue 14): the first start of a day (its calls not planned
 * yet), a later start (the day planned), and a start after a week away
 * (a week of calls planned and never made, the day not planned).  Each
 * start is bench-tickets-view (DESK_BENCH_RUNS=0) as a process of its own
 * on a fresh copy of a prepared office, in English and in Chinese; printed:
 * the median time to the first frame and the peak resident memory of the
 * process, which includes the day's planning when the start has one to
 * do (bench-tickets-view waits for it with DESK_BENCH_WAIT_PLANNING), and
 * then, a clerk's pause later (DESK_BENCH_SWITCH_PAUSE, passed on), the
 * medians of switching to the Callbacks area, to the next day and to the
 * Overdue tab, each to its frame.
 *
 *   DESK_BENCH_DB     the office (default: bench-office.db in the build folder)
 *   DESK_BENCH_STARTS starts per figure (default 3)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "desk-callback-store.h"
#include "desk-database.h"

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
  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

static void
copy_office (const char *from,
             const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  if (!g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copying %s: %s", from, error->message);
}

/* A closed office with no -wal beside it, so that a plain copy is whole. */
static void
prepare (const char *source,
         const char *path,
         int         planned_days_ago)
{
  g_autoptr(DeskDatabase) src = NULL;
  g_autoptr(GError) error = NULL;

  src = desk_database_open (source, DESK_DATABASE_OPEN_DEFAULT, &error);
  if (src == NULL || !desk_database_backup (src, path, &error))
    g_error ("%s", error->message);
  g_clear_object (&src);

  if (planned_days_ago >= 0)
    {
      g_autoptr(DeskDatabase) db = desk_database_open (path, DESK_DATABASE_OPEN_DEFAULT, &error);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC - (gint64)planned_days_ago * 24 * 3600;
      guint64 n = 0;

      if (db == NULL || !desk_callback_store_plan (db, now, 0, &n, &error))
        g_error ("planning: %s", error->message);
      fprintf (stderr, "%s: planned %" G_GUINT64_FORMAT " calls as of %d days ago\n", path, n, planned_days_ago);
    }
}

/* What bench-tickets-view prints of the Callbacks area once the start's
 * planning is done, each in ms to its frame. */
static const char *area_figures[] = {
  "switch to the Callbacks area, to its frame",
  "change the day, to its frame",
  "show the Overdue tab, to its frame",
};

static void
start_once (const char *view_bench,
            const char *office,
            const char *language,
            GArray     *frames,
            GArray     *rss,
            GArray    **switches)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { view_bench, NULL };
  struct rusage usage;
  GPid pid;
  int out_fd, status;
  const char *line;
  g_autoptr(GIOChannel) channel = NULL;

  env = g_environ_setenv (env, "DESK_BENCH_RUNS", "0", TRUE);
  env = g_environ_setenv (env, "DESK_BENCH_WAIT_PLANNING", "1", TRUE);
  env = g_environ_setenv (env, "DESK_BENCH_DB", office, TRUE);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s: %s", view_bench, error->message);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_to_end (channel, &out, NULL, NULL);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed on %s:\n%s", view_bench, office, out ? out : "");
  g_spawn_close_pid (pid);

  line = out ? strstr (out, "process start to the first frame showing the queue") : NULL;
  if (line == NULL)
    g_error ("no first frame in:\n%s", out ? out : "");
  line += strlen ("process start to the first frame showing the queue");
  {
    double ms = g_ascii_strtod (line, NULL);
    double mb = usage.ru_maxrss / 1024.0;

    g_array_append_val (frames, ms);
    g_array_append_val (rss, mb);
  }
  for (guint i = 0; i < G_N_ELEMENTS (area_figures); i++)
    {
      double ms;

      line = strstr (out, area_figures[i]);
      if (line == NULL)
        g_error ("no \"%s\" in:\n%s", area_figures[i], out);
      ms = g_ascii_strtod (line + strlen (area_figures[i]), NULL);
      g_array_append_val (switches[i], ms);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".";
  g_autofree char *default_path = g_build_filename (builddir, "bench-office.db", NULL);
  g_autofree char *view_bench = g_build_filename (builddir, "bench-tickets-view", NULL);
  g_autofree char *run_copy = g_build_filename (builddir, "bench-start-office.db", NULL);
  const char *source = g_getenv ("DESK_BENCH_DB") ? g_getenv ("DESK_BENCH_DB") : default_path;
  int starts = g_getenv ("DESK_BENCH_STARTS") ? MAX (1, atoi (g_getenv ("DESK_BENCH_STARTS"))) : 3;
  const struct { const char *name; const char *file; int planned_days_ago; } states[] = {
    { "first start of the day (planning to do)", "bench-state-unplanned.db", -1 },
    { "later start (the day planned)", "bench-state-planned.db", 0 },
    { "after a week away (missed calls piled up)", "bench-state-week.db", 7 },
  };
  const char *languages[] = { "en", "zh_CN" };

  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      printf ("SKIP: no office at %s (run bench-tickets first, or set DESK_BENCH_DB)\n", source);
      return 0;
    }

  printf ("Service Desk window starts on %s: median of %d starts, each on a fresh copy\n", source, starts);
  printf ("%-44s %-6s %12s %12s %13s %10s %10s\n", "state", "lang", "first frame", "peak RSS MB",
          "to Callbacks", "next day", "Overdue");

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      g_autofree char *prepared = g_build_filename (builddir, states[s].file, NULL);

      prepare (source, prepared, states[s].planned_days_ago);
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
          GArray *switches[G_N_ELEMENTS (area_figures)];
          double worst = 0;

          for (guint i = 0; i < G_N_ELEMENTS (area_figures); i++)
            switches[i] = g_array_new (FALSE, FALSE, sizeof (double));
          for (int i = 0; i < starts; i++)
            {
              copy_office (prepared, run_copy);
              start_once (view_bench, run_copy, languages[l], frames, rss, switches);
            }
          for (guint i = 0; i < rss->len; i++)
            worst = MAX (worst, g_array_index (rss, double, i));
          printf ("%-44s %-6s %9.1f ms %12.1f %10.1f ms %7.1f ms %7.1f ms\n", states[s].name, languages[l],
                  median (frames), worst, median (switches[0]), median (switches[1]), median (switches[2]));
          for (guint i = 0; i < G_N_ELEMENTS (area_figures); i++)
            g_array_unref (switches[i]);
          fflush (stdout);
        }
      g_unlink (prepared);
    }
  {
    g_autofree char *wal = g_strconcat (run_copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (run_copy, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (run_copy);
  return 0;
}
