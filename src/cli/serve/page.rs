//! The page: a form that works without JavaScript (a plain multipart POST to `/`), and the
//! answer to it, the HTML report (src/cli/format/{score,jd}/html.rs, the same as
//! `--format html`). Every string that comes from a resume or a job is escaped by maud.
//!
//! [`result`] is the one place that turns a scored resume into the page's answer.

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
";

/// The form, with the error of the last attempt if it failed.
pub fn page<'a>(levels: impl Iterator<Item = &'a str>, error: Option<&str>) -> Markup {
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
                }
            }
        }
    }
}

/// A scored resume as the page's answer: the HTML report of `score --format html` ending
/// with the role ranking of `fit --format html` when there is one (with a job, the match of
/// `score --jd --format html` followed by the report), under a link back to the form. The report is a whole self-contained page; its `<main>` gets the link, and
/// with a job the report's `<main>` content follows the match's. (Resume text in it is
/// escaped, so the only `<main>` tags are the page's own.)
pub fn result(scored: &Scored, ranking: Option<&skillgap::fit::Fit>) -> String {
    use crate::cli::format::{fit, jd, score};
    let mut report = score::html::render(&scored.report, &scored.text, &scored.name);
    if let Some(f) = ranking {
        // The role ranking (`fit --format html`) ends the report.
        report = insert_at_end_of_main(&report, &fit::html::section(f).into_string());
    }
    let page = match &scored.job {
        None => report,
        Some(m) => {
            let matched =
                jd::html::render(m, scored.scorer.taxonomy(), &scored.name, &scored.job_name);
            match main_content(&report) {
                Some(inner) => insert_at_end_of_main(&matched, inner),
                None => matched,
            }
        }
    };
    let back = html! {
        nav style="margin:0 0 1rem" {
            a href="/" { "← Score another resume" }
        }
    };
    page.replacen("<main>", &format!("<main>{}", back.into_string()), 1)
}

/// What is between a page's first `<main>` and its last `</main>`.
fn main_content(page: &str) -> Option<&str> {
    let start = page.find("<main>")? + "<main>".len();
    let end = page.rfind("</main>")?;
    page.get(start..end)
}

fn insert_at_end_of_main(page: &str, content: &str) -> String {
    match page.rfind("</main>") {
        Some(at) => format!("{}{content}{}", &page[..at], &page[at..]),
        None => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_content_of_one_page_goes_at_the_end_of_the_other() {
        let a = "<html><main><p>a</p></main></html>";
        let b = "<html><main><p>b</p></main></html>";
        assert_eq!(main_content(b), Some("<p>b</p>"));
        assert_eq!(
            insert_at_end_of_main(a, main_content(b).unwrap()),
            "<html><main><p>a</p><p>b</p></main></html>"
        );
    }
}
