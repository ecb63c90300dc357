/* test-entities.c: role resolution, capitals, ambiguous names
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pv-entities.h"
#include "test-util.h"

static void
assert_mentions (const PvAnalysis *analysis, const char *id, const char *expected)
{
  g_autofree char *got = test_mentions (analysis, id);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_apposition (void)
{
  g_autoptr (PvAnalysis) a = test_analyze ("ولادیمیر پوتین رئیس جمهور روسیه گفت. "
                                           "رئیس جمهور روسیه افزود.",
                                           NULL);

  assert_mentions (a, "person:vladimir-putin", "ولادیمیر پوتین|رئیس جمهور روسیه|رئیس جمهور روسیه");
  assert_mentions (a, "country:RU", "روسیه|روسیه");
  g_assert_cmpuint (test_edge (a, "person:vladimir-putin", "country:RU")->kind, ==,
                    PV_EDGE_LEADER_OF);
}

static void
test_apposition_before_name (void)
{
  g_autoptr (PvAnalysis) a = test_analyze ("وزیر امور خارجه روسیه سرگئی لاوروف گفت.", NULL);

  assert_mentions (a, "person:sergey-lavrov", "وزیر امور خارجه روسیه|سرگئی لاوروف");
  g_assert_cmpuint (test_edge (a, "person:sergey-lavrov", "country:RU")->kind, ==,
                    PV_EDGE_OFFICIAL_OF);
}

static void
test_unqualified_role_prefers_the_unqualified_person (void)
{
  g_autoptr (PvAnalysis) a =
      test_analyze ("حسن روحانی با ولادیمیر پوتین رئیس جمهور روسیه گفت و گو کرد. "
                    "رئیس جمهور گفت ایران آماده است.",
                    NULL);

  assert_mentions (a, "person:hassan-rouhani", "حسن روحانی|رئیس جمهور");
  g_assert_cmpuint (test_edge (a, "person:hassan-rouhani", "country:IR")->kind, ==,
                    PV_EDGE_LEADER_OF);
}

static void
test_unqualified_role_single_candidate (void)
{
  g_autoptr (PvAnalysis) a = test_analyze ("دونالد ترامپ رئیس جمهور آمریکا به ژاپن رفت. "
                                           "رئیس جمهور در توکیو گفت.",
                                           NULL);

  assert_mentions (a, "person:donald-trump", "دونالد ترامپ|رئیس جمهور آمریکا|رئیس جمهور");
}

static void
test_unresolved_role_without_date (void)
{
  g_autoptr (PvAnalysis) a = test_analyze ("او با رئیس جمهور ترکیه تلفنی گفت و گو کرد.", NULL);
  const PvNode *node;

  g_assert_cmpuint (test_count_type (a, PV_ENTITY_PERSON), ==, 1);
  node = g_ptr_array_index (a->nodes, pv_analysis_find_node (a, "country:TR") == 0 ? 1 : 0);
  g_assert_cmpint (node->type, ==, PV_ENTITY_PERSON);
  g_assert_cmpstr (node->label, ==, "رئیس جمهور ترکیه");
  g_assert_true (g_str_has_prefix (node->id, "person:"));
  g_assert_cmpstr (node->country, ==, "TR");
  g_assert_cmpuint (test_edge (a, node->id, "country:TR")->kind, ==, PV_EDGE_LEADER_OF);
}

static void
test_role_resolved_by_date (void)
{
  const char *text = "او با رئیس جمهور ترکیه تلفنی گفت و گو کرد.";
  g_autoptr (PvAnalysis) in_2020 = test_analyze (text, "2020-02-29");
  g_autoptr (PvAnalysis) in_2010 = test_analyze (text, "2010-06-01");

  assert_mentions (in_2020, "person:recep-tayyip-erdogan", "رئیس جمهور ترکیه");
  /* in 2010 Erdoğan was prime minister, and the knowledge base does not
   * know that year's president: the role stays a role */
  g_assert_null (test_node (in_2010, "person:recep-tayyip-erdogan"));
  g_assert_cmpuint (test_count_type (in_2010, PV_ENTITY_PERSON), ==, 1);
}

static void
test_named_person_beats_date (void)
{
  /* a named president of the country is taken over the office holder on the
   * date the knowledge base knows */
  g_autoptr (PvAnalysis) a =
      test_analyze ("باراک اوباما گفت. رئیس جمهور آمریکا افزود.", "2020-01-01");

  assert_mentions (a, "person:barack-obama", "باراک اوباما");
  assert_mentions (a, "person:donald-trump", "رئیس جمهور آمریکا");
}

static void
test_capital_as_state_or_place (void)
{
  g_autoptr (PvAnalysis) state = test_analyze ("مسکو این تصمیم را محکوم کرد.", NULL);
  g_autoptr (PvAnalysis) city = test_analyze ("نشست در مسکو برگزار شد.", NULL);

  assert_mentions (state, "country:RU", "مسکو");
  g_assert_null (test_node (state, "place:moscow"));
  assert_mentions (city, "place:moscow", "مسکو");
  g_assert_null (test_node (city, "country:RU"));
}

static void
test_ambiguous_names_need_context (void)
{
  g_autoptr (PvAnalysis) lion = test_analyze ("شیر را اسد هم می نامند.", NULL);
  g_autoptr (PvAnalysis) named = test_analyze ("بشار اسد سخنرانی کرد. اسد گفت.", NULL);
  g_autoptr (PvAnalysis) titled = test_analyze ("دکتر روحانی گفت.", NULL);
  g_autoptr (PvAnalysis) cleric = test_analyze ("یک روحانی در مسجد سخنرانی کرد.", NULL);

  g_assert_cmpuint (lion->nodes->len, ==, 0);
  assert_mentions (named, "person:bashar-al-assad", "بشار اسد|اسد");
  assert_mentions (titled, "person:hassan-rouhani", "روحانی");
  g_assert_null (test_node (cleric, "person:hassan-rouhani"));
}

static void
test_ambiguous_names_with_their_country (void)
{
  g_autoptr (PvAnalysis) bag = test_analyze ("او کیف خود را در اتوبوس جا گذاشت.", NULL);
  g_autoptr (PvAnalysis) city =
      test_analyze ("ارتش روسیه به اوکراین حمله کرد و در کیف آژیر به صدا درآمد.", NULL);

  g_assert_null (test_node (bag, "place:kyiv"));
  assert_mentions (city, "place:kyiv", "کیف");
}

static void
test_slug (void)
{
  g_autofree char *slug = pv_slug_from_label ("رئیس‌جمهور ترکیه");
  g_autofree char *latin = pv_slug_from_label ("Lindsey  Graham");
  g_autofree char *empty = pv_slug_from_label ("«»");

  g_assert_cmpstr (slug, ==, "ryys-jmhvr-trkyh");
  g_assert_cmpstr (latin, ==, "lindsey-graham");
  g_assert_cmpstr (empty, ==, "unnamed");
}

/* Labels longer than the slug's buffers on the stack (a name of hundreds
 * of letters, with diacritics the normalization drops, and one of more
 * letters than its buffer for normalized text) slug as short ones do. */
static void
test_slug_long_label (void)
{
  g_autoptr (GString) label = g_string_new (NULL);
  g_autoptr (GString) expected = g_string_new (NULL);
  g_autofree char *slug = NULL;

  for (guint i = 0; i < 120; i++)
    {
      g_string_append (label, i > 0 ? " رَئیس‌جمهور" : "رَئیس‌جمهور");
      g_string_append (expected, i > 0 ? "-ryys-jmhvr" : "ryys-jmhvr");
    }
  slug = pv_slug_from_label (label->str);
  g_assert_cmpstr (slug, ==, expected->str);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entities/apposition", test_apposition);
  g_test_add_func ("/entities/slug-long-label", test_slug_long_label);
  g_test_add_func ("/entities/apposition-before-name", test_apposition_before_name);
  g_test_add_func ("/entities/unqualified-role",
                   test_unqualified_role_prefers_the_unqualified_person);
  g_test_add_func ("/entities/unqualified-role-single", test_unqualified_role_single_candidate);
  g_test_add_func ("/entities/unresolved-role", test_unresolved_role_without_date);
  g_test_add_func ("/entities/role-by-date", test_role_resolved_by_date);
  g_test_add_func ("/entities/named-beats-date", test_named_person_beats_date);
  g_test_add_func ("/entities/capital", test_capital_as_state_or_place);
  g_test_add_func ("/entities/ambiguous", test_ambiguous_names_need_context);
  g_test_add_func ("/entities/ambiguous-country-context", test_ambiguous_names_with_their_country);
  g_test_add_func ("/entities/slug", test_slug);

  return g_test_run ();
}
