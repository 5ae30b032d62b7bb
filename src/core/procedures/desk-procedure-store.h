/* desk-procedure-store.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-database.h"
#include "desk-procedure.h"

G_BEGIN_DECLS

/* The office's procedures and their revisions.  Each revision keeps the
 * whole document in our canonical format: what is stored is exactly what
 * export writes, and a stored revision never changes. */

typedef struct
{
  gint64  id;
  char   *code;
  char   *title;
  char   *category;
  int     revision;     /* the latest */
  gint64  used_at;      /* 0: never opened */
} DeskProcedureInfo;

typedef struct
{
  int     revision;
  char   *title;
  char   *edition;
  char   *revised;
  char   *source;
  gint64  imported_at;
} DeskProcedureRevision;

void        desk_procedure_info_free       (DeskProcedureInfo     *info);
void        desk_procedure_revision_free   (DeskProcedureRevision *revision);

/* Stores @procedure as a new revision of its code (the first when the
 * code is new), in one transaction.  Returns the revision, 0 on error. */
int         desk_procedure_store_add       (DeskDatabase         *db,
                                            const DeskProcedure  *procedure,
                                            const char           *source,
                                            gint64                now,
                                            GError              **error);
/* Reads and stores a file of any procedure format: parse, validate and
 * store, or nothing.  Returns the revision, 0 on error. */
int         desk_procedure_store_import_file (DeskDatabase       *db,
                                              const char         *path,
                                              char              **code,
                                              GError            **error);

/* Revision @revision (0: the latest) of @code. */
DeskProcedure *desk_procedure_store_load   (DeskDatabase         *db,
                                            const char           *code,
                                            int                   revision,
                                            int                  *loaded_revision,
                                            GError              **error);
/* The stored document (our format) of that revision. */
GBytes     *desk_procedure_store_get_document (DeskDatabase      *db,
                                               const char        *code,
                                               int                revision,
                                               GError           **error);

/* DeskProcedureInfo by code; with @search, those whose latest revision's
 * text matches (Chinese words of one or two characters too). */
GPtrArray  *desk_procedure_store_list      (DeskDatabase         *db,
                                            const char           *search,
                                            GError              **error);
/* The @limit most recently opened. */
GPtrArray  *desk_procedure_store_recent    (DeskDatabase         *db,
                                            guint                 limit,
                                            GError              **error);
gboolean    desk_procedure_store_mark_used (DeskDatabase         *db,
                                            const char           *code,
                                            gint64                now,
                                            GError              **error);
/* DeskProcedureRevision, oldest first. */
GPtrArray  *desk_procedure_store_revisions (DeskDatabase         *db,
                                            const char           *code,
                                            GError              **error);

G_END_DECLS
