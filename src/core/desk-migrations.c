/* desk-migrations.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-migrations"

#include "config.h"

#include "desk-migrations-private.h"

/* Append only: a released migration is never edited, because offices
 * already ran it.  Change the schema by adding the next one. */
static const char * const migrations[] = {
  /* 1: the office itself */
  "CREATE TABLE office_settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE departments ("
  "  id         INTEGER PRIMARY KEY,"
  "  code       TEXT NOT NULL UNIQUE,"
  "  name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  created_at INTEGER NOT NULL DEFAULT (unixepoch())"
  ");"

  "CREATE TABLE staff ("
  "  id            INTEGER PRIMARY KEY,"
  "  code          TEXT NOT NULL UNIQUE,"
  "  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role          TEXT NOT NULL CHECK (role IN ('clerk', 'coordinator', 'engineer',"
  "                  'qa-inspector', 'department-manager', 'branch-general-manager',"
  "                  'general-manager')),"
  "  department_id INTEGER REFERENCES departments (id),"
  "  phone         TEXT,"
  "  active        INTEGER NOT NULL DEFAULT 1,"
  "  created_at    INTEGER NOT NULL DEFAULT (unixepoch())"
  ");"
  "CREATE INDEX staff_by_department ON staff (department_id);"

  "CREATE TABLE customers ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  phone        TEXT,"
  "  phone2       TEXT,"
  "  address      TEXT,"
  "  no_callbacks INTEGER NOT NULL DEFAULT 0,"
  "  notes        TEXT,"
  "  created_at   INTEGER NOT NULL DEFAULT (unixepoch())"
  ");"
  "CREATE INDEX customers_by_phone ON customers (phone);"
  "CREATE INDEX customers_by_name ON customers (name);"

  "CREATE TABLE assets ("
  "  id            INTEGER PRIMARY KEY,"
  "  customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('vehicle', 'site', 'device')),"
  "  label         TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  detail        TEXT,"
  "  handover_date TEXT," /* YYYY-MM-DD: completion acceptance signed */
  "  created_at    INTEGER NOT NULL DEFAULT (unixepoch())"
  ");"
  "CREATE INDEX assets_by_customer ON assets (customer_id);"
  "CREATE INDEX assets_by_label ON assets (label);",

  /* 2: tickets.  Kind, status, severity and channel are the integer values
   * of the enums in desk-types.h (append-only), so that sorting by status
   * follows a ticket's life.  customer_name is copied from the customer so
   * that sorting by it runs on an index.  A ticket's searchable text,
   * prepared by desk-search-text.c, lives in ticket_search (keeping ticket
   * rows small for the list's lookups) and is indexed by ticket_fts. */
  "CREATE TABLE categories ("
  "  id       INTEGER PRIMARY KEY,"
  "  code     TEXT NOT NULL UNIQUE,"
  "  name_en  TEXT NOT NULL,"
  "  name_zh  TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  active   INTEGER NOT NULL DEFAULT 1"
  ");"
  "INSERT INTO categories (code, name_en, name_zh, position) VALUES"
  "  ('construction-quality', 'Construction quality', '施工质量', 1),"
  "  ('material-supply', 'Material supply', '材料供应', 2),"
  "  ('material-quality', 'Material quality', '材料质量', 3),"
  "  ('designer-service', 'Designer service', '设计师服务', 4),"
  "  ('service-attitude', 'Service attitude', '服务态度', 5),"
  "  ('price', 'Price', '价格', 6),"
  "  ('product-quality', 'Product quality', '产品质量', 7),"
  "  ('repair-quality', 'Repair quality', '维修质量', 8),"
  "  ('plumbing-electrical', 'Plumbing and electrical', '水电', 9),"
  "  ('schedule', 'Schedule delay', '工期延误', 10),"
  "  ('other', 'Other', '其他', 99);"

  "CREATE TABLE ticket_numbers ("
  "  prefix TEXT NOT NULL,"
  "  year   INTEGER NOT NULL,"
  "  last   INTEGER NOT NULL,"
  "  PRIMARY KEY (prefix, year)"
  ") WITHOUT ROWID;"

  "CREATE TABLE tickets ("
  "  id               INTEGER PRIMARY KEY,"
  "  number           TEXT NOT NULL UNIQUE,"
  "  kind             INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),"
  "  on_site          INTEGER NOT NULL DEFAULT 0,"
  "  status           INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 7),"
  "  severity         INTEGER NOT NULL DEFAULT 1 CHECK (severity BETWEEN 0 AND 3),"
  "  major            INTEGER NOT NULL DEFAULT 0,"
  "  channel          INTEGER NOT NULL DEFAULT 0 CHECK (channel BETWEEN 0 AND 5),"
  "  customer_id      INTEGER NOT NULL REFERENCES customers (id),"
  "  customer_name    TEXT NOT NULL,"
  "  asset_id         INTEGER REFERENCES assets (id),"
  "  category_id      INTEGER NOT NULL REFERENCES categories (id),"
  "  department_id    INTEGER REFERENCES departments (id),"
  "  owner_id         INTEGER REFERENCES staff (id),"
  "  summary          TEXT NOT NULL CHECK (length(trim(summary)) > 0),"
  "  description      TEXT,"
  "  escalation_level INTEGER NOT NULL DEFAULT 0,"
  "  repeat_of        INTEGER REFERENCES tickets (id),"
  "  repeat_count     INTEGER NOT NULL DEFAULT 1,"
  "  merged_into      INTEGER REFERENCES tickets (id),"
  "  received_at      INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL,"
  "  closed_at        INTEGER,"
  "  next_deadline    INTEGER,"
  /* When the steps the deadline rules ask about first happened (the
   * timeline has them too; desk-ticket-store.c keeps both). */
  "  forwarded_at     INTEGER,"
  "  contacted_at     INTEGER,"
  "  visit_agreed_at  INTEGER,"
  "  visited_at       INTEGER,"
  "  notice_at        INTEGER,"
  "  rectified_at     INTEGER,"
  "  last_callback_at INTEGER,"
  "  revision         INTEGER NOT NULL DEFAULT 1"
  ");"
  /* (column, id) pairs: every sort order pages by keyset on an index.
   * The status rides along, so that walking an index to fill a page of
   * open or closed tickets (or jumping by OFFSET) never reads the rows. */
  "CREATE INDEX tickets_by_number ON tickets (number, id, status);"
  "CREATE INDEX tickets_by_status ON tickets (status, id);"
  "CREATE INDEX tickets_by_severity ON tickets (severity, id, status);"
  "CREATE INDEX tickets_by_kind ON tickets (kind, id, status);"
  "CREATE INDEX tickets_by_customer_name ON tickets (customer_name, id, status);"
  "CREATE INDEX tickets_by_category ON tickets (category_id, id, status);"
  "CREATE INDEX tickets_by_department ON tickets (department_id, id, status);"
  "CREATE INDEX tickets_by_owner ON tickets (owner_id, id, status);"
  "CREATE INDEX tickets_by_deadline ON tickets (next_deadline, id, status);"
  "CREATE INDEX tickets_by_received ON tickets (received_at, id, status);"
  "CREATE INDEX tickets_by_repeat ON tickets (repeat_count, id, status);"
  "CREATE INDEX tickets_by_customer ON tickets (customer_id, received_at);"
  "CREATE INDEX tickets_by_asset ON tickets (asset_id, received_at);"
  /* The open queues count and page on partial indexes of open tickets. */
  "CREATE INDEX tickets_open ON tickets (id) WHERE status <> 7;"
  "CREATE INDEX tickets_open_by_owner ON tickets (owner_id, id) WHERE status <> 7;"
  "CREATE INDEX tickets_open_by_department ON tickets (department_id, id) WHERE status <> 7;"
  "CREATE INDEX tickets_open_by_deadline ON tickets (next_deadline, id) WHERE status <> 7;"
  "CREATE INDEX tickets_open_complaints ON tickets (customer_id) WHERE kind = 0 AND status <> 7;"
  "CREATE INDEX tickets_major ON tickets (id) WHERE major AND status <> 7;"

  "CREATE TABLE ticket_search ("
  "  id   INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE ticket_fts USING fts5 ("
  "  text, content = 'ticket_search', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'"
  ");"
  "CREATE TRIGGER ticket_search_insert AFTER INSERT ON ticket_search BEGIN"
  "  INSERT INTO ticket_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER ticket_search_update AFTER UPDATE OF text ON ticket_search BEGIN"
  "  INSERT INTO ticket_fts (ticket_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO ticket_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER ticket_search_delete AFTER DELETE ON ticket_search BEGIN"
  "  INSERT INTO ticket_fts (ticket_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"

  /* The timeline: append-only, nothing is ever edited away. */
  "CREATE TABLE ticket_events ("
  "  id        INTEGER PRIMARY KEY,"
  "  ticket_id INTEGER NOT NULL REFERENCES tickets (id),"
  "  at        INTEGER NOT NULL,"
  "  staff_id  INTEGER REFERENCES staff (id),"
  "  kind      TEXT NOT NULL,"
  "  field     TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  note      TEXT"
  ");"
  "CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, at);"
  "CREATE TRIGGER ticket_events_append_only BEFORE UPDATE ON ticket_events BEGIN"
  "  SELECT RAISE (ABORT, 'the timeline is append-only');"
  "END;"

  "CREATE TABLE ticket_links ("
  "  ticket_id INTEGER NOT NULL REFERENCES tickets (id),"
  "  other_id  INTEGER NOT NULL REFERENCES tickets (id),"
  "  kind      TEXT NOT NULL CHECK (kind IN ('related', 'repeat', 'merged')),"
  "  PRIMARY KEY (ticket_id, other_id),"
  "  CHECK (ticket_id <> other_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX ticket_links_by_other ON ticket_links (other_id);"

  "CREATE TABLE saved_searches ("
  "  id    INTEGER PRIMARY KEY,"
  "  name  TEXT NOT NULL UNIQUE,"
  "  query TEXT NOT NULL"
  ");"

  /* Customers are found by phone fragments and plates while a call is on. */
  "CREATE INDEX customers_by_phone2 ON customers (phone2);",

  /* Callbacks (回访), planned and made.  reason and state are the nicks of
   * desk-callback-store.h; plan_day is the planned day in the office's
   * time zone, so that automatic planning is idempotent (one follow-up a
   * ticket a day) and the month grid counts by day on an index. */
  "CREATE TABLE callbacks ("
  "  id            INTEGER PRIMARY KEY,"
  "  ticket_id     INTEGER REFERENCES tickets (id),"
  "  customer_id   INTEGER NOT NULL REFERENCES customers (id),"
  "  reason        TEXT NOT NULL CHECK (reason IN ('daily-follow-up', 'satisfaction',"
  "                  'after-repair', 'manual', 'campaign')),"
  "  state         TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'reached',"
  "                  'not-reached', 'missed', 'rescheduled', 'cancelled')),"
  "  planned_at    INTEGER NOT NULL,"
  "  plan_day      TEXT NOT NULL,"
  "  assignee_id   INTEGER REFERENCES staff (id),"
  "  campaign      TEXT,"
  "  done_at       INTEGER,"
  "  done_by       INTEGER REFERENCES staff (id),"
  "  outcome       TEXT CHECK (outcome IN ('convenient', 'not-convenient', 'no-answer')),"
  "  call_again_at INTEGER,"
  "  next_id       INTEGER REFERENCES callbacks (id),"
  "  note          TEXT,"
  "  created_at    INTEGER NOT NULL DEFAULT (unixepoch())"
  ");"
  "CREATE UNIQUE INDEX callbacks_automatic ON callbacks (ticket_id, reason, plan_day)"
  "  WHERE reason IN ('daily-follow-up', 'satisfaction', 'after-repair');"
  "CREATE INDEX callbacks_by_ticket ON callbacks (ticket_id, reason, planned_at);"
  "CREATE INDEX callbacks_by_customer ON callbacks (customer_id, state);"
  "CREATE INDEX customers_no_callbacks ON customers (id) WHERE no_callbacks;"
  "CREATE INDEX callbacks_by_state ON callbacks (state, planned_at);"
  "CREATE INDEX callbacks_by_time ON callbacks (planned_at);"
  "CREATE INDEX callbacks_by_day ON callbacks (plan_day, state);"
  "CREATE TABLE callback_answers ("
  "  callback_id INTEGER NOT NULL REFERENCES callbacks (id),"
  "  question    TEXT NOT NULL,"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  rating      TEXT CHECK (rating IN ('satisfied', 'average', 'unsatisfied')),"
  "  text        TEXT,"
  "  PRIMARY KEY (callback_id, question)"
  ") WITHOUT ROWID;"
  /* Satisfaction calls are planned for recently closed tickets: covering,
   * so that planning reads no ticket rows (1 M tickets: 110 000 closed in
   * the look-back). */
  "CREATE INDEX tickets_closed_at ON tickets (closed_at, id, customer_id, kind, merged_into)"
  "  WHERE status = 7;"
  /* ... and the days planned already get the open tickets changed since. */
  "CREATE INDEX tickets_open_by_updated ON tickets (updated_at) WHERE status <> 7;",
};

int
_desk_migrations_get_count (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
_desk_migrations_get (int version)
{
  g_return_val_if_fail (version >= 1 && version <= (int)G_N_ELEMENTS (migrations), NULL);

  return migrations[version - 1];
}
