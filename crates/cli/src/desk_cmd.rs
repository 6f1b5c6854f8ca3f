//! `nianbao check`'s part of the review loop: the desk's state read and written
//! (`.nianbao-desk.json`, atomically), `--since` (what changed against an earlier check) and
//! `--issues-dir` (a `{单位}-问题清单.docx` per department and one summary workbook). The logic is
//! `nianbao-audit`'s; this file only touches the disk, and never a report.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use nianbao_audit::issues::{self, IssueList};
use nianbao_audit::{
    content_hash, relative_name, workbook, Comparison, DeskState, Row, Seen, DESK_FILE,
};

/// What the user asked of the desk on the command line.
pub struct DeskArgs<'a> {
    /// An earlier `nianbao check --json` output, or a `.nianbao-desk.json`.
    pub since: Option<&'a Path>,
    /// Read and update the folder's own `.nianbao-desk.json`.
    pub keep: bool,
    pub issues_dir: Option<&'a Path>,
    pub force: bool,
    /// The 本级汇总 (a file among those checked).
    pub own: Option<&'a Path>,
    /// The office's report whose figures the 本级汇总 includes.
    pub own_office: Option<&'a Path>,
}

/// The name of the summary workbook written beside the 问题清单.
pub const SUMMARY_NAME: &str = "问题清单汇总.xlsx";

/// The one folder checked, when a single folder was given: names are then relative to it and
/// its state file can be kept.
pub fn folder_of(paths: &[PathBuf]) -> Option<&Path> {
    match paths {
        [one] if one.is_dir() => Some(one.as_path()),
        _ => None,
    }
}

/// Refused before any work: a missing output folder, or `--desk` without one folder.
pub fn refuse_early(args: &DeskArgs, paths: &[PathBuf]) -> Result<(), String> {
    if args.keep && folder_of(paths).is_none() {
        return Err(
            "--desk 只能和一个文件夹一起用：审核台记录保存在被审核的文件夹里。".to_string(),
        );
    }
    if let Some(dir) = args.issues_dir {
        if !dir.is_dir() {
            return Err(if dir.exists() {
                format!("{} 不是文件夹，请换一个保存问题清单的位置。", dir.display())
            } else {
                format!(
                    "文件夹 {} 不存在，请先建立这个文件夹，或换一个保存问题清单的位置。",
                    dir.display()
                )
            });
        }
    }
    Ok(())
}

/// Reads an earlier check: a desk state file, or the array `nianbao check --json` printed (each
/// element's "desk" entry).
pub fn read_since(path: &Path) -> Result<DeskState, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("无法读取 {}：{}", path.display(), crate::io_reason(&e)))?;
    let trimmed = bytes.trim_ascii_start();
    if trimmed.first() == Some(&b'[') {
        let results: Vec<serde_json::Value> = serde_json::from_slice(&bytes).map_err(|_| {
            format!(
                "{} 不是完整的 nianbao check --json 输出，无法比较。请换用上次审核时保存的输出，或文件夹中的 {DESK_FILE}。",
                path.display()
            )
        })?;
        let mut state = DeskState::new();
        for r in results {
            if let Some(desk) = r.get("desk") {
                match serde_json::from_value(desk.clone()) {
                    Ok(entry) => state.files.push(entry),
                    Err(_) => {
                        return Err(format!(
                            "{} 中有一份报告的记录不完整（可能被改过），无法比较。",
                            path.display()
                        ))
                    }
                }
            }
        }
        return DeskState::from_json(&state.to_json())
            .map_err(|e| format!("{}：{e}", path.display()));
    }
    DeskState::from_json(&bytes).map_err(|e| format!("{}：{e}", path.display()))
}

/// Each row's name on the desk: inside the folder when one folder was checked, else its path.
pub fn names(rows: &[Row], folder: Option<&Path>) -> Vec<String> {
    rows.iter()
        .map(|r| match folder {
            Some(f) => relative_name(f, &r.file),
            None => r.file.display().to_string(),
        })
        .collect()
}

/// The old state: `--since`'s, else the folder's own file when `--desk` asks for it (a damaged
/// one is said and set aside, and then not overwritten), else a new desk.
pub fn old_state(args: &DeskArgs, folder: Option<&Path>) -> Result<(DeskState, bool), String> {
    if let Some(since) = args.since {
        return read_since(since).map(|s| (s, true));
    }
    let Some(file) = folder.filter(|_| args.keep).map(|f| f.join(DESK_FILE)) else {
        return Ok((DeskState::new(), true));
    };
    match std::fs::read(&file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((DeskState::new(), true)),
        Err(e) => Err(format!(
            "无法读取 {}：{}",
            file.display(),
            crate::io_reason(&e)
        )),
        Ok(bytes) => match DeskState::from_json(&bytes) {
            Ok(s) => Ok((s, true)),
            Err(e) => {
                eprintln!("{e}（这次按新的审核台处理，没有改动这个文件。）");
                Ok((DeskState::new(), false))
            }
        },
    }
}

/// The new check against the old state.
pub fn compare(old: &DeskState, rows: &[Row], names: &[String]) -> (DeskState, Comparison) {
    let seen: Vec<Seen> = rows
        .iter()
        .zip(names)
        .map(|(row, name)| Seen {
            name: name.clone(),
            // The bytes, not the time: a corrected file copied back keeps nothing of its time.
            hash: row
                .stamp
                .and_then(|_| std::fs::read(&row.file).ok())
                .map(|b| content_hash(&b)),
            row,
        })
        .collect();
    old.update(&seen)
}

/// Writes the state into the folder (temporary file and rename: a power cut never leaves half a
/// desk).
pub fn save_state(folder: &Path, state: &DeskState) -> Result<(), String> {
    let path = folder.join(DESK_FILE);
    crate::write_new_file(&path, &state.to_json())
        .map_err(|e| format!("无法保存审核台记录 {}：{e}", path.display()))
}

/// "与上次审核相比" in lines: each report that changed or is new, its counts; then the rest.
pub fn changes_in_words(c: &Comparison) -> String {
    let mut out = String::from("\n与上次审核相比：\n");
    let mut same = 0;
    for r in &c.reports {
        let who = if r.agency.is_empty() {
            r.name.clone()
        } else {
            format!("{}（{}）", r.agency, r.name)
        };
        if r.first_seen {
            let _ = writeln!(
                out,
                "  新报送  {who}：新出现 {}",
                r.counts.new + r.counts.explained
            );
        } else if r.changed {
            let _ = writeln!(out, "  已更新  {who}：{}", r.counts.in_words());
        } else {
            same += 1;
        }
    }
    if same > 0 {
        let _ = writeln!(out, "  其余 {same} 份没有变化。");
    }
    for g in &c.gone {
        let _ = writeln!(out, "  已不在  {g}");
    }
    out
}

/// The 问题清单 of every report that needs one, with the desk's statuses and decisions.
pub fn lists(rows: &[Row], names: &[String], state: &DeskState) -> Vec<IssueList> {
    rows.iter()
        .zip(names)
        .filter_map(|(r, n)| issues::issue_list(r, state.file(n)))
        .collect()
}

/// Writes `{单位}-问题清单.docx` per list and the summary workbook into `dir`; refuses, before
/// writing any, when one of them is already there (unless `force`).
pub fn write_issues(
    dir: &Path,
    rows: &[Row],
    lists: &[IssueList],
    force: bool,
) -> Result<Vec<PathBuf>, String> {
    let names = issues::file_names(lists);
    let mut targets: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    targets.push(dir.join(SUMMARY_NAME));
    if !force {
        if let Some(p) = targets.iter().find(|p| p.exists()) {
            return Err(format!(
                "文件 {} 已经存在，问题清单一份也没有写。请换一个文件夹，或加上 --force 覆盖。",
                p.display()
            ));
        }
    }
    let created = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    for (list, path) in lists.iter().zip(&targets) {
        let bytes = issues::docx(list, created).map_err(|e| e.to_string())?;
        crate::write_new_file(path, &bytes)
            .map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
    }
    let summary = dir.join(SUMMARY_NAME);
    let book = workbook::xlsx_with_issues(rows, lists).map_err(|e| e.to_string())?;
    crate::write_new_file(&summary, &book)
        .map_err(|e| format!("无法写入 {}：{e}", summary.display()))?;
    Ok(targets)
}

/// What the checks across reports found, for the terminal.
pub struct Across {
    /// The 本级汇总's name, its year, how many reports were summed, and its SUM-* findings.
    pub own: Option<(String, Option<u64>, usize, Vec<nianbao_core::Diagnostic>)>,
    /// How many 提示 the peers gave.
    pub peer_hints: usize,
}

/// Adds a row's findings from the checks across reports (as the validator's own would be, so
/// that fingerprints, statuses and the 问题清单 treat them alike).
fn add_findings(row: &mut Row, diags: &[nianbao_core::Diagnostic]) {
    use nianbao_core::Severity;
    if let nianbao_audit::Outcome::Checked {
        findings, tally, ..
    } = &mut row.outcome
    {
        for d in diags {
            match d.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Info => tally.infos += 1,
            }
            findings.push(nianbao_audit::Finding::of(d));
        }
        findings.sort_by_key(|f| f.severity);
    }
}

/// 汇总核对 of the 本级汇总 `own` (a name on the desk) against the others of its year, the
/// office's report `office` added when given, and the peers' 提示 for years of 10 reports or
/// more. Reads the reports again (the rows keep only what the checker said).
pub fn across(
    rows: &mut [Row],
    names: &[String],
    own: Option<&str>,
    office: Option<&Path>,
) -> Result<Across, String> {
    use nianbao_audit::own::{check_own, peer_findings, Named, MIN_PEERS};
    let mut result = Across {
        own: None,
        peer_hints: 0,
    };
    let own_at = match own {
        None => None,
        Some(n) => Some(names.iter().position(|m| m == n).ok_or_else(|| {
            format!("--own 指定的“{n}”不在这次审核的文件中。请指定审核文件夹中的一份报告。")
        })?),
    };
    // The peers from what the check kept of each report: no second reading of 10,000 files.
    let figures: Vec<(usize, nianbao_audit::own::Figures)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match &r.outcome {
            nianbao_audit::Outcome::Checked { figures, .. } => Some((i, *figures)),
            nianbao_audit::Outcome::Unreadable { .. } => None,
        })
        .collect();
    let mut extra: Vec<Vec<nianbao_core::Diagnostic>> = vec![Vec::new(); rows.len()];
    if figures.len() >= MIN_PEERS {
        let only: Vec<_> = figures.iter().map(|(_, f)| *f).collect();
        for ((i, _), found) in figures.iter().zip(peer_findings(&only)) {
            result.peer_hints += found.len();
            extra[*i].extend(found);
        }
    }
    if let Some(at) = own_at {
        // Every cell is compared, so the reports are read again — only when a 本级汇总 is named.
        let files: Vec<PathBuf> = rows.iter().map(|r| r.file.clone()).collect();
        let never = std::sync::atomic::AtomicBool::new(false);
        let reports = nianbao_audit::read_all(&files, &never)
            .map_err(|_| "读取报告时出了错，没有完成汇总核对。".to_string())?;
        let readable: Vec<(usize, &nianbao_core::Report)> = reports
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().map(|r| (i, r)))
            .collect();
        let Some(own_report) = reports[at].as_ref() else {
            return Err(format!(
                "本级汇总报告“{}”无法打开，没有做汇总核对。",
                names[at]
            ));
        };
        let office_report = match office {
            None => None,
            Some(p) => Some(
                crate::read_any(p)
                    .map_err(|e| format!("--own-office 指定的 {} 无法打开：{e}", p.display()))?,
            ),
        };
        let office_name =
            office.map(
                |p| match names.iter().zip(rows.iter()).find(|(_, r)| r.file == p) {
                    Some((n, _)) => n.clone(),
                    None => p.display().to_string(),
                },
            );
        let others: Vec<Named> = readable
            .iter()
            .map(|(i, r)| Named {
                name: names[*i].as_str(),
                report: r,
            })
            .collect();
        let check = check_own(
            Named {
                name: names[at].as_str(),
                report: own_report,
            },
            &others,
            office_report
                .as_ref()
                .zip(office_name.as_deref())
                .map(|(r, n)| Named { name: n, report: r }),
        );
        extra[at].extend(check.findings.iter().cloned());
        result.own = Some((
            names[at].clone(),
            check.year,
            check.counted.len(),
            check.findings,
        ));
    }
    for (row, diags) in rows.iter_mut().zip(&extra) {
        if !diags.is_empty() {
            add_findings(row, diags);
        }
    }
    Ok(result)
}

/// "本级汇总核对" in lines.
pub fn across_in_words(a: &Across) -> String {
    let mut out = String::new();
    if let Some((name, year, counted, findings)) = &a.own {
        let year = year.map_or_else(|| "（年度无效）".to_string(), |y| format!("{y} 年度"));
        let _ = writeln!(
            out,
            "\n本级汇总核对：{name}，{year}，与 {counted} 份部门报告之和逐格比较："
        );
        if findings.is_empty() {
            let _ = writeln!(out, "  表二、表三、表四每一格都与部门报告之和一致。");
        }
        for d in findings {
            let place = d.location();
            if place.is_empty() {
                let _ = writeln!(out, "  [{}] {}", d.code, d.message);
            } else {
                let _ = writeln!(out, "  [{}] {place}：{}", d.code, d.message);
            }
        }
    }
    if a.peer_hints > 0 {
        let _ = writeln!(
            out,
            "\n与同年度同批报告比较，有 {} 条提示（PEER-ZERO、PEER-RATE），见各报告的问题。",
            a.peer_hints
        );
    }
    out
}
