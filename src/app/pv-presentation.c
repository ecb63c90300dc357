/* pv-presentation.c: the article told sentence by sentence, full screen,
 * its graph growing (story mode)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pv-capture.h"
#include "pv-presentation.h"

/* What a step brings fades in over this long. */
#define FADE_US (400 * G_TIME_SPAN_MILLISECOND)
/* The hint about the keys shows this long at the start, in seconds. */
#define HINT_SECONDS 4
/* The pointer hides after it has been still this long, in milliseconds. */
#define POINTER_HIDE_MS 2000

struct _PvPresentation
{
  AdwWindow parent_instance;

  /* Template children */
  GtkDrawingArea *canvas;
  GtkRevealer *hint_revealer;
  GtkLabel *hint;

  const PvAnalysis *analysis;
  PvStory *story;
  PvLayout *layout;
  PvStoryOptions options;
  guint step;

  /* the fade of what the step brought: its start in frame-clock time, 0
   * when none runs */
  guint tick_id;
  gint64 fade_start;
  double progress;

  guint hint_timeout;
  guint pointer_timeout;
};

G_DEFINE_FINAL_TYPE (PvPresentation, pv_presentation, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STEP,
  PROP_ANIMATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Drawing ---------------------------------------------------------------------- */

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  PvPresentation *self = PV_PRESENTATION (user_data);

  if (self->story == NULL || width <= 0 || height <= 0)
    return;
  pv_story_render_frame (self->story, cr, self->layout, &self->options, width, height, self->step,
                         self->progress);
}

static void
pv_presentation_stop_fade (PvPresentation *self)
{
  gboolean was_animating = self->tick_id != 0;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), self->tick_id);
  self->tick_id = 0;
  self->fade_start = 0;
  self->progress = 1;
  if (was_animating)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
}

static gboolean
fade_tick (GtkWidget *widget, GdkFrameClock *frame_clock, gpointer user_data)
{
  PvPresentation *self = PV_PRESENTATION (user_data);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);

  if (self->fade_start == 0)
    self->fade_start = now;
  self->progress = (double)(now - self->fade_start) / FADE_US;
  gtk_widget_queue_draw (widget);
  if (self->progress < 1)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  self->fade_start = 0;
  self->progress = 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
  return G_SOURCE_REMOVE;
}

static gboolean
animations_enabled (PvPresentation *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

static void
pv_presentation_update_accessible (PvPresentation *self)
{
  g_autofree char *sentence = pv_presentation_get_sentence (self);
  g_autofree char *position = NULL;

  /* TRANSLATORS: the sentence shown and the number of sentences */
  position = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sentence %u of %u",
                                           "Sentence %u of %u", pv_presentation_get_n_steps (self)),
                              self->step + 1, pv_presentation_get_n_steps (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  position, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  sentence != NULL ? sentence : "", -1);
}

/* Steps ------------------------------------------------------------------------ */

guint
pv_presentation_get_step (PvPresentation *self)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), 0);

  return self->step;
}

guint
pv_presentation_get_n_steps (PvPresentation *self)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), 0);

  return self->story != NULL ? pv_story_get_n_steps (self->story) : 0;
}

gboolean
pv_presentation_get_animating (PvPresentation *self)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), FALSE);

  return self->tick_id != 0;
}

void
pv_presentation_set_step (PvPresentation *self, guint step)
{
  guint n_steps;
  gboolean forward;

  g_return_if_fail (PV_IS_PRESENTATION (self));

  n_steps = pv_presentation_get_n_steps (self);
  if (n_steps == 0)
    return;
  step = MIN (step, n_steps - 1);
  if (step == self->step)
    return;

  forward = step == self->step + 1;
  self->step = step;
  pv_presentation_stop_fade (self);
  /* one step forward: what it brings fades in; going back or jumping
   * shows the step whole */
  if (forward && animations_enabled (self) && gtk_widget_get_mapped (GTK_WIDGET (self->canvas)))
    {
      self->progress = 0;
      self->tick_id =
          gtk_widget_add_tick_callback (GTK_WIDGET (self->canvas), fade_tick, self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
  pv_presentation_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
pv_presentation_step_by (PvPresentation *self, int delta)
{
  if (delta < 0 && self->step == 0)
    return;
  pv_presentation_set_step (self, (guint)((int)self->step + delta));
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_presentation_step_by (PV_PRESENTATION (widget), 1);
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_presentation_step_by (PV_PRESENTATION (widget), -1);
}

static void
first_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_presentation_set_step (PV_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  pv_presentation_set_step (PV_PRESENTATION (widget), G_MAXUINT);
}

/* Left and Right follow the reading direction: in a right-to-left locale
 * the story goes on to the left. */
static void
arrow_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gboolean right = g_str_equal (action_name, "presentation.right");
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  pv_presentation_step_by (PV_PRESENTATION (widget), right != rtl ? 1 : -1);
}

static void
leave_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Pointer ---------------------------------------------------------------------- */

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, PvPresentation *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  pv_presentation_step_by (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static gboolean
hide_pointer_cb (gpointer user_data)
{
  PvPresentation *self = PV_PRESENTATION (user_data);

  self->pointer_timeout = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), "none");
  return G_SOURCE_REMOVE;
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, PvPresentation *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self->canvas), NULL);
  g_clear_handle_id (&self->pointer_timeout, g_source_remove);
  self->pointer_timeout = g_timeout_add (POINTER_HIDE_MS, hide_pointer_cb, self);
}

static gboolean
hide_hint_cb (gpointer user_data)
{
  PvPresentation *self = PV_PRESENTATION (user_data);

  self->hint_timeout = 0;
  gtk_revealer_set_reveal_child (self->hint_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/* Saving ----------------------------------------------------------------------- */

gboolean
pv_presentation_save_png (PvPresentation *self, const char *path, GError **error)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), FALSE);

  return pv_capture_window_png (GTK_WINDOW (self), path, error);
}

/* GObject ---------------------------------------------------------------------- */

static void
pv_presentation_dispose (GObject *object)
{
  PvPresentation *self = PV_PRESENTATION (object);

  if (self->canvas != NULL)
    pv_presentation_stop_fade (self);
  g_clear_handle_id (&self->hint_timeout, g_source_remove);
  g_clear_handle_id (&self->pointer_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_PRESENTATION);
  self->canvas = NULL;

  G_OBJECT_CLASS (pv_presentation_parent_class)->dispose (object);
}

static void
pv_presentation_finalize (GObject *object)
{
  PvPresentation *self = PV_PRESENTATION (object);

  g_clear_pointer (&self->story, pv_story_free);
  g_clear_pointer (&self->layout, pv_layout_free);

  G_OBJECT_CLASS (pv_presentation_parent_class)->finalize (object);
}

static void
pv_presentation_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PvPresentation *self = PV_PRESENTATION (object);

  switch (prop_id)
    {
      case PROP_STEP:
        g_value_set_uint (value, self->step);
        break;

      case PROP_ANIMATING:
        g_value_set_boolean (value, pv_presentation_get_animating (self));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_presentation_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  PvPresentation *self = PV_PRESENTATION (object);

  switch (prop_id)
    {
      case PROP_STEP:
        pv_presentation_set_step (self, g_value_get_uint (value));
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_presentation_class_init (PvPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_presentation_dispose;
  object_class->finalize = pv_presentation_finalize;
  object_class->get_property = pv_presentation_get_property;
  object_class->set_property = pv_presentation_set_property;

  properties[PROP_STEP] =
      g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANIMATING] = g_param_spec_boolean ("animating", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/peyvand/Peyvand/pv-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, PvPresentation, canvas);
  gtk_widget_class_bind_template_child (widget_class, PvPresentation, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, PvPresentation, hint);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.left", NULL, arrow_action);
  gtk_widget_class_install_action (widget_class, "presentation.right", NULL, arrow_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
}

static const struct
{
  guint keyval;
  const char *action;
} key_actions[] = {
  { GDK_KEY_space, "presentation.next" },          { GDK_KEY_KP_Space, "presentation.next" },
  { GDK_KEY_Page_Down, "presentation.next" },      { GDK_KEY_KP_Page_Down, "presentation.next" },
  { GDK_KEY_Down, "presentation.next" },           { GDK_KEY_KP_Down, "presentation.next" },
  { GDK_KEY_Return, "presentation.next" },         { GDK_KEY_KP_Enter, "presentation.next" },
  { GDK_KEY_BackSpace, "presentation.previous" },  { GDK_KEY_Page_Up, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, "presentation.previous" }, { GDK_KEY_Up, "presentation.previous" },
  { GDK_KEY_KP_Up, "presentation.previous" },      { GDK_KEY_Left, "presentation.left" },
  { GDK_KEY_KP_Left, "presentation.left" },        { GDK_KEY_Right, "presentation.right" },
  { GDK_KEY_KP_Right, "presentation.right" },      { GDK_KEY_Home, "presentation.first" },
  { GDK_KEY_KP_Home, "presentation.first" },       { GDK_KEY_End, "presentation.last" },
  { GDK_KEY_KP_End, "presentation.last" },         { GDK_KEY_Escape, "presentation.leave" },
};

static void
pv_presentation_init (PvPresentation *self)
{
  GtkGesture *click;
  GtkEventController *motion, *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The keys, a presenter's clicker's too, before GtkWindow's own
   * bindings (space, Enter and the arrows move the focus there) */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (key_actions); i++)
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (gtk_keyval_trigger_new (key_actions[i].keyval, 0),
                          gtk_named_action_new (key_actions[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  pv_story_options_init (&self->options);
  self->progress = 1;
  gtk_drawing_area_set_draw_func (self->canvas, draw_cb, self, NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), motion);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), "none");
}

/* The main window opened another article: this one's analysis goes. */
static void
parent_document_changed_cb (PvPresentation *self)
{
  self->analysis = NULL;
  g_clear_pointer (&self->story, pv_story_free);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* As large as the screen that `parent` is on, for when no window manager
 * makes the window full screen. */
static void
pv_presentation_size_to_monitor (PvPresentation *self, GtkWindow *parent)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (parent));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
  GdkMonitor *monitor = NULL;
  GdkRectangle geometry;

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (monitor == NULL)
    {
      GListModel *monitors = gdk_display_get_monitors (display);

      if (g_list_model_get_n_items (monitors) > 0)
        {
          g_autoptr (GdkMonitor) first = g_list_model_get_item (monitors, 0);

          gdk_monitor_get_geometry (first, &geometry);
          gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
        }
      return;
    }
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
}

PvPresentation *
pv_presentation_new (GtkWindow *parent, const PvAnalysis *analysis, const PvLayout *layout,
                     const PvDrawOptions *view)
{
  PvPresentation *self;
  guint n_nodes;
  g_autofree char *hint = NULL;
  gboolean rtl;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (analysis != NULL, NULL);

  self = g_object_new (PV_TYPE_PRESENTATION, "transient-for", parent, "application",
                       gtk_window_get_application (parent), NULL);
  self->analysis = analysis;
  self->story = pv_story_new (analysis);

  /* the positions the user sees, when they have settled; the layout
   * never moves afterwards, so every step is part of the same picture */
  n_nodes = analysis->nodes->len;
  self->layout = pv_layout_new (analysis, PV_LAYOUT_DEFAULT_SEED);
  if (layout != NULL && pv_layout_n_nodes (layout) == n_nodes && pv_layout_is_settled (layout))
    {
      for (guint i = 0; i < n_nodes; i++)
        {
          double x, y;

          pv_layout_get_position (layout, i, &x, &y);
          pv_layout_set_position (self->layout, i, x, y);
          pv_layout_set_pinned (self->layout, i, TRUE);
        }
    }
  else
    {
      pv_layout_settle (self->layout);
    }

  /* what the graph view shows, in the presentation's large, high-contrast
   * look */
  if (view != NULL)
    {
      self->options.draw.labels = view->labels;
      memcpy (self->options.draw.type_hidden, view->type_hidden,
              sizeof self->options.draw.type_hidden);
      self->options.draw.min_edge_weight = view->min_edge_weight;
    }

  if (g_signal_lookup ("document-loaded", G_OBJECT_TYPE (parent)) != 0)
    g_signal_connect_object (parent, "document-loaded", G_CALLBACK (parent_document_changed_cb),
                             self, G_CONNECT_SWAPPED);

  rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  /* TRANSLATORS: %s is the arrow key that goes forward (← in a
   * right-to-left language) */
  hint = g_strdup_printf (_ ("Space or %s: next sentence · Esc: leave"), rtl ? "←" : "→");
  gtk_label_set_text (self->hint, hint);
  gtk_revealer_set_reveal_child (self->hint_revealer, TRUE);
  self->hint_timeout = g_timeout_add_seconds (HINT_SECONDS, hide_hint_cb, self);

  pv_presentation_update_accessible (self);
  pv_presentation_size_to_monitor (self, parent);
  gtk_window_fullscreen (GTK_WINDOW (self));

  return self;
}

PvStory *
pv_presentation_get_story (PvPresentation *self)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), NULL);

  return self->story;
}

const PvLayout *
pv_presentation_get_layout (PvPresentation *self)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), NULL);

  return self->layout;
}

const PvStoryOptions *
pv_presentation_get_options (PvPresentation *self)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), NULL);

  return &self->options;
}

char *
pv_presentation_get_sentence (PvPresentation *self)
{
  g_return_val_if_fail (PV_IS_PRESENTATION (self), NULL);

  return self->story != NULL ? pv_story_get_sentence (self->story, self->step) : NULL;
}
