/* pv-igraph-private.h: calling igraph safely from the core
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include <igraph.h>

G_BEGIN_DECLS

/* Installs igraph_error_handler_printignore once (igraph's default handler
 * aborts the process), so that every igraph call returns its error to be
 * checked.  Call it before the first igraph call of a module.  igraph is
 * not thread-safe on Debian: the core calls it from one thread. */
void pv_igraph_init (void);

/* TRUE on success; otherwise warns (in the caller's log domain) which
 * call failed and why. */
static inline gboolean
pv_igraph_check (igraph_error_t error, const char *what)
{
  if (error == IGRAPH_SUCCESS)
    return TRUE;
  g_warning ("igraph: %s failed: %s", what, igraph_strerror (error));
  return FALSE;
}

G_END_DECLS
