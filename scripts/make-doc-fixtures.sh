#!/usr/bin/env bash
# Regenerate the binary document fixtures in fixtures/docs/ from the sources in fixtures/docs/src/.
#
# The tests only read the committed files; this script is for when a fixture has to change.
# Output differs byte for byte between runs (tools embed dates and ids), not in what it proves.
#
# Needs Debian packages (run as root, once):
#   apt-get update
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui ghostscript qpdf \
#       poppler-utils img2pdf enscript texlive-latex-base fonts-dejavu-core fonts-liberation2
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/fixtures/docs"
src="$out/src"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in soffice gs ps2pdf qpdf pdftoppm img2pdf enscript pdflatex iconv python3; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool (see the header of $0)" >&2; exit 2; }
done

# LibreOffice keeps a profile; use a throwaway one so the run does not depend on ~/.config.
lo() { soffice -env:UserInstallation="file://$work/lo-profile" --headless "$@" >/dev/null 2>&1; }

cd "$work"
cp "$src"/* .

# --- LibreOffice: HTML imported as a Writer document (not Writer/Web), then PDF and DOCX --------
lo --infilter="HTML (StarWriter)" --convert-to odt daniel-okafor-java.html
lo --convert-to pdf daniel-okafor-java.odt
lo --convert-to docx daniel-okafor-java.odt
cp daniel-okafor-java.pdf "$out/one-column-libreoffice.pdf"
cp daniel-okafor-java.docx "$out/table-and-bullets.docx"

lo --infilter="HTML (StarWriter)" --convert-to odt maria-lindqvist-two-column.html
lo --convert-to pdf maria-lindqvist-two-column.odt
cp maria-lindqvist-two-column.pdf "$out/two-column-letter-spaced.pdf"
# The HTML itself is the HTML fixture: script, style, comment, entities, a layout table.
cp maria-lindqvist-two-column.html "$out/script-style-entities.html"
# An OpenDocument file is a zip but not DOCX.
cp maria-lindqvist-two-column.odt "$out/opendocument-not-docx.odt"

# --- Ghostscript: enscript writes PostScript, ps2pdf turns each new line into the ' operator ----
enscript --quiet --no-header --font=Courier10 --output=kenji.ps kenji-watanabe-devops.txt
ps2pdf kenji.ps "$out/ghostscript-quote-operator.pdf"

# --- pdfLaTeX without ToUnicode maps: the text holds ligature glyphs (ﬁ ﬂ ﬀ ﬃ ﬄ) ------------------
printf '\\pdfgentounicode=0\n\\input{arjun-mehta-ligatures.tex}\n' > ligatures-main.tex
pdflatex -interaction=nonstopmode ligatures-main.tex >/dev/null 2>&1
cp ligatures-main.pdf "$out/latex-ligatures.pdf"

# --- Four pages with a running header and a "Page N of 4" footer --------------------------------
pdflatex -interaction=nonstopmode sofia-marquez-long-cv.tex >/dev/null 2>&1
pdflatex -interaction=nonstopmode sofia-marquez-long-cv.tex >/dev/null 2>&1
cp sofia-marquez-long-cv.pdf "$out/four-pages-running-header-footer.pdf"

# --- A "scan": page 1 rendered to a grey JPEG, wrapped as an image-only PDF ----------------------
pdftoppm -r 80 -gray -jpeg -jpegopt quality=60 -f 1 -l 1 daniel-okafor-java.pdf scan
img2pdf --output "$out/scanned-image-only.pdf" scan-1.jpg

# --- Encryption: a user password, and an owner password only (opens without one) ----------------
qpdf --encrypt secret-user secret-owner 256 -- daniel-okafor-java.pdf "$out/encrypted-user-password.pdf"
qpdf --encrypt "" secret-owner 256 -- daniel-okafor-java.pdf "$out/owner-password-only.pdf"

# --- Broken and misnamed files ---------------------------------------------------------------
size=$(stat -c %s daniel-okafor-java.pdf)
head -c $((size / 2)) daniel-okafor-java.pdf > "$out/truncated-half.pdf"
: > "$out/zero-bytes.pdf"
cp daniel-okafor-java.docx "$out/really-docx.pdf"
python3 -c 'import random,sys; r=random.Random(4); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(4096)))' \
    > "$out/random-bytes.pdf"

# --- Text encodings ---------------------------------------------------------------------------
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE zoe-brennan-encodings.txt; } > "$out/utf16le-bom.txt"
iconv -f UTF-8 -t WINDOWS-1252 zoe-brennan-encodings.txt > "$out/windows-1252.txt"
# UTF-8 bytes that were once decoded as Windows-1252 and saved again as UTF-8 ("â€¢" for "•").
python3 -c 'import sys; t=open(sys.argv[1],encoding="utf-8").read(); sys.stdout.write(t.encode("utf-8").decode("cp1252",errors="replace"))' \
    zoe-brennan-encodings.txt > "$out/mojibake-utf8-read-as-cp1252.txt"

ls -l "$out"
