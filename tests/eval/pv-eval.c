/* pv-eval.c: precision, recall and F1 of the extraction against the gold
 * annotation in ../shared/corpus (dev-gold.json, dev-gold-aux.json)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring as corpus/README.md describes it, micro-averaged per type:
 * - countries: a country node is a hit when its code is gold, a false hit
 *   when it is neither gold nor optional;
 * - persons, organizations: a node of that type is a hit when the word
 *   sequence of its label, English label or any mention's text contains a
 *   gold form of an entity or is contained in one, after light
 *   normalization; each gold entity counts once; a node that matches
 *   nothing, gold or optional, is a false hit.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pv-analysis.h"

enum
{
  TYPE_COUNTRIES,
  TYPE_PERSONS,
  TYPE_ORGANIZATIONS,
  N_TYPES
};

static const char *const type_names[N_TYPES] = { "countries", "persons", "organizations" };
static const char *const gold_keys[N_TYPES] = { "countries", "persons", "organizations" };
static const PvEntityType entity_types[N_TYPES] = { PV_ENTITY_COUNTRY, PV_ENTITY_PERSON,
                                                    PV_ENTITY_ORGANIZATION };

typedef struct
{
  guint hits;
  guint misses;
  guint false_hits;
  GString *miss_list;
  GString *false_list;
} Score;

static gboolean verbose = TRUE;

/* Arabic ي ك → ی ک, ZWNJ as a space, diacritics removed, case folded; the
 * result split into words. */
static char **
light_words (const char *text)
{
  GString *out = g_string_new (NULL);
  g_auto (GStrv) parts = NULL;
  GPtrArray *words = g_ptr_array_new ();

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == 0x064A || ch == 0x0649)
        ch = 0x06CC;
      else if (ch == 0x0643)
        ch = 0x06A9;
      else if (ch == 0x200C || g_unichar_isspace (ch))
        ch = ' ';
      else if ((ch >= 0x064B && ch <= 0x065F) || ch == 0x0670 || ch == 0x0640)
        continue;
      else
        ch = g_unichar_tolower (ch);
      g_string_append_unichar (out, ch);
    }

  parts = g_strsplit (out->str, " ", -1);
  g_string_free (out, TRUE);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);
  return (char **)g_ptr_array_free (words, FALSE);
}

static gboolean
words_contain (char **haystack, char **needle)
{
  guint h = g_strv_length (haystack), n = g_strv_length (needle);

  if (n == 0 || n > h)
    return FALSE;
  for (guint i = 0; i + n <= h; i++)
    {
      guint j = 0;

      while (j < n && strcmp (haystack[i + j], needle[j]) == 0)
        j++;
      if (j == n)
        return TRUE;
    }
  return FALSE;
}

static gboolean
texts_match (const char *a, const char *b)
{
  g_auto (GStrv) x = light_words (a);
  g_auto (GStrv) y = light_words (b);

  return words_contain (x, y) || words_contain (y, x);
}

/* The texts a node is known by: label, English label, mention texts. */
static GPtrArray *
node_texts (const PvAnalysis *analysis, const PvNode *node)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (texts, g_strdup (node->label));
  if (node->label_en != NULL)
    g_ptr_array_add (texts, g_strdup (node->label_en));
  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *m = &g_array_index (node->mentions, PvMention, i);

      g_ptr_array_add (texts, g_ucs4_to_utf8 (analysis->document->chars + m->start,
                                              m->end - m->start, NULL, NULL, NULL));
    }
  return texts;
}

static gboolean
node_matches_entity (GPtrArray *texts, const cJSON *entity)
{
  const cJSON *form;

  cJSON_ArrayForEach (
      form, cJSON_GetObjectItem (entity,
                                 "fa")) for (guint i = 0; i < texts->len;
                                             i++) if (cJSON_IsString (form) &&
                                                      texts_match (g_ptr_array_index (texts, i),
                                                                   form->valuestring)) return TRUE;
  return FALSE;
}

static void
note (GString *list, const char *article, const char *what)
{
  g_string_append_printf (list, "    %-34s %s\n", article, what);
}

static void
score_countries (Score *score, const char *article, const PvAnalysis *analysis, const cJSON *gold,
                 const cJSON *optional)
{
  g_autoptr (GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *code;

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      const char *iso;
      gboolean is_gold = FALSE;

      if (node->type != PV_ENTITY_COUNTRY)
        continue;
      iso = node->id + strlen ("country:");
      g_hash_table_add (found, (gpointer)iso);
      cJSON_ArrayForEach (code, gold) is_gold = is_gold || strcmp (code->valuestring, iso) == 0;
      if (is_gold)
        score->hits++;
      else if (cJSON_GetObjectItem (optional, iso) == NULL)
        {
          g_autofree char *what = g_strdup_printf ("%s (%s)", iso, node->label);

          score->false_hits++;
          note (score->false_list, article, what);
        }
    }

  cJSON_ArrayForEach (code, gold) if (!g_hash_table_contains (found, code->valuestring))
  {
    score->misses++;
    note (score->miss_list, article, code->valuestring);
  }
}

static void
score_named (Score *score, const char *article, const PvAnalysis *analysis, PvEntityType type,
             const cJSON *gold, const cJSON *optional)
{
  guint n_gold = cJSON_GetArraySize (gold);
  g_autofree gboolean *matched = g_new0 (gboolean, n_gold + 1);

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      g_autoptr (GPtrArray) texts = NULL;
      gboolean any = FALSE;
      const cJSON *entity;
      guint g = 0;

      if (node->type != type)
        continue;
      texts = node_texts (analysis, node);
      cJSON_ArrayForEach (entity, gold)
      {
        if (node_matches_entity (texts, entity))
          {
            matched[g] = TRUE;
            any = TRUE;
          }
        g++;
      }
      cJSON_ArrayForEach (entity, optional) any = any || node_matches_entity (texts, entity);

      if (!any)
        {
          g_autofree char *what = g_strdup_printf ("%s  [%s]", node->label, node->id);

          score->false_hits++;
          note (score->false_list, article, what);
        }
    }

  for (guint g = 0; g < n_gold; g++)
    {
      const cJSON *entity = cJSON_GetArrayItem (gold, g);

      if (matched[g])
        score->hits++;
      else
        {
          const cJSON *en = cJSON_GetObjectItem (entity, "en");
          const cJSON *fa = cJSON_GetArrayItem (cJSON_GetObjectItem (entity, "fa"), 0);
          g_autofree char *what =
              g_strdup_printf ("%s  (%s)", cJSON_IsString (fa) ? fa->valuestring : "?",
                               cJSON_IsString (en) ? en->valuestring : "?");

          score->misses++;
          note (score->miss_list, article, what);
        }
    }
}

static cJSON *
read_json (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  cJSON *root;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("pv-eval: %s\n", error->message);
      exit (1);
    }
  root = cJSON_ParseWithLength (contents, length);
  if (root == NULL)
    {
      g_printerr ("pv-eval: %s: not valid JSON\n", path);
      exit (1);
    }
  return root;
}

int
main (int argc, char **argv)
{
  g_autofree char *corpus = NULL;
  double floors[N_TYPES] = { 0, 0, 0 };
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &corpus, "The shared corpus folder", "DIR" },
    { "floor-countries", 0, 0, G_OPTION_ARG_DOUBLE, &floors[0], "Fail below this F1", "F1" },
    { "floor-persons", 0, 0, G_OPTION_ARG_DOUBLE, &floors[1], "Fail below this F1", "F1" },
    { "floor-organizations", 0, 0, G_OPTION_ARG_DOUBLE, &floors[2], "Fail below this F1", "F1" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Only the scores", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— score the extraction");
  g_autoptr (GError) error = NULL;
  g_autoptr (PvKnowledge) knowledge = NULL;
  g_autofree char *gold_path = NULL, *aux_path = NULL;
  cJSON *gold, *aux, *article;
  Score scores[N_TYPES] = { 0 };
  guint articles = 0;
  int status = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("pv-eval: %s\n", error->message);
      return 2;
    }
  verbose = !quiet;
  if (corpus == NULL)
    corpus = g_getenv ("PEYVAND_SHARED_DIR") != NULL
                 ? g_build_filename (g_getenv ("PEYVAND_SHARED_DIR"), "corpus", NULL)
                 : g_strdup ("../shared/corpus");
  gold_path = g_build_filename (corpus, "dev-gold.json", NULL);
  aux_path = g_build_filename (corpus, "dev-gold-aux.json", NULL);
  if (!g_file_test (gold_path, G_FILE_TEST_EXISTS))
    {
      g_print ("pv-eval: %s is not here; nothing to score\n", gold_path);
      return 77; /* skipped */
    }

  gold = read_json (gold_path);
  aux = g_file_test (aux_path, G_FILE_TEST_EXISTS) ? read_json (aux_path) : cJSON_CreateObject ();
  knowledge = pv_knowledge_new_builtin ();

  for (guint t = 0; t < N_TYPES; t++)
    {
      scores[t].miss_list = g_string_new (NULL);
      scores[t].false_list = g_string_new (NULL);
    }

  cJSON_ArrayForEach (article, gold)
  {
    g_autofree char *path = g_build_filename (corpus, "ntrex", article->string, NULL);
    const cJSON *optional =
        cJSON_GetObjectItem (cJSON_GetObjectItem (aux, article->string), "optional");
    g_autoptr (PvAnalysis) analysis = NULL;
    PvAnalyzeOptions options = { NULL };
    PvDocument *document = pv_document_load_file (path, &error);

    if (document == NULL)
      {
        g_printerr ("pv-eval: %s\n", error->message);
        return 1;
      }
    analysis = pv_analyze (document, knowledge, &options);
    articles++;

    score_countries (&scores[TYPE_COUNTRIES], article->string, analysis,
                     cJSON_GetObjectItem (article, gold_keys[0]),
                     cJSON_GetObjectItem (optional, gold_keys[0]));
    for (guint t = TYPE_PERSONS; t < N_TYPES; t++)
      score_named (&scores[t], article->string, analysis, entity_types[t],
                   cJSON_GetObjectItem (article, gold_keys[t]),
                   cJSON_GetObjectItem (optional, gold_keys[t]));
  }

  g_print ("Peyvand extraction on %u gold articles (micro-averaged)\n\n", articles);
  g_print ("  %-14s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "hits",
           "misses", "false");
  for (guint t = 0; t < N_TYPES; t++)
    {
      Score *s = &scores[t];
      double p = s->hits + s->false_hits > 0 ? (double)s->hits / (s->hits + s->false_hits) : 0;
      double r = s->hits + s->misses > 0 ? (double)s->hits / (s->hits + s->misses) : 0;
      double f = p + r > 0 ? 2 * p * r / (p + r) : 0;

      g_print ("  %-14s %9.3f %9.3f %9.3f %6u %6u %6u%s\n", type_names[t], p, r, f, s->hits,
               s->misses, s->false_hits, f < floors[t] ? "  BELOW FLOOR" : "");
      if (f < floors[t])
        status = 1;
    }

  for (guint t = 0; t < N_TYPES && verbose; t++)
    {
      g_print ("\n%s: misses\n%s", type_names[t], scores[t].miss_list->str);
      g_print ("%s: false hits\n%s", type_names[t], scores[t].false_list->str);
    }
  for (guint t = 0; t < N_TYPES; t++)
    {
      g_string_free (scores[t].miss_list, TRUE);
      g_string_free (scores[t].false_list, TRUE);
    }
  cJSON_Delete (gold);
  cJSON_Delete (aux);
  return status;
}
