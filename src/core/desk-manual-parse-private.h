/* desk-manual-parse-private.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-manual-import.h"

G_BEGIN_DECLS

/* Shared by the files of the manual recogniser: desk-manual-parse.c runs
 * the passes, the others hold one pass each (see desk-manual-parse.c).
 * Nothing outside them includes this. */

typedef struct
{
  const char *style;   /* interned; NULL: no mark (text going on) */
  int         number;
  char       *label;   /* the mark as written, spaces trimmed */
  char       *text;
  int         line;
  gboolean    dropped;
} Item;

typedef struct
{
  DeskManualImport *import;
  DeskProcedure    *p;
  GHashTable       *last_number;  /* style → int: the sequence of each style */
  guint             next_rule;
  guint             next_form;
  guint             next_role;
} Parser;

/* What desk-manual-extract.c's _desk_manual_collect_node_text() gathers. */
typedef struct
{
  Parser  *parser;
  GString *text;
} Collect;

/* desk-manual-chars.c: characters, trimming, patterns, dropping. */
GRegex  *_desk_manual_cached         (const char         *pattern,
                                      GRegexCompileFlags  flags);
gboolean _desk_manual_matches        (const char         *pattern,
                                      const char         *text,
                                      GRegexCompileFlags  flags);
char   **_desk_manual_split_by       (const char *pattern,
                                      const char *text);
gboolean _desk_manual_is_han         (gunichar c);
gboolean _desk_manual_is_space       (gunichar c);
int      _desk_manual_cn_digit       (gunichar c);
int      _desk_manual_read_cn_number (const gunichar *s,
                                      glong           len,
                                      glong           i,
                                      glong          *end);
int      _desk_manual_digit_value    (gunichar c);
int      _desk_manual_read_arabic    (const gunichar *s,
                                      glong           len,
                                      glong           i,
                                      glong          *end);
char    *_desk_manual_ucs4_to_utf8   (const gunichar *s,
                                      glong           from,
                                      glong           to);
char    *_desk_manual_trim           (const char *text);
char    *_desk_manual_trim_n         (const char *text,
                                      gsize       length);
glong    _desk_manual_char_count     (const char *text);
guint    _desk_manual_content_chars  (const char *text);
gboolean _desk_manual_has_any        (const char        *text,
                                      const char *const *words);
gboolean _desk_manual_ends_with_any  (const char        *text,
                                      const char *const *ends);
void     _desk_manual_drop           (Parser     *parser,
                                      const char *reason,
                                      const char *text,
                                      int         line);
gboolean _desk_manual_is_boilerplate (const char *text,
                                      gboolean    chinese);
gboolean _desk_manual_is_dotted_toc  (const char *text);
extern const char *const _desk_manual_sentence_ends[];
extern const char *const _desk_manual_colons[];

/* desk-manual-numbering.c: pass 3, items at their numbering marks. */
void _desk_manual_item_free   (gpointer data);
void _desk_manual_split_items (Parser     *parser,
                               const char *text,
                               int         line,
                               GPtrArray  *items);

/* desk-manual-tree.c: pass 4, the clause tree. */
void _desk_manual_split_trailing_headings (GPtrArray *items);
void _desk_manual_drop_heading_lists      (Parser    *parser,
                                           GPtrArray *items);
void _desk_manual_build_tree              (Parser    *parser,
                                           GPtrArray *items);
void _desk_manual_demote_leaf_titles      (GPtrArray *list);
void _desk_manual_place_purpose_and_scope (Parser *parser);

/* desk-manual-blocks.c: pass 5, the blocks inside a clause. */
gboolean _desk_manual_is_title_like (const char *text);
char    *_desk_manual_strip_colon   (char *text);
void     _desk_manual_fill_clause   (Parser       *parser,
                                     DeskProcNode *clause,
                                     const char   *text,
                                     const char   *context,
                                     int           line);

/* desk-manual-extract.c: pass 6, forms, roles, escalations, rules. */
void _desk_manual_collect_node_text (DeskProcNode *node,
                                     gpointer      user_data);
void _desk_manual_find_forms        (Parser     *parser,
                                     const char *text);
void _desk_manual_extract_from_node (DeskProcNode *node,
                                     gpointer      user_data);

G_END_DECLS
