/* test-project.c: project files, edits, undo, atomic saves and recovery
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pv-analysis-json.h"
#include "pv-project.h"
#include "test-util.h"

#define SAMPLE "000_2ad9410abe4922a4.txt"
#define SAMPLE_DATE "2020-02-29"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", SAMPLE, NULL);
}

/* A folder for one test, removed with what is in it. */
typedef struct
{
  char *path;
} TempDir;

static void
temp_dir_init (TempDir *dir)
{
  g_autoptr (GError) error = NULL;

  dir->path = g_dir_make_tmp ("peyvand-project-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
temp_dir_clear (TempDir *dir)
{
  if (dir->path != NULL)
    remove_tree (dir->path);
  g_clear_pointer (&dir->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TempDir, temp_dir_clear)

/* A copy of the sample article in `dir`, so that tests may change it. */
static char *
copy_sample (const TempDir *dir)
{
  g_autofree char *source = sample_path ();
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir->path, SAMPLE, NULL);
  gsize length = 0;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize)length, &error);
  g_assert_no_error (error);
  return path;
}

static PvProject *
sample_project (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = pv_document_load_file (path, &error);

  g_assert_no_error (error);
  return pv_project_new (document, SAMPLE_DATE);
}

/* The code point offset of the `nth` occurrence of `needle`, or -1. */
static gssize
find_text (const PvAnalysis *analysis, const char *needle, guint nth)
{
  glong length = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4 (needle, -1, NULL, &length, NULL);
  const PvDocument *document = analysis->document;

  for (gsize at = 0; at + (gsize)length <= document->length; at++)
    if (memcmp (document->chars + at, chars, length * sizeof (gunichar)) == 0 && nth-- == 0)
      return (gssize)at;
  return -1;
}

static PvEdit *
alias_edit (const PvAnalysis *analysis, const char *text, guint nth, const char *node)
{
  gssize at = find_text (analysis, text, nth);

  g_assert_cmpint (at, >=, 0);
  return pv_edit_new_add_alias (analysis->document, (gsize)at, (gsize)at + g_utf8_strlen (text, -1),
                                node);
}

static PvEdit *
entity_edit (const PvAnalysis *analysis, const char *text, guint nth, PvEntityType type,
             const char *label, const char *id)
{
  gssize at = find_text (analysis, text, nth);

  g_assert_cmpint (at, >=, 0);
  return pv_edit_new_add_entity (analysis->document, (gsize)at,
                                 (gsize)at + g_utf8_strlen (text, -1), type, label, NULL, id);
}

static guint
mention_count (const PvAnalysis *analysis, const char *id)
{
  const PvNode *node = test_node (analysis, id);

  return node != NULL ? node->mentions->len : 0;
}

static gboolean
has_hidden (const PvEditResult *result, const char *id)
{
  for (guint i = 0; i < result->hidden->len; i++)
    if (g_strcmp0 (((const PvNode *)g_ptr_array_index (result->hidden, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

/* Everything of an analysis that edits may change, as one string. */
static char *
summary (const PvAnalysis *analysis, const PvEditResult *result)
{
  g_autofree char *json = pv_analysis_to_json (analysis);
  GString *out = g_string_new (json);

  for (guint i = 0; result != NULL && i < result->hidden->len; i++)
    g_string_append_printf (out, "\nhidden %s",
                            ((const PvNode *)g_ptr_array_index (result->hidden, i))->id);
  return g_string_free (out, FALSE);
}

/* Equal texts, or a failure that shows where they part. */
#define assert_same_text(a, b) assert_same_text_at (__FILE__, __LINE__, (a), (b), TRUE)
#define assert_other_text(a, b) assert_same_text_at (__FILE__, __LINE__, (a), (b), FALSE)

static void
assert_same_text_at (const char *file, int line, const char *a, const char *b, gboolean same)
{
  gsize at = 0;

  while (a[at] != '\0' && a[at] == b[at])
    at++;
  if (same && a[at] != b[at])
    g_error ("%s:%d: texts differ at byte %" G_GSIZE_FORMAT ":\n%.300s\n---\n%.300s", file, line,
             at, a + (at > 100 ? at - 100 : 0), b + (at > 100 ? at - 100 : 0));
  if (!same && a[at] == b[at])
    g_error ("%s:%d: texts are the same", file, line);
}

static char *
edited_summary (const PvProject *project, const PvAnalysis *base)
{
  g_auto (PvEditResult) result = { 0 };
  g_autoptr (PvAnalysis) analysis = pv_project_edit_analysis (project, base, &result);

  return summary (analysis, &result);
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path, const char *contents, gssize length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* One edit of each kind on the sample, in an order where each applies. */
static GPtrArray *
sample_edits (const PvAnalysis *base)
{
  GPtrArray *edits = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edit_free);

  g_ptr_array_add (edits, pv_edit_new_merge ("organization:vzart-bhdasht-rvsyh", "country:RU"));
  g_ptr_array_add (edits, pv_edit_new_rename ("person:recep-tayyip-erdogan", "اردوغان", "Erdoğan"));
  g_ptr_array_add (edits, pv_edit_new_retype ("place:vienna", PV_ENTITY_ORGANIZATION));
  g_ptr_array_add (edits, pv_edit_new_hide ("organization:jamaran"));
  g_ptr_array_add (edits, pv_edit_new_hide ("topic:coronavirus"));
  g_ptr_array_add (edits, pv_edit_new_unhide ("topic:coronavirus"));
  g_ptr_array_add (edits, alias_edit (base, "دولت", 0, "country:RU"));
  g_ptr_array_add (edits, entity_edit (base, "مسکو", 0, PV_ENTITY_PLACE, "مسکو", "place:moscow"));
  g_ptr_array_add (edits, entity_edit (base, "گفت و گوی تلفنی", 0, PV_ENTITY_TOPIC, NULL, NULL));
  return edits;
}

static PvAnalysis *
sample_analysis (PvProject **project_out)
{
  g_autofree char *path = sample_path ();
  PvProject *project = sample_project (path);
  PvAnalysis *analysis = pv_project_analyze (project, test_knowledge ());

  *project_out = project;
  return analysis;
}

/* ---------------------------------------------------------------------- */
/* Edits                                                                   */

static void
test_edit_json (void)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autoptr (GPtrArray) edits = sample_edits (base);
  static const char *const bad[] = {
    "{\"kind\": \"merge\", \"node\": \"country:RU\"}",
    "{\"kind\": \"merge\", \"node\": \"country:RU\", \"into\": \"country:RU\"}",
    "{\"kind\": \"melt\", \"node\": \"country:RU\"}",
    "{\"kind\": \"rename\", \"node\": \"country:RU\", \"label\": \"\"}",
    "{\"kind\": \"retype\", \"node\": \"country:RU\", \"type\": \"planet\"}",
    "{\"kind\": \"hide\"}",
    "{\"kind\": \"add-alias\", \"node\": \"country:RU\", \"start\": 5, \"end\": 3, \"text\": "
    "\"x\"}",
    "{\"kind\": \"add-alias\", \"node\": \"country:RU\", \"start\": 1.5, \"end\": 3, "
    "\"text\": \"x\"}",
    "{\"kind\": \"add-entity\", \"node\": \"topic:x\", \"start\": 1, \"end\": 3, \"text\": \"x\"}",
    "[1, 2]",
    "{",
  };

  for (guint i = 0; i < edits->len; i++)
    {
      const PvEdit *edit = g_ptr_array_index (edits, i);
      g_autofree char *json = pv_edit_to_json (edit);
      g_autoptr (GError) error = NULL;
      g_autoptr (PvEdit) back = pv_edit_from_json (json, strlen (json), &error);
      g_autoptr (PvEdit) copy = pv_edit_copy (edit);
      g_autofree char *json_back = NULL;
      g_autofree char *json_copy = pv_edit_to_json (copy);

      g_assert_no_error (error);
      json_back = pv_edit_to_json (back);
      g_assert_cmpstr (json_back, ==, json);
      g_assert_cmpstr (json_copy, ==, json);
      g_assert_cmpint (back->kind, ==, edit->kind);
      g_assert_cmpstr (back->node, ==, edit->node);
    }

  /* the span's text goes with it, the id is made from the label */
  {
    const PvEdit *entity = g_ptr_array_index (edits, 8);

    g_assert_cmpstr (entity->text, ==, "گفت و گوی تلفنی");
    g_assert_cmpstr (entity->label, ==, "گفت و گوی تلفنی");
    g_assert_true (g_str_has_prefix (entity->node, "topic:"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PvEdit) edit = pv_edit_from_json (bad[i], strlen (bad[i]), &error);

      g_assert_null (edit);
      g_assert_nonnull (error);
      g_assert_true (error->domain == PV_PROJECT_ERROR);
    }

  for (PvEditKind kind = PV_EDIT_MERGE; kind <= PV_EDIT_ADD_ALIAS; kind++)
    {
      PvEditKind back;

      g_assert_true (pv_edit_kind_from_string (pv_edit_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
}

/* No edits: the analysis is exactly what pv_analyze() gave. */
static void
test_apply_nothing (void)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_auto (PvEditResult) result = { 0 };
  g_autoptr (PvAnalysis) edited = pv_project_edit_analysis (project, base, &result);
  g_autofree char *before = pv_analysis_to_json (base);
  g_autofree char *after = pv_analysis_to_json (edited);

  assert_same_text (after, before);
  g_assert_cmpuint (result.hidden->len, ==, 0);
  g_assert_cmpuint (result.skipped->len, ==, 0);
}

static void
test_apply_each (void)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autoptr (GPtrArray) edits = sample_edits (base);
  g_auto (PvEditResult) result = { 0 };
  g_autoptr (PvAnalysis) analysis = NULL;
  const PvEdit *phone;
  const PvNode *node;
  const PvEdge *edge;

  for (guint i = 0; i < edits->len; i++)
    g_ptr_array_add (project->edits, pv_edit_copy (g_ptr_array_index (edits, i)));
  analysis = pv_project_edit_analysis (project, base, &result);
  g_assert_cmpuint (result.skipped->len, ==, 0);

  /* merge: Russia has the ministry's mention, and its edges */
  g_assert_null (test_node (analysis, "organization:vzart-bhdasht-rvsyh"));
  g_assert_nonnull (test_edge (base, "organization:vzart-bhdasht-rvsyh", "topic:coronavirus"));
  g_assert_nonnull (test_edge (analysis, "country:RU", "topic:coronavirus"));
  /* 9 + the ministry + «دولت» − «مسکو», which is Moscow now */
  g_assert_cmpuint (mention_count (base, "country:RU"), ==, 9);
  g_assert_cmpuint (mention_count (analysis, "country:RU"), ==, 10);
  {
    g_autofree char *mentions = test_mentions (analysis, "country:RU");

    g_assert_nonnull (strstr (mentions, "وزارت بهداشت روسیه"));
    g_assert_nonnull (strstr (mentions, "دولت"));
    g_assert_null (strstr (mentions, "مسکو"));
  }
  /* no edge from Russia to itself */
  g_assert_null (test_edge (analysis, "country:RU", "country:RU"));

  /* rename */
  node = test_node (analysis, "person:recep-tayyip-erdogan");
  g_assert_cmpstr (node->label, ==, "اردوغان");
  g_assert_cmpstr (node->label_en, ==, "Erdoğan");
  /* its typed edge survives */
  edge = test_edge (analysis, "person:recep-tayyip-erdogan", "country:TR");
  g_assert_cmpint (edge->kind, ==, PV_EDGE_LEADER_OF);

  /* retype */
  g_assert_cmpint (test_node (analysis, "place:vienna")->type, ==, PV_ENTITY_ORGANIZATION);

  /* hide; hide then unhide */
  g_assert_null (test_node (analysis, "organization:jamaran"));
  g_assert_true (has_hidden (&result, "organization:jamaran"));
  g_assert_cmpuint (result.hidden->len, ==, 1);
  g_assert_nonnull (test_node (analysis, "topic:coronavirus"));
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *e = g_ptr_array_index (analysis->edges, i);

      g_assert_cmpuint (e->source, <, analysis->nodes->len);
      g_assert_cmpuint (e->target, <, analysis->nodes->len);
      g_assert_cmpuint (e->source, !=, e->target);
      g_assert_cmpuint (e->weight, ==, e->sentences->len);
    }

  /* add-entity, taking «مسکو» from Russia */
  g_assert_cmpuint (mention_count (analysis, "place:moscow"), ==, 1);
  g_assert_nonnull (test_edge (analysis, "place:moscow", "topic:jcpoa"));
  phone = g_ptr_array_index (edits, 8);
  g_assert_cmpuint (mention_count (analysis, phone->node), ==, 1);
  g_assert_nonnull (test_edge (analysis, phone->node, "person:vladimir-putin"));

  /* the order is pv_analyze()'s: by count, then id */
  for (guint i = 1; i < analysis->nodes->len; i++)
    {
      const PvNode *a = g_ptr_array_index (analysis->nodes, i - 1);
      const PvNode *b = g_ptr_array_index (analysis->nodes, i);

      g_assert_true (a->mentions->len > b->mentions->len ||
                     (a->mentions->len == b->mentions->len && strcmp (a->id, b->id) < 0));
    }
  g_assert_cmpint (pv_analysis_node_at (analysis, (gsize)find_text (analysis, "مسکو", 0)), ==,
                   pv_analysis_find_node (analysis, "place:moscow"));
}

static void
test_apply_skipped (void)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_auto (PvEditResult) result = { 0 };
  g_autoptr (PvAnalysis) analysis = NULL;
  g_autofree char *before = pv_analysis_to_json (base);
  g_autofree char *after = NULL;
  PvEdit *gone;

  g_ptr_array_add (project->edits, pv_edit_new_rename ("person:nobody", "کسی", NULL));
  g_ptr_array_add (project->edits, pv_edit_new_merge ("country:RU", "country:ZZ"));
  g_ptr_array_add (project->edits, pv_edit_new_unhide ("country:RU"));
  gone = alias_edit (base, "دولت", 0, "country:RU");
  g_free (gone->text);
  gone->text = g_strdup ("واژه‌ای که در متن نیست");
  g_ptr_array_add (project->edits, gone);
  g_ptr_array_add (project->edits, alias_edit (base, "دولت", 0, "country:ZZ"));

  analysis = pv_project_edit_analysis (project, base, &result);
  g_assert_cmpuint (result.skipped->len, ==, 5);
  for (guint i = 0; i < result.skipped->len; i++)
    g_assert_cmpuint (g_array_index (result.skipped, guint, i), ==, i);
  after = pv_analysis_to_json (analysis);
  assert_same_text (after, before);
}

/* ---------------------------------------------------------------------- */
/* Undo and redo                                                           */

static void
test_history (void)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autoptr (GPtrArray) edits = sample_edits (base);
  g_autoptr (PvEditHistory) history = pv_edit_history_new (project->edits);
  g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  guint64 serial;

  g_assert_false (pv_edit_history_can_undo (history));
  g_assert_false (pv_edit_history_undo (history));
  g_assert_false (pv_edit_history_redo (history));
  g_assert_null (pv_edit_history_peek_undo (history));

  g_ptr_array_add (states, edited_summary (project, base));
  for (guint i = 0; i < edits->len; i++)
    {
      pv_edit_history_do (history, pv_edit_copy (g_ptr_array_index (edits, i)));
      g_ptr_array_add (states, edited_summary (project, base));
      /* every edit changes something */
      assert_other_text (g_ptr_array_index (states, i + 1), g_ptr_array_index (states, i));
    }
  g_assert_cmpuint (project->edits->len, ==, edits->len);
  g_assert_true (pv_edit_history_peek_undo (history) == g_ptr_array_index (project->edits, 8));

  /* each undo restores the analysis as it was before that edit */
  for (guint i = edits->len; i > 0; i--)
    {
      g_autofree char *state = NULL;
      const PvEdit *undone = pv_edit_history_peek_undo (history);

      g_assert_cmpint (undone->kind, ==, ((PvEdit *)g_ptr_array_index (edits, i - 1))->kind);
      g_assert_true (pv_edit_history_undo (history));
      g_assert_true (pv_edit_history_peek_redo (history) == undone);
      state = edited_summary (project, base);
      assert_same_text (state, g_ptr_array_index (states, i - 1));
    }
  g_assert_false (pv_edit_history_can_undo (history));
  g_assert_true (pv_edit_history_can_redo (history));
  {
    g_autofree char *pristine = summary (base, NULL);
    g_autofree char *state = edited_summary (project, base);

    assert_same_text (state, pristine);
  }

  /* each redo makes it again */
  for (guint i = 1; i <= edits->len; i++)
    {
      g_autofree char *state = NULL;

      g_assert_true (pv_edit_history_redo (history));
      state = edited_summary (project, base);
      assert_same_text (state, g_ptr_array_index (states, i));
    }
  g_assert_false (pv_edit_history_redo (history));

  /* a new edit after an undo clears what could be redone */
  serial = pv_edit_history_get_serial (history);
  g_assert_true (pv_edit_history_undo (history));
  g_assert_true (pv_edit_history_undo (history));
  g_assert_true (pv_edit_history_can_redo (history));
  pv_edit_history_do (history, pv_edit_new_hide ("country:TR"));
  g_assert_false (pv_edit_history_can_redo (history));
  g_assert_cmpuint (project->edits->len, ==, edits->len - 1);
  g_assert_cmpuint (pv_edit_history_get_serial (history), ==, serial + 3);
}

/* ---------------------------------------------------------------------- */
/* Saving and opening                                                      */

static void
test_save_load (void)
{
  g_auto (TempDir) dir = { 0 };
  g_autofree char *article = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *reopened_state = NULL;
  g_autofree char *json = NULL;
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvProject) reopened = NULL;
  g_autoptr (PvAnalysis) base = NULL;
  g_autoptr (PvAnalysis) fresh = NULL;
  g_autoptr (PvEditHistory) history = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (PvEditResult) result = { 0 };
  g_auto (GStrv) hidden_types = NULL;
  const char *const types[] = { "topic", "place", NULL };
  double x = 0, y = 0;

  temp_dir_init (&dir);
  article = copy_sample (&dir);
  path = g_build_filename (dir.path, "sample.peyvand", NULL);
  project = sample_project (article);
  base = pv_project_analyze (project, test_knowledge ());

  g_assert_true (g_path_is_absolute (project->article_path));
  g_assert_cmpuint (strlen (project->article_sha256), ==, 64);
  g_assert_cmpstr (project->article_date, ==, SAMPLE_DATE);

  history = pv_edit_history_new (project->edits);
  pv_edit_history_do (history,
                      pv_edit_new_merge ("organization:vzart-bhdasht-rvsyh", "country:RU"));
  pv_edit_history_do (history, pv_edit_new_rename ("person:recep-tayyip-erdogan", "اردوغان", NULL));
  pv_edit_history_do (history, pv_edit_new_hide ("organization:jamaran"));
  pv_edit_history_do (history, alias_edit (base, "دولت", 0, "country:RU"));
  pv_project_set_pin (project, "country:RU", 1.25, -3.5);
  pv_project_set_pin (project, "country:IR", 0, 0);
  pv_project_set_pin (project, "country:IR", 2, 4);
  pv_project_set_pin (project, "topic:jcpoa", 9, 9);
  g_assert_true (pv_project_remove_pin (project, "topic:jcpoa"));
  g_assert_false (pv_project_remove_pin (project, "topic:jcpoa"));
  pv_project_set_view_string (project, "labels", "en");
  pv_project_set_view_double (project, "min-edge-weight", 2);
  pv_project_set_view_double (project, "zoom", 1.5);
  pv_project_set_view_boolean (project, "legend", TRUE);
  pv_project_set_view_strv (project, "hidden-types", types);
  expected = edited_summary (project, base);

  g_assert_true (pv_project_save (project, path, &error));
  g_assert_no_error (error);
  json = read_file (path, NULL);
  g_assert_nonnull (strstr (json, "\"schema\":\t\"peyvand/project/1\""));

  /* close; the article file goes away; open */
  g_clear_pointer (&history, pv_edit_history_free);
  g_clear_pointer (&project, pv_project_free);
  g_assert_cmpint (g_unlink (article), ==, 0);

  reopened = pv_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reopened->edits->len, ==, 4);
  fresh = pv_project_analyze (reopened, test_knowledge ());
  pv_project_apply_edits (reopened, fresh, &result);
  reopened_state = summary (fresh, &result);
  assert_same_text (reopened_state, expected);

  g_assert_null (test_node (fresh, "organization:vzart-bhdasht-rvsyh"));
  g_assert_cmpuint (mention_count (fresh, "country:RU"), ==, 11);
  g_assert_cmpstr (test_node (fresh, "person:recep-tayyip-erdogan")->label, ==, "اردوغان");
  g_assert_null (test_node (fresh, "organization:jamaran"));
  g_assert_true (has_hidden (&result, "organization:jamaran"));

  g_assert_cmpuint (reopened->pins->len, ==, 2);
  g_assert_true (pv_project_get_pin (reopened, "country:RU", &x, &y));
  g_assert_cmpfloat (x, ==, 1.25);
  g_assert_cmpfloat (y, ==, -3.5);
  g_assert_true (pv_project_get_pin (reopened, "country:IR", &x, &y));
  g_assert_cmpfloat (x, ==, 2);
  g_assert_false (pv_project_get_pin (reopened, "topic:jcpoa", NULL, NULL));
  {
    g_autofree char *labels = pv_project_get_view_string (reopened, "labels");

    g_assert_cmpstr (labels, ==, "en");
  }
  g_assert_cmpfloat (pv_project_get_view_double (reopened, "zoom", 1), ==, 1.5);
  g_assert_cmpfloat (pv_project_get_view_double (reopened, "text-size", 12), ==, 12);
  g_assert_true (pv_project_get_view_boolean (reopened, "legend", FALSE));
  hidden_types = pv_project_get_view_strv (reopened, "hidden-types");
  g_assert_cmpstrv (hidden_types, types);
  g_assert_null (pv_project_get_view_strv (reopened, "labels"));

  /* undo after reopening: the hide is undone, the node is back */
  history = pv_edit_history_new (reopened->edits);
  g_assert_true (pv_edit_history_undo (history));
  g_assert_true (pv_edit_history_undo (history));
  {
    /* `fresh` was edited in place: start again from a new analysis */
    g_autoptr (PvAnalysis) clean = pv_project_analyze (reopened, test_knowledge ());
    g_autoptr (PvAnalysis) undone = pv_project_edit_analysis (reopened, clean, NULL);

    g_assert_nonnull (test_node (undone, "organization:jamaran"));
    g_assert_cmpuint (mention_count (undone, "country:RU"), ==, 10);
  }

  /* saved again, it reads back the same */
  {
    g_autofree char *again = NULL;
    g_autofree char *first = NULL;
    g_autoptr (PvProject) third = NULL;

    g_assert_true (pv_project_save (reopened, path, &error));
    g_assert_no_error (error);
    third = pv_project_load (path, &error);
    g_assert_no_error (error);
    first = pv_project_to_json (reopened);
    again = pv_project_to_json (third);
    assert_same_text (again, first);
  }
}

/* A file that does not parse, or from a newer Peyvand, is reported, and
 * neither loading nor saving changes it. */
static void
test_load_refused (void)
{
  g_auto (TempDir) dir = { 0 };
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autofree char *good = NULL;
  g_autofree char *future = NULL;
  g_autofree char *bad_edit = NULL;
  const char *pattern;
  struct
  {
    const char *name;
    const char *contents;
    int code;
    const char *message;
  } cases[] = {
    { "truncated.peyvand", NULL, PV_PROJECT_ERROR_PARSE, "cut short" },
    { "garbage.peyvand", "this is not JSON", PV_PROJECT_ERROR_PARSE, "at byte 0" },
    { "middle.peyvand", "{\"schema\": \"peyvand/project/1\", \"article\": {\"text\": ] }",
      PV_PROJECT_ERROR_PARSE, "at byte 52" },
    { "trailing.peyvand", NULL, PV_PROJECT_ERROR_PARSE, "unexpected data" },
    { "empty.txt", "", PV_PROJECT_ERROR_PARSE, "empty" },
    { "array.peyvand", "[]", PV_PROJECT_ERROR_PARSE, "no \"schema\"" },
    { "analysis.peyvand", "{\"schema\": \"peyvand/analysis/1\"}", PV_PROJECT_ERROR_PARSE,
      "peyvand/analysis/1" },
    { "future.peyvand", NULL, PV_PROJECT_ERROR_NEWER, "newer Peyvand" },
    { "far-future.peyvand", "{\"schema\": \"peyvand/project/12\", \"whatever\": []}",
      PV_PROJECT_ERROR_NEWER, "newer Peyvand" },
    { "bad-edit.peyvand", NULL, PV_PROJECT_ERROR_INVALID, "edit 2 (merge): no \"into\"" },
    { "no-article.peyvand", "{\"schema\": \"peyvand/project/1\"}", PV_PROJECT_ERROR_INVALID,
      "article" },
  };

  temp_dir_init (&dir);
  g_ptr_array_add (project->edits, pv_edit_new_hide ("country:TR"));
  g_ptr_array_add (project->edits, pv_edit_new_merge ("country:TR", "country:SY"));
  good = pv_project_to_json (project);
  future = g_strdup (good);
  pattern = strstr (future, "peyvand/project/1");
  ((char *)pattern)[strlen ("peyvand/project/")] = '2';
  bad_edit = g_strdup (good);
  pattern = strstr (bad_edit, "\"into\"");
  memcpy ((char *)pattern, "\"onto\"", 6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir.path, cases[i].name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *after = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PvProject) loaded = NULL;
      gsize length, after_length = 0;

      if (cases[i].contents != NULL)
        contents = g_strdup (cases[i].contents);
      else if (strcmp (cases[i].name, "truncated.peyvand") == 0)
        contents = g_strndup (good, strlen (good) / 2);
      else if (strcmp (cases[i].name, "trailing.peyvand") == 0)
        contents = g_strconcat (good, "\n}", NULL);
      else if (strcmp (cases[i].name, "future.peyvand") == 0)
        contents = g_strdup (future);
      else
        contents = g_strdup (bad_edit);
      length = strlen (contents);
      write_file (path, contents, (gssize)length);

      loaded = pv_project_load (path, &error);
      g_assert_null (loaded);
      g_assert_error (error, PV_PROJECT_ERROR, cases[i].code);
      if (strstr (error->message, path) == NULL ||
          strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: unexpected message: %s", cases[i].name, error->message);
      g_clear_error (&error);

      /* a save there is refused, and the file stays byte for byte */
      if (length > 0)
        {
          int refusal = cases[i].code == PV_PROJECT_ERROR_NEWER ? PV_PROJECT_ERROR_NEWER
                                                                : PV_PROJECT_ERROR_PROTECTED;

          g_assert_false (pv_project_save (project, path, &error));
          g_assert_error (error, PV_PROJECT_ERROR, refusal);
          g_assert_nonnull (strstr (error->message, path));
        }
      after = read_file (path, &after_length);
      g_assert_cmpmem (after, after_length, contents, length);
    }

  /* nothing else was left in the folder */
  {
    g_autoptr (GDir) listing = g_dir_open (dir.path, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (cases));
  }

  /* a missing file is a read error */
  {
    g_autofree char *missing = g_build_filename (dir.path, "missing.peyvand", NULL);
    g_autoptr (GError) error = NULL;

    g_assert_null (pv_project_load (missing, &error));
    g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_READ);
    g_assert_nonnull (strstr (error->message, missing));
  }
}

/* Project files that are not files to read: one of 200 MiB (sparse), a
 * FIFO and a folder.  Each is refused at once, naming it, none is read or
 * opened (the FIFO would block), and a save there leaves it as it is. */
static void
test_load_not_a_project_file (void)
{
  g_auto (TempDir) dir = { 0 };
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autofree char *huge = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *folder = NULL;
  int fd;

  temp_dir_init (&dir);
  huge = g_build_filename (dir.path, "huge.peyvand", NULL);
  fifo = g_build_filename (dir.path, "pipe.peyvand", NULL);
  folder = g_build_filename (dir.path, "folder.peyvand", NULL);

  fd = g_open (huge, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)200 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  {
    const char *paths[] = { huge, fifo, folder };
    const char *reasons[] = {
      "too large (200.0 MiB; Peyvand reads projects of up to 144 MiB)",
      "not a regular file",
      "not a regular file",
    };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr (GError) error = NULL;
        g_autofree char *expected = g_strdup_printf ("%s: %s", paths[i], reasons[i]);
        gint64 start = g_get_monotonic_time ();

        g_assert_null (pv_project_load (paths[i], &error));
        g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
        g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_READ);
        g_assert_cmpstr (error->message, ==, expected);
      }
  }

  /* the large file is not a project: a save does not replace it */
  {
    g_autoptr (GError) error = NULL;
    GStatBuf info;

    g_assert_false (pv_project_save (project, huge, &error));
    g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PROTECTED);
    g_assert_nonnull (strstr (error->message, huge));
    g_assert_cmpint (g_stat (huge, &info), ==, 0);
    g_assert_cmpint (info.st_size, ==, (goffset)200 * 1024 * 1024);
  }

  /* nothing else was left in the folder */
  {
    g_autoptr (GDir) listing = g_dir_open (dir.path, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 3);
  }
}

/* ---------------------------------------------------------------------- */
/* The article                                                             */

static void
test_article_changed (void)
{
  g_auto (TempDir) dir = { 0 };
  g_autofree char *article = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *old_sha = NULL;
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = NULL;
  g_autoptr (PvAnalysis) reanalyzed = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (PvEditResult) result = { 0 };
  gssize old_offset, new_offset;
  gsize length = 0;

  temp_dir_init (&dir);
  article = copy_sample (&dir);
  project = sample_project (article);
  base = pv_project_analyze (project, test_knowledge ());
  g_ptr_array_add (project->edits, alias_edit (base, "دولت", 0, "country:RU"));
  g_ptr_array_add (project->edits,
                   pv_edit_new_rename ("country:RU", "روسیه‌ی پوتین", NULL));
  old_offset = find_text (base, "دولت", 0);

  g_assert_cmpint (pv_project_check_article (project, &error), ==, PV_ARTICLE_SAME);
  g_assert_no_error (error);

  /* a line added at the top: every offset moves */
  contents = read_file (article, &length);
  changed = g_strconcat ("خبر فوری\n\n", contents, NULL);
  write_file (article, changed, -1);
  g_assert_cmpint (pv_project_check_article (project, &error), ==, PV_ARTICLE_CHANGED);
  g_assert_no_error (error);

  /* re-analyze, keeping the edits */
  old_sha = g_strdup (project->article_sha256);
  g_assert_true (pv_project_reload_article (project, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (project->article_sha256, !=, old_sha);
  g_assert_true (g_str_has_prefix (project->article_text, "خبر فوری"));
  g_assert_cmpint (pv_project_check_article (project, &error), ==, PV_ARTICLE_SAME);
  reanalyzed = pv_project_analyze (project, test_knowledge ());
  pv_project_apply_edits (project, reanalyzed, &result);
  g_assert_cmpuint (result.skipped->len, ==, 0);
  new_offset = find_text (reanalyzed, "دولت", 0);
  g_assert_cmpint (new_offset, ==, old_offset + 10);
  g_assert_cmpint (pv_analysis_node_at (reanalyzed, (gsize)new_offset), ==,
                   pv_analysis_find_node (reanalyzed, "country:RU"));
  g_assert_cmpstr (test_node (reanalyzed, "country:RU")->label, ==, "روسیه‌ی پوتین");

  /* gone: reported, and the project still opens from its own copy */
  g_assert_cmpint (g_unlink (article), ==, 0);
  g_assert_cmpint (pv_project_check_article (project, &error), ==, PV_ARTICLE_UNAVAILABLE);
  g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_ARTICLE);
  g_assert_nonnull (strstr (error->message, article));
  g_clear_error (&error);
  g_assert_false (pv_project_reload_article (project, &error));
  g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_ARTICLE);
  g_clear_error (&error);
  g_assert_true (g_str_has_prefix (project->article_text, "خبر فوری"));

  /* an article from standard input has no file to compare */
  {
    g_autoptr (PvDocument) document = pv_document_new_from_text ("-", "متن", -1);
    g_autoptr (PvProject) piped = pv_project_new (document, NULL);

    g_assert_null (piped->article_path);
    g_assert_null (piped->article_sha256);
    g_assert_cmpint (pv_project_check_article (piped, &error), ==, PV_ARTICLE_UNAVAILABLE);
    g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_ARTICLE);
  }
}

/* ---------------------------------------------------------------------- */
/* Atomic saves                                                            */

/* The temporary files in `folder`; only those of process `pid` unless 0. */
static guint
count_temporaries (const char *folder, GPid pid, GPtrArray *names)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *infix = g_strdup_printf (".%d.", (int)pid);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".tmp") && (pid == 0 || strstr (name, infix) != NULL))
      {
        n++;
        if (names != NULL)
          g_ptr_array_add (names, g_strdup (name));
      }
  return n;
}

static void
test_save_keeps_mode (void)
{
  g_auto (TempDir) dir = { 0 };
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autofree char *path = NULL;
  g_autofree char *link = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf info;

  temp_dir_init (&dir);
  path = g_build_filename (dir.path, "a.peyvand", NULL);
  link = g_build_filename (dir.path, "link.peyvand", NULL);
  g_assert_true (pv_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (pv_project_save (project, path, &error));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0640);

  /* through a symbolic link, the file it names is replaced */
  g_assert_cmpint (symlink ("a.peyvand", link), ==, 0);
  g_ptr_array_add (project->edits, pv_edit_new_hide ("country:TR"));
  g_assert_true (pv_project_save (project, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  {
    g_autoptr (PvProject) loaded = pv_project_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (loaded->edits->len, ==, 1);
  }
  g_assert_cmpuint (count_temporaries (dir.path, 0, NULL), ==, 0);

  /* a folder is not replaced */
  {
    g_autofree char *folder = g_build_filename (dir.path, "folder.peyvand", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_false (pv_project_save (project, folder, &error));
    g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_WRITE);
    g_clear_error (&error);
  }
  /* nor can one be written where there is no folder */
  {
    g_autofree char *nowhere = g_build_filename (dir.path, "no", "such", "x.peyvand", NULL);

    g_assert_false (pv_project_save (project, nowhere, &error));
    g_assert_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_WRITE);
    g_assert_nonnull (strstr (error->message, nowhere));
  }
}

/* A large project, so that a save takes a while. */
static PvProject *
large_project (void)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < 1500; i++)
    g_string_append (text, project->article_text);
  g_free (project->article_text);
  project->article_text = g_string_free (g_steal_pointer (&text), FALSE);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *label = g_strdup_printf ("نام %u", i);

      g_ptr_array_add (project->edits, pv_edit_new_rename ("country:RU", label, NULL));
    }
  return g_steal_pointer (&project);
}

/* The process dies in the middle of a save: the project file is the one
 * before, or the one after, never a piece of either. */
static void
test_kill_mid_save (void)
{
  const char *child = g_getenv ("PEYVAND_TEST_SAVE_CHILD");
  g_autofree char *built_child = g_test_build_filename (G_TEST_BUILT, "project-save-child", NULL);
  g_auto (TempDir) dir = { 0 };
  g_autoptr (PvProject) project = NULL;
  g_autoptr (GPtrArray) leftovers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  guint mid_save = 0;
  guint rounds = 4;

  /* meson names it; run by hand, it sits next to this test */
  if (child == NULL)
    child = built_child;
  g_assert_true (g_file_test (child, G_FILE_TEST_IS_EXECUTABLE));

  temp_dir_init (&dir);
  path = g_build_filename (dir.path, "large.peyvand", NULL);
  project = large_project ();
  g_assert_true (pv_project_save (project, path, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < rounds; round++)
    {
      const char *argv[] = { child, path, NULL };
      g_autoptr (PvProject) survivor = NULL;
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
      GPid pid;
      int status = 0;

      g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                     &error);
      g_assert_no_error (error);

      /* as soon as the child has a temporary file, it is saving: kill it */
      while (count_temporaries (dir.path, pid, NULL) == 0 && g_get_monotonic_time () < deadline)
        g_usleep (50);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* the project file is whole */
      survivor = pv_project_load (path, &error);
      g_assert_no_error (error);
      assert_same_text (survivor->article_text, project->article_text);
      g_assert_cmpuint (survivor->edits->len, ==, project->edits->len);
      /* its temporary file is left: it died before the rename */
      if (count_temporaries (dir.path, pid, NULL) > 0)
        mid_save++;
    }
  /* at least one kill caught a save half done (its temporary file is left) */
  g_test_message ("%u of %u kills in the middle of a save", mid_save, rounds);
  g_assert_cmpuint (mid_save, >, 0);

  /* what a killed save leaves is never taken for a project */
  count_temporaries (dir.path, 0, leftovers);
  for (guint i = 0; i < leftovers->len; i++)
    {
      const char *name = g_ptr_array_index (leftovers, i);

      g_assert_true (name[0] == '.');
      g_assert_false (g_str_has_suffix (name, PV_PROJECT_EXTENSION));
    }

  /* and the next save clears it away */
  g_assert_true (pv_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_temporaries (dir.path, 0, NULL), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Autosave                                                                */

static void
set_mtime (const char *path, gint64 seconds_ago)
{
  struct timeval times[2];

  gettimeofday (&times[0], NULL);
  times[0].tv_sec -= seconds_ago;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
}

static void
test_autosave (void)
{
  g_auto (TempDir) dir = { 0 };
  g_autoptr (PvProject) project = NULL;
  g_autoptr (PvAnalysis) base = sample_analysis (&project);
  g_autoptr (GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *path = NULL;
  g_autofree char *for_project = NULL;
  g_autofree char *for_article = NULL;
  g_autofree char *found = NULL;
  g_autofree char *autosave_folder = NULL;

  temp_dir_init (&dir);
  state = g_build_filename (dir.path, "state", NULL);
  path = g_build_filename (dir.path, "work.peyvand", NULL);
  autosave_folder = g_build_filename (state, "peyvand", "autosave", NULL);

  for_project = pv_project_autosave_path (state, path, project->article_path);
  for_article = pv_project_autosave_path (state, NULL, project->article_path);
  g_assert_true (g_str_has_prefix (for_project, autosave_folder));
  g_assert_true (g_str_has_suffix (for_project, PV_PROJECT_EXTENSION));
  g_assert_cmpstr (for_project, !=, for_article);
  g_assert_null (pv_project_autosave_path (state, NULL, NULL));
  g_assert_null (pv_project_autosave_path (state, NULL, "-"));
  {
    g_autofree char *relative = NULL;
    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *absolute = g_build_filename (cwd, "x.peyvand", NULL);
    g_autofree char *via_absolute = pv_project_autosave_path (state, absolute, NULL);

    relative = pv_project_autosave_path (state, "x.peyvand", NULL);
    g_assert_cmpstr (relative, ==, via_absolute);
  }

  /* an article not saved as a project yet: its autosave is found by it */
  g_assert_null (pv_project_find_autosave (state, NULL, project->article_path));
  g_ptr_array_add (project->edits, pv_edit_new_hide ("country:TR"));
  g_assert_true (pv_project_autosave (project, state, NULL, &error));
  g_assert_no_error (error);
  found = pv_project_find_autosave (state, NULL, project->article_path);
  g_assert_cmpstr (found, ==, for_article);
  {
    g_autoptr (PvProject) recovered = pv_project_load (found, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (recovered->edits->len, ==, 1);
  }
  pv_project_discard_autosave (state, NULL, project->article_path);
  g_assert_null (pv_project_find_autosave (state, NULL, project->article_path));
  g_clear_pointer (&found, g_free);

  /* a saved project: its autosave is offered only when newer */
  g_assert_true (pv_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_null (pv_project_find_autosave (state, path, project->article_path));
  g_ptr_array_add (project->edits, pv_edit_new_hide ("country:SY"));
  g_assert_true (pv_project_autosave (project, state, path, &error));
  g_assert_no_error (error);
  set_mtime (path, 60);
  found = pv_project_find_autosave (state, path, project->article_path);
  g_assert_cmpstr (found, ==, for_project);
  {
    g_autoptr (PvProject) recovered = pv_project_load (found, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (recovered->edits->len, ==, 2);
  }
  set_mtime (found, 120);
  g_assert_null (pv_project_find_autosave (state, path, project->article_path));
  pv_project_discard_autosave (state, path, NULL);
  g_assert_false (g_file_test (for_project, G_FILE_TEST_EXISTS));

  /* the project file itself is gone: its autosave is offered */
  g_assert_true (pv_project_autosave (project, state, path, &error));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_clear_pointer (&found, g_free);
  found = pv_project_find_autosave (state, path, NULL);
  g_assert_cmpstr (found, ==, for_project);
  pv_project_discard_autosave (state, path, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/edit/json", test_edit_json);
  g_test_add_func ("/project/apply/nothing", test_apply_nothing);
  g_test_add_func ("/project/apply/each", test_apply_each);
  g_test_add_func ("/project/apply/skipped", test_apply_skipped);
  g_test_add_func ("/project/history", test_history);
  g_test_add_func ("/project/save-load", test_save_load);
  g_test_add_func ("/project/load-refused", test_load_refused);
  g_test_add_func ("/project/load-not-a-file", test_load_not_a_project_file);
  g_test_add_func ("/project/article-changed", test_article_changed);
  g_test_add_func ("/project/save/mode-and-links", test_save_keeps_mode);
  g_test_add_func ("/project/save/kill", test_kill_mid_save);
  g_test_add_func ("/project/autosave", test_autosave);

  return g_test_run ();
}
