/* fuzz-layout.c: the force layout of a random graph, large enough for the
 * multilevel layout (pv-force.c) or not, with pins, drags and nodes put
 * on one spot
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "pv-entities.h"
#include "pv-layout.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static guint
next_byte (const guint8 *data, size_t size, gsize *at)
{
  return *at < size ? data[(*at)++] : 0;
}

/* The first two bytes give the node count (none to 699, most often from
 * 480 on, around the 500 where the multilevel layout takes over), the next
 * the edges, until a zero byte; what follows is a script of pins, drags
 * and steps (few iterations each: an iteration under ASan and coverage
 * takes milliseconds). */
int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (PvAnalysis) analysis = g_new0 (PvAnalysis, 1);
  g_autoptr (PvLayout) layout = NULL;
  gsize at = 0;
  guint count = next_byte (data, size, &at) << 8 | next_byte (data, size, &at);
  guint n_nodes = count & 0x8000 ? count % 700 : 480 + count % 220;

  analysis->nodes = g_ptr_array_new_with_free_func (pv_entity_free);
  analysis->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edge_free);
  for (guint i = 0; i < n_nodes; i++)
    {
      PvEntity *node = g_new0 (PvEntity, 1);

      node->id = g_strdup_printf ("topic:n%u", i);
      node->label = g_strdup_printf ("n%u", i);
      node->type = PV_ENTITY_TOPIC;
      node->mentions = g_array_new (FALSE, FALSE, sizeof (PvMention));
      g_ptr_array_add (analysis->nodes, node);
    }
  while (n_nodes > 1 && at + 4 <= size && data[at] != 0)
    {
      PvEdge *edge = g_new0 (PvEdge, 1);
      guint kind = next_byte (data, size, &at);

      edge->source = (next_byte (data, size, &at) << 8 | next_byte (data, size, &at)) % n_nodes;
      edge->target = next_byte (data, size, &at) * 7 % n_nodes;
      if (edge->source == edge->target)
        edge->target = (edge->target + 1) % n_nodes;
      edge->kind = kind % 5;
      edge->weight = 1 + kind % 9;
      edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (analysis->edges, edge);
    }
  at++;

  layout = pv_layout_new (analysis, 11);
  for (guint command = 0; command < 24 && at < size && n_nodes > 0; command++)
    {
      guint op = next_byte (data, size, &at);
      guint node = (next_byte (data, size, &at) << 8 | next_byte (data, size, &at)) % n_nodes;
      /* small coordinates, and now and then huge ones */
      double x = ((int)next_byte (data, size, &at) - 128) * (op & 0x80 ? 1e6 : 0.25);
      double y = ((int)next_byte (data, size, &at) - 128) * (op & 0x40 ? 1e6 : 0.25);

      switch (op % 4)
        {
          case 0:
            pv_layout_set_pinned (layout, node, !pv_layout_is_pinned (layout, node));
            break;
          case 1:
            pv_layout_set_position (layout, node, x, y);
            break;
          case 2:
            pv_layout_step (layout, 1 + op % 3);
            break;
          default:
            /* a cluster of nodes dropped on one spot */
            for (guint k = 0; k < 1 + op % 16; k++)
              pv_layout_set_position (layout, (node + k) % n_nodes, x, y);
            break;
        }
    }
  pv_layout_step (layout, 2);

  for (guint i = 0; i < n_nodes; i++)
    {
      double x, y;

      pv_layout_get_position (layout, i, &x, &y);
      if (!isfinite (x) || !isfinite (y))
        __builtin_trap ();
    }
  return 0;
}
