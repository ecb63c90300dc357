/* test-user-knowledge.c: corrections remembered for all articles
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cjson/cJSON.h>

#include <glib/gstdio.h>

#include "pv-user-knowledge.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path; /* dir/peyvand/knowledge.json, not there at first */
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("peyvand-knowledge-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "peyvand", "knowledge.json", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);

  g_unlink (fixture->path);
  g_rmdir (folder);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The built-in base with the user's file merged over it, which must merge
 * without a complaint. */
static PvKnowledge *
knowledge_with (const char *path)
{
  PvKnowledge *knowledge = pv_knowledge_new_builtin ();
  g_autoptr (GError) error = NULL;

  g_assert_true (pv_knowledge_merge_file (knowledge, path, &error));
  g_assert_no_error (error);
  return knowledge;
}

static PvAnalysis *
analyze_with (PvKnowledge *knowledge, const char *text)
{
  PvAnalyzeOptions options = { "2020-02-29" };

  return pv_analyze (pv_document_new_from_text ("test", text, -1), knowledge, &options);
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path, const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_add_alias (Fixture *fixture, gconstpointer data)
{
  const char *text = "دیروز پیشوا به پکن سفر کرد و سرزمین خرس بیانیه داد.";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) before = analyze_with (test_knowledge (), text);
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (PvAnalysis) after = NULL;
  g_autofree char *putin = NULL;
  g_autofree char *russia = NULL;

  g_assert_null (test_node (before, "person:vladimir-putin"));
  g_assert_null (test_node (before, "country:RU"));

  /* the folder and the file are made */
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON,
                                              "person:vladimir-putin", NULL, "پیشوا", &error));
  g_assert_no_error (error);
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_COUNTRY, "country:RU", NULL,
                                              "سرزمین خرس", &error));
  g_assert_no_error (error);

  /* the next analysis uses them */
  knowledge = knowledge_with (fixture->path);
  after = analyze_with (knowledge, text);
  putin = test_mentions (after, "person:vladimir-putin");
  russia = test_mentions (after, "country:RU");
  g_assert_cmpstr (putin, ==, "پیشوا");
  g_assert_cmpstr (russia, ==, "سرزمین خرس");
  /* the built-in labels stay */
  g_assert_cmpstr (test_node (after, "person:vladimir-putin")->label, ==, "ولادیمیر پوتین");
}

static void
test_add_entity (Fixture *fixture, gconstpointer data)
{
  const char *text = "زیگمونت فرانکلین دیروز به پکن رفت. فرانکلین گفت که باز "
                     "می‌گردد.";
  const char *const aliases[] = { "فرانکلین", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autofree char *mentions = NULL;
  const PvNode *node;

  g_assert_true (pv_user_knowledge_add_entity (fixture->path, PV_ENTITY_PERSON,
                                               "person:zygmunt-franklin", "زیگمونت فرانکلین",
                                               "Zygmunt Franklin", aliases, &error));
  g_assert_no_error (error);

  knowledge = knowledge_with (fixture->path);
  analysis = analyze_with (knowledge, text);
  node = test_node (analysis, "person:zygmunt-franklin");
  g_assert_nonnull (node);
  g_assert_cmpint (node->type, ==, PV_ENTITY_PERSON);
  g_assert_cmpstr (node->label_en, ==, "Zygmunt Franklin");
  mentions = test_mentions (analysis, "person:zygmunt-franklin");
  g_assert_cmpstr (mentions, ==, "زیگمونت فرانکلین|فرانکلین");

  /* an alias of an entity found only by rules needs its label */
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_ORGANIZATION,
                                              "organization:test-bureau", "دفتر آزمایش",
                                              "دفتر آزمون", &error));
  g_assert_no_error (error);
  {
    g_autoptr (PvKnowledge) again = knowledge_with (fixture->path);
    g_autoptr (PvAnalysis) found =
        analyze_with (again, "دفتر آزمون دیروز بیانیه داد. دفتر آزمایش هم گفت.");
    g_autofree char *bureau = test_mentions (found, "organization:test-bureau");

    g_assert_cmpstr (bureau, ==, "دفتر آزمون|دفتر آزمایش");
    g_assert_cmpstr (test_node (found, "organization:test-bureau")->label, ==, "دفتر آزمایش");
  }
}

static const char *const existing_file =
    "{\n"
    "  \"schema\": \"peyvand/knowledge/1\",\n"
    "  \"note\": \"written by hand\",\n"
    "  \"given_names\": [\"زیگمونت\"],\n"
    "  \"people\": [\n"
    "    { \"id\": \"person:test-person\", \"label\": \"آزمون آزمایشی\",\n"
    "      \"aliases\": [\"آزمایشی\"], \"x-custom\": {\"keep\": [1, 2, 3]},\n"
    "      \"roles\": [ { \"role\": \"president\", \"country\": \"RU\",\n"
    "                     \"from\": \"2001-01-01\", \"to\": null } ] }\n"
    "  ],\n"
    "  \"topics\": [ { \"id\": \"topic:tests\", \"label\": \"آزمون‌ها\" } ]\n"
    "}\n";

/* Nothing the user wrote is lost. */
static void
test_keeps_entries (Fixture *fixture, gconstpointer data)
{
  const char *const aliases[] = { "دفتر", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  cJSON *before, *after, *people, *person, *item;
  guint n_aliases = 0;

  write_file (fixture->path, existing_file);
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON, "person:test-person",
                                              "نادیده", "آقای آزمون", &error));
  g_assert_no_error (error);
  /* twice, and once more in another spelling of the same name */
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON, "person:test-person",
                                              NULL, "آقای آزمون", &error));
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON, "person:test-person",
                                              NULL, "آقاي  آزمون", &error));
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON, "person:test-person",
                                              NULL, "آزمایشی", &error));
  g_assert_true (pv_user_knowledge_add_entity (fixture->path, PV_ENTITY_ORGANIZATION,
                                               "organization:test-office", "دفتر آزمون", NULL,
                                               aliases, &error));
  g_assert_no_error (error);

  contents = read_file (fixture->path, NULL);
  before = cJSON_Parse (existing_file);
  after = cJSON_Parse (contents);
  g_assert_nonnull (after);

  /* untouched members are equal, the edited entry kept its fields */
  for (const char *const *name =
           (const char *const[]){ "schema", "note", "given_names", "topics", NULL };
       *name != NULL; name++)
    g_assert_true (cJSON_Compare (cJSON_GetObjectItem (before, *name),
                                  cJSON_GetObjectItem (after, *name), TRUE));
  people = cJSON_GetObjectItem (after, "people");
  g_assert_cmpint (cJSON_GetArraySize (people), ==, 1);
  person = cJSON_GetArrayItem (people, 0);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (person, "label")), ==,
                   "آزمون آزمایشی");
  g_assert_true (cJSON_Compare (
      cJSON_GetObjectItem (cJSON_GetArrayItem (cJSON_GetObjectItem (before, "people"), 0), "roles"),
      cJSON_GetObjectItem (person, "roles"), TRUE));
  g_assert_nonnull (cJSON_GetObjectItem (cJSON_GetObjectItem (person, "x-custom"), "keep"));
  cJSON_ArrayForEach (item, cJSON_GetObjectItem (person, "aliases")) n_aliases++;
  g_assert_cmpuint (n_aliases, ==, 2);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (after, "organizations")), ==, 1);
  cJSON_Delete (before);
  cJSON_Delete (after);

  /* and the base takes all of it */
  {
    g_autoptr (PvKnowledge) knowledge = knowledge_with (fixture->path);
    g_autoptr (PvAnalysis) analysis =
        analyze_with (knowledge, "آقای آزمون با دفتر آزمون دیدار کرد.");

    g_assert_nonnull (test_node (analysis, "person:test-person"));
    g_assert_nonnull (test_node (analysis, "organization:test-office"));
  }
}

/* A file that is not a knowledge file is reported and left byte for byte. */
static void
test_refuses (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *contents;
    int code;
    const char *message;
  } cases[] = {
    { "{ \"people\": [ { \"id\": \"person:x\", ", PV_USER_KNOWLEDGE_ERROR_PARSE, "byte" },
    { "not json at all", PV_USER_KNOWLEDGE_ERROR_PARSE, "byte 0" },
    { "[ \"a\", \"b\" ]", PV_USER_KNOWLEDGE_ERROR_PARSE, "not a knowledge file" },
    { "{} {}", PV_USER_KNOWLEDGE_ERROR_PARSE, "not a knowledge file" },
    { "{ \"people\": { \"id\": \"person:x\" } }", PV_USER_KNOWLEDGE_ERROR_PARSE, "\"people\"" },
    { "{ \"people\": [ { \"id\": \"person:vladimir-putin\", \"aliases\": \"x\" } ] }",
      PV_USER_KNOWLEDGE_ERROR_PARSE, "\"aliases\"" },
    { "{ \"schema\": \"peyvand/knowledge/2\" }", PV_USER_KNOWLEDGE_ERROR_NEWER, "newer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;
      gsize length = 0;

      write_file (fixture->path, cases[i].contents);
      g_assert_false (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON,
                                                   "person:vladimir-putin", NULL, "پیشوا", &error));
      g_assert_error (error, PV_USER_KNOWLEDGE_ERROR, cases[i].code);
      if (strstr (error->message, fixture->path) == NULL ||
          strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: unexpected message: %s", i, error->message);
      after = read_file (fixture->path, &length);
      g_assert_cmpmem (after, length, cases[i].contents, strlen (cases[i].contents));
    }

  /* ids, labels and aliases that cannot be written */
  {
    g_autoptr (GError) error = NULL;

    g_unlink (fixture->path);
    g_assert_false (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_COUNTRY, "country:Russia",
                                                 NULL, "خرس", &error));
    g_assert_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON, "topic:x", NULL,
                                                 "خرس", &error));
    g_assert_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON, "person:x", NULL,
                                                 "  ", &error));
    g_assert_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (pv_user_knowledge_add_entity (fixture->path, PV_ENTITY_PERSON, "person:x", "",
                                                  NULL, NULL, &error));
    g_assert_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID);
    g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  }
}

/* An empty file (made by hand, or by `touch`) holds nothing to keep. */
static void
test_empty_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;

  write_file (fixture->path, "\n");
  g_assert_true (pv_user_knowledge_add_alias (fixture->path, PV_ENTITY_PERSON,
                                              "person:vladimir-putin", NULL, "پیشوا", &error));
  g_assert_no_error (error);
  knowledge = knowledge_with (fixture->path);
  analysis = analyze_with (knowledge, "پیشوا به پکن رفت.");
  g_assert_nonnull (test_node (analysis, "person:vladimir-putin"));
}

static void
test_default_path (void)
{
  g_autofree char *path = pv_user_knowledge_default_path ();
  g_autofree char *expected =
      g_build_filename (g_get_user_data_dir (), "peyvand", "knowledge.json", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/user-knowledge/add-alias", Fixture, NULL, fixture_set_up, test_add_alias,
              fixture_tear_down);
  g_test_add ("/user-knowledge/add-entity", Fixture, NULL, fixture_set_up, test_add_entity,
              fixture_tear_down);
  g_test_add ("/user-knowledge/keeps-entries", Fixture, NULL, fixture_set_up, test_keeps_entries,
              fixture_tear_down);
  g_test_add ("/user-knowledge/refuses", Fixture, NULL, fixture_set_up, test_refuses,
              fixture_tear_down);
  g_test_add ("/user-knowledge/empty-file", Fixture, NULL, fixture_set_up, test_empty_file,
              fixture_tear_down);
  g_test_add_func ("/user-knowledge/default-path", test_default_path);

  return g_test_run ();
}
