//! The shape of the forms: sections, the parts of 一, and tables 二, 三 and 四 laid out like the
//! official tables of 国办公开办函〔2021〕30号 (same labels, same order, same merged headers).
//! Labels come from the core; the UI draws whatever this says and knows no label of its own.

use nianbao_core::model::{
    AgencyKind, Applicant, DecisionKind, DocumentColumn, DocumentKind, OutcomeGroup, PartKind,
    RequestRow, ReviewGroup, ReviewOutcome, Section,
};
use nianbao_core::FieldPath;
use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    pub app_name: String,
    pub sections: Vec<SectionInfo>,
    /// 机关类别 choices, as typed into `meta.kind`.
    pub agency_kinds: Vec<String>,
    /// The five parts of 一、总体情况.
    pub parts: Vec<PartInfo>,
    /// Tables 二, 三 and 四.
    pub tables: Vec<TableSpec>,
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionInfo {
    #[ts(type = "SectionKey")]
    pub key: String,
    /// The heading as printed (一、总体情况); 基本信息 for the editor's own page.
    pub heading: String,
    /// The navigator's short name: 基本信息, 一 … 六.
    pub numeral: String,
    /// The heading without its numeral (总体情况).
    pub name: String,
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartInfo {
    pub numeral: String,
    pub heading: String,
    #[ts(type = "FieldPath")]
    pub path: String,
    /// What its "按表格生成" button is called after (表二, 表三和表四); `null`: no such button.
    pub generates_from: Option<String>,
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TableSpec {
    #[ts(type = "SectionKey")]
    pub section: String,
    /// The rows of the table as printed, header rows first.
    pub rows: Vec<Vec<SpecCell>>,
}

#[derive(Clone, Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum SpecCell {
    /// A header cell (bold, centred).
    Head {
        text: String,
        colspan: u32,
        rowspan: u32,
    },
    /// A row label.
    Label {
        text: String,
        colspan: u32,
        rowspan: u32,
    },
    /// An editable number.
    Input {
        #[ts(type = "FieldPath")]
        path: String,
        /// The cell's name in words (表三·自然人·本年新收), for screen readers and tooltips.
        label: String,
        colspan: u32,
        /// A stated total: the computed value is shown beside it when the two differ.
        total: bool,
        /// An amount of money (four decimals) rather than a count.
        money: bool,
    },
}

fn head(text: &str, colspan: u32, rowspan: u32) -> SpecCell {
    SpecCell::Head {
        text: text.to_string(),
        colspan,
        rowspan,
    }
}

fn label(text: &str, colspan: u32, rowspan: u32) -> SpecCell {
    SpecCell::Label {
        text: text.to_string(),
        colspan,
        rowspan,
    }
}

fn input(path: FieldPath, colspan: u32, total: bool) -> SpecCell {
    SpecCell::Input {
        path: path.to_string(),
        label: path.label(),
        colspan,
        total,
        money: path == FieldPath::Fee,
    }
}

pub fn layout() -> Layout {
    Layout {
        app_name: "年报编制器".to_string(),
        sections: Section::ALL
            .into_iter()
            .map(|s| SectionInfo {
                key: s.key().to_string(),
                heading: s.heading().to_string(),
                numeral: s
                    .heading()
                    .split_once('、')
                    .map_or(s.heading(), |(n, _)| n)
                    .to_string(),
                name: s.name().to_string(),
            })
            .collect(),
        agency_kinds: AgencyKind::ALL
            .into_iter()
            .map(|k| k.label().to_string())
            .collect(),
        parts: PartKind::ALL
            .into_iter()
            .map(|k| PartInfo {
                numeral: k.numeral().to_string(),
                heading: k.heading().to_string(),
                path: FieldPath::Part(k).to_string(),
                generates_from: {
                    let tables: Vec<&str> = nianbao_core::Paragraph::for_field(FieldPath::Part(k))
                        .iter()
                        .map(|p| p.table())
                        .collect();
                    (!tables.is_empty()).then(|| tables.join("和"))
                },
            })
            .collect(),
        tables: vec![active_table(), requests_table(), review_table()],
    }
}

/// 二、主动公开政府信息情况: four blocks, one per item of 条例第二十条.
fn active_table() -> TableSpec {
    let mut rows = vec![
        vec![head("第二十条第（一）项", 4, 1)],
        std::iter::once(head("信息内容", 1, 1))
            .chain(DocumentColumn::ALL.map(|c| head(c.label(), 1, 1)))
            .collect(),
    ];
    for k in DocumentKind::ALL {
        rows.push(
            std::iter::once(label(k.label(), 1, 1))
                .chain(DocumentColumn::ALL.map(|c| input(FieldPath::Document(k, c), 1, false)))
                .collect(),
        );
    }
    let blocks: [(&str, &[DecisionKind]); 2] = [
        ("第二十条第（五）项", &[DecisionKind::Licensing]),
        (
            "第二十条第（六）项",
            &[DecisionKind::Penalty, DecisionKind::Enforcement],
        ),
    ];
    for (title, kinds) in blocks {
        rows.push(vec![head(title, 4, 1)]);
        rows.push(vec![head("信息内容", 1, 1), head("本年处理决定数量", 3, 1)]);
        for &k in kinds {
            rows.push(vec![
                label(k.label(), 1, 1),
                input(FieldPath::Decision(k), 3, false),
            ]);
        }
    }
    rows.push(vec![head("第二十条第（八）项", 4, 1)]);
    rows.push(vec![
        head("信息内容", 1, 1),
        head("本年收费金额（单位：万元）", 3, 1),
    ]);
    rows.push(vec![
        label("行政事业性收费", 1, 1),
        input(FieldPath::Fee, 3, false),
    ]);
    TableSpec {
        section: Section::Active.key().to_string(),
        rows,
    }
}

/// 三、收到和处理政府信息公开申请情况: three label columns, then the seven applicant columns.
fn requests_table() -> TableSpec {
    let mut rows = vec![
        vec![
            head(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
            ),
            head("申请人情况", 7, 1),
        ],
        vec![
            head(Applicant::NaturalPerson.label(), 1, 2),
            head("法人或其他组织", 5, 1),
            head(Applicant::Total.label(), 1, 2),
        ],
        Applicant::ORGANISATIONS
            .into_iter()
            .map(|a| head(a.label(), 1, 1))
            .collect(),
    ];
    let cells = |row: RequestRow| -> Vec<SpecCell> {
        Applicant::ALL
            .into_iter()
            .map(|a| {
                input(
                    FieldPath::Request(row, a),
                    1,
                    a == Applicant::Total || row == RequestRow::Total,
                )
            })
            .collect()
    };
    let outcome_rows = RequestRow::outcomes().count() as u32 + 1; // and （七）总计
    for row in RequestRow::ALL {
        let mut r = Vec::new();
        match row.group() {
            None if row == RequestRow::Total => r.push(label(row.label(), 2, 1)),
            None => r.push(label(row.label(), 3, 1)),
            Some(g) => {
                if row == RequestRow::Granted {
                    r.push(label("三、本年度办理结果", 1, outcome_rows));
                }
                if g.has_sub_rows() {
                    if g.rows().first() == Some(&row) {
                        r.push(label(g.label(), 1, g.rows().len() as u32));
                    }
                    r.push(label(row.label(), 1, 1));
                } else {
                    r.push(label(g.label(), 2, 1));
                }
            }
        }
        r.extend(cells(row));
        rows.push(r);
    }
    debug_assert_eq!(OutcomeGroup::ALL.len(), 6);
    TableSpec {
        section: Section::Requests.key().to_string(),
        rows,
    }
}

/// 四、政府信息公开行政复议、行政诉讼情况: one row of fifteen cells under a two-level header.
fn review_table() -> TableSpec {
    let mut second = Vec::new();
    let mut third = Vec::new();
    for g in ReviewGroup::ALL {
        if g == ReviewGroup::Reconsideration {
            second.extend(ReviewOutcome::ALL.map(|o| head(o.label(), 1, 2)));
        } else {
            second.push(head(g.header_label(), 5, 1));
            third.extend(ReviewOutcome::ALL.map(|o| head(o.label(), 1, 1)));
        }
    }
    let values = ReviewGroup::ALL
        .into_iter()
        .flat_map(|g| {
            ReviewOutcome::ALL.map(|o| input(FieldPath::Review(g, o), 1, o == ReviewOutcome::Total))
        })
        .collect();
    TableSpec {
        section: Section::Review.key().to_string(),
        rows: vec![
            vec![head("行政复议", 5, 1), head("行政诉讼", 10, 1)],
            second,
            third,
            values,
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Each table's width, counting spans and the cells of rows spanned from above.
    fn widths(t: &TableSpec) -> Vec<u32> {
        let mut carry: Vec<u32> = Vec::new(); // rows each column is still occupied for
        let mut out = Vec::new();
        for row in &t.rows {
            let mut width = carry.iter().filter(|&&n| n > 0).count() as u32;
            let mut next: Vec<u32> = carry.iter().map(|n| n.saturating_sub(1)).collect();
            for c in row {
                let (cs, rs) = match c {
                    SpecCell::Head {
                        colspan, rowspan, ..
                    }
                    | SpecCell::Label {
                        colspan, rowspan, ..
                    } => (*colspan, *rowspan),
                    SpecCell::Input { colspan, .. } => (*colspan, 1),
                };
                width += cs;
                for _ in 0..cs {
                    next.push(rs - 1);
                }
            }
            out.push(width);
            carry = next.into_iter().filter(|&n| n > 0).collect();
        }
        out
    }

    #[test]
    fn tables_are_rectangular() {
        let l = layout();
        let expected = [4, 10, 15];
        for (t, w) in l.tables.iter().zip(expected) {
            assert!(
                widths(t).iter().all(|&x| x == w),
                "{}: {:?}",
                t.section,
                widths(t)
            );
        }
    }

    #[test]
    fn every_table_field_appears_exactly_once() {
        let l = layout();
        let mut seen = HashSet::new();
        for t in &l.tables {
            for row in &t.rows {
                for c in row {
                    if let SpecCell::Input { path, .. } = c {
                        assert!(seen.insert(path.clone()), "twice: {path}");
                        let p: FieldPath = path.parse().expect("valid path");
                        assert_eq!(p.section().key(), t.section);
                    }
                }
            }
        }
        let want = FieldPath::all_fields()
            .into_iter()
            .filter(|p| p.is_table_cell())
            .count();
        assert_eq!(seen.len(), want);
    }

    #[test]
    fn navigator_names() {
        let l = layout();
        let n: Vec<_> = l.sections.iter().map(|s| s.numeral.as_str()).collect();
        assert_eq!(n, ["基本信息", "一", "二", "三", "四", "五", "六"]);
    }
}
