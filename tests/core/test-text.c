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

  /* paragraph separators end lines as line feeds do */
  {
    g_autoptr (GString) separated = g_string_new (page);

    g_string_replace (separated, "\n", "\u2029", 0);
    g_assert_cmpuint (body_end_of (separated->str), ==, offset_of (separated->str, "انتهای پیام"));
  }
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

/* ---------------------------------------------------------------------- */
/* The fast word segmentation against ICU                                  */

/* The text as UTF-16 for ICU, and where each unit's character starts. */
static UChar *
to_utf16 (const gunichar *text, gsize length, int32_t *n_units, gsize **unit_to_char)
{
  UChar *units = g_new (UChar, 2 * length + 1);
  int32_t n = 0;

  *unit_to_char = g_new (gsize, 2 * length + 1);
  for (gsize i = 0; i < length; i++)
    {
      gunichar ch = text[i];

      (*unit_to_char)[n] = i;
      if (ch > 0xFFFF)
        {
          units[n++] = (UChar)(0xD800 + ((ch - 0x10000) >> 10));
          (*unit_to_char)[n] = i;
          units[n++] = (UChar)(0xDC00 + ((ch - 0x10000) & 0x3FF));
        }
      else
        units[n++] = (UChar)ch;
    }
  (*unit_to_char)[n] = length;
  *n_units = n;
  return units;
}

/* pv_word_spans() as it was before its fast path: ICU's word break iterator
 * over the whole text, words and numbers only. */
static GArray *
icu_word_spans (const gunichar *text, gsize length)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PvSpan));
  g_autofree gsize *unit_to_char = NULL;
  int32_t n = 0, start, end;
  g_autofree UChar *units = to_utf16 (text, length, &n, &unit_to_char);
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator;

  iterator = ubrk_open (UBRK_WORD, "fa", units, n, &status);
  g_assert_true (U_SUCCESS (status));
  start = ubrk_first (iterator);
  for (end = ubrk_next (iterator); end != UBRK_DONE; start = end, end = ubrk_next (iterator))
    {
      PvSpan span = { unit_to_char[start], unit_to_char[end] };

      if (ubrk_getRuleStatus (iterator) >= UBRK_WORD_NONE_LIMIT)
        g_array_append_val (spans, span);
    }
  ubrk_close (iterator);
  return spans;
}

/* Whether the fast path found what ICU found; when not, says where. */
static gboolean
same_or_report (GArray *fast, GArray *icu, gsize element_size, const char *what,
                const gunichar *text, gsize length)
{
  if (fast->len == icu->len &&
      (fast->len == 0 || memcmp (fast->data, icu->data, fast->len * element_size) == 0))
    return TRUE;

  {
    g_autofree char *utf8 = g_ucs4_to_utf8 (text, (glong)length, NULL, NULL, NULL);
    g_autoptr (GString) codes = g_string_new (NULL);

    for (gsize i = 0; i < length; i++)
      g_string_append_printf (codes, " U+%04X", text[i]);
    g_test_message ("%s differ from ICU's in \"%s\" (%s): %u, ICU %u", what, utf8, codes->str,
                    fast->len, icu->len);
  }
  return FALSE;
}

static gboolean
same_as_icu (const gunichar *text, gsize length)
{
  g_autoptr (GArray) fast = pv_word_spans (text, length);
  g_autoptr (GArray) icu = icu_word_spans (text, length);

  return same_or_report (fast, icu, sizeof (PvSpan), "words", text, length);
}

/* Characters around the one under test: letters, digits, marks, ZWNJ,
 * spaces, the characters that join words, a line feed. */
static const gunichar word_context[] = {
  'a', 'Z', 0x0628, 0x06CC, '7',    0x06F1, 0x0661, 0x064E, 0x0670, 0x200C, 0x200E, ' ',    0xA0,
  '.', ',', '\'',   ';',    0x060C, 0x2019, 0x00B7, '-',    '\n',   '\r',   '_',    0x05D0, 0x200D,
};

/* Every character of the fast path's tables (and a few beyond them), alone
 * and between two of the context characters: for each character one text
 * of all these cases, a line each. */
static void
test_words_match_icu_each_character (void)
{
  static const gunichar beyond[] = { 0x2070, 0x20AC, 0xFB56, 0xFEFF, 0xFF0C, 0x1F600, 0x10000 };
  g_autoptr (GArray) text = g_array_new (FALSE, FALSE, sizeof (gunichar));
  guint failures = 0;

  for (gunichar ch = 1; ch < 0x2070 + G_N_ELEMENTS (beyond); ch++)
    {
      gunichar c = ch;

      if (ch >= 0x0800 && ch < 0x2000)
        continue;
      if (ch >= 0x2070)
        c = beyond[ch - 0x2070];

      g_array_set_size (text, 0);
      g_array_append_val (text, c);
      for (guint a = 0; a < G_N_ELEMENTS (word_context); a++)
        for (guint b = 0; b < G_N_ELEMENTS (word_context); b++)
          {
            /* c between two characters, and with a letter or a digit each
             * side, so that c joins or parts words */
            gunichar cases[] = { '\n', word_context[a], c, word_context[b], '\n',
                                 'x',  word_context[a], c, word_context[b], 0x06F2 };

            g_array_append_vals (text, cases, G_N_ELEMENTS (cases));
          }
      failures += !same_as_icu ((const gunichar *)text->data, text->len);
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* Random strings of the characters that matter. */
static void
test_words_match_icu_random (void)
{
  static const gunichar pool[] = {
    'a',    'b',    'Q',    0xE9,   0x0627, 0x0628, 0x06A9, 0x06CC, 0x0621, '0',     '9',
    0x06F0, 0x06F5, 0x0660, 0x066B, 0x066C, 0x064B, 0x0650, 0x0651, 0x0670, 0x0654,  0x200C,
    0x200D, 0x200E, 0x200F, 0xAD,   0x061C, ' ',    ' ',    0xA0,   0x2009, 0x202F,  '\t',
    '\n',   '\r',   0x2028, '.',    ',',    '\'',   '"',    ':',    ';',    '!',     '?',
    '(',    ')',    '-',    '/',    '_',    '@',    0x060C, 0x061B, 0x061F, 0x06D4,  0x00AB,
    0x00BB, 0x2018, 0x2019, 0x201C, 0x2026, 0x2013, 0x00B7, 0x05D0, 0x05F3, 0x1F600, 0x00A9,
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261129);
  gunichar text[24];
  guint failures = 0;

  for (guint n = 0; n < 40000; n++)
    {
      gsize length = (gsize)g_rand_int_range (rand, 1, G_N_ELEMENTS (text) + 1);

      for (gsize i = 0; i < length; i++)
        text[i] = pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))];
      failures += !same_as_icu (text, length);
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* Calls `check` on every article of ../shared/corpus (as code points);
 * skips the test when the corpus is not here. */
static void
check_corpus_articles (void (*check) (const gunichar *chars, gsize length))
{
  const char *shared = g_getenv ("PEYVAND_SHARED_DIR");
  g_autofree char *path = shared ? g_build_filename (shared, "corpus", "ntrex", NULL) : NULL;
  g_autoptr (GDir) dir = path ? g_dir_open (path, 0, NULL) : NULL;
  const char *name;
  guint articles = 0;

  if (dir == NULL)
    {
      g_test_skip ("../shared/corpus is not here");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree gunichar *chars = NULL;
      glong length = 0;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (file, &contents, NULL, NULL))
        continue;
      chars = g_utf8_to_ucs4 (contents, -1, NULL, &length, NULL);
      if (chars == NULL)
        continue;
      check (chars, (gsize)length);
      articles++;
    }
  g_assert_cmpuint (articles, >, 0);
}

static void
check_article_words (const gunichar *chars, gsize length)
{
  g_autoptr (PvNormalized) normalized = pv_normalize (chars, length);

  g_assert_true (same_as_icu (chars, length));
  g_assert_true (same_as_icu (normalized->chars, normalized->length));
}

/* Every article of ../shared/corpus, as it is and normalized. */
static void
test_words_match_icu_corpus (void)
{
  check_corpus_articles (check_article_words);
}

/* ---------------------------------------------------------------------- */
/* The fast sentence boundaries against ICU                                */

/* ICU's sentence break iterator over the whole text, as the segmentation
 * used it before its fast path. */
static GArray *
icu_sentence_breaks (const gunichar *text, gsize length)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree gsize *unit_to_char = NULL;
  int32_t n = 0, boundary;
  g_autofree UChar *units = to_utf16 (text, length, &n, &unit_to_char);
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator;

  iterator = ubrk_open (UBRK_SENTENCE, "fa", units, n, &status);
  g_assert_true (U_SUCCESS (status));
  ubrk_first (iterator);
  for (boundary = ubrk_next (iterator); boundary != UBRK_DONE; boundary = ubrk_next (iterator))
    g_array_append_val (breaks, unit_to_char[boundary]);
  ubrk_close (iterator);
  return breaks;
}

static gboolean
same_sentences_as_icu (const gunichar *text, gsize length)
{
  g_autoptr (GArray) fast = pv_sentence_breaks (text, length);
  g_autoptr (GArray) icu = icu_sentence_breaks (text, length);

  return same_or_report (fast, icu, sizeof (gsize), "sentence boundaries", text, length);
}

/* Characters around the one under test: terminators, closing marks,
 * spaces, letters of each case and script, digits, a comma, marks and
 * format characters, separators. */
static const gunichar sentence_context[] = {
  '.',    '?',  0x061F, 0x06D4, '!',    ')',    0x00BB, '"',    ' ',    0xA0,
  'a',    'Z',  0x0628, 0x06CC, '7',    0x06F1, ',',    0x060C, 0x200C, 0x064E,
  0x200F, '\n', '\r',   0x2029, 0x0085, 0x2024, ':',    '-',
};

/* Every character of the fast path's tables (and a few beyond them),
 * after a terminator and between two context characters: for each
 * character one text of all these cases. */
static void
test_sentences_match_icu_each_character (void)
{
  static const gunichar beyond[] = { 0x2070, 0x20AC, 0x3002, 0xFB56, 0xFE52, 0xFF0E, 0x1F600 };
  g_autoptr (GArray) text = g_array_new (FALSE, FALSE, sizeof (gunichar));
  guint failures = 0;

  for (gunichar ch = 1; ch < 0x2070 + G_N_ELEMENTS (beyond); ch++)
    {
      gunichar c = ch;

      if (ch >= 0x0800 && ch < 0x2000)
        continue;
      if (ch >= 0x2070)
        c = beyond[ch - 0x2070];

      g_array_set_size (text, 0);
      g_array_append_val (text, c);
      for (guint a = 0; a < G_N_ELEMENTS (sentence_context); a++)
        for (guint b = 0; b < G_N_ELEMENTS (sentence_context); b++)
          {
            gunichar cases[] = { 0x0628,
                                 '.',
                                 sentence_context[a],
                                 c,
                                 sentence_context[b],
                                 0x0628,
                                 'a',
                                 '.',
                                 ' ',
                                 c,
                                 sentence_context[a],
                                 'b',
                                 sentence_context[b],
                                 0x06CC,
                                 0x061F,
                                 c,
                                 sentence_context[a],
                                 ' ',
                                 0x062A };

            g_array_append_vals (text, cases, G_N_ELEMENTS (cases));
          }
      failures += !same_sentences_as_icu ((const gunichar *)text->data, text->len);
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* Random strings of the characters that matter. */
static void
test_sentences_match_icu_random (void)
{
  static const gunichar pool[] = {
    'a',    'b',    'Q',    'T',    0xE9,   0x0627, 0x0628,  0x06A9, 0x06CC, 0x0621, '0',
    '9',    0x06F0, 0x06F5, 0x064B, 0x0650, 0x200C, 0x200D,  0x200E, 0x200F, 0xAD,   ' ',
    ' ',    ' ',    0xA0,   0x2009, '\t',   '\n',   '\r',    0x2028, 0x2029, 0x0085, '.',
    '.',    '.',    ',',    '\'',   '"',    ':',    ';',     '!',    '?',    '(',    ')',
    '[',    ']',    '-',    0x060C, 0x061B, 0x061F, 0x06D4,  0x00AB, 0x00BB, 0x2018, 0x2019,
    0x201C, 0x201D, 0x2026, 0x2024, 0x3002, 0xFF0E, 0x1F600,
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261130);
  gunichar text[32];
  guint failures = 0;

  for (guint n = 0; n < 40000; n++)
    {
      gsize length = (gsize)g_rand_int_range (rand, 1, G_N_ELEMENTS (text) + 1);

      for (gsize i = 0; i < length; i++)
        text[i] = pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))];
      failures += !same_sentences_as_icu (text, length);
    }
  g_assert_cmpuint (failures, ==, 0);
}

static void
check_article_sentences (const gunichar *chars, gsize length)
{
  g_assert_true (same_sentences_as_icu (chars, length));
}

/* Every article of ../shared/corpus. */
static void
test_sentences_match_icu_corpus (void)
{
  check_corpus_articles (check_article_sentences);
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
  g_test_add_func ("/text/sentences/icu/each-character", test_sentences_match_icu_each_character);
  g_test_add_func ("/text/sentences/icu/random", test_sentences_match_icu_random);
  g_test_add_func ("/text/sentences/icu/corpus", test_sentences_match_icu_corpus);
  g_test_add_func ("/text/words", test_words);
  g_test_add_func ("/text/words/icu/each-character", test_words_match_icu_each_character);
  g_test_add_func ("/text/words/icu/random", test_words_match_icu_random);
  g_test_add_func ("/text/words/icu/corpus", test_words_match_icu_corpus);
  g_test_add_func ("/text/furniture/after-body", test_furniture_after_body);
  g_test_add_func ("/text/furniture/end-marker", test_short_end_marker);
  g_test_add_func ("/text/furniture/none", test_no_furniture);
  g_test_add_func ("/text/furniture/segment", test_segment_skips_furniture);

  return g_test_run ();
}
