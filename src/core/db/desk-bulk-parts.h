/* desk-bulk-parts.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk work (generate, recomputing every deadline) in parts, each its own
 * transaction, sized so that a part holds the office's write lock for
 * about DESK_BULK_PART_MS, with a short pause after it in which the other
 * desks' writes go in.  A job stopped half way leaves whole parts only.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long one part may hold the write lock, and the pause after it:
 * longer than a waiting connection's sleep between tries (2 ms, see
 * desk-database.c), so that a waiting save is sure to get its turn. */
#define DESK_BULK_PART_MS  60
#define DESK_BULK_PAUSE_MS 6

typedef struct
{
  guint  size;     /* items in the next part */
  guint  min_size;
  guint  max_size;
  gint64 started;  /* monotonic µs: when the current part began */
} DeskBulkParts;

void  desk_bulk_parts_init   (DeskBulkParts *parts,
                              guint          first_size,
                              guint          min_size,
                              guint          max_size);
/* Call before the part's transaction begins. */
void  desk_bulk_parts_begin  (DeskBulkParts *parts);
/* Call after it committed: sizes the next part from how long this one
 * took, then pauses so that other connections can write. */
void  desk_bulk_parts_end    (DeskBulkParts *parts,
                              guint          n_done);

G_END_DECLS
