/* test-procedures.c
 *
 * Copyright 2026 The Service Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core-test.h"

#include <string.h>

#include <glib/gstdio.h>

#include "desk-checklist-store.h"
#include "desk-demo.h"
#include "desk-office-store.h"
#include "desk-procedure-io.h"
#include "desk-procedure-store.h"
#include "desk-ticket-store.h"

/* Procedures: the format and its schema, the safe reader against hostile
 * files, round trips, encodings, DITA and DocBook, revisions and search. */

static const char *demo[] = { "CS-SOP-001.xml", "RP-SOP-002.xml", "CB-SOP-003.xml" };

typedef struct
{
  char         *dir;
  char         *path;
  DeskDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = desk_test_make_dir ("desk-procedures");
  f->db = desk_test_open_office (f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  desk_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GBytes *
demo_bytes (const char *name)
{
  GBytes *bytes = desk_procedure_get_builtin (name);

  g_assert_nonnull (bytes);
  return bytes;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static DeskProcedure *
load_fixture (const char          *name,
              DeskProcedureFormat *format)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  DeskProcedure *p = desk_procedure_load_file (path, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static int
count_procedures (DeskDatabase *db)
{
  g_autoptr(GPtrArray) list = desk_procedure_store_list (db, NULL, NULL);

  g_assert_nonnull (list);
  return list->len;
}

/* An error message that points into the file: NAME:LINE:COLUMN: what. */
static void
assert_located (const GError *error,
                const char   *path)
{
  g_autofree char *prefix = g_strconcat (path, ":", NULL);
  const char *rest;
  char *end;
  long line, column;

  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  rest = error->message + strlen (prefix);
  line = strtol (rest, &end, 10);
  g_assert_cmpint (line, >=, 1);
  g_assert_cmpint (*end, ==, ':');
  column = strtol (end + 1, &end, 10);
  g_assert_cmpint (column, >=, 1);
  g_assert_true (g_str_has_prefix (end, ": "));
}

static void
test_schema_demo (void)
{
  g_autoptr(GBytes) schema = desk_procedure_get_schema ();

  g_assert_nonnull (schema);
  g_assert_nonnull (strstr (g_bytes_get_data (schema, NULL), "urn:service-desk:procedure:1"));

  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_autoptr(GBytes) bytes = demo_bytes (demo[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProcedure) p = NULL;
      DeskProcedureFormat format = DESK_PROCEDURE_FORMAT_DITA;

      p = desk_procedure_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    demo[i], &format, &error);
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, DESK_PROCEDURE_FORMAT_NATIVE);
      g_assert_nonnull (p->title);
    }
}

static void
test_schema_invalid (Fixture       *f,
                     gconstpointer  data)
{
  const struct {
    const char *name;
    const char *xml;
    int         code;
    int         line;
  } cases[] = {
    { "unknown-element.xml",
      "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='X'>\n<title>t</title>\n<body>\n<bogus/>\n</body>\n</procedure>",
      DESK_PROCEDURE_ERROR_INVALID, 4 },
    { "bad-level.xml",
      "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='X'>\n<title>t</title>\n<body>\n<hazard level='mild'/>\n</body>\n</procedure>",
      DESK_PROCEDURE_ERROR_INVALID, 4 },
    { "bad-rule.xml",
      "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='X'>\n<title>t</title>\n<rules>\n<rule id='r' name='n' starts='received' action='forward' role='clerk' limit='-3' unit='minutes'/>\n</rules>\n</procedure>",
      DESK_PROCEDURE_ERROR_INVALID, 4 },
    { "no-title.xml",
      "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='X'>\n<body/>\n</procedure>",
      DESK_PROCEDURE_ERROR_INVALID, 2 },
    { "wrong-version.xml",
      "<procedure xmlns='urn:service-desk:procedure:1' version='2' code='X'>\n<title>t</title>\n</procedure>",
      DESK_PROCEDURE_ERROR_INVALID, 1 },
    { "malformed.xml",
      "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='X'>\n<title>t</title>\n<body>\n</procedure>",
      DESK_PROCEDURE_ERROR_MALFORMED, 4 },
    { "not-a-procedure.xml", "<html><body/></html>", DESK_PROCEDURE_ERROR_UNSUPPORTED, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (f->dir, cases[i].name, cases[i].xml);
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      int revision;

      revision = desk_procedure_store_import_file (f->db, path, NULL, &error);
      g_test_message ("%s", error ? error->message : "(no error)");
      g_assert_cmpint (revision, ==, 0);
      g_assert_error (error, DESK_PROCEDURE_ERROR, cases[i].code);
      assert_located (error, path);
      line = g_strdup_printf ("%s:%d:", path, cases[i].line);
      g_assert_true (g_str_has_prefix (error->message, line));
    }
  g_assert_cmpint (count_procedures (f->db), ==, 0);
}

/* export -> import -> export gives the same bytes; the demo files are
 * canonical already, so the first export equals the file itself. */
static void
test_round_trip_bytes (void)
{
  const char *fixtures[] = { "dita-task.dita", "dita-troubleshooting.dita", "docbook-procedure.xml",
                             "gb18030.xml", "gbk.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_autoptr(GBytes) bytes = demo_bytes (demo[i]);
      g_autoptr(DeskProcedure) p = desk_procedure_load_data (g_bytes_get_data (bytes, NULL),
                                                             g_bytes_get_size (bytes), demo[i], NULL, NULL);
      g_autoptr(GBytes) exported = desk_procedure_to_xml (p, DESK_PROCEDURE_FORMAT_NATIVE);

      g_assert_true (g_bytes_equal (bytes, exported));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(DeskProcedure) p = load_fixture (fixtures[i], NULL);
      g_autoptr(GBytes) first = desk_procedure_to_xml (p, DESK_PROCEDURE_FORMAT_NATIVE);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProcedure) again = desk_procedure_load_data (g_bytes_get_data (first, NULL),
                                                                 g_bytes_get_size (first), "first", NULL, &error);
      g_autoptr(GBytes) second = NULL;

      g_assert_no_error (error);
      second = desk_procedure_to_xml (again, DESK_PROCEDURE_FORMAT_NATIVE);
      g_assert_true (g_bytes_equal (first, second));
    }
}

/* import -> export -> import stores the same procedure. */
static void
test_round_trip_store (Fixture       *f,
                       gconstpointer  data)
{
  const char *sources[] = { "dita-task.dita", "docbook-procedure.xml", "gb18030.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *source = fixture_path (sources[i]);
      g_autofree char *exported = g_build_filename (f->dir, "exported.xml", NULL);
      g_autofree char *code = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskProcedure) p = NULL;
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;

      g_assert_cmpint (desk_procedure_store_import_file (f->db, source, &code, &error), ==, 1);
      g_assert_no_error (error);
      p = desk_procedure_store_load (f->db, code, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (desk_procedure_save (p, DESK_PROCEDURE_FORMAT_NATIVE, exported, &error));
      g_assert_cmpint (desk_procedure_store_import_file (f->db, exported, NULL, &error), ==, 2);
      first = desk_procedure_store_get_document (f->db, code, 1, &error);
      second = desk_procedure_store_get_document (f->db, code, 2, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (first, second));
    }
}

typedef struct
{
  const char *name;
  void      (*make) (const char *path);
  int         code;
} Hostile;

static void
make_bomb (const char *path)
{
  g_autoptr(GString) s = g_string_new ("<?xml version='1.0'?>\n<!DOCTYPE procedure [\n<!ENTITY a0 'lol'>\n");

  for (int i = 1; i < 10; i++)
    g_string_append_printf (s, "<!ENTITY a%d '&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;'>\n",
                            i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (s, "]>\n<procedure xmlns='urn:service-desk:procedure:1' version='1' code='B'><title>&a9;</title></procedure>\n");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
}

static void
make_external_entity (const char *path)
{
  const char *xml =
    "<?xml version='1.0'?>\n<!DOCTYPE task [ <!ENTITY secret SYSTEM 'file:///etc/passwd'> ]>\n"
    "<task id='X'><title>&secret;</title></task>\n";
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
}

static void
make_parameter_entity (const char *path)
{
  const char *xml =
    "<?xml version='1.0'?>\n<!DOCTYPE task [ <!ENTITY % remote SYSTEM 'file:///etc/passwd'> %remote; ]>\n"
    "<task id='X'><title>t</title></task>\n";
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
}

static void
make_external_dtd (const char *path)
{
  const char *xml =
    "<?xml version='1.0'?>\n<!DOCTYPE procedure SYSTEM 'file:///etc/passwd'>\n"
    "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='X'><title>t</title></procedure>\n";
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
}

/* A DITA file may name its DTD; one that defines an entity it then uses
 * is refused, because the DTD is never loaded. */
static void
make_external_dtd_entity (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dtd = g_build_filename (dir, "evil.dtd", NULL);
  g_autofree char *xml = g_strdup_printf ("<?xml version='1.0'?>\n<!DOCTYPE task SYSTEM '%s'>\n"
                                          "<task id='X'><title>&evil;</title></task>\n", dtd);

  g_assert_true (g_file_set_contents (dtd, "<!ENTITY evil SYSTEM 'file:///etc/passwd'>", -1, NULL));
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
}

static void
make_deep (const char *path)
{
  g_autoptr(GString) s = g_string_new ("<procedure xmlns='urn:service-desk:procedure:1' version='1' code='D'><title>t</title><body>");

  for (int i = 0; i < 10000; i++)
    g_string_append (s, "<clause>");
  for (int i = 0; i < 10000; i++)
    g_string_append (s, "</clause>");
  g_string_append (s, "</body></procedure>");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
}

static void
make_text_node (const char *path,
                gsize       megabytes)
{
  FILE *file = g_fopen (path, "wb");
  g_autofree char *block = g_malloc (1024 * 1024);

  memset (block, 'x', 1024 * 1024);
  fputs ("<procedure xmlns='urn:service-desk:procedure:1' version='1' code='T'><title>", file);
  for (gsize i = 0; i < megabytes; i++)
    fwrite (block, 1, 1024 * 1024, file);
  fputs ("</title></procedure>", file);
  fclose (file);
}

static void
make_text_100mb (const char *path)
{
  make_text_node (path, 100);
}

/* Under the file size limit, so that libxml2's own text node limit
 * (10,000,000 bytes without XML_PARSE_HUGE) is what refuses it. */
static void
make_text_20mb (const char *path)
{
  make_text_node (path, 20);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  const Hostile cases[] = {
    { "entity-bomb.xml", make_bomb, DESK_PROCEDURE_ERROR_HOSTILE },
    { "external-entity.dita", make_external_entity, DESK_PROCEDURE_ERROR_HOSTILE },
    { "parameter-entity.dita", make_parameter_entity, DESK_PROCEDURE_ERROR_HOSTILE },
    { "external-dtd.xml", make_external_dtd, DESK_PROCEDURE_ERROR_HOSTILE },
    { "external-dtd-entity.dita", make_external_dtd_entity, DESK_PROCEDURE_ERROR_MALFORMED },
    { "deep.xml", make_deep, DESK_PROCEDURE_ERROR_MALFORMED },
    { "text-100mb.xml", make_text_100mb, DESK_PROCEDURE_ERROR_HOSTILE },
    { "text-20mb.xml", make_text_20mb, DESK_PROCEDURE_ERROR_HOSTILE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = NULL;
      int revision;

      cases[i].make (path);
      timer = g_timer_new ();
      revision = desk_procedure_store_import_file (f->db, path, NULL, &error);
      /* A note of the time, not an assertion. */
      g_test_message ("%s refused in %.1f ms: %s", cases[i].name,
                      g_timer_elapsed (timer, NULL) * 1000, error ? error->message : "(accepted!)");
      g_assert_cmpint (revision, ==, 0);
      g_assert_error (error, DESK_PROCEDURE_ERROR, cases[i].code);
      assert_located (error, path);
      /* Nothing of /etc/passwd made it into the message. */
      g_assert_null (strstr (error->message, "root:"));
      g_remove (path);
    }
  g_assert_cmpint (count_procedures (f->db), ==, 0);
}

static void
test_encodings (void)
{
  g_autoptr(DeskProcedure) gb18030 = load_fixture ("gb18030.xml", NULL);
  g_autoptr(DeskProcedure) gbk = load_fixture ("gbk.xml", NULL);
  DeskProcNode *clause, *para;

  g_assert_cmpstr (gb18030->title, ==, "国标编码的规程");
  clause = g_ptr_array_index (gb18030->body, 0);
  g_assert_cmpstr (clause->label, ==, "一、");
  para = g_ptr_array_index (clause->children, 0);
  /* U+20000 is four bytes in GB18030 and outside GBK. */
  g_assert_cmpstr (para->text, ==, "投诉处理须在三十分钟内转交。\xF0\xA0\x80\x80");
  g_assert_cmpstr (gbk->title, ==, "GBK编码的规程");
}

static DeskProcNode *
child_of (DeskProcNode *node,
          DeskProcKind  kind,
          guint         nth)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      DeskProcNode *c = g_ptr_array_index (node->children, i);

      if (c->kind == kind && nth-- == 0)
        return c;
    }
  return NULL;
}

static guint
count_kind (DeskProcNode *node,
            DeskProcKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < node->children->len; i++)
    n += ((DeskProcNode *)g_ptr_array_index (node->children, i))->kind == kind;
  return n;
}

static void
test_dita_task (void)
{
  DeskProcedureFormat format = DESK_PROCEDURE_FORMAT_NATIVE;
  g_autoptr(DeskProcedure) p = load_fixture ("dita-task.dita", &format);
  g_autoptr(GBytes) dita = NULL;
  DeskProcNode *flow, *part, *step, *choices, *hazard;
  const char *text;

  g_assert_cmpint (format, ==, DESK_PROCEDURE_FORMAT_DITA);
  g_assert_cmpstr (p->code, ==, "WT-DITA-01");
  g_assert_cmpstr (p->title, ==, "Replacing a leaking tap washer");
  g_assert_cmpstr (p->revised, ==, "2026-02-02");
  g_assert_cmpuint (p->signoffs->len, ==, 1);

  flow = g_ptr_array_index (p->body, 0);
  g_assert_cmpint (flow->kind, ==, DESK_PROC_FLOW);
  part = child_of (flow, DESK_PROC_PART, 0);
  g_assert_cmpstr (part->variant, ==, "prereq");
  part = child_of (flow, DESK_PROC_PART, 1);
  g_assert_cmpstr (part->variant, ==, "context");
  hazard = child_of (part, DESK_PROC_HAZARD, 0);
  g_assert_cmpint (hazard->level, ==, DESK_PROC_LEVEL_CAUTION);
  g_assert_cmpstr (hazard->title, ==, "Scalding water");
  g_assert_nonnull (child_of (part, DESK_PROC_FOREIGN, 0));
  g_assert_cmpstr (child_of (flow, DESK_PROC_PART, 2)->variant, ==, "result");
  g_assert_cmpstr (child_of (flow, DESK_PROC_PART, 3)->variant, ==, "postreq");
  g_assert_cmpuint (count_kind (flow, DESK_PROC_STEP_SECTION), ==, 2);
  g_assert_cmpuint (count_kind (flow, DESK_PROC_STEP), ==, 4);

  step = child_of (flow, DESK_PROC_STEP, 0);
  g_assert_cmpstr (step->text, ==, "Close the stop valve under the sink.");
  g_assert_cmpint (child_of (step, DESK_PROC_NOTE, 0)->level, ==, DESK_PROC_LEVEL_WARNING);
  g_assert_cmpstr (child_of (step, DESK_PROC_INFO, 0)->text, ==, "Turn it clockwise until it stops.");
  g_assert_nonnull (child_of (step, DESK_PROC_RESULT, 0));

  step = child_of (flow, DESK_PROC_STEP, 1);
  g_assert_cmpuint (count_kind (step, DESK_PROC_STEP), ==, 2);
  g_assert_true (child_of (step, DESK_PROC_STEP, 1)->optional);
  g_assert_nonnull (child_of (step, DESK_PROC_FOREIGN, 0));

  choices = child_of (child_of (flow, DESK_PROC_STEP, 2), DESK_PROC_CHOICES, 0);
  g_assert_cmpstr (choices->variant, ==, "table");
  g_assert_cmpstr (choices->title, ==, "Tap");
  g_assert_cmpuint (choices->children->len, ==, 2);
  g_assert_cmpstr (((DeskProcNode *)g_ptr_array_index (choices->children, 1))->text, ==, "12 mm fibre");

  step = child_of (flow, DESK_PROC_STEP, 3);
  g_assert_true (step->optional);
  g_assert_cmpuint (child_of (step, DESK_PROC_CHOICES, 0)->children->len, ==, 2);

  /* What had no place is exported again. */
  dita = desk_procedure_to_xml (p, DESK_PROCEDURE_FORMAT_DITA);
  text = g_bytes_get_data (dita, NULL);
  g_assert_nonnull (strstr (text, "<stepxmp>A photo of a dismantled tap.</stepxmp>"));
  g_assert_nonnull (strstr (text, "<entry>Kept as it is</entry>"));
  g_assert_nonnull (strstr (text, "<choptionhd>Tap</choptionhd>"));
  g_assert_nonnull (strstr (text, "<substep importance=\"optional\">"));

  /* And the exported task reads back into the same procedure. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskProcedure) again = desk_procedure_load_data (text, g_bytes_get_size (dita), "exported.dita",
                                                               NULL, &error);
    g_autoptr(GBytes) a = desk_procedure_to_xml (p, DESK_PROCEDURE_FORMAT_NATIVE);
    g_autoptr(GBytes) b = NULL;

    g_assert_no_error (error);
    b = desk_procedure_to_xml (again, DESK_PROCEDURE_FORMAT_NATIVE);
    g_assert_true (g_bytes_equal (a, b));
  }
}

static void
test_dita_troubleshooting (void)
{
  g_autoptr(DeskProcedure) p = load_fixture ("dita-troubleshooting.dita", NULL);
  DeskProcNode *condition, *solution;

  g_assert_cmpstr (p->code, ==, "WT-TRB-01");
  g_assert_cmpuint (p->body->len, ==, 3);
  condition = g_ptr_array_index (p->body, 0);
  g_assert_cmpint (condition->kind, ==, DESK_PROC_CLAUSE);
  g_assert_cmpstr (condition->title, ==, "现象");
  solution = g_ptr_array_index (p->body, 1);
  g_assert_cmpint (solution->kind, ==, DESK_PROC_FLOW);
  g_assert_cmpstr (solution->title, ==, "插座进水");
  g_assert_cmpstr (solution->role, ==, "维修工");
  g_assert_cmpuint (count_kind (solution, DESK_PROC_STEP), ==, 2);
}

static void
test_docbook (void)
{
  DeskProcedureFormat format = DESK_PROCEDURE_FORMAT_NATIVE;
  g_autoptr(DeskProcedure) p = load_fixture ("docbook-procedure.xml", &format);
  DeskProcNode *section, *flow, *step, *alternatives;

  g_assert_cmpint (format, ==, DESK_PROCEDURE_FORMAT_DOCBOOK);
  g_assert_cmpstr (p->code, ==, "DB-PROC-01");
  g_assert_cmpstr (p->title, ==, "配电箱检修");
  g_assert_cmpstr (p->edition, ==, "第一版");
  section = g_ptr_array_index (p->body, 0);
  g_assert_cmpstr (section->title, ==, "检修步骤");
  flow = g_ptr_array_index (section->children, 0);
  g_assert_cmpint (flow->kind, ==, DESK_PROC_FLOW);
  g_assert_cmpstr (flow->title, ==, "断电检修");
  g_assert_cmpint (child_of (child_of (flow, DESK_PROC_PART, 0), DESK_PROC_NOTE, 0)->level, ==,
                   DESK_PROC_LEVEL_WARNING);
  g_assert_cmpuint (count_kind (flow, DESK_PROC_STEP), ==, 3);
  step = child_of (flow, DESK_PROC_STEP, 0);
  g_assert_cmpstr (step->text, ==, "拉开总闸。");
  g_assert_nonnull (child_of (step, DESK_PROC_INFO, 0));
  step = child_of (flow, DESK_PROC_STEP, 1);
  g_assert_true (step->optional);
  g_assert_cmpuint (count_kind (step, DESK_PROC_STEP), ==, 2);
  step = child_of (flow, DESK_PROC_STEP, 2);
  alternatives = child_of (step, DESK_PROC_ALTERNATIVES, 0);
  g_assert_cmpuint (alternatives->children->len, ==, 2);
  g_assert_cmpint (child_of (step, DESK_PROC_NOTE, 0)->level, ==, DESK_PROC_LEVEL_CAUTION);
  g_assert_nonnull (strstr (child_of (step, DESK_PROC_FOREIGN, 0)->text, "switch.png"));
}

static void
test_rules (void)
{
  g_autoptr(GBytes) bytes = demo_bytes ("CS-SOP-001.xml");
  g_autoptr(DeskProcedure) p = desk_procedure_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                         "CS-SOP-001.xml", NULL, NULL);
  DeskProcRule *forward = g_ptr_array_index (p->rules, 0);
  DeskProcRule *contact = g_ptr_array_index (p->rules, 1);
  DeskProcRule *notice = g_ptr_array_index (p->rules, 2);

  g_assert_cmpuint (p->rules->len, ==, 4);
  g_assert_cmpstr (forward->rule.id, ==, "forward-30min");
  g_assert_cmpint (forward->rule.starts, ==, DESK_CLOCK_RECEIVED);
  g_assert_cmpint (forward->rule.action, ==, DESK_ACTION_FORWARD);
  g_assert_cmpint (forward->rule.role, ==, DESK_ROLE_CLERK);
  g_assert_cmpint (forward->rule.limit, ==, 30);
  g_assert_cmpint (forward->rule.unit, ==, DESK_LIMIT_MINUTES);
  g_assert_cmpuint (forward->rule.kinds, ==, 1u << DESK_TICKET_COMPLAINT);
  g_assert_true (forward->rule.escalate);
  g_assert_cmpint (forward->fine, ==, 50);
  g_assert_cmpint (contact->rule.escalate_to, ==, DESK_ROLE_BRANCH_GENERAL_MANAGER);
  g_assert_cmpint (notice->rule.unit, ==, DESK_LIMIT_DAYS);
  g_assert_true (notice->rule.working_time);
}

/* The rules become a policy the deadline engine evaluates as it is. */
static void
test_rules_as_policy (void)
{
  g_autoptr(GBytes) bytes = demo_bytes ("CS-SOP-001.xml");
  g_autoptr(DeskProcedure) p = desk_procedure_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                         "CS-SOP-001.xml", NULL, NULL);
  g_autoptr(DeskPolicy) policy = desk_procedure_make_policy (p, 1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) received = g_date_time_new (tz, 2026, 3, 10, 10, 0, 0);
  DeskWorkCalendar *calendar = desk_work_calendar_new_default ();
  DeskTicketFacts facts = { 0 };
  g_autoptr(GArray) deadlines = NULL;
  const DeskDeadline *forward = NULL;

  g_assert_nonnull (policy);
  g_assert_cmpuint (policy->rules->len, ==, 4);
  facts.kind = DESK_TICKET_COMPLAINT;
  facts.category = "service-attitude";
  facts.severity = DESK_SEVERITY_NORMAL;
  facts.received_at = g_date_time_to_unix (received);
  deadlines = desk_policy_evaluate (policy, calendar, &facts, facts.received_at + 60, 80);
  for (guint i = 0; i < deadlines->len; i++)
    if (g_str_equal (g_array_index (deadlines, DeskDeadline, i).rule->id, "forward-30min"))
      forward = &g_array_index (deadlines, DeskDeadline, i);
  g_assert_nonnull (forward);
  g_assert_cmpint (forward->due_at, ==, facts.received_at + 30 * 60);
  g_assert_cmpint (forward->state, ==, DESK_DEADLINE_PENDING);
  desk_work_calendar_unref (calendar);
}

static void
test_revisions (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DeskProcedure) old = NULL;
  g_autoptr(DeskProcedure) latest = NULL;
  int loaded = 0;

  path = write_file (f->dir, "v1.xml",
                     "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='REV-1'>"
                     "<title>First title</title><edition>1</edition></procedure>");
  g_assert_cmpint (desk_procedure_store_import_file (f->db, path, NULL, &error), ==, 1);
  g_free (path);
  path = write_file (f->dir, "v2.xml",
                     "<procedure xmlns='urn:service-desk:procedure:1' version='1' code='REV-1'>"
                     "<title>Second title</title><edition>2</edition></procedure>");
  g_assert_cmpint (desk_procedure_store_import_file (f->db, path, NULL, &error), ==, 2);
  g_assert_no_error (error);

  revisions = desk_procedure_store_revisions (f->db, "REV-1", &error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (((DeskProcedureRevision *)g_ptr_array_index (revisions, 0))->title, ==, "First title");
  g_assert_cmpstr (((DeskProcedureRevision *)g_ptr_array_index (revisions, 1))->source, ==, "v2.xml");

  old = desk_procedure_store_load (f->db, "REV-1", 1, &loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old->title, ==, "First title");
  g_assert_cmpint (loaded, ==, 1);
  latest = desk_procedure_store_load (f->db, "REV-1", 0, &loaded, &error);
  g_assert_cmpstr (latest->title, ==, "Second title");
  g_assert_cmpint (loaded, ==, 2);

  list = desk_procedure_store_list (f->db, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((DeskProcedureInfo *)g_ptr_array_index (list, 0))->revision, ==, 2);

  g_assert_null (desk_procedure_store_load (f->db, "REV-1", 3, NULL, &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND);
}

static char *
codes_for (DeskDatabase *db,
           const char   *search)
{
  g_autoptr(GPtrArray) list = desk_procedure_store_list (db, search, NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (s, "%s%s", s->len ? " " : "", ((DeskProcedureInfo *)g_ptr_array_index (list, i))->code);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recent = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_autoptr(GBytes) bytes = demo_bytes (demo[i]);
      g_autoptr(DeskProcedure) p = desk_procedure_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                             demo[i], NULL, NULL);
      g_assert_cmpint (desk_procedure_store_add (f->db, p, demo[i], 1000, &error), ==, 1);
    }

  /* Two characters, one character, a term only in a script, and a code. */
  g_assert_cmpstr (codes_for (f->db, "回访"), ==, "CB-SOP-003 CS-SOP-001");
  g_assert_cmpstr (codes_for (f->db, "闸"), ==, "RP-SOP-002");
  g_assert_cmpstr (codes_for (f->db, "方便"), ==, "CB-SOP-003");
  g_assert_cmpstr (codes_for (f->db, "触电"), ==, "RP-SOP-002");
  g_assert_cmpstr (codes_for (f->db, "cs-sop"), ==, "CS-SOP-001");
  g_assert_cmpstr (codes_for (f->db, "不存在的词"), ==, "");

  g_assert_true (desk_procedure_store_mark_used (f->db, "RP-SOP-002", 2000, &error));
  g_assert_true (desk_procedure_store_mark_used (f->db, "CB-SOP-003", 3000, &error));
  recent = desk_procedure_store_recent (f->db, 5, &error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpstr (((DeskProcedureInfo *)g_ptr_array_index (recent, 0))->code, ==, "CB-SOP-003");
}

static void
test_manual_shaped (void)
{
  /* The constructs of shared/manuals in our format: the clause labels
   * they use, and a route per hazard as waypoints. */
  g_autoptr(GBytes) bytes = demo_bytes ("RP-SOP-002.xml");
  g_autoptr(DeskProcedure) p = desk_procedure_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                         "RP-SOP-002.xml", NULL, NULL);
  DeskProcNode *clause = g_ptr_array_index (p->body, 0);
  DeskProcNode *fire = child_of (clause, DESK_PROC_HAZARD, 1);
  DeskProcNode *route = child_of (fire, DESK_PROC_ROUTE, 0);

  g_assert_cmpstr (clause->label, ==, "一、");
  g_assert_cmpint (fire->level, ==, DESK_PROC_LEVEL_WARNING);
  g_assert_cmpuint (count_kind (fire, DESK_PROC_ROUTE), ==, 2);
  g_assert_cmpuint (route->children->len, ==, 5);
  g_assert_cmpstr (((DeskProcNode *)g_ptr_array_index (route->children, 4))->text, ==, "小区空地");
}

static DeskChecklistItem *
item (DeskChecklist *c,
      const char    *step)
{
  for (guint i = 0; i < c->items->len; i++)
    {
      DeskChecklistItem *it = g_ptr_array_index (c->items, i);

      if (g_str_equal (it->step, step))
        return it;
    }
  return NULL;
}

/* A flow followed on a ticket: the revision it followed stays, and who
 * ticked which step when is kept. */
static void
test_checklist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStaff) engineer = NULL;
  g_autoptr(DeskChecklist) c = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DeskProcedure) p = NULL;
  gint64 id, again;

  g_assert_true (desk_demo_populate (f->db, FALSE, &error));
  g_assert_no_error (error);
  engineer = desk_office_store_find_staff (f->db, "S004", &error);
  g_assert_nonnull (engineer);

  /* CS-SOP-001's first flow: steps 1–5, 3 with two alternatives, 4 with
   * two substeps. */
  id = desk_checklist_store_attach (f->db, 1, "CS-SOP-001", 0, 0, desk_staff_get_id (engineer), 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  again = desk_checklist_store_attach (f->db, 1, "CS-SOP-001", 0, 0, 0, 1001, &error);
  g_assert_cmpint (again, ==, id);

  g_assert_true (desk_checklist_store_tick (f->db, id, "1", TRUE, desk_staff_get_id (engineer), 2000, &error));
  g_assert_true (desk_checklist_store_tick (f->db, id, "4.2", TRUE, desk_staff_get_id (engineer), 2100, &error));
  g_assert_true (desk_checklist_store_tick (f->db, id, "4.2", FALSE, desk_staff_get_id (engineer), 2200, &error));
  g_assert_false (desk_checklist_store_tick (f->db, id, "9", TRUE, 0, 2300, &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The ticket's timeline tells the same story: attached once (not
   * again), each tick and untick with who, when and which step; the
   * refused step left nothing. */
  {
    g_autoptr(GPtrArray) timeline = desk_ticket_store_timeline (f->db, 1, &error);
    const char *expected[][4] = {
      { "checklist", "投诉处理流程", NULL, "CS-SOP-001" },
      { "checklist-tick", "1", "CS-SOP-001", NULL },
      { "checklist-tick", "4.2", "CS-SOP-001", NULL },
      { "checklist-untick", "4.2", "CS-SOP-001", NULL },
    };
    gint64 expected_at[] = { 1000, 2000, 2100, 2200 };
    guint found = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < timeline->len; i++)
      {
        const DeskTicketEvent *e = g_ptr_array_index (timeline, i);

        if (!g_str_has_prefix (e->kind, "checklist"))
          continue;
        g_assert_cmpuint (found, <, G_N_ELEMENTS (expected));
        g_assert_cmpstr (e->kind, ==, expected[found][0]);
        g_assert_cmpstr (e->field, ==, expected[found][1]);
        g_assert_cmpstr (e->old_value, ==, expected[found][2]);
        if (expected[found][3] != NULL)
          g_assert_cmpstr (e->new_value, ==, expected[found][3]);
        else
          g_assert_true (e->new_value != NULL && *e->new_value != '\0');
        g_assert_cmpint (e->at, ==, expected_at[found]);
        g_assert_cmpstr (e->staff_name, ==, "张强");
        found++;
      }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
  }

  /* A new revision does not change what the ticket followed. */
  p = desk_procedure_store_load (f->db, "CS-SOP-001", 0, NULL, NULL);
  g_ptr_array_set_size (p->body, 0);
  g_assert_cmpint (desk_procedure_store_add (f->db, p, "emptied.xml", 3000, &error), ==, 2);

  list = desk_checklist_store_for_ticket (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  c = desk_checklist_store_get (f->db, id, &error);
  g_assert_cmpint (c->revision, ==, 1);
  g_assert_cmpstr (c->flow_title, ==, "投诉处理流程");
  g_assert_cmpuint (c->items->len, ==, 9);
  g_assert_true (item (c, "1")->done);
  g_assert_cmpstr (item (c, "1")->staff_name, ==, "张强");
  g_assert_cmpint (item (c, "1")->at, ==, 2000);
  g_assert_false (item (c, "4.2")->done);
  g_assert_cmpint (item (c, "4.2")->at, ==, 2200);
  g_assert_true (item (c, "4.2")->optional);
  g_assert_cmpint (item (c, "3.1")->depth, ==, 1);
  g_assert_false (item (c, "2")->done);
  g_assert_null (item (c, "2")->staff_name);

  /* The emptied revision has no flow to attach. */
  g_assert_cmpint (desk_checklist_store_attach (f->db, 2, "CS-SOP-001", 0, 0, 0, 4000, &error), ==, 0);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/procedures/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/desk/procedures/schema/demo", test_schema_demo);
  ADD ("schema/invalid", test_schema_invalid);
  g_test_add_func ("/desk/procedures/round-trip/bytes", test_round_trip_bytes);
  ADD ("round-trip/store", test_round_trip_store);
  ADD ("hostile", test_hostile);
  g_test_add_func ("/desk/procedures/encodings", test_encodings);
  g_test_add_func ("/desk/procedures/dita/task", test_dita_task);
  g_test_add_func ("/desk/procedures/dita/troubleshooting", test_dita_troubleshooting);
  g_test_add_func ("/desk/procedures/docbook", test_docbook);
  g_test_add_func ("/desk/procedures/rules", test_rules);
  g_test_add_func ("/desk/procedures/rules-as-policy", test_rules_as_policy);
  g_test_add_func ("/desk/procedures/manual-shaped", test_manual_shaped);
  ADD ("revisions", test_revisions);
  ADD ("search", test_search);
  ADD ("checklist", test_checklist);

  return g_test_run ();
}
