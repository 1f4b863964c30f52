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
