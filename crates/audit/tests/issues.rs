//! 问题清单 over the five seeds: which reports get one, the .docx read back finding by finding, the
//! 问题清单 sheet, and what a desk's decisions leave out.

use std::io::Read;
use std::path::PathBuf;

use calamine::{Reader, Xlsx};
use nianbao_audit::issues::{docx, file_names, issue_list, issue_lists};
use nianbao_audit::{outcome_of, workbook, Decision, DeskState, Row, Seen, Severity};
use nianbao_core::{load_report, CountCell, Report};

fn fixture(i: usize) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/00{i}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(path).expect("read")).expect("fixture loads")
}

/// Seed 001 with a wrong first cell of table 三 (so it has 错误), the others as they are.
fn rows() -> Vec<Row> {
    (0..5)
        .map(|i| {
            let mut r = fixture(i);
            if i == 1 {
                let (row, col, cell) = r.requests.cells().next().expect("a cell");
                let n = cell.count_or_zero() + 1;
                r.requests.set(row, col, CountCell::from_count(n));
            }
            Row {
                file: PathBuf::from(format!("/desk/00{i}.nianbao.json")),
                stamp: None,
                outcome: outcome_of(&r, 0),
            }
        })
        .collect()
}

/// The text of a .docx's body, runs joined, entities undone.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("<w:t") {
        rest = &rest[at..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</w:t>") else {
            break;
        };
        text.push_str(&rest[open_end + 1..close]);
        rest = &rest[close..];
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn each_report_with_errors_or_open_warnings_gets_a_list_that_reads_back() {
    let rows = rows();
    let lists = issue_lists(&rows, |_| None);
    // 003 has nothing to correct; 000, 002, 004 have 警告 without 说明; 001 has 错误.
    let agencies: Vec<&str> = lists.iter().map(|l| l.agency.as_str()).collect();
    assert_eq!(lists.len(), 4, "{agencies:?}");
    assert!(issue_list(&rows[3], None).is_none());
    let names = file_names(&lists);
    assert_eq!(names[1], "潘集区人民政府-问题清单.docx");
    for (list, row) in lists
        .iter()
        .zip(rows.iter().filter(|r| issue_list(r, None).is_some()))
    {
        let bytes = docx(list, 1_733_616_000).expect("docx");
        let text = docx_text(&bytes);
        assert!(
            text.contains(&format!("{}年度报告问题清单", list.agency)),
            "{text}"
        );
        let nianbao_audit::Outcome::Checked { findings, .. } = &row.outcome else {
            panic!("checked");
        };
        for f in findings {
            assert!(
                text.contains(&f.message),
                "{}: {} missing",
                list.agency,
                f.message
            );
            assert!(text.contains(&f.location), "{}", f.location);
            assert!(text.contains(&f.suggestion), "{}", f.suggestion);
        }
    }
    let damaged = &lists[1];
    assert!(damaged.count(Severity::Error) > 0);
    let text = docx_text(&docx(damaged, 0).expect("docx"));
    assert!(
        text.contains("一、错误（必须改正）") && text.contains("错误 "),
        "{text}"
    );

    // The summary workbook's 问题清单 sheet: a row per finding sent, under its header.
    let book = workbook::xlsx_with_issues(&rows, &lists).expect("xlsx");
    let mut xlsx: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book)).expect("opens");
    assert_eq!(xlsx.sheet_names(), vec!["报告", "问题明细", "问题清单"]);
    let sheet = xlsx.worksheet_range("问题清单").expect("sheet");
    let sent: usize = lists.iter().map(|l| l.findings.len()).sum();
    assert_eq!(sheet.height(), sent + 1);
    assert_eq!(
        sheet.get_value((0, 5)).map(|c| c.to_string()),
        Some("问题".to_string())
    );
    assert_eq!(
        sheet.get_value((1, 0)).map(|c| c.to_string()),
        Some(lists[0].agency.clone())
    );
}

#[test]
fn rejected_and_corrected_findings_are_not_sent_and_confirmed_ones_say_so() {
    let rows = rows();
    let seen: Vec<Seen> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Seen {
            name: format!("00{i}.nianbao.json"),
            hash: None,
            row: r,
        })
        .collect();
    let (mut state, _) = DeskState::new().update(&seen);
    // Seed 000 has three 警告: the reviewer rejects all of them, so 000 needs no list.
    let prints: Vec<String> = state.files[0]
        .findings
        .iter()
        .map(|f| f.fingerprint.clone())
        .collect();
    for fp in &prints {
        let why = Decision::Rejected {
            reason: "该局本年只做依申请公开，不设此部分".to_string(),
        };
        state
            .decide("000.nianbao.json", fp, Some(why))
            .expect("decide");
    }
    assert!(issue_list(&rows[0], state.file("000.nianbao.json")).is_none());
    // Seed 001: the first 错误 confirmed, with a remark.
    let first = state.files[1].findings[0].fingerprint.clone();
    state
        .decide("001.nianbao.json", &first, Some(Decision::Confirmed))
        .expect("decide");
    state
        .remark("001.nianbao.json", &first, "请核对原始台账")
        .expect("remark");
    let list = issue_list(&rows[1], state.file("001.nianbao.json")).expect("a list");
    let text = docx_text(&docx(&list, 0).expect("docx"));
    assert!(text.contains("（经审核确认，须改正）"), "{text}");
    assert!(text.contains("审核意见：请核对原始台账"), "{text}");
}

#[test]
fn a_written_explanation_is_carried_as_explained_and_a_fully_explained_report_needs_no_list() {
    let mut r = fixture(0);
    let warnings: Vec<(&'static str, nianbao_core::FieldPath)> = nianbao_core::validate(&r, None)
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| (d.code, d.paths[0]))
        .collect();
    assert_eq!(warnings.len(), 3);
    let (code, field) = warnings[0];
    r.explain(code, field, "本局不承担依申请公开工作，由县政府统一受理。")
        .expect("explain");
    let row = Row {
        file: PathBuf::from("/desk/000.nianbao.json"),
        stamp: None,
        outcome: outcome_of(&r, 0),
    };
    let (state, c) = DeskState::new().update(&[Seen {
        name: "000.nianbao.json".to_string(),
        hash: None,
        row: &row,
    }]);
    assert_eq!(c.reports[0].counts.explained, 1);
    assert_eq!(c.reports[0].counts.new, 2);
    let list = issue_list(&row, state.file("000.nianbao.json")).expect("two open 警告");
    let text = docx_text(&docx(&list, 0).expect("docx"));
    assert!(
        text.contains("单位说明：本局不承担依申请公开工作，由县政府统一受理。"),
        "{text}"
    );
    // All three explained: nothing to send.
    for (code, field) in &warnings[1..] {
        r.explain(code, *field, "确属实际情况。").expect("explain");
    }
    let row = Row {
        outcome: outcome_of(&r, 0),
        ..row
    };
    assert!(issue_list(&row, None).is_none());
}
