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
 * the passes, desk-manual-numbering.c, -tree.c, -blocks.c and -extract.c
 * hold one each, desk-manual-chars.c what they all use.  Nothing outside
 * them includes this. */

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

/* What _desk_manual_collect_node_text() gathers the text into. */
typedef struct
{
  Parser  *parser;
  GString *text;
} Collect;

/* desk-manual-chars.c: characters, trimming, patterns, dropping. */

/* @pattern compiled once and kept; owned by the cache. */
GRegex  *_desk_manual_cached         (const char         *pattern,
                                      GRegexCompileFlags  flags);
gboolean _desk_manual_matches        (const char         *pattern,
                                      const char         *text,
                                      GRegexCompileFlags  flags);
char   **_desk_manual_split_by       (const char *pattern,
                                      const char *text);
/* Han characters; white space of every kind, the ideographic too. */
gboolean _desk_manual_is_han         (gunichar c);
gboolean _desk_manual_is_space       (gunichar c);
/* The value of a Chinese digit (〇 零 一…九 两), or -1. */
int      _desk_manual_cn_digit       (gunichar c);
/* An ASCII or full-width digit's value, or -1. */
int      _desk_manual_digit_value    (gunichar c);
/* A Chinese numeral up to 99 at @s[@i]: its value, @end set after it;
 * or -1. */
int      _desk_manual_read_cn_number (const gunichar *s,
                                      glong           len,
                                      glong           i,
                                      glong          *end);
/* The same for up to four ASCII or full-width digits, not followed by
 * a fifth. */
int      _desk_manual_read_arabic    (const gunichar *s,
                                      glong           len,
                                      glong           i,
                                      glong          *end);
/* @s[@from..@to) as UTF-8, never NULL. */
char    *_desk_manual_ucs4_to_utf8   (const gunichar *s,
                                      glong           from,
                                      glong           to);
/* Newly allocated, trimmed of white space of every kind. */
char    *_desk_manual_trim           (const char *text);
char    *_desk_manual_trim_n         (const char *text,
                                      gsize       length);
/* Characters; characters other than white space. */
glong    _desk_manual_char_count     (const char *text);
guint    _desk_manual_content_chars  (const char *text);
/* Whether @text contains, or ends with, one of a NULL-terminated list. */
gboolean _desk_manual_has_any        (const char        *text,
                                      const char *const *words);
gboolean _desk_manual_ends_with_any  (const char        *text,
                                      const char *const *ends);
/* Adds @text to the import's dropped list with @reason and @line, unless
 * it is only white space. */
void     _desk_manual_drop           (Parser     *parser,
                                      const char *reason,
                                      const char *text,
                                      int         line);
gboolean _desk_manual_is_boilerplate (const char *text,
                                      gboolean    chinese);
gboolean _desk_manual_is_dotted_toc  (const char *text);
/* What ends a sentence (。；;！!？?), and the colons (: ：); NULL-terminated. */
extern const char *const _desk_manual_sentence_ends[];
extern const char *const _desk_manual_colons[];

/* desk-manual-numbering.c: pass 3, items at their numbering marks. */

/* Frees an Item: the free function of the list of items. */
void _desk_manual_item_free   (gpointer data);
void _desk_manual_split_items (Parser     *parser,
                               const char *text,
                               int         line,
                               GPtrArray  *items);

/* desk-manual-tree.c: pass 4, the clause tree. */

/* On the items, before the tree is built. */
void _desk_manual_split_trailing_headings (GPtrArray *items);
void _desk_manual_drop_heading_lists      (Parser    *parser,
                                           GPtrArray *items);
/* The clauses of @items in the procedure's body, their text in blocks. */
void _desk_manual_build_tree              (Parser    *parser,
                                           GPtrArray *items);
/* On the tree once it is built. */
void _desk_manual_demote_leaf_titles      (GPtrArray *list);
void _desk_manual_place_purpose_and_scope (Parser *parser);

/* desk-manual-blocks.c: pass 5, the blocks inside a clause. */

/* Short, one phrase, no sentence: could be a heading. */
gboolean _desk_manual_is_title_like (const char *text);
/* Cuts a colon off the end of @text, in place; returns @text. */
char    *_desk_manual_strip_colon   (char *text);
/* Adds @text's blocks to @clause, or to the body when @clause is NULL;
 * @context is the titles of the open clauses. */
void     _desk_manual_fill_clause   (Parser       *parser,
                                     DeskProcNode *clause,
                                     const char   *text,
                                     const char   *context,
                                     int           line);

/* desk-manual-extract.c: pass 6, forms, roles, escalations, rules. */

/* For desk_proc_node_list_walk() with a Collect: appends each node's
 * title and text, a line each. */
void _desk_manual_collect_node_text (DeskProcNode *node,
                                     gpointer      user_data);
/* The forms named in 《》 in @text, each once. */
void _desk_manual_find_forms        (Parser     *parser,
                                     const char *text);
/* For desk_proc_node_list_walk() with the Parser: roles, duties,
 * escalations, rules and fines from each node's text. */
void _desk_manual_extract_from_node (DeskProcNode *node,
                                     gpointer      user_data);

G_END_DECLS
