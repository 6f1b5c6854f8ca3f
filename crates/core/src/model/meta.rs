//! 基本信息: who reports, for which year, and when it was published.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::cell::{fold_width, CountCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// 人民政府: a government's own (本级政府) report; deadline 31 March.
    PeoplesGovernment,
    /// 政府部门: a department of a government; deadline 31 January.
    #[default]
    Department,
    /// 乡镇（街道）; deadline 31 January.
    Township,
    /// 其他 (e.g. 事业单位 with public functions); deadline 31 January.
    Other,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 4] = [
        AgencyKind::PeoplesGovernment,
        AgencyKind::Department,
        AgencyKind::Township,
        AgencyKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AgencyKind::PeoplesGovernment => "人民政府",
            AgencyKind::Department => "政府部门",
            AgencyKind::Township => "乡镇（街道）",
            AgencyKind::Other => "其他",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            AgencyKind::PeoplesGovernment => "peoples_government",
            AgencyKind::Department => "department",
            AgencyKind::Township => "township",
            AgencyKind::Other => "other",
        }
    }

    /// Accepts the key, the Chinese label, or common short forms ("乡镇", "街道", "部门", "政府").
    pub fn parse(text: &str) -> Option<AgencyKind> {
        let t = text.trim();
        AgencyKind::ALL
            .into_iter()
            .find(|k| k.key() == t || k.label() == t)
            .or(match t {
                "政府" => Some(AgencyKind::PeoplesGovernment),
                "部门" => Some(AgencyKind::Department),
                "乡镇" | "街道" | "乡镇(街道)" => Some(AgencyKind::Township),
                _ => None,
            })
    }
}

/// The years a report can be for: the 条例 took effect in 2008; beyond 2100 is a typing slip.
pub const YEARS: std::ops::RangeInclusive<u64> = 2008..=2100;

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Meta {
    /// 机关名称, e.g. 孟州市人民政府.
    pub agency: String,
    pub kind: AgencyKind,
    /// 报告年度: the year the report covers (published the following year).
    pub year: CountCell,
    /// 发布日期 as typed ("2024-01-20", "2024年1月20日"); empty when not yet known.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub published: String,
    /// The title as the report printed it, when imported; empty means the standard title.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
}

impl Meta {
    pub fn year(&self) -> Option<u64> {
        self.year.value().copied()
    }

    /// The year when it is one a report can be for ([`YEARS`]); rules that reason about dates
    /// and other years use this, so that a year typed half-way ("25") makes them wait instead of
    /// speaking of 26年3月31日.
    pub fn valid_year(&self) -> Option<u64> {
        self.year().filter(|y| YEARS.contains(y))
    }

    /// `{机关名称}{年度}年政府信息公开工作年度报告`, or the imported title when there is one.
    pub fn title(&self) -> String {
        if !self.title.trim().is_empty() {
            return self.title.trim().to_string();
        }
        standard_title(&self.agency, self.year())
    }
}

pub fn standard_title(agency: &str, year: Option<u64>) -> String {
    match year {
        Some(y) => format!("{}{}年政府信息公开工作年度报告", agency.trim(), y),
        None => format!("{}政府信息公开工作年度报告", agency.trim()),
    }
}

/// A calendar date, as far as the deadline rule needs one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses "2024-01-20", "2024/1/20", "2024.1.20", "2024年1月20日" (full-width digits too).
    pub fn parse(text: &str) -> Option<Date> {
        let folded: String = text.trim().chars().map(fold_width).collect();
        let parts: Vec<&str> = folded
            .split(['-', '/', '.', '年', '月', '日'])
            .filter(|p| !p.is_empty())
            .collect();
        let [y, m, d] = parts.as_slice() else {
            return None;
        };
        let date = Date {
            year: y.trim().parse().ok()?,
            month: m.trim().parse().ok()?,
            day: d.trim().parse().ok()?,
        };
        date.is_valid().then_some(date)
    }

    fn is_valid(&self) -> bool {
        let leap = (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100))
            || self.year.is_multiple_of(400);
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1000..=9999).contains(&self.year) && (1..=days).contains(&self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_offices_write() {
        let want = Some(Date {
            year: 2024,
            month: 1,
            day: 20,
        });
        for t in [
            "2024-01-20",
            "2024/1/20",
            "2024.1.20",
            "2024年1月20日",
            "２０２４年１月２０日",
        ] {
            assert_eq!(Date::parse(t), want, "{t}");
        }
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("明年一月"), None);
    }

    #[test]
    fn kinds_parse_from_labels() {
        assert_eq!(
            AgencyKind::parse("乡镇（街道）"),
            Some(AgencyKind::Township)
        );
        assert_eq!(
            AgencyKind::parse("人民政府"),
            Some(AgencyKind::PeoplesGovernment)
        );
        assert_eq!(
            AgencyKind::parse("department"),
            Some(AgencyKind::Department)
        );
        assert_eq!(AgencyKind::parse("学校"), None);
    }
}
