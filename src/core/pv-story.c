/* pv-story.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-story"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pv-draw-private.h"
#include "pv-export.h"
#include "pv-story.h"

/* Sizes in a frame 1080 high, and in proportion in others: labels large
 * enough to read across a room, small enough that a graph of twenty
 * entities keeps nearly all of them; the sentence larger still, smaller
 * when the longest one needs it. */
#define LABEL_SIZE_1080 28.0
#define SENTENCE_SIZE_1080 36.0
#define SENTENCE_MIN_SIZE_1080 18.0
#define SENTENCE_MAX_SHARE 0.36 /* of the height, for the longest sentence */
#define SENTENCE_LINE_SPACING 1.15
#define COUNTER_SHARE 0.7 /* the counter's size, of the labels' */
#define MARGIN_EMS 1.2    /* the margin round the frame, in label sizes */
#define MIN_FONT_SIZE 6.0
#define PNG_MAX_SIDE 32767

typedef struct
{
  gboolean valid;
  /* what it was made for */
  const PvLayout *layout;
  double width;
  double height;
  PvStoryOptions options;

  /* what it found */
  PvDrawOptions draw; /* scale and offsets of the graph, no masks */
  double margin;
  double graph_x0, graph_y0, graph_x1, graph_y1; /* the graph's area */
  double sentence_size;
  double band_top; /* the sentence's first line */
  double band_height;
  double counter_size;
} Fit;

struct _PvStory
{
  const PvAnalysis *analysis;
  guint n_steps;
  gboolean has_text; /* FALSE: an analysis read back from JSON */
  guint *node_step;
  guint *edge_step;
  Fit fit;
};

/* Steps ----------------------------------------------------------------------- */

/* Whether the document holds the article's text: an analysis read back
 * from its JSON holds only the mentions' texts, blanks between them, so
 * none of its sentences has a letter outside a mention. */
static gboolean
has_text (const PvAnalysis *analysis)
{
  const PvDocument *document = analysis->document;
  g_autofree gboolean *mentioned = NULL;

  if (document == NULL || document->chars == NULL || analysis->sentences == NULL)
    return FALSE;
  mentioned = g_new0 (gboolean, document->length + 1);
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      for (guint m = 0; node->mentions != NULL && m < node->mentions->len; m++)
        {
          const PvMention *mention = &g_array_index (node->mentions, PvMention, m);

          for (gsize k = mention->start; k < mention->end && k < document->length; k++)
            mentioned[k] = TRUE;
        }
    }
  for (guint s = 0; s < analysis->sentences->len; s++)
    {
      const PvSpan *span = &g_array_index (analysis->sentences, PvSpan, s);

      for (gsize k = span->start; k < span->end && k < document->length; k++)
        if (!mentioned[k] && !g_unichar_isspace (document->chars[k]))
          return TRUE;
    }
  return FALSE;
}

PvStory *
pv_story_new (const PvAnalysis *analysis)
{
  PvStory *story;
  guint n_sentences, last;

  g_return_val_if_fail (analysis != NULL && analysis->nodes != NULL && analysis->edges != NULL,
                        NULL);

  n_sentences = analysis->sentences != NULL ? analysis->sentences->len : 0;
  story = g_new0 (PvStory, 1);
  story->analysis = analysis;
  story->n_steps = MAX (n_sentences, 1u);
  story->has_text = has_text (analysis);
  last = story->n_steps - 1;

  /* a node comes with its first mention (mentions are in text order, but
   * the smallest sentence is taken anyway); one without mentions at the
   * end, so that the last step holds the whole graph */
  story->node_step = g_new (guint, MAX (analysis->nodes->len, 1u));
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      guint step = last;

      for (guint m = 0; node->mentions != NULL && m < node->mentions->len; m++)
        step = MIN (step, g_array_index (node->mentions, PvMention, m).sentence);
      story->node_step[i] = step;
    }

  /* an edge with its first sentence, and never before its ends */
  story->edge_step = g_new (guint, MAX (analysis->edges->len, 1u));
  for (guint e = 0; e < analysis->edges->len; e++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, e);
      guint step = last;

      for (guint k = 0; edge->sentences != NULL && k < edge->sentences->len; k++)
        step = MIN (step, g_array_index (edge->sentences, guint, k));
      if (edge->sentences == NULL || edge->sentences->len == 0)
        step = 0;
      if (edge->source < analysis->nodes->len)
        step = MAX (step, story->node_step[edge->source]);
      if (edge->target < analysis->nodes->len)
        step = MAX (step, story->node_step[edge->target]);
      story->edge_step[e] = MIN (step, last);
    }

  return story;
}

void
pv_story_free (PvStory *story)
{
  if (story == NULL)
    return;
  g_free (story->node_step);
  g_free (story->edge_step);
  g_free (story);
}

const PvAnalysis *
pv_story_get_analysis (const PvStory *story)
{
  g_return_val_if_fail (story != NULL, NULL);

  return story->analysis;
}

guint
pv_story_get_n_steps (const PvStory *story)
{
  g_return_val_if_fail (story != NULL, 0);

  return story->n_steps;
}

guint
pv_story_get_node_step (const PvStory *story, guint node)
{
  g_return_val_if_fail (story != NULL, 0);
  g_return_val_if_fail (node < story->analysis->nodes->len, 0);

  return story->node_step[node];
}

guint
pv_story_get_edge_step (const PvStory *story, guint edge)
{
  g_return_val_if_fail (story != NULL, 0);
  g_return_val_if_fail (edge < story->analysis->edges->len, 0);

  return story->edge_step[edge];
}

void
pv_story_count (const PvStory *story, guint step, guint *n_nodes, guint *n_edges,
                guint *n_new_nodes, guint *n_new_edges)
{
  guint nodes = 0, edges = 0, new_nodes = 0, new_edges = 0;

  g_return_if_fail (story != NULL);

  for (guint i = 0; i < story->analysis->nodes->len; i++)
    {
      nodes += story->node_step[i] <= step;
      new_nodes += story->node_step[i] == step;
    }
  for (guint e = 0; e < story->analysis->edges->len; e++)
    {
      edges += story->edge_step[e] <= step;
      new_edges += story->edge_step[e] == step;
    }
  if (n_nodes != NULL)
    *n_nodes = nodes;
  if (n_edges != NULL)
    *n_edges = edges;
  if (n_new_nodes != NULL)
    *n_new_nodes = new_nodes;
  if (n_new_edges != NULL)
    *n_new_edges = new_edges;
}

void
pv_story_get_masks (const PvStory *story, guint step, double progress, gboolean *node_hidden,
                    gboolean *edge_hidden, double *node_alpha, double *edge_alpha)
{
  double alpha;

  g_return_if_fail (story != NULL);

  alpha = CLAMP (progress, 0, 1);
  for (guint i = 0; i < story->analysis->nodes->len; i++)
    {
      if (node_hidden != NULL)
        node_hidden[i] = story->node_step[i] > step;
      if (node_alpha != NULL)
        node_alpha[i] = story->node_step[i] == step ? alpha : 1;
    }
  for (guint e = 0; e < story->analysis->edges->len; e++)
    {
      if (edge_hidden != NULL)
        edge_hidden[e] = story->edge_step[e] > step;
      if (edge_alpha != NULL)
        edge_alpha[e] = story->edge_step[e] == step ? alpha : 1;
    }
}

/* Sentences ------------------------------------------------------------------- */

/* The text of [start, end) with each run of white space one space and the
 * ends trimmed, as pv_collapse_spaces() makes it, and where each code
 * point of it went: offsets[i - start] is the byte of the output where
 * code point i is, or (white space) where the text before it ends;
 * offsets has end - start + 1 entries. */
static char *
collapse_with_offsets (const gunichar *text, gsize start, gsize end, gsize *offsets)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (gsize i = start; i < end; i++)
    {
      if (g_unichar_isspace (text[i]))
        {
          space = out->len > 0;
          if (offsets != NULL)
            offsets[i - start] = out->len;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (offsets != NULL)
        offsets[i - start] = out->len;
      g_string_append_unichar (out, text[i]);
    }
  if (offsets != NULL)
    offsets[end - start] = out->len;
  return g_string_free (out, FALSE);
}

static const PvSpan *
story_sentence (const PvStory *story, guint step)
{
  const PvAnalysis *analysis = story->analysis;
  const PvSpan *span;

  if (!story->has_text || step >= analysis->sentences->len)
    return NULL;
  span = &g_array_index (analysis->sentences, PvSpan, step);
  if (span->end > analysis->document->length || span->start > span->end)
    return NULL;
  return span;
}

char *
pv_story_get_sentence (const PvStory *story, guint step)
{
  const PvSpan *span;

  g_return_val_if_fail (story != NULL, NULL);

  span = story_sentence (story, step);
  if (span == NULL)
    return NULL;
  return collapse_with_offsets (story->analysis->document->chars, span->start, span->end, NULL);
}

/* Frames ---------------------------------------------------------------------- */

void
pv_story_options_init (PvStoryOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (PvStoryOptions){ 0 };
  pv_draw_options_init (&options->draw);
  options->draw.dark = TRUE;
  options->draw.high_contrast = TRUE;
  options->draw.font_size = 0;
  options->draw.min_edge_weight = 1;
  options->sentence = TRUE;
  options->counter = TRUE;
}

static PangoLayout *
text_layout (PangoContext *context, const PvStoryOptions *options, gboolean rtl, double size,
             double width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (
      font, options->draw.font_family != NULL ? options->draw.font_family : PV_DRAW_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_line_spacing (layout, SENTENCE_LINE_SPACING);
  return layout;
}

/* The sentence of `step` in `layout`, each mention in its type's colour. */
static void
set_sentence (const PvStory *story, PangoLayout *layout, guint step, const PvStoryOptions *options)
{
  const PvAnalysis *analysis = story->analysis;
  const PvSpan *span = story_sentence (story, step);
  g_autofree gsize *offsets = NULL;
  g_autofree char *text = NULL;
  PangoAttrList *attributes;

  if (span == NULL)
    {
      pango_layout_set_text (layout, "", 0);
      return;
    }
  offsets = g_new (gsize, span->end - span->start + 1);
  text = collapse_with_offsets (analysis->document->chars, span->start, span->end, offsets);
  pango_layout_set_text (layout, text, -1);

  attributes = pango_attr_list_new ();
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      if (node->mentions == NULL ||
          (node->type < PV_N_ENTITY_TYPES && options->draw.type_hidden[node->type]))
        continue;
      for (guint m = 0; m < node->mentions->len; m++)
        {
          const PvMention *mention = &g_array_index (node->mentions, PvMention, m);
          double r = 0.5, g = 0.5, b = 0.5;
          PangoAttribute *attribute;
          gsize start, end;

          if (mention->start < span->start || mention->end > span->end ||
              mention->start >= mention->end)
            continue;
          start = offsets[mention->start - span->start];
          end = offsets[mention->end - span->start];
          if (start >= end)
            continue;
          if (node->type < PV_N_ENTITY_TYPES)
            pv_entity_type_color (node->type, options->draw.dark, &r, &g, &b);
          attribute = pango_attr_foreground_new ((guint16)(r * 65535), (guint16)(g * 65535),
                                                 (guint16)(b * 65535));
          attribute->start_index = (guint)start;
          attribute->end_index = (guint)end;
          pango_attr_list_insert (attributes, attribute);
          attribute = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          attribute->start_index = (guint)start;
          attribute->end_index = (guint)end;
          pango_attr_list_insert (attributes, attribute);
        }
    }
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}

/* "3 / 11", in Persian digits for a Persian article */
static char *
counter_text (const PvStory *story, guint step)
{
  g_autofree char *ascii = g_strdup_printf ("%u / %u", step + 1, story->n_steps);
  GString *out;

  if (g_strcmp0 (story->analysis->language, "fa") != 0)
    return g_steal_pointer (&ascii);
  out = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (out, 0x06F0 + (*p - '0'));
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
same_draw_options (const PvDrawOptions *a, const PvDrawOptions *b)
{
  return a->labels == b->labels && a->dark == b->dark && a->high_contrast == b->high_contrast &&
         g_strcmp0 (a->font_family, b->font_family) == 0 && a->font_size == b->font_size &&
         memcmp (a->type_hidden, b->type_hidden, sizeof a->type_hidden) == 0 &&
         a->min_edge_weight == b->min_edge_weight && a->label_text_hidden == b->label_text_hidden;
}

static gboolean
fit_is_for (const Fit *fit, const PvLayout *layout, const PvStoryOptions *options, double width,
            double height)
{
  return fit->valid && fit->layout == layout && fit->width == width && fit->height == height &&
         fit->options.sentence_size == options->sentence_size &&
         fit->options.sentence == options->sentence && fit->options.counter == options->counter &&
         same_draw_options (&fit->options.draw, &options->draw);
}

/* The height of the tallest sentence at `size`, wrapped to `width`. */
static double
tallest_sentence (const PvStory *story, PangoLayout *layout, const PvStoryOptions *options,
                  double size, double width)
{
  PangoFontDescription *font =
      pango_font_description_copy (pango_layout_get_font_description (layout));
  int tallest = 0;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  for (guint step = 0; step < story->n_steps; step++)
    {
      PangoRectangle logical;

      set_sentence (story, layout, step, options);
      pango_layout_get_extents (layout, NULL, &logical);
      tallest = MAX (tallest, logical.height);
    }
  return tallest / (double)PANGO_SCALE;
}

/* Where everything goes in a frame of width × height: the same at every
 * step, so that nothing moves. */
static const Fit *
story_fit (PvStory *story, cairo_t *cr, const PvLayout *layout, const PvStoryOptions *options,
           double width, double height)
{
  Fit *fit = &story->fit;
  gboolean rtl = story->analysis->rtl;
  gboolean has_sentences = story->has_text && story->analysis->sentences->len > 0;
  double font, margin, text_width, top, bottom;

  if (fit_is_for (fit, layout, options, width, height))
    return fit;

  *fit = (Fit){ 0 };
  fit->layout = layout;
  fit->width = width;
  fit->height = height;
  fit->options = *options;

  font = options->draw.font_size > 0 ? options->draw.font_size
                                     : MAX (height * LABEL_SIZE_1080 / 1080, MIN_FONT_SIZE);
  margin = round (font * MARGIN_EMS);
  text_width = MAX (width - 2 * margin, 1);
  fit->margin = margin;
  top = margin;
  bottom = height - margin;

  if (options->counter)
    {
      PangoContext *context =
          pv_draw_text_context (cr, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
      g_autoptr (PangoLayout) counter = NULL;
      g_autofree char *text = counter_text (story, story->n_steps - 1);
      PangoRectangle logical;

      fit->counter_size = font * COUNTER_SHARE;
      counter = text_layout (context, options, rtl, fit->counter_size, -1);
      pango_layout_set_text (counter, text, -1);
      pango_layout_get_extents (counter, NULL, &logical);
      top += logical.height / (double)PANGO_SCALE;
      g_object_unref (context);
    }

  if (options->sentence && has_sentences)
    {
      PangoContext *context =
          pv_draw_text_context (cr, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
      double max_height = height * SENTENCE_MAX_SHARE;
      double size = options->sentence_size > 0
                        ? options->sentence_size
                        : MAX (height * SENTENCE_SIZE_1080 / 1080, MIN_FONT_SIZE);
      double min_size = MAX (MIN (size, height * SENTENCE_MIN_SIZE_1080 / 1080), MIN_FONT_SIZE);
      g_autoptr (PangoLayout) sentence = text_layout (context, options, rtl, size, text_width);
      double tallest = tallest_sentence (story, sentence, options, size, text_width);

      /* smaller until the longest sentence fits its share, unless a size
       * was asked for */
      for (guint round = 0;
           round < 12 && options->sentence_size <= 0 && tallest > max_height && size > min_size;
           round++)
        {
          size = MAX (size * MAX (sqrt (max_height / tallest), 0.5) * 0.98, min_size);
          tallest = tallest_sentence (story, sentence, options, size, text_width);
        }
      fit->sentence_size = size;
      fit->band_height = MIN (tallest, MAX (max_height, height / 2));
      fit->band_top = height - margin - fit->band_height;
      bottom = fit->band_top - margin;
      g_object_unref (context);
    }

  fit->graph_x0 = margin;
  fit->graph_y0 = top;
  fit->graph_x1 = width - margin;
  fit->graph_y1 = MAX (bottom, top + 1);

  fit->draw = options->draw;
  fit->draw.font_size = font;
  fit->draw.draw_background = FALSE;
  fit->draw.node_hidden = NULL;
  fit->draw.edge_hidden = NULL;
  fit->draw.node_alpha = NULL;
  fit->draw.edge_alpha = NULL;
  fit->draw.label_rank = story->node_step;
  fit->draw.selected_node = -1;
  fit->draw.selected_edge = -1;
  fit->draw.hovered_node = -1;
  if (story->analysis->nodes->len > 0)
    {
      pv_draw_fit (cr, story->analysis, layout, &fit->draw, fit->graph_x1 - fit->graph_x0,
                   fit->graph_y1 - fit->graph_y0, 0);
      fit->draw.offset_x += fit->graph_x0;
      fit->draw.offset_y += fit->graph_y0;
    }
  fit->valid = TRUE;
  return fit;
}

void
pv_story_get_draw_options (PvStory *story, cairo_t *cr, const PvLayout *layout,
                           const PvStoryOptions *options, double width, double height,
                           PvDrawOptions *draw)
{
  PvStoryOptions defaults;

  g_return_if_fail (story != NULL && cr != NULL && layout != NULL && draw != NULL);
  g_return_if_fail (pv_layout_n_nodes (layout) == story->analysis->nodes->len);

  if (options == NULL)
    {
      pv_story_options_init (&defaults);
      options = &defaults;
    }
  *draw = story_fit (story, cr, layout, options, width, height)->draw;
}

/* Fading in: fast, then slowing down (cubic ease-out). */
static double
ease_out (double t)
{
  t = CLAMP (t, 0, 1);
  return 1 - (1 - t) * (1 - t) * (1 - t);
}

void
pv_story_render_frame (PvStory *story, cairo_t *cr, const PvLayout *layout,
                       const PvStoryOptions *options, double width, double height, guint step,
                       double progress)
{
  const PvAnalysis *analysis;
  PvStoryOptions defaults;
  const Fit *fit;
  PvDrawOptions draw;
  g_autofree gboolean *node_hidden = NULL;
  g_autofree gboolean *edge_hidden = NULL;
  g_autofree double *node_alpha = NULL;
  g_autofree double *edge_alpha = NULL;
  double background[3], ink[3];
  gboolean rtl;

  g_return_if_fail (story != NULL && cr != NULL && layout != NULL);
  g_return_if_fail (pv_layout_n_nodes (layout) == story->analysis->nodes->len);

  if (options == NULL)
    {
      pv_story_options_init (&defaults);
      options = &defaults;
    }
  if (width <= 0 || height <= 0)
    return;
  analysis = story->analysis;
  rtl = analysis->rtl;
  step = MIN (step, story->n_steps - 1);
  fit = story_fit (story, cr, layout, options, width, height);
  pv_draw_get_colors (&fit->draw, background, ink);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, background[0], background[1], background[2]);
  cairo_paint (cr);

  /* the graph so far, in its area */
  node_hidden = g_new (gboolean, MAX (analysis->nodes->len, 1u));
  edge_hidden = g_new (gboolean, MAX (analysis->edges->len, 1u));
  node_alpha = g_new (double, MAX (analysis->nodes->len, 1u));
  edge_alpha = g_new (double, MAX (analysis->edges->len, 1u));
  pv_story_get_masks (story, step, ease_out (progress), node_hidden, edge_hidden, node_alpha,
                      edge_alpha);
  draw = fit->draw;
  draw.node_hidden = node_hidden;
  draw.edge_hidden = edge_hidden;
  draw.node_alpha = node_alpha;
  draw.edge_alpha = edge_alpha;
  draw.label_rank = story->node_step;
  if (analysis->nodes->len > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, fit->graph_x0, fit->graph_y0, fit->graph_x1 - fit->graph_x0,
                       fit->graph_y1 - fit->graph_y0);
      cairo_clip (cr);
      pv_draw_graph (cr, analysis, layout, &draw);
      cairo_restore (cr);
    }

  /* the step counter, at the end of the lines (top left for Persian) */
  if (options->counter)
    {
      PangoContext *context =
          pv_draw_text_context (cr, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
      g_autoptr (PangoLayout) counter = text_layout (context, options, rtl, fit->counter_size, -1);
      g_autofree char *text = counter_text (story, step);
      PangoRectangle logical;
      double x;

      pango_layout_set_text (counter, text, -1);
      pango_layout_get_extents (counter, NULL, &logical);
      x = rtl ? fit->margin - logical.x / (double)PANGO_SCALE
              : width - fit->margin - (logical.x + logical.width) / (double)PANGO_SCALE;
      cairo_move_to (cr, x, fit->margin - logical.y / (double)PANGO_SCALE);
      cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], 0.7);
      pango_cairo_show_layout (cr, counter);
      g_object_unref (context);
    }

  /* the sentence below a thin rule, its first line at the band's top */
  if (options->sentence && fit->band_height > 0)
    {
      PangoContext *context =
          pv_draw_text_context (cr, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
      double text_width = width - 2 * fit->margin;
      g_autoptr (PangoLayout) sentence =
          text_layout (context, options, rtl, fit->sentence_size, text_width);
      PangoRectangle logical;

      cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], 0.35);
      cairo_set_line_width (cr, MAX (fit->draw.font_size / 15, 1));
      cairo_move_to (cr, fit->margin, fit->band_top - fit->margin / 2);
      cairo_line_to (cr, width - fit->margin, fit->band_top - fit->margin / 2);
      cairo_stroke (cr);

      /* a sentence taller than its band ends in an ellipsis */
      pango_layout_set_height (sentence, (int)(fit->band_height * PANGO_SCALE));
      pango_layout_set_ellipsize (sentence, PANGO_ELLIPSIZE_END);
      set_sentence (story, sentence, step, options);
      pango_layout_get_extents (sentence, NULL, &logical);
      cairo_move_to (cr, fit->margin, fit->band_top - logical.y / (double)PANGO_SCALE);
      cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
      pango_cairo_show_layout (cr, sentence);
      g_object_unref (context);
    }

  cairo_restore (cr);
}

/* Export ---------------------------------------------------------------------- */

char *
pv_story_frame_name (guint step, guint n_steps)
{
  int digits = 3;

  for (guint n = n_steps; n >= 1000; n /= 10)
    digits++;
  return g_strdup_printf ("frame-%0*u.png", digits, step + 1);
}

static cairo_status_t
write_to_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
pv_story_export_frames (const PvAnalysis *analysis, const PvLayout *layout, const char *dir,
                        int width, int height, const PvStoryOptions *options, GError **error)
{
  g_autoptr (PvStory) story = NULL;
  g_autofree char *display = NULL;
  PvStoryOptions defaults;
  cairo_surface_t *surface;
  gboolean ok = TRUE;

  g_return_val_if_fail (analysis != NULL && analysis->nodes != NULL && analysis->edges != NULL,
                        FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      pv_story_options_init (&defaults);
      options = &defaults;
    }
  if (width < 1 || height < 1 || width > PNG_MAX_SIDE || height > PNG_MAX_SIDE)
    {
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT,
                   "a frame is 1 to %d pixels wide and high, not %d × %d", PNG_MAX_SIDE, width,
                   height);
      return FALSE;
    }
  if (layout == NULL || pv_layout_n_nodes (layout) != analysis->nodes->len)
    {
      g_set_error_literal (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT,
                           "the story needs a layout of the analysis's nodes");
      return FALSE;
    }

  display = g_filename_display_name (dir);
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "%s: %s", display,
                   g_strerror (saved_errno));
      return FALSE;
    }

  story = pv_story_new (analysis);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  for (guint step = 0; ok && step < story->n_steps; step++)
    {
      g_autofree char *name = pv_story_frame_name (step, story->n_steps);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GByteArray) png = g_byte_array_new ();
      g_autoptr (GError) local_error = NULL;
      cairo_status_t status;
      cairo_t *cr = cairo_create (surface);

      pv_story_render_frame (story, cr, layout, options, width, height, step, 1);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, write_to_array, png);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_autofree char *path_display = g_filename_display_name (path);

          g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "%s: %s", path_display,
                       cairo_status_to_string (status));
          ok = FALSE;
        }
      else if (!g_file_set_contents_full (path, (const char *)png->data, png->len,
                                          G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
        {
          /* GLib's message names the file */
          g_set_error_literal (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, local_error->message);
          ok = FALSE;
        }
    }
  cairo_surface_destroy (surface);
  return ok;
}
