//! The look shared by the terminal formatters: the palette, readiness and
//! match bars, the colour and word of a skill's status. Every colour a text
//! formatter writes comes from here; `with_stdout` strips them off a terminal
//! and with `NO_COLOR`.

use anstyle::{AnsiColor, Style};
use skillgap::report::Status;
use skillgap::taxonomy::Suggestion;

pub(crate) const BOLD: Style = Style::new().bold();
pub(crate) const DIM: Style = Style::new().dimmed();
pub(crate) const GREEN: Style = AnsiColor::Green.on_default();
pub(crate) const YELLOW: Style = AnsiColor::Yellow.on_default();
pub(crate) const RED: Style = AnsiColor::Red.on_default();
pub(crate) const CYAN: Style = AnsiColor::Cyan.on_default();

/// What a suggestion says to do, then its source, dimmed, in brackets (when it has one):
/// the `do:` line of a gap and of a learning plan's step.
pub(crate) fn suggestion_line(s: &Suggestion) -> String {
    if s.source.is_empty() {
        s.text.clone()
    } else {
        format!("{} {DIM}[{}]{DIM:#}", s.text, s.source)
    }
}

/// A bar `width` cells wide, filled to `pct` percent: `███░░░`.
pub(crate) fn bar(pct: f64, width: usize) -> String {
    let filled = (((pct / 100.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// The colour of a level's readiness: green when reached, yellow from 50 %, dim below.
pub(crate) fn readiness_style(reached: bool, pct: f64) -> Style {
    if reached {
        GREEN
    } else if pct >= 50.0 {
        YELLOW
    } else {
        DIM
    }
}

/// The colour of a match percentage: green from 75 %, yellow from 50 %, red below.
pub(crate) fn match_style(percent: f64) -> Style {
    if percent >= 75.0 {
        GREEN
    } else if percent >= 50.0 {
        YELLOW
    } else {
        RED
    }
}

/// The colour of a skill's status; `None` (not found) is red like weak.
pub(crate) fn status_style(s: Option<Status>) -> Style {
    match s {
        Some(Status::Evidenced) => GREEN,
        Some(Status::Claimed) => YELLOW,
        Some(Status::Weak) | None => RED,
    }
}

/// The word every format writes for a skill's status.
pub(crate) fn status_word(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Evidenced) => "evidenced",
        Some(Status::Claimed) => "claimed",
        Some(Status::Weak) => "weak",
        None => "not found",
    }
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn a_bar_is_filled_to_the_nearest_cell_and_never_overflows() {
        assert_eq!(bar(50.0, 4), "██░░");
        assert_eq!(bar(0.0, 3), "░░░");
        assert_eq!(bar(140.0, 2), "██");
    }
}
