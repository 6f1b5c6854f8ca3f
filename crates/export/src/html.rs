//! HTML renderer over the document tree: one standalone, script-free file with semantic markup
//! (h1/h2/h3, tables with th/scope/colspan/rowspan) and print CSS, for a 政府信息公开专栏 CMS.
//! Written as well-formed XHTML-compatible markup, so XML tools can read it too.

use crate::tree::{Align, Block, Document, Table};
use crate::xml::escape;

const CSS: &str = r#"
body { margin: 0; background: #f4f4f4; }
article { max-width: 44em; margin: 2em auto; padding: 3em 3.5em; background: #fff;
  font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif;
  font-size: 16pt; line-height: 1.8; color: #000; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; font-size: 22pt;
  font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
  text-indent: 2em; margin: 0; }
h3 { font-family: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "LXGW WenKai", serif; font-size: 16pt;
  font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 10.5pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: .3em .25em; text-align: center; vertical-align: middle; font-weight: normal; }
th.left { text-align: left; }
thead th { background: #fafafa; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  body { background: none; }
  article { max-width: none; margin: 0; padding: 0; }
  thead { display: table-header-group; }
  tr, h2, h3 { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"#;

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&doc.title)));
    out.push_str(&format!(
        "<meta name=\"author\" content=\"{}\"/>\n",
        escape(&doc.author)
    ));
    out.push_str(&format!(
        "<style>{CSS}</style>\n</head>\n<body>\n<article>\n"
    ));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&doc.title)));
    let mut open_section = false;
    for b in &doc.blocks {
        match b {
            Block::Heading1(t) => {
                if open_section {
                    out.push_str("</section>\n");
                }
                out.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(t)));
                open_section = true;
            }
            Block::Heading2(t) => out.push_str(&format!("<h3>{}</h3>\n", escape(t))),
            Block::Paragraph(t) => out.push_str(&format!("<p>{}</p>\n", escape(t))),
            Block::Table(t) => out.push_str(&table(t)),
        }
    }
    if open_section {
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

fn table(t: &Table) -> String {
    let mut x = String::from("<table>\n");
    let total: f32 = t.columns.iter().sum();
    x.push_str("<colgroup>");
    for w in &t.columns {
        x.push_str(&format!("<col style=\"width:{:.1}%\"/>", w / total * 100.0));
    }
    x.push_str("</colgroup>\n");
    for r in 0..t.rows {
        if r == 0 && t.header_rows > 0 {
            x.push_str("<thead>\n");
        }
        if r == t.header_rows {
            if t.header_rows > 0 {
                x.push_str("</thead>\n");
            }
            x.push_str("<tbody>\n");
        }
        x.push_str("<tr>");
        for c in t.cells.iter().filter(|c| c.row == r) {
            let mut attrs = String::new();
            if c.colspan > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", c.colspan));
            }
            if c.rowspan > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", c.rowspan));
            }
            if c.head {
                let scope = if r < t.header_rows {
                    if c.colspan > 1 {
                        "colgroup"
                    } else {
                        "col"
                    }
                } else if c.rowspan > 1 {
                    "rowgroup"
                } else {
                    "row"
                };
                let class = if c.align == Align::Left {
                    " class=\"left\""
                } else {
                    ""
                };
                x.push_str(&format!(
                    "<th scope=\"{scope}\"{attrs}{class}>{}</th>",
                    escape(&c.text)
                ));
            } else {
                x.push_str(&format!("<td{attrs}>{}</td>", escape(&c.text)));
            }
        }
        x.push_str("</tr>\n");
    }
    if t.header_rows < t.rows {
        x.push_str("</tbody>\n");
    } else if t.header_rows > 0 {
        x.push_str("</thead>\n");
    }
    x.push_str("</table>\n");
    x
}
