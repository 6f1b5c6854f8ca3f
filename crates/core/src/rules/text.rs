//! The prose itself: section headings pasted twice, English words in Chinese text, and a title
//! whose year contradicts the report year.

use super::{excerpt, narrative_fields, CharOffsets, Ctx};
use crate::cell::fold_width;
use crate::diagnostic::{Diagnostic, Rule, Severity};
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

pub(super) static RULES: &[&Rule] = &[&HEADING_REPEATED, &ENGLISH, &TITLE_YEAR];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (path, text) in narrative_fields(ctx.report) {
        if text.is_empty() {
            continue;
        }
        headings(path, text, out);
        english(path, text, out);
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
