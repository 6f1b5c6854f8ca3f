//! Text laid out by a PDF-to-text tool (`pdftotext -layout`), of our own PDFs and LibreOffice's
//! PDFs of the five seeds: labels wrapped over lines around their numbers, a merged label's
//! characters between other rows' labels, page numbers, a table header repeated on a new page.
//! Every number equals the seed's or is left blank and named.

mod common;

use common::nothing_silently_wrong;
use nianbao_core::{load_report, Report};
use nianbao_import::import_text;

fn fixture(i: usize) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/00{i}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(path).expect("fixture")).expect("loads")
}

fn layout(producer: &str, i: usize) -> String {
    let path = format!(
        "{}/../../tests/import/pdftotext/{producer}-00{i}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("pdftotext fixture")
}

#[test]
fn pdftotext_layouts_of_every_seed_import_without_a_wrong_number() {
    for producer in ["nianbao", "libreoffice"] {
        for i in 0..5 {
            let what = format!("pdftotext -layout of {producer}'s PDF of seed {i}");
            let truth = fixture(i);
            let got = import_text(&layout(producer, i));
            assert_eq!(got.sections_found, 6, "{what}");
            let tally = nothing_silently_wrong(&truth, &got, &what);
            assert_eq!(tally.blank_named, 0, "{what}: every number read");
            assert_eq!(got.report.meta.agency, truth.meta.agency, "{what}");
            assert_eq!(got.report.meta.year, truth.meta.year, "{what}");
            // The headers spread over lines and the ends of wrapped labels are pieces of the
            // tables' own words: no note for them, so the notes that matter stand out.
            let noise: Vec<_> = got
                .findings
                .iter()
                .filter(|f| f.reason.contains("不是表格"))
                .map(|f| &f.text)
                .collect();
            assert!(noise.is_empty(), "{what}: {noise:?}");
            // The page numbers ("— 3 —", "—3—") are not read as text.
            for text in [
                &got.report.problems,
                &got.report.other,
                &got.report.overview.intro,
            ] {
                assert!(
                    !text.contains("—3—") && !text.contains("— 3 —"),
                    "{what}: {text}"
                );
            }
        }
    }
}

#[test]
fn a_merged_labels_character_before_a_rows_label_is_dropped() {
    // The example: 办 of the tall "三、本年度办理结果" printed before 4.保护第三方合法权益.
    let seed = common::seed(3);
    let text = seed.replace(
        "\t\t4. 保护第三方合法权益\t2\t0\t0\t0\t0\t0\t2",
        "     办4.保护第三方合法权益      2    0    0     0     0   0    2",
    );
    assert!(text != seed, "the row is in the seed as written here");
    let truth = import_text(&seed).report;
    let got = import_text(&text);
    nothing_silently_wrong(&truth, &got, "办4.保护第三方合法权益");
    assert!(got.report.requests == truth.requests, "表三 as in the seed");
}

#[test]
fn text_in_a_layout_that_is_no_piece_of_the_tables_words_is_still_named() {
    let layout = layout("nianbao", 3);
    let text = layout.replacen(
        "            6.属于四类过程性信息",
        "            注：本表由办公室统计\n            6.属于四类过程性信息",
        1,
    );
    assert!(text != layout, "the row is in the fixture as written here");
    let got = import_text(&text);
    assert!(
        got.findings
            .iter()
            .any(|f| f.text.contains("注：本表由办公室统计") && f.reason.contains("不是表格的行名")),
        "{:?}",
        got.findings
    );
}
