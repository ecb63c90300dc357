/* pv-draw-private.h: what the core's drawing code shares
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A Pango context for text drawn on `cr` (the graph's labels, the exported
 * page's titles and legend, the story's text) in the base direction given:
 * unhinted glyphs and metrics, so that the text is the same on screen, in
 * PNG and in the vector formats. */
PangoContext *pv_draw_text_context (cairo_t *cr, PangoDirection direction);

G_END_DECLS
