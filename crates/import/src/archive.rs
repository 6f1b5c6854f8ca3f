//! Text saved by a web archiver or crawler: metadata lines ("标题:", "发布时间:", "原文链接:",
//! "本地目录:") above a "==== 正文 ====" rule, then the page's text. The title is taken from its
//! "标题:" line (never "标题:…" as the title); the other metadata lines are the archiver's, no part
//! of the report. One line in, one line out, so line numbers stay true.

/// How far down the metadata may reach: a crawler writes a handful of lines.
const HEADER_LINES: usize = 30;

/// The text with an archiver's header reduced to the report's title. None when the text has no
/// such header.
pub fn without_header(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let rule = lines
        .iter()
        .take(HEADER_LINES)
        .position(|l| is_body_rule(l))?;
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        if i < rule {
            if let Some(title) = title_of(line) {
                out.push_str(title);
            }
        } else if i > rule {
            out.push_str(line);
        }
        out.push('\n');
    }
    Some(out)
}

/// "==================== 正文 ====================".
fn is_body_rule(line: &str) -> bool {
    let t = line.trim();
    let inner = t.trim_matches(['=', '-', ' ']);
    inner == "正文" && t.len() > inner.len() + 4
}

/// "标题: 某某局2023年政府信息公开工作年度报告" → the title.
fn title_of(line: &str) -> Option<&str> {
    let t = line.trim();
    let rest = t.strip_prefix("标题")?;
    let rest = rest.strip_prefix([':', '：'])?.trim();
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_goes_and_its_title_stays() {
        let text = "标题: 平潭综合实验区2022年度政府信息公开工作年度报告\n发布时间: 2023-02-20 15:07\n原文链接: https://www.pingtan.gov.cn/a.htm\n==================== 正文 ====================\n本报告根据……\n";
        assert_eq!(
            without_header(text).as_deref(),
            Some("平潭综合实验区2022年度政府信息公开工作年度报告\n\n\n\n本报告根据……\n")
        );
    }

    #[test]
    fn a_report_without_the_rule_is_left_alone() {
        assert_eq!(without_header("标题：某局年报\n一、总体情况\n"), None);
    }
}
