//! A finding's fingerprint: what stays the same about it from one version of a report to the
//! next, so that the desk can tell 已改正 from 仍存在 and 新出现 when a corrected file comes back.
//!
//! The key is the rule's code, the field the finding is about and what its message quotes: the
//! texts in quotation marks and the numbers. A finding about table 三's 自然人 column whose sums
//! still disagree by the same numbers is the same finding; one whose numbers changed is a new one
//! (the old one was corrected, badly). Pure: the same strings in give the same fingerprint on
//! every machine and every version of Rust (FNV-1a, not the standard library's hasher, which may
//! change between releases and would turn a whole desk into 新出现 after an update).

use std::collections::HashMap;

use crate::check::Finding;

/// FNV-1a, 64 bits: tiny, stable and good enough to tell the few findings of one report apart.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Full-width ASCII forms ("１２３", "ａｎｄ") as their half-width letters, and every kind of
/// blank dropped: "１２ 件" and "12件" are the same words to a reader.
fn normalised(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn closing(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '‘' => Some('’'),
        '「' => Some('」'),
        '『' => Some('』'),
        '《' => Some('》'),
        '"' => Some('"'),
        _ => None,
    }
}

/// What a message quotes, in order: each quoted text, and each number outside quotes — except a
/// share said to be approximate ("约 62%", "全文 40%"): those are measured over the whole text
/// and move whenever any other sentence of the report is edited.
pub fn quoted(message: &str) -> Vec<String> {
    let chars: Vec<char> = normalised(message).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(close) = closing(c) {
            if let Some(len) = chars[i + 1..].iter().position(|&d| d == close) {
                out.push(chars[i + 1..i + 1 + len].iter().collect());
                i += len + 2;
                continue;
            }
        }
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            let number = number.trim_end_matches('.').to_string();
            let before: String = chars[start.saturating_sub(2)..start].iter().collect();
            let approximate =
                chars.get(i) == Some(&'%') && (before.ends_with('约') || before.ends_with("全文"));
            if !approximate {
                out.push(number);
            }
            continue;
        }
        i += 1;
    }
    out
}

/// The fingerprint of one finding, without regard to others like it: "T3-BALANCE:0f3a…".
/// The code stays readable so that a hand-read desk file still says what each entry is.
pub fn fingerprint(code: &str, location: &str, message: &str) -> String {
    let mut key = format!("{code}\u{1f}{}", normalised(location));
    for q in quoted(message) {
        key.push('\u{1f}');
        key.push_str(&q);
    }
    format!("{code}:{:016x}", fnv1a(key.as_bytes()))
}

/// The fingerprints of a report's findings, in their order. Two findings that quote exactly the
/// same (the same half-width comma in two places of one part) are told apart by their turn —
/// "…#2" for the second — so each keeps a status of its own.
pub fn fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let base = fingerprint(f.code, &f.location, &f.message);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                base
            } else {
                format!("{base}#{n}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::Severity;

    fn finding(code: &'static str, location: &str, message: &str) -> Finding {
        Finding {
            location: location.to_string(),
            severity: Severity::Error,
            code,
            message: message.to_string(),
            suggestion: String::new(),
            explanation: None,
        }
    }

    #[test]
    fn quoted_texts_and_numbers_are_the_key() {
        assert_eq!(
            quoted("“予以公开”的总计是 １２ 件，各列相加是 10 件。"),
            vec!["予以公开", "12", "10"]
        );
        assert_eq!(
            quoted("收费金额写作 805.50，报告中将按规定印作 805.5000。"),
            vec!["805.50", "805.5000"]
        );
        // Approximate shares of the whole text are left out; a quoted heading stays.
        assert_eq!(
            quoted("“一、总体情况”约 62% 与2023年年报相同（全文 40%）。"),
            vec!["一、总体情况", "2023"]
        );
    }

    #[test]
    fn the_same_finding_after_an_unrelated_edit_keeps_its_fingerprint() {
        // What validate says about 表三·自然人 before and after someone rewrote 五 and changed
        // a cell of another column: the message is word for word the same, the spacing aside.
        let before = fingerprint(
            "T3-BALANCE",
            "表三·自然人·本年新收",
            "自然人：本年新收 5 + 上年结转 1 = 6，办理结果 4 + 结转下年度 1 = 5，相差 1。",
        );
        let after = fingerprint(
            "T3-BALANCE",
            "表三·自然人·本年新收",
            "自然人：本年新收 5 + 上年结转 1 = 6，办理结果 4 + 结转下年度 1 = 5，相差 1。 ",
        );
        assert_eq!(before, after);
        assert!(before.starts_with("T3-BALANCE:"));
        // Full-width digits are the same numbers.
        assert_eq!(
            fingerprint(
                "FEE-DECIMALS",
                "表二·行政事业性收费·本年收费金额",
                "写作 ８０５.５０"
            ),
            fingerprint(
                "FEE-DECIMALS",
                "表二·行政事业性收费·本年收费金额",
                "写作 805.50"
            )
        );
        // A repeated-text share that moved because another section was rewritten.
        assert_eq!(
            fingerprint(
                "TEXT-SECTION-REPEATS-LAST-YEAR",
                "一、总体情况",
                "“一、总体情况”约 85% 与2023年年报相同（全文 40%）。"
            ),
            fingerprint(
                "TEXT-SECTION-REPEATS-LAST-YEAR",
                "一、总体情况",
                "“一、总体情况”约 83% 与2023年年报相同（全文 52%）。"
            )
        );
    }

    #[test]
    fn a_different_number_code_or_field_is_a_different_finding() {
        let base = fingerprint("T3-BALANCE", "表三·自然人·本年新收", "相差 1。");
        assert_ne!(
            base,
            fingerprint("T3-BALANCE", "表三·自然人·本年新收", "相差 2。")
        );
        assert_ne!(
            base,
            fingerprint("T3-ROW-TOTAL", "表三·自然人·本年新收", "相差 1。")
        );
        assert_ne!(
            base,
            fingerprint("T3-BALANCE", "表三·商业企业·本年新收", "相差 1。")
        );
        // A different quoted word in the same field.
        assert_ne!(
            fingerprint(
                "TEXT-ENGLISH",
                "一、总体情况·（二）依申请公开",
                "英文单词“and”：…"
            ),
            fingerprint(
                "TEXT-ENGLISH",
                "一、总体情况·（二）依申请公开",
                "英文单词“or”：…"
            )
        );
        // The words around a quote are not the key: only a changed quote or number is.
        assert_eq!(
            fingerprint(
                "TEXT-ENGLISH",
                "一、总体情况·（二）依申请公开",
                "英文单词“and”：…规范 and 答复…"
            ),
            fingerprint(
                "TEXT-ENGLISH",
                "一、总体情况·（二）依申请公开",
                "英文单词“and”：…办理流程 and 答复文书…"
            )
        );
    }

    #[test]
    fn twins_are_told_apart_by_their_turn() {
        let twin = finding(
            "TEXT-ASCII-PUNCT",
            "六、其他需要报告的事项",
            "用了半角标点“,”。",
        );
        let other = finding(
            "FEE-NOT-REPORTED",
            "六、其他需要报告的事项",
            "没有说明信息处理费。",
        );
        let fps = fingerprints(&[twin.clone(), other, twin]);
        assert_eq!(fps[2], format!("{}#2", fps[0]));
        assert_ne!(fps[0], fps[1]);
        assert_eq!(
            fps.iter().collect::<std::collections::HashSet<_>>().len(),
            3
        );
    }

    #[test]
    fn the_hash_is_fixed_for_all_time() {
        // Pinned: a desk file written by this version must still match after an upgrade.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
