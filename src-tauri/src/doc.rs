//! The open document: the report, where it lives on disk, whether it differs from what was saved,
//! and its undo history. No Tauri here, so all of it is unit-tested directly.

use std::collections::BTreeMap;
use std::path::PathBuf;

use nianbao_core::cell::MoneyCell;
use nianbao_core::{FieldPath, Mode, Report};

use crate::error::{AppError, AppResult};

/// The character index of a UTF-16 offset (a caret between the halves of a surrogate pair goes
/// after the pair).
pub fn char_index(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.chars().enumerate() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    text.chars().count()
}

/// What the validator applies besides the national rules (设置): the 政府办's word list and the
/// local requirements chosen. Kept with the document so every reply checks alike; carried over
/// when another document is opened.
#[derive(Clone, Debug, Default)]
pub struct Checks {
    pub words: Option<nianbao_core::WordList>,
    pub local: nianbao_core::LocalRules,
}

impl Checks {
    pub fn options(&self) -> nianbao_core::Options<'_> {
        nianbao_core::Options {
            words: self.words.as_ref(),
            local: self.local,
        }
    }
}

/// How many steps Ctrl+Z can go back.
const UNDO_LIMIT: usize = 200;

pub struct Document {
    report: Report,
    /// The report as last opened or saved: the document is dirty when it differs from this.
    saved: Report,
    pub path: Option<PathBuf>,
    /// Grows with every change, so the UI can drop replies older than what it shows.
    revision: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Consecutive edits of one field are one undo step (typing "92" is one change, not two).
    coalesce: Option<FieldPath>,
    /// The word list and local rules of the settings.
    pub checks: Checks,
    /// What the hints say: calm while a new report's tables are mostly empty, everything once
    /// the user asks for 审核.
    pub check: Mode,
}

/// One undo step: the report before it (after it, on the redo stack) and what the step was, in
/// words the undo and redo buttons' tooltips use ("修改表三·自然人·本年新收", "空格填 0").
struct Step {
    report: Report,
    label: String,
}

/// What one change did, beyond the text the user typed into the edited field.
#[derive(Debug, Default, PartialEq)]
pub struct Change {
    /// Fields whose text changed (a total that follows its parts, a pasted block, …).
    pub changed: BTreeMap<String, String>,
}

impl Document {
    pub fn new(report: Report, path: Option<PathBuf>) -> Document {
        Document {
            saved: report.clone(),
            report,
            path,
            revision: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            coalesce: None,
            checks: Checks::default(),
            check: Mode::Typing,
        }
    }

    /// A document made from something that is not its file (an import, a new year started from
    /// last year's report, a recovered autosave): unsaved until the user saves it. `saved` is
    /// what the file at `path` holds, if any.
    pub fn unsaved(report: Report, path: Option<PathBuf>, saved: Option<Report>) -> Document {
        let mut d = Document::new(report, path);
        d.saved = saved.unwrap_or_default();
        d
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.report != self.saved
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What Ctrl+Z would undo, in words.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What Ctrl+Y would redo, in words.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// The document now matches the file at `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = self.report.clone();
        self.path = Some(path);
        self.coalesce = None;
        self.revision += 1;
    }

    /// A change the edit API has no field for (关联上年年报), as one undo step. All or nothing.
    pub fn change(
        &mut self,
        f: impl FnOnce(&mut Report) -> Result<(), nianbao_core::CoreError>,
    ) -> AppResult<()> {
        self.change_as("关联上年年报", f)
    }

    /// [`Document::change`] with the step's name.
    fn change_as(
        &mut self,
        label: &str,
        f: impl FnOnce(&mut Report) -> Result<(), nianbao_core::CoreError>,
    ) -> AppResult<()> {
        let mut next = self.report.clone();
        f(&mut next)?;
        if next == self.report {
            return Ok(());
        }
        let before = std::mem::replace(&mut self.report, next);
        self.push_undo(before, label.to_string());
        self.redo.clear();
        self.coalesce = None;
        self.revision += 1;
        Ok(())
    }

    /// Last year's figures beside each table cell: the text of every cell of tables 二, 三 and 四
    /// and the fee in the figures the report carries, by path (cells last year left empty are
    /// left out: unknown is not 0).
    pub fn previous(&self) -> BTreeMap<String, String> {
        let Some(last) = &self.report.last_year else {
            return BTreeMap::new();
        };
        let tables = Report {
            active: last.active.clone(),
            requests: last.requests.clone(),
            review: last.review.clone(),
            ..Report::default()
        };
        FieldPath::all_fields()
            .into_iter()
            .filter(|p| p.is_table_cell())
            .filter_map(|p| {
                let t = tables.text_at(p)?;
                (!t.is_empty()).then(|| (p.to_string(), t))
            })
            .collect()
    }

    /// Every field's text, for a full refresh of the UI.
    pub fn fields(&self) -> BTreeMap<String, String> {
        FieldPath::all_fields()
            .into_iter()
            .filter_map(|p| self.report.text_at(p).map(|t| (p.to_string(), t)))
            .collect()
    }

    /// One typed text into one field. The edited field itself is not listed in the change (the
    /// UI already shows what was typed), unless the text is stored differently.
    pub fn edit(&mut self, path: &str, text: &str) -> AppResult<Change> {
        let p: FieldPath = path.parse()?;
        let before = self.report.clone();
        self.report.apply_at(p, text)?;
        if self.report == before {
            return Ok(Change::default());
        }
        if self.coalesce != Some(p) {
            self.push_undo(before.clone(), format!("修改{}", p.label()));
        }
        self.redo.clear();
        self.coalesce = Some(p);
        self.revision += 1;
        let mut change = diff(&before, &self.report);
        change.changed.remove(path);
        Ok(change)
    }

    /// Several edits as one undo step (a block pasted from a spreadsheet). All or nothing.
    pub fn edit_many(&mut self, edits: &[(String, String)]) -> AppResult<Change> {
        self.edit_many_as(&format!("粘贴 {} 个数", edits.len()), edits)
    }

    /// [`Document::edit_many`] with the step's name (空格填 0, a fix, 按表格生成).
    pub fn edit_many_as(&mut self, label: &str, edits: &[(String, String)]) -> AppResult<Change> {
        let before = self.report.clone();
        for (path, text) in edits {
            if let Err(e) = self.report.apply(path, text) {
                self.report = before;
                return Err(e.into());
            }
        }
        if self.report == before {
            return Ok(Change::default());
        }
        self.push_undo(before.clone(), label.to_string());
        self.redo.clear();
        self.coalesce = None;
        self.revision += 1;
        Ok(diff(&before, &self.report))
    }

    /// A quick fix ("改为 147"): exactly its characters replaced, as one undo step of its own.
    pub fn apply_fix(&mut self, fix: &nianbao_core::Fix) -> AppResult<Change> {
        let text = self.report.text_with_fix(fix)?;
        let label = format!("{}（{}）", fix.label(), fix.path.label());
        self.edit_many_as(&label, &[(fix.path.to_string(), text)])
    }

    /// "按表格生成": the paragraph put in at the cursor, `at` counted as the webview counts
    /// (UTF-16 code units), as one undo step of its own. Nothing the user wrote is overwritten.
    pub fn insert_generated(&mut self, path: &str, at_utf16: usize) -> AppResult<Change> {
        let p: FieldPath = path.parse()?;
        let mut report = self.report.clone();
        let text = report.text_at(p).unwrap_or_default();
        report.insert_generated(p, char_index(&text, at_utf16))?;
        let new_text = report.text_at(p).unwrap_or_default();
        self.edit_many_as(
            &format!("按表格生成（{}）", p.label()),
            &[(path.to_string(), new_text)],
        )
    }

    /// The user left a field: it shows from now on as stored. The fee gets its four decimals
    /// (805.5 → 805.5000) when that only adds zeros; more decimals are left for the rule to flag.
    pub fn finish_field(&mut self, path: &str) -> AppResult<Change> {
        let p: FieldPath = path.parse()?;
        let mut change = Change::default();
        // Only a fee typed in this visit: passing through the field (Tab, F8) must not rewrite
        // what the file holds ("805.50" stays as written until the user types in it).
        if p == FieldPath::Fee && self.coalesce == Some(p) {
            let fee = &self.report.active.fee;
            if let (Some(v), Some(shown)) = (fee.value(), fee.display_4dp()) {
                if v.scale() <= 4 && shown != fee.raw() {
                    // Typing and formatting are one undo step: the typing pushed it.
                    self.report.active.fee = MoneyCell::new(&shown);
                    self.redo.clear();
                    self.revision += 1;
                }
            }
        }
        self.coalesce = None;
        if let Some(text) = self.report.text_at(p) {
            change.changed.insert(path.to_string(), text);
        }
        Ok(change)
    }

    /// 写说明: the 说明 for a true 警告 or 提示 given, replaced or (empty) withdrawn, as one undo
    /// step. An 错误 is refused by the core.
    pub fn explain(&mut self, code: &str, path: &str, text: &str) -> AppResult<()> {
        let field: FieldPath = path.parse()?;
        let label = if text.trim().is_empty() {
            "撤销说明"
        } else {
            "写说明"
        };
        self.change_as(label, |r| r.explain(code, field, text))
    }

    /// Before a save: 说明 whose finding is gone are not written (see
    /// [`Report::prune_explanations`]). Checked in full, whatever the editor shows while typing.
    /// Not an undo step: nothing the user sees changes.
    pub fn prune_explanations(&mut self) {
        if self.report.explanations.is_empty() {
            return;
        }
        let findings =
            nianbao_core::validate_opts(&self.report, None, Mode::Full, &self.checks.options());
        if self.report.prune_explanations(&findings) > 0 {
            self.revision += 1;
        }
    }

    /// 放到…: a paragraph an import kept in the wrong place moved to the end of another prose
    /// field, as one undo step; refused when the text is no longer where it was.
    pub fn move_text(&mut self, from: &str, text: &str, to: &str) -> AppResult<Change> {
        let (from, to): (FieldPath, FieldPath) = (from.parse()?, to.parse()?);
        let [a, b] = self.report.moved_text(from, text, to)?;
        let label = format!("把一段文字移到“{}”", to.label());
        self.edit_many_as(&label, &[(a.0.to_string(), a.1), (b.0.to_string(), b.1)])
    }

    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.undo.pop() else {
            return false;
        };
        let after = std::mem::replace(&mut self.report, prev.report);
        self.redo.push(Step {
            report: after,
            label: prev.label,
        });
        self.coalesce = None;
        self.revision += 1;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let before = std::mem::replace(&mut self.report, next.report);
        self.undo.push(Step {
            report: before,
            label: next.label,
        });
        self.coalesce = None;
        self.revision += 1;
        true
    }

    fn push_undo(&mut self, report: Report, label: String) {
        self.undo.push(Step { report, label });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }
}

fn diff(before: &Report, after: &Report) -> Change {
    let mut changed = BTreeMap::new();
    for p in FieldPath::all_fields() {
        let now = after.text_at(p);
        if before.text_at(p) != now {
            changed.insert(p.to_string(), now.unwrap_or_default());
        }
    }
    Change { changed }
}

/// Checks that a path names an editable field (for commands that take one from the UI).
pub fn parse_path(path: &str) -> AppResult<FieldPath> {
    path.parse::<FieldPath>().map_err(AppError::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::model::AgencyKind;

    fn doc() -> Document {
        let mut r = Report::new("某局", AgencyKind::Department, 2023);
        r.apply("requests.new_received.natural_person", "3")
            .expect("edit");
        r.apply("requests.granted.natural_person", "3")
            .expect("edit");
        Document::new(r, None)
    }

    /// A report whose 一（二） says 2 件 where table 三 has 3: a TEXT-TABLE-MISMATCH with its fix.
    fn text_against_table() -> Document {
        let mut r = Report::new("某局", AgencyKind::Department, 2025);
        r.apply("requests.new_received.natural_person", "3")
            .expect("edit");
        let mut d = Document::new(r, None);
        d.edit("overview.requests", "共收到政府信息公开申请 2 件。")
            .expect("edit");
        d
    }

    #[test]
    fn typing_into_one_field_is_one_undo_step() {
        let mut d = doc();
        d.edit("requests.new_received.natural_person", "9")
            .expect("edit");
        d.edit("requests.new_received.natural_person", "92")
            .expect("edit");
        assert!(d.is_dirty());
        assert!(d.undo());
        assert!(!d.can_undo());
        assert_eq!(d.fields()["requests.new_received.natural_person"], "3");
        assert!(!d.is_dirty(), "undo back to the saved state is clean");
        assert!(d.redo());
        assert_eq!(d.fields()["requests.new_received.natural_person"], "92");
    }

    #[test]
    fn totals_that_follow_are_reported_as_changed() {
        let mut d = doc();
        let c = d
            .edit("requests.new_received.natural_person", "4")
            .expect("edit");
        assert_eq!(
            c.changed
                .get("requests.new_received.total")
                .map(String::as_str),
            Some("4")
        );
        assert!(!c
            .changed
            .contains_key("requests.new_received.natural_person"));
    }

    #[test]
    fn a_paste_is_one_step_and_all_or_nothing() {
        let mut d = doc();
        let edits = vec![
            ("review.reconsideration.upheld".to_string(), "1".to_string()),
            (
                "review.reconsideration.corrected".to_string(),
                "2".to_string(),
            ),
        ];
        let c = d.edit_many(&edits).expect("paste");
        assert_eq!(c.changed["review.reconsideration.total"], "3");
        let rev = d.revision();
        let bad = vec![
            ("review.reconsideration.upheld".to_string(), "5".to_string()),
            ("nowhere.at.all".to_string(), "1".to_string()),
        ];
        assert!(d.edit_many(&bad).is_err());
        assert_eq!(d.revision(), rev);
        assert_eq!(d.fields()["review.reconsideration.upheld"], "1");
        assert!(d.undo());
        assert_eq!(d.fields()["review.reconsideration.upheld"], "");
    }

    #[test]
    fn same_text_changes_nothing() {
        let mut d = doc();
        let rev = d.revision();
        d.edit("requests.new_received.natural_person", "3")
            .expect("edit");
        assert_eq!(d.revision(), rev);
        assert!(!d.can_undo());
    }

    #[test]
    fn the_fee_gets_four_decimals_when_left() {
        let mut d = doc();
        d.edit("active.fee", "805.5").expect("edit");
        let c = d.finish_field("active.fee").expect("leave");
        assert_eq!(c.changed["active.fee"], "805.5000");
        assert!(d.undo());
        assert_eq!(
            d.fields()["active.fee"],
            "",
            "typing and formatting are one step"
        );
        d.edit("active.fee", "1.23456").expect("edit");
        let c = d.finish_field("active.fee").expect("leave");
        assert_eq!(c.changed["active.fee"], "1.23456", "never rounds silently");
    }

    #[test]
    fn a_fee_passed_through_is_left_as_written() {
        // Issue 27: F8 through the field turned a file's "805.50" into "805.5000".
        let mut d = doc();
        d.edit("active.fee", "805.50").expect("edit");
        d.edit("meta.agency", "某县某局").expect("edit");
        let rev = d.revision();
        let c = d.finish_field("active.fee").expect("leave");
        assert_eq!(c.changed["active.fee"], "805.50");
        assert_eq!(d.revision(), rev, "nothing changed, nothing to save");
        // Typed again in this visit, it is formatted on leaving.
        d.edit("active.fee", "805.5").expect("edit");
        let c = d.finish_field("active.fee").expect("leave");
        assert_eq!(c.changed["active.fee"], "805.5000");
    }

    #[test]
    fn an_explanation_is_one_undo_step_and_is_not_saved_once_its_finding_is_gone() {
        let mut d = text_against_table();
        let w = nianbao_core::validate(d.report(), None)
            .into_iter()
            .find(|x| x.code == "TEXT-TABLE-MISMATCH")
            .expect("the text contradicts the table");
        let field = w.paths[0].to_string();
        d.explain(w.code, &field, "2 件为本年新收，另 1 件为电话咨询")
            .expect("explain");
        assert_eq!(d.report().explanations.len(), 1);
        assert!(d.undo(), "the 说明 is a step of its own");
        assert!(d.report().explanations.is_empty());
        assert!(d.redo());
        // An 错误 is refused with the core's sentence.
        d.edit("requests.new_received.total", "9").expect("edit");
        let e = nianbao_core::validate(d.report(), None)
            .into_iter()
            .find(|x| x.severity == nianbao_core::Severity::Error)
            .expect("an 错误");
        let err = d
            .explain(e.code, &e.paths[0].to_string(), "没错")
            .expect_err("refused");
        assert_eq!(err.code, "errors.edit.explain");
        // The text corrected: the 说明 has nothing left to explain and is not saved.
        d.edit("overview.requests", "共收到政府信息公开申请 3 件。")
            .expect("edit");
        d.prune_explanations();
        assert!(d.report().explanations.is_empty());
    }

    #[test]
    fn a_paragraph_moved_is_one_undo_step_and_both_fields_are_sent_back() {
        let mut r = Report::new("某局", nianbao_core::model::AgencyKind::Department, 2025);
        r.apply("overview.active", "主动公开 12 条。\n平台方面完成改版。")
            .expect("edit");
        let mut d = Document::new(r, None);
        let c = d
            .move_text("overview.active", "平台方面完成改版。", "overview.platform")
            .expect("moves");
        assert_eq!(c.changed["overview.active"], "主动公开 12 条。");
        assert_eq!(c.changed["overview.platform"], "平台方面完成改版。");
        assert!(d.undo());
        assert_eq!(
            d.report().text_at(FieldPath::Intro).as_deref(),
            Some(""),
            "untouched"
        );
        assert_eq!(
            d.report()
                .text_at("overview.active".parse().expect("path"))
                .as_deref(),
            Some("主动公开 12 条。\n平台方面完成改版。")
        );
        assert!(!d.can_undo(), "one step");
        let e = d
            .move_text("overview.active", "没有这段", "other")
            .expect_err("gone");
        assert!(e.message.contains("已不在"));
    }

    #[test]
    fn bad_paths_and_choices_are_chinese_errors() {
        let mut d = doc();
        let e = d.edit("nowhere", "1").expect_err("unknown");
        assert_eq!(e.code, "errors.edit.path");
        let e = d.edit("meta.kind", "学校").expect_err("choice");
        assert_eq!(e.code, "errors.edit.value");
        assert!(e.message.contains("机关类别"));
    }

    #[test]
    fn a_fix_is_one_undo_step_and_undo_brings_the_text_back() {
        let mut d = text_against_table();
        let fix = nianbao_core::validate(d.report(), None)
            .into_iter()
            .find_map(|x| x.fix)
            .expect("a mismatch with its fix");
        let change = d.apply_fix(&fix).expect("fix");
        assert_eq!(
            change.changed.get("overview.requests").map(String::as_str),
            Some("共收到政府信息公开申请 3 件。"),
            "the field itself is sent back: the UI did not type it"
        );
        assert!(d.undo());
        assert_eq!(
            d.report()
                .text_at(FieldPath::Part(nianbao_core::model::PartKind::Requests))
                .as_deref(),
            Some("共收到政府信息公开申请 2 件。")
        );
        assert!(
            d.apply_fix(&fix).is_ok(),
            "the same fix fits the restored text"
        );
        assert!(d.apply_fix(&fix).is_err(), "but not twice");
    }

    #[test]
    fn undo_and_redo_name_the_step_they_would_take() {
        let mut r = Report::new("某局", nianbao_core::model::AgencyKind::Department, 2025);
        r.apply("requests.new_received.natural_person", "3")
            .expect("edit");
        let mut d = Document::new(r, None);
        assert_eq!((d.undo_label(), d.redo_label()), (None, None));
        d.edit("requests.new_received.natural_person", "9")
            .expect("edit");
        d.edit("requests.new_received.natural_person", "92")
            .expect("edit");
        assert_eq!(d.undo_label(), Some("修改表三·自然人·本年新收"));
        d.edit("overview.requests", "共收到政府信息公开申请 2 件。")
            .expect("edit");
        let fix = nianbao_core::validate(d.report(), None)
            .into_iter()
            .find_map(|x| x.fix)
            .expect("a mismatch with its fix");
        d.apply_fix(&fix).expect("fix");
        let fixed = format!("改为 {}（一、总体情况·（二）依申请公开）", fix.replacement);
        assert_eq!(
            d.undo_label(),
            Some(fixed.as_str()),
            "a fix names what it wrote and where"
        );
        d.edit_many_as(
            "空格填 0",
            &[("review.reconsideration.upheld".into(), "0".into())],
        )
        .expect("fill");
        assert_eq!(d.undo_label(), Some("空格填 0"));
        assert!(d.undo());
        // The step undone is the one redo names; the one before it is next for undo.
        assert_eq!(d.redo_label(), Some("空格填 0"));
        assert_eq!(d.undo_label(), Some(fixed.as_str()));
        assert!(d.redo());
        assert_eq!((d.undo_label(), d.redo_label()), (Some("空格填 0"), None));
        d.edit_many(&[("review.reconsideration.corrected".into(), "1".into())])
            .expect("paste");
        assert_eq!(d.undo_label(), Some("粘贴 1 个数"));
    }

    #[test]
    fn generated_text_goes_in_at_the_caret_in_utf16_units() {
        assert_eq!(char_index("a😀b", 0), 0);
        assert_eq!(char_index("a😀b", 3), 2);
        assert_eq!(char_index("a😀b", 2), 2, "inside the pair: after it");
        assert_eq!(char_index("a😀b", 99), 3);
        let mut r = Report::new("某局", nianbao_core::model::AgencyKind::Department, 2025);
        r.apply("review.reconsideration.upheld", "0").expect("edit");
        let mut d = Document::new(r, None);
        d.edit("overview.requests", "😀前文。后文。").expect("edit");
        d.insert_generated("overview.requests", 5).expect("insert");
        assert_eq!(
            d.report()
                .text_at(FieldPath::Part(nianbao_core::model::PartKind::Requests))
                .as_deref(),
            Some("😀前文。\n2025年，未发生政府信息公开行政复议、行政诉讼案件。\n后文。")
        );
        assert!(d.undo());
        assert_eq!(
            d.report()
                .text_at(FieldPath::Part(nianbao_core::model::PartKind::Requests))
                .as_deref(),
            Some("😀前文。后文。")
        );
    }
}
