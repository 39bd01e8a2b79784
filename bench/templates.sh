#!/usr/bin/env bash
# Per-template render time of two annals binaries on one generated archive (e.g. the Tera 1
# build of main against a Tera 2 branch), from `annals build --timings`, the two alternating run
# by run so that a busy machine slows both alike.
#
#   bash bench/templates.sh OLD_BINARY NEW_BINARY            # 10,000 briefs, 5 runs each
#   SIZE=1000 RUNS=3 bash bench/templates.sh old new
#   OUT_BASE=/dev/shm bash bench/templates.sh old new   # output on tmpfs: --timings counts each
#                                                       # page's write, which a busy disk swamps
#
# Reported per template: the median of the summed time over all its pages (ms, summed over
# threads, as --timings prints it), and that median divided by the page count (µs per page),
# for both binaries; then the median wall and CPU time of the whole build (GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bash bench/templates.sh OLD_BINARY NEW_BINARY" >&2; exit 2; }
OLD=$1
NEW=$2
SIZE=${SIZE:-10000}
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d /tmp/annals-templates.XXXXXX)}
OUT_BASE=${OUT_BASE:-$WORK}
GEN=../shared/bench/gen_corpus.py
[ -f "$GEN" ] || { echo "bench: $GEN not found (../shared must sit beside the repository)" >&2; exit 1; }
[ -d "$WORK/corpus" ] || python3 "$GEN" --n "$SIZE" --out "$WORK/corpus" --flavor annals --seed 1 >/dev/null

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# One build; appends "tool template pages ms" lines to $WORK/rows and "tool wall" to $WORK/walls.
once() {
  local tool=$1 bin=$2 out="$OUT_BASE/annals-templates-out"
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$bin" build --root "$WORK/corpus" --output "$out" --timings \
    >/dev/null 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; echo "bench: $tool failed" >&2; exit 1; }
  # Wall, and CPU (user + system): on a shared machine CPU time moves much less with the load.
  awk -v tool="$tool" '{ print tool, $1, $2 + $3 }' "$WORK/time" >>"$WORK/walls"
  # The partials (cards, rows) render in the "templates + list entries" stage, once per brief.
  rm -rf "$out"
  awk -v tool="$tool" '$2 ~ /^[0-9]+$/ && $3 == "pages" { print tool, $1, $2, $4 }
    /templates \+ list entries/ { print tool, "(list-entries-stage)", 1, $5 }' "$WORK/stderr" >>"$WORK/rows"
}

: >"$WORK/rows"
: >"$WORK/walls"
for i in $(seq "$RUNS"); do
  once old "$OLD"
  once new "$NEW"
done

printf '%-22s %7s %12s %12s %10s %10s\n' template pages "old ms" "new ms" "old µs/pg" "new µs/pg"
for t in $(awk '{ print $2 }' "$WORK/rows" | sort -u); do
  pages=$(awk -v t="$t" '$2 == t { print $3; exit }' "$WORK/rows")
  o=$(awk -v t="$t" '$1 == "old" && $2 == t { print $4 }' "$WORK/rows" | median)
  n=$(awk -v t="$t" '$1 == "new" && $2 == t { print $4 }' "$WORK/rows" | median)
  printf '%-22s %7s %12.1f %12.1f %10.1f %10.1f\n' "$t" "$pages" "$o" "$n" "$(echo "$o * 1000 / $pages" | bc -l)" "$(echo "$n * 1000 / $pages" | bc -l)"
done
for col in 2 3; do
  what=$([ $col = 2 ] && echo wall || echo "CPU (user+sys)")
  echo "$what, median of $RUNS: old $(awk -v c=$col '$1 == "old" { print $c }' "$WORK/walls" | median) s, new $(awk -v c=$col '$1 == "new" { print $c }' "$WORK/walls" | median) s"
done
echo "runs kept in $WORK"
