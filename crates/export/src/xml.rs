//! Escaping for XML and HTML text: every user string goes through here.

/// Escapes `& < > " '` and drops characters XML 1.0 cannot carry (control characters), so that
/// any text the user typed — `]]></w:t>`, `<img onerror=…>` — comes out literally and the file
/// stays valid.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            super::escape("<img src=x onerror=alert(1)>]]></w:t>&\u{1}"),
            "&lt;img src=x onerror=alert(1)&gt;]]&gt;&lt;/w:t&gt;&amp;"
        );
    }
}
