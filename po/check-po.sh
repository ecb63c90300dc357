#!/bin/sh
# Fails when the translation into LANG is not complete: a string of the
# sources untranslated or fuzzy in po/LANG.po, a format or an accelerator
# that does not match, or a file of src/app or ui that marks strings for
# translation and is not listed in po/POTFILES.in.
# Usage: check-po.sh SOURCE_ROOT LANG
set -u
top=$1
lang=$2
cd "$top" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0

grep -v '^#' po/POTFILES.in | grep . >"$tmp/potfiles"

for file in $(cat "$tmp/potfiles"); do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in: $file does not exist"
    status=1
  fi
done
for file in $(find src/app ui -name '*.c' -o -name '*.h' -o -name '*.ui' | sort); do
  if grep -qE '(^|[^A-Za-z0-9_])(N?C?_|g_dn?gettext|g_dpgettext2) \(|translatable="yes"' "$file" &&
     ! grep -qxF "$file" "$tmp/potfiles"; then
    echo "$file has strings to translate: add it to po/POTFILES.in"
    status=1
  fi
done

# The strings as the build extracts them (the 'glib' preset of meson's i18n
# module), merged into the translation: a string that the translation
# lacks comes out untranslated.
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_print:1:c-format --files-from="$tmp/potfiles" -o "$tmp/peyvand.pot" || exit 1
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/peyvand.pot" -o "$tmp/$lang.po" || exit 1

for po in "po/$lang.po" "$tmp/$lang.po"; do
  stats=$(LC_ALL=C msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>&1)
  code=$?
  echo "$po: $stats" | sed "s|$tmp/|sources merged into |"
  if [ $code -ne 0 ]; then
    status=1
  fi
  case $stats in
    *untranslated* | *fuzzy*) status=1 ;;
  esac
done

if [ $status -ne 0 ]; then
  echo "Untranslated or fuzzy:"
  for which in --untranslated --only-fuzzy; do
    msgattrib --no-wrap "$which" "$tmp/$lang.po" 2>/dev/null |
      grep -E '^(msgctxt|msgid) ' | grep -vx 'msgid ""'
  done
fi
if grep -q '^#~ msgid' "$tmp/$lang.po"; then
  echo "note: po/$lang.po has strings the sources no longer use (run the peyvand-update-po target)"
fi
exit $status
