/* test-bad-input.c: the window given files it cannot open (issue 7)
 *
 * With the sample article open and a correction made, each bad file is
 * opened the way File → Open opens what the chooser returns
 * (pv_window_open_file): an empty file, a binary one, invalid UTF-8, a
 * directory, a FIFO, a 200 MiB file, and projects that are truncated,
 * corrupt, from a newer Peyvand, too large or a FIFO.  Each time the window
 * shows a message that names the file, nothing hangs (every wait fails
 * after WAIT_SECONDS), and the article, its highlights, its graph and the
 * correction stay.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pv-project.h"
#include "pv-window-edits.h"
#include "test-app-util.h"

static PvApplication *application;
static const char *sample_path;

typedef struct
{
  const char *name;   /* the file's name in the test folder */
  const char *reason; /* what the message says of it */
} BadFile;

static const BadFile bad_files[] = {
  { "empty.txt", "contains no text" },
  { "program.bin", "looks like binary data, not text" },
  { "invalid-utf8.txt", "is not valid UTF-8" },
  { "folder.txt", "is a directory, not a file" },
  { "pipe.txt", "is a named pipe (FIFO), not a regular file" },
  { "huge.txt", "too large (200.0 MiB; Peyvand reads articles of up to 64 MiB)" },
  { "long-line.txt", "characters on line 2 is too long to show" },
  { "truncated.peyvand", "Could not open the project" },
  { "corrupt.peyvand", "Could not open the project" },
  { "future.peyvand", "was made by a newer version of Peyvand" },
  { "huge.peyvand", "too large (200.0 MiB; Peyvand reads projects of up to 144 MiB)" },
  { "pipe.peyvand", "not a regular file" },
};

static void
write_bytes (const char *path, const char *data, gssize length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
write_sparse (const char *path, goffset size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)size), ==, 0);
  g_close (fd, NULL);
}

/* The bad files, in `dir`. */
static void
make_bad_files (const char *dir)
{
  static const char binary[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0 };
  static const char invalid[] = "رئیس جمهور روسیه با رئیس جمهور ایران گفت و گو کرد.\n"
                                "caf\xe9 \xff\n"
                                "رئیس جمهور روسیه با رئیس جمهور ایران گفت و گو کرد.\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (PvDocument) document = pv_document_load_file (sample_path, &error);
  g_autoptr (PvProject) project = NULL;
  g_autofree char *json = NULL;
  g_autoptr (GString) future = NULL;

  g_assert_no_error (error);
  project = pv_project_new (document, NULL);
  json = pv_project_to_json (project);
  future = g_string_new (json);
  g_assert_cmpuint (g_string_replace (future, PV_PROJECT_SCHEMA, "peyvand/project/99", 1), ==, 1);

  for (gsize i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const char *name = bad_files[i].name;
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_equal (name, "empty.txt"))
        write_bytes (path, "", 0);
      else if (g_str_equal (name, "program.bin"))
        write_bytes (path, binary, sizeof binary);
      else if (g_str_equal (name, "invalid-utf8.txt"))
        write_bytes (path, invalid, -1);
      else if (g_str_equal (name, "folder.txt"))
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      else if (g_str_has_prefix (name, "pipe."))
        g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      else if (g_str_equal (name, "long-line.txt"))
        {
          /* 10 MB on one line with no space, which Pango would take
           * minutes to break into lines */
          g_autoptr (GString) text = g_string_new ("عنوان\n");

          for (guint k = 0; k < 10 * 1024 * 1024 / 64; k++)
            g_string_append (text,
                             "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl");
          write_bytes (path, text->str, (gssize)text->len);
        }
      else if (g_str_has_prefix (name, "huge."))
        write_sparse (path, (goffset)200 * 1024 * 1024);
      else if (g_str_equal (name, "truncated.peyvand"))
        write_bytes (path, json, (gssize)strlen (json) / 2);
      else if (g_str_equal (name, "corrupt.peyvand"))
        write_bytes (path, "{\"schema\": \"peyvand/project/1\", \"article\": {\"text\": ] }", -1);
      else if (g_str_equal (name, "future.peyvand"))
        write_bytes (path, future->str, (gssize)future->len);
      else
        g_assert_not_reached ();
    }
}

static void
remove_bad_files (const char *dir)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, bad_files[i].name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* A label on screen (mapped) whose text holds `needle`: where the window
 * shows its messages (a toast). */
static gboolean
is_shown_label_with (GtkWidget *widget, gconstpointer needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

static void
test_bad_files (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  g_autofree char *dir = g_dir_make_tmp ("peyvand-bad-input-XXXXXX", NULL);
  g_autoptr (GFile) seed_file = g_file_new_for_path (sample_path);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  const PvDocument *document;
  const PvAnalysis *analysis;
  PvGraphView *graph;
  PvEntityType hidden_type;
  g_autofree char *hidden_id = NULL;
  guint n_nodes;

  g_assert_nonnull (dir);
  make_bad_files (dir);

  /* the seed, and a correction: one node hidden */
  open_and_wait (window, &events, sample_path);
  analysis = pv_window_get_analysis (window);
  g_assert_nonnull (analysis);
  n_nodes = analysis->nodes->len;
  hidden_id = g_strdup (((const PvNode *)g_ptr_array_index (analysis->nodes, n_nodes - 1))->id);
  hidden_type = ((const PvNode *)g_ptr_array_index (analysis->nodes, n_nodes - 1))->type;
  g_test_message ("hiding %s", hidden_id);
  pv_window_do_edit (window, pv_edit_new_hide (hidden_id));
  g_assert_true (pv_window_get_modified (window));
  wait_settled (window);

  document = pv_window_get_document (window);
  analysis = pv_window_get_analysis (window);
  g_assert_cmpuint (analysis->nodes->len, ==, n_nodes - 1);
  g_assert_cmpint (pv_analysis_find_node (analysis, hidden_id), <, 0);
  graph = pv_window_get_graph_view (window);
  g_assert_true (pv_graph_view_get_analysis (graph) == analysis);
  text = buffer_text (pv_window_get_buffer (window));
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));

  for (gsize i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, bad_files[i].name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autofree char *now = NULL;
      GtkTextIter iter;
      GtkLabel *shown;
      gint64 start = g_get_monotonic_time ();

      g_test_message ("opening %s", bad_files[i].name);
      events.load_failed = events.document_loaded = FALSE;
      g_clear_pointer (&events.message, g_free);
      pv_window_open_file (window, file);
      run_until (&events.load_failed, bad_files[i].name);
      g_test_message ("message after %.2f s: %s",
                      (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC, events.message);

      /* a message naming the file and the reason ... */
      g_assert_nonnull (strstr (events.message, bad_files[i].name));
      g_assert_nonnull (strstr (events.message, bad_files[i].reason));
      /* ... shown in the window */
      wait_frames (window, 2);
      shown = GTK_LABEL (
          find_widget_where (GTK_WIDGET (window), is_shown_label_with, bad_files[i].name));
      g_assert_nonnull (shown);
      g_assert_nonnull (strstr (gtk_label_get_text (shown), bad_files[i].reason));

      /* and what was open stays: the article, its highlights, its graph,
       * the correction */
      g_assert_false (events.document_loaded);
      g_assert_false (pv_window_get_busy (window));
      g_assert_true (g_file_equal (pv_window_get_file (window), seed_file));
      g_assert_true (pv_window_get_document (window) == document);
      g_assert_true (pv_window_get_analysis (window) == analysis);
      g_assert_true (pv_graph_view_get_analysis (graph) == analysis);
      g_assert_true (pv_window_get_graph_settled (window));
      g_assert_true (pv_window_get_modified (window));
      now = buffer_text (pv_window_get_buffer (window));
      g_assert_cmpstr (now, ==, text);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
      gtk_text_buffer_get_iter_at_offset (pv_window_get_buffer (window), &iter, 0);
      g_assert_true (gtk_text_iter_has_tag (
          &iter,
          pv_article_view_get_entity_tag (pv_window_get_article_view (window), PV_ENTITY_PERSON)));
    }

  /* the correction can still be undone: the hidden node comes back */
  g_assert_true (pv_window_undo (window));
  g_assert_cmpint (pv_analysis_find_node (pv_window_get_analysis (window), hidden_id), >=, 0);
  g_assert_cmpuint (pv_window_get_analysis (window)->nodes->len, ==, n_nodes);
  g_assert_cmpint (((const PvNode *)g_ptr_array_index (pv_window_get_analysis (window)->nodes,
                                                       (guint)find_node (window, hidden_id)))
                       ->type,
                   ==, hidden_type);

  close_window (window, &events);
  pv_project_discard_autosave (NULL, NULL, sample_path);
  remove_bad_files (dir);
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

  g_test_add_func ("/app/bad-input/files", test_bad_files);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
