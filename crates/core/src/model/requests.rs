//! Table 三: 收到和处理政府信息公开申请情况 — 25 rows × 7 columns, addressed by name only.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::cell::CountCell;

/// The seven columns: six kinds of applicant and their 总计.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Applicant {
    NaturalPerson,
    CommercialEnterprise,
    ResearchInstitution,
    SocialWelfareOrg,
    LegalServiceAgency,
    OtherOrg,
    Total,
}

impl Applicant {
    pub const ALL: [Applicant; 7] = [
        Applicant::NaturalPerson,
        Applicant::CommercialEnterprise,
        Applicant::ResearchInstitution,
        Applicant::SocialWelfareOrg,
        Applicant::LegalServiceAgency,
        Applicant::OtherOrg,
        Applicant::Total,
    ];
    /// The six applicant columns that add up to 总计.
    pub const PARTS: [Applicant; 6] = [
        Applicant::NaturalPerson,
        Applicant::CommercialEnterprise,
        Applicant::ResearchInstitution,
        Applicant::SocialWelfareOrg,
        Applicant::LegalServiceAgency,
        Applicant::OtherOrg,
    ];
    /// The five columns grouped under 法人或其他组织.
    pub const ORGANISATIONS: [Applicant; 5] = [
        Applicant::CommercialEnterprise,
        Applicant::ResearchInstitution,
        Applicant::SocialWelfareOrg,
        Applicant::LegalServiceAgency,
        Applicant::OtherOrg,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Applicant::NaturalPerson => "natural_person",
            Applicant::CommercialEnterprise => "commercial_enterprise",
            Applicant::ResearchInstitution => "research_institution",
            Applicant::SocialWelfareOrg => "social_welfare_org",
            Applicant::LegalServiceAgency => "legal_service_agency",
            Applicant::OtherOrg => "other_org",
            Applicant::Total => "total",
        }
    }

    /// The official column label (国办公开办函〔2021〕30号).
    pub fn label(self) -> &'static str {
        match self {
            Applicant::NaturalPerson => "自然人",
            Applicant::CommercialEnterprise => "商业企业",
            Applicant::ResearchInstitution => "科研机构",
            Applicant::SocialWelfareOrg => "社会公益组织",
            Applicant::LegalServiceAgency => "法律服务机构",
            Applicant::OtherOrg => "其他",
            Applicant::Total => "总计",
        }
    }

    /// How the column is named in a sentence ("其他" alone would be ambiguous there).
    pub fn long_label(self) -> &'static str {
        match self {
            Applicant::OtherOrg => "其他法人或组织",
            other => other.label(),
        }
    }

    pub fn from_key(key: &str) -> Option<Applicant> {
        Applicant::ALL.into_iter().find(|a| a.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The groups of 三、本年度办理结果, each with its official label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeGroup {
    Granted,
    PartiallyGranted,
    Withheld,
    Unavailable,
    NotProcessed,
    OtherHandling,
}

impl OutcomeGroup {
    pub const ALL: [OutcomeGroup; 6] = [
        OutcomeGroup::Granted,
        OutcomeGroup::PartiallyGranted,
        OutcomeGroup::Withheld,
        OutcomeGroup::Unavailable,
        OutcomeGroup::NotProcessed,
        OutcomeGroup::OtherHandling,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OutcomeGroup::Granted => "（一）予以公开",
            OutcomeGroup::PartiallyGranted => {
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            }
            OutcomeGroup::Withheld => "（三）不予公开",
            OutcomeGroup::Unavailable => "（四）无法提供",
            OutcomeGroup::NotProcessed => "（五）不予处理",
            OutcomeGroup::OtherHandling => "（六）其他处理",
        }
    }

    /// The label without its numbering, for sentences.
    pub fn short_label(self) -> &'static str {
        match self {
            OutcomeGroup::Granted => "予以公开",
            OutcomeGroup::PartiallyGranted => "部分公开",
            OutcomeGroup::Withheld => "不予公开",
            OutcomeGroup::Unavailable => "无法提供",
            OutcomeGroup::NotProcessed => "不予处理",
            OutcomeGroup::OtherHandling => "其他处理",
        }
    }

    /// The rows of the group, in table order.
    pub fn rows(self) -> &'static [RequestRow] {
        use RequestRow::*;
        match self {
            OutcomeGroup::Granted => &[Granted],
            OutcomeGroup::PartiallyGranted => &[PartiallyGranted],
            OutcomeGroup::Withheld => &[
                WithheldStateSecret,
                WithheldProhibitedByLaw,
                WithheldThreeSafeties,
                WithheldThirdParty,
                WithheldInternalAffairs,
                WithheldProcessInfo,
                WithheldEnforcementFile,
                WithheldQueryMatter,
            ],
            OutcomeGroup::Unavailable => &[
                UnavailableNotHeld,
                UnavailableNeedsCreation,
                UnavailableUnclear,
            ],
            OutcomeGroup::NotProcessed => &[
                NotProcessedComplaint,
                NotProcessedRepeated,
                NotProcessedPublication,
                NotProcessedExcessive,
                NotProcessedConfirmation,
            ],
            OutcomeGroup::OtherHandling => &[OtherOverdueCorrection, OtherOverdueFee, OtherOther],
        }
    }

    /// Whether the group has numbered sub-rows (1., 2., …) under its label.
    pub fn has_sub_rows(self) -> bool {
        self.rows().len() > 1
    }
}

macro_rules! request_rows {
    ($( $variant:ident => $key:literal, $label:literal; )*) => {
        /// The 25 rows of table 三, in official order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RequestRow { $($variant),* }

        impl RequestRow {
            pub const ALL: [RequestRow; 25] = [$(RequestRow::$variant),*];

            pub fn key(self) -> &'static str {
                match self { $(RequestRow::$variant => $key),* }
            }

            /// The official row label as printed in the table (sub-rows with their "1." numbering).
            pub fn label(self) -> &'static str {
                match self { $(RequestRow::$variant => $label),* }
            }
        }
    };
}

request_rows! {
    NewReceived => "new_received", "一、本年新收政府信息公开申请数量";
    CarriedOver => "carried_over", "二、上年结转政府信息公开申请数量";
    Granted => "granted", "（一）予以公开";
    PartiallyGranted => "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    WithheldStateSecret => "withheld_state_secret", "1.属于国家秘密";
    WithheldProhibitedByLaw => "withheld_prohibited_by_law", "2.其他法律行政法规禁止公开";
    WithheldThreeSafeties => "withheld_three_safeties", "3.危及“三安全一稳定”";
    WithheldThirdParty => "withheld_third_party", "4.保护第三方合法权益";
    WithheldInternalAffairs => "withheld_internal_affairs", "5.属于三类内部事务信息";
    WithheldProcessInfo => "withheld_process_info", "6.属于四类过程性信息";
    WithheldEnforcementFile => "withheld_enforcement_file", "7.属于行政执法案卷";
    WithheldQueryMatter => "withheld_query_matter", "8.属于行政查询事项";
    UnavailableNotHeld => "unavailable_not_held", "1.本机关不掌握相关政府信息";
    UnavailableNeedsCreation => "unavailable_needs_creation", "2.没有现成信息需要另行制作";
    UnavailableUnclear => "unavailable_unclear", "3.补正后申请内容仍不明确";
    NotProcessedComplaint => "not_processed_complaint", "1.信访举报投诉类申请";
    NotProcessedRepeated => "not_processed_repeated", "2.重复申请";
    NotProcessedPublication => "not_processed_publication", "3.要求提供公开出版物";
    NotProcessedExcessive => "not_processed_excessive", "4.无正当理由大量反复申请";
    NotProcessedConfirmation => "not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息";
    OtherOverdueCorrection => "other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
    OtherOverdueFee => "other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
    OtherOther => "other_other", "3.其他";
    Total => "total", "（七）总计";
    CarriedForward => "carried_forward", "四、结转下年度继续办理";
}

impl RequestRow {
    /// The 21 outcome rows （一）…（六） whose sum is （七）总计.
    pub fn outcomes() -> impl Iterator<Item = RequestRow> {
        OutcomeGroup::ALL
            .into_iter()
            .flat_map(|g| g.rows().iter().copied())
    }

    pub fn group(self) -> Option<OutcomeGroup> {
        OutcomeGroup::ALL
            .into_iter()
            .find(|g| g.rows().contains(&self))
    }

    pub fn from_key(key: &str) -> Option<RequestRow> {
        RequestRow::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// A name that is unambiguous on its own: sub-rows carry their group ("不予公开·1.属于国家秘密").
    pub fn full_label(self) -> String {
        match self.group() {
            Some(g) if g.has_sub_rows() => format!("{}·{}", g.short_label(), self.label()),
            Some(g) => g.short_label().to_string(),
            None => match self {
                RequestRow::NewReceived => "本年新收".to_string(),
                RequestRow::CarriedOver => "上年结转".to_string(),
                RequestRow::Total => "办理结果总计".to_string(),
                _ => "结转下年度".to_string(),
            },
        }
    }
}

impl fmt::Display for RequestRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The grid itself. Stored totals (the 总计 column and the （七）总计 row) are what the report
/// states; [`RequestTable::computed_row_total`] and friends give what they should be.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RequestTable {
    cells: [[CountCell; 7]; 25],
}

impl RequestTable {
    pub fn get(&self, row: RequestRow, col: Applicant) -> &CountCell {
        &self.cells[row.index()][col.index()]
    }

    pub fn get_mut(&mut self, row: RequestRow, col: Applicant) -> &mut CountCell {
        &mut self.cells[row.index()][col.index()]
    }

    pub fn set(&mut self, row: RequestRow, col: Applicant, cell: CountCell) {
        self.cells[row.index()][col.index()] = cell;
    }

    pub fn value(&self, row: RequestRow, col: Applicant) -> u64 {
        self.get(row, col).count_or_zero()
    }

    /// Sum of the six applicant columns of a row.
    pub fn computed_row_total(&self, row: RequestRow) -> u64 {
        Applicant::PARTS.iter().map(|&c| self.value(row, c)).sum()
    }

    /// Sum of the 21 outcome rows of a column.
    pub fn computed_outcome_total(&self, col: Applicant) -> u64 {
        RequestRow::outcomes().map(|r| self.value(r, col)).sum()
    }

    /// Sum of the rows of one outcome group in a column (e.g. all 不予公开 reasons).
    pub fn group_sum(&self, group: OutcomeGroup, col: Applicant) -> u64 {
        group.rows().iter().map(|&r| self.value(r, col)).sum()
    }

    pub fn cells(&self) -> impl Iterator<Item = (RequestRow, Applicant, &CountCell)> {
        RequestRow::ALL.into_iter().flat_map(move |r| {
            Applicant::ALL
                .into_iter()
                .map(move |c| (r, c, self.get(r, c)))
        })
    }

    /// Makes every stated total equal to its computed value (the editor's "fill totals").
    pub fn fill_totals(&mut self) {
        for row in RequestRow::ALL {
            if row != RequestRow::Total {
                let t = self.computed_row_total(row);
                self.set(row, Applicant::Total, CountCell::from_count(t));
            }
        }
        for col in Applicant::ALL {
            let t = self.computed_outcome_total(col);
            self.set(RequestRow::Total, col, CountCell::from_count(t));
        }
    }
}

impl Serialize for RequestTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Keys in table order reads better in a diff than alphabetical order.
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(RequestRow::ALL.len()))?;
        for r in RequestRow::ALL {
            let mut cols = serde_json::Map::new();
            for c in Applicant::ALL {
                cols.insert(
                    c.key().to_string(),
                    serde_json::Value::String(self.get(r, c).raw().to_string()),
                );
            }
            m.serialize_entry(r.key(), &cols)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for RequestTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map: BTreeMap<String, BTreeMap<String, CountCell>> = BTreeMap::deserialize(d)?;
        let mut t = RequestTable::default();
        for (rk, cols) in map {
            let row = RequestRow::from_key(&rk)
                .ok_or_else(|| D::Error::custom(format!("表三没有名为“{rk}”的行")))?;
            for (ck, cell) in cols {
                let col = Applicant::from_key(&ck)
                    .ok_or_else(|| D::Error::custom(format!("表三没有名为“{ck}”的列")))?;
                t.set(row, col, cell);
            }
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_one_outcome_rows_between_granted_and_total() {
        let outcomes: Vec<_> = RequestRow::outcomes().collect();
        assert_eq!(outcomes.len(), 21);
        assert_eq!(outcomes.first(), Some(&RequestRow::Granted));
        assert_eq!(outcomes.last(), Some(&RequestRow::OtherOther));
        assert_eq!(
            RequestRow::ALL[RequestRow::Total.index()],
            RequestRow::Total
        );
    }

    #[test]
    fn keys_round_trip() {
        for r in RequestRow::ALL {
            assert_eq!(RequestRow::from_key(r.key()), Some(r));
        }
        for c in Applicant::ALL {
            assert_eq!(Applicant::from_key(c.key()), Some(c));
        }
    }

    #[test]
    fn fill_totals_sums_rows_and_columns() {
        let mut t = RequestTable::default();
        t.set(
            RequestRow::NewReceived,
            Applicant::NaturalPerson,
            CountCell::from_count(3),
        );
        t.set(
            RequestRow::Granted,
            Applicant::NaturalPerson,
            CountCell::from_count(2),
        );
        t.set(
            RequestRow::OtherOther,
            Applicant::LegalServiceAgency,
            CountCell::from_count(1),
        );
        t.fill_totals();
        assert_eq!(t.value(RequestRow::NewReceived, Applicant::Total), 3);
        assert_eq!(t.value(RequestRow::Total, Applicant::NaturalPerson), 2);
        assert_eq!(t.value(RequestRow::Total, Applicant::Total), 3);
    }
}
