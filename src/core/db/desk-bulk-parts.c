/* desk-bulk-parts.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes the parts of bulk work by the time they take, not by a count:
 * inserting a ticket costs ten times more on a million-ticket office than
 * on an empty one, and a fixed count that is quick on one holds the write
 * lock for seconds on the other.
 */

#define G_LOG_DOMAIN "desk-bulk-parts"

#include "config.h"

#include "desk-bulk-parts.h"

void
desk_bulk_parts_init (DeskBulkParts *parts,
                      guint          first_size,
                      guint          min_size,
                      guint          max_size)
{
  g_return_if_fail (parts != NULL);
  g_return_if_fail (min_size > 0 && min_size <= max_size);

  parts->min_size = min_size;
  parts->max_size = max_size;
  parts->size = CLAMP (first_size, min_size, max_size);
  parts->started = 0;
}

void
desk_bulk_parts_begin (DeskBulkParts *parts)
{
  parts->started = g_get_monotonic_time ();
}

void
desk_bulk_parts_end (DeskBulkParts *parts,
                     guint          n_done)
{
  gint64 took = MAX (g_get_monotonic_time () - parts->started, 1);
  double per_item = (double)took / MAX (n_done, 1);
  double next = DESK_BULK_PART_MS * 1000.0 / per_item;

  /* Grow slowly, shrink at once: one slow part (a checkpoint, a cold
   * page) must not make the next one long. */
  next = MIN (next, parts->size * 2.0);
  parts->size = (guint)CLAMP (next, (double)parts->min_size, (double)parts->max_size);

  g_usleep (DESK_BULK_PAUSE_MS * 1000);
}
