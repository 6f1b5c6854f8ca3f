//! The intermediate every file form is turned into: a flow of blocks (paragraphs, tables as
//! grids with their spans), and its rendering into the line/tab text that placement reads.
//!
//! Placement (sections, parts, rows by label) stays the one line-based importer: a paragraph is
//! a line, a table row is a line with one tab-separated cell per grid cell. That keeps a single
//! placement for every form, tested by the seeds, instead of a second one for structured input.

use crate::tokens::{is_blank, is_value};
use crate::ImportFinding;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Grid),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The text as read; a line break inside the paragraph is '\n'.
    pub text: String,
    /// 1 for a level-1 heading and so on, when the source marks one.
    pub heading: Option<u8>,
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph(Paragraph {
            text: text.into(),
            heading: None,
        })
    }
}

/// A cell placed on the grid at its top-left position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridCell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
}

/// A table as a grid: every cell once, at its top-left position; positions no cell covers
/// (ragged rows) are simply absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    pub cells: Vec<GridCell>,
}

impl Grid {
    pub fn rows(&self) -> usize {
        self.cells
            .iter()
            .map(|c| c.row + c.rowspan)
            .max()
            .unwrap_or(0)
    }

    /// The cell whose area covers (row, col).
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&GridCell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rowspan).contains(&row) && (c.col..c.col + c.colspan).contains(&col)
        })
    }
}

/// Builds a grid row by row from cells that say how far they span, HTML style: a cell with a
/// rowspan takes its column in the rows below, and later cells of those rows move right.
#[derive(Default)]
pub struct GridBuilder {
    grid: Grid,
    /// For each column, the row up to which (exclusive) a cell from above occupies it, and
    /// that cell's index.
    taken_until: Vec<usize>,
    owner: Vec<usize>,
    row: usize,
    col: usize,
}

/// Past this, a span is not one of a report's tables (the largest spans 23 rows).
pub const MAX_GRID_SPAN: usize = 100;

impl GridBuilder {
    pub fn new() -> GridBuilder {
        GridBuilder::default()
    }

    fn occupied(&self, col: usize) -> bool {
        self.taken_until.get(col).is_some_and(|&u| u > self.row)
    }

    /// Leaves `n` grid columns empty in the current row (Word's gridBefore).
    pub fn skip(&mut self, n: usize) {
        for _ in 0..n.min(MAX_GRID_SPAN) {
            while self.occupied(self.col) {
                self.col += 1;
            }
            self.col += 1;
        }
    }

    /// Adds a cell at the next free column of the current row.
    pub fn push(&mut self, text: String, rowspan: usize, colspan: usize) {
        let rowspan = rowspan.clamp(1, MAX_GRID_SPAN);
        let colspan = colspan.clamp(1, MAX_GRID_SPAN);
        while self.occupied(self.col) {
            self.col += 1;
        }
        let col = self.col;
        if self.taken_until.len() < col + colspan {
            self.taken_until.resize(col + colspan, 0);
            self.owner.resize(col + colspan, 0);
        }
        for u in &mut self.taken_until[col..col + colspan] {
            *u = self.row + rowspan;
        }
        for o in &mut self.owner[col..col + colspan] {
            *o = self.grid.cells.len();
        }
        self.grid.cells.push(GridCell {
            row: self.row,
            col,
            rowspan,
            colspan,
            text,
        });
        self.col += colspan;
    }

    /// Extends the cell above the next free column down into this row (Word's vMerge
    /// "continue"); a continuation with nothing above starts an empty cell instead.
    pub fn continue_above(&mut self, colspan: usize) {
        while self.occupied(self.col) {
            self.col += 1;
        }
        let (row, col) = (self.row, self.col);
        let above = self
            .owner
            .get(col)
            .and_then(|&i| self.grid.cells.get_mut(i))
            .filter(|c| {
                c.row + c.rowspan == row
                    && c.col == col
                    && c.colspan == colspan.max(1)
                    && c.rowspan < MAX_GRID_SPAN
            });
        match above {
            Some(c) => {
                c.rowspan += 1;
                for u in &mut self.taken_until[col..col + c.colspan] {
                    *u = row + 1;
                }
                self.col += c.colspan;
            }
            None => self.push(String::new(), 1, colspan),
        }
    }

    pub fn end_row(&mut self) {
        self.row += 1;
        self.col = 0;
    }

    pub fn finish(self) -> Grid {
        self.grid
    }
}

/// A cell's text on one line: its own line breaks and tabs would split the table row.
fn one_line(text: &str) -> String {
    text.split(['\t', '\n', '\r'])
        .map(|s| s.trim_matches(is_blank))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title printed over two lines ("…人民政府\n2023年政府信息公开工作年度报告"), as our own DOCX
/// does for long titles: one line again.
fn join_title(text: &str) -> Option<String> {
    let joined: String = text
        .lines()
        .map(|l| l.trim_matches(is_blank))
        .collect::<Vec<_>>()
        .concat();
    (text.contains('\n') && joined.contains("报告") && joined.chars().count() <= 80)
        .then_some(joined)
}

/// The blocks as the line/tab text that [`crate::import_text`] reads, with findings about what
/// the rendering had to decide (numbers in cells that span rows).
pub fn to_text(blocks: &[Block]) -> (String, Vec<ImportFinding>) {
    let mut out = String::new();
    let mut findings = Vec::new();
    let mut line = 1;
    let mut title_seen = false;
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                let text = p.text.trim_matches(is_blank);
                if text.is_empty() {
                    continue;
                }
                let text = match (title_seen, join_title(text)) {
                    (false, Some(t)) => t,
                    _ => text.to_string(),
                };
                title_seen = true;
                for l in text.lines() {
                    out.push_str(l);
                    out.push('\n');
                    line += 1;
                }
            }
            Block::Table(grid) => {
                title_seen = true;
                // Each row's cells, those reaching down from above included, left to right.
                let mut rows: Vec<Vec<&GridCell>> = vec![Vec::new(); grid.rows()];
                for c in &grid.cells {
                    for r in &mut rows[c.row..c.row + c.rowspan] {
                        r.push(c);
                    }
                }
                for (row, mut starts) in rows.into_iter().enumerate() {
                    let mut cells: Vec<String> = Vec::new();
                    starts.sort_by_key(|c| c.col);
                    for c in starts {
                        let text = one_line(&c.text);
                        if c.row == row {
                            cells.push(text);
                        } else if text.split(is_blank).any(is_value) {
                            // A number belongs to one row: which of the spanned rows is not
                            // for the importer to guess, so the others stay empty and say so.
                            cells.push(String::new());
                            findings.push(ImportFinding {
                                line,
                                text: text.clone(),
                                reason: format!(
                                    "表格中的数字“{text}”所在的格子跨了 {} 行，只放在了第一行，其余行的这一格留空，请核对。",
                                    c.rowspan
                                ),
                                path: None,
                            });
                        } else {
                            // A label spanning rows ("（三）不予公开" over its eight reasons)
                            // belongs to every row it spans.
                            cells.push(text);
                        }
                    }
                    out.push_str(&cells.join("\t"));
                    out.push('\n');
                    line += 1;
                }
            }
        }
    }
    (out, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rowspans_and_colspans_like_html() {
        // | A (2 rows) | B (2 cols)  |
        // |            | c    | d    |
        let mut b = GridBuilder::new();
        b.push("A".into(), 2, 1);
        b.push("B".into(), 1, 2);
        b.end_row();
        b.push("c".into(), 1, 1);
        b.push("d".into(), 1, 1);
        b.end_row();
        let g = b.finish();
        assert_eq!(g.cell_at(1, 0).map(|c| c.text.as_str()), Some("A"));
        assert_eq!(g.cell_at(1, 1).map(|c| c.text.as_str()), Some("c"));
        assert_eq!(g.cell_at(0, 2).map(|c| c.text.as_str()), Some("B"));
        assert_eq!(g.rows(), 2);
    }

    #[test]
    fn word_vertical_merges_extend_the_cell_above() {
        let mut b = GridBuilder::new();
        b.push("（三）不予公开".into(), 1, 1);
        b.push("1.属于国家秘密".into(), 1, 1);
        b.push("0".into(), 1, 1);
        b.end_row();
        b.continue_above(1);
        b.push("2.其他法律行政法规禁止公开".into(), 1, 1);
        b.push("3".into(), 1, 1);
        b.end_row();
        // A continuation with no cell above it is an empty cell, not a crash.
        b.push("x".into(), 1, 2);
        b.end_row();
        b.continue_above(1);
        b.end_row();
        let g = b.finish();
        let (text, findings) = to_text(&[Block::Table(g)]);
        assert_eq!(
            text,
            "（三）不予公开\t1.属于国家秘密\t0\n（三）不予公开\t2.其他法律行政法规禁止公开\t3\nx\n\n"
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn a_number_spanning_rows_is_kept_once_and_named() {
        let mut b = GridBuilder::new();
        b.push("规章".into(), 1, 1);
        b.push("12".into(), 2, 1);
        b.end_row();
        b.push("行政规范性文件".into(), 1, 1);
        b.end_row();
        let (text, findings) = to_text(&[Block::Table(b.finish())]);
        assert_eq!(text, "规章\t12\n行政规范性文件\t\n");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].line, 2);
        assert!(findings[0].reason.contains("跨了 2 行"), "{findings:?}");
    }

    #[test]
    fn cells_on_one_line_and_titles_joined() {
        let blocks = vec![
            Block::paragraph("孟州市人民政府\n2023年政府信息公开工作年度报告"),
            Block::paragraph("一、总体情况"),
            Block::paragraph("第一段\n第二段"),
        ];
        let mut b = GridBuilder::new();
        b.push("商业\n企业".into(), 1, 1);
        b.push("1\t2".into(), 1, 1);
        b.end_row();
        let mut blocks = blocks;
        blocks.push(Block::Table(b.finish()));
        let (text, _) = to_text(&blocks);
        assert_eq!(
            text,
            "孟州市人民政府2023年政府信息公开工作年度报告\n一、总体情况\n第一段\n第二段\n商业 企业\t1 2\n"
        );
    }

    #[test]
    fn absurd_spans_are_bounded() {
        let mut b = GridBuilder::new();
        b.push("x".into(), usize::MAX, usize::MAX);
        b.end_row();
        let g = b.finish();
        assert_eq!(g.cells[0].rowspan, MAX_GRID_SPAN);
        assert_eq!(g.cells[0].colspan, MAX_GRID_SPAN);
    }
}
