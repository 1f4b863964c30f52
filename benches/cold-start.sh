#!/usr/bin/env bash
# Cold start of `skillgap score` against `skillgap --version` (issue 14's target: a cold
# score of a resume at most 6x --version): ROUNDS rounds, each timing RUNS runs of
# `--version` then RUNS runs of `score FILE --format json` with `perf stat -r`, and
# printing both mean wall times of the round and their ratio; then the median ratio.
# Rounds alternate the two binaries when OLD is given, for before/after comparisons
# on a shared machine.
#
#   benches/cold-start.sh                                   # the release build, a 4 KB fixture resume
#   benches/cold-start.sh FILE                              # another resume
#   ROUNDS=8 RUNS=50 OLD=path/to/old/skillgap benches/cold-start.sh
#
# Needs perf (linux-perf). Numbers go in docs/PERFORMANCE.md with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-fixtures/resumes/architect-cloud-platform.txt}
rounds=${ROUNDS:-8}
runs=${RUNS:-50}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet
new="$target/release/skillgap"
bins=("$new")
[ -n "${OLD:-}" ] && bins=("$OLD" "$new")

# Mean wall time of `perf stat -r RUNS` over the command, in milliseconds.
wall_ms() {
  perf stat -r "$runs" "$@" 2>&1 >/dev/null |
    awk '/seconds time elapsed/ { printf "%.2f", $1 * 1000 }'
}

echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $file; $rounds rounds of $runs runs"
printf '%-8s %-6s %12s %12s %7s\n' binary round version_ms score_ms ratio
declare -A ratios
for r in $(seq 1 "$rounds"); do
  for b in "${bins[@]}"; do
    name=new
    [ "$b" = "${OLD:-}" ] && name=old
    v=$(wall_ms "$b" --version)
    s=$(wall_ms "$b" score "$file" --format json)
    ratio=$(awk -v s="$s" -v v="$v" 'BEGIN { printf "%.2f", s / v }')
    ratios[$name]+="$ratio "
    printf '%-8s %-6s %12s %12s %7s\n' "$name" "$r" "$v" "$s" "$ratio"
  done
done
for name in "${!ratios[@]}"; do
  echo "${ratios[$name]}" | tr ' ' '\n' | sed '/^$/d' | sort -n |
    awk -v n="$name" '{ a[NR] = $1 } END {
      m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
      printf "# %s: median ratio %.2f (%s to %s) over %d rounds\n", n, m, a[1], a[NR], NR }'
done
