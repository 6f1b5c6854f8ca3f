//! 一、总体情况: optional text before the parts, and the five standard parts.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartKind {
    Active,
    Requests,
    Management,
    Platform,
    Supervision,
}

impl PartKind {
    pub const ALL: [PartKind; 5] = [
        PartKind::Active,
        PartKind::Requests,
        PartKind::Management,
        PartKind::Platform,
        PartKind::Supervision,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PartKind::Active => "active",
            PartKind::Requests => "requests",
            PartKind::Management => "management",
            PartKind::Platform => "platform",
            PartKind::Supervision => "supervision",
        }
    }

    /// The standard heading without its number.
    pub fn heading(self) -> &'static str {
        match self {
            PartKind::Active => "主动公开",
            PartKind::Requests => "依申请公开",
            PartKind::Management => "政府信息管理",
            PartKind::Platform => "政府信息公开平台建设",
            PartKind::Supervision => "监督保障",
        }
    }

    pub fn numeral(self) -> &'static str {
        match self {
            PartKind::Active => "（一）",
            PartKind::Requests => "（二）",
            PartKind::Management => "（三）",
            PartKind::Platform => "（四）",
            PartKind::Supervision => "（五）",
        }
    }

    pub fn from_key(key: &str) -> Option<PartKind> {
        PartKind::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// One part as the report writes it. The heading is kept when the report words it its own way
/// ("不断优化政府信息公开平台建设"); empty means the standard heading.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Part {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub heading: String,
    pub text: String,
}

impl Part {
    pub fn heading_or_standard(&self, kind: PartKind) -> &str {
        if self.heading.trim().is_empty() {
            kind.heading()
        } else {
            self.heading.trim()
        }
    }
}

/// `None` means the report has no such part at all (seed 004 writes 一 as free text), which is
/// different from a part whose heading is there but whose text is empty.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Overview {
    pub intro: String,
    pub active: Option<Part>,
    pub requests: Option<Part>,
    pub management: Option<Part>,
    pub platform: Option<Part>,
    pub supervision: Option<Part>,
}

impl Overview {
    pub fn part(&self, k: PartKind) -> Option<&Part> {
        match k {
            PartKind::Active => self.active.as_ref(),
            PartKind::Requests => self.requests.as_ref(),
            PartKind::Management => self.management.as_ref(),
            PartKind::Platform => self.platform.as_ref(),
            PartKind::Supervision => self.supervision.as_ref(),
        }
    }

    pub fn part_slot(&mut self, k: PartKind) -> &mut Option<Part> {
        match k {
            PartKind::Active => &mut self.active,
            PartKind::Requests => &mut self.requests,
            PartKind::Management => &mut self.management,
            PartKind::Platform => &mut self.platform,
            PartKind::Supervision => &mut self.supervision,
        }
    }

    /// The parts present, in standard order.
    pub fn parts(&self) -> impl Iterator<Item = (PartKind, &Part)> {
        PartKind::ALL
            .into_iter()
            .filter_map(move |k| self.part(k).map(|p| (k, p)))
    }

    pub fn has_no_parts(&self) -> bool {
        PartKind::ALL.iter().all(|&k| self.part(k).is_none())
    }

    pub fn is_empty(&self) -> bool {
        self.intro.trim().is_empty() && self.parts().all(|(_, p)| p.text.trim().is_empty())
    }
}
