#!/usr/bin/env bash
# `check` against `build` on an archive with many distinct people (issue 14, probe 3: the
# near-duplicate warnings compared every pair of names, and `check` on 10,000 briefs with
# 50,000 people did not finish in 900 s while `build` took 13 s).
#
#   bash bench/check.sh                    # 10,000 briefs, 50,000 people, 3 runs each
#   N=2000 PEOPLE=10000 RUNS=1 bash bench/check.sh
#
# The briefs come from ../shared/bench/gen_corpus.py; their attendees are then replaced so that
# the archive has PEOPLE distinct names (each brief lists PEOPLE / N of them) spread over ORGS
# organisations. Reported: the median wall time of `annals check` and of `annals build`.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
PEOPLE=${PEOPLE:-50000}
ORGS=${ORGS:-2000}
RUNS=${RUNS:-3}
WORK=${WORK:-$(mktemp -d /tmp/annals-check-bench.XXXXXX)}
GEN=../shared/bench/gen_corpus.py
[ -f "$GEN" ] || { echo "bench: $GEN not found (../shared must sit beside the repository)" >&2; exit 1; }

cargo build --release --quiet
ANNALS=${CARGO_TARGET_DIR:-target}/release/annals
SITE=$WORK/site
rm -rf "$SITE"
python3 "$GEN" --n "$N" --out "$SITE" --flavor annals --seed 1 >/dev/null
python3 - "$SITE/content/briefs" "$N" "$PEOPLE" "$ORGS" <<'PY'
import os, sys
folder, n, people, orgs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
# Distinct three-syllable names from a fixed set of syllables: deterministic, and Hangul like
# real names, so that every rule of the near-duplicate check has work to do.
syl = [chr(c) for c in range(0xAC00, 0xD7A4, 149)]
def name(k, width=3):
    out = []
    for _ in range(width):
        out.append(syl[k % len(syl)])
        k //= len(syl)
    return "".join(out)
per = max(1, people // n)
files = sorted(f for f in os.listdir(folder) if f.endswith(".md"))
for b, f in enumerate(files):
    path = os.path.join(folder, f)
    lines = open(path, encoding="utf-8").read().split("\n")
    start = lines.index("attendees:")
    end = start + 1
    while lines[end].startswith("  - "):
        end += 1
    new = [f"  - {{name: {name(b * per + k)}, role: 과장, org: {name((b * per + k) % orgs + 7, 4)}원}}"
           for k in range(per)]
    lines[start + 1:end] = new
    open(path, "w", encoding="utf-8").write("\n".join(lines))
print(f"{len(files)} briefs, {len(files) * per} distinct people, {orgs} organisations")
PY

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
timed() {
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$WORK/$label.err" || { tail -n 5 "$WORK/$label.err" >&2; echo "bench: $* failed" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
}
checks=() builds=()
for _ in $(seq "$RUNS"); do
  checks+=("$(timed check "$ANNALS" check --root "$SITE")")
  rm -rf "$WORK/out"
  builds+=("$(timed build "$ANNALS" build --root "$SITE" --output "$WORK/out")")
done
echo "check: median $(printf '%s\n' "${checks[@]}" | median) s  (runs: ${checks[*]})"
echo "build: median $(printf '%s\n' "${builds[@]}" | median) s  (runs: ${builds[*]})"
echo "warnings: $(grep -c 'warning:' "$WORK/check.err" || true) in the last check; $(tail -n 1 "$WORK/check.err")"
