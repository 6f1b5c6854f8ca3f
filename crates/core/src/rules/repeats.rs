//! Text copied from last year's report (TEXT-REPEATS-LAST-YEAR): the share of this year's text,
//! sentence by sentence, that last year's report already says.
//!
//! What counts as the same sentence is what an assessor means by "照搬上年": the words are the
//! same, whatever the numbers. Before two sentences are compared, blanks and punctuation go,
//! full-width letters and digits become half-width, letters lower case, and every run of digits
//! becomes one placeholder — so "2023年…受理申请146件" and "2024年…受理申请152件" are one
//! sentence: a paragraph whose only change is this year's numbers IS last year's paragraph. A
//! leading list marker ("一是", "（二）", "3.") goes too, so a list reordered still matches.
//!
//! What is not counted at all (neither as repeated nor in the whole): sentences of fewer than
//! [`MIN_HAN`] Chinese characters (sub-headings such as "（一）主动公开", "加强组织领导"), the
//! template's headings, and the formulas every report rightly repeats each year (what the report
//! is based on, its 统计期限, where it is published, whom to ask, the 信息处理费 statement, the
//! agency's signature) when they repeat: an honest rewrite keeps those, and counting them would
//! push a short report over the bar (reworded, such a sentence is new text like any other).
//!
//! Cost: one pass over each year's text, no allocation per character; last year's sentences are
//! kept as a sorted list of 64-bit fingerprints. A text met again — every keystroke leaves last
//! year's report and all but one paragraph as they were — is not read again (`Memo`). The rule only runs when last year's whole report
//! is given (`validate(report, Some(last))`: the command line's `--last-year`); the figures carried
//! in a report (`Report::last_year`) have no text.

use std::rc::Rc;
use std::sync::OnceLock;

use super::{narrative_fields, CharOffsets, Ctx};
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::model::{PartKind, Report, Section};
use crate::path::FieldPath;

// Warning, not error: a report may rightly keep some of last year's wording, and the reading is
// approximate (a sentence is a fingerprint, not a judgement); the user decides.
pub(super) static REPEATS: Rule = Rule {
    code: "TEXT-REPEATS-LAST-YEAR",
    severity: Severity::Warning,
    meaning: "正文一半以上与上年年报相同。审核时给出本机关上年年报（如 nianbao validate --last-year）才比较：逐句比较，只改了数字、年份或标点的句子也算相同；少于 8 个汉字的短句、标题和统计期限、信息处理费等每年照例的句子不计。",
    basis: "年度报告应反映本年度的工作情况（《政府信息公开条例》第五十条）；政务公开评估把年报与上年重复超过一半视为照搬上年年报。",
};

// Info: one section kept from last year is often a sign (五 unchanged means last year's problems
// are this year's too), but a short section may rightly stay; not enough for a warning.
pub(super) static SECTION_REPEATS: Rule = Rule {
    code: "TEXT-SECTION-REPEATS-LAST-YEAR",
    severity: Severity::Info,
    meaning: "全文重复不到一半，但“总体情况”或“存在的主要问题及改进情况”一节八成以上与上年年报相同（比较方法同 TEXT-REPEATS-LAST-YEAR）。",
    basis: "国办公开办函〔2021〕30号格式：总体情况写本年度的工作，第五部分写本年存在的问题和上年问题的改进情况，逐年照抄说明没有更新。",
};

pub(super) static RULES: &[&Rule] = &[&REPEATS, &SECTION_REPEATS];

/// Sentences with fewer Chinese characters than this are headings or fragments ("（一）主动公开",
/// "无。", "加强组织领导"): they repeat by nature and do not count.
pub const MIN_HAN: usize = 8;

/// The whole text is called copied above this share (percent, rounded): the 政务公开
/// assessments' bar.
const WHOLE_PERCENT: u32 = 50;

/// One section is worth a 提示 above this share when the whole stays under [`WHOLE_PERCENT`].
const SECTION_PERCENT: u32 = 80;

/// A section needs this many counted sentences for a 提示 (and to be named before a longer one):
/// two sentences kept say little.
const SECTION_MIN_SENTENCES: usize = 3;

/// How much of some text repeats last year's: characters of repeated sentences over characters
/// of all counted sentences (blanks and punctuation left out, a run of digits one character).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub repeated: usize,
    pub counted: usize,
    /// Counted sentences.
    pub sentences: usize,
}

impl Share {
    /// The share in whole percent, rounded; `None` when nothing was counted.
    pub fn percent(self) -> Option<u32> {
        if self.counted == 0 {
            return None;
        }
        // repeated ≤ counted, and both are lengths of texts in memory: no overflow in u128.
        let p = (self.repeated as u128 * 200 + self.counted as u128) / (self.counted as u128 * 2);
        u32::try_from(p).ok()
    }

    fn add(&mut self, other: Share) {
        self.repeated += other.repeated;
        self.counted += other.counted;
        self.sentences += other.sentences;
    }
}

/// The shares of the three sections with text (一, 五, 六) and of the whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repetition {
    pub whole: Share,
    /// 一、总体情况, 五 and 六, in this order.
    pub sections: [(Section, Share); 3],
    /// Per field, in document order.
    fields: Vec<FieldShare>,
}

/// One field's share and its first repeated sentence (byte range), where a finding points.
#[derive(Clone, Debug, PartialEq, Eq)]
struct FieldShare {
    path: FieldPath,
    share: Share,
    first: Option<(usize, usize)>,
}

/// How much of `report`'s text repeats `last`'s, section by section. Any two reports can be
/// compared; the rule compares only with the agency's report of the year before.
pub fn repetition(report: &Report, last: &Report) -> Repetition {
    repetition_against(
        report,
        &LastYearText::remembered(last),
        remembered_sentences,
    )
}

/// What the pass over the texts found, remembered per thread with the texts it was found in.
///
/// Validation runs on every keystroke with last year's report unchanged and all but one of this
/// year's paragraphs unchanged: a text met again (compared whole, byte for byte, so nothing is
/// ever taken for another) gives its sentences without a second pass, and last year's report
/// its fingerprints. The result is exactly what the pass gives — the memo only saves time —
/// so the check stays a pure function of the reports.
#[derive(Default)]
struct Memo {
    /// This year's texts (any report's, as validated), the oldest first, at most [`MEMO_TEXTS`].
    texts: std::collections::VecDeque<(String, Rc<[Sentence]>)>,
    /// Last year's report's texts and their fingerprints.
    last: Option<(Vec<String>, Rc<LastYearText>)>,
}

/// Texts remembered: the eight fields of a report, for a few reports at once (the desk's
/// threads validate many reports one after another; each text costs its length here).
const MEMO_TEXTS: usize = 32;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// [`long_sentences`] of a text, from the memo when the same text was read before.
fn remembered_sentences(text: &str) -> Rc<[Sentence]> {
    let hit = MEMO.with(|m| {
        m.borrow()
            .texts
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, s)| Rc::clone(s))
    });
    if let Some(s) = hit {
        return s;
    }
    let s = sentences_now(text);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.texts.len() >= MEMO_TEXTS {
            m.texts.pop_front();
        }
        m.texts.push_back((text.to_string(), Rc::clone(&s)));
    });
    s
}

/// [`long_sentences`] of a text, read now.
fn sentences_now(text: &str) -> Rc<[Sentence]> {
    let mut v = Vec::new();
    long_sentences(text, |s| v.push(s));
    v.into()
}

/// Last year's counted sentences as fingerprints, sorted: computed once per report compared with.
struct LastYearText {
    keys: Vec<u64>,
}

impl LastYearText {
    /// [`LastYearText::of`], from the memo when last year's texts are those read last time.
    fn remembered(last: &Report) -> Rc<LastYearText> {
        let texts: Vec<&str> = narrative_fields(last).into_iter().map(|(_, t)| t).collect();
        let same = |kept: &[String]| {
            kept.len() == texts.len() && kept.iter().zip(&texts).all(|(k, t)| k == t)
        };
        let hit = MEMO.with(|m| {
            m.borrow()
                .last
                .as_ref()
                .filter(|(kept, _)| same(kept))
                .map(|(_, l)| Rc::clone(l))
        });
        if let Some(l) = hit {
            return l;
        }
        let l = Rc::new(LastYearText::of(last));
        let kept = texts.iter().map(|t| t.to_string()).collect();
        MEMO.with(|m| m.borrow_mut().last = Some((kept, Rc::clone(&l))));
        l
    }

    fn of(last: &Report) -> LastYearText {
        // Formulas and the signature stay in: a sentence of this year's found here is tested
        // for them then.
        let mut keys = Vec::new();
        for (_, text) in narrative_fields(last) {
            long_sentences(text, |s| keys.push(s.key));
        }
        keys.sort_unstable();
        keys.dedup();
        LastYearText { keys }
    }

    fn has(&self, key: u64) -> bool {
        self.keys.binary_search(&key).is_ok()
    }
}

fn repetition_against(
    report: &Report,
    last: &LastYearText,
    sentences_of: impl Fn(&str) -> Rc<[Sentence]>,
) -> Repetition {
    let agency = Agency::of(report);
    let mut whole = Share::default();
    let mut sections = [
        (Section::Overview, Share::default()),
        (Section::Problems, Share::default()),
        (Section::Other, Share::default()),
    ];
    let mut fields = Vec::new();
    for (path, text) in narrative_fields(report) {
        let mut share = Share::default();
        let mut first = None;
        for s in sentences_of(text).iter() {
            let repeated = last.has(s.key);
            if repeated && is_yearly(&text[s.start..s.end], s.han, &agency) {
                continue;
            }
            share.counted += s.weight;
            share.sentences += 1;
            if repeated {
                share.repeated += s.weight;
                first.get_or_insert((s.start, s.end));
            }
        }
        whole.add(share);
        if let Some((_, sum)) = sections.iter_mut().find(|(sec, _)| *sec == path.section()) {
            sum.add(share);
        }
        fields.push(FieldShare { path, share, first });
    }
    Repetition {
        whole,
        sections,
        fields,
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // Only last year's own report: another agency's or year's text is no "last year" (and
    // YEAR-NOT-PREVIOUS says why nothing is compared); `previous` is that report's tables when,
    // and only when, it is the year before of the same agency.
    let (Some(last), Some(_)) = (ctx.last_year, ctx.previous) else {
        return;
    };
    let rep = repetition(ctx.report, last);
    let Some(whole) = rep.whole.percent() else {
        return;
    };
    // The section named: the highest share, the more repeated text on a tie — among sections
    // long enough to say something (六's one sentence at 100% is not what to rewrite first).
    let top = rep
        .sections
        .iter()
        .filter_map(|(sec, share)| Some((*sec, *share, share.percent()?)))
        .max_by_key(|(_, share, p)| (share.sentences >= SECTION_MIN_SENTENCES, *p, share.repeated));
    let Some((top_section, _, top_percent)) = top else {
        return;
    };
    let last_report = match last.meta.year() {
        Some(y) => format!("{y}年年报"),
        None => "上年年报".to_string(),
    };
    if whole > WHOLE_PERCENT && rep.whole.sentences >= 2 {
        let others: Vec<String> = rep
            .sections
            .iter()
            .filter(|(sec, _)| *sec != top_section)
            .filter_map(|(sec, share)| Some(format!("，“{}”{}%", sec.heading(), share.percent()?)))
            .collect();
        let others = others.concat();
        out.push(located(
            &REPEATS,
            &rep,
            ctx.report,
            top_section,
            format!(
                "正文约 {whole}% 与{last_report}相同（其中“{}”重复 {top_percent}%{others}）。逐句比较，只改了数字或年份的句子也算相同。",
                top_section.heading()
            ),
            format!(
                "请按本年度的实际工作重写，先从“{}”改起：写本年新做的工作、本年存在的问题和对上年问题的改进，不要只改数字和年份。",
                top_section.heading()
            ),
        ));
        return;
    }
    // 六 is left out: its fee and 建议提案 statements rightly read the same every year.
    for (sec, share) in rep.sections {
        let Some(p) = share.percent() else {
            continue;
        };
        if sec == Section::Other || p <= SECTION_PERCENT || share.sentences < SECTION_MIN_SENTENCES
        {
            continue;
        }
        out.push(located(
            &SECTION_REPEATS,
            &rep,
            ctx.report,
            sec,
            format!(
                "“{}”约 {p}% 与{last_report}相同（全文 {whole}%）。逐句比较，只改了数字或年份的句子也算相同。",
                sec.heading()
            ),
            if sec == Section::Problems {
                "请写本年度存在的问题，并说明上年所列问题改进得怎样；问题确与上年相同的，写明原因和新的措施。"
            } else {
                "请按本年度的实际工作改写这一部分，不要只改数字和年份。"
            },
        ));
    }
}

/// A finding about `section`: its fields with repeated text, the most repeated first (where the
/// editor jumps), pointing at that field's first repeated sentence.
fn located(
    rule: &'static Rule,
    rep: &Repetition,
    report: &Report,
    section: Section,
    message: String,
    hint: impl Into<String>,
) -> Diagnostic {
    let mut fields: Vec<&FieldShare> = rep
        .fields
        .iter()
        .filter(|f| f.path.section() == section && f.share.repeated > 0)
        .collect();
    // Stable: equal fields stay in document order.
    fields.sort_by_key(|f| std::cmp::Reverse(f.share.repeated));
    let paths: Vec<FieldPath> = fields.iter().map(|f| f.path).collect();
    let paths = if paths.is_empty() {
        vec![FieldPath::Section(section)]
    } else {
        paths
    };
    let d = rule.diag(paths, message, hint);
    let span = fields.first().and_then(|f| {
        let (start, end) = f.first?;
        let (_, text) = narrative_fields(report)
            .into_iter()
            .find(|(p, _)| *p == f.path)?;
        let mut chars = CharOffsets::new(text);
        Some((chars.of(start), chars.of(end)))
    });
    match span {
        Some((start, end)) => d.at(start, end),
        None => d,
    }
}

/// One sentence as compared: its fingerprint, its weight in characters and where it is (bytes).
#[derive(Clone, Copy, Debug)]
struct Sentence {
    key: u64,
    weight: usize,
    han: usize,
    start: usize,
    end: usize,
}

/// Ends a sentence: 。！？； (and their half-width forms, pasted text has them) and line breaks.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r')
}

/// A list marker's numeral ("一是", "（三）", "12."): left out at the start of a sentence.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '0'..='9' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// What a character is to the comparison.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Han,
    Digit,
    /// Another letter or number: Latin, Greek, a circled digit.
    Word,
    /// Blanks, punctuation and symbols: not part of the words.
    Skip,
}

/// Ranges first, so that the Chinese text and its punctuation (nearly every character) never
/// reach the Unicode tables behind `is_alphanumeric` (a search each: it made the pass 15× slower).
fn class(c: char) -> Class {
    if is_han(c) {
        return Class::Han;
    }
    if c.is_ascii() {
        return if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Word
        } else {
            Class::Skip
        };
    }
    match c {
        // CJK symbols and punctuation (、。〇《》「」【】…), general punctuation (“”‘’—…),
        // full-width forms left after `half_width` (（）： are ASCII by then), vertical forms.
        '\u{3000}'..='\u{303F}'
        | '\u{2000}'..='\u{206F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{FE30}'..='\u{FE4F}' => Class::Skip,
        _ if c.is_alphanumeric() => Class::Word,
        _ => Class::Skip,
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Full-width ASCII forms (Ａ, ５, ．) as ASCII, so a sentence typed either way is one sentence.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Every sentence of `text`, normalised and fingerprinted, short or not.
fn sentences(text: &str, mut f: impl FnMut(Sentence)) {
    // FxHash's mixing step: fast, and 64 bits make a false match between two of a report's
    // hundred sentences vanishingly unlikely.
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, v: u32| (h.rotate_left(5) ^ u64::from(v)).wrapping_mul(K);
    let mut h = 0u64;
    let mut weight = 0;
    let mut han = 0;
    let mut start = None;
    // Still before the sentence's first word (a list marker is skipped there); a numeral met.
    let mut lead = true;
    let mut lead_numeral = false;
    let mut in_digits = false;
    let mut done = |h: u64, weight: usize, han: usize, start: Option<usize>, end: usize| {
        if let Some(start) = start {
            if weight > 0 {
                f(Sentence {
                    key: h,
                    weight,
                    han,
                    start,
                    end,
                });
            }
        }
    };
    for (i, raw) in text.char_indices() {
        if ends_sentence(raw) {
            done(h, weight, han, start, i);
            (h, weight, han, start) = (0, 0, 0, None);
            (lead, lead_numeral, in_digits) = (true, false, false);
            continue;
        }
        let c = half_width(raw);
        let class = class(c);
        if class == Class::Skip {
            // Blanks before the first word are not the sentence; a "（" of "（一）" is.
            if start.is_none() && !raw.is_whitespace() {
                start = Some(i);
            }
            continue;
        }
        start.get_or_insert(i);
        if lead {
            if is_numeral(c) {
                lead_numeral = true;
                continue;
            }
            lead = false;
            if c == '是' && lead_numeral {
                continue;
            }
        }
        if class == Class::Digit {
            if !in_digits {
                h = mix(h, u32::from('#'));
                weight += 1;
                in_digits = true;
            }
            continue;
        }
        // Punctuation and symbols (skipped above) do not end a number: "1,234" and "12.5" stay
        // one number.
        in_digits = false;
        h = mix(h, u32::from(c.to_ascii_lowercase()));
        weight += 1;
        if class == Class::Han {
            han += 1;
        }
    }
    done(h, weight, han, start, text.len());
}

/// The sentences long enough to count, headings left out. The yearly formulas are left out
/// later, and only among the repeated ones ([`is_yearly`]): that test costs about what the
/// fingerprinting does, and a formula reworded this year is new text anyway.
fn long_sentences(text: &str, mut f: impl FnMut(Sentence)) {
    sentences(text, |s| {
        if s.han >= MIN_HAN && headings().binary_search(&s.key).is_err() {
            f(s);
        }
    });
}

/// Whether a sentence is one every report repeats each year: a formula ([`is_formula`]) or the
/// signature, the agency's name perhaps with the date ("…财政金融局 2024年1月29日").
fn is_yearly(sentence: &str, han: usize, agency: &Agency) -> bool {
    is_formula(sentence)
        || (!agency.name.is_empty() && han <= agency.han + 3 && sentence.contains(agency.name))
}

/// The agency's name as the signature test needs it.
struct Agency<'a> {
    name: &'a str,
    han: usize,
}

impl<'a> Agency<'a> {
    fn of(r: &'a Report) -> Agency<'a> {
        let name = r.meta.agency.trim();
        Agency {
            name,
            han: name.chars().filter(|c| is_han(*c)).count(),
        }
    }
}

/// Sentences every report repeats each year by design: about the report itself (its basis, its
/// 统计期限, where it is published, whom to ask) and the 信息处理费 statement of 六.
fn is_formula(sentence: &str) -> bool {
    const WORDS: [&str; 14] = [
        "本报告",
        "本年度报告",
        "统计期限",
        "统计时限",
        "统计区间",
        "统计时间",
        "电子版",
        "联系电话",
        "联系地址",
        "邮政编码",
        "处理费",
        "收费情况",
        "其他需要报告的事项",
        "无其他",
    ];
    // One pass, trying the words only where one of their first characters stands: fourteen
    // `contains` calls cost more than the fingerprinting of the sentence.
    sentence.char_indices().any(|(i, c)| {
        matches!(
            c,
            '本' | '统' | '电' | '联' | '邮' | '处' | '收' | '其' | '无'
        ) && WORDS.iter().any(|w| sentence[i..].starts_with(w))
    })
}

/// The fingerprints of the template's headings (sections and parts, as printed), sorted.
fn headings() -> &'static [u64] {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut texts: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
        texts.extend(PartKind::ALL.iter().map(|k| k.heading()));
        texts.extend([
            "存在的主要问题",
            "改进情况",
            "政府信息公开工作存在的主要问题及改进情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        ]);
        let mut keys = Vec::new();
        for t in texts {
            sentences(t, |s| keys.push(s.key));
        }
        keys.sort_unstable();
        keys
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_gives_what_the_pass_gives_while_texts_change() {
        // Seed 003 as 2024 against itself as 2023, then its fields rewritten one at a time and
        // back, last year's report changed too: after every change the remembered shares are
        // the ones computed from nothing.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/003.nianbao.json"
        );
        let bytes = std::fs::read(path).expect("fixture");
        let last = crate::load_report(&bytes).expect("loads");
        let mut this = last.clone();
        let fresh = |this: &Report, last: &Report| {
            repetition_against(this, &LastYearText::of(last), sentences_now)
        };
        let mut seen = std::collections::BTreeSet::new();
        let mut last = last;
        for step in 0..24 {
            let (field, text) = match step % 4 {
                // Last year's 五 with its first sentence's first character changed: as long as
                // the text the memo holds (at step 2), told apart by its bytes.
                0 => {
                    let mut text = last.problems.clone();
                    let first = text.chars().next().map_or(0, char::len_utf8);
                    text.replace_range(..first, ["甲", "乙", "丙", "丁", "戊", "己"][step / 4]);
                    ("problems", text)
                }
                1 => ("overview.intro", String::new()),
                2 => ("problems", last.problems.clone()),
                _ => (
                    "other",
                    format!(
                        "{}本年度无其他需要报告的事项，特此说明情况如上{step}。",
                        this.other
                    ),
                ),
            };
            this.apply(field, &text).expect("edit");
            if step == 12 {
                last.apply(
                    "problems",
                    "上年的问题已经全部改写成为另外一段完全不同的文字了。",
                )
                .expect("edit");
            }
            let remembered = repetition(&this, &last);
            assert_eq!(remembered, fresh(&this, &last), "step {step}");
            seen.insert((remembered.whole.repeated, remembered.whole.counted));
        }
        assert!(
            seen.len() >= 3,
            "the shares changed with the texts: {seen:?}"
        );
    }

    /// The keys of the sentences that would count if repeated.
    fn keys(text: &str) -> Vec<u64> {
        counted(text, "").iter().map(|s| s.key).collect()
    }

    fn counted(text: &str, agency: &str) -> Vec<Sentence> {
        let mut r = Report::default();
        r.meta.agency = agency.to_string();
        let agency = Agency::of(&r);
        let mut v = Vec::new();
        long_sentences(text, |s| {
            if !is_yearly(&text[s.start..s.end], s.han, &agency) {
                v.push(s);
            }
        });
        v
    }

    #[test]
    fn only_the_numbers_changed_is_the_same_sentence() {
        let a = keys("2023年，全年共受理政府信息公开申请146件，均已按时答复。");
        let b = keys("２０２４年，全年共受理政府信息公开申请 1,052 件，均已按时答复！");
        assert_eq!(a.len(), 1);
        assert_eq!(a, b);
        let c = keys("2024年，全年共受理政府信息公开申请152件，其中三件尚在办理。");
        assert_ne!(a, c, "different words");
    }

    #[test]
    fn a_list_marker_does_not_make_a_sentence_new() {
        assert_eq!(
            keys("一是加强政策解读，提高解读质量和实效；"),
            keys("（三）加强政策解读，提高解读质量和实效。")
        );
        assert_eq!(
            keys("二是加强政策解读，提高解读质量和实效"),
            keys("3. 加强政策解读，提高解读质量和实效")
        );
    }

    #[test]
    fn sentences_end_at_stops_semicolons_and_line_breaks() {
        let n = keys("一是完善公开制度建设工作机制；二是加强业务培训提高业务能力\n三是强化监督检查考核问责力度。四是丰富公开方式拓展公开渠道！").len();
        assert_eq!(n, 4);
    }

    #[test]
    fn short_sentences_headings_and_formulas_do_not_count() {
        // Seven Chinese characters; a heading; the template's long headings.
        assert!(keys("（一）主动公开").is_empty());
        assert!(keys("加强组织领导。").is_empty());
        assert_eq!(keys("加强组织领导工作。").len(), 1, "eight count");
        assert!(keys("五、存在的主要问题及改进情况").is_empty());
        assert!(keys("（四）政府信息公开平台建设").is_empty());
        // The yearly formulas, from real reports (平潭, 洪泽, 沭阳).
        for f in [
            "本报告中所列数据统计时限为2022年1月1日至2022年12月31日。",
            "如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系。",
            "2023年度，县发展和改革局政府信息公开未发生收费情况。",
            "2025 年度本机关未收取信息公开处理费。",
            "本机关无其他需要报告的事项。",
            "2、无其他应报告的情况。",
        ] {
            assert!(keys(f).is_empty(), "{f}");
        }
        // The signature.
        let signed = "平潭综合实验区财政金融局 2024年1月29日";
        assert!(counted(signed, "平潭综合实验区财政金融局").is_empty());
        assert_eq!(counted(signed, "平潭综合实验区公安局").len(), 1);
    }

    #[test]
    fn percent_rounds_and_says_nothing_of_nothing() {
        let s = |repeated, counted| Share {
            repeated,
            counted,
            sentences: 1,
        };
        assert_eq!(s(0, 0).percent(), None);
        assert_eq!(s(1, 2).percent(), Some(50));
        assert_eq!(s(101, 200).percent(), Some(51));
        assert_eq!(s(2, 3).percent(), Some(67));
        assert_eq!(s(5, 5).percent(), Some(100));
    }

    fn report(agency: &str, year: &str, overview: &str, problems: &str, other: &str) -> Report {
        let mut r = Report::new(agency, crate::model::AgencyKind::Department, 0);
        r.apply("meta.year", year).expect("year");
        r.apply("overview.intro", overview).expect("intro");
        r.apply("problems", problems).expect("problems");
        r.apply("other", other).expect("other");
        r
    }

    const OVERVIEW: &str = "2023年，县教育局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》。全年主动公开政府信息320条，其中政策文件15件。严格落实政策解读与文件同步起草、同步审签、同步发布制度。";
    const PROBLEMS: &str = "一是政策解读形式较为单一，图解、视频解读偏少；二是基层政务公开标准化规范化建设有待加强。下一步，我局将丰富解读形式，加强业务培训，推进基层政务公开标准化建设。";

    #[test]
    fn a_copy_with_its_numbers_changed_is_warned_naming_the_section() {
        let last = report("某县教育局", "2023", OVERVIEW, PROBLEMS, "无。");
        let this = report(
            "某县教育局",
            "2024",
            &OVERVIEW.replace("2023", "2024").replace("320", "356"),
            PROBLEMS,
            "无。",
        );
        let rep = repetition(&this, &last);
        assert_eq!(rep.whole.percent(), Some(100));
        let d = crate::validate(&this, Some(&last));
        let d: Vec<&Diagnostic> = d.iter().filter(|d| d.code.contains("REPEATS")).collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "TEXT-REPEATS-LAST-YEAR");
        assert_eq!(
            d[0].message,
            "正文约 100% 与2023年年报相同（其中“一、总体情况”重复 100%，“五、存在的主要问题及改进情况”100%）。逐句比较，只改了数字或年份的句子也算相同。"
        );
        assert_eq!(d[0].paths, [FieldPath::Intro]);
        assert_eq!(
            d[0].span,
            Some((0, 43)),
            "the first sentence, without its 。"
        );
    }

    #[test]
    fn a_short_section_copied_whole_is_not_the_one_named() {
        let other = "本机关认真办理人大代表建议和政协委员提案，全部按期办结并公开答复。";
        let last = report("某县教育局", "2023", OVERVIEW, PROBLEMS, other);
        // 一 and 五 each with one sentence rewritten; 六's one sentence kept.
        let this = report(
            "某县教育局",
            "2024",
            &OVERVIEW.replace("严格落实政策解读", "全面推行政策解读"),
            &PROBLEMS.replace("下一步，我局将", "今后，我局将进一步"),
            other,
        );
        let d = crate::validate(&this, Some(&last));
        let d: Vec<&Diagnostic> = d.iter().filter(|d| d.code.contains("REPEATS")).collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "TEXT-REPEATS-LAST-YEAR");
        // 六 at 100% is one sentence: 一, the most repeated of the longer sections, is named.
        assert_eq!(
            d[0].message,
            "正文约 68% 与2023年年报相同（其中“一、总体情况”重复 69%，“五、存在的主要问题及改进情况”52%，“六、其他需要报告的事项”100%）。逐句比较，只改了数字或年份的句子也算相同。"
        );
        assert_eq!(d[0].paths, [FieldPath::Intro]);
    }

    #[test]
    fn a_rewritten_report_and_another_years_report_say_nothing() {
        let last = report("某县教育局", "2023", OVERVIEW, PROBLEMS, "无。");
        let rewritten = report(
            "某县教育局",
            "2024",
            "2024年，县教育局围绕“双减”政策落实，集中公开课后服务收费标准和校外培训机构白名单。全年主动公开政府信息356条，新增招生入学专题栏目一个。",
            "一是部分学校信息更新不及时，校务公开栏内容滞后；二是依申请公开答复文书格式还不够统一。下一步，我局将建立学校信息更新月报制度，并制定答复文书范本。",
            "无。",
        );
        let d = crate::validate(&rewritten, Some(&last));
        assert!(d.iter().all(|d| !d.code.contains("REPEATS")), "{d:?}");
        assert_eq!(repetition(&rewritten, &last).whole.percent(), Some(0));
        // The same text given as a report of two years before, or of another agency: not
        // last year's, not compared (YEAR-NOT-PREVIOUS says so).
        for other in [
            report("某县教育局", "2022", OVERVIEW, PROBLEMS, "无。"),
            report("某县卫健委", "2023", OVERVIEW, PROBLEMS, "无。"),
        ] {
            let copy = report("某县教育局", "2024", OVERVIEW, PROBLEMS, "无。");
            let d = crate::validate(&copy, Some(&other));
            assert!(d.iter().all(|d| !d.code.contains("REPEATS")), "{d:?}");
        }
    }

    #[test]
    fn one_section_kept_is_a_hint_when_the_whole_is_not_copied() {
        let last = report("某县教育局", "2023", OVERVIEW, PROBLEMS, "无。");
        // 一 rewritten and longer; 五 kept word for word (three sentences: the list's two
        // items and the plan).
        let long = "2024年，县教育局围绕“双减”政策落实，集中公开课后服务收费标准和校外培训机构白名单。全年主动公开政府信息356条，新增招生入学专题栏目一个。组织全县中小学开展校务公开专项检查，发现并整改问题二十余个。推动教育收费、资助政策、招生计划等信息在学校门口公示栏和网站同步公开。";
        let this = report("某县教育局", "2024", long, PROBLEMS, "无。");
        let rep = repetition(&this, &last);
        assert!(rep.whole.percent() < Some(50), "{rep:?}");
        let d = crate::validate(&this, Some(&last));
        let d: Vec<&Diagnostic> = d.iter().filter(|d| d.code.contains("REPEATS")).collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "TEXT-SECTION-REPEATS-LAST-YEAR");
        assert_eq!(d[0].paths, [FieldPath::Problems]);
        assert!(
            d[0].message
                .starts_with("“五、存在的主要问题及改进情况”约 100% 与2023年年报相同（全文 "),
            "{}",
            d[0].message
        );
    }
}
