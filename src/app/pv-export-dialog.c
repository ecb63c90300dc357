/* pv-export-dialog.c: the graph as shown, exported to an image or to data
 * for other tools, with a preview
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pv-export-dialog.h"

/* The preview is drawn this long after the last change. */
#define PREVIEW_DELAY_MS 150
/* A preview of an image has at most this many pixels: a larger export is
 * previewed at a lower resolution, the same picture. */
#define PREVIEW_MAX_PIXELS (1600.0 * 1200.0)
/* The data formats show their first lines. */
#define PREVIEW_MAX_LINES 200
/* The largest PNG side the dialog makes, in pixels */
#define MAX_PNG_SIDE 10000.0
/* SVG and PDF: points per inch, and CSS pixels per inch */
#define POINTS_PER_INCH 72.0
#define PIXELS_PER_INCH 96.0
/* The size when the graph view has none yet */
#define FALLBACK_WIDTH 1200
#define FALLBACK_HEIGHT 900

struct _PvExportDialog
{
  AdwWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  GtkWidget *save_button;
  GtkStack *preview_stack;
  GtkPicture *preview_picture;
  GtkTextView *preview_text;
  GtkLabel *preview_caption;
  AdwComboRow *format_row;
  GtkWidget *size_group;
  AdwComboRow *unit_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkAdjustment *width_adjustment;
  GtkAdjustment *height_adjustment;
  GtkWidget *dpi_row;
  GtkSpinButton *dpi_spin;
  GtkWidget *look_group;
  AdwEntryRow *title_row;
  GtkSwitch *legend_switch;
  AdwComboRow *theme_row;
  GtkWidget *transparent_row;
  GtkSwitch *transparent_switch;
  AdwComboRow *labels_row;

  PvGraphView *view;
  GFile *article;
  char *title; /* what get_options hands out */

  PvExportUnit unit;
  guint preview_timeout;
  GtkFileChooserNative *file_chooser;
};

G_DEFINE_FINAL_TYPE (PvExportDialog, pv_export_dialog, ADW_TYPE_WINDOW)

enum
{
  EXPORTED,
  PREVIEW_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const extensions[] = { "png",     "svg", "pdf", "gexf",
                                          "graphml", "dot", "csv", "json" };

static gboolean
format_is_image (PvExportFormat format)
{
  return format == PV_EXPORT_PNG || format == PV_EXPORT_SVG || format == PV_EXPORT_PDF;
}

static gboolean
pv_export_dialog_has_graph (PvExportDialog *self)
{
  const PvAnalysis *analysis = pv_graph_view_get_analysis (self->view);

  return analysis != NULL && pv_graph_view_get_layout (self->view) != NULL &&
         analysis->nodes->len > 0;
}

/* Sizes --------------------------------------------------------------------- */

/* How many of `unit` make an inch, for the format chosen. */
static double
units_per_inch (PvExportDialog *self, PvExportUnit unit)
{
  switch (unit)
    {
      case PV_EXPORT_UNIT_CM:
        return 2.54;
      case PV_EXPORT_UNIT_MM:
        return 25.4;
      case PV_EXPORT_UNIT_INCHES:
        return 1;
      case PV_EXPORT_UNIT_PIXELS:
      default:
        return pv_export_dialog_get_format (self) == PV_EXPORT_PNG
                   ? gtk_spin_button_get_value (self->dpi_spin)
                   : PIXELS_PER_INCH;
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment, GtkSpinButton *spin, PvExportUnit unit,
                      double value)
{
  static const struct
  {
    double lower, upper, step, page;
    guint digits;
  } ranges[] = {
    [PV_EXPORT_UNIT_PIXELS] = { 16, 32767, 10, 100, 0 },
    [PV_EXPORT_UNIT_CM] = { 0.5, 500, 0.1, 1, 1 },
    [PV_EXPORT_UNIT_MM] = { 5, 5000, 1, 10, 0 },
    [PV_EXPORT_UNIT_INCHES] = { 0.2, 200, 0.1, 1, 2 },
  };

  gtk_spin_button_set_digits (spin, ranges[unit].digits);
  gtk_adjustment_configure (adjustment, CLAMP (value, ranges[unit].lower, ranges[unit].upper),
                            ranges[unit].lower, ranges[unit].upper, ranges[unit].step,
                            ranges[unit].page, 0);
}

void
pv_export_dialog_get_device_size (PvExportDialog *self, double *width, double *height)
{
  PvExportFormat format;
  double w, h, per_inch;

  g_return_if_fail (PV_IS_EXPORT_DIALOG (self));

  format = pv_export_dialog_get_format (self);
  w = gtk_adjustment_get_value (self->width_adjustment);
  h = gtk_adjustment_get_value (self->height_adjustment);

  if (format == PV_EXPORT_PNG)
    {
      if (self->unit != PV_EXPORT_UNIT_PIXELS)
        {
          per_inch = units_per_inch (self, self->unit);
          w = w / per_inch * gtk_spin_button_get_value (self->dpi_spin);
          h = h / per_inch * gtk_spin_button_get_value (self->dpi_spin);
        }
      *width = CLAMP (round (w), 1, MAX_PNG_SIDE);
      *height = CLAMP (round (h), 1, MAX_PNG_SIDE);
    }
  else
    {
      per_inch = units_per_inch (self, self->unit);
      *width = w / per_inch * POINTS_PER_INCH;
      *height = h / per_inch * POINTS_PER_INCH;
    }
}

/* Options ------------------------------------------------------------------- */

PvExportFormat
pv_export_dialog_get_format (PvExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), PV_EXPORT_PNG);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= PV_EXPORT_JSON ? (PvExportFormat)selected : PV_EXPORT_PNG;
}

void
pv_export_dialog_set_format (PvExportDialog *self, PvExportFormat format)
{
  g_return_if_fail (PV_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= PV_EXPORT_JSON);

  adw_combo_row_set_selected (self->format_row, format);
}

void
pv_export_dialog_get_options (PvExportDialog *self, PvExportOptions *options)
{
  const PvDrawOptions *shown;
  PvExportFormat format;

  g_return_if_fail (PV_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  format = pv_export_dialog_get_format (self);
  pv_export_options_init (options, format);

  /* what the graph view shows */
  shown = pv_graph_view_get_draw_options (self->view);
  memcpy (options->draw.type_hidden, shown->type_hidden, sizeof options->draw.type_hidden);
  options->draw.min_edge_weight = shown->min_edge_weight;
  options->draw.labels = (PvLabelLanguage)adw_combo_row_get_selected (self->labels_row);

  if (!format_is_image (format))
    return;

  pv_export_dialog_get_device_size (self, &options->width, &options->height);
  if (format == PV_EXPORT_PNG)
    options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  options->draw.dark = adw_combo_row_get_selected (self->theme_row) == 1;
  options->transparent =
      format != PV_EXPORT_PDF && gtk_switch_get_active (self->transparent_switch);
  options->legend = gtk_switch_get_active (self->legend_switch);

  g_free (self->title);
  self->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  options->title = *self->title != '\0' ? self->title : NULL;
}

void
pv_export_dialog_set_size (PvExportDialog *self, PvExportUnit unit, double width, double height,
                           double dpi)
{
  g_return_if_fail (PV_IS_EXPORT_DIALOG (self));
  g_return_if_fail (unit <= PV_EXPORT_UNIT_INCHES);

  if (dpi > 0)
    gtk_spin_button_set_value (self->dpi_spin, dpi);
  /* the unit first: changing it converts the old values */
  adw_combo_row_set_selected (self->unit_row, unit);
  configure_adjustment (self->width_adjustment, self->width_spin, unit, width);
  configure_adjustment (self->height_adjustment, self->height_spin, unit, height);
}

char *
pv_export_dialog_get_suggested_name (PvExportDialog *self)
{
  g_autofree char *basename = NULL;
  char *dot;

  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  if (self->article != NULL)
    basename = g_file_get_basename (self->article);
  if (basename == NULL || *basename == '\0' || *basename == '.')
    {
      g_free (basename);
      /* Translators: the file name, without its extension, offered for the
       * export of an article that has none */
      basename = g_strdup (_ ("graph"));
    }
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  return g_strdup_printf ("%s.%s", basename, extensions[pv_export_dialog_get_format (self)]);
}

/* The preview --------------------------------------------------------------- */

static void
pv_export_dialog_set_caption (PvExportDialog *self, PvExportFormat format,
                              const PvExportOptions *options)
{
  const PvAnalysis *analysis = pv_graph_view_get_analysis (self->view);
  g_autofree char *caption = NULL;

  if (format == PV_EXPORT_PNG)
    {
      double dpi = options->dpi;

      caption = g_strdup_printf (_ ("%.0f × %.0f pixels, %.1f × %.1f cm at %.0f dpi"),
                                 options->width, options->height, options->width / dpi * 2.54,
                                 options->height / dpi * 2.54, dpi);
    }
  else if (format_is_image (format))
    {
      caption = g_strdup_printf (_ ("%.0f × %.0f points, %.1f × %.1f cm"), options->width,
                                 options->height, options->width / POINTS_PER_INCH * 2.54,
                                 options->height / POINTS_PER_INCH * 2.54);
    }
  else if (analysis != NULL)
    {
      guint n_nodes = analysis->nodes->len;
      guint n_edges = analysis->edges->len;
      g_autofree char *entities = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_nodes), n_nodes);
      g_autofree char *links =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n_edges), n_edges);

      /* Translators: the caption of a data export's preview; the first %s
       * is "N entities", the second "N links" */
      caption = g_strdup_printf (_ ("The beginning of the file: the article has %s and %s"),
                                 entities, links);
    }
  gtk_label_set_text (self->preview_caption, caption != NULL ? caption : "");
}

/* The image preview: the export itself as a PNG, at a lower resolution
 * when it is large. */
static GBytes *
render_image_preview (PvExportDialog *self, const PvExportOptions *options, GError **error)
{
  PvExportOptions preview = *options;
  double factor;

  /* The core's device unit is the point; a PNG has dpi / 72 pixels per
   * point.  SVG and PDF pages are previewed at 96 pixels an inch. */
  if (options->format != PV_EXPORT_PNG)
    {
      preview.dpi = PIXELS_PER_INCH;
      preview.width = options->width * PIXELS_PER_INCH / POINTS_PER_INCH;
      preview.height = options->height * PIXELS_PER_INCH / POINTS_PER_INCH;
      preview.svg_text = FALSE;
    }
  preview.format = PV_EXPORT_PNG;
  /* a large page at a lower resolution: the same picture, smaller */
  factor = MIN (1.0, sqrt (PREVIEW_MAX_PIXELS / (preview.width * preview.height)));
  preview.width = MAX (1, round (preview.width * factor));
  preview.height = MAX (1, round (preview.height * factor));
  preview.dpi *= factor;

  return pv_export_to_bytes (pv_graph_view_get_analysis (self->view),
                             pv_graph_view_get_layout (self->view), &preview, error);
}

static void
show_text_preview (PvExportDialog *self, GBytes *bytes)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview_text);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize end = 0;
  guint lines = 0;
  g_autofree char *text = NULL;

  while (end < length && lines < PREVIEW_MAX_LINES)
    if (data[end++] == '\n')
      lines++;
  text = g_utf8_make_valid (data, (gssize)end);
  if (end < length)
    {
      char *more = g_strconcat (text, "…\n", NULL);

      g_free (text);
      text = more;
    }
  gtk_text_buffer_set_text (buffer, text, -1);
}

void
pv_export_dialog_update_preview (PvExportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  PvExportOptions options;
  PvExportFormat format;

  g_return_if_fail (PV_IS_EXPORT_DIALOG (self));

  g_clear_handle_id (&self->preview_timeout, g_source_remove);

  format = pv_export_dialog_get_format (self);
  pv_export_dialog_get_options (self, &options);
  pv_export_dialog_set_caption (self, format, &options);

  if (!pv_export_dialog_has_graph (self))
    {
      gtk_picture_set_paintable (self->preview_picture, NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview_text), "", -1);
      gtk_label_set_text (self->preview_caption, _ ("There is no graph to export"));
      g_signal_emit (self, signals[PREVIEW_UPDATED], 0);
      return;
    }

  if (format_is_image (format))
    {
      bytes = render_image_preview (self, &options, &error);
      if (bytes != NULL)
        {
          g_autoptr (GdkTexture) texture = gdk_texture_new_from_bytes (bytes, &error);

          gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
        }
      gtk_stack_set_visible_child_name (self->preview_stack, "image");
    }
  else
    {
      bytes = pv_export_to_bytes (pv_graph_view_get_analysis (self->view),
                                  pv_graph_view_get_layout (self->view), &options, &error);
      if (bytes != NULL)
        show_text_preview (self, bytes);
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
    }

  if (error != NULL)
    {
      g_autofree char *message =
          g_strdup_printf (_ ("The preview could not be drawn: %s"), error->message);

      gtk_picture_set_paintable (self->preview_picture, NULL);
      gtk_label_set_text (self->preview_caption, message);
    }

  g_signal_emit (self, signals[PREVIEW_UPDATED], 0);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  PvExportDialog *self = PV_EXPORT_DIALOG (user_data);

  self->preview_timeout = 0;
  pv_export_dialog_update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
pv_export_dialog_queue_preview (PvExportDialog *self)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_timeout = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

GdkPaintable *
pv_export_dialog_get_preview_paintable (PvExportDialog *self)
{
  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  return gtk_picture_get_paintable (self->preview_picture);
}

GtkTextBuffer *
pv_export_dialog_get_preview_buffer (PvExportDialog *self)
{
  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  return gtk_text_view_get_buffer (self->preview_text);
}

/* The rows ------------------------------------------------------------------ */

static void
pv_export_dialog_update_rows (PvExportDialog *self)
{
  PvExportFormat format = pv_export_dialog_get_format (self);
  gboolean has_graph = pv_export_dialog_has_graph (self);

  gtk_widget_set_visible (self->size_group, format_is_image (format));
  gtk_widget_set_visible (self->look_group, format_is_image (format));
  gtk_widget_set_visible (self->dpi_row, format == PV_EXPORT_PNG);
  gtk_widget_set_visible (self->transparent_row, format != PV_EXPORT_PDF);
  /* the data formats carry both names */
  gtk_widget_set_visible (GTK_WIDGET (self->labels_row), format_is_image (format));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", has_graph);
}

static void
option_changed_cb (PvExportDialog *self)
{
  pv_export_dialog_update_rows (self);
  pv_export_dialog_queue_preview (self);
}

static void
unit_changed_cb (AdwComboRow *row, GParamSpec *pspec, PvExportDialog *self)
{
  PvExportUnit unit = (PvExportUnit)adw_combo_row_get_selected (row);
  double factor;

  if (unit > PV_EXPORT_UNIT_INCHES || unit == self->unit)
    return;

  /* the same size in the new unit */
  factor = units_per_inch (self, unit) / units_per_inch (self, self->unit);
  self->unit = unit;
  configure_adjustment (self->width_adjustment, self->width_spin, unit,
                        gtk_adjustment_get_value (self->width_adjustment) * factor);
  configure_adjustment (self->height_adjustment, self->height_spin, unit,
                        gtk_adjustment_get_value (self->height_adjustment) * factor);
  option_changed_cb (self);
}

static void
graph_changed_cb (PvGraphView *view, GParamSpec *pspec, PvExportDialog *self)
{
  pv_export_dialog_queue_preview (self);
}

/* Saving -------------------------------------------------------------------- */

gboolean
pv_export_dialog_save_to_file (PvExportDialog *self, const char *path, GError **error)
{
  PvExportOptions options;

  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pv_export_dialog_has_graph (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("There is no graph to export"));
      return FALSE;
    }

  pv_export_dialog_get_options (self, &options);
  if (!pv_export_to_file (pv_graph_view_get_analysis (self->view),
                          pv_graph_view_get_layout (self->view), &options, path, error))
    return FALSE;

  g_signal_emit (self, signals[EXPORTED], 0, path);
  return TRUE;
}

static void
pv_export_dialog_show_error (PvExportDialog *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
file_chooser_response (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  PvExportDialog *self = PV_EXPORT_DIALOG (user_data);
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->file_chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message =
          g_strdup_printf (_ ("“%s” is not a local file: choose a folder on this computer"), name);

      pv_export_dialog_show_error (self, message);
      return;
    }

  /* a name with another format's extension asks for that format, as on
   * the command line */
  {
    g_autofree char *basename = g_path_get_basename (path);
    const char *dot = strrchr (basename, '.');
    g_autofree char *extension = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;
    PvExportFormat format;

    if (extension != NULL && pv_export_format_from_name (extension, &format))
      pv_export_dialog_set_format (self, format);
  }

  if (!pv_export_dialog_save_to_file (self, path, &error))
    {
      pv_export_dialog_show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  PvExportDialog *self = PV_EXPORT_DIALOG (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = pv_export_dialog_get_suggested_name (self);
  PvExportFormat format = pv_export_dialog_get_format (self);
  GtkFileChooser *chooser;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
      return;
    }

  self->file_chooser =
      gtk_file_chooser_native_new (_ ("Export the Graph"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  chooser = GTK_FILE_CHOOSER (self->file_chooser);

  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row) != NULL
                                        ? gtk_string_object_get_string (GTK_STRING_OBJECT (
                                              adw_combo_row_get_selected_item (self->format_row)))
                                        : extensions[format]);
  gtk_file_filter_add_suffix (filter, extensions[format]);
  gtk_file_chooser_add_filter (chooser, filter);

  if (self->article != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (self->article);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  gtk_file_chooser_set_current_name (chooser, name);

  g_signal_connect (self->file_chooser, "response", G_CALLBACK (file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

/* Accessors for tests ------------------------------------------------------- */

GtkSwitch *
pv_export_dialog_get_legend_switch (PvExportDialog *self)
{
  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  return self->legend_switch;
}

GtkSwitch *
pv_export_dialog_get_transparent_switch (PvExportDialog *self)
{
  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  return self->transparent_switch;
}

GtkEditable *
pv_export_dialog_get_title_entry (PvExportDialog *self)
{
  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->title_row);
}

AdwComboRow *
pv_export_dialog_get_labels_row (PvExportDialog *self)
{
  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  return self->labels_row;
}

AdwComboRow *
pv_export_dialog_get_theme_row (PvExportDialog *self)
{
  g_return_val_if_fail (PV_IS_EXPORT_DIALOG (self), NULL);

  return self->theme_row;
}

/* GObject ------------------------------------------------------------------- */

static void
pv_export_dialog_dispose (GObject *object)
{
  PvExportDialog *self = PV_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  g_clear_object (&self->article);

  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (pv_export_dialog_parent_class)->dispose (object);
}

static void
pv_export_dialog_finalize (GObject *object)
{
  PvExportDialog *self = PV_EXPORT_DIALOG (object);

  g_free (self->title);

  G_OBJECT_CLASS (pv_export_dialog_parent_class)->finalize (object);
}

static void
pv_export_dialog_class_init (PvExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_export_dialog_dispose;
  object_class->finalize = pv_export_dialog_finalize;

  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PREVIEW_UPDATED] = g_signal_new ("preview-updated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/peyvand/Peyvand/pv-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, preview_text);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, size_group);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, width_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, height_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, look_group);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, PvExportDialog, labels_row);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save",
                                       NULL);
}

static void
pv_export_dialog_init (PvExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* data files read left to right, whatever the locale */
  gtk_widget_set_direction (GTK_WIDGET (self->preview_text), GTK_TEXT_DIR_LTR);
  self->unit = PV_EXPORT_UNIT_PIXELS;
}

PvExportDialog *
pv_export_dialog_new (GtkWindow *parent, PvGraphView *view, GFile *article)
{
  PvExportDialog *self;
  int width, height;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (view), NULL);
  g_return_val_if_fail (article == NULL || G_IS_FILE (article), NULL);

  self = g_object_new (PV_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->view = g_object_ref (view);
  if (article != NULL)
    self->article = g_object_ref (article);

  /* The defaults: the picture on screen.  The core's unit is the point
   * (labels of 13 points), so at 96 dpi a PNG of the view's size in points
   * is the view's picture, 4/3 as large. */
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  if (width < 100 || height < 100)
    {
      width = FALLBACK_WIDTH;
      height = FALLBACK_HEIGHT;
    }
  width = (int)round (width * PIXELS_PER_INCH / POINTS_PER_INCH);
  height = (int)round (height * PIXELS_PER_INCH / POINTS_PER_INCH);
  configure_adjustment (self->width_adjustment, self->width_spin, PV_EXPORT_UNIT_PIXELS, width);
  configure_adjustment (self->height_adjustment, self->height_spin, PV_EXPORT_UNIT_PIXELS, height);
  adw_combo_row_set_selected (self->labels_row, pv_graph_view_get_labels (view));
  adw_combo_row_set_selected (
      self->theme_row, adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 1 : 0);

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect (self->unit_row, "notify::selected", G_CALLBACK (unit_changed_cb), self);
  g_signal_connect_swapped (self->width_adjustment, "value-changed", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect_swapped (self->height_adjustment, "value-changed",
                            G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->dpi_spin, "value-changed", G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->legend_switch, "notify::active", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect_swapped (self->transparent_switch, "notify::active",
                            G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->labels_row, "notify::selected", G_CALLBACK (option_changed_cb),
                            self);
  g_signal_connect (view, "notify::settled", G_CALLBACK (graph_changed_cb), self);

  pv_export_dialog_update_rows (self);
  pv_export_dialog_update_preview (self);

  return self;
}
