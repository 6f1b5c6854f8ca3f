//! 生成汇总: many reports' tables 二, 三 and 四 added into one, by the rules of `nianbao sum`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use nianbao_core::model::AgencyKind;
use nianbao_core::sum::Summer;
use nianbao_core::{validate, Diagnostic, Report, Section, Severity};

use crate::check::read_any;
use crate::collect::collect;
use crate::run::par_map;
use crate::AuditError;

/// What to sum, and whether reports whose tables have 错误 are counted.
#[derive(Clone, Debug)]
pub struct SumOptions {
    pub year: u64,
    /// The summing agency's name and kind, for the new report's title.
    pub agency: String,
    pub kind: AgencyKind,
    /// Count reports whose tables have 错误 (they are listed either way).
    pub include_flagged: bool,
}

/// The summed report and what went into it.
#[derive(Clone, Debug)]
pub struct SumOutcome {
    pub report: Report,
    pub counted: Vec<PathBuf>,
    /// Not counted, with the Chinese reason (unreadable, another year, cells not numbers).
    pub refused: Vec<(PathBuf, String)>,
    /// Had 错误 in tables 二–四: (file, title, error count); counted only if the option said so.
    pub flagged: Vec<(PathBuf, String, usize)>,
    pub flagged_counted: bool,
    /// Empty cells counted as 0: (file, how many).
    pub empties: Vec<(PathBuf, usize)>,
    /// 错误 in the summed report's own tables.
    pub own_table_errors: usize,
}

/// Errors in tables 二, 三 and 四: the ones that make a sum untrustworthy (an empty 五 does not).
pub fn table_errors(diags: &[Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            matches!(
                d.section(),
                Some(Section::Active | Section::Requests | Section::Review)
            )
        })
        .count()
}

/// Sums the reports in `inputs` (files and folders, as [`collect`] finds them).
pub fn sum(
    inputs: &[PathBuf],
    opts: &SumOptions,
    cancel: &AtomicBool,
) -> Result<SumOutcome, AuditError> {
    let (files, problems) = collect(inputs);
    let mut summer = Summer::new(opts.year);
    let mut counted = Vec::new();
    let mut refused: Vec<(PathBuf, String)> = problems;
    let mut flagged = Vec::new();
    let mut empties = Vec::new();
    let read = |path: &Path| {
        read_any(path).map(|(r, _)| {
            let errors = table_errors(&validate(&r, None));
            (r, errors)
        })
    };
    par_map(&files, cancel, read, |i, result| {
        let Some(path) = files.get(i) else { return };
        let (report, errors) = match result {
            Err(e) => return refused.push((path.clone(), format!("无法打开：{e}"))),
            Ok(r) => r,
        };
        if errors > 0 && report.meta.year() == Some(opts.year) {
            // Listed whether counted or not: the user decides with the list in front of them.
            flagged.push((path.clone(), report.title(), errors));
            if !opts.include_flagged {
                return;
            }
        }
        match summer.add(&report) {
            Err(why) => refused.push((path.clone(), why.message())),
            Ok(added) => {
                counted.push(path.clone());
                if added.empty_cells > 0 {
                    empties.push((path.clone(), added.empty_cells));
                }
            }
        }
    })?;
    if summer.count() == 0 {
        refused.extend(
            flagged
                .into_iter()
                .map(|(p, _, n)| (p, format!("表格有 {n} 项错误，按您的选择未计入。"))),
        );
        refused.sort();
        return Err(AuditError::NothingToSum {
            year: opts.year,
            refused,
        });
    }
    counted.sort();
    refused.sort();
    flagged.sort();
    empties.sort();
    let report = summer.finish(&opts.agency, opts.kind);
    let own_table_errors = table_errors(&validate(&report, None));
    Ok(SumOutcome {
        report,
        counted,
        refused,
        flagged,
        flagged_counted: opts.include_flagged,
        empties,
        own_table_errors,
    })
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

impl SumOutcome {
    /// The inputs listed in Chinese, a line each: what the user reads beside the new report.
    pub fn note(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "已汇总 {} 份报告的表二、表三、表四。",
            self.counted.len()
        );
        for p in &self.counted {
            let _ = writeln!(out, "  计入：{}", shown(p));
        }
        out.push_str(&self.details());
        out
    }

    /// What the user must know beyond the count: reports not counted and why, reports with
    /// table 错误, empty cells counted as 0, and the sum's own check.
    pub fn details(&self) -> String {
        let mut out = String::new();
        if !self.refused.is_empty() {
            let _ = writeln!(out, "\n未计入的 {} 份：", self.refused.len());
            for (p, why) in &self.refused {
                let _ = writeln!(out, "  {}：{why}", shown(p));
            }
        }
        if !self.flagged.is_empty() {
            if self.flagged_counted {
                let _ = writeln!(
                    out,
                    "\n已计入但表格本身有错误的 {} 份（汇总结果可能因此不准确，请先核实）：",
                    self.flagged.len()
                );
            } else {
                let _ = writeln!(
                    out,
                    "\n表格有错误、未计入的 {} 份（改正后再汇总）：",
                    self.flagged.len()
                );
            }
            for (p, title, n) in &self.flagged {
                let _ = writeln!(out, "  《{title}》 {}：错误 {n} 项", shown(p));
            }
        }
        if !self.empties.is_empty() {
            let _ = writeln!(out, "\n有空格（按 0 计入）的 {} 份：", self.empties.len());
            for (p, n) in &self.empties {
                let _ = writeln!(out, "  {}：{n} 个空格", shown(p));
            }
        }
        let _ = writeln!(
            out,
            "\n汇总表自身的核对：表格错误 {} 项。正文部分请汇总机关自行撰写。",
            self.own_table_errors
        );
        out
    }
}
