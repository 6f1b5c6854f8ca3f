//! Six real published reports (`shared/real-docs/published`), their tables as decoded by hand
//! (`expected/*.expected.json`) and their text as published — the importer's placement checked
//! by hand: the crawler's header lines above "==== 正文 ====" and the line breaks and page
//! numbers of a PDF turned into markdown left out, a section 五 under its own heading put in
//! 五. Exactly what the validator says about each, every finding a real defect of the report.

use nianbao_core::{load_report, validate, Diagnostic, Report};

fn fixture(name: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/real/{name}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

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

fn expect(name: &str, want: &[(&str, &str)]) {
    let got = findings(&fixture(name));
    let got: Vec<(&str, &str)> = got.iter().map(|(c, p)| (*c, p.as_str())).collect();
    assert_eq!(got, want, "findings of {name}");
}

#[test]
fn hongze_2023_totals_printed_as_zero() {
    expect(
        "hongze-2023",
        &[
            // 维持 10 + 纠正 1 = 11, 总计 printed 0; 复议后起诉 维持 5, 总计 printed 0.
            ("T4-TOTAL", "review.reconsideration.total"),
            ("T4-TOTAL", "review.litigation_after_reconsideration.total"),
            // A 人民政府's 监督保障 with no word on 考核、评议、追究.
            ("SUPERVISION-ACCOUNTABILITY", "overview.supervision"),
            // 7730.28.
            ("FEE-DECIMALS", "active.fee"),
        ],
    );
}

#[test]
fn pingtan_2022_counts_received_as_new_plus_carried() {
    expect(
        "pingtan-2022",
        &[
            // "打造整体统一的的网站界面".
            ("TEXT-DOUBLED-WORD", "overview.platform"),
            // "全区收到政府信息公开申请75件": 新收 74 + 结转 1 — not wrong, a 提示 to say so.
            ("TEXT-RECEIVED-WITH-CARRIED", "overview.requests"),
            // 9116.36.
            ("FEE-DECIMALS", "active.fee"),
        ],
    );
}

#[test]
fn pingtan_czj_2023_three_parts_in_the_2019_order() {
    expect(
        "pingtan-czj-2023",
        &[
            // 一 has （一）主动公开, （二）依申请公开 and （三）平台建设 only.
            ("OVERVIEW-PART-MISSING", "overview.management"),
            ("OVERVIEW-PART-MISSING", "overview.supervision"),
            // "(以下简称《条例》)", "(以下简称《办法》)": half-width brackets in Chinese.
            ("TEXT-ASCII-PUNCT", "overview.intro"),
            ("TEXT-ASCII-PUNCT", "overview.intro"),
            ("FEE-DECIMALS", "active.fee"),
            // 五: "(一)存在问题", "(二)改进措施", "公开政府信息,加强".
            ("TEXT-ASCII-PUNCT", "problems"),
            ("TEXT-ASCII-PUNCT", "problems"),
            ("TEXT-ASCII-PUNCT", "problems"),
        ],
    );
}

#[test]
fn pingtan_gaj_2024_text_agrees_with_its_tables() {
    // "收到……申请共计8件……同意公开3件，占比37.5%；无法提供4件，占比50%；区分处理后公开1件，
    // 占比12.5%" all equal table 三; "没有因政府信息公开……申请行政复议或行政诉讼" and 表四 is 0.
    expect("pingtan-gaj-2024", &[]);
}

#[test]
fn shanghai_office_2025_sums_of_groups_are_read_as_sums() {
    // "受理……1295 件，办结 1191 件（含上年结转 189 件）", "予以公开及部分公开 208 件",
    // "不予公开 20 件", "无法提供 564 件", "不予处理 80 件", "其他处理 319 件": each a group's
    // sum or （七）总计, all right; "未发生……被行政复议纠错或行政诉讼败诉" is about outcomes,
    // not about cases (表四 has 55 + 34).
    expect("shanghai-office-2025", &[]);
}

#[test]
fn shuyang_fgj_2023_reports_the_fee_without_naming_it() {
    // 六: "政府信息公开未发生收费情况" says that no 信息处理费 was charged.
    expect("shuyang-fgj-2023", &[]);
}
