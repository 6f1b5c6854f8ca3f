//! Every schema version ever written loads forever: the frozen files in tests/formats go through
//! today's loader (and its migrations) and still say what they said when they were saved.

use nianbao_core::model::{Applicant, PartKind, RequestRow};
use nianbao_core::{load_report, save_report, validate, Severity};

fn frozen(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/formats/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).expect("frozen format file exists")
}

#[test]
fn version_1_file_loads_with_its_numbers_and_texts() {
    let bytes = frozen("v1.nianbao.json");
    assert!(
        String::from_utf8_lossy(&bytes).contains("\"schema_version\": 1"),
        "the frozen file is a version-1 file"
    );
    let r = load_report(&bytes).expect("version 1 loads");
    assert_eq!(r.meta.agency, "孟州市人民政府");
    assert_eq!(r.meta.year.value(), Some(&2023));
    let t = &r.requests;
    let new_received: u64 = Applicant::ALL
        .iter()
        .filter(|a| **a != Applicant::Total)
        .map(|a| t.value(RequestRow::NewReceived, *a))
        .sum();
    assert_eq!(new_received, 146);
    assert_eq!(t.value(RequestRow::NewReceived, Applicant::Total), 146);
    assert_eq!(t.value(RequestRow::Total, Applicant::Total), 148);
    assert_eq!(r.active.fee.display_4dp().as_deref(), Some("4351.7195"));
    assert_eq!(r.overview.parts().count(), 5, "一 keeps its five parts");
    let active = r.overview.part(PartKind::Active).expect("（一）主动公开");
    assert!(active.text.contains("3017"), "{}", active.text);
    // It was a clean report when saved, and still is.
    let errors: Vec<_> = validate(&r, None)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn version_1_file_saved_again_loads_to_the_same_report() {
    let r = load_report(&frozen("v1.nianbao.json")).expect("version 1 loads");
    let again = load_report(&save_report(&r)).expect("saved copy loads");
    assert_eq!(again, r);
}

#[test]
fn version_1_baseline_is_read_as_last_years_figures() {
    // Written by `nianbao new --from tests/fixtures/003.nianbao.json` before version 2: it kept
    // only 结转下年度 and the two 现行有效 counts of 2023, under `baseline`.
    let mut r = load_report(&frozen("v1-baseline.nianbao.json")).expect("version 1 loads");
    assert_eq!(r.meta.year(), Some(2024));
    let last = r
        .last_year
        .as_ref()
        .expect("the baseline became last year's figures");
    assert_eq!(last.year, 2023);
    assert_eq!(last.active.normative_documents.in_force.value(), Some(&77));
    assert_eq!(
        last.requests
            .get(RequestRow::CarriedForward, Applicant::Total)
            .value(),
        Some(&0)
    );
    // What version 1 did not keep stays unknown, never zero.
    assert!(last.active.fee.is_empty());
    assert!(last
        .requests
        .get(RequestRow::NewReceived, Applicant::Total)
        .is_empty());
    // And the cross-year rule still works from it.
    r.apply("active.normative_documents.issued", "1")
        .expect("edit");
    r.apply("active.normative_documents.repealed", "0")
        .expect("edit");
    r.apply("active.normative_documents.in_force", "77")
        .expect("edit");
    let codes: Vec<_> = validate(&r, None).into_iter().map(|d| d.code).collect();
    assert!(codes.contains(&"YEAR-IN-FORCE"), "{codes:?}");
    let again = load_report(&save_report(&r)).expect("saved as version 2 loads");
    assert_eq!(again, r);
}

#[test]
fn a_fixture_written_before_version_2_loads() {
    let path = format!(
        "{}/../../tests/fixtures/003.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let r = load_report(&std::fs::read(path).expect("fixture")).expect("loads");
    assert_eq!(r.meta.year(), Some(2023));
    assert!(r.last_year.is_none());
    assert_eq!(r.schema_version, nianbao_core::SCHEMA_VERSION);
}

#[test]
fn version_2_file_keeps_all_of_last_years_tables() {
    let bytes = frozen("v2.nianbao.json");
    assert!(String::from_utf8_lossy(&bytes).contains("\"schema_version\": 2"));
    let r = load_report(&bytes).expect("version 2 loads");
    assert_eq!(r.meta.year(), Some(2024));
    let last = r.last_year.as_ref().expect("last year's figures");
    assert_eq!((last.agency.as_str(), last.year), ("孟州市人民政府", 2023));
    assert_eq!(last.active.licensing.value(), Some(&28414));
    assert_eq!(last.active.fee.display_4dp().as_deref(), Some("4351.7195"));
    assert_eq!(
        last.requests
            .get(RequestRow::NewReceived, Applicant::Total)
            .value(),
        Some(&146)
    );
    assert_eq!(last.review.reconsideration.total.value(), Some(&4));
    let again = load_report(&save_report(&r)).expect("saved copy loads");
    assert_eq!(again, r);
}

#[test]
fn any_year_written_for_last_year_is_harmless() {
    // A hand-edited file may say anything; the largest year must not overflow a comparison.
    let text = String::from_utf8(frozen("v2.nianbao.json")).expect("utf-8");
    let edited = text.replacen("\"year\": 2023", "\"year\": 18446744073709551615", 1);
    assert_ne!(edited, text, "the frozen file has last_year.year 2023");
    let r = load_report(edited.as_bytes()).expect("loads");
    assert_eq!(r.last_year.as_ref().map(|l| l.year), Some(u64::MAX));
    let codes: Vec<_> = validate(&r, None).into_iter().map(|d| d.code).collect();
    assert!(
        !codes.iter().any(|c| c.starts_with("YEAR-CHANGE")),
        "{codes:?}"
    );
}
