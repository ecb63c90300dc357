/* pv-recognize.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-recognize"

#include "config.h"

#include "pv-knowledge-private.h"
#include "pv-recognize.h"

typedef struct
{
  const gunichar *chars;
  gsize length;
  gboolean plural_only; /* only a plural: any name may take it */
} Suffix;

/* ها های هایی: plurals glued without a ZWNJ (آمریکاییها); ان یان: the
 * plural of people, only after a demonym (آمریکاییان). */
static const gunichar suffix_haye[] = { 0x0647, 0x0627, 0x06CC, 0x06CC };
static const gunichar suffix_hay[] = { 0x0647, 0x0627, 0x06CC };
static const gunichar suffix_ha[] = { 0x0647, 0x0627 };
static const gunichar suffix_yan[] = { 0x06CC, 0x0627, 0x0646 };
static const gunichar suffix_an[] = { 0x0627, 0x0646 };

static const Suffix suffixes[] = {
  { suffix_haye, G_N_ELEMENTS (suffix_haye), TRUE },
  { suffix_hay, G_N_ELEMENTS (suffix_hay), TRUE },
  { suffix_ha, G_N_ELEMENTS (suffix_ha), TRUE },
  { suffix_yan, G_N_ELEMENTS (suffix_yan), FALSE },
  { suffix_an, G_N_ELEMENTS (suffix_an), FALSE },
};

/* Shortest stem a suffix may be taken from. */
#define MIN_STEM 3

static int
kind_rank (PvAliasKind kind)
{
  switch (kind)
    {
      case PV_ALIAS_NAME:
        return 0;
      case PV_ALIAS_METONYM:
        return 1;
      case PV_ALIAS_DEMONYM:
        return 2;
      case PV_ALIAS_SHORT:
        return 3;
      case PV_ALIAS_ROLE:
        return 4;
      case PV_ALIAS_TITLE:
        return 5;
      case PV_ALIAS_LOCATIVE:
      default:
        return 6;
    }
}

static gboolean
payload_allowed (PvKnowledge *knowledge, const PvAliasPayload *payload, const Suffix *suffix)
{
  if (suffix == NULL)
    return TRUE;
  if (payload->kind == PV_ALIAS_DEMONYM)
    return TRUE;
  if (!suffix->plural_only)
    return FALSE;
  /* a plural of a topic word (تحریمها, تروریستها) or of a role */
  if (payload->kind == PV_ALIAS_ROLE)
    return TRUE;
  return (payload->kind == PV_ALIAS_NAME || payload->kind == PV_ALIAS_SHORT) &&
         pv_knowledge_entity (knowledge, payload->target)->type == PV_ENTITY_TOPIC;
}

/* The best payload of a trie node that the suffix (or none) allows. */
static const PvAliasPayload *
best_payload (PvKnowledge *knowledge, guint node, const Suffix *suffix)
{
  const PvAliasPayload *payloads, *best = NULL;
  guint n = 0;

  payloads = pv_knowledge_trie_payloads (knowledge, node, &n);
  for (guint i = 0; i < n; i++)
    {
      if (!payload_allowed (knowledge, &payloads[i], suffix))
        continue;
      if (best == NULL || kind_rank (payloads[i].kind) < kind_rank (best->kind) ||
          (kind_rank (payloads[i].kind) == kind_rank (best->kind) && best->ambiguous &&
           !payloads[i].ambiguous))
        best = &payloads[i];
    }
  return best;
}

static gboolean
ends_with (const gunichar *chars, gsize length, const Suffix *suffix)
{
  if (length < suffix->length + MIN_STEM)
    return FALSE;
  for (gsize i = 0; i < suffix->length; i++)
    if (chars[length - suffix->length + i] != suffix->chars[i])
      return FALSE;
  return TRUE;
}

GArray *
pv_recognize (PvKnowledge *knowledge, const PvNormalized *normalized,
              const PvSegmentation *segmentation)
{
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (PvRawMention));
  const PvToken *tokens = (const PvToken *)(void *)segmentation->tokens->data;
  guint n_tokens = segmentation->tokens->len;
  guint *token_ids = g_new (guint, n_tokens + 1);
  guint i = 0;

  for (guint t = 0; t < n_tokens; t++)
    token_ids[t] = pv_knowledge_lookup_token (knowledge, normalized->chars + tokens[t].norm_start,
                                              tokens[t].norm_end - tokens[t].norm_start);

  while (i < n_tokens)
    {
      const PvAliasPayload *best = NULL;
      guint best_last = i;
      gsize best_norm_end = 0;
      guint node = PV_TRIE_ROOT;

      for (guint j = i; j < n_tokens && tokens[j].sentence == tokens[i].sentence; j++)
        {
          guint child = pv_knowledge_trie_step (knowledge, node, token_ids[j]);
          const gunichar *word = normalized->chars + tokens[j].norm_start;
          gsize word_length = tokens[j].norm_end - tokens[j].norm_start;

          if (child != PV_TRIE_NONE)
            {
              const PvAliasPayload *payload = best_payload (knowledge, child, NULL);

              node = child;
              if (payload != NULL)
                {
                  best = payload;
                  best_last = j;
                  best_norm_end = tokens[j].norm_end;
                }
              continue;
            }

          /* The word itself continues no name: try it without a suffix, as
           * the last word of a name. */
          for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
            {
              const Suffix *suffix = &suffixes[s];
              guint stem_id, stem_node;
              const PvAliasPayload *payload;

              if (!ends_with (word, word_length, suffix))
                continue;
              stem_id = pv_knowledge_lookup_token (knowledge, word, word_length - suffix->length);
              stem_node = pv_knowledge_trie_step (knowledge, node, stem_id);
              if (stem_node == PV_TRIE_NONE)
                continue;
              payload = best_payload (knowledge, stem_node, suffix);
              if (payload != NULL)
                {
                  best = payload;
                  best_last = j;
                  best_norm_end = tokens[j].norm_end - suffix->length;
                  break;
                }
            }
          break;
        }

      if (best == NULL)
        {
          i++;
          continue;
        }

      {
        PvRawMention mention;

        mention.first_token = i;
        mention.last_token = best_last;
        mention.sentence = tokens[i].sentence;
        mention.kind = best->kind;
        mention.target = best->target;
        mention.ambiguous = best->ambiguous;
        pv_normalized_to_original (normalized, tokens[i].norm_start, best_norm_end, &mention.start,
                                   &mention.end);
        g_array_append_val (mentions, mention);
      }
      i = best_last + 1;
    }

  g_free (token_ids);
  return mentions;
}
