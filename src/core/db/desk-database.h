/* desk-database.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DESK_DATABASE_ERROR (desk_database_error_quark ())

typedef enum
{
  DESK_DATABASE_ERROR_OPEN,         /* could not be opened or created */
  DESK_DATABASE_ERROR_NOT_DATABASE, /* not an SQLite file, or another program's */
  DESK_DATABASE_ERROR_CORRUPT,      /* SQLite says the file is damaged */
  DESK_DATABASE_ERROR_READ_ONLY,    /* we may not write to it */
  DESK_DATABASE_ERROR_TOO_NEW,      /* written by a newer Service Desk */
  DESK_DATABASE_ERROR_BUSY,         /* another writer held it too long */
  DESK_DATABASE_ERROR_CONSTRAINT,   /* a value broke a rule of the schema */
  DESK_DATABASE_ERROR_NOT_FOUND,    /* the row asked for does not exist */
  DESK_DATABASE_ERROR_FAILED,       /* anything else SQLite reported */
} DeskDatabaseError;

typedef enum
{
  DESK_DATABASE_OPEN_DEFAULT = 0,
  /* Create the file (and its folder) when it does not exist. */
  DESK_DATABASE_OPEN_CREATE  = 1 << 0,
} DeskDatabaseOpenFlags;

#define DESK_TYPE_DATABASE (desk_database_get_type ())

G_DECLARE_FINAL_TYPE (DeskDatabase, desk_database, DESK, DATABASE, GObject)

/* Signals:
 *   changed (const char *table, gint64 id): a store changed row @id of
 *   @table through this connection, after its transaction committed.
 *   Lists listen to it to update in place. */

GQuark        desk_database_error_quark          (void);
char         *desk_database_get_default_path     (void);
int           desk_database_get_latest_version   (void);

DeskDatabase *desk_database_open                 (const char            *path,
                                                  DeskDatabaseOpenFlags  flags,
                                                  GError               **error);
const char   *desk_database_get_path             (DeskDatabase          *self);
int           desk_database_get_version          (DeskDatabase          *self);

/* Write transactions start with BEGIN IMMEDIATE so that a second writer
 * waits for the lock (busy timeout) instead of failing half-way. */
gboolean      desk_database_begin                (DeskDatabase          *self,
                                                  GError               **error);
gboolean      desk_database_commit               (DeskDatabase          *self,
                                                  GError               **error);
void          desk_database_rollback             (DeskDatabase          *self);

/* Deletes every row of the office (schema, version and the ticket
 * categories stay), inside the caller's transaction when there is one. */
gboolean      desk_database_clear                (DeskDatabase          *self,
                                                  GError               **error);
/* The same for a big office: outside a transaction, the rows go in parts
 * other desks can write between (desk-bulk-parts.h), then the rest in one
 * short desk_database_clear().  Stopped half way, whole parts are gone. */
gboolean      desk_database_clear_in_parts       (DeskDatabase          *self,
                                                  GError               **error);

/* Runs PRAGMA integrity_check and foreign_key_check.  Returns TRUE when
 * the office is sound; @report receives one problem a line (or "ok"). */
gboolean      desk_database_check                (DeskDatabase          *self,
                                                  char                 **report,
                                                  GError               **error);

/* A consistent copy of the whole office, taken while others may write.
 * The copy is written beside @dest_path and renamed into place, so an
 * interrupted backup never leaves a half-written file at @dest_path. */
gboolean      desk_database_backup               (DeskDatabase          *self,
                                                  const char            *dest_path,
                                                  GError               **error);

G_END_DECLS
