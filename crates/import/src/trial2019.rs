//! Reports in the 2019 trial format (国办公开办函〔2019〕60号, used for the years 2019 and 2020):
//! recognised by their labels, never by the year alone; what means the same in today's format
//! (国办公开办函〔2021〕30号) is imported, everything else is listed with its numbers and left
//! for the user — never read into a row that means something else.
//!
//! What maps, and why:
//! - 表二, 行政许可 / 行政处罚 / 行政强制: the trial rows print 上一年项目数量 | 本年增/减 |
//!   处理决定数量; today's row is 本年处理决定数量 — the third number, the same count. Imported.
//! - 表二, 规章 and 规范性文件: the trial columns are 本年新制作 | 本年新公开 | 对外公开总数量;
//!   today's are 本年制发 | 本年废止 | 现行有效. 新公开 and 对外公开总数 count publications, not
//!   documents in force, and there is no 废止 at all: nothing maps. Listed.
//! - 表二, 其他对外管理服务事项, 行政事业性收费 (项目数量 and 增减, no amount in 万元) and
//!   政府集中采购 (项目数量, 总金额): today's format has no such figure, or asks for another
//!   (the fee amount). Listed; the fee stays empty.
//! - 表三: the same seven columns and the same rows but one — the trial format has a single
//!   （六）其他处理 row where today's has three sub-rows. Those three stay empty (a total cannot
//!   be split) and the single row's numbers are listed; every other row is imported as usual.
//! - 表四: the same fifteen cells. Imported as usual.

use nianbao_core::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, Report, RequestRow, Section,
};
use nianbao_core::{CountCell, FieldPath};

use crate::labels::{leftover_of, normalise, Vocabulary};
use crate::sections::Line;
use crate::tables::{collect, Grammar};
use crate::tokens::{tokenize, Token};
use crate::ImportFinding;

/// Words only the trial format's 表二 prints.
const ACTIVE_MARKERS: [&str; 6] = [
    "本年新制作",
    "本年新公开",
    "对外公开总数量",
    "上一年项目数量",
    "其他对外管理服务事项",
    "政府集中采购",
];

/// Whether 表二 or 表三 is printed in the trial format.
pub fn is_trial(active: &[Line], requests: &[Line]) -> bool {
    let in_active = active.iter().any(|(_, l)| {
        let n = normalise(l);
        ACTIVE_MARKERS.iter().any(|m| n.contains(m))
    });
    // Only the trial format's own rows tell it: a single （六）其他处理 row is kept by reports in
    // today's format too (`single_other_row`).
    let _ = requests;
    in_active
}

/// The finding that names the format, first among the import notes.
pub fn notice(line: usize) -> ImportFinding {
    ImportFinding {
        line,
        text: String::new(),
        reason: "这是 2019 年试行格式（国办公开办函〔2019〕60号）的年报：表三、表四和表二的行政许可、行政处罚、行政强制已按现行格式导入；表二的规章、规范性文件、其他对外管理服务事项、行政事业性收费、政府集中采购和表三的“（六）其他处理”含义与现行格式不同，未导入，其数字列在下面，请按现行格式（国办公开办函〔2021〕30号）填写。".into(),
        path: Some(FieldPath::Section(Section::Active)),
    }
}

/// The line of 表三 holding the single （六）其他处理 row and its numbers, if the table has one.
fn other_handling(body: &[Line]) -> Option<(usize, Vec<String>)> {
    body.iter().find_map(|&(n, line)| {
        let tokens = tokenize(line);
        let at = tokens
            .iter()
            .position(|t| matches!(t, Token::Text(s) if normalise(s) == "其他处理"))?;
        let rest = &tokens[at + 1..];
        // Today's format prints 1.申请人… after the group label: that is no single row.
        if rest.iter().any(|t| matches!(t, Token::Text(_))) {
            return None;
        }
        let numbers: Vec<String> = rest
            .iter()
            .filter_map(|t| match t {
                Token::Value(v) => Some(v.clone()),
                _ => None,
            })
            .collect();
        (!numbers.is_empty()).then_some((n, numbers))
    })
}

/// 表三 without its single 其他处理 row, and the finding listing that row's numbers.
pub fn requests_body<'a>(body: &[Line<'a>], findings: &mut Vec<ImportFinding>) -> Vec<Line<'a>> {
    single_other_row(body, None, findings)
}

/// 表三 without a single, old-style （六）其他处理 row. When `report` is given (today's format)
/// and the row is all 0, its three current rows can only be 0 and are filled so; otherwise they
/// stay blank and the row's numbers are listed.
pub fn single_other_row<'a>(
    body: &[Line<'a>],
    report: Option<&mut nianbao_core::Report>,
    findings: &mut Vec<ImportFinding>,
) -> Vec<Line<'a>> {
    let Some((line, numbers)) = other_handling(body) else {
        return body.to_vec();
    };
    let zeros = numbers.len() == Applicant::ALL.len() && numbers.iter().all(|v| v == "0");
    if let (Some(report), true) = (report, zeros) {
        for row in [
            RequestRow::OtherOverdueCorrection,
            RequestRow::OtherOverdueFee,
            RequestRow::OtherOther,
        ] {
            for a in Applicant::ALL {
                report
                    .requests
                    .set(row, a, nianbao_core::CountCell::from_count(0));
            }
        }
        findings.push(ImportFinding {
            line,
            text: numbers.join(" "),
            reason: "表三的“（六）其他处理”按旧格式只印了一行，各栏都是 0，现行格式的三行（申请人无正当理由逾期不补正、申请人逾期未按收费通知缴费、其他）只能都是 0，已按 0 填入，请核对。".into(),
            path: Some(FieldPath::Request(
                RequestRow::OtherOverdueCorrection,
                Applicant::NaturalPerson,
            )),
        });
        return body.iter().filter(|l| l.0 != line).copied().collect();
    }
    let named: Vec<String> = Applicant::ALL
        .iter()
        .zip(&numbers)
        .map(|(a, v)| format!("{} {v}", a.label()))
        .collect();
    findings.push(ImportFinding {
        line,
        text: numbers.join(" "),
        reason: format!(
            "2019 年格式表三的“（六）其他处理”只有一行（{}），不能拆分到现行格式的三行（申请人无正当理由逾期不补正、申请人逾期未按收费通知缴费、其他），这三行留空，请按实际情况手工填写。",
            named.join("、")
        ),
        path: Some(FieldPath::Request(
            RequestRow::OtherOverdueCorrection,
            Applicant::NaturalPerson,
        )),
    });
    body.iter().filter(|l| l.0 != line).copied().collect()
}

/// A row of the trial format's 表二.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TrialRow {
    Documents(DocumentKind),
    Decision(DecisionKind),
    OtherServices,
    Fee,
    Procurement,
}

impl TrialRow {
    fn of(label: &str, _started: bool) -> Option<TrialRow> {
        Some(match normalise(label).as_str() {
            "规章" => TrialRow::Documents(DocumentKind::Regulations),
            "规范性文件" | "行政规范性文件" => {
                TrialRow::Documents(DocumentKind::NormativeDocuments)
            }
            "行政许可" => TrialRow::Decision(DecisionKind::Licensing),
            "行政处罚" => TrialRow::Decision(DecisionKind::Penalty),
            "行政强制" => TrialRow::Decision(DecisionKind::Enforcement),
            "其他对外管理服务事项" => TrialRow::OtherServices,
            "行政事业性收费" => TrialRow::Fee,
            "政府集中采购" => TrialRow::Procurement,
            _ => return None,
        })
    }

    /// The trial format's columns of the row.
    fn columns(self) -> &'static [&'static str] {
        match self {
            TrialRow::Documents(_) => &["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            TrialRow::Decision(_) | TrialRow::OtherServices => {
                &["上一年项目数量", "本年增/减", "处理决定数量"]
            }
            TrialRow::Fee => &["上一年项目数量", "本年增/减"],
            TrialRow::Procurement => &["采购项目数量", "采购总金额"],
        }
    }

    fn width(self) -> usize {
        self.columns().len()
    }

    fn path(self) -> FieldPath {
        match self {
            TrialRow::Documents(k) => FieldPath::Document(k, DocumentColumn::Issued),
            TrialRow::Decision(k) => FieldPath::Decision(k),
            TrialRow::Fee => FieldPath::Fee,
            TrialRow::OtherServices | TrialRow::Procurement => FieldPath::Section(Section::Active),
        }
    }
}

/// The trial 表二's header words, as printed.
const HEADERS: [&str; 14] = [
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
    "第二十条第（九）项",
    "信息内容",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "采购项目数量",
    "采购总金额",
];

/// Pieces of the trial 表二's header and labels only ("信息内容本年新制作数量本年新公开数量",
/// a header row a PDF gave as one line): see [`crate::labels::made_of_pieces`].
fn is_leftover(text: &str) -> bool {
    static WORDS: Vocabulary = Vocabulary::new();
    let labels = || {
        vec![
            "规章",
            "规范性文件",
            "行政许可",
            "其他对外管理服务事项",
            "行政处罚",
            "行政强制",
            "行政事业性收费",
            "政府集中采购",
        ]
    };
    leftover_of(text, &WORDS, labels, &HEADERS)
}

fn is_header(label: &str) -> bool {
    let n = normalise(label);
    n.is_empty()
        || n.starts_with("第二十条")
        || n == "信息内容"
        || ACTIVE_MARKERS.iter().any(|m| n.starts_with(m))
        || [
            "本年增",
            "处理决定数量",
            "采购项目数量",
            "采购总金额",
            "增/减",
            "减",
        ]
        .iter()
        .any(|m| n.starts_with(m))
}

/// The trial format's 表二: 处理决定数量 into today's rows, every other figure listed.
pub fn active(body: &[Line], report: &mut Report, findings: &mut Vec<ImportFinding>) {
    let g = Grammar {
        row: TrialRow::of,
        width: TrialRow::width,
        groups: |_| None,
        is_header,
        is_leftover,
        is_group_piece: |_| false,
        table: "表二（2019 年格式）",
        label: None,
        rows: None,
        first_cell: TrialRow::path,
        section: Section::Active,
    };
    for r in collect(body, &g, findings) {
        match r.row {
            TrialRow::Decision(k) => {
                *report.active.decision_mut(k) = CountCell::new(&r.cells[2]);
            }
            row => {
                if r.cells.iter().all(String::is_empty) {
                    continue;
                }
                let figures: Vec<String> = row
                    .columns()
                    .iter()
                    .zip(&r.cells)
                    .map(|(c, v)| format!("{c} {}", if v.is_empty() { "（空）" } else { v }))
                    .collect();
                let why = match row {
                    TrialRow::Documents(_) => "现行格式要求的是本年制发件数、本年废止件数和现行有效件数，含义不同，未导入，请按现行格式填写",
                    TrialRow::Fee => "现行格式要求的是本年收费金额（万元），试行格式没有这个数，未导入，请按现行格式填写",
                    _ => "现行格式没有这一项，未导入；如需说明，请写在正文中",
                };
                findings.push(ImportFinding {
                    line: r.line,
                    text: r.cells.join(" "),
                    reason: format!(
                        "2019 年格式表二“{}”：{}。{why}。",
                        r.label,
                        figures.join("、")
                    ),
                    path: Some(row.path()),
                });
            }
        }
    }
}
