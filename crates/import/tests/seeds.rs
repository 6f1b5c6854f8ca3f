//! Every seed imports to exactly its hand-made fixture; every fixture survives the canonical
//! text round trip; web-page copies lose nothing.

use nianbao_core::{load_report, Report};
use nianbao_import::{import_text, to_canonical_text, ImportFinding};

const SEEDS: [&str; 5] = [
    "000_729c2b640b2039ad",
    "001_b9be135dcaa820ce",
    "002_3226332806bba431",
    "003_57935d37ad0b2f69",
    "004_d36de9df61e9b66c",
];

fn seed(i: usize) -> String {
    let path = format!(
        "{}/../../tests/seeds/{}.txt",
        env!("CARGO_MANIFEST_DIR"),
        SEEDS[i]
    );
    std::fs::read_to_string(path).expect("seed")
}

fn fixture(i: usize) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/00{i}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(path).expect("fixture")).expect("loads")
}

fn reasons(f: &[ImportFinding]) -> Vec<String> {
    f.iter()
        .map(|f| format!("{}: {}", f.line, f.reason))
        .collect()
}

#[test]
fn every_seed_imports_to_its_fixture() {
    for i in 0..5 {
        let imported = import_text(&seed(i));
        let want = fixture(i);
        let got = &imported.report;
        assert_eq!(got.meta, want.meta, "seed {i} meta");
        assert_eq!(got.overview, want.overview, "seed {i} 一");
        assert_eq!(got.active, want.active, "seed {i} 二");
        for (row, col, cell) in want.requests.cells() {
            assert_eq!(
                got.requests.get(row, col),
                cell,
                "seed {i} 三 {row} {}",
                col.key()
            );
        }
        assert_eq!(got.review, want.review, "seed {i} 四");
        assert_eq!(got.problems, want.problems, "seed {i} 五");
        assert_eq!(got.other, want.other, "seed {i} 六");
        assert_eq!(got, &want, "seed {i}");
    }
}

#[test]
fn findings_name_what_was_odd() {
    // 000 prints eight numbers on the 不予公开…其他处理 rows.
    let f = reasons(&import_text(&seed(0)).findings);
    assert!(
        f.iter()
            .any(|r| r.contains("有 8 个数字（应有 7 个），已取最后 7 个")),
        "{f:#?}"
    );
    // 002 prints 一、总体情况 twice.
    let f = reasons(&import_text(&seed(2)).findings);
    assert!(
        f.iter()
            .any(|r| r.contains("标题“一、总体情况”出现了第二次")),
        "{f:#?}"
    );
    // 004's 无法提供 row has six numbers.
    let f = reasons(&import_text(&seed(4)).findings);
    assert!(f.iter().any(|r| r.contains("只找到 6 个数字")), "{f:#?}");
    // 003 is clean.
    assert_eq!(
        reasons(&import_text(&seed(3)).findings),
        Vec::<String>::new()
    );
}

#[test]
fn canonical_text_round_trips_every_fixture() {
    for i in 0..5 {
        let r = fixture(i);
        let text = to_canonical_text(&r);
        let back = import_text(&text);
        assert_eq!(back.report, r, "fixture {i}:\n{text}");
    }
}

#[test]
fn a_web_page_copy_loses_nothing() {
    // What a browser gives when the table is copied: tabs turned into runs of spaces or
    // non-breaking spaces, full-width digits, ideographic spaces, Windows line ends.
    let original = seed(3);
    let copied: String = original
        .lines()
        .map(|l| {
            let l = l
                .replace('\t', "\u{a0} ")
                .replace("1", "１")
                .replace("5", "５");
            format!("\u{3000}{l}  \r\n")
        })
        .collect();
    let imported = import_text(&copied);
    let want = fixture(3);
    for (row, col, cell) in want.requests.cells() {
        assert_eq!(
            imported.report.requests.get(row, col).value(),
            cell.value(),
            "三 {row} {}",
            col.key()
        );
    }
    assert_eq!(imported.report.review, want.review);
    assert_eq!(imported.report.active.fee.value(), want.active.fee.value());
    assert_eq!(imported.report.meta.year(), Some(2023));
    assert_eq!(imported.report.meta.agency, "孟州市人民政府");
}

#[test]
fn a_row_that_lost_a_number_is_named_even_with_its_trailing_tab() {
    // Seed 003's 予以公开 row with one 0 lost; its line still ends with a tab. The blank after
    // that tab is no cell: reading it as a blank 总计 would put 48 under 社会公益组织 silently.
    let text = seed(3).replace(
        "(一) 予以公开\t53\t0\t0\t0\t48\t0\t101\t",
        "(一) 予以公开\t53\t0\t0\t48\t0\t101\t",
    );
    assert_ne!(text, seed(3), "the row is in the seed as written here");
    let imported = import_text(&text);
    let named: Vec<&ImportFinding> = imported
        .findings
        .iter()
        .filter(|f| {
            f.path
                == Some(nianbao_core::FieldPath::Request(
                    nianbao_core::model::RequestRow::Granted,
                    nianbao_core::model::Applicant::NaturalPerson,
                ))
        })
        .collect();
    assert_eq!(named.len(), 1, "{:#?}", imported.findings);
    assert!(
        named[0].reason.contains("只找到 6 个数字"),
        "{}",
        named[0].reason
    );
}
