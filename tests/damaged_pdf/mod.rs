//! Made-up resume PDFs written byte by byte, so that tests can damage exactly one thing (a stream
//! length, the cross-reference table) the way broken producers and fuzzers do. Nobody here is a
//! real person.
//!
//! The document: a catalog, a page tree with one page, a Helvetica font and the page's content
//! stream. With [`Layout::ObjectStream`] the dictionaries live in a compressed-object stream
//! (PDF 1.5) and a cross-reference stream indexes them; with [`Layout::Classic`] every object is
//! top-level and a classic `xref` table indexes them.

#![allow(dead_code)]

/// The text the page shows, one line per entry.
pub const LINES: &[&str] = &[
    "Priya Natarajan - Backend Engineer",
    "Skills: Rust, PostgreSQL, Kubernetes, Terraform",
    "Experience: Senior Engineer at Example Logistics (2018 - 2024)",
    "Built payment services in Rust and Go on PostgreSQL",
];

/// How the objects are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every object top-level, a classic `xref` table.
    Classic,
    /// Dictionaries in an object stream, a cross-reference stream.
    ObjectStream,
}

/// What is wrong with the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Nothing.
    None,
    /// (ObjectStream) The object stream's `/Length` is a reference to an object stored inside
    /// that same object stream: a reader that resolves it recursively never ends.
    ObjStmLengthInsideItself,
    /// The content stream's `/Length` is far too short (stops mid-stream).
    ContentLengthTooShort,
    /// The content stream's `/Length` runs past the end of the file.
    ContentLengthPastEnd,
    /// Every offset in the cross-reference table is shifted by 7 bytes.
    XrefOffsetsShifted,
    /// No cross-reference table, no `startxref`.
    XrefMissing,
}

fn content() -> Vec<u8> {
    let mut c = b"BT /F1 11 Tf 14 TL 72 760 Td\n".to_vec();
    for line in LINES {
        c.extend_from_slice(format!("({line}) Tj T*\n").as_bytes());
    }
    c.extend_from_slice(b"ET\n");
    c
}

const CATALOG: &str = "<< /Type /Catalog /Pages 3 0 R >>";
const PAGES: &str = "<< /Type /Pages /Kids [4 0 R] /Count 1 >>";
const PAGE: &str = "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>";
const FONT: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/// The whole file.
pub fn resume_pdf(layout: Layout, damage: Damage) -> Vec<u8> {
    match layout {
        Layout::Classic => classic(damage),
        Layout::ObjectStream => object_stream(damage),
    }
}

fn content_object(out: &mut Vec<u8>, damage: Damage) {
    let body = content();
    let length = match damage {
        Damage::ContentLengthTooShort => 9,
        Damage::ContentLengthPastEnd => 1_000_000,
        _ => body.len(),
    };
    out.extend_from_slice(format!("7 0 obj\n<< /Length {length} >>\nstream\n").as_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(b"\nendstream\nendobj\n");
}

fn classic(damage: Damage) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = [0usize; 8];
    for (id, body) in [(2, CATALOG), (3, PAGES), (4, PAGE), (5, FONT)] {
        offsets[id] = out.len();
        out.extend_from_slice(format!("{id} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    offsets[7] = out.len();
    content_object(&mut out, damage);
    if damage == Damage::XrefMissing {
        out.extend_from_slice(b"trailer\n<< /Size 8 /Root 2 0 R >>\n%%EOF\n");
        return out;
    }
    let shift = if damage == Damage::XrefOffsetsShifted {
        7
    } else {
        0
    };
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 8\n0000000000 65535 f \n");
    for (id, offset) in offsets.iter().enumerate().skip(1) {
        if *offset == 0 {
            out.extend_from_slice(format!("{id:010} 00000 f \n").as_bytes());
        } else {
            out.extend_from_slice(format!("{:010} 00000 n \n", offset + shift).as_bytes());
        }
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 8 /Root 2 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

fn object_stream(damage: Damage) -> Vec<u8> {
    // Object 1: the object stream holding 2 (catalog), 3 (pages), 4 (page), 5 (font) and
    // 6 (an integer: the object stream's own length, when it is damaged that way).
    let members: Vec<(u32, String)> = vec![
        (2, CATALOG.to_string()),
        (3, PAGES.to_string()),
        (4, PAGE.to_string()),
        (5, FONT.to_string()),
        (6, "0".to_string()), // filled in below
    ];
    let build = |six: usize| -> (String, usize) {
        let mut header = String::new();
        let mut body = String::new();
        for (id, text) in &members {
            header.push_str(&format!("{id} {} ", body.len()));
            if *id == 6 {
                body.push_str(&format!("{six}\n"));
            } else {
                body.push_str(text);
                body.push('\n');
            }
        }
        let first = header.len();
        (header + &body, first)
    };
    // The length of the stream does not depend on the digits of object 6 once it is stable.
    let (mut data, mut first) = build(0);
    for _ in 0..4 {
        let next = build(data.len());
        data = next.0;
        first = next.1;
    }
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = [0usize; 9];
    offsets[1] = out.len();
    let length = if damage == Damage::ObjStmLengthInsideItself {
        "6 0 R".to_string()
    } else {
        data.len().to_string()
    };
    out.extend_from_slice(
        format!("1 0 obj\n<< /Type /ObjStm /N 5 /First {first} /Length {length} >>\nstream\n")
            .as_bytes(),
    );
    out.extend_from_slice(data.as_bytes());
    out.extend_from_slice(b"\nendstream\nendobj\n");
    offsets[7] = out.len();
    content_object(&mut out, damage);
    // Object 8: the cross-reference stream, /W [1 4 2], uncompressed.
    offsets[8] = out.len();
    let mut entries = Vec::new();
    let mut entry = |kind: u8, a: u32, b: u16| {
        entries.push(kind);
        entries.extend_from_slice(&a.to_be_bytes());
        entries.extend_from_slice(&b.to_be_bytes());
    };
    entry(0, 0, 65535);
    entry(1, offsets[1] as u32, 0);
    for index in 0..5u16 {
        entry(2, 1, index);
    }
    entry(1, offsets[7] as u32, 0);
    entry(1, offsets[8] as u32, 0);
    out.extend_from_slice(
        format!(
            "8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 2 0 R /Length {} >>\nstream\n",
            entries.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&entries);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    out.extend_from_slice(format!("startxref\n{}\n%%EOF\n", offsets[8]).as_bytes());
    out
}
