/* main.c: peyvand, the application
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pv-application.h"

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

/* GTK takes its direction from its own translation of "default:LTR", which
 * a Persian desktop without GTK's Persian catalogue, or with no compiled
 * fa_IR locale, does not give.  The languages the user asks for decide. */
static gboolean
user_language_is_rtl (void)
{
  static const char *const rtl_languages[] = { "fa",  "ar", "he", "ur", "ps",
                                               "ckb", "yi", "dv", "sd", "ug" };
  const char *const *languages = g_get_language_names ();
  g_autofree char *code = NULL;

  if (languages == NULL || languages[0] == NULL || g_str_equal (languages[0], "C"))
    return FALSE;
  code = g_strndup (languages[0], strcspn (languages[0], "_.@"));
  return g_strv_contains (rtl_languages, code);
}

int
main (int argc, char *argv[])
{
  g_autoptr (PvApplication) application = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (needs_display (argc, argv) &&
      ((g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) ||
       !gtk_init_check ()))
    {
      g_printerr (_ ("peyvand: no display available. To analyze without a display use: "
                     "peyvand-cli analyze FILE\n"));
      return 1;
    }

  if (user_language_is_rtl ())
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  application = pv_application_new ();
  status = g_application_run (G_APPLICATION (application), argc, argv);
  if (status == 0)
    status = pv_application_get_exit_status (application);

  return status;
}
