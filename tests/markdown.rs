//! Markdown output is meant for PR comments and CI job summaries: text from a
//! resume, a job or a file name must render as that text and nothing else.
//! A hostile corpus, made here (nothing personal), goes through every Markdown
//! formatter (`score`, `score --jd`, `batch`, `batch --jd`), and the output
//! is checked for raw HTML, links, images, bidi and control characters, and
//! table rows that a line break or a pipe would split.
#![cfg(feature = "cli")]

use std::path::Path;

mod common;

fn skillgap(args: &[&str]) -> (i32, String) {
    common::run(&[args, &["--as-of", "2026-11"]].concat())
}

/// Lines of a resume where each skill sits next to something a renderer could
/// act on.
const HOSTILE_RESUME: &str = "\
Jordan Sample <script>alert(1)</script>
Backend engineer \u{202e}gnp.exe\u{202c} and \u{2066}isolate\u{2069}\u{200f}

EXPERIENCE
Backend Engineer, Example Corp (2019 - 2024)
- Built Python services <img src=x onerror=alert(1)> behind an API
- Ran Kafka pipelines ![beacon](http://beacon.example/p.png) daily
- Tuned PostgreSQL [click here](javascript:alert(1)) queries
- Shipped Docker images <details><summary>open me
- Wrote Go `tools` with ``fences`` and a | pipe and a \\| escaped one
- Cached with Redis <http://autolink.example> and <!-- comment -->
- Used Kubernetes\u{1b}[31m coloured\u{7} bell \u{85}next line\u{2028}separator
- Terraform **bold** _under_ ~~strike~~ &amp; entity &lt;b&gt; &#x202E; &#60;script&#62;

SKILLS
Python, Kafka, PostgreSQL, Docker, Go, Redis, Kubernetes, Terraform <iframe src=x>
";

const HOSTILE_JOB: &str = "\
Backend Engineer <script>alert('job')</script> ![x](http://beacon.example/j.png)

Requirements
- 3+ years with Python <img src=x onerror=alert(2)>
- Kafka [docs](javascript:alert(3))
- Rust \u{202e}reversed\u{202c}
- Elixir `code` | cell

Nice to have
- Haskell <details>
";

/// Code spans removed (their content is literal, whatever it holds).
fn outside_code_spans(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            out.push(chars[i]);
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if chars[i] == '`' {
            let n = chars[i..].iter().take_while(|&&c| c == '`').count();
            // Find a closing run of exactly n backticks.
            let mut j = i + n;
            let mut close = None;
            while j < chars.len() {
                if chars[j] == '`' {
                    let m = chars[j..].iter().take_while(|&&c| c == '`').count();
                    if m == n {
                        close = Some(j + m);
                        break;
                    }
                    j += m;
                } else {
                    j += 1;
                }
            }
            match close {
                Some(end) => {
                    out.push_str("CODE");
                    i = end;
                }
                None => panic!("unclosed code span in {line:?}"),
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Pipes that split a table row (a `\|` does not).
fn columns(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            n += 1;
        }
    }
    n
}

fn assert_safe(md: &str, what: &str) {
    assert!(!md.is_empty(), "{what}: no output");
    for c in md.chars() {
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}'),
            "{what}: bidi control U+{:04X} in\n{md}",
            c as u32
        );
        assert!(
            c == '\n' || !c.is_control() && c != '\u{2028}' && c != '\u{2029}',
            "{what}: control U+{:04X} in\n{md}",
            c as u32
        );
    }
    let mut header_columns = None;
    for line in md.lines() {
        let plain = outside_code_spans(line);
        let chars: Vec<char> = plain.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let escaped = i > 0 && chars[i - 1] == '\\';
            assert!(c != '<', "{what}: raw `<` (HTML or autolink) in {line:?}");
            // An entity other than the two the escape writes could smuggle a character in.
            if c == '&' {
                let rest: String = chars[i..].iter().take(5).collect();
                assert!(
                    rest.starts_with("&lt;") || rest.starts_with("&amp;"),
                    "{what}: raw entity in {line:?}"
                );
            }
            // A link or image needs `](`, `][` or a `]:` definition.
            let next = chars.get(i + 1).copied();
            assert!(
                c != ']' || escaped || !matches!(next, Some('(' | '[' | ':')),
                "{what}: link or image syntax in {line:?}"
            );
        }
        if line.starts_with('|') {
            let n = columns(line);
            match header_columns {
                None => header_columns = Some(n),
                Some(h) => assert_eq!(n, h, "{what}: a row with other columns: {line:?}"),
            }
        } else {
            header_columns = None;
        }
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn hostile_resume_text_renders_as_text_in_every_markdown_report() {
    let dir = tempfile::tempdir().unwrap();
    let cv = write(dir.path(), "cv.txt", HOSTILE_RESUME);
    let job = write(dir.path(), "job.txt", HOSTILE_JOB);

    let (code, md) = skillgap(&["score", &cv, "-f", "markdown", "--explain"]);
    assert_eq!(code, 0, "{md}");
    // The evidence lines are there, as text.
    assert!(md.contains("&lt;img src=x onerror=alert(1)>"), "{md}");
    assert!(
        md.contains("!\\[beacon\\](http://beacon.example/p.png)"),
        "{md}"
    );
    assert_safe(&md, "score");

    let (code, md) = skillgap(&["score", &cv, "--jd", &job, "-f", "markdown", "--explain"]);
    assert_eq!(code, 0, "{md}");
    assert_safe(&md, "score --jd");

    let (code, md) = skillgap(&["batch", dir.path().to_str().unwrap(), "-f", "markdown"]);
    assert_eq!(code, 0, "{md}");
    assert_safe(&md, "batch");

    let (code, md) = skillgap(&[
        "batch", &cv, "--jd", &job, "-f", "markdown", "--level", "mid",
    ]);
    assert_eq!(code, 0, "{md}");
    assert_safe(&md, "batch --jd");
}

/// Regression: a lone CR in a file name broke a Markdown table row, and a name
/// could carry HTML or a bidi override into the report.
#[cfg(unix)]
#[test]
fn hostile_file_names_stay_in_their_cell() {
    let dir = tempfile::tempdir().unwrap();
    let resume = "EXPERIENCE\nEngineer (2019 - 2024)\n- Built Python services on PostgreSQL\n";
    for name in [
        "<img src=x onerror=alert(1)>.txt",
        "cr\rin the name.txt",
        "lf\nin the name.txt",
        "pipe | and ``backticks`.txt",
        "\u{202e}fdp.exe.txt",
        "[x](javascript:alert(1)).txt",
        "plain.txt",
    ] {
        write(dir.path(), name, resume);
    }
    let (code, md) = skillgap(&["batch", dir.path().to_str().unwrap(), "-f", "markdown"]);
    assert_eq!(code, 0, "{md}");
    assert_safe(&md, "batch file names");
    // One row per file.
    let rows = md.lines().filter(|l| l.starts_with("| `")).count();
    assert_eq!(rows, 7, "{md}");
}
