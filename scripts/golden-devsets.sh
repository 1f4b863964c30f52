#!/usr/bin/env bash
# Golden check over the development sets: one SHA-256 per report, so that a change meant to keep
# behaviour can be shown to keep every report byte-identical. The development sets are personal
# data: they stay where they are (../shared/eval, or $SKILLGAP_EVAL) and the hash lists are
# written under target/golden-devsets/, never into the repository.
#
#   scripts/golden-devsets.sh save NAME [BINARY]     write target/golden-devsets/NAME.sha256
#   scripts/golden-devsets.sh check NAME [BINARY]    compare with NAME.sha256; exit 1 on a difference
#
# BINARY defaults to target/release/skillgap. Typical use: `save before` on main's binary,
# make the change, `check before` on the new one. Reports covered (docs/ACCURACY.md):
#   - score --format json --as-of 2026-12 of every resume of labels.json and jsonresume/labels.json
#   - eval --format json of both label files
#   - score --jd --format json --as-of 2026-12 of every posting of jobs/ against every resume
#     of fixtures/resumes/ (made-up resumes, so each posting meets several profiles)
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:?usage: $0 save|check NAME [BINARY]}
name=${2:?usage: $0 save|check NAME [BINARY]}
bin=${3:-target/release/skillgap}
eval_dir=${SKILLGAP_EVAL:-../shared/eval}
out_dir=target/golden-devsets
[ -x "$bin" ] || { echo "no binary at $bin (cargo build --release)" >&2; exit 2; }
[ -f "$eval_dir/labels.json" ] || { echo "no development set at $eval_dir" >&2; exit 2; }
mkdir -p "$out_dir"

# One line per report: "<sha256>  <what>"; the exit code is part of the report.
report() {
  local what=$1; shift
  local hash
  hash=$({ "$bin" "$@" 2>/dev/null; echo "# exit $?"; } | sha256sum | cut -d' ' -f1)
  echo "$hash  $what"
}

resumes_of() { # labels file -> resume paths, one a line
  python3 -c 'import json,sys; [print(r["file"]) for r in json.load(open(sys.argv[1]))["resumes"]]' "$1"
}

list() {
  for labels in "$eval_dir/labels.json" "$eval_dir/jsonresume/labels.json"; do
    [ -f "$labels" ] || continue
    local dir set
    dir=$(dirname "$labels")
    set=$(basename "$dir")
    while read -r f; do
      report "score $set/$f" score --format json --as-of 2026-12 "$dir/$f"
    done < <(resumes_of "$labels")
    report "eval $set" eval --format json "$labels"
  done
  for job in "$eval_dir"/jobs/*.txt; do
    [ -f "$job" ] || continue
    for r in fixtures/resumes/*; do
      report "jd jobs/$(basename "$job") $(basename "$r")" \
        score --format json --as-of 2026-12 --jd "$job" "$r"
    done
  done
}

case $mode in
  save)
    list > "$out_dir/$name.sha256"
    echo "$(wc -l < "$out_dir/$name.sha256") reports hashed into $out_dir/$name.sha256"
    ;;
  check)
    [ -f "$out_dir/$name.sha256" ] || { echo "no $out_dir/$name.sha256: run save first" >&2; exit 2; }
    list > "$out_dir/$name.now.sha256"
    if diff <(awk '{ $1 = $1 } 1' "$out_dir/$name.sha256") <(awk '{ $1 = $1 } 1' "$out_dir/$name.now.sha256") > "$out_dir/$name.diff"; then
      echo "all $(wc -l < "$out_dir/$name.now.sha256") reports byte-identical to $name"
    else
      echo "reports differ from $name (< before, > now):" >&2
      grep '^[<>]' "$out_dir/$name.diff" | sort -k3 | head -40 >&2
      exit 1
    fi
    ;;
  *) echo "usage: $0 save|check NAME [BINARY]" >&2; exit 2 ;;
esac
