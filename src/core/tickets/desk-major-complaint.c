/* desk-major-complaint.c
 *
 * The criteria of a major complaint as a table (words in Chinese and
 * English, and a channel or a repeat count that meets one alone), and
 * matching a complaint against them.  No database: the new-ticket dialog
 * shows the matches as suggestions and the clerk decides.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-major-complaint"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-major-complaint.h"

static const DeskMajorCriterion criteria[] = {
  { "compensation", NC_("major complaint", "Compensation demanded"), "赔偿|索赔|赔钱|退款|compensation|refund|damages", -1, 0 },
  { "safety", NC_("major complaint", "Safety"), "安全|漏电|触电|燃气|煤气|漏气|坍塌|起火|火灾|受伤|safety|injur|gas leak|electric shock|fire", -1, 0 },
  { "large-sum", NC_("major complaint", "A large sum"), "万元|几万|数万|十万|百万|large sum", -1, 0 },
  { "repeated-repairs", NC_("major complaint", "Repeated repairs in a short time"), "多次维修|反复维修|修了又坏|又坏了|repeatedly repaired|broke again", -1, 3 },
  { "media", NC_("major complaint", "Media"), "媒体|记者|电视台|报社|曝光|微博|抖音|media|journalist|newspaper|television", DESK_CHANNEL_MEDIA, 0 },
  { "lawyer", NC_("major complaint", "Lawyers or the courts"), "律师|起诉|法院|诉讼|lawyer|lawsuit|court|sue ", -1, 0 },
  { "police", NC_("major complaint", "Police"), "警察|报警|派出所|110|police", -1, 0 },
  { "consumer-association", NC_("major complaint", "Consumer association"), "消协|消费者协会|12315|consumer association", -1, 0 },
  { "government", NC_("major complaint", "A government office"), "政府|住建|市长热线|12345|信访|监管|regulator|government", DESK_CHANNEL_REGULATOR, 0 },
  { "escalation-risk", NC_("major complaint", "Risk of escalation"), "上访|群诉|集体投诉|联名|闹事|拉横幅|escalat|protest|petition", -1, 0 },
};

const DeskMajorCriterion *
desk_major_criteria_get_default (guint *n_criteria)
{
  *n_criteria = G_N_ELEMENTS (criteria);
  return criteria;
}

const char *
desk_major_criterion_get_label (const DeskMajorCriterion *criterion)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "major complaint", criterion->name);
}

static gboolean
has_word (const char *folded,
          const char *words)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (list[i], -1);

      if (*word != '\0' && strstr (folded, word) != NULL)
        return TRUE;
    }

  return FALSE;
}

GPtrArray *
desk_major_criteria_match (const char  *text,
                           DeskChannel  channel,
                           int          repeat_count)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  g_autofree char *padded = g_strconcat (folded, " ", NULL);
  GPtrArray *met = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      const DeskMajorCriterion *c = &criteria[i];

      if ((c->channel >= 0 && (int)channel == c->channel) ||
          (c->min_repeat > 0 && repeat_count >= c->min_repeat) ||
          has_word (padded, c->words))
        g_ptr_array_add (met, (gpointer)c);
    }

  return met;
}
