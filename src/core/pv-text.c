/* pv-text.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-text"

#include "config.h"

#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utypes.h>

#include "pv-text.h"

/* pv_word_spans() looks for line feeds with wmemchr() */
G_STATIC_ASSERT (sizeof (wchar_t) == sizeof (gunichar));

/* A line longer than this many words is article text, never furniture. */
#define FURNITURE_MAX_WORDS 25
/* A line this short without a full stop reads as a label, not a sentence. */
#define LABEL_MAX_WORDS 8

typedef struct
{
  UChar *units;
  gsize n_units;
  gsize *unit_to_char; /* n_units + 1 entries */
} Utf16Text;

static void
utf16_text_clear (Utf16Text *t)
{
  g_clear_pointer (&t->units, g_free);
  g_clear_pointer (&t->unit_to_char, g_free);
}

static void
utf16_text_init (Utf16Text *t, const gunichar *text, gsize length)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    n += text[i] > 0xFFFF ? 2 : 1;

  t->units = g_new (UChar, n + 1);
  t->unit_to_char = g_new (gsize, n + 1);
  t->n_units = n;

  n = 0;
  for (gsize i = 0; i < length; i++)
    {
      gunichar ch = text[i];

      if (ch > 0xFFFF)
        {
          ch -= 0x10000;
          t->unit_to_char[n] = i;
          t->units[n++] = (UChar)(0xD800 + (ch >> 10));
          t->unit_to_char[n] = i;
          t->units[n++] = (UChar)(0xDC00 + (ch & 0x3FF));
        }
      else
        {
          t->unit_to_char[n] = i;
          t->units[n++] = (UChar)ch;
        }
    }
  t->unit_to_char[n] = length;
  t->units[n] = 0;
}

static void
close_break_iterator (gpointer iterator)
{
  ubrk_close (iterator);
}

/* Opening an ICU break iterator loads its rules; keep one of each kind per
 * thread and only reset its text. */
static GPrivate word_iterator_key = G_PRIVATE_INIT (close_break_iterator);
static GPrivate sentence_iterator_key = G_PRIVATE_INIT (close_break_iterator);

static UBreakIterator *
get_break_iterator (GPrivate *key, UBreakIteratorType type, const Utf16Text *t)
{
  UBreakIterator *iterator = g_private_get (key);
  UErrorCode status = U_ZERO_ERROR;

  if (iterator == NULL)
    {
      iterator = ubrk_open (type, "fa", NULL, 0, &status);
      if (U_FAILURE (status))
        g_error ("ICU cannot open a break iterator: %s", u_errorName (status));
      g_private_set (key, iterator);
    }

  status = U_ZERO_ERROR;
  ubrk_setText (iterator, t->units, (int32_t)t->n_units, &status);
  if (U_FAILURE (status))
    g_error ("ICU cannot segment the text: %s", u_errorName (status));
  return iterator;
}

/* ICU's words of text[start, end), appended to `spans`. */
static void
icu_word_spans (const gunichar *text, gsize start, gsize end, GArray *spans)
{
  Utf16Text t = { 0 };
  UBreakIterator *iterator;
  int32_t from, to;

  if (start == end)
    return;

  utf16_text_init (&t, text + start, end - start);
  iterator = get_break_iterator (&word_iterator_key, UBRK_WORD, &t);

  from = ubrk_first (iterator);
  for (to = ubrk_next (iterator); to != UBRK_DONE; from = to, to = ubrk_next (iterator))
    {
      PvSpan span;

      if (ubrk_getRuleStatus (iterator) < UBRK_WORD_NONE_LIMIT)
        continue;
      span.start = start + t.unit_to_char[from];
      span.end = start + t.unit_to_char[to];
      g_array_append_val (spans, span);
    }

  ubrk_setText (iterator, NULL, 0, &(UErrorCode){ U_ZERO_ERROR });
  utf16_text_clear (&t);
}

/* The fast path of word segmentation.  ICU's word rules (UAX #29) break
 * before and after every line feed and no rule looks across one, so each
 * line can be segmented on its own: a line of nothing but the characters
 * below (letters and digits of the Latin and Arabic blocks, their marks,
 * ZWNJ, spaces and punctuation) by the rules for those classes, any other
 * line by ICU.  The classes are ICU's own Word_Break values; the characters
 * whose treatment ICU tailors or that take part in rules left out here
 * (other line breaks, Hebrew letters, ZWJ and emoji, ExtendNumLet, '@') go
 * to ICU.  tests/core/test-text.c checks the result against ICU character
 * by character.  The text is read once, line feeds included: a line goes
 * to ICU, and the words found in it so far are dropped, when one of its
 * characters turns out to need it.
 *
 * In this order: a word goes on through every class up to WORD_EXTEND,
 * and only the classes after it end one. */
typedef enum
{
  WORD_LETTER,      /* ALetter */
  WORD_NUMERIC,     /* Numeric */
  WORD_EXTEND,      /* Extend, Format: part of the character before (WB4) */
  WORD_MID_LETTER,  /* MidLetter: between two letters (WB6, WB7) */
  WORD_MID_NUM,     /* MidNum: between two digits (WB11, WB12) */
  WORD_MID_NUM_LET, /* MidNumLet, Single_Quote: either */
  WORD_OTHER,       /* spaces, other punctuation: never in a word */
  WORD_LINE_FEED,   /* ends a line: never in a word, nor joined to anything */
  WORD_SLOW,        /* the line goes to ICU */
} WordClass;

#define WORD_CLASS_LOW_LIMIT 0x0800
#define WORD_CLASS_PUNCTUATION_START 0x2000
#define WORD_CLASS_PUNCTUATION_LIMIT 0x2070
#define WORD_CLASS_TABLE_SIZE                                                                      \
  (WORD_CLASS_LOW_LIMIT + WORD_CLASS_PUNCTUATION_LIMIT - WORD_CLASS_PUNCTUATION_START)

static WordClass
word_class (UChar32 ch)
{
  if (ch == '\n')
    return WORD_LINE_FEED;
  if (ch == '@' || u_hasBinaryProperty (ch, UCHAR_EXTENDED_PICTOGRAPHIC) ||
      u_getIntPropertyValue (ch, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT)
    return WORD_SLOW;
  /* ICU takes the colon out of MidLetter (CLDR's root tailoring): it never
   * joins two letters, as the tests against ICU check */
  if (ch == ':')
    return WORD_OTHER;

  switch (u_getIntPropertyValue (ch, UCHAR_WORD_BREAK))
    {
      case U_WB_ALETTER:
        return WORD_LETTER;
      case U_WB_NUMERIC:
        return WORD_NUMERIC;
      case U_WB_EXTEND:
      case U_WB_FORMAT:
        return WORD_EXTEND;
      case U_WB_MIDLETTER:
        return WORD_MID_LETTER;
      case U_WB_MIDNUM:
        return WORD_MID_NUM;
      case U_WB_MIDNUMLET:
      case U_WB_SINGLE_QUOTE:
        return WORD_MID_NUM_LET;
      case U_WB_OTHER:
      case U_WB_WSEGSPACE:
      case U_WB_DOUBLE_QUOTE:
        return WORD_OTHER;
      default:
        return WORD_SLOW;
    }
}

static const guint8 *
word_class_table (void)
{
  static guint8 table[WORD_CLASS_TABLE_SIZE];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (UChar32 ch = 0; ch < WORD_CLASS_LOW_LIMIT; ch++)
        table[ch] = (guint8)word_class (ch);
      for (UChar32 ch = WORD_CLASS_PUNCTUATION_START; ch < WORD_CLASS_PUNCTUATION_LIMIT; ch++)
        table[WORD_CLASS_LOW_LIMIT + ch - WORD_CLASS_PUNCTUATION_START] = (guint8)word_class (ch);
      g_once_init_leave (&initialized, 1);
    }
  return table;
}

static inline WordClass
lookup_word_class (const guint8 *table, gunichar ch)
{
  if (G_LIKELY (ch < WORD_CLASS_LOW_LIMIT))
    return table[ch];
  if (ch >= WORD_CLASS_PUNCTUATION_START && ch < WORD_CLASS_PUNCTUATION_LIMIT)
    return table[WORD_CLASS_LOW_LIMIT + ch - WORD_CLASS_PUNCTUATION_START];
  return WORD_SLOW;
}

/* Past the Extend and Format characters from i. */
static inline gsize
skip_extend (const guint8 *table, const gunichar *text, gsize i, gsize end)
{
  while (i < end && lookup_word_class (table, text[i]) == WORD_EXTEND)
    i++;
  return i;
}

/* The end of the word that starts with the letter or digit at `start`;
 * `*class` becomes the class of the character there (when it is not the
 * end of the text). */
static inline gsize
word_end (const guint8 *table, const gunichar *text, gsize start, gsize length, WordClass *class)
{
  gsize i = start + 1;

  for (;;)
    {
      WordClass next = WORD_OTHER;
      WordClass after, last;
      gsize j, k;

      /* WB4, WB5, WB8, WB9, WB10: the run of letters, digits and their
       * marks, where nearly all the time goes */
      while (i < length && (next = lookup_word_class (table, text[i])) <= WORD_EXTEND)
        i++;
      *class = next;
      if (next < WORD_MID_LETTER || next > WORD_MID_NUM_LET)
        return i;

      j = skip_extend (table, text, i + 1, length);
      if (j == length)
        return i;
      after = lookup_word_class (table, text[j]);
      /* the letter or digit before the joiner: the run began with one */
      k = i - 1;
      while (lookup_word_class (table, text[k]) == WORD_EXTEND)
        k--;
      last = lookup_word_class (table, text[k]);
      /* WB6, WB7: a letter, MidLetter or MidNumLet, a letter; WB11, WB12:
       * a digit, MidNum or MidNumLet, a digit */
      if (after != last || (last == WORD_LETTER && next == WORD_MID_NUM) ||
          (last == WORD_NUMERIC && next == WORD_MID_LETTER))
        return i;
      i = j + 1;
    }
}

GArray *
pv_word_spans (const gunichar *text, gsize length)
{
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (PvSpan),
                                     (guint)MIN (length / 4 + 16, G_MAXUINT / 2));

  pv_word_spans_into (text, length, spans);
  return spans;
}

void
pv_word_spans_into (const gunichar *text, gsize length, GArray *spans)
{
  const guint8 *table = word_class_table ();
  /* about one word in four characters or fewer in running text: room
   * for all of them up front, written in place (a g_array_append_val()
   * call per word cost more than finding the word) */
  guint capacity = (guint)MIN (length / 4 + 16, G_MAXUINT / 2);
  PvSpan *out;
  guint n = 0;
  gsize line_start = 0;
  guint line_first = 0; /* the first word of the line */
  gsize i = 0;
  /* the class of text[i], carried from where it was looked up */
  WordClass class = length > 0 ? lookup_word_class (table, text[0]) : WORD_OTHER;

  g_array_set_size (spans, capacity);
  out = (PvSpan *)(void *)spans->data;
  while (i < length)
    {
      if (class <= WORD_NUMERIC)
        {
          if (n == capacity)
            {
              capacity = capacity * 2 + 16;
              g_array_set_size (spans, capacity);
              out = (PvSpan *)(void *)spans->data;
            }
          out[n].start = i;
          i = word_end (table, text, i, length, &class);
          out[n++].end = i;
          continue;
        }

      if (G_UNLIKELY (class > WORD_OTHER))
        {
          if (class == WORD_SLOW)
            {
              /* the whole line goes to ICU, the words found in it so far
               * with it */
              const wchar_t *feed = wmemchr ((const wchar_t *)text + i, '\n', length - i);
              gsize line_end = feed != NULL ? (gsize)(feed - (const wchar_t *)text) : length;

              g_array_set_size (spans, line_first);
              icu_word_spans (text, line_start, line_end, spans);
              n = capacity = spans->len;
              out = (PvSpan *)(void *)spans->data;
              i = line_end;
              class = WORD_LINE_FEED;
              continue;
            }
          line_start = i + 1;
          line_first = n;
        }
      /* spaces, punctuation, line feeds: never a word, nor joined to one
       * that follows; the Extend characters after them (or at the start of
       * a line, where WB4 does not apply) neither */
      while (++i < length && (class = lookup_word_class (table, text[i])) == WORD_EXTEND)
        ;
    }
  g_array_set_size (spans, n);
}

static gboolean
is_blank (gunichar ch)
{
  return g_unichar_isspace (ch) || ch == 0x200C || ch == 0x200D || ch == 0x200E || ch == 0x200F ||
         ch == 0xFEFF || (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069);
}

static gboolean
is_closing_punctuation (gunichar ch)
{
  GUnicodeType type = g_unichar_type (ch);

  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         ch == 0x00BB /* » */ || ch == '"' || ch == '\'';
}

static gboolean
is_sentence_terminal (gunichar ch)
{
  return ch == '.' || ch == '!' || ch == '?' || ch == 0x061F /* ؟ */ || ch == 0x2026 /* … */
         || ch == 0x06D4 /* ۔ */;
}

/* What the body's end and the sentences ask of a character: GLib's
 * answers, and pv-text's own. */
enum
{
  CHAR_BLANK = 1 << 0,   /* is_blank() */
  CHAR_ALPHA = 1 << 1,   /* g_unichar_isalpha() */
  CHAR_ALNUM = 1 << 2,   /* g_unichar_isalnum() */
  CHAR_MARK = 1 << 3,    /* g_unichar_ismark() */
  CHAR_DIGIT = 1 << 4,   /* g_unichar_isdigit() */
  CHAR_CLOSING = 1 << 5, /* is_closing_punctuation() */
};

/* Those of the properties in `wanted` that ch has. */
static inline guint
char_properties (gunichar ch, guint wanted)
{
  guint properties = 0;

  if ((wanted & CHAR_BLANK) && is_blank (ch))
    properties |= CHAR_BLANK;
  if ((wanted & CHAR_ALPHA) && g_unichar_isalpha (ch))
    properties |= CHAR_ALPHA;
  if ((wanted & CHAR_ALNUM) && g_unichar_isalnum (ch))
    properties |= CHAR_ALNUM;
  if ((wanted & CHAR_MARK) && g_unichar_ismark (ch))
    properties |= CHAR_MARK;
  if ((wanted & CHAR_DIGIT) && g_unichar_isdigit (ch))
    properties |= CHAR_DIGIT;
  if ((wanted & CHAR_CLOSING) && is_closing_punctuation (ch))
    properties |= CHAR_CLOSING;
  return properties;
}

/* Every property of the code points below CHAR_TABLE_LIMIT (ASCII, Latin,
 * Arabic), worked out once: the loops below look at every character of
 * their spans, and a call into GLib per character cost more than the rest
 * of their work. */
#define CHAR_TABLE_LIMIT 0x0800

static guint8 char_table_entries[CHAR_TABLE_LIMIT];
static gsize char_table_initialized = 0;

static G_GNUC_NO_INLINE void
char_table_init (void)
{
  for (gunichar ch = 0; ch < CHAR_TABLE_LIMIT; ch++)
    char_table_entries[ch] = (guint8)char_properties (ch, G_MAXUINT);
}

/* inline, and the filling of the table out of line: the helpers below ask
 * for it once per sentence or line */
static inline const guint8 *
char_table (void)
{
  if (g_once_init_enter (&char_table_initialized))
    {
      char_table_init ();
      g_once_init_leave (&char_table_initialized, 1);
    }
  return char_table_entries;
}

/* Whether ch has one of the properties in `wanted`. */
static inline gboolean
char_is (const guint8 *table, gunichar ch, guint wanted)
{
  if (G_LIKELY (ch < CHAR_TABLE_LIMIT))
    return (table[ch] & wanted) != 0;
  return char_properties (ch, wanted) != 0;
}

typedef struct
{
  gsize start;
  gsize words;
  gboolean label; /* reads as a label or a counter, not a sentence */
} LineInfo;

/* g_unichar_to_utf8() with the characters of Persian and Latin text
 * inline. */
static inline gsize
put_utf8 (gunichar ch, char *out)
{
  if (ch < 0x80)
    {
      out[0] = (char)ch;
      return 1;
    }
  if (ch < 0x800)
    {
      out[0] = (char)(0xC0 | (ch >> 6));
      out[1] = (char)(0x80 | (ch & 0x3F));
      return 2;
    }
  return (gsize)g_unichar_to_utf8 (ch, out);
}

/* A set of words, and a bit for each one's g_str_hash() among 1024: most
 * words are turned away by their bit without a lookup (the word before a
 * full stop is far more often a verb than an abbreviation). */
typedef struct
{
  GHashTable *words;
  guint64 hashes[16];
} WordSet;

#define WORD_SET_BITS (G_N_ELEMENTS (((WordSet *)NULL)->hashes) * 64)

/* The words of a list as a set, built once. */
static const WordSet *
word_set (WordSet *set, gsize *initialized, const char *const *words, gsize n_words)
{
  if (g_once_init_enter (initialized))
    {
      set->words = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < n_words; i++)
        {
          guint bit = g_str_hash (words[i]) % WORD_SET_BITS;

          g_hash_table_add (set->words, (gpointer)words[i]);
          set->hashes[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
      g_once_init_leave (initialized, 1);
    }
  return set;
}

static gboolean
word_set_contains (const WordSet *set, const char *word)
{
  guint bit = g_str_hash (word) % WORD_SET_BITS;

  if ((set->hashes[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))) == 0)
    return FALSE;
  return g_hash_table_contains (set->words, word);
}

/* Whether pv_normalize_string() of text[start, end) (letters, digits and
 * marks) is one of `words`: the same normalization and the same collapsing
 * of spaces, without the round trip through UTF-8.  Every one of `words` is
 * shorter than the buffer, so a longer result matches none.  A word of a
 * sentence is normalized on the stack: this runs for most sentences, and
 * the allocation of pv_normalize() cost more than the rest. */
static gboolean
normalizes_to_one_of (const gunichar *text, gsize start, gsize end, const WordSet *words)
{
  g_autoptr (PvNormalized) normalized = NULL;
  gunichar on_stack[64];
  const gunichar *chars = on_stack;
  gsize n_chars = pv_normalize_into (text + start, end - start, on_stack, G_N_ELEMENTS (on_stack));
  char buffer[64];
  gsize length = 0;
  gboolean pending_space = FALSE;

  if (n_chars > G_N_ELEMENTS (on_stack))
    {
      normalized = pv_normalize (text + start, end - start);
      chars = normalized->chars;
      n_chars = normalized->length;
    }

  for (gsize i = 0; i < n_chars; i++)
    {
      gunichar ch = chars[i];

      if (ch == ' ' || ch == '\n' || ch == '\r')
        {
          pending_space = length > 0;
          continue;
        }
      if (length + 1 + 6 >= sizeof buffer)
        return FALSE;
      if (pending_space)
        buffer[length++] = ' ';
      pending_space = FALSE;
      length += put_utf8 (ch, buffer + length);
    }
  buffer[length] = '\0';

  return word_set_contains (words, buffer);
}

/* Common finite verbs and copulas: a Persian clause ends with one, so a
 * short line that ends with one is a sentence even without a full stop. */
static const char *const final_verbs[] = {
  "است",  "نیست",  "هست",   "هستند", "بود",  "نبود",  "بودند", "شد",   "نشد",  "شدند", "شود",
  "نشود", "شوند",  "شده",   "کرد",   "نکرد", "کردند", "کند",   "نکند", "کنند", "کنیم", "کرده",
  "دارد", "ندارد", "دارند", "داریم", "داشت", "گفت",   "گفتند", "گوید", "اند",  "ایم",  "اید",
  "باشد", "نباشد", "باشند", "خواهد", "داد",  "دهد",   "یافت",  "رسید", "امد",  "رفت",  "ماند",
};

static gboolean
ends_with_verb (const gunichar *text, gsize start, gsize end)
{
  static WordSet set;
  static gsize initialized;
  const guint8 *table = char_table ();
  gsize word_start;

  while (end > start && !char_is (table, text[end - 1], CHAR_ALNUM))
    end--;
  word_start = end;
  while (word_start > start && char_is (table, text[word_start - 1], CHAR_ALNUM | CHAR_MARK))
    word_start--;
  if (word_start == end)
    return FALSE;

  return normalizes_to_one_of (
      text, word_start, end,
      word_set (&set, &initialized, final_verbs, G_N_ELEMENTS (final_verbs)));
}

static gboolean
has_digit (const gunichar *text, gsize start, gsize end)
{
  const guint8 *table = char_table ();

  for (gsize i = start; i < end; i++)
    if (char_is (table, text[i], CHAR_DIGIT))
      return TRUE;
  return FALSE;
}

static LineInfo
line_info (const gunichar *text, gsize start, gsize end, gsize words)
{
  const guint8 *table = char_table ();
  LineInfo line = { start, words, FALSE };
  gsize last = end;
  gboolean terminal;

  while (last > start && char_is (table, text[last - 1], CHAR_CLOSING))
    last--;
  terminal = last > start && is_sentence_terminal (text[last - 1]);

  if (line.words <= LABEL_MAX_WORDS)
    /* a counter («۱۲ نفر پسندیده اند», "3 comments") is a label whatever
     * its grammar */
    line.label = has_digit (text, start, end) || (!terminal && !ends_with_verb (text, start, end));
  return line;
}

gsize
pv_find_body_end (const gunichar *text, gsize length)
{
  const guint8 *table = char_table ();
  /* the lines looked at, from the last one back */
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  gsize line_end = length;
  gsize labels = 0, tiny_labels = 0, body_lines_before = 0;
  guint best = G_MAXUINT;
  gboolean long_line = FALSE;

  /* Only the lines after the last long one can be furniture, and a long
   * line is never a label: the lines are read from the end back to the
   * last long line, and most of an article is never read.  Lines end at
   * line feeds and paragraph separators.  Along the way, the prose lines
   * of those looked at: with a long line before the tail, at least that
   * one. */
  for (;;)
    {
      gsize line_start = line_end;
      gsize words = 0;
      gboolean in_word = FALSE;
      PvSpan span;

      /* the line's start, and its words on the way (blanks at its ends are
       * not part of words) */
      while (line_start > 0)
        {
          gunichar ch = text[line_start - 1];
          gboolean word_char;

          if (ch == '\n' || ch == 0x2029)
            break;
          word_char = char_is (table, ch, CHAR_ALNUM | CHAR_MARK);
          words += word_char && !in_word;
          in_word = word_char;
          line_start--;
        }

      span.start = line_start;
      span.end = line_end;
      while (span.start < span.end && char_is (table, text[span.start], CHAR_BLANK))
        span.start++;
      while (span.end > span.start && char_is (table, text[span.end - 1], CHAR_BLANK))
        span.end--;
      if (span.start < span.end)
        {
          LineInfo line = line_info (text, span.start, span.end, words);

          g_array_append_val (lines, line);
          body_lines_before += !line.label;
          if (line.words > FURNITURE_MAX_WORDS)
            {
              long_line = TRUE;
              break;
            }
        }
      if (line_start == 0)
        break;
      line_end = line_start - 1;
    }

  /* Grow a tail of lines backwards from the end while it still reads as
   * page furniture: no long line, at least half of them labels or
   * counters; either three lines or more with two labels, or nothing but
   * tiny labels («انتهای پیام»).  It starts at a label, and the body keeps
   * at least one line of prose.  The first line looked at (the long one,
   * or the first of the text) is never part of it. */
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      const LineInfo *line = &g_array_index (lines, LineInfo, i);
      gsize tail_lines = i + 1;

      if (line->label)
        {
          labels++;
          tiny_labels += line->words <= 3;
        }
      else
        body_lines_before--;

      if (line->label && (long_line || body_lines_before > 0) && labels * 2 >= tail_lines &&
          ((tail_lines >= 3 && labels >= 2) || tiny_labels == tail_lines))
        best = i;
    }

  if (best != G_MAXUINT)
    return g_array_index (lines, LineInfo, best).start;
  return length;
}

static const char *const abbreviations[] = {
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "jr",
  "sr",
  "gen",
  "col",
  "lt",
  "sgt",
  "capt",
  "rep",
  "sen",
  "gov",
  "pres",
  "inc",
  "ltd",
  "co",
  "corp",
  "vs",
  "etc",
  "no",
  "vol",
  "fig",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "approx",
  "dept",
  "est",
  /* Latin initials spelled out in Persian: «جورج دبلیو. بوش», «جی. کی.» */
  "دبلیو",
  "دابلیو",
  "جی",
  "اچ",
  "بی",
  "سی",
  "دی",
  "اف",
  "کی",
  "پی",
  "کیو",
  "تی",
  "وی",
  "ایکس",
  "وای",
  "زد",
};

/* True when the full stop at `dot` closes an abbreviation or an initial
 * (U.S., A. Merkel, ج.ا.ا) rather than a sentence. */
static gboolean
is_abbreviation_dot (const gunichar *text, gsize start, gsize dot)
{
  static WordSet set;
  static gsize initialized;
  const guint8 *table = char_table ();
  gsize word_start = dot;

  while (word_start > start && char_is (table, text[word_start - 1], CHAR_ALPHA))
    word_start--;

  if (dot - word_start == 1)
    return TRUE;
  if (dot - word_start == 0 || dot - word_start > 8)
    return FALSE;

  return normalizes_to_one_of (
      text, word_start, dot,
      word_set (&set, &initialized, abbreviations, G_N_ELEMENTS (abbreviations)));
}

static gboolean
has_word_character (const gunichar *text, gsize start, gsize end)
{
  const guint8 *table = char_table ();

  for (gsize i = start; i < end; i++)
    if (char_is (table, text[i], CHAR_ALNUM))
      return TRUE;
  return FALSE;
}

static gboolean
has_line_break (const gunichar *text, gsize start, gsize end)
{
  for (gsize i = start; i < end; i++)
    if (text[i] == '\n' || text[i] == '\r' || text[i] == 0x2029)
      return TRUE;
  return FALSE;
}

/* Sentence boundaries.  ICU's sentence rules (UAX #29) cost about as much
 * as the rest of the segmentation, so the common case is settled here and
 * ICU is asked only about the rest.  Two facts make that exact:
 *
 * - a paragraph separator (LF, CR, CR LF, NEL, LS, PS) always ends a
 *   sentence, and no rule looks past it: each paragraph is segmented on
 *   its own;
 * - in a paragraph, a boundary can only follow a terminator (ATerm or
 *   STerm) with the Close and Sp characters after it, and the character
 *   after those nearly always decides (after_terminator): an OLetter (a
 *   Persian letter), or an Upper after a Close or Sp, makes a boundary; a
 *   comma or another terminator, or after a full stop a lower-case letter
 *   or a digit right after it, makes none; after a question or an
 *   exclamation mark, anything else makes one.  A terminator at the end of
 *   the paragraph ends it.
 *
 * A paragraph whose every terminator is of those kinds is settled here;
 * any other (a full stop right before an Upper, as in U.S., or before what
 * only the characters after it decide, a terminator followed by an Extend
 * or a Format) goes to ICU whole, with the separator before it as context
 * so that ICU starts it as it would in the whole text.
 * tests/core/test-text.c checks the result against ICU's iterator over
 * whole texts. */

#define SENTENCE_CLASS_LOW_LIMIT 0x0800
#define SENTENCE_CLASS_PUNCTUATION_START 0x2000
#define SENTENCE_CLASS_PUNCTUATION_LIMIT 0x2070

/* A bit the table sets beside the class of terminators and paragraph
 * separators: the only characters the scan of a paragraph stops at, so
 * the scan tests one bit per character. */
#define SENTENCE_STOP 0x80

static inline gboolean
is_paragraph_separator_class (guint8 class)
{
  return class == U_SB_CR || class == U_SB_LF || class == U_SB_SEP;
}

/* The character's Sentence_Break class, with SENTENCE_STOP when it is a
 * terminator or a separator. */
static guint8
sentence_entry (UChar32 ch)
{
  guint8 class = (guint8)u_getIntPropertyValue (ch, UCHAR_SENTENCE_BREAK);

  G_STATIC_ASSERT (U_SB_COUNT <= SENTENCE_STOP);
  if (class == U_SB_ATERM || class == U_SB_STERM || is_paragraph_separator_class (class))
    class |= SENTENCE_STOP;
  return class;
}

static const guint8 *
sentence_class_table (void)
{
  static guint8 table[SENTENCE_CLASS_LOW_LIMIT + SENTENCE_CLASS_PUNCTUATION_LIMIT -
                      SENTENCE_CLASS_PUNCTUATION_START];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (UChar32 ch = 0; ch < SENTENCE_CLASS_LOW_LIMIT; ch++)
        table[ch] = sentence_entry (ch);
      for (UChar32 ch = SENTENCE_CLASS_PUNCTUATION_START; ch < SENTENCE_CLASS_PUNCTUATION_LIMIT;
           ch++)
        table[SENTENCE_CLASS_LOW_LIMIT + ch - SENTENCE_CLASS_PUNCTUATION_START] =
            sentence_entry (ch);
      g_once_init_leave (&initialized, 1);
    }
  return table;
}

static inline guint8
lookup_sentence_entry (const guint8 *table, gunichar ch)
{
  if (G_LIKELY (ch < SENTENCE_CLASS_LOW_LIMIT))
    return table[ch];
  if (ch >= SENTENCE_CLASS_PUNCTUATION_START && ch < SENTENCE_CLASS_PUNCTUATION_LIMIT)
    return table[SENTENCE_CLASS_LOW_LIMIT + ch - SENTENCE_CLASS_PUNCTUATION_START];
  return sentence_entry ((UChar32)ch);
}

static inline guint8
lookup_sentence_class (const guint8 *table, gunichar ch)
{
  return lookup_sentence_entry (table, ch) & ~SENTENCE_STOP;
}

typedef enum
{
  SENTENCE_BOUNDARY,
  SENTENCE_NO_BOUNDARY,
  SENTENCE_ASK_ICU,
} AfterTerminator;

/* What the rules say of the position after a terminator of class `term`
 * and the Close and Sp characters after it, before a character of class
 * `next` (`adjacent`: nothing between the terminator and it). */
static inline AfterTerminator
after_terminator (guint8 term, guint8 next, gboolean adjacent)
{
  /* 11: nothing below holds the sentence together */
  if (next == U_SB_OLETTER || (next == U_SB_UPPER && !adjacent))
    return SENTENCE_BOUNDARY;
  /* 9, 10: the separator ends the paragraph, and the sentence with it;
   * 8a: a comma or another terminator goes on with the sentence */
  if (is_paragraph_separator_class (next) || next == U_SB_SCONTINUE || next == U_SB_ATERM ||
      next == U_SB_STERM)
    return SENTENCE_NO_BOUNDARY;
  if (term == U_SB_ATERM)
    {
      /* 6: a decimal point; 8: a lower-case word after the full stop */
      if (next == U_SB_LOWER || (next == U_SB_NUMERIC && adjacent))
        return SENTENCE_NO_BOUNDARY;
      /* 7 looks at the character before the full stop, 8 at more of
       * those after it */
      return SENTENCE_ASK_ICU;
    }
  /* rules 6 to 8 are about ATerm only: 11, unless an Extend or a Format
   * hides what follows (5) */
  return next == U_SB_EXTEND || next == U_SB_FORMAT ? SENTENCE_ASK_ICU : SENTENCE_BOUNDARY;
}

/* ICU's boundaries in text[start, end) (a paragraph), appended to `breaks`;
 * the character before `start`, when there is one, is a separator, which
 * ICU is given too so that it starts the paragraph as in the whole text. */
static void
icu_sentence_breaks (const gunichar *text, gsize start, gsize end, GArray *breaks)
{
  gsize from = start > 0 ? start - 1 : 0;
  Utf16Text t = { 0 };
  UBreakIterator *iterator;
  int32_t boundary;

  utf16_text_init (&t, text + from, end - from);
  iterator = get_break_iterator (&sentence_iterator_key, UBRK_SENTENCE, &t);
  ubrk_first (iterator);
  for (boundary = ubrk_next (iterator); boundary != UBRK_DONE; boundary = ubrk_next (iterator))
    {
      gsize at = from + t.unit_to_char[boundary];

      if (at > start)
        g_array_append_val (breaks, at);
    }
  ubrk_setText (iterator, NULL, 0, &(UErrorCode){ U_ZERO_ERROR });
  utf16_text_clear (&t);
}

GArray *
pv_sentence_breaks (const gunichar *text, gsize length)
{
  const guint8 *table = sentence_class_table ();
  /* room for a boundary every 32 characters, more than running text has:
   * growing the array cost more than finding the boundaries */
  GArray *breaks =
      g_array_sized_new (FALSE, FALSE, sizeof (gsize), (guint)MIN (length / 32 + 16, G_MAXUINT));
  gsize start = 0;

  g_return_val_if_fail (text != NULL || length == 0, breaks);

  while (start < length)
    {
      guint first_break = breaks->len;
      gboolean ask_icu = FALSE;
      gsize i = start, end;

      /* one paragraph: settle its terminators, find its end */
      for (;;)
        {
          guint8 class = 0;

          /* nearly every character is neither a terminator nor a
           * separator: four at a time, then the one that is */
          while (i + 4 <= length && !((lookup_sentence_entry (table, text[i]) |
                                       lookup_sentence_entry (table, text[i + 1]) |
                                       lookup_sentence_entry (table, text[i + 2]) |
                                       lookup_sentence_entry (table, text[i + 3])) &
                                      SENTENCE_STOP))
            i += 4;
          while (i < length && !((class = lookup_sentence_entry (table, text[i])) & SENTENCE_STOP))
            i++;
          if (i == length)
            {
              end = length;
              break;
            }
          class &= ~SENTENCE_STOP;
          if (is_paragraph_separator_class (class))
            {
              end = i + 1;
              if (class == U_SB_CR && end < length && text[end] == '\n')
                end++;
              break;
            }
          {
            gsize j = i + 1;
            guint8 next;

            while (j < length && lookup_sentence_class (table, text[j]) == U_SB_CLOSE)
              j++;
            while (j < length && lookup_sentence_class (table, text[j]) == U_SB_SP)
              j++;
            next = j < length ? lookup_sentence_class (table, text[j]) : U_SB_LF;
            switch (after_terminator (class, next, j == i + 1))
              {
                case SENTENCE_BOUNDARY:
                  g_array_append_val (breaks, j);
                  break;
                case SENTENCE_NO_BOUNDARY:
                  break;
                case SENTENCE_ASK_ICU:
                  ask_icu = TRUE;
                  break;
              }
            i = j;
          }
        }

      if (ask_icu)
        {
          g_array_set_size (breaks, first_break);
          icu_sentence_breaks (text, start, end, breaks);
        }
      else
        g_array_append_val (breaks, end);
      start = end;
    }
  return breaks;
}

static GArray *
split_sentences (const gunichar *text, gsize length)
{
  const guint8 *table = char_table ();
  GArray *sentences;
  PvSpan *out;
  guint n = 0;
  g_autoptr (GArray) breaks = NULL;
  gsize start = 0;
  gboolean merge_next = FALSE;

  if (length == 0)
    return g_array_new (FALSE, FALSE, sizeof (PvSpan));

  breaks = pv_sentence_breaks (text, length);
  /* at most one sentence per boundary: room for them all, written in
   * place */
  sentences = g_array_sized_new (FALSE, FALSE, sizeof (PvSpan), breaks->len);
  g_array_set_size (sentences, breaks->len);
  out = (PvSpan *)(void *)sentences->data;
  for (guint b = 0; b < breaks->len; start = g_array_index (breaks, gsize, b), b++)
    {
      PvSpan span = { start, g_array_index (breaks, gsize, b) };
      gsize last;

      while (span.start < span.end && char_is (table, text[span.start], CHAR_BLANK))
        span.start++;
      while (span.end > span.start && char_is (table, text[span.end - 1], CHAR_BLANK))
        span.end--;
      if (!has_word_character (text, span.start, span.end))
        continue;

      if (merge_next && n > 0 && !has_line_break (text, out[n - 1].end, span.start))
        {
          out[n - 1].end = span.end;
          span = out[--n];
        }
      out[n++] = span;

      last = span.end;
      while (last > span.start && char_is (table, text[last - 1], CHAR_CLOSING))
        last--;
      merge_next = last > span.start && text[last - 1] == '.' &&
                   is_abbreviation_dot (text, span.start, last - 1);
    }
  g_array_set_size (sentences, n);

  return sentences;
}

PvSegmentation *
pv_segment (const gunichar *text, gsize length, const PvNormalized *normalized)
{
  PvSegmentation *segmentation;
  g_autoptr (GArray) words = NULL;
  const PvSpan *word, *words_end, *sentence, *sentences, *sentences_end;
  const gsize *to_original;
  PvToken *tokens, *token;
  gsize norm_body_end;

  g_return_val_if_fail (normalized != NULL, NULL);

  segmentation = g_new0 (PvSegmentation, 1);
  segmentation->body_end = pv_find_body_end (text, length);
  segmentation->sentences = split_sentences (text, segmentation->body_end);
  segmentation->tokens = g_array_new (FALSE, FALSE, sizeof (PvToken));

  norm_body_end = pv_normalized_from_original (normalized, segmentation->body_end);
  words = pv_word_spans (normalized->chars, norm_body_end);
  /* room for every word, written in place: a g_array_append_val() call per
   * token cost about as much as finding the token */
  g_array_set_size (segmentation->tokens, words->len);

  token = tokens = (PvToken *)(void *)segmentation->tokens->data;
  sentence = sentences = (const PvSpan *)(void *)segmentation->sentences->data;
  sentences_end = sentences + segmentation->sentences->len;
  /* pv_normalized_to_original() inlined: words are never empty */
  to_original = normalized->to_original;
  word = (const PvSpan *)(void *)words->data;
  for (words_end = word + words->len; word < words_end; word++)
    {
      gsize start = to_original[word->start];

      while (sentence < sentences_end && sentence->end <= start)
        sentence++;
      if (sentence == sentences_end)
        break;
      if (sentence->start > start)
        continue;

      token->norm_start = word->start;
      token->norm_end = word->end;
      token->start = start;
      token->end = to_original[word->end - 1] + 1;
      token->sentence = (guint)(sentence - sentences);
      token++;
    }
  g_array_set_size (segmentation->tokens, (guint)(token - tokens));

  return segmentation;
}

char *
pv_collapse_spaces (const gunichar *text, gsize start, gsize end)
{
  /* at most four bytes a character, one space for a run of white space */
  char *out = g_malloc (4 * (end - start) + 1);
  gsize n = 0;
  gboolean space = FALSE;

  for (gsize i = start; i < end; i++)
    {
      gunichar ch = text[i];

      /* letters of the Arabic block and printable ASCII are no white space:
       * no call for them */
      if (!((ch > ' ' && ch < 0x7F) || (ch >= 0x0600 && ch <= 0x06FF)) && g_unichar_isspace (ch))
        {
          space = n > 0;
          continue;
        }
      if (space)
        out[n++] = ' ';
      space = FALSE;
      if (ch < 0x80)
        out[n++] = (char)ch;
      else
        n += (gsize)g_unichar_to_utf8 (ch, out + n);
    }
  out[n] = '\0';
  return out;
}

void
pv_segmentation_free (PvSegmentation *segmentation)
{
  if (segmentation == NULL)
    return;
  g_clear_pointer (&segmentation->sentences, g_array_unref);
  g_clear_pointer (&segmentation->tokens, g_array_unref);
  g_free (segmentation);
}
