//! Prepares at compile time what does not depend on the input (issue 14, start-up).
//!
//! The built-in taxonomy is YAML for its authors; reading 175 KB of YAML cost a
//! cold start more than everything but the matcher. Here it is parsed once, into
//! the library's own types (`src/taxonomy/schema.rs`, included as is), and written
//! to `$OUT_DIR/builtin-taxonomy.json` as compact JSON, which `Taxonomy::builtin`
//! reads several times faster. A syntax or type error in the YAML fails the build
//! with its position; validation stays where it was (the test suite's
//! `builtin_taxonomy_passes_check`), and the test `builtin_json_is_the_yaml`
//! checks that both forms give the same data.
//!
//! No new crates: serde, serde_norway and serde_json are the library's own
//! dependencies.

#[path = "src/taxonomy/schema.rs"]
#[allow(dead_code)]
mod schema;

use std::path::Path;

const BUILTIN: &str = "taxonomy/backend-developer.yaml";

fn main() {
    println!("cargo::rerun-if-changed={BUILTIN}");
    println!("cargo::rerun-if-changed=src/taxonomy/schema.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let yaml = std::fs::read_to_string(BUILTIN).unwrap_or_else(|e| panic!("{BUILTIN}: {e}"));
    let data: schema::TaxonomyFile =
        serde_norway::from_str(&yaml).unwrap_or_else(|e| panic!("{BUILTIN}: {e}"));
    let json = serde_json::to_string(&data).expect("the taxonomy serialises as JSON");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&out).join("builtin-taxonomy.json");
    // Written only when it changed, so that the library is not rebuilt for nothing.
    if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
