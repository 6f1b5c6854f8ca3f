//! Quick fixes: applying the [`Fix`] a finding carries, one at a time (the editor, as one undo
//! step) or every safe one at once (`nianbao validate --fix`).

use crate::diagnostic::Fix;
use crate::error::CoreError;
use crate::model::Report;
use crate::rules::validate;

impl Report {
    /// The field's text with the fix applied, or why it no longer fits.
    pub fn text_with_fix(&self, fix: &Fix) -> Result<String, CoreError> {
        let text = self
            .text_at(fix.path)
            .ok_or_else(|| CoreError::UnknownPath(fix.path.to_string()))?;
        let chars: Vec<char> = text.chars().collect();
        let now: String = chars
            .get(fix.start..fix.end.min(chars.len()))
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        if fix.end > chars.len() || fix.start > fix.end || now != fix.found {
            return Err(CoreError::FixOutdated {
                field: fix.path.label(),
                found: fix.found.clone(),
                now,
            });
        }
        let mut out: String = chars[..fix.start].iter().collect();
        out.push_str(&fix.replacement);
        out.extend(&chars[fix.end..]);
        Ok(out)
    }

    /// Applies one fix through the edit API, so totals that follow their parts still follow.
    pub fn apply_fix(&mut self, fix: &Fix) -> Result<(), CoreError> {
        let text = self.text_with_fix(fix)?;
        self.apply_at(fix.path, &text)
    }

    /// Applies every safe fix the validator offers, again and again until none is left (a text
    /// that quotes the same wrong number twice is reported once, so its second quote shows up
    /// after the first is fixed). Returns the fixes applied, in order.
    pub fn apply_safe_fixes(&mut self, last_year: Option<&Report>) -> Vec<Fix> {
        // Each round fixes at least one finding and no fix creates one, so the number of
        // findings bounds the rounds; the cap only guards against a rule that breaks that.
        const MAX_ROUNDS: usize = 64;
        let mut applied = Vec::new();
        for _ in 0..MAX_ROUNDS {
            let mut fixes: Vec<Fix> = validate(self, last_year)
                .into_iter()
                .filter_map(|d| d.fix)
                .filter(|f| f.safe)
                .collect();
            // Back to front within a field, so earlier offsets stay valid; overlapping fixes
            // wait for the next round.
            fixes.sort_by(|a, b| (a.path.to_string(), b.start).cmp(&(b.path.to_string(), a.start)));
            let mut progressed = false;
            let mut last: Option<&Fix> = None;
            for f in &fixes {
                if last.is_some_and(|l| l.path == f.path && f.end > l.start) {
                    continue;
                }
                if self.apply_fix(f).is_ok() {
                    applied.push(f.clone());
                    progressed = true;
                    last = Some(f);
                }
            }
            if !progressed {
                break;
            }
        }
        applied
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;
    use crate::path::FieldPath;

    fn fix(start: usize, end: usize, found: &str, replacement: &str) -> Fix {
        Fix {
            path: FieldPath::Other,
            start,
            end,
            found: found.into(),
            replacement: replacement.into(),
            safe: true,
        }
    }

    #[test]
    fn a_fix_replaces_exactly_its_characters() {
        let mut r = Report::new("某局", AgencyKind::Department, 2025);
        r.apply("other", "收取信息处理费０元，共１４５件。")
            .expect("edit");
        r.apply_fix(&fix(11, 14, "１４５", "146")).expect("fix");
        assert_eq!(r.other, "收取信息处理费０元，共146件。");
    }

    #[test]
    fn an_outdated_fix_is_refused_and_changes_nothing() {
        let mut r = Report::new("某局", AgencyKind::Department, 2025);
        r.apply("other", "共 145 件。").expect("edit");
        let err = r.apply_fix(&fix(2, 5, "146", "147")).expect_err("stale");
        assert_eq!(
            err.to_string(),
            "六、其他需要报告的事项的内容已经改变（应有“146”的地方现在是“145”），这个修改建议已过时。请看最新的审核结果再改。"
        );
        assert!(
            r.apply_fix(&fix(2, 99, "145", "1")).is_err(),
            "past the end"
        );
        assert_eq!(r.other, "共 145 件。");
    }
}
