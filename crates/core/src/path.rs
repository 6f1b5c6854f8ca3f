//! Field paths: the stable strings shared by the editor, diagnostics and the edit API
//! (`requests.new_received.natural_person`, `active.fee`, `overview.supervision`, …).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::CoreError;
use crate::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, PartKind, RequestRow, ReviewGroup,
    ReviewOutcome, Section,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// A whole section, for findings about the section as such (empty, missing parts).
    /// 五 and 六 are single fields and use [`FieldPath::Problems`] / [`FieldPath::Other`].
    Section(Section),
    Agency,
    Kind,
    Year,
    Published,
    Title,
    Intro,
    Part(PartKind),
    PartHeading(PartKind),
    Document(DocumentKind, DocumentColumn),
    Decision(DecisionKind),
    Fee,
    Request(RequestRow, Applicant),
    Review(ReviewGroup, ReviewOutcome),
    Problems,
    Other,
}

impl FieldPath {
    /// A cell of tables 二, 三 or 四 (the fee included), as opposed to a text or a setting.
    pub fn is_table_cell(self) -> bool {
        matches!(
            self,
            FieldPath::Document(..)
                | FieldPath::Decision(_)
                | FieldPath::Fee
                | FieldPath::Request(..)
                | FieldPath::Review(..)
        )
    }

    pub fn section(self) -> Section {
        match self {
            FieldPath::Section(s) => s,
            FieldPath::Agency
            | FieldPath::Kind
            | FieldPath::Year
            | FieldPath::Published
            | FieldPath::Title => Section::Meta,
            FieldPath::Intro | FieldPath::Part(_) | FieldPath::PartHeading(_) => Section::Overview,
            FieldPath::Document(..) | FieldPath::Decision(_) | FieldPath::Fee => Section::Active,
            FieldPath::Request(..) => Section::Requests,
            FieldPath::Review(..) => Section::Review,
            FieldPath::Problems => Section::Problems,
            FieldPath::Other => Section::Other,
        }
    }

    /// Where the field is, in words a user recognises ("表三·自然人·本年新收").
    pub fn label(self) -> String {
        match self {
            FieldPath::Section(s) => s.heading().to_string(),
            FieldPath::Agency => "基本信息·机关名称".into(),
            FieldPath::Kind => "基本信息·机关类别".into(),
            FieldPath::Year => "基本信息·报告年度".into(),
            FieldPath::Published => "基本信息·发布日期".into(),
            FieldPath::Title => "标题".into(),
            FieldPath::Intro => "一、总体情况·开头部分".into(),
            FieldPath::Part(k) => format!("一、总体情况·{}{}", k.numeral(), k.heading()),
            FieldPath::PartHeading(k) => {
                format!("一、总体情况·{}{}·小标题", k.numeral(), k.heading())
            }
            FieldPath::Document(k, c) => format!("表二·{}·{}", k.label(), c.label()),
            FieldPath::Decision(k) => format!("表二·{}·本年处理决定数量", k.label()),
            FieldPath::Fee => "表二·行政事业性收费·本年收费金额".into(),
            FieldPath::Request(r, c) => format!("表三·{}·{}", c.long_label(), r.full_label()),
            FieldPath::Review(g, o) => format!("表四·{}·{}", g.label(), o.label()),
            FieldPath::Problems => "五、存在的主要问题及改进情况".into(),
            FieldPath::Other => "六、其他需要报告的事项".into(),
        }
    }

    /// Every path that holds a value the user can edit, in document order.
    pub fn all_fields() -> Vec<FieldPath> {
        let mut v = vec![
            FieldPath::Agency,
            FieldPath::Kind,
            FieldPath::Year,
            FieldPath::Published,
            FieldPath::Title,
            FieldPath::Intro,
        ];
        for k in PartKind::ALL {
            v.push(FieldPath::PartHeading(k));
            v.push(FieldPath::Part(k));
        }
        for k in DocumentKind::ALL {
            for c in DocumentColumn::ALL {
                v.push(FieldPath::Document(k, c));
            }
        }
        v.extend(DecisionKind::ALL.map(FieldPath::Decision));
        v.push(FieldPath::Fee);
        for r in RequestRow::ALL {
            for c in Applicant::ALL {
                v.push(FieldPath::Request(r, c));
            }
        }
        for g in ReviewGroup::ALL {
            for o in ReviewOutcome::ALL {
                v.push(FieldPath::Review(g, o));
            }
        }
        v.push(FieldPath::Problems);
        v.push(FieldPath::Other);
        v
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Section(s) => f.write_str(s.key()),
            FieldPath::Agency => f.write_str("meta.agency"),
            FieldPath::Kind => f.write_str("meta.kind"),
            FieldPath::Year => f.write_str("meta.year"),
            FieldPath::Published => f.write_str("meta.published"),
            FieldPath::Title => f.write_str("meta.title"),
            FieldPath::Intro => f.write_str("overview.intro"),
            FieldPath::Part(k) => write!(f, "overview.{}", k.key()),
            FieldPath::PartHeading(k) => write!(f, "overview.{}.heading", k.key()),
            FieldPath::Document(k, c) => write!(f, "active.{}.{}", k.key(), c.key()),
            FieldPath::Decision(k) => write!(f, "active.{}", k.key()),
            FieldPath::Fee => f.write_str("active.fee"),
            FieldPath::Request(r, c) => write!(f, "requests.{}.{}", r.key(), c.key()),
            FieldPath::Review(g, o) => write!(f, "review.{}.{}", g.key(), o.key()),
            FieldPath::Problems => f.write_str("problems"),
            FieldPath::Other => f.write_str("other"),
        }
    }
}

impl FromStr for FieldPath {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<FieldPath, CoreError> {
        let unknown = || CoreError::UnknownPath(s.to_string());
        let parts: Vec<&str> = s.split('.').collect();
        let path = match parts.as_slice() {
            [one] => match *one {
                "problems" => FieldPath::Problems,
                "other" => FieldPath::Other,
                key => FieldPath::Section(Section::from_key(key).ok_or_else(unknown)?),
            },
            ["meta", f] => match *f {
                "agency" => FieldPath::Agency,
                "kind" => FieldPath::Kind,
                "year" => FieldPath::Year,
                "published" => FieldPath::Published,
                "title" => FieldPath::Title,
                _ => return Err(unknown()),
            },
            ["overview", "intro"] => FieldPath::Intro,
            ["overview", p] => FieldPath::Part(PartKind::from_key(p).ok_or_else(unknown)?),
            ["overview", p, "heading"] => {
                FieldPath::PartHeading(PartKind::from_key(p).ok_or_else(unknown)?)
            }
            ["active", "fee"] => FieldPath::Fee,
            ["active", d] => FieldPath::Decision(
                DecisionKind::ALL
                    .into_iter()
                    .find(|k| k.key() == *d)
                    .ok_or_else(unknown)?,
            ),
            ["active", k, c] => FieldPath::Document(
                DocumentKind::ALL
                    .into_iter()
                    .find(|x| x.key() == *k)
                    .ok_or_else(unknown)?,
                DocumentColumn::ALL
                    .into_iter()
                    .find(|x| x.key() == *c)
                    .ok_or_else(unknown)?,
            ),
            ["requests", r, c] => FieldPath::Request(
                RequestRow::from_key(r).ok_or_else(unknown)?,
                Applicant::from_key(c).ok_or_else(unknown)?,
            ),
            ["review", g, o] => FieldPath::Review(
                ReviewGroup::from_key(g).ok_or_else(unknown)?,
                ReviewOutcome::from_key(o).ok_or_else(unknown)?,
            ),
            _ => return Err(unknown()),
        };
        Ok(path)
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_round_trips_through_its_string() {
        let mut all = FieldPath::all_fields();
        // 五 and 六 are single text fields: their section path is the field path itself.
        all.extend(
            Section::ALL
                .into_iter()
                .filter(|s| !matches!(s, Section::Problems | Section::Other))
                .map(FieldPath::Section),
        );
        let mut seen = std::collections::HashSet::new();
        for p in all {
            let s = p.to_string();
            assert!(seen.insert(s.clone()), "duplicate path string {s}");
            assert_eq!(s.parse::<FieldPath>(), Ok(p), "{s}");
        }
        assert_eq!(seen.len(), 5 + 1 + 10 + 6 + 3 + 1 + 175 + 15 + 2 + 5);
    }

    #[test]
    fn the_documented_examples_parse() {
        assert_eq!(
            "requests.new_received.natural_person".parse::<FieldPath>(),
            Ok(FieldPath::Request(
                RequestRow::NewReceived,
                Applicant::NaturalPerson
            ))
        );
        assert!("requests.new_received".parse::<FieldPath>().is_err());
        assert!("requests.nope.total".parse::<FieldPath>().is_err());
        assert_eq!(
            FieldPath::Request(RequestRow::NewReceived, Applicant::NaturalPerson).label(),
            "表三·自然人·本年新收"
        );
    }
}
