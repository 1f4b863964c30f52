//! `skillgap score`.

use super::args::{MatchArgs, ScoreArgs, ScoreFormat};
use super::{input, load_taxonomy, report_markdown, report_text, with_stdout, Exit, Failure};
use skillgap::{Scorer, Taxonomy};

/// Builds a scorer from the command-line options. `default_as_of` applies when
/// `--as-of` is not given (`None`: the latest date each document mentions).
pub fn build_scorer(
    taxonomy: Taxonomy,
    matching: &MatchArgs,
    level: Option<&str>,
    default_as_of: Option<skillgap::text::YearMonth>,
) -> Result<Scorer, Failure> {
    let mut b = Scorer::builder(taxonomy).fuzzy(!matching.no_fuzzy);
    if let Some(t) = matching.fuzzy_threshold {
        b = b.fuzzy_threshold(t);
    }
    if let Some(month) = matching.as_of.or(default_as_of) {
        b = b.as_of(month);
    }
    if let Some(l) = level {
        b = b.target_level(l);
    }
    b.build().map_err(|e| Failure::usage(e.to_string()))
}

/// The current month (UTC), from the system clock. Only the CLI reads the clock.
pub fn this_month() -> skillgap::text::YearMonth {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil-from-days (Howard Hinnant's algorithm), for the year and month only.
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    skillgap::text::YearMonth::new(year, month).expect("month in 1..=12")
}

pub fn run(args: &ScoreArgs) -> Result<Exit, Failure> {
    let taxonomy = load_taxonomy(args.taxonomy.taxonomy.as_deref())?;
    let scorer = build_scorer(
        taxonomy,
        &args.matching,
        args.level.as_deref(),
        Some(this_month()),
    )?;
    let doc = input::Reader::new(&args.input).read(&args.file)?;
    let source = input::display_name(&args.file);
    if args.explain {
        for w in &doc.warnings {
            eprintln!("skillgap: {source}: {w}");
        }
    }
    let report = scorer.score(&doc.text);
    if let Some(jd) = &args.jd {
        return super::jd::run(args, &scorer, &report, &source, jd);
    }
    with_stdout(args.color, |w| match args.format {
        ScoreFormat::Text => report_text::write(
            w,
            &report,
            &source,
            &report_text::TextOptions {
                explain: args.explain,
                gaps: args.gaps,
            },
        ),
        ScoreFormat::Json => writeln!(w, "{}", report.to_json()),
        ScoreFormat::Markdown => {
            report_markdown::write(w, &report, &source, args.explain, args.gaps)
        }
    })?;
    if let (Some(pct), Some(level)) = (args.fail_under, &args.level) {
        let readiness = report.level(level).map_or(0.0, |l| l.readiness);
        if readiness < pct {
            eprintln!("skillgap: {source}: readiness for {level} is {readiness:.1}%, below --fail-under {pct}");
            return Ok(Exit::Threshold);
        }
    }
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    #[test]
    fn this_month_is_plausible() {
        let m = super::this_month();
        assert!(m.year >= 2024 && (1..=12).contains(&m.month));
    }
}
