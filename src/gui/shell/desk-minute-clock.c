/* desk-minute-clock.c
 *
 * The minute clock: one object for the whole application that emits "tick"
 * at the start of each wall-clock minute, with a fresh timeout aimed at the
 * minute every time so that it does not drift, and no timer at all while
 * nobody listens.  The ticket detail and the Tickets view's cells use it to
 * keep texts such as "due in 5 min" true.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-minute-clock"

#include "config.h"

#include "desk-minute-clock.h"

struct _DeskMinuteClock
{
  GObject parent_instance;
  guint   timeout_id;
  guint   listeners;
};

G_DEFINE_FINAL_TYPE (DeskMinuteClock, desk_minute_clock, G_TYPE_OBJECT)

enum { TICK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule (DeskMinuteClock *self);

static gboolean
tick_cb (gpointer user_data)
{
  DeskMinuteClock *self = user_data;

  self->timeout_id = 0;
  g_signal_emit (self, signals[TICK], 0);
  schedule (self);

  return G_SOURCE_REMOVE;
}

/* A fresh timeout each minute, aimed at the minute's start: a repeating
 * one would drift, and texts would change a random number of seconds
 * after the clock on the panel does. */
static void
schedule (DeskMinuteClock *self)
{
  gint64 now_ms = g_get_real_time () / 1000;
  guint wait_ms = 60000 - (guint)(now_ms % 60000);

  if (self->listeners == 0 || self->timeout_id != 0)
    return;

  self->timeout_id = g_timeout_add (wait_ms + 50, tick_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[desk] minute clock");
}

static void
desk_minute_clock_class_init (DeskMinuteClockClass *klass)
{
  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
desk_minute_clock_init (DeskMinuteClock *self)
{
}

DeskMinuteClock *
desk_minute_clock_get_default (void)
{
  static DeskMinuteClock *clock;

  if (clock == NULL)
    clock = g_object_new (DESK_TYPE_MINUTE_CLOCK, NULL);

  return clock;
}

gulong
desk_minute_clock_connect (GObject   *object,
                           GCallback  callback)
{
  DeskMinuteClock *self = desk_minute_clock_get_default ();

  self->listeners++;
  schedule (self);

  return g_signal_connect_object (self, "tick", callback, object, G_CONNECT_SWAPPED);
}

void
desk_minute_clock_disconnect (gulong handler_id)
{
  DeskMinuteClock *self = desk_minute_clock_get_default ();

  if (handler_id == 0)
    return;

  if (g_signal_handler_is_connected (self, handler_id))
    g_signal_handler_disconnect (self, handler_id);

  g_return_if_fail (self->listeners > 0);
  if (--self->listeners == 0)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}
