//! Output formatting: one module per command, one file per output format
//! (`format/<command>/<format>.rs`), over the values the commands compute.
//! The HTML formats share [`page`] (page shell, stylesheet, text cleaning, SVG bars).
//! What several formatters share lives once: [`style`] (palette, bars,
//! status colours and words for the terminal) and [`escape`] (Markdown
//! escaping). Widths and wrapping are [`crate::cli::width`].

pub(crate) mod batch;
pub(crate) mod escape;
pub(crate) mod eval;
pub(crate) mod fit;
pub(crate) mod jd;
pub(crate) mod page;
pub(crate) mod score;
pub(crate) mod style;
pub(crate) mod taxonomy;

/// Writes `value` as JSON followed by a newline, straight into `w` (no
/// intermediate string): indented when `pretty`, otherwise on one line.
pub(crate) fn write_json(
    w: &mut dyn std::io::Write,
    value: &impl serde::Serialize,
    pretty: bool,
) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *w, value)
    } else {
        serde_json::to_writer(&mut *w, value)
    }
    .map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}
