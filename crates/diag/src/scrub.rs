//! What a message may carry into the log. A panic message is whatever the panicking code
//! formatted, and some of std's own quote the data they failed on: slicing a string at a bad
//! place prints the string (“byte index 5 is not a char boundary; it is inside '年' … of
//! `某局2023年…`”), an `unwrap()` prints the error's `Debug`, which quotes every string field. A
//! window's error can quote its input too (`JSON Parse error: Unexpected identifier "…"`). The
//! report's text is the agency's, not ours to send, so before anything is written:
//!
//! - whatever stands in quotes (`"…"`, `'…'`, `` `…` ``, `“…”`, `‘…’`, `「…」`, `『…』`) becomes
//!   `…`, except a backticked Rust name such as `` `Result::unwrap()` `` or `` `Err` `` (std's
//!   messages name the failing call that way, and it is what a developer needs);
//! - outside quotes, only printable ASCII stays: any other character (all Chinese text) becomes
//!   `…`, so an unquoted `Display` of the report's words cannot pass either;
//! - the result is cut at a fixed length.
//!
//! Figures stay (an index, a length, a line number are the point of most panic messages): a bare
//! number, its label gone, is not the report's text. Over-scrubbing is the safe side: an English
//! apostrophe (`can't`) hides the rest of the message up to the next quote.

/// Longest message kept, in characters (a panic message or a window error's message).
pub const MESSAGE_CHARS: usize = 300;
/// Longest stack line kept, in characters, and how many lines of a stack.
pub const STACK_LINE_CHARS: usize = 200;
pub const STACK_LINES: usize = 20;

const HIDDEN: char = '…';

/// `text` with quoted spans and non-ASCII characters hidden, on one line, at most `max` characters
/// (a cut one ends in `…`).
pub fn scrub(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(close) = closing_quote(c) {
            let end = chars[i + 1..].iter().position(|&d| d == close);
            match end {
                Some(len) => {
                    let inner: String = chars[i + 1..i + 1 + len].iter().collect();
                    out.push(c);
                    if c == '`' && is_rust_name(&inner) {
                        out.push_str(&inner);
                    } else {
                        out.push(HIDDEN);
                    }
                    out.push(close);
                    i += len + 2;
                }
                None => {
                    // An unclosed quote: what follows may be the quoted text itself, cut.
                    out.push(c);
                    push_hidden(&mut out);
                    break;
                }
            }
            continue;
        }
        if c == ' ' || c.is_ascii_graphic() {
            out.push(c);
        } else if c.is_whitespace() || c.is_control() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            push_hidden(&mut out);
        }
        i += 1;
    }
    cut(out.trim(), max)
}

/// A stack (one frame a line): each line scrubbed, at most [`STACK_LINES`] of them.
pub fn scrub_stack(stack: &str) -> Vec<String> {
    let lines: Vec<&str> = stack
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // A frame with neither name nor place (WebKit writes `@` for code run by `eval`) says nothing.
    let mut out: Vec<String> = lines
        .iter()
        .take(STACK_LINES)
        .map(|l| scrub(l, STACK_LINE_CHARS))
        .filter(|l| l.chars().any(|c| c.is_ascii_alphanumeric()))
        .collect();
    if lines.len() > STACK_LINES {
        out.push(format!("…（另有 {} 行未记）", lines.len() - STACK_LINES));
    }
    out
}

fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' | '\'' | '`' => Some(c),
        '“' => Some('”'),
        '‘' => Some('’'),
        '「' => Some('」'),
        '『' => Some('』'),
        _ => None,
    }
}

/// A path or call as std's messages name them (`Result::unwrap()`, `Option::expect()`), or one
/// of the variants they quote. A lone ASCII word is not enough: it could be a report's.
fn is_rust_name(s: &str) -> bool {
    let word = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if matches!(s, "Err" | "Ok" | "None" | "Some") {
        return true;
    }
    let bare = s.strip_suffix("()").unwrap_or(s);
    (s.ends_with("()") || bare.contains("::")) && bare.split("::").all(word)
}

fn push_hidden(out: &mut String) {
    if !out.ends_with(HIDDEN) {
        out.push(HIDDEN);
    }
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push(HIDDEN);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_string_slice_keeps_its_numbers_not_its_string() {
        let m = "byte index 5 is not a char boundary; it is inside '年' (bytes 3..6) of `某局2023年政府信息公开工作年度报告`";
        assert_eq!(
            scrub(m, MESSAGE_CHARS),
            "byte index 5 is not a char boundary; it is inside '…' (bytes 3..6) of `…`"
        );
    }

    #[test]
    fn an_unwrap_keeps_the_call_and_the_error_type_not_its_fields() {
        let m = "called `Result::unwrap()` on an `Err` value: Parse { text: \"孟州市人民政府\", at: 3 }";
        assert_eq!(
            scrub(m, MESSAGE_CHARS),
            "called `Result::unwrap()` on an `Err` value: Parse { text: \"…\", at: 3 }"
        );
    }

    #[test]
    fn unquoted_chinese_and_ascii_in_backticks_are_hidden() {
        assert_eq!(
            scrub("无法解析 805.50 元", MESSAGE_CHARS),
            "… 805.50 …",
            "figures alone stay, the words go"
        );
        assert_eq!(scrub("of `Tel 12345`", 100), "of `…`");
        assert_eq!(
            scrub("of `Internet`", 100),
            "of `…`",
            "a lone word may be the report's"
        );
        assert_eq!(
            scrub("`Option::expect()` failed", 100),
            "`Option::expect()` failed"
        );
        assert_eq!(
            scrub("“某局”与‘本机’「甲」『乙』", 100),
            "“…”…‘…’「…」『…』"
        );
    }

    #[test]
    fn an_unclosed_quote_hides_the_rest() {
        assert_eq!(
            scrub("Unexpected token \"某局的报告…", 100),
            "Unexpected token \"…"
        );
        assert_eq!(scrub("can't read 某局", 100), "can'…");
    }

    #[test]
    fn one_line_and_cut_to_length() {
        assert_eq!(scrub("a\nb\t\tc\r\n", 100), "a b c");
        let long = "x".repeat(1000);
        let s = scrub(&long, 300);
        assert_eq!(s.chars().count(), 300);
        assert!(s.ends_with('…'));
        assert_eq!(scrub("abc", 3), "abc");
    }

    #[test]
    fn stacks_are_scrubbed_line_by_line_and_capped() {
        let stack = "showAbout@tauri://localhost/assets/index-Dk3.js:12:345\n\
                     \n  render@tauri://localhost/assets/index-Dk3.js:1:20 \"某局\"\n@\n";
        assert_eq!(
            scrub_stack(stack),
            [
                "showAbout@tauri://localhost/assets/index-Dk3.js:12:345",
                "render@tauri://localhost/assets/index-Dk3.js:1:20 \"…\""
            ]
        );
        let many = "f@x.js:1:1\n".repeat(50);
        let lines = scrub_stack(&many);
        assert_eq!(lines.len(), STACK_LINES + 1);
        assert_eq!(lines[STACK_LINES], "…（另有 30 行未记）");
    }
}
