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
