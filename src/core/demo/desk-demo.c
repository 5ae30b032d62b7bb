/* desk-demo.c
 *
 * The demo office: desk_demo_populate() writes an invented renovation
 * firm's departments, staff, customers and assets, its procedures, a few
 * hundred generated tickets, notices and a month of callbacks, in one
 * transaction.  An office that holds data is replaced only when asked,
 * emptied in parts first.  The tickets come from desk-generator.c.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-callback-store.h"
#include "desk-customer-store.h"
#include "desk-deadline-store.h"
#include "desk-demo.h"
#include "desk-generator.h"
#include "desk-notice-store.h"
#include "desk-office-store.h"
#include "desk-ticket-query.h"
#include "desk-procedure-io.h"
#include "desk-procedure-store.h"

#define DEMO_TICKETS 360

/* A home-renovation firm's service office, invented for the demo: every
 * name, phone number and address below is made up. */

static const char *organisation = "华安装饰工程有限公司 客户服务中心";

static const struct {
  const char *code;
  const char *name;
} departments[] = {
  { "D001", "客服部" },
  { "D002", "工程部" },
  { "D003", "维修部" },
  { "D004", "质检部" },
  { "D005", "设计部" },
  { "D006", "材料部" },
};

static const struct {
  const char *code;
  const char *name;
  DeskRole    role;
  const char *department; /* code, or NULL above the departments */
  const char *phone;
} staff[] = {
  { "S001", "王丽",   DESK_ROLE_CLERK,                  "D001", "0755-8620 1101" },
  { "S002", "陈静",   DESK_ROLE_CLERK,                  "D001", "0755-8620 1102" },
  { "S003", "刘洋",   DESK_ROLE_COORDINATOR,            "D002", "0755-8620 1201" },
  { "S004", "张强",   DESK_ROLE_ENGINEER,               "D003", "138 2650 4411" },
  { "S005", "李军",   DESK_ROLE_ENGINEER,               "D003", "138 2650 4412" },
  { "S006", "赵磊",   DESK_ROLE_ENGINEER,               "D002", "139 2650 7731" },
  { "S007", "孙敏",   DESK_ROLE_QA_INSPECTOR,           "D004", "0755-8620 1401" },
  { "S008", "周涛",   DESK_ROLE_DEPARTMENT_MANAGER,     "D001", "0755-8620 1100" },
  { "S009", "吴刚",   DESK_ROLE_DEPARTMENT_MANAGER,     "D002", "0755-8620 1200" },
  { "S010", "郑华",   DESK_ROLE_DEPARTMENT_MANAGER,     "D003", "0755-8620 1300" },
  { "S011", "冯晓东", DESK_ROLE_DEPARTMENT_MANAGER,     "D004", "0755-8620 1400" },
  { "S012", "黄婷",   DESK_ROLE_DEPARTMENT_MANAGER,     "D005", "0755-8620 1500" },
  { "S013", "马超",   DESK_ROLE_DEPARTMENT_MANAGER,     "D006", "0755-8620 1600" },
  { "S014", "何建国", DESK_ROLE_BRANCH_GENERAL_MANAGER, NULL,   "0755-8620 1001" },
  { "S015", "林志远", DESK_ROLE_GENERAL_MANAGER,        NULL,   "0755-8620 1000" },
};

static const struct {
  const char   *name;
  const char   *phone;
  const char   *address;
  gboolean      no_callbacks;
  const char   *notes;
  DeskAssetKind kind;
  const char   *asset;
  const char   *detail;
  const char   *handover; /* NULL: the site is still under construction */
} customers[] = {
  { "李建华", "13902651234", "深圳市南山区桃源街道 翠湖花园 3栋1202室", FALSE, NULL,
    DESK_ASSET_SITE, "翠湖花园 3栋1202室", "三室两厅 全包装修 128㎡", "2026-09-18" },
  { "陈美玲", "13510887766", "深圳市福田区香蜜湖街道 香榭里 6栋302室", FALSE, "只接受下午来电",
    DESK_ASSET_SITE, "香榭里 6栋302室", "两室一厅 半包装修 86㎡", NULL },
  { "王志强", "13600125588", "深圳市宝安区新安街道 海滨广场 A座1808室", TRUE, "要求不再回访",
    DESK_ASSET_SITE, "海滨广场 A座1808室", "办公室装修 220㎡", "2026-06-30" },
  { "张晓燕", "18926543210", "深圳市龙岗区坂田街道 万科城 12栋501室", FALSE, NULL,
    DESK_ASSET_SITE, "万科城 12栋501室", "厨卫翻新", "2026-10-08" },
  { "刘德明", "13723456789", "深圳市罗湖区东门街道 金城大厦 9楼", FALSE, NULL,
    DESK_ASSET_DEVICE, "中央空调 KFR-120W", "金城大厦 9楼 机房", NULL },
  { "黄丽娟", "15813572468", "深圳市南山区粤海街道 科技园宿舍 2栋808室", FALSE, NULL,
    DESK_ASSET_SITE, "科技园宿舍 2栋808室", "局部改造 水电", "2026-10-20" },
  { "周文斌", "13828761234", "深圳市龙华区民治街道 水榭春天 5期 7栋1501室", FALSE, NULL,
    DESK_ASSET_SITE, "水榭春天 7栋1501室", "四室两厅 全包装修 156㎡", NULL },
  { "吴海燕", "13066778899", "深圳市福田区华强北街道 华富村 东区 4栋", FALSE, NULL,
    DESK_ASSET_VEHICLE, "粤B·7K26M", "家用轿车 白色", NULL },
  { "郑国庆", "13312345678", "深圳市宝安区西乡街道 碧海花园 10栋2003室", FALSE, NULL,
    DESK_ASSET_SITE, "碧海花园 10栋2003室", "旧房翻新 98㎡", "2026-08-12" },
  { "孙丽华", "18688990011", "深圳市南山区蛇口街道 海月花园 二期 3栋601室", FALSE, NULL,
    DESK_ASSET_SITE, "海月花园 3栋601室", "软装 定制柜", "2026-11-02" },
  { "马晓东", "13480123456", "深圳市龙岗区布吉街道 信义假日名城 8栋1106室", FALSE, NULL,
    DESK_ASSET_SITE, "信义假日名城 8栋1106室", "全包装修 112㎡", NULL },
  { "朱小红", "15012348765", "深圳市罗湖区翠竹街道 翠竹苑 15栋402室", FALSE, NULL,
    DESK_ASSET_DEVICE, "燃气热水器 JSQ25", "翠竹苑 15栋402室 厨房", NULL },
  { "胡建军", "13798765432", "深圳市福田区梅林街道 梅林一村 22栋", FALSE, NULL,
    DESK_ASSET_VEHICLE, "粤B·D3P581", "新能源车 灰色", NULL },
  { "高秀英", "13923456780", "深圳市南山区西丽街道 丽山花园 6栋703室", FALSE, "老人独居，请慢慢讲",
    DESK_ASSET_SITE, "丽山花园 6栋703室", "适老化改造 卫生间", "2026-10-28" },
  { "林国栋", "18025678901", "深圳市宝安区福永街道 福海工业区 B栋", FALSE, NULL,
    DESK_ASSET_SITE, "福海工业区 B栋 二楼", "厂房办公区装修 480㎡", NULL },
  { "何丽萍", "13688776655", "深圳市龙华区观澜街道 观澜湖 御峰 2栋", FALSE, NULL,
    DESK_ASSET_SITE, "观澜湖 御峰 2栋", "别墅 全包装修 320㎡", "2026-07-15" },
  { "罗志伟", "13570001234", "深圳市坪山区坑梓街道 金地朗悦 4栋901室", FALSE, NULL,
    DESK_ASSET_SITE, "金地朗悦 4栋901室", "两室两厅 半包 79㎡", NULL },
  { "梁雪梅", "15920304050", "深圳市南山区南头街道 南山村 12号", FALSE, NULL,
    DESK_ASSET_DEVICE, "净水设备 RO-600G", "南山村 12号 一楼", NULL },
  { "宋建平", "13602030405", "深圳市福田区莲花街道 景田小区 31栋", TRUE, NULL,
    DESK_ASSET_VEHICLE, "粤B·88L02", "商务车 黑色", NULL },
  { "谢婉婷", "18811223344", "深圳市罗湖区黄贝街道 碧波花园 2栋1603室", FALSE, NULL,
    DESK_ASSET_SITE, "碧波花园 2栋1603室", "卫生间防水翻新", "2026-11-16" },
  { "唐永刚", "13543219876", "深圳市龙岗区龙城街道 中海康城 9栋", FALSE, NULL,
    DESK_ASSET_SITE, "中海康城 9栋 2单元 1701室", "全包装修 135㎡", NULL },
  { "韩静", "13714725836", "深圳市宝安区石岩街道 宏发君域 3栋", FALSE, NULL,
    DESK_ASSET_SITE, "宏发君域 3栋 802室", "全屋定制", "2026-09-30" },
  { "Emily Zhou 周", "13900001111", "深圳市南山区招商街道 半山海景 A座2101室", FALSE,
    "外籍家庭，可用英文沟通", DESK_ASSET_SITE, "半山海景 A座2101室", "全包装修 188㎡", NULL },
  { "曹德华", "13829384756", "深圳市光明区公明街道 光明里 1栋", FALSE, NULL,
    DESK_ASSET_DEVICE, "电梯 曳引机 TK-1000", "光明里 1栋 电梯井", NULL },
};

static gint64
find_department_id (GPtrArray  *stored,
                    const char *code)
{
  if (code == NULL)
    return 0;

  for (guint i = 0; i < stored->len; i++)
    {
      DeskDepartment *dept = g_ptr_array_index (stored, i);

      if (g_strcmp0 (desk_department_get_code (dept), code) == 0)
        return desk_department_get_id (dept);
    }

  g_return_val_if_reached (0);
}

/* The demo office's procedures, written for it (data/procedures/), together
 * using every construct of our procedure format. */
static const char *demo_procedures[] = {
  "CS-SOP-001.xml",
  "RP-SOP-002.xml",
  "CB-SOP-003.xml",
};

static gboolean
add_procedures (DeskDatabase  *db,
                gint64         now,
                GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_procedures); i++)
    {
      g_autoptr(GBytes) bytes = desk_procedure_get_builtin (demo_procedures[i]);
      g_autoptr(DeskProcedure) procedure = NULL;

      g_assert (bytes != NULL);
      procedure = desk_procedure_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                            demo_procedures[i], NULL, error);
      if (procedure == NULL ||
          desk_procedure_store_add (db, procedure, demo_procedures[i], now, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
populate (DeskDatabase  *db,
          GError       **error)
{
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);

  if (!desk_office_store_set_setting (db, DESK_SETTING_ORGANISATION_NAME, organisation, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      DeskDepartment *dept = desk_office_store_add_department (db, departments[i].code,
                                                               departments[i].name, error);
      if (dept == NULL)
        return FALSE;
      g_ptr_array_add (stored, dept);
    }

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autoptr(DeskStaff) person = NULL;

      person = desk_office_store_add_staff (db, staff[i].code, staff[i].name, staff[i].role,
                                            find_department_id (stored, staff[i].department),
                                            staff[i].phone, error);
      if (person == NULL)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      DeskCustomerFields fields = {
        .name = customers[i].name,
        .phone = customers[i].phone,
        .address = customers[i].address,
        .notes = customers[i].notes,
        .no_callbacks = customers[i].no_callbacks,
      };
      gint64 id = desk_customer_store_add (db, &fields, error);

      if (id == 0)
        return FALSE;

      if (desk_customer_store_add_asset (db, id, customers[i].kind, customers[i].asset,
                                         customers[i].detail, customers[i].handover,
                                         error) == 0)
        return FALSE;
    }

  return TRUE;
}

/* What the QA inspector asks for, by the first character of the problem
 * found (the generator's rooms and faults); the demo's own words. */
static const char * const rectifications[] = {
  "拆除并重做不合格部位，按施工规范完成后做闭水试验，报质检部验收。",
  "三日内派人上门检查原因，修复损坏部位，恢复原状，清理现场。",
  "更换不合格材料，提供材料合格证明，完成后由客户和质检部共同验收。",
  "重新检测线路和管道，排除隐患，出具检测记录，整改结果书面回复。",
};

static const char * const subcontractors[] = {
  "宏达水电安装工程有限公司（分包）项目经理 陈志强",
  "鑫城防水工程队（分包）负责人 刘海",
};

/* Every complaint that reached "rectifying" got a notice from the QA
 * inspector the day after it came in; rectified and verified as its
 * status says.  Some recent ones are still open, a few past their
 * deadline, so the notices list has something in each view. */
static gboolean
add_notices (DeskDatabase  *db,
             GError       **error)
{
  g_autoptr(DeskStaff) inspector = desk_office_store_find_staff (db, "S007", error);
  g_autoptr(GPtrArray) tickets = NULL;
  DeskTicketQuery query = { .queue = DESK_QUEUE_ALL, .sort = DESK_SORT_RECEIVED };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint issued = 0;

  if (inspector == NULL)
    return FALSE;

  tickets = desk_ticket_query_page (db, &query, NULL, 0, DEMO_TICKETS, error);
  if (tickets == NULL)
    return FALSE;

  for (guint i = 0; i < tickets->len; i++)
    {
      const DeskTicketData *t = desk_ticket_get_data (tickets->pdata[i]);
      g_autoptr(DeskNotice) notice = NULL;
      g_autoptr(GDateTime) issued_at = NULL;
      g_autoptr(GDateTime) due_at = NULL;
      g_autofree char *due = NULL;
      g_autofree char *problem = NULL;
      DeskNoticeDraft draft = { .ticket_id = t->id };

      if (t->kind != DESK_TICKET_COMPLAINT ||
          (t->status != DESK_STATUS_RECTIFYING && t->status != DESK_STATUS_VERIFYING &&
           t->status != DESK_STATUS_CLOSED))
        continue;

      issued_at = g_date_time_new_from_unix_local (MIN (t->received_at + 20 * 3600, now));
      due_at = g_date_time_add_days (issued_at, 3 + issued % 5);
      due = g_date_time_format (due_at, "%Y-%m-%d");
      problem = g_strdup_printf ("%s。%s", t->summary, t->description ? t->description : "");

      draft.recipient = issued % 4 == 3 ? subcontractors[issued % 2]
                                        : t->department_name ? t->department_name : "工程部";
      draft.recipient_department_id = issued % 4 == 3 ? 0 : t->department_id;
      draft.problem = problem;
      draft.rectification = rectifications[issued % G_N_ELEMENTS (rectifications)];
      draft.due_date = due;
      draft.issued_at = g_date_time_to_unix (issued_at);

      notice = desk_notice_store_issue (db, &draft, desk_staff_get_id (inspector), error);
      if (notice == NULL)
        return FALSE;
      issued++;

      if (t->status == DESK_STATUS_RECTIFYING)
        continue;
      if (!desk_notice_store_set_rectified (db, desk_notice_get_id (notice),
                                            MIN (g_date_time_to_unix (due_at) - 4 * 3600, now),
                                            draft.recipient_department_id ? NULL : draft.recipient,
                                            desk_staff_get_id (inspector), error))
        return FALSE;
      if (t->status == DESK_STATUS_CLOSED &&
          !desk_notice_store_set_verified (db, desk_notice_get_id (notice),
                                           MIN (g_date_time_to_unix (due_at) + 20 * 3600, now), NULL,
                                           desk_staff_get_id (inspector), error))
        return FALSE;
    }

  return TRUE;
}

/* Two weeks of calls made (every outcome), some never made (missed), a
 * few cancelled, and two weeks planned ahead, with a campaign: a month of
 * callbacks around @now. */
static gboolean
add_callbacks (DeskDatabase  *db,
               gint64         now,
               GError       **error)
{
  DeskWorkCalendar *calendar = desk_calendar_store_get_office_calendar (db);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autoptr(GTimeZone) tz = g_time_zone_ref (desk_work_calendar_get_timezone (calendar));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) today = g_date_time_to_timezone (utc, tz);
  const char *questions[] = { "attitude", "quality", "timeliness", "overall" };
  DeskCampaign campaign = {
    .name = "翠湖花园 交房回访",
    .site = "花园",
    .minutes_each = 15,
  };

  for (int back = 14; back >= 1; back--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, -back);
      g_autoptr(GDateTime) morning = g_date_time_new (tz, g_date_time_get_year (day),
                                                      g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day), 8, 0, 0);
      gint64 start = g_date_time_to_unix (morning);
      g_autoptr(GPtrArray) planned = NULL;

      if (!desk_callback_store_plan (db, start, 1, NULL, error))
        return FALSE;
      planned = desk_callback_store_list (db, start, start + 16 * 3600, NULL, 0, error);
      if (planned == NULL)
        return FALSE;

      for (guint i = 0; i < planned->len; i++)
        {
          DeskCallback *b = planned->pdata[i];
          DeskCallbackAnswer answers[G_N_ELEMENTS (questions)];
          DeskCallbackOutcome outcome = { 0 };
          guint roll = g_rand_int_range (rand, 0, 100);
          gint64 made_at = b->planned_at + g_rand_int_range (rand, 0, 40) * 60;

          if (b->state != DESK_CALLBACK_PLANNED || roll >= 92)
            continue; /* never made: missed once the next day is planned */
          if (roll >= 88)
            {
              if (!desk_callback_store_cancel (db, b->id, error))
                return FALSE;
              continue;
            }

          if (roll < 62)
            {
              outcome.result = DESK_CALL_CONVENIENT;
              for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
                {
                  guint r = g_rand_int_range (rand, 0, 100);

                  answers[q].question = questions[q];
                  answers[q].rating = r < 72 ? DESK_RATING_SATISFIED
                                      : r < 97 ? DESK_RATING_AVERAGE : DESK_RATING_UNSATISFIED;
                  answers[q].text = answers[q].rating == DESK_RATING_UNSATISFIED ? "师傅还没来处理" : NULL;
                }
              outcome.answers = answers;
              outcome.n_answers = G_N_ELEMENTS (questions);
            }
          else if (roll < 76)
            outcome.result = DESK_CALL_NO_ANSWER;
          else
            {
              outcome.result = DESK_CALL_NOT_CONVENIENT;
              outcome.call_again_at = desk_callback_suggest_time (calendar, made_at + 3 * 3600);
              outcome.note = "客户在开会，约下午再打";
            }

          if (!desk_callback_store_record_outcome (db, b->id, &outcome, b->assignee_id, made_at, NULL, error))
            return FALSE;
        }
    }

  /* Today and the next two weeks' working days; a campaign by hand. */
  if (!desk_callback_store_plan (db, now, 10, NULL, error) ||
      desk_callback_store_add_campaign (db, &campaign, now, error) < 0)
    return FALSE;

  return TRUE;
}

gboolean
desk_demo_populate (DeskDatabase  *db,
                    gboolean       replace,
                    GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  /* Replacing a big office: its rows go in parts first, so that the desks
   * still working in it can save meanwhile; what they wrote goes with the
   * short clear below, in the demo's own transaction. */
  if (replace && !desk_database_clear_in_parts (db, error))
    return FALSE;

  if (!desk_database_begin (db, error))
    return FALSE;

  if (replace)
    {
      if (!desk_database_clear (db, error))
        goto failed;
    }
  else if (!desk_office_store_is_empty (db, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT,
                     _("%s already holds an office; use --force to replace it with the demo"),
                     desk_database_get_path (db));
      goto failed;
    }

  /* A few hundred tickets in every state over the past year, some
   * repeats, some overdue: the same ones every time. */
  if (!populate (db, error) ||
      !add_procedures (db, g_get_real_time () / G_USEC_PER_SEC, error) ||
      !desk_generator_add_tickets (db, DEMO_TICKETS, 20261128, g_get_real_time () / G_USEC_PER_SEC,
                                   NULL, NULL, error) ||
      !add_notices (db, error) ||
      !add_callbacks (db, g_get_real_time () / G_USEC_PER_SEC, error))
    goto failed;

  return desk_database_commit (db, error);

failed:
  desk_database_rollback (db);
  return FALSE;
}
