//! Reports in the 2019 trial format (国办公开办函〔2019〕60号). The two fixtures under
//! `tests/import/trial2019/` are hand-made from that format's row and column labels (no real
//! report of those years was at hand): a county bureau's 2019 report laid out with tabs, a
//! province's 2020 report with blanks and its title over two lines. What maps onto today's
//! format is imported; everything else is empty and listed with its numbers.

mod common;

use common::nothing_silently_wrong;
use nianbao_core::model::{
    Applicant, DecisionKind, DocumentKind, Report, RequestRow, ReviewGroup, ReviewOutcome,
};
use nianbao_core::{CountCell, FieldPath};
use nianbao_import::{import_bytes, import_text, Imported};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/import/trial2019/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("fixture")
}

/// The hand truth: today's report holding exactly what means the same in both formats.
fn truth(
    agency: &str,
    year: u64,
    decisions: [u64; 3],
    requests: &[(RequestRow, [u64; 7])],
    review: [u64; 15],
) -> Report {
    let mut r = Report::default();
    r.meta.agency = agency.into();
    r.meta.year = CountCell::from_count(year);
    for (k, v) in DecisionKind::ALL.into_iter().zip(decisions) {
        *r.active.decision_mut(k) = CountCell::from_count(v);
    }
    for (row, cells) in requests {
        for (col, v) in Applicant::ALL.into_iter().zip(cells) {
            r.requests.set(*row, col, CountCell::from_count(*v));
        }
    }
    let cells = ReviewGroup::ALL
        .into_iter()
        .flat_map(|g| ReviewOutcome::ALL.map(move |o| (g, o)));
    for ((g, o), v) in cells.zip(review) {
        *r.review.group_mut(g).get_mut(o) = CountCell::from_count(v);
    }
    r
}

fn says(got: &Imported, path: FieldPath, words: &[&str]) {
    assert!(
        got.findings
            .iter()
            .any(|f| f.path == Some(path) && words.iter().all(|w| f.reason.contains(w))),
        "no finding at {path} saying {words:?}: {:#?}",
        got.findings
    );
}

/// What both fixtures must show: the format named, every figure that does not map listed.
fn listed(got: &Imported, docs: [&str; 2], fee: &str, procurement: &str, other: &str) {
    assert!(
        got.findings
            .iter()
            .any(|f| f.reason.contains("2019 年试行格式")),
        "the format is named: {:#?}",
        got.findings
    );
    says(
        got,
        FieldPath::Document(
            DocumentKind::Regulations,
            nianbao_core::model::DocumentColumn::Issued,
        ),
        &["本年新制作数量", docs[0], "含义不同"],
    );
    says(
        got,
        FieldPath::Document(
            DocumentKind::NormativeDocuments,
            nianbao_core::model::DocumentColumn::Issued,
        ),
        &["对外公开总数量", docs[1]],
    );
    says(
        got,
        FieldPath::Fee,
        &["行政事业性收费", fee, "本年收费金额"],
    );
    says(
        got,
        FieldPath::Section(nianbao_core::model::Section::Active),
        &["政府集中采购", procurement],
    );
    says(
        got,
        FieldPath::Request(RequestRow::OtherOverdueCorrection, Applicant::NaturalPerson),
        &["其他处理", other, "不能拆分"],
    );
    // Nothing of 表二's trial rows lands in today's document counts or fee.
    assert!(got.report.active.fee.is_empty());
    for k in DocumentKind::ALL {
        assert_eq!(got.report.active.documents(k), &Default::default(), "{k:?}");
    }
    for row in [
        RequestRow::OtherOverdueCorrection,
        RequestRow::OtherOverdueFee,
        RequestRow::OtherOther,
    ] {
        assert!(
            got.report.requests.get(row, Applicant::Total).is_empty(),
            "{row:?}"
        );
    }
}

fn rows(table: &[[u64; 7]]) -> Vec<(RequestRow, [u64; 7])> {
    // The trial table's rows in order, without 其他处理's: today's rows but the three sub-rows.
    RequestRow::ALL
        .into_iter()
        .filter(|r| {
            !matches!(
                r,
                RequestRow::OtherOverdueCorrection
                    | RequestRow::OtherOverdueFee
                    | RequestRow::OtherOther
            )
        })
        .zip(table.iter().copied())
        .collect()
}

fn county_truth() -> Report {
    let z = [0; 7];
    truth(
        "某县交通运输局",
        2019,
        [356, 87, 6],
        &rows(&[
            [9, 1, 0, 0, 2, 0, 12],
            [1, 0, 0, 0, 0, 0, 1],
            [5, 1, 0, 0, 1, 0, 7],
            [1, 0, 0, 0, 0, 0, 1],
            z,
            z,
            z,
            [1, 0, 0, 0, 0, 0, 1],
            z,
            z,
            z,
            z,
            [2, 0, 0, 0, 1, 0, 3],
            z,
            z,
            z,
            z,
            z,
            z,
            z,
            [10, 1, 0, 0, 2, 0, 13],
            z,
        ]),
        [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
    )
}

/// What the county report lists: its figures that do not map.
fn county_listed(got: &Imported) {
    listed(
        got,
        ["0", "15"],
        "上一年项目数量 2",
        "采购总金额 126.5",
        "自然人 1",
    );
}

#[test]
fn a_county_bureaus_2019_report() {
    let got = import_text(&fixture("county-2019"));
    assert_eq!(got.sections_found, 6);
    nothing_silently_wrong(&county_truth(), &got, "county 2019");
    county_listed(&got);
}

/// The county report as a web page with real tables (rowspan/colspan, a site around it), and
/// LibreOffice's conversion of that page to Word and of the Word file to PDF (a table without
/// ruling lines, narrow columns): the same figures imported, the same figures listed.
#[test]
fn the_county_report_as_a_web_page_a_word_file_and_a_pdf() {
    for form in ["html", "docx", "pdf"] {
        let path = format!(
            "{}/../../tests/import/trial2019/county-2019.{form}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).expect("fixture");
        let got = import_bytes(&bytes, Some(&path)).expect(form);
        let what = format!("county 2019 as {form}");
        assert_eq!(got.sections_found, 6, "{what}");
        assert_eq!(got.report.meta.agency, "某县交通运输局", "{what}");
        nothing_silently_wrong(&county_truth(), &got, &what);
        county_listed(&got);
        // Its header rows, spread or run together, are no rows and no news.
        let noise: Vec<_> = got
            .findings
            .iter()
            .filter(|f| f.reason.contains("不是表格") || f.reason.contains("找不到所属的行"))
            .map(|f| &f.text)
            .collect();
        assert!(noise.is_empty(), "{what}: {noise:?}");
    }
}

#[test]
fn a_provinces_2020_report_with_blanks_and_a_broken_title() {
    let got = import_text(&fixture("province-2020"));
    assert_eq!(got.sections_found, 6);
    let want = truth(
        "某省人民政府",
        2020,
        [48210, 15321, 722],
        &rows(&[
            [412, 35, 2, 1, 18, 6, 474],
            [20, 1, 0, 0, 1, 0, 22],
            [210, 20, 1, 1, 10, 3, 245],
            [30, 2, 0, 0, 1, 0, 33],
            [2, 0, 0, 0, 0, 0, 2],
            [1, 0, 0, 0, 0, 0, 1],
            [0; 7],
            [5, 1, 0, 0, 0, 0, 6],
            [3, 0, 0, 0, 0, 0, 3],
            [4, 1, 0, 0, 1, 0, 6],
            [2, 0, 0, 0, 0, 0, 2],
            [6, 0, 0, 0, 1, 0, 7],
            [90, 8, 1, 0, 4, 2, 105],
            [10, 1, 0, 0, 0, 0, 11],
            [8, 0, 0, 0, 1, 0, 9],
            [12, 0, 0, 0, 0, 0, 12],
            [15, 1, 0, 0, 1, 1, 18],
            [1, 0, 0, 0, 0, 0, 1],
            [2, 0, 0, 0, 0, 0, 2],
            [1, 0, 0, 0, 0, 0, 1],
            [422, 35, 2, 1, 19, 6, 485],
            [10, 1, 0, 0, 0, 0, 11],
        ]),
        [12, 3, 1, 2, 18, 6, 1, 0, 3, 10, 4, 0, 1, 1, 6],
    );
    nothing_silently_wrong(&want, &got, "province 2020");
    listed(
        &got,
        ["6", "637"],
        "本年增/减 -2",
        "采购总金额 5620.3",
        "自然人 20",
    );
}

#[test]
fn todays_format_is_not_taken_for_the_trial_one() {
    for i in 0..5 {
        let got = import_text(&common::seed(i));
        assert!(
            !got.findings.iter().any(|f| f.reason.contains("试行格式")),
            "seed {i}"
        );
    }
}
