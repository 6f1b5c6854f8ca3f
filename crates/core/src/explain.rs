//! Written 说明 for a 警告 or 提示 that is true: the reviewer's "确认无误，说明：…" kept in the file,
//! keyed by the finding's code and field so that it survives edits elsewhere. An 错误 cannot be
//! explained away: the format's sums are not a matter of opinion.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::CoreError;
use crate::model::Report;
use crate::path::FieldPath;

/// Long enough for a paragraph of reasons, short enough that a 说明 stays a note and not a
/// second report (the 审核表 prints it in one cell).
pub const MAX_EXPLANATION_CHARS: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The rule's code (`TEXT-SHARE-MISMATCH`).
    pub code: String,
    /// The finding's first field: where the editor shows it.
    pub field: FieldPath,
    /// What the user wrote, trimmed; never empty.
    pub text: String,
}

impl Report {
    /// The 说明 given for findings of `code` at `field`, if any.
    pub fn explanation(&self, code: &str, field: FieldPath) -> Option<&str> {
        self.explanations
            .iter()
            .find(|e| e.code == code && e.field == field)
            .map(|e| e.text.as_str())
    }

    /// Gives (or, with an empty text, withdraws) the 说明 for findings of `code` at `field`.
    pub fn explain(&mut self, code: &str, field: FieldPath, text: &str) -> Result<(), CoreError> {
        let rule = crate::rules::rule(code).ok_or_else(|| CoreError::UnknownRule(code.into()))?;
        if rule.severity == Severity::Error {
            return Err(CoreError::ErrorNotExplainable(code.into()));
        }
        let text = text.trim();
        let chars = text.chars().count();
        if chars > MAX_EXPLANATION_CHARS {
            return Err(CoreError::ExplanationTooLong {
                chars,
                limit: MAX_EXPLANATION_CHARS,
            });
        }
        let at = self
            .explanations
            .iter()
            .position(|e| e.code == code && e.field == field);
        match (at, text.is_empty()) {
            (Some(i), true) => {
                self.explanations.remove(i);
            }
            (Some(i), false) => self.explanations[i].text = text.to_string(),
            (None, true) => {}
            (None, false) => self.explanations.push(Explanation {
                code: code.to_string(),
                field,
                text: text.to_string(),
            }),
        }
        Ok(())
    }

    /// Drops the 说明 whose finding is gone (the number was corrected, the sentence rewritten),
    /// so that a file never carries reasons for a warning it no longer has. Called when the
    /// report is saved, against the findings of a full check of the report alone; returns how
    /// many were dropped. A 说明 for a rule that needs more than the report (the 政府办's word
    /// list, last year's whole text) is kept: a check without that input cannot say it is gone.
    pub fn prune_explanations(&mut self, findings: &[Diagnostic]) -> usize {
        let before = self.explanations.len();
        self.explanations.retain(|e| {
            NEEDS_MORE_THAN_THE_REPORT.contains(&e.code.as_str())
                || findings
                    .iter()
                    .any(|d| d.code == e.code && d.paths.first() == Some(&e.field))
        });
        before - self.explanations.len()
    }
}

/// Rules whose findings depend on input besides the report itself.
const NEEDS_MORE_THAN_THE_REPORT: &[&str] = &[
    "TEXT-WORDLIST",
    "TEXT-REPEATS-LAST-YEAR",
    "TEXT-SECTION-REPEATS-LAST-YEAR",
];

/// Marks the findings the report explains. Errors are never marked, whatever a hand-edited file
/// says.
pub(crate) fn attach(report: &Report, findings: &mut [Diagnostic]) {
    if report.explanations.is_empty() {
        return;
    }
    for d in findings.iter_mut() {
        if d.severity == Severity::Error {
            continue;
        }
        if let Some(field) = d.paths.first() {
            if let Some(text) = report.explanation(d.code, *field) {
                d.explanation = Some(text.to_string());
            }
        }
    }
}
