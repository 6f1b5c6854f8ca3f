//! Enumerations in the prose ("一是……二是……三是", "（一）（二）", "1. 2. 3.", "（1）（2）") must
//! run in sequence within a field. A list may start again at its first item (a section lists
//! its problems, then its measures, each from 一是), so only a repeated item ("三是……三是") or a
//! step that is not +1 ("一是……三是", "三是……二是") is reported, naming both places. Numbered items
//! other than "X是" count only where an item can start (a field's or line's start, or after
//! "。；："), so "2.5 亿元" or a year is never taken for one.

use super::{excerpt, narrative_fields, Ctx};
use crate::cell::fold_width;
use crate::diagnostic::{Diagnostic, Rule, Severity};

pub(super) static SEQUENCE: Rule = Rule {
    code: "TEXT-ENUM-SEQUENCE",
    severity: Severity::Warning,
    meaning: "正文中的分项序号（一是、二是……，（一）（二）……，1. 2. ……）重复或跳号。",
    basis: "党政机关公文格式（GB/T 9704-2012）：结构层次序数依次排列；序号重复或跳号会被读者视为漏项或笔误。",
};

pub(super) static RULES: &[&Rule] = &[&SEQUENCE];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// 一是、二是
    Shi,
    /// （一）（二）
    ChineseParen,
    /// （1）（2）
    ArabicParen,
    /// 1. 2. / 1、2、
    Arabic,
}

impl Family {
    fn token(self, n: u32) -> String {
        match self {
            Family::Shi => format!("{}是", chinese(n)),
            Family::ChineseParen => format!("（{}）", chinese(n)),
            Family::ArabicParen => format!("（{n}）"),
            Family::Arabic => format!("{n}."),
        }
    }
}

#[derive(Debug)]
struct Item {
    family: Family,
    n: u32,
    /// Character range of the item's token.
    start: usize,
    end: usize,
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn chinese(n: u32) -> String {
    let d = |i: u32| DIGITS.get(i as usize).copied().unwrap_or('〇');
    match n {
        0..=9 => d(n).to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", d(n - 10)),
        _ if n.is_multiple_of(10) => format!("{}十", d(n / 10)),
        _ => format!("{}十{}", d(n / 10), d(n % 10)),
    }
}

/// A Chinese numeral from 一 to 九十九 at the start of `s`: (value, characters used).
fn read_chinese(s: &[char]) -> Option<(u32, usize)> {
    let digit = |c: char| DIGITS.iter().position(|d| *d == c).map(|p| p as u32);
    match s {
        ['十', rest @ ..] => match rest.first().and_then(|c| digit(*c)) {
            Some(u) if u > 0 => Some((10 + u, 2)),
            _ => Some((10, 1)),
        },
        [t, '十', rest @ ..] => {
            let t = digit(*t).filter(|t| *t > 1)?;
            match rest.first().and_then(|c| digit(*c)) {
                Some(u) if u > 0 => Some((t * 10 + u, 3)),
                _ => Some((t * 10, 2)),
            }
        }
        [u, ..] => digit(*u).filter(|u| *u > 0).map(|u| (u, 1)),
        [] => None,
    }
}

fn read_arabic(s: &[char]) -> Option<(u32, usize)> {
    let len = s
        .iter()
        .take_while(|c| fold_width(**c).is_ascii_digit())
        .count();
    if len == 0 || len > 2 {
        return None;
    }
    let n: u32 = s[..len]
        .iter()
        .map(|c| fold_width(*c))
        .collect::<String>()
        .parse()
        .ok()?;
    (n > 0).then_some((n, len))
}

/// The marks after which an "X是" item may stand. Asked of every character of every field on
/// every keystroke: a `char` array, not a `&str` searched for the char (a substring search each).
const AFTER_BREAK: [char; 14] = [
    '。', '；', ';', '，', ',', '：', ':', '、', '“', '”', '（', '）', '(', ')',
];

/// Whether an item's token can begin with `c`: "（" or "(", a digit of any width, or a numeral
/// [`read_chinese`] reads ("十" or 一…九; 〇 only ever after a first digit).
fn may_start_item(c: char) -> bool {
    matches!(c, '（' | '(' | '十') || fold_width(c).is_ascii_digit() || DIGITS[1..].contains(&c)
}

/// How many character starts [`may_hold_item`] clears at once.
const BLOCK: usize = 32;

/// Whether an item can start at any of the [`BLOCK`] bytes from `from`: an item begins with "("
/// or an ASCII digit, with full-width "（" or a full-width digit (EF BC 88, EF BC 90–99), or
/// with a numeral of one to three characters (three bytes each, lead byte E4 or E5) followed
/// by 是 (E6 98 AF), which then starts 3, 6 or 9 bytes on. Four blocks in five of the fixtures'
/// texts have none of these. The loop has no branch: the compiler makes it vector compares,
/// some four instructions a byte, where decoding the characters one by one costs several times
/// that. `None` when fewer than BLOCK + 12 bytes are left.
fn may_hold_item(bytes: &[u8], from: usize) -> Option<bool> {
    let w = bytes.get(from..from + BLOCK + 12)?;
    let at = |o: usize| &w[o..BLOCK + o];
    let (x, y, z) = (at(0), at(1), at(2));
    let shi_at = [
        (at(3), at(4), at(5)),
        (at(6), at(7), at(8)),
        (at(9), at(10), at(11)),
    ];
    let shi = |p: u8, q: u8, r: u8| ((p ^ 0xe6) | (q ^ 0x98) | (r ^ 0xaf)) == 0;
    let mut hit = 0u8;
    for k in 0..BLOCK {
        let ascii = (x[k] == b'(') | x[k].is_ascii_digit();
        let wide =
            (x[k] == 0xef) & (y[k] == 0xbc) & ((z[k] == 0x88) | (z[k].wrapping_sub(0x90) < 10));
        let [(p3, q3, r3), (p6, q6, r6), (p9, q9, r9)] = shi_at;
        let numeral = ((x[k] & 0xfe) == 0xe4)
            & (shi(p3[k], q3[k], r3[k]) | shi(p6[k], q6[k], r6[k]) | shi(p9[k], q9[k], r9[k]));
        hit |= u8::from(ascii | wide | numeral);
    }
    Some(hit != 0)
}

/// The list items of a text, in order. Read from the bytes (this runs over every field on every
/// keystroke): only a character an item can begin with is decoded and looked at — "(", an ASCII
/// digit, or a character whose UTF-8 lead byte is E4, E5 (一…九, 十) or EF (full-width "（" and
/// digits) — with the few characters after it and the one before; characters are counted only
/// where an item is found.
fn items(text: &str) -> Vec<Item> {
    let bytes = text.as_bytes();
    let blank = |c: char| c.is_whitespace() || c == '\u{a0}';
    let mut chars = super::CharOffsets::new(text);
    let mut out = Vec::new();
    // Character by character over the bytes: a character is decoded only when its lead byte
    // is one an item's first character has.
    let mut b = 0;
    // Characters starting before this byte are read one by one: a block test found a possible
    // item there, or the text's last bytes are too few for a block.
    let mut one_by_one = 0;
    while let Some(&lead) = bytes.get(b) {
        if b >= one_by_one {
            match may_hold_item(bytes, b) {
                Some(false) => {
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
        let c = match lead {
            b'(' | b'0'..=b'9' => char::from(lead),
            0xe4 | 0xe5 | 0xef => match text.get(b..b + 3).and_then(|s| s.chars().next()) {
                Some(c) => c,
                None => break,
            },
            _ => {
                b += super::text::utf8_len(lead);
                continue;
            }
        };
        if !may_start_item(c) {
            b += c.len_utf8();
            continue;
        }
        // The longest token is five characters ("（二十三）"), and three digits tell that a
        // number is too long: six characters ahead settle every case.
        let mut window = ['\0'; 6];
        let mut ends = [b; 6];
        let mut seen = 0;
        for ((slot, end), (j, ch)) in window
            .iter_mut()
            .zip(&mut ends)
            .zip(text[b..].char_indices())
        {
            *slot = ch;
            *end = b + j + ch.len_utf8();
            seen += 1;
        }
        let rest = &window[..seen];
        // Where an item may start: the first non-blank character of the text or of a line, or
        // the first after "。；：".
        let at_item_start = || {
            text[..b]
                .chars()
                .rev()
                .find(|&p| !blank(p) || p == '\n')
                .is_none_or(|p| matches!(p, '\n' | '。' | '；' | ';' | '：' | ':'))
        };
        let found = match rest {
            ['（' | '(', inner @ ..] if at_item_start() => {
                let close = |len: usize| {
                    inner
                        .get(len)
                        .is_some_and(|c| *c == '）' || *c == ')')
                        .then_some(len + 2)
                };
                if let Some((n, len)) = read_chinese(inner) {
                    close(len).map(|used| (Family::ChineseParen, n, used))
                } else if let Some((n, len)) = read_arabic(inner) {
                    close(len).map(|used| (Family::ArabicParen, n, used))
                } else {
                    None
                }
            }
            _ if read_arabic(rest).is_some() && at_item_start() => {
                read_arabic(rest).and_then(|(n, len)| {
                    let mark = rest.get(len).map(|c| fold_width(*c));
                    let next = rest.get(len + 1).map(|c| fold_width(*c));
                    (matches!(mark, Some('.' | '、')) && !next.is_some_and(|c| c.is_ascii_digit()))
                        .then_some((Family::Arabic, n, len + 1))
                })
            }
            _ => {
                let after_break = text[..b]
                    .chars()
                    .next_back()
                    .is_none_or(|p| blank(p) || AFTER_BREAK.contains(&p));
                if after_break {
                    read_chinese(rest).and_then(|(n, len)| {
                        (rest.get(len) == Some(&'是')).then_some((Family::Shi, n, len + 1))
                    })
                } else {
                    None
                }
            }
        };
        if let Some((family, n, used)) = found {
            let start = chars.of(b);
            out.push(Item {
                family,
                n,
                start,
                end: start + used,
            });
            b = ends[used - 1];
        } else {
            b += c.len_utf8();
        }
    }
    out
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (path, text) in narrative_fields(ctx.report) {
        let items = items(text);
        // Items are found by character; quoting them needs their bytes, counted only for a
        // field with a finding (this runs on every keystroke).
        let byte_at = std::cell::OnceCell::new();
        let mut last: Vec<&Item> = Vec::new();
        for item in &items {
            let prev = last.iter().position(|p| p.family == item.family);
            let Some(pi) = prev else {
                last.push(item);
                if item.n > 1 && !earlier_item_written(text, item) {
                    out.push(starts_late(path, text, item));
                }
                continue;
            };
            let p = last[pi];
            last[pi] = item;
            if item.n == p.n + 1 || item.n == 1 {
                continue;
            }
            let place = |it: &Item| {
                let b: &Vec<usize> = byte_at.get_or_init(|| {
                    text.char_indices()
                        .map(|(i, _)| i)
                        .chain(std::iter::once(text.len()))
                        .collect()
                });
                excerpt(text, b[it.start], b[it.end], 8)
            };
            let (first, second) = (p.family.token(p.n), item.family.token(item.n));
            let (message, hint) = if item.n == p.n {
                (
                    format!(
                        "{}中序号“{first}”出现了两次：“{}”和“{}”。",
                        path.label(),
                        place(p),
                        place(item)
                    ),
                    format!(
                        "请把第二处改为“{}”，其后的序号依次顺延。",
                        item.family.token(p.n + 1)
                    ),
                )
            } else {
                (
                    format!(
                        "{}中“{first}”之后是“{second}”，序号不连续（应为“{}”）：“{}”和“{}”。",
                        path.label(),
                        item.family.token(p.n + 1),
                        place(p),
                        place(item)
                    ),
                    format!(
                        "请补上缺少的一项，或把“{second}”改为“{}”并顺延其后的序号。",
                        item.family.token(p.n + 1)
                    ),
                )
            };
            out.push(
                SEQUENCE
                    .diag(vec![path], message, hint)
                    .at(item.start, item.end),
            );
        }
    }
}

/// Whether the item before `item` is written anywhere ahead of it, even where no item was
/// looked for ("我局主要做法一是……，二是……": the 一是 follows a character, not a break).
fn earlier_item_written(text: &str, item: &Item) -> bool {
    let before: String = text.chars().take(item.start).map(fold_width).collect();
    let n = item.n - 1;
    let forms = match item.family {
        Family::Shi => vec![format!("{}是", chinese(n))],
        Family::ChineseParen => vec![format!("（{}）", chinese(n)), format!("({})", chinese(n))],
        Family::ArabicParen => vec![format!("（{n}）"), format!("({n})")],
        Family::Arabic => vec![format!("{n}."), format!("{n}、")],
    };
    forms.iter().any(|f| before.contains(f.as_str()))
}

/// "二是" with no "一是" before it: the list starts past its first item.
fn starts_late(path: crate::path::FieldPath, text: &str, item: &Item) -> Diagnostic {
    let (from, to) = (item.family.token(1), item.family.token(item.n));
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let quoted = excerpt(text, byte(item.start), byte(item.end), 8);
    SEQUENCE
        .diag(
            vec![path],
            format!(
                "{}中的分项从“{to}”开始，前面没有“{from}”：“{quoted}”。",
                path.label()
            ),
            format!("请补上“{from}”一项，或把“{to}”改为“{from}”并顺延其后的序号。"),
        )
        .at(item.start, item.end)
}

/// [`items`] as it was first written, character by character: what the byte scan must find.
#[cfg(test)]
mod reference {
    use super::{read_arabic, read_chinese, Family, Item};
    use crate::cell::fold_width;

    pub(super) fn items(text: &str) -> Vec<Item> {
        let chars: Vec<char> = text.chars().collect();
        let blank = |c: char| c.is_whitespace() || c == '\u{a0}';
        // Where an item may start: the first non-blank character of the text or of a line, or the
        // first after "。；：".
        let at_item_start = |i: usize| {
            let mut j = i;
            while j > 0 && blank(chars[j - 1]) && chars[j - 1] != '\n' {
                j -= 1;
            }
            j == 0 || "\n。；;：:".contains(chars[j - 1])
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let rest = &chars[i..];
            let found = match rest {
                ['（' | '(', inner @ ..] if at_item_start(i) => {
                    let close = |len: usize| {
                        inner
                            .get(len)
                            .is_some_and(|c| *c == '）' || *c == ')')
                            .then_some(len + 2)
                    };
                    if let Some((n, len)) = read_chinese(inner) {
                        close(len).map(|used| (Family::ChineseParen, n, used))
                    } else if let Some((n, len)) = read_arabic(inner) {
                        close(len).map(|used| (Family::ArabicParen, n, used))
                    } else {
                        None
                    }
                }
                _ if at_item_start(i) && read_arabic(rest).is_some() => {
                    read_arabic(rest).and_then(|(n, len)| {
                        let mark = rest.get(len).map(|c| fold_width(*c));
                        let next = rest.get(len + 1).map(|c| fold_width(*c));
                        (matches!(mark, Some('.' | '、'))
                            && !next.is_some_and(|c| c.is_ascii_digit()))
                        .then_some((Family::Arabic, n, len + 1))
                    })
                }
                _ => {
                    let after_break = i == 0
                        || blank(chars[i - 1])
                        || "。；;，,：:、“”（）()".contains(chars[i - 1]);
                    if after_break {
                        read_chinese(rest).and_then(|(n, len)| {
                            (rest.get(len) == Some(&'是')).then_some((Family::Shi, n, len + 1))
                        })
                    } else {
                        None
                    }
                }
            };
            match found {
                Some((family, n, used)) => {
                    out.push(Item {
                        family,
                        n,
                        start: i,
                        end: i + used,
                    });
                    i += used;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(Family, u32)> {
        items(text).iter().map(|i| (i.family, i.n)).collect()
    }

    #[test]
    fn numerals_read_and_write_alike() {
        for n in 1..=99 {
            let s: Vec<char> = chinese(n).chars().collect();
            assert_eq!(read_chinese(&s), Some((n, s.len())), "{n}");
        }
    }

    #[test]
    fn items_are_found_only_where_an_item_can_start() {
        assert_eq!(
            read("主要表现为：一是学习不够，二是形式单一。统一是前提。"),
            [(Family::Shi, 1), (Family::Shi, 2)]
        );
        assert_eq!(
            read("（一）主动公开\n1. 规章\n2、文件；3．其他。投资2.5亿元，2023年。"),
            [
                (Family::ChineseParen, 1),
                (Family::Arabic, 1),
                (Family::Arabic, 2),
                (Family::Arabic, 3)
            ]
        );
        assert_eq!(
            read("共有（1）项，见（二）。\n（1）第一项；（2）第二项"),
            [(Family::ArabicParen, 1), (Family::ArabicParen, 2)]
        );
    }

    #[test]
    fn the_seeds_lists_are_read_and_all_run_in_sequence() {
        // The seeds give the rule real material: it must see their lists and stay silent.
        let mut seen = 0;
        for n in ["000", "001", "002", "003", "004"] {
            let path = format!(
                "{}/../../tests/fixtures/{n}.nianbao.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let bytes = std::fs::read(&path).expect("fixture");
            let r = crate::load_report(&bytes).expect("loads");
            for (_, text) in narrative_fields(&r) {
                seen += items(text).len();
            }
            let mut out = Vec::new();
            check(
                &Ctx {
                    report: &r,
                    last_year: None,
                    previous: None,
                    mode: crate::rules::Mode::Full,
                },
                &mut out,
            );
            assert!(out.is_empty(), "seed {n}: {out:#?}");
        }
        assert_eq!(
            seen, 52,
            "items in the five seeds: 50 “X是” and 001’s “1、2、”"
        );
    }

    fn check_text(text: &str) -> Vec<String> {
        let r = crate::Report {
            problems: text.to_string(),
            ..Default::default()
        };
        let mut out = Vec::new();
        check(
            &Ctx {
                report: &r,
                last_year: None,
                previous: None,
                mode: crate::rules::Mode::Full,
            },
            &mut out,
        );
        out.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn a_list_that_starts_past_its_first_item_is_found() {
        assert_eq!(
            check_text("主要问题：二是政策解读主动性还要再提升；三是队伍建设有待加强。"),
            ["五、存在的主要问题及改进情况中的分项从“二是”开始，前面没有“一是”：“主要问题：二是政策解读主动性还…”。"]
        );
        assert_eq!(check_text("（二）改进措施。加强培训。").len(), 1);
        // 一是 written after a character (where no item is looked for), or a list from 一是.
        assert!(check_text("我局主要做法一是加强培训，二是完善制度。").is_empty());
        assert!(check_text("一是加强培训，二是完善制度。").is_empty());
        // 平潭公安局 2024, 五: "一是拓宽……二是落实……三是提升……" runs in order.
        assert!(check_text("着力做好以下三个方面工作：一是拓宽主动公开覆盖面。二是落实信息公开责任制。三是提升政策解读积极性。").is_empty());
    }

    /// The byte scan finds what the character-by-character one found, item for item.
    fn same_items(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let (old, new) = (reference::items(text), items(text));
        proptest::prop_assert_eq!(format!("{old:?}"), format!("{new:?}"), "{}", text);
        Ok(())
    }

    #[test]
    fn the_fixtures_texts_give_the_same_items() {
        let mut seen = 0;
        for text in crate::rules::excerpt::fixture_texts() {
            same_items(&text).expect("same items");
            seen += items(&text).len();
        }
        assert!(seen >= 52, "{seen}");
    }

    /// Texts of list items and what they stand after, among runs of prose: items of every
    /// family from 1 to 99 (一是…九十九是, （一）, (1), （１）, 1. 1、, digits run on), the marks,
    /// blanks and line breaks, and characters of every UTF-8 length that share the numerals'
    /// lead bytes — so that both the blocks passed over and those read one by one are met.
    fn item_texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let single = vec![
            '一', '二', '三', '九', '十', '〇', '是', '1', '2', '0', '１', '２', '.', '．', '、',
            '（', '）', '(', ')', '。', '；', '：', ':', '，', ' ', '\u{3000}', '\u{a0}', '\n',
            '与', 'ｚ', 'é', '𠀀', 'a',
        ];
        let prose: Vec<char> = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥的在和了"
            .chars()
            .collect();
        let token = (1u32..100, 0..6usize).prop_map(|(n, form)| match form {
            0 => format!("{}是", chinese(n)),
            1 => format!("（{}）", chinese(n)),
            2 => format!("({n})"),
            3 => format!("（{n}）").replace('1', "１"),
            4 => format!("{n}."),
            _ => format!("{n}、"),
        });
        let segment = prop_oneof![
            proptest::sample::select(single).prop_map(String::from),
            proptest::collection::vec(proptest::sample::select(prose), 1..16)
                .prop_map(|v| v.into_iter().collect()),
            token,
        ];
        proptest::collection::vec(segment, 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn random_texts_give_the_same_items(text in item_texts()) {
            same_items(&text)?;
        }
    }
}
