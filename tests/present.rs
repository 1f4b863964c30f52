//! "Present" means one month everywhere: this month unless `--as-of` (library:
//! `as_of`) says otherwise, in the CLI and the library alike.
#![cfg(feature = "cli")]

use skillgap::YearMonth;
use skillgap::{Scorer, Taxonomy};

mod common;

const RESUME: &str = "fixtures/resumes/mid-java-spring.txt";

fn cli_json(extra: &[&str]) -> String {
    let args = [&["score", RESUME, "--format", "json", "--pretty"], extra].concat();
    String::from_utf8(common::stdout_of(&args)).unwrap()
}

#[test]
fn score_without_as_of_is_score_as_of_this_month_and_the_library_agrees() {
    let now = YearMonth::now();
    let plain = cli_json(&[]);
    let explicit = cli_json(&["--as-of", &now.to_string()]);
    if YearMonth::now() != now {
        eprintln!("skipped: the month changed while the test ran");
        return;
    }
    assert_eq!(plain, explicit);
    let text = std::fs::read_to_string(format!("{}/{RESUME}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let library = Scorer::new(Taxonomy::builtin()).score(&text).to_json();
    assert_eq!(plain.trim_end(), library.trim_end());
    assert!(plain.contains(&format!("\"year\": {}", now.year)));
}
