/* pv-recognize.h: finding the knowledge base's names in the token stream
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-knowledge.h"
#include "pv-normalize.h"
#include "pv-text.h"

G_BEGIN_DECLS

/* One name found in the text, before any resolution. */
typedef struct
{
  gsize start; /* original text, code points */
  gsize end;
  guint first_token; /* indexes into PvSegmentation.tokens, inclusive */
  guint last_token;
  guint sentence;
  PvAliasKind kind;
  /* the knowledge base's entity (or role, for PV_ALIAS_ROLE); an entity
   * index from pv_knowledge_n_entities() on is a rule entity of the
   * recognition: rule_entities[target - first_rule_entity] */
  guint target;
  gboolean ambiguous;
} PvRawMention;

typedef struct
{
  GArray *mentions;         /* PvRawMention, in text order, not overlapping */
  GPtrArray *rule_entities; /* entities the knowledge base does not know */
  guint first_rule_entity;
} PvRecognition;

/* Two passes over the tokens of each sentence:
 * - the knowledge base: one walk through its trie, keeping the longest match
 *   at each position (a plural glued to the last word is allowed where it
 *   cannot change the meaning);
 * - rules for names it does not know: a given name and the words after it,
 *   a title (آقای, سناتور) or an office with a country before a name, names
 *   kept in Latin letters, acronyms and names after an organization head
 *   noun (حزب, دانشگاه); a later surname alone joins its person. */
PvRecognition *pv_recognize (PvKnowledge *knowledge, const gunichar *text,
                             const PvNormalized *normalized, const PvSegmentation *segmentation);

void pv_recognition_free (PvRecognition *recognition);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvRecognition, pv_recognition_free)

G_END_DECLS
