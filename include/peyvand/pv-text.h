/* pv-text.h: sentences, words and the end of the article body
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pv-normalize.h"

G_BEGIN_DECLS

typedef struct
{
  gsize start; /* code points into the document's original text */
  gsize end;   /* exclusive */
} PvSpan;

typedef struct
{
  gsize norm_start; /* in the normalized view */
  gsize norm_end;
  gsize start; /* in the original text */
  gsize end;
  guint sentence; /* index into PvSegmentation.sentences */
} PvToken;

typedef struct
{
  GArray *sentences; /* PvSpan: trimmed, in order, only in the article body */
  GArray *tokens;    /* PvToken: words and numbers of those sentences */
  gsize body_end;    /* where page furniture begins (the text length if none) */
} PvSegmentation;

/* Splits the body of `text` into sentences (ICU's sentence rules, plus
 * abbreviations and initials that do not end a sentence) and the normalized
 * view into words (ICU's word rules).  Page furniture after the body is left
 * out. */
PvSegmentation *pv_segment (const gunichar *text, gsize length, const PvNormalized *normalized);

/* The words of a normalized string: pairs [start, end) of code point
 * indexes, as PvSpan. */
GArray *pv_word_spans (const gunichar *text, gsize length);

/* The same, into `spans` (a GArray of PvSpan, emptied first): for callers
 * that cut many short texts one after the other. */
void pv_word_spans_into (const gunichar *text, gsize length, GArray *spans);

/* ICU's sentence boundaries (UAX #29) of text, as ICU's iterator gives
 * them after the start: offsets in code points, the last one `length`. */
GArray *pv_sentence_breaks (const gunichar *text, gsize length);

/* Where the article body ends: the start of a trailing run of short lines
 * without sentence structure (end-of-article markers, like counters,
 * comment headers, disclaimers).  Returns `length` when there is none. */
gsize pv_find_body_end (const gunichar *text, gsize length);

/* The text of [start, end) as UTF-8 with each run of white space made one
 * space and the ends trimmed (labels made from the text; ZWNJ is kept). */
char *pv_collapse_spaces (const gunichar *text, gsize start, gsize end);

void pv_segmentation_free (PvSegmentation *segmentation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvSegmentation, pv_segmentation_free)

G_END_DECLS
