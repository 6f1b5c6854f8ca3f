//! Files as people have them: our own DOCX and HTML exports of all five seeds, LibreOffice's
//! conversions of them, and the official Word template filled with seed 003's numbers, each
//! imported back to the same report. "Same" is strict: every number equal, every text equal
//! after whitespace, and no cell left empty without a finding naming it.

mod common;

use nianbao_core::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, Report, RequestRow, ReviewGroup,
    ReviewOutcome,
};
use nianbao_core::{load_report, CountCell};
use nianbao_import::{import_bytes, ImportError, Imported};

fn fixture(i: usize) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/00{i}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(path).expect("fixture")).expect("loads")
}

fn repo_file(path: &str) -> Vec<u8> {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Every number cell of a report with its name, for comparing and for naming what differs.
fn numbers(r: &Report) -> Vec<(String, String, Option<String>)> {
    let cell = |name: String, c: &CountCell| {
        (
            name,
            c.raw().trim().to_string(),
            c.value().map(|v| v.to_string()),
        )
    };
    let mut out = Vec::new();
    for k in DocumentKind::ALL {
        for c in DocumentColumn::ALL {
            out.push(cell(
                format!("二 {} {}", k.label(), c.label()),
                r.active.documents(k).get(c),
            ));
        }
    }
    for k in DecisionKind::ALL {
        out.push(cell(format!("二 {}", k.label()), r.active.decision(k)));
    }
    out.push((
        "二 行政事业性收费".into(),
        r.active.fee.raw().trim().to_string(),
        r.active.fee.value().map(|v| v.normalize().to_string()),
    ));
    for row in RequestRow::ALL {
        for col in Applicant::ALL {
            out.push(cell(
                format!("三 {} {}", row.label(), col.label()),
                r.requests.get(row, col),
            ));
        }
    }
    for g in ReviewGroup::ALL {
        for o in ReviewOutcome::ALL {
            out.push(cell(
                format!("四 {} {}", g.header_label(), o.label()),
                r.review.group(g).get(o),
            ));
        }
    }
    out
}

/// Every number equals the truth (its value, or its text when it is not a number); a cell
/// that differs must be empty and named by a finding.
fn assert_numbers(what: &str, got: &Imported, want: &Report) {
    for ((name, raw, value), (_, want_raw, want_value)) in
        numbers(&got.report).into_iter().zip(numbers(want))
    {
        let same = match (&value, &want_value) {
            (Some(a), Some(b)) => a == b,
            (None, None) => raw == want_raw,
            _ => false,
        };
        if !same {
            assert!(
                raw.is_empty(),
                "{what}: {name} is {raw:?}, should be {want_raw:?}"
            );
            panic!(
                "{what}: {name} left empty (should be {want_raw:?}); findings: {:#?}",
                got.findings
            );
        }
    }
}

fn assert_texts(what: &str, got: &Report, want: &Report) {
    assert_eq!(got.meta, want.meta, "{what}: 基本信息");
    assert_eq!(
        squeeze(&got.overview.intro),
        squeeze(&want.overview.intro),
        "{what}: 总体情况开头"
    );
    for (k, part) in want.overview.parts() {
        let g = got.overview.part(k);
        assert_eq!(
            g.map(|p| (squeeze(&p.heading), squeeze(&p.text))),
            Some((squeeze(&part.heading), squeeze(&part.text))),
            "{what}: {}",
            k.heading()
        );
    }
    assert_eq!(
        squeeze(&got.problems),
        squeeze(&want.problems),
        "{what}: 五"
    );
    assert_eq!(squeeze(&got.other), squeeze(&want.other), "{what}: 六");
}

#[test]
fn our_docx_export_imports_back_to_the_same_report() {
    for i in 0..5 {
        let want = fixture(i);
        let bytes = nianbao_export::export_docx(&want, 0).expect("export");
        let got = import_bytes(&bytes, Some("年报.docx")).expect("imports");
        let what = format!("seed {i} via DOCX");
        assert_numbers(&what, &got, &want);
        assert_texts(&what, &got.report, &want);
    }
}

#[test]
fn our_html_export_imports_back_to_the_same_report() {
    for i in 0..5 {
        let want = fixture(i);
        let page = nianbao_export::export_html(&want);
        let got = import_bytes(page.as_bytes(), Some("年报.html")).expect("imports");
        let what = format!("seed {i} via HTML");
        assert_numbers(&what, &got, &want);
        assert_texts(&what, &got.report, &want);
        // The same page as a GBK site would serve it.
        let gbk_page = page.replace("charset=\"utf-8\"", "charset=\"gbk\"");
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(&gbk_page);
        if !unmappable {
            let got = import_bytes(&gbk, None).expect("imports");
            assert_numbers(&format!("{what} (GBK)"), &got, &want);
            assert_texts(&format!("{what} (GBK)"), &got.report, &want);
        }
    }
}

#[test]
fn files_that_are_not_reports_are_refused_in_chinese() {
    let e = import_bytes(b"%PDF-1.7\n", Some("a.pdf")).expect_err("pdf");
    assert!(e.to_string().contains("PDF"), "{e}");
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    let e = import_bytes(&ole, Some("a.wps")).expect_err("ole");
    assert_eq!(e, ImportError::OldWord);
    assert!(e.to_string().contains("另存为"), "{e}");
    let e = import_bytes("<html><body><p>今日菜单</p></body></html>".as_bytes(), None)
        .expect_err("not a report");
    assert_eq!(e, ImportError::NotAReport);
    let e = import_bytes(b"hello", Some("a.docx")).expect_err("misnamed");
    assert!(e.to_string().contains("Word 文档已损坏"), "{e}");
    // 100 MB is refused by its size before anything is parsed.
    let big = vec![b'<'; 100 * 1024 * 1024];
    let started = std::time::Instant::now();
    let e = import_bytes(&big, None).expect_err("too large");
    assert_eq!(e, ImportError::FileTooLarge { size_mb: 100 });
    assert!(started.elapsed() < std::time::Duration::from_millis(100));
}

/// The official template as Word/WPS wrote it (tests/import/official-template-2021.docx), its
/// title set and its empty cells filled with a report's figures by editing the XML: the rows
/// found by their labels, the cells in order.
fn filled_template(r: &Report) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let template = repo_file("tests/import/official-template-2021.docx");
    let mut zip = zip::ZipArchive::new(Cursor::new(&template)).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("read");

    let doc = roxmltree::Document::parse(&xml).expect("xml");
    let is = |n: &roxmltree::Node, name: &str| n.is_element() && n.tag_name().name() == name;
    let text = |n: &roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| is(d, "t"))
            .filter_map(|d| d.text())
            .collect()
    };
    // (byte offset, text to insert there or span to replace)
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let title = doc
        .descendants()
        .find(|n| is(n, "t") && n.text() == Some("政府信息公开工作年度报告格式模板"))
        .expect("title");
    let title_text = title.first_child().expect("text").range();
    edits.push((title_text, r.title()));

    let active: Vec<String> = {
        let a = &r.active;
        let mut v = Vec::new();
        for k in DocumentKind::ALL {
            for c in DocumentColumn::ALL {
                v.push(a.documents(k).get(c).raw().to_string());
            }
        }
        for k in DecisionKind::ALL {
            v.push(a.decision(k).raw().to_string());
        }
        v.push(a.fee.display_4dp().expect("fee"));
        v
    };
    let review: Vec<String> = ReviewGroup::ALL
        .into_iter()
        .flat_map(|g| ReviewOutcome::ALL.map(move |o| (g, o)))
        .map(|(g, o)| r.review.group(g).get(o).raw().to_string())
        .collect();
    let tables: Vec<roxmltree::Node> = doc.descendants().filter(|n| is(n, "tbl")).collect();
    assert_eq!(tables.len(), 3, "the template's three tables");
    let mut active_values = active.into_iter();
    let mut review_values = review.into_iter();
    for (t, table) in tables.iter().enumerate() {
        for tr in table.children().filter(|n| is(n, "tr")) {
            let cells: Vec<roxmltree::Node> = tr.children().filter(|n| is(n, "tc")).collect();
            let continued = |c: &roxmltree::Node| {
                c.descendants().any(|d| {
                    is(&d, "vMerge")
                        && d.attributes()
                            .find(|a| a.name() == "val")
                            .is_none_or(|a| a.value() != "restart")
                })
            };
            let empty: Vec<&roxmltree::Node> = cells
                .iter()
                .filter(|c| text(c).trim().is_empty() && !continued(c))
                .collect();
            if empty.is_empty() {
                continue;
            }
            let label = cells.iter().rev().map(text).find(|t| !t.trim().is_empty());
            let values: Vec<String> = match t {
                0 => (0..empty.len())
                    .map(|_| active_values.next().expect("a value for table 二"))
                    .collect(),
                1 => {
                    let label = label.clone().expect("a row label");
                    let row = nianbao_import::labels::request_row(&label)
                        .unwrap_or_else(|| panic!("template row {label}"));
                    Applicant::ALL
                        .map(|a| r.requests.get(row, a).raw().to_string())
                        .to_vec()
                }
                _ => (0..empty.len())
                    .map(|_| review_values.next().expect("a value for table 四"))
                    .collect(),
            };
            assert_eq!(values.len(), empty.len(), "table {t} row {label:?}");
            for (cell, value) in empty.into_iter().zip(values) {
                let p = cell.children().find(|n| is(n, "p")).expect("a paragraph");
                let run = format!("<w:r><w:t>{value}</w:t></w:r>");
                let range = p.range();
                if xml[range.clone()].ends_with("/>") {
                    let at = range.end - 2;
                    edits.push((at..range.end, format!(">{run}</w:p>")));
                } else {
                    let at = range.end - "</w:p>".len();
                    edits.push((at..at, run));
                }
            }
        }
    }
    assert!(active_values.next().is_none(), "every figure of 二 placed");
    assert!(review_values.next().is_none(), "every figure of 四 placed");
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (range, text) in edits {
        xml.replace_range(range, &text);
    }

    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let name = f.name().expect("name").to_string();
        let mut body = Vec::new();
        f.read_to_end(&mut body).expect("read");
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start");
        if name == "word/document.xml" {
            out.write_all(xml.as_bytes()).expect("write");
        } else {
            out.write_all(&body).expect("write");
        }
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn the_official_template_filled_with_seed_003_imports_exactly() {
    let want = fixture(3);
    let bytes = filled_template(&want);
    let got = import_bytes(&bytes, Some("年报.docx")).expect("imports");
    assert_numbers("the filled template", &got, &want);
    assert_eq!(got.report.meta.agency, want.meta.agency);
    assert_eq!(got.report.meta.year(), want.meta.year());
    // The template's texts are its placeholders, each where it belongs.
    assert_eq!(got.report.problems, "（文字描述）");
    assert!(got
        .report
        .other
        .starts_with("（文字描述，收取信息处理费情况"));
    common::no_notes_about_tables(&got);
}

#[test]
fn the_empty_template_imports_with_every_empty_row_named() {
    let bytes = repo_file("tests/import/official-template-2021.docx");
    let got = import_bytes(&bytes, Some("模板.docx")).expect("imports");
    // Every number cell is empty, and each row of 三 is named in a finding.
    assert!(numbers(&got.report)
        .iter()
        .all(|(_, raw, _)| raw.is_empty()));
    let reasons: Vec<&str> = got.findings.iter().map(|f| f.reason.as_str()).collect();
    for row in RequestRow::ALL {
        assert!(
            reasons.iter().any(|r| r.contains(row.label())),
            "{} not named: {reasons:#?}",
            row.label()
        );
    }
}

#[test]
fn libreoffice_html_of_our_docx_imports_to_the_same_numbers() {
    for i in 0..5 {
        let want = fixture(i);
        let page = repo_file(&format!("tests/import/libreoffice/seed-00{i}.html"));
        let got = import_bytes(&page, Some("年报.html")).expect("imports");
        let what = format!("seed {i} via LibreOffice HTML");
        assert_numbers(&what, &got, &want);
        assert_texts(&what, &got.report, &want);
    }
}

#[test]
fn a_web_archive_of_our_html_imports_to_the_same_report() {
    // What a browser's "网页，单个文件" (.mht) writes: MIME, the page quoted-printable with
    // soft line breaks, an image part after it.
    let want = fixture(3);
    let page = nianbao_export::export_html(&want);
    let mut qp = String::new();
    let mut width = 0;
    for b in page.bytes() {
        let piece = if b == b'\n' {
            width = 0;
            qp.push_str("\r\n");
            continue;
        } else if b.is_ascii_graphic() && b != b'=' || b == b' ' {
            char::from(b).to_string()
        } else {
            format!("={b:02X}")
        };
        if width + piece.len() > 75 {
            qp.push_str("=\r\n");
            width = 0;
        }
        width += piece.len();
        qp.push_str(&piece);
    }
    let mht = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/a.html\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n------MultipartBoundary--x----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--x------\r\n"
    );
    let got = import_bytes(mht.as_bytes(), Some("年报.mht")).expect("imports");
    assert_numbers("seed 3 via .mht", &got, &want);
    assert_texts("seed 3 via .mht", &got.report, &want);
}
