//! 问题清单: what the 政府办 sends a department back — its report, every finding with its place,
//! what is wrong, how to fix it and any written 说明 — as a Word document in the official look
//! (through the export crate's document tree and DOCX writer, the ones the reports themselves are
//! printed with) and as rows of the 审核表's "问题清单" sheet.
//!
//! A report gets a list when it has a 错误 or a 警告 without a 说明. Findings the reviewer
//! rejected (驳回, a false alarm) and findings already corrected are not sent.

use std::collections::HashMap;
use std::path::PathBuf;

use nianbao_core::Severity;
use nianbao_export::tree::{Align, Block, Cell, Document, Table};

use crate::check::{Outcome, Row};
use crate::desk_state::{Decision, FileEntry, Status};
use crate::AuditError;

/// One finding as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueFinding {
    pub severity: Severity,
    pub code: String,
    /// Where, in words: section, table, row and column ("表三·自然人·本年新收").
    pub location: String,
    pub message: String,
    pub hint: String,
    pub explanation: Option<String>,
    /// The desk's status, when the list comes from a desk.
    pub status: Option<Status>,
    /// 确认 findings are marked as such: the 政府办 insists on them.
    pub confirmed: bool,
    pub remark: String,
}

/// The 问题清单 of one report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueList {
    pub file: PathBuf,
    /// 单位; the file's name when the report names none.
    pub agency: String,
    pub title: String,
    pub findings: Vec<IssueFinding>,
}

fn severity_of(label: &str) -> Severity {
    match label {
        "错误" => Severity::Error,
        "警告" => Severity::Warning,
        _ => Severity::Info,
    }
}

impl IssueList {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// 警告 and 提示 with no 说明.
    fn unexplained_warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning && f.explanation.is_none())
            .count()
    }
}

/// The list for a report, or None when there is nothing to send (no 错误, every 警告 explained,
/// or the file could not be read — that needs a phone call, not a list). With the desk's entry
/// for the file, its statuses, decisions and 说明 are used and what was corrected or rejected
/// is left out.
pub fn issue_list(row: &Row, entry: Option<&FileEntry>) -> Option<IssueList> {
    let Outcome::Checked {
        title, findings, ..
    } = &row.outcome
    else {
        return None;
    };
    let listed: Vec<IssueFinding> = match entry {
        Some(e) => e
            .findings
            .iter()
            .filter(|f| f.status != Status::Fixed)
            .filter(|f| !matches!(f.decision, Some(Decision::Rejected { .. })))
            .map(|f| IssueFinding {
                severity: severity_of(&f.severity),
                code: f.code.clone(),
                location: f.location.clone(),
                message: f.message.clone(),
                hint: f.hint.clone(),
                explanation: f.explanation.clone(),
                status: Some(f.status),
                confirmed: f.decision == Some(Decision::Confirmed),
                remark: f.remark.clone(),
            })
            .collect(),
        None => findings
            .iter()
            .map(|f| IssueFinding {
                severity: f.severity,
                code: f.code.to_string(),
                location: f.location.clone(),
                message: f.message.clone(),
                hint: f.suggestion.clone(),
                explanation: f.explanation.clone(),
                status: None,
                confirmed: false,
                remark: String::new(),
            })
            .collect(),
    };
    let mut list = IssueList {
        file: row.file.clone(),
        agency: row.display_name(),
        title: title.clone(),
        findings: listed,
    };
    list.findings.sort_by_key(|f| f.severity);
    (list.count(Severity::Error) > 0 || list.unexplained_warnings() > 0).then_some(list)
}

/// The lists of a desk's rows, in the rows' order; `entries` finds each row's desk entry.
pub fn issue_lists<'a>(
    rows: &[Row],
    entry_of: impl Fn(&Row) -> Option<&'a FileEntry>,
) -> Vec<IssueList> {
    rows.iter()
        .filter_map(|r| issue_list(r, entry_of(r)))
        .collect()
}

fn cell(row: usize, col: usize, text: &str, head: bool, align: Align) -> Cell {
    Cell {
        row,
        col,
        rowspan: 1,
        colspan: 1,
        text: text.to_string(),
        align,
        head,
    }
}

/// The findings of one severity as a table: 序号, 位置, 问题, 改正建议 (and 说明 when any).
fn findings_table(findings: &[&IssueFinding]) -> Table {
    let with_notes = findings
        .iter()
        .any(|f| f.explanation.is_some() || !f.remark.is_empty());
    let mut heads = vec![
        ("序号", 1.0),
        ("位置", 3.2),
        ("问题", 5.5),
        ("改正建议", 4.5),
    ];
    if with_notes {
        heads.push(("说明", 3.0));
    }
    let mut cells: Vec<Cell> = heads
        .iter()
        .enumerate()
        .map(|(c, (t, _))| cell(0, c, t, true, Align::Center))
        .collect();
    for (i, f) in findings.iter().enumerate() {
        let r = i + 1;
        let mut problem = f.message.clone();
        if f.confirmed {
            problem.push_str("（经审核确认，须改正）");
        }
        cells.push(cell(r, 0, &r.to_string(), false, Align::Center));
        cells.push(cell(r, 1, &f.location, false, Align::Left));
        cells.push(cell(r, 2, &problem, false, Align::Left));
        cells.push(cell(r, 3, &f.hint, false, Align::Left));
        if with_notes {
            let mut note = f
                .explanation
                .as_deref()
                .map(|e| format!("单位说明：{e}"))
                .unwrap_or_default();
            if !f.remark.is_empty() {
                if !note.is_empty() {
                    note.push('；');
                }
                note.push_str(&format!("审核意见：{}", f.remark));
            }
            cells.push(cell(r, 4, &note, false, Align::Left));
        }
    }
    Table {
        columns: heads.iter().map(|(_, w)| *w).collect(),
        rows: findings.len() + 1,
        header_rows: 1,
        cells,
    }
}

/// The list as a document tree in the reports' own official look: title, to whom, what was
/// found, then one numbered table per severity.
pub fn document(list: &IssueList) -> Document {
    let errors = list.count(Severity::Error);
    let warnings = list.count(Severity::Warning);
    let infos = list.count(Severity::Info);
    let mut blocks = vec![
        Block::Paragraph(format!("{}：", list.agency)),
        Block::Paragraph(format!(
            "经审核，贵单位报送的{}存在以下问题：错误 {errors} 项，警告 {warnings} 项，提示 {infos} 项。请逐项核实：错误必须改正；警告请改正，确属实际情况的请在报告中写明说明；提示供参考。改正后请重新报送。",
            if list.title.trim().is_empty() {
                "年度报告".to_string()
            } else {
                format!("《{}》", list.title.trim())
            }
        )),
        Block::Paragraph(format!(
            "报送文件：{}",
            list.file
                .file_name()
                .map_or_else(|| list.file.display().to_string(), |n| n.to_string_lossy().into_owned())
        )),
    ];
    let parts = [
        (Severity::Error, "错误（必须改正）"),
        (Severity::Warning, "警告（请核实并改正或说明）"),
        (Severity::Info, "提示（供参考）"),
    ];
    let numerals = ["一", "二", "三"];
    let mut n = 0;
    for (severity, heading) in parts {
        let these: Vec<&IssueFinding> = list
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if these.is_empty() {
            continue;
        }
        blocks.push(Block::Heading1(format!("{}、{heading}", numerals[n])));
        blocks.push(Block::Table(findings_table(&these)));
        n += 1;
    }
    Document {
        title: format!("{}年度报告问题清单", list.agency),
        author: list.agency.clone(),
        blocks,
    }
}

/// The list as a .docx; `created` is the time to record in it (Unix seconds, from the caller).
pub fn docx(list: &IssueList, created: i64) -> Result<Vec<u8>, AuditError> {
    nianbao_export::docx::render(
        &document(list),
        &nianbao_export::docx::DocxInfo {
            created: &nianbao_export::w3cdtf(created),
        },
    )
    .map_err(|e| AuditError::IssueList(e.to_string()))
}

/// Names Windows refuses whatever their extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A department's name made a file name every system accepts: the characters Windows forbids
/// (\ / : * ? " < > | and control characters) become "_", trailing dots and blanks go, a
/// reserved device name gets a "_" before it, and a name of nothing becomes "未命名单位".
pub fn safe_file_stem(name: &str) -> String {
    let mut s: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    while s.ends_with(['.', ' ']) {
        s.pop();
    }
    // Windows' limit is 255 UTF-16 units for a name; leave room for "-问题清单（12）.docx".
    if s.encode_utf16().count() > 200 {
        s = s.chars().take(100).collect();
    }
    if s.is_empty() {
        return "未命名单位".to_string();
    }
    let stem = s.split('.').next().unwrap_or("").to_ascii_uppercase();
    if RESERVED.contains(&stem.as_str()) {
        s.insert(0, '_');
    }
    s
}

/// "{单位}-问题清单.docx" for each list, in order; a department with two reports (two years, or
/// the same name twice) gets "（2）" on its second, so that no file overwrites another. Names
/// that differ only in case are the same file on Windows and count as one.
pub fn file_names(lists: &[IssueList]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    lists
        .iter()
        .map(|l| {
            let stem = safe_file_stem(&l.agency);
            let n = seen.entry(stem.to_lowercase()).or_insert(0);
            *n += 1;
            if *n == 1 {
                format!("{stem}-问题清单.docx")
            } else {
                format!("{stem}-问题清单（{n}）.docx")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_on_windows_and_never_collide() {
        assert_eq!(safe_file_stem("孟州市人民政府"), "孟州市人民政府");
        assert_eq!(safe_file_stem("县/区:局*?\"<>|"), "县_区_局______");
        assert_eq!(safe_file_stem("统计局. "), "统计局");
        assert_eq!(safe_file_stem("con"), "_con");
        assert_eq!(safe_file_stem("Aux.年报"), "_Aux.年报");
        assert_eq!(safe_file_stem("  "), "未命名单位");
        assert_eq!(safe_file_stem("a\u{7}b"), "a_b");
        let list = |agency: &str| IssueList {
            file: PathBuf::from("x"),
            agency: agency.to_string(),
            title: String::new(),
            findings: Vec::new(),
        };
        assert_eq!(
            file_names(&[
                list("统计局"),
                list("财政局"),
                list("统计局"),
                list("ab"),
                list("AB")
            ]),
            vec![
                "统计局-问题清单.docx",
                "财政局-问题清单.docx",
                "统计局-问题清单（2）.docx",
                "ab-问题清单.docx",
                "AB-问题清单（2）.docx",
            ]
        );
    }
}
