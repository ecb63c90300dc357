/* test-golden.c: the seed article against tests/golden/seed.golden
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "pv-relations.h"
#include "test-util.h"

static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch) || g_unichar_type (ch) == G_UNICODE_SPACE_SEPARATOR)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* Every mention lies inside its sentence, before the page furniture, and
 * slices out a trimmed surface form. */
static void
check_invariants (const PvAnalysis *analysis)
{
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      g_assert_cmpuint (node->mentions->len, >, 0);
      for (guint m = 0; m < node->mentions->len; m++)
        {
          const PvMention *mention = &g_array_index (node->mentions, PvMention, m);
          const PvSpan *sentence;

          g_assert_cmpuint (mention->sentence, <, analysis->sentences->len);
          sentence = &g_array_index (analysis->sentences, PvSpan, mention->sentence);
          g_assert_cmpuint (mention->start, <, mention->end);
          g_assert_cmpuint (mention->start, >=, sentence->start);
          g_assert_cmpuint (mention->end, <=, sentence->end);
          g_assert_cmpuint (mention->end, <=, analysis->body_end);
          g_assert_false (g_unichar_isspace (analysis->document->chars[mention->start]));
          g_assert_false (g_unichar_isspace (analysis->document->chars[mention->end - 1]));
        }
    }
}

static void
check_node (const PvAnalysis *analysis, char **words, const char *forms_text)
{
  const PvNode *node = test_node (analysis, words[1]);
  guint min = atoi (words[2]);
  guint max = words[3] != NULL ? (guint)atoi (words[3]) : G_MAXUINT;
  g_auto (GStrv) forms = g_strsplit (forms_text, "|", -1);

  if (node == NULL)
    g_error ("expected a node %s", words[1]);
  if (node->mentions->len < min || node->mentions->len > max)
    g_error ("%s: %u mentions, expected %u..%u", words[1], node->mentions->len, min, max);

  for (guint i = 0; forms[i] != NULL; i++)
    {
      char *trimmed = collapse_spaces (forms[i]);

      g_free (forms[i]);
      forms[i] = trimmed;
    }

  for (guint m = 0; m < node->mentions->len; m++)
    {
      const PvMention *mention = &g_array_index (node->mentions, PvMention, m);
      g_autofree char *slice = test_slice (analysis, mention->start, mention->end);
      g_autofree char *surface = collapse_spaces (slice);

      if (!g_strv_contains ((const char *const *)forms, surface))
        g_error ("%s: unexpected mention «%s» at %zu", words[1], surface, mention->start);
    }
}

static void
check_edge (const PvAnalysis *analysis, char **words)
{
  const PvEdge *edge = test_edge (analysis, words[1], words[2]);
  PvEdgeKind kind;

  g_assert_true (pv_edge_kind_from_string (words[3], &kind));
  if (edge == NULL)
    g_error ("expected an edge %s – %s", words[1], words[2]);
  if (edge->kind != kind)
    g_error ("edge %s – %s is %s, expected %s", words[1], words[2],
             pv_edge_kind_to_string (edge->kind), words[3]);
  if (kind != PV_EDGE_CO_MENTION)
    g_assert_cmpstr (((PvNode *)g_ptr_array_index (analysis->nodes, edge->source))->id, ==,
                     words[1]);
  g_assert_cmpuint (edge->weight, ==, edge->sentences->len);
}

static void
check_line (const PvAnalysis *analysis, const char *line)
{
  g_autofree char *head = NULL;
  const char *colon = strstr (line, " : ");
  g_auto (GStrv) words = NULL;

  head = colon != NULL ? g_strndup (line, colon - line) : g_strdup (line);
  words = g_strsplit_set (g_strstrip (head), " ", -1);

  if (strcmp (words[0], "node") == 0 && colon != NULL)
    check_node (analysis, words, colon + 3);
  else if (strcmp (words[0], "edge") == 0 && g_strv_length (words) == 4)
    check_edge (analysis, words);
  else if (strcmp (words[0], "absent") == 0)
    {
      if (test_node (analysis, words[1]) != NULL)
        g_error ("unexpected node %s", words[1]);
    }
  else if (strcmp (words[0], "count") == 0)
    {
      PvEntityType type;

      g_assert_true (pv_entity_type_from_string (words[1], &type));
      if (test_count_type (analysis, type) > (guint)atoi (words[2]))
        g_error ("%u %s nodes, expected at most %s", test_count_type (analysis, type), words[1],
                 words[2]);
    }
  else if (strcmp (words[0], "body-end-at") == 0)
    {
      const char *text = line + strlen ("body-end-at ");
      const char *found = strstr (analysis->document->text, text);

      g_assert_nonnull (found);
      g_assert_cmpuint (analysis->body_end, ==,
                        g_utf8_pointer_to_offset (analysis->document->text, found));
    }
  else
    g_error ("cannot read golden line: %s", line);
}

static void
test_seed_golden (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "000_2ad9410abe4922a4.txt", NULL);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "golden", "seed.golden", NULL);
  g_autofree char *golden = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PvAnalysis) analysis = NULL;
  guint sections = 0;

  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, &error));
  lines = g_strsplit (golden, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      if (g_str_has_prefix (line, "[date "))
        {
          g_autofree char *date = g_strndup (line + 6, strlen (line) - 7);
          PvAnalyzeOptions options = { strcmp (date, "none") == 0 ? NULL : date };
          PvDocument *document = pv_document_load_file (sample, &error);

          g_assert_no_error (error);
          g_clear_pointer (&analysis, pv_analysis_free);
          analysis = pv_analyze (document, test_knowledge (), &options);
          check_invariants (analysis);
          sections++;
          continue;
        }
      g_assert_nonnull (analysis);
      check_line (analysis, line);
    }
  g_assert_cmpuint (sections, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/golden/seed", test_seed_golden);

  return g_test_run ();
}
