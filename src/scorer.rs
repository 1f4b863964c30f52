//! The [`Scorer`]: a taxonomy compiled for matching, turning text into a [`Report`].

use crate::error::Error;
use crate::hash::FastSet;
use crate::matcher::{MatchOptions, Matcher, Mention};
use crate::report::{
    CompetencyFinding, DocumentInfo, DurationEvidence, Evidence, ExcludedMention, Experience,
    RangeEvidence, Report, ReportSettings, SkillFinding, StatementEvidence, Status, Strength,
    TaxonomyInfo, EVIDENCE_CAP, EXCLUDED_CAP, EXPERIENCE_CAP, SCHEMA_VERSION,
};
use crate::report::{EvidenceKind, Exclusion};
use crate::taxonomy::Taxonomy;
use crate::text::{
    document_marks, statements_marked, work_history_marked, Document, Section, YearMonth,
};
use crate::{gaps, score};

/// Scores resumes against one taxonomy. Build once (this compiles the
/// automata), then call [`Scorer::score`] for each document; it is `Send + Sync`
/// so one scorer can serve many threads.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let report = scorer.score("SKILLS\nJava, PostgreSQL\n\nEXPERIENCE\n- Built REST APIs with Spring Boot (2021 - 2024)\n");
/// assert_eq!(report.skill("spring-boot").unwrap().status, skillgap::Status::Evidenced);
/// assert_eq!(report.skill("java").unwrap().status, skillgap::Status::Claimed);
/// ```
#[derive(Debug, Clone)]
pub struct Scorer {
    taxonomy: Taxonomy,
    matcher: Matcher,
    role_tables: crate::career::RoleTables,
    /// The levels' requirements with their ids looked up.
    level_tables: score::LevelTables,
    /// The taxonomy's job-description phrases, compiled on the first job read.
    jd_groups: std::sync::OnceLock<crate::taxonomy::groups::Groups>,
    as_of: Option<YearMonth>,
    target: Option<String>,
    level_threshold: f64,
}

/// Options for a [`Scorer`].
///
/// ```
/// use skillgap::{Scorer, Taxonomy, text::YearMonth};
/// let scorer = Scorer::builder(Taxonomy::builtin())
///     .as_of(YearMonth::new(2026, 11).unwrap())
///     .fuzzy_threshold(0.85)
///     .target_level("senior")
///     .build()
///     .unwrap();
/// assert_eq!(scorer.score("Go").target_level.as_deref(), Some("senior"));
/// assert!(Scorer::builder(Taxonomy::builtin()).target_level("seinor").build().is_err());
/// ```
#[derive(Debug, Clone)]
pub struct ScorerBuilder {
    taxonomy: Taxonomy,
    fuzzy: bool,
    fuzzy_threshold: Option<f64>,
    fuzzy_min_len: Option<usize>,
    as_of: Option<YearMonth>,
    target: Option<String>,
    level_threshold: Option<f64>,
}

impl ScorerBuilder {
    /// Turns the fuzzy stage on (default) or off.
    pub fn fuzzy(mut self, on: bool) -> Self {
        self.fuzzy = on;
        self
    }

    /// Overrides the taxonomy's fuzzy similarity threshold (0 < t ≤ 1).
    pub fn fuzzy_threshold(mut self, t: f64) -> Self {
        self.fuzzy_threshold = Some(t);
        self
    }

    /// Overrides the taxonomy's minimum token length for fuzzy matching.
    pub fn fuzzy_min_len(mut self, n: usize) -> Self {
        self.fuzzy_min_len = Some(n);
        self
    }

    /// The month that `Present` means. Without it, `Present` is this month
    /// ([`YearMonth::now`], read when each document is scored), as in the CLI;
    /// the report's `settings.as_of` says which month was used.
    pub fn as_of(mut self, month: YearMonth) -> Self {
        self.as_of = Some(month);
        self
    }

    /// The level the gaps lead to (default: the one above the estimated level).
    pub fn target_level(mut self, level: &str) -> Self {
        self.target = Some(level.to_string());
        self
    }

    /// Overrides the readiness a level needs to count as reached (0–100).
    pub fn level_threshold(mut self, t: f64) -> Self {
        self.level_threshold = Some(t);
        self
    }

    /// Validates the options and compiles the scorer.
    pub fn build(self) -> Result<Scorer, Error> {
        let settings = self.taxonomy.settings();
        let threshold = self.fuzzy_threshold.unwrap_or(settings.fuzzy_threshold);
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(Error::InvalidSetting(format!(
                "fuzzy threshold {threshold} is not in (0, 1]"
            )));
        }
        let min_len = self.fuzzy_min_len.unwrap_or(settings.fuzzy_min_len);
        if min_len < 2 {
            return Err(Error::InvalidSetting(format!(
                "fuzzy minimum length {min_len} is below 2"
            )));
        }
        let level_threshold = self.level_threshold.unwrap_or(settings.level_threshold);
        if !(0.0..=100.0).contains(&level_threshold) {
            return Err(Error::InvalidSetting(format!(
                "level threshold {level_threshold} is not in [0, 100]"
            )));
        }
        if let Some(t) = &self.target {
            self.taxonomy.level(t)?;
        }
        let options = MatchOptions {
            fuzzy: self.fuzzy,
            fuzzy_threshold: threshold,
            fuzzy_min_len: min_len,
        };
        Ok(Scorer {
            matcher: Matcher::new(&self.taxonomy, &options),
            role_tables: crate::career::RoleTables::new(&self.taxonomy),
            level_tables: score::LevelTables::new(&self.taxonomy),
            jd_groups: std::sync::OnceLock::new(),
            taxonomy: self.taxonomy,
            as_of: self.as_of,
            target: self.target,
            level_threshold,
        })
    }
}

impl Scorer {
    /// The taxonomy's job-description phrases and competency names, compiled once.
    pub(crate) fn jd_groups(&self) -> &crate::taxonomy::groups::Groups {
        self.jd_groups
            .get_or_init(|| crate::taxonomy::groups::Groups::new(&self.taxonomy))
    }

    /// A scorer with default options.
    pub fn new(taxonomy: Taxonomy) -> Scorer {
        Scorer::builder(taxonomy)
            .build()
            .expect("a valid taxonomy's own settings are valid")
    }

    /// A builder for options.
    pub fn builder(taxonomy: Taxonomy) -> ScorerBuilder {
        ScorerBuilder {
            taxonomy,
            fuzzy: true,
            fuzzy_threshold: None,
            fuzzy_min_len: None,
            as_of: None,
            target: None,
            level_threshold: None,
        }
    }

    /// The taxonomy in use.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The compiled matcher, for callers that want raw mentions.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Scores one resume's text. `Present` is the builder's
    /// [`as_of`](ScorerBuilder::as_of) month, or this month.
    pub fn score(&self, text: &str) -> Report {
        self.score_at(text, self.as_of.unwrap_or_else(YearMonth::now))
    }

    /// Scores one resume's text, reading `Present` as `as_of` whatever the
    /// builder said (for resumes written at different times, as in `eval`).
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy, text::YearMonth};
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// let text = "EXPERIENCE\nBackend Developer, Acme (Jan 2020 - Present)\n";
    /// let report = scorer.score_at(text, YearMonth::new(2021, 12).unwrap());
    /// assert_eq!(report.experience.years, 2.0);
    /// assert_eq!(report.settings.as_of, YearMonth::new(2021, 12));
    /// ```
    pub fn score_at(&self, text: &str, as_of: YearMonth) -> Report {
        let doc = Document::parse(text);
        let mentions = self.matcher.find(&doc);
        self.report(text, &doc, &mentions, as_of)
    }

    /// Builds the report from a parsed document and its mentions.
    pub(crate) fn report(
        &self,
        input: &str,
        doc: &Document,
        mentions: &[Mention],
        as_of: YearMonth,
    ) -> Report {
        let t = &self.taxonomy;
        let has_headings = doc.segments.iter().any(|s| s.heading);
        let n = t.skills().len();

        // Per-skill evidence and strength. Every step below is O(1) per
        // mention (amortised); the excerpts are made only for the evidence
        // that is listed (see `EVIDENCE_CAP`).
        let mut evidence: Vec<Vec<Candidate>> = vec![Vec::new(); n];
        // (skill, line) of every evidenced mention, counted per skill below.
        let mut evidenced: Vec<(usize, usize)> = Vec::with_capacity(mentions.len());
        let mut best: Vec<Option<Strength>> = vec![None; n];
        let mut excluded = Vec::new();
        let mut excluded_seen: FastSet<(usize, usize, Exclusion)> = FastSet::default();
        let mut excluded_per_skill = vec![0usize; n];
        let mut more_excluded = 0;
        // Whether a segment counts as evidence, decided once per segment.
        let mut evidence_segment: Vec<Option<bool>> = vec![None; doc.segments.len()];
        // (line, skill, in a section where jobs are read) of every counted
        // mention, for the years in the role.
        let mut touched: Vec<(usize, usize, bool)> = Vec::with_capacity(mentions.len() * 2);
        let mut record = |skill: usize, mention: usize, implied_by: Option<usize>, strength| {
            let seg = &doc.segments[mentions[mention].segment];
            let line = seg.line;
            touched.push((
                line,
                skill,
                matches!(seg.section, Section::Experience | Section::Header),
            ));
            if strength == Strength::Evidenced {
                evidenced.push((skill, line));
            }
            let candidate = Candidate {
                line,
                strength,
                mention,
                implied_by,
            };
            // One item per line. Mentions come in text order, so a line's item, if
            // any, is the skill's last; the search is for mentions in another order.
            let items = &mut evidence[skill];
            let kept = match items.last() {
                Some(last) if last.line == line => items.len() - 1,
                Some(last) if last.line > line => items
                    .iter()
                    .position(|c| c.line == line)
                    .unwrap_or(items.len()),
                _ => items.len(),
            };
            match items.get_mut(kept) {
                // The first of the strongest mentions on a line stands for it.
                Some(kept) => {
                    if kept.strength.status() < strength.status() {
                        *kept = candidate;
                    }
                }
                None => items.push(candidate),
            }
            best[skill] = best[skill].max(Some(strength));
        };
        for (mi, m) in mentions.iter().enumerate() {
            let seg = &doc.segments[m.segment];
            if let Some(reason) = m.excluded {
                // Two spellings of one skill on a line ("HTML, CSS") are one exclusion.
                if !excluded_seen.insert((m.skill, seg.line, reason)) {
                    continue;
                }
                if excluded_per_skill[m.skill] >= EXCLUDED_CAP {
                    more_excluded += 1;
                    continue;
                }
                excluded_per_skill[m.skill] += 1;
                excluded.push(ExcludedMention {
                    skill: t.skills()[m.skill].id.clone(),
                    line: seg.line,
                    section: seg.section,
                    text: excerpt(doc.segment_text(seg), m.span.start - seg.range.start),
                    matched: doc.text[m.span.clone()].to_string(),
                    reason,
                });
                continue;
            }
            let strength = if m.hedged || m.unconfirmed {
                Strength::Weak
            } else if *evidence_segment[m.segment].get_or_insert_with(|| {
                counts_as_evidence(seg.section, doc.segment_text(seg), has_headings)
            }) {
                Strength::Evidenced
            } else {
                Strength::Claimed
            };
            record(m.skill, mi, None, strength);
            let skill = &t.skills()[m.skill];
            for implied in &skill.implies {
                if let Some(i) = t.skill_index(implied) {
                    record(i, mi, Some(m.skill), strength);
                }
            }
        }
        // Distinct evidenced lines per skill.
        evidenced.sort_unstable();
        evidenced.dedup();
        let mut evidenced_lines = vec![0usize; n];
        for &(skill, _) in &evidenced {
            evidenced_lines[skill] += 1;
        }
        let strengths: Vec<Option<Strength>> = best
            .iter()
            .zip(&evidenced_lines)
            .map(|(b, &lines)| match b {
                Some(Strength::Evidenced) if lines >= 2 => Some(Strength::Depth),
                other => *other,
            })
            .collect();

        // Years.
        let mut experience = self.experience(doc, as_of);
        let job_lines: Vec<usize> = doc
            .segments
            .iter()
            .filter(|s| matches!(s.section, Section::Experience | Section::Header))
            .filter(|s| !doc.segment_text(s).trim().is_empty())
            .map(|s| s.line)
            .collect();
        experience.role_years = score::round1(crate::career::role_years(
            t,
            &self.role_tables,
            &mut experience.ranges,
            &mut touched,
            &job_lines,
            experience.years,
            experience.from_ranges,
        ));
        // The input's own lines: a title is read with its bullet, if any.
        let title = crate::career::latest_title(t, &experience.ranges, |line| {
            input
                .lines()
                .nth(line.saturating_sub(1))
                .unwrap_or("")
                .to_string()
        });
        let more_ranges = experience.ranges.len().saturating_sub(EXPERIENCE_CAP);
        experience.ranges.truncate(EXPERIENCE_CAP);
        let more_statements = experience.statements.len().saturating_sub(EXPERIENCE_CAP);
        experience.statements.truncate(EXPERIENCE_CAP);

        // Levels and gaps.
        let (levels, estimated) = score::all_levels(
            t,
            &self.level_tables,
            &strengths,
            experience.role_years,
            self.level_threshold,
            title.as_ref(),
        );
        let target_index = match &self.target {
            Some(id) => t.levels().iter().position(|l| &l.id == id),
            None => match estimated {
                None => Some(0),
                Some(i) if i + 1 < t.levels().len() => Some(i + 1),
                Some(_) => None,
            },
        };
        let gaps = target_index
            .map(|i| {
                let relevance = score::relevance(t, &strengths);
                gaps::gaps(
                    t,
                    &t.levels()[i],
                    self.level_tables.level(i),
                    &strengths,
                    experience.role_years,
                    relevance,
                )
            })
            .unwrap_or_default();

        // Findings.
        let mut skills: Vec<SkillFinding> = (0..n)
            .filter_map(|i| {
                let strength = strengths[i]?;
                let s = &t.skills()[i];
                let mut listed = std::mem::take(&mut evidence[i]);
                let more_evidence = listed.len().saturating_sub(EVIDENCE_CAP);
                if more_evidence > 0 {
                    // The strongest, then the earliest, lines are listed.
                    listed.sort_by_key(|c| (std::cmp::Reverse(c.strength.status()), c.line));
                    listed.truncate(EVIDENCE_CAP);
                }
                listed.sort_by_key(|c| c.line);
                Some(SkillFinding {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    kind: s.kind.clone(),
                    status: strength.status(),
                    evidenced_lines: evidenced_lines[i],
                    evidence: listed
                        .iter()
                        .map(|c| self.evidence(doc, mentions, c))
                        .collect(),
                    more_evidence,
                })
            })
            .collect();
        skills.sort_by(|a, b| {
            b.status
                .cmp(&a.status)
                .then(b.evidenced_lines.cmp(&a.evidenced_lines))
                .then_with(|| a.id.cmp(&b.id))
        });
        // Named but never shown in use; skills known only through another
        // (implied) are left out, the implying skill is listed instead.
        let claimed_only = skills
            .iter()
            .filter(|s| s.status == Status::Claimed && s.kind != "certification")
            .filter(|s| s.evidence.iter().any(|e| e.kind != EvidenceKind::Implied))
            .map(|s| s.id.clone())
            .collect();
        let competencies = t
            .competencies()
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                let skills = t.competency_skill_indices(ci);
                CompetencyFinding {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    status: skills
                        .iter()
                        .filter_map(|&i| strengths[i])
                        .max()
                        .map(Strength::status),
                    via: skills
                        .iter()
                        .filter(|&&i| strengths[i].is_some())
                        .map(|&i| t.skills()[i].id.clone())
                        .collect(),
                }
            })
            .collect();
        let mut sections = Vec::new();
        for s in &doc.segments {
            if s.heading && !sections.contains(&s.section) {
                sections.push(s.section);
            }
        }
        Report {
            schema_version: SCHEMA_VERSION,
            taxonomy: TaxonomyInfo {
                id: t.id().to_string(),
                name: t.name().to_string(),
                version: t.version().to_string(),
            },
            settings: ReportSettings {
                fuzzy_threshold: self.matcher.fuzzy_threshold(),
                fuzzy_min_len: self.matcher.fuzzy_min_len(),
                level_threshold: self.level_threshold,
                as_of: Some(as_of),
            },
            estimated_level: estimated.map(|i| t.levels()[i].id.clone()),
            target_level: target_index.map(|i| t.levels()[i].id.clone()),
            levels,
            experience,
            skills,
            competencies,
            claimed_only,
            excluded,
            gaps,
            document: DocumentInfo {
                lines: input.lines().count(),
                chars: input.chars().count(),
                sections,
            },
            more_excluded,
            more_ranges,
            more_statements,
            better_role: None,
        }
    }

    /// The listed evidence for one kept line.
    fn evidence(&self, doc: &Document, mentions: &[Mention], c: &Candidate) -> Evidence {
        let m = &mentions[c.mention];
        let seg = &doc.segments[m.segment];
        let (kind, via) = match c.implied_by {
            // Copied as a `str` (`to_string` would go through `Display`).
            None => (m.kind, String::from(&*m.spelling)),
            Some(by) => (EvidenceKind::Implied, self.taxonomy.skills()[by].id.clone()),
        };
        Evidence {
            line: seg.line,
            section: seg.section,
            text: excerpt(doc.segment_text(seg), m.span.start - seg.range.start),
            matched: doc.text[m.span.clone()].to_string(),
            kind,
            via,
            similarity: m.similarity,
            strength: c.strength.status(),
        }
    }

    /// Years of experience: the work history (dated roles in experience and undated
    /// sections, plus written-out role lengths no range covers; see
    /// [`crate::text::work_history`]) or the largest statement (anywhere but
    /// education), whichever is larger.
    fn experience(&self, doc: &Document, as_of: YearMonth) -> Experience {
        // One scan of the text says which lines can hold dates, lengths or statements.
        let marks = document_marks(doc);
        let work = work_history_marked(doc, &marks, as_of);
        let ranges = work
            .ranges
            .iter()
            .map(|r| RangeEvidence {
                line: r.line,
                text: r.range.text.clone(),
                start: r.range.start,
                end: r.range.end,
                months: r.range.months,
                role: false,
                half: r.half,
            })
            .collect();
        let durations = work
            .durations
            .iter()
            .map(|d| DurationEvidence {
                line: d.line,
                text: d.duration.text.clone(),
                years: score::round1(d.duration.years),
                half: d.half,
            })
            .collect();
        let mut statements = Vec::new();
        for (seg, &m) in doc.segments.iter().zip(&marks) {
            if seg.section != Section::Education {
                for s in statements_marked(doc.segment_text(seg), m) {
                    statements.push(StatementEvidence {
                        line: seg.line,
                        text: s.text,
                        years: s.years,
                    });
                }
            }
        }
        let from_ranges = score::round1(work.months_from_ranges / 12.0);
        let from_durations = score::round1(work.months_from_durations / 12.0);
        let stated = statements.iter().map(|s| s.years).reduce(f64::max);
        Experience {
            years: score::round1((from_ranges + from_durations).max(stated.unwrap_or(0.0))),
            from_ranges,
            stated,
            ranges,
            statements,
            role_years: 0.0,
            from_durations,
            durations,
        }
    }
}

/// One line's evidence of a skill, before it is listed (or only counted).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    line: usize,
    strength: Strength,
    /// Index of the mention in the document's mentions.
    mention: usize,
    /// For implied evidence, the implying skill.
    implied_by: Option<usize>,
}

/// Whether a mention in this segment shows hands-on use.
///
/// Experience and Projects count. In a resume without any headings, a line of
/// eight or more words (a sentence, not a list) counts too.
fn counts_as_evidence(section: Section, text: &str, has_headings: bool) -> bool {
    section.is_evidence()
        || (!has_headings && section == Section::Header && text.split_whitespace().count() >= 8)
}

/// The line's text, shortened to about 160 characters around byte `at`.
pub(crate) fn excerpt(line: &str, at: usize) -> String {
    const MAX: usize = 160;
    let line = line.trim();
    if line.len() <= MAX {
        return line.to_string();
    }
    let at = at.min(line.len());
    let mut start = at.saturating_sub(MAX / 3);
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + MAX).min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(line[start..end].trim());
    if end < line.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scorer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Scorer>();
        assert_send_sync::<Taxonomy>();
        assert_send_sync::<Report>();
    }

    #[test]
    fn excerpt_shortens_around_the_match() {
        let line = "x".repeat(300) + " Kafka " + &"y".repeat(300);
        let e = excerpt(&line, 301);
        assert!(e.contains("Kafka") && e.starts_with('…') && e.ends_with('…'));
        assert!(e.chars().count() <= 162);
    }
}
