/* pv-normalize.h: the normalized view of a text, used for matching only
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Arabic ي ى ك → Persian ی ک, ة ۀ → ه, hamza carriers → their base letter
 * (so رئیس = رییس), presentation forms → base letters, diacritics, tatweel,
 * bidi marks and ZWJ removed, ZWNJ and every kind of space → one space,
 * Persian and Arabic-Indic digits → ASCII, Latin lower-cased without
 * accents.  The original text is never changed: `to_original` maps each
 * normalized position back to the code point it came from. */
typedef struct
{
  gunichar *chars;
  gsize length;
  /* length + 1 entries: to_original[i] is the original offset of chars[i];
   * to_original[length] is the original length.  Non-decreasing. */
  gsize *to_original;
} PvNormalized;

PvNormalized *pv_normalize (const gunichar *text, gsize length);

/* The characters pv_normalize() makes of a short text, without the offset
 * map and without allocating: the first `size` of them are written to
 * `chars`, and the number of them all is returned (more than `size` when
 * they do not fit). */
gsize pv_normalize_into (const gunichar *text, gsize length, gunichar *chars, gsize size);

/* The original span [start, end) that normalized [norm_start, norm_end)
 * came from (norm_end > norm_start). */
void pv_normalized_to_original (const PvNormalized *normalized, gsize norm_start, gsize norm_end,
                                gsize *start, gsize *end);

/* First normalized position whose original offset is >= `offset`. */
gsize pv_normalized_from_original (const PvNormalized *normalized, gsize offset);

/* A UTF-8 string normalized the same way, with runs of spaces collapsed and
 * the ends trimmed (for names in the knowledge base and for display keys). */
char *pv_normalize_string (const char *utf8);

/* pv_normalize_string() of a text already normalized. */
char *pv_normalized_to_string (const PvNormalized *normalized);

/* True for the characters the normalizer turns into a space. */
gboolean pv_is_word_separator (gunichar ch);

void pv_normalized_free (PvNormalized *normalized);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvNormalized, pv_normalized_free)

G_END_DECLS
