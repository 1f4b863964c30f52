//! Hostile PDFs built on the fly with lopdf: each must cost only itself, never the process.
#![cfg(feature = "extract")]

use std::io::Write;
use std::time::{Duration, Instant};

use lopdf::{dictionary, Document, Object, ObjectId, Stream};
use skillgap::extract::{from_bytes, ExtractError, Limits, PdfPath};

/// A one-page PDF whose page draws `content`, with Helvetica as /F1 and the given extra
/// XObjects (name → id) in its resources; `build` may add objects first.
fn pdf(build: impl FnOnce(&mut Document) -> (Vec<u8>, Vec<(&'static str, ObjectId)>)) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let (content, xobjects) = build(&mut doc);
    let mut xdict = lopdf::Dictionary::new();
    for (name, id) in xobjects {
        xdict.set(name, Object::Reference(id));
    }
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
        "XObject" => xdict,
    });
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

const TEXT: &[u8] = b"BT /F1 12 Tf 72 760 Td (Skills: Rust, PostgreSQL, Kubernetes and Terraform) Tj 0 -16 Td (Experience: ten years of backend work in Rust and Go) Tj ET";

/// Run `f` on a thread and fail if it does not finish in `limit` (a hang would otherwise block
/// the test run).
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit).expect("extraction hung")
}

#[test]
fn plain_generated_pdf_extracts() {
    let bytes = pdf(|_| (TEXT.to_vec(), vec![]));
    let doc = from_bytes(&bytes, None, &Limits::default()).unwrap();
    assert!(
        doc.text
            .contains("Skills: Rust, PostgreSQL, Kubernetes and Terraform"),
        "{}",
        doc.text
    );
    assert_eq!(doc.page_paths, [PdfPath::PdfExtract]);
}

#[test]
fn pdf_extract_panic_is_caught_and_the_page_read_another_way() {
    // `Tj` with a number: pdf-extract panics ("unexpected Tj operand").
    let mut content = TEXT.to_vec();
    content.extend_from_slice(b" BT /F1 12 Tf 5 Tj ET");
    let bytes = pdf(|_| (content, vec![]));
    let doc = from_bytes(&bytes, None, &Limits::default()).unwrap();
    assert_eq!(doc.page_paths, [PdfPath::ContentStream]);
    assert!(doc.text.contains("PostgreSQL"), "{}", doc.text);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("pdf-extract failed")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn form_xobject_that_draws_itself_does_not_overflow_the_stack() {
    // pdf-extract follows `Do` recursively without a depth limit: this would be a stack overflow
    // (an abort, not a panic). The walk notices the cycle and pdf-extract is not run.
    let bytes = pdf(|doc| {
        let form_id = doc.new_object_id();
        let resources = dictionary! { "XObject" => dictionary! { "X1" => form_id } };
        let form = Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()], "Resources" => resources },
            b"/X1 Do".to_vec(),
        );
        doc.objects.insert(form_id, Object::Stream(form));
        let mut content = TEXT.to_vec();
        content.extend_from_slice(b" /X1 Do");
        (content, vec![("X1", form_id)])
    });
    let doc = within(Duration::from_secs(20), move || {
        from_bytes(&bytes, None, &Limits::default())
    })
    .unwrap();
    assert!(doc.text.contains("Kubernetes"), "{}", doc.text);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("nest too deep, loop")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn form_xobjects_drawn_ten_times_at_each_of_ten_levels_do_not_hang() {
    // 10^10 form draws without a cycle: bounded by the walk's operation budget, and pdf-extract
    // (which has no budget) is not run on the page.
    let bytes = pdf(|doc| {
        let ids: Vec<ObjectId> = (0..10).map(|_| doc.new_object_id()).collect();
        for (level, id) in ids.iter().enumerate() {
            let (content, resources) = match ids.get(level + 1) {
                Some(next) => (
                    b"/N Do ".repeat(10),
                    dictionary! { "XObject" => dictionary! { "N" => *next } },
                ),
                None => (b"BT /F1 1 Tf (x) Tj ET".to_vec(), dictionary! {}),
            };
            let form = Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()], "Resources" => resources },
                content,
            );
            doc.objects.insert(*id, Object::Stream(form));
        }
        let mut content = TEXT.to_vec();
        content.extend_from_slice(b" /X0 Do");
        (content, vec![("X0", ids[0])])
    });
    let started = Instant::now();
    let doc = within(Duration::from_secs(60), move || {
        from_bytes(&bytes, None, &Limits::default())
    })
    .unwrap();
    assert!(
        doc.text.contains("Terraform"),
        "{}",
        &doc.text[..200.min(doc.text.len())]
    );
    assert!(
        doc.warnings.iter().any(|w| w.contains("repeat too often")),
        "{:?}",
        doc.warnings
    );
    eprintln!("fan-out bomb read in {:?}", started.elapsed());
}

#[test]
fn compressed_content_bomb_is_capped_before_decompression() {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(TEXT).unwrap();
    enc.write_all(&vec![b' '; 8 * 1024 * 1024]).unwrap();
    let packed = enc.finish().unwrap();
    let bytes = {
        let mut doc_bytes = pdf(|_| (Vec::new(), vec![]));
        // Replace the empty content by the bomb: rebuild with a Filter.
        let mut doc = Document::load_mem(&doc_bytes).unwrap();
        let page = *doc.get_pages().values().next().unwrap();
        let content_id = doc
            .get_dictionary(page)
            .unwrap()
            .get(b"Contents")
            .unwrap()
            .as_reference()
            .unwrap();
        let mut stream = Stream::new(dictionary! { "Filter" => "FlateDecode" }, packed);
        stream.allows_compression = false;
        doc.objects.insert(content_id, Object::Stream(stream));
        doc_bytes.clear();
        doc.save_to(&mut doc_bytes).unwrap();
        doc_bytes
    };
    let limits = Limits {
        max_decompressed: 1024 * 1024,
        ..Limits::default()
    };
    let started = Instant::now();
    let e = from_bytes(&bytes, None, &limits).unwrap_err();
    assert!(
        matches!(e, ExtractError::DecompressionLimit { .. }),
        "{e:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // Within the limit, the same file reads fine.
    let doc = from_bytes(&bytes, None, &Limits::default()).unwrap();
    assert!(doc.text.contains("Terraform"));
}

#[test]
fn page_tree_that_contains_itself_does_not_hang() {
    let bytes = pdf(|_| (TEXT.to_vec(), vec![]));
    let mut doc = Document::load_mem(&bytes).unwrap();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    if let Ok(Object::Dictionary(pages)) = doc.get_object_mut(root) {
        pages.set(
            "Kids",
            vec![
                Object::Reference(root),
                pages.get(b"Kids").unwrap().as_array().unwrap()[0].clone(),
            ],
        );
    }
    let mut looped = Vec::new();
    doc.save_to(&mut looped).unwrap();
    let result = within(Duration::from_secs(20), move || {
        from_bytes(&looped, None, &Limits::default()).map(|d| d.text)
    });
    if let Ok(text) = result {
        assert!(text.contains("Rust"));
    }
}

#[test]
fn many_pages_are_refused_before_reading_them() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let kids: Vec<Object> = (0..500)
        .map(|_| {
            doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] })
                .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 500 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let e = from_bytes(&bytes, None, &Limits::default()).unwrap_err();
    assert!(
        matches!(
            e,
            ExtractError::TooManyPages {
                pages: 500,
                limit: 50
            }
        ),
        "{e:?}"
    );
}

#[test]
fn deeply_nested_content_is_corrupt_not_a_crash() {
    let mut content = b"BT ".to_vec();
    content.extend(std::iter::repeat_n(b'[', 200_000));
    content.extend_from_slice(b" ET");
    let bytes = pdf(|_| (content, vec![]));
    let e = within(Duration::from_secs(20), move || {
        from_bytes(&bytes, None, &Limits::default()).unwrap_err()
    });
    assert!(
        matches!(&e, ExtractError::Corrupt { detail, .. } if detail.contains("content stream unreadable")),
        "{e:?}"
    );
}

/// A PDF with `n` empty pages, saved classic (every object top-level) or modern (pages inside
/// object streams).
fn many_pages(n: usize, modern: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let kids: Vec<Object> = (0..n)
        .map(|_| {
            doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] })
                .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => n as i64 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    if modern {
        doc.save_modern(&mut bytes).unwrap();
    } else {
        doc.save_to(&mut bytes).unwrap();
    }
    bytes
}

#[test]
fn a_hundred_thousand_pages_are_refused_quickly_in_either_layout() {
    for modern in [false, true] {
        let bytes = many_pages(100_000, modern);
        if let Ok(dir) = std::env::var("SKILLGAP_WRITE_DAMAGED") {
            std::fs::write(format!("{dir}/100k-pages-modern-{modern}.pdf"), &bytes).unwrap();
        }
        let started = Instant::now();
        let e = from_bytes(&bytes, None, &Limits::default()).unwrap_err();
        let elapsed = started.elapsed();
        // Classic: counted by the scan before lopdf loads anything. Modern: the pages are in
        // object streams; the load drops page dictionaries past 4 × the limit + 100 and stops
        // counting the tree.
        assert!(
            matches!(e, ExtractError::TooManyPages { limit: 50, pages } if pages > 300),
            "modern {modern}: {e:?}"
        );
        assert!(
            elapsed < Duration::from_secs(10),
            "modern {modern}: {elapsed:?}"
        );
    }
}

#[test]
fn a_few_pages_over_the_limit_are_counted_exactly() {
    let limits = Limits {
        max_pages: 5,
        ..Limits::default()
    };
    for modern in [false, true] {
        let e = from_bytes(&many_pages(7, modern), None, &limits).unwrap_err();
        assert!(
            matches!(e, ExtractError::TooManyPages { pages: 7, limit: 5 }),
            "{e:?}"
        );
    }
}
