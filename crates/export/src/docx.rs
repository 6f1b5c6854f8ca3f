//! DOCX renderer over the document tree: WordprocessingML written directly, so that every detail
//! Word and WPS care about is under our control (named styles with eastAsia fonts, the 22-line
//! grid, real merged cells with gridSpan/vMerge, repeated header rows, a PAGE field footer).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::ExportError;
use crate::tree::{Align, Block, Document, Table};
use crate::xml::escape;

/// Text block width: 156 mm in twentieths of a point.
const MEASURE_TWIPS: f32 = 156.0 / 25.4 * 1440.0;

pub struct DocxInfo<'a> {
    /// Creation time as W3CDTF ("2024-02-01T00:00:00Z"), from the caller (no clock here).
    pub created: &'a str,
}

pub fn render(doc: &Document, info: &DocxInfo) -> Result<Vec<u8>, ExportError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/document.xml", document_xml(doc)),
        ("word/styles.xml", STYLES.to_string()),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/footer1.xml", footer("right")),
        ("word/footer2.xml", footer("left")),
        ("docProps/core.xml", core_xml(doc, info)),
        ("docProps/app.xml", APP.to_string()),
    ];
    for (name, body) in parts {
        zip.start_file(name, opts)
            .map_err(|e| ExportError::Write(e.to_string()))?;
        zip.write_all(body.as_bytes())
            .map_err(|e| ExportError::Write(e.to_string()))?;
    }
    let cursor = zip
        .finish()
        .map_err(|e| ExportError::Write(e.to_string()))?;
    Ok(cursor.into_inner())
}

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

/// A long title breaks before "政府信息公开工作年度报告", as the PDF does, instead of wherever
/// the word processor runs out of room ("…信息公开工 / 作年度报告").
fn title_runs(title: &str) -> String {
    const TAIL: &str = "政府信息公开工作年度报告";
    let width: f32 = title
        .chars()
        .map(|c| if c.is_ascii() { 11.0 } else { 22.0 })
        .sum();
    match title.strip_suffix(TAIL) {
        Some(head) if width > 156.0 / 25.4 * 72.0 && !head.trim().is_empty() => {
            format!("{}<w:r><w:br/></w:r>{}", run(head.trim_end()), run(TAIL))
        }
        _ => run(title),
    }
}

fn para(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        run(text)
    )
}

pub fn document_xml(doc: &Document) -> String {
    let mut body = String::new();
    body.push_str(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{}</w:p>"#,
        title_runs(&doc.title)
    ));
    // One empty line under the title, as in official documents.
    body.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>"#);
    for b in &doc.blocks {
        match b {
            Block::Heading1(t) => body.push_str(&para("Heading1", t)),
            Block::Heading2(t) => body.push_str(&para("Heading2", t)),
            Block::Paragraph(t) => body.push_str(&para("Normal", t)),
            Block::Table(t) => {
                body.push_str(&table(t));
                // Word needs a paragraph between consecutive tables and after the last one.
                body.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>"#);
            }
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:footerReference w:type="even" r:id="rIdFooterEven"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1191" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr></w:body></w:document>"#
    )
}

fn table(t: &Table) -> String {
    let total: f32 = t.columns.iter().sum();
    let widths: Vec<u32> = t
        .columns
        .iter()
        .map(|w| (w / total * MEASURE_TWIPS).round() as u32)
        .collect();
    let mut x = String::from(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="OfficialTable"/><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#,
    );
    for w in &widths {
        x.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    x.push_str("</w:tblGrid>");
    // Rows inside a merged label of up to eight rows are kept on one page, as the PDF does
    // (Word keeps a row with the next when its paragraphs are "keep with next").
    let keep_with_next = |r: usize| {
        t.cells
            .iter()
            .any(|c| c.rowspan > 1 && c.rowspan <= 8 && c.row <= r && r + 1 < c.row + c.rowspan)
    };
    for r in 0..t.rows {
        let keep = if keep_with_next(r) {
            "<w:keepNext/>"
        } else {
            ""
        };
        x.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if r < t.header_rows {
            x.push_str("<w:tblHeader/>");
        }
        x.push_str("</w:trPr>");
        let mut c = 0;
        while c < t.columns.len() {
            let Some(cell) = t.cell_at(r, c) else {
                c += 1;
                continue;
            };
            let width: u32 = widths[cell.col..cell.col + cell.colspan].iter().sum();
            let mut pr = format!(r#"<w:tcW w:w="{width}" w:type="dxa"/>"#);
            if cell.colspan > 1 {
                pr.push_str(&format!(r#"<w:gridSpan w:val="{}"/>"#, cell.colspan));
            }
            let starts = cell.row == r;
            if cell.rowspan > 1 {
                pr.push_str(if starts {
                    r#"<w:vMerge w:val="restart"/>"#
                } else {
                    "<w:vMerge/>"
                });
            }
            pr.push_str(r#"<w:vAlign w:val="center"/>"#);
            let jc = match cell.align {
                Align::Center => "center",
                Align::Left => "left",
            };
            let content = if starts {
                run(&cell.text)
            } else {
                String::new()
            };
            x.push_str(&format!(
                r#"<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>{keep}<w:jc w:val="{jc}"/></w:pPr>{content}</w:p></w:tc>"#
            ));
            c += cell.colspan;
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    x
}

fn core_xml(doc: &Document, info: &DocxInfo) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified></cp:coreProperties>"#,
        escape(&doc.title),
        escape(&doc.author),
        escape(&doc.author),
        escape(info.created),
        escape(info.created)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>年报编制器 Nianbao</Application></Properties>"#;

/// "— N —" with N a PAGE field, in 四号宋体; GB/T 9704 puts it one character in from the
/// outer edge: right on odd pages (`footer1`), left on even pages (`footer2`).
fn footer(side: &str) -> String {
    let indent = if side == "right" { "right" } else { "left" };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:ind w:{indent}="280"/><w:jc w:val="{side}"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#
    )
}

/// Official faces by name (Word and WPS substitute where a machine lacks them); sizes in
/// half-points: 二号 44, 三号 32, 五号 21, 四号 28. Exact 29 pt lines on a 579-twip grid give
/// 22 lines a page.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="580" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="正文"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/><w:spacing w:line="580" w:lineRule="exact"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="标题"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:spacing w:line="700" w:lineRule="exact"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="一级标题"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="二级标题"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="楷体_GB2312"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="表格文字"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:line="300" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableGap"><w:name w:val="表格间距"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="12"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="页脚"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="table" w:styleId="OfficialTable"><w:name w:val="公文表格"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style></w:styles>"#;
