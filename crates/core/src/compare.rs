//! Two years side by side: every cell of tables 二, 三 and 四 and the fee, last year's value,
//! this year's and the change, flagged where a YEAR-CHANGE rule speaks (`nianbao compare`, and
//! the editor's 上年数).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::cell::{format_money, Cell, CellKind};
use crate::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, RequestRow, ReviewGroup, ReviewOutcome,
    Tables,
};
use crate::path::FieldPath;
use crate::rules::year_change;

/// One cell of the comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellChange {
    pub path: FieldPath,
    /// Where the cell is, in words ("表三·自然人·本年新收").
    pub label: String,
    /// The cells as written ("" when empty; the fee with its four decimals when it is a number).
    pub before: String,
    pub now: String,
    /// "+20", "-3", "0" (the fee: "+12.5000"); "" when either side is not a number.
    pub change: String,
    /// The code of the YEAR-CHANGE rule that fires on this cell, if any.
    pub flag: Option<&'static str>,
}

fn shown<K: CellKind>(c: &Cell<K>, money: bool) -> String {
    match (money, c.value()) {
        (true, Some(_)) => c
            .raw()
            .parse::<Decimal>()
            .map_or(c.raw().to_string(), format_money),
        _ => c.raw().to_string(),
    }
}

fn count_change(before: Option<&u64>, now: Option<&u64>) -> String {
    match (before, now) {
        (Some(&b), Some(&n)) if n >= b => {
            if n == b {
                "0".into()
            } else {
                format!("+{}", n - b)
            }
        }
        (Some(&b), Some(&n)) => format!("-{}", b - n),
        _ => String::new(),
    }
}

/// Every cell of `now` beside `before`, in table order.
pub fn compare(now: Tables, before: Tables) -> Vec<CellChange> {
    let flags = year_change::findings(now, before);
    let flag = |p: FieldPath| flags.iter().find(|d| d.paths[0] == p).map(|d| d.code);
    let mut v = Vec::with_capacity(200);
    let mut count = |path: FieldPath, b: &crate::CountCell, n: &crate::CountCell| {
        v.push(CellChange {
            path,
            label: path.label(),
            before: shown(b, false),
            now: shown(n, false),
            change: count_change(b.value(), n.value()),
            flag: flag(path),
        });
    };
    for k in DocumentKind::ALL {
        for c in DocumentColumn::ALL {
            count(
                FieldPath::Document(k, c),
                before.active.documents(k).get(c),
                now.active.documents(k).get(c),
            );
        }
    }
    for k in DecisionKind::ALL {
        count(
            FieldPath::Decision(k),
            before.active.decision(k),
            now.active.decision(k),
        );
    }
    for r in RequestRow::ALL {
        for c in Applicant::ALL {
            count(
                FieldPath::Request(r, c),
                before.requests.get(r, c),
                now.requests.get(r, c),
            );
        }
    }
    for g in ReviewGroup::ALL {
        for o in ReviewOutcome::ALL {
            count(
                FieldPath::Review(g, o),
                before.review.group(g).get(o),
                now.review.group(g).get(o),
            );
        }
    }
    let (b, n) = (&before.active.fee, &now.active.fee);
    let change = match (b.value(), n.value()) {
        (Some(b), Some(n)) => {
            let d = *n - *b;
            let sign = if d > Decimal::ZERO { "+" } else { "" };
            format!("{sign}{}", format_money(d))
        }
        _ => String::new(),
    };
    // The fee sits where the official table has it: after 行政强制, before table 三.
    let at = DocumentKind::ALL.len() * DocumentColumn::ALL.len() + DecisionKind::ALL.len();
    v.insert(
        at,
        CellChange {
            path: FieldPath::Fee,
            label: FieldPath::Fee.label(),
            before: shown(b, true),
            now: shown(n, true),
            change,
            flag: flag(FieldPath::Fee),
        },
    );
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgencyKind, Report};

    #[test]
    fn every_cell_once_with_its_change_and_flag() {
        let mut last = Report::new("某局", AgencyKind::Department, 2023);
        last.apply("active.licensing", "120").expect("edit");
        last.apply("active.fee", "0").expect("edit");
        last.apply("requests.granted.natural_person", "7")
            .expect("edit");
        let mut now = Report::new("某局", AgencyKind::Department, 2024);
        now.apply("active.licensing", "1000").expect("edit");
        now.apply("active.fee", "12.5").expect("edit");
        now.apply("requests.granted.natural_person", "5")
            .expect("edit");
        let rows = compare(now.tables(), last.tables());
        assert_eq!(rows.len(), 6 + 3 + 1 + 175 + 15);
        let row = |p: &str| {
            rows.iter()
                .find(|r| r.path.to_string() == p)
                .expect("row")
                .clone()
        };
        let l = row("active.licensing");
        assert_eq!(
            (l.before.as_str(), l.now.as_str(), l.change.as_str(), l.flag),
            ("120", "1000", "+880", Some("YEAR-CHANGE-FACTOR"))
        );
        let f = row("active.fee");
        assert_eq!(
            (f.before.as_str(), f.now.as_str(), f.change.as_str(), f.flag),
            ("0.0000", "12.5000", "+12.5000", Some("YEAR-CHANGE-FEE"))
        );
        let g = row("requests.granted.natural_person");
        assert_eq!((g.change.as_str(), g.flag), ("-2", None));
        assert_eq!(
            row("review.reconsideration.upheld").change,
            "",
            "both empty"
        );
        assert_eq!(rows[9].path, FieldPath::Fee);
    }
}
