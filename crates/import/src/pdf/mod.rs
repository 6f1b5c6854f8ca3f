//! The PDF front end: a PDF's own text layer (no OCR) read with the glyphs' positions, tables
//! rebuilt from the ruling lines the page draws, paragraphs joined back, page numbers and
//! repeated table headers dropped — and handed to the text importer in its line-and-tab form
//! (a table row is one line, its cells separated by tabs).
//!
//! Pure like the rest of the crate: bytes in. Every hostile input ends in an [`ImportError`]
//! within the bounds of [`limits`].

mod columns;
mod fonts;
pub mod glyphs;
mod limits;
pub mod lines;
pub mod tables;
#[cfg(test)]
mod testing;

use lopdf::{Dictionary, Document, LoadOptions};

use crate::blocks::{to_text, Block};
use crate::chrome::is_folio;
use crate::{import_text, Form, ImportError, ImportFinding, Imported};
use glyphs::{FontCache, Interpreter, Matrix, Resources};
use lines::{join, Line};
use tables::Table;

pub use limits::{MAX_PAGES, MAX_PDF_BYTES};

/// The text layer of a PDF in the form [`import_text`] reads.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfText {
    pub text: String,
    /// The page (from 1) of each line of `text`.
    pub line_pages: Vec<usize>,
    /// What was odd in the text layer itself (glyphs without Unicode).
    pub findings: Vec<ImportFinding>,
}

impl PdfText {
    fn page_of(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.line_pages.get(i))
            .copied()
    }
}

/// Imports a report from a PDF's text layer. Findings name the PDF page they are about; their
/// line counts the lines of [`pdf_text`]'s text.
pub fn import_pdf(bytes: &[u8]) -> Result<Imported, ImportError> {
    let pdf = pdf_text(bytes)?;
    let mut imported = import_text(&pdf.text);
    imported.findings.extend(pdf.findings.iter().cloned());
    for f in &mut imported.findings {
        match pdf.page_of(f.line) {
            Some(page) if !f.reason.starts_with("PDF 第") => {
                f.reason = format!("PDF 第 {page} 页：{}", f.reason);
            }
            _ => {}
        }
    }
    imported.findings.sort_by_key(|f| f.line);
    imported.form = Form::Pdf;
    Ok(imported)
}

/// Whether the bytes are a PDF at all (its header within the first KB, as readers accept).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

fn load(bytes: &[u8]) -> Result<Document, ImportError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ImportError::TooLarge {
            size_mb: (bytes.len() / (1024 * 1024)) as u64,
        });
    }
    if !is_pdf(bytes) {
        return Err(ImportError::PdfBroken);
    }
    let options = LoadOptions {
        max_decompressed_size: Some(limits::MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => ImportError::PdfEncrypted,
        lopdf::Error::Decompress(_) => ImportError::PdfTooComplex,
        _ => ImportError::PdfBroken,
    })?;
    // lopdf opens a file whose user password is empty by itself; any other password stops here.
    if doc.trailer.get(b"Encrypt").is_ok() && doc.authenticate_password("").is_err() {
        return Err(ImportError::PdfEncrypted);
    }
    Ok(doc)
}

/// One page read: its tables and its lines, top to bottom.
enum Item {
    Line(Line),
    Table(Table),
}

impl Item {
    fn top(&self) -> f64 {
        match self {
            Item::Line(l) => l.y + l.size,
            Item::Table(t) => t.top,
        }
    }
}

struct Page {
    items: Vec<Item>,
    glyphs: usize,
    unreadable: usize,
    images: usize,
    rotated: usize,
    invisible: usize,
}

fn page_resources(doc: &Document, page: lopdf::ObjectId) -> Option<&Dictionary> {
    let (inline, ids) = doc.get_page_resources(page).ok()?;
    inline.or_else(|| ids.iter().find_map(|id| doc.get_dictionary(*id).ok()))
}

fn read_page<'a>(
    doc: &'a Document,
    page: lopdf::ObjectId,
    budget: &mut limits::Budget,
    cache: &mut FontCache<'a>,
) -> Result<Page, ImportError> {
    let content = doc
        .get_page_content_with_limit(page, budget.stream_allowance())
        .map_err(|_| ImportError::PdfTooComplex)?;
    let res = Resources::new(doc, page_resources(doc, page), cache);
    let mut interpreter = Interpreter::new(budget, cache);
    interpreter.run(&content, &res, Matrix::IDENTITY, 0)?;
    let marks = interpreter.finish();
    let glyphs = marks.glyphs.len();
    let unreadable = marks
        .glyphs
        .iter()
        .filter(|g| g.text.contains(fonts::REPLACEMENT))
        .count();
    let (tables, rest) = tables::extract(&marks.rules, marks.glyphs)?;
    let mut lines = lines::lines(rest);
    drop_folios(&mut lines);
    columns::split_at_edges(&mut lines);
    columns::align(&mut lines);
    let mut items: Vec<Item> = lines
        .into_iter()
        .map(Item::Line)
        .chain(tables.into_iter().map(Item::Table))
        .collect();
    items.sort_by(|a, b| b.top().total_cmp(&a.top()));
    Ok(Page {
        items,
        glyphs,
        unreadable,
        images: marks.images,
        rotated: marks.rotated,
        invisible: marks.invisible,
    })
}

/// Page numbers are the top or bottom line of a page; a bare number only when it stands
/// apart from the text (a number in the last row of a table without rules is data).
fn drop_folios(lines: &mut Vec<Line>) {
    let apart = |l: &Line, other: Option<&Line>| {
        other.is_none_or(|o| (o.y - l.y).abs() > 2.0 * l.size.max(o.size))
    };
    let bare = |t: &str| t.trim().chars().all(|c| c.is_ascii_digit());
    if let Some(last) = lines.last() {
        let before = lines.len().checked_sub(2).and_then(|i| lines.get(i));
        if is_folio(&last.text) && (!bare(&last.text) || apart(last, before)) {
            lines.pop();
        }
    }
    if let Some(first) = lines.first() {
        if is_folio(&first.text) && (!bare(&first.text) || apart(first, lines.get(1))) {
            lines.remove(0);
        }
    }
}

/// Reads the text layer of every page and lays it out as lines for [`import_text`].
pub fn pdf_text(bytes: &[u8]) -> Result<PdfText, ImportError> {
    let doc = load(bytes)?;
    let page_ids: Vec<lopdf::ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if page_ids.len() > MAX_PAGES {
        return Err(ImportError::PdfTooComplex);
    }
    if page_ids.is_empty() {
        return Err(ImportError::PdfBroken);
    }
    let mut budget = limits::Budget::default();
    let mut cache = FontCache::new();
    let mut pages = Vec::with_capacity(page_ids.len());
    for id in page_ids {
        pages.push(read_page(&doc, id, &mut budget, &mut cache)?);
    }
    let glyphs: usize = pages.iter().map(|p| p.glyphs).sum();
    let unreadable: usize = pages.iter().map(|p| p.unreadable).sum();
    if glyphs == 0 {
        return Err(ImportError::PdfScanned);
    }
    // Mostly unreadable: the numbers cannot be trusted either.
    if unreadable * 10 > glyphs * 3 {
        return Err(ImportError::PdfNoUnicode);
    }
    let images: usize = pages.iter().map(|p| p.images).sum();
    let mut out = render(&assemble(&pages));
    for (i, p) in pages.iter().enumerate() {
        let line = out
            .line_pages
            .iter()
            .position(|&n| n == i + 1)
            .map_or(0, |l| l + 1);
        let mut note = |reason: String| {
            out.findings.push(ImportFinding {
                line,
                text: String::new(),
                reason,
                path: None,
            })
        };
        if p.unreadable > 0 {
            note(format!(
                "PDF 第 {} 页有 {} 个字无法识别（字体缺少编码对照表），显示为“{}”，请对照原文核对这一页。",
                i + 1,
                p.unreadable,
                fonts::REPLACEMENT
            ));
        }
        if p.rotated > 0 {
            note(format!(
                "PDF 第 {} 页有 {} 个斜排或竖排的字（如水印、竖写的表头）没有导入，请对照原文核对这一页。",
                i + 1,
                p.rotated
            ));
        }
    }
    let invisible: usize = pages.iter().map(|p| p.invisible).sum();
    if invisible * 2 > glyphs {
        out.findings.push(ImportFinding {
            line: 0,
            text: String::new(),
            reason: "这份 PDF 是扫描件加上识别软件（OCR）生成的隐藏文字，识别出的文字和数字可能有错，请逐项对照原件核对。".into(),
            path: None,
        });
    }
    // A few lines of text over page images (a scan with a typed cover) is still a scan.
    if images >= pages.len() && glyphs < 20 * pages.len() {
        return Err(ImportError::PdfScanned);
    }
    Ok(out)
}

/// The layout facts paragraph joining needs, measured on the body text.
struct Margins {
    body_size: f64,
    left: f64,
    right: f64,
}

fn margins(pages: &[Page]) -> Margins {
    let lines = || {
        pages.iter().flat_map(|p| {
            p.items.iter().filter_map(|b| match b {
                Item::Line(l) => Some(l),
                Item::Table(_) => None,
            })
        })
    };
    let mode = |values: &mut dyn Iterator<Item = i64>| {
        let mut counts = std::collections::BTreeMap::new();
        for v in values {
            *counts.entry(v).or_insert(0usize) += 1;
        }
        counts.into_iter().max_by_key(|&(_, n)| n).map(|(v, _)| v)
    };
    let body_size =
        mode(&mut lines().map(|l| (l.size * 2.0).round() as i64)).map_or(12.0, |v| v as f64 / 2.0);
    let body = || lines().filter(move |l| (l.size - body_size).abs() < 0.6);
    // The left margin is where continuation lines start: the leftmost start that at least
    // two body lines share (first lines are indented, so the most common start may be theirs).
    let mut starts: Vec<i64> = body().map(|l| l.x0.round() as i64).collect();
    starts.sort_unstable();
    let left = starts
        .windows(2)
        .find(|w| w[0] == w[1])
        .or(starts.first().map(std::slice::from_ref))
        .map_or(0.0, |w| w[0] as f64);
    // The right margin is where full lines end; it takes two lines to know it (a document
    // of short lines has none, and then nothing is joined).
    let widest = body().map(|l| l.x1).fold(left, f64::max);
    let full = body().filter(|l| l.x1 >= widest - body_size).count();
    let right = if full >= 2 { widest } else { f64::INFINITY };
    Margins {
        body_size,
        left,
        right,
    }
}

fn continues(prev: &Line, cur: &Line, m: &Margins, same_page: bool) -> bool {
    let size = cur.size;
    if (prev.size - cur.size).abs() > 0.6 {
        return false;
    }
    let gap = prev.y - cur.y;
    if size > 1.2 * m.body_size {
        // Large centred lines (a title wrapped over two lines) belong together; Word and
        // LibreOffice set titles with loose line spacing (2.6 sizes for a 22 pt title).
        let centre = (m.left + m.right) / 2.0;
        let centred = |l: &Line| ((l.x0 + l.x1) / 2.0 - centre).abs() < 2.0 * size;
        return same_page && gap < 3.2 * size && centred(prev) && centred(cur);
    }
    if same_page && gap > 2.5 * size {
        return false;
    }
    let full = prev.x1 >= m.right - 1.5 * size;
    let at_margin = (cur.x0 - m.left).abs() < 0.5 * size;
    full && at_margin && !prev.text.contains('\t') && !cur.text.contains('\t')
}

/// The pages as one flow of blocks (paragraphs joined back, tables continued across pages
/// without their repeated headers), each with the page it starts on.
fn assemble(pages: &[Page]) -> Vec<(Block, usize)> {
    let m = margins(pages);
    let mut out: Vec<(Block, usize)> = Vec::new();
    // The paragraph being joined: its text, its last line, its page.
    let mut para: Option<(String, Line, usize)> = None;
    let flush = |para: &mut Option<(String, Line, usize)>, out: &mut Vec<(Block, usize)>| {
        if let Some((text, _, page)) = para.take() {
            out.push((Block::paragraph(text), page));
        }
    };
    // The rows a table began with, to drop them where the table continues on a new page.
    let mut head: Option<Vec<Vec<&str>>> = None;
    let mut last_was_table = false;
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        for (k, item) in page.items.iter().enumerate() {
            match item {
                Item::Line(l) => {
                    last_was_table = false;
                    match para.take() {
                        Some((t, prev, p)) if continues(&prev, l, &m, p == n) => {
                            para = Some((join(&t, &l.text), l.clone(), p));
                        }
                        other => {
                            para = other;
                            flush(&mut para, &mut out);
                            para = Some((l.text.clone(), l.clone(), n));
                        }
                    }
                }
                Item::Table(t) => {
                    flush(&mut para, &mut out);
                    let rows = t.row_texts();
                    let mut table = t.clone();
                    match &head {
                        Some(h) if k == 0 && last_was_table => {
                            let repeated = h.iter().zip(&rows).take_while(|(a, b)| a == b).count();
                            table.drop_rows(repeated);
                        }
                        _ => head = Some(rows),
                    }
                    if !table.grid.cells.is_empty() {
                        out.push((Block::Table(table.grid), n));
                    }
                    last_was_table = true;
                }
            }
        }
        if page.items.is_empty() {
            last_was_table = false;
        }
    }
    flush(&mut para, &mut out);
    out
}

/// The flow rendered as the line/tab text placement reads, with the page of every line.
fn render(flow: &[(Block, usize)]) -> PdfText {
    let blocks: Vec<Block> = flow.iter().map(|(b, _)| b.clone()).collect();
    let (text, findings) = to_text(&blocks);
    // to_text writes one line per paragraph line and one per grid row.
    let mut line_pages = Vec::new();
    for (b, page) in flow {
        let lines = match b {
            Block::Paragraph(p) => p.text.lines().count(),
            Block::Table(g) => g.rows(),
        };
        line_pages.extend(std::iter::repeat_n(*page, lines));
    }
    PdfText {
        text,
        line_pages,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Object, Stream};
    use testing::{rect, text, Builder};

    const HEADER: [&str; 4] = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"];

    /// A ruled table of four columns (x = 80, 200, 300, 400, 520), rows 20 pt high from `top`.
    fn table(top: f64, rows: &[[&str; 4]]) -> String {
        let xs = [80.0, 200.0, 300.0, 400.0, 520.0];
        let mut s = String::new();
        for (r, row) in rows.iter().enumerate() {
            let y = top - 20.0 * (r as f64 + 1.0);
            for (c, cell) in row.iter().enumerate() {
                s += &rect(xs[c], y, xs[c + 1] - xs[c], 20.0);
                s += &text(xs[c] + 4.0, y + 5.0, 10.5, cell);
            }
        }
        s
    }

    const LINE1: &str = "为进一步做好政府信息公开工作，本局认真贯彻落实条例，";
    const LINE2: &str = "坚持以公开为常态、不公开为例外，全年主动公开政府信息一千";
    const LINE3: &str = "二百条。";

    /// Two pages: a wrapped title, a heading, a paragraph wrapped over three lines, and a
    /// table that continues on page 2 under its repeated header; page numbers at the foot.
    fn report_pages(cell: &str) -> Vec<u8> {
        let page1 = [
            text(179.0, 780.0, 22.0, "某县教育局2024年"),
            text(168.0, 730.0, 22.0, "政府信息公开工作年度报告"),
            text(112.0, 690.0, 16.0, "一、总体情况"),
            text(112.0, 660.0, 16.0, LINE1),
            text(80.0, 631.0, 16.0, LINE2),
            text(80.0, 602.0, 16.0, LINE3),
            text(112.0, 560.0, 16.0, "二、主动公开政府信息情况"),
            table(540.0, &[HEADER, ["规章", "1", "2", "3"]]),
            text(270.0, 50.0, 14.0, "— 1 —"),
        ]
        .concat()
        .replace(&testing::cid("1"), cell);
        let page2 = [
            table(780.0, &[HEADER, ["行政规范性文件", "4", "5", "6"]]),
            text(112.0, 700.0, 16.0, "三、收到和处理政府信息公开申请情况"),
            text(270.0, 50.0, 14.0, "— 2 —"),
        ]
        .concat();
        Builder::new().page(&page1).page(&page2).bytes()
    }

    #[test]
    fn pages_become_the_lines_the_text_importer_reads() {
        let pdf = pdf_text(&report_pages(&testing::cid("1"))).expect("reads");
        let want = [
            "某县教育局2024年政府信息公开工作年度报告",
            "一、总体情况",
            &format!("{LINE1}{LINE2}{LINE3}"),
            "二、主动公开政府信息情况",
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "规章\t1\t2\t3",
            // Page 2: the repeated header is dropped, the folios are gone.
            "行政规范性文件\t4\t5\t6",
            "三、收到和处理政府信息公开申请情况",
        ];
        assert_eq!(pdf.text.lines().collect::<Vec<_>>(), want);
        assert_eq!(pdf.line_pages, [1, 1, 1, 1, 1, 1, 2, 2]);
        assert!(pdf.findings.is_empty());

        let imported = import_pdf(&report_pages(&testing::cid("1"))).expect("imports");
        let d = &imported.report.active.regulations;
        assert_eq!(
            [d.issued.raw(), d.repealed.raw(), d.in_force.raw()],
            ["1", "2", "3"]
        );
        let n = &imported.report.active.normative_documents;
        assert_eq!(
            [n.issued.raw(), n.repealed.raw(), n.in_force.raw()],
            ["4", "5", "6"]
        );
        assert_eq!(imported.report.meta.agency, "某县教育局");
    }

    #[test]
    fn a_table_without_rules_keeps_a_blank_cell_in_its_column() {
        let row = |y: f64, cells: [(&str, f64); 4]| -> String {
            cells
                .iter()
                .filter(|(t, _)| !t.is_empty())
                .map(|(t, x)| text(*x, y, 10.5, t))
                .collect()
        };
        let page = [
            text(
                168.0,
                780.0,
                22.0,
                "某县教育局2024年政府信息公开工作年度报告",
            ),
            text(112.0, 700.0, 16.0, "二、主动公开政府信息情况"),
            row(
                670.0,
                [
                    (HEADER[0], 80.0),
                    (HEADER[1], 200.0),
                    (HEADER[2], 300.0),
                    (HEADER[3], 400.0),
                ],
            ),
            row(
                650.0,
                [("规章", 80.0), ("1", 225.0), ("", 325.0), ("3", 425.0)],
            ),
            row(
                630.0,
                [
                    ("行政规范性文件", 80.0),
                    ("12", 225.0),
                    ("0", 325.0),
                    ("77", 425.0),
                ],
            ),
        ]
        .concat();
        let imported = import_pdf(&Builder::new().page(&page).bytes()).expect("imports");
        let d = &imported.report.active.regulations;
        assert_eq!(
            [d.issued.raw(), d.repealed.raw(), d.in_force.raw()],
            ["1", "", "3"]
        );
        let n = &imported.report.active.normative_documents;
        assert_eq!(
            [n.issued.raw(), n.repealed.raw(), n.in_force.raw()],
            ["12", "0", "77"]
        );
    }

    #[test]
    fn a_glyph_without_unicode_is_never_read_as_a_number() {
        // The "1" of 规章 drawn in a font without ToUnicode: its code reads as no character.
        let cell = "/F3 10.5 Tf <0031>";
        let imported = import_pdf(&report_pages(cell)).expect("imports");
        let issued = &imported.report.active.regulations.issued;
        assert_eq!(issued.raw(), "\u{fffd}");
        assert_eq!(
            issued.value(),
            None,
            "not a number, so the validator flags it"
        );
        assert!(
            imported
                .findings
                .iter()
                .any(|f| f.reason.contains("PDF 第 1 页有 1 个字无法识别")),
            "{:#?}",
            imported.findings
        );
    }

    #[test]
    fn a_slanted_watermark_is_left_out_and_named() {
        let page = [
            text(112.0, 700.0, 16.0, "一、总体情况"),
            format!(
                "BT /F2 40 Tf 0.7 0.7 -0.7 0.7 200 300 Tm {} Tj ET\n",
                testing::cid("内部资料")
            ),
            text(112.0, 300.0, 16.0, "二、主动公开政府信息情况"),
        ]
        .concat();
        let pdf = pdf_text(&Builder::new().page(&page).bytes()).expect("reads");
        assert_eq!(pdf.text, "一、总体情况\n二、主动公开政府信息情况\n");
        assert_eq!(pdf.findings.len(), 1);
        assert!(pdf.findings[0]
            .reason
            .contains("第 1 页有 4 个斜排或竖排的字"));
    }

    #[test]
    fn an_ocr_layer_over_a_scan_is_read_with_a_warning() {
        let page = format!(
            "q 500 0 0 700 50 50 cm /Im1 Do Q\nBT 3 Tr /F2 16 Tf 80 700 Td {} Tj ET\n",
            testing::cid("孟州市人民政府2023年政府信息公开工作年度报告一、总体情况")
        );
        let pdf = pdf_text(&Builder::new().page(&page).bytes()).expect("reads");
        assert!(pdf.text.starts_with("孟州市人民政府"));
        assert!(
            pdf.findings.iter().any(|f| f.reason.contains("OCR")),
            "{:?}",
            pdf.findings
        );
    }

    #[test]
    fn text_mostly_without_unicode_is_refused() {
        let page = "BT /F3 16 Tf 80 700 Td <0001000200030004> Tj ET";
        let pdf = Builder::new().page(page).bytes();
        assert_eq!(pdf_text(&pdf), Err(ImportError::PdfNoUnicode));
    }

    #[test]
    fn scans_are_refused_with_the_reason() {
        let scan = "q 500 0 0 700 50 50 cm /Im1 Do Q";
        let pdf = Builder::new().page(scan).page(scan).bytes();
        assert_eq!(import_pdf(&pdf), Err(ImportError::PdfScanned));
        // A typed line on a scanned page does not make it a text PDF.
        let pdf = Builder::new()
            .page(&format!("{scan}\n{}", text(80.0, 800.0, 10.0, "扫描件")))
            .bytes();
        assert_eq!(import_pdf(&pdf), Err(ImportError::PdfScanned));
        let message = ImportError::PdfScanned.to_string();
        assert!(message.contains("没有文字层") && message.contains("原始 Word 文件"));
    }

    fn committed(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../../tests/import/pdf/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(path).expect("committed PDF")
    }

    #[test]
    fn encrypted_pdfs_are_read_only_without_an_open_password() {
        assert_eq!(
            import_pdf(&committed("encrypted-open-password.pdf")),
            Err(ImportError::PdfEncrypted)
        );
        // Permissions only (the user password is empty): readers open it, and so do we.
        let imported = import_pdf(&committed("encrypted-permissions-only.pdf")).expect("opens");
        assert_eq!(imported.report.meta.agency, "孟州市人民政府");
        assert_eq!(
            imported.sections_found,
            1,
            "{:#?}",
            pdf_text(&committed("encrypted-permissions-only.pdf"))
        );
    }

    #[test]
    fn what_is_not_a_pdf_or_is_cut_short_is_an_error() {
        assert_eq!(pdf_text(b"hello"), Err(ImportError::PdfBroken));
        let whole = report_pages(&testing::cid("1"));
        for cut in [10, whole.len() / 3, whole.len() / 2, whole.len() - 40] {
            // Whatever lopdf recovers, the result is an error or a text — never a panic.
            let _ = pdf_text(&whole[..cut]);
        }
        assert!(pdf_text(&whole[..whole.len() / 3]).is_err());
    }

    #[test]
    fn a_100_mb_file_is_refused_before_it_is_parsed() {
        let big = vec![b' '; 100 * 1024 * 1024];
        assert_eq!(pdf_text(&big), Err(ImportError::TooLarge { size_mb: 100 }));
    }

    #[test]
    fn a_page_tree_that_contains_itself_ends() {
        let mut doc = Builder::new()
            .page(&text(80.0, 700.0, 16.0, "一"))
            .document();
        let root = doc
            .catalog()
            .and_then(|c| c.get(b"Pages"))
            .and_then(Object::as_reference)
            .expect("pages");
        let kids = vec![Object::Reference(root), Object::Reference(root)];
        doc.objects.insert(
            root,
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 2 }.into(),
        );
        assert!(pdf_text(&testing::save(doc)).is_err());
    }

    #[test]
    fn references_in_a_cycle_end() {
        let mut doc = Builder::new().page("").document();
        let page = doc.page_iter().next().expect("page");
        let (a, b) = ((900, 0), (901, 0));
        doc.objects.insert(a, Object::Reference(b));
        doc.objects.insert(b, Object::Reference(a));
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
            d.set("Contents", Object::Reference(a));
            d.set("Resources", Object::Reference(b));
        }
        assert!(pdf_text(&testing::save(doc)).is_err());
    }

    #[test]
    fn a_huge_page_count_is_refused() {
        let mut doc = Builder::new()
            .page(&text(80.0, 700.0, 16.0, "一"))
            .document();
        let page = doc.page_iter().next().expect("page");
        let root = doc
            .catalog()
            .and_then(|c| c.get(b"Pages"))
            .and_then(Object::as_reference)
            .expect("pages");
        let template = doc.get_dictionary(page).expect("page").clone();
        let kids: Vec<Object> = (0..MAX_PAGES + 100)
            .map(|_| Object::Reference(doc.add_object(template.clone())))
            .collect();
        let count = kids.len() as i64;
        doc.objects.insert(
            root,
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }.into(),
        );
        assert_eq!(
            pdf_text(&testing::save(doc)),
            Err(ImportError::PdfTooComplex)
        );
    }

    #[test]
    fn a_content_stream_that_inflates_past_the_bound_is_refused() {
        let mut doc = Builder::new().page("").document();
        let page = doc.page_iter().next().expect("page");
        // 20 MB of "0 0 m " compresses to some 20 KB.
        let mut bomb = Stream::new(dictionary! {}, b"0 0 m ".repeat(20 * 1024 * 1024 / 6));
        bomb.compress().expect("compresses");
        let id = doc.add_object(bomb);
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
            d.set("Contents", id);
        }
        assert_eq!(
            pdf_text(&testing::save(doc)),
            Err(ImportError::PdfTooComplex)
        );
    }

    #[test]
    fn the_budget_stops_operators_glyphs_and_content() {
        let mut b = limits::Budget::default();
        assert!(b.operators(limits::MAX_OPERATORS).is_ok());
        assert_eq!(b.operators(1), Err(ImportError::PdfTooComplex));
        let mut b = limits::Budget::default();
        assert!(b.content_bytes(limits::MAX_CONTENT_BYTES).is_ok());
        assert_eq!(b.stream_allowance(), 0);
        assert_eq!(b.content_bytes(1), Err(ImportError::PdfTooComplex));
        let mut b = limits::Budget::default();
        for _ in 0..limits::MAX_GLYPHS {
            assert!(b.glyph().is_ok());
        }
        assert_eq!(b.glyph(), Err(ImportError::PdfTooComplex));
    }
}
