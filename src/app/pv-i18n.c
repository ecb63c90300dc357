/* pv-i18n.c: the user's language: locale, message catalogue, text direction
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pv-i18n.h"

/* The locale that glibc always has (2.35 and later): UTF-8, and not "C",
 * the one locale in which gettext ignores LANGUAGE. */
#define FALLBACK_LOCALE "C.UTF-8"

void
pv_i18n_init (void)
{
  const char *localedir = g_getenv ("PEYVAND_LOCALEDIR");
  const char *language;
  const char *messages;

  if (setlocale (LC_ALL, "") == NULL)
    {
      /* The locale asked for is not compiled on this system (locale-gen),
       * and glibc stays in "C".  LANGUAGE, when the user set none, carries
       * the language of the locale asked for, so that the messages are
       * still in it. */
      const char *const *names = g_get_language_names ();

      language = g_getenv ("LANGUAGE");
      if ((language == NULL || *language == '\0') && names[0] != NULL &&
          !g_str_equal (names[0], "C"))
        g_setenv ("LANGUAGE", names[0], TRUE);
    }

  /* In "C" gettext ignores LANGUAGE and translates nothing; C.UTF-8 lets
   * it follow LANGUAGE. */
  language = g_getenv ("LANGUAGE");
  messages = setlocale (LC_MESSAGES, NULL);
  if (language != NULL && *language != '\0' &&
      (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    setlocale (LC_ALL, FALLBACK_LOCALE);

  /* done here; gtk_init() would warn about a missing locale again */
  gtk_disable_setlocale ();

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* GTK takes its direction from its own translation of "default:LTR", which
 * a Persian desktop without GTK's Persian catalogue does not give.  The
 * languages the user asks for decide. */
gboolean
pv_i18n_language_is_rtl (void)
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

void
pv_i18n_apply_direction (void)
{
  if (pv_i18n_language_is_rtl ())
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
}
