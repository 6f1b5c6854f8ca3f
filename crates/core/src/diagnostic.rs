//! What the validator says: a stable code, a severity, the fields concerned, what is wrong (with
//! the actual numbers) and how to fix it.

use serde::{Deserialize, Serialize};

use crate::model::Section;
use crate::path::FieldPath;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// The fields the finding is about; the first is where the editor jumps to.
    pub paths: Vec<FieldPath>,
    pub message: String,
    pub hint: String,
    /// A change that settles the finding, when the rule knows the exact text and the right value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Where in the first field's text the finding points (characters `start..end`): what the
    /// editor selects when the user jumps to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    /// The user's written 说明 when this 警告 or 提示 is true and explained ("确认无误，说明：…");
    /// never set on an 错误.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// A quick fix as data: replace `found` at characters `start..end` of the field at `path` by
/// `replacement`. Offsets count characters (Unicode scalar values), not bytes, so the CLI's
/// JSON and the editor read them alike; `found` lets [`crate::Report::apply_fix`] refuse a fix
/// made for a text that has changed since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub path: FieldPath,
    pub start: usize,
    pub end: usize,
    pub found: String,
    pub replacement: String,
    /// Whether `nianbao validate --fix` may apply it unattended: the right value is beyond doubt
    /// (a total that disagrees with its parts is not: a part may be the wrong number).
    pub safe: bool,
}

impl Fix {
    /// A fix that replaces a whole cell's text (a total's "应为 N").
    pub fn whole(path: FieldPath, found: &str, replacement: String, safe: bool) -> Fix {
        Fix {
            path,
            start: 0,
            end: found.chars().count(),
            found: found.to_string(),
            replacement,
            safe,
        }
    }

    /// The button's words: "改为 147".
    pub fn label(&self) -> String {
        format!("改为 {}", self.replacement)
    }
}

impl Diagnostic {
    /// A 警告 or 提示 without a 说明: what still needs the author's attention besides the errors.
    pub fn is_open_warning(&self) -> bool {
        self.severity != Severity::Error && self.explanation.is_none()
    }

    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        if self.span.is_none() && self.paths.first() == Some(&fix.path) {
            self.span = Some((fix.start, fix.end));
        }
        self.fix = Some(fix);
        self
    }

    /// Points the finding at characters `start..end` of its first field's text.
    pub fn at(mut self, start: usize, end: usize) -> Diagnostic {
        self.span = Some((start, end));
        self
    }

    pub fn section(&self) -> Option<Section> {
        self.paths.first().map(|p| p.section())
    }

    /// Where the finding is, in words ("表三·自然人·本年新收").
    pub fn location(&self) -> String {
        self.paths.first().map(|p| p.label()).unwrap_or_default()
    }
}

/// One entry of the rule catalogue. Diagnostics take their code and severity from here, so the
/// catalogue printed by `nianbao rules` cannot drift from what the validator does.
#[derive(Debug, Serialize)]
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// What the rule checks, in one sentence.
    pub meaning: &'static str,
    /// Where the requirement comes from.
    pub basis: &'static str,
}

impl Rule {
    pub fn diag(
        &'static self,
        paths: Vec<FieldPath>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code: self.code,
            severity: self.severity,
            paths,
            message: message.into(),
            hint: hint.into(),
            fix: None,
            span: None,
            explanation: None,
        }
    }
}

/// Counts per severity, for summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub errors: usize,
    /// Every 警告, explained or not ("警告 3，已说明 2").
    pub warnings: usize,
    pub infos: usize,
    /// The 警告 and 提示 among them that carry a 说明.
    pub explained: usize,
}

impl Tally {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Tally {
        let mut t = Tally::default();
        for d in diags {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => t.infos += 1,
            }
            if d.explanation.is_some() {
                t.explained += 1;
            }
        }
        t
    }
}
