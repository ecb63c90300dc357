#!/bin/sh
# The command line contract of DESIGN.md: exit statuses, messages, outputs.
# Usage: test-cli.sh PATH/TO/peyvand-cli
set -u

cli=$1
sample="$PEYVAND_SOURCE_DIR/data/samples/000_2ad9410abe4922a4.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passed=0

check() {
  # check NAME EXPECTED_STATUS ACTUAL_STATUS [CONDITION...]
  name=$1 expected=$2 actual=$3
  shift 3
  if [ "$actual" -ne "$expected" ]; then
    echo "FAIL: $name: exit status $actual, expected $expected"
    failures=$((failures + 1))
    return
  fi
  if [ $# -gt 0 ] && ! "$@"; then
    echo "FAIL: $name: condition failed: $*"
    failures=$((failures + 1))
    return
  fi
  echo "ok: $name"
  passed=$((passed + 1))
}

empty() { [ ! -s "$1" ]; }
contains() { grep -q -- "$2" "$1"; }
valid_json() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1"; }

"$cli" >"$work/out" 2>"$work/err"
check "no arguments is a usage error" 2 $? contains "$work/err" "Try 'peyvand-cli --help'"

"$cli" --help >"$work/out" 2>"$work/err"
check "--help" 0 $? contains "$work/out" "peyvand-cli analyze"

"$cli" --version >"$work/out" 2>"$work/err"
check "--version" 0 $? contains "$work/out" "peyvand-cli [0-9]"

"$cli" frobnicate >"$work/out" 2>"$work/err"
check "unknown command" 2 $? contains "$work/err" "unknown command 'frobnicate'"

"$cli" analyze >"$work/out" 2>"$work/err"
check "analyze without a file" 2 $? contains "$work/err" "no input file"

"$cli" analyze --no-such-option "$sample" >"$work/out" 2>"$work/err"
check "unknown option" 2 $? empty "$work/out"

"$cli" analyze --date 2020-13-45 "$sample" >"$work/out" 2>"$work/err"
check "bad --date" 2 $? contains "$work/err" "2020-13-45"

"$cli" analyze "$sample" "$sample" >"$work/out" 2>"$work/err"
check "two input files" 2 $? empty "$work/out"

"$cli" analyze "$work/missing.txt" >"$work/out" 2>"$work/err"
check "missing file exits 1, names it, writes nothing" 1 $? contains "$work/err" "missing.txt"
check "missing file: nothing on stdout" 0 0 empty "$work/out"

head -c 4096 /dev/urandom >"$work/random.bin"
printf '\000\001\002\003ELF\000\000' >>"$work/random.bin"
"$cli" analyze "$work/random.bin" >"$work/out" 2>"$work/err"
check "binary file exits 1" 1 $? contains "$work/err" "random.bin"
check "binary file: nothing on stdout" 0 0 empty "$work/out"

"$cli" analyze "$work" >"$work/out" 2>"$work/err"
check "a directory exits 1" 1 $? contains "$work/err" "directory"

"$cli" analyze "$sample" >"$work/seed.json" 2>"$work/err"
check "analyze the seed" 0 $? valid_json "$work/seed.json"
check "seed: schema" 0 0 contains "$work/seed.json" '"schema":[[:space:]]*"peyvand/analysis/1"'
check "seed: Putin" 0 0 contains "$work/seed.json" '"person:vladimir-putin"'

"$cli" analyze -o "$work/out.json" "$sample" >"$work/out" 2>"$work/err"
check "-o writes the file, not stdout" 0 $? cmp -s "$work/out.json" "$work/seed.json"
check "-o: stdout empty" 0 0 empty "$work/out"

echo '{"keep": true}' >"$work/keep.json"
"$cli" analyze -o "$work/keep.json" "$work/missing.txt" >"$work/out" 2>"$work/err"
check "failed analyze leaves -o untouched" 1 $? grep -q '"keep"' "$work/keep.json"

"$cli" analyze - <"$sample" >"$work/stdin.json" 2>"$work/err"
check "standard input" 0 $? contains "$work/stdin.json" '"source":[[:space:]]*"-"'

"$cli" analyze --date 2020-02-29 "$sample" >"$work/dated.json" 2>"$work/err"
check "--date resolves the office holder" 0 $? contains "$work/dated.json" '"person:recep-tayyip-erdogan"'
check "--date is reported" 0 0 contains "$work/dated.json" '"date":[[:space:]]*"2020-02-29"'

cat >"$work/article.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>تماس تلفنی</title>
<meta property="article:published_time" content="2020-02-29T09:30:00+03:30">
<script>var x = "رئیس جمهور فرانسه";</script></head>
<body><nav>خانه | اخبار</nav>
<article><h1>تماس تلفنی</h1><p>رئیس جمهور ترکیه با همتای روس خود گفت و گو کرد.</p></article>
</body></html>
HTML
"$cli" analyze "$work/article.html" >"$work/html.json" 2>"$work/err"
check "HTML: the meta date resolves the office holder" 0 $? contains "$work/html.json" '"person:recep-tayyip-erdogan"'
check "HTML: the title is read" 0 0 contains "$work/html.json" '"title":[[:space:]]*"تماس تلفنی"'
check "HTML: script text is not analyzed" 0 0 sh -c "! grep -q 'country:FR' '$work/html.json'"

printf '{"title": "گفت و گو", "date": "2010-06-01", "text": "رئیس جمهور ترکیه گفت."}' >"$work/article.json"
"$cli" analyze "$work/article.json" >"$work/json.json" 2>"$work/err"
check "JSON article: its date is used (2010: Abdullah Gül, not Erdoğan)" 0 $? sh -c "grep -q 'person:abdullah-gul' '$work/json.json' && ! grep -q 'recep-tayyip-erdogan' '$work/json.json'"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
