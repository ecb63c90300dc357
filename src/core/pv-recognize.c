/* pv-recognize.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-recognize"

#include "config.h"

#include "pv-knowledge-private.h"
#include "pv-entities.h"
#include "pv-recognize.h"

#include <string.h>

typedef struct
{
  const gunichar *chars;
  gsize length;
  gboolean plural_only; /* only a plural: any name may take it */
  gboolean ezafe;       /* the ezafe ی after a final vowel («اتحادیه اروپای …») */
} Suffix;

/* ها های هایی: plurals glued without a ZWNJ (آمریکاییها); ان یان: the
 * plural of people, only after a demonym (آمریکاییان). */
static const gunichar suffix_haye[] = { 0x0647, 0x0627, 0x06CC, 0x06CC };
static const gunichar suffix_hay[] = { 0x0647, 0x0627, 0x06CC };
static const gunichar suffix_ha[] = { 0x0647, 0x0627 };
static const gunichar suffix_yan[] = { 0x06CC, 0x0627, 0x0646 };
static const gunichar suffix_an[] = { 0x0627, 0x0646 };
static const gunichar suffix_ezafe[] = { 0x06CC };

static const Suffix suffixes[] = {
  { suffix_haye, G_N_ELEMENTS (suffix_haye), TRUE, FALSE },
  { suffix_hay, G_N_ELEMENTS (suffix_hay), TRUE, FALSE },
  { suffix_ha, G_N_ELEMENTS (suffix_ha), TRUE, FALSE },
  { suffix_yan, G_N_ELEMENTS (suffix_yan), FALSE, FALSE },
  { suffix_an, G_N_ELEMENTS (suffix_an), FALSE, FALSE },
  { suffix_ezafe, G_N_ELEMENTS (suffix_ezafe), FALSE, TRUE },
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
  if (suffix->ezafe)
    return payload->kind == PV_ALIAS_NAME;
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

/* Whether a word may end with one of the suffixes: they end in ی, ا or ن. */
static inline gboolean
may_have_suffix (const gunichar *chars, gsize length)
{
  gunichar last = length > 0 ? chars[length - 1] : 0;

  return last == 0x06CC || last == 0x0627 || last == 0x0646;
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

/* memcmp() of two words, which are short: no call for them */
static inline gboolean
same_chars (const gunichar *a, const gunichar *b, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

/* The knowledge base's token id of every word of the article, the trie
 * node that word leads to from the root, and the first token with the same
 * normalized word (`word_of`: equal words, equal indexes): each distinct
 * word is looked up once (articles repeat their words, and the knowledge base's tables are
 * large enough for every lookup to miss the cache). */
static void
lookup_tokens (PvKnowledge *knowledge, const PvNormalized *normalized, const PvToken *tokens,
               guint n_tokens, guint *token_ids, guint *root_children, guint *word_of)
{
  gsize capacity = 64, mask;
  g_autofree guint *slots = NULL; /* a token with that word, + 1 */

  while (capacity < 2 * (gsize)n_tokens)
    capacity *= 2;
  mask = capacity - 1;
  slots = g_new0 (guint, capacity);

  for (guint t = 0; t < n_tokens; t++)
    {
      const gunichar *chars = normalized->chars + tokens[t].norm_start;
      gsize length = tokens[t].norm_end - tokens[t].norm_start;

      guint hash = pv_hash_chars (chars, length);

      for (gsize i = hash & mask;; i = (i + 1) & mask)
        {
          const PvToken *other;

          if (slots[i] == 0)
            {
              slots[i] = t + 1;
              word_of[t] = t;
              token_ids[t] = pv_knowledge_lookup_token_hashed (knowledge, chars, length, hash);
              root_children[t] = pv_knowledge_trie_step (knowledge, PV_TRIE_ROOT, token_ids[t]);
              break;
            }
          other = &tokens[slots[i] - 1];
          if (other->norm_end - other->norm_start == length &&
              same_chars (normalized->chars + other->norm_start, chars, length))
            {
              word_of[t] = slots[i] - 1;
              token_ids[t] = token_ids[slots[i] - 1];
              root_children[t] = root_children[slots[i] - 1];
              break;
            }
        }
    }
}

/* A word that begins no name, taken as a name with a suffix: the same for
 * every occurrence of the word, so worked out once. */
typedef struct
{
  const PvAliasPayload *payload; /* NULL: none */
  gsize suffix_length;
} RootSuffix;

static GArray *
knowledge_pass (PvKnowledge *knowledge, const PvNormalized *normalized,
                const PvSegmentation *segmentation, const guint *token_ids,
                const guint *root_children, const guint *word_of)
{
  const PvToken *tokens = (const PvToken *)(void *)segmentation->tokens->data;
  guint n_tokens = segmentation->tokens->len;
  /* about one mention in twenty words in news: room for that, grown if need be */
  GArray *mentions = g_array_sized_new (FALSE, FALSE, sizeof (PvRawMention), n_tokens / 16 + 16);
  /* by word (word_of): only those marked known are set */
  g_autofree RootSuffix *root_suffixes = g_new (RootSuffix, MAX (n_tokens, 1));
  g_autofree guint8 *root_suffix_known = g_new0 (guint8, MAX (n_tokens, 1));
  guint i = 0;

  while (i < n_tokens)
    {
      const PvAliasPayload *best = NULL;
      guint best_last = i;
      gsize best_norm_end = 0;
      guint node = PV_TRIE_ROOT;

      /* most words begin no name, with or without a suffix: known once
       * their word has been seen */
      if (root_children[i] == PV_TRIE_NONE && root_suffix_known[word_of[i]] &&
          root_suffixes[word_of[i]].payload == NULL)
        {
          i++;
          continue;
        }

      for (guint j = i; j < n_tokens && tokens[j].sentence == tokens[i].sentence; j++)
        {
          guint child = node == PV_TRIE_ROOT
                            ? root_children[j]
                            : pv_knowledge_trie_step (knowledge, node, token_ids[j]);
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
          if (node == PV_TRIE_ROOT && root_suffix_known[word_of[j]])
            {
              const RootSuffix *known = &root_suffixes[word_of[j]];

              if (known->payload != NULL)
                {
                  best = known->payload;
                  best_last = j;
                  best_norm_end = tokens[j].norm_end - known->suffix_length;
                }
              break;
            }
          if (node == PV_TRIE_ROOT)
            {
              root_suffix_known[word_of[j]] = TRUE;
              root_suffixes[word_of[j]].payload = NULL;
            }
          if (!may_have_suffix (word, word_length))
            break;
          for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
            {
              const Suffix *suffix = &suffixes[s];
              guint stem_id, stem_node;
              const PvAliasPayload *payload;

              if (!ends_with (word, word_length, suffix))
                continue;
              /* an ezafe only on the last word of a name of several words,
               * after a vowel: «اروپای» in «اتحادیه اروپای …», never
               * «آمریکای لاتین» for America */
              if (suffix->ezafe &&
                  (j == i || (word[word_length - 2] != 0x0627 && word[word_length - 2] != 0x0648)))
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
                  if (node == PV_TRIE_ROOT)
                    {
                      root_suffixes[word_of[j]].payload = payload;
                      root_suffixes[word_of[j]].suffix_length = suffix->length;
                    }
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

  return mentions;
}

/* Rules for names the knowledge base does not know */

/* The longest name a rule takes, in words. */
#define MAX_NAME_WORDS 4

typedef enum
{
  COVER_NONE,
  COVER_TITLE,    /* آقای, سناتور: a name may follow */
  COVER_LOCATIVE, /* در, شهر: context, not a name */
  COVER_NAME,     /* part of a name or a role already found */
} Cover;

typedef struct
{
  PvKnowledge *knowledge;
  const gunichar *text;
  gsize text_length; /* the length of text */
  const PvNormalized *normalized;
  const PvToken *tokens;
  guint n_tokens;
  const guint *token_ids;
  const guint *word_of; /* the first token with the same normalized word */
  const guint16 *flags; /* PvWordFlags, per token */
  const guint8 *traits; /* Trait, per token */
  guint8 *cover;        /* Cover, per token */
  GArray *found;        /* PvRawMention found by rules */
  PvRecognition *recognition;
  GHashTable *by_key; /* "type:normalized name" → rule entity index + 1 */
  GHashTable *ids;    /* ids taken by rule entities */
  GArray *surnames;   /* Surname */
} Rules;

typedef struct
{
  guint entity;      /* rule entity index */
  guint word;        /* the surname's word (Rules.word_of) */
  guint after_token; /* only later mentions join */
} Surname;

/* What the rules ask of every token again and again, worked out once. */
typedef enum
{
  TRAIT_LATIN = 1 << 0,       /* begins with a Latin letter */
  TRAIT_CAPITALIZED = 1 << 1, /* with a capital */
  TRAIT_LETTER = 1 << 2,      /* holds a letter */
  TRAIT_DIGIT = 1 << 3,       /* begins with a digit */
} Trait;

static guint8
token_traits (const gunichar *text, const PvToken *token)
{
  gunichar first = text[token->start];
  guint8 traits = 0;

  /* the usual cases without a call: an Arabic-script letter, ASCII */
  if ((first >= 0x0620 && first <= 0x064A) || (first >= 0x0671 && first <= 0x06D3))
    return TRAIT_LETTER;
  if (first < 0x80 && g_ascii_isalpha ((char)first))
    return TRAIT_LATIN | TRAIT_LETTER | (g_ascii_isupper ((char)first) ? TRAIT_CAPITALIZED : 0);

  if (first < 0x250 && g_unichar_isalpha (first))
    traits |= TRAIT_LATIN | (g_unichar_isupper (first) ? TRAIT_CAPITALIZED : 0);
  if (g_unichar_isdigit (first))
    traits |= TRAIT_DIGIT;
  for (gsize i = token->start; i < token->end; i++)
    if (g_unichar_isalpha (text[i]))
      {
        traits |= TRAIT_LETTER;
        break;
      }
  return traits;
}

static guint
word_flags (const Rules *r, guint token)
{
  return r->flags[token];
}

static gboolean
is_latin (const Rules *r, guint token)
{
  return (r->traits[token] & TRAIT_LATIN) != 0;
}

static gboolean
is_capitalized (const Rules *r, guint token)
{
  return (r->traits[token] & TRAIT_CAPITALIZED) != 0;
}

static gboolean
is_acronym (const Rules *r, guint token)
{
  const PvToken *t = &r->tokens[token];
  gsize length = t->end - t->start;

  if (length < 2 || length > 6)
    return FALSE;
  for (gsize i = t->start; i < t->end; i++)
    if (!(r->text[i] < 0x80 && g_unichar_isupper (r->text[i])))
      return FALSE;
  return TRUE;
}

static gboolean
has_letter (const Rules *r, guint token)
{
  return (r->traits[token] & TRAIT_LETTER) != 0;
}

/* Nothing but white space (or, inside a Latin name, a hyphen or a period)
 * between two tokens of one sentence. */
static gboolean
adjacent (const Rules *r, guint a, guint b)
{
  if (b >= r->n_tokens || r->tokens[a].sentence != r->tokens[b].sentence)
    return FALSE;
  for (gsize i = r->tokens[a].end; i < r->tokens[b].start; i++)
    {
      gunichar ch = r->text[i];

      if (ch == ' ' || ch == 0x200C || g_unichar_isspace (ch) || ch == 0x200F || ch == 0x200E)
        continue;
      /* «جورج دبلیو. بوش», "Jean-Pierre": the sentence split has already
       * told a full stop that ends a sentence from one that does not */
      if (ch == '.' || (ch == '-' && is_latin (r, a) && is_latin (r, b)))
        continue;
      return FALSE;
    }
  return TRUE;
}

/* A word that can be part of a Persian name: not found yet, not a function
 * word or a verb, not a number. */
static gboolean
name_like (const Rules *r, guint token)
{
  return r->cover[token] == COVER_NONE &&
         (word_flags (r, token) & (PV_WORD_STOP | PV_WORD_VERB | PV_WORD_COMMON)) == 0 &&
         has_letter (r, token) && !is_latin (r, token) &&
         r->tokens[token].norm_end - r->tokens[token].norm_start >= 2;
}

static char *
surface (const Rules *r, guint first, guint last)
{
  return pv_collapse_spaces (r->text, r->tokens[first].start, r->tokens[last].end);
}

/* "TYPE:NAME", the key of a rule entity: TYPE's number, then the
 * normalized words joined by spaces, in UTF-8, written in one go (this
 * runs for every mention a rule finds). */
static char *
rule_key (const Rules *r, PvEntityType type, guint first, guint last)
{
  gsize size = 16;
  char *key, *out;

  for (guint t = first; t <= last; t++)
    size += 4 * (r->tokens[t].norm_end - r->tokens[t].norm_start) + 1;
  key = g_malloc (size);
  if ((guint)type < 10) /* every type: g_snprintf() costs more than the rest */
    {
      key[0] = (char)('0' + type);
      key[1] = ':';
      out = key + 2;
    }
  else
    out = key + g_snprintf (key, 16, "%d:", type);
  for (guint t = first; t <= last; t++)
    {
      if (t > first)
        *out++ = ' ';
      for (gsize i = r->tokens[t].norm_start; i < r->tokens[t].norm_end; i++)
        out += g_unichar_to_utf8 (r->normalized->chars[i], out);
    }
  *out = '\0';
  return key;
}

static guint
rule_entity (Rules *r, PvEntityType type, guint first, guint last)
{
  g_autofree char *key = rule_key (r, type, first, last);
  gpointer found = g_hash_table_lookup (r->by_key, key);
  g_autofree char *slug = NULL;
  PvKbEntity *entity;
  char *id;
  guint index;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  entity = g_new0 (PvKbEntity, 1);
  entity->type = type;
  entity->label = surface (r, first, last);
  if (is_latin (r, first))
    entity->label_en = g_strdup (entity->label);
  slug = pv_slug_from_label (entity->label);
  id = g_strconcat (pv_entity_type_to_string (type), ":", slug, NULL);
  for (guint n = 2;
       g_hash_table_contains (r->ids, id) || pv_knowledge_find_entity (r->knowledge, id) >= 0; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s:%s-%u", pv_entity_type_to_string (type), slug, n);
    }
  entity->id = id;
  g_hash_table_add (r->ids, id);

  index = r->recognition->rule_entities->len;
  g_ptr_array_add (r->recognition->rule_entities, entity);
  g_hash_table_insert (r->by_key, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
  return index;
}

static void
add_rule_mention (Rules *r, guint entity, guint first, guint last)
{
  PvRawMention mention;

  mention.start = r->tokens[first].start;
  mention.end = r->tokens[last].end;
  mention.first_token = first;
  mention.last_token = last;
  mention.sentence = r->tokens[first].sentence;
  mention.kind = PV_ALIAS_NAME;
  mention.target = r->recognition->first_rule_entity + entity;
  mention.ambiguous = FALSE;
  g_array_append_val (r->found, mention);

  for (guint t = first; t <= last; t++)
    r->cover[t] = COVER_NAME;
}

/* A surname worth matching alone later: a real word, not a common one. */
static gboolean
name_like_surname (const Rules *r, guint token)
{
  return (word_flags (r, token) & (PV_WORD_STOP | PV_WORD_VERB | PV_WORD_COMMON)) == 0 &&
         r->tokens[token].norm_end - r->tokens[token].norm_start >= 3 && has_letter (r, token);
}

static void
add_person (Rules *r, guint first, guint last)
{
  guint entity = rule_entity (r, PV_ENTITY_PERSON, first, last);

  add_rule_mention (r, entity, first, last);
  if (last > first && name_like_surname (r, last))
    {
      Surname surname = { entity, r->word_of[last], last };

      g_array_append_val (r->surnames, surname);
    }
}

static gboolean
starts_with_article (const Rules *r, guint token)
{
  static const char *const articles[] = { "The", "La",  "Le",  "Les", "El",
                                          "Los", "Las", "Der", "Die", "Das" };
  const PvToken *t = &r->tokens[token];
  char word[4];

  if (t->end - t->start > 3)
    return FALSE;
  for (gsize i = t->start; i < t->end; i++)
    word[i - t->start] = r->text[i] < 0x80 ? (char)r->text[i] : '?';
  word[t->end - t->start] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (strcmp (word, articles[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "I" and "A" that are words, not initials ("I Love", but "A. Merkel") */
static gboolean
is_pronoun_or_article (const Rules *r, guint token)
{
  const PvToken *t = &r->tokens[token];
  gunichar ch = r->text[t->start];

  return t->end - t->start == 1 && (ch == 'I' || ch == 'A') &&
         (t->end >= r->text_length || r->text[t->end] != '.');
}

static gboolean
has_possessive (const Rules *r, guint first, guint last)
{
  for (gsize i = r->tokens[first].start; i + 1 < r->tokens[last].end; i++)
    if ((r->text[i] == '\'' || r->text[i] == 0x2019) && r->text[i + 1] == 's')
      return TRUE;
  return FALSE;
}

/* "Lindsey Graham", "NBC News", "FBI": names kept in Latin letters. */
static void
latin_names (Rules *r)
{
  guint t = 0;

  while (t < r->n_tokens)
    {
      guint last = t;
      gboolean organization = FALSE, place = FALSE;

      if (r->cover[t] != COVER_NONE || !is_capitalized (r, t) || is_pronoun_or_article (r, t))
        {
          t++;
          continue;
        }
      while (last + 1 < r->n_tokens && last + 1 - t < MAX_NAME_WORDS + 1 &&
             r->cover[last + 1] == COVER_NONE && is_capitalized (r, last + 1) &&
             adjacent (r, last, last + 1))
        last++;

      for (guint k = t; k <= last; k++)
        {
          organization = organization || (word_flags (r, k) & PV_WORD_ORGANIZATION_WORD) != 0;
          place = place || (word_flags (r, k) & PV_WORD_PLACE_WORD) != 0;
        }
      /* "The Hill", "La Roche-Posay": a name with an article is a title;
       * "Burt's Bees", "HMP Long Lartin": a possessive or an acronym inside
       * a longer name makes it a company or an institution */
      organization = organization || starts_with_article (r, t) || has_possessive (r, t, last);
      for (guint k = t; last > t && k <= last; k++)
        organization = organization || is_acronym (r, k);

      if (place && !organization)
        ; /* "Wesbanco Arena", "Maple Street": neither a person nor an organization */
      else if (last == t)
        {
          if (is_acronym (r, t) && (word_flags (r, t) & PV_WORD_NOT_ORGANIZATION) == 0)
            add_rule_mention (r, rule_entity (r, PV_ENTITY_ORGANIZATION, t, t), t, t);
        }
      else if (organization)
        add_rule_mention (r, rule_entity (r, PV_ENTITY_ORGANIZATION, t, last), t, last);
      /* «در Baton Rouge»: after a locative word it is a place */
      else if (t > 0 && r->cover[t - 1] == COVER_LOCATIVE && adjacent (r, t - 1, t))
        ;
      else
        add_person (r, t, last);
      t = last + 1;
    }
}

/* The name-like words right after `token`, at most `max`: the index of the
 * last one, or `token` when there is none. */
static guint
extend_name (const Rules *r, guint token, guint max)
{
  guint last = token;

  while (last - token < max && adjacent (r, last, last + 1) && name_like (r, last + 1))
    last++;
  return last;
}

/* «پاتریک موریسی», «ولید معلم»: a given name and the words after it. */
static void
given_names (Rules *r)
{
  for (guint t = 0; t < r->n_tokens; t++)
    {
      guint last;

      if (r->cover[t] != COVER_NONE || is_latin (r, t) ||
          (word_flags (r, t) & PV_WORD_GIVEN_NAME) == 0)
        continue;
      /* a given name and one more word: a third is more often the noun
       * after the name («دانیل استوریج بازیکن …») than a second surname */
      last = extend_name (r, t, 1);
      if (last > t)
        {
          add_person (r, t, last);
          t = last;
        }
    }
}

static gboolean
token_equals (const Rules *r, guint token, const char *word)
{
  g_autofree char *text =
      g_ucs4_to_utf8 (r->normalized->chars + r->tokens[token].norm_start,
                      r->tokens[token].norm_end - r->tokens[token].norm_start, NULL, NULL, NULL);

  return g_strcmp0 (text, word) == 0;
}

/* «جورج دبلیو. بوش», «جورج ایوانف»: a given name before a surname the
 * knowledge base knows.  When the given name is the known person's, the
 * mention grows to the full name and is no longer ambiguous; when it is
 * another, this is somebody else with the same surname. */
static void
given_names_before_surnames (Rules *r, GArray *kb_mentions)
{
  for (guint i = 0; i < kb_mentions->len; i++)
    {
      PvRawMention *m = &g_array_index (kb_mentions, PvRawMention, i);
      const PvKbEntity *person;
      g_autofree char *label = NULL;
      char *space;
      guint given = G_MAXUINT;

      if (m->kind != PV_ALIAS_SHORT)
        continue;
      person = pv_knowledge_entity (r->knowledge, m->target);
      if (person->type != PV_ENTITY_PERSON)
        continue;

      /* a given name at most two name-like words before the surname */
      for (guint back = 1; back <= 3 && back <= m->first_token; back++)
        {
          guint t = m->first_token - back;

          /* a name is written in one script: "Laverne" does not start «... می» */
          if (!adjacent (r, t, t + 1) || r->cover[t] != COVER_NONE ||
              is_latin (r, t) != is_latin (r, m->first_token))
            break;
          if ((word_flags (r, t) & PV_WORD_GIVEN_NAME) != 0)
            {
              given = t;
              break;
            }
          if (!name_like (r, t))
            break;
        }
      if (given == G_MAXUINT)
        continue;

      label = pv_normalize_string (person->label);
      space = strchr (label, ' ');
      if (space != NULL)
        *space = '\0';

      if (token_equals (r, given, label))
        {
          m->first_token = given;
          m->start = r->tokens[given].start;
          m->kind = PV_ALIAS_NAME;
          m->ambiguous = FALSE;
          for (guint t = given; t <= m->last_token; t++)
            r->cover[t] = COVER_NAME;
        }
      else
        {
          guint first = m->first_token, last = m->last_token;

          g_array_remove_index (kb_mentions, i--);
          for (guint t = first; t <= last; t++)
            r->cover[t] = COVER_NONE;
          add_person (r, given, last);
        }
    }
}

/* «سناتور لیندسی گراهام», «خانم فریمن»: a title before a name. */
static void
titled_names (Rules *r)
{
  for (guint t = 0; t + 1 < r->n_tokens; t++)
    {
      guint last;

      if (r->cover[t] != COVER_TITLE || !adjacent (r, t, t + 1) || !name_like (r, t + 1))
        continue;
      /* «دکتر علوم سیاسی» is a doctorate: after a weak title, only a given
       * name starts a name */
      if ((word_flags (r, t) & PV_WORD_WEAK) != 0 &&
          (word_flags (r, t + 1) & PV_WORD_GIVEN_NAME) == 0)
        continue;
      /* «آقای ترامپ», «سناتور لیندسی گراهام»: a surname, or a given name
       * and a surname */
      last = extend_name (r, t + 1, (word_flags (r, t + 1) & PV_WORD_GIVEN_NAME) != 0 ? 1 : 0);
      add_person (r, t + 1, last);
      t = last;
    }
}

/* «وزیر امور خارجه سوریه ولید معلم»: an office of a country before a name. */
static void
names_after_offices (Rules *r, const GArray *kb_mentions)
{
  for (guint i = 0; i + 1 < kb_mentions->len; i++)
    {
      const PvRawMention *role = &g_array_index (kb_mentions, PvRawMention, i);
      const PvRawMention *country = &g_array_index (kb_mentions, PvRawMention, i + 1);
      guint first, last;

      if (role->kind != PV_ALIAS_ROLE || country->kind != PV_ALIAS_NAME ||
          country->first_token != role->last_token + 1 ||
          pv_knowledge_entity (r->knowledge, country->target)->type != PV_ENTITY_COUNTRY)
        continue;
      first = country->last_token + 1;
      if (!adjacent (r, country->last_token, first) || !name_like (r, first))
        continue;
      last = extend_name (r, first, 2);
      /* one word after an office is a name only when it is a given name:
       * «رئیس جمهور روسیه توافقات …» is not about a Mr Tavafoghat */
      if (last == first && (word_flags (r, first) & PV_WORD_GIVEN_NAME) == 0)
        continue;
      add_person (r, first, last);
    }
}

/* «حزب محافظه کار», «دانشگاه تهران», «دانشگاه Syracuse»: an organization
 * head noun and the name after it, which may end with a place. */
typedef struct
{
  guint first;
  guint last;
} Extent;

/* Organizations are named with ordinary words («حزب کارگر», «شبکه
 * تلویزیونی»): anything but a function word, a verb or a name found. */
static gboolean
organization_word (const Rules *r, guint token)
{
  return r->cover[token] == COVER_NONE &&
         (word_flags (r, token) & (PV_WORD_STOP | PV_WORD_VERB)) == 0 && has_letter (r, token) &&
         !is_latin (r, token) && r->tokens[token].norm_end - r->tokens[token].norm_start >= 2;
}

/* Persian adjectives of relation end in ی, comparatives in تر and ترین. */
static gboolean
looks_adjectival (const Rules *r, guint token)
{
  const gunichar *chars = r->normalized->chars + r->tokens[token].norm_start;
  gsize length = r->tokens[token].norm_end - r->tokens[token].norm_start;

  if (is_latin (r, token) || length < 3)
    return FALSE;
  if (chars[length - 1] == 0x06CC)
    return TRUE;
  return (chars[length - 2] == 0x062A && chars[length - 1] == 0x0631) ||
         (length > 4 && chars[length - 4] == 0x062A && chars[length - 3] == 0x0631 &&
          chars[length - 2] == 0x06CC && chars[length - 1] == 0x0646);
}

/* True when the words of `prefix` begin those of `name`. */
static gboolean
is_name_prefix (const Rules *r, const Extent *prefix, const Extent *name)
{
  guint n = prefix->last - prefix->first + 1;

  if (n >= name->last - name->first + 1)
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      const PvToken *a = &r->tokens[prefix->first + k], *b = &r->tokens[name->first + k];
      gsize length = a->norm_end - a->norm_start;

      if (length != b->norm_end - b->norm_start ||
          memcmp (r->normalized->chars + a->norm_start, r->normalized->chars + b->norm_start,
                  length * sizeof (gunichar)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
organization_names (Rules *r, const guint *kb_place_end)
{
  g_autoptr (GArray) extents = g_array_new (FALSE, FALSE, sizeof (Extent));

  for (guint t = 0; t + 1 < r->n_tokens; t++)
    {
      Extent extent = { t, t };
      gboolean weak, ends_with_place = FALSE;

      if (r->cover[t] != COVER_NONE || (word_flags (r, t) & PV_WORD_ORGANIZATION_HEAD) == 0)
        continue;
      weak = (word_flags (r, t) & PV_WORD_WEAK) != 0;

      while (extent.last - t < MAX_NAME_WORDS && adjacent (r, extent.last, extent.last + 1) &&
             (organization_word (r, extent.last + 1) ||
              (!weak && r->cover[extent.last + 1] == COVER_NONE &&
               is_capitalized (r, extent.last + 1))))
        extent.last++;
      /* a country or a city closes the name */
      if (adjacent (r, extent.last, extent.last + 1) && kb_place_end[extent.last + 1] != G_MAXUINT)
        {
          extent.last = kb_place_end[extent.last + 1];
          ends_with_place = TRUE;
        }
      /* «شرکت», «مرکز», «دادگاه» are ordinary words too: only with a place
       * («وزارت بهداشت روسیه», «پلیس لندن») do they name an organization */
      if (extent.last == t || (weak && !ends_with_place))
        continue;
      /* «مؤسسه رقابتی», «حزب محدودتر»: a head and one adjective is a
       * description, not a name */
      if (extent.last == t + 1 && !ends_with_place && looks_adjectival (r, t + 1))
        continue;
      g_array_append_val (extents, extent);
      t = extent.last;
    }

  /* «حزب کارگر» and «حزب کارگر تحمل …»: where the article also writes a
   * name alone, a longer run that begins with it is that name followed by
   * other words */
  for (guint i = 0; i < extents->len; i++)
    {
      Extent *extent = &g_array_index (extents, Extent, i);
      guint shortest = extent->last - extent->first + 1;

      for (guint j = 0; j < extents->len; j++)
        {
          const Extent *other = &g_array_index (extents, Extent, j);

          if (is_name_prefix (r, other, extent) && other->last - other->first + 1 < shortest)
            shortest = other->last - other->first + 1;
        }
      extent->last = extent->first + shortest - 1;
      add_rule_mention (r, rule_entity (r, PV_ENTITY_ORGANIZATION, extent->first, extent->last),
                        extent->first, extent->last);
    }
}

/* «مجلس یونان», «دیوان عالی کنیا»: a bare institution the knowledge base
 * gives to one country, followed by another country, is that country's. */
static void
institutions_of_countries (Rules *r, GArray *kb_mentions)
{
  for (guint i = 0; i + 1 < kb_mentions->len; i++)
    {
      const PvRawMention *m = &g_array_index (kb_mentions, PvRawMention, i);
      const PvRawMention *next = &g_array_index (kb_mentions, PvRawMention, i + 1);
      const PvKbEntity *institution = pv_knowledge_entity (r->knowledge, m->target);
      const PvKbEntity *country;
      guint first = m->first_token, last = next->last_token;

      if (!m->ambiguous || institution->type != PV_ENTITY_ORGANIZATION ||
          next->kind != PV_ALIAS_NAME || next->first_token != m->last_token + 1 ||
          !adjacent (r, m->last_token, next->first_token))
        continue;
      country = pv_knowledge_entity (r->knowledge, next->target);
      if (country->type != PV_ENTITY_COUNTRY ||
          g_strcmp0 (institution->country, country->id + strlen ("country:")) == 0)
        continue;

      g_array_remove_index (kb_mentions, i);
      add_rule_mention (r, rule_entity (r, PV_ENTITY_ORGANIZATION, first, last), first, last);
    }
}

/* «کاوانا» after «برت کاوانا»: the surname alone is the same person. */
static void
later_surnames (Rules *r)
{
  g_autofree guint *first_surname = NULL; /* by word: its first surname + 1 */
  g_autofree guint *next_surname = NULL;  /* the next surname of the same word + 1 */

  if (r->surnames->len == 0)
    return;
  first_surname = g_new0 (guint, r->n_tokens);
  next_surname = g_new0 (guint, r->surnames->len);
  for (guint s = r->surnames->len; s-- > 0;)
    {
      guint word = g_array_index (r->surnames, Surname, s).word;

      next_surname[s] = first_surname[word];
      first_surname[word] = s + 1;
    }

  for (guint t = 0; t < r->n_tokens; t++)
    {
      if (r->cover[t] != COVER_NONE)
        continue;
      for (guint s = first_surname[r->word_of[t]]; s != 0; s = next_surname[s - 1])
        {
          const Surname *surname = &g_array_index (r->surnames, Surname, s - 1);

          if (t > surname->after_token)
            {
              add_rule_mention (r, surname->entity, t, t);
              break;
            }
        }
    }
}

/* Keyphrases: topics the lexicon does not know, found by counting. */

/* At most this many keyphrase topics per article. */
#define MAX_KEYPHRASES 5
#define MAX_KEYPHRASE_WORDS 3

typedef struct
{
  char *key; /* normalized words, plural endings dropped (made only for
              * the candidates counted often enough to be chosen) */
  guint count;
  guint words;
  guint stems[MAX_KEYPHRASE_WORDS]; /* the words' stem ids (KeyWord), 0 after the last */
  guint first;                      /* the first occurrence: its first and last token */
  guint last;
} Candidate;

static gboolean
keyphrase_word (const Rules *r, guint token)
{
  const PvToken *t = &r->tokens[token];

  /* the cheap tests first: this runs for every token */
  return r->cover[token] == COVER_NONE && t->norm_end - t->norm_start >= 3 &&
         (word_flags (r, token) &
          (PV_WORD_STOP | PV_WORD_VERB | PV_WORD_GIVEN_NAME | PV_WORD_ORGANIZATION_HEAD)) == 0 &&
         (r->traits[token] & (TRAIT_LATIN | TRAIT_DIGIT | TRAIT_LETTER)) == TRAIT_LETTER;
}

/* «ها», «های», «هایی» written apart (کارت‌های سوخت): part of the word before. */
static gboolean
is_plural_token (const Rules *r, guint token)
{
  const gunichar *chars = r->normalized->chars + r->tokens[token].norm_start;
  gsize length = r->tokens[token].norm_end - r->tokens[token].norm_start;

  for (guint s = 0; s < 3; s++)
    if (length == suffixes[s].length &&
        memcmp (chars, suffixes[s].chars, length * sizeof (gunichar)) == 0)
      return TRUE;
  return FALSE;
}

/* The last token of the keyphrase word at `token` (itself, or a plural
 * written apart after it), or G_MAXUINT when it is no keyphrase word. */
static guint
keyphrase_word_end (const Rules *r, guint token)
{
  if (!keyphrase_word (r, token))
    return G_MAXUINT;
  if (token + 1 < r->n_tokens && r->cover[token + 1] == COVER_NONE &&
      is_plural_token (r, token + 1) && adjacent (r, token, token + 1))
    return token + 1;
  return token;
}

/* The length of the normalized word at `token` without a glued plural
 * ending (تحریمها → تحریم). */
static gsize
stem_length (const Rules *r, guint token)
{
  const gunichar *chars = r->normalized->chars + r->tokens[token].norm_start;
  gsize length = r->tokens[token].norm_end - r->tokens[token].norm_start;

  if (!may_have_suffix (chars, length))
    return length;
  for (guint s = 0; s < 3; s++) /* ها های هایی */
    if (ends_with (chars, length, &suffixes[s]))
      return length - suffixes[s].length;
  return length;
}

/* Each token's keyphrase word, worked out once.  Equal stems get equal
 * ids, so that n-grams are counted and compared as ids; stems hold no
 * space, so equal ids are equal keys. */
typedef struct
{
  guint end;         /* keyphrase_word_end(), G_MAXUINT when none */
  guint stem;        /* its stem's id, from 1 */
  gsize stem_length; /* its stem: this many normalized chars from the token's start */
} KeyWord;

static const gunichar *
stem_chars (const Rules *r, guint token)
{
  return r->normalized->chars + r->tokens[token].norm_start;
}

static KeyWord *
key_words_new (const Rules *r, guint *n_stems_out)
{
  KeyWord *words = g_new (KeyWord, MAX (r->n_tokens, 1));
  gsize capacity = 64, mask;
  g_autofree guint *slots = NULL; /* a token with that stem, + 1 */
  guint n_stems = 0;

  while (capacity < 2 * (gsize)r->n_tokens)
    capacity *= 2;
  mask = capacity - 1;
  slots = g_new0 (guint, capacity);

  for (guint t = 0; t < r->n_tokens; t++)
    {
      KeyWord *word = &words[t];
      const KeyWord *same = &words[r->word_of[t]];

      word->end = keyphrase_word_end (r, t);
      word->stem = 0;
      word->stem_length = 0;
      if (word->end == G_MAXUINT)
        continue;
      /* the same word as an earlier keyphrase word: the same stem */
      if (same != word && same->stem != 0)
        {
          word->stem = same->stem;
          word->stem_length = same->stem_length;
          continue;
        }
      word->stem_length = stem_length (r, t);
      for (gsize i = pv_hash_chars (stem_chars (r, t), word->stem_length) & mask;;
           i = (i + 1) & mask)
        {
          const KeyWord *other;

          if (slots[i] == 0)
            {
              slots[i] = t + 1;
              word->stem = ++n_stems;
              break;
            }
          other = &words[slots[i] - 1];
          if (other->stem_length == word->stem_length &&
              memcmp (stem_chars (r, slots[i] - 1), stem_chars (r, t),
                      word->stem_length * sizeof (gunichar)) == 0)
            {
              word->stem = other->stem;
              break;
            }
        }
    }
  *n_stems_out = n_stems;
  return words;
}

/* The next word of an n-gram of `words` keyphrase words: the one at
 * `*next`, when it follows the `words - 1` before it.  Returns its stem id
 * (0: there is none), sets `*last` to the last token it covers and
 * `*next` to the token after it. */
static guint
ngram_next (const Rules *r, const KeyWord *k, guint words, guint *last, guint *next)
{
  guint t = *next;

  if (t >= r->n_tokens || k[t].end == G_MAXUINT || (words > 1 && !adjacent (r, t - 1, t)))
    return 0;
  *last = k[t].end;
  *next = k[t].end + 1;
  return k[t].stem;
}

/* The key of a candidate: its words from its first occurrence, each
 * stemmed, joined by spaces. */
static char *
candidate_key (const Rules *r, const KeyWord *k, const Candidate *candidate)
{
  GString *key = g_string_new (NULL);
  guint t = candidate->first;

  for (guint w = 0; w < candidate->words; w++)
    {
      const gunichar *chars = stem_chars (r, t);

      if (w > 0)
        g_string_append_c (key, ' ');
      for (gsize i = 0; i < k[t].stem_length; i++)
        g_string_append_unichar (key, chars[i]);
      t = k[t].end + 1;
    }
  return g_string_free (key, FALSE);
}

/* N-grams → candidates, open addressing over candidate indexes + 1. */
typedef struct
{
  guint *slots;
  gsize capacity; /* a power of two */
} NgramTable;

static gsize
hash_ngram (guint words, const guint *stems)
{
  guint64 hash = words;

  for (guint i = 0; i < MAX_KEYPHRASE_WORDS; i++)
    hash = (hash ^ stems[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  hash ^= hash >> 29;
  return (gsize)hash;
}

static gboolean
same_ngram (const Candidate *candidate, guint words, const guint *stems)
{
  return candidate->words == words &&
         memcmp (candidate->stems, stems, sizeof candidate->stems) == 0;
}

static void
ngram_table_insert (NgramTable *table, guint words, const guint *stems, guint index)
{
  gsize mask = table->capacity - 1;

  for (gsize i = hash_ngram (words, stems) & mask;; i = (i + 1) & mask)
    if (table->slots[i] == 0)
      {
        table->slots[i] = index + 1;
        return;
      }
}

typedef struct
{
  Candidate *items;
  guint len;
  guint capacity;
} CandidateList;

static void
candidate_list_clear (CandidateList *list)
{
  for (guint i = 0; i < list->len; i++)
    g_free (list->items[i].key);
  g_free (list->items);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CandidateList, candidate_list_clear)

static Candidate *
candidate_list_add (CandidateList *list, guint words, const guint *stems, guint first, guint last)
{
  Candidate *candidate;

  if (list->len == list->capacity)
    {
      list->capacity *= 2;
      list->items = g_renew (Candidate, list->items, list->capacity);
    }
  candidate = &list->items[list->len++];
  candidate->key = NULL;
  candidate->count = 0;
  candidate->words = words;
  memcpy (candidate->stems, stems, sizeof candidate->stems);
  candidate->first = first;
  candidate->last = last;
  return candidate;
}

/* The candidate of the n-gram of several words, added (with its first
 * occurrence) when new; single words go by their stem id instead. */
static Candidate *
ngram_candidate (NgramTable *table, CandidateList *candidates, guint words, const guint *stems,
                 guint first, guint last)
{
  gsize mask = table->capacity - 1;

  for (gsize i = hash_ngram (words, stems) & mask; table->slots[i] != 0; i = (i + 1) & mask)
    {
      Candidate *found = &candidates->items[table->slots[i] - 1];

      if (same_ngram (found, words, stems))
        return found;
    }

  if ((candidates->len + 1) * 2 > table->capacity)
    {
      g_free (table->slots);
      table->capacity *= 2;
      table->slots = g_new0 (guint, table->capacity);
      for (guint c = 0; c < candidates->len; c++)
        {
          const Candidate *old = &candidates->items[c];

          if (old->words > 1)
            ngram_table_insert (table, old->words, old->stems, c);
        }
    }
  ngram_table_insert (table, words, stems, candidates->len);
  return candidate_list_add (candidates, words, stems, first, last);
}

static guint
candidate_score (const Candidate *c)
{
  return c->count * c->words;
}

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = *(Candidate *const *)a, *y = *(Candidate *const *)b;

  if (candidate_score (x) != candidate_score (y))
    return candidate_score (x) > candidate_score (y) ? -1 : 1;
  if (x->words != y->words)
    return x->words > y->words ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* «اعضای», «عموی»: a word in its ezafe form is the head of a longer phrase,
 * never a topic by itself; nor does a phrase end with one. */
static gboolean
ends_with_ezafe (const char *key)
{
  return g_str_has_suffix (key, "ای") || g_str_has_suffix (key, "وی");
}

/* A word alone is a topic only when the article comes back to it often,
 * and when it is not an adjective or an indefinite noun (ending in ی). */
static gboolean
single_word_topic (const Candidate *candidate)
{
  return candidate->count >= 6 && g_utf8_strlen (candidate->key, -1) >= 4 &&
         !g_str_has_suffix (candidate->key, "ی");
}

/* True when the words of `inner` occur in `outer` (both space-joined). */
static gboolean
key_contains (const char *outer, const char *inner)
{
  gsize n = strlen (inner);

  for (const char *p = strstr (outer, inner); p != NULL; p = strstr (p + 1, inner))
    if ((p == outer || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;
  return FALSE;
}

/* The noun phrases an article repeats: runs of content words (no function
 * word, verb, name or number) between the names already found; their
 * n-grams are counted, a phrase of several words weighing more, and the
 * best few that do not overlap become topics.  A single word must come
 * back four times, a phrase twice. */
static void
keyphrases (Rules *r)
{
  g_autoptr (GPtrArray) eligible = g_ptr_array_new ();
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  g_autofree guint *chosen_entity = NULL;
  guint n_stems = 0;
  g_autofree KeyWord *k = key_words_new (r, &n_stems);
  g_autofree guint *word_candidate = g_new0 (guint, n_stems + 1); /* stem → candidate + 1 */
  /* fewer n-grams of several words than tokens are new */
  g_auto (CandidateList)
      list = { g_new (Candidate, MAX (r->n_tokens, 16)), 0, MAX (r->n_tokens, 16) };
  CandidateList *candidates = &list;
  NgramTable table = { NULL, 256 };

  while (table.capacity < 2 * (gsize)r->n_tokens)
    table.capacity *= 2;
  table.slots = g_new0 (guint, table.capacity);
  for (guint t = 0; t < r->n_tokens; t++)
    {
      guint stems[MAX_KEYPHRASE_WORDS] = { 0 };
      guint last, next = t;

      stems[0] = ngram_next (r, k, 1, &last, &next);
      if (stems[0] == 0)
        continue;
      if (word_candidate[stems[0]] == 0)
        {
          candidate_list_add (candidates, 1, stems, t, last);
          word_candidate[stems[0]] = candidates->len;
        }
      candidates->items[word_candidate[stems[0]] - 1].count++;
      for (guint n = 2; n <= MAX_KEYPHRASE_WORDS; n++)
        {
          stems[n - 1] = ngram_next (r, k, n, &last, &next);
          if (stems[n - 1] == 0)
            break;
          ngram_candidate (&table, candidates, n, stems, t, last)->count++;
        }
    }
  g_free (table.slots);

  /* Only a phrase seen twice, or a word seen six times, may be chosen:
   * the others need no key and no place in the order. */
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &candidates->items[i];

      if (candidate->count < (candidate->words == 1 ? 6u : 2u))
        continue;
      candidate->key = candidate_key (r, k, candidate);
      if ((candidate->words == 1 ? single_word_topic (candidate) : candidate->count >= 2) &&
          !ends_with_ezafe (candidate->key))
        g_ptr_array_add (eligible, candidate);
    }

  g_ptr_array_sort (eligible, compare_candidates);
  for (guint i = 0; i < eligible->len && chosen->len < MAX_KEYPHRASES; i++)
    {
      Candidate *candidate = g_ptr_array_index (eligible, i);
      gboolean overlaps = FALSE;

      for (guint c = 0; c < chosen->len && !overlaps; c++)
        {
          const Candidate *other = g_ptr_array_index (chosen, c);

          overlaps = key_contains (other->key, candidate->key) ||
                     key_contains (candidate->key, other->key);
        }
      if (!overlaps)
        g_ptr_array_add (chosen, candidate);
    }
  if (chosen->len == 0)
    return;

  /* every occurrence of a chosen phrase, longest phrases first */
  chosen_entity = g_new (guint, chosen->len);
  for (guint c = 0; c < chosen->len; c++)
    {
      const Candidate *candidate = g_ptr_array_index (chosen, c);

      chosen_entity[c] = rule_entity (r, PV_ENTITY_TOPIC, candidate->first, candidate->last);
    }
  for (guint t = 0; t < r->n_tokens; t++)
    {
      /* the n-grams of 1, 2 and 3 words from t.  A mention found covers its
       * tokens, which changes no keyphrase word after its last. */
      guint stems[MAX_KEYPHRASE_WORDS] = { 0 };
      guint lasts[MAX_KEYPHRASE_WORDS + 1];
      guint n_words = 0, next = t;
      gboolean starts_one = FALSE;

      /* most words begin no chosen phrase: nothing more to work out */
      for (guint c = 0; c < chosen->len && k[t].end != G_MAXUINT && !starts_one; c++)
        starts_one = ((const Candidate *)g_ptr_array_index (chosen, c))->stems[0] == k[t].stem;
      if (!starts_one)
        continue;

      while (n_words < MAX_KEYPHRASE_WORDS &&
             (stems[n_words] = ngram_next (r, k, n_words + 1, &lasts[n_words + 1], &next)) != 0)
        n_words++;
      for (guint c = 0; c < chosen->len && n_words > 0; c++)
        {
          const Candidate *candidate = g_ptr_array_index (chosen, c);
          guint n = candidate->words;
          guint prefix[MAX_KEYPHRASE_WORDS] = { 0 };

          if (n > n_words || candidate->stems[0] != stems[0])
            continue;
          memcpy (prefix, stems, n * sizeof (guint));
          if (same_ngram (candidate, n, prefix))
            {
              add_rule_mention (r, chosen_entity[c], t, lasts[n]);
              t = lasts[n];
              break;
            }
        }
    }
}

static int
compare_raw_mentions (gconstpointer a, gconstpointer b)
{
  const PvRawMention *x = a, *y = b;

  if (x->first_token != y->first_token)
    return x->first_token < y->first_token ? -1 : 1;
  if (x->last_token != y->last_token)
    return x->last_token > y->last_token ? -1 : 1;
  return 0;
}

static gboolean
mentions_sorted (const GArray *mentions)
{
  for (guint i = 1; i < mentions->len; i++)
    if (compare_raw_mentions (&g_array_index (mentions, PvRawMention, i - 1),
                              &g_array_index (mentions, PvRawMention, i)) > 0)
      return FALSE;
  return TRUE;
}

/* The mentions of both in order, those of the knowledge base first among
 * equals, as a stable sort of the two one after the other would give:
 * the knowledge pass finds its mentions in order already, and the rules'
 * are few. */
static GArray *
merge_mentions (GArray *kb_mentions, GArray *found)
{
  const PvRawMention *a = (const PvRawMention *)(void *)kb_mentions->data;
  const PvRawMention *b = (const PvRawMention *)(void *)found->data;
  guint i = 0, j = 0, k = 0;
  PvRawMention *out;
  GArray *merged;

  if (!mentions_sorted (kb_mentions))
    {
      merged = g_array_ref (kb_mentions);
      g_array_append_vals (merged, found->data, found->len);
      g_array_sort (merged, compare_raw_mentions);
      return merged;
    }
  g_array_sort (found, compare_raw_mentions);
  merged = g_array_sized_new (FALSE, FALSE, sizeof (PvRawMention), kb_mentions->len + found->len);
  g_array_set_size (merged, kb_mentions->len + found->len);
  out = (PvRawMention *)(void *)merged->data;
  while (i < kb_mentions->len || j < found->len)
    if (j == found->len || (i < kb_mentions->len && compare_raw_mentions (&a[i], &b[j]) <= 0))
      out[k++] = a[i++];
    else
      out[k++] = b[j++];
  return merged;
}

PvRecognition *
pv_recognize (PvKnowledge *knowledge, const gunichar *text, const PvNormalized *normalized,
              const PvSegmentation *segmentation)
{
  PvRecognition *recognition = g_new0 (PvRecognition, 1);
  guint n_tokens = segmentation->tokens->len;
  g_autofree guint *token_ids = g_new0 (guint, n_tokens + 1);
  g_autofree guint8 *cover = g_new0 (guint8, n_tokens + 1);
  g_autofree guint *root_children = g_new0 (guint, n_tokens + 1);
  g_autofree guint *kb_place_end = g_new (guint, n_tokens + 1);
  g_autofree guint *word_of = g_new (guint, n_tokens + 1);
  g_autofree guint16 *flags = g_new (guint16, n_tokens + 1);
  g_autofree guint8 *traits = g_new (guint8, n_tokens + 1);
  const PvToken *tokens = (const PvToken *)(void *)segmentation->tokens->data;
  g_autoptr (GArray) kb_mentions = NULL;
  Rules r = { 0 };

  g_return_val_if_fail (knowledge != NULL, NULL);

  recognition->first_rule_entity = pv_knowledge_n_entities (knowledge);
  recognition->rule_entities = g_ptr_array_new_with_free_func (pv_kb_entity_free);

  lookup_tokens (knowledge, normalized, tokens, n_tokens, token_ids, root_children, word_of);
  for (guint t = 0; t < n_tokens; t++)
    {
      kb_place_end[t] = G_MAXUINT;
      flags[t] = word_of[t] == t ? (guint16)pv_knowledge_word_flags (knowledge, token_ids[t])
                                 : flags[word_of[t]];
      traits[t] = token_traits (text, &tokens[t]);
    }

  kb_mentions =
      knowledge_pass (knowledge, normalized, segmentation, token_ids, root_children, word_of);
  for (guint i = 0; i < kb_mentions->len; i++)
    {
      const PvRawMention *m = &g_array_index (kb_mentions, PvRawMention, i);
      Cover kind = m->kind == PV_ALIAS_TITLE      ? COVER_TITLE
                   : m->kind == PV_ALIAS_LOCATIVE ? COVER_LOCATIVE
                                                  : COVER_NAME;

      for (guint t = m->first_token; t <= m->last_token; t++)
        cover[t] = kind;
      if (m->kind == PV_ALIAS_NAME &&
          (pv_knowledge_entity (knowledge, m->target)->type == PV_ENTITY_COUNTRY ||
           pv_knowledge_entity (knowledge, m->target)->type == PV_ENTITY_PLACE))
        kb_place_end[m->first_token] = m->last_token;
    }

  r.knowledge = knowledge;
  r.text = text;
  r.text_length = normalized->to_original[normalized->length];
  r.normalized = normalized;
  r.tokens = tokens;
  r.n_tokens = n_tokens;
  r.token_ids = token_ids;
  r.word_of = word_of;
  r.flags = flags;
  r.traits = traits;
  r.cover = cover;
  r.found = g_array_new (FALSE, FALSE, sizeof (PvRawMention));
  r.recognition = recognition;
  r.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.ids = g_hash_table_new (g_str_hash, g_str_equal);
  r.surnames = g_array_new (FALSE, FALSE, sizeof (Surname));

  given_names_before_surnames (&r, kb_mentions);
  institutions_of_countries (&r, kb_mentions);
  names_after_offices (&r, kb_mentions);
  titled_names (&r);
  latin_names (&r);
  given_names (&r);
  organization_names (&r, kb_place_end);
  later_surnames (&r);
  keyphrases (&r);

  recognition->mentions = merge_mentions (kb_mentions, r.found);

  g_array_unref (r.found);
  g_hash_table_unref (r.by_key);
  g_hash_table_unref (r.ids);
  g_array_unref (r.surnames);
  return recognition;
}

void
pv_recognition_free (PvRecognition *recognition)
{
  if (recognition == NULL)
    return;
  g_clear_pointer (&recognition->mentions, g_array_unref);
  g_clear_pointer (&recognition->rule_entities, g_ptr_array_unref);
  g_free (recognition);
}
