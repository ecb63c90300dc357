/* pv-user-knowledge.h: writing the user's own knowledge file
 * ($XDG_DATA_HOME/peyvand/knowledge.json) when a correction is remembered
 * for all articles
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-knowledge.h"

G_BEGIN_DECLS

#define PV_USER_KNOWLEDGE_SCHEMA "peyvand/knowledge/1"

#define PV_USER_KNOWLEDGE_ERROR (pv_user_knowledge_error_quark ())

typedef enum
{
  PV_USER_KNOWLEDGE_ERROR_INVALID, /* an id, label or alias that cannot be written */
  PV_USER_KNOWLEDGE_ERROR_PARSE,   /* the file there is not a knowledge file: left as it is */
  PV_USER_KNOWLEDGE_ERROR_NEWER,   /* the file has a newer schema: left as it is */
  PV_USER_KNOWLEDGE_ERROR_READ,
  PV_USER_KNOWLEDGE_ERROR_WRITE,
} PvUserKnowledgeError;

GQuark pv_user_knowledge_error_quark (void);

/* $XDG_DATA_HOME/peyvand/knowledge.json, the file pv_knowledge_new_default()
 * merges over the built-in base. */
char *pv_user_knowledge_default_path (void);

/* Each function reads the file at `path` (NULL: the default path), adds to
 * it and replaces it atomically, creating the folder and the file when
 * they are missing; every entry and field already there is kept.  A file
 * that is not a JSON object, whose section for the type is not a list, or
 * whose schema is newer than peyvand/knowledge/1 is reported and left
 * untouched.  The format is docs/KNOWLEDGE.md's: an entry of "people",
 * "countries" (by "code"), "organizations", "places" or "topics". */

/* `alias` is one more name of the entity `id` (of `type`).  `label` is
 * written only with a new entry: an entity found only by rules is unknown
 * to the knowledge base and needs one; pass NULL for an entity of the
 * knowledge base.  An alias already there (after normalization) is not
 * added twice. */
gboolean pv_user_knowledge_add_alias (const char *path, PvEntityType type, const char *id,
                                      const char *label, const char *alias, GError **error);

/* A new entity, or new names of one already in the file.  `aliases` (may be
 * NULL) is NULL-terminated. */
gboolean pv_user_knowledge_add_entity (const char *path, PvEntityType type, const char *id,
                                       const char *label, const char *label_en,
                                       const char *const *aliases, GError **error);

G_END_DECLS
