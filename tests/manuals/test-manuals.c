/* test-manuals.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing manuals as offices keep them: every manual of shared/manuals
 * (skipped where the folder is absent) with its key structure and with
 * nothing lost; the general rules on small texts written here; .docx and
 * .odt built here with libarchive; encodings; bad input. */

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "desk-core-test.h"
#include "desk-manual-edit.h"
#include "desk-manual-import.h"
#include "desk-manual-store.h"
#include "desk-procedure-io.h"
#include "desk-procedure-store.h"

/* ---- helpers ----------------------------------------------------------- */

static char *
manual_path (const char *name)
{
  const char *shared = g_getenv ("SERVICE_DESK_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared == NULL)
    return NULL;
  dir = g_build_filename (shared, "manuals", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_build_filename (dir, name, NULL);
}

static DeskManualImport *
import_manual (const char *name)
{
  g_autofree char *path = manual_path (name);
  g_autoptr(GError) error = NULL;
  DeskManualImport *import;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/manuals is not here");
      return NULL;
    }
  import = desk_manual_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* Characters the structure holds in another form: white space, the
 * arrows and dashes between steps (the order of the steps), the colon
 * between a title and its text or a lead and its flow, the brackets of a
 * script answer, the blanks of a sign-off form, and the full stop after
 * the last step of a flow. */
static gboolean
is_structural (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0xA0 ||
         g_utf8_strchr ("→—―:：【】_。", -1, c) != NULL;
}

static void
count_chars (GHashTable *counts,
             const char *text,
             int         sign)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int n;

      if (is_structural (c))
        continue;
      n = GPOINTER_TO_INT (g_hash_table_lookup (counts, GUINT_TO_POINTER (c)));
      g_hash_table_insert (counts, GUINT_TO_POINTER (c), GINT_TO_POINTER (n + sign));
    }
}

static void
count_nodes (GHashTable *counts,
             GPtrArray  *nodes)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      DeskProcNode *n = g_ptr_array_index (nodes, i);

      count_chars (counts, n->label, -1);
      /* A hazard's type is read from its route's lead: a copy. */
      if (n->kind != DESK_PROC_HAZARD)
        count_chars (counts, n->title, -1);
      count_chars (counts, n->text, -1);
      count_nodes (counts, n->children);
    }
}

/* Nothing lost, nothing invented: the characters of the source are
 * exactly those of the structure and of the dropped list.  Forms, roles
 * and rules are drawn from the text again and are left out. */
static char *
lost_characters (DeskManualImport *import)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  DeskProcedure *p = import->procedure;
  GString *diff = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  count_chars (counts, import->text, 1);
  count_chars (counts, p->title, -1);
  if (!import->code_from_name)
    count_chars (counts, p->code, -1);
  count_chars (counts, p->edition, -1);
  for (guint i = 0; i < p->signoffs->len; i++)
    {
      DeskProcSignoff *s = g_ptr_array_index (p->signoffs, i);

      count_chars (counts, s->role, -1);
      count_chars (counts, s->name, -1);
      count_chars (counts, s->date, -1);
    }
  count_nodes (counts, p->purpose);
  count_nodes (counts, p->scope);
  count_nodes (counts, p->body);
  for (guint i = 0; i < import->dropped->len; i++)
    count_chars (counts, ((DeskManualDropped *) g_ptr_array_index (import->dropped, i))->text, -1);

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) != 0)
      {
        g_string_append_unichar (diff, GPOINTER_TO_UINT (key));
        g_string_append_printf (diff, "%+d ", GPOINTER_TO_INT (value));
      }
  return g_string_free (g_steal_pointer (&diff), FALSE);
}

static void
assert_nothing_lost (DeskManualImport *import)
{
  g_autofree char *diff = lost_characters (import);

  if (diff[0])
    g_test_message ("characters lost (+) or invented (-): %s", diff);
  g_assert_cmpstr (diff, ==, "");
}

/* What is imported is a valid procedure: our format's schema accepts it. */
static void
assert_valid (DeskManualImport *import)
{
  g_autoptr(GBytes) xml = desk_procedure_to_xml (import->procedure, DESK_PROCEDURE_FORMAT_NATIVE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskProcedure) back = desk_procedure_load_data (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml),
                                                            "imported.xml", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
}

static DeskProcNode *
child (GPtrArray   *list,
       guint        index,
       DeskProcKind kind)
{
  DeskProcNode *n;

  g_assert_cmpuint (index, <, list->len);
  n = g_ptr_array_index (list, index);
  g_assert_cmpint (n->kind, ==, kind);
  return n;
}

static guint
count_kind (GPtrArray   *list,
            DeskProcKind kind)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    if (((DeskProcNode *) g_ptr_array_index (list, i))->kind == kind)
      n++;
  return n;
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

static gboolean
body_contains (DeskManualImport *import,
               const char       *text)
{
  g_autofree char *all = desk_procedure_collect_text (import->procedure);

  return strstr (all, text) != NULL;
}

static gboolean
dropped_contains (DeskManualImport *import,
                  const char       *reason,
                  const char       *text)
{
  for (guint i = 0; i < import->dropped->len; i++)
    {
      DeskManualDropped *d = g_ptr_array_index (import->dropped, i);

      if (strcmp (d->reason, reason) == 0 && strstr (d->text, text))
        return TRUE;
    }
  return FALSE;
}

static const DeskProcRule *
find_rule (DeskManualImport *import,
           int               limit,
           DeskLimitUnit     unit)
{
  for (guint i = 0; i < import->procedure->rules->len; i++)
    {
      DeskProcRule *r = g_ptr_array_index (import->procedure->rules, i);

      if (r->rule.limit == limit && r->rule.unit == unit)
        return r;
    }
  return NULL;
}

static DeskProcRole *
find_role_named (DeskProcedure *p,
                 const char    *name)
{
  for (guint i = 0; i < p->roles->len; i++)
    {
      DeskProcRole *r = g_ptr_array_index (p->roles, i);

      if (strcmp (r->name, name) == 0)
        return r;
    }
  return NULL;
}

/* ---- the manuals of shared/manuals ---------------------------------------- */

static void
assert_route (DeskProcNode *clause,
              guint         n_waypoints,
              const char   *second,
              const char   *hazard)
{
  DeskProcNode *h = find_kind (clause->children, DESK_PROC_HAZARD);
  DeskProcNode *route;

  g_assert_nonnull (h);
  g_assert_cmpstr (h->title, ==, hazard);
  route = child (h->children, 0, DESK_PROC_ROUTE);
  g_assert_true (strstr (route->title, "撤离") != NULL);
  g_assert_cmpuint (route->children->len, ==, n_waypoints);
  g_assert_cmpstr (child (route->children, 0, DESK_PROC_WAYPOINT)->text, ==, "3112上工作面");
  g_assert_cmpstr (child (route->children, 1, DESK_PROC_WAYPOINT)->text, ==, second);
  g_assert_cmpstr (child (route->children, n_waypoints - 2, DESK_PROC_WAYPOINT)->text, ==, "副井");
  g_assert_cmpstr (child (route->children, n_waypoints - 1, DESK_PROC_WAYPOINT)->text, ==, "地面");
}

static void
test_support_repair_sop (void)
{
  g_autoptr(DeskManualImport) import = import_manual ("01-support-repair-worker-sop.txt");
  DeskProcedure *p;
  DeskProcNode *flow, *routes;
  static const char *const titles[] = { "上岗后安全确认", "岗位操作规范流程描述", "避灾路线" };

  if (import == NULL)
    return;
  p = import->procedure;
  g_assert_cmpstr (import->encoding, ==, "UTF-8");
  g_assert_cmpstr (p->code, ==, "LX-FS-A66863");
  g_assert_false (import->code_from_name);
  g_assert_cmpstr (p->title, ==, "支架维修工岗位标准流程操作规范");
  g_assert_cmpstr (p->edition, ==, "正式版");
  g_assert_cmpuint (p->signoffs->len, ==, 3);
  g_assert_cmpstr (((DeskProcSignoff *) g_ptr_array_index (p->signoffs, 0))->role, ==, "编写");
  g_assert_cmpstr (((DeskProcSignoff *) g_ptr_array_index (p->signoffs, 1))->role, ==, "审批");
  g_assert_cmpstr (((DeskProcSignoff *) g_ptr_array_index (p->signoffs, 2))->role, ==, "时间");

  /* Three sections, nothing before them. */
  g_assert_cmpuint (p->body->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (child (p->body, i, DESK_PROC_CLAUSE)->title, ==, titles[i]);
  g_assert_cmpstr (child (p->body, 0, DESK_PROC_CLAUSE)->label, ==, "一、");
  g_assert_cmpstr (child (p->body, 2, DESK_PROC_CLAUSE)->label, ==, "三、");

  /* The eight-step flow, broken across lines in the source. */
  flow = child (child (p->body, 1, DESK_PROC_CLAUSE)->children, 0, DESK_PROC_FLOW);
  g_assert_cmpuint (flow->children->len, ==, 8);
  g_assert_cmpstr (child (flow->children, 0, DESK_PROC_STEP)->text, ==, "检查操作手把是否齐全、灵活可靠");
  g_assert_cmpstr (child (flow->children, 4, DESK_PROC_STEP)->text, ==, "检查支架结构部件");
  g_assert_cmpstr (child (flow->children, 7, DESK_PROC_STEP)->text, ==, "清理卫生");

  /* Four evacuation routes with their waypoints in order; the second is
   * broken across lines with the arrow leading the continuation. */
  routes = child (p->body, 2, DESK_PROC_CLAUSE);
  g_assert_cmpuint (routes->children->len, ==, 4);
  assert_route (child (routes->children, 0, DESK_PROC_CLAUSE), 10, "3112上材料巷", "瓦斯、煤尘、火灾事故");
  assert_route (child (routes->children, 1, DESK_PROC_CLAUSE), 9, "3112上运输巷", "瓦斯、煤尘、火灾事故");
  assert_route (child (routes->children, 2, DESK_PROC_CLAUSE), 11, "3112上材料巷", "水灾事故");
  assert_route (child (routes->children, 3, DESK_PROC_CLAUSE), 9, "3112上胶带巷", "水灾事故");
  g_assert_cmpuint (import->n_routes, ==, 4);
  g_assert_cmpuint (import->n_flows, ==, 1);

  /* The template's text is dropped and listed, not content. */
  g_assert_true (dropped_contains (import, "boilerplate", "In The Daily Work Environment"));
  g_assert_true (dropped_contains (import, "boilerplate", "使用说明"));
  g_assert_true (dropped_contains (import, "boilerplate", "A4打印"));
  g_assert_false (body_contains (import, "使用说明"));
  g_assert_false (body_contains (import, "Operation Standards"));
  g_assert_cmpuint (import->dropped_chars, >, 200);

  assert_nothing_lost (import);
  assert_valid (import);
}

static void
test_complaint_principles (void)
{
  g_autoptr(DeskManualImport) import = import_manual ("02-complaint-principles-and-process.txt");
  DeskProcedure *p;
  DeskProcNode *principles, *process;
  const DeskProcRule *r;
  char **chain;

  if (import == NULL)
    return;
  p = import->procedure;
  g_assert_cmpstr (p->title, ==, "处理客诉原则及流程");
  g_assert_true (import->code_from_name);

  /* Two headings on one long line, each over its own numbering. */
  g_assert_cmpuint (p->body->len, ==, 2);
  principles = child (p->body, 0, DESK_PROC_CLAUSE);
  process = child (p->body, 1, DESK_PROC_CLAUSE);
  g_assert_cmpstr (principles->title, ==, "处理客诉三大原则");
  g_assert_cmpstr (process->title, ==, "客诉处理流程");
  g_assert_cmpuint (principles->children->len, ==, 3);
  g_assert_cmpuint (process->children->len, ==, 14);
  g_assert_cmpstr (child (process->children, 13, DESK_PROC_CLAUSE)->label, ==, "14、");

  /* Time limits proposed as rules. */
  r = find_rule (import, 10, DESK_LIMIT_MINUTES);
  g_assert_nonnull (r);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_CONTACT);
  g_assert_cmpint (r->rule.role, ==, DESK_ROLE_DEPARTMENT_MANAGER);
  g_assert_true (r->rule.kinds & (1u << DESK_TICKET_COMPLAINT));
  r = find_rule (import, 1, DESK_LIMIT_DAYS);
  g_assert_nonnull (r);
  g_assert_true (r->rule.working_time);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_ISSUE_NOTICE);
  r = find_rule (import, 4, DESK_LIMIT_HOURS);
  g_assert_nonnull (r);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_VISIT);
  g_assert_nonnull (find_rule (import, 24, DESK_LIMIT_HOURS));
  g_assert_cmpuint (p->rules->len, ==, 4);

  /* Fines with no time limit, and the escalation chain. */
  g_assert_cmpuint (import->fines->len, ==, 6);
  g_assert_true (strstr (g_ptr_array_index (import->fines, 1), "处罚200元") != NULL);
  g_assert_cmpuint (import->escalations->len, ==, 1);
  chain = g_ptr_array_index (import->escalations, 0);
  g_assert_cmpuint (g_strv_length (chain), ==, 3);
  g_assert_cmpstr (chain[0], ==, "部门经理");
  g_assert_cmpstr (chain[1], ==, "分总");
  g_assert_cmpstr (chain[2], ==, "总经理");
  g_assert_nonnull (p->roles->len > 0 ? p->roles : NULL);

  assert_nothing_lost (import);
  assert_valid (import);
}

static void
test_project_initiation (void)
{
  g_autoptr(DeskManualImport) import = import_manual ("05-project-initiation-process.txt");
  DeskProcedure *p;
  DeskProcNode *filing;
  static const guint sizes[] = { 11, 3, 5 };

  if (import == NULL)
    return;
  p = import->procedure;
  g_assert_cmpstr (p->title, ==, "项目立项完整流程");
  g_assert_cmpuint (p->body->len, ==, 3);
  g_assert_cmpstr (child (p->body, 0, DESK_PROC_CLAUSE)->title, ==, "立项审批");
  /* "1 、" with a space, and "(一份)8 、" run on. */
  g_assert_cmpuint (child (p->body, 0, DESK_PROC_CLAUSE)->children->len, ==, 8);
  /* "二、二、" written twice is one clause. */
  g_assert_cmpstr (child (p->body, 1, DESK_PROC_CLAUSE)->title, ==, "规划设计");
  g_assert_cmpuint (child (p->body, 1, DESK_PROC_CLAUSE)->children->len, ==, 3);
  filing = child (p->body, 2, DESK_PROC_CLAUSE);
  g_assert_cmpstr (filing->title, ==, "建设工程报建");
  /* (一) straight after the title, its list continued on the next line. */
  g_assert_cmpuint (filing->children->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      DeskProcNode *part = child (filing->children, i, DESK_PROC_CLAUSE);

      g_assert_cmpuint (count_kind (part->children, DESK_PROC_CLAUSE), ==, sizes[i]);
    }
  g_assert_cmpuint (p->forms->len, ==, 9);
  g_assert_cmpstr (((DeskProcForm *) g_ptr_array_index (p->forms, 0))->name, ==, "固定资产投资许可证");

  assert_nothing_lost (import);
  assert_valid (import);
}

static void
test_complaint_handling (void)
{
  g_autoptr(DeskManualImport) import = import_manual ("06-complaint-handling-process-and-principles.txt");
  static const char *const stages[] = { "受理投诉阶段", "接受投诉阶段", "解释澄清阶段", "提出解决方案阶段", "跟踪回访阶段" };
  static const guint sizes[] = { 4, 5, 6, 4, 3 };
  DeskProcedure *p;

  if (import == NULL)
    return;
  p = import->procedure;
  g_assert_cmpstr (p->title, ==, "客户投诉处理流程及原则");
  /* An introduction, then five stages "一." with "(一)" items. */
  g_assert_cmpuint (p->body->len, ==, 6);
  g_assert_cmpstr (child (p->body, 0, DESK_PROC_PARAGRAPH)->text, ==, "客户投诉的一般处理流程");
  for (guint i = 0; i < 5; i++)
    {
      DeskProcNode *stage = child (p->body, i + 1, DESK_PROC_CLAUSE);

      g_assert_cmpstr (stage->title, ==, stages[i]);
      g_assert_cmpuint (count_kind (stage->children, DESK_PROC_CLAUSE), ==, sizes[i]);
      g_assert_cmpstr (child (stage->children, 0, DESK_PROC_CLAUSE)->label, ==, "(一)");
    }
  /* "(六)" run on after a full stop with no space. */
  g_assert_cmpstr (child (child (p->body, 3, DESK_PROC_CLAUSE)->children, 5, DESK_PROC_CLAUSE)->label, ==, "(六)");

  assert_nothing_lost (import);
  assert_valid (import);
}

static void
test_callback_procedure (void)
{
  g_autoptr(DeskManualImport) import = import_manual ("10-customer-callback-procedure.txt");
  DeskProcedure *p;
  DeskProcNode *script, *line, *flow;

  if (import == NULL)
    return;
  p = import->procedure;
  g_assert_cmpstr (p->title, ==, "客户回访操作流程和规范");
  /* The title repeated before the first clause is dropped. */
  g_assert_true (dropped_contains (import, "repeated title", "客户回访操作流程和规范"));
  g_assert_cmpuint (p->body->len, ==, 4);
  g_assert_cmpstr (child (p->body, 0, DESK_PROC_CLAUSE)->title, ==, "客户回访目的");
  g_assert_cmpuint (child (p->body, 0, DESK_PROC_CLAUSE)->children->len, ==, 5);
  g_assert_cmpstr (child (p->body, 1, DESK_PROC_CLAUSE)->title, ==, "客户回访工作流程");
  g_assert_cmpstr (child (p->body, 2, DESK_PROC_CLAUSE)->title, ==, "回访中的使用话术");

  /* The script: the question and its two answers. */
  script = find_kind (p->body, DESK_PROC_SCRIPT);
  g_assert_nonnull (script);
  line = child (script->children, 0, DESK_PROC_LINE);
  g_assert_cmpstr (line->text, ==, "请问您对我们此次回访的服务态度的满意吗?");
  g_assert_cmpuint (line->children->len, ==, 2);
  g_assert_cmpstr (child (line->children, 0, DESK_PROC_BRANCH)->title, ==, "满意");
  g_assert_cmpstr (child (line->children, 1, DESK_PROC_BRANCH)->title, ==, "不满意/一般");
  g_assert_true (g_str_has_prefix (child (line->children, 1, DESK_PROC_BRANCH)->text, "好的,非常感谢您的宝贵建议"));

  /* The flow written with dashes, its lead as its title. */
  flow = find_kind (p->body, DESK_PROC_FLOW);
  g_assert_nonnull (flow);
  g_assert_cmpstr (flow->title, ==, "与客户进行回访时,我们要注意以下方面");
  g_assert_cmpuint (flow->children->len, ==, 6);
  g_assert_cmpstr (child (flow->children, 0, DESK_PROC_STEP)->text, ==, "充分准备");
  g_assert_cmpstr (child (flow->children, 5, DESK_PROC_STEP)->text, ==, "事后沟通");

  g_assert_cmpuint (p->forms->len, ==, 1);
  g_assert_cmpstr (((DeskProcForm *) g_ptr_array_index (p->forms, 0))->name, ==, "众和资讯");
  /* "耽搁您2分钟时间" is no time limit. */
  g_assert_cmpuint (p->rules->len, ==, 0);

  assert_nothing_lost (import);
  assert_valid (import);
}

static void
test_maintenance_staff (void)
{
  g_autoptr(DeskManualImport) import = import_manual ("12-maintenance-staff-operating-procedure.txt");
  DeskProcedure *p;
  DeskProcNode *safety, *basics;
  guint toc = 0;

  if (import == NULL)
    return;
  p = import->procedure;
  g_assert_cmpstr (p->title, ==, "维修人员操作规范流程");
  /* The list of ten chapters before the text is a table of contents. */
  for (guint i = 0; i < import->dropped->len; i++)
    if (strcmp (((DeskManualDropped *) g_ptr_array_index (import->dropped, i))->reason, "table of contents") == 0)
      toc++;
  g_assert_cmpuint (toc, ==, 10);
  g_assert_false (body_contains (import, "绩效考核积分制度"));

  g_assert_cmpstr (child (p->body, 0, DESK_PROC_CLAUSE)->title, ==, "水电勤杂维修安全操作要求");
  safety = child (p->body, 1, DESK_PROC_CLAUSE);
  g_assert_cmpstr (safety->title, ==, "安全技术要求");
  g_assert_cmpuint (safety->children->len, ==, 3);
  basics = child (safety->children, 0, DESK_PROC_CLAUSE);
  g_assert_cmpstr (basics->title, ==, "安全工作基本要求");
  g_assert_cmpuint (count_kind (basics->children, DESK_PROC_CLAUSE), ==, 7);
  g_assert_cmpstr (child (safety->children, 1, DESK_PROC_CLAUSE)->title, ==, "维修安全组织措施");
  g_assert_cmpstr (child (safety->children, 2, DESK_PROC_CLAUSE)->title, ==, "技术措施");
  g_assert_cmpuint (count_kind (child (safety->children, 1, DESK_PROC_CLAUSE)->children, DESK_PROC_CLAUSE), ==, 4);
  g_assert_nonnull (p->roles->len > 0 ? p->roles : NULL);

  assert_nothing_lost (import);
  assert_valid (import);
}

static void
test_maintenance_workflow (void)
{
  g_autoptr(DeskManualImport) import = import_manual ("18-property-maintenance-worker-workflow.txt");
  static const char *const steps[] = { "准时上班", "换好工作服", "检查维修工具", "查看记录", "维修或保养设备",
                                       "维修或保养完成", "维修单登记", "工作日志记录", "检查和保养工具", "按时下班" };
  DeskProcedure *p;
  DeskProcNode *details, *urgent;

  if (import == NULL)
    return;
  p = import->procedure;
  g_assert_cmpstr (p->title, ==, "维修工工作流程");
  g_assert_cmpuint (p->body->len, ==, 4);
  details = child (p->body, 1, DESK_PROC_CLAUSE);
  g_assert_cmpstr (details->title, ==, "正常工作流程细则");
  g_assert_cmpuint (details->children->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      DeskProcNode *c = child (details->children, i, DESK_PROC_CLAUSE);

      /* "1)准时上班:根据…": the title before the colon, the text after. */
      g_assert_cmpstr (c->title, ==, steps[i]);
      g_assert_cmpint (child (c->children, 0, DESK_PROC_PARAGRAPH)->kind, ==, DESK_PROC_PARAGRAPH);
    }
  urgent = child (p->body, 3, DESK_PROC_CLAUSE);
  g_assert_cmpstr (urgent->title, ==, "紧急维修工作流程细则");
  g_assert_cmpuint (urgent->children->len, ==, 2);
  /* "保证24小时电话开通" and "一天的工作" are not time limits. */
  g_assert_cmpuint (p->rules->len, ==, 0);

  assert_nothing_lost (import);
  assert_valid (import);
}

/* ---- general rules on texts written here ------------------------------------ */

static DeskManualImport *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  DeskManualImport *import = desk_manual_import_data (text, strlen (text), "test.txt", &error);

  g_assert_no_error (error);
  assert_nothing_lost (import);
  assert_valid (import);
  return import;
}

static void
test_numbering_styles (void)
{
  g_autoptr(DeskManualImport) import = parse (
    "安全生产管理制度\n"
    "标准化文件发布号：(2021)AQ-07\n"
    "编写:张三 审核:李四\n"
    "修订日期:2021年3月5日\n"
    "目录\n"
    "第一章 总则........................1\n"
    "第二章 职责…………3\n"
    "第一章 总则\n"
    "第一节 目的\n"
    "1 目的\n"
    "为规范作业,制定本制度。\n"
    "1.1 范围\n"
    "1.1.1 适用于全体员工。\n"
    "1.1.2 适用于外包人员。\n"
    "1.2 术语\n"
    "第二节 要求\n"
    "第二章 职责\n"
    "请在该处输入公司名称\n"
    "一.班前 二.班中 三.班后\n");
  DeskProcedure *p = import->procedure;
  DeskProcNode *chapter, *section, *purpose, *scope;

  g_assert_cmpstr (p->title, ==, "安全生产管理制度");
  g_assert_cmpstr (p->code, ==, "(2021)AQ-07");
  g_assert_cmpuint (p->signoffs->len, ==, 3);
  g_assert_cmpstr (((DeskProcSignoff *) g_ptr_array_index (p->signoffs, 0))->name, ==, "张三");
  g_assert_cmpstr (((DeskProcSignoff *) g_ptr_array_index (p->signoffs, 1))->name, ==, "李四");
  g_assert_cmpstr (p->revised, ==, "2021-03-05");
  g_assert_true (dropped_contains (import, "table of contents", "第二章 职责"));
  g_assert_true (dropped_contains (import, "table of contents", "目录"));
  g_assert_true (dropped_contains (import, "boilerplate", "请在该处输入"));

  chapter = find_kind (p->body, DESK_PROC_CLAUSE);
  g_assert_cmpstr (chapter->label, ==, "第一章");
  g_assert_cmpstr (chapter->title, ==, "总则");
  section = child (chapter->children, 0, DESK_PROC_CLAUSE);
  g_assert_cmpstr (section->label, ==, "第一节");
  purpose = child (section->children, 0, DESK_PROC_CLAUSE);
  g_assert_cmpstr (purpose->label, ==, "1");
  g_assert_cmpstr (purpose->title, ==, "目的");
  scope = child (purpose->children, 1, DESK_PROC_CLAUSE);
  g_assert_cmpstr (scope->label, ==, "1.1");
  g_assert_cmpuint (count_kind (scope->children, DESK_PROC_CLAUSE), ==, 2);
  g_assert_cmpstr (child (scope->children, 1, DESK_PROC_CLAUSE)->label, ==, "1.1.2");
  g_assert_cmpstr (child (purpose->children, 2, DESK_PROC_CLAUSE)->label, ==, "1.2");
  /* 第二节 closes 1 and 1.x; 第二章 closes the sections. */
  g_assert_cmpstr (child (chapter->children, 1, DESK_PROC_CLAUSE)->label, ==, "第二节");
  g_assert_cmpuint (count_kind (p->body, DESK_PROC_CLAUSE), ==, 2);
  /* Three clauses run together on one line. */
  g_assert_cmpuint (child (p->body, p->body->len - 1, DESK_PROC_CLAUSE)->children->len, ==, 3);

  /* The check itself sees a character gone missing or made up. */
  {
    DeskManualDropped *d = g_ptr_array_index (import->dropped, import->dropped->len - 1);
    g_autofree char *kept = d->text;
    g_autofree char *diff = NULL;

    d->text = g_strdup ("X");
    diff = lost_characters (import);
    g_assert_true (strstr (diff, "X-1") != NULL);
    g_assert_true (strstr (diff, "+1") != NULL);
    g_free (d->text);
    d->text = g_steal_pointer (&kept);
  }
}

static void
test_rules_and_flows (void)
{
  g_autoptr(DeskManualImport) import = parse (
    "报修处理规定\n"
    "一、受理\n"
    "客服专员必须在半个小时内回复业主;维修人员须在两个小时内上门。\n"
    "二、处理\n"
    "一般维修在3天内完成,超时处罚五十元。\n"
    "三、流程\n"
    "受理→派单→\n"
    "上门→维修\n"
    "→回访\n"
    "四、统一、规范的服务\n");
  DeskProcedure *p = import->procedure;
  const DeskProcRule *r;
  DeskProcNode *flow;

  r = find_rule (import, 30, DESK_LIMIT_MINUTES);
  g_assert_nonnull (r);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_CONTACT);
  g_assert_cmpint (r->rule.role, ==, DESK_ROLE_CLERK);
  r = find_rule (import, 2, DESK_LIMIT_HOURS);
  g_assert_nonnull (r);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_VISIT);
  g_assert_cmpint (r->rule.role, ==, DESK_ROLE_ENGINEER);
  r = find_rule (import, 72, DESK_LIMIT_HOURS);
  g_assert_nonnull (r);
  g_assert_cmpint (r->fine, ==, 50);

  flow = find_kind (p->body, DESK_PROC_FLOW);
  g_assert_nonnull (flow);
  g_assert_cmpuint (flow->children->len, ==, 5);
  g_assert_cmpstr (child (flow->children, 4, DESK_PROC_STEP)->text, ==, "回访");
  /* "统一、" inside a title is not a clause. */
  g_assert_cmpuint (p->body->len, ==, 4);
  g_assert_cmpstr (child (p->body, 3, DESK_PROC_CLAUSE)->title, ==, "统一、规范的服务");
}

/* Marks of word processors: full-width digits, circled numbers, "一）";
 * limits in full-width digits and with "h". */
static void
test_more_marks (void)
{
  g_autoptr(DeskManualImport) import = parse (
    "水泵房管理制度\n"
    "１、总则\n"
    "①值班人员每班巡查一次。②发现漏水须在１０分钟内上报,处罚５０元。\n"
    "２、要求\n"
    "一）保持清洁 二）禁止吸烟\n"
    "⑴故障须2h内修复\n");
  DeskProcedure *p = import->procedure;
  DeskProcNode *first, *second;
  const DeskProcRule *r;

  g_assert_cmpuint (p->body->len, ==, 2);
  first = child (p->body, 0, DESK_PROC_CLAUSE);
  g_assert_cmpstr (first->label, ==, "１、");
  g_assert_cmpstr (first->title, ==, "总则");
  g_assert_cmpuint (count_kind (first->children, DESK_PROC_CLAUSE), ==, 2);
  g_assert_cmpstr (child (first->children, 1, DESK_PROC_CLAUSE)->label, ==, "②");
  second = child (p->body, 1, DESK_PROC_CLAUSE);
  g_assert_cmpuint (count_kind (second->children, DESK_PROC_CLAUSE), ==, 2);
  g_assert_cmpstr (child (second->children, 1, DESK_PROC_CLAUSE)->label, ==, "二）");
  g_assert_cmpstr (child (second->children, 1, DESK_PROC_CLAUSE)->title, ==, "禁止吸烟");
  /* A new style nests under the item before it. */
  g_assert_cmpstr (child (child (second->children, 1, DESK_PROC_CLAUSE)->children, 0, DESK_PROC_CLAUSE)->label, ==, "⑴");
  r = find_rule (import, 10, DESK_LIMIT_MINUTES);
  g_assert_nonnull (r);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_FORWARD);
  g_assert_cmpint (r->fine, ==, 50);
  r = find_rule (import, 2, DESK_LIMIT_HOURS);
  g_assert_nonnull (r);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_RECTIFY);
}

/* Only template text is dropped: a procedure's own words that look a
 * little like it stay. */
static void
test_boilerplate_is_narrow (void)
{
  g_autoptr(DeskManualImport) import = parse (
    "工单系统操作规程\n"
    "温馨提示：本文档由网友上传，仅供参考\n"
    "请在该处输入单位名称\n"
    "This Document Can Be Edited And Printed\n"
    "一、设备使用说明\n"
    "请输入工单号后点击查询。工单提交后不可修改。\n"
    "二、Page 设置\n"
    "- 3 -\n");
  g_autofree char *all = desk_procedure_collect_text (import->procedure);

  g_assert_true (dropped_contains (import, "boilerplate", "温馨提示"));
  g_assert_true (dropped_contains (import, "boilerplate", "请在该处输入"));
  g_assert_true (dropped_contains (import, "boilerplate", "This Document"));
  g_assert_true (dropped_contains (import, "boilerplate", "- 3 -"));
  g_assert_true (strstr (all, "设备使用说明") != NULL);
  g_assert_true (strstr (all, "请输入工单号后点击查询") != NULL);
  g_assert_true (strstr (all, "工单提交后不可修改") != NULL);
  g_assert_true (strstr (all, "Page 设置") != NULL);
  g_assert_cmpuint (import->n_clauses, ==, 2);
}

/* The layout of national-standard style manuals: the issuer over the
 * title, "1 目的" … "5 相关记录", decimal clauses, terms. */
static void
test_standard_layout (void)
{
  g_autoptr(DeskManualImport) import = parse (
    "XX物业服务有限公司\n"
    "设备房管理规程\n"
    "文件编号：WY-SB-001\n"
    "版本：A/0\n"
    "生效日期：2020-01-01\n"
    "1 目的\n"
    "规范设备房管理,确保设备安全运行。\n"
    "2 适用范围\n"
    "适用于公司所辖各项目设备房的管理。\n"
    "3 术语和定义\n"
    "3.1 设备房:安装供配电、给排水等设备的房间。\n"
    "4 职责\n"
    "4.1 工程部经理负责设备房管理的监督检查。\n"
    "4.2 值班人员负责设备房的日常巡视。\n"
    "5 工作程序\n"
    "5.1 设备房巡视\n"
    "5.1.1 值班人员每2小时巡视一次设备房。\n"
    "5.1.2 发现异常须在15分钟内报告工程部经理。\n"
    "5.2 突发事件处理\n"
    "发生水浸时,按以下路线撤离：设备房→楼梯间→首层大堂→室外空地\n"
    "6 相关记录\n"
    "6.1 《设备房巡视记录表》\n");
  DeskProcedure *p = import->procedure;
  DeskProcNode *route;
  const DeskProcRule *r;

  g_assert_true (dropped_contains (import, "organisation", "XX物业服务有限公司"));
  g_assert_cmpstr (p->title, ==, "设备房管理规程");
  g_assert_cmpstr (p->code, ==, "WY-SB-001");
  g_assert_cmpstr (p->edition, ==, "版本：A/0");
  g_assert_cmpstr (p->revised, ==, "2020-01-01");
  g_assert_cmpuint (p->purpose->len, ==, 1);
  g_assert_cmpstr (child (p->purpose, 0, DESK_PROC_CLAUSE)->title, ==, "目的");
  g_assert_cmpuint (p->scope->len, ==, 1);
  g_assert_cmpuint (p->terms->len, ==, 1);
  g_assert_cmpstr (((DeskProcTerm *) g_ptr_array_index (p->terms, 0))->term, ==, "设备房");
  g_assert_cmpuint (p->body->len, ==, 4);
  g_assert_nonnull (find_role_named (p, "工程部经理"));
  g_assert_nonnull (find_role_named (p, "值班人员"));
  /* "每2小时" is a frequency, "15分钟内报告" a limit. */
  g_assert_cmpuint (p->rules->len, ==, 1);
  r = find_rule (import, 15, DESK_LIMIT_MINUTES);
  g_assert_cmpint (r->rule.action, ==, DESK_ACTION_FORWARD);
  route = find_kind (p->body, DESK_PROC_ROUTE);
  g_assert_cmpuint (route->children->len, ==, 4);
  g_assert_cmpstr (find_kind (p->body, DESK_PROC_HAZARD)->title, ==, "水浸");
  g_assert_cmpuint (p->forms->len, ==, 1);
}

/* The corrections of the import view, each on one node. */
static void
test_edits (void)
{
  g_autoptr(DeskManualImport) import = parse (
    "巡查规程\n"
    "一、巡查\n"
    "第一句话。第二句话。\n"
    "受理,派单,上门\n"
    "二、网站页面上的装饰文字\n"
    "三、时限\n"
    "接到报修后尽快处理\n");
  DeskProcedure *p = import->procedure;
  DeskProcNode *first = child (p->body, 0, DESK_PROC_CLAUSE);
  DeskProcNode *n;
  g_autoptr(GError) error = NULL;
  guint dropped = import->dropped_chars;

  g_assert_cmpuint (import->n_clauses, ==, 3);
  /* Split a paragraph into its sentences, and merge them again. */
  g_assert_true (desk_manual_edit_apply (import, child (first->children, 0, DESK_PROC_PARAGRAPH),
                                         DESK_MANUAL_EDIT_SPLIT, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (child (first->children, 1, DESK_PROC_PARAGRAPH)->text, ==, "第二句话。");
  g_assert_true (desk_manual_edit_apply (import, child (first->children, 1, DESK_PROC_PARAGRAPH),
                                         DESK_MANUAL_EDIT_MERGE, &error));
  g_assert_cmpstr (child (first->children, 0, DESK_PROC_PARAGRAPH)->text, ==, "第一句话。第二句话。");
  /* A single sentence cannot be split. */
  g_assert_false (desk_manual_edit_apply (import, child (p->body, 2, DESK_PROC_CLAUSE)->children->pdata[0],
                                          DESK_MANUAL_EDIT_SPLIT, &error));
  g_assert_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED);
  g_clear_error (&error);

  /* Mark as flow, back to a paragraph, then as a route. */
  g_assert_true (desk_manual_edit_apply (import, child (first->children, 1, DESK_PROC_PARAGRAPH),
                                         DESK_MANUAL_EDIT_FLOW, &error));
  n = child (first->children, 1, DESK_PROC_FLOW);
  g_assert_cmpuint (n->children->len, ==, 3);
  g_assert_cmpstr (child (n->children, 2, DESK_PROC_STEP)->text, ==, "上门");
  g_assert_cmpuint (import->n_flows, ==, 1);
  g_assert_true (desk_manual_edit_apply (import, n, DESK_MANUAL_EDIT_SPLIT, &error));
  g_assert_cmpstr (child (first->children, 1, DESK_PROC_PARAGRAPH)->text, ==, "受理→派单→上门");
  g_assert_true (desk_manual_edit_apply (import, child (first->children, 1, DESK_PROC_PARAGRAPH),
                                         DESK_MANUAL_EDIT_ROUTE, &error));
  n = child (first->children, 1, DESK_PROC_HAZARD);
  g_assert_cmpuint (child (n->children, 0, DESK_PROC_ROUTE)->children->len, ==, 3);
  g_assert_cmpuint (import->n_routes, ==, 1);
  g_assert_cmpuint (import->n_flows, ==, 0);

  /* A clause that is the web page's text: dropped and listed. */
  g_assert_true (desk_manual_edit_apply (import, child (p->body, 1, DESK_PROC_CLAUSE),
                                         DESK_MANUAL_EDIT_BOILERPLATE, &error));
  g_assert_cmpuint (import->n_clauses, ==, 2);
  g_assert_cmpuint (import->dropped_chars, >, dropped);
  g_assert_true (dropped_contains (import, "boilerplate", "网站页面上的装饰文字"));

  /* Change level: into the clause before, and out again. */
  n = child (p->body, 1, DESK_PROC_CLAUSE);
  g_assert_true (desk_manual_edit_apply (import, n, DESK_MANUAL_EDIT_INDENT, &error));
  g_assert_cmpuint (p->body->len, ==, 1);
  g_assert_true (g_ptr_array_index (first->children, first->children->len - 1) == n);
  g_assert_true (desk_manual_edit_apply (import, n, DESK_MANUAL_EDIT_OUTDENT, &error));
  g_assert_cmpuint (p->body->len, ==, 2);
  g_assert_false (desk_manual_edit_apply (import, n, DESK_MANUAL_EDIT_OUTDENT, &error));
  g_assert_error (error, DESK_MANUAL_ERROR, DESK_MANUAL_ERROR_MALFORMED);
  g_clear_error (&error);

  /* No time limit in "尽快": no rule; a clause is no flow. */
  g_assert_false (desk_manual_edit_apply (import, n, DESK_MANUAL_EDIT_RULE, &error));
  g_clear_error (&error);
  g_assert_false (desk_manual_edit_apply (import, n, DESK_MANUAL_EDIT_FLOW, &error));
  g_clear_error (&error);
  g_free (child (n->children, 0, DESK_PROC_PARAGRAPH)->text);
  child (n->children, 0, DESK_PROC_PARAGRAPH)->text = g_strdup ("接到报修后须在2小时内上门");
  g_assert_true (desk_manual_edit_apply (import, n, DESK_MANUAL_EDIT_RULE, &error));
  g_assert_nonnull (find_rule (import, 2, DESK_LIMIT_HOURS));

  assert_valid (import);
}

/* ---- inputs --------------------------------------------------------------- */

static GBytes *
make_zip (const char *const *names,
          const char *const *contents)
{
  struct archive *a = archive_write_new ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  size_t size = 1024 * 1024, used = 0;
  void *buffer = g_malloc (size);

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, buffer, size, &used), ==, ARCHIVE_OK);
  for (guint i = 0; names[i]; i++)
    {
      struct archive_entry *e = archive_entry_new ();

      archive_entry_set_pathname (e, names[i]);
      archive_entry_set_size (e, strlen (contents[i]));
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, contents[i], strlen (contents[i])), ==, (la_ssize_t) strlen (contents[i]));
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
  g_byte_array_append (out, buffer, used);
  g_free (buffer);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void
test_docx (void)
{
  static const char *const names[] = { "[Content_Types].xml", "word/document.xml", NULL };
  static const char *const contents[] = {
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W "><w:body>"
    "<w:p><w:r><w:t>设备巡检规程</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>文件编号：</w:t></w:r><w:r><w:t>SB-XJ-002</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>一、巡检</w:t></w:r><w:r><w:tab/><w:t>要求</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>1、每日巡检一次;</w:t><w:br/><w:t>2、发现隐患须在10分钟内上报。</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>二、记录</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>填写巡检表</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>写明时间</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>写明地点</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>交班组长签字</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>巡检路线：</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>泵房→配电室→屋面</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:sectPr/></w:body></w:document>",
  };
  g_autoptr(GBytes) zip = make_zip (names, contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskManualImport) import = desk_manual_import_data (g_bytes_get_data (zip, NULL), g_bytes_get_size (zip),
                                                                "sample.docx", &error);
  DeskProcedure *p;
  DeskProcNode *clause, *route;

  g_assert_no_error (error);
  p = import->procedure;
  g_assert_cmpstr (import->encoding, ==, "docx");
  g_assert_cmpstr (p->title, ==, "设备巡检规程");
  g_assert_cmpstr (p->code, ==, "SB-XJ-002");
  clause = child (p->body, 0, DESK_PROC_CLAUSE);
  g_assert_cmpstr (clause->title, ==, "巡检");
  /* w:br breaks the line: two numbered items. */
  g_assert_cmpuint (count_kind (clause->children, DESK_PROC_CLAUSE), ==, 2);
  g_assert_nonnull (find_rule (import, 10, DESK_LIMIT_MINUTES));
  /* Word's automatic numbering, which is not in the text, by level. */
  {
    DeskProcNode *record = child (p->body, 1, DESK_PROC_CLAUSE);
    DeskProcNode *fill;

    g_assert_cmpstr (record->title, ==, "记录");
    g_assert_cmpuint (count_kind (record->children, DESK_PROC_CLAUSE), ==, 2);
    fill = child (record->children, 0, DESK_PROC_CLAUSE);
    g_assert_cmpstr (fill->label, ==, "1.");
    g_assert_cmpuint (count_kind (fill->children, DESK_PROC_CLAUSE), ==, 2);
    g_assert_cmpstr (child (fill->children, 1, DESK_PROC_CLAUSE)->label, ==, "(2)");
    g_assert_cmpstr (child (record->children, 1, DESK_PROC_CLAUSE)->label, ==, "2.");
  }
  /* The table row: the lead in one cell, the route in the next. */
  route = find_kind (p->body, DESK_PROC_ROUTE);
  g_assert_nonnull (route);
  g_assert_cmpuint (route->children->len, ==, 3);
  g_assert_cmpstr (child (route->children, 2, DESK_PROC_WAYPOINT)->text, ==, "屋面");
  /* No character count here: the numbers Word shows are not in its text. */
  assert_valid (import);
}

static void
test_odt (void)
{
  static const char *const names[] = { "mimetype", "content.xml", NULL };
  static const char *const contents[] = {
    "application/vnd.oasis.opendocument.text",
    "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
    "<text:h>巡查制度</text:h><text:p>一、巡查<text:s text:c=\"2\"/>范围</text:p><text:p>二、记录</text:p>"
    "</office:text></office:body></office:document-content>",
  };
  g_autoptr(GBytes) zip = make_zip (names, contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskManualImport) import = desk_manual_import_data (g_bytes_get_data (zip, NULL), g_bytes_get_size (zip),
                                                                "sample.odt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (import->encoding, ==, "odt");
  g_assert_cmpstr (import->procedure->title, ==, "巡查制度");
  g_assert_cmpuint (import->procedure->body->len, ==, 2);
  g_assert_cmpstr (child (import->procedure->body, 1, DESK_PROC_CLAUSE)->title, ==, "记录");
}

/* The same manual in GB18030 gives the same procedure. */
static void
test_gb18030 (void)
{
  g_autofree char *path = manual_path ("01-support-repair-worker-sop.txt");
  g_autofree char *utf8 = NULL;
  g_autofree char *gb = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskManualImport) a = NULL;
  g_autoptr(DeskManualImport) b = NULL;
  g_autoptr(GBytes) xa = NULL;
  g_autoptr(GBytes) xb = NULL;
  gsize length, gb_length;

  if (path == NULL || !g_file_get_contents (path, &utf8, &length, NULL))
    {
      g_test_skip ("../shared/manuals is not here");
      return;
    }
  gb = g_convert (utf8, length, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, gb_length, NULL));
  a = desk_manual_import_data (utf8, length, "a.txt", &error);
  g_assert_no_error (error);
  b = desk_manual_import_data (gb, gb_length, "a.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->encoding, ==, "GB18030");
  xa = desk_procedure_to_xml (a->procedure, DESK_PROCEDURE_FORMAT_NATIVE);
  xb = desk_procedure_to_xml (b->procedure, DESK_PROCEDURE_FORMAT_NATIVE);
  g_assert_true (g_bytes_equal (xa, xb));

  {
    /* GBK and CRLF line ends, written here. */
    static const char gbk[] = "\xb1\xa8\xd0\xde\xb9\xe6\xb6\xa8\r\n\xd2\xbb\xa1\xa2\xca\xdc\xc0\xed\r\n";
    g_autoptr(DeskManualImport) c = desk_manual_import_data (gbk, strlen (gbk), "gbk.txt", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (c->procedure->title, ==, "报修规定");
    g_assert_cmpstr (child (c->procedure->body, 0, DESK_PROC_CLAUSE)->title, ==, "受理");
  }
}

typedef struct
{
  char         *dir;
  DeskDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = desk_test_make_dir ("manuals");
  f->db = desk_test_open_office (f->dir, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
assert_refused (Fixture    *f,
                const char *name,
                const char *data,
                gsize       length,
                int         code)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (data != NULL)
    g_assert_true (g_file_set_contents (path, data, length, NULL));
  g_assert_cmpint (desk_manual_store_import_file (f->db, path, NULL, &error), ==, 0);
  g_assert_error (error, DESK_MANUAL_ERROR, code);
  /* The message names the file. */
  g_assert_true (strstr (error->message, name) != NULL);
  list = desk_procedure_store_list (f->db, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  static const char *const names[] = { "[Content_Types].xml", "xl/workbook.xml", NULL };
  static const char *const contents[] = { "<Types/>", "<workbook/>", NULL };
  static const char *const bad_names[] = { "word/document.xml", NULL };
  static const char *const bad_contents[] = { "<w:document " W "><w:body><w:p>", NULL };
  g_autoptr(GBytes) xlsx = make_zip (names, contents);
  g_autoptr(GBytes) broken = make_zip (bad_names, bad_contents);
  g_autofree char *big = g_build_filename (f->dir, "big.txt", NULL);
  int fd;

  assert_refused (f, "empty.txt", "", 0, DESK_MANUAL_ERROR_EMPTY);
  assert_refused (f, "blank.txt", " \n\n\t\n", 5, DESK_MANUAL_ERROR_EMPTY);
  assert_refused (f, "image.txt", png, sizeof png - 1, DESK_MANUAL_ERROR_BINARY);
  assert_refused (f, "latin1.txt", "caf\xe9 \xff\xfe\xff", 8, DESK_MANUAL_ERROR_ENCODING);
  /* Latin-1 that GB18030 would decode, into rare characters. */
  {
    static const char french[] = "R\xe9paration apr\xe8s-vente : v\xe9rifier la pi\xe8" "ce.\n";

    assert_refused (f, "french.txt", french, sizeof french - 1, DESK_MANUAL_ERROR_ENCODING);
  }
  assert_refused (f, "book.docx", g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx), DESK_MANUAL_ERROR_NOT_DOCUMENT);
  assert_refused (f, "broken.docx", g_bytes_get_data (broken, NULL), g_bytes_get_size (broken), DESK_MANUAL_ERROR_MALFORMED);
  assert_refused (f, "cut.docx", g_bytes_get_data (xlsx, NULL), 30, DESK_MANUAL_ERROR_MALFORMED);
  assert_refused (f, "missing.txt", NULL, 0, DESK_MANUAL_ERROR_READ);

  /* 50 MB of text: refused by its size before it is read (a sparse file). */
  fd = g_open (big, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  close (fd);
  assert_refused (f, "big.txt", NULL, 0, DESK_MANUAL_ERROR_TOO_BIG);
}

/* Importing again adds a revision of the same code. */
static void
test_store_revisions (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "规程.txt", NULL);
  static const char text[] = "配电房管理规程\n编号:PD-01\n一、巡查\n每日巡查一次。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskManualImport) import = NULL;
  g_autoptr(DeskProcedure) stored = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (desk_manual_store_import_file (f->db, path, &import, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_clauses, ==, 1);
  g_assert_cmpint (desk_manual_store_import_file (f->db, path, NULL, &error), ==, 2);
  stored = desk_procedure_store_load (f->db, "PD-01", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "配电房管理规程");
}

/* The command prints one line per file. */
static void
test_command (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "规程.txt", NULL);
  g_autofree char *db = g_build_filename (f->dir, "office.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { TEST_SERVICE_DESK, "--database", db, "import", path, NULL };
  int status;

  g_assert_true (g_file_set_contents (path,
                                      "配电房管理规程\n编号:PD-01\n使用说明:本文档可编辑\n"
                                      "一、巡查\n巡查→记录→上报\n二、处理\n须在2小时内到场。\n", -1, NULL));
  g_clear_object (&f->db);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (strstr (out, "PD-01 revision 1: clauses 2, flows 1, routes 0, rules 1, characters dropped as boilerplate 11") != NULL);

  /* --dropped lists what was left out, with its line. */
  {
    const char *again[] = { TEST_SERVICE_DESK, "--database", db, "import", "--dropped", path, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) again, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (strstr (out, "PD-01 revision 2") != NULL);
    g_assert_true (strstr (out, "  dropped line 3 (boilerplate): 使用说明:本文档可编辑\n") != NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/manuals/01-support-repair-sop", test_support_repair_sop);
  g_test_add_func ("/manuals/02-complaint-principles", test_complaint_principles);
  g_test_add_func ("/manuals/05-project-initiation", test_project_initiation);
  g_test_add_func ("/manuals/06-complaint-handling", test_complaint_handling);
  g_test_add_func ("/manuals/10-callback-procedure", test_callback_procedure);
  g_test_add_func ("/manuals/12-maintenance-staff", test_maintenance_staff);
  g_test_add_func ("/manuals/18-maintenance-workflow", test_maintenance_workflow);
  g_test_add_func ("/manuals/rules/numbering", test_numbering_styles);
  g_test_add_func ("/manuals/rules/limits-and-flows", test_rules_and_flows);
  g_test_add_func ("/manuals/rules/standard-layout", test_standard_layout);
  g_test_add_func ("/manuals/rules/more-marks", test_more_marks);
  g_test_add_func ("/manuals/rules/boilerplate-is-narrow", test_boilerplate_is_narrow);
  g_test_add_func ("/manuals/edits", test_edits);
  g_test_add_func ("/manuals/input/docx", test_docx);
  g_test_add_func ("/manuals/input/odt", test_odt);
  g_test_add_func ("/manuals/input/gb18030", test_gb18030);
  g_test_add ("/manuals/input/bad", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/manuals/store/revisions", Fixture, NULL, fixture_set_up, test_store_revisions, fixture_tear_down);
  g_test_add ("/manuals/command", Fixture, NULL, fixture_set_up, test_command, fixture_tear_down);

  return g_test_run ();
}
