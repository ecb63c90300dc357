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

# export ---------------------------------------------------------------------

"$cli" --help >"$work/out" 2>"$work/err"
check "--help lists export" 0 $? contains "$work/out" "peyvand-cli export -o OUT"

# png_info FILE: "WIDTH HEIGHT DPI rgba|colour type N" from the IHDR and pHYs chunks
png_info() {
  python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, width, height, dpi = 8, None, None, None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    elif kind == b"pHYs":
        x, y, unit = struct.unpack(">IIB", body)
        assert unit == 1 and x == y, "pHYs not in pixels per metre"
        dpi = round(x * 0.0254)
    pos += 12 + length
print(width, height, dpi, "rgba" if colour == 6 else "colour type %d" % colour)
PY
}
png_is() { [ "$(png_info "$1" | cut -d" " -f1-3)" = "$2" ]; }
png_width_is() { [ "$(png_info "$1" | cut -d' ' -f1)" = "$2" ]; }
png_dpi_is() { [ "$(png_info "$1" | cut -d' ' -f3)" = "$2" ]; }
png_has_alpha() { [ "$(png_info "$1" | cut -d' ' -f4)" = rgba ]; }

# counts FILE.json: "NODES EDGES" of an analysis JSON
counts() {
  python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(len(a["nodes"]), len(a["edges"]))' "$1"
}
# graph_counts gexf|graphml FILE: "NODES EDGES" as networkx reads them (Debian's
# python3-networkx, which `make` installs, before another python3 on the PATH)
networkx_python=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import networkx' 2>/dev/null && networkx_python=/usr/bin/python3
graph_counts() {
  "$networkx_python" -c '
import sys, networkx
from networkx.readwrite import gexf
# Debian 12 ships networkx 2.8, which knows GEXF up to 1.2draft; GEXF 1.3
# (what Gephi writes and reads) differs in its namespaces, so it is
# registered here and networkx does all the parsing
if "1.3" not in gexf.GEXF.versions:
    gexf.GEXF.versions["1.3"] = dict(gexf.GEXF.versions["1.2draft"],
        NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz",
        SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", VERSION="1.3")
if sys.argv[1] == "gexf":
    g = gexf.GEXFReader(node_type=None, version="1.3")(sys.argv[2])
else:
    g = networkx.read_graphml(sys.argv[2])
print(g.number_of_nodes(), g.number_of_edges())' "$1" "$2"
}
same_counts() { [ "$(graph_counts "$1" "$2")" = "$(counts "$3")" ]; }
dot_has_nodes() {
  python3 -c '
import json, re, sys
a = json.load(open(sys.argv[1]))
dot = open(sys.argv[2], encoding="utf-8").read()
missing = [n["id"] for n in a["nodes"] if n["id"] not in dot]
body = re.sub(r"(?m)^\s*(//|#).*$", "", re.sub(r"/\*.*?\*/", "", dot, flags=re.S))
assert body.lstrip().startswith(("graph", "digraph", "strict")), "not a DOT graph"
assert not missing, "missing: %s" % missing' "$1" "$2"
}
csv_parses() {
  python3 -c '
import csv, json, sys
a = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
assert len(rows) > 1, "no rows"
text = open(sys.argv[2], encoding="utf-8").read()
missing = [n["id"] for n in a["nodes"] if n["id"] not in text]
assert not missing, "missing: %s" % missing' "$1" "$2"
}
fonts_embedded() {
  pdffonts "$1" >"$work/fonts" 2>&1 || return 1
  # name type encoding emb sub uni object ID: one line per font after the header
  [ "$(tail -n +3 "$work/fonts" | wc -l)" -gt 0 ] &&
    ! tail -n +3 "$work/fonts" | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }'
}

for format in png svg pdf gexf graphml dot csv json; do
  "$cli" export -o "$work/export.$format" "$sample" >"$work/out" 2>"$work/err"
  check "export the seed as $format" 0 $? test -s "$work/export.$format"
done
check "export: nothing on stdout" 0 0 empty "$work/out"

check "PNG: a PNG with the default 96 dpi" 0 0 png_dpi_is "$work/export.png" 96
"$cli" export --size 17x12cm --dpi 300 -o "$work/print.png" "$sample" >"$work/out" 2>"$work/err"
check "PNG --size 17x12cm --dpi 300 is 2008 x 1417 pixels at 300 dpi" 0 $? png_is "$work/print.png" "2008 1417 300"
"$cli" export --size 100x50mm --dpi 150 -o "$work/mm.png" "$sample" >"$work/out" 2>"$work/err"
check "PNG --size 100x50mm --dpi 150 is 591 x 295 pixels" 0 $? png_is "$work/mm.png" "591 295 150"
"$cli" export --width 800 --height 600 -o "$work/px.png" "$sample" >"$work/out" 2>"$work/err"
check "PNG --width 800 --height 600" 0 $? png_is "$work/px.png" "800 600 96"
"$cli" export --width 800 --height 600 --scale 2 -o "$work/scale.png" "$sample" >"$work/out" 2>"$work/err"
check "PNG --scale 2 --width 800 --height 600" 0 $? png_is "$work/scale.png" "800 600 96"
"$cli" export --width 700 -o "$work/w.png" "$sample" >"$work/out" 2>"$work/err"
check "PNG --width 700 alone: 700 pixels wide" 0 $? png_width_is "$work/w.png" 700
"$cli" export --background transparent --theme dark --labels both --legend --title 'تماس تلفنی' \
  -o "$work/styled.png" "$sample" >"$work/out" 2>"$work/err"
check "PNG with every style option, transparent: with alpha" 0 $? png_has_alpha "$work/styled.png"

check "SVG: xmllint finds it well formed" 0 0 xmllint --noout "$work/export.svg"
check "SVG: rsvg-convert renders it" 0 0 sh -c "rsvg-convert -o '$work/svg.png' '$work/export.svg' && [ -s '$work/svg.png' ]"
"$cli" export --svg-text --legend --title 'تماس تلفنی' -o "$work/text.svg" "$sample" >"$work/out" 2>"$work/err"
check "SVG --svg-text: well formed, with <text>" 0 $? sh -c "xmllint --noout '$work/text.svg' && grep -q '<text' '$work/text.svg'"
check "PDF: pdffonts lists its fonts, all embedded" 0 0 fonts_embedded "$work/export.pdf"
"$cli" export --size 17x12cm --legend --title 'تماس تلفنی' -o "$work/print.pdf" "$sample" >"$work/out" 2>"$work/err"
check "PDF --size 17x12cm is 482 x 340 points" 0 $? sh -c "pdfinfo '$work/print.pdf' | grep -q 'Page size: *482 x 340 pts'"
check "GEXF: networkx reads the analysis' nodes and edges" 0 0 same_counts gexf "$work/export.gexf" "$work/seed.json"
check "GraphML: networkx reads the analysis' nodes and edges" 0 0 same_counts graphml "$work/export.graphml" "$work/seed.json"
check "DOT: every node" 0 0 dot_has_nodes "$work/seed.json" "$work/export.dot"
check "CSV: parses, every node" 0 0 csv_parses "$work/seed.json" "$work/export.csv"
check "JSON: the same as analyze's" 0 0 cmp -s "$work/export.json" "$work/seed.json"

# the same seed, the same picture; another seed, another layout
"$cli" export -o "$work/again.png" "$sample" >"$work/out" 2>"$work/err"
check "PNG: the same bytes every time" 0 $? cmp -s "$work/again.png" "$work/export.png"
"$cli" export --seed 7 -o "$work/seed7.png" "$sample" >"$work/out" 2>"$work/err"
check "--seed 7: another layout" 0 $? sh -c "! cmp -s '$work/seed7.png' '$work/export.png'"

# from an analysis JSON written by analyze
"$cli" analyze -o "$work/analysis.json" "$sample" >"$work/out" 2>"$work/err"
for format in gexf graphml; do
  "$cli" export -o "$work/from-json.$format" "$work/analysis.json" >"$work/out" 2>"$work/err"
  check "export from an analysis JSON: $format, the same counts" 0 $? same_counts $format "$work/from-json.$format" "$work/seed.json"
done
"$cli" export -o "$work/from-json.png" "$work/analysis.json" >"$work/out" 2>"$work/err"
check "export from an analysis JSON: the same PNG as from the article" 0 $? cmp -s "$work/from-json.png" "$work/export.png"
"$cli" export --format gexf -o "$work/stdin-json.gexf" - <"$work/analysis.json" >"$work/out" 2>"$work/err"
check "export an analysis JSON from standard input" 0 $? same_counts gexf "$work/stdin-json.gexf" "$work/seed.json"
"$cli" export -o "$work/stdin.dot" - <"$sample" >"$work/out" 2>"$work/err"
check "export an article from standard input" 0 $? dot_has_nodes "$work/seed.json" "$work/stdin.dot"
"$cli" export -o "$work/article.json.gexf" "$work/article.json" >"$work/out" 2>"$work/err"
check "a JSON article is analyzed, not read as an analysis" 0 $? grep -q 'abdullah-gul' "$work/article.json.gexf"
"$cli" export --date 2020-02-29 -o "$work/dated.gexf" "$sample" >"$work/out" 2>"$work/err"
check "export --date resolves the office holder" 0 $? grep -q 'recep-tayyip-erdogan' "$work/dated.gexf"

"$cli" export --format svg -o - "$sample" >"$work/stdout.svg" 2>"$work/err"
check "-o - --format svg writes the SVG to standard output" 0 $? xmllint --noout "$work/stdout.svg"
"$cli" export --format csv -o - "$work/missing.txt" >"$work/out" 2>"$work/err"
check "-o -: a missing input writes nothing to standard output" 1 $? empty "$work/out"

# usage errors: exit 2, nothing written
usage() {
  # usage NAME ARGS...: exit 2, the message, no out.* written
  name=$1
  shift
  rm -f "$work"/usage.*
  "$cli" export "$@" >"$work/out" 2>"$work/err"
  check "usage error: $name" 2 $? sh -c "grep -q \"Try 'peyvand-cli --help'\" '$work/err' && ! ls '$work'/usage.* >/dev/null 2>&1"
}
usage "no -o" "$sample"
usage "no input" -o "$work/usage.png"
usage "two inputs" -o "$work/usage.png" "$sample" "$sample"
usage "unknown extension" -o "$work/usage.bmp" "$sample"
usage "no extension" -o "$work/usage" "$sample"
usage "standard output without --format" -o - "$sample"
usage "unknown --format" --format bmp -o "$work/usage.png" "$sample"
usage "--format against the extension" --format svg -o "$work/usage.png" "$sample"
usage "bad --size" --size 17x12 -o "$work/usage.png" "$sample"
usage "bad --size number" --size 17xcm -o "$work/usage.png" "$sample"
usage "--size too large" --size 1000x1000cm --dpi 1200 -o "$work/usage.png" "$sample"
usage "--size with --width" --size 17x12cm --width 100 --height 100 -o "$work/usage.png" "$sample"
usage "bad --width" --width -3 --height 100 -o "$work/usage.png" "$sample"
usage "bad --dpi" --dpi 0 -o "$work/usage.png" "$sample"
usage "--dpi for SVG" --dpi 300 -o "$work/usage.svg" "$sample"
usage "--svg-text for PNG" --svg-text -o "$work/usage.png" "$sample"
usage "transparent PDF" --background transparent -o "$work/usage.pdf" "$sample"
usage "bad --background" --background pink -o "$work/usage.png" "$sample"
usage "white background, dark theme" --background white --theme dark -o "$work/usage.png" "$sample"
usage "bad --theme" --theme sepia -o "$work/usage.png" "$sample"
usage "bad --labels" --labels de -o "$work/usage.png" "$sample"
usage "bad --seed" --seed many -o "$work/usage.png" "$sample"
usage "bad --date" --date 2020-13-45 -o "$work/usage.png" "$sample"
usage "--legend for CSV" --legend -o "$work/usage.csv" "$sample"
usage "--width for GEXF" --width 100 --height 100 -o "$work/usage.gexf" "$sample"
usage "--labels for DOT" --labels en -o "$work/usage.dot" "$sample"
usage "unknown option" --frobnicate -o "$work/usage.png" "$sample"
usage "usage before input: a missing input with a bad option" --size big -o "$work/usage.png" "$work/missing.txt"

# input and output errors: exit 1, OUT untouched
cp "$work/export.png" "$work/keep.png"
"$cli" export -o "$work/keep.png" "$work/missing.txt" >"$work/out" 2>"$work/err"
check "export: a missing input exits 1 and names it" 1 $? contains "$work/err" "missing.txt"
check "export: a missing input leaves OUT untouched" 0 0 cmp -s "$work/keep.png" "$work/export.png"
"$cli" export -o "$work/keep.png" "$work/random.bin" >"$work/out" 2>"$work/err"
check "export: a binary input exits 1, OUT untouched" 1 $? cmp -s "$work/keep.png" "$work/export.png"
printf '{"schema": "peyvand/analysis/1", "nodes": [' >"$work/broken.json"
"$cli" export -o "$work/keep.png" "$work/broken.json" >"$work/out" 2>"$work/err"
check "export: a broken analysis JSON exits 1 and names it" 1 $? contains "$work/err" "broken.json"
check "export: a broken analysis JSON leaves OUT untouched" 0 0 cmp -s "$work/keep.png" "$work/export.png"
printf '{"schema": "peyvand/analysis/1", "nodes": 5, "edges": []}' >"$work/bad-nodes.json"
"$cli" export -o "$work/keep.png" "$work/bad-nodes.json" >"$work/out" 2>"$work/err"
check "export: an analysis JSON without a node list exits 1 and names it" 1 $? contains "$work/err" "bad-nodes.json"
check "export: ... and leaves OUT untouched" 0 0 cmp -s "$work/keep.png" "$work/export.png"
"$cli" export -o "$work/no-such-dir/out.png" "$sample" >"$work/out" 2>"$work/err"
check "export: an unwritable OUT exits 1 and names it" 1 $? contains "$work/err" "no-such-dir/out.png"
check "export: no file left behind" 0 0 test ! -e "$work/no-such-dir"
touch "$work/a-file"
"$cli" export -o "$work/a-file/out.svg" "$sample" >"$work/out" 2>"$work/err"
check "export: OUT under a file exits 1 and names it" 1 $? contains "$work/err" "a-file/out.svg"
check "export: no temporary file left beside OUT" 0 0 sh -c "! ls -a '$work' | grep -q '^keep\.png.'"

# analyze --metrics ----------------------------------------------------------

"$cli" --help >"$work/out" 2>"$work/err"
check "--help lists analyze --metrics" 0 $? contains "$work/out" "--metrics"

"$cli" analyze --metrics "$sample" >"$work/metrics.json" 2>"$work/err"
check "analyze --metrics" 0 $? valid_json "$work/metrics.json"
check "without --metrics: no metrics, no pagerank" 0 0 sh -c "! grep -q -e '\"metrics\"' -e pagerank '$work/seed.json'"

# the fields only add to the analysis: without them it is the plain one,
# and every node has all five
metrics_added() {
  python3 -c '
import json, sys
plain = json.load(open(sys.argv[1]))
full = json.load(open(sys.argv[2]))
graph = full.pop("metrics")
assert set(graph) == {"communities", "modularity"}, graph
for node in full["nodes"]:
    m = node.pop("metrics")
    assert set(m) == {"degree", "weighted_degree", "pagerank", "betweenness", "community"}, m
    assert isinstance(m["degree"], int) and isinstance(m["community"], int), m
    assert 0 <= m["community"] < graph["communities"], m
assert full == plain, "the rest differs"' "$1" "$2"
}
check "--metrics adds a metrics object to each node, nothing else changes" 0 0 metrics_added "$work/seed.json" "$work/metrics.json"

# the figures against networkx on the same graph (an implementation
# independent of igraph): degrees, betweenness, the modularity of the
# communities, which are numbered by descending size; PageRank against its
# definition
metrics_agree() {
  "$networkx_python" -c '
import json, sys, networkx
from networkx.algorithms.community import modularity
a = json.load(open(sys.argv[1]))
g = networkx.Graph()
g.add_nodes_from(n["id"] for n in a["nodes"])
for e in a["edges"]:
    g.add_edge(e["source"], e["target"], weight=e["weight"])
# PageRank by power iteration (networkx.pagerank needs SciPy): a lone
# node sends the walker anywhere
n, strength = len(g), dict(g.degree(weight="weight"))
pagerank = {v: 1 / n for v in g}
for _ in range(1000):
    lone = sum(pagerank[v] for v in g if strength[v] == 0)
    pagerank = {v: 0.15 / n + 0.85 * lone / n +
                0.85 * sum(pagerank[u] * data["weight"] / strength[u] for u, data in g[v].items())
                for v in g}
betweenness = networkx.betweenness_centrality(g, normalized=False, weight=None)
members = {}
for i, n in enumerate(a["nodes"]):
    m = n["metrics"]
    assert m["degree"] == g.degree(n["id"]), n["id"]
    assert m["weighted_degree"] == g.degree(n["id"], weight="weight"), n["id"]
    assert abs(m["pagerank"] - pagerank[n["id"]]) < 1e-9, (n["id"], m["pagerank"], pagerank[n["id"]])
    assert abs(m["betweenness"] - betweenness[n["id"]]) < 1e-9, (n["id"], m["betweenness"])
    members.setdefault(m["community"], []).append(i)
assert abs(sum(n["metrics"]["pagerank"] for n in a["nodes"]) - 1) < 1e-9
assert sorted(members) == list(range(a["metrics"]["communities"]))
order = [(-len(members[c]), members[c][0]) for c in sorted(members)]
assert order == sorted(order), "communities not numbered by size"
q = modularity(g, [{a["nodes"][i]["id"] for i in members[c]} for c in members], weight="weight")
assert abs(q - a["metrics"]["modularity"]) < 1e-9, (q, a["metrics"]["modularity"])' "$1"
}
check "--metrics: the figures agree with networkx" 0 0 metrics_agree "$work/metrics.json"

"$cli" analyze --metrics "$sample" >"$work/metrics-again.json" 2>"$work/err"
check "--metrics: the same bytes every time" 0 $? cmp -s "$work/metrics.json" "$work/metrics-again.json"
"$cli" analyze --metrics -o "$work/metrics-out.json" - <"$sample" >"$work/out" 2>"$work/err"
check "--metrics with -o and standard input" 0 $? contains "$work/metrics-out.json" '"pagerank"'
"$cli" export -o "$work/from-metrics.gexf" "$work/metrics.json" >"$work/out" 2>"$work/err"
check "export reads an analysis JSON with metrics" 0 $? same_counts gexf "$work/from-metrics.gexf" "$work/seed.json"

# The story as PNG frames, one per sentence of the body
frames="$work/story"
"$cli" export --story "$frames" "$sample" >"$work/out" 2>"$work/err"
story_status=$?
n_sentences=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["sentences"]))' "$work/seed.json")
check "export --story writes one frame per sentence" 0 $story_status \
  sh -c "[ \$(ls '$frames' | grep -c '^frame-[0-9]*\.png\$') -eq $n_sentences ]"
check "story frames are 1920x1080 PNG" 0 0 python3 -c '
import struct, sys
data = open(sys.argv[1], "rb").read(24)
assert data[:8] == b"\x89PNG\r\n\x1a\n"
assert struct.unpack(">II", data[16:24]) == (1920, 1080)' "$frames/frame-001.png"
"$cli" export --story "$frames" -o "$work/x.png" "$sample" >"$work/out" 2>"$work/err"
check "--story with -o is a usage error" 2 $?
: >"$work/not-a-dir"
"$cli" export --story "$work/not-a-dir" "$sample" >"$work/out" 2>"$work/err"
check "--story into a file exits 1 naming it" 1 $? contains "$work/err" "not-a-dir"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
