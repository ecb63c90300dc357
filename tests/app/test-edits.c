/* test-edits.c: merging, renaming and hiding nodes with undo and redo, and
 * project files, under a display (Xvfb)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gstdio.h>

#include "pv-window-edits.h"
#include "test-app-util.h"

#define PUTIN "person:vladimir-putin"
#define ROUHANI "person:hassan-rouhani"
#define NEW_LABEL "روحانیِ ویرایش‌شده"

static PvApplication *application;
static const char *sample_path;
static char *tmp_dir;

/* What the graph shows, as one string: ids, labels, types, mention counts,
 * and the edges. */
static char *
signature (const PvAnalysis *analysis)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      g_string_append_printf (s, "%s|%s|%d|%u\n", node->id, node->label, node->type,
                              node->mentions->len);
    }
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      g_string_append_printf (s, "%u-%u:%u\n", edge->source, edge->target, edge->weight);
    }
  return g_string_free (s, FALSE);
}

static const PvNode *
node_by_id (PvWindow *window, const char *id)
{
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int i = pv_analysis_find_node (analysis, id);

  return i >= 0 ? g_ptr_array_index (analysis->nodes, i) : NULL;
}

/* The graph and the article show the window's analysis. */
static void
assert_views_show (PvWindow *window, const char *id, gsize offset)
{
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int expected = id != NULL ? pv_analysis_find_node (analysis, id) : -1;

  g_assert_true (pv_graph_view_get_analysis (pv_window_get_graph_view (window)) == analysis);
  g_assert_cmpint (pv_article_view_activate_offset (pv_window_get_article_view (window), offset),
                   ==, expected);
}

static gsize
first_mention (const PvNode *node)
{
  return g_array_index (node->mentions, PvMention, 0).start;
}

static char *
read_bytes (const char *path, gsize *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
test_edits_and_projects (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_auto (GStrv) states = g_new0 (char *, 4 + 1); /* four states, NULL-terminated */
  g_autofree char *project_path = g_build_filename (tmp_dir, "sample.peyvand", NULL);
  g_autofree char *corrupt_path = g_build_filename (tmp_dir, "corrupt.peyvand", NULL);
  g_autofree char *future_path = g_build_filename (tmp_dir, "future.peyvand", NULL);
  g_autofree char *shot = g_build_filename (
      g_getenv ("PEYVAND_SHOT_DIR") != NULL ? g_getenv ("PEYVAND_SHOT_DIR") : tmp_dir, "edits.png",
      NULL);
  g_autoptr (GError) error = NULL;
  const PvAnalysis *analysis;
  const PvNode *absorbed, *kept, *putin;
  g_autofree char *absorbed_id = NULL;
  g_autofree char *kept_id = NULL;
  gsize absorbed_offset, putin_offset;
  guint n, kept_mentions;

  open_and_wait (window, &events, sample_path);
  analysis = pv_window_get_analysis (window);
  g_assert_nonnull (analysis);
  g_assert_nonnull (pv_window_get_project (window));
  g_assert_false (pv_window_get_modified (window));
  n = analysis->nodes->len;
  g_assert_cmpuint (n, >=, 4);
  states[0] = signature (analysis);

  /* two nodes that are neither Putin nor Rouhani */
  for (guint i = 0; i < n && kept_id == NULL; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      if (g_str_equal (node->id, PUTIN) || g_str_equal (node->id, ROUHANI))
        continue;
      if (absorbed_id == NULL)
        absorbed_id = g_strdup (node->id);
      else
        kept_id = g_strdup (node->id);
    }
  g_assert_nonnull (kept_id);
  absorbed = node_by_id (window, absorbed_id);
  kept = node_by_id (window, kept_id);
  kept_mentions = absorbed->mentions->len + kept->mentions->len;
  absorbed_offset = first_mention (absorbed);
  putin = node_by_id (window, PUTIN);
  g_assert_nonnull (putin);
  putin_offset = first_mention (putin);

  /* merge, from the node's menu: select it, then the action */
  pv_window_select_node (window, pv_analysis_find_node (pv_window_get_analysis (window), PUTIN));
  pv_window_do_edit (window, pv_edit_new_merge (absorbed_id, kept_id));
  g_assert_true (pv_window_get_modified (window));
  g_assert_cmpuint (pv_window_get_analysis (window)->nodes->len, ==, n - 1);
  g_assert_null (node_by_id (window, absorbed_id));
  g_assert_cmpuint (node_by_id (window, kept_id)->mentions->len, ==, kept_mentions);
  assert_views_show (window, kept_id, absorbed_offset);
  states[1] = signature (pv_window_get_analysis (window));

  /* rename */
  pv_window_do_edit (window, pv_edit_new_rename (ROUHANI, NEW_LABEL, NULL));
  g_assert_cmpstr (node_by_id (window, ROUHANI)->label, ==, NEW_LABEL);
  g_assert_cmpuint (pv_window_get_analysis (window)->nodes->len, ==, n - 1);
  states[2] = signature (pv_window_get_analysis (window));

  /* hide, through the node's menu action */
  pv_window_select_node (window, pv_analysis_find_node (pv_window_get_analysis (window), PUTIN));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.node-hide", NULL));
  g_assert_null (node_by_id (window, PUTIN));
  g_assert_cmpuint (pv_window_get_analysis (window)->nodes->len, ==, n - 2);
  assert_views_show (window, NULL, putin_offset);
  states[3] = signature (pv_window_get_analysis (window));

  /* a right-click on a node selects it and opens its menu */
  {
    PvGraphView *view = pv_window_get_graph_view (window);
    int rouhani = pv_analysis_find_node (pv_window_get_analysis (window), ROUHANI);
    double x, y;

    wait_settled (window);
    g_assert_true (pv_graph_view_get_node_point (view, rouhani, &x, &y));
    pv_graph_view_popup_node_menu (view, rouhani, x, y);
    g_assert_cmpint (pv_graph_view_get_selected_node (view), ==, rouhani);
    pv_graph_view_close_node_menu (view);
  }

  wait_settled (window);
  g_assert_true (pv_window_save_png (window, shot, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", shot);

  /* undo, step by step (Ctrl+Z's action) */
  for (int k = 2; k >= 0; k--)
    {
      g_autofree char *now = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      now = signature (pv_window_get_analysis (window));
      g_assert_cmpstr (now, ==, states[k]);
    }
  g_assert_false (pv_window_undo (window));
  assert_views_show (window, PUTIN, putin_offset);
  assert_views_show (window, absorbed_id, absorbed_offset);

  /* redo (Ctrl+Shift+Z's action) */
  for (int k = 1; k <= 3; k++)
    {
      g_autofree char *now = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
      now = signature (pv_window_get_analysis (window));
      g_assert_cmpstr (now, ==, states[k]);
    }
  g_assert_false (pv_window_redo (window));

  /* autosave, for recovery */
  g_assert_true (pv_window_autosave (window, &error));
  g_assert_no_error (error);
  {
    g_autofree char *autosave = pv_project_find_autosave (NULL, NULL, sample_path);

    g_assert_nonnull (autosave);
  }

  /* save, close, open again; the view settings go with the project */
  pv_graph_view_set_type_visible (pv_window_get_graph_view (window), PV_ENTITY_TOPIC, FALSE);
  pv_graph_view_set_min_edge_weight (pv_window_get_graph_view (window), 2);
  pv_graph_view_set_labels (pv_window_get_graph_view (window), PV_LABELS_BOTH);
  g_assert_true (pv_window_save_project (window, project_path, &error));
  g_assert_no_error (error);
  g_assert_false (pv_window_get_modified (window));
  g_assert_cmpstr (pv_window_get_project_path (window), ==, project_path);
  close_window (window, &events);

  window = new_window (application, &events);
  open_and_wait (window, &events, project_path);
  {
    g_autofree char *now = signature (pv_window_get_analysis (window));

    g_assert_cmpstr (now, ==, states[3]);
  }
  g_assert_cmpstr (pv_window_get_project_path (window), ==, project_path);
  g_assert_false (pv_window_get_modified (window));
  g_assert_false (
      pv_graph_view_get_type_visible (pv_window_get_graph_view (window), PV_ENTITY_TOPIC));
  g_assert_true (
      pv_graph_view_get_type_visible (pv_window_get_graph_view (window), PV_ENTITY_PERSON));
  g_assert_cmpuint (pv_graph_view_get_min_edge_weight (pv_window_get_graph_view (window)), ==, 2);
  g_assert_cmpint (pv_graph_view_get_labels (pv_window_get_graph_view (window)), ==,
                   PV_LABELS_BOTH);
  /* the edits can be undone after opening too */
  g_assert_true (pv_window_undo (window));
  {
    g_autofree char *now = signature (pv_window_get_analysis (window));

    g_assert_cmpstr (now, ==, states[2]);
  }

  /* a corrupt project: reported, naming the file, and left as it is */
  {
    static const char corrupt[] = "{\"schema\": \"peyvand/project/1\", \"edits\": [";
    g_autoptr (GFile) file = g_file_new_for_path (corrupt_path);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *shown = signature (pv_window_get_analysis (window));
    g_autofree char *still = NULL;
    gsize length;

    g_assert_true (g_file_set_contents (corrupt_path, corrupt, -1, NULL));
    events.load_failed = FALSE;
    pv_window_open_file (window, file);
    g_assert_true (events.load_failed);
    g_assert_nonnull (strstr (events.message, "corrupt.peyvand"));
    still = signature (pv_window_get_analysis (window));
    g_assert_cmpstr (still, ==, shown);

    g_assert_false (pv_window_save_project (window, corrupt_path, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    after = read_bytes (corrupt_path, &length);
    g_assert_cmpmem (after, length, corrupt, sizeof corrupt - 1);
    before = NULL;
  }

  /* a project of a newer schema: reported, and never overwritten */
  {
    g_autofree char *saved = NULL;
    g_autofree char *future = NULL;
    g_autofree char *after = NULL;
    g_autoptr (GFile) file = g_file_new_for_path (future_path);
    g_autoptr (GString) text = NULL;
    gsize length, after_length;

    saved = read_bytes (project_path, &length);
    text = g_string_new (saved);
    g_assert_cmpuint (g_string_replace (text, PV_PROJECT_SCHEMA, "peyvand/project/99", 1), ==, 1);
    future = g_strdup (text->str);
    g_assert_true (g_file_set_contents (future_path, future, -1, NULL));

    events.load_failed = FALSE;
    pv_window_open_file (window, file);
    g_assert_true (events.load_failed);
    g_assert_nonnull (strstr (events.message, "future.peyvand"));

    g_assert_false (pv_window_save_project (window, future_path, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    after = read_bytes (future_path, &after_length);
    g_assert_cmpmem (after, after_length, future, strlen (future));
  }

  close_window (window, &events);
  pv_project_discard_autosave (NULL, project_path, sample_path);
  pv_project_discard_autosave (NULL, NULL, sample_path);
}

/* An autosave is offered back when the article is opened again. */
static void
test_recovery (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autoptr (GError) error = NULL;
  g_autofree char *edited = NULL;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels;

  open_and_wait (window, &events, sample_path);
  pv_window_do_edit (window, pv_edit_new_hide (PUTIN));
  edited = signature (pv_window_get_analysis (window));
  g_assert_true (pv_window_autosave (window, &error));
  g_assert_no_error (error);
  close_window (window, &events);

  window = new_window (application, &events);
  open_and_wait (window, &events, sample_path);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) &&
          gtk_window_get_transient_for (GTK_WINDOW (item)) == GTK_WINDOW (window))
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "recover");
  {
    g_autofree char *now = signature (pv_window_get_analysis (window));

    g_assert_cmpstr (now, ==, edited);
  }
  g_assert_true (pv_window_get_modified (window));
  close_window (window, &events);
  pv_project_discard_autosave (NULL, NULL, sample_path);
}

/* The article changed since the project was saved: re-analyzing it keeps
 * the edits on the new text. */
static void
test_article_changed (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autofree char *article = g_build_filename (tmp_dir, "changing.txt", NULL);
  g_autofree char *project = g_build_filename (tmp_dir, "changing.peyvand", NULL);
  g_autofree char *text = NULL;
  g_autofree char *longer = NULL;
  g_autoptr (GError) error = NULL;
  static const char added[] = "خبر تازه: این سطر بعد از ذخیره افزوده شد.\n";

  g_assert_true (g_file_get_contents (sample_path, &text, NULL, &error));
  g_assert_true (g_file_set_contents (article, text, -1, &error));
  open_and_wait (window, &events, article);
  pv_window_do_edit (window, pv_edit_new_rename (ROUHANI, NEW_LABEL, NULL));
  g_assert_true (pv_window_save_project (window, project, &error));
  g_assert_no_error (error);
  close_window (window, &events);

  longer = g_strconcat (added, text, NULL);
  g_assert_true (g_file_set_contents (article, longer, -1, &error));

  window = new_window (application, &events);
  open_and_wait (window, &events, project);
  /* the project's own copy is shown until the user asks for the new text */
  g_assert_false (g_str_has_prefix (pv_window_get_analysis (window)->document->text, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reanalyze", NULL));
  events.analysis_done = FALSE;
  run_until (&events.analysis_done, "the analysis of the changed article");
  g_assert_true (g_str_has_prefix (pv_window_get_analysis (window)->document->text, added));
  g_assert_cmpstr (node_by_id (window, ROUHANI)->label, ==, NEW_LABEL);
  g_assert_true (pv_window_get_modified (window));
  close_window (window, &events);
}

int
main (int argc, char *argv[])
{
  int status;

  /* autosaves in a folder of this test's own */
  tmp_dir = g_dir_make_tmp ("peyvand-edits-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  application = test_app_init (&argc, &argv);
  if (application == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  sample_path = g_getenv ("PEYVAND_SAMPLE");
  g_assert_nonnull (sample_path);

  g_test_add_func ("/app/edits/merge-rename-hide-undo-save", test_edits_and_projects);
  g_test_add_func ("/app/edits/recovery", test_recovery);
  g_test_add_func ("/app/edits/article-changed", test_article_changed);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
