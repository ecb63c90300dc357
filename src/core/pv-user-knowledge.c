/* pv-user-knowledge.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-user-knowledge"

#include "config.h"

#include <cjson/cJSON.h>

#include <errno.h>
#include <string.h>

#include "pv-knowledge-private.h"
#include "pv-normalize.h"
#include "pv-project.h"
#include "pv-user-knowledge.h"

#define SCHEMA_PREFIX "peyvand/knowledge/"
#define SCHEMA_VERSION 1

/* clang-format off */
G_DEFINE_QUARK (pv-user-knowledge-error-quark, pv_user_knowledge_error)
/* clang-format on */

static const char *const sections[PV_N_ENTITY_TYPES] = {
  [PV_ENTITY_COUNTRY] = "countries",
  [PV_ENTITY_PERSON] = "people",
  [PV_ENTITY_ORGANIZATION] = "organizations",
  [PV_ENTITY_PLACE] = "places",
  [PV_ENTITY_TOPIC] = "topics",
};

/* Every field of an entry that names it (docs/KNOWLEDGE.md). */
static const char *const name_fields[] = {
  "aliases", "aliases_en", "short", "demonyms", "metonyms",
};

char *
pv_user_knowledge_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "peyvand", "knowledge.json", NULL);
}

/* The id's key in its section: the ISO code of a country, else the id. */
static const char *
entry_key (PvEntityType type, const char *id, GError **error)
{
  g_autofree char *prefix = g_strconcat (pv_entity_type_to_string (type), ":", NULL);
  const char *rest = g_str_has_prefix (id, prefix) ? id + strlen (prefix) : NULL;

  if (type == PV_ENTITY_COUNTRY && rest != NULL && strlen (rest) == 2 &&
      g_ascii_isupper (rest[0]) && g_ascii_isupper (rest[1]))
    return rest;
  if (type != PV_ENTITY_COUNTRY && rest != NULL && *rest != '\0')
    return id;

  g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID,
               type == PV_ENTITY_COUNTRY ? "“%s” is not a country id of the form country:XX"
                                         : "“%s” is not an id of the form %s<name>",
               id, prefix);
  return NULL;
}

/* The file as a JSON object: a new one when there is no file, NULL (and
 * an error) when the file there must not be replaced. */
static cJSON *
read_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *end = NULL;
  const char *schema;
  gsize length = 0;
  cJSON *root;

  if (!pv_knowledge_read_file (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          root = cJSON_CreateObject ();
          cJSON_AddStringToObject (root, "schema", PV_USER_KNOWLEDGE_SCHEMA);
          return root;
        }
      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_READ, "%s",
                   local_error->message);
      return NULL;
    }

  /* an empty file holds nothing to keep */
  while (length > 0 && g_ascii_isspace (contents[length - 1]))
    length--;
  if (length == 0)
    {
      root = cJSON_CreateObject ();
      cJSON_AddStringToObject (root, "schema", PV_USER_KNOWLEDGE_SCHEMA);
      return root;
    }

  root = cJSON_ParseWithLengthOpts (contents, length, &end, FALSE);
  if (root == NULL)
    {
      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_PARSE,
                   "%s: invalid JSON at byte %" G_GSIZE_FORMAT "; the file is left as it is", path,
                   end != NULL ? (gsize)(end - contents) : 0);
      return NULL;
    }
  while (end != NULL && (gsize)(end - contents) < length && g_ascii_isspace (*end))
    end++;
  if (!cJSON_IsObject (root) || (end != NULL && (gsize)(end - contents) < length))
    {
      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_PARSE,
                   "%s: not a knowledge file (one JSON object); the file is left as it is", path);
      cJSON_Delete (root);
      return NULL;
    }

  schema = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (root, "schema"));
  if (schema != NULL && g_str_has_prefix (schema, SCHEMA_PREFIX))
    {
      guint64 version = 0;

      if (g_ascii_string_to_unsigned (schema + strlen (SCHEMA_PREFIX), 10, 1, G_MAXUINT32, &version,
                                      NULL) &&
          version > SCHEMA_VERSION)
        {
          g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_NEWER,
                       "%s was written by a newer Peyvand (%s); the file is left as it is", path,
                       schema);
          cJSON_Delete (root);
          return NULL;
        }
    }
  return root;
}

static gboolean
write_file (const char *path, const cJSON *root, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GError) local_error = NULL;
  char *printed;
  gboolean ok;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_WRITE,
                   "Could not create %s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }
  printed = cJSON_Print (root);
  ok = pv_file_replace_contents (path, printed, strlen (printed), &local_error);
  cJSON_free (printed);
  if (!ok)
    g_set_error_literal (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_WRITE,
                         local_error->message);
  return ok;
}

/* The entry of `key` in its section, added when missing (`*created`). */
static cJSON *
find_entry (const char *path, cJSON *root, PvEntityType type, const char *key, gboolean *created,
            GError **error)
{
  const char *section = sections[type];
  const char *key_field = type == PV_ENTITY_COUNTRY ? "code" : "id";
  cJSON *array = cJSON_GetObjectItemCaseSensitive (root, section);
  cJSON *item, *entry;

  *created = FALSE;
  if (array == NULL)
    array = cJSON_AddArrayToObject (root, section);
  if (!cJSON_IsArray (array))
    {
      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_PARSE,
                   "%s: \"%s\" is not a list; the file is left as it is", path, section);
      return NULL;
    }
  cJSON_ArrayForEach (item, array)
  {
    if (g_strcmp0 (cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (item, key_field)),
                   key) == 0)
      return item;
  }

  entry = cJSON_CreateObject ();
  cJSON_AddStringToObject (entry, key_field, key);
  cJSON_AddItemToArray (array, entry);
  *created = TRUE;
  return entry;
}

static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *x = pv_normalize_string (a);
  g_autofree char *y = pv_normalize_string (b);

  return strcmp (x, y) == 0;
}

static gboolean
entry_has_name (const cJSON *entry, const char *name)
{
  const char *label = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (entry, "label"));
  const char *label_en =
      cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (entry, "label_en"));

  if ((label != NULL && same_name (label, name)) ||
      (label_en != NULL && same_name (label_en, name)))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (name_fields); i++)
    {
      const cJSON *item;

      cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (entry, name_fields[i]))
      {
        if (cJSON_IsString (item) && same_name (item->valuestring, name))
          return TRUE;
      }
    }
  return FALSE;
}

/* Adds `alias` to the entry's "aliases"; FALSE (and an error) when that
 * field is there and not a list. */
static gboolean
add_alias_to_entry (const char *path, cJSON *entry, const char *alias, GError **error)
{
  cJSON *aliases = cJSON_GetObjectItemCaseSensitive (entry, "aliases");

  if (entry_has_name (entry, alias))
    return TRUE;
  if (aliases == NULL)
    aliases = cJSON_AddArrayToObject (entry, "aliases");
  if (!cJSON_IsArray (aliases))
    {
      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_PARSE,
                   "%s: an entry's \"aliases\" is not a list; the file is left as it is", path);
      return FALSE;
    }
  cJSON_AddItemToArray (aliases, cJSON_CreateString (alias));
  return TRUE;
}

static void
set_member (cJSON *entry, const char *name, const char *value)
{
  if (cJSON_GetObjectItemCaseSensitive (entry, name) != NULL)
    cJSON_ReplaceItemInObjectCaseSensitive (entry, name, cJSON_CreateString (value));
  else
    cJSON_AddStringToObject (entry, name, value);
}

static gboolean
is_name (const char *value)
{
  g_autofree char *normalized = NULL;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return FALSE;
  normalized = pv_normalize_string (value);
  return *normalized != '\0';
}

/* Reads the file, finds or creates the entry, sets its labels (`label` only
 * on a new entry unless `set_label`), adds the names and writes it back
 * whole. */
static gboolean
update_entry (const char *path, PvEntityType type, const char *key, const char *label,
              gboolean set_label, const char *label_en, const char *const *names, GError **error)
{
  cJSON *root, *entry;
  gboolean created = FALSE, ok;

  root = read_file (path, error);
  if (root == NULL)
    return FALSE;
  entry = find_entry (path, root, type, key, &created, error);
  ok = entry != NULL;
  if (ok && label != NULL && (set_label || created))
    set_member (entry, "label", label);
  if (ok && label_en != NULL)
    set_member (entry, "label_en", label_en);
  for (guint i = 0; ok && names != NULL && names[i] != NULL; i++)
    ok = add_alias_to_entry (path, entry, names[i], error);
  ok = ok && write_file (path, root, error);
  cJSON_Delete (root);
  return ok;
}

gboolean
pv_user_knowledge_add_alias (const char *path, PvEntityType type, const char *id, const char *label,
                             const char *alias, GError **error)
{
  const char *names[] = { alias, NULL };
  g_autofree char *default_path = NULL;
  const char *key;

  g_return_val_if_fail (type < PV_N_ENTITY_TYPES, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL)
    path = default_path = pv_user_knowledge_default_path ();
  key = entry_key (type, id, error);
  if (key == NULL)
    return FALSE;
  if (!is_name (alias) || (label != NULL && !is_name (label)))
    {
      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID,
                   "“%s” is not a name",
                   is_name (alias) ? label
                   : alias != NULL ? alias
                                   : "");
      return FALSE;
    }

  return update_entry (path, type, key, label, FALSE, NULL, names, error);
}

gboolean
pv_user_knowledge_add_entity (const char *path, PvEntityType type, const char *id,
                              const char *label, const char *label_en, const char *const *aliases,
                              GError **error)
{
  g_autofree char *default_path = NULL;
  const char *key;

  g_return_val_if_fail (type < PV_N_ENTITY_TYPES, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL)
    path = default_path = pv_user_knowledge_default_path ();
  key = entry_key (type, id, error);
  if (key == NULL)
    return FALSE;
  if (!is_name (label) || (label_en != NULL && !is_name (label_en)))
    {
      g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID,
                   "“%s” is not a name",
                   is_name (label) ? label_en
                   : label != NULL ? label
                                   : "");
      return FALSE;
    }
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (!is_name (aliases[i]))
      {
        g_set_error (error, PV_USER_KNOWLEDGE_ERROR, PV_USER_KNOWLEDGE_ERROR_INVALID,
                     "“%s” is not a name", aliases[i]);
        return FALSE;
      }

  return update_entry (path, type, key, label, TRUE, label_en, aliases, error);
}
