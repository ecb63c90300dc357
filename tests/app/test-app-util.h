/* test-app-util.h: what the GUI tests share: windows, waiting, pictures
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pv-application.h"
#include "pv-window.h"

G_BEGIN_DECLS

#define WAIT_SECONDS 60

typedef struct
{
  gboolean document_loaded;
  gboolean analysis_done;
  gboolean load_failed;
  char *message;
} Events;

/* Starts GTK for a test program (RTL, no animations) and registers an
 * application; NULL when there is no display (the caller skips). */
PvApplication *test_app_init (int *argc, char ***argv);

/* Runs the main loop until *condition, failing after WAIT_SECONDS. */
void run_until (const gboolean *condition, const char *what);
/* Lets the window lay itself out and draw `n` frames. */
void wait_frames (PvWindow *window, guint n);
/* Waits until the window's graph has settled, then for a few frames. */
void wait_settled (PvWindow *window);

PvWindow *new_window (PvApplication *application, Events *events);
void close_window (PvWindow *window, Events *events);
/* Opens `path` and waits until its text is shown and analyzed. */
void open_and_wait (PvWindow *window, Events *events, const char *path);

char *buffer_text (GtkTextBuffer *buffer);
guint count_zwnj (const char *text);

/* Pixels of a PNG file in a box (x0, y0)-(x1, y1), clipped to the picture:
 * how many are dark, and how many saturated (coloured). */
typedef struct
{
  int width;
  int height;
  guint different; /* unlike the first pixel of the picture */
  guint dark;
  guint saturated;
} PixelCounts;

void count_png_pixels (const char *path, int x0, int y0, int x1, int y1, PixelCounts *counts);

/* Runs the peyvand executable ($PEYVAND_BIN) with the arguments that
 * follow (NULL-terminated); returns its exit status, its stderr in *err. */
int run_peyvand (char **envp, char **err, ...) G_GNUC_NULL_TERMINATED;

/* The first widget under `root` (itself included), depth first, for which
 * `matches` returns TRUE, or NULL. */
typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget *find_widget_where (GtkWidget *root, WidgetMatch matches, gconstpointer data);
/* A WidgetMatch: the window's main menu button (the Open button has a menu
 * button too). */
gboolean is_primary_menu_button (GtkWidget *widget, gconstpointer data);
/* The first widget of `type`, the same way */
GtkWidget *find_widget (GtkWidget *root, GType type);
/* The first label whose text holds `text` */
GtkLabel *find_label (GtkWidget *root, const char *text);

/* Node and edge look-ups in the window's analysis, failing when absent */
int find_node (PvWindow *window, const char *id);
int find_edge (PvWindow *window, const char *a, const char *b);

G_END_DECLS
