/* test-story.c: the article told sentence by sentence, and its frames
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "pv-analysis-json.h"
#include "pv-draw.h"
#include "pv-export.h"
#include "pv-layout.h"
#include "pv-story.h"
#include "test-util.h"

/* Frames small enough to be quick, large enough to read */
#define FRAME_WIDTH 960
#define FRAME_HEIGHT 540

typedef struct
{
  PvAnalysis *analysis;
  PvLayout *layout;
  PvStory *story;
} Fixture;

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
  fixture->layout = pv_layout_new (fixture->analysis, PV_LAYOUT_DEFAULT_SEED);
  pv_layout_settle (fixture->layout);
  fixture->story = pv_story_new (fixture->analysis);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_pointer (&fixture->story, pv_story_free);
  g_clear_pointer (&fixture->layout, pv_layout_free);
  g_clear_pointer (&fixture->analysis, pv_analysis_free);
}

static guint
node_step (const Fixture *fixture, const char *id)
{
  int node = pv_analysis_find_node (fixture->analysis, id);

  g_assert_cmpint (node, >=, 0);
  return pv_story_get_node_step (fixture->story, (guint)node);
}

static guint
edge_step (const Fixture *fixture, const char *a, const char *b)
{
  const PvEdge *edge = test_edge (fixture->analysis, a, b);

  g_assert_nonnull (edge);
  for (guint e = 0; e < fixture->analysis->edges->len; e++)
    if (g_ptr_array_index (fixture->analysis->edges, e) == edge)
      return pv_story_get_edge_step (fixture->story, e);
  g_assert_not_reached ();
  return 0;
}

/* Steps ----------------------------------------------------------------------- */

/* One step per sentence; each entity comes with its first mention, each
 * link with its first sentence: the seed's opening sentence names Iran,
 * Russia, the coronavirus and (by his role) Rouhani; Putin comes in the
 * second, Syria, Turkey and Idlib in the fourth, Vienna and the IAEA in
 * the eighth. */
static void
test_steps_seed (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = fixture->analysis;

  g_assert_cmpuint (pv_story_get_n_steps (fixture->story), ==, analysis->sentences->len);
  g_assert_cmpuint (analysis->sentences->len, ==, 11);
  g_assert_true (pv_story_get_analysis (fixture->story) == analysis);

  g_assert_cmpuint (node_step (fixture, "country:IR"), ==, 0);
  g_assert_cmpuint (node_step (fixture, "country:RU"), ==, 0);
  g_assert_cmpuint (node_step (fixture, "person:hassan-rouhani"), ==, 0);
  g_assert_cmpuint (node_step (fixture, "topic:coronavirus"), ==, 0);
  g_assert_cmpuint (node_step (fixture, "person:vladimir-putin"), ==, 1);
  g_assert_cmpuint (node_step (fixture, "topic:jcpoa"), ==, 2);
  g_assert_cmpuint (node_step (fixture, "country:SY"), ==, 3);
  g_assert_cmpuint (node_step (fixture, "country:TR"), ==, 3);
  g_assert_cmpuint (node_step (fixture, "place:idlib"), ==, 3);
  g_assert_cmpuint (node_step (fixture, "place:vienna"), ==, 7);
  g_assert_cmpuint (node_step (fixture, "organization:iaea"), ==, 7);

  g_assert_cmpuint (edge_step (fixture, "country:IR", "country:RU"), ==, 0);
  g_assert_cmpuint (edge_step (fixture, "person:vladimir-putin", "country:RU"), ==, 1);
  g_assert_cmpuint (edge_step (fixture, "place:idlib", "country:SY"), ==, 3);
  /* Iran and Syria first share the sixth sentence, though both came
   * earlier */
  g_assert_cmpuint (edge_step (fixture, "country:IR", "country:SY"), ==, 5);
  g_assert_cmpuint (edge_step (fixture, "place:vienna", "organization:iaea"), ==, 7);

  /* every node at its first mention, every edge at its first sentence
   * and never before its ends */
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      guint first = G_MAXUINT;

      for (guint m = 0; m < node->mentions->len; m++)
        first = MIN (first, g_array_index (node->mentions, PvMention, m).sentence);
      g_assert_cmpuint (pv_story_get_node_step (fixture->story, i), ==, first);
    }
  for (guint e = 0; e < analysis->edges->len; e++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, e);
      guint step = pv_story_get_edge_step (fixture->story, e);

      g_assert_cmpuint (step, >=, g_array_index (edge->sentences, guint, 0));
      g_assert_cmpuint (step, >=, pv_story_get_node_step (fixture->story, edge->source));
      g_assert_cmpuint (step, >=, pv_story_get_node_step (fixture->story, edge->target));
    }
}

/* The graph only grows, by what each step brings, and the last step holds
 * all of it. */
static void
test_growth (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = fixture->analysis;
  guint n_steps = pv_story_get_n_steps (fixture->story);
  guint before_nodes = 0, before_edges = 0;
  guint middle_nodes = 0;

  for (guint step = 0; step < n_steps; step++)
    {
      guint nodes, edges, new_nodes, new_edges;

      pv_story_count (fixture->story, step, &nodes, &edges, &new_nodes, &new_edges);
      g_test_message ("step %u: %u nodes (%u new), %u edges (%u new)", step, nodes, new_nodes,
                      edges, new_edges);
      g_assert_cmpuint (nodes, ==, before_nodes + new_nodes);
      g_assert_cmpuint (edges, ==, before_edges + new_edges);
      if (step == n_steps / 2)
        middle_nodes = nodes;
      before_nodes = nodes;
      before_edges = edges;
    }
  pv_story_count (fixture->story, 0, &before_nodes, NULL, NULL, NULL);
  g_assert_cmpuint (before_nodes, >=, 4); /* Iran, Russia, Rouhani, the coronavirus, … */
  g_assert_cmpuint (middle_nodes, >, before_nodes);
  g_assert_cmpuint (middle_nodes, <, analysis->nodes->len);

  /* the last step: the whole graph, nothing hidden */
  {
    guint nodes, edges;
    g_autofree gboolean *node_hidden = g_new (gboolean, analysis->nodes->len);
    g_autofree gboolean *edge_hidden = g_new (gboolean, analysis->edges->len);

    pv_story_count (fixture->story, n_steps - 1, &nodes, &edges, NULL, NULL);
    g_assert_cmpuint (nodes, ==, analysis->nodes->len);
    g_assert_cmpuint (edges, ==, analysis->edges->len);
    pv_story_get_masks (fixture->story, n_steps - 1, 1, node_hidden, edge_hidden, NULL, NULL);
    for (guint i = 0; i < analysis->nodes->len; i++)
      g_assert_false (node_hidden[i]);
    for (guint e = 0; e < analysis->edges->len; e++)
      g_assert_false (edge_hidden[e]);
  }
}

/* The masks: what later steps bring hidden, what this step brings at the
 * fade's alpha, an edge never shown without its ends. */
static void
test_masks (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = fixture->analysis;
  guint n_steps = pv_story_get_n_steps (fixture->story);
  g_autofree gboolean *node_hidden = g_new (gboolean, analysis->nodes->len);
  g_autofree gboolean *edge_hidden = g_new (gboolean, analysis->edges->len);
  g_autofree double *node_alpha = g_new (double, analysis->nodes->len);
  g_autofree double *edge_alpha = g_new (double, analysis->edges->len);

  for (guint step = 0; step < n_steps; step++)
    {
      pv_story_get_masks (fixture->story, step, 0.25, node_hidden, edge_hidden, node_alpha,
                          edge_alpha);
      for (guint i = 0; i < analysis->nodes->len; i++)
        {
          guint first = pv_story_get_node_step (fixture->story, i);

          g_assert_cmpint (node_hidden[i], ==, first > step);
          g_assert_cmpfloat (node_alpha[i], ==, first == step ? 0.25 : 1.0);
        }
      for (guint e = 0; e < analysis->edges->len; e++)
        {
          const PvEdge *edge = g_ptr_array_index (analysis->edges, e);
          guint first = pv_story_get_edge_step (fixture->story, e);

          g_assert_cmpint (edge_hidden[e], ==, first > step);
          g_assert_cmpfloat (edge_alpha[e], ==, first == step ? 0.25 : 1.0);
          if (!edge_hidden[e])
            {
              g_assert_false (node_hidden[edge->source]);
              g_assert_false (node_hidden[edge->target]);
            }
        }
    }
}

/* Each step's sentence, its white space collapsed as pv_collapse_spaces
 * does. */
static void
test_sentences (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = fixture->analysis;

  for (guint step = 0; step < pv_story_get_n_steps (fixture->story); step++)
    {
      const PvSpan *span = &g_array_index (analysis->sentences, PvSpan, step);
      g_autofree char *sentence = pv_story_get_sentence (fixture->story, step);
      g_autofree char *expected =
          pv_collapse_spaces (analysis->document->chars, span->start, span->end);

      g_assert_cmpstr (sentence, ==, expected);
      g_assert_null (strstr (sentence, "  "));
    }
  {
    g_autofree char *first = pv_story_get_sentence (fixture->story, 0);
    g_autofree char *fourth = pv_story_get_sentence (fixture->story, 3);

    g_assert_true (g_str_has_prefix (first, "رئیس جمهور با قدردانی"));
    g_assert_nonnull (strstr (fourth, "ادلب سوریه"));
  }
  g_assert_null (pv_story_get_sentence (fixture->story, 99));
}

/* An analysis read back from its JSON has no sentences' text: the story
 * has the same steps, and no sentence to show. */
static void
test_from_json (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = pv_analysis_to_json (fixture->analysis);
  g_autoptr (PvAnalysis) analysis =
      pv_analysis_from_json ("seed.json", json, strlen (json), &error);
  g_autoptr (PvStory) story = NULL;

  g_assert_no_error (error);
  story = pv_story_new (analysis);
  g_assert_cmpuint (pv_story_get_n_steps (story), ==, pv_story_get_n_steps (fixture->story));
  for (guint i = 0; i < analysis->nodes->len; i++)
    g_assert_cmpuint (pv_story_get_node_step (story, i), ==,
                      pv_story_get_node_step (fixture->story, i));
  for (guint step = 0; step < pv_story_get_n_steps (story); step++)
    g_assert_null (pv_story_get_sentence (story, step));
}

/* A graph built by hand: a node with no mention and an edge with no
 * sentence come at the end and with their ends; an article with no
 * sentence is one step. */

static void
node_free (gpointer data)
{
  PvNode *node = data;

  g_free (node->id);
  g_free (node->label);
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
add_node (PvAnalysis *analysis, const char *label, int sentence_a, int sentence_b)
{
  PvNode *node = g_new0 (PvNode, 1);
  int sentences[] = { sentence_a, sentence_b };

  node->id = g_strdup_printf ("topic:%u", analysis->nodes->len);
  node->type = PV_ENTITY_TOPIC;
  node->label = g_strdup (label);
  node->mentions = g_array_new (FALSE, TRUE, sizeof (PvMention));
  for (guint k = 0; k < G_N_ELEMENTS (sentences); k++)
    if (sentences[k] >= 0)
      {
        PvMention mention = { 0, 1, (guint)sentences[k] };

        g_array_append_val (node->mentions, mention);
      }
  g_ptr_array_add (analysis->nodes, node);
}

static void
add_edge (PvAnalysis *analysis, guint source, guint target, int sentence)
{
  PvEdge *edge = g_new0 (PvEdge, 1);

  edge->source = source;
  edge->target = target;
  edge->weight = 1;
  edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  if (sentence >= 0)
    {
      guint s = (guint)sentence;

      g_array_append_val (edge->sentences, s);
    }
  g_ptr_array_add (analysis->edges, edge);
}

static PvAnalysis *
hand_analysis (guint n_sentences)
{
  PvAnalysis *analysis = g_new0 (PvAnalysis, 1);

  analysis->nodes = g_ptr_array_new_with_free_func (node_free);
  analysis->edges = g_ptr_array_new_with_free_func (edge_free);
  analysis->sentences = g_array_new (FALSE, TRUE, sizeof (PvSpan));
  g_array_set_size (analysis->sentences, n_sentences);
  return analysis;
}

static void
hand_analysis_free (PvAnalysis *analysis)
{
  g_ptr_array_unref (analysis->nodes);
  g_ptr_array_unref (analysis->edges);
  g_array_unref (analysis->sentences);
  g_free (analysis);
}

static void
test_steps_by_hand (void)
{
  PvAnalysis *analysis = hand_analysis (4);
  g_autoptr (PvStory) story = NULL;

  add_node (analysis, "a", 2, 0); /* mentions out of order: the first counts */
  add_node (analysis, "b", 1, -1);
  add_node (analysis, "c", -1, -1); /* never mentioned: the last step */
  add_edge (analysis, 0, 1, 3);
  add_edge (analysis, 1, 0, -1); /* no sentence: with its ends */
  add_edge (analysis, 2, 0, 0);  /* not before its ends */
  story = pv_story_new (analysis);

  g_assert_cmpuint (pv_story_get_n_steps (story), ==, 4);
  g_assert_cmpuint (pv_story_get_node_step (story, 0), ==, 0);
  g_assert_cmpuint (pv_story_get_node_step (story, 1), ==, 1);
  g_assert_cmpuint (pv_story_get_node_step (story, 2), ==, 3);
  g_assert_cmpuint (pv_story_get_edge_step (story, 0), ==, 3);
  g_assert_cmpuint (pv_story_get_edge_step (story, 1), ==, 1);
  g_assert_cmpuint (pv_story_get_edge_step (story, 2), ==, 3);
  g_assert_null (pv_story_get_sentence (story, 0)); /* no document */

  g_clear_pointer (&story, pv_story_free);
  hand_analysis_free (analysis);

  analysis = hand_analysis (0);
  add_node (analysis, "a", -1, -1);
  story = pv_story_new (analysis);
  g_assert_cmpuint (pv_story_get_n_steps (story), ==, 1);
  g_assert_cmpuint (pv_story_get_node_step (story, 0), ==, 0);
  g_clear_pointer (&story, pv_story_free);
  hand_analysis_free (analysis);
}

/* pv_draw_graph's masks ------------------------------------------------------- */

static guint32
pixel_at (cairo_surface_t *surface, double x, double y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int)floor (x), py = (int)floor (y);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *)(data + (gsize)py * stride + (gsize)px * 4) & 0xFFFFFF;
}

static guint32
rgb_pixel (const double *rgb)
{
  return (guint32)lround (rgb[0] * 255) << 16 | (guint32)lround (rgb[1] * 255) << 8 |
         (guint32)lround (rgb[2] * 255);
}

static gboolean
pixel_near (guint32 pixel, guint32 expected, int tolerance)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int)((pixel >> shift) & 0xFF) - (int)((expected >> shift) & 0xFF)) > tolerance)
      return FALSE;
  return TRUE;
}

static guint32
type_pixel (PvEntityType type, gboolean dark)
{
  double rgb[3];

  pv_entity_type_color (type, dark, &rgb[0], &rgb[1], &rgb[2]);
  return rgb_pixel (rgb);
}

/* A hidden node or edge is neither drawn nor hit; a node at alpha 0.5 is
 * half its colour; a high-contrast theme is black and white. */
static void
test_draw_masks (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = fixture->analysis;
  g_autofree gboolean *node_hidden = g_new0 (gboolean, analysis->nodes->len);
  g_autofree gboolean *edge_hidden = g_new0 (gboolean, analysis->edges->len);
  g_autofree double *node_alpha = g_new (double, analysis->nodes->len);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cairo_t *cr = cairo_create (surface);
  PvDrawOptions options;
  double x, y, background[3], ink[3];
  int iran = pv_analysis_find_node (analysis, "country:IR");
  const PvNode *node;
  guint32 color, shown;
  int edge = -1;

  pv_draw_options_init (&options);
  pv_draw_fit (cr, analysis, fixture->layout, &options, 800, 600, 20);
  pv_layout_get_position (fixture->layout, (guint)iran, &x, &y);
  x = x * options.scale + options.offset_x;
  y = y * options.scale + options.offset_y;
  node = g_ptr_array_index (analysis->nodes, iran);
  color = type_pixel (node->type, FALSE);

  pv_draw_graph (cr, analysis, fixture->layout, &options);
  cairo_surface_flush (surface);
  g_assert_true (pixel_near (pixel_at (surface, x, y), color, 2));
  g_assert_cmpint (pv_draw_node_at (analysis, fixture->layout, &options, x, y), ==, iran);

  /* hidden: the background there, and no hit */
  node_hidden[iran] = TRUE;
  options.node_hidden = node_hidden;
  pv_draw_graph (cr, analysis, fixture->layout, &options);
  cairo_surface_flush (surface);
  g_assert_cmpint (pv_draw_node_at (analysis, fixture->layout, &options, x, y), !=, iran);
  shown = pixel_at (surface, x, y);
  g_assert_false (pixel_near (shown, color, 40));

  /* half faded (its edges hidden, which meet at its centre): between its
   * colour and the background */
  node_hidden[iran] = FALSE;
  for (guint i = 0; i < analysis->nodes->len; i++)
    node_alpha[i] = 1;
  node_alpha[iran] = 0.5;
  for (guint e = 0; e < analysis->edges->len; e++)
    edge_hidden[e] = TRUE;
  options.node_alpha = node_alpha;
  options.edge_hidden = edge_hidden;
  pv_draw_graph (cr, analysis, fixture->layout, &options);
  cairo_surface_flush (surface);
  shown = pixel_at (surface, x, y);
  g_assert_true (pixel_near (shown, 0x7F7F7F + ((color >> 1) & 0x7F7F7F) + 0x010101, 3));
  options.node_alpha = NULL;
  options.edge_hidden = NULL;
  memset (edge_hidden, 0, analysis->edges->len * sizeof *edge_hidden);

  /* a hidden edge is not hit at its middle; every edge hidden leaves only
   * the nodes (and at most the labels) */
  for (guint e = 0; e < analysis->edges->len && edge < 0; e++)
    {
      const PvEdge *candidate = g_ptr_array_index (analysis->edges, e);
      double ax, ay, bx, by, mx, my;

      pv_layout_get_position (fixture->layout, candidate->source, &ax, &ay);
      pv_layout_get_position (fixture->layout, candidate->target, &bx, &by);
      mx = (ax + bx) / 2 * options.scale + options.offset_x;
      my = (ay + by) / 2 * options.scale + options.offset_y;
      if (pv_draw_edge_at (analysis, fixture->layout, &options, mx, my) == (int)e &&
          pv_draw_node_at (analysis, fixture->layout, &options, mx, my) < 0)
        {
          edge = (int)e;
          edge_hidden[e] = TRUE;
          options.edge_hidden = edge_hidden;
          g_assert_cmpint (pv_draw_edge_at (analysis, fixture->layout, &options, mx, my), !=, e);
        }
    }
  g_assert_cmpint (edge, >=, 0);

  /* high contrast: black background, white ink */
  options.dark = TRUE;
  options.high_contrast = TRUE;
  pv_draw_get_colors (&options, background, ink);
  g_assert_cmpuint (rgb_pixel (background), ==, 0x000000);
  g_assert_cmpuint (rgb_pixel (ink), ==, 0xFFFFFF);
  options.edge_hidden = NULL;
  pv_draw_graph (cr, analysis, fixture->layout, &options);
  cairo_surface_flush (surface);
  g_assert_cmpuint (pixel_at (surface, 1, 1), ==, 0x000000);
  g_assert_true (pixel_near (pixel_at (surface, x, y), type_pixel (node->type, TRUE), 2));
  options.high_contrast = FALSE;
  pv_draw_get_colors (&options, background, NULL);
  pv_draw_theme_colors (TRUE, ink, NULL);
  g_assert_cmpuint (rgb_pixel (background), ==, rgb_pixel (ink));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Frames ---------------------------------------------------------------------- */

/* Where node `node` is drawn in a frame of the story. */
static void
frame_point (Fixture *fixture, const PvStoryOptions *options, guint node, double *x, double *y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PvDrawOptions draw;
  double lx, ly;

  pv_story_get_draw_options (fixture->story, cr, fixture->layout, options, FRAME_WIDTH,
                             FRAME_HEIGHT, &draw);
  pv_layout_get_position (fixture->layout, node, &lx, &ly);
  *x = lx * draw.scale + draw.offset_x;
  *y = ly * draw.scale + draw.offset_y;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A node, introduced after the first step, that no bigger node covers. */
static guint
late_node (Fixture *fixture)
{
  const PvAnalysis *analysis = fixture->analysis;

  for (guint i = 0; i < analysis->nodes->len; i++)
    if (pv_story_get_node_step (fixture->story, i) >= 3)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* How many pixels of a box differ from the background */
static guint
count_ink (cairo_surface_t *surface, int x0, int y0, int x1, int y1, guint32 background)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += !pixel_near (pixel_at (surface, x, y), background, 8);
  return n;
}

/* The frames drawn at progress 0 and 1: what the step brings fades in,
 * the rest stays where it is. */
static void
test_render_progress (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = fixture->analysis;
  cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_RGB24, FRAME_WIDTH, FRAME_HEIGHT);
  guint late = late_node (fixture);
  guint step = pv_story_get_node_step (fixture->story, late);
  const PvNode *node = g_ptr_array_index (analysis->nodes, late);
  PvStoryOptions options;
  double x, y;
  cairo_t *cr;

  pv_story_options_init (&options);
  frame_point (fixture, &options, late, &x, &y);

  /* the step before: not there */
  cr = cairo_create (surface);
  pv_story_render_frame (fixture->story, cr, fixture->layout, &options, FRAME_WIDTH, FRAME_HEIGHT,
                         step - 1, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_false (pixel_near (pixel_at (surface, x, y), type_pixel (node->type, TRUE), 30));

  /* its step, at the start of the fade: not yet */
  cr = cairo_create (surface);
  pv_story_render_frame (fixture->story, cr, fixture->layout, &options, FRAME_WIDTH, FRAME_HEIGHT,
                         step, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_false (pixel_near (pixel_at (surface, x, y), type_pixel (node->type, TRUE), 30));

  /* halfway: partly */
  cr = cairo_create (surface);
  pv_story_render_frame (fixture->story, cr, fixture->layout, &options, FRAME_WIDTH, FRAME_HEIGHT,
                         step, 0.5);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpuint (pixel_at (surface, x, y), !=, 0);
  g_assert_false (pixel_near (pixel_at (surface, x, y), type_pixel (node->type, TRUE), 2));

  /* the end of the fade: all there, in its place */
  cr = cairo_create (surface);
  pv_story_render_frame (fixture->story, cr, fixture->layout, &options, FRAME_WIDTH, FRAME_HEIGHT,
                         step, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_true (pixel_near (pixel_at (surface, x, y), type_pixel (node->type, TRUE), 2));

  cairo_surface_destroy (surface);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* One PNG per sentence, of the size asked for; the graph grows from frame
 * to frame and its nodes keep their places; the sentence below changes. */
static void
test_export_frames (Fixture *fixture, gconstpointer data)
{
  const PvAnalysis *analysis = fixture->analysis;
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("peyvand-story-XXXXXX", &error);
  g_autofree char *dir = NULL;
  guint n_steps = pv_story_get_n_steps (fixture->story);
  g_autofree guint *graph_ink = g_new0 (guint, n_steps);
  guint32 background = 0x000000;
  guint32 previous_band = 0;
  PvStoryOptions options;
  PvDrawOptions draw;
  g_autoptr (GDir) handle = NULL;
  guint n_files = 0;
  double band_top;

  g_assert_no_error (error);
  dir = g_build_filename (tmp, "frames", NULL); /* made by the export */
  pv_story_options_init (&options);
  g_assert_true (pv_story_export_frames (analysis, fixture->layout, dir, FRAME_WIDTH, FRAME_HEIGHT,
                                         &options, &error));
  g_assert_no_error (error);

  handle = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (handle) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, n_steps);

  /* the graph's area ends above the sentence's */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
    cairo_t *cr = cairo_create (surface);
    double x0, y0, x1, y1;

    pv_story_get_draw_options (fixture->story, cr, fixture->layout, &options, FRAME_WIDTH,
                               FRAME_HEIGHT, &draw);
    pv_draw_get_extents (cr, analysis, fixture->layout, &draw, &x0, &y0, &x1, &y1);
    band_top = y1 + 2;
    g_assert_cmpfloat (x0, >=, 0);
    g_assert_cmpfloat (y0, >=, 0);
    g_assert_cmpfloat (x1, <=, FRAME_WIDTH);
    g_assert_cmpfloat (band_top, <, FRAME_HEIGHT * 0.85);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  for (guint step = 0; step < n_steps; step++)
    {
      g_autofree char *name = pv_story_frame_name (step, n_steps);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
      guint band_ink;
      guint32 band;

      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, FRAME_WIDTH);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, FRAME_HEIGHT);
      g_assert_cmpuint (pixel_at (surface, 0, 0), ==, background);

      graph_ink[step] = count_ink (surface, 0, 0, FRAME_WIDTH, (int)band_top, background);
      band_ink = count_ink (surface, 0, (int)band_top, FRAME_WIDTH, FRAME_HEIGHT, background);
      g_test_message ("%s: %u pixels of graph, %u of sentence", name, graph_ink[step], band_ink);
      g_assert_cmpuint (graph_ink[step], >, 1000);
      g_assert_cmpuint (band_ink, >, 2000);

      /* a checksum of the sentence's pixels: another sentence each step */
      band = 0;
      for (int y = (int)band_top; y < FRAME_HEIGHT; y += 3)
        for (int x = 0; x < FRAME_WIDTH; x += 3)
          band = band * 31 + pixel_at (surface, x, y);
      g_assert_cmpuint (band, !=, previous_band);
      previous_band = band;

      /* every node in its place once it is in, and none before */
      for (guint i = 0; i < analysis->nodes->len; i++)
        {
          const PvNode *node = g_ptr_array_index (analysis->nodes, i);
          double lx, ly;
          guint32 shown;
          gboolean covered = FALSE;

          pv_layout_get_position (fixture->layout, i, &lx, &ly);
          shown =
              pixel_at (surface, lx * draw.scale + draw.offset_x, ly * draw.scale + draw.offset_y);
          /* a node drawn over another's centre hides it */
          for (guint j = 0; j < analysis->nodes->len; j++)
            {
              double jx, jy;

              if (j == i || pv_story_get_node_step (fixture->story, j) > step)
                continue;
              pv_layout_get_position (fixture->layout, j, &jx, &jy);
              covered |= hypot (jx - lx, jy - ly) * draw.scale <
                         pv_draw_node_radius (analysis, j, &draw) + 4;
            }
          if (pv_story_get_node_step (fixture->story, i) <= step && !covered)
            g_assert_true (pixel_near (shown, type_pixel (node->type, TRUE), 2));
          else if (pv_story_get_node_step (fixture->story, i) > step && !covered)
            g_assert_false (pixel_near (shown, type_pixel (node->type, TRUE), 2));
        }
      cairo_surface_destroy (surface);
    }
  /* more of the graph at the end than at the start */
  g_assert_cmpuint (graph_ink[n_steps - 1], >, graph_ink[0] * 2);
  g_assert_cmpuint (graph_ink[n_steps / 2], >, graph_ink[0]);

  /* exporting again replaces the frames */
  g_assert_true (pv_story_export_frames (analysis, fixture->layout, dir, FRAME_WIDTH / 2,
                                         FRAME_HEIGHT / 2, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *path = g_build_filename (dir, "frame-001.png", NULL);
    cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, FRAME_WIDTH / 2);
    cairo_surface_destroy (surface);
  }

  remove_dir (dir);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

static void
test_export_errors (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("peyvand-story-XXXXXX", &error);
  g_autofree char *file = g_build_filename (tmp, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (file, "frames", NULL);

  g_assert_no_error (error);
  g_assert_false (
      pv_story_export_frames (fixture->analysis, fixture->layout, tmp, 0, 100, NULL, &error));
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (
      pv_story_export_frames (fixture->analysis, fixture->layout, tmp, 40000, 100, NULL, &error));
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  /* a file where the folder should be: named in the message */
  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  g_assert_false (
      pv_story_export_frames (fixture->analysis, fixture->layout, file, 100, 100, NULL, &error));
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "not-a-folder"));
  g_clear_error (&error);
  g_assert_false (
      pv_story_export_frames (fixture->analysis, fixture->layout, inside, 100, 100, NULL, &error));
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (file), ==, 0);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

static void
test_frame_names (void)
{
  g_autofree char *first = pv_story_frame_name (0, 11);
  g_autofree char *last = pv_story_frame_name (10, 11);
  g_autofree char *many = pv_story_frame_name (41, 1200);

  g_assert_cmpstr (first, ==, "frame-001.png");
  g_assert_cmpstr (last, ==, "frame-011.png");
  g_assert_cmpstr (many, ==, "frame-0042.png");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/story/steps/seed", Fixture, NULL, fixture_set_up, test_steps_seed,
              fixture_tear_down);
  g_test_add ("/story/steps/growth", Fixture, NULL, fixture_set_up, test_growth, fixture_tear_down);
  g_test_add ("/story/steps/masks", Fixture, NULL, fixture_set_up, test_masks, fixture_tear_down);
  g_test_add ("/story/steps/sentences", Fixture, NULL, fixture_set_up, test_sentences,
              fixture_tear_down);
  g_test_add ("/story/steps/from-json", Fixture, NULL, fixture_set_up, test_from_json,
              fixture_tear_down);
  g_test_add_func ("/story/steps/by-hand", test_steps_by_hand);
  g_test_add ("/story/draw/masks", Fixture, NULL, fixture_set_up, test_draw_masks,
              fixture_tear_down);
  g_test_add ("/story/frames/progress", Fixture, NULL, fixture_set_up, test_render_progress,
              fixture_tear_down);
  g_test_add ("/story/frames/export", Fixture, NULL, fixture_set_up, test_export_frames,
              fixture_tear_down);
  g_test_add ("/story/frames/errors", Fixture, NULL, fixture_set_up, test_export_errors,
              fixture_tear_down);
  g_test_add_func ("/story/frames/names", test_frame_names);

  return g_test_run ();
}
