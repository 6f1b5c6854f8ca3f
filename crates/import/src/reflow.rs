//! Text that lost its line breaks — a whole report on one line, as a page's text with its tags
//! stripped — given its lines back: the title, each section heading, each part of 一 and the
//! page's own chrome (print and share links, the footer) on lines of their own, so that the
//! line-based importer reads it as it reads any report.
//!
//! Only structure the report's format fixes is cut at: the six headings in their order, the five
//! parts of 一 in theirs, the end of the title ("…年度报告"). Tables need no cuts: a table row is
//! found by its label wherever it stands on a line.

use nianbao_core::model::{PartKind, Section};

use crate::chrome::CHROME_STARTS;
use crate::labels::{name_len_at, section_names};
use crate::tokens::is_blank;

/// Where a section heading starts at byte `at` of `text`, and where it ends.
fn heading_at(text: &str, at: usize, section: Section) -> Option<usize> {
    let numeral = section.heading().chars().next()?;
    let rest = text[at..].strip_prefix(numeral)?;
    let rest = rest.trim_start_matches(|c: char| is_blank(c) || "、.，,．".contains(c));
    let names = std::iter::once(section.name()).chain(section_names(section).iter().copied());
    let used = names.into_iter().find_map(|name| name_len_at(rest, name))?;
    Some(text.len() - rest.len() + used)
}

/// Where a part of 一 starts ("（二）" or "(二)") at byte `at`, and where its heading ends: at
/// the first blank within a short heading, or after the standard heading when the text runs on
/// without one ("（一）主动公开2023年，…").
fn part_at(text: &str, at: usize, kind: PartKind) -> Option<(usize, Option<usize>)> {
    let numeral = kind.numeral().chars().nth(1)?;
    let rest = &text[at..];
    let after = ["（", "("]
        .iter()
        .find_map(|open| rest.strip_prefix(open))?
        .strip_prefix(numeral)?;
    let after = ["）", ")"].iter().find_map(|c| after.strip_prefix(c))?;
    let start = text.len() - after.len();
    let lead = after.trim_start_matches(is_blank);
    let lead_at = text.len() - lead.len();
    // A heading is short; a blank ends it.
    if let Some((i, _)) = lead
        .char_indices()
        .take(26)
        .find(|&(_, c)| is_blank(c))
        .filter(|&(i, _)| i > 0)
    {
        return Some((start, Some(lead_at + i)));
    }
    let standard = kind.heading();
    if let Some(r) = lead.strip_prefix(standard) {
        let r = r.strip_prefix("情况").unwrap_or(r);
        if !r.starts_with(['：', ':', '。']) {
            return Some((start, Some(text.len() - r.len())));
        }
    }
    Some((start, None))
}

/// Where the title ending `before` starts: its last word, and the words before it that can be
/// part of a title (an agency printed apart from its year), not the page's chrome before it
/// (a breadcrumb, "字号：大 中 小", a date).
fn title_start(before: &str) -> usize {
    let mut start = before.rfind(is_blank).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    loop {
        let head = before[..start].trim_end_matches(is_blank);
        let word_at = head.rfind(is_blank).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &head[word_at..];
        // The last item of a breadcrumb ("首页 > 政务公开 > 年报") is no part of the title.
        let crumb = head[..word_at]
            .trim_end_matches(is_blank)
            .ends_with(['>', '＞', '»', '›']);
        let titled = word.chars().count() >= 2
            && !crumb
            // Not a date, a time or a count of the page's header ("2024-01-20", "09:30").
            && !word.contains(['>', '＞', '»', '：', ':', '|', '/', '-'])
            && before[word_at..].chars().count() <= 60;
        if word.is_empty() || !titled {
            return start;
        }
        start = word_at;
    }
}

/// Page numbers inside running text: "— 3 —" or "－3－" (any blanks), or "-3-" standing
/// between blanks (a date's "2021-3-5" is none).
fn folios(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = text[i..].find(['—', '－', '-']) {
        let start = i + k;
        let dash = text[start..].chars().next().unwrap_or('-');
        let after = &text[start + dash.len_utf8()..];
        let inner = after.trim_start_matches(is_blank);
        let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let tail = inner[digits..].trim_start_matches(is_blank);
        if (1..=3).contains(&digits) && tail.starts_with(dash) {
            // Only now is `end` known to stand after the closing dash, on a character boundary.
            let end = text.len() - tail.len() + dash.len_utf8();
            let apart = dash != '-'
                || (text[..start].ends_with(is_blank) && text[end..].starts_with(is_blank));
            if apart {
                out.push((start, end));
                i = end;
                continue;
            }
        }
        i = start + dash.len_utf8();
    }
    out
}

/// The cuts of a report that lost its line breaks, or `None` when its lines are fine (at least
/// three of the six headings already stand at the start of a line).
pub fn reflow(text: &str) -> Option<String> {
    let at_line_start = text
        .lines()
        .filter(|l| crate::labels::section_heading(l).is_some())
        .count();
    if at_line_start >= 3 {
        return None;
    }
    // The six headings, in order, each after the one before.
    let mut cuts: Vec<usize> = Vec::new();
    let mut sections: Vec<(Section, usize, usize)> = Vec::new();
    let mut from = 0;
    for s in Section::ALL[1..].iter().copied() {
        let found = text[from..]
            .char_indices()
            .map(|(i, _)| from + i)
            .find_map(|i| heading_at(text, i, s).map(|end| (i, end)));
        if let Some((start, end)) = found {
            sections.push((s, start, end));
            cuts.extend([start, end]);
            from = end;
        }
    }
    if sections.len() < 3 {
        return None;
    }
    let first = sections[0].1;
    // The title: what ends in "年度报告" before 一, from its first character after a blank.
    if let Some(end) = text[..first].find("年度报告").map(|i| i + "年度报告".len()) {
        cuts.extend([title_start(&text[..end]), end]);
    }
    // The parts of 一, in order, within 一.
    if let Some(&(Section::Overview, _, end)) = sections.first() {
        let stop = sections.get(1).map_or(text.len(), |s| s.1);
        let mut from = end;
        for kind in PartKind::ALL {
            let found = text[from..stop]
                .char_indices()
                .map(|(i, _)| from + i)
                .find_map(|i| part_at(text, i, kind).map(|p| (i, p)));
            if let Some((start, (after, heading_end))) = found {
                cuts.push(start);
                cuts.extend(heading_end);
                from = after;
            }
        }
    }
    // The page's chrome after the report: each link or footer item on a line of its own, where
    // the filter of chrome lines drops it.
    let last = sections.last().map_or(0, |s| s.2);
    for word in CHROME_STARTS {
        let mut from = last;
        while let Some(i) = text[from..].find(word) {
            // "[打印本页]" is cut before its bracket.
            let at = from + i;
            let at = text[..at].strip_suffix(['【', '[']).map_or(at, str::len);
            cuts.push(at);
            from += i + word.len();
        }
    }
    // Page numbers ("— 3 —") left between paragraphs: on lines of their own, where the filter of
    // page numbers drops them.
    for (start, end) in folios(text) {
        cuts.extend([start, end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut prev = 0;
    for cut in cuts {
        if cut > prev && text.is_char_boundary(cut) {
            out.push_str(text[prev..cut].trim_matches(is_blank));
            out.push('\n');
            prev = cut;
        }
    }
    out.push_str(text[prev..].trim_matches(is_blank));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_parts_and_title_on_lines_of_their_own() {
        let text = "首页 > 政务公开 > 年报 某县人民政府2023年政府信息公开工作年度报告 本报告依据条例编制。 \
                    一、总体情况 2023年，本县…… （一）主动公开 一是……（二）依申请公开情况：共收到…… \
                    二、主动公开政府信息情况 规章 0 0 0 三、收到和处理政府信息公开申请情况 …… \
                    四、政府信息公开行政复议、行政诉讼情况 0 0 五、存在的主要问题及改进情况 一是…… \
                    六、其他需要报告的事项 无。 【打印】 【关闭】 主办单位：某县人民政府办公室";
        let lines: Vec<String> = reflow(text)
            .expect("cut")
            .lines()
            .map(str::to_string)
            .collect();
        for want in [
            "某县人民政府2023年政府信息公开工作年度报告",
            "一、总体情况",
            "（一）主动公开",
            "（二）依申请公开情况：共收到……",
            "二、主动公开政府信息情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "六、其他需要报告的事项",
            "无。",
            "【打印】",
            "主办单位：某县人民政府办公室",
        ] {
            assert!(lines.iter().any(|l| l == want), "{want}: {lines:#?}");
        }
    }

    #[test]
    fn page_numbers_inside_the_text() {
        let t = "正文 — 3 — 接着 -4- 日期2021-3-5 －12－";
        let found: Vec<&str> = folios(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(found, vec!["— 3 —", "-4-", "－12－"]);
        // A dash and digits before a Chinese character (found by the fuzzer: the end was taken
        // inside that character).
        assert!(folios("正文 -3中文 -3").is_empty());
        assert!(folios("－3年").is_empty());
    }

    #[test]
    fn a_report_with_its_lines_is_left_alone() {
        assert_eq!(
            reflow("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"),
            None
        );
        assert_eq!(reflow("一篇文章，不是年报。"), None);
    }

    #[test]
    fn a_heading_without_blanks_around_it() {
        let r = reflow("标题2023年政府信息公开工作年度报告一、总体情况正文（一）主动公开2023年，公开了。二、主动公开政府信息情况表三、收到和处理政府信息公开申请情况表")
            .expect("cut");
        assert!(r.contains("\n（一）主动公开\n2023年，公开了。\n"), "{r}");
        assert!(r.contains("\n三、收到和处理政府信息公开申请情况\n"), "{r}");
    }
}
