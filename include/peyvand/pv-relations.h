/* pv-relations.h: edges between the entities of one article
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-entities.h"

G_BEGIN_DECLS

typedef enum
{
  PV_EDGE_CO_MENTION,
  PV_EDGE_LEADER_OF,
  PV_EDGE_OFFICIAL_OF,
  PV_EDGE_LOCATED_IN,
  PV_EDGE_MEMBER_OF,
} PvEdgeKind;

typedef struct
{
  guint source; /* entity (or node) indexes */
  guint target;
  PvEdgeKind kind;
  guint weight;      /* the number of sentences behind the edge */
  GArray *sentences; /* guint sentence indexes, ascending */
} PvEdge;

/* One edge per pair of entities that share a sentence or that the text
 * relates: two entities named in the same sentence are co-mentioned; a
 * person holding an office of a country (from a role in the text) is
 * leader-of or official-of it; a place lies in its country when the
 * article names that country.  A typed edge also counts the sentences the
 * pair shares. */
GPtrArray *pv_relate (const PvEntitySet *set);

const char *pv_edge_kind_to_string (PvEdgeKind kind);
gboolean pv_edge_kind_from_string (const char *name, PvEdgeKind *kind);

void pv_edge_free (PvEdge *edge);

G_END_DECLS
