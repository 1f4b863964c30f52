#!/bin/sh
# Make N two-page PDFs (default 1000) in DIR for the batch PDF benchmark (docs/PERFORMANCE.md):
# each joins two of the text PDFs in fixtures/docs (invented people), in turn, with pdfunite
# (Debian package poppler-utils).
#   scripts/make-pdf-batch.sh /tmp/pdf-batch 1000
set -eu
dir=${1:?usage: make-pdf-batch.sh DIR [N]}
n=${2:-1000}
here=$(dirname "$0")/../fixtures/docs
set -- one-column-libreoffice.pdf two-column-letter-spaced.pdf latex-ligatures.pdf ghostscript-quote-operator.pdf
mkdir -p "$dir"
i=0
while [ "$i" -lt "$n" ]; do
    a=$(( i % 4 + 1 )); b=$(( (i / 4) % 4 + 1 ))
    eval first=\${$a}; eval second=\${$b}
    pdfunite "$here/$first" "$here/$second" "$dir/$(printf 'cand-%04d.pdf' "$i")"
    i=$(( i + 1 ))
done
echo "$n two-page PDFs in $dir"
