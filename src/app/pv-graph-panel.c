/* pv-graph-panel.c: the graph with its legend, filters, search and the
 * details of what is selected
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-entity-style.h"
#include "pv-graph-panel.h"
#include "pv-inspector.h"
#include "pv-normalize.h"

/* The legend's swatches, in pixels */
#define SWATCH_SIZE 16
/* Mentions in the listed sentences: highlighted like the article's */
#define ROW_MENTION_ALPHA 0.45

/* The legend shows each type as the graph draws its nodes, drawn by the
 * same function: a graph of one node of that type. */
typedef struct
{
  PvAnalysis analysis;
  PvNode node;
  PvLayout *layout;
} LegendSample;

struct _PvGraphPanel
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *box;
  GtkSearchEntry *search_entry;
  GtkSpinButton *weight_spin;
  GtkAdjustment *weight_adjustment;
  PvGraphView *graph_view;
  GtkOverlay *graph_overlay;
  GtkWidget *busy_box;
  GtkSpinner *busy_spinner;
  GtkWidget *empty_page; /* made when first shown */
  GtkRevealer *details_revealer;
  /* the details (pv-graph-details.ui), NULL until first shown */
  GtkWidget *details_box;
  GtkLabel *details_title;
  GtkLabel *details_subtitle;
  GtkWidget *mention_box;
  GtkLabel *mention_position;
  GtkListBox *sentence_list;
  GtkWidget *fit_button;
  GtkWidget *inspector_button;
  GtkFlowBox *legend;
  GtkPaned *inspector_paned;
  PvInspector *inspector;

  GtkToggleButton *type_buttons[PV_N_ENTITY_TYPES];
  LegendSample *legend_samples[PV_N_ENTITY_TYPES];
  GtkLabel *type_labels[PV_N_ENTITY_TYPES];

  const PvAnalysis *analysis;
  /* per node: its names and id as the search compares them */
  GPtrArray *search_keys;
  int search_match;

  /* per row of the sentence list: the sentence, and the mention it leads to */
  GArray *row_sentences;
  GArray *row_mentions;
  int shown_node;
};

G_DEFINE_FINAL_TYPE (PvGraphPanel, pv_graph_panel, GTK_TYPE_WIDGET)

enum
{
  SENTENCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_INSPECTOR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Legend -------------------------------------------------------------------- */

static LegendSample *
legend_sample_new (PvEntityType type)
{
  LegendSample *sample = g_new0 (LegendSample, 1);
  PvMention mention = { 0, 1, 0 };

  sample->node.id = (char *)"legend";
  sample->node.type = type;
  sample->node.label = (char *)"";
  sample->node.mentions = g_array_new (FALSE, TRUE, sizeof (PvMention));
  g_array_append_val (sample->node.mentions, mention);

  sample->analysis.nodes = g_ptr_array_new ();
  g_ptr_array_add (sample->analysis.nodes, &sample->node);
  sample->analysis.edges = g_ptr_array_new ();
  sample->analysis.sentences = g_array_new (FALSE, TRUE, sizeof (PvSpan));
  sample->analysis.language = "fa";
  sample->analysis.rtl = TRUE;
  sample->layout = pv_layout_new (&sample->analysis, PV_LAYOUT_DEFAULT_SEED);

  return sample;
}

static void
legend_sample_free (LegendSample *sample)
{
  pv_layout_free (sample->layout);
  g_ptr_array_unref (sample->analysis.nodes);
  g_ptr_array_unref (sample->analysis.edges);
  g_array_unref (sample->analysis.sentences);
  g_array_unref (sample->node.mentions);
  g_free (sample);
}

static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  LegendSample *sample = user_data;
  PvDrawOptions options;
  double radius, x, y, k;

  pv_draw_options_init (&options);
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.draw_background = FALSE;
  radius = pv_draw_node_radius (&sample->analysis, 0, &options);
  pv_layout_get_position (sample->layout, 0, &x, &y);
  options.offset_x = -x;
  options.offset_y = -y;

  /* the node, outline included, scaled to the swatch */
  k = (MIN (width, height) / 2.0 - 1.5) / MAX (radius, 1);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_scale (cr, k, k);
  pv_draw_graph (cr, &sample->analysis, sample->layout, &options);
}

static void
type_toggled_cb (GtkToggleButton *button, PvGraphPanel *self)
{
  PvEntityType type = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "entity-type"));

  pv_graph_view_set_type_visible (self->graph_view, type, gtk_toggle_button_get_active (button));
}

static void
pv_graph_panel_build_legend (PvGraphPanel *self)
{
  for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (pv_entity_type_get_display_plural (type));

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      self->legend_samples[type] = legend_sample_new (type);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      self->legend_samples[type], NULL);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);

      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "entity-type", GUINT_TO_POINTER (type));
      g_signal_connect (button, "toggled", G_CALLBACK (type_toggled_cb), self);

      gtk_flow_box_append (self->legend, button);
      self->type_buttons[type] = GTK_TOGGLE_BUTTON (button);
      self->type_labels[type] = GTK_LABEL (label);
    }
}

void
pv_graph_panel_set_tooltips (PvGraphPanel *self)
{
  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->search_entry), _ ("Find an Entity (Ctrl+F)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->weight_spin),
                               _ ("Hide the links that fewer sentences than this support"));
  gtk_widget_set_tooltip_text (self->fit_button, _ ("Fit the Graph to the View (Ctrl+Shift+F)"));
  gtk_widget_set_tooltip_text (self->inspector_button,
                               _ ("Show the Inspector: the Entities and Their Metrics (Ctrl+I)"));
  for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_buttons[type]),
                                 _ ("Show or hide this type in the graph"));
}

static void
pv_graph_panel_update_legend (PvGraphPanel *self)
{
  guint counts[PV_N_ENTITY_TYPES] = { 0 };

  if (self->analysis != NULL)
    for (guint i = 0; i < self->analysis->nodes->len; i++)
      {
        const PvNode *node = g_ptr_array_index (self->analysis->nodes, i);

        if ((guint)node->type < PV_N_ENTITY_TYPES)
          counts[node->type]++;
      }

  for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
    {
      g_autofree char *text = NULL;

      if (self->analysis != NULL)
        text = g_strdup_printf (
            /* Translators: a legend button: an entity type, such as
             * "Countries", and how many entities of that type the graph has */
            _ ("%s %u"), pv_entity_type_get_display_plural (type), counts[type]);
      else
        text = g_strdup (pv_entity_type_get_display_plural (type));
      gtk_label_set_text (self->type_labels[type], text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->type_buttons[type]),
                                self->analysis == NULL || counts[type] > 0);
    }
}

static void
weight_changed_cb (GtkAdjustment *adjustment, PvGraphPanel *self)
{
  pv_graph_view_set_min_edge_weight (self->graph_view,
                                     (guint)gtk_adjustment_get_value (adjustment));
}

/* Search -------------------------------------------------------------------- */

static void
pv_graph_panel_build_search_keys (PvGraphPanel *self)
{
  g_ptr_array_set_size (self->search_keys, 0);
  self->search_match = -1;
  if (self->analysis == NULL)
    return;

  for (guint i = 0; i < self->analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (self->analysis->nodes, i);
      g_autofree char *label = pv_normalize_string (node->label);
      g_autofree char *label_en = pv_normalize_string (node->label_en ? node->label_en : "");

      g_ptr_array_add (self->search_keys, g_strjoin ("\n", label, label_en, node->id, NULL));
    }
}

int
pv_graph_panel_find (PvGraphPanel *self, const char *text, int direction)
{
  g_autofree char *query = NULL;
  guint n;

  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), -1);
  g_return_val_if_fail (text != NULL, -1);

  n = self->search_keys->len;
  query = pv_normalize_string (text);
  if (n == 0 || *query == '\0')
    return -1;

  if (direction == 0)
    self->search_match = -1;
  direction = direction < 0 ? -1 : 1;
  for (guint k = 1; k <= n; k++)
    {
      /* from the node after the last one found (the first node first) */
      int start = self->search_match >= 0 ? self->search_match : (direction > 0 ? -1 : 0);
      int i = (((start + direction * (int)k) % (int)n) + (int)n) % (int)n;

      if (strstr (g_ptr_array_index (self->search_keys, i), query) != NULL)
        {
          self->search_match = i;
          pv_graph_view_activate_node (self->graph_view, i);
          pv_graph_view_focus_node (self->graph_view, i);
          return i;
        }
    }

  return -1;
}

static void
pv_graph_panel_search (PvGraphPanel *self, int direction)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean not_found = *text != '\0' && pv_graph_panel_find (self, text, direction) < 0;

  if (not_found)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
search_changed_cb (GtkSearchEntry *entry, PvGraphPanel *self)
{
  /* a new text is looked for from the first (the most mentioned) node */
  pv_graph_panel_search (self, 0);
}

static void
search_next_cb (GtkSearchEntry *entry, PvGraphPanel *self)
{
  pv_graph_panel_search (self, 1);
}

static void
search_previous_cb (GtkSearchEntry *entry, PvGraphPanel *self)
{
  pv_graph_panel_search (self, -1);
}

static void
search_stop_cb (GtkSearchEntry *entry, PvGraphPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

void
pv_graph_panel_focus_search (PvGraphPanel *self)
{
  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Details ------------------------------------------------------------------- */

static void
add_mention_attributes (PangoAttrList *attributes, const char *sentence, const PvSpan *span,
                        const PvNode *node)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA color;

  pv_entity_type_get_rgba (node->type, dark, ROW_MENTION_ALPHA, &color);
  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *m = &g_array_index (node->mentions, PvMention, i);
      const char *start, *end;
      PangoAttribute *attribute;

      if (m->start < span->start || m->end > span->end)
        continue;
      start = g_utf8_offset_to_pointer (sentence, (glong)(m->start - span->start));
      end = g_utf8_offset_to_pointer (sentence, (glong)(m->end - span->start));

      attribute =
          pango_attr_background_new ((guint16)(color.red * 65535), (guint16)(color.green * 65535),
                                     (guint16)(color.blue * 65535));
      attribute->start_index = (guint)(start - sentence);
      attribute->end_index = (guint)(end - sentence);
      pango_attr_list_insert (attributes, attribute);

      attribute = pango_attr_background_alpha_new ((guint16)(color.alpha * 65535));
      attribute->start_index = (guint)(start - sentence);
      attribute->end_index = (guint)(end - sentence);
      pango_attr_list_insert (attributes, attribute);
    }
}

/* A row with the text of sentence `sentence`, the mentions of `a` and `b`
 * (b may be NULL) highlighted. */
static void
pv_graph_panel_add_row (PvGraphPanel *self, guint sentence, int mention, const PvNode *a,
                        const PvNode *b)
{
  const PvAnalysis *analysis = self->analysis;
  const PvSpan *span = &g_array_index (analysis->sentences, PvSpan, sentence);
  const char *text = analysis->document->text;
  const char *start = g_utf8_offset_to_pointer (text, (glong)span->start);
  const char *end = g_utf8_offset_to_pointer (start, (glong)(span->end - span->start));
  g_autofree char *sentence_text = g_strndup (start, (gsize)(end - start));
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();
  GtkWidget *label;

  add_mention_attributes (attributes, sentence_text, span, a);
  if (b != NULL)
    add_mention_attributes (attributes, sentence_text, span, b);

  label = gtk_label_new (sentence_text);
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* the article's direction, whatever the interface's */
  gtk_widget_set_direction (label, analysis->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_widget_add_css_class (label, "sentence");

  gtk_list_box_append (self->sentence_list, label);
  g_array_append_val (self->row_sentences, sentence);
  g_array_append_val (self->row_mentions, mention);
}

static void row_activated_cb (GtkListBox *list, GtkListBoxRow *row, PvGraphPanel *self);

/* The details are not on the first frame: they are built when first shown
 * (pv_graph_panel_show_node(), pv_graph_panel_show_edge()). */
static void
pv_graph_panel_ensure_details (PvGraphPanel *self)
{
  g_autoptr (GtkBuilder) builder = NULL;

  if (self->details_box != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/org/peyvand/Peyvand/pv-graph-details.ui");
  self->details_box = GTK_WIDGET (gtk_builder_get_object (builder, "details_box"));
  self->details_title = GTK_LABEL (gtk_builder_get_object (builder, "details_title"));
  self->details_subtitle = GTK_LABEL (gtk_builder_get_object (builder, "details_subtitle"));
  self->mention_box = GTK_WIDGET (gtk_builder_get_object (builder, "mention_box"));
  self->mention_position = GTK_LABEL (gtk_builder_get_object (builder, "mention_position"));
  self->sentence_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "sentence_list"));
  g_signal_connect (self->sentence_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_revealer_set_child (self->details_revealer, self->details_box);
}

/* The page over the graph that says the article has no entities, made when
 * first shown. */
static void
pv_graph_panel_set_empty_page_visible (PvGraphPanel *self, gboolean visible)
{
  if (self->empty_page == NULL)
    {
      if (!visible)
        return;
      self->empty_page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "edit-find-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _ ("No Entities"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                       _ ("The article mentions no country, person, "
                                          "organization, place or topic that Peyvand knows."));
      gtk_overlay_add_overlay (self->graph_overlay, self->empty_page);
    }
  gtk_widget_set_visible (self->empty_page, visible);
}

static void
pv_graph_panel_clear_rows (PvGraphPanel *self)
{
  GtkWidget *child;

  while (self->sentence_list != NULL &&
         (child = gtk_widget_get_first_child (GTK_WIDGET (self->sentence_list))) != NULL)
    gtk_list_box_remove (self->sentence_list, child);
  g_array_set_size (self->row_sentences, 0);
  g_array_set_size (self->row_mentions, 0);
}

void
pv_graph_panel_clear_details (PvGraphPanel *self)
{
  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  self->shown_node = -1;
  gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
  pv_graph_panel_clear_rows (self);
}

static void
pv_graph_panel_reveal_details (PvGraphPanel *self)
{
  gtk_widget_set_visible (self->details_box, TRUE);
  gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
}

static void
pv_graph_panel_set_title (PvGraphPanel *self, const char *title, const char *subtitle)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", title);

  gtk_label_set_markup (self->details_title, markup);
  gtk_label_set_text (self->details_subtitle, subtitle);
}

void
pv_graph_panel_show_node (PvGraphPanel *self, int node, int mention)
{
  const PvNode *n;
  g_autofree char *subtitle = NULL;
  g_autofree char *position = NULL;
  guint count;
  int selected_row = -1;

  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  if (self->analysis == NULL || node < 0 || (guint)node >= self->analysis->nodes->len)
    {
      pv_graph_panel_clear_details (self);
      return;
    }

  n = g_ptr_array_index (self->analysis->nodes, node);
  count = n->mentions->len;
  pv_graph_panel_ensure_details (self);

  if (self->shown_node != node)
    {
      pv_graph_panel_clear_rows (self);
      self->shown_node = node;

      /* the English name, the type and the count under the Persian name */
      subtitle = g_strdup_printf (
          /* Translators: an entity's type and how often the article names
           * it, such as "Country · 3 mentions" */
          g_dngettext (GETTEXT_PACKAGE, "%s · %u mention", "%s · %u mentions", count),
          pv_entity_type_get_display_name (n->type), count);
      if (n->label_en != NULL)
        {
          g_autofree char *type_and_count = g_steal_pointer (&subtitle);

          subtitle = g_strdup_printf ("%s · %s", n->label_en, type_and_count);
        }
      pv_graph_panel_set_title (self, n->label, subtitle);

      /* a row per sentence that mentions the node, leading to its first
       * mention there */
      for (guint i = 0; i < count; i++)
        {
          const PvMention *m = &g_array_index (n->mentions, PvMention, i);

          if (m->sentence >= self->analysis->sentences->len)
            continue;
          if (self->row_sentences->len > 0 &&
              g_array_index (self->row_sentences, guint, self->row_sentences->len - 1) ==
                  m->sentence)
            continue;
          pv_graph_panel_add_row (self, m->sentence, (int)i, n, NULL);
        }
    }

  gtk_widget_set_visible (self->mention_box, TRUE);
  if (mention >= 0 && (guint)mention < count)
    position = g_strdup_printf (
        /* Translators: the current mention of the selected entity and how
         * many there are, such as "2 of 7" */
        g_dngettext (GETTEXT_PACKAGE, "%d of %u", "%d of %u", count), mention + 1, count);
  else
    position = g_strdup_printf ("%u", count);
  gtk_label_set_text (self->mention_position, position);

  /* the row of the current mention's sentence */
  if (mention >= 0 && (guint)mention < count)
    {
      guint sentence = g_array_index (n->mentions, PvMention, mention).sentence;

      for (guint r = 0; r < self->row_sentences->len; r++)
        if (g_array_index (self->row_sentences, guint, r) == sentence)
          selected_row = (int)r;
    }
  if (selected_row >= 0)
    gtk_list_box_select_row (self->sentence_list,
                             gtk_list_box_get_row_at_index (self->sentence_list, selected_row));
  else
    gtk_list_box_unselect_all (self->sentence_list);

  pv_graph_panel_reveal_details (self);
}

void
pv_graph_panel_show_edge (PvGraphPanel *self, int edge)
{
  const PvEdge *e;
  const PvNode *source, *target;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  if (self->analysis == NULL || edge < 0 || (guint)edge >= self->analysis->edges->len)
    {
      pv_graph_panel_clear_details (self);
      return;
    }

  e = g_ptr_array_index (self->analysis->edges, edge);
  source = g_ptr_array_index (self->analysis->nodes, e->source);
  target = g_ptr_array_index (self->analysis->nodes, e->target);
  pv_graph_panel_ensure_details (self);

  pv_graph_panel_clear_rows (self);
  self->shown_node = -1;
  title = g_strdup_printf ("%s — %s", source->label, target->label);
  subtitle = g_strdup_printf (
      /* Translators: a link's kind and how many sentences support it, such
       * as "leader of · 3 sentences" */
      g_dngettext (GETTEXT_PACKAGE, "%s · %u sentence", "%s · %u sentences", e->sentences->len),
      pv_edge_kind_get_display_name (e->kind), e->sentences->len);
  pv_graph_panel_set_title (self, title, subtitle);
  gtk_widget_set_visible (self->mention_box, FALSE);

  for (guint i = 0; i < e->sentences->len; i++)
    {
      guint sentence = g_array_index (e->sentences, guint, i);

      if (sentence < self->analysis->sentences->len)
        pv_graph_panel_add_row (self, sentence, -1, source, target);
    }

  pv_graph_panel_reveal_details (self);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, PvGraphPanel *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint)index >= self->row_sentences->len)
    return;
  g_signal_emit (self, signals[SENTENCE_ACTIVATED], 0,
                 (int)g_array_index (self->row_sentences, guint, index),
                 g_array_index (self->row_mentions, int, index));
}

int
pv_graph_panel_get_row_sentence (PvGraphPanel *self, guint row)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), -1);

  if (row >= self->row_sentences->len)
    return -1;
  return (int)g_array_index (self->row_sentences, guint, row);
}

guint
pv_graph_panel_get_n_rows (PvGraphPanel *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), 0);

  return self->row_sentences->len;
}

/* The analysis -------------------------------------------------------------- */

void
pv_graph_panel_set_analysis (PvGraphPanel *self, const PvAnalysis *analysis)
{
  guint max_weight = 1;

  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  pv_graph_panel_clear_details (self);
  /* the inspector lets go of the old analysis (and the graph of its colours) first */
  pv_inspector_set_analysis (self->inspector, NULL);
  self->analysis = analysis;

  if (analysis != NULL)
    for (guint i = 0; i < analysis->edges->len; i++)
      max_weight =
          MAX (max_weight, ((const PvEdge *)g_ptr_array_index (analysis->edges, i))->weight);
  gtk_adjustment_set_upper (self->weight_adjustment, max_weight);
  gtk_adjustment_set_value (self->weight_adjustment, 1);

  pv_graph_view_set_analysis (self->graph_view, analysis);
  pv_inspector_set_analysis (self->inspector, analysis);
  pv_graph_panel_update_legend (self);
  pv_graph_panel_build_search_keys (self);
  pv_graph_panel_set_empty_page_visible (self, analysis != NULL && analysis->nodes->len == 0);
}

void
pv_graph_panel_set_busy (PvGraphPanel *self, gboolean busy)
{
  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  gtk_widget_set_visible (self->busy_box, busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  if (busy)
    pv_graph_panel_set_empty_page_visible (self, FALSE);
}

PvGraphView *
pv_graph_panel_get_graph_view (PvGraphPanel *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), NULL);

  return self->graph_view;
}

GtkSearchEntry *
pv_graph_panel_get_search_entry (PvGraphPanel *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), NULL);

  return self->search_entry;
}

GtkListBox *
pv_graph_panel_get_sentence_list (PvGraphPanel *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), NULL);

  pv_graph_panel_ensure_details (self);
  return self->sentence_list;
}

GtkAdjustment *
pv_graph_panel_get_weight_adjustment (PvGraphPanel *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), NULL);

  return self->weight_adjustment;
}

GtkToggleButton *
pv_graph_panel_get_type_button (PvGraphPanel *self, PvEntityType type)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), NULL);
  g_return_val_if_fail ((guint)type < PV_N_ENTITY_TYPES, NULL);

  return self->type_buttons[type];
}

PvInspector *
pv_graph_panel_get_inspector (PvGraphPanel *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), NULL);

  return self->inspector;
}

gboolean
pv_graph_panel_get_inspector_visible (PvGraphPanel *self)
{
  g_return_val_if_fail (PV_IS_GRAPH_PANEL (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->inspector));
}

void
pv_graph_panel_set_inspector_visible (PvGraphPanel *self, gboolean visible)
{
  int height;

  g_return_if_fail (PV_IS_GRAPH_PANEL (self));

  visible = !!visible;
  if (gtk_widget_get_visible (GTK_WIDGET (self->inspector)) == visible)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), visible);
  /* the graph keeps a little more than half */
  height = gtk_widget_get_height (GTK_WIDGET (self->inspector_paned));
  if (visible && height > 0)
    gtk_paned_set_position (self->inspector_paned, height * 11 / 20);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTOR_VISIBLE]);
}

/* Actions ------------------------------------------------------------------- */

static void
fit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_graph_view_fit (PV_GRAPH_PANEL (widget)->graph_view);
}

static void
unselect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_graph_view_activate_node (PV_GRAPH_PANEL (widget)->graph_view, -1);
}

/* GObject ------------------------------------------------------------------- */

static void
pv_graph_panel_dispose (GObject *object)
{
  PvGraphPanel *self = PV_GRAPH_PANEL (object);

  self->analysis = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_GRAPH_PANEL);

  G_OBJECT_CLASS (pv_graph_panel_parent_class)->dispose (object);
}

static void
pv_graph_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PvGraphPanel *self = PV_GRAPH_PANEL (object);

  switch (prop_id)
    {
      case PROP_INSPECTOR_VISIBLE:
        g_value_set_boolean (value, pv_graph_panel_get_inspector_visible (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_graph_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PvGraphPanel *self = PV_GRAPH_PANEL (object);

  switch (prop_id)
    {
      case PROP_INSPECTOR_VISIBLE:
        pv_graph_panel_set_inspector_visible (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_graph_panel_finalize (GObject *object)
{
  PvGraphPanel *self = PV_GRAPH_PANEL (object);

  g_clear_pointer (&self->search_keys, g_ptr_array_unref);
  for (guint type = 0; type < PV_N_ENTITY_TYPES; type++)
    g_clear_pointer (&self->legend_samples[type], legend_sample_free);
  g_clear_pointer (&self->row_sentences, g_array_unref);
  g_clear_pointer (&self->row_mentions, g_array_unref);

  G_OBJECT_CLASS (pv_graph_panel_parent_class)->finalize (object);
}

static void
pv_graph_panel_class_init (PvGraphPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_graph_panel_dispose;
  object_class->finalize = pv_graph_panel_finalize;
  object_class->get_property = pv_graph_panel_get_property;
  object_class->set_property = pv_graph_panel_set_property;

  properties[PROP_INSPECTOR_VISIBLE] =
      g_param_spec_boolean ("inspector-visible", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SENTENCE_ACTIVATED] =
      g_signal_new ("sentence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  g_type_ensure (PV_TYPE_GRAPH_VIEW);
  g_type_ensure (PV_TYPE_INSPECTOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/peyvand/Peyvand/pv-graph-panel.ui");
  /* bound so that gtk_widget_dispose_template() unparents it */
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, box);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, weight_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, graph_view);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, graph_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, busy_box);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, fit_button);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, legend);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, inspector_paned);
  gtk_widget_class_bind_template_child (widget_class, PvGraphPanel, inspector);

  gtk_widget_class_install_action (widget_class, "panel.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "panel.unselect", NULL, unselect_action);
  gtk_widget_class_install_property_action (widget_class, "panel.inspector", "inspector-visible");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "graphpanel");
}

static void
pv_graph_panel_init (PvGraphPanel *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_keys = g_ptr_array_new_with_free_func (g_free);
  self->row_sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_mentions = g_array_new (FALSE, FALSE, sizeof (int));
  self->search_match = -1;
  self->shown_node = -1;

  pv_graph_panel_build_legend (self);
  pv_graph_panel_update_legend (self);

  pv_inspector_set_graph_view (self->inspector, self->graph_view);
  /* Ctrl+I from anywhere in the window */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK),
                        gtk_named_action_new ("panel.inspector")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect (self->weight_adjustment, "value-changed", G_CALLBACK (weight_changed_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_next_cb), self);
  g_signal_connect (self->search_entry, "next-match", G_CALLBACK (search_next_cb), self);
  g_signal_connect (self->search_entry, "previous-match", G_CALLBACK (search_previous_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self);
}

GtkWidget *
pv_graph_panel_new (void)
{
  return g_object_new (PV_TYPE_GRAPH_PANEL, NULL);
}
