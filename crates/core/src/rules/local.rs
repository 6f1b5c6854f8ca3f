//! Local requirements: what a city or province adds to the national format in its own notice
//! (e.g. 总体情况 at most 1,000 characters). Off by default — the national rules are the default
//! and a report that meets them is not wrong elsewhere — and on only when the user chooses them
//! in the settings (`--overview-max` on the command line).

use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::Section;
use crate::path::FieldPath;

// Warning: the local notice sets the bar, and a reviewer who applies it marks the report down;
// it is not an 错误 because the national format has no such limit.
pub(super) static OVERVIEW_LENGTH: Rule = Rule {
    code: "OVERVIEW-LENGTH",
    severity: Severity::Warning,
    meaning: "本地要求（设置中选用时才检查）：“一、总体情况”的字数超过了本地规定的上限。",
    basis: "部分省市的年报编制通知对总体情况篇幅的要求，例如“总体情况不超过 1000 字”。",
};

pub(super) static RULES: &[&Rule] = &[&OVERVIEW_LENGTH];

/// The local requirements chosen; all off by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalRules {
    /// 总体情况 at most this many characters (OVERVIEW-LENGTH).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview_max_chars: Option<u32>,
}

impl LocalRules {
    pub fn is_off(&self) -> bool {
        self.overview_max_chars.is_none()
    }
}

/// The characters of 一、总体情况 as a local notice counts them: the text of its opening and its
/// five parts, with the parts' own headings, blanks and line breaks left out (they are layout,
/// not words).
pub fn overview_chars(report: &crate::model::Report) -> usize {
    let count = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    count(&report.overview.intro)
        + report
            .overview
            .parts()
            .map(|(_, p)| count(&p.text))
            .sum::<usize>()
}

pub(super) fn check(ctx: &Ctx, local: &LocalRules, out: &mut Vec<Diagnostic>) {
    let Some(max) = local.overview_max_chars else {
        return;
    };
    let n = overview_chars(ctx.report);
    let max = max as usize;
    if n > max {
        out.push(OVERVIEW_LENGTH.diag(
            vec![FieldPath::Section(Section::Overview)],
            format!(
                "“一、总体情况”共 {n} 字，超过本地要求的 {max} 字，多了 {} 字。",
                n - max
            ),
            format!("请把总体情况精简到 {max} 字以内（这是本地要求，可在“设置”中关闭）。"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgencyKind, PartKind, Report};
    use crate::rules::{validate_opts, Mode, Options};

    fn report_with(chars: usize) -> Report {
        let mut r = Report::new("某县某局", AgencyKind::Department, 2025);
        r.apply_at(FieldPath::Intro, "本报告依据条例编制。")
            .expect("edit");
        let body = "公".repeat(chars.saturating_sub(10));
        r.apply_at(FieldPath::Part(PartKind::Active), &format!("{body}\n \n"))
            .expect("edit");
        r
    }

    fn length_findings(r: &Report, local: LocalRules) -> Vec<Diagnostic> {
        let opts = Options { words: None, local };
        validate_opts(r, None, Mode::Full, &opts)
            .into_iter()
            .filter(|d| d.code == "OVERVIEW-LENGTH")
            .collect()
    }

    #[test]
    fn counts_words_not_layout() {
        let r = report_with(1000);
        assert_eq!(overview_chars(&r), 1000);
    }

    #[test]
    fn off_by_default_and_silent_at_the_limit() {
        let r = report_with(1200);
        assert!(length_findings(&r, LocalRules::default()).is_empty());
        let at = report_with(1000);
        let on = LocalRules {
            overview_max_chars: Some(1000),
        };
        assert!(length_findings(&at, on).is_empty());
    }

    #[test]
    fn over_the_limit_says_by_how_much() {
        let r = report_with(1234);
        let d = length_findings(
            &r,
            LocalRules {
                overview_max_chars: Some(1000),
            },
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "“一、总体情况”共 1234 字，超过本地要求的 1000 字，多了 234 字。"
        );
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn a_seed_of_normal_length_passes_a_thousand() {
        let path = format!(
            "{}/../../tests/fixtures/003.nianbao.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).expect("fixture");
        let r = crate::load_report(&bytes).expect("loads");
        let n = overview_chars(&r);
        let tight = LocalRules {
            overview_max_chars: Some(u32::try_from(n).expect("small") - 1),
        };
        assert_eq!(length_findings(&r, tight).len(), 1, "one over is over");
        let loose = LocalRules {
            overview_max_chars: Some(u32::try_from(n).expect("small")),
        };
        assert!(length_findings(&r, loose).is_empty());
    }
}
