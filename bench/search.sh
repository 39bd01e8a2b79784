#!/usr/bin/env bash
# Search benchmark: annals' own index beside Pagefind, on the same built sites.
#
#   bash bench/search.sh                # relevance on ../shared/search, then 10,000 briefs
#   SIZE=1000 bash bench/search.sh      # a smaller generated archive
#   PAGEFIND=0 bash bench/search.sh     # annals only
#   OUT_BASE=/dev/shm bash bench/search.sh   # timed builds write to tmpfs (less disk noise)
#
# 1. Relevance: builds ../shared/search/site, runs every query of its queries.yaml through the
#    real search.js (node, bench/search-eval.mjs, reading the built index files) and prints
#    recall@10, precision@10 and primary-first, per query and per kind.
# 2. Size and cost at SIZE briefs (../shared/bench/gen_corpus.py, seed 1): the build with and
#    without search (`search = false`), alternating: wall time, CPU time and peak memory (GNU
#    time, median of RUNS); the index's bytes and files; bytes a cold query and the next query download (median
#    over queries made from the corpus' own vocabulary: nouns, nouns with particles, compounds,
#    partial words, people, regions, amounts, mixes and typos).
# 3. Pagefind (npm `pagefind`, installed into target/bench-pagefind/, never committed) indexes
#    the same built sites (default settings): time, peak memory, size, files; then its own
#    pagefind.js runs the same queries in node (bench/pagefind-eval.mjs): relevance on the
#    example archive, bytes per query on both.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZE=${SIZE:-10000}
RUNS=${RUNS:-3}
PAGEFIND=${PAGEFIND:-1}
WORK=${WORK:-$(mktemp -d /tmp/annals-search.XXXXXX)}
OUT_BASE=${OUT_BASE:-$WORK}
mkdir -p "$WORK" "$OUT_BASE"
SHARED=../shared
[ -f "$SHARED/search/queries.yaml" ] || { echo "bench: $SHARED/search/queries.yaml not found (../shared must sit beside the repository)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }
command -v node >/dev/null || { echo "bench: node is needed" >&2; exit 1; }

# ANNALS=path/to/annals uses that binary instead of building the release one.
if [ -z "${ANNALS:-}" ]; then
  cargo build --release --quiet
  ANNALS=${CARGO_TARGET_DIR:-target}/release/annals
fi
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== relevance: $SHARED/search (queries.yaml)"
python3 - "$SHARED/search/queries.yaml" "$WORK/queries.json" <<'PY'
import json, sys, yaml
json.dump(yaml.safe_load(open(sys.argv[1]))["queries"], open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$ANNALS" build --root "$SHARED/search/site" --output "$WORK/example" >/dev/null
node bench/search-eval.mjs "$WORK/example" "$WORK/queries.json" --json "$WORK/example-eval.json"

echo
echo "== $SIZE generated briefs"
CORPUS=$WORK/annals-$SIZE
[ -d "$CORPUS" ] || python3 "$SHARED/bench/gen_corpus.py" --n "$SIZE" --out "$CORPUS" --flavor annals --seed 1 2>/dev/null
rm -rf "$CORPUS-off"
cp -rL "$CORPUS" "$CORPUS-off"
sed -i '1i search = false' "$CORPUS-off/site.toml"

# One timed build of SITE into $OUT_BASE/out-NAME-timed; appends "wall cpu kb" to $WORK/NAME.times.
timed() {
  local name=$1 site=$2
  rm -rf "$OUT_BASE/out-$name-timed"
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$ANNALS" build --root "$site" --output "$OUT_BASE/out-$name-timed" >/dev/null
  read -r wall user sys kb <"$WORK/time"
  echo "$wall $(echo "$user + $sys" | bc -l) $kb" >>"$WORK/$name.times"
}
# The medians of NAME's runs; keeps its last output as $WORK/out-NAME.
report() {
  local name=$1 col
  col() { awk -v c="$1" '{ print $c }' "$WORK/$name.times" | median; }
  printf '%-14s wall %6.2f s  cpu %6.2f s  peak %5.0f MB   (wall per run: %s)\n' "$name" "$(col 1)" "$(col 2)" \
    "$(echo "$(col 3) / 1024" | bc -l)" "$(awk '{ printf "%s ", $1 }' "$WORK/$name.times")"
  rm -rf "$WORK/out-$name"
  if [ "$OUT_BASE" = "$WORK" ]; then mv "$OUT_BASE/out-$name-timed" "$WORK/out-$name"; else
    cp -r "$OUT_BASE/out-$name-timed" "$WORK/out-$name"; rm -rf "$OUT_BASE/out-$name-timed"; fi
}
# On and off alternate, so that the machine's load drifting during the runs hits both alike.
rm -f "$WORK/search-on.times" "$WORK/search-off.times"
for _ in $(seq "$RUNS"); do
  timed "search-on" "$CORPUS"
  timed "search-off" "$CORPUS-off"
done
report "search-on"
report "search-off"
IDX=$WORK/out-search-on/search/index
echo "index: $(find "$IDX" -type f | wc -l) files, $(du -sb "$IDX" | cut -f1) bytes ($(du -sh --apparent-size "$IDX" | cut -f1)); site: $(find "$WORK/out-search-on" -type f | wc -l) files"

# Queries of every kind from the corpus' own words (names and amounts read from its briefs).
python3 - "$CORPUS" "$WORK/bench-queries.json" <<'PY'
import json, pathlib, re, sys
briefs = sorted(pathlib.Path(sys.argv[1], "content", "briefs").glob("*.md"))
text = "".join(p.read_text() for p in briefs[:200])
names = sorted(set(re.findall(r"name: ([가-힣]{3})", text)))[:4]
amounts = sorted(set(re.findall(r'amount: "([0-9,]+억원)"', text)))[:3]
qs = [("bare_noun", w) for w in ["반도체", "데이터", "클러스터", "인공지능"]]
qs += [("particle", w) for w in ["반도체를", "데이터의", "인공지능을", "지역에서"]]
qs += [("compound", w) for w in ["디지털혁신", "공공데이터 개방", "사이버보안"]]
qs += [("partial", w) for w in ["클러스", "모빌리", "거버넌"]]
qs += [("person", w) for w in names]
qs += [("region", w) for w in ["영남권", "호남권", "수도권"]]
qs += [("amount", a) for a in amounts] + [("amount", amounts[0].replace(",", ""))]
qs += [("mixed", w) for w in ["AI 반도체", "R&D 예산", "SW 인재"]]
qs += [("typo", w) for w in ["반도채", "클러스타", "인공지눙"]]
json.dump([{"id": f"b{i:02d}", "kind": k, "query": q} for i, (k, q) in enumerate(qs)], open(sys.argv[2], "w"), ensure_ascii=False)
PY
node bench/search-eval.mjs "$WORK/out-search-on" "$WORK/bench-queries.json" --list --json "$WORK/bench-eval.json"
echo "the same on a server without Range requests (whole files):"
node bench/search-eval.mjs "$WORK/out-search-on" "$WORK/bench-queries.json" --no-range | tail -n 1

if [ "$PAGEFIND" = 1 ]; then
  echo
  echo "== Pagefind on the same built sites"
  PF=$ROOT/target/bench-pagefind
  if [ ! -x "$PF/node_modules/.bin/pagefind" ]; then
    mkdir -p "$PF"
    (cd "$PF" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install pagefind --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  echo "pagefind $("$PF/node_modules/.bin/pagefind" --version 2>/dev/null | tail -1)"
  for site in example out-search-off; do
    queries=$WORK/queries.json
    [ "$site" = example ] || queries=$WORK/bench-queries.json
    rm -rf "$WORK/$site/pagefind"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$PF/node_modules/.bin/pagefind" --site "$WORK/$site" --force-language ko >"$WORK/pagefind-$site.log" 2>&1 ||
      { tail -n 20 "$WORK/pagefind-$site.log"; echo "bench: pagefind failed" >&2; exit 1; }
    read -r wall user sys kb <"$WORK/time"
    printf '%-14s pagefind wall %6.2f s  cpu %6.2f s  peak %5.0f MB  index: %s files, %s bytes\n' "$site" "$wall" \
      "$(echo "$user + $sys" | bc -l)" "$(echo "$kb / 1024" | bc -l)" \
      "$(find "$WORK/$site/pagefind" -type f | wc -l)" "$(du -sb "$WORK/$site/pagefind" | cut -f1)"
    node bench/pagefind-eval.mjs "$WORK/$site" "$queries" | tail -n 2
  done
fi
echo "(work folder: $WORK)"
