//! The edit API: one typed text into one field. Totals that were in step with their parts are
//! kept in step; a total that differs (an imported report's own figure, or one the user typed) is
//! left alone for the user to decide, and the validator shows both numbers.

use std::collections::BTreeMap;

use crate::cell::{CountCell, MoneyCell};
use crate::error::CoreError;
use crate::model::{AgencyKind, Applicant, Part, Report, RequestRow, ReviewOutcome};
use crate::path::FieldPath;

impl Report {
    /// Puts `text` into the field at `path` (a string such as `requests.granted.total`).
    pub fn apply(&mut self, path: &str, text: &str) -> Result<(), CoreError> {
        let path: FieldPath = path.parse()?;
        self.apply_at(path, text)
    }

    pub fn apply_at(&mut self, path: FieldPath, text: &str) -> Result<(), CoreError> {
        // Editing a text copied from last year is what reviewing it means.
        self.drafts.retain(|p| *p != path);
        match path {
            FieldPath::Section(_) => return Err(CoreError::UnknownPath(path.to_string())),
            FieldPath::Agency => self.meta.agency = text.to_string(),
            FieldPath::Kind => {
                self.meta.kind =
                    AgencyKind::parse(text).ok_or_else(|| CoreError::InvalidChoice {
                        what: "机关类别",
                        value: text.to_string(),
                        choices: AgencyKind::ALL.map(|k| k.label()).join("、"),
                    })?
            }
            FieldPath::Year => self.meta.year = CountCell::new(text),
            FieldPath::Published => self.meta.published = text.trim().to_string(),
            FieldPath::Title => self.meta.title = text.to_string(),
            FieldPath::Intro => self.overview.intro = text.to_string(),
            FieldPath::Part(k) => {
                self.overview
                    .part_slot(k)
                    .get_or_insert_with(Part::default)
                    .text = text.to_string()
            }
            FieldPath::PartHeading(k) => {
                self.overview
                    .part_slot(k)
                    .get_or_insert_with(Part::default)
                    .heading = text.to_string()
            }
            FieldPath::Document(k, c) => {
                *self.active.documents_mut(k).get_mut(c) = CountCell::new(text)
            }
            FieldPath::Decision(k) => *self.active.decision_mut(k) = CountCell::new(text),
            FieldPath::Fee => self.active.fee = MoneyCell::new(text),
            FieldPath::Request(row, col) => self.edit_request(row, col, CountCell::new(text)),
            FieldPath::Review(g, o) => {
                let group = self.review.group_mut(g);
                let in_step =
                    group.total.is_empty() || group.total.value() == Some(&group.computed_total());
                *group.get_mut(o) = CountCell::new(text);
                if o != ReviewOutcome::Total && in_step {
                    group.total = CountCell::from_count(group.computed_total());
                }
            }
            FieldPath::Problems => self.problems = text.to_string(),
            FieldPath::Other => self.other = text.to_string(),
        }
        Ok(())
    }

    /// Reads the text of a field back, as the editor shows it.
    pub fn text_at(&self, path: FieldPath) -> Option<String> {
        Some(match path {
            FieldPath::Section(_) => return None,
            FieldPath::Agency => self.meta.agency.clone(),
            FieldPath::Kind => self.meta.kind.label().to_string(),
            FieldPath::Year => self.meta.year.raw().to_string(),
            FieldPath::Published => self.meta.published.clone(),
            FieldPath::Title => self.meta.title.clone(),
            FieldPath::Intro => self.overview.intro.clone(),
            FieldPath::Part(k) => self.overview.part(k).map(|p| p.text.clone())?,
            FieldPath::PartHeading(k) => self
                .overview
                .part(k)
                .map(|p| p.heading_or_standard(k).to_string())?,
            FieldPath::Document(k, c) => self.active.documents(k).get(c).raw().to_string(),
            FieldPath::Decision(k) => self.active.decision(k).raw().to_string(),
            FieldPath::Fee => self.active.fee.raw().to_string(),
            FieldPath::Request(r, c) => self.requests.get(r, c).raw().to_string(),
            FieldPath::Review(g, o) => self.review.group(g).get(o).raw().to_string(),
            FieldPath::Problems => self.problems.clone(),
            FieldPath::Other => self.other.clone(),
        })
    }

    fn edit_request(&mut self, row: RequestRow, col: Applicant, cell: CountCell) {
        let t = &self.requests;
        let in_step = |stated: &CountCell, expected: u64| {
            stated.is_empty() || stated.value() == Some(&expected)
        };
        let is_outcome = row.group().is_some();
        let row_total_in_step = in_step(t.get(row, Applicant::Total), t.computed_row_total(row));
        let col_total_in_step =
            is_outcome && in_step(t.get(RequestRow::Total, col), t.computed_outcome_total(col));
        let grand_in_step = is_outcome
            && in_step(
                t.get(RequestRow::Total, Applicant::Total),
                t.computed_row_total(RequestRow::Total),
            );

        self.requests.set(row, col, cell);
        if col == Applicant::Total || row == RequestRow::Total {
            // A total typed by hand is the user's statement; nothing else follows from it.
            return;
        }
        let t = &mut self.requests;
        if row_total_in_step {
            let v = t.computed_row_total(row);
            t.set(row, Applicant::Total, CountCell::from_count(v));
        }
        if col_total_in_step {
            let v = t.computed_outcome_total(col);
            t.set(RequestRow::Total, col, CountCell::from_count(v));
        }
        if grand_in_step {
            let v = t.computed_row_total(RequestRow::Total);
            t.set(
                RequestRow::Total,
                Applicant::Total,
                CountCell::from_count(v),
            );
        }
    }

    /// 空格填 0: the edits that fill every empty cell of the tables in `section` (all tables when
    /// `None`) — 0 for a count, 0.0000 for the fee, and for an empty total the sum its parts will
    /// have, so that filling never makes a table disagree with itself. Cells holding anything,
    /// even unreadable text, are left alone. Apply them as one undo step.
    pub fn empty_cells_filled(
        &self,
        section: Option<crate::model::Section>,
    ) -> Vec<(FieldPath, String)> {
        let is_total = |p: FieldPath| {
            matches!(
                p,
                FieldPath::Request(_, Applicant::Total)
                    | FieldPath::Request(RequestRow::Total, _)
                    | FieldPath::Review(_, ReviewOutcome::Total)
            )
        };
        let empty = |p: FieldPath| match p {
            FieldPath::Document(k, c) => self.active.documents(k).get(c).is_empty(),
            FieldPath::Decision(k) => self.active.decision(k).is_empty(),
            FieldPath::Fee => self.active.fee.is_empty(),
            FieldPath::Request(r, c) => self.requests.get(r, c).is_empty(),
            FieldPath::Review(g, o) => self.review.group(g).get(o).is_empty(),
            _ => false,
        };
        let cells: Vec<FieldPath> = FieldPath::all_fields()
            .into_iter()
            .filter(|p| section.is_none_or(|s| p.section() == s) && empty(*p))
            .collect();
        let mut edits: Vec<(FieldPath, String)> = cells
            .iter()
            .filter(|p| !is_total(**p))
            .map(|&p| {
                let zero = if p == FieldPath::Fee { "0.0000" } else { "0" };
                (p, zero.to_string())
            })
            .collect();
        // Empty parts count as 0 in the computed totals, so these are the totals after filling.
        let computed = self.computed_totals();
        for p in cells.into_iter().filter(|p| is_total(*p)) {
            let sum = computed.get(&p.to_string()).copied().unwrap_or(0);
            edits.push((p, sum.to_string()));
        }
        edits
    }

    /// What every total cell should hold, by path — the editor shows these beside stated totals.
    pub fn computed_totals(&self) -> BTreeMap<String, u64> {
        let mut m = BTreeMap::new();
        let t = &self.requests;
        for row in RequestRow::ALL {
            if row != RequestRow::Total {
                m.insert(
                    FieldPath::Request(row, Applicant::Total).to_string(),
                    t.computed_row_total(row),
                );
            }
        }
        for col in Applicant::ALL {
            m.insert(
                FieldPath::Request(RequestRow::Total, col).to_string(),
                t.computed_outcome_total(col),
            );
        }
        for g in crate::model::ReviewGroup::ALL {
            m.insert(
                FieldPath::Review(g, ReviewOutcome::Total).to_string(),
                self.review.group(g).computed_total(),
            );
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgencyKind, Section};

    #[test]
    fn empty_cells_fill_with_zero_and_totals_with_their_sums() {
        let mut r = Report::new("某县教育局", AgencyKind::Department, 2025);
        r.apply("requests.granted.natural_person", "5")
            .expect("edit");
        // A total the user left empty while its row is filled gets the row's sum, not 0.
        r.apply("requests.granted.total", "").expect("edit");
        r.apply("requests.new_received.natural_person", "abc")
            .expect("edit");
        let edits = r.empty_cells_filled(Some(Section::Requests));
        // Filled before: 自然人 予以公开 and the three totals that followed it, and 本年新收 (text;
        // its row total followed as 0).
        assert_eq!(edits.len(), 175 - 5, "every empty cell of 三, nothing else");
        assert!(edits.iter().all(|(p, _)| p.section() == Section::Requests));
        let get = |path: &str| {
            edits
                .iter()
                .find(|(p, _)| p.to_string() == path)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(get("requests.granted.total"), Some("5"));
        assert_eq!(
            get("requests.total.natural_person"),
            None,
            "followed the part: 5"
        );
        assert_eq!(get("requests.granted.commercial_enterprise"), Some("0"));
        assert_eq!(
            get("requests.new_received.natural_person"),
            None,
            "text kept"
        );
        for (p, t) in &edits {
            r.apply_at(*p, t).expect("apply");
        }
        let diags = crate::rules::validate(&r, None);
        assert!(
            diags.iter().all(|d| !matches!(
                d.code,
                "T3-ROW-TOTAL" | "T3-OUTCOME-TOTAL" | "CELL-EMPTY"
            ) || d.paths.iter().all(|p| p.section() != Section::Requests)),
            "filling made no total disagree: {diags:#?}"
        );
        let all = Report::default().empty_cells_filled(None);
        assert_eq!(
            all.len(),
            175 + 15 + 6 + 3 + 1,
            "三, 四 and 二 with the fee"
        );
        assert!(all.contains(&(FieldPath::Fee, "0.0000".to_string())));
    }

    fn consistent() -> Report {
        let mut r = Report::new("某局", AgencyKind::Department, 2023);
        r.apply("requests.new_received.natural_person", "3")
            .expect("edit");
        r.apply("requests.granted.natural_person", "2")
            .expect("edit");
        r.apply("requests.withheld_state_secret.natural_person", "1")
            .expect("edit");
        r
    }

    #[test]
    fn totals_follow_their_parts_while_in_step() {
        let r = consistent();
        assert_eq!(
            r.requests.value(RequestRow::NewReceived, Applicant::Total),
            3
        );
        assert_eq!(
            r.requests
                .value(RequestRow::Total, Applicant::NaturalPerson),
            3
        );
        assert_eq!(r.requests.value(RequestRow::Total, Applicant::Total), 3);
    }

    #[test]
    fn a_stated_total_that_differs_is_left_for_the_user() {
        let mut r = consistent();
        r.apply("requests.total.natural_person", "5").expect("edit");
        r.apply("requests.granted.natural_person", "3")
            .expect("edit");
        assert_eq!(
            r.requests
                .get(RequestRow::Total, Applicant::NaturalPerson)
                .raw(),
            "5"
        );
        // The row total of 予以公开 was still in step, so it follows.
        assert_eq!(r.requests.value(RequestRow::Granted, Applicant::Total), 3);
    }

    #[test]
    fn invalid_text_is_kept() {
        let mut r = consistent();
        r.apply("requests.granted.natural_person", "2a")
            .expect("edit");
        assert_eq!(
            r.requests
                .get(RequestRow::Granted, Applicant::NaturalPerson)
                .raw(),
            "2a"
        );
        assert_eq!(
            r.text_at(FieldPath::Request(
                RequestRow::Granted,
                Applicant::NaturalPerson
            ))
            .as_deref(),
            Some("2a")
        );
    }

    #[test]
    fn unknown_paths_and_choices_are_refused() {
        let mut r = consistent();
        assert!(matches!(
            r.apply("requests.x.y", "1"),
            Err(CoreError::UnknownPath(_))
        ));
        assert!(matches!(
            r.apply("meta.kind", "学校"),
            Err(CoreError::InvalidChoice { .. })
        ));
        r.apply("meta.kind", "乡镇（街道）").expect("kind");
        assert_eq!(r.meta.kind, AgencyKind::Township);
    }

    #[test]
    fn review_total_follows() {
        let mut r = consistent();
        r.apply("review.reconsideration.upheld", "2").expect("edit");
        r.apply("review.reconsideration.pending", "1")
            .expect("edit");
        assert_eq!(r.review.reconsideration.total.raw(), "3");
    }
}
