//! One file read and checked: what the desk's row and `nianbao check`'s line say about it.

use std::path::{Path, PathBuf};

use nianbao_core::{load_report, validate, Diagnostic, Report, Severity, Tally};
use serde::{Serialize, Serializer};

use crate::collect::is_importable;
use crate::stamp::{stamp, Stamp};

/// One finding of a checked report, in the words of the 问题明细 sheet.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Where, in words ("表三·自然人·本年新收"); empty for the report as a whole.
    pub location: String,
    #[serde(serialize_with = "severity_label")]
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub suggestion: String,
    /// The author's written 说明 of a true 警告 or 提示, kept in the report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

fn severity_label<S: Serializer>(s: &Severity, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s.label())
}

impl Finding {
    pub fn of(d: &Diagnostic) -> Finding {
        Finding {
            location: d.location(),
            severity: d.severity,
            code: d.code,
            message: d.message.clone(),
            suggestion: d.hint.clone(),
            explanation: d.explanation.clone(),
        }
    }

    /// The finding in one line: "表三·合计·本年新收：…".
    pub fn in_words(&self) -> String {
        if self.location.is_empty() {
            self.message.clone()
        } else {
            format!("{}：{}", self.location, self.message)
        }
    }
}

/// What became of one file.
// Nearly every row is Checked: boxing its fields to shrink the rare Unreadable would cost an
// allocation per row and save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    Checked {
        /// 单位, empty when the report names none.
        agency: String,
        title: String,
        /// 年度, None when the report's year is not a valid year.
        year: Option<u64>,
        /// 类型: the agency kind's Chinese label.
        kind: String,
        tally: Tally,
        /// The first 错误 in words (location and message).
        first_error: Option<String>,
        /// Every finding, worst first, in the validator's order within a severity.
        findings: Vec<Finding>,
        /// For a file that was imported (not a .nianbao.json): how many import notes it had.
        import_notes: usize,
        /// The cells the peers' rates are made of, kept so that comparing peers needs no second
        /// reading of the files.
        figures: crate::own::Figures,
    },
    Unreadable {
        /// Why the file could not be read, a Chinese sentence.
        reason: String,
    },
}

/// One file of a batch and what became of it.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub file: PathBuf,
    /// The file when it was read (None: it could not even be looked at).
    pub stamp: Option<Stamp>,
    pub outcome: Outcome,
}

impl Row {
    pub fn unreadable(file: PathBuf, reason: impl Into<String>) -> Row {
        Row {
            file,
            stamp: None,
            outcome: Outcome::Unreadable {
                reason: reason.into(),
            },
        }
    }

    pub fn tally(&self) -> Option<Tally> {
        match &self.outcome {
            Outcome::Checked { tally, .. } => Some(*tally),
            Outcome::Unreadable { .. } => None,
        }
    }

    /// The 单位 if the report names one, else the file's name: what a list shows first.
    pub fn display_name(&self) -> String {
        match &self.outcome {
            Outcome::Checked { agency, .. } if !agency.trim().is_empty() => agency.clone(),
            _ => self.file_name(),
        }
    }

    pub fn file_name(&self) -> String {
        self.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.file.display().to_string())
    }
}

/// A report read from a file of any form, and how many import notes it came with (0 for a
/// `.nianbao.json`).
pub fn read_any(path: &Path) -> Result<(Report, usize), String> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err("这是一个文件夹，不是年报文件。".to_string());
    }
    let name = path.to_string_lossy();
    if is_importable(&name) {
        return nianbao_convert::import_path(path).map(|i| (i.report, i.findings.len()));
    }
    read_saved(path).map(|r| (r, 0))
}

/// A `.nianbao.json`, refused before reading when it is too large to be one.
pub fn read_saved(path: &Path) -> Result<Report, String> {
    use nianbao_core::error::io_reason;
    use nianbao_core::file::MAX_FILE_BYTES;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_dir() {
            return Err("这是一个文件夹，不是年报文件。".to_string());
        }
        if meta.len() > MAX_FILE_BYTES as u64 {
            let e = nianbao_core::CoreError::TooLarge {
                size_mb: meta.len().div_ceil(1024 * 1024),
                limit_mb: (MAX_FILE_BYTES / (1024 * 1024)) as u64,
            };
            return Err(e.to_string());
        }
    }
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取文件：{}", io_reason(&e)))?;
    load_report(&bytes).map_err(|e| e.to_string())
}

/// What the checker says about a report that was read.
pub fn outcome_of(report: &Report, import_notes: usize) -> Outcome {
    let mut diags = validate(report, None);
    // Stable: within a severity the validator's order (table by table) stays.
    diags.sort_by_key(|d| d.severity);
    let findings: Vec<Finding> = diags.iter().map(Finding::of).collect();
    let first_error = findings
        .iter()
        .find(|f| f.severity == Severity::Error)
        .map(Finding::in_words);
    Outcome::Checked {
        agency: report.meta.agency.trim().to_string(),
        title: report.title(),
        year: report.meta.year(),
        kind: report.meta.kind.label().to_string(),
        tally: Tally::of(&diags),
        first_error,
        findings,
        import_notes,
        figures: crate::own::Figures::of(report),
    }
}

/// Reads (any form) and checks one file. The stamp is taken before reading, so a file changed
/// while it is read counts as changed at the next 刷新.
pub fn check_file(path: &Path) -> Row {
    let stamp = stamp(path);
    let outcome = match read_any(path) {
        Ok((report, notes)) => outcome_of(&report, notes),
        Err(reason) => Outcome::Unreadable { reason },
    };
    Row {
        file: path.to_path_buf(),
        stamp,
        outcome,
    }
}
