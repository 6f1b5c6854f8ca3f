//! Word `.docx` (Word, WPS, LibreOffice and our own export) into blocks: paragraphs in order with
//! the numbering Word draws in front of them, text boxes after the paragraph holding them, tables
//! rebuilt into grids from `gridSpan`/`vMerge`. Tracked changes are read as accepted.
//!
//! The file is hostile until read: the zip's entry count and every part's uncompressed size are
//! capped while reading (never trusting the sizes the zip declares), the XML is parsed without
//! DTDs (no entity expansion) and with a node limit, and nesting is bounded.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Node, ParsingOptions};
use zip::result::ZipError;
use zip::ZipArchive;

use crate::blocks::{Block, GridBuilder, Paragraph};
use crate::numbering::{format_number, NumFormat};
use crate::ImportError;

/// Uncompressed size allowed for one part: a report's document.xml is well under 1 MB.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// A report's .docx has 10–40 parts; images add a few.
pub const MAX_ENTRIES: usize = 5_000;
/// XML nodes in one part: 32 MB of the densest markup stays below this.
const MAX_NODES: u32 = 4_000_000;
/// Nesting of tables, text boxes and content controls that is followed.
const MAX_DEPTH: usize = 48;
/// Cells in the whole document: a report has about 300.
pub const MAX_CELLS: usize = 100_000;

fn broken(why: impl Into<String>) -> ImportError {
    ImportError::BrokenWord { why: why.into() }
}

/// Whether the zip holds a Word document's main part.
pub fn is_docx(bytes: &[u8]) -> bool {
    ZipArchive::new(Cursor::new(bytes))
        .map(|z| z.index_for_name("word/document.xml").is_some())
        .unwrap_or(false)
}

fn read_part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(broken(format!("{name}：{e}"))),
    };
    let mut buf = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| broken(format!("{name}：{e}")))?;
    if buf.len() as u64 > MAX_PART_BYTES {
        return Err(ImportError::PartTooLarge {
            part: name.to_string(),
            limit_mb: MAX_PART_BYTES / 1024 / 1024,
        });
    }
    let text = String::from_utf8(buf).map_err(|_| broken(format!("{name} 不是 UTF-8 文本")))?;
    Ok(Some(text))
}

/// Element nesting allowed in a part: the XML parser recurses per level, so a hostile file
/// nested a hundred thousand deep would overflow the stack. Word's deepest (a text box in a
/// table in a table) is about 40.
const MAX_XML_DEPTH: usize = 128;

/// The deepest element nesting of an XML text, by a linear scan that knows comments, CDATA,
/// processing instructions and quoted attribute values (where '>' may appear).
fn xml_depth(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut i, mut depth, mut deepest) = (0, 0usize, 0usize);
    let skip_to = |from: usize, end: &[u8]| {
        b[from..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(b.len(), |p| from + p + end.len())
    };
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + p;
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            i = skip_to(at, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_to(at, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_to(at, b"?>");
        } else if rest.starts_with(b"<!") {
            i = skip_to(at, b">");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = skip_to(at, b">");
        } else {
            let mut j = at + 1;
            let mut quote = None;
            while j < b.len() {
                match (quote, b[j]) {
                    (None, b'"' | b'\'') => quote = Some(b[j]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if b.get(j.wrapping_sub(1)) != Some(&b'/') {
                depth += 1;
                deepest = deepest.max(depth);
            }
            i = j + 1;
        }
        if i >= b.len() {
            break;
        }
    }
    deepest
}

fn parse<'t>(name: &str, text: &'t str) -> Result<roxmltree::Document<'t>, ImportError> {
    if xml_depth(text) > MAX_XML_DEPTH {
        return Err(broken(format!("{name} 中的元素嵌套太深")));
    }
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
    };
    roxmltree::Document::parse_with_options(text, opts)
        .map_err(|e| broken(format!("{name} 的 XML 有错误：{e}")))
}

/// The blocks of a .docx file.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(broken(format!("包含 {} 个部件，太多了", zip.len())));
    }
    let main = read_part(&mut zip, "word/document.xml")?.ok_or(ImportError::NotWord)?;
    let numbering = read_part(&mut zip, "word/numbering.xml")?;
    let styles = read_part(&mut zip, "word/styles.xml")?;
    let numbering = match &numbering {
        Some(t) => Numbering::read(&parse("word/numbering.xml", t)?),
        None => Numbering::default(),
    };
    let styles = match &styles {
        Some(t) => Styles::read(&parse("word/styles.xml", t)?),
        None => Styles::default(),
    };
    let doc = parse("word/document.xml", &main)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| n.tag_name().name() == "body")
        .ok_or_else(|| broken("word/document.xml 中没有正文"))?;
    let mut w = Walker {
        numbering,
        styles,
        blocks: Vec::new(),
        cells: 0,
    };
    w.container(body, 0)?;
    Ok(w.blocks)
}

fn attr<'a>(n: Node<'a, '_>, local: &str) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == local)
        .map(|a| a.value())
}

fn child<'a, 'i>(n: Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| c.tag_name().name() == local)
}

fn val<'a>(n: Node<'a, '_>, local: &str) -> Option<&'a str> {
    child(n, local).and_then(|c| attr(c, "val"))
}

struct Walker {
    numbering: Numbering,
    styles: Styles,
    blocks: Vec<Block>,
    cells: usize,
}

impl Walker {
    /// The body, a cell, a text box or a content control: paragraphs and tables in order.
    fn container(&mut self, node: Node, depth: usize) -> Result<(), ImportError> {
        if depth > MAX_DEPTH {
            return Err(broken("表格、文本框嵌套太深"));
        }
        for c in node.children() {
            match c.tag_name().name() {
                "p" => self.paragraph(c, depth)?,
                "tbl" => self.table(c, depth)?,
                "sdt" => {
                    if let Some(content) = child(c, "sdtContent") {
                        self.container(content, depth + 1)?;
                    }
                }
                "customXml" | "ins" | "moveTo" | "smartTag" => self.container(c, depth + 1)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn paragraph(&mut self, p: Node, depth: usize) -> Result<(), ImportError> {
        let mut text = String::new();
        let mut boxes = Vec::new();
        inline(p, &mut text, &mut boxes, depth)?;
        let ppr = child(p, "pPr");
        let style = ppr.and_then(|pr| val(pr, "pStyle"));
        let own = ppr.and_then(|pr| child(pr, "numPr"));
        let (num_id, ilvl) = self.styles.numbering(style, own);
        let deleted_mark = ppr
            .and_then(|pr| child(pr, "rPr"))
            .is_some_and(|r| child(r, "del").is_some());
        // An empty paragraph still takes its number in Word, but a paragraph whose mark was
        // deleted (a tracked deletion) does not exist once the change is accepted.
        if let (Some(num_id), false) = (num_id, deleted_mark) {
            if let Some(prefix) = self.numbering.next(num_id, ilvl) {
                text.insert_str(0, &prefix);
            }
        }
        let outline = ppr
            .and_then(|pr| val(pr, "outlineLvl"))
            .and_then(|v| v.parse::<u8>().ok())
            .or_else(|| self.styles.outline(style));
        self.blocks.push(Block::Paragraph(Paragraph {
            text,
            heading: outline.filter(|&l| l < 9).map(|l| l + 1),
        }));
        for b in boxes {
            self.container(b, depth + 1)?;
        }
        Ok(())
    }

    fn table(&mut self, tbl: Node, depth: usize) -> Result<(), ImportError> {
        let mut grid = GridBuilder::new();
        for tr in flatten(tbl, "tr") {
            if let Some(before) = child(tr, "trPr")
                .and_then(|pr| val(pr, "gridBefore"))
                .and_then(|v| v.parse::<usize>().ok())
            {
                grid.skip(before);
            }
            for tc in flatten(tr, "tc") {
                self.cells += 1;
                if self.cells > MAX_CELLS {
                    return Err(broken(format!("表格格子超过 {MAX_CELLS} 个")));
                }
                let pr = child(tc, "tcPr");
                let span = pr
                    .and_then(|pr| val(pr, "gridSpan"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1);
                let merge = pr.and_then(|pr| child(pr, "vMerge"));
                let continues =
                    merge.is_some_and(|m| attr(m, "val").unwrap_or("continue") != "restart");
                if continues {
                    grid.continue_above(span);
                } else {
                    let text = self.cell_text(tc, depth + 1)?;
                    grid.push(text, 1, span);
                }
            }
            grid.end_row();
        }
        self.blocks.push(Block::Table(grid.finish()));
        Ok(())
    }

    /// A cell's paragraphs, one a line (a nested table's cells too).
    fn cell_text(&mut self, tc: Node, depth: usize) -> Result<String, ImportError> {
        let outer = std::mem::take(&mut self.blocks);
        let result = self.container(tc, depth);
        let inner = std::mem::replace(&mut self.blocks, outer);
        result?;
        let mut lines = Vec::new();
        for b in inner {
            match b {
                Block::Paragraph(p) => lines.push(p.text),
                Block::Table(g) => lines.extend(g.cells.into_iter().map(|c| c.text)),
            }
        }
        Ok(lines.join("\n"))
    }
}

/// Rows of a table, or cells of a row, seen through the content controls and custom XML that
/// may wrap them.
fn flatten<'a, 'i>(n: Node<'a, 'i>, local: &'static str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    let mut stack: Vec<(Node, usize)> = n.children().rev().map(|c| (c, 0)).collect();
    while let Some((c, depth)) = stack.pop() {
        let name = c.tag_name().name();
        if name == local {
            out.push(c);
        } else if depth < 4 && matches!(name, "sdt" | "sdtContent" | "customXml" | "ins") {
            stack.extend(c.children().rev().map(|g| (g, depth + 1)));
        }
    }
    out
}

/// A paragraph's text: runs, fields' results, hyperlinks and insertions; not deletions, field
/// codes or the fallback copies of text boxes. Text boxes are collected to follow the paragraph.
fn inline<'a, 'i>(
    node: Node<'a, 'i>,
    out: &mut String,
    boxes: &mut Vec<Node<'a, 'i>>,
    depth: usize,
) -> Result<(), ImportError> {
    if depth > MAX_DEPTH * 4 {
        return Err(broken("段落中的内容嵌套太深"));
    }
    for c in node.children() {
        if !c.is_element() {
            continue;
        }
        match c.tag_name().name() {
            "t" => out.push_str(c.text().unwrap_or("")),
            "tab" => out.push('\t'),
            "br" | "cr" => out.push('\n'),
            "noBreakHyphen" => out.push('-'),
            "txbxContent" => boxes.push(c),
            // Properties, deletions, field codes, the VML copy of a text box, notes.
            "pPr" | "rPr" | "del" | "moveFrom" | "delText" | "instrText" | "delInstrText"
            | "Fallback" | "footnoteReference" | "endnoteReference" | "commentReference" => {}
            _ => inline(c, out, boxes, depth + 1)?,
        }
    }
    Ok(())
}

/// Paragraph styles: the numbering and outline level a style gives its paragraphs.
#[derive(Default)]
struct Styles {
    styles: HashMap<String, StyleDef>,
}

#[derive(Default)]
struct StyleDef {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    outline: Option<u8>,
}

impl Styles {
    fn read(doc: &roxmltree::Document) -> Styles {
        let mut styles = HashMap::new();
        for s in doc
            .root_element()
            .children()
            .filter(|n| n.tag_name().name() == "style")
        {
            let Some(id) = attr(s, "styleId") else {
                continue;
            };
            let ppr = child(s, "pPr");
            let num = ppr.and_then(|p| child(p, "numPr"));
            styles.insert(
                id.to_string(),
                StyleDef {
                    based_on: val(s, "basedOn").map(str::to_string),
                    num_id: num.and_then(|n| val(n, "numId")).map(str::to_string),
                    ilvl: num
                        .and_then(|n| val(n, "ilvl"))
                        .and_then(|v| v.parse().ok()),
                    outline: ppr
                        .and_then(|p| val(p, "outlineLvl"))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        Styles { styles }
    }

    /// The style and the styles it is based on, nearest first (a loop in basedOn is cut).
    fn chain(&self, style: Option<&str>) -> Vec<&StyleDef> {
        let mut out = Vec::new();
        let mut next = style;
        while let Some(id) = next {
            match self.styles.get(id) {
                Some(s) if out.len() < 16 => {
                    out.push(s);
                    next = s.based_on.as_deref();
                }
                _ => break,
            }
        }
        out
    }

    /// The numbering of a paragraph: its own numPr, else its style's.
    fn numbering(&self, style: Option<&str>, own: Option<Node>) -> (Option<String>, u8) {
        let chain = self.chain(style);
        let own_id = own.and_then(|n| val(n, "numId")).map(str::to_string);
        let own_lvl = own
            .and_then(|n| val(n, "ilvl"))
            .and_then(|v| v.parse().ok());
        let num_id = own_id.or_else(|| chain.iter().find_map(|s| s.num_id.clone()));
        let ilvl = own_lvl
            .or_else(|| chain.iter().find_map(|s| s.ilvl))
            .unwrap_or(0);
        (num_id.filter(|id| id != "0"), ilvl.min(8))
    }

    fn outline(&self, style: Option<&str>) -> Option<u8> {
        self.chain(style).iter().find_map(|s| s.outline)
    }
}

/// Automatic numbering: the lists of numbering.xml and the counters as the document goes.
#[derive(Default)]
struct Numbering {
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    abstracts: HashMap<String, HashMap<u8, Level>>,
    counters: HashMap<String, [Option<u32>; 9]>,
}

struct Level {
    start: u32,
    format: NumFormat,
    text: String,
}

impl Numbering {
    fn read(doc: &roxmltree::Document) -> Numbering {
        let mut n = Numbering::default();
        for e in doc.root_element().children().filter(Node::is_element) {
            match e.tag_name().name() {
                "abstractNum" => {
                    let Some(id) = attr(e, "abstractNumId") else {
                        continue;
                    };
                    let mut levels = HashMap::new();
                    for l in e.children().filter(|c| c.tag_name().name() == "lvl") {
                        let Some(ilvl) = attr(l, "ilvl").and_then(|v| v.parse::<u8>().ok()) else {
                            continue;
                        };
                        levels.insert(
                            ilvl,
                            Level {
                                start: val(l, "start").and_then(|v| v.parse().ok()).unwrap_or(1),
                                format: NumFormat::from_word(val(l, "numFmt").unwrap_or("decimal")),
                                text: val(l, "lvlText").unwrap_or("").to_string(),
                            },
                        );
                    }
                    n.abstracts.insert(id.to_string(), levels);
                }
                "num" => {
                    let (Some(id), Some(abs)) = (attr(e, "numId"), val(e, "abstractNumId")) else {
                        continue;
                    };
                    let mut overrides = HashMap::new();
                    for o in e
                        .children()
                        .filter(|c| c.tag_name().name() == "lvlOverride")
                    {
                        if let (Some(ilvl), Some(start)) = (
                            attr(o, "ilvl").and_then(|v| v.parse::<u8>().ok()),
                            val(o, "startOverride").and_then(|v| v.parse::<u32>().ok()),
                        ) {
                            overrides.insert(ilvl, start);
                        }
                    }
                    n.nums.insert(id.to_string(), (abs.to_string(), overrides));
                }
                _ => {}
            }
        }
        n
    }

    /// Counts one more paragraph at `ilvl` of list `num_id` and gives its printed prefix.
    fn next(&mut self, num_id: String, ilvl: u8) -> Option<String> {
        let (abs, overrides) = self.nums.get(&num_id)?;
        let levels = self.abstracts.get(abs)?;
        let start = |l: u8| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(&l).map(|x| x.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(num_id).or_default();
        let i = usize::from(ilvl);
        counters[i] = Some(match counters[i] {
            Some(n) => n.saturating_add(1),
            None => start(ilvl),
        });
        for deeper in &mut counters[i + 1..] {
            *deeper = None;
        }
        let level = levels.get(&ilvl)?;
        let mut text = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = (d - 1) as u8;
                    let n = counters[usize::from(l)].unwrap_or_else(|| start(l));
                    let format = levels.get(&l).map_or(NumFormat::Decimal, |x| x.format);
                    text.push_str(&format_number(n, format));
                }
                _ => text.push(c),
            }
        }
        (level.format != NumFormat::None && level.format != NumFormat::Bullet).then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    pub(crate) fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, body) in parts {
            zip.start_file(*name, SimpleFileOptions::default())
                .expect("start");
            zip.write_all(body.as_bytes()).expect("write");
        }
        zip.finish().expect("finish").into_inner()
    }

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.clone(),
                Block::Table(g) => format!("table {}", g.cells.len()),
            })
            .collect()
    }

    #[test]
    fn runs_fields_tracked_changes_and_text_boxes() {
        let body = r#"
<w:p><w:r><w:t>孟州市</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">人民政府 </w:t></w:r><w:hyperlink><w:r><w:t>2023</w:t></w:r></w:hyperlink><w:r><w:t>年</w:t></w:r></w:p>
<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = 1 + 2 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>件</w:t></w:r></w:fldSimple></w:p>
<w:p><w:r><w:t>受理</w:t></w:r><w:del><w:r><w:delText>145</w:delText></w:r></w:del><w:ins><w:r><w:t>146</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>框外</w:t></w:r></w:p>
<w:sdt><w:sdtContent><w:p><w:r><w:t>控件</w:t><w:tab/><w:t>一</w:t><w:br/><w:t>二</w:t></w:r></w:p></w:sdtContent></w:sdt>"#;
        let b = blocks(&docx(&[("word/document.xml", &document(body))])).expect("reads");
        assert_eq!(
            texts(&b),
            [
                "孟州市人民政府 2023年",
                "共3件",
                "受理146件",
                "框外",
                "框内",
                "控件\t一\n二"
            ]
        );
    }

    #[test]
    fn numbering_gives_headings_their_numerals() {
        let numbering = format!(
            r#"<w:numbering {W}>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"#
        );
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>"#
        );
        let p =
            |pr: &str, t: &str| format!("<w:p><w:pPr>{pr}</w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>");
        let num = |id: u32, lvl: u32| {
            format!(r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#)
        };
        let body = [
            p(r#"<w:pStyle w:val="H1"/>"#, "总体情况"),
            p(&num(3, 1), "主动公开"),
            p(&num(3, 2), "第一条"),
            p(&num(3, 1), "依申请公开"),
            p(r#"<w:pStyle w:val="H1b"/>"#, "主动公开政府信息情况"),
            p(&num(4, 0), "要点"),
            p(&num(5, 0), "存在的主要问题及改进情况"),
            p(&num(0, 0), "不编号"),
        ]
        .concat();
        let b = blocks(&docx(&[
            ("word/document.xml", &document(&body)),
            ("word/numbering.xml", &numbering),
            ("word/styles.xml", &styles),
        ]))
        .expect("reads");
        assert_eq!(
            texts(&b),
            [
                "一、总体情况",
                "（一）主动公开",
                "1.第一条",
                "（二）依申请公开",
                "二、主动公开政府信息情况",
                "要点",
                "五、存在的主要问题及改进情况",
                "不编号"
            ]
        );
        let Block::Paragraph(first) = &b[0] else {
            panic!("a paragraph")
        };
        assert_eq!(first.heading, Some(1));
    }

    #[test]
    fn tables_through_grid_spans_and_vertical_merges() {
        let tc = |pr: &str, t: &str| {
            format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
        };
        let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
        let body = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&[
                tc(r#"<w:vMerge w:val="restart"/>"#, "三、本年度办理结果"),
                tc(r#"<w:gridSpan w:val="2"/>"#, "（一）予以公开"),
                tc("", "53"),
            ]),
            row(&[
                tc("<w:vMerge/>", ""),
                tc(r#"<w:vMerge w:val="restart"/>"#, "（三）不予公开"),
                tc("", "1.属于国家秘密"),
                tc("", "0"),
            ]),
            row(&[
                tc(r#"<w:vMerge w:val="continue"/>"#, ""),
                tc("<w:vMerge/>", ""),
                tc("", "2.其他法律行政法规禁止公开"),
                tc("", "4"),
            ]),
        );
        let b = blocks(&docx(&[("word/document.xml", &document(&body))])).expect("reads");
        let (text, findings) = crate::blocks::to_text(&b);
        assert_eq!(
            text,
            "三、本年度办理结果\t（一）予以公开\t53\n三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t0\n三、本年度办理结果\t（三）不予公开\t2.其他法律行政法规禁止公开\t4\n"
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn hostile_and_broken_files_get_chinese_errors() {
        // Not a Word file: a zip without document.xml.
        let e = blocks(&docx(&[("content.xml", "<x/>")])).expect_err("not word");
        assert_eq!(e, ImportError::NotWord);
        assert!(e.to_string().contains("不是 Word 文档"));
        // Broken XML.
        let e =
            blocks(&docx(&[("word/document.xml", "<w:document><w:body>")])).expect_err("broken");
        assert!(matches!(e, ImportError::BrokenWord { .. }), "{e}");
        assert!(e.to_string().contains("XML 有错误"), "{e}");
        // Entity expansion is refused, not performed.
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#;
        let e = blocks(&docx(&[("word/document.xml", laughs)])).expect_err("dtd");
        assert!(matches!(e, ImportError::BrokenWord { .. }), "{e}");
        // Not a zip at all.
        let e = blocks(b"PK\x03\x04 garbage").expect_err("garbage");
        assert!(e.to_string().starts_with("Word 文档已损坏"), "{e}");
        // Deep nesting: of tables in cells (followed up to a bound), and of anything at all
        // (refused before the XML parser, which recurses, sees it).
        let mut deep = String::from("<w:p/>");
        for _ in 0..40 {
            deep = format!("<w:tbl><w:tr><w:tc>{deep}</w:tc></w:tr></w:tbl>");
        }
        let b = blocks(&docx(&[("word/document.xml", &document(&deep))])).expect("40 deep");
        assert_eq!(b.len(), 1);
        let deep = format!(
            "{}{}",
            "<w:sdt>".repeat(100_000),
            "</w:sdt>".repeat(100_000)
        );
        let e = blocks(&docx(&[("word/document.xml", &document(&deep))])).expect_err("deep");
        assert!(e.to_string().contains("嵌套太深"), "{e}");
    }

    #[test]
    fn nesting_depth_by_a_scan() {
        assert_eq!(xml_depth("<a><b/><c x='>' y=\"/>\"><d></d></c></a>"), 3);
        assert_eq!(
            xml_depth("<?xml version=\"1.0\"?><!-- <x><x> --><a><![CDATA[<b><b>]]></a>"),
            1
        );
        assert_eq!(xml_depth("<a><b><c"), 3);
        assert_eq!(xml_depth(""), 0);
    }

    #[test]
    fn a_zip_bomb_stops_at_the_cap() {
        // 40 MB of zeros compress to about 40 KB: the declared size is not trusted, the read is
        // cut at the cap.
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", opts).expect("start");
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..40 {
            zip.write_all(&chunk).expect("write");
        }
        let bytes = zip.finish().expect("finish").into_inner();
        assert!(bytes.len() < 1024 * 1024, "{}", bytes.len());
        let e = blocks(&bytes).expect_err("bomb");
        assert_eq!(
            e,
            ImportError::PartTooLarge {
                part: "word/document.xml".into(),
                limit_mb: 32
            }
        );
        assert!(e.to_string().contains("超过 32 MB"), "{e}");
    }
}
