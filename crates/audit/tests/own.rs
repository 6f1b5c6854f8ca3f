//! SUM-MISMATCH, SUM-NO-REPORT and the peers' 提示 over the seeds.

use nianbao_audit::own::{check_own, peer_findings, Figures, Named};
use nianbao_core::model::{AgencyKind, Applicant, RequestRow};
use nianbao_core::sum::Summer;
use nianbao_core::{load_report, CountCell, FieldPath, Report, Severity};

fn fixture(i: usize, year: u64) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/00{i}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut r = load_report(&std::fs::read(path).expect("read")).expect("fixture loads");
    r.meta.year = CountCell::from_count(year);
    r
}

fn summed(parts: &[&Report], year: u64) -> Report {
    let mut s = Summer::new(year);
    for p in parts {
        s.add(p).expect("added");
    }
    let mut r = s.finish("测试县人民政府", AgencyKind::PeoplesGovernment);
    r.meta.year = CountCell::from_count(year);
    r
}

#[test]
fn the_own_report_one_cell_off_names_exactly_that_cell_with_both_numbers() {
    let parts: Vec<Report> = (0..4).map(|i| fixture(i, 2023)).collect();
    let refs: Vec<&Report> = parts.iter().collect();
    let mut own = summed(&refs, 2023);
    let named: Vec<Named> = parts
        .iter()
        .enumerate()
        .map(|(i, r)| Named {
            name: ["a", "b", "c", "d"][i],
            report: r,
        })
        .collect();
    let me = |own: &Report| -> Vec<nianbao_core::Diagnostic> {
        check_own(
            Named {
                name: "own",
                report: own,
            },
            &named,
            None,
        )
        .findings
    };
    assert!(me(&own).is_empty(), "{:?}", me(&own));
    let cell = FieldPath::Request(RequestRow::Granted, Applicant::NaturalPerson);
    let was = own
        .requests
        .get(RequestRow::Granted, Applicant::NaturalPerson)
        .count_or_zero();
    own.requests.set(
        RequestRow::Granted,
        Applicant::NaturalPerson,
        CountCell::from_count(was + 1),
    );
    let found = me(&own);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "SUM-MISMATCH");
    assert_eq!(found[0].paths, vec![cell]);
    assert_eq!(
        found[0].message,
        format!(
            "本级汇总报告是 {}，4 份部门报告之和是 {was}（相差 1）。",
            was + 1
        )
    );
    let check = check_own(
        Named {
            name: "own",
            report: &own,
        },
        &named,
        None,
    );
    assert_eq!(check.counted, vec!["a", "b", "c", "d"]);
}

#[test]
fn the_office_is_added_when_asked_and_a_department_of_another_year_is_missing() {
    let parts: Vec<Report> = (0..4).map(|i| fixture(i, 2023)).collect();
    let mut office = scaled(2);
    office.meta.agency = "测试县人民政府办公室".to_string();
    let mut refs: Vec<&Report> = parts.iter().collect();
    refs.push(&office);
    let own = summed(&refs, 2023);
    // Seed 000's department also has a 2022 report; seed 004's department only one of 2022.
    let old_000 = fixture(0, 2022);
    let old_004 = fixture(4, 2022);
    let names = ["a", "b", "c", "d", "a-2022", "e-2022"];
    let reports: Vec<&Report> = parts.iter().chain([&old_000, &old_004]).collect();
    let named: Vec<Named> = reports
        .iter()
        .zip(names)
        .map(|(r, name)| Named { name, report: r })
        .collect();
    let own_named = Named {
        name: "own",
        report: &own,
    };
    let without = check_own(own_named, &named, None);
    let mismatches = without
        .findings
        .iter()
        .filter(|d| d.code == "SUM-MISMATCH")
        .count();
    assert!(
        mismatches > 0,
        "the office's figures are missing from the sum"
    );
    let with = check_own(
        own_named,
        &named,
        Some(Named {
            name: "office",
            report: &office,
        }),
    );
    let codes: Vec<&str> = with.findings.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["SUM-NO-REPORT"], "{:?}", with.findings);
    assert_eq!(with.counted.len(), 5);
    let agency = old_004.meta.agency.trim();
    assert_eq!(
        with.findings[0].message,
        format!("“{agency}”有 2022 年度的报告，没有 2023 年度的报告，本级汇总中没有计入它。")
    );
}

fn scaled(k: u64) -> Report {
    let mut r = fixture(3, 2023);
    let cells: Vec<(RequestRow, Applicant, u64)> = r
        .requests
        .cells()
        .map(|(row, col, c)| (row, col, c.count_or_zero()))
        .collect();
    for (row, col, n) in cells {
        r.requests.set(row, col, CountCell::from_count(n * k));
    }
    r
}

#[test]
fn peers_give_a_hint_for_a_zero_and_an_outlying_rate_never_a_warning() {
    let mut batch: Vec<Report> = (1..=12).map(scaled).collect();
    // One report says it received nothing; another granted none of what it handled.
    for col in Applicant::ALL {
        for row in RequestRow::ALL {
            batch[0].requests.set(row, col, CountCell::from_count(0));
        }
    }
    batch[5].requests.set(
        RequestRow::Granted,
        Applicant::Total,
        CountCell::from_count(0),
    );
    let figures: Vec<Figures> = batch.iter().map(Figures::of).collect();
    let found = peer_findings(&figures);
    assert!(found.iter().flatten().all(|d| d.severity == Severity::Info));
    let codes = |i: usize| found[i].iter().map(|d| d.code).collect::<Vec<_>>();
    assert_eq!(codes(0), vec!["PEER-ZERO", "PEER-ZERO"], "{:?}", found[0]);
    assert_eq!(
        found[0][0].paths,
        vec![FieldPath::Request(
            RequestRow::NewReceived,
            Applicant::Total
        )]
    );
    assert_eq!(codes(5), vec!["PEER-RATE"], "{:?}", found[5]);
    assert!(
        found[5][0].message.starts_with("实质公开率"),
        "{}",
        found[5][0].message
    );
    assert!(
        found[5][0].message.contains("0.0%"),
        "{}",
        found[5][0].message
    );
    for (i, f) in found.iter().enumerate() {
        if i != 0 && i != 5 {
            assert!(f.is_empty(), "report {i}: {f:?}");
        }
    }
    // Nine are not a batch.
    assert!(peer_findings(&figures[..9]).iter().all(Vec::is_empty));
}
