//! Regexes compiled for short haystacks (a line, a window around a mention):
//! no literal prefilter, no one-pass DFA, no capture groups. Compiling a
//! pattern this way costs a fraction of `regex::Regex::new` (whose literal
//! extraction is most of the cost for the taxonomy's alternations), and on a
//! line the lazy DFA alone is as fast. Matches are the same as
//! `regex::Regex`'s: leftmost-first, UTF-8 spans, same syntax.

use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;

pub(crate) use regex_automata::meta::Regex;

fn config() -> meta::Config {
    meta::Config::new()
        .auto_prefilter(false)
        .onepass(false)
        .which_captures(WhichCaptures::Implicit)
}

/// `pattern` compiled with (`unicode`) or without Unicode classes and word
/// boundaries, like `regex::RegexBuilder::new(pattern).unicode(unicode).build()`.
pub(crate) fn compile(pattern: &str, unicode: bool) -> Result<Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(config())
        .syntax(syntax::Config::new().unicode(unicode).utf8(true))
        .build(pattern)
        .map_err(Box::new)
}

/// `pattern` compiled with every capture group (its own flags decide Unicode), for the few
/// patterns whose groups are read on the lines they match.
pub(crate) fn compile_with_captures(pattern: &str) -> Result<Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(config().which_captures(WhichCaptures::All))
        .syntax(syntax::Config::new().utf8(true))
        .build(pattern)
        .map_err(Box::new)
}

/// A pattern given as its syntax tree.
pub(crate) fn from_hir(hir: &regex_syntax::hir::Hir) -> Result<Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(config())
        .build_from_hir(hir)
        .map_err(Box::new)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lean_regexes_find_what_regex_finds() {
        let cases = [
            (
                r"(?i)\b(golang|goroutines?)\b",
                "Built golang services • Goroutines",
                false,
            ),
            (r"(?i)\bnode(\.?js)?\b", "Node.js – nodejs, node", true),
            (r"(?i)\b(to|will)\s*$", "we will ", false),
        ];
        for (p, hay, unicode) in cases {
            let lean = super::compile(p, unicode).unwrap();
            let std = regex::RegexBuilder::new(p)
                .unicode(unicode)
                .build()
                .unwrap();
            let a: Vec<_> = lean.find_iter(hay).map(|m| m.range()).collect();
            let b: Vec<_> = std.find_iter(hay).map(|m| m.range()).collect();
            assert_eq!(a, b, "{p}");
        }
    }
}
