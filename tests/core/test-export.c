/* test-export.c: the graph exported as images and as data for other tools
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <zlib.h>

#include "pv-analysis-json.h"
#include "pv-draw.h"
#include "pv-export.h"
#include "pv-layout.h"
#include "test-util.h"

#define SEED_TITLE "تماس تلفنی روحانی و پوتین"
#define GEXF_NS "http://gexf.net/1.3"
#define VIZ_NS "http://gexf.net/1.3/viz"
#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

typedef struct
{
  PvAnalysis *analysis;
  PvLayout *layout;
} Graph;

/* The seed article, analysed and laid out once for every test */

static Graph seed;

static const Graph *
seed_graph (void)
{
  if (seed.analysis == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                     "000_2ad9410abe4922a4.txt", NULL);
      PvAnalyzeOptions options = { "2020-02-29" };
      PvDocument *document = pv_document_load_file (path, &error);

      g_assert_no_error (error);
      seed.analysis = pv_analyze (document, test_knowledge (), &options);
      seed.layout = pv_layout_new (seed.analysis, 1);
      pv_layout_settle (seed.layout);
      g_assert_cmpuint (seed.analysis->nodes->len, >, 10);
    }
  return &seed;
}

/* A graph built by hand, with labels that need escaping */

static void
add_node (PvAnalysis *analysis, PvEntityType type, const char *id, const char *label,
          const char *label_en, guint mentions)
{
  PvNode *node = g_new0 (PvNode, 1);

  node->id = g_strdup (id);
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
  for (guint i = 0; i < weight; i++)
    g_array_append_val (edge->sentences, i);
  g_ptr_array_add (analysis->edges, edge);
}

#define TRICKY_LABEL "Smith & <Co> \"Ltd\""
#define FORMULA_LABEL "=SUM(A1:A9)"
#define MULTILINE_LABEL "two, \"quoted\"\r\nlines"

static void
tricky_graph (Graph *graph)
{
  static const double positions[][2] = { { 0, 0 }, { 2, 0 }, { 0, 2 }, { 2, 2 }, { 1, 3 } };
  PvAnalysis *analysis = g_new0 (PvAnalysis, 1);

  analysis->nodes = g_ptr_array_new_with_free_func (pv_entity_free);
  analysis->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edge_free);
  analysis->sentences = g_array_new (FALSE, TRUE, sizeof (PvSpan));
  analysis->language = "fa";
  analysis->rtl = TRUE;
  add_node (analysis, PV_ENTITY_ORGANIZATION, "organization:smith-co", TRICKY_LABEL, "Smith \\ Co",
            6);
  add_node (analysis, PV_ENTITY_TOPIC, "topic:formula", FORMULA_LABEL, NULL, 3);
  add_node (analysis, PV_ENTITY_COUNTRY, "country:IR", "ایران", "Iran", 9);
  add_node (analysis, PV_ENTITY_TOPIC, "topic:lines", MULTILINE_LABEL, NULL, 2);
  add_node (analysis, PV_ENTITY_PERSON, "person:minus", "-1+2", "@handle", 2);
  add_edge (analysis, 0, 1, PV_EDGE_CO_MENTION, 3);
  add_edge (analysis, 0, 2, PV_EDGE_MEMBER_OF, 1);
  add_edge (analysis, 1, 3, PV_EDGE_CO_MENTION, 2);
  add_edge (analysis, 4, 2, PV_EDGE_LEADER_OF, 2);
  graph->analysis = analysis;
  graph->layout = pv_layout_new (analysis, 1);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      pv_layout_set_position (graph->layout, i, positions[i][0], positions[i][1]);
      pv_layout_set_pinned (graph->layout, i, TRUE);
    }
}

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->layout, pv_layout_free);
  g_clear_pointer (&graph->analysis, pv_analysis_free);
}

/* Helpers */

static GBytes *export(const Graph *graph, const PvExportOptions *options)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = pv_export_to_bytes (graph->analysis, graph->layout, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  return bytes;
}

static xmlDocPtr
parse_xml (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDocPtr doc = xmlReadMemory (data, (int)length, "export.xml", NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  g_assert_nonnull (xmlDocGetRootElement (doc));
  return doc;
}

static gboolean
is_element (xmlNodePtr node, const char *name, const char *ns)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0 &&
         (ns == NULL || (node->ns != NULL && xmlStrcmp (node->ns->href, BAD_CAST ns) == 0));
}

/* Every element named `name` (in namespace `ns`, unless NULL) under
 * `node`, in document order. */
static void
collect (xmlNodePtr node, const char *name, const char *ns, GPtrArray *found)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, name, ns))
        g_ptr_array_add (found, child);
      collect (child, name, ns, found);
    }
}

static GPtrArray *
elements (xmlDocPtr doc, const char *name, const char *ns)
{
  GPtrArray *found = g_ptr_array_new ();

  collect ((xmlNodePtr)doc, name, ns, found);
  return found;
}

static xmlNodePtr
child_element (xmlNodePtr node, const char *name, const char *ns)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, name, ns))
      return child;
  return NULL;
}

/* An attribute's value as a GLib string (NULL when missing). */
static char *
attr (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);
  return copy;
}

static char *
content (xmlNodePtr node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);
  return copy;
}

static guint
visible_edges (const PvAnalysis *analysis)
{
  guint n = 0;

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);

      n += edge->source != edge->target;
    }
  return n;
}

static gboolean
is_node_label (const PvAnalysis *analysis, const char *text)
{
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      if (g_strcmp0 (node->label, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The format names */

static void
test_export_format_names (void)
{
  static const struct
  {
    const char *name;
    PvExportFormat format;
  } cases[] = {
    { "png", PV_EXPORT_PNG },   { "PNG", PV_EXPORT_PNG },    { ".svg", PV_EXPORT_SVG },
    { "Pdf", PV_EXPORT_PDF },   { "GEXF", PV_EXPORT_GEXF },  { "GraphML", PV_EXPORT_GRAPHML },
    { "dot", PV_EXPORT_DOT },   { "gv", PV_EXPORT_DOT },     { "CSV", PV_EXPORT_CSV },
    { "json", PV_EXPORT_JSON }, { ".JSON", PV_EXPORT_JSON },
  };
  PvExportFormat format;
  PvExportOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (pv_export_format_from_name (cases[i].name, &format));
      g_assert_cmpint (format, ==, cases[i].format);
    }
  g_assert_false (pv_export_format_from_name ("bmp", &format));
  g_assert_false (pv_export_format_from_name ("", &format));
  g_assert_false (pv_export_format_from_name ("png2", &format));

  for (PvExportFormat f = PV_EXPORT_PNG; f <= PV_EXPORT_JSON; f++)
    {
      g_assert_true (pv_export_format_from_name (pv_export_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
      g_assert_cmpint (pv_export_format_is_image (f), ==, f <= PV_EXPORT_PDF);
    }

  pv_export_options_init (&options, PV_EXPORT_PNG);
  g_assert_cmpfloat (options.dpi, ==, 96);
  g_assert_cmpfloat (options.scale, ==, 0);
  g_assert_true (options.legend);
  g_assert_false (options.transparent);
  g_assert_cmpint (options.draw.labels, ==, PV_LABELS_PERSIAN);
}

/* PNG */

typedef struct
{
  guint32 width;
  guint32 height;
  gboolean has_phys;
  guint32 ppm_x;
  guint32 ppm_y;
  guint8 unit;
  guint n_chunks;
} PngInfo;

static guint32
be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* Walks the chunks, checking each CRC; pHYs must come right after IHDR. */
static PngInfo
png_info (GBytes *bytes)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  gsize length, offset = 8;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  PngInfo info = { 0 };
  gboolean ended = FALSE;

  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, signature, 8);
  while (offset + 12 <= length)
    {
      guint32 size = be32 (data + offset);
      const guint8 *type = data + offset + 4;
      const guint8 *body = data + offset + 8;

      g_assert_cmpuint (offset + 12 + size, <=, length);
      g_assert_cmpuint (be32 (body + size), ==, (guint32)crc32 (0, type, 4 + size));
      if (info.n_chunks == 0)
        {
          g_assert_cmpmem (type, 4, "IHDR", 4);
          info.width = be32 (body);
          info.height = be32 (body + 4);
        }
      if (memcmp (type, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (info.n_chunks, ==, 1);
          g_assert_false (info.has_phys);
          g_assert_cmpuint (size, ==, 9);
          info.has_phys = TRUE;
          info.ppm_x = be32 (body);
          info.ppm_y = be32 (body + 4);
          info.unit = body[8];
        }
      ended = memcmp (type, "IEND", 4) == 0;
      info.n_chunks++;
      offset += 12 + size;
    }
  g_assert_true (ended);
  g_assert_cmpuint (offset, ==, length);
  return info;
}

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize offset;
} Reader;

static cairo_status_t
read_bytes (void *closure, unsigned char *data, unsigned int length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  Reader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (bytes, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* A pixel as ARGB (premultiplied, as cairo keeps it). */
static guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  cairo_format_t format = cairo_image_surface_get_format (surface);
  guint32 value = *(const guint32 *)(data + y * stride + 4 * x);

  return format == CAIRO_FORMAT_RGB24 ? value | 0xFF000000u : value;
}

/* Nothing drawn within `width` pixels of the edges: the margin is whole,
 * nothing was cut off. */
static void
assert_frame_blank (cairo_surface_t *surface, int width)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint32 background = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 value;

        if (x >= width && x < w - width && y >= width && y < h - width)
          continue;
        value = pixel_at (surface, x, y);
        if (x == 0 && y == 0)
          background = value;
        g_assert_cmphex (value, ==, background);
      }
}

static gboolean
near_rgb (guint32 argb, const double *rgb)
{
  return abs ((int)((argb >> 16) & 0xFF) - (int)lround (rgb[0] * 255)) <= 3 &&
         abs ((int)((argb >> 8) & 0xFF) - (int)lround (rgb[1] * 255)) <= 3 &&
         abs ((int)(argb & 0xFF) - (int)lround (rgb[2] * 255)) <= 3;
}

static void
test_export_png (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  PngInfo info;
  cairo_surface_t *surface;
  guint ink = 0;
  gboolean seen[PV_N_ENTITY_TYPES] = { FALSE };

  pv_export_options_init (&options, PV_EXPORT_PNG);
  options.width = 1600;
  options.height = 1000;
  options.dpi = 150;
  options.title = SEED_TITLE;
  bytes = export(graph, &options);

  info = png_info (bytes);
  g_assert_cmpuint (info.width, ==, 1600);
  g_assert_cmpuint (info.height, ==, 1000);
  g_assert_true (info.has_phys);
  g_assert_cmpuint (info.ppm_x, ==, (guint32)lround (150 / 0.0254));
  g_assert_cmpuint (info.ppm_y, ==, 5906);
  g_assert_cmpuint (info.unit, ==, 1);

  surface = decode_png (bytes);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1000);
  for (int y = 0; y < 1000; y += 2)
    for (int x = 0; x < 1600; x += 2)
      {
        guint32 value = pixel_at (surface, x, y);

        ink += (value & 0xFFFFFF) != 0xFFFFFF;
        for (PvEntityType type = 0; type < PV_N_ENTITY_TYPES; type++)
          {
            double rgb[3];

            pv_entity_type_color (type, FALSE, &rgb[0], &rgb[1], &rgb[2]);
            seen[type] |= near_rgb (value, rgb);
          }
      }
  /* a white margin all round (two font sizes: 54 pixels at 150 dpi), a
   * drawing of every type's colour within */
  g_assert_cmpuint (pixel_at (surface, 0, 0), ==, 0xFFFFFFFFu);
  assert_frame_blank (surface, 40);
  g_assert_cmpuint (ink, >, 1600 * 1000 / 4 / 50);
  for (PvEntityType type = 0; type < PV_N_ENTITY_TYPES; type++)
    g_assert_true (seen[type]);
  cairo_surface_destroy (surface);
}

static void
test_export_png_transparent (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *surface;
  guint opaque = 0;

  pv_export_options_init (&options, PV_EXPORT_PNG);
  options.width = 800;
  options.height = 600;
  options.transparent = TRUE;
  bytes = export(graph, &options);
  surface = decode_png (bytes);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpuint (pixel_at (surface, 0, 0) >> 24, ==, 0);
  assert_frame_blank (surface, 20);
  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 800; x++)
      opaque += pixel_at (surface, x, y) >> 24 == 0xFF;
  g_assert_cmpuint (opaque, >, 1000);
  cairo_surface_destroy (surface);
}

/* Without a size the page is the drawing's own, and a higher resolution
 * draws the same picture with more pixels. */
static void
test_export_png_natural (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) low = NULL;
  g_autoptr (GBytes) high = NULL;
  PngInfo low_info, high_info;
  cairo_surface_t *surface;

  pv_export_options_init (&options, PV_EXPORT_PNG);
  options.scale = 60;
  low = export(graph, &options);
  options.dpi = 300;
  high = export(graph, &options);
  low_info = png_info (low);
  high_info = png_info (high);
  g_assert_cmpuint (low_info.width, >, 200);
  g_assert_cmpuint (low_info.height, >, 200);
  g_assert_cmpfloat_with_epsilon ((double)high_info.width / low_info.width, 300 / 96.0, 0.02);
  g_assert_cmpfloat_with_epsilon ((double)high_info.height / low_info.height, 300 / 96.0, 0.02);
  g_assert_cmpuint (high_info.ppm_x, ==, 11811);

  /* the page holds the whole drawing with its margin */
  surface = decode_png (high);
  assert_frame_blank (surface, 60);
  cairo_surface_destroy (surface);
}

/* A page too small for labels of their size gets the whole picture
 * shrunk: the size asked for, nothing cut off. */
static void
test_export_png_small (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  PngInfo info;
  cairo_surface_t *surface;
  guint ink = 0;

  pv_export_options_init (&options, PV_EXPORT_PNG);
  options.width = 240;
  options.height = 160;
  options.title = SEED_TITLE;
  bytes = export(graph, &options);
  info = png_info (bytes);
  g_assert_cmpuint (info.width, ==, 240);
  g_assert_cmpuint (info.height, ==, 160);
  surface = decode_png (bytes);
  assert_frame_blank (surface, 3);
  for (int y = 0; y < 160; y++)
    for (int x = 0; x < 240; x++)
      ink += (pixel_at (surface, x, y) & 0xFFFFFF) != 0xFFFFFF;
  g_assert_cmpuint (ink, >, 500);
  cairo_surface_destroy (surface);
}

/* SVG */

static void
test_export_svg_outlines (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  xmlDocPtr doc;
  g_autoptr (GPtrArray) texts = NULL;
  g_autoptr (GPtrArray) paths = NULL;
  g_autofree char *width = NULL;

  pv_export_options_init (&options, PV_EXPORT_SVG);
  options.width = 768;
  options.height = 480;
  options.title = SEED_TITLE;
  bytes = export(graph, &options);
  doc = parse_xml (bytes);
  g_assert_true (is_element (xmlDocGetRootElement (doc), "svg", "http://www.w3.org/2000/svg"));
  width = attr (xmlDocGetRootElement (doc), "width");
  g_assert_cmpstr (width, ==, "768pt");
  texts = elements (doc, "text", NULL);
  g_assert_cmpuint (texts->len, ==, 0);
  /* the glyphs are outlines */
  paths = elements (doc, "path", NULL);
  g_assert_cmpuint (paths->len, >, 50);
  xmlFreeDoc (doc);
}

/* The texts of the <text> elements of one class. */
static GPtrArray *
svg_texts (xmlDocPtr doc, const char *role)
{
  g_autoptr (GPtrArray) all = elements (doc, "text", "http://www.w3.org/2000/svg");
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (all, i);
      g_autofree char *class = attr (node, "class");

      if (g_strcmp0 (class, role) == 0)
        g_ptr_array_add (found, content (node));
    }
  return found;
}

static void
test_export_svg_text (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  xmlDocPtr doc;
  g_autoptr (GPtrArray) labels = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GPtrArray) legend = NULL;
  g_autoptr (GPtrArray) all = NULL;
  gboolean zwnj = FALSE;

  pv_export_options_init (&options, PV_EXPORT_SVG);
  options.width = 768;
  options.height = 480;
  options.title = SEED_TITLE;
  options.svg_text = TRUE;
  bytes = export(graph, &options);
  doc = parse_xml (bytes);

  labels = svg_texts (doc, "label");
  g_assert_cmpuint (labels->len, >, 10);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = g_ptr_array_index (labels, i);

      g_assert_true (is_node_label (graph->analysis, text));
      zwnj |= strstr (text, "\u200C") != NULL;
    }
  /* «آژانس بین‌المللی انرژی اتمی» keeps its zero-width non-joiner */
  g_assert_true (zwnj);

  titles = svg_texts (doc, "title");
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, SEED_TITLE);
  legend = svg_texts (doc, "legend");
  g_assert_cmpuint (legend->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (legend, 0), ==, "کشور");
  g_assert_cmpstr (g_ptr_array_index (legend, 4), ==, "موضوع");

  all = elements (doc, "text", NULL);
  for (guint i = 0; i < all->len; i++)
    {
      xmlNodePtr text = g_ptr_array_index (all, i);
      g_autofree char *family = attr (text->parent, "font-family");
      g_autofree char *direction = attr (text, "direction");
      g_autofree char *anchor = attr (text, "text-anchor");
      g_autofree char *size = attr (text, "font-size");

      g_assert_nonnull (strstr (family, "'Noto Naskh Arabic'"));
      g_assert_cmpstr (direction, ==, "rtl");
      g_assert_nonnull (anchor);
      g_assert_nonnull (size);
    }
  xmlFreeDoc (doc);
}

static void
test_export_svg_escaping (void)
{
  Graph graph;
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) labels = NULL;
  xmlDocPtr doc;
  gboolean tricky = FALSE;
  const char *data;

  tricky_graph (&graph);
  pv_export_options_init (&options, PV_EXPORT_SVG);
  options.svg_text = TRUE;
  options.title = "<b>&amp;</b>";
  bytes = export(&graph, &options);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_null (g_strstr_len (data, g_bytes_get_size (bytes), "<Co>"));
  g_assert_null (g_strstr_len (data, g_bytes_get_size (bytes), "<b>"));
  doc = parse_xml (bytes);
  labels = svg_texts (doc, "label");
  for (guint i = 0; i < labels->len; i++)
    tricky |= g_strcmp0 (g_ptr_array_index (labels, i), TRICKY_LABEL) == 0;
  g_assert_true (tricky);
  {
    g_autoptr (GPtrArray) titles = svg_texts (doc, "title");

    g_assert_cmpuint (titles->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "<b>&amp;</b>");
  }
  xmlFreeDoc (doc);
  graph_clear (&graph);
}

/* PDF */

static char *
run (const char *program, const char *path)
{
  const char *argv[] = { program, path, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_export_pdf (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peyvand-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "seed.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize length;
  const char *data;

  pv_export_options_init (&options, PV_EXPORT_PDF);
  options.width = 768;
  options.height = 480;
  options.title = SEED_TITLE;
  bytes = export(graph, &options);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (g_strstr_len (data + length - 16, 16, "%%EOF"));

  g_assert_true (pv_export_to_file (graph->analysis, graph->layout, &options, path, &error));
  g_assert_no_error (error);

  if (pdffonts != NULL)
    {
      g_autofree char *fonts = run ("pdffonts", path);
      g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
      guint n_fonts = 0;

      /* name type encoding emb sub uni …: every font embedded as a subset,
       * with a Unicode map */
      for (guint i = 2; lines[i] != NULL; i++)
        {
          g_auto (GStrv) words = NULL;
          const char *fields[32];
          guint n = 0;

          if (*lines[i] == '\0')
            continue;
          words = g_strsplit_set (lines[i], " ", -1);
          for (guint k = 0; words[k] != NULL && n < G_N_ELEMENTS (fields); k++)
            if (*words[k] != '\0')
              fields[n++] = words[k];
          g_assert_cmpuint (n, >=, 7);
          g_assert_cmpstr (fields[n - 5], ==, "yes"); /* emb */
          g_assert_cmpstr (fields[n - 4], ==, "yes"); /* sub */
          g_assert_cmpstr (fields[n - 3], ==, "yes"); /* uni */
          g_assert_nonnull (strchr (fields[0], '+'));
          n_fonts++;
        }
      g_assert_cmpuint (n_fonts, >, 0);
    }
  else
    g_test_message ("pdffonts is not installed: the fonts are not checked");

  if (pdftotext != NULL)
    {
      const char *argv[] = { "pdftotext", path, "-", NULL };
      g_autofree char *text = NULL;
      int status;
      guint persian = 0;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, &status, NULL));
      /* the labels are text, in Persian letters */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          persian += ch >= 0x0600 && ch <= 0x06FF;
        }
      g_assert_cmpuint (persian, >, 100);
      g_assert_nonnull (strstr (text, "ایران"));
    }
  else
    g_test_message ("pdftotext is not installed: the text is not checked");

  g_unlink (path);
  g_rmdir (dir);
}

/* Data formats */

static void
test_export_gexf (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GPtrArray) edges = NULL;
  g_autoptr (GPtrArray) attributes = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  g_autofree char *version = NULL;

  pv_export_options_init (&options, PV_EXPORT_GEXF);
  bytes = export(graph, &options);
  doc = parse_xml (bytes);
  root = xmlDocGetRootElement (doc);
  g_assert_true (is_element (root, "gexf", GEXF_NS));
  version = attr (root, "version");
  g_assert_cmpstr (version, ==, "1.3");

  attributes = elements (doc, "attribute", GEXF_NS);
  g_assert_cmpuint (attributes->len, ==, 3);

  nodes = elements (doc, "node", GEXF_NS);
  g_assert_cmpuint (nodes->len, ==, graph->analysis->nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (nodes, i);
      const PvNode *expected = g_ptr_array_index (graph->analysis->nodes, i);
      g_autofree char *id = attr (node, "id");
      g_autofree char *label = attr (node, "label");
      xmlNodePtr color = child_element (node, "color", VIZ_NS);
      xmlNodePtr size = child_element (node, "size", VIZ_NS);
      xmlNodePtr position = child_element (node, "position", VIZ_NS);
      g_autoptr (GPtrArray) values = g_ptr_array_new ();
      g_autofree char *r = NULL;
      g_autofree char *g = NULL;
      g_autofree char *b = NULL;
      g_autofree char *value = NULL;
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;
      double rgb[3], lx, ly;
      gboolean has_type = FALSE, has_count = FALSE;

      g_assert_cmpstr (id, ==, expected->id);
      g_assert_cmpstr (label, ==, expected->label);
      g_assert_nonnull (color);
      g_assert_nonnull (size);
      g_assert_nonnull (position);
      pv_entity_type_color (expected->type, FALSE, &rgb[0], &rgb[1], &rgb[2]);
      r = attr (color, "r");
      g = attr (color, "g");
      b = attr (color, "b");
      g_assert_cmpint (atoi (r), ==, lround (rgb[0] * 255));
      g_assert_cmpint (atoi (g), ==, lround (rgb[1] * 255));
      g_assert_cmpint (atoi (b), ==, lround (rgb[2] * 255));
      value = attr (size, "value");
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (value, NULL),
                                      pv_draw_node_radius (graph->analysis, i, &options.draw),
                                      0.01);
      /* the layout's positions at the default scale, y up */
      pv_layout_get_position (graph->layout, i, &lx, &ly);
      x = attr (position, "x");
      y = attr (position, "y");
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (x, NULL), lx * 100, 0.01);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (y, NULL), -ly * 100, 0.01);

      collect (node, "attvalue", GEXF_NS, values);
      for (guint k = 0; k < values->len; k++)
        {
          g_autofree char *key = attr (g_ptr_array_index (values, k), "for");
          g_autofree char *text = attr (g_ptr_array_index (values, k), "value");

          if (g_strcmp0 (key, "type") == 0)
            {
              g_assert_cmpstr (text, ==, pv_entity_type_to_string (expected->type));
              has_type = TRUE;
            }
          else if (g_strcmp0 (key, "count") == 0)
            {
              g_assert_cmpint (atoi (text), ==, expected->mentions->len);
              has_count = TRUE;
            }
          else if (g_strcmp0 (key, "label_en") == 0)
            g_assert_cmpstr (text, ==, expected->label_en);
        }
      g_assert_true (has_type && has_count);
    }

  edges = elements (doc, "edge", GEXF_NS);
  g_assert_cmpuint (edges->len, ==, visible_edges (graph->analysis));
  for (guint i = 0; i < edges->len; i++)
    {
      xmlNodePtr edge = g_ptr_array_index (edges, i);
      const PvEdge *expected = g_ptr_array_index (graph->analysis->edges, i);
      const PvNode *source = g_ptr_array_index (graph->analysis->nodes, expected->source);
      g_autofree char *id = attr (edge, "id");
      g_autofree char *from = attr (edge, "source");
      g_autofree char *weight = attr (edge, "weight");
      g_autofree char *kind = attr (edge, "kind");

      g_assert_nonnull (id);
      g_assert_cmpstr (from, ==, source->id);
      g_assert_cmpint (atoi (weight), ==, expected->weight);
      g_assert_cmpstr (kind, ==, pv_edge_kind_to_string (expected->kind));
    }
  xmlFreeDoc (doc);
}

static void
test_export_graphml (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GPtrArray) edges = NULL;
  g_autoptr (GHashTable) key_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *const wanted[] = { "label", "label_en", "type", "count", "weight", "kind" };
  xmlDocPtr doc;

  pv_export_options_init (&options, PV_EXPORT_GRAPHML);
  bytes = export(graph, &options);
  doc = parse_xml (bytes);
  g_assert_true (is_element (xmlDocGetRootElement (doc), "graphml", GRAPHML_NS));

  keys = elements (doc, "key", GRAPHML_NS);
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (key_names, attr (g_ptr_array_index (keys, i), "attr.name"));
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_true (g_hash_table_contains (key_names, wanted[i]));

  nodes = elements (doc, "node", GRAPHML_NS);
  g_assert_cmpuint (nodes->len, ==, graph->analysis->nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (nodes, i);
      const PvNode *expected = g_ptr_array_index (graph->analysis->nodes, i);
      g_autoptr (GPtrArray) data = g_ptr_array_new ();
      g_autofree char *id = attr (node, "id");
      gboolean has_label = FALSE;

      g_assert_cmpstr (id, ==, expected->id);
      collect (node, "data", GRAPHML_NS, data);
      for (guint k = 0; k < data->len; k++)
        {
          g_autofree char *key = attr (g_ptr_array_index (data, k), "key");
          g_autofree char *text = content (g_ptr_array_index (data, k));

          g_assert_true (g_hash_table_contains (key_names, key));
          if (g_strcmp0 (key, "label") == 0)
            {
              g_assert_cmpstr (text, ==, expected->label);
              has_label = TRUE;
            }
          else if (g_strcmp0 (key, "count") == 0)
            g_assert_cmpint (atoi (text), ==, expected->mentions->len);
          else if (g_strcmp0 (key, "type") == 0)
            g_assert_cmpstr (text, ==, pv_entity_type_to_string (expected->type));
        }
      g_assert_true (has_label);
    }

  edges = elements (doc, "edge", GRAPHML_NS);
  g_assert_cmpuint (edges->len, ==, visible_edges (graph->analysis));
  for (guint i = 0; i < edges->len; i++)
    {
      const PvEdge *expected = g_ptr_array_index (graph->analysis->edges, i);
      g_autoptr (GPtrArray) data = g_ptr_array_new ();
      guint found = 0;

      collect (g_ptr_array_index (edges, i), "data", GRAPHML_NS, data);
      for (guint k = 0; k < data->len; k++)
        {
          g_autofree char *key = attr (g_ptr_array_index (data, k), "key");
          g_autofree char *text = content (g_ptr_array_index (data, k));

          if (g_strcmp0 (key, "weight") == 0)
            found += atoi (text) == (int)expected->weight;
          else if (g_strcmp0 (key, "kind") == 0)
            found += g_strcmp0 (text, pv_edge_kind_to_string (expected->kind)) == 0;
        }
      g_assert_cmpuint (found, ==, 2);
    }
  xmlFreeDoc (doc);
}

static void
test_export_dot (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_edges = 0;

  pv_export_options_init (&options, PV_EXPORT_DOT);
  options.title = SEED_TITLE;
  bytes = export(graph, &options);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "digraph \"peyvand\" {\n"));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  for (guint i = 0; i < graph->analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (graph->analysis->nodes, i);
      g_autofree char *line = g_strdup_printf ("\n  \"%s\" [label=\"%s\"", node->id, node->label);

      g_assert_nonnull (strstr (text, line));
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\" -> \"") != NULL)
      {
        g_assert_nonnull (strstr (lines[i], "kind=\""));
        g_assert_nonnull (strstr (lines[i], "weight="));
        n_edges++;
      }
  g_assert_cmpuint (n_edges, ==, visible_edges (graph->analysis));
  g_assert_nonnull (strstr (text, "pos=\""));
  g_assert_nonnull (strstr (text, "type=\"country\""));
  g_assert_nonnull (strstr (text, "count="));
}

static void
test_export_dot_escaping (void)
{
  Graph graph;
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  tricky_graph (&graph);
  pv_export_options_init (&options, PV_EXPORT_DOT);
  bytes = export(&graph, &options);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "label=\"Smith & <Co> \\\"Ltd\\\"\""));
  g_assert_nonnull (strstr (text, "label_en=\"Smith \\\\ Co\""));
  g_assert_nonnull (strstr (text, "label=\"two, \\\"quoted\\\" \\nlines\""));
  graph_clear (&graph);
}

/* CSV: a strict RFC 4180 reader */

static GPtrArray *
parse_csv (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gsize i = 0;

  g_assert_cmpuint (length, >=, 2);
  g_assert_true (data[length - 2] == '\r' && data[length - 1] == '\n');
  while (i < length)
    {
      if (data[i] == '"')
        {
          /* a quoted field: up to the lone quote that ends it */
          g_assert_cmpuint (field->len, ==, 0);
          for (i++;; i++)
            {
              g_assert_cmpuint (i, <, length);
              if (data[i] == '"' && i + 1 < length && data[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else if (data[i] == '"')
                break;
              else
                g_string_append_c (field, data[i]);
            }
          i++;
          g_assert_true (i < length && (data[i] == ',' || data[i] == '\r'));
          continue;
        }
      if (data[i] == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          i++;
        }
      else if (data[i] == '\r')
        {
          g_assert_true (i + 1 < length && data[i + 1] == '\n');
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          i += 2;
        }
      else
        {
          /* unquoted fields hold no quote and no line break */
          g_assert_true (data[i] != '\n');
          g_string_append_c (field, data[i]);
          i++;
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *rows, guint row, guint column)
{
  GPtrArray *fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, fields->len);
  return g_ptr_array_index (fields, column);
}

static void
test_export_csv (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  static const char *const header[] = { "source", "target", "source_label", "target_label",
                                        "kind",   "weight", "sentences" };

  pv_export_options_init (&options, PV_EXPORT_CSV);
  bytes = export(graph, &options);
  rows = parse_csv (bytes);
  g_assert_cmpuint (rows->len, ==, visible_edges (graph->analysis) + 1);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (cell (rows, 0, c), ==, header[c]);
  for (guint r = 1; r < rows->len; r++)
    {
      const PvEdge *edge = g_ptr_array_index (graph->analysis->edges, r - 1);
      const PvNode *source = g_ptr_array_index (graph->analysis->nodes, edge->source);
      const PvNode *target = g_ptr_array_index (graph->analysis->nodes, edge->target);
      g_auto (GStrv) sentences = NULL;

      g_assert_cmpuint (((GPtrArray *)g_ptr_array_index (rows, r))->len, ==, 7);
      g_assert_cmpstr (cell (rows, r, 0), ==, source->id);
      g_assert_cmpstr (cell (rows, r, 1), ==, target->id);
      g_assert_cmpstr (cell (rows, r, 2), ==, source->label);
      g_assert_cmpstr (cell (rows, r, 3), ==, target->label);
      g_assert_cmpstr (cell (rows, r, 4), ==, pv_edge_kind_to_string (edge->kind));
      g_assert_cmpint (atoi (cell (rows, r, 5)), ==, edge->weight);
      sentences = g_strsplit (cell (rows, r, 6), " ", -1);
      g_assert_cmpuint (g_strv_length (sentences), ==, edge->sentences->len);
      g_assert_cmpint (atoi (sentences[0]), ==, g_array_index (edge->sentences, guint, 0));
    }
}

static void
test_export_csv_guard (void)
{
  Graph graph;
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  tricky_graph (&graph);
  pv_export_options_init (&options, PV_EXPORT_CSV);
  bytes = export(&graph, &options);
  rows = parse_csv (bytes);
  g_assert_cmpuint (rows->len, ==, 5);
  /* organization:smith-co – topic:formula */
  g_assert_cmpstr (cell (rows, 1, 2), ==, TRICKY_LABEL);
  g_assert_cmpstr (cell (rows, 1, 3), ==, "'" FORMULA_LABEL);
  /* topic:formula – topic:lines: quotes, a comma and a line break */
  g_assert_cmpstr (cell (rows, 3, 2), ==, "'" FORMULA_LABEL);
  g_assert_cmpstr (cell (rows, 3, 3), ==, MULTILINE_LABEL);
  /* person:minus */
  g_assert_cmpstr (cell (rows, 4, 2), ==, "'-1+2");
  g_assert_cmpstr (cell (rows, 4, 5), ==, "2");
  graph_clear (&graph);
}

static void
test_export_json (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) bytes = NULL;
  cJSON *root;

  pv_export_options_init (&options, PV_EXPORT_JSON);
  bytes = export(graph, &options);
  root = cJSON_ParseWithLength (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (root);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (root, "schema")), ==,
                   PV_ANALYSIS_SCHEMA);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (root, "nodes")), ==,
                   graph->analysis->nodes->len);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (root, "edges")), ==,
                   graph->analysis->edges->len);
  cJSON_Delete (root);
}

/* What the drawing hides, the exports leave out: hidden types (from the
 * legend too) and lighter edges. */
static void
test_export_filters (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GBytes) gexf = NULL;
  g_autoptr (GBytes) svg = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (GPtrArray) edges = NULL;
  g_autoptr (GPtrArray) legend = NULL;
  xmlDocPtr doc;
  guint n_edges = 0;

  pv_export_options_init (&options, PV_EXPORT_GEXF);
  options.draw.type_hidden[PV_ENTITY_TOPIC] = TRUE;
  options.draw.min_edge_weight = 2;
  gexf = export(graph, &options);
  doc = parse_xml (gexf);
  nodes = elements (doc, "node", GEXF_NS);
  g_assert_cmpuint (nodes->len, ==,
                    graph->analysis->nodes->len -
                        test_count_type (graph->analysis, PV_ENTITY_TOPIC));
  for (guint i = 0; i < graph->analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (graph->analysis->edges, i);
      const PvNode *source = g_ptr_array_index (graph->analysis->nodes, edge->source);
      const PvNode *target = g_ptr_array_index (graph->analysis->nodes, edge->target);

      n_edges +=
          edge->weight >= 2 && source->type != PV_ENTITY_TOPIC && target->type != PV_ENTITY_TOPIC;
    }
  edges = elements (doc, "edge", GEXF_NS);
  g_assert_cmpuint (edges->len, ==, n_edges);
  xmlFreeDoc (doc);

  options.format = PV_EXPORT_SVG;
  options.svg_text = TRUE;
  options.draw.labels = PV_LABELS_ENGLISH;
  svg = export(graph, &options);
  doc = parse_xml (svg);
  legend = svg_texts (doc, "legend");
  g_assert_cmpuint (legend->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (legend, 0), ==, "Country");
  g_assert_cmpstr (g_ptr_array_index (legend, 3), ==, "Place");
  xmlFreeDoc (doc);
}

/* Writing files: whole or not at all */

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_export_atomic (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autofree char *dir = g_dir_make_tmp ("peyvand-export-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "graph.png", NULL);
  g_autofree char *missing_dir = g_path_get_dirname (missing);
  g_autofree char *path = g_build_filename (dir, "graph.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  pv_export_options_init (&options, PV_EXPORT_PNG);
  options.width = 400;
  options.height = 300;

  /* a missing folder */
  g_assert_false (pv_export_to_file (graph->analysis, graph->layout, &options, missing, &error));
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* a failed export leaves the old file as it was */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  options.dpi = -1;
  g_assert_false (pv_export_to_file (graph->analysis, graph->layout, &options, path, &error));
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* a good one replaces it */
  options.dpi = 96;
  g_assert_true (pv_export_to_file (graph->analysis, graph->layout, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_errors (void)
{
  const Graph *graph = seed_graph ();
  PvExportOptions options;
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  /* an image needs a layout; data does not */
  pv_export_options_init (&options, PV_EXPORT_SVG);
  bytes = pv_export_to_bytes (graph->analysis, NULL, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  options.format = PV_EXPORT_GEXF;
  bytes = pv_export_to_bytes (graph->analysis, NULL, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_bytes_unref (bytes);

  pv_export_options_init (&options, PV_EXPORT_PDF);
  options.width = -5;
  bytes = pv_export_to_bytes (graph->analysis, graph->layout, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  pv_export_options_init (&options, PV_EXPORT_PNG);
  options.width = 40000;
  options.height = 100;
  bytes = pv_export_to_bytes (graph->analysis, graph->layout, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  options.format = (PvExportFormat)42;
  bytes = pv_export_to_bytes (graph->analysis, graph->layout, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT);
}

/* An empty analysis still exports: an empty page, empty tables. */
static void
test_export_empty (void)
{
  g_autoptr (PvAnalysis) analysis = test_analyze ("", NULL);
  g_autoptr (PvLayout) layout = pv_layout_new (analysis, 1);
  Graph graph = { analysis, layout };

  for (PvExportFormat format = PV_EXPORT_PNG; format <= PV_EXPORT_JSON; format++)
    {
      PvExportOptions options;
      g_autoptr (GBytes) bytes = NULL;

      pv_export_options_init (&options, format);
      options.title = "خالی";
      bytes = export(&graph, &options);
      if (format == PV_EXPORT_SVG || format == PV_EXPORT_GEXF || format == PV_EXPORT_GRAPHML)
        xmlFreeDoc (parse_xml (bytes));
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/format-names", test_export_format_names);
  g_test_add_func ("/export/png", test_export_png);
  g_test_add_func ("/export/png-transparent", test_export_png_transparent);
  g_test_add_func ("/export/png-natural", test_export_png_natural);
  g_test_add_func ("/export/png-small", test_export_png_small);
  g_test_add_func ("/export/svg-outlines", test_export_svg_outlines);
  g_test_add_func ("/export/svg-text", test_export_svg_text);
  g_test_add_func ("/export/svg-escaping", test_export_svg_escaping);
  g_test_add_func ("/export/pdf", test_export_pdf);
  g_test_add_func ("/export/gexf", test_export_gexf);
  g_test_add_func ("/export/graphml", test_export_graphml);
  g_test_add_func ("/export/dot", test_export_dot);
  g_test_add_func ("/export/dot-escaping", test_export_dot_escaping);
  g_test_add_func ("/export/csv", test_export_csv);
  g_test_add_func ("/export/csv-guard", test_export_csv_guard);
  g_test_add_func ("/export/json", test_export_json);
  g_test_add_func ("/export/filters", test_export_filters);
  g_test_add_func ("/export/atomic", test_export_atomic);
  g_test_add_func ("/export/errors", test_export_errors);
  g_test_add_func ("/export/empty", test_export_empty);
  status = g_test_run ();
  graph_clear (&seed);
  xmlCleanupParser ();
  /* the font caches go, so that the leak checker reports only real leaks */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return status;
}
