/* pv-relations.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-relations"

#include "config.h"

#include <string.h>

#include "pv-relations.h"

static const char *const edge_kind_names[] = {
  "co-mention", "leader-of", "official-of", "located-in", "member-of",
};

const char *
pv_edge_kind_to_string (PvEdgeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (edge_kind_names), NULL);
  return edge_kind_names[kind];
}

gboolean
pv_edge_kind_from_string (const char *name, PvEdgeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (edge_kind_names); i++)
    if (g_strcmp0 (name, edge_kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

void
pv_edge_free (PvEdge *edge)
{
  if (edge == NULL)
    return;
  g_clear_pointer (&edge->sentences, g_array_unref);
  g_free (edge);
}

/* A typed kind outranks a plain co-mention; leader-of outranks the rest. */
static int
kind_priority (PvEdgeKind kind)
{
  switch (kind)
    {
      case PV_EDGE_LEADER_OF:
        return 4;
      case PV_EDGE_OFFICIAL_OF:
        return 3;
      case PV_EDGE_LOCATED_IN:
        return 2;
      case PV_EDGE_MEMBER_OF:
        return 1;
      case PV_EDGE_CO_MENTION:
      default:
        return 0;
    }
}

/* Pairs of entities → edges: open addressing over (low, high) keys, as
 * every pair of entities in a sentence is looked up. */
typedef struct
{
  guint64 key;  /* (low << 32) | high */
  PvEdge *edge; /* NULL: a free slot */
} PairSlot;

typedef struct
{
  PairSlot *slots;
  gsize capacity; /* a power of two */
  GPtrArray *edges;
} Builder;

static gsize
pair_hash (guint64 key)
{
  key *= G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (gsize)(key >> 29);
}

static void
builder_grow (Builder *builder)
{
  PairSlot *old = builder->slots;
  gsize old_capacity = builder->capacity;

  builder->capacity *= 2;
  builder->slots = g_new0 (PairSlot, builder->capacity);
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].edge != NULL)
      {
        gsize mask = builder->capacity - 1, j;

        for (j = pair_hash (old[i].key) & mask; builder->slots[j].edge != NULL; j = (j + 1) & mask)
          ;
        builder->slots[j] = old[i];
      }
  g_free (old);
}

static PvEdge *
edge_for (Builder *builder, guint a, guint b)
{
  guint64 key = ((guint64)MIN (a, b) << 32) | MAX (a, b);
  gsize mask = builder->capacity - 1, i;
  PvEdge *edge;

  for (i = pair_hash (key) & mask; builder->slots[i].edge != NULL; i = (i + 1) & mask)
    if (builder->slots[i].key == key)
      return builder->slots[i].edge;

  edge = g_new0 (PvEdge, 1);
  edge->source = MIN (a, b);
  edge->target = MAX (a, b);
  edge->kind = PV_EDGE_CO_MENTION;
  /* room for a few sentences: most edges have one to four */
  edge->sentences = g_array_sized_new (FALSE, FALSE, sizeof (guint), 4);
  builder->slots[i].key = key;
  builder->slots[i].edge = edge;
  g_ptr_array_add (builder->edges, edge);
  if (builder->edges->len * 2 > builder->capacity)
    builder_grow (builder);
  return edge;
}

static void
add_sentence (PvEdge *edge, guint sentence)
{
  g_array_append_val (edge->sentences, sentence);
}

static void
type_edge (PvEdge *edge, guint source, guint target, PvEdgeKind kind)
{
  if (kind_priority (kind) <= kind_priority (edge->kind))
    return;
  edge->kind = kind;
  edge->source = source;
  edge->target = target;
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

static void
add_co_mentions (Builder *builder, const PvEntitySet *set)
{
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr (GArray) by_sentence = NULL;
  /* the entities of one sentence, kept from one sentence to the next */
  g_autoptr (GArray) present = g_array_new (FALSE, FALSE, sizeof (guint));
  /* the sentence + 1 each entity was last seen in */
  g_autofree guint *seen_in = g_new0 (guint, MAX (set->entities->len, 1));
  guint n_mentions = 0, n_items = 0;
  guint *items;
  guint i = 0;

  for (guint e = 0; e < set->entities->len; e++)
    n_mentions += ((const PvEntity *)g_ptr_array_index (set->entities, e))->mentions->len;
  by_sentence = g_array_sized_new (FALSE, FALSE, sizeof (guint) * 2, n_mentions);
  g_array_set_size (by_sentence, n_mentions);
  items = (guint *)(void *)by_sentence->data;

  /* (sentence, entity) for every mention, sorted, duplicates removed */
  for (guint e = 0; e < set->entities->len; e++)
    {
      const PvEntity *entity = g_ptr_array_index (set->entities, e);

      for (guint m = 0; m < entity->mentions->len; m++)
        {
          items[2 * n_items] = g_array_index (entity->mentions, PvMention, m).sentence;
          items[2 * n_items + 1] = e;
          n_items++;
        }
    }
  g_array_sort (by_sentence, compare_uint); /* sorts by sentence; ties stay adjacent below */

  while (i < by_sentence->len)
    {
      guint sentence = ((guint *)(void *)by_sentence->data)[2 * i];

      g_array_set_size (present, 0);

      for (; i < by_sentence->len && ((guint *)(void *)by_sentence->data)[2 * i] == sentence; i++)
        {
          guint entity = ((guint *)(void *)by_sentence->data)[2 * i + 1];

          if (seen_in[entity] != sentence + 1)
            {
              seen_in[entity] = sentence + 1;
              g_array_append_val (present, entity);
            }
        }

      for (guint a = 0; a < present->len; a++)
        for (guint b = a + 1; b < present->len; b++)
          add_sentence (edge_for (builder, g_array_index (present, guint, a),
                                  g_array_index (present, guint, b)),
                        sentence);
    }
}

static void
add_role_evidence (Builder *builder, const PvEntitySet *set)
{
  for (guint i = 0; i < set->evidence->len; i++)
    {
      const PvRoleEvidence *evidence = &g_array_index (set->evidence, PvRoleEvidence, i);
      PvEdge *edge;

      if (evidence->person == evidence->country)
        continue;
      edge = edge_for (builder, evidence->person, evidence->country);
      type_edge (edge, evidence->person, evidence->country,
                 evidence->leader ? PV_EDGE_LEADER_OF : PV_EDGE_OFFICIAL_OF);
      add_sentence (edge, evidence->sentence);
    }
}

static void
add_locations (Builder *builder, const PvEntitySet *set)
{
  g_autoptr (GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint e = 0; e < set->entities->len; e++)
    {
      const PvEntity *entity = g_ptr_array_index (set->entities, e);

      if (entity->type == PV_ENTITY_COUNTRY)
        g_hash_table_insert (countries, entity->id + strlen ("country:"), GUINT_TO_POINTER (e + 1));
    }

  for (guint e = 0; e < set->entities->len; e++)
    {
      const PvEntity *entity = g_ptr_array_index (set->entities, e);
      guint country;
      PvEdge *edge;

      if (entity->type != PV_ENTITY_PLACE || entity->country == NULL)
        continue;
      country = GPOINTER_TO_UINT (g_hash_table_lookup (countries, entity->country));
      if (country == 0)
        continue;

      edge = edge_for (builder, e, country - 1);
      type_edge (edge, e, country - 1, PV_EDGE_LOCATED_IN);
      /* a place and its country never named together: the place's first
       * sentence is the evidence */
      if (edge->sentences->len == 0)
        add_sentence (edge, g_array_index (entity->mentions, PvMention, 0).sentence);
    }
}

GPtrArray *
pv_relate (const PvEntitySet *set)
{
  Builder builder;

  g_return_val_if_fail (set != NULL, NULL);

  builder.capacity = 64;
  builder.slots = g_new0 (PairSlot, builder.capacity);
  builder.edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edge_free);

  add_co_mentions (&builder, set);
  add_role_evidence (&builder, set);
  add_locations (&builder, set);

  for (guint i = 0; i < builder.edges->len; i++)
    {
      PvEdge *edge = g_ptr_array_index (builder.edges, i);
      const guint *sentences = (const guint *)(void *)edge->sentences->data;
      gboolean in_order = TRUE;
      guint kept = 0;

      /* co-mentions come sentence by sentence, already in order */
      for (guint s = 1; s < edge->sentences->len && in_order; s++)
        in_order = sentences[s - 1] < sentences[s];
      if (in_order)
        {
          edge->weight = edge->sentences->len;
          continue;
        }
      g_array_sort (edge->sentences, compare_uint);
      for (guint s = 0; s < edge->sentences->len; s++)
        if (kept == 0 || g_array_index (edge->sentences, guint, s) !=
                             g_array_index (edge->sentences, guint, kept - 1))
          g_array_index (edge->sentences, guint, kept++) =
              g_array_index (edge->sentences, guint, s);
      g_array_set_size (edge->sentences, kept);
      edge->weight = kept;
    }

  g_free (builder.slots);
  return builder.edges;
}
