/* desk-manual-extract.c
 *
 * Pass 6 of the manual recogniser: from the procedure's text,
 * _desk_manual_find_forms() and _desk_manual_extract_from_node() draw
 * forms, roles and duties, escalation chains, and time limits and fines
 * proposed as rules; _desk_manual_find_rules() also serves the Rule
 * correction (desk-manual-edit.c).  Run by desk-manual-parse.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-manual"

#include "config.h"

/* Pass 6: the lists drawn from the procedure's text: forms in 《》,
 * roles and their duties, escalation chains, and time limits and fines
 * proposed as rules for the deadline engine.  The import view's Rule
 * correction reuses the same code, so it is here too. */

#include <string.h>

#include "desk-manual-parse-private.h"
#include "desk-manual-private.h"

void
_desk_manual_collect_node_text (DeskProcNode *node,
                                gpointer      user_data)
{
  Collect *c = user_data;

  if (node->title)
    g_string_append_printf (c->text, "%s\n", node->title);
  if (node->text)
    g_string_append_printf (c->text, "%s\n", node->text);
}

/* "部门经理解决不了的由分总出面解决,分总解决不了的上报至总经理处解决":
 * who a case goes to when the one before cannot settle it. */
static void
find_escalation (Parser     *parser,
                 const char *sentence)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(\\p{Han}{1,6}?)(?:解决|处理|办理)不(?:了|好)的?(?:由|上报至|上报给|上报|交由|转交|转至|报)(\\p{Han}{1,6}?)(?:处|出面)?(?:解决|处理)",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (regex, sentence, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *from = g_match_info_fetch (match, 1);
      g_autofree char *to = g_match_info_fetch (match, 2);

      if (chain->len == 0 || strcmp (g_ptr_array_index (chain, chain->len - 1), from) != 0)
        {
          if (chain->len >= 2)
            break;
          g_ptr_array_set_size (chain, 0);
          g_ptr_array_add (chain, g_steal_pointer (&from));
        }
      g_ptr_array_add (chain, g_steal_pointer (&to));
      g_match_info_next (match, NULL);
    }
  if (chain->len >= 2)
    {
      g_ptr_array_add (chain, NULL);
      g_ptr_array_add (parser->import->escalations, g_ptr_array_steal (chain, NULL));
    }
}

void
_desk_manual_find_forms (Parser     *parser,
                         const char *text)
{
  GRegex *regex = _desk_manual_cached ("《([^《》\\n]{1,40})》", 0);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      char *name = g_match_info_fetch (match, 1);

      if (!g_hash_table_contains (seen, name))
        {
          DeskProcForm *form = g_new0 (DeskProcForm, 1);

          form->id = g_strdup_printf ("form-%u", ++parser->next_form);
          form->name = g_strdup (name);
          g_ptr_array_add (parser->p->forms, form);
          g_hash_table_add (seen, name);
        }
      else
        g_free (name);
      g_match_info_next (match, NULL);
    }
}

typedef struct
{
  const char *word;
  DeskRole    role;
  const char *nick;
} RoleWord;

/* The office's roles as manuals name them; the first that matches wins,
 * so longer names come first. */
static const RoleWord role_words[] = {
  { "总经理", DESK_ROLE_GENERAL_MANAGER, "general-manager" },
  { "分总", DESK_ROLE_BRANCH_GENERAL_MANAGER, "branch-general-manager" },
  { "分公司总经理", DESK_ROLE_BRANCH_GENERAL_MANAGER, "branch-general-manager" },
  { "部门经理", DESK_ROLE_DEPARTMENT_MANAGER, "department-manager" },
  { "质检", DESK_ROLE_QA_INSPECTOR, "qa-inspector" },
  { "调度", DESK_ROLE_COORDINATOR, "coordinator" },
  { "项目经理", DESK_ROLE_COORDINATOR, "coordinator" },
  { "客服", DESK_ROLE_CLERK, "clerk" },
  { "维修", DESK_ROLE_ENGINEER, "engineer" },
  { "水电", DESK_ROLE_ENGINEER, "engineer" },
  { "工程部", DESK_ROLE_ENGINEER, "engineer" },
  { "经理", DESK_ROLE_DEPARTMENT_MANAGER, "department-manager" },
  { NULL, 0, NULL }
};

static const RoleWord *
role_in (const char *text)
{
  for (guint i = 0; role_words[i].word; i++)
    if (strstr (text, role_words[i].word))
      return &role_words[i];
  return NULL;
}

static DeskProcRole *
find_role (Parser     *parser,
           const char *name)
{
  for (guint i = 0; i < parser->p->roles->len; i++)
    {
      DeskProcRole *r = g_ptr_array_index (parser->p->roles, i);

      if (strcmp (r->name, name) == 0)
        return r;
    }
  return NULL;
}

/* Duties: "由质检部跟进完成", "维修人员必须…", "客服专员负责…"; and the
 * items of a clause titled "…岗位职责". */
static void
find_duties (Parser     *parser,
             const char *sentence)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?:^|由|[,，])((?:(?!由)\\p{Han}){0,4}?(?:部门经理|项目经理|总经理|经理|分总|主管|专员|客服部|质检部|工程部|设计师|维修人员|维修工|水电工|电工|值班员|负责人|监护人|管理员|人员))(?:以上级别人员)?(?:必须|应当|应|负责|须|要|出面|跟进|处理|解决|认真|立即)",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (regex, sentence, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      DeskProcRole *role = find_role (parser, name);

      if (role == NULL)
        {
          g_autofree char *id = g_strdup_printf ("role-%u", ++parser->next_role);
          const RoleWord *w = role_in (name);

          role = desk_procedure_add_role (parser->p, id, name);
          role->kind = w ? g_strdup (w->nick) : NULL;
        }
      if (role->duties->len == 0 ||
          strcmp (g_ptr_array_index (role->duties, role->duties->len - 1), sentence) != 0)
        g_ptr_array_add (role->duties, g_strdup (sentence));
      g_match_info_next (match, NULL);
    }
}

static int
read_amount (const char *text)
{
  glong len = 0, end = 0;
  g_autofree gunichar *s = g_utf8_to_ucs4 (text, -1, NULL, &len, NULL);
  int n;

  if (s == NULL)
    return -1;
  if (g_str_has_prefix (text, "半"))
    return 0;
  n = _desk_manual_read_arabic (s, len, 0, &end);
  if (n < 0)
    n = _desk_manual_read_cn_number (s, len, 0, &end);
  return n;
}

static DeskRuleAction
action_in (const char *text)
{
  if (strstr (text, "整改通知"))
    return DESK_ACTION_ISSUE_NOTICE;
  if (strstr (text, "回访"))
    return DESK_ACTION_CALL_BACK;
  if (strstr (text, "上门") || strstr (text, "到场") || strstr (text, "到达现场") || strstr (text, "到现场"))
    return DESK_ACTION_VISIT;
  if (strstr (text, "联系") || strstr (text, "回复") || strstr (text, "回电") || strstr (text, "答复") || strstr (text, "响应"))
    return DESK_ACTION_CONTACT;
  if (strstr (text, "转交") || strstr (text, "派单") || strstr (text, "上报") || strstr (text, "报告") || strstr (text, "转"))
    return DESK_ACTION_FORWARD;
  if (strstr (text, "整改") || strstr (text, "修复") || strstr (text, "维修") || strstr (text, "解决") || strstr (text, "处理"))
    return DESK_ACTION_RECTIFY;
  return DESK_ACTION_CONTACT;
}

static int
fine_in (const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *amount = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?:处罚|罚款|罚)\\s*([0-9０-９]+|[一二两三四五六七八九十百千]+)\\s*元", G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, text, 0, &match))
    return 0;
  amount = g_match_info_fetch (match, 1);
  if (_desk_manual_digit_value (g_utf8_get_char (amount)) >= 0)
    return read_amount (amount);
  {
    /* 一百 二百 五十 */
    glong len = 0;
    g_autofree gunichar *s = g_utf8_to_ucs4 (amount, -1, NULL, &len, NULL);
    int value = 0, digit = 0;

    for (glong i = 0; s && i < len; i++)
      {
        int d = _desk_manual_cn_digit (s[i]);

        if (d >= 0)
          digit = d;
        else if (s[i] == 0x5341) { value += (digit ? digit : 1) * 10; digit = 0; }
        else if (s[i] == 0x767E) { value += (digit ? digit : 1) * 100; digit = 0; }
        else if (s[i] == 0x5343) { value += (digit ? digit : 1) * 1000; digit = 0; }
      }
    return value + digit;
  }
}

/* Time limits in a text: "10分钟内", "半个小时内", "2个小时内", "一个工作日内",
 * "4小时之内", "在24小时以内"; each becomes a rule proposal. */
static void
find_rules (Parser     *parser,
            const char *text)
{
  static GRegex *sentences;
  static GRegex *limits;
  g_auto(GStrv) parts = NULL;
  gboolean fine_used = FALSE;
  int fine = fine_in (text);

  if (g_once_init_enter (&sentences))
    g_once_init_leave (&sentences, g_regex_new ("[。；;！!？?]", G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&limits))
    g_once_init_leave (&limits, g_regex_new ("(在|于)?\\s*(半|[0-9０-９]+|[零〇一二两三四五六七八九十]+)\\s*个?\\s*(分钟|小时|钟头|工作日|天|日|min|h)(?:(之内|以内|内)|(?=(完成|到达|到场|上门|回复|答复|响应|解决)))?",
                                             G_REGEX_OPTIMIZE, 0, NULL));

  parts = g_regex_split (sentences, text, 0);
  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) segments = _desk_manual_split_by ("[,，]", parts[i]);

      find_duties (parser, parts[i]);
      find_escalation (parser, parts[i]);
      for (guint j = 0; segments[j]; j++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          g_regex_match (limits, segments[j], 0, &match);
          for (; g_match_info_matches (match); g_match_info_next (match, NULL))
            {
              g_autofree char *at = g_match_info_fetch (match, 1);
              g_autofree char *number = g_match_info_fetch (match, 2);
              g_autofree char *unit = g_match_info_fetch (match, 3);
              g_autofree char *within = g_match_info_fetch (match, 4);
              g_autofree char *verb = g_match_info_fetch (match, 5);
              const RoleWord *who;
              DeskProcRule *r;
              int n;

              /* "2分钟时间" is no limit; "10分钟内", "2小时完成" are. */
              if ((within == NULL || !within[0]) && (verb == NULL || !verb[0]))
                continue;
              n = read_amount (number);
              if (n < 0)
                continue;
              r = desk_procedure_add_rule (parser->p);
              r->rule.id = g_strdup_printf ("imported-rule-%u", ++parser->next_rule);
              r->rule.name = _desk_manual_trim (segments[j]);
              r->rule.starts = DESK_CLOCK_RECEIVED;
              r->rule.action = action_in (segments[j]);
              if (strcmp (unit, "分钟") == 0 || strcmp (unit, "min") == 0)
                r->rule.unit = DESK_LIMIT_MINUTES, r->rule.limit = n;
              else if (strcmp (unit, "工作日") == 0)
                r->rule.unit = DESK_LIMIT_DAYS, r->rule.limit = n, r->rule.working_time = TRUE;
              else if (strcmp (unit, "天") == 0 || strcmp (unit, "日") == 0)
                r->rule.unit = DESK_LIMIT_HOURS, r->rule.limit = n * 24;
              else if (n == 0) /* 半个小时 */
                r->rule.unit = DESK_LIMIT_MINUTES, r->rule.limit = 30;
              else
                r->rule.unit = DESK_LIMIT_HOURS, r->rule.limit = n;
              if (r->rule.limit <= 0)
                r->rule.limit = 1;
              who = role_in (segments[j]);
              if (who == NULL)
                who = role_in (parts[i]);
              r->rule.role = who ? who->role
                                 : r->rule.action == DESK_ACTION_VISIT || r->rule.action == DESK_ACTION_RECTIFY
                                   ? DESK_ROLE_ENGINEER : DESK_ROLE_CLERK;
              if (strstr (text, "投诉") || strstr (text, "客诉"))
                r->rule.kinds |= 1u << DESK_TICKET_COMPLAINT;
              if (strstr (text, "报修"))
                r->rule.kinds |= 1u << DESK_TICKET_REPAIR;
              if (fine > 0 && !fine_used)
                {
                  r->fine = fine;
                  r->fine_note = _desk_manual_trim (parts[i]);
                  fine_used = TRUE;
                }
            }
        }
      if (fine_in (parts[i]) > 0 && !fine_used)
        g_ptr_array_add (parser->import->fines, _desk_manual_trim (parts[i]));
    }
}

void
_desk_manual_extract_from_node (DeskProcNode *node,
                                gpointer      user_data)
{
  Parser *parser = user_data;

  if (node->kind == DESK_PROC_PARAGRAPH && node->text)
    find_rules (parser, node->text);
  else if (node->kind == DESK_PROC_CLAUSE && node->title && node->children->len == 0)
    find_rules (parser, node->title); /* a one-line item: "故障须2h内修复" */
  else if (node->kind == DESK_PROC_STEP && node->text)
    find_rules (parser, node->text);
  else if (node->kind == DESK_PROC_CLAUSE && node->title && node->children->len > 0 &&
           _desk_manual_matches ("职责$", node->title, 0))
    {
      /* "水电工、勤杂岗位职责": the clause's items are that role's duties. */
      g_autofree char *name = g_strndup (node->title, strlen (node->title) - strlen ("职责"));
      DeskProcRole *role = find_role (parser, name);
      Collect c = { parser, g_string_new (NULL) };

      if (g_str_has_suffix (name, "岗位"))
        name[strlen (name) - strlen ("岗位")] = '\0';
      /* A bare "职责" clause names its roles in its sentences. */
      if (name[0] == '\0')
        return;
      role = find_role (parser, name);
      if (role == NULL)
        {
          g_autofree char *id = g_strdup_printf ("role-%u", ++parser->next_role);
          const RoleWord *w = role_in (name);

          role = desk_procedure_add_role (parser->p, id, name);
          role->kind = w ? g_strdup (w->nick) : NULL;
        }
      desk_proc_node_list_walk (node->children, _desk_manual_collect_node_text, &c);
      {
        g_auto(GStrv) lines = g_strsplit (c.text->str, "\n", -1);

        for (guint i = 0; lines[i]; i++)
          if (lines[i][0])
            g_ptr_array_add (role->duties, g_strdup (lines[i]));
      }
      g_string_free (c.text, TRUE);
    }
}

/* ---- corrections made in the import view ------------------------------ */

guint
_desk_manual_find_rules (DeskManualImport *import,
                         const char       *text)
{
  Parser parser = { 0 };
  guint before = import->procedure->rules->len;

  parser.import = import;
  parser.p = import->procedure;
  parser.next_rule = before;
  parser.next_role = import->procedure->roles->len;
  find_rules (&parser, text);
  return import->procedure->rules->len - before;
}
