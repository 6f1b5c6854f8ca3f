//! Saved web pages (`.html`/`.htm`, and `.mht` web archives through [`crate::mhtml`]) into blocks: decoded by BOM or declared charset, parsed by an
//! HTML5 parser (html5ever, through dom_query), the article picked out of the site's navigation
//! and footer, tables read through rowspan/colspan into grids.
//!
//! The article is the smallest element holding every section heading found on the page; the
//! report's title is the last title-like line before the first heading (a breadcrumb repeats
//! the title before the real one). Layout tables (a table holding another table) are walked
//! as containers, not read as data.

use std::borrow::Cow;

use dom_query::{Document, NodeId, NodeRef};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::blocks::{Block, Grid, GridBuilder, Paragraph};
use crate::labels::section_heading;
use crate::tokens::is_blank;
use crate::ImportError;

/// A saved report page is 50–500 KB; pages with inlined images are refused above this.
pub const MAX_HTML_BYTES: usize = 32 * 1024 * 1024;
/// Element nesting followed; real pages stay under 60.
const MAX_DEPTH: usize = 256;
/// Table cells in the whole page: a report has about 300.
const MAX_CELLS: usize = 100_000;

fn broken(why: impl Into<String>) -> ImportError {
    ImportError::BrokenHtml { why: why.into() }
}

/// The page's text: BOM first, then a declared charset, then UTF-8 if it is valid, else GB18030
/// (a superset of GBK and GB2312, what Chinese sites without a declaration use).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0;
    }
    if let Some(enc) = declared_charset(bytes) {
        // A page saved by a browser as UTF-16 still says so in ASCII only in its BOM; a
        // declaration of UTF-16 in an ASCII-readable page is a lie, read as UTF-8.
        let enc = if enc == UTF_16LE || enc == UTF_16BE {
            UTF_8
        } else {
            enc
        };
        return enc.decode_without_bom_handling(bytes).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => GB18030.decode_without_bom_handling(bytes).0,
    }
}

/// `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`
/// in the first 4 KB, as the HTML standard's prescan looks for it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut from = 0;
    while let Some(at) = find(&head[from..], b"<meta") {
        let start = from + at;
        let end = find(&head[start..], b">").map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = rest
                .iter()
                .position(|&b| !b.is_ascii_whitespace() && b != b'=')
                .map_or(&[][..], |i| &rest[i..]);
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let label_end = rest
                .iter()
                .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                return Some(enc);
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A block with the elements it sits in, outermost first, to find the article by.
struct Item {
    block: Block,
    path: Vec<NodeId>,
}

/// The blocks of a web page's article.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    if bytes.len() > MAX_HTML_BYTES {
        return Err(ImportError::FileTooLarge {
            size_mb: (bytes.len() as u64).div_ceil(1024 * 1024),
        });
    }
    let archived;
    let text = if crate::mhtml::is_mhtml(bytes) {
        let (html, charset) = crate::mhtml::page(bytes)
            .ok_or_else(|| broken("网页存档（.mht）中没有找到网页部分"))?;
        archived = html;
        match charset {
            Some(enc) => enc.decode_without_bom_handling(&archived).0,
            None => decode(&archived),
        }
    } else {
        decode(bytes)
    };
    // The parser's scope checks walk the stack of open elements, so deep nesting costs
    // quadratic time in it: refused before parsing.
    if nesting(&text) > MAX_DEPTH {
        return Err(broken(format!("元素嵌套超过 {MAX_DEPTH} 层")));
    }
    let doc = Document::from(text.as_ref());
    let mut w = Walker {
        items: Vec::new(),
        line: String::new(),
        path: Vec::new(),
        heading: None,
        cells: 0,
    };
    w.element_children(&doc.root(), 0)?;
    w.flush();
    let (mut blocks, titled) = article(w.items);
    if !titled {
        // No title on the page itself: the window title often has it, before the site's name
        // ("某县人民政府2023年政府信息公开工作年度报告_某县人民政府").
        let head = doc.select("head title").text();
        if let Some(t) = head
            .split(['_', '|', '－', '—', '-'])
            .map(|t| t.trim_matches(is_blank))
            .find(|t| is_title(t))
        {
            blocks.insert(0, Block::paragraph(t));
        }
    }
    Ok(blocks)
}

/// Elements whose end tag may be left out (the parser closes them) or that have none.
const UNCOUNTED: [&str; 30] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp", "br", "img", "hr", "meta", "link", "input", "col", "area",
    "base", "embed", "param", "source", "track", "wbr",
];

/// Elements whose content is raw text, where "<" starts no tag.
const RAW: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// How deep the page's elements nest, by a linear scan of its tags: start tags open, end tags
/// close, elements that close themselves are not counted.
fn nesting(html: &str) -> usize {
    let b = html.as_bytes();
    let lower_at = |i: usize, word: &[u8]| {
        b.get(i..i + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word))
    };
    let skip_to = |from: usize, end: &[u8]| {
        (from..b.len())
            .find(|&k| lower_at(k, end))
            .map_or(b.len(), |k| k + end.len())
    };
    let (mut i, mut depth, mut deepest) = (0usize, 0usize, 0usize);
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + p;
        i = at + 1;
        if lower_at(at, b"<!--") {
            i = skip_to(at + 4, b"-->");
            continue;
        }
        let closing = b.get(at + 1) == Some(&b'/');
        let name_at = at + 1 + usize::from(closing);
        let name_len = b[name_at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let end = (name_at..b.len())
            .find(|&k| b[k] == b'>')
            .unwrap_or(b.len());
        i = end;
        if closing {
            if !UNCOUNTED.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if RAW.contains(&name.as_str()) {
            i = skip_to(end, format!("</{name}").as_bytes());
            continue;
        }
        let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
        if !UNCOUNTED.contains(&name.as_str()) && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

fn is_title(text: &str) -> bool {
    let t = text.trim_matches(is_blank);
    // "本报告根据《条例》要求编制。", the usual first sentence, names 信息公开 and 报告 too.
    let sentence = t.ends_with('。') || t.contains("根据");
    t.chars().count() <= 80
        && (t.contains("年度报告") || (t.contains("信息公开") && t.contains("报告")))
        && !sentence
        && section_heading(t).is_none()
}

fn is_heading(b: &Block) -> bool {
    match b {
        Block::Paragraph(p) => p.text.lines().any(|l| section_heading(l).is_some()),
        Block::Table(_) => false,
    }
}

fn first_line(b: &Block) -> &str {
    match b {
        Block::Paragraph(p) => p.text.trim_matches(is_blank),
        Block::Table(_) => "",
    }
}

/// The report among the page's chrome, and whether its title was found.
fn article(items: Vec<Item>) -> (Vec<Block>, bool) {
    let headings: Vec<usize> = (0..items.len())
        .filter(|&i| is_heading(&items[i].block))
        .collect();
    let Some(&first) = headings.first() else {
        return (items.into_iter().map(|i| i.block).collect(), true);
    };
    // The elements every heading sits in (a heading's path ends with its own element).
    let parent = |i: usize| {
        let p = &items[i].path;
        &p[..p.len().saturating_sub(1)]
    };
    let mut common: &[NodeId] = parent(first);
    for &h in &headings[1..] {
        let n = common
            .iter()
            .zip(parent(h))
            .take_while(|(a, b)| a == b)
            .count();
        common = &common[..n];
    }
    let common = common.to_vec();
    let inside = |i: &Item| i.path.starts_with(&common);
    let title = (0..first)
        .rev()
        .find(|&i| is_title(first_line(&items[i].block)));
    let start = match title {
        Some(t) if inside(&items[t]) => t,
        _ => first,
    };
    let mut out: Vec<Block> = Vec::new();
    if let Some(t) = title.filter(|&t| t < start) {
        out.push(items[t].block.clone());
    }
    out.extend(
        items
            .into_iter()
            .skip(start)
            .filter(|i| inside(i))
            .map(|i| i.block),
    );
    (out, title.is_some())
}

struct Walker {
    items: Vec<Item>,
    /// The paragraph being gathered from inline content.
    line: String,
    path: Vec<NodeId>,
    heading: Option<u8>,
    cells: usize,
}

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 32] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "center",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "address",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "hr",
    "body",
    "html",
    "caption",
];

/// Elements whose content is never text of the page.
const SKIPPED: [&str; 14] = [
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "select", "textarea", "button", "input",
];

/// Not shown, or not the page's text: hidden elements, and the page header and footer that
/// LibreOffice writes as `<div title="footer">` (the folio "— 3 —").
fn hidden(n: &NodeRef) -> bool {
    n.has_attr("hidden")
        || n.attr("title")
            .is_some_and(|t| matches!(t.as_ref(), "footer" | "header"))
        || n.attr("style").is_some_and(|s| {
            let s: String = s.to_ascii_lowercase().split_whitespace().collect();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

fn span(n: &NodeRef, name: &str) -> usize {
    n.attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&v| v > 0)
        .unwrap_or(1)
}

impl Walker {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.line);
        // Whitespace collapsed as a browser shows it, line breaks (from <br>) kept.
        let text: Vec<String> = text
            .split('\n')
            .map(|l| {
                l.split([' ', '\t', '\r', '\x0c'])
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let text = text.join("\n");
        if text.trim_matches(is_blank).is_empty() || crate::chrome::is_text_folio(&text) {
            return;
        }
        self.items.push(Item {
            block: Block::Paragraph(Paragraph {
                text,
                heading: self.heading,
            }),
            path: self.path.clone(),
        });
    }

    fn element_children(&mut self, n: &NodeRef, depth: usize) -> Result<(), ImportError> {
        if depth > MAX_DEPTH {
            return Err(broken(format!("元素嵌套超过 {MAX_DEPTH} 层")));
        }
        for c in n.children_it(false) {
            if c.is_text() {
                // Line breaks in the source are blanks; only <br> and blocks break lines.
                self.line
                    .extend(c.text().chars().map(|ch| if ch == '\n' { ' ' } else { ch }));
            } else if c.is_element() {
                self.element(&c, depth + 1)?;
            }
        }
        Ok(())
    }

    fn element(&mut self, n: &NodeRef, depth: usize) -> Result<(), ImportError> {
        let Some(name) = n.node_name() else {
            return Ok(());
        };
        let name = name.to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) || hidden(n) {
            return Ok(());
        }
        match name.as_str() {
            "br" => self.line.push('\n'),
            "table" if !has_descendant(n, "table", depth) => {
                self.flush();
                let grid = self.table(n, depth)?;
                // Its path is its parent's: a table is placed like a paragraph.
                self.items.push(Item {
                    block: Block::Table(grid),
                    path: self.path.clone(),
                });
            }
            // A layout table: its cells are containers.
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" => {
                self.flush();
                self.path.push(n.id);
                self.element_children(n, depth)?;
                self.flush();
                self.path.pop();
            }
            _ if BLOCKS.contains(&name.as_str()) => {
                self.flush();
                let level = match name.as_str() {
                    "h1" => Some(1),
                    "h2" => Some(2),
                    "h3" => Some(3),
                    "h4" => Some(4),
                    "h5" => Some(5),
                    "h6" => Some(6),
                    _ => None,
                };
                let outer = self.heading;
                if level.is_some() {
                    self.heading = level;
                }
                self.path.push(n.id);
                self.element_children(n, depth)?;
                self.flush();
                self.path.pop();
                self.heading = outer;
            }
            _ => self.element_children(n, depth)?,
        }
        Ok(())
    }

    /// A data table: rows of cells through thead/tbody/tfoot, each cell's text on its lines.
    fn table(&mut self, table: &NodeRef, depth: usize) -> Result<Grid, ImportError> {
        let mut grid = GridBuilder::new();
        let mut rows = Vec::new();
        for c in table.children_it(false).filter(NodeRef::is_element) {
            match c.node_name().as_deref() {
                Some("tr") => rows.push(c),
                Some("thead" | "tbody" | "tfoot") => {
                    rows.extend(
                        c.children_it(false)
                            .filter(|r| r.node_name().as_deref() == Some("tr")),
                    );
                }
                _ => {}
            }
        }
        for tr in rows {
            if hidden(&tr) {
                continue;
            }
            for cell in tr.children_it(false) {
                if !matches!(cell.node_name().as_deref(), Some("td" | "th")) || hidden(&cell) {
                    continue;
                }
                self.cells += 1;
                if self.cells > MAX_CELLS {
                    return Err(broken(format!("表格格子超过 {MAX_CELLS} 个")));
                }
                let text = self.cell_text(&cell, depth + 1)?;
                grid.push(text, span(&cell, "rowspan"), span(&cell, "colspan"));
            }
            grid.end_row();
        }
        Ok(grid.finish())
    }

    /// A cell's text, its paragraphs and line breaks one a line.
    fn cell_text(&mut self, cell: &NodeRef, depth: usize) -> Result<String, ImportError> {
        let outer_items = std::mem::take(&mut self.items);
        let outer_line = std::mem::take(&mut self.line);
        let result = self.element_children(cell, depth);
        self.flush();
        let inner = std::mem::replace(&mut self.items, outer_items);
        self.line = outer_line;
        result?;
        let mut lines = Vec::new();
        for i in inner {
            match i.block {
                Block::Paragraph(p) => lines.push(p.text),
                Block::Table(g) => lines.extend(g.cells.into_iter().map(|c| c.text)),
            }
        }
        Ok(lines.join("\n"))
    }
}

/// Whether an element holds a `name` element below it (bounded like the walk itself).
fn has_descendant(n: &NodeRef, name: &str, depth: usize) -> bool {
    let mut stack: Vec<(NodeRef, usize)> = n.children_it(false).map(|c| (c, depth + 1)).collect();
    while let Some((c, d)) = stack.pop() {
        if d > MAX_DEPTH || !c.is_element() {
            continue;
        }
        if c.node_name().is_some_and(|t| t.eq_ignore_ascii_case(name)) {
            return true;
        }
        stack.extend(c.children_it(false).map(|g| (g, d + 1)));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn charsets_from_bom_meta_and_http_equiv() {
        let page = "<html><head><meta charset=\"gbk\"></head><body><p>孟州市</p></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        assert_eq!(decode(&gbk), page);
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>年度报告</body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        assert_eq!(decode(&gbk), page);
        let page = "<meta charset='GB18030'><p>𠀀年度报告</p>";
        let (gb, _, _) = GB18030.encode(page);
        assert_eq!(decode(&gb), page);
        let mut le = vec![0xFF, 0xFE];
        le.extend("<p>年度报告</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le), "<p>年度报告</p>");
        // Undeclared: UTF-8 when valid, else GB18030.
        assert_eq!(decode("<p>总体</p>".as_bytes()), "<p>总体</p>");
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>总体</p>");
        assert_eq!(decode(&gbk), "<p>总体</p>");
    }

    #[test]
    fn the_article_without_the_site_around_it() {
        let page = r#"<!DOCTYPE html><html><head><title>某县人民政府2023年政府信息公开工作年度报告_某县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a>政务公开</a></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; <span>某县人民政府2023年政府信息公开工作年度报告</span></div>
<div class="main"><h1>某县人民政府<br>2023年政府信息公开工作年度报告</h1>
<div class="info">发布时间：2024-01-20 <span>字号：大 中 小</span></div>
<div class="content" style="font-size:16px">
<p><font face="仿宋">一、总体情况</font></p><p>　　2023年，<span>我县</span>认真贯彻。</p>
<p style="display:none">隐藏的文字</p>
<p>二、主动公开政府信息情况</p>
<table><tbody><tr><td colspan="4"><p><span>第二十条第（一）项</span></p></td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td><span>规章</span></td><td><font>0</font></td><td>0</td><td>1</td></tr></tbody></table>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
</div><div class="share">分享到：微信 微博</div></div>
<div class="footer">主办单位：某县人民政府办公室 <script>var x = "一、总体情况";</script></div>
</body></html>"#;
        let b = blocks(page.as_bytes()).expect("reads");
        assert_eq!(
            texts(&b),
            [
                "某县人民政府\n2023年政府信息公开工作年度报告",
                "一、总体情况",
                "　　2023年，我县认真贯彻。",
                "二、主动公开政府信息情况",
                "table 9",
                "六、其他需要报告的事项",
                "本年度未收取信息处理费。"
            ]
        );
        let (text, _) = crate::blocks::to_text(&b);
        assert!(text.contains("规章\t0\t0\t1\n"), "{text}");
        assert!(
            text.starts_with("某县人民政府2023年政府信息公开工作年度报告\n"),
            "{text}"
        );
    }

    #[test]
    fn the_usual_first_sentence_is_no_title() {
        let page = "<html><body><div><h1>某县交通运输局2019年政府信息公开工作年度报告</h1><p>本报告根据《中华人民共和国政府信息公开条例》要求编制。</p><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p></div></body></html>";
        let got = texts(&blocks(page.as_bytes()).expect("page"));
        assert_eq!(got[0], "某县交通运输局2019年政府信息公开工作年度报告");
        assert!(!is_title(
            "本报告根据《中华人民共和国政府信息公开条例》要求编制。"
        ));
        assert!(!is_title("本报告根据《条例》编制"));
    }

    #[test]
    fn the_window_title_when_the_page_has_none() {
        let page = "<html><head><title>某县教育局2024年政府信息公开工作年度报告_某县人民政府网</title></head><body><div><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p></div></body></html>";
        let b = blocks(page.as_bytes()).expect("reads");
        assert_eq!(
            texts(&b)[..2],
            ["某县教育局2024年政府信息公开工作年度报告", "一、总体情况"]
        );
    }

    #[test]
    fn rowspan_colspan_and_split_tables() {
        let page = r#"<html><body><p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>53</td></tr>
<tr><td rowspan="2"><p>（三）</p><p>不予公开</p></td><td>1.属于国家秘密</td><td>0</td></tr></table>
<table><tr><td>2.其他法律行政法规禁止公开</td><td>4</td></tr></table>
<div><table><tr><td><table><tr><td>版权所有</td></tr></table></td></tr></table></div>
</body></html>"#;
        let b = blocks(page.as_bytes()).expect("reads");
        let (text, findings) = crate::blocks::to_text(&b);
        assert_eq!(
            text,
            "三、收到和处理政府信息公开申请情况\n三、本年度办理结果\t（一）予以公开\t53\n三、本年度办理结果\t（三） 不予公开\t1.属于国家秘密\t0\n三、本年度办理结果\t（三） 不予公开\n2.其他法律行政法规禁止公开\t4\n版权所有\n"
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn nesting_by_a_scan() {
        assert_eq!(
            nesting("<html><body><div><p>a<p>b<br><img src=x></div></body></html>"),
            3
        );
        assert_eq!(
            nesting("<div><script>if (a<b) { s = '<div><div>' }</script><!-- <div> --><br/></div>"),
            1
        );
        assert_eq!(nesting("a < b, 3<4 </ x"), 0);
    }

    #[test]
    fn deep_nesting_is_refused_in_bounded_time() {
        for tag in ["div", "font", "span", "table", "b"] {
            let page = format!(
                "<html><body>{}一、总体情况{}</body></html>",
                format!("<{tag}>").repeat(100_000),
                format!("</{tag}>").repeat(100_000)
            );
            let started = std::time::Instant::now();
            let r = blocks(page.as_bytes());
            assert!(
                started.elapsed() < std::time::Duration::from_secs(20),
                "{tag}: {:?}",
                started.elapsed()
            );
            let e = r.expect_err(tag);
            assert!(e.to_string().contains("嵌套超过 256 层"), "{tag}: {e}");
        }
    }
}
