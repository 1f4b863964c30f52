#!/usr/bin/env bash
# skillgap side by side with the Python keyword extractors a Python user would
# reach for (flashtext, pyahocorasick), on the same skill list and the same
# generated corpus, one core each.
#
#   benches/peers/run.sh            # N = 10000 resumes
#   benches/peers/run.sh 2000       # another N
#   RUNS=3 benches/peers/run.sh     # each tool 3 times, the run with least CPU time kept
#   PYTHON=python3.12 benches/peers/run.sh
#
# What it does, all in one temporary folder that is removed at the end:
# 1. builds the release binary and `examples/keywords.rs`;
# 2. makes a Python virtualenv and installs flashtext and pyahocorasick from
#    PyPI (the only network access; pip's cache is off);
# 3. exports the skill list with `skillgap taxonomy list --format json` (every
#    name, alias and ambiguous spelling);
# 4. generates N text resumes with benches/corpus.sh (deterministic);
# 5. runs, one process each, under /usr/bin/time: `skillgap batch --jobs 1`,
#    `skillgap batch` (all cores), the Rust keyword stage alone
#    (examples/keywords.rs), and benches/peers/extract.py for each library.
#    Every tool walks the folder and reads every file inside its timed run.
#
# Prints a table: wall and CPU seconds, peak RSS, documents per second per
# core (N / CPU seconds of the whole process; for the keyword tools also of
# their search loop alone, which leaves out interpreter start and automaton
# building), and how many times faster `skillgap batch --jobs 1` is.
#
# skillgap does much more than the keyword extractors: it reads sections,
# confirms ambiguous words by context, runs the taxonomy's patterns, fuzzy
# matching and negation/hedge cues, finds years of experience and scores five
# levels with gaps. The `keywords` row is the part that compares like for like.
#
# Not part of `cargo test` or `.ci/run`. Numbers go in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
runs=${RUNS:-1}
python=${PYTHON:-python3}
target=${CARGO_TARGET_DIR:-target}
flashtext=2.7 # pinned, so that runs compare
pyahocorasick=2.3.1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building" >&2
cargo build --release --quiet
cargo build --release --quiet --example keywords
bin="$target/release/skillgap"
keywords="$target/release/examples/keywords"

echo "installing flashtext and pyahocorasick into a virtualenv in $tmp" >&2
"$python" -m venv "$tmp/venv"
PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    "$tmp/venv/bin/pip" install --quiet "flashtext==$flashtext" "pyahocorasick==$pyahocorasick"
py="$tmp/venv/bin/python"

"$bin" taxonomy list --format json >"$tmp/taxonomy.json"
echo "generating $n resumes" >&2
benches/corpus.sh "$n" "$tmp/corpus"
bytes=$(du -sb "$tmp/corpus" | cut -f1)
cat "$tmp"/corpus/*/* >/dev/null # every tool starts with the files in the page cache

# measure NAME COMMAND...: runs it $runs times under /usr/bin/time, keeps the
# run with least CPU time in $tmp/NAME.time (wall, user, sys, max RSS KB) and
# its stdout in $tmp/NAME.out.
measure() {
    local name=$1 best="" i cpu
    shift
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >"$tmp/o"
        cpu=$(awk '{ print $2 + $3 }' "$tmp/t")
        if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$cpu
            mv "$tmp/t" "$tmp/$name.time"
            mv "$tmp/o" "$tmp/$name.out"
        fi
    done
}

load_before=$(cut -d" " -f1-3 /proc/loadavg)
echo "running (load average $load_before)" >&2
mkdir "$tmp/one" && cp "$tmp/corpus/part-00/cand-00000.txt" "$tmp/one/"
measure skillgap-start "$bin" batch "$tmp/one" --as-of 2026-11 --format jsonl \
    --output /dev/null --quiet --jobs 1
measure skillgap-1 "$bin" batch "$tmp/corpus" --as-of 2026-11 --format jsonl \
    --output /dev/null --quiet --jobs 1
measure skillgap-all "$bin" batch "$tmp/corpus" --as-of 2026-11 --format jsonl \
    --output /dev/null --quiet
measure keywords "$keywords" "$tmp/corpus"
measure flashtext "$py" benches/peers/extract.py flashtext "$tmp/taxonomy.json" "$tmp/corpus"
measure pyahocorasick "$py" benches/peers/extract.py pyahocorasick "$tmp/taxonomy.json" "$tmp/corpus"
load_after=$(cut -d" " -f1-3 /proc/loadavg)

# json FIELD FILE: a number from a one-line JSON object (no jq needed).
json() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p" "$2"; }

echo "# $n resumes, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), load average $load_before before, $load_after after"
spellings=$("$py" -c 'import json, sys
s = json.load(open(sys.argv[1]))["skills"]
print(len(s), "skills,", sum(1 + len(x["aliases"]) + len(x["ambiguous"]) for x in s), "spellings")' "$tmp/taxonomy.json")
echo "# $("$bin" --version), $("$py" --version), flashtext $flashtext, pyahocorasick $pyahocorasick; $spellings"
start=$(awk '{ print $2 + $3 }' "$tmp/skillgap-start.time")
loop1=$(awk -v s="$start" '{ print $2 + $3 - s }' "$tmp/skillgap-1.time")
base=$(awk -v n="$n" -v l="$loop1" 'BEGIN { print n / l }')
kwbase=$(awk -v n="$n" -v l="$(json loop_s "$tmp/keywords.out")" 'BEGIN { print n / l }')
printf '%-34s %8s %8s %9s %12s %12s %13s %13s\n' tool "wall s" "CPU s" "peak RSS" "docs/s/core" "loop only" "skillgap/tool" "keywords/tool"
row() { # row LABEL NAME [LOOP_CPU_SECONDS]
    awk -v label="$1" -v n="$n" -v base="$base" -v kw="$kwbase" -v loop="${3:-}" '{
        cpu = $2 + $3; rate = n / cpu
        lrate = loop == "" ? "" : sprintf("%.0f", n / loop)
        vs = loop == "" ? "" : sprintf("%.2f", base / (n / loop))
        vk = loop == "" ? "" : sprintf("%.2f", kw / (n / loop))
        printf "%-34s %8.2f %8.2f %6.1f MB %12.0f %12s %13s %13s\n", label, $1, cpu, $4 / 1024, rate, lrate, vs, vk
    }' "$tmp/$2.time"
}
row "skillgap batch --jobs 1" skillgap-1 "$loop1"
row "skillgap batch ($(nproc) threads)" skillgap-all
row "keyword stage alone (Rust)" keywords "$(json loop_s "$tmp/keywords.out")"
row "flashtext" flashtext "$(json loop_cpu_s "$tmp/flashtext.out")"
row "pyahocorasick + boundary check" pyahocorasick "$(json loop_cpu_s "$tmp/pyahocorasick.out")"
echo "# docs/s/core = N / CPU seconds of the whole process. 'loop only' leaves out start-up and"
echo "# building the automata: for skillgap, CPU seconds minus those of a batch of one file"
echo "# ($start s); for the Python tools, CPU seconds of their loop; for the Rust keyword stage, wall"
echo "# seconds of its loop (one thread). skillgap/tool = documents per core that 'skillgap batch"
echo "# --jobs 1' scores per document the tool extracts, loop against loop; below 1, the tool is faster."
echo "# keywords/tool = the same for the Rust keyword stage alone (like for like)."
for t in keywords flashtext pyahocorasick; do
    echo "# $t: $(json matches "$tmp/$t.out") matches, $(json skills_per_doc "$tmp/$t.out") skills per document"
done
