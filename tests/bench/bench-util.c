/* bench-util.c
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "bench-util.h"

extern char **environ;

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

double
bench_median (double *values, guint n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
bench_peak_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;
  struct rusage usage;

  /* VmHWM, not ru_maxrss: the kernel starts a process's ru_maxrss at its
   * parent's peak (meson's, for a benchmark), VmHWM at its own exec */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nVmHWM:")) != NULL)
    return g_ascii_strtod (line + strlen ("\nVmHWM:"), NULL) / 1024.0;
  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss / 1024.0; /* kilobytes on Linux */
}

double
bench_cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

double
bench_now (void)
{
  return g_get_monotonic_time () / (double)G_USEC_PER_SEC;
}

gboolean
bench_run (char *const *argv, char *const *envp, BenchOutput output, BenchRun *run)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  int pipe_fds[2] = { -1, -1 };
  int status = 0, error;
  double start;
  pid_t pid;

  memset (run, 0, sizeof *run);
  if (output == BENCH_OUTPUT_KEEP)
    run->output = g_string_new (NULL);

  posix_spawn_file_actions_init (&actions);
  if (output == BENCH_OUTPUT_DISCARD)
    posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  else
    {
      if (!g_unix_open_pipe (pipe_fds, FD_CLOEXEC, NULL))
        {
          fprintf (stderr, "bench: pipe: %s\n", g_strerror (errno));
          posix_spawn_file_actions_destroy (&actions);
          return FALSE;
        }
      posix_spawn_file_actions_adddup2 (&actions, pipe_fds[1], STDOUT_FILENO);
    }

  run->started_usec = g_get_monotonic_time ();
  start = bench_now ();
  error = posix_spawnp (&pid, argv[0], &actions, NULL, argv, envp != NULL ? envp : environ);
  posix_spawn_file_actions_destroy (&actions);
  if (pipe_fds[1] >= 0)
    close (pipe_fds[1]);
  if (error != 0)
    {
      fprintf (stderr, "bench: could not run %s: %s\n", argv[0], g_strerror (error));
      if (pipe_fds[0] >= 0)
        close (pipe_fds[0]);
      return FALSE;
    }

  if (pipe_fds[0] >= 0)
    {
      char buffer[65536];
      ssize_t n;

      while ((n = read (pipe_fds[0], buffer, sizeof buffer)) != 0)
        {
          if (n < 0)
            {
              if (errno == EINTR)
                continue;
              break;
            }
          if (run->output != NULL)
            g_string_append_len (run->output, buffer, n);
          else
            for (ssize_t i = 0; i < n; i++)
              run->lines += buffer[i] == '\n';
        }
      close (pipe_fds[0]);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        fprintf (stderr, "bench: wait4: %s\n", g_strerror (errno));
        return FALSE;
      }
  run->seconds = bench_now () - start;
  run->cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                     usage.ru_stime.tv_usec / 1e6;
  run->peak_mib = usage.ru_maxrss / 1024.0;
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  return TRUE;
}

void
bench_run_clear (BenchRun *run)
{
  if (run->output != NULL)
    g_string_free (run->output, TRUE);
  run->output = NULL;
}

void
bench_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

const char *
bench_verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

void
bench_print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      g_auto (GStrv) lines = g_strsplit (cpuinfo, "\n", -1);

      for (guint i = 0; lines[i] != NULL && model == NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          {
            const char *colon = strchr (lines[i], ':');

            if (colon != NULL)
              model = g_strstrip (g_strdup (colon + 1));
          }
    }
  printf ("machine: %ld processors online, %s\n", sysconf (_SC_NPROCESSORS_ONLN),
          model != NULL ? model : "CPU model unknown");
}
