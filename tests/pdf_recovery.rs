//! Damaged PDFs (test-made, see `damaged_pdf`): recovered by scanning for objects, never a crash.
#![cfg(feature = "extract")]

mod damaged_pdf;

use damaged_pdf::{resume_pdf, Damage, Layout};

#[test]
fn write_samples_for_manual_checks() {
    let Ok(dir) = std::env::var("SKILLGAP_WRITE_DAMAGED") else {
        eprintln!("skipped: set SKILLGAP_WRITE_DAMAGED=DIR to write the damaged PDFs there");
        return;
    };
    for layout in [Layout::Classic, Layout::ObjectStream] {
        for damage in [
            Damage::None,
            Damage::ObjStmLengthInsideItself,
            Damage::ContentLengthTooShort,
            Damage::ContentLengthPastEnd,
            Damage::XrefOffsetsShifted,
            Damage::XrefMissing,
        ] {
            let name = format!("{dir}/{layout:?}-{damage:?}.pdf");
            std::fs::write(name, resume_pdf(layout, damage)).unwrap();
        }
    }
}

use skillgap::extract::{from_bytes, ExtractError, Limits};

const RECOVERED: &str = "read by scanning the file for objects";

fn read(bytes: Vec<u8>) -> Result<skillgap::extract::Extracted, ExtractError> {
    // On a thread of its own: were the recursion unbounded, the stack overflow would abort the
    // whole test binary, which is the failure this file guards against.
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || from_bytes(&bytes, Some("resume.pdf"), &Limits::default()))
        .unwrap()
        .join()
        .unwrap()
}

fn assert_all_lines(text: &str) {
    for line in damaged_pdf::LINES {
        assert!(text.contains(line), "missing {line:?} in {text:?}");
    }
}

#[test]
fn the_undamaged_test_pdfs_read_without_recovery() {
    for layout in [Layout::Classic, Layout::ObjectStream] {
        let doc = read(resume_pdf(layout, Damage::None)).unwrap();
        assert_all_lines(&doc.text);
        assert!(
            !doc.warnings.iter().any(|w| w.contains(RECOVERED)),
            "{layout:?}: {:?}",
            doc.warnings
        );
    }
}

#[test]
fn an_object_stream_whose_length_points_into_itself_is_read_not_a_stack_overflow() {
    let doc = read(resume_pdf(
        Layout::ObjectStream,
        Damage::ObjStmLengthInsideItself,
    ))
    .unwrap();
    assert_all_lines(&doc.text);
    assert!(
        doc.warnings.iter().any(|w| w
            == "damaged PDF (1 object stream with a length stored inside an object stream); read by scanning the file for objects"),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn a_stream_length_too_short_or_past_the_end_is_found_by_its_endstream() {
    for layout in [Layout::Classic, Layout::ObjectStream] {
        for damage in [Damage::ContentLengthTooShort, Damage::ContentLengthPastEnd] {
            let doc = read(resume_pdf(layout, damage)).unwrap();
            assert_all_lines(&doc.text);
            assert!(
                doc.warnings
                    .iter()
                    .any(|w| w == "damaged PDF (1 stream with a wrong length); read by scanning the file for objects"),
                "{layout:?} {damage:?}: {:?}",
                doc.warnings
            );
        }
    }
}

#[test]
fn a_missing_or_shifted_xref_table_is_rebuilt_from_the_objects() {
    for damage in [Damage::XrefMissing, Damage::XrefOffsetsShifted] {
        let doc = read(resume_pdf(Layout::Classic, damage)).unwrap();
        assert_all_lines(&doc.text);
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.starts_with("damaged PDF (") && w.ends_with(RECOVERED)),
            "{damage:?}: {:?}",
            doc.warnings
        );
    }
    // lopdf repairs these itself when the objects are in an object stream.
    for damage in [Damage::XrefMissing, Damage::XrefOffsetsShifted] {
        let doc = read(resume_pdf(Layout::ObjectStream, damage)).unwrap();
        assert_all_lines(&doc.text);
    }
}

#[test]
fn a_self_referencing_length_without_a_catalog_is_corrupt_not_a_crash() {
    // The same object stream, but no /Root anywhere: nothing to rebuild, and lopdf must not
    // see the file.
    let mut bytes = resume_pdf(Layout::ObjectStream, Damage::ObjStmLengthInsideItself);
    let at = bytes.windows(5).position(|w| w == b"/Root").unwrap();
    bytes[at + 4] = b'z';
    let e = read(bytes).unwrap_err();
    assert!(
        matches!(&e, ExtractError::Corrupt { detail, .. } if detail.contains("no document catalog")),
        "{e:?}"
    );
}

#[cfg(feature = "cli")]
#[test]
fn a_batch_without_isolation_scores_the_damaged_pdf_and_every_other_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-self-length.pdf"),
        resume_pdf(Layout::ObjectStream, Damage::ObjStmLengthInsideItself),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-short-length.pdf"),
        resume_pdf(Layout::Classic, Damage::ContentLengthTooShort),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c-plain.txt"),
        "SKILLS\nPython, Django, PostgreSQL\n",
    )
    .unwrap();
    for isolation in [&["--no-isolate"][..], &[]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_skillgap"))
            .args([
                "batch", "--format", "csv", "--as-of", "2026-11", "--jobs", "2",
            ])
            .args(isolation)
            .arg(dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{isolation:?}: {stderr}");
        assert_eq!(stdout.lines().count(), 4, "{stdout}");
        assert!(stderr.contains("3 scored, 0 unreadable"), "{stderr}");
    }
}
