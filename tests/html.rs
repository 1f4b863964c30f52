//! `--format html` (`score`, `score --jd`, `batch`) writes one self-contained
//! page: inline CSS and SVG charts, links only to anchors inside the page,
//! and no reference to any other resource. Text from a resume, a job or a
//! file name is shown as text: a hostile corpus (made here, nothing
//! personal) goes through every HTML formatter and the output is checked for
//! tags and attributes it did not write itself. With `/usr/bin/chromium`
//! installed, a fixture's page is rendered in headless Chromium.
#![cfg(feature = "cli")]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

mod common;
use common::run as skillgap;

const RESUME: &str = "fixtures/resumes/mid-java-spring.txt";
const JOB: &str = "fixtures/jobs/mid-java-spring-developer.txt";

/// The tags the HTML formatters write; anything else came from the input.
const TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "main", "footer", "script", "h1", "h2", "h3",
    "p", "div", "span", "strong", "a", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th",
    "td", "dl", "dt", "dd", "details", "summary", "svg", "rect", "text", "line", "button",
    "section",
];

/// Every tag of `page` (`<name ...>`), with its attributes' text.
fn tags(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        out.push((name.to_ascii_lowercase(), tag[name.len()..].to_string()));
    }
    out
}

/// What every page must be: one document, only our tags, links only to
/// anchors that exist, no attribute that loads or runs anything, no bidi or
/// control characters.
fn assert_self_contained(page: &str, script_allowed: bool) {
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..40]);
    assert_eq!(page.matches("<html").count(), 1);
    let ids: BTreeSet<String> = tags(page)
        .iter()
        .filter_map(|(_, attrs)| attr(attrs, "id"))
        .collect();
    for (name, attrs) in tags(page) {
        assert!(
            TAGS.contains(&name.as_str()),
            "unexpected tag <{name}{attrs}>"
        );
        if name == "script" {
            assert!(script_allowed, "a script in a page that has none");
        }
        let lower = attrs.to_ascii_lowercase();
        for bad in [
            "src=",
            "srcset=",
            "url(",
            "javascript:",
            "data:",
            "@import",
            "action=",
        ] {
            assert!(!lower.contains(bad), "<{name}{attrs}> has {bad}");
        }
        assert!(
            !lower.split_whitespace().any(|a| a.starts_with("on")),
            "<{name}{attrs}> has an event handler"
        );
        if let Some(href) = attr(&attrs, "href") {
            let target = href.strip_prefix('#').unwrap_or_else(|| {
                panic!("<{name}{attrs}> links out of the page");
            });
            assert!(
                ids.contains(target),
                "link to #{target}, which is not on the page"
            );
        }
    }
    for c in page.chars() {
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'),
            "bidi control U+{:04X}",
            c as u32
        );
        assert!(!c.is_control() || c == '\n', "control U+{:04X}", c as u32);
    }
}

/// The value of attribute `name` in a tag's attribute text (maud quotes every value).
fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = attrs.find(&key)? + key.len();
    let end = attrs[i..].find('"')?;
    Some(attrs[i..i + end].to_string())
}

#[test]
fn score_html_is_one_page_with_charts_and_no_network_reference() {
    let (code, page) = skillgap(&["score", RESUME, "--format", "html", "--as-of", "2026-11"]);
    assert_eq!(code, 0);
    assert_self_contained(&page, false);
    assert_eq!(
        page.matches("<svg").count(),
        2,
        "the ladder and the competencies"
    );
    // Nothing that a browser could fetch, in any spelling.
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(!page.contains("//"), "no protocol-relative reference");
    for shown in [
        "Readiness ladder",
        "Estimated level",
        "Where the years come from",
        "Competencies",
        "Gaps to ",
        "What to do",
        "Resume text",
        "class=\"hit\"",
        "@media print",
        "@media (max-width",
    ] {
        assert!(page.contains(shown), "shows {shown}");
    }
    // Each skill's evidence links to its resume line, and the line back to the skill.
    assert!(page.contains("href=\"#L"));
    assert!(page.contains("href=\"#skill-java\""));
}

#[test]
fn fit_html_ranks_the_roles_in_one_page_with_a_chart_and_no_network_reference() {
    let (code, page) = skillgap(&[
        "fit",
        "fixtures/resumes/frontend-only-react.txt",
        "--format",
        "html",
        "--as-of",
        "2026-11",
    ]);
    assert_eq!(code, 0);
    assert_self_contained(&page, false);
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(!page.contains("//"), "no protocol-relative reference");
    assert_eq!(page.matches("<svg").count(), 1, "one chart: the fits");
    assert_eq!(
        page.matches("<tr>").count(),
        1 + 7,
        "a header and one row per role"
    );
    for shown in [
        "Role fit",
        "Frontend Developer",
        "Database Administrator",
        "Top gaps",
        "99.3",
    ] {
        assert!(page.contains(shown), "shows {shown}");
    }
    assert!(
        page.find("Frontend Developer") < page.find("Backend Developer"),
        "best first"
    );
}

#[test]
fn jd_html_puts_the_missing_required_skills_before_the_preferred_ones() {
    let (code, page) = skillgap(&[
        "score", RESUME, "--jd", JOB, "--format", "html", "--as-of", "2026-11",
    ]);
    assert_eq!(code, 0);
    assert_self_contained(&page, false);
    assert!(page.contains("Job match") && page.contains("<svg"));
    let required = page
        .find("id=\"missing-required\"")
        .expect("missing required");
    if let Some(preferred) = page.find("id=\"missing-preferred\"") {
        assert!(required < preferred);
    }
    assert!(page.contains("Years and level"));
}

#[test]
fn batch_html_ranks_in_a_sortable_table_that_links_to_each_candidate() {
    let (code, page) = skillgap(&[
        "batch",
        "fixtures/batch/good",
        "--jd",
        JOB,
        "--format",
        "html",
        "--as-of",
        "2026-11",
    ]);
    assert_eq!(code, 0, "{page}");
    assert_self_contained(&page, true);
    assert!(page.contains("class=\"sortable stack\""));
    assert!(page.contains("href=\"#c1\"") && page.contains("id=\"c1\""));
}

#[test]
fn output_file_gets_what_standard_output_would_for_every_score_format() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "json", "markdown", "html"] {
        let file = dir.path().join(format!("report.{format}"));
        let args = ["score", RESUME, "--format", format, "--as-of", "2026-11"];
        let (_, stdout) = skillgap(&args);
        let mut with_o = args.to_vec();
        with_o.extend(["-o", file.to_str().unwrap()]);
        let (code, nothing) = skillgap(&with_o);
        assert_eq!((code, nothing.as_str()), (0, ""), "{format}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout, "{format}");
    }
}

const HOSTILE_RESUME: &str = "\
Jordan Sample <script>alert(1)</script> \"><svg onload=alert(1)>
Backend engineer \u{202e}gnp.exe\u{202c} and \u{2066}isolate\u{2069}\u{200f}

EXPERIENCE
Backend Engineer, Example Corp (2019 - 2024)
- Built Python services <img src=x onerror=alert(1)> behind an API
- Ran Kafka pipelines <a href=\"javascript:alert(1)\">click</a> daily
- Tuned PostgreSQL [click here](javascript:alert(1)) queries
- Shipped Docker images <style>@import url(x)</style> <link rel=stylesheet href=x>
- Used Kubernetes\u{1b}[31m coloured\u{7} bell \u{85}next line\u{2028}separator
- Terraform &amp; entity &lt;b&gt; &#x202E; &#60;script&#62; ' onmouseover='x

SKILLS
Python, Kafka, PostgreSQL, Docker, Kubernetes, Terraform <iframe src=x>
";

const HOSTILE_JOB: &str = "\
Backend Engineer <script>alert('job')</script>

Requirements
- 3+ years with Python <img src=x onerror=alert(2)>
- Kafka <a href=\"javascript:alert(3)\">docs</a>
- Rust \u{202e}reversed\u{202c}

Nice to have
- Haskell <details>
";

#[test]
fn hostile_resume_job_and_file_names_render_as_text_in_every_html_format() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("cvs");
    std::fs::create_dir(&folder).unwrap();
    let resume = folder.join("<script>alert(1)<\u{202e}.txt");
    std::fs::write(&resume, HOSTILE_RESUME).unwrap();
    let job = dir.path().join("job <b>.txt");
    std::fs::write(&job, HOSTILE_JOB).unwrap();
    let (r, j, f) = (
        resume.to_str().unwrap(),
        job.to_str().unwrap(),
        folder.to_str().unwrap(),
    );
    let runs: [(&[&str], bool); 5] = [
        (&["score", r, "--format", "html"], false),
        (&["fit", r, "--format", "html"], false),
        (&["score", r, "--jd", j, "--format", "html"], false),
        (&["batch", f, "--format", "html"], true),
        (&["batch", f, "--jd", j, "--format", "html"], true),
    ];
    for (args, script) in runs {
        let (code, page) = skillgap(args);
        assert_eq!(code, 0, "{args:?}");
        assert_self_contained(&page, script);
        assert!(
            page.contains("&lt;script&gt;alert(1)"),
            "{args:?} shows the text"
        );
        if script {
            assert_eq!(
                page.matches("<script>").count(),
                1,
                "only the sorting script"
            );
        }
    }
}

/// Renders the score page of a fixture in headless Chromium (when installed)
/// and checks that a screenshot came out. With `SKILLGAP_SCREENSHOT=1` it is
/// also saved to docs/img/report.png (the README shows it).
#[test]
fn score_html_renders_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let shot = dir.path().join("report.png");
    let (code, _) = skillgap(&[
        "score",
        RESUME,
        "--format",
        "html",
        "--as-of",
        "2026-11",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=900,1500",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
    if std::env::var_os("SKILLGAP_SCREENSHOT").is_some() {
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/img/report.png");
        std::fs::write(out, png).unwrap();
    }
}

/// Clicking a heading of the batch ranking twice sorts by that column,
/// ascending (checked in headless Chromium when installed: a probe script
/// clicks "Years" and writes the row order into the title).
#[test]
fn batch_html_table_sorts_by_a_clicked_column_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
        return;
    }
    let (code, page) = skillgap(&[
        "batch",
        "fixtures/batch/good",
        "--jd",
        JOB,
        "--format",
        "html",
        "--as-of",
        "2026-11",
    ]);
    assert_eq!(code, 0);
    let probe = r#"<script>var b = [].slice.call(document.querySelectorAll("th button")).filter(function (x) { return x.textContent == "Years"; })[0]; b.click(); b.click(); document.title = [].slice.call(document.querySelectorAll("tbody td.file")).map(function (td) { return td.textContent; }).join("|");</script>"#;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.html");
    std::fs::write(&file, page.replace("</body>", &format!("{probe}</body>"))).unwrap();
    let out = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .expect("a title");
    let order: Vec<&str> = title.split('|').collect();
    assert_eq!(
        order,
        [
            "fixtures/batch/good/python-backend-junior.txt",
            "fixtures/batch/good/go-backend-mid-strong.txt",
            "fixtures/batch/good/java-backend-senior-strong.txt",
        ],
        "fewest years first"
    );
}
