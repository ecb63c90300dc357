/* test-text.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "pv-text.h"

typedef struct
{
  gunichar *chars;
  glong length;
  PvNormalized *normalized;
  PvSegmentation *segmentation;
} Fixture;

static void
fixture_init (Fixture *f, const char *text)
{
  f->chars = g_utf8_to_ucs4 (text, -1, NULL, &f->length, NULL);
  g_assert_nonnull (f->chars);
  f->normalized = pv_normalize (f->chars, f->length);
  f->segmentation = pv_segment (f->chars, f->length, f->normalized);
}

static void
fixture_clear (Fixture *f)
{
  g_free (f->chars);
  pv_normalized_free (f->normalized);
  pv_segmentation_free (f->segmentation);
}

static char *
sentence_text (const Fixture *f, guint index)
{
  const PvSpan *span = &g_array_index (f->segmentation->sentences, PvSpan, index);

  return g_ucs4_to_utf8 (f->chars + span->start, span->end - span->start, NULL, NULL, NULL);
}

static void
assert_sentences (const char *text, const char *const *expected)
{
  Fixture f;
  guint n = g_strv_length ((char **)expected);

  fixture_init (&f, text);
  for (guint i = 0; i < MIN (n, f.segmentation->sentences->len); i++)
    {
      g_autofree char *sentence = sentence_text (&f, i);

      g_assert_cmpstr (sentence, ==, expected[i]);
    }
  g_assert_cmpuint (f.segmentation->sentences->len, ==, n);
  fixture_clear (&f);
}

static void
test_sentence_terminals (void)
{
  const char *expected[] = { "آیا او آمد؟", "بله آمد!", "سپس رفت.", "و دیگر برنگشت", NULL };

  assert_sentences ("آیا او آمد؟ بله آمد! سپس رفت. و دیگر برنگشت", expected);
}

static void
test_paragraph_breaks (void)
{
  const char *expected[] = { "تیتر خبر بی نقطه", "متن خبر در اینجا است.", NULL };

  assert_sentences ("تیتر خبر بی نقطه\n\nمتن خبر در اینجا است.\n", expected);
}

static void
test_numbers_do_not_split (void)
{
  const char *expected[] = { "نرخ رشد ۳.۵ درصد و تورم 12.5 درصد بود.", "پایان.", NULL };

  assert_sentences ("نرخ رشد ۳.۵ درصد و تورم 12.5 درصد بود. پایان.", expected);
}

static void
test_abbreviations_do_not_split (void)
{
  const char *expected[] = { "Mr. Graham met U.S. President Trump.", "They talked.", NULL };
  const char *initials[] = { "سخنرانی ج.ا.ایران در نشست امروز برگزار شد.", NULL };
  const char *spelled[] = { "جورج دبلیو. بوش به تگزاس رفت.", "او آنجا ماند.", NULL };

  assert_sentences ("Mr. Graham met U.S. President Trump. They talked.", expected);
  assert_sentences ("سخنرانی ج.ا.ایران در نشست امروز برگزار شد.", initials);
  assert_sentences ("جورج دبلیو. بوش به تگزاس رفت. او آنجا ماند.", spelled);
}

/* What plain ICU does with the same text: it ends a sentence after "Mr.",
 * which is why pv_segment merges abbreviations back. */
static void
test_icu_alone_splits_abbreviations (void)
{
  UChar text[32];
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator;

  u_uastrcpy (text, "Mr. Graham met Trump.");
  iterator = ubrk_open (UBRK_SENTENCE, "en", text, -1, &status);
  guint sentences = 0;

  g_assert_true (U_SUCCESS (status));
  ubrk_first (iterator);
  while (ubrk_next (iterator) != UBRK_DONE)
    sentences++;
  ubrk_close (iterator);
  g_assert_cmpuint (sentences, ==, 2);
}

static void
test_words (void)
{
  Fixture f;
  const char *expected[] = { "رییس", "جمهور", "گفت", "3.5", "درصد", "امریکایی", "ها", NULL };

  fixture_init (&f, "رئیس\u200cجمهور گفت: ۳.۵ درصد، آمریکایی\u200cها.");
  g_assert_cmpuint (f.segmentation->tokens->len, ==, g_strv_length ((char **)expected));
  for (guint i = 0; i < f.segmentation->tokens->len; i++)
    {
      const PvToken *token = &g_array_index (f.segmentation->tokens, PvToken, i);
      g_autofree char *word =
          g_ucs4_to_utf8 (f.normalized->chars + token->norm_start,
                          token->norm_end - token->norm_start, NULL, NULL, NULL);

      g_assert_cmpstr (word, ==, expected[i]);
      g_assert_cmpuint (token->sentence, ==, 0);
      g_assert_cmpuint (token->start, <, token->end);
    }
  fixture_clear (&f);
}

static gsize
offset_of (const char *text, const char *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static gsize
body_end_of (const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong length = 0;

  chars = g_utf8_to_ucs4 (text, -1, NULL, &length, NULL);
  return pv_find_body_end (chars, length);
}

static gsize
char_length (const char *text)
{
  return g_utf8_strlen (text, -1);
}

static const char article[] =
    "وزیر امور خارجه روز شنبه در سفر به پایتخت با همتای خود دیدار و درباره روابط دو کشور "
    "گفت و گو کرد.\n\n"
    "او در این دیدار گفت که همکاری های اقتصادی دو کشور در سال های اخیر افزایش یافته است و "
    "باید ادامه یابد.\n";

static void
test_furniture_after_body (void)
{
  g_autofree char *page = g_strconcat (article,
                                       "انتهای پیام\n"
                                       "این مطلب برایم مفید است\n"
                                       "۱۲ نفر این پست را پسندیده اند\n"
                                       "نظرات کاربران\n"
                                       "مسئولیت نوشته ها بر عهده نویسندگان آنهاست.\n",
                                       NULL);

  g_assert_cmpuint (body_end_of (page), ==, offset_of (page, "انتهای پیام"));
}

static void
test_short_end_marker (void)
{
  g_autofree char *page = g_strconcat (article, "انتهای پیام/\n", NULL);

  g_assert_cmpuint (body_end_of (page), ==, offset_of (page, "انتهای پیام"));
}

static void
test_no_furniture (void)
{
  g_autofree char *page = g_strconcat ("تیتر خبر\n", article, "او گفت: «ما آماده ایم.»\n", NULL);
  g_autofree char *heading = g_strconcat (article, "یک میان تیتر\nاین جمله پایانی است.\n", NULL);

  g_assert_cmpuint (body_end_of (article), ==, char_length (article));
  g_assert_cmpuint (body_end_of (page), ==, char_length (page));
  /* one short heading before a closing sentence is still article */
  g_assert_cmpuint (body_end_of (heading), ==, char_length (heading));
}

static void
test_segment_skips_furniture (void)
{
  Fixture f;
  g_autofree char *page = g_strconcat (article, "انتهای پیام\nنظرات\nاشتراک گذاری\n", NULL);

  fixture_init (&f, page);
  g_assert_cmpuint (f.segmentation->sentences->len, ==, 2);
  g_assert_cmpuint (f.segmentation->body_end, ==, offset_of (page, "انتهای پیام"));
  for (guint i = 0; i < f.segmentation->tokens->len; i++)
    g_assert_cmpuint (g_array_index (f.segmentation->tokens, PvToken, i).end, <=,
                      f.segmentation->body_end);
  fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/sentences/terminals", test_sentence_terminals);
  g_test_add_func ("/text/sentences/paragraphs", test_paragraph_breaks);
  g_test_add_func ("/text/sentences/numbers", test_numbers_do_not_split);
  g_test_add_func ("/text/sentences/abbreviations", test_abbreviations_do_not_split);
  g_test_add_func ("/text/sentences/icu-alone", test_icu_alone_splits_abbreviations);
  g_test_add_func ("/text/words", test_words);
  g_test_add_func ("/text/furniture/after-body", test_furniture_after_body);
  g_test_add_func ("/text/furniture/end-marker", test_short_end_marker);
  g_test_add_func ("/text/furniture/none", test_no_furniture);
  g_test_add_func ("/text/furniture/segment", test_segment_skips_furniture);

  return g_test_run ();
}
