/* test-manual-import-view.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import view: a manual dropped on the window (its drop handler
 * called with the file), the structure and the text linked both ways,
 * corrections, saving as a procedure that the Procedures area then shows,
 * a file that cannot be read; pictures in English and Chinese
 * (<builddir>/tests/screenshots/).
 */

#define G_LOG_DOMAIN "test-manual-import-view"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-gui-test.h"
#include "desk-manual-import-window.h"
#include "desk-procedure-store.h"
#include "desk-window.h"

typedef DeskGuiFixture Fixture;

/* A manual of our own, so that the test runs where shared/manuals is
 * absent; laid out as the offices' manuals are. */
static const char manual[] =
  "支架维修工岗位标准流程操作规范\n"
  "\n"
  "管理制度编号:LX-FS-TEST01\n"
  "正式版\n"
  "编写:_________________ 审批:_________________\n"
  "A4打印/ 新修订/ 完整/ 内容可编辑\n"
  "使用说明:本管理制度资料适用于日常工作环境中对既定操作标准进行约束,套用时请仔细阅读。\n"
  "一、上岗后安全确认\n"
  "到工作地点后,首先交清工作地点的安全隐患和注意事项,确认无误后方可进行操作。\n"
  "二、岗位操作规范流程描述:\n"
  "检查操作手把是否齐全、灵活可靠→检查支架是否有跑、冒、漏、窜液现象→检查支架各管路是否完好正常→\n"
  "检查支架结构部件→进行更换配件→将各操作手把扳回“零”位→清理卫生。\n"
  "三、避灾路线\n"
  "1)、当工作面出现瓦斯、煤尘、火灾事故时,所有人员应按以下路线撤离:3112上工作面→3112上材料巷→辅助轨道巷→-300大巷→副井→地面。\n"
  "2)、当工作面出现水灾事故时,所有人员应按以下路线撤离:\n"
  "3112上工作面→3112上胶带巷→辅助胶带巷→强力胶带巷→-300大巷\n"
  "→人行缆车→副井→地面。\n"
  "四、报修时限\n"
  "接到报修后须在30分钟内联系业主,2小时内上门。\n"
  "网站下方的推广文字\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  desk_gui_fixture_set_up (f, "desk-manual-import-view");
  g_settings_set_string (f->settings, "current-user", "S001");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  desk_gui_fixture_tear_down (f);
}

static DeskWindow *
create_window (Fixture *f)
{
  DeskWindow *window = desk_window_new (GTK_APPLICATION (f->app), f->db, f->settings);

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  desk_test_show_and_wait (GTK_WINDOW (window));
  return window;
}

static DeskManualImportWindow *
find_import_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (DESK_IS_MANUAL_IMPORT_WINDOW (w))
        return DESK_MANUAL_IMPORT_WINDOW (w);
    }
  return NULL;
}

static DeskManualImportWindow *
drop_manual (Fixture    *f,
             DeskWindow *window,
             const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DeskManualImportWindow *import_window;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (desk_window_import_manual (window, file));
  import_window = find_import_window ();
  g_assert_nonnull (import_window);
  gtk_window_set_default_size (GTK_WINDOW (import_window), 1100, 720);
  desk_test_show_and_wait (GTK_WINDOW (import_window));
  return import_window;
}

static DeskProcNode *
find_kind (GPtrArray   *list,
           DeskProcKind kind)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (list, i);
      DeskProcNode *found;

      if (n->kind == kind)
        return n;
      if ((found = find_kind (n->children, kind)) != NULL)
        return found;
    }
  return NULL;
}

static void
import_and_save (Fixture *f)
{
  DeskWindow *window = create_window (f);
  DeskManualImportWindow *iw = drop_manual (f, window, "支架维修.txt", manual);
  DeskManualImport *import = desk_manual_import_window_get_import (iw);
  DeskProcedure *p = import->procedure;
  DeskProcNode *flow = find_kind (p->body, DESK_PROC_FLOW);
  DeskProcNode *selected;
  DeskProcNode *last;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProcedure) stored = NULL;
  guint dropped;

  g_assert_cmpstr (p->code, ==, "LX-FS-TEST01");
  g_assert_nonnull (flow);
  g_assert_cmpuint (flow->children->len, ==, 7);
  g_assert_cmpuint (import->n_routes, ==, 2);

  /* Structure → text: selecting the flow marks its source line. */
  g_assert_true (desk_manual_import_window_select_node (iw, flow));
  g_assert_cmpint (desk_manual_import_window_get_linked_line (iw), ==, flow->line);
  g_assert_cmpint (flow->line, ==, 11);

  /* Text → structure: the cursor on the second route's continuation
   * selects the part that line belongs to. */
  desk_manual_import_window_place_cursor (iw, 17);
  selected = desk_manual_import_window_get_selected (iw);
  g_assert_nonnull (selected);
  g_assert_cmpint (selected->line, ==, 16);
  g_assert_cmpint (desk_manual_import_window_get_linked_line (iw), ==, 17);

  /* The heuristics kept the web page's last line as text: drop it. */
  last = g_ptr_array_index (((DeskProcNode *) g_ptr_array_index (p->body, 3))->children, 1);
  g_assert_cmpstr (last->text, ==, "网站下方的推广文字");
  dropped = import->dropped_chars;
  g_assert_true (desk_manual_import_window_select_node (iw, last));
  g_assert_true (desk_manual_import_window_apply (iw, DESK_MANUAL_EDIT_BOILERPLATE));
  g_assert_cmpuint (import->dropped_chars, ==, dropped + 9);
  /* A correction that does not apply says why and changes nothing. */
  g_assert_true (desk_manual_import_window_select_node (iw, g_ptr_array_index (p->body, 0)));
  g_assert_false (desk_manual_import_window_apply (iw, DESK_MANUAL_EDIT_MERGE));
  desk_test_spin (100);

  /* Save: stored, and the Procedures area shows it. */
  g_assert_cmpint (desk_manual_import_window_save (iw, &error), ==, 1);
  g_assert_no_error (error);
  stored = desk_procedure_store_load (f->db, "LX-FS-TEST01", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "支架维修工岗位标准流程操作规范");
  g_assert_cmpstr (desk_window_get_visible_area (window), ==, "procedures");
  gtk_window_destroy (GTK_WINDOW (iw));

  /* A file that is no manual: refused, no window. */
  {
    g_autofree char *path = g_build_filename (f->dir, "empty.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (g_file_set_contents (path, "", 0, NULL));
    g_assert_false (desk_window_import_manual (window, file));
    g_assert_null (find_import_window ());
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_and_save (Fixture       *f,
                      gconstpointer  data)
{
  desk_gui_fixture_run (f, import_and_save, FALSE);
}

static void
take_picture (Fixture    *f,
              const char *suffix)
{
  DeskWindow *window = create_window (f);
  DeskManualImportWindow *iw = drop_manual (f, window, "支架维修.txt", manual);
  DeskManualImport *import = desk_manual_import_window_get_import (iw);
  g_autofree char *name = g_strdup_printf ("manual-import-%s.png", suffix);

  g_assert_true (desk_manual_import_window_select_node (iw, find_kind (import->procedure->body, DESK_PROC_FLOW)));
  desk_test_spin (150);
  desk_test_save_and_check_picture (GTK_WIDGET (iw), name);
  gtk_window_destroy (GTK_WINDOW (iw));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
picture_en (Fixture *f)
{
  take_picture (f, "en");
}

static void
test_picture_en (Fixture       *f,
                 gconstpointer  data)
{
  desk_gui_fixture_run (f, picture_en, FALSE);
}

static void
picture_zh_cn (Fixture *f)
{
  take_picture (f, "zh_CN");
}

static void
test_picture_zh_cn (Fixture       *f,
                    gconstpointer  data)
{
  if (!desk_test_rerun_in_chinese ())
    return;

  desk_gui_fixture_run (f, picture_zh_cn, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add ("/desk/manual-import-view/import-and-save", Fixture, NULL, fixture_set_up, test_import_and_save,
              fixture_tear_down);
  g_test_add ("/desk/manual-import-view/pictures/en", Fixture, NULL, fixture_set_up, test_picture_en,
              fixture_tear_down);
  g_test_add ("/desk/manual-import-view/pictures/zh_CN", Fixture, NULL, fixture_set_up, test_picture_zh_cn,
              fixture_tear_down);

  return g_test_run ();
}
