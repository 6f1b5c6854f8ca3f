//! The 政府办's own word list: a plain UTF-8 text of "错词 → 正词" pairs, one a line, kept by the
//! office that checks the reports (e.g. "重新涉及部门网站 → 重新设计部门网站"). Parsed here from
//! text (the CLI and the editor read the file); every entry found in a narrative field is a
//! TEXT-WORDLIST finding with its fix.

use super::{excerpt, narrative_fields, CharOffsets};
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::error::CoreError;
use crate::model::Report;

// Warning: the office wrote the pair, so the wrong form is wrong in its reports.
pub(super) static WORDLIST: Rule = Rule {
    code: "TEXT-WORDLIST",
    severity: Severity::Warning,
    meaning: "正文中出现了本地词表（nianbao validate --wordlist）列为错误的写法。",
    basis: "审核单位自定的常见错误词表（每行“错词 → 正词”）。",
};

pub(super) static RULES: &[&Rule] = &[&WORDLIST];

/// The arrows a line may use between the wrong and the right form.
const ARROWS: [&str; 5] = ["→", "->", "=>", "＝＞", "\t"];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordList {
    /// (wrong, right), in the order of the file.
    entries: Vec<(String, String)>,
}

impl WordList {
    /// Reads "错词 → 正词" lines; blank lines and lines starting with "#" are skipped. A line
    /// without an arrow, or with an empty or unchanged side, is refused with its number.
    pub fn parse(text: &str) -> Result<WordList, CoreError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let pair = ARROWS
                .iter()
                .find_map(|a| line.split_once(a))
                .map(|(w, r)| (w.trim(), r.trim()));
            match pair {
                Some((wrong, right)) if !wrong.is_empty() && wrong != right => {
                    entries.push((wrong.to_string(), right.to_string()));
                }
                _ => {
                    return Err(CoreError::WordListLine {
                        line: n + 1,
                        text: line.chars().take(40).collect(),
                    })
                }
            }
        }
        Ok(WordList { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

pub(super) fn check(r: &Report, words: &WordList, out: &mut Vec<Diagnostic>) {
    for (path, text) in narrative_fields(r) {
        if text.is_empty() {
            continue;
        }
        let mut found: Vec<(usize, usize, &str, &str)> = Vec::new();
        for (wrong, right) in &words.entries {
            for (at, _) in text.match_indices(wrong.as_str()) {
                // "信息公开 → 政府信息公开": the right form holds the wrong one; not where it
                // is already written right.
                let inside_right = right.match_indices(wrong.as_str()).any(|(k, _)| {
                    at >= k
                        && text
                            .get(at - k..)
                            .is_some_and(|t| t.starts_with(right.as_str()))
                });
                if !inside_right {
                    found.push((at, at + wrong.len(), wrong, right));
                }
            }
        }
        // In text order, so character offsets are counted once.
        found.sort_by_key(|f| f.0);
        let mut chars = CharOffsets::new(text);
        for (start, end, wrong, right) in found {
            let (from, to) = (chars.of(start), chars.of(end));
            out.push(
                WORDLIST
                    .diag(
                        vec![path],
                        format!(
                            "{}中的“{wrong}”在词表中列为错误写法：{}",
                            path.label(),
                            excerpt(text, start, end, 8)
                        ),
                        format!("请改为“{right}”。"),
                    )
                    .with_fix(Fix {
                        path,
                        start: from,
                        end: to,
                        found: wrong.to_string(),
                        replacement: right.to_string(),
                        safe: false,
                    }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;

    #[test]
    fn a_list_is_read_and_its_entries_found_with_fixes() {
        let words = WordList::parse(
            "# 本县常见错误\n重新涉及部门网站 → 重新设计部门网站\n\n信息公开->政府信息公开\n",
        )
        .expect("parses");
        assert_eq!(words.len(), 2);
        let mut r = Report::new("某局", AgencyKind::Department, 2023);
        r.apply(
            "other",
            "今年重新涉及部门网站，推进信息公开和政府信息公开。",
        )
        .expect("edit");
        let mut out = Vec::new();
        check(&r, &words, &mut out);
        let fixes: Vec<String> = out
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| format!("{}@{}→{}", f.found, f.start, f.replacement))
            .collect();
        assert_eq!(
            fixes,
            [
                "重新涉及部门网站@2→重新设计部门网站",
                "信息公开@13→政府信息公开"
            ]
        );
        let mut fixed = r.clone();
        fixed
            .apply_fix(out[0].fix.as_ref().expect("fix"))
            .expect("applies");
        assert!(fixed.other.starts_with("今年重新设计部门网站"));
    }

    #[test]
    fn a_line_without_an_arrow_is_refused_with_its_number() {
        let err = WordList::parse("甲 → 乙\n只有一个词\n").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "词表第 2 行“只有一个词”不是“错词 → 正词”的格式。请每行写一对，中间用 → 或 -> 隔开；以 # 开头的行是注释。"
        );
    }
}
