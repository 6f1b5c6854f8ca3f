//! Tables drawn without ruling lines: consecutive lines split into parts by wide gaps are one
//! table, whose columns are those of its fullest row (a header or a row with every cell
//! filled). Each part goes to the column it sits in, so a blank cell stays a blank in its
//! place instead of letting the numbers after it slide left.

use super::lines::Line;

/// Lines further apart than this (in font sizes) are not rows of one table.
const ROW_GAP: f64 = 3.0;

/// A part of at least this many lines starting at one x (within [`EDGE_TOL`]) marks a
/// column's left edge in a table.
const EDGE_LINES: usize = 3;
const EDGE_TOL: f64 = 1.0;
/// A glyph at a column's edge starts a new cell when at least this gap (in sizes) is before
/// it; text inside a cell is set closer.
const EDGE_GAP: f64 = 0.1;

fn is_number(part: &str) -> bool {
    let t = part.trim();
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Tables without rules whose columns are narrow: a word processor sets a cell's text a
/// fraction of a size from its neighbour's, so a line reads "（四1.本机关不掌握" (a merged group
/// label's piece and a row label) or "1.属于国家秘密0" (a label and the first number) with no
/// gap wide enough to see a column. Where many lines of a table start a part at the same x,
/// that x is a column's left edge; a glyph standing on such an edge after a visible gap starts a
/// new part. Only lines of a table (a run of lines close together holding numbers in rows) are
/// touched, so running text keeps its characters together.
pub fn split_at_edges(lines: &mut [Line]) {
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len()
            && lines[end - 1].y - lines[end].y < ROW_GAP * lines[end].size.max(1.0)
        {
            end += 1;
        }
        let rows = lines[start..end]
            .iter()
            .filter(|l| l.text.split('\t').filter(|p| is_number(p)).count() >= 3)
            .count();
        if rows >= 2 {
            split_block(&mut lines[start..end]);
        }
        start = end;
    }
}

fn split_block(block: &mut [Line]) {
    let mut starts: Vec<f64> = block
        .iter()
        .flat_map(|l| l.parts.iter().map(|p| p.0))
        .collect();
    starts.sort_by(f64::total_cmp);
    let mut edges: Vec<f64> = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let j = starts[i..].partition_point(|&x| x <= starts[i] + EDGE_TOL) + i;
        if j - i >= EDGE_LINES {
            edges.push(starts[i]);
        }
        i = j;
    }
    for line in block.iter_mut() {
        let cuts: Vec<super::lines::GlyphAt> = line
            .glyphs
            .iter()
            .copied()
            .filter(|g| {
                g.gap > EDGE_GAP * line.size
                    && on_edge(&edges, g.x0)
                    // Already a part's first glyph.
                    && !line.text[..g.at].ends_with('\t')
            })
            .collect();
        line.glyphs.clear();
        if cuts.is_empty() {
            continue;
        }
        // One pass over the text and one over the parts, both in x order: a line is split in
        // time linear in its length, however many cuts it takes.
        let mut text = String::with_capacity(line.text.len() + cuts.len());
        let mut from = 0;
        for g in &cuts {
            let cut = line.text[..g.at].trim_end_matches(' ').len();
            text.push_str(&line.text[from..cut]);
            text.push('\t');
            from = g.at;
        }
        text.push_str(&line.text[from..]);
        let mut parts = Vec::with_capacity(line.parts.len() + cuts.len());
        let mut k = 0;
        for &(x0, x1) in &line.parts {
            let mut start = x0;
            while k < cuts.len() && cuts[k].x0 <= x1 {
                if cuts[k].x0 > start {
                    parts.push((start, cuts[k].x0 - cuts[k].gap));
                    start = cuts[k].x0;
                }
                k += 1;
            }
            parts.push((start, x1));
        }
        line.text = text;
        line.parts = parts;
    }
}

/// Whether `x` is within [`EDGE_TOL`] of one of the sorted `edges`: a binary search, as a
/// hostile page may hold many edges and many glyphs.
fn on_edge(edges: &[f64], x: f64) -> bool {
    let i = edges.partition_point(|&e| e < x - EDGE_TOL);
    edges.get(i).is_some_and(|&e| e <= x + EDGE_TOL)
}

/// Rewrites the text of every line in a run of column-split lines as one tab-separated cell
/// per column. Lines are top to bottom.
pub fn align(lines: &mut [Line]) {
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len()
            && lines[end].parts.len() >= 2
            && (end == start
                || lines[end - 1].y - lines[end].y < ROW_GAP * lines[end].size.max(1.0))
        {
            end += 1;
        }
        if end - start >= 2 {
            align_run(&mut lines[start..end]);
            start = end;
        } else {
            start += 1;
        }
    }
}

fn align_run(run: &mut [Line]) {
    let Some(template) = run
        .iter()
        .max_by_key(|l| l.parts.len())
        .map(|l| l.parts.clone())
    else {
        return;
    };
    // Column k runs from halfway between the template's parts k-1 and k to halfway between k
    // and k+1; the first column takes everything that starts in it (left-aligned labels).
    let bounds: Vec<f64> = template
        .windows(2)
        .map(|w| (w[0].1 + w[1].0) / 2.0)
        .collect();
    let column = |(x0, x1): (f64, f64)| {
        if x0 < bounds[0] {
            return 0;
        }
        let centre = (x0 + x1) / 2.0;
        bounds.partition_point(|&b| b <= centre)
    };
    for line in run.iter_mut() {
        let texts: Vec<&str> = line.text.split('\t').collect();
        if texts.len() != line.parts.len() {
            continue;
        }
        let mut cells = vec![String::new(); template.len()];
        for (text, &part) in texts.iter().zip(&line.parts) {
            let cell = &mut cells[column(part)];
            // Two parts in one column (a cell's text with a wide gap inside) stay together.
            cell.push_str(text);
        }
        line.text = cells.join("\t");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, parts: &[(&str, f64)]) -> Line {
        let extents: Vec<(f64, f64)> = parts
            .iter()
            .map(|(t, x)| (*x, x + 10.0 * t.chars().count() as f64))
            .collect();
        Line {
            text: parts.iter().map(|p| p.0).collect::<Vec<_>>().join("\t"),
            x0: extents[0].0,
            x1: extents.last().map_or(0.0, |e| e.1),
            parts: extents,
            y,
            size: 10.0,
            glyphs: Vec::new(),
        }
    }

    /// Lines as the line builder makes them from glyphs 12 wide, one string per glyph run:
    /// `(text, x)` pieces whose glyphs follow each other without a gap.
    fn glyph_line(y: f64, runs: &[(&str, f64)]) -> Line {
        let glyphs = runs
            .iter()
            .flat_map(|(t, x)| {
                t.chars()
                    .enumerate()
                    .map(move |(k, c)| super::super::glyphs::Glyph {
                        text: c.to_string(),
                        x0: x + 12.0 * k as f64,
                        x1: x + 12.0 * (k + 1) as f64,
                        y,
                        size: 12.0,
                    })
            })
            .collect();
        super::super::lines::lines(glyphs).remove(0)
    }

    #[test]
    fn a_glyph_on_a_columns_edge_after_a_gap_starts_a_cell() {
        // Labels start at x 160 in many rows; "（四" of a tall group label at 130 ends at 154,
        // half a size before "1." — too close for a column gap, but on the column's edge.
        let mut lines = vec![
            glyph_line(
                700.0,
                &[
                    ("1.属于国家秘密", 160.0),
                    ("0", 340.0),
                    ("0", 380.0),
                    ("0", 420.0),
                ],
            ),
            glyph_line(
                680.0,
                &[
                    ("2.重复申请", 160.0),
                    ("1", 340.0),
                    ("0", 380.0),
                    ("1", 420.0),
                ],
            ),
            glyph_line(
                660.0,
                &[
                    ("（四", 130.0),
                    ("1.本机关", 160.0),
                    ("5", 340.0),
                    ("0", 380.0),
                    ("5", 420.0),
                ],
            ),
            glyph_line(
                640.0,
                &[("3.其他", 160.0), ("2", 340.0), ("0", 380.0), ("2", 420.0)],
            ),
        ];
        assert_eq!(lines[2].text, "（四1.本机关\t5\t0\t5", "glued as read");
        split_at_edges(&mut lines);
        assert_eq!(lines[2].text, "（四\t1.本机关\t5\t0\t5");
        assert_eq!(lines[2].parts.len(), 5);
        assert_eq!(
            lines[0].text, "1.属于国家秘密\t0\t0\t0",
            "other rows as they were"
        );
    }

    #[test]
    fn running_text_beside_a_table_is_not_split() {
        // The same glue in lines that are no table (no rows of numbers) stays as it is.
        let mut lines = vec![
            glyph_line(700.0, &[("（四", 130.0), ("1.本机关", 160.0)]),
            glyph_line(680.0, &[("二是", 130.0), ("做好", 160.0)]),
            glyph_line(660.0, &[("三是", 130.0), ("做好", 160.0)]),
        ];
        let before: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
        split_at_edges(&mut lines);
        let after: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn a_blank_cell_stays_in_its_column() {
        let mut lines = vec![
            line(
                700.0,
                &[
                    ("信息内容", 80.0),
                    ("本年制发件数", 200.0),
                    ("本年废止件数", 300.0),
                    ("现行有效件数", 400.0),
                ],
            ),
            line(680.0, &[("规章", 80.0), ("1", 225.0), ("3", 425.0)]),
            line(
                660.0,
                &[
                    ("行政规范性文件", 80.0),
                    ("12", 225.0),
                    ("0", 325.0),
                    ("77", 425.0),
                ],
            ),
            line(600.0, &[("三、收到和处理政府信息公开申请情况", 112.0)]),
        ];
        align(&mut lines);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
                "规章\t1\t\t3",
                "行政规范性文件\t12\t0\t77",
                "三、收到和处理政府信息公开申请情况",
            ]
        );
    }

    #[test]
    fn lines_far_apart_are_separate_tables_and_a_lone_line_is_left_alone() {
        let mut lines = vec![
            line(700.0, &[("甲", 80.0), ("1", 300.0)]),
            line(500.0, &[("乙", 80.0), ("2", 200.0), ("3", 400.0)]),
        ];
        let before = lines.clone();
        align(&mut lines);
        assert_eq!(lines, before);
    }
}
