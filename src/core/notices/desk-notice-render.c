/* desk-notice-render.c
 *
 * The printed rectification notice: DeskNoticeRenderer lays a notice out
 * on A4 pages with pango and draws them with cairo, for PDF export, the
 * GUI's printing and preview, and PNG pictures for tests.  Its own file
 * because it is the document's layout, Chinese whatever the window's
 * language, and needs no database.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notice-render"

#include "config.h"

#include <stdio.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "desk-notice-render.h"
#include "desk-print.h"

/* The notice is an official document of the office, and the office's
 * documents are Chinese (DOMAIN.md): its wording below is the document's
 * own and stays Chinese whatever language the program's window speaks,
 * just like the Word template it replaces.
 *
 * The layout follows the usual look of a Chinese company notice: the
 * issuing organisation in red over a red double rule, a large Song-style
 * title, the number and date, a ruled form of label and value cells, a
 * signature table (编写 / 审批 / 签收) and room for the seal next to the
 * organisation's name and date.  Long problem and rectification texts
 * break between lines and continue on the next page under the same
 * header, each page numbered "第 1 页 / 共 2 页". */

#define MARGIN_X      70.0
#define MARGIN_TOP    56.0
#define FOOTER_Y      (DESK_NOTICE_PAGE_HEIGHT - 44.0)
#define BODY_BOTTOM   (DESK_NOTICE_PAGE_HEIGHT - 70.0)
#define CONTENT_WIDTH (DESK_NOTICE_PAGE_WIDTH - 2 * MARGIN_X)
#define LABEL_WIDTH   84.0
#define PAD           7.0
#define RULE          0.8
#define TEXT_MIN      84.0   /* a problem or rectification cell is never shorter */
#define SIGN_GAP      16.0
#define SIGN_HEAD     24.0
#define SIGN_BODY     66.0
#define SEAL_HEIGHT   96.0

typedef enum
{
  BLOCK_PAIR,       /* label | value | label | value, never split */
  BLOCK_TEXT,       /* label | long value, may break between lines */
  BLOCK_SIGNATURES, /* signature table and seal, never split */
} BlockKind;

typedef struct
{
  double top;      /* of the line box, from the layout's top */
  double bottom;
  double baseline;
} Line;

typedef struct
{
  BlockKind    kind;
  char        *label[2];
  PangoLayout *value[2];
  GArray      *lines;   /* of Line, for BLOCK_TEXT */
  double       height;  /* for the blocks that are never split */
} Block;

typedef struct
{
  guint  block;
  guint  first_line;
  guint  n_lines;
  double y;
  double height;
  gboolean continued;
} Piece;

struct _DeskNoticeRenderer
{
  DeskNotice   *notice;
  PangoContext *context;
  GPtrArray    *blocks;  /* of Block */
  GPtrArray    *pages;   /* of GArray of Piece */
  double        header_height;
};

static void
block_free (Block *block)
{
  for (guint i = 0; i < 2; i++)
    {
      g_free (block->label[i]);
      g_clear_object (&block->value[i]);
    }
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block);
}

DeskNoticeRenderer *
desk_notice_renderer_new (DeskNotice *notice)
{
  DeskNoticeRenderer *self;

  g_return_val_if_fail (DESK_IS_NOTICE (notice), NULL);

  self = g_new0 (DeskNoticeRenderer, 1);
  self->notice = g_object_ref (notice);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  return self;
}

void
desk_notice_renderer_free (DeskNoticeRenderer *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->notice);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self);
}

static char *
format_date (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);
  return g_strdup_printf ("%d年%d月%d日", g_date_time_get_year (dt),
                          g_date_time_get_month (dt), g_date_time_get_day_of_month (dt));
}

static char *
format_due_date (const char *iso)
{
  int y = 0, m = 0, d = 0;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

/* Sizes are absolute, in points (desk-print.c), so that the layout is the
 * same on a PDF surface, a printer and a picture of any resolution. */
static PangoLayout *
make_layout (DeskNoticeRenderer *self,
             const char         *families,
             double              size,
             gboolean            bold,
             double              width,
             const char         *text)
{
  return desk_print_layout (self->context, families, size, bold, width, text);
}

static PangoLayout *
value_layout (DeskNoticeRenderer *self,
              double              width,
              const char         *text)
{
  PangoLayout *layout = make_layout (self, DESK_NOTICE_FONTS, 12, FALSE, width - 2 * PAD, text);

  pango_layout_set_line_spacing (layout, 1.45);
  return layout;
}

static void
add_pair (DeskNoticeRenderer *self,
          const char         *label1,
          const char         *value1,
          const char         *label2,
          const char         *value2)
{
  Block *block = g_new0 (Block, 1);
  double value_width = (CONTENT_WIDTH - 2 * LABEL_WIDTH) / 2;

  block->kind = BLOCK_PAIR;
  block->label[0] = g_strdup (label1);
  block->label[1] = g_strdup (label2);
  block->value[0] = value_layout (self, value_width, value1);
  block->value[1] = value_layout (self, value_width, value2);
  block->height = MAX (28.0, 2 * PAD + MAX (desk_print_layout_height (block->value[0]), desk_print_layout_height (block->value[1])));
  g_ptr_array_add (self->blocks, block);
}

static void
add_text (DeskNoticeRenderer *self,
          const char         *label,
          const char         *text,
          double              min_height)
{
  Block *block = g_new0 (Block, 1);
  PangoLayoutIter *iter;

  block->kind = BLOCK_TEXT;
  block->label[0] = g_strdup (label);
  block->value[0] = value_layout (self, CONTENT_WIDTH - LABEL_WIDTH, text);
  block->height = min_height;
  block->lines = g_array_new (FALSE, FALSE, sizeof (Line));

  iter = pango_layout_get_iter (block->value[0]);
  do
    {
      Line line;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      line.top = (double)y0 / PANGO_SCALE;
      line.bottom = (double)y1 / PANGO_SCALE;
      line.baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_ptr_array_add (self->blocks, block);
}

static void
build_blocks (DeskNoticeRenderer *self)
{
  const DeskNoticeData *d = desk_notice_get_data (self->notice);
  g_autofree char *due = format_due_date (d->due_date);
  g_autofree char *deadline = g_strdup_printf ("请于%s前完成整改，并书面回复整改结果。", due);
  Block *signatures;

  g_ptr_array_set_size (self->blocks, 0);
  add_pair (self, "受文单位", d->recipient, "关联单号", d->ticket_number);
  add_pair (self, "客户姓名", d->customer_name, "联系电话", d->customer_phone);
  add_text (self, "工程地址", d->site, 0);
  add_text (self, "存在问题", d->problem, TEXT_MIN);
  add_text (self, "整改要求", d->rectification, TEXT_MIN);
  add_text (self, "整改期限", deadline, 0);

  signatures = g_new0 (Block, 1);
  signatures->kind = BLOCK_SIGNATURES;
  signatures->height = SIGN_GAP + SIGN_HEAD + SIGN_BODY + SEAL_HEIGHT;
  g_ptr_array_add (self->blocks, signatures);
}

static double
measure_header (DeskNoticeRenderer *self)
{
  const DeskNoticeData *d = desk_notice_get_data (self->notice);
  g_autoptr(PangoLayout) org = make_layout (self, DESK_NOTICE_FONTS, 18, TRUE, 0, d->organisation);
  g_autoptr(PangoLayout) title = make_layout (self, DESK_NOTICE_FONTS, 26, TRUE, 0, "整改通知书");
  g_autoptr(PangoLayout) meta = make_layout (self, DESK_NOTICE_FONTS, 10.5, FALSE, 0, "编号");
  double h = 0;

  if (d->organisation != NULL && *d->organisation != '\0')
    h += desk_print_layout_height (org) + 18;
  h += desk_print_layout_height (title) + 14;
  h += desk_print_layout_height (meta) + 10;
  if (d->replaces_number != NULL)
    h += desk_print_layout_height (meta) + 6;
  return h + 4;
}

/* How many of @block's lines from @first fit into @space points. */
static guint
lines_that_fit (Block  *block,
                guint   first,
                double  space)
{
  const Line *lines = (const Line *)block->lines->data;
  guint n = 0;

  while (first + n < block->lines->len &&
         lines[first + n].bottom - lines[first].top + 2 * PAD <= space)
    n++;
  return n;
}

guint
desk_notice_renderer_paginate (DeskNoticeRenderer *self,
                               cairo_t            *cr)
{
  GArray *page;
  double top, y;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  /* Hinting would tie line breaks to the device; the same notice must
   * break the same way on paper, in the PDF and on screen. */
  g_clear_object (&self->context);
  self->context = desk_print_context_new (cr);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);

  build_blocks (self);
  self->header_height = measure_header (self);
  top = MARGIN_TOP + self->header_height;

  g_ptr_array_set_size (self->pages, 0);
  page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (self->pages, page);
  y = top;

#define NEW_PAGE() \
  G_STMT_START { \
    page = g_array_new (FALSE, FALSE, sizeof (Piece)); \
    g_ptr_array_add (self->pages, page); \
    y = top; \
  } G_STMT_END

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind != BLOCK_TEXT)
        {
          Piece piece = { b, 0, 0, y, block->height, FALSE };

          if (y + block->height > BODY_BOTTOM && page->len > 0)
            {
              NEW_PAGE ();
              piece.y = y;
            }
          g_array_append_val (page, piece);
          y += block->height;
          continue;
        }

      for (guint line = 0; line < block->lines->len;)
        {
          const Line *lines = (const Line *)block->lines->data;
          guint left = block->lines->len - line;
          guint n = lines_that_fit (block, line, BODY_BOTTOM - y);
          Piece piece = { b, line, 0, y, 0, line > 0 };

          /* Keep at least two lines together, unless the page is empty. */
          if ((n == 0 || (n < left && n < 2)) && page->len > 0)
            {
              NEW_PAGE ();
              continue;
            }
          n = MAX (n, 1);
          piece.n_lines = n;
          piece.height = lines[line + n - 1].bottom - lines[line].top + 2 * PAD;
          if (n == left && line == 0)
            piece.height = MIN (MAX (piece.height, block->height), MAX (piece.height, BODY_BOTTOM - y));
          piece.height = MAX (piece.height, 28.0);
          g_array_append_val (page, piece);
          y += piece.height;
          line += n;
          if (line < block->lines->len)
            NEW_PAGE ();
        }
    }
#undef NEW_PAGE

  return self->pages->len;
}

guint
desk_notice_renderer_get_n_pages (DeskNoticeRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

static void
set_red (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0.78, 0.06, 0.06);
}

static void
set_black (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0.08, 0.08, 0.08);
}

static void
draw_header (DeskNoticeRenderer *self,
             cairo_t            *cr)
{
  const DeskNoticeData *d = desk_notice_get_data (self->notice);
  g_autofree char *date = format_date (d->issued_at);
  g_autofree char *number = g_strdup_printf ("编号：%s", d->number);
  g_autofree char *issued = g_strdup_printf ("签发日期：%s", date);
  g_autoptr(PangoLayout) title = make_layout (self, DESK_NOTICE_FONTS, 26, TRUE, 0, "整改通知书");
  g_autoptr(PangoLayout) left = make_layout (self, DESK_NOTICE_FONTS, 10.5, FALSE, 0, number);
  g_autoptr(PangoLayout) right = make_layout (self, DESK_NOTICE_FONTS, 10.5, FALSE, 0, issued);
  PangoAttrList *spacing = pango_attr_list_new ();
  double y = MARGIN_TOP;

  if (d->organisation != NULL && *d->organisation != '\0')
    {
      g_autoptr(PangoLayout) org = make_layout (self, DESK_NOTICE_FONTS, 18, TRUE, 0, d->organisation);
      PangoAttrList *org_spacing = pango_attr_list_new ();

      pango_attr_list_insert (org_spacing, pango_attr_letter_spacing_new (2 * PANGO_SCALE));
      pango_layout_set_attributes (org, org_spacing);
      pango_attr_list_unref (org_spacing);

      set_red (cr);
      desk_print_show_layout (cr, org, MARGIN_X + (CONTENT_WIDTH - desk_print_layout_width (org)) / 2, y);
      y += desk_print_layout_height (org) + 6;

      /* The red double rule under the organisation's name. */
      cairo_set_line_width (cr, 2.2);
      cairo_move_to (cr, MARGIN_X, y);
      cairo_line_to (cr, MARGIN_X + CONTENT_WIDTH, y);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 0.7);
      cairo_move_to (cr, MARGIN_X, y + 3.2);
      cairo_line_to (cr, MARGIN_X + CONTENT_WIDTH, y + 3.2);
      cairo_stroke (cr);
      y += 12;
    }

  /* Spaced-out title characters, as on printed forms; the trailing
   * spacing after the last character is taken back when centring. */
  pango_attr_list_insert (spacing, pango_attr_letter_spacing_new (12 * PANGO_SCALE));
  pango_layout_set_attributes (title, spacing);
  pango_attr_list_unref (spacing);
  set_black (cr);
  desk_print_show_layout (cr, title, MARGIN_X + (CONTENT_WIDTH - desk_print_layout_width (title) + 12) / 2, y);
  y += desk_print_layout_height (title) + 14;

  desk_print_show_layout (cr, left, MARGIN_X, y);
  desk_print_show_layout (cr, right, MARGIN_X + CONTENT_WIDTH - desk_print_layout_width (right), y);
  y += desk_print_layout_height (left) + 6;

  if (d->replaces_number != NULL)
    {
      g_autofree char *text = g_strdup_printf ("本通知书为第 %d 版，替代编号为 %s 的整改通知书，原通知书作废。",
                                               d->version, d->replaces_number);
      g_autoptr(PangoLayout) replaces = make_layout (self, DESK_NOTICE_FONTS, 10.5, FALSE, 0, text);

      set_red (cr);
      desk_print_show_layout (cr, replaces, MARGIN_X, y);
      set_black (cr);
    }
}

static void
draw_cell (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h,
           gboolean shaded)
{
  cairo_rectangle (cr, x, y, w, h);
  if (shaded)
    {
      cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
      cairo_fill_preserve (cr);
    }
  set_black (cr);
  cairo_set_line_width (cr, RULE);
  cairo_stroke (cr);
}

/* A label centred in its shaded cell; long labels wrap. */
static void
draw_label (DeskNoticeRenderer *self,
            cairo_t            *cr,
            const char         *text,
            double              x,
            double              y,
            double              h)
{
  g_autoptr(PangoLayout) label = make_layout (self, DESK_NOTICE_FONTS, 11, TRUE, LABEL_WIDTH - 2 * PAD, text);

  pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
  draw_cell (cr, x, y, LABEL_WIDTH, h, TRUE);
  desk_print_show_layout (cr, label, x + PAD, y + (h - desk_print_layout_height (label)) / 2);
}

static void
draw_pair (DeskNoticeRenderer *self,
           cairo_t            *cr,
           Block              *block,
           const Piece        *piece)
{
  double value_width = (CONTENT_WIDTH - 2 * LABEL_WIDTH) / 2;
  double x = MARGIN_X;

  for (guint i = 0; i < 2; i++)
    {
      double vh = desk_print_layout_height (block->value[i]);

      draw_label (self, cr, block->label[i], x, piece->y, piece->height);
      x += LABEL_WIDTH;
      draw_cell (cr, x, piece->y, value_width, piece->height, FALSE);
      desk_print_show_layout (cr, block->value[i], x + PAD, piece->y + (piece->height - vh) / 2);
      x += value_width;
    }
}

static void
draw_text (DeskNoticeRenderer *self,
           cairo_t            *cr,
           Block              *block,
           const Piece        *piece)
{
  const Line *lines = (const Line *)block->lines->data;
  g_autofree char *label = piece->continued ? g_strdup_printf ("%s\n（续）", block->label[0])
                                            : g_strdup (block->label[0]);
  double x = MARGIN_X + LABEL_WIDTH;
  double origin = piece->y + PAD - lines[piece->first_line].top;
  g_autoptr(GSList) layout_lines = NULL;
  PangoLayoutIter *iter;
  guint index = 0;

  draw_label (self, cr, label, MARGIN_X, piece->y, piece->height);
  draw_cell (cr, x, piece->y, CONTENT_WIDTH - LABEL_WIDTH, piece->height, FALSE);

  /* A one-line value of a short row sits in the middle of its cell, like
   * the labels; problem and rectification start at the top, as written. */
  if (block->lines->len == 1 && block->height <= 0)
    origin = piece->y + (piece->height - (lines[0].bottom - lines[0].top)) / 2 - lines[0].top;

  set_black (cr);
  iter = pango_layout_get_iter (block->value[0]);
  do
    {
      if (index >= piece->first_line && index < piece->first_line + piece->n_lines)
        {
          cairo_move_to (cr, x + PAD + (double)0, origin + lines[index].baseline);
          {
            PangoRectangle logical;

            pango_layout_iter_get_line_extents (iter, NULL, &logical);
            cairo_rel_move_to (cr, (double)logical.x / PANGO_SCALE, 0);
          }
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_signatures (DeskNoticeRenderer *self,
                 cairo_t            *cr,
                 const Piece        *piece)
{
  static const char * const roles[] = { "编　写", "审　批", "签　收" };
  const DeskNoticeData *d = desk_notice_get_data (self->notice);
  double w = CONTENT_WIDTH / 3;
  double y = piece->y + SIGN_GAP;
  g_autofree char *date = format_date (d->issued_at);
  g_autoptr(PangoLayout) date_line = make_layout (self, DESK_NOTICE_FONTS, 10, FALSE, 0,
                                                  "日期：　　　年　　月　　日");
  g_autoptr(PangoLayout) sign = make_layout (self, DESK_NOTICE_FONTS, 10, FALSE, 0, "签字：");

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(PangoLayout) role = make_layout (self, DESK_NOTICE_FONTS, 11, TRUE, w, roles[i]);
      double x = MARGIN_X + i * w;

      pango_layout_set_alignment (role, PANGO_ALIGN_CENTER);
      draw_cell (cr, x, y, w, SIGN_HEAD, TRUE);
      desk_print_show_layout (cr, role, x, y + (SIGN_HEAD - desk_print_layout_height (role)) / 2);
      draw_cell (cr, x, y + SIGN_HEAD, w, SIGN_BODY, FALSE);
      desk_print_show_layout (cr, sign, x + PAD, y + SIGN_HEAD + PAD);
      desk_print_show_layout (cr, date_line, x + PAD, y + SIGN_HEAD + SIGN_BODY - PAD - desk_print_layout_height (date_line));
    }

  /* The issuing office and date, right-aligned, with the room around them
   * where the seal is stamped. */
  y += SIGN_HEAD + SIGN_BODY + 30;
  {
    g_autoptr(PangoLayout) org = make_layout (self, DESK_NOTICE_FONTS, 13, FALSE, 0,
                                              d->organisation && *d->organisation ? d->organisation : "签发单位");
    g_autoptr(PangoLayout) when = make_layout (self, DESK_NOTICE_FONTS, 13, FALSE, 0, date);
    g_autoptr(PangoLayout) seal = make_layout (self, DESK_NOTICE_FONTS, 9, FALSE, 0, "（盖章）");
    double right = MARGIN_X + CONTENT_WIDTH - 12;
    double org_w = desk_print_layout_width (org);

    set_black (cr);
    desk_print_show_layout (cr, org, right - org_w, y);
    desk_print_show_layout (cr, when, right - org_w + (org_w - desk_print_layout_width (when)) / 2, y + desk_print_layout_height (org) + 4);
    cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
    desk_print_show_layout (cr, seal, right - org_w - desk_print_layout_width (seal) - 6, y + 4);
    set_black (cr);
  }
}

static void
draw_footer (DeskNoticeRenderer *self,
             cairo_t            *cr,
             guint               page)
{
  g_autofree char *text = g_strdup_printf ("第 %u 页 / 共 %u 页", page + 1, self->pages->len);
  g_autoptr(PangoLayout) footer = make_layout (self, DESK_NOTICE_FONTS, 9, FALSE, 0, text);
  g_autoptr(PangoLayout) number = make_layout (self, DESK_NOTICE_FONTS, 9, FALSE, 0,
                                               desk_notice_get_number (self->notice));

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  desk_print_show_layout (cr, footer, MARGIN_X + (CONTENT_WIDTH - desk_print_layout_width (footer)) / 2, FOOTER_Y);
  desk_print_show_layout (cr, number, MARGIN_X + CONTENT_WIDTH - desk_print_layout_width (number), FOOTER_Y);
  set_black (cr);
}

void
desk_notice_renderer_draw_page (DeskNoticeRenderer *self,
                                cairo_t            *cr,
                                guint               page)
{
  GArray *pieces;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  draw_header (self, cr);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);

      switch (block->kind)
        {
        case BLOCK_PAIR:
          draw_pair (self, cr, block, piece);
          break;
        case BLOCK_TEXT:
          draw_text (self, cr, block, piece);
          break;
        case BLOCK_SIGNATURES:
          draw_signatures (self, cr, piece);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
save_bytes (GByteArray  *bytes,
            const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Written beside the target and renamed: never a half-written file. */
  if (!g_file_set_contents (path, (const char *)bytes->data, bytes->len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
desk_notice_render_pdf (DeskNotice  *notice,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(DeskNoticeRenderer) renderer = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GDateTime) issued = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (DESK_IS_NOTICE (notice), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes,
                                                 DESK_NOTICE_PAGE_WIDTH, DESK_NOTICE_PAGE_HEIGHT);
  /* The PDF's dates are the notice's, not the moment of printing, so a
   * reprint is the same file. */
  issued = g_date_time_new_from_unix_local (desk_notice_get_data (notice)->issued_at);
  date = g_date_time_format (issued, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, desk_notice_get_number (notice));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, "整改通知书");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Service Desk");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  cr = cairo_create (surface);
  renderer = desk_notice_renderer_new (notice);
  n_pages = desk_notice_renderer_paginate (renderer, cr);
  for (guint i = 0; i < n_pages; i++)
    {
      desk_notice_renderer_draw_page (renderer, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_cairo (status, path, error) && save_bytes (bytes, path, error);
}

gboolean
desk_notice_render_png (DeskNotice  *notice,
                        guint        page,
                        double       dpi,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(DeskNoticeRenderer) renderer = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  double scale = dpi / 72.0;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (DESK_IS_NOTICE (notice), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int)(DESK_NOTICE_PAGE_WIDTH * scale + 0.5),
                                        (int)(DESK_NOTICE_PAGE_HEIGHT * scale + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  renderer = desk_notice_renderer_new (notice);
  n_pages = desk_notice_renderer_paginate (renderer, cr);
  if (page >= n_pages)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s: the notice has %u pages, not %u", path, n_pages, page + 1);
      return FALSE;
    }
  desk_notice_renderer_draw_page (renderer, cr, page);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  cairo_surface_destroy (surface);

  return check_cairo (status, path, error) && save_bytes (bytes, path, error);
}
