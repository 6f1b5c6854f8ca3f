//! One small scenario per rule family: seed 003 with one thing changed, and the exact finding.

use nianbao_core::model::AgencyKind;
use nianbao_core::{load_report, validate, validate_in, Mode, Report};

fn seed_003() -> Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    load_report(&std::fs::read(path).expect("fixture")).expect("loads")
}

fn messages(r: &Report, last: Option<&Report>, code: &str) -> Vec<String> {
    validate(r, last)
        .into_iter()
        .filter(|d| d.code == code)
        .map(|d| d.message)
        .collect()
}

#[test]
fn text_quoting_another_number_than_the_table() {
    let mut r = seed_003();
    let text = r
        .overview
        .requests
        .as_ref()
        .expect("part")
        .text
        .replace("146 件", "１４５ 件");
    r.apply("overview.requests", &text).expect("edit");
    assert_eq!(
        messages(&r, None, "TEXT-TABLE-MISMATCH"),
        ["一、总体情况·（二）依申请公开写的是“…全市各级共受理政府信息公开申请 １４５ 件…”，而表三本年新收总计是 146，两处不一致。"]
    );
}

#[test]
fn wrong_stated_totals_are_flagged_not_fixed() {
    let mut r = seed_003();
    r.requests.set(
        nianbao_core::model::RequestRow::Granted,
        nianbao_core::model::Applicant::Total,
        nianbao_core::CountCell::new("100"),
    );
    let row = messages(&r, None, "T3-ROW-TOTAL");
    assert_eq!(
        row,
        ["“予以公开”一行：六类申请人 53 + 0 + 0 + 0 + 48 + 0 = 101，总计栏却是 100，少了 1。"]
    );
    assert_eq!(
        messages(&r, None, "T3-OUTCOME-TOTAL"),
        ["总计列：办理结果（一）至（六）各项相加是 147，（七）总计却是 148，多了 1。"]
    );
    r.apply("review.reconsideration.total", "5").expect("edit");
    assert_eq!(
        messages(&r, None, "T4-TOTAL"),
        ["行政复议：结果维持 2 + 结果纠正 0 + 其他结果 1 + 尚未审结 1 = 4，总计却是 5，多了 1。"]
    );
}

#[test]
fn cells_keep_bad_text_and_say_why() {
    let mut r = seed_003();
    for (path, text) in [
        ("requests.carried_forward.natural_person", "一百"),
        ("active.licensing", "28,414"),
        ("active.penalty", "-3"),
        ("active.enforcement", "5.5"),
    ] {
        r.apply(path, text).expect("edit");
        assert_eq!(
            r.text_at(path.parse().expect("path")).as_deref(),
            Some(text)
        );
    }
    let got: Vec<(&str, String)> = validate(&r, None)
        .into_iter()
        .filter(|d| d.code.starts_with("CELL-"))
        .map(|d| (d.code, d.message))
        .collect();
    assert_eq!(
        got,
        [
            (
                "CELL-NOT-NUMBER",
                "表二·行政许可·本年处理决定数量填的是“28,414”，数字中间带了逗号。".to_string()
            ),
            (
                "CELL-NEGATIVE",
                "表二·行政处罚·本年处理决定数量填的是 -3，件数不能是负数。".to_string()
            ),
            (
                "CELL-FRACTION",
                "表二·行政强制·本年处理决定数量填的是 5.5，件数应是整数。".to_string()
            ),
            (
                "CELL-NOT-NUMBER",
                "表三·自然人·结转下年度填的是汉字数字“一百”。".to_string()
            ),
        ]
    );
}

#[test]
fn fee_precision() {
    let mut r = seed_003();
    r.apply("active.fee", "12.34565").expect("edit");
    let d: Vec<_> = validate(&r, None)
        .into_iter()
        .filter(|d| d.code.starts_with("FEE-"))
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "FEE-PRECISION");
    assert!(d[0].hint.contains("12.3457"), "{}", d[0].hint);
    r.apply("active.fee", "-1.0000").expect("edit");
    assert_eq!(messages(&r, None, "FEE-NEGATIVE").len(), 1);
    r.apply("active.fee", "0").expect("edit");
    assert!(
        validate(&r, None)
            .iter()
            .all(|d| !d.code.starts_with("FEE-")),
        "0 is fine"
    );
}

#[test]
fn cross_year_carry_over_and_documents_in_force() {
    let last = seed_003();
    let mut r = seed_003();
    r.apply("meta.year", "2024").expect("edit");
    r.apply("meta.title", "").expect("edit");
    // Last year carried 0 forward in every column; this year claims 2 for 自然人 (and 总计).
    // 77 in force + 5 issued − 18 repealed = 64, but the copy still says 77.
    assert_eq!(
        messages(&r, Some(&last), "YEAR-CARRY-OVER"),
        [
            "自然人列：本年“上年结转”是 2，而2023年报告的“结转下年度继续办理”是 0。",
            "总计列：本年“上年结转”是 2，而2023年报告的“结转下年度继续办理”是 0。",
        ]
    );
    assert_eq!(
        messages(&r, Some(&last), "YEAR-IN-FORCE"),
        ["行政规范性文件：上年现行有效 77 + 本年制发 5 − 本年废止 18 = 64，而本年现行有效填的是 77。"]
    );
    // Not last year's report: the cross-year rules say so and stay silent.
    let d = validate(&seed_003(), Some(&last));
    assert_eq!(
        d.iter()
            .filter(|d| d.code.starts_with("YEAR-"))
            .map(|d| d.code)
            .collect::<Vec<_>>(),
        ["YEAR-NOT-PREVIOUS"]
    );
}

#[test]
fn publication_deadlines() {
    let mut r = seed_003();
    r.apply("meta.published", "2024年3月31日").expect("edit");
    assert!(
        messages(&r, None, "DEADLINE-LATE").is_empty(),
        "a government has until 31 March"
    );
    r.apply("meta.kind", "政府部门").expect("edit");
    assert_eq!(
        messages(&r, None, "DEADLINE-LATE"),
        ["发布日期是 2024年3月31日，晚于部门和乡镇（街道）的年报的法定期限 2024年1月31日。"]
    );
    r.apply("meta.published", "2023-12-01").expect("edit");
    assert_eq!(messages(&r, None, "DATE-BEFORE-YEAR-END").len(), 1);
    r.apply("meta.published", "去年").expect("edit");
    assert_eq!(
        messages(&r, None, "META-DATE-INVALID"),
        ["发布日期“去年”无法识别。"]
    );
}

#[test]
fn rules_needing_a_year_wait_while_it_is_invalid() {
    // Typing "2025" passes through "2", "20", "202": only META-YEAR may speak meanwhile.
    let mut r = seed_003();
    r.apply("meta.published", "2026年4月20日").expect("edit");
    for typed in ["25", "2", "202", "20233", "1999"] {
        r.apply("meta.year", typed).expect("edit");
        let codes: Vec<&str> = validate(&r, None)
            .iter()
            .filter(|d| d.paths.iter().any(|p| p.to_string().starts_with("meta.")))
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, ["META-YEAR"], "year {typed:?}");
    }
    r.apply("meta.year", "2025").expect("edit");
    assert_eq!(
        messages(&r, None, "DEADLINE-LATE"),
        ["发布日期是 2026年4月20日，晚于人民政府的本级年报的法定期限 2026年3月31日。"]
    );
}

#[test]
fn title_year_and_accountability() {
    let mut r = seed_003();
    r.apply("meta.year", "2024").expect("edit");
    assert_eq!(
        messages(&r, None, "TITLE-YEAR"),
        ["标题写的是 2023 年，报告年度却是 2024 年。"]
    );
    r.apply("overview.supervision", "加强组织领导，定期开展社会评议。")
        .expect("edit");
    assert_eq!(
        messages(&r, None, "SUPERVISION-ACCOUNTABILITY"),
        ["监督保障部分没有写到工作考核、责任追究的情况。"]
    );
}

#[test]
fn next_year_starts_from_last_year() {
    let last = seed_003();
    let mut next = last.start_next_year();
    assert_eq!(next.meta.year(), Some(2024));
    assert_eq!(next.title(), "孟州市人民政府2024年政府信息公开工作年度报告");
    assert_eq!(
        next.requests
            .get(
                nianbao_core::model::RequestRow::NewReceived,
                nianbao_core::model::Applicant::NaturalPerson
            )
            .raw(),
        ""
    );
    // The copied texts are drafts until edited.
    let drafts = messages(&next, None, "YEAR-DRAFT-TEXT");
    assert_eq!(drafts.len(), 7, "five parts, 五 and 六: {drafts:?}");
    next.apply("problems", "本年度存在的问题：……改进措施：……")
        .expect("edit");
    assert_eq!(messages(&next, None, "YEAR-DRAFT-TEXT").len(), 6);
    // The baseline keeps the cross-year rules working without last year's file.
    next.apply("active.normative_documents.issued", "1")
        .expect("edit");
    next.apply("active.normative_documents.repealed", "0")
        .expect("edit");
    next.apply("active.normative_documents.in_force", "77")
        .expect("edit");
    assert_eq!(
        messages(&next, None, "YEAR-IN-FORCE"),
        ["行政规范性文件：上年现行有效 77 + 本年制发 1 − 本年废止 0 = 78，而本年现行有效填的是 77。"]
    );
    next.apply("requests.carried_over.natural_person", "3")
        .expect("edit");
    // 自然人 and, kept in step by the editor, 总计.
    assert_eq!(messages(&next, None, "YEAR-CARRY-OVER").len(), 2);
    let reloaded = nianbao_core::load_report(&nianbao_core::save_report(&next)).expect("reload");
    assert_eq!(reloaded, next, "baseline and drafts survive saving");
}

#[test]
fn a_new_reports_sums_wait_while_its_tables_are_mostly_empty() {
    let mut r = Report::new("某县教育局", AgencyKind::Department, 2025);
    r.apply("requests.new_received.natural_person", "5")
        .expect("edit");
    let codes = |r: &Report, mode| -> Vec<&str> {
        validate_in(r, None, mode)
            .into_iter()
            .filter(|d| {
                d.paths
                    .iter()
                    .any(|p| p.to_string().starts_with("requests."))
            })
            .map(|d| d.code)
            .collect()
    };
    // Typing: no balance error for a column barely begun, and progress instead of CELL-EMPTY.
    assert_eq!(codes(&r, Mode::Typing), ["TABLE-PROGRESS"]);
    let progress: Vec<String> = validate_in(&r, None, Mode::Typing)
        .into_iter()
        .filter(|d| d.code == "TABLE-PROGRESS" && d.message.starts_with("表三"))
        .map(|d| d.message)
        .collect();
    assert_eq!(
        progress,
        ["表三已填 2/175 个格子。"],
        "自然人 and its row total"
    );
    // 审核 (and every file, export and command line) says everything.
    let full = codes(&r, Mode::Full);
    assert!(
        full.contains(&"T3-BALANCE") && full.contains(&"CELL-EMPTY"),
        "{full:?}"
    );

    // A column filled in completely is checked at once, even while the table is mostly empty.
    for row in ["new_received", "carried_over", "carried_forward"] {
        r.apply(
            &format!("requests.{row}.natural_person"),
            if row == "new_received" { "5" } else { "0" },
        )
        .expect("edit");
    }
    for p in nianbao_core::FieldPath::all_fields() {
        let s = p.to_string();
        if s.starts_with("requests.")
            && s.ends_with(".natural_person")
            && r.text_at(p).is_some_and(|t| t.is_empty())
        {
            r.apply_at(p, "0").expect("edit");
        }
    }
    let typing = codes(&r, Mode::Typing);
    assert!(
        typing.contains(&"T3-BALANCE"),
        "自然人 column is complete: {typing:?}"
    );
    assert!(!typing.contains(&"CELL-EMPTY"), "{typing:?}");

    // Past half the table, the full rules apply while typing too.
    for p in nianbao_core::FieldPath::all_fields()
        .into_iter()
        .take_while(|p| !p.to_string().starts_with("review."))
    {
        if p.to_string().starts_with("requests.") && r.text_at(p).is_some_and(|t| t.is_empty()) {
            r.apply_at(p, "0").expect("edit");
            let filled = nianbao_core::FieldPath::all_fields()
                .into_iter()
                .filter(|q| {
                    q.to_string().starts_with("requests.")
                        && r.text_at(*q).is_some_and(|t| !t.is_empty())
                })
                .count();
            if filled >= 88 {
                break;
            }
        }
    }
    r.apply("requests.other_other.commercial_enterprise", "")
        .expect("edit");
    assert_eq!(codes(&r, Mode::Typing), codes(&r, Mode::Full));
}

#[test]
fn typing_mode_changes_nothing_for_the_seeds() {
    let r = seed_003();
    assert_eq!(validate_in(&r, None, Mode::Typing), validate(&r, None));
}

#[test]
fn a_number_with_thousands_commas_is_refused_but_offers_its_fix() {
    let mut r = seed_003();
    for (typed, fix) in [
        ("1,200", Some("1200")),
        ("1，200", Some("1200")),
        ("12,345,678", Some("12345678")),
        ("1,2", None),
        ("1,2000", None),
    ] {
        r.apply("requests.granted.natural_person", typed)
            .expect("edit");
        let d = validate(&r, None)
            .into_iter()
            .find(|d| d.code == "CELL-NOT-NUMBER")
            .expect("refused, not guessed");
        assert_eq!(
            d.fix.as_ref().map(|f| f.replacement.as_str()),
            fix,
            "{typed}"
        );
        if let Some(f) = &d.fix {
            assert!(!f.safe, "never applied unattended");
            assert_eq!(f.label(), format!("改为 {}", f.replacement));
            let mut fixed = r.clone();
            fixed.apply_fix(f).expect("applies");
            assert_eq!(
                fixed
                    .requests
                    .get(
                        nianbao_core::model::RequestRow::Granted,
                        nianbao_core::model::Applicant::NaturalPerson
                    )
                    .value(),
                f.replacement.parse::<u64>().ok().as_ref()
            );
        }
    }
}
