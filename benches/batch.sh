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
# Needs bash, awk and GNU time (/usr/bin/time). Numbers go in docs/PERFORMANCE.md.
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

# generate N DIR: N resumes in DIR/part-NN/cand-NNNNN.txt (1000 per folder).
generate() {
    awk -v n="$1" -v out="$2" '
    function rnd(k) { seed = (seed * 16807) % 2147483647; return seed % k }
    BEGIN {
        split("Aarav Beatriz Chen Dmitri Esther Farah Goran Hana Ines Jonas Kavya Luca Mei Nadia Omar Pia Quentin Rosa Sanjay Tomas Uma Vera Wei Ximena Yusuf Zofia", first, " ")
        split("Okafor Lindqvist Mehta Watanabe Brennan Marquez Novak Haddad Kowalski Silva Nguyen Petrov Adeyemi Fischer Rossi Tanaka Kaur Dubois Larsen Moreau", last, " ")
        # skill swaps: a resume that says A may say B instead
        nswap = split("PostgreSQL:MySQL;Redis:Memcached;Kafka:RabbitMQ;AWS:GCP;Jenkins:GitLab CI;Docker:Podman;Spring Boot:Quarkus;Django:Flask;React:Vue.js;Kubernetes:Nomad;Python:Ruby;Terraform:Pulumi", swaps, ";")
    }
    FNR == 1 { nfix++ }
    { fix[nfix, ++len[nfix]] = $0 }
    function emit_run(   i, j, t) {
        # Fisher-Yates over the bullet items of one run
        for (i = nitems; i > 1; i--) { j = rnd(i) + 1; t = item[i]; item[i] = item[j]; item[j] = t }
        for (i = 1; i <= nitems; i++) text = text item[i]
        nitems = 0
    }
    END {
        for (c = 0; c < n; c++) {
            seed = c * 7919 + 104729
            f = c % nfix + 1
            shift = rnd(7) - 3
            text = ""; nitems = 0; named = 0
            for (l = 1; l <= len[f]; l++) {
                line = fix[f, l]
                if (!named && line ~ /[A-Za-z]/) {
                    line = toupper(first[rnd(26) + 1] " " last[rnd(20) + 1]); named = 1
                }
                # dates: move every year by the same shift, never past 2026
                out_line = ""
                while (match(line, /(19|20)[0-9][0-9]/)) {
                    y = substr(line, RSTART, 4) + shift; if (y > 2026) y = 2026
                    out_line = out_line substr(line, 1, RSTART - 1) y
                    line = substr(line, RSTART + RLENGTH)
                }
                line = out_line line
                for (s = 1; s <= nswap; s++) {
                    if (rnd(4) == 0) { split(swaps[s], ab, ":"); gsub(ab[1], ab[2], line) }
                }
                if (line ~ /^[ \t]*(•|➢|▪|●|-|\*) /) { item[++nitems] = line "\n"; continue }
                if (nitems > 0 && line ~ /^[ \t]+[^ \t]/) { item[nitems] = item[nitems] line "\n"; continue }
                if (nitems > 0) emit_run()
                text = text line "\n"
            }
            if (nitems > 0) emit_run()
            dir = sprintf("%s/part-%02d", out, int(c / 1000))
            if (!(dir in made)) { system("mkdir -p \"" dir "\""); made[dir] = 1 }
            file = sprintf("%s/cand-%05d.txt", dir, c)
            printf "%s", text > file
            close(file)
        }
    }' fixtures/resumes/*.txt fixtures/resumes/*.md fixtures/batch/good/*.txt
}

echo "# $(nproc) cores, load average before the run: $(cut -d" " -f1-3 /proc/loadavg)"
printf '%-8s %10s %10s %10s %10s %12s\n' files seconds "CPU s" files/s MB/s "peak RSS"
for n in "${sizes[@]}"; do
    dir=$(mktemp -d)
    generate "$n" "$dir"
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
