#!/bin/sh
# Fails when a C file differs from what clang-format makes of it.
# Usage: check-format.sh PATH/TO/clang-format
set -u
cd "$PEYVAND_SOURCE_DIR" || exit 1
status=0
for file in $(find src include tests -name '*.c' -o -name '*.h' | sort); do
  if ! "$1" --style=file --dry-run --Werror "$file" >/dev/null 2>&1; then
    echo "not formatted: $file (run 'make format')"
    status=1
  fi
done
[ $status -eq 0 ] && echo "all C files formatted"
exit $status
