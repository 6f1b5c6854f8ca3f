//! The five seed reports, transcribed by hand into tests/fixtures, and exactly what the
//! validator must say about each — with the reason a careful reader would give.

use nianbao_core::{load_report, validate, Diagnostic, Report};

fn fixture(n: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

/// (code, first path) of every finding, in the validator's order.
fn findings(r: &Report) -> Vec<(&'static str, String)> {
    validate(r, None)
        .iter()
        .map(|d: &Diagnostic| {
            (
                d.code,
                d.paths.first().map(|p| p.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

fn expect(n: &str, want: &[(&str, &str)]) {
    let got = findings(&fixture(n));
    let got: Vec<(&str, &str)> = got.iter().map(|(c, p)| (*c, p.as_str())).collect();
    assert_eq!(got, want, "findings of seed {n}");
}

#[test]
fn seed_000_department_without_two_parts_and_silent_on_fees() {
    expect(
        "000",
        &[
            // 一 has （一）主动公开, a 平台建设 part (printed as “(二)”) and 监督保障, nothing on
            // 依申请公开 or 政府信息管理.
            ("OVERVIEW-PART-MISSING", "overview.requests"),
            ("OVERVIEW-PART-MISSING", "overview.management"),
            // 六 is “暂无其他需要报告的事项。”: no word on 信息处理费.
            ("FEE-NOT-REPORTED", "other"),
        ],
    );
}

#[test]
fn seed_001_fee_written_with_two_decimals() {
    // 805.50 万元: right value, printed as 805.5000. Everything else adds up, the text's
    // “收到…2件”“予以公开1件”“不予以公开1件”“现行有效规范性文件31件” agree with the tables, and
    // the 监督保障 part covers 考评、社会评议、责任追究.
    // “补充信息要素,无修改”“规范信息发布,做到”: half-width commas in Chinese text.
    expect(
        "001",
        &[
            ("TEXT-ASCII-PUNCT", "overview.management"),
            ("TEXT-ASCII-PUNCT", "overview.management"),
            ("FEE-DECIMALS", "active.fee"),
        ],
    );
}

#[test]
fn seed_002_repeated_heading_english_word_and_silent_on_fees() {
    expect(
        "002",
        &[
            // “一、总体情况” is printed twice; the second copy sits in the intro.
            ("TEXT-HEADING-REPEATED", "overview.intro"),
            // “规范办理流程 and 答复文书”.
            ("TEXT-ENGLISH", "overview.requests"),
            // 六 is “无。”.
            ("FEE-NOT-REPORTED", "other"),
        ],
    );
}

#[test]
fn seed_003_is_clean() {
    // Every identity holds (146 + 2 = 148 + 0), the text's 146 and 2 match table 三, the fee has
    // four decimals, 监督保障 covers 考核、评议、追究, and 六 reports the fee (0元).
    expect("003", &[]);
}

#[test]
fn seed_004_township_free_text_overview() {
    expect(
        "004",
        &[
            // 一 is six paragraphs of running text without the five parts.
            ("OVERVIEW-PART-MISSING", "overview"),
            // The (四) 无法提供 row prints six zeros for seven columns: with its 总计 0, the
            // missing one is 0 too, and the importer reads it so (with a note).
            // 五 lists two problems and no measure.
            ("IMPROVEMENTS-MISSING", "problems"),
            // 六 is “无”.
            ("FEE-NOT-REPORTED", "other"),
        ],
    );
}

#[test]
fn seed_messages_are_specific() {
    let d = validate(&fixture("002"), None);
    let english = d
        .iter()
        .find(|d| d.code == "TEXT-ENGLISH")
        .expect("finding");
    assert!(
        english.message.contains("“and”") && english.message.contains("规范办理流程 and 答复文书")
    );
    let d = validate(&fixture("001"), None);
    let fee = d
        .iter()
        .find(|d| d.code == "FEE-DECIMALS")
        .expect("finding");
    assert_eq!(
        fee.message,
        "收费金额写作 805.50，报告中将按规定印作 805.5000。"
    );
}
