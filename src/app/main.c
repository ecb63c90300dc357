/* main.c: peyvand, the application
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-i18n.h"

/* --help and --version need no display. */
static gboolean
needs_display (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") ||
          g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "--version"))
        return FALSE;
    }
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (PvApplication) application = NULL;
  int status;

  pv_i18n_init ();

  /* The knowledge base loads while GTK starts: the first article needs it. */
  if (needs_display (argc, argv))
    pv_application_preload_knowledge ();

  if (needs_display (argc, argv) &&
      ((g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) ||
       !gtk_init_check ()))
    {
      g_printerr (_ ("peyvand: no display available. To analyze without a display use: "
                     "peyvand-cli analyze FILE\n"));
      return 1;
    }

  pv_i18n_apply_direction ();

  application = pv_application_new ();
  status = g_application_run (G_APPLICATION (application), argc, argv);
  if (status == 0)
    status = pv_application_get_exit_status (application);

  return status;
}
