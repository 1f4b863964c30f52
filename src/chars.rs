//! Character-level clean-up that extraction (`extract::cleanup`) and text normalisation
//! (`text::normalize`) share: repairing UTF-8 that was read as Windows-1252, and the classes of
//! invisible characters, odd spaces and bullet glyphs; and the one word folder ([`fold`]) that
//! resume headings, job descriptions and the taxonomy's phrase groups share. A bottom module: it imports nothing from
//! the crate, so `extract` (an optional feature that depends on nothing above it) and `text`
//! (always built) can both use it. It lives here rather than in `extract` because `text` must
//! not need the `extract` feature.

use std::borrow::Cow;

/// Characters that take no room and carry no text: zero-width space, non-joiner and joiner,
/// the left-to-right and right-to-left marks, the word joiner and the byte-order mark. Both
/// layers drop them (the soft hyphen, `U+00AD`, is handled by each on its own: extraction
/// rejoins the word it split).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// Spaces other than `' '` that both layers read as one plain space: no-break, the
/// typographic spaces `U+2000`–`U+200A`, narrow no-break, medium mathematical and ideographic.
pub(crate) fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Bullet glyphs that text normalisation writes as `•` (including the private-use bullets of
/// Symbol and Wingdings fonts that PDFs and DOCX files carry).
pub(crate) fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '▪'
            | '▸'
            | '►'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '●'
            | '◦'
            | '■'
            | '□'
            | '○'
            | '◆'
            | '❖'
            | '\u{f0b7}'
            | '\u{f0a7}'
            | '\u{f0d8}'
    )
}

/// Repairs the bullet whose `€` was lost on the way (`â¢` for `â€¢`): the bytes left do not
/// form UTF-8, so [`repair_mojibake`] cannot read them.
pub(crate) fn repair_lost_euro(text: &str) -> Cow<'_, str> {
    if text.contains("â¢") {
        Cow::Owned(text.replace("â¢", "•"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The byte a character had in Windows-1252 (or ISO-8859-1 for the C1 controls, which some
/// decoders produce for the five bytes Windows-1252 leaves undefined), if it is above ASCII.
///
/// Written out rather than `encoding_rs::WINDOWS_1252` because (measured 2026-12-06): this
/// module is built without the `extract` feature (text normalisation repairs mojibake too), and
/// making `encoding_rs` 0.8.44 a core dependency adds six crates (encoding_rs, cfg-if,
/// core_detect, multiversion_no_op, scopeguard, simdutf8) to the lean library, 34 -> 40 in
/// `cargo tree --no-default-features -e normal --prefix none | sort -u | wc -l`, over its
/// budget of 35. Its encoder also gives back only the five C1 controls Windows-1252 leaves
/// undefined; the other 27 of `U+0080`-`U+009F`, which ISO-8859-1 decoders produce and this
/// repair must read back as bytes, it turns into numeric references. And it encodes buffers,
/// not one character.
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(b)
}

/// Repair UTF-8 that was decoded as Windows-1252: every run of characters that maps back to
/// bytes forming valid multi-byte UTF-8 sequences is replaced by what those bytes mean. Text
/// written in Windows-1252 on purpose almost never forms valid UTF-8 sequences (a lead byte like
/// `Ã` followed by the right number of continuation bytes like `©`), so this is safe to run on
/// everything. Two passes undo double encoding. Returns the text (borrowed when nothing was
/// repaired) and the number of sequences repaired.
pub(crate) fn repair_mojibake(text: &str) -> (Cow<'_, str>, usize) {
    let mut total = 0;
    let mut current = Cow::Borrowed(text);
    for _ in 0..2 {
        // A repair starts at a character that reads as a UTF-8 lead byte (0xc2 to 0xf4 in
        // Windows-1252, `Â` to `ô`): text without one is left as it is.
        if !current.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
            break;
        }
        let (next, n) = repair_once(&current);
        if n == 0 {
            break;
        }
        total += n;
        current = Cow::Owned(next);
    }
    (current, total)
}

fn repair_once(text: &str) -> (String, usize) {
    if text.is_ascii() {
        return (text.to_string(), 0);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let Some(lead) = cp1252_byte(c) else {
            out.push(c);
            i += 1;
            continue;
        };
        let len = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        if len > 0 && i + len <= chars.len() {
            let mut buf = [0u8; 4];
            buf[0] = lead;
            let mut ok = true;
            for k in 1..len {
                match cp1252_byte(chars[i + k]) {
                    Some(b @ 0x80..=0xbf) => buf[k] = b,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                if let Ok(s) = std::str::from_utf8(&buf[..len]) {
                    out.push_str(s);
                    repaired += 1;
                    i += len;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    (out, repaired)
}

/// Folds a heading or phrase to lower-case words: letters and digits only, `&` as `and`,
/// apostrophes dropped ("What's" → "whats"), single spaces. The crate's one word folder:
/// resume headings (`text::sections::fold_heading`, which reads digits as spaces first),
/// job-description headings, labels and phrases (`jd`), and the taxonomy's compiled phrase
/// groups all fold with it, and the word lists of `data/` are written in its form.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c == '\'' || c == '’' || c == '‘' {
            continue;
        }
        if c == '&' {
            if !space {
                out.push(' ');
            }
            out.push_str("and ");
            space = true;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    let len = out.trim_end().len();
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_of_punctuation_is_repaired_to_the_original_characters() {
        assert_eq!(
            repair_mojibake("â€¢ Built APIs â€“ Go").0,
            "• Built APIs – Go"
        );
        assert_eq!(repair_mojibake("Donâ€™t").0, "Don’t");
        assert_eq!(repair_mojibake("â\u{80}¢ item").0, "• item");
        assert_eq!(repair_lost_euro("â¢ item"), "• item");
    }

    #[test]
    fn real_accents_are_not_mojibake() {
        for s in ["Educación", "château", "São Paulo", "Müller"] {
            assert_eq!(repair_mojibake(s), (Cow::Borrowed(s), 0));
        }
    }

    #[test]
    fn character_classes_do_not_overlap() {
        for c in ['\u{200b}', '\u{200d}', '\u{200e}', '\u{feff}'] {
            assert!(is_invisible(c) && !is_odd_space(c), "{c:?}");
        }
        for c in ['\u{a0}', '\u{2003}', '\u{3000}'] {
            assert!(is_odd_space(c) && !is_invisible(c), "{c:?}");
        }
        assert!(is_bullet_glyph('\u{f0b7}') && !is_bullet_glyph('-'));
    }
}
