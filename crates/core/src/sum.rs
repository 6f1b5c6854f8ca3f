//! 汇总: adding many agencies' tables 二, 三 and 四 cell by cell into one report.
//!
//! Every cell is added as the report states it, totals included, so that the sum says exactly
//! what its inputs say; an input whose own totals are wrong makes the sum's totals wrong in the
//! same way, and the validator points at it. Amounts are added exactly in `Decimal`.

use rust_decimal::Decimal;

use crate::cell::{format_money, CountCell, MoneyCell, Parsed};
use crate::model::{
    AgencyKind, Applicant, DecisionKind, DocumentColumn, DocumentKind, Report, RequestRow,
    ReviewGroup, ReviewOutcome,
};
use crate::path::FieldPath;

/// Why one report was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The report is for another year than the sum.
    OtherYear { found: Option<u64>, wanted: u64 },
    /// Cells that do not hold a number; adding them as 0 would hide a real figure.
    UnreadableCells(Vec<FieldPath>),
}

impl Refusal {
    /// A Chinese sentence for the user.
    pub fn message(&self) -> String {
        match self {
            Refusal::OtherYear {
                found: Some(y),
                wanted,
            } => format!("这是 {y} 年的报告，汇总的是 {wanted} 年，未计入。"),
            Refusal::OtherYear {
                found: None,
                wanted,
            } => {
                format!("报告没有有效的年度，无法确认是 {wanted} 年的报告，未计入。")
            }
            Refusal::UnreadableCells(paths) => {
                let shown: Vec<String> = paths.iter().take(3).map(|p| p.label()).collect();
                format!(
                    "有 {} 个格子不是数字（{}{}），未计入；请先改正该报告。",
                    paths.len(),
                    shown.join("、"),
                    if paths.len() > 3 { "等" } else { "" }
                )
            }
        }
    }
}

/// What adding a report found that the user should know, though the report was added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// Empty cells, counted as 0.
    pub empty_cells: usize,
}

/// A running sum. Holds only numbers, so memory stays flat however many reports are added.
#[derive(Clone, Debug)]
pub struct Summer {
    year: u64,
    requests: [[u64; 7]; 25],
    review: [[u64; 5]; 3],
    documents: [[u64; 3]; 2],
    decisions: [u64; 3],
    fee: Decimal,
    count: usize,
}

impl Summer {
    pub fn new(year: u64) -> Summer {
        Summer {
            year,
            requests: [[0; 7]; 25],
            review: [[0; 5]; 3],
            documents: [[0; 3]; 2],
            decisions: [0; 3],
            fee: Decimal::ZERO,
            count: 0,
        }
    }

    /// How many reports were added.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Adds one report, or says why not (then nothing of it is added).
    pub fn add(&mut self, r: &Report) -> Result<Added, Refusal> {
        if r.meta.year() != Some(self.year) {
            return Err(Refusal::OtherYear {
                found: r.meta.year(),
                wanted: self.year,
            });
        }
        let mut unreadable = Vec::new();
        let mut empty = 0;
        let mut read = |path: FieldPath, cell: &CountCell| -> u64 {
            match cell.parsed() {
                Parsed::Value(v) => *v,
                // 不适用 adds nothing, as the report's own totals count it.
                Parsed::NotApplicable => 0,
                Parsed::Empty => {
                    empty += 1;
                    0
                }
                Parsed::Invalid(_) => {
                    unreadable.push(path);
                    0
                }
            }
        };
        let mut requests = [[0u64; 7]; 25];
        for row in RequestRow::ALL {
            for col in Applicant::ALL {
                requests[row.index()][col.index()] =
                    read(FieldPath::Request(row, col), r.requests.get(row, col));
            }
        }
        let mut review = [[0u64; 5]; 3];
        for (gi, g) in ReviewGroup::ALL.into_iter().enumerate() {
            for (oi, o) in ReviewOutcome::ALL.into_iter().enumerate() {
                review[gi][oi] = read(FieldPath::Review(g, o), r.review.group(g).get(o));
            }
        }
        let mut documents = [[0u64; 3]; 2];
        for (ki, k) in DocumentKind::ALL.into_iter().enumerate() {
            for (ci, c) in DocumentColumn::ALL.into_iter().enumerate() {
                documents[ki][ci] = read(FieldPath::Document(k, c), r.active.documents(k).get(c));
            }
        }
        let mut decisions = [0u64; 3];
        for (ki, k) in DecisionKind::ALL.into_iter().enumerate() {
            decisions[ki] = read(FieldPath::Decision(k), r.active.decision(k));
        }
        let fee = match r.active.fee.parsed() {
            Parsed::Value(d) => *d,
            Parsed::NotApplicable => Decimal::ZERO,
            Parsed::Empty => {
                empty += 1;
                Decimal::ZERO
            }
            Parsed::Invalid(_) => {
                unreadable.push(FieldPath::Fee);
                Decimal::ZERO
            }
        };
        if !unreadable.is_empty() {
            return Err(Refusal::UnreadableCells(unreadable));
        }

        // Each input cell is at most MAX_COUNT, so wrapping would need 18 million reports; saturate
        // rather than wrap all the same. A sum above MAX_COUNT does not go unnoticed: `finish`
        // writes it as text, which then reads as an over-large cell that the validator flags.
        for (acc, add) in self.requests.iter_mut().zip(requests) {
            for (a, b) in acc.iter_mut().zip(add) {
                *a = a.saturating_add(b);
            }
        }
        for (acc, add) in self.review.iter_mut().zip(review) {
            for (a, b) in acc.iter_mut().zip(add) {
                *a = a.saturating_add(b);
            }
        }
        for (acc, add) in self.documents.iter_mut().zip(documents) {
            for (a, b) in acc.iter_mut().zip(add) {
                *a = a.saturating_add(b);
            }
        }
        for (a, b) in self.decisions.iter_mut().zip(decisions) {
            *a = a.saturating_add(b);
        }
        self.fee = self.fee.checked_add(fee).unwrap_or(Decimal::MAX);
        self.count += 1;
        Ok(Added { empty_cells: empty })
    }

    /// The sum as a report of its own; its texts are left for the summing agency to write.
    pub fn finish(&self, agency: &str, kind: AgencyKind) -> Report {
        let mut r = Report::new(agency, kind, self.year);
        for row in RequestRow::ALL {
            for col in Applicant::ALL {
                let v = self.requests[row.index()][col.index()];
                r.requests.set(row, col, CountCell::from_count(v));
            }
        }
        for (gi, g) in ReviewGroup::ALL.into_iter().enumerate() {
            for (oi, o) in ReviewOutcome::ALL.into_iter().enumerate() {
                *r.review.group_mut(g).get_mut(o) = CountCell::from_count(self.review[gi][oi]);
            }
        }
        for (ki, k) in DocumentKind::ALL.into_iter().enumerate() {
            for (ci, c) in DocumentColumn::ALL.into_iter().enumerate() {
                *r.active.documents_mut(k).get_mut(c) =
                    CountCell::from_count(self.documents[ki][ci]);
            }
        }
        for (ki, k) in DecisionKind::ALL.into_iter().enumerate() {
            *r.active.decision_mut(k) = CountCell::from_count(self.decisions[ki]);
        }
        r.active.fee = MoneyCell::new(&format_money(self.fee));
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(year: u64, natural: &str, fee: &str) -> Report {
        let mut r = Report::new("某局", AgencyKind::Department, year);
        r.apply("requests.new_received.natural_person", natural)
            .expect("edit");
        r.apply("active.fee", fee).expect("edit");
        r
    }

    #[test]
    fn adds_cells_and_fees_exactly() {
        let mut s = Summer::new(2023);
        s.add(&report(2023, "3", "805.50")).expect("added");
        s.add(&report(2023, "4", "0.0001")).expect("added");
        let total = s.finish("某县人民政府", AgencyKind::PeoplesGovernment);
        assert_eq!(
            total
                .requests
                .value(RequestRow::NewReceived, Applicant::NaturalPerson),
            7
        );
        assert_eq!(
            total
                .requests
                .value(RequestRow::NewReceived, Applicant::Total),
            7
        );
        assert_eq!(total.active.fee.raw(), "805.5001");
        assert_eq!(s.count(), 2);
    }

    #[test]
    fn refuses_other_years_and_unreadable_cells() {
        let mut s = Summer::new(2023);
        assert_eq!(
            s.add(&report(2022, "3", "0")),
            Err(Refusal::OtherYear {
                found: Some(2022),
                wanted: 2023
            })
        );
        let err = s.add(&report(2023, "3件", "0")).expect_err("refused");
        assert!(err.message().contains("自然人"), "{}", err.message());
        assert_eq!(s.count(), 0, "nothing of a refused report is added");
    }
}
