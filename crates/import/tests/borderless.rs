//! Other producers' tables without ruling lines: LibreOffice opening our HTML export of each
//! seed (its tables lose their CSS borders) and saving it as Word, then that Word file as PDF.
//! In the PDF the columns are narrow and drawn without rules: labels wrap over up to nine
//! lines around their numbers, a tall group label is printed two characters a line between the
//! rows it spans, a label's last character stands a third of a size from the first number, and
//! table 三's header is repeated on every page. Every number must come out right or blank and
//! named; where a row is split by a page break its numbers cannot be placed for certain.

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
    let mut blank = Vec::new();
    for i in 0..5 {
        let what = format!("borderless PDF of seed {i}");
        let truth = fixture(i);
        let got = import(&format!("tests/import/pdf/borderless-00{i}.pdf"));
        assert_eq!(got.form, Form::Pdf, "{what}");
        assert_eq!(got.sections_found, 6, "{what}");
        assert_eq!(got.report.meta.agency, truth.meta.agency, "{what}");
        assert_eq!(got.report.meta.year, truth.meta.year, "{what}");
        let tally = nothing_silently_wrong(&truth, &got, &what);
        // Seeds 000 and 004 have 表三's （五）3 row cut by a page break: its seven numbers are
        // left blank and named; everything else is read.
        assert!(
            tally.blank_named <= 7,
            "{what}: {} cells blank",
            tally.blank_named
        );
        blank.push(tally.blank_named);
    }
    assert!(
        blank.iter().filter(|&&b| b == 0).count() >= 3,
        "most seeds read in full: {blank:?}"
    );
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
