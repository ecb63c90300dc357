/* test-knowledge.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "../../src/core/pv-knowledge-private.h"
#include "test-util.h"

static void
test_every_iso_country (void)
{
  PvKnowledge *knowledge = test_knowledge ();
  guint countries = 0;
  int finland;

  for (guint i = 0; i < pv_knowledge_n_entities (knowledge); i++)
    countries += pv_knowledge_entity (knowledge, i)->type == PV_ENTITY_COUNTRY;
  g_assert_cmpuint (countries, >=, 240);

  /* Names nobody typed: they come from CLDR through ICU */
  finland = pv_knowledge_find_entity (knowledge, "country:FI");
  g_assert_cmpint (finland, >=, 0);
  g_assert_cmpstr (pv_knowledge_entity (knowledge, finland)->label, ==, "فنلاند");
  g_assert_cmpstr (pv_knowledge_entity (knowledge, finland)->label_en, ==, "Finland");
}

static void
test_curated_labels (void)
{
  PvKnowledge *knowledge = test_knowledge ();
  int us = pv_knowledge_find_entity (knowledge, "country:US");

  g_assert_cmpint (us, >=, 0);
  g_assert_cmpstr (pv_knowledge_entity (knowledge, us)->label, ==, "آمریکا");
  g_assert_cmpstr (pv_knowledge_entity (knowledge, us)->label_en, ==, "United States");
}

static void
test_role_dates (void)
{
  PvKbRole role = { "president", "IR", "2013-08-03", "2021-08-03" };
  PvKbRole open_ended = { "president", "FR", "2017-05-14", NULL };

  g_assert_true (pv_kb_role_held_on (&role, NULL));
  g_assert_true (pv_kb_role_held_on (&role, "2013-08-03"));
  g_assert_true (pv_kb_role_held_on (&role, "2020-02-29"));
  g_assert_false (pv_kb_role_held_on (&role, "2021-08-03"));
  g_assert_false (pv_kb_role_held_on (&role, "2013-08-02"));
  g_assert_true (pv_kb_role_held_on (&open_ended, "2026-01-01"));
}

static void
test_merge_user_entity (void)
{
  g_autoptr (PvKnowledge) knowledge = pv_knowledge_new_builtin ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  const char *json = "{ \"organizations\": [ { \"id\": \"organization:test-institute\","
                     " \"label\": \"موسسه آزمایشی پیوند\", \"aliases\": [\"موسسه پیوند\"] } ] }";
  PvAnalyzeOptions options = { NULL };
  int index;

  g_assert_true (pv_knowledge_merge_json (knowledge, "user.json", json, strlen (json), &error));
  g_assert_no_error (error);
  index = pv_knowledge_find_entity (knowledge, "organization:test-institute");
  g_assert_cmpint (index, >=, 0);

  analysis = pv_analyze (pv_document_new_from_text ("t", "کارشناسان مؤسسه پیوند گفتند.", -1),
                         knowledge, &options);
  g_assert_cmpint (pv_analysis_find_node (analysis, "organization:test-institute"), >=, 0);
}

static void
test_merge_bad_entries (void)
{
  g_autoptr (PvKnowledge) knowledge = pv_knowledge_new_builtin ();
  g_autoptr (GError) error = NULL;
  const char *json = "{ \"people\": [ 42, { \"id\": \"person:x\" },"
                     " { \"id\": \"person:good-one\", \"label\": \"شخص خوب\" } ] }";

  g_assert_false (pv_knowledge_merge_json (knowledge, "bad.json", json, strlen (json), &error));
  g_assert_error (error, PV_KNOWLEDGE_ERROR, PV_KNOWLEDGE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "bad.json: 2 entries ignored"));
  /* the valid entry is still taken */
  g_assert_cmpint (pv_knowledge_find_entity (knowledge, "person:good-one"), >=, 0);
}

static void
test_merge_not_json (void)
{
  g_autoptr (PvKnowledge) knowledge = pv_knowledge_new_builtin ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("knowledge-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (write (fd, "{ not json", 10), ==, 10);
  close (fd);

  g_assert_false (pv_knowledge_merge_file (knowledge, path, &error));
  g_assert_error (error, PV_KNOWLEDGE_ERROR, PV_KNOWLEDGE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, path));
  g_unlink (path);
}

static void
test_user_file_from_xdg (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peyvand-xdg-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "peyvand", NULL);
  g_autofree char *file = g_build_filename (folder, "knowledge.json", NULL);
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (GError) error = NULL;
  const char *json =
      "{ \"topics\": [ { \"id\": \"topic:test-topic\", \"label\": \"موضوع آزمایشی\" } ] }";

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_reload_user_special_dirs_cache ();

  knowledge = pv_knowledge_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_knowledge_find_entity (knowledge, "topic:test-topic"), >=, 0);

  g_unlink (file);
  g_rmdir (folder);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/knowledge/iso-countries", test_every_iso_country);
  g_test_add_func ("/knowledge/curated-labels", test_curated_labels);
  g_test_add_func ("/knowledge/role-dates", test_role_dates);
  g_test_add_func ("/knowledge/merge/user-entity", test_merge_user_entity);
  g_test_add_func ("/knowledge/merge/bad-entries", test_merge_bad_entries);
  g_test_add_func ("/knowledge/merge/not-json", test_merge_not_json);
  g_test_add_func ("/knowledge/user-file", test_user_file_from_xdg);

  return g_test_run ();
}
