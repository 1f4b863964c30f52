//! Text preparation: normalisation, sections and dates. No I/O.

mod dates;
mod normalize;
mod sections;
mod words;
mod work;

pub(crate) use dates::number;
pub(crate) use dates::{document_marks, statements_marked};
pub use dates::{
    find_durations, find_ranges, find_statements, merged_months, prepare_dates, DateRange,
    StatedDuration, YearMonth, YearsStatement,
};
pub use normalize::{normalize, Line};
pub use sections::{heading_section, split_sections, Section, Segment};
pub(crate) use work::work_history_marked;
pub use work::{work_history, WorkDuration, WorkHistory, WorkRange};
// For the JD reader, so that it can read number words as resumes do (src/jd/years.rs has its
// own, for now). Headings of both are folded by `crate::chars::fold`.
#[allow(unused_imports)]
pub(crate) use dates::number_words;

/// A resume or job description, normalised and cut into sections.
///
/// `text` holds every segment's text followed by `\n`, so matchers can scan one
/// buffer; [`Document::segment_at`] maps a byte offset back to its segment, and
/// each segment knows its original line number.
#[derive(Debug, Clone)]
pub struct Document {
    /// Normalised text: the segments, each followed by `\n`.
    pub text: String,
    /// The segments, in order.
    pub segments: Vec<DocSegment>,
}

/// A run of text in one section, on one original line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSegment {
    /// Byte range of the segment in [`Document::text`] (without its `\n`).
    pub range: std::ops::Range<usize>,
    /// 1-based line number in the original input.
    pub line: usize,
    /// The section it belongs to.
    pub section: Section,
    /// Whether the segment is a section heading.
    pub heading: bool,
}

impl Document {
    /// Normalises `input` and splits it into sections.
    ///
    /// ```
    /// use skillgap::text::{Document, Section};
    /// let doc = Document::parse("SKILLS\nRust, SQL\n");
    /// assert_eq!(doc.segments[1].section, Section::Skills);
    /// assert_eq!(doc.segment_text(&doc.segments[1]), "Rust, SQL");
    /// ```
    pub fn parse(input: &str) -> Document {
        let lines = normalize::normalize_lines(input);
        let pieces = sections::split_lines(&lines, |l| l.0.as_ref());
        let mut text = String::with_capacity(input.len() + pieces.len());
        let mut segments = Vec::with_capacity(pieces.len());
        for p in pieces {
            let (line, number) = &lines[p.line_index];
            let start = text.len();
            text.push_str(&line[p.range]);
            segments.push(DocSegment {
                range: start..text.len(),
                line: *number,
                section: p.section,
                heading: p.heading,
            });
            text.push('\n');
        }
        Document { text, segments }
    }

    /// The text of one segment.
    pub fn segment_text(&self, segment: &DocSegment) -> &str {
        &self.text[segment.range.clone()]
    }

    /// Index of the segment containing byte `offset` of [`Document::text`].
    pub fn segment_at(&self, offset: usize) -> usize {
        self.segments
            .partition_point(|s| s.range.end < offset)
            .min(self.segments.len().saturating_sub(1))
    }
}
