/* bare-window.c: the cold-start benchmark's yardstick (bench-start.c), a
 * bare GTK 4 window showing a text file in a GtkTextView, nothing else.
 * Like peyvand with PEYVAND_EXIT_AFTER_FIRST_FRAME=1, it writes on
 * standard output when it painted its first frame (the window with the
 * text), then quits.
 *
 *   bare-window [--size WIDTHxHEIGHT] FILE
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>

static gboolean done;

static void
after_paint (GdkFrameClock *frame_clock, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint, user_data);
  printf ("first-frame-monotonic-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  done = TRUE;
  g_main_context_wakeup (NULL);
}

static void
realize (GtkWidget *window, gpointer user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint),
                    NULL);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  int width = 1280, height = 800;
  const char *path;
  GtkWidget *window, *scrolled, *view;

  if (argc == 4 && g_str_equal (argv[1], "--size") &&
      sscanf (argv[2], "%dx%d", &width, &height) == 2)
    path = argv[3];
  else if (argc == 2)
    path = argv[1];
  else
    {
      fprintf (stderr, "usage: bare-window [--size WIDTHxHEIGHT] FILE\n");
      return 2;
    }

  if (!g_file_get_contents (path, &text, &length, &error))
    {
      fprintf (stderr, "bare-window: %s\n", error->message);
      return 1;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bare-window: no display\n");
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  scrolled = gtk_scrolled_window_new ();
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, (int)length);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  g_signal_connect (window, "realize", G_CALLBACK (realize), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
