/* bench-throughput.c: analysis throughput on a 50 MB Persian corpus built
 * at run time from ../shared/corpus (its Persian articles repeated), in
 * MB/s and peak RSS, and its time against `grep -F -o -f ALIASES` on the
 * same file, ALIASES being every name of every knowledge-base entity.
 * Target: the analysis takes at most 1.5 times grep's time, in processor
 * time (user and system, which the machine's other work disturbs less;
 * on an idle machine it is the wall-clock time: neither uses threads).
 *
 * Each article is analyzed as its own document, as a user feeds them (one
 * 50 MB document is not a news article, and the input size is bounded):
 * its bytes are read from the corpus file, decoded (pv_document_load_bytes)
 * and analyzed (pv_analyze).  The timed run includes loading the knowledge
 * base, as grep's includes compiling its patterns.  Exits 77 (skipped)
 * when ../shared/corpus is not here.  Run with `meson test --benchmark`.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pv-analysis.h"
#include "../../src/core/pv-knowledge-private.h"

#include "bench-util.h"

#define CORPUS_BYTES (50 * 1000 * 1000) /* MB: 10^6 bytes, here and in MB/s */
#define TARGET_RATIO 1.5
/* The analysis and grep -o run alternately, so that the machine's drift
 * (this one's speed moves by a tenth or more from minute to minute) falls
 * on both alike; grep -c, for reference, runs after them. */
#define ROUNDS 5

typedef struct
{
  char *name;
  GBytes *bytes;
} Article;

typedef struct
{
  guint article; /* index into the articles */
  goffset offset;
  gsize length;
} Piece;

static void
article_clear (gpointer data)
{
  Article *article = data;

  g_free (article->name);
  g_bytes_unref (article->bytes);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* The Persian articles (NNN_docid.fa.txt), by name. */
static GArray *
read_articles (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GArray *articles = g_array_new (FALSE, TRUE, sizeof (Article));
  const char *name;

  g_array_set_clear_func (articles, article_clear);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".fa.txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autoptr (GError) error = NULL;
      char *contents;
      gsize length;
      Article article;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          fprintf (stderr, "bench-throughput: %s\n", error->message);
          continue;
        }
      article.name = g_strdup (names->pdata[i]);
      article.bytes = g_bytes_new_take (contents, length);
      g_array_append_val (articles, article);
    }
  return articles;
}

/* Writes the articles over and over until the file holds CORPUS_BYTES,
 * each followed by a newline; returns where each copy lies. */
static GArray *
write_corpus (const char *path, GArray *articles, GError **error)
{
  g_autoptr (GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  FILE *file = g_fopen (path, "wb");
  goffset written = 0;

  if (file == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path, g_strerror (errno));
      return NULL;
    }
  for (guint i = 0; written < CORPUS_BYTES; i = (i + 1) % articles->len)
    {
      const Article *article = &g_array_index (articles, Article, i);
      gsize length;
      const void *data = g_bytes_get_data (article->bytes, &length);
      Piece piece = { i, written, length };

      if (fwrite (data, 1, length, file) != length || fputc ('\n', file) == EOF)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path,
                       g_strerror (errno));
          fclose (file);
          return NULL;
        }
      g_array_append_val (pieces, piece);
      written += length + 1;
    }
  if (fclose (file) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path, g_strerror (errno));
      return NULL;
    }
  return g_steal_pointer (&pieces);
}

static void
collect_alias (const char *alias, const PvAliasPayload *payload, gpointer user_data)
{
  g_hash_table_add (user_data, g_strdup (alias));
}

/* Every name of every entity, one a line (normalized, as the recognizer
 * matches them); returns how many. */
static guint
write_aliases (PvKnowledge *knowledge, const char *path, GError **error)
{
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree const char **aliases = NULL;
  guint n = 0;

  pv_knowledge_foreach_alias (knowledge, collect_alias, set);
  aliases = (const char **)g_hash_table_get_keys_as_array (set, &n);
  qsort (aliases, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\n", aliases[i]);
  if (!g_file_set_contents (path, text->str, (gssize)text->len, error))
    return 0;
  return n;
}

typedef struct
{
  double seconds;
  double cpu_seconds;
  double knowledge_seconds;
  guint64 mentions;
  guint64 edges;
} AnalysisRun;

/* Loads the knowledge base, then reads, decodes and analyzes every piece of
 * the corpus in turn, as a user opening one article after another. */
static gboolean
analyze_corpus (const char *path, GArray *articles, GArray *pieces, AnalysisRun *run)
{
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autofree char *buffer = NULL;
  gsize buffer_size = 0;
  double start = bench_now (), cpu_start = bench_cpu_seconds ();
  FILE *file;

  memset (run, 0, sizeof *run);
  knowledge = pv_knowledge_new_builtin ();
  run->knowledge_seconds = bench_now () - start;

  for (guint i = 0; i < pieces->len; i++)
    buffer_size = MAX (buffer_size, g_array_index (pieces, Piece, i).length);
  buffer = g_malloc (buffer_size + 1);

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      fprintf (stderr, "bench-throughput: %s: %s\n", path, g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      const Article *article = &g_array_index (articles, Article, piece->article);
      g_autoptr (GError) error = NULL;
      PvAnalyzeOptions options = { NULL };
      PvDocument *document;
      PvAnalysis *analysis;

      if (fseeko (file, piece->offset, SEEK_SET) != 0 ||
          fread (buffer, 1, piece->length, file) != piece->length)
        {
          fprintf (stderr, "bench-throughput: %s: short read\n", path);
          fclose (file);
          return FALSE;
        }
      document = pv_document_load_bytes (article->name, (const guint8 *)buffer, piece->length,
                                         article->name, &error);
      if (document == NULL)
        {
          fprintf (stderr, "bench-throughput: %s\n", error->message);
          fclose (file);
          return FALSE;
        }
      analysis = pv_analyze (document, knowledge, &options);
      for (guint n = 0; n < analysis->nodes->len; n++)
        run->mentions += ((PvNode *)g_ptr_array_index (analysis->nodes, n))->mentions->len;
      run->edges += analysis->edges->len;
      pv_analysis_free (analysis);
    }
  fclose (file);
  run->seconds = bench_now () - start;
  run->cpu_seconds = bench_cpu_seconds () - cpu_start;
  return TRUE;
}

/* One run of grep with `mode` (-o or -c): its times and what it found. */
static gboolean
grep_once (const char *mode, const char *aliases, const char *corpus, double *seconds,
           double *cpu_seconds, guint64 *found)
{
  char *argv[] = { "grep", "-F", (char *)mode, "-f", (char *)aliases, (char *)corpus, NULL };
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  BenchRun run;

  if (!bench_run (argv, envp, g_str_equal (mode, "-c") ? BENCH_OUTPUT_KEEP : BENCH_OUTPUT_COUNT,
                  &run))
    return FALSE;
  if (run.status != 0)
    {
      fprintf (stderr, "bench-throughput: grep %s exited with %d\n", mode, run.status);
      bench_run_clear (&run);
      return FALSE;
    }
  *seconds = run.seconds;
  *cpu_seconds = run.cpu_seconds;
  *found = run.output != NULL ? g_ascii_strtoull (run.output->str, NULL, 10) : run.lines;
  bench_run_clear (&run);
  return TRUE;
}

int
main (int argc, char **argv)
{
  const char *shared = g_getenv ("PEYVAND_SHARED_DIR");
  g_autofree char *corpus_dir = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *corpus_path = NULL;
  g_autofree char *aliases_path = NULL;
  g_autoptr (GArray) articles = NULL;
  g_autoptr (GArray) pieces = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PvKnowledge) knowledge = NULL;
  double times[ROUNDS], cpu_times[ROUNDS], knowledge_times[ROUNDS];
  double grep_times[ROUNDS], grep_cpu_times[ROUNDS], count_times[ROUNDS], count_cpu_times[ROUNDS];
  double analysis_seconds, analysis_cpu, knowledge_seconds;
  double grep_seconds, grep_cpu, count_seconds, count_cpu;
  double peak_mib, ratio, megabytes;
  guint64 grep_matches = 0, count_lines = 0;
  AnalysisRun run = { 0 };
  guint n_aliases;
  gboolean met;
  int status = 1;

  corpus_dir = g_build_filename (shared != NULL ? shared : "../shared", "corpus", "ntrex", NULL);
  if (!g_file_test (corpus_dir, G_FILE_TEST_IS_DIR))
    {
      printf ("bench-throughput: %s is not here (set PEYVAND_SHARED_DIR), skipped\n", corpus_dir);
      return BENCH_SKIP;
    }
  articles = read_articles (corpus_dir);
  if (articles->len == 0)
    {
      printf ("bench-throughput: no *.fa.txt article in %s, skipped\n", corpus_dir);
      return BENCH_SKIP;
    }

  bench_print_machine ();
  tmp_dir = g_dir_make_tmp ("peyvand-bench-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      fprintf (stderr, "bench-throughput: %s\n", error->message);
      return 1;
    }
  corpus_path = g_build_filename (tmp_dir, "corpus.txt", NULL);
  aliases_path = g_build_filename (tmp_dir, "aliases.txt", NULL);

  pieces = write_corpus (corpus_path, articles, &error);
  if (pieces == NULL)
    goto out;
  knowledge = pv_knowledge_new_builtin ();
  n_aliases = write_aliases (knowledge, aliases_path, &error);
  g_clear_pointer (&knowledge, pv_knowledge_unref);
  if (n_aliases == 0)
    goto out;
  megabytes = (g_array_index (pieces, Piece, pieces->len - 1).offset +
               g_array_index (pieces, Piece, pieces->len - 1).length + 1) /
              1e6;
  printf ("corpus: %.1f MB, the %u Persian articles of %s repeated to %u, each analyzed as "
          "its own document\n",
          megabytes, articles->len, corpus_dir, pieces->len);
  printf ("grep patterns: %u distinct entity names of the knowledge base\n", n_aliases);

  for (guint round = 0; round < ROUNDS; round++)
    {
      AnalysisRun this_run;
      guint64 matches = 0;

      if (!analyze_corpus (corpus_path, articles, pieces, &this_run))
        goto out;
      if (round > 0 && (this_run.mentions != run.mentions || this_run.edges != run.edges))
        {
          fprintf (stderr, "bench-throughput: the runs found different results\n");
          goto out;
        }
      run = this_run;
      times[round] = this_run.seconds;
      cpu_times[round] = this_run.cpu_seconds;
      knowledge_times[round] = this_run.knowledge_seconds;

      if (!grep_once ("-o", aliases_path, corpus_path, &grep_times[round], &grep_cpu_times[round],
                      &matches))
        goto out;
      if (round > 0 && matches != grep_matches)
        {
          fprintf (stderr, "bench-throughput: the grep runs found different matches\n");
          goto out;
        }
      grep_matches = matches;
      printf ("  run %u: analysis %.2f s (processor %.2f s), grep -o %.2f s (processor %.2f s): "
              "%.2f\n",
              round + 1, this_run.seconds, this_run.cpu_seconds, grep_times[round],
              grep_cpu_times[round], this_run.cpu_seconds / grep_cpu_times[round]);
    }
  analysis_seconds = bench_median (times, ROUNDS);
  analysis_cpu = bench_median (cpu_times, ROUNDS);
  knowledge_seconds = bench_median (knowledge_times, ROUNDS);
  grep_seconds = bench_median (grep_times, ROUNDS);
  grep_cpu = bench_median (grep_cpu_times, ROUNDS);
  peak_mib = bench_peak_rss_mib ();

  for (guint round = 0; round < ROUNDS; round++)
    if (!grep_once ("-c", aliases_path, corpus_path, &count_times[round], &count_cpu_times[round],
                    &count_lines))
      goto out;
  count_seconds = bench_median (count_times, ROUNDS);
  count_cpu = bench_median (count_cpu_times, ROUNDS);

  ratio = analysis_cpu / grep_cpu;
  met = ratio <= TARGET_RATIO;
  printf ("analysis: %.2f s (median of %u runs; processor %.2f s; loading the knowledge base "
          "%.2f s of it), %.2f MB/s; %" G_GUINT64_FORMAT " mentions, %" G_GUINT64_FORMAT " edges\n",
          analysis_seconds, ROUNDS, analysis_cpu, knowledge_seconds, megabytes / analysis_seconds,
          run.mentions, run.edges);
  printf ("analysis peak RSS: %.1f MiB\n", peak_mib);
  printf ("grep -F -o -f ALIASES (LC_ALL=C.UTF-8): %.2f s (median of %u runs; processor %.2f s), "
          "%.2f MB/s; %" G_GUINT64_FORMAT " matches\n",
          grep_seconds, ROUNDS, grep_cpu, megabytes / grep_seconds, grep_matches);
  printf ("for reference, grep -F -c -f ALIASES: %.2f s (processor %.2f s); %" G_GUINT64_FORMAT
          " matching lines\n",
          count_seconds, count_cpu, count_lines);
  printf ("wall clock, analysis / grep -o: %.2f\n", analysis_seconds / grep_seconds);
  printf ("processor time, analysis / grep -o: %.2f (target ≤ %.1f): %s\n", ratio, TARGET_RATIO,
          bench_verdict (met));
  status = met ? 0 : 1;

out:
  if (error != NULL)
    fprintf (stderr, "bench-throughput: %s\n", error->message);
  bench_remove_dir (tmp_dir);
  return status;
}
