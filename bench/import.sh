#!/usr/bin/env bash
# Benchmark for `annals import`: 1,000 articles generated from the test corpus (tests/import/ and
# the seed in ../shared/seeds/), each a variation (numbered title, shifted amounts and dates), imported
# as one folder into a fresh output folder. Reports the median of repeated runs.
#
#   bash bench/import.sh            # 1,000 articles, 10 runs
#   N=5000 RUNS=5 bash bench/import.sh
#
# Needs python3 (to generate the articles); uses hyperfine when installed, else timed runs.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
RUNS=${RUNS:-10}
WORK=${WORK:-$(mktemp -d)}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet
BIN="$CARGO_TARGET_DIR/release/annals"

python3 - "$N" "$WORK/articles" <<'PY'
import os, re, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
corpus = "tests/import"
sources = []
for name in sorted(os.listdir(corpus)):
    if not name.endswith(".expect.yaml"):
        continue
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    inp = re.search(r"^input: (.+)$", text, re.M).group(1).strip()
    title = re.search(r"^title: (.+)$", text, re.M).group(1).strip().strip("'")
    path = inp if inp.startswith("../") else os.path.join(corpus, inp)
    raw = open(path, "rb").read()
    enc = "utf-8"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        enc = "euc-kr"
    sources.append((os.path.splitext(path)[1], raw.decode(enc), enc, title))
for i in range(n):
    ext, text, enc, title = sources[i % len(sources)]
    v = text.replace(title, f"{title} ({i})")
    # Shift amounts (100억원 → 1xx억원) and days, so no two articles are the same.
    v = re.sub(r"(\d+)억", lambda m: f"{int(m.group(1)) + i % 7}억", v)
    v = re.sub(r"(20\d\d[.-])(0\d|1[0-2])([.-])(\d\d)", lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{1 + (int(m.group(4)) + i) % 28:02d}", v)
    with open(os.path.join(out, f"{i:05d}{ext}"), "wb") as f:
        f.write(v.encode(enc))
print(f"generated {n} articles in {out}")
PY

cmd="$BIN import $WORK/articles --out $WORK/out"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$RUNS" --prepare "rm -rf $WORK/out" --export-json "$WORK/hyperfine.json" "$cmd"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"median {r['median']:.3f} s for $N articles\")" "$WORK/hyperfine.json"
else
  times=()
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/out"
    s=$(date +%s%N); $cmd 2>/dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$N" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %.3f s for %d articles\n", m/1000, n}'
fi
"$BIN" import "$WORK/articles" --out "$WORK/check" 2>&1 | head -1
echo "articles and output in $WORK"
