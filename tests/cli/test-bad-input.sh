#!/bin/sh
# Bad input (issue 7): whatever a researcher feeds peyvand-cli, it either
# refuses it (exit 1, "peyvand-cli: FILE: REASON" on stderr, nothing on
# stdout, and an OUT given with -o left byte for byte with nothing beside
# it) or gives a sensible result, in bounded time (every run is under
# `timeout`, so a hang fails the test instead of blocking it), never a crash.
# Usage: test-bad-input.sh PATH/TO/peyvand-cli
set -u

cli=$1
work=$(mktemp -d)
perm=
trap 'rm -rf "$work" ${perm:+"$perm"}' EXIT
failures=0
passed=0
skipped=0
# seconds any one run may take (the 10 MB line takes about 3 under ASan)
limit=120

check() {
  # check NAME EXPECTED_STATUS ACTUAL_STATUS [CONDITION...]
  name=$1 expected=$2 actual=$3
  shift 3
  if [ "$actual" -ne "$expected" ]; then
    echo "FAIL: $name: exit status $actual, expected $expected"
    [ "$actual" -eq 124 ] && echo "  (timed out after $limit s)"
    sed 's/^/  stderr: /' "$work/err" 2>/dev/null | head -5
    failures=$((failures + 1))
    return
  fi
  if [ $# -gt 0 ] && ! "$@"; then
    echo "FAIL: $name: condition failed: $*"
    sed 's/^/  stderr: /' "$work/err" 2>/dev/null | head -5
    failures=$((failures + 1))
    return
  fi
  echo "ok: $name"
  passed=$((passed + 1))
}

skip() {
  echo "skipped: $*"
  skipped=$((skipped + 1))
}

# run ARGS...: the CLI, bounded in time, standard input empty
run() {
  timeout "$limit" "$cli" "$@" </dev/null >"$work/out" 2>"$work/err"
  status=$?
}

empty() { [ ! -s "$1" ]; }
# says FILE REASON: stderr is "peyvand-cli: FILE: …REASON…"
says() {
  grep -qF -- "peyvand-cli: $1: " "$work/err" && grep -qF -- "$2" "$work/err"
}
valid_json() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1"; }

# The outputs that were there before a failed run: they must stay as they
# were, and nothing (no temporary file) may appear beside them.
out="$work/kept"
mkdir "$out"
printf '{"earlier": "analysis"}\n' >"$work/kept.json.orig"
printf '\211PNG\r\n\032\nan earlier export\n' >"$work/kept.png.orig"
cp "$work/kept.json.orig" "$out/kept.json"
cp "$work/kept.png.orig" "$out/kept.png"
outputs_kept() {
  cmp -s "$out/kept.json" "$work/kept.json.orig" &&
    cmp -s "$out/kept.png" "$work/kept.png.orig" &&
    [ "$(cd "$out" && find . -mindepth 1 | sort | tr '\n' ' ')" = "./kept.json ./kept.png " ]
}

# refused NAME FILE REASON: analyze, analyze -o and export -o all exit 1
# naming FILE and REASON, print nothing on stdout, and leave OUT as it was
refused() {
  what=$1 file=$2 reason=$3
  run analyze "$file"
  check "$what: analyze exits 1, naming the file and the reason" 1 $status says "$file" "$reason"
  check "$what: analyze prints nothing on stdout" 0 0 empty "$work/out"
  run analyze -o "$out/kept.json" "$file"
  check "$what: analyze -o exits 1 and leaves OUT as it was" 1 $status outputs_kept
  run export -o "$out/kept.png" "$file"
  check "$what: export exits 1, naming the file and the reason" 1 $status says "$file" "$reason"
  check "$what: export -o leaves OUT as it was" 0 0 outputs_kept
  check "$what: export prints nothing on stdout" 0 0 empty "$work/out"
}

# The text of a few Persian sentences, in UTF-8.
python3 -c '
import sys
line = "رئیس جمهور روسیه با رئیس جمهور ایران گفت و گو کرد.\n"
sys.stdout.buffer.write((line * 3).encode())' >"$work/persian.txt"

# -- empty, blank, binary ---------------------------------------------------

: >"$work/empty.txt"
refused "empty file" "$work/empty.txt" "contains no text"

printf ' \n\t\r\n   \n\f\n' >"$work/blank.txt"
refused "white space only" "$work/blank.txt" "contains no text"

head -c 4096 /dev/urandom >"$work/random.bin"
printf '\000\001\002\003ELF\000\000' >>"$work/random.bin"
refused "binary file" "$work/random.bin" "looks like binary data, not text"

# -- encodings ----------------------------------------------------------------

{
  cat "$work/persian.txt"
  printf 'a stray byte: \377\n'
  cat "$work/persian.txt"
} >"$work/invalid-utf8.txt"
refused "invalid UTF-8" "$work/invalid-utf8.txt" "is not valid UTF-8"

python3 -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
data = b"\xff\xfe" + text.encode("utf-16-le")
sys.stdout.buffer.write(data[:-1])' "$work/persian.txt" >"$work/utf16-cut.txt"
refused "truncated UTF-16 (a byte order mark, an odd number of bytes)" "$work/utf16-cut.txt" \
  "is UTF-16 (little-endian) but has an odd number of bytes"

# UTF-8 with a word in Windows-1256 («سلام»), and with one in Latin-1
{
  cat "$work/persian.txt"
  printf '\323\341\307\343\n'
  cat "$work/persian.txt"
} >"$work/mixed-1256.txt"
refused "mixed encodings: UTF-8 and Windows-1256" "$work/mixed-1256.txt" \
  "is not valid UTF-8: most of it is, but the byte at offset 270 (line 4) is not; it mixes encodings"
{
  cat "$work/persian.txt"
  printf 'un caf\351\n'
} >"$work/mixed-latin1.txt"
refused "mixed encodings: UTF-8 and Latin-1" "$work/mixed-latin1.txt" "it mixes encodings"

# -- size -----------------------------------------------------------------------

# 200 MiB, sparse: no disk space, and refused on its size without being read
truncate -s 200M "$work/huge.txt"
refused "a 200 MiB file" "$work/huge.txt" "too large (200.0 MiB; Peyvand reads articles of up to 64 MiB)"

"$cli" --help >"$work/out" 2>"$work/err"
check "--help states the size limit" 0 $? grep -qF "Inputs larger than 64 MiB are not read" "$work/out"

# the same limit on standard input, enforced while reading
head -c 70M /dev/zero | timeout "$limit" "$cli" analyze - >"$work/out" 2>"$work/err"
check "standard input over 64 MiB: analyze exits 1" 1 $? \
  grep -qF "peyvand-cli: standard input: too large (Peyvand reads articles of up to 64 MiB)" "$work/err"
check "standard input over 64 MiB: nothing on stdout" 0 0 empty "$work/out"
head -c 70M /dev/zero | timeout "$limit" "$cli" export -o "$out/kept.png" - >"$work/out" 2>"$work/err"
check "standard input over 64 MiB: export exits 1, OUT as it was" 1 $? outputs_kept

# a line of 10 MB with no space in it: analyzed, in bounded time
python3 -c '
import sys
word = "ایران".encode()
sys.stdout.buffer.write(word * (10_000_000 // len(word)) + b"\n")' >"$work/long-line.txt"
run analyze "$work/long-line.txt"
check "a 10 MB line without spaces: analyzed" 0 $status python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert a["document"]["length"] == 1_000_000 * 5 + 1, a["document"]["length"]
assert len(a["sentences"]) == 1, len(a["sentences"])' "$work/out"

# -- HTML -------------------------------------------------------------------------

cat >"$work/scripts.html" <<'HTML'
<!DOCTYPE html>
<html><head><script>var country = "ایران";</script></head>
<body><script>document.write("روسیه");</script></body></html>
HTML
refused "HTML that is only scripts" "$work/scripts.html" "HTML page holds no article text"

python3 -c '
import sys
depth = 100000
sys.stdout.write("<!DOCTYPE html><html><body><p>آغاز سخن</p>" + "<div>" * depth + "ژرف"
                 + "</div>" * depth + "<p>رئیس جمهور ایران سخن گفت.</p></body></html>")' >"$work/deep.html"
run analyze "$work/deep.html"
check "HTML nested 100,000 deep: read around what is too deep" 0 $status python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
ids = [n["id"] for n in a["nodes"]]
assert "country:IR" in ids, ids' "$work/out"

# -- JSON articles ---------------------------------------------------------------

printf '{"title": "عنوان", "text": "رئیس جمهور ایران",' >"$work/malformed.json"
refused "malformed JSON article" "$work/malformed.json" "not valid JSON (error near byte"

printf '{"title": "عنوان", "text": 5}' >"$work/text-number.json"
refused "JSON article whose text is a number" "$work/text-number.json" 'JSON has no "text" string'

printf '[{"text": "رئیس جمهور ایران"}]' >"$work/array.json"
refused "JSON article that is an array" "$work/array.json" 'JSON is not an article object'

# a project file is not an article: named for what it is, whole or cut short
printf '{"schema": "peyvand/project/1", "article": {"path": "a.txt", "text": "رئیس جمهور ایران"}}' \
  >"$work/project.peyvand"
refused "project file" "$work/project.peyvand" "a Peyvand project, not an article"
head -c 40 "$work/project.peyvand" >"$work/project-cut.peyvand"
refused "truncated project file" "$work/project-cut.peyvand" "not valid JSON (error near byte"

python3 -c '
import sys
depth = 100000
sys.stdout.write("{\"text\": " + "[" * depth + "]" * depth + "}")' >"$work/deep.json"
refused "JSON nested 100,000 deep" "$work/deep.json" "not valid JSON: nested more than 1000 levels deep"

# a title and a date of the wrong types are left out; the text is read
printf '{"title": ["x"], "date": 7, "text": "رئیس جمهور ایران با همتای روس خود گفت و گو کرد."}' \
  >"$work/odd-types.json"
run analyze "$work/odd-types.json"
check "JSON article with a title and a date of the wrong types: analyzed without them" 0 $status \
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["document"]
assert d["title"] is None and d["date"] is None, d' "$work/out"

# -- not regular files -----------------------------------------------------------

mkdir "$work/folder.txt"
refused "a directory" "$work/folder.txt" "is a directory, not a file"

# a FIFO nobody writes to: opening it for reading would block until the
# timeout; it must be refused at once
mkfifo "$work/pipe.txt"
refused "a FIFO" "$work/pipe.txt" "is a named pipe (FIFO), not a regular file"

# -- no read permission ---------------------------------------------------------

# Root reads any file: as root, the CLI runs as the user nobody (setpriv or
# runuser), which needs a way to the file and to the program.
as_nobody=
who=
if [ "$(id -u)" -ne 0 ]; then
  as_nobody=" "
elif id nobody >/dev/null 2>&1; then
  if command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$cli" --version >/dev/null 2>&1; then
    as_nobody="setpriv --reuid=nobody --regid=nogroup --clear-groups"
    who=" (as nobody, through setpriv)"
  elif command -v runuser >/dev/null 2>&1 && runuser -u nobody -- "$cli" --version >/dev/null 2>&1; then
    as_nobody="runuser -u nobody --"
    who=" (as nobody, through runuser)"
  fi
fi
if [ -z "$as_nobody" ]; then
  skip "no read permission: running as root, and the user nobody cannot run $cli (setpriv or runuser missing, or the build folder closed to others)"
else
  perm=$(mktemp -d)
  chmod 711 "$perm"
  cp "$work/persian.txt" "$perm/secret.txt"
  chmod 000 "$perm/secret.txt"
  for command in analyze "export -o $perm/out.png"; do
    # shellcheck disable=SC2086 # $as_nobody and $command are words
    timeout "$limit" $as_nobody "$cli" $command "$perm/secret.txt" </dev/null >"$work/out" 2>"$work/err"
    check "no read permission$who: ${command%% *} exits 1, naming the file and the reason" \
      1 $? says "$perm/secret.txt" "Permission denied"
    check "no read permission: ${command%% *} prints nothing, writes nothing" 0 0 \
      sh -c "[ ! -s '$work/out' ] && [ ! -e '$perm/out.png' ]"
  done
fi

# -- the user's knowledge file -------------------------------------------------

# Entries that are not valid are left out, and said to be; the valid ones
# are used.  (The file is $XDG_DATA_HOME/peyvand/knowledge.json.)
mkdir -p "$work/xdg/peyvand"
cat >"$work/xdg/peyvand/knowledge.json" <<'JSON'
{
  "organizations": [
    42,
    { "id": "organization:no-label" },
    { "id": "organization:peyvand-institute", "label": "موسسه پیوند", "aliases": ["موسسه آزمایشی پیوند"] }
  ],
  "people": "not a list"
}
JSON
printf 'کارشناسان موسسه آزمایشی پیوند در تهران گفتند.\n' >"$work/institute.txt"
XDG_DATA_HOME="$work/xdg" timeout "$limit" "$cli" analyze "$work/institute.txt" >"$work/out" 2>"$work/err"
check "knowledge file with bad entries: analyzed" 0 $? grep -q '"organization:peyvand-institute"' "$work/out"
check "knowledge file with bad entries: a warning names the file and the entries left out" 0 0 \
  grep -qF "peyvand-cli: warning: $work/xdg/peyvand/knowledge.json: 3 entries ignored" "$work/err"

# (a short article: every analysis loads the knowledge base, which takes a
# while under ASan)
run analyze "$work/institute.txt"
cp "$work/out" "$work/builtin.json"
printf '{ "organizations": [ {"id": ' >"$work/xdg/peyvand/knowledge.json"
XDG_DATA_HOME="$work/xdg" timeout "$limit" "$cli" analyze "$work/institute.txt" >"$work/out" 2>"$work/err"
check "knowledge file that is not JSON: the built-in knowledge alone" 0 $? cmp -s "$work/out" "$work/builtin.json"
check "knowledge file that is not JSON: a warning names the file" 0 0 \
  grep -qF "peyvand-cli: warning: $work/xdg/peyvand/knowledge.json: " "$work/err"

rm "$work/xdg/peyvand/knowledge.json"
mkdir "$work/xdg/peyvand/knowledge.json"
XDG_DATA_HOME="$work/xdg" timeout "$limit" "$cli" analyze "$work/institute.txt" >"$work/out" 2>"$work/err"
check "knowledge file that is a directory: the built-in knowledge alone, and a warning" 0 $? \
  sh -c "cmp -s '$work/out' '$work/builtin.json' && grep -qF 'knowledge.json' '$work/err'"

rmdir "$work/xdg/peyvand/knowledge.json"
mkfifo "$work/xdg/peyvand/knowledge.json"
XDG_DATA_HOME="$work/xdg" timeout "$limit" "$cli" analyze "$work/institute.txt" >"$work/out" 2>"$work/err"
check "knowledge file that is a FIFO: not waited on; the built-in knowledge, and a warning" 0 $? \
  sh -c "cmp -s '$work/out' '$work/builtin.json' && grep -qF 'knowledge.json: not a regular file' '$work/err'"
rm "$work/xdg/peyvand/knowledge.json"

echo "$passed passed, $failures failed, $skipped skipped"
[ "$failures" -eq 0 ]
