/* pv-capture.h: a picture of a shown window, for --screenshot and tests
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders the whole window, as it is on screen, to a PNG at `path`
 * (written atomically).  The window must be mapped. */
gboolean pv_capture_window_png (GtkWindow *window, const char *path, GError **error);

G_END_DECLS
