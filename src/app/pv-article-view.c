/* pv-article-view.c: the article's text, with its entity mentions highlighted
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>

#include "pv-article-view.h"

/* Page furniture (related links, copyright lines) is drawn in the text colour
 * at this opacity. */
#define FURNITURE_ALPHA 0.55

struct _PvArticleView
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkTextView *text_view;

  GtkTextTag *entity_tags[PV_N_ENTITY_TYPES];
  GtkTextTag *furniture_tag;
  guint update_colors_source;
};

G_DEFINE_FINAL_TYPE (PvArticleView, pv_article_view, GTK_TYPE_WIDGET)

/* Light backgrounds from the Okabe–Ito palette, which stays distinguishable
 * with the common forms of colour blindness.  The alpha keeps the text
 * readable on light and dark themes alike. */
static const struct
{
  const char *tag_name;
  const char *background;
} entity_styles[PV_N_ENTITY_TYPES] = {
  /* sky blue, orange, bluish green, reddish purple, yellow */
  [PV_ENTITY_COUNTRY] = { "entity-country", "rgba(86, 180, 233, 0.35)" },
  [PV_ENTITY_PERSON] = { "entity-person", "rgba(230, 159, 0, 0.35)" },
  [PV_ENTITY_ORGANIZATION] = { "entity-organization", "rgba(0, 158, 115, 0.30)" },
  [PV_ENTITY_PLACE] = { "entity-place", "rgba(204, 121, 167, 0.35)" },
  [PV_ENTITY_TOPIC] = { "entity-topic", "rgba(240, 228, 66, 0.50)" },
};

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
pv_article_view_dispose (GObject *object)
{
  PvArticleView *self = PV_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->update_colors_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_ARTICLE_VIEW);

  G_OBJECT_CLASS (pv_article_view_parent_class)->dispose (object);
}

static void
pv_article_view_class_init (PvArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_article_view_dispose;
  widget_class->css_changed = pv_article_view_css_changed;

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

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  for (guint i = 0; i < PV_N_ENTITY_TYPES; i++)
    self->entity_tags[i] = gtk_text_buffer_create_tag (
        buffer, entity_styles[i].tag_name, "background", entity_styles[i].background, NULL);
  self->furniture_tag = gtk_text_buffer_create_tag (buffer, PV_ARTICLE_VIEW_FURNITURE_TAG, NULL);
  pv_article_view_update_furniture_color (self);
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

static void
pv_article_view_clear_highlights (PvArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < PV_N_ENTITY_TYPES; i++)
    gtk_text_buffer_remove_tag (buffer, self->entity_tags[i], &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->furniture_tag, &start, &end);
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
