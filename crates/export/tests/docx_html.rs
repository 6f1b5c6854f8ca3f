//! DOCX and HTML read back: styles, fonts, merged cells, repeated headers and the page field in
//! the DOCX; LibreOffice's PDF of it; the HTML's table structure; hostile text kept literal.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao_core::{load_report, Report};
use nianbao_export::tree::{build, Block, Table};
use nianbao_export::{export_docx, export_html};

const CREATED: i64 = 1_706_745_600;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(i: usize) -> Report {
    let p = repo().join(format!("tests/fixtures/00{i}.nianbao.json"));
    load_report(&std::fs::read(p).expect("fixture")).expect("loads")
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect(name)
        .read_to_string(&mut s)
        .expect("utf-8");
    s
}

fn wattr<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

fn child<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    n.children().find(|c| c.tag_name().name() == name)
}

type Grid = BTreeSet<(usize, usize, usize, usize, String)>;

fn tree_grid(t: &Table) -> Grid {
    t.cells
        .iter()
        .map(|c| (c.row, c.col, c.rowspan, c.colspan, c.text.clone()))
        .collect()
}

fn tables(r: &Report) -> Vec<Table> {
    build(r)
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// Rebuilds (row, col, rowspan, colspan, text) from w:tbl, following gridSpan and vMerge.
fn docx_grid(tbl: roxmltree::Node) -> (Grid, Vec<bool>) {
    let mut cells: Vec<(usize, usize, usize, usize, String)> = Vec::new();
    let mut header = Vec::new();
    for (r, tr) in tbl
        .children()
        .filter(|n| n.tag_name().name() == "tr")
        .enumerate()
    {
        header.push(
            child(tr, "trPr")
                .and_then(|p| child(p, "tblHeader"))
                .is_some(),
        );
        let mut col = 0;
        for tc in tr.children().filter(|n| n.tag_name().name() == "tc") {
            let pr = child(tc, "tcPr").expect("tcPr");
            let span: usize = child(pr, "gridSpan")
                .and_then(|g| wattr(g, "val"))
                .map_or(1, |v| v.parse().expect("number"));
            let vmerge = child(pr, "vMerge").map(|v| wattr(v, "val").unwrap_or("continue"));
            let text: String = tc
                .descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|n| n.text())
                .collect();
            match vmerge {
                Some("continue") => {
                    let above = cells
                        .iter_mut()
                        .find(|c| c.1 == col && c.0 + c.2 == r)
                        .expect("a continued cell has one above");
                    above.2 += 1;
                }
                _ => cells.push((r, col, 1, span, text)),
            }
            col += span;
        }
    }
    (cells.into_iter().collect(), header)
}

#[test]
fn docx_has_official_styles_merged_cells_header_rows_and_page_field() {
    let r = fixture(3);
    let docx = export_docx(&r, CREATED).expect("docx");
    let styles = part(&docx, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles).expect("styles.xml is XML");
    for (id, name, face) in [
        ("Title", "标题", "方正小标宋简体"),
        ("Heading1", "一级标题", "黑体"),
        ("Heading2", "二级标题", "楷体_GB2312"),
        ("Normal", "正文", "仿宋_GB2312"),
    ] {
        let style = styles
            .descendants()
            .find(|n| n.tag_name().name() == "style" && wattr(*n, "styleId") == Some(id))
            .expect(id);
        assert_eq!(
            child(style, "name").and_then(|n| wattr(n, "val")),
            Some(name)
        );
        let fonts = style
            .descendants()
            .find(|n| n.tag_name().name() == "rFonts")
            .expect("rFonts");
        assert_eq!(wattr(fonts, "eastAsia"), Some(face), "{id}");
    }
    let normal = styles
        .descendants()
        .find(|n| wattr(*n, "styleId") == Some("Normal"))
        .expect("Normal");
    let spacing = normal
        .descendants()
        .find(|n| n.tag_name().name() == "spacing")
        .expect("spacing");
    assert_eq!(
        (wattr(spacing, "line"), wattr(spacing, "lineRule")),
        (Some("580"), Some("exact"))
    );
    let ind = normal
        .descendants()
        .find(|n| n.tag_name().name() == "ind")
        .expect("ind");
    assert_eq!(wattr(ind, "firstLineChars"), Some("200"));

    let doc = part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&doc).expect("document.xml is XML");
    let pg = doc
        .descendants()
        .find(|n| n.tag_name().name() == "pgSz")
        .expect("pgSz");
    assert_eq!(
        (wattr(pg, "w"), wattr(pg, "h")),
        (Some("11906"), Some("16838"))
    );
    let grid = doc
        .descendants()
        .find(|n| n.tag_name().name() == "docGrid")
        .expect("docGrid");
    assert_eq!(wattr(grid, "linePitch"), Some("579"));

    let docx_tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "tbl")
        .collect();
    let want = tables(&r);
    assert_eq!(docx_tables.len(), 3);
    for (tbl, t) in docx_tables.iter().zip(&want) {
        let (grid, header) = docx_grid(*tbl);
        assert_eq!(
            grid,
            tree_grid(t),
            "merged cells reproduce the official structure"
        );
        let want_header: Vec<bool> = (0..t.rows).map(|r| r < t.header_rows).collect();
        assert_eq!(header, want_header, "header rows repeat");
    }
    for (file, side) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
        let footer = part(&docx, file);
        assert!(footer.contains(r#"<w:fldSimple w:instr=" PAGE ">"#) && footer.contains("— "));
        assert!(
            footer.contains(&format!(r#"<w:jc w:val="{side}"/>"#)),
            "{file}"
        );
    }
    assert!(part(&docx, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>孟州市人民政府 2023 年政府信息公开工作年度报告</dc:title>"));
    assert!(core.contains("<dc:creator>孟州市人民政府</dc:creator>"));
    assert!(core.contains("2024-02-01T00:00:00Z"));
}

/// Letters, digits and decimal points only: LibreOffice hangs line-end punctuation into the
/// margin (compressPunctuation), where pdftotext may drop it; the words and numbers are what
/// this test is about.
fn words(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '.')
        .collect()
}

#[test]
fn libreoffice_reads_every_label_and_number_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fontconf = repo().join("tests/fontconfig/fonts.conf");
    for i in 0..5 {
        let r = fixture(i);
        let path = dir.path().join(format!("{i}.docx"));
        std::fs::write(&path, export_docx(&r, CREATED).expect("docx")).expect("write");
        let status = Command::new("soffice")
            .env("FONTCONFIG_FILE", &fontconf)
            .arg(format!(
                "-env:UserInstallation=file://{}/lo",
                dir.path().display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&path)
            .output()
            .expect("LibreOffice (libreoffice-writer-nogui) runs");
        assert!(status.status.success(), "conversion of seed {i}");
        let out = Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
            .arg(dir.path().join(format!("{i}.pdf")))
            .arg("-")
            .output()
            .expect("pdftotext");
        let text: String = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !(l.trim().starts_with('—') && l.trim().ends_with('—')))
            .map(words)
            .collect();
        let doc = build(&r);
        let mut anywhere = Vec::new();
        let mut seq = vec![words(&doc.title)];
        for b in &doc.blocks {
            match b {
                Block::Heading1(t) | Block::Heading2(t) | Block::Paragraph(t) => seq.push(words(t)),
                // A merged label is drawn where the word processor puts it when its rows run over
                // a page: present, but not necessarily in sequence.
                Block::Table(t) => {
                    seq.extend(
                        t.cells
                            .iter()
                            .filter(|c| !c.text.is_empty() && c.rowspan == 1)
                            .map(|c| words(&c.text)),
                    );
                    anywhere.extend(
                        t.cells
                            .iter()
                            .filter(|c| c.rowspan > 1)
                            .map(|c| words(&c.text)),
                    );
                }
            }
        }
        for want in &anywhere {
            assert!(text.contains(want.as_str()), "seed {i}: “{want}” missing");
        }
        let mut at = 0;
        for want in &seq {
            match find_in_order(&text, at, want) {
                Some(end) => at = end,
                None => panic!("seed {i}: “{want}” not found in LibreOffice's PDF after {at}"),
            }
        }
    }
}

/// Where `want` ends in `text` after byte `at`: as a whole, or — for a label LibreOffice wraps
/// inside a narrow cell, whose lines pdftotext interleaves with the neighbouring cells' lines
/// ("结果 结果 … / 维持 纠正 …") — as its characters in order within the next 300 bytes.
fn find_in_order(text: &str, at: usize, want: &str) -> Option<usize> {
    if let Some(p) = text[at..].find(want) {
        return Some(at + p + want.len());
    }
    let window_end = (at + 300).min(text.len());
    let mut pos = at;
    for c in want.chars() {
        let rest = text.get(pos..window_end)?;
        let p = rest.find(c)?;
        pos += p + c.len_utf8();
    }
    Some(pos)
}

/// Rebuilds (row, col, rowspan, colspan, text) from an HTML table with the HTML table
/// algorithm's slot filling.
fn html_grid(table: roxmltree::Node) -> Grid {
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut grid = Grid::new();
    let rows = table.descendants().filter(|n| n.tag_name().name() == "tr");
    for (r, tr) in rows.enumerate() {
        let mut col = 0;
        for cell in tr
            .children()
            .filter(|n| matches!(n.tag_name().name(), "td" | "th"))
        {
            while taken.contains(&(r, col)) {
                col += 1;
            }
            let rs: usize = cell
                .attribute("rowspan")
                .map_or(1, |v| v.parse().expect("n"));
            let cs: usize = cell
                .attribute("colspan")
                .map_or(1, |v| v.parse().expect("n"));
            for dr in 0..rs {
                for dc in 0..cs {
                    taken.insert((r + dr, col + dc));
                }
            }
            let text: String = cell
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            grid.insert((r, col, rs, cs, text));
            col += cs;
        }
    }
    grid
}

#[test]
fn html_parses_and_its_tables_are_the_official_ones() {
    for i in 0..5 {
        let r = fixture(i);
        let html = export_html(&r);
        assert!(!html.contains("<script"));
        let doc = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .expect("well-formed");
        let h: Vec<_> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "table")
            .collect();
        let want = tables(&r);
        assert_eq!(h.len(), 3);
        for (t, w) in h.iter().zip(&want) {
            assert_eq!(html_grid(*t), tree_grid(w), "seed {i}");
        }
        let h2: Vec<_> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "h2")
            .collect();
        assert_eq!(h2.len(), 6);
        let th_scopes: BTreeSet<&str> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "th")
            .filter_map(|n| n.attribute("scope"))
            .collect();
        assert!(
            th_scopes.contains("col")
                && th_scopes.contains("row")
                && th_scopes.contains("rowgroup")
        );
    }
}

#[test]
fn hostile_text_stays_literal_in_docx_and_html() {
    let evil = "<img src=x onerror=alert(1)>]]></w:t>";
    let mut r = Report::new(
        &format!("某局{evil}"),
        nianbao_core::model::AgencyKind::Department,
        2025,
    );
    r.apply("problems", &format!("问题：{evil}&\u{1}"))
        .expect("edit");
    let docx = export_docx(&r, CREATED).expect("docx");
    let doc = part(&docx, "word/document.xml");
    let parsed = roxmltree::Document::parse(&doc).expect("document.xml stays valid");
    let text: String = parsed
        .descendants()
        .filter(|n| n.tag_name().name() == "t")
        .filter_map(|n| n.text())
        .collect();
    assert!(text.contains(&format!("某局{evil}")) && text.contains(&format!("问题：{evil}&")));
    roxmltree::Document::parse(&part(&docx, "docProps/core.xml")).expect("core.xml stays valid");

    let html = export_html(&r);
    let parsed = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("html stays well-formed");
    assert!(
        parsed.descendants().all(|n| n.tag_name().name() != "img"),
        "no element injected"
    );
    let p: String = parsed
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    assert!(p.contains(&format!("问题：{evil}&")));
}
