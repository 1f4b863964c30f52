//! Adversarial input shapes for scoring, shared by `tests/linearity.rs` and
//! the `linearity_*` benchmarks in `benches/score.rs` (which include this file
//! by path), so the test and the benchmark measure the same inputs.
#![allow(dead_code)]

/// `unit` repeated to `len` bytes (cut on a char boundary).
pub fn fill(unit: &str, len: usize) -> String {
    let mut s = unit.repeat(len / unit.len() + 1);
    s.truncate(len);
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

/// Prose without headings: technical and ordinary words, twelve to a line.
pub fn prose(len: usize) -> String {
    const WORDS: &[&str] = &[
        "built",
        "Java",
        "the",
        "Kubernetes",
        "service",
        "with",
        "PostgreSQL",
        "for",
        "our",
        "Docker",
        "team",
        "Kafka",
        "and",
        "Redis",
        "data",
        "pipelines",
        "Terraform",
        "on",
        "AWS",
        "to",
        "scale",
    ];
    let mut s = String::new();
    let mut i = 0usize;
    while s.len() < len {
        for w in 0..12 {
            s.push_str(WORDS[(i * 7 + w * 3) % WORDS.len()]);
            s.push(if w == 11 { '\n' } else { ' ' });
        }
        i += 1;
    }
    s.truncate(len);
    s
}

/// The adversarial shapes, by name, at about `len` bytes.
pub fn shapes(len: usize) -> Vec<(&'static str, String)> {
    vec![
        ("one huge line", fill("Java ", len)),
        ("many tiny lines", fill("Java\n", len)),
        (
            "one skill repeated",
            fill(
                "Built and operated services in Java with Kubernetes and PostgreSQL.\n",
                len,
            ),
        ),
        ("prose without headings", prose(len)),
        (
            "negation before a huge clause",
            format!("No experience with {}", fill("Java Kubernetes (", len)),
        ),
        (
            "misspellings on one line",
            fill("Kubernets Postgress Java Dokcer ", len),
        ),
        (
            "a date range on every line",
            fill("Jan 2020 - Mar 2021 Java developer\n", len),
        ),
    ]
}
