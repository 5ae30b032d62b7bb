/* desk-ticket-detail-private.h
 *
 * What the two files of the ticket detail pane share: the instance
 * struct, and the functions desk-ticket-detail.c (the type, showing a
 * ticket, the public functions) calls in desk-ticket-detail-actions.c
 * (what can be done with the ticket shown).
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-database.h"

#include "desk-checklist-view.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-notices.h"

G_BEGIN_DECLS

struct _DeskTicketDetail
{
  AdwBin          parent_instance;

  DeskDatabase   *database;
  gint64          actor_id;
  DeskTicket     *ticket;
  gulong          changed_id;
  gulong          tick_id;

  /* For the assign popover, in the order of its drop-downs (after
   * "none"). */
  GPtrArray      *departments;
  GPtrArray      *staff;

  /* Template widgets */
  GtkStack       *stack;
  GtkScrolledWindow *scroller;
  GtkLabel       *number_label;
  GtkLabel       *major_badge;
  GtkLabel       *severity_badge;
  GtkLabel       *status_badge;
  GtkLabel       *summary_label;
  GtkMenuButton  *status_button;
  GtkMenuButton  *assign_button;
  GtkPopover     *assign_popover;
  GtkDropDown    *department_dropdown;
  GtkDropDown    *owner_dropdown;
  GtkButton      *assign_confirm_button;
  /* Set while the assign popover's lists are refilled, so that it is not
   * taken for the user's choice of department. */
  gboolean        filling_owners;
  /* A status chosen that needs a department first (Forwarded with none):
   * set once the assign popover gives one; -1 for none. */
  int             pending_status;
  GtkButton      *escalate_button;
  GtkButton      *acknowledge_button;
  GtkMenuButton  *link_button;
  GtkPopover     *link_popover;
  GtkEntry       *other_entry;
  GtkGrid        *field_grid;
  GtkWidget      *description_box;
  GtkLabel       *description_label;
  DeskTicketNotices *notices_section;
  GtkListBox     *timeline_list;
  AdwEntryRow    *note_row;
  DeskChecklistView    *checklist_view;
};

/* In desk-ticket-detail-actions.c */

/* From class_init: the detail.* actions. */
void _desk_ticket_detail_class_actions_init        (DeskTicketDetailClass *klass);
/* The one place that decides which actions the ticket shown allows. */
void _desk_ticket_detail_update_actions            (DeskTicketDetail      *self);
/* The template's callbacks, bound by class_init under the names the
 * template gives them (without the leading underscore). */
void _desk_ticket_detail_assign_popover_show_cb    (DeskTicketDetail      *self,
                                                    GtkPopover            *popover);
void _desk_ticket_detail_assign_popover_closed_cb  (DeskTicketDetail      *self,
                                                    GtkPopover            *popover);
void _desk_ticket_detail_department_chosen_cb     (DeskTicketDetail      *self);
void _desk_ticket_detail_note_apply_cb             (DeskTicketDetail      *self,
                                                    AdwEntryRow           *row);

G_END_DECLS
