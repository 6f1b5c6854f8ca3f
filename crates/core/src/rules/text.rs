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
            doubled(path, text, out);
            ascii_punct(path, text, out);
        }
    }
    title_year(ctx, out);
}

fn headings(path: FieldPath, text: &str, out: &mut Vec<Diagnostic>) {
    // One pass over the text's "、" (this runs on every keystroke): a heading is a numeral
    // 一…六, "、", then the section's name, spaces between them ignored ("一、 总体情况").
    const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];
    let mut chars = CharOffsets::new(text);
    for at in super::excerpt::find_char(text, '、') {
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
    while let Some(start) = find_byte(bytes, i, |b| b.is_ascii_alphabetic()) {
        i = start;
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

/// The first byte at or after `from` that `wanted` accepts: ASCII letters or marks, which
/// Chinese text has few of. [`BLOCK`] bytes are tested at a time without a branch per byte (the
/// compiler makes the test vector compares); only a block with a hit is read byte by byte.
fn find_byte(bytes: &[u8], mut from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    while let Some(block) = bytes.get(from..from + BLOCK) {
        // A byte, not a bool, accumulated: the compiler vectorises that, not the bool's `|`.
        let mut hit = 0u8;
        for &b in block {
            hit |= u8::from(wanted(b));
        }
        if hit != 0 {
            break;
        }
        from += BLOCK;
    }
    let rest = bytes.get(from..)?;
    rest.iter().position(|&b| wanted(b)).map(|p| from + p)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Doubled words the language uses: ABAB verbs and adjectives of plain speech.
const REDUPLICATED: [&str; 14] = [
    "研究", "讨论", "商量", "学习", "了解", "交流", "考虑", "检查", "休息", "活动", "锻炼", "雪白",
    "通红", "打扫",
];

/// The character of `text` at byte `b` when it is one of [`is_han`]'s (three bytes in UTF-8,
/// lead byte E4–E9), read from the bytes without decoding the text up to it.
fn han_at(bytes: &[u8], b: usize) -> Option<char> {
    let [lead @ 0xe4..=0xe9, b1, b2] = *bytes.get(b..b + 3)? else {
        return None;
    };
    let c = char::from_u32(
        (u32::from(lead & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f),
    )?;
    // A continuation byte is 10xxxxxx; anything else here is not the character's rest.
    (b1 & 0xc0 == 0x80 && b2 & 0xc0 == 0x80 && is_han(c)).then_some(c)
}

/// The byte where the `n` characters before `b` begin (the text's start if fewer), and where
/// the `n` after `e` end: the surroundings a finding quotes.
fn around(text: &str, b: usize, e: usize, n: usize) -> String {
    let from = text[..b]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(b, |(j, _)| j);
    let to = e + text[e..]
        .char_indices()
        .nth(n)
        .map_or(text.len() - e, |(j, _)| j);
    text[from..to].chars().filter(|c| *c != '\n').collect()
}

/// "资金资金", "的的": a word of one to four characters written twice running.
///
/// Read from the bytes (this runs over every character of every field on every keystroke): a
/// doubled word is of Chinese characters only, three bytes each, so its second half starts
/// 3 × its length bytes on and repeats the first half byte for byte. Nearly every position
/// fails the first compare; characters are counted only for a finding.
fn doubled(path: FieldPath, text: &str, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    let mut chars = CharOffsets::new(text);
    let mut b = 0;
    // Characters starting before this byte are read one by one: a block test found a
    // repetition there, or the text's last bytes are too few for a block.
    let mut one_by_one = 0;
    'next: while b < bytes.len() {
        if b >= one_by_one {
            match may_double(bytes, b) {
                Some(false) => {
                    // No character starting in these bytes begins a doubled word: on to the
                    // first character boundary after them.
                    b += BLOCK;
                    while bytes.get(b).is_some_and(|x| x & 0xc0 == 0x80) {
                        b += 1;
                    }
                    continue;
                }
                Some(true) => one_by_one = b + BLOCK,
                None => one_by_one = usize::MAX,
            }
        }
        let Some(c) = han_at(bytes, b) else {
            b += utf8_len(bytes[b]);
            continue;
        };
        // han_at read these three bytes: they are there.
        let head = [bytes[b], bytes[b + 1], bytes[b + 2]];
        for len in (1..=4).rev() {
            let half = 3 * len;
            // Three bytes compared as three bytes (a slice compare is a call to memcmp).
            let same_start = match bytes.get(b + half..b + half + 3) {
                Some(&[x, y, z]) => [x, y, z] == head,
                _ => false,
            };
            if !same_start
                || bytes.get(b + half..b + 2 * half) != bytes.get(b..b + half)
                || !(0..len).all(|k| han_at(bytes, b + 3 * k).is_some())
            {
                continue;
            }
            let word = &text[b..b + half];
            let usual = match len {
                // Of single characters only 的 is never doubled — but "以营利为目的的" and
                // "的的确确" are words.
                1 => {
                    c != '的' || text[..b].ends_with('目') || text[b + 2 * half..].starts_with('确')
                }
                // "一步一步", "一件一件".
                _ => REDUPLICATED.contains(&word) || c == '一',
            };
            if usual {
                continue;
            }
            let around = around(text, b, b + 2 * half, 6);
            let start = chars.of(b);
            out.push(
                DOUBLED
                    .diag(
                        vec![path],
                        format!("{}中“{word}”连写了两遍：“{around}”。", path.label()),
                        format!("请删去重复的“{word}”；如原意是别的词，请改为正确的词。"),
                    )
                    .with_fix(Fix {
                        path,
                        start,
                        end: start + 2 * len,
                        found: text[b..b + 2 * half].to_string(),
                        replacement: word.to_string(),
                        safe: false,
                    }),
            );
            b += 2 * half;
            continue 'next;
        }
        b += 3;
    }
}

/// How many character starts [`may_double`] clears at once.
const BLOCK: usize = 32;

/// Whether a doubled word can start at any of the [`BLOCK`] bytes from `from`. At the lead byte
/// of a three-byte character, compare the last bytes of it and of the character after: a word
/// of one character can only be 的的 (both E7 9A 84), and one of two to four characters repeats
/// both 6, 9 or 12 bytes on. Of the fixtures' texts one block in twenty passes. The loop has no
/// branch: the compiler makes it some seventy vector instructions for the block, where reading
/// the characters one by one costs some thirty instructions each. `None` when fewer than
/// BLOCK + 18 bytes are left.
fn may_double(bytes: &[u8], from: usize) -> Option<bool> {
    let w = bytes.get(from..from + BLOCK + 18)?;
    let at = |o: usize| &w[o..BLOCK + o];
    let (lead, last, next) = (at(0), at(2), at(5));
    let (at8, at11, at14, at17) = (at(8), at(11), at(14), at(17));
    let mut m = u8::MAX;
    for k in 0..BLOCK {
        // Each term is 0 where its bytes are equal.
        let three_byte = (lead[k] & 0xf0) ^ 0xe0;
        let (x, y) = (last[k], next[k]);
        let de = (x ^ 0x84) | (y ^ 0x84);
        let two = (x ^ at8[k]) | (y ^ at11[k]);
        let three = (x ^ at11[k]) | (y ^ at14[k]);
        let four = (x ^ at14[k]) | (y ^ at17[k]);
        m = m.min(three_byte | de.min(two).min(three).min(four));
    }
    Some(m == 0)
}

/// The length of the UTF-8 sequence a character boundary's byte starts.
pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

/// Half-width marks between Chinese characters, each with its full-width fix. Only the ASCII
/// marks themselves are looked at (a byte each in UTF-8), and the characters beside them.
fn ascii_punct(path: FieldPath, text: &str, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    let han_before = |b: usize| text[..b].chars().next_back().is_some_and(is_han);
    let han_after = |b: usize| text[b..].chars().next().is_some_and(is_han);
    let mut chars = CharOffsets::new(text);
    let is_mark = |b: u8| matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(');
    let mut from = 0;
    while let Some(b) = find_byte(bytes, from, is_mark) {
        let mark = bytes[b];
        from = b + 1;
        let (end, replacement) = match mark {
            b'(' if han_before(b) || han_after(b + 1) => {
                let close = text[b + 1..]
                    .char_indices()
                    .take(40)
                    .find(|(_, c)| *c == ')' || *c == '(')
                    .map(|(j, c)| (b + 1 + j, c));
                match close {
                    Some((j, ')')) if text[b + 1..j].chars().any(is_han) => {
                        (j + 1, format!("（{}）", &text[b + 1..j]))
                    }
                    _ => continue,
                }
            }
            b'(' => continue,
            _ if han_before(b) && han_after(b + 1) => {
                let full = match mark {
                    b',' => '，',
                    b';' => '；',
                    b':' => '：',
                    b'?' => '？',
                    _ => '！',
                };
                (b + 1, full.to_string())
            }
            _ => continue,
        };
        let found = &text[b..end];
        let around = around(text, b, end, 6);
        let start = chars.of(b);
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
                    start,
                    end: start + found.chars().count(),
                    found: found.to_string(),
                    replacement,
                    safe: true,
                }),
        );
        // Marks inside a finding (a bracket's contents) are not looked at again.
        from = end;
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

/// The character-by-character forms of [`doubled`] and [`ascii_punct`] as they were first
/// written: what the byte scans must find, finding for finding.
#[cfg(test)]
mod reference {
    use super::{is_han, ASCII_PUNCT, DOUBLED, REDUPLICATED};
    use crate::diagnostic::{Diagnostic, Fix};
    use crate::path::FieldPath;

    /// "资金资金", "的的": a word of one to four characters written twice running.
    pub(super) fn doubled(path: FieldPath, chars: &[char], out: &mut Vec<Diagnostic>) {
        let mut i = 0;
        'next: while i < chars.len() {
            // A doubled word is of Chinese characters only, and its second half begins with the
            // character its first does: nearly every position fails one of these two compares,
            // before any slice is compared (a call to memcmp per length and position otherwise).
            let c = chars[i];
            if !is_han(c) {
                i += 1;
                continue;
            }
            for len in (1..=4).rev() {
                if chars.get(i + len) != Some(&c) {
                    continue;
                }
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
    pub(super) fn ascii_punct(path: FieldPath, chars: &[char], out: &mut Vec<Diagnostic>) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        doubled(FieldPath::Other, text, &mut out);
        ascii_punct(FieldPath::Other, text, &mut out);
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

/// The byte scans against [`reference`], on every narrative text of the seeds and the real
/// reports and on random texts made of the characters the scans treat specially.
#[cfg(test)]
mod same_findings {
    use super::*;
    use proptest::prelude::*;

    fn both(text: &str) -> (String, String) {
        let chars: Vec<char> = text.chars().collect();
        let (mut old, mut new) = (Vec::new(), Vec::new());
        reference::doubled(FieldPath::Problems, &chars, &mut old);
        reference::ascii_punct(FieldPath::Problems, &chars, &mut old);
        doubled(FieldPath::Problems, text, &mut new);
        ascii_punct(FieldPath::Problems, text, &mut new);
        (format!("{old:#?}"), format!("{new:#?}"))
    }

    #[test]
    fn the_fixtures_texts_give_the_same_findings() {
        let texts = crate::rules::excerpt::fixture_texts();
        let mut found = 0;
        for text in &texts {
            let (old, new) = both(text);
            assert_eq!(old, new, "{text}");
            found += new.matches("code:").count();
        }
        // Seed 001's two half-width commas at least: the comparison is not of empty lists.
        assert!(found >= 2, "{found}");
    }

    /// Characters the scans decide on: Chinese characters (and 的/目/确/一, REDUPLICATED's),
    /// the marks, brackets, line breaks, and characters of every UTF-8 length beside the
    /// Chinese range (U+4DB5 and U+A000 share its lead bytes or border it) — among runs of
    /// distinct Chinese characters, as prose has, and words of one to four characters written
    /// twice, so that both the blocks passed over and those read one by one are met.
    fn tricky() -> impl Strategy<Value = String> {
        let alphabet = vec![
            '的', '目', '确', '资', '金', '一', '步', '研', '究', '，', ',', ',', ';', ':', '?',
            '!', '(', ')', '(', '）', 'a', '1', ' ', '\n', 'é', '䶵', '\u{9fff}', '\u{a000}',
            '\u{4e00}', '𠀀', 'ㄅ', '〇',
        ];
        let prose: Vec<char> = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
            .chars()
            .collect();
        let segment = prop_oneof![
            prop::sample::select(alphabet).prop_map(String::from),
            prop::collection::vec(prop::sample::select(prose.clone()), 1..12)
                .prop_map(|v| v.into_iter().collect()),
            prop::collection::vec(prop::sample::select(prose), 1..=4).prop_map(|v| {
                let w: String = v.into_iter().collect();
                format!("{w}{w}")
            }),
        ];
        prop::collection::vec(segment, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn random_texts_give_the_same_findings(text in tricky()) {
            let (old, new) = both(&text);
            prop_assert_eq!(old, new);
        }
    }
}
