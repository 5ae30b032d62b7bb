/* desk-tickets-view-cells.c
 *
 * The cells of the Tickets view's table: what each column shows of a
 * ticket, and the signal factories that make, bind and tick the cells.
 * Its own file because it is where the table's speed is won (a scroll
 * rebinds some 2,200 cells) and has nothing to do with which tickets the
 * table holds, which is desk-tickets-view.c's business.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-view"

#include "config.h"

#include "desk-enums.h"

#include "desk-minute-clock.h"
#include "desk-ticket-format.h"
#include "desk-ticket-rows.h"
#include "desk-tickets-view-private.h"

/* Cell texts: closures of the column factories in the template */

static const DeskTicketData *
data_of (gpointer item)
{
  return DESK_IS_TICKET (item) ? desk_ticket_get_data (item) : NULL;
}

static char *
desk_tickets_view_number_cb (gpointer    unused,
                             DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? d->number : "");
}

static char *
desk_tickets_view_status_cb (gpointer    unused,
                             DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? desk_ticket_status_get_label (d->status) : "");
}

static GStrv
classes_of (const char *base,
            const char *variant)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, base);
  if (variant != NULL)
    g_strv_builder_add (builder, variant);

  return g_strv_builder_end (builder);
}

static GStrv
desk_tickets_view_status_classes_cb (gpointer    unused,
                                     DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);
  g_autofree char *variant = NULL;

  if (d != NULL)
    variant = g_strconcat ("desk-status-",
                           desk_enum_to_nick (DESK_TYPE_TICKET_STATUS, d->status), NULL);

  return classes_of ("desk-status", variant);
}

static char *
desk_tickets_view_severity_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? desk_severity_get_label (d->severity) : "");
}

static GStrv
desk_tickets_view_severity_classes_cb (gpointer    unused,
                                       DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);
  g_autofree char *variant = NULL;

  if (d != NULL)
    variant = g_strconcat ("desk-severity-",
                           desk_enum_to_nick (DESK_TYPE_SEVERITY, d->severity), NULL);

  return classes_of ("desk-severity", variant);
}

static char *
desk_tickets_view_kind_cb (gpointer    unused,
                           DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d ? desk_ticket_kind_get_label (d->kind) : "");
}

static char *
desk_tickets_view_customer_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->customer_name ? d->customer_name : "");
}

/* What the ticket is about, so a clerk need not open each one. */
static char *
desk_tickets_view_summary_cb (gpointer    unused,
                              DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->summary ? d->summary : "");
}

static char *
desk_tickets_view_category_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->category_name ? d->category_name : "");
}

static char *
desk_tickets_view_department_cb (gpointer    unused,
                                 DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->department_name ? d->department_name : "");
}

static char *
desk_tickets_view_owner_cb (gpointer    unused,
                            DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return g_strdup (d && d->owner_name ? d->owner_name : "");
}

static char *
desk_tickets_view_deadline_cb (gpointer    unused,
                               DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  if (d == NULL || d->closed_at > 0)
    return g_strdup ("");

  return _desk_format_deadline (d->next_deadline, g_get_real_time () / G_USEC_PER_SEC);
}

static GStrv
desk_tickets_view_deadline_classes_cb (gpointer    unused,
                                       DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *variant = NULL;

  /* The text says "overdue" too: the colour only repeats it. */
  if (d != NULL && d->closed_at == 0 && d->next_deadline > 0)
    {
      if (d->next_deadline < now)
        variant = "desk-overdue";
      else if (d->next_deadline - now < 4 * 3600)
        variant = "desk-due-soon";
    }

  return classes_of ("numeric", variant);
}

static char *
desk_tickets_view_age_cb (gpointer    unused,
                          DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  if (d == NULL)
    return g_strdup ("");

  return _desk_format_age (d->received_at, g_get_real_time () / G_USEC_PER_SEC);
}

static char *
desk_tickets_view_repeat_cb (gpointer    unused,
                             DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return d ? _desk_format_repeat (d->repeat_count) : g_strdup ("");
}

static GStrv
desk_tickets_view_repeat_classes_cb (gpointer    unused,
                                     DeskTicket *ticket)
{
  const DeskTicketData *d = data_of (ticket);

  return classes_of ("desk-repeat", d && d->repeat_count > 1 ? "desk-repeated" : NULL);
}

/* The table's cells.  Signal factories, not GtkBuilderListItemFactory:
 * GTK 4.8 parses a builder factory's XML for every cell it makes, and a
 * queue switch makes every visible cell anew (see
 * _desk_tickets_view_apply_query()), which cost some 300 ms a switch with
 * eleven columns (twelve now). */
typedef char *(*CellTextFunc)    (gpointer    unused,
                                  DeskTicket *ticket);
typedef GStrv (*CellClassesFunc) (gpointer    unused,
                                  DeskTicket *ticket);

typedef struct
{
  CellTextFunc     text;
  CellClassesFunc  classes;  /* NULL: the fixed @style */
  const char      *style;
  float            xalign;
  gboolean         ticks;    /* relative to now: redone every minute */
} CellSpec;

static const CellSpec number_cell = { desk_tickets_view_number_cb, NULL, "numeric", 0 };
static const CellSpec status_cell = { desk_tickets_view_status_cb, desk_tickets_view_status_classes_cb, NULL, 0 };
static const CellSpec severity_cell = { desk_tickets_view_severity_cb, desk_tickets_view_severity_classes_cb, NULL, 0 };
static const CellSpec kind_cell = { desk_tickets_view_kind_cb, NULL, NULL, 0 };
static const CellSpec customer_cell = { desk_tickets_view_customer_cb, NULL, NULL, 0 };
static const CellSpec summary_cell = { desk_tickets_view_summary_cb, NULL, NULL, 0 };
static const CellSpec category_cell = { desk_tickets_view_category_cb, NULL, NULL, 0 };
static const CellSpec department_cell = { desk_tickets_view_department_cb, NULL, NULL, 0 };
static const CellSpec owner_cell = { desk_tickets_view_owner_cb, NULL, NULL, 0 };
static const CellSpec deadline_cell = { desk_tickets_view_deadline_cb, desk_tickets_view_deadline_classes_cb, NULL, 0, TRUE };
static const CellSpec age_cell = { desk_tickets_view_age_cb, NULL, "numeric", 1, TRUE };
static const CellSpec repeat_cell = { desk_tickets_view_repeat_cb, desk_tickets_view_repeat_classes_cb, NULL, 0 };

/* Where a cell keeps its spec (set once) and the row it shows (while
 * bound): quarks, as a scroll binds some 2,200 cells. */
static GQuark cell_spec_quark;
static GQuark cell_row_quark;
static GQuark cell_classes_quark;

/* The cells on screen whose text is relative to now ("due in 5 min"),
 * redone every minute through one connection for all of them. */
static GHashTable *ticking_cells;
static gulong ticking_handler;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const CellSpec           *spec)
{
  /* GtkInscription, not GtkLabel: the columns have fixed widths, and an
   * inscription does not measure its text to negotiate a size, which for
   * the ~200 rows x 12 cells a GTK 4.8 table builds is most of the cost. */
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), spec->xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (label), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (label), 1);
  /* GTK 4.8 wraps a long text before it ellipsizes the line shown, and
   * centres all the lines: from the top, the line shown sits where a short
   * text's does. */
  gtk_inscription_set_yalign (GTK_INSCRIPTION (label), 0);
  if (spec->style != NULL)
    gtk_widget_add_css_class (label, spec->style);
  g_object_set_qdata (G_OBJECT (label), cell_spec_quark, (gpointer)spec);
  gtk_list_item_set_child (item, label);
}

static void
cell_update (GtkWidget      *label,
             DeskTicketRow  *row)
{
  const CellSpec *spec = g_object_get_qdata (G_OBJECT (label), cell_spec_quark);
  DeskTicket *ticket = desk_ticket_row_get_ticket (row);
  g_autofree char *text = spec->text (NULL, ticket);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  if (spec->classes != NULL)
    {
      GStrv classes = spec->classes (NULL, ticket);
      const char * const *shown = g_object_get_qdata (G_OBJECT (label), cell_classes_quark);

      /* Most rows of a queue look alike (all closed, most of normal
       * severity): unchanged classes cost GTK no restyling. */
      if (shown != NULL && g_strv_equal (shown, (const char * const *)classes))
        g_strfreev (classes);
      else
        {
          gtk_widget_set_css_classes (label, (const char **)classes);
          g_object_set_qdata_full (G_OBJECT (label), cell_classes_quark, classes, (GDestroyNotify)g_strfreev);
        }
    }
}

static void
cell_row_changed_cb (DeskTicketRow *row,
                     gpointer       label)
{
  cell_update (label, row);
}

/* "due in 5 min" becomes "due in 4 min" without the ticket changing. */
static void
ticking_cells_tick_cb (gpointer unused)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, ticking_cells);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    cell_update (label, g_object_get_qdata (label, cell_row_quark));
}

static void
start_ticking (GtkWidget *label)
{
  if (ticking_cells == NULL)
    ticking_cells = g_hash_table_new (NULL, NULL);
  if (g_hash_table_size (ticking_cells) == 0)
    ticking_handler = desk_minute_clock_connect (G_OBJECT (desk_minute_clock_get_default ()),
                                                 G_CALLBACK (ticking_cells_tick_cb));
  g_hash_table_add (ticking_cells, label);
}

static void
stop_ticking (GtkWidget *label)
{
  if (ticking_cells != NULL && g_hash_table_remove (ticking_cells, label) &&
      g_hash_table_size (ticking_cells) == 0)
    {
      desk_minute_clock_disconnect (ticking_handler);
      ticking_handler = 0;
    }
}

/* A row shows another ticket after a new query: its cells follow. */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CellSpec           *spec)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DeskTicketRow *row = gtk_list_item_get_item (item);

  g_object_set_qdata (G_OBJECT (label), cell_row_quark, row);
  cell_update (label, row);
  desk_ticket_row_watch (row, cell_row_changed_cb, label);

  /* Only the cells on screen tick: a few hundred, whatever the queue's size. */
  if (spec->ticks)
    start_ticking (label);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const CellSpec           *spec)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DeskTicketRow *row = g_object_steal_qdata (G_OBJECT (label), cell_row_quark);

  if (row != NULL)
    desk_ticket_row_unwatch (row, cell_row_changed_cb, label);
  if (spec->ticks)
    stop_ticking (label);
}

/* A cell taken apart while bound (GTK unbinds first, but a cell in a
 * ticking list or a row's watchers must never outlive its widget). */
static void
cell_teardown_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const CellSpec           *spec)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  if (label != NULL && g_object_get_qdata (G_OBJECT (label), cell_row_quark) != NULL)
    cell_unbind_cb (factory, item, spec);
}

static void
set_cell (GtkColumnViewColumn *column,
          const CellSpec      *spec)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer)spec);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer)spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), (gpointer)spec);
  g_signal_connect (factory, "teardown", G_CALLBACK (cell_teardown_cb), (gpointer)spec);
  gtk_column_view_column_set_factory (column, factory);
}

void
_desk_tickets_view_cells_init (DeskTicketsView *self)
{
  set_cell (self->number_column, &number_cell);
  set_cell (self->status_column, &status_cell);
  set_cell (self->severity_column, &severity_cell);
  set_cell (self->kind_column, &kind_cell);
  set_cell (self->customer_column, &customer_cell);
  set_cell (self->summary_column, &summary_cell);
  set_cell (self->category_column, &category_cell);
  set_cell (self->department_column, &department_cell);
  set_cell (self->owner_column, &owner_cell);
  set_cell (self->deadline_column, &deadline_cell);
  set_cell (self->age_column, &age_cell);
  set_cell (self->repeat_column, &repeat_cell);
}

void
_desk_tickets_view_class_cells_init (DeskTicketsViewClass *klass)
{
  cell_spec_quark = g_quark_from_static_string ("desk-cell-spec");
  cell_row_quark = g_quark_from_static_string ("desk-cell-row");
  cell_classes_quark = g_quark_from_static_string ("desk-cell-classes");
}
