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

use super::{Formatter, Run, Totals, SCHEMA_VERSION};
use crate::cli::batch::record::{FileResult, GapBrief, Outcome, Scored};
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
            },
        });
        writeln!(w, "  \"summary\": {}", to_json(&summary))?;
        writeln!(w, "}}")
    }
}
