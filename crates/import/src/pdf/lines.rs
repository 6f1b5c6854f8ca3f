//! Glyphs into lines of text, lines into paragraphs, and page numbers out.

use super::glyphs::Glyph;

/// One printed line: glyphs on one baseline, left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    /// The horizontal extent of each tab-separated part of `text` (one part when no gap on the
    /// line is wide enough to separate columns).
    pub parts: Vec<(f64, f64)>,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    /// Each glyph after the first: where its text starts in `text`, its left edge and the gap
    /// before it — for splitting a part at a column's edge later (`columns::split_at_edges`).
    pub glyphs: Vec<GlyphAt>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphAt {
    pub at: usize,
    pub x0: f64,
    pub gap: f64,
}

/// A gap this wide (in font sizes) between glyphs on one line separates columns of a table
/// drawn without ruling lines.
const COLUMN_GAP: f64 = 1.8;
/// A gap this wide between Latin letters or digits is a space.
const WORD_GAP: f64 = 0.2;
/// Between a Chinese character and a digit, or two digits, a narrower gap already separates
/// columns: running text sets them close (up to 0.42 of a size measured in LibreOffice's PDFs,
/// where justification and its spacing of Chinese from Latin widen it), while a narrow column
/// of a table without rules may put its centred number a size from the end of a label
/// ("7.属于行政执法案卷   0"). Closer cells are told apart by their column's edge
/// ([`super::columns::split_at_edges`]).
const NUMBER_GAP: f64 = 0.8;

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || matches!(c, '“' | '”')
}

/// Whether a gap between these characters may be a column's edge at [`NUMBER_GAP`].
fn number_edge(last: char, next: char) -> bool {
    let digit = |c: char| c.is_ascii_digit();
    digit(last) && (digit(next) || is_cjk(next)) || is_cjk(last) && digit(next)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%' | '-' | '+')
}

/// Groups glyphs into lines by baseline, top to bottom.
pub fn lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match groups.last_mut() {
            // Baselines of one line differ by a fraction of the size (mixed fonts, rise).
            Some(group)
                if group
                    .first()
                    .is_some_and(|f| (f.y - g.y).abs() < 0.4 * f.size.max(g.size).max(1.0)) =>
            {
                group.push(g)
            }
            _ => groups.push(vec![g]),
        }
    }
    groups.into_iter().filter_map(line).collect()
}

fn line(mut glyphs: Vec<Glyph>) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    let mut text = String::new();
    let mut parts: Vec<(f64, f64)> = Vec::new();
    let mut at: Vec<GlyphAt> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    for g in &glyphs {
        if let Some(p) = prev {
            // Fake bold: the same glyph drawn again a hair to the right.
            if p.text == g.text && (g.x0 - p.x0).abs() < 0.15 * size {
                continue;
            }
            let gap = g.x0 - p.x1;
            let last = text.chars().last().unwrap_or(' ');
            let next = g.text.chars().next().unwrap_or(' ');
            if gap > COLUMN_GAP * size || gap > NUMBER_GAP * size && number_edge(last, next) {
                text.push('\t');
                parts.push((g.x0, g.x1));
            } else if gap > WORD_GAP * size && is_latin(last) && is_latin(next) {
                text.push(' ');
            }
            at.push(GlyphAt {
                at: text.len(),
                x0: g.x0,
                gap,
            });
        }
        match parts.last_mut() {
            Some(part) if prev.is_some() => part.1 = part.1.max(g.x1),
            _ => parts.push((g.x0, g.x1)),
        }
        text.push_str(&g.text);
        prev = Some(g);
    }
    let first = glyphs.first()?;
    Some(Line {
        text,
        parts,
        x0: first.x0,
        x1: glyphs.iter().map(|g| g.x1).fold(f64::MIN, f64::max),
        y: first.y,
        size,
        glyphs: at,
    })
}

/// Joins a wrapped paragraph back: Chinese text takes no space at the join, Latin words do.
pub fn join(a: &str, b: &str) -> String {
    let space = a.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
        && b.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if space {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f64, y: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x0,
            x1: x0 + if text.is_ascii() { 8.0 } else { 16.0 },
            y,
            size: 16.0,
        }
    }

    #[test]
    fn glyphs_make_lines_top_to_bottom_left_to_right() {
        let glyphs = vec![
            g("情", 112.0, 700.0),
            g("一", 80.0, 700.5),
            g("况", 128.0, 699.8),
            g("、", 96.0, 700.0),
            g("第", 80.0, 671.0),
            g("2", 96.0, 671.0),
            g("0", 104.0, 671.0),
        ];
        let l = lines(glyphs);
        assert_eq!(
            l.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            ["一、情况", "第20"]
        );
        assert_eq!(l[0].x0, 80.0);
        assert_eq!(l[0].x1, 144.0);
    }

    #[test]
    fn wide_gaps_are_columns_and_latin_words_keep_spaces() {
        let l = lines(vec![
            g("规", 80.0, 500.0),
            g("章", 96.0, 500.0),
            g("1", 200.0, 500.0),
            g("2", 300.0, 500.0),
            g("a", 400.0, 500.0),
            g("b", 412.0, 500.0),
        ]);
        assert_eq!(l[0].text, "规章\t1\t2\ta b");
    }

    #[test]
    fn a_narrow_gap_between_a_label_and_a_number_or_two_numbers_is_a_column() {
        // A centred number a size after a label's end, as a narrow column without rules puts
        // it; two numbers a size apart in neighbouring narrow columns.
        let l = lines(vec![
            g("案", 80.0, 500.0),
            g("卷", 96.0, 500.0),
            g("0", 128.0, 500.0),
            g("0", 152.0, 500.0),
            g("1", 176.0, 500.0),
            g("2", 184.0, 500.0),
        ]);
        assert_eq!(l[0].text, "案卷\t0\t0\t12");
        // Running text sets Chinese and digits close, with at most a quarter size between.
        let l = lines(vec![
            g("共", 80.0, 500.0),
            g("1", 100.0, 500.0),
            g("2", 108.0, 500.0),
            g("件", 120.0, 500.0),
            g("第", 136.0, 500.0),
        ]);
        assert_eq!(l[0].text, "共12件第");
    }

    #[test]
    fn fake_bold_is_read_once() {
        let l = lines(vec![
            g("总", 80.0, 500.0),
            g("总", 80.3, 500.0),
            g("计", 96.0, 500.0),
        ]);
        assert_eq!(l[0].text, "总计");
    }

    #[test]
    fn joins() {
        assert_eq!(join("发布信息", "3017条"), "发布信息3017条");
        assert_eq!(join("the", "report"), "the report");
    }
}
