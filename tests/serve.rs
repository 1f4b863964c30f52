//! `skillgap serve` over real HTTP on loopback: every endpoint and error, the API against
//! the CLI (identical JSON), hostile uploads, and a bounded load test.
//!
//! Each test starts the built binary on an ephemeral port (`--addr 127.0.0.1:0`) and reads
//! the address from its first line on stderr. `SKILLGAP_SERVE_BIN` runs another binary
//! (e.g. `target/release/skillgap` for the load numbers in docs/PERFORMANCE.md).
#![cfg(all(feature = "serve", unix))]

#[path = "adversarial/mod.rs"]
mod adversarial;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

const AS_OF: &str = "2026-11";

fn bin() -> PathBuf {
    std::env::var_os("SKILLGAP_SERVE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_skillgap")))
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// A running server; killed when dropped.
struct Server {
    child: Child,
    addr: String,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(bin())
            .args(["serve", "--addr", "127.0.0.1:0", "--as-of", AS_OF])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start skillgap serve");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines.next().expect("a first line").expect("stderr");
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_string();
        let log = Arc::new(Mutex::new(format!("{first}\n")));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        Server { child, addr, log }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn get(&self, path: &str) -> Answer {
        let resp = agent().get(&self.url(path)).call().expect("GET");
        Answer::from(resp)
    }

    fn post(&self, path: &str, parts: &[Part]) -> Answer {
        let (content_type, body) = multipart(parts);
        let resp = agent()
            .post(&self.url(path))
            .header("Content-Type", &content_type)
            .send(&body[..])
            .expect("POST");
        Answer::from(resp)
    }

    fn healthy(&self) -> bool {
        self.get("/healthz").status == 200
    }

    /// Peak resident memory of the server process, in bytes.
    fn peak_rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One server with the default limits, shared by the tests that do not change them.
fn shared() -> &'static Server {
    static S: OnceLock<Server> = OnceLock::new();
    S.get_or_init(|| Server::start(&["--timeout", "20"]))
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl From<ureq::http::Response<ureq::Body>> for Answer {
    fn from(mut resp: ureq::http::Response<ureq::Body>) -> Answer {
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
            .collect();
        let body = resp
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .expect("body");
        Answer {
            status,
            headers,
            body,
        }
    }
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The error code, checking the error shape.
    fn code(&self) -> String {
        let v = self.json();
        assert!(v["error"].is_string(), "{}", self.body);
        assert_eq!(self.header("content-type"), Some("application/json"));
        v["code"].as_str().expect("code").to_string()
    }
}

/// A multipart part: field name, file name, content.
struct Part {
    field: &'static str,
    file: Option<String>,
    bytes: Vec<u8>,
}

fn file(field: &'static str, path: &Path) -> Part {
    Part {
        field,
        file: Some(path.file_name().unwrap().to_string_lossy().into_owned()),
        bytes: std::fs::read(path).unwrap(),
    }
}

fn named(field: &'static str, name: &str, bytes: impl Into<Vec<u8>>) -> Part {
    Part {
        field,
        file: Some(name.to_string()),
        bytes: bytes.into(),
    }
}

fn text(field: &'static str, value: &str) -> Part {
    Part {
        field,
        file: None,
        bytes: value.as_bytes().to_vec(),
    }
}

fn multipart(parts: &[Part]) -> (String, Vec<u8>) {
    let boundary = "skillgap-test-boundary-7d2f1c";
    let mut body = Vec::new();
    for p in parts {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"",
            p.field
        )
        .unwrap();
        if let Some(f) = &p.file {
            write!(
                body,
                "; filename=\"{f}\"\r\nContent-Type: application/octet-stream"
            )
            .unwrap();
        }
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(&p.bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").unwrap();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The CLI's standard output for `args`, run in `dir`.
fn cli(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(bin())
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run skillgap");
    String::from_utf8(out.stdout).unwrap()
}

/// Sends raw bytes and returns the status line and body of the answer (for requests a
/// client library would not make: a body announced but never sent, one sent slowly).
fn raw(addr: &str, request: &[u8], wait: Duration) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(wait)).unwrap();
    s.write_all(request).unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    // Read until the body is complete (Content-Length) or the server closes.
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
        let text = String::from_utf8_lossy(&answer);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let len = head.lines().find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().parse::<usize>().unwrap_or(0))
            });
            if len.is_some_and(|n| body.len() >= n) {
                break;
            }
        }
    }
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Headers of a multipart POST announcing `len` bytes of body.
fn announce(addr: &str, path: &str, len: usize) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {len}\r\n\r\n"
    )
    .into_bytes()
}

// ---------------------------------------------------------------- endpoints

#[test]
fn healthz_answers_200() {
    let a = shared().get("/healthz");
    assert_eq!(a.status, 200);
    assert_eq!(a.json()["status"], "ok");
}

#[test]
fn openapi_describes_every_route_and_error_code() {
    let a = shared().get("/openapi.json");
    assert_eq!(a.status, 200);
    let v = a.json();
    assert_eq!(v["openapi"], "3.1.0");
    for path in [
        "/",
        "/api/v1/score",
        "/api/v1/fit",
        "/api/v1/batch",
        "/api/v1/taxonomy",
        "/healthz",
        "/openapi.json",
    ] {
        assert!(v["paths"][path].is_object(), "{path} missing");
    }
    let codes = v["components"]["schemas"]["Error"]["properties"]["code"]["enum"]
        .as_array()
        .unwrap();
    for code in [
        "too_large",
        "unsupported_format",
        "encrypted_pdf",
        "busy",
        "deadline",
        "unknown_level",
    ] {
        assert!(codes.iter().any(|c| c == code), "{code} missing");
    }
}

#[test]
fn taxonomy_is_what_taxonomy_list_json_prints() {
    let a = shared().get("/api/v1/taxonomy");
    assert_eq!(a.status, 200);
    let cli = cli(Path::new("."), &["taxonomy", "list", "--format", "json"]);
    assert_eq!(a.body, cli);
}

#[test]
fn the_page_has_the_form_and_every_answer_has_the_security_headers() {
    let a = shared().get("/");
    assert_eq!(a.status, 200);
    assert!(a.header("content-type").unwrap().starts_with("text/html"));
    for needle in [
        r#"enctype="multipart/form-data""#,
        r#"type="file""#,
        r#"name="jd""#,
        r#"<select id="level" name="level">"#,
        r#"value="senior""#,
        "Score my resume</button>",
    ] {
        assert!(a.body.contains(needle), "{needle} not in the page");
    }
    assert!(!a.body.contains("<script"), "the page needs no JavaScript");
    for path in ["/", "/healthz", "/api/v1/taxonomy", "/nowhere"] {
        let a = shared().get(path);
        let csp = a.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(
            !csp.contains("script-src"),
            "{path}: scripts allowed: {csp}"
        );
        assert_eq!(
            a.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(a.header("referrer-policy"), Some("no-referrer"), "{path}");
        assert_eq!(a.header("cache-control"), Some("no-store"), "{path}");
    }
}

#[test]
fn the_form_post_without_javascript_answers_the_page_with_the_result() {
    let a = shared().post(
        "/",
        &[
            file("resume", &fixture("docs/one-column-libreoffice.pdf")),
            text(
                "jd",
                &std::fs::read_to_string(fixture("jobs/mid-java-spring-developer.txt")).unwrap(),
            ),
            text("level", ""),
        ],
    );
    assert_eq!(a.status, 200, "{}", a.body);
    // The HTML report of `score --jd --format html`, then the one of `score --format html`.
    for needle in [
        "Job match",
        "Missing required",
        "Estimated level",
        "Readiness ladder",
        "<svg",
        r#"id="gaps""#,
    ] {
        assert!(a.body.contains(needle), "{needle} not in the answer");
    }
    assert!(
        a.body.find("Job match") < a.body.find("Estimated level"),
        "the match comes first"
    );
    assert!(a.body.contains(r#"<a href="/">← Score another resume</a>"#));
    assert!(!a.body.contains("<script"), "no script in the answer");
}

#[test]
fn the_form_post_shows_an_error_on_the_page_with_its_status() {
    let a = shared().post(
        "/",
        &[file("resume", &fixture("docs/encrypted-user-password.pdf"))],
    );
    assert_eq!(a.status, 422);
    assert!(a.body.contains("PDF is encrypted"), "{}", a.body);
    assert!(a.body.contains(r#"role="alert""#));
}

#[test]
fn resume_derived_strings_are_escaped_on_the_page() {
    let resume = "<script>alert(1)</script>\nEXPERIENCE\nBackend developer (2019 - 2024)\n- Built <b>Java</b> services with Spring Boot\n";
    let job =
        "Title: <img src=x onerror=alert(2)>\nRequirements\n- Java\n- <script>Kafka</script>\n";
    let a = shared().post("/", &[named("resume", "x<y>.txt", resume), text("jd", job)]);
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(!a.body.contains("<script>alert"), "unescaped resume text");
    assert!(!a.body.contains("<img src=x"), "unescaped job text");
}

// ---------------------------------------------------------------- the API is the CLI

#[test]
fn score_json_is_what_the_cli_prints_for_every_fixture_resume() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture("resumes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.extend(
        [
            "docs/one-column-libreoffice.pdf",
            "docs/table-and-bullets.docx",
            "docs/two-column-letter-spaced.pdf",
            "docs/script-style-entities.html",
            "docs/windows-1252.txt",
        ]
        .map(fixture),
    );
    files.sort();
    let server = shared();
    for path in &files {
        let a = server.post("/api/v1/score", &[file("resume", path)]);
        assert_eq!(a.status, 200, "{}: {}", path.display(), a.body);
        let cli = cli(
            Path::new("."),
            &[
                "score",
                path.to_str().unwrap(),
                "--format",
                "json",
                "--as-of",
                AS_OF,
            ],
        );
        assert_eq!(a.body, cli, "{}", path.display());
    }
}

#[test]
fn fit_json_is_what_the_cli_prints() {
    let server = shared();
    for rel in [
        "resumes/frontend-only-react.txt",
        "resumes/mid-java-spring.txt",
        "resumes/non-technical-store-manager.txt",
        "fit/non-software-writer-few-tool-words.txt",
        "docs/one-column-libreoffice.pdf",
    ] {
        let path = fixture(rel);
        let a = server.post("/api/v1/fit", &[file("resume", &path)]);
        assert_eq!(a.status, 200, "{rel}: {}", a.body);
        let cli = cli(
            Path::new("."),
            &[
                "fit",
                path.to_str().unwrap(),
                "--format",
                "json",
                "--as-of",
                AS_OF,
            ],
        );
        assert_eq!(a.body, cli, "{rel}");
    }
    let a = server.post("/api/v1/fit", &[text("level", "senior")]);
    assert_eq!((a.status, a.code()), (400, "missing_resume".to_string()));
}

#[test]
fn the_form_post_ends_with_the_role_ranking() {
    let a = shared().post(
        "/",
        &[file("resume", &fixture("resumes/frontend-only-react.txt"))],
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let report = a.body.find("Readiness ladder").expect("the report");
    let ranking = a
        .body
        .find(r#"<h2 id="roles">Role fit</h2>"#)
        .expect("the ranking");
    assert!(report < ranking, "the ranking ends the report");
    assert!(a.body[ranking..].contains("Frontend Developer"));
    assert_eq!(a.body.matches("<main>").count(), 1);
}

#[test]
fn score_with_a_job_and_a_level_is_what_the_cli_prints() {
    let server = shared();
    let cases = [
        (
            "resumes/mid-java-spring.txt",
            "jobs/mid-java-spring-developer.txt",
            None,
        ),
        (
            "resumes/senior-go-kubernetes.md",
            "jobs/senior-go-platform-engineer.txt",
            Some("lead"),
        ),
        (
            "docs/one-column-libreoffice.pdf",
            "jobs/bold-label-bullets-requirements.md",
            None,
        ),
        (
            "resumes/junior-nodejs-express.txt",
            "jobs/junior-nodejs-developer.txt",
            Some("mid"),
        ),
    ];
    for (resume, job, level) in cases {
        let (resume, job) = (fixture(resume), fixture(job));
        let mut parts = vec![file("resume", &resume), file("jd", &job)];
        let mut args = vec![
            "score",
            resume.to_str().unwrap(),
            "--jd",
            job.to_str().unwrap(),
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ];
        if let Some(level) = level {
            parts.push(text("level", level));
            args.extend(["--level", level]);
        }
        let a = server.post("/api/v1/score", &parts);
        assert_eq!(a.status, 200, "{}", a.body);
        assert_eq!(a.body, cli(Path::new("."), &args), "{}", resume.display());
        // A level alone changes where the gaps lead, as --level does.
        if let Some(level) = level {
            let a = server.post(
                "/api/v1/score",
                &[file("resume", &resume), text("level", level)],
            );
            let cli = cli(
                Path::new("."),
                &[
                    "score",
                    resume.to_str().unwrap(),
                    "--level",
                    level,
                    "--format",
                    "json",
                    "--as-of",
                    AS_OF,
                ],
            );
            assert_eq!(a.body, cli);
            assert_eq!(a.json()["target_level"], level);
        }
    }
}

#[test]
fn a_job_pasted_as_text_matches_like_the_job_file() {
    let job = fixture("jobs/staff-lead-backend-engineer.txt");
    let resume = fixture("resumes/lead-python-migrations.txt");
    let server = shared();
    let as_file = server.post(
        "/api/v1/score",
        &[file("resume", &resume), file("jd", &job)],
    );
    let as_text = server.post(
        "/api/v1/score",
        &[
            file("resume", &resume),
            text("jd", &std::fs::read_to_string(&job).unwrap()),
        ],
    );
    assert_eq!(as_file.status, 200);
    assert_eq!(as_file.body, as_text.body);
}

#[test]
fn batch_json_is_what_the_cli_prints_for_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "batch/good/java-backend-senior-strong.txt",
        "batch/good/python-backend-junior.txt",
        "batch/unreadable/encrypted.pdf",
        "batch/weak/sales-executive.txt",
        "docs/table-and-bullets.docx",
        "resumes/senior-go-kubernetes.md",
    ];
    let mut parts = Vec::new();
    // Uploaded out of order: the answer is in path order, as the CLI's.
    for rel in names.iter().rev() {
        let src = fixture(rel);
        std::fs::copy(&src, dir.path().join(src.file_name().unwrap())).unwrap();
        parts.push(file("resume", &src));
    }
    let files: Vec<String> = names
        .iter()
        .map(|n| {
            Path::new(n)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut args: Vec<&str> = vec!["batch", "--format", "json", "--as-of", AS_OF];
    args.extend(files.iter().map(String::as_str));
    let a = shared().post("/api/v1/batch", &parts);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body, cli(dir.path(), &args));
    assert_eq!(a.json()["summary"]["unreadable"], 1);

    // With a job: ranked by match, the job named by its file name.
    std::fs::copy(
        fixture("jobs/mid-java-spring-developer.txt"),
        dir.path().join("job.txt"),
    )
    .unwrap();
    parts.push(named(
        "jd",
        "job.txt",
        std::fs::read(fixture("jobs/mid-java-spring-developer.txt")).unwrap(),
    ));
    args.extend(["--jd", "job.txt"]);
    let a = shared().post("/api/v1/batch", &parts);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body, cli(dir.path(), &args));
    let v = a.json();
    assert_eq!(v["job"]["path"], "job.txt");
    let first = v["files"][0]["job_match"]["percent"].as_f64().unwrap();
    let second = v["files"][1]["job_match"]["percent"].as_f64().unwrap();
    assert!(first >= second, "ranked by match");
}

// ---------------------------------------------------------------- errors

#[test]
fn bad_fields_are_400_with_a_code() {
    let s = shared();
    let resume = || file("resume", &fixture("resumes/mid-java-spring.txt"));
    let cases: Vec<(&str, Vec<Part>, &str)> = vec![
        (
            "/api/v1/score",
            vec![text("jd", "Requirements\n- Java\n")],
            "missing_resume",
        ),
        (
            "/api/v1/batch",
            vec![text("level", "mid")],
            "missing_resume",
        ),
        (
            "/api/v1/score",
            vec![resume(), text("resumee", "x")],
            "unknown_field",
        ),
        (
            "/api/v1/score",
            vec![resume(), text("level", "seinor")],
            "unknown_level",
        ),
        (
            "/api/v1/batch",
            vec![resume(), text("level", "seinor")],
            "unknown_level",
        ),
        (
            "/api/v1/score",
            vec![resume(), text("level", "mid"), text("level", "senior")],
            "repeated_field",
        ),
        ("/api/v1/score", vec![resume(), resume()], "several_resumes"),
        (
            "/api/v1/score",
            vec![resume(), named("level", "l", vec![0xff, 0xfe])],
            "bad_level",
        ),
    ];
    for (path, parts, code) in cases {
        let a = s.post(path, &parts);
        assert_eq!(
            (a.status, a.code()),
            (400, code.to_string()),
            "{path}: {}",
            a.body
        );
    }
    let a = s.post("/api/v1/score", &[resume(), text("level", "seinor")]);
    assert!(a.json()["error"]
        .as_str()
        .unwrap()
        .contains("did you mean `senior`"));
}

#[test]
fn a_body_that_is_not_multipart_is_415_and_a_broken_one_400() {
    let s = shared();
    let a: Answer = agent()
        .post(&s.url("/api/v1/score"))
        .header("Content-Type", "application/json")
        .send("{\"resume\": \"Java\"}")
        .unwrap()
        .into();
    assert_eq!((a.status, a.code()), (415, "not_multipart".to_string()));
    let a: Answer = agent()
        .post(&s.url("/api/v1/score"))
        .header("Content-Type", "multipart/form-data; boundary=xyz")
        .send("--xyz\r\nContent-Disposition: form-data; name=\"resume\"\r\n\r\nJava, with no end")
        .unwrap()
        .into();
    assert_eq!(
        (a.status, a.code()),
        (400, "bad_multipart".to_string()),
        "{}",
        a.body
    );
}

#[test]
fn unknown_paths_are_404_and_wrong_methods_405_as_json() {
    let a = shared().get("/api/v2/score");
    assert_eq!((a.status, a.code()), (404, "not_found".to_string()));
    let a = shared().get("/api/v1/score");
    assert_eq!(
        (a.status, a.code()),
        (405, "method_not_allowed".to_string())
    );
}

#[test]
fn unreadable_documents_are_415_or_422_with_the_cli_cause() {
    let s = shared();
    let cases = [
        ("docs/random-bytes.pdf", 415, "unsupported_format"),
        ("docs/opendocument-not-docx.odt", 415, "unsupported_format"),
        ("docs/encrypted-user-password.pdf", 422, "encrypted_pdf"),
        ("docs/truncated-half.pdf", 422, "corrupt"),
        ("docs/scanned-image-only.pdf", 422, "scanned_pdf"),
        ("docs/zero-bytes.pdf", 422, "empty"),
    ];
    for (rel, status, code) in cases {
        let a = s.post("/api/v1/score", &[file("resume", &fixture(rel))]);
        assert_eq!(
            (a.status, a.code()),
            (status, code.to_string()),
            "{rel}: {}",
            a.body
        );
        assert!(a.json()["error"].as_str().unwrap().starts_with("resume: "));
    }
    let a = s.post(
        "/api/v1/score",
        &[
            file("resume", &fixture("resumes/mid-java-spring.txt")),
            file("jd", &fixture("docs/encrypted-user-password.pdf")),
        ],
    );
    assert_eq!((a.status, a.code()), (422, "encrypted_pdf".to_string()));
    assert!(a.json()["error"].as_str().unwrap().starts_with("jd: "));
}

#[test]
fn size_limits_are_413() {
    let s = Server::start(&[
        "--max-file-size",
        "64K",
        "--max-body",
        "1MiB",
        "--max-files",
        "2",
    ]);
    let big = vec![b'a'; 100 * 1024];
    let a = s.post("/api/v1/score", &[named("resume", "big.txt", big.clone())]);
    assert_eq!(
        (a.status, a.code()),
        (413, "too_large".to_string()),
        "{}",
        a.body
    );
    let a = s.post(
        "/api/v1/score",
        &[
            file("resume", &fixture("resumes/mid-java-spring.txt")),
            named("jd", "job.txt", big),
        ],
    );
    assert_eq!((a.status, a.code()), (413, "too_large".to_string()));
    let resume = || file("resume", &fixture("resumes/mid-java-spring.txt"));
    let a = s.post("/api/v1/batch", &[resume(), resume(), resume()]);
    assert_eq!((a.status, a.code()), (413, "too_many_files".to_string()));
    // A body announced over --max-body is refused before it is sent.
    let (status, body) = raw(
        &s.addr,
        &announce(&s.addr, "/api/v1/score", 50 << 20),
        Duration::from_secs(10),
    );
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("\"too_large\""), "{body}");
    assert!(s.healthy());
}

#[test]
fn a_full_queue_is_503_at_once_and_a_late_request_503_at_the_deadline() {
    let s = Server::start(&[
        "--concurrency",
        "1",
        "--queue",
        "0",
        "--request-timeout",
        "2",
    ]);
    // A client that announces a body and sends half of it holds the only slot.
    let mut holder = TcpStream::connect(&s.addr).unwrap();
    holder
        .write_all(&announce(&s.addr, "/api/v1/score", 1000))
        .unwrap();
    holder.write_all(b"--b\r\nContent-Disposition: form-data; name=\"resume\"; filename=\"a.txt\"\r\n\r\nJava").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let a = s.post(
        "/api/v1/score",
        &[file("resume", &fixture("resumes/mid-java-spring.txt"))],
    );
    assert_eq!(
        (a.status, a.code()),
        (503, "busy".to_string()),
        "{}",
        a.body
    );
    assert!(started.elapsed() < Duration::from_secs(1), "not at once");
    assert_eq!(a.header("retry-after"), Some("5"));
    // Health is never queued.
    assert!(s.healthy());
    // The slow client itself gets 503 at the deadline.
    holder
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = String::new();
    let _ = holder.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("\"deadline\""), "{answer}");
    // Then the slot is free again.
    let a = s.post(
        "/api/v1/score",
        &[file("resume", &fixture("resumes/mid-java-spring.txt"))],
    );
    assert_eq!(a.status, 200, "{}", a.body);
}

// ---------------------------------------------------------------- hostile uploads

/// A DOCX whose document.xml inflates to 16 MiB of spaces from a few KiB (a ratio far over
/// the zip-bomb guard's).
fn zip_bomb_docx() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", opts).unwrap();
    z.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    z.start_file("word/document.xml", opts).unwrap();
    z.write_all(br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..16 {
        z.write_all(&spaces).unwrap();
    }
    z.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    z.finish().unwrap();
    buf.into_inner()
}

#[test]
fn hostile_uploads_each_get_a_4xx_within_the_deadline_and_the_server_stays_healthy() {
    let s = Server::start(&["--timeout", "10", "--max-file-size", "4MiB"]);
    let deadline = Duration::from_secs(15);
    let mut pdf_header_garbage = b"%PDF-1.7\n".to_vec();
    pdf_header_garbage.extend((0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("malformed.pdf", pdf_header_garbage, 422),
        (
            "truncated.pdf",
            std::fs::read(fixture("docs/truncated-half.pdf")).unwrap(),
            422,
        ),
        (
            "encrypted.pdf",
            std::fs::read(fixture("docs/encrypted-user-password.pdf")).unwrap(),
            422,
        ),
        ("bomb.docx", zip_bomb_docx(), 422),
        (
            "huge.txt",
            adversarial::fill("Java ", 5 << 20).into_bytes(),
            413,
        ),
        (
            "nul.txt",
            b"Java\0\0\0\0\0\0\0\0Kubernetes\0\0\0\0".repeat(1000),
            415,
        ),
    ];
    for (name, bytes, status) in cases {
        let started = Instant::now();
        let a = s.post("/api/v1/score", &[named("resume", name, bytes)]);
        let took = started.elapsed();
        assert_eq!(a.status, status, "{name}: {}", a.body);
        a.code();
        assert!(took < deadline, "{name} took {took:?}");
        assert!(s.healthy(), "unhealthy after {name}");
    }
    // Pathological text within the limits is either scored or refused, in time, never a 5xx.
    for (shape, text) in adversarial::shapes(256 * 1024) {
        let started = Instant::now();
        let a = s.post("/api/v1/score", &[named("resume", "shape.txt", text)]);
        let took = started.elapsed();
        assert!(a.status < 500, "{shape}: {} {}", a.status, a.body);
        assert!(took < deadline, "{shape} took {took:?}");
        assert!(s.healthy(), "unhealthy after {shape}");
    }
}

// ---------------------------------------------------------------- privacy

#[test]
fn the_log_has_method_path_status_and_timing_only() {
    let s = Server::start(&[]);
    let secret = "Zephyrine Quillfeather";
    let a = s.post(
        "/api/v1/score",
        &[named(
            "resume",
            "zephyrine-quillfeather.txt",
            format!("{secret}\nSKILLS\nJava, PostgreSQL\n"),
        )],
    );
    assert_eq!(a.status, 200);
    let _ = s.get("/healthz?token=abc");
    std::thread::sleep(Duration::from_millis(200));
    let log = s.log.lock().unwrap().clone();
    assert!(
        !log.contains("Zephyrine") && !log.to_lowercase().contains("quillfeather"),
        "{log}"
    );
    assert!(
        !log.contains("token"),
        "the query string is not logged: {log}"
    );
    let line = log
        .lines()
        .find(|l| l.starts_with("POST "))
        .expect("a POST line");
    let fields: Vec<&str> = line.split(' ').collect();
    assert_eq!(fields[..3], ["POST", "/api/v1/score", "200"], "{line}");
    assert!(fields[3].ends_with("ms") && fields.len() == 4, "{line}");
}

#[test]
fn a_non_loopback_address_is_warned_about() {
    let mut child = Command::new(bin())
        .args(["serve", "--addr", "0.0.0.0:0"])
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let _listening = lines.next();
    let warning = lines.next().and_then(Result::ok).unwrap_or_default();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        warning.contains("warning") && warning.contains("personal data"),
        "{warning}"
    );
}

// ---------------------------------------------------------------- load

/// 200 requests, 16 at a time, on loopback: all succeed, server RSS stays under 300 MB.
/// Prints p50/p99 (docs/PERFORMANCE.md has the release numbers).
#[test]
fn two_hundred_requests_sixteen_at_a_time_all_succeed_in_bounded_memory() {
    let s = Arc::new(Server::start(&[]));
    let inputs: Arc<Vec<(String, Vec<u8>)>> = Arc::new(
        [
            "resumes/mid-java-spring.txt",
            "resumes/senior-go-kubernetes.md",
            "resumes/senior-java-long-cv-4-pages.txt",
            "docs/one-column-libreoffice.pdf",
            "docs/table-and-bullets.docx",
        ]
        .iter()
        .map(|r| {
            let p = fixture(r);
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(p).unwrap(),
            )
        })
        .collect(),
    );
    let job = std::fs::read_to_string(fixture("jobs/mid-java-spring-developer.txt")).unwrap();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..16)
        .map(|_| {
            let (s, inputs, next, job) = (
                Arc::clone(&s),
                Arc::clone(&inputs),
                Arc::clone(&next),
                job.clone(),
            );
            std::thread::spawn(move || {
                let mut times = Vec::new();
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= 200 {
                        return times;
                    }
                    let (name, bytes) = &inputs[i % inputs.len()];
                    let mut parts = vec![named("resume", name, bytes.clone())];
                    if i % 2 == 0 {
                        parts.push(text("jd", &job));
                    }
                    let t = Instant::now();
                    let a = s.post("/api/v1/score", &parts);
                    assert_eq!(a.status, 200, "request {i}: {}", a.body);
                    times.push(t.elapsed());
                }
            })
        })
        .collect();
    let mut times: Vec<Duration> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let wall = started.elapsed();
    times.sort();
    assert_eq!(times.len(), 200);
    let rss = s.peak_rss();
    eprintln!(
        "load: 200 requests, 16 at a time: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {:.1} req/s, server peak RSS {:.1} MiB",
        times[99].as_secs_f64() * 1000.0,
        times[197].as_secs_f64() * 1000.0,
        times[199].as_secs_f64() * 1000.0,
        200.0 / wall.as_secs_f64(),
        rss as f64 / (1024.0 * 1024.0)
    );
    assert!(
        rss > 0 && rss <= 300 * 1024 * 1024,
        "server peak RSS {rss} bytes"
    );
    assert!(s.healthy());
}
