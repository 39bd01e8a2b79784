#!/usr/bin/env bash
# Live-edit benchmark for `annals serve`: how long from saving a brief to the new text being
# served, on a generated archive.
#
#   bash bench/serve.sh                  # 10,000 briefs, 7 edits of each kind
#   N=1000 EDITS=5 bash bench/serve.sh
#
# The corpus comes from ../shared/bench/gen_corpus.py (--flavor annals --seed 1) and is copied to a
# scratch folder, which the edits change. Two kinds of edit, each repeated EDITS times:
#   body:  a sentence added to one brief's Markdown body (front matter unchanged): timed until
#          that brief's page serves it;
#   front: the newest brief's title changed: timed until the home page, and then one of its
#          region pages, serve the new title. The server publishes those pages first and then
#          renders the whole site again; the next edit waits until that is done.
# Each time runs from just before the file is written to the first response that has the new
# text, polled in a tight loop over HTTP (Python's http.client, one connection per request).
# Reported: the median and every run, beside the full build time of `annals build --timings`.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
EDITS=${EDITS:-7}
PORT=${PORT:-18765}
WORK=${WORK:-$(mktemp -d /tmp/annals-serve-bench.XXXXXX)}
GEN=../shared/bench/gen_corpus.py
[ -f "$GEN" ] || { echo "bench: $GEN not found (../shared must sit beside the repository)" >&2; exit 1; }

cargo build --release --quiet
ANNALS=${CARGO_TARGET_DIR:-target}/release/annals
[ -d "$WORK/corpus-$N" ] || python3 "$GEN" --n "$N" --out "$WORK/corpus-$N" --flavor annals --seed 1 >/dev/null 2>&1
rm -rf "$WORK/site"
cp -r "$WORK/corpus-$N" "$WORK/site"

echo "machine: $(nproc) cores; annals: $($ANNALS --version); $N briefs"
echo "full build (annals build --timings):"
"$ANNALS" build --root "$WORK/site" --output "$WORK/public" --timings 2>&1 | sed 's/^/  /'
rm -rf "$WORK/public"

"$ANNALS" serve --root "$WORK/site" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill -INT $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

python3 - "$WORK/site" "$PORT" "$EDITS" "$WORK/serve.log" <<'PY'
import glob, http.client, os, re, statistics, sys, time, urllib.parse

root, port, edits, log = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

def builds():
    """How many whole-site renders the server has finished (it logs one line each)."""
    return sum(1 for line in open(log, encoding="utf-8", errors="replace") if line.startswith("built "))

def get(path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request("GET", urllib.parse.quote(path))
        return c.getresponse().read().decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        c.close()

def wait(path, text, limit=120.0):
    start = time.perf_counter()
    while text not in get(path):
        if time.perf_counter() - start > limit:
            sys.exit(f"bench: {path} never showed {text!r}")

# The server builds the whole site before it listens.
deadline = time.time() + 600
while "<html" not in get("/"):
    if time.time() > deadline:
        sys.exit("bench: the server did not come up")
    time.sleep(0.2)

def front(path):
    text = open(path, encoding="utf-8").read()
    return text, text.split("\n---\n", 1)[0]

files = sorted(glob.glob(os.path.join(root, "content/briefs/*.md")))
metas = {f: front(f)[1] for f in files}
date = lambda f: re.search(r"^date: (\S+)", metas[f], re.M).group(1)
newest = max(files, key=lambda f: (date(f), f))
region = re.search(r"^region: \[([^,\]]+)", metas[newest], re.M).group(1).strip().strip('"')
slug = lambda f: os.path.basename(f)[:-3]

def timed(path, change, pages):
    """Writes change(text) to path; returns the seconds until each page serves its marker."""
    text = open(path, encoding="utf-8").read()
    new, marker = change(text)
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    out = []
    for page in pages:
        wait(page, marker)
        out.append(time.perf_counter() - start)
    return out

def report(name, runs):
    ms = [r * 1000 for r in runs]
    print(f"  {name:<34} median {statistics.median(ms):8.1f} ms   runs: " + " ".join(f"{m:.1f}" for m in ms))

body, home, term = [], [], []
for i in range(edits):
    f = files[(i * 997 + 13) % len(files)]
    def add_sentence(text, i=i):
        marker = f"벤치마크 본문 수정 {i} {time.time_ns()}"
        return text.rstrip("\n") + f"\n\n{marker}\n", marker
    body += timed(f, add_sentence, [f"/briefs/{slug(f)}/"])
    time.sleep(0.3)  # let the server settle between edits
for i in range(edits):
    def retitle(text, i=i):
        marker = f"벤치마크 제목 {i} {time.time_ns()}"
        return re.sub(r"^title: .*$", f'title: "{marker}"', text, count=1, flags=re.M), marker
    done = builds()
    h, t = timed(newest, retitle, ["/", f"/regions/{region}/"])
    home.append(h); term.append(t)
    # The rest of the site is still being rendered: start the next edit on an idle server.
    deadline = time.time() + 600
    while builds() == done and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
print("live edits (file write → new text served):")
report("body edit: the brief's page", body)
report("front matter edit: home page", home)
report(f"front matter edit: /regions/{region}/", term)
PY
echo "(server log: $WORK/serve.log; work folder: $WORK)"
