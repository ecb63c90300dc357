/* pv-entities.h: from matched names to the entities of one article
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-knowledge.h"
#include "pv-recognize.h"
#include "pv-text.h"

G_BEGIN_DECLS

typedef struct
{
  gsize start;    /* code points into the original text */
  gsize end;      /* exclusive */
  guint sentence; /* index into the sentences */
} PvMention;

typedef struct
{
  char *id; /* "country:RU", "person:vladimir-putin", … */
  PvEntityType type;
  char *label;      /* Persian label */
  char *label_en;   /* NULL for entities found only by rules, unless one can be made */
  char *country;    /* places and unresolved roles: their country's ISO code */
  GArray *mentions; /* PvMention, in text order */
} PvEntity;

/* The text says that `person` holds an office of `country`. */
typedef struct
{
  guint person; /* entity indexes */
  guint country;
  gboolean leader; /* head of state or government: leader-of, else official-of */
  guint sentence;
} PvRoleEvidence;

typedef struct
{
  GPtrArray *entities; /* PvEntity* */
  GArray *evidence;    /* PvRoleEvidence */
} PvEntitySet;

/* Resolves the raw matches of one article:
 * - a capital is its state unless a locative word (در, شهر) makes it a place;
 * - a name that is also an ordinary word counts only when the same entity is
 *   named plainly elsewhere, or a title (دکتر, آقای) or a role stands next
 *   to it;
 * - a role followed by a country («رئیس جمهور روسیه») is qualified by it; a
 *   role next to a person's name is that person (apposition); other roles
 *   resolve to a person named in the article first, and to the knowledge
 *   base at `date` second; a qualified role that stays unresolved becomes
 *   one node labelled as in the text. */
PvEntitySet *pv_resolve_entities (PvKnowledge *knowledge, const gunichar *text,
                                  const PvSegmentation *segmentation,
                                  const PvRecognition *recognition, const char *date);

/* An ASCII id part for a label found only by rules: a transliteration of
 * its normalized form ("رئیس جمهور ترکیه" → "rys-jmhvr-trkyh"). */
char *pv_slug_from_label (const char *label);

/* Frees a PvEntity (a GDestroyNotify for arrays of them). */
void pv_entity_free (gpointer entity);

void pv_entity_set_free (PvEntitySet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvEntitySet, pv_entity_set_free)

G_END_DECLS
