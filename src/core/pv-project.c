/* pv-project.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand-project"

#include "config.h"

#include <cjson/cJSON.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pv-entities.h"
#include "pv-project.h"
#include "pv-relations.h"
#include "pv-text.h"

/* Offsets are stored as JSON numbers: integers up to 2^53 are exact. */
#define MAX_JSON_INTEGER 9007199254740992.0

#define SCHEMA_PREFIX "peyvand/project/"
#define SCHEMA_VERSION 1

/* The largest project file read: a project holds its article's text, at most
 * PV_DOCUMENT_MAX_BYTES, which JSON's escapes may double, and the edits. */
#define MAX_PROJECT_BYTES ((goffset)PV_DOCUMENT_MAX_BYTES * 2 + 16 * 1024 * 1024)
#define MAX_PROJECT_DESCRIPTION "144 MiB"
#define MAX_ARTICLE_BYTES ((goffset)PV_DOCUMENT_MAX_BYTES)

/* clang-format off */
G_DEFINE_QUARK (pv-project-error-quark, pv_project_error)
/* clang-format on */

static const char *const edit_kind_names[] = {
  "merge", "rename", "retype", "hide", "unhide", "add-entity", "add-alias",
};

static const char *const format_names[] = { "text", "html", "json" };

/* g_set_str() is GLib 2.76 */
static void
set_string (char **field, const char *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

const char *
pv_edit_kind_to_string (PvEditKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (edit_kind_names), NULL);
  return edit_kind_names[kind];
}

gboolean
pv_edit_kind_from_string (const char *name, PvEditKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_kind_names); i++)
    if (g_strcmp0 (name, edit_kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Edits                                                                   */

static PvEdit *
edit_new (PvEditKind kind, const char *node)
{
  PvEdit *edit = g_new0 (PvEdit, 1);

  edit->kind = kind;
  edit->node = g_strdup (node);
  return edit;
}

PvEdit *
pv_edit_new_merge (const char *absorbed, const char *kept)
{
  PvEdit *edit;

  g_return_val_if_fail (absorbed != NULL && kept != NULL, NULL);

  edit = edit_new (PV_EDIT_MERGE, absorbed);
  edit->into = g_strdup (kept);
  return edit;
}

PvEdit *
pv_edit_new_rename (const char *node, const char *label, const char *label_en)
{
  PvEdit *edit;

  g_return_val_if_fail (node != NULL && label != NULL && *label != '\0', NULL);

  edit = edit_new (PV_EDIT_RENAME, node);
  edit->label = g_strdup (label);
  edit->label_en = g_strdup (label_en);
  return edit;
}

PvEdit *
pv_edit_new_retype (const char *node, PvEntityType type)
{
  PvEdit *edit;

  g_return_val_if_fail (node != NULL && type < PV_N_ENTITY_TYPES, NULL);

  edit = edit_new (PV_EDIT_RETYPE, node);
  edit->type = type;
  return edit;
}

PvEdit *
pv_edit_new_hide (const char *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return edit_new (PV_EDIT_HIDE, node);
}

PvEdit *
pv_edit_new_unhide (const char *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return edit_new (PV_EDIT_UNHIDE, node);
}

static char *
span_text (const PvDocument *document, gsize start, gsize end)
{
  return g_ucs4_to_utf8 (document->chars + start, (glong)(end - start), NULL, NULL, NULL);
}

PvEdit *
pv_edit_new_add_entity (const PvDocument *document, gsize start, gsize end, PvEntityType type,
                        const char *label, const char *label_en, const char *id)
{
  g_autofree char *own_label = NULL;
  g_autofree char *own_id = NULL;
  PvEdit *edit;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (start < end && end <= document->length, NULL);
  g_return_val_if_fail (type < PV_N_ENTITY_TYPES, NULL);
  g_return_val_if_fail (id != NULL || type != PV_ENTITY_COUNTRY, NULL);

  if (label == NULL || *label == '\0')
    label = own_label = pv_collapse_spaces (document->chars, start, end);
  if (*label == '\0')
    return NULL;
  if (id == NULL)
    {
      g_autofree char *slug = pv_slug_from_label (label);

      id = own_id = g_strconcat (pv_entity_type_to_string (type), ":", slug, NULL);
    }

  edit = edit_new (PV_EDIT_ADD_ENTITY, id);
  edit->type = type;
  edit->label = g_strdup (label);
  edit->label_en = g_strdup (label_en);
  edit->start = start;
  edit->end = end;
  edit->text = span_text (document, start, end);
  return edit;
}

PvEdit *
pv_edit_new_add_alias (const PvDocument *document, gsize start, gsize end, const char *node)
{
  PvEdit *edit;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (start < end && end <= document->length, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  edit = edit_new (PV_EDIT_ADD_ALIAS, node);
  edit->start = start;
  edit->end = end;
  edit->text = span_text (document, start, end);
  return edit;
}

PvEdit *
pv_edit_copy (const PvEdit *edit)
{
  PvEdit *copy;

  g_return_val_if_fail (edit != NULL, NULL);

  copy = g_memdup2 (edit, sizeof *edit);
  copy->node = g_strdup (edit->node);
  copy->into = g_strdup (edit->into);
  copy->label = g_strdup (edit->label);
  copy->label_en = g_strdup (edit->label_en);
  copy->text = g_strdup (edit->text);
  return copy;
}

void
pv_edit_free (PvEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->node);
  g_free (edit->into);
  g_free (edit->label);
  g_free (edit->label_en);
  g_free (edit->text);
  g_free (edit);
}

/* ---------------------------------------------------------------------- */
/* JSON helpers                                                            */

static char *
print_json (const cJSON *item, gboolean formatted)
{
  char *printed = formatted ? cJSON_Print (item) : cJSON_PrintUnformatted (item);
  char *result = g_strdup (printed);

  cJSON_free (printed);
  return result;
}

static void
add_string_or_null (cJSON *object, const char *name, const char *value)
{
  if (value != NULL)
    cJSON_AddStringToObject (object, name, value);
  else
    cJSON_AddNullToObject (object, name);
}

/* A member that must be a non-empty string when present. */
static gboolean
get_string (const cJSON *object, const char *name, gboolean required, const char **value,
            GString *problem)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, name);

  *value = NULL;
  if (item == NULL || (!required && cJSON_IsNull (item)))
    {
      if (required)
        g_string_printf (problem, "no \"%s\"", name);
      return !required;
    }
  if (!cJSON_IsString (item) || item->valuestring[0] == '\0')
    {
      g_string_printf (problem, "\"%s\" is not a non-empty string", name);
      return FALSE;
    }
  *value = item->valuestring;
  return TRUE;
}

static gboolean
get_offset (const cJSON *object, const char *name, gsize *value, GString *problem)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, name);

  if (!cJSON_IsNumber (item) || item->valuedouble < 0 || item->valuedouble > MAX_JSON_INTEGER ||
      item->valuedouble != (double)(guint64)item->valuedouble)
    {
      g_string_printf (problem, "\"%s\" is not an offset (a whole number)", name);
      return FALSE;
    }
  *value = (gsize)item->valuedouble;
  return TRUE;
}

static gboolean
get_type (const cJSON *object, PvEntityType *type, GString *problem)
{
  const char *name;

  if (!get_string (object, "type", TRUE, &name, problem))
    return FALSE;
  if (!pv_entity_type_from_string (name, type))
    {
      g_string_printf (problem, "unknown type \"%s\"", name);
      return FALSE;
    }
  return TRUE;
}

static cJSON *
edit_to_cjson (const PvEdit *edit)
{
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddStringToObject (object, "kind", pv_edit_kind_to_string (edit->kind));
  cJSON_AddStringToObject (object, "node", edit->node);
  switch (edit->kind)
    {
      case PV_EDIT_MERGE:
        cJSON_AddStringToObject (object, "into", edit->into);
        break;
      case PV_EDIT_RENAME:
        cJSON_AddStringToObject (object, "label", edit->label);
        if (edit->label_en != NULL)
          cJSON_AddStringToObject (object, "label_en", edit->label_en);
        break;
      case PV_EDIT_RETYPE:
        cJSON_AddStringToObject (object, "type", pv_entity_type_to_string (edit->type));
        break;
      case PV_EDIT_HIDE:
      case PV_EDIT_UNHIDE:
        break;
      case PV_EDIT_ADD_ENTITY:
        cJSON_AddStringToObject (object, "type", pv_entity_type_to_string (edit->type));
        cJSON_AddStringToObject (object, "label", edit->label);
        if (edit->label_en != NULL)
          cJSON_AddStringToObject (object, "label_en", edit->label_en);
        G_GNUC_FALLTHROUGH;
      case PV_EDIT_ADD_ALIAS:
        cJSON_AddNumberToObject (object, "start", (double)edit->start);
        cJSON_AddNumberToObject (object, "end", (double)edit->end);
        add_string_or_null (object, "text", edit->text);
        break;
      default:
        g_assert_not_reached ();
    }
  return object;
}

/* Reads one edit; on failure `problem` says why (without naming the edit). */
static PvEdit *
edit_from_cjson (const cJSON *object, GString *problem)
{
  g_autoptr (PvEdit) edit = g_new0 (PvEdit, 1);
  const char *kind, *node, *into = NULL, *label = NULL, *label_en = NULL, *text = NULL;

  if (!cJSON_IsObject (object))
    {
      g_string_assign (problem, "not an object");
      return NULL;
    }
  if (!get_string (object, "kind", TRUE, &kind, problem))
    return NULL;
  if (!pv_edit_kind_from_string (kind, &edit->kind))
    {
      g_string_printf (problem, "unknown kind \"%s\"", kind);
      return NULL;
    }
  if (!get_string (object, "node", TRUE, &node, problem))
    return NULL;
  edit->node = g_strdup (node);

  switch (edit->kind)
    {
      case PV_EDIT_MERGE:
        if (!get_string (object, "into", TRUE, &into, problem))
          return NULL;
        if (strcmp (into, node) == 0)
          {
            g_string_assign (problem, "merges a node into itself");
            return NULL;
          }
        break;
      case PV_EDIT_RENAME:
        if (!get_string (object, "label", TRUE, &label, problem) ||
            !get_string (object, "label_en", FALSE, &label_en, problem))
          return NULL;
        break;
      case PV_EDIT_RETYPE:
        if (!get_type (object, &edit->type, problem))
          return NULL;
        break;
      case PV_EDIT_HIDE:
      case PV_EDIT_UNHIDE:
        break;
      case PV_EDIT_ADD_ENTITY:
        if (!get_type (object, &edit->type, problem) ||
            !get_string (object, "label", TRUE, &label, problem) ||
            !get_string (object, "label_en", FALSE, &label_en, problem))
          return NULL;
        G_GNUC_FALLTHROUGH;
      case PV_EDIT_ADD_ALIAS:
        if (!get_offset (object, "start", &edit->start, problem) ||
            !get_offset (object, "end", &edit->end, problem) ||
            !get_string (object, "text", TRUE, &text, problem))
          return NULL;
        if (edit->start >= edit->end)
          {
            g_string_assign (problem, "\"start\" is not before \"end\"");
            return NULL;
          }
        break;
      default:
        g_assert_not_reached ();
    }

  edit->into = g_strdup (into);
  edit->label = g_strdup (label);
  edit->label_en = g_strdup (label_en);
  edit->text = g_strdup (text);
  return g_steal_pointer (&edit);
}

char *
pv_edit_to_json (const PvEdit *edit)
{
  cJSON *object;
  char *json;

  g_return_val_if_fail (edit != NULL, NULL);

  object = edit_to_cjson (edit);
  json = print_json (object, FALSE);
  cJSON_Delete (object);
  return json;
}

PvEdit *
pv_edit_from_json (const char *json, gsize length, GError **error)
{
  g_autoptr (GString) problem = g_string_new (NULL);
  cJSON *object;
  PvEdit *edit;

  g_return_val_if_fail (json != NULL, NULL);

  object = cJSON_ParseWithLength (json, length);
  if (object == NULL)
    {
      g_set_error_literal (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PARSE,
                           "an edit that is not valid JSON");
      return NULL;
    }
  edit = edit_from_cjson (object, problem);
  cJSON_Delete (object);
  if (edit == NULL)
    g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_INVALID, "edit: %s", problem->str);
  return edit;
}

/* ---------------------------------------------------------------------- */
/* Applying edits                                                          */

/* An edge of the analysis as the edits found it, by node ids: its kind and
 * direction, and the sentences behind it other than those where both ends
 * are named (those come back from the mentions). */
typedef struct
{
  char *source;
  char *target;
  PvEdgeKind kind;
  GArray *extra; /* guint sentence indexes */
} EdgeRecord;

static void
edge_record_free (gpointer data)
{
  EdgeRecord *record = data;

  g_free (record->source);
  g_free (record->target);
  g_array_unref (record->extra);
  g_free (record);
}

/* The same ranking as pv_relate(): a typed kind outranks a co-mention. */
static int
kind_priority (PvEdgeKind kind)
{
  switch (kind)
    {
      case PV_EDGE_LEADER_OF:
        return 4;
      case PV_EDGE_OFFICIAL_OF:
        return 3;
      case PV_EDGE_LOCATED_IN:
        return 2;
      case PV_EDGE_MEMBER_OF:
        return 1;
      case PV_EDGE_CO_MENTION:
      default:
        return 0;
    }
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

static void
sort_unique (GArray *values)
{
  guint kept = 0;

  g_array_sort (values, compare_uint);
  for (guint i = 0; i < values->len; i++)
    if (kept == 0 || g_array_index (values, guint, i) != g_array_index (values, guint, kept - 1))
      g_array_index (values, guint, kept++) = g_array_index (values, guint, i);
  g_array_set_size (values, kept);
}

static GArray *
node_sentences (const PvNode *node)
{
  GArray *sentences = g_array_sized_new (FALSE, FALSE, sizeof (guint), node->mentions->len);

  for (guint m = 0; m < node->mentions->len; m++)
    g_array_append_val (sentences, g_array_index (node->mentions, PvMention, m).sentence);
  sort_unique (sentences);
  return sentences;
}

static gboolean
sorted_contains (GArray *values, guint value)
{
  guint low = 0, high = values->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint at = g_array_index (values, guint, middle);

      if (at == value)
        return TRUE;
      if (at < value)
        low = middle + 1;
      else
        high = middle;
    }
  return FALSE;
}

static GPtrArray *
record_edges (const PvAnalysis *analysis)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (edge_record_free);
  g_autoptr (GPtrArray) sentences = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  for (guint i = 0; i < analysis->nodes->len; i++)
    g_ptr_array_add (sentences, node_sentences (g_ptr_array_index (analysis->nodes, i)));

  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      const PvNode *source = g_ptr_array_index (analysis->nodes, edge->source);
      const PvNode *target = g_ptr_array_index (analysis->nodes, edge->target);
      EdgeRecord *record = g_new0 (EdgeRecord, 1);

      record->source = g_strdup (source->id);
      record->target = g_strdup (target->id);
      record->kind = edge->kind;
      record->extra = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint s = 0; s < edge->sentences->len; s++)
        {
          guint sentence = g_array_index (edge->sentences, guint, s);

          if (!sorted_contains (g_ptr_array_index (sentences, edge->source), sentence) ||
              !sorted_contains (g_ptr_array_index (sentences, edge->target), sentence))
            g_array_append_val (record->extra, sentence);
        }
      g_ptr_array_add (records, record);
    }
  return records;
}

typedef struct
{
  PvAnalysis *analysis;
  GPtrArray *records; /* EdgeRecord* */
  GHashTable *hidden; /* node ids */
} Applier;

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

static void
sort_mentions (GArray *mentions)
{
  guint kept = 0;

  g_array_sort (mentions, compare_mentions);
  for (guint i = 0; i < mentions->len; i++)
    if (kept == 0 || compare_mentions (&g_array_index (mentions, PvMention, i),
                                       &g_array_index (mentions, PvMention, kept - 1)) != 0)
      g_array_index (mentions, PvMention, kept++) = g_array_index (mentions, PvMention, i);
  g_array_set_size (mentions, kept);
}

static PvNode *
find_node (const Applier *applier, const char *id)
{
  int index = pv_analysis_find_node (applier->analysis, id);

  return index >= 0 ? g_ptr_array_index (applier->analysis->nodes, index) : NULL;
}

static void
rename_in_records (Applier *applier, const char *from, const char *to)
{
  for (guint i = 0; i < applier->records->len; i++)
    {
      EdgeRecord *record = g_ptr_array_index (applier->records, i);

      if (strcmp (record->source, from) == 0)
        set_string (&record->source, to);
      if (strcmp (record->target, from) == 0)
        set_string (&record->target, to);
    }
}

static void
remove_node (Applier *applier, PvNode *node)
{
  g_hash_table_remove (applier->hidden, node->id);
  g_ptr_array_remove (applier->analysis->nodes, node);
}

static gboolean
apply_merge (Applier *applier, const PvEdit *edit)
{
  PvNode *absorbed = find_node (applier, edit->node);
  PvNode *kept = find_node (applier, edit->into);

  if (absorbed == NULL || kept == NULL || absorbed == kept)
    return FALSE;

  g_array_append_vals (kept->mentions, absorbed->mentions->data, absorbed->mentions->len);
  sort_mentions (kept->mentions);
  if (kept->label_en == NULL)
    kept->label_en = g_strdup (absorbed->label_en);
  if (kept->country == NULL)
    kept->country = g_strdup (absorbed->country);
  rename_in_records (applier, absorbed->id, kept->id);
  remove_node (applier, absorbed);
  return TRUE;
}

/* The code points of `text` in the article at [start, end), or where they
 * occur nearest to `start` in a changed article. */
static gboolean
locate_span (const PvDocument *document, const PvEdit *edit, gsize *start, gsize *end)
{
  g_autofree gunichar *needle = NULL;
  glong length = 0;
  gsize best = G_MAXSIZE, best_distance = G_MAXSIZE;

  if (edit->text == NULL)
    {
      *start = edit->start;
      *end = edit->end;
      return edit->end <= document->length;
    }

  needle = g_utf8_to_ucs4 (edit->text, -1, NULL, &length, NULL);
  if (needle == NULL || length == 0 || (gsize)length > document->length)
    return FALSE;

  if (edit->end <= document->length && edit->end - edit->start == (gsize)length &&
      memcmp (document->chars + edit->start, needle, length * sizeof (gunichar)) == 0)
    {
      *start = edit->start;
      *end = edit->end;
      return TRUE;
    }

  for (gsize at = 0; at + length <= document->length; at++)
    if (document->chars[at] == needle[0] &&
        memcmp (document->chars + at, needle, length * sizeof (gunichar)) == 0)
      {
        gsize distance = at > edit->start ? at - edit->start : edit->start - at;

        if (distance < best_distance)
          {
            best = at;
            best_distance = distance;
          }
      }
  if (best == G_MAXSIZE)
    return FALSE;
  *start = best;
  *end = best + length;
  return TRUE;
}

/* The sentence that holds `offset`, or -1. */
static int
sentence_at (const PvAnalysis *analysis, gsize offset)
{
  guint low = 0, high = analysis->sentences->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const PvSpan *span = &g_array_index (analysis->sentences, PvSpan, middle);

      if (offset < span->start)
        high = middle;
      else if (offset >= span->end)
        low = middle + 1;
      else
        return (int)middle;
    }
  return -1;
}

static gboolean
apply_add_mention (Applier *applier, const PvEdit *edit)
{
  PvAnalysis *analysis = applier->analysis;
  PvMention mention;
  PvNode *node;
  gsize start, end;
  int sentence;

  if (!locate_span (analysis->document, edit, &start, &end))
    return FALSE;
  sentence = sentence_at (analysis, start);
  if (sentence < 0)
    return FALSE;

  node = find_node (applier, edit->node);
  if (node == NULL && edit->kind == PV_EDIT_ADD_ALIAS)
    return FALSE;
  if (node == NULL)
    {
      node = g_new0 (PvNode, 1);
      node->id = g_strdup (edit->node);
      node->type = edit->type;
      node->label = g_strdup (edit->label);
      node->label_en = g_strdup (edit->label_en);
      node->mentions = g_array_new (FALSE, FALSE, sizeof (PvMention));
      g_ptr_array_add (analysis->nodes, node);
    }

  /* The span now names `node`: another node's mention of exactly this
   * span was a wrong reading of it. */
  for (guint i = analysis->nodes->len; i-- > 0;)
    {
      PvNode *other = g_ptr_array_index (analysis->nodes, i);

      if (other == node)
        continue;
      for (guint m = other->mentions->len; m-- > 0;)
        {
          const PvMention *old = &g_array_index (other->mentions, PvMention, m);

          if (old->start == start && old->end == end)
            g_array_remove_index (other->mentions, m);
        }
      if (other->mentions->len == 0)
        remove_node (applier, other);
    }

  mention.start = start;
  mention.end = end;
  mention.sentence = (guint)sentence;
  g_array_append_val (node->mentions, mention);
  sort_mentions (node->mentions);
  return TRUE;
}

static gboolean
apply_edit (Applier *applier, const PvEdit *edit)
{
  PvNode *node;

  switch (edit->kind)
    {
      case PV_EDIT_MERGE:
        return apply_merge (applier, edit);
      case PV_EDIT_RENAME:
        node = find_node (applier, edit->node);
        if (node == NULL)
          return FALSE;
        set_string (&node->label, edit->label);
        if (edit->label_en != NULL)
          set_string (&node->label_en, edit->label_en);
        return TRUE;
      case PV_EDIT_RETYPE:
        node = find_node (applier, edit->node);
        if (node == NULL)
          return FALSE;
        node->type = edit->type;
        return TRUE;
      case PV_EDIT_HIDE:
        if (find_node (applier, edit->node) == NULL)
          return FALSE;
        g_hash_table_add (applier->hidden, g_strdup (edit->node));
        return TRUE;
      case PV_EDIT_UNHIDE:
        return g_hash_table_remove (applier->hidden, edit->node);
      case PV_EDIT_ADD_ENTITY:
      case PV_EDIT_ADD_ALIAS:
        return apply_add_mention (applier, edit);
      default:
        g_assert_not_reached ();
    }
}

typedef struct
{
  PvEdge *edge;
  gboolean oriented; /* by an edge the analysis had */
} EdgeBuild;

static EdgeBuild *
edge_build_for (GHashTable *pairs, GPtrArray *builds, guint a, guint b)
{
  guint64 key = ((guint64)MIN (a, b) << 32) | MAX (a, b);
  EdgeBuild *build = g_hash_table_lookup (pairs, &key);

  if (build == NULL)
    {
      build = g_new0 (EdgeBuild, 1);
      build->edge = g_new0 (PvEdge, 1);
      build->edge->source = MIN (a, b);
      build->edge->target = MAX (a, b);
      build->edge->kind = PV_EDGE_CO_MENTION;
      build->edge->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (pairs, g_memdup2 (&key, sizeof key), build);
      g_ptr_array_add (builds, build);
    }
  return build;
}

/* Edges again from the nodes as edited: co-mentions from their mentions,
 * kinds, directions and other evidence from the edges recorded. */
static void
rebuild_edges (Applier *applier)
{
  PvAnalysis *analysis = applier->analysis;
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) builds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) by_sentence = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  GPtrArray *edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edge_free);

  for (guint i = 0; i < analysis->nodes->len; i++)
    {
      const PvNode *node = g_ptr_array_index (analysis->nodes, i);

      g_hash_table_insert (index, node->id, GUINT_TO_POINTER (i + 1));
      for (guint m = 0; m < node->mentions->len; m++)
        {
          guint item[2] = { g_array_index (node->mentions, PvMention, m).sentence, i };

          g_array_append_vals (by_sentence, item, 1);
        }
    }
  g_array_sort (by_sentence, compare_uint);

  for (guint i = 0; i < by_sentence->len;)
    {
      const guint *items = (const guint *)(void *)by_sentence->data;
      guint sentence = items[2 * i];
      g_autoptr (GArray) present = g_array_new (FALSE, FALSE, sizeof (guint));

      for (; i < by_sentence->len && items[2 * i] == sentence; i++)
        g_array_append_val (present, items[2 * i + 1]);
      sort_unique (present);
      for (guint a = 0; a < present->len; a++)
        for (guint b = a + 1; b < present->len; b++)
          g_array_append_val (edge_build_for (pairs, builds, g_array_index (present, guint, a),
                                              g_array_index (present, guint, b))
                                  ->edge->sentences,
                              sentence);
    }

  for (guint i = 0; i < applier->records->len; i++)
    {
      const EdgeRecord *record = g_ptr_array_index (applier->records, i);
      guint source = GPOINTER_TO_UINT (g_hash_table_lookup (index, record->source));
      guint target = GPOINTER_TO_UINT (g_hash_table_lookup (index, record->target));
      EdgeBuild *build;

      if (source == 0 || target == 0 || source == target)
        continue;
      build = edge_build_for (pairs, builds, source - 1, target - 1);
      g_array_append_vals (build->edge->sentences, record->extra->data, record->extra->len);
      if (!build->oriented || kind_priority (record->kind) > kind_priority (build->edge->kind))
        {
          build->edge->kind = record->kind;
          build->edge->source = source - 1;
          build->edge->target = target - 1;
          build->oriented = TRUE;
        }
    }

  for (guint i = 0; i < builds->len; i++)
    {
      EdgeBuild *build = g_ptr_array_index (builds, i);

      sort_unique (build->edge->sentences);
      build->edge->weight = build->edge->sentences->len;
      if (build->edge->weight > 0)
        g_ptr_array_add (edges, build->edge);
      else
        pv_edge_free (build->edge);
    }

  g_ptr_array_unref (analysis->edges);
  analysis->edges = edges;
  pv_analysis_sort_edges (analysis);
}

void
pv_edits_apply (GPtrArray *edits, PvAnalysis *analysis, PvEditResult *result)
{
  g_autoptr (GPtrArray) hidden_nodes = NULL;
  g_autoptr (GArray) skipped = g_array_new (FALSE, FALSE, sizeof (guint));
  Applier applier;

  g_return_if_fail (edits != NULL);
  g_return_if_fail (analysis != NULL);

  applier.analysis = analysis;
  applier.records = record_edges (analysis);
  applier.hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < edits->len; i++)
    if (!apply_edit (&applier, g_ptr_array_index (edits, i)))
      g_array_append_val (skipped, i);

  /* Hidden nodes leave the graph, and with them their edges. */
  hidden_nodes = g_ptr_array_new_with_free_func (pv_entity_free);
  for (guint i = 0; i < analysis->nodes->len;)
    {
      PvNode *node = g_ptr_array_index (analysis->nodes, i);

      if (g_hash_table_contains (applier.hidden, node->id))
        g_ptr_array_add (hidden_nodes, g_ptr_array_steal_index (analysis->nodes, i));
      else
        i++;
    }
  g_ptr_array_sort (analysis->nodes, pv_node_compare);
  g_ptr_array_sort (hidden_nodes, pv_node_compare);
  rebuild_edges (&applier);

  g_ptr_array_unref (applier.records);
  g_hash_table_unref (applier.hidden);

  if (result != NULL)
    {
      result->hidden = g_steal_pointer (&hidden_nodes);
      result->skipped = g_steal_pointer (&skipped);
    }
}

void
pv_edit_result_clear (PvEditResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->hidden, g_ptr_array_unref);
  g_clear_pointer (&result->skipped, g_array_unref);
}

/* ---------------------------------------------------------------------- */
/* Undo and redo                                                           */

struct _PvEditHistory
{
  GPtrArray *edits; /* the project's */
  GPtrArray *redo;  /* PvEdit*, the last undone last */
  guint64 serial;
};

PvEditHistory *
pv_edit_history_new (GPtrArray *edits)
{
  PvEditHistory *history;

  g_return_val_if_fail (edits != NULL, NULL);

  history = g_new0 (PvEditHistory, 1);
  history->edits = g_ptr_array_ref (edits);
  history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edit_free);
  return history;
}

void
pv_edit_history_do (PvEditHistory *history, PvEdit *edit)
{
  g_return_if_fail (history != NULL);
  g_return_if_fail (edit != NULL);

  g_ptr_array_add (history->edits, edit);
  g_ptr_array_set_size (history->redo, 0);
  history->serial++;
}

gboolean
pv_edit_history_undo (PvEditHistory *history)
{
  g_return_val_if_fail (history != NULL, FALSE);

  if (history->edits->len == 0)
    return FALSE;
  g_ptr_array_add (history->redo,
                   g_ptr_array_steal_index (history->edits, history->edits->len - 1));
  history->serial++;
  return TRUE;
}

gboolean
pv_edit_history_redo (PvEditHistory *history)
{
  g_return_val_if_fail (history != NULL, FALSE);

  if (history->redo->len == 0)
    return FALSE;
  g_ptr_array_add (history->edits, g_ptr_array_steal_index (history->redo, history->redo->len - 1));
  history->serial++;
  return TRUE;
}

gboolean
pv_edit_history_can_undo (const PvEditHistory *history)
{
  g_return_val_if_fail (history != NULL, FALSE);
  return history->edits->len > 0;
}

gboolean
pv_edit_history_can_redo (const PvEditHistory *history)
{
  g_return_val_if_fail (history != NULL, FALSE);
  return history->redo->len > 0;
}

const PvEdit *
pv_edit_history_peek_undo (const PvEditHistory *history)
{
  g_return_val_if_fail (history != NULL, NULL);
  return history->edits->len > 0 ? g_ptr_array_index (history->edits, history->edits->len - 1)
                                 : NULL;
}

const PvEdit *
pv_edit_history_peek_redo (const PvEditHistory *history)
{
  g_return_val_if_fail (history != NULL, NULL);
  return history->redo->len > 0 ? g_ptr_array_index (history->redo, history->redo->len - 1) : NULL;
}

guint64
pv_edit_history_get_serial (const PvEditHistory *history)
{
  g_return_val_if_fail (history != NULL, 0);
  return history->serial;
}

void
pv_edit_history_free (PvEditHistory *history)
{
  if (history == NULL)
    return;
  g_ptr_array_unref (history->edits);
  g_ptr_array_unref (history->redo);
  g_free (history);
}

/* ---------------------------------------------------------------------- */
/* Projects                                                                */

static void
pin_clear (gpointer data)
{
  g_free (((PvPin *)data)->node);
}

static PvProject *
project_new_empty (void)
{
  PvProject *project = g_new0 (PvProject, 1);

  project->article_encoding = g_intern_static_string ("UTF-8");
  project->article_format = PV_DOCUMENT_FORMAT_TEXT;
  project->edits = g_ptr_array_new_with_free_func ((GDestroyNotify)pv_edit_free);
  project->pins = g_array_new (FALSE, TRUE, sizeof (PvPin));
  g_array_set_clear_func (project->pins, pin_clear);
  project->view = g_strdup ("{}");
  return project;
}

/* `size` bytes in MiB or GiB with one decimal, rounded up (so that a file
 * over a limit never shows as the limit), in any locale. */
static char *
format_file_size (guint64 size)
{
  const guint64 mib = 1024 * 1024;
  guint64 unit = size >= 1024 * mib ? 1024 * mib : mib;
  guint64 tenths = (size * 10 + unit - 1) / unit;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u %s", tenths / 10, (guint)(tenths % 10),
                          unit == mib ? "MiB" : "GiB");
}

/* The bytes of a regular file (never a FIFO or a device) of at most
 * `max_bytes` (MAX_PROJECT_BYTES or MAX_ARTICLE_BYTES).  A larger one is
 * never read: PV_PROJECT_ERROR_READ, where the other failures are
 * G_FILE_ERROR. */
static gboolean
read_regular_file (const char *path, goffset max_bytes, char **contents, gsize *length,
                   GError **error)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (info.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a regular file", path);
      return FALSE;
    }
  if ((goffset)info.st_size > max_bytes)
    {
      g_autofree char *size = format_file_size ((guint64)info.st_size);

      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_READ,
                   "%s: too large (%s; Peyvand reads %s)", path, size,
                   max_bytes == MAX_ARTICLE_BYTES ? "articles of up to " PV_DOCUMENT_MAX_DESCRIPTION
                                                  : "projects of up to " MAX_PROJECT_DESCRIPTION);
      return FALSE;
    }
  return g_file_get_contents (path, contents, length, error);
}

static char *
sha256_of (const char *data, gsize length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, length);
}

PvProject *
pv_project_new (const PvDocument *document, const char *date)
{
  PvProject *project;

  g_return_val_if_fail (document != NULL, NULL);

  project = project_new_empty ();
  if (document->source != NULL && strcmp (document->source, "-") != 0)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      project->article_path = g_canonicalize_filename (document->source, NULL);
      if (read_regular_file (project->article_path, MAX_ARTICLE_BYTES, &contents, &length, NULL))
        project->article_sha256 = sha256_of (contents, length);
    }
  project->article_title = g_strdup (document->title);
  project->article_date = g_strdup (date != NULL ? date : document->date);
  project->article_encoding = g_intern_string (document->encoding);
  project->article_format = document->format;
  project->article_text = g_strdup (document->text);
  return project;
}

PvDocument *
pv_project_get_document (const PvProject *project)
{
  PvDocument *document;

  g_return_val_if_fail (project != NULL, NULL);

  document = pv_document_new_from_text (project->article_path != NULL ? project->article_path : "-",
                                        project->article_text, -1);
  document->title = g_strdup (project->article_title);
  document->date = g_strdup (project->article_date);
  document->encoding = project->article_encoding;
  document->format = project->article_format;
  return document;
}

PvAnalysis *
pv_project_analyze (const PvProject *project, PvKnowledge *knowledge)
{
  PvAnalyzeOptions options = { NULL };

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (knowledge != NULL, NULL);

  options.date = project->article_date;
  return pv_analyze (pv_project_get_document (project), knowledge, &options);
}

void
pv_project_apply_edits (const PvProject *project, PvAnalysis *analysis, PvEditResult *result)
{
  g_return_if_fail (project != NULL);
  pv_edits_apply (project->edits, analysis, result);
}

static PvNode *
node_copy (const PvNode *node)
{
  PvNode *copy = g_new0 (PvNode, 1);

  copy->id = g_strdup (node->id);
  copy->type = node->type;
  copy->label = g_strdup (node->label);
  copy->label_en = g_strdup (node->label_en);
  copy->country = g_strdup (node->country);
  copy->mentions = g_array_copy (node->mentions);
  return copy;
}

static PvAnalysis *
analysis_copy (const PvAnalysis *analysis)
{
  PvAnalysis *copy = g_new0 (PvAnalysis, 1);

  copy->document = pv_document_copy (analysis->document);
  copy->title = g_strdup (analysis->title);
  copy->date = g_strdup (analysis->date);
  copy->language = analysis->language;
  copy->rtl = analysis->rtl;
  copy->body_end = analysis->body_end;
  copy->sentences = g_array_copy (analysis->sentences);
  copy->nodes = g_ptr_array_new_full (analysis->nodes->len, pv_entity_free);
  for (guint i = 0; i < analysis->nodes->len; i++)
    g_ptr_array_add (copy->nodes, node_copy (g_ptr_array_index (analysis->nodes, i)));
  copy->edges = g_ptr_array_new_full (analysis->edges->len, (GDestroyNotify)pv_edge_free);
  for (guint i = 0; i < analysis->edges->len; i++)
    {
      const PvEdge *edge = g_ptr_array_index (analysis->edges, i);
      PvEdge *edge_copy = g_memdup2 (edge, sizeof *edge);

      edge_copy->sentences = g_array_copy (edge->sentences);
      g_ptr_array_add (copy->edges, edge_copy);
    }
  return copy;
}

PvAnalysis *
pv_project_edit_analysis (const PvProject *project, const PvAnalysis *base, PvEditResult *result)
{
  PvAnalysis *analysis;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (base != NULL, NULL);

  analysis = analysis_copy (base);
  pv_edits_apply (project->edits, analysis, result);
  return analysis;
}

PvArticleState
pv_project_check_article (const PvProject *project, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (project != NULL, PV_ARTICLE_UNAVAILABLE);

  if (project->article_path == NULL)
    {
      g_set_error_literal (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_ARTICLE,
                           "The article was not read from a file");
      return PV_ARTICLE_UNAVAILABLE;
    }
  if (!read_regular_file (project->article_path, MAX_ARTICLE_BYTES, &contents, &length,
                          &local_error))
    {
      g_set_error_literal (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_ARTICLE, local_error->message);
      return PV_ARTICLE_UNAVAILABLE;
    }
  sha256 = sha256_of (contents, length);
  return g_strcmp0 (sha256, project->article_sha256) == 0 ? PV_ARTICLE_SAME : PV_ARTICLE_CHANGED;
}

gboolean
pv_project_reload_article (PvProject *project, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PvDocument) document = NULL;
  gsize length = 0;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (project->article_path == NULL)
    {
      g_set_error_literal (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_ARTICLE,
                           "The article was not read from a file");
      return FALSE;
    }
  if (!read_regular_file (project->article_path, MAX_ARTICLE_BYTES, &contents, &length,
                          &local_error))
    {
      g_set_error_literal (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_ARTICLE, local_error->message);
      return FALSE;
    }
  document = pv_document_load_bytes (project->article_path, (const guint8 *)contents, length,
                                     project->article_path, error);
  if (document == NULL)
    return FALSE;

  g_free (project->article_sha256);
  project->article_sha256 = sha256_of (contents, length);
  set_string (&project->article_title, document->title);
  if (project->article_date == NULL)
    project->article_date = g_strdup (document->date);
  project->article_encoding = g_intern_string (document->encoding);
  project->article_format = document->format;
  set_string (&project->article_text, document->text);
  return TRUE;
}

/* Pins */

static int
find_pin (const PvProject *project, const char *node)
{
  for (guint i = 0; i < project->pins->len; i++)
    if (strcmp (g_array_index (project->pins, PvPin, i).node, node) == 0)
      return (int)i;
  return -1;
}

void
pv_project_set_pin (PvProject *project, const char *node, double x, double y)
{
  int index;

  g_return_if_fail (project != NULL);
  g_return_if_fail (node != NULL);

  index = find_pin (project, node);
  if (index < 0)
    {
      PvPin pin = { g_strdup (node), x, y };

      g_array_append_val (project->pins, pin);
      return;
    }
  g_array_index (project->pins, PvPin, index).x = x;
  g_array_index (project->pins, PvPin, index).y = y;
}

gboolean
pv_project_get_pin (const PvProject *project, const char *node, double *x, double *y)
{
  int index;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  index = find_pin (project, node);
  if (index < 0)
    return FALSE;
  if (x != NULL)
    *x = g_array_index (project->pins, PvPin, index).x;
  if (y != NULL)
    *y = g_array_index (project->pins, PvPin, index).y;
  return TRUE;
}

gboolean
pv_project_remove_pin (PvProject *project, const char *node)
{
  int index;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  index = find_pin (project, node);
  if (index < 0)
    return FALSE;
  g_array_remove_index (project->pins, index);
  return TRUE;
}

/* View settings */

static cJSON *
view_parse (const PvProject *project)
{
  cJSON *view = project->view != NULL ? cJSON_Parse (project->view) : NULL;

  if (!cJSON_IsObject (view))
    {
      cJSON_Delete (view);
      view = cJSON_CreateObject ();
    }
  return view;
}

/* A copy of one member of the view settings, or NULL; the caller deletes it. */
static cJSON *
view_member (const PvProject *project, const char *key)
{
  cJSON *view = view_parse (project);
  cJSON *item = cJSON_DetachItemFromObjectCaseSensitive (view, key);

  cJSON_Delete (view);
  return item;
}

static void
view_set (PvProject *project, const char *key, cJSON *value)
{
  cJSON *view = view_parse (project);

  cJSON_DeleteItemFromObjectCaseSensitive (view, key);
  cJSON_AddItemToObject (view, key, value);
  g_free (project->view);
  project->view = print_json (view, FALSE);
  cJSON_Delete (view);
}

void
pv_project_set_view_string (PvProject *project, const char *key, const char *value)
{
  g_return_if_fail (project != NULL && key != NULL);
  view_set (project, key, value != NULL ? cJSON_CreateString (value) : cJSON_CreateNull ());
}

void
pv_project_set_view_double (PvProject *project, const char *key, double value)
{
  g_return_if_fail (project != NULL && key != NULL);
  view_set (project, key, cJSON_CreateNumber (value));
}

void
pv_project_set_view_boolean (PvProject *project, const char *key, gboolean value)
{
  g_return_if_fail (project != NULL && key != NULL);
  view_set (project, key, cJSON_CreateBool (value));
}

void
pv_project_set_view_strv (PvProject *project, const char *key, const char *const *value)
{
  cJSON *array;

  g_return_if_fail (project != NULL && key != NULL);

  array = cJSON_CreateArray ();
  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    cJSON_AddItemToArray (array, cJSON_CreateString (value[i]));
  view_set (project, key, array);
}

char *
pv_project_get_view_string (const PvProject *project, const char *key)
{
  cJSON *item;
  char *value;

  g_return_val_if_fail (project != NULL && key != NULL, NULL);

  item = view_member (project, key);
  value = cJSON_IsString (item) ? g_strdup (item->valuestring) : NULL;
  cJSON_Delete (item);
  return value;
}

double
pv_project_get_view_double (const PvProject *project, const char *key, double fallback)
{
  cJSON *item;
  double value;

  g_return_val_if_fail (project != NULL && key != NULL, fallback);

  item = view_member (project, key);
  value = cJSON_IsNumber (item) ? item->valuedouble : fallback;
  cJSON_Delete (item);
  return value;
}

gboolean
pv_project_get_view_boolean (const PvProject *project, const char *key, gboolean fallback)
{
  cJSON *item;
  gboolean value;

  g_return_val_if_fail (project != NULL && key != NULL, fallback);

  item = view_member (project, key);
  value = cJSON_IsBool (item) ? cJSON_IsTrue (item) : fallback;
  cJSON_Delete (item);
  return value;
}

char **
pv_project_get_view_strv (const PvProject *project, const char *key)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  cJSON *array;
  const cJSON *item;
  gboolean ok;

  g_return_val_if_fail (project != NULL && key != NULL, NULL);

  array = view_member (project, key);
  ok = cJSON_IsArray (array);
  builder = g_strv_builder_new ();
  cJSON_ArrayForEach (item, array)
  {
    if (!cJSON_IsString (item))
      {
        ok = FALSE;
        break;
      }
    g_strv_builder_add (builder, item->valuestring);
  }
  cJSON_Delete (array);
  return ok ? g_strv_builder_end (builder) : NULL;
}

/* ---------------------------------------------------------------------- */
/* The project as JSON                                                     */

char *
pv_project_to_json (const PvProject *project)
{
  cJSON *root, *article, *edits, *pins, *view;
  char *json;

  g_return_val_if_fail (project != NULL, NULL);

  root = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "schema", PV_PROJECT_SCHEMA);
  cJSON_AddStringToObject (root, "generator", PACKAGE_NAME " " PACKAGE_VERSION);

  article = cJSON_AddObjectToObject (root, "article");
  add_string_or_null (article, "path", project->article_path);
  add_string_or_null (article, "sha256", project->article_sha256);
  add_string_or_null (article, "title", project->article_title);
  add_string_or_null (article, "date", project->article_date);
  cJSON_AddStringToObject (article, "encoding", project->article_encoding);
  cJSON_AddStringToObject (article, "format", format_names[project->article_format]);
  cJSON_AddStringToObject (article, "text",
                           project->article_text != NULL ? project->article_text : "");

  edits = cJSON_AddArrayToObject (root, "edits");
  for (guint i = 0; i < project->edits->len; i++)
    cJSON_AddItemToArray (edits, edit_to_cjson (g_ptr_array_index (project->edits, i)));

  pins = cJSON_AddArrayToObject (root, "pins");
  for (guint i = 0; i < project->pins->len; i++)
    {
      const PvPin *pin = &g_array_index (project->pins, PvPin, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddStringToObject (item, "node", pin->node);
      cJSON_AddNumberToObject (item, "x", pin->x);
      cJSON_AddNumberToObject (item, "y", pin->y);
      cJSON_AddItemToArray (pins, item);
    }

  view = view_parse (project);
  cJSON_AddItemToObject (root, "view", view);

  json = print_json (root, TRUE);
  cJSON_Delete (root);
  return json;
}

static gboolean
is_hex_sha256 (const char *value)
{
  if (strlen (value) != 64)
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* The version of a "peyvand/project/N" schema, or 0. */
static guint64
schema_version (const char *schema)
{
  const char *digits;
  guint64 version = 0;

  if (!g_str_has_prefix (schema, SCHEMA_PREFIX))
    return 0;
  digits = schema + strlen (SCHEMA_PREFIX);
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT32, &version, NULL))
    return 0;
  return version;
}

static gboolean
read_article (PvProject *project, const cJSON *root, GString *problem)
{
  const cJSON *article = cJSON_GetObjectItemCaseSensitive (root, "article");
  const cJSON *text = cJSON_GetObjectItemCaseSensitive (article, "text");
  const char *path, *sha256, *title, *date, *encoding, *format;

  if (!cJSON_IsObject (article))
    {
      g_string_assign (problem, "no \"article\" object");
      return FALSE;
    }
  if (!cJSON_IsString (text))
    {
      g_string_assign (problem, "the article has no \"text\"");
      return FALSE;
    }
  if (!get_string (article, "path", FALSE, &path, problem) ||
      !get_string (article, "sha256", FALSE, &sha256, problem) ||
      !get_string (article, "title", FALSE, &title, problem) ||
      !get_string (article, "date", FALSE, &date, problem) ||
      !get_string (article, "encoding", FALSE, &encoding, problem) ||
      !get_string (article, "format", FALSE, &format, problem))
    {
      g_string_prepend (problem, "the article's ");
      return FALSE;
    }
  if (sha256 != NULL && !is_hex_sha256 (sha256))
    {
      g_string_assign (problem, "the article's \"sha256\" is not a SHA-256 in hex");
      return FALSE;
    }
  if (!g_utf8_validate (text->valuestring, -1, NULL))
    {
      g_string_assign (problem, "the article's text is not UTF-8");
      return FALSE;
    }

  project->article_path = g_strdup (path);
  project->article_sha256 = sha256 != NULL ? g_ascii_strdown (sha256, -1) : NULL;
  project->article_title = g_strdup (title);
  project->article_date = g_strdup (date);
  if (encoding != NULL)
    project->article_encoding = g_intern_string (encoding);
  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (strcmp (format, format_names[i]) == 0)
      project->article_format = i;
  project->article_text = g_strdup (text->valuestring);
  return TRUE;
}

static gboolean
read_edits (PvProject *project, const cJSON *root, GString *problem)
{
  const cJSON *edits = cJSON_GetObjectItemCaseSensitive (root, "edits");
  const cJSON *item;
  gsize length = g_utf8_strlen (project->article_text, -1);
  guint position = 0;

  if (edits == NULL)
    return TRUE;
  if (!cJSON_IsArray (edits))
    {
      g_string_assign (problem, "\"edits\" is not a list");
      return FALSE;
    }
  cJSON_ArrayForEach (item, edits)
  {
    PvEdit *edit;

    position++;
    edit = edit_from_cjson (item, problem);
    if (edit != NULL && (edit->kind == PV_EDIT_ADD_ENTITY || edit->kind == PV_EDIT_ADD_ALIAS) &&
        edit->end > length)
      {
        g_string_printf (problem, "its span ends at %" G_GSIZE_FORMAT ", after the article's end",
                         edit->end);
        g_clear_pointer (&edit, pv_edit_free);
      }
    if (edit == NULL)
      {
        const char *kind = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (item, "kind"));
        g_autofree char *what = kind != NULL ? g_strdup_printf ("edit %u (%s)", position, kind)
                                             : g_strdup_printf ("edit %u", position);

        g_string_prepend (problem, ": ");
        g_string_prepend (problem, what);
        return FALSE;
      }
    g_ptr_array_add (project->edits, edit);
  }
  return TRUE;
}

static gboolean
read_pins (PvProject *project, const cJSON *root, GString *problem)
{
  const cJSON *pins = cJSON_GetObjectItemCaseSensitive (root, "pins");
  const cJSON *item;
  guint position = 0;

  if (pins == NULL)
    return TRUE;
  if (!cJSON_IsArray (pins))
    {
      g_string_assign (problem, "\"pins\" is not a list");
      return FALSE;
    }
  cJSON_ArrayForEach (item, pins)
  {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive (item, "x");
    const cJSON *y = cJSON_GetObjectItemCaseSensitive (item, "y");
    const char *node = NULL;

    position++;
    if (!cJSON_IsObject (item) || !get_string (item, "node", TRUE, &node, problem) ||
        !cJSON_IsNumber (x) || !cJSON_IsNumber (y))
      {
        g_string_printf (problem, "pin %u needs a \"node\", \"x\" and \"y\"", position);
        return FALSE;
      }
    pv_project_set_pin (project, node, x->valuedouble, y->valuedouble);
  }
  return TRUE;
}

/* JSON that fails at its last byte, or in a string that never closes,
 * was probably cut short. */
static gboolean
ends_early (const char *json, gsize length, gsize offset)
{
  if (offset + 1 >= length)
    return TRUE;
  /* cJSON points at a string's opening quote, or just after it */
  if (json[offset] == '"')
    offset++;
  else if (offset == 0 || json[offset - 1] != '"')
    return FALSE;
  for (gsize i = offset; i < length; i++)
    {
      if (json[i] == '\\')
        i++;
      else if (json[i] == '"')
        return FALSE;
    }
  return TRUE;
}

PvProject *
pv_project_from_json (const char *source, const char *json, gsize length, GError **error)
{
  g_autoptr (PvProject) project = NULL;
  g_autoptr (GString) problem = g_string_new (NULL);
  const char *end = NULL, *schema;
  const cJSON *view;
  cJSON *root;

  g_return_val_if_fail (json != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source == NULL)
    source = "-";

  if (length == 0)
    {
      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PARSE,
                   "%s: not a Peyvand project: the file is empty", source);
      return NULL;
    }
  root = cJSON_ParseWithLengthOpts (json, length, &end, FALSE);
  if (root == NULL)
    {
      gsize offset = end != NULL ? (gsize)(end - json) : 0;

      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PARSE,
                   "%s: not a Peyvand project: invalid JSON at byte %" G_GSIZE_FORMAT
                   " of %" G_GSIZE_FORMAT "%s",
                   source, offset, length,
                   ends_early (json, length, offset)
                       ? " (the file ends too early: it may have been cut short)"
                       : "");
      return NULL;
    }
  while (end != NULL && (gsize)(end - json) < length && g_ascii_isspace (*end))
    end++;
  if (end != NULL && (gsize)(end - json) < length && *end != '\0')
    {
      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PARSE,
                   "%s: not a Peyvand project: unexpected data at byte %" G_GSIZE_FORMAT, source,
                   (gsize)(end - json));
      cJSON_Delete (root);
      return NULL;
    }

  schema = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (root, "schema"));
  if (!cJSON_IsObject (root) || schema == NULL)
    {
      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PARSE,
                   "%s: not a Peyvand project (it names no \"schema\")", source);
      cJSON_Delete (root);
      return NULL;
    }
  if (schema_version (schema) > SCHEMA_VERSION)
    {
      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_NEWER,
                   "%s was made by a newer Peyvand (schema %s); this version reads %s only "
                   "and leaves the file as it is",
                   source, schema, PV_PROJECT_SCHEMA);
      cJSON_Delete (root);
      return NULL;
    }
  if (schema_version (schema) != SCHEMA_VERSION)
    {
      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PARSE,
                   "%s: not a Peyvand project (its schema is %s)", source, schema);
      cJSON_Delete (root);
      return NULL;
    }

  project = project_new_empty ();
  view = cJSON_GetObjectItemCaseSensitive (root, "view");
  if (!read_article (project, root, problem) || !read_edits (project, root, problem) ||
      !read_pins (project, root, problem))
    {
      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_INVALID, "%s: %s", source,
                   problem->str);
      cJSON_Delete (root);
      return NULL;
    }
  if (view != NULL && !cJSON_IsNull (view))
    {
      if (!cJSON_IsObject (view))
        {
          g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_INVALID,
                       "%s: \"view\" is not an object", source);
          cJSON_Delete (root);
          return NULL;
        }
      g_free (project->view);
      project->view = print_json (view, FALSE);
    }
  cJSON_Delete (root);
  return g_steal_pointer (&project);
}

PvProject *
pv_project_load (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_regular_file (path, MAX_PROJECT_BYTES, &contents, &length, &local_error))
    {
      g_set_error_literal (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_READ, local_error->message);
      return NULL;
    }
  return pv_project_from_json (path, contents, length, error);
}

void
pv_project_free (PvProject *project)
{
  if (project == NULL)
    return;
  g_free (project->article_path);
  g_free (project->article_sha256);
  g_free (project->article_title);
  g_free (project->article_date);
  g_free (project->article_text);
  g_ptr_array_unref (project->edits);
  g_array_unref (project->pins);
  g_free (project->view);
  g_free (project);
}

/* ---------------------------------------------------------------------- */
/* Atomic saves                                                            */

static void
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_WRITE, "Could not write %s: %s", path,
               g_strerror (saved_errno));
}

/* Temporary files of dead processes: ".<name>.<pid>.XXXXXX.tmp". */
static void
remove_stale_temporaries (const char *folder, const char *name)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", name);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      const char *rest;
      char *after = NULL;
      guint64 pid;

      if (!g_str_has_prefix (entry, prefix) || !g_str_has_suffix (entry, ".tmp"))
        continue;
      rest = entry + strlen (prefix);
      pid = g_ascii_strtoull (rest, &after, 10);
      if (after == rest || *after != '.' || strlen (after) != strlen (".XXXXXX.tmp") || pid == 0 ||
          pid > G_MAXINT || (pid_t)pid == getpid ())
        continue;
      if (kill ((pid_t)pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *stale = g_build_filename (folder, entry, NULL);

          g_unlink (stale);
        }
    }
}

gboolean
pv_file_replace_contents (const char *path, const char *data, gsize length, GError **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temporary = NULL;
  GStatBuf info;
  gboolean have_info;
  gsize written = 0;
  int fd, folder_fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* Through a symbolic link to the file it names, which is the one replaced. */
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    resolved = g_strdup (path);
  have_info = g_stat (resolved, &info) == 0;
  if (have_info && S_ISDIR (info.st_mode))
    {
      set_write_error (error, path, EISDIR);
      return FALSE;
    }

  folder = g_path_get_dirname (resolved);
  name = g_path_get_basename (resolved);
  temporary = g_strdup_printf ("%s/.%s.%d.XXXXXX.tmp", folder, name, (int)getpid ());
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  if (have_info)
    fchmod (fd, info.st_mode & 07777);

  while (written < length)
    {
      gssize count = write (fd, data + written, MIN (length - written, (gsize)G_MAXSSIZE));

      if (count < 0 && errno == EINTR)
        continue;
      if (count <= 0)
        {
          int saved_errno = count < 0 ? errno : ENOSPC;

          set_write_error (error, path, saved_errno);
          close (fd);
          g_unlink (temporary);
          return FALSE;
        }
      written += (gsize)count;
    }
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, saved_errno);
      close (fd);
      g_unlink (temporary);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, saved_errno);
      g_unlink (temporary);
      return FALSE;
    }
  if (g_rename (temporary, resolved) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, saved_errno);
      g_unlink (temporary);
      return FALSE;
    }

  /* The rename itself is durable once the folder is synced. */
  folder_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (folder_fd >= 0)
    {
      if (fsync (folder_fd) != 0)
        g_debug ("fsync of %s: %s", folder, g_strerror (errno));
      close (folder_fd);
    }

  remove_stale_temporaries (folder, name);
  return TRUE;
}

/* A file there that is not a project this version reads is the user's
 * (or a newer Peyvand's): it is never replaced. */
static gboolean
check_replaceable (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (PvProject) existing = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!read_regular_file (path, MAX_PROJECT_BYTES, &contents, &length, &local_error) || length == 0)
    {
      /* a file too large to be a project is not one: it stays */
      if (g_error_matches (local_error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_READ))
        {
          g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PROTECTED,
                       "%s is not a Peyvand project this version can read, so it is not "
                       "replaced (save under another name): %s",
                       path, local_error->message);
          return FALSE;
        }
      return TRUE; /* a failure to write will say why */
    }

  existing = pv_project_from_json (path, contents, length, &local_error);
  if (existing != NULL)
    return TRUE;
  if (g_error_matches (local_error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_NEWER))
    {
      g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_NEWER,
                   "%s was made by a newer Peyvand; it is not replaced (save under another name)",
                   path);
      return FALSE;
    }
  g_set_error (error, PV_PROJECT_ERROR, PV_PROJECT_ERROR_PROTECTED,
               "%s is not a Peyvand project this version can read, so it is not replaced "
               "(save under another name): %s",
               path, local_error->message);
  return FALSE;
}

gboolean
pv_project_save (const PvProject *project, const char *path, GError **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_replaceable (path, error))
    return FALSE;
  json = pv_project_to_json (project);
  return pv_file_replace_contents (path, json, strlen (json), error);
}

/* ---------------------------------------------------------------------- */
/* Autosave                                                                */

char *
pv_project_autosave_path (const char *state_dir, const char *project_path, const char *article_path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  if (project_path != NULL)
    {
      absolute = g_canonicalize_filename (project_path, NULL);
      key = g_strconcat ("project:", absolute, NULL);
    }
  else if (article_path != NULL && strcmp (article_path, "-") != 0)
    {
      absolute = g_canonicalize_filename (article_path, NULL);
      key = g_strconcat ("article:", absolute, NULL);
    }
  else
    return NULL;

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  name = g_strconcat (hash, PV_PROJECT_EXTENSION, NULL);
  return g_build_filename (state_dir != NULL ? state_dir : g_get_user_state_dir (), "peyvand",
                           "autosave", name, NULL);
}

gboolean
pv_project_autosave (const PvProject *project, const char *state_dir, const char *project_path,
                     GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = pv_project_autosave_path (state_dir, project_path, project->article_path);
  if (path == NULL)
    return TRUE; /* nothing to find it by again */

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_write_error (error, folder, errno);
      return FALSE;
    }
  json = pv_project_to_json (project);
  return pv_file_replace_contents (path, json, strlen (json), error);
}

static gboolean
is_newer (const struct stat *a, const struct stat *b)
{
  if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
    return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
  return a->st_mtim.tv_nsec > b->st_mtim.tv_nsec;
}

char *
pv_project_find_autosave (const char *state_dir, const char *project_path, const char *article_path)
{
  g_autofree char *path = pv_project_autosave_path (state_dir, project_path, article_path);
  struct stat autosave, saved;

  if (path == NULL || stat (path, &autosave) != 0 || !S_ISREG (autosave.st_mode))
    return NULL;
  if (project_path != NULL && stat (project_path, &saved) == 0 && !is_newer (&autosave, &saved))
    return NULL;
  return g_steal_pointer (&path);
}

void
pv_project_discard_autosave (const char *state_dir, const char *project_path,
                             const char *article_path)
{
  g_autofree char *path = pv_project_autosave_path (state_dir, project_path, article_path);

  if (path != NULL)
    g_unlink (path);
}
