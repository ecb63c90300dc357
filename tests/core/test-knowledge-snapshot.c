/* test-knowledge-snapshot.c: the built-in knowledge base's snapshot
 * (src/core/pv-knowledge.c, "The snapshot"), which this test carries as the
 * application and the command line do
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "../../src/core/pv-knowledge-private.h"
#include "pv-analysis-json.h"
#include "pv-analysis.h"

/* A text that reaches every kind of knowledge: people with their roles and
 * offices, countries by name, demonym and metonym, organizations, places,
 * topics, titles, the lexicon's given names, words and verbs. */
static const char sample[] = "رئیس جمهور ایران، حسن روحانی، روز شنبه "
                             "در تهران با ولادیمیر پوتین، "
                             "رئیس جمهور روسیه، دیدار کرد. "
                             "کاخ سفید و کرملین درباره برجام "
                             "و آژانس بین‌المللی انرژی اتمی "
                             "گفت و گو کردند. دکتر علی رضایی "
                             "از دانشگاه تهران گفت که مقامات "
                             "آمریکایی و روسی در سوریه و ادلب "
                             "درباره ویروس کرونا و تروریسم "
                             "با سازمان ملل متحد همکاری می‌کنند. "
                             "The United Nations and NATO met in Geneva.";

static GBytes *
resource_snapshot (void)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (PV_KNOWLEDGE_SNAPSHOT_RESOURCE,
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static char *
analysis_json (PvKnowledge *knowledge)
{
  PvAnalyzeOptions options = { "2020-01-01" };
  g_autoptr (PvAnalysis) analysis =
      pv_analyze (pv_document_new_from_text ("sample", sample, -1), knowledge, &options);

  return pv_analysis_to_json (analysis);
}

/* The snapshot the build made is the base built from its sources now, and
 * pv_knowledge_new_builtin() gives the base it holds. */
static void
test_snapshot_is_the_base (void)
{
  static const char *const role_ids[] = { "president", "foreign-minister", "prime-minister" };
  g_autoptr (GBytes) snapshot = resource_snapshot ();
  PvKnowledge *from_sources = pv_knowledge_new_builtin_from_sources ();
  PvKnowledge *builtin = pv_knowledge_new_builtin ();
  g_autoptr (GBytes) written = pv_knowledge_write_snapshot (from_sources);
  g_autoptr (GBytes) rewritten = pv_knowledge_write_snapshot (builtin);
  g_autofree char *json_sources = analysis_json (from_sources);
  g_autofree char *json_builtin = analysis_json (builtin);

  g_assert_true (g_bytes_equal (snapshot, written));
  g_assert_true (g_bytes_equal (snapshot, rewritten));
  /* what the snapshot does not hold (the indexes of ids) is rebuilt */
  g_assert_cmpstr (json_builtin, ==, json_sources);
  g_assert_nonnull (strstr (json_builtin, "person:hassan-rouhani"));
  g_assert_nonnull (strstr (json_builtin, "country:RU"));
  for (guint i = 0; i < pv_knowledge_n_entities (from_sources); i++)
    {
      const PvKbEntity *entity = pv_knowledge_entity (from_sources, i);

      g_assert_cmpint (pv_knowledge_find_entity (builtin, entity->id), ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    {
      g_assert_cmpint (pv_knowledge_find_role (from_sources, role_ids[i]), >=, 0);
      g_assert_cmpint (pv_knowledge_find_role (builtin, role_ids[i]), ==,
                       pv_knowledge_find_role (from_sources, role_ids[i]));
    }
  pv_knowledge_unref (from_sources);
  pv_knowledge_unref (builtin);
}

/* A base read from the snapshot takes a user's file as one built from its
 * sources does. */
static void
test_snapshot_copy_and_merge (void)
{
  static const char user[] =
      "{\"schema\": \"peyvand/knowledge/1\", \"people\": [{\"id\": \"person:test-snapshot\", "
      "\"label\": \"زرین‌تاج گلستانی\", \"aliases\": [\"زرین‌تاج "
      "گلستانی\"]}]}";
  g_autoptr (GBytes) snapshot = resource_snapshot ();
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (snapshot, &length);
  PvKnowledge *base = pv_knowledge_new_from_snapshot (data, length);
  PvKnowledge *copy;
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;

  g_assert_nonnull (base);
  copy = pv_knowledge_copy (base);
  g_assert_true (pv_knowledge_merge_json (copy, "user.json", user, strlen (user), &error));
  g_assert_no_error (error);
  analysis = pv_analyze (
      pv_document_new_from_text (
          "t", "زرین‌تاج گلستانی با حسن روحانی دیدار کرد.", -1),
      copy, NULL);
  g_assert_cmpint (pv_analysis_find_node (analysis, "person:test-snapshot"), >=, 0);
  g_assert_cmpint (pv_analysis_find_node (analysis, "person:hassan-rouhani"), >=, 0);
  pv_knowledge_unref (copy);
  pv_knowledge_unref (base);
}

/* A snapshot cut short, of another format or damaged is refused or read
 * within its bounds (ASan and valgrind watch the reads). */
static void
test_snapshot_damaged (void)
{
  g_autoptr (GBytes) snapshot = resource_snapshot ();
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (snapshot, &length);
  g_autofree guint8 *copy = g_memdup2 (data, length);
  GRand *rand = g_rand_new_with_seed (7);
  guint refused = 0;

  for (gsize cut = 0; cut < length; cut += cut < 256 ? 1 : length / 97)
    g_assert_null (pv_knowledge_new_from_snapshot (data, cut));
  g_assert_null (pv_knowledge_new_from_snapshot (data, length - 1));

  /* the magic, the version, the sizes of the records */
  for (gsize at = 0; at < 16; at += 4)
    {
      copy[at] ^= 0x5a;
      g_assert_null (pv_knowledge_new_from_snapshot (copy, length));
      copy[at] ^= 0x5a;
    }

  for (guint i = 0; i < 400; i++)
    {
      gsize at = g_rand_int_range (rand, 16, (gint32)length);
      guint8 was = copy[at];
      PvKnowledge *knowledge;

      copy[at] = (guint8)g_rand_int (rand);
      knowledge = pv_knowledge_new_from_snapshot (copy, length);
      if (knowledge == NULL)
        refused++;
      else
        {
          /* what was read stays usable */
          g_autofree char *json = analysis_json (knowledge);

          g_assert_nonnull (json);
          pv_knowledge_unref (knowledge);
        }
      copy[at] = was;
    }
  /* counts, lengths and indexes are checked: some damage is always seen */
  g_test_message ("%u of 400 damaged snapshots refused", refused);
  g_assert_cmpuint (refused, >, 0);
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/knowledge-snapshot/is-the-base", test_snapshot_is_the_base);
  g_test_add_func ("/knowledge-snapshot/copy-and-merge", test_snapshot_copy_and_merge);
  g_test_add_func ("/knowledge-snapshot/damaged", test_snapshot_damaged);
  return g_test_run ();
}
