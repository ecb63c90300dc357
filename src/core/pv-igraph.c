/* pv-igraph.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-igraph"

#include "config.h"

#include "pv-igraph-private.h"

void
pv_igraph_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      igraph_set_error_handler (igraph_error_handler_printignore);
      g_once_init_leave (&initialized, 1);
    }
}
