//! What the taxonomy's regex patterns are, read from their syntax alone: whether one needs
//! Unicode semantics, whether it has an anchor, and the literals one of which every match
//! contains (the matcher's prefilter, `prefilter::Factors`).
//!
//! Parsing a pattern costs about half a million instructions, and these facts depend on the
//! pattern's text only, so `build.rs` works them out for the built-in taxonomy's patterns
//! (this file is compiled into it as well: it uses nothing but `regex_syntax`), and
//! [`facts`] looks a pattern up there before it parses one (issue 14, start-up). The test
//! `precomputed_facts_are_the_computed_ones` checks both ways give the same.

use regex_syntax::hir::{Class, Hir, HirKind};

/// What the matcher needs to know of a pattern before it compiles it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Facts {
    /// Whether the pattern is compiled with Unicode semantics: only when it does not parse
    /// without them (see the matcher's `compile`).
    pub unicode: bool,
    /// Whether it has a line or text anchor (`^`, `$`, `\A`, `\z`): the prefilter set of a
    /// taxonomy whose patterns have none can run on each segment alone.
    pub anchored: bool,
    /// Literals one of which every match contains ([`factors`]), `None` when there are none.
    pub factors: Option<Vec<Vec<u8>>>,
}

/// The [`Facts`] of `pattern`, `None` when it does not parse.
pub(crate) fn compute(pattern: &str) -> Option<Facts> {
    let (unicode, hir) = parse_pattern(pattern)?;
    Some(Facts {
        unicode,
        anchored: hir.properties().look_set().contains_anchor(),
        factors: factors(&hir),
    })
}

/// The pattern parsed without Unicode semantics when it can be, else with them, and which.
pub(crate) fn parse_pattern(pattern: &str) -> Option<(bool, Hir)> {
    match parse(pattern, false) {
        Some(hir) => Some((false, hir)),
        None => parse(pattern, true).map(|hir| (true, hir)),
    }
}

/// `pattern` as `regex` reads it with or without Unicode semantics.
pub(crate) fn parse(pattern: &str, unicode: bool) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .unicode(unicode)
        .build()
        .parse(pattern)
        .ok()
}

/// Literals (ASCII letters in lower case) one of which every match of `hir` contains, if
/// there are such.
pub(crate) fn factors(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let found = match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_ascii_lowercase()]),
        HirKind::Class(_) => single_byte(hir).map(|b| vec![vec![b]]),
        HirKind::Capture(cap) => factors(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => factors(&rep.sub),
        HirKind::Repetition(_) | HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for sub in subs {
                for lit in factors(sub)? {
                    if !all.contains(&lit) {
                        all.push(lit);
                    }
                }
            }
            Some(all)
        }
        HirKind::Concat(subs) => {
            // Adjacent literals (and one-letter classes such as `[Dd]`) make one longer
            // literal; of all the choices, the one whose shortest literal is longest wins.
            let mut best: Option<Vec<Vec<u8>>> = None;
            let mut consider = |cand: Vec<Vec<u8>>| {
                let key = |c: &Vec<Vec<u8>>| {
                    let shortest = c.iter().map(Vec::len).min().unwrap_or(0);
                    (shortest, std::cmp::Reverse(c.len()))
                };
                if best.as_ref().is_none_or(|b| key(&cand) > key(b)) {
                    best = Some(cand);
                }
            };
            let mut run: Vec<u8> = Vec::new();
            for sub in subs {
                match sub.kind() {
                    HirKind::Literal(lit) => {
                        run.extend(lit.0.to_ascii_lowercase());
                        continue;
                    }
                    HirKind::Class(_) => {
                        if let Some(b) = single_byte(sub) {
                            run.push(b);
                            continue;
                        }
                    }
                    _ => {}
                }
                if !run.is_empty() {
                    consider(vec![std::mem::take(&mut run)]);
                }
                if let Some(f) = factors(sub) {
                    consider(f);
                }
            }
            if !run.is_empty() {
                consider(vec![run]);
            }
            best
        }
    };
    found.filter(|f| !f.is_empty() && f.iter().all(|l| !l.is_empty()))
}

/// The byte a class stands for when it is one ASCII character, or one ASCII letter in both
/// cases (`[Dd]`, as `(?i)d` parses), in lower case.
fn single_byte(hir: &Hir) -> Option<u8> {
    let chars: Vec<(u32, u32)> = match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => c
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        HirKind::Class(Class::Bytes(c)) => c
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        _ => return None,
    };
    let members: Vec<u32> = chars
        .iter()
        .flat_map(|&(a, b)| a..=b.min(a.saturating_add(2)))
        .take(3)
        .collect();
    let ascii = |c: u32| u8::try_from(c).ok().filter(u8::is_ascii);
    match members[..] {
        [c] => ascii(c).map(|b| b.to_ascii_lowercase()),
        [a, b] => {
            let (a, b) = (ascii(a)?, ascii(b)?);
            (a.is_ascii_uppercase() && b == a.to_ascii_lowercase()).then_some(b)
        }
        _ => None,
    }
}
