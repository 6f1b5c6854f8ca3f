//! The layout-neutral document: title, headings, paragraphs and the three official tables with
//! their merged header cells. PDF, DOCX and HTML renderers all walk this one tree.

use nianbao_core::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, OutcomeGroup, Report, RequestRow,
    ReviewGroup, ReviewOutcome, Section,
};

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    /// The agency, for the document properties.
    pub author: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// 一、总体情况 … 六、其他需要报告的事项 (黑体).
    Heading1(String),
    /// （一）主动公开 … (楷体).
    Heading2(String),
    /// Body text (仿宋), first line indented by two characters.
    Paragraph(String),
    Table(Table),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
    pub align: Align,
    /// A header or label cell (as opposed to a figure).
    pub head: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Relative column widths; renderers scale them to the measure.
    pub columns: Vec<f32>,
    pub rows: usize,
    /// Rows at the top repeated after a page break.
    pub header_rows: usize,
    /// Every cell, each once at its top-left grid position, in reading order.
    pub cells: Vec<Cell>,
}

impl Table {
    fn new(columns: Vec<f32>, header_rows: usize) -> Table {
        Table {
            columns,
            rows: 0,
            header_rows,
            cells: Vec::new(),
        }
    }

    fn put(
        &mut self,
        row: usize,
        col: usize,
        rowspan: usize,
        colspan: usize,
        text: &str,
        head: bool,
    ) {
        self.rows = self.rows.max(row + rowspan);
        self.cells.push(Cell {
            row,
            col,
            rowspan,
            colspan,
            text: text.to_string(),
            align: Align::Center,
            head,
        });
    }

    fn label(&mut self, row: usize, col: usize, rowspan: usize, colspan: usize, text: &str) {
        self.put(row, col, rowspan, colspan, text, true);
    }

    fn value(&mut self, row: usize, col: usize, colspan: usize, text: &str) {
        self.put(row, col, 1, colspan, text, false);
    }

    /// The cell whose area covers (row, col), if any.
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rowspan).contains(&row) && (c.col..c.col + c.colspan).contains(&col)
        })
    }
}

/// The report as a document, in the order and with the labels of 国办公开办函〔2021〕30号.
pub fn build(report: &Report) -> Document {
    let mut blocks = Vec::new();
    let para = |blocks: &mut Vec<Block>, text: &str| {
        for p in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
            blocks.push(Block::Paragraph(p.to_string()));
        }
    };

    blocks.push(Block::Heading1(Section::Overview.heading().into()));
    para(&mut blocks, &report.overview.intro);
    for (k, part) in report.overview.parts() {
        blocks.push(Block::Heading2(format!(
            "{}{}",
            k.numeral(),
            part.heading_or_standard(k)
        )));
        para(&mut blocks, &part.text);
    }
    blocks.push(Block::Heading1(Section::Active.heading().into()));
    blocks.push(Block::Table(active_table(report)));
    blocks.push(Block::Heading1(Section::Requests.heading().into()));
    blocks.push(Block::Table(requests_table(report)));
    blocks.push(Block::Heading1(Section::Review.heading().into()));
    blocks.push(Block::Table(review_table(report)));
    blocks.push(Block::Heading1(Section::Problems.heading().into()));
    para(&mut blocks, &report.problems);
    blocks.push(Block::Heading1(Section::Other.heading().into()));
    para(&mut blocks, &report.other);

    Document {
        title: report.title(),
        author: report.meta.agency.trim().to_string(),
        blocks,
    }
}

/// A cell's printed text: the value as the user typed it (a wrong cell is printed as it is, the
/// validator having said so), the fee always with four decimals when it is a number.
fn count(cell: &nianbao_core::CountCell) -> String {
    cell.raw().to_string()
}

pub fn active_table(r: &Report) -> Table {
    let mut t = Table::new(vec![3.0, 2.0, 2.0, 2.0], 0);
    let mut row = 0;
    t.label(row, 0, 1, 4, "第二十条第（一）项");
    row += 1;
    t.label(row, 0, 1, 1, "信息内容");
    for (i, c) in DocumentColumn::ALL.into_iter().enumerate() {
        t.label(row, 1 + i, 1, 1, c.label());
    }
    row += 1;
    for k in DocumentKind::ALL {
        t.label(row, 0, 1, 1, k.label());
        for (i, c) in DocumentColumn::ALL.into_iter().enumerate() {
            t.value(row, 1 + i, 1, &count(r.active.documents(k).get(c)));
        }
        row += 1;
    }
    for (item, kinds) in [
        ("第二十条第（五）项", &[DecisionKind::Licensing][..]),
        (
            "第二十条第（六）项",
            &[DecisionKind::Penalty, DecisionKind::Enforcement][..],
        ),
    ] {
        t.label(row, 0, 1, 4, item);
        row += 1;
        t.label(row, 0, 1, 1, "信息内容");
        t.label(row, 1, 1, 3, "本年处理决定数量");
        row += 1;
        for &k in kinds {
            t.label(row, 0, 1, 1, k.label());
            t.value(row, 1, 3, &count(r.active.decision(k)));
            row += 1;
        }
    }
    t.label(row, 0, 1, 4, "第二十条第（八）项");
    row += 1;
    t.label(row, 0, 1, 1, "信息内容");
    t.label(row, 1, 1, 3, "本年收费金额（单位：万元）");
    row += 1;
    t.label(row, 0, 1, 1, "行政事业性收费");
    let fee = r
        .active
        .fee
        .display_4dp()
        .unwrap_or_else(|| r.active.fee.raw().to_string());
    t.value(row, 1, 3, &fee);
    for c in &mut t.cells {
        if c.head && c.colspan == 4 {
            c.align = Align::Left;
        }
    }
    t
}

pub fn requests_table(r: &Report) -> Table {
    // Three label columns (level 1 / level 2 / level 3) and seven figures.
    let mut t = Table::new(vec![1.6, 2.1, 4.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2], 3);
    t.label(
        0,
        0,
        3,
        3,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    );
    t.label(0, 3, 1, 7, "申请人情况");
    t.label(1, 3, 2, 1, Applicant::NaturalPerson.label());
    t.label(1, 4, 1, 5, "法人或其他组织");
    t.label(1, 9, 2, 1, Applicant::Total.label());
    for (i, a) in Applicant::ORGANISATIONS.into_iter().enumerate() {
        t.label(2, 4 + i, 1, 1, a.label());
    }
    let mut row = 3;
    let figures = |t: &mut Table, row: usize, r_: RequestRow| {
        for (i, a) in Applicant::ALL.into_iter().enumerate() {
            t.value(row, 3 + i, 1, &count(r.requests.get(r_, a)));
        }
    };
    for r_ in [RequestRow::NewReceived, RequestRow::CarriedOver] {
        t.label(row, 0, 1, 3, r_.label());
        figures(&mut t, row, r_);
        row += 1;
    }
    let outcome_rows = RequestRow::outcomes().count() + 1;
    t.label(row, 0, outcome_rows, 1, "三、本年度办理结果");
    for g in OutcomeGroup::ALL {
        let rows = g.rows();
        if g.has_sub_rows() {
            t.label(row, 1, rows.len(), 1, g.label());
            for &r_ in rows {
                t.label(row, 2, 1, 1, r_.label());
                figures(&mut t, row, r_);
                row += 1;
            }
        } else {
            t.label(row, 1, 1, 2, g.label());
            figures(&mut t, row, rows[0]);
            row += 1;
        }
    }
    t.label(row, 1, 1, 2, RequestRow::Total.label());
    figures(&mut t, row, RequestRow::Total);
    row += 1;
    t.label(row, 0, 1, 3, RequestRow::CarriedForward.label());
    figures(&mut t, row, RequestRow::CarriedForward);
    for c in &mut t.cells {
        if c.head && c.col <= 2 && c.row >= 3 && !(c.col == 0 && c.rowspan > 1) {
            c.align = Align::Left;
        }
    }
    t
}

pub fn review_table(r: &Report) -> Table {
    let mut t = Table::new(vec![1.0; 15], 3);
    t.label(0, 0, 2, 5, "行政复议");
    t.label(0, 5, 1, 10, "行政诉讼");
    t.label(1, 5, 1, 5, ReviewGroup::LitigationDirect.header_label());
    t.label(
        1,
        10,
        1,
        5,
        ReviewGroup::LitigationAfterReconsideration.header_label(),
    );
    // Cells in reading order: the row of labels, then the row of figures.
    for gi in 0..ReviewGroup::ALL.len() {
        for (oi, o) in ReviewOutcome::ALL.into_iter().enumerate() {
            t.label(2, gi * 5 + oi, 1, 1, o.label());
        }
    }
    for (gi, g) in ReviewGroup::ALL.into_iter().enumerate() {
        for (oi, o) in ReviewOutcome::ALL.into_iter().enumerate() {
            t.value(3, gi * 5 + oi, 1, &count(r.review.group(g).get(o)));
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every grid position is covered by exactly one cell.
    fn assert_tiles(t: &Table) {
        for row in 0..t.rows {
            for col in 0..t.columns.len() {
                let n = t
                    .cells
                    .iter()
                    .filter(|c| {
                        (c.row..c.row + c.rowspan).contains(&row)
                            && (c.col..c.col + c.colspan).contains(&col)
                    })
                    .count();
                assert_eq!(n, 1, "({row}, {col}) covered {n} times");
            }
        }
    }

    #[test]
    fn official_tables_tile_their_grids() {
        let r = Report::default();
        let a = active_table(&r);
        assert_eq!((a.rows, a.columns.len()), (14, 4));
        assert_tiles(&a);
        let q = requests_table(&r);
        assert_eq!((q.rows, q.columns.len()), (28, 10));
        assert_tiles(&q);
        let v = review_table(&r);
        assert_eq!((v.rows, v.columns.len()), (4, 15));
        assert_tiles(&v);
    }

    #[test]
    fn cells_are_in_reading_order() {
        let r = Report::default();
        for t in [active_table(&r), requests_table(&r), review_table(&r)] {
            let order: Vec<(usize, usize)> = t.cells.iter().map(|c| (c.row, c.col)).collect();
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(order, sorted);
        }
    }

    #[test]
    fn requests_table_has_the_nested_left_header() {
        let q = requests_table(&Report::default());
        let c = q.cell_at(10, 0).expect("cell");
        assert_eq!((c.text.as_str(), c.rowspan), ("三、本年度办理结果", 22));
        let c = q.cell_at(7, 1).expect("cell");
        assert_eq!((c.text.as_str(), c.rowspan), ("（三）不予公开", 8));
        assert_eq!(
            q.cell_at(7, 2).map(|c| c.text.as_str()),
            Some("1.属于国家秘密")
        );
        assert_eq!(q.cell_at(0, 5).map(|c| c.text.as_str()), Some("申请人情况"));
        assert_eq!(
            q.cell_at(1, 6).map(|c| c.text.as_str()),
            Some("法人或其他组织")
        );
    }
}
