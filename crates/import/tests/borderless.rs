//! Other producers' tables without ruling lines: LibreOffice opening our HTML export of each
//! seed (its tables lose their CSS borders) and saving it as Word, then that Word file as PDF.
//! In the PDF the columns are narrow and drawn without rules: labels wrap over up to nine
//! lines around their numbers, a tall group label is printed two characters a line between the
//! rows it spans, a label's last character stands a third of a size from the first number, and
//! table 三's header is repeated on every page. Every number must come out right or blank and
//! named. A row split by a page break is read only where the table's 勾稽关系 leave no doubt.

mod common;

use common::nothing_silently_wrong;
use nianbao_core::{load_report, Report};
use nianbao_import::{import_bytes, Form};

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(i: usize) -> Report {
    let p = repo(&format!("tests/fixtures/00{i}.nianbao.json"));
    load_report(&std::fs::read(p).expect("fixture")).expect("loads")
}

fn import(path: &str) -> nianbao_import::Imported {
    let path = repo(path);
    let bytes = std::fs::read(&path).expect("fixture file");
    import_bytes(&bytes, Some(&path)).expect("imports")
}

#[test]
fn borderless_pdfs_of_every_seed_import_without_a_wrong_number() {
    for i in 0..5 {
        let what = format!("borderless PDF of seed {i}");
        let truth = fixture(i);
        let got = import(&format!("tests/import/pdf/borderless-00{i}.pdf"));
        assert_eq!(got.form, Form::Pdf, "{what}");
        assert_eq!(got.sections_found, 6, "{what}");
        assert_eq!(got.report.meta.agency, truth.meta.agency, "{what}");
        assert_eq!(got.report.meta.year, truth.meta.year, "{what}");
        let tally = nothing_silently_wrong(&truth, &got, &what);
        assert_eq!(tally.blank_named, 0, "{what}: every number read");
        // Seeds 000 and 004 have 表三's （五）3 row cut by a page break, its label on one side
        // and its numbers on the other: read by the 勾稽关系, and said.
        let cut: Vec<&str> = got
            .findings
            .iter()
            .filter(|f| f.reason.contains("行名和数字被隔开了"))
            .map(|f| f.reason.as_str())
            .collect();
        if i == 0 || i == 4 {
            assert_eq!(cut.len(), 1, "{what}: {:#?}", got.findings);
            assert!(cut[0].contains("“3.要求提供公开出版物”"), "{}", cut[0]);
        } else {
            assert!(cut.is_empty(), "{what}: {cut:?}");
        }
    }
}

#[test]
fn word_files_libreoffice_made_from_our_web_page_import_exactly() {
    for i in 0..5 {
        let what = format!("LibreOffice's .docx of our HTML of seed {i}");
        let truth = fixture(i);
        let got = import(&format!(
            "tests/import/libreoffice/seed-00{i}.from-html.docx"
        ));
        assert_eq!(got.form, Form::Docx, "{what}");
        let tally = nothing_silently_wrong(&truth, &got, &what);
        assert_eq!(tally.blank_named, 0, "{what}: every number read");
        common::same_text(&truth, &got.report, &what);
    }
}
