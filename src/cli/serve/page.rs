//! The page: a form that works without JavaScript (a plain multipart POST to `/`), and the
//! result below it. Every string that comes from a resume or a job is escaped by maud.
//!
//! [`result`] is the one place that turns a scored resume into HTML for the page.

use super::work::Scored;
use maud::{html, Markup, PreEscaped, DOCTYPE};

const STYLE: &str = "
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:56rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0 1rem}
form{background:#fff;border:1px solid #d8dce3;border-radius:.6rem;padding:1rem 1.2rem;display:grid;gap:.8rem}
label{font-weight:600;display:block;margin-bottom:.2rem}
textarea{width:100%;box-sizing:border-box;min-height:8rem;font:inherit}
button{font:inherit;font-weight:700;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#1f5fbf;color:#fff;cursor:pointer;justify-self:start}
.hint{color:#5b6474;font-size:.9rem}
.error{background:#fdecea;border:1px solid #f5b5ad;border-radius:.4rem;padding:.6rem .9rem;margin:1rem 0}
.result{background:#fff;border:1px solid #d8dce3;border-radius:.6rem;padding:1rem 1.2rem;margin-top:1.2rem}
.big{font-size:1.3rem;font-weight:700}
table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eceff3;vertical-align:top}
.bar{background:#e6e9ef;border-radius:.3rem;height:.7rem;min-width:6rem}
.bar span{display:block;height:100%;border-radius:.3rem;background:#2f8f5b}
";

/// The whole page: the form, an error if the last attempt failed, the result if any.
pub fn page<'a>(
    levels: impl Iterator<Item = &'a str>,
    error: Option<&str>,
    result: Option<Markup>,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Score my resume · skillgap" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    h1 { "Score my resume" }
                    form method="post" action="/" enctype="multipart/form-data" {
                        div {
                            label for="resume" { "Resume" }
                            input id="resume" name="resume" type="file" required
                                accept=".pdf,.docx,.html,.htm,.md,.markdown,.txt,application/pdf,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                            div class="hint" { "PDF, DOCX, HTML, Markdown or text. Nothing is stored." }
                        }
                        div {
                            label for="jd" { "Job description (optional)" }
                            textarea id="jd" name="jd" placeholder="Paste the job ad to see the match and the missing required skills" {}
                        }
                        div {
                            label for="level" { "Target level" }
                            select id="level" name="level" {
                                option value="" selected { "Automatic (the level above yours)" }
                                @for level in levels {
                                    option value=(level) { (level) }
                                }
                            }
                        }
                        button type="submit" { "Score my resume" }
                    }
                    @if let Some(error) = error {
                        div class="error" role="alert" { (error) }
                    }
                    @if let Some(result) = result {
                        (result)
                    }
                }
            }
        }
    }
}

/// A scored resume on the page: the level, the readiness ladder, the top gaps and, with a
/// job, the match and the missing required skills.
pub fn result(scored: &Scored) -> Markup {
    let report = &scored.report;
    html! {
        section class="result" id="result" {
            @if let Some(m) = &scored.job {
                p class="big" id="match" { "Match: " (format!("{:.1}%", m.percent)) }
                @if let Some(title) = &m.title { p { "Job: " (title) } }
                @if !m.missing_required.is_empty() {
                    h2 { "Missing required skills" }
                    ul id="missing-required" {
                        @for r in &m.missing_required { li { (r.name) } }
                    }
                }
            }
            p class="big" id="estimated-level" {
                "Estimated level: "
                (report.estimated_level.as_deref().unwrap_or("below the first level"))
            }
            p {
                "Years of experience: " (format!("{:.1}", report.experience.years))
                " · scored against " (scored.scorer.taxonomy().name())
            }
            h2 { "Readiness per level" }
            table {
                @for l in &report.levels {
                    tr {
                        th { (l.name) }
                        td { (format!("{:.0}%", l.readiness)) @if l.reached { " ✓" } }
                        td class="bar-cell" {
                            div class="bar" {
                                span style=(format!("width:{:.0}%", l.readiness.clamp(0.0, 100.0))) {}
                            }
                        }
                    }
                }
            }
            @if !report.gaps.is_empty() {
                h2 {
                    "Top gaps"
                    @if let Some(t) = &report.target_level { " to " (t) }
                }
                ol id="gaps" {
                    @for g in report.gaps.iter().take(5) {
                        li {
                            strong { (g.name) }
                            " (+" (format!("{:.1}", g.gain)) " points)"
                            @if !g.why.is_empty() { " — " (g.why) }
                        }
                    }
                }
            }
        }
    }
}
