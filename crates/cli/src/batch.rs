//! Many reports at once: `nianbao check` (审核) and `nianbao sum` (汇总), on the engine the
//! editor's 批量审核 desk uses (`nianbao-audit`), so the terminal and the window agree.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressStyle};
use nianbao_audit::{workbook, Counts, FileEntry, Outcome, Row, SumOptions};
use nianbao_core::model::AgencyKind;
use nianbao_core::{save_report, Severity, Tally};
use serde::Serialize;

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

/// One file in `--json` output (the shape scripts already read, with the desk's view added).
#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
enum CheckResult<'a> {
    Checked {
        file: String,
        title: String,
        agency: String,
        tally: Tally,
        /// The most serious findings, worst first (at most three).
        worst: Vec<Worst>,
        /// 已改正 / 仍存在 / 新出现 / 已说明 against the earlier check (all 新出现 without one).
        counts: Counts,
        /// The file and every finding with its fingerprint and status: what `--since` reads.
        desk: Option<&'a FileEntry>,
    },
    Unreadable {
        file: String,
        error: String,
        desk: Option<&'a FileEntry>,
    },
}

#[derive(Serialize)]
struct Worst {
    code: &'static str,
    severity: &'static str,
    location: String,
    message: String,
}

fn result_of<'a>(row: &Row, desk: Option<&'a FileEntry>) -> CheckResult<'a> {
    let file = row.file.display().to_string();
    match &row.outcome {
        Outcome::Checked {
            agency,
            title,
            tally,
            findings,
            ..
        } => CheckResult::Checked {
            file,
            title: title.clone(),
            agency: agency.clone(),
            tally: *tally,
            worst: findings
                .iter()
                .filter(|f| f.severity != Severity::Info)
                .take(3)
                .map(|f| Worst {
                    code: f.code,
                    severity: f.severity.label(),
                    location: f.location.clone(),
                    message: f.message.clone(),
                })
                .collect(),
            counts: desk.map(Counts::of).unwrap_or_default(),
            desk,
        },
        Outcome::Unreadable { reason } => CheckResult::Unreadable {
            file,
            error: reason.clone(),
            desk,
        },
    }
}

/// Where `nianbao check` writes its 审核表, besides the terminal.
pub struct Sheets<'a> {
    pub xlsx: Option<&'a Path>,
    pub csv: Option<&'a Path>,
    pub force: bool,
}

impl Sheets<'_> {
    fn targets(&self) -> Vec<PathBuf> {
        let mut t: Vec<PathBuf> = self.xlsx.map(Path::to_path_buf).into_iter().collect();
        if let Some(csv) = self.csv {
            t.push(csv.to_path_buf());
            t.push(workbook::findings_csv_path(csv));
        }
        t
    }

    /// Refused before any work, so that an hour's check never ends in "file exists".
    fn refuse_overwrite(&self) -> Result<(), String> {
        if self.force {
            return Ok(());
        }
        match self.targets().into_iter().find(|p| p.exists()) {
            Some(p) => Err(format!(
                "文件 {} 已经存在，没有覆盖它。请换一个文件名，或加上 --force 覆盖。",
                p.display()
            )),
            None => Ok(()),
        }
    }

    fn write(&self, rows: &[Row]) -> Result<Vec<PathBuf>, String> {
        let mut written = Vec::new();
        if let Some(path) = self.xlsx {
            let bytes = workbook::xlsx(rows).map_err(|e| e.to_string())?;
            crate::write_new_file(path, &bytes)
                .map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
            written.push(path.to_path_buf());
        }
        if let Some(path) = self.csv {
            let details = workbook::findings_csv_path(path);
            for (p, text) in [
                (path.to_path_buf(), workbook::reports_csv(rows)),
                (details, workbook::findings_csv(rows)),
            ] {
                crate::write_new_file(&p, text.as_bytes())
                    .map_err(|e| format!("无法写入 {}：{e}", p.display()))?;
                written.push(p);
            }
        }
        Ok(written)
    }
}

pub fn check(
    paths: &[PathBuf],
    json: bool,
    sheets: &Sheets,
    desk: &crate::desk_cmd::DeskArgs,
) -> ExitCode {
    use crate::desk_cmd;
    if let Err(why) = sheets
        .refuse_overwrite()
        .and_then(|()| desk_cmd::refuse_early(desk, paths))
    {
        eprintln!("{why}");
        return ExitCode::from(crate::EXIT_UNREADABLE);
    }
    let folder = desk_cmd::folder_of(paths);
    // Read before the long part: a --since file that cannot be read is said at once.
    let (old, old_usable) = match desk_cmd::old_state(desk, folder) {
        Ok(s) => s,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::from(crate::EXIT_UNREADABLE);
        }
    };
    let (files, problems) = nianbao_audit::collect(paths);
    let bar = progress(files.len(), "审核中");
    let mut slots: Vec<Option<Row>> = vec![None; files.len()];
    // Nothing cancels a terminal run but Ctrl-C, which ends the process.
    let never = AtomicBool::new(false);
    let finished = nianbao_audit::run(&files, &never, |i, row| {
        bar.inc(1);
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(row);
        }
    });
    bar.finish_and_clear();
    let mut rows: Vec<Row> = slots
        .into_iter()
        .zip(&files)
        .map(|(row, file)| {
            row.unwrap_or_else(|| Row::unreadable(file.clone(), "没有审核完：程序中途出了错。"))
        })
        .collect();
    if finished.is_err() {
        eprintln!("审核没有全部完成，没有结果的文件已标为无法打开。");
    }
    rows.extend(
        problems
            .into_iter()
            .map(|(dir, reason)| Row::unreadable(dir, reason)),
    );

    let unreadable = rows
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Unreadable { .. }))
        .count();
    let with_errors = rows
        .iter()
        .filter_map(Row::tally)
        .filter(|t| t.errors > 0)
        .count();
    let names = desk_cmd::names(&rows, folder);
    // The 本级汇总: named now, or remembered by the desk.
    let own_name = desk
        .own
        .map(|p| desk_cmd::names(&[Row::unreadable(p.to_path_buf(), "")], folder).remove(0))
        .or_else(|| old.own.clone());
    let across = match desk_cmd::across(&mut rows, &names, own_name.as_deref(), desk.own_office) {
        Ok(a) => a,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::from(crate::EXIT_UNREADABLE);
        }
    };
    let (mut state, changes) = desk_cmd::compare(&old, &rows, &names);
    if desk.own.is_some() {
        state.own = own_name.clone();
    }
    if let Some(office) = desk.own_office {
        state.own_office =
            Some(desk_cmd::names(&[Row::unreadable(office.to_path_buf(), "")], folder).remove(0));
    }
    if json {
        let results: Vec<CheckResult> = rows
            .iter()
            .zip(&names)
            .map(|(r, n)| result_of(r, state.file(n)))
            .collect();
        match serde_json::to_string_pretty(&results) {
            Ok(s) => crate::output::emit(&format!("{s}\n")),
            Err(e) => eprintln!("无法生成 JSON 输出：{e}"),
        }
        if desk.since.is_some() {
            // On stderr, so that stdout stays one JSON document.
            eprint!("{}", desk_cmd::changes_in_words(&changes));
        }
    } else {
        let mut out = check_table(&rows, unreadable, with_errors);
        out.push_str(&desk_cmd::across_in_words(&across));
        if desk.since.is_some() || (desk.keep && !old.files.is_empty()) {
            out.push_str(&desk_cmd::changes_in_words(&changes));
        }
        crate::output::emit(&out);
    }
    if let (true, true, Some(folder)) = (desk.keep, old_usable, folder) {
        match desk_cmd::save_state(folder, &state) {
            Ok(()) => eprintln!(
                "已更新审核台记录：{}",
                folder.join(nianbao_audit::DESK_FILE).display()
            ),
            Err(why) => {
                eprintln!("{why}");
                return ExitCode::from(crate::EXIT_UNREADABLE);
            }
        }
    }
    if let Some(dir) = desk.issues_dir {
        let lists = desk_cmd::lists(&rows, &names, &state);
        match desk_cmd::write_issues(dir, &rows, &lists, desk.force) {
            Ok(written) => {
                eprintln!(
                    "已写入问题清单 {} 份和汇总表 {}：{}",
                    lists.len(),
                    desk_cmd::SUMMARY_NAME,
                    dir.display()
                );
                for p in written {
                    eprintln!("  {}", p.display());
                }
            }
            Err(why) => {
                eprintln!("{why}");
                return ExitCode::from(crate::EXIT_UNREADABLE);
            }
        }
    }
    match sheets.write(&rows) {
        Ok(written) => {
            for p in written {
                // On stderr under --json, so that stdout stays one JSON document.
                eprintln!("已写入审核表：{}", p.display());
            }
        }
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::from(crate::EXIT_UNREADABLE);
        }
    }
    if unreadable > 0 {
        ExitCode::from(crate::EXIT_UNREADABLE)
    } else if with_errors > 0 {
        ExitCode::from(crate::EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn check_table(rows: &[Row], unreadable: usize, with_errors: usize) -> String {
    use std::fmt::Write as _;
    let lines: Vec<([String; 4], Option<String>)> = rows
        .iter()
        .map(|r| {
            let cells = match &r.outcome {
                Outcome::Checked {
                    agency,
                    tally,
                    findings,
                    ..
                } => [
                    if agency.trim().is_empty() {
                        r.file.display().to_string()
                    } else {
                        agency.clone()
                    },
                    tally.errors.to_string(),
                    tally.warnings.to_string(),
                    findings
                        .iter()
                        .find(|f| f.severity != Severity::Info)
                        .map(|f| format!("[{}] {}", f.severity.label(), f.message))
                        .unwrap_or_else(|| "—".to_string()),
                ],
                Outcome::Unreadable { reason } => [
                    r.file.display().to_string(),
                    "—".to_string(),
                    "—".to_string(),
                    format!("无法打开：{reason}"),
                ],
            };
            (cells, None)
        })
        .collect();
    let mut out = crate::output::table("", ["机关", "错误", "警告", "最主要的问题"], &lines);
    let checked = rows.len() - unreadable;
    let _ = writeln!(
        out,
        "\n共 {} 份：审核 {checked} 份，其中 {with_errors} 份有错误；{unreadable} 份无法打开。",
        rows.len()
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
    /// Leave out reports whose tables have 错误 (they are listed either way).
    pub exclude_flagged: bool,
}

pub fn sum(a: SumArgs) -> ExitCode {
    if a.output.exists() && !a.force {
        eprintln!(
            "文件 {} 已经存在，没有覆盖它。请换一个文件名，或加上 --force 覆盖。",
            a.output.display()
        );
        return ExitCode::from(crate::EXIT_UNREADABLE);
    }
    let opts = SumOptions {
        year: a.year,
        agency: a.agency.to_string(),
        kind: a.kind,
        include_flagged: !a.exclude_flagged,
    };
    let never = AtomicBool::new(false);
    let outcome = match nianbao_audit::sum(a.paths, &opts, &never) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            if let nianbao_audit::AuditError::NothingToSum { refused, .. } = &e {
                for (p, why) in refused {
                    eprintln!("  {}：{why}", p.display());
                }
            }
            return ExitCode::from(crate::EXIT_UNREADABLE);
        }
    };
    if let Err(e) = crate::write_new_file(a.output, &save_report(&outcome.report)) {
        eprintln!("无法写入 {}：{e}", a.output.display());
        return ExitCode::from(crate::EXIT_UNREADABLE);
    }
    crate::output::emit(&format!(
        "已汇总 {} 份报告的表二、表三、表四，写入 {}。\n{}",
        outcome.counted.len(),
        a.output.display(),
        outcome.details()
    ));
    if outcome.refused.is_empty() && outcome.flagged.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_FINDINGS)
    }
}
