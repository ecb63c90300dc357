/* pv-draw.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-draw"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "pv-draw.h"
#include "pv-draw-private.h"

#define DEFAULT_FONT_FAMILY PV_DRAW_FONT_FAMILY
#define DEFAULT_FONT_SIZE 13.0

/* Every size below is for the default font size and grows with it. */
#define NODE_BASE 4.5 /* radius = NODE_BASE * sqrt (mentions), within: */
#define NODE_MIN_RADIUS 6.0
#define NODE_MAX_RADIUS 30.0
#define NODE_OUTLINE 1.25
#define SELECTED_RING_GAP 3.0
#define SELECTED_RING_WIDTH 2.5
#define HOVERED_RING_WIDTH 2.0
#define EDGE_MAX_WIDTH 6.0
#define ARROW_LENGTH 9.0
#define LABEL_GAP 4.0        /* between a node and its label */
#define LABEL_PADDING 1.5    /* labels keep this far apart */
#define LABEL_VEIL 2.0       /* the background under a label reaches this far beyond it */
#define LABEL_MAX_WIDTH 12.0 /* in font sizes; longer labels wrap */
#define INDEX_CELL 48.0      /* the spatial index's cell */

/* A pointer this close (device units, whatever the font size) hits a node
 * or an edge (beyond half the edge's width). */
#define NODE_HIT_SLOP 2.0
#define EDGE_HIT_SLOP 4.0

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* Okabe & Ito (2008), "Color Universal Design": one colour per type, none
 * of them the palette's yellow (#F0E442), which is too light on white.
 * Dark mode: the same hues mixed 30 % towards white. */
static const double palette[PV_N_ENTITY_TYPES][3] = {
  [PV_ENTITY_COUNTRY] = { 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0 },      /* blue */
  [PV_ENTITY_PERSON] = { 0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0 },       /* orange */
  [PV_ENTITY_ORGANIZATION] = { 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0 }, /* bluish green */
  [PV_ENTITY_PLACE] = { 0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0 },        /* reddish purple */
  [PV_ENTITY_TOPIC] = { 0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0 },        /* vermillion */
};
#define DARK_TINT 0.3

void
pv_entity_type_color (PvEntityType type, gboolean dark, double *red, double *green, double *blue)
{
  const double *rgb;
  double tint = dark ? DARK_TINT : 0;

  g_return_if_fail (type < PV_N_ENTITY_TYPES);

  rgb = palette[type];
  if (red != NULL)
    *red = rgb[0] + (1 - rgb[0]) * tint;
  if (green != NULL)
    *green = rgb[1] + (1 - rgb[1]) * tint;
  if (blue != NULL)
    *blue = rgb[2] + (1 - rgb[2]) * tint;
}

/* Tableau 10: categories told apart by colour alone */
static const guint8 category_palette[][3] = {
  { 0x4E, 0x79, 0xA7 }, { 0xF2, 0x8E, 0x2B }, { 0xE1, 0x57, 0x59 }, { 0x76, 0xB7, 0xB2 },
  { 0x59, 0xA1, 0x4F }, { 0xED, 0xC9, 0x48 }, { 0xB0, 0x7A, 0xA1 }, { 0xFF, 0x9D, 0xA7 },
  { 0x9C, 0x75, 0x5F }, { 0xBA, 0xB0, 0xAC },
};

void
pv_draw_category_color (guint index, gboolean dark, double *red, double *green, double *blue)
{
  const guint8 *rgb = category_palette[index % G_N_ELEMENTS (category_palette)];
  double tint = dark ? DARK_TINT : 0;

  if (red != NULL)
    *red = rgb[0] / 255.0 + (1 - rgb[0] / 255.0) * tint;
  if (green != NULL)
    *green = rgb[1] / 255.0 + (1 - rgb[1] / 255.0) * tint;
  if (blue != NULL)
    *blue = rgb[2] / 255.0 + (1 - rgb[2] / 255.0) * tint;
}

void
pv_draw_options_init (PvDrawOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (PvDrawOptions){ 0 };
  options->scale = 1;
  options->labels = PV_LABELS_PERSIAN;
  options->draw_background = TRUE;
  options->font_size = DEFAULT_FONT_SIZE;
  options->selected_node = -1;
  options->selected_edge = -1;
  options->hovered_node = -1;
}

/* The look of the two palettes */

typedef struct
{
  double background[3];
  double ink[3]; /* labels, selection */
  double co_mention[4];
  double veil;      /* the opacity of the background under a label */
  gboolean outline; /* nodes outlined in the ink, thicker */
} Theme;

static const Theme light_theme = {
  { 1, 1, 1 }, { 0.11, 0.11, 0.11 }, { 0.45, 0.45, 0.45, 0.4 }, 0.75, FALSE,
};

static const Theme dark_theme = {
  { 0.118, 0.118, 0.118 }, { 0.93, 0.93, 0.93 }, { 0.70, 0.70, 0.70, 0.35 }, 0.75, FALSE,
};

/* High contrast (the presentation): pure black and white, lines that
 * stand out, labels on an almost opaque veil. */
static const Theme contrast_light_theme = {
  { 1, 1, 1 }, { 0, 0, 0 }, { 0.25, 0.25, 0.25, 0.6 }, 0.9, TRUE,
};

static const Theme contrast_dark_theme = {
  { 0, 0, 0 }, { 1, 1, 1 }, { 0.85, 0.85, 0.85, 0.55 }, 0.9, TRUE,
};

/* High-contrast outlines are this much wider than NODE_OUTLINE. */
#define CONTRAST_OUTLINE 1.6

static const Theme *
options_theme (const PvDrawOptions *options)
{
  if (options->high_contrast)
    return options->dark ? &contrast_dark_theme : &contrast_light_theme;
  return options->dark ? &dark_theme : &light_theme;
}

/* Node shapes: the same area as the disc of the node's radius, so that a
 * type's shape does not make its nodes look bigger. */

typedef enum
{
  SHAPE_CIRCLE,
  SHAPE_SQUARE,
  SHAPE_HEXAGON,
  SHAPE_TRIANGLE,
  SHAPE_DIAMOND,
} Shape;

static const Shape type_shapes[PV_N_ENTITY_TYPES] = {
  [PV_ENTITY_COUNTRY] = SHAPE_CIRCLE,       [PV_ENTITY_PERSON] = SHAPE_SQUARE,
  [PV_ENTITY_ORGANIZATION] = SHAPE_HEXAGON, [PV_ENTITY_PLACE] = SHAPE_TRIANGLE,
  [PV_ENTITY_TOPIC] = SHAPE_DIAMOND,
};

/* The vertices of a polygon shape of radius r around the origin (y down);
 * returns their number, 0 for the circle. */
static guint
shape_vertices (Shape shape, double r, double *xs, double *ys)
{
  double R;
  guint n;
  double start;

  switch (shape)
    {
      case SHAPE_SQUARE:
        R = r * sqrt (G_PI / 2); /* side r·√π */
        n = 4;
        start = G_PI / 4;
        break;
      case SHAPE_HEXAGON:
        R = r * sqrt (2 * G_PI / (3 * sqrt (3)));
        n = 6;
        start = -G_PI / 2;
        break;
      case SHAPE_TRIANGLE:
        R = r * sqrt (4 * G_PI / (3 * sqrt (3)));
        n = 3;
        start = -G_PI / 2; /* pointing up */
        break;
      case SHAPE_DIAMOND:
        R = r * sqrt (G_PI / 2);
        n = 4;
        start = -G_PI / 2;
        break;
      case SHAPE_CIRCLE:
      default:
        return 0;
    }
  for (guint i = 0; i < n; i++)
    {
      xs[i] = R * cos (start + 2 * G_PI * i / n);
      ys[i] = R * sin (start + 2 * G_PI * i / n);
    }
  return n;
}

static void
shape_path (cairo_t *cr, Shape shape, double x, double y, double r)
{
  double xs[6], ys[6];
  guint n = shape_vertices (shape, r, xs, ys);

  cairo_new_sub_path (cr);
  if (n == 0)
    {
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      return;
    }
  cairo_move_to (cr, x + xs[0], y + ys[0]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, x + xs[i], y + ys[i]);
  cairo_close_path (cr);
}

static Box
shape_box (Shape shape, double x, double y, double r)
{
  double xs[6], ys[6];
  guint n = shape_vertices (shape, r, xs, ys);
  Box box = { x - r, y - r, x + r, y + r };

  if (n > 0)
    {
      box = (Box){ x + xs[0], y + ys[0], x + xs[0], y + ys[0] };
      for (guint i = 1; i < n; i++)
        {
          box.x0 = MIN (box.x0, x + xs[i]);
          box.x1 = MAX (box.x1, x + xs[i]);
          box.y0 = MIN (box.y0, y + ys[i]);
          box.y1 = MAX (box.y1, y + ys[i]);
        }
    }
  return box;
}

/* How far the shape's outline lies from its centre in direction (dx, dy),
 * a unit vector. */
static double
shape_reach (Shape shape, double r, double dx, double dy)
{
  double xs[6], ys[6];
  guint n = shape_vertices (shape, r, xs, ys);
  double best = r;

  if (n == 0)
    return r;
  for (guint i = 0; i < n; i++)
    {
      /* the ray t·(dx, dy) against the side a + s·(b − a), 0 ≤ s ≤ 1 */
      double ax = xs[i], ay = ys[i];
      double ex = xs[(i + 1) % n] - ax, ey = ys[(i + 1) % n] - ay;
      double det = dx * -ey + dy * ex;
      double t, s;

      if (fabs (det) < 1e-12)
        continue;
      t = (ax * -ey + ay * ex) / det;
      s = (dx * ay - dy * ax) / det;
      if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9)
        best = t;
    }
  return best;
}

static gboolean
shape_contains (Shape shape, double r, double px, double py)
{
  double xs[6], ys[6];
  guint n = shape_vertices (shape, r, xs, ys);
  gboolean inside = FALSE;

  if (n == 0)
    return px * px + py * py <= r * r;
  for (guint i = 0, j = n - 1; i < n; j = i++)
    if ((ys[i] > py) != (ys[j] > py) &&
        px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i])
      inside = !inside;
  return inside;
}

/* A spatial index of boxes: hashed cells of INDEX_CELL device units.  Two
 * cells may share a hash bucket; that costs a few extra box tests, never a
 * wrong answer.  Each box has an owner (a node index, or -1), so that a
 * node's label can skip the node's own box. */

typedef struct
{
  Box box;
  int owner;
  gboolean triangle; /* only the triangle inside the box counts */
  double corners[6]; /* x, y of its corners */
} Entry;

typedef struct
{
  double cell;
  GHashTable *cells; /* hash → GArray of guint entry indexes */
  GArray *entries;   /* Entry */
  GArray *huge;      /* guint entry indexes of boxes over too many cells */
} BoxIndex;

/* Far enough for any drawing, near enough for 64-bit cell numbers. */
#define INDEX_LIMIT 1e12

static void
box_index_init (BoxIndex *index, double cell)
{
  index->cell = cell;
  index->cells =
      g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_array_unref);
  index->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  index->huge = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
box_index_clear (BoxIndex *index)
{
  g_clear_pointer (&index->cells, g_hash_table_unref);
  g_clear_pointer (&index->entries, g_array_unref);
  g_clear_pointer (&index->huge, g_array_unref);
}

static gpointer
cell_key (gint64 cx, gint64 cy)
{
  return GUINT_TO_POINTER ((guint)((guint64)cx * 73856093u ^ (guint64)cy * 19349663u));
}

static gboolean
boxes_meet (const Box *a, const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Whether a triangle and a box overlap: they do unless one of the
 * triangle's sides separates them (the box's own sides were tested
 * already, by the triangle's box). */
static gboolean
triangle_meets (const double *corners, const Box *box)
{
  for (guint i = 0; i < 3; i++)
    {
      double ax = corners[2 * i], ay = corners[2 * i + 1];
      double bx = corners[2 * ((i + 1) % 3)], by = corners[2 * ((i + 1) % 3) + 1];
      double cx = corners[2 * ((i + 2) % 3)], cy = corners[2 * ((i + 2) % 3) + 1];
      double nx = ay - by, ny = bx - ax; /* normal of side a–b */
      double side = nx * (cx - ax) + ny * (cy - ay);
      double xs[] = { box->x0, box->x1, box->x1, box->x0 };
      double ys[] = { box->y0, box->y0, box->y1, box->y1 };
      gboolean separated = TRUE;

      for (guint k = 0; k < 4 && separated; k++)
        separated = (nx * (xs[k] - ax) + ny * (ys[k] - ay)) * side <= 0;
      if (separated)
        return FALSE;
    }
  return TRUE;
}

static gboolean
entry_meets (const Entry *entry, const Box *box, int skip)
{
  if (skip >= 0 && entry->owner == skip)
    return FALSE;
  if (!boxes_meet (&entry->box, box))
    return FALSE;
  return !entry->triangle || triangle_meets (entry->corners, box);
}

static gint64
cell_of (const BoxIndex *index, double v)
{
  return (gint64)floor (CLAMP (v, -INDEX_LIMIT, INDEX_LIMIT) / index->cell);
}

/* The cells a box covers, or FALSE when they are too many to visit. */
static gboolean
box_cells (const BoxIndex *index, const Box *box, gint64 *cx0, gint64 *cy0, gint64 *cx1,
           gint64 *cy1)
{
  *cx0 = cell_of (index, box->x0);
  *cy0 = cell_of (index, box->y0);
  *cx1 = cell_of (index, box->x1);
  *cy1 = cell_of (index, box->y1);
  return *cx1 - *cx0 < 16 && *cy1 - *cy0 < 16;
}

static void
box_index_add_entry (BoxIndex *index, const Entry *entry)
{
  const Box *box = &entry->box;
  guint id = index->entries->len;
  gint64 cx0, cy0, cx1, cy1;

  g_array_append_val (index->entries, *entry);
  if (!box_cells (index, box, &cx0, &cy0, &cx1, &cy1))
    {
      g_array_append_val (index->huge, id);
      return;
    }
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        gpointer key = cell_key (cx, cy);
        GArray *list = g_hash_table_lookup (index->cells, key);

        if (list == NULL)
          {
            list = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (index->cells, key, list);
          }
        g_array_append_val (list, id);
      }
}

static void
box_index_add (BoxIndex *index, const Box *box, int owner)
{
  Entry entry = { *box, owner, FALSE, { 0 } };

  box_index_add_entry (index, &entry);
}

static void
box_index_add_triangle (BoxIndex *index, const double *corners)
{
  Entry entry = { { corners[0], corners[1], corners[0], corners[1] }, -1, TRUE, { 0 } };

  memcpy (entry.corners, corners, sizeof entry.corners);
  for (guint i = 1; i < 3; i++)
    {
      entry.box.x0 = MIN (entry.box.x0, corners[2 * i]);
      entry.box.x1 = MAX (entry.box.x1, corners[2 * i]);
      entry.box.y0 = MIN (entry.box.y0, corners[2 * i + 1]);
      entry.box.y1 = MAX (entry.box.y1, corners[2 * i + 1]);
    }
  box_index_add_entry (index, &entry);
}

static gboolean
list_meets (const BoxIndex *index, const GArray *list, const Box *box, int skip)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const Entry *entry = &g_array_index (index->entries, Entry, g_array_index (list, guint, i));

      if (entry_meets (entry, box, skip))
        return TRUE;
    }
  return FALSE;
}

/* Whether `box` meets a box of the index not owned by `skip` (-1: any). */
static gboolean
box_index_meets (const BoxIndex *index, const Box *box, int skip)
{
  gint64 cx0, cy0, cx1, cy1;

  if (list_meets (index, index->huge, box, skip))
    return TRUE;
  if (!box_cells (index, box, &cx0, &cy0, &cx1, &cy1))
    {
      for (guint id = 0; id < index->entries->len; id++)
        {
          if (entry_meets (&g_array_index (index->entries, Entry, id), box, skip))
            return TRUE;
        }
      return FALSE;
    }
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      if (list_meets (index, g_hash_table_lookup (index->cells, cell_key (cx, cy)), box, skip))
        return TRUE;
  return FALSE;
}

/* The scene: where everything goes, computed once for drawing, extents,
 * label boxes and hit tests alike. */

typedef struct
{
  double x, y; /* device */
  double r;
  Shape shape;
  gboolean visible;
  double alpha; /* options.node_alpha, or 1 */
  Box box;      /* the shape with its outline */
} SceneNode;

typedef struct
{
  guint node;
  PangoLayout *layout;
  double x, y; /* where the layout's origin goes */
  Box box;     /* its ink and logical extents, in device units */
} SceneLabel;

typedef struct
{
  const PvAnalysis *analysis;
  const PvLayout *layout;
  PvDrawOptions options;
  const Theme *theme;
  double em; /* font size / default font size */
  SceneNode *nodes;
  guint n_nodes;
  GArray *labels; /* SceneLabel, NULL until placed */
} Scene;

static double
node_radius (const PvNode *node, double em)
{
  double count = node->mentions != NULL ? node->mentions->len : 0;

  return em * CLAMP (NODE_BASE * sqrt (count), NODE_MIN_RADIUS, NODE_MAX_RADIUS);
}

static gboolean
edge_visible (const Scene *scene, guint index)
{
  const PvEdge *edge = g_ptr_array_index (scene->analysis->edges, index);

  return edge->source < scene->n_nodes && edge->target < scene->n_nodes &&
         edge->source != edge->target && scene->nodes[edge->source].visible &&
         scene->nodes[edge->target].visible && edge->weight >= scene->options.min_edge_weight &&
         (scene->options.edge_hidden == NULL || !scene->options.edge_hidden[index]);
}

/* An edge's opacity: its own, and never more than its ends'. */
static double
edge_alpha (const Scene *scene, guint index)
{
  const PvEdge *edge = g_ptr_array_index (scene->analysis->edges, index);
  double alpha = scene->options.edge_alpha != NULL ? scene->options.edge_alpha[index] : 1;

  alpha = MIN (alpha, scene->nodes[edge->source].alpha);
  alpha = MIN (alpha, scene->nodes[edge->target].alpha);
  return CLAMP (alpha, 0, 1);
}

/* Node outlines, in device units */
static double
outline_width (const Scene *scene)
{
  return scene->em * NODE_OUTLINE * (scene->theme->outline ? CONTRAST_OUTLINE : 1);
}

static double
edge_width (const Scene *scene, const PvEdge *edge)
{
  double weight = MAX (edge->weight, 1u);

  return scene->em * MIN (1 + 0.8 * log2 (weight), EDGE_MAX_WIDTH);
}

static gboolean
scene_init (Scene *scene, const PvAnalysis *analysis, const PvLayout *layout,
            const PvDrawOptions *options)
{
  *scene = (Scene){ 0 };
  g_return_val_if_fail (analysis != NULL && analysis->nodes != NULL && analysis->edges != NULL,
                        FALSE);
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (pv_layout_n_nodes (layout) == analysis->nodes->len, FALSE);

  scene->analysis = analysis;
  scene->layout = layout;
  if (options != NULL)
    scene->options = *options;
  else
    pv_draw_options_init (&scene->options);
  if (scene->options.font_size <= 0)
    scene->options.font_size = DEFAULT_FONT_SIZE;
  if (scene->options.scale == 0)
    scene->options.scale = 1;
  scene->theme = options_theme (&scene->options);
  scene->em = scene->options.font_size / DEFAULT_FONT_SIZE;

  scene->n_nodes = analysis->nodes->len;
  scene->nodes = g_new0 (SceneNode, MAX (scene->n_nodes, 1));
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      SceneNode *s = &scene->nodes[i];
      double x, y, margin;

      pv_layout_get_position (layout, i, &x, &y);
      s->x = x * scene->options.scale + scene->options.offset_x;
      s->y = y * scene->options.scale + scene->options.offset_y;
      s->r = node_radius (node, scene->em);
      s->shape = node->type < PV_N_ENTITY_TYPES ? type_shapes[node->type] : SHAPE_CIRCLE;
      s->visible = node->type >= PV_N_ENTITY_TYPES || !scene->options.type_hidden[node->type];
      if (scene->options.node_hidden != NULL && scene->options.node_hidden[i])
        s->visible = FALSE;
      s->alpha = scene->options.node_alpha != NULL ? CLAMP (scene->options.node_alpha[i], 0, 1) : 1;
      s->box = shape_box (s->shape, s->x, s->y, s->r);
      margin = outline_width (scene) / 2;
      if ((int)i == scene->options.selected_node || (int)i == scene->options.hovered_node)
        margin = scene->em * (SELECTED_RING_GAP + SELECTED_RING_WIDTH);
      s->box.x0 -= margin;
      s->box.y0 -= margin;
      s->box.x1 += margin;
      s->box.y1 += margin;
    }
  return TRUE;
}

static void
scene_label_clear (gpointer data)
{
  SceneLabel *label = data;

  g_clear_object (&label->layout);
}

static void
scene_clear (Scene *scene)
{
  g_clear_pointer (&scene->nodes, g_free);
  g_clear_pointer (&scene->labels, g_array_unref);
}

/* The arrowhead of a typed edge: its tip on the target's outline, its
 * direction, length and half width.  FALSE when the edge has none (a
 * co-mention, or nodes too close for one). */
static gboolean
edge_arrow (const Scene *scene, const PvEdge *edge, double *tip_x, double *tip_y, double *ux,
            double *uy, double *length, double *half_width)
{
  const SceneNode *a = &scene->nodes[edge->source];
  const SceneNode *b = &scene->nodes[edge->target];
  double distance = hypot (b->x - a->x, b->y - a->y);
  double tip;

  if (edge->kind == PV_EDGE_CO_MENTION || distance < 1e-6)
    return FALSE;
  *ux = (b->x - a->x) / distance;
  *uy = (b->y - a->y) / distance;
  *length = scene->em * ARROW_LENGTH + 2 * edge_width (scene, edge);
  *half_width = *length * 0.45;
  tip = distance - shape_reach (b->shape, b->r, -*ux, -*uy) - outline_width (scene);
  if (tip <= shape_reach (a->shape, a->r, *ux, *uy) + *length)
    return FALSE;
  *tip_x = a->x + *ux * tip;
  *tip_y = a->y + *uy * tip;
  return TRUE;
}

static void
arrow_corners (double tip_x, double tip_y, double ux, double uy, double length, double half_width,
               double *corners)
{
  double bx = tip_x - ux * length, by = tip_y - uy * length;

  corners[0] = tip_x;
  corners[1] = tip_y;
  corners[2] = bx - uy * half_width;
  corners[3] = by + ux * half_width;
  corners[4] = bx + uy * half_width;
  corners[5] = by - ux * half_width;
}

/* Labels */

PangoContext *
pv_draw_text_context (cairo_t *cr, PangoDirection direction)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics: the same glyph positions on screen, in PNG, SVG and
   * PDF.  Unhinted outlines too: the vector formats have no hinting, so the
   * glyphs on screen and in PNG look as they do there, and no glyph waits
   * for its hinting program to run. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_base_dir (context, direction);
  return context;
}

/* Whether the first letter of `text` is written right to left. */
static gboolean
starts_rtl (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if ((ch >= 0x0590 && ch <= 0x08FF) || (ch >= 0xFB1D && ch <= 0xFDFF) ||
          (ch >= 0xFE70 && ch <= 0xFEFF))
        return TRUE;
      if (g_unichar_isalpha (ch))
        return FALSE;
    }
  return FALSE;
}

static char *
label_text (const PvNode *node, PvLabelLanguage language, gboolean *rtl)
{
  const char *persian = node->label != NULL ? node->label : node->id;
  const char *english = node->label_en;

  *rtl = TRUE;
  switch (language)
    {
      case PV_LABELS_ENGLISH:
        if (english != NULL && *english != '\0')
          {
            *rtl = starts_rtl (english);
            return g_strdup (english);
          }
        *rtl = starts_rtl (persian) || !g_str_is_ascii (persian);
        return g_strdup (persian);
      case PV_LABELS_BOTH:
        if (english != NULL && *english != '\0' && g_strcmp0 (english, persian) != 0)
          {
            /* the English line between left-to-right marks, so that its
           * punctuation stays at its ends inside a right-to-left label */
            return g_strdup_printf ("%s\n\u200E%s\u200E", persian, english);
          }
        return g_strdup (persian);
      case PV_LABELS_PERSIAN:
      default:
        return g_strdup (persian);
    }
}

/* A label's box: across, its logical extents (and any ink beyond them);
 * down, its ink, which fits Persian text much closer than the line's
 * height; then the veil all round. */
static Box
label_box (const PangoRectangle *ink, const PangoRectangle *logical, double x, double y,
           double veil)
{
  Box box;

  box.x0 = x + MIN (ink->x, logical->x) / (double)PANGO_SCALE - veil;
  box.x1 = x + MAX (ink->x + ink->width, logical->x + logical->width) / (double)PANGO_SCALE + veil;
  box.y0 = y + ink->y / (double)PANGO_SCALE - veil;
  box.y1 = y + (ink->y + ink->height) / (double)PANGO_SCALE + veil;
  return box;
}

static int
compare_label_order (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Scene *scene = user_data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  int sx = ((int)x == scene->options.selected_node) * 2 + ((int)x == scene->options.hovered_node);
  int sy = ((int)y == scene->options.selected_node) * 2 + ((int)y == scene->options.hovered_node);

  if (sx != sy)
    return sy - sx;
  if (scene->nodes[x].r != scene->nodes[y].r)
    return scene->nodes[x].r < scene->nodes[y].r ? 1 : -1;
  return x < y ? -1 : x > y;
}

/* The order labels are placed in: by rank when the options give ranks,
 * then as compare_label_order. */
static int
compare_label_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Scene *scene = user_data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  const guint *rank = scene->options.label_rank;
  gboolean fx = (int)x == scene->options.selected_node || (int)x == scene->options.hovered_node;
  gboolean fy = (int)y == scene->options.selected_node || (int)y == scene->options.hovered_node;

  if (rank != NULL && !fx && !fy && rank[x] != rank[y])
    return rank[x] < rank[y] ? -1 : 1;
  return compare_label_order (a, b, user_data);
}

/* Places the labels, largest nodes first (or by rank); the selected and the hovered
 * node's labels come first and may cover other nodes.  A label that meets
 * one already placed, another node or an arrowhead is left out.  With
 * `clip`, nodes far outside it are not labelled: their labels could not
 * show, nor block one that does (short of a long chain of labels each
 * blocking the next). */
/* The labels shaped once, for every scale that pv_draw_fit() tries (a
 * label's size does not depend on the scale, only which labels find room
 * does) and, with a PvDrawLabelCache, for the drawings that follow.  A
 * layout comes back as it was shaped (its alignment put back), so the
 * result is the same as with a label shaped afresh. */
typedef struct
{
  PangoLayout *layout; /* NULL until shaped */
  char *text;          /* what it was shaped for */
  gboolean rtl;
} CachedLabel;

struct _PvDrawLabelCache
{
  PangoContext *rtl_context;
  PangoContext *ltr_context;
  GArray *labels; /* of CachedLabel, by node */
  /* what every label was shaped with: the font, and the drawing's font
   * options and transformation (which the contexts copied) */
  char *font_family;
  double font_size;
  cairo_font_options_t *surface_options;
  double matrix[4];
};

static void
cached_label_clear (gpointer data)
{
  CachedLabel *label = data;

  g_clear_object (&label->layout);
  g_clear_pointer (&label->text, g_free);
}

PvDrawLabelCache *
pv_draw_label_cache_new (void)
{
  PvDrawLabelCache *cache = g_new0 (PvDrawLabelCache, 1);

  cache->labels = g_array_new (FALSE, TRUE, sizeof (CachedLabel));
  g_array_set_clear_func (cache->labels, cached_label_clear);
  return cache;
}

static void
label_cache_flush (PvDrawLabelCache *cache)
{
  g_array_set_size (cache->labels, 0);
  g_clear_object (&cache->rtl_context);
  g_clear_object (&cache->ltr_context);
  g_clear_pointer (&cache->font_family, g_free);
  g_clear_pointer (&cache->surface_options, cairo_font_options_destroy);
}

void
pv_draw_label_cache_free (PvDrawLabelCache *cache)
{
  if (cache == NULL)
    return;
  label_cache_flush (cache);
  g_array_unref (cache->labels);
  g_free (cache);
}

/* Empties `cache` unless its labels were shaped with the font and for a
 * drawing like the one on `cr`. */
static void
label_cache_check (PvDrawLabelCache *cache, cairo_t *cr, const char *font_family, double font_size)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;
  double m[4];

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_matrix (cr, &matrix);
  m[0] = matrix.xx;
  m[1] = matrix.yx;
  m[2] = matrix.xy;
  m[3] = matrix.yy;
  if (cache->surface_options == NULL || g_strcmp0 (cache->font_family, font_family) != 0 ||
      cache->font_size != font_size ||
      !cairo_font_options_equal (cache->surface_options, options) ||
      memcmp (cache->matrix, m, sizeof m) != 0)
    {
      label_cache_flush (cache);
      cache->font_family = g_strdup (font_family);
      cache->font_size = font_size;
      cache->surface_options = g_steal_pointer (&options);
      memcpy (cache->matrix, m, sizeof m);
    }
  g_clear_pointer (&options, cairo_font_options_destroy);
}

static void
scene_place_labels (Scene *scene, cairo_t *cr, const Box *clip, PvDrawLabelCache *cache)
{
  const PvDrawOptions *options = &scene->options;
  PangoContext *rtl_context = NULL, *ltr_context = NULL; /* made when first needed */
  PangoFontDescription *font;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  BoxIndex node_index, label_index;
  double gap = scene->em * LABEL_GAP;
  double pad = scene->em * LABEL_PADDING;
  double veil = scene->em * LABEL_VEIL;
  double max_width = options->font_size * LABEL_MAX_WIDTH;
  double reach = 2 * (max_width + gap + scene->em * 2 * NODE_MAX_RADIUS);

  scene->labels = g_array_new (FALSE, FALSE, sizeof (SceneLabel));
  g_array_set_clear_func (scene->labels, scene_label_clear);

  font = pango_font_description_new ();
  pango_font_description_set_family (font, options->font_family != NULL ? options->font_family
                                                                        : DEFAULT_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, options->font_size * PANGO_SCALE);
  if (cache != NULL)
    label_cache_check (cache, cr, pango_font_description_get_family (font), options->font_size);

  box_index_init (&node_index, INDEX_CELL * scene->em);
  box_index_init (&label_index, INDEX_CELL * scene->em);
  for (guint i = 0; i < scene->n_nodes; i++)
    {
      const SceneNode *node = &scene->nodes[i];
      gboolean wanted = node->visible;

      if (wanted && clip != NULL)
        {
          Box near = { clip->x0 - reach, clip->y0 - reach, clip->x1 + reach, clip->y1 + reach };

          wanted = boxes_meet (&node->box, &near);
        }
      if (wanted)
        {
          box_index_add (&node_index, &node->box, i);
          g_array_append_val (order, i);
        }
    }
  /* arrowheads are obstacles too: a label must not hide where an edge
   * points */
  for (guint e = 0; e < scene->analysis->edges->len; e++)
    {
      const PvEdge *edge = g_ptr_array_index (scene->analysis->edges, e);
      double tip_x, tip_y, ux, uy, length, half;
      double corners[6];

      if (!edge_visible (scene, e) ||
          !edge_arrow (scene, edge, &tip_x, &tip_y, &ux, &uy, &length, &half))
        continue;
      arrow_corners (tip_x, tip_y, ux, uy, length, half, corners);
      box_index_add_triangle (&node_index, corners);
    }
  g_array_sort_with_data (order, compare_label_rank, scene);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const PvNode *node = g_ptr_array_index (scene->analysis->nodes, i);
      const SceneNode *s = &scene->nodes[i];
      gboolean forced = (int)i == options->selected_node || (int)i == options->hovered_node;
      g_autofree char *text = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      CachedLabel *cached;
      PangoRectangle ink, logical;
      SceneLabel label = { 0 };
      gboolean rtl;
      double x = 0, y = 0;
      gboolean placed = FALSE, several_lines;
      Box padded;

      text = label_text (node, options->labels, &rtl);
      /* nothing to place (the legend's sample nodes): no font to load */
      if (text[0] == '\0')
        continue;

      /* a box that the label covers in each place it may go: when none
       * is free, the label is not worth shaping */
      for (guint place = 0; place < 4 && !forced && !placed; place++)
        {
          double line = options->font_size;
          Box small;

          if (place < 2)
            {
              small.x0 = place == 0 ? s->box.x0 - gap - line / 2 : s->box.x1 + gap;
              small.y0 = s->y - line / 8;
            }
          else
            {
              small.x0 = s->x - line / 4;
              small.y0 = place == 2 ? s->box.y0 - gap / 2 - line / 4 : s->box.y1 + gap / 2;
            }
          small.x1 = small.x0 + line / 2;
          small.y1 = small.y0 + line / 4;
          placed = !box_index_meets (&label_index, &small, -1) &&
                   !box_index_meets (&node_index, &small, i);
        }
      if (!forced && !placed)
        continue;

      if (cache != NULL && i >= cache->labels->len)
        g_array_set_size (cache->labels, scene->n_nodes);
      cached = cache != NULL ? &g_array_index (cache->labels, CachedLabel, i) : NULL;
      if (cached != NULL && cached->layout != NULL && cached->rtl == rtl &&
          g_str_equal (cached->text, text))
        {
          layout = g_object_ref (cached->layout);
          pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        }
      else
        {
          if (rtl_context == NULL)
            {
              if (cache != NULL && cache->rtl_context == NULL)
                {
                  cache->rtl_context = pv_draw_text_context (cr, PANGO_DIRECTION_RTL);
                  cache->ltr_context = pv_draw_text_context (cr, PANGO_DIRECTION_LTR);
                }
              rtl_context = cache != NULL ? g_object_ref (cache->rtl_context)
                                          : pv_draw_text_context (cr, PANGO_DIRECTION_RTL);
              ltr_context = cache != NULL ? g_object_ref (cache->ltr_context)
                                          : pv_draw_text_context (cr, PANGO_DIRECTION_LTR);
            }
          layout = pango_layout_new (rtl ? rtl_context : ltr_context);
          pango_layout_set_auto_dir (layout, FALSE);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
          pango_layout_set_text (layout, text, -1);
          if (cached != NULL)
            {
              cached_label_clear (cached);
              cached->layout = g_object_ref (layout);
              cached->text = g_strdup (text);
              cached->rtl = rtl;
            }
        }
      pango_layout_get_extents (layout, &ink, &logical);
      several_lines = pango_layout_get_line_count (layout) > 1;

      /* its own side first (the start of its text next to the node), then
       * the other side, then above and below.  The selected and the
       * hovered node's labels may cover other nodes, never another label. */
      placed = FALSE;
      for (guint round = 0; round < (forced ? 2u : 1u) && !placed; round++)
        for (guint place = 0; place < 4 && !placed; place++)
          {
            if (several_lines)
              {
                /* the lines lean towards the node */
                PangoAlignment align = place >= 2            ? PANGO_ALIGN_CENTER
                                       : rtl == (place == 0) ? PANGO_ALIGN_RIGHT
                                                             : PANGO_ALIGN_LEFT;

                if (pango_layout_get_alignment (layout) != align)
                  {
                    pango_layout_set_alignment (layout, align);
                    pango_layout_get_extents (layout, &ink, &logical);
                  }
              }
            if (place < 2)
              {
                if (rtl == (place == 0))
                  x = s->box.x0 - gap - (logical.x + logical.width) / (double)PANGO_SCALE;
                else
                  x = s->box.x1 + gap - logical.x / (double)PANGO_SCALE;
                y = s->y - (logical.y + logical.height / 2.0) / (double)PANGO_SCALE;
              }
            else
              {
                x = s->x - (logical.x + logical.width / 2.0) / (double)PANGO_SCALE;
                if (place == 2)
                  y = s->box.y0 - gap / 2 - (ink.y + ink.height) / (double)PANGO_SCALE;
                else
                  y = s->box.y1 + gap / 2 - ink.y / (double)PANGO_SCALE;
              }
            label.box = label_box (&ink, &logical, x, y, veil);
            padded = (Box){ label.box.x0 - pad, label.box.y0 - pad, label.box.x1 + pad,
                            label.box.y1 + pad };
            placed = (!box_index_meets (&label_index, &padded, -1) &&
                      (round == 1 || !box_index_meets (&node_index, &label.box, i)));
          }
      if (!placed)
        continue;

      box_index_add (&label_index, &label.box, i);
      label.node = i;
      label.layout = g_steal_pointer (&layout);
      label.x = x;
      label.y = y;
      g_array_append_val (scene->labels, label);
    }

  box_index_clear (&node_index);
  box_index_clear (&label_index);
  pango_font_description_free (font);
  g_clear_object (&rtl_context);
  g_clear_object (&ltr_context);
}

/* Drawing */

static void
set_rgb (cairo_t *cr, const double *rgb, double alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

static void
type_rgb (const Scene *scene, PvEntityType type, double *rgb)
{
  if (type >= PV_N_ENTITY_TYPES)
    {
      rgb[0] = rgb[1] = rgb[2] = 0.5;
      return;
    }
  pv_entity_type_color (type, scene->options.dark, &rgb[0], &rgb[1], &rgb[2]);
}

/* What is drawn between begin_fade and end_fade shows at `alpha`, as one
 * layer (the parts of a node or an edge do not show through each other). */
static gboolean
begin_fade (cairo_t *cr, double alpha)
{
  if (alpha >= 1)
    return FALSE;
  cairo_push_group (cr);
  return TRUE;
}

static void
end_fade (cairo_t *cr, gboolean faded, double alpha)
{
  if (!faded)
    return;
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, alpha);
}

static void
draw_arrow (cairo_t *cr, double tip_x, double tip_y, double ux, double uy, double length,
            double half_width)
{
  double corners[6];

  arrow_corners (tip_x, tip_y, ux, uy, length, half_width, corners);
  cairo_move_to (cr, corners[0], corners[1]);
  cairo_line_to (cr, corners[2], corners[3]);
  cairo_line_to (cr, corners[4], corners[5]);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_edge (cairo_t *cr, const Scene *scene, guint index, gboolean emphasized)
{
  const PvEdge *edge = g_ptr_array_index (scene->analysis->edges, index);
  const SceneNode *a = &scene->nodes[edge->source];
  const SceneNode *b = &scene->nodes[edge->target];
  double width = edge_width (scene, edge);
  double dx = b->x - a->x, dy = b->y - a->y;
  double length = hypot (dx, dy);
  double ux, uy, end = length;
  double rgb[3];
  double alpha;
  gboolean typed = edge->kind != PV_EDGE_CO_MENTION;
  gboolean selected = (int)index == scene->options.selected_edge;
  gboolean has_arrow = FALSE;
  double tip_x = 0, tip_y = 0, arrow = 0, half = 0;
  double em = scene->em;

  if (length < 1e-6)
    return;
  ux = dx / length;
  uy = dy / length;

  if (typed)
    {
      /* a typed edge takes the colour of the entity it starts from (the
       * person, the place), a little deeper, and points at the other */
      const PvNode *source = g_ptr_array_index (scene->analysis->nodes, edge->source);

      type_rgb (scene, source->type, rgb);
      if (!scene->options.dark)
        for (guint c = 0; c < 3; c++)
          rgb[c] *= 0.8;
      alpha = 0.9;
      has_arrow = edge_arrow (scene, edge, &tip_x, &tip_y, &ux, &uy, &arrow, &half);
      if (has_arrow)
        end = hypot (tip_x - a->x, tip_y - a->y) - arrow * 0.6;
    }
  else
    {
      memcpy (rgb, scene->theme->co_mention, sizeof rgb);
      alpha = scene->theme->co_mention[3];
      if (emphasized)
        {
          memcpy (rgb, scene->theme->ink, sizeof rgb);
          alpha = 0.6;
        }
    }

  cairo_save (cr);
  if (selected)
    {
      /* a wide soft band under the line */
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, width + em * 7);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, scene->options.dark ? 0.55 : 0.35);
      cairo_move_to (cr, a->x, a->y);
      cairo_line_to (cr, b->x, b->y);
      cairo_stroke (cr);
      if (!typed)
        memcpy (rgb, scene->theme->ink, sizeof rgb);
      alpha = 1;
    }
  else if (emphasized)
    alpha = MAX (alpha, 0.75);

  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (edge->kind)
    {
      case PV_EDGE_OFFICIAL_OF:
        {
          /* dotted */
          double dashes[] = { 0, width + em * 3 };

          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          break;
        }
      case PV_EDGE_LOCATED_IN:
        {
          /* dashed */
          double dashes[] = { em * 7, em * 4 };

          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          break;
        }
      case PV_EDGE_MEMBER_OF:
        {
          /* dash-dot */
          double dashes[] = { em * 8, em * 3, width * 0.5, em * 3 + width };

          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          break;
        }
      case PV_EDGE_LEADER_OF:
      case PV_EDGE_CO_MENTION:
      default:
        break;
    }
  set_rgb (cr, rgb, alpha);
  cairo_move_to (cr, a->x, a->y);
  cairo_line_to (cr, a->x + ux * end, a->y + uy * end);
  cairo_stroke (cr);
  if (has_arrow)
    {
      set_rgb (cr, rgb, emphasized || selected ? 1 : alpha);
      draw_arrow (cr, tip_x, tip_y, ux, uy, arrow, half);
    }
  cairo_restore (cr);
}

static int
compare_edge_order (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Scene *scene = user_data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  const PvEdge *ex = g_ptr_array_index (scene->analysis->edges, x);
  const PvEdge *ey = g_ptr_array_index (scene->analysis->edges, y);
  int sel = scene->options.selected_node;
  /* co-mentions below typed edges, the selected node's edges above, the
   * selected edge on top; lighter below heavier */
  int rx = (ex->kind != PV_EDGE_CO_MENTION) +
           2 * (sel >= 0 && (ex->source == (guint)sel || ex->target == (guint)sel)) +
           4 * ((int)x == scene->options.selected_edge);
  int ry = (ey->kind != PV_EDGE_CO_MENTION) +
           2 * (sel >= 0 && (ey->source == (guint)sel || ey->target == (guint)sel)) +
           4 * ((int)y == scene->options.selected_edge);

  if (rx != ry)
    return rx - ry;
  if (ex->weight != ey->weight)
    return ex->weight < ey->weight ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
draw_edges (cairo_t *cr, const Scene *scene)
{
  const GPtrArray *edges = scene->analysis->edges;
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), edges->len);
  int sel = scene->options.selected_node;

  for (guint i = 0; i < edges->len; i++)
    if (edge_visible (scene, i) && edge_alpha (scene, i) > 0)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_edge_order, (gpointer)scene);
  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const PvEdge *edge = g_ptr_array_index (edges, i);
      double alpha = edge_alpha (scene, i);
      gboolean faded = begin_fade (cr, alpha);

      draw_edge (cr, scene, i,
                 sel >= 0 && (edge->source == (guint)sel || edge->target == (guint)sel));
      end_fade (cr, faded, alpha);
    }
}

/* A node's shape filled with its colour (`rgb`) and outlined a little
 * darker. */
static void
fill_shape (cairo_t *cr, Shape shape, double x, double y, double r, const double *rgb,
            gboolean dark, double em)
{
  double outline[3];

  shape_path (cr, shape, x, y, r);
  set_rgb (cr, rgb, 1);
  cairo_fill_preserve (cr);
  for (guint c = 0; c < 3; c++)
    outline[c] = rgb[c] * (dark ? 0.55 : 0.65);
  set_rgb (cr, outline, 1);
  cairo_set_line_width (cr, em * NODE_OUTLINE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_node (cairo_t *cr, const Scene *scene, guint index)
{
  const PvNode *node = g_ptr_array_index (scene->analysis->nodes, index);
  const SceneNode *s = &scene->nodes[index];
  double rgb[3];
  double em = scene->em;
  gboolean selected = (int)index == scene->options.selected_node;
  gboolean hovered = (int)index == scene->options.hovered_node;

  if (scene->options.node_color_index != NULL)
    pv_draw_category_color (scene->options.node_color_index[index], scene->options.dark, &rgb[0],
                            &rgb[1], &rgb[2]);
  else
    type_rgb (scene, node->type, rgb);

  if (selected || hovered)
    {
      /* a ring of the node's own shape around it, a gap away: the shape
       * stroked wide in ink, then less wide in the background */
      double width = em * (selected ? SELECTED_RING_WIDTH : HOVERED_RING_WIDTH);
      double gap = em * SELECTED_RING_GAP;

      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      shape_path (cr, s->shape, s->x, s->y, s->r);
      cairo_set_line_width (cr, 2 * (gap + width));
      set_rgb (cr, scene->theme->ink, selected ? 1 : 0.4);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 2 * gap);
      set_rgb (cr, scene->theme->background, 1);
      cairo_stroke (cr);
    }

  if (scene->theme->outline)
    {
      /* high contrast: a thick outline in the ink */
      shape_path (cr, s->shape, s->x, s->y, s->r);
      set_rgb (cr, rgb, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, scene->theme->ink, 1);
      cairo_set_line_width (cr, outline_width (scene));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      return;
    }
  fill_shape (cr, s->shape, s->x, s->y, s->r, rgb, scene->options.dark, em);
}

static void
draw_nodes (cairo_t *cr, const Scene *scene)
{
  /* the biggest first, so smaller nodes stay visible on top of them; the
   * hovered and the selected node last */
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < scene->n_nodes; i++)
    if (scene->nodes[i].visible)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_label_order, (gpointer)scene);
  for (guint k = order->len; k-- > 0;)
    {
      guint i = g_array_index (order, guint, k);
      double alpha = scene->nodes[i].alpha;
      gboolean faded;

      if (alpha <= 0)
        continue;
      faded = begin_fade (cr, alpha);
      draw_node (cr, scene, i);
      end_fade (cr, faded, alpha);
    }
}

static void
rounded_box (cairo_t *cr, const Box *box, double radius)
{
  double x0 = box->x0, y0 = box->y0, x1 = box->x1, y1 = box->y1;
  double r = MIN (radius, MIN (x1 - x0, y1 - y0) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
  cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_labels (cairo_t *cr, const Scene *scene)
{
  for (guint k = 0; k < scene->labels->len; k++)
    {
      const SceneLabel *label = &g_array_index (scene->labels, SceneLabel, k);
      double alpha = scene->nodes[label->node].alpha;
      gboolean faded;

      if (alpha <= 0)
        continue;
      faded = begin_fade (cr, alpha);
      /* a veil of the background keeps the text readable across edges
       * (cheaper than outlining the glyphs, and the same in every format) */
      rounded_box (cr, &label->box, scene->em * 2 * LABEL_VEIL);
      set_rgb (cr, scene->theme->background, scene->theme->veil);
      cairo_fill (cr);

      if (!scene->options.label_text_hidden)
        {
          cairo_move_to (cr, label->x, label->y);
          set_rgb (cr, scene->theme->ink, 1);
          pango_cairo_show_layout (cr, label->layout);
        }
      end_fade (cr, faded, alpha);
    }
}

void
pv_draw_graph (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
               const PvDrawOptions *options)
{
  pv_draw_graph_cached (cr, analysis, layout, options, NULL);
}

void
pv_draw_graph_cached (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                      const PvDrawOptions *options, PvDrawLabelCache *cache)
{
  Scene scene;
  Box clip;

  g_return_if_fail (cr != NULL);
  if (!scene_init (&scene, analysis, layout, options))
    return;

  cairo_save (cr);
  cairo_clip_extents (cr, &clip.x0, &clip.y0, &clip.x1, &clip.y1);
  if (scene.options.draw_background)
    {
      set_rgb (cr, scene.theme->background, 1);
      cairo_paint (cr);
    }
  cairo_new_path (cr);
  draw_edges (cr, &scene);
  draw_nodes (cr, &scene);
  scene_place_labels (&scene, cr, &clip, cache);
  draw_labels (cr, &scene);
  cairo_restore (cr);
  scene_clear (&scene);
}

/* Geometry */

static void
box_union (Box *box, const Box *other, gboolean *empty)
{
  if (*empty)
    *box = *other;
  else
    {
      box->x0 = MIN (box->x0, other->x0);
      box->y0 = MIN (box->y0, other->y0);
      box->x1 = MAX (box->x1, other->x1);
      box->y1 = MAX (box->y1, other->y1);
    }
  *empty = FALSE;
}

static void
get_extents (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
             const PvDrawOptions *options, PvDrawLabelCache *cache, double *x_min, double *y_min,
             double *x_max, double *y_max)
{
  Scene scene;
  Box box = { 0 };
  gboolean empty = TRUE;

  if (!scene_init (&scene, analysis, layout, options))
    return;

  scene_place_labels (&scene, cr, NULL, cache);
  for (guint i = 0; i < scene.n_nodes; i++)
    if (scene.nodes[i].visible)
      box_union (&box, &scene.nodes[i].box, &empty);
  for (guint k = 0; k < scene.labels->len; k++)
    box_union (&box, &g_array_index (scene.labels, SceneLabel, k).box, &empty);
  if (empty)
    box = (Box){ scene.options.offset_x, scene.options.offset_y, scene.options.offset_x,
                 scene.options.offset_y };
  scene_clear (&scene);

  if (x_min != NULL)
    *x_min = box.x0;
  if (y_min != NULL)
    *y_min = box.y0;
  if (x_max != NULL)
    *x_max = box.x1;
  if (y_max != NULL)
    *y_max = box.y1;
}

void
pv_draw_get_extents (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                     const PvDrawOptions *options, double *x_min, double *y_min, double *x_max,
                     double *y_max)
{
  g_return_if_fail (cr != NULL);

  get_extents (cr, analysis, layout, options, NULL, x_min, y_min, x_max, y_max);
}

GArray *
pv_draw_get_label_boxes (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                         const PvDrawOptions *options)
{
  Scene scene;
  GArray *boxes;
  Box clip;

  g_return_val_if_fail (cr != NULL, NULL);
  if (!scene_init (&scene, analysis, layout, options))
    return NULL;

  cairo_clip_extents (cr, &clip.x0, &clip.y0, &clip.x1, &clip.y1);
  scene_place_labels (&scene, cr, &clip, NULL);
  boxes = g_array_sized_new (FALSE, FALSE, sizeof (PvDrawLabelBox), scene.labels->len);
  for (guint k = 0; k < scene.labels->len; k++)
    {
      const SceneLabel *label = &g_array_index (scene.labels, SceneLabel, k);
      PvDrawLabelBox box = {
        label->node,
        label->box.x0,
        label->box.y0,
        label->box.x1 - label->box.x0,
        label->box.y1 - label->box.y0,
      };

      g_array_append_val (boxes, box);
    }
  scene_clear (&scene);
  return boxes;
}

static void
label_line_clear (gpointer data)
{
  PvDrawLabelLine *line = data;

  g_clear_pointer (&line->text, g_free);
}

GArray *
pv_draw_get_label_lines (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                         const PvDrawOptions *options)
{
  Scene scene;
  GArray *lines;
  Box clip;

  g_return_val_if_fail (cr != NULL, NULL);
  if (!scene_init (&scene, analysis, layout, options))
    return NULL;

  cairo_clip_extents (cr, &clip.x0, &clip.y0, &clip.x1, &clip.y1);
  scene_place_labels (&scene, cr, &clip, NULL);
  lines = g_array_new (FALSE, TRUE, sizeof (PvDrawLabelLine));
  g_array_set_clear_func (lines, label_line_clear);
  for (guint k = 0; k < scene.labels->len; k++)
    {
      const SceneLabel *label = &g_array_index (scene.labels, SceneLabel, k);
      const SceneNode *node = &scene.nodes[label->node];
      const char *text = pango_layout_get_text (label->layout);
      PangoLayoutIter *iter = pango_layout_get_iter (label->layout);
      int anchor = 0;

      /* beside the node: the end towards it; above or below: the middle */
      if (label->box.x1 <= node->x)
        anchor = 1;
      else if (label->box.x0 >= node->x)
        anchor = -1;
      do
        {
          PangoLayoutLine *layout_line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          PvDrawLabelLine line = { 0 };

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line.node = label->node;
          line.text = g_strndup (text + layout_line->start_index, layout_line->length);
          line.rtl = layout_line->resolved_dir == PANGO_DIRECTION_RTL;
          line.x0 = label->x + logical.x / (double)PANGO_SCALE;
          line.x1 = label->x + (logical.x + logical.width) / (double)PANGO_SCALE;
          line.baseline = label->y + pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE;
          line.anchor = anchor;
          g_array_append_val (lines, line);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  scene_clear (&scene);
  return lines;
}

void
pv_draw_type_marker (cairo_t *cr, PvEntityType type, double x, double y, double radius,
                     gboolean dark, double font_size)
{
  double rgb[3];
  double em = (font_size > 0 ? font_size : DEFAULT_FONT_SIZE) / DEFAULT_FONT_SIZE;
  Shape shape;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (type < PV_N_ENTITY_TYPES);

  shape = type_shapes[type];
  pv_entity_type_color (type, dark, &rgb[0], &rgb[1], &rgb[2]);
  cairo_save (cr);
  cairo_new_path (cr);
  fill_shape (cr, shape, x, y, radius, rgb, dark, em);
  cairo_restore (cr);
}

void
pv_draw_theme_colors (gboolean dark, double *background, double *ink)
{
  const Theme *theme = dark ? &dark_theme : &light_theme;

  if (background != NULL)
    memcpy (background, theme->background, sizeof theme->background);
  if (ink != NULL)
    memcpy (ink, theme->ink, sizeof theme->ink);
}

void
pv_draw_get_colors (const PvDrawOptions *options, double *background, double *ink)
{
  const Theme *theme;

  g_return_if_fail (options != NULL);

  theme = options_theme (options);
  if (background != NULL)
    memcpy (background, theme->background, sizeof theme->background);
  if (ink != NULL)
    memcpy (ink, theme->ink, sizeof theme->ink);
}

/* The extents at `scale`, with no offset. */
static void
measure (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout, PvDrawOptions *options,
         PvDrawLabelCache *cache, double scale, double *extents)
{
  options->scale = scale;
  options->offset_x = 0;
  options->offset_y = 0;
  get_extents (cr, analysis, layout, options, cache, &extents[0], &extents[1], &extents[2],
               &extents[3]);
}

static gboolean
fits (const double *extents, double width, double height)
{
  return extents[2] - extents[0] <= width + 1e-6 && extents[3] - extents[1] <= height + 1e-6;
}

void
pv_draw_fit (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
             PvDrawOptions *options, double width, double height, double margin)
{
  pv_draw_fit_cached (cr, analysis, layout, options, width, height, margin, NULL);
}

void
pv_draw_fit_cached (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                    PvDrawOptions *options, double width, double height, double margin,
                    PvDrawLabelCache *cache)
{
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double span_x, span_y, avail_x, avail_y;
  double scale, upper;
  double extents[4], e_x0, e_y0, e_x1, e_y1;
  gboolean any = FALSE;
  double max_scale;
  g_autoptr (PvDrawLabelCache) own_cache = NULL;

  g_return_if_fail (cr != NULL && analysis != NULL && layout != NULL && options != NULL);
  g_return_if_fail (pv_layout_n_nodes (layout) == analysis->nodes->len);

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      double x, y;

      if (node->type < PV_N_ENTITY_TYPES && options->type_hidden[node->type])
        continue;
      if (options->node_hidden != NULL && options->node_hidden[i])
        continue;
      pv_layout_get_position (layout, i, &x, &y);
      x0 = any ? MIN (x0, x) : x;
      x1 = any ? MAX (x1, x) : x;
      y0 = any ? MIN (y0, y) : y;
      y1 = any ? MAX (y1, y) : y;
      any = TRUE;
    }
  span_x = x1 - x0;
  span_y = y1 - y0;
  avail_x = MAX (width - 2 * margin, 1);
  avail_y = MAX (height - 2 * margin, 1);
  /* two nodes a unit apart are not drawn a screen apart */
  max_scale =
      160 * (options->font_size > 0 ? options->font_size : DEFAULT_FONT_SIZE) / DEFAULT_FONT_SIZE;

  /* the labels and nodes keep their size whatever the scale, so the scale
   * that fits depends on which labels fit: a first guess from the room
   * they take at one scale, then a bisection between a scale that fits
   * and one that does not */
  upper = MIN (span_x > 1e-9 ? avail_x / span_x : max_scale,
               span_y > 1e-9 ? avail_y / span_y : max_scale);
  upper = CLAMP (upper, 1e-6, max_scale);
  /* the labels shaped once for every scale tried, at least */
  if (cache == NULL)
    cache = own_cache = pv_draw_label_cache_new ();
  measure (cr, analysis, layout, options, cache, upper, extents);
  if (fits (extents, avail_x, avail_y))
    scale = upper;
  else
    {
      double pad_x = MAX ((extents[2] - extents[0]) - upper * span_x, 0);
      double pad_y = MAX ((extents[3] - extents[1]) - upper * span_y, 0);
      double lower = MIN (span_x > 1e-9 ? (avail_x - pad_x) / span_x : max_scale,
                          span_y > 1e-9 ? (avail_y - pad_y) / span_y : max_scale);

      lower = CLAMP (lower, upper * 1e-3, upper);
      for (guint round = 0; round < 4; round++)
        {
          measure (cr, analysis, layout, options, cache, lower, extents);
          if (fits (extents, avail_x, avail_y))
            break;
          upper = lower;
          lower /= 2;
        }
      for (guint round = 0; round < 8 && upper - lower > 1e-3 * lower; round++)
        {
          double middle = (lower + upper) / 2;

          measure (cr, analysis, layout, options, cache, middle, extents);
          if (fits (extents, avail_x, avail_y))
            lower = middle;
          else
            upper = middle;
        }
      scale = lower;
    }

  measure (cr, analysis, layout, options, cache, scale, extents);
  e_x0 = extents[0];
  e_y0 = extents[1];
  e_x1 = extents[2];
  e_y1 = extents[3];
  options->offset_x = margin + (avail_x - (e_x1 - e_x0)) / 2 - e_x0;
  options->offset_y = margin + (avail_y - (e_y1 - e_y0)) / 2 - e_y0;
}

/* Hit tests */

int
pv_draw_node_at (const PvAnalysis *analysis, const PvLayout *layout, const PvDrawOptions *options,
                 double x, double y)
{
  Scene scene;
  g_autoptr (GArray) order = NULL;
  int found = -1;

  if (!scene_init (&scene, analysis, layout, options))
    return -1;

  /* the node drawn last (on top) wins */
  order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < scene.n_nodes; i++)
    if (scene.nodes[i].visible)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_label_order, &scene);
  for (guint k = 0; k < order->len && found < 0; k++)
    {
      guint i = g_array_index (order, guint, k);
      const SceneNode *s = &scene.nodes[i];
      double dx = x - s->x, dy = y - s->y;
      double slop = NODE_HIT_SLOP;

      if (hypot (dx, dy) <= s->r + slop || shape_contains (s->shape, s->r + slop, dx, dy))
        found = i;
    }
  scene_clear (&scene);
  return found;
}

static double
distance_to_segment (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

int
pv_draw_edge_at (const PvAnalysis *analysis, const PvLayout *layout, const PvDrawOptions *options,
                 double x, double y)
{
  Scene scene;
  int found = -1;
  double best = G_MAXDOUBLE;

  if (!scene_init (&scene, analysis, layout, options))
    return -1;

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      const SceneNode *a, *b;
      double distance;

      if (!edge_visible (&scene, i))
        continue;
      a = &scene.nodes[edge->source];
      b = &scene.nodes[edge->target];
      distance = distance_to_segment (x, y, a->x, a->y, b->x, b->y);
      if (distance <= EDGE_HIT_SLOP + edge_width (&scene, edge) / 2 && distance < best)
        {
          best = distance;
          found = i;
        }
    }
  scene_clear (&scene);
  return found;
}

double
pv_draw_node_radius (const PvAnalysis *analysis, guint node, const PvDrawOptions *options)
{
  double size = options != NULL && options->font_size > 0 ? options->font_size : DEFAULT_FONT_SIZE;

  g_return_val_if_fail (analysis != NULL, 0);
  g_return_val_if_fail (node < analysis->nodes->len, 0);

  return node_radius (g_ptr_array_index (analysis->nodes, node), size / DEFAULT_FONT_SIZE);
}
