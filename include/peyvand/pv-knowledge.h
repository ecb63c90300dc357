/* pv-knowledge.h: the knowledge base of countries, people, organizations,
 * places, topics and roles
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PV_KNOWLEDGE_ERROR (pv_knowledge_error_quark ())

typedef enum
{
  PV_KNOWLEDGE_ERROR_PARSE,
  PV_KNOWLEDGE_ERROR_INVALID,
} PvKnowledgeError;

typedef enum
{
  PV_ENTITY_COUNTRY,
  PV_ENTITY_PERSON,
  PV_ENTITY_ORGANIZATION,
  PV_ENTITY_PLACE,
  PV_ENTITY_TOPIC,
  PV_N_ENTITY_TYPES
} PvEntityType;

/* How a matched name refers to what it names. */
typedef enum
{
  PV_ALIAS_NAME,     /* a full name */
  PV_ALIAS_SHORT,    /* a surname or a short form */
  PV_ALIAS_DEMONYM,  /* آمریکایی, روسی: the country through its people */
  PV_ALIAS_METONYM,  /* کاخ سفید, کرملین: the state through a building */
  PV_ALIAS_ROLE,     /* رئیس جمهور: `target` indexes the roles */
  PV_ALIAS_TITLE,    /* آقای, دکتر: marks a person name that follows */
  PV_ALIAS_LOCATIVE, /* در, شهر: a capital after it is a place, not a state */
} PvAliasKind;

typedef struct _PvKnowledge PvKnowledge;

/* The built-in knowledge base (compiled into the library), with the user's
 * file `$XDG_DATA_HOME/peyvand/knowledge.json` merged over it when present.
 * A user file that cannot be read is reported through `error` and skipped:
 * the built-in base is still returned. */
PvKnowledge *pv_knowledge_new_default (GError **error);

/* Only the built-in base (tests: independent of the user's files). */
PvKnowledge *pv_knowledge_new_builtin (void);

/* A new knowledge base that holds what `knowledge` holds, to merge other
 * files into: far cheaper than building the base again (nothing is parsed
 * or normalized, and what the copy does not change it shares).  From then
 * on `knowledge` is read-only: merging into it is refused.  Build the
 * built-in base once, then copy it for each user file. */
PvKnowledge *pv_knowledge_copy (PvKnowledge *knowledge);

/* Merges one knowledge file (same format as the files in data/knowledge). */
gboolean pv_knowledge_merge_file (PvKnowledge *knowledge, const char *path, GError **error);
gboolean pv_knowledge_merge_json (PvKnowledge *knowledge, const char *source, const char *json,
                                  gsize length, GError **error);

PvKnowledge *pv_knowledge_ref (PvKnowledge *knowledge);
void pv_knowledge_unref (PvKnowledge *knowledge);

const char *pv_entity_type_to_string (PvEntityType type);
gboolean pv_entity_type_from_string (const char *name, PvEntityType *type);

GQuark pv_knowledge_error_quark (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvKnowledge, pv_knowledge_unref)

G_END_DECLS
