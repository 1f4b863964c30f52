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
pub(crate) mod plan;
pub(crate) mod score;
pub(crate) mod style;
pub(crate) mod taxonomy;

/// Writes `value` as JSON followed by a newline: indented when `pretty`, otherwise on one
/// line. The JSON is made in one buffer and written at once: serde writes it a few bytes at a
/// time, which through the writer's colour stripping cost more than the buffer.
pub(crate) fn write_json(
    w: &mut dyn std::io::Write,
    value: &impl serde::Serialize,
    pretty: bool,
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(32 * 1024);
    if pretty {
        serde_json::to_writer_pretty(&mut buf, value)
    } else {
        serde_json::to_writer(&mut buf, value)
    }
    .map_err(std::io::Error::from)?;
    buf.push(b'\n');
    w.write_all(&buf)
}
