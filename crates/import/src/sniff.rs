//! Which form a file is, from its first bytes: magic numbers and markup, not the extension.

/// Larger than any report in any form (a Word file with photos stays well under this).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A zip: Word's .docx when it holds word/document.xml.
    Docx,
    /// An OLE2 compound file: Word 97–2003 .doc or WPS .wps.
    OldWord,
    Pdf,
    /// A web page, or a web archive (.mht) holding one.
    Html,
    Text,
}

pub fn sniff(bytes: &[u8]) -> Form {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Form::Docx;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Form::OldWord;
    }
    // The PDF header may follow some junk, within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Form::Pdf;
    }
    if looks_like_html(bytes) || crate::mhtml::is_mhtml(bytes) {
        return Form::Html;
    }
    Form::Text
}

/// Markup at the start: a doctype, or an element every saved page has, within the first 4 KB
/// (ASCII-compatible encodings and UTF-16 alike, by ignoring NUL bytes).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .filter(|&&b| b != 0)
        .map(u8::to_ascii_lowercase)
        .collect();
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF | 0xFF | 0xFE));
    if start.is_none_or(|i| head[i] != b'<') {
        return false;
    }
    const MARKERS: [&[u8]; 6] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<table",
    ];
    MARKERS
        .iter()
        .any(|m| head.windows(m.len()).any(|w| w == *m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_by_content() {
        assert_eq!(sniff(b"PK\x03\x04\x14\x00"), Form::Docx);
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
            Form::OldWord
        );
        assert_eq!(sniff(b"%PDF-1.7\n"), Form::Pdf);
        assert_eq!(sniff(b"\r\n%PDF-1.4"), Form::Pdf);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Form::Html);
        assert_eq!(sniff(b"\xEF\xBB\xBF  <HTML><BODY>"), Form::Html);
        assert_eq!(sniff(b"<meta charset=gbk><p>x"), Form::Html);
        assert_eq!(
            sniff("孟州市人民政府2023年政府信息公开工作年度报告".as_bytes()),
            Form::Text
        );
        // Text that mentions a tag is still text.
        assert_eq!(sniff("标题\n用 <table> 排版".as_bytes()), Form::Text);
        assert_eq!(sniff(b""), Form::Text);
    }
}
