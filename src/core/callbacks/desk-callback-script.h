/* desk-callback-script.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The call script the call panel follows, step by step.  Until procedures
 * are stored, the default one comes from the callback manual
 * (10-customer-callback-procedure): greet, ask whether it is convenient,
 * the questions, the closing line for the answer given.  A procedure can
 * later provide a script of the same shape. */

typedef enum
{
  DESK_SCRIPT_SAY,         /* read the line */
  DESK_SCRIPT_CONVENIENT,  /* branch: convenient / not convenient / no answer */
  DESK_SCRIPT_QUESTIONS,   /* ask the questions */
  DESK_SCRIPT_CLOSING,     /* the closing line for the satisfaction given */
} DeskScriptStepKind;

typedef struct
{
  DeskScriptStepKind  kind;
  const char         *title;       /* msgid: show with desk_callback_script_text () */
  const char         *line;        /* what to say; msgid */
  const char         *line_if_not; /* CONVENIENT: not convenient; CLOSING: unsatisfied or average; msgid */
} DeskScriptStep;

typedef struct
{
  const char *key;   /* stored with the answer */
  const char *text;  /* msgid: show with desk_callback_script_text () */
  const char *topic; /* msgid: the question in two words, for summaries */
} DeskScriptQuestion;

typedef struct
{
  const char               *name;
  const DeskScriptStep     *steps;
  guint                     n_steps;
  const DeskScriptQuestion *questions;
  guint                     n_questions;
} DeskCallbackScript;

/* The manual's script.  Its texts are msgids, translated when shown (the
 * language may change while the program runs, as in the tests). */
const DeskCallbackScript *desk_callback_script_get_default  (void);
const char               *desk_callback_script_text        (const char *msgid);
/* @line (translated) with {organisation} and {customer} filled in: the
 * office's name and the customer's, so that the clerk reads out the real
 * ones ("our company" and "…" when one is not known). */
char                     *desk_callback_script_fill        (const char *line,
                                                            const char *organisation,
                                                            const char *customer);
/* The question's topic for @key ("Service attitude"), translated, or
 * @key itself when unknown. */
const char               *desk_callback_question_get_label (const char *key);

G_END_DECLS
