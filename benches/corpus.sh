#!/usr/bin/env bash
# Deterministic corpus of realistic text resumes for the benchmarks
# (benches/batch.sh, benches/peers/run.sh): N resumes made from the fixture
# resumes, each varied by its own seed (bullets shuffled, name, years moved by
# the same shift, skills swapped for neighbours), about 3 KB each, written as
# DIR/part-NN/cand-NNNNN.txt (1,000 per folder). The same N gives the same
# files on every machine.
#
#   benches/corpus.sh N DIR
#
# Needs bash and awk.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 N DIR" >&2; exit 2; }
n=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
cd "$(dirname "$0")/.."
awk -v n="$n" -v out="$out" '
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
