/* pv-presentation.h: the article told sentence by sentence, full screen,
 * its graph growing (story mode)
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pv-analysis.h"
#include "pv-draw.h"
#include "pv-layout.h"
#include "pv-story.h"

G_BEGIN_DECLS

#define PV_TYPE_PRESENTATION (pv_presentation_get_type ())

G_DECLARE_FINAL_TYPE (PvPresentation, pv_presentation, PV, PRESENTATION, AdwWindow)

/* Properties:
 *   "step" (uint)          the sentence shown, from 0
 *   "animating" (boolean, read-only) what the step brought is fading in
 *
 * Keys: Space, Page Down, Down, Enter: the next sentence; Backspace,
 * Page Up, Up: the previous one; Left and Right follow the reading
 * direction (in a right-to-left locale Left goes forward); Home, End: the
 * first and the last; Escape leaves (a capture-phase shortcut controller:
 * GtkWindow's own bindings of space, Enter and the arrows come after).  A click goes forward, a right-click
 * back.  Every step draws pv_story_render_frame(): the picture that
 * `peyvand-cli export --story` writes. */

/* A full-screen window over `parent` telling `analysis`, which must
 * outlive it (it closes itself when `parent`, a PvWindow, opens another
 * document).  `layout`: the positions to show when it is settled (they
 * are copied), else the default seed's settled layout; `view` (may be
 * NULL): the graph view's labels, hidden types and minimum edge weight. */
PvPresentation *pv_presentation_new (GtkWindow *parent, const PvAnalysis *analysis,
                                     const PvLayout *layout, const PvDrawOptions *view);

guint pv_presentation_get_step (PvPresentation *self);
/* Shows `step` (clamped to the story); one step forward fades in what it
 * brings, unless animations are off. */
void pv_presentation_set_step (PvPresentation *self, guint step);
guint pv_presentation_get_n_steps (PvPresentation *self);
gboolean pv_presentation_get_animating (PvPresentation *self);

/* The story, the layout and the options it is drawn with */
PvStory *pv_presentation_get_story (PvPresentation *self);
const PvLayout *pv_presentation_get_layout (PvPresentation *self);
const PvStoryOptions *pv_presentation_get_options (PvPresentation *self);

/* The current sentence (white space collapsed), or NULL. */
char *pv_presentation_get_sentence (PvPresentation *self);

/* Writes a PNG of the window as it is drawn now; it must be shown. */
gboolean pv_presentation_save_png (PvPresentation *self, const char *path, GError **error);

G_END_DECLS
