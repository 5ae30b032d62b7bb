/* desk-procedure-print.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "desk-procedure.h"

G_BEGIN_DECLS

/* A procedure laid out on pages with cairo and pango, for PDF (no GTK,
 * no display) and for GtkPrintOperation alike: lay out once for the
 * page size and a Pango context, then draw any page.  Flow steps print
 * with a box to tick, so a printed procedure can be followed on paper;
 * hazards print framed with their level's word. */

typedef struct _DeskProcedurePrint DeskProcedurePrint;

/* @revision (0: not stored) goes into the footer. */
DeskProcedurePrint *desk_procedure_print_new        (const DeskProcedure *procedure,
                                                     int                  revision);
void                desk_procedure_print_free       (DeskProcedurePrint  *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskProcedurePrint, desk_procedure_print_free)

/* Lays the procedure out on pages of @width × @height (in the units of
 * @context's cairo target: points for PDF) and returns the page count. */
int                 desk_procedure_print_paginate   (DeskProcedurePrint  *print,
                                                     PangoContext        *context,
                                                     double               width,
                                                     double               height);
void                desk_procedure_print_draw_page  (DeskProcedurePrint  *print,
                                                     cairo_t             *cr,
                                                     int                  page);

/* Writes an A4 PDF to @path (atomically). */
gboolean            desk_procedure_write_pdf        (const DeskProcedure *procedure,
                                                     int                  revision,
                                                     const char          *path,
                                                     GError             **error);

G_END_DECLS
