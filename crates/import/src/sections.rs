//! Splitting the text into its title, the six sections, and the five parts of 一.

use std::collections::HashMap;

use nianbao_core::cell::fold_width;
use nianbao_core::model::{Overview, Part, PartKind, Section};

use crate::labels::section_heading;
use crate::tokens::is_blank;
use crate::ImportFinding;

pub type Line<'a> = (usize, &'a str);

/// Longer than any real title ("…人民政府办公室2025年政府信息公开工作年度报告" is ~40).
const MAX_TITLE: usize = 80;

pub struct Split<'a> {
    pub title: Option<(usize, String)>,
    /// Lines between the title and 一、总体情况.
    pub preface: Vec<Line<'a>>,
    pub bodies: HashMap<Section, Vec<Line<'a>>>,
}

pub fn split<'a>(lines: &[&'a str], findings: &mut Vec<ImportFinding>) -> Split<'a> {
    let mut s = Split {
        title: None,
        preface: Vec::new(),
        bodies: HashMap::new(),
    };
    let mut current: Option<Section> = None;
    for (i, raw) in lines.iter().enumerate() {
        let n = i + 1;
        let line = raw.trim_end_matches('\r');
        if let Some(section) = section_heading(line) {
            if let std::collections::hash_map::Entry::Vacant(e) = s.bodies.entry(section) {
                e.insert(Vec::new());
                current = Some(section);
                continue;
            }
            // A heading printed a second time stays in the text, where the validator flags it.
            findings.push(ImportFinding {
                line: n,
                text: line.trim().to_string(),
                reason: format!(
                    "标题“{}”出现了第二次，已作为正文保留，请删去多余的一处。",
                    section.heading()
                ),
                path: Some(nianbao_core::FieldPath::Section(section)),
            });
        }
        if current == Some(Section::Review)
            && !s.bodies.contains_key(&Section::Problems)
            && starts_problems_unheaded(line)
        {
            // "（一）2024年工作中存在问题的改进情况" straight after table 四: section 五 printed
            // without its own heading. The line stays, as the first of 五's text.
            findings.push(ImportFinding {
                line: n,
                text: line.trim().to_string(),
                reason: format!(
                    "这里没有“{}”的标题，从这一行起的文字已作为第五部分导入，请核对。",
                    Section::Problems.heading()
                ),
                path: Some(nianbao_core::FieldPath::Problems),
            });
            s.bodies.insert(Section::Problems, Vec::new());
            current = Some(Section::Problems);
        }
        match current {
            Some(sec) => s.bodies.entry(sec).or_default().push((n, line)),
            None if line.trim_matches(is_blank).is_empty() => {}
            // A title is one short line; a long first line (text pasted without line breaks) is
            // body text, and the report is then said to have no title.
            None if s.title.is_none()
                && line.trim_matches(is_blank).chars().count() <= MAX_TITLE =>
            {
                s.title = Some((n, line.trim_matches(is_blank).to_string()))
            }
            // A title broken over two lines ("某县人民政府" / "2023年政府信息公开工作年度报告",
            // or "…年度报" / "告"): the second half joins the first.
            None if s.preface.is_empty()
                && s.title.as_ref().is_some_and(|(_, t)| {
                    !t.contains("报告")
                        && format!("{}{}", t, line.trim_matches(is_blank)).contains("报告")
                })
                && line.trim_matches(is_blank).chars().count() <= MAX_TITLE =>
            {
                if let Some((_, t)) = s.title.as_mut() {
                    t.push_str(line.trim_matches(is_blank));
                }
            }
            None => s.preface.push((n, line)),
        }
    }
    s
}

/// Non-empty lines, trimmed, joined by "\n".
/// "（一）存在的主要问题", "（一）2024 年工作中存在问题的改进情况": the first part of 五, where a
/// report left out "五、" and its heading.
fn starts_problems_unheaded(line: &str) -> bool {
    let folded: String = line
        .chars()
        .map(nianbao_core::cell::fold_width)
        .filter(|c| !is_blank(*c))
        .collect();
    folded.starts_with("(一)")
        && folded.chars().count() <= 30
        && folded.contains("问题")
        && (folded.contains("存在") || folded.contains("改进"))
}

pub fn paragraphs(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|(_, l)| l.trim_matches(is_blank))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// "（二）依申请公开情况" → (numeral index 1, rest after the numbering).
fn part_heading(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start_matches(is_blank);
    let mut chars = t.char_indices();
    let (_, open) = chars.next()?;
    if !matches!(fold_width(open), '(') {
        return None;
    }
    let (_, numeral) = chars.next()?;
    let index = "一二三四五".chars().position(|c| c == numeral)?;
    let (close_at, close) = chars.next()?;
    if fold_width(close) != ')' {
        return None;
    }
    Some((
        index,
        t[close_at + close.len_utf8()..].trim_matches(is_blank),
    ))
}

/// How many characters of a part's first line name its topic when no heading ends before its
/// text: the longest heading of the template's five parts is 12 characters, "政府信息依申请公开办理情况"
/// 13; a little more allows for "关于" and "方面".
const HEADING_PROBE: usize = 20;

/// Which part a heading is about, by its words — the one named first, so "政府信息管理和平台建设"
/// is 政府信息管理 — and by the printed numeral only when the words say nothing (000 prints 平台建设
/// as its second part).
fn topic(heading: &str, index: usize) -> PartKind {
    const WORDS: &[(&str, PartKind)] = &[
        ("依申请", PartKind::Requests),
        ("主动公开", PartKind::Active),
        ("平台", PartKind::Platform),
        ("监督", PartKind::Supervision),
        ("保障", PartKind::Supervision),
        ("信息管理", PartKind::Management),
    ];
    WORDS
        .iter()
        .filter_map(|(w, k)| heading.find(w).map(|at| (at, *k)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, k)| k)
        .unwrap_or(PartKind::ALL[index])
}

/// Splits "主动公开：持续深化…" into heading and text; a short line is a heading alone.
fn heading_and_text(rest: &str) -> (String, String) {
    const MAX_HEADING: usize = 25;
    for (count, (i, c)) in rest.char_indices().enumerate() {
        if count > MAX_HEADING {
            break;
        }
        if matches!(c, '：' | ':' | '。') {
            let text = rest[i + c.len_utf8()..].trim_matches(is_blank).to_string();
            return (rest[..i].trim_matches(is_blank).to_string(), text);
        }
    }
    if rest.chars().count() <= 30 {
        (
            rest.trim_end_matches(['：', ':', '。']).to_string(),
            String::new(),
        )
    } else {
        (String::new(), rest.to_string())
    }
}

pub fn overview(preface: &[Line], body: &[Line], findings: &mut Vec<ImportFinding>) -> Overview {
    let mut o = Overview::default();
    let mut intro: Vec<Line> = preface.to_vec();
    if let Some((n, l)) = preface.first() {
        findings.push(ImportFinding {
            line: *n,
            text: l.trim().to_string(),
            reason: "标题与“一、总体情况”之间的文字已放在总体情况的开头部分，请核对。".into(),
            path: Some(nianbao_core::FieldPath::Intro),
        });
    }
    let mut current: Option<(PartKind, Vec<String>)> = None;
    let flush = |o: &mut Overview, current: &mut Option<(PartKind, Vec<String>)>| {
        if let Some((k, texts)) = current.take() {
            if let Some(part) = o.part_slot(k).as_mut() {
                let joined = texts.join("\n");
                if !joined.is_empty() {
                    if !part.text.is_empty() {
                        part.text.push('\n');
                    }
                    part.text.push_str(&joined);
                }
            }
        }
    };
    for &(n, line) in body {
        if let Some((index, rest)) = part_heading(line) {
            let (heading, text) = heading_and_text(rest);
            // A heading run into its paragraph ("（三）政府信息公开平台建设情况印发《…》…主动公开…")
            // is known by its first words, not by a word its text uses later.
            let probe: String = if heading.is_empty() {
                rest.chars().take(HEADING_PROBE).collect()
            } else {
                heading.clone()
            };
            let kind = topic(&probe, index);
            flush(&mut o, &mut current);
            if o.part(kind).is_some() {
                findings.push(ImportFinding {
                    line: n,
                    text: line.trim().to_string(),
                    reason: format!(
                        "“{}{}”部分出现了两次，后一处的文字已接在前一处后面，请核对。",
                        kind.numeral(),
                        kind.heading()
                    ),
                    path: Some(nianbao_core::FieldPath::Part(kind)),
                });
            } else {
                let heading = if heading == kind.heading() {
                    String::new()
                } else {
                    heading
                };
                *o.part_slot(kind) = Some(Part {
                    heading,
                    text: String::new(),
                });
            }
            current = Some((kind, if text.is_empty() { vec![] } else { vec![text] }));
            continue;
        }
        let l = line.trim_matches(is_blank);
        if l.is_empty() {
            continue;
        }
        match current.as_mut() {
            Some((_, texts)) => texts.push(l.to_string()),
            None => intro.push((n, line)),
        }
    }
    flush(&mut o, &mut current);
    o.intro = paragraphs(&intro);
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_broken_over_two_lines_is_joined_wherever_the_break_falls() {
        for (a, b) in [
            ("某县人民政府", "2023年政府信息公开工作年度报告"),
            ("孟州市人民政府2023年政府信息公开工作年度报", "告"),
        ] {
            let lines = [a, b, "一、总体情况", "正文"];
            let mut findings = Vec::new();
            let s = split(&lines, &mut findings);
            assert_eq!(s.title, Some((1, format!("{a}{b}"))));
            assert!(s.preface.is_empty(), "{:?}", s.preface);
        }
    }

    #[test]
    fn part_headings_in_their_printed_forms() {
        assert_eq!(
            part_heading("(一) 主动公开：持续深化"),
            Some((0, "主动公开：持续深化"))
        );
        assert_eq!(
            part_heading("（五）监督保障情况"),
            Some((4, "监督保障情况"))
        );
        assert_eq!(part_heading("（六）其他"), None);
        assert_eq!(
            heading_and_text("主动公开：持续深化"),
            ("主动公开".into(), "持续深化".into())
        );
        assert_eq!(
            heading_and_text("主动公开情况。一是做好"),
            ("主动公开情况".into(), "一是做好".into())
        );
        assert_eq!(
            heading_and_text("不断优化政府信息公开平台建设"),
            ("不断优化政府信息公开平台建设".into(), String::new())
        );
        assert_eq!(topic("不断优化政府信息公开平台建设", 1), PartKind::Platform);
        assert_eq!(topic("公开平台建设", 3), PartKind::Platform);
        // pingtan-czj-2023: the heading runs into its paragraph, which names 主动公开 later on.
        let rest = "政府信息公开平台建设情况印发《平潭综合实验区财政金融局关于进一步推进政务公开工作有关事项的通知》，一是配合做好全区政府网站升级改造工作，主动公开政府信息107条";
        assert_eq!(heading_and_text(rest).0, "");
        let probe: String = rest.chars().take(HEADING_PROBE).collect();
        assert_eq!(topic(&probe, 2), PartKind::Platform);
        assert_eq!(topic("政府信息管理和平台建设", 2), PartKind::Management);
    }
}
