//! Many reports at once: `nianbao check` (审核) and `nianbao sum` (汇总).
//!
//! Reports stream through worker threads: each worker reads, parses and validates one file and
//! sends back only what the caller keeps (a summary, or the report to be added), over a bounded
//! channel, so memory stays flat however many files there are.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressStyle};
use nianbao_core::model::AgencyKind;
use nianbao_core::sum::Summer;
use nianbao_core::{save_report, validate, Diagnostic, Report, Severity, Tally};
use serde::Serialize;

use crate::{io_reason, read_any};

/// Collects report files from files and directories (recursively), in a stable order.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut problems);
        } else {
            files.push(p.clone());
        }
    }
    (files, problems)
}

fn is_report_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".nianbao.json") || crate::is_importable(name)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return problems.push((dir.to_path_buf(), io_reason(&e))),
    };
    let mut found: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    found.sort();
    for p in found {
        if p.is_dir() {
            walk(&p, files, problems);
        } else if is_report_file(&p) {
            files.push(p);
        }
    }
}

/// Runs `work` on every file on all cores; `take` receives results in completion order.
fn par_for_each<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&Path) -> T + Sync,
    mut take: impl FnMut(usize, &Path, T),
) {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (tx, rx) = mpsc::sync_channel::<(usize, T)>(workers * 4);
    std::thread::scope(|s| {
        for _ in 0..workers.min(files.len().max(1)) {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                if tx.send((i, work(path))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            take(i, &files[i], result);
        }
    });
}

fn progress(len: usize, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template(&format!("{what} {{bar:40}} {{pos}}/{{len}} 份（{{eta}}）"))
    {
        bar.set_style(style);
    }
    bar
}

#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
enum CheckResult {
    Checked {
        file: String,
        title: String,
        agency: String,
        tally: Tally,
        /// The most serious findings, worst first (at most three).
        worst: Vec<Worst>,
    },
    Unreadable {
        file: String,
        error: String,
    },
}

#[derive(Serialize)]
struct Worst {
    code: &'static str,
    severity: &'static str,
    location: String,
    message: String,
}

fn summarise(path: &Path, report: &Report, diags: &[Diagnostic]) -> CheckResult {
    CheckResult::Checked {
        file: path.display().to_string(),
        title: report.title(),
        agency: report.meta.agency.clone(),
        tally: Tally::of(diags),
        worst: diags
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .take(3)
            .map(|d| Worst {
                code: d.code,
                severity: d.severity.label(),
                location: d.location(),
                message: d.message.clone(),
            })
            .collect(),
    }
}

pub fn check(paths: &[PathBuf], json: bool) -> ExitCode {
    let (files, problems) = collect_inputs(paths);
    let bar = progress(files.len(), "审核中");
    let mut results: Vec<(usize, CheckResult)> = Vec::with_capacity(files.len());
    par_for_each(
        &files,
        |path| match read_any(path) {
            Ok(report) => summarise(path, &report, &validate(&report, None)),
            Err(error) => CheckResult::Unreadable {
                file: path.display().to_string(),
                error,
            },
        },
        |i, _, r| {
            bar.inc(1);
            results.push((i, r));
        },
    );
    bar.finish_and_clear();
    results.sort_by_key(|(i, _)| *i);
    let mut results: Vec<CheckResult> = results.into_iter().map(|(_, r)| r).collect();
    for (dir, error) in problems {
        results.push(CheckResult::Unreadable {
            file: dir.display().to_string(),
            error,
        });
    }

    let unreadable = results
        .iter()
        .filter(|r| matches!(r, CheckResult::Unreadable { .. }))
        .count();
    let with_errors = results
        .iter()
        .filter(|r| matches!(r, CheckResult::Checked { tally, .. } if tally.errors > 0))
        .count();
    if json {
        match serde_json::to_string_pretty(&results) {
            Ok(s) => crate::output::emit(&format!("{s}\n")),
            Err(e) => eprintln!("无法生成 JSON 输出：{e}"),
        }
    } else {
        crate::output::emit(&check_table(&results, unreadable, with_errors));
    }
    if unreadable > 0 {
        ExitCode::from(crate::EXIT_UNREADABLE)
    } else if with_errors > 0 {
        ExitCode::from(crate::EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn check_table(results: &[CheckResult], unreadable: usize, with_errors: usize) -> String {
    use std::fmt::Write as _;
    let rows: Vec<[String; 4]> = results
        .iter()
        .map(|r| match r {
            CheckResult::Checked {
                agency,
                tally,
                worst,
                file,
                ..
            } => [
                if agency.trim().is_empty() {
                    file.clone()
                } else {
                    agency.clone()
                },
                tally.errors.to_string(),
                tally.warnings.to_string(),
                worst
                    .first()
                    .map(|w| format!("[{}] {}", w.severity, w.message))
                    .unwrap_or_else(|| "—".to_string()),
            ],
            CheckResult::Unreadable { file, error } => [
                file.clone(),
                "—".to_string(),
                "—".to_string(),
                format!("无法打开：{error}"),
            ],
        })
        .collect();
    let rows: Vec<([String; 4], Option<String>)> = rows.into_iter().map(|r| (r, None)).collect();
    let mut out = crate::output::table("", ["机关", "错误", "警告", "最主要的问题"], &rows);
    let checked = results.len() - unreadable;
    let _ = writeln!(
        out,
        "\n共 {} 份：审核 {checked} 份，其中 {with_errors} 份有错误；{unreadable} 份无法打开。",
        results.len()
    );
    out
}

pub struct SumArgs<'a> {
    pub paths: &'a [PathBuf],
    pub output: &'a Path,
    pub agency: &'a str,
    pub kind: AgencyKind,
    pub year: u64,
    pub force: bool,
}

pub fn sum(a: SumArgs) -> ExitCode {
    if a.output.exists() && !a.force {
        eprintln!(
            "文件 {} 已经存在，没有覆盖它。请换一个文件名，或加上 --force 覆盖。",
            a.output.display()
        );
        return ExitCode::from(crate::EXIT_UNREADABLE);
    }
    let (files, problems) = collect_inputs(a.paths);
    let bar = progress(files.len(), "汇总中");
    let mut summer = Summer::new(a.year);
    let mut refused: Vec<(PathBuf, String)> = problems;
    let mut flagged: Vec<(PathBuf, String, usize)> = Vec::new();
    let mut empties: Vec<(PathBuf, usize)> = Vec::new();
    par_for_each(
        &files,
        |path| {
            read_any(path).map(|r| {
                let errors = table_errors(&validate(&r, None));
                (r, errors)
            })
        },
        |_, path, result| {
            bar.inc(1);
            match result {
                Err(e) => refused.push((path.to_path_buf(), format!("无法打开：{e}"))),
                Ok((report, errors)) => match summer.add(&report) {
                    Err(why) => refused.push((path.to_path_buf(), why.message())),
                    Ok(added) => {
                        if errors > 0 {
                            flagged.push((path.to_path_buf(), report.title(), errors));
                        }
                        if added.empty_cells > 0 {
                            empties.push((path.to_path_buf(), added.empty_cells));
                        }
                    }
                },
            }
        },
    );
    bar.finish_and_clear();
    refused.sort();
    flagged.sort();
    empties.sort();

    if summer.count() == 0 {
        eprintln!("没有一份报告可以汇总。");
        for (p, why) in &refused {
            eprintln!("  {}：{why}", p.display());
        }
        return ExitCode::from(crate::EXIT_UNREADABLE);
    }
    let total = summer.finish(a.agency, a.kind);
    if let Err(e) = crate::write_new_file(a.output, &save_report(&total)) {
        eprintln!("无法写入 {}：{e}", a.output.display());
        return ExitCode::from(crate::EXIT_UNREADABLE);
    }

    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "已汇总 {} 份报告的表二、表三、表四，写入 {}。",
        summer.count(),
        a.output.display()
    );
    if !refused.is_empty() {
        let _ = writeln!(out, "\n未计入的 {} 份：", refused.len());
        for (p, why) in &refused {
            let _ = writeln!(out, "  {}：{why}", p.display());
        }
    }
    if !flagged.is_empty() {
        let _ = writeln!(
            out,
            "\n已计入但表格本身有错误的 {} 份（汇总结果可能因此不准确，请先核实）：",
            flagged.len()
        );
        for (p, title, n) in &flagged {
            let _ = writeln!(out, "  《{title}》 {}：错误 {n} 项", p.display());
        }
    }
    if !empties.is_empty() {
        let _ = writeln!(out, "\n有空格（按 0 计入）的 {} 份：", empties.len());
        for (p, n) in &empties {
            let _ = writeln!(out, "  {}：{n} 个空格", p.display());
        }
    }
    let _ = writeln!(
        out,
        "\n汇总表自身的核对：表格错误 {} 项。正文部分请汇总机关自行撰写。",
        table_errors(&validate(&total, None))
    );
    crate::output::emit(&out);
    if refused.is_empty() && flagged.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_FINDINGS)
    }
}

/// Errors in tables 二, 三 and 四: the ones that make a sum untrustworthy (an empty 五 does not).
fn table_errors(diags: &[Diagnostic]) -> usize {
    use nianbao_core::Section;
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
