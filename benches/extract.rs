//! Extraction time on the document fixtures: per PDF page (items = pages) and per document.
//!
//! `cargo bench --bench extract`. Run on realistic resumes: one-page LibreOffice and LaTeX PDFs,
//! a four-page CV, a Ghostscript PDF that needs the content-stream path, a DOCX, HTML and text.
use std::path::Path;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use skillgap::extract::{from_bytes, Limits};

fn main() {
    divan::main();
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/docs")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Time per page: the item counter is the page count, so divan's `items/s` is pages per second.
#[divan::bench(args = [
    "one-column-libreoffice.pdf",
    "two-column-letter-spaced.pdf",
    "latex-ligatures.pdf",
    "four-pages-running-header-footer.pdf",
    "ghostscript-quote-operator.pdf",
])]
fn pdf_pages(bencher: Bencher, name: &str) {
    let bytes = fixture(name);
    let limits = Limits::default();
    let pages = from_bytes(&bytes, None, &limits)
        .expect("fixture extracts")
        .pages
        .expect("a PDF has pages");
    bencher
        .counter(ItemsCount::new(pages))
        .bench(|| from_bytes(black_box(&bytes), None, &limits));
}

/// Time per document for the other formats.
#[divan::bench(args = [
    "table-and-bullets.docx",
    "script-style-entities.html",
    "utf16le-bom.txt",
    "windows-1252.txt",
])]
fn other_documents(bencher: Bencher, name: &str) {
    let bytes = fixture(name);
    let limits = Limits::default();
    bencher
        .counter(BytesCount::of_slice(&bytes))
        .bench(|| from_bytes(black_box(&bytes), Some(name), &limits));
}

/// Rejections must be cheap: a scanned PDF and random bytes.
#[divan::bench(args = ["scanned-image-only.pdf", "random-bytes.pdf", "encrypted-user-password.pdf"])]
fn rejected_documents(bencher: Bencher, name: &str) {
    let bytes = fixture(name);
    let limits = Limits::default();
    bencher.bench(|| from_bytes(black_box(&bytes), None, &limits).is_err());
}
