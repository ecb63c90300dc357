/* pv-article-view.c: the article's text, with its entity mentions highlighted
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "pv-article-view.h"
#include "pv-entity-style.h"

/* Page furniture (related links, copyright lines) is drawn in the text colour
 * at this opacity. */
#define FURNITURE_ALPHA 0.55
/* Mentions are highlighted in their type's colour at this opacity, and the
 * selected node's mentions more strongly; the text stays readable on light
 * and dark themes alike. */
#define MENTION_ALPHA 0.32
#define MENTION_ALPHA_DARK 0.45
#define SELECTED_ALPHA 0.9
/* Where a mention scrolled to lands: this far down the view. */
#define SCROLL_YALIGN 0.3

struct _PvArticleView
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkTextView *text_view;

  GtkTextTag *sentence_tag;
  GtkTextTag *entity_tags[PV_N_ENTITY_TYPES];
  GtkTextTag *furniture_tag;
  GtkTextTag *selection_tag;
  GtkTextTag *current_tag;
  GtkTextMark *scroll_mark;
  guint update_colors_source;

  const PvAnalysis *analysis;
  int selected_node;
  int current_mention;
  int shown_sentence;

  double font_size;
  GtkCssProvider *font_provider;
};

G_DEFINE_FINAL_TYPE (PvArticleView, pv_article_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FONT_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  MENTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const entity_tag_names[PV_N_ENTITY_TYPES] = {
  [PV_ENTITY_COUNTRY] = "entity-country",
  [PV_ENTITY_PERSON] = "entity-person",
  [PV_ENTITY_ORGANIZATION] = "entity-organization",
  [PV_ENTITY_PLACE] = "entity-place",
  [PV_ENTITY_TOPIC] = "entity-topic",
};

static gboolean
pv_article_view_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The highlights take the graph's palette (pv_entity_type_color), so that a
 * type has one colour everywhere. */
static void
pv_article_view_update_entity_colors (PvArticleView *self)
{
  gboolean dark = pv_article_view_is_dark ();
  GdkRGBA color;

  for (guint i = 0; i < PV_N_ENTITY_TYPES; i++)
    {
      pv_entity_type_get_rgba (i, dark, dark ? MENTION_ALPHA_DARK : MENTION_ALPHA, &color);
      g_object_set (self->entity_tags[i], "background-rgba", &color, NULL);
    }

  color = (GdkRGBA){ 0.5f, 0.5f, 0.5f, dark ? 0.3f : 0.2f };
  g_object_set (self->sentence_tag, "background-rgba", &color, NULL);

  if (self->analysis != NULL && self->selected_node >= 0)
    {
      const PvNode *node = g_ptr_array_index (self->analysis->nodes, self->selected_node);

      GdkRGBA text;
      double luminance;

      pv_entity_type_get_rgba (node->type, dark, SELECTED_ALPHA, &color);
      /* dark text on the light colours, light text on the dark ones */
      luminance = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
      text = luminance > 0.5 ? (GdkRGBA){ 0.1f, 0.1f, 0.1f, 1 } : (GdkRGBA){ 1, 1, 1, 1 };
      g_object_set (self->selection_tag, "background-rgba", &color, "foreground-rgba", &text, NULL);
    }
}

static void
pv_article_view_update_furniture_color (PvArticleView *self)
{
  GtkStyleContext *context;
  GdkRGBA color;
  GdkRGBA *current = NULL;

  context = gtk_widget_get_style_context (GTK_WIDGET (self->text_view));
  gtk_style_context_get_color (context, &color);
  color.alpha *= FURNITURE_ALPHA;

  g_object_get (self->furniture_tag, "foreground-rgba", &current, NULL);
  if (current == NULL || !gdk_rgba_equal (current, &color))
    g_object_set (self->furniture_tag, "foreground-rgba", &color, NULL);
  g_clear_pointer (&current, gdk_rgba_free);
}

static gboolean
update_colors_cb (gpointer user_data)
{
  PvArticleView *self = user_data;

  self->update_colors_source = 0;
  pv_article_view_update_furniture_color (self);
  pv_article_view_update_entity_colors (self);

  return G_SOURCE_REMOVE;
}

static void
pv_article_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  PvArticleView *self = PV_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (pv_article_view_parent_class)->css_changed (widget, change);

  /* The text view's own style is brought up to date after ours: read its
   * colour once the whole tree has been restyled. */
  if (self->update_colors_source == 0)
    self->update_colors_source = g_idle_add (update_colors_cb, self);
}

static void
dark_changed_cb (AdwStyleManager *style_manager, GParamSpec *pspec, PvArticleView *self)
{
  pv_article_view_update_entity_colors (self);
}

/* Mentions and clicks --------------------------------------------------------- */

static const PvMention *
pv_article_view_get_mention (PvArticleView *self, int node, guint mention)
{
  const PvNode *n;

  if (self->analysis == NULL || node < 0 || (guint)node >= self->analysis->nodes->len)
    return NULL;
  n = g_ptr_array_index (self->analysis->nodes, node);
  if (mention >= n->mentions->len)
    return NULL;
  return &g_array_index (n->mentions, PvMention, mention);
}

static gboolean
pv_article_view_offset_at (PvArticleView *self, double x, double y, gsize *offset)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int)x, (int)y,
                                         &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  *offset = (gsize)gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static int
pv_article_view_node_at_point (PvArticleView *self, double x, double y)
{
  gsize offset;

  if (self->analysis == NULL || !pv_article_view_offset_at (self, x, y, &offset))
    return -1;
  return pv_analysis_node_at (self->analysis, offset);
}

static void
click_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, PvArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize offset;

  /* A press that selected text is not a click on a mention. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;
  if (pv_article_view_offset_at (self, x, y, &offset))
    pv_article_view_activate_offset (self, offset);
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, PvArticleView *self)
{
  if (pv_article_view_node_at_point (self, x, y) >= 0)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), "pointer");
  else
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), "text");
}

int
pv_article_view_activate_offset (PvArticleView *self, gsize offset)
{
  const PvNode *node;
  int index;

  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), -1);

  if (self->analysis == NULL)
    return -1;
  index = pv_analysis_node_at (self->analysis, offset);
  if (index < 0)
    return -1;

  node = g_ptr_array_index (self->analysis->nodes, index);
  for (guint i = 0; i < node->mentions->len; i++)
    {
      const PvMention *m = &g_array_index (node->mentions, PvMention, i);

      if (m->start <= offset && offset < m->end)
        {
          g_signal_emit (self, signals[MENTION_ACTIVATED], 0, index, i);
          return index;
        }
    }

  return -1;
}

/* Scrolling ------------------------------------------------------------------ */

/* Brings [start, end) into view unless it is well inside it already. */
static void
pv_article_view_scroll_to_range (PvArticleView *self, gsize start, gsize end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  GdkRectangle visible, location;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int)start);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)) && visible.height > 0 &&
      location.y >= visible.y + visible.height / 10 &&
      location.y + location.height <= visible.y + visible.height * 9 / 10)
    return;

  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, SCROLL_YALIGN);
}

/* Selection ------------------------------------------------------------------ */

static void
pv_article_view_remove_tag (PvArticleView *self, GtkTextTag *tag)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

static void
pv_article_view_apply_tag (PvArticleView *self, GtkTextTag *tag, gsize start, gsize end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize length = (gsize)gtk_text_buffer_get_char_count (buffer);
  GtkTextIter start_iter, end_iter;

  if (start >= end || end > length)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, (int)start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, (int)end);
  gtk_text_buffer_apply_tag (buffer, tag, &start_iter, &end_iter);
}

static void
pv_article_view_set_current (PvArticleView *self, guint mention, gboolean scroll)
{
  const PvMention *m = pv_article_view_get_mention (self, self->selected_node, mention);

  pv_article_view_remove_tag (self, self->current_tag);
  if (m == NULL)
    {
      self->current_mention = -1;
      return;
    }

  self->current_mention = (int)mention;
  pv_article_view_apply_tag (self, self->current_tag, m->start, m->end);
  if (scroll)
    pv_article_view_scroll_to_range (self, m->start, m->end);
}

void
pv_article_view_select_node (PvArticleView *self, int node, guint mention, gboolean scroll)
{
  const PvNode *n;

  g_return_if_fail (PV_IS_ARTICLE_VIEW (self));

  pv_article_view_remove_tag (self, self->selection_tag);
  pv_article_view_remove_tag (self, self->current_tag);
  self->selected_node = -1;
  self->current_mention = -1;

  if (self->analysis == NULL || node < 0 || (guint)node >= self->analysis->nodes->len)
    return;

  self->selected_node = node;
  n = g_ptr_array_index (self->analysis->nodes, node);
  pv_article_view_update_entity_colors (self);
  for (guint i = 0; i < n->mentions->len; i++)
    {
      const PvMention *m = &g_array_index (n->mentions, PvMention, i);

      pv_article_view_apply_tag (self, self->selection_tag, m->start, m->end);
    }
  pv_article_view_set_current (self, mention, scroll);
}

int
pv_article_view_get_selected_node (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), -1);

  return self->selected_node;
}

int
pv_article_view_get_current_mention (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), -1);

  return self->current_mention;
}

gboolean
pv_article_view_step_mention (PvArticleView *self, int delta)
{
  const PvNode *node;
  int n;

  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), FALSE);

  if (self->analysis == NULL || self->selected_node < 0)
    return FALSE;

  node = g_ptr_array_index (self->analysis->nodes, self->selected_node);
  n = (int)node->mentions->len;
  if (n == 0)
    return FALSE;

  pv_article_view_set_current (self, (guint)(((self->current_mention + delta) % n + n) % n), TRUE);
  return TRUE;
}

void
pv_article_view_show_sentence (PvArticleView *self, int sentence)
{
  const PvSpan *span;

  g_return_if_fail (PV_IS_ARTICLE_VIEW (self));

  pv_article_view_remove_tag (self, self->sentence_tag);
  self->shown_sentence = -1;
  if (self->analysis == NULL || sentence < 0 || (guint)sentence >= self->analysis->sentences->len)
    return;

  self->shown_sentence = sentence;
  span = &g_array_index (self->analysis->sentences, PvSpan, sentence);
  pv_article_view_apply_tag (self, self->sentence_tag, span->start, span->end);
  pv_article_view_scroll_to_range (self, span->start, span->end);
}

int
pv_article_view_get_shown_sentence (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), -1);

  return self->shown_sentence;
}

/* Text size ------------------------------------------------------------------ */

double
pv_article_view_get_font_size (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), PV_ARTICLE_VIEW_DEFAULT_FONT_SIZE);

  return self->font_size;
}

void
pv_article_view_set_font_size (PvArticleView *self, double points)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  g_return_if_fail (PV_IS_ARTICLE_VIEW (self));

  points = CLAMP (round (points), PV_ARTICLE_VIEW_MIN_FONT_SIZE, PV_ARTICLE_VIEW_MAX_FONT_SIZE);
  if (points == self->font_size)
    return;

  self->font_size = points;
  /* not the locale's decimal separator: CSS wants a point */
  g_ascii_formatd (number, sizeof number, "%.1f", points);
  css = g_strdup_printf ("textview.article { font-size: %spt; }", number);
  gtk_css_provider_load_from_data (self->font_provider, css, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

/* GObject -------------------------------------------------------------------- */

static void
pv_article_view_dispose (GObject *object)
{
  PvArticleView *self = PV_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->update_colors_source, g_source_remove);
  self->analysis = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_ARTICLE_VIEW);

  G_OBJECT_CLASS (pv_article_view_parent_class)->dispose (object);
}

static void
pv_article_view_finalize (GObject *object)
{
  PvArticleView *self = PV_ARTICLE_VIEW (object);

  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (pv_article_view_parent_class)->finalize (object);
}

static void
pv_article_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PvArticleView *self = PV_ARTICLE_VIEW (object);

  switch (prop_id)
    {
      case PROP_FONT_SIZE:
        g_value_set_double (value, self->font_size);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_article_view_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  PvArticleView *self = PV_ARTICLE_VIEW (object);

  switch (prop_id)
    {
      case PROP_FONT_SIZE:
        pv_article_view_set_font_size (self, g_value_get_double (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_article_view_class_init (PvArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_article_view_dispose;
  object_class->finalize = pv_article_view_finalize;
  object_class->get_property = pv_article_view_get_property;
  object_class->set_property = pv_article_view_set_property;
  widget_class->css_changed = pv_article_view_css_changed;

  properties[PROP_FONT_SIZE] =
      g_param_spec_double ("font-size", NULL, NULL, PV_ARTICLE_VIEW_MIN_FONT_SIZE,
                           PV_ARTICLE_VIEW_MAX_FONT_SIZE, PV_ARTICLE_VIEW_DEFAULT_FONT_SIZE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MENTION_ACTIVATED] =
      g_signal_new ("mention-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/peyvand/Peyvand/pv-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PvArticleView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PvArticleView, text_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
pv_article_view_init (PvArticleView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkGesture *click;
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_node = -1;
  self->current_mention = -1;
  self->shown_sentence = -1;

  /* Tags created later take precedence: the shown sentence lies under the
   * mentions, the selection over them. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->sentence_tag = gtk_text_buffer_create_tag (buffer, PV_ARTICLE_VIEW_SENTENCE_TAG, NULL);
  for (guint i = 0; i < PV_N_ENTITY_TYPES; i++)
    self->entity_tags[i] = gtk_text_buffer_create_tag (buffer, entity_tag_names[i], NULL);
  self->furniture_tag = gtk_text_buffer_create_tag (buffer, PV_ARTICLE_VIEW_FURNITURE_TAG, NULL);
  self->selection_tag = gtk_text_buffer_create_tag (buffer, PV_ARTICLE_VIEW_SELECTION_TAG, NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, PV_ARTICLE_VIEW_CURRENT_TAG, "underline",
                                                  PANGO_UNDERLINE_DOUBLE, NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  pv_article_view_update_furniture_color (self);
  pv_article_view_update_entity_colors (self);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  pv_article_view_set_font_size (self, PV_ARTICLE_VIEW_DEFAULT_FONT_SIZE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

GtkWidget *
pv_article_view_new (void)
{
  return g_object_new (PV_TYPE_ARTICLE_VIEW, NULL);
}

GtkTextView *
pv_article_view_get_text_view (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), NULL);

  return self->text_view;
}

GtkTextBuffer *
pv_article_view_get_buffer (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

GtkTextTag *
pv_article_view_get_entity_tag (PvArticleView *self, PvEntityType type)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail ((guint)type < PV_N_ENTITY_TYPES, NULL);

  return self->entity_tags[type];
}

GtkTextTag *
pv_article_view_get_furniture_tag (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), NULL);

  return self->furniture_tag;
}

GtkTextTag *
pv_article_view_get_selection_tag (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), NULL);

  return self->selection_tag;
}

GtkTextTag *
pv_article_view_get_current_tag (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), NULL);

  return self->current_tag;
}

GtkTextTag *
pv_article_view_get_sentence_tag (PvArticleView *self)
{
  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), NULL);

  return self->sentence_tag;
}

static void
pv_article_view_clear_highlights (PvArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  pv_article_view_select_node (self, -1, 0, FALSE);
  pv_article_view_show_sentence (self, -1);
  self->analysis = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < PV_N_ENTITY_TYPES; i++)
    gtk_text_buffer_remove_tag (buffer, self->entity_tags[i], &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->furniture_tag, &start, &end);
}

gboolean
pv_article_view_check_text (const char *name, const char *text, gsize length, GError **error)
{
  guint run = 0, longest = 0, line = 1, longest_line = 1;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B)
        {
          line += c == '\n';
          run = 0;
          continue;
        }
      if (++run > longest)
        longest = run, longest_line = line;
    }
  if (longest <= PV_ARTICLE_VIEW_MAX_RUN)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _ ("%s: a word of %u characters on line %u is too long to show; the window shows "
                  "words of up to %u characters (peyvand-cli can analyze the file)"),
               name, longest, longest_line, PV_ARTICLE_VIEW_MAX_RUN);
  return FALSE;
}

void
pv_article_view_set_text (PvArticleView *self, const char *text, gssize length)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkAdjustment *vadjustment;

  g_return_if_fail (PV_IS_ARTICLE_VIEW (self));
  g_return_if_fail (text != NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  pv_article_view_clear_highlights (self);
  gtk_text_buffer_set_text (buffer, text, length);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

gboolean
pv_article_view_set_analysis (PvArticleView *self, const PvAnalysis *analysis)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gsize length;

  g_return_val_if_fail (PV_IS_ARTICLE_VIEW (self), FALSE);

  pv_article_view_clear_highlights (self);
  if (analysis == NULL)
    return TRUE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  length = (gsize)gtk_text_buffer_get_char_count (buffer);
  if (analysis->document == NULL || analysis->document->length != length)
    {
      g_warning ("The analysis is of a text of %" G_GSIZE_FORMAT
                 " characters, not of the %" G_GSIZE_FORMAT " shown",
                 analysis->document != NULL ? analysis->document->length : 0, length);
      return FALSE;
    }

  self->analysis = analysis;
  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);
      GtkTextTag *tag;

      if ((guint)node->type >= PV_N_ENTITY_TYPES)
        continue;
      tag = self->entity_tags[node->type];

      for (guint j = 0; j < node->mentions->len; j++)
        {
          const PvMention *mention = &g_array_index (node->mentions, PvMention, j);

          if (mention->start >= mention->end || mention->end > length)
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, (int)mention->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, (int)mention->end);
          gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
        }
    }

  if (analysis->body_end < length)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int)analysis->body_end);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_apply_tag (buffer, self->furniture_tag, &start, &end);
    }

  return TRUE;
}
