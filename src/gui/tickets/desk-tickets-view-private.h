/* desk-tickets-view-private.h
 *
 * What the files of the Tickets view share: the instance struct, and the
 * functions one of them calls in another.  The view is split by what a
 * reader looks for: desk-tickets-view.c (the type, the table, sorting,
 * search, the office), desk-tickets-view-sidebar.c (the queues and their
 * counts), desk-tickets-view-cells.c (the table's cells) and
 * desk-tickets-view-actions.c (the view's actions, the new-ticket dialog).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"
#include "desk-ticket-query.h"

#include "desk-ticket-detail.h"
#include "desk-ticket-rows.h"
#include "desk-tickets-view.h"

G_BEGIN_DECLS

/* The sorter of one column: which DeskTicketSort it stands for. */
typedef struct
{
  DeskTicketsView *view;
  DeskTicketSort   sort;
} SortSlot;

struct _DeskTicketsView
{
  AdwBin               parent_instance;

  DeskDatabase        *database;
  GSettings           *settings;
  gint64               current_user_id;  /* 0: nobody chosen */

  DeskTicketQuery      query;
  char                *search;           /* owned copy of query.search */
  DeskTicketListModel *model;
  GtkSingleSelection  *selection;
  gint64               selected_id;      /* the ticket the user chose */

  SortSlot             slots[DESK_N_SORTS];
  int                  probed_sort;      /* set by the column sorters */
  DeskTicket          *probe_a;
  DeskTicket          *probe_b;

  guint                counts_idle_id;
  guint                counts_timeout_id;
  guint                search_timeout_id;
  guint                reselect_idle_id;
  gulong               changed_id;
  gulong               sorter_changed_id;
  GCancellable        *cancellable;
  gboolean             counting;
  gboolean             counts_started; /* after the first frame */
  DeskTicketRows      *rows;           /* the table's, over the model */
  gboolean             awaiting_first_frame;
  gulong               lift_limit_handler; /* see limit_growth() */
  gboolean             counts_dirty;
  guint                queues_generation;  /* the sidebar's rows, rebuilt */
  guint                scroll_tick_id;
  guint                scroll_target;
  guint                scroll_frames;

  /* Template widgets */
  GtkListBox          *queue_list;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkScrolledWindow   *table_scroller;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  DeskTicketDetail    *detail;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *severity_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *summary_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *department_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *deadline_column;
  GtkColumnViewColumn *age_column;
  GtkColumnViewColumn *repeat_column;
};

/* In desk-tickets-view.c */

/* Shows self->query in the table, keeping the shown ticket when the new
 * list holds it. */
void           _desk_tickets_view_apply_query               (DeskTicketsView *self);

/* In desk-tickets-view-sidebar.c */

/* From init, after the template: the sidebar's headers. */
void           _desk_tickets_view_sidebar_init              (DeskTicketsView *self);
/* (Re)builds the sidebar: the departments and the current user may have
 * changed.  Keeps the queue shown. */
void           _desk_tickets_view_build_queues              (DeskTicketsView *self);
/* Counts every queue again in a thread; not before the first frame. */
void           _desk_tickets_view_refresh_counts            (DeskTicketsView *self);
/* Every minute: due soon and overdue move with the clock. */
gboolean       _desk_tickets_view_refresh_counts_timeout_cb (gpointer         user_data);
/* The office's changes, as far as the sidebar is concerned (the table's
 * model follows them itself). */
void           _desk_tickets_view_database_changed_cb       (DeskTicketsView *self,
                                                             const char      *table,
                                                             gint64           id,
                                                             DeskDatabase    *database);
/* The sidebar's row of a queue, or NULL. */
GtkListBoxRow *_desk_tickets_view_find_queue_row            (DeskTicketsView *self,
                                                             DeskQueue        queue,
                                                             gint64           arg);
/* The template's GtkListBox::row-selected, bound by class_init as
 * desk_tickets_view_queue_selected_cb. */
void           _desk_tickets_view_queue_selected_cb         (DeskTicketsView *self,
                                                             GtkListBoxRow   *row,
                                                             GtkListBox      *list);

/* In desk-tickets-view-cells.c */

/* From class_init: the quarks the cells keep their data under. */
void           _desk_tickets_view_class_cells_init          (DeskTicketsViewClass *klass);
/* From init, after the template: every column's cell factory. */
void           _desk_tickets_view_cells_init                (DeskTicketsView *self);

/* In desk-tickets-view-actions.c */

/* From class_init: tickets.new-ticket and tickets.find. */
void           _desk_tickets_view_class_actions_init        (DeskTicketsViewClass *klass);

G_END_DECLS
