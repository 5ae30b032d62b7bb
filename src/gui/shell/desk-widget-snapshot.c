/* desk-widget-snapshot.c
 *
 * Pictures of widgets as they are drawn, for the GUI tests: rendering a
 * shown widget to a texture with its window's renderer, saving it as PNG
 * (the tests' screenshots), and two measures of a picture (how much of it
 * is not background, how many colours it has) by which a test tells a blank
 * window from a drawn one.  The program itself uses none of it.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-widget-snapshot"

#include "config.h"

#include <errno.h>

#include "desk-widget-snapshot.h"

GdkTexture *
desk_widget_render_texture (GtkWidget  *widget,
                            GError    **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  native = gtk_widget_get_native (widget);
  renderer = native ? gtk_native_get_renderer (native) : NULL;
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   "The %s has not been shown yet: there is nothing to render",
                   G_OBJECT_TYPE_NAME (widget));
      return NULL;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The %s drew nothing", G_OBJECT_TYPE_NAME (widget));
      return NULL;
    }

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

gboolean
desk_texture_save_png (GdkTexture  *texture,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create the folder %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write the picture %s", path);
      return FALSE;
    }

  return TRUE;
}

/* The texture as 32-bit pixels in memory order B, G, R, A. */
static guint32 *
desk_texture_dup_pixels (GdkTexture *texture,
                         gsize      *n_pixels)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  *n_pixels = (gsize) width * height;

  return pixels;
}

double
desk_texture_get_ink_fraction (GdkTexture *texture)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autofree guint32 *pixels = NULL;
  GHashTableIter iter;
  gpointer count;
  gsize n_pixels;
  gsize background = 0;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), 0.0);

  pixels = desk_texture_dup_pixels (texture, &n_pixels);
  if (n_pixels == 0)
    return 0.0;

  /* The background is the commonest colour: a corner pixel can belong
   * to a window frame or a rounded, transparent corner. */
  counts = g_hash_table_new (NULL, NULL);
  for (gsize i = 0; i < n_pixels; i++)
    {
      gpointer key = GUINT_TO_POINTER (pixels[i]);
      gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, key));

      g_hash_table_insert (counts, key, GSIZE_TO_POINTER (n + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    background = MAX (background, GPOINTER_TO_SIZE (count));

  return (double) (n_pixels - background) / (double) n_pixels;
}

guint
desk_texture_count_colours (GdkTexture *texture,
                            guint       limit)
{
  g_autoptr(GHashTable) colours = NULL;
  g_autofree guint32 *pixels = NULL;
  gsize n_pixels;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), 0);

  pixels = desk_texture_dup_pixels (texture, &n_pixels);
  colours = g_hash_table_new (NULL, NULL);

  for (gsize i = 0; i < n_pixels; i++)
    {
      g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
      if (limit > 0 && g_hash_table_size (colours) >= limit)
        break;
    }

  return g_hash_table_size (colours);
}
