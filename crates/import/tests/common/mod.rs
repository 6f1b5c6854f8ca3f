//! What every import test of a damaged form checks: nothing silently wrong.

#![allow(dead_code)]

pub mod score;

use nianbao_core::model::Report;
use nianbao_core::{FieldPath, MoneyCell};
use nianbao_import::{ImportFinding, Imported};

pub const SEEDS: [&str; 5] = [
    "000_729c2b640b2039ad",
    "001_b9be135dcaa820ce",
    "002_3226332806bba431",
    "003_57935d37ad0b2f69",
    "004_d36de9df61e9b66c",
];

pub fn seed(i: usize) -> String {
    let path = format!(
        "{}/../../tests/seeds/{}.txt",
        env!("CARGO_MANIFEST_DIR"),
        SEEDS[i]
    );
    std::fs::read_to_string(path).expect("seed")
}

/// Whether two paths are cells of the same table row (表四 counts as one row: its 15 numbers are
/// one line of the printed table).
fn same_row(a: FieldPath, b: FieldPath) -> bool {
    match (a, b) {
        (FieldPath::Document(k, _), FieldPath::Document(l, _)) => k == l,
        (FieldPath::Request(r, _), FieldPath::Request(s, _)) => r == s,
        (FieldPath::Review(..), FieldPath::Review(..)) => true,
        _ => a == b,
    }
}

/// The label a finding about a whole table would quote for this cell's row.
fn row_label(p: FieldPath) -> Option<&'static str> {
    match p {
        FieldPath::Document(k, _) => Some(k.label()),
        FieldPath::Decision(k) => Some(k.label()),
        FieldPath::Request(r, _) => Some(r.label()),
        _ => None,
    }
}

/// A finding that tells the user to look at this cell: it points at its row, or it is about the
/// cell's table and quotes the row's label.
pub fn names(f: &ImportFinding, cell: FieldPath) -> bool {
    match f.path {
        Some(p) if same_row(p, cell) => true,
        // "表三有 10 行没有找到：2.其他法律行政法规禁止公开、…" points at one row and names all.
        Some(p) if p.section() == cell.section() => {
            row_label(cell).is_some_and(|l| f.reason.contains(l) || f.text.contains(l))
        }
        _ => false,
    }
}

/// Two printings of a cell mean the same: equal text, or for the fee the same amount
/// ("0" and "0.0000").
fn same_value(p: FieldPath, a: &str, b: &str) -> bool {
    a == b
        || p == FieldPath::Fee && {
            let (x, y) = (MoneyCell::new(a), MoneyCell::new(b));
            x.value().is_some() && x.value() == y.value()
        }
}

/// Tallies of one comparison.
#[derive(Debug, Default)]
pub struct Tally {
    /// Cells equal to the truth (blank truth and blank import included).
    pub equal: usize,
    /// Cells the truth fills that were left blank and named.
    pub blank_named: usize,
}

/// Every table cell of `got` equals `truth`'s, or is blank with a finding naming it; panics with
/// every cell that is neither — a number silently wrong, or a blank nobody is told about.
pub fn nothing_silently_wrong(truth: &Report, got: &Imported, what: &str) -> Tally {
    let mut tally = Tally::default();
    let mut wrong = Vec::new();
    for p in FieldPath::all_fields()
        .into_iter()
        .filter(|p| p.is_table_cell())
    {
        let want = truth.text_at(p).unwrap_or_default();
        let have = got.report.text_at(p).unwrap_or_default();
        if same_value(p, &want, &have) {
            tally.equal += 1;
        } else if have.is_empty() && got.findings.iter().any(|f| names(f, p)) {
            tally.blank_named += 1;
        } else {
            wrong.push(format!("{p}: truth “{want}”, imported “{have}”"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{what}: {} cells silently wrong:\n{}\nfindings:\n{}",
        wrong.len(),
        wrong.join("\n"),
        got.findings
            .iter()
            .map(|f| format!("{}: {} [{:?}]", f.line, f.reason, f.path))
            .collect::<Vec<_>>()
            .join("\n")
    );
    tally
}

/// Every text field (agency, year, the parts of 一, 五, 六; not the printed title) equal after
/// whitespace is folded.
/// Nothing of the tables was left over or guessed: no note mentions a table.
pub fn no_notes_about_tables(got: &Imported) {
    let about_tables: Vec<_> = got
        .findings
        .iter()
        .filter(|f| f.reason.contains('表'))
        .collect();
    assert!(about_tables.is_empty(), "{about_tables:#?}");
}

pub fn same_text(truth: &Report, got: &Report, what: &str) {
    let fold = |s: Option<String>| s.unwrap_or_default().split_whitespace().collect::<String>();
    for p in FieldPath::all_fields()
        .into_iter()
        // The title as printed may differ in blanks: compared apart, by those who care.
        .filter(|p| !p.is_table_cell() && *p != FieldPath::Title)
    {
        assert_eq!(fold(truth.text_at(p)), fold(got.text_at(p)), "{what}: {p}");
    }
}
