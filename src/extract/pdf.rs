//! PDF to text: lopdf loads (with decompression capped), then each page is read by `pdf-extract`
//! and by a content-stream walk, and the plausible reading wins.
//!
//! Order of work and what bounds it:
//! 0. **Scan** the bytes for objects ([`super::pdf_repair`], one linear pass). When the scan finds
//!    an object stream whose `/Length` is stored inside an object stream (lopdf would recurse until
//!    the stack overflows) or stream lengths that do not end at `endstream`, or when lopdf fails on
//!    the original (damaged cross-reference table, no pages), the file is rebuilt from the objects
//!    found and loaded from that copy, with a warning.
//! 1. **Load** with a lopdf object filter that, before any stream is decompressed, measures what
//!    it would decompress to (capped by [`Limits::max_decompressed`] per stream and twice that
//!    for the whole document) and empties the streams over the cap, and drops the data of image
//!    XObjects (text never needs it). Object streams are covered because lopdf runs the filter
//!    before unpacking them. Not covered: cross-reference streams, and documents encrypted with
//!    an empty password (lopdf loads those without the filter; they are capped after loading).
//! 2. **Encryption**: readable with the empty password → read with a warning; otherwise
//!    [`ExtractError::EncryptedPdf`].
//! 3. **Pages**: more than [`Limits::max_pages`] → [`ExtractError::TooManyPages`].
//! 4. **Each page**, deadline checked before it: the content-stream walk ([`super::pdf_walk`]) counts the
//!    glyphs the page shows and reads them; then `pdf-extract` reads the page inside
//!    [`catch_quietly`] (skipped when forms nest too deep, loop or repeat too often for it). Its text is kept when it has at
//!    least half as many non-space characters as the page shows glyphs and most of it is words;
//!    otherwise whichever reading has more letters in real words wins.
//! 5. **Clean-up** per page, then running headers, footers and page numbers are removed across
//!    pages.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::io::{Read, Write};

use lopdf::{Document, LoadOptions, Object, ObjectId, Stream};

use super::cleanup::{clean, remove_running_lines};
use super::panic_guard::catch_quietly;
use super::pdf_repair;
use super::pdf_walk::{walk_page, PageWalk};
use super::{Deadline, ExtractError, Extracted, Format, Limits, PdfPath};

thread_local! {
    /// (per-stream cap, remaining document budget) for the load filter, which lopdf only lets us
    /// give as a plain `fn`. lopdf is built without rayon, so the filter runs on this thread.
    static LOAD_CAPS: Cell<(u64, u64)> = const { Cell::new((u64::MAX, u64::MAX)) };
    static LOAD_REPORT: RefCell<LoadReport> = RefCell::new(LoadReport::default());
    /// Page dictionaries the load filter keeps at most (see [`page_objects_cap`]).
    static PAGE_CAP: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// How many page dictionaries may be loaded before a document is refused as too long without
/// reading further: well above [`Limits::max_pages`], so that orphaned pages (left by incremental
/// updates) never refuse a document whose page tree is within the limit, and small enough that
/// a 100,000-page file costs little memory before it is refused.
fn page_objects_cap(limits: &Limits) -> usize {
    limits.max_pages.saturating_mul(4).saturating_add(100)
}

/// What the load filter did.
#[derive(Debug, Default, Clone)]
struct LoadReport {
    /// Streams emptied because they decompress beyond the cap or the budget.
    over_limit: usize,
    /// Image XObjects whose data was dropped.
    images: usize,
    /// Page dictionaries seen in object streams (top-level ones are counted by the scan), and
    /// whether the object streams past [`page_objects_cap`] were left unpacked.
    page_objects: usize,
    pages_dropped: bool,
}

/// Read a PDF document.
pub(crate) fn extract(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Extracted, ExtractError> {
    let mut warnings = Vec::new();
    let Opened {
        mut doc,
        mut report,
        pages,
        recovered,
    } = open(bytes, limits)?;
    if let Some(note) = recovered {
        warnings.push(note);
    }
    if doc.is_encrypted() {
        return Err(ExtractError::EncryptedPdf);
    }
    if doc.encryption_state.is_some() {
        warnings.push("PDF is encrypted with an empty user password; read it anyway".to_string());
        let after = sanitize_loaded(&mut doc, limits);
        report.over_limit += after.over_limit;
        report.images += after.images;
    }
    if report.over_limit > 0 {
        warnings.push(format!(
            "{} stream{} decompress beyond the limit and {} skipped",
            report.over_limit,
            if report.over_limit == 1 { "" } else { "s" },
            if report.over_limit == 1 {
                "was"
            } else {
                "were"
            },
        ));
    }
    if pages.len() > limits.max_pages {
        return Err(ExtractError::TooManyPages {
            pages: pages.len(),
            limit: limits.max_pages,
        });
    }

    let mut texts = Vec::with_capacity(pages.len());
    let mut paths = Vec::with_capacity(pages.len());
    let mut images = 0usize;
    let mut panics = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut rescued = 0usize;
    for (&page_num, &page_id) in &pages {
        deadline.check()?;
        let walk = catch_quietly(|| walk_page(&doc, page_id, deadline)).unwrap_or_else(|detail| {
            PageWalk {
                problems: vec![format!("content walk crashed: {detail}")],
                ..PageWalk::default()
            }
        });
        if walk.timed_out {
            deadline.check()?;
        }
        images += walk.images;
        problems.extend(
            walk.problems
                .iter()
                .map(|p| format!("page {page_num}: {p}")),
        );
        let pdf_extract = if walk.deep_forms {
            warnings.push(format!(
                "page {page_num}: form XObjects nest too deep, loop or repeat too often; read without pdf-extract"
            ));
            None
        } else {
            match catch_quietly(|| pdf_extract_page(&doc, page_num)) {
                Ok(Ok(text)) => Some(text),
                Ok(Err(e)) => {
                    panics.push(format!("page {page_num}: {e}"));
                    None
                }
                Err(detail) => {
                    panics.push(format!("page {page_num}: {detail}"));
                    None
                }
            }
        };
        let walked = clean(&walk.text, &mut Vec::new());
        let (text, path) = match pdf_extract {
            Some(raw) => {
                let a = clean(&raw, &mut Vec::new());
                let a_stats = TextStats::of(&a);
                if a_stats.plausible_for(walk.glyphs) {
                    (a, PdfPath::PdfExtract)
                } else {
                    let b_stats = TextStats::of(&walked);
                    if b_stats.word_letters > a_stats.word_letters {
                        rescued += 1;
                        (walked, PdfPath::ContentStream)
                    } else {
                        (a, PdfPath::PdfExtract)
                    }
                }
            }
            None => (walked, PdfPath::ContentStream),
        };
        let path = if text.trim().is_empty() {
            PdfPath::NoText
        } else {
            path
        };
        texts.push(text);
        paths.push(path);
    }
    if !panics.is_empty() {
        warnings.push(format!(
            "pdf-extract failed on {} of {} pages ({}); those pages were read from the content stream",
            panics.len(),
            pages.len(),
            panics[0]
        ));
    }
    if rescued > 0 {
        warnings.push(format!(
            "pdf-extract missed most of the text on {rescued} of {} pages; used the content-stream reading there",
            pages.len()
        ));
    }

    let removed = remove_running_lines(&mut texts);
    if removed > 0 {
        warnings.push(format!(
            "removed {removed} running header, footer or page-number line{}",
            if removed == 1 { "" } else { "s" }
        ));
    }
    let mut text = String::new();
    for t in &texts {
        let t = t.trim_matches('\n');
        if t.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(t);
        text.push('\n');
    }
    let letters = TextStats::of(&text).word_letters;
    if text.trim().is_empty() || (images > 0 && letters < 40 * pages.len()) {
        if images > 0 {
            return Err(ExtractError::ScannedPdf);
        }
        if report.over_limit > 0 {
            return Err(ExtractError::DecompressionLimit {
                format: Format::Pdf,
                what: format!("{} streams", report.over_limit),
                limit: limits.max_decompressed,
            });
        }
        if let Some(first) = problems.first() {
            return Err(ExtractError::Corrupt {
                format: Format::Pdf,
                detail: first.clone(),
            });
        }
        if let Some(first) = panics.first() {
            return Err(ExtractError::Panicked {
                detail: first.clone(),
            });
        }
        return Err(ExtractError::Empty);
    }
    Ok(Extracted {
        text,
        format: Format::Pdf,
        pages: Some(pages.len()),
        page_paths: paths,
        warnings,
    })
}

/// A loaded document and its pages.
struct Opened {
    doc: Document,
    report: LoadReport,
    pages: BTreeMap<u32, ObjectId>,
    /// How the file was recovered, when it was damaged.
    recovered: Option<String>,
}

/// Load the document, from the original bytes when they are safe and sound, else from a copy
/// rebuilt by scanning for objects ([`pdf_repair`]): first when the scan finds what would make
/// lopdf recurse without end or read wrong stream data, then when lopdf fails on the original
/// (a damaged or missing cross-reference table) or finds no pages in it.
fn open(bytes: &[u8], limits: &Limits) -> Result<Opened, ExtractError> {
    let scan = pdf_repair::scan(bytes);
    if scan.page_objects() > page_objects_cap(limits) {
        return Err(ExtractError::TooManyPages {
            pages: scan.page_objects(),
            limit: limits.max_pages,
        });
    }
    let read =
        |bytes: &[u8]| -> Result<(Document, LoadReport, BTreeMap<u32, ObjectId>), ExtractError> {
            let (doc, report) = load(bytes, limits)?;
            if doc.is_encrypted() {
                return Err(ExtractError::EncryptedPdf);
            }
            let pages = page_tree(&doc)?;
            Ok((doc, report, pages))
        };
    let recovered =
        |why: &str| format!("damaged PDF ({why}); read by scanning the file for objects");
    if let Some(hazard) = scan.hazard() {
        match scan.rebuild() {
            Some(rebuilt) => {
                let (doc, report, pages) = read(&rebuilt)?;
                return Ok(Opened {
                    doc,
                    report,
                    pages,
                    recovered: Some(recovered(&hazard)),
                });
            }
            None if scan.unsafe_for_lopdf() => {
                return Err(ExtractError::Corrupt {
                    format: Format::Pdf,
                    detail: format!("{hazard}, and no document catalog to rebuild from"),
                })
            }
            None => {}
        }
    }
    match read(bytes) {
        Ok((doc, report, pages)) => Ok(Opened {
            doc,
            report,
            pages,
            recovered: None,
        }),
        Err(e @ ExtractError::Corrupt { .. }) | Err(e @ ExtractError::Panicked { .. }) => {
            let Some(rebuilt) = scan.rebuild() else {
                return Err(e);
            };
            match read(&rebuilt) {
                Ok((doc, report, pages)) => Ok(Opened {
                    doc,
                    report,
                    pages,
                    recovered: Some(recovered(&cause_of(&e))),
                }),
                Err(_) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

fn cause_of(e: &ExtractError) -> String {
    match e {
        ExtractError::Corrupt { detail, .. } | ExtractError::Panicked { detail } => detail.clone(),
        other => other.to_string(),
    }
}

/// The pages of a loaded document, in order; an empty tree is corrupt.
fn page_tree(doc: &Document) -> Result<BTreeMap<u32, ObjectId>, ExtractError> {
    let pages = catch_quietly(|| doc.get_pages()).map_err(|detail| ExtractError::Panicked {
        detail: format!("reading the page tree: {detail}"),
    })?;
    if pages.is_empty() {
        return Err(ExtractError::Corrupt {
            format: Format::Pdf,
            detail: "no pages found".into(),
        });
    }
    Ok(pages)
}

/// Load with the capping filter; turn lopdf's failures into errors.
fn load(bytes: &[u8], limits: &Limits) -> Result<(Document, LoadReport), ExtractError> {
    let cap = limits.max_decompressed;
    LOAD_CAPS.with(|c| c.set((cap, cap.saturating_mul(2))));
    PAGE_CAP.with(|c| c.set(page_objects_cap(limits)));
    LOAD_REPORT.with(|r| *r.borrow_mut() = LoadReport::default());
    let options = LoadOptions {
        filter: Some(load_filter),
        ..LoadOptions::default()
    };
    let loaded = catch_quietly(|| Document::load_mem_with_options(bytes, options));
    let report = LOAD_REPORT.with(|r| std::mem::take(&mut *r.borrow_mut()));
    LOAD_CAPS.with(|c| c.set((u64::MAX, u64::MAX)));
    PAGE_CAP.with(|c| c.set(usize::MAX));
    match loaded {
        Ok(Ok(_)) if report.pages_dropped => Err(ExtractError::TooManyPages {
            pages: report.page_objects,
            limit: limits.max_pages,
        }),
        Ok(Ok(doc)) => Ok((doc, report)),
        Ok(Err(e)) => Err(match e {
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
                ExtractError::EncryptedPdf
            }
            e => ExtractError::Corrupt {
                format: Format::Pdf,
                detail: short(&e.to_string()),
            },
        }),
        Err(detail) => Err(ExtractError::Panicked { detail }),
    }
}

fn short(s: &str) -> String {
    let first = s.lines().next().unwrap_or_default();
    if first.chars().count() > 120 {
        first.chars().take(120).collect::<String>() + "…"
    } else {
        first.to_string()
    }
}

/// The lopdf object filter: cap decompression, drop image data. It must return the object it
/// is given (lopdf keeps the returned object for objects inside object streams).
fn load_filter(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object {
        let is_object_stream = stream
            .dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|t| t == b"ObjStm");
        if is_object_stream {
            // Count its pages before lopdf unpacks it; past the cap, it is not unpacked at all.
            let (cap, _) = LOAD_CAPS.with(Cell::get);
            let pages = decoded_capped(stream, cap).map_or(0, |d| count_page_dicts(&d));
            let page_cap = PAGE_CAP.with(Cell::get);
            let over = LOAD_REPORT.with(|r| {
                let mut r = r.borrow_mut();
                r.page_objects += pages;
                r.pages_dropped |= r.page_objects > page_cap;
                r.page_objects > page_cap
            });
            if over {
                empty_stream(stream);
                stream.dict.remove(b"Type");
                return Some((id, object.clone()));
            }
        }
    }
    if let Object::Dictionary(dict) = object {
        let is_page = dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|t| t == b"Page");
        if is_page {
            let cap = PAGE_CAP.with(Cell::get);
            let drop = LOAD_REPORT.with(|r| {
                let mut r = r.borrow_mut();
                r.page_objects += 1;
                r.pages_dropped |= r.page_objects > cap;
                r.page_objects > cap
            });
            if drop {
                return None;
            }
        }
    }
    if let Object::Stream(stream) = object {
        let outcome = LOAD_CAPS.with(|c| {
            let (cap, budget) = c.get();
            let r = sanitize_stream(stream, cap, budget);
            if let Sanitized::Kept(n) = r {
                c.set((cap, budget.saturating_sub(n)));
            }
            r
        });
        LOAD_REPORT.with(|r| {
            let mut r = r.borrow_mut();
            match outcome {
                Sanitized::Image => r.images += 1,
                Sanitized::OverLimit => r.over_limit += 1,
                Sanitized::Kept(_) => {}
            }
        });
    }
    Some((id, object.clone()))
}

/// Cap the streams of a document loaded without the filter (encrypted with an empty password).
fn sanitize_loaded(doc: &mut Document, limits: &Limits) -> LoadReport {
    let mut report = LoadReport::default();
    let cap = limits.max_decompressed;
    let mut budget = cap.saturating_mul(2);
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            match sanitize_stream(stream, cap, budget) {
                Sanitized::Image => report.images += 1,
                Sanitized::OverLimit => report.over_limit += 1,
                Sanitized::Kept(n) => budget = budget.saturating_sub(n),
            }
        }
    }
    report
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sanitized {
    /// An image: data dropped.
    Image,
    /// Decompresses beyond the cap or the remaining budget: data dropped.
    OverLimit,
    /// Kept; decompresses to this many bytes.
    Kept(u64),
}

fn sanitize_stream(stream: &mut Stream, cap: u64, budget: u64) -> Sanitized {
    let is_image = stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Image");
    if is_image {
        empty_stream(stream);
        return Sanitized::Image;
    }
    if !stream.dict.has(b"Filter") {
        return Sanitized::Kept(0);
    }
    match decoded_len_capped(stream, cap.min(budget)) {
        Some(n) => Sanitized::Kept(n),
        None => {
            empty_stream(stream);
            Sanitized::OverLimit
        }
    }
}

fn empty_stream(stream: &mut Stream) {
    stream.content = Vec::new();
    stream.dict.remove(b"Filter");
    stream.dict.remove(b"DecodeParms");
    stream.dict.set("Length", 0);
}

/// What a stream decompresses to, decoding its filter chain with at most `cap` bytes per stage;
/// `None` when a stage goes over. Filters lopdf cannot decode (DCT, JBIG2...) end the chain: lopdf
/// will not expand them either.
fn decoded_len_capped(stream: &Stream, cap: u64) -> Option<u64> {
    decoded_capped(stream, cap).map(|d| d.len() as u64)
}

/// A stream's data decoded as [`decoded_len_capped`] measures it.
fn decoded_capped(stream: &Stream, cap: u64) -> Option<std::borrow::Cow<'_, [u8]>> {
    let Ok(filters) = stream.filters() else {
        return Some(std::borrow::Cow::Borrowed(&stream.content));
    };
    let mut data: std::borrow::Cow<'_, [u8]> = std::borrow::Cow::Borrowed(&stream.content);
    for filter in filters {
        let next = match filter {
            b"FlateDecode" | b"Fl" => inflate_capped(&data, cap)?,
            b"LZWDecode" | b"LZW" => lzw_capped(&data, cap)?,
            b"ASCII85Decode" | b"A85" => ascii85(&data),
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
            _ => break,
        };
        data = std::borrow::Cow::Owned(next);
    }
    Some(data)
}

/// Page dictionaries (`/Type /Page`, not `/Pages`) written in `data`, the decoded text of an
/// object stream: counted without parsing the objects.
fn count_page_dicts(data: &[u8]) -> usize {
    let regular = |b: u8| !b.is_ascii_whitespace() && !b"()<>[]{}/%\0".contains(&b);
    let mut count = 0;
    let mut i = 0;
    while let Some(p) = data[i..].windows(5).position(|w| w == b"/Type") {
        let mut j = i + p + 5;
        while j < data.len() && (data[j].is_ascii_whitespace() || data[j] == 0) {
            j += 1;
        }
        if data[j..].starts_with(b"/Page") && data.get(j + 5).is_none_or(|&b| !regular(b)) {
            count += 1;
        }
        i = j;
    }
    count
}

/// A `Write` that refuses to hold more than `cap` bytes.
struct CappedSink {
    buf: Vec<u8>,
    cap: u64,
    over: bool,
}

impl Write for CappedSink {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() as u64 + data.len() as u64 > self.cap {
            self.over = true;
            return Err(std::io::Error::other("over the decompression cap"));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Inflate as lopdf does (zlib, then raw deflate after the 2-byte header if zlib yields
/// nothing), stopping past `cap`.
fn inflate_capped(input: &[u8], cap: u64) -> Option<Vec<u8>> {
    fn run(reader: impl Read, cap: u64) -> Result<Vec<u8>, bool> {
        let mut out = Vec::new();
        let mut limited = reader.take(cap + 1);
        let ok = limited.read_to_end(&mut out).is_ok();
        if out.len() as u64 > cap {
            return Err(true);
        }
        if ok || !out.is_empty() {
            Ok(out)
        } else {
            Err(false)
        }
    }
    if input.is_empty() {
        return Some(Vec::new());
    }
    match run(flate2::read::ZlibDecoder::new(input), cap) {
        Ok(v) => Some(v),
        Err(true) => None,
        Err(false) if input.len() > 2 => {
            match run(flate2::read::DeflateDecoder::new(&input[2..]), cap) {
                Ok(v) => Some(v),
                Err(true) => None,
                Err(false) => Some(Vec::new()),
            }
        }
        Err(false) => Some(Vec::new()),
    }
}

fn lzw_capped(input: &[u8], cap: u64) -> Option<Vec<u8>> {
    let mut sink = CappedSink {
        buf: Vec::new(),
        cap,
        over: false,
    };
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    // A decoding error mid-way keeps what was decoded, as lopdf does.
    let _ = decoder.into_stream(&mut sink).decode_all(input);
    (!sink.over).then_some(sink.buf)
}

fn ascii_hex(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2);
    let mut high: Option<u8> = None;
    for &b in input {
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            b'>' => break,
            _ => continue,
        };
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() * 4 / 5);
    let mut group = [0u32; 5];
    let mut n = 0;
    let body = input.strip_prefix(b"<~").unwrap_or(input);
    for &b in body {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group[n] = u32::from(b - b'!');
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let v = group.iter().fold(0u64, |acc, &d| acc * 85 + u64::from(d));
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    out
}

/// One page through `pdf-extract`, with this module's text collector.
fn pdf_extract_page(doc: &Document, page_num: u32) -> Result<String, String> {
    let mut collector = Collector::default();
    pdf_extract::output_doc_page(doc, &mut collector, page_num)
        .map_err(|e| short(&e.to_string()))?;
    Ok(collector.text)
}

/// `pdf-extract`'s plain-text output device, per page: a new line when the baseline moves by
/// more than the font size, or the text moves left and down, or jumps far back to the left on a
/// slightly lower baseline; a space when a string starts clearly after the end of the previous
/// one.
#[derive(Default)]
struct Collector {
    text: String,
    page_height: f64,
    last_end: f64,
    last_y: f64,
    first_char: bool,
    started: bool,
}

impl pdf_extract::OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &pdf_extract::MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.last_end = 100_000.0;
        self.started = false;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        let x = trm.m31;
        let y = self.page_height - trm.m32;
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let size = if size.is_finite() && size > 0.0 {
            size
        } else {
            10.0
        };
        if self.first_char && self.started {
            let dy = (y - self.last_y).abs();
            if dy > size * 1.5
                || (x < self.last_end && dy > size * 0.5)
                || (x < self.last_end - size * 2.0 && dy > size * 0.1)
            {
                // A new baseline, or a jump back to the left below the last text (entries drawn
                // over each other by negative spacing): a new line.
                self.text.push('\n');
            } else if x > self.last_end + size * 0.1 && !self.text.ends_with([' ', '\n']) {
                self.text.push(' ');
            }
        }
        if ch.chars().all(|c| c.is_whitespace() || c.is_control()) {
            // Some fonts map the space glyph to odd strings ("\t\r \u{a0}" from Word for Mac).
            if !ch.is_empty() && !self.text.ends_with([' ', '\n']) {
                self.text.push(' ');
            }
        } else {
            for c in ch.chars() {
                if !c.is_control() {
                    self.text.push(c);
                }
            }
        }
        self.first_char = false;
        self.started = true;
        self.last_y = y;
        let end = x + width * size;
        self.last_end = if end.is_finite() { end } else { x };
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.first_char = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

/// How much of a text is words.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TextStats {
    /// Characters other than whitespace.
    pub non_space: usize,
    /// Letters in word-like tokens: two or more characters, at least 80% letters.
    pub word_letters: usize,
}

impl TextStats {
    pub(crate) fn of(text: &str) -> TextStats {
        let mut s = TextStats::default();
        for token in text.split_whitespace() {
            let chars = token.chars().count();
            s.non_space += chars;
            let core = token.trim_matches(|c: char| !c.is_alphanumeric());
            let letters = core.chars().filter(|c| c.is_alphabetic()).count();
            let len = core.chars().count();
            if len >= 2 && letters * 5 >= len * 4 {
                s.word_letters += letters;
            }
        }
        s
    }

    /// Whether this reading of a page is believable for a page that shows `glyphs` glyphs: at
    /// least half of them came out, and at least half of the characters are in words.
    fn plausible_for(&self, glyphs: usize) -> bool {
        self.non_space * 2 >= glyphs && self.word_letters * 2 >= self.non_space
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_filters_decode() {
        assert_eq!(ascii_hex(b"48 65 6c6C6f>"), b"Hello");
        assert_eq!(ascii_hex(b"7"), [0x70]);
        assert_eq!(ascii85(b"<~87cURD]i,\"Ebo80~>"), b"Hello World!");
        assert_eq!(ascii85(b"z~>"), [0, 0, 0, 0]);
    }

    #[test]
    fn inflate_stops_at_the_cap() {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b'a'; 1_000_000]).unwrap();
        let bomb = enc.finish().unwrap();
        assert!(inflate_capped(&bomb, 999_999).is_none());
        assert_eq!(
            inflate_capped(&bomb, 1_000_000).map(|v| v.len()),
            Some(1_000_000)
        );
    }

    #[test]
    fn lzw_stops_at_the_cap() {
        let data = vec![b'x'; 200_000];
        let enc = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(&data)
            .unwrap();
        assert!(lzw_capped(&enc, 100_000).is_none());
        assert_eq!(lzw_capped(&enc, 300_000).map(|v| v.len()), Some(200_000));
    }

    #[test]
    fn page_dictionaries_are_counted_not_page_trees() {
        assert_eq!(
            count_page_dicts(
                b"<</Type/Page/Parent 2 0 R>> <</Type /Pages>> <</Type\n/Page>><</Type/PageLabel>>"
            ),
            2
        );
    }

    #[test]
    fn text_stats_count_words_not_noise() {
        let s = TextStats::of("Java, Spring Boot! 2019 – x ‹‹‹ a1");
        assert_eq!(s.word_letters, 4 + 6 + 4);
        assert!(!TextStats::of("Daniel").plausible_for(1000));
        assert!(TextStats::of("Daniel Okafor").plausible_for(14));
    }
}
