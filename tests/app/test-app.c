/* test-app.c: the application window, under a display (Xvfb)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "pv-application.h"
#include "pv-window.h"

#define WAIT_SECONDS 60

static PvApplication *application;
static const char *sample_path;

/* Waiting for the window ---------------------------------------------------- */

typedef struct
{
  gboolean document_loaded;
  gboolean analysis_done;
  gboolean load_failed;
  char *message;
} Events;

static void
on_document_loaded (PvWindow *window, Events *events)
{
  events->document_loaded = TRUE;
}

static void
on_analysis_done (PvWindow *window, Events *events)
{
  events->analysis_done = TRUE;
}

static void
on_load_failed (PvWindow *window, const char *message, Events *events)
{
  events->load_failed = TRUE;
  g_free (events->message);
  events->message = g_strdup (message);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_until (const gboolean *condition, const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, set_flag_cb, &timed_out);

  while (!*condition && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("timed out waiting for %s", what);
  g_source_remove (id);
}

static gboolean
count_frames_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  guint *frames = user_data;

  if (gtk_widget_get_mapped (widget) && --*frames == 0)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

/* Lets the window lay itself out and draw a few frames. */
static void
wait_frames (PvWindow *window, guint n)
{
  guint frames = n;
  gboolean done = FALSE;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, set_flag_cb, &timed_out);

  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frames_cb, &frames, NULL);
  while (!done && !timed_out)
    {
      g_main_context_iteration (NULL, TRUE);
      done = frames == 0;
    }
  if (timed_out)
    g_error ("timed out waiting for the window to draw");
  g_source_remove (id);
}

static PvWindow *
new_window (Events *events)
{
  PvWindow *window = pv_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  g_signal_connect (window, "document-loaded", G_CALLBACK (on_document_loaded), events);
  g_signal_connect (window, "analysis-done", G_CALLBACK (on_analysis_done), events);
  g_signal_connect (window, "load-failed", G_CALLBACK (on_load_failed), events);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
close_window (PvWindow *window, Events *events)
{
  g_signal_handlers_disconnect_by_data (window, events);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&events->message, g_free);
}

/* Opens `path` and waits until its text is shown and analyzed. */
static void
open_and_wait (PvWindow *window, Events *events, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  events->document_loaded = events->analysis_done = events->load_failed = FALSE;
  pv_window_open_file (window, file);
  run_until (&events->analysis_done, "the analysis");
  g_assert_true (events->document_loaded);
  g_assert_false (events->load_failed);
  g_assert_false (pv_window_get_busy (window));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static guint
count_zwnj (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x200C)
      n++;
  return n;
}

/* Pictures ------------------------------------------------------------------ */

/* Checks that a picture of the window shows text (dark pixels) and, when
 * `highlights` is set, coloured highlights (saturated pixels), below the
 * header bar. */
static void
assert_png_shows_article (const char *path, int width, int height, gboolean highlights)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  g_autofree guchar *pixels = NULL;
  gsize stride;
  int w, h;
  guint different = 0, dark = 0, saturated = 0;

  g_assert_no_error (error);
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  if (width > 0)
    {
      g_assert_cmpint (w, ==, width);
      g_assert_cmpint (h, ==, height);
    }

  stride = (gsize)w * 4;
  pixels = g_malloc (stride * (gsize)h);
  gdk_texture_download (texture, pixels, stride);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = pixels + (gsize)y * stride + (gsize)x * 4; /* B G R A */
        int lo = MIN (p[0], MIN (p[1], p[2]));
        int hi = MAX (p[0], MAX (p[1], p[2]));

        if (memcmp (p, pixels, 4) != 0)
          different++;
        if (y < 80)
          continue;
        if (hi < 110)
          dark++;
        if (hi - lo > 40)
          saturated++;
      }

  g_test_message ("%s: %d×%d, %u pixels unlike the first, %u dark, %u saturated", path, w, h,
                  different, dark, saturated);
  g_assert_cmpuint (different, >, 0);
  g_assert_cmpuint (dark, >, 2000);
  if (highlights)
    g_assert_cmpuint (saturated, >, 500);
}

/* Tests --------------------------------------------------------------------- */

static void
test_text (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (&events);
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
  PvWindow *window = new_window (&events);
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

  window = new_window (&events);
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
  PvWindow *window = new_window (&events);
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

static void
test_save_png (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (&events);
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
  PvWindow *window = new_window (&events);
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

static int
run_peyvand (char **envp, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *bin = g_getenv ("PEYVAND_BIN");
  const char *arg;
  int wait_status;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer)bin);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("peyvand said: %s", *err);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static void
test_screenshot_option (void)
{
  g_autofree char *dir = g_dir_make_tmp ("peyvand-test-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "shot.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing-article.txt", NULL);
  g_autofree char *err = NULL;
  int status;

  status = run_peyvand (NULL, &err, "--screenshot", png, "--size", "900x700", sample_path, NULL);
  g_assert_cmpint (status, ==, 0);
  assert_png_shows_article (png, 900, 700, TRUE);
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

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display: skipped (run under xvfb-run)\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() forces the C locale, whose direction is LTR; Peyvand's
   * users mostly read Persian. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  /* Pictures must not catch a transition halfway. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  sample_path = g_getenv ("PEYVAND_SAMPLE");
  g_assert_nonnull (sample_path);

  application = pv_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app/window/text", test_text);
  g_test_add_func ("/app/window/highlights", test_highlights);
  g_test_add_func ("/app/window/direction", test_direction);
  g_test_add_func ("/app/window/unreadable", test_unreadable);
  g_test_add_func ("/app/window/save-png", test_save_png);
  g_test_add_func ("/app/window/close-while-busy", test_close_while_busy);
  g_test_add_func ("/app/peyvand/screenshot", test_screenshot_option);
  g_test_add_func ("/app/peyvand/no-display", test_no_display);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
