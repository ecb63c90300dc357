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

/* One longest match of a knowledge-base name, before any resolution. */
typedef struct
{
  gsize start; /* original text, code points */
  gsize end;
  guint first_token; /* indexes into PvSegmentation.tokens, inclusive */
  guint last_token;
  guint sentence;
  PvAliasKind kind;
  guint target; /* entity index, or role index for PV_ALIAS_ROLE */
  gboolean ambiguous;
} PvRawMention;

/* Walks the tokens of each sentence once through the knowledge base's trie
 * and keeps the longest match at each position (a plural or a suffix glued
 * to the last word is allowed where it cannot change the meaning). */
GArray *pv_recognize (PvKnowledge *knowledge, const PvNormalized *normalized,
                      const PvSegmentation *segmentation);

G_END_DECLS
