/* test-i18n.c: the application in Persian, under a display (Xvfb)
 *
 * The test runs with LANGUAGE=fa in the C.UTF-8 locale (which every glibc
 * has) and PEYVAND_LOCALEDIR pointing at the catalogues compiled in the
 * build folder (tests/app/meson.build); it starts the way main.c does
 * (pv_i18n_init, then GTK, then pv_i18n_apply_direction), not through
 * gtk_test_init(), which would force its own locale.
 *
 * Copyright 2026 The Peyvand authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "peyvand"

#include "config.h"

#include <glib/gi18n.h>

#include "pv-entity-style.h"
#include "pv-i18n.h"
#include "test-app-util.h"

#define GTK_FA_CATALOGUE "/usr/share/locale/fa/LC_MESSAGES/gtk40.mo"

static PvApplication *application;
static const char *sample_path;

/* The label of item `index` of `model`, or of the first item of its
 * sections when the item is a section. */
static char *
menu_item_label (GMenuModel *model, int index)
{
  char *label = NULL;
  g_autoptr (GMenuModel) section = NULL;

  if (g_menu_model_get_item_attribute (model, index, G_MENU_ATTRIBUTE_LABEL, "s", &label))
    return label;
  section = g_menu_model_get_item_link (model, index, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  return menu_item_label (section, 0);
}

/* Tests --------------------------------------------------------------------- */

static void
test_catalogue (void)
{
  const char *localedir = g_getenv ("PEYVAND_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "fa", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: build the project (ninja) before the tests", mo);

  g_assert_cmpstr (_ ("Open an Article"), ==, "باز کردن خبر");
  g_assert_cmpstr (C_ ("link", "leader of"), ==, "رهبر");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", 3), ==, "%u اشاره");
  g_assert_cmpstr (pv_entity_type_get_display_plural (PV_ENTITY_COUNTRY), ==, "کشورها");
  g_assert_true (pv_i18n_language_is_rtl ());
}

/* GTK's own strings (dialogs, the shortcuts window) come from the system's
 * catalogue, Debian's gtk4 (libgtk-4-common) installs it. */
static void
test_gtk_catalogue (void)
{
  if (!g_file_test (GTK_FA_CATALOGUE, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("GTK's Persian catalogue " GTK_FA_CATALOGUE " is not installed");
      return;
    }

  g_assert_cmpstr (g_dgettext ("gtk40", "_Cancel"), !=, "_Cancel");
  g_assert_cmpint (gtk_get_locale_direction (), ==, GTK_TEXT_DIR_RTL);
}

static void
test_window (void)
{
  Events events = { 0 };
  PvWindow *window;
  GtkWidget *root;
  GtkWidget *widget;
  GtkWidget *panel;
  GtkSearchEntry *search;
  GMenuModel *menu;
  g_autofree char *placeholder = NULL;
  g_autofree char *first_item = NULL;
  g_autofree char *position = NULL;
  GtkLabel *legend;
  GtkLabel *mention;
  const PvNode *node;
  int russia;

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  window = new_window (application, &events);
  root = GTK_WIDGET (window);
  wait_frames (window, 2);

  /* the empty window: its title, the Open button, the page that invites
   * to open an article, the main menu */
  g_assert_cmpint (gtk_widget_get_direction (root), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "پیوند");

  widget = find_widget (root, ADW_TYPE_SPLIT_BUTTON);
  g_assert_nonnull (widget);
  g_assert_cmpstr (adw_split_button_get_label (ADW_SPLIT_BUTTON (widget)), ==, "_باز کردن");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "باز کردن خبر (Ctrl+O)");
  g_assert_cmpint (gtk_widget_get_direction (widget), ==, GTK_TEXT_DIR_RTL);

  widget = find_widget (root, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (widget);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), ==, "باز کردن خبر");

  widget = find_widget_where (root, is_primary_menu_button, NULL);
  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "فهرست اصلی");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  first_item = menu_item_label (menu, 0);
  g_assert_cmpstr (first_item, ==, "_باز کردن…");

  /* the article and its graph */
  open_and_wait (window, &events, sample_path);
  wait_settled (window);

  panel = GTK_WIDGET (pv_window_get_graph_panel (window));
  g_assert_cmpint (gtk_widget_get_direction (panel), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (pv_window_get_paned (window))), ==,
                   GTK_TEXT_DIR_RTL);

  search = pv_graph_panel_get_search_entry (pv_window_get_graph_panel (window));
  g_object_get (search, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "جست‌وجوی موجودیت");

  legend = find_label (panel, "کشورها ");
  g_assert_nonnull (legend);
  g_test_message ("legend: %s", gtk_label_get_text (legend));

  /* a node's details: its type, its mentions, "1 of N" */
  russia = find_node (window, "country:RU");
  pv_window_select_node (window, russia);
  wait_frames (window, 2);
  mention = find_label (panel, "1 از ");
  g_assert_nonnull (mention);
  node = g_ptr_array_index (pv_window_get_analysis (window)->nodes, russia);
  position = g_strdup_printf ("1 از %u", node->mentions->len);
  g_assert_cmpstr (gtk_label_get_text (mention), ==, position);
  g_assert_nonnull (find_label (panel, " · کشور · "));

  close_window (window, &events);
}

/* Dark mode follows the desktop: nothing forces a colour scheme. */
static void
test_style_follows_system (void)
{
  Events events = { 0 };
  PvWindow *window = new_window (application, &events);
  AdwStyleManager *style = adw_style_manager_get_default ();

  wait_frames (window, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  close_window (window, &events);
}

/* The executable finds the catalogue through PEYVAND_LOCALEDIR, in the
 * languages the environment asks for, whether or not the system has the
 * locale compiled. */
static void
assert_peyvand_speaks_persian (char **envp)
{
  g_autofree char *err = NULL;
  int status;

  status = run_peyvand (envp, &err, "--size", "huge", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "مقدار «huge» برای --size نامعتبر است"));
}

static void
test_executable_language (void)
{
  g_auto (GStrv) envp = g_get_environ ();

  assert_peyvand_speaks_persian (envp);
}

/* LANG=fa_IR.UTF-8 alone: translated with the locale compiled, and without
 * it too (pv_i18n_init falls back to C.UTF-8 with LANGUAGE=fa_IR.UTF-8). */
static void
test_executable_locale (void)
{
  g_auto (GStrv) envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  envp = g_environ_setenv (envp, "LANG", "fa_IR.UTF-8", TRUE);
  assert_peyvand_speaks_persian (envp);
}

/* LANGUAGE=fa with no locale at all ("C", where gettext ignores LANGUAGE). */
static void
test_executable_c_locale (void)
{
  g_auto (GStrv) envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  envp = g_environ_unsetenv (envp, "LANG");
  envp = g_environ_setenv (envp, "LANGUAGE", "fa", TRUE);
  assert_peyvand_speaks_persian (envp);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display: skipped (run under xvfb-run)\n");
      return 77;
    }

  g_test_init (&argc, &argv, NULL);
  /* as main.c does */
  pv_i18n_init ();
  gtk_init ();
  pv_i18n_apply_direction ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = pv_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  sample_path = g_getenv ("PEYVAND_SAMPLE");
  g_assert_nonnull (sample_path);

  g_test_add_func ("/app/i18n/catalogue", test_catalogue);
  g_test_add_func ("/app/i18n/gtk-catalogue", test_gtk_catalogue);
  g_test_add_func ("/app/i18n/window", test_window);
  g_test_add_func ("/app/i18n/style-follows-system", test_style_follows_system);
  g_test_add_func ("/app/i18n/peyvand/language", test_executable_language);
  g_test_add_func ("/app/i18n/peyvand/locale", test_executable_locale);
  g_test_add_func ("/app/i18n/peyvand/c-locale", test_executable_c_locale);

  status = g_test_run ();

  g_object_unref (application);
  return status;
}
