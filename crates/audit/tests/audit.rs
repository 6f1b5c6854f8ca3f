//! The engine over the five seeds: rows and counts, the workbook read back, CSV, 刷新 and 汇总.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use calamine::{Data, Reader, Xlsx};
use nianbao_audit::{
    changed, check_file, collect, run, sum, workbook, AuditError, Finding, Outcome, Row, Severity,
    SumOptions, Tally,
};
use nianbao_core::model::AgencyKind;
use nianbao_core::{load_report, validate, Report};

fn repo(path: &str) -> PathBuf {
    PathBuf::from(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR")))
}

fn fixture(i: usize) -> Report {
    load_report(&std::fs::read(repo(&format!("tests/fixtures/00{i}.nianbao.json"))).expect("read"))
        .expect("fixture loads")
}

/// A report whose table 三 no longer adds up: its first cell is one more than it said.
fn damaged(mut r: Report) -> Report {
    let (row, col, cell) = r.requests.cells().next().expect("a cell");
    let bumped = nianbao_core::CountCell::from_count(cell.count_or_zero() + 1);
    r.requests.set(row, col, bumped);
    r
}

/// The five fixtures (seed 001's table 三 damaged, so that there are 错误 to find) and a broken
/// file in a folder; returns the folder.
fn folder_of_six() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..5 {
        let r = if i == 1 {
            damaged(fixture(i))
        } else {
            fixture(i)
        };
        std::fs::write(
            dir.path().join(format!("00{i}.nianbao.json")),
            nianbao_core::save_report(&r),
        )
        .expect("write");
    }
    std::fs::write(
        dir.path().join("坏文件.nianbao.json"),
        b"{\"meta\": {\"agency\": ",
    )
    .expect("write");
    // Not a report: a folder of reports also holds other things.
    std::fs::write(dir.path().join("说明.xlsx"), b"PK").expect("write");
    dir
}

fn check_all(files: &[PathBuf]) -> Vec<Row> {
    let mut rows: Vec<Option<Row>> = vec![None; files.len()];
    let never = AtomicBool::new(false);
    run(files, &never, |i, r| rows[i] = Some(r)).expect("not cancelled");
    rows.into_iter()
        .map(|r| r.expect("every file has a row"))
        .collect()
}

#[test]
fn a_folder_of_five_reports_and_a_broken_file_gives_six_rows_with_the_validators_counts() {
    let dir = folder_of_six();
    let (files, problems) = collect(&[dir.path().to_path_buf()]);
    assert!(problems.is_empty());
    assert_eq!(files.len(), 6, "{files:?}");
    let rows = check_all(&files);
    for (i, row) in rows.iter().take(5).enumerate() {
        let want = if i == 1 {
            damaged(fixture(i))
        } else {
            fixture(i)
        };
        let diags = validate(&want, None);
        let Outcome::Checked {
            agency,
            year,
            tally,
            first_error,
            findings,
            ..
        } = &row.outcome
        else {
            panic!("seed {i} unreadable: {:?}", row.outcome);
        };
        assert_eq!(agency, want.meta.agency.trim());
        assert_eq!(*year, want.meta.year());
        assert_eq!(*tally, Tally::of(&diags));
        assert_eq!(findings.len(), diags.len());
        // Worst first.
        assert!(findings.windows(2).all(|w| w[0].severity <= w[1].severity));
        let first = diags.iter().find(|d| d.severity == Severity::Error);
        assert_eq!(first_error.is_some(), first.is_some(), "seed {i}");
        if let (Some(words), Some(d)) = (first_error, first) {
            assert!(words.contains(&d.message), "{words}");
        }
        assert!(row.stamp.is_some());
    }
    let broken = &rows[5];
    assert!(broken.file.ends_with("坏文件.nianbao.json"));
    match &broken.outcome {
        Outcome::Unreadable { reason } => assert!(!reason.is_empty() && !reason.is_ascii()),
        other => panic!("the broken file was read: {other:?}"),
    }
    // The damaged seed has its 错误 found: a check that finds nothing anywhere proves nothing.
    assert!(rows[1].tally().expect("read").errors > 0);
}

#[test]
fn raw_seed_text_is_imported_and_checked_like_the_saved_report() {
    let seeds: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = std::fs::read_dir(repo("tests/seeds"))
            .expect("seeds")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        v.sort();
        v
    };
    assert_eq!(seeds.len(), 5);
    for (i, row) in check_all(&seeds).iter().enumerate() {
        let want = fixture(i);
        match &row.outcome {
            Outcome::Checked {
                agency,
                year,
                tally,
                ..
            } => {
                assert_eq!(agency, want.meta.agency.trim(), "seed {i}");
                assert_eq!(*year, want.meta.year(), "seed {i}");
                assert_eq!(*tally, Tally::of(&validate(&want, None)), "seed {i}");
            }
            other => panic!("seed {i}: {other:?}"),
        }
    }
}

#[test]
fn the_workbook_read_back_holds_every_row_and_every_finding_with_the_header_frozen() {
    let dir = folder_of_six();
    let (files, _) = collect(&[dir.path().to_path_buf()]);
    let rows = check_all(&files);
    let bytes = workbook::xlsx(&rows).expect("workbook");
    let path = dir.path().join("审核表.xlsx");
    std::fs::write(&path, &bytes).expect("write");

    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("calamine opens it");
    assert_eq!(
        book.sheet_names(),
        vec!["报告".to_string(), "问题明细".to_string()]
    );
    let reports = book.worksheet_range("报告").expect("报告");
    let grid: Vec<Vec<Data>> = reports.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(grid.len(), 7, "a header and six rows");
    assert_eq!(grid[0][1], Data::String("单位".into()));
    for (row, line) in rows.iter().zip(&grid[1..]) {
        assert_eq!(line[0], Data::String(row.file.display().to_string()));
        match &row.outcome {
            Outcome::Checked {
                agency,
                year,
                tally,
                first_error,
                ..
            } => {
                assert_eq!(line[1], Data::String(agency.clone()));
                assert_eq!(line[2], Data::Float(year.expect("year") as f64));
                assert_eq!(line[4], Data::Float(tally.errors as f64));
                assert_eq!(line[5], Data::Float(tally.warnings as f64));
                assert_eq!(line[6], Data::Float(tally.infos as f64));
                match first_error {
                    Some(e) => assert_eq!(line[7], Data::String(e.clone())),
                    None => assert_eq!(line[7], Data::Empty),
                }
            }
            Outcome::Unreadable { reason } => {
                assert_eq!(line[7], Data::String(format!("无法读取：{reason}")));
            }
        }
    }
    let details = book.worksheet_range("问题明细").expect("问题明细");
    let all: Vec<&Finding> = rows
        .iter()
        .flat_map(|r| match &r.outcome {
            Outcome::Checked { findings, .. } => findings.iter().collect(),
            Outcome::Unreadable { .. } => Vec::new(),
        })
        .collect();
    assert_eq!(details.rows().count(), all.len() + 1);
    for (f, line) in all.iter().zip(details.rows().skip(1)) {
        assert_eq!(line[2], Data::String(f.location.clone()));
        assert_eq!(line[3], Data::String(f.severity.label().into()));
        assert_eq!(line[4], Data::String(f.code.into()));
        assert_eq!(line[5], Data::String(f.message.clone()));
        // An empty 单位说明 is an empty cell.
        match &f.explanation {
            Some(e) => assert_eq!(line[7], Data::String(e.clone()), "单位说明"),
            None => {
                assert!(matches!(&line[7], Data::Empty) || line[7] == Data::String(String::new()))
            }
        }
        assert_eq!(line[6], Data::String(f.suggestion.clone()));
    }

    // Frozen header, autofilter and set widths, in the sheets' own XML.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    for n in 1..=2 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name(&format!("xl/worksheets/sheet{n}.xml"))
                .expect("sheet"),
            &mut xml,
        )
        .expect("xml");
        assert!(xml.contains("state=\"frozen\""), "sheet {n} frozen");
        assert!(xml.contains("<autoFilter"), "sheet {n} autofilter");
        assert!(xml.contains("customWidth=\"1\""), "sheet {n} widths");
    }
}

fn row_with(message: &str, agency: &str) -> Row {
    Row {
        file: PathBuf::from("/报告/甲,乙.nianbao.json"),
        stamp: None,
        outcome: Outcome::Checked {
            agency: agency.to_string(),
            title: String::new(),
            year: Some(2023),
            kind: "政府部门".to_string(),
            tally: Tally {
                errors: 1,
                warnings: 0,
                infos: 0,
                explained: 0,
            },
            first_error: Some(message.to_string()),
            figures: Default::default(),
            findings: vec![Finding {
                explanation: None,
                location: "表三·合计·本年新收".to_string(),
                severity: Severity::Error,
                code: "R301",
                message: message.to_string(),
                suggestion: "=改为 5".to_string(),
            }],
            import_notes: 0,
        },
    }
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_and_opens_in_excel_as_utf8() {
    let rows = vec![row_with("合计应为 5，写的是\"6\",\n请改正", "某局")];
    let reports = workbook::reports_csv(&rows);
    assert!(reports.starts_with('\u{feff}'));
    assert_eq!(
        reports,
        "\u{feff}文件,单位,年度,类型,错误,警告,提示,主要问题（或无法读取的原因）\r\n\
         \"/报告/甲,乙.nianbao.json\",某局,2023,政府部门,1,0,0,\"合计应为 5，写的是\"\"6\"\",\n请改正\"\r\n"
    );
    let details = workbook::findings_csv(&rows);
    assert!(
        details.ends_with(",某局,表三·合计·本年新收,错误,R301,\"合计应为 5，写的是\"\"6\"\",\n请改正\",'=改为 5,\r\n"),
        "{details}"
    );
}

#[test]
fn a_written_explanation_is_the_last_column_of_the_findings_sheet() {
    let mut row = row_with(
        "“六、其他需要报告的事项”没有说明信息处理费的收取情况。",
        "某局",
    );
    if let Outcome::Checked { findings, .. } = &mut row.outcome {
        findings[0].severity = Severity::Warning;
        findings[0].explanation = Some("本机关不收取信息处理费".to_string());
    }
    let details = workbook::findings_csv(&[row]);
    assert!(
        details.starts_with("\u{feff}文件,单位,位置,级别,代码,说明,建议,单位说明\r\n"),
        "{details}"
    );
    assert!(
        details.ends_with(",本机关不收取信息处理费\r\n"),
        "{details}"
    );
}

#[test]
fn refresh_finds_the_one_file_that_changed_and_the_one_that_went() {
    let dir = folder_of_six();
    let (files, _) = collect(&[dir.path().to_path_buf()]);
    let rows: Vec<Row> = files.iter().map(|f| check_file(f)).collect();
    assert!(changed(&rows).is_empty());
    // A department sends a corrected file: same name, other content.
    let mut fixed = std::fs::read(&files[2]).expect("read");
    fixed.extend_from_slice(b"\n");
    std::fs::write(&files[2], fixed).expect("write");
    std::fs::remove_file(&files[4]).expect("remove");
    assert_eq!(changed(&rows), vec![2, 4]);
    let again = check_file(&files[4]);
    assert!(matches!(again.outcome, Outcome::Unreadable { .. }));
    assert!(again.stamp.is_none());
}

/// The seeds in `dir` as reports of `year` (they come from 2021–2023), and the reports.
fn seeds_as_year(dir: &Path, year: u64) -> Vec<Report> {
    seeds_as_year_damaged(dir, year, &[])
}

/// [`seeds_as_year`] with the seeds in `damage` made not to add up.
fn seeds_as_year_damaged(dir: &Path, year: u64, damage: &[usize]) -> Vec<Report> {
    (0..5)
        .map(|i| {
            let mut v: serde_json::Value = serde_json::from_slice(
                &std::fs::read(repo(&format!("tests/fixtures/00{i}.nianbao.json"))).expect("read"),
            )
            .expect("json");
            v["meta"]["year"] = serde_json::Value::String(year.to_string());
            let mut r = load_report(&serde_json::to_vec(&v).expect("json")).expect("loads");
            if damage.contains(&i) {
                r = damaged(r);
            }
            std::fs::write(
                dir.join(format!("seed{i}.nianbao.json")),
                nianbao_core::save_report(&r),
            )
            .expect("write");
            r
        })
        .collect()
}

fn options(include_flagged: bool) -> SumOptions {
    SumOptions {
        year: 2023,
        agency: "测试市人民政府".to_string(),
        kind: AgencyKind::PeoplesGovernment,
        include_flagged,
    }
}

#[test]
fn the_sum_is_the_column_sums_and_another_year_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = seeds_as_year(dir.path(), 2023);
    let mut other = inputs[0].clone();
    other.meta.year = nianbao_core::CountCell::new("2022");
    std::fs::write(
        dir.path().join("去年的.nianbao.json"),
        nianbao_core::save_report(&other),
    )
    .expect("write");
    let never = AtomicBool::new(false);
    let out = sum(&[dir.path().to_path_buf()], &options(true), &never).expect("sums");
    assert_eq!(out.counted.len(), 5);
    for (row, col, cell) in out.report.requests.cells() {
        let want: u64 = inputs
            .iter()
            .map(|r| r.requests.get(row, col).count_or_zero())
            .sum();
        assert_eq!(cell.count_or_zero(), want, "三 {row:?} {}", col.key());
    }
    let fee: rust_decimal::Decimal = inputs
        .iter()
        .filter_map(|r| r.active.fee.value().copied())
        .sum();
    assert_eq!(
        out.report.active.fee.value().copied().unwrap_or_default(),
        fee
    );
    assert_eq!(out.refused.len(), 1);
    assert!(out.refused[0].0.ends_with("去年的.nianbao.json"));
    assert!(
        out.refused[0].1.contains("这是 2022 年的报告"),
        "{}",
        out.refused[0].1
    );
    let note = out.note();
    assert!(note.contains("已汇总 5 份"), "{note}");
    assert!(
        note.contains("去年的.nianbao.json：这是 2022 年的报告"),
        "{note}"
    );
}

#[test]
fn reports_with_table_errors_are_counted_or_left_out_as_the_user_chooses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = seeds_as_year_damaged(dir.path(), 2023, &[1, 3]);
    let never = AtomicBool::new(false);
    let with = sum(&[dir.path().to_path_buf()], &options(true), &never).expect("sums");
    let without = sum(&[dir.path().to_path_buf()], &options(false), &never).expect("sums");
    let flagged = inputs
        .iter()
        .filter(|r| nianbao_audit::table_errors(&validate(r, None)) > 0)
        .count();
    assert_eq!(flagged, 2);
    assert_eq!(with.flagged.len(), flagged);
    assert_eq!(without.flagged.len(), flagged);
    assert_eq!(with.counted.len(), 5);
    assert_eq!(without.counted.len(), 5 - flagged);
    assert!(without.note().contains("表格有错误、未计入的"));
    assert!(with.note().contains("已计入但表格本身有错误的"));
    let clean: Vec<&Report> = inputs
        .iter()
        .filter(|r| nianbao_audit::table_errors(&validate(r, None)) == 0)
        .collect();
    for (row, col, cell) in without.report.requests.cells() {
        let want: u64 = clean
            .iter()
            .map(|r| r.requests.get(row, col).count_or_zero())
            .sum();
        assert_eq!(cell.count_or_zero(), want);
    }
}

#[test]
fn nothing_to_sum_is_said_in_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeds_as_year(dir.path(), 2021);
    let never = AtomicBool::new(false);
    match sum(&[dir.path().to_path_buf()], &options(true), &never) {
        Err(e @ AuditError::NothingToSum { .. }) => assert!(e.to_string().contains("2023")),
        other => panic!("{:?}", other.map(|o| o.counted)),
    }
}
