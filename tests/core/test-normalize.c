/* test-normalize.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pv-normalize.h"

static void
assert_same_normalized (const char *a, const char *b)
{
  g_autofree char *na = pv_normalize_string (a);
  g_autofree char *nb = pv_normalize_string (b);

  g_assert_cmpstr (na, ==, nb);
}

static void
assert_normalizes_to (const char *input, const char *expected)
{
  g_autofree char *normalized = pv_normalize_string (input);

  g_assert_cmpstr (normalized, ==, expected);
}

static void
test_arabic_letters (void)
{
  assert_normalizes_to ("علي", "علی");
  assert_normalizes_to ("مصطفى", "مصطفی");
  assert_normalizes_to ("كرملين", "کرملین");
  assert_normalizes_to ("الجزيرة", "الجزیره");
  assert_normalizes_to ("خانهٔ", "خانه");
}

static void
test_diacritics_and_tatweel (void)
{
  assert_normalizes_to ("مُحَمَّد", "محمد");
  assert_normalizes_to ("ســـلام", "سلام");
  assert_normalizes_to ("کتاباً", "کتابا");
}

static void
test_zwnj_and_space (void)
{
  assert_same_normalized ("رئیس جمهور", "رئیس\u200cجمهور");
  assert_same_normalized ("رئیس جمهور", "رییس  جمهور");
  assert_same_normalized ("رئیس\u200cجمهور", "رییس\u200c جمهور");
  assert_normalizes_to ("آمریکایی\u200cها", "امریکایی ها");
}

static void
test_hamza_and_alef (void)
{
  assert_same_normalized ("رئیس", "رییس");
  assert_same_normalized ("آمریکا", "امریکا");
  assert_same_normalized ("مؤسسه", "موسسه");
  assert_same_normalized ("إسرائیل", "اسراییل");
}

static void
test_digits (void)
{
  assert_normalizes_to ("۱۲۳", "123");
  assert_normalizes_to ("١٢٣", "123");
  assert_normalizes_to ("۳٫۵", "3.5");
  assert_same_normalized ("کووید ۱۹", "کووید 19");
}

static void
test_bidi_marks_removed (void)
{
  assert_normalizes_to ("\u200fایران\u200e", "ایران");
  assert_normalizes_to ("\u202bروسیه\u202c", "روسیه");
}

static void
test_presentation_forms (void)
{
  /* ﻻ is the lam-alef ligature; ﺏ an isolated beh */
  assert_normalizes_to ("\ufefb", "لا");
  assert_normalizes_to ("\ufe8f\ufe8e\ufe91", "باب");
}

static void
test_latin (void)
{
  assert_normalizes_to ("Angela MERKEL", "angela merkel");
  assert_normalizes_to ("Erdoğan", "erdogan");
  assert_normalizes_to ("Ｎａｔｏ", "nato");
}

/* Every normalized character maps back to a code point that normalizes to
 * it, the map never goes backwards, and a word maps back to exactly its
 * original span. */
static void
test_offset_map (void)
{
  const char *text = "\u200fرئیس\u200cجمهورِ  ســوریه، كشور ۱۲ و ﻻ.";
  g_autofree gunichar *chars = NULL;
  g_autoptr (PvNormalized) normalized = NULL;
  glong length = 0;
  gsize start, end;

  chars = g_utf8_to_ucs4 (text, -1, NULL, &length, NULL);
  normalized = pv_normalize (chars, length);

  g_assert_cmpuint (normalized->to_original[normalized->length], ==, length);
  for (gsize i = 0; i + 1 <= normalized->length; i++)
    {
      if (i > 0)
        g_assert_cmpuint (normalized->to_original[i], >=, normalized->to_original[i - 1]);
      g_assert_cmpuint (normalized->to_original[i], <, length);
    }

  /* "سوریه" in the normalized view comes from "ســوریه" with tatweel */
  for (gsize i = 0; i + 5 <= normalized->length; i++)
    {
      static const gunichar syria[] = { 0x0633, 0x0648, 0x0631, 0x06CC, 0x0647 };

      if (memcmp (normalized->chars + i, syria, sizeof syria) != 0)
        continue;
      pv_normalized_to_original (normalized, i, i + 5, &start, &end);
      {
        g_autofree char *slice = g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);

        g_assert_cmpstr (slice, ==, "ســوریه");
      }
      g_assert_cmpuint (pv_normalized_from_original (normalized, start), ==, i);
      return;
    }
  g_assert_not_reached ();
}

/* pv_normalize_into() makes the characters pv_normalize() makes, and
 * counts those that do not fit. */
static void
test_into (void)
{
  const char *texts[] = {
    "",
    "\u200fرئیس\u200cجمهورِ  ســوریه، كشور ۱۲ و ﻻ.",
    "Erdoğan Ｎａｔｏ ﷺ",
    "\u200c\u200f\u0640",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autofree gunichar *chars = NULL;
      g_autoptr (PvNormalized) normalized = NULL;
      gunichar into[64];
      glong length = 0;

      chars = g_utf8_to_ucs4 (texts[t], -1, NULL, &length, NULL);
      normalized = pv_normalize (chars, length);

      g_assert_cmpuint (pv_normalize_into (chars, length, into, G_N_ELEMENTS (into)), ==,
                        normalized->length);
      g_assert_cmpmem (into, normalized->length * sizeof (gunichar), normalized->chars,
                       normalized->length * sizeof (gunichar));
      /* too little room: the first characters, and how many there are */
      g_assert_cmpuint (pv_normalize_into (chars, length, into, 3), ==, normalized->length);
      g_assert_cmpmem (into, MIN (3, normalized->length) * sizeof (gunichar), normalized->chars,
                       MIN (3, normalized->length) * sizeof (gunichar));
    }
}

static void
test_empty (void)
{
  g_autoptr (PvNormalized) normalized = pv_normalize (NULL, 0);

  g_assert_cmpuint (normalized->length, ==, 0);
  g_assert_cmpuint (normalized->to_original[0], ==, 0);
  assert_normalizes_to ("", "");
  assert_normalizes_to ("\u200c \u200f", "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/normalize/arabic-letters", test_arabic_letters);
  g_test_add_func ("/normalize/diacritics-tatweel", test_diacritics_and_tatweel);
  g_test_add_func ("/normalize/zwnj-space", test_zwnj_and_space);
  g_test_add_func ("/normalize/hamza-alef", test_hamza_and_alef);
  g_test_add_func ("/normalize/digits", test_digits);
  g_test_add_func ("/normalize/bidi-marks", test_bidi_marks_removed);
  g_test_add_func ("/normalize/presentation-forms", test_presentation_forms);
  g_test_add_func ("/normalize/latin", test_latin);
  g_test_add_func ("/normalize/offset-map", test_offset_map);
  g_test_add_func ("/normalize/into", test_into);
  g_test_add_func ("/normalize/empty", test_empty);

  return g_test_run ();
}
