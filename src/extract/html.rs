//! HTML to text with a small forgiving tokenizer: no DOM, no browser engine.
//!
//! * the content of `script`, `style`, `title`, `noscript`, `template`, `svg` and comments is
//!   dropped;
//! * block elements (`p`, `div`, `h1`, `li`, `tr`, `br`...) end the line; list items start with
//!   `• `;
//! * table cells that hold only inline content are joined with ` | ` on one line per row, cells
//!   that hold blocks (layout tables: a sidebar and a main column) are read block by block;
//! * whitespace collapses as a browser does it, except inside `pre`;
//! * character references are decoded (`&amp;`, `&eacute;`, `&#8211;`, `&#x2022;`).

use std::borrow::Cow;

use super::text::Decoded;
use super::{ExtractError, Extracted, Format};

/// Read an HTML document, given its bytes and their decoding as text.
pub(crate) fn extract(bytes: &[u8], decoded: Decoded) -> Result<Extracted, ExtractError> {
    let decoded = decode_declared(bytes, decoded);
    Ok(Extracted {
        text: to_text(&decoded.text),
        format: Format::Html,
        pages: None,
        page_paths: Vec::new(),
        warnings: decoded.warnings,
    })
}

/// Decode as text, honouring a `<meta charset>` when the bytes are not UTF-8.
fn decode_declared(bytes: &[u8], decoded: Decoded) -> Decoded {
    if decoded.legacy_bytes == 0 {
        return decoded;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let label = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect::<String>()
    });
    match label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
        Some(enc) if enc != encoding_rs::UTF_8 => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                legacy_bytes: 0,
                warnings: vec![format!("decoded as {}, as the page declares", enc.name())],
            }
        }
        _ => decoded,
    }
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    Start(String),
    End(String),
}

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "script", "style", "title", "noscript", "template", "svg", "math", "iframe", "object",
];

/// Elements that break lines.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Split HTML into text, start tags and end tags; comments, doctypes and the content of raw-text
/// elements are dropped here.
fn tokenize(html: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &html[i..];
        let tag_end;
        let mut token = None;
        if rest.starts_with("<!--") {
            tag_end = rest.find("-->").map_or(html.len(), |e| i + e + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            tag_end = rest.find('>').map_or(html.len(), |e| i + e + 1);
        } else if rest.len() > 1 && (bytes[i + 1].is_ascii_alphabetic() || bytes[i + 1] == b'/') {
            let close = bytes[i + 1] == b'/';
            let name_start = i + 1 + usize::from(close);
            let name_len = html[name_start..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
                .unwrap_or(html.len() - name_start);
            let name = html[name_start..name_start + name_len].to_ascii_lowercase();
            tag_end = find_tag_end(html, name_start + name_len);
            if name.is_empty() {
                i += 1;
                continue;
            }
            token = Some(if close {
                Token::End(name)
            } else {
                Token::Start(name)
            });
        } else {
            i += 1;
            continue;
        }
        if text_start < i {
            tokens.push(Token::Text(&html[text_start..i]));
        }
        i = tag_end;
        text_start = i;
        if let Some(Token::Start(name)) = &token {
            let self_closing = html[..tag_end].ends_with("/>");
            if SKIPPED.contains(&name.as_str()) && !self_closing {
                // Skip to the matching end tag (raw text: no nesting for script/style).
                let closing = format!("</{name}");
                match find_ignore_case(html, i, &closing) {
                    Some(end_tag_start) => {
                        i = find_tag_end(html, end_tag_start + closing.len());
                    }
                    None => i = html.len(),
                }
                text_start = i;
                token = if is_block(name) {
                    Some(Token::End("p".into()))
                } else {
                    None
                };
            }
        }
        if let Some(t) = token {
            tokens.push(t);
        }
    }
    if text_start < html.len() {
        tokens.push(Token::Text(&html[text_start..]));
    }
    tokens
}

/// Position of ASCII `needle` in `html` at or after `from`, ignoring ASCII case.
fn find_ignore_case(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = &html.as_bytes()[from..];
    let n = needle.as_bytes();
    if hay.len() < n.len() {
        return None;
    }
    (0..=hay.len() - n.len())
        .find(|&i| hay[i] == b'<' && hay[i..i + n.len()].eq_ignore_ascii_case(n))
        .map(|i| from + i)
}

/// Index just after the `>` closing a tag, skipping quoted attribute values.
fn find_tag_end(html: &str, from: usize) -> usize {
    let bytes = html.as_bytes();
    let mut quote = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    html.len()
}

/// Lines under construction.
struct Out {
    lines: Vec<String>,
    cur: String,
}

impl Out {
    fn newline(&mut self) {
        let line = self.cur.trim();
        if !line.is_empty() && line != "•" {
            self.lines.push(line.to_string());
        }
        self.cur.clear();
    }

    fn push_text(&mut self, text: &str, pre: bool) {
        if pre {
            let mut first = true;
            for part in text.split('\n') {
                if !first {
                    self.newline();
                }
                first = false;
                self.cur.push_str(part);
            }
            return;
        }
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                if !self.cur.is_empty() && !self.cur.ends_with(' ') {
                    self.cur.push(' ');
                }
            } else {
                self.cur.push(c);
            }
        }
    }
}

/// Render HTML as lines of text.
pub(crate) fn to_text(html: &str) -> String {
    let tokens = tokenize(html);
    let mut out = Out {
        lines: Vec::new(),
        cur: String::new(),
    };
    let mut pre_depth = 0usize;
    // Per open `tr`: number of inline cells written so far.
    let mut rows: Vec<usize> = Vec::new();
    // Per open `td`/`th`: whether it is read inline (joined with " | ").
    let mut cells: Vec<bool> = Vec::new();
    for (idx, token) in tokens.iter().enumerate() {
        match token {
            Token::Text(t) => {
                let decoded = decode_entities(t);
                out.push_text(&decoded, pre_depth > 0);
            }
            Token::Start(name) => match name.as_str() {
                "td" | "th" => {
                    let inline = cell_is_inline(&tokens[idx + 1..]);
                    cells.push(inline);
                    if inline {
                        let n = rows.last_mut();
                        match n {
                            Some(n) if *n > 0 => {
                                let trimmed = out.cur.trim_end().len();
                                out.cur.truncate(trimmed);
                                out.cur.push_str(" | ");
                                *n += 1;
                            }
                            Some(n) => {
                                out.newline();
                                *n += 1;
                            }
                            None => out.newline(),
                        }
                    } else {
                        out.newline();
                    }
                }
                "tr" => {
                    out.newline();
                    rows.push(0);
                }
                "li" => {
                    out.newline();
                    out.cur.push_str("• ");
                }
                "pre" => {
                    out.newline();
                    pre_depth += 1;
                }
                n if is_block(n) => out.newline(),
                _ => {}
            },
            Token::End(name) => match name.as_str() {
                "td" | "th" => {
                    let inline = cells.pop().unwrap_or(true);
                    if !inline {
                        out.newline();
                    }
                }
                "tr" => {
                    out.newline();
                    rows.pop();
                }
                "table" => {
                    out.newline();
                    rows.clear();
                    cells.clear();
                }
                "pre" => {
                    out.newline();
                    pre_depth = pre_depth.saturating_sub(1);
                }
                n if is_block(n) => out.newline(),
                _ => {}
            },
        }
    }
    out.newline();
    let mut text = out.lines.join("\n");
    text.push('\n');
    text
}

/// Whether a table cell (tokens after its start tag) holds only inline content.
fn cell_is_inline(tokens: &[Token<'_>]) -> bool {
    for t in tokens {
        match t {
            Token::Start(n) if n == "td" || n == "th" || n == "tr" || n == "table" => return true,
            Token::End(n) if n == "td" || n == "th" || n == "tr" || n == "table" => return true,
            Token::Start(n) if n != "br" && is_block(n) => return false,
            _ => {}
        }
    }
    true
}

/// Decode character references.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let (decoded, used) = match semi {
            Some(e) if e > 1 && e <= 32 && rest.as_bytes()[e] == b';' => {
                (reference(&rest[1..e]), e + 1)
            }
            _ => (None, 1),
        };
        match decoded {
            Some(text) => {
                out.push_str(&text);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The text of one character reference (without `&` and `;`).
fn reference(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        // Numeric references in 128..=159 mean Windows-1252, as browsers read them.
        if (128..=159).contains(&code) {
            let byte = [code as u8];
            let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            return Some(t.into_owned());
        }
        return Some(char::from_u32(code).unwrap_or('\u{fffd}').to_string());
    }
    // Written out, not `quick_xml::escape::resolve_html5_entity` (feature `escape-html`):
    // measured against Python's `html.entities.html5` on 2026-12-06, quick-xml 0.37.5 resolves
    // 444 of its 2,026 names wrongly (`&Scaron;` to U+0016, `&alpha;` to `;`, `&aogon;` ...),
    // some of them names this table gets right. The WHATWG table of `htmlize` (phf) is the
    // candidate to replace it with; this one covers the names resumes use, and an unknown
    // name stays as written.
    let c = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "shy" | "zwnj" | "zwj" | "lrm" | "rlm" => "",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "hyphen" | "dash" => "‐",
        "middot" | "centerdot" => "·",
        "bull" | "bullet" => "•",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "para" => "¶",
        "sect" => "§",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "dollar" => "$",
        "percnt" => "%",
        "num" => "#",
        "commat" => "@",
        "colon" => ":",
        "comma" => ",",
        "period" => ".",
        "excl" => "!",
        "quest" => "?",
        "sol" => "/",
        "bsol" => "\\",
        "lpar" => "(",
        "rpar" => ")",
        "lsqb" | "lbrack" => "[",
        "rsqb" | "rbrack" => "]",
        "lcub" | "lbrace" => "{",
        "rcub" | "rbrace" => "}",
        "plus" => "+",
        "equals" => "=",
        "ast" => "*",
        "vert" | "verbar" => "|",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "check" | "checkmark" => "✓",
        "star" => "☆",
        "starf" => "★",
        "phone" => "☎",
        "iexcl" => "¡",
        "iquest" => "¿",
        "ordf" => "ª",
        "ordm" => "º",
        "szlig" => "ß",
        "aelig" => "æ",
        "AElig" => "Æ",
        "oelig" => "œ",
        "OElig" => "Œ",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "aring" => "å",
        "Aring" => "Å",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "eth" => "ð",
        "ETH" => "Ð",
        "thorn" => "þ",
        "THORN" => "Þ",
        _ => return accented(name).map(String::from),
    };
    Some(c.to_string())
}

/// `&eacute;`, `&Ouml;`, `&atilde;`...: a base letter and an accent name.
fn accented(name: &str) -> Option<char> {
    const ACCENTS: &[(&str, &str, &str)] = &[
        // accent, lower-case results for aeiouyn..., upper-case results
        ("acute", "aáeéiíoóuúyýcćnńsśzź", "AÁEÉIÍOÓUÚYÝCĆNŃSŚZŹ"),
        ("grave", "aàeèiìoòuù", "AÀEÈIÌOÒUÙ"),
        ("circ", "aâeêiîoôuû", "AÂEÊIÎOÔUÛ"),
        ("uml", "aäeëiïoöuüyÿ", "AÄEËIÏOÖUÜYŸ"),
        ("tilde", "aãoõnñ", "AÃOÕNÑ"),
        ("caron", "cčsšzžrřeěnň", "CČSŠZŽRŘEĚNŇ"),
        ("ring", "aåuů", "AÅUŮ"),
        ("cedil", "cçsş", "CÇSŞ"),
        ("ogon", "aąeę", "AĄEĘ"),
    ];
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    let (_, lower, upper) = ACCENTS.iter().find(|(a, _, _)| *a == accent)?;
    let table = if base.is_ascii_uppercase() {
        upper
    } else {
        lower
    };
    let v: Vec<char> = table.chars().collect();
    v.chunks(2).find(|p| p[0] == base).map(|p| p[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_comments_are_dropped() {
        let t = to_text(
            "<html><head><title>T</title><style>p{x:y}</style></head><body><!-- c --><p>A</p>\
             <script>if (a < b) { x = \"</p>\"; }</script><p>B</p></body></html>",
        );
        assert_eq!(t, "A\nB\n");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("R&amp;D &ndash; Malm&ouml; &#8226; &#x2022; &#150; &unknown; & x"),
            "R&D – Malmö • • – &unknown; & x"
        );
    }

    #[test]
    fn inline_cells_join_and_block_cells_stack() {
        let t = to_text(
            "<table><tr><td><b>Languages</b></td><td>Java, SQL</td></tr>\
             <tr><td>Cloud</td><td>AWS</td></tr></table>",
        );
        assert_eq!(t, "Languages | Java, SQL\nCloud | AWS\n");
        let t = to_text(
            "<table><tr><td><h2>Skills</h2><ul><li>Rust</li></ul></td>\
             <td><h2>Experience</h2><p>Acme</p></td></tr></table>",
        );
        assert_eq!(t, "Skills\n• Rust\nExperience\nAcme\n");
    }

    #[test]
    fn whitespace_collapses_except_in_pre() {
        let t = to_text("<p>  a \n  b  </p><pre>x  y\nz</pre>");
        assert_eq!(t, "a b\nx  y\nz\n");
    }

    #[test]
    fn attributes_with_angle_brackets() {
        assert_eq!(to_text("<p title=\"a > b\">text</p>"), "text\n");
    }

    #[test]
    fn unterminated_things_do_not_panic() {
        for s in [
            "<",
            "<p",
            "<!--",
            "<script>",
            "&#xffffffff;",
            "<a href='",
            "&",
            "<td>",
        ] {
            let _ = to_text(s);
        }
    }
}
