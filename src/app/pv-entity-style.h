/* pv-entity-style.h: how the application names and colours entity types,
 * and names the kinds of links
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pv-knowledge.h"
#include "pv-relations.h"

G_BEGIN_DECLS

/* "Country", "Person", …, translated. */
const char *pv_entity_type_get_display_name (PvEntityType type);
/* "Countries", "People", …, translated. */
const char *pv_entity_type_get_display_plural (PvEntityType type);

/* "named together", "leader of", …, translated. */
const char *pv_edge_kind_get_display_name (PvEdgeKind kind);

/* The type's colour in the palette the graph uses (pv_entity_type_color),
 * with `alpha`. */
void pv_entity_type_get_rgba (PvEntityType type, gboolean dark, float alpha, GdkRGBA *rgba);

G_END_DECLS
