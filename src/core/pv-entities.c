/* pv-entities.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-entities"

#include "config.h"

#include <string.h>

#include "pv-entities.h"
#include "pv-knowledge-private.h"
#include "pv-normalize.h"

typedef struct
{
  const PvRawMention *raw;
  gboolean is_role;
  gboolean dropped;
  gsize start, end; /* a qualified role also covers its country */
  guint last_token;
  guint last_raw; /* index of the last raw mention the item covers */
  int kb;         /* entity items: the knowledge-base entity */
  int role;       /* role items: the role */
  int country_kb; /* role items: the country that qualifies it, or -1 */
  int referent;   /* role items: the person it resolves to, or -1 */
} Item;

/* Open addressing from the few knowledge-base entities an article names to
 * their entities: no key to build for each mention. */
typedef struct
{
  int kb;       /* -1: a free slot */
  guint entity; /* entity index + 1 */
} KbSlot;

typedef struct
{
  PvKnowledge *knowledge;
  const gunichar *text;
  const char *date;
  const GArray *raw;
  const PvRecognition *recognition;
  GArray *items;                    /* Item */
  int *item_of_raw;                 /* raw mention index → item index, or -1 */
  GHashTable *appositions;          /* "role:country kb" → person kb index + 1 */
  GHashTable *apposed_roles;        /* "role:person kb": the text gives the person that role */
  GHashTable *named;                /* person kb index + 1 → count of plain name mentions */
  GHashTable *qualified_apposition; /* person kb index + 1: introduced as X of country */
  PvEntitySet *set;
  GHashTable *entity_keys; /* key → entity index + 1 */
  KbSlot *entity_of_kb;    /* knowledge-base (or rule) entity → entity index + 1 */
  gsize kb_capacity;       /* entity_of_kb's slots, a power of two */
} Resolver;

static const PvRawMention *
raw_at (const Resolver *r, guint index)
{
  return &g_array_index (r->raw, PvRawMention, index);
}

/* The raw mention right before raw mention `index`, touching it. */
static const PvRawMention *
raw_touching_before (const Resolver *r, guint index)
{
  const PvRawMention *here = raw_at (r, index), *before;

  if (index == 0)
    return NULL;
  before = raw_at (r, index - 1);
  if (before->sentence != here->sentence || before->last_token + 1 != here->first_token)
    return NULL;
  return before;
}

static const PvRawMention *
raw_touching_after (const Resolver *r, guint index)
{
  const PvRawMention *here = raw_at (r, index), *after;

  if (index + 1 >= r->raw->len)
    return NULL;
  after = raw_at (r, index + 1);
  if (after->sentence != here->sentence || here->last_token + 1 != after->first_token)
    return NULL;
  return after;
}

static const PvKbEntity *
kb_entity (const Resolver *r, int index)
{
  guint first_rule = r->recognition->first_rule_entity;

  if ((guint)index >= first_rule)
    return g_ptr_array_index (r->recognition->rule_entities, index - first_rule);
  return pv_knowledge_entity (r->knowledge, index);
}

static int
country_of (const Resolver *r, const char *code)
{
  g_autofree char *id = NULL;

  if (code == NULL)
    return -1;
  id = g_strconcat ("country:", code, NULL);
  return pv_knowledge_find_entity (r->knowledge, id);
}

static gboolean
is_entity_kind (PvAliasKind kind)
{
  return kind == PV_ALIAS_NAME || kind == PV_ALIAS_SHORT || kind == PV_ALIAS_DEMONYM ||
         kind == PV_ALIAS_METONYM;
}

/* Items: entity and role mentions; titles and locatives only give context. */
static void
collect_items (Resolver *r)
{
  for (guint i = 0; i < r->raw->len; i++)
    {
      const PvRawMention *raw = raw_at (r, i);
      Item item = { raw, FALSE, FALSE, raw->start, raw->end, raw->last_token, i, -1, -1, -1, -1 };

      if (raw->kind == PV_ALIAS_ROLE)
        {
          item.is_role = TRUE;
          item.role = raw->target;
        }
      else if (is_entity_kind (raw->kind))
        {
          const PvKbEntity *entity = kb_entity (r, raw->target);
          const PvRawMention *before = raw_touching_before (r, i);

          item.kb = raw->target;
          /* «مسکو» acting for Russia, «در مسکو» the city */
          if (entity->type == PV_ENTITY_PLACE && entity->capital &&
              (before == NULL || before->kind != PV_ALIAS_LOCATIVE))
            {
              int state = country_of (r, entity->country);

              if (state >= 0)
                item.kb = state;
            }
        }
      else
        continue;

      r->item_of_raw[i] = r->items->len;
      g_array_append_val (r->items, item);
    }
}

static Item *
item_at (const Resolver *r, guint index)
{
  return &g_array_index (r->items, Item, index);
}

/* The item that starts at raw mention `raw_index`, or NULL. */
static Item *
item_for_raw (const Resolver *r, guint raw_index)
{
  int item = r->item_of_raw[raw_index];

  return item >= 0 ? item_at (r, item) : NULL;
}

static guint
raw_index_of (const Resolver *r, const PvRawMention *raw)
{
  return (guint)(raw - raw_at (r, 0));
}

static void
qualify_roles (Resolver *r)
{
  for (guint i = 0; i < r->items->len; i++)
    {
      Item *role = item_at (r, i);
      const PvRawMention *after;
      Item *country;

      if (!role->is_role)
        continue;
      after = raw_touching_after (r, role->last_raw);
      if (after == NULL || after->kind != PV_ALIAS_NAME)
        continue;
      country = item_for_raw (r, raw_index_of (r, after));
      if (country == NULL || country->is_role ||
          kb_entity (r, country->kb)->type != PV_ENTITY_COUNTRY)
        continue;

      role->country_kb = country->kb;
      role->end = country->end;
      role->last_token = country->last_token;
      role->last_raw = country->last_raw;
    }
}

static gboolean
touches_role (const Resolver *r, const Item *item)
{
  const PvRawMention *before = raw_touching_before (r, raw_index_of (r, item->raw));
  const PvRawMention *after = raw_touching_after (r, item->last_raw);

  return (before != NULL && before->kind == PV_ALIAS_ROLE) ||
         (after != NULL && after->kind == PV_ALIAS_ROLE);
}

/* A set of knowledge-base indexes (>= 0), at most `n` of them: open
 * addressing without GLib's hashing and allocations per item. */
typedef struct
{
  int *slots;     /* -1: free */
  gsize capacity; /* a power of two, more than twice n */
} IntSet;

static IntSet
int_set_new (gsize n)
{
  IntSet set = { NULL, 16 };

  while (set.capacity < 2 * n + 2)
    set.capacity *= 2;
  set.slots = g_new (int, set.capacity);
  for (gsize i = 0; i < set.capacity; i++)
    set.slots[i] = -1;
  return set;
}

static void
int_set_clear (IntSet *set)
{
  g_clear_pointer (&set->slots, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IntSet, int_set_clear)

static int *
int_set_slot (const IntSet *set, int value)
{
  gsize mask = set->capacity - 1;
  gsize i = ((guint)value * 2654435761u) & mask;

  while (set->slots[i] >= 0 && set->slots[i] != value)
    i = (i + 1) & mask;
  return &set->slots[i];
}

static void
int_set_add (IntSet *set, int value)
{
  *int_set_slot (set, value) = value;
}

static gboolean
int_set_contains (const IntSet *set, int value)
{
  return *int_set_slot (set, value) >= 0;
}

static void
drop_unsupported_ambiguous (Resolver *r)
{
  g_auto (IntSet) plain = int_set_new (r->items->len);
  g_auto (IntSet) context = int_set_new (r->items->len); /* countries */

  for (guint i = 0; i < r->items->len; i++)
    {
      const Item *item = item_at (r, i);

      if (!item->is_role && !item->raw->ambiguous)
        {
          const PvKbEntity *entity = kb_entity (r, item->kb);

          int_set_add (&plain, item->kb);
          /* a place named plainly puts its country in the context too:
           * «ویرجینیای غربی» makes «کنگره» the American one */
          if (entity->type == PV_ENTITY_PLACE && entity->country != NULL &&
              country_of (r, entity->country) >= 0)
            int_set_add (&context, country_of (r, entity->country));
          else if (entity->type == PV_ENTITY_COUNTRY)
            int_set_add (&context, item->kb);
        }
    }

  for (guint i = 0; i < r->items->len; i++)
    {
      Item *item = item_at (r, i);
      const PvRawMention *before;

      if (item->is_role || !item->raw->ambiguous || int_set_contains (&plain, item->kb))
        continue;
      before = raw_touching_before (r, raw_index_of (r, item->raw));
      if (before != NULL && before->kind == PV_ALIAS_TITLE)
        continue;
      if (kb_entity (r, item->kb)->type == PV_ENTITY_PERSON && touches_role (r, item))
        continue;
      /* «کنگره» in an article that names the United States or one of its
       * places, «کیف» in one that names Ukraine.  People are left out: their countries are named
       * too often for that to say anything («روحانی» and Iran). */
      if (kb_entity (r, item->kb)->type != PV_ENTITY_PERSON &&
          kb_entity (r, item->kb)->country != NULL &&
          int_set_contains (&context, country_of (r, kb_entity (r, item->kb)->country)))
        continue;
      item->dropped = TRUE;
    }
}

static gboolean
is_person_item (const Resolver *r, const Item *item)
{
  return item != NULL && !item->is_role && !item->dropped &&
         kb_entity (r, item->kb)->type == PV_ENTITY_PERSON;
}

static void
count_named_people (Resolver *r)
{
  for (guint i = 0; i < r->items->len; i++)
    {
      const Item *item = item_at (r, i);
      gpointer key = GINT_TO_POINTER (item->kb + 1);

      if (is_person_item (r, item))
        g_hash_table_insert (
            r->named, key,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (r->named, key)) + 1));
    }
}

/* «ولادیمیر پوتین رئیس جمهور روسیه», «رئیس جمهور روسیه ولادیمیر پوتین» */
static void
resolve_appositions (Resolver *r)
{
  for (guint i = 0; i < r->items->len; i++)
    {
      Item *role = item_at (r, i);
      const PvRawMention *before, *after;
      Item *person = NULL;

      if (!role->is_role)
        continue;
      before = raw_touching_before (r, raw_index_of (r, role->raw));
      after = raw_touching_after (r, role->last_raw);
      if (before != NULL)
        person = item_for_raw (r, raw_index_of (r, before));
      if (!is_person_item (r, person) && after != NULL)
        person = item_for_raw (r, raw_index_of (r, after));
      if (!is_person_item (r, person))
        continue;

      role->referent = person->kb;
      g_hash_table_add (r->apposed_roles, g_strdup_printf ("%d:%d", role->role, person->kb));
      if (role->country_kb >= 0)
        {
          g_hash_table_add (r->qualified_apposition, GINT_TO_POINTER (person->kb + 1));
          g_hash_table_insert (r->appositions,
                               g_strdup_printf ("%d:%d", role->role, role->country_kb),
                               GINT_TO_POINTER (person->kb + 1));
        }
    }
}

static const char *
country_code (const Resolver *r, int country_kb)
{
  return kb_entity (r, country_kb)->id + strlen ("country:");
}

/* The KB role of `person` matching `role` (and `country` when not NULL)
 * held on the article date, or NULL. */
static const PvKbRole *
held_role (const Resolver *r, int person, int role, const char *country)
{
  const PvKbEntity *entity = kb_entity (r, person);
  const char *role_id = pv_knowledge_role (r->knowledge, role)->id;

  if (entity->roles == NULL)
    return NULL;
  for (guint i = 0; i < entity->roles->len; i++)
    {
      const PvKbRole *held = &g_array_index (entity->roles, PvKbRole, i);

      if (strcmp (held->role, role_id) == 0 &&
          (country == NULL || strcmp (held->country, country) == 0) &&
          pv_kb_role_held_on (held, r->date))
        return held;
    }
  return NULL;
}

/* A person already given this role of this country by an apposition. */
static int
apposition_holder (const Resolver *r, int role, int country_kb)
{
  g_autofree char *key = g_strdup_printf ("%d:%d", role, country_kb);

  return GPOINTER_TO_INT (g_hash_table_lookup (r->appositions, key)) - 1;
}

static void
resolve_qualified_roles (Resolver *r)
{
  for (guint i = 0; i < r->items->len; i++)
    {
      Item *role = item_at (r, i);
      const char *code;
      GHashTableIter iter;
      gpointer key;
      int found = -1;
      guint n_found = 0;

      if (!role->is_role || role->country_kb < 0 || role->referent >= 0)
        continue;
      code = country_code (r, role->country_kb);

      role->referent = apposition_holder (r, role->role, role->country_kb);
      if (role->referent >= 0)
        continue;

      g_hash_table_iter_init (&iter, r->named);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (held_role (r, GPOINTER_TO_INT (key) - 1, role->role, code) != NULL)
          {
            found = GPOINTER_TO_INT (key) - 1;
            n_found++;
          }
      if (n_found == 1)
        {
          role->referent = found;
          continue;
        }

      /* Nobody named fits: the office holder on the article date, if known. */
      if (r->date == NULL)
        continue;
      n_found = 0;
      for (guint e = 0; e < pv_knowledge_n_entities (r->knowledge); e++)
        if (kb_entity (r, e)->type == PV_ENTITY_PERSON && held_role (r, e, role->role, code))
          {
            found = e;
            n_found++;
          }
      if (n_found == 1)
        role->referent = found;
    }
}

/* A bare «رئیس جمهور»: the person named in the article who holds the office.
 * Someone introduced as the office holder of a named country is taken for a
 * foreign one, so the bare title prefers anyone else. */
static void
resolve_unqualified_roles (Resolver *r)
{
  for (guint i = 0; i < r->items->len; i++)
    {
      Item *role = item_at (r, i);
      GHashTableIter iter;
      gpointer key, value;
      int best = -1, best_foreign = -1;
      guint best_count = 0, best_foreign_count = 0, n_foreign = 0;

      if (!role->is_role || role->country_kb >= 0 || role->referent >= 0)
        continue;

      g_hash_table_iter_init (&iter, r->named);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          int person = GPOINTER_TO_INT (key) - 1;
          guint count = GPOINTER_TO_UINT (value);
          g_autofree char *apposed = g_strdup_printf ("%d:%d", role->role, person);
          gboolean holds = held_role (r, person, role->role, NULL) != NULL ||
                           g_hash_table_contains (r->apposed_roles, apposed);

          if (!holds)
            continue;

          if (g_hash_table_contains (r->qualified_apposition, key))
            {
              n_foreign++;
              if (count > best_foreign_count ||
                  (count == best_foreign_count && person < best_foreign))
                {
                  best_foreign = person;
                  best_foreign_count = count;
                }
            }
          else if (count > best_count || (count == best_count && person < best))
            {
              best = person;
              best_count = count;
            }
        }

      if (best >= 0)
        role->referent = best;
      else if (n_foreign == 1)
        role->referent = best_foreign;
    }
}

/* Building the entity set */

void
pv_entity_free (gpointer data)
{
  PvEntity *entity = data;

  g_free (entity->id);
  g_free (entity->label);
  g_free (entity->label_en);
  g_free (entity->country);
  g_clear_pointer (&entity->mentions, g_array_unref);
  g_free (entity);
}

static void
add_entity (Resolver *r, PvEntity *entity)
{
  /* room for a few mentions: most entities have one to four */
  entity->mentions = g_array_sized_new (FALSE, FALSE, sizeof (PvMention), 4);
  g_ptr_array_add (r->set->entities, entity);
}

static guint
entity_for_key (Resolver *r, const char *key, PvEntity *(*create) (Resolver *, gconstpointer),
                gconstpointer data)
{
  gpointer found = g_hash_table_lookup (r->entity_keys, key);

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  add_entity (r, create (r, data));
  g_hash_table_insert (r->entity_keys, g_strdup (key), GUINT_TO_POINTER (r->set->entities->len));
  return r->set->entities->len - 1;
}

static PvEntity *
create_kb_entity (Resolver *r, gconstpointer data)
{
  const PvKbEntity *kb = kb_entity (r, GPOINTER_TO_INT (data));
  PvEntity *entity = g_new0 (PvEntity, 1);

  entity->id = g_strdup (kb->id);
  entity->type = kb->type;
  entity->label = g_strdup (kb->label);
  entity->label_en = g_strdup (kb->label_en);
  entity->country = g_strdup (kb->country);
  return entity;
}

/* "kb:N", the key of knowledge-base entity N, in `key` (32 bytes): written
 * by hand, as g_snprintf() cost more than the rest of the lookup. */
static void
kb_key (char *key, int kb)
{
  char digits[12];
  guint n = 0, value;
  gsize at = 3;

  if (kb < 0)
    {
      g_snprintf (key, 32, "kb:%d", kb);
      return;
    }
  value = (guint)kb;
  do
    digits[n++] = (char)('0' + value % 10);
  while ((value /= 10) > 0);
  memcpy (key, "kb:", 3);
  while (n > 0)
    key[at++] = digits[--n];
  key[at] = '\0';
}

/* The slot of `kb` (>= 0), free when it has no entity yet.  The table
 * holds at most one slot per raw mention, so it never fills. */
static KbSlot *
kb_slot (Resolver *r, int kb)
{
  gsize mask = r->kb_capacity - 1;
  gsize i = ((guint)kb * 2654435761u) & mask;

  while (r->entity_of_kb[i].kb >= 0 && r->entity_of_kb[i].kb != kb)
    i = (i + 1) & mask;
  return &r->entity_of_kb[i];
}

static guint
entity_for_kb (Resolver *r, int kb)
{
  char key[32];

  if (kb >= 0)
    {
      KbSlot *slot = kb_slot (r, kb);

      if (slot->kb < 0)
        {
          add_entity (r, create_kb_entity (r, GINT_TO_POINTER (kb)));
          slot->kb = kb;
          slot->entity = r->set->entities->len;
        }
      return slot->entity - 1;
    }
  kb_key (key, kb);
  return entity_for_key (r, key, create_kb_entity, GINT_TO_POINTER (kb));
}

static PvEntity *
create_role_entity (Resolver *r, gconstpointer data)
{
  const Item *role = data;
  const PvKbRoleDef *def = pv_knowledge_role (r->knowledge, role->role);
  const PvKbEntity *country = kb_entity (r, role->country_kb);
  PvEntity *entity = g_new0 (PvEntity, 1);
  g_autofree char *slug = NULL;

  entity->type = PV_ENTITY_PERSON;
  entity->label = pv_collapse_spaces (r->text, role->start, role->end);
  slug = pv_slug_from_label (entity->label);
  entity->id = g_strconcat ("person:", slug, NULL);
  if (def->label_en != NULL && country->label_en != NULL)
    entity->label_en = g_strdup_printf ("%s of %s", def->label_en, country->label_en);
  entity->country = g_strdup (country->id + strlen ("country:"));
  return entity;
}

static void
add_mention (Resolver *r, guint entity_index, gsize start, gsize end, guint sentence)
{
  PvEntity *entity = g_ptr_array_index (r->set->entities, entity_index);
  PvMention mention = { start, end, sentence };

  g_array_append_val (entity->mentions, mention);
}

static void
add_evidence (Resolver *r, guint person, int country_kb, gboolean leader, guint sentence)
{
  const KbSlot *country;
  PvRoleEvidence evidence;

  if (country_kb < 0)
    return;
  /* only a country the article names gets an edge */
  country = kb_slot (r, country_kb);
  if (country->kb < 0)
    return;

  evidence.person = person;
  evidence.country = country->entity - 1;
  evidence.leader = leader;
  evidence.sentence = sentence;
  g_array_append_val (r->set->evidence, evidence);
}

static void
build_entities (Resolver *r)
{
  /* Entity mentions first, so role evidence can find the countries. */
  for (guint i = 0; i < r->items->len; i++)
    {
      const Item *item = item_at (r, i);

      if (!item->is_role && !item->dropped)
        add_mention (r, entity_for_kb (r, item->kb), item->start, item->end, item->raw->sentence);
    }

  for (guint i = 0; i < r->items->len; i++)
    {
      const Item *role = item_at (r, i);
      const PvKbRoleDef *def;
      guint person;
      int country_kb = role->country_kb;

      if (!role->is_role)
        continue;
      def = pv_knowledge_role (r->knowledge, role->role);

      if (role->referent >= 0)
        {
          person = entity_for_kb (r, role->referent);
          if (country_kb < 0)
            {
              const PvKbRole *held = held_role (r, role->referent, role->role, NULL);

              if (held != NULL)
                country_kb = country_of (r, held->country);
            }
        }
      else if (country_kb >= 0)
        {
          g_autofree char *key =
              g_strdup_printf ("role:%s:%s", def->id, country_code (r, country_kb));

          person = entity_for_key (r, key, create_role_entity, role);
        }
      else
        continue;

      add_mention (r, person, role->start, role->end, role->raw->sentence);
      add_evidence (r, person, country_kb, def->leader, role->raw->sentence);
    }
}

static int
compare_mentions (gconstpointer a, gconstpointer b)
{
  const PvMention *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

PvEntitySet *
pv_resolve_entities (PvKnowledge *knowledge, const gunichar *text,
                     const PvSegmentation *segmentation, const PvRecognition *recognition,
                     const char *date)
{
  Resolver r = { 0 };

  g_return_val_if_fail (knowledge != NULL, NULL);
  g_return_val_if_fail (recognition != NULL, NULL);

  r.knowledge = knowledge;
  r.text = text;
  r.date = date;
  r.raw = recognition->mentions;
  r.recognition = recognition;
  r.items = g_array_sized_new (FALSE, FALSE, sizeof (Item), r.raw->len);
  r.item_of_raw = g_new (int, r.raw->len + 1);
  for (guint i = 0; i < r.raw->len; i++)
    r.item_of_raw[i] = -1;
  r.appositions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.apposed_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.named = g_hash_table_new (NULL, NULL);
  r.qualified_apposition = g_hash_table_new (NULL, NULL);
  r.entity_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.kb_capacity = 16;
  while (r.kb_capacity < 2 * (gsize)r.raw->len + 2)
    r.kb_capacity *= 2;
  r.entity_of_kb = g_new (KbSlot, r.kb_capacity);
  for (gsize i = 0; i < r.kb_capacity; i++)
    r.entity_of_kb[i].kb = -1;
  r.set = g_new0 (PvEntitySet, 1);
  r.set->entities = g_ptr_array_new_with_free_func (pv_entity_free);
  r.set->evidence = g_array_new (FALSE, FALSE, sizeof (PvRoleEvidence));

  collect_items (&r);
  qualify_roles (&r);
  drop_unsupported_ambiguous (&r);
  count_named_people (&r);
  resolve_appositions (&r);
  resolve_qualified_roles (&r);
  resolve_unqualified_roles (&r);
  build_entities (&r);

  for (guint i = 0; i < r.set->entities->len; i++)
    {
      PvEntity *entity = g_ptr_array_index (r.set->entities, i);
      const PvMention *mentions = (const PvMention *)(void *)entity->mentions->data;
      gboolean in_order = TRUE;

      /* mentions are mostly found in order already */
      for (guint m = 1; m < entity->mentions->len && in_order; m++)
        in_order = compare_mentions (&mentions[m - 1], &mentions[m]) <= 0;
      if (!in_order)
        g_array_sort (entity->mentions, compare_mentions);
    }

  g_array_unref (r.items);
  g_free (r.item_of_raw);
  g_hash_table_unref (r.appositions);
  g_hash_table_unref (r.apposed_roles);
  g_hash_table_unref (r.named);
  g_hash_table_unref (r.qualified_apposition);
  g_hash_table_unref (r.entity_keys);
  g_free (r.entity_of_kb);
  return r.set;
}

/* Persian letters in ASCII, one simple scheme; stable across runs.  At
 * most two letters each: pv_slug_from_label()'s buffer counts on it. */
static const char *
transliterate (gunichar ch)
{
  switch (ch)
    {
      case 0x0627:
        return "a"; /* ا */
      case 0x0628:
        return "b"; /* ب */
      case 0x067E:
        return "p"; /* پ */
      case 0x062A:
        return "t"; /* ت */
      case 0x062B:
        return "s"; /* ث */
      case 0x062C:
        return "j"; /* ج */
      case 0x0686:
        return "ch"; /* چ */
      case 0x062D:
        return "h"; /* ح */
      case 0x062E:
        return "kh"; /* خ */
      case 0x062F:
        return "d"; /* د */
      case 0x0630:
        return "z"; /* ذ */
      case 0x0631:
        return "r"; /* ر */
      case 0x0632:
        return "z"; /* ز */
      case 0x0698:
        return "zh"; /* ژ */
      case 0x0633:
        return "s"; /* س */
      case 0x0634:
        return "sh"; /* ش */
      case 0x0635:
        return "s"; /* ص */
      case 0x0636:
        return "z"; /* ض */
      case 0x0637:
        return "t"; /* ط */
      case 0x0638:
        return "z"; /* ظ */
      case 0x0639:
        return ""; /* ع */
      case 0x063A:
        return "gh"; /* غ */
      case 0x0641:
        return "f"; /* ف */
      case 0x0642:
        return "gh"; /* ق */
      case 0x06A9:
        return "k"; /* ک */
      case 0x06AF:
        return "g"; /* گ */
      case 0x0644:
        return "l"; /* ل */
      case 0x0645:
        return "m"; /* م */
      case 0x0646:
        return "n"; /* ن */
      case 0x0648:
        return "v"; /* و */
      case 0x0647:
        return "h"; /* ه */
      case 0x06CC:
        return "y"; /* ی */
      default:
        return NULL;
    }
}

char *
pv_slug_from_label (const char *label)
{
  /* the label normalized as pv_normalize_string() does, without its
   * round trip through UTF-8: the spaces it collapses become one '-' here
   * anyway */
  /* labels are short: their characters on the stack when they fit (a
   * label is made for every new entity of every article) */
  gunichar text_buffer[128], normalized_buffer[256];
  g_autofree gunichar *text_heap = NULL;
  g_autofree gunichar *normalized_heap = NULL;
  gunichar *text = text_buffer;
  const gunichar *chars = normalized_buffer;
  gsize length = 0, n_chars;
  char *slug;
  gsize n = 0;

  /* invalid UTF-8 (never from the analysis) is an empty label */
  if (g_utf8_validate (label, -1, NULL))
    {
      length = (gsize)g_utf8_strlen (label, -1);
      if (length > G_N_ELEMENTS (text_buffer))
        text = text_heap = g_new (gunichar, length);
      for (gsize i = 0; i < length; i++, label = g_utf8_next_char (label))
        text[i] = g_utf8_get_char (label);
    }
  n_chars = pv_normalize_into (text, length, normalized_buffer, G_N_ELEMENTS (normalized_buffer));
  if (n_chars > G_N_ELEMENTS (normalized_buffer))
    {
      normalized_heap = g_new (gunichar, n_chars);
      pv_normalize_into (text, length, normalized_heap, n_chars);
      chars = normalized_heap;
    }
  /* a character gives at most two letters (transliterate()), and "unnamed" */
  slug = g_malloc (2 * n_chars + sizeof "unnamed");

  for (gsize i = 0; i < n_chars; i++)
    {
      gunichar ch = chars[i];
      const char *latin = transliterate (ch);

      if (latin != NULL)
        {
          for (const char *c = latin; *c != '\0'; c++)
            slug[n++] = *c;
        }
      else if (ch < 0x80 && g_ascii_isalnum ((char)ch))
        slug[n++] = g_ascii_tolower ((char)ch);
      else if (n > 0 && slug[n - 1] != '-')
        slug[n++] = '-';
    }
  while (n > 0 && slug[n - 1] == '-')
    n--;
  if (n == 0)
    {
      memcpy (slug, "unnamed", sizeof "unnamed");
      return slug;
    }
  slug[n] = '\0';
  return slug;
}

void
pv_entity_set_free (PvEntitySet *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->entities);
  g_array_unref (set->evidence);
  g_free (set);
}
