/* pv-project.h: project files (*.peyvand, schema peyvand/project/1): the
 * article, the user's edits, pinned positions and view settings
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-analysis.h"
#include "pv-document.h"
#include "pv-knowledge.h"

G_BEGIN_DECLS

#define PV_PROJECT_SCHEMA "peyvand/project/1"
#define PV_PROJECT_EXTENSION ".peyvand"

#define PV_PROJECT_ERROR (pv_project_error_quark ())

typedef enum
{
  PV_PROJECT_ERROR_READ,      /* missing or unreadable */
  PV_PROJECT_ERROR_PARSE,     /* not JSON, or JSON that is not a Peyvand project */
  PV_PROJECT_ERROR_INVALID,   /* a project with a malformed field or edit */
  PV_PROJECT_ERROR_NEWER,     /* made by a newer Peyvand: never to be overwritten */
  PV_PROJECT_ERROR_PROTECTED, /* a save refused: the file there is not a project we may replace */
  PV_PROJECT_ERROR_WRITE,     /* the file or its folder could not be written */
  PV_PROJECT_ERROR_ARTICLE,   /* the article file cannot be read */
} PvProjectError;

GQuark pv_project_error_quark (void);

/* ---------------------------------------------------------------------- */
/* Edits                                                                   */

typedef enum
{
  PV_EDIT_MERGE,      /* `node` is absorbed into `into` (mentions and edges) */
  PV_EDIT_RENAME,     /* `node` gets `label` (and `label_en` unless NULL) */
  PV_EDIT_RETYPE,     /* `node` gets `type`; its id stays, as edits name it */
  PV_EDIT_HIDE,       /* `node` is left out of the graph and the text */
  PV_EDIT_UNHIDE,     /* undoes an earlier hide of `node` */
  PV_EDIT_ADD_ENTITY, /* [start, end) is a mention of a new node `node` (`type`, `label`),
                       * or of `node` when the analysis has it already */
  PV_EDIT_ADD_ALIAS,  /* [start, end) is a mention of the existing node `node` */
} PvEditKind;

/* One correction.  Edits name nodes by id (ids are stable across runs), and
 * spans by code point offsets into the article together with their text, so
 * that a span is found again when the article has changed. */
typedef struct
{
  PvEditKind kind;
  char *node;        /* the node edited (merge: the one absorbed; add-entity: the new id) */
  char *into;        /* merge: the node kept */
  char *label;       /* rename, add-entity */
  char *label_en;    /* rename, add-entity: NULL leaves it as it is */
  PvEntityType type; /* retype, add-entity */
  gsize start;       /* add-entity, add-alias: code points into the article */
  gsize end;         /* exclusive */
  char *text;        /* add-entity, add-alias: the text of [start, end) */
} PvEdit;

PvEdit *pv_edit_new_merge (const char *absorbed, const char *kept);
PvEdit *pv_edit_new_rename (const char *node, const char *label, const char *label_en);
PvEdit *pv_edit_new_retype (const char *node, PvEntityType type);
PvEdit *pv_edit_new_hide (const char *node);
PvEdit *pv_edit_new_unhide (const char *node);

/* A new entity at [start, end) of `document`'s text.  `label` NULL: the
 * span's text; `id` NULL: "<type>:<slug of the label>" (a country needs
 * its "country:XX" id).  NULL when the span holds only spaces. */
PvEdit *pv_edit_new_add_entity (const PvDocument *document, gsize start, gsize end,
                                PvEntityType type, const char *label, const char *label_en,
                                const char *id);
/* [start, end) of `document`'s text is one more mention of `node`. */
PvEdit *pv_edit_new_add_alias (const PvDocument *document, gsize start, gsize end,
                               const char *node);

PvEdit *pv_edit_copy (const PvEdit *edit);
void pv_edit_free (PvEdit *edit);

const char *pv_edit_kind_to_string (PvEditKind kind);
gboolean pv_edit_kind_from_string (const char *name, PvEditKind *kind);

/* One edit as a JSON object (the form it takes in a project's "edits"), and
 * back.  Errors name what is missing or malformed. */
char *pv_edit_to_json (const PvEdit *edit);
PvEdit *pv_edit_from_json (const char *json, gsize length, GError **error);

/* What applying edits left aside. */
typedef struct
{
  GPtrArray *hidden; /* PvNode*, owned: the hidden nodes, taken out of the analysis */
  GArray *skipped;   /* guint: indexes of the edits that found no node or span to apply to */
} PvEditResult;

/* Applies `edits` in order to an analysis fresh from pv_analyze():
 * merges join mentions and edges (a typed edge keeps its kind), renames and
 * retypes change labels and types, add-entity and add-alias add a mention
 * in the sentence of the span (taking it from any node whose mention has
 * exactly that span; a node left with no mention goes) and its
 * co-mentions, and hidden nodes are taken out with their edges.  Nodes and
 * edges are sorted again as pv_analyze() sorts them; with no edits the
 * analysis is unchanged.  An edit is skipped, and listed in `result`, when
 * its node is not in the analysis, when its span's text is no longer in
 * the article (a span whose text moved is found again, at the occurrence
 * nearest to where it was) or lies outside every sentence, and when it
 * unhides a node that is not hidden.  `result` (may be NULL) is filled,
 * not cleared first: free it with pv_edit_result_clear(). */
void pv_edits_apply (GPtrArray *edits, PvAnalysis *analysis, PvEditResult *result);
void pv_edit_result_clear (PvEditResult *result);

/* Undo and redo over a list of edits (a project's `edits`, which the
 * history references).  Undo moves the last edit to the redo stack; redo
 * moves it back; a new edit clears the redo stack.  The history lives as
 * long as the session: it is not saved. */
typedef struct _PvEditHistory PvEditHistory;

PvEditHistory *pv_edit_history_new (GPtrArray *edits);
/* Appends `edit` (transfer full) and clears the redo stack. */
void pv_edit_history_do (PvEditHistory *history, PvEdit *edit);
gboolean pv_edit_history_undo (PvEditHistory *history);
gboolean pv_edit_history_redo (PvEditHistory *history);
gboolean pv_edit_history_can_undo (const PvEditHistory *history);
gboolean pv_edit_history_can_redo (const PvEditHistory *history);
/* The edit an undo or a redo would take back or make again, or NULL. */
const PvEdit *pv_edit_history_peek_undo (const PvEditHistory *history);
const PvEdit *pv_edit_history_peek_redo (const PvEditHistory *history);
/* Counts do, undo and redo: compare with a value kept at a save to know
 * whether the edits changed since. */
guint64 pv_edit_history_get_serial (const PvEditHistory *history);
void pv_edit_history_free (PvEditHistory *history);

/* ---------------------------------------------------------------------- */
/* Projects                                                                */

typedef struct
{
  char *node;
  double x, y; /* layout units */
} PvPin;

typedef struct
{
  /* the article: its text is kept, so a project opens without the file */
  char *article_path;           /* absolute, or NULL (standard input, a drop) */
  char *article_sha256;         /* lower-case hex SHA-256 of the file's bytes, or NULL */
  char *article_title;          /* or NULL */
  char *article_date;           /* the date the analysis used, "YYYY-MM-DD", or NULL */
  const char *article_encoding; /* interned: "UTF-8", "windows-1256", … */
  PvDocumentFormat article_format;
  char *article_text; /* the decoded text (UTF-8): every offset counts its code points */

  GPtrArray *edits; /* PvEdit*, in the order made */
  GArray *pins;     /* PvPin: pinned node positions */
  char *view;       /* a JSON object the app fills (label language, hidden types, …) */
} PvProject;

/* A project for an article just opened.  The SHA-256 is taken of the file
 * at `document->source` when it is a readable regular file.  `date` is the
 * date the analysis used (NULL: the document's). */
PvProject *pv_project_new (const PvDocument *document, const char *date);

/* The article as a document (from the stored text: the file is not read). */
PvDocument *pv_project_get_document (const PvProject *project);

/* pv_analyze() of the stored article at the stored date, without edits. */
PvAnalysis *pv_project_analyze (const PvProject *project, PvKnowledge *knowledge);

/* pv_edits_apply() of the project's edits. */
void pv_project_apply_edits (const PvProject *project, PvAnalysis *analysis, PvEditResult *result);

/* A copy of `base` (an analysis without edits) with the project's edits
 * applied; `base` is left as it is, so that undo can start from it again. */
PvAnalysis *pv_project_edit_analysis (const PvProject *project, const PvAnalysis *base,
                                      PvEditResult *result);

typedef enum
{
  PV_ARTICLE_SAME,        /* the file's bytes have the stored SHA-256 */
  PV_ARTICLE_CHANGED,     /* they differ */
  PV_ARTICLE_UNAVAILABLE, /* no path, or the file is missing or unreadable (see `error`) */
} PvArticleState;

/* Reads the article file again and compares its SHA-256 with the stored
 * one. */
PvArticleState pv_project_check_article (const PvProject *project, GError **error);

/* Reads the article file again into the project (text, title, SHA-256),
 * keeping the edits: then analyze and apply them again.  On error the
 * project is unchanged. */
gboolean pv_project_reload_article (PvProject *project, GError **error);

/* Pinned positions, by node id. */
void pv_project_set_pin (PvProject *project, const char *node, double x, double y);
gboolean pv_project_get_pin (const PvProject *project, const char *node, double *x, double *y);
gboolean pv_project_remove_pin (PvProject *project, const char *node);

/* View settings: members of the `view` object. */
void pv_project_set_view_string (PvProject *project, const char *key, const char *value);
void pv_project_set_view_double (PvProject *project, const char *key, double value);
void pv_project_set_view_boolean (PvProject *project, const char *key, gboolean value);
void pv_project_set_view_strv (PvProject *project, const char *key, const char *const *value);
/* NULL when absent or not a string; a copy. */
char *pv_project_get_view_string (const PvProject *project, const char *key);
double pv_project_get_view_double (const PvProject *project, const char *key, double fallback);
gboolean pv_project_get_view_boolean (const PvProject *project, const char *key, gboolean fallback);
/* NULL when absent or not a list of strings. */
char **pv_project_get_view_strv (const PvProject *project, const char *key);

/* The project as JSON text, and back.  Errors name `source` and the reason
 * (for JSON that does not parse, the byte offset). */
char *pv_project_to_json (const PvProject *project);
PvProject *pv_project_from_json (const char *source, const char *json, gsize length,
                                 GError **error);

/* Reads a project file.  A file that does not parse, that is not a project
 * or whose edits are malformed gives PV_PROJECT_ERROR_PARSE or _INVALID;
 * one made by a newer Peyvand gives PV_PROJECT_ERROR_NEWER.  In every case
 * the caller must leave the file as it is (pv_project_save() refuses to
 * replace such a file). */
PvProject *pv_project_load (const char *path, GError **error);

/* Saves atomically: a temporary file in the same folder, fsync, rename over
 * `path`, fsync of the folder.  Either the old file or the new one is there
 * whatever happens.  Refuses (PV_PROJECT_ERROR_PROTECTED, _NEWER) to
 * replace a file that is not a project this version reads. */
gboolean pv_project_save (const PvProject *project, const char *path, GError **error);

/* Replaces `path` with `data` atomically, as pv_project_save() does; the
 * file keeps its permissions.  Temporary files are named
 * ".<name>.<pid>.XXXXXX.tmp"; those a dead process left behind are removed
 * on the next write. */
gboolean pv_file_replace_contents (const char *path, const char *data, gsize length,
                                   GError **error);

/* Autosave, for crash recovery.  The autosave of a project lives under
 * `state_dir` (NULL: g_get_user_state_dir(), that is $XDG_STATE_HOME) in
 * peyvand/autosave/, named by a hash of the project's path, or of the
 * article's path for a project not yet saved.  Returns NULL when both paths
 * are NULL (or the article came from standard input). */
char *pv_project_autosave_path (const char *state_dir, const char *project_path,
                                const char *article_path);
/* Writes the autosave (atomically, like a save), by `project_path`, else
 * by the project's article path; with neither, there is nothing to find it
 * by again, and nothing is written (TRUE). */
gboolean pv_project_autosave (const PvProject *project, const char *state_dir,
                              const char *project_path, GError **error);
/* The autosave to offer back when opening `project_path` (or, with no
 * project, `article_path`): it exists and is newer than the project file.
 * NULL when there is none. */
char *pv_project_find_autosave (const char *state_dir, const char *project_path,
                                const char *article_path);
/* Removes the autosave (after a save, or when the user declines it). */
void pv_project_discard_autosave (const char *state_dir, const char *project_path,
                                  const char *article_path);

void pv_project_free (PvProject *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvEdit, pv_edit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvEditHistory, pv_edit_history_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvProject, pv_project_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PvEditResult, pv_edit_result_clear)

G_END_DECLS
