//! Years of experience: date ranges and statements.
//!
//! Ranges: `Jan 2019 – Present`, `January 2017 to March 2018`, `2018-2021`,
//! `03/2020 - 06/2022`, `2019.03 - 2021.10`, `Sep '18 - May '20`. The separator is
//! a hyphen or dash, `to`, `till`, `until` or `through`; the end may be `Present`,
//! `Current`, `Now`, `Today`, `Date`, `Till date` or `Ongoing`, which resolve to the
//! *as-of* month. A year without a month counts from mid-year (July), so
//! `2018-2021` is three years. Ranges are merged where they overlap before they are
//! added up, so two parallel jobs are not counted twice.
//!
//! Statements: `6+ years of experience`, `over 5 years of professional
//! experience`, `5.5 yrs experience`, `2 years 3 months of experience`,
//! `six months experience`, `experience of 4 years`.

use crate::hash::FastMap;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A calendar month, used for date arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// Makes a month; `None` unless `1 <= month <= 12`.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// Parses `YYYY-MM` or `YYYY-MM-DD` (the day is ignored).
    ///
    /// ```
    /// use skillgap::text::YearMonth;
    /// assert_eq!(YearMonth::parse("2026-11-23"), YearMonth::new(2026, 11));
    /// assert_eq!(YearMonth::parse("2026-13"), None);
    /// ```
    pub fn parse(s: &str) -> Option<YearMonth> {
        let mut parts = s.trim().split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        if let Some(day) = parts.next() {
            let day: u32 = day.parse().ok()?;
            if !(1..=31).contains(&day) {
                return None;
            }
        }
        if parts.next().is_some() {
            return None;
        }
        YearMonth::new(year, month)
    }

    /// This month, in UTC, from the system clock: what "Present" means unless
    /// the caller says otherwise.
    ///
    /// ```
    /// use skillgap::text::YearMonth;
    /// assert!(YearMonth::now().year >= 2024);
    /// ```
    pub fn now() -> YearMonth {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        YearMonth::from_unix_days((secs / 86_400) as i64)
    }

    /// The month of a day counted from 1970-01-01. Civil-from-days (Howard
    /// Hinnant's algorithm), for the year and month only: a date crate would be
    /// a dependency for ten lines.
    fn from_unix_days(days: i64) -> YearMonth {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let doe = days - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        YearMonth { year, month }
    }

    fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A date range found on a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateRange {
    /// First month.
    pub start: YearMonth,
    /// Last month (inclusive).
    pub end: YearMonth,
    /// Months covered.
    pub months: u32,
    /// The text that was read.
    pub text: String,
}

/// A statement of years of experience found on a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearsStatement {
    /// Years stated.
    pub years: f64,
    /// The text that was read.
    pub text: String,
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

fn range_regex() -> &'static Twin {
    static RE: OnceLock<Twin> = OnceLock::new();
    RE.get_or_init(|| Twin::new(range_pattern(), "date range"))
}

/// A pattern with capture groups, compiled with ASCII semantics on first use and with its
/// own (Unicode) semantics only when a line needs them.
///
/// The patterns here are written `(?i)…` with Unicode `\d`, `\s`, `\w` and `\b`, and
/// compiling them so (with their widened forms, see [`Prefiltered`]) was about 65 M
/// instructions of a process's first score, most of it the Unicode classes and case folding.
/// The twin is the same pattern under `(?i-u)`: ASCII digits, spaces, word characters, word
/// boundaries and case folding; its non-ASCII literals (the dashes) stay as they are. On a line
/// where every non-ASCII character is neither a word character (letters, marks and digits of
/// any script, `\w`, which is what `\b` looks at) nor white space, the two read alike, group
/// for group: each class and each boundary decides every character of such a line the same way,
/// and every character that folds to an ASCII letter (`ſ`, the Kelvin sign) is a letter. A line
/// with such characters is searched as its [`ascii_stand_in`], which writes them as ASCII
/// characters the twin reads as the pattern reads them; only a digit of another script or a
/// character that folds to an ASCII letter needs the pattern itself, built the first time one
/// is met. Resumes are normalised (NFKC), so odd spaces, full-width digits, `ſ` and the Kelvin
/// sign are already ASCII there.
struct Twin {
    ascii: crate::lean::Regex,
    /// The group numbers by name (the regex's own map hashes each name with SipHash).
    groups: FastMap<String, usize>,
    pattern: String,
    what: &'static str,
    unicode: OnceLock<Prefiltered>,
}

/// One match of a [`Twin`]: the spans of its groups, numbered as in the pattern (the twin and
/// the pattern number their groups alike: they differ only in flags).
struct Found<'a> {
    line: &'a str,
    /// The pattern's group numbers by name ([`Twin::groups`]).
    names: &'a FastMap<String, usize>,
    spans: Vec<Option<std::ops::Range<usize>>>,
}

impl<'a> Found<'a> {
    /// The text of the group called `name`, if it took part in the match.
    fn name(&self, name: &str) -> Option<&'a str> {
        let i = *self.names.get(name)?;
        let span = self.spans.get(i)?.clone()?;
        Some(&self.line[span])
    }

    /// The whole match.
    fn whole(&self) -> &'a str {
        let span = self.spans[0]
            .clone()
            .expect("group 0 takes part in a match");
        &self.line[span]
    }
}

impl Twin {
    fn new(pattern: String, what: &'static str) -> Twin {
        let ascii = crate::lean::compile_with_captures(&ascii_twin(&pattern))
            .unwrap_or_else(|e| panic!("{what} regex (ASCII twin) compiles: {e}"));
        let groups = ascii
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .enumerate()
            .filter_map(|(i, name)| Some((name?.to_string(), i)))
            .collect();
        Twin {
            ascii,
            groups,
            pattern,
            what,
            unicode: OnceLock::new(),
        }
    }

    /// The pattern with its own semantics, built on first use.
    fn unicode(&self) -> &Prefiltered {
        self.unicode
            .get_or_init(|| Prefiltered::new(&self.pattern, self.what))
    }

    /// Every match in `line`, as `regex::Regex::captures_iter` of the pattern finds them.
    fn captures<'a>(&'a self, line: &'a str) -> Vec<Found<'a>> {
        let names = &self.groups;
        if let Some(stand_in) = ascii_stand_in(line) {
            let found: Vec<Found<'a>> = self
                .ascii
                .captures_iter(stand_in.as_ref())
                .map(|c| Found {
                    line,
                    names,
                    spans: (0..c.group_len())
                        .map(|g| c.get_group(g).map(|s| s.range()))
                        .collect(),
                })
                .collect();
            // Every group starts and ends at an ASCII letter or digit, never inside a
            // rewritten character; this only guards that argument.
            let whole_chars = |f: &Found<'_>| {
                f.spans
                    .iter()
                    .flatten()
                    .all(|r| line.is_char_boundary(r.start) && line.is_char_boundary(r.end))
            };
            if found.iter().all(whole_chars) {
                return found;
            }
        }
        self.unicode()
            .captures_iter(line)
            .map(|c| Found {
                line,
                names,
                spans: (0..c.len()).map(|g| c.get(g).map(|m| m.range())).collect(),
            })
            .collect()
    }
}

/// Dashes, quotes, bullets and ellipses: neither word characters nor spaces.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2010}'..='\u{2027}';

/// `line` as a [`Twin`]'s ASCII twin reads it the way the pattern reads `line`: each non-ASCII
/// word character written as as many `_` as it has bytes, each non-ASCII space as as many
/// spaces. `_` is a word character like them for `\w` and `\b`, and neither a digit, a space
/// nor a letter of the patterns; the patterns never count word characters or spaces (`\s*`,
/// `\s+`, `[\w…]+`) and every group starts and ends at an ASCII letter or digit, so the groups'
/// spans are the same in both lines. `None` when a character needs the pattern itself: a digit
/// of another script (`\d`; `char::is_numeric` takes in more), or one that folds to an ASCII
/// letter (`ſ`, the Kelvin sign). Borrowed unless something was rewritten.
fn ascii_stand_in(line: &str) -> Option<std::borrow::Cow<'_, str>> {
    if line.is_ascii() {
        return Some(std::borrow::Cow::Borrowed(line));
    }
    let mut out: Option<Vec<u8>> = None;
    for (i, c) in line.char_indices() {
        // ASCII, and the dashes, quotes and bullets of General Punctuation, stay as they are.
        if c.is_ascii() || GENERAL_PUNCTUATION.contains(&c) {
            continue;
        }
        let fill = if c.is_whitespace() {
            b' '
        } else if regex_syntax::try_is_word_character(c).unwrap_or(true) {
            if c.is_numeric() || matches!(c, '\u{17f}' | '\u{212a}') {
                return None;
            }
            b'_'
        } else {
            continue;
        };
        let bytes = out.get_or_insert_with(|| line.as_bytes().to_vec());
        bytes[i..i + c.len_utf8()].fill(fill);
    }
    Some(match out {
        None => std::borrow::Cow::Borrowed(line),
        Some(bytes) => std::borrow::Cow::Owned(
            String::from_utf8(bytes).expect("whole characters were rewritten as ASCII"),
        ),
    })
}

/// `pattern` (which starts `(?i)`) with ASCII classes, word boundaries and case folding.
fn ascii_twin(pattern: &str) -> String {
    let body = pattern
        .strip_prefix("(?i)")
        .expect("the date patterns start with (?i)");
    format!("(?i-u){body}")
}

/// Whether a pattern could read `line` otherwise than its ASCII twin (see [`Twin`] and
/// [`Boundaried`]): whether `line` has a non-ASCII character that is a word character or white
/// space.
fn needs_unicode(line: &str) -> bool {
    !line.is_ascii()
        && line.chars().any(|c| {
            !c.is_ascii()
                && (c.is_whitespace() || regex_syntax::try_is_word_character(c).unwrap_or(true))
        })
}

/// A pattern and its widened form (see `matcher::prefilter`), which matches wherever the
/// pattern does and runs on the lazy DFA whatever the text. The patterns here have Unicode word
/// boundaries, which keep their own search off the DFA on any line with a bullet or a dash: each
/// search for the next match starts where the widened pattern next matches, and a line where it
/// never matches is not searched at all.
struct Prefiltered {
    re: Regex,
    /// `None` when the pattern can match the empty string or cannot be widened.
    wide: Option<crate::lean::Regex>,
}

impl Prefiltered {
    fn new(pattern: &str, what: &str) -> Prefiltered {
        let re = Regex::new(pattern).unwrap_or_else(|e| panic!("{what} regex compiles: {e}"));
        let never_empty = regex_syntax::Parser::new()
            .parse(pattern)
            .is_ok_and(|h| h.properties().minimum_len().is_some_and(|n| n > 0));
        let wide = never_empty
            .then(|| crate::widen::widened_regex(pattern))
            .flatten();
        Prefiltered { re, wide }
    }

    /// The captures of every match in `line`, as `captures_iter` finds them. Because no match
    /// is empty, the next match is the leftmost one that starts at or after the end of the last,
    /// and it cannot start before the widened pattern's next match.
    fn captures_iter<'a>(&'a self, line: &'a str) -> impl Iterator<Item = regex::Captures<'a>> {
        let mut plain = self.wide.is_none().then(|| self.re.captures_iter(line));
        let mut at = 0;
        std::iter::from_fn(move || {
            if let Some(all) = &mut plain {
                return all.next();
            }
            let from = self
                .wide
                .as_ref()?
                .search(&regex_automata::Input::new(line).range(at..))?
                .start();
            let caps = self.re.captures_at(line, from)?;
            at = caps.get(0)?.end();
            Some(caps)
        })
    }
}

/// The date-range pattern (named groups `s…` for the start, `e…` for the end, `open`).
fn range_pattern() -> String {
    let date = format!(
        r"(?:(?P<{p}mon>{MONTH})\.?,?\s*(?P<{p}ymon>'\d{{2}}|\d{{4}})|(?P<{p}num>\d{{1,2}})\s*[/.-]\s*(?P<{p}ynum>\d{{4}})|(?P<{p}yfirst>\d{{4}})\s*[/.-]\s*(?P<{p}mfirst>\d{{1,2}})\b|(?P<{p}year>\d{{4}}))",
        MONTH = MONTH,
        p = "{P}"
    );
    let start = date.replace("{P}", "s");
    let end = date.replace("{P}", "e");
    let open = r"(?P<open>present|current(?:ly)?|now|today|ongoing|till\s+(?:date|now|today)|to\s+date|date)";
    format!(
        r"(?i)\b{start}\s*(?:-|–|—|~|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)+\s*(?:{end}|{open})"
    )
}

/// Words that make a dated line a course of study whatever else it says: a degree
/// ("B.Tech", "Bachelor", "Diploma"), a grade ("CGPA") or a school-leaving exam.
fn degree_regex() -> &'static Boundaried {
    static RE: OnceLock<Boundaried> = OnceLock::new();
    RE.get_or_init(|| {
        Boundaried::new(r"(?i)\b(?:bachelor'?s?|b\.?\s?tech|m\.?\s?tech|b\.?\s?sc|m\.?\s?sc|b\.?\s?com|bca|mca|mba|pgdm|diploma|degree|cgpa|gpa|ssc|hsc|10th|12th|matriculation)\b|(?-i:\b(?:BE|B\.E\.?|M\.E\.)(?:\s|$|,))", "degree")
    })
}

/// Words that make a dated line a course of study unless it also names a job title:
/// "University of Leeds, 2015 - 2019" is study, "Lecturer — University of Leeds
/// (2015 - 2019)" is work; "Graduate Software Developer" and "Scrum Master" are jobs.
fn institution_regex() -> &'static Boundaried {
    static RE: OnceLock<Boundaried> = OnceLock::new();
    RE.get_or_init(|| {
        Boundaried::new(r"(?i)\b(?:universit(?:y|ies)|college|school|institute|polytechnic|academy|masters?|graduat(?:e|ion)|intermediate)\b", "institution")
    })
}

/// A pattern whose every `\b` stands next to an ASCII letter or digit of the match,
/// searched as fast as the lazy DFA allows. Unicode `\b` keeps a search off the DFA on
/// any text with a non-ASCII character (a bullet, a dash), so the same pattern with ASCII
/// word boundaries (`(?-u:\b)`, which the DFA runs on any text) is tried first: next to
/// an ASCII word character, every Unicode boundary is an ASCII one (a non-ASCII character
/// is never an ASCII word character), so where it finds nothing the pattern finds nothing;
/// on text whose non-ASCII characters are no word characters ([`needs_unicode`]; ASCII text
/// among them) the two are the same. The one exception, a non-ASCII character that
/// matches an ASCII letter under case folding (`ſ` for `s`, the Kelvin sign for `k`),
/// sends the text to the pattern itself. The pattern is built the first time a line needs it.
/// Both are lean (`crate::lean`): they only say whether a line matches.
struct Boundaried {
    pattern: &'static str,
    what: &'static str,
    re: OnceLock<crate::lean::Regex>,
    ascii: crate::lean::Regex,
}

impl Boundaried {
    fn new(pattern: &'static str, what: &'static str) -> Boundaried {
        Boundaried {
            pattern,
            what,
            re: OnceLock::new(),
            ascii: Boundaried::compile(&pattern.replace(r"\b", r"(?-u:\b)"), what),
        }
    }

    fn compile(pattern: &str, what: &str) -> crate::lean::Regex {
        crate::lean::compile(pattern, true).unwrap_or_else(|e| panic!("{what} regex compiles: {e}"))
    }

    fn re(&self) -> &crate::lean::Regex {
        self.re
            .get_or_init(|| Boundaried::compile(self.pattern, self.what))
    }

    fn is_match(&self, text: &str) -> bool {
        if !needs_unicode(text) {
            return self.ascii.is_match(text);
        }
        if text.contains(['\u{17f}', '\u{212a}']) {
            return self.re().is_match(text);
        }
        self.ascii.is_match(text) && self.re().is_match(text)
    }
}

/// Whether `text` (a dated line, with its heading when the dates stand alone) reads
/// as a course of study rather than a job. `has_job_title` says whether it names a
/// job title (see `work::names_job_title`).
pub(crate) fn reads_as_study(text: &str, has_job_title: bool) -> bool {
    degree_regex().is_match(text) || (!has_job_title && institution_regex().is_match(text))
}

/// A pattern for a number of years or months: digits ("5", "2.5") or a word from "one" to
/// "twenty" (`data/number-words.txt`).
fn number_pattern() -> String {
    format!(
        r"(?:\d{{1,2}}(?:\.\d{{1,2}})?|{})",
        number_words()[1..].join("|")
    )
}

/// The numbers written as words, `zero` to `twenty`: the index of a word is its value
/// (`data/number-words.txt`). The JD reader's "five+ years" can use it too.
pub(crate) fn number_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| crate::data::entries(crate::data::NUMBER_WORDS).collect())
}

fn statement_regex() -> &'static Twin {
    static RE: OnceLock<Twin> = OnceLock::new();
    RE.get_or_init(|| {
        let num = number_pattern();
        // "6+ years of (backend) experience", "2 years 6 months of experience",
        // "Total Experience: 2 Years 7 Months", "experience of 4 years",
        // and skill tables' "Java - Experience - 36 months".
        let pattern = format!(
            r"(?i)(?:\b(?P<y>{num})\s*\+?\s*(?:years?|yrs?)\.?(?:\s*(?:and\s*)?(?P<m>{num})\s*(?:months?|mos?))?|\b(?P<mo>{num})\s*\+?\s*months?)(?:'s?)?\s+(?:of\s+)?(?:[\w/.+#-]+\s+){{0,4}}?(?:experience|exp\b)|\bexperience\s*(?:[:=]\s*-?)?\s*(?:of\s+)?(?:over\s+|about\s+|around\s+|nearly\s+|almost\s+)?(?P<y2>{num})\s*\+?\s*(?:years?|yrs?)(?:\s*(?:and\s*)?(?P<m2>{num})\s*(?:months?|mos?))?|\bexperience\s*-\s*(?P<mo2>\d{{1,3}})\s*months?"
        );
        Twin::new(pattern, "statement")
    })
}

/// A number written in digits ("5", "2.5") or as a word from "zero" to "twenty".
pub(crate) fn number(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    number_words()
        .iter()
        .position(|w| *w == lower)
        .map(|i| i as f64)
        .or_else(|| lower.parse().ok())
}

fn month_number(name: &str) -> u32 {
    static PREFIXES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let prefixes =
        PREFIXES.get_or_init(|| crate::data::entries(crate::data::MONTH_PREFIXES).collect());
    let n = name.to_ascii_lowercase();
    prefixes
        .iter()
        .position(|m| n.starts_with(m))
        .map_or(7, |i| i as u32 + 1)
}

fn parse_year(s: &str) -> Option<i32> {
    if let Some(two) = s.strip_prefix('\'') {
        let y: i32 = two.parse().ok()?;
        return Some(if y < 50 { 2000 + y } else { 1900 + y });
    }
    s.parse().ok()
}

/// A line holds a year: four ASCII digits in a row, or `'` and two. A date range's start reads
/// its year from one of them (see `side`).
pub(crate) const YEAR: u8 = 1;
/// A line names a unit of time, `yr`, `year`, `mont` or `mos` in any case: every role length
/// does ([`find_durations`]).
pub(crate) const UNIT: u8 = 2;
/// A line holds `exp` in any case: every statement of experience does ([`find_statements`]).
pub(crate) const EXP: u8 = 4;

/// Which of [`YEAR`], [`UNIT`] and [`EXP`] a line holds, in one pass over its bytes: without
/// its mark, a line has no date range, role length or statement, and no regex is run on it.
/// Only digits, `y`, `m` and `x` (any case) start one of them, so the pass stops at those alone
/// and looks around them; `| 0x20` lowers an ASCII letter and makes no letter of anything else.
pub(crate) fn marks(line: &str) -> u8 {
    const STARTS: [bool; 256] = {
        let mut t = [false; 256];
        let mut c = b'0';
        while c <= b'9' {
            t[c as usize] = true;
            c += 1;
        }
        t[b'y' as usize] = true;
        t[b'Y' as usize] = true;
        t[b'm' as usize] = true;
        t[b'M' as usize] = true;
        t[b'x' as usize] = true;
        t[b'X' as usize] = true;
        t
    };
    let b = line.as_bytes();
    // The lower-cased ASCII letter at `i`, or 0.
    let at = |i: usize| b.get(i).map_or(0, |&c| c | 0x20);
    let mut found = 0;
    let mut i = 0;
    // From one byte that can start a mark to the next.
    while let Some(off) = b[i..].iter().position(|&c| STARTS[c as usize]) {
        i += off;
        let c = b[i];
        if c.is_ascii_digit() {
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run >= 4 || (run >= 2 && i >= 1 && b[i - 1] == b'\'') {
                found |= YEAR;
            }
            i += run;
            continue;
        }
        match c | 0x20 {
            b'y' if at(i + 1) == b'r'
                || (at(i + 1), at(i + 2), at(i + 3)) == (b'e', b'a', b'r') =>
            {
                found |= UNIT;
            }
            b'm' if at(i + 1) == b'o'
                && (at(i + 2) == b's' || (at(i + 2), at(i + 3)) == (b'n', b't')) =>
            {
                found |= UNIT;
            }
            b'x' if i >= 1 && b[i - 1] | 0x20 == b'e' && at(i + 1) == b'p' => found |= EXP,
            _ => {}
        }
        if found == YEAR | UNIT | EXP {
            break;
        }
        i += 1;
    }
    found
}

/// The [`marks`] of every segment of a document, from one pass over its text.
pub(crate) fn document_marks(doc: &super::Document) -> Vec<u8> {
    doc.segments
        .iter()
        .map(|s| marks(doc.segment_text(s)))
        .collect()
}

/// The names of one side's groups in the range pattern: `s…` for the start, `e…` for the end.
struct Side {
    mon: &'static str,
    ymon: &'static str,
    num: &'static str,
    ynum: &'static str,
    yfirst: &'static str,
    mfirst: &'static str,
    year: &'static str,
}

const START: Side = Side {
    mon: "smon",
    ymon: "symon",
    num: "snum",
    ynum: "synum",
    yfirst: "syfirst",
    mfirst: "smfirst",
    year: "syear",
};

const END: Side = Side {
    mon: "emon",
    ymon: "eymon",
    num: "enum",
    ynum: "eynum",
    yfirst: "eyfirst",
    mfirst: "emfirst",
    year: "eyear",
};

/// One side of a range, and whether it named only a year.
fn side(caps: &Found<'_>, p: &Side) -> Option<(YearMonth, bool)> {
    let get = |name: &str| caps.name(name);
    if let (Some(mon), Some(y)) = (get(p.mon), get(p.ymon)) {
        return YearMonth::new(parse_year(y)?, month_number(mon)).map(|m| (m, false));
    }
    if let (Some(m), Some(y)) = (get(p.num), get(p.ynum)) {
        return YearMonth::new(parse_year(y)?, m.parse().ok()?).map(|m| (m, false));
    }
    if let (Some(y), Some(m)) = (get(p.yfirst), get(p.mfirst)) {
        return YearMonth::new(parse_year(y)?, m.parse().ok()?).map(|m| (m, false));
    }
    get(p.year).and_then(|y| YearMonth::new(parse_year(y)?, 7).map(|m| (m, true)))
}

/// Finds date ranges on a line. `as_of` resolves `Present`; ranges that start after
/// `as_of`, start before 1970, or run backwards are ignored, and a range that ends up
/// to two years after `as_of` ends at `as_of` (a resume written in October can give
/// a job's end as November). Ranges on lines that read as studies are ignored: a
/// degree ("B.Tech", "Diploma") always, a school ("University", "College") unless
/// the line also names a job title ("Lecturer — University of Leeds").
///
/// ```
/// use skillgap::text::{find_ranges, YearMonth};
/// let as_of = YearMonth::new(2026, 11).unwrap();
/// let r = find_ranges("Backend Engineer (Jan 2019 – Present)", as_of);
/// assert_eq!(r[0].months, 95);
/// assert_eq!(find_ranges("2018-2021", as_of)[0].months, 36);
/// assert_eq!(find_ranges("Engineer (May 2017 – Dec 2026)", as_of)[0].end, as_of);
/// ```
pub fn find_ranges(line: &str, as_of: YearMonth) -> Vec<DateRange> {
    let ranges = ranges_on(line, as_of);
    if ranges.is_empty() || reads_as_study(line, super::words::names_job_title(line)) {
        return Vec::new();
    }
    ranges
}

/// The date ranges on a line, whatever the line is about (see [`find_ranges`]).
pub(crate) fn ranges_on(line: &str, as_of: YearMonth) -> Vec<DateRange> {
    ranges_marked(line, marks(line), as_of)
}

/// [`ranges_on`] of a line whose [`marks`] are `marks`.
pub(crate) fn ranges_marked(line: &str, marks: u8, as_of: YearMonth) -> Vec<DateRange> {
    let mut out = Vec::new();
    if marks & YEAR == 0 {
        return out;
    }
    for caps in range_regex().captures(line) {
        let Some((start, _)) = side(&caps, &START) else {
            continue;
        };
        let end = if caps.name("open").is_some() {
            Some((as_of, false))
        } else {
            side(&caps, &END)
        };
        // A named end month counts itself; a bare year is read as mid-year.
        let Some((mut end, mut end_year_only)) = end else {
            continue;
        };
        if end > as_of && end.index() - as_of.index() <= 24 {
            (end, end_year_only) = (as_of, false);
        }
        if start.year < 1970 || start > as_of || end > as_of || start > end {
            continue;
        }
        if end.year - start.year > 50 {
            continue;
        }
        out.push(DateRange {
            start,
            end,
            months: (end.index() - start.index()) as u32 + u32::from(!end_year_only),
            text: caps.whole().to_string(),
        });
    }
    out
}

/// Finds statements of years of experience on a line.
///
/// ```
/// use skillgap::text::find_statements;
/// assert_eq!(find_statements("6+ years of experience in Java")[0].years, 6.0);
/// assert_eq!(find_statements("six months experience")[0].years, 0.5);
/// ```
pub fn find_statements(line: &str) -> Vec<YearsStatement> {
    statements_marked(line, marks(line))
}

/// [`find_statements`] of a line whose [`marks`] are `marks`.
pub(crate) fn statements_marked(line: &str, marks: u8) -> Vec<YearsStatement> {
    let mut out = Vec::new();
    if marks & EXP == 0 {
        return out;
    }
    for caps in statement_regex().captures(line) {
        let years = if let Some(y) = caps.name("y").or(caps.name("y2")) {
            let months = caps
                .name("m")
                .or(caps.name("m2"))
                .and_then(number)
                .unwrap_or(0.0);
            number(y).map(|y| y + months / 12.0)
        } else {
            caps.name("mo")
                .or(caps.name("mo2"))
                .and_then(number)
                .map(|m| m / 12.0)
        };
        if let Some(years) = years.filter(|y| *y > 0.0 && *y <= 50.0) {
            out.push(YearsStatement {
                years: (years * 100.0).round() / 100.0,
                text: caps.whole().to_string(),
            });
        }
    }
    out
}

/// A length of time written out on a line: "Consultant: 8 months", "1 year 4 months",
/// "(2 yrs 3 mos)".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatedDuration {
    /// The length in years.
    pub years: f64,
    /// The text that was read.
    pub text: String,
}

/// ASCII only (`(?i-u)`), so lean with captures (no literal prefilter to work out).
fn duration_regex() -> &'static crate::lean::Regex {
    static RE: OnceLock<crate::lean::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let num = number_pattern();
        crate::lean::compile_with_captures(&format!(
            r"(?i-u)\b(?:(?P<y>{num})\s*\+?\s*(?:years?|yrs?)\b\.?(?:\s*,?\s*(?:and\s*)?(?P<m>{num})\s*(?:months?|mos?)\b\.?)?|(?P<mo>{num})\s*\+?\s*(?:months?|mos?)\b\.?)"
        ))
        .expect("duration regex compiles")
    })
}

/// Words that, just before a length ending a line, make it part of a sentence ("within
/// six months", "in 3 months") rather than how long a role lasted
/// (`data/not-a-role-length.txt`).
fn not_a_role_length() -> &'static crate::hash::FastSet<&'static str> {
    static SET: OnceLock<crate::hash::FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::data::entries(crate::data::NOT_A_ROLE_LENGTH).collect())
}

/// Finds how long a role lasted when a line says it as a length rather than as dates:
/// in brackets anywhere ("(2 yrs 3 mos)", "(1.4 Years)"), or ending the line after a
/// separator, two spaces, `for`, `since`/`from last`/`from past` or a word
/// ("Consultant: 8 months.", "Sales Executive 11 MONTH", "for 10 years"). A length
/// ending a sentence after "within", "in", "every", "over"... is not one, and a line
/// that states years of experience ("2 years of experience") is left to
/// [`find_statements`].
///
/// ```
/// use skillgap::text::find_durations;
/// assert_eq!(find_durations("Consultant: 8 months.")[0].years, 8.0 / 12.0);
/// assert_eq!(find_durations("Acme Corp (1 yr 6 mos)")[0].years, 1.5);
/// assert!(find_durations("Cut the build time within six months.").is_empty());
/// ```
pub fn find_durations(line: &str) -> Vec<StatedDuration> {
    durations_marked(line, marks(line))
}

/// [`find_durations`] of a line whose [`marks`] are `marks`.
pub(crate) fn durations_marked(line: &str, marks: u8) -> Vec<StatedDuration> {
    // Every length names a unit: "yr(s)", "year(s)", "mo(s)" or "month(s)".
    if marks & UNIT == 0 || !statements_marked(line, marks).is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let group = |caps: &regex_automata::util::captures::Captures, name: &str| {
        caps.get_group_by_name(name).map(|s| &line[s.range()])
    };
    for caps in duration_regex().captures_iter(line) {
        let whole = caps.get_match().expect("a match");
        let before = &line[..whole.start()];
        let after = line[whole.end()..].trim_start();
        let bracketed = before.trim_end().ends_with('(') && after.starts_with(')');
        let ends_line = after.trim_start_matches(['.', ')']).trim().is_empty();
        if !bracketed {
            if !ends_line {
                continue;
            }
            let spaced = before.ends_with("  ");
            let before = before.trim_end();
            let separated = before.is_empty()
                || spaced
                || before.ends_with([':', ';', ',', '|', '·', '-', '–', '—', '•']);
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if !separated && not_a_role_length().contains(word.as_str()) {
                continue;
            }
        }
        let years = match (group(&caps, "y"), group(&caps, "mo")) {
            (Some(y), _) => {
                number(y).map(|y| y + group(&caps, "m").and_then(number).unwrap_or(0.0) / 12.0)
            }
            (None, Some(m)) => number(m).map(|m| m / 12.0),
            _ => None,
        };
        if let Some(years) = years.filter(|y| *y > 0.0 && *y <= 50.0) {
            out.push(StatedDuration {
                years,
                text: line[whole.range()].trim().to_string(),
            });
        }
    }
    out
}

/// Total months covered by `ranges`, counting overlapping months once.
///
/// ```
/// use skillgap::text::{find_ranges, merged_months, YearMonth};
/// let as_of = YearMonth::new(2026, 1).unwrap();
/// let mut r = find_ranges("Jan 2019 - Dec 2020", as_of);
/// r.extend(find_ranges("Jun 2020 - Jun 2021", as_of));
/// assert_eq!(merged_months(&r), 30);
/// ```
pub fn merged_months(ranges: &[DateRange]) -> u32 {
    let mut spans: Vec<(i32, i32)> = ranges
        .iter()
        .map(|r| (r.start.index(), r.start.index() + r.months as i32))
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(i32, i32)> = None;
    for (s, e) in spans {
        match current {
            Some((cs, ce)) if s <= ce => current = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                current = Some((s, e));
            }
            None => current = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = current {
        total += ce - cs;
    }
    total as u32
}

/// Builds the date reader's regexes and word lists now instead of on the first line that needs
/// them.
///
/// A process builds them once, the first time it reads a date (about 13 M instructions, an
/// eighth of a cold `skillgap score`). A command that scores a single resume can have them
/// built on another core while it builds its [`Scorer`](crate::Scorer), which is what
/// `skillgap score` does. Calling it again, or after a score, does nothing; scoring never needs
/// it.
///
/// ```
/// skillgap::text::prepare_dates();
/// let as_of = skillgap::YearMonth::new(2026, 1).unwrap();
/// assert_eq!(skillgap::text::find_ranges("Mar 2020 – Present", as_of)[0].months, 71);
/// ```
pub fn prepare_dates() {
    range_regex();
    statement_regex();
    degree_regex();
    institution_regex();
    duration_regex();
    number_words();
    not_a_role_length();
    month_number("jan");
}

#[cfg(test)]
mod tests {
    use crate::testutil::xorshift;

    use super::*;

    #[test]
    fn days_since_1970_give_the_civil_month() {
        // 2000-02-29 is a leap day in a century leap year; 2026-12-31 and
        // 2027-01-01 straddle a new year.
        for (days, year, month) in [
            (0, 1970, 1),
            (11_016, 2000, 2),
            (20_793, 2026, 12),
            (20_818, 2026, 12),
            (20_819, 2027, 1),
        ] {
            assert_eq!(
                YearMonth::from_unix_days(days),
                YearMonth { year, month },
                "{days}"
            );
        }
    }

    #[test]
    fn prefiltered_search_finds_what_captures_iter_finds() {
        let lines = [
            "• Backend Engineer – Acme (Jan 2019 – Present) and 2015-2016, 2017 – 2019",
            "Sept. 2020 - Mar 2021 · café 1999–2001 · Sep '18 - May '20",
            "5+ years of experience; 2 years 6 months of backend experience — experience: 3 yrs",
            "é2019-2020 x2019 - 2020 ２０１９-２０２０ 03/2020 - 06/2022",
            "no dates here, experience with Java",
            "",
        ];
        for re in [range_regex().unicode(), statement_regex().unicode()] {
            assert!(re.wide.is_some());
            for line in lines {
                let spans = |it: &mut dyn Iterator<Item = regex::Captures<'_>>| {
                    it.map(|c| {
                        (0..c.len())
                            .map(|g| c.get(g).map(|m| m.range()))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
                };
                assert_eq!(
                    spans(&mut re.captures_iter(line)),
                    spans(&mut re.re.captures_iter(line)),
                    "{line}"
                );
            }
        }
    }

    /// The spans of every group of every match, as `regex` finds them with the pattern itself.
    fn unicode_spans(re: &Regex, line: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        re.captures_iter(line)
            .map(|c| (0..c.len()).map(|g| c.get(g).map(|m| m.range())).collect())
            .collect()
    }

    fn twin_spans(twin: &Twin, line: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        twin.captures(line).into_iter().map(|f| f.spans).collect()
    }

    #[test]
    fn the_ascii_twins_read_lines_as_the_patterns_do() {
        let lines = [
            "• Backend Engineer – Acme (Jan 2019 – Present) and 2015-2016, 2017 – 2019",
            "Sept. 2020 - Mar 2021 · 1999–2001 · Sep '18 - May '20 ~ 2019.03 - 2021.10",
            "JAN 2019 TO PRESENT, june 2018 thru july 2019, 2014 — 2016, 2010 until now",
            "5+ years of experience; 2 years 6 months of backend experience — experience: 3 yrs",
            "Total Experience: 2 Years 7 Months · Experience:- 1 Year 3 Months · six months exp",
            "Java - Experience - 36 months, over 5 years of C#/.NET/node.js experience",
            "x2019 - 2020 03/2020 - 06/2022 2019/3 – 2020/11 12-2018 to 01-2020",
            "Acme ’19 — “2019 – till date”, 2020 to date, 2021 – ongoing, Feb, 2020 - Mar, 2021",
            "no dates here, experience with Java",
            "",
        ];
        // Lines made of pieces where the patterns branch: every line the twin reads itself.
        let pieces = [
            "Jan",
            "january",
            "Sept.",
            "MAY",
            "2019",
            "2020",
            "'18",
            "03",
            "1",
            "/",
            ".",
            "-",
            "–",
            "—",
            "~",
            " ",
            "  ",
            "to",
            "till",
            "thru",
            "present",
            "date",
            "now",
            ",",
            "(",
            ")",
            "x",
            "_",
            "•",
            "’",
            "5",
            "six",
            "+",
            "years",
            "yrs",
            "months",
            "mos",
            "of",
            "experience",
            "exp",
            ":",
            "=",
            "and",
            "over",
            "Java",
            "C#",
            "s",
            "\t",
        ];
        let mut next = xorshift(0x2545_f491_u64);
        let mut generated = Vec::new();
        for _ in 0..3000 {
            let len = 1 + next(12);
            generated.push(
                (0..len)
                    .map(|_| pieces[next(pieces.len())])
                    .collect::<String>(),
            );
        }
        for twin in [range_regex(), statement_regex()] {
            let re = Regex::new(&twin.pattern).unwrap();
            for line in lines
                .iter()
                .copied()
                .chain(generated.iter().map(String::as_str))
            {
                assert!(!needs_unicode(line), "{line}");
                assert_eq!(twin_spans(twin, line), unicode_spans(&re, line), "{line}");
            }
        }
        // The same with letters, digits and spaces from outside ASCII among the pieces.
        let others = [
            "é", "Ü", "ß", "µ", "ſ", "\u{212a}", "٢", "٠١", "\u{a0}", "\u{2009}", "\u{3000}",
            "\u{301}", "‿", "Ⅻ", "語",
        ];
        for twin in [range_regex(), statement_regex()] {
            let re = Regex::new(&twin.pattern).unwrap();
            for _ in 0..3000 {
                let len = 1 + next(12);
                let line: String = (0..len)
                    .map(|_| {
                        if next(4) == 0 {
                            others[next(others.len())]
                        } else {
                            pieces[next(pieces.len())]
                        }
                    })
                    .collect();
                assert_eq!(twin_spans(twin, &line), unicode_spans(&re, &line), "{line}");
            }
        }
    }

    #[test]
    fn lines_with_letters_outside_ascii_read_as_with_the_patterns_themselves() {
        let lines = [
            "é2019-2020 x2019 - 2020 ٢٠١٩-٢٠٢٠ 03/2020 - 06/2022",
            "José — Engineer (Jan 2019 – Present), Bogotá 2015 – 2017",
            "Jan\u{a0}2019 – Dec\u{2009}2020 · Juni 2018 – März 2019 · 2020\u{3000}to\u{a0}date",
            "\u{17f}ept 2019 - Pre\u{17f}ent, 2010 \u{212a}o 2012",
            "5 years of café experience, 3 years of Zürich-based experience",
            "experience\u{a0}of 4 years; ５ years of experience; µ2 years of exp",
        ];
        for twin in [range_regex(), statement_regex()] {
            let re = Regex::new(&twin.pattern).unwrap();
            for line in lines {
                assert!(needs_unicode(line), "{line}");
                assert_eq!(twin_spans(twin, line), unicode_spans(&re, line), "{line}");
            }
        }
        // Only other scripts' digits and letters that fold to ASCII ones need the patterns.
        assert!(ascii_stand_in("José – Jan\u{a0}2019").is_some());
        assert!(ascii_stand_in("٢٠١٩").is_none());
        assert!(ascii_stand_in("\u{17f}ept").is_none());
        // What the twin alone would have read differently.
        assert_eq!(months("é2019-2020 and ٢٠١٩-٢٠٢٠"), Vec::<u32>::new());
        assert_eq!(months("Jan\u{a0}2019 – Dec\u{2009}2020"), [24]);
        // The long s matches an `s` of the pattern, but no month's name starts "ſep": the start
        // is read as a month of its own, mid-year (July 2019).
        assert_eq!(months("\u{17f}ept 2019 - Pre\u{17f}ent"), [89]);
        assert_eq!(find_statements("5 years of café experience")[0].years, 5.0);
    }

    #[test]
    fn every_character_the_unicode_classes_read_otherwise_needs_unicode() {
        // `\s`, `\w` (which `\b` looks at; `\d` is part of it) and whatever folds to an ASCII
        // letter: outside ASCII, each of them sends a line to the pattern itself.
        let hir = regex_syntax::Parser::new().parse(r"(?i)[\s\w]").unwrap();
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) =
            hir.kind()
        else {
            panic!("a class");
        };
        let mut checked = 0;
        for r in class.iter() {
            for c in r.start().max('\u{80}')..=r.end() {
                assert!(needs_unicode(&c.to_string()), "{c:?}");
                checked += 1;
            }
        }
        assert!(checked > 100_000);
        // The stand-in lines rewrite characters by `char::is_whitespace` and
        // `regex_syntax::try_is_word_character`: they must be `\s` and `\w` exactly, and the
        // only characters outside ASCII that fold to a letter of the patterns are `ſ` and `K`.
        let class = |p: &str| {
            let hir = regex_syntax::Parser::new().parse(p).unwrap();
            let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) =
                hir.into_kind()
            else {
                panic!("a class");
            };
            class
        };
        let (space, word, letters) = (class(r"\s"), class(r"\w"), class(r"(?i)[a-z]"));
        let holds = |c: &regex_syntax::hir::ClassUnicode, ch: char| {
            let r = c.ranges();
            let i = r.partition_point(|r| r.end() < ch);
            i < r.len() && r[i].start() <= ch
        };
        for ch in GENERAL_PUNCTUATION {
            assert!(!holds(&space, ch) && !holds(&word, ch), "{ch:?}");
        }
        for ch in '\u{80}'..=char::MAX {
            assert_eq!(holds(&space, ch), ch.is_whitespace(), "{ch:?}");
            assert_eq!(
                holds(&word, ch),
                regex_syntax::try_is_word_character(ch).unwrap(),
                "{ch:?}"
            );
            assert_eq!(
                holds(&letters, ch),
                matches!(ch, '\u{17f}' | '\u{212a}'),
                "{ch:?}"
            );
        }
        for c in ['•', '–', '—', '’', '“', '·', '€', '©'] {
            assert!(!needs_unicode(&c.to_string()), "{c:?}");
        }
    }

    /// [`marks`] as first written: a pass over the line for each word.
    fn plain_marks(line: &str) -> u8 {
        let b = line.as_bytes();
        let has = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        let year = (0..b.len()).any(|i| {
            b[i..].len() >= 4 && b[i..i + 4].iter().all(u8::is_ascii_digit)
                || b[i] == b'\''
                    && b[i + 1..].len() >= 2
                    && b[i + 1..i + 3].iter().all(u8::is_ascii_digit)
        });
        let unit = has(b"yr") || has(b"year") || has(b"mont") || has(b"mos");
        let mark = |on: bool, m: u8| if on { m } else { 0 };
        mark(year, YEAR) | mark(unit, UNIT) | mark(has(b"exp"), EXP)
    }

    #[test]
    fn one_pass_marks_what_a_search_for_each_word_finds() {
        let pieces = [
            "2019", "201", "19", "'", "’", "-", " ", "y", "Y", "r", "R", "ea", "EA", "m", "M", "o",
            "O", "s", "n", "t", "NT", "e", "E", "x", "X", "p", "P", "é", "\u{17f}", "@", "[",
            "\u{7f}",
        ];
        let mut next = xorshift(0x9e37_79b9_u64);
        for _ in 0..20_000 {
            let len = next(10);
            let line: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(marks(&line), plain_marks(&line), "{line:?}");
        }
        for line in [
            "Jan 2019 – Present",
            "Sep '18",
            "5 YRS",
            "3 Years",
            "11 MONTH",
            "2 mos",
            "Experience",
            "no marks here",
        ] {
            assert_eq!(marks(line), plain_marks(line), "{line}");
        }
    }

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn months(line: &str) -> Vec<u32> {
        find_ranges(line, ym(2026, 11))
            .iter()
            .map(|r| r.months)
            .collect()
    }

    #[test]
    fn month_name_ranges_include_both_months() {
        assert_eq!(months("Jan 2019 – Dec 2019"), [12]);
        assert_eq!(months("January 2017 to January 2018"), [13]);
        assert_eq!(months("Sept. 2020 - Mar 2021"), [7]);
        assert_eq!(months("Sep '18 - May '20"), [21]);
    }

    #[test]
    fn numeric_month_ranges() {
        assert_eq!(months("03/2020 - 06/2022"), [28]);
        assert_eq!(months("2019.03 - 2021.10"), [32]);
    }

    #[test]
    fn present_uses_as_of() {
        assert_eq!(months("Jan 2026 - Present"), [11]);
        assert_eq!(months("2024 – till date"), [29]);
        assert_eq!(months("Nov 2025 to current"), [13]);
    }

    #[test]
    fn year_only_ranges_count_from_mid_year() {
        assert_eq!(months("2018-2021"), [36]);
        assert_eq!(months("2015 – 2016, 2017 – 2019"), [12, 24]);
    }

    #[test]
    fn implausible_ranges_are_ignored() {
        assert!(months("2021 - 2018").is_empty());
        assert!(months("1950 - 1960").is_empty());
        assert!(months("2025 - 2030").is_empty());
        assert!(months("Jan 2027 - Present").is_empty());
        assert_eq!(months("Jan 2026 - Dec 2027"), [11]);
        assert!(months("Call 555-1234 or 1234-5678").is_empty());
    }

    #[test]
    fn study_dates_are_not_experience() {
        assert!(months("August 2013 to July 2016 BE Computer Engineering Nashik").is_empty());
        assert!(months("2015 - 2019  B.Tech, Example Institute of Technology").is_empty());
        assert!(months("July 2009 to June 2013 Diploma Computer technology").is_empty());
        assert_eq!(months("Backend Engineer, Acme Corp, 2019 - 2021"), [24]);
        assert_eq!(months("2019 - 2021: hired to be the API owner"), [24]);
        assert!(months("Master of Science, University of Somewhere, 2015 - 2017").is_empty());
        assert_eq!(
            months("Lecturer — University of Somewhere (2015 - 2017)"),
            [24]
        );
        assert_eq!(months("Scrum Master — Acme (2015 - 2017)"), [24]);
    }

    #[test]
    fn overlapping_ranges_are_merged() {
        let as_of = ym(2026, 11);
        let mut r = find_ranges("Jan 2019 - Dec 2020", as_of);
        r.extend(find_ranges("Jan 2020 - Dec 2021", as_of));
        r.extend(find_ranges("Jan 2024 - Dec 2024", as_of));
        assert_eq!(merged_months(&r), 36 + 12);
    }

    #[test]
    fn statements() {
        let years = |s: &str| {
            find_statements(s)
                .iter()
                .map(|x| x.years)
                .collect::<Vec<_>>()
        };
        assert_eq!(years("6+ years of experience"), [6.0]);
        assert_eq!(
            years("Over 5 years of professional backend experience"),
            [5.0]
        );
        assert_eq!(years("5.5 yrs experience"), [5.5]);
        assert_eq!(years("2 years 6 months of experience"), [2.5]);
        assert_eq!(years("Total Experience of 4 years"), [4.0]);
        assert_eq!(years("six month experience in Data Science"), [0.5]);
        assert_eq!(years("Total Experience: 2 Years 7 Months"), [2.58]);
        assert_eq!(years("MS SQL SERVER- Experience - 48 months"), [4.0]);
        assert!(years("SQL- Experience - Less than 1 year months").is_empty());
        assert!(years("3 years warranty").is_empty());
        assert!(years("experienced engineer").is_empty());
    }

    #[test]
    fn role_lengths_in_brackets_or_ending_a_line() {
        let years = |s: &str| {
            find_durations(s)
                .iter()
                .map(|d| (d.years * 100.0).round() / 100.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(years("Consultant: 3 months."), [0.25]);
        assert_eq!(years("Data Warehouse Developer; 19 months."), [1.58]);
        assert_eq!(years("Acme Corp (2 yrs 3 mos)"), [2.25]);
        assert_eq!(years("Civil Engineer (1.4 Years)"), [1.4]);
        assert_eq!(years("Sales Executive, Example Motors 11 MONTH"), [0.92]);
        assert_eq!(
            years("Worked as an area manager at a dealership for 10 years"),
            [10.0]
        );
        assert_eq!(
            years("Asst. Professor   20/07/2015   31/05/2016   10 Months"),
            [0.83]
        );
        assert!(years("Reduced incidents by 75% within six months.").is_empty());
        assert!(years("Shipped the rewrite in 3 months").is_empty());
        assert!(years("Led the migration over 2 years, on time").is_empty());
        assert!(years("2 years 6 months of experience in Java").is_empty());
        assert!(years("6 monthly reports").is_empty());
    }

    #[test]
    fn experience_with_a_colon_and_dash_is_a_statement() {
        assert_eq!(
            find_statements("Experience:- 1 Year 3 Months")[0].years,
            1.25
        );
    }

    #[test]
    fn study_words_keep_unicode_word_boundaries_on_any_line() {
        // ASCII lines and lines with a dash or bullet read alike.
        assert!(reads_as_study(
            "B.Tech, Anna University   2014 - 2018",
            false
        ));
        assert!(reads_as_study(
            "B.Tech, Anna University • 2014 – 2018",
            false
        ));
        assert!(reads_as_study("Lecturer — University of Leeds", false));
        assert!(!reads_as_study("Lecturer — University of Leeds", true));
        // A letter outside ASCII is a word character: no boundary next to it.
        assert!(!reads_as_study("Ébachelor • 2014 – 2018", false));
        assert!(!reads_as_study("Graduateé – 2019", false));
        // Case folding reaches outside ASCII (the long s is an `s`).
        assert!(reads_as_study("\u{17f}sc – 2010", false));
    }

    #[test]
    fn parse_as_of() {
        assert_eq!(YearMonth::parse("2026-11"), Some(ym(2026, 11)));
        assert_eq!(YearMonth::parse("2026-11-23"), Some(ym(2026, 11)));
        assert_eq!(YearMonth::parse("November"), None);
        assert_eq!(YearMonth::parse("2026-00-01"), None);
    }
}
