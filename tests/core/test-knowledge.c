/* test-knowledge.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "../../src/core/pv-knowledge-private.h"
#include "pv-analysis-json.h"
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

/* A name longer than the loader's buffer on the stack (64 characters) is
 * read whole. */
static void
test_merge_long_alias (void)
{
  g_autoptr (PvKnowledge) knowledge = pv_knowledge_new_builtin ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autoptr (GString) alias = g_string_new (NULL);
  g_autoptr (GString) json = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  PvAnalyzeOptions options = { NULL };
  const PvNode *node;
  const PvMention *mention;
  int node_index;

  /* 12 words, 83 characters */
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (
        alias, "%sواژه%s", i > 0 ? " " : "",
        (const char *[]){ "الف", "ب", "پ", "ت", "ث", "ج", "چ", "ح", "خ", "د", "ذ", "ر" }[i]);
  g_assert_cmpint (g_utf8_strlen (alias->str, -1), >, 64);
  g_string_printf (json,
                   "{ \"organizations\": [ { \"id\": \"organization:long-name\","
                   " \"label\": \"%s\" } ] }",
                   alias->str);
  g_assert_true (pv_knowledge_merge_json (knowledge, "long.json", json->str, json->len, &error));
  g_assert_no_error (error);

  g_string_printf (text, "کارشناسان %s گفتند.", alias->str);
  analysis = pv_analyze (pv_document_new_from_text ("t", text->str, -1), knowledge, &options);
  node_index = pv_analysis_find_node (analysis, "organization:long-name");
  g_assert_cmpint (node_index, >=, 0);
  node = g_ptr_array_index (analysis->nodes, node_index);
  mention = &g_array_index (node->mentions, PvMention, 0);
  /* the whole name, not the part that fitted */
  g_assert_cmpuint (mention->end - mention->start, ==, g_utf8_strlen (alias->str, -1));
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

/* The JSON of the sample article analyzed with `knowledge`. */
static char *
analyze_sample (PvKnowledge *knowledge)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "000_2ad9410abe4922a4.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  PvAnalyzeOptions options = { "2020-02-29" };
  PvDocument *document = pv_document_load_file (path, &error);

  g_assert_no_error (error);
  analysis = pv_analyze (document, knowledge, &options);
  g_assert_cmpuint (analysis->nodes->len, >, 5);
  return pv_analysis_to_json (analysis);
}

static gboolean
analysis_has (PvKnowledge *knowledge, const char *text, const char *id)
{
  g_autoptr (PvAnalysis) analysis = NULL;
  PvAnalyzeOptions options = { NULL };

  analysis = pv_analyze (pv_document_new_from_text ("t", text, -1), knowledge, &options);
  return pv_analysis_find_node (analysis, id) >= 0;
}

typedef struct
{
  const char *alias;
  guint target;
  guint names, found;
} AliasSearch;

static void
find_alias (const char *alias, const PvAliasPayload *payload, gpointer user_data)
{
  AliasSearch *search = user_data;

  search->names++;
  if (strcmp (alias, search->alias) == 0 && payload->target == search->target)
    search->found++;
}

/* A copy holds all the original does, and what is merged into it (new
 * entities and names, a changed label, a role's alias) stays there: not in
 * the original, not in another copy.  The original is read-only. */
static void
test_copy (void)
{
  g_autoptr (PvKnowledge) base = pv_knowledge_new_builtin ();
  g_autoptr (PvKnowledge) copy = pv_knowledge_copy (base);
  g_autoptr (PvKnowledge) other = pv_knowledge_copy (base);
  g_autoptr (PvKnowledge) copy_of_copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *from_base = analyze_sample (base);
  g_autofree char *from_copy = analyze_sample (copy);
  g_autofree char *again = NULL;
  const char *into_copy =
      "{ \"roles\": [ { \"id\": \"president\", \"aliases\": [\"سرور کشور\"] } ],"
      " \"countries\": [ { \"code\": \"US\", \"label\": \"ینگه دنیا\" } ],"
      " \"people\": [ { \"id\": \"person:vladimir-putin\", \"aliases\": [\"ولودیا پوتینوف\"],"
      " \"ambiguous\": [\"پوتین\"] } ],"
      " \"organizations\": [ { \"id\": \"organization:test-institute\","
      " \"label\": \"موسسه آزمایشی پیوند\" } ],"
      " \"given_names\": [\"پیوندعلی\"] }";
  const char *into_other =
      "{ \"topics\": [ { \"id\": \"topic:test-topic\", \"label\": \"موضوع آزمایشی\" } ] }";
  const char *putin_text = "ولودیا پوتینوف به تهران آمد.";
  const char *institute_text = "کارشناسان موسسه آزمایشی پیوند گفتند.";
  const char *topic_text = "موضوع آزمایشی مهم است.";
  glong length = 0;
  int us;

  g_assert_cmpuint (pv_knowledge_n_entities (copy), ==, pv_knowledge_n_entities (base));
  for (guint i = 0; i < pv_knowledge_n_entities (base); i++)
    {
      const PvKbEntity *a = pv_knowledge_entity (base, i);
      const PvKbEntity *b = pv_knowledge_entity (copy, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (pv_knowledge_find_entity (copy, a->id), ==, (int)i);
      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpstr (a->label_en, ==, b->label_en);
    }
  g_assert_cmpint (pv_knowledge_find_role (copy, "president"), ==,
                   pv_knowledge_find_role (base, "president"));
  g_assert_cmpstr (from_copy, ==, from_base);

  g_assert_true (
      pv_knowledge_merge_json (copy, "copy.json", into_copy, strlen (into_copy), &error));
  g_assert_no_error (error);
  g_assert_true (
      pv_knowledge_merge_json (other, "other.json", into_other, strlen (into_other), &error));
  g_assert_no_error (error);

  us = pv_knowledge_find_entity (base, "country:US");
  g_assert_cmpstr (pv_knowledge_entity (base, us)->label, ==, "آمریکا");
  g_assert_cmpstr (pv_knowledge_entity (other, us)->label, ==, "آمریکا");
  g_assert_cmpstr (pv_knowledge_entity (copy, us)->label, ==, "ینگه دنیا");
  g_assert_cmpint (pv_knowledge_find_entity (base, "organization:test-institute"), <, 0);
  g_assert_cmpint (pv_knowledge_find_entity (other, "organization:test-institute"), <, 0);
  g_assert_cmpint (pv_knowledge_find_entity (copy, "organization:test-institute"), >=, 0);
  g_assert_cmpint (pv_knowledge_find_entity (other, "topic:test-topic"), >=, 0);
  g_assert_cmpint (pv_knowledge_find_entity (base, "topic:test-topic"), <, 0);
  g_assert_cmpint (pv_knowledge_find_entity (copy, "topic:test-topic"), <, 0);
  g_assert_true (analysis_has (copy, putin_text, "person:vladimir-putin"));
  g_assert_false (analysis_has (base, putin_text, "person:vladimir-putin"));
  g_assert_false (analysis_has (other, putin_text, "person:vladimir-putin"));
  g_assert_true (analysis_has (copy, institute_text, "organization:test-institute"));
  g_assert_false (analysis_has (base, institute_text, "organization:test-institute"));
  g_assert_true (analysis_has (other, topic_text, "topic:test-topic"));
  g_assert_false (analysis_has (copy, topic_text, "topic:test-topic"));
  /* a word the copy's lexicon added */
  {
    g_autofree gunichar *word = g_utf8_to_ucs4 ("پیوندعلی", -1, NULL, &length, NULL);
    guint token = pv_knowledge_lookup_token (copy, word, length);

    g_assert_cmpuint (token, >, 0);
    g_assert_cmpuint (pv_knowledge_word_flags (copy, token), ==, PV_WORD_GIVEN_NAME);
    g_assert_cmpuint (pv_knowledge_lookup_token (base, word, length), ==, 0);
    g_assert_cmpuint (pv_knowledge_word_flags (base, token), ==, 0);
    g_assert_cmpuint (pv_knowledge_lookup_token (other, word, length), ==, 0);
  }

  /* every name, the base's and its own, for the tools that list them */
  {
    AliasSearch in_base = { "ولودیا پوتینوف" }, in_copy = { "ولودیا پوتینوف" };

    in_base.target = in_copy.target = pv_knowledge_find_entity (base, "person:vladimir-putin");
    pv_knowledge_foreach_alias (base, find_alias, &in_base);
    pv_knowledge_foreach_alias (copy, find_alias, &in_copy);
    g_assert_cmpuint (in_base.found, ==, 0);
    g_assert_cmpuint (in_copy.found, ==, 1);
    /* Putin's new name and the institute's label (ینگه دنیا was a name of
     * the US already) */
    g_assert_cmpuint (in_copy.names, ==, in_base.names + 2);
  }

  /* the base and the other copy still analyze the article as before */
  again = analyze_sample (other);
  g_assert_cmpstr (again, ==, from_base);
  g_clear_pointer (&again, g_free);

  /* the original is read-only now */
  g_test_expect_message ("peyvand-knowledge", G_LOG_LEVEL_CRITICAL, "*frozen*");
  g_assert_false (
      pv_knowledge_merge_json (base, "base.json", into_other, strlen (into_other), NULL));
  g_test_assert_expected_messages ();

  /* a copy of a copy has what was merged into the first; the copies own
   * what they hold, or keep alive what they share: they outlive the
   * original */
  copy_of_copy = pv_knowledge_copy (copy);
  g_clear_pointer (&base, pv_knowledge_unref);
  g_clear_pointer (&copy, pv_knowledge_unref);
  g_assert_true (analysis_has (copy_of_copy, putin_text, "person:vladimir-putin"));
  g_assert_true (
      pv_knowledge_merge_json (copy_of_copy, "more.json", into_other, strlen (into_other), &error));
  g_assert_no_error (error);
  g_assert_true (analysis_has (copy_of_copy, topic_text, "topic:test-topic"));
  again = analyze_sample (other);
  g_assert_cmpstr (again, ==, from_base);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/knowledge/iso-countries", test_every_iso_country);
  g_test_add_func ("/knowledge/curated-labels", test_curated_labels);
  g_test_add_func ("/knowledge/role-dates", test_role_dates);
  g_test_add_func ("/knowledge/merge/user-entity", test_merge_user_entity);
  g_test_add_func ("/knowledge/merge/long-alias", test_merge_long_alias);
  g_test_add_func ("/knowledge/merge/bad-entries", test_merge_bad_entries);
  g_test_add_func ("/knowledge/merge/not-json", test_merge_not_json);
  g_test_add_func ("/knowledge/user-file", test_user_file_from_xdg);
  g_test_add_func ("/knowledge/copy", test_copy);

  return g_test_run ();
}
