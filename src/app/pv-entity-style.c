/* pv-entity-style.c: how the application names and colours entity types,
 * and names the kinds of links
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>

#include "pv-draw.h"
#include "pv-entity-style.h"

const char *
pv_entity_type_get_display_name (PvEntityType type)
{
  switch (type)
    {
      case PV_ENTITY_COUNTRY:
        return _ ("Country");
      case PV_ENTITY_PERSON:
        return _ ("Person");
      case PV_ENTITY_ORGANIZATION:
        return _ ("Organization");
      case PV_ENTITY_PLACE:
        return _ ("Place");
      case PV_ENTITY_TOPIC:
        return _ ("Topic");
      case PV_N_ENTITY_TYPES:
      default:
        g_return_val_if_reached ("");
    }
}

const char *
pv_entity_type_get_display_plural (PvEntityType type)
{
  switch (type)
    {
      case PV_ENTITY_COUNTRY:
        return _ ("Countries");
      case PV_ENTITY_PERSON:
        return _ ("People");
      case PV_ENTITY_ORGANIZATION:
        return _ ("Organizations");
      case PV_ENTITY_PLACE:
        return _ ("Places");
      case PV_ENTITY_TOPIC:
        return _ ("Topics");
      case PV_N_ENTITY_TYPES:
      default:
        g_return_val_if_reached ("");
    }
}

const char *
pv_edge_kind_get_display_name (PvEdgeKind kind)
{
  switch (kind)
    {
      case PV_EDGE_CO_MENTION:
        /* Translators: the kinds of link between two entities, shown as
         * "Putin — Russia · leader of · 3 sentences"; "named together":
         * the same sentences name both */
        return C_ ("link", "named together");
      case PV_EDGE_LEADER_OF:
        return C_ ("link", "leader of");
      case PV_EDGE_OFFICIAL_OF:
        return C_ ("link", "official of");
      case PV_EDGE_LOCATED_IN:
        return C_ ("link", "located in");
      case PV_EDGE_MEMBER_OF:
        return C_ ("link", "member of");
      default:
        return pv_edge_kind_to_string (kind);
    }
}

void
pv_entity_type_get_rgba (PvEntityType type, gboolean dark, float alpha, GdkRGBA *rgba)
{
  double red, green, blue;

  g_return_if_fail ((guint)type < PV_N_ENTITY_TYPES);
  g_return_if_fail (rgba != NULL);

  pv_entity_type_color (type, dark, &red, &green, &blue);
  rgba->red = (float)red;
  rgba->green = (float)green;
  rgba->blue = (float)blue;
  rgba->alpha = alpha;
}
