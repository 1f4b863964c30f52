#!/usr/bin/env bash
# Regenerates data/english-words.txt and data/jd-short-words.txt from Debian's wamerican (SCOWL).
# Needs apt-get download and dpkg; the committed file is what builds use.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download wamerican >/dev/null && dpkg -x wamerican_*.deb x)
out="$here/data/english-words.txt"
head -n 10 "$out" > "$tmp/header"
{ cat "$tmp/header"; grep -x '[a-z]\{5,\}' "$tmp/x/usr/share/dict/american-english" | LC_ALL=C sort -u; } > "$out"
echo "wrote $(grep -vc '^#' "$out") words to $out"
# Short words (2-4 letters) for the job-description parser's "not recognised" terms.
short="$here/data/jd-short-words.txt"
head -n 10 "$short" > "$tmp/short-header"
{ cat "$tmp/short-header"; grep -x '[a-z]\{2,4\}' "$tmp/x/usr/share/dict/american-english"; } > "$short"
echo "wrote $(grep -vc '^#' "$short") words to $short"
