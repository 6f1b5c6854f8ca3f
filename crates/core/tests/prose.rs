//! Shares, rates and enumerations in the prose: seed 003 with one sentence added or changed, and
//! exactly what is said — firing on the wrong figure, silent on every right way of writing it.

use nianbao_core::{load_report, validate, Diagnostic, Report};

fn seed_003() -> Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    load_report(&std::fs::read(path).expect("fixture")).expect("loads")
}

/// Seed 003 with `sentence` after its 依申请公开 part (新收 146, 上年结转 2, 予以公开 101,
/// 办理结果总计 148, 结转下年度 0).
fn with_sentence(sentence: &str) -> Report {
    let mut r = seed_003();
    let text = r.overview.requests.as_ref().expect("part").text.clone();
    r.apply("overview.requests", &format!("{text}{sentence}"))
        .expect("edit");
    r
}

fn found(r: &Report, last: Option<&Report>, code: &str) -> Vec<Diagnostic> {
    validate(r, last)
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

const SHARE: &str = "TEXT-SHARE-MISMATCH";
const ENUM: &str = "TEXT-ENUM-SEQUENCE";

#[test]
fn a_share_off_the_table_is_flagged_with_both_figures_and_a_fix() {
    let r = with_sentence("其中予以公开 101 件，占 69.5%。");
    let d = found(&r, None, SHARE);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "一、总体情况·（二）依申请公开写的是“…101 件，占 69.5%。”，而按表三予以公开总计 101 件占表三本年新收总计 146 件计算是 69.18%（保留一位小数为 69.2%），两处不一致。"
    );
    let fix = d[0].fix.as_ref().expect("fix");
    assert_eq!(fix.label(), "改为 69.2");
    // 101/146 and 101/148 round differently: a person chooses, --fix does not.
    assert!(!fix.safe);
    let mut fixed = r.clone();
    fixed.apply_fix(fix).expect("applies");
    assert!(found(&fixed, None, SHARE).is_empty());
    assert!(fixed
        .overview
        .requests
        .as_ref()
        .expect("part")
        .text
        .ends_with("其中予以公开 101 件，占 69.2%。"));
}

#[test]
fn every_way_a_person_writes_the_share_is_accepted() {
    for sentence in [
        "其中予以公开 101 件，占 69.2%。",  // of 146, rounded
        "其中予以公开 101 件，占 69.1%。",  // of 146, cut off
        "其中予以公开 101 件，占比68.2%。", // of 148 handled
        "其中予以公开 101 件，占 69%。",
        "其中予以公开 101 件，占全部申请的 68.24%。",
        "其中予以公开１０１件，占６９．２％。",
        "69.2%的申请予以公开。",
        "全年申请办结率 100%。",
        // Close misses that are not shares of the table's figures at all.
        "其中网上申请 3 件，占 2%。",
        "按时办结率 95%。",
        "政务服务事项网上可办率达 98.5%。",
        "政务服务办件办结率 98%。",
        "其中予以公开 101 件，涉及企业 50 家，占 30%。",
        "共受理政府信息公开申请 146 件，同比增长 30%。", // no last year's report: unchecked
    ] {
        let r = with_sentence(sentence);
        assert!(found(&r, None, SHARE).is_empty(), "{sentence}");
    }
}

#[test]
fn shares_after_the_number_and_rates_fire_too() {
    let r = with_sentence("70.2%的申请予以公开。");
    let d = found(&r, None, SHARE);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].fix.as_ref().map(|f| f.label()).as_deref(),
        Some("改为 69.2")
    );

    let r = with_sentence("全年政府信息公开申请办结率 98%。");
    let d = found(&r, None, SHARE);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("按表三办理结果总计 148 件占表三本年新收与上年结转之和 148 件计算是 100.00%（取整为 100%）"), "{}", d[0].message);
}

#[test]
fn growth_is_checked_against_last_years_report() {
    let mut last = seed_003();
    // 126 last year: 146 is +15.87%.
    last.apply("requests.new_received.natural_person", "71")
        .expect("edit");
    // Last year's report is of the year before (one of the same year is not compared with).
    last.apply("meta.year", "2022").expect("edit");
    let right = with_sentence("共受理政府信息公开申请 146 件，同比增长 15.9%。");
    assert!(found(&right, Some(&last), SHARE).is_empty());
    let cut = with_sentence("共受理政府信息公开申请 146 件，同比增长 15.8%。");
    assert!(found(&cut, Some(&last), SHARE).is_empty());

    let wrong = with_sentence("共受理政府信息公开申请 146 件，同比增长 16.9%。");
    let d = found(&wrong, Some(&last), SHARE);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains(
            "表三本年新收总计上年是 126，本年是 146，实际增长 15.87%（保留一位小数为 15.9%）"
        ),
        "{}",
        d[0].message
    );
    let fix = d[0].fix.as_ref().expect("fix");
    assert!(fix.safe);
    assert_eq!(fix.label(), "改为 15.9");
    assert!(
        found(&wrong, None, SHARE).is_empty(),
        "silent without last year"
    );

    let backwards = with_sentence("共受理政府信息公开申请 146 件，同比下降 15.9%。");
    let d = found(&backwards, Some(&last), SHARE);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].fix.is_none(),
        "a wrong direction needs words, not a number"
    );
}

fn with_problems(f: impl Fn(&str) -> String) -> Report {
    let mut r = seed_003();
    let text = f(&r.problems);
    r.apply("problems", &text).expect("edit");
    r
}

#[test]
fn a_repeated_item_names_both_places() {
    // 存在的主要问题：一是……二是……二是 (the third problem numbered 二 again).
    let r = with_problems(|t| t.replacen("三是队伍建设", "二是队伍建设", 1));
    let d = found(&r, None, ENUM);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "五、存在的主要问题及改进情况中序号“二是”出现了两次：“…未达到栏目要求。二是一些部门和乡镇办…”和“…工作进展不平衡。二是队伍建设需加强，…”。"
    );
    assert_eq!(d[0].hint, "请把第二处改为“三是”，其后的序号依次顺延。");
}

#[test]
fn a_skipped_item_names_both_places() {
    let r = with_problems(|t| t.replacen("二是加大公开力度", "三是加大公开力度", 1));
    let d = found(&r, None, ENUM);
    // 一是 → 三是 skips 二是; the 三是 after it is then a repeat.
    let got: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].contains("“一是”之后是“三是”，序号不连续（应为“二是”）"),
        "{}",
        got[0]
    );
    assert!(
        got[0].contains("“…展。改进情况：一是结合政务公开工作…”"),
        "{}",
        got[0]
    );
}

#[test]
fn lists_that_start_again_or_nest_are_silent() {
    for text in [
        // Problems, then measures, each from 一是 (as seed 003 writes it).
        "主要问题：一是甲，二是乙。\n改进措施：一是丙，二是丁，三是戊。",
        "（一）主动公开\n1. 规章\n2. 文件\n（二）依申请公开\n1. 受理\n2. 答复",
        "（1）甲；（2）乙；（3）丙。投资2.5亿元。\n2023年，全年无其他事项。",
        "统一是基础，唯一是目标。",
    ] {
        let mut r = seed_003();
        r.apply("other", text).expect("edit");
        assert!(found(&r, None, ENUM).is_empty(), "{text}");
    }
    let mut r = seed_003();
    r.apply("other", "1. 甲\n2. 乙\n4. 丙").expect("edit");
    assert_eq!(found(&r, None, ENUM).len(), 1);
    r.apply("other", "（一）甲。（二）乙。（二）丙。")
        .expect("edit");
    assert_eq!(found(&r, None, ENUM).len(), 1);
}
