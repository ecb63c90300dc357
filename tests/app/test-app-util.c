/* test-app-util.c: what the GUI tests share: windows, waiting, pictures
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "test-app-util.h"

PvApplication *
test_app_init (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  PvApplication *application;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return NULL;

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() forces the C locale, whose direction is LTR; Peyvand's
   * users mostly read Persian. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  /* Pictures must not catch a transition halfway. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = pv_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

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

void
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

void
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

static void
on_settled (PvWindow *window, GParamSpec *pspec, gboolean *settled)
{
  *settled = pv_window_get_graph_settled (window);
}

void
wait_settled (PvWindow *window)
{
  gboolean settled = pv_window_get_graph_settled (window);
  gulong id = g_signal_connect (window, "notify::graph-settled", G_CALLBACK (on_settled), &settled);

  run_until (&settled, "the graph to settle");
  g_signal_handler_disconnect (window, id);
  wait_frames (window, 3);
}

PvWindow *
new_window (PvApplication *application, Events *events)
{
  PvWindow *window = pv_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_paned_set_position (pv_window_get_paned (window), 600);
  g_signal_connect (window, "document-loaded", G_CALLBACK (on_document_loaded), events);
  g_signal_connect (window, "analysis-done", G_CALLBACK (on_analysis_done), events);
  g_signal_connect (window, "load-failed", G_CALLBACK (on_load_failed), events);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

void
close_window (PvWindow *window, Events *events)
{
  g_signal_handlers_disconnect_by_data (window, events);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&events->message, g_free);
}

void
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

char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

guint
count_zwnj (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x200C)
      n++;
  return n;
}

void
count_png_pixels (const char *path, int x0, int y0, int x1, int y1, PixelCounts *counts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  g_autofree guchar *pixels = NULL;
  gsize stride;
  int w, h;

  g_assert_no_error (error);
  memset (counts, 0, sizeof *counts);
  w = counts->width = gdk_texture_get_width (texture);
  h = counts->height = gdk_texture_get_height (texture);
  stride = (gsize)w * 4;
  pixels = g_malloc (stride * (gsize)h);
  gdk_texture_download (texture, pixels, stride);

  for (int y = MAX (y0, 0); y < MIN (y1, h); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, w); x++)
      {
        const guchar *p = pixels + (gsize)y * stride + (gsize)x * 4; /* B G R A */
        int lo = MIN (p[0], MIN (p[1], p[2]));
        int hi = MAX (p[0], MAX (p[1], p[2]));

        if (memcmp (p, pixels, 4) != 0)
          counts->different++;
        if (hi < 110)
          counts->dark++;
        if (hi - lo > 40)
          counts->saturated++;
      }

  g_test_message ("%s (%d,%d)-(%d,%d): %d×%d, %u pixels unlike the first, %u dark, %u saturated",
                  path, x0, y0, x1, y1, w, h, counts->different, counts->dark, counts->saturated);
}

int
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

int
find_node (PvWindow *window, const char *id)
{
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  int node;

  g_assert_nonnull (analysis);
  node = pv_analysis_find_node (analysis, id);
  if (node < 0)
    g_error ("no node %s in the analysis", id);
  return node;
}

int
find_edge (PvWindow *window, const char *a, const char *b)
{
  const PvAnalysis *analysis = pv_window_get_analysis (window);
  guint x = (guint)find_node (window, a);
  guint y = (guint)find_node (window, b);

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      if ((edge->source == x && edge->target == y) || (edge->source == y && edge->target == x))
        return (int)i;
    }

  g_error ("no edge between %s and %s", a, b);
  return -1;
}

GtkWidget *
find_widget_where (GtkWidget *root, WidgetMatch matches, gconstpointer data)
{
  if (matches (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_where (child, matches, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gboolean
is_primary_menu_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  return find_widget_where (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_label_with (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkLabel *
find_label (GtkWidget *root, const char *text)
{
  return GTK_LABEL (find_widget_where (root, is_label_with, text));
}
