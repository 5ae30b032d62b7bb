/* bench-manuals.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing every manual of ../shared/manuals 100 times: the median time
 * per manual of the whole import (decode, recognise the structure), of
 * storing it in an office (one transaction each), and, as the baseline in
 * the same run, of decoding its text alone.  Prints figures; asserts
 * nothing about time.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "desk-core-test.h"
#include "desk-manual-import.h"
#include "desk-procedure-store.h"

#define RUNS 100

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

int
main (int   argc,
      char *argv[])
{
  const char *shared = g_getenv ("SERVICE_DESK_SHARED_DIR");
  g_autofree char *dir = shared ? g_build_filename (shared, "manuals", NULL) : NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *office = desk_test_make_dir ("bench-manuals");
  g_autoptr(DeskDatabase) db = desk_test_open_office (office, NULL);
  const char *name;
  double total = 0;

  if (dir == NULL || !(d = g_dir_open (dir, 0, NULL)))
    {
      printf ("bench-manuals: ../shared/manuals is not here, nothing to measure\n");
      desk_test_remove_dir (office);
      return 77;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (desk_manual_is_manual_file (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  printf ("%-50s %7s %10s %10s %10s %6s\n", "manual (100 runs, medians)", "bytes", "decode µs", "import µs",
          "store µs", "ratio");
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      double decode[RUNS], import[RUNS], store[RUNS];
      gsize length;

      if (!g_file_get_contents (path, &data, &length, NULL))
        continue;
      for (int r = 0; r < RUNS; r++)
        {
          const char *encoding;
          gint64 t0 = g_get_monotonic_time ();
          g_autofree char *text = _desk_manual_decode_text (data, length, path, &encoding, NULL);
          gint64 t1 = g_get_monotonic_time ();
          g_autoptr(DeskManualImport) m = desk_manual_import_data (data, length, path, NULL);
          gint64 t2 = g_get_monotonic_time ();

          g_assert_nonnull (text);
          g_assert_nonnull (m);
          g_assert_cmpint (desk_procedure_store_add (db, m->procedure, "bench", 0, NULL), >, 0);
          decode[r] = t1 - t0;
          import[r] = t2 - t1;
          store[r] = g_get_monotonic_time () - t2;
        }
      {
        double dm = median (decode, RUNS), im = median (import, RUNS), sm = median (store, RUNS);

        total += im;
        printf ("%-50s %7" G_GSIZE_FORMAT " %10.1f %10.1f %10.1f %6.0f\n", (char *) g_ptr_array_index (names, i),
                length, dm, im, sm, dm > 0 ? im / dm : 0);
      }
    }
  printf ("all %u manuals, sum of the import medians: %.1f µs\n", names->len, total);
  g_clear_object (&db);
  desk_test_remove_dir (office);
  return 0;
}
