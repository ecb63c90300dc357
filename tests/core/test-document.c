/* test-document.c: tests for loading and decoding articles
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "peyvand-test-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pv-document.h"

/* "Hello world\nWe want" in Persian; the ZWNJ (U+200C) of «می‌خواهیم» is at
 * code point 12. */
#define PERSIAN_TEXT "سلام دنیا\nمی\u200cخواهیم"
#define PERSIAN_LENGTH 19
#define PERSIAN_ZWNJ_INDEX 12

/* A folder for the files the tests write, removed at the end. */
static char *test_dir;

static char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

/* Writes `length` bytes to a new file `name` in the test folder. */
static char *
write_file (const char *name, const void *data, gsize length)
{
  g_autoptr (GError) error = NULL;
  char *path = test_path (name);

  g_file_set_contents (path, data, (gssize)length, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* `text` converted to `charset`, preceded by `prefix` bytes. */
static GByteArray *
encode (const char *text, const char *charset, const guint8 *prefix, gsize prefix_length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *converted = NULL;
  gsize written = 0;
  GByteArray *bytes = g_byte_array_new ();

  converted = g_convert (text, -1, charset, "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, prefix, (guint)prefix_length);
  g_byte_array_append (bytes, (const guint8 *)converted, (guint)written);
  return bytes;
}

static PvDocument *
load_string (const char *source, const char *text, const char *name_hint, GError **error)
{
  return pv_document_load_bytes (source, (const guint8 *)text, strlen (text), name_hint, error);
}

static void
assert_error_names (const GError *error, const char *name)
{
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);

  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("error message \"%s\" does not start with \"%s\"", error->message, prefix);
}

/* ---------------------------------------------------------------------- */

static void
test_utf8_plain (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("news.txt", PERSIAN_TEXT, "news.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (document->source, ==, "news.txt");
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_TEXT);
  g_assert_cmpstr (document->text, ==, PERSIAN_TEXT);
  g_assert_cmpuint (document->text_bytes, ==, strlen (PERSIAN_TEXT));
  g_assert_cmpuint (document->length, ==, PERSIAN_LENGTH);
  g_assert_cmpuint (document->chars[0], ==, 0x0633); /* س */
  g_assert_cmpuint (document->chars[9], ==, '\n');
  g_assert_cmpuint (document->chars[PERSIAN_ZWNJ_INDEX], ==, 0x200C);
  g_assert_cmpuint (document->chars[PERSIAN_LENGTH - 1], ==, 0x0645); /* م */
  g_assert_null (document->title);
  g_assert_null (document->date);
}

static void
test_utf8_bom (void)
{
  static const guint8 bom[] = { 0xEF, 0xBB, 0xBF };
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (GByteArray) bytes = encode (PERSIAN_TEXT, "UTF-8", bom, sizeof bom);
  g_autofree char *path = write_file ("bom.txt", bytes->data, bytes->len);

  document = pv_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->source, ==, path);
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  g_assert_cmpstr (document->text, ==, PERSIAN_TEXT);
  g_assert_cmpuint (document->text_bytes, ==, strlen (PERSIAN_TEXT));
  g_assert_cmpuint (document->length, ==, PERSIAN_LENGTH);
  g_assert_cmpuint (document->chars[0], ==, 0x0633);
  g_assert_cmpuint (document->chars[PERSIAN_ZWNJ_INDEX], ==, 0x200C);
  g_unlink (path);
}

static void
test_crlf_kept (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("crlf.txt", "یک\r\nدو\r\n", "crlf.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->text, ==, "یک\r\nدو\r\n");
  g_assert_cmpuint (document->length, ==, 8);
  g_assert_cmpuint (document->chars[2], ==, '\r');
  g_assert_cmpuint (document->chars[3], ==, '\n');
  g_assert_cmpuint (document->chars[4], ==, 0x062F); /* د */
}

static void
check_utf16 (const char *charset, const guint8 *bom, const char *encoding)
{
  /* A character outside the BMP needs a surrogate pair in UTF-16 and counts
   * as one code point. */
  const char *text = PERSIAN_TEXT " \U0001F600.";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (GByteArray) bytes = encode (text, charset, bom, 2);
  g_autofree char *path = write_file ("utf16.txt", bytes->data, bytes->len);

  document = pv_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->encoding, ==, encoding);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_TEXT);
  g_assert_cmpstr (document->text, ==, text);
  g_assert_cmpuint (document->length, ==, PERSIAN_LENGTH + 3);
  g_assert_cmpuint (document->chars[PERSIAN_ZWNJ_INDEX], ==, 0x200C);
  g_assert_cmpuint (document->chars[PERSIAN_LENGTH + 1], ==, 0x1F600);
  g_assert_cmpuint (document->chars[PERSIAN_LENGTH + 2], ==, '.');
  g_unlink (path);
}

static void
test_utf16le (void)
{
  static const guint8 bom[] = { 0xFF, 0xFE };

  check_utf16 ("UTF-16LE", bom, "UTF-16LE");
}

static void
test_utf16be (void)
{
  static const guint8 bom[] = { 0xFE, 0xFF };

  check_utf16 ("UTF-16BE", bom, "UTF-16BE");
}

static void
test_utf16_truncated (void)
{
  static const guint8 bom[] = { 0xFF, 0xFE };
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (GByteArray) bytes = encode (PERSIAN_TEXT, "UTF-16LE", bom, sizeof bom);
  g_autofree char *path = NULL;

  g_byte_array_set_size (bytes, bytes->len - 1);
  path = write_file ("truncated.txt", bytes->data, bytes->len);
  document = pv_document_load_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  assert_error_names (error, path);
  g_assert_nonnull (strstr (error->message, "odd number of bytes"));
  g_unlink (path);
}

static void
test_utf16_unpaired_surrogate (void)
{
  /* BOM, "a", a lone high surrogate, "b" (big-endian). */
  static const guint8 data[] = { 0xFE, 0xFF, 0x00, 'a', 0xD8, 0x3D, 0x00, 'b' };
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = pv_document_load_bytes ("lone.txt", data, sizeof data, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  assert_error_names (error, "lone.txt");
  g_assert_nonnull (strstr (error->message, "surrogate at byte 4"));
}

static void
test_utf32_refused (void)
{
  static const guint8 data[] = { 0xFF, 0xFE, 0, 0, 'a', 0, 0, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = pv_document_load_bytes ("wide.txt", data, sizeof data, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  assert_error_names (error, "wide.txt");
  g_assert_nonnull (strstr (error->message, "UTF-32"));
}

/* Windows-1256 has no Persian yeh (U+06CC): legacy Persian text used the
 * Arabic yeh (U+064A), so the original text below is written with it. */
#define W1256_TEXT                                                                                 \
  "سلام دنيا، اين يک متن فارسي است.\r\n"                                  \
  "گزارش‌ها مي‌گويند که «پژوهش» چند روز طول کشيد؟"

static void
test_windows_1256 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (GByteArray) bytes = encode (W1256_TEXT, "WINDOWS-1256", NULL, 0);
  g_autofree char *path = NULL;

  g_assert_false (g_utf8_validate ((const char *)bytes->data, bytes->len, NULL));
  g_assert_cmpuint (bytes->len, ==, g_utf8_strlen (W1256_TEXT, -1));
  path = write_file ("legacy.txt", bytes->data, bytes->len);

  document = pv_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->encoding, ==, "windows-1256");
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_TEXT);
  g_assert_cmpstr (document->text, ==, W1256_TEXT);
  g_assert_cmpuint (document->length, ==, g_utf8_strlen (W1256_TEXT, -1));
  g_assert_cmpuint (document->chars[0], ==, 0x0633);
  g_assert_cmpuint (document->chars[39], ==, 0x200C); /* گزارش‌ها */
  g_unlink (path);
}

static void
test_latin1_unknown (void)
{
  const char *text = "Die Größe der Straße überrascht. Un café très élégant à Genève, naïve!";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (GByteArray) bytes = encode (text, "ISO-8859-1", NULL, 0);

  document = pv_document_load_bytes ("latin.txt", bytes->data, bytes->len, "latin.txt", &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  assert_error_names (error, "latin.txt");
  g_assert_nonnull (strstr (error->message, "encoding is unknown"));
}

/* UTF-8 Persian text with bytes that are not UTF-8 in it: a stray byte, a
 * word in Windows-1256, a word in Latin-1, a character cut short at the end.
 * Refused, naming the file and where the first bad byte is. */
static void
test_utf8_invalid (void)
{
  static const struct
  {
    const char *name;
    const char *insert;
    gsize insert_length;
  } cases[] = {
    { "stray.txt", "\xFF", 1 },
    { "windows-1256.txt", "\xD3\xE1\xC7\xE3", 4 }, /* «سلام» in Windows-1256 */
    { "latin-1.txt", "caf\xE9", 4 },
    { "cut.txt", "\xD8", 1 }, /* the first byte of a two-byte character, at the end */
  };
  const char *line = "رئیس جمهور روسیه با رئیس جمهور ایران گفت و گو کرد.\n";

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PvDocument) document = NULL;
      g_autoptr (GString) bytes = g_string_new (NULL);
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;
      gsize offset;

      for (guint n = 0; n < 3; n++)
        g_string_append (bytes, line);
      if (i < 3)
        {
          offset = bytes->len;
          g_string_append_len (bytes, cases[i].insert, (gssize)cases[i].insert_length);
          g_string_append (bytes, line);
        }
      else
        {
          offset = bytes->len;
          g_string_append_len (bytes, cases[i].insert, (gssize)cases[i].insert_length);
        }
      if (i == 2)
        offset += 3; /* "caf" is ASCII */
      g_assert_false (g_utf8_validate_len (bytes->str, bytes->len, NULL));

      path = write_file (cases[i].name, bytes->str, bytes->len);
      document = pv_document_load_file (path, &error);
      g_assert_null (document);
      g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
      expected = g_strdup_printf ("%s: is not valid UTF-8: most of it is, but the byte at offset "
                                  "%" G_GSIZE_FORMAT " (line 4) is not; it mixes encodings or is "
                                  "damaged (save it as UTF-8)",
                                  path, offset);
      g_assert_cmpstr (error->message, ==, expected);
      g_unlink (path);
    }
}

static void
test_binary (void)
{
  static const guint8 data[] = { 0x7F, 'E',  'L',  'F',  0x02, 0x01, 0x01, 0x00, 0x00, 0x00,
                                 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00, 0x01, 0x00, 0x00, 0x00,
                                 0x40, 0x10, 0x00, 0x00, 0xEE, 0xFF, 0x90, 0x1B };
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autofree char *path = write_file ("program.bin", data, sizeof data);

  document = pv_document_load_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  assert_error_names (error, path);
  g_assert_nonnull (strstr (error->message, "looks like binary data, not text"));
  g_unlink (path);
}

static void
test_binary_controls (void)
{
  guint8 data[256];
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  /* No NUL byte, but control characters all over. */
  for (gsize i = 0; i < sizeof data; i++)
    data[i] = (guint8)(i % 31 + 1);

  document = pv_document_load_bytes ("-", data, sizeof data, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  assert_error_names (error, "standard input");
  g_assert_nonnull (strstr (error->message, "binary"));
}

static void
test_binary_utf16 (void)
{
  /* A UTF-16 BOM followed by NUL code units is not text. */
  static const guint8 data[] = { 0xFF, 0xFE, 'a', 0, 0, 0, 'b', 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = pv_document_load_bytes ("nul.txt", data, sizeof data, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  assert_error_names (error, "nul.txt");
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autofree char *path = test_path ("notes.txt");

  document = pv_document_load_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_READ);
  assert_error_names (error, path);
  g_assert_true (g_str_has_suffix (error->message, g_strerror (ENOENT)));
}

static void
test_directory (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autofree char *path = test_path ("folder.txt");

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  document = pv_document_load_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_READ);
  assert_error_names (error, path);
  g_assert_nonnull (strstr (error->message, "is a directory, not a file"));
  g_rmdir (path);
}

static void
test_fifo (void)
{
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PvDocument) document = NULL;

      /* The subprocess has a test folder of its own. */
      path = g_strdup (g_getenv ("PEYVAND_TEST_FIFO"));
      g_assert_nonnull (path);
      document = pv_document_load_file (path, &error);
      g_assert_null (document);
      g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_READ);
      assert_error_names (error, path);
      g_assert_nonnull (strstr (error->message, "not a regular file"));
      return;
    }

  path = test_path ("pipe.txt");
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_setenv ("PEYVAND_TEST_FIFO", path, TRUE);
  /* Nobody ever writes to the FIFO: opening it for reading would block, and
   * the timeout would fail the test. */
  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unlink (path);
  g_test_trap_assert_passed ();
}

static void
assert_unreadable (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = pv_document_load_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_READ);
  assert_error_names (error, path);
  g_assert_true (g_str_has_suffix (error->message, g_strerror (EACCES)));
}

/* A file without read permission.  Root reads any file, so as root the
 * check runs in a child process that has become the user nobody. */
static void
test_unreadable (void)
{
  g_autofree char *path = NULL;
  struct passwd *nobody;

  if (g_test_subprocess ())
    {
      nobody = getpwnam ("nobody");
      g_assert_nonnull (nobody);
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setresgid (nobody->pw_gid, nobody->pw_gid, nobody->pw_gid), ==, 0);
      g_assert_cmpint (setresuid (nobody->pw_uid, nobody->pw_uid, nobody->pw_uid), ==, 0);
      g_assert_cmpint (geteuid (), !=, 0);
      assert_unreadable (g_getenv ("PEYVAND_TEST_SECRET"));
      return;
    }

  path = write_file ("secret.txt", "متن", strlen ("متن"));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (geteuid () != 0)
    assert_unreadable (path);
  else if (getpwnam ("nobody") == NULL)
    g_test_skip ("skipped: running as root, and there is no user nobody to read as");
  else
    {
      /* nobody may pass through the folder, not read the file */
      g_assert_cmpint (g_chmod (test_dir, 0711), ==, 0);
      g_setenv ("PEYVAND_TEST_SECRET", path, TRUE);
      g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_chmod (test_dir, 0700);
      g_test_trap_assert_passed ();
    }
  g_unlink (path);
}

/* A sparse file of `size` bytes: no disk space, no time. */
static char *
write_sparse_file (const char *name, goffset size)
{
  g_autofree char *path = write_file (name, "", 0);
  int fd;

  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)size), ==, 0);
  g_close (fd, NULL);
  return g_steal_pointer (&path);
}

static void
test_too_large (void)
{
  static const struct
  {
    goffset size;
    const char *message;
  } cases[] = {
    { (goffset)PV_DOCUMENT_MAX_BYTES + 1,
      ": too large (64.1 MiB; Peyvand reads articles of up to 64 MiB)" },
    { (goffset)200 * 1024 * 1024,
      ": too large (200.0 MiB; Peyvand reads articles of up to 64 MiB)" },
  };

  g_assert_cmpuint (PV_DOCUMENT_MAX_BYTES, ==, 64 * 1024 * 1024);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PvDocument) document = NULL;
      g_autofree char *path = write_sparse_file ("huge.txt", cases[i].size);
      g_autofree char *expected = g_strconcat (path, cases[i].message, NULL);
      gint64 start = g_get_monotonic_time ();

      /* refused before it is read: at once */
      document = pv_document_load_file (path, &error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      g_assert_null (document);
      g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_READ);
      g_assert_cmpstr (error->message, ==, expected);
      g_unlink (path);
    }
}

/* The limit holds for bytes from elsewhere too (standard input, a file
 * that is not local); a file or bytes of exactly the limit are read (and
 * found to be binary: zeros, which is quick to tell). */
static void
test_too_large_bytes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autofree guint8 *data = g_malloc0 (PV_DOCUMENT_MAX_BYTES + 1);
  g_autofree char *path = write_sparse_file ("limit.txt", (goffset)PV_DOCUMENT_MAX_BYTES);

  document = pv_document_load_bytes ("-", data, PV_DOCUMENT_MAX_BYTES + 1, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_READ);
  g_assert_cmpstr (error->message, ==,
                   "standard input: too large (64.1 MiB; Peyvand reads articles of up to 64 MiB)");
  g_clear_error (&error);

  document = pv_document_load_bytes ("-", data, PV_DOCUMENT_MAX_BYTES, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  g_assert_cmpstr (error->message, ==, "standard input: looks like binary data, not text");
  g_clear_error (&error);

  document = pv_document_load_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
  g_unlink (path);
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autofree char *path = write_file ("empty.txt", "", 0);

  document = pv_document_load_file (path, &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_EMPTY);
  assert_error_names (error, path);
  g_assert_true (g_str_has_suffix (error->message, ": contains no text"));
  g_unlink (path);
}

static void
test_whitespace_only (void)
{
  static const char *const inputs[] = {
    " \t\r\n\n  \f", "\xEF\xBB\xBF \n", /* a BOM and white space */
    "\n\u200c \u00a0\n",                /* a ZWNJ and a no-break space */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PvDocument) document = NULL;

      document = load_string ("blank.txt", inputs[i], "blank.txt", &error);
      g_assert_null (document);
      g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_EMPTY);
      g_assert_cmpstr (error->message, ==, "blank.txt: contains no text");
    }
}

/* ---------------------------------------------------------------------- */
/* HTML */

static const char html_page[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"fa\" dir=\"rtl\">\n"
    "<head>\n"
    "  <meta charset=\"utf-8\">\n"
    "  <title>  گفت‌وگوی   تلفنی\n روحانی و پوتین </title>\n"
    "  <meta property=\"article:published_time\" content=\"2020-03-07T14:30:00+03:30\">\n"
    "  <style>body { color: red; } .x::before { content: 'STYLE'; }</style>\n"
    "  <script>var secret = 'SCRIPT';</script>\n"
    "</head>\n"
    "<body>\n"
    "  <header><a href=\"/\">HEADER خانه</a></header>\n"
    "  <nav><ul><li>NAV سیاست</li><li>NAV اقتصاد</li></ul></nav>\n"
    "  <article>\n"
    "    <h1>روحانی   و پوتین</h1>\n"
    "    <p>رئیس جمهور روسیه\n      با   روحانی گفت‌وگو کرد.</p>\n"
    "    <script>document.write('SCRIPT2');</script>\n"
    "    <p>ایران &amp; روسیه<br>همکاری&nbsp;می‌کنند.</p>\n"
    "    <div><p></p><p>   </p></div>\n"
    "    <blockquote>«نقل <b>قول</b>»</blockquote>\n"
    "    <aside>ASIDE مطالب مرتبط</aside>\n"
    "    <ul><li>یک</li><li>دو</li></ul>\n"
    "  </article>\n"
    "  <footer>FOOTER کپی‌رایت</footer>\n"
    "  <form><button>BUTTON</button></form>\n"
    "</body>\n"
    "</html>\n";

static const char html_page_text[] =
    "روحانی و پوتین\n"
    "رئیس جمهور روسیه با روحانی گفت‌وگو کرد.\n"
    "ایران & روسیه\n"
    "همکاری می‌کنند.\n"
    "«نقل قول»\n"
    "یک\n"
    "دو";

static void
test_html_article (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autofree char *path = write_file ("page.html", html_page, strlen (html_page));

  document = pv_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  g_assert_cmpstr (document->title, ==, "گفت‌وگوی تلفنی روحانی و پوتین");
  g_assert_cmpstr (document->date, ==, "2020-03-07");
  g_assert_cmpstr (document->text, ==, html_page_text);
  g_assert_null (strstr (document->text, "SCRIPT"));
  g_assert_null (strstr (document->text, "STYLE"));
  g_assert_null (strstr (document->text, "NAV"));
  g_assert_null (strstr (document->text, "ASIDE"));
  g_assert_cmpuint (document->text_bytes, ==, strlen (html_page_text));
  g_assert_cmpuint (document->length, ==, g_utf8_strlen (html_page_text, -1));
  g_assert_cmpuint (document->chars[document->length - 1], ==, 0x0648); /* و of دو */
  g_unlink (path);
}

static void
test_html_og_title_and_main (void)
{
  const char *page = "<html><head>"
                     "<meta property=\"og:title\" content=\" عنوان   اصلی \">"
                     "<title>عنوان صفحه | سایت</title>"
                     "<meta name=\"date\" content=\"not a date\">"
                     "</head><body>"
                     "<div>بیرون از main</div>"
                     "<main><h1>تیتر</h1><p>متن اصلی.</p><footer>پانویس</footer></main>"
                     "<time datetime=\"2019-11-05\">۱۴ آبان</time>"
                     "</body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("-", page, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (document->source, ==, "-");
  g_assert_cmpstr (document->title, ==, "عنوان اصلی");
  g_assert_cmpstr (document->date, ==, "2019-11-05");
  g_assert_cmpstr (document->text, ==, "تیتر\nمتن اصلی.");
}

static void
test_html_body_and_h1_title (void)
{
  const char *page = "\n  <!doctype HTML>"
                     "<body><h1>تیتر   اول</h1>\n"
                     "<div>پاراگراف <i>یک</i>\n<div>پاراگراف دو</div> ادامه</div>"
                     "<table><tr><td>الف</td><td>ب</td></tr></table>"
                     "</body>";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  /* No extension: recognized by its content. */
  document = load_string ("page", page, "page", &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (document->title, ==, "تیتر اول");
  g_assert_null (document->date);
  g_assert_cmpstr (document->text, ==, "تیتر اول\nپاراگراف یک\nپاراگراف دو\nادامه\nالف\nب");
}

static void
test_html_longest_article (void)
{
  const char *page = "<html><body>"
                     "<article><p>کوتاه</p></article>"
                     "<article itemprop=\"articleBody\"><p>این متن اصلی و بلندتر است.</p>"
                     "<span itemprop=\"datePublished\" content=\"2018-05-08\"></span></article>"
                     "</body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("news.htm", page, "news.htm", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->text, ==, "این متن اصلی و بلندتر است.");
  g_assert_cmpstr (document->date, ==, "2018-05-08");
  g_assert_null (document->title);
}

static void
test_html_extension_plain_content (void)
{
  /* A .html file without any markup is still read as HTML. */
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("bare.html", "سلام &amp; خداحافظ\n\n", "bare.html", &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (document->text, ==, "سلام & خداحافظ");
}

static void
test_html_pre (void)
{
  const char *page = "<html><body><pre>خط  یک\nخط دو\n\n</pre></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("pre.html", page, "pre.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->text, ==, "خط یک\nخط دو");
}

static void
test_html_windows_1256 (void)
{
  const char *page =
      "<html><head>"
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"
      "<title>خبر</title></head>"
      "<body><p>" W1256_TEXT "</p><p>© 2005</p></body></html>";
  const char *expected =
      "سلام دنيا، اين يک متن فارسي است. "
      "گزارش‌ها مي‌گويند که «پژوهش» چند روز طول کشيد؟\n"
      "© 2005";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (GByteArray) bytes = encode (page, "WINDOWS-1256", NULL, 0);
  g_autofree char *path = write_file ("legacy.html", bytes->data, bytes->len);

  document = pv_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->encoding, ==, "windows-1256");
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (document->title, ==, "خبر");
  g_assert_cmpstr (document->text, ==, expected);
  g_unlink (path);
}

static void
test_html_windows_1256_undeclared (void)
{
  /* No charset declared: recognized as Windows-1256 all the same, markup
   * and all. */
  const char *page = "<!DOCTYPE html><html><head><title>خبر</title></head>"
                     "<body><div class=\"x\" id=\"y\"><p>" W1256_TEXT "</p></div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (GByteArray) bytes = encode (page, "WINDOWS-1256", NULL, 0);

  document = pv_document_load_bytes ("old.htm", bytes->data, bytes->len, "old.htm", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->encoding, ==, "windows-1256");
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (document->title, ==, "خبر");
  g_assert_true (g_str_has_prefix (document->text, "سلام دنيا، اين يک متن فارسي است. گزارش"));
}

static void
test_html_utf8_declared_1256 (void)
{
  /* The bytes are UTF-8 although the page declares Windows-1256: they must
   * not be decoded twice. */
  const char *page = "<html><head><meta charset=\"windows-1256\"></head>"
                     "<body><p>پیوند</p></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("utf8.html", page, "utf8.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  g_assert_cmpstr (document->text, ==, "پیوند");
}

static void
test_html_no_text (void)
{
  const char *page = "<!DOCTYPE html><html><head><title>فقط عنوان</title></head><body>"
                     "<nav>منو</nav><script>alert(1)</script><article> </article>"
                     "</body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("nothing.html", page, "nothing.html", &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "nothing.html: HTML page holds no article text");
  g_clear_error (&error);

  /* a page that is only scripts */
  document = load_string ("script.html",
                          "<!DOCTYPE html><html><head><script>var a = 'ایران';</script></head>"
                          "<body><script>document.write('روسیه')</script></body></html>",
                          "script.html", &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "script.html: HTML page holds no article text");
}

static PvDocument *
load_nested_html (guint depth, GError **error)
{
  g_autoptr (GString) page = g_string_new ("<html><body><p>آغاز</p>");

  for (guint i = 0; i < depth; i++)
    g_string_append (page, "<div><span>");
  g_string_append (page, "ژرف");
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "</span></div>");
  g_string_append (page, "<p>پایان</p></body></html>");

  return pv_document_load_bytes ("deep.html", (const guint8 *)page->str, page->len, "deep.html",
                                 error);
}

static void
test_html_deep (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) nested = NULL;
  g_autoptr (PvDocument) absurd = NULL;

  /* Deeper than libxml2's default limit of 256 levels, which would cut the
   * page short: all of it is read. */
  nested = load_nested_html (300, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nested->format, ==, PV_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (nested->text, ==, "آغاز\nژرف\nپایان");

  /* 100000 levels: what lies deeper than the walk goes is left out, the rest
   * is read, and nothing overflows. */
  absurd = load_nested_html (100000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (absurd->text, ==, "آغاز\nپایان");
}

/* ---------------------------------------------------------------------- */
/* JSON */

static void
test_json_article (void)
{
  const char *json = "{\"title\": \"  تماس تلفنی \", \"date\": \"2020-02-29T10:15:00+03:30\",\n"
                     " \"source\": \"ignored\",\n"
                     " \"text\": \"بند یک.\\r\\nبند دو با \\u200c و &amp;.\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autofree char *path = write_file ("article.json", json, strlen (json));

  document = pv_document_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_JSON);
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  g_assert_cmpstr (document->title, ==, "تماس تلفنی");
  g_assert_cmpstr (document->date, ==, "2020-02-29");
  g_assert_cmpstr (document->text, ==, "بند یک.\r\nبند دو با \u200c و &amp;.");
  g_assert_cmpuint (document->length, ==, g_utf8_strlen (document->text, -1));
  g_assert_cmpuint (document->chars[7], ==, '\r');
  g_unlink (path);
}

static void
test_json_sniffed (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("-", "  {\"text\": \"متن\", \"title\": 5, \"date\": \"2020-13-01\"}\n",
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_JSON);
  g_assert_cmpstr (document->text, ==, "متن");
  g_assert_cmpuint (document->length, ==, 3);
  g_assert_null (document->title);
  g_assert_null (document->date);
}

static void
test_json_no_text (void)
{
  static const char *const inputs[] = {
    "{\"title\": \"عنوان\"}",
    "{\"title\": \"عنوان\", \"text\": 42}",
    "[\"text\"]",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PvDocument) document = NULL;

      document = load_string ("a.json", inputs[i], "a.json", &error);
      g_assert_null (document);
      g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
      assert_error_names (error, "a.json");
      if (i < 2)
        g_assert_cmpstr (error->message, ==, "a.json: JSON has no \"text\" string");
    }
}

static void
test_json_invalid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("broken.json", "{\"text\": \"متن\",, }", "broken.json", &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: not valid JSON"));
  g_assert_nonnull (strstr (error->message, "error near byte 19"));
}

/* The command line reads articles: a project file (*.peyvand) is named
 * for what it is, and cut short it is not taken for text. */
static void
test_json_project (void)
{
  static const char project[] =
      "{\"schema\":\"peyvand/project/1\",\"article\":{\"path\":\"a.txt\",\"text\":\"متن\"}}";
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) truncated_error = NULL;
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (PvDocument) truncated = NULL;

  document = load_string ("a.peyvand", project, "a.peyvand", &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==,
                   "a.peyvand: a Peyvand project, not an article (open it in the application)");

  truncated = load_string ("b.peyvand", "{\"schema\":\"peyvand/project/1\",\"article\":{\"pa",
                           "b.peyvand", &truncated_error);
  g_assert_null (truncated);
  g_assert_error (truncated_error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (truncated_error->message, "b.peyvand: not valid JSON"));
}

static void
test_json_trailing_garbage (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("two.json", "{\"text\": \"یک\"} {\"text\": \"دو\"}", "two.json", &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
  assert_error_names (error, "two.json");
}

static void
test_json_brace_text (void)
{
  /* Starts with '{' but is not JSON, and is not named .json: plain text. */
  const char *text = "{توضیح} این یک یادداشت است.";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document = load_string ("note.txt", text, "note.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_TEXT);
  g_assert_cmpstr (document->text, ==, text);
}

static void
test_json_deep (void)
{
  static const char *const prefixes[] = { "", "{\"title\": \"ژرف\", \"text\": " };

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autoptr (GString) json = g_string_new (prefixes[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (PvDocument) document = NULL;

      for (guint n = 0; n < 100000; n++)
        g_string_append_c (json, '[');
      for (guint n = 0; n < 100000; n++)
        g_string_append_c (json, ']');
      if (i > 0)
        g_string_append_c (json, '}');

      document = pv_document_load_bytes ("deep.json", (const guint8 *)json->str, json->len,
                                         "deep.json", &error);
      g_assert_null (document);
      g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_FORMAT);
      g_assert_cmpstr (error->message, ==,
                       "deep.json: not valid JSON: nested more than 1000 levels deep");
    }
}

static void
test_json_empty_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = NULL;

  document =
      load_string ("e.json", "{\"title\": \"عنوان\", \"text\": \"  \\n \"}", "e.json", &error);
  g_assert_null (document);
  g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_EMPTY);
  assert_error_names (error, "e.json");
}

/* ---------------------------------------------------------------------- */

static void
test_parse_date (void)
{
  static const struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "2020-02-29", "2020-02-29" },
    { "2019-02-29", NULL }, /* not a leap year */
    { "2020-13-01", NULL },
    { "2020-00-10", NULL },
    { "2020-04-31", NULL },
    { "2020-04-00", NULL },
    { "2020-02-29T23:59:59+03:30", "2020-02-29" },
    { "2020-02-29 08:00", "2020-02-29" },
    { "2020-02-29\n", "2020-02-29" },
    { "  2021-01-05T00:00:00Z", "2021-01-05" },
    { "۲۰۲۰-۰۲-۲۹", "2020-02-29" },
    { "٢٠٢١-١٢-٠١", "2021-12-01" },
    { "2020-2-29", NULL },
    { "20200229", NULL },
    { "2020/02/29", NULL },
    { "2020-02-29x", NULL },
    { "2020-02-2", NULL },
    { "", NULL },
    { "yesterday", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = pv_parse_date (cases[i].input);

      g_test_message ("pv_parse_date (\"%s\")", cases[i].input);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }
  g_assert_null (pv_parse_date (NULL));
}

static void
test_new_from_text (void)
{
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (PvDocument) partial = NULL;
  g_autoptr (PvDocument) invalid = NULL;

  document = pv_document_new_from_text ("editor", PERSIAN_TEXT, -1);
  g_assert_cmpstr (document->source, ==, "editor");
  g_assert_cmpstr (document->text, ==, PERSIAN_TEXT);
  g_assert_cmpstr (document->encoding, ==, "UTF-8");
  g_assert_cmpint (document->format, ==, PV_DOCUMENT_FORMAT_TEXT);
  g_assert_cmpuint (document->length, ==, PERSIAN_LENGTH);
  g_assert_cmpuint (document->chars[PERSIAN_ZWNJ_INDEX], ==, 0x200C);
  g_assert_null (document->title);

  /* The first word only: "سلام" is 8 bytes. */
  partial = pv_document_new_from_text ("editor", PERSIAN_TEXT, 8);
  g_assert_cmpstr (partial->text, ==, "سلام");
  g_assert_cmpuint (partial->length, ==, 4);

  invalid = pv_document_new_from_text ("bad",
                                       "a\xFF"
                                       "b",
                                       -1);
  g_assert_cmpstr (invalid->text, ==, "a\uFFFDb");
  g_assert_cmpuint (invalid->length, ==, 3);
  g_assert_cmpuint (invalid->chars[1], ==, 0xFFFD);
}

static void
test_free_null (void)
{
  pv_document_free (NULL);
  g_assert_cmpuint (pv_document_error_quark (), ==, PV_DOCUMENT_ERROR);
  g_assert_cmpstr (g_quark_to_string (PV_DOCUMENT_ERROR), ==, "pv-document-error-quark");
}

static void
test_copy (void)
{
  g_autoptr (PvDocument) document = pv_document_new_from_text ("a.txt", "سلام\u200cدنیا", -1);
  g_autoptr (PvDocument) copy = NULL;

  document->title = g_strdup ("عنوان");
  document->date = g_strdup ("2020-02-29");
  copy = pv_document_copy (document);
  g_assert_true (copy->text != document->text);
  g_assert_cmpstr (copy->text, ==, document->text);
  g_assert_cmpstr (copy->title, ==, "عنوان");
  g_assert_cmpstr (copy->date, ==, "2020-02-29");
  g_assert_cmpstr (copy->source, ==, "a.txt");
  g_assert_cmpuint (copy->length, ==, document->length);
  g_assert_cmpmem (copy->chars, copy->length * sizeof (gunichar), document->chars,
                   document->length * sizeof (gunichar));
}

/* The decoder validates UTF-8 and counts its characters in one pass; what
 * it accepts, and where it says a text goes wrong, must be what
 * g_utf8_validate_len() says, with and without a byte order mark.  Random
 * damage to a Persian text, with 2-, 3- and 4-byte characters. */
static void
test_utf8_validation_matches_glib (void)
{
  static const char text[] = "رئیس جمهور ایران گفت: همکاری ادامه دارد. Test 123 — €50 …\n"
                             "وزارت بهداشت روسیه 😀 با قدردانی از اعلام همکاری دولت.\n"
                             "ج.ا.ا و آمریکا؛ «برجام» ۱۴۰۲\n";
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261129);
  guint8 data[3 + sizeof text];
  guint invalid = 0;

  for (guint n = 0; n < 20000; n++)
    {
      gboolean bom = g_rand_int_range (rand, 0, 4) == 0;
      gsize offset = bom ? 3 : 0;
      gsize length = offset + sizeof text - 1;
      g_autoptr (PvDocument) document = NULL;
      g_autoptr (GError) error = NULL;
      const char *bad = NULL;
      gboolean valid;

      memcpy (data, "\xEF\xBB\xBF", 3);
      memcpy (data + offset, text, sizeof text - 1);
      for (gint damage = g_rand_int_range (rand, 0, 4); damage > 0; damage--)
        {
          gsize at = offset + (gsize)g_rand_int_range (rand, 0, (gint32)(sizeof text - 1));

          /* bytes of multi-byte sequences, or letters: never markup */
          data[at] = g_rand_boolean (rand) ? (guint8)g_rand_int_range (rand, 0x80, 0x100)
                                           : (guint8)g_rand_int_range (rand, 'a', 'z' + 1);
        }
      if (g_rand_boolean (rand))
        {
          /* the edges of the rules: overlong forms, surrogates, beyond
           * U+10FFFF, lone continuation bytes */
          static const guint8 edges[] = { 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE,
                                          0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF, 0x80, 0x8F,
                                          0x90, 0x9F, 0xA0, 0xBF, 0xB0, 0x81 };
          gsize at = offset + (gsize)g_rand_int_range (rand, 0, (gint32)(sizeof text - 5));

          for (gint k = g_rand_int_range (rand, 2, 5); k > 0; k--)
            data[at++] = edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))];
        }
      if (g_rand_int_range (rand, 0, 8) == 0)
        length = offset + (gsize)g_rand_int_range (rand, 1, (gint32)(sizeof text - 1));

      valid = g_utf8_validate_len ((const char *)data + offset, length - offset, &bad);
      document = pv_document_load_bytes ("damaged.txt", data, length, "damaged.txt", &error);
      if (valid)
        {
          g_assert_no_error (error);
          g_assert_nonnull (document);
          g_assert_cmpstr (document->encoding, ==, "UTF-8");
          g_assert_cmpmem (document->text, strlen (document->text), data + offset, length - offset);
        }
      else
        {
          g_autofree char *where =
              g_strdup_printf ("offset %" G_GSIZE_FORMAT, (gsize)(bad - (const char *)data));

          invalid++;
          if (document == NULL)
            {
              const char *found = strstr (error->message, where);

              /* the whole number: "offset 12" is not "offset 123" */
              g_assert_nonnull (found);
              g_assert_false (g_ascii_isdigit (found[strlen (where)]));
            }
          else /* read as Windows-1256 instead */
            g_assert_true (!bom && g_strcmp0 (document->encoding, "UTF-8") != 0);
        }
    }
  g_assert_cmpuint (invalid, >, 5000);
}

/* The code points of a UTF-8 text are decoded while it is validated: they
 * must be what GLib decodes, for every length of the text (so that every
 * kind of character also comes last, where fewer bytes are left), with and
 * without a byte order mark.  (Control characters: test_binary_control_characters.) */
static void
test_utf8_code_points (void)
{
  static const char text[] = "ab\u00e9\u00ff\u0633\u06cc\u07ff \u0800\u200c\uffff"
                             "\U00010000\U0001F600\U0010FFFF\t\r\n!\u0627\u0628";
  guint8 data[3 + sizeof text];

  memcpy (data, "\xEF\xBB\xBF", 3);
  memcpy (data + 3, text, sizeof text);
  for (const char *end = text + 1; end <= text + sizeof text - 1; end = g_utf8_next_char (end))
    for (gsize offset = 0; offset <= 3; offset += 3)
      {
        gsize bytes = (gsize)(end - text);
        g_autoptr (PvDocument) document = NULL;
        g_autoptr (GError) error = NULL;
        g_autofree gunichar *expected = NULL;
        glong length = 0;

        /* a copy just as long, so that a sanitizer sees any read past it */
        g_autofree guint8 *copy =
            g_memdup2 (offset > 0 ? data : (const guint8 *)text, offset + bytes);

        document =
            pv_document_load_bytes ("points.txt", copy, offset + bytes, "points.txt", &error);
        g_assert_no_error (error);
        expected = g_utf8_to_ucs4_fast (text, (glong)bytes, &length);
        g_assert_cmpuint (document->text_bytes, ==, bytes);
        g_assert_cmpuint (document->length, ==, (gsize)length);
        g_assert_cmpmem (document->chars, (document->length + 1) * sizeof (gunichar), expected,
                         ((gsize)length + 1) * sizeof (gunichar));
      }
}

/* Control characters, C0 (but \t \n \f \r), DEL and C1, are counted one
 * by one, with or without a byte order mark: more than one character in ten
 * makes UTF-8 text binary data, one in ten does not.  A single NUL does. */
static void
test_binary_control_characters (void)
{
  for (gunichar c = 0; c <= 0xA0; c++)
    for (guint k = 0; k < 4; k++)
      {
        gboolean bom = k & 1;
        gboolean one_in_ten = k & 2;
        gboolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') ||
                           (c >= 0x7F && c <= 0x9F);
        char middle[8];
        g_autoptr (GString) input = g_string_new (bom ? "\xEF\xBB\xBF" : "");
        g_autoptr (PvDocument) document = NULL;
        g_autoptr (GError) error = NULL;

        /* in the middle: the last bytes are read with more care */
        g_string_append (input, "\u0633\u0644\u0627\u0645");
        if (one_in_ten)
          g_string_append (input, "\u0633");
        g_string_append_len (input, middle, g_unichar_to_utf8 (c, middle));
        g_string_append (input, "\u0633\u0644\u0627\u0645");
        g_test_message ("U+%04X, BOM %d, one in ten %d", c, bom, one_in_ten);
        document = pv_document_load_bytes ("controls.txt", (const guint8 *)input->str, input->len,
                                           "controls.txt", &error);
        if (c == 0 || (control && !one_in_ten))
          {
            g_assert_error (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_DECODE);
            g_assert_nonnull (strstr (error->message, "binary"));
          }
        else
          {
            g_autofree gunichar *expected = NULL;
            glong length = 0;

            g_assert_no_error (error);
            g_assert_cmpstr (document->encoding, ==, "UTF-8");
            expected = g_utf8_to_ucs4_fast (input->str + (bom ? 3 : 0), -1, &length);
            g_assert_cmpmem (document->chars, (document->length + 1) * sizeof (gunichar), expected,
                             ((gsize)length + 1) * sizeof (gunichar));
          }
      }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  /* A subprocess (see test_fifo) may exit without returning here, so it
   * gets no folder to leave behind. */
  if (!g_test_subprocess ())
    {
      test_dir = g_dir_make_tmp ("peyvand-test-document-XXXXXX", &error);
      g_assert_no_error (error);
    }

  g_test_add_func ("/document/utf8/plain", test_utf8_plain);
  g_test_add_func ("/document/utf8/bom", test_utf8_bom);
  g_test_add_func ("/document/utf8/crlf-kept", test_crlf_kept);
  g_test_add_func ("/document/utf16/le", test_utf16le);
  g_test_add_func ("/document/utf16/be", test_utf16be);
  g_test_add_func ("/document/utf16/truncated", test_utf16_truncated);
  g_test_add_func ("/document/utf16/unpaired-surrogate", test_utf16_unpaired_surrogate);
  g_test_add_func ("/document/utf32-refused", test_utf32_refused);
  g_test_add_func ("/document/windows-1256", test_windows_1256);
  g_test_add_func ("/document/unknown-encoding", test_latin1_unknown);
  g_test_add_func ("/document/utf8/invalid", test_utf8_invalid);
  g_test_add_func ("/document/binary/nul", test_binary);
  g_test_add_func ("/document/binary/controls", test_binary_controls);
  g_test_add_func ("/document/binary/utf16", test_binary_utf16);
  g_test_add_func ("/document/read/missing", test_missing_file);
  g_test_add_func ("/document/read/directory", test_directory);
  g_test_add_func ("/document/read/fifo", test_fifo);
  g_test_add_func ("/document/read/unreadable", test_unreadable);
  g_test_add_func ("/document/read/too-large", test_too_large);
  g_test_add_func ("/document/read/too-large-bytes", test_too_large_bytes);
  g_test_add_func ("/document/empty/file", test_empty);
  g_test_add_func ("/document/empty/whitespace", test_whitespace_only);
  g_test_add_func ("/document/html/article", test_html_article);
  g_test_add_func ("/document/html/og-title-main", test_html_og_title_and_main);
  g_test_add_func ("/document/html/body-h1-title", test_html_body_and_h1_title);
  g_test_add_func ("/document/html/longest-article", test_html_longest_article);
  g_test_add_func ("/document/html/extension", test_html_extension_plain_content);
  g_test_add_func ("/document/html/pre", test_html_pre);
  g_test_add_func ("/document/html/windows-1256", test_html_windows_1256);
  g_test_add_func ("/document/html/windows-1256-undeclared", test_html_windows_1256_undeclared);
  g_test_add_func ("/document/html/utf8-declared-1256", test_html_utf8_declared_1256);
  g_test_add_func ("/document/html/no-text", test_html_no_text);
  g_test_add_func ("/document/html/deep", test_html_deep);
  g_test_add_func ("/document/json/article", test_json_article);
  g_test_add_func ("/document/json/sniffed", test_json_sniffed);
  g_test_add_func ("/document/json/no-text", test_json_no_text);
  g_test_add_func ("/document/json/invalid", test_json_invalid);
  g_test_add_func ("/document/json/project", test_json_project);
  g_test_add_func ("/document/json/trailing-garbage", test_json_trailing_garbage);
  g_test_add_func ("/document/json/brace-text", test_json_brace_text);
  g_test_add_func ("/document/json/deep", test_json_deep);
  g_test_add_func ("/document/json/empty-text", test_json_empty_text);
  g_test_add_func ("/document/parse-date", test_parse_date);
  g_test_add_func ("/document/new-from-text", test_new_from_text);
  g_test_add_func ("/document/free-null", test_free_null);
  g_test_add_func ("/document/copy", test_copy);
  g_test_add_func ("/document/utf8-validation", test_utf8_validation_matches_glib);
  g_test_add_func ("/document/utf8-code-points", test_utf8_code_points);
  g_test_add_func ("/document/binary/control-characters", test_binary_control_characters);

  result = g_test_run ();

  if (test_dir != NULL)
    remove_tree (test_dir);
  g_free (test_dir);
  return result;
}
