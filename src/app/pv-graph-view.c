/* pv-graph-view.c: the graph of an analysis, laid out by force and drawn
 * by the core's pv_draw_graph()
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pv-entity-style.h"
#include "pv-graph-view.h"

/* Layout iterations per frame while the layout settles: a graph of the
 * corpus settles within about 300 iterations (each a few microseconds), so
 * in a fraction of a second at 60 frames a second, moving on screen all the
 * while.  A frame stops early when the layout has taken this much of it
 * (the rest is for fitting and drawing). */
#define LAYOUT_FRAME_ITERATIONS 30
#define LAYOUT_FRAME_BUDGET_US 8000
/* Free space around the graph when it is fitted to the view, in pixels. */
#define FIT_MARGIN 16.0
/* Zooming stays between these, in pixels per layout unit. */
#define MIN_SCALE 2.0
#define MAX_SCALE 4000.0
/* A press that moves less than this many pixels is a click, not a drag. */
#define DRAG_THRESHOLD 4.0
/* Zoom factor per step of the scroll wheel or of the keyboard. */
#define ZOOM_STEP 1.2

struct _PvGraphView
{
  GtkWidget parent_instance;

  const PvAnalysis *analysis;
  PvLayout *layout;
  PvDrawOptions options;
  /* the labels, shaped once for the fits and the frames */
  PvDrawLabelCache *labels;

  guint tick_id;
  gboolean settled;
  /* iterations since the layout was made or a node was moved */
  guint layout_iterations;
  /* The view follows the layout (fits it) until the user zooms, pans or
   * drags a node. */
  gboolean auto_fit;

  /* A press: on a node (drag_node >= 0) or on the background (a pan) */
  int drag_node;
  gboolean dragging;
  double drag_start_x;
  double drag_start_y;
  double drag_node_x; /* where the node was, in widget coordinates */
  double drag_node_y;
  double drag_offset_x; /* the offset when a pan began */
  double drag_offset_y;

  gboolean pointer_inside;
  double pointer_x;
  double pointer_y;

  /* Measures labels for fitting, with no widget drawing involved. */
  cairo_surface_t *measure_surface;

  /* What a right-click on a node shows (pv_graph_view_set_node_menu), its
   * popover built when first shown */
  GMenuModel *node_menu;
  GtkWidget *node_popover;
};

G_DEFINE_FINAL_TYPE (PvGraphView, pv_graph_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED_NODE,
  PROP_SELECTED_EDGE,
  PROP_MIN_EDGE_WEIGHT,
  PROP_LABELS,
  PROP_SETTLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  NODE_ACTIVATED,
  EDGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
pv_label_language_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      /* The nicks are the values of the "graph-labels" setting. */
      static const GEnumValue values[] = {
        { PV_LABELS_PERSIAN, "PV_LABELS_PERSIAN", "persian" },
        { PV_LABELS_ENGLISH, "PV_LABELS_ENGLISH", "english" },
        { PV_LABELS_BOTH, "PV_LABELS_BOTH", "both" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("PvLabelLanguage"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static gboolean
pv_graph_view_has_graph (PvGraphView *self)
{
  return self->analysis != NULL && self->layout != NULL && self->analysis->nodes->len > 0;
}

static void
pv_graph_view_set_settled (PvGraphView *self, gboolean settled)
{
  if (self->settled == settled)
    return;
  self->settled = settled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLED]);
}

/* Fitting ------------------------------------------------------------------- */

/* The whole drawing, labels included, in the widget: the core's fit, the
 * same that the exports use. */
static void
pv_graph_view_apply_fit (PvGraphView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  if (!pv_graph_view_has_graph (self) || width <= 2 * FIT_MARGIN || height <= 2 * FIT_MARGIN)
    return;

  cr = cairo_create (self->measure_surface);
  pv_draw_fit_cached (cr, self->analysis, self->layout, &self->options, width, height, FIT_MARGIN,
                      self->labels);
  cairo_destroy (cr);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pv_graph_view_fit (PvGraphView *self)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  self->auto_fit = TRUE;
  pv_graph_view_apply_fit (self);
}

/* The layout's animation ---------------------------------------------------- */

static gboolean
pv_graph_view_tick (GtkWidget *widget, GdkFrameClock *frame_clock, gpointer user_data)
{
  PvGraphView *self = PV_GRAPH_VIEW (widget);
  gint64 start = g_get_monotonic_time ();
  guint iterations = 0;
  gboolean moving;

  if (self->layout == NULL)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  do
    {
      moving = pv_layout_step (self->layout, PV_LAYOUT_SETTLE_STEP);
      iterations += PV_LAYOUT_SETTLE_STEP;
      self->layout_iterations += PV_LAYOUT_SETTLE_STEP;
      if (self->layout_iterations >= PV_LAYOUT_SETTLE_MAX_ITERATIONS)
        moving = FALSE;
    }
  while (moving && iterations < LAYOUT_FRAME_ITERATIONS &&
         g_get_monotonic_time () - start < LAYOUT_FRAME_BUDGET_US);

  if (self->auto_fit)
    pv_graph_view_apply_fit (self);
  gtk_widget_queue_draw (widget);

  if (moving)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  pv_graph_view_set_settled (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
pv_graph_view_start_layout (PvGraphView *self)
{
  if (self->layout == NULL || pv_layout_is_settled (self->layout))
    {
      pv_graph_view_set_settled (self, TRUE);
      return;
    }

  pv_graph_view_set_settled (self, FALSE);
  if (self->tick_id == 0)
    self->tick_id =
        gtk_widget_add_tick_callback (GTK_WIDGET (self), pv_graph_view_tick, NULL, NULL);
}

static void
pv_graph_view_stop_layout (PvGraphView *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

/* Coordinates --------------------------------------------------------------- */

static void
pv_graph_view_to_layout (PvGraphView *self, double x, double y, double *lx, double *ly)
{
  *lx = (x - self->options.offset_x) / self->options.scale;
  *ly = (y - self->options.offset_y) / self->options.scale;
}

gboolean
pv_graph_view_get_node_point (PvGraphView *self, int node, double *x, double *y)
{
  double lx, ly;

  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL || node < 0 || (guint)node >= pv_layout_n_nodes (self->layout))
    return FALSE;

  pv_layout_get_position (self->layout, (guint)node, &lx, &ly);
  *x = lx * self->options.scale + self->options.offset_x;
  *y = ly * self->options.scale + self->options.offset_y;
  return TRUE;
}

int
pv_graph_view_node_at (PvGraphView *self, double x, double y)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), -1);

  if (!pv_graph_view_has_graph (self))
    return -1;
  return pv_draw_node_at (self->analysis, self->layout, &self->options, x, y);
}

int
pv_graph_view_edge_at (PvGraphView *self, double x, double y)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), -1);

  if (!pv_graph_view_has_graph (self))
    return -1;
  return pv_draw_edge_at (self->analysis, self->layout, &self->options, x, y);
}

/* Zooming and panning ------------------------------------------------------- */

void
pv_graph_view_zoom (PvGraphView *self, double factor, double x, double y)
{
  double scale;

  g_return_if_fail (PV_IS_GRAPH_VIEW (self));
  g_return_if_fail (factor > 0);

  scale = CLAMP (self->options.scale * factor, MIN_SCALE, MAX_SCALE);
  factor = scale / self->options.scale;
  self->auto_fit = FALSE;
  self->options.offset_x = x - (x - self->options.offset_x) * factor;
  self->options.offset_y = y - (y - self->options.offset_y) * factor;
  self->options.scale = scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pv_graph_view_zoom_centered (PvGraphView *self, double factor)
{
  pv_graph_view_zoom (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                      gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
pv_graph_view_focus_node (PvGraphView *self, int node)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double margin_x = width / 6, margin_y = height / 6;
  double x, y;

  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (!pv_graph_view_get_node_point (self, node, &x, &y))
    return;
  if (x >= margin_x && x <= width - margin_x && y >= margin_y && y <= height - margin_y)
    return;

  self->auto_fit = FALSE;
  self->options.offset_x += round (width / 2 - x);
  self->options.offset_y += round (height / 2 - y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection ----------------------------------------------------------------- */

int
pv_graph_view_get_selected_node (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), -1);

  return self->options.selected_node;
}

void
pv_graph_view_set_selected_node (PvGraphView *self, int node)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->analysis == NULL || node < 0 || (guint)node >= self->analysis->nodes->len)
    node = -1;
  if (self->options.selected_node == node)
    return;

  self->options.selected_node = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
}

int
pv_graph_view_get_selected_edge (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), -1);

  return self->options.selected_edge;
}

void
pv_graph_view_set_selected_edge (PvGraphView *self, int edge)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->analysis == NULL || edge < 0 || (guint)edge >= self->analysis->edges->len)
    edge = -1;
  if (self->options.selected_edge == edge)
    return;

  self->options.selected_edge = edge;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
}

void
pv_graph_view_activate_node (PvGraphView *self, int node)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  pv_graph_view_set_selected_edge (self, -1);
  pv_graph_view_set_selected_node (self, node);
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, self->options.selected_node);
}

void
pv_graph_view_activate_edge (PvGraphView *self, int edge)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  pv_graph_view_set_selected_node (self, -1);
  pv_graph_view_set_selected_edge (self, edge);
  if (self->options.selected_edge >= 0)
    g_signal_emit (self, signals[EDGE_ACTIVATED], 0, self->options.selected_edge);
  else
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, -1);
}

void
pv_graph_view_click (PvGraphView *self, double x, double y)
{
  int node, edge;

  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  node = pv_graph_view_node_at (self, x, y);
  if (node >= 0)
    {
      pv_graph_view_activate_node (self, node);
      return;
    }

  edge = pv_graph_view_edge_at (self, x, y);
  if (edge >= 0)
    pv_graph_view_activate_edge (self, edge);
  else
    pv_graph_view_activate_node (self, -1);
}

void
pv_graph_view_drag_node (PvGraphView *self, int node, double x, double y)
{
  double lx, ly;

  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || node < 0 || (guint)node >= pv_layout_n_nodes (self->layout))
    return;

  self->auto_fit = FALSE;
  pv_graph_view_to_layout (self, x, y, &lx, &ly);
  pv_layout_set_pinned (self->layout, (guint)node, TRUE);
  pv_layout_set_position (self->layout, (guint)node, lx, ly);
  self->layout_iterations = 0;
  /* the other nodes make room */
  pv_graph_view_start_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pv_graph_view_release_node (PvGraphView *self, int node)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || node < 0 || (guint)node >= pv_layout_n_nodes (self->layout) ||
      !pv_layout_is_pinned (self->layout, (guint)node))
    return;

  pv_layout_set_pinned (self->layout, (guint)node, FALSE);
  /* a nudge, so that the layout takes the node back */
  {
    double x, y;

    pv_layout_get_position (self->layout, (guint)node, &x, &y);
    pv_layout_set_position (self->layout, (guint)node, x, y);
  }
  self->layout_iterations = 0;
  pv_graph_view_start_layout (self);
}

gboolean
pv_graph_view_is_node_pinned (PvGraphView *self, int node)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), FALSE);

  return self->layout != NULL && node >= 0 && (guint)node < pv_layout_n_nodes (self->layout) &&
         pv_layout_is_pinned (self->layout, (guint)node);
}

void
pv_graph_view_pin_node (PvGraphView *self, int node, double x, double y)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || node < 0 || (guint)node >= pv_layout_n_nodes (self->layout))
    return;

  pv_layout_set_pinned (self->layout, (guint)node, TRUE);
  pv_layout_set_position (self->layout, (guint)node, x, y);
  self->layout_iterations = 0;
  pv_graph_view_start_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pv_graph_view_set_node_menu (PvGraphView *self, GMenuModel *menu)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  g_clear_pointer (&self->node_popover, gtk_widget_unparent);
  g_set_object (&self->node_menu, menu);
}

void
pv_graph_view_popup_node_menu (PvGraphView *self, int node, double x, double y)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->node_menu == NULL)
    {
      pv_graph_view_release_node (self, node);
      return;
    }
  if (node < 0 || self->analysis == NULL || (guint)node >= self->analysis->nodes->len)
    return;

  if (self->node_popover == NULL)
    {
      self->node_popover = gtk_popover_menu_new_from_model (self->node_menu);
      gtk_widget_set_parent (self->node_popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->node_popover), FALSE);
      gtk_widget_set_halign (self->node_popover, GTK_ALIGN_START);
    }

  /* the menu's actions work on the selected node */
  pv_graph_view_activate_node (self, node);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->node_popover),
                               &(GdkRectangle){ (int)x, (int)y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->node_popover));
}

void
pv_graph_view_close_node_menu (PvGraphView *self)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->node_popover != NULL && gtk_widget_get_visible (self->node_popover))
    gtk_popover_popdown (GTK_POPOVER (self->node_popover));
}

/* What is shown ------------------------------------------------------------- */

gboolean
pv_graph_view_get_type_visible (PvGraphView *self, PvEntityType type)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail ((guint)type < PV_N_ENTITY_TYPES, FALSE);

  return !self->options.type_hidden[type];
}

void
pv_graph_view_set_type_visible (PvGraphView *self, PvEntityType type, gboolean visible)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));
  g_return_if_fail ((guint)type < PV_N_ENTITY_TYPES);

  if (self->options.type_hidden[type] == !visible)
    return;
  self->options.type_hidden[type] = !visible;
  if (self->auto_fit)
    pv_graph_view_apply_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pv_graph_view_get_min_edge_weight (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), 0);

  return self->options.min_edge_weight;
}

void
pv_graph_view_set_min_edge_weight (PvGraphView *self, guint weight)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->options.min_edge_weight == weight)
    return;
  self->options.min_edge_weight = weight;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_EDGE_WEIGHT]);
}

PvLabelLanguage
pv_graph_view_get_labels (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), PV_LABELS_PERSIAN);

  return self->options.labels;
}

void
pv_graph_view_set_labels (PvGraphView *self, PvLabelLanguage labels)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  if (self->options.labels == labels)
    return;
  self->options.labels = labels;
  if (self->auto_fit)
    pv_graph_view_apply_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}

void
pv_graph_view_set_node_color_index (PvGraphView *self, const guint *node_color_index)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  self->options.node_color_index = node_color_index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pv_graph_view_set_analysis (PvGraphView *self, const PvAnalysis *analysis)
{
  g_return_if_fail (PV_IS_GRAPH_VIEW (self));

  pv_graph_view_stop_layout (self);
  /* a node menu belongs to a node of the analysis going away */
  pv_graph_view_close_node_menu (self);
  g_clear_pointer (&self->layout, pv_layout_free);
  self->analysis = analysis;
  pv_graph_view_set_selected_node (self, -1);
  pv_graph_view_set_selected_edge (self, -1);
  self->options.hovered_node = -1;
  self->auto_fit = TRUE;

  self->layout_iterations = 0;
  if (analysis != NULL)
    self->layout = pv_layout_new (analysis, PV_LAYOUT_DEFAULT_SEED);

  pv_graph_view_apply_fit (self);
  pv_graph_view_start_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const PvAnalysis *
pv_graph_view_get_analysis (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), NULL);

  return self->analysis;
}

const PvLayout *
pv_graph_view_get_layout (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), NULL);

  return self->layout;
}

const PvDrawOptions *
pv_graph_view_get_draw_options (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), NULL);

  return &self->options;
}

gboolean
pv_graph_view_get_settled (PvGraphView *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_VIEW (self), FALSE);

  return self->settled;
}

/* Input --------------------------------------------------------------------- */

static void
pv_graph_view_set_hovered (PvGraphView *self, int node)
{
  if (self->options.hovered_node == node)
    return;
  self->options.hovered_node = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pv_graph_view_update_pointer (PvGraphView *self, double x, double y)
{
  int node = pv_graph_view_node_at (self, x, y);

  pv_graph_view_set_hovered (self, node);
  if (node >= 0 || pv_graph_view_edge_at (self, x, y) >= 0)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, PvGraphView *self)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag_node < 0 && !self->dragging)
    pv_graph_view_update_pointer (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller, PvGraphView *self)
{
  self->pointer_inside = FALSE;
  if (!self->dragging)
    pv_graph_view_set_hovered (self, -1);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, PvGraphView *self)
{
  double x, y;

  if (!pv_graph_view_has_graph (self) || dy == 0)
    return FALSE;

  if (self->pointer_inside)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }
  else
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  /* up (negative) zooms in */
  pv_graph_view_zoom (self, pow (ZOOM_STEP, -dy), x, y);

  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, PvGraphView *self)
{
  double nx, ny;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->dragging = FALSE;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_node = pv_graph_view_node_at (self, x, y);
  if (self->drag_node >= 0 && pv_graph_view_get_node_point (self, self->drag_node, &nx, &ny))
    {
      self->drag_node_x = nx;
      self->drag_node_y = ny;
    }
  self->drag_offset_x = self->options.offset_x;
  self->drag_offset_y = self->options.offset_y;
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, PvGraphView *self)
{
  if (!self->dragging)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD || !pv_graph_view_has_graph (self))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  if (self->drag_node >= 0)
    {
      pv_graph_view_drag_node (self, self->drag_node, self->drag_node_x + dx,
                               self->drag_node_y + dy);
    }
  else
    {
      self->auto_fit = FALSE;
      self->options.offset_x = self->drag_offset_x + dx;
      self->options.offset_y = self->drag_offset_y + dy;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, PvGraphView *self)
{
  gboolean was_drag = self->dragging;

  self->dragging = FALSE;
  self->drag_node = -1;
  if (!was_drag)
    pv_graph_view_click (self, self->drag_start_x, self->drag_start_y);
  pv_graph_view_update_pointer (self, self->drag_start_x + dx, self->drag_start_y + dy);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, PvGraphView *self)
{
  pv_graph_view_popup_node_menu (self, pv_graph_view_node_at (self, x, y), x, y);
}

static char *
node_tooltip_markup (const PvNode *node, gboolean pinned)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  g_autofree char *label = g_markup_escape_text (node->label, -1);
  guint count = node->mentions->len;

  g_string_append_printf (markup, "<b>%s</b>", label);
  if (node->label_en != NULL)
    {
      g_autofree char *label_en = g_markup_escape_text (node->label_en, -1);

      g_string_append_printf (markup, "\n%s", label_en);
    }
  g_string_append_printf (markup, "\n<small>%s · ", pv_entity_type_get_display_name (node->type));
  g_string_append_printf (markup, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", count),
                          count);
  if (pinned)
    g_string_append_printf (markup, "\n%s", _ ("Pinned: right-click to release"));
  g_string_append (markup, "</small>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static gboolean
pv_graph_view_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard_mode,
                             GtkTooltip *tooltip)
{
  PvGraphView *self = PV_GRAPH_VIEW (widget);
  const PvAnalysis *analysis = self->analysis;
  g_autofree char *markup = NULL;
  int node, edge;

  if (keyboard_mode || !pv_graph_view_has_graph (self))
    return FALSE;

  node = pv_graph_view_node_at (self, x, y);
  if (node >= 0)
    {
      markup = node_tooltip_markup (g_ptr_array_index (analysis->nodes, node),
                                    pv_layout_is_pinned (self->layout, (guint)node));
    }
  else if ((edge = pv_graph_view_edge_at (self, x, y)) >= 0)
    {
      const PvEdge *e = g_ptr_array_index (analysis->edges, edge);
      const PvNode *source = g_ptr_array_index (analysis->nodes, e->source);
      const PvNode *target = g_ptr_array_index (analysis->nodes, e->target);
      g_autofree char *a = g_markup_escape_text (source->label, -1);
      g_autofree char *b = g_markup_escape_text (target->label, -1);
      g_autofree char *sentences = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences", e->weight), e->weight);

      markup = g_strdup_printf ("<b>%s — %s</b>\n<small>%s · %s</small>", a, b,
                                pv_edge_kind_get_display_name (e->kind), sentences);
    }
  else
    {
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Keyboard ------------------------------------------------------------------ */

static void
zoom_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_graph_view_zoom_centered (PV_GRAPH_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_graph_view_zoom_centered (PV_GRAPH_VIEW (widget), 1 / ZOOM_STEP);
}

static void
fit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_graph_view_fit (PV_GRAPH_VIEW (widget));
}

static void
unselect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_graph_view_activate_node (PV_GRAPH_VIEW (widget), -1);
}

/* GtkWidget ----------------------------------------------------------------- */

static void
pv_graph_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PvGraphView *self = PV_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (!pv_graph_view_has_graph (self) || width <= 0 || height <= 0)
    return;

  self->options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pv_draw_graph_cached (cr, self->analysis, self->layout, &self->options, self->labels);
  cairo_destroy (cr);
}

static void
pv_graph_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PvGraphView *self = PV_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (pv_graph_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->auto_fit)
    pv_graph_view_apply_fit (self);
}

static void
pv_graph_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 120;
  *natural = 480;
}

static void
dark_changed_cb (AdwStyleManager *style_manager, GParamSpec *pspec, PvGraphView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pv_graph_view_dispose (GObject *object)
{
  PvGraphView *self = PV_GRAPH_VIEW (object);

  pv_graph_view_stop_layout (self);
  g_clear_pointer (&self->layout, pv_layout_free);
  self->analysis = NULL;
  g_clear_pointer (&self->node_popover, gtk_widget_unparent);
  g_clear_object (&self->node_menu);

  G_OBJECT_CLASS (pv_graph_view_parent_class)->dispose (object);
}

static void
pv_graph_view_finalize (GObject *object)
{
  PvGraphView *self = PV_GRAPH_VIEW (object);

  g_clear_pointer (&self->measure_surface, cairo_surface_destroy);
  g_clear_pointer (&self->labels, pv_draw_label_cache_free);

  G_OBJECT_CLASS (pv_graph_view_parent_class)->finalize (object);
}

static void
pv_graph_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PvGraphView *self = PV_GRAPH_VIEW (object);

  switch (prop_id)
    {
      case PROP_SELECTED_NODE:
        g_value_set_int (value, self->options.selected_node);
        break;

      case PROP_SELECTED_EDGE:
        g_value_set_int (value, self->options.selected_edge);
        break;

      case PROP_MIN_EDGE_WEIGHT:
        g_value_set_uint (value, self->options.min_edge_weight);
        break;

      case PROP_LABELS:
        g_value_set_enum (value, self->options.labels);
        break;

      case PROP_SETTLED:
        g_value_set_boolean (value, self->settled);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_graph_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PvGraphView *self = PV_GRAPH_VIEW (object);

  switch (prop_id)
    {
      case PROP_SELECTED_NODE:
        pv_graph_view_set_selected_node (self, g_value_get_int (value));
        break;

      case PROP_SELECTED_EDGE:
        pv_graph_view_set_selected_edge (self, g_value_get_int (value));
        break;

      case PROP_MIN_EDGE_WEIGHT:
        pv_graph_view_set_min_edge_weight (self, g_value_get_uint (value));
        break;

      case PROP_LABELS:
        pv_graph_view_set_labels (self, g_value_get_enum (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_graph_view_class_init (PvGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_graph_view_dispose;
  object_class->finalize = pv_graph_view_finalize;
  object_class->get_property = pv_graph_view_get_property;
  object_class->set_property = pv_graph_view_set_property;

  widget_class->snapshot = pv_graph_view_snapshot;
  widget_class->size_allocate = pv_graph_view_size_allocate;
  widget_class->measure = pv_graph_view_measure;
  widget_class->query_tooltip = pv_graph_view_query_tooltip;

  properties[PROP_SELECTED_NODE] =
      g_param_spec_int ("selected-node", NULL, NULL, -1, G_MAXINT, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EDGE] =
      g_param_spec_int ("selected-edge", NULL, NULL, -1, G_MAXINT, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_EDGE_WEIGHT] =
      g_param_spec_uint ("min-edge-weight", NULL, NULL, 0, G_MAXUINT, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABELS] =
      g_param_spec_enum ("labels", NULL, NULL, PV_TYPE_LABEL_LANGUAGE, PV_LABELS_PERSIAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTLED] =
      g_param_spec_boolean ("settled", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NODE_ACTIVATED] =
      g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[EDGE_ACTIVATED] =
      g_signal_new ("edge-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "graph.unselect", NULL, unselect_action);

  /* While the graph has the keyboard focus */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "graph.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "graph.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "graph.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "graph.unselect", NULL);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pv_graph_view_init (PvGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *motion, *scroll;
  GtkGesture *drag, *secondary;

  pv_draw_options_init (&self->options);
  self->options.draw_background = TRUE;
  self->options.min_edge_weight = 1;
  self->labels = pv_draw_label_cache_new ();
  self->settled = TRUE;
  self->auto_fit = TRUE;
  self->drag_node = -1;
  /* of the kind GtkSnapshot draws on: the labels are measured for the fit
   * with the font options they are drawn with, and the cache keeps them
   * from the fit to the frames */
  self->measure_surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Graph of the entities"), -1);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  /* One gesture for clicks and drags: a press that does not move past the
   * threshold is a click. */
  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  /* a right-click opens the node's menu (or releases a pinned node) */
  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (secondary));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

GtkWidget *
pv_graph_view_new (void)
{
  return g_object_new (PV_TYPE_GRAPH_VIEW, NULL);
}
