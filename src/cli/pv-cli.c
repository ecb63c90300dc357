/* pv-cli.c: peyvand-cli, the analysis without a display
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "pv-analysis-json.h"
#include "pv-analysis.h"
#include "pv-document.h"
#include "pv-knowledge.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

/* The same ceiling as files read from disk. */
#define MAX_STDIN_BYTES (256u * 1024 * 1024)

static const char usage_text[] =
    "Usage:\n"
    "  peyvand-cli analyze [--date YYYY-MM-DD] [-o OUT.json] FILE|-\n"
    "  peyvand-cli --help | --version\n"
    "\n"
    "Commands:\n"
    "  analyze   Analyze an article (text, HTML or a JSON article; - reads standard\n"
    "            input) and write the entities and their relations as JSON\n"
    "            (schema peyvand/analysis/1) to standard output or OUT.\n"
    "\n"
    "Exit status: 0 success, 1 the input could not be read, decoded or parsed\n"
    "(the message names the file and the reason), 2 a usage error.\n";

static int usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("peyvand-cli: %s\nTry 'peyvand-cli --help'.\n", message);
  return EXIT_USAGE;
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[65536];
  ssize_t n;

  while ((n = read (STDIN_FILENO, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "standard input: %s",
                       g_strerror (errno));
          return NULL;
        }
      if (bytes->len + (gsize)n > MAX_STDIN_BYTES)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       "standard input: more than %u MiB, too large to analyze",
                       MAX_STDIN_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static PvDocument *
load_input (const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length = 0;
  const guint8 *data;

  if (strcmp (path, "-") != 0)
    return pv_document_load_file (path, error);

  bytes = read_stdin (error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return pv_document_load_bytes ("-", data, length, NULL, error);
}

/* Writes `contents` to `path` whole or not at all: a temporary file in the
 * same folder, flushed, then renamed over the target. */
static gboolean
write_output (const char *path, const char *contents, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (path == NULL)
    {
      gsize length = strlen (contents);

      if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "standard output: %s",
                       g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static int
command_analyze (int argc, char **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *output = NULL;
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  g_autofree char *parsed_date = NULL;
  PvAnalyzeOptions options = { NULL };
  PvDocument *document;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      "The article's date, for resolving offices (overrides the file's own)", "YYYY-MM-DD" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the JSON to OUT instead of standard output", "OUT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE" },
    { NULL },
  };

  context = g_option_context_new ("FILE|- — analyze an article");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  if (files == NULL || files[0] == NULL)
    return usage_error ("analyze: no input file given");
  if (files[1] != NULL)
    return usage_error ("analyze: one input file at a time (got '%s' and '%s')", files[0],
                        files[1]);
  if (date != NULL)
    {
      parsed_date = pv_parse_date (date);
      if (parsed_date == NULL || strlen (date) != 10)
        return usage_error ("--date: '%s' is not a date of the form YYYY-MM-DD", date);
      options.date = parsed_date;
    }

  document = load_input (files[0], &error);
  if (document == NULL)
    {
      g_printerr ("peyvand-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  knowledge = pv_knowledge_new_default (&error);
  if (error != NULL)
    {
      g_printerr ("peyvand-cli: warning: %s\n", error->message);
      g_clear_error (&error);
    }

  analysis = pv_analyze (document, knowledge, &options);
  json = pv_analysis_to_json (analysis);
  if (!write_output (output, json, &error))
    {
      g_printerr ("peyvand-cli: %s\n", error->message);
      return EXIT_INPUT;
    }
  return EXIT_SUCCESS;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    return usage_error ("no command given");

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      fputs (usage_text, stdout);
      return EXIT_SUCCESS;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("peyvand-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (strcmp (argv[1], "analyze") == 0)
    return command_analyze (argc - 1, argv + 1);

  return usage_error ("unknown command '%s'", argv[1]);
}
