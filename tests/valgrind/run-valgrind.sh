#!/bin/sh
# run-valgrind.sh: valgrind memcheck over peyvand-cli on every article of the
# shared corpus (`make valgrind`).
#
#   tests/valgrind/run-valgrind.sh [BUILD_DIR [CORPUS_DIR]]
#
# For each article file (Persian and English) it runs, each under
#   valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99
# 1. peyvand-cli analyze --metrics -o ARTICLE.json ARTICLE
# 2. peyvand-cli export -o ARTICLE.png ARTICLE       (the article analyzed again)
# 3. peyvand-cli export -o ARTICLE.svg ARTICLE.json  (an analysis read back)
# 4. peyvand-cli export -o ARTICLE.pdf ARTICLE.json
# 5. peyvand-cli export -o ARTICLE.graphml ARTICLE.json
# and prints a summary: files checked, runs, valgrind errors, invalid reads
# and writes, bytes definitely lost.  Any error, definite leak or failed run
# fails it (exit 1).  third-party.supp names the leaks of libraries that are
# not ours (fontconfig), counted apart as "suppressed".
#
# BUILD_DIR: a normal (not sanitized) build, default build.  CORPUS_DIR:
# default $PEYVAND_SHARED_DIR/corpus, else ../shared/corpus beside the
# checkout; when it is absent the run is skipped (exit 0).  VALGRIND_JOBS
# runs that many articles at once (default: the number of processors).
# The logs stay in $VALGRIND_LOG_DIR (default BUILD_DIR/valgrind).
# G_SLICE=always-malloc: GLib's slice allocator would hide leaks from
# memcheck; XDG_DATA_HOME: the user's own knowledge file is left out.

set -u

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=${1:-build}
shared=${PEYVAND_SHARED_DIR:-$source_dir/../shared}
corpus=${2:-$shared/corpus}
cli=$build/src/cli/peyvand-cli
supp=$here/third-party.supp
logs=${VALGRIND_LOG_DIR:-$build/valgrind}
jobs=${VALGRIND_JOBS:-$(nproc 2>/dev/null || echo 1)}

# One article: its five runs, a line "article runs failed errors invalid
# definite suppressed" on standard output.
if [ "${VALGRIND_ONE:-}" = 1 ]; then
  article=$2
  name=$(basename "$article" .txt)
  out=$logs/$name
  runs=0 failed=0 errors=0 invalid=0 definite=0 suppressed=0

  run () {
    step=$1
    shift
    log=$out.$step.log
    runs=$((runs + 1))
    XDG_DATA_HOME=$logs/xdg-data G_SLICE=always-malloc G_DEBUG=gc-friendly \
      valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
      --suppressions="$supp" --num-callers=30 --log-file="$log" "$cli" "$@" \
      >"$out.$step.stdout" 2>"$out.$step.stderr"
    status=$?
    if [ $status -ne 0 ]; then
      failed=$((failed + 1))
      echo "FAIL ($status): $name $step: see $log and $out.$step.stderr" >&2
    fi
    # "ERROR SUMMARY: 0 errors from 0 contexts (suppressed: 12 from 12)"
    e=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tr -d ,)
    i=$(grep -c 'Invalid \(read\|write\|free\)' "$log")
    d=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
    s=$(sed -n 's/.*suppressed: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
    errors=$((errors + ${e:-1}))
    invalid=$((invalid + i))
    definite=$((definite + ${d:-0}))
    suppressed=$((suppressed + ${s:-0}))
  }

  run analyze analyze --metrics -o "$out.json" "$article"
  run export-png export -o "$out.png" "$article"
  if [ -s "$out.json" ]; then
    run export-svg export -o "$out.svg" "$out.json"
    run export-pdf export -o "$out.pdf" "$out.json"
    run export-graphml export -o "$out.graphml" "$out.json"
  else
    failed=$((failed + 1))
    echo "FAIL: $name: analyze wrote no $out.json" >&2
  fi
  rm -f "$out.png" "$out.svg" "$out.pdf" "$out.graphml" "$out".*.stdout
  echo "$name $runs $failed $errors $invalid $definite $suppressed"
  exit 0
fi

if [ ! -d "$corpus/ntrex" ]; then
  echo "valgrind: skipped: no corpus at $corpus/ntrex"
  exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind: valgrind is not installed (apt-get install valgrind)" >&2
  exit 1
fi
if [ ! -x "$cli" ]; then
  echo "valgrind: no $cli: build first (make build)" >&2
  exit 1
fi

mkdir -p "$logs"
rm -f "$logs"/*.log "$logs"/*.stderr "$logs"/*.json
results=$logs/results.txt
start=$(date +%s)

echo "valgrind memcheck: $cli on $corpus/ntrex, $jobs at a time (logs in $logs)"
find "$corpus/ntrex" -name '*.txt' | sort |
  VALGRIND_ONE=1 VALGRIND_LOG_DIR=$logs xargs -P "$jobs" -I '{}' "$0" "$build" '{}' \
    >"$results"

seconds=$(($(date +%s) - start))
awk -v seconds="$seconds" -v valgrind="$(valgrind --version)" '
  { files++; runs += $2; failed += $3; errors += $4; invalid += $5; definite += $6;
    suppressed += $7 }
  END {
    printf "valgrind summary (%s, %d min %d s)\n", valgrind, seconds / 60, seconds % 60
    printf "  files checked          %d\n", files
    printf "  valgrind runs          %d (failed: %d)\n", runs, failed
    printf "  errors                 %d\n", errors
    printf "  invalid reads/writes   %d\n", invalid
    printf "  definitely lost        %d bytes\n", definite
    printf "  suppressed (third-party, tests/valgrind/third-party.supp) %d bytes\n", suppressed
    exit (files == 0 || failed > 0 || errors > 0 || invalid > 0 || definite > 0) ? 1 : 0
  }' "$results"
