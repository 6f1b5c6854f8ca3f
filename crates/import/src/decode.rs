//! Bytes of a text file to text. Reports saved by Notepad or WPS on a Chinese Windows are often
//! GBK ("ANSI") or UTF-16, not UTF-8; all three are read. Anything else is refused in words.

use std::borrow::Cow;

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

use crate::ImportError;

/// Text files of a report are 10–100 KB; past this it is not one.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of
/// GBK and GB2312) when every byte decodes cleanly.
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            size_mb: (bytes.len() as u64).div_ceil(1024 * 1024),
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|_| ImportError::NotText);
    }
    for (bom, enc) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            return if had_errors {
                Err(ImportError::NotText)
            } else {
                Ok(Cow::Owned(text.into_owned()))
            };
        }
    }
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(ImportError::NotText);
    }
    Ok(Cow::Owned(text.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\t12";

    #[test]
    fn reads_utf8_gbk_and_utf16() {
        assert_eq!(decode_text(SAMPLE.as_bytes()).ok().as_deref(), Some(SAMPLE));
        let bom = [b"\xEF\xBB\xBF".as_slice(), SAMPLE.as_bytes()].concat();
        assert_eq!(decode_text(&bom).ok().as_deref(), Some(SAMPLE));
        let (gbk, _, _) = encoding_rs::GBK.encode(SAMPLE);
        assert!(std::str::from_utf8(&gbk).is_err(), "really not UTF-8");
        assert_eq!(decode_text(&gbk).ok().as_deref(), Some(SAMPLE));
        let mut le = vec![0xFF, 0xFE];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(&le).ok().as_deref(), Some(SAMPLE));
        let mut be = vec![0xFE, 0xFF];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_text(&be).ok().as_deref(), Some(SAMPLE));
    }

    #[test]
    fn refuses_binary_files() {
        // The start of a .docx (a zip) and of a PNG.
        assert_eq!(
            decode_text(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"),
            Err(ImportError::NotText)
        );
        assert_eq!(
            decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Err(ImportError::NotText)
        );
        let e = decode_text(&vec![b'a'; MAX_TEXT_BYTES + 1]).expect_err("too large");
        assert!(e.to_string().contains("9 MB"), "{e}");
    }
}
