//! Table lines into tokens: tab-separated cells, and inside a cell, runs separated by blanks
//! (text copied from web pages often loses its tabs), with numbering kept on its label.

use nianbao_core::cell::fold_width;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// An empty tab-separated cell.
    Empty,
    /// Something that looks like a number, as printed.
    Value(String),
    /// Anything else: a label, a header word, or a cell holding text.
    Text(String),
}

pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}'
}

/// "12", "805.50", "１２", "-3", "1,234": a cell value (valid or not, the core decides).
pub fn is_value(s: &str) -> bool {
    let mut digits = 0;
    for c in s.chars().map(fold_width) {
        match c {
            '0'..='9' => digits += 1,
            '.' | ',' | '-' | '+' => {}
            _ => return false,
        }
    }
    digits > 0
}

/// "1." "１．" "2、" "(一)" "（三）": numbering that belongs to the label after it.
fn is_numbering(s: &str) -> bool {
    let f: String = s.chars().map(fold_width).collect();
    let digits_dot = f
        .strip_suffix(['.', '、'])
        .is_some_and(|d| !d.is_empty() && d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()));
    let bracketed = f
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|d| {
            !d.is_empty()
                && d.chars()
                    .all(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
        });
    digits_dot || bracketed
}

pub fn tokenize(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for cell in line.split('\t') {
        let cell = cell.trim_matches(is_blank);
        if cell.is_empty() {
            out.push(Token::Empty);
            continue;
        }
        let parts: Vec<&str> = cell.split(is_blank).filter(|p| !p.is_empty()).collect();
        let mut text = String::new();
        for (i, part) in parts.iter().enumerate() {
            let next_is_text = parts.get(i + 1).is_some_and(|n| !is_value(n));
            // Numbering ("1." "(一)") starts a new label, even right after another label:
            // "三、本年度办理结果 (一) 予以公开" is two labels.
            if is_numbering(part) && next_is_text {
                if !text.is_empty() {
                    out.push(Token::Text(std::mem::take(&mut text)));
                }
                text.push_str(part);
                continue;
            }
            if is_value(part) {
                if !text.is_empty() {
                    out.push(Token::Text(std::mem::take(&mut text)));
                }
                out.push(Token::Value((*part).to_string()));
            } else {
                text.push_str(part);
            }
        }
        if !text.is_empty() {
            out.push(Token::Text(text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Token::*;

    fn v(s: &str) -> Token {
        Value(s.into())
    }
    fn t(s: &str) -> Token {
        Text(s.into())
    }

    #[test]
    fn tabs_spaces_and_numbering() {
        assert_eq!(
            tokenize("\t\t1. 属于国家秘密\t0\t\t7"),
            vec![Empty, Empty, t("1.属于国家秘密"), v("0"), Empty, v("7")]
        );
        assert_eq!(
            tokenize("一、本年新收政府信息公开申请数量 91 0\u{a0}0 ５５"),
            vec![
                t("一、本年新收政府信息公开申请数量"),
                v("91"),
                v("0"),
                v("0"),
                v("５５")
            ]
        );
        assert_eq!(tokenize("3. 其他\t\t12"), vec![t("3.其他"), Empty, v("12")]);
        assert_eq!(tokenize("结果 维持"), vec![t("结果维持")]);
        assert_eq!(tokenize(" \t"), vec![Empty, Empty]);
        assert_eq!(tokenize("805.50"), vec![v("805.50")]);
        assert_eq!(
            tokenize("三、本年度办理结果 (一) 予以公开 ５３"),
            vec![t("三、本年度办理结果"), t("(一)予以公开"), v("５３")]
        );
    }
}
