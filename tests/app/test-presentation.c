/* test-presentation.c: the story mode, full screen, driven from the
 * keyboard, under a display (Xvfb)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gstdio.h>

#include "pv-presentation.h"
#include "test-app-util.h"

static PvApplication *application;
static const char *sample_path;

/* One window on the sample for every test, with its graph settled. */
static PvWindow *window;
static Events events;

typedef struct
{
  char *dir; /* the screenshots */
  gboolean keep;
} Fixture;

static void
setup (Fixture *fixture, gconstpointer data)
{
  const char *keep = g_getenv ("PEYVAND_PRESENTATION_SHOTS");

  window = new_window (application, &events);
  open_and_wait (window, &events, sample_path);
  wait_settled (window);
  /* PEYVAND_PRESENTATION_SHOTS=DIR keeps the screenshots there */
  fixture->keep = keep != NULL && *keep != '\0';
  if (fixture->keep)
    {
      fixture->dir = g_strdup (keep);
      g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0777), ==, 0);
    }
  else
    fixture->dir = g_dir_make_tmp ("peyvand-presentation-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
teardown (Fixture *fixture, gconstpointer data)
{
  if (!fixture->keep)
    {
      g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (fixture->dir);
    }
  g_free (fixture->dir);
  close_window (window, &events);
  window = NULL;
}

/* What pressing `keyval` (no modifier) does to `widget`, with no focus
 * inside it: the shortcuts of its controllers that take the key, tried
 * as GTK tries them (the capture phase first, each controller in order,
 * until one is handled).  GTK 4 cannot make a key event.  FALSE when no
 * shortcut handled the key. */
static gboolean
press_key (GtkWidget *widget, guint keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr (GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean capture;
        GListModel *shortcuts;

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        capture = gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE;
        if (capture != (round == 0))
          continue;
        shortcuts = G_LIST_MODEL (controller);
        for (guint k = 0; k < g_list_model_get_n_items (shortcuts); k++)
          {
            g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (shortcuts, k);

            if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) &&
                gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                              gtk_shortcut_get_arguments (shortcut)))
              return TRUE;
          }
      }
  return FALSE;
}

static PvPresentation *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (PV_IS_PRESENTATION (toplevel))
        return PV_PRESENTATION (toplevel);
    }
  return NULL;
}

static gboolean
count_frame_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  guint *frames = user_data;

  if (gtk_widget_get_mapped (widget) && --*frames == 0)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

/* Lets `widget`'s window draw `n` frames. */
static void
wait_widget_frames (GtkWidget *widget, guint n)
{
  guint frames = n;

  gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  while (frames > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* F5 in the main window: the presentation, shown and drawn */
static PvPresentation *
start (void)
{
  PvPresentation *presentation;

  g_assert_null (find_presentation ());
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_F5));
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  wait_widget_frames (GTK_WIDGET (presentation), 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (presentation)));
  return presentation;
}

static guint
visible_nodes (PvPresentation *presentation)
{
  guint n = 0;

  pv_story_count (pv_presentation_get_story (presentation), pv_presentation_get_step (presentation),
                  &n, NULL, NULL, NULL);
  return n;
}

/* Where the graph of the presentation ends, in its window: the sentence
 * is below. */
static double
graph_bottom (PvPresentation *presentation)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  int width = gtk_widget_get_width (GTK_WIDGET (presentation));
  int height = gtk_widget_get_height (GTK_WIDGET (presentation));
  PvDrawOptions draw;
  double y1 = 0;

  pv_story_get_draw_options (pv_presentation_get_story (presentation), cr,
                             pv_presentation_get_layout (presentation),
                             pv_presentation_get_options (presentation), width, height, &draw);
  pv_draw_get_extents (cr, pv_window_get_analysis (window),
                       pv_presentation_get_layout (presentation), &draw, NULL, NULL, NULL, &y1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return y1;
}

/* A screenshot of the presentation: its pixels in the graph and in the
 * sentence. */
static void
shoot (Fixture *fixture, PvPresentation *presentation, const char *name, PixelCounts *graph,
       PixelCounts *sentence)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  int width = gtk_widget_get_width (GTK_WIDGET (presentation));
  int height = gtk_widget_get_height (GTK_WIDGET (presentation));
  int bottom = (int)graph_bottom (presentation);

  wait_widget_frames (GTK_WIDGET (presentation), 2);
  g_assert_true (pv_presentation_save_png (presentation, path, &error));
  g_assert_no_error (error);
  count_png_pixels (path, 0, 0, width, bottom, graph);
  count_png_pixels (path, 0, bottom + 2, width, height, sentence);
  g_assert_cmpint (graph->width, ==, width);
  g_assert_cmpint (graph->height, ==, height);
}

static void
on_destroy (GtkWidget *widget, gboolean *destroyed)
{
  *destroyed = TRUE;
}

/* F5 opens the presentation over the whole screen on the first sentence;
 * the keys step through the story (Left goes on in this right-to-left
 * locale), the graph grows and the sentence follows; Escape leaves. */
static void
test_keyboard (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  PvPresentation *presentation = start ();
  GtkWidget *widget = GTK_WIDGET (presentation);
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (
      gtk_widget_get_display (widget), gtk_native_get_surface (GTK_NATIVE (presentation)));
  static const guint forward[] = { GDK_KEY_Left, GDK_KEY_space, GDK_KEY_Page_Down };
  PixelCounts graph[4], sentence[4];
  guint nodes[4];
  gboolean destroyed = FALSE;
  GdkRectangle geometry;

  /* the whole screen (no window manager under Xvfb makes it full
   * screen, so it is sized to the monitor) */
  gdk_monitor_get_geometry (monitor, &geometry);
  g_assert_cmpint (gtk_widget_get_width (widget), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (widget), ==, geometry.height);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (presentation)) == GTK_WINDOW (window));

  g_assert_cmpuint (pv_presentation_get_n_steps (presentation), ==, analysis->sentences->len);
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==, 0);
  nodes[0] = visible_nodes (presentation);
  g_assert_cmpuint (nodes[0], >, 0);
  g_assert_cmpuint (nodes[0], <, analysis->nodes->len);
  {
    g_autofree char *sentence_text = pv_presentation_get_sentence (presentation);

    g_assert_true (g_str_has_prefix (sentence_text, "رئیس جمهور با قدردانی"));
  }
  shoot (fixture, presentation, "step-1.png", &graph[0], &sentence[0]);

  /* three steps forward, with the keys a presenter's clicker sends */
  for (guint k = 0; k < G_N_ELEMENTS (forward); k++)
    {
      g_autofree char *name = g_strdup_printf ("step-%u.png", k + 2);
      g_autofree char *expected = NULL;
      g_autofree char *shown = NULL;

      g_assert_true (press_key (widget, forward[k]));
      g_assert_cmpuint (pv_presentation_get_step (presentation), ==, k + 1);
      nodes[k + 1] = visible_nodes (presentation);
      g_assert_cmpuint (nodes[k + 1], >=, nodes[k]);
      expected = pv_story_get_sentence (pv_presentation_get_story (presentation), k + 1);
      shown = pv_presentation_get_sentence (presentation);
      g_assert_cmpstr (shown, ==, expected);
      shoot (fixture, presentation, name, &graph[k + 1], &sentence[k + 1]);
      g_assert_cmpuint (sentence[k + 1].different, >, 1000);
    }
  /* the graph grew: more entities, more ink; the sentences are there */
  g_assert_cmpuint (nodes[3], >, nodes[0]);
  g_assert_cmpuint (graph[3].different, >, graph[0].different);
  g_assert_cmpuint (graph[0].saturated, >, 100);
  g_assert_cmpuint (sentence[0].different, >, 1000);
  g_assert_cmpuint (graph[0].width, ==, graph[3].width);

  /* back: Right in this right-to-left locale, Backspace, Page Up */
  g_assert_true (press_key (widget, GDK_KEY_Right));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==, 2);
  g_assert_true (press_key (widget, GDK_KEY_BackSpace));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==, 1);
  g_assert_true (press_key (widget, GDK_KEY_Page_Up));
  g_assert_true (press_key (widget, GDK_KEY_Up));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==, 0);

  /* the ends, and no further */
  g_assert_true (press_key (widget, GDK_KEY_End));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==,
                    pv_presentation_get_n_steps (presentation) - 1);
  g_assert_cmpuint (visible_nodes (presentation), ==, analysis->nodes->len);
  g_assert_true (press_key (widget, GDK_KEY_Down));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==,
                    pv_presentation_get_n_steps (presentation) - 1);
  g_assert_true (press_key (widget, GDK_KEY_Home));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==, 0);

  /* Escape leaves; the article's window stays */
  g_signal_connect (presentation, "destroy", G_CALLBACK (on_destroy), &destroyed);
  g_assert_true (press_key (widget, GDK_KEY_Escape));
  g_assert_true (destroyed);
  g_assert_null (find_presentation ());
  g_assert_nonnull (pv_window_get_analysis (window));
  wait_frames (window, 2);
}

/* In a left-to-right locale Right goes on and Left back. */
static void
test_left_to_right (Fixture *fixture, gconstpointer data)
{
  PvPresentation *presentation = start ();
  GtkWidget *widget = GTK_WIDGET (presentation);

  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  g_assert_true (press_key (widget, GDK_KEY_Right));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==, 1);
  g_assert_true (press_key (widget, GDK_KEY_Left));
  g_assert_cmpuint (pv_presentation_get_step (presentation), ==, 0);
  gtk_window_destroy (GTK_WINDOW (presentation));
}

static void
on_animating (PvPresentation *presentation, GParamSpec *pspec, gboolean *done)
{
  if (!pv_presentation_get_animating (presentation))
    *done = TRUE;
}

/* With animations on, what a step brings fades in and then stops; a step
 * back does not fade.  The nodes stay where they were. */
static void
test_fade (Fixture *fixture, gconstpointer data)
{
  PvPresentation *presentation = start ();
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (presentation));
  gboolean done = FALSE;
  PvDrawOptions before, after;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  int width = gtk_widget_get_width (GTK_WIDGET (presentation));
  int height = gtk_widget_get_height (GTK_WIDGET (presentation));

  pv_story_get_draw_options (pv_presentation_get_story (presentation), cr,
                             pv_presentation_get_layout (presentation),
                             pv_presentation_get_options (presentation), width, height, &before);

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_signal_connect (presentation, "notify::animating", G_CALLBACK (on_animating), &done);
  pv_presentation_set_step (presentation, 1);
  g_assert_true (pv_presentation_get_animating (presentation));
  run_until (&done, "the fade to end");
  g_assert_false (pv_presentation_get_animating (presentation));
  pv_presentation_set_step (presentation, 0);
  g_assert_false (pv_presentation_get_animating (presentation));
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);

  pv_story_get_draw_options (pv_presentation_get_story (presentation), cr,
                             pv_presentation_get_layout (presentation),
                             pv_presentation_get_options (presentation), width, height, &after);
  g_assert_cmpfloat (before.scale, ==, after.scale);
  g_assert_cmpfloat (before.offset_x, ==, after.offset_x);
  g_assert_cmpfloat (before.offset_y, ==, after.offset_y);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL);
  g_assert_null (find_presentation ());
}

/* The presentation shows the positions of the window's settled graph. */
static void
test_same_layout (Fixture *fixture, gconstpointer data)
{
  PvPresentation *presentation = start ();
  const PvLayout *shown = pv_graph_view_get_layout (pv_window_get_graph_view (window));
  const PvLayout *told = pv_presentation_get_layout (presentation);

  g_assert_cmpuint (pv_layout_n_nodes (told), ==, pv_layout_n_nodes (shown));
  for (guint i = 0; i < pv_layout_n_nodes (told); i++)
    {
      double x0, y0, x1, y1;

      pv_layout_get_position (shown, i, &x0, &y0);
      pv_layout_get_position (told, i, &x1, &y1);
      g_assert_cmpfloat (x0, ==, x1);
      g_assert_cmpfloat (y0, ==, y1);
    }
  gtk_window_destroy (GTK_WINDOW (presentation));
}

/* Another article in the window ends the presentation of the last. */
static void
test_other_article (Fixture *fixture, gconstpointer data)
{
  gboolean destroyed = FALSE;
  PvPresentation *presentation = start ();

  g_signal_connect (presentation, "destroy", G_CALLBACK (on_destroy), &destroyed);
  open_and_wait (window, &events, sample_path);
  g_assert_true (destroyed);
  g_assert_null (find_presentation ());
}

/* No article, no presentation. */
static void
test_no_graph (void)
{
  Events no_events = { 0 };
  PvWindow *empty = new_window (application, &no_events);

  wait_frames (empty, 2);
  press_key (GTK_WIDGET (empty), GDK_KEY_F5);
  gtk_widget_activate_action (GTK_WIDGET (empty), "win.present", NULL);
  wait_frames (empty, 2);
  g_assert_null (find_presentation ());
  close_window (empty, &no_events);
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

  g_test_add ("/app/presentation/keyboard", Fixture, NULL, setup, test_keyboard, teardown);
  g_test_add ("/app/presentation/left-to-right", Fixture, NULL, setup, test_left_to_right,
              teardown);
  g_test_add ("/app/presentation/fade", Fixture, NULL, setup, test_fade, teardown);
  g_test_add ("/app/presentation/same-layout", Fixture, NULL, setup, test_same_layout, teardown);
  g_test_add ("/app/presentation/other-article", Fixture, NULL, setup, test_other_article,
              teardown);
  g_test_add_func ("/app/presentation/no-graph", test_no_graph);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
