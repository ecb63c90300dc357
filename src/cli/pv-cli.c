/* pv-cli.c: peyvand-cli, the analysis without a display
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "pv-analysis-json.h"
#include "pv-analysis.h"
#include "pv-document.h"
#include "pv-export.h"
#include "pv-story.h"
#include "pv-knowledge.h"
#include "pv-layout.h"
#include "pv-metrics.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

/* Image sizes: cairo's limit for an image surface, and a sane DPI range. */
#define MAX_IMAGE_SIDE 32767.0
#define MIN_DPI 10.0
#define MAX_DPI 4800.0

static const char usage_text[] =
    "Usage:\n"
    "  peyvand-cli analyze [--date YYYY-MM-DD] [--metrics] [-o OUT.json] FILE|-\n"
    "  peyvand-cli export -o OUT.{png,svg,pdf,gexf,graphml,dot,csv,json} [OPTION…] FILE|-\n"
    "  peyvand-cli export --story DIR [OPTION…] FILE|-\n"
    "  peyvand-cli --help | --version\n"
    "\n"
    "Commands:\n"
    "  analyze   Analyze an article (text, HTML or a JSON article; - reads standard\n"
    "            input) and write the entities and their relations as JSON\n"
    "            (schema peyvand/analysis/1) to standard output or OUT.\n"
    "  export    Draw the graph of an article, or of an analysis JSON written by\n"
    "            analyze, as an image (PNG, SVG, PDF), or write it for other tools\n"
    "            (GEXF, GraphML, DOT, CSV, JSON).  The format is OUT's extension\n"
    "            or --format.  OUT is written whole or not at all.\n"
    "\n"
    "Analyze options:\n"
    "  -o, --output OUT        write the JSON to OUT instead of standard output\n"
    "  --date YYYY-MM-DD       the article's date, for resolving offices\n"
    "  --metrics               add each node's degree, weighted degree, PageRank,\n"
    "                          betweenness and community (igraph; see\n"
    "                          docs/SCHEMA.md)\n"
    "\n"
    "Export options:\n"
    "  -o, --output OUT        the file to write (required; - for standard output,\n"
    "                          with --format)\n"
    "  --story DIR             instead of OUT: one PNG per sentence, the graph\n"
    "                          growing, into DIR (frame-001.png, …) for slides;\n"
    "                          1920x1080 unless --width, --height or --size;\n"
    "                          dark unless --theme light\n"
    "  --format FORMAT         png, svg, pdf, gexf, graphml, dot, csv or json\n"
    "  --date YYYY-MM-DD       the article's date (articles only)\n"
    "  --seed N                layout seed (default: the application's, 20200229)\n"
    "  images (png, svg, pdf; the data formats carry both names):\n"
    "  --labels fa|en|both     label language (default fa)\n"
    "  --width N, --height N   page size in pixels (PNG) or points (SVG, PDF); one\n"
    "                          alone: the other follows the drawing; neither: the\n"
    "                          drawing's own extents\n"
    "  --size WxHUNIT          page size in cm, mm or in, such as 17x12cm; PNG\n"
    "                          pixels are size / 2.54 * dpi\n"
    "  --dpi N                 PNG: pixels per inch, stored in the file (default 96)\n"
    "  --scale S               points per layout unit (default: fit the page)\n"
    "  --background white|transparent   (transparent: PNG and SVG)\n"
    "  --theme light|dark      palette (default light)\n"
    "  --legend                draw the legend of entity types\n"
    "  --title TEXT            draw TEXT above the graph\n"
    "  --svg-text              SVG: editable text instead of glyph outlines\n"
    "\n"
    "Exit status: 0 success, 1 the input could not be read, decoded or parsed, or\n"
    "OUT could not be written (the message names the file and the reason), 2 a\n"
    "usage error.  Inputs larger than " PV_DOCUMENT_MAX_DESCRIPTION " are not read (exit 1).\n";

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
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "standard input: %s",
                       g_strerror (errno));
          return NULL;
        }
      /* the ceiling of files read from disk (pv-document.h), enforced as
       * the bytes come */
      if (bytes->len + (gsize)n > PV_DOCUMENT_MAX_BYTES)
        {
          g_set_error_literal (error, PV_DOCUMENT_ERROR, PV_DOCUMENT_ERROR_READ,
                               "standard input: too large (Peyvand reads articles of up "
                               "to " PV_DOCUMENT_MAX_DESCRIPTION ")");
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
  g_autoptr (PvMetrics) metrics = NULL;
  gboolean with_metrics = FALSE;
  PvDocument *document;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      "The article's date, for resolving offices (overrides the file's own)", "YYYY-MM-DD" },
    { "metrics", 0, 0, G_OPTION_ARG_NONE, &with_metrics,
      "Add each node's degree, weighted degree, PageRank, betweenness and community", NULL },
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
  if (with_metrics)
    {
      metrics = pv_metrics_compute (analysis);
      if (metrics == NULL)
        {
          g_printerr ("peyvand-cli: %s: the graph metrics could not be computed\n", files[0]);
          return EXIT_INPUT;
        }
    }
  json = pv_analysis_to_json_with_metrics (analysis, metrics);
  if (!write_output (output, json, &error))
    {
      g_printerr ("peyvand-cli: %s\n", error->message);
      return EXIT_INPUT;
    }
  return EXIT_SUCCESS;
}

/* export ------------------------------------------------------------------ */

/* Reads a whole file for sniffing, or NULL (then pv_document_load_file
 * reports why it cannot be read: a FIFO is never opened, a file over the
 * size limit never read). */
static GBytes *
read_file_bytes (const char *path)
{
  GStatBuf st;
  char *contents = NULL;
  gsize length = 0;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      (guint64)st.st_size > PV_DOCUMENT_MAX_BYTES)
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/* A JSON object whose "schema" is peyvand/analysis/1. */
static gboolean
is_analysis_json (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize i = 0;
  cJSON *root, *schema;
  gboolean result;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i >= length || data[i] != '{')
    return FALSE;

  root = cJSON_ParseWithLength (data + i, length - i);
  schema = cJSON_IsObject (root) ? cJSON_GetObjectItemCaseSensitive (root, "schema") : NULL;
  result = cJSON_IsString (schema) && g_strcmp0 (schema->valuestring, PV_ANALYSIS_SCHEMA) == 0;
  cJSON_Delete (root);

  return result;
}

/* The analysis to export: read back from an analysis JSON, or made from an
 * article with the default knowledge base.  Errors name the input. */
static PvAnalysis *
load_analysis (const char *path, const char *date, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autoptr (GError) warning = NULL;
  PvAnalyzeOptions options = { NULL };
  PvDocument *document;
  gboolean from_stdin = strcmp (path, "-") == 0;

  if (from_stdin)
    {
      bytes = read_stdin (error);
      if (bytes == NULL)
        return NULL;
    }
  else
    {
      bytes = read_file_bytes (path);
    }

  if (bytes != NULL && is_analysis_json (bytes))
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);

      if (date != NULL)
        g_printerr ("peyvand-cli: warning: --date is ignored: %s is an analysis, not an article\n",
                    path);
      return pv_analysis_from_json (path, data, length, error);
    }

  if (bytes != NULL)
    {
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      /* the bytes already read, not the file a second time */
      document = pv_document_load_bytes (from_stdin ? "-" : path, data, length,
                                         from_stdin ? NULL : path, error);
    }
  else
    {
      document = pv_document_load_file (path, error);
    }
  if (document == NULL)
    return NULL;

  knowledge = pv_knowledge_new_default (&warning);
  if (warning != NULL)
    g_printerr ("peyvand-cli: warning: %s\n", warning->message);

  options.date = date;
  return pv_analyze (document, knowledge, &options);
}

/* "17x12cm", "170x120mm", "6.7x4.7in": the size in inches. */
static gboolean
parse_physical_size (const char *text, double *width, double *height)
{
  static const struct
  {
    const char *unit;
    double per_inch;
  } units[] = { { "cm", 2.54 }, { "mm", 25.4 }, { "in", 1.0 } };
  const char *unit = NULL;
  double per_inch = 0;
  g_autofree char *numbers = NULL;
  char *x, *end;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (text, units[i].unit))
      {
        unit = units[i].unit;
        per_inch = units[i].per_inch;
      }
  if (unit == NULL)
    return FALSE;

  numbers = g_strndup (text, strlen (text) - strlen (unit));
  x = strchr (numbers, 'x');
  if (x == NULL)
    return FALSE;
  *x = '\0';

  *width = g_ascii_strtod (numbers, &end);
  if (end == numbers || *end != '\0')
    return FALSE;
  *height = g_ascii_strtod (x + 1, &end);
  if (end == x + 1 || *end != '\0')
    return FALSE;
  if (!(*width > 0 && *height > 0 && isfinite (*width) && isfinite (*height)))
    return FALSE;

  *width /= per_inch;
  *height /= per_inch;
  return TRUE;
}

static gboolean
parse_positive (const char *text, double max, double *value)
{
  char *end;
  double v;

  if (text == NULL || *text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (*end != '\0' || !isfinite (v) || v <= 0 || v > max)
    return FALSE;
  *value = v;
  return TRUE;
}

/* The format named by OUT's extension, or FALSE. */
static gboolean
format_from_path (const char *path, PvExportFormat *format)
{
  g_autofree char *basename = g_path_get_basename (path);
  const char *dot = strrchr (basename, '.');
  g_autofree char *extension = NULL;

  if (dot == NULL || dot == basename)
    return FALSE;
  extension = g_ascii_strdown (dot + 1, -1);
  return pv_export_format_from_name (extension, format);
}

static const char *
format_name (PvExportFormat format)
{
  static const char *const names[] = {
    "png", "svg", "pdf", "gexf", "graphml", "dot", "csv", "json"
  };

  return (guint)format < G_N_ELEMENTS (names) ? names[format] : "?";
}

static int
command_export (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_arg = NULL;
  g_autofree char *date = NULL;
  g_autofree char *parsed_date = NULL;
  g_autofree char *seed_arg = NULL;
  g_autofree char *labels_arg = NULL;
  g_autofree char *width_arg = NULL;
  g_autofree char *height_arg = NULL;
  g_autofree char *size_arg = NULL;
  g_autofree char *dpi_arg = NULL;
  g_autofree char *scale_arg = NULL;
  g_autofree char *background_arg = NULL;
  g_autofree char *theme_arg = NULL;
  g_autofree char *title = NULL;
  g_autofree char *story_dir = NULL;
  gboolean legend = FALSE;
  gboolean svg_text = FALSE;
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autoptr (PvLayout) layout = NULL;
  PvExportFormat format, path_format;
  gboolean path_has_format;
  gboolean image;
  PvExportOptions options;
  guint64 seed = PV_LAYOUT_DEFAULT_SEED;
  double dpi = 0, width = 0, height = 0, scale = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "The file to write (required; - for standard output, with --format)", "OUT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_arg,
      "png, svg, pdf, gexf, graphml, dot, csv or json (default: OUT's extension)", "FORMAT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      "The article's date, for resolving offices (articles only)", "YYYY-MM-DD" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_arg, "Layout seed (default: the application's)",
      "N" },
    { "labels", 0, 0, G_OPTION_ARG_STRING, &labels_arg, "Label language: fa, en or both", "LANG" },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_arg,
      "Image width in pixels (PNG) or points (SVG, PDF)", "N" },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_arg,
      "Image height in pixels (PNG) or points (SVG, PDF)", "N" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_arg, "Image size in cm, mm or in, such as 17x12cm",
      "WxHUNIT" },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &dpi_arg, "PNG: pixels per inch (default 96)", "N" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_arg,
      "Points per layout unit (default: fit the page)", "S" },
    { "background", 0, 0, G_OPTION_ARG_STRING, &background_arg,
      "white or transparent (PNG and SVG)", "BACKGROUND" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_arg, "light or dark", "THEME" },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &legend, "Draw the legend of entity types", NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "Draw TEXT above the graph", "TEXT" },
    { "svg-text", 0, 0, G_OPTION_ARG_NONE, &svg_text,
      "SVG: editable text instead of glyph outlines", NULL },
    { "story", 0, 0, G_OPTION_ARG_FILENAME, &story_dir,
      "One PNG per sentence into DIR, the graph growing (slides)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL },
  };

  context = g_option_context_new ("FILE|- — draw or write the graph of an article or analysis");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  /* --story DIR: PNG frames, so the checks below see a PNG */
  if (story_dir != NULL)
    {
      if (output != NULL || (format_arg != NULL && g_ascii_strcasecmp (format_arg, "png") != 0))
        return usage_error ("--story writes PNG frames into DIR: no -o, no --format but png");
      if (scale_arg != NULL || background_arg != NULL || legend || title != NULL)
        return usage_error ("--story takes --width, --height, --size, --dpi, --theme, --labels, "
                            "--seed and --date");
      output = g_build_filename (story_dir, "frame.png", NULL);
    }

  /* what to write, and in which format */
  if (output == NULL)
    return usage_error ("export: no output file given (-o OUT)");
  if (files == NULL || files[0] == NULL)
    return usage_error ("export: no input file given");
  if (files[1] != NULL)
    return usage_error ("export: one input file at a time (got '%s' and '%s')", files[0], files[1]);

  path_has_format = format_from_path (output, &path_format);
  if (format_arg != NULL)
    {
      g_autofree char *name = g_ascii_strdown (format_arg, -1);

      if (!pv_export_format_from_name (name, &format))
        return usage_error ("--format: unknown format '%s' (png, svg, pdf, gexf, graphml, dot, "
                            "csv or json)",
                            format_arg);
      if (path_has_format && path_format != format)
        return usage_error ("--format %s conflicts with the extension of '%s'", format_arg, output);
    }
  else if (path_has_format)
    {
      format = path_format;
    }
  else
    {
      return usage_error ("export: cannot tell the format from '%s': name it .png, .svg, .pdf, "
                          ".gexf, .graphml, .dot, .csv or .json, or give --format",
                          output);
    }
  image = format == PV_EXPORT_PNG || format == PV_EXPORT_SVG || format == PV_EXPORT_PDF;
  pv_export_options_init (&options, format);

  /* options for every format */
  if (date != NULL)
    {
      parsed_date = pv_parse_date (date);
      if (parsed_date == NULL || strlen (date) != 10)
        return usage_error ("--date: '%s' is not a date of the form YYYY-MM-DD", date);
    }
  if (seed_arg != NULL && !g_ascii_string_to_unsigned (seed_arg, 10, 0, G_MAXUINT, &seed, NULL))
    return usage_error ("--seed: '%s' is not a number from 0 to %u", seed_arg, G_MAXUINT);
  if (labels_arg != NULL)
    {
      if (strcmp (labels_arg, "fa") == 0)
        options.draw.labels = PV_LABELS_PERSIAN;
      else if (strcmp (labels_arg, "en") == 0)
        options.draw.labels = PV_LABELS_ENGLISH;
      else if (strcmp (labels_arg, "both") == 0)
        options.draw.labels = PV_LABELS_BOTH;
      else
        return usage_error ("--labels: '%s' is not fa, en or both", labels_arg);
    }

  /* options for images only */
  {
    const struct
    {
      const char *name;
      gboolean given;
    } image_options[] = {
      { "--width", width_arg != NULL },   { "--height", height_arg != NULL },
      { "--size", size_arg != NULL },     { "--dpi", dpi_arg != NULL },
      { "--scale", scale_arg != NULL },   { "--background", background_arg != NULL },
      { "--theme", theme_arg != NULL },   { "--legend", legend },
      { "--title", title != NULL },       { "--svg-text", svg_text },
      { "--labels", labels_arg != NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (image_options); i++)
      if (!image && image_options[i].given)
        return usage_error ("%s applies to images (png, svg, pdf), not to %s",
                            image_options[i].name, format_name (format));
  }
  if (svg_text && format != PV_EXPORT_SVG)
    return usage_error ("--svg-text applies to SVG only, not to %s", format_name (format));
  if (dpi_arg != NULL && format != PV_EXPORT_PNG)
    return usage_error ("--dpi applies to PNG only, not to %s", format_name (format));
  if (dpi_arg != NULL && !parse_positive (dpi_arg, MAX_DPI, &dpi))
    return usage_error ("--dpi: '%s' is not a number of dots per inch up to %g", dpi_arg, MAX_DPI);
  if (dpi_arg != NULL && dpi < MIN_DPI)
    return usage_error ("--dpi: %s is below %g", dpi_arg, MIN_DPI);
  if (scale_arg != NULL && !parse_positive (scale_arg, 1e6, &scale))
    return usage_error ("--scale: '%s' is not a positive number", scale_arg);

  if (size_arg != NULL && (width_arg != NULL || height_arg != NULL))
    return usage_error ("--size conflicts with --width and --height: give one or the other");
  /* one side alone: the other follows the drawing */
  if (width_arg != NULL && !parse_positive (width_arg, MAX_IMAGE_SIDE, &width))
    return usage_error ("--width: '%s' is not a size from 1 to %g", width_arg, MAX_IMAGE_SIDE);
  if (height_arg != NULL && !parse_positive (height_arg, MAX_IMAGE_SIDE, &height))
    return usage_error ("--height: '%s' is not a size from 1 to %g", height_arg, MAX_IMAGE_SIDE);
  if (size_arg != NULL)
    {
      double inches_x, inches_y;
      /* PNG: pixels at the DPI; SVG and PDF: points */
      double per_inch = format == PV_EXPORT_PNG ? (dpi > 0           ? dpi
                                                   : options.dpi > 0 ? options.dpi
                                                                     : 96)
                                                : 72;

      if (!parse_physical_size (size_arg, &inches_x, &inches_y))
        return usage_error ("--size: '%s' is not a size such as 17x12cm, 170x120mm or 6.5x4.5in",
                            size_arg);
      width = round (inches_x * per_inch);
      height = round (inches_y * per_inch);
      if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
        return usage_error ("--size: %s is %g × %g %s, outside 1 to %g", size_arg, width, height,
                            format == PV_EXPORT_PNG ? "pixels" : "points", MAX_IMAGE_SIDE);
    }
  /* whole pixels */
  if (format == PV_EXPORT_PNG && (width != floor (width) || height != floor (height)))
    return usage_error ("--width and --height: whole pixels for PNG (got %g × %g)", width, height);
  options.width = width;
  options.height = height;
  if (dpi > 0)
    options.dpi = dpi;
  if (scale > 0)
    options.scale = scale;

  if (theme_arg != NULL)
    {
      if (strcmp (theme_arg, "light") == 0)
        options.draw.dark = FALSE;
      else if (strcmp (theme_arg, "dark") == 0)
        options.draw.dark = TRUE;
      else
        return usage_error ("--theme: '%s' is not light or dark", theme_arg);
    }
  if (background_arg != NULL)
    {
      if (strcmp (background_arg, "transparent") == 0)
        {
          if (format == PV_EXPORT_PDF)
            return usage_error ("--background transparent applies to PNG and SVG, not to pdf");
          options.transparent = TRUE;
        }
      else if (strcmp (background_arg, "white") == 0)
        {
          if (options.draw.dark)
            return usage_error ("--background white conflicts with --theme dark");
          options.transparent = FALSE;
        }
      else
        {
          return usage_error ("--background: '%s' is not white or transparent", background_arg);
        }
    }
  options.legend = legend;
  options.svg_text = svg_text;
  options.title = title;

  /* the graph */
  analysis = load_analysis (files[0], parsed_date, &error);
  if (analysis == NULL)
    {
      g_printerr ("peyvand-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  layout = pv_layout_new (analysis, (guint)seed);
  pv_layout_settle (layout);

  if (story_dir != NULL)
    {
      PvStoryOptions story;

      pv_story_options_init (&story);
      story.draw.labels = options.draw.labels;
      story.draw.dark = theme_arg == NULL || options.draw.dark;
      if (pv_story_export_frames (analysis, layout, story_dir, width > 0 ? (int)width : 1920,
                                  height > 0 ? (int)height : 1080, &story, &error))
        return EXIT_SUCCESS;
      if (g_error_matches (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT))
        return usage_error ("%s", error->message);
      g_printerr ("peyvand-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  /* -o -: standard output, once the whole export is made */
  if (strcmp (output, "-") == 0)
    {
      g_autoptr (GBytes) bytes = pv_export_to_bytes (analysis, layout, &options, &error);

      if (bytes != NULL)
        {
          gsize length = 0;
          const void *data = g_bytes_get_data (bytes, &length);

          if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
            g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_IO, "standard output: %s",
                         g_strerror (errno));
        }
    }
  else
    {
      pv_export_to_file (analysis, layout, &options, output, &error);
    }

  if (error != NULL)
    {
      if (g_error_matches (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT))
        return usage_error ("%s", error->message);
      if (strstr (error->message, output) != NULL)
        g_printerr ("peyvand-cli: %s\n", error->message);
      else
        g_printerr ("peyvand-cli: %s: %s\n", output, error->message);
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
  if (strcmp (argv[1], "export") == 0)
    return command_export (argc - 1, argv + 1);

  return usage_error ("unknown command '%s'", argv[1]);
}
