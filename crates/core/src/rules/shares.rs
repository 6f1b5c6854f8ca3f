//! Shares and rates quoted in the prose ("予以公开 101 件，占 69.2%", "69.2%的申请予以公开",
//! "办结率 100%", "同比增长 10%") against what table 三 gives.
//!
//! A percentage is checked only when the sentence says unambiguously what it is a share of: the
//! figure is the table quote just before it (the same keywords as TEXT-TABLE-MISMATCH, so
//! "网上申请 3 件，占 50%" stays unchecked) or the outcome just after "X%的申请". A person may
//! divide by the new requests, by all requests handled or by new plus carried over, and may round
//! or cut off at the digits they write; any of these is accepted. Silence over a false alarm.

use super::narrative::{classify, is_blank, quotes, Figure, Quote};
use super::{excerpt, narrative_fields, CharOffsets, Ctx};
use crate::cell::fold_width;
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::model::{Applicant, Report, RequestRow};

pub(super) static SHARE: Rule = Rule {
    code: "TEXT-SHARE-MISMATCH",
    severity: Severity::Warning,
    meaning: "正文中写的占比、办结率或同比增减百分比，与按表格数字算出的不一致（按所写的位数四舍五入或舍去都算一致）。",
    basis: "年度报告的文字说明与统计表应一致（国办公开办函〔2021〕30号）；百分比须由表中数字算得。",
};

pub(super) static RULES: &[&Rule] = &[&SHARE];

/// One "X%" in a text.
struct Percent {
    /// The written value times 10^decimals ("69.2" → 692).
    scaled: u128,
    decimals: u32,
    /// Byte range of the digits (what a fix replaces) and of the whole "X%".
    digits: std::ops::Range<usize>,
    end: usize,
}

fn percents(text: &str) -> Vec<Percent> {
    let mut out = Vec::new();
    for (at, sign) in text.char_indices().filter(|(_, c)| matches!(c, '%' | '％')) {
        let mut start = at;
        let mut written = Vec::new();
        for (i, c) in text[..at].char_indices().rev() {
            let c = fold_width(c);
            if c.is_ascii_digit() || c == '.' {
                written.push(c);
                start = i;
            } else {
                break;
            }
        }
        written.reverse();
        let written: String = written.into_iter().collect();
        let (int, frac) = written.split_once('.').unwrap_or((&written, ""));
        if int.is_empty() || int.len() > 6 || frac.len() > 4 || frac.contains('.') {
            continue;
        }
        let (Ok(i), Ok(f)) = (int.parse::<u128>(), format!("0{frac}").parse::<u128>()) else {
            continue;
        };
        let decimals = frac.len() as u32;
        out.push(Percent {
            scaled: i * 10u128.pow(decimals) + f,
            decimals,
            digits: start..at,
            end: at + sign.len_utf8(),
        });
    }
    out
}

pub(super) fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// Whether `num / den` as a percentage can be written `scaled` at `decimals` places: rounded half
/// up, or cut off, as people do.
fn agrees(scaled: u128, decimals: u32, num: u128, den: u128) -> bool {
    let (floor, round) = written_as(decimals, num, den);
    scaled == floor || scaled == round
}

/// (cut off, rounded) of `num / den` in percent at `decimals` places, scaled by 10^decimals.
fn written_as(decimals: u32, num: u128, den: u128) -> (u128, u128) {
    let scaled = num * 100 * 10u128.pow(decimals);
    (scaled / den, (2 * scaled + den) / (2 * den))
}

fn show(scaled: u128, decimals: u32) -> String {
    if decimals == 0 {
        return scaled.to_string();
    }
    let p = 10u128.pow(decimals);
    format!(
        "{}.{:0width$}",
        scaled / p,
        scaled % p,
        width = decimals as usize
    )
}

/// The places the computed figure is shown with: one more than written, at least two.
fn finer(p: &Percent) -> u32 {
    (p.decimals + 1).max(2)
}

fn places(decimals: u32) -> &'static str {
    match decimals {
        0 => "取整",
        1 => "保留一位小数",
        2 => "保留两位小数",
        _ => "按所写位数",
    }
}

/// A written number in the width of `like` ("６９．２" stays full-width).
fn like_width(like: &str, s: &str) -> String {
    if !like.chars().any(|c| ('０'..='９').contains(&c)) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match (c, c.to_digit(10)) {
            ('.', _) => '．',
            (_, Some(d)) => char::from_u32('０' as u32 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// What a percentage is said to be, with the candidates for its denominator (the first is the
/// one a fix uses).
struct Claim {
    what: String,
    num: u64,
    bases: Vec<(&'static str, u64)>,
}

fn request_total(r: &Report, row: RequestRow) -> u64 {
    let t = &r.requests;
    t.get(row, Applicant::Total)
        .value()
        .copied()
        .unwrap_or_else(|| t.computed_row_total(row))
}

fn bases(r: &Report) -> Vec<(&'static str, u64)> {
    let new = request_total(r, RequestRow::NewReceived);
    let carried = request_total(r, RequestRow::CarriedOver);
    vec![
        ("表三本年新收总计", new),
        ("表三办理结果总计", request_total(r, RequestRow::Total)),
        ("表三本年新收与上年结转之和", new + carried),
    ]
}

/// A figure that can be a share of the requests: an outcome or what is carried forward.
fn share_figure(fig: Figure) -> bool {
    match fig {
        Figure::Requests(row) => row.group().is_some() || row == RequestRow::CarriedForward,
        Figure::Group(_) | Figure::Outcomes(_) => true,
        _ => false,
    }
}

fn claim_for(fig: Figure, r: &Report) -> Option<Claim> {
    if !share_figure(fig) {
        return None;
    }
    let num = *fig.values(r)?.first()?;
    Some(Claim {
        what: fig.name(),
        num,
        bases: bases(r),
    })
}

/// How far a sentence is looked for, in characters either way: a real one is far shorter, and a
/// field of one endless "sentence" must not cost its length for every number in it.
const MAX_SENTENCE: usize = 500;

/// The sentence around a byte range (between sentence breaks).
pub(super) fn sentence_of(text: &str, start: usize, end: usize) -> &str {
    let from = after_last(&text[..start], is_sentence_break);
    let after = &text[end..];
    let to = after
        .char_indices()
        .take(MAX_SENTENCE)
        .find(|(_, c)| is_sentence_break(*c))
        .map_or_else(
            || {
                end + after
                    .char_indices()
                    .nth(MAX_SENTENCE)
                    .map_or(after.len(), |(i, _)| i)
            },
            |(i, _)| end + i,
        );
    &text[from..to]
}

/// The byte just after the last character of `s` that `pred` accepts, looking back at most
/// [`MAX_SENTENCE`] characters: where it gives up, the place it gave up at (0 when it reached
/// the start).
pub(super) fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    let mut from = s.len();
    for (i, c) in s.char_indices().rev().take(MAX_SENTENCE) {
        if pred(c) {
            return i + c.len_utf8();
        }
        from = i;
    }
    // Every character seen and none accepted: `from` is 0 when the search reached the start.
    from
}

/// The table quote nearest before `at` in the same sentence. `qs` are in text order.
pub(super) fn quote_before<'q>(qs: &'q [Quote], text: &str, at: usize) -> Option<&'q Quote> {
    let sentence = after_last(&text[..at], is_sentence_break);
    let ended = qs.partition_point(|q| q.end <= at);
    qs[..ended]
        .iter()
        .rev()
        .take_while(|q| q.end > sentence)
        .find(|q| q.start >= sentence)
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    for (path, text) in narrative_fields(r) {
        // Two searches for one character each (memchr), not one for either (which decodes
        // every character): most fields have no percentage.
        if !text.contains('%') && !text.contains('％') {
            continue;
        }
        let qs = quotes(text);
        let mut at = CharOffsets::new(text);
        for p in percents(text) {
            let lead_start = after_last(&text[..p.digits.start], |c| {
                is_sentence_break(c)
                    || matches!(c, '，' | ',' | '、' | '：' | ':' | '（' | '）' | '(' | ')')
            });
            let lead: String = text[lead_start..p.digits.start]
                .chars()
                .filter(|c| !is_blank(*c))
                .collect();
            let after = text[p.end..].trim_start_matches(is_blank);
            let claim = if super::year_text::compares_years(&lead, ctx) {
                if let Some(d) = growth(ctx, text, &qs, &p, &lead) {
                    out.push(d.finish(path, text, &mut at, &p));
                }
                continue;
            } else if lead.contains("办结率")
                    && !["按时", "按期", "及时", "满意"]
                        .iter()
                        .any(|w| lead.contains(w))
                    // A 办结率 of 政务服务 办件 is not one of the requests.
                    && sentence_of(text, p.digits.start, p.end).contains("申请")
            {
                let new = request_total(r, RequestRow::NewReceived);
                let carried = request_total(r, RequestRow::CarriedOver);
                Claim {
                    what: "表三办理结果总计".into(),
                    num: request_total(r, RequestRow::Total),
                    bases: vec![
                        ("表三本年新收与上年结转之和", new + carried),
                        ("表三本年新收总计", new),
                    ],
                }
            } else if lead.contains('占') {
                let Some(q) = quote_before(&qs, text, p.digits.start) else {
                    continue;
                };
                // "予以公开 101 件，涉及企业 50 家，占 30%": another number stands between,
                // and the share may be of it.
                if text[q.end..p.digits.start]
                    .chars()
                    .any(|c| fold_width(c).is_ascii_digit())
                {
                    continue;
                }
                let Some(c) = classify(&q.clause).and_then(|f| claim_for(f, r)) else {
                    continue;
                };
                c
            } else if let Some(rest) = after.strip_prefix('的') {
                let clause: String = rest
                    .chars()
                    .take_while(|c| !super::narrative::is_clause_break(fold_width(*c)))
                    .collect();
                let Some(c) = classify(&clause).and_then(|f| claim_for(f, r)) else {
                    continue;
                };
                c
            } else {
                continue;
            };
            if let Some(d) = share(&claim, &p) {
                out.push(d.finish(path, text, &mut at, &p));
            }
        }
    }
}

/// A finding before it knows where it is.
struct Pending {
    computed: String,
    replacement: Option<(String, bool)>,
}

impl Pending {
    fn finish(
        self,
        path: crate::path::FieldPath,
        text: &str,
        at: &mut CharOffsets,
        p: &Percent,
    ) -> Diagnostic {
        let (start, digits_end, end) = (at.of(p.digits.start), at.of(p.digits.end), at.of(p.end));
        let found = &text[p.digits.clone()];
        let d = SHARE
            .diag(
                vec![path],
                format!(
                    "{}写的是“{}”，而{}，两处不一致。",
                    path.label(),
                    excerpt(text, p.digits.start, p.end, 8),
                    self.computed
                ),
                "请核对后改正正文中的百分比或表格中的数字。",
            )
            .at(start, end);
        match self.replacement {
            Some((to, safe)) => d.with_fix(Fix {
                path,
                start,
                end: digits_end,
                found: found.to_string(),
                replacement: like_width(found, &to),
                safe,
            }),
            None => d,
        }
    }
}

fn share(c: &Claim, p: &Percent) -> Option<Pending> {
    let usable: Vec<&(&str, u64)> = c.bases.iter().filter(|(_, d)| *d > 0).collect();
    let (base_name, den) = **usable.first()?;
    let num = u128::from(c.num);
    if usable
        .iter()
        .any(|(_, d)| agrees(p.scaled, p.decimals, num, u128::from(*d)))
    {
        return None;
    }
    let rounded = |d: u64| written_as(p.decimals, num, u128::from(d)).1;
    let want = rounded(den);
    // Safe only when every way of dividing gives the same figure.
    let settled = usable.iter().all(|(_, d)| rounded(*d) == want);
    Some(Pending {
        computed: format!(
            "按{} {} 件占{} {} 件计算是 {}%（{}为 {}%）",
            c.what,
            c.num,
            base_name,
            den,
            show(written_as(finer(p), num, u128::from(den)).1, finer(p)),
            places(p.decimals),
            show(want, p.decimals)
        ),
        replacement: Some((show(want, p.decimals), settled)),
    })
}

/// "同比增长 X%": checked only when last year's figures are known (a report given, or carried).
fn growth(ctx: &Ctx, text: &str, qs: &[Quote], p: &Percent, lead: &str) -> Option<Pending> {
    let last = ctx.previous?;
    let up = ["增长", "增加", "上升", "提高"]
        .iter()
        .any(|w| lead.contains(w));
    let down = ["下降", "减少", "降低"].iter().any(|w| lead.contains(w));
    if up == down {
        return None;
    }
    let q = quote_before(qs, text, p.digits.start)?;
    let fig = classify(&q.clause)?;
    let now = *fig.values(ctx.report)?.first()?;
    let before = *fig.values_in(last)?.first()?;
    if before == 0 {
        return None;
    }
    let (num, den) = (u128::from(now.abs_diff(before)), u128::from(before));
    let rose = now > before;
    let direction_ok = (up && rose) || (down && !rose) || now == before;
    if direction_ok && agrees(p.scaled, p.decimals, num, den) {
        return None;
    }
    let want = written_as(p.decimals, num, den).1;
    let word = if rose { "增长" } else { "下降" };
    Some(Pending {
        computed: format!(
            "{}上年是 {before}，本年是 {now}，实际{word} {}%（{}为 {}%）",
            fig.name(),
            show(written_as(finer(p), num, den).1, finer(p)),
            places(p.decimals),
            show(want, p.decimals)
        ),
        // A wrong direction needs the words rewritten, not a number: no fix then.
        replacement: direction_ok.then(|| (show(want, p.decimals), true)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_may_round_or_cut_off() {
        // 101 / 146 = 69.178…%
        assert!(agrees(692, 1, 101, 146));
        assert!(agrees(691, 1, 101, 146));
        assert!(agrees(69, 0, 101, 146));
        assert!(agrees(6918, 2, 101, 146));
        assert!(agrees(6917, 2, 101, 146));
        assert!(!agrees(693, 1, 101, 146));
        assert!(!agrees(70, 0, 100, 146));
        assert!(agrees(68, 0, 100, 146));
        assert!(!agrees(690, 1, 101, 146));
        assert_eq!(show(692, 1), "69.2");
        assert_eq!(show(5, 2), "0.05");
        assert_eq!(show(100, 0), "100");
    }

    #[test]
    fn percentages_are_read_with_their_places() {
        let p = percents("占比69.2%，另有１００％办结，12.345%不计");
        let got: Vec<(u128, u32)> = p.iter().map(|p| (p.scaled, p.decimals)).collect();
        assert_eq!(got, [(692, 1), (100, 0), (12345, 3)]);
        assert_eq!(like_width("６９．２", "69.3"), "６９．３");
    }
}
