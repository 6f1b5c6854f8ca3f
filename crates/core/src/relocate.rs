//! 放到…: a paragraph the importer kept in the wrong place (text under a heading it did not know,
//! prose found among a table's rows) moved by the user to the part it belongs to. Pure: the two
//! fields' new texts, for the shell to apply as one undo step.

use crate::error::CoreError;
use crate::model::Report;
use crate::path::FieldPath;

/// Whether text can be moved into or out of the field: the narrative fields of 一, 五 and 六.
pub fn holds_prose(p: FieldPath) -> bool {
    matches!(
        p,
        FieldPath::Intro | FieldPath::Part(_) | FieldPath::Problems | FieldPath::Other
    )
}

impl Report {
    /// The texts of `from` without `text` and of `to` with it at its end, as `[(from, …), (to, …)]`.
    /// The text is found as written (the first time it occurs); the line break that set it off is
    /// taken with it, so no empty line is left behind. Nothing is changed here.
    pub fn moved_text(
        &self,
        from: FieldPath,
        text: &str,
        to: FieldPath,
    ) -> Result<[(FieldPath, String); 2], CoreError> {
        if !holds_prose(from) || !holds_prose(to) {
            return Err(CoreError::NotProse(
                (if holds_prose(from) { to } else { from }).label(),
            ));
        }
        let text = text.trim();
        let source = self.text_at(from).unwrap_or_default();
        if from == to || text.is_empty() {
            return Ok([(from, source.clone()), (to, source)]);
        }
        let Some(at) = source.find(text) else {
            return Err(CoreError::TextGone(from.label()));
        };
        let before = source[..at].trim_end_matches([' ', '\t', '\u{3000}']);
        let after = source[at + text.len()..].trim_start_matches([' ', '\t', '\u{3000}']);
        let left = match (before.strip_suffix('\n'), after.strip_prefix('\n')) {
            (Some(b), Some(_)) => format!("{b}\n{}", &after[1..]),
            (Some(b), None) => format!("{b}{after}"),
            (None, Some(a)) => format!("{before}{a}"),
            (None, None) => format!("{before}{after}"),
        };
        let target = self.text_at(to).unwrap_or_default();
        let joined = if target.trim().is_empty() {
            text.to_string()
        } else {
            format!("{}\n{text}", target.trim_end())
        };
        Ok([(from, left.trim().to_string()), (to, joined)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgencyKind, PartKind};

    fn report() -> Report {
        let mut r = Report::new("某局", AgencyKind::Department, 2024);
        r.apply_at(
            FieldPath::Part(PartKind::Active),
            "全年主动公开信息 120 条。\n平台方面，完成网站改版。\n其他工作照常。",
        )
        .expect("edit");
        r.apply_at(FieldPath::Part(PartKind::Platform), "已有内容。")
            .expect("edit");
        r
    }

    #[test]
    fn a_paragraph_goes_to_the_end_of_its_part_with_its_line_break() {
        let r = report();
        let [(from, left), (to, joined)] = r
            .moved_text(
                FieldPath::Part(PartKind::Active),
                "平台方面，完成网站改版。",
                FieldPath::Part(PartKind::Platform),
            )
            .expect("moves");
        assert_eq!(from, FieldPath::Part(PartKind::Active));
        assert_eq!(left, "全年主动公开信息 120 条。\n其他工作照常。");
        assert_eq!(to, FieldPath::Part(PartKind::Platform));
        assert_eq!(joined, "已有内容。\n平台方面，完成网站改版。");
    }

    #[test]
    fn the_last_paragraph_into_an_empty_field() {
        let r = report();
        let [(_, left), (_, joined)] = r
            .moved_text(
                FieldPath::Part(PartKind::Active),
                "其他工作照常。",
                FieldPath::Other,
            )
            .expect("moves");
        assert_eq!(left, "全年主动公开信息 120 条。\n平台方面，完成网站改版。");
        assert_eq!(joined, "其他工作照常。");
    }

    #[test]
    fn a_text_changed_since_or_a_table_cell_is_refused_in_chinese() {
        let r = report();
        let e = r
            .moved_text(
                FieldPath::Part(PartKind::Active),
                "不在这里的文字",
                FieldPath::Other,
            )
            .expect_err("gone");
        assert!(e.to_string().contains("已不在"), "{e}");
        let e = r
            .moved_text(
                FieldPath::Part(PartKind::Active),
                "其他工作照常。",
                FieldPath::Fee,
            )
            .expect_err("a cell holds no prose");
        assert!(e.to_string().contains("只能移到"), "{e}");
    }
}
