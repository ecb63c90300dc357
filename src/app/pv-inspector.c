/* pv-inspector.c: a sortable table of the entities of an analysis with
 * their mentions and graph metrics, its selection linked to the graph's
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pv-draw.h"
#include "pv-entity-style.h"
#include "pv-inspector.h"

/* The community swatch, in pixels */
#define SWATCH_SIZE 12

/* Rows ---------------------------------------------------------------------- */

struct _PvInspectorRow
{
  GObject parent_instance;

  guint node;
  char *label;
  char *label_en;
  char *type_name;
  guint mentions;
  PvNodeMetrics metrics;
};

G_DEFINE_FINAL_TYPE (PvInspectorRow, pv_inspector_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_NODE,
  ROW_PROP_LABEL,
  ROW_PROP_LABEL_EN,
  ROW_PROP_TYPE_NAME,
  ROW_PROP_MENTIONS,
  ROW_PROP_DEGREE,
  ROW_PROP_WEIGHTED_DEGREE,
  ROW_PROP_PAGERANK,
  ROW_PROP_BETWEENNESS,
  ROW_PROP_COMMUNITY,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
pv_inspector_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PvInspectorRow *self = PV_INSPECTOR_ROW (object);

  switch (prop_id)
    {
      case ROW_PROP_NODE:
        g_value_set_uint (value, self->node);
        break;
      case ROW_PROP_LABEL:
        g_value_set_string (value, self->label);
        break;
      case ROW_PROP_LABEL_EN:
        g_value_set_string (value, self->label_en);
        break;
      case ROW_PROP_TYPE_NAME:
        g_value_set_string (value, self->type_name);
        break;
      case ROW_PROP_MENTIONS:
        g_value_set_uint (value, self->mentions);
        break;
      case ROW_PROP_DEGREE:
        g_value_set_uint (value, self->metrics.degree);
        break;
      case ROW_PROP_WEIGHTED_DEGREE:
        g_value_set_double (value, self->metrics.weighted_degree);
        break;
      case ROW_PROP_PAGERANK:
        g_value_set_double (value, self->metrics.pagerank);
        break;
      case ROW_PROP_BETWEENNESS:
        g_value_set_double (value, self->metrics.betweenness);
        break;
      case ROW_PROP_COMMUNITY:
        g_value_set_uint (value, self->metrics.community);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_inspector_row_finalize (GObject *object)
{
  PvInspectorRow *self = PV_INSPECTOR_ROW (object);

  g_free (self->label);
  g_free (self->label_en);
  g_free (self->type_name);

  G_OBJECT_CLASS (pv_inspector_row_parent_class)->finalize (object);
}

static void
pv_inspector_row_class_init (PvInspectorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = pv_inspector_row_get_property;
  object_class->finalize = pv_inspector_row_finalize;

  row_properties[ROW_PROP_NODE] = g_param_spec_uint ("node", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_LABEL_EN] = g_param_spec_string ("label-en", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_MENTIONS] =
      g_param_spec_uint ("mentions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_DEGREE] =
      g_param_spec_uint ("degree", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_WEIGHTED_DEGREE] =
      g_param_spec_double ("weighted-degree", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  row_properties[ROW_PROP_PAGERANK] =
      g_param_spec_double ("pagerank", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  row_properties[ROW_PROP_BETWEENNESS] =
      g_param_spec_double ("betweenness", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  row_properties[ROW_PROP_COMMUNITY] =
      g_param_spec_uint ("community", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
pv_inspector_row_init (PvInspectorRow *self)
{
}

static PvInspectorRow *
pv_inspector_row_new (const PvAnalysis *analysis, guint node, const PvNodeMetrics *metrics)
{
  const PvNode *n = g_ptr_array_index (analysis->nodes, node);
  PvInspectorRow *self = g_object_new (PV_TYPE_INSPECTOR_ROW, NULL);

  self->node = node;
  self->label = g_strdup (n->label);
  self->label_en = g_strdup (n->label_en != NULL ? n->label_en : "");
  self->type_name = g_strdup (
      (guint)n->type < PV_N_ENTITY_TYPES ? pv_entity_type_get_display_name (n->type) : "");
  self->mentions = n->mentions->len;
  self->metrics = *metrics;
  return self;
}

guint
pv_inspector_row_get_node (PvInspectorRow *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR_ROW (self), 0);

  return self->node;
}

const char *
pv_inspector_row_get_label (PvInspectorRow *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR_ROW (self), NULL);

  return self->label;
}

guint
pv_inspector_row_get_mentions (PvInspectorRow *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR_ROW (self), 0);

  return self->mentions;
}

const PvNodeMetrics *
pv_inspector_row_get_metrics (PvInspectorRow *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR_ROW (self), NULL);

  return &self->metrics;
}

/* The inspector ------------------------------------------------------------- */

typedef enum
{
  COLUMN_LABEL,
  COLUMN_LABEL_EN,
  COLUMN_TYPE_NAME,
  COLUMN_MENTIONS,
  COLUMN_DEGREE,
  COLUMN_WEIGHTED_DEGREE,
  COLUMN_PAGERANK,
  COLUMN_BETWEENNESS,
  COLUMN_COMMUNITY,
  N_COLUMNS
} Column;

/* the property each column shows and sorts by, also the column's id */
static const char *const column_properties[N_COLUMNS] = {
  [COLUMN_LABEL] = "label",         [COLUMN_LABEL_EN] = "label-en",
  [COLUMN_TYPE_NAME] = "type-name", [COLUMN_MENTIONS] = "mentions",
  [COLUMN_DEGREE] = "degree",       [COLUMN_WEIGHTED_DEGREE] = "weighted-degree",
  [COLUMN_PAGERANK] = "pagerank",   [COLUMN_BETWEENNESS] = "betweenness",
  [COLUMN_COMMUNITY] = "community",
};

struct _PvInspector
{
  GtkWidget parent_instance;

  /* The table is built when the inspector is first shown (or asked for
   * it), the metrics computed then (or when the colours need them): a
   * window that does not show the inspector spends nothing on it. */
  GtkWidget *box;
  GtkLabel *summary;
  GtkCheckButton *community_check;
  GtkColumnView *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GListStore *store;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;

  PvGraphView *graph_view;
  const PvAnalysis *analysis;
  PvMetrics *metrics;
  /* the metrics of `analysis` are computed (metrics may still be NULL) */
  gboolean metrics_done;
  guint *communities; /* per node, for the graph's colours */
  gboolean color_by_community;
  gboolean syncing;
  /* the table shows its first columns (on the right when right-to-left) */
  gboolean at_start;
};

G_DEFINE_FINAL_TYPE (PvInspector, pv_inspector, GTK_TYPE_WIDGET)

static void pv_inspector_ensure_built (PvInspector *self);
static void pv_inspector_show (GtkWidget *widget);

enum
{
  PROP_0,
  PROP_COLOR_BY_COMMUNITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_community_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  guint community = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "community"));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double r, g, b;

  pv_draw_category_color (community, dark, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = column >= COLUMN_MENTIONS;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_LABEL)
    gtk_widget_add_css_class (label, "entity-label");

  if (column == COLUMN_COMMUNITY)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_community_swatch, NULL, NULL);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  PvInspectorRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (column)
    {
      case COLUMN_LABEL:
        text = g_strdup (row->label);
        break;
      case COLUMN_LABEL_EN:
        text = g_strdup (row->label_en);
        break;
      case COLUMN_TYPE_NAME:
        text = g_strdup (row->type_name);
        break;
      case COLUMN_MENTIONS:
        text = g_strdup_printf ("%u", row->mentions);
        break;
      case COLUMN_DEGREE:
        text = g_strdup_printf ("%u", row->metrics.degree);
        break;
      case COLUMN_WEIGHTED_DEGREE:
        text = g_strdup_printf ("%g", row->metrics.weighted_degree);
        break;
      case COLUMN_PAGERANK:
        text = g_strdup_printf ("%.3f", row->metrics.pagerank);
        break;
      case COLUMN_BETWEENNESS:
        text = g_strdup_printf ("%.1f", row->metrics.betweenness);
        break;
      case COLUMN_COMMUNITY:
        text = g_strdup_printf ("%u", row->metrics.community);
        break;
      case N_COLUMNS:
      default:
        g_return_if_reached ();
    }

  if (column == COLUMN_COMMUNITY)
    {
      GtkWidget *swatch = gtk_widget_get_first_child (child);

      g_object_set_data (G_OBJECT (swatch), "community", GUINT_TO_POINTER (row->metrics.community));
      gtk_widget_queue_draw (swatch);
      child = gtk_widget_get_last_child (child);
    }
  gtk_label_set_text (GTK_LABEL (child), text);
}

static const char *
column_title (Column column)
{
  switch (column)
    {
      case COLUMN_LABEL:
        return _ ("Name");
      case COLUMN_LABEL_EN:
        return _ ("English Name");
      case COLUMN_TYPE_NAME:
        return _ ("Type");
      case COLUMN_MENTIONS:
        return _ ("Mentions");
      case COLUMN_DEGREE:
        return _ ("Degree");
      case COLUMN_WEIGHTED_DEGREE:
        return _ ("Weighted Degree");
      case COLUMN_PAGERANK:
        return _ ("PageRank");
      case COLUMN_BETWEENNESS:
        return _ ("Betweenness");
      case COLUMN_COMMUNITY:
        return _ ("Community");
      case N_COLUMNS:
      default:
        g_return_val_if_reached ("");
    }
}

static void
pv_inspector_add_columns (PvInspector *self)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkExpression *expression =
          gtk_property_expression_new (PV_TYPE_INSPECTOR_ROW, NULL, column_properties[c]);
      GtkSorter *sorter;
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (c));
      if (c >= COLUMN_MENTIONS)
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      else
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));

      column = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COLUMN_LABEL);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;
      g_object_unref (sorter);
      g_object_unref (column);
    }
}

GtkColumnViewColumn *
pv_inspector_get_column (PvInspector *self, const char *id)
{
  g_return_val_if_fail (PV_IS_INSPECTOR (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  pv_inspector_ensure_built (self);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_str_equal (id, column_properties[c]))
      return self->columns[c];
  return NULL;
}

/* Colours ------------------------------------------------------------------- */

static void pv_inspector_ensure_metrics (PvInspector *self);

static void
pv_inspector_apply_colors (PvInspector *self)
{
  if (self->graph_view == NULL)
    return;
  pv_graph_view_set_node_color_index (self->graph_view,
                                      self->color_by_community ? self->communities : NULL);
}

gboolean
pv_inspector_get_color_by_community (PvInspector *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR (self), FALSE);

  return self->color_by_community;
}

void
pv_inspector_set_color_by_community (PvInspector *self, gboolean color_by_community)
{
  g_return_if_fail (PV_IS_INSPECTOR (self));

  color_by_community = !!color_by_community;
  if (self->color_by_community == color_by_community)
    return;
  self->color_by_community = color_by_community;
  if (color_by_community)
    pv_inspector_ensure_metrics (self);
  pv_inspector_apply_colors (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_BY_COMMUNITY]);
}

/* Scrolling ----------------------------------------------------------------- */

/* GTK 4.8 scrolls a right-to-left table from the left, where its last
 * columns are: until the user scrolls, keep its first ones, the names, in
 * view. */
static gboolean
is_rtl (PvInspector *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self->column_view)) == GTK_TEXT_DIR_RTL;
}

static void
hadjustment_changed_cb (GtkAdjustment *adjustment, PvInspector *self)
{
  if (self->at_start && is_rtl (self))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                              gtk_adjustment_get_page_size (adjustment));
}

static void
hadjustment_value_changed_cb (GtkAdjustment *adjustment, PvInspector *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  self->at_start = is_rtl (self) ? value >= end - 1 : value <= 1;
}

/* Selection ----------------------------------------------------------------- */

static void
selected_cb (GtkSingleSelection *selection, GParamSpec *pspec, PvInspector *self)
{
  PvInspectorRow *row = gtk_single_selection_get_selected_item (selection);

  if (self->syncing || self->graph_view == NULL || row == NULL)
    return;
  if (pv_graph_view_get_selected_node (self->graph_view) == (int)row->node)
    return;
  /* as a click on the node: the window shows it everywhere */
  pv_graph_view_activate_node (self->graph_view, (int)row->node);
  pv_graph_view_focus_node (self->graph_view, (int)row->node);
}

/* GtkColumnView of GTK 4.8 has no scroll_to: its list view has the action. */
static void
pv_inspector_scroll_to (PvInspector *self, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

static void
graph_selected_node_cb (PvGraphView *view, GParamSpec *pspec, PvInspector *self)
{
  int node = pv_graph_view_get_selected_node (view);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n;

  if (model == NULL)
    return; /* not built yet: it follows the graph when it is */
  n = g_list_model_get_n_items (model);

  for (guint i = 0; node >= 0 && i < n; i++)
    {
      g_autoptr (PvInspectorRow) row = g_list_model_get_item (model, i);

      if ((int)row->node == node)
        {
          position = i;
          break;
        }
    }

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self)))
    pv_inspector_scroll_to (self, position);
}

void
pv_inspector_set_graph_view (PvInspector *self, PvGraphView *graph_view)
{
  g_return_if_fail (PV_IS_INSPECTOR (self));
  g_return_if_fail (graph_view == NULL || PV_IS_GRAPH_VIEW (graph_view));

  if (self->graph_view != NULL)
    {
      pv_graph_view_set_node_color_index (self->graph_view, NULL);
      g_signal_handlers_disconnect_by_data (self->graph_view, self);
    }
  g_set_object (&self->graph_view, graph_view);
  if (graph_view != NULL)
    {
      g_signal_connect_object (graph_view, "notify::selected-node",
                               G_CALLBACK (graph_selected_node_cb), self, 0);
      pv_inspector_apply_colors (self);
    }
}

/* The analysis -------------------------------------------------------------- */

static void
pv_inspector_update_summary (PvInspector *self)
{
  g_autofree char *text = NULL;

  if (self->summary == NULL)
    return;
  if (self->metrics == NULL || self->metrics->n_nodes == 0)
    {
      gtk_label_set_text (self->summary, "");
      return;
    }

  if (isnan (self->metrics->modularity))
    text = g_strdup_printf (
        /* Translators: the inspector's summary: how many entities and
         * communities the graph has */
        _ ("Entities: %u · Communities: %u"), self->metrics->n_nodes, self->metrics->n_communities);
  else
    text = g_strdup_printf (
        /* Translators: the inspector's summary: how many entities and
         * communities the graph has, and the communities' modularity */
        _ ("Entities: %u · Communities: %u · Modularity: %.2f"), self->metrics->n_nodes,
        self->metrics->n_communities, self->metrics->modularity);
  gtk_label_set_text (self->summary, text);
}

/* The table's rows from the metrics, when the table is built. */
static void
pv_inspector_fill (PvInspector *self)
{
  g_autoptr (GPtrArray) rows = NULL;

  if (self->store == NULL)
    return;

  self->syncing = TRUE;
  g_list_store_remove_all (self->store);
  self->syncing = FALSE;
  if (self->metrics != NULL)
    {
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < self->metrics->n_nodes; i++)
        g_ptr_array_add (rows, pv_inspector_row_new (self->analysis, i, &self->metrics->nodes[i]));
      self->syncing = TRUE;
      g_list_store_splice (self->store, 0, 0, rows->pdata, rows->len);
      self->syncing = FALSE;
    }
  pv_inspector_update_summary (self);
  if (self->graph_view != NULL)
    graph_selected_node_cb (self->graph_view, NULL, self);
}

static void
pv_inspector_ensure_metrics (PvInspector *self)
{
  const PvAnalysis *analysis = self->analysis;

  if (self->metrics_done)
    return;
  self->metrics_done = TRUE;

  if (analysis != NULL && analysis->nodes->len > 0)
    {
      /* igraph on the main thread, as the graph's layout */
      self->metrics = pv_metrics_compute (analysis);
      if (self->metrics == NULL)
        self->metrics = pv_metrics_new (analysis->nodes->len);
    }

  if (self->metrics != NULL)
    {
      self->communities = g_new0 (guint, self->metrics->n_nodes);
      for (guint i = 0; i < self->metrics->n_nodes; i++)
        self->communities[i] = self->metrics->nodes[i].community;
    }

  pv_inspector_fill (self);
  pv_inspector_apply_colors (self);
}

void
pv_inspector_set_analysis (PvInspector *self, const PvAnalysis *analysis)
{
  g_return_if_fail (PV_IS_INSPECTOR (self));

  /* the graph lets go of the colours before they go */
  if (self->graph_view != NULL)
    pv_graph_view_set_node_color_index (self->graph_view, NULL);
  if (self->store != NULL)
    {
      self->syncing = TRUE;
      g_list_store_remove_all (self->store);
      self->syncing = FALSE;
    }
  g_clear_pointer (&self->metrics, pv_metrics_free);
  g_clear_pointer (&self->communities, g_free);
  self->analysis = analysis;
  self->metrics_done = FALSE;

  /* computed now when shown (or colouring the graph), else when first shown */
  if (self->box != NULL || self->color_by_community)
    pv_inspector_ensure_metrics (self);
  else
    pv_inspector_apply_colors (self);
}

const PvMetrics *
pv_inspector_get_metrics (PvInspector *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR (self), NULL);

  pv_inspector_ensure_metrics (self);
  return self->metrics;
}

GtkColumnView *
pv_inspector_get_column_view (PvInspector *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR (self), NULL);

  pv_inspector_ensure_built (self);
  return self->column_view;
}

GtkSingleSelection *
pv_inspector_get_selection (PvInspector *self)
{
  g_return_val_if_fail (PV_IS_INSPECTOR (self), NULL);

  pv_inspector_ensure_built (self);
  return self->selection;
}

/* GObject ------------------------------------------------------------------- */

static void
pv_inspector_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PvInspector *self = PV_INSPECTOR (object);

  switch (prop_id)
    {
      case PROP_COLOR_BY_COMMUNITY:
        g_value_set_boolean (value, self->color_by_community);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_inspector_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PvInspector *self = PV_INSPECTOR (object);

  switch (prop_id)
    {
      case PROP_COLOR_BY_COMMUNITY:
        pv_inspector_set_color_by_community (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_inspector_dispose (GObject *object)
{
  PvInspector *self = PV_INSPECTOR (object);

  pv_inspector_set_graph_view (self, NULL);
  self->analysis = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (pv_inspector_parent_class)->dispose (object);
}

static void
pv_inspector_finalize (GObject *object)
{
  PvInspector *self = PV_INSPECTOR (object);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->metrics, pv_metrics_free);
  g_clear_pointer (&self->communities, g_free);

  G_OBJECT_CLASS (pv_inspector_parent_class)->finalize (object);
}

static void
pv_inspector_class_init (PvInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pv_inspector_get_property;
  object_class->set_property = pv_inspector_set_property;
  object_class->dispose = pv_inspector_dispose;
  object_class->finalize = pv_inspector_finalize;
  widget_class->show = pv_inspector_show;

  properties[PROP_COLOR_BY_COMMUNITY] =
      g_param_spec_boolean ("color-by-community", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
pv_inspector_ensure_built (PvInspector *self)
{
  GtkWidget *header, *scrolled;
  GtkSorter *sorter;
  GtkAdjustment *hadjustment;

  if (self->box != NULL)
    return;

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  scrolled = gtk_scrolled_window_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (header, "toolbar");
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_ellipsize (self->summary, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->summary));
  self->community_check =
      GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_ ("Colour by _Community")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->community_check),
                               _ ("Colour the graph's nodes by their community, not their type"));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->community_check));
  g_object_bind_property (self, "color-by-community", self->community_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (self->box), header);

  self->store = g_list_store_new (PV_TYPE_INSPECTOR_ROW);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Entities and their metrics"), -1);
  pv_inspector_add_columns (self);

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->store), g_object_ref (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selected_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  self->at_start = TRUE;
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (hadjustment_changed_cb), self, 0);
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (hadjustment_value_changed_cb),
                           self, 0);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  /* the rows of the analysis already set */
  if (self->metrics_done)
    pv_inspector_fill (self);
  else
    pv_inspector_ensure_metrics (self);
}

static void
pv_inspector_show (GtkWidget *widget)
{
  pv_inspector_ensure_built (PV_INSPECTOR (widget));

  GTK_WIDGET_CLASS (pv_inspector_parent_class)->show (widget);
}

static void
pv_inspector_init (PvInspector *self)
{
}

GtkWidget *
pv_inspector_new (void)
{
  return g_object_new (PV_TYPE_INSPECTOR, NULL);
}
