//! Rows whose numbers ran together into one run of digits: every seed made into that form, and
//! random consistent tables, import to the true numbers or to blank rows that are named.

mod common;

use common::{nothing_silently_wrong, same_text, seed};
use nianbao_core::model::{Applicant, Report, RequestRow, ReviewGroup, ReviewOutcome};
use nianbao_core::{CountCell, FieldPath};
use nianbao_import::{import_text, to_canonical_text};
use proptest::prelude::*;

/// The digit-run form of a report's text, as a careless copy leaves it: on every tabbed line
/// whose row ends in two or more whole numbers with no blank among them, the numbers are written
/// together ("一、本年新收…\t713000074"); where a table has one number per line, the numbers of
/// consecutive lines are. Rows with a blank cell or a decimal stay as they are. Returns the text
/// and how many runs were made.
fn digit_runs(text: &str) -> (String, usize) {
    let is_number = |c: &str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit());
    let mut runs = 0;
    let mut out: Vec<String> = Vec::new();
    // A run being gathered from one-number lines: its line's leading text and its digits.
    let mut gathering: Option<(String, String, usize)> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if gathering.is_some() && trimmed.is_empty() {
            // A blank cell or line between one-number lines: the numbers still run on.
            continue;
        }
        if is_number(trimmed) {
            let lead = line[..line.find(trimmed).unwrap_or(0)].to_string();
            let g = gathering.get_or_insert_with(|| (lead, String::new(), 0));
            g.1.push_str(trimmed);
            g.2 += 1;
            continue;
        }
        if let Some((lead, digits, lines)) = gathering.take() {
            runs += usize::from(lines > 1);
            out.push(format!("{lead}{digits}"));
        }
        out.push(run_line(line, &mut runs));
    }
    if let Some((lead, digits, lines)) = gathering.take() {
        runs += usize::from(lines > 1);
        out.push(format!("{lead}{digits}"));
    }
    (out.join("\n"), runs)
}

/// One tabbed line with its row's numbers run together.
fn run_line(line: &str, runs: &mut usize) -> String {
    if !line.contains('\t') {
        return line.to_string();
    }
    let is_number = |c: &str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit());
    let cells: Vec<&str> = line.split('\t').collect();
    // The row's numbers: the cells after its last cell that is neither a number nor blank.
    let start = cells
        .iter()
        .rposition(|c| !c.trim().is_empty() && !is_number(c.trim()))
        .map_or(0, |i| i + 1);
    let tail: Vec<&str> = cells[start..].iter().map(|c| c.trim()).collect();
    let first = tail.iter().position(|c| !c.is_empty());
    let last = tail.iter().rposition(|c| !c.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return line.to_string();
    };
    let numbers = &tail[first..=last];
    if numbers.len() < 2 || numbers.iter().any(|c| c.is_empty()) {
        return line.to_string();
    }
    *runs += 1;
    let mut out: Vec<String> = cells[..start + first]
        .iter()
        .map(|c| c.to_string())
        .collect();
    out.push(numbers.concat());
    out.join("\t")
}

#[test]
fn the_form_is_what_the_issue_describes() {
    let (text, runs) = digit_runs(
        "一、本年新收政府信息公开申请数量\t\t71\t3\t0\t0\t0\t0\t74\t\n规章\t0\t\t0\n行政许可\t28414\t\t",
    );
    assert_eq!(runs, 1);
    assert_eq!(
        text,
        "一、本年新收政府信息公开申请数量\t\t713000074\n规章\t0\t\t0\n行政许可\t28414\t\t"
    );
}

#[test]
fn every_seed_as_digit_runs_imports_true_numbers_or_named_blanks() {
    for i in 0..5 {
        let text = seed(i);
        let truth = import_text(&text).report;
        let (runs_text, runs) = digit_runs(&text);
        assert!(runs >= 20, "seed {i}: only {runs} rows run together");
        let got = import_text(&runs_text);
        let tally = nothing_silently_wrong(&truth, &got, &format!("seed {i} as digit runs"));
        same_text(&truth, &got.report, &format!("seed {i} as digit runs"));
        println!(
            "seed {i}: {runs} rows run together; {} cells equal, {} left blank and named",
            tally.equal, tally.blank_named
        );
        // Seed 000 prints eight numbers in each row of 三 (a stray column), which no split of
        // seven can read; the others print seven, and their runs are all read: 表三 by the
        // row totals and the 勾稽关系, 表四 by its three totals.
        // A row the seed itself prints short (004 lost a number of 无法提供) is one number
        // shorter again as a run, and stays blank.
        let short_in_seed = |row: RequestRow| {
            import_text(&text)
                .findings
                .iter()
                .any(|f| f.path == Some(FieldPath::Request(row, Applicant::NaturalPerson)))
        };
        if i != 0 {
            for (row, col, cell) in truth.requests.cells() {
                if !short_in_seed(row) {
                    assert_eq!(
                        got.report.requests.get(row, col).raw(),
                        cell.raw(),
                        "seed {i} 表三 {row:?} {col:?}"
                    );
                }
            }
        }
        assert!(got.report.review == truth.review, "seed {i} 表四");
    }
}

#[test]
fn the_issues_row_is_read_and_said_so() {
    let mut report = import_text(&seed(3)).report;
    for (col, v) in Applicant::ALL.into_iter().zip([71, 3, 0, 0, 0, 0, 74]) {
        report
            .requests
            .set(RequestRow::NewReceived, col, CountCell::from_count(v));
    }
    let (text, _) = digit_runs(&to_canonical_text(&report));
    assert!(text.contains("\t713000074"), "{text}");
    let got = import_text(&text);
    assert_eq!(
        got.report
            .requests
            .get(RequestRow::NewReceived, Applicant::Total),
        &CountCell::from_count(74)
    );
    // Every row of this table is a run: one note for the table names the first and the count.
    assert!(got.findings.iter().any(|f| f.text == "713000074"
        && (f.reason.contains("只有一种拆法：71、3、0、0、0、0、74")
            || f.reason.contains("行的数字连在了一起（例如“713000074”），核对合计和表中的勾稽关系后每行都只有一种拆法"))
        && f.path
            == Some(FieldPath::Request(
                RequestRow::NewReceived,
                Applicant::NaturalPerson
            ))));
}

#[test]
fn runs_that_the_table_cannot_settle_are_blank_and_named() {
    // 1 | 10 | 0 | 0 | 0 | 0 | 11 and 11 | 0 | 0 | 0 | 0 | 0 | 11 print alike. With 予以公开 the
    // only outcome, （七）总计 and 本年新收 print the same run, and each reading of one fits a
    // reading of the others: no 勾稽关系 can tell.
    let mut truth = import_text(&seed(3)).report;
    for row in RequestRow::ALL {
        for col in Applicant::ALL {
            truth.requests.set(row, col, CountCell::from_count(0));
        }
    }
    for row in [
        RequestRow::Granted,
        RequestRow::Total,
        RequestRow::NewReceived,
    ] {
        for (col, v) in Applicant::ALL.into_iter().zip([1, 10, 0, 0, 0, 0, 11]) {
            truth.requests.set(row, col, CountCell::from_count(v));
        }
    }
    let got = import_text(&digit_runs(&to_canonical_text(&truth)).0);
    nothing_silently_wrong(&truth, &got, "two splits");
    for row in [
        RequestRow::Granted,
        RequestRow::Total,
        RequestRow::NewReceived,
    ] {
        assert!(
            got.report.requests.get(row, Applicant::Total).is_empty(),
            "{row:?}"
        );
        assert!(
            got.findings.iter().any(|f| f.text == "110000011"
                && f.reason.contains("有 2 种拆法，无法确定")
                && f.path == Some(FieldPath::Request(row, Applicant::NaturalPerson))),
            "{:?}",
            got.findings
        );
    }
    // The zero rows, one way only, are read.
    assert_eq!(
        got.report
            .requests
            .get(RequestRow::CarriedOver, Applicant::Total),
        &CountCell::from_count(0)
    );
}

#[test]
fn the_table_settles_a_run_its_total_leaves_open() {
    // Seed 003's 一、本年新收 "91000550146" reads as 91 | 0 | 0 | 0 | 55 | 0 | 146 or as
    // 91 | 0 | 0 | 0 | 5 | 50 | 146; only the first keeps 一 + 二 = 七 + 四 with its other rows.
    let truth = import_text(&seed(3)).report;
    let lines: Vec<String> = seed(3)
        .lines()
        .map(|l| {
            if l.starts_with("一、本年新收") {
                run_line(l, &mut 0)
            } else {
                l.to_string()
            }
        })
        .collect();
    let got = import_text(&lines.join("\n"));
    assert_eq!(got.report.requests, truth.requests);
    assert!(got
        .findings
        .iter()
        .any(|f| f.text == "91000550146" && f.reason.contains("只有一种拆法")));
}

#[test]
fn a_run_that_disagrees_with_its_total_is_blank_and_named() {
    // 0 + 0 + … = 7, as a report with a slip prints it: no split of "0000007" adds up.
    let mut truth = import_text(&seed(3)).report;
    for col in Applicant::ALL {
        let v = if col == Applicant::Total { 7 } else { 0 };
        truth
            .requests
            .set(RequestRow::CarriedOver, col, CountCell::from_count(v));
    }
    let got = import_text(&digit_runs(&to_canonical_text(&truth)).0);
    nothing_silently_wrong(&truth, &got, "a slip in 二、上年结转");
    assert!(got
        .report
        .requests
        .get(RequestRow::CarriedOver, Applicant::Total)
        .is_empty());
    assert!(got.findings.iter().any(|f| f.text == "0000007"
        && f.reason.contains("没有一种拆法使“总计”等于各栏之和")
        && f.path
            == Some(FieldPath::Request(
                RequestRow::CarriedOver,
                Applicant::NaturalPerson
            ))));
}

#[test]
fn table_four_in_one_run() {
    let truth = import_text(&seed(3)).report;
    let (text, _) = digit_runs(&seed(3));
    assert!(text.contains("201140400410012"));
    let got = import_text(&text);
    assert_eq!(got.report.review, truth.review);
}

/// A count as reports print them: mostly 0, often small, now and then large.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => Just(0u64),
        4 => 1u64..10,
        2 => 10u64..1000,
        1 => 1000u64..1_000_000,
    ]
}

/// A consistent 表三: random outcomes, 上年结转 and 结转下年度, and every total and 本年新收
/// computed so that each 勾稽关系 holds.
fn consistent_requests() -> impl Strategy<Value = Vec<Vec<u64>>> {
    // Per applicant column: 21 outcomes, 上年结转, 结转下年度.
    proptest::collection::vec(proptest::collection::vec(count(), 23), 6)
}

fn report_with(columns: &[Vec<u64>]) -> Report {
    let mut report = import_text(&seed(3)).report;
    let outcomes: Vec<RequestRow> = RequestRow::outcomes().collect();
    let t = &mut report.requests;
    for (col, values) in Applicant::PARTS.into_iter().zip(columns) {
        let total: u64 = values[..21].iter().sum();
        let (over, forward) = (values[21], values[22]);
        // 一 + 二 = 七 + 四: 上年结转 cannot exceed what was settled and carried on.
        let over = over.min(total + forward);
        for (row, v) in outcomes.iter().zip(values) {
            t.set(*row, col, CountCell::from_count(*v));
        }
        t.set(RequestRow::Total, col, CountCell::from_count(total));
        t.set(RequestRow::CarriedOver, col, CountCell::from_count(over));
        t.set(
            RequestRow::CarriedForward,
            col,
            CountCell::from_count(forward),
        );
        t.set(
            RequestRow::NewReceived,
            col,
            CountCell::from_count(total + forward - over),
        );
    }
    for row in RequestRow::ALL {
        let sum: u64 = Applicant::PARTS.iter().map(|&c| t.value(row, c)).sum();
        t.set(row, Applicant::Total, CountCell::from_count(sum));
    }
    for g in ReviewGroup::ALL {
        let group = report.review.group_mut(g);
        let sum: u64 = ReviewOutcome::ALL[..4]
            .iter()
            .map(|&o| group.get(o).value().copied().unwrap_or(0))
            .sum();
        *group.get_mut(ReviewOutcome::Total) = CountCell::from_count(sum);
    }
    report
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Never a wrong split: every cell of a random consistent table, run together row by row,
    /// is imported as it was or left blank with a finding naming its row.
    #[test]
    fn random_consistent_tables_never_split_wrong(columns in consistent_requests(), mask in proptest::collection::vec(any::<bool>(), 64)) {
        let truth = report_with(&columns);
        let text = to_canonical_text(&truth);
        // A random choice of rows run together, the rest left with their tabs.
        let mut k = 0;
        let lines: Vec<String> = text
            .lines()
            .map(|l| {
                k += 1;
                if mask[k % mask.len()] { run_line(l, &mut 0) } else { l.to_string() }
            })
            .collect();
        let got = import_text(&lines.join("\n"));
        nothing_silently_wrong(&truth, &got, "random table");
    }
}

proptest! {
    // A whole report per case: fewer cases, for the suite's time.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The crawler's form: the whole report on one line, every table row one run of digits
    /// glued to the next row's label ("…3700000372.没有现成信息…"). Never a wrong split.
    #[test]
    fn random_tables_on_one_line_glued_to_the_next_label_never_split_wrong(columns in consistent_requests()) {
        let truth = report_with(&columns);
        let text = to_canonical_text(&truth);
        let mut one_line = String::new();
        let mut in_table = false;
        for l in text.lines() {
            let row = l.contains('\t');
            let l = run_line(l, &mut 0).replace('\t', "");
            // Rows of a table follow each other with nothing between; all else with a blank.
            let glued = row && in_table;
            if !glued && !one_line.is_empty() {
                one_line.push(' ');
            }
            one_line.push_str(l.trim());
            in_table = row;
        }
        let got = import_text(&one_line);
        nothing_silently_wrong(&truth, &got, "random table on one line");
    }
}
