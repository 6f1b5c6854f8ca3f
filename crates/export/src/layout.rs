//! Page layout of the document tree, pure: text is measured through [`Measure`], and the result
//! is positioned text runs and rules on A4 pages (GB/T 9704-2012 conventions), ready for any
//! drawing back end. Coordinates are points, measured from the top-left corner of the page.

use std::collections::BTreeSet;

use crate::fonts::Role;
use crate::tree::{Align, Block, Document, Table};

pub const MM: f32 = 72.0 / 25.4;
pub const PAGE_W: f32 = 210.0 * MM;
pub const PAGE_H: f32 = 297.0 * MM;
const TOP: f32 = 37.0 * MM;
const LEFT: f32 = 28.0 * MM;
/// Text block: 156 × 225 mm.
const MEASURE: f32 = 156.0 * MM;
const BLOCK_H: f32 = 225.0 * MM;
/// 三号 body text, 22 lines a page, 28 characters a line.
const BODY: f32 = 16.0;
const PITCH: f32 = BLOCK_H / 22.0;
const BODY_TC: f32 = MEASURE / 28.0 - BODY;
const TITLE: f32 = 22.0;
const TABLE: f32 = 10.5;
const TABLE_LH: f32 = TABLE * 1.35;
const PAD_V: f32 = 3.0;
const PAD_H: f32 = 2.5;
const FOLIO: f32 = 14.0;

/// Horizontal advance of a character, in ems, or `None` when the face has no glyph for it.
pub trait Measure {
    fn advance(&self, c: char) -> Option<f32>;
}

/// The measures of the four roles.
pub struct Metrics<'a> {
    pub faces: [&'a dyn Measure; 4],
}

impl Metrics<'_> {
    fn face(&self, role: Role) -> &dyn Measure {
        self.faces[role as usize]
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A run of text; `y` is its baseline; `spacing` is the PDF character spacing (Tc) in pt.
    Text {
        x: f32,
        y: f32,
        size: f32,
        role: Role,
        spacing: f32,
        text: String,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    /// Characters some face had no glyph for, with the role that lacked them.
    pub missing: BTreeSet<(char, Role)>,
}

impl Layout {
    /// A text dump of every item, rounded to 0.1 pt: the golden file of layout tests.
    pub fn dump(&self) -> String {
        let mut s = String::new();
        for (i, p) in self.pages.iter().enumerate() {
            s.push_str(&format!("page {}\n", i + 1));
            for it in &p.items {
                match it {
                    Item::Text {
                        x,
                        y,
                        size,
                        role,
                        spacing,
                        text,
                    } => s.push_str(&format!(
                        "  T {x:.1} {y:.1} {size} {role:?} {spacing:.2} {text}\n"
                    )),
                    Item::Rule { x1, y1, x2, y2 } => {
                        s.push_str(&format!("  R {x1:.1} {y1:.1} {x2:.1} {y2:.1}\n"))
                    }
                }
            }
        }
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Line breaking

/// May not begin a line: closing punctuation and marks that lean on what precedes them.
fn is_closing(c: char) -> bool {
    "，。、；：？！）》」』”’％…—〕】〉,.;:?!)%]}·".contains(c)
}

/// May not end a line: opening brackets and quotes.
fn is_opening(c: char) -> bool {
    "（《「『“‘〔【〈([{".contains(c)
}

/// Latin words and numbers are not broken: runs of ASCII graphic characters stay together.
fn is_word_char(c: char) -> bool {
    c.is_ascii_graphic() && !is_opening(c) && !matches!(c, ',' | ';' | '?' | '!' | ')')
}

#[derive(Clone, Debug, PartialEq)]
struct Unit {
    text: String,
    width: f32,
    glyphs: usize,
    space: bool,
}

/// A broken line: its text, glyph count and natural width (with the base spacing).
#[derive(Clone, Debug, PartialEq)]
pub struct LineBox {
    pub text: String,
    pub glyphs: usize,
    pub width: f32,
}

fn units(text: &str, width_of: &mut dyn FnMut(char) -> f32) -> Vec<Unit> {
    let mut raw: Vec<Unit> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' || c == '\u{a0}' {
            raw.push(Unit {
                text: " ".into(),
                width: width_of(' '),
                glyphs: 1,
                space: true,
            });
            continue;
        }
        let mut u = Unit {
            text: c.to_string(),
            width: width_of(c),
            glyphs: 1,
            space: false,
        };
        if is_word_char(c) {
            while let Some(&n) = chars.peek() {
                // A '.' or ',' inside a number ("4351.7195", "1,234") belongs to it.
                if !(is_word_char(n) || matches!(n, ',' | '.')) {
                    break;
                }
                u.text.push(n);
                u.width += width_of(n);
                u.glyphs += 1;
                chars.next();
            }
        }
        raw.push(u);
    }
    // Glue: closing marks onto the unit before, opening marks onto the unit after.
    let mut out: Vec<Unit> = Vec::new();
    let mut carry: Option<Unit> = None;
    for mut u in raw {
        let first = u.text.chars().next().unwrap_or(' ');
        if let Some(c) = carry.take() {
            u = Unit {
                text: c.text + &u.text,
                width: c.width + u.width,
                glyphs: c.glyphs + u.glyphs,
                space: false,
            };
        }
        let last = u.text.chars().last().unwrap_or(' ');
        if !u.space && is_closing(first) && out.last().is_some_and(|p| !p.space) {
            if let Some(p) = out.last_mut() {
                p.text.push_str(&u.text);
                p.width += u.width;
                p.glyphs += u.glyphs;
            }
            continue;
        }
        if !u.space && is_opening(last) {
            carry = Some(u);
            continue;
        }
        out.push(u);
    }
    if let Some(c) = carry {
        out.push(c);
    }
    out
}

/// Greedy line filling. `first` and `rest` are the available widths of the first and later
/// lines (a first-line indent makes them differ).
pub fn break_lines(
    text: &str,
    first: f32,
    rest: f32,
    width_of: &mut dyn FnMut(char) -> f32,
) -> Vec<LineBox> {
    let mut lines: Vec<LineBox> = Vec::new();
    let mut cur = LineBox {
        text: String::new(),
        glyphs: 0,
        width: 0.0,
    };
    let avail = |lines: &Vec<LineBox>| if lines.is_empty() { first } else { rest };
    let finish =
        |lines: &mut Vec<LineBox>, cur: &mut LineBox, width_of: &mut dyn FnMut(char) -> f32| {
            let trimmed = cur.text.trim_end_matches(' ');
            let removed = cur.text.len() - trimmed.len();
            if removed > 0 {
                cur.width -= removed as f32 * width_of(' ');
                cur.glyphs -= removed;
                cur.text.truncate(trimmed.len());
            }
            lines.push(std::mem::replace(
                cur,
                LineBox {
                    text: String::new(),
                    glyphs: 0,
                    width: 0.0,
                },
            ));
        };
    for u in units(text, width_of) {
        if u.space && cur.glyphs == 0 {
            continue;
        }
        if cur.width + u.width <= avail(&lines) + 0.01 {
            cur.text.push_str(&u.text);
            cur.width += u.width;
            cur.glyphs += u.glyphs;
            continue;
        }
        if cur.glyphs > 0 {
            finish(&mut lines, &mut cur, width_of);
            if u.space {
                continue;
            }
        }
        if u.width <= avail(&lines) + 0.01 {
            cur.text.push_str(&u.text);
            cur.width += u.width;
            cur.glyphs += u.glyphs;
            continue;
        }
        // A unit wider than a whole line (a very long number or word): break it by character.
        for c in u.text.chars() {
            let w = width_of(c);
            if cur.glyphs > 0 && cur.width + w > avail(&lines) + 0.01 {
                finish(&mut lines, &mut cur, width_of);
            }
            cur.text.push(c);
            cur.width += w;
            cur.glyphs += 1;
        }
    }
    if cur.glyphs > 0 || lines.is_empty() {
        finish(&mut lines, &mut cur, width_of);
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Pages

struct Flow<'a> {
    metrics: &'a Metrics<'a>,
    pages: Vec<Page>,
    /// Distance from the top of the text block.
    y: f32,
    missing: BTreeSet<(char, Role)>,
}

impl<'a> Flow<'a> {
    fn width_fn(&mut self, role: Role, size: f32, spacing: f32) -> impl FnMut(char) -> f32 + '_ {
        let face = self.metrics.face(role);
        let missing = &mut self.missing;
        move |c| {
            let em = match face.advance(c) {
                Some(a) => a,
                None if c.is_control() => 0.0,
                None => {
                    missing.insert((c, role));
                    1.0
                }
            };
            em * size + spacing
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = 0.0;
    }

    fn room(&self) -> f32 {
        BLOCK_H - self.y
    }

    fn ensure(&mut self, h: f32) {
        if self.y > 0.0 && self.room() < h - 0.01 {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, baseline: f32, size: f32, role: Role, spacing: f32, text: String) {
        self.page().items.push(Item::Text {
            x: LEFT + x,
            y: TOP + baseline,
            size,
            role,
            spacing,
            text,
        });
    }

    fn title(&mut self, text: &str) {
        let lines = {
            let mut w = self.width_fn(Role::Title, TITLE, 0.0);
            let natural: f32 = text.chars().map(&mut w).sum();
            if natural <= MEASURE {
                vec![text.to_string()]
            } else {
                // Balanced lines: each about the same width, with a preferred break before
                // "政府信息公开工作年度报告" when the agency and year fit on the first line.
                let n = (natural / MEASURE).ceil().max(2.0);
                let tail = "政府信息公开工作年度报告";
                let head = text.strip_suffix(tail);
                match head {
                    Some(h) if n <= 2.0 && h.chars().map(&mut w).sum::<f32>() <= MEASURE => {
                        vec![h.to_string(), tail.to_string()]
                    }
                    _ => {
                        let target = natural / n + TITLE;
                        break_lines(text, target, target, &mut w)
                            .into_iter()
                            .map(|l| l.text)
                            .collect()
                    }
                }
            }
        };
        let pitch = TITLE * 1.6;
        for l in lines {
            self.ensure(pitch);
            let width: f32 = {
                let mut w = self.width_fn(Role::Title, TITLE, 0.0);
                l.chars().map(&mut w).sum()
            };
            let baseline = self.y + pitch * 0.75;
            self.text(
                (MEASURE - width).max(0.0) / 2.0,
                baseline,
                TITLE,
                Role::Title,
                0.0,
                l,
            );
            self.y += pitch;
        }
        self.y += PITCH;
    }

    /// Body-grid text: a paragraph (indented, justified) or a heading (indented, not justified).
    fn lines(&mut self, text: &str, role: Role, justify: bool) {
        let indent = 2.0 * (BODY + BODY_TC);
        let lines = {
            let mut w = self.width_fn(role, BODY, BODY_TC);
            break_lines(text, MEASURE - indent, MEASURE, &mut w)
        };
        let n = lines.len();
        for (i, l) in lines.into_iter().enumerate() {
            self.ensure(PITCH);
            let x = if i == 0 { indent } else { 0.0 };
            let avail = MEASURE - x;
            let mut spacing = BODY_TC;
            if justify && i + 1 < n && l.glyphs > 1 {
                let extra = (avail - l.width) / (l.glyphs - 1) as f32;
                // A line left short by a long unbreakable word is not stretched into gaps.
                if extra > 0.0 && extra < BODY * 0.5 {
                    spacing += extra;
                }
            }
            let baseline = self.y + PITCH * 0.5 + BODY * 0.36;
            self.text(x, baseline, BODY, role, spacing, l.text);
            self.y += PITCH;
        }
    }

    fn heading(&mut self, text: &str, role: Role) {
        // Keep a heading with the three lines after it.
        self.ensure(PITCH * 4.0);
        self.lines(text, role, false);
    }

    fn table(&mut self, t: &Table) {
        let total: f32 = t.columns.iter().sum();
        let col_x: Vec<f32> = t
            .columns
            .iter()
            .scan(0.0, |x, w| {
                let at = *x;
                *x += w / total * MEASURE;
                Some(at)
            })
            .chain([MEASURE])
            .collect();

        // Wrap every cell and size the rows.
        let wrapped: Vec<Vec<String>> = t
            .cells
            .iter()
            .map(|c| {
                let inner = col_x[c.col + c.colspan] - col_x[c.col] - 2.0 * PAD_H;
                let mut w = self.width_fn(Role::Body, TABLE, 0.0);
                break_lines(&c.text, inner, inner, &mut w)
                    .into_iter()
                    .map(|l| l.text)
                    .collect()
            })
            .collect();
        let min_h = TABLE_LH + 2.0 * PAD_V;
        let mut row_h = vec![min_h; t.rows];
        let need = |lines: usize| lines as f32 * TABLE_LH + 2.0 * PAD_V;
        for (c, lines) in t.cells.iter().zip(&wrapped) {
            if c.rowspan == 1 {
                row_h[c.row] = row_h[c.row].max(need(lines.len()));
            }
        }
        for (c, lines) in t.cells.iter().zip(&wrapped) {
            if c.rowspan > 1 {
                let have: f32 = row_h[c.row..c.row + c.rowspan].iter().sum();
                let deficit = need(lines.len()) - have;
                if deficit > 0.0 {
                    row_h[c.row + c.rowspan - 1] += deficit;
                }
            }
        }

        // Place rows on pages; header rows again at the top of every later page.
        let header: f32 = row_h[..t.header_rows.min(t.rows)].iter().sum();
        let first_body = row_h.get(t.header_rows).copied().unwrap_or(0.0);
        self.ensure(header + first_body);
        // occurrences[row] = every (page, y) where the row is drawn.
        let mut occ: Vec<Vec<(usize, f32)>> = vec![Vec::new(); t.rows];
        // Rows a break may not fall inside: a merged label of up to KEEP rows stays whole (a
        // taller one, like 三、本年度办理结果, has to be split).
        const KEEP: usize = 8;
        let group_start = |r: usize| {
            t.cells
                .iter()
                .filter(|c| {
                    c.rowspan > 1 && c.rowspan <= KEEP && c.row < r && r < c.row + c.rowspan
                })
                .map(|c| c.row)
                .min()
        };
        let mut first_on_page = 0;
        let mut r = 0;
        while r < t.rows {
            if r >= t.header_rows && self.y > 0.0 && self.room() < row_h[r] - 0.01 {
                let mut at = r;
                if let Some(s) = group_start(r) {
                    if s > first_on_page {
                        // Take the group's first rows back off this page.
                        for o in &mut occ[s..r] {
                            o.pop();
                        }
                        at = s;
                    }
                }
                self.new_page();
                for (h, occ_h) in occ.iter_mut().enumerate().take(t.header_rows) {
                    occ_h.push((self.pages.len() - 1, self.y));
                    self.y += row_h[h];
                }
                first_on_page = at;
                for (placed, occ_p) in occ.iter_mut().enumerate().take(r).skip(at) {
                    occ_p.push((self.pages.len() - 1, self.y));
                    self.y += row_h[placed];
                }
            }
            occ[r].push((self.pages.len().max(1) - 1, self.y));
            self.y += row_h[r];
            r += 1;
        }

        for (c, lines) in t.cells.iter().zip(&wrapped) {
            let is_header = c.row + c.rowspan <= t.header_rows;
            let repeats = if is_header { occ[c.row].len() } else { 1 };
            for k in 0..repeats {
                // The cell's rows grouped by page: one fragment per page it crosses.
                let mut fragments: Vec<(usize, f32, f32)> = Vec::new();
                for r in c.row..c.row + c.rowspan {
                    let Some(&(p, y)) = occ[r].get(if is_header { k } else { 0 }) else {
                        continue;
                    };
                    match fragments.last_mut() {
                        Some(f) if f.0 == p => f.2 = y + row_h[r],
                        _ => fragments.push((p, y, y + row_h[r])),
                    }
                }
                let (x0, x1) = (col_x[c.col], col_x[c.col + c.colspan]);
                // The text goes in the tallest fragment of a cell split across pages.
                let text_in = fragments
                    .iter()
                    .enumerate()
                    .max_by(|a, b| (a.1 .2 - a.1 .1).total_cmp(&(b.1 .2 - b.1 .1)))
                    .map_or(0, |(i, _)| i);
                for (i, &(p, top, bottom)) in fragments.iter().enumerate() {
                    let mut items = vec![
                        (x0, top, x1, top),
                        (x0, bottom, x1, bottom),
                        (x0, top, x0, bottom),
                        (x1, top, x1, bottom),
                    ];
                    let saved = self.pages.len();
                    let page = &mut self.pages[p.min(saved - 1)];
                    for (a, b, cc, d) in items.drain(..) {
                        page.items.push(Item::Rule {
                            x1: LEFT + a,
                            y1: TOP + b,
                            x2: LEFT + cc,
                            y2: TOP + d,
                        });
                    }
                    if i != text_in {
                        continue;
                    }
                    let block = lines.len() as f32 * TABLE_LH;
                    let mut baseline =
                        top + ((bottom - top) - block) / 2.0 + TABLE_LH * 0.5 + TABLE * 0.36;
                    for l in lines {
                        let width: f32 = {
                            let mut w = self.width_fn(Role::Body, TABLE, 0.0);
                            l.chars().map(&mut w).sum()
                        };
                        let x = match c.align {
                            Align::Center => x0 + ((x1 - x0) - width) / 2.0,
                            Align::Left => x0 + PAD_H,
                        };
                        self.pages[p].items.push(Item::Text {
                            x: LEFT + x,
                            y: TOP + baseline,
                            size: TABLE,
                            role: Role::Body,
                            spacing: 0.0,
                            text: l.clone(),
                        });
                        baseline += TABLE_LH;
                    }
                }
            }
        }
        // A little air after a table.
        self.y += PITCH * 0.5;
    }

    fn folios(&mut self) {
        let n = self.pages.len();
        for i in 0..n {
            let text = format!("— {} —", i + 1);
            let width: f32 = {
                let mut w = self.width_fn(Role::Body, FOLIO, 0.0);
                text.chars().map(&mut w).sum()
            };
            // GB/T 9704: odd pages on the right, even pages on the left, one character in.
            let x = if i % 2 == 0 {
                LEFT + MEASURE - FOLIO - width
            } else {
                LEFT + FOLIO
            };
            self.pages[i].items.push(Item::Text {
                x,
                y: TOP + BLOCK_H + 7.0 * MM + FOLIO * 0.8,
                size: FOLIO,
                role: Role::Body,
                spacing: 0.0,
                text,
            });
        }
    }
}

pub fn layout(doc: &Document, metrics: &Metrics) -> Layout {
    let mut f = Flow {
        metrics,
        pages: vec![Page::default()],
        y: 0.0,
        missing: BTreeSet::new(),
    };
    f.title(&doc.title);
    for b in &doc.blocks {
        match b {
            Block::Heading1(t) => f.heading(t, Role::Heading1),
            Block::Heading2(t) => f.heading(t, Role::Heading2),
            Block::Paragraph(t) => f.lines(t, Role::Body, true),
            Block::Table(t) => f.table(t),
        }
    }
    f.folios();
    Layout {
        pages: f.pages,
        missing: f.missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CJK one em, ASCII half an em: the proportions of the real faces, for exact tests.
    pub struct Mono;
    impl Measure for Mono {
        fn advance(&self, c: char) -> Option<f32> {
            if c == '𠀀' {
                None
            } else if c.is_ascii() {
                Some(0.5)
            } else {
                Some(1.0)
            }
        }
    }

    fn lines(text: &str, chars_per_line: f32) -> Vec<String> {
        let mut w = |c: char| Mono.advance(c).unwrap_or(1.0);
        break_lines(text, chars_per_line, chars_per_line, &mut w)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Five characters a line; the 。 would start line 2, so it travels with 五.
        assert_eq!(lines("一二三四五。六七", 5.0), ["一二三四", "五。六七"]);
        assert_eq!(lines("一二三四五，”六", 5.0), ["一二三四", "五，”六"]);
        for text in [
            "甲乙丙丁戊，己庚。辛壬癸、子丑寅卯；辰巳午未）申酉",
            "年度报告（一）主动公开：内容。",
        ] {
            for l in lines(text, 5.0).iter().skip(1) {
                let first = l.chars().next().expect("non-empty");
                assert!(!is_closing(first), "{l:?} starts with {first}");
            }
        }
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        assert_eq!(lines("一二三四“五六”", 5.0), ["一二三四", "“五六”"]);
        for l in lines(
            "依据《中华人民共和国政府信息公开条例》（国办函〔2020〕109号）规定",
            6.0,
        ) {
            let last = l.chars().last().expect("non-empty");
            assert!(!is_opening(last), "{l:?} ends with {last}");
        }
    }

    #[test]
    fn numbers_and_latin_words_stay_whole() {
        let got = lines("办理服务事项245720件，收费4351.7195万元", 8.0);
        assert!(got.iter().any(|l| l.contains("245720")), "{got:?}");
        assert!(got.iter().any(|l| l.contains("4351.7195")), "{got:?}");
        let got = lines("国办函〔2020〕109号文件", 5.0);
        assert!(got.iter().any(|l| l.contains("〔2020〕")), "{got:?}");
        let got = lines("采用 LED screen 显示", 4.0);
        assert!(got.iter().any(|l| l.contains("screen")), "{got:?}");
    }

    #[test]
    fn exact_fit_and_overlong_units() {
        assert_eq!(lines("一二三四五", 5.0), ["一二三四五"]);
        assert_eq!(lines("一二三四五六", 5.0), ["一二三四五", "六"]);
        // A number longer than a line is broken by character rather than overflowing.
        let got = lines("12345678901234567890", 4.0);
        assert!(got.iter().all(|l| l.chars().count() <= 8), "{got:?}");
        assert_eq!(got.concat(), "12345678901234567890");
        assert_eq!(lines("", 5.0), [""]);
    }

    #[test]
    fn body_lines_hold_28_characters_and_pages_22_lines() {
        let doc = Document {
            title: "标题".into(),
            author: String::new(),
            blocks: vec![Block::Paragraph("字".repeat(28 * 60))],
        };
        let l = layout(
            &doc,
            &Metrics {
                faces: [&Mono, &Mono, &Mono, &Mono],
            },
        );
        let texts: Vec<&str> = l.pages[1]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, size, .. } if *size == BODY => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 22, "22 lines on a full page");
        assert!(texts.iter().all(|t| t.chars().count() == 28), "{texts:?}");
    }

    #[test]
    fn missing_glyphs_are_reported() {
        let doc = Document {
            title: "标题".into(),
            author: String::new(),
            blocks: vec![Block::Paragraph("生僻字𠀀在此".into())],
        };
        let l = layout(
            &doc,
            &Metrics {
                faces: [&Mono, &Mono, &Mono, &Mono],
            },
        );
        assert_eq!(l.missing.iter().map(|m| m.0).collect::<Vec<_>>(), ['𠀀']);
    }
}
