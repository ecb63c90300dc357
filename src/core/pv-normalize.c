/* pv-normalize.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-normalize"

#include "config.h"

#include <string.h>

#include "pv-normalize.h"

#define ZWNJ 0x200C

gboolean
pv_is_word_separator (gunichar ch)
{
  if (ch == ZWNJ || ch == 0x00A0 || ch == 0x202F || ch == 0x2007)
    return TRUE;
  if (ch == '\n' || ch == '\r')
    return FALSE;
  return g_unichar_isspace (ch) || g_unichar_type (ch) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
is_dropped (gunichar ch)
{
  switch (ch)
    {
      case 0x0640: /* tatweel */
      case 0x200D: /* ZWJ */
      case 0x200E:
      case 0x200F: /* LRM, RLM */
      case 0x061C: /* ALM */
      case 0x00AD: /* soft hyphen */
      case 0xFEFF: /* BOM, zero width no-break space */
      case 0x200B: /* zero width space */
      case 0x0621: /* lone hamza: written or not, same word */
        return TRUE;
      default:
        break;
    }
  if ((ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069))
    return TRUE;
  /* Arabic harakat, tanwin, shadda, sukun, superscript alef, Quranic marks */
  if ((ch >= 0x064B && ch <= 0x065F) || ch == 0x0670 || (ch >= 0x06D6 && ch <= 0x06ED) ||
      (ch >= 0x0610 && ch <= 0x061A))
    return TRUE;
  return g_unichar_type (ch) == G_UNICODE_NON_SPACING_MARK;
}

static gunichar
map_letter (gunichar ch)
{
  switch (ch)
    {
      case 0x064A:     /* ي */
      case 0x0649:     /* ى */
      case 0x0626:     /* ئ */
      case 0x06D0:     /* ې */
        return 0x06CC; /* ی */
      case 0x0643:     /* ك */
      case 0x06AA:
        return 0x06A9; /* ک */
      case 0x0629:     /* ة */
      case 0x06C0:     /* ۀ */
      case 0x06C1:     /* ہ */
      case 0x06D5:     /* ە */
        return 0x0647; /* ه */
      case 0x0622:     /* آ */
      case 0x0623:     /* أ */
      case 0x0625:     /* إ */
      case 0x0671:     /* ٱ */
        return 0x0627; /* ا */
      case 0x0624:     /* ؤ */
        return 0x0648; /* و */
      case 0x066B:     /* Arabic decimal separator */
        return '.';
      case 0x066C: /* Arabic thousands separator */
        return ',';
      default:
        break;
    }
  if (ch >= 0x06F0 && ch <= 0x06F9)
    return '0' + (ch - 0x06F0);
  if (ch >= 0x0660 && ch <= 0x0669)
    return '0' + (ch - 0x0660);
  if (ch < 0x0600)
    return g_unichar_tolower (ch);
  return ch;
}

static gboolean
needs_decomposition (gunichar ch)
{
  /* Arabic presentation forms (compatibility), precomposed Latin letters
   * (canonical), full-width forms */
  return (ch >= 0xFB50 && ch <= 0xFDFF) || (ch >= 0xFE70 && ch <= 0xFEFE) ||
         (ch >= 0x00C0 && ch < 0x0600) || (ch >= 0xFF01 && ch <= 0xFF5E);
}

/* What normalize_char makes of one code point: at most this many
 * characters, since each part of a full decomposition is a character that
 * decomposes no further. */
#define MAX_NORMALIZED_CHARS G_UNICHAR_MAX_DECOMPOSITION_LENGTH

/* Writes what `ch` normalizes to into `out` and returns how many
 * characters that is (0 when it is dropped). */
static gsize
normalize_char (gunichar ch, gunichar *out)
{
  if (needs_decomposition (ch))
    {
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (ch, TRUE, parts, G_N_ELEMENTS (parts));

      if (n > 1 || (n == 1 && parts[0] != ch))
        {
          gsize written = 0;

          for (gsize i = 0; i < n; i++)
            {
              gunichar part[MAX_NORMALIZED_CHARS];
              gsize k = normalize_char (parts[i], part);

              g_assert (written + k <= MAX_NORMALIZED_CHARS);
              memcpy (out + written, part, k * sizeof (gunichar));
              written += k;
            }
          return written;
        }
    }

  if (is_dropped (ch))
    return 0;

  if (pv_is_word_separator (ch))
    out[0] = ' ';
  else
    out[0] = map_letter (ch);
  return 1;
}

/* What normalize_char makes of each code point below FAST_LIMIT (ASCII,
 * Latin, Arabic) and of general punctuation from PUNCTUATION (ZWNJ, bidi
 * marks, dashes, quotes): nearly every character of a Persian article.
 * Worked out once by normalize_char itself: the one character it becomes,
 * or DROPPED, or SLOW when it becomes several (decompositions:
 * normalize_char again).  Both markers are above every code point, so one
 * comparison tells a plain character from the rest. */
#define FAST_LIMIT 0x0700
#define PUNCTUATION 0x2000
#define PUNCTUATION_END 0x2070
#define DROPPED G_MAXUINT32
#define SLOW (G_MAXUINT32 - 1)

static const gunichar *
fast_table (void)
{
  static gunichar table[FAST_LIMIT + PUNCTUATION_END - PUNCTUATION];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (table); i++)
        {
          gunichar ch = i < FAST_LIMIT ? i : PUNCTUATION + (i - FAST_LIMIT);
          gunichar chars[MAX_NORMALIZED_CHARS];
          gsize n = normalize_char (ch, chars);

          table[i] = n == 0 ? DROPPED : n == 1 ? chars[0] : SLOW;
        }
      g_once_init_leave (&initialized, 1);
    }
  return table;
}

static inline gunichar
fast_lookup (const gunichar *table, gunichar ch)
{
  if (G_LIKELY (ch < FAST_LIMIT))
    return table[ch];
  if (ch >= PUNCTUATION && ch < PUNCTUATION_END)
    return table[FAST_LIMIT + ch - PUNCTUATION];
  return SLOW;
}

/* A PvNormalized, its to_original and its chars are one block, in that
 * order: short texts (names, the words the segmentation looks up) are
 * normalized by the thousand, and three allocations each cost more than
 * normalizing them. */
static inline gsize *
block_map (PvNormalized *block)
{
  return (gsize *)(block + 1);
}

static inline gunichar *
block_chars (PvNormalized *block, gsize capacity)
{
  return (gunichar *)(block_map (block) + capacity);
}

/* The block with room for `capacity` characters, its first `kept`
 * characters moved along with the end of the map. */
static PvNormalized *
block_resize (PvNormalized *block, gsize old_capacity, gsize capacity, gsize kept)
{
  if (capacity > (G_MAXSIZE - sizeof (PvNormalized)) / (sizeof (gsize) + sizeof (gunichar)))
    g_error ("%s: cannot normalize a text of %" G_GSIZE_FORMAT " characters", G_STRLOC, capacity);

  block =
      g_realloc (block, sizeof (PvNormalized) + capacity * (sizeof (gsize) + sizeof (gunichar)));
  if (kept > 0)
    memmove (block_chars (block, capacity), block_chars (block, old_capacity),
             kept * sizeof (gunichar));
  return block;
}

PvNormalized *
pv_normalize (const gunichar *text, gsize length)
{
  const gunichar *table = fast_table ();
  PvNormalized *block;
  gunichar *chars;
  gsize *map;
  gsize n = 0, capacity;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  /* Room for one character per code point still to read and the final
   * entry of to_original, at every step: only decompositions make the text
   * longer, and they make room for themselves, so the common case writes
   * without checking. */
  capacity = length + 1;
  block = block_resize (NULL, 0, capacity, 0);
  map = block_map (block);
  chars = block_chars (block, capacity);

  for (gsize i = 0; i < length; i++)
    {
      gunichar ch, fast;

      /* The common case in loops of their own (ASCII, Latin and Arabic that
       * stay one character), so that the compiler lays them out straight;
       * four at a time while none of the four is anything else.  The
       * characters ORed together are below FAST_LIMIT only if each one is,
       * and their table entries below SLOW only if each one is. */
      for (; i + 4 <= length; i += 4)
        {
          gunichar a = text[i], b = text[i + 1], c = text[i + 2], d = text[i + 3];

          if ((a | b | c | d) >= FAST_LIMIT)
            break;
          a = table[a];
          b = table[b];
          c = table[c];
          d = table[d];
          if ((a | b | c | d) >= SLOW)
            break;
          chars[n] = a;
          chars[n + 1] = b;
          chars[n + 2] = c;
          chars[n + 3] = d;
          map[n] = i;
          map[n + 1] = i + 1;
          map[n + 2] = i + 2;
          map[n + 3] = i + 3;
          n += 4;
        }
      for (; i < length; i++)
        {
          ch = text[i];
          if (ch >= FAST_LIMIT || table[ch] >= SLOW)
            break;
          chars[n] = table[ch];
          map[n++] = i;
        }
      if (i == length)
        break;

      ch = text[i];
      fast = fast_lookup (table, ch);
      if (fast < SLOW)
        {
          chars[n] = fast;
          map[n++] = i;
        }
      else if (fast == SLOW)
        {
          gunichar parts[MAX_NORMALIZED_CHARS];
          gsize k = normalize_char (ch, parts);

          if (n + k + (length - i - 1) + 1 > capacity)
            {
              gsize old_capacity = capacity;

              capacity = MAX (capacity * 2, n + k + (length - i - 1) + 1);
              block = block_resize (block, old_capacity, capacity, n);
              map = block_map (block);
              chars = block_chars (block, capacity);
            }
          for (gsize p = 0; p < k; p++)
            {
              chars[n] = parts[p];
              map[n++] = i;
            }
        }
    }

  chars[n] = 0;
  map[n] = length;
  block->chars = chars;
  block->length = n;
  block->to_original = map;
  return block;
}

gsize
pv_normalize_into (const gunichar *text, gsize length, gunichar *chars, gsize size)
{
  const gunichar *table = fast_table ();
  gsize n = 0;

  g_return_val_if_fail (text != NULL || length == 0, 0);
  g_return_val_if_fail (chars != NULL || size == 0, 0);

  for (gsize i = 0; i < length; i++)
    {
      gunichar fast = fast_lookup (table, text[i]);

      if (G_LIKELY (fast < SLOW))
        {
          if (n < size)
            chars[n] = fast;
          n++;
        }
      else if (fast == SLOW)
        {
          gunichar parts[MAX_NORMALIZED_CHARS];
          gsize k = normalize_char (text[i], parts);

          for (gsize p = 0; p < k; p++, n++)
            if (n < size)
              chars[n] = parts[p];
        }
    }
  return n;
}

void
pv_normalized_to_original (const PvNormalized *normalized, gsize norm_start, gsize norm_end,
                           gsize *start, gsize *end)
{
  g_return_if_fail (normalized != NULL);
  g_return_if_fail (norm_start < norm_end && norm_end <= normalized->length);

  *start = normalized->to_original[norm_start];
  /* The last character maps to the code point it came from; the span ends
   * just after that code point, not at the next kept one, so dropped marks
   * between words are not swallowed. */
  *end = normalized->to_original[norm_end - 1] + 1;
}

gsize
pv_normalized_from_original (const PvNormalized *normalized, gsize offset)
{
  gsize low = 0, high = normalized->length;

  while (low < high)
    {
      gsize mid = low + (high - low) / 2;

      if (normalized->to_original[mid] < offset)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

char *
pv_normalize_string (const char *utf8)
{
  g_autofree gunichar *text = NULL;
  g_autoptr (PvNormalized) normalized = NULL;
  glong length = 0;

  g_return_val_if_fail (utf8 != NULL, NULL);

  text = g_utf8_to_ucs4 (utf8, -1, NULL, &length, NULL);
  if (text == NULL)
    return g_strdup ("");

  normalized = pv_normalize (text, length);
  return pv_normalized_to_string (normalized);
}

char *
pv_normalized_to_string (const PvNormalized *normalized)
{
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (normalized != NULL, NULL);

  out = g_string_sized_new (normalized->length * 2);
  for (gsize i = 0; i < normalized->length; i++)
    {
      gunichar ch = normalized->chars[i];

      if (ch == ' ' || ch == '\n' || ch == '\r')
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

void
pv_normalized_free (PvNormalized *normalized)
{
  if (normalized == NULL)
    return;
  /* chars and to_original are part of the same block */
  g_free (normalized);
}
