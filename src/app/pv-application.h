/* pv-application.h: the Peyvand application
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pv-analysis.h"

G_BEGIN_DECLS

#define PV_TYPE_APPLICATION (pv_application_get_type ())

G_DECLARE_FINAL_TYPE (PvApplication, pv_application, PV, APPLICATION, AdwApplication)

PvApplication *pv_application_new (void);

/* Makes the application's own icon (in its resources) part of the icon
 * theme, once: for what shows it (the About window, the page of a window
 * with no article), not at start-up. */
void pv_application_add_app_icon (void);

/* Starts loading the knowledge base in a thread of its own, so that it is
 * ready, or nearly, when the first article is analyzed: main() calls it
 * before GTK starts.  The first pv_application_analyze() of any
 * application takes what it loaded. */
void pv_application_preload_knowledge (void);

/* Whether GLib's search for the D-Bus session bus is bound to fail, given
 * DBUS_SESSION_BUS_ADDRESS (`address`) and the user's runtime directory:
 * no address, no bus socket in the runtime directory, and no dbus-launch on
 * the PATH to start a bus with.  Each search then still forks the process
 * to try dbus-launch. */
gboolean pv_application_session_bus_unreachable (const char *address, const char *runtime_dir);

/* GTK has just looked for the session bus (main() calls this once
 * gtk_init_check() returns).  When the search is bound to fail, the
 * application's own start-up (GApplication's registration, libadwaita's
 * settings) does not search again: DBUS_SESSION_BUS_ADDRESS says "disabled:"
 * until the application has started up, and is then unset again. */
void pv_application_skip_session_bus_search (void);

/* What main() returns when g_application_run() itself returned 0: set when a
 * --screenshot run fails. */
int pv_application_get_exit_status (PvApplication *self);

/* The application's settings (schema org.peyvand.Peyvand), or NULL when the
 * schema is not installed or for a --screenshot run. */
GSettings *pv_application_get_settings (PvApplication *self);

/* The user's knowledge file changed: the next analysis loads the knowledge
 * base again. */
void pv_application_reload_knowledge (PvApplication *self);

/* Runs the analysis pipeline on `document` (taking ownership of it) with
 * the application's knowledge base, loaded on first use.  Safe to call from
 * any thread; analyses run one at a time.  `warning` (may be NULL) receives,
 * on the call that loads the knowledge base, what went wrong with the
 * user's knowledge file.  Returns NULL with `error` set when there is no
 * usable knowledge base. */
PvAnalysis *pv_application_analyze (PvApplication *self, PvDocument *document, char **warning,
                                    GError **error);

G_END_DECLS
