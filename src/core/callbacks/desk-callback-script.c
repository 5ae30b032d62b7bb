/* desk-callback-script.c
 *
 * The call script the call panel follows: the callback manual's default
 * script (greeting, "is it convenient?", the four satisfaction questions,
 * the closing lines) as msgids translated when shown, and the questions'
 * short topics for summaries.  Plain data, no database: a stored procedure
 * may later provide a script of the same shape.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-callback-script"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-callback-script.h"

/* The callback manual's 话术 (三、回访中的使用话术), in English for the
 * msgids; the Chinese translations are the manual's own lines. */
static const DeskScriptStep default_steps[] = {
  { DESK_SCRIPT_SAY, N_("Greeting"),
    /* Translators: keep {organisation} and {customer}: the office's name and the customer's are put there */
    N_("Hello! I am the customer service officer of {organisation}. Am I speaking with {customer}?"), NULL },
  { DESK_SCRIPT_CONVENIENT, N_("Is it convenient?"),
    N_("Sorry to disturb you: is it convenient for you to talk now? (Convenient: “Thank you, it will take about two minutes.”)"),
    N_("Not convenient: “Of course. When would be a good time to call you back?” (Note the time.) “Sorry to have disturbed you, thank you, have a nice day!”") },
  { DESK_SCRIPT_QUESTIONS, N_("Questions"),
    N_("Ask each question and note the answer: satisfied, average or unsatisfied, and what the customer said."), NULL },
  { DESK_SCRIPT_CLOSING, N_("Closing"),
    N_("Satisfied: “Thank you very much. If you need anything, contact us at any time. Have a nice day, goodbye.”"),
    N_("Unsatisfied or average: “Thank you very much for your valuable suggestions; we will improve. If you need anything, you are welcome to contact us at any time. Have a nice day, goodbye.”") },
};

static const DeskScriptQuestion default_questions[] = {
  { "attitude", N_("Are you satisfied with our service attitude?"), N_("Service attitude") },
  { "quality", N_("Are you satisfied with how the problem was dealt with?"), N_("How it was dealt with") },
  { "timeliness", N_("Are you satisfied with how quickly we responded?"), N_("Response time") },
  { "overall", N_("Overall, how satisfied are you with our service?"), N_("Overall") },
};

static const DeskCallbackScript default_script = {
  N_("Customer callback (manual 10)"),
  default_steps, G_N_ELEMENTS (default_steps),
  default_questions, G_N_ELEMENTS (default_questions),
};

const DeskCallbackScript *
desk_callback_script_get_default (void)
{
  return &default_script;
}

const char *
desk_callback_script_text (const char *msgid)
{
  return msgid != NULL ? g_dgettext (GETTEXT_PACKAGE, msgid) : NULL;
}

char *
desk_callback_script_fill (const char *line,
                           const char *organisation,
                           const char *customer)
{
  g_autoptr(GString) text = g_string_new (line != NULL ? line : "");

  g_string_replace (text, "{organisation}",
                    organisation != NULL && *organisation != '\0' ? organisation : _("our company"), 0);
  g_string_replace (text, "{customer}", customer != NULL && *customer != '\0' ? customer : "…", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
desk_callback_question_get_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_questions); i++)
    if (g_strcmp0 (default_questions[i].key, key) == 0)
      return g_dgettext (GETTEXT_PACKAGE, default_questions[i].topic);
  return key;
}
