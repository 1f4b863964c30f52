//! Format detection from content (magic bytes), never from the file extension.

use std::io::{Cursor, Read};

/// What the first bytes say a document is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    Pdf,
    Docx,
    /// Not a known binary container: decode it as text, then look for HTML.
    Textual,
    Unsupported(String),
}

/// How far into the file a `%PDF-` header may start (the spec allows leading junk; 1024 is what
/// Acrobat accepts).
const PDF_HEADER_WINDOW: usize = 1024;

/// Classify `bytes` by their magic numbers.
pub(crate) fn sniff(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if find(head, b"%PDF-").is_some() {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return sniff_zip(bytes);
    }
    let magic: &[(&[u8], &str)] = &[
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "legacy Microsoft Office file (.doc); save it as DOCX or PDF",
        ),
        (b"{\\rtf", "RTF document; save it as DOCX or PDF"),
        (
            b"\x89PNG\r\n\x1a\n",
            "PNG image; a resume needs text (run OCR first)",
        ),
        (
            b"\xFF\xD8\xFF",
            "JPEG image; a resume needs text (run OCR first)",
        ),
        (b"GIF87a", "GIF image; a resume needs text (run OCR first)"),
        (b"GIF89a", "GIF image; a resume needs text (run OCR first)"),
        (
            b"II*\x00",
            "TIFF image; a resume needs text (run OCR first)",
        ),
        (
            b"MM\x00*",
            "TIFF image; a resume needs text (run OCR first)",
        ),
        (b"\x1F\x8B", "gzip archive, not a resume format"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive, not a resume format"),
        (b"Rar!\x1A\x07", "RAR archive, not a resume format"),
        (b"\x7FELF", "executable, not a resume format"),
    ];
    for (m, what) in magic {
        if bytes.starts_with(m) {
            return Kind::Unsupported((*what).to_string());
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Kind::Unsupported("WebP image; a resume needs text (run OCR first)".into());
    }
    Kind::Textual
}

/// A zip file: DOCX when it holds a WordprocessingML document, otherwise unsupported with a name
/// for what it is.
fn sniff_zip(bytes: &[u8]) -> Kind {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Damaged or truncated: the local file headers still name the entries.
        if find(bytes, b"word/document.xml").is_some()
            || find(bytes, b"[Content_Types].xml").is_some() && find(bytes, b"word/").is_some()
        {
            return Kind::Docx;
        }
        return Kind::Unsupported("damaged zip archive, not a resume format".into());
    };
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    let has_prefix = |p: &str| names.iter().any(|x| x.starts_with(p));
    if has("word/document.xml") || (has("[Content_Types].xml") && has_prefix("word/")) {
        return Kind::Docx;
    }
    if has("mimetype") {
        let mut mime = String::new();
        if let Ok(entry) = archive.by_name("mimetype") {
            let _ = entry.take(100).read_to_string(&mut mime);
        }
        let what = match mime.trim() {
            "application/vnd.oasis.opendocument.text" => {
                "OpenDocument text (.odt); export it as PDF or DOCX"
            }
            m if m.starts_with("application/vnd.oasis.opendocument") => {
                "OpenDocument file, not a resume format"
            }
            "application/epub+zip" => "EPUB book, not a resume format",
            _ => "zip archive, not a resume format",
        };
        return Kind::Unsupported(what.into());
    }
    if has_prefix("xl/") {
        return Kind::Unsupported("Excel workbook, not a resume format".into());
    }
    if has_prefix("ppt/") {
        return Kind::Unsupported("PowerPoint presentation, not a resume format".into());
    }
    Kind::Unsupported("zip archive, not a resume format".into())
}

/// Whether decoded text is an HTML document: it starts (after whitespace and comments) with a
/// tag, and an `<html`, `<!doctype html`, `<head` or `<body` tag appears near the start.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !trimmed.starts_with('<') {
        return false;
    }
    let mut end = trimmed.len().min(4096);
    while !trimmed.is_char_boundary(end) {
        end -= 1;
    }
    let head = trimmed[..end].to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|t| head.contains(t))
}

/// Whether a name hint says Markdown.
pub(crate) fn is_markdown_name(name_hint: Option<&str>) -> bool {
    let Some(name) = name_hint else { return false };
    let lower = name.to_ascii_lowercase();
    [".md", ".markdown", ".mdown", ".mkd"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_header_may_follow_junk() {
        assert_eq!(sniff(b"\r\n%PDF-1.4\n..."), Kind::Pdf);
        assert_eq!(sniff(b"%PDF-1.7"), Kind::Pdf);
    }

    #[test]
    fn pdf_header_far_into_the_file_is_not_a_pdf() {
        let mut v = vec![b'a'; 2000];
        v.extend_from_slice(b"%PDF-1.4");
        assert_eq!(sniff(&v), Kind::Textual);
    }

    #[test]
    fn legacy_doc_gets_a_hint() {
        let Kind::Unsupported(what) = sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest") else {
            panic!()
        };
        assert!(what.contains(".doc"));
    }

    #[test]
    fn html_needs_a_document_tag() {
        assert!(looks_like_html("\n <!DOCTYPE html><p>x"));
        assert!(looks_like_html("<!-- x --><HTML><body>"));
        assert!(!looks_like_html("<b>not a page</b> just text"));
        assert!(!looks_like_html("Skills: <html> and CSS"));
    }

    #[test]
    fn markdown_only_by_name() {
        assert!(is_markdown_name(Some("cv.MD")));
        assert!(is_markdown_name(Some("dir/cv.markdown")));
        assert!(!is_markdown_name(Some("cv.txt")));
        assert!(!is_markdown_name(None));
    }
}
