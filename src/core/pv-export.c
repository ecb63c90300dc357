/* pv-export.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <pango/pangocairo.h>
#include <zlib.h>

#include "pv-analysis-json.h"
#include "pv-draw-private.h"
#include "pv-export.h"

/* Images: one device unit is a point (1/72 inch) in every format, so that
 * a PNG, an SVG and a PDF of the same physical size are the same picture;
 * a PNG has dpi / 72 pixels per unit. */
#define POINTS_PER_INCH 72.0
#define DEFAULT_DPI 96.0
#define DEFAULT_FONT_SIZE 13.0
/* device units per layout unit when neither a page size nor a scale is
 * given (and for the positions of the data formats) */
#define DEFAULT_SCALE 100.0
/* cairo's image surfaces are at most this wide and high */
#define PNG_MAX_PIXELS 32767

/* The page's furniture, in font sizes */
#define PAGE_MARGIN 2.0
#define PAGE_GAP 1.0
#define TITLE_SIZE 1.5
#define MARKER_RADIUS 0.45
#define MARKER_GAP 0.5
#define LEGEND_SPACING 1.5
#define LEGEND_ROW_GAP 0.5

/* pv_draw_fit's side when only the other one is given */
#define UNBOUNDED 1e7

G_DEFINE_QUARK (pv - export - error - quark, pv_export_error)

static const struct
{
  const char *name;
  PvExportFormat format;
} format_names[] = {
  { "png", PV_EXPORT_PNG },   { "svg", PV_EXPORT_SVG },         { "pdf", PV_EXPORT_PDF },
  { "gexf", PV_EXPORT_GEXF }, { "graphml", PV_EXPORT_GRAPHML }, { "dot", PV_EXPORT_DOT },
  { "gv", PV_EXPORT_DOT },    { "csv", PV_EXPORT_CSV },         { "json", PV_EXPORT_JSON },
};

void
pv_export_options_init (PvExportOptions *options, PvExportFormat format)
{
  g_return_if_fail (options != NULL);

  *options = (PvExportOptions){ 0 };
  options->format = format;
  options->dpi = DEFAULT_DPI;
  options->legend = TRUE;
  pv_draw_options_init (&options->draw);
}

gboolean
pv_export_format_from_name (const char *name, PvExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (name[0] == '.')
    name++;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].name) == 0)
      {
        if (format != NULL)
          *format = format_names[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
pv_export_format_to_string (PvExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  return NULL;
}

gboolean
pv_export_format_is_image (PvExportFormat format)
{
  return format == PV_EXPORT_PNG || format == PV_EXPORT_SVG || format == PV_EXPORT_PDF;
}

/* Common helpers */

static const char *const type_names_fa[PV_N_ENTITY_TYPES] = {
  [PV_ENTITY_COUNTRY] = "کشور", [PV_ENTITY_PERSON] = "شخص",  [PV_ENTITY_ORGANIZATION] = "سازمان",
  [PV_ENTITY_PLACE] = "مکان",   [PV_ENTITY_TOPIC] = "موضوع",
};

static const char *const type_names_en[PV_N_ENTITY_TYPES] = {
  [PV_ENTITY_COUNTRY] = "Country",
  [PV_ENTITY_PERSON] = "Person",
  [PV_ENTITY_ORGANIZATION] = "Organization",
  [PV_ENTITY_PLACE] = "Place",
  [PV_ENTITY_TOPIC] = "Topic",
};

static gboolean
node_visible (const PvNode *node, const PvDrawOptions *draw)
{
  return node->type >= PV_N_ENTITY_TYPES || !draw->type_hidden[node->type];
}

/* The edges that the drawing shows (the data formats export the same). */
static gboolean
edge_visible (const PvAnalysis *analysis, const PvEdge *edge, const PvDrawOptions *draw)
{
  return edge->source < analysis->nodes->len && edge->target < analysis->nodes->len &&
         edge->source != edge->target &&
         node_visible (g_ptr_array_index (analysis->nodes, edge->source), draw) &&
         node_visible (g_ptr_array_index (analysis->nodes, edge->target), draw) &&
         edge->weight >= draw->min_edge_weight;
}

static guint
node_count (const PvNode *node)
{
  return node->mentions != NULL ? node->mentions->len : 0;
}

static void
type_rgb (PvEntityType type, double *rgb)
{
  if (type >= PV_N_ENTITY_TYPES)
    {
      rgb[0] = rgb[1] = rgb[2] = 0.5;
      return;
    }
  pv_entity_type_color (type, FALSE, &rgb[0], &rgb[1], &rgb[2]);
}

static guint
channel (double value)
{
  return (guint)lround (CLAMP (value, 0, 1) * 255);
}

static char *
hex_color (const double *rgb)
{
  return g_strdup_printf ("#%02X%02X%02X", channel (rgb[0]), channel (rgb[1]), channel (rgb[2]));
}

/* A number in the C locale (a Persian locale writes a different decimal
 * separator), without trailing zeros. */
static char *
format_number (char *buffer, double value)
{
  char *end;

  if (fabs (value) < 0.005)
    value = 0;
  g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", value);
  end = buffer + strlen (buffer);
  while (end > buffer && end[-1] == '0')
    *--end = '\0';
  if (end > buffer && end[-1] == '.')
    *--end = '\0';
  return buffer;
}

/* Text that XML may hold: valid UTF-8 without the control characters XML
 * 1.0 forbids (each becomes U+FFFD). */
static char *
xml_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0xFFFE || ch == 0xFFFF)
        g_string_append (out, "\uFFFD");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* Node positions for the data formats: the drawing's device units at the
 * export's scale (y down, as drawn). */
static void
data_position (const PvLayout *layout, const PvExportOptions *options, guint node, double *x,
               double *y)
{
  double scale = options->scale > 0 ? options->scale : DEFAULT_SCALE;

  pv_layout_get_position (layout, node, x, y);
  *x *= scale;
  *y *= scale;
}

/* A label's font: the drawing's */
static const char *
font_family (const PvExportOptions *options)
{
  return options->draw.font_family != NULL ? options->draw.font_family : PV_DRAW_FONT_FAMILY;
}

/* Images: the page */

typedef struct
{
  PvEntityType type;
  PangoLayout *layout;
  double width; /* marker, gap and text */
  guint row;
  double marker_x, marker_y;
  double text_x, text_y; /* the layout's origin */
} LegendEntry;

typedef struct
{
  PvDrawOptions draw; /* scale and offsets fitted to the page */
  double font_size;
  double margin;
  double gap;
  double width; /* the page, device units */
  double height;
  /* content drawn at `zoom` from `shift` (a page too small for the
   * drawing gets it shrunk whole, labels and all) */
  double zoom;
  double shift_x;
  double shift_y;

  PangoLayout *title;
  double title_x, title_y;
  double title_width, title_height;

  gboolean legend_rtl;
  double marker_radius;
  LegendEntry legend[PV_N_ENTITY_TYPES];
  guint n_legend;
  guint legend_rows;
  double row_height;
  double legend_width; /* the widest row */
  double legend_height;
} Page;

static void
page_clear (Page *page)
{
  g_clear_object (&page->title);
  for (guint i = 0; i < page->n_legend; i++)
    g_clear_object (&page->legend[i].layout);
  page->n_legend = 0;
}

static PangoLayout *
text_layout (cairo_t *cr, PangoDirection direction, gboolean auto_dir, const char *family,
             double size, gboolean bold, const char *text)
{
  PangoContext *context = pv_draw_text_context (cr, direction);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  g_object_unref (context);

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_auto_dir (layout, auto_dir);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
logical_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double)PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double)PANGO_SCALE;
}

static void
build_title (Page *page, cairo_t *cr, const PvExportOptions *options)
{
  g_autofree char *text = NULL;

  if (options->title == NULL || *options->title == '\0')
    return;
  text = g_utf8_make_valid (options->title, -1);
  page->title = text_layout (cr, PANGO_DIRECTION_RTL, TRUE, font_family (options),
                             page->font_size * TITLE_SIZE, TRUE, text);
  pango_layout_set_alignment (page->title, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (page->title, PANGO_WRAP_WORD_CHAR);
  logical_size (page->title, &page->title_width, &page->title_height);
}

/* Wraps the title to `width` (-1: one line per paragraph). */
static void
title_wrap (Page *page, double width)
{
  if (page->title == NULL)
    return;
  pango_layout_set_width (page->title, width < 0 ? -1 : (int)(MAX (width, 1) * PANGO_SCALE));
  logical_size (page->title, &page->title_width, &page->title_height);
}

static void
build_legend (Page *page, cairo_t *cr, const PvAnalysis *analysis, const PvExportOptions *options)
{
  gboolean present[PV_N_ENTITY_TYPES] = { FALSE };
  PvLabelLanguage language = options->draw.labels;

  if (!options->legend)
    return;
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      if (node->type < PV_N_ENTITY_TYPES && node_visible (node, &options->draw))
        present[node->type] = TRUE;
    }

  page->legend_rtl = language != PV_LABELS_ENGLISH;
  page->marker_radius = page->font_size * MARKER_RADIUS;
  for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
    {
      LegendEntry *entry;
      g_autofree char *text = NULL;
      double text_width;

      if (!present[type])
        continue;
      if (language == PV_LABELS_ENGLISH)
        text = g_strdup (type_names_en[type]);
      else if (language == PV_LABELS_BOTH)
        text = g_strdup_printf ("%s \u200E(%s)\u200E", type_names_fa[type], type_names_en[type]);
      else
        text = g_strdup (type_names_fa[type]);

      entry = &page->legend[page->n_legend++];
      entry->type = type;
      entry->layout = text_layout (cr, page->legend_rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR,
                                   FALSE, font_family (options), page->font_size, FALSE, text);
      logical_size (entry->layout, &text_width, NULL);
      entry->width = 2 * page->marker_radius + page->font_size * MARKER_GAP + text_width;
    }
}

/* Breaks the legend into rows no wider than `width` (< 0: one row). */
static void
legend_wrap (Page *page, double width)
{
  double spacing = page->font_size * LEGEND_SPACING;
  double row_width = 0;
  guint row = 0;

  page->row_height = 2 * page->marker_radius;
  page->legend_width = 0;
  for (guint i = 0; i < page->n_legend; i++)
    {
      LegendEntry *entry = &page->legend[i];
      double height;

      logical_size (entry->layout, NULL, &height);
      page->row_height = MAX (page->row_height, height);
      if (i > 0 && width >= 0 && row_width + spacing + entry->width > width)
        {
          row++;
          row_width = 0;
        }
      row_width += (row_width > 0 ? spacing : 0) + entry->width;
      entry->row = row;
      page->legend_width = MAX (page->legend_width, row_width);
    }
  page->legend_rows = page->n_legend > 0 ? row + 1 : 0;
  page->legend_height =
      page->legend_rows * page->row_height +
      (page->legend_rows > 1 ? page->legend_rows - 1 : 0) * page->font_size * LEGEND_ROW_GAP;
}

/* Each row centred across the page, its first entry at the side its
 * language reads from; in an entry, the marker first, then its name. */
static void
legend_place (Page *page, double top)
{
  double spacing = page->font_size * LEGEND_SPACING;
  double marker_gap = page->font_size * MARKER_GAP;

  for (guint row = 0; row < page->legend_rows; row++)
    {
      double row_width = 0, cursor;
      double y = top + row * (page->row_height + page->font_size * LEGEND_ROW_GAP);

      for (guint i = 0; i < page->n_legend; i++)
        if (page->legend[i].row == row)
          row_width += (row_width > 0 ? spacing : 0) + page->legend[i].width;
      cursor = page->legend_rtl ? (page->width + row_width) / 2 : (page->width - row_width) / 2;
      for (guint i = 0; i < page->n_legend; i++)
        {
          LegendEntry *entry = &page->legend[i];
          double text_width, text_height;
          double sign = page->legend_rtl ? -1 : 1;

          if (entry->row != row)
            continue;
          logical_size (entry->layout, &text_width, &text_height);
          entry->marker_x = cursor + sign * page->marker_radius;
          entry->marker_y = y + page->row_height / 2;
          if (page->legend_rtl)
            entry->text_x = cursor - 2 * page->marker_radius - marker_gap - text_width;
          else
            entry->text_x = cursor + 2 * page->marker_radius + marker_gap;
          entry->text_y = y + (page->row_height - text_height) / 2;
          cursor += sign * (entry->width + spacing);
        }
    }
}

/* The drawing's extents at `scale` with no offset. */
static void
graph_extents (cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout, Page *page,
               double scale, double *width, double *height, double *x0, double *y0)
{
  double x1, y1;

  page->draw.scale = scale;
  page->draw.offset_x = 0;
  page->draw.offset_y = 0;
  pv_draw_get_extents (cr, analysis, layout, &page->draw, x0, y0, &x1, &y1);
  *width = x1 - *x0;
  *height = y1 - *y0;
}

static double
title_block (const Page *page)
{
  return page->title != NULL ? page->title_height + page->gap : 0;
}

static double
legend_block (const Page *page)
{
  return page->n_legend > 0 ? page->legend_height + page->gap : 0;
}

/* Lays the page out at its natural size, or within `width` × `height`
 * where they are not 0.  FALSE when the content does not fit them. */
static gboolean
page_layout (Page *page, cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
             const PvExportOptions *options, double width, double height)
{
  double scale, graph_width, graph_height, x0, y0;
  double avail_width = width - 2 * page->margin;
  double area_height = 0;
  double top, area_width;

  title_wrap (page, width > 0 ? avail_width : -1);
  legend_wrap (page, width > 0 ? avail_width : -1);
  top = page->margin + title_block (page);
  if (height > 0)
    area_height = height - top - page->margin - legend_block (page);
  if ((width > 0 && avail_width < 1) || (height > 0 && area_height < 1))
    return FALSE;

  if (width > 0 || height > 0)
    {
      pv_draw_fit (cr, analysis, layout, &page->draw, width > 0 ? avail_width : UNBOUNDED,
                   height > 0 ? area_height : UNBOUNDED, 0);
      scale = page->draw.scale;
      if (options->scale > 0)
        scale = MIN (scale, options->scale);
    }
  else
    scale = options->scale > 0 ? options->scale : DEFAULT_SCALE;
  graph_extents (cr, analysis, layout, page, scale, &graph_width, &graph_height, &x0, &y0);
  if ((width > 0 && graph_width > avail_width + 0.5) ||
      (height > 0 && graph_height > area_height + 0.5))
    return FALSE;

  page->width =
      width > 0 ? width
                : MAX (graph_width, MAX (page->title_width, page->legend_width)) + 2 * page->margin;
  page->height = height > 0 ? height : top + graph_height + page->margin + legend_block (page);
  area_width = page->width - 2 * page->margin;
  if (height <= 0)
    area_height = graph_height;

  /* the drawing centred in its area, the title above it, the legend
   * below */
  page->draw.offset_x = page->margin + (area_width - graph_width) / 2 - x0;
  page->draw.offset_y = top + (area_height - graph_height) / 2 - y0;
  title_wrap (page, area_width);
  page->title_x = page->margin;
  page->title_y = page->margin;
  legend_place (page, page->height - page->margin - page->legend_height);
  return TRUE;
}

static void
page_init (Page *page, cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
           const PvExportOptions *options)
{
  *page = (Page){ 0 };
  page->draw = options->draw;
  if (page->draw.font_size <= 0)
    page->draw.font_size = DEFAULT_FONT_SIZE;
  page->font_size = page->draw.font_size;
  page->margin = page->font_size * PAGE_MARGIN;
  page->gap = page->font_size * PAGE_GAP;
  page->zoom = 1;
  build_title (page, cr, options);
  build_legend (page, cr, analysis, options);
}

/* The page of `width` × `height` device units (0: the content's own),
 * shrinking the whole content when it does not fit otherwise. */
static void
page_compose (Page *page, cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
              const PvExportOptions *options, double width, double height)
{
  double natural_width, natural_height;

  page_init (page, cr, analysis, layout, options);
  if (page_layout (page, cr, analysis, layout, options, width, height))
    return;

  /* too small a page for labels of this size: the natural page, shrunk */
  page_layout (page, cr, analysis, layout, options, 0, 0);
  natural_width = page->width;
  natural_height = page->height;
  page->zoom = MIN (width > 0 ? width / natural_width : G_MAXDOUBLE,
                    height > 0 ? height / natural_height : G_MAXDOUBLE);
  page->width = width > 0 ? width : natural_width * page->zoom;
  page->height = height > 0 ? height : natural_height * page->zoom;
  page->shift_x = (page->width - natural_width * page->zoom) / 2;
  page->shift_y = (page->height - natural_height * page->zoom) / 2;
}

/* Images: text as SVG <text> elements */

typedef struct
{
  char *text;
  double x; /* where its anchor goes */
  double baseline;
} SvgLine;

typedef struct
{
  const char *role; /* its class: label, title, legend */
  gboolean rtl;
  int anchor; /* the end at x: -1 left, 0 middle, 1 right */
  double font_size;
  gboolean bold;
  GArray *lines; /* SvgLine */
} SvgText;

static void
svg_line_clear (gpointer data)
{
  SvgLine *line = data;

  g_free (line->text);
}

static void
svg_text_free (gpointer data)
{
  SvgText *text = data;

  g_array_unref (text->lines);
  g_free (text);
}

static SvgText *
svg_text_new (const char *role, gboolean rtl, int anchor, double font_size, gboolean bold)
{
  SvgText *text = g_new0 (SvgText, 1);

  text->role = role;
  text->rtl = rtl;
  text->anchor = anchor;
  text->font_size = font_size;
  text->bold = bold;
  text->lines = g_array_new (FALSE, TRUE, sizeof (SvgLine));
  g_array_set_clear_func (text->lines, svg_line_clear);
  return text;
}

static void
svg_text_add_line (SvgText *text, const char *line_text, double x0, double x1, double baseline)
{
  SvgLine line = { g_strdup (line_text), 0, baseline };

  line.x = text->anchor < 0 ? x0 : text->anchor > 0 ? x1 : (x0 + x1) / 2;
  g_array_append_val (text->lines, line);
}

/* The lines of a Pango layout drawn at (x, y), as one <text>. */
static void
svg_add_layout (GPtrArray *texts, PangoLayout *layout, double x, double y, const char *role,
                int anchor, double font_size, gboolean bold)
{
  const char *all = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  SvgText *text = NULL;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *line_text = g_strndup (all + line->start_index, line->length);
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (text == NULL)
        text =
            svg_text_new (role, line->resolved_dir == PANGO_DIRECTION_RTL, anchor, font_size, bold);
      svg_text_add_line (text, line_text, x + logical.x / (double)PANGO_SCALE,
                         x + (logical.x + logical.width) / (double)PANGO_SCALE,
                         y + pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_ptr_array_add (texts, text);
}

/* The node labels as pv_draw_graph places them: one <text> per label. */
static void
svg_add_labels (GPtrArray *texts, cairo_t *cr, const PvAnalysis *analysis, const PvLayout *layout,
                const PvDrawOptions *draw)
{
  g_autoptr (GArray) lines = pv_draw_get_label_lines (cr, analysis, layout, draw);
  SvgText *text = NULL;
  guint node = G_MAXUINT;

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const PvDrawLabelLine *line = &g_array_index (lines, PvDrawLabelLine, i);

      if (text == NULL || line->node != node)
        {
          text = svg_text_new ("label", line->rtl, line->anchor, draw->font_size, FALSE);
          g_ptr_array_add (texts, text);
          node = line->node;
        }
      svg_text_add_line (text, line->text, line->x0, line->x1, line->baseline);
    }
}

/* A CSS font-family value: names with spaces quoted. */
static char *
css_font_family (const char *family)
{
  g_auto (GStrv) names = g_strsplit (family, ",", -1);
  GString *out = g_string_new (NULL);
  static const char *const generic[] = { "serif",   "sans-serif", "monospace",
                                         "cursive", "fantasy",    "system-ui" };

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean quote;

      if (*name == '\0')
        continue;
      quote = strchr (name, ' ') != NULL && name[0] != '\'' && name[0] != '"' &&
              !g_strv_contains (generic, name);
      if (out->len > 0)
        g_string_append (out, ", ");
      if (quote)
        g_string_append_printf (out, "'%s'", name);
      else
        g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

static void
set_prop_number (xmlNodePtr node, const char *name, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  xmlSetProp (node, BAD_CAST name, BAD_CAST format_number (buffer, value));
}

static const char *
text_anchor (const SvgText *text)
{
  /* an RTL text's start is its right end */
  if (text->anchor == 0)
    return "middle";
  return (text->anchor > 0) == text->rtl ? "start" : "end";
}

/* Adds the texts to cairo's SVG (drawn without them) in a group of their
 * own, after everything else. */
static GBytes *
svg_add_texts (GByteArray *svg, GPtrArray *texts, const cairo_matrix_t *matrix, const char *family,
               const double *ink, GError **error)
{
  xmlDocPtr doc;
  xmlNodePtr root, group;
  xmlChar *out = NULL;
  int out_length = 0;
  g_autofree char *css_family = css_font_family (family);
  g_autofree char *fill = hex_color (ink);
  GBytes *bytes;

  doc = xmlReadMemory ((const char *)svg->data, (int)svg->len, "peyvand.svg", "UTF-8",
                       XML_PARSE_NONET);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE,
                   "cairo wrote an SVG that libxml2 cannot read");
      xmlFreeDoc (doc);
      return NULL;
    }

  group = xmlNewChild (root, NULL, BAD_CAST "g", NULL);
  xmlSetProp (group, BAD_CAST "font-family", BAD_CAST css_family);
  xmlSetProp (group, BAD_CAST "fill", BAD_CAST fill);
  if (matrix->xx != 1 || matrix->yx != 0 || matrix->xy != 0 || matrix->yy != 1 || matrix->x0 != 0 ||
      matrix->y0 != 0)
    {
      char buffers[6][G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *transform = NULL;

      g_ascii_formatd (buffers[0], sizeof buffers[0], "%.6g", matrix->xx);
      g_ascii_formatd (buffers[1], sizeof buffers[1], "%.6g", matrix->yx);
      g_ascii_formatd (buffers[2], sizeof buffers[2], "%.6g", matrix->xy);
      g_ascii_formatd (buffers[3], sizeof buffers[3], "%.6g", matrix->yy);
      g_ascii_formatd (buffers[4], sizeof buffers[4], "%.6g", matrix->x0);
      g_ascii_formatd (buffers[5], sizeof buffers[5], "%.6g", matrix->y0);
      transform = g_strdup_printf ("matrix(%s %s %s %s %s %s)", buffers[0], buffers[1], buffers[2],
                                   buffers[3], buffers[4], buffers[5]);
      xmlSetProp (group, BAD_CAST "transform", BAD_CAST transform);
    }

  for (guint i = 0; i < texts->len; i++)
    {
      const SvgText *text = g_ptr_array_index (texts, i);
      xmlNodePtr element = xmlNewChild (group, NULL, BAD_CAST "text", NULL);

      xmlSetProp (element, BAD_CAST "class", BAD_CAST text->role);
      xmlNodeSetSpacePreserve (element, 1);
      set_prop_number (element, "font-size", text->font_size);
      if (text->bold)
        xmlSetProp (element, BAD_CAST "font-weight", BAD_CAST "bold");
      if (text->rtl)
        {
          xmlSetProp (element, BAD_CAST "direction", BAD_CAST "rtl");
          xmlSetProp (element, BAD_CAST "unicode-bidi", BAD_CAST "embed");
        }
      xmlSetProp (element, BAD_CAST "text-anchor", BAD_CAST text_anchor (text));
      for (guint k = 0; k < text->lines->len; k++)
        {
          const SvgLine *line = &g_array_index (text->lines, SvgLine, k);
          g_autofree char *content = xml_clean (line->text);
          xmlNodePtr target = element;

          if (text->lines->len > 1)
            target = xmlNewChild (element, NULL, BAD_CAST "tspan", NULL);
          set_prop_number (target, "x", line->x);
          set_prop_number (target, "y", line->baseline);
          /* escaped when written */
          xmlNodeAddContent (target, BAD_CAST content);
        }
    }

  xmlDocDumpMemoryEnc (doc, &out, &out_length, "UTF-8");
  xmlFreeDoc (doc);
  if (out == NULL)
    {
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "could not write the SVG");
      return NULL;
    }
  bytes = g_bytes_new (out, out_length);
  xmlFree (out);
  return bytes;
}

/* Images: drawing */

static void
draw_page (cairo_t *cr, const Page *page, const PvAnalysis *analysis, const PvLayout *layout,
           const PvExportOptions *options, GPtrArray *texts, cairo_matrix_t *text_matrix)
{
  PvDrawOptions draw = page->draw;
  double background[3], ink[3];

  pv_draw_theme_colors (draw.dark, background, ink);
  cairo_save (cr);
  if (!options->transparent)
    {
      cairo_set_source_rgb (cr, background[0], background[1], background[2]);
      cairo_paint (cr);
    }
  cairo_translate (cr, page->shift_x, page->shift_y);
  cairo_scale (cr, page->zoom, page->zoom);
  if (text_matrix != NULL)
    cairo_get_matrix (cr, text_matrix);

  /* the same call as the screen's */
  draw.draw_background = FALSE;
  draw.label_text_hidden = texts != NULL;
  pv_draw_graph (cr, analysis, layout, &draw);
  if (texts != NULL)
    svg_add_labels (texts, cr, analysis, layout, &draw);

  cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
  if (page->title != NULL)
    {
      pango_cairo_update_layout (cr, page->title);
      if (texts != NULL)
        svg_add_layout (texts, page->title, page->title_x, page->title_y, "title", 0,
                        page->font_size * TITLE_SIZE, TRUE);
      else
        {
          cairo_move_to (cr, page->title_x, page->title_y);
          pango_cairo_show_layout (cr, page->title);
        }
    }

  for (guint i = 0; i < page->n_legend; i++)
    {
      const LegendEntry *entry = &page->legend[i];

      pv_draw_type_marker (cr, entry->type, entry->marker_x, entry->marker_y, page->marker_radius,
                           draw.dark, page->font_size);
      pango_cairo_update_layout (cr, entry->layout);
      if (texts != NULL)
        svg_add_layout (texts, entry->layout, entry->text_x, entry->text_y, "legend",
                        page->legend_rtl ? 1 : -1, page->font_size, FALSE);
      else
        {
          cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
          cairo_move_to (cr, entry->text_x, entry->text_y);
          pango_cairo_show_layout (cr, entry->layout);
        }
    }
  cairo_restore (cr);
}

static cairo_status_t
write_to_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
cairo_failed (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "cairo: %s",
               cairo_status_to_string (status));
  return TRUE;
}

static void
put_be32 (guint8 *p, guint32 value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

static guint32
get_be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* The PNG with a pHYs chunk (pixels per metre) right after IHDR, in place
 * of any that was there. */
static GBytes *
png_with_dpi (const GByteArray *png, double dpi, GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  GByteArray *out;
  guint8 phys[4 + 4 + 9 + 4];
  guint32 ppm = (guint32)lround (dpi / 0.0254);
  gsize offset = sizeof signature;

  if (png->len < offset + 12 + 13 || memcmp (png->data, signature, sizeof signature) != 0 ||
      memcmp (png->data + offset + 4, "IHDR", 4) != 0)
    {
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "cairo wrote no PNG");
      return NULL;
    }

  put_be32 (phys, 9);
  memcpy (phys + 4, "pHYs", 4);
  put_be32 (phys + 8, ppm);
  put_be32 (phys + 12, ppm);
  phys[16] = 1; /* the unit is the metre */
  put_be32 (phys + 17, (guint32)crc32 (crc32 (0, Z_NULL, 0), phys + 4, 4 + 9));

  out = g_byte_array_sized_new (png->len + sizeof phys);
  g_byte_array_append (out, png->data, sizeof signature);
  while (offset + 12 <= png->len)
    {
      guint32 length = get_be32 (png->data + offset);
      gsize chunk = 12 + (gsize)length;

      if (chunk > png->len - offset)
        break;
      if (memcmp (png->data + offset + 4, "pHYs", 4) != 0)
        g_byte_array_append (out, png->data + offset, chunk);
      if (memcmp (png->data + offset + 4, "IHDR", 4) == 0)
        g_byte_array_append (out, phys, sizeof phys);
      offset += chunk;
    }
  if (offset != png->len)
    {
      g_byte_array_unref (out);
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "cairo wrote a damaged PNG");
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

static gboolean
check_size (double value, const char *what, GError **error)
{
  if (isfinite (value) && value >= 0)
    return TRUE;
  g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT, "invalid %s", what);
  return FALSE;
}

static GBytes *
export_image (const PvAnalysis *analysis, const PvLayout *layout, const PvExportOptions *options,
              GError **error)
{
  PvExportFormat format = options->format;
  double dpi = options->dpi;
  double units = 1; /* device pixels per unit */
  double width = options->width, height = options->height;
  int pixel_width = 0, pixel_height = 0;
  cairo_surface_t *measure, *surface = NULL;
  cairo_t *cr;
  Page page;
  g_autoptr (GByteArray) data = g_byte_array_new ();
  g_autoptr (GPtrArray) texts = NULL;
  cairo_matrix_t text_matrix;
  const char *name = pv_export_format_to_string (format);
  GBytes *bytes = NULL;

  if (layout == NULL || pv_layout_n_nodes (layout) != analysis->nodes->len)
    {
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT,
                   "a %s image needs a layout of the analysis", name);
      return NULL;
    }
  if (!check_size (width, "width", error) || !check_size (height, "height", error) ||
      !check_size (options->scale, "scale", error))
    return NULL;
  if (format == PV_EXPORT_PNG)
    {
      if (!isfinite (dpi) || dpi <= 0)
        {
          g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT, "invalid resolution: %g dpi",
                       dpi);
          return NULL;
        }
      units = dpi / POINTS_PER_INCH;
      if (width > PNG_MAX_PIXELS || height > PNG_MAX_PIXELS)
        {
          g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT,
                       "a PNG is at most %d pixels wide and high", PNG_MAX_PIXELS);
          return NULL;
        }
      pixel_width = (int)lround (width);
      pixel_height = (int)lround (height);
      width = pixel_width / units;
      height = pixel_height / units;
    }

  /* the page is laid out on a surface of the same kind as the image's, so
   * that Pango measures the text as it will draw it */
  measure = format == PV_EXPORT_PNG
                ? cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1)
                : cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (measure);
  cairo_scale (cr, units, units);
  page_compose (&page, cr, analysis, layout, options, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (measure);

  switch (format)
    {
      case PV_EXPORT_PNG:
        if (pixel_width <= 0)
          pixel_width = (int)ceil (page.width * units - 1e-6);
        if (pixel_height <= 0)
          pixel_height = (int)ceil (page.height * units - 1e-6);
        if (pixel_width > PNG_MAX_PIXELS || pixel_height > PNG_MAX_PIXELS)
          {
            g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT,
                         "the drawing needs %d × %d pixels; a PNG is at most %d wide and high "
                         "(lower the scale or the resolution)",
                         pixel_width, pixel_height, PNG_MAX_PIXELS);
            page_clear (&page);
            return NULL;
          }
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (pixel_width, 1),
                                              MAX (pixel_height, 1));
        break;
      case PV_EXPORT_SVG:
        surface =
            cairo_svg_surface_create_for_stream (write_to_array, data, page.width, page.height);
        cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        if (options->svg_text)
          texts = g_ptr_array_new_with_free_func (svg_text_free);
        break;
      case PV_EXPORT_PDF:
        surface =
            cairo_pdf_surface_create_for_stream (write_to_array, data, page.width, page.height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                        "Peyvand " PACKAGE_VERSION);
        if (options->title != NULL && g_utf8_validate (options->title, -1, NULL))
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
        break;
      default:
        g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  cairo_scale (cr, units, units);
  draw_page (cr, &page, analysis, layout, options, texts, &text_matrix);
  page_clear (&page);
  if (cairo_failed (cairo_status (cr), error))
    goto out;
  cairo_destroy (cr);
  cr = NULL;
  if (format == PV_EXPORT_PNG)
    {
      if (cairo_failed (cairo_surface_write_to_png_stream (surface, write_to_array, data), error))
        goto out;
      bytes = png_with_dpi (data, dpi, error);
      goto out;
    }
  cairo_surface_finish (surface);
  if (cairo_failed (cairo_surface_status (surface), error))
    goto out;
  if (texts != NULL)
    {
      double ink[3];

      pv_draw_theme_colors (options->draw.dark, NULL, ink);
      bytes = svg_add_texts (data, texts, &text_matrix, font_family (options), ink, error);
    }
  else
    bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

out:
  if (cr != NULL)
    cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return bytes;
}

/* Data: XML through libxml2's writer, which escapes by construction */

typedef struct
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean failed;
} Xml;

static void
xml_check (Xml *xml, int result)
{
  if (result < 0)
    xml->failed = TRUE;
}

static void
xml_begin (Xml *xml)
{
  xml->buffer = xmlBufferCreate ();
  xml->writer = xml->buffer != NULL ? xmlNewTextWriterMemory (xml->buffer, 0) : NULL;
  xml->failed = xml->writer == NULL;
  if (xml->failed)
    return;
  xml_check (xml, xmlTextWriterSetIndent (xml->writer, 1));
  xml_check (xml, xmlTextWriterSetIndentString (xml->writer, BAD_CAST "  "));
  xml_check (xml, xmlTextWriterStartDocument (xml->writer, "1.0", "UTF-8", NULL));
}

static void
xml_start (Xml *xml, const char *name)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterStartElement (xml->writer, BAD_CAST name));
}

static void
xml_end (Xml *xml)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterEndElement (xml->writer));
}

static void
xml_attr (Xml *xml, const char *name, const char *value)
{
  g_autofree char *clean = NULL;

  if (xml->failed)
    return;
  clean = xml_clean (value);
  xml_check (xml, xmlTextWriterWriteAttribute (xml->writer, BAD_CAST name, BAD_CAST clean));
}

static void
xml_attr_number (Xml *xml, const char *name, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  xml_attr (xml, name, format_number (buffer, value));
}

static void
xml_attr_uint (Xml *xml, const char *name, guint value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%u", value);
  xml_attr (xml, name, buffer);
}

static void
xml_text_element (Xml *xml, const char *name, const char *text)
{
  g_autofree char *clean = NULL;

  if (xml->failed)
    return;
  clean = xml_clean (text);
  xml_check (xml, xmlTextWriterWriteElement (xml->writer, BAD_CAST name, BAD_CAST clean));
}

static GBytes *
xml_finish (Xml *xml, const char *format, GError **error)
{
  GBytes *bytes = NULL;

  if (!xml->failed)
    xml_check (xml, xmlTextWriterEndDocument (xml->writer));
  g_clear_pointer (&xml->writer, xmlFreeTextWriter); /* flushes */
  if (!xml->failed && xml->buffer != NULL)
    bytes = g_bytes_new (xmlBufferContent (xml->buffer), xmlBufferLength (xml->buffer));
  else
    g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "could not write the %s", format);
  g_clear_pointer (&xml->buffer, xmlBufferFree);
  return bytes;
}

static const char *
graph_title (const PvAnalysis *analysis, const PvExportOptions *options)
{
  if (options->title != NULL && *options->title != '\0')
    return options->title;
  return analysis->title;
}

/* GEXF 1.3 for Gephi: the nodes with their attributes, colour, size and
 * position as drawn (y up, as Gephi has it), the edges with their weight
 * and kind.  Every edge is undirected: readers such as networkx refuse a
 * graph that mixes both, and a typed edge's direction is its kind read
 * from source to target. */
static GBytes *
export_gexf (const PvAnalysis *analysis, const PvLayout *layout, const PvExportOptions *options,
             GError **error)
{
  Xml xml;
  guint n_nodes = 0, n_edges = 0;
  static const char *const shapes[PV_N_ENTITY_TYPES] = {
    [PV_ENTITY_COUNTRY] = "disc",   [PV_ENTITY_PERSON] = "square", [PV_ENTITY_ORGANIZATION] = NULL,
    [PV_ENTITY_PLACE] = "triangle", [PV_ENTITY_TOPIC] = "diamond",
  };

  for (guint i = 0; i < analysis->nodes->len; i++)
    n_nodes += node_visible (g_ptr_array_index (analysis->nodes, i), &options->draw);
  for (guint i = 0; i < analysis->edges->len; i++)
    n_edges += edge_visible (analysis, g_ptr_array_index (analysis->edges, i), &options->draw);

  xml_begin (&xml);
  xml_start (&xml, "gexf");
  xml_attr (&xml, "xmlns", "http://gexf.net/1.3");
  xml_attr (&xml, "xmlns:viz", "http://gexf.net/1.3/viz");
  xml_attr (&xml, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xml_attr (&xml, "xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
  xml_attr (&xml, "version", "1.3");

  xml_start (&xml, "meta");
  xml_text_element (&xml, "creator", "Peyvand " PACKAGE_VERSION);
  if (graph_title (analysis, options) != NULL)
    xml_text_element (&xml, "description", graph_title (analysis, options));
  xml_end (&xml);

  xml_start (&xml, "graph");
  xml_attr (&xml, "defaultedgetype", "undirected");
  xml_start (&xml, "attributes");
  xml_attr (&xml, "class", "node");
  {
    static const char *const attributes[][2] = {
      { "label_en", "string" },
      { "type", "string" },
      { "count", "integer" },
    };

    for (guint k = 0; k < G_N_ELEMENTS (attributes); k++)
      {
        xml_start (&xml, "attribute");
        xml_attr (&xml, "id", attributes[k][0]);
        xml_attr (&xml, "title", attributes[k][0]);
        xml_attr (&xml, "type", attributes[k][1]);
        xml_end (&xml);
      }
  }
  xml_end (&xml);

  xml_start (&xml, "nodes");
  xml_attr_uint (&xml, "count", n_nodes);
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      double rgb[3];

      if (!node_visible (node, &options->draw))
        continue;
      xml_start (&xml, "node");
      xml_attr (&xml, "id", node->id);
      xml_attr (&xml, "label", node->label != NULL ? node->label : node->id);
      xml_start (&xml, "attvalues");
      if (node->label_en != NULL)
        {
          xml_start (&xml, "attvalue");
          xml_attr (&xml, "for", "label_en");
          xml_attr (&xml, "value", node->label_en);
          xml_end (&xml);
        }
      xml_start (&xml, "attvalue");
      xml_attr (&xml, "for", "type");
      xml_attr (&xml, "value", pv_entity_type_to_string (node->type));
      xml_end (&xml);
      xml_start (&xml, "attvalue");
      xml_attr (&xml, "for", "count");
      xml_attr_uint (&xml, "value", node_count (node));
      xml_end (&xml);
      xml_end (&xml);

      type_rgb (node->type, rgb);
      xml_start (&xml, "viz:color");
      xml_attr_uint (&xml, "r", channel (rgb[0]));
      xml_attr_uint (&xml, "g", channel (rgb[1]));
      xml_attr_uint (&xml, "b", channel (rgb[2]));
      xml_end (&xml);
      xml_start (&xml, "viz:size");
      xml_attr_number (&xml, "value", pv_draw_node_radius (analysis, i, &options->draw));
      xml_end (&xml);
      if (layout != NULL)
        {
          double x, y;

          data_position (layout, options, i, &x, &y);
          xml_start (&xml, "viz:position");
          xml_attr_number (&xml, "x", x);
          xml_attr_number (&xml, "y", -y);
          xml_attr_number (&xml, "z", 0);
          xml_end (&xml);
        }
      if (node->type < PV_N_ENTITY_TYPES && shapes[node->type] != NULL)
        {
          xml_start (&xml, "viz:shape");
          xml_attr (&xml, "value", shapes[node->type]);
          xml_end (&xml);
        }
      xml_end (&xml);
    }
  xml_end (&xml);

  xml_start (&xml, "edges");
  xml_attr_uint (&xml, "count", n_edges);
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      const PvNode *source, *target;
      g_autofree char *id = NULL;

      if (!edge_visible (analysis, edge, &options->draw))
        continue;
      source = g_ptr_array_index (analysis->nodes, edge->source);
      target = g_ptr_array_index (analysis->nodes, edge->target);
      id = g_strdup_printf ("e%u", i);
      xml_start (&xml, "edge");
      xml_attr (&xml, "id", id);
      xml_attr (&xml, "source", source->id);
      xml_attr (&xml, "target", target->id);
      xml_attr_uint (&xml, "weight", edge->weight);
      xml_attr (&xml, "kind", pv_edge_kind_to_string (edge->kind));
      xml_attr (&xml, "label", pv_edge_kind_to_string (edge->kind));
      xml_end (&xml);
    }
  xml_end (&xml);

  xml_end (&xml); /* graph */
  xml_end (&xml); /* gexf */
  return xml_finish (&xml, "GEXF", error);
}

static void
graphml_key (Xml *xml, const char *id, const char *domain, const char *type)
{
  xml_start (xml, "key");
  xml_attr (xml, "id", id);
  xml_attr (xml, "for", domain);
  xml_attr (xml, "attr.name", id);
  xml_attr (xml, "attr.type", type);
  xml_end (xml);
}

static void
graphml_data (Xml *xml, const char *key, const char *value)
{
  g_autofree char *clean = NULL;

  xml_start (xml, "data");
  xml_attr (xml, "key", key);
  if (!xml->failed)
    {
      clean = xml_clean (value);
      xml_check (xml, xmlTextWriterWriteString (xml->writer, BAD_CAST clean));
    }
  xml_end (xml);
}

/* GraphML (Cytoscape, yEd, networkx): keys for every attribute; positions
 * as drawn (y down); undirected edges, as in GEXF. */
static GBytes *
export_graphml (const PvAnalysis *analysis, const PvLayout *layout, const PvExportOptions *options,
                GError **error)
{
  Xml xml;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  xml_begin (&xml);
  xml_start (&xml, "graphml");
  xml_attr (&xml, "xmlns", "http://graphml.graphdrawing.org/xmlns");
  xml_attr (&xml, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xml_attr (&xml, "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  graphml_key (&xml, "label", "node", "string");
  graphml_key (&xml, "label_en", "node", "string");
  graphml_key (&xml, "type", "node", "string");
  graphml_key (&xml, "count", "node", "int");
  graphml_key (&xml, "color", "node", "string");
  graphml_key (&xml, "size", "node", "double");
  if (layout != NULL)
    {
      graphml_key (&xml, "x", "node", "double");
      graphml_key (&xml, "y", "node", "double");
    }
  graphml_key (&xml, "weight", "edge", "int");
  graphml_key (&xml, "kind", "edge", "string");

  xml_start (&xml, "graph");
  xml_attr (&xml, "id", "peyvand");
  xml_attr (&xml, "edgedefault", "undirected");
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      g_autofree char *color = NULL;
      double rgb[3];

      if (!node_visible (node, &options->draw))
        continue;
      type_rgb (node->type, rgb);
      color = hex_color (rgb);
      xml_start (&xml, "node");
      xml_attr (&xml, "id", node->id);
      graphml_data (&xml, "label", node->label != NULL ? node->label : node->id);
      if (node->label_en != NULL)
        graphml_data (&xml, "label_en", node->label_en);
      graphml_data (&xml, "type", pv_entity_type_to_string (node->type));
      g_snprintf (buffer, sizeof buffer, "%u", node_count (node));
      graphml_data (&xml, "count", buffer);
      graphml_data (&xml, "color", color);
      graphml_data (&xml, "size",
                    format_number (buffer, pv_draw_node_radius (analysis, i, &options->draw)));
      if (layout != NULL)
        {
          double x, y;

          data_position (layout, options, i, &x, &y);
          graphml_data (&xml, "x", format_number (buffer, x));
          graphml_data (&xml, "y", format_number (buffer, y));
        }
      xml_end (&xml);
    }
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      g_autofree char *id = NULL;

      if (!edge_visible (analysis, edge, &options->draw))
        continue;
      id = g_strdup_printf ("e%u", i);
      xml_start (&xml, "edge");
      xml_attr (&xml, "id", id);
      xml_attr (&xml, "source",
                ((const PvNode *)g_ptr_array_index (analysis->nodes, edge->source))->id);
      xml_attr (&xml, "target",
                ((const PvNode *)g_ptr_array_index (analysis->nodes, edge->target))->id);
      g_snprintf (buffer, sizeof buffer, "%u", edge->weight);
      graphml_data (&xml, "weight", buffer);
      graphml_data (&xml, "kind", pv_edge_kind_to_string (edge->kind));
      xml_end (&xml);
    }
  xml_end (&xml); /* graph */
  xml_end (&xml); /* graphml */
  return xml_finish (&xml, "GraphML", error);
}

/* Data: DOT */

/* A DOT double-quoted string: quotes and backslashes escaped, a line
 * break as \n (a centred line in a Graphviz label). */
static void
dot_string (GString *out, const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r' || (guchar)*p < 0x20)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
dot_attr (GString *out, gboolean *first, const char *name, const char *value)
{
  g_string_append (out, *first ? " [" : ", ");
  *first = FALSE;
  g_string_append_printf (out, "%s=", name);
  dot_string (out, value);
}

/* Graphviz DOT: a digraph whose co-mentions have no direction; the node
 * attributes label, label_en, type, count, and the drawing's shape,
 * colour and position in points (y up: `neato -n2` draws the same
 * picture). */
static GBytes *
export_dot (const PvAnalysis *analysis, const PvLayout *layout, const PvExportOptions *options,
            GError **error)
{
  static const char *const shapes[PV_N_ENTITY_TYPES] = {
    [PV_ENTITY_COUNTRY] = "circle",       [PV_ENTITY_PERSON] = "square",
    [PV_ENTITY_ORGANIZATION] = "hexagon", [PV_ENTITY_PLACE] = "triangle",
    [PV_ENTITY_TOPIC] = "diamond",
  };
  static const char *const styles[] = {
    [PV_EDGE_CO_MENTION] = "solid",   [PV_EDGE_LEADER_OF] = "solid",
    [PV_EDGE_OFFICIAL_OF] = "dotted", [PV_EDGE_LOCATED_IN] = "dashed",
    [PV_EDGE_MEMBER_OF] = "dashed",
  };
  GString *out = g_string_new (NULL);
  const char *title = graph_title (analysis, options);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE], other[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "// Peyvand " PACKAGE_VERSION
                        ": positions in points, draw them with neato -n2\n");
  g_string_append (out, "digraph \"peyvand\" {\n");
  if (title != NULL)
    {
      gboolean first = TRUE;

      g_string_append (out, "  graph");
      dot_attr (out, &first, "label", title);
      dot_attr (out, &first, "labelloc", "t");
      dot_attr (out, &first, "fontname", font_family (options));
      g_string_append (out, "];\n");
    }
  g_string_append (out, "  node [style=\"filled\", fontname=");
  dot_string (out, font_family (options));
  g_string_append (out, "];\n");

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      g_autofree char *color = NULL;
      double rgb[3];
      gboolean first = TRUE;

      if (!node_visible (node, &options->draw))
        continue;
      type_rgb (node->type, rgb);
      color = hex_color (rgb);
      g_string_append (out, "  ");
      dot_string (out, node->id);
      dot_attr (out, &first, "label", node->label != NULL ? node->label : node->id);
      if (node->label_en != NULL)
        dot_attr (out, &first, "label_en", node->label_en);
      dot_attr (out, &first, "type", pv_entity_type_to_string (node->type));
      g_string_append_printf (out, ", count=%u", node_count (node));
      if (node->type < PV_N_ENTITY_TYPES)
        dot_attr (out, &first, "shape", shapes[node->type]);
      dot_attr (out, &first, "fillcolor", color);
      if (layout != NULL)
        {
          double x, y;
          g_autofree char *pos = NULL;

          data_position (layout, options, i, &x, &y);
          pos = g_strdup_printf ("%s,%s", format_number (buffer, x), format_number (other, -y));
          dot_attr (out, &first, "pos", pos);
        }
      g_string_append (out, "];\n");
    }

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      gboolean first = TRUE;

      if (!edge_visible (analysis, edge, &options->draw))
        continue;
      g_string_append (out, "  ");
      dot_string (out, ((const PvNode *)g_ptr_array_index (analysis->nodes, edge->source))->id);
      g_string_append (out, " -> ");
      dot_string (out, ((const PvNode *)g_ptr_array_index (analysis->nodes, edge->target))->id);
      dot_attr (out, &first, "kind", pv_edge_kind_to_string (edge->kind));
      g_string_append_printf (out, ", weight=%u", edge->weight);
      if (edge->kind < G_N_ELEMENTS (styles))
        dot_attr (out, &first, "style", styles[edge->kind]);
      if (edge->kind == PV_EDGE_CO_MENTION)
        dot_attr (out, &first, "dir", "none");
      g_string_append (out, "];\n");
    }
  g_string_append (out, "}\n");
  return g_string_free_to_bytes (out);
}

/* Data: CSV */

/* One RFC 4180 field.  A text that a spreadsheet would read as a formula
 * (starting with =, +, -, @, a tab or a carriage return: OWASP's list)
 * gets a leading apostrophe; a field holding a comma, a quote or a line
 * break is quoted, its quotes doubled. */
static void
csv_field (GString *out, const char *value, gboolean last)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);
  g_autofree char *guarded = NULL;
  const char *text = valid;

  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    text = guarded = g_strconcat ("'", valid, NULL);
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

/* CSV (RFC 4180, UTF-8 without a byte-order mark, CRLF line ends): the
 * edge table that the drawing shows, one edge a row, with the header
 *   source,target,source_label,target_label,kind,weight,sentences
 * source and target are node ids, the labels Persian (label_en where no
 * Persian label exists), kind as in the analysis JSON, weight the number
 * of sentences, sentences their indexes (from 0, as in the JSON)
 * separated by spaces.  Gephi takes it as an edge list as it is. */
static GBytes *
export_csv (const PvAnalysis *analysis, const PvExportOptions *options)
{
  GString *out = g_string_new ("source,target,source_label,target_label,kind,weight,sentences\r\n");

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      const PvNode *source, *target;
      g_autofree char *weight = NULL;
      g_autoptr (GString) sentences = g_string_new (NULL);

      if (!edge_visible (analysis, edge, &options->draw))
        continue;
      source = g_ptr_array_index (analysis->nodes, edge->source);
      target = g_ptr_array_index (analysis->nodes, edge->target);
      weight = g_strdup_printf ("%u", edge->weight);
      for (guint k = 0; edge->sentences != NULL && k < edge->sentences->len; k++)
        g_string_append_printf (sentences, "%s%u", k > 0 ? " " : "",
                                g_array_index (edge->sentences, guint, k));
      csv_field (out, source->id, FALSE);
      csv_field (out, target->id, FALSE);
      csv_field (out, source->label != NULL ? source->label : source->label_en, FALSE);
      csv_field (out, target->label != NULL ? target->label : target->label_en, FALSE);
      csv_field (out, pv_edge_kind_to_string (edge->kind), FALSE);
      csv_field (out, weight, FALSE);
      csv_field (out, sentences->str, TRUE);
    }
  return g_string_free_to_bytes (out);
}

static GBytes *
export_json (const PvAnalysis *analysis, GError **error)
{
  char *json = pv_analysis_to_json (analysis);

  if (json == NULL)
    {
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "could not write the JSON");
      return NULL;
    }
  return g_bytes_new_take (json, strlen (json));
}

GBytes *
pv_export_to_bytes (const PvAnalysis *analysis, const PvLayout *layout,
                    const PvExportOptions *options, GError **error)
{
  g_return_val_if_fail (analysis != NULL && analysis->nodes != NULL && analysis->edges != NULL,
                        NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (layout != NULL && pv_layout_n_nodes (layout) != analysis->nodes->len)
    {
      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT,
                   "the layout is not the analysis's (%u nodes, not %u)",
                   pv_layout_n_nodes (layout), analysis->nodes->len);
      return NULL;
    }

  switch (options->format)
    {
      case PV_EXPORT_PNG:
      case PV_EXPORT_SVG:
      case PV_EXPORT_PDF:
        return export_image (analysis, layout, options, error);
      case PV_EXPORT_GEXF:
        return export_gexf (analysis, layout, options, error);
      case PV_EXPORT_GRAPHML:
        return export_graphml (analysis, layout, options, error);
      case PV_EXPORT_DOT:
        return export_dot (analysis, layout, options, error);
      case PV_EXPORT_CSV:
        return export_csv (analysis, options);
      case PV_EXPORT_JSON:
        return export_json (analysis, error);
      default:
        g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_FORMAT, "unknown export format %d",
                     (int)options->format);
        return NULL;
    }
}

gboolean
pv_export_to_file (const PvAnalysis *analysis, const PvLayout *layout,
                   const PvExportOptions *options, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the whole export in memory first: nothing is written unless it
   * succeeded, then a temporary file beside `path`, synced and renamed */
  bytes = pv_export_to_bytes (analysis, layout, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE, "%s: %s", display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
