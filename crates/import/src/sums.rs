//! What table 三's own sums say about its placement. A row whose six applicants do not add up to
//! its 总计, or a column whose outcome rows do not add up to （七）总计, is either printed so (a real
//! defect the validator will report) or read into the wrong cells — text that put the cells in
//! another order (a PDF's text read column by column) and still gave seven numbers a row. The
//! importer cannot tell which, so it never lets such a row pass unnamed.

use nianbao_core::model::{Applicant, RequestRow};
use nianbao_core::{FieldPath, Report};

use crate::ImportFinding;

pub fn name_rows_that_do_not_add_up(report: &Report, findings: &mut Vec<ImportFinding>) {
    let t = &report.requests;
    let value = |r: RequestRow, c: Applicant| t.get(r, c).value().copied();
    let named = |findings: &[ImportFinding], row: RequestRow| {
        findings
            .iter()
            .any(|f| matches!(f.path, Some(FieldPath::Request(r, _)) if r == row))
    };
    let mut flagged: Vec<(RequestRow, String)> = Vec::new();
    for row in RequestRow::ALL {
        let parts: Option<Vec<u64>> = Applicant::PARTS.iter().map(|&c| value(row, c)).collect();
        let (Some(parts), Some(total)) = (parts, value(row, Applicant::Total)) else {
            continue;
        };
        let sum = parts.iter().try_fold(0u64, |a, &b| a.checked_add(b));
        if sum != Some(total) {
            let sum = sum.map_or_else(|| "太大".to_string(), |s| s.to_string());
            flagged.push((
                row,
                format!(
                    "表三“{}”一行：六栏之和是 {sum}，总计却是 {total}。可能原文就是这样，也可能导入时把数字读进了别的格子，请对照原文核对这一行。",
                    row.full_label()
                ),
            ));
        }
    }
    // （七）总计 against the outcome rows, column by column, where every one of them is a number.
    let outcomes: Vec<RequestRow> = RequestRow::outcomes().collect();
    let off: Vec<&str> = Applicant::ALL
        .iter()
        .filter_map(|&c| {
            let rows: Option<Vec<u64>> = outcomes.iter().map(|&r| value(r, c)).collect();
            let total = value(RequestRow::Total, c)?;
            let sum = rows?.iter().try_fold(0u64, |a, &b| a.checked_add(b));
            (sum != Some(total)).then_some(c.label())
        })
        .collect();
    if !off.is_empty() && !flagged.iter().any(|(r, _)| *r == RequestRow::Total) {
        flagged.push((
            RequestRow::Total,
            format!(
                "表三“（七）总计”与各项办理结果之和不一致（{}）。可能原文就是这样，也可能导入时把数字读进了别的格子，请对照原文核对这一列。",
                off.join("、")
            ),
        ));
    }
    for (row, reason) in flagged {
        if named(findings, row) {
            continue;
        }
        findings.push(ImportFinding {
            line: 0,
            text: String::new(),
            reason,
            path: Some(FieldPath::Request(row, Applicant::Total)),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::model::AgencyKind;

    fn report() -> Report {
        let mut r = Report::new("某局", AgencyKind::Department, 2024);
        for row in RequestRow::ALL {
            for c in Applicant::ALL {
                r.apply_at(FieldPath::Request(row, c), "0").expect("edit");
            }
        }
        r
    }

    #[test]
    fn a_table_that_adds_up_says_nothing() {
        let mut f = Vec::new();
        name_rows_that_do_not_add_up(&report(), &mut f);
        assert!(f.is_empty());
    }

    #[test]
    fn a_row_read_one_cell_off_is_named() {
        // hongze-2023 as `pdftotext` without -layout: "（七）总计 0 21 0 0 0 0 0 …".
        let mut r = report();
        let row = RequestRow::Total;
        r.apply_at(
            FieldPath::Request(row, Applicant::CommercialEnterprise),
            "21",
        )
        .expect("edit");
        let mut f = Vec::new();
        name_rows_that_do_not_add_up(&r, &mut f);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].path, Some(FieldPath::Request(row, Applicant::Total)));
        assert!(
            f[0].reason.contains("六栏之和是 21，总计却是 0"),
            "{}",
            f[0].reason
        );
    }

    #[test]
    fn a_column_off_against_its_outcomes_names_the_total_row_once() {
        let mut r = report();
        r.apply_at(
            FieldPath::Request(RequestRow::Granted, Applicant::NaturalPerson),
            "3",
        )
        .expect("edit");
        r.apply_at(
            FieldPath::Request(RequestRow::Granted, Applicant::Total),
            "3",
        )
        .expect("edit");
        // As printed: （七）总计 left at 0 (the edit API would keep it in step).
        for c in [Applicant::NaturalPerson, Applicant::Total] {
            r.apply_at(FieldPath::Request(RequestRow::Total, c), "0")
                .expect("edit");
        }
        let mut f = Vec::new();
        name_rows_that_do_not_add_up(&r, &mut f);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].reason.contains("（自然人、总计）"), "{}", f[0].reason);
        // A row a note already names is not named twice.
        let mut again = f.clone();
        name_rows_that_do_not_add_up(&r, &mut again);
        assert_eq!(again.len(), 1);
    }
}
