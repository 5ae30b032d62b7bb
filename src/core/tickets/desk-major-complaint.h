/* desk-major-complaint.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-types.h"

G_BEGIN_DECLS

/* What makes a complaint "major" (重大投诉, DOMAIN.md): compensation,
 * safety, a large sum, repeated repairs in a short time, media, lawyers,
 * police, the consumer association, a government office, or a risk of
 * escalation.  Each criterion is data: words that give it away (Chinese
 * and English, matched case-insensitively), a channel that is enough on
 * its own, and a repeat count from which it holds.  Suggestions for the
 * person registering the complaint: they decide. */
typedef struct
{
  const char  *id;
  const char  *name;          /* English; see desk_major_criterion_get_label() */
  const char  *words;         /* "|"-separated */
  int          channel;       /* a DeskChannel that meets it alone; -1: none */
  int          min_repeat;    /* repeat number that meets it alone; 0: none */
} DeskMajorCriterion;

const DeskMajorCriterion *desk_major_criteria_get_default (guint                    *n_criteria);
const char               *desk_major_criterion_get_label  (const DeskMajorCriterion *criterion);
/* The criteria a complaint meets.  Element type const DeskMajorCriterion *. */
GPtrArray                *desk_major_criteria_match       (const char               *text,
                                                           DeskChannel               channel,
                                                           int                       repeat_count);

G_END_DECLS
