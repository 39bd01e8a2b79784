#!/usr/bin/env bash
# Build benchmark: annals beside Hugo on the same generated archives, and annals with its budget
# charts and open data files against annals without them (`annals-off`: [charts] and [data]
# enabled = false), the two alternating run by run.
#
#   bash bench/build.sh                 # 1,000 and 10,000 briefs, 5 runs each, output on disk
#   SIZES="1000" RUNS=3 bash bench/build.sh
#   OUT_BASE=/dev/shm bash bench/build.sh    # output on tmpfs: the tools' work without the disk
#
# The corpus comes from ../shared/bench/gen_corpus.py (--flavor annals, and --flavor hugo with
# the equivalent Hugo templates), the same briefs for both tools. Every run builds into a
# fresh output folder (created empty, removed afterwards). Reported per tool and size: the
# median wall time and the median peak resident memory (GNU time's %M), with every run listed.
# Hugo is optional: without it (`apt-get install hugo`), only annals is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d /tmp/annals-bench.XXXXXX)}
OUT_BASE=${OUT_BASE:-$WORK}
GEN=../shared/bench/gen_corpus.py
[ -f "$GEN" ] || { echo "bench: $GEN not found (../shared must sit beside the repository)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2; exit 1; }

cargo build --release --quiet
ANNALS=${CARGO_TARGET_DIR:-target}/release/annals
HUGO=$(command -v hugo || true)

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run TOOL SIZE CMD...: RUNS builds into fresh folders; prints one summary line.
run() {
  local tool=$1 size=$2; shift 2
  local times=() mems=()
  for i in $(seq "$RUNS"); do
    local out="$OUT_BASE/out-$tool-$size-$i"
    rm -rf "$out"
    sync
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" "$out" >/dev/null 2>"$WORK/stderr" ||
      { cat "$WORK/stderr" >&2; echo "bench: $tool failed" >&2; exit 1; }
    read -r secs kb <"$WORK/time"
    times+=("$secs"); mems+=("$kb")
    rm -rf "$out"
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${mems[@]}" | median)
  printf '%-7s %6s briefs  median %6.2f s  peak %5.0f MB   runs: %s\n' \
    "$tool" "$size" "$t" "$(echo "$m / 1024" | bc -l)" "${times[*]}"
}

# run_pair SIZE ON_SITE OFF_SITE: annals on both sites, alternating run by run; one line each
# (`annals` with charts + data files, `annals-off` without) and the relative cost.
run_pair() {
  local size=$1 on=$2 off=$3
  local t_on=() t_off=() m_on=() m_off=() c_on=() c_off=()
  for i in $(seq "$RUNS"); do
    for which in on off; do
      local site=$on
      [ "$which" = off ] && site=$off
      local out="$OUT_BASE/out-annals-$which-$size-$i"
      rm -rf "$out"
      sync
      /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$ANNALS" build --root "$site" --output "$out" >/dev/null 2>"$WORK/stderr" ||
        { cat "$WORK/stderr" >&2; echo "bench: annals ($which) failed" >&2; exit 1; }
      read -r secs kb user sys <"$WORK/time"
      local cpu
      cpu=$(echo "$user + $sys" | bc -l)
      if [ "$which" = on ]; then
        t_on+=("$secs"); m_on+=("$kb"); c_on+=("$cpu")
      else
        t_off+=("$secs"); m_off+=("$kb"); c_off+=("$cpu")
      fi
      rm -rf "$out"
    done
  done
  # CPU time (user + system) beside wall time: on a machine shared with other work the wall
  # time of one run swings with the load, the CPU a build needs much less.
  local a b ca cb
  for which in on off; do
    local -n ts="t_$which" ms="m_$which" cs="c_$which"
    local t m c label=annals
    [ "$which" = off ] && label=annals-off
    t=$(printf '%s\n' "${ts[@]}" | median)
    m=$(printf '%s\n' "${ms[@]}" | median)
    c=$(printf '%s\n' "${cs[@]}" | median)
    printf '%-10s %6s briefs  median %6.2f s  cpu %6.2f s  peak %5.0f MB   runs: %s  cpu runs: %s\n' \
      "$label" "$size" "$t" "$c" "$(echo "$m / 1024" | bc -l)" "${ts[*]}" "${cs[*]}"
    if [ "$which" = on ]; then a=$t; ca=$c; else b=$t; cb=$c; fi
  done
  printf '           charts + data files cost %+.1f%% wall time, %+.1f%% CPU time\n' \
    "$(echo "($a - $b) * 100 / $b" | bc -l)" "$(echo "($ca - $cb) * 100 / $cb" | bc -l)"
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
  run_pair "$n" "$WORK/annals-$n" "$off"
  if [ -n "$HUGO" ]; then
    run hugo "$n" "$HUGO" --quiet --source "$WORK/hugo-$n" --destination
  fi
done
echo "(work folder: $WORK)"
