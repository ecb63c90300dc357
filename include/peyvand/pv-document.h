/* pv-document.h: loading an article from a file or bytes into decoded text
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PV_DOCUMENT_ERROR (pv_document_error_quark ())

/* The largest article Peyvand reads, in bytes: 64 MiB.  A file is refused
 * before it is read when stat() says it is larger, standard input and other
 * streams once they pass it, with "SOURCE: too large (…); Peyvand reads
 * articles of up to 64 MiB" (PV_DOCUMENT_ERROR_READ).  A news article is a
 * few kilobytes; analyzing 60 MB of text already takes about half a minute
 * and a gigabyte of memory, so a larger file is not an article, and reading
 * it would not be bounded in time or memory. */
#define PV_DOCUMENT_MAX_BYTES ((gsize)64 * 1024 * 1024)
#define PV_DOCUMENT_MAX_DESCRIPTION "64 MiB"

typedef enum
{
  PV_DOCUMENT_ERROR_READ,   /* missing, unreadable, a directory, not a regular file, too large */
  PV_DOCUMENT_ERROR_DECODE, /* binary data or an encoding we cannot decode */
  PV_DOCUMENT_ERROR_FORMAT, /* HTML or JSON that holds no article */
  PV_DOCUMENT_ERROR_EMPTY,  /* no text at all */
} PvDocumentError;

typedef enum
{
  PV_DOCUMENT_FORMAT_TEXT,
  PV_DOCUMENT_FORMAT_HTML,
  PV_DOCUMENT_FORMAT_JSON,
} PvDocumentFormat;

/* The decoded original text of an article.  Every offset elsewhere in
 * Peyvand counts Unicode code points into `chars` (the same text as `text`),
 * which is also what GtkTextBuffer counts. */
typedef struct
{
  char *source;         /* the path as given, or "-" for standard input */
  char *title;          /* NULL when the input names none */
  char *date;           /* "YYYY-MM-DD", or NULL */
  const char *encoding; /* "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1256" */
  PvDocumentFormat format;
  char *text; /* UTF-8, NUL-terminated, without a BOM */
  gsize text_bytes;
  gunichar *chars; /* `text` as code points */
  gsize length;    /* number of code points */
} PvDocument;

GQuark pv_document_error_quark (void);

/* Reads and decodes a file.  Errors name the file and the reason. */
PvDocument *pv_document_load_file (const char *path, GError **error);

/* Decodes bytes read from elsewhere (standard input, a drop).  `source` is
 * what error messages name and what `source` is set to; `name_hint` (may be
 * NULL) is a file name whose extension hints at the format. */
PvDocument *pv_document_load_bytes (const char *source, const guint8 *data, gsize length,
                                    const char *name_hint, GError **error);

/* A document from UTF-8 text already in memory (tests, the app's editor). */
PvDocument *pv_document_new_from_text (const char *source, const char *utf8, gssize length);

/* ISO date "YYYY-MM-DD" (a longer ISO 8601 timestamp is cut to its date), or
 * NULL when `value` is not such a date. */
char *pv_parse_date (const char *value);

/* A deep copy (the analysis owns its document). */
PvDocument *pv_document_copy (const PvDocument *document);

void pv_document_free (PvDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvDocument, pv_document_free)

G_END_DECLS
