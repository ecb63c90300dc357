/* pv-window.c: a window showing one article
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>

#include "pv-window.h"

/* How long an error stays on screen, in seconds. */
#define ERROR_TOAST_TIMEOUT 10

struct _PvWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkSpinner *spinner;
  PvArticleView *article_view;

  GFile *file;
  PvDocument *document;
  PvAnalysis *analysis;
  GError *analysis_error;

  /* Non-NULL while a load or an analysis runs; a finished task whose
   * cancellable is not the current one has been superseded. */
  GCancellable *load_cancellable;
  GCancellable *analysis_cancellable;

  GtkFileChooserNative *file_chooser;
};

G_DEFINE_FINAL_TYPE (PvWindow, pv_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  DOCUMENT_LOADED,
  LOAD_FAILED,
  ANALYSIS_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  PvApplication *application;
  PvDocument *document;
  char *warning;
} AnalyzeData;

static void
analyze_data_free (AnalyzeData *data)
{
  g_clear_object (&data->application);
  g_clear_pointer (&data->document, pv_document_free);
  g_free (data->warning);
  g_free (data);
}

static void
pv_window_show_error (PvWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, ERROR_TOAST_TIMEOUT);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
pv_window_update_busy (PvWindow *self)
{
  gboolean busy = pv_window_get_busy (self);

  if (busy == gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
pv_window_update_title (PvWindow *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *file_name = g_filename_display_name (basename);
  const char *title = self->document->title;

  if (title != NULL && *title != '\0')
    {
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, file_name);
    }
  else
    {
      title = file_name;
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
analyze_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  AnalyzeData *data = task_data;
  g_autoptr (GError) error = NULL;
  PvAnalysis *analysis;

  analysis = pv_application_analyze (data->application, g_steal_pointer (&data->document),
                                     &data->warning, &error);
  if (analysis == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, analysis, (GDestroyNotify)pv_analysis_free);
}

static void
analyze_done (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  PvWindow *self = PV_WINDOW (source_object);
  GTask *task = G_TASK (result);
  AnalyzeData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  PvAnalysis *analysis;

  if (g_task_get_cancellable (task) != self->analysis_cancellable)
    return; /* another document is shown now */
  g_clear_object (&self->analysis_cancellable);

  if (data->warning != NULL)
    pv_window_show_error (self, data->warning);

  analysis = g_task_propagate_pointer (task, &error);
  if (analysis == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_ ("The article could not be analyzed: %s"), error->message);
      pv_window_show_error (self, message);
      self->analysis_error = g_steal_pointer (&error);
    }
  else
    {
      self->analysis = analysis;
      pv_article_view_set_analysis (self->article_view, analysis);
    }

  pv_window_update_busy (self);
  g_signal_emit (self, signals[ANALYSIS_DONE], 0);
}

static void
pv_window_start_analysis (PvWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GTask) task = NULL;
  AnalyzeData *data;

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);

  if (!PV_IS_APPLICATION (application))
    {
      g_set_error_literal (&self->analysis_error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           "The window belongs to no Peyvand application");
      g_signal_emit (self, signals[ANALYSIS_DONE], 0);
      return;
    }

  data = g_new0 (AnalyzeData, 1);
  data->application = g_object_ref (PV_APPLICATION (application));
  /* the analysis takes ownership of its document; the window keeps its own */
  data->document = pv_document_copy (self->document);

  self->analysis_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->analysis_cancellable, analyze_done, NULL);
  g_task_set_source_tag (task, pv_window_start_analysis);
  g_task_set_task_data (task, data, (GDestroyNotify)analyze_data_free);
  g_task_run_in_thread (task, analyze_thread);
}

static void
pv_window_set_document (PvWindow *self, GFile *file, PvDocument *document)
{
  g_set_object (&self->file, file);
  g_clear_pointer (&self->document, pv_document_free);
  self->document = document;
  g_clear_pointer (&self->analysis, pv_analysis_free);
  g_clear_error (&self->analysis_error);

  pv_article_view_set_text (self->article_view, document->text, (gssize)document->text_bytes);
  pv_window_update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "article");
  g_signal_emit (self, signals[DOCUMENT_LOADED], 0);

  pv_window_start_analysis (self);
  pv_window_update_busy (self);
}

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  PvDocument *document;

  if (path != NULL)
    {
      document = pv_document_load_file (path, &error);
    }
  else
    {
      /* Not a local file (a URI from a portal or GVfs). */
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
        {
          g_task_return_new_error (task, error->domain, error->code, _ ("Could not read “%s”: %s"),
                                   name, error->message);
          return;
        }
      document = pv_document_load_bytes (name, (const guint8 *)contents, length, basename, &error);
    }

  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, (GDestroyNotify)pv_document_free);
}

static void
load_done (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  PvWindow *self = PV_WINDOW (source_object);
  GTask *task = G_TASK (result);
  GFile *file = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  PvDocument *document;

  if (g_task_get_cancellable (task) != self->load_cancellable)
    return; /* superseded by a later open, or the window was closed */
  g_clear_object (&self->load_cancellable);

  document = g_task_propagate_pointer (task, &error);
  if (document == NULL)
    {
      pv_window_show_error (self, error->message);
      pv_window_update_busy (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error->message);
      return;
    }

  pv_window_set_document (self, file, document);
}

void
pv_window_open_file (PvWindow *self, GFile *file)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PV_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, pv_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);

  pv_window_update_busy (self);
}

static void
file_chooser_response (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  PvWindow *self = PV_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        pv_window_open_file (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static void
pv_window_open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  g_autoptr (GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
      return;
    }

  self->file_chooser =
      gtk_file_chooser_native_new (_ ("Open an Article"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  chooser = GTK_FILE_CHOOSER (self->file_chooser);

  gtk_file_filter_set_name (articles, _ ("Articles"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_mime_type (articles, "application/json");
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_suffix (articles, "htm");
  gtk_file_filter_add_suffix (articles, "json");
  gtk_file_chooser_add_filter (chooser, articles);

  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  if (self->file != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  g_signal_connect (self->file_chooser, "response", G_CALLBACK (file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
pv_window_dispose (GObject *object)
{
  PvWindow *self = PV_WINDOW (object);

  /* Tasks still running hold a reference on the window; cancelling and
   * dropping the cancellables makes them finish without touching it. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_WINDOW);

  G_OBJECT_CLASS (pv_window_parent_class)->dispose (object);
}

static void
pv_window_finalize (GObject *object)
{
  PvWindow *self = PV_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->analysis, pv_analysis_free);
  g_clear_pointer (&self->document, pv_document_free);
  g_clear_error (&self->analysis_error);

  G_OBJECT_CLASS (pv_window_parent_class)->finalize (object);
}

static void
pv_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PvWindow *self = PV_WINDOW (object);

  switch (prop_id)
    {
      case PROP_BUSY:
        g_value_set_boolean (value, pv_window_get_busy (self));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_window_class_init (PvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_window_dispose;
  object_class->finalize = pv_window_finalize;
  object_class->get_property = pv_window_get_property;

  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_LOADED] = g_signal_new ("document-loaded", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ANALYSIS_DONE] = g_signal_new ("analysis-done", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PV_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/peyvand/Peyvand/pv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PvWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, article_view);

  /* The shortcut (Ctrl+O) is set with the application's accelerators. */
  gtk_widget_class_install_action (widget_class, "win.open", NULL, pv_window_open_action);
}

static void
pv_window_init (PvWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PvWindow *
pv_window_new (PvApplication *application)
{
  g_return_val_if_fail (PV_IS_APPLICATION (application), NULL);

  return g_object_new (PV_TYPE_WINDOW, "application", application, NULL);
}

GFile *
pv_window_get_file (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->file;
}

const PvDocument *
pv_window_get_document (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->document;
}

const PvAnalysis *
pv_window_get_analysis (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->analysis;
}

const GError *
pv_window_get_analysis_error (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->analysis_error;
}

gboolean
pv_window_get_busy (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL || self->analysis_cancellable != NULL;
}

PvArticleView *
pv_window_get_article_view (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->article_view;
}

GtkTextBuffer *
pv_window_get_buffer (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return pv_article_view_get_buffer (self->article_view);
}

gboolean
pv_window_save_png (PvWindow *self, const char *path, GError **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GBytes) png = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  if (!gtk_widget_get_mapped (widget) || width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _ ("The window is not shown, so there is nothing to capture"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The window drew nothing"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);

  return g_file_set_contents_full (path, g_bytes_get_data (png, NULL),
                                   (gssize)g_bytes_get_size (png), G_FILE_SET_CONTENTS_CONSISTENT,
                                   0666, error);
}
