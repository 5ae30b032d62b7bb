/* desk-ticket-event-text.c
 *
 * A ticket's timeline entry in one line, in the reader's language: the
 * entry holds data (kinds, nicks, ids, numbers), never a sentence, so a
 * clerk reading in Chinese sees Chinese whoever wrote it.  A call is told
 * from the call itself (its reason, answers, the time it is tried again).
 * Shared by the ticket pane's timeline and the call panel.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-event-text"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-callback-script.h"
#include "desk-callback-store.h"
#include "desk-category-store.h"
#include "desk-enums.h"

#include "desk-ticket-event-text.h"
#include "desk-ticket-format.h"

static char *
status_label_of (const char *nick)
{
  int value;

  if (nick != NULL && desk_enum_from_nick (DESK_TYPE_TICKET_STATUS, nick, &value))
    return g_strdup (desk_ticket_status_get_label (value));

  return g_strdup (nick ? nick : "—");
}

static char *
role_label_of (const char *nick)
{
  DeskRole role;

  if (nick != NULL && desk_role_from_nick (nick, &role))
    return g_strdup (desk_role_get_label (role));

  return g_strdup (nick ? nick : "—");
}

static const char *
field_label_of (const char *field)
{
  if (g_strcmp0 (field, "summary") == 0)
    return _("Summary");
  if (g_strcmp0 (field, "description") == 0)
    return _("Description");
  if (g_strcmp0 (field, "severity") == 0)
    return _("Severity");
  if (g_strcmp0 (field, "major") == 0)
    return _("Major");
  if (g_strcmp0 (field, "category") == 0)
    return _("Category");
  if (g_strcmp0 (field, "channel") == 0)
    return _("Channel");
  if (g_strcmp0 (field, "phone") == 0)
    return _("Phone");
  if (g_strcmp0 (field, "address") == 0)
    return _("Address");

  return field;
}

#define OR_NONE(s) ((s) && *(s) ? (s) : "—")

/* A field's stored value as the reader reads it: the enums' and the
 * category's names, not their nicks and ids. */
static char *
field_value_of (DeskDatabase *db,
                const char   *field,
                const char   *value)
{
  int v;

  if (value == NULL || *value == '\0')
    return g_strdup ("—");

  if (g_strcmp0 (field, "severity") == 0 && desk_enum_from_nick (DESK_TYPE_SEVERITY, value, &v))
    return g_strdup (desk_severity_get_label (v));
  if (g_strcmp0 (field, "channel") == 0 && desk_enum_from_nick (DESK_TYPE_CHANNEL, value, &v))
    return g_strdup (desk_channel_get_label (v));
  if (g_strcmp0 (field, "major") == 0)
    return g_strdup (g_str_equal (value, "yes") ? _("Yes") : _("No"));
  if (g_strcmp0 (field, "category") == 0 && db != NULL)
    {
      g_autoptr(GPtrArray) categories = desk_category_store_list (db, NULL);
      gint64 id = g_ascii_strtoll (value, NULL, 10);

      for (guint i = 0; categories != NULL && i < categories->len; i++)
        {
          DeskCategory *c = categories->pdata[i];

          if (c->id == id)
            return g_strdup (desk_category_pick_name (c->name_en, c->name_zh));
        }
    }

  return g_strdup (value);
}

/* A call to the customer, told from the call itself: its reason, and what
 * came of it (the answers given, or when it is tried again). */
static char *
describe_call (DeskDatabase          *db,
               const DeskTicketEvent *e)
{
  gint64 id = e->new_value != NULL ? g_ascii_strtoll (e->new_value, NULL, 10) : 0;
  g_autoptr(DeskCallback) call = NULL;
  g_autoptr(GString) text = NULL;

  if (db == NULL || id <= 0 || (call = desk_callback_store_get (db, id, NULL)) == NULL)
    return g_strdup (_("Callback"));

  text = g_string_new (NULL);
  /* Translators: a timeline entry begins so; %s is why the call was made */
  g_string_append_printf (text, _("Callback (%s): "), desk_callback_reason_get_label (call->reason));
  if (call->state == DESK_CALLBACK_REACHED)
    {
      GArray *answers = desk_callback_store_answers (db, id, NULL);

      g_string_append (text, _("reached"));
      for (guint i = 0; answers != NULL && i < answers->len; i++)
        {
          const DeskCallbackAnswer *a = &g_array_index (answers, DeskCallbackAnswer, i);

          if (a->rating != DESK_RATING_NONE)
            /* Translators: after "reached" in a timeline entry: question: rating */
            g_string_append_printf (text, _("; %s: %s"), desk_callback_question_get_label (a->question),
                                    desk_rating_get_label (a->rating));
        }
      if (answers != NULL)
        desk_callback_answers_free (answers);
    }
  else
    {
      g_autofree char *again = _desk_format_time (call->call_again_at);

      g_string_append_printf (text,
                              call->state == DESK_CALLBACK_NOT_REACHED
                              ? _("no answer; trying again %s") : _("not convenient; call again %s"),
                              again);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
desk_ticket_event_describe (DeskDatabase          *db,
                            const DeskTicketEvent *e)
{
  if (g_strcmp0 (e->kind, "created") == 0)
    /* Translators: a timeline entry; %s is the ticket number */
    return g_strdup_printf (_("Registered as %s"), OR_NONE (e->new_value));

  if (g_strcmp0 (e->kind, "status") == 0 || g_strcmp0 (e->kind, "reopen") == 0)
    {
      g_autofree char *from = status_label_of (e->old_value);
      g_autofree char *to = status_label_of (e->new_value);

      if (g_strcmp0 (e->kind, "reopen") == 0)
        /* Translators: a timeline entry: old status → new status */
        return g_strdup_printf (_("Reopened: %s → %s"), from, to);
      /* Translators: a timeline entry: old status → new status */
      return g_strdup_printf (_("Status: %s → %s"), from, to);
    }

  if (g_strcmp0 (e->kind, "assign") == 0)
    {
      if (g_strcmp0 (e->field, "department") == 0)
        /* Translators: a timeline entry: old department → new department */
        return g_strdup_printf (_("Department: %s → %s"), OR_NONE (e->old_value), OR_NONE (e->new_value));
      /* Translators: a timeline entry: old owner → new owner */
      return g_strdup_printf (_("Owner: %s → %s"), OR_NONE (e->old_value), OR_NONE (e->new_value));
    }

  if (g_strcmp0 (e->kind, "escalate") == 0)
    {
      g_autofree char *from = role_label_of (e->old_value);
      g_autofree char *to = role_label_of (e->new_value);

      /* Translators: a timeline entry: from one manager's role to the next */
      return g_strdup_printf (_("Escalated: %s → %s"), from, to);
    }

  if (g_strcmp0 (e->kind, "acknowledged") == 0)
    return g_strdup (_("Escalation acknowledged"));

  if (g_strcmp0 (e->kind, "field") == 0)
    {
      g_autofree char *from = field_value_of (db, e->field, e->old_value);
      g_autofree char *to = field_value_of (db, e->field, e->new_value);

      /* Translators: a timeline entry: field name: old value → new value */
      return g_strdup_printf (_("%s: %s → %s"), field_label_of (e->field), from, to);
    }

  if (g_strcmp0 (e->kind, "customer") == 0)
    /* Translators: a timeline entry: "Phone", "Address", then what the customer gave on a call */
    return g_strdup_printf (_("Customer’s %s is now %s"), field_label_of (e->field), OR_NONE (e->new_value));

  if (g_strcmp0 (e->kind, "callback") == 0 || g_strcmp0 (e->kind, "callback-attempt") == 0)
    return describe_call (db, e);

  if (g_strcmp0 (e->kind, "visit-agreed") == 0)
    return g_strdup (_("Visit agreed"));

  if (g_strcmp0 (e->kind, "visited") == 0)
    return g_strdup (_("Visited"));

  if (g_strcmp0 (e->kind, "note") == 0)
    return g_strdup (_("Note"));

  if (g_strcmp0 (e->kind, "link") == 0)
    /* Translators: a timeline entry; %s is the other ticket's number */
    return g_strdup_printf (_("Linked to %s"), OR_NONE (e->new_value));

  if (g_strcmp0 (e->kind, "merge") == 0)
    {
      if (e->new_value != NULL)
        /* Translators: a timeline entry; %s is the other ticket's number */
        return g_strdup_printf (_("Merged into %s"), e->new_value);
      /* Translators: a timeline entry; %s is the other ticket's number */
      return g_strdup_printf (_("%s was merged into this ticket"), OR_NONE (e->old_value));
    }

  if (g_strcmp0 (e->kind, "repeat") == 0)
    {
      if (e->old_value != NULL)
        /* Translators: a timeline entry; %s is the earlier complaint's number */
        return g_strdup_printf (_("Repeat of %s"), e->old_value);
      /* Translators: a timeline entry; %s is the later complaint's number */
      return g_strdup_printf (_("Repeated by %s"), OR_NONE (e->new_value));
    }

  if (g_strcmp0 (e->kind, "notice") == 0)
    {
      if (e->old_value != NULL)
        /* Translators: a timeline entry: new notice number, the one it corrects, recipient */
        return g_strdup_printf (_("Rectification notice %s issued to %s, replacing %s"),
                                OR_NONE (e->new_value), OR_NONE (e->note), e->old_value);
      /* Translators: a timeline entry: notice number, recipient */
      return g_strdup_printf (_("Rectification notice %s issued to %s"), OR_NONE (e->new_value), OR_NONE (e->note));
    }

  if (g_strcmp0 (e->kind, "notice-rectified") == 0)
    /* Translators: a timeline entry: notice number, who rectified */
    return g_strdup_printf (_("Notice %s rectified by %s"), OR_NONE (e->new_value), OR_NONE (e->note));

  if (g_strcmp0 (e->kind, "notice-verified") == 0)
    /* Translators: a timeline entry: notice number, who verified */
    return g_strdup_printf (_("Notice %s verified by %s"), OR_NONE (e->new_value), OR_NONE (e->note));

  if (g_strcmp0 (e->kind, "checklist") == 0)
    /* Translators: a timeline entry: a procedure's code and one of its flows, followed as a checklist */
    return g_strdup_printf (_("Following %s: %s"), OR_NONE (e->new_value), OR_NONE (e->field));

  if (g_strcmp0 (e->kind, "checklist-tick") == 0)
    /* Translators: a timeline entry: procedure code, step number, the step's text */
    return g_strdup_printf (_("%s step %s done: %s"), OR_NONE (e->old_value), OR_NONE (e->field),
                            OR_NONE (e->new_value));

  if (g_strcmp0 (e->kind, "checklist-untick") == 0)
    /* Translators: a timeline entry: procedure code, step number, the step's text */
    return g_strdup_printf (_("%s step %s not done after all: %s"), OR_NONE (e->old_value),
                            OR_NONE (e->field), OR_NONE (e->new_value));

  return g_strdup (e->kind);
}
