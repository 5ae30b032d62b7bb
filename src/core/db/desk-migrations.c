/* desk-migrations.c
 *
 * The office's schema as its migrations, SQL text numbered from 1: the
 * office and its customers, tickets with their timeline and search index,
 * counts kept by triggers, notices, procedures, the deadline policy and
 * work calendars, callbacks, and indexes added since for the report and the
 * queues.  Append only; desk-database.c runs those a file lacks.
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

  /* 3: counts that every window start and queue switch needs, kept by
   * triggers instead of counted: counting the 170,000 open tickets of a
   * large office walks an index for 25-150 ms each time. */
  "CREATE TABLE ticket_counts ("
  "  status INTEGER PRIMARY KEY,"
  "  n      INTEGER NOT NULL"
  ");"
  "INSERT INTO ticket_counts (status, n) SELECT status, count(*) FROM tickets GROUP BY status;"
  "CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets BEGIN"
  "  INSERT INTO ticket_counts (status, n) VALUES (new.status, 1)"
  "    ON CONFLICT (status) DO UPDATE SET n = n + 1;"
  "END;"
  "CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets BEGIN"
  "  UPDATE ticket_counts SET n = n - 1 WHERE status = old.status;"
  "END;"
  "CREATE TRIGGER ticket_counts_status AFTER UPDATE OF status ON tickets"
  "  WHEN new.status <> old.status BEGIN"
  "  UPDATE ticket_counts SET n = n - 1 WHERE status = old.status;"
  "  INSERT INTO ticket_counts (status, n) VALUES (new.status, 1)"
  "    ON CONFLICT (status) DO UPDATE SET n = n + 1;"
  "END;"
  /* The Waiting for callback queue: open complaints of customers who did
   * not ask to be left alone.  The customer's wish is copied onto their
   * tickets (by triggers, so no writer can forget) to give the queue a
   * partial index of its own instead of testing 100,000 complaints
   * against the customers table. */
  "ALTER TABLE tickets ADD COLUMN no_callbacks INTEGER NOT NULL DEFAULT 0;"
  "UPDATE tickets SET no_callbacks = 1"
  "  WHERE customer_id IN (SELECT id FROM customers WHERE no_callbacks);"
  "CREATE TRIGGER tickets_no_callbacks AFTER INSERT ON tickets"
  "  WHEN (SELECT no_callbacks FROM customers WHERE id = new.customer_id) BEGIN"
  "  UPDATE tickets SET no_callbacks = 1 WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER customers_no_callbacks_to_tickets AFTER UPDATE OF no_callbacks ON customers"
  "  WHEN new.no_callbacks IS NOT old.no_callbacks BEGIN"
  "  UPDATE tickets SET no_callbacks = new.no_callbacks WHERE customer_id = new.id;"
  "END;"
  "CREATE INDEX tickets_waiting_callback ON tickets (id)"
  "  WHERE kind = 0 AND status <> 7 AND no_callbacks = 0;"
  /* The monthly report: a month's tickets read from one index, without
   * looking up 80,000 wide rows; what closed in a month; escalations. */
  "CREATE INDEX tickets_for_report ON tickets (received_at, kind, category_id, department_id,"
  "  severity, major, repeat_count, customer_id, asset_id);"
  "CREATE INDEX tickets_by_closed ON tickets (closed_at) WHERE closed_at IS NOT NULL;"
  "CREATE INDEX ticket_events_escalations ON ticket_events (at) WHERE kind = 'escalate';",
  /* 4: rectification notices (整改通知书).  What a notice says is copied in
   * when it is issued and never changes (a trigger refuses it), so a
   * reprint years later is the same document; a correction is a new
   * notice that names the one it replaces.  Numbers count per year in
   * notice_numbers, inside the issuing transaction, so they are gapless.
   * state: 0 issued, 1 rectified, 2 verified. */
  "CREATE TABLE notice_numbers ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL"
  ");"
  "CREATE TABLE notices ("
  "  id              INTEGER PRIMARY KEY,"
  "  number          TEXT NOT NULL UNIQUE,"
  "  year            INTEGER NOT NULL,"
  "  sequence        INTEGER NOT NULL,"
  "  ticket_id       INTEGER NOT NULL REFERENCES tickets (id),"
  "  version         INTEGER NOT NULL DEFAULT 1,"
  "  replaces_id     INTEGER REFERENCES notices (id),"
  "  recipient       TEXT NOT NULL CHECK (length(trim(recipient)) > 0),"
  "  recipient_department_id INTEGER REFERENCES departments (id),"
  "  organisation    TEXT NOT NULL,"
  "  ticket_number   TEXT NOT NULL,"
  "  customer_name   TEXT NOT NULL,"
  "  customer_phone  TEXT,"
  "  site            TEXT,"
  "  problem         TEXT NOT NULL CHECK (length(trim(problem)) > 0),"
  "  rectification   TEXT NOT NULL CHECK (length(trim(rectification)) > 0),"
  "  due_date        TEXT NOT NULL," /* YYYY-MM-DD */
  "  issued_at       INTEGER NOT NULL,"
  "  issued_by_id    INTEGER REFERENCES staff (id),"
  "  issued_by       TEXT,"
  "  state           INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
  "  rectified_at    INTEGER,"
  "  rectified_by    TEXT,"
  "  verified_at     INTEGER,"
  "  verified_by     TEXT,"
  "  UNIQUE (year, sequence)"
  ");"
  "CREATE INDEX notices_by_ticket ON notices (ticket_id, id);"
  "CREATE INDEX notices_by_recipient ON notices (recipient, id);"
  "CREATE INDEX notices_by_due ON notices (due_date, id) WHERE state = 0;"
  "CREATE INDEX notices_by_replaces ON notices (replaces_id);"
  "CREATE TRIGGER notices_frozen BEFORE UPDATE OF number, year, sequence, ticket_id,"
  "  version, replaces_id, recipient, recipient_department_id, organisation, ticket_number,"
  "  customer_name, customer_phone, site, problem, rectification, due_date, issued_at,"
  "  issued_by_id, issued_by ON notices BEGIN"
  "  SELECT RAISE (ABORT, 'an issued notice cannot be changed; issue a correction');"
  "END;"
  /* Searched like tickets (desk-search-text.c prepares the text). */
  "CREATE TABLE notice_search ("
  "  id   INTEGER PRIMARY KEY REFERENCES notices (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE notice_fts USING fts5 ("
  "  text, content = 'notice_search', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'"
  ");"
  "CREATE TRIGGER notice_search_insert AFTER INSERT ON notice_search BEGIN"
  "  INSERT INTO notice_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER notice_search_delete AFTER DELETE ON notice_search BEGIN"
  "  INSERT INTO notice_fts (notice_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;",

  /* 5: procedures (SOPs).  A procedure is its code; every import of that
   * code adds a revision holding the whole document in our canonical
   * format, so that any revision can be opened and exported again. */
  "CREATE TABLE procedures ("
  "  id        INTEGER PRIMARY KEY,"
  "  code      TEXT NOT NULL UNIQUE,"
  "  title     TEXT NOT NULL,"
  "  category  TEXT,"
  "  revision  INTEGER NOT NULL,"
  "  used_at   INTEGER"
  ");"
  "CREATE INDEX procedures_by_use ON procedures (used_at) WHERE used_at IS NOT NULL;"
  "CREATE TABLE procedure_revisions ("
  "  id           INTEGER PRIMARY KEY,"
  "  procedure_id INTEGER NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,"
  "  revision     INTEGER NOT NULL,"
  "  title        TEXT NOT NULL,"
  "  edition      TEXT,"
  "  revised      TEXT,"
  "  imported_at  INTEGER NOT NULL,"
  "  source       TEXT,"
  "  document     TEXT NOT NULL,"
  "  UNIQUE (procedure_id, revision)"
  ");"
  /* The latest revision's text, prepared like ticket search text. */
  "CREATE TABLE procedure_search ("
  "  id   INTEGER PRIMARY KEY REFERENCES procedures (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE procedure_fts USING fts5 ("
  "  text, content = 'procedure_search', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'"
  ");"
  "CREATE TRIGGER procedure_search_insert AFTER INSERT ON procedure_search BEGIN"
  "  INSERT INTO procedure_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER procedure_search_update AFTER UPDATE OF text ON procedure_search BEGIN"
  "  INSERT INTO procedure_fts (procedure_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO procedure_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER procedure_search_delete AFTER DELETE ON procedure_search BEGIN"
  "  INSERT INTO procedure_fts (procedure_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  /* A flow followed as a checklist on a ticket: the ticket keeps the
   * revision it followed; every tick and untick is kept, append-only, so
   * that who ticked which step when is never lost. */
  "CREATE TABLE ticket_checklists ("
  "  id          INTEGER PRIMARY KEY,"
  "  ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
  "  revision_id INTEGER NOT NULL REFERENCES procedure_revisions (id),"
  "  flow        INTEGER NOT NULL CHECK (flow >= 0),"
  "  staff_id    INTEGER REFERENCES staff (id),"
  "  attached_at INTEGER NOT NULL,"
  "  UNIQUE (ticket_id, revision_id, flow)"
  ");"
  "CREATE TABLE checklist_ticks ("
  "  id           INTEGER PRIMARY KEY,"
  "  checklist_id INTEGER NOT NULL REFERENCES ticket_checklists (id) ON DELETE CASCADE,"
  "  step         TEXT NOT NULL,"
  "  done         INTEGER NOT NULL CHECK (done IN (0, 1)),"
  "  staff_id     INTEGER REFERENCES staff (id),"
  "  at           INTEGER NOT NULL"
  ");"
  "CREATE INDEX checklist_ticks_by_step ON checklist_ticks (checklist_id, step, id);"
  "CREATE TRIGGER checklist_ticks_append_only BEFORE UPDATE ON checklist_ticks BEGIN"
  "  SELECT RAISE (ABORT, 'checklist ticks are append-only');"
  "END;",
  /* 6: the deadline policy as data.  Every change is a new revision;
   * old ones are kept, since each ticket is measured against the revision
   * that was active when it was received (existing tickets: the first,
   * which desk-policy-store.c seeds from the default rules).  Enum columns
   * hold the values of desk-policy.h's enums, roles their nicks. */
  "CREATE TABLE policy_revisions ("
  "  revision   INTEGER PRIMARY KEY,"
  "  created_at INTEGER NOT NULL,"
  "  staff_id   INTEGER REFERENCES staff (id),"
  "  note       TEXT"
  ");"
  "CREATE TABLE policy_rules ("
  "  revision          INTEGER NOT NULL REFERENCES policy_revisions (revision),"
  "  position          INTEGER NOT NULL,"
  "  rule_id           TEXT NOT NULL,"
  "  name              TEXT NOT NULL,"
  "  starts            INTEGER NOT NULL,"
  "  action            INTEGER NOT NULL,"
  "  role              TEXT NOT NULL,"
  "  limit_value       INTEGER NOT NULL CHECK (limit_value >= 0),"
  "  unit              INTEGER NOT NULL,"
  "  working_time      INTEGER NOT NULL,"
  "  repeats           INTEGER NOT NULL DEFAULT 0,"
  "  kinds             INTEGER NOT NULL DEFAULT 0,"
  "  categories        TEXT,"  /* comma-separated category codes */
  "  except_categories TEXT,"
  "  min_severity      INTEGER NOT NULL DEFAULT 0,"
  "  site              INTEGER NOT NULL DEFAULT 0,"
  "  within_days       INTEGER NOT NULL DEFAULT 0,"
  "  hours             INTEGER NOT NULL DEFAULT 0,"
  "  needs_callbacks   INTEGER NOT NULL DEFAULT 0,"
  "  min_repeat        INTEGER NOT NULL DEFAULT 0,"
  "  first_counts      INTEGER NOT NULL DEFAULT 1,"
  "  escalate          INTEGER NOT NULL DEFAULT 0,"
  "  escalate_to       TEXT,"
  "  notify            INTEGER NOT NULL DEFAULT 0,"
  "  fine_yuan         INTEGER NOT NULL DEFAULT 0 CHECK (fine_yuan >= 0),"
  "  fine_target       INTEGER NOT NULL DEFAULT 0,"
  "  calendar          TEXT,"  /* a work_calendars name; NULL: the office's */
  "  PRIMARY KEY (revision, position),"
  "  UNIQUE (revision, rule_id)"
  ") WITHOUT ROWID;"
  "ALTER TABLE tickets ADD COLUMN policy_revision INTEGER NOT NULL DEFAULT 1;"
  /* When the deadline check must look at the ticket next: a deadline
   * becomes due soon or is breached then.  0: not known yet (look at
   * once); NULL: nothing ahead.  Keeps the check to what changed. */
  "ALTER TABLE tickets ADD COLUMN next_check INTEGER DEFAULT 0;"
  "CREATE INDEX tickets_open_by_check ON tickets (next_check) WHERE status <> 7;"

  /* Work calendars (the office, a 24-hour emergency crew ...), seeded by
   * desk-calendar-store.c from the bundled holiday files.  hours: seven
   * "HH:MM-HH:MM" or "-" (closed), Monday first. */
  "CREATE TABLE work_calendars ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  timezone TEXT NOT NULL,"
  "  hours    TEXT NOT NULL"
  ");"
  "CREATE TABLE work_calendar_days ("
  "  calendar_id INTEGER NOT NULL REFERENCES work_calendars (id) ON DELETE CASCADE,"
  "  date        TEXT NOT NULL,"  /* YYYY-MM-DD */
  "  workday     INTEGER NOT NULL,"  /* 0: a holiday; 1: a make-up working day */
  "  name        TEXT,"
  "  PRIMARY KEY (calendar_id, date)"
  ") WITHOUT ROWID;"

  /* Fines and repeat counts per department and person, for the monthly
   * report: one row per (ticket, rule, deadline), so recording again
   * changes nothing.  due_at is 0 for a complaint's own record (repeat). */
  "CREATE TABLE ledger ("
  "  id            INTEGER PRIMARY KEY,"
  "  ticket_id     INTEGER NOT NULL REFERENCES tickets (id),"
  "  rule_id       TEXT NOT NULL,"
  "  due_at        INTEGER NOT NULL DEFAULT 0,"
  "  at            INTEGER NOT NULL,"
  "  month         TEXT NOT NULL,"  /* YYYY-MM of at, office time */
  "  department_id INTEGER REFERENCES departments (id),"
  "  staff_id      INTEGER REFERENCES staff (id),"
  "  target        TEXT NOT NULL CHECK (target IN ('department', 'person')),"
  "  repeat_number INTEGER NOT NULL DEFAULT 1,"
  "  counted       INTEGER NOT NULL,"
  "  fine_yuan     INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (ticket_id, rule_id, due_at)"
  ");"
  "CREATE INDEX ledger_by_month ON ledger (month, department_id, staff_id);"

  /* Warnings and breaches noticed by the deadline check, once each; an
   * escalating breach records the role it went to and who acknowledged. */
  "CREATE TABLE deadline_alerts ("
  "  id              INTEGER PRIMARY KEY,"
  "  ticket_id       INTEGER NOT NULL REFERENCES tickets (id),"
  "  rule_id         TEXT NOT NULL,"
  "  due_at          INTEGER NOT NULL,"
  "  kind            TEXT NOT NULL CHECK (kind IN ('warning', 'breach')),"
  "  noticed_at      INTEGER NOT NULL,"
  "  escalated_to    TEXT,"
  "  acknowledged_by INTEGER REFERENCES staff (id),"
  "  acknowledged_at INTEGER,"
  "  UNIQUE (ticket_id, rule_id, due_at, kind)"
  ");"
  "CREATE INDEX deadline_alerts_unacknowledged ON deadline_alerts (ticket_id)"
  "  WHERE escalated_to IS NOT NULL AND acknowledged_at IS NULL;",
  /* 7: callbacks (回访), planned and made.  reason and state are the nicks of
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
  /* 8: the report's deadline figures judge every ticket received in two
   * months (455,000 of 1 M): the report index now carries every fact the
   * deadline engine reads, so that pass reads the index in order of
   * receipt (0.16 s) instead of the wide rows one by one (5.5 s). */
  "DROP INDEX tickets_for_report;"
  "CREATE INDEX tickets_for_report ON tickets (received_at, kind, category_id, severity,"
  "  repeat_count, customer_id, asset_id, closed_at, no_callbacks,"
  "  forwarded_at, contacted_at, visit_agreed_at, visited_at, notice_at, rectified_at,"
  "  last_callback_at, policy_revision);"
  /* The month's figures by kind, severity, category and department:
   * walking all tickets in that order and counting the month's costs
   * less than sorting the month's 270,000 into it (0.08 s, 0.17 s). */
  "CREATE INDEX tickets_report_cube ON tickets (kind, severity, category_id, department_id,"
  "  received_at, major, repeat_count);"
  /* The copy of the customer's "no callbacks" wish follows a ticket put
   * under another customer too. */
  "CREATE TRIGGER tickets_customer_no_callbacks AFTER UPDATE OF customer_id ON tickets"
  "  WHEN new.customer_id IS NOT old.customer_id BEGIN"
  "  UPDATE tickets SET no_callbacks = (SELECT no_callbacks FROM customers WHERE id = new.customer_id)"
  "    WHERE id = new.id;"
  "END;",
  /* 9: every connection keeps the work calendars it counts on in memory
   * (desk-deadline-store.c); a change made through another connection (the
   * deadline watch's, another process's import) is seen by this counter,
   * which triggers move on every change. */
  "CREATE TABLE calendar_revision (n INTEGER NOT NULL);"
  "INSERT INTO calendar_revision (n) VALUES (0);"
  "CREATE TRIGGER work_calendars_insert AFTER INSERT ON work_calendars BEGIN"
  "  UPDATE calendar_revision SET n = n + 1;"
  "END;"
  "CREATE TRIGGER work_calendars_update AFTER UPDATE ON work_calendars BEGIN"
  "  UPDATE calendar_revision SET n = n + 1;"
  "END;"
  "CREATE TRIGGER work_calendars_delete AFTER DELETE ON work_calendars BEGIN"
  "  UPDATE calendar_revision SET n = n + 1;"
  "END;"
  "CREATE TRIGGER work_calendar_days_insert AFTER INSERT ON work_calendar_days BEGIN"
  "  UPDATE calendar_revision SET n = n + 1;"
  "END;"
  "CREATE TRIGGER work_calendar_days_update AFTER UPDATE ON work_calendar_days BEGIN"
  "  UPDATE calendar_revision SET n = n + 1;"
  "END;"
  "CREATE TRIGGER work_calendar_days_delete AFTER DELETE ON work_calendar_days BEGIN"
  "  UPDATE calendar_revision SET n = n + 1;"
  "END;",
  /* 10: the report's customers and sites with the most complaints, counted
   * by walking these indexes in customer (site) order instead of sorting
   * the month's complaints: they carry the kind now. */
  "DROP INDEX tickets_by_customer;"
  "CREATE INDEX tickets_by_customer ON tickets (customer_id, received_at, kind);"
  "DROP INDEX tickets_by_asset;"
  "CREATE INDEX tickets_by_asset ON tickets (asset_id, received_at, kind);",
  /* 11: the Overdue and Due Soon queues in their default order, newest
   * first, walk this index: the newest open tickets are seldom overdue,
   * and with the deadline in the index the walk steps over them without
   * reading each one's row (three pages of the Overdue queue on a million
   * tickets read some 14,000 rows before). */
  "DROP INDEX tickets_by_received;"
  "CREATE INDEX tickets_by_received ON tickets (received_at, id, status, next_deadline);"
  /* The Major queue, newest first, in the order of its own index: a page
   * is the next 100 entries, not all 3,000 major tickets read and sorted. */
  "DROP INDEX tickets_major;"
  "CREATE INDEX tickets_major ON tickets (received_at, id) WHERE major AND status <> 7;",
  /* 12: the Overdue list (open calls before now, oldest first) walks this
   * index in its order: after a week away it holds some 90,000 missed
   * calls, which a page of 50 sorted whole before (0.8 s a page). */
  "CREATE INDEX callbacks_open_by_time ON callbacks (planned_at, id)"
  "  WHERE state IN ('planned', 'missed');",
  /* 13: a row that others of its table refer to (a ticket merged into or
   * repeated by another, a call moved to a later one) is checked for
   * those references when it is deleted; without an index that read the
   * whole table for each row, and while demo --force emptied a million
   * tickets a desk's save gave up after waiting 10 s.  Few rows refer, so
   * the indexes hold only those. */
  "CREATE INDEX tickets_merged_into ON tickets (merged_into) WHERE merged_into IS NOT NULL;"
  "CREATE INDEX tickets_repeat_of ON tickets (repeat_of) WHERE repeat_of IS NOT NULL;"
  "CREATE INDEX callbacks_next ON callbacks (next_id) WHERE next_id IS NOT NULL;",
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
