#!/usr/bin/env bash
# End-to-end benchmark of `skillgap batch`: generates N realistic text resumes
# from the fixture resumes, varied deterministically (bullets shuffled, names,
# dates and skills changed), then scores them with the release binary under
# `/usr/bin/time -v` and prints wall time, files/s, MB/s and peak RSS.
#
#   benches/batch.sh                 # N = 1000 and 10000
#   benches/batch.sh 500 5000        # other sizes
#   JOBS=1 benches/batch.sh 1000     # fewer threads (default: all cores)
#   KEEP=1 benches/batch.sh 1000     # keep the generated folder
#   TAXONOMY=my-role.yaml benches/batch.sh   # another taxonomy (default: the built-in one)
#
# The corpus comes from benches/corpus.sh. Needs bash, awk and GNU time
# (/usr/bin/time). Numbers go in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet
bin="$target/release/skillgap"
extra=()
[ -z "${JOBS:-}" ] || extra+=(--jobs "$JOBS")
[ -z "${TAXONOMY:-}" ] || extra+=(--taxonomy "$TAXONOMY")


echo "# $(nproc) cores, load average before the run: $(cut -d" " -f1-3 /proc/loadavg)"
printf '%-8s %10s %10s %10s %10s %12s\n' files seconds "CPU s" files/s MB/s "peak RSS"
for n in "${sizes[@]}"; do
    dir=$(mktemp -d)
    benches/corpus.sh "$n" "$dir"
    bytes=$(du -sb "$dir" | cut -f1)
    log=$(mktemp)
    status=0
    /usr/bin/time -v "$bin" batch "$dir" --as-of 2026-11 --format jsonl --output /dev/null \
        --quiet "${extra[@]}" 2>"$log" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        cat "$log" >&2; echo "skillgap batch exited with $status" >&2; exit 1
    fi
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { c += $2 } END { print c }' "$log")
    awk -v n="$n" -v s="$secs" -v c="$cpu" -v b="$bytes" -v r="$rss" 'BEGIN {
        printf "%-8d %10.2f %10.2f %10.0f %10.1f %9.1f MB\n", n, s, c, n / s, b / s / 1e6, r / 1024 }'
    rm -f "$log"
    if [ -n "${KEEP:-}" ]; then echo "kept $dir"; else rm -rf "$dir"; fi
done
