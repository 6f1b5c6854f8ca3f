//! The PDF front end: a PDF's own text layer (no OCR) read with the glyphs' positions, tables
//! rebuilt from the ruling lines the page draws, paragraphs joined back, page numbers and
//! repeated table headers dropped — and handed to the text importer in its line-and-tab form
//! (a table row is one line, its cells separated by tabs).
//!
//! Pure like the rest of the crate: bytes in. Every hostile input ends in an [`ImportError`]
//! within the bounds of [`limits`].

mod fonts;
pub mod glyphs;
mod limits;
pub mod lines;
pub mod tables;

use lopdf::{Dictionary, Document, LoadOptions};

use crate::{import_text, ImportError, ImportFinding, Imported};
use glyphs::{Interpreter, Matrix, Resources};
use lines::{is_folio, join, Line};
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

/// Imports a report from a PDF's text layer. Findings name the PDF page they are about.
pub fn import_pdf(bytes: &[u8]) -> Result<Imported, ImportError> {
    let pdf = pdf_text(bytes)?;
    let mut imported = import_text(&pdf.text);
    for f in &mut imported.findings {
        if let Some(page) = pdf.page_of(f.line) {
            f.reason = format!("PDF 第 {page} 页：{}", f.reason);
        }
    }
    imported.findings.extend(pdf.findings);
    imported.findings.sort_by_key(|f| f.line);
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
enum Block {
    Line(Line),
    Table(Table),
}

impl Block {
    fn top(&self) -> f64 {
        match self {
            Block::Line(l) => l.y + l.size,
            Block::Table(t) => t.top,
        }
    }
}

struct Page {
    blocks: Vec<Block>,
    glyphs: usize,
    unreadable: usize,
    images: usize,
}

fn page_resources(doc: &Document, page: lopdf::ObjectId) -> Option<&Dictionary> {
    let (inline, ids) = doc.get_page_resources(page).ok()?;
    inline.or_else(|| ids.iter().find_map(|id| doc.get_dictionary(*id).ok()))
}

fn read_page(
    doc: &Document,
    page: lopdf::ObjectId,
    budget: &mut limits::Budget,
) -> Result<Page, ImportError> {
    let content = doc
        .get_page_content_with_limit(page, budget.stream_allowance())
        .map_err(|_| ImportError::PdfTooComplex)?;
    let res = Resources::new(doc, page_resources(doc, page));
    let mut interpreter = Interpreter::new(budget);
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
    let mut blocks: Vec<Block> = lines
        .into_iter()
        .map(Block::Line)
        .chain(tables.into_iter().map(Block::Table))
        .collect();
    blocks.sort_by(|a, b| b.top().total_cmp(&a.top()));
    Ok(Page {
        blocks,
        glyphs,
        unreadable,
        images: marks.images,
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
    let mut pages = Vec::with_capacity(page_ids.len());
    for id in page_ids {
        pages.push(read_page(&doc, id, &mut budget)?);
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
    let mut out = assemble(&pages);
    for (i, p) in pages.iter().enumerate() {
        if p.unreadable > 0 {
            out.findings.push(ImportFinding {
                line: out.line_pages.iter().position(|&n| n == i + 1).map_or(0, |l| l + 1),
                text: String::new(),
                reason: format!(
                    "PDF 第 {} 页有 {} 个字无法识别（字体缺少编码对照表），显示为“{}”，请对照原文核对这一页。",
                    i + 1,
                    p.unreadable,
                    fonts::REPLACEMENT
                ),
            });
        }
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
            p.blocks.iter().filter_map(|b| match b {
                Block::Line(l) => Some(l),
                Block::Table(_) => None,
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
    let left = mode(&mut body().map(|l| l.x0.round() as i64)).map_or(0.0, |v| v as f64);
    let right = body().map(|l| l.x1).fold(left, f64::max);
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

fn assemble(pages: &[Page]) -> PdfText {
    let m = margins(pages);
    let mut text = String::new();
    let mut line_pages = Vec::new();
    let mut emit = |s: &str, page: usize| {
        text.push_str(s);
        text.push('\n');
        line_pages.push(page);
    };
    // The paragraph being joined: its text, its last line, its page.
    let mut para: Option<(String, Line, usize)> = None;
    // The rows a table began with, to drop them where the table continues on a new page.
    let mut head: Option<&[Vec<String>]> = None;
    let mut last_was_table = false;
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        for (k, block) in page.blocks.iter().enumerate() {
            match block {
                Block::Line(l) => {
                    last_was_table = false;
                    match para.take() {
                        Some((t, prev, p)) if continues(&prev, l, &m, p == n) => {
                            para = Some((join(&t, &l.text), l.clone(), p));
                        }
                        Some((t, _, p)) => {
                            emit(&t, p);
                            para = Some((l.text.clone(), l.clone(), n));
                        }
                        None => para = Some((l.text.clone(), l.clone(), n)),
                    }
                }
                Block::Table(t) => {
                    if let Some((s, _, p)) = para.take() {
                        emit(&s, p);
                    }
                    let continued = k == 0 && last_was_table;
                    let skip = match head {
                        Some(h) if continued => {
                            h.iter().zip(&t.rows).take_while(|(a, b)| a == b).count()
                        }
                        _ => {
                            head = Some(&t.rows);
                            0
                        }
                    };
                    for row in &t.rows[skip..] {
                        emit(&row.join("\t"), n);
                    }
                    last_was_table = true;
                }
            }
        }
        if page.blocks.is_empty() {
            last_was_table = false;
        }
    }
    if let Some((s, _, p)) = para {
        emit(&s, p);
    }
    PdfText {
        text,
        line_pages,
        findings: Vec::new(),
    }
}
