/* desk-search-text.c
 *
 * The text preparation of desk-search-text.h: cutting normalised text into
 * terms (single ideographs, word runs, digits without separators), the
 * suffixes of code-like runs, and the FTS5 MATCH for a query.  No SQL here:
 * the ticket, notice and procedure stores keep their own FTS5 tables.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-search-text"

#include "config.h"

#include <string.h>

#include "desk-search-text.h"

#define MIN_SUFFIX 3
#define MIN_CODE   4

static gboolean
is_ideograph (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return g_unichar_isalnum (c);
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !is_ideograph (c);
}

static gboolean
is_digit_separator (gunichar c)
{
  return c == '-' || c == ' ' || c == '.' || c == 0x00b7 /* · */ || c == '/';
}

/* Normalises and cuts text into a list of terms: single ideographs and
 * word runs, in order.  is_ideograph_term[i] tells which is which. */
static void
split_terms (const char *text,
             GPtrArray  *terms,
             GArray     *ideographic)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  gunichar prev_digit = 0;
  const char *p;

  if (text == NULL)
    return;

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL) /* not valid UTF-8: nothing we can search for */
    return;
  folded = g_utf8_casefold (normal, -1);

  for (p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        {
          g_string_append_unichar (word, c);
          prev_digit = g_unichar_isdigit (c) ? c : 0;
          continue;
        }

      /* 0755-8620 1101: one run of digits, as people read phone numbers. */
      if (prev_digit && is_digit_separator (c))
        {
          const char *next = g_utf8_next_char (p);

          if (*next && g_unichar_isdigit (g_utf8_get_char (next)))
            continue;
        }

      prev_digit = 0;
      if (word->len > 0)
        {
          gboolean no = FALSE;

          g_ptr_array_add (terms, g_strdup (word->str));
          g_array_append_val (ideographic, no);
          g_string_truncate (word, 0);
        }

      if (is_ideograph (c))
        {
          gboolean yes = TRUE;
          char buf[8] = { 0 };

          g_unichar_to_utf8 (c, buf);
          g_ptr_array_add (terms, g_strdup (buf));
          g_array_append_val (ideographic, yes);
        }
    }

  if (word->len > 0)
    {
      gboolean no = FALSE;

      g_ptr_array_add (terms, g_strdup (word->str));
      g_array_append_val (ideographic, no);
    }
}

static gboolean
is_code (const char *word)
{
  gsize len = 0;
  gboolean digit = FALSE;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      digit |= g_unichar_isdigit (g_utf8_get_char (p));
      len++;
    }

  return digit && len >= MIN_CODE;
}

char *
desk_search_text_prepare (const char * const *fields,
                          guint               n_fields)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (fields != NULL, NULL);

  for (guint f = 0; f < n_fields; f++)
    {
      g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) ideographic = g_array_new (FALSE, FALSE, sizeof (gboolean));

      if (fields[f] == NULL)
        continue;

      split_terms (fields[f], terms, ideographic);

      for (guint i = 0; i < terms->len; i++)
        {
          const char *term = g_ptr_array_index (terms, i);

          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, term);

          if (!g_array_index (ideographic, gboolean, i) && is_code (term))
            {
              glong len = g_utf8_strlen (term, -1);
              const char *suffix = g_utf8_next_char (term);

              for (glong s = 1; len - s >= MIN_SUFFIX; s++, suffix = g_utf8_next_char (suffix))
                {
                  g_string_append_c (out, ' ');
                  g_string_append (out, suffix);
                }
            }
        }

      /* Fields never run into each other's phrases. */
      if (out->len > 0)
        g_string_append (out, " ,");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
desk_search_text_build_match (const char *query)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ideographic = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) match = g_string_new (NULL);
  guint i = 0;

  split_terms (query, terms, ideographic);

  while (i < terms->len)
    {
      if (match->len > 0)
        g_string_append (match, " AND ");

      if (g_array_index (ideographic, gboolean, i))
        {
          /* A run of ideographs is a phrase of single characters. */
          g_string_append_c (match, '"');
          for (gboolean first = TRUE;
               i < terms->len && g_array_index (ideographic, gboolean, i);
               i++, first = FALSE)
            {
              if (!first)
                g_string_append_c (match, ' ');
              g_string_append (match, g_ptr_array_index (terms, i));
            }
          g_string_append_c (match, '"');
        }
      else
        {
          /* Terms hold only letters and digits: quoting is all FTS5 needs. */
          g_string_append_printf (match, "\"%s\"*", (const char *)g_ptr_array_index (terms, i));
          i++;
        }
    }

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}
