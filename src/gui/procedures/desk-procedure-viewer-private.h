/* desk-procedure-viewer-private.h
 *
 * What the files of the procedure viewer share: the instance struct,
 * and the functions each calls in the others.  desk-procedure-viewer.c
 * is the widget, desk-procedure-viewer-render.c draws the page and its
 * labels, desk-procedure-viewer-blocks.c the blocks of the text, and
 * desk-procedure-viewer-actions.c holds find, zoom and print.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-procedure-viewer.h"

G_BEGIN_DECLS

struct _DeskProcedureViewer
{
  AdwBin               parent_instance;

  DeskProcedure       *procedure;
  int                  revision;
  int                  latest;
  GtkWidget           *bar;
  double               zoom;

  GtkWidget           *find_entry;
  GtkWidget           *find_status;
  GtkWidget           *zoom_label;
  GtkWidget           *scroller;
  GtkWidget           *page;
  GtkWidget           *empty;
  GtkWidget           *stack;

  GPtrArray           *labels;      /* GtkLabel, not owned; in document order */
  GHashTable          *anchors;     /* script line id -> GtkWidget */
  GArray              *matches;     /* Match */
  guint                current;
  char                *query;
  gboolean             in_alternatives; /* while drawing steps of which one is done */
  gboolean             truncated;
};

typedef struct
{
  GtkLabel *label;
  guint     start;                   /* bytes */
  guint     end;
} Match;

/* In desk-procedure-viewer-render.c */

/* Builds the page for self->procedure anew (or shows the empty page);
 * forgets the labels, anchors and matches of the one before. */
void       _desk_procedure_viewer_build          (DeskProcedureViewer *self);
/* Applies the zoom and the find highlights to every label again. */
void       _desk_procedure_viewer_refresh_labels (DeskProcedureViewer *self);
/* A wrapping, selectable label with @text and the CSS classes in
 * @css_class (space-separated), remembered for find and zoom and
 * appended to @box (if not NULL); NULL when @text is empty. */
GtkWidget *_desk_procedure_viewer_add_label      (DeskProcedureViewer *self,
                                                  GtkWidget           *box,
                                                  const char          *text,
                                                  const char          *css_class);
GtkWidget *_desk_procedure_viewer_heading        (DeskProcedureViewer *self,
                                                  GtkWidget           *box,
                                                  const char          *text,
                                                  const char          *level);
/* "within 2 working days" */
char      *_desk_procedure_viewer_limit_text     (int                  limit,
                                                  DeskLimitUnit        unit);

/* In desk-procedure-viewer-blocks.c */

/* Draws @list, a list of DeskProcNode, into @box; @depth is the clause
 * nesting, for the size of headings. */
void       _desk_procedure_viewer_add_blocks     (DeskProcedureViewer *self,
                                                  GtkWidget           *box,
                                                  GPtrArray           *list,
                                                  int                  depth);
void       _desk_procedure_viewer_add_foreign    (DeskProcedureViewer *self,
                                                  GtkWidget           *parent,
                                                  DeskProcNode        *n);

/* In desk-procedure-viewer-actions.c */

/* From class_init: the viewer.* actions and their shortcuts. */
void       _desk_procedure_viewer_class_actions_init (DeskProcedureViewerClass *klass);
/* From init: self->bar with the find entry, zoom and print. */
void       _desk_procedure_viewer_init_toolbar       (DeskProcedureViewer      *self);
/* "3 of 12", "Not found", or nothing without a search. */
void       _desk_procedure_viewer_update_find_status (DeskProcedureViewer      *self);

G_END_DECLS
