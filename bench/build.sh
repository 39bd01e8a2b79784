#!/usr/bin/env bash
# Build benchmark: annals beside Hugo and beside the floor on the same generated archives, and
# annals with its budget charts and open data files against annals without them (`annals-off`:
# [charts] and [data] enabled = false). The tools alternate run by run (annals, annals-off,
# floor, Hugo, then again), so that every figure of one size comes from the same machine load.
#
#   bash bench/build.sh                 # 1,000 and 10,000 briefs, 5 runs each, output on disk
#   SIZES="1000" RUNS=3 bash bench/build.sh
#   OUT_BASE=/dev/shm bash bench/build.sh    # output on tmpfs: the tools' work without the disk
#
# The corpus comes from ../shared/bench/gen_corpus.py (--flavor annals, and --flavor hugo with
# the equivalent Hugo templates), the same briefs for both tools. Every run builds into a
# fresh output folder (created empty, removed afterwards). Reported per tool and size: the
# median wall time, the median CPU time (user + system) and the median peak resident memory
# (GNU time's %M), with every run listed; then the ratios issue 12's targets are stated in
# (annals' wall time over Hugo's, annals' CPU time over the floor's).
# The floor is examples/floor.rs: read + split + serde_yaml + pulldown-cmark + write one file
# per brief, nothing else.
# Hugo is optional: without it (`apt-get install hugo`), only annals and the floor are measured.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d /tmp/annals-bench.XXXXXX)}
OUT_BASE=${OUT_BASE:-$WORK}
GEN=../shared/bench/gen_corpus.py
[ -f "$GEN" ] || { echo "bench: $GEN not found (../shared must sit beside the repository)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2; exit 1; }

cargo build --release --quiet --bin annals --example floor
ANNALS=${CARGO_TARGET_DIR:-target}/release/annals
FLOOR=${CARGO_TARGET_DIR:-target}/release/examples/floor
HUGO=$(command -v hugo || true)

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# measure TOOL CMD...: one build into a fresh folder (the folder is the last argument); appends
# the wall time, the peak memory and the CPU time to the arrays named wall_TOOL, mem_TOOL, cpu_TOOL.
measure() {
  local tool=$1; shift
  local out="$OUT_BASE/out-$tool"
  rm -rf "$out"
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$@" "$out" >/dev/null 2>"$WORK/stderr" ||
    { cat "$WORK/stderr" >&2; echo "bench: $tool failed" >&2; exit 1; }
  rm -rf "$out"
  local secs kb user sys
  read -r secs kb user sys <"$WORK/time"
  local -n w="wall_${tool//-/_}" m="mem_${tool//-/_}" c="cpu_${tool//-/_}"
  w+=("$secs"); m+=("$kb"); c+=("$(echo "$user + $sys" | bc -l)")
}

# report TOOL SIZE: the summary line of TOOL's runs; sets WALL and CPU to its medians.
report() {
  local tool=$1 size=$2
  local -n w="wall_${tool//-/_}" m="mem_${tool//-/_}" c="cpu_${tool//-/_}"
  WALL=$(printf '%s\n' "${w[@]}" | median)
  CPU=$(printf '%s\n' "${c[@]}" | median)
  local mem
  mem=$(printf '%s\n' "${m[@]}" | median)
  printf '%-10s %6s briefs  median %6.2f s  cpu %6.2f s  peak %5.0f MB   runs: %s  cpu runs: %s\n' \
    "$tool" "$size" "$WALL" "$CPU" "$(echo "$mem / 1024" | bc -l)" "${w[*]}" "${c[*]}"
}

# run_size SIZE SITE OFF_SITE: RUNS rounds of every tool in turn; one line per tool, then the
# ratios. CPU time (user + system) beside wall time: on a machine shared with other work the wall
# time of one run swings with the load, the CPU a build needs much less.
run_size() {
  local size=$1 on=$2 off=$3
  wall_annals=(); mem_annals=(); cpu_annals=()
  wall_annals_off=(); mem_annals_off=(); cpu_annals_off=()
  wall_floor=(); mem_floor=(); cpu_floor=()
  wall_hugo=(); mem_hugo=(); cpu_hugo=()
  for _ in $(seq "$RUNS"); do
    measure annals "$ANNALS" build --root "$on" --output
    measure annals-off "$ANNALS" build --root "$off" --output
    measure floor "$FLOOR" "$on"
    if [ -n "$HUGO" ]; then measure hugo "$HUGO" --quiet --source "$WORK/hugo-$size" --destination; fi
  done
  local a_wall a_cpu off_wall off_cpu f_cpu
  report annals "$size"; a_wall=$WALL; a_cpu=$CPU
  report annals-off "$size"; off_wall=$WALL; off_cpu=$CPU
  report floor "$size"; f_cpu=$CPU
  printf '           charts + data files cost %+.1f%% wall time, %+.1f%% CPU time\n' \
    "$(echo "($a_wall - $off_wall) * 100 / $off_wall" | bc -l)" "$(echo "($a_cpu - $off_cpu) * 100 / $off_cpu" | bc -l)"
  printf '           annals CPU / floor CPU = %.2f (issue 12: <= 2 at 10,000 briefs)\n' \
    "$(echo "$a_cpu / $f_cpu" | bc -l)"
  if [ -n "$HUGO" ]; then
    report hugo "$size"
    printf '           annals wall / Hugo wall = %.2f (issue 12: <= 0.18 at 10,000 briefs)\n' \
      "$(echo "$a_wall / $WALL" | bc -l)"
  fi
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); output under $OUT_BASE"
echo "annals: $($ANNALS --version)"
[ -n "$HUGO" ] && echo "hugo:   $($HUGO version | cut -d' ' -f1-2)"
for n in $SIZES; do
  for flavor in annals hugo; do
    [ "$flavor" = hugo ] && [ -z "$HUGO" ] && continue
    [ -d "$WORK/$flavor-$n" ] || python3 "$GEN" --n "$n" --out "$WORK/$flavor-$n" --flavor "$flavor" --seed 1 2>/dev/null
  done
  # The same corpus with the budget charts and the open data files turned off (content shared
  # through a symlink), built in alternation with the full build so that both figures come from
  # the same run under the same machine load.
  off="$WORK/annals-off-$n"
  if [ ! -d "$off" ]; then
    mkdir -p "$off"
    ln -s "$WORK/annals-$n/content" "$off/content"
    [ -d "$WORK/annals-$n/data" ] && ln -s "$WORK/annals-$n/data" "$off/data"
    { cat "$WORK/annals-$n/site.toml"; printf '\n[data]\nenabled = false\n\n[charts]\nenabled = false\n'; } >"$off/site.toml"
  fi
  run_size "$n" "$WORK/annals-$n" "$off"
done
echo "(work folder: $WORK)"
