/* test-draw.c: the graph drawn with cairo and Pango
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pv-draw.h"
#include "pv-layout.h"
#include "test-util.h"

#define WIDTH 1200
#define HEIGHT 800
#define MARGIN 24

typedef struct
{
  PvAnalysis *analysis;
  PvLayout *layout;
} Fixture;

/* A graph built by hand */

static void
node_free (gpointer data)
{
  PvNode *node = data;

  g_free (node->id);
  g_free (node->label);
  g_free (node->label_en);
  g_clear_pointer (&node->mentions, g_array_unref);
  g_free (node);
}

static void
edge_free (gpointer data)
{
  PvEdge *edge = data;

  g_clear_pointer (&edge->sentences, g_array_unref);
  g_free (edge);
}

static void
add_node (PvAnalysis *analysis, PvEntityType type, const char *label, const char *label_en,
          guint mentions)
{
  PvNode *node = g_new0 (PvNode, 1);

  node->id = g_strdup_printf ("%s:%u", pv_entity_type_to_string (type), analysis->nodes->len);
  node->type = type;
  node->label = g_strdup (label);
  node->label_en = g_strdup (label_en);
  node->mentions = g_array_new (FALSE, TRUE, sizeof (PvMention));
  g_array_set_size (node->mentions, mentions);
  g_ptr_array_add (analysis->nodes, node);
}

static void
add_edge (PvAnalysis *analysis, guint source, guint target, PvEdgeKind kind, guint weight)
{
  PvEdge *edge = g_new0 (PvEdge, 1);

  edge->source = source;
  edge->target = target;
  edge->kind = kind;
  edge->weight = weight;
  edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (analysis->edges, edge);
}

/* One node of each type around a country, one edge of each kind. */
static void
kinds_set_up (Fixture *fixture, gconstpointer data)
{
  static const double positions[][2] = {
    { 0, 0 }, { -2, -1 }, { 2, -1 }, { -2, 1 }, { 2, 1 }, { 0, 1.6 },
  };
  PvAnalysis *analysis = g_new0 (PvAnalysis, 1);

  analysis->nodes = g_ptr_array_new_with_free_func (node_free);
  analysis->edges = g_ptr_array_new_with_free_func (edge_free);
  add_node (analysis, PV_ENTITY_COUNTRY, "ایران", "Iran", 16);
  add_node (analysis, PV_ENTITY_PERSON, "حسن روحانی", "Hassan Rouhani", 9);
  add_node (analysis, PV_ENTITY_PERSON, "محمدجواد ظریف", "Mohammad Javad Zarif", 4);
  add_node (analysis, PV_ENTITY_PLACE, "تهران", "Tehran", 4);
  add_node (analysis, PV_ENTITY_ORGANIZATION, "اوپک", "OPEC", 2);
  add_node (analysis, PV_ENTITY_TOPIC, "برجام ۲۰۱۵ (JCPOA)", NULL, 1);
  add_edge (analysis, 1, 0, PV_EDGE_LEADER_OF, 4);
  add_edge (analysis, 2, 0, PV_EDGE_OFFICIAL_OF, 2);
  add_edge (analysis, 3, 0, PV_EDGE_LOCATED_IN, 2);
  add_edge (analysis, 0, 4, PV_EDGE_MEMBER_OF, 1);
  add_edge (analysis, 5, 0, PV_EDGE_CO_MENTION, 8);
  fixture->analysis = analysis;
  fixture->layout = pv_layout_new (analysis, 1);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      pv_layout_set_position (fixture->layout, i, positions[i][0], positions[i][1]);
      pv_layout_set_pinned (fixture->layout, i, TRUE);
    }
}

static PvAnalysis *
seed_analysis (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "000_2ad9410abe4922a4.txt", NULL);
  PvAnalyzeOptions options = { "2020-02-29" };
  PvDocument *document = pv_document_load_file (path, &error);

  g_assert_no_error (error);
  return pv_analyze (document, test_knowledge (), &options);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->analysis = seed_analysis ();
  fixture->layout = pv_layout_new (fixture->analysis, 1);
  pv_layout_settle (fixture->layout);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_pointer (&fixture->layout, pv_layout_free);
  g_clear_pointer (&fixture->analysis, pv_analysis_free);
}

/* An image surface with the graph fitted into it. */
static cairo_surface_t *
render (const Fixture *fixture, PvDrawOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  pv_draw_fit (cr, fixture->analysis, fixture->layout, options, WIDTH, HEIGHT, MARGIN);
  pv_draw_graph (cr, fixture->analysis, fixture->layout, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface, double x, double y, double *rgb)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int)floor (x), py = (int)floor (y);
  guint32 value;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  value = *(const guint32 *)(data + py * stride + 4 * px);
  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
}

static gboolean
near_color (const double *a, const double *b)
{
  return fabs (a[0] - b[0]) < 0.02 && fabs (a[1] - b[1]) < 0.02 && fabs (a[2] - b[2]) < 0.02;
}

static void
device_position (const Fixture *fixture, const PvDrawOptions *options, guint node, double *x,
                 double *y)
{
  pv_layout_get_position (fixture->layout, node, x, y);
  *x = *x * options->scale + options->offset_x;
  *y = *y * options->scale + options->offset_y;
}

/* Whether a node's centre pixel is not covered by another node drawn over
 * it (smaller nodes are drawn last). */
static gboolean
node_uncovered (const Fixture *fixture, const PvDrawOptions *options, guint node)
{
  double x, y;

  device_position (fixture, options, node, &x, &y);
  return pv_draw_node_at (fixture->analysis, fixture->layout, options, x, y) == (int)node;
}

/* Whether a label lies beside (x, y) or above or below it. */
static gboolean
next_to (const PvDrawLabelBox *box, double x, double y)
{
  gboolean across = box->y < y && y < box->y + box->height;
  gboolean along = box->x < x && x < box->x + box->width;

  return (across && (box->x + box->width < x || box->x > x)) ||
         (along && (box->y + box->height < y || box->y > y));
}

static void
test_draw_colors (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface;
  guint checked = 0;
  gboolean seen_type[PV_N_ENTITY_TYPES] = { FALSE };

  pv_draw_options_init (&options);
  surface = render (fixture, &options);

  for (guint i = 0; i < fixture->analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (fixture->analysis->nodes, i);
      double x, y, want[3], got[3];

      if (!node_uncovered (fixture, &options, i))
        continue;
      device_position (fixture, &options, i, &x, &y);
      pv_entity_type_color (node->type, FALSE, &want[0], &want[1], &want[2]);
      pixel (surface, x, y, got);
      if (!near_color (want, got))
        g_error ("node %s at %.0f,%.0f: colour %.2f %.2f %.2f, not %.2f %.2f %.2f", node->id, x, y,
                 got[0], got[1], got[2], want[0], want[1], want[2]);
      seen_type[node->type] = TRUE;
      checked++;
    }
  g_assert_cmpuint (checked, >=, fixture->analysis->nodes->len / 2);
  for (guint t = 0; t < PV_N_ENTITY_TYPES; t++)
    g_assert_true (seen_type[t]);
  cairo_surface_destroy (surface);
}

static void
test_draw_palette (void)
{
  /* five different colours, each lighter in the dark palette */
  for (guint t = 0; t < PV_N_ENTITY_TYPES; t++)
    {
      double light[3], dark[3];

      pv_entity_type_color (t, FALSE, &light[0], &light[1], &light[2]);
      pv_entity_type_color (t, TRUE, &dark[0], &dark[1], &dark[2]);
      g_assert_cmpfloat (dark[0] + dark[1] + dark[2], >, light[0] + light[1] + light[2]);
      for (guint u = 0; u < t; u++)
        {
          double other[3];

          pv_entity_type_color (u, FALSE, &other[0], &other[1], &other[2]);
          g_assert_false (near_color (light, other));
        }
    }
}

static void
test_draw_labels (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GArray) boxes = NULL;
  guint dark = 0, left = 0;

  pv_draw_options_init (&options);
  surface = render (fixture, &options);
  cr = cairo_create (surface);
  boxes = pv_draw_get_label_boxes (cr, fixture->analysis, fixture->layout, &options);
  cairo_destroy (cr);
  g_assert_nonnull (boxes);
  g_assert_cmpuint (boxes->len, >=, fixture->analysis->nodes->len / 2);

  for (guint k = 0; k < boxes->len; k++)
    {
      const PvDrawLabelBox *box = &g_array_index (boxes, PvDrawLabelBox, k);
      guint label_dark = 0;
      double x, y;

      /* inside the picture, next to its node: on the left (Persian
       * labels), else on the right, above or below */
      g_assert_cmpfloat (box->x, >=, 0);
      g_assert_cmpfloat (box->y, >=, 0);
      g_assert_cmpfloat (box->x + box->width, <=, WIDTH);
      g_assert_cmpfloat (box->y + box->height, <=, HEIGHT);
      device_position (fixture, &options, box->node, &x, &y);
      g_assert_true (next_to (box, x, y));
      left += box->x + box->width < x && box->y < y && box->y + box->height > y;

      /* the text made dark pixels */
      for (double py = box->y; py < box->y + box->height; py += 1)
        for (double px = box->x; px < box->x + box->width; px += 1)
          {
            double rgb[3];

            pixel (surface, px, py, rgb);
            label_dark += rgb[0] + rgb[1] + rgb[2] < 1.5;
          }
      g_assert_cmpuint (label_dark, >, 20);
      dark += label_dark;

      /* no two labels overlap */
      for (guint j = 0; j < k; j++)
        {
          const PvDrawLabelBox *other = &g_array_index (boxes, PvDrawLabelBox, j);

          g_assert_false (box->x < other->x + other->width && other->x < box->x + box->width &&
                          box->y < other->y + other->height && other->y < box->y + box->height);
        }
    }
  g_test_message ("%u labels, %u on the left, %u dark pixels", boxes->len, left, dark);
  g_assert_cmpuint (left, >, boxes->len / 2);
  cairo_surface_destroy (surface);
}

/* The lines of the labels, for an SVG export's <text>: where the boxes
 * are, with the labels' text. */
static void
test_draw_label_lines (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GArray) boxes = NULL;
  g_autoptr (GArray) lines = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  guint k = 0;

  pv_draw_options_init (&options);
  surface = render (fixture, &options);
  cr = cairo_create (surface);
  boxes = pv_draw_get_label_boxes (cr, fixture->analysis, fixture->layout, &options);
  lines = pv_draw_get_label_lines (cr, fixture->analysis, fixture->layout, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (lines->len, >=, boxes->len);

  for (guint i = 0; i < lines->len; i++)
    {
      const PvDrawLabelLine *line = &g_array_index (lines, PvDrawLabelLine, i);
      const PvDrawLabelBox *box;
      const PvNode *node = g_ptr_array_index (fixture->analysis->nodes, line->node);
      double x, y;

      /* label by label, in the boxes' order */
      if (i > 0 && line->node != g_array_index (lines, PvDrawLabelLine, i - 1).node)
        k++;
      g_assert_cmpuint (k, <, boxes->len);
      box = &g_array_index (boxes, PvDrawLabelBox, k);
      g_assert_cmpuint (line->node, ==, box->node);
      g_assert_true (line->rtl);
      g_assert_cmpfloat (line->x0, <, line->x1);
      g_assert_cmpfloat (line->x0, >=, box->x);
      g_assert_cmpfloat (line->x1, <=, box->x + box->width);
      g_assert_cmpfloat (line->baseline, >, box->y);
      g_assert_cmpfloat (line->baseline, <, box->y + box->height);

      /* anchored at the end towards the node */
      device_position (fixture, &options, line->node, &x, &y);
      if (box->x + box->width <= x)
        g_assert_cmpint (line->anchor, ==, 1);
      else if (box->x >= x)
        g_assert_cmpint (line->anchor, ==, -1);
      else
        g_assert_cmpint (line->anchor, ==, 0);

      /* the lines of a label make its text */
      g_string_append (text, line->text);
      if (i + 1 == lines->len || g_array_index (lines, PvDrawLabelLine, i + 1).node != line->node)
        {
          g_assert_cmpstr (text->str, ==, node->label);
          g_string_truncate (text, 0);
        }
    }
  g_assert_cmpuint (k + 1, ==, boxes->len);
}

/* Without their text, the labels keep their veils and nothing dark. */
static void
test_draw_label_text_hidden (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GArray) boxes = NULL;
  g_autoptr (GArray) hidden_boxes = NULL;

  pv_draw_options_init (&options);
  options.label_text_hidden = TRUE;
  surface = render (fixture, &options);
  cr = cairo_create (surface);
  boxes = pv_draw_get_label_boxes (cr, fixture->analysis, fixture->layout, &options);
  options.label_text_hidden = FALSE;
  hidden_boxes = pv_draw_get_label_boxes (cr, fixture->analysis, fixture->layout, &options);
  cairo_destroy (cr);
  g_assert_cmpuint (boxes->len, ==, hidden_boxes->len);

  for (guint k = 0; k < boxes->len; k++)
    {
      const PvDrawLabelBox *box = &g_array_index (boxes, PvDrawLabelBox, k);
      guint dark = 0;

      for (double py = box->y + 1; py < box->y + box->height - 1; py += 1)
        for (double px = box->x + 1; px < box->x + box->width - 1; px += 1)
          {
            double rgb[3];

            pixel (surface, px, py, rgb);
            dark += rgb[0] < 0.3 && rgb[1] < 0.3 && rgb[2] < 0.3;
          }
      g_assert_cmpuint (dark, ==, 0);
    }
  cairo_surface_destroy (surface);
}

/* A legend's marker: the node's shape and colour. */
static void
test_draw_marker (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 50);
  cairo_t *cr = cairo_create (surface);
  double blue[3], orange[3], rgb[3], background[3], ink[3];

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pv_draw_type_marker (cr, PV_ENTITY_COUNTRY, 25, 25, 20, FALSE, 0);
  pv_draw_type_marker (cr, PV_ENTITY_PERSON, 75, 25, 20, FALSE, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pv_entity_type_color (PV_ENTITY_COUNTRY, FALSE, &blue[0], &blue[1], &blue[2]);
  pv_entity_type_color (PV_ENTITY_PERSON, FALSE, &orange[0], &orange[1], &orange[2]);
  pixel (surface, 25, 25, rgb);
  g_assert_true (near_color (rgb, blue));
  pixel (surface, 75, 25, rgb);
  g_assert_true (near_color (rgb, orange));
  /* a circle leaves its box's corners out, a square of the same area
   * reaches them */
  pixel (surface, 25 + 16, 25 + 16, rgb);
  g_assert_true (near_color (rgb, (double[]){ 1, 1, 1 }));
  pixel (surface, 75 + 16, 25 + 16, rgb);
  g_assert_true (near_color (rgb, orange));
  cairo_surface_destroy (surface);

  pv_draw_theme_colors (FALSE, background, ink);
  g_assert_true (near_color (background, (double[]){ 1, 1, 1 }));
  g_assert_cmpfloat (ink[0] + ink[1] + ink[2], <, 0.5);
  pv_draw_theme_colors (TRUE, background, NULL);
  g_assert_cmpfloat (background[0] + background[1] + background[2], <, 0.5);
}

static void
test_draw_hidden (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface;
  guint hidden = 0;

  pv_draw_options_init (&options);
  options.type_hidden[PV_ENTITY_TOPIC] = TRUE;
  options.min_edge_weight = 2;
  surface = render (fixture, &options);

  for (guint i = 0; i < fixture->analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (fixture->analysis->nodes, i);
      double x, y, rgb[3], topic[3];

      if (node->type != PV_ENTITY_TOPIC)
        continue;
      device_position (fixture, &options, i, &x, &y);
      g_assert_cmpint (pv_draw_node_at (fixture->analysis, fixture->layout, &options, x, y), !=,
                       (int)i);
      if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT)
        continue;
      pixel (surface, x, y, rgb);
      pv_entity_type_color (PV_ENTITY_TOPIC, FALSE, &topic[0], &topic[1], &topic[2]);
      g_assert_false (near_color (rgb, topic));
      if (rgb[0] + rgb[1] + rgb[2] > 2.9)
        hidden++;
    }
  /* most hidden nodes leave the background (an edge or a label of another
   * node may pass there) */
  g_assert_cmpuint (hidden, >=, 1);

  /* no edge to a hidden node, none lighter than 2 */
  for (guint e = 0; e < fixture->analysis->edges->len; e++)
    {
      const PvEdge *edge = g_ptr_array_index (fixture->analysis->edges, e);
      double ax, ay, bx, by;

      device_position (fixture, &options, edge->source, &ax, &ay);
      device_position (fixture, &options, edge->target, &bx, &by);
      if (pv_draw_edge_at (fixture->analysis, fixture->layout, &options, (ax + bx) / 2,
                           (ay + by) / 2) == (int)e)
        {
          const PvNode *a = g_ptr_array_index (fixture->analysis->nodes, edge->source);
          const PvNode *b = g_ptr_array_index (fixture->analysis->nodes, edge->target);

          g_assert_cmpint (a->type, !=, PV_ENTITY_TOPIC);
          g_assert_cmpint (b->type, !=, PV_ENTITY_TOPIC);
          g_assert_cmpuint (edge->weight, >=, 2);
        }
    }
  cairo_surface_destroy (surface);
}

static void
test_draw_hit (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface;
  guint found = 0, edges_found = 0;

  pv_draw_options_init (&options);
  surface = render (fixture, &options);

  for (guint i = 0; i < fixture->analysis->nodes->len; i++)
    {
      double x, y, r = pv_draw_node_radius (fixture->analysis, i, &options);

      g_assert_cmpfloat (r, >=, 6);
      g_assert_cmpfloat (r, <=, 30);
      device_position (fixture, &options, i, &x, &y);
      found += pv_draw_node_at (fixture->analysis, fixture->layout, &options, x, y) == (int)i;
    }
  /* a node covered by a smaller one is found where it is not covered */
  g_assert_cmpuint (found, >=, fixture->analysis->nodes->len - 2);
  g_assert_cmpint (pv_draw_node_at (fixture->analysis, fixture->layout, &options, -500, -500), ==,
                   -1);
  g_assert_cmpint (pv_draw_edge_at (fixture->analysis, fixture->layout, &options, -500, -500), ==,
                   -1);

  /* an edge's middle, when no node lies there */
  for (guint e = 0; e < fixture->analysis->edges->len; e++)
    {
      const PvEdge *edge = g_ptr_array_index (fixture->analysis->edges, e);
      double ax, ay, bx, by, mx, my;
      int hit;

      device_position (fixture, &options, edge->source, &ax, &ay);
      device_position (fixture, &options, edge->target, &bx, &by);
      mx = (ax + bx) / 2;
      my = (ay + by) / 2;
      if (pv_draw_node_at (fixture->analysis, fixture->layout, &options, mx, my) >= 0)
        continue;
      hit = pv_draw_edge_at (fixture->analysis, fixture->layout, &options, mx, my);
      g_assert_cmpint (hit, >=, 0);
      edges_found += hit == (int)e;
      /* 20 units aside, off any edge */
    }
  g_assert_cmpuint (edges_found, >, fixture->analysis->edges->len / 2);
  cairo_surface_destroy (surface);
}

static void
test_draw_extents (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GArray) boxes = NULL;
  double x0, y0, x1, y1;

  pv_draw_options_init (&options);
  options.scale = 90;
  options.offset_x = 17;
  options.offset_y = -40;
  pv_draw_get_extents (cr, fixture->analysis, fixture->layout, &options, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, <, x1);
  g_assert_cmpfloat (y0, <, y1);
  for (guint i = 0; i < fixture->analysis->nodes->len; i++)
    {
      double x, y, r = pv_draw_node_radius (fixture->analysis, i, &options);

      device_position (fixture, &options, i, &x, &y);
      g_assert_cmpfloat (x - r, >=, x0);
      g_assert_cmpfloat (x + r, <=, x1);
      g_assert_cmpfloat (y - r, >=, y0);
      g_assert_cmpfloat (y + r, <=, y1);
    }
  /* every label inside, when nothing clips them */
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  boxes = pv_draw_get_label_boxes (cr, fixture->analysis, fixture->layout, &options);
  g_assert_cmpuint (boxes->len, >, 0);
  for (guint k = 0; k < boxes->len; k++)
    {
      const PvDrawLabelBox *box = &g_array_index (boxes, PvDrawLabelBox, k);

      g_assert_cmpfloat (box->x, >=, x0);
      g_assert_cmpfloat (box->y, >=, y0);
      g_assert_cmpfloat (box->x + box->width, <=, x1);
      g_assert_cmpfloat (box->y + box->height, <=, y1);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_draw_fit (Fixture *fixture, gconstpointer data)
{
  /* fitted into the picture: the extents lie inside, within the margin */
  PvDrawOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);

  for (guint labels = PV_LABELS_PERSIAN; labels <= PV_LABELS_BOTH; labels++)
    {
      double x0, y0, x1, y1;

      pv_draw_options_init (&options);
      options.labels = labels;
      pv_draw_fit (cr, fixture->analysis, fixture->layout, &options, 640, 480, 10);
      pv_draw_get_extents (cr, fixture->analysis, fixture->layout, &options, &x0, &y0, &x1, &y1);
      g_test_message ("labels %u: scale %.1f, extents %.1f,%.1f to %.1f,%.1f", labels,
                      options.scale, x0, y0, x1, y1);
      g_assert_cmpfloat (options.scale, >, 10);
      g_assert_cmpfloat (x0, >=, 9.5);
      g_assert_cmpfloat (y0, >=, 9.5);
      g_assert_cmpfloat (x1, <=, 630.5);
      g_assert_cmpfloat (y1, <=, 470.5);
      /* and it fills one of the two directions */
      g_assert_true (x1 - x0 > 600 || y1 - y0 > 440);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The graph fitted and drawn on a new picture, with `cache` or none. */
static cairo_surface_t *
draw_fitted (Fixture *fixture, PvDrawOptions *options, PvDrawLabelCache *cache)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  pv_draw_fit_cached (cr, fixture->analysis, fixture->layout, options, WIDTH, HEIGHT, MARGIN,
                      cache);
  pv_draw_graph_cached (cr, fixture->analysis, fixture->layout, options, cache);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_pictures (cairo_surface_t *a, cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                         (gsize)stride * HEIGHT) == 0);
}

/* A label cache kept from one drawing to the next draws what a drawing
 * without one does, when the labels' language and then their size
 * change under it, and when the graph itself changes. */
static void
test_draw_label_cache (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PvDrawLabelCache) cache = pv_draw_label_cache_new ();
  static const struct
  {
    PvLabelLanguage labels;
    double font_size;
  } steps[] = {
    { PV_LABELS_PERSIAN, 0 }, { PV_LABELS_PERSIAN, 0 }, { PV_LABELS_ENGLISH, 0 },
    { PV_LABELS_BOTH, 0 },    { PV_LABELS_BOTH, 20 },   { PV_LABELS_PERSIAN, 20 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      PvDrawOptions options;
      cairo_surface_t *fresh, *cached;

      pv_draw_options_init (&options);
      options.labels = steps[i].labels;
      options.font_size = steps[i].font_size;
      fresh = draw_fitted (fixture, &options, NULL);
      pv_draw_options_init (&options);
      options.labels = steps[i].labels;
      options.font_size = steps[i].font_size;
      cached = draw_fitted (fixture, &options, cache);
      assert_same_pictures (fresh, cached);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (cached);
    }

  /* another graph under the same cache: the first node named otherwise */
  {
    PvNode *node = g_ptr_array_index (fixture->analysis->nodes, 0);
    PvDrawOptions options;
    cairo_surface_t *fresh, *cached;

    g_free (node->label);
    node->label = g_strdup ("نامی دیگر برای این گره");
    pv_draw_options_init (&options);
    fresh = draw_fitted (fixture, &options, NULL);
    pv_draw_options_init (&options);
    cached = draw_fitted (fixture, &options, cache);
    assert_same_pictures (fresh, cached);
    cairo_surface_destroy (fresh);
    cairo_surface_destroy (cached);
  }
}

static void
test_draw_languages (Fixture *fixture, gconstpointer data)
{
  /* English labels go on the right of their nodes (unless they fall back
   * to Persian), both languages on the left; elsewhere only when that side
   * is taken */
  PvDrawOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint labels = PV_LABELS_ENGLISH; labels <= PV_LABELS_BOTH; labels++)
    {
      g_autoptr (GArray) boxes = NULL;
      guint own_side = 0;

      pv_draw_options_init (&options);
      options.labels = labels;
      pv_draw_fit (cr, fixture->analysis, fixture->layout, &options, WIDTH, HEIGHT, MARGIN);
      boxes = pv_draw_get_label_boxes (cr, fixture->analysis, fixture->layout, &options);
      g_assert_cmpuint (boxes->len, >, fixture->analysis->nodes->len / 2);
      for (guint k = 0; k < boxes->len; k++)
        {
          const PvDrawLabelBox *box = &g_array_index (boxes, PvDrawLabelBox, k);
          const PvNode *node = g_ptr_array_index (fixture->analysis->nodes, box->node);
          gboolean right = labels == PV_LABELS_ENGLISH && node->label_en != NULL;
          double x, y;

          device_position (fixture, &options, box->node, &x, &y);
          g_assert_true (next_to (box, x, y));
          own_side += right ? box->x > x : box->x + box->width < x;
        }
      g_test_message ("labels %u: %u of %u on their own side", labels, own_side, boxes->len);
      g_assert_cmpuint (own_side, >, boxes->len / 2);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_draw_emphasis (Fixture *fixture, gconstpointer data)
{
  /* the selected node's label shows, whatever its size */
  PvDrawOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint last = fixture->analysis->nodes->len - 1;
  g_autoptr (GArray) boxes = NULL;

  pv_draw_options_init (&options);
  options.selected_node = last;
  options.hovered_node = 0;
  options.selected_edge = 0;
  pv_draw_fit (cr, fixture->analysis, fixture->layout, &options, WIDTH, HEIGHT, MARGIN);
  pv_draw_graph (cr, fixture->analysis, fixture->layout, &options);
  boxes = pv_draw_get_label_boxes (cr, fixture->analysis, fixture->layout, &options);
  g_assert_cmpuint (g_array_index (boxes, PvDrawLabelBox, 0).node, ==, last);
  g_assert_cmpuint (g_array_index (boxes, PvDrawLabelBox, 1).node, ==, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_draw_vector (Fixture *fixture, gconstpointer data)
{
  /* the same drawing into PDF and SVG, sized from the extents */
  g_autofree char *dir = g_dir_make_tmp ("peyvand-draw-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "seed.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "seed.svg", NULL);
  const char *paths[] = { pdf, svg };
  PvDrawOptions options;
  double x0, y0, x1, y1;
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (scratch);

  pv_draw_options_init (&options);
  options.scale = 100;
  options.dark = TRUE;
  pv_draw_get_extents (cr, fixture->analysis, fixture->layout, &options, &x0, &y0, &x1, &y1);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  options.offset_x = MARGIN - x0;
  options.offset_y = MARGIN - y0;

  for (guint k = 0; k < G_N_ELEMENTS (paths); k++)
    {
      double width = x1 - x0 + 2 * MARGIN, height = y1 - y0 + 2 * MARGIN;
      cairo_surface_t *surface = k == 0 ? cairo_pdf_surface_create (paths[k], width, height)
                                        : cairo_svg_surface_create (paths[k], width, height);
      g_autofree char *contents = NULL;
      gsize length;

      cr = cairo_create (surface);
      pv_draw_graph (cr, fixture->analysis, fixture->layout, &options);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      g_assert_true (g_file_get_contents (paths[k], &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, k == 0 ? "%PDF" : "<?xml"));
      g_unlink (paths[k]);
    }
  g_rmdir (dir);
}

static void
test_draw_empty (void)
{
  g_autoptr (PvAnalysis) analysis = test_analyze ("", NULL);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
  cairo_t *cr = cairo_create (surface);
  PvDrawOptions options;
  double x0, y0, x1, y1;

  pv_draw_options_init (&options);
  pv_draw_fit (cr, analysis, layout, &options, 100, 100, 10);
  pv_draw_graph (cr, analysis, layout, &options);
  pv_draw_get_extents (cr, analysis, layout, &options, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, ==, x1);
  g_assert_cmpfloat (y0, ==, y1);
  g_assert_cmpint (pv_draw_node_at (analysis, layout, &options, 50, 50), ==, -1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The share of the pixels along an edge, between its nodes, that are not
 * background. */
static double
edge_ink (const Fixture *fixture, const PvDrawOptions *options, cairo_surface_t *surface,
          guint index)
{
  const PvEdge *edge = g_ptr_array_index (fixture->analysis->edges, index);
  double ax, ay, bx, by, length, ra, rb;
  guint inked = 0, samples = 0;

  device_position (fixture, options, edge->source, &ax, &ay);
  device_position (fixture, options, edge->target, &bx, &by);
  length = hypot (bx - ax, by - ay);
  ra = 1.6 * pv_draw_node_radius (fixture->analysis, edge->source, options) + 4;
  rb = 1.6 * pv_draw_node_radius (fixture->analysis, edge->target, options) + 30;
  for (double t = ra; t < length - rb; t += 0.5)
    {
      double rgb[3];

      pixel (surface, ax + (bx - ax) * t / length, ay + (by - ay) * t / length, rgb);
      inked += rgb[0] + rgb[1] + rgb[2] < 2.8;
      samples++;
    }
  g_assert_cmpuint (samples, >, 50);
  return (double)inked / samples;
}

static void
test_draw_kinds (Fixture *fixture, gconstpointer data)
{
  PvDrawOptions options;
  cairo_surface_t *surface;
  const char *path = g_getenv ("PEYVAND_DRAW_PNG");
  double leader, official, located, member, co_mention;

  pv_draw_options_init (&options);
  surface = render (fixture, &options);
  if (path != NULL)
    {
      g_autofree char *kinds = g_strdup_printf ("%.*s-kinds.png", (int)strlen (path) - 4, path);

      g_assert_cmpint (cairo_surface_write_to_png (surface, kinds), ==, CAIRO_STATUS_SUCCESS);
    }

  /* solid, dotted, dashed, dash-dot and solid: told apart without colour */
  leader = edge_ink (fixture, &options, surface, 0);
  official = edge_ink (fixture, &options, surface, 1);
  located = edge_ink (fixture, &options, surface, 2);
  member = edge_ink (fixture, &options, surface, 3);
  co_mention = edge_ink (fixture, &options, surface, 4);
  g_test_message ("ink: leader %.2f official %.2f located %.2f member %.2f co-mention %.2f", leader,
                  official, located, member, co_mention);
  g_assert_cmpfloat (leader, >, 0.95);
  g_assert_cmpfloat (co_mention, >, 0.95);
  g_assert_cmpfloat (official, <, 0.6);
  g_assert_cmpfloat (located, <, 0.8);
  g_assert_cmpfloat (located, >, official);
  g_assert_cmpfloat (member, <, 0.85);

  /* every node its type's colour; all labels fit here */
  for (guint i = 0; i < fixture->analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (fixture->analysis->nodes, i);
      double x, y, want[3], got[3];

      device_position (fixture, &options, i, &x, &y);
      pv_entity_type_color (node->type, FALSE, &want[0], &want[1], &want[2]);
      pixel (surface, x, y, got);
      g_assert_true (near_color (want, got));
    }
  cairo_surface_destroy (surface);
}

/* The picture to look at: PEYVAND_DRAW_PNG=/tmp/pv-draw-seed.png */
static void
test_draw_png (Fixture *fixture, gconstpointer data)
{
  const char *path = g_getenv ("PEYVAND_DRAW_PNG");
  const char *labels = g_getenv ("PEYVAND_DRAW_LABELS");
  PvDrawOptions options;
  cairo_surface_t *surface;

  if (path == NULL)
    {
      g_test_skip ("set PEYVAND_DRAW_PNG to write the picture");
      return;
    }
  pv_draw_options_init (&options);
  options.dark = g_getenv ("PEYVAND_DRAW_DARK") != NULL;
  if (labels != NULL)
    options.labels = atoi (labels);
  if (g_getenv ("PEYVAND_DRAW_SELECT") != NULL)
    {
      options.selected_node = 1;
      options.hovered_node = 3;
      options.selected_edge = 0;
    }
  surface = render (fixture, &options);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draw/palette", test_draw_palette);
  g_test_add_func ("/draw/empty", test_draw_empty);
  g_test_add ("/draw/colors", Fixture, NULL, fixture_set_up, test_draw_colors, fixture_tear_down);
  g_test_add ("/draw/labels", Fixture, NULL, fixture_set_up, test_draw_labels, fixture_tear_down);
  g_test_add_func ("/draw/marker", test_draw_marker);
  g_test_add ("/draw/label-lines", Fixture, NULL, fixture_set_up, test_draw_label_lines,
              fixture_tear_down);
  g_test_add ("/draw/label-text-hidden", Fixture, NULL, fixture_set_up, test_draw_label_text_hidden,
              fixture_tear_down);
  g_test_add ("/draw/hidden", Fixture, NULL, fixture_set_up, test_draw_hidden, fixture_tear_down);
  g_test_add ("/draw/hit", Fixture, NULL, fixture_set_up, test_draw_hit, fixture_tear_down);
  g_test_add ("/draw/extents", Fixture, NULL, fixture_set_up, test_draw_extents, fixture_tear_down);
  g_test_add ("/draw/fit", Fixture, NULL, fixture_set_up, test_draw_fit, fixture_tear_down);
  g_test_add ("/draw/label-cache", Fixture, NULL, fixture_set_up, test_draw_label_cache,
              fixture_tear_down);
  g_test_add ("/draw/languages", Fixture, NULL, fixture_set_up, test_draw_languages,
              fixture_tear_down);
  g_test_add ("/draw/emphasis", Fixture, NULL, fixture_set_up, test_draw_emphasis,
              fixture_tear_down);
  g_test_add ("/draw/vector", Fixture, NULL, fixture_set_up, test_draw_vector, fixture_tear_down);
  g_test_add ("/draw/kinds", Fixture, NULL, kinds_set_up, test_draw_kinds, fixture_tear_down);
  g_test_add ("/draw/png", Fixture, NULL, fixture_set_up, test_draw_png, fixture_tear_down);

  status = g_test_run ();

  /* the font caches go, so that the leak checker reports only real leaks */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return status;
}
