/* pv-document.c: loading an article from a file or bytes into decoded text
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "peyvand-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "pv-document.h"

/* The largest article Peyvand reads (pv-document.h). */
#define MAX_FILE_BYTES ((goffset)PV_DOCUMENT_MAX_BYTES)

/* How deep the HTML tree walks go; deeper subtrees are ignored. */
#define MAX_HTML_DEPTH 10000

/* How many <article> elements are compared when a page has several. */
#define MAX_ARTICLE_CANDIDATES 64

/* How far into an HTML file a <meta charset> declaration is looked for. */
#define MAX_CHARSET_SCAN (1024 * 1024)

#define ENCODING_UTF8 "UTF-8"
#define ENCODING_UTF16LE "UTF-16LE"
#define ENCODING_UTF16BE "UTF-16BE"
#define ENCODING_WINDOWS_1256 "windows-1256"

#define ZWNJ 0x200C

/* clang-format off */
G_DEFINE_QUARK (pv-document-error-quark, pv_document_error)
/* clang-format on */

/* ---------------------------------------------------------------------- */
/* Errors                                                                  */

static const char *
display_name (const char *source)
{
  if (source == NULL || strcmp (source, "-") == 0)
    return "standard input";
  return source;
}

static void set_error (GError **error, PvDocumentError code, const char *source, const char *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
set_error (GError **error, PvDocumentError code, const char *source, const char *format, ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PV_DOCUMENT_ERROR, code, "%s: %s", display_name (source), reason);
}

static void
set_binary_error (GError **error, const char *source)
{
  set_error (error, PV_DOCUMENT_ERROR_DECODE, source, "looks like binary data, not text");
}

static void
set_empty_error (GError **error, const char *source)
{
  set_error (error, PV_DOCUMENT_ERROR_EMPTY, source, "contains no text");
}

/* `size` bytes in MiB or GiB with one decimal, rounded up (so that a file
 * over a limit never shows as the limit), in any locale. */
static char *
format_file_size (guint64 size)
{
  const guint64 mib = 1024 * 1024;
  guint64 unit = size >= 1024 * mib ? 1024 * mib : mib;
  guint64 tenths = (size * 10 + unit - 1) / unit;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u %s", tenths / 10, (guint)(tenths % 10),
                          unit == mib ? "MiB" : "GiB");
}

/* `size` is what stat() says, or 0 when the size is not known (a stream
 * that went past the limit). */
static void
set_too_large_error (GError **error, const char *source, guint64 size)
{
  g_autofree char *size_text = NULL;

  if (size == 0)
    {
      set_error (error, PV_DOCUMENT_ERROR_READ, source,
                 "too large (Peyvand reads articles of up to " PV_DOCUMENT_MAX_DESCRIPTION ")");
      return;
    }
  size_text = format_file_size (size);
  set_error (error, PV_DOCUMENT_ERROR_READ, source,
             "too large (%s; Peyvand reads articles of up to " PV_DOCUMENT_MAX_DESCRIPTION ")",
             size_text);
}

/* ---------------------------------------------------------------------- */
/* Reading                                                                 */

static gboolean
check_file_type (const char *path, mode_t mode, goffset size, GError **error)
{
  if (S_ISDIR (mode))
    {
      set_error (error, PV_DOCUMENT_ERROR_READ, path, "is a directory, not a file");
      return FALSE;
    }
  if (S_ISFIFO (mode))
    {
      set_error (error, PV_DOCUMENT_ERROR_READ, path, "is a named pipe (FIFO), not a regular file");
      return FALSE;
    }
  if (S_ISCHR (mode) || S_ISBLK (mode))
    {
      set_error (error, PV_DOCUMENT_ERROR_READ, path, "is a device, not a regular file");
      return FALSE;
    }
  if (S_ISSOCK (mode))
    {
      set_error (error, PV_DOCUMENT_ERROR_READ, path, "is a socket, not a regular file");
      return FALSE;
    }
  if (!S_ISREG (mode))
    {
      set_error (error, PV_DOCUMENT_ERROR_READ, path, "is not a regular file");
      return FALSE;
    }
  if (size > MAX_FILE_BYTES)
    {
      set_too_large_error (error, path, (guint64)size);
      return FALSE;
    }
  return TRUE;
}

/* Reads `fd` to its end into `buffer`. */
static gboolean
read_all (int fd, const char *source, GByteArray *buffer, GError **error)
{
  for (;;)
    {
      gsize old_length = buffer->len;
      gssize count;

      g_byte_array_set_size (buffer, old_length + 65536);
      count = read (fd, buffer->data + old_length, 65536);
      if (count < 0)
        {
          int saved_errno = errno;

          g_byte_array_set_size (buffer, old_length);
          if (saved_errno == EINTR)
            continue;
          set_error (error, PV_DOCUMENT_ERROR_READ, source, "%s", g_strerror (saved_errno));
          return FALSE;
        }
      g_byte_array_set_size (buffer, old_length + (gsize)count);
      if (count == 0)
        return TRUE;
      if (buffer->len > MAX_FILE_BYTES)
        {
          set_too_large_error (error, source, 0);
          return FALSE;
        }
    }
}

static GByteArray *
read_path (const char *path, GError **error)
{
  g_autoptr (GByteArray) buffer = NULL;
  GStatBuf info;
  struct stat opened;
  int fd;
  gboolean ok;

  /* Look before opening, so that a FIFO or a device is never opened (opening a
   * FIFO blocks until someone writes to it). */
  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      set_error (error, PV_DOCUMENT_ERROR_READ, path, "%s", g_strerror (saved_errno));
      return NULL;
    }
  if (!check_file_type (path, info.st_mode, (goffset)info.st_size, error))
    return NULL;

  /* O_NONBLOCK in case the file was replaced by a FIFO in between. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_error (error, PV_DOCUMENT_ERROR_READ, path, "%s", g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &opened) != 0)
    {
      int saved_errno = errno;

      set_error (error, PV_DOCUMENT_ERROR_READ, path, "%s", g_strerror (saved_errno));
      g_close (fd, NULL);
      return NULL;
    }
  if (!check_file_type (path, opened.st_mode, (goffset)opened.st_size, error))
    {
      g_close (fd, NULL);
      return NULL;
    }
  g_unix_set_fd_nonblocking (fd, FALSE, NULL);

  buffer = g_byte_array_sized_new ((guint)opened.st_size + 1);
  ok = read_all (fd, path, buffer, error);
  g_close (fd, NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&buffer);
}

PvDocument *
pv_document_load_file (const char *path, GError **error)
{
  g_autoptr (GByteArray) buffer = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (path, "-") == 0)
    {
      buffer = g_byte_array_new ();
      if (!read_all (STDIN_FILENO, path, buffer, error))
        return NULL;
      return pv_document_load_bytes (path, buffer->data, buffer->len, NULL, error);
    }

  buffer = read_path (path, error);
  if (buffer == NULL)
    return NULL;
  return pv_document_load_bytes (path, buffer->data, buffer->len, path, error);
}

/* ---------------------------------------------------------------------- */
/* Looking at text                                                         */

typedef struct
{
  gsize chars;
  gsize controls;      /* C0 other than \t \n \f \r, DEL and C1 */
  gsize plausible;     /* letters, marks, digits, punctuation, spaces, format characters */
  gsize high;          /* code points above U+007F */
  gsize high_expected; /* of those, what Persian text holds: Arabic script, punctuation */
  gsize arabic_letters;
  gsize arabic_words;
  gsize mixed_words; /* words with Arabic and Latin letters together */
  gboolean has_nul;
} TextStats;

static gboolean
is_arabic_script (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC;
}

static gboolean
is_allowed_control (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static gboolean
is_control (gunichar c)
{
  return (c < 0x20 && !is_allowed_control (c)) || (c >= 0x7F && c <= 0x9F);
}

/* What text_stats() counts of one character. */
enum
{
  CHAR_CONTROL = 1 << 0,       /* is_control () or NUL */
  CHAR_PLAUSIBLE = 1 << 1,     /* see TextStats.plausible */
  CHAR_HIGH_EXPECTED = 1 << 2, /* above U+007F and expected in Persian text */
  CHAR_ARABIC_LETTER = 1 << 3, /* a letter of the Arabic script */
  CHAR_LATIN_LETTER = 1 << 4,  /* a letter of the Latin script */
  CHAR_WORDISH = 1 << 5,       /* a letter, a mark or ZWNJ: part of a word */
};

static guint8
char_flags (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);
  gboolean letter = g_unichar_isalpha (c);
  guint8 flags = 0;

  if (is_control (c) || c == 0)
    flags |= CHAR_CONTROL;

  /* Printable ASCII is fine in any text (markup, JSON, …). */
  if (c >= 0x20 && c < 0x7F)
    type = G_UNICODE_OTHER_PUNCTUATION;

  switch (type)
    {
      case G_UNICODE_CONTROL:
        if (is_allowed_control (c))
          flags |= CHAR_PLAUSIBLE;
        break;
      case G_UNICODE_FORMAT:
      case G_UNICODE_LOWERCASE_LETTER:
      case G_UNICODE_MODIFIER_LETTER:
      case G_UNICODE_OTHER_LETTER:
      case G_UNICODE_TITLECASE_LETTER:
      case G_UNICODE_UPPERCASE_LETTER:
      case G_UNICODE_SPACING_MARK:
      case G_UNICODE_ENCLOSING_MARK:
      case G_UNICODE_NON_SPACING_MARK:
      case G_UNICODE_DECIMAL_NUMBER:
      case G_UNICODE_LETTER_NUMBER:
      case G_UNICODE_OTHER_NUMBER:
      case G_UNICODE_CONNECT_PUNCTUATION:
      case G_UNICODE_DASH_PUNCTUATION:
      case G_UNICODE_CLOSE_PUNCTUATION:
      case G_UNICODE_FINAL_PUNCTUATION:
      case G_UNICODE_INITIAL_PUNCTUATION:
      case G_UNICODE_OTHER_PUNCTUATION:
      case G_UNICODE_OPEN_PUNCTUATION:
      case G_UNICODE_LINE_SEPARATOR:
      case G_UNICODE_PARAGRAPH_SEPARATOR:
      case G_UNICODE_SPACE_SEPARATOR:
        flags |= CHAR_PLAUSIBLE;
        break;
      case G_UNICODE_SURROGATE:
      case G_UNICODE_UNASSIGNED:
      case G_UNICODE_PRIVATE_USE:
      case G_UNICODE_CURRENCY_SYMBOL:
      case G_UNICODE_MODIFIER_SYMBOL:
      case G_UNICODE_MATH_SYMBOL:
      case G_UNICODE_OTHER_SYMBOL:
      default:
        break;
    }

  if (c > 0x7F && (is_arabic_script (c) || (c >= 0x2000 && c <= 0x206F) || c == 0xA0 || c == 0xAB ||
                   c == 0xBB || c == 0xD7 || c == 0xF7 || c == 0xB0 || c == 0x20AC))
    flags |= CHAR_HIGH_EXPECTED;
  if (letter && is_arabic_script (c))
    flags |= CHAR_ARABIC_LETTER;
  else if (letter && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
    flags |= CHAR_LATIN_LETTER;
  if (letter || g_unichar_ismark (c) || c == ZWNJ)
    flags |= CHAR_WORDISH;
  return flags;
}

/* char_flags() of ASCII, Latin, Arabic (U+0000 to U+07FF), general
 * punctuation (U+2000 to U+206F) and Arabic presentation forms (U+FB50 to
 * U+FEFF), worked out once: text_stats() looks at every character. */
#define FLAGS_LOW_LIMIT 0x0800
#define FLAGS_PUNCTUATION_START 0x2000
#define FLAGS_PUNCTUATION_LIMIT 0x2070
#define FLAGS_FORMS_START 0xFB50
#define FLAGS_FORMS_LIMIT 0xFF00
#define FLAGS_PUNCTUATION_AT FLAGS_LOW_LIMIT
#define FLAGS_FORMS_AT (FLAGS_PUNCTUATION_AT + FLAGS_PUNCTUATION_LIMIT - FLAGS_PUNCTUATION_START)
#define FLAGS_TABLE_SIZE (FLAGS_FORMS_AT + FLAGS_FORMS_LIMIT - FLAGS_FORMS_START)

static const guint8 *
char_flags_table (void)
{
  static guint8 table[FLAGS_TABLE_SIZE];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gunichar c = 0; c < FLAGS_LOW_LIMIT; c++)
        table[c] = char_flags (c);
      for (gunichar c = FLAGS_PUNCTUATION_START; c < FLAGS_PUNCTUATION_LIMIT; c++)
        table[FLAGS_PUNCTUATION_AT + c - FLAGS_PUNCTUATION_START] = char_flags (c);
      for (gunichar c = FLAGS_FORMS_START; c < FLAGS_FORMS_LIMIT; c++)
        table[FLAGS_FORMS_AT + c - FLAGS_FORMS_START] = char_flags (c);
      g_once_init_leave (&initialized, 1);
    }
  return table;
}

static inline guint8
lookup_char_flags (const guint8 *table, gunichar c)
{
  if (c < FLAGS_LOW_LIMIT)
    return table[c];
  if (c >= FLAGS_PUNCTUATION_START && c < FLAGS_PUNCTUATION_LIMIT)
    return table[FLAGS_PUNCTUATION_AT + c - FLAGS_PUNCTUATION_START];
  if (c >= FLAGS_FORMS_START && c < FLAGS_FORMS_LIMIT)
    return table[FLAGS_FORMS_AT + c - FLAGS_FORMS_START];
  return char_flags (c);
}

/* The bytes that are control characters in any ASCII-based encoding: C0
 * other than \t \n \f \r, and DEL.  A table: this looks at every byte. */
static gsize
count_raw_controls (const guint8 *data, gsize length)
{
  static guint8 is_raw_control[256];
  static gsize initialized = 0;
  gsize n = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint b = 0; b < 256; b++)
        is_raw_control[b] = (b < 0x20 && !is_allowed_control (b)) || b == 0x7F;
      g_once_init_leave (&initialized, 1);
    }
  for (gsize i = 0; i < length; i++)
    n += is_raw_control[data[i]];
  return n;
}

/* Counting: each character adds one to the count of its flags (and of
 * whether it is above U+007F); the totals are worked out from those counts
 * at the end. */
#define STATS_HIGH 0x40 /* above the flags' bits */

typedef struct
{
  const guint8 *table;
  gsize counts[2 * STATS_HIGH];
  gsize arabic_words;
  gsize mixed_words;
  gboolean has_nul;
  gboolean in_word;
  gboolean word_arabic;
  gboolean word_latin;
} StatsCounter;

static void
stats_counter_init (StatsCounter *counter)
{
  G_STATIC_ASSERT (CHAR_WORDISH < STATS_HIGH);

  memset (counter, 0, sizeof *counter);
  counter->table = char_flags_table ();
}

static inline void
stats_counter_add (StatsCounter *counter, gunichar c)
{
  guint8 flags = lookup_char_flags (counter->table, c);

  counter->counts[flags | (c > 0x7F ? STATS_HIGH : 0)]++;
  counter->has_nul |= c == 0;
  if (flags & CHAR_WORDISH)
    {
      counter->in_word = TRUE;
      if (flags & CHAR_ARABIC_LETTER)
        counter->word_arabic = TRUE;
      else if (flags & CHAR_LATIN_LETTER)
        counter->word_latin = TRUE;
    }
  else if (counter->in_word)
    {
      counter->arabic_words += counter->word_arabic;
      counter->mixed_words += counter->word_arabic && counter->word_latin;
      counter->in_word = counter->word_arabic = counter->word_latin = FALSE;
    }
}

static void
stats_counter_finish (StatsCounter *counter, TextStats *stats)
{
  if (counter->in_word)
    {
      counter->arabic_words += counter->word_arabic;
      counter->mixed_words += counter->word_arabic && counter->word_latin;
    }

  memset (stats, 0, sizeof *stats);
  for (guint k = 0; k < G_N_ELEMENTS (counter->counts); k++)
    {
      gsize n = counter->counts[k];

      stats->chars += n;
      if (k & CHAR_CONTROL)
        stats->controls += n;
      if (k & CHAR_PLAUSIBLE)
        stats->plausible += n;
      if (k & STATS_HIGH)
        {
          stats->high += n;
          if (k & CHAR_HIGH_EXPECTED)
            stats->high_expected += n;
        }
      if (k & CHAR_ARABIC_LETTER)
        stats->arabic_letters += n;
    }
  stats->arabic_words = counter->arabic_words;
  stats->mixed_words = counter->mixed_words;
  stats->has_nul = counter->has_nul;
}

/* `text` is valid UTF-8 (validated, or written by GLib or iconv). */
static void
text_stats (const char *text, gsize bytes, TextStats *stats)
{
  const guchar *p = (const guchar *)text;
  const guchar *end = p + bytes;
  StatsCounter counter;

  stats_counter_init (&counter);
  while (p < end)
    {
      gunichar c;

      /* g_utf8_get_char() and g_utf8_next_char() inline for the one-, two-
       * and three-byte sequences. */
      if (p[0] < 0x80)
        c = *p++;
      else if (p[0] < 0xE0 && p + 1 < end)
        {
          c = ((gunichar)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
          p += 2;
        }
      else if (p[0] < 0xF0 && p + 2 < end)
        {
          c = ((gunichar)(p[0] & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          p += 3;
        }
      else
        {
          c = g_utf8_get_char ((const char *)p);
          p = (const guchar *)g_utf8_next_char (p);
        }
      stats_counter_add (&counter, c);
    }
  stats_counter_finish (&counter, stats);
}

/* Decodes at p[0] one character of what Persian text is mostly made of:
 * 2-byte characters (Arabic script is U+0600 to U+06FF), printable ASCII and
 * newlines.  FALSE, with nothing done, for anything else, which
 * decode_utf8() then looks at with all the rules.  Reads p[0] and p[1]. */
static inline gboolean
decode_common_char (const guint8 **p, gunichar **out)
{
  guint b0 = (*p)[0];

  /* A lead byte from 0xC3 on can be neither overlong nor start a C1
   * control, so only the continuation byte needs a look. */
  if (b0 - 0xC3u <= 0xDFu - 0xC3u)
    {
      /* signed: continuation bytes, 0x80 to 0xBF, are the ones below -0x40 */
      gint b1 = (gint8)(*p)[1];

      if (b1 >= -0x40)
        return FALSE;
      /* ((b0 & 0x1F) << 6) | (b1 & 0x3F), with the known bits subtracted */
      *(*out)++ = (b0 << 6) + (guint)b1 - ((0xC0u << 6) + 0x80u - 0x100u);
      *p += 2;
      return TRUE;
    }
  if (b0 - 0x20u < 0x7Fu - 0x20u || b0 == '\n')
    {
      *(*out)++ = b0;
      *p += 1;
      return TRUE;
    }
  return FALSE;
}

/* Decodes data[0, length) when it is valid UTF-8: validating, converting to
 * code points and counting control characters all in one pass, since every
 * article goes through all three.  Returns the code points (`*n_chars` of
 * them, then a 0), or NULL and `bad` where g_utf8_validate_len() would have
 * stopped (the same rules: no overlong forms, surrogates, code points above
 * U+10FFFF or NUL bytes).  `raw_controls` counts what count_raw_controls()
 * would; `controls` adds the C1 controls to them, as TextStats.controls. */
static gunichar *
decode_utf8 (const guint8 *data, gsize length, const char **bad, gsize *n_chars,
             gsize *raw_controls, gsize *controls)
{
  gunichar *chars = g_new (gunichar, length + 1);
  gunichar *out = chars;
  const guint8 *p = data;
  const guint8 *end = data + length;
  /* The fast path takes two characters of at most two bytes a turn: from
   * before `fast_end`, all four bytes are inside the data. */
  const guint8 *fast_end = length > 3 ? end - 3 : data;
  gsize ascii_controls = 0;
  gsize c1_controls = 0;

  for (;;)
    {
      gsize left;
      guint b0;
      gunichar c;

      while (p < fast_end && decode_common_char (&p, &out) && decode_common_char (&p, &out))
        ;
      if (p == end)
        break;

      left = (gsize)(end - p);
      b0 = p[0];
      if (b0 < 0x80)
        {
          if (b0 == 0)
            goto invalid;
          if (b0 < 0x20 ? !is_allowed_control (b0) : b0 == 0x7F)
            ascii_controls++;
          c = b0;
          p++;
        }
      else if (b0 < 0xE0)
        {
          if (left < 2 || b0 < 0xC2 || (p[1] & 0xC0) != 0x80)
            goto invalid;
          c = ((gunichar)(b0 & 0x1F) << 6) | (p[1] & 0x3F);
          if (c < 0xA0)
            c1_controls++;
          p += 2;
        }
      else if (b0 < 0xF0)
        {
          if (left < 3 || (p[2] & 0xC0) != 0x80)
            goto invalid;
          if (b0 == 0xE0   ? (p[1] & 0xE0) != 0xA0
              : b0 == 0xED ? (p[1] & 0xE0) != 0x80
                           : (p[1] & 0xC0) != 0x80)
            goto invalid;
          c = ((gunichar)(b0 & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          p += 3;
        }
      else if (b0 < 0xF5)
        {
          if (left < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            goto invalid;
          if (b0 == 0xF0   ? (p[1] & 0xC0) != 0x80 || (p[1] & 0x30) == 0
              : b0 == 0xF4 ? (p[1] & 0xF0) != 0x80
                           : (p[1] & 0xC0) != 0x80)
            goto invalid;
          c = ((gunichar)(b0 & 0x07) << 18) | ((gunichar)(p[1] & 0x3F) << 12) |
              ((gunichar)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
          p += 4;
        }
      else
        goto invalid;
      *out++ = c;
    }

  *out = 0;
  *n_chars = (gsize)(out - chars);
  *raw_controls = ascii_controls;
  *controls = ascii_controls + c1_controls;
  return g_renew (gunichar, chars, *n_chars + 1);

invalid:
  *bad = (const char *)p;
  g_free (chars);
  return NULL;
}

/* g_strndup() of what decode_utf8() accepted, without looking for a NUL
 * byte: there is none. */
static char *
copy_utf8 (const guint8 *data, gsize length)
{
  char *text = g_malloc (length + 1);

  memcpy (text, data, length);
  text[length] = '\0';
  return text;
}

/* Whether a text with `controls` control characters (TextStats.controls)
 * among `chars` is binary data rather than text. */
static gboolean
controls_look_binary (gsize controls, gsize chars)
{
  if (controls == 0)
    return FALSE;
  return controls * 10 > chars || (controls >= 8 && controls * 100 > chars);
}

static gboolean
stats_look_binary (const TextStats *stats)
{
  return stats->has_nul || controls_look_binary (stats->controls, stats->chars);
}

/* Whether Windows-1256 bytes decoded to something that reads like Persian
 * (or Arabic) text rather than mojibake. */
static gboolean
stats_look_persian (const TextStats *stats)
{
  if (stats->arabic_letters == 0 || stats->arabic_words == 0)
    return FALSE;
  if (stats->high_expected * 10 < stats->high * 8)
    return FALSE;
  if (stats->plausible * 10 < stats->chars * 9)
    return FALSE;
  if (stats->mixed_words * 5 > stats->arabic_words)
    return FALSE;
  return TRUE;
}

/* TRUE when `text` holds something other than white space and invisible
 * format characters. */
static gboolean
has_visible_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Format detection                                                        */

static const char *
skip_ascii_space (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Whether [p, end) starts with `prefix` (ASCII, lower case, not empty)
 * ignoring ASCII case. */
static gboolean
has_prefix_ascii_nocase (const char *p, const char *end, const char *prefix)
{
  gsize n = strlen (prefix);

  /* the first byte alone rules most texts out */
  return (gsize)(end - p) >= n && g_ascii_tolower (*p) == prefix[0] &&
         g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Finds `needle` (ASCII, lower case) in [p, end) ignoring ASCII case. */
static const char *
find_ascii_nocase (const char *p, const char *end, const char *needle)
{
  gsize n = strlen (needle);

  for (; p < end && (gsize)(end - p) >= n; p++)
    if (g_ascii_tolower (*p) == needle[0] && g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* Whether the text (or ASCII-compatible bytes) starts like an HTML page:
 * "<!doctype html" or "<html", after white space, comments and an XML
 * declaration. */
static gboolean
looks_like_html (const char *p, gsize length)
{
  const char *end = p + length;

  for (;;)
    {
      p = skip_ascii_space (p, end);
      if (has_prefix_ascii_nocase (p, end, "<!--"))
        {
          const char *close = find_ascii_nocase (p + 4, end, "-->");

          if (close == NULL)
            return FALSE;
          p = close + 3;
        }
      else if (has_prefix_ascii_nocase (p, end, "<?"))
        {
          const char *close = find_ascii_nocase (p + 2, end, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
        }
      else
        break;
    }

  if (has_prefix_ascii_nocase (p, end, "<!doctype"))
    {
      p = skip_ascii_space (p + strlen ("<!doctype"), end);
      return has_prefix_ascii_nocase (p, end, "html");
    }
  if (has_prefix_ascii_nocase (p, end, "<html"))
    {
      p += strlen ("<html");
      return p == end || g_ascii_isspace (*p) || *p == '>';
    }
  return FALSE;
}

/* The lower-cased extension of the file name in `name`, or NULL. */
static char *
extension_of (const char *name)
{
  g_autofree char *base = NULL;
  const char *dot;

  if (name == NULL || strcmp (name, "-") == 0)
    return NULL;
  base = g_path_get_basename (name);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return NULL;
  return g_ascii_strdown (dot + 1, -1);
}

/* The charset an HTML page declares in a <meta> element, or NULL. */
static char *
declared_html_charset (const char *data, gsize length)
{
  const char *end = data + MIN (length, (gsize)MAX_CHARSET_SCAN);
  const char *p = data;

  while ((p = find_ascii_nocase (p, end, "<meta")) != NULL)
    {
      const char *tag_end = memchr (p, '>', (gsize)(end - p));
      const char *q;

      if (tag_end == NULL)
        tag_end = end;
      q = find_ascii_nocase (p, tag_end, "charset");
      if (q != NULL)
        {
          const char *start;

          q = skip_ascii_space (q + strlen ("charset"), tag_end);
          if (q < tag_end && *q == '=')
            {
              q = skip_ascii_space (q + 1, tag_end);
              while (q < tag_end && (*q == '"' || *q == '\''))
                q++;
              start = q;
              while (q < tag_end &&
                     (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == '.' || *q == ':'))
                q++;
              if (q > start)
                return g_strndup (start, (gsize)(q - start));
            }
        }
      p = tag_end;
    }
  return NULL;
}

static gboolean
charset_is_windows_1256 (const char *charset)
{
  g_autoptr (GString) name = g_string_new (NULL);

  for (const char *p = charset; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (name, g_ascii_tolower (*p));

  return g_str_equal (name->str, "windows1256") || g_str_equal (name->str, "cp1256") ||
         g_str_equal (name->str, "xcp1256") || g_str_equal (name->str, "mscp1256") ||
         g_str_equal (name->str, "win1256");
}

/* ---------------------------------------------------------------------- */
/* Decoding                                                                */

static char *
decode_utf16 (const char *source, const guint8 *data, gsize length, gboolean big_endian,
              gsize *out_bytes, GError **error)
{
  const char *name = big_endian ? "big-endian" : "little-endian";
  g_autoptr (GString) text = NULL;

  /* data starts after the two-byte BOM; offsets in messages count the BOM. */
  if (length % 2 != 0)
    {
      set_error (error, PV_DOCUMENT_ERROR_DECODE, source,
                 "is UTF-16 (%s) but has an odd number of bytes; the file is truncated or "
                 "not UTF-16",
                 name);
      return NULL;
    }

  text = g_string_sized_new (length + length / 2 + 1);
  for (gsize i = 0; i < length; i += 2)
    {
      gunichar unit = big_endian ? ((gunichar)data[i] << 8 | data[i + 1])
                                 : ((gunichar)data[i + 1] << 8 | data[i]);
      gunichar c = unit;

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          gunichar low = 0;

          if (i + 3 < length)
            low = big_endian ? ((gunichar)data[i + 2] << 8 | data[i + 3])
                             : ((gunichar)data[i + 3] << 8 | data[i + 2]);
          if (low < 0xDC00 || low > 0xDFFF)
            {
              set_error (error, PV_DOCUMENT_ERROR_DECODE, source,
                         "is not valid UTF-16 (%s): unpaired surrogate at byte %" G_GSIZE_FORMAT,
                         name, i + 2);
              return NULL;
            }
          c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          i += 2;
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        {
          set_error (error, PV_DOCUMENT_ERROR_DECODE, source,
                     "is not valid UTF-16 (%s): unpaired surrogate at byte %" G_GSIZE_FORMAT, name,
                     i + 2);
          return NULL;
        }
      else if (unit == 0)
        {
          set_binary_error (error, source);
          return NULL;
        }
      g_string_append_unichar (text, c);
    }

  *out_bytes = text->len;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
convert_from_windows_1256 (const guint8 *data, gsize length, gsize *out_bytes)
{
  static const char *const names[] = { "WINDOWS-1256", "CP1256" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GError) local_error = NULL;
      gsize written = 0;
      char *text;

      text = g_convert ((const char *)data, (gssize)length, "UTF-8", names[i], NULL, &written,
                        &local_error);
      if (text != NULL)
        {
          *out_bytes = written;
          return text;
        }
      if (!g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        return NULL;
    }
  return NULL;
}

/* Whether `data`, which is not valid UTF-8, is still mostly UTF-8: it holds
 * more well-formed multi-byte UTF-8 characters than bytes that are not
 * UTF-8 (a UTF-8 file with some Windows-1256 or Latin-1 bytes in it, or a
 * damaged one). */
static gboolean
mostly_utf8 (const guint8 *data, gsize length)
{
  gsize valid = 0;
  gsize invalid = 0;

  for (gsize i = 0; i < length;)
    {
      gunichar c;

      if (data[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *)data + i, (gssize)(length - i));
      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          invalid++;
          i++;
        }
      else
        {
          valid++;
          i += (gsize)g_unichar_to_utf8 (c, NULL);
        }
    }
  return valid > invalid;
}

/* The line (from 1) of the byte at `offset`. */
static gsize
line_of (const guint8 *data, gsize offset)
{
  gsize line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Decodes `data` to UTF-8 without a BOM.  `html` says whether the bytes are
 * probably an HTML page (whose <meta charset> then counts).  When the bytes
 * are UTF-8, `chars` and `n_chars` are the text's code points (decoded on
 * the way); else `chars` is NULL.  No encoding lets a NUL through, so
 * `out_bytes` is also strlen() of the text. */
static char *
decode_bytes (const char *source, const guint8 *data, gsize length, gboolean html,
              const char **encoding, gsize *out_bytes, gunichar **chars, gsize *n_chars,
              GError **error)
{
  g_autofree char *text = NULL;
  g_autofree gunichar *utf8_chars = NULL;
  gsize bytes = 0;
  gsize raw_controls = 0;
  gsize controls = 0;
  gboolean binary;
  const char *bad = NULL;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      const char *start = (const char *)data + 3;

      utf8_chars =
          decode_utf8 ((const guint8 *)start, length - 3, &bad, n_chars, &raw_controls, &controls);
      if (utf8_chars == NULL)
        {
          /* NUL bytes are not UTF-8 either, but say more */
          if (memchr (start, '\0', length - 3) != NULL)
            {
              set_binary_error (error, source);
              return NULL;
            }
          set_error (error, PV_DOCUMENT_ERROR_DECODE, source,
                     "starts with a UTF-8 byte order mark but is not valid UTF-8 (bad byte at "
                     "offset %" G_GSIZE_FORMAT ")",
                     (gsize)(bad - (const char *)data));
          return NULL;
        }
      text = copy_utf8 ((const guint8 *)start, length - 3);
      bytes = length - 3;
      binary = controls_look_binary (controls, *n_chars);
      *encoding = ENCODING_UTF8;
    }
  else if (length >= 4 && ((data[0] == 0xFF && data[1] == 0xFE && data[2] == 0 && data[3] == 0) ||
                           (data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF)))
    {
      set_error (error, PV_DOCUMENT_ERROR_DECODE, source,
                 "is UTF-32 text, which Peyvand does not read; save it as UTF-8");
      return NULL;
    }
  else if (length >= 2 &&
           ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      gboolean big_endian = data[0] == 0xFE;
      TextStats stats;

      text = decode_utf16 (source, data + 2, length - 2, big_endian, &bytes, error);
      if (text == NULL)
        return NULL;
      text_stats (text, bytes, &stats);
      binary = stats_look_binary (&stats);
      *encoding = big_endian ? ENCODING_UTF16BE : ENCODING_UTF16LE;
    }
  else
    {
      /* Valid UTF-8 holds no NUL bytes, and control bytes only as the
       * characters that decode_utf8() counts: only other data needs to be
       * searched for them. */
      utf8_chars = decode_utf8 (data, length, &bad, n_chars, &raw_controls, &controls);
      if (utf8_chars == NULL)
        {
          if (memchr (data, '\0', length) != NULL)
            {
              set_binary_error (error, source);
              return NULL;
            }
          raw_controls = count_raw_controls (data, length);
        }
      if (raw_controls > 0 &&
          (raw_controls * 10 > length || (raw_controls >= 8 && raw_controls * 100 > length)))
        {
          set_binary_error (error, source);
          return NULL;
        }

      if (utf8_chars != NULL)
        {
          text = copy_utf8 (data, length);
          bytes = length;
          binary = controls_look_binary (controls, *n_chars);
          *encoding = ENCODING_UTF8;
        }
      else
        {
          gsize bad_offset = (gsize)(bad - (const char *)data);
          g_autofree char *charset =
              html ? declared_html_charset ((const char *)data, length) : NULL;
          gboolean declared = charset != NULL && charset_is_windows_1256 (charset);
          TextStats stats;

          text = convert_from_windows_1256 (data, length, &bytes);
          if (text != NULL)
            {
              text_stats (text, bytes, &stats);
              if (stats_look_binary (&stats))
                {
                  set_binary_error (error, source);
                  return NULL;
                }
              if (!declared && !stats_look_persian (&stats))
                g_clear_pointer (&text, g_free);
            }
          if (text == NULL)
            {
              if (charset != NULL && !declared && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
                  g_ascii_strcasecmp (charset, "utf8") != 0)
                set_error (error, PV_DOCUMENT_ERROR_DECODE, source,
                           "declares the character set \"%s\", which Peyvand cannot read "
                           "(it reads UTF-8, UTF-16 with a byte order mark and Windows-1256)",
                           charset);
              else if (mostly_utf8 (data, length))
                set_error (
                    error, PV_DOCUMENT_ERROR_DECODE, source,
                    "is not valid UTF-8: most of it is, but the byte at offset %" G_GSIZE_FORMAT
                    " (line %" G_GSIZE_FORMAT
                    ") is not; it mixes encodings or is damaged (save it as UTF-8)",
                    bad_offset, line_of (data, bad_offset));
              else
                set_error (error, PV_DOCUMENT_ERROR_DECODE, source,
                           "is not valid UTF-8 (bad byte at offset %" G_GSIZE_FORMAT
                           ") and does not look like Windows-1256 Persian text either; "
                           "its encoding is unknown",
                           bad_offset);
              return NULL;
            }
          /* stats_look_binary() has had its say */
          binary = FALSE;
          *encoding = ENCODING_WINDOWS_1256;
        }
    }

  if (binary)
    {
      set_binary_error (error, source);
      return NULL;
    }

  *out_bytes = bytes;
  *chars = g_steal_pointer (&utf8_chars);
  return g_steal_pointer (&text);
}

/* ---------------------------------------------------------------------- */
/* HTML                                                                    */

static const char *const skipped_elements[] = {
  "script", "style",  "noscript", "nav",    "header",   "footer", "aside", "form",
  "iframe", "svg",    "button",   "select", "template", "head",   "title", "object",
  "embed",  "canvas", "textarea", "audio",  "video",    "map",    "math",  "dialog",
};

static const char *const block_elements[] = {
  "address", "article",  "aside",      "blockquote", "body",    "br",      "caption",
  "center",  "dd",       "details",    "dialog",     "dir",     "div",     "dl",
  "dt",      "fieldset", "figcaption", "figure",     "footer",  "form",    "h1",
  "h2",      "h3",       "h4",         "h5",         "h6",      "header",  "hgroup",
  "hr",      "html",     "legend",     "li",         "main",    "menu",    "nav",
  "ol",      "option",   "p",          "pre",        "section", "summary", "table",
  "tbody",   "td",       "tfoot",      "th",         "thead",   "tr",      "ul",
};

static gboolean
name_in (const xmlNode *node, const char *const *names, gsize n_names)
{
  const char *name = (const char *)node->name;

  if (name == NULL)
    return FALSE;
  for (gsize i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_element (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

/* An attribute's value, or NULL. */
static char *
attribute (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

static gboolean
is_skipped (xmlNode *node)
{
  g_autofree char *aria_hidden = NULL;
  g_autofree char *role = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (name_in (node, skipped_elements, G_N_ELEMENTS (skipped_elements)))
    return TRUE;
  if (xmlHasProp (node, (const xmlChar *)"hidden") != NULL)
    return TRUE;
  aria_hidden = attribute (node, "aria-hidden");
  if (aria_hidden != NULL && g_ascii_strcasecmp (aria_hidden, "true") == 0)
    return TRUE;
  role = attribute (node, "role");
  return role != NULL && g_ascii_strcasecmp (role, "navigation") == 0;
}

static gboolean
is_block (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE &&
         name_in (node, block_elements, G_N_ELEMENTS (block_elements));
}

/* Paragraphs built from the text of an element: one per line, white space
 * collapsed inside each. */
typedef struct
{
  GString *out;
  GString *paragraph;
  gboolean space;
  guint pre;
} TextBuilder;

static void
builder_init (TextBuilder *builder)
{
  builder->out = g_string_new (NULL);
  builder->paragraph = g_string_new (NULL);
  builder->space = FALSE;
  builder->pre = 0;
}

static void
builder_break (TextBuilder *builder)
{
  if (builder->paragraph->len > 0)
    {
      if (builder->out->len > 0)
        g_string_append_c (builder->out, '\n');
      g_string_append_len (builder->out, builder->paragraph->str, (gssize)builder->paragraph->len);
      g_string_truncate (builder->paragraph, 0);
    }
  builder->space = FALSE;
}

/* Ends the builder and returns its text. */
static char *
builder_finish (TextBuilder *builder)
{
  builder_break (builder);
  g_string_free (builder->paragraph, TRUE);
  return g_string_free (builder->out, FALSE);
}

static void
builder_append (TextBuilder *builder, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (builder->pre > 0 && c == '\n')
        builder_break (builder);
      else if (c != ZWNJ && g_unichar_isspace (c))
        builder->space = builder->paragraph->len > 0;
      else
        {
          if (builder->space)
            g_string_append_c (builder->paragraph, ' ');
          builder->space = FALSE;
          g_string_append_len (builder->paragraph, p, g_utf8_next_char (p) - p);
        }
    }
}

static void
builder_enter (TextBuilder *builder, xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        builder_append (builder, (const char *)node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;
  if (is_block (node))
    builder_break (builder);
  if (is_element (node, "pre"))
    builder->pre++;
}

/* Leaves an element whose content was read. */
static void
builder_leave (TextBuilder *builder, xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return;
  if (is_block (node))
    builder_break (builder);
  if (is_element (node, "pre"))
    builder->pre--;
}

/* The article text under `root`: one paragraph per line. */
static char *
element_text (xmlNode *root)
{
  TextBuilder builder;
  xmlNode *node = root;
  guint depth = 0;

  builder_init (&builder);

  while (node != NULL)
    {
      gboolean descend = node->type == XML_ELEMENT_NODE && (node == root || !is_skipped (node));

      /* Skipped elements are neither entered nor left, but still end a
       * paragraph when they are blocks. */
      if (descend || node->type != XML_ELEMENT_NODE)
        builder_enter (&builder, node);

      if (descend && node->children != NULL && depth < MAX_HTML_DEPTH)
        {
          node = node->children;
          depth++;
          continue;
        }

      if (descend)
        builder_leave (&builder, node);
      else if (node->type == XML_ELEMENT_NODE && is_block (node))
        builder_break (&builder);

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          depth--;
          builder_leave (&builder, node);
        }
      if (node == root)
        break;
      node = node->next;
    }

  return builder_finish (&builder);
}

/* `text` with white space collapsed to single spaces and trimmed. */
static char *
collapse_space (const char *text)
{
  TextBuilder builder;

  builder_init (&builder);
  builder_append (&builder, text);
  return builder_finish (&builder);
}

/* The text of `node` on one line, or NULL when it holds none. */
static char *
element_text_flat (xmlNode *node)
{
  g_autofree char *text = element_text (node);

  g_strdelimit (text, "\n", ' ');
  if (!has_visible_text (text))
    return NULL;
  return g_steal_pointer (&text);
}

/* The next node after `node` in document order, inside `root`. */
static xmlNode *
walk_next (xmlNode *root, xmlNode *node, guint *depth)
{
  if (node->type == XML_ELEMENT_NODE && node->children != NULL && *depth < MAX_HTML_DEPTH)
    {
      (*depth)++;
      return node->children;
    }
  while (node != root && node->next == NULL)
    {
      node = node->parent;
      (*depth)--;
    }
  if (node == root)
    return NULL;
  return node->next;
}

/* Meta names that give the publication date, best first. */
static const char *const date_meta_names[] = {
  "article:published_time", "datepublished",     "date", "pubdate", "dc.date", "dc.date.issued",
  "dcterms.date",           "og:published_time",
};
#define DATE_PUBLISHED_INDEX 1

typedef struct
{
  xmlNode *body;
  xmlNode *main;
  xmlNode *title;
  xmlNode *h1;
  GPtrArray *articles;
  char *og_title;
  char *dates[G_N_ELEMENTS (date_meta_names)];
  char *time_date;
} HtmlParts;

static void
html_parts_clear (HtmlParts *parts)
{
  g_clear_pointer (&parts->articles, g_ptr_array_unref);
  g_clear_pointer (&parts->og_title, g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (parts->dates); i++)
    g_clear_pointer (&parts->dates[i], g_free);
  g_clear_pointer (&parts->time_date, g_free);
}

static void
html_parts_meta (HtmlParts *parts, xmlNode *node)
{
  static const char *const keys[] = { "property", "name", "itemprop" };
  g_autofree char *content = attribute (node, "content");

  if (content == NULL)
    return;

  for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *key = attribute (node, keys[k]);

      if (key == NULL)
        continue;
      g_strstrip (key);
      if (g_ascii_strcasecmp (key, "og:title") == 0 && parts->og_title == NULL)
        {
          g_autofree char *title = collapse_space (content);

          if (has_visible_text (title))
            parts->og_title = g_steal_pointer (&title);
        }
      for (gsize i = 0; i < G_N_ELEMENTS (date_meta_names); i++)
        if (parts->dates[i] == NULL && g_ascii_strcasecmp (key, date_meta_names[i]) == 0)
          parts->dates[i] = pv_parse_date (content);
    }
}

static void
html_parts_find (HtmlParts *parts, xmlNode *root)
{
  xmlNode *node = root;
  guint depth = 0;

  parts->articles = g_ptr_array_new ();

  for (; node != NULL; node = walk_next (root, node, &depth))
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (node, "meta"))
        html_parts_meta (parts, node);
      else if (is_element (node, "article"))
        {
          if (parts->articles->len < MAX_ARTICLE_CANDIDATES)
            g_ptr_array_add (parts->articles, node);
        }
      else if (is_element (node, "main"))
        {
          if (parts->main == NULL)
            parts->main = node;
        }
      else if (is_element (node, "body"))
        {
          if (parts->body == NULL)
            parts->body = node;
        }
      else if (is_element (node, "title"))
        {
          if (parts->title == NULL)
            parts->title = node;
        }
      else if (is_element (node, "h1"))
        {
          if (parts->h1 == NULL)
            parts->h1 = node;
        }

      if (is_element (node, "time"))
        {
          if (parts->time_date == NULL)
            {
              g_autofree char *value = attribute (node, "datetime");

              parts->time_date = pv_parse_date (value);
            }
        }
      else if (!is_element (node, "meta") && parts->dates[DATE_PUBLISHED_INDEX] == NULL)
        {
          g_autofree char *itemprop = attribute (node, "itemprop");

          if (itemprop != NULL && g_ascii_strcasecmp (g_strstrip (itemprop), "datePublished") == 0)
            {
              g_autofree char *value = attribute (node, "datetime");

              if (value == NULL)
                value = attribute (node, "content");
              parts->dates[DATE_PUBLISHED_INDEX] = pv_parse_date (value);
            }
        }
    }
}

static gboolean
load_html (const char *source, const char *text, gsize bytes, char **out_text, char **out_title,
           char **out_date, GError **error)
{
  htmlDocPtr doc;
  xmlNode *root;
  HtmlParts parts = { 0 };
  g_autofree char *article = NULL;

  if (bytes > INT_MAX)
    {
      set_error (error, PV_DOCUMENT_ERROR_FORMAT, source, "HTML page is too large to parse");
      return FALSE;
    }

  xmlInitParser ();
  doc = htmlReadMemory (text, (int)bytes, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      set_error (error, PV_DOCUMENT_ERROR_FORMAT, source, "could not be read as an HTML page");
      return FALSE;
    }

  html_parts_find (&parts, root);

  /* Of several <article> elements, the one with the most text. */
  for (guint i = 0; i < parts.articles->len; i++)
    {
      g_autofree char *candidate = element_text (g_ptr_array_index (parts.articles, i));

      if (has_visible_text (candidate) &&
          (article == NULL || strlen (candidate) > strlen (article)))
        {
          g_free (article);
          article = g_steal_pointer (&candidate);
        }
    }
  if (article == NULL && parts.main != NULL)
    {
      article = element_text (parts.main);
      if (!has_visible_text (article))
        g_clear_pointer (&article, g_free);
    }
  if (article == NULL)
    {
      article = element_text (parts.body != NULL ? parts.body : root);
      if (!has_visible_text (article))
        g_clear_pointer (&article, g_free);
    }

  if (article == NULL)
    {
      html_parts_clear (&parts);
      xmlFreeDoc (doc);
      set_error (error, PV_DOCUMENT_ERROR_FORMAT, source, "HTML page holds no article text");
      return FALSE;
    }

  if (parts.og_title != NULL)
    *out_title = g_steal_pointer (&parts.og_title);
  if (*out_title == NULL && parts.title != NULL)
    *out_title = element_text_flat (parts.title);
  if (*out_title == NULL && parts.h1 != NULL)
    *out_title = element_text_flat (parts.h1);
  if (*out_title != NULL)
    {
      g_strstrip (*out_title);
      if (!g_utf8_validate (*out_title, -1, NULL))
        {
          char *valid = g_utf8_make_valid (*out_title, -1);

          g_free (*out_title);
          *out_title = valid;
        }
    }

  for (gsize i = 0; i < G_N_ELEMENTS (parts.dates) && *out_date == NULL; i++)
    if (parts.dates[i] != NULL)
      *out_date = g_steal_pointer (&parts.dates[i]);
  if (*out_date == NULL)
    *out_date = g_steal_pointer (&parts.time_date);

  html_parts_clear (&parts);
  xmlFreeDoc (doc);

  if (!g_utf8_validate (article, -1, NULL))
    {
      char *valid = g_utf8_make_valid (article, -1);

      g_free (article);
      article = valid;
    }
  *out_text = g_steal_pointer (&article);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* JSON                                                                    */

static cJSON *
parse_json (const char *text, gsize bytes, gsize *error_offset)
{
  const char *end = NULL;
  cJSON *json;

  /* The length counts the terminating NUL so that cJSON can check that
   * nothing follows the value. */
  json = cJSON_ParseWithLengthOpts (text, bytes + 1, &end, TRUE);
  if (json == NULL && error_offset != NULL)
    *error_offset = end != NULL && end >= text && end <= text + bytes ? (gsize)(end - text) : bytes;
  return json;
}

/* How deep arrays and objects are nested at `offset` (strings skipped). */
static guint
json_depth_at (const char *text, gsize offset)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < offset && text[i] != '\0'; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < offset)
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        depth++;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return depth;
}

static gboolean
load_json (const char *source, cJSON *json, char **out_text, char **out_title, char **out_date,
           GError **error)
{
  const cJSON *text = cJSON_GetObjectItemCaseSensitive (json, "text");
  const cJSON *title = cJSON_GetObjectItemCaseSensitive (json, "title");
  const cJSON *date = cJSON_GetObjectItemCaseSensitive (json, "date");

  if (!cJSON_IsObject (json))
    {
      set_error (error, PV_DOCUMENT_ERROR_FORMAT, source,
                 "JSON is not an article object {\"title\", \"date\", \"text\"}");
      return FALSE;
    }
  if (!cJSON_IsString (text) || text->valuestring == NULL)
    {
      const cJSON *schema = cJSON_GetObjectItemCaseSensitive (json, "schema");

      if (cJSON_IsString (schema) && schema->valuestring != NULL &&
          g_str_has_prefix (schema->valuestring, "peyvand/project/"))
        set_error (error, PV_DOCUMENT_ERROR_FORMAT, source,
                   "a Peyvand project, not an article (open it in the application)");
      else
        set_error (error, PV_DOCUMENT_ERROR_FORMAT, source, "JSON has no \"text\" string");
      return FALSE;
    }
  if (!has_visible_text (text->valuestring))
    {
      set_error (error, PV_DOCUMENT_ERROR_EMPTY, source,
                 "contains no text (its \"text\" is empty)");
      return FALSE;
    }

  *out_text = g_utf8_make_valid (text->valuestring, -1);
  if (cJSON_IsString (title) && title->valuestring != NULL)
    {
      g_autofree char *value = g_utf8_make_valid (title->valuestring, -1);

      g_strstrip (value);
      if (has_visible_text (value))
        *out_title = g_steal_pointer (&value);
    }
  if (cJSON_IsString (date) && date->valuestring != NULL)
    *out_date = pv_parse_date (date->valuestring);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Documents                                                               */

/* `text` is valid UTF-8; as g_utf8_to_ucs4_fast(), in one pass over it
 * instead of two (a UTF-8 text has at most as many characters as bytes). */
static gunichar *
utf8_to_code_points (const char *text, gsize bytes, gsize *length)
{
  gunichar *chars = g_new (gunichar, bytes + 1);
  const guchar *p = (const guchar *)text;
  const guchar *end = p + bytes;
  gsize n = 0;

  while (p < end)
    {
      if (p[0] < 0x80)
        chars[n++] = *p++;
      else if (p[0] < 0xE0 && p + 1 < end)
        {
          chars[n++] = ((gunichar)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
          p += 2;
        }
      else if (p[0] < 0xF0 && p + 2 < end)
        {
          chars[n++] =
              ((gunichar)(p[0] & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          p += 3;
        }
      else
        {
          chars[n++] = g_utf8_get_char ((const char *)p);
          p = (const guchar *)g_utf8_next_char (p);
        }
    }
  chars[n] = 0;
  *length = n;
  return g_renew (gunichar, chars, n + 1);
}

/* `chars` (`length` of them) are the code points of `text` (`text_bytes`
 * long), or NULL to have them worked out here. */
static PvDocument *
document_new (const char *source, char *text, gsize text_bytes, gunichar *chars, gsize length,
              const char *encoding, PvDocumentFormat format, char *title, char *date)
{
  PvDocument *document = g_new0 (PvDocument, 1);

  document->source = g_strdup (source != NULL ? source : "-");
  document->title = title;
  document->date = date;
  document->encoding = encoding;
  document->format = format;
  document->text = text;
  document->text_bytes = text_bytes;
  if (chars != NULL)
    {
      document->chars = chars;
      document->length = length;
    }
  else
    document->chars = utf8_to_code_points (text, text_bytes, &document->length);
  return document;
}

PvDocument *
pv_document_load_bytes (const char *source, const guint8 *data, gsize length, const char *name_hint,
                        GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *extension = NULL;
  g_autofree char *article = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree gunichar *chars = NULL;
  gsize n_chars = 0;
  const char *encoding = ENCODING_UTF8;
  PvDocumentFormat format = PV_DOCUMENT_FORMAT_TEXT;
  gsize bytes = 0;
  gboolean html, named_json;
  const char *start;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source == NULL)
    source = "-";

  if (length == 0)
    {
      set_empty_error (error, source);
      return NULL;
    }
  /* bytes from a stream or another program: the same limit as files */
  if (length > PV_DOCUMENT_MAX_BYTES)
    {
      set_too_large_error (error, source, length);
      return NULL;
    }

  extension = extension_of (name_hint);
  html = extension != NULL && (g_str_equal (extension, "html") || g_str_equal (extension, "htm") ||
                               g_str_equal (extension, "xhtml"));
  /* a project file is JSON too: whole or cut short, it is not an article */
  named_json =
      extension != NULL && (g_str_equal (extension, "json") || g_str_equal (extension, "peyvand"));

  text = decode_bytes (source, data, length, html || looks_like_html ((const char *)data, length),
                       &encoding, &bytes, &chars, &n_chars, error);
  if (text == NULL)
    return NULL;

  if (!has_visible_text (text))
    {
      set_empty_error (error, source);
      return NULL;
    }

  start = skip_ascii_space (text, text + bytes);
  if (html || (!named_json && looks_like_html (text, bytes)))
    {
      /* the article's code points are counted from its own text: let go of
       * the page's before the tree is built */
      g_clear_pointer (&chars, g_free);
      if (!load_html (source, text, bytes, &article, &title, &date, error))
        return NULL;
      format = PV_DOCUMENT_FORMAT_HTML;
    }
  else if (named_json || *start == '{')
    {
      gsize error_offset = 0;
      cJSON *json = parse_json (text, bytes, &error_offset);

      if (json == NULL && named_json)
        {
          /* cJSON stops at CJSON_NESTING_LIMIT levels rather than recurse
           * deeper: say so, not just where */
          if (json_depth_at (text, error_offset) >= CJSON_NESTING_LIMIT)
            set_error (error, PV_DOCUMENT_ERROR_FORMAT, source,
                       "not valid JSON: nested more than %d levels deep", CJSON_NESTING_LIMIT);
          else if (strcmp (encoding, ENCODING_UTF8) == 0)
            set_error (error, PV_DOCUMENT_ERROR_FORMAT, source,
                       "not valid JSON (error near byte %" G_GSIZE_FORMAT ")",
                       error_offset + (length - bytes));
          else
            set_error (error, PV_DOCUMENT_ERROR_FORMAT, source,
                       "not valid JSON (error near character %ld)",
                       g_utf8_pointer_to_offset (text, text + error_offset));
          return NULL;
        }
      if (json != NULL && (named_json || cJSON_IsObject (json)))
        {
          gboolean ok;

          g_clear_pointer (&chars, g_free);
          ok = load_json (source, json, &article, &title, &date, error);

          cJSON_Delete (json);
          if (!ok)
            return NULL;
          format = PV_DOCUMENT_FORMAT_JSON;
        }
      else if (json != NULL)
        cJSON_Delete (json);
    }

  if (format != PV_DOCUMENT_FORMAT_TEXT)
    {
      g_free (text);
      text = g_steal_pointer (&article);
      bytes = strlen (text);
    }

  return document_new (source, g_steal_pointer (&text), bytes, g_steal_pointer (&chars), n_chars,
                       encoding, format, g_steal_pointer (&title), g_steal_pointer (&date));
}

PvDocument *
pv_document_new_from_text (const char *source, const char *utf8, gssize length)
{
  char *text;

  if (utf8 == NULL)
    {
      utf8 = "";
      length = 0;
    }
  if (length < 0)
    length = (gssize)strlen (utf8);

  if (g_utf8_validate_len (utf8, (gsize)length, NULL))
    text = g_strndup (utf8, (gsize)length);
  else
    text = g_utf8_make_valid (utf8, length);

  return document_new (source, text, strlen (text), NULL, 0, ENCODING_UTF8, PV_DOCUMENT_FORMAT_TEXT,
                       NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Dates                                                                   */

char *
pv_parse_date (const char *value)
{
  char digits[11];
  gsize n = 0;
  const char *p;
  guint year, month, day;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  p = value;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  /* Ten characters, Persian and Arabic-Indic digits made ASCII. */
  for (; n < 10 && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c);

      if (digit >= 0)
        digits[n++] = (char)('0' + digit);
      else if (c == '-')
        digits[n++] = '-';
      else
        return NULL;
    }
  digits[n] = '\0';
  if (n != 10)
    return NULL;

  if (*p != '\0' && *p != 'T' && *p != 't' && !g_unichar_isspace (g_utf8_get_char (p)))
    return NULL;

  for (gsize i = 0; i < 10; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash != (digits[i] == '-'))
        return NULL;
    }

  year = (guint)g_ascii_strtoull (digits, NULL, 10);
  month = (guint)g_ascii_strtoull (digits + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (digits + 8, NULL, 10);
  if (year < 1 || year > G_MAXUINT16 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

PvDocument *
pv_document_copy (const PvDocument *document)
{
  PvDocument *copy;

  g_return_val_if_fail (document != NULL, NULL);

  copy = g_new0 (PvDocument, 1);
  copy->source = g_strdup (document->source);
  copy->title = g_strdup (document->title);
  copy->date = g_strdup (document->date);
  copy->encoding = document->encoding;
  copy->format = document->format;
  copy->text = g_memdup2 (document->text, document->text_bytes + 1);
  copy->text_bytes = document->text_bytes;
  copy->chars = g_memdup2 (document->chars, (document->length + 1) * sizeof (gunichar));
  copy->length = document->length;
  return copy;
}

void
pv_document_free (PvDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->source);
  g_free (document->title);
  g_free (document->date);
  g_free (document->text);
  g_free (document->chars);
  g_free (document);
}
