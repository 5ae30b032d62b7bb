/* desk-search-text.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Search that finds Chinese words of one and two characters, mixed Chinese
 * and Latin text, and fragments of phone numbers, on an ordinary FTS5
 * unicode61 index.  SQLite's trigram tokenizer finds nothing under three
 * characters, and unicode61 alone would make a whole run of Chinese one
 * token; so the text is prepared before it is indexed:
 *
 *  - it is NFKC-normalised and case-folded (full-width ＡＢ１ become ab1);
 *  - every Han, kana or hangul character becomes a token of its own, and a
 *    Chinese query becomes a phrase of single characters ("客户" -> "客 户");
 *  - separators between digits are dropped (0755-8620 1101 -> 075586201101)
 *    and every code-like run (letters and digits, with a digit, 4 or more
 *    long) is also indexed by its suffixes of 3 or more, so that a fragment
 *    from the middle of a phone number or plate matches as a prefix. */

/* Joins @n_fields @fields (NULL entries allowed) into index text. */
char *desk_search_text_prepare     (const char * const *fields,
                                    guint               n_fields);

/* The FTS5 MATCH expression for what a user typed, every term required;
 * NULL when the query holds nothing searchable. */
char *desk_search_text_build_match (const char         *query);

G_END_DECLS
