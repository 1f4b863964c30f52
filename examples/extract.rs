//! Extract documents and show what came out: `cargo run --release --example extract -- [--text] FILE...`
//!
//! Prints one line per file (format, pages, characters, which PDF path won on each page,
//! milliseconds, warnings) and with `--text` the text itself.
use std::time::Instant;

use skillgap::extract::{from_path, Limits};

fn main() {
    let mut show_text = false;
    let limits = Limits::default();
    for arg in std::env::args().skip(1) {
        if arg == "--text" {
            show_text = true;
            continue;
        }
        let started = Instant::now();
        let result = from_path(arg.as_ref(), &limits);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(doc) => {
                let paths: Vec<String> = doc.page_paths.iter().map(|p| p.to_string()).collect();
                println!(
                    "{arg}: {} pages={} chars={} paths=[{}] {ms:.1} ms",
                    doc.format,
                    doc.pages.map_or("-".into(), |p| p.to_string()),
                    doc.text.chars().count(),
                    paths.join(","),
                );
                for w in &doc.warnings {
                    println!("  warning: {w}");
                }
                if show_text {
                    println!("{}", doc.text);
                }
            }
            Err(e) => println!("{arg}: error: {e} ({ms:.1} ms)"),
        }
    }
}
