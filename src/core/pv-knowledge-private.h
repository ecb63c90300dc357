/* pv-knowledge-private.h: what the recognizer and the resolver read from the
 * knowledge base
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pv-knowledge.h"

G_BEGIN_DECLS

#define PV_TRIE_ROOT 0
#define PV_TRIE_NONE G_MAXUINT

typedef struct
{
  guint target;     /* entity index, role index, or 0 */
  guint8 kind;      /* PvAliasKind */
  guint8 ambiguous; /* also an ordinary word: needs context */
} PvAliasPayload;

typedef struct
{
  char *role;    /* a role id from roles.json */
  char *country; /* ISO code */
  char *from;    /* YYYY-MM-DD or NULL (unknown start) */
  char *to;      /* YYYY-MM-DD or NULL (still in office) */
} PvKbRole;

typedef struct
{
  char *id;
  PvEntityType type;
  char *label;
  char *label_en;
  char *country;    /* places: the country they lie in */
  gboolean capital; /* places: the seat of government of `country` */
  GArray *roles;    /* PvKbRole, people only */
} PvKbEntity;

typedef struct
{
  char *id;    /* "president", "foreign-minister", … */
  char *label; /* Persian */
  char *label_en;
  gboolean leader; /* head of state or government: gives leader-of */
} PvKbRoleDef;

/* What the lexicon says of a word (data/knowledge/lexicon.json). */
typedef enum
{
  PV_WORD_GIVEN_NAME = 1 << 0,        /* a first name: a person's name starts here */
  PV_WORD_STOP = 1 << 1,              /* a function word or a very common word */
  PV_WORD_VERB = 1 << 2,              /* a finite verb form */
  PV_WORD_ORGANIZATION_HEAD = 1 << 3, /* حزب, دانشگاه: an organization's name follows */
  PV_WORD_ORGANIZATION_WORD = 1 << 4, /* News, University: a Latin name is an organization */
  PV_WORD_NOT_ORGANIZATION = 1 << 5,  /* GDP, CEO: capitals that name no organization */
  PV_WORD_PLACE_WORD = 1 << 6,        /* Arena, Street: a Latin name is a place, not a person */
  /* a head noun (شرکت, مرکز) or a title (دکتر) that is also an ordinary
   * word: it needs more evidence (a place after the head, a given name
   * after the title) */
  PV_WORD_WEAK = 1 << 7,
  PV_WORD_COMMON = 1 << 8, /* an ordinary content word: never a name, may be a topic */
} PvWordFlags;

guint pv_knowledge_word_flags (PvKnowledge *knowledge, guint token);
guint pv_knowledge_lookup_token (PvKnowledge *knowledge, const gunichar *chars, gsize length);
/* The same, with pv_hash_chars (chars, length) worked out by the caller. */
guint pv_knowledge_lookup_token_hashed (PvKnowledge *knowledge, const gunichar *chars, gsize length,
                                        guint hash);
guint pv_knowledge_trie_step (PvKnowledge *knowledge, guint node, guint token);
const PvAliasPayload *pv_knowledge_trie_payloads (PvKnowledge *knowledge, guint node,
                                                  guint *n_payloads);

guint pv_knowledge_n_entities (PvKnowledge *knowledge);
const PvKbEntity *pv_knowledge_entity (PvKnowledge *knowledge, guint index);
int pv_knowledge_find_entity (PvKnowledge *knowledge, const char *id);
const PvKbRoleDef *pv_knowledge_role (PvKnowledge *knowledge, guint index);
int pv_knowledge_find_role (PvKnowledge *knowledge, const char *id);

/* Reads a knowledge file whole: only a regular file (a FIFO would block
 * for ever), of at most PV_KNOWLEDGE_MAX_FILE_BYTES.  Errors are
 * G_FILE_ERROR's (NOENT when it does not exist) and name the file. */
#define PV_KNOWLEDGE_MAX_FILE_BYTES ((goffset)64 * 1024 * 1024)
gboolean pv_knowledge_read_file (const char *path, char **contents, gsize *length, GError **error);

/* Calls `func` once for every name of a knowledge-base entity in the trie
 * (kinds PV_ALIAS_NAME, SHORT, DEMONYM and METONYM; not roles, titles or
 * locatives): `alias` is its normalized form, the words joined by single
 * spaces, as the recognizer matches it.  Tools only (the benchmark's grep
 * patterns); the order is the trie's. */
typedef void (*PvKnowledgeAliasFunc) (const char *alias, const PvAliasPayload *payload,
                                      gpointer user_data);
void pv_knowledge_foreach_alias (PvKnowledge *knowledge, PvKnowledgeAliasFunc func,
                                 gpointer user_data);

/* Frees a PvKbEntity (entities made outside the knowledge base, too). */
void pv_kb_entity_free (gpointer entity);

/* True when the KB role was held on `date` (NULL date: at any time). */
gboolean pv_kb_role_held_on (const PvKbRole *role, const char *date);

/* FNV-1a over the code points of a word: the hash of the vocabulary's index
 * and of the recognizer's tables of an article's words. */
static inline guint
pv_hash_chars (const gunichar *chars, gsize length)
{
  guint hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ chars[i]) * 16777619u;
  return hash;
}

/* The built-in base's snapshot (pv-knowledge.c, "The snapshot"): the
 * resource the application and the command line carry. */
#define PV_KNOWLEDGE_SNAPSHOT_RESOURCE "/org/peyvand/knowledge-snapshot/builtin.snapshot"

/* The built-in base built from its JSON files and ICU's country names,
 * never read from the snapshot: what the snapshot is made of. */
PvKnowledge *pv_knowledge_new_builtin_from_sources (void);

/* `knowledge` (a base, not a copy) in the snapshot's format. */
GBytes *pv_knowledge_write_snapshot (PvKnowledge *knowledge);

/* The base a snapshot holds, or NULL when `data` is not a whole snapshot in
 * this build's format. */
PvKnowledge *pv_knowledge_new_from_snapshot (const guint8 *data, gsize length);

G_END_DECLS
