//! Table 二: 主动公开政府信息情况 (条例第二十条第（一）（五）（六）（八）项).

use serde::{Deserialize, Serialize};

use crate::cell::{CountCell, MoneyCell};

/// 规章 or 行政规范性文件: issued, repealed and in force this year.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DocumentCounts {
    pub issued: CountCell,
    pub repealed: CountCell,
    pub in_force: CountCell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    Regulations,
    NormativeDocuments,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 2] =
        [DocumentKind::Regulations, DocumentKind::NormativeDocuments];
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::Regulations => "regulations",
            DocumentKind::NormativeDocuments => "normative_documents",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Regulations => "规章",
            DocumentKind::NormativeDocuments => "行政规范性文件",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentColumn {
    Issued,
    Repealed,
    InForce,
}

impl DocumentColumn {
    pub const ALL: [DocumentColumn; 3] = [
        DocumentColumn::Issued,
        DocumentColumn::Repealed,
        DocumentColumn::InForce,
    ];
    pub fn key(self) -> &'static str {
        match self {
            DocumentColumn::Issued => "issued",
            DocumentColumn::Repealed => "repealed",
            DocumentColumn::InForce => "in_force",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DocumentColumn::Issued => "本年制发件数",
            DocumentColumn::Repealed => "本年废止件数",
            DocumentColumn::InForce => "现行有效件数",
        }
    }
}

impl DocumentCounts {
    pub fn get(&self, c: DocumentColumn) -> &CountCell {
        match c {
            DocumentColumn::Issued => &self.issued,
            DocumentColumn::Repealed => &self.repealed,
            DocumentColumn::InForce => &self.in_force,
        }
    }
    pub fn get_mut(&mut self, c: DocumentColumn) -> &mut CountCell {
        match c {
            DocumentColumn::Issued => &mut self.issued,
            DocumentColumn::Repealed => &mut self.repealed,
            DocumentColumn::InForce => &mut self.in_force,
        }
    }
}

/// The single-number rows: 行政许可, 行政处罚, 行政强制 (本年处理决定数量).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecisionKind {
    Licensing,
    Penalty,
    Enforcement,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [
        DecisionKind::Licensing,
        DecisionKind::Penalty,
        DecisionKind::Enforcement,
    ];
    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::Licensing => "licensing",
            DecisionKind::Penalty => "penalty",
            DecisionKind::Enforcement => "enforcement",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Licensing => "行政许可",
            DecisionKind::Penalty => "行政处罚",
            DecisionKind::Enforcement => "行政强制",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ActiveDisclosure {
    pub regulations: DocumentCounts,
    pub normative_documents: DocumentCounts,
    pub licensing: CountCell,
    pub penalty: CountCell,
    pub enforcement: CountCell,
    /// 行政事业性收费, 本年收费金额 in 万元.
    pub fee: MoneyCell,
}

impl ActiveDisclosure {
    pub fn documents(&self, k: DocumentKind) -> &DocumentCounts {
        match k {
            DocumentKind::Regulations => &self.regulations,
            DocumentKind::NormativeDocuments => &self.normative_documents,
        }
    }
    pub fn documents_mut(&mut self, k: DocumentKind) -> &mut DocumentCounts {
        match k {
            DocumentKind::Regulations => &mut self.regulations,
            DocumentKind::NormativeDocuments => &mut self.normative_documents,
        }
    }
    pub fn decision(&self, k: DecisionKind) -> &CountCell {
        match k {
            DecisionKind::Licensing => &self.licensing,
            DecisionKind::Penalty => &self.penalty,
            DecisionKind::Enforcement => &self.enforcement,
        }
    }
    pub fn decision_mut(&mut self, k: DecisionKind) -> &mut CountCell {
        match k {
            DecisionKind::Licensing => &mut self.licensing,
            DecisionKind::Penalty => &mut self.penalty,
            DecisionKind::Enforcement => &mut self.enforcement,
        }
    }
}
