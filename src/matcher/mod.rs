//! Finding skills in text: exact, context, patterns, negation, fuzzy. No I/O.
//!
//! The stages, in order:
//! 1. **exact** ([`exact`]): one Aho-Corasick automaton over every skill name and
//!    alias, leftmost-longest, ASCII case-insensitive, whole words;
//! 2. **context**: ambiguous spellings (`Go`, `Rest`, `Spring`) count only with
//!    technical context (see the taxonomy's `context` rules);
//! 3. **patterns**: each skill's regular expressions, per line segment;
//! 4. **fuzzy**: misspellings among tokens nothing above explained (see
//!    [below](#fuzzy-hits) for when one counts);
//! 5. **cues**: a negation cue earlier in the clause excludes a mention, a
//!    hedge cue makes it weak.
//!
//! Last, a document-wide check: an ambiguous spelling of a `strict` skill
//! (an everyday word such as "testing" or "monitoring") counts only when the
//! document also names some technical skill (any skill whose kind is not
//! `responsibility`) in an unambiguous way. A single "testing" beside
//! "defects" in an electrician's resume is not software testing; in a resume
//! that names Java it is.
//!
//! # Fuzzy hits
//!
//! A near match of a single token (similarity below 1) is dropped when the
//! token is one edit from an ordinary English word ("performace", "Alure"),
//! or when its passage is not English ("pagos" in a Spanish line; see
//! `language.rs`). Any fuzzy hit, joined tokens included, is dropped when it is
//! part of a proper noun of the resume (an employer, client, school or place:
//! "Kafkar Research", "Kubernetis Logistics Ltd"; see `names.rs`). A near match
//! is excluded ([`Exclusion::NoContext`]) unless a technical skill found by the
//! stages above stands on its line or within [`CONTEXT_LINES`] lines of it in
//! the same section, and when it counts it is still [`Mention::unconfirmed`]
//! (weak) unless an exact, alias or pattern mention of the same skill counts
//! elsewhere in the document. A joined-token hit ("Node JS", "Mongo DB",
//! "Spring-boot") needs neither: its tokens spell the name exactly.

mod context;
mod deletions;
mod dictionary;
mod exact;
mod fuzzy;
mod language;
mod literals;
mod names;
mod negation;
mod prefilter;
mod prepared;
mod scan;
mod trie;

pub(crate) use fuzzy::dictionary;
pub use fuzzy::{DEFAULT_MIN_LEN, DEFAULT_THRESHOLD};
pub use negation::{Modifier, CLAUSE_REACH};
// The report's value types, at the path they had when they lived here.
pub use crate::report::{EvidenceKind, Exclusion};

use crate::taxonomy::Taxonomy;
use crate::text::{Document, Section};
use context::{Context, Rejection};
use exact::{Exact, Hit, Pattern, Spelling};
use regex::RegexSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// One place a skill was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the skill in [`Taxonomy::skills`].
    pub skill: usize,
    /// Index of the segment in [`Document::segments`].
    pub segment: usize,
    /// Byte span in [`Document::text`].
    pub span: std::ops::Range<usize>,
    /// How it was found.
    pub kind: EvidenceKind,
    /// The taxonomy spelling that matched (for fuzzy hits, the one it was taken for),
    /// shared with the matcher: a hit does not copy it.
    pub spelling: Arc<str>,
    /// Similarity of a fuzzy hit.
    pub similarity: Option<f64>,
    /// A hedge cue makes it weak.
    pub hedged: bool,
    /// A fuzzy near match of a skill that no exact, alias or pattern mention
    /// in the document confirms: it counts as weak.
    pub unconfirmed: bool,
    /// Set when the mention does not count, with the reason.
    pub excluded: Option<Exclusion>,
}

/// Options of the matcher that are not part of the taxonomy's data.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchOptions {
    /// Whether the fuzzy stage runs.
    pub fuzzy: bool,
    /// Minimum similarity for a fuzzy hit (0–1].
    pub fuzzy_threshold: f64,
    /// Shortest token the fuzzy stage considers.
    pub fuzzy_min_len: usize,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            fuzzy: true,
            fuzzy_threshold: DEFAULT_THRESHOLD,
            fuzzy_min_len: DEFAULT_MIN_LEN,
        }
    }
}

/// The compiled matcher for one taxonomy. Build once, use for many documents.
#[derive(Debug, Clone)]
pub struct Matcher {
    exact: Exact,
    contexts: Vec<Context>,
    regex_set: RegexSet,
    /// Whether the set's patterns have no anchors, so that a segment's own
    /// search is all it takes (see `prefilter::set`).
    set_is_local: bool,
    /// When the set would be local and every pattern has literals that each
    /// of its matches contains: those literals, which name the segments to run
    /// a pattern on in one pass (see `prefilter::Factors`); the set is then
    /// empty and not used.
    factors: Option<prefilter::Factors>,
    /// The taxonomy's patterns, each compiled when a segment first needs it.
    regexes: Vec<LazyRegex>,
    /// The exact stage's spellings, by pattern index, for its mentions.
    spellings: Vec<Arc<str>>,
    /// The cues, in an automaton with the patterns' literals of `factors` after them, found
    /// in one pass over a document.
    cues: negation::Cues,
    fuzzy: Option<fuzzy::Fuzzy>,
    names: Vec<String>,
    /// Per skill: whether an unambiguous mention of it makes the document
    /// technical enough for ambiguous spellings to count.
    technical: Vec<bool>,
}

impl Matcher {
    /// Compiles every stage for `taxonomy`.
    pub fn new(taxonomy: &Taxonomy, options: &MatchOptions) -> Matcher {
        let skills = taxonomy.skills();
        let mut patterns = Vec::new();
        let mut fuzzy_entries = Vec::new();
        for (i, s) in skills.iter().enumerate() {
            for (text, spelling) in std::iter::once((&s.name, Spelling::Name))
                .chain(s.aliases.iter().map(|a| (a, Spelling::Alias)))
            {
                patterns.push(Pattern {
                    skill: i,
                    spelling,
                    case_sensitive: false,
                    text: text.trim().to_string(),
                });
                if s.fuzzy {
                    fuzzy_entries.push(fuzzy::Entry {
                        skill: i,
                        spelling: text.trim().to_string(),
                        key: fuzzy::key(text),
                    });
                }
            }
            for a in &s.ambiguous {
                patterns.push(Pattern {
                    skill: i,
                    spelling: Spelling::Ambiguous,
                    case_sensitive: a.case_sensitive,
                    text: a.text.trim().to_string(),
                });
            }
        }
        // A name that is also listed as ambiguous is ambiguous.
        let ambiguous: std::collections::HashSet<(usize, String)> = patterns
            .iter()
            .filter(|p| p.spelling == Spelling::Ambiguous)
            .map(|p| (p.skill, p.text.to_ascii_lowercase()))
            .collect();
        // Most skills have no ambiguous spelling: their spellings are not lower-cased and
        // looked up (2.5 M instructions at every start for the built-in taxonomy).
        let mut has_ambiguous = vec![false; skills.len()];
        for &(skill, _) in &ambiguous {
            has_ambiguous[skill] = true;
        }
        let is_ambiguous = |skill: usize, text: &str| {
            has_ambiguous[skill] && ambiguous.contains(&(skill, text.to_ascii_lowercase()))
        };
        patterns.retain(|p| p.spelling == Spelling::Ambiguous || !is_ambiguous(p.skill, &p.text));
        fuzzy_entries.retain(|e| !is_ambiguous(e.skill, &e.spelling));
        // Ambiguous spellings first, so a case-sensitive ambiguous pattern is kept
        // even when an unambiguous pattern of another case exists.
        patterns.sort_by_key(|p| p.spelling != Spelling::Ambiguous);

        // What each pattern is (its Unicode semantics, anchors and literals) is known before
        // it is parsed for the built-in patterns (`literals`); it is compiled when a segment
        // first needs it.
        let mut regexes = Vec::new();
        let mut facts = Vec::new();
        for (i, s) in skills.iter().enumerate() {
            for p in &s.patterns {
                if let Some(f) = pattern_facts(p) {
                    regexes.push(LazyRegex {
                        skill: i,
                        source: p.clone(),
                        spelling: Arc::from(p.as_str()),
                        unicode: f.unicode,
                        re: OnceLock::new(),
                    });
                    facts.push(f);
                }
            }
        }
        // Literals or widened patterns: a superset of candidates per segment,
        // each then checked with its own regex below (see `prefilter`). The
        // set is only built when the literals cannot be used. Without anchors,
        // the widened set would be local (`prefilter::set`).
        let factors = facts
            .iter()
            .all(|f| !f.anchored)
            .then(|| {
                let each: Option<Vec<Vec<Vec<u8>>>> =
                    facts.into_iter().map(|f| f.factors).collect();
                prefilter::Factors::from_literals(each?)
            })
            .flatten();
        let (regex_set, set_is_local) = match factors {
            Some(_) => (RegexSet::empty(), true),
            None => prefilter::set(regexes.iter().map(|r| r.source.as_str())),
        };
        let cues = &taxonomy.data().cues;
        let literals = factors.as_ref().map_or(&[][..], |f| f.literals());
        let cues = negation::Cues::new(&cues.negation, &cues.hedge, &cues.learning, literals);
        let exact = Exact::new(patterns);
        Matcher {
            spellings: exact
                .patterns
                .iter()
                .map(|p| Arc::from(p.text.as_str()))
                .collect(),
            exact,
            contexts: skills
                .iter()
                .map(|s| Context::new(s.context.as_ref()))
                .collect(),
            regex_set,
            set_is_local,
            factors,
            regexes,
            cues,
            fuzzy: options.fuzzy.then(|| {
                fuzzy::Fuzzy::new(
                    fuzzy_entries,
                    options.fuzzy_threshold,
                    options.fuzzy_min_len,
                )
            }),
            names: skills.iter().map(|s| s.name.to_ascii_lowercase()).collect(),
            technical: skills.iter().map(|s| s.kind != "responsibility").collect(),
        }
    }

    /// The fuzzy threshold in use, or `None` when the fuzzy stage is off.
    pub fn fuzzy_threshold(&self) -> Option<f64> {
        self.fuzzy.as_ref().map(fuzzy::Fuzzy::threshold)
    }

    /// The fuzzy stage's minimum token length, or `None` when it is off.
    pub fn fuzzy_min_len(&self) -> Option<usize> {
        self.fuzzy.as_ref().map(fuzzy::Fuzzy::min_len)
    }

    /// Every mention in `doc`, counted or excluded, in text order.
    pub fn find(&self, doc: &Document) -> Vec<Mention> {
        let text = doc.text.as_str();
        let mut hits: Vec<Hit> = Vec::new();
        self.exact.find_all(text, &mut hits);
        // One pass for the cues and the patterns' literals (see `scan`).
        let cue_count = self.cues.count();
        let mut cue_hits = Vec::new();
        // (segment, pattern) pairs worth running a pattern on (see `prefilter::Factors`).
        let mut pairs = Vec::new();
        self.cues.scan().each(text.as_bytes(), |start, end, key| {
            if key < cue_count {
                cue_hits.push((start, end, key));
            } else if let Some(f) = &self.factors {
                pairs.push((doc.segment_at(start), f.owner(key - cue_count)));
            }
        });
        pairs.sort_unstable();
        pairs.dedup();
        // Segments where some cue occurs; elsewhere no mention needs the check.
        let mut cued = vec![false; doc.segments.len()];
        for s in segments_at(doc, negation::Cues::starts_of(&mut cue_hits)) {
            cued[s] = true;
        }

        // Unambiguous hits confirm ambiguous ones near them (see `context`).
        let seg_of: Vec<usize> = segments_at(doc, hits.iter().map(|h| h.start)).collect();
        // (start, end, skill), sorted by start because hits are.
        let anchors: Vec<(usize, usize, usize)> = hits
            .iter()
            .filter(|h| self.exact.patterns[h.pattern].spelling != Spelling::Ambiguous)
            .map(|h| (h.start, h.end, self.exact.patterns[h.pattern].skill))
            .collect();

        let mut out = Vec::with_capacity(hits.len());
        // Indices in `out` of the strict ambiguous mentions their context confirmed.
        let mut confirmed_ambiguous = Vec::new();
        for (h, &s) in hits.iter().zip(&seg_of) {
            let p = &self.exact.patterns[h.pattern];
            let seg = &doc.segments[s];
            let seg_text = doc.segment_text(seg);
            let (a, b) = (h.start - seg.range.start, h.end - seg.range.start);
            let mut excluded = None;
            if p.spelling != Spelling::Ambiguous && self.contexts[p.skill].rejects(seg_text, a, b) {
                excluded = Some(Exclusion::ContextRejected);
            } else if p.spelling == Spelling::Ambiguous {
                let (lo, hi) = context::window(seg_text, a, b);
                let (lo, hi) = (seg.range.start + lo, seg.range.start + hi);
                let first = anchors.partition_point(|&(x, _, _)| x < lo);
                let near = anchors[first..]
                    .iter()
                    .take_while(|&&(x, _, _)| x < hi)
                    .any(|&(_, y, skill)| y <= hi && skill != p.skill);
                let ok = near || seg.section == Section::Skills;
                excluded = match self.contexts[p.skill].judge(seg_text, a, b, ok) {
                    Ok(()) => None,
                    Err(Rejection::RejectRule) => Some(Exclusion::ContextRejected),
                    Err(Rejection::NoContext) => Some(Exclusion::NoContext),
                };
                if excluded.is_none() && self.contexts[p.skill].is_strict() {
                    confirmed_ambiguous.push(out.len());
                }
            }
            let kind = if p.spelling == Spelling::Name
                || p.text.eq_ignore_ascii_case(&self.names[p.skill])
            {
                EvidenceKind::Exact
            } else {
                EvidenceKind::Alias
            };
            out.push(self.mention(
                cued[s],
                seg_text,
                s,
                h.start..h.end,
                a,
                p.skill,
                kind,
                self.spellings[h.pattern].clone(),
                None,
                excluded,
            ));
        }

        // Patterns, per segment: the (widened) set names the few patterns that
        // may match a segment, and only those run there. A pattern the set does
        // not name on the whole text is not run at all (which matters only for
        // anchored patterns: anchor-free widened patterns that match a segment
        // match the whole text too, and then the whole-text pass is skipped).
        if let (Some(_), false) = (&self.factors, self.regexes.is_empty()) {
            // The same pairs as the set below would name, and more, in the same order.
            for (s, idx) in pairs {
                self.pattern_mentions(doc, s, idx, cued[s], &mut out);
            }
        } else if !self.regexes.is_empty() {
            let everywhere = (!self.set_is_local).then(|| self.regex_set.matches(text));
            let anywhere = everywhere.as_ref().is_none_or(|e| e.matched_any());
            for (s, seg) in doc.segments.iter().enumerate().filter(|_| anywhere) {
                let here = self.regex_set.matches(doc.segment_text(seg));
                for idx in here.iter() {
                    if everywhere.as_ref().is_some_and(|e| !e.matched(idx)) {
                        continue;
                    }
                    self.pattern_mentions(doc, s, idx, cued[s], &mut out);
                }
            }
        }

        // Fuzzy, on what nothing above explained.
        if let Some(fz) = &self.fuzzy {
            let mut tokens = Vec::new();
            fuzzy::tokenize(text, &mut tokens);
            let mut spans: Vec<(usize, usize)> =
                out.iter().map(|m| (m.span.start, m.span.end)).collect();
            spans.sort_unstable();
            let explained = explained_tokens(&tokens, &spans);
            let mut fhits = Vec::new();
            fz.find(text, &tokens, &explained, &mut fhits);
            // Segments where the stages above found a technical skill.
            let mut technical = Vec::new();
            if !fhits.is_empty() {
                technical.resize(doc.segments.len(), false);
                for m in out.iter().filter(|m| m.excluded.is_none()) {
                    technical[m.segment] |= self.technical[m.skill];
                }
            }
            // Per segment, computed once however many hits it holds (a hit
            // costs O(log n) then, not the length of its line).
            let mut foreign: Vec<Option<bool>> = Vec::new();
            let mut dated: Vec<Option<bool>> = Vec::new();
            if !fhits.is_empty() {
                foreign.resize(doc.segments.len(), None);
                dated.resize(doc.segments.len(), None);
            }
            // For the spans sorted by start, the furthest end so far: some
            // span starting at or before x reaches y iff that prefix's end does.
            let reach: Vec<usize> = spans
                .iter()
                .scan(0, |end, &(_, q)| {
                    *end = (*end).max(q);
                    Some(*end)
                })
                .collect();
            for h in fhits {
                let s = doc.segment_at(h.start);
                let seg = &doc.segments[s];
                let seg_text = doc.segment_text(seg);
                let a = h.start - seg.range.start;
                let b = h.end - seg.range.start;
                if h.similarity < 1.0 && *foreign[s].get_or_insert_with(|| foreign_passage(doc, s))
                {
                    continue;
                }
                let skill_at = |x: usize, y: usize| {
                    let (x, y) = (seg.range.start + x, seg.range.start + y);
                    let k = spans.partition_point(|&(p, _)| p <= x);
                    k > 0 && reach[k - 1] >= y
                };
                let heading = || *dated[s].get_or_insert_with(|| names::is_dated(seg_text));
                if names::is_proper_noun(seg_text, a, b, heading, skill_at) {
                    continue;
                }
                let near = |t: usize| {
                    doc.segments
                        .get(t)
                        .is_some_and(|n| n.section == seg.section && technical[t])
                };
                let context = h.similarity == 1.0
                    || (s.saturating_sub(CONTEXT_LINES)..=s + CONTEXT_LINES).any(near);
                let rejected = self.contexts[h.skill].rejects(seg_text, a, b);
                let excluded = if rejected {
                    Some(Exclusion::ContextRejected)
                } else if !context {
                    Some(Exclusion::NoContext)
                } else {
                    None
                };
                out.push(self.mention(
                    cued[s],
                    seg_text,
                    s,
                    h.start..h.end,
                    a,
                    h.skill,
                    EvidenceKind::Fuzzy,
                    Arc::from(h.spelling),
                    Some(h.similarity),
                    excluded,
                ));
            }
        }
        self.require_technical_document(&mut out, &confirmed_ambiguous);
        mark_unconfirmed(&mut out, self.names.len());
        out.sort_by_key(|m| (m.span.start, m.skill));
        out
    }

    /// Excludes the confirmed ambiguous mentions of strict skills (`ambiguous`,
    /// indices in `out`) unless some other counted mention is of a technical skill.
    fn require_technical_document(&self, out: &mut [Mention], ambiguous: &[usize]) {
        if ambiguous.is_empty() {
            return;
        }
        let technical = out.iter().enumerate().any(|(i, m)| {
            m.excluded.is_none() && self.technical[m.skill] && ambiguous.binary_search(&i).is_err()
        });
        if !technical {
            for &i in ambiguous {
                if out[i].excluded.is_none() {
                    out[i].excluded = Some(Exclusion::NoContext);
                }
            }
        }
    }

    /// Every match of pattern `idx` in segment `s`, with the skill's reject
    /// rules applied (they hold for patterns as for spellings).
    fn pattern_mentions(
        &self,
        doc: &Document,
        s: usize,
        idx: usize,
        cued: bool,
        out: &mut Vec<Mention>,
    ) {
        let seg = &doc.segments[s];
        let seg_text = doc.segment_text(seg);
        let lazy = &self.regexes[idx];
        let skill = &lazy.skill;
        for m in lazy.find_iter(seg_text) {
            let rejected = self.contexts[*skill].rejects(seg_text, m.start, m.end);
            out.push(self.mention(
                cued,
                seg_text,
                s,
                seg.range.start + m.start..seg.range.start + m.end,
                m.start,
                *skill,
                EvidenceKind::Pattern,
                lazy.spelling.clone(),
                None,
                rejected.then_some(Exclusion::ContextRejected),
            ));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn mention(
        &self,
        cued: bool,
        seg_text: &str,
        segment: usize,
        span: std::ops::Range<usize>,
        at: usize,
        skill: usize,
        kind: EvidenceKind,
        spelling: Arc<str>,
        similarity: Option<f64>,
        excluded: Option<Exclusion>,
    ) -> Mention {
        let modifier = if cued {
            self.cues
                .modifier_at(seg_text, at, at + (span.end - span.start))
        } else {
            None
        };
        Mention {
            skill,
            segment,
            span,
            kind,
            spelling,
            similarity,
            hedged: modifier == Some(Modifier::Hedged),
            unconfirmed: false,
            excluded: excluded.or(match modifier {
                Some(Modifier::Negated) => Some(Exclusion::Negated),
                Some(Modifier::Learning) => Some(Exclusion::Learning),
                _ => None,
            }),
        }
    }
}

/// Whether a pattern is compiled with Unicode semantics (see `literals::parse_pattern`), or `None` when it
/// does not compile; decided by parsing alone, which costs a fraction of compiling.
#[cfg(test)]
fn needs_unicode(pattern: &str) -> Option<bool> {
    pattern_facts(pattern).map(|f| f.unicode)
}

/// The facts `build.rs` worked out for the built-in taxonomy's patterns (`literals.rs`):
/// `(pattern, unicode, anchored, literals)`, sorted by pattern.
type Precomputed = &'static [(&'static str, bool, bool, Option<&'static [&'static [u8]]>)];
static PRECOMPUTED: Precomputed = include!(concat!(env!("OUT_DIR"), "/pattern-facts.rs"));

/// What `pattern` is ([`literals::Facts`]): looked up when it is a built-in pattern, else
/// parsed; `None` when it does not parse.
fn pattern_facts(pattern: &str) -> Option<literals::Facts> {
    match PRECOMPUTED.binary_search_by(|(p, ..)| (*p).cmp(pattern)) {
        Ok(i) => {
            let (_, unicode, anchored, factors) = PRECOMPUTED[i];
            Some(literals::Facts {
                unicode,
                anchored,
                factors: factors.map(|f| f.iter().map(|l| l.to_vec()).collect()),
            })
        }
        Err(_) => literals::compute(pattern),
    }
}

/// Compiles the built-in taxonomy's patterns and context rule lists that have no DFA from
/// `build.rs` (see [`crate::prepare`]).
pub(crate) fn prepare_builtin() {
    prepared::compile_unprepared_patterns(|p| pattern_facts(p).is_some_and(|f| f.unicode));
    context::compile_unprepared_rules();
}

/// A taxonomy pattern, loaded or compiled on first use (a resume needs a few of them).
#[derive(Debug, Clone)]
struct LazyRegex {
    skill: usize,
    source: String,
    /// `source`, shared by its mentions.
    spelling: Arc<str>,
    unicode: bool,
    re: OnceLock<PatternRegex>,
}

/// A pattern's regex: the DFAs `build.rs` made of a built-in pattern ([`prepared`]), or
/// the pattern compiled at run time. Both find the same matches.
#[derive(Debug, Clone)]
enum PatternRegex {
    Prepared(Box<regex_automata::dfa::regex::Regex<prepared::Dfa>>),
    Compiled(crate::lean::Regex),
}

impl LazyRegex {
    fn regex(&self) -> &PatternRegex {
        self.re
            .get_or_init(|| match prepared::pattern(&self.source) {
                Some(re) => PatternRegex::Prepared(Box::new(re)),
                None => PatternRegex::Compiled(
                    prepared::unprepared_pattern(&self.source, self.unicode)
                        .map_or_else(|| crate::lean::compile(&self.source, self.unicode), Ok)
                        .expect("the pattern parsed, so it compiles"),
                ),
            })
    }

    /// The byte ranges of the pattern's successive non-overlapping matches in `haystack`
    /// (leftmost-first, like `regex::Regex::find_iter`).
    fn find_iter<'h>(&self, haystack: &'h str) -> impl Iterator<Item = Range<usize>> + use<'_, 'h> {
        let (prepared, compiled) = match self.regex() {
            PatternRegex::Prepared(re) => (Some(re.find_iter(haystack.as_bytes())), None),
            PatternRegex::Compiled(re) => (None, Some(re.find_iter(haystack))),
        };
        let prepared = prepared.into_iter().flatten().map(|m| m.range());
        let compiled = compiled.into_iter().flatten().map(|m| m.range());
        prepared.chain(compiled)
    }
}

/// [`Document::segment_at`] of each offset, for offsets in increasing order:
/// one walk along the segments instead of a binary search per offset.
fn segments_at<'a, I>(doc: &'a Document, offsets: I) -> impl Iterator<Item = usize> + 'a
where
    I: IntoIterator<Item = usize>,
    I::IntoIter: 'a,
{
    let last = doc.segments.len().saturating_sub(1);
    let mut s = 0;
    offsets.into_iter().map(move |at| {
        debug_assert!(
            s == 0 || doc.segments[s - 1].range.end < at,
            "offsets in order"
        );
        while s < last && doc.segments[s].range.end < at {
            s += 1;
        }
        s
    })
}

/// How many segments before and after a fuzzy near match (in its section) a
/// technical skill may stand to give it context: a "Skill Details" table has
/// one skill a row.
pub const CONTEXT_LINES: usize = 2;

/// Whether segment `s` reads as another language than English (see
/// [`language`]); a segment with too few function words to tell is read with
/// the segments before and after it.
fn foreign_passage(doc: &Document, s: usize) -> bool {
    let count = |t: usize| {
        doc.segments.get(t).map_or_else(Default::default, |seg| {
            language::StopWords::count(doc.segment_text(seg))
        })
    };
    let mut words = count(s);
    if words.total() < 3 {
        words = words.add(count(s + 1));
        if s > 0 {
            words = words.add(count(s - 1));
        }
    }
    words.is_foreign()
}

/// Marks the counted fuzzy near matches (similarity below 1) of skills that no
/// counted exact, alias or pattern mention confirms as [`Mention::unconfirmed`].
fn mark_unconfirmed(out: &mut [Mention], skills: usize) {
    if !out.iter().any(|m| m.kind == EvidenceKind::Fuzzy) {
        return;
    }
    let mut confirmed = vec![false; skills];
    for m in out.iter().filter(|m| m.excluded.is_none()) {
        if matches!(
            m.kind,
            EvidenceKind::Exact | EvidenceKind::Alias | EvidenceKind::Pattern
        ) {
            confirmed[m.skill] = true;
        }
    }
    for m in out.iter_mut() {
        if m.kind == EvidenceKind::Fuzzy && m.similarity.is_some_and(|x| x < 1.0) {
            m.unconfirmed = !confirmed[m.skill];
        }
    }
}

/// For each token, whether it overlaps any of the (sorted) spans.
fn explained_tokens(tokens: &[(usize, usize)], spans: &[(usize, usize)]) -> Vec<bool> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut j = 0;
    for &(s, e) in tokens {
        while j < spans.len() && spans[j].1 <= s {
            j += 1;
        }
        // Spans are sorted by start; a later span may still overlap if an earlier one ended before.
        let overlaps = spans[j..]
            .iter()
            .take_while(|sp| sp.0 < e)
            .any(|sp| sp.1 > s);
        out.push(overlaps);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` works out the built-in patterns' facts with the same code; a table that
    /// lacks a pattern, or disagrees with parsing it, shows here.
    #[test]
    fn precomputed_facts_are_the_computed_ones() {
        let taxonomy = Taxonomy::builtin();
        let patterns: Vec<&String> = taxonomy.skills().iter().flat_map(|s| &s.patterns).collect();
        assert!(!patterns.is_empty());
        for p in patterns {
            assert!(
                PRECOMPUTED.binary_search_by(|(q, ..)| (*q).cmp(p)).is_ok(),
                "{p}"
            );
            assert_eq!(pattern_facts(p), literals::compute(p), "{p}");
        }
        assert!(PRECOMPUTED.windows(2).all(|w| w[0].0 < w[1].0));
        // Another pattern is parsed.
        let f = pattern_facts(r"(?i)^\s*on[- ]call\b").unwrap();
        assert!(f.anchored && !f.unicode);
        assert_eq!(f.factors, Some(vec![b"call".to_vec()]));
    }

    /// Regression guard for the start-up work (issue 14): a change to how patterns are made
    /// from the taxonomy that left a spelling out of `build.rs`'s trie would build one at
    /// every start.
    #[test]
    fn the_builtin_taxonomy_uses_the_precomputed_exact_trie() {
        assert!(matcher().1.exact.is_builtin());
    }

    /// The built-in taxonomy's matcher, built once.
    fn matcher() -> &'static (Taxonomy, Matcher) {
        static M: std::sync::OnceLock<(Taxonomy, Matcher)> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            let t = Taxonomy::builtin();
            let m = Matcher::new(&t, &MatchOptions::default());
            (t, m)
        })
    }

    /// The fuzzy mentions of `text` as (matched text, skill id, excluded, unconfirmed).
    fn fuzzy(text: &str) -> Vec<(String, String, Option<Exclusion>, bool)> {
        let (t, m) = matcher();
        let doc = Document::parse(text);
        m.find(&doc)
            .into_iter()
            .filter(|x| x.kind == EvidenceKind::Fuzzy)
            .map(|x| {
                (
                    doc.text[x.span.clone()].to_string(),
                    t.skills()[x.skill].id.clone(),
                    x.excluded,
                    x.unconfirmed,
                )
            })
            .collect()
    }

    /// The fuzzy mentions of `text` that count, as (matched text, skill id).
    fn counted(text: &str) -> Vec<(String, String)> {
        fuzzy(text)
            .into_iter()
            .filter(|x| x.2.is_none())
            .map(|x| (x.0, x.1))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn misspelt_skill_beside_a_technology_counts() {
        assert_eq!(
            counted("Built the API in Python with Dokcer and Postgress."),
            [pair("Dokcer", "docker"), pair("Postgress", "postgresql")]
        );
    }

    #[test]
    fn employer_name_is_not_a_fuzzy_skill() {
        let text = "EXPERIENCE\nKafkar Research, Leeds, UK\nBuilt Python and SQL pipelines.\n\
                    Software engineer at Kubernetis, built Python services.\n";
        assert_eq!(counted(text), []);
    }

    #[test]
    fn client_and_company_names_are_not_fuzzy_skills() {
        let text =
            "EXPERIENCE\nWarehouse lead, Kubernetis Logistics Ltd, Leeds (Java and SQL reports)\n\
                    Client: Dockers Apparel, Java and SQL reports\n\
                    Hotel systems for Azura Hotels in Java and SQL\n";
        assert_eq!(counted(text), []);
    }

    #[test]
    fn english_word_is_not_a_fuzzy_skill() {
        // "informatics" (Informatica) is a word, however close to a product name.
        assert_eq!(
            counted("Python and SQL training for hospital informatics staff"),
            []
        );
    }

    #[test]
    fn misspelt_english_word_is_not_a_fuzzy_skill() {
        // One edit from "performance" (English) and two from Perforce; one from
        // "allure" and one from Azure.
        assert_eq!(
            counted("Tuned Java and SQL for better performace. Test reports: JUnit, Alure"),
            []
        );
        // A form of the skill's own name is no such word: "restfully" does not
        // make "restfull" a misspelling of it.
        assert_eq!(
            counted("built restfull services in Java"),
            [pair("restfull", "rest-api")]
        );
    }

    #[test]
    fn non_english_passage_is_not_searched_for_misspellings() {
        // "pagos" (payments) is one letter from Paxos, "redes" (networks) from Redis.
        let es = "• Pasarela de pagos para tiendas: servicio en React, con pruebas en Python\n\
                  • Monitoreo de redes de las oficinas con Python\n\
                  • Consultas en Postgress para el sistema de facturación con Python\n";
        assert_eq!(counted(es), []);
        // The same misspelling in an English line counts.
        assert_eq!(
            counted("• Queries in Postgress for the billing system, with Python\n"),
            [pair("Postgress", "postgresql")]
        );
    }

    #[test]
    fn fuzzy_hit_without_technical_context_is_excluded() {
        let hits = fuzzy("PROFILE\nI like Dokcer.\n\nHOBBIES\nChess\n");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].2, Some(Exclusion::NoContext));
        // A technical skill two lines away in the same section is context.
        let hits = fuzzy("SKILLS\nJava\nMaven\nDokcer\n");
        assert_eq!(hits[0].2, None, "{hits:?}");
    }

    #[test]
    fn fuzzy_only_skill_is_weak_unless_named_exactly_elsewhere() {
        let hits = fuzzy("Built Java services and Dokcer images.\n");
        assert!(hits[0].3, "only a near match: unconfirmed");
        let hits = fuzzy("Built Java services and Dokcer images.\nSKILLS\nDocker, Java\n");
        assert!(!hits[0].3, "Docker is named exactly too");
    }

    #[test]
    fn joined_tokens_need_no_context_and_are_not_weak() {
        let hits =
            fuzzy("An effective teamleader and mentor\nServices hosted on Google AppEngine\n");
        assert_eq!(
            hits.iter()
                .map(|h| (h.1.as_str(), h.2, h.3))
                .collect::<Vec<_>>(),
            [("team-leadership", None, false), ("gcp", None, false)]
        );
    }

    #[test]
    fn segments_at_walks_to_the_segments_segment_at_finds() {
        let text = include_str!("../../fixtures/resumes/architect-cloud-platform.txt");
        for doc in [
            Document::parse(text),
            Document::parse("one line"),
            Document::parse(""),
        ] {
            let offsets: Vec<usize> = (0..=doc.text.len() + 1).collect();
            let walked: Vec<usize> = segments_at(&doc, offsets.iter().copied()).collect();
            let searched: Vec<usize> = offsets.iter().map(|&at| doc.segment_at(at)).collect();
            assert_eq!(walked, searched);
            // Repeated and sparse offsets, as hits and cues give them.
            let some = [0, 0, 7, 7, 40, 300, 301, doc.text.len()];
            let walked: Vec<usize> = segments_at(&doc, some).collect();
            let searched: Vec<usize> = some.iter().map(|&at| doc.segment_at(at)).collect();
            assert_eq!(walked, searched);
        }
    }
}
