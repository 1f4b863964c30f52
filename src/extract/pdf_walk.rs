//! The second PDF path: walk a page's content stream with lopdf and show its text.
//!
//! `pdf-extract` is the better reader when it works (it parses font programs, handles more
//! encodings and places characters precisely), but it ignores the `'` and `"` text operators, so
//! a PDF made by Ghostscript comes out nearly empty, and it panics or recurses without bound on
//! some files. This walker is small, bounded (depth, operations, deadline) and never panics by
//! design; its output also tells how much text a page *shows*, which is how a too-short
//! `pdf-extract` result is noticed.
//!
//! Handled: `BT ET Tf TL Tc Tw Tz Td TD T* Tm Tj TJ ' "`, `q Q cm`, form XObjects through `Do`
//! (resources inherited as in the spec, depth ≤ [`MAX_FORM_DEPTH`], cycles cut), image XObjects
//! and inline images counted. Fonts are decoded with their `ToUnicode` map when there is one,
//! else with lopdf's reading of `/Encoding`; advances come from `/Widths` (simple fonts) or
//! `/W` and `/DW` (CID fonts).

use std::collections::{HashMap, HashSet};

use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::Deadline;

/// Deepest nesting of form XObjects followed.
pub(crate) const MAX_FORM_DEPTH: usize = 12;
/// Most content-stream operations read on one page (forms included).
const MAX_OPS: usize = 2_000_000;

/// What one page's content stream shows.
#[derive(Debug, Default)]
pub(crate) struct PageWalk {
    /// The text, one line per baseline.
    pub text: String,
    /// Glyphs shown by text operators (string bytes, halved for two-byte fonts).
    pub glyphs: usize,
    /// Image XObjects and inline images drawn.
    pub images: usize,
    /// Forms nested deeper than [`MAX_FORM_DEPTH`], in a cycle, or drawn so often that the page
    /// runs past [`MAX_OPS`]: `pdf-extract` would recurse or work without end on this page, so it
    /// must not be run on it.
    pub deep_forms: bool,
    /// Problems met (undecodable content stream...).
    pub problems: Vec<String>,
    /// The deadline passed while walking.
    pub timed_out: bool,
}

/// A 2-D affine matrix `[a b c d e f]` as PDF writes it (row vectors: `p' = p × M`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Mat([f64; 6]);

impl Mat {
    const ID: Mat = Mat([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(tx: f64, ty: f64) -> Mat {
        Mat([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self × other`: apply `self` first, then `other`.
    fn then(&self, o: &Mat) -> Mat {
        let [a, b, c, d, e, f] = self.0;
        let [oa, ob, oc, od, oe, of] = o.0;
        Mat([
            a * oa + b * oc,
            a * ob + b * od,
            c * oa + d * oc,
            c * ob + d * od,
            e * oa + f * oc + oe,
            e * ob + f * od + of,
        ])
    }

    /// Scale factor for lengths: square root of the determinant's magnitude.
    fn scale(&self) -> f64 {
        let [a, b, c, d, _, _] = self.0;
        (a * d - b * c).abs().sqrt()
    }

    fn from_operands(ops: &[Object]) -> Option<Mat> {
        if ops.len() < 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = num(o)?;
        }
        m.iter().all(|v| v.is_finite()).then_some(Mat(m))
    }
}

pub(crate) fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// Follow references (bounded) to the object they name.
pub(crate) fn deref<'a>(doc: &'a Document, mut o: &'a Object) -> Option<&'a Object> {
    for _ in 0..8 {
        match o {
            Object::Reference(id) => o = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

fn dict_get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().and_then(|o| deref(doc, o))
}

fn dict_get_dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match dict_get(doc, d, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// A page's resources, inherited from the page tree when the page has none.
pub(crate) fn page_resources(doc: &Document, page_id: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    for _ in 0..32 {
        if let Some(r) = dict_get_dict(doc, node, b"Resources") {
            return Some(r);
        }
        node = dict_get_dict(doc, node, b"Parent")?;
    }
    None
}

/// How to decode and advance one font.
struct FontInfo<'a> {
    encoding: Option<Encoding<'a>>,
    two_byte: bool,
    /// Advance widths in glyph space by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space (0.001 except for Type 3 fonts).
    unit: f64,
}

impl FontInfo<'_> {
    fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.unit
    }
}

/// Identity of a font dictionary: its object id, or its address for a direct dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Id(ObjectId),
    Direct(usize),
}

/// Collect every font reachable from `resources` (through forms, bounded).
fn collect_fonts<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    depth: usize,
    seen_forms: &mut HashSet<ObjectId>,
    out: &mut Vec<(FontKey, &'a Dictionary)>,
) {
    if let Some(fonts) = dict_get_dict(doc, resources, b"Font") {
        for (_, f) in fonts.iter() {
            let (key, dict) = match f {
                Object::Reference(id) => match doc.get_dictionary(*id) {
                    Ok(d) => (FontKey::Id(*id), d),
                    Err(_) => continue,
                },
                Object::Dictionary(d) => (FontKey::Direct(d as *const Dictionary as usize), d),
                _ => continue,
            };
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, dict));
            }
        }
    }
    if depth >= MAX_FORM_DEPTH {
        return;
    }
    if let Some(xobjects) = dict_get_dict(doc, resources, b"XObject") {
        for (_, x) in xobjects.iter() {
            let Object::Reference(id) = x else { continue };
            if !seen_forms.insert(*id) {
                continue;
            }
            let Ok(Object::Stream(s)) = doc.get_object(*id) else {
                continue;
            };
            if let Some(r) = dict_get_dict(doc, &s.dict, b"Resources") {
                collect_fonts(doc, r, depth + 1, seen_forms, out);
            }
        }
    }
}

/// Build the decoding information of a font. `patched` holds a copy of the font dictionary
/// without `/Encoding` when the font has a `ToUnicode` map, so that lopdf decodes with the map.
fn font_info<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    patched: Option<&'a Dictionary>,
) -> FontInfo<'a> {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let two_byte = subtype == b"Type0";
    let encoding = patched
        .and_then(|p| p.get_font_encoding(doc).ok())
        .or_else(|| dict.get_font_encoding(doc).ok())
        .filter(|_| !two_byte || dict.has(b"ToUnicode"));
    let mut widths = HashMap::new();
    let mut default_width = 500.0;
    let mut unit = 0.001;
    if two_byte {
        default_width = 1000.0;
        let descendant = dict_get(doc, dict, b"DescendantFonts")
            .and_then(|a| a.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|d| deref(doc, d))
            .and_then(|d| d.as_dict().ok());
        if let Some(cid) = descendant {
            if let Some(dw) = dict_get(doc, cid, b"DW").and_then(num) {
                default_width = dw;
            }
            if let Some(Object::Array(w)) = dict_get(doc, cid, b"W") {
                parse_cid_widths(doc, w, &mut widths);
            }
        }
    } else {
        if subtype == b"Type3" {
            if let Some(Object::Array(m)) = dict_get(doc, dict, b"FontMatrix") {
                if let Some(a) = m.first().and_then(num) {
                    unit = a.abs();
                }
            }
        }
        let first = dict_get(doc, dict, b"FirstChar")
            .and_then(num)
            .unwrap_or(0.0);
        if let Some(Object::Array(ws)) = dict_get(doc, dict, b"Widths") {
            for (i, w) in ws.iter().take(256).enumerate() {
                if let Some(w) = deref(doc, w).and_then(num) {
                    widths.insert(first as u32 + i as u32, w);
                }
            }
        }
        if let Some(missing) = dict_get_dict(doc, dict, b"FontDescriptor")
            .and_then(|fd| dict_get(doc, fd, b"MissingWidth"))
            .and_then(num)
        {
            default_width = missing;
        }
    }
    FontInfo {
        encoding,
        two_byte,
        widths,
        default_width,
        unit,
    }
}

/// `/W [ c [w1 w2 ...]  c1 c2 w ... ]`, bounded.
fn parse_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() && out.len() < 65_536 {
        let Some(first) = deref(doc, &w[i]).and_then(num) else {
            return;
        };
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(65_536) {
                    if let Some(v) = deref(doc, v).and_then(num) {
                        out.insert(first as u32 + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (
                    num(o),
                    w.get(i + 2).and_then(|o| deref(doc, o)).and_then(num),
                ) else {
                    return;
                };
                let (first, last) = (first as u32, last as u32);
                for c in first..=last.min(first.saturating_add(65_535)) {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => return,
        }
    }
}

#[derive(Clone)]
struct TextState {
    font: Option<FontKey>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    h_scale: f64,
    leading: f64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
        }
    }
}

/// Text being laid out: lines by baseline, spaces by gaps.
#[derive(Default)]
struct Layout {
    text: String,
    last_y: Option<f64>,
    last_end_x: f64,
    last_size: f64,
}

impl Layout {
    fn put(&mut self, s: &str, x: f64, y: f64, size: f64, end_x: f64) {
        if s.is_empty() {
            return;
        }
        let size = if size.is_finite() && size > 0.1 {
            size
        } else {
            10.0
        };
        let small = size.min(self.last_size.max(1.0));
        match self.last_y {
            Some(ly)
                if (y - ly).abs() > 0.5 * small
                    || (x < self.last_end_x - 2.0 * size && (y - ly).abs() > 0.1 * small) =>
            {
                self.text.push('\n');
            }
            Some(_) => {
                let gap = x - self.last_end_x;
                if (gap > 0.15 * size || gap < -2.0 * size)
                    && !self.text.ends_with([' ', '\n'])
                    && !s.starts_with(' ')
                {
                    self.text.push(' ');
                }
            }
            None => {}
        }
        if !(s == " " && self.text.ends_with([' ', '\n'])) {
            self.text.push_str(s);
        }
        self.last_y = Some(y);
        self.last_end_x = end_x;
        self.last_size = size;
    }
}

struct Walker<'a, 'd> {
    doc: &'a Document,
    fonts: &'d HashMap<FontKey, FontInfo<'a>>,
    deadline: &'d Deadline,
    out: PageWalk,
    layout: Layout,
    ops: usize,
    /// Decoded form XObjects, by object id: a form drawn many times is decoded once.
    form_cache: HashMap<ObjectId, Rc<Vec<Operation>>>,
}

/// Read one page.
pub(crate) fn walk_page(doc: &Document, page_id: ObjectId, deadline: &Deadline) -> PageWalk {
    let resources = page_resources(doc, page_id);
    let mut font_dicts = Vec::new();
    if let Some(r) = resources {
        collect_fonts(doc, r, 0, &mut HashSet::new(), &mut font_dicts);
    }
    // Copies of fonts with a ToUnicode map, without /Encoding, so lopdf prefers the map.
    let patched: Vec<Option<Dictionary>> = font_dicts
        .iter()
        .map(|(_, d)| {
            (d.has(b"ToUnicode") && d.has(b"Encoding")).then(|| {
                let mut p = (*d).clone();
                p.remove(b"Encoding");
                p
            })
        })
        .collect();
    let fonts: HashMap<FontKey, FontInfo<'_>> = font_dicts
        .iter()
        .zip(&patched)
        .map(|((k, d), p)| (*k, font_info(doc, d, p.as_ref())))
        .collect();
    let mut walker = Walker {
        doc,
        fonts: &fonts,
        deadline,
        out: PageWalk::default(),
        layout: Layout::default(),
        ops: 0,
        form_cache: HashMap::new(),
    };
    let content = match doc.get_page_content(page_id) {
        Ok(c) => c,
        Err(e) => {
            walker
                .out
                .problems
                .push(format!("page content unreadable: {e}"));
            return walker.out;
        }
    };
    let mut stack = Vec::new();
    match Content::decode(&content) {
        Ok(c) => walker.run(&c.operations, resources, Mat::ID, 0, &mut stack),
        Err(e) => walker
            .out
            .problems
            .push(format!("content stream unreadable: {e}")),
    }
    let mut out = walker.out;
    out.text = walker.layout.text;
    out
}

impl<'a> Walker<'a, '_> {
    fn run(
        &mut self,
        operations: &[Operation],
        resources: Option<&'a Dictionary>,
        ctm0: Mat,
        depth: usize,
        forms: &mut Vec<ObjectId>,
    ) {
        let mut ctm = ctm0;
        let mut ctm_stack: Vec<(Mat, TextState)> = Vec::new();
        let mut ts = TextState::default();
        let mut tm = Mat::ID;
        let mut tlm = Mat::ID;
        for op in operations {
            self.ops += 1;
            if self.ops > MAX_OPS {
                if !self.out.deep_forms {
                    self.out
                        .problems
                        .push("too many content operations; page cut short".into());
                }
                // Forms drawn over and over (a fan-out bomb) would keep pdf-extract busy for ever.
                self.out.deep_forms = true;
                return;
            }
            if self.ops % 4096 == 0 && self.deadline.expired() {
                self.out.timed_out = true;
                return;
            }
            let args = &op.operands;
            match op.operator.as_str() {
                // `q` saves the text state along with the CTM.
                "q" if ctm_stack.len() < 256 => ctm_stack.push((ctm, ts.clone())),
                "Q" => {
                    if let Some((m, t)) = ctm_stack.pop() {
                        ctm = m;
                        ts = t;
                    }
                }
                "cm" => {
                    if let Some(m) = Mat::from_operands(args) {
                        ctm = m.then(&ctm);
                    }
                }
                "BT" => {
                    tm = Mat::ID;
                    tlm = Mat::ID;
                }
                "Tf" => {
                    let name = args.first().and_then(|n| n.as_name().ok());
                    ts.font = name.and_then(|n| self.font_key(resources, n));
                    ts.size = args.get(1).and_then(num).unwrap_or(0.0);
                }
                "Tc" => ts.char_spacing = args.first().and_then(num).unwrap_or(0.0),
                "Tw" => ts.word_spacing = args.first().and_then(num).unwrap_or(0.0),
                "Tz" => ts.h_scale = args.first().and_then(num).unwrap_or(100.0) / 100.0,
                "TL" => ts.leading = args.first().and_then(num).unwrap_or(0.0),
                "Td" | "TD" => {
                    let tx = args.first().and_then(num).unwrap_or(0.0);
                    let ty = args.get(1).and_then(num).unwrap_or(0.0);
                    if op.operator == "TD" {
                        ts.leading = -ty;
                    }
                    tlm = Mat::translate(tx, ty).then(&tlm);
                    tm = tlm;
                }
                "T*" => {
                    tlm = Mat::translate(0.0, -ts.leading).then(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Mat::from_operands(args) {
                        tlm = m;
                        tm = m;
                    }
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = args.first() {
                        self.show(s, &ts, &mut tm, &ctm);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        ts.word_spacing = args.first().and_then(num).unwrap_or(ts.word_spacing);
                        ts.char_spacing = args.get(1).and_then(num).unwrap_or(ts.char_spacing);
                    }
                    tlm = Mat::translate(0.0, -ts.leading).then(&tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = args.last() {
                        self.show(s, &ts, &mut tm, &ctm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(s, &ts, &mut tm, &ctm),
                                o => {
                                    if let Some(adj) = num(o) {
                                        let tx = -adj / 1000.0 * ts.size * ts.h_scale;
                                        tm = Mat::translate(tx, 0.0).then(&tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "BI" => self.out.images += 1,
                "Do" => {
                    if let Some(name) = args.first().and_then(|n| n.as_name().ok()) {
                        self.do_xobject(resources, name, ctm, depth, forms);
                    }
                }
                _ => {}
            }
        }
    }

    fn font_key(&self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<FontKey> {
        let fonts = dict_get_dict(self.doc, resources?, b"Font")?;
        match fonts.get(name).ok()? {
            Object::Reference(id) => Some(FontKey::Id(*id)),
            Object::Dictionary(d) => Some(FontKey::Direct(d as *const Dictionary as usize)),
            _ => None,
        }
    }

    fn do_xobject(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        ctm: Mat,
        depth: usize,
        forms: &mut Vec<ObjectId>,
    ) {
        let Some(xobjects) = resources.and_then(|r| dict_get_dict(self.doc, r, b"XObject")) else {
            return;
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else {
            return;
        };
        let Ok(Object::Stream(stream)) = self.doc.get_object(*id) else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.out.images += 1,
            Ok(b"Form") => {
                if depth + 1 > MAX_FORM_DEPTH || forms.contains(id) {
                    self.out.deep_forms = true;
                    return;
                }
                let form_res = dict_get_dict(self.doc, &stream.dict, b"Resources").or(resources);
                let matrix = match stream.dict.get(b"Matrix") {
                    Ok(Object::Array(m)) => Mat::from_operands(m).unwrap_or(Mat::ID),
                    _ => Mat::ID,
                };
                let operations = match self.form_cache.get(id) {
                    Some(ops) => Rc::clone(ops),
                    None => {
                        let data = stream
                            .decompressed_content()
                            .unwrap_or_else(|_| stream.content.clone());
                        let ops = Rc::new(
                            Content::decode(&data)
                                .map(|c| c.operations)
                                .unwrap_or_default(),
                        );
                        self.form_cache.insert(*id, Rc::clone(&ops));
                        ops
                    }
                };
                forms.push(*id);
                self.run(&operations, form_res, matrix.then(&ctm), depth + 1, forms);
                forms.pop();
            }
            _ => {}
        }
    }

    /// Show one string: decode it, place it, advance the text matrix.
    fn show(&mut self, bytes: &[u8], ts: &TextState, tm: &mut Mat, ctm: &Mat) {
        let font = ts.font.and_then(|k| self.fonts.get(&k));
        let two_byte = font.is_some_and(|f| f.two_byte);
        self.out.glyphs += if two_byte {
            bytes.len() / 2
        } else {
            bytes.len()
        };
        let text = match font.and_then(|f| f.encoding.as_ref()) {
            Some(enc) => enc.bytes_to_string(bytes).unwrap_or_default(),
            // No font or no usable encoding: Latin-1 printable bytes are the best guess for
            // one-byte fonts; two-byte codes without a map mean nothing.
            None if !two_byte => bytes
                .iter()
                .filter(|b| (0x20..0x7f).contains(*b))
                .map(|&b| b as char)
                .collect(),
            None => String::new(),
        };
        let trm = tm.then(ctm);
        let (x, y) = (trm.0[4], trm.0[5]);
        // Advance: sum of glyph widths plus spacing, in text space.
        let mut advance = 0.0;
        let codes: Vec<u32> = if two_byte {
            bytes
                .chunks(2)
                .map(|c| (u32::from(c[0]) << 8) | u32::from(*c.get(1).unwrap_or(&0)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        };
        for code in &codes {
            let w = font.map_or(0.5, |f| f.width(*code));
            let word = if !two_byte && *code == 32 {
                ts.word_spacing
            } else {
                0.0
            };
            advance += (w * ts.size + ts.char_spacing + word) * ts.h_scale;
        }
        *tm = Mat::translate(advance, 0.0).then(tm);
        let end = tm.then(ctm).0[4];
        let size = ts.size.abs() * trm.scale();
        let clean: String =
            if !text.is_empty() && text.chars().all(|c| c.is_whitespace() || c.is_control()) {
                " ".to_string()
            } else {
                text.chars().filter(|c| !c.is_control()).collect()
            };
        self.layout.put(&clean, x, y, size, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let m = Mat::translate(10.0, 20.0).then(&Mat([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]));
        assert_eq!(m.0, [2.0, 0.0, 0.0, 2.0, 20.0, 40.0]);
        assert!((Mat([3.0, 0.0, 0.0, 3.0, 0.0, 0.0]).scale() - 3.0).abs() < 1e-9);
    }

    #[test]
    fn layout_breaks_lines_and_spaces_words() {
        let mut l = Layout::default();
        l.put("Skills", 10.0, 700.0, 10.0, 40.0);
        l.put("Rust", 10.0, 686.0, 10.0, 30.0);
        l.put("SQL", 34.0, 686.0, 10.0, 50.0);
        l.put("s", 50.2, 686.0, 10.0, 55.0);
        assert_eq!(l.text, "Skills\nRust SQLs");
    }
}
