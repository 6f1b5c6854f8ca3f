//! The report: one struct per part of the national template.

pub mod active;
pub mod last_year;
pub mod meta;
pub mod overview;
pub mod requests;
pub mod review;

use serde::{Deserialize, Serialize};

pub use active::{ActiveDisclosure, DecisionKind, DocumentColumn, DocumentCounts, DocumentKind};
pub use last_year::{LastYear, Tables};
pub use meta::{AgencyKind, Date, Meta};
pub use overview::{Overview, Part, PartKind};
pub use requests::{Applicant, OutcomeGroup, RequestRow, RequestTable};
pub use review::{ReviewGroup, ReviewOutcome, ReviewRow, ReviewTable};

/// The version of the `.nianbao.json` format this build writes. Version 2 keeps all of last
/// year's tables (`last_year`) where version 1 kept three counts (`baseline`, still read); it was
/// bumped so that a version-1 program refuses a version-2 file as newer (请升级) instead of
/// failing on a field it does not know.
/// Version 3 adds the written 说明 (`explanations`); a file without them is written as version 2,
/// so that only a file that holds 说明 is refused by a version-2 program (as newer, 请升级) rather
/// than opened with its 说明 silently lost.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema_version: u32,
    #[serde(default)]
    pub meta: Meta,
    /// 一、总体情况
    #[serde(default)]
    pub overview: Overview,
    /// 二、主动公开政府信息情况
    #[serde(default)]
    pub active: ActiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况
    #[serde(default)]
    pub requests: RequestTable,
    /// 四、政府信息公开行政复议、行政诉讼情况
    #[serde(default)]
    pub review: ReviewTable,
    /// 五、存在的主要问题及改进情况
    #[serde(default)]
    pub problems: String,
    /// 六、其他需要报告的事项
    #[serde(default)]
    pub other: String,
    /// Last year's figures, kept when the report was started from last year's or linked to it
    /// (关联上年年报), so the year-to-year rules and 上年数 work without last year's file at hand.
    /// Version-1 files called it `baseline` and kept only 结转下年度 and 现行有效.
    #[serde(default, alias = "baseline", skip_serializing_if = "Option::is_none")]
    pub last_year: Option<LastYear>,
    /// Text fields copied from last year's report and not yet edited: drafts to be reviewed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drafts: Vec<crate::path::FieldPath>,
    /// The written 说明 for true 警告 and 提示 (see [`crate::explain`]). Present only from format
    /// version 3 on: a file without any is still written as version 2, so older programs open it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanations: Vec<crate::explain::Explanation>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            meta: Meta::default(),
            overview: Overview::default(),
            active: ActiveDisclosure::default(),
            requests: RequestTable::default(),
            review: ReviewTable::default(),
            problems: String::new(),
            other: String::new(),
            last_year: None,
            drafts: Vec::new(),
            explanations: Vec::new(),
        }
    }
}

impl Report {
    /// A blank report for an agency and year, with the five parts of 一 ready to be written.
    pub fn new(agency: &str, kind: AgencyKind, year: u64) -> Report {
        let mut r = Report::default();
        r.meta.agency = agency.trim().to_string();
        r.meta.kind = kind;
        r.meta.year = crate::cell::CountCell::from_count(year);
        for k in PartKind::ALL {
            *r.overview.part_slot(k) = Some(Part::default());
        }
        r
    }

    pub fn title(&self) -> String {
        self.meta.title()
    }

    /// Starts next year's report from this one: the agency stays, the year moves on, 上年结转 is
    /// last year's 结转下年度, last year's tables are kept beside this year's (see [`LastYear`]),
    /// the texts are kept as drafts to review, and every other number is empty.
    pub fn start_next_year(&self) -> Report {
        let mut next = Report::new(&self.meta.agency, self.meta.kind, 0);
        next.meta.year = match self.meta.year() {
            Some(y) => crate::cell::CountCell::from_count(y + 1),
            None => crate::cell::CountCell::default(),
        };
        for c in Applicant::ALL {
            let forward = self.requests.get(RequestRow::CarriedForward, c).clone();
            next.requests.set(RequestRow::CarriedOver, c, forward);
        }
        next.last_year = LastYear::from_report(self);
        next.overview = self.overview.clone();
        next.problems = self.problems.clone();
        next.other = self.other.clone();
        use crate::path::FieldPath;
        let mut drafts = vec![FieldPath::Intro];
        drafts.extend(next.overview.parts().map(|(k, _)| FieldPath::Part(k)));
        drafts.extend([FieldPath::Problems, FieldPath::Other]);
        let texts: Vec<FieldPath> = drafts
            .into_iter()
            .filter(|p| next.text_at(*p).is_some_and(|t| !t.trim().is_empty()))
            .collect();
        next.drafts = texts;
        next
    }

    /// Sets every stated total to its computed value.
    pub fn fill_totals(&mut self) {
        self.requests.fill_totals();
        self.review.fill_totals();
    }
}

/// The six sections plus 基本信息, as the editor's navigator shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Meta,
    Overview,
    Active,
    Requests,
    Review,
    Problems,
    Other,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Meta,
        Section::Overview,
        Section::Active,
        Section::Requests,
        Section::Review,
        Section::Problems,
        Section::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Overview => "overview",
            Section::Active => "active",
            Section::Requests => "requests",
            Section::Review => "review",
            Section::Problems => "problems",
            Section::Other => "other",
        }
    }

    /// The heading as printed in the report (基本信息 is the editor's own page).
    pub fn heading(self) -> &'static str {
        match self {
            Section::Meta => "基本信息",
            Section::Overview => "一、总体情况",
            Section::Active => "二、主动公开政府信息情况",
            Section::Requests => "三、收到和处理政府信息公开申请情况",
            Section::Review => "四、政府信息公开行政复议、行政诉讼情况",
            Section::Problems => "五、存在的主要问题及改进情况",
            Section::Other => "六、其他需要报告的事项",
        }
    }

    /// The heading without its numeral ("总体情况").
    pub fn name(self) -> &'static str {
        let h = self.heading();
        h.split_once('、').map_or(h, |(_, rest)| rest)
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }
}
