/* bench-util.h: what the benchmarks share: medians, peak memory, and
 * timing another program
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit status `meson test` reads as "skipped". */
#define BENCH_SKIP 77

/* The median of `n` values (sorts them in place). */
double bench_median (double *values, guint n);

/* This process's peak resident set so far, in MiB (VmHWM). */
double bench_peak_rss_mib (void);

/* The processor time (user and system) this process has used, in seconds. */
double bench_cpu_seconds (void);

/* Seconds on the monotonic clock. */
double bench_now (void);

typedef struct
{
  double seconds;      /* wall time from spawn to exit */
  double cpu_seconds;  /* the child's processor time, user and system */
  gint64 started_usec; /* g_get_monotonic_time() just before the spawn */
  /* the child's peak resident set (wait4's ru_maxrss), but never less
   * than this process's peak when it spawned the child: the kernel counts
   * the memory the child starts from, which is this process's until the
   * exec.  Only meaningful from a small process (bench-start). */
  double peak_mib;
  int status;      /* exit status, or 128 + signal */
  guint64 lines;   /* lines the child wrote on standard output (when counted) */
  GString *output; /* what it wrote on standard output (when kept) */
} BenchRun;

typedef enum
{
  BENCH_OUTPUT_DISCARD, /* standard output to /dev/null */
  BENCH_OUTPUT_COUNT,   /* through a pipe, its lines counted (not to /dev/null: GNU grep
                         * stops at the first match when it writes there) */
  BENCH_OUTPUT_KEEP,    /* through a pipe, kept in `output` */
} BenchOutput;

/* Runs `argv` (argv[0] looked up in PATH) with `envp` (NULL: this process's
 * environment), waits for it and fills `run`.  Returns FALSE with a
 * message on standard error when it could not be started. */
gboolean bench_run (char *const *argv, char *const *envp, BenchOutput output, BenchRun *run);

void bench_run_clear (BenchRun *run);

/* Removes a directory made by g_dir_make_tmp and the files in it. */
void bench_remove_dir (const char *path);

/* "met" or "MISSED" */
const char *bench_verdict (gboolean met);

/* The machine, for the record: processors online and the CPU model. */
void bench_print_machine (void);

G_END_DECLS
