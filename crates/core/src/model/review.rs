//! Table 四: 政府信息公开行政复议、行政诉讼情况 — three groups of five cells.

use serde::{Deserialize, Serialize};

use crate::cell::CountCell;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewGroup {
    Reconsideration,
    LitigationDirect,
    LitigationAfterReconsideration,
}

impl ReviewGroup {
    pub const ALL: [ReviewGroup; 3] = [
        ReviewGroup::Reconsideration,
        ReviewGroup::LitigationDirect,
        ReviewGroup::LitigationAfterReconsideration,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReviewGroup::Reconsideration => "reconsideration",
            ReviewGroup::LitigationDirect => "litigation_direct",
            ReviewGroup::LitigationAfterReconsideration => "litigation_after_reconsideration",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewGroup::Reconsideration => "行政复议",
            ReviewGroup::LitigationDirect => "行政诉讼·未经复议直接起诉",
            ReviewGroup::LitigationAfterReconsideration => "行政诉讼·复议后起诉",
        }
    }

    /// The label printed in the table header (the litigation groups sit under 行政诉讼).
    pub fn header_label(self) -> &'static str {
        match self {
            ReviewGroup::Reconsideration => "行政复议",
            ReviewGroup::LitigationDirect => "未经复议直接起诉",
            ReviewGroup::LitigationAfterReconsideration => "复议后起诉",
        }
    }

    pub fn from_key(key: &str) -> Option<ReviewGroup> {
        ReviewGroup::ALL.into_iter().find(|g| g.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewOutcome {
    Upheld,
    Corrected,
    Other,
    Pending,
    Total,
}

impl ReviewOutcome {
    pub const ALL: [ReviewOutcome; 5] = [
        ReviewOutcome::Upheld,
        ReviewOutcome::Corrected,
        ReviewOutcome::Other,
        ReviewOutcome::Pending,
        ReviewOutcome::Total,
    ];
    pub const PARTS: [ReviewOutcome; 4] = [
        ReviewOutcome::Upheld,
        ReviewOutcome::Corrected,
        ReviewOutcome::Other,
        ReviewOutcome::Pending,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReviewOutcome::Upheld => "upheld",
            ReviewOutcome::Corrected => "corrected",
            ReviewOutcome::Other => "other",
            ReviewOutcome::Pending => "pending",
            ReviewOutcome::Total => "total",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewOutcome::Upheld => "结果维持",
            ReviewOutcome::Corrected => "结果纠正",
            ReviewOutcome::Other => "其他结果",
            ReviewOutcome::Pending => "尚未审结",
            ReviewOutcome::Total => "总计",
        }
    }

    pub fn from_key(key: &str) -> Option<ReviewOutcome> {
        ReviewOutcome::ALL.into_iter().find(|o| o.key() == key)
    }
}

/// One group's five cells.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewRow {
    pub upheld: CountCell,
    pub corrected: CountCell,
    pub other: CountCell,
    pub pending: CountCell,
    pub total: CountCell,
}

impl ReviewRow {
    pub fn get(&self, o: ReviewOutcome) -> &CountCell {
        match o {
            ReviewOutcome::Upheld => &self.upheld,
            ReviewOutcome::Corrected => &self.corrected,
            ReviewOutcome::Other => &self.other,
            ReviewOutcome::Pending => &self.pending,
            ReviewOutcome::Total => &self.total,
        }
    }

    pub fn get_mut(&mut self, o: ReviewOutcome) -> &mut CountCell {
        match o {
            ReviewOutcome::Upheld => &mut self.upheld,
            ReviewOutcome::Corrected => &mut self.corrected,
            ReviewOutcome::Other => &mut self.other,
            ReviewOutcome::Pending => &mut self.pending,
            ReviewOutcome::Total => &mut self.total,
        }
    }

    pub fn computed_total(&self) -> u64 {
        ReviewOutcome::PARTS
            .iter()
            .map(|&o| self.get(o).count_or_zero())
            .sum()
    }
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewTable {
    pub reconsideration: ReviewRow,
    pub litigation_direct: ReviewRow,
    pub litigation_after_reconsideration: ReviewRow,
}

impl ReviewTable {
    pub fn group(&self, g: ReviewGroup) -> &ReviewRow {
        match g {
            ReviewGroup::Reconsideration => &self.reconsideration,
            ReviewGroup::LitigationDirect => &self.litigation_direct,
            ReviewGroup::LitigationAfterReconsideration => &self.litigation_after_reconsideration,
        }
    }

    pub fn group_mut(&mut self, g: ReviewGroup) -> &mut ReviewRow {
        match g {
            ReviewGroup::Reconsideration => &mut self.reconsideration,
            ReviewGroup::LitigationDirect => &mut self.litigation_direct,
            ReviewGroup::LitigationAfterReconsideration => {
                &mut self.litigation_after_reconsideration
            }
        }
    }

    pub fn fill_totals(&mut self) {
        for g in ReviewGroup::ALL {
            let t = self.group(g).computed_total();
            self.group_mut(g).total = CountCell::from_count(t);
        }
    }
}
