/* pv-window-edits.c: the user's corrections of a window's analysis, with
 * undo and redo, and the project files (*.peyvand) that keep them
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-entity-style.h"
#include "pv-user-knowledge.h"
#include "pv-window-edits.h"
#include "pv-window-private.h"

/* Unsaved edits are written for crash recovery this often, in seconds. */
#define AUTOSAVE_INTERVAL 30
#define EDITS_KEY "pv-window-edits"

typedef struct
{
  PvWindow *window; /* unowned: the window owns this */
  PvAnalysis *base; /* the analysis without edits */
  PvProject *project;
  PvEditHistory *history;
  char *project_path;
  guint64 saved_serial;
  guint64 autosaved_serial;
  gboolean modified; /* changed otherwise than by edits (a recovery, a reload) */
  guint autosave_id;
  /* the document shown next is the project's: keep it */
  gboolean keep_project;
  /* the next analysis is of a file just opened: offer its autosave */
  gboolean check_recovery;
  GtkFileChooserNative *save_chooser;
} Edits;

static Edits *
edits_get (PvWindow *self)
{
  return g_object_get_data (G_OBJECT (self), EDITS_KEY);
}

static void
edits_clear_project (Edits *e)
{
  g_clear_pointer (&e->history, pv_edit_history_free);
  g_clear_pointer (&e->project, pv_project_free);
  g_clear_pointer (&e->project_path, g_free);
  e->modified = FALSE;
}

/* `project` (transfer full) replaces the window's */
static void
edits_set_project (Edits *e, PvProject *project)
{
  g_clear_pointer (&e->history, pv_edit_history_free);
  g_clear_pointer (&e->project, pv_project_free);
  e->project = project;
  e->history = pv_edit_history_new (project->edits);
  e->saved_serial = pv_edit_history_get_serial (e->history);
  e->autosaved_serial = e->saved_serial;
  e->modified = FALSE;
}

static void
edits_free (Edits *e)
{
  g_clear_handle_id (&e->autosave_id, g_source_remove);
  if (e->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (e->save_chooser));
  g_clear_object (&e->save_chooser);
  edits_clear_project (e);
  g_clear_pointer (&e->base, pv_analysis_free);
  g_free (e);
}

static char *
display_basename (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  return g_filename_display_name (basename);
}

gboolean
pv_window_get_modified (PvWindow *self)
{
  Edits *e;

  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);

  e = edits_get (self);
  return e->history != NULL &&
         (e->modified || pv_edit_history_get_serial (e->history) != e->saved_serial);
}

void
pv_window_edits_update_actions (PvWindow *self)
{
  Edits *e = edits_get (self);
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = e->project != NULL && e->base != NULL;
  gboolean has_text = pv_window_get_document (self) != NULL;

  gtk_widget_action_set_enabled (widget, "win.undo",
                                 shown && pv_edit_history_can_undo (e->history));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 shown && pv_edit_history_can_redo (e->history));
  gtk_widget_action_set_enabled (widget, "win.save", shown);
  gtk_widget_action_set_enabled (widget, "win.save-as", shown);
  gtk_widget_action_set_enabled (widget, "win.reanalyze", shown);
  gtk_widget_action_set_enabled (widget, "win.mark-entity", shown && has_text);
  gtk_widget_action_set_enabled (widget, "win.mark-alias", shown && has_text);
}

/* Showing the edited analysis ------------------------------------------------ */

typedef struct
{
  char *node;
  double x, y;
} Pin;

static void
pin_clear (Pin *pin)
{
  g_free (pin->node);
}

/* The pinned nodes of the graph shown, by id. */
static GArray *
collect_pins (PvWindow *self)
{
  PvGraphView *view = pv_window_get_graph_view (self);
  const PvAnalysis *shown = pv_graph_view_get_analysis (view);
  const PvLayout *layout = pv_graph_view_get_layout (view);
  GArray *pins = g_array_new (FALSE, FALSE, sizeof (Pin));

  g_array_set_clear_func (pins, (GDestroyNotify)pin_clear);
  if (shown == NULL || layout == NULL)
    return pins;

  for (guint i = 0; i < shown->nodes->len && i < pv_layout_n_nodes (layout); i++)
    if (pv_layout_is_pinned (layout, i))
      {
        const PvNode *node = g_ptr_array_index (shown->nodes, i);
        Pin pin = { g_strdup (node->id), 0, 0 };

        pv_layout_get_position (layout, i, &pin.x, &pin.y);
        g_array_append_val (pins, pin);
      }
  return pins;
}

static void
apply_pin (PvWindow *self, const char *id, double x, double y)
{
  const PvAnalysis *shown = pv_window_get_analysis (self);
  int node = shown != NULL ? pv_analysis_find_node (shown, id) : -1;

  if (node >= 0)
    pv_graph_view_pin_node (pv_window_get_graph_view (self), node, x, y);
}

static const char *const label_names[] = { "fa", "en", "both" };

/* The graph's view settings go into the project with it: label language,
 * hidden types and the minimum edge weight. */
static void
sync_view (Edits *e)
{
  PvGraphView *view = pv_window_get_graph_view (e->window);
  g_autoptr (GPtrArray) hidden = g_ptr_array_new ();
  PvLabelLanguage labels = pv_graph_view_get_labels (view);

  for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
    if (!pv_graph_view_get_type_visible (view, type))
      g_ptr_array_add (hidden, (gpointer)pv_entity_type_to_string (type));
  g_ptr_array_add (hidden, NULL);

  if (labels < G_N_ELEMENTS (label_names))
    pv_project_set_view_string (e->project, "labels", label_names[labels]);
  pv_project_set_view_strv (e->project, "hidden_types", (const char *const *)hidden->pdata);
  pv_project_set_view_double (e->project, "min_edge_weight",
                              pv_graph_view_get_min_edge_weight (view));
}

static void
apply_view (PvWindow *self, const PvProject *project)
{
  PvGraphView *view = pv_window_get_graph_view (self);
  g_autofree char *labels = pv_project_get_view_string (project, "labels");
  g_auto (GStrv) hidden = pv_project_get_view_strv (project, "hidden_types");
  double min_weight = pv_project_get_view_double (project, "min_edge_weight", 0);

  for (guint i = 0; labels != NULL && i < G_N_ELEMENTS (label_names); i++)
    if (g_str_equal (labels, label_names[i]))
      pv_graph_view_set_labels (view, i);
  if (hidden != NULL)
    for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
      pv_graph_view_set_type_visible (
          view, type,
          !g_strv_contains ((const char *const *)hidden, pv_entity_type_to_string (type)));
  if (min_weight >= 1 && min_weight <= G_MAXUINT)
    pv_graph_view_set_min_edge_weight (view, (guint)min_weight);
}

/* Shows the base with the project's edits, keeping the pinned nodes where
 * they are and selecting `select` (a node id) when it is still there. */
static void
edits_show (Edits *e, const char *select, gboolean keep_pins)
{
  g_autoptr (GArray) pins = keep_pins ? collect_pins (e->window) : NULL;
  g_auto (PvEditResult) result = { NULL };
  PvAnalysis *edited;
  const PvAnalysis *shown;

  if (e->project == NULL || e->base == NULL)
    return;

  edited = pv_project_edit_analysis (e->project, e->base, &result);
  pv_window_set_shown_analysis (e->window, edited);

  if (pins != NULL)
    for (guint i = 0; i < pins->len; i++)
      {
        const Pin *pin = &g_array_index (pins, Pin, i);

        apply_pin (e->window, pin->node, pin->x, pin->y);
      }

  shown = pv_window_get_analysis (e->window);
  if (select != NULL && shown != NULL)
    {
      int node = pv_analysis_find_node (shown, select);

      if (node >= 0)
        pv_window_select_node (e->window, node);
    }

  pv_window_edits_update_actions (e->window);
}

/* The id of the node selected in the graph, or NULL */
static const PvNode *
selected_node (PvWindow *self)
{
  const PvAnalysis *shown = pv_window_get_analysis (self);
  int node = pv_graph_view_get_selected_node (pv_window_get_graph_view (self));

  if (shown == NULL || node < 0 || (guint)node >= shown->nodes->len)
    return NULL;
  return g_ptr_array_index (shown->nodes, node);
}

/* After an edit, undo or redo: the node it is about stays selected (a
 * merged node's successor). */
static const char *
edit_focus (const PvEdit *edit)
{
  if (edit == NULL)
    return NULL;
  if (edit->kind == PV_EDIT_MERGE)
    return edit->into;
  if (edit->kind == PV_EDIT_HIDE)
    return NULL;
  return edit->node;
}

void
pv_window_do_edit (PvWindow *self, PvEdit *edit)
{
  Edits *e;
  g_autofree char *focus = NULL;

  g_return_if_fail (PV_IS_WINDOW (self));
  g_return_if_fail (edit != NULL);

  e = edits_get (self);
  if (e->history == NULL)
    {
      pv_edit_free (edit);
      return;
    }
  focus = g_strdup (edit_focus (edit));
  pv_edit_history_do (e->history, edit);
  edits_show (e, focus, TRUE);
}

gboolean
pv_window_undo (PvWindow *self)
{
  Edits *e;
  g_autofree char *focus = NULL;

  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);

  e = edits_get (self);
  if (e->history == NULL || !pv_edit_history_can_undo (e->history))
    return FALSE;
  focus = g_strdup (pv_edit_history_peek_undo (e->history)->node);
  pv_edit_history_undo (e->history);
  edits_show (e, focus, TRUE);
  return TRUE;
}

gboolean
pv_window_redo (PvWindow *self)
{
  Edits *e;
  g_autofree char *focus = NULL;

  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);

  e = edits_get (self);
  if (e->history == NULL || !pv_edit_history_can_redo (e->history))
    return FALSE;
  focus = g_strdup (edit_focus (pv_edit_history_peek_redo (e->history)));
  pv_edit_history_redo (e->history);
  edits_show (e, focus, TRUE);
  return TRUE;
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  if (g_str_equal (action_name, "win.undo"))
    pv_window_undo (PV_WINDOW (widget));
  else
    pv_window_redo (PV_WINDOW (widget));
}

/* Recovery ---------------------------------------------------------------------- */

static void
recovery_response_cb (AdwMessageDialog *dialog, const char *response, PvWindow *self)
{
  Edits *e = edits_get (self);
  const char *path = g_object_get_data (G_OBJECT (dialog), "autosave");
  g_autoptr (GError) error = NULL;
  PvProject *project;

  if (e->project == NULL)
    return;

  if (g_str_equal (response, "discard"))
    {
      pv_project_discard_autosave (NULL, e->project_path, e->project->article_path);
      return;
    }
  if (!g_str_equal (response, "recover"))
    return; /* closed: asked again next time */

  project = pv_project_load (path, &error);
  if (project == NULL)
    {
      g_autofree char *message =
          g_strdup_printf (_ ("The unsaved edits could not be recovered: %s"), error->message);

      pv_window_toast (self, message, NULL, NULL);
      return;
    }
  edits_set_project (e, project);
  e->modified = TRUE;
  edits_show (e, NULL, FALSE);
  apply_view (self, project);
  for (guint i = 0; i < project->pins->len; i++)
    {
      const PvPin *pin = &g_array_index (project->pins, PvPin, i);

      apply_pin (self, pin->node, pin->x, pin->y);
    }
}

static void
offer_recovery (Edits *e)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  path = pv_project_find_autosave (NULL, e->project_path, e->project->article_path);
  if (path == NULL)
    return;

  name = display_basename (e->project_path != NULL ? e->project_path : e->project->article_path);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (e->window), _ ("Recover Unsaved Edits?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _ ("Edits of “%s” were not saved when Peyvand last closed. "
                                     "Recover them?"),
                                  name);
  adw_message_dialog_add_responses (dialog, "discard", _ ("_Discard"), "recover", _ ("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  g_object_set_data_full (G_OBJECT (dialog), "autosave", g_steal_pointer (&path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), e->window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Hooks of pv-window.c ----------------------------------------------------------- */

void
pv_window_edits_analysis_done (PvWindow *self, PvAnalysis *base)
{
  Edits *e = edits_get (self);
  g_auto (PvEditResult) result = { NULL };
  const PvDocument *document = pv_window_get_document (self);

  g_clear_pointer (&e->base, pv_analysis_free);
  e->base = base;

  if (e->project == NULL && document != NULL)
    edits_set_project (e, pv_project_new (document, base->date));
  if (e->project == NULL)
    {
      e->base = NULL;
      pv_window_set_shown_analysis (self, base);
      return;
    }

  pv_window_set_shown_analysis (self, pv_project_edit_analysis (e->project, base, &result));
  apply_view (self, e->project);
  for (guint i = 0; i < e->project->pins->len; i++)
    {
      const PvPin *pin = &g_array_index (e->project->pins, PvPin, i);

      apply_pin (self, pin->node, pin->x, pin->y);
    }
  if (result.skipped != NULL && result.skipped->len > 0)
    pv_window_toast (self, _ ("Some edits no longer fit the article and were left aside"), NULL,
                     NULL);

  if (e->check_recovery)
    {
      e->check_recovery = FALSE;
      offer_recovery (e);
    }
  pv_window_edits_update_actions (self);
}

void
pv_window_edits_document_changed (PvWindow *self)
{
  Edits *e = edits_get (self);

  g_clear_pointer (&e->base, pv_analysis_free);
  if (!e->keep_project)
    {
      edits_clear_project (e);
      e->check_recovery = TRUE;
    }
  pv_window_edits_update_actions (self);
}

/* `project` (transfer full), read from `path`, is shown in place of what was. */
static void
edits_show_project (Edits *e, GFile *file, const char *path, PvProject *project)
{
  PvDocument *document = pv_project_get_document (project);

  edits_set_project (e, project);
  g_free (e->project_path);
  e->project_path = g_strdup (path);
  e->keep_project = TRUE;
  pv_window_show_document (e->window, file, document);
  e->keep_project = FALSE;
  e->check_recovery = TRUE;
}

gboolean
pv_window_edits_open_project_file (PvWindow *self, GFile *file)
{
  Edits *e = edits_get (self);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  PvProject *project;

  if (path == NULL || !g_str_has_suffix (path, PV_PROJECT_EXTENSION))
    return FALSE;

  name = display_basename (path);
  project = pv_project_load (path, &error);
  if (project != NULL)
    {
      g_autoptr (PvDocument) document = pv_project_get_document (project);

      if (!pv_article_view_check_text (name, document->text, document->text_bytes, &error))
        g_clear_pointer (&project, pv_project_free);
    }
  if (project == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_NEWER))
        message = g_strdup_printf (_ ("“%s” was made by a newer version of Peyvand and cannot be "
                                      "opened; it is left as it is"),
                                   name);
      else
        message = g_strdup_printf (_ ("Could not open the project “%s”: %s"), name, error->message);
      pv_window_report_load_failure (self, message);
      return TRUE;
    }

  edits_show_project (e, file, path, project);

  /* the article may have changed since the project was saved */
  if (pv_project_check_article (e->project, NULL) == PV_ARTICLE_CHANGED)
    {
      g_autofree char *article = display_basename (e->project->article_path);
      g_autofree char *message =
          g_strdup_printf (_ ("The article “%s” has changed since the project was saved"), article);

      pv_window_toast (self, message, _ ("_Re-analyze"), "win.reanalyze");
    }
  return TRUE;
}

/* Re-analyze: the article file read again, the edits kept */
static void
reanalyze_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  Edits *e = edits_get (self);
  g_autoptr (GError) error = NULL;

  if (e->project == NULL)
    return;
  if (!pv_project_reload_article (e->project, &error))
    {
      g_autofree char *message =
          g_strdup_printf (_ ("The article could not be read again: %s"), error->message);

      pv_window_toast (self, message, NULL, NULL);
      return;
    }

  e->modified = TRUE;
  e->keep_project = TRUE;
  pv_window_show_document (self, pv_window_get_file (self), pv_project_get_document (e->project));
  e->keep_project = FALSE;
}

/* Saving ------------------------------------------------------------------------- */

static void
sync_pins (Edits *e)
{
  g_autoptr (GArray) pins = collect_pins (e->window);

  while (e->project->pins->len > 0)
    {
      g_autofree char *node = g_strdup (g_array_index (e->project->pins, PvPin, 0).node);

      pv_project_remove_pin (e->project, node);
    }
  for (guint i = 0; i < pins->len; i++)
    {
      const Pin *pin = &g_array_index (pins, Pin, i);

      pv_project_set_pin (e->project, pin->node, pin->x, pin->y);
    }
}

gboolean
pv_window_save_project (PvWindow *self, const char *path, GError **error)
{
  Edits *e;

  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  e = edits_get (self);
  if (e->project == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _ ("There is no analysis to save yet"));
      return FALSE;
    }

  sync_pins (e);
  sync_view (e);
  if (!pv_project_save (e->project, path, error))
    return FALSE;

  pv_project_discard_autosave (NULL, e->project_path, e->project->article_path);
  if (e->project_path == NULL || !g_str_equal (e->project_path, path))
    {
      g_free (e->project_path);
      e->project_path = g_strdup (path);
    }
  e->saved_serial = pv_edit_history_get_serial (e->history);
  e->autosaved_serial = e->saved_serial;
  e->modified = FALSE;
  pv_window_edits_update_actions (self);
  return TRUE;
}

static void
save_and_report (PvWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = display_basename (path);
  g_autofree char *message = NULL;

  if (pv_window_save_project (self, path, &error))
    message = g_strdup_printf (_ ("Saved “%s”"), name);
  else
    message = g_strdup_printf (_ ("Could not save “%s”: %s"), name, error->message);
  pv_window_toast (self, message, NULL, NULL);
}

static void
save_chooser_response (GtkNativeDialog *dialog, int response, PvWindow *self)
{
  Edits *e = edits_get (self);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, PV_PROJECT_EXTENSION))
        {
          char *with_extension = g_strconcat (path, PV_PROJECT_EXTENSION, NULL);

          g_free (path);
          path = with_extension;
        }
      if (path != NULL)
        save_and_report (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&e->save_chooser);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  Edits *e = edits_get (self);
  g_autoptr (GtkFileFilter) projects = NULL;
  g_autofree char *name = NULL;
  const char *article;
  GtkFileChooser *chooser;

  if (e->project == NULL)
    return;
  if (g_str_equal (action_name, "win.save") && e->project_path != NULL)
    {
      save_and_report (self, e->project_path);
      return;
    }
  if (e->save_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (e->save_chooser));
      return;
    }

  e->save_chooser =
      gtk_file_chooser_native_new (_ ("Save the Project"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (e->save_chooser), TRUE);
  chooser = GTK_FILE_CHOOSER (e->save_chooser);

  projects = gtk_file_filter_new ();
  gtk_file_filter_set_name (projects, _ ("Peyvand Projects"));
  gtk_file_filter_add_suffix (projects, "peyvand");
  gtk_file_chooser_add_filter (chooser, projects);

  article = e->project_path != NULL ? e->project_path : e->project->article_path;
  if (article != NULL)
    {
      g_autofree char *basename = g_path_get_basename (article);
      char *dot = strrchr (basename, '.');
      g_autoptr (GFile) file = g_file_new_for_path (article);
      g_autoptr (GFile) folder = g_file_get_parent (file);

      if (dot != NULL && dot != basename)
        *dot = '\0';
      name = g_strconcat (basename, PV_PROJECT_EXTENSION, NULL);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  gtk_file_chooser_set_current_name (chooser, name != NULL ? name : _ ("Untitled.peyvand"));

  g_signal_connect (e->save_chooser, "response", G_CALLBACK (save_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (e->save_chooser));
}

gboolean
pv_window_autosave (PvWindow *self, GError **error)
{
  Edits *e;
  guint64 serial;

  g_return_val_if_fail (PV_IS_WINDOW (self), FALSE);

  e = edits_get (self);
  if (e->project == NULL || !pv_window_get_modified (self))
    return TRUE;
  serial = pv_edit_history_get_serial (e->history);
  if (serial == e->autosaved_serial && !e->modified)
    return TRUE;

  sync_pins (e);
  sync_view (e);
  if (!pv_project_autosave (e->project, NULL, e->project_path, error))
    return FALSE;
  e->autosaved_serial = serial;
  return TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  Edits *e = user_data;
  g_autoptr (GError) error = NULL;

  if (!pv_window_autosave (e->window, &error))
    g_warning ("Autosave failed: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/* The node menu ------------------------------------------------------------------ */

static void
release_pin_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvGraphView *view = pv_window_get_graph_view (PV_WINDOW (widget));

  pv_graph_view_release_node (view, pv_graph_view_get_selected_node (view));
}

static void
hide_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const PvNode *node = selected_node (PV_WINDOW (widget));

  if (node != NULL)
    pv_window_do_edit (PV_WINDOW (widget), pv_edit_new_hide (node->id));
}

static void
retype_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const PvNode *node = selected_node (PV_WINDOW (widget));
  PvEntityType type;

  if (node != NULL && pv_entity_type_from_string (g_variant_get_string (parameter, NULL), &type) &&
      type != node->type)
    pv_window_do_edit (PV_WINDOW (widget), pv_edit_new_retype (node->id, type));
}

/* A dialog asking one thing, `child` below its text */
static AdwMessageDialog *
question_new (PvWindow *self, const char *heading, const char *body, const char *response,
              const char *label, GtkWidget *child)
{
  AdwMessageDialog *dialog =
      ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, child);
  return dialog;
}

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, PvWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *node = g_object_get_data (G_OBJECT (dialog), "node");
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "rename") && *label != '\0')
    pv_window_do_edit (self, pv_edit_new_rename (node, label, NULL));
}

static void
rename_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  const PvNode *node = selected_node (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (node == NULL)
    return;

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), node->label);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  dialog = question_new (self, _ ("Rename the Entity"),
                         _ ("The new name is shown in the graph and the lists."), "rename",
                         _ ("_Rename"), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "node", g_strdup (node->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A drop-down of the nodes of the analysis shown, except `except` (may be
 * NULL); their ids in the dialog's "ids" */
static GtkWidget *
node_drop_down_new (PvWindow *self, GObject *dialog, const char *except)
{
  const PvAnalysis *shown = pv_window_get_analysis (self);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < shown->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (shown->nodes, i);

      if (except != NULL && g_str_equal (node->id, except))
        continue;
      gtk_string_list_append (labels, node->label);
      g_ptr_array_add (ids, g_strdup (node->id));
    }
  g_object_set_data_full (dialog, "ids", ids, (GDestroyNotify)g_ptr_array_unref);
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
}

static const char *
chosen_node (AdwMessageDialog *dialog)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "drop-down");
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  guint chosen = gtk_drop_down_get_selected (drop_down);

  return chosen < ids->len ? g_ptr_array_index (ids, chosen) : NULL;
}

static void
merge_response_cb (AdwMessageDialog *dialog, const char *response, PvWindow *self)
{
  const char *node = g_object_get_data (G_OBJECT (dialog), "node");
  const char *into = chosen_node (dialog);

  if (g_str_equal (response, "merge") && into != NULL)
    pv_window_do_edit (self, pv_edit_new_merge (node, into));
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  const PvNode *node = selected_node (self);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *drop_down;

  if (node == NULL || pv_window_get_analysis (self)->nodes->len < 2)
    return;

  heading = g_strdup_printf (_ ("Merge “%s” Into…"), node->label);
  dialog = question_new (self, heading,
                         _ ("Its mentions and links go to the entity chosen here, and it goes."),
                         "merge", _ ("_Merge"), NULL);
  drop_down = node_drop_down_new (self, G_OBJECT (dialog), node->id);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  adw_message_dialog_set_extra_child (dialog, drop_down);
  g_object_set_data (G_OBJECT (dialog), "drop-down", drop_down);
  g_object_set_data_full (G_OBJECT (dialog), "node", g_strdup (node->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Marking text ------------------------------------------------------------------- */

static gboolean
text_selection (PvWindow *self, gsize *start, gsize *end, char **text)
{
  GtkTextBuffer *buffer = pv_window_get_buffer (self);
  GtkTextIter a, b;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;
  *start = (gsize)gtk_text_iter_get_offset (&a);
  *end = (gsize)gtk_text_iter_get_offset (&b);
  *text = gtk_text_buffer_get_text (buffer, &a, &b, TRUE);
  return TRUE;
}

static void
report_knowledge_error (PvWindow *self, const GError *error)
{
  g_autofree char *message =
      g_strdup_printf (_ ("Could not remember it for all articles: %s"), error->message);

  pv_window_toast (self, message, NULL, NULL);
}

/* Written into the user's knowledge file: every later analysis, in this
 * session too, uses it. */
static void
remember_result (PvWindow *self, gboolean written, const GError *error)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!written)
    report_knowledge_error (self, error);
  else if (PV_IS_APPLICATION (application))
    pv_application_reload_knowledge (PV_APPLICATION (application));
}

static void
mark_response_cb (AdwMessageDialog *dialog, const char *response, PvWindow *self)
{
  GtkCheckButton *remember = g_object_get_data (G_OBJECT (dialog), "remember");
  const char *text = g_object_get_data (G_OBJECT (dialog), "text");
  gsize start = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "start"));
  gsize end = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "end"));
  const PvDocument *document = pv_window_get_document (self);
  g_autoptr (GError) error = NULL;
  PvEdit *edit;

  if (document == NULL)
    return;

  if (g_str_equal (response, "entity"))
    {
      GtkDropDown *types = g_object_get_data (G_OBJECT (dialog), "drop-down");
      PvEntityType type = (PvEntityType)gtk_drop_down_get_selected (types);
      const char *aliases[] = { text, NULL };

      edit = pv_edit_new_add_entity (document, start, end, type, NULL, NULL, NULL);
      if (edit == NULL)
        return;
      if (gtk_check_button_get_active (remember))
        remember_result (self,
                         pv_user_knowledge_add_entity (NULL, type, edit->node, edit->label, NULL,
                                                       aliases, &error),
                         error);
      pv_window_do_edit (self, edit);
    }
  else if (g_str_equal (response, "alias"))
    {
      const char *id = chosen_node (dialog);
      const PvAnalysis *shown = pv_window_get_analysis (self);
      int index = id != NULL ? pv_analysis_find_node (shown, id) : -1;
      const PvNode *node;

      if (index < 0)
        return;
      node = g_ptr_array_index (shown->nodes, index);
      if (gtk_check_button_get_active (remember))
        remember_result (
            self,
            pv_user_knowledge_add_alias (NULL, node->type, node->id, node->label, text, &error),
            error);
      edit = pv_edit_new_add_alias (document, start, end, node->id);
      if (edit != NULL)
        pv_window_do_edit (self, edit);
    }
}

static void
mark_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvWindow *self = PV_WINDOW (widget);
  gboolean alias = g_str_equal (action_name, "win.mark-alias");
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *drop_down, *remember;
  gsize start, end;

  if (pv_window_get_analysis (self) == NULL || !text_selection (self, &start, &end, &text) ||
      (alias && pv_window_get_analysis (self)->nodes->len == 0))
    {
      pv_window_toast (self, _ ("Select some text of the article first"), NULL, NULL);
      return;
    }

  if (alias)
    {
      heading = g_strdup_printf (_ ("“%s” Is a Name of…"), text);
      dialog = question_new (self, heading, _ ("Choose the entity it names."), "alias", _ ("_Mark"),
                             NULL);
      drop_down = node_drop_down_new (self, G_OBJECT (dialog), NULL);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
    }
  else
    {
      g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);

      for (guint t = 0; t < PV_N_ENTITY_TYPES; t++)
        gtk_string_list_append (types, pv_entity_type_get_display_name ((PvEntityType)t));
      heading = g_strdup_printf (_ ("Mark “%s” as an Entity"), text);
      dialog = question_new (self, heading, _ ("Choose its type."), "entity", _ ("_Mark"), NULL);
      drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&types)), NULL);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  remember = gtk_check_button_new_with_mnemonic (_ ("Remember for _all articles"));
  gtk_box_append (GTK_BOX (box), drop_down);
  gtk_box_append (GTK_BOX (box), remember);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (dialog), "drop-down", drop_down);
  g_object_set_data (G_OBJECT (dialog), "remember", remember);
  g_object_set_data (G_OBJECT (dialog), "start", GSIZE_TO_POINTER (start));
  g_object_set_data (G_OBJECT (dialog), "end", GSIZE_TO_POINTER (end));
  g_object_set_data_full (G_OBJECT (dialog), "text", g_steal_pointer (&text), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (mark_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setting up --------------------------------------------------------------------- */

static GMenuModel *
node_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) pin = g_menu_new ();
  g_autoptr (GMenu) edits = g_menu_new ();
  g_autoptr (GMenu) types = g_menu_new ();

  g_menu_append (pin, _ ("Release _Pin"), "win.node-release-pin");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (pin));

  for (guint t = 0; t < PV_N_ENTITY_TYPES; t++)
    {
      g_autoptr (GMenuItem) item =
          g_menu_item_new (pv_entity_type_get_display_name ((PvEntityType)t), NULL);

      g_menu_item_set_action_and_target (item, "win.node-retype", "s",
                                         pv_entity_type_to_string ((PvEntityType)t));
      g_menu_append_item (types, item);
    }
  g_menu_append (edits, _ ("_Rename…"), "win.node-rename");
  g_menu_append_submenu (edits, _ ("Change _Type"), G_MENU_MODEL (types));
  g_menu_append (edits, _ ("_Hide"), "win.node-hide");
  g_menu_append (edits, _ ("_Merge Into…"), "win.node-merge");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));

  return G_MENU_MODEL (menu);
}

static GMenuModel *
text_menu_new (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _ ("Mark as an _Entity…"), "win.mark-entity");
  g_menu_append (menu, _ ("Mark as a _Name of…"), "win.mark-alias");
  return G_MENU_MODEL (menu);
}

void
pv_window_edits_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.reanalyze", NULL, reanalyze_action);
  gtk_widget_class_install_action (widget_class, "win.node-release-pin", NULL, release_pin_action);
  gtk_widget_class_install_action (widget_class, "win.node-rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "win.node-retype", "s", retype_action);
  gtk_widget_class_install_action (widget_class, "win.node-hide", NULL, hide_action);
  gtk_widget_class_install_action (widget_class, "win.node-merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.mark-entity", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "win.mark-alias", NULL, mark_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
}

void
pv_window_edits_init (PvWindow *self)
{
  Edits *e = g_new0 (Edits, 1);
  g_autoptr (GMenuModel) node_menu = node_menu_new ();
  g_autoptr (GMenuModel) text_menu = text_menu_new ();

  e->window = self;
  e->check_recovery = TRUE;
  g_object_set_data_full (G_OBJECT (self), EDITS_KEY, e, (GDestroyNotify)edits_free);

  pv_graph_view_set_node_menu (pv_window_get_graph_view (self), node_menu);
  gtk_text_view_set_extra_menu (pv_article_view_get_text_view (pv_window_get_article_view (self)),
                                text_menu);
  e->autosave_id = g_timeout_add_seconds (AUTOSAVE_INTERVAL, autosave_cb, e);
  pv_window_edits_update_actions (self);
}

PvProject *
pv_window_get_project (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return edits_get (self)->project;
}

const PvAnalysis *
pv_window_get_base_analysis (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return edits_get (self)->base;
}

const char *
pv_window_get_project_path (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return edits_get (self)->project_path;
}
