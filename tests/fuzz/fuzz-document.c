/* fuzz-document.c: decoding and normalization of arbitrary bytes
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pv-document.h"
#include "pv-normalize.h"
#include "pv-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  static const char *const hints[] = { NULL, "a.html", "a.json", "a.txt" };
  g_autoptr (PvDocument) document = NULL;
  g_autoptr (PvNormalized) normalized = NULL;
  g_autoptr (PvSegmentation) segmentation = NULL;

  /* the first byte picks the file name the bytes pretend to come from */
  document =
      pv_document_load_bytes ("fuzz", data, size, size > 0 ? hints[data[0] % 4] : NULL, NULL);
  if (document == NULL)
    return 0;
  normalized = pv_normalize (document->chars, document->length);
  segmentation = pv_segment (document->chars, document->length, normalized);
  return 0;
}
