//! Every fixture in `fixtures/docs/` yields its documented outcome; extraction never panics.
#![cfg(feature = "extract")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use skillgap::extract::{from_bytes, from_path, ExtractError, Extracted, Format, Limits, PdfPath};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/docs")
        .join(name)
}

fn extract(name: &str) -> Extracted {
    from_path(&fixture(name), &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn error(name: &str) -> ExtractError {
    match from_path(&fixture(name), &Limits::default()) {
        Ok(doc) => panic!("{name}: expected an error, got {} chars", doc.text.len()),
        Err(e) => e,
    }
}

#[track_caller]
fn assert_contains(doc: &Extracted, needles: &[&str]) {
    for n in needles {
        assert!(doc.text.contains(n), "missing {n:?} in:\n{}", doc.text);
    }
}

#[track_caller]
fn assert_lacks(doc: &Extracted, needles: &[&str]) {
    for n in needles {
        assert!(!doc.text.contains(n), "unexpected {n:?} in:\n{}", doc.text);
    }
}

/// Lines equal to `headings`, in this order, each present.
#[track_caller]
fn assert_heading_order(text: &str, headings: &[&str]) {
    let mut last = 0;
    for h in headings {
        let pos = text
            .lines()
            .position(|l| l.trim().eq_ignore_ascii_case(h))
            .unwrap_or_else(|| panic!("no heading line {h:?} in:\n{text}"));
        assert!(pos >= last, "heading {h:?} out of order in:\n{text}");
        last = pos;
    }
}

/// Words (letters and digits) in order: layout, bullets and table separators aside.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Byte position of `word` in `text` where it is not part of a longer word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

const DANIEL_SKILLS: &[&str] = &[
    "Java 17",
    "Kotlin",
    "SQL",
    "Python",
    "Spring Boot",
    "Spring Data JPA",
    "Hibernate",
    "JUnit 5",
    "Mockito",
    "PostgreSQL",
    "Redis",
    "Apache Kafka",
    "Elasticsearch",
    "Docker",
    "Kubernetes",
    "Terraform",
    "GitHub Actions",
    "Jenkins",
    "Testcontainers",
];
const DANIEL_SECTIONS: &[&str] = &[
    "Summary",
    "Skills",
    "Experience",
    "Education",
    "Certifications",
];

#[test]
fn one_column_libreoffice_pdf() {
    let doc = extract("one-column-libreoffice.pdf");
    assert_eq!(doc.format, Format::Pdf);
    assert_eq!(doc.pages, Some(1));
    assert_eq!(doc.page_paths, [PdfPath::PdfExtract]);
    assert_contains(&doc, &["Daniel Okafor", "daniel.okafor@example.com"]);
    assert_contains(&doc, DANIEL_SKILLS);
    assert_heading_order(&doc.text, DANIEL_SECTIONS);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn docx_with_table_and_bullets() {
    let doc = extract("table-and-bullets.docx");
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(doc.pages, None);
    assert_contains(&doc, DANIEL_SKILLS);
    assert_contains(
        &doc,
        &[
            "Languages | Java 17, Kotlin, SQL, Python",
            "Cloud & DevOps | Docker, Kubernetes, AWS (ECS, RDS, S3), Terraform, GitHub Actions, Jenkins",
            "\n• Designed and maintained 12 Spring Boot microservices",
            "\n• Containerised three legacy services with Docker",
        ],
    );
    assert_heading_order(&doc.text, DANIEL_SECTIONS);
    // Headings carry outline numbering with numId 0 in LibreOffice's DOCX: not list items.
    assert_lacks(&doc, &["• Skills", "• Summary"]);
}

#[test]
fn pdf_and_docx_of_the_same_resume_have_the_same_words_in_the_same_order() {
    let pdf = extract("one-column-libreoffice.pdf");
    let docx = extract("table-and-bullets.docx");
    assert_eq!(words(&pdf.text), words(&docx.text));
    for text in [&pdf.text, &docx.text] {
        assert_heading_order(text, DANIEL_SECTIONS);
        let skills_at = text.find("\nSkills\n").expect("skills heading");
        let experience_at = text.find("\nExperience\n").expect("experience heading");
        let section = &text[skills_at..experience_at];
        // The skills table lists them in this order; Testcontainers is only in Experience.
        let mut last = 0;
        for skill in DANIEL_SKILLS.iter().filter(|s| **s != "Testcontainers") {
            let pos =
                find_word(section, skill).unwrap_or_else(|| panic!("{skill} not under Skills"));
            assert!(pos >= last, "{skill} out of order");
            last = pos;
        }
    }
}

#[test]
fn docx_named_pdf_is_read_as_docx() {
    let doc = extract("really-docx.pdf");
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(doc.text, extract("table-and-bullets.docx").text);
}

#[test]
fn two_column_pdf_with_letter_spaced_headings() {
    let doc = extract("two-column-letter-spaced.pdf");
    assert_eq!(doc.page_paths, [PdfPath::PdfExtract]);
    assert_heading_order(
        &doc.text,
        &["SKILLS", "LANGUAGES", "PROFILE", "EXPERIENCE", "EDUCATION"],
    );
    assert_contains(
        &doc,
        &[
            "Maria Lindqvist",
            "TypeScript",
            "Redux Toolkit",
            "GraphQL",
            "Playwright",
            "Storybook",
            "Malmö",
        ],
    );
    assert_lacks(&doc, &["S K I L L S", "E X P E R I E N C E"]);
}

#[test]
fn ghostscript_quote_operator_pdf_is_read_from_the_content_stream() {
    // pdf-extract ignores the `'` operator that Ghostscript uses for every new line and returns
    // only the first line: the content-stream path must take over.
    let doc = extract("ghostscript-quote-operator.pdf");
    assert_eq!(doc.page_paths, [PdfPath::ContentStream]);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("pdf-extract missed")),
        "{:?}",
        doc.warnings
    );
    assert_heading_order(
        &doc.text,
        &[
            "SUMMARY",
            "SKILLS",
            "EXPERIENCE",
            "EDUCATION",
            "CERTIFICATIONS",
        ],
    );
    assert_contains(
        &doc,
        &[
            "KENJI WATANABE",
            "Containers:    Docker, Kubernetes, Helm, Argo CD",
            "Terraform",
            "Prometheus, Grafana, Loki, OpenTelemetry",
            "Certified Kubernetes Administrator (CKA), 2022",
        ],
    );
}

#[test]
fn latex_ligatures_are_expanded() {
    let doc = extract("latex-ligatures.pdf");
    assert_contains(
        &doc,
        &[
            "profiling",
            "efficient",
            "offline",
            "workflows",
            "Certified",
            "fluent",
            "configuration",
            "traffic",
            "buffer",
            "flame graphs",
            "first",
        ],
    );
    assert!(
        !doc.text.contains(['ﬀ', 'ﬁ', 'ﬂ', 'ﬃ', 'ﬄ']),
        "{}",
        doc.text
    );
    assert_heading_order(
        &doc.text,
        &[
            "Profile",
            "Skills",
            "Experience",
            "Education",
            "Certifications",
        ],
    );
}

#[test]
fn running_headers_footers_and_page_numbers_are_removed() {
    let doc = extract("four-pages-running-header-footer.pdf");
    assert_eq!(doc.pages, Some(4));
    assert_lacks(&doc, &["Page 1 of 4", "Page 4 of 4", "Curriculum Vitae"]);
    assert_eq!(doc.text.matches("Sofia Marquez").count(), 1, "{}", doc.text);
    assert_eq!(
        doc.text.matches("sofia.marquez@example.com").count(),
        1,
        "{}",
        doc.text
    );
    assert!(doc.warnings.iter().any(|w| w.contains("running header")));
    assert_heading_order(
        &doc.text,
        &[
            "Summary",
            "Technical Skills",
            "Experience",
            "Selected Projects",
            "Talks",
            "Education",
            "References",
        ],
    );
    // TeX sets accents as glyphs of their own; they are put back on their letters.
    assert_contains(
        &doc,
        &[
            "Universitat Politècnica de València",
            "Consultora Mediterránea",
        ],
    );
}

#[test]
fn scanned_pdf_is_reported_as_scanned() {
    assert!(matches!(
        error("scanned-image-only.pdf"),
        ExtractError::ScannedPdf
    ));
}

#[test]
fn encrypted_pdf_needs_its_password() {
    let e = error("encrypted-user-password.pdf");
    assert!(matches!(e, ExtractError::EncryptedPdf), "{e:?}");
    assert_eq!(
        e.to_string(),
        "PDF is encrypted; remove the password and try again"
    );
}

#[test]
fn owner_password_only_pdf_is_read_with_a_warning() {
    let doc = extract("owner-password-only.pdf");
    assert_contains(&doc, &["Daniel Okafor", "Spring Boot"]);
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.contains("empty user password")));
}

#[test]
fn truncated_pdf_is_corrupt() {
    let e = error("truncated-half.pdf");
    assert!(
        matches!(
            e,
            ExtractError::Corrupt {
                format: Format::Pdf,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn zero_bytes_are_empty() {
    assert!(matches!(error("zero-bytes.pdf"), ExtractError::Empty));
    assert!(matches!(
        from_bytes(b"  \n\t\n", None, &Limits::default()),
        Err(ExtractError::Empty)
    ));
}

#[test]
fn random_bytes_named_pdf_are_binary() {
    let e = error("random-bytes.pdf");
    assert!(
        matches!(&e, ExtractError::Unsupported { what } if what.contains("binary")),
        "{e:?}"
    );
}

#[test]
fn opendocument_is_a_zip_but_not_docx() {
    let e = error("opendocument-not-docx.odt");
    assert!(
        matches!(&e, ExtractError::Unsupported { what } if what.contains("OpenDocument")),
        "{e:?}"
    );
}

#[test]
fn html_without_scripts_styles_or_comments() {
    let doc = extract("script-style-entities.html");
    assert_eq!(doc.format, Format::Html);
    assert_contains(
        &doc,
        &[
            "Maria Lindqvist",
            "Malmö, Sweden",
            "• TypeScript & JavaScript (ES2022)",
            "• GraphQL & Apollo Client",
            "Senior Frontend Engineer — Öresund Payments, Malmö — 2020–present",
        ],
    );
    assert_lacks(
        &doc,
        &[
            "gtag",
            "dataLayer",
            "not resume text",
            "font-family",
            "site builder",
            "enable JavaScript",
            "&amp;",
            "&ouml;",
        ],
    );
    assert_heading_order(
        &doc.text,
        &["Skills", "Languages", "Profile", "Experience", "Education"],
    );
}

#[test]
fn text_encodings_all_give_the_same_text() {
    let utf16 = extract("utf16le-bom.txt");
    let cp1252 = extract("windows-1252.txt");
    let mojibake = extract("mojibake-utf8-read-as-cp1252.txt");
    assert_eq!(utf16.format, Format::Text);
    assert!(utf16.warnings.is_empty(), "{:?}", utf16.warnings);
    assert_contains(
        &utf16,
        &[
            "Zoë Brennan – Data Analyst",
            "• SQL (PostgreSQL, BigQuery) – daily use",
            "the team’s first",
        ],
    );
    assert_eq!(cp1252.text, utf16.text);
    assert!(cp1252.warnings.iter().any(|w| w.contains("Windows-1252")));
    assert_eq!(mojibake.text, utf16.text);
    assert!(mojibake.warnings.iter().any(|w| w.contains("mojibake")));
}

#[test]
fn markdown_is_told_by_the_name_only() {
    let bytes = std::fs::read(fixture("utf16le-bom.txt")).unwrap();
    let md = from_bytes(&bytes, Some("zoe.md"), &Limits::default()).unwrap();
    assert_eq!(md.format, Format::Markdown);
    let pdf_named = from_bytes(&bytes, Some("zoe.pdf"), &Limits::default()).unwrap();
    assert_eq!(pdf_named.format, Format::Text);
}

#[test]
fn file_size_is_checked_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(8 * 1024 * 1024 * 1024).unwrap(); // sparse: reading it would take long
    let started = Instant::now();
    let e = from_path(&path, &Limits::default()).unwrap_err();
    assert!(
        matches!(e, ExtractError::TooLarge { size, .. } if size == 8 << 30),
        "{e:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(e.to_string(), "file is 8192 MiB, over the limit of 20 MiB");
}

/// Issue 12: a text file under the file-size limit but with more text than a resume ever has
/// (20 MB of "Java" lines took 4 s and 1.2 GB to score) is refused before scoring, whatever
/// door it comes in by: a file, bytes, or a string.
#[test]
fn text_over_the_text_limit_is_refused_before_scoring() {
    let limits = Limits {
        max_text_size: 1024 * 1024,
        ..Limits::default()
    };
    let text = "Java developers\n".repeat(98_304); // 1.5 MiB
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lines.txt");
    std::fs::write(&path, &text).unwrap();
    for e in [
        from_path(&path, &limits).unwrap_err(),
        from_bytes(text.as_bytes(), None, &limits).unwrap_err(),
        skillgap::extract::from_text(&text, &limits).unwrap_err(),
    ] {
        assert!(
            matches!(
                e,
                ExtractError::TextTooLarge {
                    size: 1_572_864,
                    limit: 1_048_576
                }
            ),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            "text is 1.5 MiB, over the limit of 1 MiB of text"
        );
    }
    // At the limit it is read.
    let at_limit = Limits {
        max_text_size: 1_572_864,
        ..Limits::default()
    };
    assert!(from_bytes(text.as_bytes(), None, &at_limit).is_ok());
    assert_eq!(Limits::default().max_text_size, 4 * 1024 * 1024);
}

#[test]
fn too_many_pages() {
    let limits = Limits {
        max_pages: 3,
        ..Limits::default()
    };
    let e = from_path(&fixture("four-pages-running-header-footer.pdf"), &limits).unwrap_err();
    assert!(
        matches!(e, ExtractError::TooManyPages { pages: 4, limit: 3 }),
        "{e:?}"
    );
}

#[test]
fn decompression_limits() {
    let tiny = Limits {
        max_decompressed: 2000,
        ..Limits::default()
    };
    let e = from_path(&fixture("table-and-bullets.docx"), &tiny).unwrap_err();
    assert!(
        matches!(&e, ExtractError::DecompressionLimit { format: Format::Docx, what, .. } if what == "word/document.xml"),
        "{e:?}"
    );
    let e = from_path(&fixture("one-column-libreoffice.pdf"), &tiny).unwrap_err();
    assert!(
        matches!(
            e,
            ExtractError::DecompressionLimit {
                format: Format::Pdf,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn soft_deadline_between_pages() {
    let limits = Limits {
        max_time: Some(Duration::ZERO),
        ..Limits::default()
    };
    let e = from_path(&fixture("four-pages-running-header-footer.pdf"), &limits).unwrap_err();
    assert!(matches!(e, ExtractError::Timeout { .. }), "{e:?}");
}

#[test]
fn missing_file_is_io() {
    let e = from_path(&fixture("no-such-file.pdf"), &Limits::default()).unwrap_err();
    assert!(
        matches!(&e, ExtractError::Io(io) if io.kind() == std::io::ErrorKind::NotFound),
        "{e:?}"
    );
}

/// Real resumes kept outside the repository (personal data): extract each and check the text
/// is readable. Skipped with a message when the directory is absent.
#[test]
fn eval_documents_extract_to_readable_text() {
    let dir = std::env::var_os("SKILLGAP_EVAL_DOCUMENTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/documents"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no eval documents at {}", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no files in {}", dir.display());
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let started = Instant::now();
        let doc = from_path(&path, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let tokens: Vec<&str> = doc.text.split_whitespace().collect();
        let ascii_words = tokens
            .iter()
            .filter(|t| {
                let core = t.trim_matches(|c: char| !c.is_alphanumeric());
                core.len() >= 2 && core.chars().all(|c| c.is_ascii_alphabetic())
            })
            .count();
        let ratio = ascii_words as f64 / tokens.len().max(1) as f64;
        let paths: Vec<String> = doc.page_paths.iter().map(ToString::to_string).collect();
        eprintln!(
            "{name}: {} chars, {:.0}% ASCII-letter words, {} {ms:.0} ms, paths [{}]",
            doc.text.chars().count(),
            ratio * 100.0,
            doc.format,
            paths.join(", ")
        );
        assert!(
            doc.text.chars().count() >= 500,
            "{name}: only {} chars",
            doc.text.len()
        );
        assert!(
            ratio >= 0.5,
            "{name}: only {:.0}% ASCII-letter words",
            ratio * 100.0
        );
    }
}

/// Limits that keep a random-input case fast.
fn quick_limits() -> Limits {
    Limits {
        max_time: Some(Duration::from_secs(5)),
        ..Limits::default()
    }
}

fn fixture_bytes() -> Vec<(&'static str, Vec<u8>)> {
    [
        "one-column-libreoffice.pdf",
        "two-column-letter-spaced.pdf",
        "ghostscript-quote-operator.pdf",
        "latex-ligatures.pdf",
        "four-pages-running-header-footer.pdf",
        "owner-password-only.pdf",
        "scanned-image-only.pdf",
        "table-and-bullets.docx",
        "script-style-entities.html",
        "utf16le-bom.txt",
        "windows-1252.txt",
    ]
    .iter()
    .map(|n| (*n, std::fs::read(fixture(n)).unwrap()))
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let started = Instant::now();
        let _ = from_bytes(&bytes, Some("x.pdf"), &quick_limits());
        prop_assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn bytes_behind_a_magic_number_never_panic(
        magic in prop_oneof![Just(&b"%PDF-1.4\n"[..]), Just(&b"PK\x03\x04"[..]), Just(&b"<!DOCTYPE html><p>"[..]), Just(&b"\xff\xfe"[..])],
        rest in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let mut bytes = magic.to_vec();
        bytes.extend(rest);
        let started = Instant::now();
        let _ = from_bytes(&bytes, None, &quick_limits());
        prop_assert!(started.elapsed() < Duration::from_secs(5));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn truncated_and_damaged_fixtures_never_panic(
        which in 0usize..11,
        cut in 0.0f64..1.0,
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..8),
    ) {
        let fixtures = fixture_bytes();
        let (name, bytes) = &fixtures[which % fixtures.len()];
        let mut damaged = bytes[..(bytes.len() as f64 * cut) as usize].to_vec();
        let n = damaged.len();
        for (at, b) in &flips {
            if n > 0 {
                damaged[((n as f64 * at) as usize).min(n - 1)] = *b;
            }
        }
        let started = Instant::now();
        let _ = from_bytes(&damaged, Some(name), &quick_limits());
        prop_assert!(started.elapsed() < Duration::from_secs(10), "{name} cut at {n}");
    }
}

/// Regression: one stray NUL byte rejected a whole text resume as "binary file".
#[test]
fn a_text_resume_with_a_stray_nul_byte_scores() {
    let resume = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes/mid-java-spring.txt"),
    )
    .unwrap();
    let mut damaged = resume.clone();
    damaged.insert(damaged.len() / 2, 0);
    let clean = from_bytes(&resume, Some("cv.txt"), &Limits::default()).unwrap();
    let doc = from_bytes(&damaged, Some("cv.txt"), &Limits::default()).unwrap();
    assert!(!doc.text.contains('\0'));
    assert!(doc.warnings.iter().any(|w| w.contains("control character")));
    let scorer = skillgap::Scorer::new(skillgap::Taxonomy::builtin());
    let found = |text: &str| -> Vec<String> {
        scorer
            .score(text)
            .skills
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    assert!(!found(&doc.text).is_empty());
    assert_eq!(found(&doc.text).len(), found(&clean.text).len());
}

#[test]
fn a_docx_refused_for_its_compression_ratio_says_so() {
    use std::io::Write;
    // 4 MiB of one repeated run: far under the 64 MiB size limit, compressed about 1000:1.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", deflated).unwrap();
    zip.write_all(b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>").unwrap();
    zip.write_all(&vec![b'a'; 4 * 1024 * 1024]).unwrap();
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let e = from_bytes(&bytes, Some("bomb.docx"), &Limits::default()).unwrap_err();
    assert!(
        matches!(&e, ExtractError::CompressionRatio { what, limit: 200, ratio, .. } if what == "word/document.xml" && *ratio > 200),
        "{e:?}"
    );
    let message = e.to_string();
    assert!(
        message.starts_with("docx entry word/document.xml is compressed ")
            && message.ends_with(":1, beyond the limit of 200:1 (a zip bomb?)"),
        "{message}"
    );
}
