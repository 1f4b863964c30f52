//! `--format jsonl` (one record per line, streamed) and `--format json` (one
//! document, also streamed: run settings first, the records, totals last).
//!
//! A record:
//! ```json
//! {"schema_version":1,"path":"cvs/a.txt","status":"scored","format":"text",
//!  "estimated_level":"mid","target_level":"senior",
//!  "readiness":{"junior":100.0,"mid":81.5,"senior":52.0,"lead":20.1,"architect":8.0},
//!  "years":4.5,"top_gaps":[{"id":"system-design","name":"System design","kind":"competency","gain":12.0}],
//!  "passed":true}
//! {"schema_version":1,"path":"cvs/b.pdf","status":"unreadable","error":"PDF is encrypted; remove the password and try again"}
//! ```
//! `readiness` keys follow the taxonomy's level order; `estimated_level` is
//! `null` below the first level; `passed` is present only with `--fail-under`.
//!
//! With `--jd`, a scored record also has the match against the job (and
//! `passed` is about the match):
//! ```json
//! "job_match":{"percent":64.0,"required":{"met":8,"total":10},"preferred":{"met":2,"total":5},
//!  "missing_required":[{"id":"docker","name":"Docker","status":"weak","negated":false}],
//!  "years":{"asked":{"min":3.0,"max":null},"found":1.6,"met":false}}
//! ```
//! `status` of a missing skill is `"weak"` (hedged only) or `null` (not
//! shown); `years.asked` and `years.met` are `null` when the job asks none.
//! The json document gets a `job` object (path, title, level, years, counts).

use super::{Formatter, Run, Totals, SCHEMA_VERSION};
use crate::cli::batch::record::{FileResult, GapBrief, MatchBrief, Outcome, Scored};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::io::{self, Write};

pub struct Jsonl;

#[derive(Default)]
pub struct Json {
    first: bool,
}

/// A file as one JSON record.
struct Record<'a> {
    run: &'a Run,
    file: &'a FileResult,
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("schema_version", &SCHEMA_VERSION)?;
        m.serialize_entry("path", &self.file.path)?;
        match &self.file.outcome {
            Outcome::Unreadable(error) => {
                m.serialize_entry("status", "unreadable")?;
                m.serialize_entry("error", error)?;
            }
            Outcome::Scored(scored) => {
                let s: &Scored = scored;
                m.serialize_entry("status", "scored")?;
                m.serialize_entry("format", s.format.as_str())?;
                m.serialize_entry("estimated_level", &s.estimated_level)?;
                m.serialize_entry("target_level", &s.target_level)?;
                m.serialize_entry(
                    "readiness",
                    &Readiness {
                        levels: &self.run.levels,
                        values: &s.readiness,
                    },
                )?;
                m.serialize_entry("years", &s.years)?;
                m.serialize_entry("top_gaps", &Gaps(&s.gaps))?;
                if let Some(passed) = s.passed {
                    m.serialize_entry("passed", &passed)?;
                }
                if let Some(jm) = &s.job_match {
                    m.serialize_entry("job_match", &Match(jm, s.years))?;
                }
            }
        }
        m.end()
    }
}

/// Readiness per level, as an object in level order.
struct Readiness<'a> {
    levels: &'a [String],
    values: &'a [f64],
}

impl Serialize for Readiness<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.values.len()))?;
        for (level, value) in self.levels.iter().zip(self.values) {
            m.serialize_entry(level, value)?;
        }
        m.end()
    }
}

/// The `--jd` match of a record, with the years found.
struct Match<'a>(&'a MatchBrief, f64);

impl Serialize for Match<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (m, found) = (self.0, self.1);
        let missing: Vec<Missing> = m
            .missing_required
            .iter()
            .map(|r| Missing {
                id: &r.id,
                name: &r.name,
                status: r.weak.then_some("weak"),
                negated: r.negated,
            })
            .collect();
        let mut st = s.serialize_struct("JobMatch", 5)?;
        st.serialize_field("percent", &m.percent)?;
        st.serialize_field(
            "required",
            &Count {
                met: m.required_met,
                total: m.required_total,
            },
        )?;
        st.serialize_field(
            "preferred",
            &Count {
                met: m.preferred_met,
                total: m.preferred_total,
            },
        )?;
        st.serialize_field("missing_required", &missing)?;
        st.serialize_field(
            "years",
            &Years {
                asked: m.years_asked.map(|(min, max)| YearsAsked { min, max }),
                found,
                met: m.years_met,
            },
        )?;
        st.end()
    }
}

#[derive(Serialize)]
struct Missing<'a> {
    id: &'a str,
    name: &'a str,
    status: Option<&'static str>,
    negated: bool,
}

#[derive(Serialize)]
struct Job<'a> {
    path: &'a str,
    title: Option<&'a str>,
    level: Option<&'a str>,
    years: Option<YearsAsked>,
    required: usize,
    preferred: usize,
}

#[derive(Serialize)]
struct Count {
    met: usize,
    total: usize,
}

#[derive(Serialize)]
struct YearsAsked {
    min: f64,
    max: Option<f64>,
}

#[derive(Serialize)]
struct Years {
    asked: Option<YearsAsked>,
    found: f64,
    met: Option<bool>,
}

struct Gaps<'a>(&'a [GapBrief]);

impl Serialize for Gaps<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Gap))
    }
}

struct Gap<'a>(&'a GapBrief);

impl Serialize for Gap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Gap", 4)?;
        st.serialize_field("id", &self.0.id)?;
        st.serialize_field("name", &self.0.name)?;
        st.serialize_field("kind", &self.0.kind)?;
        st.serialize_field("gain", &self.0.gain)?;
        st.end()
    }
}

fn record(w: &mut dyn Write, run: &Run, file: &FileResult) -> io::Result<()> {
    serde_json::to_writer(&mut *w, &Record { run, file }).map_err(io::Error::from)
}

impl Formatter for Jsonl {
    fn begin(&mut self, _: &mut dyn Write, _: &Run) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, w: &mut dyn Write, run: &Run, file: FileResult) -> io::Result<()> {
        record(w, run, &file)?;
        w.write_all(b"\n")
    }

    fn end(&mut self, _: &mut dyn Write, _: &Run, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

impl Formatter for Json {
    fn begin(&mut self, w: &mut dyn Write, run: &Run) -> io::Result<()> {
        let taxonomy = serde_json::json!({
            "id": run.taxonomy_id,
            "name": run.taxonomy_name,
            "version": run.taxonomy_version,
        });
        let settings = serde_json::json!({
            "as_of": run.as_of,
            "fuzzy_threshold": run.fuzzy_threshold,
            "level": run.level,
            "fail_under": run.threshold.as_ref().map(|t| t.pct),
        });
        writeln!(w, "{{")?;
        writeln!(w, "  \"schema_version\": {SCHEMA_VERSION},")?;
        writeln!(w, "  \"taxonomy\": {},", to_json(&taxonomy))?;
        writeln!(w, "  \"settings\": {},", to_json(&settings))?;
        writeln!(w, "  \"levels\": {},", to_json(&run.levels))?;
        if let Some(job) = &run.job {
            let job = Job {
                path: &job.path,
                title: job.title.as_deref(),
                level: job.level.as_deref(),
                years: job.years.map(|(min, max)| YearsAsked { min, max }),
                required: job.required,
                preferred: job.preferred,
            };
            writeln!(w, "  \"job\": {},", to_json(&job))?;
        }
        write!(w, "  \"files\": [")?;
        self.first = true;
        Ok(())
    }

    fn file(&mut self, w: &mut dyn Write, run: &Run, file: FileResult) -> io::Result<()> {
        w.write_all(if self.first { b"\n    " } else { b",\n    " })?;
        self.first = false;
        record(w, run, &file)
    }

    fn end(&mut self, w: &mut dyn Write, _: &Run, t: &Totals) -> io::Result<()> {
        if !self.first {
            writeln!(w)?;
            write!(w, "  ")?;
        }
        writeln!(w, "],")?;
        let summary = serde_json::json!({
            "files": t.files,
            "scored": t.scored,
            "unreadable": t.unreadable,
            "failed": t.failed,
            "skipped": {
                "hidden": t.skipped.hidden,
                "unsupported": t.skipped.unsupported,
                "excluded": t.skipped.excluded,
                "special": t.skipped.special,
                "links": t.skipped.links,
            },
        });
        writeln!(w, "  \"summary\": {}", to_json(&summary))?;
        writeln!(w, "}}")
    }
}
