//! Plain text in any encoding a resume is likely to be saved in.
//!
//! * UTF-8, with or without a byte-order mark;
//! * UTF-16 LE or BE with a byte-order mark (Windows Notepad's "Unicode"), or without one when
//!   the zero bytes make it obvious;
//! * anything else is read as UTF-8 where it is valid, and byte by byte as Windows-1252 where it
//!   is not (a superset of ISO-8859-1), with a warning.
//!
//! Binary data is rejected, judged by proportion: more than 1% (and more than one) stray control
//! characters (NUL and the other C0 controls but tab, line feed, carriage return, vertical tab
//! and form feed, and DEL) in the first 8 KiB of text. A text with fewer, such as one stray NUL,
//! is read with each of them replaced by a space (and a warning). Known binary formats (images,
//! archives, executables, legacy Office files) are recognised earlier, by their magic bytes.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{ExtractError, Extracted, Format};

/// Text decoded from bytes, with the encoding that was used.
pub(crate) struct Decoded {
    pub text: String,
    /// Bytes that were not valid UTF-8 and were read as Windows-1252.
    pub legacy_bytes: usize,
    pub warnings: Vec<String>,
}

/// A plain-text or Markdown document from its decoded text.
pub(crate) fn into_extracted(decoded: Decoded, format: Format) -> Extracted {
    Extracted {
        text: decoded.text,
        format,
        pages: None,
        page_paths: Vec::new(),
        warnings: decoded.warnings,
    }
}

/// Decode bytes to text, or reject them as binary.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, ExtractError> {
    let mut warnings = Vec::new();
    let (text, _encoding, legacy_bytes) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (t, n) = decode_utf8_or_1252(rest);
        (t, "utf-8", n)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (t, _) = UTF_16LE.decode_without_bom_handling(rest);
        (t.into_owned(), "utf-16le", 0)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (t, _) = UTF_16BE.decode_without_bom_handling(rest);
        (t.into_owned(), "utf-16be", 0)
    } else if let Some(enc) = guess_utf16(bytes) {
        warnings.push(format!(
            "no byte-order mark; read as {enc} from its zero bytes"
        ));
        let codec = if enc == "utf-16le" {
            UTF_16LE
        } else {
            UTF_16BE
        };
        let (t, _) = codec.decode_without_bom_handling(bytes);
        (t.into_owned(), enc, 0)
    } else {
        let (t, n) = decode_utf8_or_1252(bytes);
        (t, if n > 0 { "windows-1252" } else { "utf-8" }, n)
    };
    if looks_binary(&text) {
        return Err(ExtractError::Unsupported {
            what: "binary file, not a resume format".into(),
        });
    }
    let (text, replaced) = blank_controls(text);
    if replaced > 0 {
        warnings.push(format!(
            "replaced {replaced} control character{} (NUL and the like) with spaces",
            if replaced == 1 { "" } else { "s" }
        ));
    }
    if legacy_bytes > 0 {
        warnings.push(format!(
            "not valid UTF-8: read {legacy_bytes} byte{} as Windows-1252",
            if legacy_bytes == 1 { "" } else { "s" }
        ));
    }
    Ok(Decoded {
        text,
        legacy_bytes,
        warnings,
    })
}

/// Decode valid UTF-8 as UTF-8 and every byte of an invalid sequence as Windows-1252. For a
/// file saved in Windows-1252 this is exactly Windows-1252 (its ASCII bytes are the same);
/// for a UTF-8 file with a few stray legacy bytes it keeps the UTF-8. Returns the text and the
/// number of bytes read as Windows-1252.
pub(crate) fn decode_utf8_or_1252(mut bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut legacy = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return (out, legacy);
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                // Safe by construction: `valid_up_to` marks a valid prefix.
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len()).max(1);
                let (invalid, rest) = rest.split_at(bad.min(rest.len()));
                let (t, _) = WINDOWS_1252.decode_without_bom_handling(invalid);
                out.push_str(&t);
                legacy += invalid.len();
                bytes = rest;
            }
        }
    }
}

/// UTF-16 without a BOM: in text that is mostly ASCII, every other byte is zero.
fn guess_utf16(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 20 < pairs {
        Some("utf-16le")
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 20 < pairs {
        Some("utf-16be")
    } else {
        None
    }
}

/// How much of the text [`looks_binary`] samples, in bytes of decoded text.
const BINARY_SAMPLE: usize = 8 * 1024;

/// Whether `c` is a control character that text does not carry: C0 controls other than tab,
/// line feed, carriage return, vertical tab and form feed, and DEL. C1 controls
/// (U+0080–U+009F) are not: valid UTF-8 text carries them when it was double-encoded
/// (`â\u{80}¢` for a bullet), which is mojibake to repair, not binary data.
fn is_stray_control(c: char) -> bool {
    (c < ' ' || c == '\x7f') && !matches!(c, '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// More than 1% stray control characters (NUL included) in the first [`BINARY_SAMPLE`] bytes,
/// and more than one. A proportion, not a single byte: one NUL from a bad copy does not make a
/// resume binary, however short it is.
fn looks_binary(text: &str) -> bool {
    let mut end = text.len().min(BINARY_SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text[..end].chars() {
        total += 1;
        if is_stray_control(c) {
            control += 1;
        }
    }
    control > 1 && control * 100 > total
}

/// The text with every stray control character replaced by a space, and how many there were.
fn blank_controls(text: String) -> (String, usize) {
    let count = text.chars().filter(|&c| is_stray_control(c)).count();
    if count == 0 {
        return (text, 0);
    }
    let blanked = text
        .chars()
        .map(|c| if is_stray_control(c) { ' ' } else { c })
        .collect();
    (blanked, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoded_bullets_are_text_not_binary() {
        // Regression: UTF-8 text whose bullets were double-encoded (U+0080 in every bullet)
        // was rejected as binary.
        let line = "SKILLS: \u{e2}\u{80}\u{a2} General \u{e2}\u{80}\u{a2} Java, C\n";
        let d = decode(line.repeat(20).as_bytes()).unwrap();
        assert!(d.text.starts_with("SKILLS"));
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode("\u{feff}Zoë".as_bytes()).unwrap();
        assert_eq!(d.text, "Zoë");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "\u{feff}Skills • SQL"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Skills • SQL");
        let be: Vec<u8> = "\u{feff}Skills • SQL"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Skills • SQL");
        let bare: Vec<u8> = "Skills: SQL, Rust"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&bare).unwrap();
        assert_eq!(d.text, "Skills: SQL, Rust");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn windows_1252_fallback_warns() {
        let d = decode(b"Zo\xEB Brennan \x96 Data Analyst \x95 SQL").unwrap();
        assert_eq!(d.text, "Zoë Brennan – Data Analyst • SQL");
        assert_eq!(d.legacy_bytes, 3);
        assert!(d.warnings[0].contains("Windows-1252"));
    }

    #[test]
    fn stray_legacy_byte_keeps_the_utf8_around_it() {
        let d = decode(
            "café \u{2013} "
                .as_bytes()
                .iter()
                .chain(b"\x92s")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(d.text, "café – ’s");
        assert_eq!(d.legacy_bytes, 1);
    }

    #[test]
    fn one_stray_nul_is_a_space_not_a_binary_file() {
        // Regression: a single NUL byte rejected a whole text resume as "binary file".
        let mut bytes =
            b"EXPERIENCE\nBackend engineer: Python, Kafka\x00 and PostgreSQL\n".to_vec();
        bytes.extend(b"- Built payment services with retries and idempotency keys\n".repeat(5));
        bytes.extend_from_slice(b"SKILLS\nGo\x01, Docker\x7f\n");
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("Kafka  and PostgreSQL"));
        assert!(d.text.contains("Go , Docker \n"));
        assert!(!d.text.chars().any(is_stray_control));
        assert!(
            d.warnings[0].contains("replaced 3 control characters"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn binary_is_judged_by_the_proportion_of_controls_in_the_first_8k() {
        // 1 in 100 is text, 2 in 100 is not.
        let line = |nuls: usize| {
            let mut l = "x".repeat(99 - nuls);
            l.push_str(&"\0".repeat(nuls));
            l.push('\n');
            l
        };
        assert!(decode(line(1).repeat(40).as_bytes()).is_ok());
        assert!(decode(line(2).repeat(40).as_bytes()).is_err());
        // Controls past the sample do not make it binary (a file padded with NULs).
        let mut padded = line(0).repeat(100).into_bytes();
        padded.extend(std::iter::repeat_n(0u8, 20_000));
        assert!(decode(&padded).is_ok());
    }

    #[test]
    fn binary_is_rejected() {
        assert!(matches!(
            decode(b"abc\x00\x01def"),
            Err(ExtractError::Unsupported { .. })
        ));
        // One stray byte never is, however short the text.
        assert_eq!(decode(b"abc\x00def").unwrap().text, "abc def");
        let noisy: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(decode(&noisy).is_err());
    }
}
