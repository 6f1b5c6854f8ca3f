//! Tables 二, 三 and 四: rows are found by their labels, and each label takes the numbers that
//! follow it — on its own line when they are all there, else over the following lines (one cell
//! per line, numbers pushed down, labels split from their numbers).

use nianbao_core::model::{
    Applicant, DocumentColumn, Report, RequestRow, ReviewGroup, ReviewOutcome, Section,
};
use nianbao_core::{CountCell, FieldPath, MoneyCell};

use crate::labels::{
    active_row, is_active_header, is_request_header, normalise, request_row, ActiveRow,
};
use crate::sections::Line;
use crate::tokens::{tokenize, Token};
use crate::ImportFinding;

/// A cell's text as printed; "" for a blank.
type Cells = Vec<String>;

struct Row<R> {
    row: R,
    line: usize,
    label: String,
    cells: Cells,
}

/// What a table's labels mean.
struct Grammar<R> {
    row: fn(&str, bool) -> Option<R>,
    width: fn(R) -> usize,
    is_header: fn(&str) -> bool,
    table: &'static str,
    /// Where a finding about a row points the editor: the row's first cell.
    first_cell: fn(R) -> FieldPath,
    section: Section,
}

/// Short texts standing where a number should be ("—", "无", "/"): kept as the cell's text so
/// the validator can flag them, instead of being lost.
fn is_cell_text(t: &str) -> bool {
    t.chars().count() <= 3
        && !t
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '无')
        || t == "无"
}

fn collect<R: Copy + PartialEq>(
    body: &[Line],
    g: &Grammar<R>,
    findings: &mut Vec<ImportFinding>,
) -> Vec<Row<R>> {
    let mut rows: Vec<Row<R>> = Vec::new();
    let mut pending: Option<Row<R>> = None;
    let mut started = false;

    let finish = |p: Row<R>, rows: &mut Vec<Row<R>>, findings: &mut Vec<ImportFinding>| {
        let need = (g.width)(p.row);
        let mut p = p;
        if p.cells.len() < need {
            let missing = need - p.cells.len();
            findings.push(ImportFinding {
                line: p.line,
                text: p.label.clone(),
                reason: format!(
                    "{}“{}”一行只找到 {} 个数字（应有 {need} 个），已按靠右对齐填入，前 {missing} 格留空，请核对。",
                    g.table,
                    p.label,
                    p.cells.len()
                ),
                path: Some((g.first_cell)(p.row)),
            });
            let mut cells = vec![String::new(); missing];
            cells.append(&mut p.cells);
            p.cells = cells;
        }
        if rows.iter().any(|r| r.row == p.row) {
            findings.push(ImportFinding {
                line: p.line,
                text: p.label.clone(),
                reason: format!(
                    "{}“{}”一行出现了两次，只导入了第一次的数字。",
                    g.table, p.label
                ),
                path: Some((g.first_cell)(p.row)),
            });
        } else {
            rows.push(p);
        }
    };

    for &(n, line) in body {
        let tokens = tokenize(line);
        let mut j = 0;
        while j < tokens.len() {
            match &tokens[j] {
                Token::Empty => {}
                Token::Text(t) => {
                    if let Some(row) = (g.row)(t, started) {
                        started = true;
                        if let Some(p) = pending.take() {
                            finish(p, &mut rows, findings);
                        }
                        let need = (g.width)(row);
                        // The rest of the line up to another row label belongs to this row.
                        let end = tokens[j + 1..]
                            .iter()
                            .position(|t| matches!(t, Token::Text(s) if (g.row)(s, true).is_some()))
                            .map_or(tokens.len(), |k| j + 1 + k);
                        let mut rest = &tokens[j + 1..end];
                        // A separator that ends the line opens no cell: "53⇥0⇥0⇥48⇥0⇥101⇥" is a
                        // row that lost a number, not one whose 总计 is blank.
                        if end == tokens.len() && matches!(rest.last(), Some(Token::Empty)) {
                            rest = &rest[..rest.len() - 1];
                        }
                        let has_value = rest.iter().any(|t| matches!(t, Token::Value(_)));
                        let mut p = Row {
                            row,
                            line: n,
                            label: t.clone(),
                            cells: Vec::new(),
                        };
                        if rest.len() == need && has_value {
                            // Exactly one cell per column on the label's own line: blanks are
                            // real blanks, kept in place.
                            p.cells = rest.iter().map(cell_text).collect();
                        } else {
                            p.cells = rest
                                .iter()
                                .filter(|t| is_number_cell(t))
                                .map(cell_text)
                                .collect();
                            if p.cells.len() > need {
                                findings.push(ImportFinding {
                                    line: n,
                                    text: line.trim().to_string(),
                                    reason: format!(
                                        "{}“{}”一行有 {} 个数字（应有 {need} 个），已取最后 {need} 个，请核对。",
                                        g.table,
                                        t,
                                        p.cells.len()
                                    ),
                                    path: Some((g.first_cell)(p.row)),
                                });
                                p.cells.drain(..p.cells.len() - need);
                            }
                        }
                        if p.cells.len() == need {
                            finish(p, &mut rows, findings);
                        } else {
                            pending = Some(p);
                        }
                        j = end;
                        continue;
                    }
                    if (g.is_header)(t) {
                        // Header words and group labels: structure, not data.
                    } else if is_cell_text(t) && pending.is_some() {
                        push_cell(&mut pending, t.clone(), g, &mut rows, findings, &finish);
                    } else {
                        findings.push(ImportFinding {
                            line: n,
                            text: t.clone(),
                            reason: format!(
                                "{}中的文字“{t}”不是表格的行名，未能导入，请核对。",
                                g.table
                            ),
                            path: Some(FieldPath::Section(g.section)),
                        });
                    }
                }
                Token::Value(v) => {
                    if pending.is_some() {
                        push_cell(&mut pending, v.clone(), g, &mut rows, findings, &finish);
                    } else {
                        findings.push(ImportFinding {
                            line: n,
                            text: v.clone(),
                            reason: format!(
                                "{}中的数字“{v}”找不到所属的行，未能导入，请核对。",
                                g.table
                            ),
                            path: Some(FieldPath::Section(g.section)),
                        });
                    }
                }
            }
            j += 1;
        }
    }
    if let Some(p) = pending.take() {
        finish(p, &mut rows, findings);
    }
    rows
}

fn push_cell<R: Copy + PartialEq>(
    pending: &mut Option<Row<R>>,
    text: String,
    g: &Grammar<R>,
    rows: &mut Vec<Row<R>>,
    findings: &mut Vec<ImportFinding>,
    finish: &impl Fn(Row<R>, &mut Vec<Row<R>>, &mut Vec<ImportFinding>),
) {
    if let Some(p) = pending.as_mut() {
        p.cells.push(text);
        if p.cells.len() == (g.width)(p.row) {
            if let Some(p) = pending.take() {
                finish(p, rows, findings);
            }
        }
    }
}

fn is_number_cell(t: &Token) -> bool {
    match t {
        Token::Value(_) => true,
        Token::Text(s) => is_cell_text(s) && !is_request_header(s),
        Token::Empty => false,
    }
}

fn cell_text(t: &Token) -> String {
    match t {
        Token::Empty => String::new(),
        Token::Value(s) | Token::Text(s) => s.clone(),
    }
}

pub fn active(body: &[Line], report: &mut Report, findings: &mut Vec<ImportFinding>) {
    let g = Grammar {
        row: |t, _| active_row(t),
        width: ActiveRow::cells,
        is_header: is_active_header,
        table: "表二",
        first_cell: |r| match r {
            ActiveRow::Documents(k) => FieldPath::Document(k, DocumentColumn::ALL[0]),
            ActiveRow::Decision(k) => FieldPath::Decision(k),
            ActiveRow::Fee => FieldPath::Fee,
        },
        section: Section::Active,
    };
    for r in collect(body, &g, findings) {
        let a = &mut report.active;
        match r.row {
            ActiveRow::Documents(k) => {
                let d = a.documents_mut(k);
                d.issued = CountCell::new(&r.cells[0]);
                d.repealed = CountCell::new(&r.cells[1]);
                d.in_force = CountCell::new(&r.cells[2]);
            }
            ActiveRow::Decision(k) => *a.decision_mut(k) = CountCell::new(&r.cells[0]),
            ActiveRow::Fee => a.fee = MoneyCell::new(&r.cells[0]),
        }
    }
}

pub fn requests(body: &[Line], report: &mut Report, findings: &mut Vec<ImportFinding>) {
    let g = Grammar {
        row: |t, started| {
            let row = request_row(t)?;
            // "其他" and "总计" are also column headers: rows only once the rows have begun.
            let ambiguous = matches!(normalise(t).as_str(), "其他" | "总计");
            (started || !ambiguous).then_some(row)
        },
        width: |_| 7,
        is_header: is_request_header,
        table: "表三",
        first_cell: |r| FieldPath::Request(r, Applicant::NaturalPerson),
        section: Section::Requests,
    };
    let rows = collect(body, &g, findings);
    let missing: Vec<&str> = RequestRow::ALL
        .iter()
        .filter(|r| !rows.iter().any(|x| x.row == **r))
        .map(|r| r.label())
        .collect();
    if !missing.is_empty() && !body.is_empty() {
        findings.push(ImportFinding {
            line: body.first().map_or(0, |l| l.0),
            text: String::new(),
            reason: format!(
                "表三有 {} 行没有找到：{}。这些格子留空，请对照原文填写。",
                missing.len(),
                missing.join("、")
            ),
            path: RequestRow::ALL
                .iter()
                .find(|r| !rows.iter().any(|x| x.row == **r))
                .map(|&r| FieldPath::Request(r, Applicant::NaturalPerson)),
        });
    }
    for r in rows {
        for (col, text) in Applicant::ALL.into_iter().zip(&r.cells) {
            report.requests.set(r.row, col, CountCell::new(text));
        }
    }
}

pub fn review(body: &[Line], report: &mut Report, findings: &mut Vec<ImportFinding>) {
    // The table's 15 numbers are in one row under a three-level header; take them in order,
    // positionally when one line holds exactly 15 cells.
    let mut values: Vec<String> = Vec::new();
    let mut first_line = 0;
    for &(n, line) in body {
        let tokens = tokenize(line);
        let cells: Vec<&Token> = tokens
            .iter()
            .filter(|t| is_number_cell(t) || matches!(t, Token::Empty))
            .collect();
        let numbers = tokens
            .iter()
            .filter(|t| matches!(t, Token::Value(_)))
            .count();
        if numbers == 0 {
            for t in &tokens {
                if let Token::Text(s) = t {
                    let n_s = normalise(s);
                    let known = [
                        "行政复议",
                        "行政诉讼",
                        "结果维持",
                        "结果纠正",
                        "其他结果",
                        "尚未审结",
                        "总计",
                        "未经复议直接起诉",
                        "复议后起诉",
                    ];
                    if !known.iter().any(|k| k.contains(n_s.as_str())) {
                        findings.push(ImportFinding {
                            line: n,
                            text: s.clone(),
                            reason: format!("表四中的文字“{s}”不是表格的内容，未能导入，请核对。"),
                            path: Some(FieldPath::Section(Section::Review)),
                        });
                    }
                }
            }
            continue;
        }
        if first_line == 0 {
            first_line = n;
        }
        if cells.len() == tokens.len() && tokens.len() == 15 && values.is_empty() {
            values = tokens.iter().map(cell_text).collect();
        } else {
            values.extend(tokens.iter().filter(|t| is_number_cell(t)).map(cell_text));
        }
    }
    if values.is_empty() {
        return;
    }
    if values.len() != 15 {
        findings.push(ImportFinding {
            line: first_line,
            text: values.join(" "),
            reason: format!(
                "表四应有 15 个数字，找到了 {} 个，已按顺序填入，请核对。",
                values.len()
            ),
            path: Some(FieldPath::Review(
                ReviewGroup::Reconsideration,
                ReviewOutcome::Upheld,
            )),
        });
    }
    let cells = ReviewGroup::ALL
        .into_iter()
        .flat_map(|g| ReviewOutcome::ALL.map(move |o| (g, o)));
    for ((g, o), text) in cells.zip(values) {
        *report.review.group_mut(g).get_mut(o) = CountCell::new(&text);
    }
}
