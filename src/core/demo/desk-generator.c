/* desk-generator.c
 *
 * Synthetic tickets: desk_generator_add_tickets() invents customers and
 * tickets of every kind and state over the past year, the same for the same
 * seed, inserts them in parts through desk_ticket_store_insert_bulk() and
 * then sets their deadlines.  Used by the demo, the generate command and
 * the benchmarks.
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-generator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-bulk-parts.h"
#include "desk-category-store.h"
#include "desk-customer-store.h"
#include "desk-deadline-store.h"
#include "desk-generator.h"
#include "desk-office-store.h"
#include "desk-ticket-store.h"

/* The most tickets in one transaction (a part is sized by its time). */
#define BATCH 4000
#define TICKETS_PER_CUSTOMER 4
#define DAY (24 * 3600)

/* Everything below is invented for test offices. */
static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
};
static const char *given[] = {
  "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
  "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓东", "海燕", "国庆",
  "雪梅", "文斌", "丽华", "建国", "婷婷", "子涵", "浩然", "欣怡", "宇航", "思远", "佳怡",
};
static const char *districts[] = {
  "南山区", "福田区", "罗湖区", "宝安区", "龙岗区", "龙华区", "坪山区", "光明区", "盐田区",
};
static const char *estates[] = {
  "翠湖花园", "香榭里", "万科城", "碧海花园", "海月花园", "水榭春天", "中海康城", "丽山花园",
  "金地朗悦", "信义假日名城", "宏发君域", "半山海景", "观澜湖御峰", "桃源居", "星河丹堤",
  "华润城", "招商海上世界", "卓越维港", "龙光玖龙台", "佳兆业城市广场",
};
static const char *rooms[] = { "卫生间", "厨房", "客厅", "主卧", "次卧", "阳台", "书房", "餐厅", "玄关" };
static const char *problems[] = {
  "墙面开裂", "漏水", "地砖空鼓", "吊顶变形", "墙漆起皮", "木地板起拱", "插座不通电", "灯具不亮",
  "下水道堵塞", "门窗关不严", "橱柜门变形", "防水层渗水", "瓷砖色差", "踢脚线脱落", "开关接触不良",
  "水管异响", "窗台渗水", "石膏线开裂", "马桶漏水", "淋浴房玻璃松动",
};
static const char *causes[] = {
  "客户来电反映", "业主到店反映", "物业转来投诉", "回访时客户提出", "客户微信留言",
};
static const char *wishes[] = {
  "要求尽快上门处理", "要求给出书面整改方案", "要求更换材料", "要求赔偿误工费",
  "希望周末上门", "要求项目经理到场说明", "对处理进度不满意", "要求退还部分款项",
};
static const char *devices[] = {
  "空调不制冷", "热水器打不着火", "净水器漏水", "油烟机噪音大", "电梯异响", "新风机不启动",
  "地暖不热", "智能门锁失灵",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
invent_name (GRand *rand)
{
  return g_strconcat (PICK (rand, surnames), PICK (rand, given), NULL);
}

static gint64
add_customer (DeskDatabase  *db,
              GRand         *rand,
              gint64        *asset_id,
              GError       **error)
{
  g_autofree char *name = invent_name (rand);
  g_autofree char *phone = g_strdup_printf ("1%d%d%08d", g_rand_int_range (rand, 3, 10),
                                            g_rand_int_range (rand, 0, 10),
                                            g_rand_int_range (rand, 0, 100000000));
  const char *estate = PICK (rand, estates);
  g_autofree char *unit = g_strdup_printf ("%s %d栋%d%02d室", estate, g_rand_int_range (rand, 1, 40),
                                           g_rand_int_range (rand, 1, 33), g_rand_int_range (rand, 1, 9));
  g_autofree char *address = g_strdup_printf ("深圳市%s %s", PICK (rand, districts), unit);
  DeskCustomerFields fields = {
    .name = name,
    .phone = phone,
    .address = address,
    .no_callbacks = g_rand_int_range (rand, 0, 20) == 0,
  };
  gint64 id = desk_customer_store_add (db, &fields, error);

  if (id == 0)
    return 0;

  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      g_autofree char *plate = g_strdup_printf ("粤B·%c%04d%c", 'A' + g_rand_int_range (rand, 0, 26),
                                                g_rand_int_range (rand, 0, 10000),
                                                'A' + g_rand_int_range (rand, 0, 26));
      *asset_id = desk_customer_store_add_asset (db, id, DESK_ASSET_VEHICLE, plate, NULL, NULL, error);
    }
  else
    *asset_id = desk_customer_store_add_asset (db, id, DESK_ASSET_SITE, unit, NULL,
                                               g_rand_boolean (rand) ? "2026-06-30" : NULL, error);

  return *asset_id > 0 ? id : 0;
}

typedef struct
{
  GPtrArray *departments;
  GPtrArray *staff;
  GPtrArray *categories;
  GArray    *customers; /* ids; assets[i] belongs to customers[i] */
  GArray    *assets;
} Office;

static void
office_clear (Office *o)
{
  g_clear_pointer (&o->departments, g_ptr_array_unref);
  g_clear_pointer (&o->staff, g_ptr_array_unref);
  g_clear_pointer (&o->categories, g_ptr_array_unref);
  g_clear_pointer (&o->customers, g_array_unref);
  g_clear_pointer (&o->assets, g_array_unref);
}

static DeskStaff *
owner_in (Office *o,
          GRand  *rand,
          gint64  department_id)
{
  guint start = g_rand_int_range (rand, 0, o->staff->len);

  for (guint i = 0; i < o->staff->len; i++)
    {
      DeskStaff *s = g_ptr_array_index (o->staff, (start + i) % o->staff->len);

      if (desk_staff_get_department_id (s) == department_id)
        return s;
    }

  return NULL;
}

/* A ticket's final state follows its age: last week's are spread over the
 * whole workflow, older ones are mostly closed. */
static DeskTicketStatus
pick_status (GRand          *rand,
             DeskTicketKind  kind,
             gint64          age)
{
  static const DeskTicketStatus complaint[] = {
    DESK_STATUS_RECEIVED, DESK_STATUS_FORWARDED, DESK_STATUS_CONTACTED, DESK_STATUS_IN_PROGRESS,
    DESK_STATUS_RECTIFYING, DESK_STATUS_VERIFYING,
  };
  static const DeskTicketStatus order[] = {
    DESK_STATUS_RECEIVED, DESK_STATUS_DISPATCHED, DESK_STATUS_IN_PROGRESS, DESK_STATUS_VERIFYING,
  };
  int closed_percent = age < 7 * DAY ? 20 : age < 30 * DAY ? 70 : 95;

  if (g_rand_int_range (rand, 0, 100) < closed_percent)
    return DESK_STATUS_CLOSED;

  return kind == DESK_TICKET_COMPLAINT ? PICK (rand, complaint) : PICK (rand, order);
}

static gboolean
add_batch (DeskDatabase  *db,
           Office        *o,
           GRand         *rand,
           guint          n,
           gint64         now,
           GError       **error)
{
  g_autofree DeskTicketDraft *drafts = g_new0 (DeskTicketDraft, n);
  g_autofree DeskTicketStatus *statuses = g_new0 (DeskTicketStatus, n);
  g_autofree gint64 *closed = g_new0 (gint64, n);
  g_autofree int *repeats = g_new0 (int, n);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  if (!desk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      DeskTicketDraft *d = &drafts[i];
      DeskCategory *category = g_ptr_array_index (o->categories,
                                                  g_rand_int_range (rand, 0, o->categories->len));
      DeskDepartment *dept = g_ptr_array_index (o->departments,
                                                g_rand_int_range (rand, 0, o->departments->len));
      DeskStaff *owner;
      gint64 age;
      int kind_roll = g_rand_int_range (rand, 0, 10);
      guint c;
      char *summary;

      /* Reuse customers: people call again. */
      if (o->customers->len == 0 || g_rand_int_range (rand, 0, TICKETS_PER_CUSTOMER) == 0)
        {
          gint64 asset = 0;
          gint64 customer = add_customer (db, rand, &asset, error);

          if (customer == 0)
            goto failed;
          g_array_append_val (o->customers, customer);
          g_array_append_val (o->assets, asset);
        }
      c = g_rand_int_range (rand, 0, o->customers->len);

      d->kind = kind_roll < 6 ? DESK_TICKET_COMPLAINT : kind_roll < 9 ? DESK_TICKET_REPAIR : DESK_TICKET_MAINTENANCE;
      d->on_site = d->kind == DESK_TICKET_REPAIR && g_rand_boolean (rand);
      d->customer_id = g_array_index (o->customers, gint64, c);
      d->asset_id = g_array_index (o->assets, gint64, c);
      d->category_id = category->id;
      d->severity = g_rand_int_range (rand, 0, 10) < 6 ? DESK_SEVERITY_NORMAL : g_rand_int_range (rand, 0, 4);
      d->major = d->kind == DESK_TICKET_COMPLAINT && g_rand_int_range (rand, 0, 30) == 0;
      d->channel = g_rand_int_range (rand, 0, 10) < 7 ? DESK_CHANNEL_PHONE : g_rand_int_range (rand, 0, 6);

      /* More recent tickets are more numerous: the office is growing. */
      age = (gint64)(365.0 * DAY * g_rand_double (rand) * g_rand_double (rand));
      d->received_at = now - age;

      if (d->kind == DESK_TICKET_MAINTENANCE)
        summary = g_strdup_printf ("%s定期保养", g_rand_boolean (rand) ? "空调" : "水电");
      else if (g_rand_int_range (rand, 0, 5) == 0)
        summary = g_strdup (PICK (rand, devices));
      else
        summary = g_strdup_printf ("%s%s", PICK (rand, rooms), PICK (rand, problems));
      g_ptr_array_add (texts, summary);
      d->summary = summary;
      g_ptr_array_add (texts, g_strdup_printf ("%s：%s，%s。%s", PICK (rand, causes), summary,
                                               PICK (rand, wishes),
                                               category->name_zh));
      d->description = g_ptr_array_index (texts, texts->len - 1);

      statuses[i] = pick_status (rand, d->kind, age);
      if (statuses[i] != DESK_STATUS_RECEIVED)
        {
          d->department_id = desk_department_get_id (dept);
          owner = owner_in (o, rand, d->department_id);
          d->owner_id = owner && g_rand_int_range (rand, 0, 10) ? desk_staff_get_id (owner) : 0;
        }
      if (statuses[i] == DESK_STATUS_CLOSED)
        closed[i] = MIN (now, d->received_at + g_rand_int_range (rand, 3600, 20 * DAY));

      repeats[i] = 1;
      if (d->kind == DESK_TICKET_COMPLAINT && g_rand_int_range (rand, 0, 12) == 0)
        repeats[i] = g_rand_int_range (rand, 2, 4);
    }

  if (!desk_ticket_store_insert_bulk (db, drafts, statuses, closed, repeats, n, error))
    goto failed;

  return desk_database_commit (db, error);

failed:
  desk_database_rollback (db);
  return FALSE;
}

gboolean
desk_generator_add_tickets (DeskDatabase           *db,
                            guint64                 n,
                            guint32                 seed,
                            gint64                  now,
                            DeskGeneratorProgress   progress,
                            gpointer                user_data,
                            GError                **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Office o = { 0 };
  DeskBulkParts parts;
  guint64 done = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (DESK_IS_DATABASE (db), FALSE);

  o.departments = desk_office_store_list_departments (db, error);
  o.staff = o.departments ? desk_office_store_list_staff (db, error) : NULL;
  o.categories = o.staff ? desk_category_store_list (db, error) : NULL;
  if (o.categories == NULL)
    goto out;

  if (o.departments->len == 0 || o.staff->len == 0 || o.categories->len == 0)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND,
                   _("The office has no departments or staff yet; run the demo command first"));
      goto out;
    }

  /* The office's own customers call too. */
  o.customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  o.assets = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!desk_customer_store_list_ids (db, o.customers, o.assets, error))
    goto out;

  /* In parts of about DESK_BULK_PART_MS each, so that the desks working
   * in the office meanwhile can save between them. */
  desk_bulk_parts_init (&parts, 200, 20, BATCH);
  while (done < n)
    {
      guint batch = (guint)MIN (n - done, parts.size);

      desk_bulk_parts_begin (&parts);
      if (!add_batch (db, &o, rand, batch, now, error))
        goto out;
      desk_bulk_parts_end (&parts, batch);
      done += batch;
      if (progress != NULL)
        progress (done, n, user_data);
    }

  /* Their deadlines, from the office's rules. */
  ok = desk_deadline_store_refresh_all (db, now, NULL, error);

out:
  office_clear (&o);
  return ok;
}
