/* test-app.c: the application window, under a display (Xvfb)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "test-app-util.h"

static PvApplication *application;
static const char *sample_path;

/* Checks that a picture of the window shows text (dark pixels) and, when
 * `highlights` is set, coloured highlights (saturated pixels), below the
 * header bar. */
static void
assert_png_shows_article (const char *path, int width, int height, gboolean highlights)
{
  PixelCounts all, body;

  count_png_pixels (path, 0, 0, G_MAXINT, G_MAXINT, &all);
  if (width > 0)
    {
      g_assert_cmpint (all.width, ==, width);
      g_assert_cmpint (all.height, ==, height);
    }
  g_assert_cmpuint (all.different, >, 0);

  count_png_pixels (path, 0, 80, G_MAXINT, G_MAXINT, &body);
  g_assert_cmpuint (body.dark, >, 2000);
  if (highlights)
    g_assert_cmpuint (body.saturated, >, 500);
}

/* Tests --------------------------------------------------------------------- */

static void
test_text (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = pv_document_load_file (sample_path, &error);
  g_autofree char *text = NULL;
  g_autofree char *basename = g_path_get_basename (sample_path);
  GtkTextBuffer *buffer;
  GtkWidget *view;
  const PangoFontDescription *font;
  g_autofree char *font_name = NULL;
  double points;
  const char *title;

  g_assert_no_error (error);
  g_assert_null (pv_window_get_document (window));

  open_and_wait (window, &events, sample_path);

  buffer = pv_window_get_buffer (window);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, (int)document->length);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, document->text);
  g_assert_cmpuint (count_zwnj (text), ==, count_zwnj (document->text));

  g_assert_cmpuint (pv_window_get_document (window)->length, ==, document->length);
  title = document->title != NULL ? document->title : basename;
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  /* The style sheet gives the text a Persian font at a reading size. */
  view = GTK_WIDGET (pv_article_view_get_text_view (pv_window_get_article_view (window)));
  font = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  font_name = pango_font_description_to_string (font);
  g_test_message ("text font: %s", font_name);
  g_assert_nonnull (strstr (pango_font_description_get_family (font), "Noto Naskh Arabic"));
  points = (double)pango_font_description_get_size (font) / PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    points *= 72.0 / 96.0; /* GTK's CSS pixels */
  g_assert_cmpfloat_with_epsilon (points, 14.0, 0.1);

  close_window (window, &events);
}

static void
test_highlights (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  PvArticleView *view;
  GtkTextBuffer *buffer;
  const PvAnalysis *analysis;
  GtkTextTag *furniture;
  gsize length;
  g_autofree gboolean *expected = NULL;
  guint mentions = 0;

  open_and_wait (window, &events, sample_path);

  analysis = pv_window_get_analysis (window);
  g_assert_no_error ((GError *)pv_window_get_analysis_error (window));
  g_assert_nonnull (analysis);
  g_assert_cmpuint (analysis->nodes->len, >, 0);

  view = pv_window_get_article_view (window);
  buffer = pv_window_get_buffer (window);
  length = (gsize)gtk_text_buffer_get_char_count (buffer);
  g_assert_cmpuint (analysis->document->length, ==, length);
  g_assert_cmpuint (analysis->body_end, <=, length);

  /* Each type's tag covers exactly its nodes' mentions. */
  expected = g_new0 (gboolean, length * PV_N_ENTITY_TYPES);
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      g_assert_cmpuint (node->type, <, PV_N_ENTITY_TYPES);
      for (guint j = 0; j < node->mentions->len; j++)
        {
          const PvMention *m = &g_array_index (node->mentions, PvMention, j);

          g_assert_cmpuint (m->start, <, m->end);
          g_assert_cmpuint (m->end, <=, length);
          for (gsize k = m->start; k < m->end; k++)
            expected[node->type * length + k] = TRUE;
          mentions++;
        }
    }
  g_assert_cmpuint (mentions, >, 0);

  furniture = pv_article_view_get_furniture_tag (view);
  for (gsize k = 0; k < length; k++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int)k);
      for (guint t = 0; t < PV_N_ENTITY_TYPES; t++)
        {
          GtkTextTag *tag = pv_article_view_get_entity_tag (view, t);

          if (gtk_text_iter_has_tag (&iter, tag) != expected[t * length + k])
            g_error ("offset %" G_GSIZE_FORMAT ": tag %u is %s but should not be", k, t,
                     expected[t * length + k] ? "missing" : "present");
        }
      if (gtk_text_iter_has_tag (&iter, furniture) != (k >= analysis->body_end))
        g_error ("offset %" G_GSIZE_FORMAT ": furniture tag wrong (body ends at %" G_GSIZE_FORMAT
                 ")",
                 k, analysis->body_end);
    }

  close_window (window, &events);
}

static void
test_direction (void)
{
  static const char mixed[] = "Peyvand shows the article with the entities it mentions.\n"
                              "\n"
                              "روسیه و ایران در زمینه مقابله با ویروس همکاری "
                              "می‌کنند.\n";
  Events events = { 0 };
  PvWindow *window;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GdkRectangle visible, latin, persian;
  int fd;

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  fd = g_file_open_tmp ("peyvand-mixed-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, mixed, -1, &error);
  g_assert_no_error (error);

  window = new_window (application, &events);
  open_and_wait (window, &events, path);
  wait_frames (window, 3);

  view = pv_article_view_get_text_view (pv_window_get_article_view (window));
  buffer = pv_window_get_buffer (window);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, mixed);
  g_assert_cmpuint (count_zwnj (text), ==, 1);

  /* Each paragraph takes the direction of its first strong character, not
   * the widget's: the Latin one starts at the left, the Persian one at the
   * right. */
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  gtk_text_view_get_iter_location (view, &iter, &latin);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
  gtk_text_view_get_iter_location (view, &iter, &persian);
  g_test_message ("visible width %d, Latin paragraph starts at x=%d, Persian at x=%d",
                  visible.width, latin.x, persian.x);
  g_assert_cmpint (visible.width, >, 400);
  g_assert_cmpint (latin.x, <, visible.width / 4);
  g_assert_cmpint (persian.x, >, visible.width * 3 / 4);

  close_window (window, &events);
  g_unlink (path);
}

static void
test_unreadable (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autofree char *dir = g_dir_make_tmp ("peyvand-test-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing-article.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (missing);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const PvDocument *document;
  const PvAnalysis *analysis;

  open_and_wait (window, &events, sample_path);
  before = buffer_text (pv_window_get_buffer (window));
  document = pv_window_get_document (window);
  analysis = pv_window_get_analysis (window);

  events.load_failed = FALSE;
  pv_window_open_file (window, file);
  run_until (&events.load_failed, "the load to fail");

  g_assert_nonnull (events.message);
  g_test_message ("message: %s", events.message);
  g_assert_nonnull (strstr (events.message, "missing-article.txt"));

  /* What was shown stays. */
  after = buffer_text (pv_window_get_buffer (window));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (pv_window_get_document (window) == document);
  g_assert_true (pv_window_get_analysis (window) == analysis);
  g_assert_false (pv_window_get_busy (window));

  close_window (window, &events);
  g_rmdir (dir);
}

/* The article takes the reading side: the right in a right-to-left
 * locale, the left in a left-to-right one; the graph the other. */
static void
assert_article_side (GtkTextDirection direction)
{
  Events events = { 0 };
  PvWindow *window;
  graphene_rect_t article, graph;

  gtk_widget_set_default_direction (direction);
  window = new_window (application, &events);
  open_and_wait (window, &events, sample_path);
  wait_frames (window, 3);

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (pv_window_get_article_view (window)),
                                            GTK_WIDGET (window), &article));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (pv_window_get_graph_panel (window)),
                                            GTK_WIDGET (window), &graph));
  g_test_message ("%s: article at x=%g (%g wide), graph at x=%g (%g wide)",
                  direction == GTK_TEXT_DIR_RTL ? "RTL" : "LTR", article.origin.x,
                  article.size.width, graph.origin.x, graph.size.width);
  g_assert_cmpfloat (article.size.width, >, 200);
  g_assert_cmpfloat (graph.size.width, >, 200);
  if (direction == GTK_TEXT_DIR_RTL)
    g_assert_cmpfloat (article.origin.x, >, graph.origin.x);
  else
    g_assert_cmpfloat (article.origin.x, <, graph.origin.x);

  close_window (window, &events);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
}

static void
test_panes_mirrored (void)
{
  assert_article_side (GTK_TEXT_DIR_RTL);
  assert_article_side (GTK_TEXT_DIR_LTR);
}

/* Opening a binary file: a message naming the file and the reason; the
 * article, its highlights and its graph stay. */
static void
test_binary (void)
{
  static const guint8 binary[] = { 0x7f, 'E',  'L',  'F',  2,    1,    1,    0,    0,    0,    0,
                                   0,    0,    0,    0,    0,    0x03, 0x00, 0x3e, 0x00, 0x01, 0x00,
                                   0x00, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x80, 0x81, 0x00, 0x00 };
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peyvand-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "program.bin", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const PvAnalysis *analysis;
  PvGraphView *graph;
  GtkTextIter iter;

  g_file_set_contents (path, (const char *)binary, sizeof binary, &error);
  g_assert_no_error (error);

  open_and_wait (window, &events, sample_path);
  wait_settled (window);
  before = buffer_text (pv_window_get_buffer (window));
  analysis = pv_window_get_analysis (window);
  graph = pv_window_get_graph_view (window);
  g_assert_true (pv_graph_view_get_analysis (graph) == analysis);

  events.load_failed = FALSE;
  pv_window_open_file (window, file);
  run_until (&events.load_failed, "the load to fail");

  g_test_message ("message: %s", events.message);
  g_assert_nonnull (strstr (events.message, "program.bin"));
  g_assert_false (events.analysis_done && pv_window_get_analysis (window) != analysis);

  after = buffer_text (pv_window_get_buffer (window));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (pv_window_get_analysis (window) == analysis);
  g_assert_true (pv_graph_view_get_analysis (graph) == analysis);
  g_assert_true (pv_window_get_graph_settled (window));
  /* the highlights too */
  gtk_text_buffer_get_iter_at_offset (pv_window_get_buffer (window), &iter, 0);
  g_assert_true (gtk_text_iter_has_tag (
      &iter,
      pv_article_view_get_entity_tag (pv_window_get_article_view (window), PV_ENTITY_PERSON)));

  close_window (window, &events);
  g_unlink (path);
  g_rmdir (dir);
}

/* A file dropped on the window opens in it. */
static void
test_drop (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autoptr (GFile) file = g_file_new_for_path (sample_path);
  g_auto (GValue) value = G_VALUE_INIT;
  g_auto (GValue) nothing = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);

  g_value_init (&nothing, G_TYPE_STRING);
  g_assert_false (pv_window_open_dropped (window, &nothing));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_slist_free (files);

  g_assert_true (pv_window_open_dropped (window, &value));
  run_until (&events.analysis_done, "the dropped file to be analyzed");
  g_assert_true (g_file_equal (pv_window_get_file (window), file));
  g_assert_nonnull (pv_window_get_analysis (window));

  close_window (window, &events);
}

/* A plain button of the window (not one of a menu's) bound to `data`, an
 * action name */
static gboolean
is_button_for_action (GtkWidget *widget, gconstpointer data)
{
  GType type = G_OBJECT_TYPE (widget);

  return (type == GTK_TYPE_BUTTON || type == GTK_TYPE_TOGGLE_BUTTON) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* The tooltips of the header bar, the graph's tool bar and the legend are
 * given once the first frame is painted (GTK asks the X server where the
 * pointer is for every tooltip it is given: pv-window.c), and then all are
 * there. */
static void
test_tooltips (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *panel = GTK_WIDGET (pv_window_get_graph_panel (window));
  g_autoptr (GPtrArray) widgets = g_ptr_array_new ();

  g_ptr_array_add (widgets, find_widget (root, ADW_TYPE_SPLIT_BUTTON));
  g_ptr_array_add (widgets, find_widget_where (root, is_primary_menu_button, NULL));
  g_ptr_array_add (widgets, find_widget_where (root, is_button_for_action, "win.export"));
  g_ptr_array_add (widgets, find_widget_where (root, is_button_for_action, "win.present"));
  g_ptr_array_add (widgets, find_widget_where (panel, is_button_for_action, "panel.fit"));
  g_ptr_array_add (widgets, find_widget_where (panel, is_button_for_action, "panel.inspector"));
  g_ptr_array_add (widgets, pv_graph_panel_get_search_entry (PV_GRAPH_PANEL (panel)));
  g_ptr_array_add (widgets, find_widget (panel, GTK_TYPE_SPIN_BUTTON));
  for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
    g_ptr_array_add (widgets, pv_graph_panel_get_type_button (PV_GRAPH_PANEL (panel), type));

  for (guint i = 0; i < widgets->len; i++)
    {
      g_assert_nonnull (widgets->pdata[i]);
      g_assert_null (gtk_widget_get_tooltip_text (widgets->pdata[i]));
    }

  open_and_wait (window, &events, sample_path);
  wait_frames (window, 2);
  for (guint i = 0; i < widgets->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widgets->pdata[i]);

      g_assert_nonnull (tooltip);
      g_assert_cmpuint (strlen (tooltip), >, 3);
    }

  close_window (window, &events);
}

/* An opened article joins the recent files that the Open button offers. */
static void
test_recent (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autoptr (GFile) file = g_file_new_for_path (sample_path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr (GtkRecentInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *other;
  Events other_events = { 0 };

  open_and_wait (window, &events, sample_path);
  info = gtk_recent_manager_lookup_item (manager, uri, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_recent_info_has_application (info, "peyvand"));

  /* The recent-files action opens it in another window. */
  other = GTK_WIDGET (new_window (application, &other_events));
  g_assert_true (gtk_widget_activate_action (other, "win.open-recent", "s", uri));
  run_until (&other_events.analysis_done, "the recent file to be analyzed");
  g_assert_true (g_file_equal (pv_window_get_file (PV_WINDOW (other)), file));

  close_window (PV_WINDOW (other), &other_events);
  close_window (window, &events);
}

/* The text size, the divider and the labels are kept in the settings
 * (memory backend in the tests), the text size shared by every window. */
static void
test_settings (void)
{
  Events events = { 0 };
  PvWindow *window;
  GSettings *settings = pv_application_get_settings (application);
  PvArticleView *view;
  PvGraphView *graph;
  g_autofree char *labels = NULL;

  g_assert_nonnull (settings);
  g_settings_set_double (settings, "font-size", 17);
  window = new_window (application, &events);
  view = pv_window_get_article_view (window);
  graph = pv_window_get_graph_view (window);
  g_assert_cmpfloat (pv_article_view_get_font_size (view), ==, 17);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-bigger", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings, "font-size"), ==, 18);
  g_settings_set_double (settings, "font-size", 12);
  g_assert_cmpfloat (pv_article_view_get_font_size (view), ==, 12);

  gtk_paned_set_position (pv_window_get_paned (window), 500);
  g_assert_cmpint (g_settings_get_int (settings, "pane-position"), ==, 500);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.graph-labels", "s", "english"));
  g_assert_cmpint (pv_graph_view_get_labels (graph), ==, PV_LABELS_ENGLISH);
  labels = g_settings_get_string (settings, "graph-labels");
  g_assert_cmpstr (labels, ==, "english");

  close_window (window, &events);
  g_settings_reset (settings, "font-size");
  g_settings_reset (settings, "pane-position");
  g_settings_reset (settings, "graph-labels");
}

/* Ctrl+plus, Ctrl+minus and Ctrl+0 change the article's text size. */
static void
test_text_size (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  PvArticleView *view = pv_window_get_article_view (window);
  GtkWidget *text = GTK_WIDGET (pv_article_view_get_text_view (view));
  const PangoFontDescription *font;
  double points;

  open_and_wait (window, &events, sample_path);
  g_assert_cmpfloat (pv_article_view_get_font_size (view), ==, PV_ARTICLE_VIEW_DEFAULT_FONT_SIZE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-bigger", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-bigger", NULL));
  g_assert_cmpfloat (pv_article_view_get_font_size (view), ==, 16);
  wait_frames (window, 2);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (text));
  points = (double)pango_font_description_get_size (font) / PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    points *= 72.0 / 96.0;
  g_assert_cmpfloat_with_epsilon (points, 16.0, 0.1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-smaller", NULL));
  g_assert_cmpfloat (pv_article_view_get_font_size (view), ==, 15);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-reset", NULL));
  g_assert_cmpfloat (pv_article_view_get_font_size (view), ==, PV_ARTICLE_VIEW_DEFAULT_FONT_SIZE);

  /* never below the smallest size */
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.text-smaller", NULL);
  g_assert_cmpfloat (pv_article_view_get_font_size (view), ==, PV_ARTICLE_VIEW_MIN_FONT_SIZE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.text-reset", NULL);

  close_window (window, &events);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The keyboard shortcuts window and the about dialog build from their
 * templates without a warning (warnings are fatal here). */
static void
test_dialogs (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_frames (window, 2);
  dialog = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (dialog);
  gtk_window_close (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  wait_frames (window, 2);
  dialog = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  close_window (window, &events);
}

static void
test_save_png (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peyvand-test-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "window.png", NULL);

  open_and_wait (window, &events, sample_path);
  wait_frames (window, 3);

  g_assert_true (pv_window_save_png (window, png, &error));
  g_assert_no_error (error);
  assert_png_shows_article (png, gtk_widget_get_width (GTK_WIDGET (window)),
                            gtk_widget_get_height (GTK_WIDGET (window)), TRUE);

  close_window (window, &events);
  g_unlink (png);
  g_rmdir (dir);
}

/* An article that names no entity: the graph panel says so (its page is
 * made only then), and goes back to the graph for one that does. */
static void
test_no_entities (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  GtkWidget *panel = GTK_WIDGET (pv_window_get_graph_panel (window));
  g_autofree char *dir = g_dir_make_tmp ("peyvand-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plain.txt", NULL);
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, "این یک جملهٔ ساده است و نامی در آن نیست.\n", -1, NULL));
  open_and_wait (window, &events, sample_path);
  wait_frames (window, 2);
  g_assert_null (find_widget (panel, ADW_TYPE_STATUS_PAGE));

  open_and_wait (window, &events, path);
  wait_frames (window, 2);
  g_assert_cmpuint (pv_window_get_analysis (window)->nodes->len, ==, 0);
  page = find_widget (panel, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Entities");

  open_and_wait (window, &events, sample_path);
  wait_frames (window, 2);
  g_assert_false (gtk_widget_get_visible (page));

  close_window (window, &events);
  g_unlink (path);
  g_rmdir (dir);
}

static void
on_finalized (gpointer data, GObject *where_the_object_was)
{
  *(gboolean *)data = TRUE;
}

/* Closing a window while its file loads: the load finishes without touching
 * the destroyed window, then lets go of it. */
static void
test_close_while_busy (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autoptr (GFile) file = g_file_new_for_path (sample_path);
  gboolean finalized = FALSE;

  g_object_weak_ref (G_OBJECT (window), on_finalized, &finalized);
  pv_window_open_file (window, file);
  g_assert_true (pv_window_get_busy (window));
  close_window (window, &events);

  run_until (&finalized, "the window to be finalized");
  g_assert_false (events.document_loaded);
}

/* The peyvand executable ---------------------------------------------------- */

static void
test_screenshot_option (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peyvand-test-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "shot.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing-article.txt", NULL);
  g_autofree char *err = NULL;
  PixelCounts counts;
  int status;

  status = run_peyvand (NULL, &err, "--screenshot", png, "--size", "900x700", sample_path, NULL);
  g_assert_cmpint (status, ==, 0);
  assert_png_shows_article (png, 900, 700, TRUE);

  /* The graph takes the other half (the right one: the C locale reads left
   * to right), between its tool bar and its legend: nodes in colour, lines
   * and labels in grey and black. */
  count_png_pixels (png, 900 / 2 + 10, 140, 900 - 10, 700 - 60, &counts);
  g_assert_cmpuint (counts.saturated, >, 1000);
  g_assert_cmpuint (counts.dark, >, 300);
  g_unlink (png);
  g_clear_pointer (&err, g_free);

  /* An unreadable file: exit 1, a message naming the file, no picture. */
  status = run_peyvand (NULL, &err, "--screenshot", png, missing, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "missing-article.txt"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Usage errors: exit 2. */
  status = run_peyvand (NULL, &err, "--screenshot", png, NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&err, g_free);
  status = run_peyvand (NULL, &err, "--screenshot", png, "--size", "big", sample_path, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

static void
test_no_display (void)
{
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *err = NULL;
  int status;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  status = run_peyvand (envp, &err, sample_path, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "peyvand: no display available. To analyze without a display "
                                 "use: peyvand-cli analyze FILE"));
}

/* When GLib's search for the session bus is bound to fail (and fork the
 * process for nothing), and when it is not. */
static gboolean
unreachable_with_path (const char *runtime_dir, const char *path)
{
  g_autofree char *saved = g_strdup (g_getenv ("PATH"));
  gboolean unreachable;

  g_setenv ("PATH", path, TRUE);
  unreachable = pv_application_session_bus_unreachable (NULL, runtime_dir);
  if (saved != NULL)
    g_setenv ("PATH", saved, TRUE);
  else
    g_unsetenv ("PATH");
  return unreachable;
}

static void
test_session_bus_unreachable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peyvand-test-XXXXXX", NULL);
  g_autofree char *runtime_dir = g_build_filename (dir, "runtime", NULL);
  g_autofree char *bin_dir = g_build_filename (dir, "bin", NULL);
  g_autofree char *socket_path = g_build_filename (runtime_dir, "bus", NULL);
  g_autofree char *launcher = g_build_filename (bin_dir, "dbus-launch", NULL);
  g_autofree char *path = g_strconcat ("/nonexistent", G_SEARCHPATH_SEPARATOR_S, bin_dir, NULL);
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (runtime_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (bin_dir, 0700), ==, 0);

  /* no address, no socket, no dbus-launch */
  g_assert_true (unreachable_with_path (runtime_dir, path));
  g_assert_true (unreachable_with_path (NULL, path));
  /* an address */
  g_assert_false (
      pv_application_session_bus_unreachable ("unix:path=/run/user/1/bus", runtime_dir));

  /* a file that is not a socket does not count */
  g_assert_true (g_file_set_contents (socket_path, "", 0, NULL));
  g_assert_true (unreachable_with_path (runtime_dir, path));
  g_unlink (socket_path);
  /* the user's bus socket */
  socket =
      g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (unreachable_with_path (runtime_dir, path));
  g_socket_close (socket, NULL);
  g_unlink (socket_path);

  /* dbus-launch on the PATH, to start a bus with: only an executable */
  g_assert_true (g_file_set_contents (launcher, "#!/bin/sh\nexit 1\n", -1, NULL));
  g_assert_true (unreachable_with_path (runtime_dir, path));
  g_assert_cmpint (g_chmod (launcher, 0700), ==, 0);
  g_assert_false (unreachable_with_path (runtime_dir, path));
  g_assert_true (unreachable_with_path (runtime_dir, "/nonexistent"));

  g_unlink (launcher);
  g_rmdir (bin_dir);
  g_rmdir (runtime_dir);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  application = test_app_init (&argc, &argv);
  if (application == NULL)
    {
      g_printerr ("no display: skipped (run under xvfb-run)\n");
      return 77;
    }

  sample_path = g_getenv ("PEYVAND_SAMPLE");
  g_assert_nonnull (sample_path);

  g_test_add_func ("/app/window/text", test_text);
  g_test_add_func ("/app/window/highlights", test_highlights);
  g_test_add_func ("/app/window/direction", test_direction);
  g_test_add_func ("/app/window/panes-mirrored", test_panes_mirrored);
  g_test_add_func ("/app/window/unreadable", test_unreadable);
  g_test_add_func ("/app/window/binary", test_binary);
  g_test_add_func ("/app/window/drop", test_drop);
  g_test_add_func ("/app/window/tooltips", test_tooltips);
  g_test_add_func ("/app/window/recent", test_recent);
  g_test_add_func ("/app/window/settings", test_settings);
  g_test_add_func ("/app/window/text-size", test_text_size);
  g_test_add_func ("/app/window/dialogs", test_dialogs);
  g_test_add_func ("/app/window/save-png", test_save_png);
  g_test_add_func ("/app/window/no-entities", test_no_entities);
  g_test_add_func ("/app/window/close-while-busy", test_close_while_busy);
  g_test_add_func ("/app/peyvand/screenshot", test_screenshot_option);
  g_test_add_func ("/app/peyvand/no-display", test_no_display);
  g_test_add_func ("/app/peyvand/session-bus-unreachable", test_session_bus_unreachable);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
