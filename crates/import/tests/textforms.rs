//! Text in the forms real copies take: the whole report on one line, a title broken over two
//! lines, page numbers, and a web page's chrome around the report. Each seed is made into the
//! form by the test and must import to its own numbers and texts.

mod common;

use common::{nothing_silently_wrong, same_text, seed};
use nianbao_core::Report;
use nianbao_import::import_text;

/// Agency, kind and year equal; the title equal but for blanks (a title put back together from
/// two lines or two words has a blank where the page had a line break).
fn same_meta(truth: &Report, got: &Report, what: &str) {
    assert_eq!(got.meta.agency, truth.meta.agency, "{what}: 机关");
    assert_eq!(got.meta.kind, truth.meta.kind, "{what}: 类型");
    assert_eq!(got.meta.year, truth.meta.year, "{what}: 年度");
    let bare = |r: &Report| r.title().split_whitespace().collect::<String>();
    assert_eq!(bare(got), bare(truth), "{what}: 标题");
}

/// The whole report on one line: every line break and tab a blank, as a page's text with its
/// tags stripped gives it.
fn one_line(text: &str, sep: &str) -> String {
    text.lines()
        .map(|l| l.replace('\t', sep))
        .collect::<Vec<_>>()
        .join(sep)
}

#[test]
fn every_seed_on_one_line_imports_to_its_numbers_and_texts() {
    for i in 0..5 {
        let text = seed(i);
        let truth = import_text(&text);
        for (form, line) in [
            ("blanks", one_line(&text, " ")),
            ("tabs", one_line(&text, "\t")),
        ] {
            assert_eq!(line.lines().count(), 1);
            let what = format!("seed {i} on one line ({form})");
            let got = import_text(&line);
            assert_eq!(got.sections_found, 6, "{what}");
            same_meta(&truth.report, &got.report, &what);
            let tally = nothing_silently_wrong(&truth.report, &got, &what);
            assert_eq!(tally.blank_named, 0, "{what}: every number read");
            same_text(&truth.report, &got.report, &what);
            assert!(
                got.findings.iter().any(|f| f.reason.contains("没有分行")),
                "{what}: the user is told"
            );
        }
    }
}

/// The seed as a saved web page's text: breadcrumbs, date and source, the title over two lines,
/// page numbers between paragraphs, print and share links and the footer.
fn with_chrome(text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let title = lines
        .iter()
        .position(|l| l.contains("年度报告"))
        .expect("title");
    let t = lines[title].trim().to_string();
    let cut = t
        .find(|c: char| c.is_ascii_digit())
        .expect("year in the title");
    lines.splice(title..=title, [t[..cut].to_string(), t[cut..].to_string()]);
    let mut out = vec![
        "首页 > 政务公开 > 政府信息公开年报".to_string(),
        "发布时间：2024-01-20 09:30 来源：县政府办公室 浏览次数：126".to_string(),
        "字号：大 中 小".to_string(),
    ];
    for (k, l) in lines.into_iter().enumerate() {
        out.push(l);
        if k % 40 == 39 {
            out.push(format!("— {} —", k / 40 + 1));
        }
    }
    out.extend(
        [
            "【打印本页】 【关闭窗口】",
            "分享到：",
            "主办单位：某县人民政府办公室 承办单位：某县大数据中心",
            "豫ICP备12345678号-1 网站标识码：4108830001 豫公网安备 41088302000001号",
        ]
        .map(str::to_string),
    );
    out.join("\n")
}

#[test]
fn every_seed_in_a_web_pages_chrome_imports_to_its_numbers_and_texts() {
    for i in 0..5 {
        let text = seed(i);
        let truth = import_text(&text);
        let page = with_chrome(&text);
        for (form, page) in [("lines", page.clone()), ("one line", one_line(&page, " "))] {
            let what = format!("seed {i} in a page ({form})");
            let got = import_text(&page);
            same_meta(&truth.report, &got.report, &what);
            let tally = nothing_silently_wrong(&truth.report, &got, &what);
            assert_eq!(tally.blank_named, 0, "{what}: every number read");
            same_text(&truth.report, &got.report, &what);
            let named: Vec<_> = got
                .findings
                .iter()
                .filter(|f| f.reason.contains("栏目信息"))
                .map(|f| &f.text)
                .collect();
            assert!(
                named.is_empty(),
                "{what}: chrome around the report named: {named:?}"
            );
            for chrome in ["ICP", "分享到", "打印", "浏览次数", "— 1 —"] {
                assert!(
                    !got.report.other.contains(chrome)
                        && !got.report.overview.intro.contains(chrome)
                        && !got.report.problems.contains(chrome),
                    "{what}: “{chrome}” read as report text"
                );
            }
        }
    }
}

/// Seed 003 with `lines` right under its heading 五.
fn seed_3_with_lines_in_5(lines: &str) -> String {
    let text = seed(3);
    let heading = text
        .lines()
        .find(|l| l.contains("五、存在的主要问题"))
        .expect("heading 五");
    text.replacen(heading, &format!("{heading}\n{lines}"), 1)
}

#[test]
fn a_line_inside_the_report_that_reads_like_chrome_is_named() {
    use nianbao_core::model::Section;
    use nianbao_core::FieldPath;
    let line = "来源：本机关2023年度政府信息公开工作台账";
    let page = with_chrome(&seed_3_with_lines_in_5(line));
    let got = import_text(&page);
    let named: Vec<_> = got
        .findings
        .iter()
        .filter(|f| f.reason.contains("栏目信息"))
        .collect();
    assert_eq!(named.len(), 1, "{:?}", got.findings);
    assert_eq!(named[0].text, line);
    assert_eq!(named[0].path, Some(FieldPath::Section(Section::Problems)));
    assert_eq!(
        page.lines().nth(named[0].line - 1),
        Some(line),
        "its line number"
    );
    assert!(
        !got.report.problems.contains("工作台账"),
        "dropped from the text"
    );
}

/// Many such lines are the page's, not the report's: twenty are named, one note counts the rest.
#[test]
fn many_chrome_like_lines_inside_the_report_are_counted_not_listed() {
    let junk = "来源：本机关\n".repeat(500);
    let got = import_text(&seed_3_with_lines_in_5(junk.trim_end()));
    let named = got
        .findings
        .iter()
        .filter(|f| f.reason.contains("栏目信息"))
        .count();
    assert_eq!(named, 21, "20 named and one count");
    assert!(got
        .findings
        .iter()
        .any(|f| f.reason.contains("另有 480 行")));
}
