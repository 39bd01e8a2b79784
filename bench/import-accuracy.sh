#!/usr/bin/env bash
# Field-by-field accuracy of `annals import` on the real-article corpus in ../shared/import-corpus
# (scored by its own score.py: date, title, author, publisher, budget, attendees, regions, agenda).
# Usage: bench/import-accuracy.sh [--json FILE] [CORPUS_DIR ...]   (run from the repository root)
# With a directory, that set is scored instead: tests/import-variants holds articles we wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/import-corpus
if [ ! -f "$corpus/score.py" ]; then
    echo "import-accuracy: $corpus/score.py is not beside the repository; put the shared corpus at ../shared" >&2
    exit 1
fi
cargo build --release --quiet
python3 "$corpus/score.py" --annals target/release/annals "$@"
