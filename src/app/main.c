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

  if (needs_display (argc, argv))
    {
      /* libadwaita replaces GTK's own theme with an empty one of its own, but
       * only once GtkSettings has parsed GTK's (some 20 ms of a cold start).
       * GTK_THEME makes GtkSettings start with the empty theme; it is unset
       * at once, so that libadwaita, and any program started from here, see
       * the environment as it was.  A theme the user chose in GTK_THEME is
       * left alone.  Other threads run by then (the knowledge base's,
       * fontconfig's) and getenv() is not safe against setenv() in general;
       * glibc's setenv() appends to a copy of the list and unsetenv() of the
       * last variable moves only the terminating NULL, so they read either
       * list, and the preload reads its only variable before it starts. */
      gboolean empty_theme = g_getenv ("GTK_THEME") == NULL;

      if (empty_theme)
        g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
      if ((g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) ||
          !gtk_init_check ())
        {
          g_printerr (_ ("peyvand: no display available. To analyze without a display use: "
                         "peyvand-cli analyze FILE\n"));
          return 1;
        }
      gtk_settings_get_default ();
      if (empty_theme)
        g_unsetenv ("GTK_THEME");
      /* GDK looked for the session bus while it opened the display */
      pv_application_skip_session_bus_search ();
    }

  pv_i18n_apply_direction ();

  application = pv_application_new ();
  status = g_application_run (G_APPLICATION (application), argc, argv);
  if (status == 0)
    status = pv_application_get_exit_status (application);

  return status;
}
