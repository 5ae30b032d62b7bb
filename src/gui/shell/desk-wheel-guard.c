/* desk-wheel-guard.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spin button in a scrolling page changes its value when the mouse wheel
 * turns over it: a manager scrolling through Preferences → Rules changed
 * a limit from 10 to 5 minutes as the pointer passed.  Here a spin button
 * takes the wheel only once the user has put the focus in it (clicked or
 * tabbed into it); until then the wheel scrolls the page, as it does
 * everywhere else in the window.
 */

#define G_LOG_DOMAIN "desk-wheel-guard"

#include "config.h"

#include "desk-gui-private.h"

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           GtkWidget                *spin)
{
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  double step;

  /* The spin button's text takes the focus, not the button itself. */
  if (gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return FALSE;

  scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      /* A wheel's click moves about as far as GtkScrolledWindow moves it
       * (a tenth of a page, at least a row's height); a touchpad's deltas
       * are pixels already. */
      step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
             ? MAX (48.0, gtk_adjustment_get_page_size (adjustment) / 10.0)
             : 1.0;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
    }

  /* Handled: the spin button's own scroll controller never sees it. */
  return TRUE;
}

void
_desk_spin_button_guard_wheel (GtkSpinButton *spin)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  /* Capture runs before the spin button's own controller (bubble). */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "desk-wheel-guard");
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), spin, 0);
  gtk_widget_add_controller (GTK_WIDGET (spin), controller);
}

void
_desk_widget_guard_spin_wheels (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_SPIN_BUTTON (widget))
    {
      _desk_spin_button_guard_wheel (GTK_SPIN_BUTTON (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    _desk_widget_guard_spin_wheels (child);
}
