//! Scoring an import against a report's cells decoded by hand (`NAME.expected.json`): shared by
//! the test of the real published reports and `examples/score.rs`, which scores any folder.

#![allow(dead_code)]

use std::str::FromStr;

use nianbao_core::{FieldPath, MoneyCell};
use nianbao_import::{ImportFinding, Imported};

/// How one decoded cell came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Right,
    /// A different value, but a finding points the user at it.
    WrongNamed,
    /// A different value and no word about it: the worst bug an importer can have.
    WrongSilent,
    BlankNamed,
    BlankSilent,
}

#[derive(Debug, Default)]
pub struct Score {
    pub right: usize,
    pub wrong_named: usize,
    pub wrong_silent: usize,
    pub blank_named: usize,
    pub blank_silent: usize,
    /// Every cell not right: its path, the decoded value and the imported one.
    pub misses: Vec<(FieldPath, String, String, Verdict)>,
}

impl Score {
    pub fn cells(&self) -> usize {
        self.right + self.wrong_named + self.wrong_silent + self.blank_named + self.blank_silent
    }
}

/// The decoded cells of an expected JSON: every string leaf under `requests`, `review` and
/// `active`, by its field path ("requests.granted.total").
/// A fixture of `tests/import/{folder}` and its cells decoded by hand
/// (`{folder}/expected/{name}.expected.json`).
pub fn case(folder: &str, name: &str) -> (Vec<u8>, serde_json::Value) {
    let dir = format!("{}/../../tests/import/{folder}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(format!("{dir}/{name}")).expect("fixture");
    let expected = serde_json::from_slice(
        &std::fs::read(format!("{dir}/expected/{name}.expected.json")).expect("expected"),
    )
    .expect("expected JSON");
    (bytes, expected)
}

pub fn decoded_cells(expected: &serde_json::Value) -> Result<Vec<(FieldPath, String)>, String> {
    fn walk(
        prefix: &str,
        v: &serde_json::Value,
        out: &mut Vec<(FieldPath, String)>,
    ) -> Result<(), String> {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    walk(&format!("{prefix}.{k}"), v, out)?;
                }
                Ok(())
            }
            serde_json::Value::String(s) => {
                let p = FieldPath::from_str(prefix).map_err(|e| format!("{prefix}: {e}"))?;
                out.push((p, s.clone()));
                Ok(())
            }
            other => Err(format!("{prefix}: not a string but {other}")),
        }
    }
    let mut out = Vec::new();
    for table in ["requests", "review", "active"] {
        if let Some(v) = expected.get(table) {
            walk(table, v, &mut out)?;
        }
    }
    Ok(out)
}

/// Whether a finding tells the user to look at this cell: it points at the cell's row (表四
/// counts as one row), or at the cell's table and quotes the row's label.
pub fn names(f: &ImportFinding, cell: FieldPath) -> bool {
    let same_row = |a: FieldPath| match (a, cell) {
        (FieldPath::Document(k, _), FieldPath::Document(l, _)) => k == l,
        (FieldPath::Request(r, _), FieldPath::Request(s, _)) => r == s,
        (FieldPath::Review(..), FieldPath::Review(..)) => true,
        _ => a == cell,
    };
    let label = match cell {
        FieldPath::Document(k, _) => Some(k.label()),
        FieldPath::Decision(k) => Some(k.label()),
        FieldPath::Request(r, _) => Some(r.label()),
        FieldPath::Fee => Some("行政事业性收费"),
        _ => None,
    };
    match f.path {
        Some(p) if same_row(p) => true,
        Some(p) if p.section() == cell.section() => {
            label.is_some_and(|l| f.reason.contains(l) || f.text.contains(l))
        }
        _ => false,
    }
}

/// Two printings of a cell mean the same: equal text once blanks are folded, or for the fee the
/// same amount ("0" and "0.0000").
fn same_value(p: FieldPath, want: &str, have: &str) -> bool {
    let fold = |s: &str| s.split_whitespace().collect::<String>();
    fold(want) == fold(have)
        || p == FieldPath::Fee && {
            let (x, y) = (MoneyCell::new(want), MoneyCell::new(have));
            x.value().is_some() && x.value() == y.value()
        }
}

pub fn score(got: &Imported, decoded: &[(FieldPath, String)]) -> Score {
    let mut s = Score::default();
    for (p, want) in decoded {
        let have = got.report.text_at(*p).unwrap_or_default();
        let named = || got.findings.iter().any(|f| names(f, *p));
        let verdict = if same_value(*p, want, &have) {
            Verdict::Right
        } else if have.trim().is_empty() {
            if named() {
                Verdict::BlankNamed
            } else {
                Verdict::BlankSilent
            }
        } else if named() {
            Verdict::WrongNamed
        } else {
            Verdict::WrongSilent
        };
        match verdict {
            Verdict::Right => s.right += 1,
            Verdict::WrongNamed => s.wrong_named += 1,
            Verdict::WrongSilent => s.wrong_silent += 1,
            Verdict::BlankNamed => s.blank_named += 1,
            Verdict::BlankSilent => s.blank_silent += 1,
        }
        if verdict != Verdict::Right {
            s.misses.push((*p, want.clone(), have, verdict));
        }
    }
    s
}

/// Which of the six sections came in with text (一 to 六), as the user would look for them: a
/// narrative section has text, a table section was found.
pub fn sections_with_text(got: &Imported) -> [bool; 6] {
    use nianbao_core::model::Section;
    let found = |s: Section| {
        !got.findings.iter().any(|f| {
            f.line == 0 && f.path == Some(FieldPath::Section(s)) && f.reason.contains("没有找到")
        })
    };
    let r = &got.report;
    let overview = !r.overview.intro.trim().is_empty()
        || nianbao_core::model::PartKind::ALL.iter().any(|k| {
            r.overview
                .part(*k)
                .is_some_and(|p| !p.text.trim().is_empty())
        });
    [
        overview,
        found(Section::Active),
        found(Section::Requests),
        found(Section::Review),
        found(Section::Problems) && !r.problems.trim().is_empty(),
        found(Section::Other) && !r.other.trim().is_empty(),
    ]
}
