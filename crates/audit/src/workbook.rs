//! 导出审核表: the desk's rows as a workbook (sheet 报告, sheet 问题明细) or as two CSV tables.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::check::{Outcome, Row};
use crate::issues::IssueList;
use crate::AuditError;

/// Columns of the 报告 sheet, and their widths in Excel's character units (a Chinese character
/// is about two).
const REPORT_COLUMNS: [(&str, f64); 8] = [
    ("文件", 36.0),
    ("单位", 28.0),
    ("年度", 8.0),
    ("类型", 14.0),
    ("错误", 7.0),
    ("警告", 7.0),
    ("提示", 7.0),
    ("主要问题（或无法读取的原因）", 80.0),
];

const FINDING_COLUMNS: [(&str, f64); 8] = [
    ("文件", 36.0),
    ("单位", 28.0),
    ("位置", 30.0),
    ("级别", 7.0),
    ("代码", 14.0),
    ("说明", 70.0),
    ("建议", 60.0),
    // The author's written 说明 of a true 警告 or 提示 (last, so the columns before stay put).
    ("单位说明", 40.0),
];

const ISSUE_COLUMNS: [(&str, f64); 9] = [
    ("单位", 28.0),
    ("文件", 36.0),
    ("位置", 30.0),
    ("级别", 7.0),
    ("代码", 14.0),
    ("问题", 70.0),
    ("改正建议", 60.0),
    ("说明", 40.0),
    ("状态", 9.0),
];

/// The most rows a sheet may hold (Excel's limit), header included.
const MAX_ROWS: u32 = 1_048_576;
/// The longest text a cell may hold (Excel's limit).
const MAX_CELL_CHARS: usize = 32_767;

enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

fn report_cells(r: &Row) -> Vec<Cell> {
    let file = Cell::Text(r.file.display().to_string());
    match &r.outcome {
        Outcome::Checked {
            agency,
            year,
            kind,
            tally,
            first_error,
            ..
        } => vec![
            file,
            Cell::Text(agency.clone()),
            year.map_or(Cell::Empty, |y| Cell::Number(y as f64)),
            Cell::Text(kind.clone()),
            Cell::Number(tally.errors as f64),
            Cell::Number(tally.warnings as f64),
            Cell::Number(tally.infos as f64),
            Cell::Text(first_error.clone().unwrap_or_default()),
        ],
        Outcome::Unreadable { reason } => vec![
            file,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Text(format!("无法读取：{reason}")),
        ],
    }
}

/// Every finding of every readable report, a row each, in the rows' order.
fn finding_rows(rows: &[Row]) -> impl Iterator<Item = Vec<Cell>> + '_ {
    rows.iter().flat_map(|r| {
        let (agency, findings) = match &r.outcome {
            Outcome::Checked {
                agency, findings, ..
            } => (agency.as_str(), findings.as_slice()),
            Outcome::Unreadable { .. } => ("", &[][..]),
        };
        findings.iter().map(move |f| {
            vec![
                Cell::Text(r.file.display().to_string()),
                Cell::Text(agency.to_string()),
                Cell::Text(f.location.clone()),
                Cell::Text(f.severity.label().to_string()),
                Cell::Text(f.code.to_string()),
                Cell::Text(f.message.clone()),
                Cell::Text(f.suggestion.clone()),
                Cell::Text(f.explanation.clone().unwrap_or_default()),
            ]
        })
    })
}

/// The 问题清单 sheet: a row per finding sent back, department by department.
fn issue_rows(lists: &[IssueList]) -> impl Iterator<Item = Vec<Cell>> + '_ {
    lists.iter().flat_map(|l| {
        l.findings.iter().map(move |f| {
            let mut note = f.explanation.clone().unwrap_or_default();
            if !f.remark.is_empty() {
                if !note.is_empty() {
                    note.push('；');
                }
                note.push_str(&format!("审核意见：{}", f.remark));
            }
            let mut status = f.status.map(|s| s.label().to_string()).unwrap_or_default();
            if f.confirmed {
                status.push_str("（已确认）");
            }
            vec![
                Cell::Text(l.agency.clone()),
                Cell::Text(l.file.display().to_string()),
                Cell::Text(f.location.clone()),
                Cell::Text(f.severity.label().to_string()),
                Cell::Text(f.code.clone()),
                Cell::Text(f.message.clone()),
                Cell::Text(f.hint.clone()),
                Cell::Text(note),
                Cell::Text(status),
            ]
        })
    })
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

fn fill(
    sheet: &mut Worksheet,
    name: &str,
    columns: &[(&str, f64)],
    rows: impl Iterator<Item = Vec<Cell>>,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let header = Format::new()
        .set_bold()
        .set_background_color("#E8EEF6")
        .set_align(FormatAlign::Center);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    for (c, (title, width)) in columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, *title, &header)?;
        sheet.set_column_width(c, *width)?;
    }
    let mut last = 0u32;
    for (i, cells) in rows.enumerate() {
        let r = i as u32 + 1;
        if r >= MAX_ROWS - 1 {
            sheet.write_string(
                r,
                0,
                "……其余的行超出了表格软件的行数上限，请改为导出 CSV 查看全部。",
            )?;
            last = r;
            break;
        }
        for (c, cell) in cells.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) if s.chars().count() > 40 => {
                    sheet.write_string_with_format(r, c, clip(s), &wrap)?;
                }
                Cell::Text(s) => {
                    sheet.write_string_with_format(r, c, clip(s), &top)?;
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(r, c, *n, &top)?;
                }
                Cell::Empty => {}
            }
        }
        last = r;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last.max(1), columns.len() as u16 - 1)?;
    Ok(())
}

/// The 审核表 workbook's bytes: sheet 报告 (a row per file) and sheet 问题明细 (a row per
/// finding), bold header frozen, widths set for Chinese text, counts as numbers, autofilter.
pub fn xlsx(rows: &[Row]) -> Result<Vec<u8>, AuditError> {
    workbook(rows, None)
}

/// The 审核表 with a third sheet, 问题清单: the findings sent back to each department (what the
/// `{单位}-问题清单.docx` files say, in one table for the 政府办's own records).
pub fn xlsx_with_issues(rows: &[Row], lists: &[IssueList]) -> Result<Vec<u8>, AuditError> {
    workbook(rows, Some(lists))
}

fn workbook(rows: &[Row], lists: Option<&[IssueList]>) -> Result<Vec<u8>, AuditError> {
    let mut book = Workbook::new();
    let made = (|| -> Result<Vec<u8>, XlsxError> {
        fill(
            book.add_worksheet(),
            "报告",
            &REPORT_COLUMNS,
            rows.iter().map(report_cells),
        )?;
        fill(
            book.add_worksheet(),
            "问题明细",
            &FINDING_COLUMNS,
            finding_rows(rows),
        )?;
        if let Some(lists) = lists {
            fill(
                book.add_worksheet(),
                "问题清单",
                &ISSUE_COLUMNS,
                issue_rows(lists),
            )?;
        }
        book.save_to_buffer()
    })();
    made.map_err(|e| AuditError::Workbook(e.to_string()))
}

/// One CSV field: quoted when it holds a comma, quote or line break (RFC 4180); a leading
/// "=", "+", "-" or "@" gets an apostrophe so that a spreadsheet never runs a file's text as a
/// formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv(columns: &[(&str, f64)], rows: impl Iterator<Item = Vec<Cell>>) -> String {
    // The BOM tells Excel the file is UTF-8; without it Chinese opens as mojibake.
    let mut out = String::from('\u{feff}');
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(columns.iter().map(|(t, _)| field(t)).collect()));
    for cells in rows {
        out.push_str(&line(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Text(s) => field(s),
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect(),
        ));
    }
    out
}

/// Where the 问题明细 CSV goes beside the 报告 CSV: "审核表.csv" → "审核表.问题明细.csv".
pub fn findings_csv_path(path: &std::path::Path) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.问题明细.csv"))
}

/// The 报告 table as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting).
pub fn reports_csv(rows: &[Row]) -> String {
    csv(&REPORT_COLUMNS, rows.iter().map(report_cells))
}

/// The 问题明细 table as CSV.
pub fn findings_csv(rows: &[Row]) -> String {
    csv(&FINDING_COLUMNS, finding_rows(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("孟州市"), "孟州市");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("他说\"应为 5\""), "\"他说\"\"应为 5\"\"\"");
        assert_eq!(field("一行\n两行"), "\"一行\n两行\"");
        assert_eq!(field("=1+2"), "'=1+2");
        assert_eq!(field("-3"), "'-3");
    }

    #[test]
    fn long_text_is_clipped_to_what_a_cell_holds() {
        let long = "字".repeat(MAX_CELL_CHARS + 10);
        assert_eq!(clip(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(clip("短"), "短");
    }
}
