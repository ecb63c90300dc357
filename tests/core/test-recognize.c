/* test-recognize.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "../../src/core/pv-knowledge-private.h"
#include "pv-analysis.h"
#include "pv-recognize.h"
#include "test-util.h"

typedef struct
{
  gunichar *chars;
  PvNormalized *normalized;
  PvSegmentation *segmentation;
  PvRecognition *recognition;
  GArray *mentions;
} Recognized;

static void
recognize (Recognized *r, const char *text)
{
  glong length = 0;

  r->chars = g_utf8_to_ucs4 (text, -1, NULL, &length, NULL);
  r->normalized = pv_normalize (r->chars, length);
  r->segmentation = pv_segment (r->chars, length, r->normalized);
  r->recognition = pv_recognize (test_knowledge (), r->chars, r->normalized, r->segmentation);
  r->mentions = r->recognition->mentions;
}

static void
recognized_clear (Recognized *r)
{
  g_free (r->chars);
  pv_normalized_free (r->normalized);
  pv_segmentation_free (r->segmentation);
  pv_recognition_free (r->recognition);
}

/* "surface=target-id" for each entity mention, ';'-joined; roles as
 * "surface=role:<id>"; titles and locatives left out. */
static char *
describe (const Recognized *r)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < r->mentions->len; i++)
    {
      const PvRawMention *m = &g_array_index (r->mentions, PvRawMention, i);
      g_autofree char *surface =
          g_ucs4_to_utf8 (r->chars + m->start, m->end - m->start, NULL, NULL, NULL);

      if (m->kind == PV_ALIAS_TITLE || m->kind == PV_ALIAS_LOCATIVE)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ';');
      if (m->kind == PV_ALIAS_ROLE)
        g_string_append_printf (out, "%s=role:%s", surface,
                                pv_knowledge_role (test_knowledge (), m->target)->id);
      else if (m->target >= r->recognition->first_rule_entity)
        g_string_append_printf (out, "%s=rule", surface);
      else
        g_string_append_printf (out, "%s=%s", surface,
                                pv_knowledge_entity (test_knowledge (), m->target)->id);
    }
  return g_string_free (out, FALSE);
}

static void
assert_recognized (const char *text, const char *expected)
{
  Recognized r;
  g_autofree char *got = NULL;

  recognize (&r, text);
  got = describe (&r);
  g_assert_cmpstr (got, ==, expected);
  recognized_clear (&r);
}

static void
test_longest_match (void)
{
  assert_recognized ("همکاری با آژانس بین المللی انرژی اتمی ادامه دارد.",
                     "آژانس بین المللی انرژی اتمی=organization:iaea");
  assert_recognized ("نماینده ایالات متحده آمریکا گفت.", "ایالات متحده آمریکا=country:US");
}

static void
test_spelling_variants (void)
{
  /* Arabic yeh and kaf, ZWNJ or space, رییس or رئیس */
  assert_recognized ("سخنگوی كرملين گفت.", "كرملين=country:RU");
  assert_recognized ("رییس‌جمهور روسیه آمد.",
                     "رییس‌جمهور=role:president;روسیه=country:RU");
  assert_recognized ("آژانس بین‌المللی انرژی اتمی",
                     "آژانس بین‌المللی انرژی اتمی=organization:iaea");
}

static void
test_glued_plural (void)
{
  /* the mention ends before the glued plural */
  assert_recognized ("آمریکاییها گفتند.", "آمریکایی=country:US");
  assert_recognized ("آمریکایی‌ها گفتند.", "آمریکایی=country:US");
  /* a person's name takes no plural */
  assert_recognized ("پوتینها", "");
}

static void
test_no_match_across_sentences (void)
{
  assert_recognized ("این را ایالات. متحده گفت.", "");
}

static void
test_latin_names (void)
{
  assert_recognized ("به گفته Vladimir Putin و NATO",
                     "Vladimir Putin=person:vladimir-putin;NATO=organization:nato");
}

static void
test_offsets_slice_surface (void)
{
  Recognized r;
  const char *text =
      "\u200fرئیس جمهور  ترکیه با ولادیمیر پوتين گفت‌وگو "
      "کرد.";

  recognize (&r, text);
  g_assert_cmpuint (r.mentions->len, >=, 3);
  for (guint i = 0; i < r.mentions->len; i++)
    {
      const PvRawMention *m = &g_array_index (r.mentions, PvRawMention, i);

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_false (g_unichar_isspace (r.chars[m->start]));
      g_assert_false (g_unichar_isspace (r.chars[m->end - 1]));
      g_assert_cmpuint (r.chars[m->start], !=, 0x200F);
    }
  recognized_clear (&r);
}

/* "surface=type:label" for every node of the analysis found by rules */
static void
assert_rule_nodes (const char *text, const char *id, const char *expected_mentions)
{
  g_autoptr (PvAnalysis) analysis = test_analyze (text, NULL);
  g_autofree char *mentions = test_mentions (analysis, id);

  g_assert_cmpstr (mentions, ==, expected_mentions);
}

static void
test_rule_latin_names (void)
{
  assert_rule_nodes ("سناتور Lindsey Graham گفت که Graham مخالف است.", "person:lindsey-graham",
                     "Lindsey Graham|Graham");
  assert_rule_nodes ("به گزارش NBC News این طرح رد شد.", "organization:nbc-news", "NBC News");
  assert_rule_nodes ("ماموران FBI تحقیق کردند.", "organization:fbi", "FBI");
}

static void
test_rule_given_names (void)
{
  g_autoptr (PvAnalysis) analysis =
      test_analyze ("پاتریک موریسی در این نشست گفت که موریسی نامزد خواهد شد.", NULL);
  const PvNode *node = g_ptr_array_index (analysis->nodes, 0);
  g_autofree char *mentions = test_mentions (analysis, node->id);

  g_assert_cmpint (node->type, ==, PV_ENTITY_PERSON);
  g_assert_cmpstr (node->label, ==, "پاتریک موریسی");
  g_assert_cmpstr (mentions, ==, "پاتریک موریسی|موریسی");
}

static void
test_rule_office_before_name (void)
{
  g_autoptr (PvAnalysis) analysis =
      test_analyze ("وزیر امور خارجه سوریه ولید معلم روز شنبه گفت.", NULL);
  const PvNode *node = NULL;

  for (guint i = 0; i < analysis->nodes->len; i++)
    if (((PvNode *)g_ptr_array_index (analysis->nodes, i))->type == PV_ENTITY_PERSON)
      node = g_ptr_array_index (analysis->nodes, i);
  g_assert_nonnull (node);
  g_assert_cmpstr (node->label, ==, "ولید معلم");
  g_assert_cmpuint (node->mentions->len, ==, 2); /* the name and the office */
  g_assert_cmpint (test_edge (analysis, node->id, "country:SY")->kind, ==, PV_EDGE_OFFICIAL_OF);
}

static void
test_rule_no_person_from_common_words (void)
{
  g_autoptr (PvAnalysis) analysis = test_analyze (
      "رئیس جمهور روسیه نیز با استقبال از این طرح گفت که توافقات انجام گرفته مهم است.", NULL);

  g_assert_cmpuint (test_count_type (analysis, PV_ENTITY_PERSON), ==, 1); /* the role */
}

static void
test_rule_organization_heads (void)
{
  g_autoptr (PvAnalysis) analysis =
      test_analyze ("رهبر حزب محافظه کار و استادان دانشگاه تهران گفتند.", NULL);

  g_assert_cmpuint (test_count_type (analysis, PV_ENTITY_ORGANIZATION), ==, 2);
}

static void
test_keyphrases (void)
{
  g_autoptr (PvAnalysis) analysis = test_analyze (
      "وزیران درباره پروتکل بهداشتی گفت و گو کردند. پروتکل بهداشتی اجرا می شود. "
      "توزیع کارت سوخت از ماه آینده آغاز می شود. سهمیه کارت سوخت کم است. "
      "دارندگان کارت‌های سوخت نگران هستند. این هم یک "
      "جمله "
      "است.",
      NULL);
  g_autofree char *protocol = NULL;
  g_autofree char *card = NULL;

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      g_assert_cmpint (node->type, ==, PV_ENTITY_TOPIC);
      if (g_str_has_prefix (node->label, "پروتکل"))
        protocol = test_mentions (analysis, node->id);
      else if (g_str_has_prefix (node->label, "کارت"))
        card = test_mentions (analysis, node->id);
      else
        g_error ("unexpected topic %s", node->label);
    }
  g_assert_cmpstr (protocol, ==, "پروتکل بهداشتی|پروتکل بهداشتی");
  /* a glued or separate plural is the same phrase */
  g_assert_cmpstr (card, ==, "کارت سوخت|کارت سوخت|کارت‌های سوخت");
}

/* A user's knowledge file may name an entity with a word of any length;
 * looking up an article's word that long once overran a 512-byte buffer. */
static void
test_long_user_word (void)
{
  g_autoptr (PvKnowledge) knowledge = pv_knowledge_new_builtin ();
  g_autoptr (GString) word = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  PvAnalyzeOptions options = { NULL };

  for (guint i = 0; i < 300; i++)
    g_string_append (word, i % 2 ? "ب" : "پ");
  json = g_strdup_printf ("{ \"organizations\": [ { \"id\": \"organization:long-word\","
                          " \"label\": \"%s\" } ] }",
                          word->str);
  g_assert_true (pv_knowledge_merge_json (knowledge, "user.json", json, strlen (json), &error));
  g_assert_no_error (error);

  text = g_strdup_printf ("نمایندگان %s و %sی دیگر گفتند.", word->str, word->str);
  analysis = pv_analyze (pv_document_new_from_text ("t", text, -1), knowledge, &options);
  g_assert_cmpint (pv_analysis_find_node (analysis, "organization:long-word"), >=, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recognize/longest-match", test_longest_match);
  g_test_add_func ("/recognize/spelling-variants", test_spelling_variants);
  g_test_add_func ("/recognize/glued-plural", test_glued_plural);
  g_test_add_func ("/recognize/sentence-boundary", test_no_match_across_sentences);
  g_test_add_func ("/recognize/latin-names", test_latin_names);
  g_test_add_func ("/recognize/long-user-word", test_long_user_word);
  g_test_add_func ("/recognize/offsets", test_offsets_slice_surface);
  g_test_add_func ("/recognize/rules/latin", test_rule_latin_names);
  g_test_add_func ("/recognize/rules/given-names", test_rule_given_names);
  g_test_add_func ("/recognize/rules/office-before-name", test_rule_office_before_name);
  g_test_add_func ("/recognize/rules/common-words", test_rule_no_person_from_common_words);
  g_test_add_func ("/recognize/rules/organization-heads", test_rule_organization_heads);
  g_test_add_func ("/recognize/rules/keyphrases", test_keyphrases);

  return g_test_run ();
}
