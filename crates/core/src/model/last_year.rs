//! Last year's figures carried inside this year's report: all of tables 二, 三 and 四 and the fee,
//! so that the year-to-year rules and the editor's 上年数 work without last year's file at hand.

use serde::{Deserialize, Serialize};

use super::{ActiveDisclosure, Applicant, Report, RequestRow, RequestTable, ReviewTable};
use crate::cell::CountCell;
use crate::error::CoreError;

/// Last year's report, reduced to what this year's numbers are compared with.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "LastYearRepr")]
pub struct LastYear {
    /// The agency that published it (shown beside the figures; agencies are renamed at times, so
    /// a different name does not make the figures unusable).
    pub agency: String,
    /// The year of that report.
    pub year: u64,
    /// 二、主动公开, the fee included.
    pub active: ActiveDisclosure,
    /// 三、依申请公开.
    pub requests: RequestTable,
    /// 四、复议和诉讼.
    pub review: ReviewTable,
}

/// The three tables of one year, wherever they are kept: a report, or last year's figures
/// carried in one.
#[derive(Clone, Copy, Debug)]
pub struct Tables<'a> {
    pub year: Option<u64>,
    pub active: &'a ActiveDisclosure,
    pub requests: &'a RequestTable,
    pub review: &'a ReviewTable,
}

impl LastYear {
    /// The figures a report hands on to the year after it; `None` when its year is not known
    /// (figures of an unknown year cannot be compared with any year).
    pub fn from_report(r: &Report) -> Option<LastYear> {
        Some(LastYear {
            agency: r.meta.agency.trim().to_string(),
            year: r.meta.year()?,
            active: r.active.clone(),
            requests: r.requests.clone(),
            review: r.review.clone(),
        })
    }

    pub fn tables(&self) -> Tables<'_> {
        Tables {
            year: Some(self.year),
            active: &self.active,
            requests: &self.requests,
            review: &self.review,
        }
    }
}

impl Report {
    pub fn tables(&self) -> Tables<'_> {
        Tables {
            year: self.meta.year(),
            active: &self.active,
            requests: &self.requests,
            review: &self.review,
        }
    }

    /// Keeps `last`'s figures in this report as last year's ("关联上年年报"), replacing any kept
    /// before. Refused when `last` is not of the year before this one: its figures would then be
    /// compared with the wrong year.
    pub fn attach_last_year(&mut self, last: &Report) -> Result<(), CoreError> {
        let this_year = self
            .meta
            .year()
            .ok_or(CoreError::LastYearNoYear { which: "本报告" })?;
        let last_year = last.meta.year().ok_or(CoreError::LastYearNoYear {
            which: "所选的上年报告",
        })?;
        if last_year.checked_add(1) != Some(this_year) {
            return Err(CoreError::LastYearWrongYear {
                found: last_year,
                this_year,
            });
        }
        self.last_year = LastYear::from_report(last);
        Ok(())
    }
}

/// What a file may hold under `last_year` — or, in version-1 files, under `baseline`, which kept
/// only 结转下年度 and the two 现行有效 counts.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct LastYearRepr {
    agency: String,
    year: u64,
    active: ActiveDisclosure,
    requests: RequestTable,
    review: ReviewTable,
    carried_forward: Option<[CountCell; 7]>,
    regulations_in_force: Option<CountCell>,
    normative_documents_in_force: Option<CountCell>,
}

impl From<LastYearRepr> for LastYear {
    fn from(r: LastYearRepr) -> LastYear {
        let mut l = LastYear {
            agency: r.agency,
            year: r.year,
            active: r.active,
            requests: r.requests,
            review: r.review,
        };
        if let Some(cells) = r.carried_forward {
            for (c, cell) in Applicant::ALL.into_iter().zip(cells) {
                l.requests.set(RequestRow::CarriedForward, c, cell);
            }
        }
        if let Some(cell) = r.regulations_in_force {
            l.active.regulations.in_force = cell;
        }
        if let Some(cell) = r.normative_documents_in_force {
            l.active.normative_documents.in_force = cell;
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;

    #[test]
    fn attaching_needs_the_year_before() {
        let mut this = Report::new("某局", AgencyKind::Department, 2024);
        let mut last = Report::new("某局", AgencyKind::Department, 2022);
        last.apply("active.fee", "3.5").expect("edit");
        let err = this.attach_last_year(&last).expect_err("two years apart");
        assert!(err.to_string().contains("2022"), "{err}");
        assert!(this.last_year.is_none());
        last.apply("meta.year", "2023").expect("edit");
        this.attach_last_year(&last).expect("the year before");
        let kept = this.last_year.as_ref().expect("kept");
        assert_eq!(kept.year, 2023);
        assert_eq!(kept.active.fee.display_4dp().as_deref(), Some("3.5000"));
    }

    #[test]
    fn a_version_1_baseline_becomes_last_years_figures() {
        let json = r#"{"year": 2022, "carried_forward": ["1","","","","","","1"],
            "regulations_in_force": "4", "normative_documents_in_force": "31"}"#;
        let l: LastYear = serde_json::from_str(json).expect("v1 baseline");
        assert_eq!(l.year, 2022);
        assert_eq!(
            l.requests
                .get(RequestRow::CarriedForward, Applicant::NaturalPerson)
                .value(),
            Some(&1)
        );
        assert_eq!(l.active.normative_documents.in_force.value(), Some(&31));
        assert!(l.active.fee.is_empty() && l.review.reconsideration.total.is_empty());
    }
}
