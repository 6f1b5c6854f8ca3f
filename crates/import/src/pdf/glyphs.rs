//! The content-stream interpreter: every shown glyph with its position on the page, and every
//! straight ruling line the page draws (stroked lines and rectangles, thin filled rectangles).

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object};

use super::fonts::{deref, number, Font};
use super::limits::{Budget, MAX_FORM_DEPTH};
use crate::ImportError;

/// One glyph in page space (points, y upwards).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Effective font size on the page.
    pub size: f64,
}

impl Glyph {
    pub fn centre_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    /// Roughly the middle of the glyph's body, above the baseline.
    pub fn centre_y(&self) -> f64 {
        self.y + self.size * 0.35
    }
}

/// An axis-aligned ruling line: horizontal when `y0 == y1`, vertical when `x0 == x1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rule {
    pub fn is_horizontal(&self) -> bool {
        (self.y0 - self.y1).abs() < 0.01
    }
}

#[derive(Default, Debug)]
pub struct Marks {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    pub images: usize,
    /// Glyphs set at a slant or upright (watermarks, vertical labels): left out of the text,
    /// where they would land in the middle of lines, and counted so the user is told.
    pub rotated: usize,
    /// Glyphs drawn invisibly (text render mode 3): the layer OCR software lays over a scan.
    pub invisible: usize,
}

/// Row-vector affine matrix [a b c d e f], as PDF writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix([f64; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// self × other: apply self first, then other.
    pub fn then(&self, o: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [oa, ob, oc, od, oe, of] = o.0;
        Matrix([
            a * oa + b * oc,
            a * ob + b * od,
            c * oa + d * oc,
            c * ob + d * od,
            e * oa + f * oc + oe,
            e * ob + f * od + of,
        ])
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How much the matrix stretches a vertical unit (the font size on the page).
    fn vertical_scale(&self) -> f64 {
        self.0[2].hypot(self.0[3])
    }
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    line_width: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scale: f64,
    leading: f64,
    size: f64,
    rise: f64,
    render_mode: i64,
    font: Option<Vec<u8>>,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> Self {
        GraphicsState {
            ctm,
            line_width: 1.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            size: 0.0,
            rise: 0.0,
            render_mode: 0,
            font: None,
        }
    }
}

/// Fonts already read, by the address of their dictionary in the document: pages share their
/// fonts, and a hostile font (a huge /W or ToUnicode) is then read once, not once per page.
pub type FontCache<'a> = HashMap<usize, Rc<Font<'a>>>;

/// What is needed to interpret one content stream: its fonts and its form XObjects.
pub struct Resources<'a> {
    doc: &'a Document,
    dict: Option<&'a Dictionary>,
    fonts: HashMap<Vec<u8>, Rc<Font<'a>>>,
}

impl<'a> Resources<'a> {
    pub fn new(doc: &'a Document, dict: Option<&'a Dictionary>, cache: &mut FontCache<'a>) -> Self {
        let mut fonts = HashMap::new();
        if let Some(font_dict) = dict
            .and_then(|d| deref(doc, d.get(b"Font").ok()))
            .and_then(|o| o.as_dict().ok())
        {
            for (name, f) in font_dict.iter().take(MAX_FONTS) {
                if let Some(f) = deref(doc, Some(f)).and_then(|o| o.as_dict().ok()) {
                    let key = f as *const Dictionary as usize;
                    let font = cache
                        .entry(key)
                        .or_insert_with(|| Rc::new(Font::load(doc, f)))
                        .clone();
                    fonts.insert(name.clone(), font);
                }
            }
        }
        Resources { doc, dict, fonts }
    }

    fn xobject(&self, name: &[u8]) -> Option<&'a lopdf::Stream> {
        let xobjects = deref(self.doc, self.dict?.get(b"XObject").ok())?
            .as_dict()
            .ok()?;
        deref(self.doc, xobjects.get(name).ok())?.as_stream().ok()
    }
}

pub struct Interpreter<'a, 'b> {
    budget: &'b mut Budget,
    cache: &'b mut FontCache<'a>,
    marks: Marks,
    path: Vec<(f64, f64, f64, f64)>,
    rects: Vec<[(f64, f64); 4]>,
    current: Option<(f64, f64)>,
    start: Option<(f64, f64)>,
}

impl<'a, 'b> Interpreter<'a, 'b> {
    pub fn new(budget: &'b mut Budget, cache: &'b mut FontCache<'a>) -> Self {
        Interpreter {
            budget,
            cache,
            marks: Marks::default(),
            path: Vec::new(),
            rects: Vec::new(),
            current: None,
            start: None,
        }
    }

    pub fn finish(self) -> Marks {
        self.marks
    }

    /// Interprets one content stream (a page's, or a form's with its own resources).
    pub fn run(
        &mut self,
        content: &[u8],
        res: &Resources<'a>,
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), ImportError> {
        self.budget.content_bytes(content.len())?;
        // A stream that does not parse at all is skipped: other pages may still be read.
        let Ok(ops) = Content::decode(content) else {
            return Ok(());
        };
        self.budget.operators(ops.operations.len())?;
        let mut gs = GraphicsState::new(ctm);
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for Operation { operator, operands } in &ops.operations {
            let n = |i: usize| operands.get(i).and_then(number).unwrap_or(0.0);
            match operator.as_str() {
                "q" if stack.len() < 64 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                "cm" => gs.ctm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]).then(&gs.ctm),
                "w" => gs.line_width = n(0),
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tc" => gs.char_spacing = n(0),
                "Tw" => gs.word_spacing = n(0),
                "Tz" => gs.horizontal_scale = n(0) / 100.0,
                "TL" => gs.leading = n(0),
                "Ts" => gs.rise = n(0),
                "Tr" => gs.render_mode = n(0) as i64,
                "Tf" => {
                    gs.font = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    gs.size = n(1);
                }
                "Td" => {
                    tlm = Matrix::translate(n(0), n(1)).then(&tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.leading = -n(1);
                    tlm = Matrix::translate(n(0), n(1)).then(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]);
                    tm = tlm;
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                }
                "Tj" => self.show(operands.first(), &gs, res, &mut tm)?,
                "'" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    self.show(operands.first(), &gs, res, &mut tm)?;
                }
                "\"" => {
                    gs.word_spacing = n(0);
                    gs.char_spacing = n(1);
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    self.show(operands.get(2), &gs, res, &mut tm)?;
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Object::String(..) => self.show(Some(item), &gs, res, &mut tm)?,
                                other => {
                                    let adjust = number(other).unwrap_or(0.0);
                                    let tx = -adjust / 1000.0 * gs.size * gs.horizontal_scale;
                                    tm = Matrix::translate(tx, 0.0).then(&tm);
                                }
                            }
                        }
                    }
                }
                "m" => {
                    let p = gs.ctm.apply(n(0), n(1));
                    self.current = Some(p);
                    self.start = Some(p);
                }
                "l" => {
                    let p = gs.ctm.apply(n(0), n(1));
                    if let Some(c) = self.current {
                        self.path.push((c.0, c.1, p.0, p.1));
                    }
                    self.current = Some(p);
                }
                "c" | "v" | "y" => {
                    // Curves are not ruling lines; only the current point moves.
                    let k = if operator == "c" { 4 } else { 2 };
                    self.current = Some(gs.ctm.apply(n(k), n(k + 1)));
                }
                "h" => {
                    if let (Some(c), Some(s)) = (self.current, self.start) {
                        self.path.push((c.0, c.1, s.0, s.1));
                        self.current = Some(s);
                    }
                }
                "re" => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    self.rects.push([
                        gs.ctm.apply(x, y),
                        gs.ctm.apply(x + w, y),
                        gs.ctm.apply(x + w, y + h),
                        gs.ctm.apply(x, y + h),
                    ]);
                    self.current = Some(gs.ctm.apply(x, y));
                    self.start = self.current;
                }
                "S" | "s" | "B" | "B*" | "b" | "b*" => {
                    if matches!(operator.as_str(), "s" | "b" | "b*") {
                        if let (Some(c), Some(s)) = (self.current, self.start) {
                            self.path.push((c.0, c.1, s.0, s.1));
                        }
                    }
                    self.stroke();
                }
                "f" | "F" | "f*" => self.fill(),
                "n" => self.clear_path(),
                "Do" => {
                    let Some(name) = operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Some(stream) = res.xobject(name) else {
                        continue;
                    };
                    let subtype = stream.dict.get(b"Subtype").and_then(|o| o.as_name()).ok();
                    if subtype == Some(b"Image".as_slice()) {
                        self.marks.images += 1;
                    } else if subtype == Some(b"Form".as_slice()) && depth < MAX_FORM_DEPTH {
                        let matrix = deref(res.doc, stream.dict.get(b"Matrix").ok())
                            .and_then(|o| o.as_array().ok())
                            .filter(|a| a.len() == 6)
                            .map(|a| {
                                let v: Vec<f64> =
                                    a.iter().map(|o| number(o).unwrap_or(0.0)).collect();
                                Matrix([v[0], v[1], v[2], v[3], v[4], v[5]])
                            })
                            .unwrap_or(Matrix::IDENTITY);
                        let inner = deref(res.doc, stream.dict.get(b"Resources").ok())
                            .and_then(|o| o.as_dict().ok());
                        let inner_res = match inner {
                            Some(d) => Resources::new(res.doc, Some(d), self.cache),
                            None => Resources::new(res.doc, res.dict, self.cache),
                        };
                        let data = stream
                            .decompressed_content_with_limit(self.budget.stream_allowance())
                            .map_err(|_| ImportError::PdfTooComplex)?;
                        self.run(&data, &inner_res, matrix.then(&gs.ctm), depth + 1)?;
                    }
                }
                "BI" | "ID" | "EI" => self.marks.images += usize::from(operator == "BI"),
                _ => {}
            }
        }
        Ok(())
    }

    fn show(
        &mut self,
        string: Option<&Object>,
        gs: &GraphicsState,
        res: &Resources,
        tm: &mut Matrix,
    ) -> Result<(), ImportError> {
        let Some(Object::String(bytes, _)) = string else {
            return Ok(());
        };
        let Some(font) = gs.font.as_ref().and_then(|f| res.fonts.get(f)) else {
            return Ok(());
        };
        for code in font.codes(bytes) {
            self.budget.glyph()?;
            let w0 = font.advance(code.code);
            let scaled = Matrix([
                gs.size * gs.horizontal_scale,
                0.0,
                0.0,
                gs.size,
                0.0,
                gs.rise,
            ]);
            let trm = scaled.then(tm).then(&gs.ctm);
            let (x0, y) = trm.apply(0.0, 0.0);
            let (x1, _) = trm.apply(w0, 0.0);
            let size = trm.vertical_scale();
            let text = font.text(code.code);
            let [a, b, c, d, _, _] = trm.0;
            let upright =
                b.abs() <= 0.02 * a.abs() && c.abs() <= 0.02 * d.abs() && a > 0.0 && d > 0.0;
            if text.chars().all(char::is_whitespace) || size <= 0.5 {
                // Nothing to read.
            } else if !upright {
                self.marks.rotated += 1;
            } else {
                if gs.render_mode == 3 {
                    self.marks.invisible += 1;
                }
                self.marks.glyphs.push(Glyph {
                    text,
                    x0: x0.min(x1),
                    x1: x0.max(x1),
                    y,
                    size,
                });
            }
            let spacing = gs.char_spacing
                + if code.is_space_byte {
                    gs.word_spacing
                } else {
                    0.0
                };
            let tx = (w0 * gs.size + spacing) * gs.horizontal_scale;
            *tm = Matrix::translate(tx, 0.0).then(tm);
        }
        Ok(())
    }

    fn stroke(&mut self) {
        for &(x0, y0, x1, y1) in &self.path {
            push_rule(&mut self.marks.rules, x0, y0, x1, y1);
        }
        for r in &self.rects {
            for k in 0..4 {
                let (a, b) = (r[k], r[(k + 1) % 4]);
                push_rule(&mut self.marks.rules, a.0, a.1, b.0, b.1);
            }
        }
        self.clear_path();
    }

    /// Thin filled rectangles are ruling lines (Word and some PDF printers draw borders so);
    /// wider ones are shading and say nothing about cells.
    fn fill(&mut self) {
        for r in &self.rects {
            let xs = r.map(|p| p.0);
            let ys = r.map(|p| p.1);
            let (x0, x1) = (
                xs.iter().copied().fold(f64::MAX, f64::min),
                xs.iter().copied().fold(f64::MIN, f64::max),
            );
            let (y0, y1) = (
                ys.iter().copied().fold(f64::MAX, f64::min),
                ys.iter().copied().fold(f64::MIN, f64::max),
            );
            let (w, h) = (x1 - x0, y1 - y0);
            if h <= THIN && w > h {
                let y = (y0 + y1) / 2.0;
                push_rule(&mut self.marks.rules, x0, y, x1, y);
            } else if w <= THIN && h > w {
                let x = (x0 + x1) / 2.0;
                push_rule(&mut self.marks.rules, x, y0, x, y1);
            }
        }
        self.clear_path();
    }

    fn clear_path(&mut self) {
        self.path.clear();
        self.rects.clear();
        self.current = None;
        self.start = None;
    }
}

/// More fonts on one page than any document uses.
const MAX_FONTS: usize = 256;

/// Thicker than any border, thinner than any shaded cell.
const THIN: f64 = 2.5;

fn push_rule(rules: &mut Vec<Rule>, x0: f64, y0: f64, x1: f64, y1: f64) {
    if !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite()) {
        return;
    }
    if (y0 - y1).abs() < 0.5 && (x0 - x1).abs() > 1.0 {
        let y = (y0 + y1) / 2.0;
        rules.push(Rule {
            x0: x0.min(x1),
            y0: y,
            x1: x0.max(x1),
            y1: y,
        });
    } else if (x0 - x1).abs() < 0.5 && (y0 - y1).abs() > 1.0 {
        let x = (x0 + x1) / 2.0;
        rules.push(Rule {
            x0: x,
            y0: y0.min(y1),
            x1: x,
            y1: y0.max(y1),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::limits::Budget;
    use crate::pdf::testing::{cid, Builder};

    fn marks(content: &str) -> Marks {
        let doc = Builder::new().page(content).document();
        let page = doc.page_iter().next().expect("one page");
        let mut cache = FontCache::new();
        let res = Resources::new(&doc, crate::pdf::page_resources(&doc, page), &mut cache);
        let mut budget = Budget::default();
        let mut interpreter = Interpreter::new(&mut budget, &mut cache);
        interpreter
            .run(content.as_bytes(), &res, Matrix::IDENTITY, 0)
            .expect("runs");
        interpreter.finish()
    }

    /// (text, x0, y) of each glyph, rounded to 0.01 pt.
    fn placed(content: &str) -> Vec<(String, f64, f64)> {
        let r = |v: f64| (v * 100.0).round() / 100.0;
        marks(content)
            .glyphs
            .into_iter()
            .map(|g| (g.text, r(g.x0), r(g.y)))
            .collect()
    }

    fn at(text: &str, x: f64, y: f64) -> (String, f64, f64) {
        (text.to_string(), x, y)
    }

    #[test]
    fn simple_font_advances_by_width_and_char_spacing() {
        // 500/1000 × 10 pt = 5 pt per glyph, plus Tc 2.
        assert_eq!(
            placed("BT /F1 10 Tf 2 Tc 100 700 Td (AB) Tj ET"),
            [at("A", 100.0, 700.0), at("B", 107.0, 700.0)]
        );
    }

    #[test]
    fn word_spacing_applies_to_the_space_byte_only() {
        assert_eq!(
            placed("BT /F1 10 Tf 3 Tw 100 700 Td (A B) Tj ET"),
            [at("A", 100.0, 700.0), at("B", 113.0, 700.0)]
        );
    }

    #[test]
    fn horizontal_scaling_and_tj_adjustments() {
        // Tz 50 halves every advance; -1000 in TJ moves one font size (scaled) to the right.
        assert_eq!(
            placed("BT /F1 10 Tf 50 Tz 100 700 Td [(A) -1000 (B)] TJ ET"),
            [at("A", 100.0, 700.0), at("B", 107.5, 700.0)]
        );
    }

    #[test]
    fn leading_next_line_operators() {
        let got = placed(
            "BT /F1 10 Tf 14 TL 100 700 Td (A) Tj T* (B) Tj (C) ' 20 0 TD (D) Tj 5 1 (E) \" ET",
        );
        assert_eq!(
            got,
            [
                at("A", 100.0, 700.0),
                at("B", 100.0, 686.0),
                at("C", 100.0, 672.0),
                at("D", 120.0, 672.0),
                // TD set the leading to 0: the next line is the same baseline, from its start.
                at("E", 120.0, 672.0),
            ]
        );
    }

    #[test]
    fn text_matrix_and_ctm_scale_positions_and_size() {
        let m = marks("q 2 0 0 2 10 0 cm BT /F1 10 Tf 1 0 0 1 50 300 Tm (A) Tj ET Q");
        let g = &m.glyphs[0];
        assert_eq!((g.x0, g.y, g.size, g.x1), (110.0, 600.0, 20.0, 120.0));
        // q/Q restore the CTM.
        let m = marks("q 2 0 0 2 0 0 cm Q BT /F1 10 Tf 50 300 Td (A) Tj ET");
        assert_eq!((m.glyphs[0].x0, m.glyphs[0].y), (50.0, 300.0));
    }

    #[test]
    fn composite_fonts_read_two_byte_codes_through_to_unicode() {
        let content = format!("BT /F2 16 Tf 80 700 Td {} Tj ET", cid("一、总计"));
        assert_eq!(
            placed(&content),
            [
                at("一", 80.0, 700.0),
                at("、", 96.0, 700.0),
                at("总", 112.0, 700.0),
                at("计", 128.0, 700.0)
            ]
        );
    }

    #[test]
    fn strokes_and_thin_fills_are_rules_wide_fills_are_not() {
        let m = marks(
            "0 0 m 100 0 l S 10 10 50 20 re S 0 100 200 0.5 re f 0 200 100 50 re f 0 300 m 50 350 l S",
        );
        let horizontal = m.rules.iter().filter(|r| r.is_horizontal()).count();
        // One line, two edges of the rectangle, one thin filled rectangle; the shaded box and
        // the diagonal are not rules.
        assert_eq!(horizontal, 4);
        assert_eq!(m.rules.len() - horizontal, 2);
    }

    #[test]
    fn spaces_are_not_glyphs_and_unknown_fonts_are_skipped() {
        assert_eq!(
            placed("BT /F1 10 Tf 0 0 Td (A B) Tj /F9 10 Tf (C) Tj ET"),
            [at("A", 0.0, 0.0), at("B", 10.0, 0.0)]
        );
    }
}
