/* pv-window.c: a window showing one article
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>

#include "pv-export-dialog.h"
#include "pv-graph-panel.h"
#include "pv-presentation.h"
#include "pv-window-edits.h"
#include "pv-window-private.h"
#include "pv-capture.h"
#include "pv-window.h"

/* How long an error stays on screen, in seconds. */
#define ERROR_TOAST_TIMEOUT 10
/* The recent articles offered by the Open button */
#define MAX_RECENT 10
/* What the recent-files list records as the application */
#define RECENT_APP_NAME "peyvand"
/* Text size steps, in points */
#define FONT_SIZE_STEP 1.0

struct _PvWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  /* NULL until the window is shown without an article */
  GtkWidget *empty_page;
  GtkSpinner *spinner;
  AdwSplitButton *open_button;
  GtkMenuButton *menu_button;
  GtkWidget *export_button;
  GtkWidget *present_button;
  GMenuModel *primary_menu;
  GtkPaned *paned;
  PvArticleView *article_view;
  PvGraphPanel *graph_panel;
  PvGraphView *graph_view;

  GSettings *settings;
  /* the Open button's menu: empty until pv_window_add_menus_and_tooltips() */
  GMenu *recent_menu;
  gboolean menus_and_tooltips_added;
  /* the idle that adds the menus and the tooltips once the first frame is
   * painted */
  guint menus_and_tooltips_idle;

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
  PROP_GRAPH_SETTLED,
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

/* An article being loaded; the thread that loads it analyzes it too, so
 * that the text and its analysis are shown at once, in the same frame. */
typedef struct
{
  GFile *file;
  PvApplication *application; /* NULL: analyzed once shown */
  gboolean analyzed;
  PvAnalysis *analysis; /* of a copy of the document */
  char *warning;
  GError *analysis_error;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->application);
  g_clear_pointer (&data->analysis, pv_analysis_free);
  g_free (data->warning);
  g_clear_error (&data->analysis_error);
  g_free (data);
}

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

  pv_graph_panel_set_busy (self->graph_panel, self->analysis_cancellable != NULL);

  if (busy == gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH_SETTLED]);
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

/* Linked selection ------------------------------------------------------------ */

/* Export and the presentation need a graph with something in it. */
static void
pv_window_update_export_action (PvWindow *self)
{
  gboolean enabled = self->analysis != NULL && self->analysis->nodes->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", enabled);
}

static void
pv_window_update_mention_actions (PvWindow *self)
{
  gboolean enabled = pv_article_view_get_selected_node (self->article_view) >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-mention", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-mention", enabled);
}

/* Shows `node` selected everywhere: in the graph, its mentions in the article
 * (the `mention`-th the current one), its details in the panel. */
static void
pv_window_show_node (PvWindow *self, int node, guint mention, gboolean scroll)
{
  pv_graph_view_set_selected_edge (self->graph_view, -1);
  pv_graph_view_set_selected_node (self->graph_view, node);
  pv_article_view_show_sentence (self->article_view, -1);
  pv_article_view_select_node (self->article_view, node, mention, scroll);
  pv_graph_panel_show_node (self->graph_panel,
                            pv_article_view_get_selected_node (self->article_view),
                            pv_article_view_get_current_mention (self->article_view));
  pv_window_update_mention_actions (self);
}

static void
pv_window_show_edge (PvWindow *self, int edge)
{
  pv_graph_view_set_selected_node (self->graph_view, -1);
  pv_graph_view_set_selected_edge (self->graph_view, edge);
  pv_article_view_select_node (self->article_view, -1, 0, FALSE);
  pv_article_view_show_sentence (self->article_view, -1);
  pv_graph_panel_show_edge (self->graph_panel, pv_graph_view_get_selected_edge (self->graph_view));
  pv_window_update_mention_actions (self);
}

static void
node_activated_cb (PvGraphView *view, int node, PvWindow *self)
{
  pv_window_show_node (self, node, 0, TRUE);
}

static void
edge_activated_cb (PvGraphView *view, int edge, PvWindow *self)
{
  pv_window_show_edge (self, edge);
}

static void
mention_activated_cb (PvArticleView *view, int node, guint mention, PvWindow *self)
{
  /* the mention is where the user clicked: no need to scroll to it */
  pv_window_show_node (self, node, mention, FALSE);
  pv_graph_view_focus_node (self->graph_view, node);
}

static void
sentence_activated_cb (PvGraphPanel *panel, int sentence, int mention, PvWindow *self)
{
  int node = pv_article_view_get_selected_node (self->article_view);

  if (mention >= 0 && node >= 0)
    {
      pv_article_view_select_node (self->article_view, node, (guint)mention, TRUE);
      pv_graph_panel_show_node (self->graph_panel, node, mention);
    }
  else
    {
      pv_article_view_show_sentence (self->article_view, sentence);
    }
}

static void
graph_settled_cb (PvGraphView *view, GParamSpec *pspec, PvWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH_SETTLED]);
}

void
pv_window_select_node (PvWindow *self, int node)
{
  g_return_if_fail (PV_IS_WINDOW (self));

  pv_window_show_node (self, node, 0, TRUE);
  if (node >= 0)
    pv_graph_view_focus_node (self->graph_view, node);
}

void
pv_window_select_edge (PvWindow *self, int edge)
{
  g_return_if_fail (PV_IS_WINDOW (self));

  pv_window_show_edge (self, edge);
}

/* Recent files ----------------------------------------------------------------- */

static void
pv_window_add_recent (PvWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *)"text/plain",
    .app_name = (char *)RECENT_APP_NAME,
    .app_exec = (char *)"peyvand %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  GtkRecentInfo *x = (GtkRecentInfo *)a;
  GtkRecentInfo *y = (GtkRecentInfo *)b;

  return -g_date_time_compare (gtk_recent_info_get_modified (x), gtk_recent_info_get_modified (y));
}

static void
pv_window_update_recent_menu (PvWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr (GMenu) section = g_menu_new ();
  guint n = 0;

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr (GMenuItem) item = NULL;

      if (!gtk_recent_info_has_application (info, RECENT_APP_NAME) ||
          (gtk_recent_info_is_local (info) && !gtk_recent_info_exists (info)))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  if (n == 0)
    g_menu_append (section, _ ("No Recent Articles"), "win.no-recent");

  g_menu_remove_all (self->recent_menu);
  g_menu_append_section (self->recent_menu, _ ("Recent Articles"), G_MENU_MODEL (section));
}

static void
recent_changed_cb (GtkRecentManager *manager, PvWindow *self)
{
  pv_window_update_recent_menu (self);
}

static void pv_window_show_empty_if_no_document (PvWindow *self);

/* Menus and tooltips ------------------------------------------------------------ */

/* The menus and the tooltips are not on the first frame: they are added
 * once it is painted (or when the main menu is first opened), and the
 * recent files read then.
 * - A menu model makes the split button build its popover at once; until
 *   then the Open button's arrow has no menu.
 * - GTK 4.8 asks the X server where the pointer is whenever a visible
 *   widget gets a tooltip, shown or not: three round trips each, some 5 ms
 *   for the fourteen tooltips of the header bar, the graph's tool bar and
 *   the legend.  No one can hover over them before the first frame. */
static void
pv_window_add_menus_and_tooltips (PvWindow *self)
{
  g_clear_handle_id (&self->menus_and_tooltips_idle, g_source_remove);
  if (self->menus_and_tooltips_added)
    return;
  self->menus_and_tooltips_added = TRUE;

  gtk_menu_button_set_menu_model (self->menu_button, self->primary_menu);
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_menu));
  pv_window_update_recent_menu (self);
  g_signal_connect (gtk_recent_manager_get_default (), "changed", G_CALLBACK (recent_changed_cb),
                    self);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), _ ("Open an Article (Ctrl+O)"));
  adw_split_button_set_dropdown_tooltip (self->open_button, _ ("Recent Articles"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _ ("Main Menu"));
  gtk_widget_set_tooltip_text (self->export_button,
                               _ ("Export the Graph as an Image or as Data (Ctrl+E)"));
  gtk_widget_set_tooltip_text (self->present_button,
                               _ ("Tell the Article Sentence by Sentence, Full Screen (F5)"));
  pv_graph_panel_set_tooltips (self->graph_panel);
}

static gboolean
add_menus_and_tooltips_idle (gpointer user_data)
{
  PvWindow *self = PV_WINDOW (user_data);

  self->menus_and_tooltips_idle = 0;
  pv_window_add_menus_and_tooltips (self);
  return G_SOURCE_REMOVE;
}

/* The main menu opened before the idle came (F10, a click) */
static void
create_primary_menu (GtkMenuButton *button, gpointer user_data)
{
  pv_window_add_menus_and_tooltips (PV_WINDOW (user_data));
}

static void
first_frame_after_paint (GdkFrameClock *frame_clock, PvWindow *self)
{
  /* an analysis to show comes first */
  if (pv_window_get_busy (self))
    return;
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_after_paint, self);
  /* after this frame's other after-paint handlers, before the next frame */
  if (!self->menus_and_tooltips_added && self->menus_and_tooltips_idle == 0)
    self->menus_and_tooltips_idle =
        g_idle_add_full (G_PRIORITY_HIGH_IDLE, add_menus_and_tooltips_idle, self, NULL);
}

static void
pv_window_show (GtkWidget *widget)
{
  PvWindow *self = PV_WINDOW (widget);

  /* shown with no article and none loading */
  if (self->load_cancellable == NULL)
    pv_window_show_empty_if_no_document (self);

  GTK_WIDGET_CLASS (pv_window_parent_class)->show (widget);
}

static void
pv_window_realize (GtkWidget *widget)
{
  PvWindow *self = PV_WINDOW (widget);

  GTK_WIDGET_CLASS (pv_window_parent_class)->realize (widget);

  if (!self->menus_and_tooltips_added)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_after_paint), self, 0);
}

static void
pv_window_unrealize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget),
                                        first_frame_after_paint, widget);

  GTK_WIDGET_CLASS (pv_window_parent_class)->unrealize (widget);
}

/* The keyboard shortcuts window (Ctrl+?), built when first asked for */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
          gtk_builder_new_from_resource ("/org/peyvand/Peyvand/pv-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
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

/* Shows the analysis of the document shown (taking it), or the error. */
static void
pv_window_analysis_finished (PvWindow *self, PvAnalysis *analysis, const char *warning,
                             GError *error)
{
  if (warning != NULL)
    pv_window_show_error (self, warning);

  if (analysis == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_ ("The article could not be analyzed: %s"), error->message);
      pv_window_show_error (self, message);
      self->analysis_error = g_error_copy (error);
    }
  else
    {
      /* shown with the project's edits (pv-window-edits.c) */
      pv_window_edits_analysis_done (self, analysis);
    }

  pv_window_update_mention_actions (self);
  pv_window_update_export_action (self);
  pv_window_update_busy (self);
  g_signal_emit (self, signals[ANALYSIS_DONE], 0);
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

  analysis = g_task_propagate_pointer (task, &error);
  pv_window_analysis_finished (self, analysis, data->warning, error);
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
                           _ ("The window belongs to no Peyvand application"));
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

/* A window that shows no article invites to open one: the page is built
 * then, never for a window opened on an article. */
static void
pv_window_show_empty_if_no_document (PvWindow *self)
{
  if (self->document != NULL)
    return;

  if (self->empty_page == NULL)
    {
      g_autoptr (GtkBuilder) builder = NULL;

      /* the page shows the application's icon */
      pv_application_add_app_icon ();
      builder = gtk_builder_new_from_resource ("/org/peyvand/Peyvand/pv-window-empty.ui");

      self->empty_page = GTK_WIDGET (gtk_builder_get_object (builder, "empty_page"));
      gtk_stack_add_named (self->stack, self->empty_page, "empty");
      /* first of the stack's children, where the template had it */
      gtk_widget_insert_after (self->empty_page, GTK_WIDGET (self->stack), NULL);
    }
  gtk_stack_set_visible_child (self->stack, self->empty_page);
}

/* Shows the document (taking it) and its analysis: the one `loaded` brings,
 * or one started now. */
static void
pv_window_set_document (PvWindow *self, GFile *file, PvDocument *document, LoadData *loaded)
{
  g_set_object (&self->file, file);
  g_clear_pointer (&self->document, pv_document_free);
  self->document = document;
  /* the views let go of the analysis before it goes */
  pv_article_view_set_analysis (self->article_view, NULL);
  pv_graph_panel_set_analysis (self->graph_panel, NULL);
  g_clear_pointer (&self->analysis, pv_analysis_free);
  g_clear_error (&self->analysis_error);
  pv_window_edits_document_changed (self);
  pv_window_update_mention_actions (self);
  pv_window_update_export_action (self);
  pv_window_add_recent (self, file);

  pv_article_view_set_text (self->article_view, document->text, (gssize)document->text_bytes);
  pv_window_update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "article");
  g_signal_emit (self, signals[DOCUMENT_LOADED], 0);

  if (loaded != NULL && loaded->analyzed)
    {
      g_cancellable_cancel (self->analysis_cancellable);
      g_clear_object (&self->analysis_cancellable);
      pv_window_analysis_finished (self, g_steal_pointer (&loaded->analysis), loaded->warning,
                                   loaded->analysis_error);
    }
  else
    pv_window_start_analysis (self);
  pv_window_update_busy (self);
}

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  GFile *file = data->file;
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
      g_autoptr (GFileInfo) info = NULL;
      gsize length = 0;

      /* refused before it is read, as pv_document_load_file does */
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                cancellable, NULL);
      if (info != NULL && (guint64)g_file_info_get_size (info) > PV_DOCUMENT_MAX_BYTES)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   _ ("Could not read “%s”: too large (Peyvand reads articles "
                                      "of up to %d MiB)"),
                                   name, (int)(PV_DOCUMENT_MAX_BYTES >> 20));
          return;
        }
      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
        {
          g_task_return_new_error (task, error->domain, error->code, _ ("Could not read “%s”: %s"),
                                   name, error->message);
          return;
        }
      document = pv_document_load_bytes (name, (const guint8 *)contents, length, basename, &error);
    }

  if (document != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (!pv_article_view_check_text (name, document->text, document->text_bytes, &error))
        g_clear_pointer (&document, pv_document_free);
    }
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->application != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      /* the analysis takes ownership of its document; the window keeps its own */
      data->analysis = pv_application_analyze (data->application, pv_document_copy (document),
                                               &data->warning, &data->analysis_error);
      data->analyzed = TRUE;
    }
  g_task_return_pointer (task, document, (GDestroyNotify)pv_document_free);
}

static void
load_done (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  PvWindow *self = PV_WINDOW (source_object);
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  PvDocument *document;

  if (g_task_get_cancellable (task) != self->load_cancellable)
    return; /* superseded by a later open, or the window was closed */
  g_clear_object (&self->load_cancellable);

  document = g_task_propagate_pointer (task, &error);
  if (document == NULL)
    {
      pv_window_show_empty_if_no_document (self);
      pv_window_show_error (self, error->message);
      pv_window_update_busy (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error->message);
      return;
    }

  pv_window_set_document (self, data->file, document, data);
}

void
pv_window_open_file (PvWindow *self, GFile *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (PV_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  /* a project (*.peyvand) opens at once, its article with it */
  if (pv_window_edits_open_project_file (self, file))
    {
      pv_window_update_busy (self);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  /* The article's page shows while it loads (busy): the empty page is never
   * laid out for a window opened on an article. */
  gtk_stack_set_visible_child_name (self->stack, "article");

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  if (PV_IS_APPLICATION (application))
    data->application = g_object_ref (PV_APPLICATION (application));
  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, pv_window_open_file);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
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
  g_autoptr (GtkFileFilter) projects = gtk_file_filter_new ();
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
  gtk_file_filter_add_suffix (articles, "peyvand");
  gtk_file_chooser_add_filter (chooser, articles);

  gtk_file_filter_set_name (projects, _ ("Peyvand Projects"));
  gtk_file_filter_add_suffix (projects, "peyvand");
  gtk_file_chooser_add_filter (chooser, projects);

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
exported_cb (PvExportDialog *dialog, const char *path, PvWindow *self)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *message = g_strdup_printf (_ ("Exported the graph to “%s”"), name);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  PvExportDialog *dialog;

  if (self->analysis == NULL)
    return;

  dialog = pv_export_dialog_new (GTK_WINDOW (self), self->graph_view, self->file);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* F5: the article sentence by sentence, full screen, the graph growing
 * in the positions it has here */
static void
present_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  const PvLayout *layout = NULL;
  PvPresentation *presentation;

  if (self->analysis == NULL || self->analysis->nodes->len == 0)
    return;

  if (pv_graph_view_get_settled (self->graph_view))
    layout = pv_graph_view_get_layout (self->graph_view);
  presentation = pv_presentation_new (GTK_WINDOW (self), self->analysis, layout,
                                      pv_graph_view_get_draw_options (self->graph_view));
  gtk_window_present (GTK_WINDOW (presentation));
}

static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  pv_window_open_file (PV_WINDOW (widget), file);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);

  if (self->analysis != NULL)
    pv_graph_panel_focus_search (self->graph_panel);
}

static void
fit_graph_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_graph_view_fit (PV_WINDOW (widget)->graph_view);
}

static void
step_mention_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  int delta = g_str_equal (action_name, "win.previous-mention") ? -1 : 1;

  if (pv_article_view_step_mention (self->article_view, delta))
    pv_graph_panel_show_node (self->graph_panel,
                              pv_article_view_get_selected_node (self->article_view),
                              pv_article_view_get_current_mention (self->article_view));
}

static void
text_size_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  double size = pv_article_view_get_font_size (self->article_view);

  if (g_str_equal (action_name, "win.text-bigger"))
    size += FONT_SIZE_STEP;
  else if (g_str_equal (action_name, "win.text-smaller"))
    size -= FONT_SIZE_STEP;
  else
    size = PV_ARTICLE_VIEW_DEFAULT_FONT_SIZE;
  pv_article_view_set_font_size (self->article_view, size);
}

/* Dropped files ---------------------------------------------------------------- */

gboolean
pv_window_open_dropped (PvWindow *self, const GValue *value)
{
  GFile *file = NULL;

  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      /* one window shows one article: the first */
      if (files != NULL)
        file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      file = g_value_get_object (value);
    }

  if (file == NULL)
    return FALSE;

  pv_window_open_file (self, file);
  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, PvWindow *self)
{
  return pv_window_open_dropped (self, value);
}

/* For pv-window-edits.c (pv-window-private.h) ----------------------------------- */

void
pv_window_set_shown_analysis (PvWindow *self, PvAnalysis *analysis)
{
  /* the views let go of the analysis before it goes */
  pv_article_view_set_analysis (self->article_view, NULL);
  pv_graph_panel_set_analysis (self->graph_panel, NULL);
  g_clear_pointer (&self->analysis, pv_analysis_free);

  self->analysis = analysis;
  if (analysis != NULL)
    {
      pv_article_view_set_analysis (self->article_view, analysis);
      pv_graph_panel_set_analysis (self->graph_panel, analysis);
    }
  pv_window_update_mention_actions (self);
  pv_window_update_export_action (self);
}

void
pv_window_show_document (PvWindow *self, GFile *file, PvDocument *document)
{
  g_autoptr (GFile) kept = g_object_ref (file);

  pv_window_set_document (self, kept, document, NULL);
}

void
pv_window_report_load_failure (PvWindow *self, const char *message)
{
  pv_window_show_empty_if_no_document (self);
  pv_window_show_error (self, message);
  g_signal_emit (self, signals[LOAD_FAILED], 0, message);
}

void
pv_window_toast (PvWindow *self, const char *message, const char *button, const char *action)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, ERROR_TOAST_TIMEOUT);
  if (button != NULL && action != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* GObject ---------------------------------------------------------------------- */

/* The size and the divider come from the last window closed, without
 * following the other windows' changes; the text size and the labels are
 * the same in every window. */
static void
pv_window_bind_settings (PvWindow *self, GSettings *settings)
{
  g_set_object (&self->settings, settings);
  g_settings_bind (settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (settings, "pane-position", self->paned, "position",
                   G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (settings, "font-size", self->article_view, "font-size", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "graph-labels", self->graph_view, "labels", G_SETTINGS_BIND_DEFAULT);
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

  g_clear_handle_id (&self->menus_and_tooltips_idle, g_source_remove);
  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (), recent_changed_cb, self);

  /* The settings and the labels action no longer reach into the views. */
  if (self->settings != NULL && self->graph_view != NULL)
    {
      g_settings_unbind (self->article_view, "font-size");
      g_settings_unbind (self->graph_view, "labels");
    }
  g_action_map_remove_action (G_ACTION_MAP (self), "graph-labels");

  /* the views let go of the analysis, which goes in finalize */
  if (self->article_view != NULL)
    pv_article_view_set_analysis (self->article_view, NULL);
  if (self->graph_panel != NULL)
    pv_graph_panel_set_analysis (self->graph_panel, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_WINDOW);
  self->graph_view = NULL;

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
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);

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

      case PROP_GRAPH_SETTLED:
        g_value_set_boolean (value, pv_window_get_graph_settled (self));
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
  widget_class->show = pv_window_show;
  widget_class->realize = pv_window_realize;
  widget_class->unrealize = pv_window_unrealize;

  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRAPH_SETTLED] = g_param_spec_boolean ("graph-settled", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_LOADED] = g_signal_new ("document-loaded", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ANALYSIS_DONE] = g_signal_new ("analysis-done", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PV_TYPE_ARTICLE_VIEW);
  g_type_ensure (PV_TYPE_GRAPH_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/peyvand/Peyvand/pv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PvWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, graph_panel);

  /* The shortcut (Ctrl+O) is set with the application's accelerators. */
  gtk_widget_class_install_action (widget_class, "win.open", NULL, pv_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  /* The shortcut (Ctrl+E) is an application accelerator too: menus show it. */
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.fit-graph", NULL, fit_graph_action);
  gtk_widget_class_install_action (widget_class, "win.next-mention", NULL, step_mention_action);
  gtk_widget_class_install_action (widget_class, "win.previous-mention", NULL, step_mention_action);
  gtk_widget_class_install_action (widget_class, "win.text-bigger", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-reset", NULL, text_size_action);
  /* in place of GtkApplication's, which builds the window with every window
   * (the shortcut, Ctrl+?, is set with the application's accelerators) */
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  /* undo, redo, save, the node menu (pv-window-edits.c) */
  pv_window_edits_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.fit-graph", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "win.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "win.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK,
                                       "win.previous-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.previous-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "win.text-bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.text-bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "win.text-bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.text-reset",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "win.text-reset", NULL);
}

static void
pv_window_init (PvWindow *self)
{
  g_autoptr (GAction) labels_action = NULL;
  GtkDropTarget *drop_target;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->graph_view = pv_graph_panel_get_graph_view (self->graph_panel);
  g_signal_connect (self->graph_view, "node-activated", G_CALLBACK (node_activated_cb), self);
  g_signal_connect (self->graph_view, "edge-activated", G_CALLBACK (edge_activated_cb), self);
  g_signal_connect (self->graph_view, "notify::settled", G_CALLBACK (graph_settled_cb), self);
  g_signal_connect (self->article_view, "mention-activated", G_CALLBACK (mention_activated_cb),
                    self);
  g_signal_connect (self->graph_panel, "sentence-activated", G_CALLBACK (sentence_activated_cb),
                    self);

  labels_action = G_ACTION (g_property_action_new ("graph-labels", self->graph_view, "labels"));
  g_action_map_add_action (G_ACTION_MAP (self), labels_action);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  /* empty, not NULL: the button's arrow is not insensitive meanwhile */
  self->recent_menu = g_menu_new ();

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  pv_window_update_mention_actions (self);
  pv_window_update_export_action (self);
  pv_window_edits_init (self);
}

PvWindow *
pv_window_new (PvApplication *application)
{
  PvWindow *self;
  GSettings *settings;

  g_return_val_if_fail (PV_IS_APPLICATION (application), NULL);

  self = g_object_new (PV_TYPE_WINDOW, "application", application, NULL);
  settings = pv_application_get_settings (application);
  if (settings != NULL)
    pv_window_bind_settings (self, settings);

  return self;
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

PvGraphPanel *
pv_window_get_graph_panel (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->graph_panel;
}

PvGraphView *
pv_window_get_graph_view (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->graph_view;
}

GtkPaned *
pv_window_get_paned (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->paned;
}

gboolean
pv_window_get_graph_settled (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);

  return !pv_window_get_busy (self) && pv_graph_view_get_settled (self->graph_view);
}

gboolean
pv_window_save_png (PvWindow *self, const char *path, GError **error)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);

  return pv_capture_window_png (GTK_WINDOW (self), path, error);
}
