//! Numbers in the text read the way people write them (issue 26): several names joined by
//! 及/和/与/、 are their sum, 收到/受理 may count 上年结转 in, 办结/答复 is （七）总计, and table 二's
//! counts quoted in 一 are checked. Each case a real sentence, firing where no reading fits and
//! silent where one does.

use nianbao_core::model::{AgencyKind, Applicant, RequestRow};
use nianbao_core::{validate, CountCell, Diagnostic, Report};

/// A report whose table 三 has, in the 自然人 column, the rows given (totals filled), and
/// `text` as its 依申请公开 part.
fn report(rows: &[(RequestRow, u64)], text: &str) -> Report {
    let mut r = Report::new("某县人民政府", AgencyKind::PeoplesGovernment, 2023);
    for row in RequestRow::ALL {
        for c in Applicant::PARTS {
            r.requests.set(row, c, CountCell::from_count(0));
        }
    }
    for &(row, n) in rows {
        r.requests
            .set(row, Applicant::NaturalPerson, CountCell::from_count(n));
    }
    r.fill_totals();
    r.apply("overview.requests", text).expect("edit");
    r
}

fn found(r: &Report, code: &str) -> Vec<Diagnostic> {
    validate(r, None)
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

const MISMATCH: &str = "TEXT-TABLE-MISMATCH";
const SHARE: &str = "TEXT-SHARE-MISMATCH";
const WITH_CARRIED: &str = "TEXT-RECEIVED-WITH-CARRIED";

/// 81 new; 予以公开 22, 部分公开 20, 无法提供 39.
fn eighty_one(text: &str) -> Report {
    report(
        &[
            (RequestRow::NewReceived, 81),
            (RequestRow::Granted, 22),
            (RequestRow::PartiallyGranted, 20),
            (RequestRow::UnavailableNotHeld, 39),
        ],
        text,
    )
}

#[test]
fn names_joined_are_read_as_their_sum() {
    let r = eighty_one("全年收到申请81件，予以公开及部分公开42件，占51.85%。");
    assert!(found(&r, MISMATCH).is_empty() && found(&r, SHARE).is_empty());
    let r = eighty_one("予以公开、部分公开 42 件，部分公开和无法提供 59 件。");
    assert!(found(&r, MISMATCH).is_empty(), "{:#?}", found(&r, MISMATCH));
    let r = eighty_one("予以公开及部分公开43件。");
    let d = found(&r, MISMATCH);
    assert_eq!(
        d.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
        ["一、总体情况·（二）依申请公开写的是“予以公开及部分公开43件…”，而表三“予以公开”“部分公开”之和是 42，两处不一致。"]
    );
    assert_eq!(
        d[0].fix.as_ref().map(|f| f.replacement.as_str()),
        Some("42")
    );
}

#[test]
fn received_may_count_the_carried_over_in_with_a_tip() {
    let rows = [
        (RequestRow::NewReceived, 713),
        (RequestRow::CarriedOver, 36),
        (RequestRow::Granted, 700),
        (RequestRow::CarriedForward, 49),
    ];
    let r = report(&rows, "全县全年共受理政府信息公开申请 749 件，均依法答复。");
    assert!(found(&r, MISMATCH).is_empty());
    let tip = found(&r, WITH_CARRIED);
    assert_eq!(tip.len(), 1, "{tip:#?}");
    assert_eq!(tip[0].severity, nianbao_core::Severity::Info);
    assert_eq!(
        tip[0].hint,
        "可以在数字后注明“（其中上年结转 36 件）”，或改写为本年新收的件数。"
    );
    let mut fixed = r.clone();
    fixed
        .apply_fix(tip[0].fix.as_ref().expect("fix"))
        .expect("applies");
    assert_eq!(
        fixed.overview.requests.as_ref().map(|p| p.text.as_str()),
        Some("全县全年共受理政府信息公开申请 749 件（其中上年结转 36 件），均依法答复。")
    );
    assert!(validate(&fixed, None)
        .iter()
        .all(|d| d.code != WITH_CARRIED));
    // The new count alone, or the sum with 结转 named, says nothing.
    for text in [
        "全县全年共受理政府信息公开申请 713 件。",
        "全年受理申请 749 件，含上年结转 36 件。",
    ] {
        let r = report(&rows, text);
        assert!(
            found(&r, MISMATCH).is_empty() && found(&r, WITH_CARRIED).is_empty(),
            "{text}"
        );
    }
    // Neither reading fits: a warning.
    let r = report(&rows, "全县全年共受理政府信息公开申请 750 件。");
    assert_eq!(found(&r, MISMATCH).len(), 1);
}

#[test]
fn handled_is_the_outcome_total() {
    let rows = [
        (RequestRow::NewReceived, 1295),
        (RequestRow::CarriedOver, 189),
        (RequestRow::Granted, 1191),
        (RequestRow::CarriedForward, 293),
    ];
    let r = report(
        &rows,
        "市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件），均在法定期限内答复。",
    );
    assert!(validate(&r, None)
        .iter()
        .all(|d| !d.code.starts_with("TEXT-")));
    let r = report(
        &rows,
        "市政府共受理政府信息公开申请 1295 件，办结 1484 件。",
    );
    let d = found(&r, MISMATCH);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains("表三办理结果总计总计是 1191"),
        "{}",
        d[0].message
    );
    // Not the requests: 政务服务 办件 and letters.
    let r = report(&rows, "办结“12345”热线工单 300 件，按时办结申请 12 件。");
    assert!(found(&r, MISMATCH).is_empty());
}

#[test]
fn table_two_in_the_text() {
    let mut r = report(&[(RequestRow::NewReceived, 0)], "无。");
    r.apply("active.normative_documents.issued", "88")
        .expect("edit");
    r.apply("active.normative_documents.in_force", "698")
        .expect("edit");
    r.apply("active.penalty", "3011").expect("edit");
    // 平潭 2022: "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件".
    let right = "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件；作出行政处罚决定 3011 件。";
    r.apply("overview.active", right).expect("edit");
    assert!(found(&r, "TEXT-ACTIVE-MISMATCH").is_empty());
    r.apply(
        "overview.active",
        &right.replace("698件", "699件").replace("3011", "3010"),
    )
    .expect("edit");
    let d = found(&r, "TEXT-ACTIVE-MISMATCH");
    assert_eq!(
        d.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
        [
            "一、总体情况·（一）主动公开写的是“集中公开现行有效行政规范性文件699件…”，而表二行政规范性文件现行有效件数是 698，两处不一致。",
            "一、总体情况·（一）主动公开写的是“…作出行政处罚决定 3010 件…”，而表二行政处罚本年处理决定数量是 3011，两处不一致。"
        ]
    );
    // Items of a list and entries published are not decisions.
    r.apply(
        "overview.active",
        "公开行政许可事项 283 件，行政处罚信息 12 件。",
    )
    .expect("edit");
    assert!(found(&r, "TEXT-ACTIVE-MISMATCH").is_empty());
}

#[test]
fn unpaid_fee_notices_must_be_reported_in_six() {
    let mut r = report(
        &[
            (RequestRow::NewReceived, 3),
            (RequestRow::OtherOverdueFee, 1),
            (RequestRow::Granted, 2),
        ],
        "全年收到申请 3 件。",
    );
    r.apply("other", "本年度未收取信息处理费。").expect("edit");
    let d = found(&r, "FEE-NOTICE-UNREPORTED");
    assert_eq!(
        d.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
        ["表三有 1 件申请因申请人逾期未按收费通知缴费而不再处理，说明本年度发出过收费通知，但正文没有说明收费通知的情况。"]
    );
    r.apply(
        "other",
        "本年度发出收费通知 1 件，金额 100 元，申请人逾期未缴纳，未收取信息处理费。",
    )
    .expect("edit");
    assert!(found(&r, "FEE-NOTICE-UNREPORTED").is_empty());
}
