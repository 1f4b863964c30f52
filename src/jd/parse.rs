//! Reading a job description: items to requirements (see the parent module's
//! documentation for what is read and why).

use super::sections::{self, Item};
use super::{
    clauses, find_years, groups, level, terms, years, AskedLine, GroupRef, IgnoredMention,
    JobDescription, JobRequirement, JobSection, JobWarning, Priority, SectionHeading,
    UnrecognisedTerm, YearsAsked,
};
use crate::matcher::Exclusion;
use crate::report::TaxonomyInfo;
use crate::text::{DocSegment, Document, Section};
use crate::Scorer;

/// A mention or phrase within one item, with item-local byte offsets.
#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    what: What,
    priority: Priority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Skill(usize),
    Group(usize),
}

/// A requirement before deduplication.
#[derive(Debug, Clone)]
struct Raw {
    skills: Vec<usize>,
    group: Option<usize>,
    examples: Vec<usize>,
    implied_by: Option<usize>,
    priority: Priority,
    asked: AskedLine,
}

/// The priority of skills named in an item, before inline cues.
fn base_priority(item: &Item, has_requirements: bool) -> Option<Priority> {
    if item.heading {
        return None;
    }
    if item.title {
        return Some(Priority::Required);
    }
    match item.section {
        JobSection::Requirements | JobSection::Education => Some(Priority::Required),
        JobSection::Preferred => Some(Priority::Preferred),
        JobSection::Responsibilities | JobSection::Role | JobSection::Stack => {
            Some(if has_requirements {
                Priority::Mentioned
            } else {
                Priority::Required
            })
        }
        // Text before the first heading, after the title, is the company and
        // team blurb when the job has a requirements section.
        JobSection::Header => (!has_requirements).then_some(Priority::Required),
        JobSection::Meta | JobSection::Benefits | JobSection::Company | JobSection::Process => None,
    }
}

/// The resume section the matcher sees for an item: a short list item of a
/// requirements, preferred or stack section (or the title) reads like a Skills
/// list, so an ambiguous word alone there ("- Rust.") counts; anything else is
/// prose and needs context.
fn matcher_section(item: &Item) -> Section {
    let listy = matches!(
        item.section,
        JobSection::Requirements
            | JobSection::Preferred
            | JobSection::Stack
            | JobSection::Education
    ) && (item.inline_label || item.text.split_whitespace().count() <= 6);
    if item.title || listy {
        Section::Skills
    } else if item.section == JobSection::Header {
        Section::Header
    } else {
        Section::Other
    }
}

/// Requirement openers: an item that opens with one of these phrases (folded,
/// one a line) asks for what it names wherever it stands ("You have 3+ years
/// with Kafka" in an "About us" section).
const OPENERS: &str = include_str!("../../data/jd-requirement-openers.txt");

/// The phrases of [`OPENERS`].
pub(crate) fn openers() -> impl Iterator<Item = &'static str> {
    super::data::entries(OPENERS)
}

/// Whether an item opens with a requirement phrase ([`OPENERS`]).
fn opens_a_requirement(item: &Item) -> bool {
    let folded = sections::fold(&item.text);
    openers().any(|p| {
        folded
            .strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

/// A line naming this many technologies is never dropped as metadata.
pub(crate) const TECHNOLOGIES_NOT_METADATA: usize = 3;

/// Runs the matcher over the items (one document, every item in order).
fn find_mentions(scorer: &Scorer, items: &[Item]) -> (Document, Vec<crate::matcher::Mention>) {
    let t = scorer.taxonomy();
    let mut text = String::new();
    let mut segments = Vec::with_capacity(items.len());
    for item in items {
        let start = text.len();
        text.push_str(&item.text);
        segments.push(DocSegment {
            range: start..text.len(),
            line: item.line,
            section: matcher_section(item),
            heading: item.heading,
        });
        text.push('\n');
    }
    let doc = Document { text, segments };
    let mut mentions = scorer.matcher().find(&doc);
    mentions.extend(past_tense_signals(scorer, items, &doc, &mentions));
    for m in &mut mentions {
        if m.excluded.is_none() && opens_a_duty(t, &items[m.segment], &doc, m) {
            m.excluded = Some(Exclusion::ContextRejected);
        }
    }
    (doc, mentions)
}

/// The number of distinct technologies each item names (skills that count,
/// not responsibility signals or job titles).
fn technologies_per_item(
    t: &crate::Taxonomy,
    items: &[Item],
    mentions: &[crate::matcher::Mention],
) -> Vec<usize> {
    let mut per: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for m in mentions {
        let skill = &t.skills()[m.skill];
        if m.excluded.is_none()
            && skill.kind != "responsibility"
            && !is_a_job_title(skill, &items[m.segment])
            && !per[m.segment].contains(&m.skill)
        {
            per[m.segment].push(m.skill);
        }
    }
    per.into_iter().map(|v| v.len()).collect()
}

/// Items that ask for skills outside a requirements section:
///
/// - a metadata field about experience that names a technology
///   ("**Experience:** 1-2 years of NodeJS"), and any metadata line naming
///   three or more, are requirements;
/// - then (not counting as a requirements section) an item that opens with
///   a requirement phrase ("You have ...", "We're looking for ...") outside
///   the benefits and the hiring process is a requirement; and a line
///   between the title and the first heading naming three or more
///   technologies is the stack (mentioned), not the company blurb (a line
///   of an "About us" section stays the company's).
///
/// Returns whether the job has a requirements section.
fn reclassify(items: &mut [Item], technologies: &[usize]) -> bool {
    let mut heading_label: Option<String> = None;
    for (item, &n) in items.iter_mut().zip(technologies) {
        if item.heading {
            heading_label = Some(sections::fold(&item.text));
            continue;
        }
        if item.section != JobSection::Meta || item.title {
            continue;
        }
        let label = if item.inline_label {
            item.label.as_deref()
        } else {
            heading_label.as_deref()
        };
        let about_experience = label.is_some_and(|l| l.split(' ').any(|w| w == "experience"));
        if n >= TECHNOLOGIES_NOT_METADATA || (about_experience && n > 0) {
            item.section = JobSection::Requirements;
        }
    }
    let has_requirements = items
        .iter()
        .any(|i| !i.heading && matches!(i.section, JobSection::Requirements));
    for (item, &n) in items.iter_mut().zip(technologies) {
        if item.heading || item.title {
            continue;
        }
        let liftable = matches!(
            item.section,
            JobSection::Header
                | JobSection::Meta
                | JobSection::Company
                | JobSection::Role
                | JobSection::Responsibilities
                | JobSection::Stack
        );
        if liftable && n > 0 && opens_a_requirement(item) {
            item.section = JobSection::Requirements;
        } else if has_requirements
            && item.section == JobSection::Header
            && n >= TECHNOLOGIES_NOT_METADATA
        {
            item.section = JobSection::Stack;
        }
    }
    has_requirements
}

pub(crate) fn parse(scorer: &Scorer, input: &str) -> JobDescription {
    let t = scorer.taxonomy();
    let mut items = sections::split_items(input);
    let (mut doc, mut mentions) = find_mentions(scorer, &items);
    let before: Vec<Section> = items.iter().map(matcher_section).collect();
    let technologies = technologies_per_item(t, &items, &mentions);
    let has_requirements = reclassify(&mut items, &technologies);
    if items.iter().map(matcher_section).ne(before) {
        (doc, mentions) = find_mentions(scorer, &items);
    }
    let groups = scorer.jd_groups();
    let company = terms::company_words(&items);
    let mut by_segment: Vec<Vec<&crate::matcher::Mention>> = vec![Vec::new(); items.len()];
    for m in &mentions {
        by_segment[m.segment].push(m);
    }
    let context = Context {
        t,
        groups,
        items: &items,
        doc: &doc,
        by_segment: &by_segment,
        company: &company,
        has_requirements,
    };
    let mut read = read_items(&context, false);
    let mut warnings = Vec::new();
    if !read.raw.iter().any(|r| r.priority == Priority::Required) {
        let fallback = read_items(&context, true);
        let required = finish(t, groups, fallback.raw.clone())
            .iter()
            .filter(|r| r.priority == Priority::Required)
            .count();
        if required > 0 {
            warnings.push(JobWarning::no_requirements_recognised(required));
            read.raw = fallback.raw;
            read.ignored = fallback.ignored;
        }
    }
    let Reading {
        raw,
        ignored,
        term_hits,
        year_statements,
        level_fields,
    } = read;
    let requirements = finish(t, groups, raw);
    let years = years::decide(year_statements);
    let title = items.iter().find(|i| i.title).map(|i| i.text.clone());
    let level = level::decide(
        t,
        items
            .iter()
            .find(|i| i.title)
            .map(|i| (i.text.as_str(), i.line)),
        &level_fields,
        years.as_ref(),
    );
    let mut unrecognised: Vec<UnrecognisedTerm> = Vec::new();
    for (term, line, section) in term_hits {
        let key = term.to_lowercase();
        match unrecognised
            .iter_mut()
            .find(|u| u.term.to_lowercase() == key)
        {
            Some(u) => u.count += 1,
            None => unrecognised.push(UnrecognisedTerm {
                term,
                line,
                section,
                count: 1,
            }),
        }
    }
    JobDescription {
        taxonomy: TaxonomyInfo {
            id: t.id().to_string(),
            name: t.name().to_string(),
            version: t.version().to_string(),
        },
        title,
        level,
        years,
        requirements,
        unrecognised,
        ignored,
        sections: items
            .iter()
            .filter(|i| i.heading)
            .map(|i| SectionHeading {
                line: i.line,
                text: i.text.clone(),
                section: i.section,
            })
            .collect(),
        has_requirements_section: has_requirements,
        warnings,
    }
}

/// What [`read_items`] needs, computed once.
struct Context<'a> {
    t: &'a crate::Taxonomy,
    groups: &'a groups::Groups,
    items: &'a [Item],
    doc: &'a Document,
    by_segment: &'a [Vec<&'a crate::matcher::Mention>],
    company: &'a std::collections::HashSet<String>,
    has_requirements: bool,
}

/// What the items ask for, before deduplication.
struct Reading {
    raw: Vec<Raw>,
    ignored: Vec<IgnoredMention>,
    term_hits: Vec<(String, usize, JobSection)>,
    year_statements: Vec<YearsAsked>,
    level_fields: Vec<(String, usize)>,
}

/// Reads every item: its requirements, ignored mentions, unrecognised terms,
/// years and level fields. With `fallback` (the job asked for no skill
/// although it names some), everything named outside metadata, benefits and
/// the hiring process is required.
fn read_items(cx: &Context<'_>, fallback: bool) -> Reading {
    let t = cx.t;
    let items = cx.items;
    let mut out = Reading {
        raw: Vec::new(),
        ignored: Vec::new(),
        term_hits: Vec::new(),
        year_statements: Vec::new(),
        level_fields: Vec::new(),
    };
    let mut last_heading: Option<String> = None;
    for (idx, item) in items.iter().enumerate() {
        let seg = &cx.doc.segments[idx];
        let local =
            |r: &std::ops::Range<usize>| (r.start - seg.range.start, r.end - seg.range.start);
        if item.heading {
            last_heading = Some(sections::fold(&item.text));
            continue;
        }
        // Years and level fields.
        if !item.section.is_ignored() && item.section != JobSection::Preferred
            || item.section == JobSection::Meta
        {
            out.year_statements
                .extend(find_years(&item.text, item.line));
        }
        if item.section == JobSection::Meta {
            let label = if item.inline_label {
                item.label.clone()
            } else {
                last_heading.clone()
            };
            if label.as_deref().is_some_and(|l| {
                l.contains("level") || l.contains("seniority") || l == "experience"
            }) {
                out.level_fields.push((item.text.clone(), item.line));
            }
        }

        let usual = base_priority(item, cx.has_requirements);
        // Read only because nothing else asked: technologies, not the
        // company's responsibility words ("keep our on-call quiet").
        let lifted = fallback && usual.is_none();
        let base = if fallback {
            fallback_priority(item)
        } else {
            usual
        };
        let Some(base) = base else {
            for m in &cx.by_segment[idx] {
                let (a, b) = local(&m.span);
                out.ignored.push(IgnoredMention {
                    skill: t.skills()[m.skill].id.clone(),
                    line: item.line,
                    section: item.section,
                    matched: item.text[a..b].to_string(),
                    excluded: m.excluded,
                });
            }
            continue;
        };

        // Mentions and phrases of this item.
        let mut toks: Vec<Tok> = Vec::new();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for m in &cx.by_segment[idx] {
            let (a, b) = local(&m.span);
            covered.push((a, b));
            if m.excluded.is_some() || lifted && t.skills()[m.skill].kind == "responsibility" {
                out.ignored.push(IgnoredMention {
                    skill: t.skills()[m.skill].id.clone(),
                    line: item.line,
                    section: item.section,
                    matched: item.text[a..b].to_string(),
                    excluded: m.excluded,
                });
                continue;
            }
            if is_a_job_title(&t.skills()[m.skill], item) {
                continue;
            }
            toks.push(Tok {
                start: a,
                end: b,
                what: What::Skill(m.skill),
                priority: base,
            });
        }
        for h in cx.groups.find(&item.text) {
            covered.push((h.start, h.end));
            // A skill that spells most of the phrase is the taxonomy's own
            // word for it ("message broker"): the skill wins. A shorter skill
            // inside the phrase ("SQL" in "SQL databases") is the phrase.
            let own_word = toks.iter().any(|tk| {
                tk.start < h.end
                    && h.start < tk.end
                    && (tk.end - tk.start) * 10 >= (h.end - h.start) * 6
            });
            if own_word {
                continue;
            }
            toks.retain(|tk| !(h.start <= tk.start && tk.end <= h.end));
            toks.push(Tok {
                start: h.start,
                end: h.end,
                what: What::Group(h.group),
                priority: base,
            });
        }
        toks.sort_by_key(|tk| (tk.start, tk.end));
        toks.dedup_by(|b, a| a.start == b.start && a.end == b.end && a.what == b.what);

        // Inline preferred cues.
        let spans: Vec<(usize, usize)> = toks.iter().map(|tk| (tk.start, tk.end)).collect();
        let scopes = clauses::preferred_scopes(&item.text, &spans);
        for tk in &mut toks {
            if tk.priority != Priority::Preferred
                && scopes.iter().any(|&(a, b)| a <= tk.start && tk.end <= b)
            {
                tk.priority = Priority::Preferred;
            }
        }

        out.raw.extend(units(t, cx.groups, item, &toks));

        // Unrecognised terms.
        let scanned = item.title
            || matches!(
                item.section,
                JobSection::Requirements
                    | JobSection::Preferred
                    | JobSection::Responsibilities
                    | JobSection::Role
                    | JobSection::Stack
            )
            || (!cx.has_requirements && item.section == JobSection::Header);
        if scanned {
            for (term, _) in
                terms::find_in_item(&item.text, &covered, cx.company, item.bullet, item.title)
            {
                out.term_hits.push((term, item.line, item.section));
            }
        }
    }
    out
}

/// The priority of skills named in an item when the job asked for none
/// although it names some: required everywhere but in metadata, benefits and
/// the hiring process (preferred sections stay preferred).
fn fallback_priority(item: &Item) -> Option<Priority> {
    if item.heading {
        return None;
    }
    match item.section {
        JobSection::Preferred => Some(Priority::Preferred),
        JobSection::Meta | JobSection::Benefits | JobSection::Process => None,
        _ => Some(Priority::Required),
    }
}

/// Job titles are not requirements: title signals (skills whose id ends in
/// `-title`, such as `senior-title`) anywhere, and responsibility signals in
/// the title line ("Staff Engineer / Tech Lead"), describe the role, whose
/// level is read separately; the job asks for them in its text if it does.
fn is_a_job_title(skill: &crate::taxonomy::Skill, item: &Item) -> bool {
    skill.id.ends_with("-title") || (item.title && skill.kind == "responsibility")
}

/// Whether a mention is an ambiguous word ("Make", "Go", "Spring") that opens
/// a duty in the imperative ("Make and record architecture decisions"): the
/// first word of a responsibilities or role item (not inside a parenthesis),
/// followed by a lower-case word. Such a word is the verb, not the technology.
fn opens_a_duty(
    t: &crate::Taxonomy,
    item: &Item,
    doc: &Document,
    m: &crate::matcher::Mention,
) -> bool {
    if !matches!(
        item.section,
        JobSection::Responsibilities | JobSection::Role
    ) {
        return false;
    }
    let seg = &doc.segments[m.segment];
    let text = doc.segment_text(seg);
    let (a, b) = (m.span.start - seg.range.start, m.span.end - seg.range.start);
    let word = &text[a..b];
    let ambiguous = t.skills()[m.skill].ambiguous.iter().any(|x| {
        if x.case_sensitive {
            x.text == word
        } else {
            x.text.eq_ignore_ascii_case(word)
        }
    });
    // A duty opens with its verb; "(Cypress for frontend ...)" is an aside.
    let first = text[..a].chars().all(|c| !c.is_alphanumeric() && c != '(');
    let next = text[b..].strip_prefix(' ').and_then(|r| r.chars().next());
    ambiguous && first && next.is_some_and(char::is_lowercase)
}

/// Present-tense verbs of job descriptions and their past tense, at most as
/// long, so byte offsets survive the rewrite (padded with spaces):
/// `data/jd-past-tense.txt`.
const PAST_TENSE: &str = include_str!("../../data/jd-past-tense.txt");

/// The past tense of a folded verb, from [`PAST_TENSE`].
fn past_of(verb: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            super::data::entries(PAST_TENSE)
                .filter_map(|l| l.split_once(' '))
                .collect()
        })
        .iter()
        .find(|(w, _)| *w == verb)
        .map(|(_, past)| *past)
}

/// The item in the past tense (see [`PAST_TENSE`]), or `None` if unchanged.
///
/// ```text
/// "Lead critical migrations" -> "Led  critical migrations"
/// ```
pub(crate) fn past_tense(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut last = 0;
    for (start, word) in text
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphabetic()
                && text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
        })
        .map(|(i, _)| {
            let len = text[i..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(text.len() - i);
            (i, &text[i..i + len])
        })
    {
        let lower = word.to_ascii_lowercase();
        if let Some(past) = past_of(&lower) {
            out.push_str(&text[last..start]);
            let mut p = past.to_string();
            if word.starts_with(|c: char| c.is_uppercase()) {
                p[..1].make_ascii_uppercase();
            }
            out.push_str(&p);
            out.extend(std::iter::repeat_n(' ', word.len() - past.len()));
            last = start + word.len();
            changed = true;
        }
    }
    out.push_str(&text[last..]);
    changed.then_some(out)
}

/// Responsibility signals in job-description wording: the taxonomy's signal
/// patterns are written for resumes ("led the migration"), job descriptions
/// say "lead critical migrations". Items are read again in the past tense and
/// only responsibility skills not already found in an item are kept.
fn past_tense_signals(
    scorer: &Scorer,
    items: &[Item],
    original: &Document,
    found: &[crate::matcher::Mention],
) -> Vec<crate::matcher::Mention> {
    let t = scorer.taxonomy();
    let mut text = String::new();
    let mut segments = Vec::new();
    let mut index = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.heading {
            continue;
        }
        let Some(past) = past_tense(&item.text) else {
            continue;
        };
        let start = text.len();
        text.push_str(&past);
        segments.push(DocSegment {
            range: start..text.len(),
            line: item.line,
            section: matcher_section(item),
            heading: false,
        });
        text.push('\n');
        index.push(i);
    }
    if segments.is_empty() {
        return Vec::new();
    }
    let doc = Document { text, segments };
    let mut out = Vec::new();
    for mut m in scorer.matcher().find(&doc) {
        let item = index[m.segment];
        let seen = found
            .iter()
            .chain(&out)
            .any(|f: &crate::matcher::Mention| f.segment == item && f.skill == m.skill);
        if t.skills()[m.skill].kind != "responsibility" || seen {
            continue;
        }
        // Same item, same offsets: map the span back to the first document.
        let shift = original.segments[item].range.start;
        let from = doc.segments[m.segment].range.start;
        m.span = m.span.start - from + shift..m.span.end - from + shift;
        m.segment = item;
        out.push(m);
    }
    out
}

/// Groups an item's tokens into requirement units (alternatives, examples).
fn units(t: &crate::Taxonomy, groups: &groups::Groups, item: &Item, toks: &[Tok]) -> Vec<Raw> {
    let n = toks.len();
    if n == 0 {
        return Vec::new();
    }
    let text = &item.text;
    // Union-find over token indices.
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let joins: Vec<clauses::Join> = (1..n)
        .map(|k| {
            let gap = if toks[k].start >= toks[k - 1].end {
                &text[toks[k - 1].end..toks[k].start]
            } else {
                ""
            };
            clauses::join(gap)
        })
        .collect();
    let kind = |tk: &Tok| match tk.what {
        What::Skill(s) => Some(t.skills()[s].kind.as_str()),
        What::Group(_) => None,
    };
    // "A or B" pairs, and "A, B, C or D" lists of one kind.
    let mut k = 0;
    while k < joins.len() {
        if joins[k] == clauses::Join::Or {
            // Walk back over a comma list.
            let mut first = k;
            while first > 0 && joins[first - 1] == clauses::Join::Comma {
                first -= 1;
            }
            let same_kind = kind(&toks[first]).is_some()
                && (first..=k + 1).all(|i| kind(&toks[i]) == kind(&toks[first]));
            let from = if same_kind { first } else { k };
            for i in from..=k {
                let (a, b) = (root(&mut parent, i), root(&mut parent, i + 1));
                parent[b] = a;
            }
        }
        k += 1;
    }
    // Examples after a phrase: "a relational database such as PostgreSQL or MySQL".
    let mut example_of: Vec<Option<usize>> = vec![None; n];
    for g in 0..n {
        let What::Group(gi) = toks[g].what else {
            continue;
        };
        let options = &groups.get(gi).options;
        let mut j = g + 1;
        while j < n {
            let gap = &text[toks[j - 1].end.min(toks[j].start)..toks[j].start];
            let ok_gap = if j == g + 1 {
                clauses::introduces_examples(gap)
            } else {
                clauses::continues_list(gap) || clauses::join(gap) == clauses::Join::Or
            };
            let member = matches!(toks[j].what, What::Skill(s) if options.contains(&s));
            if !(ok_gap && member) {
                break;
            }
            example_of[j] = Some(g);
            j += 1;
        }
    }
    // Collect units.
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, example) in example_of.iter().enumerate() {
        if example.is_some() {
            continue;
        }
        let r = root(&mut parent, i);
        members.entry(r).or_default().push(i);
    }
    // A phrase gives way to a skill of its own kind named in the same item
    // without an example cue ("Infrastructure as code with Terraform").
    let single_skills: Vec<usize> = members
        .values()
        .filter(|m| m.len() == 1)
        .filter_map(|m| match toks[m[0]].what {
            What::Skill(s) => Some(s),
            What::Group(_) => None,
        })
        .collect();
    // A skill alone that an alternative of the same item also offers is that
    // alternative: "Infrastructure as code with Terraform (or Pulumi)", where
    // Pulumi is spelled as the infrastructure-as-code skill.
    let in_alternatives: Vec<usize> = members
        .values()
        .filter(|m| m.len() > 1)
        .flat_map(|m| {
            m.iter().filter_map(|&i| match toks[i].what {
                What::Skill(s) => Some(s),
                What::Group(_) => None,
            })
        })
        .collect();
    let mut out = Vec::new();
    for (_, m) in members {
        if let [i] = m[..] {
            if matches!(toks[i].what, What::Skill(s) if in_alternatives.contains(&s)) {
                continue;
            }
        }
        let mut skills: Vec<usize> = Vec::new();
        let mut group = None;
        let mut examples = Vec::new();
        let mut priority = Priority::Mentioned;
        for &i in &m {
            priority = priority.max(toks[i].priority);
            match toks[i].what {
                What::Skill(s) => {
                    if !skills.contains(&s) {
                        skills.push(s);
                    }
                }
                What::Group(g) => {
                    if group.is_none() {
                        group = Some(g);
                    }
                    for (j, e) in example_of.iter().enumerate() {
                        if *e == Some(i) {
                            if let What::Skill(s) = toks[j].what {
                                examples.push(s);
                            }
                            priority = priority.max(toks[j].priority);
                        }
                    }
                }
            }
        }
        if let (Some(g), true) = (group, m.len() == 1) {
            let options = &groups.get(g).options;
            if single_skills.iter().any(|s| options.contains(s)) {
                continue;
            }
        }
        let (a, b) = (toks[m[0]].start, toks[*m.last().expect("non-empty")].end);
        let asked = AskedLine {
            line: item.line,
            priority,
            section: if item.title {
                JobSection::Header
            } else {
                item.section
            },
            text: crate::scorer::excerpt(text, a),
            matched: text[a..b.max(a)].to_string(),
        };
        let implied: Vec<usize> = if group.is_none() && skills.len() == 1 {
            t.skills()[skills[0]]
                .implies
                .iter()
                .filter_map(|i| t.skill_index(i))
                .collect()
        } else {
            Vec::new()
        };
        let implying = skills.first().copied();
        out.push(Raw {
            skills,
            group,
            examples,
            implied_by: None,
            priority,
            asked: asked.clone(),
        });
        // Skills implied by a single named skill are asked for too.
        for i in implied {
            out.push(Raw {
                skills: vec![i],
                group: None,
                examples: Vec::new(),
                implied_by: implying,
                priority,
                asked: asked.clone(),
            });
        }
    }
    out
}

/// Deduplicates raw requirements, drops alternatives a single skill already
/// asks for, names them and orders them.
fn finish(t: &crate::Taxonomy, groups: &groups::Groups, raw: Vec<Raw>) -> Vec<JobRequirement> {
    let mut reqs: Vec<(Vec<usize>, JobRequirement)> = Vec::new();
    for r in raw {
        let mut options: Vec<usize> = r.skills.clone();
        if let Some(g) = r.group {
            for &o in &groups.get(g).options {
                if !options.contains(&o) {
                    options.push(o);
                }
            }
        }
        if options.is_empty() {
            continue;
        }
        let mut key = options.clone();
        key.sort_unstable();
        let group_id = r.group.map(|g| groups.get(g).id.clone());
        if let Some((_, existing)) = reqs
            .iter_mut()
            .find(|(k, e)| *k == key && e.group.as_ref().map(|g| &g.id) == group_id.as_ref())
        {
            // Named directly anywhere: not only implied.
            if r.implied_by.is_none() {
                existing.implied_by = None;
            }
            existing.priority = existing.priority.max(r.priority);
            match existing.asked.iter_mut().find(|a| a.line == r.asked.line) {
                Some(a) => a.priority = a.priority.max(r.asked.priority),
                None => existing.asked.push(r.asked),
            }
            for e in r.examples {
                let id = t.skills()[e].id.clone();
                if !existing.examples.contains(&id) {
                    existing.examples.push(id);
                }
            }
            continue;
        }
        let skill_names: Vec<&str> = r
            .skills
            .iter()
            .map(|&s| t.skills()[s].name.as_str())
            .collect();
        let mut ids: Vec<String> = r.skills.iter().map(|&s| t.skills()[s].id.clone()).collect();
        let mut names: Vec<String> = skill_names.iter().map(|s| s.to_string()).collect();
        let group = r.group.map(|g| {
            let g = groups.get(g);
            GroupRef {
                id: g.id.clone(),
                label: g.label.clone(),
                competency: g.competency.clone(),
            }
        });
        if let Some(g) = &group {
            ids.push(g.id.clone());
            names.push(g.label.clone());
        }
        let name = match names.len() {
            1 => names.remove(0),
            _ => {
                let last = names.pop().expect("two or more");
                format!("{} or {last}", names.join(", "))
            }
        };
        reqs.push((
            key,
            JobRequirement {
                id: ids.join("|"),
                name,
                priority: r.priority,
                options: options.iter().map(|&o| t.skills()[o].id.clone()).collect(),
                group,
                examples: r
                    .examples
                    .iter()
                    .map(|&e| t.skills()[e].id.clone())
                    .collect(),
                implied_by: r.implied_by.map(|i| t.skills()[i].id.clone()),
                asked: vec![r.asked],
            },
        ));
    }
    // Alternatives and phrases that a single skill requirement already covers
    // (a phrase that named examples keeps them: "languages, especially Java").
    let singles: Vec<(String, Priority)> = reqs
        .iter()
        .filter(|(_, r)| r.options.len() == 1 && r.group.is_none())
        .map(|(_, r)| (r.options[0].clone(), r.priority))
        .collect();
    let mut out: Vec<JobRequirement> = reqs
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| {
            r.options.len() == 1 && r.group.is_none()
                || !r.examples.is_empty()
                || !singles
                    .iter()
                    .any(|(s, p)| *p >= r.priority && r.options.contains(s))
        })
        .collect();
    // A mentioned skill that a stronger requirement already offers is that one.
    let offered: Vec<(String, Priority)> = out
        .iter()
        .filter(|r| r.priority > Priority::Mentioned)
        .flat_map(|r| r.options.iter().map(move |o| (o.clone(), r.priority)))
        .collect();
    out.retain(|r| {
        !(r.priority == Priority::Mentioned
            && r.group.is_none()
            && r.options.len() == 1
            && offered.iter().any(|(o, _)| *o == r.options[0]))
    });
    for r in &mut out {
        r.asked
            .sort_by(|a, b| b.priority.cmp(&a.priority).then(a.line.cmp(&b.line)));
    }
    // Stable: within a line, requirements stay in text order.
    out.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(a.asked[0].line.cmp(&b.asked[0].line))
    });
    out
}
