//! `--format html`: one self-contained page — the totals, a ranking table
//! (sortable by clicking a column heading; without JavaScript it stays in
//! the run's order, which is the ranking), and one section per candidate
//! that the row links to. Kept until the end, like Markdown.
//!
//! [`render`] is a plain function of the run and its results: no terminal,
//! no I/O. `skillgap serve` calls it too.

use super::{missing_text, threshold_text, years_of, Document, Run, Totals};
use crate::cli::batch::record::{FileResult, Outcome, Scored};
use crate::cli::format::page::{clean, page, pct};
use maud::{html, Markup};
use std::io::{self, Write};

/// Sorts the ranking table by a column when its heading is clicked: numbers
/// by `data-v`, text by its content; a second click reverses. (No `<` in
/// it, so nothing in it can read as a tag.)
const SORT: &str = r#"(function () {
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") !== "descending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.getAttribute("data-v");
          return v === null ? cell.textContent.trim().toLowerCase() : parseFloat(v);
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = (x > y) - (y > x);
          return down ? -c : c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();"#;

pub struct Html;

impl Document for Html {
    fn write(
        &self,
        w: &mut dyn Write,
        run: &Run,
        files: &[FileResult],
        t: &Totals,
    ) -> io::Result<()> {
        w.write_all(render(run, files, t).as_bytes())
    }
}

/// The page for a run: `files` in output order (ranked by match with a job).
pub(crate) fn render(run: &Run, files: &[FileResult], t: &Totals) -> String {
    let body = html! {
        h1 { "Batch: " (t.files) " resumes" }
        p.about {
            (t.scored) " scored"
            @if let Some(th) = &run.threshold { " · " (t.scored - t.failed) " passed, " (t.failed) " under " (threshold_text(th)) }
            @if t.unreadable > 0 { " · " (t.unreadable) " unreadable" }
            @if t.skipped.total() > 0 { " · " (t.skipped.to_string()) }
            " · taxonomy " (clean(&run.taxonomy_id)) " " (clean(&run.taxonomy_version))
        }
        @if let Some(job) = &run.job {
            p { strong { "Job " (clean(&job.path)) } ": " (clean(&job.about()))
                @if run.ranked_by_match { " · ranked by match" } }
        }
        @if files.is_empty() {
            p { "No resume files found." }
        } @else {
            h2 { "Ranking" }
            p.muted { "Click a column heading to sort by it; each file links to its details." }
            div.table-wrap { (table(run, files)) }
            h2 { "Candidates" }
            @for (i, f) in files.iter().enumerate() { (candidate(run, i + 1, f)) }
        }
    };
    page("skillgap batch", body, Some(SORT))
}

fn table(run: &Run, files: &[FileResult]) -> Markup {
    let sort = |name: &str| html! { button type="button" { (name) } };
    html! {
        table.sortable.stack {
            thead {
                tr {
                    th.num { (sort("#")) }
                    th { (sort("File")) }
                    @if run.threshold.is_some() { th { (sort("Result")) } }
                    @if run.job.is_some() { th.num { (sort("Match")) } th.num { (sort("Required")) } }
                    th { (sort("Level")) }
                    @for l in &run.levels { th.num { (sort(l)) } }
                    th.num { (sort("Years")) }
                    th { (if run.job.is_some() { "Missing required" } else { "Top gaps" }) }
                }
            }
            tbody {
                @for (i, f) in files.iter().enumerate() {
                    tr {
                        td.num data-v=(i + 1) { (i + 1) }
                        td.file data-label="File" { a href=(format!("#c{}", i + 1)) { (clean(&f.path)) } }
                        @match &f.outcome {
                            Outcome::Unreadable(e) => {
                                @let span = 3 + run.levels.len() + usize::from(run.threshold.is_some()) + 2 * usize::from(run.job.is_some());
                                td.text colspan=(span) data-v="-1" { span.status.bad { "unreadable" } " " (clean(e)) }
                            }
                            Outcome::Scored(s) => { (scored_cells(run, s)) }
                        }
                    }
                }
            }
        }
    }
}

fn scored_cells(run: &Run, s: &Scored) -> Markup {
    html! {
        @if run.threshold.is_some() {
            td data-label="Result" {
                @match s.passed {
                    Some(true) => span.status.ok { "pass" },
                    Some(false) => span.status.bad { "FAIL" },
                    None => "",
                }
            }
        }
        @if run.job.is_some() {
            @let m = s.job_match.as_ref();
            td.num data-label="Match" data-v=(m.map_or(-1.0, |m| m.percent)) { (m.map(|m| pct(m.percent)).unwrap_or_default()) }
            td.num data-label="Required" data-v=(m.map_or(0, |m| m.required_met)) { (m.map(|m| format!("{}/{}", m.required_met, m.required_total)).unwrap_or_default()) }
        }
        td data-label="Level" data-v=(s.reached.iter().filter(|r| **r).count()) { (clean(s.estimated_level.as_deref().unwrap_or("-"))) }
        @for (l, (r, reached)) in run.levels.iter().zip(s.readiness.iter().zip(&s.reached)) {
            td.num data-label=(l) data-v=(r) { (pct(*r)) @if *reached { " ✓" } }
        }
        td.num data-label="Years" data-v=(s.years) { (format!("{:.1}", s.years)) }
        td.text data-label=(if run.job.is_some() { "Missing required" } else { "Top gaps" }) { (last_column(s)) }
    }
}

/// The missing required skills with a job, else the top gaps.
fn last_column(s: &Scored) -> String {
    match &s.job_match {
        Some(m) if m.missing_required.is_empty() => "none".to_string(),
        Some(m) => clean(
            &m.missing_required
                .iter()
                .map(missing_text)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        None => clean(
            &s.gaps
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// One candidate's section, the target of its row's link.
fn candidate(run: &Run, n: usize, f: &FileResult) -> Markup {
    html! {
        section.card id=(format!("c{n}")) {
            h3 { (n) ". " (clean(&f.path)) }
            @match &f.outcome {
                Outcome::Unreadable(e) => { p { span.status.bad { "unreadable" } " " (clean(e)) } }
                Outcome::Scored(s) => {
                    dl.fields {
                        dt { "Estimated level" } dd { (clean(s.estimated_level.as_deref().unwrap_or("none"))) }
                        dt { "Years" } dd { (format!("{:.1}", s.years))
                            @if let Some(y) = s.job_match.as_ref().and_then(|m| years_of(s.years, m)) { " (" (y) ")" } }
                        dt { "Readiness" }
                        dd {
                            @for (i, (l, r)) in run.levels.iter().zip(&s.readiness).enumerate() {
                                @if i > 0 { " · " }
                                (clean(l)) " " (pct(*r)) @if s.reached.get(i) == Some(&true) { " ✓" }
                            }
                        }
                        @if let Some(m) = &s.job_match {
                            dt { "Match" } dd { (pct(m.percent)) ", required " (m.required_met) "/" (m.required_total)
                                @if m.preferred_total > 0 { ", preferred " (m.preferred_met) "/" (m.preferred_total) } }
                            dt { "Missing required" } dd { (last_column(s)) }
                        } @else {
                            dt { "Gaps to " (clean(s.target_level.as_deref().unwrap_or("the next level"))) }
                            dd { @if s.gaps.is_empty() { "none" } @else { (last_column(s)) } }
                        }
                    }
                }
            }
        }
    }
}
