//! What a page or a printed copy adds around a report and is no part of it: page numbers
//! ("— 3 —", "第 3 页 共 9 页") and a web page's chrome (breadcrumbs, "发布时间：…", print and
//! share links, the footer with its ICP number). Such lines are dropped before a report is read,
//! so they never become its title, its text or its numbers.

use nianbao_core::cell::fold_width;

/// The text without blanks, full-width forms folded ("－３－" → "-3-").
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_width)
        .collect()
}

/// "— 3 —", "-3-", "第3页", "第 3 页 共 6 页", "3/6", "3": a page number, where a line of a PDF
/// page stands apart (a bare number may be a table's data elsewhere: see [`is_text_folio`]).
pub fn is_folio(text: &str) -> bool {
    let t = folded(text);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    let dashes: &[char] = &['—', '-', '–', '－', '―', '─'];
    let inner = t.trim_matches(dashes);
    if digits(inner) && inner.len() < t.len() || digits(&t) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        if let Some((n, tail)) = rest.split_once('页') {
            return digits(n)
                && (tail.is_empty()
                    || tail
                        .strip_prefix('共')
                        .and_then(|m| m.strip_suffix('页'))
                        .is_some_and(digits));
        }
    }
    t.split_once('/')
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// A page number in text, where a line holding a bare number is a table cell: only the forms
/// that say they are page numbers ("— 3 —", "-3-", "第 3 页 共 9 页").
pub fn is_text_folio(text: &str) -> bool {
    let t = folded(text);
    let dashes: &[char] = &['—', '-', '–', '－', '―', '─'];
    // "-3" is a (wrong) number someone typed into a cell, not a page number.
    let dashed = t.starts_with(dashes) && t.ends_with(dashes);
    is_folio(&t) && (dashed || t.starts_with('第'))
}

/// Where a page's chrome starts after a report: links and the footer.
pub const CHROME_STARTS: [&str; 16] = [
    "【打印】",
    "【打印本页】",
    "【关闭】",
    "【关闭窗口】",
    "【返回顶部】",
    "打印本页",
    "关闭窗口",
    "分享到",
    "主办单位：",
    "承办单位：",
    "版权所有",
    "网站标识码",
    "技术支持：",
    "上一篇：",
    "下一篇：",
    "扫一扫在手机打开当前页",
];

/// The words a chrome line before the report starts with.
const HEADER_STARTS: [&str; 9] = [
    "发布时间",
    "发布日期",
    "发布机构",
    "来源：",
    "信息来源",
    "浏览次数",
    "点击数",
    "字号",
    "【字体",
];

/// A line of a page's footer: links and the site's registration numbers, after which nothing
/// is the report's.
pub fn is_footer(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}');
    !t.is_empty()
        && t.chars().count() <= 150
        && (CHROME_STARTS.iter().any(|w| t.starts_with(w))
            || t.contains("ICP备")
            || t.contains("网站标识码")
            || t.contains("公网安备"))
}

/// A line of a web page's chrome: a breadcrumb ("首页 > 政务公开 > …"), the article's date and
/// source, a link, the footer. Only short lines: a paragraph mentioning "来源" is text.
pub fn is_chrome(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}');
    if t.is_empty() || t.chars().count() > 150 {
        return false;
    }
    let crumbs = ['>', '＞', '»', '›'];
    let breadcrumb = [
        "首页",
        "当前位置",
        "您当前的位置",
        "您现在的位置",
        "当前的位置",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        && t.contains(crumbs);
    breadcrumb || HEADER_STARTS.iter().any(|w| t.starts_with(w)) || is_footer(t) || is_label(t)
}

/// A page's labels and buttons on a line of their own ("正文", "【打印本页】"): said by a site or
/// a converter, never by a report, and taken for its title when they come first.
fn is_label(t: &str) -> bool {
    const LABELS: [&str; 8] = [
        "正文",
        "全文",
        "文章正文",
        "打印",
        "打印本页",
        "关闭",
        "关闭窗口",
        "返回顶部",
    ];
    let bare = t
        .trim_matches(|c: char| matches!(c, '【' | '】' | '[' | ']' | '〔' | '〕'))
        .trim_end_matches([':', '：'])
        .trim();
    LABELS.contains(&bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_on_their_own_line_only() {
        for l in ["正文", "正文：", "【打印本页】", "[关闭窗口]", " 全文 "] {
            assert!(is_chrome(l), "{l}");
        }
        for l in ["正文部分共六章", "打印机采购", "全文包括总体情况"] {
            assert!(!is_chrome(l), "{l}");
        }
    }

    #[test]
    fn page_numbers() {
        for f in [
            "— 3 —",
            "-3-",
            "－ 12 －",
            "第3页",
            "第 3 页 共 6 页",
            "3/6",
            "7",
        ] {
            assert!(is_folio(f), "{f}");
        }
        for t in ["2023年", "一、总体情况", "第三页", "3件", "—"] {
            assert!(!is_folio(t), "{t}");
        }
        assert!(is_text_folio("— 3 —") && is_text_folio("第 3 页 共 9 页"));
        for t in ["7", "3/6", "\t0", "-3", "— 第三部分 —", "—"] {
            assert!(!is_text_folio(t), "{t}");
        }
    }

    #[test]
    fn chrome_lines() {
        for c in [
            "首页 > 政务公开 > 政府信息公开年报",
            "当前位置：首页 » 年报",
            "发布时间：2024-01-20 来源：县政府办 浏览次数：120",
            "【打印】【关闭】",
            "分享到：",
            "主办单位：某县人民政府办公室 承办单位：某县大数据中心",
            "豫ICP备12345678号-1 网站标识码：4108830001",
            "字号：大 中 小",
        ] {
            assert!(is_chrome(c), "{c}");
        }
        for t in [
            "孟州市人民政府2023年政府信息公开工作年度报告",
            "一、总体情况",
            "首页改版后，平台建设持续推进。",
            "（三）政府信息管理",
            "来源于群众的意见建议，均已办理。",
        ] {
            assert!(!is_chrome(t), "{t}");
        }
    }
}
