//! Tables from ruling lines: the lines a page draws give the grid, a missing border between
//! two grid cells merges them (spans), and each glyph belongs to the cell around its centre —
//! so a label spanning several rows is one cell, in its own column of the rows it spans, and
//! never read into a neighbour's label.

use super::glyphs::{Glyph, Rule};
use super::lines::lines;
use crate::blocks::{Grid, GridCell};
use crate::ImportError;

/// Borders closer than this (points) are the same border.
const TOL: f64 = 2.0;
/// More ruling lines than this on one page is not a report's page (table 三 takes some 1,200).
pub const MAX_RULES: usize = 10_000;
/// Grid cells of one table (table 三: 28 × 10), and tables on one page.
const MAX_GRID: usize = 10_000;
const MAX_TABLES: usize = 100;

/// A table on one page: its top edge and its grid (each cell once, with its spans).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub top: f64,
    pub grid: Grid,
}

impl Table {
    /// The texts of the cells that start in each row, left to right: what a repeated header
    /// is compared by.
    pub fn row_texts(&self) -> Vec<Vec<&str>> {
        let mut rows: Vec<Vec<(usize, &str)>> = vec![Vec::new(); self.grid.rows()];
        for c in &self.grid.cells {
            rows[c.row].push((c.col, c.text.as_str()));
        }
        rows.into_iter()
            .map(|mut r| {
                r.sort_by_key(|&(col, _)| col);
                r.into_iter().map(|(_, t)| t).collect()
            })
            .collect()
    }

    /// Drops the first `n` rows (a header repeated on a new page); a cell reaching below them
    /// keeps its lower part.
    pub fn drop_rows(&mut self, n: usize) {
        self.grid.cells.retain(|c| c.row + c.rowspan > n);
        for c in &mut self.grid.cells {
            let cut = n.saturating_sub(c.row);
            c.rowspan -= cut;
            c.row = c.row + cut - n;
        }
    }
}

/// Finds the page's tables; the glyphs not inside any table are returned for lines.
pub fn extract(
    rules: &[Rule],
    glyphs: Vec<Glyph>,
) -> Result<(Vec<Table>, Vec<Glyph>), ImportError> {
    if rules.len() > MAX_RULES {
        return Err(ImportError::PdfTooComplex);
    }
    let mut tables = Vec::new();
    let mut rest = glyphs;
    for component in components(rules) {
        let members: Vec<Rule> = component.iter().map(|&i| rules[i]).collect();
        match grid(&members, rest)? {
            (Some(table), outside) => {
                tables.push(table);
                if tables.len() > MAX_TABLES {
                    return Err(ImportError::PdfTooComplex);
                }
                rest = outside;
            }
            (None, all) => rest = all,
        }
    }
    tables.sort_by(|a, b| b.top.total_cmp(&a.top));
    Ok((tables, rest))
}

fn touches(a: &Rule, b: &Rule) -> bool {
    a.x0 <= b.x1 + TOL && b.x0 <= a.x1 + TOL && a.y0 <= b.y1 + TOL && b.y0 <= a.y1 + TOL
}

/// Groups of ruling lines that touch each other: one group per table.
fn components(rules: &[Rule]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // Sorted by top edge, so only rules overlapping vertically are compared.
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by(|&a, &b| rules[a].y0.total_cmp(&rules[b].y0));
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if rules[j].y0 > rules[i].y1 + TOL {
                break;
            }
            if touches(&rules[i], &rules[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..rules.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    groups.into_values().collect()
}

/// Distinct positions, merged within the tolerance.
fn positions(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in v {
        match out.last() {
            Some(&last) if x - last < TOL => {}
            _ => out.push(x),
        }
    }
    out
}

/// The table a group of ruling lines draws, if it draws one (two horizontal and two vertical
/// lines at least), and the glyphs outside it.
type Found = (Option<Table>, Vec<Glyph>);

fn grid(rules: &[Rule], glyphs: Vec<Glyph>) -> Result<Found, ImportError> {
    let (h, v): (Vec<Rule>, Vec<Rule>) = rules.iter().partition(|r| r.is_horizontal());
    if h.len() < 2 || v.len() < 2 {
        return Ok((None, glyphs));
    }
    let xs = positions(v.iter().map(|r| r.x0).collect());
    let mut ys = positions(h.iter().map(|r| r.y0).collect());
    ys.reverse();
    if xs.len() < 2 || ys.len() < 2 {
        return Ok((None, glyphs));
    }
    if (xs.len() - 1) * (ys.len() - 1) > MAX_GRID {
        return Err(ImportError::PdfTooComplex);
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    let border_v = |x: f64, y: f64| {
        v.iter()
            .any(|r| (r.x0 - x).abs() < TOL && r.y0 - TOL <= y && y <= r.y1 + TOL)
    };
    let border_h = |y: f64, x: f64| {
        h.iter()
            .any(|r| (r.y0 - y).abs() < TOL && r.x0 - TOL <= x && x <= r.x1 + TOL)
    };
    // Union of grid cells not separated by a border.
    let mut parent: Vec<usize> = (0..nr * nc).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for r in 0..nr {
        let ymid = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..nc {
            let xmid = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < nc && !border_v(xs[c + 1], ymid) {
                let (a, b) = (
                    find(&mut parent, r * nc + c),
                    find(&mut parent, r * nc + c + 1),
                );
                parent[a.max(b)] = a.min(b);
            }
            if r + 1 < nr && !border_h(ys[r + 1], xmid) {
                let (a, b) = (
                    find(&mut parent, r * nc + c),
                    find(&mut parent, (r + 1) * nc + c),
                );
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    // The smallest index of a merged cell is its top-left grid cell: where it starts.
    let (left, right, top, bottom) = (xs[0], xs[nc], ys[0], ys[nr]);
    let mut inside: Vec<Vec<Glyph>> = vec![Vec::new(); nr * nc];
    let mut outside = Vec::new();
    for g in glyphs {
        let (cx, cy) = (g.centre_x(), g.centre_y());
        if cx < left || cx > right || cy > top || cy < bottom {
            outside.push(g);
            continue;
        }
        let c = xs.partition_point(|&x| x <= cx).clamp(1, nc) - 1;
        let r = ys.partition_point(|&y| y >= cy).clamp(1, nr) - 1;
        let root = find(&mut parent, r * nc + c);
        inside[root].push(g);
    }
    // Each merged cell's extent: its top-left grid cell is its root, the bottom-right the
    // largest grid cell that joined it.
    let mut extent: Vec<(usize, usize)> = (0..nr * nc).map(|i| (i / nc, i % nc)).collect();
    for i in 0..nr * nc {
        let root = find(&mut parent, i);
        let (r, c) = (i / nc, i % nc);
        extent[root] = (extent[root].0.max(r), extent[root].1.max(c));
    }
    let mut cells = Vec::new();
    for i in 0..nr * nc {
        if find(&mut parent, i) != i {
            continue;
        }
        let (r, c) = (i / nc, i % nc);
        let text: Vec<String> = lines(std::mem::take(&mut inside[i]))
            .into_iter()
            .map(|l| l.text.replace('\t', " "))
            .collect();
        cells.push(GridCell {
            row: r,
            col: c,
            rowspan: extent[i].0 - r + 1,
            colspan: extent[i].1 - c + 1,
            text: text.concat(),
        });
    }
    Ok((
        Some(Table {
            top,
            grid: Grid { cells },
        }),
        outside,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{to_text, Block};

    /// The table as the line/tab text the importer reads.
    fn text_of(t: &Table) -> String {
        to_text(&[Block::Table(t.grid.clone())]).0
    }

    fn h(y: f64, x0: f64, x1: f64) -> Rule {
        Rule {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }
    fn v(x: f64, y0: f64, y1: f64) -> Rule {
        Rule {
            x0: x,
            y0,
            x1: x,
            y1,
        }
    }
    fn text(s: &str, x0: f64, y: f64) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x0: x0 + i as f64 * 10.0,
                x1: x0 + i as f64 * 10.0 + 10.0,
                y,
                size: 10.0,
            })
            .collect()
    }

    /// A label column whose first cell spans two rows, beside two label-and-number rows:
    ///
    /// ```text
    /// y=100 +--------+------+----+
    ///       |        | 甲   | 1  |
    /// y=80  | 三、结 +------+----+
    ///       | (centred) 乙  | 2  |
    /// y=60  +--------+------+----+
    ///       x=0      x=60   x=120 x=160
    /// ```
    #[test]
    fn a_spanning_label_is_read_once_and_never_into_its_neighbour() {
        let rules = vec![
            h(100.0, 0.0, 160.0),
            h(80.0, 60.0, 160.0),
            h(60.0, 0.0, 160.0),
            v(0.0, 60.0, 100.0),
            v(60.0, 60.0, 100.0),
            v(120.0, 60.0, 100.0),
            v(160.0, 60.0, 100.0),
        ];
        // The spanning label sits across the middle border's height, vertically centred.
        let mut glyphs = text("三结果", 5.0, 76.0);
        glyphs.extend(text("甲", 65.0, 86.0));
        glyphs.extend(text("1", 130.0, 86.0));
        glyphs.extend(text("乙", 65.0, 66.0));
        glyphs.extend(text("2", 130.0, 66.0));
        glyphs.extend(text("正文", 0.0, 200.0));
        let (tables, rest) = extract(&rules, glyphs).expect("extracts");
        assert_eq!(tables.len(), 1);
        // The label stands in its own column of both rows it spans, never in 乙's.
        assert_eq!(text_of(&tables[0]), "三结果\t甲\t1\n三结果\t乙\t2\n");
        assert_eq!(
            tables[0].row_texts(),
            [vec!["三结果", "甲", "1"], vec!["乙", "2"]]
        );
        assert_eq!(tables[0].top, 100.0);
        assert_eq!(rest.len(), 2, "text above the table stays outside it");
    }

    #[test]
    fn a_cell_spanning_columns_and_empty_cells_keep_their_places() {
        let rules = vec![
            h(50.0, 0.0, 90.0),
            h(30.0, 0.0, 90.0),
            h(10.0, 0.0, 90.0),
            v(0.0, 10.0, 50.0),
            v(30.0, 10.0, 30.0),
            v(60.0, 10.0, 30.0),
            v(90.0, 10.0, 50.0),
        ];
        let mut glyphs = text("表头", 30.0, 36.0);
        glyphs.extend(text("5", 5.0, 16.0));
        glyphs.extend(text("7", 65.0, 16.0));
        let (tables, _) = extract(&rules, glyphs).expect("extracts");
        assert_eq!(text_of(&tables[0]), "表头\n5\t\t7\n");
        let header = &tables[0].grid.cells[0];
        assert_eq!((header.rowspan, header.colspan), (1, 3));
    }

    #[test]
    fn text_wrapped_inside_a_cell_is_joined_without_spaces() {
        let rules = vec![
            h(60.0, 0.0, 40.0),
            h(0.0, 0.0, 40.0),
            v(0.0, 0.0, 60.0),
            v(40.0, 0.0, 60.0),
        ];
        let mut glyphs = text("自然", 2.0, 40.0);
        glyphs.extend(text("人", 12.0, 25.0));
        let (tables, _) = extract(&rules, glyphs).expect("extracts");
        assert_eq!(text_of(&tables[0]), "自然人\n");
    }

    #[test]
    fn a_repeated_header_is_dropped_and_a_cell_reaching_below_it_is_cut() {
        let cell = |row, col, rowspan, text: &str| GridCell {
            row,
            col,
            rowspan,
            colspan: 1,
            text: text.into(),
        };
        let mut t = Table {
            top: 0.0,
            grid: Grid {
                cells: vec![
                    cell(0, 0, 3, "项目"),
                    cell(0, 1, 1, "表头"),
                    cell(1, 1, 1, "子表头"),
                    cell(2, 1, 1, "9"),
                ],
            },
        };
        t.drop_rows(2);
        assert_eq!(
            t.grid.cells,
            vec![cell(0, 0, 1, "项目"), cell(0, 1, 1, "9")]
        );
    }

    #[test]
    fn lone_lines_are_not_tables() {
        let rules = vec![h(50.0, 0.0, 100.0), h(10.0, 0.0, 100.0)];
        let (tables, rest) = extract(&rules, text("下划线", 0.0, 30.0)).expect("extracts");
        assert!(tables.is_empty());
        assert_eq!(rest.len(), 3);
    }

    #[test]
    fn too_many_rules_is_an_error() {
        let rules = vec![h(1.0, 0.0, 2.0); MAX_RULES + 1];
        assert_eq!(extract(&rules, vec![]), Err(ImportError::PdfTooComplex));
    }
}
