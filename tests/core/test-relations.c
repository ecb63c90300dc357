/* test-relations.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-util.h"

static char *
edge_sentences (const PvEdge *edge)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < edge->sentences->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? "," : "",
                            g_array_index (edge->sentences, guint, i));
  return g_string_free (out, FALSE);
}

static void
test_co_mention_weight (void)
{
  g_autoptr (PvAnalysis) a = test_analyze ("ایران و روسیه توافق کردند. "
                                           "عراق آماده است. "
                                           "روسیه و ایران و ایران دوباره گفتند.",
                                           NULL);
  const PvEdge *edge = test_edge (a, "country:IR", "country:RU");
  g_autofree char *sentences = NULL;

  g_assert_nonnull (edge);
  g_assert_cmpint (edge->kind, ==, PV_EDGE_CO_MENTION);
  /* two sentences, however often each name is repeated in them */
  g_assert_cmpuint (edge->weight, ==, 2);
  sentences = edge_sentences (edge);
  g_assert_cmpstr (sentences, ==, "0,2");
  g_assert_null (test_edge (a, "country:IR", "country:IQ"));
}

static void
test_leader_of_direction (void)
{
  g_autoptr (PvAnalysis) a = test_analyze ("ولادیمیر پوتین رئیس جمهور روسیه گفت.", NULL);
  const PvEdge *edge = test_edge (a, "person:vladimir-putin", "country:RU");
  const PvNode *source, *target;

  g_assert_nonnull (edge);
  g_assert_cmpint (edge->kind, ==, PV_EDGE_LEADER_OF);
  source = g_ptr_array_index (a->nodes, edge->source);
  target = g_ptr_array_index (a->nodes, edge->target);
  g_assert_cmpstr (source->id, ==, "person:vladimir-putin");
  g_assert_cmpstr (target->id, ==, "country:RU");
  g_assert_cmpuint (edge->weight, ==, 1);
}

static void
test_located_in (void)
{
  g_autoptr (PvAnalysis) together = test_analyze ("درگیری در ادلب سوریه ادامه دارد.", NULL);
  g_autoptr (PvAnalysis) apart = test_analyze ("ارتش سوریه پیشروی کرد. در ادلب آرامش است.", NULL);
  g_autoptr (PvAnalysis) no_country = test_analyze ("در ادلب آرامش است.", NULL);
  const PvEdge *edge;
  g_autofree char *sentences = NULL;

  edge = test_edge (together, "place:idlib", "country:SY");
  g_assert_nonnull (edge);
  g_assert_cmpint (edge->kind, ==, PV_EDGE_LOCATED_IN);
  g_assert_cmpstr (((PvNode *)g_ptr_array_index (together->nodes, edge->source))->id, ==,
                   "place:idlib");

  edge = test_edge (apart, "place:idlib", "country:SY");
  g_assert_nonnull (edge);
  g_assert_cmpint (edge->kind, ==, PV_EDGE_LOCATED_IN);
  sentences = edge_sentences (edge);
  g_assert_cmpstr (sentences, ==, "1");

  /* the country is not named: no node is invented for it */
  g_assert_null (test_node (no_country, "country:SY"));
  g_assert_cmpuint (no_country->edges->len, ==, 0);
}

static void
test_edge_kind_names (void)
{
  PvEdgeKind kind;

  g_assert_cmpstr (pv_edge_kind_to_string (PV_EDGE_LEADER_OF), ==, "leader-of");
  g_assert_true (pv_edge_kind_from_string ("located-in", &kind));
  g_assert_cmpint (kind, ==, PV_EDGE_LOCATED_IN);
  g_assert_false (pv_edge_kind_from_string ("friend-of", &kind));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/relations/co-mention", test_co_mention_weight);
  g_test_add_func ("/relations/leader-of", test_leader_of_direction);
  g_test_add_func ("/relations/located-in", test_located_in);
  g_test_add_func ("/relations/kind-names", test_edge_kind_names);

  return g_test_run ();
}
