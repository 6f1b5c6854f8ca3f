//! What crosses the IPC boundary. These types are the contract with the UI: their TypeScript
//! twins in `ui/src/bindings.ts` are generated from them (see `bindings.rs`) and checked for
//! staleness by a test. The core's own types stay free of ts-rs.

use std::collections::BTreeMap;

use nianbao_core::{Diagnostic, Fix, Severity};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::doc::Document;

/// One finding of the validator, flattened for display.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticDto {
    pub code: String,
    pub severity: SeverityDto,
    /// 错误, 警告 or 提示.
    pub severity_label: String,
    /// The section the first path belongs to; `null` for findings about the report as a whole.
    #[ts(type = "SectionKey | null")]
    pub section: Option<String>,
    /// The fields concerned; the first is where a click in the findings list jumps to.
    #[ts(type = "FieldPath[]")]
    pub paths: Vec<String>,
    /// Where, in words a user recognises (表三·自然人·本年新收).
    pub location: String,
    pub message: String,
    pub hint: String,
    /// A quick fix the editor offers as a button ("改为 147"); sent back as is to `apply_fix`.
    pub fix: Option<FixDto>,
    /// What to select in the first field when the user jumps to the finding, in UTF-16 code
    /// units as the page's `setSelectionRange` counts them.
    #[ts(type = "[number, number] | null")]
    pub select: Option<[u32; 2]>,
    /// The written 说明 when this 警告 or 提示 is explained; never on an 错误.
    pub explanation: Option<String>,
}

/// A quick fix: replace `found` at characters `start..end` of the field by `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FixDto {
    #[ts(type = "FieldPath")]
    pub path: String,
    pub start: u32,
    pub end: u32,
    pub found: String,
    pub replacement: String,
    pub safe: bool,
    /// The button's words: "改为 147".
    pub label: String,
}

impl From<&Fix> for FixDto {
    fn from(f: &Fix) -> FixDto {
        FixDto {
            path: f.path.to_string(),
            start: u32::try_from(f.start).unwrap_or(u32::MAX),
            end: u32::try_from(f.end).unwrap_or(u32::MAX),
            found: f.found.clone(),
            replacement: f.replacement.clone(),
            safe: f.safe,
            label: f.label(),
        }
    }
}

impl TryFrom<&FixDto> for Fix {
    type Error = crate::error::AppError;
    fn try_from(f: &FixDto) -> Result<Fix, Self::Error> {
        Ok(Fix {
            path: f.path.parse()?,
            start: f.start as usize,
            end: f.end as usize,
            found: f.found.clone(),
            replacement: f.replacement.clone(),
            safe: f.safe,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SeverityDto {
    Error,
    Warning,
    Info,
}

impl From<&Diagnostic> for DiagnosticDto {
    fn from(d: &Diagnostic) -> DiagnosticDto {
        DiagnosticDto {
            code: d.code.to_string(),
            severity: match d.severity {
                Severity::Error => SeverityDto::Error,
                Severity::Warning => SeverityDto::Warning,
                Severity::Info => SeverityDto::Info,
            },
            severity_label: d.severity.label().to_string(),
            section: d.section().map(|s| s.key().to_string()),
            paths: d.paths.iter().map(|p| p.to_string()).collect(),
            location: d.location(),
            message: d.message.clone(),
            hint: d.hint.clone(),
            fix: d.fix.as_ref().map(FixDto::from),
            select: None,
            explanation: d.explanation.clone(),
        }
    }
}

pub fn diagnostics(d: &Document) -> Vec<DiagnosticDto> {
    nianbao_core::validate_opts(d.report(), None, d.check, &d.checks.options())
        .iter()
        .map(|diag| {
            let mut dto = DiagnosticDto::from(diag);
            dto.select = selection(d, diag);
            dto
        })
        .collect()
}

/// A diagnostic's character span in its first field, as UTF-16 offsets for the page.
fn selection(d: &Document, diag: &Diagnostic) -> Option<[u32; 2]> {
    let (start, end) = diag.span?;
    let text = d.report().text_at(*diag.paths.first()?)?;
    let utf16 = |chars: usize| -> Option<u32> {
        let units: usize = text.chars().take(chars).map(char::len_utf16).sum();
        u32::try_from(units).ok()
    };
    (end <= text.chars().count()).then_some([utf16(start)?, utf16(end)?])
}

/// The document's state as the window frame and the menu show it.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocStatus {
    pub revision: u64,
    /// The report's title (`{机关名称}{年度}年政府信息公开工作年度报告`).
    pub title: String,
    /// The window title: the report's title, marked with `*` while unsaved.
    pub window_title: String,
    pub dirty: bool,
    /// Where the report is saved; `null` for a new report never saved.
    pub path: Option<String>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// What Ctrl+Z would undo, in words ("修改表三·自然人·本年新收", "空格填 0"), for the undo
    /// button's tooltip and the status line once undone.
    pub undo_label: Option<String>,
    /// What Ctrl+Y would redo, in words.
    pub redo_label: Option<String>,
}

impl DocStatus {
    pub fn of(d: &Document) -> DocStatus {
        let r = d.report();
        let title = if r.meta.agency.trim().is_empty() && r.meta.title.trim().is_empty() {
            "未命名年报".to_string()
        } else {
            r.title()
        };
        let window_title = if d.is_dirty() {
            format!("*{title}")
        } else {
            title.clone()
        };
        DocStatus {
            revision: d.revision(),
            title,
            window_title,
            dirty: d.is_dirty(),
            path: d.path.as_ref().map(|p| p.display().to_string()),
            can_undo: d.can_undo(),
            can_redo: d.can_redo(),
            undo_label: d.undo_label().map(str::to_string),
            redo_label: d.redo_label().map(str::to_string),
        }
    }
}

/// The reply to every edit: what the validator now says, what the totals should be, and which
/// other fields changed as a consequence.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EditResult {
    pub status: DocStatus,
    pub diagnostics: Vec<DiagnosticDto>,
    /// What every total cell should hold, by path, as decimal text: a JavaScript number would
    /// round counts above 2^53.
    #[ts(type = "Partial<Record<FieldPath, string>>")]
    pub computed: BTreeMap<String, String>,
    /// Fields whose text changed besides the one edited (totals that follow their parts).
    #[ts(type = "Partial<Record<FieldPath, string>>")]
    pub changed: BTreeMap<String, String>,
    /// 总体情况's characters and the local limit ("856 / 1000 字"), when the limit is chosen.
    pub overview_length: Option<[u32; 2]>,
}

/// Everything the UI needs to draw the document from scratch (after open, new, undo, redo).
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub status: DocStatus,
    pub diagnostics: Vec<DiagnosticDto>,
    /// As in [`EditResult::computed`].
    #[ts(type = "Partial<Record<FieldPath, string>>")]
    pub computed: BTreeMap<String, String>,
    /// The text of every field.
    #[ts(type = "Record<FieldPath, string>")]
    pub fields: BTreeMap<String, String>,
    pub recent: Vec<RecentFile>,
    /// A message to show once (a file given on the command line that could not be opened).
    pub notice: Option<String>,
    /// Unsaved work found from an editor that did not close normally.
    pub recovery: Option<RecoveryOffer>,
    /// A new report's year and the other year the user may mean: `[suggested, other]`.
    #[ts(type = "[number, number] | null")]
    pub year_choice: Option<Vec<u64>>,
    /// Last year's figures the report carries, by cell; empty when it carries none.
    #[ts(type = "Partial<Record<FieldPath, string>>")]
    pub previous: BTreeMap<String, String>,
    /// The year of those figures.
    pub previous_year: Option<u64>,
    /// As in [`EditResult::overview_length`].
    pub overview_length: Option<[u32; 2]>,
}

/// What the recovery offer names: when the work was last autosaved and what it is.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryOffer {
    /// Unix milliseconds of the last autosave (the UI shows it in local time).
    pub saved_at_ms: u64,
    pub title: String,
    /// The file the work belongs to; `null` for a report that was never saved.
    pub file_name: Option<String>,
}

impl RecoveryOffer {
    pub fn of(o: &crate::autosave::Orphan) -> RecoveryOffer {
        let title = if o.report.meta.agency.trim().is_empty() {
            "未命名年报".to_string()
        } else {
            o.report.title()
        };
        RecoveryOffer {
            saved_at_ms: o.saved_at_ms,
            title,
            file_name: o.path.as_deref().map(crate::files::display_name),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecentFile {
    pub path: String,
    /// The file name without its folders, for the menu.
    pub name: String,
}

/// One edit in a batch (a pasted block).
#[derive(Clone, Debug, Deserialize, Serialize, TS)]
pub struct FieldEdit {
    #[ts(type = "FieldPath")]
    pub path: String,
    pub text: String,
}

/// The outcome of a file command: done, or cancelled by the user (not an error).
#[derive(Clone, Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FileOutcome {
    Done {
        snapshot: Box<Snapshot>,
        /// What an import could not place or had to decide, for the user to check.
        #[serde(rename = "importNotes")]
        import_notes: Vec<crate::imports::ImportNote>,
    },
    Cancelled,
}

fn computed_texts(d: &Document) -> BTreeMap<String, String> {
    d.report()
        .computed_totals()
        .into_iter()
        .map(|(path, n)| (path, n.to_string()))
        .collect()
}

/// Counted by the rule's own function, so the number shown is the number checked.
fn overview_length(d: &Document) -> Option<[u32; 2]> {
    let max = d.checks.local.overview_max_chars?;
    let n = nianbao_core::rules::local::overview_chars(d.report());
    Some([u32::try_from(n).unwrap_or(u32::MAX), max])
}

pub fn edit_result(d: &Document, changed: BTreeMap<String, String>) -> EditResult {
    EditResult {
        status: DocStatus::of(d),
        diagnostics: diagnostics(d),
        computed: computed_texts(d),
        changed,
        overview_length: overview_length(d),
    }
}

pub fn snapshot(
    d: &Document,
    recent: Vec<RecentFile>,
    notice: Option<String>,
    recovery: Option<RecoveryOffer>,
) -> Snapshot {
    Snapshot {
        status: DocStatus::of(d),
        diagnostics: diagnostics(d),
        computed: computed_texts(d),
        fields: d.fields(),
        recent,
        notice,
        recovery,
        year_choice: None,
        previous: d.previous(),
        previous_year: d.report().last_year.as_ref().map(|l| l.year),
        overview_length: overview_length(d),
    }
}
