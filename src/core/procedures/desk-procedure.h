/* desk-procedure.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-policy.h"

G_BEGIN_DECLS

/* A standard operating procedure in memory: everything the office manuals
 * carry (DOMAIN.md, Procedures), whether it came from our XML format
 * (data/procedure-format.md), a DITA task or troubleshooting topic, a
 * DocBook procedure, or a .txt/.docx manual.
 *
 * The identity, sign-off, terms, roles, forms and rules are typed lists;
 * the text of the procedure (purpose, scope, body) is a tree of nodes in
 * document order, because manuals mix numbered clauses, paragraphs, flows,
 * hazards and scripts freely and the viewer shows them where they stand. */

#define DESK_PROCEDURE_NAMESPACE "urn:service-desk:procedure:1"
#define DESK_PROCEDURE_FORMAT_VERSION "1"

typedef enum
{
  DESK_PROC_CLAUSE,      /* label ("一、", "(一)", "1.1.1"), title; children: blocks */
  DESK_PROC_PARAGRAPH,   /* text */
  DESK_PROC_NOTE,        /* level, title, text: an admonition */
  DESK_PROC_FLOW,        /* id, title, role; children: PART, STEP */
  DESK_PROC_PART,        /* variant: prereq | context | result | postreq | example; children: blocks */
  DESK_PROC_STEP,        /* label, text (what to do), role, optional, limit+unit, target (form id);
                          * children: INFO, RESULT, CHOICES, NOTE, HAZARD, STEP (substeps), ALTERNATIVES */
  DESK_PROC_STEP_SECTION,/* text: a heading between steps */
  DESK_PROC_INFO,        /* text: more about a step */
  DESK_PROC_RESULT,      /* text: what the step leads to */
  DESK_PROC_ALTERNATIVES,/* children: STEP, exactly one of which is done */
  DESK_PROC_CHOICES,     /* variant: list | table; title, text: table headers; children: CHOICE */
  DESK_PROC_CHOICE,      /* title (option, may be empty), text (description) */
  DESK_PROC_HAZARD,      /* id, level, title (type of hazard); children: CONSEQUENCE, AVOID, CHECK, ROUTE */
  DESK_PROC_CONSEQUENCE, /* text */
  DESK_PROC_AVOID,       /* text: how to avoid it */
  DESK_PROC_CHECK,       /* text: a safety check to make */
  DESK_PROC_ROUTE,       /* title (who takes it, when); children: WAYPOINT in order */
  DESK_PROC_WAYPOINT,    /* text */
  DESK_PROC_SCRIPT,      /* id, title, role (who speaks); children: LINE */
  DESK_PROC_LINE,        /* id, role (speaker), text; children: BRANCH */
  DESK_PROC_BRANCH,      /* title (answer or condition), text (reply), target (line id to go on with) */
  DESK_PROC_FOREIGN,     /* variant (its origin: dita, docbook…), text: XML kept as it came */
} DeskProcKind;

typedef enum
{
  DESK_PROC_LEVEL_NONE,
  DESK_PROC_LEVEL_NOTE,
  DESK_PROC_LEVEL_TIP,
  DESK_PROC_LEVEL_IMPORTANT,
  DESK_PROC_LEVEL_NOTICE,
  DESK_PROC_LEVEL_CAUTION,
  DESK_PROC_LEVEL_WARNING,
  DESK_PROC_LEVEL_DANGER,
} DeskProcLevel;

typedef struct _DeskProcNode DeskProcNode;

struct _DeskProcNode
{
  DeskProcKind   kind;
  char          *id;
  char          *label;
  char          *title;
  char          *text;
  char          *role;      /* a role id of the procedure's roles, or a DeskRole nick */
  char          *target;
  char          *variant;
  DeskProcLevel  level;
  gboolean       optional;
  int            limit;     /* 0: none */
  DeskLimitUnit  unit;
  int            line;      /* where it was read, for messages; 0: made in memory */
  GPtrArray     *children;  /* DeskProcNode, owned; never NULL */
};

typedef struct
{
  char *role;               /* written-by, checked-by, approved-by, issued-by… */
  char *name;
  char *date;               /* as written (YYYY-MM-DD, or blank lines in a form) */
} DeskProcSignoff;

typedef struct
{
  char *term;
  char *definition;
} DeskProcTerm;

typedef struct
{
  char      *id;
  char      *name;          /* as the manual calls it: 客服专员 */
  char      *kind;          /* DeskRole nick when it is one of ours, or NULL */
  GPtrArray *duties;        /* char *, owned */
} DeskProcRole;

typedef struct
{
  char *id;
  char *name;               /* 《整改通知书》 without the brackets */
  char *description;
} DeskProcForm;

/* A machine-readable rule: exactly the fields of the deadline engine's
 * DeskRule (so a later step can make a policy of them), plus the fine a
 * breach costs, which the engine does not know. */
typedef struct
{
  DeskRule  rule;
  int       fine;           /* in yuan; 0: none */
  char     *fine_note;
} DeskProcRule;

typedef struct
{
  char      *code;          /* 管理制度编号, e.g. LX-FS-A66863 */
  char      *title;
  char      *edition;
  char      *revised;       /* revision date as YYYY-MM-DD */
  char      *language;      /* BCP 47: zh-CN, en */
  char      *category;
  char      *summary;
  GPtrArray *signoffs;      /* DeskProcSignoff */
  GPtrArray *purpose;       /* DeskProcNode blocks */
  GPtrArray *scope;         /* DeskProcNode blocks */
  GPtrArray *terms;         /* DeskProcTerm */
  GPtrArray *roles;         /* DeskProcRole */
  GPtrArray *body;          /* DeskProcNode blocks */
  GPtrArray *forms;         /* DeskProcForm */
  GPtrArray *rules;         /* DeskProcRule */
  GPtrArray *foreign;       /* DeskProcNode FOREIGN kept from an interchange file */
} DeskProcedure;

DeskProcedure *desk_procedure_new            (void);
void           desk_procedure_free           (DeskProcedure *procedure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskProcedure, desk_procedure_free)

DeskProcNode  *desk_proc_node_new            (DeskProcKind   kind);
void           desk_proc_node_free           (DeskProcNode  *node);
/* Appends a new node of @kind to @list and returns it (owned by @list). */
DeskProcNode  *desk_proc_node_append         (GPtrArray     *list,
                                              DeskProcKind   kind);
GPtrArray     *desk_proc_node_list_new       (void);

DeskProcRole  *desk_procedure_add_role       (DeskProcedure *procedure,
                                              const char    *id,
                                              const char    *name);
DeskProcRule  *desk_procedure_add_rule       (DeskProcedure *procedure);

const char    *desk_proc_level_to_nick       (DeskProcLevel  level);
gboolean       desk_proc_level_from_nick     (const char    *nick,
                                              DeskProcLevel *level);
const char    *desk_proc_level_get_label     (DeskProcLevel  level);
const char    *desk_limit_unit_to_nick       (DeskLimitUnit  unit);
gboolean       desk_limit_unit_from_nick     (const char    *nick,
                                              DeskLimitUnit *unit);

/* The name a node's role reference shows: the procedure role's name, a
 * DeskRole's label, or the reference itself. */
const char    *desk_procedure_role_name      (const DeskProcedure *procedure,
                                              const char          *role);

/* The procedure's rules as a policy for the deadline engine (copies;
 * fines are not the engine's business).  NULL when it has no rules. */
DeskPolicy    *desk_procedure_make_policy    (const DeskProcedure *procedure,
                                              int                  revision);

/* Every piece of text of the procedure joined by newlines, for the
 * search index. */
char          *desk_procedure_collect_text   (const DeskProcedure *procedure);

/* Calls @func on every node of @list and their descendants, depth first
 * in document order. */
void           desk_proc_node_list_walk      (GPtrArray     *list,
                                              void         (*func) (DeskProcNode *node,
                                                                    gpointer      user_data),
                                              gpointer       user_data);

G_END_DECLS
