//! Recovery of damaged PDFs: scan the bytes for `N G obj … endobj` objects, as poppler and
//! mupdf do when the cross-reference table cannot be trusted, and write them out again as a
//! clean file that lopdf can load.
//!
//! The scan ([`scan`]) is one pass over the file, linear in its size: it finds each object
//! header, the object's dictionary or body, and for a stream its data. A stream's length is its
//! `/Length` when that is a number that ends just before `endstream`; otherwise (a wrong number,
//! a reference that cannot be resolved safely) the data runs to the next `endstream`.
//!
//! What the scan tells before lopdf sees the file ([`Scan::hazard`]):
//! - an **object stream whose `/Length` is a reference to an object that is not top-level** (an
//!   object stored in an object stream, perhaps that same one): lopdf resolves it by loading the
//!   object stream, which needs its length, and so on until the stack overflows, an abort no
//!   `catch_unwind` stops. The rebuilt file has every length written out as a number, so lopdf
//!   never follows such a chain.
//! - a **stream whose `/Length` does not end at `endstream`** (too short, past the end of the
//!   file): lopdf would read a cut or empty stream.
//!
//! Otherwise lopdf reads the original file, and the rebuilt one only when that fails (a missing
//! or wrong cross-reference table: no pages found, or a parse error).
//!
//! Bounds: one pass, no recursion; at most [`MAX_OBJECT_NUMBER`] as an object number; the rebuilt
//! file is about the size of the original.

use std::collections::BTreeMap;

/// Highest object number kept (the PDF specification's implementation limit).
pub(crate) const MAX_OBJECT_NUMBER: u32 = 8_388_607;

/// One object found by the scan.
#[derive(Debug, Clone)]
struct RawObject<'a> {
    generation: u16,
    /// The dictionary of a stream, or the whole body of any other object.
    head: &'a [u8],
    /// A stream's data, with the length decided by the scan.
    data: Option<&'a [u8]>,
}

/// What the scan found.
#[derive(Debug, Default)]
pub(crate) struct Scan<'a> {
    /// Objects by number; a later definition replaces an earlier one (incremental updates).
    objects: BTreeMap<u32, RawObject<'a>>,
    /// Object streams whose `/Length` refers to an object that is not top-level.
    unsafe_lengths: usize,
    /// Streams whose `/Length` does not end at `endstream`.
    wrong_lengths: usize,
    /// Top-level objects that are page dictionaries (`/Type /Page`).
    page_objects: usize,
    /// `/Root`, `/Info`, `/Encrypt` and `/ID` of the last trailer (or cross-reference stream).
    trailer: Vec<(&'static [u8], &'a [u8])>,
}

impl Scan<'_> {
    /// Why the original file must not be given to lopdf, if it must not.
    pub(crate) fn hazard(&self) -> Option<String> {
        if self.unsafe_lengths > 0 {
            Some(format!(
                "{} object stream{} with a length stored inside an object stream",
                self.unsafe_lengths,
                plural(self.unsafe_lengths)
            ))
        } else if self.wrong_lengths > 0 {
            Some(format!(
                "{} stream{} with a wrong length",
                self.wrong_lengths,
                plural(self.wrong_lengths)
            ))
        } else {
            None
        }
    }

    /// Top-level page dictionaries found (pages stored in object streams are not seen): an
    /// upper bound of the page count, orphaned pages of incremental updates included.
    pub(crate) fn page_objects(&self) -> usize {
        self.page_objects
    }

    /// Whether lopdf must not read the original file: it would recurse without end.
    pub(crate) fn unsafe_for_lopdf(&self) -> bool {
        self.unsafe_lengths > 0
    }

    /// A clean PDF holding every object found, each stream with its length written as a
    /// number, a classic cross-reference table and a trailer; `None` when there is nothing to
    /// rebuild (no objects, or no catalog).
    pub(crate) fn rebuild(&self) -> Option<Vec<u8>> {
        let root = self
            .trailer
            .iter()
            .find(|(k, _)| *k == b"Root")
            .map(|(_, v)| v.to_vec())
            // The catalog may be inside an object stream, which lopdf unpacks.
            .filter(|v| reference_number(v).is_some())
            .or_else(|| {
                self.objects
                    .iter()
                    .rev()
                    .find(|(_, o)| is_type(o.head, b"Catalog"))
                    .map(|(n, o)| format!("{n} {} R", o.generation).into_bytes())
            })?;
        let size: usize = self
            .objects
            .values()
            .map(|o| o.head.len() + o.data.map_or(0, <[u8]>::len) + 64)
            .sum();
        let mut out = Vec::with_capacity(size + self.objects.len() * 20 + 256);
        out.extend_from_slice(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
        let mut offsets: Vec<(u32, u16, usize)> = Vec::with_capacity(self.objects.len());
        for (&number, object) in &self.objects {
            if object.data.is_some() && is_type(object.head, b"XRef") {
                continue;
            }
            offsets.push((number, object.generation, out.len()));
            out.extend_from_slice(format!("{number} {} obj\n", object.generation).as_bytes());
            match object.data {
                Some(data) => {
                    out.extend_from_slice(&with_length(object.head, data.len()));
                    out.extend_from_slice(b"\nstream\n");
                    out.extend_from_slice(data);
                    out.extend_from_slice(b"\nendstream\nendobj\n");
                }
                None => {
                    out.extend_from_slice(object.head);
                    out.extend_from_slice(b"\nendobj\n");
                }
            }
        }
        let xref = out.len();
        let max = offsets.last().map_or(0, |o| o.0);
        out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
        // One subsection per run of consecutive numbers: the table stays as small as the file.
        let mut i = 0;
        while i < offsets.len() {
            let mut j = i + 1;
            while j < offsets.len() && offsets[j].0 == offsets[j - 1].0 + 1 {
                j += 1;
            }
            out.extend_from_slice(format!("{} {}\n", offsets[i].0, j - i).as_bytes());
            for &(_, generation, offset) in &offsets[i..j] {
                out.extend_from_slice(format!("{offset:010} {generation:05} n \n").as_bytes());
            }
            i = j;
        }
        out.extend_from_slice(format!("trailer\n<< /Size {} /Root ", max + 1).as_bytes());
        out.extend_from_slice(&root);
        for (key, value) in &self.trailer {
            if *key != b"Root" {
                out.extend_from_slice(b" /");
                out.extend_from_slice(key);
                out.push(b' ');
                out.extend_from_slice(value);
            }
        }
        out.extend_from_slice(format!(" >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
        Some(out)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `head` (a stream dictionary) with its `/Length` set to `len`.
fn with_length(head: &[u8], len: usize) -> Vec<u8> {
    let number = len.to_string();
    let mut out = Vec::with_capacity(head.len() + 16);
    match dict_entry(head, b"Length") {
        Some(span) => {
            out.extend_from_slice(&head[..span.start]);
            out.extend_from_slice(number.as_bytes());
            out.extend_from_slice(&head[span.end..]);
        }
        None => {
            // Before the dictionary's closing `>>`.
            let end = head
                .windows(2)
                .rposition(|w| w == b">>")
                .unwrap_or(head.len());
            out.extend_from_slice(&head[..end]);
            out.extend_from_slice(b" /Length ");
            out.extend_from_slice(number.as_bytes());
            out.push(b' ');
            out.extend_from_slice(&head[end..]);
        }
    }
    out
}

fn is_type(head: &[u8], name: &[u8]) -> bool {
    dict_entry(head, b"Type").is_some_and(|span| {
        let v = &head[span];
        v.len() == name.len() + 1 && v[0] == b'/' && &v[1..] == name
    })
}

/// `12 0 R` → 12.
fn reference_number(value: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(value).ok()?;
    let mut parts = text.split_ascii_whitespace();
    let number = parts.next()?.parse().ok()?;
    parts.next()?.parse::<u16>().ok()?;
    (parts.next()? == "R" && parts.next().is_none()).then_some(number)
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

/// The next occurrence of `needle` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let at = hay[i..=hay.len() - needle.len()]
            .iter()
            .position(|&b| b == first)?;
        let p = i + at;
        if &hay[p..p + needle.len()] == needle {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// A forward-only search that remembers its last answer, so that asking again from a position
/// before that answer costs nothing: the scan stays linear however objects are laid out.
struct Finder<'n> {
    needle: &'n [u8],
    /// The last answer and the position it was searched from.
    last: Option<(usize, Option<usize>)>,
}

impl<'n> Finder<'n> {
    fn new(needle: &'n [u8]) -> Self {
        Finder { needle, last: None }
    }

    fn next(&mut self, hay: &[u8], from: usize) -> Option<usize> {
        if let Some((searched_from, answer)) = self.last {
            if searched_from <= from && answer.is_none_or(|a| a >= from) {
                return answer;
            }
        }
        let answer = find(hay, self.needle, from);
        self.last = Some((from, answer));
        answer
    }
}

/// If `pos` is the `o` of an object header `N G obj`, the header's start, number and generation.
fn header_at(bytes: &[u8], pos: usize) -> Option<(usize, u32, u16)> {
    if bytes.get(pos + 3).is_some_and(|&b| is_regular(b)) {
        return None;
    }
    let mut i = pos;
    let white = |i: &mut usize| {
        let end = *i;
        while *i > 0 && is_white(bytes[*i - 1]) {
            *i -= 1;
        }
        *i < end
    };
    let digits = |i: &mut usize| {
        let end = *i;
        while *i > 0 && bytes[*i - 1].is_ascii_digit() && end - *i < 10 {
            *i -= 1;
        }
        (*i < end).then(|| std::str::from_utf8(&bytes[*i..end]).ok())?
    };
    if !white(&mut i) {
        return None;
    }
    let generation: u16 = digits(&mut i)?.parse().ok()?;
    if !white(&mut i) {
        return None;
    }
    let number: u32 = digits(&mut i)?.parse().ok()?;
    if i > 0 && is_regular(bytes[i - 1]) {
        return None;
    }
    Some((i, number, generation))
}

/// Scan `bytes` for objects. Linear in the size of the file.
pub(crate) fn scan(bytes: &[u8]) -> Scan<'_> {
    let mut scan = Scan::default();
    let mut obj = Finder::new(b"obj");
    let mut endobj = Finder::new(b"endobj");
    let mut stream = Finder::new(b"stream");
    let mut endstream = Finder::new(b"endstream");
    let mut trailer = Finder::new(b"trailer");
    // Object streams whose length refers to another object: checked once all objects are known.
    let mut indirect: Vec<u32> = Vec::new();
    let mut pos = 0;
    while let Some(at) = obj.next(bytes, pos) {
        let Some((_, number, generation)) = header_at(bytes, at) else {
            pos = at + 3;
            continue;
        };
        let body_start = at + 3;
        // The body ends at `endobj`, at `stream` (a stream's dictionary), or at the next
        // object header, whichever comes first.
        let next_header = {
            let mut from = body_start;
            loop {
                match obj.next(bytes, from) {
                    Some(p) if header_at(bytes, p).is_none() => from = p + 3,
                    Some(p) => break header_at(bytes, p).map(|h| h.0),
                    None => break None,
                }
            }
        };
        let end_obj = endobj.next(bytes, body_start);
        // `stream` that is not the tail of `endstream`.
        let mut from = body_start;
        let stream_kw = loop {
            match stream.next(bytes, from) {
                Some(p) if p >= 3 && &bytes[p - 3..p] == b"end" => from = p + 6,
                other => break other,
            }
        };
        let limit = [end_obj, next_header]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(bytes.len());
        if number > MAX_OBJECT_NUMBER {
            pos = limit.max(body_start);
            continue;
        }
        match stream_kw.filter(|&s| s < limit) {
            Some(s) => {
                let head = trim(&bytes[body_start..s]);
                let mut data_start = s + 6;
                if bytes.get(data_start) == Some(&b'\r') {
                    data_start += 1;
                }
                if bytes.get(data_start) == Some(&b'\n') {
                    data_start += 1;
                }
                let end_stream = endstream.next(bytes, data_start);
                let length = dict_entry(head, b"Length").map(|span| &head[span]);
                let direct = length
                    .and_then(|v| std::str::from_utf8(v).ok())
                    .and_then(|v| v.trim().parse::<usize>().ok());
                let fits = |len: usize| {
                    let end = data_start.checked_add(len)?;
                    let rest = bytes.get(end..)?;
                    let skip = rest.iter().take_while(|&&b| is_white(b)).count();
                    rest[skip..].starts_with(b"endstream").then_some(end)
                };
                let data_end = match direct.and_then(fits) {
                    Some(end) => end,
                    None => {
                        if direct.is_some() {
                            scan.wrong_lengths += 1;
                        } else if is_type(head, b"ObjStm") {
                            if let Some(target) = length.and_then(reference_number) {
                                indirect.push(target);
                            }
                        }
                        match end_stream {
                            Some(e) => trim_eol(bytes, data_start, e),
                            None => direct
                                .and_then(|l| data_start.checked_add(l))
                                .unwrap_or(bytes.len())
                                .min(bytes.len()),
                        }
                    }
                };
                scan.objects.insert(
                    number,
                    RawObject {
                        generation,
                        head,
                        data: Some(&bytes[data_start..data_end]),
                    },
                );
                pos = match end_stream {
                    Some(e) if e >= data_end => e + 9,
                    _ => data_end,
                };
            }
            None => {
                let body = trim(&bytes[body_start..limit]);
                if is_type(body, b"XRef") {
                    // A cross-reference stream's dictionary without its data: only its trailer keys.
                    take_trailer(body, &mut scan.trailer);
                } else if is_type(body, b"Page") {
                    let replaced = scan
                        .objects
                        .get(&number)
                        .is_some_and(|o| is_type(o.head, b"Page"));
                    if !replaced {
                        scan.page_objects += 1;
                    }
                }
                scan.objects.insert(
                    number,
                    RawObject {
                        generation,
                        head: body,
                        data: None,
                    },
                );
                pos = if Some(limit) == end_obj {
                    limit + 6
                } else {
                    limit
                };
            }
        }
        if let Some(o) = scan.objects.get(&number) {
            if o.data.is_some() && is_type(o.head, b"XRef") {
                take_trailer(o.head, &mut scan.trailer);
            }
        }
    }
    // Classic trailers (the last one wins).
    let mut from = 0;
    while let Some(t) = trailer.next(bytes, from) {
        let rest = &bytes[t + 7..];
        let skip = rest.iter().take_while(|&&b| is_white(b)).count();
        if rest[skip..].starts_with(b"<<") {
            let start = t + 7 + skip;
            if let Some(end) = value_end(bytes, start) {
                take_trailer(&bytes[start..end], &mut scan.trailer);
            }
        }
        from = t + 7;
    }
    for target in indirect {
        // Safe only when the length is a top-level object holding a number.
        let top_level_number = scan.objects.get(&target).is_some_and(|o| {
            o.data.is_none()
                && std::str::from_utf8(o.head).is_ok_and(|t| t.trim().parse::<u64>().is_ok())
        });
        if !top_level_number {
            scan.unsafe_lengths += 1;
        }
    }
    scan
}

/// Keep the keys of a trailer dictionary that the rebuilt trailer needs.
fn take_trailer<'a>(dict: &'a [u8], into: &mut Vec<(&'static [u8], &'a [u8])>) {
    for key in [&b"Root"[..], b"Info", b"Encrypt", b"ID"] {
        if let Some(span) = dict_entry(dict, key) {
            let key: &'static [u8] = match key {
                b"Root" => b"Root",
                b"Info" => b"Info",
                b"Encrypt" => b"Encrypt",
                _ => b"ID",
            };
            into.retain(|(k, _)| *k != key);
            into.push((key, &dict[span]));
        }
    }
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_white(b)).unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|&b| !is_white(b))
        .map_or(start, |e| e + 1);
    &s[start..end]
}

/// The end of stream data that runs up to `endstream` at `e`: one end-of-line before it is
/// not data.
fn trim_eol(bytes: &[u8], start: usize, e: usize) -> usize {
    let mut end = e;
    if end > start && bytes[end - 1] == b'\n' {
        end -= 1;
    }
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    end
}

/// The span of the value of `key` in the outermost dictionary of `dict` (`<< … >>`), if any.
fn dict_entry(dict: &[u8], key: &[u8]) -> Option<std::ops::Range<usize>> {
    let mut i = dict.iter().position(|&b| !is_white(b))?;
    if !dict[i..].starts_with(b"<<") {
        return None;
    }
    i += 2;
    loop {
        i = skip_space(dict, i);
        if i >= dict.len() || dict[i..].starts_with(b">>") {
            return None;
        }
        // A key.
        if dict[i] != b'/' {
            // Not a dictionary we understand; skip one value and go on.
            i = value_end(dict, i)?;
            continue;
        }
        let name_end = name_end(dict, i + 1);
        let is_key = &dict[i + 1..name_end] == key;
        let value_start = skip_space(dict, name_end);
        let value_end = value_end(dict, value_start)?;
        // `N G R` is one value.
        let value_end = reference_end(dict, value_start, value_end).unwrap_or(value_end);
        if is_key {
            return Some(value_start..value_end);
        }
        i = value_end;
    }
}

fn skip_space(s: &[u8], mut i: usize) -> usize {
    while i < s.len() {
        if is_white(s[i]) {
            i += 1;
        } else if s[i] == b'%' {
            while i < s.len() && s[i] != b'\n' && s[i] != b'\r' {
                i += 1;
            }
        } else {
            break;
        }
    }
    i
}

fn name_end(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_regular(s[i]) {
        i += 1;
    }
    i
}

/// When the value at `start..end` is a number followed by a number and `R`, the end of the `R`.
fn reference_end(s: &[u8], start: usize, end: usize) -> Option<usize> {
    if !s[start..end].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let g = skip_space(s, end);
    let g_end = name_end(s, g);
    if g_end == g || !s[g..g_end].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let r = skip_space(s, g_end);
    (s.get(r) == Some(&b'R') && s.get(r + 1).is_none_or(|&b| !is_regular(b))).then_some(r + 1)
}

/// The end of the one value starting at `i` (a dictionary, array, string, name or plain
/// token). Nesting is counted, never recursed into.
fn value_end(s: &[u8], i: usize) -> Option<usize> {
    let mut i = i;
    let mut depth = 0usize;
    loop {
        let b = *s.get(i)?;
        match b {
            b'(' => {
                let mut parens = 0usize;
                while i < s.len() {
                    match s[i] {
                        b'\\' => i += 1,
                        b'(' => parens += 1,
                        b')' => {
                            parens -= 1;
                            if parens == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'<' if s.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
            }
            b'<' => {
                i = s[i..].iter().position(|&c| c == b'>').map(|p| i + p + 1)?;
            }
            b'>' if s.get(i + 1) == Some(&b'>') => {
                depth = depth.checked_sub(1)?;
                i += 2;
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b'/' => i = name_end(s, i + 1),
            _ if is_white(b) || b == b'%' => {
                i = skip_space(s, i);
                continue;
            }
            _ if is_regular(b) => i = name_end(s, i),
            _ => i += 1,
        }
        if depth == 0 {
            return Some(i.min(s.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_entries_are_found_at_the_top_level_only() {
        let d = b"<< /DecodeParms << /Length 3 >> /Length 12 0 R /Filter /FlateDecode >>";
        assert_eq!(&d[dict_entry(d, b"Length").unwrap()], b"12 0 R");
        assert_eq!(&d[dict_entry(d, b"Filter").unwrap()], b"/FlateDecode");
        let d = b"<</Type/Page/Contents 4 0 R/Length 7>>";
        assert_eq!(&d[dict_entry(d, b"Length").unwrap()], b"7");
        assert!(is_type(b"<</Type/Page>>", b"Page"));
        let d = b"<< /T (a >> b \\) c) /Length 5 >>";
        assert_eq!(&d[dict_entry(d, b"Length").unwrap()], b"5");
        assert_eq!(dict_entry(b"<< /A [1 2", b"Length"), None);
    }

    #[test]
    fn a_length_is_rewritten_or_added() {
        assert_eq!(
            with_length(b"<< /Length 6 0 R /N 5 >>", 120),
            b"<< /Length 120 /N 5 >>"
        );
        assert_eq!(with_length(b"<< /N 5 >>", 3), b"<< /N 5  /Length 3 >>");
    }

    #[test]
    fn headers_need_two_numbers_before_obj() {
        let b = b"1 0 obj 12 0 obj endobj xobj 3 obj";
        assert_eq!(header_at(b, 4), Some((0, 1, 0)));
        assert_eq!(header_at(b, 13), Some((8, 12, 0)));
        assert_eq!(header_at(b, 20), None); // endobj
        assert_eq!(header_at(b, 25), None); // xobj
        assert_eq!(header_at(b, 32), None); // one number only
    }

    #[test]
    fn a_stream_with_a_wrong_length_runs_to_endstream() {
        let pdf =
            b"%PDF-1.4\n1 0 obj\n<< /Length 3 >>\nstream\nBT (hello) Tj ET\nendstream\nendobj\n";
        let s = scan(pdf);
        assert_eq!(s.wrong_lengths, 1);
        assert_eq!(s.objects[&1].data, Some(&b"BT (hello) Tj ET"[..]));
        let pdf =
            b"%PDF-1.4\n1 0 obj\n<< /Length 16 >>\nstream\nBT (hello) Tj ET\nendstream\nendobj\n";
        let s = scan(pdf);
        assert_eq!(s.wrong_lengths, 0);
        assert!(s.hazard().is_none());
    }

    #[test]
    fn scanning_is_linear_on_many_unfinished_headers() {
        // 200,000 headers without endobj: each search is remembered, not repeated.
        let pdf = b"1 0 obj << >> ".repeat(200_000);
        let started = std::time::Instant::now();
        let s = scan(&pdf);
        assert_eq!(s.objects.len(), 1);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
