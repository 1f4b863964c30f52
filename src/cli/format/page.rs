//! What the HTML formats (`score`, `score --jd`, `batch`) share: the page
//! shell with its inline stylesheet, the text cleaning every resume-derived
//! string goes through, and the SVG bar the charts are drawn with.
//!
//! A page is one self-contained file: the CSS is inline, the charts are inline
//! SVG, and nothing refers to another resource (no fonts, images, scripts or
//! style sheets from anywhere). A `Content-Security-Policy` meta tag says so
//! to the browser as well: even a string that escaped escaping could not
//! fetch anything. Every link is an anchor inside the page.
//!
//! Text is escaped by maud; [`clean`] also drops bidi controls (so text cannot
//! be shown reordered) and shows other control characters as `�`.

use super::escape::push_plain;
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// The stylesheet: system fonts, a narrow-screen layout and a print layout.
const CSS: &str = include_str!("page.css");

/// The policy of every page: nothing from anywhere, inline style only.
const POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/// The policy of a page with an inline script (the batch table's sorting).
const POLICY_SCRIPT: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/// A whole page: `<!DOCTYPE html>`, head (charset, viewport, policy, title,
/// style), the body, and an optional inline script at its end.
pub(crate) fn page(title: &str, body: Markup, script: Option<&'static str>) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(if script.is_some() { POLICY_SCRIPT } else { POLICY });
                meta name="referrer" content="no-referrer";
                meta name="generator" content=(concat!("skillgap ", env!("CARGO_PKG_VERSION")));
                title { (clean(title)) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main { (body) }
                footer {
                    "Made offline by skillgap " (env!("CARGO_PKG_VERSION"))
                    ". This file fetches nothing; it can be printed or saved as is."
                }
                @if let Some(js) = script {
                    script { (PreEscaped(js)) }
                }
            }
        }
    }
    .into_string()
}

/// Text from a resume, a job, a file name or a taxonomy, made safe to show:
/// line breaks and tabs become spaces, bidi controls are dropped, other
/// control characters become `�`. (maud escapes `<`, `>`, `&` and quotes.)
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_plain(&mut out, c);
    }
    out
}

/// An anchor id from a taxonomy id: letters, digits, `-` and `_` kept, every
/// other character as `-`, prefixed so it never starts with a digit.
pub(crate) fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len());
    out.push_str(prefix);
    out.extend(id.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '-'
        }
    }));
    out
}

/// One decimal, as every format writes a percentage.
pub(crate) fn pct(x: f64) -> String {
    format!("{x:.1}%")
}

/// A horizontal bar chart: one row per item, a track, a fill to the
/// percentage, an optional mark (a threshold), the value at the right. The
/// class of a row's fill comes with the item ("ok", "near", "low").
pub(crate) struct Bars<'a> {
    pub(crate) label: &'a str,
    pub(crate) rows: Vec<BarRow>,
    /// A vertical line at this percentage (the level threshold), labelled.
    pub(crate) mark: Option<(f64, String)>,
}

/// One row of [`Bars`].
pub(crate) struct BarRow {
    pub(crate) name: String,
    pub(crate) pct: f64,
    pub(crate) class: &'static str,
    /// Text after the value ("✓ reached", "estimated").
    pub(crate) note: String,
    pub(crate) strong: bool,
}

/// The chart as inline SVG, scaled to its container (`viewBox`).
pub(crate) fn bars(chart: &Bars) -> Markup {
    const ROW: f64 = 30.0;
    // Narrow enough that the labels stay readable when a phone scales it down.
    const LEFT: f64 = 90.0;
    const TRACK: f64 = 250.0;
    const WIDTH: f64 = 470.0;
    let top = if chart.mark.is_some() { 18.0 } else { 4.0 };
    let height = top + ROW * chart.rows.len() as f64 + 4.0;
    html! {
        svg class="chart" viewBox=(format!("0 0 {WIDTH} {height}")) role="img" aria-label=(chart.label) {
            title { (chart.label) }
            @for (i, r) in chart.rows.iter().enumerate() {
                @let y = top + ROW * i as f64;
                @let fill = (r.pct.clamp(0.0, 100.0) / 100.0) * TRACK;
                text x="0" y=(y + 19.0) class=(if r.strong { "name strong" } else { "name" }) { (clean(&r.name)) }
                rect x=(LEFT) y=(y + 6.0) width=(TRACK) height="16" rx="3" class="track" {}
                rect x=(LEFT) y=(y + 6.0) width=(format!("{fill:.1}")) height="16" rx="3" class=(r.class) {}
                text x=(LEFT + TRACK + 8.0) y=(y + 19.0) class="value" { (pct(r.pct)) " " (r.note) }
            }
            @if let Some((at, label)) = &chart.mark {
                @let x = LEFT + (at.clamp(0.0, 100.0) / 100.0) * TRACK;
                line x1=(format!("{x:.1}")) x2=(format!("{x:.1}")) y1="12" y2=(height) class="mark" {}
                text x=(format!("{x:.1}")) y="10" class="mark-label" text-anchor="middle" { (label) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{anchor, clean};

    #[test]
    fn cleaning_drops_bidi_controls_and_shows_other_controls() {
        assert_eq!(clean("a\u{202e}b\u{2066}c"), "abc");
        assert_eq!(clean("x\u{7}y\nz"), "x\u{fffd}y z");
    }

    #[test]
    fn an_anchor_keeps_only_safe_characters() {
        assert_eq!(anchor("skill-", "c#"), "skill-c-");
        assert_eq!(anchor("skill-", "a\"><script>"), "skill-a---script-");
    }
}
