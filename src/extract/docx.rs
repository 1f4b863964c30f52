//! DOCX (Office Open XML) to text.
//!
//! The main part (found through `_rels/.rels`, normally `word/document.xml`) is streamed with
//! quick-xml:
//! * a paragraph (`w:p`) is a line; runs (`w:t`) join without spaces, as Word shows them;
//!   `w:tab` is a tab, `w:br`/`w:cr` a line break, `w:noBreakHyphen` a hyphen;
//! * list paragraphs (numbering `w:numPr` with a `w:numId` other than 0, or a list paragraph style) start with `• `; Symbol
//!   and Wingdings bullets inserted as `w:sym` become `•`;
//! * table rows whose cells are single paragraphs become one line with cells joined by ` | `;
//!   rows with bigger cells (layout tables: a sidebar and a main column) are read cell by cell;
//! * text boxes (`w:txbxContent`) follow the paragraph that anchors them; of the two versions
//!   Word writes in `mc:AlternateContent`, only `mc:Choice` is read;
//! * deleted text (`w:delText`) and field instructions (`w:instrText`) are skipped;
//! * headers come first and footers last, each distinct text once, page numbers dropped.
//!
//! Every entry's declared size is checked against [`Limits::max_decompressed`] and the
//! compression ratio against [`Limits::max_compression_ratio`] before reading, and reading stops
//! at the cap whatever the header claims.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use zip::ZipArchive;

use super::cleanup::is_page_number;
use super::{ExtractError, Extracted, Format, Limits};

const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
/// Entries bigger than this are checked for their compression ratio.
const RATIO_CHECK_FROM: u64 = 1024 * 1024;

/// Read a DOCX document.
pub(crate) fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(&e.to_string()))?;
    let main = main_part(&mut archive, limits).unwrap_or_else(|| "word/document.xml".to_string());
    let xml = read_entry(&mut archive, &main, limits)?;
    let body = part_text(&xml)?;

    let mut names: Vec<String> = archive
        .file_names()
        .filter(|n| is_part(n, "header") || is_part(n, "footer"))
        .map(str::to_owned)
        .collect();
    names.sort();
    let mut headers: Vec<String> = Vec::new();
    let mut footers: Vec<String> = Vec::new();
    let mut warnings = Vec::new();
    for name in names {
        let xml = match read_entry(&mut archive, &name, limits) {
            Ok(x) => x,
            Err(e) => {
                warnings.push(format!("{name} skipped: {e}"));
                continue;
            }
        };
        let Ok(text) = part_text(&xml) else {
            warnings.push(format!("{name} skipped: not well-formed XML"));
            continue;
        };
        let target = if is_part(&name, "header") {
            &mut headers
        } else {
            &mut footers
        };
        for line in text.lines() {
            let line = line.trim();
            if !line.is_empty() && !is_page_number(line) && !target.iter().any(|l| l == line) {
                target.push(line.to_string());
            }
        }
    }
    let mut text = String::new();
    for line in &headers {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str(&body);
    for line in &footers {
        text.push_str(line);
        text.push('\n');
    }
    Ok(Extracted {
        text,
        format: Format::Docx,
        pages: None,
        page_paths: Vec::new(),
        warnings,
    })
}

/// `word/header1.xml`, `word/footer.xml`...
fn is_part(name: &str, kind: &str) -> bool {
    name.strip_prefix("word/")
        .and_then(|n| n.strip_prefix(kind))
        .and_then(|n| n.strip_suffix(".xml"))
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

fn corrupt(detail: &str) -> ExtractError {
    ExtractError::Corrupt {
        format: Format::Docx,
        detail: detail.to_string(),
    }
}

/// The main document part named by the package relationships.
fn main_part(archive: &mut ZipArchive<Cursor<&[u8]>>, limits: &Limits) -> Option<String> {
    let rels = read_entry(archive, "_rels/.rels", limits).ok()?;
    let mut reader = quick_xml::Reader::from_reader(rels.as_slice());
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let mut target = None;
                let mut is_main = false;
                for a in e.attributes().flatten() {
                    let v = String::from_utf8_lossy(&a.value).into_owned();
                    match a.key.local_name().as_ref() {
                        b"Type" => is_main = v.ends_with("/officeDocument"),
                        b"Target" => target = Some(v),
                        _ => {}
                    }
                }
                if is_main {
                    let t = target?;
                    let t = t.trim_start_matches('/').to_string();
                    return archive.index_for_name(&t).map(|_| t);
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// Read one entry, refusing sizes and ratios beyond the limits before and while reading.
fn read_entry(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
) -> Result<Vec<u8>, ExtractError> {
    let entry = archive.by_name(name).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => corrupt(&format!("no {name} in the package")),
        e => corrupt(&e.to_string()),
    })?;
    let cap = limits.max_decompressed;
    let over = || ExtractError::DecompressionLimit {
        format: Format::Docx,
        what: name.to_string(),
        limit: cap,
    };
    let size = entry.size();
    if size > cap {
        return Err(over());
    }
    let packed = entry.compressed_size().max(1);
    if size > RATIO_CHECK_FROM && size / packed > limits.max_compression_ratio {
        return Err(ExtractError::CompressionRatio {
            format: Format::Docx,
            what: name.to_string(),
            ratio: size / packed,
            limit: limits.max_compression_ratio,
        });
    }
    let mut data = Vec::with_capacity(size.min(cap) as usize);
    entry
        .take(cap + 1)
        .read_to_end(&mut data)
        .map_err(|e| corrupt(&format!("{name}: {e}")))?;
    if data.len() as u64 > cap {
        return Err(over());
    }
    Ok(data)
}

#[derive(Default)]
struct Para {
    text: String,
    list: bool,
}

/// Where finished lines go.
struct Container {
    lines: Vec<String>,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<String>>>,
}

impl Table {
    fn render(self, out: &mut Vec<String>) {
        for row in self.rows {
            if row.iter().all(|cell| cell.len() <= 1) {
                let cells: Vec<&str> = row
                    .iter()
                    .filter_map(|c| c.first().map(String::as_str))
                    .filter(|c| !c.trim().is_empty())
                    .collect();
                if !cells.is_empty() {
                    out.push(cells.join(" | "));
                }
            } else {
                for cell in row {
                    out.extend(cell);
                }
            }
        }
    }
}

/// The text of one WordprocessingML part (document, header or footer): lines ending in `\n`.
fn part_text(xml: &[u8]) -> Result<String, ExtractError> {
    let mut reader = NsReader::from_reader(xml);
    reader.config_mut().expand_empty_elements = true;
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut containers = vec![Container { lines: Vec::new() }];
    let mut paras: Vec<Para> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut boxes: Vec<String> = Vec::new();
    let mut skip = 0usize;
    let mut in_text = false;
    let mut in_ppr = false;
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| corrupt(&format!("XML: {e}")))?;
        let is_w = matches!(ns, ResolveResult::Bound(n) if W_NS.contains(&n.as_ref()));
        let is_mc = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == MC_NS);
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                let local = e.local_name();
                if is_mc && local.as_ref() == b"Fallback" {
                    skip = 1;
                    continue;
                }
                if !is_w {
                    continue;
                }
                match local.as_ref() {
                    b"p" => paras.push(Para::default()),
                    b"pPr" => in_ppr = true,
                    // `w:numId w:val="0"` explicitly removes numbering (LibreOffice headings).
                    b"numId" if in_ppr => {
                        let numbered = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == b"val" && a.value.as_ref() != b"0"
                        });
                        if numbered {
                            if let Some(p) = paras.last_mut() {
                                p.list = true;
                            }
                        }
                    }
                    b"pStyle" if in_ppr => {
                        let list_style = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == b"val"
                                && String::from_utf8_lossy(&a.value).contains("List")
                        });
                        if list_style {
                            if let Some(p) = paras.last_mut() {
                                p.list = true;
                            }
                        }
                    }
                    b"t" => in_text = true,
                    b"tab" if !in_ppr => push(&mut paras, "\t"),
                    b"br" | b"cr" if !in_ppr => push(&mut paras, "\n"),
                    b"noBreakHyphen" => push(&mut paras, "-"),
                    b"softHyphen" => push(&mut paras, "\u{ad}"),
                    b"sym" => {
                        let bullet = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == b"char"
                                && matches!(
                                    a.value.to_ascii_uppercase().as_slice(),
                                    b"F0B7"
                                        | b"F0A7"
                                        | b"F0A8"
                                        | b"F076"
                                        | b"F0D8"
                                        | b"F0FC"
                                        | b"F06C"
                                        | b"F06E"
                                        | b"F0B2"
                                )
                        });
                        if bullet {
                            push(&mut paras, "•");
                        }
                    }
                    b"tbl" => tables.push(Table::default()),
                    b"tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.rows.push(Vec::new());
                        }
                    }
                    b"tc" | b"txbxContent" => containers.push(Container { lines: Vec::new() }),
                    b"delText" | b"instrText" => skip = 1,
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if !is_w {
                    continue;
                }
                match e.local_name().as_ref() {
                    b"p" => {
                        if let Some(p) = paras.pop() {
                            let target = &mut containers.last_mut().expect("body container").lines;
                            let mut first = true;
                            for line in p.text.split('\n') {
                                let line = line.trim_end();
                                if line.trim().is_empty() {
                                    continue;
                                }
                                if first && p.list && !line.trim_start().starts_with('•') {
                                    target.push(format!("• {}", line.trim_start()));
                                } else {
                                    target.push(line.to_string());
                                }
                                first = false;
                            }
                            if paras.is_empty() {
                                target.append(&mut boxes);
                            }
                        }
                    }
                    b"pPr" => in_ppr = false,
                    b"t" => in_text = false,
                    b"tc" if containers.len() > 1 => {
                        let cell = containers.pop().expect("cell container");
                        match tables.last_mut().and_then(|t| t.rows.last_mut()) {
                            Some(row) => row.push(cell.lines),
                            None => containers
                                .last_mut()
                                .expect("body container")
                                .lines
                                .extend(cell.lines),
                        }
                    }
                    b"tbl" => {
                        if let Some(t) = tables.pop() {
                            let target = &mut containers.last_mut().expect("body container").lines;
                            t.render(target);
                        }
                    }
                    b"txbxContent" if containers.len() > 1 => {
                        let tb = containers.pop().expect("text box container");
                        if paras.is_empty() {
                            containers
                                .last_mut()
                                .expect("body container")
                                .lines
                                .extend(tb.lines);
                        } else {
                            boxes.extend(tb.lines);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                let s = t
                    .unescape()
                    .unwrap_or_else(|_| String::from_utf8_lossy(t.as_ref()).into_owned().into());
                push(&mut paras, &s);
            }
            Event::CData(t) if in_text && skip == 0 => {
                push(&mut paras, &String::from_utf8_lossy(t.as_ref()));
            }
            _ => {}
        }
        buf.clear();
    }
    // Whatever was left open (a truncated part) still counts.
    while let Some(p) = paras.pop() {
        if !p.text.trim().is_empty() {
            containers[0].lines.push(p.text);
        }
    }
    let mut lines = Vec::new();
    for c in containers {
        lines.extend(c.lines);
    }
    lines.extend(boxes);
    let mut text = String::new();
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    Ok(text)
}

fn push(paras: &mut [Para], s: &str) {
    if let Some(p) = paras.last_mut() {
        p.text.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>{body}</w:body></w:document>"#
        );
        part_text(xml.as_bytes()).unwrap()
    }

    #[test]
    fn runs_join_and_paragraphs_break() {
        assert_eq!(
            doc("<w:p><w:r><w:t>Ja</w:t></w:r><w:r><w:t xml:space=\"preserve\">va &amp; </w:t></w:r><w:r><w:t>SQL</w:t></w:r></w:p><w:p><w:r><w:t>Next</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p>"),
            "Java & SQL\nNext\tx\ny\n"
        );
    }

    #[test]
    fn list_paragraphs_get_bullets() {
        assert_eq!(
            doc("<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr><w:tabs><w:tab w:val=\"left\" w:pos=\"709\"/></w:tabs></w:pPr><w:r><w:t>Kafka</w:t></w:r></w:p>"),
            "• Kafka\n"
        );
    }

    #[test]
    fn tables_join_small_cells_and_stack_big_ones() {
        let row = |a: &str, b: &str| {
            format!("<w:tr><w:tc><w:p><w:r><w:t>{a}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{b}</w:t></w:r></w:p></w:tc></w:tr>")
        };
        assert_eq!(
            doc(&format!(
                "<w:tbl>{}{}</w:tbl>",
                row("Languages", "Java, SQL"),
                row("Cloud", "AWS")
            )),
            "Languages | Java, SQL\nCloud | AWS\n"
        );
        assert_eq!(
            doc("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Skills</w:t></w:r></w:p><w:p><w:r><w:t>Rust</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Experience</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"),
            "Skills\nRust\nExperience\n"
        );
    }

    #[test]
    fn text_boxes_once_and_after_their_anchor() {
        let tb = "<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>After</w:t></w:r></w:p>";
        assert_eq!(doc(tb), "Anchor\nBoxed\nAfter\n");
    }

    #[test]
    fn deleted_text_and_field_codes_are_skipped() {
        assert_eq!(
            doc("<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>new</w:t></w:r></w:p>"),
            "new\n"
        );
    }

    #[test]
    fn numbering_zero_is_no_list() {
        assert_eq!(
            doc("<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Summary</w:t></w:r></w:p>"),
            "Summary\n"
        );
    }

    #[test]
    fn symbol_bullets() {
        assert_eq!(
            doc("<w:p><w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:tab/><w:t>Go</w:t></w:r></w:p>"),
            "•\tGo\n"
        );
    }

    #[test]
    fn part_names() {
        assert!(is_part("word/header1.xml", "header"));
        assert!(is_part("word/footer.xml", "footer"));
        assert!(!is_part("word/headers.xml", "header"));
        assert!(!is_part("word/document.xml", "header"));
    }
}
