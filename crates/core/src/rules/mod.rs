//! The rule catalogue and the validator. One module per family of rules; each module declares
//! its [`Rule`]s beside the checks that emit them, with the reasoning for every warning.

pub mod batch;
mod cells;
mod completeness;
mod contradicts;
mod cross_year;
mod deadline;
mod enumeration;
mod excerpt;
pub mod local;
mod narrative;
pub mod repeats;
mod requests;
mod review;
mod shares;
mod text;
pub mod wordlist;
pub mod year_change;
mod year_text;

pub use local::LocalRules;
pub use wordlist::WordList;

pub(crate) use excerpt::{excerpt, CharOffsets};

use crate::diagnostic::{Diagnostic, Rule};
use crate::model::{Report, Tables};

/// Everything the checks look at.
pub(crate) struct Ctx<'a> {
    pub report: &'a Report,
    pub last_year: Option<&'a Report>,
    /// Last year's tables when they may be compared with this year's: from the report given, or
    /// else from the figures carried in this one; `None` when neither is of the year before.
    pub previous: Option<Tables<'a>>,
    pub mode: Mode,
}

/// Last year's tables to compare with, if any fit: a report given beats the carried figures (it
/// is what the user chose just now); either must be of the year before this one, and a given
/// report of the same agency (YEAR-NOT-PREVIOUS says why one is not used).
pub(crate) fn previous<'a>(
    report: &'a Report,
    last_year: Option<&'a Report>,
) -> Option<Tables<'a>> {
    let this_year = report.meta.valid_year()?;
    match (last_year, &report.last_year) {
        (Some(last), _) => {
            let same_agency = report.meta.agency.trim() == last.meta.agency.trim();
            (last.meta.year()?.checked_add(1) == Some(this_year) && same_agency)
                .then(|| last.tables())
        }
        // The year comes from the file as written: any number, so no arithmetic that can overflow.
        (None, Some(carried)) => {
            (carried.year.checked_add(1) == Some(this_year)).then(|| carried.tables())
        }
        (None, None) => None,
    }
}

/// How much the validator says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Everything: files, exports, the command line, and the editor once the user asks for 审核.
    #[default]
    Full,
    /// The editor while a new report is being typed in: as long as a table is mostly empty,
    /// its sums wait until the row or column they add up is filled in, and its empty cells are
    /// shown as progress ("表三已填 40/175") rather than as a warning. Nothing else changes.
    Typing,
}

/// Every rule, in the order `nianbao rules` lists them.
pub fn catalogue() -> Vec<&'static Rule> {
    let mut v = Vec::new();
    v.extend_from_slice(cells::RULES);
    v.extend_from_slice(requests::RULES);
    v.extend_from_slice(review::RULES);
    v.extend_from_slice(completeness::RULES);
    v.extend_from_slice(text::RULES);
    v.extend_from_slice(narrative::RULES);
    v.extend_from_slice(shares::RULES);
    v.extend_from_slice(contradicts::RULES);
    v.extend_from_slice(year_text::RULES);
    v.extend_from_slice(enumeration::RULES);
    v.extend_from_slice(cross_year::RULES);
    v.extend_from_slice(repeats::RULES);
    v.extend_from_slice(year_change::RULES);
    v.extend_from_slice(deadline::RULES);
    v.extend_from_slice(wordlist::RULES);
    v.extend_from_slice(local::RULES);
    v.extend_from_slice(batch::RULES);
    v
}

pub fn rule(code: &str) -> Option<&'static Rule> {
    catalogue().into_iter().find(|r| r.code == code)
}

/// Checks a whole report (and, when given, its consistency with last year's report).
/// Findings come sorted: errors first, then by section and position.
pub fn validate(report: &Report, last_year: Option<&Report>) -> Vec<Diagnostic> {
    validate_in(report, last_year, Mode::Full)
}

/// [`validate`], saying only what [`Mode`] lets through.
pub fn validate_in(report: &Report, last_year: Option<&Report>, mode: Mode) -> Vec<Diagnostic> {
    validate_with(report, last_year, mode, None)
}

/// [`validate_in`], with the 政府办's word list when one is chosen (TEXT-WORDLIST).
pub fn validate_with(
    report: &Report,
    last_year: Option<&Report>,
    mode: Mode,
    words: Option<&WordList>,
) -> Vec<Diagnostic> {
    validate_opts(
        report,
        last_year,
        mode,
        &Options {
            words,
            local: LocalRules::default(),
        },
    )
}

/// What the user chose beyond the national rules: the 政府办's word list and local requirements.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    pub words: Option<&'a WordList>,
    pub local: LocalRules,
}

/// [`validate_in`] with the user's [`Options`].
pub fn validate_opts(
    report: &Report,
    last_year: Option<&Report>,
    mode: Mode,
    opts: &Options,
) -> Vec<Diagnostic> {
    let words = opts.words;
    let ctx = Ctx {
        report,
        last_year,
        previous: previous(report, last_year),
        mode,
    };
    let mut out = Vec::new();
    cells::check(&ctx, &mut out);
    requests::check(&ctx, &mut out);
    review::check(&ctx, &mut out);
    completeness::check(&ctx, &mut out);
    text::check(&ctx, &mut out);
    narrative::check(&ctx, &mut out);
    shares::check(&ctx, &mut out);
    contradicts::check(&ctx, &mut out);
    year_text::check(&ctx, &mut out);
    enumeration::check(&ctx, &mut out);
    cross_year::check(&ctx, &mut out);
    repeats::check(&ctx, &mut out);
    year_change::check(&ctx, &mut out);
    deadline::check(&ctx, &mut out);
    if let Some(words) = words {
        wordlist::check(report, words, &mut out);
    }
    local::check(&ctx, &opts.local, &mut out);
    crate::explain::attach(report, &mut out);
    out.sort_by_key(|d| (d.severity, d.section()));
    out
}

/// Every narrative field with its path, in document order.
pub(crate) fn narrative_fields(r: &Report) -> Vec<(crate::path::FieldPath, &str)> {
    use crate::path::FieldPath;
    let mut v = vec![(FieldPath::Intro, r.overview.intro.as_str())];
    for (k, p) in r.overview.parts() {
        v.push((FieldPath::Part(k), p.text.as_str()));
    }
    v.push((FieldPath::Problems, r.problems.as_str()));
    v.push((FieldPath::Other, r.other.as_str()));
    v
}

/// The rule catalogue as Markdown: the source of `docs/rules.md` (checked for staleness in CI).
pub fn catalogue_markdown() -> String {
    let mut s = String::from(
        "# 审核规则一览\n\n\
         本文件由 `nianbao rules --markdown` 生成，请勿手工修改；规则以代码为准。\n\n\
         | 代码 | 级别 | 含义 | 依据 |\n|---|---|---|---|\n",
    );
    for r in catalogue() {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            r.code,
            r.severity.label(),
            r.meaning.replace('|', "\\|"),
            r.basis.replace('|', "\\|")
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = HashSet::new();
        for r in catalogue() {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert!(!r.meaning.is_empty() && !r.basis.is_empty(), "{}", r.code);
        }
    }
}
