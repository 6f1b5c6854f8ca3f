//! 说明 for true warnings: given, kept in the file, shown on the finding, counted apart, dropped
//! when the finding goes away — and refused for an 错误.

use nianbao_core::{load_report, save_report, validate, CoreError, Report, Severity, Tally};

fn seed(n: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

/// A seed with at least one 警告, and that 警告's code and field.
fn seed_with_warning() -> (Report, &'static str, nianbao_core::FieldPath) {
    for n in ["000", "001", "002", "003", "004"] {
        let r = seed(n);
        if let Some(d) = validate(&r, None)
            .into_iter()
            .find(|d| d.severity == Severity::Warning)
        {
            return (r, d.code, d.paths[0]);
        }
    }
    panic!("no seed has a 警告");
}

/// Seed 003 with a wrong 本年新收, and the 错误 that says so.
fn seed_with_error() -> (Report, nianbao_core::Diagnostic) {
    let mut r = seed("003");
    r.apply("requests.new_received.natural_person", "999999")
        .expect("edit");
    let err = validate(&r, None)
        .into_iter()
        .find(|d| d.severity == Severity::Error)
        .expect("a wrong total is an 错误");
    (r, err)
}

fn version_of(bytes: &[u8]) -> u64 {
    let v: serde_json::Value = serde_json::from_slice(bytes).expect("json");
    v["schema_version"].as_u64().expect("version")
}

#[test]
fn an_explained_warning_carries_its_text_and_is_counted_apart() {
    let (mut r, code, field) = seed_with_warning();
    let before = Tally::of(&validate(&r, None));
    r.explain(code, field, "  确认无误：该数据经业务科室核实。 ")
        .expect("a 警告 can be explained");
    let after = validate(&r, None);
    let d = after
        .iter()
        .find(|d| d.code == code && d.paths[0] == field)
        .expect("the finding is still there");
    assert_eq!(
        d.explanation.as_deref(),
        Some("确认无误：该数据经业务科室核实。")
    );
    assert!(!d.is_open_warning());
    let t = Tally::of(&after);
    assert_eq!(t.warnings, before.warnings, "still a 警告, only explained");
    assert!(t.explained >= 1 && before.explained == 0);
}

#[test]
fn the_explanation_survives_the_file_and_edits_elsewhere() {
    let (mut r, code, field) = seed_with_warning();
    assert_eq!(version_of(&save_report(&r)), 2, "no 说明: still version 2");
    r.explain(code, field, "情况属实").expect("explain");
    let bytes = save_report(&r);
    assert_eq!(version_of(&bytes), 3, "a file with 说明 is version 3");
    let mut back = load_report(&bytes).expect("reads back");
    assert_eq!(back.explanation(code, field), Some("情况属实"));
    // An edit in another section leaves it alone.
    back.apply(
        "other",
        "本机关未收取信息处理费。另：本年度无其他需要报告的事项。",
    )
    .expect("edit");
    let d = validate(&back, None);
    assert!(d
        .iter()
        .any(|d| d.code == code && d.explanation.as_deref() == Some("情况属实")));
}

#[test]
fn an_empty_text_withdraws_and_a_second_text_replaces() {
    let (mut r, code, field) = seed_with_warning();
    r.explain(code, field, "第一次").expect("explain");
    r.explain(code, field, "第二次").expect("explain");
    assert_eq!(r.explanations.len(), 1);
    assert_eq!(r.explanation(code, field), Some("第二次"));
    r.explain(code, field, "   ").expect("withdraw");
    assert!(r.explanations.is_empty());
}

#[test]
fn an_error_cannot_be_explained_and_bad_input_is_refused_in_chinese() {
    let (mut r, err) = seed_with_error();
    let e = r
        .explain(err.code, err.paths[0], "我认为没错")
        .expect_err("an 错误 is refused");
    assert_eq!(e, CoreError::ErrorNotExplainable(err.code.to_string()));
    assert!(e.to_string().contains("不能用说明代替改正"));
    assert!(r.explanations.is_empty());

    let e = r
        .explain("NO-SUCH-RULE", err.paths[0], "x")
        .expect_err("unknown code");
    assert!(e.to_string().contains("NO-SUCH-RULE"));
    let long = "很".repeat(501);
    let (mut w, code, field) = seed_with_warning();
    let e = w.explain(code, field, &long).expect_err("too long");
    assert!(e.to_string().contains("501"), "{e}");
}

#[test]
fn a_hand_edited_file_cannot_explain_an_error_away() {
    let (r, err) = seed_with_error();
    let mut json: serde_json::Value = serde_json::from_slice(&save_report(&r)).expect("json");
    json["schema_version"] = 3.into();
    json["explanations"] = serde_json::json!([
        {"code": err.code, "field": err.paths[0].to_string(), "text": "手工写入"}
    ]);
    let edited = load_report(&serde_json::to_vec(&json).expect("bytes")).expect("reads");
    let d = validate(&edited, None);
    assert!(d
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .all(|d| d.explanation.is_none()));
    assert_eq!(Tally::of(&d).explained, 0);
}

#[test]
fn an_explanation_whose_finding_is_gone_is_dropped_on_prune() {
    let (mut r, code, field) = seed_with_warning();
    r.explain(code, field, "情况属实").expect("explain");
    assert_eq!(r.prune_explanations(&validate(&r, None)), 0, "still true");
    assert_eq!(r.explanations.len(), 1);
    // With no findings left at that place the 说明 has nothing to explain.
    let none: Vec<nianbao_core::Diagnostic> = Vec::new();
    assert_eq!(r.prune_explanations(&none), 1);
    assert!(r.explanations.is_empty());
}

#[test]
fn a_rule_that_needs_more_than_the_report_keeps_its_explanation() {
    let mut r = seed("003");
    r.explain(
        "TEXT-WORDLIST",
        nianbao_core::FieldPath::Problems,
        "本地用法，确认无误",
    )
    .expect("a 提示 of the word list");
    assert_eq!(r.prune_explanations(&validate(&r, None)), 0);
    assert_eq!(r.explanations.len(), 1);
}
