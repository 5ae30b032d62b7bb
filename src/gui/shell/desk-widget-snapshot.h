/* desk-widget-snapshot.h
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Pictures of widgets as they are drawn, for tests and documentation.
 * @widget must be realized (its window shown) and have a size. */

/* Renders @widget with its window's renderer. */
GdkTexture *desk_widget_render_texture (GtkWidget   *widget,
                                        GError     **error);
/* Writes @texture to @path as PNG, making its folder if need be. */
gboolean    desk_texture_save_png      (GdkTexture  *texture,
                                        const char  *path,
                                        GError     **error);

/* How much of @texture is not background: the fraction (0..1) of pixels
 * whose colour differs from the commonest colour's.  A blank picture
 * gives 0. */
double      desk_texture_get_ink_fraction (GdkTexture *texture);
/* The number of distinct colours in @texture, counting no further than
 * @limit (0 for no limit). */
guint       desk_texture_count_colours    (GdkTexture *texture,
                                           guint       limit);

G_END_DECLS
