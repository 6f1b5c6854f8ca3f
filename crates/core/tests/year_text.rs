//! Sentences comparing with last year, checked against last year's figures (carried or given):
//! the ones that must fire, with their fix when the right number is certain, and the ones that
//! must stay silent, rounding included.

use nianbao_core::{load_report, validate, Diagnostic, Report};

fn fixture(n: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

/// 孟州市 2024: 本年新收 166 (2023: 146, so 20 more, +13.70%), last year carried.
fn year_2024(intro: &str) -> Report {
    let last = fixture("003");
    let mut r = last.clone();
    r.apply("meta.year", "2024").expect("year");
    r.meta.title.clear();
    r.apply("requests.new_received.natural_person", "111")
        .expect("edit");
    r.fill_totals();
    r.attach_last_year(&last).expect("attach");
    r.apply("overview.intro", intro).expect("intro");
    r
}

fn year_findings(r: &Report) -> Vec<Diagnostic> {
    validate(r, None)
        .into_iter()
        .filter(|d| matches!(d.code, "TEXT-YEAR-MISMATCH" | "TEXT-SHARE-MISMATCH"))
        .collect()
}

#[test]
fn a_wrong_difference_fires_with_its_fix() {
    let r = year_2024("2024年，全市共受理政府信息公开申请 166 件，比上年增加 30 件。");
    let found = year_findings(&r);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d.code, "TEXT-YEAR-MISMATCH");
    assert_eq!(
        d.message,
        "一、总体情况·开头部分写的是“…全市共受理政府信息公开申请 166 件，比上年增加 30 件…”，而表三本年新收总计上年是 146，本年是 166，实际多 20 件。"
    );
    let fix = d.fix.as_ref().expect("fix");
    assert_eq!(
        (fix.found.as_str(), fix.replacement.as_str(), fix.safe),
        ("30", "20", true)
    );
    // Applying it settles the finding.
    let mut fixed = r.clone();
    fixed.apply_fix(fix).expect("fix applies");
    assert!(year_findings(&fixed).is_empty());
}

#[test]
fn a_wrong_direction_or_a_false_standstill_fires_without_a_fix() {
    for text in [
        "全年共受理政府信息公开申请166件，较上年减少20件。",
        "全年共受理政府信息公开申请 166 件，与上年持平。",
        "全年共受理政府信息公开申请 166 件，同比下降 13.7%。",
    ] {
        let found = year_findings(&year_2024(text));
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert!(found[0].fix.is_none(), "{text}");
    }
}

#[test]
fn a_wrong_percentage_against_a_named_year_fires_with_the_rounded_figure() {
    // 20 / 146 = 13.698…%: written without decimals it is 14.
    let found = year_findings(&year_2024(
        "全年共受理政府信息公开申请 166 件，较 2023 年增长 15%。",
    ));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, "TEXT-SHARE-MISMATCH");
    assert_eq!(
        found[0].fix.as_ref().map(|f| f.replacement.as_str()),
        Some("14")
    );
}

#[test]
fn right_sentences_stay_silent_rounded_or_cut_off() {
    for text in [
        "全年共受理政府信息公开申请 166 件，比上年增加 20 件。",
        "全年共受理政府信息公开申请１６６件，较2023年多２０件。",
        "全年共受理政府信息公开申请 166 件，同比增长 13.7%。",
        "全年共受理政府信息公开申请 166 件，同比增长13.6%。",
        "全年共受理政府信息公开申请 166 件，同比增长 14%。",
        "全年共受理政府信息公开申请 166 件，同比增长 13%。",
        "全年共受理政府信息公开申请 166 件，较上年增长 13.70%。",
        // Another year than last year's: not ours to check.
        "全年共受理政府信息公开申请 166 件，比2020年增加 90 件。",
        // A difference of something the tables do not hold.
        "办理政府信箱来信 60 件，比上年增加 30 件。",
    ] {
        let found = year_findings(&year_2024(text));
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
    // 持平 when it is.
    let last = fixture("003");
    let mut r = last.clone();
    r.apply("meta.year", "2024").expect("year");
    r.attach_last_year(&last).expect("attach");
    r.apply(
        "overview.intro",
        "全年共受理政府信息公开申请 146 件，与上年持平。",
    )
    .expect("intro");
    assert!(year_findings(&r).is_empty());
}

#[test]
fn without_last_years_figures_nothing_is_checked() {
    let mut r = year_2024(
        "全年共受理政府信息公开申请 166 件，比上年增加 30 件。新收申请 166 件，同比增长 50%。",
    );
    assert_eq!(year_findings(&r).len(), 2);
    r.last_year = None;
    assert!(year_findings(&r).is_empty());
    // Given on the command line instead of carried: the same findings.
    let given: Vec<Diagnostic> = validate(&r, Some(&fixture("003")))
        .into_iter()
        .filter(|d| matches!(d.code, "TEXT-YEAR-MISMATCH" | "TEXT-SHARE-MISMATCH"))
        .collect();
    assert_eq!(given.len(), 2, "{given:#?}");
}
