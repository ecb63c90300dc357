/* pv-i18n.h: the user's language: locale, message catalogue, text direction
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Before GTK starts: sets the locale from the environment and binds
 * Peyvand's message catalogue, from $PEYVAND_LOCALEDIR when it is set (the
 * build folder's po/, for runs that are not installed), else from the
 * installed LOCALEDIR. */
void pv_i18n_init (void);

/* The first language the user asks for (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG) is written right to left. */
gboolean pv_i18n_language_is_rtl (void);

/* After GTK has started: widgets default to the user's direction. */
void pv_i18n_apply_direction (void);

G_END_DECLS
