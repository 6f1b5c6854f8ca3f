//! The prose itself: section headings pasted twice, English words in Chinese text, and a title
//! whose year contradicts the report year.

use super::{excerpt, narrative_fields, CharOffsets, Ctx};
use crate::cell::fold_width;
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::model::Section;
use crate::path::FieldPath;

// Warning: "一、总体情况" inside a section's text is a leftover of copy and paste in every case
// seen (seed 002 prints it twice); quoting a heading in running text does not happen in reports.
pub(super) static HEADING_REPEATED: Rule = Rule {
    code: "TEXT-HEADING-REPEATED",
    severity: Severity::Warning,
    meaning: "正文里又出现了一次章节标题（如“一、总体情况”），多半是复制粘贴时重复了。",
    basis: "国办公开办函〔2021〕30号格式：六个部分的标题各出现一次。",
};
// Warning: lowercase Latin words such as "and" in Chinese prose are leftovers of translation or
// typing; acronyms (LED, APP), web addresses and e-mail addresses are not flagged.
pub(super) static ENGLISH: Rule = Rule {
    code: "TEXT-ENGLISH",
    severity: Severity::Warning,
    meaning: "中文正文里夹有英文单词（如“and”）。",
    basis: "《党政机关公文处理工作条例》：公文用语规范；GB/T 15834 标点与用字规范。",
};
pub(super) static TITLE_YEAR: Rule = Rule {
    code: "TITLE-YEAR",
    severity: Severity::Error,
    meaning: "标题里的年份与报告年度不一致。",
    basis: "报告标题为“{机关名称}{年度}年政府信息公开工作年度报告”。",
};

// Warning: "资金资金" is a slip of copy and paste or typing; the reduplications the language uses
// (常常, 紧紧, 研究研究, 一步一步) are left alone, and of single characters only "的的" is taken.
pub(super) static DOUBLED: Rule = Rule {
    code: "TEXT-DOUBLED-WORD",
    severity: Severity::Warning,
    meaning: "正文中同一个词连写了两遍（如“资金资金”“的的”）。",
    basis: "《党政机关公文处理工作条例》：公文用语准确、规范；评估中按文字差错计。",
};
// Info: half-width "," ";" ":" "?" "!" or "()" between Chinese characters; the full-width mark is
// beyond doubt, so the fix is safe.
pub(super) static ASCII_PUNCT: Rule = Rule {
    code: "TEXT-ASCII-PUNCT",
    severity: Severity::Info,
    meaning: "中文之间用了半角标点（, ; : ? ! 或 ()），应为全角标点。",
    basis: "GB/T 15834-2011《标点符号用法》：中文文本使用全角标点。",
};

pub(super) static RULES: &[&Rule] = &[
    &HEADING_REPEATED,
    &ENGLISH,
    &TITLE_YEAR,
    &DOUBLED,
    &ASCII_PUNCT,
];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (path, text) in narrative_fields(ctx.report) {
        if text.is_empty() {
            continue;
        }
        headings(path, text, out);
        english(path, text, out);
        if !text.is_ascii() {
            let chars: Vec<char> = text.chars().collect();
            doubled(path, &chars, out);
            ascii_punct(path, &chars, out);
        }
    }
    title_year(ctx, out);
}

fn headings(path: FieldPath, text: &str, out: &mut Vec<Diagnostic>) {
    // One pass over the text's "、" (this runs on every keystroke): a heading is a numeral
    // 一…六, "、", then the section's name, spaces between them ignored ("一、 总体情况").
    const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];
    let mut chars = CharOffsets::new(text);
    for (at, _) in text.match_indices('、') {
        let Some(numeral) = text[..at].trim_end().chars().next_back() else {
            continue;
        };
        let Some(n) = NUMERALS.iter().position(|&c| c == numeral) else {
            continue;
        };
        let section = Section::ALL[n + 1];
        let rest: String = text[at + '、'.len_utf8()..]
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(section.name().chars().count())
            .collect();
        if rest == section.name() {
            let numeral_at = text[..at].trim_end().len() - numeral.len_utf8();
            let start = chars.of(numeral_at);
            out.push(
                HEADING_REPEATED
                    .diag(
                        vec![path],
                        format!(
                            "{}的正文里出现了标题“{}”。",
                            path.label(),
                            section.heading()
                        ),
                        "标题只需出现一次：请删去正文中重复的标题，并检查前后文字是否也重复了。",
                    )
                    .at(start, start + 2 + section.name().chars().count()),
            );
        }
    }
}

fn english(path: FieldPath, text: &str, out: &mut Vec<Diagnostic>) {
    // Byte scan: in UTF-8 every byte of a Chinese character is ≥ 0x80, so ASCII letters found
    // here are real letters, and their neighbours can be read as bytes too.
    let bytes = text.as_bytes();
    let mut reported: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut chars = CharOffsets::new(text);
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = &text[start..i];
        let joined = |b: Option<&u8>| {
            b.is_some_and(|&b| b.is_ascii_alphanumeric() || b".:/@_-&=%#?".contains(&b))
        };
        let is_acronym = word.bytes().all(|b| b.is_ascii_uppercase());
        if word.len() < 2
            || is_acronym
            || joined(start.checked_sub(1).and_then(|j| bytes.get(j)))
            || joined(bytes.get(i))
            || !reported.insert(word)
        {
            continue;
        }
        let (from, to) = (chars.of(start), chars.of(i));
        out.push(
            ENGLISH
                .diag(
                    vec![path],
                    format!(
                        "{}的正文里有英文单词“{word}”：{}",
                        path.label(),
                        excerpt(text, start, i, 8)
                    ),
                    "中文公文中请改用中文表述，例如“and”改为“和”；若是专有名称，可以忽略此提醒。",
                )
                .at(from, to),
        );
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Doubled words the language uses: ABAB verbs and adjectives of plain speech.
const REDUPLICATED: [&str; 14] = [
    "研究", "讨论", "商量", "学习", "了解", "交流", "考虑", "检查", "休息", "活动", "锻炼", "雪白",
    "通红", "打扫",
];

/// "资金资金", "的的": a word of one to four characters written twice running.
fn doubled(path: FieldPath, chars: &[char], out: &mut Vec<Diagnostic>) {
    let mut i = 0;
    'next: while i < chars.len() {
        for len in (1..=4).rev() {
            let Some(second) = chars.get(i + len..i + 2 * len) else {
                continue;
            };
            let first = &chars[i..i + len];
            if first != second || !first.iter().all(|c| is_han(*c)) {
                continue;
            }
            let word: String = first.iter().collect();
            let usual = match len {
                // Of single characters only 的 is never doubled — but "以营利为目的的" and
                // "的的确确" are words.
                1 => {
                    word != "的"
                        || i.checked_sub(1).and_then(|j| chars.get(j)) == Some(&'目')
                        || chars.get(i + 2) == Some(&'确')
                }
                // "一步一步", "一件一件".
                _ => REDUPLICATED.contains(&word.as_str()) || first[0] == '一',
            };
            if usual {
                continue;
            }
            let from = chars.len().min(i.saturating_sub(6));
            let to = chars.len().min(i + 2 * len + 6);
            let around: String = chars[from..to].iter().filter(|c| **c != '\n').collect();
            let found: String = chars[i..i + 2 * len].iter().collect();
            out.push(
                DOUBLED
                    .diag(
                        vec![path],
                        format!("{}中“{word}”连写了两遍：“{around}”。", path.label()),
                        format!("请删去重复的“{word}”；如原意是别的词，请改为正确的词。"),
                    )
                    .with_fix(Fix {
                        path,
                        start: i,
                        end: i + 2 * len,
                        found,
                        replacement: word,
                        safe: false,
                    }),
            );
            i += 2 * len;
            continue 'next;
        }
        i += 1;
    }
}

/// Half-width marks between Chinese characters, each with its full-width fix.
fn ascii_punct(path: FieldPath, chars: &[char], out: &mut Vec<Diagnostic>) {
    let han_at = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| is_han(*c));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let (end, replacement) = match c {
            ',' | ';' | ':' | '?' | '!' if han_at(i.checked_sub(1)) && han_at(Some(i + 1)) => {
                let full = match c {
                    ',' => '，',
                    ';' => '；',
                    ':' => '：',
                    '?' => '？',
                    _ => '！',
                };
                (i + 1, full.to_string())
            }
            // "(一)" and "(联系地址…)": a pair holding Chinese beside Chinese.
            '(' if han_at(i.checked_sub(1)) || han_at(Some(i + 1)) => {
                let close = chars[i + 1..]
                    .iter()
                    .take(40)
                    .position(|c| *c == ')' || *c == '(')
                    .map(|p| i + 1 + p)
                    .filter(|&j| chars[j] == ')');
                match close {
                    Some(j) if chars[i + 1..j].iter().any(|c| is_han(*c)) => {
                        let inner: String = chars[i + 1..j].iter().collect();
                        (j + 1, format!("（{inner}）"))
                    }
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let found: String = chars[i..end].iter().collect();
        let from = i.saturating_sub(6);
        let to = chars.len().min(end + 6);
        let around: String = chars[from..to].iter().filter(|c| **c != '\n').collect();
        out.push(
            ASCII_PUNCT
                .diag(
                    vec![path],
                    format!(
                        "{}中文之间用了半角标点“{found}”：“{around}”。",
                        path.label()
                    ),
                    format!("请改为全角的“{replacement}”。"),
                )
                .with_fix(Fix {
                    path,
                    start: i,
                    end,
                    found,
                    replacement,
                    safe: true,
                }),
        );
        i = end;
    }
}

fn title_year(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.report.meta;
    let (Some(year), false) = (meta.valid_year(), meta.title.trim().is_empty()) else {
        return;
    };
    let title: Vec<char> = meta.title.chars().map(fold_width).collect();
    let mut i = 0;
    while i < title.len() {
        if !title[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < title.len() && title[i].is_ascii_digit() {
            i += 1;
        }
        let digits: String = title[start..i].iter().collect();
        let followed_by_year = title[i..]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_some_and(|&c| c == '年');
        if digits.len() == 4 && followed_by_year {
            if digits != year.to_string() {
                out.push(TITLE_YEAR.diag(
                    vec![FieldPath::Title, FieldPath::Year],
                    format!("标题写的是 {digits} 年，报告年度却是 {year} 年。"),
                    "请核对报告年度；标题中的年份应与之相同（例如沿用上年的标题时忘了改年份）。",
                ));
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        doubled(FieldPath::Other, &chars, &mut out);
        ascii_punct(FieldPath::Other, &chars, &mut out);
        out.into_iter()
            .map(|d| {
                (
                    d.code.to_string(),
                    d.fix.map(|f| format!("{}→{}", f.found, f.replacement)),
                )
            })
            .collect()
    }

    #[test]
    fn doubled_words_are_found_and_reduplications_left_alone() {
        // 平潭 2022: "打造整体统一的的网站界面".
        assert_eq!(
            run("打造整体统一的的网站界面；加大资金资金投入。"),
            [
                ("TEXT-DOUBLED-WORD".to_string(), Some("的的→的".to_string())),
                (
                    "TEXT-DOUBLED-WORD".to_string(),
                    Some("资金资金→资金".to_string())
                ),
            ]
        );
        for text in [
            "紧紧围绕区委、区政府的系列部署",
            "依据相关法律法规规定",
            "推动政策文件发布界面精准对接办事事项入口",
            "常常、看看、年年、层层落实",
            "以营利为目的的活动，的的确确",
            "一步一步推进，研究研究再定",
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn half_width_marks_between_chinese_get_their_full_width_fix() {
        // 潘集区 2021 (seed 001) and 平潭财政金融局 2023.
        assert_eq!(
            run("补充信息要素,无修改;其中:减税降费(一)主动公开"),
            [
                ("TEXT-ASCII-PUNCT".to_string(), Some(",→，".to_string())),
                ("TEXT-ASCII-PUNCT".to_string(), Some(";→；".to_string())),
                ("TEXT-ASCII-PUNCT".to_string(), Some(":→：".to_string())),
                (
                    "TEXT-ASCII-PUNCT".to_string(),
                    Some("(一)→（一）".to_string())
                ),
            ]
        );
        for text in [
            "电话:0591-23163551",
            "网站(www.pingtan.gov.cn)",
            "https://www.gov.cn",
            "10:30",
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
    }
}
