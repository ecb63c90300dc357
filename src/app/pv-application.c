/* pv-application.c: the Peyvand application
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pv-application.h"
#include "pv-window.h"

/* --screenshot: frames drawn after the analysis before the capture, and how
 * long to wait in all. */
#define SCREENSHOT_FRAMES 3
#define SCREENSHOT_TIMEOUT_SECONDS 60

struct _PvApplication
{
  AdwApplication parent_instance;

  /* Guards the knowledge base and serializes analyses. */
  GMutex analysis_mutex;
  PvKnowledge *knowledge;
  GError *knowledge_error;
  gboolean knowledge_loaded;

  int default_width;
  int default_height;

  /* NULL when the schema is not installed (or for --screenshot, whose
   * picture must not depend on what the user last did) */
  GSettings *settings;

  char *screenshot_path;
  PvWindow *screenshot_window;
  guint screenshot_frames;
  gboolean screenshot_resized;
  guint screenshot_timeout;
  int exit_status;

  /* PEYVAND_EXIT_AFTER_FIRST_FRAME=1 (see first_frame_report()) */
  gboolean exit_after_first_frame;
};

G_DEFINE_FINAL_TYPE (PvApplication, pv_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Open FILE, write a PNG of the window once the analysis is shown and the graph has "
        "settled, and quit"),
    N_ ("OUT.png") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL, N_ ("Size of the window, such as 1400x900"),
    N_ ("WIDTHxHEIGHT") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print the version and exit"), NULL },
  { NULL }
};

static gboolean
parse_size (const char *text, int *width, int *height)
{
  g_auto (GStrv) parts = g_strsplit (text, "x", 0);
  guint64 w, h;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 100, 16384, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 100, 16384, &h, NULL))
    return FALSE;

  *width = (int)w;
  *height = (int)h;
  return TRUE;
}

/* The cold-start benchmark's hook (tests/bench/bench-start.c): with
 * PEYVAND_EXIT_AFTER_FIRST_FRAME=1 in the environment the application
 * writes on standard output when its window painted its first frame and
 * when it painted the first frame that shows the analysis (the article
 * with its mentions and the graph), then quits.  Each line gives the
 * monotonic clock (g_get_monotonic_time(), which the benchmark compares
 * with its own at the spawn) and, for a person, the seconds since the
 * process started as the kernel counts them (10 ms steps). */

static double
seconds_since_process_start (void)
{
  g_autofree char *stat = NULL;
  const char *field;
  unsigned long long start_ticks;
  struct timespec now;

  /* field 22 of /proc/self/stat, after the command in parentheses */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (field = strrchr (stat, ')')) == NULL ||
      sscanf (field + 1,
              " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
              "%*d %*d %llu",
              &start_ticks) != 1 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;
  return now.tv_sec + now.tv_nsec / 1e9 - (double)start_ticks / sysconf (_SC_CLK_TCK);
}

static void
first_frame_report (const char *what)
{
  gint64 now = g_get_monotonic_time ();

  printf ("%s-monotonic-us: %" G_GINT64_FORMAT "\n%s-seconds-since-start: %.2f\n", what, now, what,
          seconds_since_process_start ());
  fflush (stdout);
}

static void
first_frame_after_paint (GdkFrameClock *frame_clock, PvApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_after_paint, self);
  first_frame_report ("first-frame");
}

static void
analysis_frame_after_paint (GdkFrameClock *frame_clock, PvApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, analysis_frame_after_paint, self);
  first_frame_report ("analysis-frame");
  g_application_quit (G_APPLICATION (self));
}

/* Ticks come before a frame's layout and paint: the report waits for the
 * paint of the same frame. */
static gboolean
analysis_frame_tick_cb (GtkWidget *widget, GdkFrameClock *frame_clock, gpointer user_data)
{
  PvApplication *self = PV_APPLICATION (user_data);

  if (!gtk_widget_get_mapped (widget))
    return G_SOURCE_CONTINUE;
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (analysis_frame_after_paint), self);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  return G_SOURCE_REMOVE;
}

static void
first_frame_realize (GtkWidget *window, PvApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, first_frame_realize, self);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_after_paint), self);
}

/* The analysis is shown (the article's mentions, the graph): the next frame
 * paints it. */
static void
first_frame_analysis_done (PvWindow *window, PvApplication *self)
{
  const GError *error = pv_window_get_analysis_error (window);

  if (error != NULL)
    {
      g_printerr ("peyvand: %s\n", error->message);
      self->exit_status = 1;
      g_application_quit (G_APPLICATION (self));
      return;
    }
  gtk_widget_add_tick_callback (GTK_WIDGET (window), analysis_frame_tick_cb, self, NULL);
}

static void
first_frame_load_failed (PvWindow *window, const char *message, PvApplication *self)
{
  g_printerr ("peyvand: %s\n", message);
  self->exit_status = 1;
  g_application_quit (G_APPLICATION (self));
}

static void
first_frame_start (PvApplication *self, PvWindow *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (first_frame_realize), self);
  g_signal_connect (window, "analysis-done", G_CALLBACK (first_frame_analysis_done), self);
  g_signal_connect (window, "load-failed", G_CALLBACK (first_frame_load_failed), self);
}

static int
pv_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  PvApplication *self = PV_APPLICATION (application);
  const char *size = NULL;
  const char *screenshot = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("peyvand %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "size", "&s", &size) &&
      !parse_size (size, &self->default_width, &self->default_height))
    {
      g_printerr (_ ("peyvand: invalid --size “%s”: expected WIDTHxHEIGHT, such as 1400x900\n"),
                  size);
      return 2;
    }

  if (g_strcmp0 (g_getenv ("PEYVAND_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    {
      self->exit_after_first_frame = TRUE;
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &screenshot))
    {
      self->screenshot_path = g_canonicalize_filename (screenshot, NULL);
      /* Always capture in this process, never in an instance already running. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1; /* go on: open the files, or activate */
}

static PvWindow *
pv_application_new_window (PvApplication *self)
{
  PvWindow *window = pv_window_new (self);

  if (self->default_width > 0)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), self->default_width, self->default_height);
      /* the article and the graph get half each */
      gtk_paned_set_position (pv_window_get_paned (window), self->default_width / 2);
    }

  return window;
}

static void
pv_application_screenshot_finish (PvApplication *self, int exit_status)
{
  self->exit_status = exit_status;
  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  if (self->screenshot_window != NULL)
    g_signal_handlers_disconnect_by_data (self->screenshot_window, self);
  g_application_quit (G_APPLICATION (self));
}

static void
screenshot_after_paint (GdkFrameClock *frame_clock, PvApplication *self)
{
  g_autoptr (GError) error = NULL;

  /* Just painted: the window is laid out and its drawing is current. */
  g_signal_handlers_disconnect_by_func (frame_clock, screenshot_after_paint, self);

  if (!pv_window_save_png (self->screenshot_window, self->screenshot_path, &error))
    {
      g_printerr ("peyvand: %s\n", error->message);
      pv_application_screenshot_finish (self, 1);
    }
  else
    {
      pv_application_screenshot_finish (self, 0);
    }
}

static gboolean
screenshot_tick_cb (GtkWidget *widget, GdkFrameClock *frame_clock, gpointer user_data)
{
  PvApplication *self = PV_APPLICATION (user_data);

  /* The picture shows the graph once its layout has settled. */
  if (!gtk_widget_get_mapped (widget) || !pv_window_get_graph_settled (PV_WINDOW (widget)))
    {
      self->screenshot_frames = 0;
      return G_SOURCE_CONTINUE;
    }
  if (++self->screenshot_frames < SCREENSHOT_FRAMES)
    return G_SOURCE_CONTINUE;

  /* The default size counts the window's client-side borders, which the
   * picture leaves out: grow the window once so that the picture has the
   * size asked for. */
  if (self->default_width > 0 && !self->screenshot_resized)
    {
      int dw = self->default_width - gtk_widget_get_width (widget);
      int dh = self->default_height - gtk_widget_get_height (widget);

      self->screenshot_resized = TRUE;
      if (dw != 0 || dh != 0)
        {
          gtk_window_set_default_size (GTK_WINDOW (widget), self->default_width + dw,
                                       self->default_height + dh);
          self->screenshot_frames = 0;
          return G_SOURCE_CONTINUE;
        }
    }

  /* Ticks come before the frame's layout; capture after its paint. */
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (screenshot_after_paint), self);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);

  return G_SOURCE_REMOVE;
}

static void
screenshot_analysis_done (PvWindow *window, PvApplication *self)
{
  const GError *error = pv_window_get_analysis_error (window);

  if (error != NULL)
    g_printerr (_ ("peyvand: the article could not be analyzed, the picture shows its text only: "
                   "%s\n"),
                error->message);

  self->screenshot_frames = 0;
  gtk_widget_add_tick_callback (GTK_WIDGET (window), screenshot_tick_cb, self, NULL);
}

static void
screenshot_load_failed (PvWindow *window, const char *message, PvApplication *self)
{
  g_printerr ("peyvand: %s\n", message);
  pv_application_screenshot_finish (self, 1);
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  PvApplication *self = PV_APPLICATION (user_data);

  self->screenshot_timeout = 0;
  g_printerr (_ ("peyvand: gave up waiting for the article to be shown and analyzed\n"));
  pv_application_screenshot_finish (self, 1);

  return G_SOURCE_REMOVE;
}

static void
pv_application_start_screenshot (PvApplication *self, GFile *file)
{
  PvWindow *window = pv_application_new_window (self);

  self->screenshot_window = window;
  g_signal_connect (window, "analysis-done", G_CALLBACK (screenshot_analysis_done), self);
  g_signal_connect (window, "load-failed", G_CALLBACK (screenshot_load_failed), self);
  self->screenshot_timeout =
      g_timeout_add_seconds (SCREENSHOT_TIMEOUT_SECONDS, screenshot_timeout_cb, self);

  pv_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
pv_application_activate (GApplication *application)
{
  PvApplication *self = PV_APPLICATION (application);
  GtkWindow *window;

  if (self->screenshot_path != NULL)
    {
      g_printerr (_ ("peyvand: --screenshot needs the FILE to show\n"));
      self->exit_status = 2;
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (pv_application_new_window (self));
  gtk_window_present (window);
}

static void
pv_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  PvApplication *self = PV_APPLICATION (application);

  if (self->screenshot_path != NULL)
    {
      if (n_files != 1)
        {
          g_printerr (_ ("peyvand: --screenshot shows one FILE, not %d\n"), n_files);
          self->exit_status = 2;
          return;
        }
      pv_application_start_screenshot (self, files[0]);
      return;
    }

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
      PvWindow *window;

      /* An empty window (the one that `peyvand` without a file opened) takes
       * the first article. */
      if (PV_IS_WINDOW (active) && pv_window_get_document (PV_WINDOW (active)) == NULL &&
          !pv_window_get_busy (PV_WINDOW (active)))
        window = PV_WINDOW (active);
      else
        window = pv_application_new_window (self);

      if (self->exit_after_first_frame && i == 0)
        first_frame_start (self, window);
      pv_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
pv_application_about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PvApplication *self = PV_APPLICATION (user_data);
  static const char *developers[] = { "The Peyvand authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  pv_application_add_app_icon ();
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", TRUE,
                        "application-name", _ ("Peyvand"), "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION, "developer-name", _ ("The Peyvand authors"),
                        "developers", developers, "comments",
                        _ ("Explore the relationships between the countries, people, "
                           "organizations, places and topics of news articles."),
                        "copyright", "© 2026 The Peyvand authors", "license-type",
                        GTK_LICENSE_GPL_3_0, "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
pv_application_quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = pv_application_about_action },
  { .name = "quit", .activate = pv_application_quit_action },
};

/* The settings, when their schema is installed (or found through
 * GSETTINGS_SCHEMA_DIR): the application works without them. */
static GSettings *
pv_application_load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: settings are not kept", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* The application's resources (ui/, data/: peyvand.gresource.xml). */
#define APPLICATION_RESOURCE_PATH "/org/peyvand/Peyvand"

/* Adding a path to the icon theme throws away whatever the theme has
 * loaded (or is loading in a thread, which the call first waits for); the
 * next icon then loads the whole theme (index files and caches of Adwaita
 * and hicolor) again.  So the application has no resource base path (see
 * pv_application_new()): GtkApplication's start-up would add its icons
 * to the theme just after GTK began loading it, and libadwaita adds its
 * own right after creating the theme, before that load starts.  Only the
 * application's own icon is in its resources, and only the About window
 * and the page of a window with no article show it: they add it when
 * they are first built, and the theme is loaded again in a thread.  The
 * theme locks itself: its lookups are safe from any thread. */
static void
load_icon_theme_thread (GTask *task, gpointer source_object, gpointer task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

static void
load_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)),
                        g_object_unref);
  g_task_run_in_thread (task, load_icon_theme_thread);
}

void
pv_application_add_app_icon (void)
{
  static gboolean added;
  GdkDisplay *display = gdk_display_get_default ();

  if (added || display == NULL)
    return;
  added = TRUE;
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    APPLICATION_RESOURCE_PATH "/icons");
  load_icon_theme_in_thread ();
}

/* Session bus ------------------------------------------------------------------ */

/* Set by pv_application_skip_session_bus_search() until start-up is done */
static gboolean session_bus_disabled;

gboolean
pv_application_session_bus_unreachable (const char *address, const char *runtime_dir)
{
  g_autofree char *socket_path = NULL;
  g_autofree char *launcher = NULL;
  GStatBuf status;

  if (address != NULL)
    return FALSE;
  /* where GLib looks first (gdbusaddress.c, get_session_address_xdg()) */
  if (runtime_dir != NULL)
    {
      socket_path = g_build_filename (runtime_dir, "bus", NULL);
      if (g_stat (socket_path, &status) == 0 && S_ISSOCK (status.st_mode))
        return FALSE;
    }
  /* then it runs "dbus-launch --autolaunch" */
  launcher = g_find_program_in_path ("dbus-launch");
  return launcher == NULL;
}

void
pv_application_skip_session_bus_search (void)
{
  if (!pv_application_session_bus_unreachable (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                               g_get_user_runtime_dir ()))
    return;
  /* libdbus reads "disabled:" as "there is no bus"; GLib knows no such
   * transport: either way the search fails at once, with no process
   * forked */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  session_bus_disabled = TRUE;
}

/* The programs started from here, and a bus started later, see the
 * environment as it was. */
static void
restore_session_bus_search (void)
{
  if (!session_bus_disabled)
    return;
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  session_bus_disabled = FALSE;
}

/* What AdwApplication loads from the resource base path by itself. */
static void
load_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;
  gtk_css_provider_load_from_resource (provider, APPLICATION_RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
pv_application_startup (GApplication *application)
{
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  /* GtkApplication's, for the window's own action (pv-window.c) */
  static const char *help_overlay_accels[] = { "<Control>question", NULL };
  GtkApplication *gtk_application = GTK_APPLICATION (application);

  /* libadwaita's settings look for the session bus here */
  G_APPLICATION_CLASS (pv_application_parent_class)->startup (application);
  restore_session_bus_search ();
  load_style ();

  /* A picture must not catch a transition halfway. */
  if (PV_APPLICATION (application)->screenshot_path != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (PV_APPLICATION (application)->screenshot_path == NULL)
    PV_APPLICATION (application)->settings = pv_application_load_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (gtk_application, "win.open", open_accels);
  gtk_application_set_accels_for_action (gtk_application, "win.export", export_accels);
  gtk_application_set_accels_for_action (gtk_application, "window.close", close_accels);
  gtk_application_set_accels_for_action (gtk_application, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (gtk_application, "win.show-help-overlay",
                                         help_overlay_accels);
}

static void
pv_application_finalize (GObject *object)
{
  PvApplication *self = PV_APPLICATION (object);

  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->knowledge, pv_knowledge_unref);
  g_clear_error (&self->knowledge_error);
  g_mutex_clear (&self->analysis_mutex);

  G_OBJECT_CLASS (pv_application_parent_class)->finalize (object);
}

static void
pv_application_class_init (PvApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pv_application_finalize;

  application_class->handle_local_options = pv_application_handle_local_options;
  application_class->startup = pv_application_startup;
  application_class->activate = pv_application_activate;
  application_class->open = pv_application_open;
}

static void
pv_application_init (PvApplication *self)
{
  g_mutex_init (&self->analysis_mutex);
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _ ("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _ ("Shows a news article with the countries, people, "
                                               "organizations, places and topics it mentions."));
}

PvApplication *
pv_application_new (void)
{
  PvApplication *self = g_object_new (PV_TYPE_APPLICATION, "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_HANDLES_OPEN, NULL);

  /* set from the id by GApplication when constructed: see
   * pv_application_add_app_icon() */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}

GSettings *
pv_application_get_settings (PvApplication *self)
{
  g_return_val_if_fail (PV_IS_APPLICATION (self), NULL);

  return self->settings;
}

int
pv_application_get_exit_status (PvApplication *self)
{
  g_return_val_if_fail (PV_IS_APPLICATION (self), 1);

  return self->exit_status;
}

/* The knowledge base loaded by pv_application_preload_knowledge(), until
 * the first analysis (or a reload) takes it. */
typedef struct
{
  PvKnowledge *knowledge;
  GError *error;
} Preloaded;

G_LOCK_DEFINE_STATIC (preload);
static GThread *preload_thread;

/* The preload runs while GTK opens the display and the window is built;
 * the first analysis needs it only once the window is shown.  At a low
 * priority it leaves the processor to the interface's thread (and to the
 * display server it waits for) on a machine with few cores.  Not the
 * lowest: on a busy machine the first analysis would wait for it too long.
 * On Linux a thread has a nice value of its own. */
static void
lower_this_thread_priority (void)
{
#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t)gettid (), 10) != 0)
    g_debug ("could not lower the knowledge base thread's priority: %s", g_strerror (errno));
#endif
}

static gpointer
preload_thread_func (gpointer data)
{
  Preloaded *preloaded = g_new0 (Preloaded, 1);

  lower_this_thread_priority ();
  preloaded->knowledge = pv_knowledge_new_default (&preloaded->error);
  return preloaded;
}

void
pv_application_preload_knowledge (void)
{
  /* The thread looks for the user's knowledge file in the user data folder.
   * GLib reads that from the environment once and keeps it: read here, so
   * that the thread does not read the environment while main() changes it
   * (GTK_THEME, DBUS_SESSION_BUS_ADDRESS: getenv() is not safe against
   * setenv()). */
  g_get_user_data_dir ();

  G_LOCK (preload);
  if (preload_thread == NULL)
    preload_thread = g_thread_new ("pv-knowledge", preload_thread_func, NULL);
  G_UNLOCK (preload);
}

/* What the preload loaded (waiting for it to finish), or NULL when nothing
 * was preloaded or it was taken already. */
static Preloaded *
take_preloaded (void)
{
  GThread *thread;

  G_LOCK (preload);
  thread = g_steal_pointer (&preload_thread);
  G_UNLOCK (preload);
  return thread != NULL ? g_thread_join (thread) : NULL;
}

static void
preloaded_free (Preloaded *preloaded)
{
  g_clear_pointer (&preloaded->knowledge, pv_knowledge_unref);
  g_clear_error (&preloaded->error);
  g_free (preloaded);
}

void
pv_application_reload_knowledge (PvApplication *self)
{
  g_autoptr (GMutexLocker) locker = NULL;
  Preloaded *preloaded;

  g_return_if_fail (PV_IS_APPLICATION (self));

  locker = g_mutex_locker_new (&self->analysis_mutex);
  /* loaded before the user's file changed */
  preloaded = take_preloaded ();
  if (preloaded != NULL)
    preloaded_free (preloaded);
  g_clear_pointer (&self->knowledge, pv_knowledge_unref);
  g_clear_error (&self->knowledge_error);
  self->knowledge_loaded = FALSE;
}

PvAnalysis *
pv_application_analyze (PvApplication *self, PvDocument *document, char **warning, GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  PvAnalyzeOptions options = { NULL };

  g_return_val_if_fail (PV_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->analysis_mutex);

  if (!self->knowledge_loaded)
    {
      g_autoptr (GError) local_error = NULL;
      Preloaded *preloaded = take_preloaded ();

      self->knowledge_loaded = TRUE;
      if (preloaded != NULL)
        {
          self->knowledge = g_steal_pointer (&preloaded->knowledge);
          local_error = g_steal_pointer (&preloaded->error);
          preloaded_free (preloaded);
        }
      else
        self->knowledge = pv_knowledge_new_default (&local_error);
      if (self->knowledge == NULL)
        {
          if (local_error == NULL)
            g_set_error_literal (&local_error, PV_KNOWLEDGE_ERROR, PV_KNOWLEDGE_ERROR_INVALID,
                                 _ ("The knowledge base could not be loaded"));
          self->knowledge_error = g_steal_pointer (&local_error);
        }
      else if (local_error != NULL && warning != NULL)
        {
          /* The user's knowledge file was skipped; the built-in base works. */
          *warning = g_strdup (local_error->message);
        }
    }

  if (self->knowledge == NULL)
    {
      pv_document_free (document);
      g_propagate_error (error, g_error_copy (self->knowledge_error));
      return NULL;
    }

  return pv_analyze (document, self->knowledge, &options);
}
