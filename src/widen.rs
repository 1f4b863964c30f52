//! Widening a regex: a pattern that matches wherever the original does, made
//! of ASCII classes, "any non-ASCII character", literals, line anchors and
//! repetitions only, so that it runs on the lazy DFA whatever the text (a
//! Unicode `\b` or `\w` keeps the original off it on any line with a bullet
//! or a dash). Used by the matcher's pattern prefilter and by the date search
//! of `text`; it lives below both.

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// `pattern` widened (see [`widen`]) and compiled: where it does not match, `pattern` does not
/// either, and it runs on the lazy DFA whatever the text. `None` when either does not compile.
/// Compiled lean ([`crate::lean`]): it is searched one line at a time.
pub(crate) fn widened_regex(pattern: &str) -> Option<crate::lean::Regex> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    crate::lean::from_hir(&widen(&hir)).ok()
}

/// A pattern that matches wherever `hir` matches, made of ASCII classes,
/// "any non-ASCII character", literals, line anchors and repetitions only.
pub(crate) fn widen(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0.clone()),
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(widen_class(class))),
        HirKind::Class(Class::Bytes(class)) => Hir::class(Class::Bytes(class.clone())),
        HirKind::Look(look) => match look {
            Look::Start
            | Look::End
            | Look::StartLF
            | Look::EndLF
            | Look::StartCRLF
            | Look::EndCRLF => Hir::look(*look),
            // Dropping an assertion only widens the match.
            _ => Hir::empty(),
        },
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(widen(&rep.sub)),
        }),
        HirKind::Capture(cap) => widen(&cap.sub),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(widen).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(widen).collect()),
    }
}

/// The ASCII part of `class`, plus every non-ASCII character if it had any.
fn widen_class(class: &ClassUnicode) -> ClassUnicode {
    let mut ranges: Vec<ClassUnicodeRange> = Vec::new();
    let mut non_ascii = false;
    for r in class.iter() {
        if r.start() <= '\x7f' {
            ranges.push(ClassUnicodeRange::new(r.start(), r.end().min('\x7f')));
        }
        non_ascii |= r.end() > '\x7f';
    }
    if non_ascii {
        ranges.push(ClassUnicodeRange::new('\u{80}', '\u{10FFFF}'));
    }
    ClassUnicode::new(ranges)
}
