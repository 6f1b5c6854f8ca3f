//! TEXT-REPEATS-LAST-YEAR and TEXT-SECTION-REPEATS-LAST-YEAR on the five seeds and the six real
//! reports: a report made from last year's by changing its numbers is called copied; a report
//! compared with any other (none of them is another's next year) or genuinely rewritten is not.

use nianbao_core::model::PartKind;
use nianbao_core::rules::repeats::repetition;
use nianbao_core::{load_report, validate, Diagnostic, FieldPath, Report};

const SEEDS_AND_REAL: [&str; 11] = [
    "000",
    "001",
    "002",
    "003",
    "004",
    "real/hongze-2023",
    "real/pingtan-2022",
    "real/pingtan-czj-2023",
    "real/pingtan-gaj-2024",
    "real/shanghai-office-2025",
    "real/shuyang-fgj-2023",
];

fn fixture(name: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{name}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

fn repeats(r: &Report, last: &Report) -> Vec<Diagnostic> {
    validate(r, Some(last))
        .into_iter()
        .filter(|d| d.code.contains("REPEATS-LAST-YEAR"))
        .collect()
}

/// `last` as the same agency's report of the year after, its tables untouched, its texts mapped.
fn next_year(last: &Report, mut text: impl FnMut(&str) -> String) -> Report {
    let mut r = last.clone();
    let year = last.meta.year().expect("year") + 1;
    r.apply("meta.year", &year.to_string()).expect("year");
    r.meta.title.clear();
    r.overview.intro = text(&r.overview.intro);
    for k in PartKind::ALL {
        if let Some(p) = r.overview.part_slot(k) {
            p.text = text(&p.text);
        }
    }
    r.problems = text(&r.problems);
    r.other = text(&r.other);
    r
}

/// Every digit moved on by one ("2023年…146件" → "3134年…257件"): what a report updated only in
/// its numbers looks like to the rule.
fn numbers_changed(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + 1) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[test]
fn every_report_with_only_its_numbers_changed_is_called_copied() {
    for name in SEEDS_AND_REAL {
        let last = fixture(name);
        let this = next_year(&last, numbers_changed);
        assert_eq!(
            repetition(&this, &last).whole.percent(),
            Some(100),
            "{name}"
        );
        let d = repeats(&this, &last);
        assert_eq!(d.len(), 1, "{name}: {d:#?}");
        assert_eq!(d[0].code, "TEXT-REPEATS-LAST-YEAR", "{name}");
        assert!(
            d[0].message.starts_with("正文约 100% 与"),
            "{name}: {}",
            d[0].message
        );
    }
}

#[test]
fn the_message_names_the_most_repeated_section() {
    // 平潭综合实验区公安局 2024 as its own 2025, 一 rewritten (here: 沭阳's 一, genuinely other
    // words) and 五 kept with new numbers: 五 is all repeated, the whole is not.
    let last = fixture("real/pingtan-gaj-2024");
    let other = fixture("real/shuyang-fgj-2023");
    let mut this = next_year(&last, numbers_changed);
    this.overview = other.overview.clone();
    let rep = repetition(&this, &last);
    let shares: Vec<Option<u32>> = rep.sections.iter().map(|(_, s)| s.percent()).collect();
    assert_eq!(shares, [Some(0), Some(100), None], "{rep:?}");
    // 五's 400 counted characters of 968: under the bar, so a 提示 for 五 alone.
    assert_eq!(rep.whole.percent(), Some(41), "{rep:?}");
    let d = repeats(&this, &last);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].code, "TEXT-SECTION-REPEATS-LAST-YEAR");
    assert_eq!(
        d[0].message,
        "“五、存在的主要问题及改进情况”约 100% 与2024年年报相同（全文 41%）。逐句比较，只改了数字或年份的句子也算相同。"
    );
    assert_eq!(d[0].paths, [FieldPath::Problems]);

    // Half of 一 kept too: the whole is over the bar, and 五 is named as the most repeated.
    let mut half = next_year(&last, numbers_changed);
    for k in [
        PartKind::Management,
        PartKind::Platform,
        PartKind::Supervision,
    ] {
        if let (Some(p), Some(o)) = (half.overview.part_slot(k), other.overview.part(k)) {
            p.text = o.text.clone();
        }
    }
    let d = repeats(&half, &last);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].code, "TEXT-REPEATS-LAST-YEAR");
    assert_eq!(
        d[0].message,
        "正文约 77% 与2024年年报相同（其中“五、存在的主要问题及改进情况”重复 100%，“一、总体情况”68%）。逐句比较，只改了数字或年份的句子也算相同。"
    );
    assert_eq!(d[0].paths, [FieldPath::Problems]);
    assert!(
        d[0].hint.starts_with("请按本年度的实际工作重写"),
        "{}",
        d[0].hint
    );
}

#[test]
fn no_report_repeats_another() {
    // Different agencies, regions and years, three of them from one city (平潭): not a sentence
    // in common once the yearly formulas are left out.
    for a in SEEDS_AND_REAL {
        let this = fixture(a);
        for b in SEEDS_AND_REAL.iter().filter(|b| **b != a) {
            let mut last = fixture(b);
            assert_eq!(
                repetition(&this, &last).whole.percent(),
                Some(0),
                "{a} against {b}"
            );
            // Given as this agency's report of the year before, so that the rule runs.
            last.meta.agency = this.meta.agency.clone();
            let year = this.meta.year().expect("year") - 1;
            last.apply("meta.year", &year.to_string()).expect("year");
            assert!(repeats(&this, &last).is_empty(), "{a} against {b}");
        }
    }
}

#[test]
fn a_report_started_from_last_years_is_copied_until_rewritten() {
    let last = fixture("003");
    let mut next = last.start_next_year();
    assert_eq!(repeats(&next, &last).len(), 1);
    // Rewritten section by section, with the words of another report: 一 and 六 make the warning
    // a hint for 五, 五 ends it.
    let other = fixture("real/hongze-2023");
    next.overview = other.overview.clone();
    next.other = other.other.clone();
    let rep = repetition(&next, &last);
    assert!(rep.whole.percent() <= Some(50), "{rep:?}");
    let d = repeats(&next, &last);
    assert_eq!(
        d.iter().map(|d| d.code).collect::<Vec<_>>(),
        ["TEXT-SECTION-REPEATS-LAST-YEAR"],
        "五 of 003 kept: {rep:?}"
    );
    next.problems = other.problems.clone();
    assert!(repeats(&next, &last).is_empty());
}

#[test]
fn without_last_years_report_nothing_is_compared() {
    let last = fixture("003");
    let next = last.start_next_year();
    // Last year's tables are carried in the report, its text is not.
    assert!(next.last_year.is_some());
    assert!(validate(&next, None)
        .iter()
        .all(|d| !d.code.contains("REPEATS-LAST-YEAR")));
}
